"""Shots of issue 16's whole job: the labelling workspace with the model's suggestions, and the
Train view's panel of pictures that may be in the wrong folder (a square put among the circles)."""

from __future__ import annotations

import shutil

from .world import Studio, make_shapes

SHOTS = ("label_workspace", "suspicious_labels")


def make_label_workspace(studio: Studio) -> None:
    from ..main_window import LABEL_TAB

    w = studio.window
    pile = studio.pictures / "Unsorted shop photos"
    if not pile.is_dir():
        for p in make_shapes(studio.pictures / "_pile_src", per_class=8, seed=21, any_colour=True):
            pile.mkdir(parents=True, exist_ok=True)
            shutil.move(str(p), pile / p.name)
        shutil.rmtree(studio.pictures / "_pile_src", ignore_errors=True)
    w.tabs.setCurrentIndex(LABEL_TAB)
    view = w.label
    view.open_folder(str(pile))
    studio.wait(lambda: len(view.state.pictures) == 24, 60, "the pile")
    by_shape: dict[str, list[str]] = {}
    for p in view.state.pictures:
        by_shape.setdefault(p.rsplit("/", 1)[-1].split("_")[0], []).append(p)
    names = {"circle": "圆形 circle", "square": "square", "triangle": "triangle"}
    for shape, name in names.items():
        view.add_category(name)
        view.assign(by_shape[shape][:3], name)
    studio.wait(lambda: bool(view.state.suggestions), 180, "the suggestions")
    studio.pump(1.0)
    for _ in studio.languages():
        studio.save("label_workspace")


def make_suspicious(studio: Studio) -> None:
    from ..main_window import TRAIN_TAB

    w = studio.window
    folder = studio.pictures / "Shapes with a mistake"
    if not folder.is_dir():
        make_shapes(folder, per_class=12, seed=5)
        wrong = folder / "square" / "square_003.png"
        shutil.move(str(wrong), folder / "circle" / "square_003.png")  # a square filed as a circle
    w.tabs.setCurrentIndex(TRAIN_TAB)
    tv = w.train_view
    tv.settings.advanced.set_expanded(False)  # the panel of this shot sits above the settings
    tv.set_dataset_folder(str(folder))
    studio.wait(lambda: not tv.dataset.is_scanning(), 120, "the folder's scan")
    panel = tv.dataset.suspicious
    panel.check()
    studio.wait(lambda: not panel.is_checking(), 300, "the label check")
    studio.pump(1.0)
    from PySide6.QtWidgets import QScrollArea

    column = next(a for a in tv.findChildren(QScrollArea) if a.widget() is not None and a.widget().isAncestorOf(panel))
    for _ in studio.languages():
        column.ensureWidgetVisible(panel.check_button, 0, 0)
        studio.save("suspicious_labels")


def make(studio: Studio) -> None:
    make_label_workspace(studio)
    make_suspicious(studio)
