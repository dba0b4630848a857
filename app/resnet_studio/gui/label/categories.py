"""The categories panel of the Label tab: the list (number key, name, how many pictures), the
add / rename / delete buttons, and the drop target for pictures dragged from the grid."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
                               QWidget)

from .grid import MIME


class CategoryList(QListWidget):
    """Takes pictures dropped on a category: ``dropped(category row, paths)``."""

    dropped = Signal(int, list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setObjectName("labelCategories")

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        item = self.itemAt(event.position().toPoint())
        if event.mimeData().hasFormat(MIME) and item is not None:
            self.setCurrentItem(item)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        item = self.itemAt(event.position().toPoint())
        if item is None or not event.mimeData().hasFormat(MIME):
            event.ignore()
            return
        paths = [p for p in bytes(event.mimeData().data(MIME)).decode("utf-8").split("\n") if p]
        event.acceptProposedAction()
        self.dropped.emit(self.row(item), paths)


class CategoriesPanel(QWidget):
    """Shows the categories; its buttons ask the view (which owns the state and the undo stack)."""

    add_requested = Signal()
    rename_requested = Signal(str)
    delete_requested = Signal(str)
    assign_requested = Signal(str)  # the selected pictures → this category
    dropped = Signal(str, list)  # category, paths

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.list = CategoryList()
        self.list.dropped.connect(lambda row, paths: self.dropped.emit(self._names[row], paths))
        self.list.itemDoubleClicked.connect(lambda _item: self.assign_requested.emit(self.current()))
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.add_button = QPushButton()
        self.rename_button = QPushButton()
        self.delete_button = QPushButton()
        self.assign_button = QPushButton()
        self.add_button.clicked.connect(self.add_requested)
        self.rename_button.clicked.connect(lambda: self.rename_requested.emit(self.current()))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.current()))
        self.assign_button.clicked.connect(lambda: self.assign_requested.emit(self.current()))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hintLabel")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        for b in (self.add_button, self.rename_button, self.delete_button):
            row.addWidget(b)
        lay.addLayout(row)
        lay.addWidget(self.assign_button)
        lay.addWidget(self.hint)
        self.retranslate_ui()
        self._update_buttons()

    def current(self) -> str:
        row = self.list.currentRow()
        return self._names[row] if 0 <= row < len(self._names) else ""

    def set_categories(self, names: list[str], counts: dict[str, int]) -> None:
        keep = self.current()
        self._names = list(names)
        self.list.clear()
        for i, name in enumerate(names):
            text = self.tr("%1 · %2 (%3)").replace("%1", str(i + 1)).replace(
                "%3", str(counts.get(name, 0))).replace("%2", name)  # the name last: it may hold "%3"
            item = QListWidgetItem(text)
            item.setToolTip(self.tr("Press %1 to put the selected pictures here, or drag them onto it").replace(
                "%1", str(i + 1)))
            self.list.addItem(item)
        if keep in self._names:
            self.list.setCurrentRow(self._names.index(keep))
        elif self._names:
            self.list.setCurrentRow(len(self._names) - 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self.current())
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.assign_button.setEnabled(has)
        self.add_button.setEnabled(len(self._names) < 9)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Categories"))
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Make a new category (up to 9, one number key each)"))
        self.rename_button.setText(self.tr("Rename…"))
        self.delete_button.setText(self.tr("Delete"))
        self.assign_button.setText(self.tr("Put selected pictures here"))
        self.hint.setText(self.tr("Select pictures, then press a category's number. After 3 pictures in "
                                  "every category, the app suggests the rest."))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
