"""Training jobs, each on its own QThread, talking back through signals: the relay of a training run
or an LR-finder sweep in the helper process, and naming/saving the trained model.

Rules every job here follows (they keep the window responsive and Qt from crashing):

* The GUI thread never imports torch. Engine modules that need it are imported inside
  :meth:`~.framework.Job.work`, which runs on the job's thread.
* Signals are emitted only from the job's QThread, never from a plain Python thread (PySide6 6.8+
  can crash on those). An engine callback that arrives on another thread is queued and re-emitted
  from the job's thread.
* Signals carry plain values (numbers, strings, lists, dicts) or ``QImage`` copies, never tensors.
* Cancelling sets a ``threading.Event`` the engine polls; :class:`~.framework.JobRunner` can then wait for the
  threads, so closing the window mid-job never destroys a running ``QThread``.
"""

from __future__ import annotations

import collections
import importlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal

from ...engine.plain import plain_event, plain_values
from .framework import WORKER_NICENESS, Job

# Batch events of a run on this process's threads (no helper process) are forwarded in chunks at
# most this often (seconds): a fast run produces thousands of batches per second, and one queued
# signal per batch would flood the GUI thread. A run in the helper process is batched there
# (engine.job_process.EVENT_FLUSH_S) and each of its lists is emitted as it comes: batched once.
BATCH_EMIT_INTERVAL_S = 0.05


# ------------------------------------------------------------------------------------------------
# Training


#: Held while a job imports the training engine on a thread of this process (the fallback when
#: no helper process can be started). Two threads importing the same package at once can get it
#: half-initialised ("cannot import name ... from partially initialized module
#: torchvision.transforms"): a Start pressed while a model loads waits for it instead.
TRAINING_IMPORT_LOCK = threading.Lock()


def _job_process():
    """``engine.job_process``, set to start helpers below the GUI's priority (imported on first
    use: multiprocessing is not needed before the first paint)."""
    from ...engine import job_process

    job_process.configure(niceness=WORKER_NICENESS)
    return job_process


def prestart_helper() -> None:
    """Start the helper process training runs use, so that the first Start does not wait ~5 s
    for torch to load there. Call once a model has loaded (or failed to): the helper's imports
    compete for the CPU, and the user's first photos come first. Starting it forks and execs a
    process: call from a worker thread."""
    _job_process().prestart()


def result_to_dict(result: Any) -> dict:
    """A training result as a dict with the fields the view needs always present. A dict (what the
    helper process sent: already plain values) is used as it is; a ``TrainResult`` (a run on this
    process's threads) is converted here, so each result is converted once."""
    d = result if isinstance(result, dict) else plain_values(result)
    d["model_path"] = d.get("model_path") or ""
    d.setdefault("classes", [])
    d.setdefault("per_class", [])
    d.setdefault("confusion_matrix", [])
    d.setdefault("misclassified", [])
    d.setdefault("history", [])
    d.setdefault("cancelled", False)
    return d


class _EventRelayJob(Job):
    """A job that runs an engine function and relays its events as signals: :class:`StageEvent`
    at once, the frequent per-step event (``chunked_kind``) gathered into lists emitted at most
    every :data:`BATCH_EMIT_INTERVAL_S` through :meth:`_emit_chunk`, anything else through
    :meth:`_emit_other`.

    The engine function runs in a helper process (:mod:`engine.job_process`) when
    ``in_child_process`` is true: there it does not take turns with the GUI thread on Python's lock
    (the window stalled up to ~90 ms while training and classifying at once). This job's thread
    then only waits for messages and relays them. An engine callable handed in by the caller, or
    a helper that cannot be started, runs on this job's thread instead, with the same signals."""

    stage = Signal(str, str, int, int)  # stage code, engine message, done, total
    chunked_kind = ""  # class name of the event sent in chunks
    in_child_process = True

    def __init__(self) -> None:
        super().__init__()
        self._events: collections.deque = collections.deque()
        self._pending: list[dict] = []
        self._last_emit = 0.0
        self._owner_ident: int | None = None

    def work(self) -> None:
        self._owner_ident = threading.get_ident()
        self.relay()

    def relay(self) -> None:  # pragma: no cover - abstract
        """The job's work, on its thread (see :meth:`_run_engine`)."""
        raise NotImplementedError

    def _run_engine(self, target: str, kwargs: dict) -> Any:
        """Run ``target`` (``"module:function"``, e.g. in ``engine.app_jobs``) with ``kwargs``;
        returns its plain result."""
        try:
            if self.in_child_process:
                try:
                    return _job_process().run_job(target, kwargs, on_events=self._on_plain_events,
                                                  cancel=self.cancel_event)
                except OSError:
                    pass  # no helper process on this system (limits, sandbox): run it here
            module, _, name = target.partition(":")
            with TRAINING_IMPORT_LOCK:
                fn = getattr(importlib.import_module(module), name)
            return fn(**kwargs, on_event=self._on_event, cancel=self.cancel_event)
        finally:
            self._drain(final=True)

    def _run_callable(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run an engine-like callable on this thread, its events relayed like the engine's."""
        try:
            return fn(*args, **kwargs, on_event=self._on_event, cancel=self.cancel_event)
        finally:
            self._drain(final=True)

    def _emit_chunk(self, chunk: list[dict]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _emit_other(self, kind: str, fields: dict) -> None:
        """An event that is neither a stage nor the chunked kind (ignored unless overridden)."""

    # Engine callback on this process's threads: may in principle come from any thread.
    def _on_event(self, event: Any) -> None:
        self._on_plain_event(*plain_event(event))

    # Events as (kind, fields): from the helper process (on this job's thread) or _on_event.
    def _on_plain_event(self, kind: str, fields: dict) -> None:
        self._events.append((kind, fields))
        if threading.get_ident() == self._owner_ident:
            self._drain()

    # A list of events as the helper process batched it (on this job's thread): shown at once.
    def _on_plain_events(self, events: list[tuple[str, dict]]) -> None:
        self._events.extend(events)
        self._drain(final=True)

    def _drain(self, *, final: bool = False) -> None:
        while self._events:
            kind, fields = self._events.popleft()
            if kind == self.chunked_kind:
                self._pending.append(fields)
                continue
            self._flush()  # what came before this event is shown before it
            if kind == "StageEvent":
                self.stage.emit(str(fields.get("stage", "")), str(fields.get("message", "")),
                                int(fields.get("done") or 0), int(fields.get("total") or 0))
            else:
                self._emit_other(kind, fields)
        if final or time.monotonic() - self._last_emit >= BATCH_EMIT_INTERVAL_S:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            chunk, self._pending = self._pending, []
            self._last_emit = time.monotonic()
            self._emit_chunk(chunk)


class TrainWorker(_EventRelayJob):
    """Runs ``engine.train.train`` and re-emits its events as signals with plain values."""

    batches = Signal(list)  # [BatchEvent fields as dict, ...], in order, chunked
    epoch = Signal(dict)  # EpochEvent fields
    succeeded = Signal(dict)  # result_to_dict(TrainResult); also after a cancel that kept a model
    chunked_kind = "BatchEvent"
    target = "resnet_studio.engine.app_jobs:train_job"

    def __init__(
        self,
        data_dir: os.PathLike | str,
        out_path: os.PathLike | str | None,
        config: dict,
        *,
        train_fn: Callable[..., Any] | None = None,
    ) -> None:
        """``config``: keyword arguments of ``TrainConfig``. ``out_path`` None: a new model in the
        library, named by the engine (``engine.app_jobs.train_job``). ``train_fn`` replaces
        ``engine.train.train`` (same signature, but given ``config`` as a dict; for benchmarks);
        it runs on this job's thread."""
        super().__init__()
        self.data_dir = str(data_dir)
        self.out_path = None if out_path is None else str(out_path)
        self.config = dict(config)
        self._train_fn = train_fn

    def relay(self) -> None:
        if self._train_fn is None:
            result = self._run_engine(self.target, {"data_dir": self.data_dir, "out_path": self.out_path,
                                                    "config": self.config})
        else:
            result = self._run_callable(self._train_fn, self.data_dir, self.out_path, dict(self.config))
        self.succeeded.emit(result_to_dict(result))

    def _emit_chunk(self, chunk: list[dict]) -> None:
        self.batches.emit(chunk)

    def _emit_other(self, kind: str, fields: dict) -> None:
        if kind == "EpochEvent":
            self.epoch.emit(fields)


# ------------------------------------------------------------------------------------------------
# Naming and saving a trained model


# ------------------------------------------------------------------------------------------------
# How long a run will take (plain calls: the planning module loads no torch, numpy or Pillow)


def _train_config(config: dict):
    import dataclasses

    from ...engine.training.contract import TrainConfig

    known = {f.name for f in dataclasses.fields(TrainConfig)}
    return TrainConfig(**{k: v for k, v in config.items() if k in known and k != "init_model"})


def estimate_run(config: dict, counts: list[int], device_type: str = "cpu",
                 forward_s: float | None = None) -> dict:
    """``{"seconds", "mode", "epochs"}``: roughly how long a run with ``config`` (``TrainConfig``
    keyword arguments) on categories of ``counts`` pictures takes (``engine.training.planning``)."""
    from ...engine.training.planning import estimate_seconds

    seconds, plan = estimate_seconds(_train_config(config), list(counts), device_type, forward_s)
    return {"seconds": float(seconds), "mode": plan.mode, "epochs": int(plan.epochs)}


def measured_forward_cost(config: dict, result: dict) -> tuple[str, float] | None:
    """``(device type, seconds per unit of work)`` a finished run measured on this computer, for
    the next :func:`estimate_run`; None when the run says nothing about it."""
    from ...engine.training.planning import forward_cost

    device_type = str(result.get("device") or "cpu").partition(":")[0]
    cost = forward_cost(_train_config(config), result, device_type)
    return None if cost is None else (device_type, float(cost))


class ModelSaveJob(Job):
    """Give a trained model its final name (``engine.library.rename_model``: the file is renamed to
    match and its information updated; the new file is complete before the old one goes)."""

    saved = Signal(str)

    def __init__(self, src: os.PathLike | str, name: str) -> None:
        super().__init__()
        self.src = Path(src)
        self.name = name

    def work(self) -> None:
        from ...engine.library import rename_model

        self.saved.emit(str(rename_model(self.src, self.name)))


# ------------------------------------------------------------------------------------------------
# The learning-rate finder


class LRFinderJob(_EventRelayJob):
    """Runs ``engine.lr_finder.find_lr`` (a short sweep; never writes a model file) and re-emits its
    events: stages as :class:`TrainWorker` does, sweep steps in chunks, the result as a dict."""

    steps = Signal(list)  # [{"step", "steps", "lr", "loss", "raw_loss"}, ...], in order, chunked
    succeeded = Signal(dict)  # LRFinderResult.to_dict()
    chunked_kind = "LRFinderEvent"
    target = "resnet_studio.engine.app_jobs:find_lr_job"

    def __init__(
        self,
        data_dir: os.PathLike | str,
        config: dict,
        *,
        steps: int = 100,
        find_fn: Callable[..., Any] | None = None,
    ) -> None:
        """``config``: keyword arguments of ``TrainConfig`` (its ``lr`` is ignored). ``find_fn``
        replaces ``engine.lr_finder.find_lr`` (same signature, given ``config`` as a dict)."""
        super().__init__()
        self.data_dir = str(data_dir)
        self.config = {k: v for k, v in dict(config).items() if k != "lr"}
        self.n_steps = int(steps)
        self._find_fn = find_fn

    def relay(self) -> None:
        if self._find_fn is None:
            result = self._run_engine(self.target, {"data_dir": self.data_dir, "config": self.config,
                                                      "steps": self.n_steps})
        else:
            result = self._run_callable(self._find_fn, self.data_dir, dict(self.config), steps=self.n_steps)
        self.succeeded.emit(plain_values(result.to_dict() if hasattr(result, "to_dict") else result))

    def _emit_chunk(self, chunk: list[dict]) -> None:
        self.steps.emit(chunk)
