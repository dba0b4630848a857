""":func:`train`: one run from the folder to the model file in place (and its record), choosing the
loop for the mode; and the start of a multi-process run under torchrun.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import replace
from pathlib import Path

from ..cpu_memory import keep_freed_memory
from ..errors import DatasetError
from .base_model import _base_state, _build_model
from .contract import EventFn, StageEvent, TrainConfig, TrainResult
from .head import _train_head
from .network import _train_network
from .outputs import _claim_out
from .planning import _check_config, balance_for, plan_training
from .run import _Run


def train(
    data_dir: os.PathLike | str,
    out_path: os.PathLike | str | None,
    config: TrainConfig | None = None,
    *,
    on_event: EventFn | None = None,
    cancel: threading.Event | None = None,
    split=None,
) -> TrainResult:
    """Train on the class-per-folder (or train/val) folder ``data_dir``; save the best model to
    ``out_path`` (our ``.safetensors`` model file; ``None``: the trained-models folder).

    ``out_path`` may be a folder (an existing one, or one ending in a separator, created): the
    model gets a new name in there. An existing file is replaced only when the run ends.

    Returns a :class:`TrainResult` (also after a cancel: ``cancelled`` is True and ``model_path``
    is the best model saved so far, or None; when ``out_path`` already held a model it is left as
    it was and ``model_path`` is the ``.partial.safetensors`` file beside it). Raises
    :class:`DatasetError`, :class:`ModelError` (:class:`WeightsNotFoundError`),
    :class:`DeviceError`, :class:`OutputWriteError` or :class:`OutputInUseError` (another run is
    saving to ``out_path``; raised before any training).

    Under torchrun every process uses rank 0's ``config.lr`` (see :mod:`distributed`).

    ``split``: ``data_dir`` as :func:`datasets.scan_dataset` read it with ``config.val_fraction``
    and ``config.seed``, when the caller has just done so (``--lr auto`` sweeps first): the folder
    is then not read a second time.
    """
    from ..datasets import scan_dataset
    from ..devices import pick_device

    started = time.perf_counter()
    config = config or TrainConfig()
    cancel = cancel or threading.Event()
    emit: EventFn = on_event or (lambda e: None)
    _check_config(config)
    outputs = contextlib.ExitStack()  # the output's lock, held until the model is in place
    run: _Run | None = None
    # Launched by torchrun (WORLD_SIZE > 1): one process of a DistributedDataParallel run.
    ddp = _start_distributed(config)
    if ddp is not None and not ddp.is_main:
        emit = lambda e: None  # noqa: E731 - only rank 0 reports progress
    try:
        if ddp is not None:
            # Every process trains with rank 0's learning rate: with --lr auto each one ran its own
            # LR-finder sweep before this (no process group existed yet), and sweeps on different
            # GPUs or shares of a noisy loss can suggest different rates; DDP replicas that step
            # with different rates drift apart silently.
            config = replace(config, lr=ddp.broadcast_object(config.lr))
        emit(StageEvent("preparing", "Reading the folder"))
        if split is None:
            split = scan_dataset(data_dir, val_fraction=config.val_fraction, seed=config.seed)
        if ddp is None or ddp.is_main:
            out = _claim_out(out_path, config, split, outputs)
        else:  # never written by this process (the folder may not even exist on this computer)
            out = Path(out_path) if out_path else Path("model.safetensors")
        device = ddp.device if ddp is not None else pick_device(config.device)
        plan = plan_training(config, len(split.train), device.type, balanced=balance_for(config, split) is not None)
        run = _Run(config, plan, split, out, device, emit, cancel, started)
        run.dist, run.is_main = ddp, ddp is None or ddp.is_main
        base, weights_file = _base_state(config, run.stage, cancel)
        model = _build_model(config, plan, len(split.classes), base, classes=split.classes)
        if plan.mode == "head":
            _train_head(run, model, weights_file)
        else:
            # a step frees and re-allocates ~1 GB on the CPU: kept instead of faulted in afresh
            with keep_freed_memory(run.device.type == "cpu"):
                _train_network(run, model)
            if run.is_main:  # head mode fits its own, on folds of the cached features
                from ..calibration import calibrate_network_run

                calibrate_network_run(run)
        if run.is_main:
            run.finish()
        if run.cancelled:
            run.stage("saving", "Cancelled" + (": the best model so far is saved." if run.saved_path else "."))
        elif run.is_main and run.saved_path is None and not run.history:
            raise DatasetError("Training could not start: there were no usable pictures.")
        if ddp is not None:
            ddp.wait_all()  # everyone ends together, so a failure of rank 0's last save reaches all
    except BaseException as exc:
        if run is not None and run.is_main:
            run.salvage()
        if ddp is not None:
            from ..distributed import DistributedError

            if not isinstance(exc, DistributedError):
                ddp.report_failure(exc)
        raise
    finally:
        outputs.close()
    if ddp is not None:
        ddp.close()
    result = run.result()
    if getattr(run, "is_main", True):  # under torchrun only rank 0 keeps the run's record
        from ..runs import record_after_training  # never raises: a failure becomes a warning

        record_after_training(result, split.root, name=config.name)
    return result


def _start_distributed(config: TrainConfig):
    """The process group when launched by torchrun with several processes, else None."""
    from ..distributed import Distributed, dist_context

    ctx = dist_context(config.device)
    if ctx is None:
        return None
    ddp = Distributed(ctx)
    ddp.start(config.device)
    return ddp
