"""The Train view's gallery of mistakes: "Show what the model looked at" overlays Grad-CAM heat
maps computed off the GUI thread, cached per picture, with a plain message when it cannot."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from tests.conftest import make_shapes_dataset
from tests.helpers import save_random_model

pytestmark = pytest.mark.gui
WAIT_MS = 60000


def trained_model(folder, classes=("circle", "square", "triangle")):
    """A model file of ours (random weights, real format) for 64 px pictures."""
    return save_random_model(folder / "shapes.safetensors", classes, image_size=64, seed=3, name="Shapes")


def icon_array(item) -> np.ndarray:
    img = item.icon().pixmap(96, 96).toImage().convertToFormat(QImage.Format.Format_RGB888)
    w, h = img.width(), img.height()
    data = bytes(img.constBits())[: img.bytesPerLine() * h]
    arr = np.frombuffer(data, np.uint8).reshape(h, img.bytesPerLine())[:, : 3 * w]
    return arr.reshape(h, w, 3).astype(np.int16)


@pytest.fixture
def results(qtbot):
    from resnet_studio.gui.widgets.training_results import TrainingResults

    widget = TrainingResults()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    widget.tabs.setCurrentIndex(2)
    yield widget
    widget.stop_jobs()
    widget._runner.wait_all(WAIT_MS)


def result_dict(model_path, pictures, predicted="square") -> dict:
    return {
        "model_path": str(model_path), "classes": ["circle", "square", "triangle"], "val_accuracy": 0.5,
        "epochs_run": 2, "best_epoch": 2, "seconds": 3.0, "run_id": "",
        "misclassified": [{"path": str(p), "true": "circle", "predicted": predicted, "confidence": 0.9 - 0.1 * i}
                          for i, p in enumerate(pictures)],
    }


@pytest.mark.usefixtures("torch_one_thread")
def test_heat_maps_overlay_the_mistakes_and_are_cached(qtbot, results, tmp_path):
    shapes = make_shapes_dataset(tmp_path / "shapes", per_class=2, size=64)
    pictures = sorted((shapes / "circle").glob("*.png")) + sorted((shapes / "triangle").glob("*.png"))[:1]
    gone = tmp_path / "deleted since.png"
    model = trained_model(tmp_path)
    results.set_result(result_dict(model, pictures + [gone]))
    n = len(pictures) + 1
    qtbot.waitUntil(lambda: all(not results.gallery.item(i).icon().isNull() for i in range(len(pictures))),
                    timeout=WAIT_MS)
    plain = [icon_array(results.gallery.item(i)) for i in range(len(pictures))]
    assert results.heat_toggle.isEnabled() and results.heat_status.text() == ""

    results.heat_toggle.setChecked(True)
    assert results.is_explaining()  # computed on a worker thread: the GUI goes on meanwhile
    qtbot.waitUntil(lambda: not results.is_explaining(), timeout=WAIT_MS)
    assert results.heat_shown() == [True] * len(pictures) + [False]
    for i in range(len(pictures)):
        heat = icon_array(results.gallery.item(i))
        assert heat.shape == plain[i].shape
        assert np.abs(heat - plain[i]).mean() > 5  # the colours of the map are over the picture
    # the missing picture keeps its place and the reason is shown in plain words
    assert "1 picture could not be shown" in results.heat_status.text()  # issue 15: plurals by %n
    assert "Red: where the model looked most" in results.heat_status.text()

    results.heat_toggle.setChecked(False)
    assert results.heat_shown() == [False] * n
    assert all(np.array_equal(icon_array(results.gallery.item(i)), plain[i]) for i in range(len(pictures)))
    results.heat_toggle.setChecked(True)  # cached: shown at once, nothing recomputed
    assert not results.is_explaining()
    assert results.heat_shown() == [True] * len(pictures) + [False]

    # a new run's gallery starts without the old model's maps, and computes its own
    results.set_result(result_dict(model, pictures[:1], predicted="triangle"))
    assert results.is_explaining() and results.heat_shown() == [False]
    qtbot.waitUntil(lambda: results.heat_shown() == [True], timeout=WAIT_MS)


def test_a_model_that_cannot_be_loaded_gives_a_plain_message(qtbot, results, tmp_path):
    shapes = make_shapes_dataset(tmp_path / "shapes", per_class=1, size=48)
    pictures = sorted(shapes.rglob("*.png"))
    results.set_result(result_dict(tmp_path / "moved away.safetensors", pictures))
    results.heat_toggle.setChecked(True)
    qtbot.waitUntil(lambda: not results.is_explaining(), timeout=WAIT_MS)
    assert results.heat_status.text().startswith("The heat maps cannot be shown:")
    assert "moved away.safetensors" in results.heat_status.text()
    assert results.heat_shown() == [False] * len(pictures)


def test_no_model_no_toggle(qtbot, results):
    results.set_result({"model_path": "", "misclassified": [], "classes": []})
    assert not results.heat_toggle.isEnabled()
