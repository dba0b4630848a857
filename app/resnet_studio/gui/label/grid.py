"""The picture grid of the Label tab: a list model over the pile, a tile delegate, the thumbnail
cache and the view that takes the number keys.

Thumbnails: the model never decodes. Asked for a tile it has no picture for (only tiles that are
painted are asked: Qt paints the visible ones), it notes the row as wanted and returns nothing;
the cache decodes the wanted rows on a job thread in batches, newest wish first, and keeps the
last few thousand as pixmaps. Scrolling past 10,000 pictures therefore costs the GUI thread a
dictionary look-up per painted tile.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QMimeData, QModelIndex, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..jobs.framework import JobRunner
from ..jobs.labelling import ThumbnailBatchJob
from .state import LabelState

THUMB = 112
TILE = QSize(THUMB + 16, THUMB + 44)
CACHE_SIZE = 3000
MIME = "application/x-resnet-studio-label-paths"
PathRole = Qt.ItemDataRole.UserRole + 1


class ThumbnailCache(QObject):
    """Pixmaps by picture number; ``arrived`` (keys) when a batch is ready."""

    arrived = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pixmaps: OrderedDict[int, QPixmap] = OrderedDict()
        self._wanted: OrderedDict[int, str] = OrderedDict()
        self._failed: set[int] = set()
        self._generation = 0
        self._runner = JobRunner(self)
        self._job: ThumbnailBatchJob | None = None
        self._timer = QTimer(self, singleShot=True, interval=15)  # gather one paint's wishes
        self._timer.timeout.connect(self._start_next)

    def clear(self) -> None:
        self._generation += 1
        self._runner.cancel_all()
        self._pixmaps.clear()
        self._wanted.clear()
        self._failed.clear()

    def get(self, key: int, path: str) -> QPixmap | None:
        pix = self._pixmaps.get(key)
        if pix is not None:
            self._pixmaps.move_to_end(key)
            return pix
        if key not in self._failed:
            self._wanted[key] = path
            self._wanted.move_to_end(key)
            if not self._timer.isActive() and self._job is None:
                self._timer.start()
        return None

    def is_busy(self) -> bool:
        return self._runner.is_busy()

    def _start_next(self) -> None:
        if self._job is not None or not self._wanted:
            return
        # The newest wishes are what is on screen now; older ones were scrolled past.
        keys = list(self._wanted)[-96:]
        items = [(k, self._wanted.pop(k)) for k in reversed(keys)]
        self._wanted.clear()
        job = ThumbnailBatchJob(self._generation, items, THUMB)
        # Bound methods of this GUI-thread object: the job's signals arrive queued, here.
        job.ready.connect(self._on_ready)
        job.unreadable.connect(self._on_unreadable)
        job.finished.connect(self._on_finished)
        self._job = job
        self._runner.start(job)

    def _on_unreadable(self, generation: int, key: int) -> None:
        if generation == self._generation:
            self._failed.add(key)

    def _on_ready(self, generation: int, batch: list) -> None:
        if generation != self._generation:
            return  # decoded for the folder that was open before
        keys = []
        for key, image in batch:
            self._pixmaps[key] = QPixmap.fromImage(image)
            keys.append(key)
        while len(self._pixmaps) > CACHE_SIZE:
            self._pixmaps.popitem(last=False)
        self.arrived.emit(keys)

    def _on_finished(self) -> None:
        self._job = None
        if self._wanted:
            self._timer.start()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        self._runner.cancel_and_wait(timeout_ms)


class PictureModel(QAbstractListModel):
    """The pictures shown, in the chosen order; each row is a picture number of the pile."""

    def __init__(self, state: LabelState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.rows: list[int] = []
        self._row_of: dict[int, int] = {}
        self.thumbs = ThumbnailCache(self)
        self.thumbs.arrived.connect(self._thumbs_arrived)

    def set_rows(self, rows: list[int]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._row_of = {k: i for i, k in enumerate(self.rows)}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def path(self, row: int) -> str:
        return self.state.pictures[self.rows[row]]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.rows[index.row()]
        path = self.state.pictures[key]
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbs.get(key, path)
        if role == Qt.ItemDataRole.DisplayRole:
            return path.replace("\\", "/").rsplit("/", 1)[-1]
        if role == PathRole:
            return path
        if role == Qt.ItemDataRole.ToolTipRole:
            return path
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        paths = [self.path(i.row()) for i in indexes if i.isValid()]
        mime.setData(MIME, "\n".join(paths).encode("utf-8"))
        return mime

    def refresh_all(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def _thumbs_arrived(self, keys: list) -> None:
        rows = [self._row_of[k] for k in keys if k in self._row_of]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)),
                                  [Qt.ItemDataRole.DecorationRole])


class TileDelegate(QStyledItemDelegate):
    """A thumbnail, the file name, and a strip: the label (solid) or the suggestion (outlined,
    with its confidence)."""

    def __init__(self, state: LabelState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        return TILE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        r = option.rect.adjusted(3, 3, -3, -3)
        pal = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pal.color(QPalette.ColorRole.Highlight).lighter(160))
            painter.drawRoundedRect(r, 6, 6)
        pix = index.data(Qt.ItemDataRole.DecorationRole)
        box = QRect(r.left() + (r.width() - THUMB) // 2, r.top() + 4, THUMB, THUMB)
        if isinstance(pix, QPixmap) and not pix.isNull():
            s = pix.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(box.left() + (box.width() - s.width()) // 2, box.top() + (box.height() - s.height()) // 2,
                           s.width(), s.height())
            painter.drawPixmap(target, pix)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pal.color(QPalette.ColorRole.Mid).lighter(150))
            painter.drawRoundedRect(box.adjusted(8, 8, -8, -8), 4, 4)
        path = index.data(PathRole)
        self._paint_strip(painter, QRect(r.left() + 2, box.bottom() + 4, r.width() - 4, 18), path, pal)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        name_rect = QRect(r.left() + 2, box.bottom() + 22, r.width() - 4, 16)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        name = painter.fontMetrics().elidedText(index.data(Qt.ItemDataRole.DisplayRole) or "",
                                                Qt.TextElideMode.ElideMiddle, name_rect.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignCenter, name)
        painter.restore()

    def _paint_strip(self, painter: QPainter, rect: QRect, path: str, pal: QPalette) -> None:
        label = self.state.labels.get(path)
        colour = QColor("#2e7d32")
        if label is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(QColor("white"))
            text = label
        else:
            s = self.state.suggestion(path)
            if s is None:
                return
            painter.setPen(QColor("#1565c0"))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 4, 4)
            text = QCoreApplication.translate("LabelView", "%1? %2 %").replace(
                "%2", str(round(s.confidence * 100))).replace("%1", s.label)  # the name last: it may hold "%2"
        text = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 6)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


class PictureGrid(QListView):
    """Icon-mode list: multi-selection, drag pictures onto a category; ``key_pressed(key)`` for
    the number keys, Enter and A (the view decides what they do)."""

    key_pressed = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)  # one size for every tile: no per-row layout pass
        self.setGridSize(TILE + QSize(6, 6))
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(500)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setObjectName("labelGrid")

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        # Share the spare width between the columns instead of leaving a gap at the right.
        width = self.viewport().width()
        columns = max(1, width // (TILE.width() + 6))
        cell = QSize(max(TILE.width() + 6, width // columns), TILE.height() + 6)
        if cell != self.gridSize():
            self.setGridSize(cell)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier and (Qt.Key.Key_1 <= key <= Qt.Key.Key_9 or key in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_A, Qt.Key.Key_0, Qt.Key.Key_Backspace, Qt.Key.Key_Delete)):
            self.key_pressed.emit(int(key))
            event.accept()
            return
        super().keyPressEvent(event)

    def selected_paths(self) -> list[str]:
        rows = sorted(i.row() for i in self.selectionModel().selectedIndexes())
        model = self.model()
        return [model.path(r) for r in rows]
