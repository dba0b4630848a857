"""Train results (issue 16): a confusion-matrix cell shows its validation pictures; a picture is
moved to its right category or taken out of the dataset, each undoable; "Retrain" trains again on
the changed folder. And the "Even out uneven categories" switch."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from tests.conftest import make_shapes_dataset
from tests.gui.conftest import open_folder, start_training

pytestmark = pytest.mark.gui

WAIT_MS = 60_000
CLASSES = ["circle", "square", "triangle"]


def test_cell_paths_list_every_validation_picture_in_its_cell():
    from resnet_studio.engine.metrics import cell_paths, compute_metrics

    probs = np.array([[0.9, 0.1, 0.0], [0.2, 0.7, 0.1], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8], [0.55, 0.45, 0.0]])
    m = compute_metrics([0, 1, 1, 2, 1], probs, CLASSES, ["a", "b", "c", "d", "e"])
    cells = {(c["true"], c["predicted"]): c for c in cell_paths(m)}
    assert set(cells) == {(0, 0), (1, 1), (1, 0), (2, 2)}
    assert cells[(1, 0)]["paths"] == ["c", "e"]  # surest first
    assert cells[(1, 0)]["confidence"] == [0.6, 0.55]
    for (i, j), c in cells.items():
        assert len(c["paths"]) == m.confusion_matrix[i][j]


def fake_result(root: Path) -> dict:
    """A result as the window gets it: circle_000 taken for a square, the rest right."""
    circles = sorted(str(p) for p in (root / "circle").iterdir())
    squares = sorted(str(p) for p in (root / "square").iterdir())
    return {
        "model_path": str(root.parent / "m.safetensors"), "classes": CLASSES, "val_accuracy": 0.8,
        "epochs_run": 1, "best_epoch": 1, "seconds": 1.0, "cancelled": False, "per_class": [],
        "confusion_matrix": [[2, 1, 0], [0, 2, 0], [0, 0, 0]], "data_dir": str(root),
        "misclassified": [{"path": circles[0], "true": "circle", "predicted": "square", "confidence": 0.9}],
        "cells": [{"true": 0, "predicted": 0, "paths": circles[1:3], "confidence": [0.8, 0.7]},
                  {"true": 0, "predicted": 1, "paths": circles[:1], "confidence": [0.9]},
                  {"true": 1, "predicted": 1, "paths": squares[:2], "confidence": [0.9, 0.8]}],
    }


def test_a_cell_shows_its_pictures_which_move_and_come_back(qtbot, tmp_path):
    from resnet_studio.gui.widgets.training_results import TrainingResults

    root = make_shapes_dataset(tmp_path / "shapes", per_class=3, size=24)
    results = TrainingResults()
    qtbot.addWidget(results)
    results.resize(900, 700)
    results.set_result(fake_result(root))
    results.show()
    results.tabs.setCurrentIndex(1)
    qtbot.waitExposed(results)
    matrix, cell = results.matrix, results.cell_pictures
    assert cell.paths() == []
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=matrix.cell_center(0, 1))
    assert matrix.selected_cell() == (0, 1)
    wrong = root / "circle" / "circle_000.png"
    assert cell.paths() == [str(wrong)]
    assert "1 picture of 'circle' was taken for 'square'" in cell.title.text()
    qtbot.waitUntil(lambda: not cell.list.item(0).icon().isNull(), timeout=10_000)  # its thumbnail

    cell.list.setCurrentRow(0)
    assert cell.move_button.isEnabled() and not cell.undo_button.isEnabled()
    assert cell.move_current("square")
    assert not wrong.exists() and (root / "square" / "circle_000.png").is_file()
    assert "moved to square" in cell.list.item(0).text()
    assert not cell.move_button.isEnabled()  # it is not in the circle folder any more
    qtbot.mouseClick(cell.undo_button, Qt.MouseButton.LeftButton)
    assert wrong.is_file() and not (root / "square" / "circle_000.png").exists()

    # the diagonal: the right ones; one is taken out of the dataset, beside it
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=matrix.cell_center(0, 0))
    assert cell.paths() == [str(root / "circle" / "circle_001.png"), str(root / "circle" / "circle_002.png")]
    assert "were recognised" in cell.title.text()
    cell.list.setCurrentRow(1)
    assert cell.remove_current()
    removed = tmp_path / "shapes_removed" / "circle" / "circle_002.png"
    assert removed.is_file() and not (root / "circle" / "circle_002.png").exists()
    assert "taken out" in cell.list.item(1).text()
    assert "Train again" in cell.status.text()
    assert results.moves.undo()
    assert (root / "circle" / "circle_002.png").is_file() and not removed.exists()


def test_a_move_never_replaces_a_picture_of_the_same_name(qtbot, tmp_path):
    from resnet_studio.gui.widgets.training_results import TrainingResults

    root = make_shapes_dataset(tmp_path / "shapes", per_class=3, size=24)
    (root / "square" / "circle_000.png").write_bytes(b"not the same picture")
    results = TrainingResults()
    qtbot.addWidget(results)
    results.set_result(fake_result(root))
    results.matrix.select_cell(0, 1)
    results.cell_pictures.list.setCurrentRow(0)
    assert results.cell_pictures.move_current("square")
    assert (root / "square" / "circle_000.png").read_bytes() == b"not the same picture"
    assert (root / "square" / "circle_000 (2).png").is_file()


def test_the_mistakes_gallery_moves_a_picture_too(qtbot, tmp_path):
    from PySide6.QtWidgets import QMenu

    from resnet_studio.gui.widgets.training_results import TrainingResults

    root = make_shapes_dataset(tmp_path / "shapes", per_class=3, size=24)
    results = TrainingResults()
    qtbot.addWidget(results)
    results.set_result(fake_result(root))
    menu = QMenu()
    results._add_move_actions(menu, results.gallery.item(0))
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Move to 'square'", "Take out of the dataset"]
    next(a for a in menu.actions() if a.text() == "Move to 'square'").trigger()
    assert (root / "square" / "circle_000.png").is_file()
    assert results.moves.count() == 1
    assert not results.gallery.item(0).flags() & Qt.ItemFlag.ItemIsEnabled  # greyed: it was moved
    results.moves.undo()
    assert results.gallery.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
    assert (root / "circle" / "circle_000.png").is_file()
    results.moves.move(str(root / "circle" / "circle_000.png"), "square")
    assert "1 picture " in results.retrain_button.toolTip() or results.retrain_button.toolTip().endswith("1 picture")


@pytest.fixture
def make_view(qtbot):
    from resnet_studio.gui.train_view import TrainView

    views = []

    def make():
        v = TrainView()
        qtbot.addWidget(v)
        v.resize(1200, 760)
        v.show()
        views.append(v)
        return v

    yield make
    for v in views:
        assert v.cancel_and_wait(WAIT_MS)


def test_retrain_trains_again_on_the_changed_folder(qtbot, make_view, tmp_path, fake_imagenet_weights):
    fake_imagenet_weights("resnet18")
    root = make_shapes_dataset(tmp_path / "shapes", per_class=6, size=32)
    view = make_view()
    open_folder(qtbot, view, root)
    start_training(qtbot, view, {"image_size": 32, "batch_size": 8, "mode": "head", "epochs": 2}, WAIT_MS)
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS * 2)
    first = dict(view.results._result)
    assert first["data_dir"] == str(root) and first["cells"]
    assert view.results.retrain_button.isVisible() and view.results.retrain_button.isEnabled()
    # the cells list every validation picture
    assert sum(len(c["paths"]) for c in first["cells"]) == first["n_val"]
    moved = first["cells"][0]["paths"][0]
    assert view.results.moves.remove(moved)
    qtbot.mouseClick(view.results.retrain_button, Qt.MouseButton.LeftButton)
    assert view.is_busy()
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS * 2)
    second = view.results._result
    assert second["n_train"] + second["n_val"] == first["n_train"] + first["n_val"] - 1
    assert second["settings"]["epochs"] == 2 and second["run_id"] != first["run_id"]


def test_even_out_uneven_categories_is_a_switch_in_advanced(qtbot):
    from resnet_studio.gui.widgets.train_settings import TrainSettingsPanel

    panel = TrainSettingsPanel()
    qtbot.addWidget(panel)
    assert panel.balance_check.isChecked() and panel.config()["balance"] == "auto"
    assert panel.balance_check.text() == "Even out uneven categories"
    assert panel.advanced.isAncestorOf(panel.balance_check)
    panel.balance_check.setChecked(False)
    assert panel.config()["balance"] == "off"
    assert "uneven categories not evened out" in panel.not_defaults()
    panel.reset_to_defaults()
    assert panel.config()["balance"] == "auto"
    panel.set_config({"balance": "off"})  # a run's settings, as its record keeps them
    assert not panel.balance_check.isChecked()
