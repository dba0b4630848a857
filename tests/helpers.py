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


def train_job_held_at_last_batch(data_dir, out_path, config, *, on_event=None, cancel=None):
    """``engine.app_jobs.train_job`` that stops after the last batch of the last epoch until the
    job is cancelled; it says so by writing ``$RS_TEST_HOLD_DIR/at_last_batch`` (a file and an
    environment variable, because it runs in the app's helper process). Lets a test press Cancel
    at that exact moment."""
    from resnet_studio.engine.app_jobs import train_job

    hold = Path(os.environ["RS_TEST_HOLD_DIR"])

    def held(event):
        on_event(event)
        if (type(event).__name__ == "BatchEvent" and event.epoch == event.epochs
                and event.batch == event.batches and not (hold / "at_last_batch").exists()):
            (hold / "at_last_batch").touch()
            cancel.wait(60)

    return train_job(data_dir, out_path, config, on_event=held, cancel=cancel)


def _status_kb(field: str) -> int:
    import re

    with open("/proc/self/status") as fh:
        return int(re.search(rf"{field}:\s+(\d+)", fh.read()).group(1))


def measure_peak_growth(fn) -> tuple[object, int]:
    """``(fn(), bytes)``: how far this process's peak memory rose above its memory before ``fn``.

    Not ``ru_maxrss``: it never goes down, so after a bigger earlier test a growth would not show
    (and a child process inherits its parent's). Linux resets the peak (VmHWM) to the current size
    when "5" is written to /proc/self/clear_refs."""
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    before = _status_kb("VmRSS")
    result = fn()
    return result, (_status_kb("VmHWM") - before) * 1024
