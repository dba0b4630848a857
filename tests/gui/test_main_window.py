"""Whole-window behaviour: start-up order, clean shutdown during a job, live language switch."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.gui


def test_window_is_shown_before_torch_is_imported(tmp_path):
    """In a fresh process: the window appears with "Loading engine…" and neither torch nor the
    other slow imports (the plotting library, ~0.5 s; multiprocessing) done yet."""
    code = textwrap.dedent("""
        import sys
        from resnet_studio.gui.app import create_application
        from resnet_studio.gui.main_window import MainWindow
        app = create_application([])
        w = MainWindow(load_train_view=False)
        w.show()
        app.processEvents()
        print("visible", w.isVisible(), "torch", "torch" in sys.modules, "status", w.device_label.text())
        print("slow imports:", sorted(m for m in ("pyqtgraph", "multiprocessing", "numpy") if m in sys.modules))
        w.close()
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RESNET_STUDIO_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "visible True torch False status Loading engine…" in out.stdout
    assert "slow imports: []" in out.stdout


def test_closing_during_a_job_cancels_waits_and_exits_cleanly(qtbot, make_window, photos, qtlog):
    w = make_window()
    files = photos(60, size=(64, 48))
    w.classify.classify_paths([str(p) for p in files])
    qtbot.waitUntil(lambda: len(w.classify.records()) > 0, timeout=60000)
    assert w.is_busy()
    thread = w.client._thread
    assert w.close()  # confirm_stop_jobs is answered Yes by the fixture
    assert not thread.isRunning()
    assert len(w.classify.records()) < 60  # it really stopped early
    assert not any("Destroyed while thread" in r.message for r in qtlog.records)


def test_closing_can_be_refused_while_busy(qtbot, make_window, photos, monkeypatch):
    from resnet_studio.gui.main_window import MainWindow

    w = make_window()
    monkeypatch.setattr(MainWindow, "confirm_stop_jobs", lambda self: False)
    w.classify.classify_paths([str(p) for p in photos(40)])
    assert not w.close()
    assert w.isVisible() and w.client._thread.isRunning()
    monkeypatch.setattr(MainWindow, "confirm_stop_jobs", lambda self: True)


@pytest.mark.slow
def test_app_process_with_a_job_running_exits_cleanly(tmp_path, fake_imagenet_weights, photos):
    """A real ``run_app`` process, closed while classifying: exit code 0, no QThread warning."""
    fake_imagenet_weights("resnet18")
    folder = photos(30).pop().parent
    code = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from resnet_studio.gui import main_window
        from resnet_studio.gui.app import create_application
        app = create_application([{str(folder)!r}])
        main_window.MainWindow.confirm_stop_jobs = lambda self: True
        def close_when_busy():
            w = next(x for x in QApplication.topLevelWidgets() if isinstance(x, main_window.MainWindow))
            if w.classify.records():
                print("closing with", len(w.classify.records()), "results", flush=True)
                w.close()
            else:
                QTimer.singleShot(20, close_when_busy)
        QTimer.singleShot(100, close_when_busy)
        from resnet_studio.gui.app import run_app
        sys.exit(run_app([{str(folder)!r}]))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RESNET_STUDIO_INFERENCE_BACKEND="torch")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "closing with" in out.stdout
    assert "Destroyed while thread" not in out.stderr


@pytest.mark.slow
def test_quitting_ends_the_training_helper_process(tmp_path, fake_imagenet_weights):
    """Opening the Train tab starts the helper process training runs in; quitting the app ends it
    too (no process is left behind using memory)."""
    fake_imagenet_weights("resnet18")
    code = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from resnet_studio.engine import job_process
        from resnet_studio.gui import main_window
        from resnet_studio.gui.app import create_application, run_app
        create_application([])
        def window():
            return next(x for x in QApplication.topLevelWidgets() if isinstance(x, main_window.MainWindow))
        def open_train_tab():
            window().tabs.setCurrentIndex(main_window.TRAIN_TAB)
            QTimer.singleShot(100, close_when_helper_runs)
        def close_when_helper_runs():
            if job_process.helper_pids():
                print("helper", *job_process.helper_pids(), flush=True)
                window().close()
            else:
                QTimer.singleShot(100, close_when_helper_runs)
        QTimer.singleShot(100, open_train_tab)
        sys.exit(run_app([]))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    pids = [int(p) for p in out.stdout.split("helper", 1)[1].split()]
    assert pids
    for pid in pids:
        assert not os.path.exists(f"/proc/{pid}") or "zombie" in open(f"/proc/{pid}/status").read().lower()


def test_language_switch_to_chinese_changes_visible_texts(qtbot, make_window):
    w = make_window()
    assert w.tabs.tabText(0) == "Classify"
    w.set_language("zh_CN")
    qtbot.waitUntil(lambda: w.tabs.tabText(0) == "分类")  # Qt delivers LanguageChange as an event
    assert w.tabs.tabText(2) == "模型"
    assert w.classify.drop_zone.title.text() == "把照片或文件夹拖到这里"
    assert w.models.import_action.text() == "导入模型…"
    assert w.settings.language == "zh_CN"
    assert w.language_actions["zh_CN"].isChecked()
    w.set_language("en")
    qtbot.waitUntil(lambda: w.tabs.tabText(0) == "Classify")
    assert w.classify.drop_zone.title.text() == "Drop photos or folders here"


def test_client_signals_arrive_on_the_gui_thread(qtbot, make_window, photos):
    """Lambdas connected to the client run on the GUI thread (PySide6 would run a lambda
    connected straight to a worker signal on the worker thread)."""
    import threading

    w = make_window()
    threads = set()
    w.client.results_ready.connect(lambda job, items: threads.add(threading.current_thread().name))
    w.client.job_finished.connect(lambda *a: threads.add(threading.current_thread().name))
    w.classify.classify_paths([str(p) for p in photos(2)])
    qtbot.waitUntil(lambda: not w.classify.is_busy(), timeout=60000)
    assert threads == {threading.main_thread().name}


def test_status_bar_words_the_device_in_the_users_language(qtbot, make_window):
    """The worker sends plain device facts; the window words them through Qt's translation."""
    import torch

    w = make_window()
    qtbot.waitUntil(lambda: "PyTorch" in w.device_label.text(), timeout=30000)
    n = torch.get_num_threads()
    expected = f"CPU · {n} thread{'s' if n != 1 else ''} · PyTorch"
    assert w.device_label.text() == expected
    # the wording goes through the window's translation, not the engine's English text
    w.tr = lambda text, *_plural: text.replace("threads", "Fäden").replace("thread", "Faden")
    w._update_device_label()
    assert w.device_label.text().startswith("CPU · ") and ("Fäden" in w.device_label.text() or n == 1)
