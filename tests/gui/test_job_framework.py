"""The one job framework (gui/jobs/framework.py): the same rules for a Task and a Job."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from PySide6.QtCore import QThread, Signal

from resnet_studio.engine.errors import CancelledError, DatasetError
from resnet_studio.gui.jobs.framework import WORKER_NICENESS, Job, JobRunner, Task

pytestmark = pytest.mark.gui


def _run_task(qtbot, task: Task) -> list[tuple]:
    seen: list[tuple] = []
    task.succeeded.connect(lambda r: seen.append(("succeeded", r, QThread.currentThread())))
    task.failed.connect(lambda m, d: seen.append(("failed", m, d)))
    task.cancelled.connect(lambda: seen.append(("cancelled",)))
    with qtbot.waitSignal(task.finished, timeout=10000):
        task.start()
    return seen


def _nice_of_this_thread() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="thread niceness is Linux's")
def test_a_task_runs_below_the_gui_thread_like_every_job(qtbot):
    gui_nice = _nice_of_this_thread()
    seen = _run_task(qtbot, Task(_nice_of_this_thread))
    assert seen[0][0] == "succeeded"
    assert seen[0][1] == min(19, gui_nice + WORKER_NICENESS)


def test_task_results_reach_lambdas_on_the_gui_thread(qtbot):
    gui_thread = QThread.currentThread()
    seen = _run_task(qtbot, Task(lambda: threading.get_native_id()))
    kind, worker_tid, thread = seen[0]
    assert kind == "succeeded" and worker_tid != threading.get_native_id()
    assert thread is gui_thread


def test_task_and_job_word_a_bug_the_same_way(qtbot):
    def broken():
        raise TypeError("unsupported operand")

    class BrokenJob(Job):
        def work(self) -> None:
            broken()

    task_seen = _run_task(qtbot, Task(broken))
    job = BrokenJob()
    job_seen: list[tuple] = []
    job.failed.connect(lambda m, d: job_seen.append((m, d)))
    runner = JobRunner()
    with qtbot.waitSignal(job.finished, timeout=10000):
        runner.start(job)
    assert task_seen[0][0] == "failed"
    assert task_seen[0][1] == job_seen[0][0]
    message, details = job_seen[0]
    assert "TypeError" not in message and "unsupported operand" in details  # the trace under Details
    assert runner.wait_all(5000)


def test_a_studio_error_keeps_its_own_sentence(qtbot):
    def fails():
        raise DatasetError("No images were found in this folder.", details="scanned 0 files")

    seen = _run_task(qtbot, Task(fails))
    assert seen == [("failed", "No images were found in this folder.", "scanned 0 files")]


def test_an_error_after_cancel_is_a_cancel_for_jobs_too(qtbot):
    started = threading.Event()

    class Slow(Job):
        def work(self) -> None:
            started.set()
            self.cancel_event.wait(10)
            raise OSError("stream closed")  # what a cancelled engine call may raise on its way out

    job = Slow()
    order: list[str] = []
    job.failed.connect(lambda *_: order.append("failed"))
    job.cancelled.connect(lambda: order.append("cancelled"))
    job.finished.connect(lambda: order.append("finished"))
    runner = JobRunner()
    runner.start(job)
    assert started.wait(10)
    with qtbot.waitSignal(job.finished, timeout=10000):
        job.cancel()
    assert order == ["cancelled", "finished"]
    assert runner.wait_all(5000) and not runner.is_busy()


def test_finished_comes_after_the_last_result_signal(qtbot):
    class Chatty(Job):
        item = Signal(int)

        def work(self) -> None:
            for i in range(50):
                self.item.emit(i)

    for _ in range(5):
        job = Chatty()
        got: list[object] = []
        job.item.connect(got.append)
        job.finished.connect(lambda: got.append("finished"))
        with qtbot.waitSignal(job.finished, timeout=10000):
            JobRunner().start(job)
        assert got == [*range(50), "finished"]


def test_cancelled_error_from_a_task(qtbot):
    def cancelled():
        raise CancelledError("Cancelled.")

    assert _run_task(qtbot, Task(cancelled)) == [("cancelled",)]
