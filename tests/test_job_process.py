"""Jobs in a helper process (engine.job_process): events, results, errors, cancel, a helper that
dies, a parent that dies. The desktop app trains this way (see tests/gui for the real runs)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from resnet_studio.engine import job_process
from resnet_studio.engine.errors import CancelledError, ImageReadError, StudioError
from resnet_studio.engine.job_process import JobProcess, JobProcessError


@pytest.fixture(scope="module")
def helper():
    host = JobProcess(warm=())  # no torch import before it is ready: these jobs do not need one
    yield host
    host.close()


def test_events_arrive_in_order_as_plain_values_and_the_result_comes_back(helper, tmp_path, monkeypatch):
    seen = []
    result = helper.run("tests.job_targets:count", {"n": 500}, on_event=lambda k, f: seen.append((k, f)))
    assert result["pid"] == helper.process.pid != os.getpid()
    assert [k for k, _ in seen] == ["StageEvent"] + ["BatchEvent"] * 500 + ["StageEvent"]
    assert [f["batch"] for k, f in seen if k == "BatchEvent"] == list(range(1, 501))
    assert seen[0][1] == {"stage": "training", "message": "counting", "done": 0, "total": 500}
    assert seen[1][1]["eta_s"] is None and isinstance(seen[1][1]["loss"], float)

    # each job sees the caller's environment and folder as they are when it starts
    monkeypatch.setenv("RS_JOB_TEST", "first")
    monkeypatch.chdir(tmp_path)
    first = helper.run("tests.job_targets:count", {"n": 1})
    monkeypatch.setenv("RS_JOB_TEST", "second 第二")
    second = helper.run("tests.job_targets:count", {"n": 1})
    assert (first["env"], second["env"]) == ("first", "second 第二")
    assert first["pid"] == second["pid"] == helper.process.pid, "one helper, reused"
    assert os.path.samefile(first["cwd"], tmp_path)


def test_engine_errors_keep_their_class_message_and_details(helper):
    with pytest.raises(ImageReadError) as info:
        helper.run("tests.job_targets:fail", {"kind": "engine"})
    assert str(info.value) == "This picture is damaged." and info.value.details == "truncated at byte 12"

    # an engine error of another module: its sentence and details, as a StudioError
    with pytest.raises(StudioError) as info:
        helper.run("tests.job_targets:fail", {"kind": "distributed"})
    assert str(info.value) == "Process 1 stopped unexpectedly." and info.value.details == "rank 1 gone"

    with pytest.raises(MemoryError):
        helper.run("tests.job_targets:fail", {"kind": "memory"})

    # a bug is still a readable message, with the helper's traceback as the details
    with pytest.raises(StudioError) as info:
        helper.run("tests.job_targets:fail", {"kind": "bug"})
    assert "ValueError: a bug" in str(info.value)
    assert "job_targets.py" in info.value.details and "Traceback" in info.value.details
    assert helper.is_alive(), "an error in a job does not end the helper"

    with pytest.raises(StudioError) as info:
        helper.run("tests.job_targets:no_such_job", {})
    assert "no_such_job" in str(info.value)


def test_cancel_reaches_the_job(helper):
    cancel = threading.Event()
    seen = []

    def on_event(kind, fields):
        seen.append(fields["message"])
        cancel.set()  # from the caller's side, as the Cancel button does

    started = time.monotonic()
    with pytest.raises(CancelledError):
        helper.run("tests.job_targets:until_cancelled", {}, on_event=on_event, cancel=cancel)
    assert seen == ["waiting for cancel"]
    assert time.monotonic() - started < 30
    # the next job starts with the cancel cleared
    assert helper.run("tests.job_targets:count", {"n": 2})["pid"] == helper.process.pid


def test_a_helper_that_dies_gives_a_readable_error_and_the_next_job_gets_a_new_one():
    seen = []
    with pytest.raises(JobProcessError) as info:
        job_process.run_job("tests.job_targets:die", {}, on_event=lambda k, f: seen.append(f["message"]))
    assert seen == ["about to be killed"], "what it said before dying still arrives"
    assert "stopped unexpectedly" in str(info.value) and "exit code -9" in info.value.details
    dead = int(info.value.details.split()[2])

    result = job_process.run_job("tests.job_targets:count", {"n": 3})
    assert result["pid"] != dead
    assert job_process.run_job("tests.job_targets:count", {"n": 3})["pid"] == result["pid"], "kept for the next job"
    assert result["pid"] in job_process.helper_pids() and dead not in job_process.helper_pids()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (ended, not yet reaped by its new parent) counts as gone
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except OSError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_helper_ends_when_the_app_that_started_it_is_killed(tmp_path):
    code = ("import sys, time\n"
            "from resnet_studio.engine import job_process\n"
            "h = job_process.JobProcess(warm=())\n"
            "h.run('tests.job_targets:count', {'n': 1})\n"
            "print(h.process.pid, flush=True)\n"
            "time.sleep(120)\n")
    app = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                           cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    try:
        pid = int(app.stdout.readline())
        assert _alive(pid)
        app.send_signal(signal.SIGKILL)
        app.wait(10)
        deadline = time.monotonic() + 20
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(pid), "no training goes on unseen after the app is gone"
    finally:
        app.kill()


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no nice values here")
def test_a_helper_can_run_below_the_apps_priority():
    """The app starts its helpers at nice +10, so a training run never makes the window wait."""
    low = JobProcess(warm=(), niceness=5)
    try:
        assert low.run("tests.job_targets:niceness", {}) == min(19, os.nice(0) + 5)
    finally:
        low.close()
