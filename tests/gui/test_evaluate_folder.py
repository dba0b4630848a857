""""Test on a labelled folder…" (issue 16): the engine's evaluate in the background, shown with the
training results' table, confusion matrix and mistakes."""

from __future__ import annotations

import pytest

from tests.conftest import make_shapes_dataset

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("torch_one_thread")]

WAIT_MS = 60_000


@pytest.fixture
def model(tmp_path, fake_imagenet_weights):
    from resnet_studio.engine.train import TrainConfig, train

    fake_imagenet_weights("resnet18")
    data = make_shapes_dataset(tmp_path / "shapes", per_class=6, size=32)
    r = train(data, tmp_path / "m.safetensors",
              TrainConfig(mode="head", image_size=32, batch_size=8, epochs=3, cache_dir=tmp_path / "features"))
    return r


def test_a_model_is_tested_on_a_folder_it_has_not_seen(qtbot, tmp_path, model):
    from resnet_studio.engine.train import evaluate
    from resnet_studio.gui.jobs.training import result_to_dict
    from resnet_studio.gui.widgets.training_results import TrainingResults

    results = TrainingResults()
    qtbot.addWidget(results)
    results.set_result(result_to_dict(model))
    assert results.test_folder_button.isEnabled() and not results.test_folder_button.isHidden()
    dialog = results.open_test_dialog()
    qtbot.addWidget(dialog)
    unseen = make_shapes_dataset(tmp_path / "unseen", per_class=4, size=32, seed=7)
    dialog.choose_dir = lambda: str(unseen)
    dialog.choose_button.click()
    assert dialog.is_busy()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
    expected = evaluate(model.model_path, unseen, device="cpu")
    assert dialog.result["accuracy"] == pytest.approx(expected.accuracy)
    shown = dialog.results
    assert f"{expected.accuracy * 100:.1f}%" in shown.accuracy_label.text() and "unseen" in shown.accuracy_label.text()
    assert "12 pictures tested" in shown.summary_label.text()
    assert shown.table.rowCount() == 3
    assert [shown.table.item(i, 3).text() for i in range(3)] == ["4", "4", "4"]
    assert shown.matrix.matrix().sum() == 12
    assert shown.gallery.count() == len(expected.misclassified)
    assert shown.save_button.isHidden() and shown.use_button.isHidden() and shown.retrain_button.isHidden()
    # a cell of the test's matrix shows its pictures too
    shown.matrix.select_cell(0, 0)
    assert len(shown.cell_pictures.paths()) == expected.confusion_matrix[0][0]
    assert all("/unseen/circle/" in p.replace("\\", "/") for p in shown.cell_pictures.paths())


def test_a_folder_of_other_categories_says_so(qtbot, tmp_path, model):
    from resnet_studio.gui.widgets.evaluate_dialog import EvaluateDialog

    dialog = EvaluateDialog(str(model.model_path))
    qtbot.addWidget(dialog)
    other = make_shapes_dataset(tmp_path / "other", classes=("cat", "dog"), per_class=2, size=32)
    assert dialog.test_folder(str(other))
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
    assert "None of the category folders" in dialog.status.text()
    assert dialog.results.tabs.isHidden() and dialog.choose_button.isEnabled()
