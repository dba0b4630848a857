"""The mistakes a training run reports come surest first: by the model's confidence in its wrong
answer, not by how little it gave the true category."""

from __future__ import annotations

import numpy as np

from resnet_studio.engine.metrics import compute_metrics


def test_misclassified_surest_wrong_answer_first():
    classes = ["cat", "dog", "fox"]
    probs = np.array([
        [0.05, 0.90, 0.05],  # cat called dog, 90 % sure (p_true 0.05)
        [0.01, 0.40, 0.59],  # dog called fox, 59 % sure (p_true 0.40)
        [0.02, 0.58, 0.40],  # fox called dog, 58 % sure, but p_true 0.40 … the loss order differs:
        [0.001, 0.499, 0.5],  # cat called fox, 50 % sure, lowest p_true: the highest loss of all
        [0.9, 0.05, 0.05],   # cat right
    ])
    m = compute_metrics([0, 1, 2, 0, 0], probs, classes, [f"p{i}" for i in range(5)])
    assert [x["path"] for x in m.misclassified] == ["p0", "p1", "p2", "p3"]
    confidences = [x["confidence"] for x in m.misclassified]
    assert confidences == sorted(confidences, reverse=True)


def test_equally_sure_mistakes_keep_a_fixed_order():
    probs = np.array([[0.2, 0.8], [0.2, 0.8], [0.2, 0.8]])
    m = compute_metrics([0, 0, 0], probs, ["a", "b"], ["x", "y", "z"])
    assert [x["path"] for x in m.misclassified] == ["x", "y", "z"]
