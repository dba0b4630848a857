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

    ``misclassified`` lists the wrongly predicted images, worst first: highest loss, i.e. the
    model was most sure of a wrong answer (fastai's "top losses"). ``confidence`` is the
    probability given to the (wrong) predicted class.
    """
    num_classes = len(classes)
    t = np.asarray(y_true, dtype=np.int64).reshape(-1)
    p = np.asarray(probs, dtype=np.float64).reshape(len(t), num_classes) if len(t) else np.zeros((0, num_classes))
    pred = p.argmax(axis=1) if len(t) else np.zeros(0, dtype=np.int64)
    p_true = p[np.arange(len(t)), t] if len(t) else np.zeros(0)
    losses = -np.log(np.clip(p_true, 1e-12, 1.0))
    cm = confusion_matrix(t, pred, num_classes)
    wrong = np.flatnonzero(pred != t)
    # stable order: ties keep input order, so results do not depend on sort internals
    wrong = wrong[np.argsort(-losses[wrong], kind="stable")][:max_misclassified]
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
    )


def softmax(logits: np.ndarray) -> np.ndarray:
    z = np.asarray(logits, dtype=np.float64)
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)
