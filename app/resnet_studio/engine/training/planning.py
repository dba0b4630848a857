"""Choosing settings: what ``auto`` and ``None`` become (:func:`plan_training`), the checks a
configuration passes before anything runs, the preprocessing a run uses, and the header of the
model file a correct-and-retrain run starts from. No torch, numpy or Pillow at import.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelError
from .contract import MODES, SCHEDULES, TrainConfig, TrainPlan

if TYPE_CHECKING:  # images imports numpy and Pillow
    from ..images import Preprocess


#: Learning rate for a batch of 64 (scaled linearly with the batch size).
_BASE_LR = {"head": 0.1, "finetune": 0.02, "full": 0.01, "scratch": 0.1}


def plan_training(config: TrainConfig, n_train: int, device_type: str = "cpu") -> TrainPlan:
    """Fill in ``auto``/``None`` settings from the device and the number of training pictures.

    A user who presses Start with no settings should get a good model quickly: on a CPU that means
    the head only (seconds once features are cached); on a GPU with some hundreds of pictures the
    last stage too, which is more accurate and still quick; from scratch every layer must learn.
    """
    mode = config.mode
    if mode not in MODES:
        raise ModelError(f"Unknown training mode '{mode}'. Choose one of: {', '.join(MODES)}.")
    reason = "as chosen"
    if mode == "auto":
        if not config.pretrained:
            mode, reason = "full", "from scratch, every layer has to learn"
        elif device_type == "cuda" and n_train >= 200:
            mode, reason = "finetune", "a GPU and enough pictures: the last stage learns too"
        else:
            mode, reason = "head", "fastest: only the last layer learns on cached features"
    small_input = config.small_input
    init = init_model_info(config)
    if init is not None:
        small_input = init.small_input  # the model file's stem is the one its weights fit
    if small_input is None:
        small_input = not config.pretrained and config.image_size <= 64
    gpu = device_type == "cuda"
    batch = config.batch_size or (128 if mode == "head" else 64 if gpu else 32)
    batch = max(1, min(int(batch), max(1, n_train)))
    if config.epochs:
        epochs = int(config.epochs)
    elif mode == "head":
        # small folders need more passes for the same number of steps; each pass takes milliseconds
        epochs = int(min(60, max(20, math.ceil(6000 / max(1, n_train)))))
    elif mode == "finetune":
        epochs = 8
    elif config.pretrained:
        epochs = 10
    else:
        epochs = 30
    key = "scratch" if (mode == "full" and not config.pretrained) else mode
    lr = float(config.lr) if config.lr else _BASE_LR[key] * batch / 64
    return TrainPlan(mode, epochs, batch, lr, bool(small_input), reason)


def _check_config(config: TrainConfig) -> None:
    from ..zoo import arch_info

    arch_info(config.arch)
    if config.schedule not in SCHEDULES:
        raise ModelError(f"Unknown schedule '{config.schedule}'. Choose 'cosine' or 'step'.")
    for name, lo in (("epochs", 1), ("batch_size", 1)):
        v = getattr(config, name)
        if v is not None and int(v) < lo:
            raise ModelError(f"The number of {name.replace('_', ' ')} must be at least {lo} (got {v}).")
    if config.lr is not None and not (0 < float(config.lr) < 10):
        raise ModelError(f"The learning rate must be a positive number below 10 (got {config.lr}).")
    if not 16 <= int(config.image_size) <= 1024:
        raise ModelError(f"The picture size must be between 16 and 1024 pixels (got {config.image_size}).")


def preprocess_for(config: TrainConfig) -> Preprocess:
    """Training/inference preprocessing: the weights' own at their size, else the classic ratio
    (``init_model``: that model's own, so its backbone sees pictures as it learnt them)."""
    from ..images import Preprocess
    from ..zoo import arch_info

    init = init_model_info(config)
    if init is not None:
        return init.preprocess
    if config.pretrained:
        ref = Preprocess.from_weights(arch_info(config.arch).weights)
        if ref.crop_size == config.image_size:
            return ref
    return Preprocess.for_image_size(int(config.image_size))


def init_model_info(config: TrainConfig):
    """The :class:`ModelInfo` of ``config.init_model`` (header only), or None without one.

    :class:`ModelError` when its architecture is not ``config.arch``: a model's weights only fit
    the network they were trained in.
    """
    if config.init_model is None or str(config.init_model) == "":
        return None
    from ..library import read_info
    from ..zoo import arch_info

    path = Path(config.init_model)
    info = read_info(path)
    if info.arch != config.arch:
        raise ModelError(
            f"{info.name or path.stem} is a {arch_info(info.arch).display_name} model, so it cannot be "
            f"the start of a {arch_info(config.arch).display_name} training. Choose "
            f"{arch_info(info.arch).display_name}, or start from ImageNet weights.",
            details=f"init_model={path}, arch={info.arch}, config.arch={config.arch}",
        )
    return info
