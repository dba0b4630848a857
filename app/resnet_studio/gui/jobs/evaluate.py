"""Testing a model on a labelled folder it has not seen (issue 16): the engine's ``evaluate``, as
``resnet-studio evaluate`` runs it, in a background :class:`~.framework.Task`."""

from __future__ import annotations

import os
from collections.abc import Callable

from .framework import Task


def evaluate_folder(model_path: os.PathLike | str, folder: os.PathLike | str, *,
                    progress: Callable[[int, int], None] | None = None, cancel=None) -> dict:
    """The engine's ``EvalResult`` of ``model_path`` on ``folder``, as plain values (runs on the
    task's thread; raises the engine's errors, which the task reports)."""
    from ...engine.plain import plain_values
    from ...engine.train import evaluate

    def on_event(event) -> None:
        total = int(getattr(event, "total", 0) or 0)
        if progress is not None and total:
            progress(int(getattr(event, "done", 0) or 0), total)

    result = evaluate(model_path, folder, on_event=on_event, cancel=cancel)
    return plain_values(result.to_dict())


def start_evaluation(model_path: str, folder: str) -> Task:
    """A started task: ``progress(done, total)``, then ``succeeded(dict)`` or ``failed``/``cancelled``."""
    return Task(evaluate_folder, model_path, folder, with_progress=True, with_cancel=True, name="evaluate").start()
