"""The Train results' "How sure" table (issue 15): how often the model was right when it said X %."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui

CALIBRATION = {
    "temperature": 1.6, "method": "folds", "pictures": 30, "ece_before": 0.09, "ece_after": 0.03,
    "reliability": [
        {"lo": 0.5, "hi": 0.7, "count": 4, "right": 2, "accuracy": 0.5, "confidence": 0.6},
        {"lo": 0.7, "hi": 0.9, "count": 5, "right": 4, "accuracy": 0.8, "confidence": 0.8},
        {"lo": 0.9, "hi": 0.99, "count": 0, "right": 0, "accuracy": 0.0, "confidence": 0.0},
        {"lo": 0.99, "hi": 1.0, "count": 12, "right": 12, "accuracy": 1.0, "confidence": 0.995},
    ],
}


def test_table_shows_each_band_with_its_share_right_and_count(qtbot):
    from resnet_studio.gui.widgets.reliability import ReliabilityTable

    w = ReliabilityTable()
    qtbot.addWidget(w)
    w.set_calibration(CALIBRATION)
    assert w.rows() == [("50–70%", "50%", "4"), ("70–90%", "80%", "5"), ("90–99%", "—", "0"),
                        ("99%+", "100%", "12")]
    assert not w.table.isHidden()
    assert "30 pictures" in w.note.text() and "trained without it" in w.note.text()


def test_a_model_never_checked_says_so_instead_of_an_empty_table(qtbot):
    from resnet_studio.gui.widgets.reliability import ReliabilityTable

    w = ReliabilityTable()
    qtbot.addWidget(w)
    w.set_calibration(CALIBRATION)
    w.set_calibration({})
    assert w.rows() == [] and w.table.isHidden()
    assert "not checked" in w.note.text()
    w.set_calibration({"temperature": 1.0, "method": "none", "pictures": 1, "reliability": []})
    assert "Only 1 validation" in w.note.text() and "too few" in w.note.text()


def test_training_results_show_the_runs_table_in_a_tab(qtbot):
    from resnet_studio.gui.widgets.training_results import TrainingResults

    result = {
        "model_path": "", "classes": ["8", "9"], "val_accuracy": 0.9, "epochs_run": 3, "best_epoch": 3,
        "seconds": 1.0, "cancelled": False, "per_class": [], "confusion_matrix": [[5, 0], [1, 4]],
        "misclassified": [], "calibration": CALIBRATION,
    }
    results = TrainingResults()
    qtbot.addWidget(results)
    results.set_result(result)
    tabs = [results.tabs.tabText(i) for i in range(results.tabs.count())]
    assert "How sure" in tabs
    results.tabs.setCurrentIndex(tabs.index("How sure"))
    assert results.tabs.currentWidget() is results.reliability
    assert results.reliability.rows()[3] == ("99%+", "100%", "12")
    results.clear()
    assert results.reliability.rows() == []
