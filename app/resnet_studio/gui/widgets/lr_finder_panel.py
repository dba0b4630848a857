"""The learning-rate finder's panel: progress while the sweep runs, then the loss against the
learning rate (log scale) with the suggested rate marked and a one-click "Use 0.0032" button.

It only shows things and asks: the sweep runs in an ``LRFinderJob`` started by the Train view.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .plots import QuietPlotWidget
from .train_common import HintLabel

_BLUE = QColor(52, 120, 220)
_GREEN = QColor(40, 170, 90)


def format_lr(lr: float) -> str:
    """"0.0032", "1e-05": two significant digits, always with a dot (the learning-rate field reads
    numbers in the C locale, whatever the user's)."""
    return f"{lr:.2g}"


class LRFinderPanel(QWidget):
    cancel_requested = Signal()
    use_requested = Signal(float)  # the suggested learning rate, on "Use ..."
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lrFinderPanel")
        self._suggestion: float | None = None
        self._state = "idle"  # idle | running | done | failed | cancelled
        self._lrs: list[float] = []
        self._losses: list[float] = []
        self._total = 0
        self._stage_text = ""
        self._method = "steepest"
        self._error = ""

        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.cancel_button = QPushButton(self)
        self.close_button = QPushButton(self)

        # It sits in the scrolling settings column: a wheel over it scrolls the column, never zooms.
        self.plot = QuietPlotWidget(self)
        self.plot.setMinimumHeight(170)
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLogMode(x=True, y=False)
        # pyqtgraph would rescale the rates to 0.001…100 and add "(x0.001)" to the axis title; the
        # real rates (10⁻⁶ … 1) are what the learning-rate field takes.
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.curve = self.plot.plot(pen=pg.mkPen(_BLUE, width=2), antialias=True)
        steep = QColor(_GREEN)
        steep.setAlpha(45)
        # log-mode plots place items in log10 units
        self.steep_region = pg.LinearRegionItem(values=(0, 1), movable=False, brush=pg.mkBrush(steep),
                                                pen=pg.mkPen(None))
        self.steep_region.setZValue(-10)
        self.marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(_GREEN, width=2))
        self.marker_dot = pg.ScatterPlotItem(size=11, brush=pg.mkBrush(_GREEN), pen=pg.mkPen(None))
        for item in (self.steep_region, self.marker, self.marker_dot):
            self.plot.addItem(item)
            item.setVisible(False)

        self.hint = HintLabel(parent=self)
        self.use_button = QPushButton(self)
        self.use_button.setObjectName("primaryButton")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button)
        running = QHBoxLayout()
        running.addWidget(self.bar, 1)
        running.addWidget(self.cancel_button)
        # The hint gets a row of its own: beside the button it wrapped to three lines in Chinese and
        # a QHBoxLayout does not grow for a word-wrapped label, so it ran into the plot.
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(running)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.hint)
        layout.addLayout(bottom)

        self.cancel_button.clicked.connect(self.cancel_requested)
        self.close_button.clicked.connect(self.close_requested)
        self.use_button.clicked.connect(self._use)
        self._apply_palette()
        self.retranslate_ui()
        self._update()

    # ---- texts and colours

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Learning-rate finder"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Hide"))
        self.close_button.setToolTip(self.tr("Hide the learning-rate finder."))
        self.plot.setLabel("bottom", self.tr("Learning rate (log scale)"))
        self.plot.setLabel("left", self.tr("Loss"))
        self._update()

    def _apply_palette(self) -> None:
        pal = self.palette()
        background = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        self.plot.setBackground(background)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_palette()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- state

    def start(self, steps: int = 100) -> None:
        self._state = "running"
        self._suggestion = None
        self._lrs, self._losses = [], []
        self._total = int(steps)
        self._stage_text = self.tr("Getting ready…")
        self.curve.setData([], [])
        for item in (self.steep_region, self.marker, self.marker_dot):
            item.setVisible(False)
        self.bar.setRange(0, 0)
        self.show()
        self._update()
        # The panel sits under all the advanced settings: scroll it into view once laid out.
        QTimer.singleShot(0, self._scroll_into_view)

    def _scroll_into_view(self) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None and self.isVisible():
            parent.ensureWidgetVisible(self, 0, 0)

    def set_stage(self, stage: str, message: str, done: int, total: int) -> None:
        if self._state != "running":
            return
        texts = {
            "preparing": self.tr("Getting the pictures ready…"),
            "extracting": self.tr("Reading the pictures with the network…"),
            "training": self.tr("Trying learning rates from very small to very large…"),
        }
        self._stage_text = texts.get(stage, message)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:
            self.bar.setRange(0, 0)
        self._update()

    def add_steps(self, steps: list) -> None:
        """LRFinderEvent dicts, in order."""
        if self._state != "running" or not steps:
            return
        for ev in steps:
            loss = float(ev.get("loss", math.nan))
            if math.isfinite(loss):
                self._lrs.append(float(ev["lr"]))
                self._losses.append(loss)
        last = steps[-1]
        self._total = int(last.get("steps", self._total) or self._total)
        self.bar.setRange(0, max(1, self._total))
        self.bar.setValue(int(last.get("step", 0)))
        self._stage_text = self.tr("Trying learning rates from very small to very large…")
        self.curve.setData(np.asarray(self._lrs), np.asarray(self._losses))
        self._update()

    def set_result(self, result: dict) -> None:
        self._state = "done"
        self._lrs = [float(v) for v in result.get("lrs", [])]
        self._losses = [float(v) for v in result.get("losses", [])]
        self._suggestion = float(result["suggestion"])
        self._method = str(result.get("method", "steepest"))
        self.curve.setData(np.asarray(self._lrs), np.asarray(self._losses))
        lo, hi = result.get("steep_range", (self._suggestion, self._suggestion))
        self.steep_region.setRegion((math.log10(float(lo)), math.log10(float(hi))))
        x = math.log10(self._suggestion)
        self.marker.setValue(x)
        if self._lrs:
            k = int(np.argmin(np.abs(np.log10(self._lrs) - x)))
            self.marker_dot.setData([x], [self._losses[k]])
        for item in (self.steep_region, self.marker, self.marker_dot):
            item.setVisible(True)
        self._update()

    def set_failed(self, message: str) -> None:
        self._state = "failed"
        self._error = message
        self._update()

    def set_cancelled(self) -> None:
        self._state = "cancelled"
        self._update()

    def is_running(self) -> bool:
        return self._state == "running"

    def suggestion(self) -> float | None:
        return self._suggestion

    def state(self) -> str:
        return self._state

    def points(self) -> int:
        return len(self._lrs)

    def _use(self) -> None:
        if self._suggestion is not None:
            self.use_requested.emit(self._suggestion)

    def _update(self) -> None:
        running = self._state == "running"
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)
        done = self._state == "done" and self._suggestion is not None
        self.use_button.setVisible(done)
        self.hint.setVisible(True)
        if running:
            self.status.setText(self._stage_text)
            self.hint.setText(self.tr("The model is not changed; this takes a few seconds to a minute."))
        elif done:
            value = format_lr(self._suggestion)
            if self._method == "steepest":
                self.status.setText(self.tr("Suggested learning rate: {lr}. The loss falls fastest there "
                                            "(green band: good rates).").format(lr=value))
            else:
                self.status.setText(self.tr("Suggested learning rate: {lr}. The loss hardly fell, so this is a "
                                            "careful guess.").format(lr=value))
            self.use_button.setText(self.tr("Use {lr}").format(lr=value))
            self.use_button.setToolTip(self.tr("Put {lr} in the learning-rate field.").format(lr=value))
            self.hint.setText(self.tr("Found for the current settings; search again after changing the "
                                      "architecture, mode, batch size or image size."))
        elif self._state == "failed":
            self.status.setText(self.tr("The learning-rate search failed: {error}").format(
                error=self._error))
            self.hint.setText("")
        elif self._state == "cancelled":
            self.status.setText(self.tr("The learning-rate search was cancelled."))
            self.hint.setText("")
        else:
            self.status.setText("")
            self.hint.setText(self.tr("Tries learning rates from very small to very large on your pictures "
                                      "and suggests one."))

