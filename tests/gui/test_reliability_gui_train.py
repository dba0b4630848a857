"""Hostile input and awkward timing in the Train tab of the real main window (issue 6): folders
that cannot be trained on, Cancel hammered during start-up and during the last batch, Start
pressed while a run is cancelling, and the window closed mid-training.

Runs train every layer of ResNet-18 from scratch on 2 x 4 pictures of 32 px (``mode="full"``,
no ImageNet weights needed), so an epoch is a fraction of a second and each better epoch saves a
real checkpoint.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.conftest import make_shapes_dataset
from tests.gui.conftest import open_folder as gui_open_folder
from tests.gui.conftest import start_training

pytestmark = pytest.mark.gui

WAIT_MS = 120_000
TINY = {"arch": "resnet18", "mode": "full", "pretrained": False, "image_size": 32, "batch_size": 8,
        "augment": False, "lr": 0.001}


@pytest.fixture
def train_tab(qtbot, make_window):
    """The main window with its Train tab shown; returns (window, train view)."""
    w = make_window(load_train_view=True, wait_model=False)
    view = w.load_train_view()
    assert view is not None
    w.tabs.setCurrentWidget(view)
    return w, view


@pytest.fixture
def tiny_dataset(tmp_path) -> Path:
    return make_shapes_dataset(tmp_path / "tiny", classes=("circle", "square"), per_class=4, size=32)


def open_folder(qtbot, view, folder: Path) -> None:
    gui_open_folder(qtbot, view, folder, WAIT_MS)


def start(qtbot, view, **config) -> None:
    start_training(qtbot, view, {**TINY, **config}, WAIT_MS)


def no_error_boxes(widget) -> bool:
    return not [b for b in widget.findChildren(QMessageBox) if b.isVisible()]


def check_kept_model(view) -> None:
    """Whatever the results say was kept is a whole model file that loads."""
    from resnet_studio.engine.modelfile import load_model_file
    from resnet_studio.engine.paths import trained_models_dir

    path = view.results.model_path()
    if path:
        info, state = load_model_file(path)
        assert info.classes == ["circle", "square"] and "fc.weight" in state
    folder = trained_models_dir()
    if folder.exists():
        assert not [p for p in folder.iterdir() if p.name.endswith(".part")], "no half-written file"


# ------------------------------------------------------------------------------------------------
# Folders that cannot be trained on


@pytest.mark.parametrize("kind", ["one class", "empty folder", "only non-pictures", "empty class folders"])
def test_untrainable_folder_explains_and_start_stays_disabled(qtbot, train_tab, tmp_path, kind):
    w, view = train_tab
    root = tmp_path / "dataset 数据"
    if kind == "one class":
        make_shapes_dataset(root, classes=("cats",), per_class=3, size=32)
        words = "Only one category was found"
    elif kind == "empty folder":
        root.mkdir()
        words = "No images were found"
    elif kind == "only non-pictures":
        for name in ("a", "b"):
            (root / name).mkdir(parents=True)
            (root / name / "notes.txt").write_text("not a picture")
        words = "No images were found"
    else:
        (root / "a").mkdir(parents=True)
        (root / "b").mkdir()
        words = "No images were found"
    open_folder(qtbot, view, root)

    error = view.dataset.error_text()
    assert words in error, error
    assert "Traceback" not in error and "\n" not in error.strip()
    assert view.dataset.status.text(), "the panel says it in place"
    assert not view.dataset.is_ready()
    assert not view.start_button.isEnabled()
    assert "at least two categories" in view.start_button.toolTip()
    assert not view.start_training()
    assert not view.is_busy() and no_error_boxes(w)


# ------------------------------------------------------------------------------------------------
# Cancel at awkward moments


def test_cancel_hammered_during_start_up(qtbot, train_tab, tiny_dataset):
    w, view = train_tab
    open_folder(qtbot, view, tiny_dataset)
    start(qtbot, view, epochs=200)
    for _ in range(20):
        qtbot.mouseClick(view.progress.cancel_button, Qt.MouseButton.LeftButton)
    for _ in range(200):
        view.cancel_training()
    assert "Stopping" in view.progress.status_text()
    assert not view.start_button.isEnabled(), "no second run while this one winds down"
    assert not view.start_training()
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS)

    assert "cancelled" in view.progress.status_text()
    assert view.plots.epoch_points() < 200
    assert view.start_button.isEnabled() and view.settings.isEnabled()
    assert no_error_boxes(w)
    check_kept_model(view)


def test_cancel_hammered_during_the_last_batch(qtbot, train_tab, tiny_dataset, monkeypatch, tmp_path):
    """The engine reports the last batch of the last epoch and is held there (in the helper
    process that trains) until the cancel reaches it; Cancel is pressed many times. The run ends
    as cancelled, the first epoch's checkpoint is the model kept, and it loads."""
    from resnet_studio.gui import train_worker

    w, view = train_tab
    open_folder(qtbot, view, tiny_dataset)
    monkeypatch.setenv("RS_TEST_HOLD_DIR", str(tmp_path))
    monkeypatch.setattr(train_worker.TrainWorker, "target", "tests.helpers:train_job_held_at_last_batch")
    start(qtbot, view, epochs=2)
    qtbot.waitUntil((tmp_path / "at_last_batch").exists, timeout=WAIT_MS)
    qtbot.mouseClick(view.progress.cancel_button, Qt.MouseButton.LeftButton)
    for _ in range(100):
        view.cancel_training()
    assert not view.start_training(), "Start waits until the run has really ended"
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS)

    assert "cancelled" in view.progress.status_text()
    assert view.plots.epoch_points() == 1, "the interrupted epoch does not count"
    path = view.results.model_path()
    assert path, "the first epoch's checkpoint is kept"
    from resnet_studio.engine.modelfile import read_model_info

    assert read_model_info(path).metrics["best_epoch"] == 1
    check_kept_model(view)
    assert view.start_button.isEnabled() and no_error_boxes(w)


@pytest.mark.slow
def test_new_run_after_one_was_cancelled_completes(qtbot, train_tab, tiny_dataset):
    """Start pressed while a run is cancelling is refused; once it has ended, a new run works."""
    w, view = train_tab
    open_folder(qtbot, view, tiny_dataset)
    start(qtbot, view, epochs=500)
    qtbot.waitUntil(lambda: view.plots.batch_points() >= 1, timeout=WAIT_MS)
    first_job = view._train_job
    qtbot.mouseClick(view.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert not view.start_training() and view._train_job is first_job
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS)
    assert "cancelled" in view.progress.status_text()

    trained: list[str] = []
    view.model_trained.connect(trained.append)
    start(qtbot, view, epochs=2)
    assert view._train_job is not first_job
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS)
    assert "finished" in view.progress.status_text()
    assert view.plots.epoch_points() == 2, "nothing of the cancelled run leaks into the new one"
    assert len(trained) == 1 and Path(trained[0]).is_file()
    check_kept_model(view)


# ------------------------------------------------------------------------------------------------
# Closing the window mid-training


def test_closing_the_window_during_training_exits_cleanly(qtbot, train_tab, tiny_dataset, qtlog):
    w, view = train_tab
    open_folder(qtbot, view, tiny_dataset)
    start(qtbot, view, epochs=500)
    qtbot.waitUntil(lambda: view.plots.batch_points() >= 1, timeout=WAIT_MS)
    assert view._runner.running_jobs() and w.is_busy()

    assert w.close()  # confirm_stop_jobs is answered Yes by the fixture
    assert not view._runner.is_busy()
    assert not w.client._thread.isRunning()
    assert not any("Destroyed while thread" in r.message for r in qtlog.records)
    check_kept_model(view)


@pytest.mark.slow
def test_closing_the_window_during_classification_and_training(qtbot, train_tab, tiny_dataset, photos, qtlog):
    w, view = train_tab
    open_folder(qtbot, view, tiny_dataset)
    start(qtbot, view, epochs=500)
    w.classify.classify_paths([str(p) for p in photos(40)])
    qtbot.waitUntil(lambda: view.plots.batch_points() >= 1, timeout=WAIT_MS)
    assert w.close()
    assert not view._runner.is_busy() and not w.client._thread.isRunning()
    assert not any("Destroyed while thread" in r.message for r in qtlog.records)
    check_kept_model(view)
