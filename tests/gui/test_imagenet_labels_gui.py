"""ImageNet labels are shown in Chinese when the window is Chinese (cards, tooltips, search, the
camera), follow a language switch, and a user's own categories stay as the user named them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import wait_idle


def _chinese(label: str) -> str:
    from resnet_studio.gui.label_names import display_label

    return display_label(label, "zh_CN")


def test_result_cards_follow_the_language(qtbot, make_window, photos):
    from resnet_studio.gui.widgets.results import Roles

    w = make_window()
    view = w.classify
    view.classify_paths([str(p) for p in photos(1)])
    wait_idle(qtbot, view)
    model, index = view.model, view.model.index(0)
    r = model.record(0)
    english = r.label
    assert english and _chinese(english) != english
    model.set_threshold(0.0)  # no "not sure" badge: the label is the card's only translated text
    english_card = view.list.viewport().grab().toImage()
    try:
        w.set_language("zh_CN")
        qtbot.waitUntil(lambda: _chinese(english) in index.data(Qt.ItemDataRole.AccessibleTextRole), timeout=5000)
        assert f"{_chinese(english)} ({english})" in index.data(Qt.ItemDataRole.ToolTipRole)
        assert r.predictions[0][0] == english, "the record (and so the CSV) keeps the English label"
        qtbot.waitUntil(lambda: view.list.viewport().grab().toImage() != english_card, timeout=5000)

        view.search.setText(_chinese(english))
        assert model.counts()["shown"] == 1, "a search in Chinese finds the card"
        view.search.setText("")
    finally:
        w.set_language("en")
    qtbot.waitUntil(lambda: english in index.data(Qt.ItemDataRole.AccessibleTextRole), timeout=5000)


def test_the_camera_overlay_speaks_the_language_for_imagenet_models_only(qtbot):
    from resnet_studio.gui.i18n import LanguageManager
    from resnet_studio.gui.webcam_view import VideoCanvas

    canvas = VideoCanvas()
    qtbot.addWidget(canvas)
    canvas.set_predictions([("goldfish", 0.9), ("tench", 0.1)])
    languages = LanguageManager()
    try:
        assert languages.apply("zh_CN")
        canvas.model_spec = "resnet18"
        assert canvas.overlay_text().splitlines() == ["金鱼 90%", "丁鲷 10%"]
        canvas.model_spec = "/models/aquarium.safetensors"  # a user's own model named its classes so
        assert canvas.overlay_text().splitlines() == ["goldfish 90%", "tench 10%"]
    finally:
        languages.apply("en")
    canvas.model_spec = "resnet18"
    assert canvas.overlay_text().splitlines() == ["goldfish 90%", "tench 10%"]
