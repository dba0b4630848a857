"""Classify view shots: the empty drop zone, the Shapes model's answers on new photos (one of
them a broken download), and "Show why" heat maps on a few cards."""

from __future__ import annotations

from pathlib import Path

from .screenshots_train import shapes_model
from .screenshots_world import Studio, make_shapes

SHOTS = ("classify_empty", "classify_results", "classify_explain")


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
    from .main_window import CLASSIFY_TAB

    studio.window.classify.clear()
    studio.window.tabs.setCurrentIndex(CLASSIFY_TAB)
    for _ in studio.languages():
        studio.save("classify_empty")


def make_results(studio: Studio) -> None:
    studio.use_model(shapes_model(studio))
    _classify(studio, new_photos(studio))
    _expand(studio, 1)
    for _ in studio.languages():
        studio.save("classify_results")


def make_explain(studio: Studio) -> None:
    from .widgets.results import Roles

    v = studio.window.classify
    studio.use_model(shapes_model(studio))
    photos = [p for p in new_photos(studio) if p.suffix == ".png"]
    _classify(studio, [photos[0], photos[3], photos[6], photos[1]])
    _expand(studio, 0)
    if not v.why_action.isChecked():
        v.why_button.click()
    rows = range(v.model.rowCount())
    studio.wait(lambda: all(v.model.index(i).data(Roles.Heat) is not None for i in rows), 120, "the heat maps")
    for _ in studio.languages():
        studio.save("classify_explain")
    v.why_button.click()
