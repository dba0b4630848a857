"""Classification results a person can read: accuracy, per-class precision and recall, the
confusion matrix, and the misclassified images ("top losses"), worst first.

Plain numpy on predicted probabilities, so training (on features or images), evaluation and the
GUI all count the same way. Every number is a plain ``float``/``int`` (JSON-ready).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

#: Misclassified images kept in results and model files (the worst ones; the rest add little).
MAX_MISCLASSIFIED = 200


def confusion_matrix(y_true: Sequence[int], y_pred: Sequence[int], num_classes: int) -> list[list[int]]:
    """``cm[i][j]`` = images of true class ``i`` predicted as class ``j``."""
    t = np.asarray(y_true, dtype=np.int64).reshape(-1)
    p = np.asarray(y_pred, dtype=np.int64).reshape(-1)
    if t.shape != p.shape:
        raise ValueError(f"y_true and y_pred differ in length ({t.size} vs {p.size})")
    cm = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(cm, (t, p), 1)
    return cm.tolist()


def per_class_metrics(cm: Sequence[Sequence[int]], classes: Sequence[str]) -> list[dict]:
    """One row per class: name, precision, recall, f1, support (true images of the class).

    A class never predicted has precision 0.0, one with no images has recall 0.0 (and support 0
    tells the reader why); NaN would break JSON and the GUI's tables.
    """
    m = np.asarray(cm, dtype=np.int64).reshape(len(classes), len(classes))
    tp = np.diag(m)
    predicted = m.sum(axis=0)
    support = m.sum(axis=1)
    rows = []
    for i, name in enumerate(classes):
        precision = float(tp[i] / predicted[i]) if predicted[i] else 0.0
        recall = float(tp[i] / support[i]) if support[i] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append(
            {"name": name, "precision": precision, "recall": recall, "f1": float(f1), "support": int(support[i])}
        )
    return rows


def accuracy_from_cm(cm: Sequence[Sequence[int]]) -> float:
    m = np.asarray(cm, dtype=np.int64)
    total = int(m.sum())
    return float(np.trace(m) / total) if total else 0.0


@dataclass
class Metrics:
    """What one pass over labelled images found."""

    accuracy: float
    loss: float  # mean cross-entropy of the true class
    per_class: list[dict]
    confusion_matrix: list[list[int]]
    misclassified: list[dict] = field(default_factory=list)  # {"path","true","predicted","confidence","loss"}
    count: int = 0
    # what they were computed from, for fitting the calibration after training; not in to_dict()
    probs: np.ndarray | None = field(default=None, repr=False, compare=False)
    labels: np.ndarray | None = field(default=None, repr=False, compare=False)
    paths: list[str] | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        return {
            "accuracy": self.accuracy,
            "loss": self.loss,
            "per_class": self.per_class,
            "confusion_matrix": self.confusion_matrix,
            "misclassified": self.misclassified,
            "count": self.count,
        }


def compute_metrics(
    y_true: Sequence[int],
    probs: np.ndarray,
    classes: Sequence[str],
    paths: Sequence[object] | None = None,
    *,
    max_misclassified: int = MAX_MISCLASSIFIED,
) -> Metrics:
    """Metrics from true class indices and predicted probabilities ``(n, num_classes)``.

    ``misclassified`` lists the wrongly predicted images, surest mistakes first: highest
    ``confidence``, the probability given to the (wrong) predicted class; among equally sure ones
    the higher loss first. (Sorting by loss alone, fastai's "top losses", put a picture the model
    was 40 % sure of before one it was 90 % sure of whenever the true class got even less.)
    """
    num_classes = len(classes)
    t = np.asarray(y_true, dtype=np.int64).reshape(-1)
    p = np.asarray(probs, dtype=np.float64).reshape(len(t), num_classes) if len(t) else np.zeros((0, num_classes))
    pred = p.argmax(axis=1) if len(t) else np.zeros(0, dtype=np.int64)
    p_true = p[np.arange(len(t)), t] if len(t) else np.zeros(0)
    losses = -np.log(np.clip(p_true, 1e-12, 1.0))
    cm = confusion_matrix(t, pred, num_classes)
    wrong = np.flatnonzero(pred != t)
    # stable order: full ties keep input order, so results do not depend on sort internals
    sure = p[wrong, pred[wrong]] if len(wrong) else np.zeros(0)
    wrong = wrong[np.lexsort((-losses[wrong], -sure))][:max_misclassified]
    misclassified = [
        {
            "path": str(paths[i]) if paths is not None else str(int(i)),
            "true": classes[t[i]],
            "predicted": classes[pred[i]],
            "confidence": float(p[i, pred[i]]),
            "loss": float(losses[i]),
        }
        for i in wrong
    ]
    loss = float(losses.mean()) if len(t) else math.nan
    return Metrics(
        accuracy=accuracy_from_cm(cm),
        loss=loss if math.isfinite(loss) else 0.0,
        per_class=per_class_metrics(cm, classes),
        confusion_matrix=cm,
        misclassified=misclassified,
        count=int(len(t)),
        probs=p,
        labels=t,
        paths=[str(x) for x in paths] if paths is not None else None,
    )


#: Pictures listed per confusion-matrix cell (surest first); a cell's count says how many there are.
MAX_CELL_PATHS = 200


def cell_paths(metrics: Metrics, max_per_cell: int = MAX_CELL_PATHS) -> list[dict]:
    """The pictures behind each non-empty confusion-matrix cell, as plain values:
    ``[{"true": i, "predicted": j, "paths": [...], "confidence": [...]}]``, row by row, each
    cell's pictures the surest answer first (the diagonal: the right ones). ``[]`` when the
    metrics were computed without paths."""
    if metrics.paths is None or metrics.probs is None or metrics.labels is None or not len(metrics.labels):
        return []
    p, t = metrics.probs, metrics.labels
    pred = p.argmax(axis=1)
    sure = p[np.arange(len(t)), pred]
    cells = []
    n = p.shape[1]
    for i in range(n):
        for j in range(n):
            idx = np.flatnonzero((t == i) & (pred == j))
            if not len(idx):
                continue
            idx = idx[np.argsort(-sure[idx], kind="stable")][:max_per_cell]
            cells.append({"true": i, "predicted": j, "paths": [metrics.paths[k] for k in idx],
                          "confidence": [float(sure[k]) for k in idx]})
    return cells


def softmax(logits: np.ndarray) -> np.ndarray:
    z = np.asarray(logits, dtype=np.float64)
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


#: The Train results' reliability table: how often the model is right when it says so much.
RELIABILITY_EDGES = (0.5, 0.7, 0.9, 0.99, 1.0)


def expected_calibration_error(confidence: Sequence[float], correct: Sequence[bool], bins: int = 15) -> float:
    """ECE: the gap between stated top-1 confidence and the share right, averaged over ``bins``
    equal-width bins weighted by how many answers fall in each (0.0 for a perfectly calibrated
    model, and for no answers). A confidence exactly on an edge belongs to the lower bin."""
    conf = np.asarray(confidence, dtype=np.float64).reshape(-1)
    right = np.asarray(correct, dtype=bool).reshape(-1)
    if conf.shape != right.shape:
        raise ValueError(f"confidence and correct differ in length ({conf.size} vs {right.size})")
    if bins < 1:
        raise ValueError("bins must be at least 1")
    if not conf.size:
        return 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, bins - 1)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += m.mean() * abs(right[m].mean() - conf[m].mean())
    return float(total)


def reliability_bins(confidence: Sequence[float], correct: Sequence[bool],
                     edges: Sequence[float] = RELIABILITY_EDGES) -> list[dict]:
    """One row per bin ``[lo, hi)`` of top-1 confidence (the last one includes ``hi``): ``lo``,
    ``hi``, ``count``, ``right`` (answers in the bin that were right), ``accuracy`` (``right /
    count``, 0.0 when empty) and ``confidence`` (their mean confidence, 0.0 when empty). Answers
    below the first edge are in no bin: with ten categories a top-1 of 40 % is already "not sure"."""
    conf = np.asarray(confidence, dtype=np.float64).reshape(-1)
    right = np.asarray(correct, dtype=bool).reshape(-1)
    if conf.shape != right.shape:
        raise ValueError(f"confidence and correct differ in length ({conf.size} vs {right.size})")
    rows = []
    for i, (lo, hi) in enumerate(zip(edges[:-1], edges[1:])):
        last = i == len(edges) - 2
        m = (conf >= lo) & ((conf <= hi) if last else (conf < hi))
        n = int(m.sum())
        rows.append({
            "lo": float(lo), "hi": float(hi), "count": n, "right": int(right[m].sum()),
            "accuracy": float(right[m].mean()) if n else 0.0,
            "confidence": float(conf[m].mean()) if n else 0.0,
        })
    return rows
