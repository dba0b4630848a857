"""Evaluating a saved model on a labelled folder: :func:`evaluate` (accuracy, per-class metrics,
confusion matrix, misclassified pictures)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import numpy as np

from ..errors import DatasetError, ModelFileError
from ..metrics import cell_paths, compute_metrics, softmax
from .contract import EvalResult, EventFn, StageEvent


def _match_classes(model_classes: list[str], folder_classes: list[str]) -> dict[int, int]:
    exact = {c: i for i, c in enumerate(model_classes)}
    folded = {c.casefold(): i for i, c in enumerate(model_classes)}
    out = {}
    for j, c in enumerate(folder_classes):
        i = exact.get(c, folded.get(c.casefold()))
        if i is not None:
            out[j] = i
    return out


def evaluate(
    model_path: os.PathLike | str,
    data_dir: os.PathLike | str,
    *,
    device: str = "auto",
    batch_size: int = 32,
    on_event: EventFn | None = None,
    cancel: threading.Event | None = None,
    part: str = "auto",
    backend: str = "auto",
    workers: int | None = None,
) -> EvalResult:
    """Accuracy, per-class precision/recall, confusion matrix and misclassified pictures of the
    model file ``model_path`` on the labelled folder ``data_dir`` (class-per-folder or train/val).

    ``part``: which pictures: ``auto`` (every picture of a class-per-folder tree; ``test/``, else
    ``val/``, of a train/val tree), ``all``, ``train``, ``val`` or ``test``. Category folders are
    matched to the model's categories by name; pictures of unknown categories are listed in
    ``ignored``. Raises :class:`CancelledError` when cancelled, :class:`ModelOutputError` when the
    model's outputs are NaN or infinite (an accuracy computed from them would mean nothing).
    """
    from ..backends import make_backend, require_finite
    from ..datasets import scan_dataset
    from ..devices import pick_device
    from ..features import ORT_MIN_IMAGES, iter_batches
    from ..modelfile import load_model

    started = time.perf_counter()
    emit: EventFn = on_event or (lambda e: None)
    cancel = cancel or threading.Event()
    emit(StageEvent("preparing", "Loading the model"))
    p = Path(model_path)
    if not p.is_file():
        raise ModelFileError(f"The model file {p} does not exist.")
    model, info = load_model(p)
    split = scan_dataset(data_dir, val_fraction=0.0)
    parts = {"all": split.train + split.val + split.test, "train": split.train, "val": split.val, "test": split.test}
    if part == "auto":
        if split.layout == "folders":
            part = "all"
        else:
            part = "test" if split.test else "val"
    if part not in parts:
        raise DatasetError(f"Unknown part '{part}'. Choose one of: auto, {', '.join(parts)}.")
    mapping = _match_classes(list(info.classes), list(split.classes))
    if not mapping:
        raise DatasetError(
            f"None of the category folders in {Path(data_dir).name} ({', '.join(split.classes[:5])}) is a "
            f"category of this model ({', '.join(info.classes[:5])})."
        )
    ignored = [(str(q), r) for q, r in split.skipped]
    samples = []
    for path, j in parts[part]:
        if j in mapping:
            samples.append((path, mapping[j]))
        else:
            ignored.append((str(path), f"The model has no category '{split.classes[j]}'."))
    if not samples:
        raise DatasetError(f"There are no pictures to evaluate in the {part} part of {Path(data_dir).name}.")
    dev = pick_device(device)
    choice = backend if backend != "auto" else ("auto" if len(samples) >= ORT_MIN_IMAGES else "torch")
    engine, _note = make_backend(model, dev, info.preprocess.crop_size, choice)
    probs, labels, paths, skipped = [], [], [], []
    done = 0
    emit(StageEvent("evaluating", "Classifying the pictures", 0, len(samples)))
    for batch in iter_batches([s[0] for s in samples], info.preprocess.load, batch_size, workers=workers, cancel=cancel):
        for i, exc in batch.errors:
            skipped.append((str(samples[i][0]), str(exc)))
        if batch.arrays is not None:
            probs.append(softmax(require_finite(engine.logits(batch.arrays))))
            labels.extend(samples[i][1] for i in batch.indices)
            paths.extend(str(samples[i][0]) for i in batch.indices)
        done += len(batch.indices) + len(batch.errors)
        emit(StageEvent("evaluating", f"Classifying the pictures ({done}/{len(samples)})", done, len(samples)))
    if not probs:
        raise DatasetError("None of the pictures could be read.")
    m = compute_metrics(labels, np.concatenate(probs), list(info.classes), paths)
    return EvalResult(
        model_path=str(p), data_dir=str(split.root), classes=list(info.classes), accuracy=m.accuracy,
        loss=m.loss, per_class=m.per_class, confusion_matrix=m.confusion_matrix, misclassified=m.misclassified,
        count=m.count, skipped=skipped, ignored=ignored, part=part, seconds=time.perf_counter() - started,
        backend=getattr(engine, "name", ""), cells=cell_paths(m),
    )
