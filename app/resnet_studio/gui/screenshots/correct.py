"""Classify view shots of correct-and-retrain: a model that never saw a triangle calls two of them
circles; one is already added to a new "triangle" category, the "Wrong…" menu is open on the
other; then the retrain of the model with the corrected pictures, half way."""

from __future__ import annotations

import shutil

from .classify import new_photos
from .train import RUN_SETTINGS
from .world import Studio, make_shapes

SHOTS = ("classify_correct", "classify_retrain")
MODEL_NAME = "Circles and squares"


def _model_without_triangles(studio: Studio) -> str:
    if "two_shapes_model" not in studio.cache:
        from ...engine.paths import trained_models_dir
        from ...engine.train import TrainConfig, train

        folder = studio.pictures / MODEL_NAME
        make_shapes(folder, per_class=24, any_colour=True, classes=("circle", "square"))
        result = train(folder, trained_models_dir() / f"{MODEL_NAME}.safetensors",
                       TrainConfig(**RUN_SETTINGS, name=MODEL_NAME))
        studio.cache["two_shapes_model"] = str(result.model_path)
    return studio.cache["two_shapes_model"]


def _open_wrong_menu(studio: Studio, row: int):
    """Click the card's "Wrong…" button, as a user would; the menu that pops up."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

    v = studio.window.classify
    v.list.scrollTo(v.model.index(row))
    opt = QStyleOptionViewItem()
    opt.initFrom(v.list)
    opt.rect = v.list.visualRect(v.model.index(row))
    _, wrong = v.delegate.correction_rects(opt.rect, opt)
    QTest.mouseClick(v.list.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, wrong.center())
    studio.wait(QApplication.activePopupWidget, 10, "the “Wrong…” menu")
    menu = QApplication.activePopupWidget()
    # The offscreen screen is 800 × 600 and Qt moved the menu onto it: put it back under the
    # button, where a real screen shows it (kept inside the window, as the shot is of the window).
    at = v.list.viewport().mapToGlobal(wrong.bottomLeft())
    right = studio.window.mapToGlobal(QPoint(studio.window.width(), 0)).x()
    menu.move(min(at.x(), right - menu.width() - 4), at.y())
    return menu


def make(studio: Studio) -> None:
    from ...engine.paths import trained_models_dir

    v = studio.window.classify
    base = _model_without_triangles(studio)
    dataset = studio.pictures / MODEL_NAME
    by_name = {p.name: p for p in new_photos(studio)}
    photos = [by_name[n] for n in ("circle_000.png", "triangle_000.png", "square_000.png",
                                   "circle_001.png", "triangle_001.png", "square_001.png")]
    v.retrain_config = {"epochs": 60}  # long enough to be caught half way
    for lang in studio.languages():
        # Each language starts from scratch: the training folder as it was, and a copy of the
        # model (corrections are remembered per model file).
        shutil.rmtree(dataset / "triangle", ignore_errors=True)
        spec = str(trained_models_dir() / f"{MODEL_NAME} ({lang}).safetensors")
        shutil.copy(base, spec)
        v.refresh_trained_models()
        studio.use_model(spec)
        studio.wait(v.correction_ready, 60, "the model's categories")
        v.clear()
        v.classify_paths([str(p) for p in photos])
        studio.wait(lambda: not v.is_busy() and len(v.records()) == len(photos), 300, "classification")
        first, second = (next(r for r in v.records() if r.name == n) for n in ("triangle_000.png", "triangle_001.png"))
        v.correct(first.id, "triangle")
        studio.wait(lambda: first.corrected == "triangle" and not v._copies, 30, "the copy")
        menu = _open_wrong_menu(studio, v.records().index(second))
        studio.save("classify_correct")
        next(a for a in menu.actions() if a.text() == "triangle").trigger()
        menu.close()
        studio.wait(lambda: second.corrected == "triangle" and not v._copies, 30, "the copy")
        # long enough to be shot half way (cached features make a head retrain take a second)
        v.retrain_flow.config = {**v.retrain_flow.config, "epochs": 400}
        if not v.retrain():
            raise RuntimeError("retraining did not start")
        bar = v.retrain_progress
        studio.wait(lambda: bar.maximum() == 1000 and bar.value() > 350, 300, "retraining")
        if not v.is_retraining():
            raise RuntimeError("the retrain ended before it was shot: give it more epochs")
        studio.save("classify_retrain", settle=0.05)
        v.cancel_retrain()
        studio.wait(lambda: not v.is_retraining(), 60, "the retrain to stop")
    v.retrain_config = {}
