"""Correct and retrain, through the real window: a wrong result is corrected on its card, the
picture is copied into the model's training folder, and "Retrain" teaches the model the new
category so that the same picture gets the right label.

The planted effect: the first model knows only circles and squares, so a triangle can never be
called a triangle by it; once the triangle is added as a new category and the model retrained
(head mode, on cached features: seconds), it is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMenu, QStyleOptionViewItem

from resnet_studio.engine.train import TrainConfig, train
from tests.conftest import make_shapes_dataset
from tests.gui.conftest import wait_idle

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("torch_one_thread")]


@pytest.fixture
def trained(tmp_path, fake_imagenet_weights):
    """A head model trained on circles and squares only, and new pictures of all three shapes."""
    fake_imagenet_weights("resnet18")
    data = make_shapes_dataset(tmp_path / "shapes", classes=("circle", "square"), per_class=6, size=32)
    new = make_shapes_dataset(tmp_path / "new photos", classes=("circle", "square", "triangle"), per_class=1,
                              size=32, seed=5)
    result = train(data, tmp_path / "shapes.safetensors", TrainConfig(mode="head", image_size=32))
    return result.model_path, data, new


def _ready_view(qtbot, make_window, model: Path):
    w = make_window()
    view = w.classify
    view.use_model(str(model))
    qtbot.waitUntil(lambda: view._model_state == "ready" and view.correction_ready(), timeout=60000)
    return w, view


def _classify(qtbot, view, paths) -> None:
    view.classify_paths([str(p) for p in paths])
    wait_idle(qtbot, view)


def _buttons(view, row: int):
    index = view.list.model().index(row, 0)
    view.list.scrollTo(index)
    option = QStyleOptionViewItem()
    option.initFrom(view.list)
    option.rect = view.list.visualRect(index)
    return view.delegate.correction_rects(option.rect, option)


@pytest.mark.slow  # two models loaded and a retrain: about 8 s on a busy 2-core machine
def test_wrong_result_is_copied_to_a_new_category_and_retrain_fixes_it(qtbot, make_window, trained, monkeypatch):
    model, data, new = trained
    photo = new / "triangle" / "triangle_000.png"
    w, view = _ready_view(qtbot, make_window, model)
    _classify(qtbot, view, [photo])
    (card,) = view.records()
    assert card.label in ("circle", "square")  # the first model has never heard of triangles
    assert not view.retrain_button.isEnabled() and not view.retrain_bar.isVisible()

    # "Wrong…" on the card opens the category menu; "New category…" asks for a name
    _, wrong = _buttons(view, 0)
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=wrong.center())
    menu = view.findChild(QMenu, "correctMenu")
    assert menu is not None and menu.isVisible()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert {"circle", "square"} - {card.label} <= set(texts) and card.label not in texts
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("triangle", True)))
    next(a for a in menu.actions() if a.objectName() == "newCategoryAction").trigger()
    qtbot.waitUntil(lambda: card.corrected == "triangle", timeout=10000)

    copied = data / "triangle" / "triangle_000.png"
    assert copied.read_bytes() == photo.read_bytes()
    assert photo.is_file()  # copied, not moved
    assert Path(card.corrected_path) == copied
    # (enabled once the copy task has also been counted off, just after the card shows it)
    qtbot.waitUntil(lambda: view.retrain_button.isEnabled() and view.retrain_bar.isVisible(), timeout=10000)

    # Retrain: progress shows in the view, then the new model is used and the card updated
    qtbot.mouseClick(view.retrain_button, Qt.MouseButton.LeftButton)
    assert view.is_retraining() and view.retrain_progress.isVisible() and view.is_busy()
    assert not view.retrain_button.isEnabled()
    qtbot.waitUntil(lambda: not view.is_retraining(), timeout=120000)
    qtbot.waitUntil(lambda: card.model != str(model) and not view.is_busy(), timeout=60000)
    assert card.label == "triangle"
    assert card.corrected == "triangle"  # the badge stays
    assert len(view.records()) == 1  # the card got the new answer; no second card
    new_model = Path(card.model)
    assert new_model.is_file() and new_model != model
    assert view._model_info["spec"] == str(new_model)
    from resnet_studio.engine.modelfile import read_model_info

    info = read_model_info(new_model)
    assert info.classes == ["circle", "square", "triangle"] and info.training["mode"] == "head"
    assert info.preprocess == read_model_info(model).preprocess and info.training["image_size"] == 32
    assert not view.retrain_button.isEnabled()  # nothing new to learn for the new model
    # the new version is listed in the Models view too (the library is read on a worker)
    new_name = read_model_info(new_model).name
    assert new_name != read_model_info(model).name
    qtbot.waitUntil(lambda: new_name in w.models.trained_names(), timeout=10000)


def test_right_adds_to_the_predicted_category_and_a_gone_folder_is_asked_for_once(
        qtbot, make_window, trained, monkeypatch, tmp_path):
    model, data, new = trained
    moved = tmp_path / "moved shapes"
    data.rename(moved)
    asked = []

    def choose(*args, **kwargs):
        asked.append(args)
        return str(moved)

    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose))
    photos = [new / "circle" / "circle_000.png", new / "square" / "square_000.png"]
    w, view = _ready_view(qtbot, make_window, model)
    _classify(qtbot, view, photos)
    first, second = view.records()

    right, _ = _buttons(view, 0)
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=right.center())
    qtbot.waitUntil(lambda: first.corrected == first.label, timeout=10000)
    added = Path(first.corrected_path)
    assert added.parent == moved / first.label and added.read_bytes() == photos[0].read_bytes()
    assert len(asked) == 1

    # the answer is remembered in the settings: no second question, now or after a restart
    import json

    from resnet_studio.gui.classify_view import DATASET_FOLDERS_KEY
    from resnet_studio.gui.settings import qsettings

    assert json.loads(qsettings().value(DATASET_FOLDERS_KEY)) == {str(model): str(moved)}
    other = next(c for c in ("circle", "square") if c != second.label)
    assert view.correct(second.id, other)
    qtbot.waitUntil(lambda: second.corrected == other, timeout=10000)
    assert Path(second.corrected_path).parent == moved / other
    assert Path(second.corrected_path).read_bytes() == photos[1].read_bytes()
    assert len(asked) == 1
    assert view.corrections_count() == 2

    # a picture already in the training folder is not added again by "Right"
    before = sorted((moved / first.label).iterdir())
    _classify(qtbot, view, [added])
    inside = view.records()[-1]
    assert not view.mark_right(inside.id)
    assert sorted((moved / first.label).iterdir()) == before


def test_cards_of_imagenet_models_have_no_correction_buttons(qtbot, make_window, photos):
    w = make_window()
    view = w.classify
    _classify(qtbot, view, photos(1))
    (card,) = view.records()
    assert card.error is None and not view.can_correct(card)
    assert not view.mark_right(card.id) and not view.correct(card.id, "cat")
    assert not view.retrain()
