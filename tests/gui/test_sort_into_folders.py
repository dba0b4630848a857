"""Classify → "Sort into folders…": preview, copy or move, progress, Undo (issue 16), in the window."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import drop_paths, wait_idle

pytestmark = pytest.mark.gui


def _digests(paths) -> dict:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _classified_window(qtbot, make_window, photos):
    w = make_window()
    pictures = photos(6, folder="pile")
    drop_paths(w.classify, pictures)
    wait_idle(qtbot, w.classify)
    assert len(w.classify.records()) == 6
    return w, pictures


def _open(qtbot, w):
    view = w.classify
    assert view.sorter.action.isEnabled()
    view.sorter.action.trigger()
    dialog = view.sorter.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_preview_follows_the_threshold(qtbot, make_window, photos):
    w, _ = _classified_window(qtbot, make_window, photos)
    dialog = _open(qtbot, w)
    dialog.threshold.setValue(0)
    everything = dialog.counts()
    assert sum(everything.values()) == 6 and "_unsure" not in everything
    assert dialog.preview.rowCount() == len(everything)
    dialog.threshold.setValue(100)  # a random-weight ImageNet model is never that sure
    assert dialog.counts() == {"_unsure": 6}
    assert dialog.preview.rowCount() == 1 and "_unsure" in dialog.preview.item(0, 0).text()
    dialog.close()


def test_move_then_edit_undo_puts_every_picture_back(qtbot, make_window, photos, tmp_path):
    w, pictures = _classified_window(qtbot, make_window, photos)
    before = _digests(pictures)
    dialog = _open(qtbot, w)
    dst = tmp_path / "分好 sorted"
    dialog.dest_edit.setText(str(dst))
    dialog.move_radio.setChecked(True)
    dialog.threshold.setValue(0)
    assert dialog.sort_button.isEnabled()
    dialog.sort_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=30000)
    assert not any(p.exists() for p in pictures)
    placed = [p for p in dst.rglob("*.jpg")]
    assert len(placed) == 6
    assert "6" in dialog.result.text() and dialog.undo_button.isVisible()
    assert w.classify.sorter.undo_action.isEnabled()
    dialog.close()
    QApplication.processEvents()

    w.classify.sorter.undo_action.trigger()  # Edit → Undo sort into folders, with the dialog gone
    undo_dialog = w.classify.sorter.dialog
    qtbot.waitUntil(lambda: not undo_dialog.is_running(), timeout=30000)
    assert _digests(pictures) == before
    assert not list(dst.rglob("*.jpg"))
    assert not w.classify.sorter.undo_action.isEnabled()


def test_a_destination_that_cannot_work_is_said_before_sorting(qtbot, make_window, photos, tmp_path):
    w, pictures = _classified_window(qtbot, make_window, photos)
    dialog = _open(qtbot, w)
    a_file = tmp_path / "a file.txt"
    a_file.write_text("x")
    dialog.dest_edit.setText(str(a_file))
    assert not dialog.sort_button.isEnabled()
    assert "not a folder" in dialog.problem.text()
    dialog.close()
    assert all(p.exists() for p in pictures)
