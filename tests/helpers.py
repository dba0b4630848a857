"""Helpers shared by engine and GUI tests that are plain functions, not fixtures.

(Fixtures live in ``tests/conftest.py`` and ``tests/gui/conftest.py``.) Torch is imported inside
the functions, so importing this module from a GUI test keeps torch out of the GUI thread's
import time, as the app does.
"""

from __future__ import annotations

import os
from pathlib import Path


def save_random_model(
    path: os.PathLike | str,
    classes,
    *,
    image_size: int | None = None,
    seed: int | None = 0,
    arch: str = "resnet18",
    small_input: bool = False,
    **info,
) -> Path:
    """Write a model file of ours (the real format, as training writes it) with random-init
    weights to ``path``; returns the path written.

    ``image_size``: the model's input size (``Preprocess.for_image_size``; None: the default 224).
    ``seed``: seeds torch first, so the weights are the same on every run (None: not seeded).
    ``info``: more :class:`ModelInfo` fields (``name``, ``metrics``, ``training``, ``dataset_dir``...).
    """
    import torch

    from resnet_studio.engine.images import Preprocess
    from resnet_studio.engine.modelfile import ModelInfo, save_model_file
    from resnet_studio.engine.zoo import build_model

    if seed is not None:
        torch.manual_seed(seed)
    model = build_model(arch, num_classes=len(classes), small_input=small_input)
    if image_size is not None:
        info["preprocess"] = Preprocess.for_image_size(image_size)
    model_info = ModelInfo(arch=arch, classes=list(classes), small_input=small_input, **info)
    return save_model_file(path, model.state_dict(), model_info)
