"""A slim message bar above a view (missing weights, model errors), with action buttons.

The text and button labels are kept as given (a :class:`~..i18n.Translatable` keeps its source and
arguments) and turned into strings again on every language change, so a banner shown in one
language follows the switch to another.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from .icons import icon


class Banner(QFrame):
    """Hidden until :meth:`show_message`; buttons report their key through ``action``."""

    action = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 8, 8, 8)
        lay.setSpacing(8)
        self._icon = QLabel()
        self._icon.setFixedSize(20, 20)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(6)
        self._close = QToolButton()
        self._close.setIcon(icon("cancel"))
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.hide)
        lay.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.text, 1)
        lay.addLayout(self._buttons)
        lay.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self.key = ""
        self._text: object = ""
        self._labels: dict[str, object] = {}
        self.hide()

    def set_close_tooltip(self, text: str) -> None:
        self._close.setToolTip(text)

    def show_message(self, key: str, text: object, actions: list[tuple[str, object]], *, kind: str = "warning") -> None:
        """``actions``: (action key, button text) pairs, the first one the default. ``text`` and the
        button texts: a ``Translatable`` (said again in a new language) or a plain string."""
        self.key = key
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self._icon.setPixmap(icon("warning" if kind == "warning" else "info").pixmap(20, 20))
        self._text = text
        self._labels = dict(actions)
        self.text.setText(str(text))
        while self._buttons.count():
            w = self._buttons.takeAt(0).widget()
            if w:
                w.setObjectName("")  # not found by button() before it is gone
                w.deleteLater()
        for i, (action_key, label) in enumerate(actions):
            b = QPushButton(str(label))
            b.setObjectName(f"banner_{action_key}")
            if i == 0:
                b.setDefault(True)
            b.clicked.connect(lambda _=False, k=action_key: self.action.emit(k))
            self._buttons.addWidget(b)
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.key:
            self.text.setText(str(self._text))
            for action_key, label in self._labels.items():
                b = self.button(action_key)
                if b is not None:
                    b.setText(str(label))
        super().changeEvent(event)

    def button(self, action_key: str) -> QPushButton | None:
        return self.findChild(QPushButton, f"banner_{action_key}")
