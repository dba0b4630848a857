"""The Train results' gallery of mistakes: surest first, and each picture says which category it
really is and what the model guessed."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_gallery_orders_surest_first_and_labels_true_and_guess(qtbot, tmp_path):
    from resnet_studio.gui.widgets.training_results import TrainingResults

    def wrong(name, true, guess, confidence):
        return {"path": str(tmp_path / name), "true": true, "predicted": guess, "confidence": confidence}

    result = {
        "model_path": "", "classes": ["8", "9", "3"], "val_accuracy": 0.5, "epochs_run": 1, "best_epoch": 1,
        "seconds": 1.0, "cancelled": False, "per_class": [], "confusion_matrix": [],
        # in loss order, as older results and run records have them
        "misclassified": [wrong("a.png", "8", "9", 0.41), wrong("b.png", "3", "8", 0.97), wrong("c.png", "9", "3", 0.63)],
    }
    results = TrainingResults()
    qtbot.addWidget(results)
    results.set_result(result)
    assert results.gallery_paths() == [str(tmp_path / n) for n in ("b.png", "c.png", "a.png")]
    first = results.gallery.item(0).text()
    assert "true 3" in first and "guessed 8" in first and "97.0%" in first
    assert first.index("true 3") < first.index("guessed 8")
    hint = results.gallery_hint.text()
    assert "surest mistakes first" in hint and "true category → what the model guessed" in hint
