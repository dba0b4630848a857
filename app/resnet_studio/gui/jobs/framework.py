"""The job framework every background job in the GUI runs on: QThread lifetime, cancel, priority.

Two shapes, kept side by side on purpose (see ``docs/dev/house/jobs.md`` for what differs and why
they were not merged):

* :class:`Task` runs any one-shot engine call (download weights, export CSV, import or rename a
  model, summarise an architecture) on its own QThread, with progress and cancel. The task object
  stays on the GUI thread and re-emits its worker's results there; it keeps itself alive until
  its thread has finished.
* :class:`Job` is a QObject that moves onto its own thread and does its work there
  (:meth:`Job.work`), emitting its own signals (``finished`` last). :class:`JobRunner` starts
  jobs, tells whether any runs, cancels and waits; :class:`_Keeper` holds every started thread
  until it has finished, so a view deleted mid-job never destroys a running ``QThread``.

Rules kept here: signals are emitted only from Qt threads; what crosses threads is plain Python
values, ``threading.Event`` cancel tokens and ``QImage`` copies; torch is imported only inside
worker slots. :func:`lower_current_thread_priority` is the one place worker threads give way to
the GUI thread (``bench/ui_responsiveness.py`` measures it).
"""

from __future__ import annotations

import os
import sys
import threading
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QThread, QTimer, Signal, Slot

from ...engine.errors import CancelledError, StudioError
from ..errors import describe_exception


#: How much lower than the GUI thread the worker threads run (Linux nice steps). 10 rather than 5:
#: the scheduler then gives a busy GUI thread ~80 % of a shared core instead of ~60 %; measured
#: (bench/ui_responsiveness.py, 3 interleaved pairs) p99 GUI lateness 3.6-4.8 ms vs 4.0-6.9 ms, same
#: throughput (workers only yield when the GUI thread has work).
WORKER_NICENESS = 10


def lower_current_thread_priority(steps: int = WORKER_NICENESS) -> None:
    """Let the GUI thread win the CPU over this worker thread and the threads it starts.

    On Linux a thread's nice value is its own and is inherited by threads it creates (torch's
    intra-op pool, the engine's decode pool), and ``QThread.setPriority`` has no effect there;
    elsewhere ``QThread.Priority.LowPriority`` (set at start) does the job.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + steps))
    except (OSError, AttributeError):
        pass  # not allowed or not supported: run at normal priority


# ------------------------------------------------------------------------------------------------
# Task: one engine call, results re-emitted on the GUI thread


class _TaskWorker(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, str, bool)  # message, details, cancelled

    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        super().__init__()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._last_progress = 0.0

    def report(self, done: int, total: int) -> None:
        # Called by the engine on this worker's thread; throttled to keep the GUI queue short.
        now = time.monotonic()
        if now - self._last_progress >= 0.05 or (total and done >= total):
            self._last_progress = now
            self.progress.emit(int(done), int(total))

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except CancelledError as exc:
            self.failed.emit(str(exc), "", True)
        except Exception as exc:  # noqa: BLE001
            message, details = describe_exception(exc)
            self.failed.emit(message, details, False)
        else:
            self.succeeded.emit(result)
        finally:
            QThread.currentThread().quit()


class Task(QObject):
    """One engine call on its own QThread. Keep no reference: the task keeps itself alive until
    its thread has finished (so it is never destroyed while running)."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, str)  # message, details
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    _live: set["Task"] = set()

    def __init__(self, fn: Callable[..., Any], *args: Any, with_progress: bool = False,
                 with_cancel: bool = False, name: str = "", background: bool = False, **kwargs: Any) -> None:
        super().__init__()
        self.name = name or getattr(fn, "__name__", "task")
        # Background look-ups (weights status, summaries) are not work the user would lose:
        # closing does not ask about them (it still waits for them).
        self.background = background
        self.cancel_event = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName(f"resnet-studio-{self.name}")
        self._worker = _TaskWorker(fn, args, kwargs)
        if with_progress:
            kwargs["progress"] = self._worker.report
        if with_cancel:
            kwargs["cancel"] = self.cancel_event
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        self._thread.finished.connect(self._on_thread_finished)
        self._done = False

    def start(self) -> "Task":
        Task._live.add(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        self.cancel_event.set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, timeout_ms: int = 30000) -> bool:
        return self._thread.wait(timeout_ms) if self._thread.isRunning() else True

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self.succeeded.emit(result)

    @Slot(str, str, bool)
    def _on_failed(self, message: str, details: str, was_cancelled: bool) -> None:
        if was_cancelled or self.cancel_event.is_set():
            self.cancelled.emit()
        else:
            self.failed.emit(message, details)

    @Slot()
    def _on_thread_finished(self) -> None:
        if not self._done:
            self._done = True
            self.finished.emit()
        # Dropping the last reference here would delete this QObject inside its own slot; let
        # the event loop release it a moment later instead.
        QTimer.singleShot(0, self._release)

    def _release(self) -> None:
        Task._live.discard(self)

    @classmethod
    def running(cls, *, include_background: bool = False) -> list["Task"]:
        return [t for t in cls._live if t.is_running() and (include_background or not t.background)]

    @classmethod
    def cancel_all_and_wait(cls, timeout_ms: int = 30000) -> bool:
        tasks = list(cls._live)
        for t in tasks:
            t.cancel()
        deadline = time.monotonic() + timeout_ms / 1000
        ok = True
        for t in tasks:
            left = max(0, int((deadline - time.monotonic()) * 1000))
            ok = t.wait(left) and ok
        return ok


# ------------------------------------------------------------------------------------------------
# Job: a QObject that works on its own thread, started by a JobRunner


class Job(QObject):
    """A unit of background work. Subclasses implement :meth:`work` and add their own signals.

    ``finished`` is always the last signal, after exactly one of: the subclass's result signal,
    ``failed`` or ``cancelled``.
    """

    failed = Signal(str, str)  # readable message, technical details
    cancelled = Signal()
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()

    def is_cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def work(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    @Slot()
    def run(self) -> None:
        # Training hands its batches to torch from this thread: at normal priority it competed with
        # the GUI thread for the CPU (60-70 ms stalls while training and classifying on 2 cores).
        lower_current_thread_priority()
        try:
            self.work()
        except CancelledError:
            self.cancelled.emit()
        except StudioError as exc:
            self.failed.emit(str(exc), exc.details)
        except MemoryError:
            self.failed.emit(
                self.tr("The computer ran out of memory. Try a smaller batch size or image size."),
                traceback.format_exc(),
            )
        except Exception as exc:  # noqa: BLE001 - a bug must become a message, not a dead thread
            self.failed.emit(
                self.tr("Something went wrong: {error}").format(error=f"{type(exc).__name__}: {exc}"),
                traceback.format_exc(),
            )
        finally:
            # Hand the object back to the GUI thread so that dropping the last Python reference
            # there deletes it from the thread that owns it.
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())
            self.finished.emit()
            # quit() from here, not through a queued connection: the GUI thread may be blocked in
            # JobRunner.cancel_and_wait() and could not deliver it.
            QThread.currentThread().quit()


class _Keeper(QObject):
    """Holds every started thread and job until the thread has finished.

    A view can be deleted while its job still runs (test teardown, closing a tab); the QThread must
    outlive it, or Qt aborts with "QThread: Destroyed while thread is still running".
    """

    def __init__(self) -> None:
        super().__init__()
        self._alive: dict[QThread, Job] = {}

    def keep(self, thread: QThread, job: Job) -> None:
        self._alive[thread] = job
        thread.finished.connect(self._release)

    @Slot()
    def _release(self) -> None:
        for thread in [t for t in self._alive if t.isFinished()]:
            thread.wait()  # returns at once: the thread has left run(); makes deletion safe
            del self._alive[thread]


_keeper: _Keeper | None = None


def _the_keeper() -> _Keeper:
    global _keeper
    if _keeper is None:
        _keeper = _Keeper()
    return _keeper


class JobRunner(QObject):
    """Starts jobs on their own QThreads, tells whether any is running, cancels and waits."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[tuple[QThread, Job]] = []

    def start(self, job: Job) -> Job:
        self._forget_finished()
        thread = QThread()
        thread.setObjectName(type(job).__name__)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        _the_keeper().keep(thread, job)
        self._jobs.append((thread, job))
        thread.start(QThread.Priority.LowPriority)  # what lowers it off Linux (see run())
        return job

    def _forget_finished(self) -> None:
        self._jobs = [(t, j) for t, j in self._jobs if not t.isFinished()]

    def running_jobs(self) -> list[Job]:
        self._forget_finished()
        return [j for _, j in self._jobs]

    def is_busy(self) -> bool:
        return bool(self.running_jobs())

    def cancel_all(self) -> None:
        for job in self.running_jobs():
            job.cancel()

    def wait_all(self, timeout_ms: int) -> bool:
        """Block until every thread has ended or ``timeout_ms`` passed; True when all ended."""
        deadline = QDeadlineTimer(max(0, int(timeout_ms)))
        for thread, _ in list(self._jobs):
            if not thread.wait(deadline):
                return False
        self._forget_finished()
        return True

    def cancel_and_wait(self, timeout_ms: int) -> bool:
        self.cancel_all()
        return self.wait_all(timeout_ms)
