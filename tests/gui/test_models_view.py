"""The Models view and the model picker: trained models listed, renamed, deleted and restored."""

from __future__ import annotations

import pytest

from tests.gui.conftest import wait_idle
from tests.helpers import save_random_model

pytestmark = pytest.mark.gui


def make_trained_model(name: str = "Shapes", classes=("circle", "square", "triangle"), accuracy: float = 0.9):
    """A small trained-model file in the user's library (random weights, real format)."""
    from resnet_studio.engine.library import safe_file_stem
    from resnet_studio.engine.paths import trained_models_dir

    return save_random_model(
        trained_models_dir() / f"{safe_file_stem(name)}.safetensors", classes, image_size=64, seed=1, name=name,
        metrics={"val_accuracy": accuracy, "per_class": [
            {"name": c, "precision": 0.8, "recall": 0.75, "support": 4} for c in classes]},
        training={"mode": "head", "epochs": 3},
    )


def test_model_picker_lists_trained_models_and_classifies_with_them(qtbot, make_window, photos):
    path = make_trained_model("Shapes ✓ 形状")
    w = make_window()
    assert str(path) in w.classify.picker.specs()
    assert "resnet50" in w.classify.picker.specs()
    w.classify.use_model(str(path))
    qtbot.waitUntil(lambda: w.classify._model_state == "ready" and "3" in w.model_label.text(), timeout=30000)
    assert "Shapes ✓ 形状" in w.model_label.text()
    w.classify.classify_paths([str(p) for p in photos(2)])
    wait_idle(qtbot, w.classify)
    assert {r.label for r in w.classify.records()} <= {"circle", "square", "triangle"}
    assert w.settings.last_model == str(path)


def test_missing_weights_offer_download_or_a_file(qtbot, make_window, photos, fake_imagenet_weights):
    w = make_window(weights=False)
    view = w.classify
    assert view._model_state == "failed"
    assert view.banner.isVisible()
    assert view.banner.button("download") is not None and view.banner.button("choose") is not None
    # photos dropped now wait for a model instead of failing
    view.classify_paths([str(p) for p in photos(2)])
    assert view.records() == []
    # the user already has the weights file: choosing it loads it and classifies what was waiting
    weights = fake_imagenet_weights("resnet18")
    view.use_model(str(weights))
    qtbot.waitUntil(lambda: len(view.records()) == 2, timeout=60000)
    assert not view.banner.isVisible()


def test_models_view_rename_delete_undo(qtbot, make_window):
    path = make_trained_model("Flowers")
    w = make_window()
    mv = w.models
    w.tabs.setCurrentWidget(mv)
    assert mv.trained_names() == ["Flowers"]
    assert mv.select_spec(str(path))
    assert mv.rename_button.isEnabled() and mv.delete_button.isEnabled()

    with qtbot.waitSignal(mv.library_changed, timeout=30000):
        mv.rename_selected("Garden flowers 花")
    assert mv.trained_names() == ["Garden flowers 花"]
    new_path = mv.selected_spec()
    assert new_path.endswith("Garden flowers 花.safetensors") and not path.exists()
    # the picker on the Classify tab follows
    assert new_path in w.classify.picker.specs() and str(path) not in w.classify.picker.specs()

    mv.delete_selected()
    assert mv.trained_names() == []
    assert mv.banner.isVisible() and mv.undo_action.isEnabled()
    assert new_path not in w.classify.picker.specs()
    mv.undo_action.trigger()
    assert mv.trained_names() == ["Garden flowers 花"]
    assert mv.selected_spec() == new_path
    assert not mv.undo_action.isEnabled()


def test_models_view_shows_summary_and_metrics(qtbot, make_window):
    path = make_trained_model("Shapes", accuracy=0.875)
    w = make_window()
    mv = w.models
    with qtbot.waitSignal(mv.summary_ready, timeout=60000):
        mv.select_spec("resnet18")
    assert mv.stage_table.rowCount() == 6
    params = [int(mv.stage_table.item(r, 3).text().replace(",", "")) for r in range(6)]
    assert sum(params) == 11_689_512
    assert "(layer4): Sequential" in mv.layers.toPlainText()
    assert mv.classes_list.count() == 1000
    with qtbot.waitSignal(mv.summary_ready, timeout=60000):
        mv.select_spec(str(path))
    assert mv.classes_list.count() == 3
    assert mv.metrics_table.rowCount() == 3
    assert mv.form_labels["accuracy"][1].text() == "87.5%"
    assert "64 × 64" in mv.form_labels["input"][1].text()


def test_import_model_file(qtbot, make_window, tmp_path):
    import shutil

    src = make_trained_model("Outside")
    outside = tmp_path / "downloaded.safetensors"
    shutil.move(src, outside)
    w = make_window()
    assert w.models.trained_names() == []
    with qtbot.waitSignal(w.models.library_changed, timeout=30000):
        w.models.import_model(str(outside))
    assert w.models.trained_names() == ["Outside"]
    assert outside.exists()  # imported by copying


def test_import_refuses_a_file_that_is_not_a_model(qtbot, make_window, tmp_path, monkeypatch):
    from resnet_studio.gui.models import actions as models_view  # import errors are shown from there

    shown = []
    monkeypatch.setattr(models_view, "show_error", lambda parent, msg, details="", **kw: shown.append(msg))
    bogus = tmp_path / "bogus.safetensors"
    bogus.write_bytes(b"hello, not a model")
    w = make_window()
    w.models.import_model(str(bogus))
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "bogus.safetensors" in shown[0]
    assert w.models.trained_names() == []


@pytest.mark.slow
def test_export_trained_model_to_torchscript(qtbot, make_window, tmp_path):
    path = make_trained_model("Shapes")
    w = make_window()
    messages = []
    w.models.status_message.connect(lambda text, timeout: messages.append(text))
    assert w.models.select_spec(str(path))
    out = tmp_path / "shapes.pt"
    w.models.export_selected("torchscript", str(out))
    qtbot.waitUntil(lambda: any(str(out) in m for m in messages), timeout=180000)
    assert out.is_file() and out.stat().st_size > 1_000_000
