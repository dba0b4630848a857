"""The one job framework every background job in the GUI runs on: QThread lifetime, cancel,
priority, error wording.

* :class:`Job` is the unit of background work: a QObject that moves onto its own thread, does its
  work there (:meth:`Job.work`) and emits its own signals; ``failed``/``cancelled`` come from the
  framework, and ``finished`` always comes last.
  :class:`JobRunner` starts jobs and tells whether any runs, cancels and waits; the process-wide
  :class:`_Keeper` holds every started thread until it has finished, so a view deleted mid-job
  never destroys a running ``QThread``.
* :class:`Task` is the short form for a one-shot engine call (download weights, export CSV, rename
  a model): ``Task(fn, *args).start()`` runs ``fn`` as a job and re-emits its signals from an
  object that stays on the GUI thread, so a caller may connect lambdas to it safely.

One rule for all of them: every job's thread runs below the GUI thread
(:func:`lower_current_thread_priority`, measured by ``bench/ui_responsiveness.py``); an error
becomes ``failed(message, details)`` through :func:`gui.errors.describe_exception`; an exception
after ``cancel()`` was asked for is a cancel. What crosses threads is plain Python values,
``threading.Event`` cancel tokens and ``QImage`` copies; torch is imported only inside worker slots.
Why one framework and not two: docs/dev/house/jobs.md.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QThread, QTimer, Signal, Slot

from ...engine.errors import CancelledError
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


class Job(QObject):
    """A unit of background work. Subclasses implement :meth:`work` and add their own signals.

    ``finished`` is always the last signal, after exactly one of: the subclass's result signal,
    ``failed`` or ``cancelled``. It comes from the job's thread while that thread winds down, so a
    ``finished`` handler may still see its runner busy with this job.
    """

    failed = Signal(str, str)  # readable message, technical details
    cancelled = Signal()
    finished = Signal()

    def __init__(self, *, name: str = "") -> None:
        super().__init__()
        self.job_name = name or type(self).__name__
        self.cancel_event = threading.Event()
        self._thread: QThread | None = None

    def cancel(self) -> None:
        self.cancel_event.set()

    def is_cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

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
        except Exception as exc:  # noqa: BLE001 - a bug must become a message, not a dead thread
            if self.cancel_event.is_set():
                # What a cancelled engine call raises on its way out (a closed file, a half-written
                # output) is the cancel, not an error to show.
                self.cancelled.emit()
            else:
                self.failed.emit(*describe_exception(exc))
        finally:
            # Hand the object back to the GUI thread so that dropping the last Python reference
            # there deletes it from the thread that owns it.
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())
            # From this thread, like the job's other signals: queued signals from one thread reach
            # a receiver in the order they were sent, so ``finished`` is last. (Emitted from the
            # GUI thread when QThread.finished arrives, it overtook a job's last result signal.)
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
        thread.setObjectName(f"resnet-studio-{job.job_name}")
        job._thread = thread
        job.moveToThread(thread)
        thread.started.connect(job.run)
        _the_keeper().keep(thread, job)
        self._jobs.append((thread, job))
        thread.start(QThread.Priority.LowPriority)  # what lowers it off Linux (see Job.run())
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


# ------------------------------------------------------------------------------------------------
# Task: a one-shot call as a job, seen from the GUI thread


class _CallJob(Job):
    """Runs ``fn(*args, **kwargs)``; its return value is the result."""

    progress = Signal(int, int)
    succeeded = Signal(object)

    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, *, name: str,
                 with_progress: bool, with_cancel: bool) -> None:
        super().__init__(name=name)
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._last_progress = 0.0
        if with_progress:
            kwargs["progress"] = self.report
        if with_cancel:
            kwargs["cancel"] = self.cancel_event

    def report(self, done: int, total: int) -> None:
        # Called by the engine on this job's thread; throttled to keep the GUI queue short.
        now = time.monotonic()
        if now - self._last_progress >= 0.05 or (total and done >= total):
            self._last_progress = now
            self.progress.emit(int(done), int(total))

    def work(self) -> None:
        self.succeeded.emit(self._fn(*self._args, **self._kwargs))


#: Runs every Task; the main window asks it (through :meth:`Task.running`) before closing.
_task_runner: JobRunner | None = None


class Task(QObject):
    """One engine call as a :class:`Job`. Keep no reference: the task keeps itself alive until its
    job has finished (so it is never destroyed while running)."""

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
        # closing neither asks about them nor waits long for them (the main window: 0.5 s at most).
        self.background = background
        self._job = _CallJob(fn, args, kwargs, name=self.name, with_progress=with_progress,
                             with_cancel=with_cancel)
        self.cancel_event = self._job.cancel_event
        # The job's signals come from its thread; these slots live on the GUI thread (queued).
        self._job.progress.connect(self.progress)
        self._job.succeeded.connect(self.succeeded)
        self._job.failed.connect(self.failed)
        self._job.cancelled.connect(self.cancelled)
        self._job.finished.connect(self._on_finished)

    def start(self) -> "Task":
        global _task_runner
        if _task_runner is None:
            _task_runner = JobRunner()
        Task._live.add(self)
        _task_runner.start(self._job)
        return self

    def cancel(self) -> None:
        self.cancel_event.set()

    def is_running(self) -> bool:
        return self._job.is_running()

    def wait(self, timeout_ms: int = 30000) -> bool:
        thread = self._job._thread
        return thread.wait(timeout_ms) if thread is not None and thread.isRunning() else True

    @Slot()
    def _on_finished(self) -> None:
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
