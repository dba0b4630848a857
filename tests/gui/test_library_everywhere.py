"""One model library, everywhere (issue 15): a rename, a delete (and its Undo), an import and a file
removed outside the app show up at once in the Classify model menu, the Models list and the Train
results' "Use this model"; a model that is gone is answered in plain, translated words, and the
Classify view falls back to the default model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from resnet_studio.gui.widgets.model_picker import SPEC_ROLE
from tests.gui.test_models_view import make_trained_model

pytestmark = pytest.mark.gui


class _MarkedTranslator(QTranslator):
    """Says every ClassifyView text as "[zh] …": shows a text went through the catalogue."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt override
        return f"[zh] {source}" if context == "ClassifyView" else None


# The results page is enabled by a finished run; isEnabledTo(results) is the button's own state.
def _result_for(path) -> dict:
    return {"model_path": str(path), "classes": ["circle", "square", "triangle"], "val_accuracy": 0.9,
            "epochs_run": 1, "best_epoch": 1, "seconds": 1.0, "arch": "resnet18"}


def test_delete_and_undo_reach_the_model_menu_and_the_train_results(qtbot, make_window):
    path = make_trained_model("Flowers")
    w = make_window()
    results = w.load_train_view().results
    results.set_result(_result_for(path), "Flowers")
    assert results.use_button.isEnabledTo(results)
    mv = w.models
    assert mv.select_spec(str(path))
    mv.delete_selected()
    assert str(path) not in w.classify.picker.specs()
    assert not results.use_button.isEnabledTo(results)
    assert "no longer in your library" in results.use_button.toolTip()
    mv.undo_action.trigger()
    assert str(path) in w.classify.picker.specs()
    assert results.use_button.isEnabledTo(results)


def test_a_rename_is_followed_by_the_model_in_use_the_menu_and_the_results(qtbot, make_window):
    path = make_trained_model("Flowers")
    w = make_window()
    results = w.load_train_view().results
    results.set_result(_result_for(path), "Flowers")
    w.classify.use_model(str(path))
    qtbot.waitUntil(lambda: w.classify._model_state == "ready" and "Flowers" in w.model_label.text(), timeout=30000)
    mv = w.models
    mv.select_spec(str(path))
    with qtbot.waitSignal(mv.library_changed, timeout=30000):
        mv.rename_selected("Garden")
    new = mv.selected_spec()
    assert new.endswith("Garden.safetensors")
    specs = w.classify.picker.specs()
    assert new in specs and str(path) not in specs and specs.count(new) == 1
    assert w.classify.picker.current_spec() == new  # still classifying with it, under its new name
    qtbot.waitUntil(lambda: w.classify._model_state == "ready" and "Garden" in w.model_label.text(), timeout=30000)
    assert not w.classify.banner.isVisible()
    assert results.model_path() == new and results.use_button.isEnabledTo(results)


def test_a_file_removed_or_added_outside_the_app_shows_up_in_every_view(qtbot, make_window):
    import shutil

    path = make_trained_model("Flowers")
    w = make_window()
    assert str(path) in w.classify.picker.specs() and w.models.trained_names() == ["Flowers"]
    outside = path.parent.parent / "elsewhere.safetensors"
    shutil.move(path, outside)  # as a file manager would
    qtbot.waitUntil(lambda: str(path) not in w.classify.picker.specs(), timeout=10000)
    assert w.models.trained_names() == []
    shutil.move(outside, path)  # and back in (a copy, an import by hand)
    qtbot.waitUntil(lambda: str(path) in w.classify.picker.specs(), timeout=10000)
    assert w.models.trained_names() == ["Flowers"]


def test_choosing_a_model_that_is_gone_says_so_in_the_users_language_and_uses_the_default(qtbot, make_window):
    path = make_trained_model("Flowers")
    w = make_window()
    translator = _MarkedTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        path.unlink()  # gone before the window's next listing
        picker = w.classify.picker
        picker.activated.emit(next(i for i in range(picker.count()) if picker.itemData(i, SPEC_ROLE) == str(path)))
        banner = w.classify.banner
        assert banner.isVisible() and banner.key == "gone"
        assert banner.text.text().startswith("[zh] This model is no longer in your library")
        assert "neither a model name" not in banner.text.text()
        assert w.classify.picker.current_spec() == "resnet18"
        qtbot.waitUntil(lambda: w.classify._model_state == "ready", timeout=30000)
        assert w.settings.last_model == "resnet18"
        assert str(path) not in w.classify.picker.specs()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_model_in_use_deleted_falls_back_to_the_default(qtbot, make_window):
    path = make_trained_model("Flowers")
    w = make_window()
    w.classify.use_model(str(path))
    qtbot.waitUntil(lambda: w.classify._model_state == "ready" and "Flowers" in w.model_label.text(), timeout=30000)
    w.models.select_spec(str(path))
    w.models.delete_selected()
    assert w.classify.picker.current_spec() == "resnet18"
    assert w.classify.banner.key == "gone" and w.classify.banner.isVisible()
    qtbot.waitUntil(lambda: w.classify._model_state == "ready" and "ResNet-18" in w.model_label.text(), timeout=30000)


def test_an_imported_model_is_offered_in_the_model_menu_at_once(qtbot, make_window, tmp_path):
    import shutil

    src = make_trained_model("Outside")
    outside = tmp_path / "downloaded.safetensors"
    shutil.move(src, outside)
    w = make_window()
    with qtbot.waitSignal(w.models.library_changed, timeout=30000):
        w.models.import_model(str(outside))
    imported = w.models.selected_spec()
    assert imported.endswith("Outside.safetensors") and imported in w.classify.picker.specs()
