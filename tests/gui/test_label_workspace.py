"""The Label tab (issue 16): open a pile, make categories, label with keys and drags, undo, get
suggestions, accept them, save a training folder, come back after a restart."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from resnet_studio.gui.label import LabelView
from tests.conftest import save_image


@pytest.fixture
def pile(tmp_path) -> Path:
    folder = tmp_path / "pile"
    for i in range(12):
        save_image(folder / f"img_{i:02d}.png", size=(32, 24), seed=i)
    (folder / "notes.txt").write_text("not a picture")
    return folder


@pytest.fixture
def fake_suggest(monkeypatch):
    """The engine's suggest() without a model: every other picture 95 % sure, the rest 60 %."""
    from resnet_studio.engine import suggest as engine_suggest

    calls = []

    def fake(labelled, unlabelled, *, arch="resnet18", image_size=224, seed=0, progress=None, cancel=None):
        calls.append((dict(labelled), list(unlabelled)))
        cats = sorted(set(labelled.values()))
        return [engine_suggest.Suggestion(p, cats[i % len(cats)], 0.95 if i % 2 == 0 else 0.6, i + 1, 0.5)
                for i, p in enumerate(unlabelled)]

    monkeypatch.setattr(engine_suggest, "suggest", fake)
    return calls


def make_view(qtbot, folder: Path) -> LabelView:
    view = LabelView()
    qtbot.addWidget(view)
    view.resize(1080, 720)
    view.show()
    view.open_folder(str(folder))
    qtbot.waitUntil(lambda: len(view.state.pictures) == 12 and not view.is_busy(), timeout=10000)
    return view


def select_rows(view: LabelView, rows) -> list[str]:
    sel = view.grid.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(view.model.index(r), QItemSelectionModel.SelectionFlag.Select)
    view.grid.setFocus()
    return view.grid.selected_paths()


def close_view(view: LabelView) -> None:
    view.shutdown()


def test_open_categories_keys_multiselection_and_undo(qtbot, pile, fake_suggest):
    view = make_view(qtbot, pile)
    assert view.model.rowCount() == 12  # the text file is not a picture
    assert view.add_category("cats") == ""
    assert view.add_category("狗") == ""
    assert view.categories.list.count() == 2
    paths = select_rows(view, [0, 1, 2])
    qtbot.keyClick(view.grid, Qt.Key.Key_1)
    assert {view.state.labels[p] for p in paths} == {"cats"}
    select_rows(view, [3])
    qtbot.keyClick(view.grid, Qt.Key.Key_2)
    assert view.state.labels[view.model.path(3)] == "狗"
    assert "(3)" in view.categories.list.item(0).text()
    qtbot.keyClick(view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.model.path(3) not in view.state.labels
    qtbot.keyClick(view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.state.labels[view.model.path(3)] == "狗"
    qtbot.keyClick(view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.state.labels == {}
    close_view(view)


@pytest.mark.parametrize("name", ["", "   ", "..", ".", "a/b", "a\\b", "CATS"])
def test_bad_category_names_are_refused_with_a_plain_message(qtbot, pile, name):
    view = make_view(qtbot, pile)
    assert view.add_category("cats") == ""
    problem = view.add_category(name)
    assert problem and "Traceback" not in problem and len(problem) < 120
    assert view.state.categories == ["cats"]
    assert view.rename_category("cats", name if name != "CATS" else "") != ""
    assert view.state.categories == ["cats"]
    close_view(view)


def test_rename_and_delete_category_are_undoable(qtbot, pile):
    view = make_view(qtbot, pile)
    view.add_category("a")
    view.add_category("b")
    view.assign([view.model.path(0)], "a")
    assert view.rename_category("a", "Ä-neu") == ""
    assert view.state.labels[view.model.path(0)] == "Ä-neu"
    view.delete_category("Ä-neu")
    assert view.state.categories == ["b"] and view.state.labels == {}
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert view.state.categories == ["a", "b"] and view.state.labels[view.model.path(0)] == "a"
    close_view(view)


def test_drag_onto_a_category_assigns(qtbot, pile):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    view = make_view(qtbot, pile)
    view.add_category("a")
    view.add_category("b")
    mime = view.model.mimeData([view.model.index(4), view.model.index(5)])
    lst = view.categories.list
    pos = QPointF(lst.visualItemRect(lst.item(1)).center())
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for event in (QDragEnterEvent(pos.toPoint(), *args), QDragMoveEvent(pos.toPoint(), *args), QDropEvent(pos, *args)):
        QApplication.sendEvent(lst.viewport(), event)
        assert event.isAccepted()
    assert view.state.labels == {view.model.path(4): "b", view.model.path(5): "b"}
    close_view(view)


def label_three_each(view: LabelView) -> None:
    view.add_category("cats")
    view.add_category("狗")
    view.order_combo.setCurrentIndex(1)  # file name: rows stay where they are
    view.assign([view.model.path(r) for r in (0, 1, 2)], "cats")
    view.assign([view.model.path(r) for r in (3, 4)], "狗")


def test_suggestions_after_three_per_category_and_accepting(qtbot, pile, fake_suggest, monkeypatch):
    view = make_view(qtbot, pile)
    label_three_each(view)
    qtbot.wait(50)
    assert not fake_suggest and not view.state.suggestions  # 狗 has only 2
    with qtbot.waitSignal(view.suggestions_changed, timeout=10000):
        view.assign([view.model.path(5)], "狗")
    assert len(fake_suggest) == 1 and len(fake_suggest[0][0]) == 6
    unlabelled = view.state.unlabelled()
    assert set(view.state.suggestions) == set(unlabelled) and len(unlabelled) == 6

    # Enter accepts the selected picture's suggestion
    select_rows(view, [6])
    first = view.model.path(6)
    qtbot.keyClick(view.grid, Qt.Key.Key_Return)
    assert view.state.labels[first] == view.state.suggestions[first].label

    # accept all above 90 %: the preview counts what the confirmation then lists
    view.threshold.setValue(90)
    groups = view.above_threshold()
    expected = {p for ps in groups.values() for p in ps}
    assert expected and all(view.state.suggestions[p].confidence >= 0.9 for p in expected)
    assert str(len(expected)) in view.accept_all_button.text()
    shown = []
    monkeypatch.setattr(view, "confirm_accept", lambda counts: shown.append(counts) or True)
    before = len(view.state.labels)
    view.accept_all_above()
    assert shown == [{c: len(ps) for c, ps in groups.items()}]
    assert len(view.state.labels) == before + len(expected)
    view.undo_stack.undo()  # one step
    assert len(view.state.labels) == before
    with qtbot.waitSignal(view.suggestions_changed, timeout=10000):
        view.delete_category("狗")  # below 2 categories: no model, no suggestions shown
    assert view.state.suggestions == {}
    close_view(view)


def test_newer_request_replaces_a_running_one(qtbot, pile, monkeypatch):
    from resnet_studio.engine import suggest as engine_suggest
    from resnet_studio.engine.errors import CancelledError

    started, release = [], threading.Event()

    def slow(labelled, unlabelled, *, cancel=None, **_kw):
        started.append(len(labelled))
        if len(started) == 1:
            while not cancel.is_set():
                release.wait(0.01)
            raise CancelledError()
        return [engine_suggest.Suggestion(p, "cats", 0.9, i + 1, 0.5) for i, p in enumerate(unlabelled)]

    monkeypatch.setattr(engine_suggest, "suggest", slow)
    view = make_view(qtbot, pile)
    label_three_each(view)
    view.assign([view.model.path(5)], "狗")
    qtbot.waitUntil(lambda: len(started) == 1, timeout=10000)
    with qtbot.waitSignal(view.suggestions_changed, timeout=10000):
        view.assign([view.model.path(6)], "狗")
    assert started == [6, 7]
    assert view.model.path(6) not in view.state.suggestions
    close_view(view)


def test_save_as_training_folder_copies_and_never_overwrites(qtbot, pile, tmp_path, monkeypatch):
    view = make_view(qtbot, pile)
    label_three_each(view)
    before = sorted((p.name, p.stat().st_mtime_ns) for p in pile.iterdir())
    dst = tmp_path / "dataset"
    (dst / "cats").mkdir(parents=True)
    (dst / "cats" / "img_00.png").write_bytes(b"already here")
    offered, wanted = [], []
    monkeypatch.setattr(view, "offer_training", lambda result: offered.append(result) or True)
    view.train_requested.connect(wanted.append)
    view.save_training_folder(str(dst))
    qtbot.waitUntil(lambda: bool(offered), timeout=10000)
    assert offered[0]["copied"] == 5 and offered[0]["counts"] == {"cats": 3, "狗": 2}
    assert (dst / "cats" / "img_00.png").read_bytes() == b"already here"
    assert sorted(p.name for p in (dst / "cats").iterdir()) == ["img_00 (2).png", "img_00.png", "img_01.png", "img_02.png"]
    assert sorted(p.name for p in (dst / "狗").iterdir()) == ["img_03.png", "img_04.png"]
    assert sorted((p.name, p.stat().st_mtime_ns) for p in pile.iterdir()) == before
    assert wanted == [str(dst)]
    close_view(view)


def test_save_inside_the_pile_is_refused(qtbot, pile, monkeypatch):
    from resnet_studio.gui.label import view as view_module

    errors = []
    monkeypatch.setattr(view_module, "show_error", lambda parent, msg, details="": errors.append(msg))
    view = make_view(qtbot, pile)
    label_three_each(view)
    view.save_training_folder(str(pile / "out"))
    qtbot.waitUntil(lambda: bool(errors) and not view.is_busy(), timeout=10000)
    assert "inside" in errors[0] and not (pile / "out").exists()
    close_view(view)


def test_labels_survive_a_restart(qtbot, pile):
    view = make_view(qtbot, pile)
    label_three_each(view)
    labels = dict(view.state.labels)
    from resnet_studio.gui.jobs.labelling import read_state

    # saved after each change, before any close: a crash loses nothing
    qtbot.waitUntil(lambda: read_state(str(pile)).get("labels") == labels, timeout=5000)
    view.shutdown()
    view.close()

    again = make_view(qtbot, pile)
    qtbot.waitUntil(lambda: again.state.labels == labels, timeout=5000)
    assert again.state.categories == ["cats", "狗"]
    assert "(3)" in again.categories.list.item(0).text()
    close_view(again)


def test_ten_thousand_pictures_never_decode_on_the_gui_thread(qtbot, tmp_path, monkeypatch):
    from resnet_studio.gui.jobs import labelling

    decodes: list[bool] = []
    original = labelling.decode_thumbnail

    def counted(path, size):
        decodes.append(threading.current_thread() is threading.main_thread())
        return original(path, size)

    monkeypatch.setattr(labelling, "decode_thumbnail", counted)
    one = save_image(tmp_path / "one.png", size=(32, 24))
    view = LabelView()
    qtbot.addWidget(view)
    view.resize(1080, 720)
    view.show()
    view.show_pile({"folder": str(tmp_path), "pictures": [str(one)] * 10000})
    bar = view.grid.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=10000)
    for step in range(0, bar.maximum(), max(1, bar.maximum() // 40)):
        bar.setValue(step)
        view.grid.viewport().repaint()
    qtbot.waitUntil(lambda: bool(decodes) and not view.model.thumbs.is_busy(), timeout=20000)
    assert decodes and not any(decodes), "thumbnails must be decoded on a job thread only"
    # only what was on screen was asked for: a small part of the pile
    assert len(decodes) < 2000
    view.shutdown()


def test_real_suggestions_with_fake_weights(qtbot, tmp_path, fake_imagenet_weights):
    from tests.conftest import make_shapes_dataset

    fake_imagenet_weights("resnet18")
    data = make_shapes_dataset(tmp_path / "shapes", classes=("circle", "square"), per_class=5, size=32)
    folder = tmp_path / "flat"
    folder.mkdir()
    for cls_dir in sorted(data.iterdir()):
        for p in sorted(cls_dir.iterdir()):
            (folder / f"{cls_dir.name}_{p.name}").write_bytes(p.read_bytes())
    view = LabelView()
    qtbot.addWidget(view)
    view.open_folder(str(folder))
    qtbot.waitUntil(lambda: len(view.state.pictures) == 10 and not view.is_busy(), timeout=10000)
    view.add_category("circle")
    view.add_category("square")
    by_name = {Path(p).name: p for p in view.state.pictures}
    circles = [p for n, p in by_name.items() if n.startswith("circle")][:3]
    squares = [p for n, p in by_name.items() if n.startswith("square")][:3]
    view.assign(circles, "circle")
    with qtbot.waitSignal(view.suggestions_changed, timeout=120000):
        view.assign(squares, "square")
    assert set(view.state.suggestions) == set(view.state.unlabelled())
    assert all(s.label in ("circle", "square") and 0 <= s.confidence <= 1 for s in view.state.suggestions.values())
    view.shutdown()


def test_window_tab_menus_and_train_on_it(qtbot, make_window, pile, tmp_path):
    from resnet_studio.gui.main_window import CLASSIFY_TAB, LABEL_TAB, TRAIN_TAB

    w = make_window(wait_model=False)
    assert w.tabs.tabText(LABEL_TAB) == "Label" and w.tabs.widget(LABEL_TAB) is w.label
    assert not w.label.undo_action.isVisible()
    w.tab_actions[LABEL_TAB].trigger()
    assert w.tabs.currentIndex() == LABEL_TAB
    assert w.label.undo_action.isVisible() and w.label.undo_action in w.edit_menu.actions()
    assert w.models.undo_action.shortcut().isEmpty()  # one Ctrl+Z: the Label tab's
    w.tabs.setCurrentIndex(CLASSIFY_TAB)
    assert not w.label.undo_action.isVisible() and not w.models.undo_action.shortcut().isEmpty()

    data = tmp_path / "dataset"
    (data / "a").mkdir(parents=True)
    (data / "b").mkdir()
    w.label.train_requested.emit(str(data))
    assert w.tabs.currentIndex() == TRAIN_TAB
    qtbot.waitUntil(lambda: not w.train_view.dataset.is_scanning(), timeout=30000)
    assert w.train_view.dataset.folder() == str(data)


def test_drop_a_folder_order_by_usefulness_and_unlabelled_filter(qtbot, pile, fake_suggest, tmp_path):
    from tests.gui.conftest import drop_paths

    view = LabelView()
    qtbot.addWidget(view)
    view.show()
    drop_paths(view, [pile])
    qtbot.waitUntil(lambda: len(view.state.pictures) == 12 and not view.is_busy(), timeout=10000)
    label_three_each(view)
    with qtbot.waitSignal(view.suggestions_changed, timeout=10000):
        view.assign([view.model.path(5)], "狗")
    view.order_combo.setCurrentIndex(0)  # next most useful: the engine's rank 1 first, labelled last
    shown = [view.model.path(r) for r in range(view.model.rowCount())]
    ranks = [view.state.suggestions[p].rank for p in shown[:6]]
    assert ranks == sorted(ranks) and ranks[0] == 1
    assert all(p in view.state.labels for p in shown[6:])
    view.unlabelled_only.setChecked(True)
    assert view.model.rowCount() == 6
    select_rows(view, [0])
    qtbot.keyClick(view.grid, Qt.Key.Key_A)  # accepted: it leaves the filtered grid
    assert view.model.rowCount() == 5
    close_view(view)


def test_ctrl_z_in_the_window_undoes_labelling(qtbot, make_window, pile):
    from resnet_studio.gui.main_window import LABEL_TAB

    w = make_window(wait_model=False)
    w.models.undo_action.setEnabled(True)  # as after deleting a model: its Ctrl+Z is live too
    w.tabs.setCurrentIndex(LABEL_TAB)
    w.label.open_folder(str(pile))
    qtbot.waitUntil(lambda: len(w.label.state.pictures) == 12 and not w.label.is_busy(), timeout=10000)
    w.label.add_category("a")
    w.label.add_category("b")
    select_rows(w.label, [0, 1])
    qtbot.keyClick(w.label.grid, Qt.Key.Key_2)
    assert set(w.label.state.labels.values()) == {"b"}
    qtbot.keyClick(w.label.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.label.state.labels == {}
