"""The charts read plainly: epochs as whole numbers with no "(x0.001)" scaling, accuracy on a fixed
0-100 % axis with its legend off the data, and a mouse wheel over a chart scrolls the panel around
it instead of zooming the chart."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget

pytestmark = pytest.mark.gui


def _batches(epoch: int, upto: int, of: int) -> list[dict]:
    return [dict(epoch=epoch, batch=b, batches=of, batch_loss=2.3 * math.exp(-b / of)) for b in range(1, upto + 1)]


def _tick_values(axis, view_range) -> list[float]:
    width = axis.width() or 300
    return [v for _spacing, values in axis.tickValues(view_range[0], view_range[1], width) for v in values]


@pytest.fixture
def plots(qtbot):
    from resnet_studio.gui.widgets.plots import TrainingPlots

    widget = TrainingPlots()
    qtbot.addWidget(widget)
    widget.resize(640, 420)
    widget.show()
    widget.reset()
    return widget


def test_epoch_axis_is_whole_epochs_without_si_prefix(plots):
    plots.add_batches(_batches(1, 12, 20))  # 60 % into the first epoch: x runs 0.05 … 0.6
    plots.finish()
    for plot in (plots.loss_plot, plots.acc_plot):
        axis = plot.getPlotItem().getAxis("bottom")
        x_range = plot.getPlotItem().getViewBox().viewRange()[0]
        assert x_range[0] <= 0 and x_range[1] >= 1
        ticks = _tick_values(axis, x_range)
        assert ticks and all(float(v).is_integer() for v in ticks), ticks
        assert axis.autoSIPrefixScale == 1.0
        assert "x0.001" not in axis.labelString()
        assert plot.getPlotItem().getAxis("left").autoSIPrefixScale == 1.0


def test_accuracy_axis_is_fixed_at_0_to_100_percent(plots, qtbot):
    plots.add_batches(_batches(1, 20, 20))
    plots.add_epoch(dict(epoch=1, val_loss=1.9, val_accuracy=0.1, train_accuracy=0.05))
    plots.add_epoch(dict(epoch=2, val_loss=1.2, val_accuracy=0.08, train_accuracy=0.09))
    plots.finish()
    low, high = plots.acc_plot.getPlotItem().getViewBox().viewRange()[1]
    assert -5 <= low <= 0 and 100 <= high <= 105
    x_low, x_high = plots.acc_plot.getPlotItem().getViewBox().viewRange()[0]
    assert x_low <= 0 and 2 <= x_high < 3


def test_accuracy_legend_is_outside_the_data(plots, qtbot):
    plots.add_epoch(dict(epoch=1, val_loss=1.9, val_accuracy=0.02, train_accuracy=0.01))
    plots.finish()
    qtbot.wait(50)
    item = plots.acc_plot.getPlotItem()
    legend = item.legend.sceneBoundingRect()
    data = item.getViewBox().sceneBoundingRect()
    assert legend.height() > 0 and not legend.intersects(data)


def _wheel(widget, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A real (spontaneous) wheel turn over the middle of ``widget``, as from a mouse: Qt passes
    only those on to the parent when a widget ignores them."""
    window = widget.window()
    pos = widget.mapTo(window, QPoint(widget.width() // 2, widget.height() // 2))
    QTest.wheelEvent(window.windowHandle(), QPointF(pos), QPoint(0, -240), QPoint(0, 0), modifiers)
    QApplication.processEvents()


def test_wheel_over_the_lr_finder_chart_scrolls_the_panel_not_the_chart(qtbot):
    from resnet_studio.gui.widgets.lr_finder_panel import LRFinderPanel

    area = QScrollArea()
    qtbot.addWidget(area)
    content = QWidget()
    layout = QVBoxLayout(content)
    panel = LRFinderPanel(content)
    layout.addWidget(panel)
    layout.addSpacing(1500)  # taller than the area: it can scroll
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.resize(420, 400)
    area.show()
    panel.start(20)
    panel.add_steps([dict(lr=10 ** (-6 + 6 * i / 19), loss=2.0 - i * 0.05, step=i + 1, steps=20) for i in range(20)])
    qtbot.wait(200)
    view = panel.plot.getPlotItem().getViewBox()
    before = [list(r) for r in view.viewRange()]
    assert area.verticalScrollBar().value() == 0
    _wheel(panel.plot.viewport())
    assert [list(r) for r in view.viewRange()] == before
    assert area.verticalScrollBar().value() > 0
    _wheel(panel.plot.viewport(), Qt.KeyboardModifier.ControlModifier)
    assert [list(r) for r in view.viewRange()] == before


def test_training_curves_do_not_zoom_on_wheel(plots):
    plots.add_batches(_batches(1, 20, 20))
    plots.finish()
    for plot in (plots.loss_plot, plots.acc_plot):
        view = plot.getPlotItem().getViewBox()
        before = [list(r) for r in view.viewRange()]
        _wheel(plot.viewport())
        assert [list(r) for r in view.viewRange()] == before
