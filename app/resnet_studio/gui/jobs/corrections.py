"""The engine calls of the correct-and-retrain flow.

Plain functions, run as ``Task``s off the GUI thread by ``gui/classify/retrain_flow.py``. The
engine is imported inside each function, so importing this module loads nothing heavy.
"""

from __future__ import annotations

from pathlib import Path


def correction_info(spec: str) -> dict:
    """What correcting a result of model file ``spec`` needs (runs on a Task's thread)."""
    from ...engine.corrections import dataset_for_model
    from ...engine.library import read_info

    info = read_info(spec)
    folder = dataset_for_model(spec)
    return {"classes": list(info.classes), "arch": info.arch, "name": info.name or Path(spec).stem,
            "image_size": int(info.preprocess.crop_size),
            "dataset": str(folder) if folder else None, "recorded": info.dataset_dir or ""}


def add_to_dataset(image: str, dataset_dir: str, class_name: str) -> str:
    """Copy ``image`` into the training folder (runs on a Task's thread)."""
    from ...engine.corrections import add_to_dataset as add

    return str(add(image, dataset_dir, class_name))

