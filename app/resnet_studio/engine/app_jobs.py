"""The desktop app's long jobs as functions of plain values, for :mod:`job_process`: the settings
arrive as a dict; the result leaves as the engine's own result object, which the helper turns into
plain values once, where it leaves the process (:func:`job_process._run_one`)."""

from __future__ import annotations

import threading

from .lr_finder import find_lr
from .train import EventFn, TrainConfig, TrainResult, train


def train_job(data_dir: str, out_path: str | None, config: dict, *, on_event: EventFn | None = None,
              cancel: threading.Event | None = None) -> TrainResult:
    """:func:`train.train` with ``config`` as ``TrainConfig`` keyword arguments.

    ``out_path`` None: a new model in the app's library under a provisional name
    (:func:`training.outputs.provisional_model_path`); the result's ``model_path`` says which."""
    cfg = TrainConfig(**config)
    if out_path is None:
        from .paths import trained_models_dir
        from .training.outputs import provisional_model_path

        out_path = str(provisional_model_path(trained_models_dir(), cfg.name or _folder_name(data_dir)))
    return train(data_dir, out_path, cfg, on_event=on_event, cancel=cancel)


def _folder_name(data_dir: str) -> str:
    from pathlib import Path

    return Path(data_dir).expanduser().resolve().name or "model"


def find_lr_job(data_dir: str, config: dict, *, steps: int = 100, on_event: EventFn | None = None,
                cancel: threading.Event | None = None) -> dict:
    """:func:`lr_finder.find_lr` with ``config`` as ``TrainConfig`` keyword arguments."""
    return find_lr(data_dir, TrainConfig(**config), steps=steps, on_event=on_event, cancel=cancel).to_dict()
