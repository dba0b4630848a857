"""The Train view driven like a user would (offscreen, pytest-qt), on the real engine.

Training runs use tiny generated pictures (``shapes_dataset``), resnet18 at 32 px and the seeded
random-init weights of ``fake_imagenet_weights``: seconds on a CPU.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.conftest import make_shapes_dataset, save_image
from tests.gui.conftest import open_folder as gui_open_folder
from tests.gui.conftest import start_training

pytestmark = pytest.mark.gui

WAIT_MS = 60_000
TINY = {"arch": "resnet18", "image_size": 32, "batch_size": 8, "augment": False}


@pytest.fixture
def view(qtbot):
    from resnet_studio.gui.train_view import TrainView

    v = TrainView()
    qtbot.addWidget(v)
    v.resize(1200, 760)
    v.show()
    yield v
    # Closing the window mid-job must end every thread; no "QThread: Destroyed while running".
    assert v.cancel_and_wait(WAIT_MS)
    assert not v._runner.is_busy()


def open_folder(qtbot, view, folder: Path) -> None:
    gui_open_folder(qtbot, view, folder, WAIT_MS)


def start(qtbot, view, **config) -> None:
    start_training(qtbot, view, {**TINY, **config}, WAIT_MS)


# ------------------------------------------------------------------------------------------------
# Dataset side


def test_dataset_folder_shows_classes_counts_thumbnails_and_health(qtbot, view, shapes_dataset):
    open_folder(qtbot, view, shapes_dataset)

    assert view.dataset.classes() == ["circle", "square", "triangle"]
    assert view.dataset.counts() == {"circle": 12, "square": 12, "triangle": 12}
    assert view.dataset.is_ready()
    assert view.start_button.isEnabled()
    table = view.dataset.table
    assert table.rowCount() == 3
    assert [table.item(r, 0).text() for r in range(3)] == ["circle", "square", "triangle"]
    assert [table.item(r, 1).text() for r in range(3)] == ["12", "12", "12"]
    assert all(not table.item(r, 2).icon().isNull() for r in range(3)), "example pictures shown"
    assert "3 categories, 36 pictures" in view.dataset.status.text()
    assert view.dataset.issues.isVisible() and view.dataset.issue_texts() == ["All pictures could be read; no problems found."]
    # The model gets the folder's name until the user types another.
    assert view.settings.model_name() == "shapes"


def test_health_warnings_are_listed(qtbot, view, tmp_path):
    root = make_shapes_dataset(tmp_path / "data", per_class=4)
    (root / "circle" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    open_folder(qtbot, view, root)

    warnings = view.dataset.warnings()
    assert any("cannot be opened" in w for w in warnings), warnings
    assert view.dataset.issue_texts() == warnings
    assert view.dataset.is_ready(), "warnings do not stop training"


def test_one_class_folder_shows_the_readable_error(qtbot, view, tmp_path):
    root = make_shapes_dataset(tmp_path / "one", classes=("cats",), per_class=3)
    open_folder(qtbot, view, root)

    assert "Only one category was found" in view.dataset.error_text()
    assert "at least two" in view.dataset.status.text()
    assert not view.dataset.is_ready()
    assert not view.start_button.isEnabled()
    assert not view.start_training()
    assert not view.dataset.sort_button.isVisible()


def test_dropping_a_folder_opens_it(qtbot, view, shapes_dataset):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(shapes_dataset))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    view.dataset.dropEvent(event)
    qtbot.waitUntil(lambda: not view.dataset.is_scanning(), timeout=WAIT_MS)
    assert view.dataset.folder() == str(shapes_dataset)
    assert view.dataset.classes() == ["circle", "square", "triangle"]


def test_flat_folder_sort_by_name_previews_then_copies(qtbot, view, tmp_path):
    flat = tmp_path / "flat"
    names = ["cat_1.png", "cat_2.png", "dog_1.png", "dog_2.png", "dog_3.png", "holiday.png"]
    for i, name in enumerate(names):
        save_image(flat / name, size=(40, 40), seed=i)
    open_folder(qtbot, view, flat)
    assert view.dataset.error_text(), "a flat folder is not a dataset yet"
    assert view.dataset.sort_button.isVisible()
    assert not view.start_button.isEnabled()

    qtbot.mouseClick(view.dataset.sort_button, Qt.MouseButton.LeftButton)
    dialog = view.dataset.sort_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.plan() is not None, timeout=WAIT_MS)

    assert sorted(dialog.planned_moves()) == [
        ("cat_1.png", "cat"), ("cat_2.png", "cat"), ("dog_1.png", "dog"), ("dog_2.png", "dog"), ("dog_3.png", "dog"),
    ]
    tree_text = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert any("cat" in t and "2" in t for t in tree_text)
    assert any("1" in t and "No category name" in t for t in tree_text), "holiday.png stays out"
    assert "5 pictures will be copied" in dialog.summary.text()
    assert sorted(p.name for p in flat.iterdir()) == sorted(names), "the preview changes nothing"

    dest = tmp_path / "sorted"
    dialog.dest_edit.setText(str(dest))
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dataset.folder() == str(dest) and not view.dataset.is_scanning(), timeout=WAIT_MS)
    assert view.dataset.classes() == ["cat", "dog"]
    assert view.dataset.counts() == {"cat": 2, "dog": 3}
    assert sorted(p.name for p in flat.iterdir()) == sorted(names), "the originals stay where they were"


# ------------------------------------------------------------------------------------------------
# Training


@pytest.mark.slow
def test_training_run_shows_progress_plots_and_metrics(qtbot, view, shapes_dataset, fake_imagenet_weights):
    from resnet_studio.engine.paths import trained_models_dir

    fake_imagenet_weights("resnet18")
    open_folder(qtbot, view, shapes_dataset)
    batches_seen: list[int] = []
    trained: list[str] = []
    view.model_trained.connect(trained.append)

    start(qtbot, view, mode="head", epochs=3, pretrained=True)
    job = view._train_job
    job.batches.connect(lambda chunk: batches_seen.append(len(chunk)))  # noqa: direct in the job's thread is fine here
    assert not view.start_button.isEnabled()
    assert not view.settings.isEnabled(), "settings are locked while training"
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS * 3)

    from resnet_studio.engine import job_process

    assert job_process.helper_pids(), "the run trained in the helper process (kept for the next run)"

    # Progress and plots
    assert 0 < view.plots.batch_points() <= sum(batches_seen)
    assert view.plots.epoch_points() == 3
    x, y = view.plots.smooth_loss_curve.getData()
    assert len(x) == view.plots.batch_points() and np.all(np.isfinite(y))
    assert view.progress.bar.value() == view.progress.bar.maximum()
    assert "finished" in view.progress.status_text()

    # Results
    results = view.results
    assert view.tabs.currentWidget() is results
    assert results.table.rowCount() == 3
    assert {results.table.item(r, 0).text() for r in range(3)} == {"circle", "square", "triangle"}
    matrix = results.matrix.matrix()
    assert matrix.shape == (3, 3)
    assert matrix.sum() == sum(int(results.table.item(r, 3).text()) for r in range(3)) > 0
    assert results.accuracy_label.text().startswith("Accuracy on the validation pictures")
    assert len(results.gallery_paths()) == matrix.sum() - np.trace(matrix)

    # The model is in the library under a provisional name, then under the user's name.
    assert len(trained) == 1 and Path(trained[0]).is_file()
    assert Path(trained[0]).parent == trained_models_dir()
    results.name_edit.setText("Shapes 形状")
    with qtbot.waitSignal(view.model_trained, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(results.save_button, Qt.MouseButton.LeftButton)
    new_path = Path(saved.args[0])
    assert new_path.name == "Shapes 形状.safetensors" and new_path.is_file()
    assert not Path(trained[0]).exists()
    from resnet_studio.engine.library import read_info

    assert read_info(new_path).name == "Shapes 形状"
    with qtbot.waitSignal(view.use_model_requested, timeout=1000) as used:
        qtbot.mouseClick(results.use_button, Qt.MouseButton.LeftButton)
    assert used.args == [str(new_path)]
    assert view.start_button.isEnabled() and view.settings.isEnabled()


def test_training_runs_on_a_thread_when_no_helper_process_can_start(qtbot, view, shapes_dataset,
                                                                     fake_imagenet_weights, monkeypatch):
    """Some systems refuse to start processes (limits, sandboxes): the run then happens on the
    job's thread, with the same progress, plots and result."""
    from resnet_studio.engine import job_process

    def refused(*args, **kwargs):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(job_process, "_idle", [])  # no helper left over from another test
    monkeypatch.setattr(job_process, "JobProcess", refused)
    fake_imagenet_weights("resnet18")
    open_folder(qtbot, view, shapes_dataset)
    start(qtbot, view, mode="head", epochs=2, pretrained=True)
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS * 3)
    assert "finished" in view.progress.status_text()
    assert view.plots.epoch_points() == 2 and view.plots.batch_points() > 0
    assert Path(view.results.model_path()).is_file()


def test_a_helper_that_died_is_explained_in_the_users_language(qtbot):
    """The engine's sentence for a helper process that died is one the error box translates."""
    from resnet_studio.engine.job_process import HELPER_DIED_MESSAGE
    from resnet_studio.gui.errors import ENGINE_MESSAGES, error_box
    from resnet_studio.gui.i18n import LanguageManager

    assert HELPER_DIED_MESSAGE in ENGINE_MESSAGES
    languages = LanguageManager()
    try:
        assert languages.apply("zh_CN")
        box = error_box(None, HELPER_DIED_MESSAGE, "helper process 7 ended with exit code -9")
        qtbot.addWidget(box)
        assert box.text() == "运行此任务的后台进程意外停止了，可能是电脑内存不足。请减小批大小或图片尺寸，或关闭其他程序。"
        assert box.detailedText() == "helper process 7 ended with exit code -9"
    finally:
        languages.apply("en")


@pytest.mark.slow
def test_cancel_mid_training_ends_cleanly_and_keeps_the_checkpoint(qtbot, view, shapes_dataset, fake_imagenet_weights):
    fake_imagenet_weights("resnet18")
    open_folder(qtbot, view, shapes_dataset)
    # Thousands of short epochs: also floods the view with events, which must stay responsive.
    start(qtbot, view, mode="head", epochs=5000, pretrained=True)
    qtbot.waitUntil(lambda: view.plots.epoch_points() >= 2, timeout=WAIT_MS * 3)

    qtbot.mouseClick(view.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert "Stopping" in view.progress.status_text()
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS)

    path = view.results.model_path()
    assert path and Path(path).is_file(), "the best model so far is kept"
    assert "cancelled" in view.progress.status_text()
    assert "stopped" in view.results.summary_label.text()
    assert 2 <= view.plots.epoch_points() < 5000
    assert view.start_button.isEnabled()


@pytest.mark.slow
def test_cancel_and_wait_while_training_returns_promptly(qtbot, view, shapes_dataset, fake_imagenet_weights):
    """What closing the window does: cancel, wait for the thread, nothing left running."""
    fake_imagenet_weights("resnet18")
    open_folder(qtbot, view, shapes_dataset)
    start(qtbot, view, mode="head", epochs=5000, pretrained=True)
    qtbot.waitUntil(lambda: view.plots.batch_points() >= 1, timeout=WAIT_MS * 3)
    assert view.is_busy()
    assert view.cancel_and_wait(WAIT_MS)
    assert not view._runner.is_busy()
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS)


@pytest.mark.slow
def test_training_failure_is_shown_not_raised(qtbot, view, shapes_dataset, monkeypatch):
    """No ImageNet weights on this computer and no download allowed: a readable message."""
    open_folder(qtbot, view, shapes_dataset)
    shown: list[str] = []
    monkeypatch.setattr(sys.modules["resnet_studio.gui.train_view"], "show_error",
                        lambda parent, message, details="": shown.append(message))
    view.extra_config = {"allow_download": False}
    start(qtbot, view, mode="head", epochs=1, pretrained=True)
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS)
    assert shown and "Traceback" not in shown[0]
    assert "failed" in view.progress.status_text()
    assert view.start_button.isEnabled()


# ------------------------------------------------------------------------------------------------
# Widgets


def test_plots_buffer_points_and_redraw_at_most_ten_times_a_second(qtbot):
    from resnet_studio.gui.widgets.plots import TrainingPlots

    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.reset()
    redraws_before = plots.redraws
    batches = 200
    losses = 1.0 + np.sin(np.arange(batches))  # the loss of each batch
    running_mean = np.cumsum(losses) / np.arange(1, batches + 1)  # what BatchEvent.loss carries
    for epoch in (1, 2):
        plots.add_batches([{"epoch": epoch, "batch": b + 1, "batches": batches, "loss": float(running_mean[b])}
                           for b in range(batches)])
        plots.add_epoch({"epoch": epoch, "val_loss": 0.5, "val_accuracy": 0.8, "train_accuracy": 0.9})
    assert plots.batch_points() == 0, "nothing is drawn before the timer fires"
    # The last batch of an epoch is usually smaller: its own loss is unknown and left out.
    qtbot.waitUntil(lambda: plots.batch_points() == 2 * (batches - 1), timeout=2000)
    assert plots.redraws == redraws_before + 1, "one redraw for 400 points"
    x, y = plots.batch_loss_curve.getData()
    assert x[0] == pytest.approx(1 / batches) and x[-1] == pytest.approx(2.0 - 1 / batches)
    assert y == pytest.approx(np.concatenate([losses[:-1], losses[:-1]]), abs=1e-9), "each batch's own loss"
    _, smooth = plots.smooth_loss_curve.getData()
    assert smooth[0] == pytest.approx(losses[0]) and np.std(np.diff(smooth)) < np.std(np.diff(y))
    _, acc = plots.val_acc_curve.getData()
    assert list(acc) == [80.0, 80.0]
    plots.add_batches([{"epoch": 3, "batch": 1, "batches": 1, "loss": float("nan")}])
    plots.finish()
    assert plots.batch_points() == 2 * (batches - 1), "a non-finite loss is not plotted"


def test_confusion_matrix_widget_checks_its_shape(qtbot):
    from resnet_studio.gui.widgets.confusion_matrix import ConfusionMatrixWidget

    w = ConfusionMatrixWidget()
    qtbot.addWidget(w)
    w.resize(400, 400)
    w.set_data([[5, 1], [2, 7]], ["猫", "dog"])
    assert w.matrix().tolist() == [[5, 1], [2, 7]]
    assert w.cell_at(w._layout()[0].center()) is not None
    assert not w.grab().isNull()
    with pytest.raises(ValueError):
        w.set_data([[1, 2, 3]], ["a", "b"])


def test_retranslate_keeps_every_text(qtbot, view, shapes_dataset):
    open_folder(qtbot, view, shapes_dataset)
    before = view.start_button.text(), view.tabs.tabText(0), view.settings.advanced.toggle.text()
    view.retranslate_ui()
    assert (view.start_button.text(), view.tabs.tabText(0), view.settings.advanced.toggle.text()) == before
    assert all(before)


def test_results_show_a_finished_run_and_open_mistakes_on_click(qtbot, tmp_path):
    from resnet_studio.gui.widgets.training_results import TrainingResults

    wrong = [save_image(tmp_path / f"wrong_{i}.png", size=(50, 40), seed=i) for i in range(3)]
    model = tmp_path / "model.safetensors"
    model.write_bytes(b"0")
    result = {
        "model_path": str(model), "classes": ["cat", "dog"], "val_accuracy": 0.7, "epochs_run": 4,
        "best_epoch": 3, "seconds": 75.0, "cancelled": False,
        "per_class": [{"name": "cat", "precision": 0.75, "recall": 0.6, "support": 5},
                      {"name": "dog", "precision": 0.67, "recall": 0.8, "support": 5}],
        "confusion_matrix": [[3, 2], [1, 4]],
        "misclassified": [{"path": str(p), "true": "cat", "predicted": "dog", "confidence": 0.9} for p in wrong],
    }
    results = TrainingResults()
    qtbot.addWidget(results)
    opened: list = []
    results.open_url = opened.append
    results.set_result(result, default_name="Pets")

    assert "70.0%" in results.accuracy_label.text()
    assert [results.table.item(r, 0).text() for r in range(2)] == ["cat", "dog"]
    assert results.table.item(0, 1).text() == "75.0%" and results.table.item(1, 3).text() == "5"
    assert results.matrix.matrix().tolist() == [[3, 2], [1, 4]]
    assert results.gallery_paths() == [str(p) for p in wrong]
    qtbot.waitUntil(lambda: all(not results.gallery.item(i).icon().isNull() for i in range(3)), timeout=WAIT_MS)
    assert results.name_edit.text() == "Pets" and results.save_button.isEnabled()

    results.tabs.setCurrentIndex(2)
    results.show()
    item = results.gallery.item(1)
    rect = results.gallery.visualItemRect(item)
    qtbot.mouseClick(results.gallery.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(results.gallery.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [QUrl.fromLocalFile(str(wrong[1]))], "a click opens the picture, once"
    with qtbot.waitSignal(results.save_requested, timeout=1000) as saved:
        qtbot.mouseClick(results.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["Pets"]
    results.stop_jobs()


def test_the_view_does_not_import_torch(tmp_path):
    """Building the view and looking at a folder never loads torch (only a training job does)."""
    import subprocess

    root = make_shapes_dataset(tmp_path / "data", per_class=3)
    code = f"""
import sys, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from resnet_studio.gui.train_view import TrainView
v = TrainView()
v.set_dataset_folder({str(root)!r})
while v.dataset.is_scanning():
    app.processEvents()
    time.sleep(0.02)
assert v.dataset.is_ready(), v.dataset.error_text()
assert v.cancel_and_wait(10000)
print("torch" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
