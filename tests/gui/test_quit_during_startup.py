"""Quitting while the engine is still loading: the window closes at once, the process ends, and
what the user made is still kept or asked about (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from resnet_studio.gui.jobs import inference
from resnet_studio.gui.jobs.framework import Task

pytestmark = pytest.mark.gui


@pytest.fixture
def engine_held(monkeypatch):
    """The inference thread stuck where torch would be imported, until ``release`` is set (at
    most 20 s: code that joins the loading thread on close waits this out, then fails)."""
    entered, release = threading.Event(), threading.Event()
    original = inference.lower_current_thread_priority

    def held() -> None:
        entered.set()
        release.wait(20)
        original()

    monkeypatch.setattr(inference, "lower_current_thread_priority", held)
    yield entered, release
    release.set()


def open_window(qtbot):
    from resnet_studio.gui.i18n import LanguageManager
    from resnet_studio.gui.main_window import MainWindow
    from resnet_studio.gui.settings import Settings

    window = MainWindow(Settings(), LanguageManager(), backend="torch", load_train_view=False)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


def test_close_does_not_wait_for_the_engine_to_load(qtbot, engine_held):
    from resnet_studio.gui.main_window import MODELS_TAB
    from resnet_studio.gui.settings import Settings

    entered, release = engine_held
    window = open_window(qtbot)
    assert entered.wait(30)
    window.tabs.setCurrentIndex(MODELS_TAB)
    window.close()
    loading_when_closed = window.client._thread.isRunning() and not release.is_set()
    release.set()
    try:
        assert loading_when_closed, "closing joined the thread that loads the engine"
        assert not window.isVisible()
        assert window.left_running()  # so run_app ends the process without joining it
        assert Settings().current_tab == MODELS_TAB  # settings were saved before that
    finally:
        qtbot.waitUntil(lambda: not window.client._thread.isRunning(), timeout=60000)


def test_close_still_waits_for_work_the_user_started(qtbot, engine_held, tmp_path, monkeypatch):
    from resnet_studio.gui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "confirm_stop_jobs", lambda self: True)  # "Stop and quit?" Yes
    entered, _release = engine_held
    window = open_window(qtbot)
    assert entered.wait(30)
    target = tmp_path / "export.csv"
    go = threading.Event()

    def export() -> None:  # a user's export, still writing when Quit comes
        go.wait(5)
        target.write_text("path,label\n", encoding="utf-8")

    task = Task(export, name="export")
    task.start()
    threading.Timer(0.3, go.set).start()
    window.close()
    assert target.read_text(encoding="utf-8") == "path,label\n"
    assert not task.is_running()


def test_a_running_job_still_asks_before_quitting(qtbot, engine_held, monkeypatch):
    from resnet_studio.gui.main_window import MainWindow

    asked = []
    monkeypatch.setattr(MainWindow, "confirm_stop_jobs", lambda self: asked.append(True) or False)
    _entered, release = engine_held
    window = open_window(qtbot)
    go = threading.Event()
    task = Task(go.wait, 10, name="user-job")
    task.start()
    try:
        window.close()
        assert asked == [True]
        assert window.isVisible()  # "No": nothing was stopped
    finally:
        go.set()
        qtbot.waitUntil(lambda: not task.is_running(), timeout=10000)
        monkeypatch.setattr(MainWindow, "confirm_stop_jobs", lambda self: True)
        window.close()
        release.set()
        qtbot.waitUntil(lambda: not window.client._thread.isRunning(), timeout=60000)


# The engine never finishes loading: the process must still end, at once and without Qt's abort
# ("QThread: Destroyed while thread is still running"), with the settings saved.
NEVER_LOADS = r"""
import sys, threading
from PySide6.QtCore import QTimer
from resnet_studio.gui.jobs import inference
from resnet_studio.gui import main_window as mw
inference.lower_current_thread_priority = lambda: threading.Event().wait()
original_start = mw.MainWindow.start
def start(self):
    original_start(self)
    QTimer.singleShot(200, lambda: (self.tabs.setCurrentIndex(mw.MODELS_TAB), self.quit_action.trigger()))
mw.MainWindow.start = start
from resnet_studio.gui.app import run_app
sys.exit(run_app([]))
"""


def test_the_process_ends_while_the_engine_still_loads():
    from resnet_studio.gui.main_window import MODELS_TAB
    from resnet_studio.gui.settings import Settings

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # the test's own data folder (conftest)
    proc = subprocess.run([sys.executable, "-c", NEVER_LOADS], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Destroyed while thread" not in proc.stderr
    assert Settings().current_tab == MODELS_TAB
