"""The Train view's learning-rate finder, driven like a user would, on the real engine (tiny data)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.conftest import make_shapes_dataset

pytestmark = pytest.mark.gui

WAIT_MS = 60_000
TINY = {"arch": "resnet18", "image_size": 32, "augment": False}


@pytest.fixture
def view(qtbot, fake_imagenet_weights, tmp_path):
    from resnet_studio.gui.train_view import TrainView

    fake_imagenet_weights("resnet18")
    v = TrainView()
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.show()
    v.set_dataset_folder(str(make_shapes_dataset(tmp_path / "shapes", per_class=8)))
    qtbot.waitUntil(lambda: not v.dataset.is_scanning() and v.dataset.is_ready(), timeout=WAIT_MS)
    yield v
    assert v.cancel_and_wait(WAIT_MS)
    assert not v._runner.is_busy()


def test_find_plot_and_use_the_suggested_rate(qtbot, view):
    from resnet_studio.engine.paths import trained_models_dir

    view.settings.set_config({**TINY, "mode": "head", "lr": 0.1})
    view.lr_finder_steps = 40
    panel = view.settings.lr_finder
    button = view.settings.find_lr_button
    assert not panel.isVisible()
    view.settings.advanced.set_expanded(True)
    assert button.isVisible() and button.isEnabled()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.is_finding_lr() and panel.isVisible()
    assert not view.start_button.isEnabled(), "one job at a time"
    assert not button.isEnabled()
    qtbot.waitUntil(lambda: panel.state() == "done", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not view.is_finding_lr(), timeout=WAIT_MS)

    suggestion = panel.suggestion()
    assert suggestion is not None and 1e-6 <= suggestion <= 10
    assert panel.points() > 5
    xs, ys = panel.curve.getData()
    assert len(xs) == panel.points()
    assert panel.marker.isVisible() and panel.steep_region.isVisible()
    lo, hi = panel.steep_region.getRegion()
    import math

    assert lo - 1e-9 <= math.log10(suggestion) <= hi + 1e-9, "the marker sits in the green band"
    assert panel.use_button.isVisible() and panel.use_button.text().startswith("Use ")
    assert f"{suggestion:.2g}" in panel.use_button.text()
    assert view.start_button.isEnabled() and button.isEnabled()

    assert view.settings.config()["lr"] == 0.1
    qtbot.mouseClick(panel.use_button, Qt.MouseButton.LeftButton)
    assert view.settings.config()["lr"] == pytest.approx(suggestion)
    assert view.settings.lr_combo.currentText() == f"{suggestion:g}"
    assert not list(trained_models_dir().glob("*.safetensors")), "the finder never writes a model"

    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()


def test_cancel_stops_the_sweep(qtbot, view):
    view.settings.set_config({**TINY, "mode": "finetune", "batch_size": 4})
    view.lr_finder_steps = 2000  # far longer than the test: only a cancel ends it
    panel = view.settings.lr_finder
    assert view.start_lr_finder()
    qtbot.waitUntil(lambda: panel.points() >= 1, timeout=WAIT_MS)
    assert panel.cancel_button.isVisible()
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.is_finding_lr(), timeout=WAIT_MS)
    assert panel.state() == "cancelled" and panel.suggestion() is None
    assert not panel.use_button.isVisible()
    assert "cancelled" in panel.status.text()
    assert view.start_button.isEnabled()
