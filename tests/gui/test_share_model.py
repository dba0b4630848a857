"""Handing a model to someone else: Share writes the one file, and opening that file (the app
started with it, or the file dropped on the window) imports it into the library."""

from __future__ import annotations

import shutil

import pytest

from tests.gui.conftest import drop_paths, wait_idle
from tests.helpers import save_random_model

pytestmark = pytest.mark.gui

CLASSES = ("circle", "square", "triangle")


def library_model(name: str = "Shapes", seed: int = 1):
    from resnet_studio.engine.paths import safe_file_stem, trained_models_dir

    return save_random_model(trained_models_dir() / f"{safe_file_stem(name)}.safetensors", CLASSES,
                             image_size=64, seed=seed, name=name)


def outside_model(tmp_path, name: str = "Outside", file_name: str = "from a friend.safetensors", seed: int = 2):
    (tmp_path / "downloads").mkdir(exist_ok=True)
    return save_random_model(tmp_path / "downloads" / file_name, CLASSES, image_size=64, seed=seed, name=name)


def test_share_writes_the_library_file_unchanged_and_it_loads(qtbot, make_window, tmp_path):
    from resnet_studio.engine.modelfile import read_checked_model_file

    path = library_model("Shapes 形状")
    w = make_window()
    messages = []
    w.models.status_message.connect(lambda text, _t: messages.append(text))
    assert w.models.select_spec(str(path))
    assert w.models.share_button.isEnabled()
    out = tmp_path / "to give" / "Shapes 形状.safetensors"
    out.parent.mkdir()
    w.models.share_selected(str(out))
    qtbot.waitUntil(lambda: any(str(out) in m for m in messages), timeout=30000)
    assert out.read_bytes() == path.read_bytes()
    info, _state, _data = read_checked_model_file(out)
    assert info.name == "Shapes 形状" and list(info.classes) == list(CLASSES)


def test_share_to_a_folder_that_cannot_be_written_says_so(qtbot, make_window, tmp_path, monkeypatch):
    from resnet_studio.gui.models import actions

    shown = []
    monkeypatch.setattr(actions, "show_error", lambda parent, msg, details="", **kw: shown.append(msg))
    path = library_model()
    w = make_window()
    assert w.models.select_spec(str(path))
    w.models.share_selected(str(tmp_path / "no such folder" / "Shapes.safetensors"))
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "Shapes.safetensors" in shown[0] and "Traceback" not in shown[0]


def test_opening_a_model_file_at_start_imports_and_selects_it(qtbot, make_window, tmp_path):
    src = outside_model(tmp_path)
    w = make_window()
    assert w.models.trained_names() == []
    with qtbot.waitSignal(w.opener.imported, timeout=30000):
        w.classify_on_start([str(src)])  # what run_app does with `resnet-studio file.safetensors`
    assert w.models.trained_names() == ["Outside"]
    assert w.models.selected_spec().endswith("Outside.safetensors")
    assert w.tabs.currentWidget() is w.models
    assert "Imported “Outside”" in w.statusBar().currentMessage()
    assert src.exists()  # imported by copying


def test_dropping_a_model_with_pictures_imports_it_and_classifies_them(qtbot, make_window, tmp_path, photos):
    src = outside_model(tmp_path)
    pics = photos(2)
    w = make_window()
    w.tabs.setCurrentWidget(w.models)
    with qtbot.waitSignal(w.opener.imported, timeout=30000):
        drop_paths(w.models, [src, *pics])
    assert w.models.trained_names() == ["Outside"]
    qtbot.waitUntil(lambda: len(w.classify.records()) == 2, timeout=60000)
    wait_idle(qtbot, w.classify)
    assert {r.label for r in w.classify.records()} <= set(CLASSES)
    assert w.settings.last_model.endswith("Outside.safetensors")


def test_dropping_a_model_on_the_classify_tab_imports_it(qtbot, make_window, tmp_path):
    src = outside_model(tmp_path)
    w = make_window()
    w.tabs.setCurrentWidget(w.classify)
    with qtbot.waitSignal(w.opener.imported, timeout=30000):
        drop_paths(w.classify, [src])
    assert w.models.trained_names() == ["Outside"]
    assert w.classify.records() == []  # the model file was not taken for a picture


def test_dropping_a_model_on_the_label_tab_imports_it(qtbot, make_window, tmp_path):
    src = outside_model(tmp_path)
    w = make_window()
    w.tabs.setCurrentWidget(w.label)
    with qtbot.waitSignal(w.opener.imported, timeout=30000):
        drop_paths(w.label, [src])
    assert w.models.trained_names() == ["Outside"]


def test_dropping_a_model_on_the_train_tabs_data_set_imports_it(qtbot, make_window, tmp_path):
    src = outside_model(tmp_path)
    w = make_window()
    view = w.load_train_view()
    w.tabs.setCurrentWidget(view)
    with qtbot.waitSignal(w.opener.imported, timeout=30000):
        drop_paths(view.dataset, [src])
    assert w.models.trained_names() == ["Outside"]
    assert not view.dataset.is_scanning()  # not taken for a data set folder


def test_a_damaged_model_file_is_refused_and_nothing_is_imported(qtbot, make_window, tmp_path, monkeypatch):
    from resnet_studio.gui.models import opener

    shown = []
    monkeypatch.setattr(opener, "show_error", lambda parent, msg, details="", **kw: shown.append(msg))
    src = outside_model(tmp_path)
    data = src.read_bytes()
    src.write_bytes(data[: len(data) // 2])  # cut short, as by a broken download
    w = make_window()
    with qtbot.waitSignal(w.opener.failed, timeout=30000):
        drop_paths(w.models, [src])
    assert shown and "damaged" in shown[0].lower() and src.name in shown[0]
    assert w.models.trained_names() == []


def test_a_name_already_in_the_library_keeps_both(qtbot, make_window, tmp_path):
    mine = library_model("Shapes", seed=1)
    theirs = outside_model(tmp_path, name="Shapes", file_name="Shapes.safetensors", seed=3)
    w = make_window()
    with qtbot.waitSignal(w.opener.imported, timeout=30000) as blocker:
        w.classify_on_start([str(theirs)])
    new_path, new_name = blocker.args
    assert new_name == "Shapes (2)"
    assert sorted(w.models.trained_names()) == ["Shapes", "Shapes (2)"]
    assert mine.read_bytes() != theirs.read_bytes() and mine.exists()
    assert new_path != str(mine) and w.models.selected_spec() == new_path
    assert "Imported “Shapes (2)”" in w.statusBar().currentMessage()


def test_show_in_folder_falls_back_to_the_path(qtbot, make_window, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from resnet_studio.gui.models import actions

    opened, shown = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or False))
    monkeypatch.setattr(actions, "show_error", lambda parent, msg, details="", **kw: shown.append(msg))
    path = library_model()
    w = make_window()
    assert w.models.select_spec(str(path))
    assert w.models.show_selected_in_folder() is False
    assert opened and opened[0].toLocalFile() == str(path.parent)
    assert shown and str(path) in shown[0]


def test_file_import_model_keeps_both_too(qtbot, make_window, tmp_path):
    library_model("Shapes", seed=1)
    theirs = outside_model(tmp_path, name="Shapes", file_name="Shapes.safetensors", seed=3)
    w = make_window()
    messages = []
    w.models.status_message.connect(lambda text, _t: messages.append(text))
    with qtbot.waitSignal(w.models.library_changed, timeout=30000):
        w.models.import_model(str(theirs))  # File → Import model…
    assert sorted(w.models.trained_names()) == ["Shapes", "Shapes (2)"]
    assert "Imported “Shapes (2)”" in messages


_START_WITH = """
import sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QTimer
from resnet_studio.gui import app as gui_app
from resnet_studio.gui.main_window import MainWindow

made = MainWindow.__init__
def init(self, *args, **kwargs):
    made(self, *args, **kwargs)
    self.opener.imported.connect(lambda path, name: (print("imported", name, path, flush=True),
                                                     QTimer.singleShot(100, self.close)))
    self.opener.failed.connect(lambda message: (print("failed", message, flush=True), QTimer.singleShot(0, self.close)))
MainWindow.__init__ = init
MainWindow.confirm_stop_jobs = lambda self: True
sys.exit(gui_app.run_app([sys.argv[2]]))
"""


@pytest.mark.slow  # a real app process: about 15 s on a busy 2-core machine
def test_the_app_started_with_a_model_file_imports_it(tmp_path):
    """``resnet-studio model.safetensors`` ("Open with", a double click): a real process."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from resnet_studio.engine.paths import trained_models_dir

    src = outside_model(tmp_path)
    app_dir = Path(__file__).resolve().parents[2] / "app"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", _START_WITH, str(app_dir), str(src)], env=env,
                          capture_output=True, text=True, timeout=120)
    lines = [line for line in proc.stdout.splitlines() if line.startswith(("imported", "failed"))]
    assert lines and lines[0].startswith("imported Outside "), proc.stdout + proc.stderr
    assert (trained_models_dir() / "Outside.safetensors").read_bytes() == src.read_bytes()
