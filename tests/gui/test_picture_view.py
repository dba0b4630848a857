"""The in-app large view of a picture (gui/widgets/picture_view.py) and where it is opened from."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.conftest import save_image

WAIT_MS = 30000
LABELS = [("goldfish", 0.9, 1), ("tench", 0.06, 0)]


def _open(qtbot, path, labels=LABELS, **kwargs):
    from resnet_studio.gui.widgets.picture_view import PictureView

    view = PictureView(str(path), labels, **kwargs)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS) as loaded:
        view.show()
    return view, loaded.args[0]


def _red(w: int = 8, h: int = 6) -> QImage:
    heat = QImage(w, h, QImage.Format.Format_RGB32)
    heat.fill(QColor(255, 0, 0))
    return heat


def test_opens_with_the_picture_and_its_labels(qtbot, tmp_path):
    path = save_image(tmp_path / "fish.jpg", size=(64, 48))
    view, ok = _open(qtbot, path, spec="resnet18")
    assert ok
    assert (view.image().width(), view.image().height()) == (64, 48)
    assert view.labels() == ["1. goldfish  90.0 %", "2. tench  6.0 %"]
    assert "64 × 48" in view.status.text()


def test_imagenet_labels_in_chinese_and_a_users_own_as_named(qtbot, tmp_path):
    from resnet_studio.gui.i18n import LanguageManager

    path = save_image(tmp_path / "fish.png", size=(40, 30))
    languages = LanguageManager()
    try:
        assert languages.apply("zh_CN")
        imagenet, _ = _open(qtbot, path, spec="resnet18")
        own, _ = _open(qtbot, path, spec=str(tmp_path / "pets.safetensors"))
        assert "金鱼" in imagenet.labels()[0] and "丁鲷" in imagenet.labels()[1]
        assert imagenet.labels_list.item(0).toolTip() == "金鱼 (goldfish)"  # the English name stays at hand
        assert "goldfish" in own.labels()[0] and "金鱼" not in own.labels()[0]
        languages.apply("en")
        qtbot.waitUntil(lambda: "goldfish" in imagenet.labels()[0], timeout=5000)  # follows a language switch
    finally:
        languages.apply("en")


def test_zoom_buttons_wheel_and_fit_change_the_scale(qtbot, tmp_path):
    path = save_image(tmp_path / "big.png", size=(1600, 1200))
    view, _ = _open(qtbot, path)
    fitted = view.scale()
    assert 0 < fitted < 1, "a picture larger than the window is fitted to it"
    view.zoom_in()
    assert view.scale() == pytest.approx(fitted * 1.25)
    view.zoom_out()
    view.zoom_out()
    assert view.scale() == pytest.approx(fitted / 1.25)
    vp = view.canvas.viewport()
    centre = QPointF(vp.width() / 2, vp.height() / 2)
    before = view.scale()
    wheel = QWheelEvent(centre, vp.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, wheel)
    assert view.scale() > before, "the wheel zooms in"
    view.set_scale(1.0)
    assert view.zoom_label.text() == "100 %"
    view.fit()
    assert view.scale() == pytest.approx(fitted)


def test_heat_toggle_shows_and_hides_the_map_and_save_writes_what_is_shown(qtbot, tmp_path):
    path = save_image(tmp_path / "fish.png", size=(64, 48))
    view, _ = _open(qtbot, path, heat=_red())
    assert not view.heat_shown()
    plain_png = tmp_path / "plain.png"
    assert view.save_png(str(plain_png))
    qtbot.mouseClick(view.heat_toggle, Qt.MouseButton.LeftButton)
    assert view.heat_shown()
    heat_png = tmp_path / "heat.png"
    assert view.save_png(str(heat_png))
    view.heat_toggle.click()
    assert not view.heat_shown()

    with Image.open(plain_png) as plain, Image.open(heat_png) as heat:
        assert plain.format == heat.format == "PNG"
        assert plain.size == heat.size == (64, 48)
        original = Image.open(path).convert("RGB")
        assert plain.convert("RGB").getpixel((5, 40)) == original.getpixel((5, 40))
        r, g, b = heat.convert("RGB").getpixel((5, 40))
        r0, g0, b0 = original.getpixel((5, 40))
        assert r > r0 and g < g0, "the saved picture carries the heat map over it"


def test_heat_is_asked_of_the_classifier_once_when_first_wanted(qtbot, tmp_path):
    from resnet_studio.gui.widgets.results_record import ResultRecord

    class FakeClient(QObject):
        explained = Signal(object)

        def __init__(self):
            super().__init__()
            self.requests = []

        def explain(self, request):
            self.requests.append(request)

    path = save_image(tmp_path / "fish.png", size=(64, 48))
    record = ResultRecord(path=str(path), predictions=list(LABELS), model="resnet18")
    client = FakeClient()
    view, _ = _open(qtbot, path, spec="resnet18")
    view.heat_from_classifier(client, record, "layer4")
    assert view.heat_toggle.isEnabled() and not client.requests
    view.set_heat_shown(True)
    view.set_heat_shown(False)
    view.set_heat_shown(True)
    assert len(client.requests) == 1
    req = client.requests[0]
    assert (req["path"], req["label"], req["layer"], req["model"]) == (str(path), 1, "layer4", "resnet18")
    assert not view.heat_shown() and "model looked at" in view.status.text()
    client.explained.emit({"key": ("someone else", 1), "heat": _red()})
    assert not view.heat_shown()
    client.explained.emit({"key": req["key"], "heat": _red(), "reason": "", "message": ""})
    assert view.heat_shown()


def test_a_file_that_is_not_a_picture_says_so(qtbot, tmp_path):
    path = tmp_path / "notes.jpg"
    path.write_text("not a picture at all")
    view, ok = _open(qtbot, path)
    assert not ok
    assert "could not be opened" in view.status.text()
    assert not view.save_button.isEnabled()


def test_classify_double_click_views_large_and_open_photo_falls_back(qtbot, make_window, photos, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from resnet_studio.gui.classify import large_view
    from resnet_studio.gui.widgets.picture_view import PictureView
    from tests.gui.conftest import wait_idle

    w = make_window()
    view = w.classify
    view.classify_paths([str(p) for p in photos(1)])
    wait_idle(qtbot, view)
    record = view.model.record(0)

    def views():
        return [c for c in view.findChildren(PictureView) if c.isVisible()]

    asked = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: asked.append(url) or False)
    large_view.open_photo(view, record)
    assert len(asked) == 1 and asked[0].toLocalFile() == record.path, "the system viewer is asked first"
    assert len(views()) == 1, "with no viewer the large view opens instead"
    pv = views()[0]
    qtbot.waitUntil(lambda: not pv.image().isNull(), timeout=WAIT_MS)
    assert pv.labels()[0].startswith("1. " + record.label)
    pv.close()

    index = view.model.index(0)
    rect = view.list.visualRect(index)
    # a user's double-click: press and release, then the second press (QTest's double-click alone
    # lacks the first press, which the list needs to tell a double-click on the same card)
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(views()) == 1 and len(asked) == 1, "a double-click views it large, without the system viewer"
    pv = views()[0]
    pv.set_heat_shown(True)  # asked of the real inference worker's Grad-CAM
    qtbot.waitUntil(pv.heat_shown, timeout=WAIT_MS)


def test_a_mistake_opens_large_when_there_is_no_picture_viewer(qtbot, tmp_path):
    from resnet_studio.gui.widgets.picture_view import PictureView
    from resnet_studio.gui.widgets.training_results import TrainingResults

    wrong = [save_image(tmp_path / f"wrong_{i}.png", size=(50, 40), seed=i) for i in range(2)]
    model = tmp_path / "model.safetensors"
    model.write_bytes(b"0")
    results = TrainingResults()
    qtbot.addWidget(results)
    results.open_url = lambda url: False
    results.set_result({
        "model_path": str(model), "classes": ["cat", "dog"], "val_accuracy": 0.5, "epochs_run": 1,
        "best_epoch": 1, "seconds": 5.0, "cancelled": False, "per_class": [], "confusion_matrix": [[1, 1], [1, 1]],
        "misclassified": [{"path": str(p), "true": "cat", "predicted": "dog", "confidence": 0.8} for p in wrong],
    }, default_name="Pets")
    results.tabs.setCurrentIndex(2)
    results.show()
    rect = results.gallery.visualItemRect(results.gallery.item(1))
    qtbot.mouseClick(results.gallery.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    views = [c for c in results.findChildren(PictureView) if c.isVisible()]
    assert len(views) == 1 and views[0].path == str(wrong[1])
    assert views[0].labels() == ["1. dog  80.0 %"]
    assert "cat" in views[0].caption_label.text() and "dog" in views[0].caption_label.text()
    results.stop_jobs()


def test_a_mistake_seen_large_shows_what_the_trained_model_looked_at(qtbot, tmp_path):
    from resnet_studio.gui.widgets.training_results import TrainingResults
    from tests.helpers import save_random_model

    model = save_random_model(tmp_path / "shapes.safetensors", ["cat", "dog"], image_size=64, seed=3)
    picture = save_image(tmp_path / "wrong.png", size=(80, 60))
    results = TrainingResults()
    qtbot.addWidget(results)
    results.set_result({
        "model_path": str(model), "classes": ["cat", "dog"], "val_accuracy": 0.5, "epochs_run": 1,
        "best_epoch": 1, "seconds": 5.0, "cancelled": False, "per_class": [], "confusion_matrix": [[1, 1], [1, 1]],
        "misclassified": [{"path": str(picture), "true": "cat", "predicted": "dog", "confidence": 0.7}],
    }, default_name="Shapes")
    view = results.view_large(results.gallery.item(0))
    qtbot.waitUntil(lambda: not view.image().isNull(), timeout=WAIT_MS)
    assert view.heat_toggle.isEnabled()
    view.heat_toggle.click()
    qtbot.waitUntil(view.heat_shown, timeout=WAIT_MS)
    out = tmp_path / "why.png"
    assert view.save_png(str(out))
    with Image.open(out) as saved:
        assert saved.size == (80, 60)
    results.stop_jobs()
