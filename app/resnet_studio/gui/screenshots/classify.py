"""Classify view shots: the empty drop zone, the Shapes model's answers on new photos (one of
them a broken download), and "Show why" heat maps on a few cards."""

from __future__ import annotations

from pathlib import Path

from .train import shapes_model
from .world import Studio, make_shapes

SHOTS = ("classify_empty", "classify_results", "classify_explain")
#: "Fine details": with a tiny model trained on few pictures, the sharpest maps that follow the shapes.
WHY_LAYER = "layer2"
EXPLAINED = ("triangle_001.png", "circle_001.png", "square_001.png", "triangle_000.png")


def new_photos(studio: Studio) -> list[Path]:
    """``Pictures/New photos``: three of each shape the model has not seen, and a broken JPEG."""
    if "new_photos" not in studio.cache:
        root = studio.pictures / "New photos"
        photos = make_shapes(root, per_class=3, seed=7, any_colour=True)
        broken = root / "scan_0042.jpg"
        broken.write_bytes(b"\xff\xd8\xff\xe0 this download stopped half way")
        studio.cache["new_photos"] = [broken] + photos[::-1]
    return studio.cache["new_photos"]


def _classify(studio: Studio, paths: list[Path]) -> None:
    v = studio.window.classify
    v.clear()
    v.classify_paths([str(p) for p in paths])
    studio.wait(lambda: not v.is_busy() and len(v.records()) == len(paths), 300, "classification")


def _expand(studio: Studio, row: int) -> None:
    v = studio.window.classify
    v.model.set_expanded(row, True)
    v.delegate.sizeHintChanged.emit(v.model.index(row))


def make_empty(studio: Studio) -> None:
    from ..main_window import CLASSIFY_TAB

    studio.window.classify.clear()
    studio.window.tabs.setCurrentIndex(CLASSIFY_TAB)
    for _ in studio.languages():
        studio.save("classify_empty")


def make_results(studio: Studio) -> None:
    studio.use_model(shapes_model(studio))
    for _ in studio.languages():
        _classify(studio, new_photos(studio))  # again: the status bar's message is in this language
        _expand(studio, 1)
        studio.save("classify_results")


def make_explain(studio: Studio) -> None:
    from ..widgets.results import Roles

    v = studio.window.classify
    studio.use_model(shapes_model(studio))
    by_name = {p.name: p for p in new_photos(studio)}
    _classify(studio, [by_name[n] for n in EXPLAINED])
    _expand(studio, 0)
    v.why_layer.setCurrentIndex(v.why_layer.findData(WHY_LAYER))
    if not v.why_action.isChecked():
        v.why_button.click()
    rows = range(v.model.rowCount())
    studio.wait(lambda: all(v.model.index(i).data(Roles.Heat) is not None for i in rows), 120, "the heat maps")
    for _ in studio.languages():
        studio.save("classify_explain")
    v.why_button.click()
