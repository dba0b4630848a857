"""The validation pictures behind one confusion-matrix cell (issue 16), and fixing the folder from
there: a picture moved to its right category, or taken out of the dataset into ``<folder>_removed``
beside it, each undoable; then the results offer to train again on the changed folder.

:class:`PictureMoves` keeps the moves and their undo (shared with the mistakes gallery); a move is
one rename on the same disk (``gui/jobs/label_check.py``, the never-overwrite move of
``engine/sort_by_prediction.py``), done on the GUI thread like the label check's.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..jobs.dataset import ThumbnailJob
from ..jobs.label_check import move_to_category, put_back, remove_from_dataset
from .train_common import HintLabel, format_percent

THUMB_SIZE = 72


class PictureMoves(QObject):
    """The moves made from a run's results, newest last; :meth:`undo` puts the last one back."""

    changed = Signal()  # a move or an undo happened (or failed: see :attr:`last_error`)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = ""
        self._done: list[tuple[str, str, str]] = []  # (original, now, what: a category or "")
        self.last_error = ""

    def reset(self, root: str) -> None:
        self.root = root
        self._done.clear()
        self.last_error = ""
        self.changed.emit()

    def count(self) -> int:
        return len(self._done)

    def where(self, original: str) -> tuple[str, str] | None:
        """``(path now, category or "" for removed)`` of a picture moved from ``original``."""
        for orig, now, what in reversed(self._done):
            if orig == original:
                return now, what
        return None

    def move(self, path: str, category: str) -> bool:
        return self._do(path, category, lambda: move_to_category(path, category))

    def remove(self, path: str) -> bool:
        return self._do(path, "", lambda: remove_from_dataset(path, self.root or os.path.dirname(os.path.dirname(path))))

    def _do(self, path: str, what: str, fn) -> bool:
        self.last_error = ""
        try:
            now = fn()
        except OSError as exc:
            self.last_error = self.tr("{file} could not be moved: {reason}").format(
                file=os.path.basename(path), reason=exc.strerror or str(exc))
            self.changed.emit()
            return False
        self._done.append((path, now, what))
        self.changed.emit()
        return True

    def undo(self) -> bool:
        if not self._done:
            return False
        original, now, what = self._done[-1]
        self.last_error = ""
        try:
            put_back(now, original)
        except OSError as exc:
            self.last_error = self.tr("{file} could not be put back: {reason}").format(
                file=os.path.basename(original), reason=exc.strerror or str(exc))
            self.changed.emit()
            return False
        self._done.pop()
        self.changed.emit()
        return True


class CellPictures(QWidget):
    """The pictures of one cell (true ``i``, predicted ``j``) with Move, Remove and Undo."""

    def __init__(self, moves: PictureMoves, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.moves = moves
        self._runner = runner
        self._job: ThumbnailJob | None = None
        self._classes: list[str] = []
        self._cell: tuple[int, int] | None = None
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("cellPictures")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.list.setGridSize(QSize(THUMB_SIZE + 40, THUMB_SIZE + 40))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu_at)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.move_button = QPushButton(self)
        self.move_button.setObjectName("cellMoveButton")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("cellRemoveButton")
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("cellUndoButton")
        self.status = HintLabel(parent=self)
        self.move_button.clicked.connect(self._move_menu)
        self.remove_button.clicked.connect(self.remove_current)
        self.undo_button.clicked.connect(self.moves.undo)
        self.moves.changed.connect(self._refresh)
        buttons = QHBoxLayout()
        for b in (self.move_button, self.remove_button, self.undo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.retranslate_ui()
        self.show_cell([], [], None)

    def retranslate_ui(self) -> None:
        self.move_button.setText(self.tr("Move to its right category…"))
        self.move_button.setToolTip(self.tr("The picture is in the wrong folder: move it into the folder of the "
                                            "category it really shows."))
        self.remove_button.setText(self.tr("Take out of the dataset"))
        self.remove_button.setToolTip(self.tr("Move the picture into a folder ending in “_removed” beside your "
                                              "dataset, so it is not used for training."))
        self.undo_button.setText(self.tr("Undo"))
        self._refresh()

    # ---- content

    def show_cell(self, cells: list[dict], classes: list[str], cell: tuple[int, int] | None) -> None:
        """Show the pictures of ``cell`` from ``cells`` (``metrics.cell_paths`` of the result)."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._classes = list(classes)
        self._cell = cell
        self.list.clear()
        entry = next((c for c in cells if cell is not None and (c.get("true"), c.get("predicted")) == cell), None)
        paths = list(entry.get("paths") or []) if entry else []
        conf = list(entry.get("confidence") or []) if entry else []
        items = []
        for k, path in enumerate(paths):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setData(Qt.ItemDataRole.UserRole + 1, float(conf[k]) if k < len(conf) else 0.0)
            item.setSizeHint(self.list.gridSize() - QSize(6, 6))
            self.list.addItem(item)
            items.append((k, str(path)))
        if items:
            self._job = ThumbnailJob(items, THUMB_SIZE)
            self._job.thumbnail.connect(self._on_thumbnail)
            self._runner.start(self._job)
        self._refresh()

    def cell(self) -> tuple[int, int] | None:
        return self._cell

    def paths(self) -> list[str]:
        return [str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())]

    @Slot(int, QImage)
    def _on_thumbnail(self, key: int, image: QImage) -> None:
        if self._job is None or self.sender() is not self._job:
            return
        item = self.list.item(key)
        if item is not None:
            item.setIcon(QPixmap.fromImage(image))

    # ---- moves

    def _current_path(self) -> str:
        item = self.list.currentItem()
        if item is None:
            return ""
        path = str(item.data(Qt.ItemDataRole.UserRole))
        return "" if self.moves.where(path) else path

    def move_current(self, category: str) -> bool:
        path = self._current_path()
        return bool(path) and self.moves.move(path, category)

    def remove_current(self) -> bool:
        path = self._current_path()
        return bool(path) and self.moves.remove(path)

    def _categories_menu(self) -> QMenu:
        menu = QMenu(self)
        if self._cell is None:
            return menu
        true_i, pred_j = self._cell
        order = [pred_j] + [k for k in range(len(self._classes)) if k != pred_j]
        for k in order:
            if k == true_i:
                continue  # where it is now
            menu.addAction(self._classes[k], lambda name=self._classes[k]: self.move_current(name))
        return menu

    def _move_menu(self) -> None:
        self._categories_menu().exec(self.move_button.mapToGlobal(self.move_button.rect().bottomLeft()))

    def _menu_at(self, pos) -> None:
        if self.list.itemAt(pos) is None:
            return
        self.list.setCurrentItem(self.list.itemAt(pos))
        menu = self._categories_menu()
        menu.setTitle(self.tr("Move to"))
        outer = QMenu(self)
        outer.addMenu(menu)
        outer.addAction(self.tr("Take out of the dataset"), self.remove_current)
        outer.exec(self.list.viewport().mapToGlobal(pos))

    # ---- texts

    def _refresh(self) -> None:
        n = self.list.count()
        if self._cell is None:
            self.title.setText(self.tr("Click a square of the matrix to see its pictures."))
        else:
            i, j = self._cell
            true, pred = self._classes[i], self._classes[j]
            if i == j:
                self.title.setText(self.tr("%n pictures of '{true}' were recognised.", "", n).format(true=true))
            else:
                self.title.setText(self.tr("%n pictures of '{true}' were taken for '{pred}'.", "", n).format(
                    true=true, pred=pred))
        for k in range(n):
            item = self.list.item(k)
            path = str(item.data(Qt.ItemDataRole.UserRole))
            moved = self.moves.where(path)
            if moved is None:
                text = self.tr("{confidence} sure").format(
                    confidence=format_percent(float(item.data(Qt.ItemDataRole.UserRole + 1) or 0.0)))
                tip = path
            elif moved[1]:
                text = self.tr("moved to {category}").format(category=moved[1])
                tip = moved[0]
            else:
                text = self.tr("taken out")
                tip = moved[0]
            item.setText(text)
            item.setToolTip(tip)
        self._update_buttons()

    def _update_buttons(self) -> None:
        can = bool(self._current_path())
        self.move_button.setEnabled(can and len(self._classes) > 1)
        self.remove_button.setEnabled(can)
        self.undo_button.setEnabled(self.moves.count() > 0)
        if self.moves.last_error:
            self.status.setText(self.moves.last_error)
        elif self.moves.count():
            self.status.setText(self.tr("%n pictures moved. Train again to learn from the changed folder.", "",
                                        self.moves.count()))
        else:
            self.status.setText("")

    def stop_jobs(self) -> None:
        if self._job is not None:
            self._job.cancel()
