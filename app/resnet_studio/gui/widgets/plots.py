"""Live training curves: loss per batch (raw and smoothed) and validation loss/accuracy per epoch.

Staying smooth on long runs: incoming points only go into growing numpy buffers (amortised O(1)
per point); a 10 Hz timer pushes the buffers to pyqtgraph with one ``setData`` per curve and only
when something changed. Per-batch curves use pyqtgraph's peak downsampling and clip-to-view, so a
run with 100 000 batches draws about as fast as one with 1 000.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QWidget

REDRAW_INTERVAL_MS = 100
# Weight of history in the smoothed loss (exponential moving average, bias-corrected).
EMA_BETA = 0.9

# Mid-saturation colours that read on white and on near-black backgrounds.
_BLUE = QColor(52, 120, 220)
_ORANGE = QColor(235, 130, 30)
_GREEN = QColor(40, 170, 90)


def apply_plot_palette(plots, palette: QPalette) -> None:
    """Colour pyqtgraph ``PlotWidget``s like the widgets around them (light or dark theme):
    background, axes, title and legend from ``palette``. pyqtgraph does not follow Qt palettes,
    so call this at start and on every palette change."""
    background = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    for plot in plots:
        plot.setBackground(background)
        item = plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        item.titleLabel.setAttr("color", text.name())
        item.titleLabel.setText(item.titleLabel.text)
        if item.legend is not None:
            item.legend.setLabelTextColor(text)
            fill = QColor(background)
            fill.setAlpha(200)
            item.legend.setBrush(pg.mkBrush(fill))


class EpochAxis(pg.AxisItem):
    """An x axis in whole epochs: ticks at 1, 2, 3… and never "Epoch (x0.001)" with ticks 100-600
    (pyqtgraph's tick levels below 1 and its SI-prefix scaling, early in the first epoch)."""

    def __init__(self, orientation: str = "bottom", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph override
        levels = [(spacing, [v for v in values if abs(v - round(v)) < 1e-6])
                  for spacing, values in super().tickValues(minVal, maxVal, size) if spacing >= 1]
        levels = [(spacing, values) for spacing, values in levels if values]
        if not levels:
            levels = [(1.0, [float(v) for v in range(math.ceil(minVal), math.floor(maxVal) + 1)])]
        return levels


class QuietPlotWidget(pg.PlotWidget):
    """A chart that only shows: no zoom or pan by mouse, no "A" auto-range button, and the wheel
    goes on to the scroll area around it (a user scrolling the panel did not mean to zoom)."""

    def __init__(self, parent: QWidget | None = None, **kwargs) -> None:
        super().__init__(parent, **kwargs)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        for name in ("left", "bottom", "right", "top"):
            self.getPlotItem().getAxis(name).enableAutoSIPrefix(False)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.ignore()  # not handled here: Qt passes it to the parent (the scroll area)


def legend_below(plot: pg.PlotWidget, columns: int) -> pg.LegendItem:
    """A legend in a row under the x axis, outside the data, so no point can hide under it."""
    item = plot.getPlotItem()
    legend = pg.LegendItem(colCount=columns, frame=False)
    item.layout.addItem(legend, 4, 1)
    item.legend = legend
    return legend


def set_epoch_range(plot: pg.PlotWidget, last_epoch: float) -> None:
    """x from 0 to the next whole epoch (at least 1), so the ticks are whole epochs."""
    plot.setXRange(0, max(1.0, math.ceil(last_epoch - 1e-9)), padding=0.02)


# Losses fall, so the top right is where their curves rarely are (pyqtgraph offsets: negative =
# from the right edge).
LOSS_LEGEND_OFFSET = (-10, 10)
ACCURACY_MARGIN = 2.5  # percentage points shown beyond 0 and 100


class LegendHeadroom:
    """Keeps a plot's y range tall enough that the data stays below its top-right legend.

    A loss can stay high to the end (a diverging run), and then no corner is free; so the y
    range is stretched above the data by the legend's share of the plot's height, again on
    every resize. Call :meth:`set_range` with the data's lowest and highest values."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        self.plot = plot
        self._range: tuple[float, float] | None = None
        plot.getPlotItem().getViewBox().sigResized.connect(self.apply)

    def set_range(self, low: float, high: float) -> None:
        if not (math.isfinite(low) and math.isfinite(high)):
            return
        self._range = (low, high)
        self.apply()

    def clear(self) -> None:
        self._range = None
        self.plot.enableAutoRange(axis="y")

    def apply(self, *_args) -> None:
        if self._range is None:
            return
        low, high = self._range
        span = max(high - low, abs(high) * 0.1, 1e-6)
        item = self.plot.getPlotItem()
        view_height = item.getViewBox().height()
        legend = item.legend
        share = 0.3
        if legend is not None and view_height > 0:
            share = (legend.boundingRect().height() + abs(LOSS_LEGEND_OFFSET[1]) + 6) / view_height
        share = min(max(share, 0.05), 0.6)
        bottom = low - 0.03 * span
        self.plot.setYRange(bottom, bottom + (high - bottom) / (1.0 - share), padding=0)


def loss_and_accuracy_plots(parent: QWidget, min_width: int, min_height: int):
    """A loss plot and an accuracy plot (0-100 %) set up alike: x in whole epochs, grid, no mouse
    zoom. Losses fall, so the loss legend sits top right with room kept above the curves; an
    accuracy can be anywhere in 0-100 %, so its legend goes under the axis, off the data.
    Returns ``(loss_plot, acc_plot, loss_headroom)``."""
    loss_plot = QuietPlotWidget(parent, axisItems={"bottom": EpochAxis()})
    acc_plot = QuietPlotWidget(parent, axisItems={"bottom": EpochAxis()})
    for plot in (loss_plot, acc_plot):
        plot.setMinimumSize(min_width, min_height)
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.enableAutoRange(axis="x", enable=False)
        set_epoch_range(plot, 1)
    loss_plot.addLegend(offset=LOSS_LEGEND_OFFSET)
    legend_below(acc_plot, 2)
    acc_plot.enableAutoRange(axis="y", enable=False)
    # 0-100 % and a sliver more, so a point at 0 or 100 % is drawn whole and both end ticks show.
    acc_plot.setYRange(-ACCURACY_MARGIN, 100 + ACCURACY_MARGIN, padding=0)
    acc_plot.getPlotItem().getViewBox().setLimits(yMin=-ACCURACY_MARGIN, yMax=100 + ACCURACY_MARGIN)
    return loss_plot, acc_plot, LegendHeadroom(loss_plot)


class GrowingSeries:
    """x/y float arrays that grow by doubling; ``data()`` returns views of the filled part."""

    def __init__(self, capacity: int = 1024) -> None:
        self._x = np.empty(capacity, dtype=np.float64)
        self._y = np.empty(capacity, dtype=np.float64)
        self.n = 0

    def append(self, x: float, y: float) -> None:
        if self.n == len(self._x):
            # New arrays: views handed to pyqtgraph earlier stay valid (they keep the old ones).
            self._x = np.concatenate([self._x, np.empty_like(self._x)])
            self._y = np.concatenate([self._y, np.empty_like(self._y)])
        self._x[self.n] = x
        self._y[self.n] = y
        self.n += 1

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        return self._x[: self.n], self._y[: self.n]

    def clear(self) -> None:
        self.n = 0


class TrainingPlots(QWidget):
    """Two plots side by side: loss (per batch and per epoch) and accuracy (per epoch)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_plot, self.acc_plot, self.loss_headroom = loss_and_accuracy_plots(self, 260, 200)
        self._loss_low, self._loss_high = math.inf, -math.inf
        self._last_epoch = 0.0

        faint = QColor(_BLUE)
        faint.setAlpha(70)
        self.batch_loss_curve = self.loss_plot.plot(pen=pg.mkPen(faint, width=1))
        self.smooth_loss_curve = self.loss_plot.plot(pen=pg.mkPen(_BLUE, width=2))
        self.val_loss_curve = self.loss_plot.plot(
            pen=pg.mkPen(_ORANGE, width=2), symbol="o", symbolSize=7, symbolBrush=_ORANGE, symbolPen=None,
            antialias=True,
        )
        self.val_acc_curve = self.acc_plot.plot(
            pen=pg.mkPen(_ORANGE, width=2), symbol="o", symbolSize=7, symbolBrush=_ORANGE, symbolPen=None,
            antialias=True,
        )
        self.train_acc_curve = self.acc_plot.plot(
            pen=pg.mkPen(_GREEN, width=2, style=Qt.PenStyle.DashLine), symbol="t", symbolSize=6,
            symbolBrush=_GREEN, symbolPen=None, antialias=True,
        )
        for curve in (self.batch_loss_curve, self.smooth_loss_curve):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            curve.setSkipFiniteCheck(True)  # non-finite losses are never stored

        self._batch_loss = GrowingSeries()
        self._smooth_loss = GrowingSeries()
        self._val_loss = GrowingSeries(64)
        self._val_acc = GrowingSeries(64)
        self._train_acc = GrowingSeries(64)
        self._ema = 0.0
        self._ema_steps = 0
        self._prev_mean: tuple[int, int, float] | None = None
        self._dirty = False
        self.redraws = 0  # how many times curves were pushed to pyqtgraph (for tests/benchmarks)

        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_INTERVAL_MS)
        self._timer.timeout.connect(self._redraw)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_plot, 1)
        layout.addWidget(self.acc_plot, 1)
        self._apply_palette()
        self.retranslate_ui()

    # ---- texts and colours

    def retranslate_ui(self) -> None:
        self.loss_plot.setTitle(self.tr("Loss (lower is better)"))
        self.acc_plot.setTitle(self.tr("Accuracy (higher is better)"))
        self.loss_plot.setLabel("bottom", self.tr("Epoch"))
        self.acc_plot.setLabel("bottom", self.tr("Epoch"))
        self.loss_plot.setLabel("left", self.tr("Loss"))
        self.acc_plot.setLabel("left", self.tr("Accuracy (%)"))
        self.loss_plot.setToolTip(self.tr(
            "How wrong the model still is. The thin line is each batch, the thick line its smoothed "
            "trend, the dots are measured on the validation pictures after each epoch."
        ))
        self.acc_plot.setToolTip(self.tr(
            "Share of pictures put in the right category after each epoch: on the validation "
            "pictures (which the model never learns from) and on the training pictures."
        ))
        legend = self.loss_plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self.batch_loss_curve, self.tr("Training (each batch)"))
        legend.addItem(self.smooth_loss_curve, self.tr("Training (smoothed)"))
        legend.addItem(self.val_loss_curve, self.tr("Validation"))
        legend = self.acc_plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self.val_acc_curve, self.tr("Validation"))
        legend.addItem(self.train_acc_curve, self.tr("Training"))

    def _apply_palette(self) -> None:
        apply_plot_palette((self.loss_plot, self.acc_plot), self.palette())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_palette()
        super().changeEvent(event)

    # ---- data in

    def reset(self) -> None:
        for series in (self._batch_loss, self._smooth_loss, self._val_loss, self._val_acc, self._train_acc):
            series.clear()
        self._ema = 0.0
        self._ema_steps = 0
        self._prev_mean = None
        self._loss_low, self._loss_high = math.inf, -math.inf
        self._last_epoch = 0.0
        for plot in (self.loss_plot, self.acc_plot):
            set_epoch_range(plot, 1)
        self.loss_headroom.clear()
        self._dirty = True
        self._redraw()
        self._timer.start()

    def _loss_of_batch(self, ev: dict) -> float:
        """The loss of this one batch. ``BatchEvent.loss`` is the running mean over the epoch so
        far; consecutive means give each batch's own loss (exact for equal-sized batches)."""
        if ev.get("batch_loss") is not None:
            return float(ev["batch_loss"])
        epoch, batch, mean = int(ev.get("epoch", 1)), int(ev.get("batch", 1)), float(ev.get("loss", math.nan))
        batches = int(ev.get("batches", 0) or 0)
        prev, self._prev_mean = self._prev_mean, (epoch, batch, mean)
        if batch == 1:
            return mean
        if batch == batches:
            # The last batch is usually smaller, so its own loss cannot be told from the mean.
            return math.nan
        if prev is not None and prev[0] == epoch and prev[1] == batch - 1 and math.isfinite(prev[2]):
            return max(batch * mean - (batch - 1) * prev[2], 0.0)
        return mean  # after a gap the mean is the best we know

    def add_batches(self, events: list[dict]) -> None:
        """Per-batch events (``BatchEvent`` fields): x is the fractional epoch, y the loss."""
        for ev in events:
            loss = self._loss_of_batch(ev)
            if not math.isfinite(loss):
                continue
            batches = max(int(ev.get("batches", 1) or 1), 1)
            x = int(ev.get("epoch", 1)) - 1 + int(ev.get("batch", batches)) / batches
            self._ema = EMA_BETA * self._ema + (1 - EMA_BETA) * loss
            self._ema_steps += 1
            self._batch_loss.append(x, loss)
            self._loss_low, self._loss_high = min(self._loss_low, loss), max(self._loss_high, loss)
            self._smooth_loss.append(x, self._ema / (1 - EMA_BETA**self._ema_steps))
            self._dirty = True
        if self._dirty and not self._timer.isActive():
            self._timer.start()

    def add_epoch(self, ev: dict) -> None:
        """An ``EpochEvent``: validation loss and accuracy (and training accuracy) at its end."""
        x = float(ev.get("epoch", self._val_loss.n + 1))
        val_loss = float(ev.get("val_loss", math.nan))
        if math.isfinite(val_loss):
            self._val_loss.append(x, val_loss)
            self._loss_low, self._loss_high = min(self._loss_low, val_loss), max(self._loss_high, val_loss)
        for series, key in ((self._val_acc, "val_accuracy"), (self._train_acc, "train_accuracy")):
            value = float(ev.get(key, math.nan))
            if math.isfinite(value):
                series.append(x, value * 100.0)
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def finish(self) -> None:
        """Draw what is left and stop the timer (the job is over)."""
        self._timer.stop()
        self._redraw()

    # ---- drawing

    def _redraw(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self.redraws += 1
        for curve, series in (
            (self.batch_loss_curve, self._batch_loss),
            (self.smooth_loss_curve, self._smooth_loss),
            (self.val_loss_curve, self._val_loss),
            (self.val_acc_curve, self._val_acc),
            (self.train_acc_curve, self._train_acc),
        ):
            curve.setData(*series.data())
        if self._loss_high >= self._loss_low:
            self.loss_headroom.set_range(min(self._loss_low, 0.0), self._loss_high)
        last = max([series.data()[0][-1] for series in (self._batch_loss, self._val_loss, self._val_acc)
                    if series.n] or [0.0])
        if last != self._last_epoch:
            self._last_epoch = last
            for plot in (self.loss_plot, self.acc_plot):
                set_epoch_range(plot, last)

    def batch_points(self) -> int:
        """Points drawn on the per-batch loss curve (what pyqtgraph holds, not the buffer)."""
        x = self.batch_loss_curve.xData
        return 0 if x is None else len(x)

    def epoch_points(self) -> int:
        x = self.val_acc_curve.xData
        return 0 if x is None else len(x)
