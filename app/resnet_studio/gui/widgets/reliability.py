"""How often the model is right when it says X %: the Train results' reliability table (issue 15).

One row per confidence band (50–70 %, 70–90 %, 90–99 %, 99 %+) with how many answers fell in it
and the share of them that was right, each with a bar against the band's own claim, from the run's
``calibration`` (engine/calibration.py ``summary()``: plain values, computed on pictures the model
did not learn from). A run without one (a model made before issue 15) says so instead.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .train_common import HintLabel

_SHARE_ROLE = Qt.ItemDataRole.UserRole + 1  # (share right, lower end of the band's claim)


def band_text(lo: float, hi: float) -> str:
    """"50–70%", "90–99%", "99%+" (the top band ends at 100%)."""
    if hi >= 1.0:
        return f"{lo * 100:g}%+"
    return f"{lo * 100:g}–{hi * 100:g}%"


class _ShareBar(QStyledItemDelegate):
    """The share right as a bar, with a tick where the band's claim starts: a bar short of its
    tick is a model surer than it is right."""

    def paint(self, painter: QPainter, option, index) -> None:
        value = index.data(_SHARE_ROLE)
        if not value:
            super().paint(painter, option, index)
            return
        share, claim = value
        painter.save()
        r = QRectF(option.rect).adjusted(4, 5, -4, -5)
        pal = option.palette
        painter.fillRect(r, pal.color(QPalette.ColorRole.AlternateBase))
        good = share >= claim
        painter.fillRect(QRectF(r.left(), r.top(), r.width() * share, r.height()),
                         QColor(70, 150, 90) if good else QColor(210, 110, 60))
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        x = r.left() + r.width() * claim
        painter.drawLine(int(x), int(r.top()) - 2, int(x), int(r.bottom()) + 2)
        painter.drawText(r.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                         index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.restore()


class ReliabilityTable(QWidget):
    """The reliability table of one training run; :meth:`set_calibration` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._calibration: dict = {}
        self.hint = HintLabel(parent=self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("reliabilityTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegateForColumn(1, _ShareBar(self.table))
        self.note = HintLabel(parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("The model said"), self.tr("It was right"), self.tr("Answers")])
        self.hint.setText(self.tr("How often the model was right when it was this sure, on pictures it did not "
                                  "learn from. Below 50% an answer shows as \"not sure\"."))
        self.set_calibration(self._calibration)

    def set_calibration(self, calibration: dict | None) -> None:
        """Show ``calibration`` (a run's or a model file's; {} or None: nothing was checked)."""
        cal = dict(calibration or {})
        self._calibration = cal
        bins = [b for b in cal.get("reliability") or [] if isinstance(b, dict)]
        self.table.setRowCount(len(bins))
        for row, b in enumerate(bins):
            lo, hi, n = float(b.get("lo", 0.0)), float(b.get("hi", 1.0)), int(b.get("count", 0))
            band = QTableWidgetItem(band_text(lo, hi))
            share = QTableWidgetItem(f"{float(b.get('accuracy', 0.0)) * 100:.0f}%" if n else "—")
            if n:
                share.setData(_SHARE_ROLE, (float(b.get("accuracy", 0.0)), lo))
            count = QTableWidgetItem(str(n))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for col, item in enumerate((band, share, count)):
                self.table.setItem(row, col, item)
        self.table.setVisible(bool(bins))
        self.note.setText(self._note(cal))

    def _note(self, cal: dict) -> str:
        if not cal:
            return self.tr("This model's confidence was not checked (it was made by an older version).")
        method = cal.get("method")
        n = int(cal.get("pictures", 0) or 0)
        if method == "folds":
            return self.tr("Checked on %n pictures: each one judged by a model trained without it. "
                           "The confidence the app shows has been adjusted to match.", "", n)
        if method == "validation":
            return self.tr("Checked on %n validation pictures. The confidence the app shows has been "
                           "adjusted to match.", "", n)
        return self.tr("Only %n validation pictures: too few to adjust the confidence, so it is the "
                       "network's own.", "", n)

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (band, share right, count): for tests."""
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]
