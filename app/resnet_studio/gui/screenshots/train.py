"""Train view shots: a real head-only run on the generated shapes (curves, results), and the
gallery of its mistakes with "what the model looked at" heat maps."""

from __future__ import annotations

import shutil
from pathlib import Path

from .world import Studio, make_shapes

SHOTS = ("train_curves", "train_results", "train_gallery_heat")
#: The Train view's settings for the run the shots show (seconds on a laptop CPU; at 128 px the
#: heat maps are fine enough to follow the shapes).
RUN_SETTINGS = {"mode": "head", "epochs": 12, "image_size": 128, "batch_size": 16, "lr": 0.005}
#: The shapes come in any colour (shape, not colour, must be learnt); a few per category are
#: filed in the wrong folder, as happens in real collections: mistakes for the gallery to show.
PER_CLASS, MISFILED = 40, 2


def shapes_dataset(studio: Studio) -> Path:
    """``Pictures/Shapes``: three shapes in any colour, a few of them in the wrong folder."""
    if "shapes_dataset" not in studio.cache:
        root = studio.pictures / "Shapes"
        make_shapes(root, per_class=PER_CLASS, any_colour=True)
        misfiled = make_shapes(studio.base / "misfiled", per_class=MISFILED, seed=11, any_colour=True, prefix="x")
        wrong = {"circle": "square", "square": "triangle", "triangle": "circle"}
        for p in misfiled:
            shutil.move(p, root / wrong[p.parent.name] / p.name)
        studio.cache["shapes_dataset"] = root
    return studio.cache["shapes_dataset"]


def shapes_model(studio: Studio) -> str:
    """The model file of a run made in the Train view on :func:`shapes_dataset`."""
    if "shapes_model" in studio.cache:
        return studio.cache["shapes_model"]
    from ..main_window import TRAIN_TAB

    w, folder = studio.window, shapes_dataset(studio)
    tv = w.train_view
    trained: list[str] = []
    tv.model_trained.connect(trained.append)
    w.tabs.setCurrentIndex(TRAIN_TAB)
    tv.set_dataset_folder(str(folder))
    studio.wait(lambda: tv.start_button.isEnabled(), 120, "the dataset check")
    tv.settings.set_config(RUN_SETTINGS)
    if not tv.start_training():
        raise RuntimeError("the Train view did not start training")
    studio.wait(lambda: trained and not tv.is_busy(), 600, "training")
    tv.model_trained.disconnect(trained.append)
    studio.cache["shapes_model"] = trained[-1]
    return trained[-1]


def make(studio: Studio) -> None:
    from ..main_window import TRAIN_TAB

    shapes_model(studio)
    w = studio.window
    tv, results = w.train_view, w.train_view.results
    w.tabs.setCurrentIndex(TRAIN_TAB)
    tv.tabs.setCurrentIndex(1)
    results.tabs.setCurrentIndex(2)
    results.heat_toggle.setChecked(True)
    studio.wait(lambda: not results.is_explaining() and results.gallery.count()
                and all(results.heat_shown()), 300, "the heat maps")
    for _ in studio.languages():
        tv.tabs.setCurrentIndex(0)
        studio.save("train_curves")
        tv.tabs.setCurrentIndex(1)
        results.tabs.setCurrentIndex(0)
        studio.save("train_results")
        results.tabs.setCurrentIndex(2)
        studio.save("train_gallery_heat")
