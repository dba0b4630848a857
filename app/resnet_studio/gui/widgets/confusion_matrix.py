"""The confusion matrix as a heat map: rows are the true categories, columns what the model said.

Painted by hand (a few rectangles and texts) so each cell can show its count and the category
names sit on the axes. Colours are mixed from the palette (base → highlight), so the map reads in
light and dark themes; a cell's shade is its share of the row, i.e. of that category's pictures.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

_NAME_MAX_PX = 140
_PAD = 6


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    t = min(max(t, 0.0), 1.0)
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def _luminance(c: QColor) -> float:
    return 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()


class ConfusionMatrixWidget(QWidget):
    cell_clicked = Signal(int, int)  # true row, predicted column: "show me these pictures"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix = np.zeros((0, 0), dtype=np.int64)
        self._classes: list[str] = []
        self._selected: tuple[int, int] | None = None
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(220, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._true_title = self.tr("True category")
        self._pred_title = self.tr("Predicted category")
        self.setToolTip("")
        self.setAccessibleName(self.tr("Confusion matrix"))
        self.update()

    # ---- data

    def set_data(self, matrix: list[list[int]] | np.ndarray, classes: list[str]) -> None:
        m = np.asarray(matrix, dtype=np.int64)
        if m.size == 0:
            m = np.zeros((len(classes), len(classes)), dtype=np.int64)
        if m.ndim != 2 or m.shape[0] != m.shape[1] or m.shape[0] != len(classes):
            raise ValueError(f"confusion matrix of shape {m.shape} does not match {len(classes)} classes")
        self._matrix = m
        self._classes = list(classes)
        self._selected = None
        self.updateGeometry()
        self.update()

    def matrix(self) -> np.ndarray:
        return self._matrix.copy()

    def classes(self) -> list[str]:
        return list(self._classes)

    def selected_cell(self) -> tuple[int, int] | None:
        return self._selected

    def select_cell(self, row: int, col: int) -> None:
        """Outline the cell whose pictures are shown and say so (``cell_clicked``)."""
        n = len(self._classes)
        if not (0 <= row < n and 0 <= col < n):
            return
        self._selected = (int(row), int(col))
        self.update()
        self.cell_clicked.emit(int(row), int(col))

    def cell_center(self, row: int, col: int) -> QPoint:
        """Where the cell is on screen (tests click it)."""
        grid, cell, _ = self._layout()
        return QPoint(grid.left() + col * cell + cell // 2, grid.top() + row * cell + cell // 2)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hit = self.cell_at(event.position().toPoint())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select_cell(*hit)
        super().mousePressEvent(event)

    # ---- geometry

    def _name_width(self, fm: QFontMetrics) -> int:
        widest = max((fm.horizontalAdvance(c) for c in self._classes), default=0)
        return min(widest, _NAME_MAX_PX)

    def _layout(self) -> tuple[QRect, int, bool]:
        """(grid rectangle, cell size, whether column names are drawn vertically)."""
        fm = self.fontMetrics()
        n = max(len(self._classes), 1)
        name_w = self._name_width(fm)
        title_h = fm.height() + _PAD
        left = title_h + name_w + _PAD
        avail_w = max(self.width() - left - _PAD, 1)
        # Column names lie flat when they fit in a cell, else stand up.
        flat_cell = avail_w // n
        vertical = name_w + 4 > flat_cell
        bottom = title_h + (name_w if vertical else fm.height()) + _PAD
        avail_h = max(self.height() - bottom - _PAD, 1)
        cell = max(min(avail_w // n, avail_h // n), 4)
        left += max(avail_w - cell * n, 0) // 2  # centred in the space there is
        return QRect(left, _PAD, cell * n, cell * n), cell, vertical

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        fm = self.fontMetrics()
        n = max(len(self._classes), 2)
        cell = max(fm.height() * 2 + 4, 36)
        side = self._name_width(fm) + fm.height() * 2 + 3 * _PAD
        return QSize(min(side + n * cell, 900), min(side + n * cell, 900))

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        if not self._classes:
            return None
        grid, cell, _ = self._layout()
        if not grid.contains(pos):
            return None
        return (pos.y() - grid.top()) // cell, (pos.x() - grid.left()) // cell

    # ---- painting

    def paintEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        pal = self.palette()
        text_color = pal.color(QPalette.ColorRole.Text)
        low = pal.color(QPalette.ColorRole.Base)
        high = pal.color(QPalette.ColorRole.Highlight)
        fm = self.fontMetrics()
        n = len(self._classes)
        if n == 0:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No results yet"))
            return
        grid, cell, vertical = self._layout()
        rows = self._matrix.sum(axis=1)
        show_counts = cell >= fm.height() + 2
        for i in range(n):
            for j in range(n):
                count = int(self._matrix[i, j])
                share = count / rows[i] if rows[i] else 0.0
                fill = _mix(low, high, share)
                r = QRect(grid.left() + j * cell, grid.top() + i * cell, cell, cell)
                painter.fillRect(r, fill)
                if show_counts and fm.horizontalAdvance(str(count)) < cell - 2:
                    painter.setPen(Qt.GlobalColor.black if _luminance(fill) > 140 else Qt.GlobalColor.white)
                    painter.drawText(r, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.drawRect(grid.adjusted(0, 0, -1, -1))
        if self._selected is not None:
            si, sj = self._selected
            painter.setPen(QPen(text_color, 2))
            painter.drawRect(QRect(grid.left() + sj * cell, grid.top() + si * cell, cell, cell).adjusted(1, 1, -1, -1))

        painter.setPen(text_color)
        name_w = self._name_width(fm)
        for i, name in enumerate(self._classes):
            shown = fm.elidedText(name, Qt.TextElideMode.ElideRight, _NAME_MAX_PX)
            row = QRect(grid.left() - name_w - _PAD, grid.top() + i * cell, name_w, cell)
            painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)
            x = grid.left() + i * cell
            if vertical:
                painter.save()
                painter.translate(x + cell / 2 + fm.ascent() / 2 - 1, grid.bottom() + _PAD)
                painter.rotate(90)
                painter.drawText(QRect(0, -fm.height(), name_w, fm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
                painter.restore()
            else:
                col = QRect(x, grid.bottom() + _PAD // 2, cell, fm.height())
                painter.drawText(col, Qt.AlignmentFlag.AlignCenter, fm.elidedText(name, Qt.TextElideMode.ElideRight, cell))

        # Axis titles: predicted under the column names, true turned up along the left edge.
        names_h = name_w if vertical else fm.height()
        bottom_title = QRect(grid.left(), grid.bottom() + _PAD + names_h, grid.width(), fm.height() + _PAD)
        painter.drawText(bottom_title, Qt.AlignmentFlag.AlignCenter, self._pred_title)
        painter.save()
        painter.translate(max(grid.left() - name_w - 2 * _PAD - fm.height(), 0), grid.top() + grid.height() / 2)
        painter.rotate(-90)
        painter.drawText(QRect(-grid.height() // 2, 0, grid.height(), fm.height() + 2), Qt.AlignmentFlag.AlignCenter, self._true_title)
        painter.restore()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hit = self.cell_at(event.pos())
            if hit is None:
                QToolTip.hideText()
            else:
                i, j = hit
                count = int(self._matrix[i, j])
                row = int(self._matrix[i].sum())
                share = count / row * 100 if row else 0.0
                if i == j:
                    text = self.tr("{count} of {total} pictures of '{true}' were recognised ({share:.0f}%).")
                else:
                    text = self.tr("{count} of {total} pictures of '{true}' were taken for '{pred}' ({share:.0f}%).")
                text += "\n" + self.tr("Click to see them.")
                QToolTip.showText(
                    event.globalPos(),
                    text.format(count=count, total=row, true=self._classes[i], pred=self._classes[j], share=share),
                    self,
                )
            return True
        return super().event(event)
