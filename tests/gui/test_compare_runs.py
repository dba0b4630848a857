"""Training runs in the Models view: listed, compared (curves overlaid, differences highlighted),
deleted and restored."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_runs import fake_result

pytestmark = pytest.mark.gui


def record(name: str, *, accuracy: float, lr: float, epochs: int = 3, cancelled: bool = False, started: str):
    from resnet_studio.engine import runs

    rec = runs.record_from_result(
        fake_result(accuracy=accuracy, lr=lr, epochs=epochs, cancelled=cancelled,
                    model_path=Path(f"/models/{name}.safetensors")),
        Path("/data/pets 宠物"), name=name, run_id=f"{started[:10].replace('-', '')}-120000-{'%06x' % epochs}",
    )
    rec.started = started
    runs.save_run(rec)
    return rec


@pytest.fixture
def models_view(qtbot):
    from resnet_studio.gui.models_view import RUNS_PAGE, ModelsView
    from resnet_studio.gui.settings import Settings

    view = ModelsView(Settings())
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.sections.setCurrentIndex(RUNS_PAGE)
    yield view
    if view.compare_dialog is not None:
        view.compare_dialog.close()


def test_two_recorded_runs_compare_curves_and_settings(qtbot, models_view):
    a = record("Pets fast", accuracy=0.6, lr=0.1, epochs=3, started="2025-01-10T09:00:00+00:00")
    b = record("Pets slow", accuracy=0.8, lr=0.01, epochs=5, cancelled=True, started="2025-01-11T09:00:00+00:00")
    mv = models_view
    mv.refresh_runs()
    qtbot.waitUntil(lambda: len(mv.run_ids()) == 2, timeout=30000)
    assert mv.run_ids() == [b.run_id, a.run_id]  # newest first
    row_b = mv.runs_tree.topLevelItem(0)
    assert row_b.text(0) == "Pets slow" and row_b.text(2) == "pets 宠物" and row_b.text(4) == "80.0%"
    assert row_b.text(5) == "stopped early" and mv.runs_tree.topLevelItem(1).text(5) == "finished"
    assert row_b.text(1) == "2025-01-11 09:00"
    assert not mv.compare_button.isEnabled()

    mv.select_runs([a.run_id, b.run_id])
    assert mv.compare_button.isEnabled()
    dialog = mv.compare_selected()
    assert dialog is not None and dialog.isVisible()
    cmp = dialog.compare
    # run A (older) in the first colour, B in the second: two validation-accuracy curves
    acc_curves = [cmp.curves[("val_accuracy", i)] for i in (0, 1)]
    assert [len(c.xData) for c in acc_curves] == [3, 5]
    assert acc_curves[0].yData[-1] == pytest.approx(60.0) and acc_curves[1].yData[-1] == pytest.approx(80.0)
    assert acc_curves[0].opts["pen"].color() != acc_curves[1].opts["pen"].color()
    legend = [label.text for _sample, label in cmp.acc_plot.getPlotItem().legend.items]
    assert legend == ["A: Pets fast", "B: Pets slow"]
    assert len(cmp.curves[("val_loss", 1)].xData) == 5 and len(cmp.curves[("train_loss", 0)].xData) == 3

    # settings and results side by side, what differs highlighted
    assert cmp.row_texts("lr") == ["Learning rate", "0.1", "0.01"]
    assert cmp.row_texts("val_accuracy")[1:] == ["60.0%", "80.0%"]
    assert cmp.row_texts("status")[1:] == ["yes", "no, stopped early"]
    assert {"lr", "val_accuracy", "epochs", "status"} <= set(cmp.differing_rows())
    assert "arch" not in cmp.differing_rows() and "batch_size" not in cmp.differing_rows()
    cmp.only_diff.setChecked(True)
    shown = [cmp.table.item(r, 0).text() for r in range(cmp.table.rowCount()) if not cmp.table.isRowHidden(r)]
    assert "Learning rate" in shown and "Architecture" not in shown


def test_delete_a_run_and_undo(qtbot, models_view):
    from resnet_studio.engine import runs

    a = record("Keep", accuracy=0.6, lr=0.1, epochs=2, started="2025-01-10T09:00:00+00:00")
    b = record("Drop", accuracy=0.7, lr=0.1, epochs=4, started="2025-01-11T09:00:00+00:00")
    mv = models_view
    mv.refresh_runs()
    qtbot.waitUntil(lambda: len(mv.run_ids()) == 2, timeout=30000)
    mv.select_runs([b.run_id])
    assert mv.delete_run_button.isEnabled() and mv.delete_action.isEnabled()
    mv.delete_action.trigger()  # Del on the runs page deletes the run, not a model
    assert mv.run_ids() == [a.run_id]
    assert [r.run_id for r in runs.list_runs()] == [a.run_id]
    assert mv.banner.isVisible() and mv.undo_action.isEnabled()
    mv.undo_action.trigger()
    assert mv.run_ids() == [b.run_id, a.run_id] and mv.selected_run_ids() == [b.run_id]
    assert runs.load_run(b.run_id) == b
    # a fresh listing agrees with what is shown
    with qtbot.waitSignal(mv.runs_listed, timeout=30000):
        mv.refresh_runs()
    assert mv.run_ids() == [b.run_id, a.run_id]


def test_empty_runs_list_says_so(qtbot, models_view):
    mv = models_view
    qtbot.waitUntil(lambda: mv._runs_loaded and mv._runs_task is None, timeout=30000)
    assert mv.run_ids() == []
    assert "No runs yet" in mv.runs_tree.topLevelItem(0).text(0)
    assert mv.compare_selected() is None


def test_saving_the_model_under_a_name_updates_its_run(qtbot, tmp_path):
    from resnet_studio.engine import runs
    from resnet_studio.gui.widgets.training_results import TrainingResults

    rec = record("Pets 2025-01-10 09-00-00", accuracy=0.7, lr=0.1, started="2025-01-10T09:00:00+00:00")
    widget = TrainingResults()
    qtbot.addWidget(widget)
    widget.set_result({"model_path": rec.model_path, "run_id": rec.run_id, "classes": ["cat", "dog"],
                       "val_accuracy": 0.7, "misclassified": []})
    widget.name_edit.setText("Pets 宠物")
    widget.set_saved(str(tmp_path / "Pets 宠物.safetensors"))
    qtbot.waitUntil(lambda: runs.load_run(rec.run_id).name == "Pets 宠物", timeout=30000)
    assert runs.load_run(rec.run_id).model_path == str(tmp_path / "Pets 宠物.safetensors")
