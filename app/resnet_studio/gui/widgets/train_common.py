"""Small building blocks shared by the Train view's widgets: grey hint text, a collapsible
section, readable durations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget


class HintLabel(QLabel):
    """A one-line explanation in small grey text. The colour comes from the palette's placeholder
    role, so it follows light and dark themes (and a theme switch) by itself."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = self.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)


class CollapsibleSection(QWidget):
    """A header button with an arrow that shows or hides its content (the "Advanced" section)."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setText(title)
        self.content = QWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.content)
        self.toggle.toggled.connect(self.set_expanded)
        self.set_expanded(False)

    def set_title(self, title: str) -> None:
        self.toggle.setText(title)

    def set_expanded(self, expanded: bool) -> None:
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)  # re-enters with the same value
            return
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.content.setVisible(expanded)

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()


def format_duration(seconds: float) -> str:
    """"45 s", "3 min 20 s", "2 h 5 min" (translated)."""
    s = max(0, int(round(seconds)))
    if s < 60:
        return QCoreApplication.translate("TrainTime", "{s} s").format(s=s)
    if s < 3600:
        return QCoreApplication.translate("TrainTime", "{m} min {s} s").format(m=s // 60, s=s % 60)
    return QCoreApplication.translate("TrainTime", "{h} h {m} min").format(h=s // 3600, m=(s % 3600) // 60)


def format_percent(fraction: float) -> str:
    return f"{fraction * 100:.1f}%"


def short_date(iso: str) -> str:
    """``2025-01-31T14:25:01+01:00`` → ``2025-01-31 14:25``."""
    return str(iso or "").replace("T", " ")[:16]
