"""The big "drop photos here" area of the Classify view."""

from __future__ import annotations

import os
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from .icons import icon, svg_pixmap


def local_path(url: QUrl) -> str:
    """The local path a dropped ``file:`` URL names, exactly ("" for other URLs).

    ``QUrl.toLocalFile`` decodes the percent-escapes as UTF-8, so on Linux and macOS a file whose
    name is not valid UTF-8 (an old camera card, a zip from another system) would come back with
    U+FFFD in place of its bytes and could not be opened. Decoding the escapes to bytes and then
    with the file system's own rule gives the name Python's ``open`` needs.
    """
    if not url.isLocalFile():
        return ""
    if os.name != "posix" or url.host():  # Windows paths and UNC shares: Qt's answer is right
        return url.toLocalFile()
    raw = unquote_to_bytes(url.path(QUrl.ComponentFormattingOption.FullyEncoded))
    return os.fsdecode(raw) if raw else ""


class DropZone(QWidget):
    """Dashed, rounded area with an illustration and the two open buttons. Drops are handled by
    the view that owns it; ``set_active`` shows the highlight while something is dragged over."""

    open_files = Signal()
    open_folder = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._active = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 32, 32, 32)
        lay.setSpacing(10)
        lay.addStretch(2)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setPixmap(svg_pixmap("drop", 96, dpr=self.devicePixelRatioF()))
        self.title = QLabel()
        self.title.setObjectName("dropTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("dropSubtitle")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.open_files_button = QPushButton(icon("open"), "")
        self.open_files_button.setObjectName("primaryButton")
        self.open_folder_button = QPushButton(icon("folder"), "")
        for b in (self.open_files_button, self.open_folder_button):
            b.setMinimumHeight(34)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.open_files_button.clicked.connect(self.open_files)
        self.open_folder_button.clicked.connect(self.open_folder)
        lay.addWidget(self.picture)
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)
        lay.addSpacing(8)
        lay.addLayout(buttons)
        lay.addStretch(3)

    def set_active(self, active: bool) -> None:
        self._active = active
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        accent = pal.color(QPalette.ColorRole.Highlight)
        r = QRectF(self.rect()).adjusted(10, 10, -10, -10)
        if self._active:
            fill = QColor(accent)
            fill.setAlpha(40)
            p.setBrush(fill)
            pen = QPen(accent, 2.5, Qt.PenStyle.DashLine)
        else:
            p.setBrush(Qt.BrushStyle.NoBrush)
            c = QColor(pal.color(QPalette.ColorRole.Text))
            c.setAlpha(90)
            pen = QPen(c, 2, Qt.PenStyle.DashLine)
        pen.setDashPattern([5, 4])
        p.setPen(pen)
        p.drawRoundedRect(r, 16, 16)
