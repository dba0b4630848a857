"""Metrics against numbers worked out by hand."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from resnet_studio.engine.metrics import (
    accuracy_from_cm, compute_metrics, confusion_matrix, per_class_metrics, softmax,
)

CLASSES = ["cat", "dog", "fox"]
# true:  cat cat cat dog dog fox
# pred:  cat dog cat dog dog cat
Y_TRUE = [0, 0, 0, 1, 1, 2]
Y_PRED = [0, 1, 0, 1, 1, 0]


def test_confusion_matrix_rows_are_true_columns_predicted():
    assert confusion_matrix(Y_TRUE, Y_PRED, 3) == [[2, 1, 0], [0, 2, 0], [1, 0, 0]]


def test_per_class_precision_recall_by_hand():
    rows = per_class_metrics(confusion_matrix(Y_TRUE, Y_PRED, 3), CLASSES)
    by = {r["name"]: r for r in rows}
    # cat: predicted 3 times, 2 right → precision 2/3; 3 true cats, 2 found → recall 2/3
    assert by["cat"]["precision"] == pytest.approx(2 / 3)
    assert by["cat"]["recall"] == pytest.approx(2 / 3)
    # dog: predicted 3 times, 2 right; both dogs found
    assert by["dog"]["precision"] == pytest.approx(2 / 3)
    assert by["dog"]["recall"] == pytest.approx(1.0)
    assert by["dog"]["f1"] == pytest.approx(2 * (2 / 3) / (2 / 3 + 1))
    # fox: never predicted → precision 0 (not NaN), its one picture missed
    assert by["fox"] == {"name": "fox", "precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert [r["support"] for r in rows] == [3, 2, 1]


def test_accuracy_and_empty_matrix():
    assert accuracy_from_cm(confusion_matrix(Y_TRUE, Y_PRED, 3)) == pytest.approx(4 / 6)
    assert accuracy_from_cm([[0, 0], [0, 0]]) == 0.0


def test_compute_metrics_loss_and_top_losses_worst_first():
    probs = np.array([
        [0.9, 0.05, 0.05],   # cat right
        [0.3, 0.6, 0.1],     # cat taken for dog (p_true 0.3)
        [0.7, 0.2, 0.1],     # cat right
        [0.1, 0.8, 0.1],     # dog right
        [0.2, 0.7, 0.1],     # dog right
        [0.95, 0.04, 0.01],  # fox taken for cat, very sure (p_true 0.01): worst
    ])
    paths = [f"img{i}.jpg" for i in range(6)]
    m = compute_metrics(Y_TRUE, probs, CLASSES, paths)
    assert m.accuracy == pytest.approx(4 / 6)
    assert m.count == 6
    expected_loss = -np.mean(np.log([0.9, 0.3, 0.7, 0.8, 0.7, 0.01]))
    assert m.loss == pytest.approx(expected_loss)
    assert m.confusion_matrix == [[2, 1, 0], [0, 2, 0], [1, 0, 0]]
    assert [x["path"] for x in m.misclassified] == ["img5.jpg", "img1.jpg"]
    worst = m.misclassified[0]
    assert (worst["true"], worst["predicted"]) == ("fox", "cat")
    assert worst["confidence"] == pytest.approx(0.95)
    assert worst["loss"] == pytest.approx(-math.log(0.01))
    json.dumps(m.to_dict())  # plain JSON values only


def test_misclassified_limit_and_no_mistakes():
    probs = np.eye(3)[[0, 1, 2]]
    m = compute_metrics([0, 1, 2], probs, CLASSES)
    assert m.accuracy == 1.0 and m.misclassified == []
    m = compute_metrics([1, 2, 0], probs, CLASSES, max_misclassified=2)
    assert len(m.misclassified) == 2 and m.accuracy == 0.0


def test_softmax_rows_sum_to_one_and_are_stable():
    p = softmax(np.array([[1000.0, 1000.0], [0.0, math.log(3.0)]]))
    assert np.allclose(p.sum(axis=1), 1.0)
    assert np.allclose(p, [[0.5, 0.5], [0.25, 0.75]])
