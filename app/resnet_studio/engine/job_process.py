"""Engine jobs in a helper process: long jobs (training, the learning-rate sweep) run there, not on
a thread of the caller's process.

Why: in the desktop app a training thread and the GUI thread take turns on one Python lock (the
GIL). Training hands torch thousands of small Python calls a second, and the GUI thread waited up
to ~50 ms for its turn (``bench/ui_responsiveness.py``: the longest stall while classifying and
training at once was 29-90 ms, goal under 50). In a process of its own the run has its own lock.

How: a :class:`JobProcess` is a ``spawn``-started child that imports the engine once and then runs
jobs one at a time. A job is ``"module:function"`` plus keyword arguments of plain values; the
function is called with ``on_event`` and ``cancel`` like every engine entry point. Its events come
back as ``(kind, fields)`` pairs, gathered for at most :data:`EVENT_FLUSH_S` (the only batching:
the window's relay shows each list as it comes); its result as plain values (converted once, here,
where it leaves the helper); an engine error as the same :class:`StudioError` class with the same message and details.
A cancel is a shared event the engine polls as usual. When the helper dies (killed, out of memory,
a crash in native code) the caller gets a :class:`JobProcessError` instead of waiting forever.

:func:`prestart` starts one idle helper ahead of time (importing torch there takes ~5 s);
:func:`run_job` takes it (or starts one), runs the job and keeps the helper for the next job.
This module imports neither torch nor Qt: the GUI thread may import it.
"""

from __future__ import annotations

import atexit
import collections
import gc
import importlib
import multiprocessing
import multiprocessing.connection
import os
import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from . import cpu_memory
from . import errors as _errors
from .errors import StudioError
from .plain import plain_event, plain_values

#: Events are sent to the caller in lists at most this often (seconds): a head-only run reports
#: thousands of batches a second, one message each would cost the run time. The window shows each
#: list as one update, so this is also how often its curves move (20 a second looks smooth).
EVENT_FLUSH_S = 0.05
#: How often the caller checks its cancel event and the helper's life while waiting (seconds).
POLL_S = 0.05
#: What a helper imports before it says it is ready: what a training run needs.
TRAINING_MODULES = ("torch", "torchvision", "resnet_studio.engine.train", "resnet_studio.engine.lr_finder")

_CONTEXT = multiprocessing.get_context("spawn")  # fork after torch / Qt threads exist is unsafe


class JobProcessError(StudioError):
    """The helper process that ran a job ended before the job did."""


#: What the user reads when the helper dies (listed in ``gui/errors.ENGINE_MESSAGES`` for translation).
HELPER_DIED_MESSAGE = (
    "The background process that ran this job stopped unexpectedly, perhaps because the computer "
    "ran out of memory. Try a smaller batch size or image size, or close other programs.")


# ------------------------------------------------------------------------------------------------
# Errors across the process boundary


def _describe_error(exc: BaseException) -> dict:
    return {
        "module": type(exc).__module__,
        "name": type(exc).__name__,
        "message": str(exc),
        "details": getattr(exc, "details", "") or "",
        "traceback": "".join(traceback.format_exception(exc)),
        "studio": isinstance(exc, StudioError),
    }


def _rebuild_error(d: dict) -> BaseException:
    """The helper's error as the caller would have seen it on a thread: errors of ``engine.errors``
    keep their class, message and details (other engine errors their message and details, as a
    ``StudioError``: importing their module here could mean importing torch); anything else becomes
    a ``StudioError`` whose details hold the helper's traceback (a bug there must still reach the
    user as a message)."""
    cls = getattr(_errors, d["name"], None) if d["module"] == _errors.__name__ else None
    if not (isinstance(cls, type) and issubclass(cls, StudioError)):
        cls = StudioError if d["studio"] else None
    if cls is not None:
        exc = cls.__new__(cls)
        Exception.__init__(exc, d["message"])
        exc.message, exc.details = d["message"], d["details"] or d["traceback"]
        return exc
    if d["name"] == "MemoryError":
        return MemoryError(d["message"])
    return StudioError(f"Something went wrong: {d['name']}: {d['message']}", details=d["traceback"])


# ------------------------------------------------------------------------------------------------
# The helper's side


class _EventSender:
    """Collects events on the job's thread; a thread of its own sends them in lists."""

    def __init__(self, conn) -> None:
        self._conn = conn
        self._events: collections.deque = collections.deque()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="event-sender", daemon=True)
        self._thread.start()

    def add(self, event: Any) -> None:
        self._events.append(event)

    def _flush(self) -> None:
        batch = []
        while self._events:
            batch.append(plain_event(self._events.popleft()))
        if batch:
            self._conn.send(("events", batch))

    def _loop(self) -> None:
        while not self._stop.wait(EVENT_FLUSH_S):
            self._flush()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._flush()


def _exit_with_parent() -> None:
    """End this helper when the process that started it is gone (killed, crashed): a training run
    nobody can see or cancel must not go on using the computer."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(3)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _run_one(job: dict, conn, cancel) -> None:
    env = job["env"]  # the caller's environment now, not the one at spawn time
    for key in [k for k in os.environ if k not in env]:
        del os.environ[key]
    os.environ.update(env)
    try:
        os.chdir(job["cwd"])
    except OSError:
        pass
    sender = _EventSender(conn)
    try:
        module, _, name = job["target"].partition(":")
        fn = getattr(importlib.import_module(module), name)
        result = fn(**job["kwargs"], on_event=sender.add, cancel=cancel)
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the caller
        sender.close()
        conn.send(("error", _describe_error(exc)))
    else:
        sender.close()
        try:
            conn.send(("result", plain_values(result)))
        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
            conn.send(("error", _describe_error(exc)))


def _lower_priority(niceness: int) -> None:
    """Run this helper below the app, before torch starts its threads (they inherit it)."""
    if not niceness:
        return
    try:
        if hasattr(os, "nice"):
            os.nice(niceness)
        elif sys.platform == "win32":  # pragma: no cover - Windows has no nice values
            import ctypes

            below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
            kernel32 = ctypes.windll.kernel32
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
    except (OSError, AttributeError):
        pass  # not allowed here: normal priority


def _helper_main(jobs, replies, cancel, warm: tuple[str, ...], niceness: int) -> None:
    _lower_priority(niceness)
    _exit_with_parent()
    for name in warm:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the job that needs it reports the failure
            pass
    while True:
        try:
            job = jobs.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        _run_one(job, replies, cancel)
        gc.collect()
        cpu_memory.give_back()  # an idle helper should not hold a run's gigabyte


# ------------------------------------------------------------------------------------------------
# The caller's side


class JobProcess:
    """One helper process; runs jobs one at a time (not thread-safe: one caller at a time)."""

    def __init__(self, *, warm: Iterable[str] = TRAINING_MODULES, niceness: int = 0) -> None:
        self._jobs_out, jobs_in = _CONTEXT.Pipe(duplex=False)[::-1]
        self._replies, replies_out = _CONTEXT.Pipe(duplex=False)
        self._cancel = _CONTEXT.Event()
        self.process = _CONTEXT.Process(
            target=_helper_main, args=(jobs_in, replies_out, self._cancel, tuple(warm), int(niceness)),
            name="resnet-studio-helper", daemon=True)
        self.process.start()
        jobs_in.close()
        replies_out.close()

    def is_alive(self) -> bool:
        return self.process.is_alive()

    def run(self, target: str, kwargs: dict, *, on_event: Callable[[str, dict], None] | None = None,
            cancel: threading.Event | None = None,
            on_events: Callable[[list[tuple[str, dict]]], None] | None = None) -> Any:
        """Run ``target`` (``"module:function"``) with ``kwargs`` in the helper; events go to
        ``on_event(kind, fields)`` on this thread, or, with ``on_events``, each list the helper
        sent at once as ``[(kind, fields), ...]``. Returns the result as plain values; raises what
        the job raised (see :func:`_rebuild_error`) or :class:`JobProcessError`."""
        self._cancel.clear()
        try:
            self._jobs_out.send({"target": target, "kwargs": kwargs, "env": dict(os.environ), "cwd": os.getcwd()})
        except (OSError, ValueError) as exc:
            raise self._died() from exc
        while True:
            if cancel is not None and cancel.is_set() and not self._cancel.is_set():
                self._cancel.set()
            ready = multiprocessing.connection.wait([self._replies, self.process.sentinel], POLL_S)
            if self._replies in ready:
                try:
                    kind, payload = self._replies.recv()
                except (EOFError, OSError) as exc:
                    raise self._died() from exc
                if kind == "events" and on_events is not None:
                    on_events([(event_kind, fields) for event_kind, fields in payload])
                elif kind == "events":
                    for event_kind, fields in payload:
                        if on_event is not None:
                            on_event(event_kind, fields)
                elif kind == "result":
                    return payload
                elif kind == "error":
                    raise _rebuild_error(payload)
            elif self.process.sentinel in ready:
                raise self._died()

    def _died(self) -> JobProcessError:
        self.process.join(1.0)
        code = self.process.exitcode
        return JobProcessError(HELPER_DIED_MESSAGE,
                               details=f"helper process {self.process.pid} ended with exit code {code}")

    def close(self, timeout: float = 2.0) -> None:
        """Ask the helper to end; kill it if it has not within ``timeout`` seconds."""
        try:
            self._jobs_out.send(None)
        except (OSError, ValueError):
            pass
        self._cancel.set()
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout)
        for conn in (self._jobs_out, self._replies):
            conn.close()


_lock = threading.Lock()
_idle: list[JobProcess] = []
_all: list[JobProcess] = []
_settings = {"niceness": 0}


def configure(*, niceness: int) -> None:
    """How helpers started from now on run: ``niceness`` lowers their CPU priority (Linux/macOS),
    so a training run never makes the window wait for a CPU."""
    _settings["niceness"] = int(niceness)


def _start() -> JobProcess:
    host = JobProcess(niceness=_settings["niceness"])
    _all.append(host)
    return host


def _prune_idle() -> None:
    """Forget idle helpers that have died (the caller holds ``_lock``)."""
    for host in [h for h in _idle if not h.is_alive()]:
        _idle.remove(host)
        _retire(host)


def prestart() -> None:
    """Start an idle helper now, unless one is waiting already (returns at once; the helper
    imports torch in the background)."""
    with _lock:
        _prune_idle()
        if not _idle:
            _idle.append(_start())


def run_job(target: str, kwargs: dict, *, on_event: Callable[[str, dict], None] | None = None,
            cancel: threading.Event | None = None,
            on_events: Callable[[list[tuple[str, dict]]], None] | None = None) -> Any:
    """Run one job in an idle helper (one is started when none waits); see :meth:`JobProcess.run`."""
    with _lock:
        _prune_idle()
        host = _idle.pop() if _idle else _start()
    keep = False
    try:
        result = host.run(target, kwargs, on_event=on_event, cancel=cancel, on_events=on_events)
        keep = True
        return result
    except StudioError:
        keep = True  # the job's own error; a helper that died is not kept (checked below)
        raise
    finally:
        with _lock:
            if keep and host.is_alive() and not _idle:
                _idle.append(host)  # kept for the next job: no second torch import
            else:
                _retire(host)


def _retire(host: JobProcess) -> None:
    if host in _all:
        _all.remove(host)
    threading.Thread(target=host.close, name="helper-close", daemon=True).start()


def shutdown(timeout: float = 2.0) -> None:
    """End every helper (idle ones at once; busy ones are asked to cancel, then killed)."""
    with _lock:
        hosts = list(_all)
        _all.clear()
        _idle.clear()
    for host in hosts:
        host.close(timeout)


def helper_pids() -> list[int]:
    """Process ids of the helpers running now (for tests and diagnostics)."""
    with _lock:
        return [h.process.pid for h in _all if h.is_alive()]


atexit.register(shutdown)
