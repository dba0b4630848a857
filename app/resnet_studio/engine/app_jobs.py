"""The desktop app's long jobs as functions of plain values, for :mod:`job_process`: the settings
arrive as a dict, the result leaves as a dict, so neither side imports the other's classes."""

from __future__ import annotations

import threading

from .lr_finder import find_lr
from .plain import plain_values
from .train import EventFn, TrainConfig, train


def train_job(data_dir: str, out_path: str, config: dict, *, on_event: EventFn | None = None,
              cancel: threading.Event | None = None) -> dict:
    """:func:`train.train` with ``config`` as ``TrainConfig`` keyword arguments."""
    return plain_values(train(data_dir, out_path, TrainConfig(**config), on_event=on_event, cancel=cancel))


def find_lr_job(data_dir: str, config: dict, *, steps: int = 100, on_event: EventFn | None = None,
                cancel: threading.Event | None = None) -> dict:
    """:func:`lr_finder.find_lr` with ``config`` as ``TrainConfig`` keyword arguments."""
    return find_lr(data_dir, TrainConfig(**config), steps=steps, on_event=on_event, cancel=cancel).to_dict()
