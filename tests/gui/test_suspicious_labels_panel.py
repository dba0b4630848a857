"""The Dataset health panel's "pictures that may be in the wrong folder" (issue 16)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt

from resnet_studio.gui.widgets.dataset_panel import DatasetPanel
from resnet_studio.gui.widgets.suspicious_labels import SuspiciousLabelsPanel

from ..conftest import make_shapes_dataset

pytestmark = pytest.mark.usefixtures("torch_one_thread")


@pytest.fixture
def swapped(tmp_path, fake_imagenet_weights, monkeypatch):
    """Three shape folders with one circle put into square/ (a wrong label)."""
    monkeypatch.setenv("RESNET_STUDIO_CACHE_DIR", str(tmp_path / "cache"))
    fake_imagenet_weights("resnet18")
    root = make_shapes_dataset(tmp_path / "ds", classes=("circle", "square", "triangle"), per_class=10)
    wrong = root / "square" / "circle_003.png"
    os.rename(root / "circle" / "circle_003.png", wrong)
    return root, wrong


def _checked(qtbot, panel: SuspiciousLabelsPanel) -> None:
    qtbot.waitUntil(lambda: not panel.is_checking(), timeout=60000)


def _row_of(panel: SuspiciousLabelsPanel, path):
    rows = [r for r in panel.rows() if r.item["path"] == str(path)]
    assert rows, f"{panel.status_text()} {path} not among {[r.item['path'] for r in panel.rows()]}"
    return rows[0]


@pytest.fixture
def panel(qtbot, swapped):
    root, _ = swapped
    panel = SuspiciousLabelsPanel()
    qtbot.addWidget(panel)
    panel.set_folder(str(root))
    panel.show()
    panel.check()
    _checked(qtbot, panel)
    return panel


def test_thumbnails_and_texts_most_suspicious_first(qtbot, panel, swapped):
    _, wrong = swapped
    row = _row_of(panel, wrong)
    assert panel.rows().index(row) < 2
    qtbot.waitUntil(lambda: not row.thumb.pixmap().isNull(), timeout=10000)
    assert "folder: square → looks like: circle" in row.text.text()
    assert row.move_button.text() == "Move to “circle”"
    scores = [i["score"] for i in panel.items()]
    assert scores == sorted(scores, reverse=True)
    assert "may be in the wrong folder" in panel.status_text()


def test_move_to_suggested_then_undo_with_ctrl_z_puts_it_back_byte_for_byte(qtbot, panel, swapped):
    root, wrong = swapped
    before = wrong.read_bytes()
    _row_of(panel, wrong).move_button.click()
    assert not wrong.exists() and (root / "circle" / "circle_003.png").read_bytes() == before
    _checked(qtbot, panel)  # looked again after the move
    assert str(wrong) not in {i["path"] for i in panel.items()}
    assert panel.can_undo()
    panel.setFocus()
    qtbot.waitUntil(panel.hasFocus, timeout=5000)
    qtbot.keyClick(panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert wrong.read_bytes() == before and not (root / "circle" / "circle_003.png").exists()
    assert not panel.can_undo()
    _checked(qtbot, panel)


def test_take_out_of_dataset_and_undo_button(qtbot, panel, swapped):
    root, wrong = swapped
    before = wrong.read_bytes()
    _row_of(panel, wrong).remove_button.click()
    removed = root.parent / "ds_removed" / "square" / "circle_003.png"
    assert not wrong.exists() and removed.read_bytes() == before
    _checked(qtbot, panel)
    panel.undo_button.click()
    assert wrong.read_bytes() == before and not removed.exists()
    _checked(qtbot, panel)


def test_undo_never_replaces_a_new_file(qtbot, panel, swapped):
    _, wrong = swapped
    _row_of(panel, wrong).move_button.click()
    _checked(qtbot, panel)
    wrong.write_bytes(b"another picture now has the name")
    panel.undo_button.click()
    assert wrong.read_bytes() == b"another picture now has the name"
    assert "Not undone" in panel.status_text() and panel.can_undo()


def test_missing_weights_say_so(qtbot, tmp_path):
    root = make_shapes_dataset(tmp_path / "ds", classes=("a", "b"), per_class=4)
    panel = SuspiciousLabelsPanel()
    qtbot.addWidget(panel)
    panel.set_folder(str(root))
    panel.check()
    _checked(qtbot, panel)
    assert "needs the ImageNet weights" in panel.status_text() and panel.items() == []


def test_dataset_panel_shows_it_once_the_folder_is_usable(qtbot, swapped):
    root, _ = swapped
    dp = DatasetPanel()
    qtbot.addWidget(dp)
    dp.show()
    assert not dp.suspicious.isVisible()
    dp.set_folder(str(root))
    qtbot.waitUntil(lambda: not dp.is_scanning(), timeout=60000)
    assert dp.suspicious.isVisible() and dp.suspicious.folder() == str(root)
