"""Choosing settings: what ``auto`` and ``None`` become (:func:`plan_training`), the checks a
configuration passes before anything runs, the preprocessing a run uses, and the header of the
model file a correct-and-retrain run starts from. No torch, numpy or Pillow at import.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelError
from .contract import BALANCES, MODES, SCHEDULES, UNEVEN_RATIO, TrainConfig, TrainPlan

if TYPE_CHECKING:  # images imports numpy and Pillow
    from ..images import Preprocess


#: Learning rate for a batch of 64 (scaled linearly with the batch size).
_BASE_LR = {"head": 0.1, "finetune": 0.02, "full": 0.01, "scratch": 0.1}


def plan_training(config: TrainConfig, n_train: int, device_type: str = "cpu", balanced: bool = False) -> TrainPlan:
    """Fill in ``auto``/``None`` settings from the device and the number of training pictures
    (``balanced``: the loss weights uneven categories, see :func:`balance_for`).

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
    elif mode == "head" and balanced:
        # the few heavily weighted pictures of a small category make a noisy gradient: at 20-30
        # passes such a head was still improving at its last one (bench/uneven_categories.py)
        epochs = 60
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
    if config.balance not in BALANCES:
        raise ModelError(f"Unknown balance setting '{config.balance}'. Choose 'auto' or 'off'.")


def is_uneven(counts: list[int]) -> bool:
    """True when the largest of these categories has :data:`UNEVEN_RATIO` times the pictures of
    the smallest (an empty category says nothing: it has nothing to weight)."""
    present = [int(n) for n in counts if int(n) > 0]
    return len(present) >= 2 and max(present) >= UNEVEN_RATIO * min(present)


def class_weights(counts: list[int], balance: str = "auto") -> list[float] | None:
    """Loss weight of each category, 1 / its training pictures, scaled so that the average
    picture weighs 1 (the loss, and so the learning rate, keeps its scale); None when the
    categories are even enough or ``balance`` is "off". A weighted loss rather than a balanced
    sampler: head mode draws its batches from cached features in file order (a sampler would
    re-read them at random), and every picture still counts once per epoch, so a category of
    10 is not shown the same 10 pictures thirty times."""
    if balance == "off" or not is_uneven(counts):
        return None
    return inverse_count_weights(counts)


def balance_for(config: TrainConfig, split) -> tuple[list[float], int, int] | None:
    """``(loss weights, largest, smallest)`` when ``split``'s categories are uneven and
    ``config.balance`` is "auto", else None. Decided on the folder's counts (what the user sees
    in the folder), weighted by the training pictures' (what the loss sees)."""
    if config.balance == "off":
        return None
    train = [0] * len(split.classes)
    folder = [0] * len(split.classes)
    for _, idx in split.train:
        train[idx] += 1
        folder[idx] += 1
    for _, idx in split.val:
        folder[idx] += 1
    if not is_uneven(folder) or min(train) == 0:
        return None
    present = [n for n in folder if n > 0]
    return inverse_count_weights(train), max(present), min(present)


def inverse_count_weights(counts: list[int]) -> list[float]:
    """1 / count per category (0 for an empty one), scaled so the average picture weighs 1."""
    total = sum(int(n) for n in counts)
    raw = [1.0 / n if n > 0 else 0.0 for n in counts]
    scale = total / sum(w * n for w, n in zip(raw, counts))
    return [w * scale for w in raw]


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


# ------------------------------------------------------------------------------------------------
# How long a run will take, before it starts (rough: for "this will take about an hour, start?")

#: Seconds per unit of :func:`run_work` (one 224-px picture forward through ResNet-18) on a CPU:
#: from-scratch runs at 64 and 128 px on a busy 2-core machine took 0.016-0.02 s per unit. The app
#: replaces it with what the last run on this computer measured (:func:`forward_cost`).
CPU_FORWARD_S = 0.02
#: How much faster a graphics card runs the same work (a mid-range GPU against a 2-4 core CPU).
GPU_SPEEDUP = 30.0
#: Work of one forward pass relative to ResNet-18 (multiply-adds at 224 px).
_ARCH_WORK = {"resnet18": 1.0, "resnet34": 2.0, "resnet50": 2.3, "resnet101": 4.3, "resnet152": 6.3,
              "resnext50_32x4d": 2.3, "resnext101_32x8d": 9.1, "wide_resnet50_2": 6.3}
#: A training step against a forward pass: backward is about twice the forward (measured 3.5-4.5x).
_STEP_WORK = 3.5


def _n_train_val(counts: list[int], val_fraction: float) -> tuple[int, int]:
    """Training and validation pictures of categories of ``counts`` pictures (the rule of
    :func:`datasets.n_validation`, which loads numpy: the window calls this on its own thread)."""
    n_val = 0
    for n in counts:
        if val_fraction > 0 and n >= 2:
            n_val += min(max(int(round(n * val_fraction)), 1), n - 1)
    return sum(counts) - n_val, n_val


def run_work(config: TrainConfig, plan: TrainPlan, n_train: int, n_val: int, epochs: int,
             device_type: str = "cpu") -> float:
    """A run's work in ResNet-18 forward passes of one 224-px picture on a CPU: the pictures once
    through the frozen network in head mode (its epochs on the features take seconds), else every
    epoch's training steps and validation. Times :data:`CPU_FORWARD_S` (or :func:`forward_cost`)
    it is the run's duration."""
    size = (int(config.image_size) / 224) ** 2 * (16 if plan.small_input else 1)  # no stride-2 stem
    per_picture = _ARCH_WORK.get(config.arch, 2.0) * size / (GPU_SPEEDUP if device_type == "cuda" else 1.0)
    if plan.mode == "head":
        passes = n_train + n_val
    else:
        # finetune: the frozen front once forward (~0.8 of the network), the last stage trains
        step = _STEP_WORK if plan.mode == "full" else 0.8 + 0.2 * _STEP_WORK
        passes = (n_train * step + n_val) * max(1, epochs)
    return passes * per_picture


def estimate_seconds(config: TrainConfig, counts: list[int], device_type: str = "cpu",
                     forward_s: float | None = None) -> tuple[float, TrainPlan]:
    """Roughly how long training on categories of ``counts`` pictures with ``config`` takes, and
    the plan it would use. ``forward_s``: seconds per unit of :func:`run_work` measured on this
    computer (None: :data:`CPU_FORWARD_S`)."""
    n_train, n_val = _n_train_val([int(n) for n in counts], float(config.val_fraction))
    plan = plan_training(config, max(1, n_train), device_type)
    work = run_work(config, plan, n_train, n_val, plan.epochs, device_type)
    return work * (forward_s if forward_s and forward_s > 0 else CPU_FORWARD_S), plan


def forward_cost(config: TrainConfig, result: dict, device_type: str = "cpu") -> float | None:
    """Seconds per unit of :func:`run_work` that a finished run (``TrainResult`` as plain values)
    measured, for the next estimate; None when it says nothing (no epoch, head mode from cached
    features, a run of a few seconds)."""
    settings = result.get("settings") or {}
    epochs = int(result.get("epochs_run") or 0)
    seconds = float(result.get("seconds") or 0.0)
    mode = settings.get("mode", "")
    if epochs < 1 or seconds < 20 or mode not in MODES or mode == "auto" or result.get("cancelled"):
        return None
    if mode == "head" and int(result.get("feature_cache_hits") or 0):
        return None
    plan = TrainPlan(mode, epochs, int(settings.get("batch_size") or 1), float(settings.get("lr") or 0.0),
                     bool(settings.get("small_input")), "")
    work = run_work(config, plan, int(result.get("n_train") or 0), int(result.get("n_val") or 0), epochs,
                    device_type)
    return seconds / work if work > 0 else None
