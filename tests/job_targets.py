"""Small jobs for ``tests/test_job_process.py``: module-level, so the helper process can import
them by name. Each takes ``on_event`` and ``cancel`` like an engine entry point."""

from __future__ import annotations

import os
import signal
import time

from resnet_studio.engine.errors import CancelledError, ImageReadError
from resnet_studio.engine.train import BatchEvent, StageEvent


def count(n: int, *, on_event, cancel) -> dict:
    on_event(StageEvent("training", "counting", 0, n))
    for i in range(1, n + 1):
        on_event(BatchEvent(1, 1, i, n, loss=1.0 / i, accuracy=0.5, lr=0.1, images_per_s=10.0, eta_s=None,
                            progress=i / n))
    on_event(StageEvent("saving", "done", n, n))
    return {"pid": os.getpid(), "env": os.environ.get("RS_JOB_TEST"), "cwd": os.getcwd(), "path": __file__}


def fail(kind: str, *, on_event, cancel):
    on_event(StageEvent("preparing", "about to fail"))
    if kind == "engine":
        raise ImageReadError("/x/photo.jpg", "This picture is damaged.", details="truncated at byte 12")
    if kind == "distributed":
        from resnet_studio.engine.distributed import DistributedError

        raise DistributedError("Process 1 stopped unexpectedly.", details="rank 1 gone")
    if kind == "memory":
        raise MemoryError("no room")
    raise ValueError("a bug")


def until_cancelled(*, on_event, cancel):
    on_event(StageEvent("training", "waiting for cancel"))
    deadline = time.monotonic() + 60
    while not cancel.is_set():
        if time.monotonic() > deadline:
            return "never cancelled"
        time.sleep(0.01)
    raise CancelledError()


def die(*, on_event, cancel):
    on_event(StageEvent("training", "about to be killed"))
    time.sleep(0.2)  # the event above has been sent
    os.kill(os.getpid(), signal.SIGKILL)


def niceness(*, on_event, cancel) -> int:
    return os.nice(0)
