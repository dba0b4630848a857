"""Classification results as a Qt model/view: thousands of cards stay smooth.

One :class:`ResultsModel` row per image (plain Python values plus a small ``QImage`` thumbnail),
sorting and filtering done in bulk in the model, and a :class:`ResultCardDelegate` that paints each
card. No widget per result: a view of 10,000 results paints only what is on screen, and
thumbnails become ``QPixmap``\\ s lazily through ``QPixmapCache``.
"""

from __future__ import annotations

import bisect
import itertools
import time
from operator import attrgetter
import os
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractListModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, QRect, QRectF,
    QSize, Qt, QTimer, Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPainterPath, QPalette, QPen, QPixmap, QPixmapCache
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..errors import translate_engine_message

_ids = itertools.count(1)


@dataclass
class ResultRecord:
    path: str
    predictions: list[tuple[str, float, int]]  # (label, score, class index), best first
    error: str | None = None
    thumb: QImage | None = None
    expanded: bool = False
    order: int = 0
    id: int = field(default_factory=lambda: next(_ids))
    folded: str = ""  # name + top-1 label, case-folded once, for filtering
    label_folded: str = ""  # for sorting by label
    model: str = ""  # the model spec that classified it ("why" must ask the same model)
    explain_rank: int = 0  # which of the top-k labels "Show why" explains (0: the top one)
    # "Show why" heat images (coloured maps at the thumbnail's size) per (class index, layer),
    # and the keys that could not be computed (not asked again).
    heat: dict = field(default_factory=dict)
    heat_failed: set = field(default_factory=set)
    # Correct and retrain: the category this picture was added to in the model's training folder
    # ("" when not yet), where the copy went, and whether the copy is still being made.
    corrected: str = ""
    corrected_path: str = ""
    correcting: bool = False

    def __post_init__(self) -> None:
        self.label_folded = self.label.casefold()
        self.folded = f"{self.name}\n{self.label}".casefold() if not self.error else self.name.casefold()
        # Sort keys computed once, so sorting 10,000 cards is a C-level sort (milliseconds).
        err, score = self.error is not None, self.score
        self.key_added = self.order
        self.key_label = (err, self.label_folded, -score, self.order)  # unreadable files last
        self.key_confidence_desc = (-score, self.order)
        self.key_confidence_asc = (err, score, self.order)

    @property
    def name(self) -> str:
        return os.path.basename(self.path) or self.path

    @property
    def label(self) -> str:
        return self.predictions[0][0] if self.predictions else ""

    @property
    def score(self) -> float:
        """Top-1 confidence; -1 for files that could not be read (sorts them last)."""
        return self.predictions[0][1] if self.predictions else -1.0

    def set_predictions(self, predictions: list, error: str | None, model: str, thumb: QImage | None) -> None:
        """A new answer for the same picture (classified again by another model)."""
        self.predictions, self.error, self.model = list(predictions), error, model
        if thumb is not None:
            self.thumb = thumb
        self.explain_rank = 0
        self.heat.clear()
        self.heat_failed.clear()
        self.__post_init__()

    def explain_key(self, layer: str) -> tuple[int | str, str] | None:
        """What a heat map for the chosen label at ``layer`` is cached under (None: nothing to explain)."""
        if self.error or not self.predictions:
            return None
        label, _score, index = self.predictions[min(self.explain_rank, len(self.predictions) - 1)]
        return (index if index >= 0 else label), layer

    def to_export(self) -> dict:
        return {"path": self.path, "predictions": list(self.predictions), "error": self.error}


class Roles:
    Record = Qt.ItemDataRole.UserRole + 1
    Label = Qt.ItemDataRole.UserRole + 2
    Score = Qt.ItemDataRole.UserRole + 3
    Order = Qt.ItemDataRole.UserRole + 4
    NotSure = Qt.ItemDataRole.UserRole + 5
    IsError = Qt.ItemDataRole.UserRole + 6
    #: The "Show why" heat image (QImage) to draw over the thumbnail; None when "Show why" is
    #: off or the map is not computed yet.
    Heat = Qt.ItemDataRole.UserRole + 7


class ResultsModel(QAbstractListModel):
    """All results of the session, and which of them the list shows, in what order.

    Sorting and filtering live here rather than in a ``QSortFilterProxyModel``: the proxy asks
    for every compared value through Python, which takes seconds for 10,000 rows; here a sort is
    one ``sorted()`` call (milliseconds), and results arriving in a sorted view are inserted at
    their place with ``bisect``.
    """

    SORTS = ("added", "label", "confidence_desc", "confidence_asc")
    counts_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[ResultRecord] = []  # arrival order
        self._by_id: dict[int, ResultRecord] = {}
        self._rows: list[ResultRecord] = []  # what the view shows, in display order
        self._keys: list = []  # sort key of each shown row (for bisect)
        self._order = itertools.count()
        self.threshold = 0.5
        self.expand_all = False
        self.sort_mode = "added"
        self._text = ""
        self._only_not_sure = False
        self._only_errors = False
        self._errors = 0
        self._not_sure = 0
        # "Show why": heat maps over the thumbnails (see ResultCardDelegate)
        self.show_why = False
        self.why_layer = "layer4"
        self.why_opacity = 0.5

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Roles.Record:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return r.name
        if role == Roles.Score:
            return r.score
        if role == Roles.Label:
            return r.label
        if role == Roles.Order:
            return r.order
        if role == Roles.NotSure:
            return self.is_not_sure(r)
        if role == Roles.IsError:
            return r.error is not None
        if role == Roles.Heat:
            return self.heat_image(r)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{r.name}: {r.error}" if r.error else f"{r.name}: {r.label} {r.score:.0%}"
        return None

    def _tooltip(self, r: ResultRecord) -> str:
        if r.error:
            return f"{r.path}\n{r.error}"
        lines = [r.path] + [f"{label}: {score:.1%}" for label, score, _ in r.predictions]
        if r.corrected:
            lines.append(QCoreApplication.translate("ResultCard", "Added to “{category}” in the training folder").format(
                category=r.corrected))
        return "\n".join(lines)

    # -- "Show why" ----------------------------------------------------------------------------
    def heat_image(self, r: ResultRecord) -> QImage | None:
        if not self.show_why:
            return None
        key = r.explain_key(self.why_layer)
        return r.heat.get(key) if key is not None else None

    def _all_changed(self, roles: list) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), roles)

    def set_show_why(self, on: bool) -> None:
        self.show_why = bool(on)
        self._all_changed([Roles.Heat])

    def set_why_layer(self, layer: str) -> None:
        self.why_layer = layer
        self._all_changed([Roles.Heat])

    def set_explain_rank(self, row: int, rank: int) -> None:
        r = self._rows[row]
        r.explain_rank = max(0, min(int(rank), len(r.predictions) - 1))
        idx = self.index(row)
        self.dataChanged.emit(idx, idx, [Roles.Heat])

    def record_by_id(self, record_id: int) -> ResultRecord | None:
        return self._by_id.get(record_id)

    def set_heat(self, record_id: int, key: tuple, image: QImage | None) -> None:
        """Store a computed heat image (None: it could not be computed) and repaint its card."""
        r = self._by_id.get(record_id)
        if r is None:
            return  # cleared meanwhile
        if image is None:
            r.heat_failed.add(key)
        else:
            r.heat[key] = image
        try:
            row = self._rows.index(r)
        except ValueError:
            return  # filtered out: painted when shown again
        idx = self.index(row)
        self.dataChanged.emit(idx, idx, [Roles.Heat])

    # -- sorting and filtering -------------------------------------------------------------
    def _key(self, r: ResultRecord):
        return getattr(r, f"key_{self.sort_mode}")

    def _accepts(self, r: ResultRecord) -> bool:
        if self._only_errors and r.error is None:
            return False
        if self._only_not_sure and not self.is_not_sure(r):
            return False
        return not self._text or self._text in r.folded

    def _rebuild(self) -> None:
        self.beginResetModel()
        shown = [r for r in self._all if self._accepts(r)]
        key = attrgetter(f"key_{self.sort_mode}")
        if self.sort_mode != "added":
            shown.sort(key=key)
        self._rows, self._keys = shown, list(map(key, shown))
        self.endResetModel()

    def set_sort_mode(self, mode: str) -> None:
        self.sort_mode = mode if mode in self.SORTS else "added"
        self._rebuild()

    def set_filter_text(self, text: str) -> None:
        self._text = text.strip().casefold()
        self._rebuild()

    def set_only_not_sure(self, on: bool) -> None:
        self._only_not_sure = bool(on)
        self._rebuild()

    def set_only_errors(self, on: bool) -> None:
        self._only_errors = bool(on)
        self._rebuild()

    # -- our API ---------------------------------------------------------------------------
    def is_not_sure(self, r: ResultRecord) -> bool:
        return r.error is None and r.score < self.threshold

    def add_results(self, items: list[dict]) -> None:
        if not items:
            return
        new = []
        for d in items:
            r = ResultRecord(
                path=d["path"], predictions=list(d["predictions"]), error=d.get("error"),
                thumb=d.get("thumb"), expanded=self.expand_all, order=next(self._order),
                model=str(d.get("model", "")),
            )
            self._all.append(r)
            self._by_id[r.id] = r
            self._errors += r.error is not None
            self._not_sure += self.is_not_sure(r)
            if self._accepts(r):
                new.append(r)
        if new and self.sort_mode == "added":
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            self._rows.extend(new)
            self._keys.extend(r.order for r in new)
            self.endInsertRows()
        else:
            for r in new:
                key = self._key(r)
                pos = bisect.bisect_right(self._keys, key)
                self.beginInsertRows(QModelIndex(), pos, pos)
                self._rows.insert(pos, r)
                self._keys.insert(pos, key)
                self.endInsertRows()
        self.counts_changed.emit()

    def update_results(self, items: list[dict]) -> None:
        """Like :meth:`add_results`, but a picture that already has a card gets the new answer on
        that card (after a retrain) instead of a second card."""
        by_path: dict[str, list[ResultRecord]] = {}
        for r in self._all:
            by_path.setdefault(r.path, []).append(r)
        fresh = []
        changed = False
        for d in items:
            cards = by_path.get(d["path"])
            if not cards:
                fresh.append(d)
                continue
            for r in cards:
                was_unsure = self.is_not_sure(r)
                self._errors -= r.error is not None
                r.set_predictions(d["predictions"], d.get("error"), str(d.get("model", "")), d.get("thumb"))
                self._errors += r.error is not None
                self._not_sure += self.is_not_sure(r) - was_unsure
                if r.thumb is not None:
                    QPixmapCache.remove(f"rs-thumb-{r.id}")
            changed = True
        if changed:
            self._rebuild()  # labels and scores changed: sort and filter again
            self.counts_changed.emit()
        if fresh:
            self.add_results(fresh)

    def set_correction(self, record_id: int, *, corrected: str | None = None, path: str = "",
                       correcting: bool | None = None) -> None:
        """Record (and show) that a card's picture went, or is going, into a training folder."""
        r = self._by_id.get(record_id)
        if r is None:
            return
        if corrected is not None:
            r.corrected, r.corrected_path = corrected, path
        if correcting is not None:
            r.correcting = correcting
        try:
            row = self._rows.index(r)
        except ValueError:
            return
        idx = self.index(row)
        self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DisplayRole])

    def clear(self) -> None:
        # Cached thumbnails are keyed by record id and age out of QPixmapCache by themselves;
        # removing 10,000 keys one by one would stall the GUI for no gain.
        self.beginResetModel()
        self._all.clear()
        self._by_id.clear()
        self._rows.clear()
        self._keys.clear()
        self._errors = self._not_sure = 0
        self.endResetModel()
        self.counts_changed.emit()

    def records(self) -> list[ResultRecord]:
        """Every result, in the order they arrived (whatever the view shows)."""
        return list(self._all)

    def visible_records(self) -> list[ResultRecord]:
        return list(self._rows)

    def record(self, row: int) -> ResultRecord:
        return self._rows[row]

    def set_threshold(self, value: float) -> None:
        self.threshold = float(value)
        self._not_sure = sum(1 for r in self._all if self.is_not_sure(r))
        if self._only_not_sure:
            self._rebuild()
        elif self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [Roles.NotSure])
        self.counts_changed.emit()

    def set_expanded(self, row: int, expanded: bool) -> None:
        self._rows[row].expanded = expanded
        idx = self.index(row)
        self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.SizeHintRole])

    def set_expand_all(self, expanded: bool) -> None:
        self.expand_all = expanded
        if not self._all:
            return
        self.layoutAboutToBeChanged.emit()
        for r in self._all:
            r.expanded = expanded
        self.layoutChanged.emit()

    def counts(self) -> dict[str, int]:
        return {"total": len(self._all), "errors": self._errors, "not_sure": self._not_sure,
                "shown": len(self._rows)}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def status_colors(palette: QPalette) -> dict[str, QColor]:
    """Colours readable on both light and dark themes."""
    dark = is_dark(palette)
    return {
        "sure": palette.color(QPalette.ColorRole.Highlight),
        "unsure": QColor("#f0b429") if dark else QColor("#c77c02"),
        "error": QColor("#ff7b72") if dark else QColor("#c62828"),
        "track": QColor(255, 255, 255, 40) if dark else QColor(0, 0, 0, 28),
        "card": palette.color(QPalette.ColorRole.Base),
        "border": QColor(255, 255, 255, 38) if dark else QColor(0, 0, 0, 30),
        "muted": palette.color(QPalette.ColorRole.PlaceholderText),
        "ok": QColor(46, 160, 67, 70) if dark else QColor(46, 160, 67, 38),
        "ok_text": QColor("#7ee787") if dark else QColor("#1a7f37"),
    }


#: Longest time one repaint of the results list spends drawing card pictures that are not cached
#: yet (seconds). A card takes 2-8 ms to draw while photos decode; when the list's width changes
#: (its scroll bar appears, the window is resized) every visible card is drawn again, and seven at
#: once froze the window for 40 ms. Cards past the budget show their previous picture (or an empty
#: card) and are finished by the next repaint, right after.
RENDER_BUDGET_S = 0.010


class ResultCardDelegate(QStyledItemDelegate):
    """Paints one result card: thumbnail, top-1 label, confidence bar, top-5 when expanded."""

    THUMB = 64
    PAD = 8
    MARGIN = 4
    ROW_H = 22

    toggle_requested = Signal(QPersistentModelIndex)
    #: A card with "Show why" on is painted without its heat map yet: record id.
    heat_needed = Signal(int)
    #: The user clicked one of the top-k label rows of an expanded card while "Show why" is on.
    label_clicked = Signal(QPersistentModelIndex, int)
    #: The "Right" / "Wrong…" buttons of a card (shown when ``can_correct(record)``); Wrong also
    #: gives the button's rectangle in viewport coordinates (where to open the class menu).
    right_clicked = Signal(QPersistentModelIndex)
    wrong_clicked = Signal(QPersistentModelIndex, QRect)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.threshold_getter = lambda: 0.5
        self.show_why_getter = lambda: False
        self.opacity_getter = lambda: 0.5
        self.can_correct = lambda r: False
        self._last_key: dict[int, str] = {}  # record id -> key of its last drawn picture
        self._pass_open = False
        self._spent = 0.0
        self._drawn = 0
        self._deferred = False

    def _may_render(self) -> bool:
        """Whether this repaint may draw one more card picture (at least one always may)."""
        if not self._pass_open:
            # a repaint draws every visible card in one go: the pass ends when control is back
            # in the event loop
            self._pass_open, self._spent, self._drawn = True, 0.0, 0
            QTimer.singleShot(0, self._end_pass)
        return self._drawn == 0 or self._spent < RENDER_BUDGET_S

    def _end_pass(self) -> None:
        self._pass_open = False
        if self._deferred:
            self._deferred = False
            view = self.parent()
            if view is not None and hasattr(view, "viewport"):
                view.viewport().update()

    def _paint_stand_in(self, painter: QPainter, option: QStyleOptionViewItem, r: ResultRecord) -> None:
        """The card's previous picture (other width, other state) or an empty card, for one frame."""
        self._deferred = True
        old = self._last_key.get(r.id)
        pm = QPixmapCache.find(old) if old else None
        if pm is not None and not pm.isNull():
            painter.save()
            painter.setClipRect(option.rect)
            painter.drawPixmap(option.rect.topLeft(), pm)
            painter.restore()
            return
        colors = status_colors(option.palette)
        card = QRectF(option.rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colors["border"], 1))
        painter.setBrush(QColor(colors["card"]))
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.restore()

    @staticmethod
    def correction_texts() -> tuple[str, str]:
        return (QCoreApplication.translate("ResultCard", "✓ Right"),
                QCoreApplication.translate("ResultCard", "Wrong…"))

    def correction_rects(self, option_rect: QRect, option) -> tuple[QRect, QRect]:
        """Where a card's "Right" and "Wrong…" buttons are: bottom right, on the file-name line."""
        fm = QFontMetrics(option.font)
        right_text, wrong_text = self.correction_texts()
        h = fm.height() + 6
        collapsed, _ = self._heights(option)
        bottom = option_rect.top() + collapsed - self.MARGIN - self.PAD + 2
        x = option_rect.right() - self.MARGIN - self.PAD
        rects = []
        for text in (wrong_text, right_text):
            w = fm.horizontalAdvance(text) + 18
            rects.append(QRect(x - w, bottom - h, w, h))
            x -= w + 6
        return rects[1], rects[0]

    def label_row_rect(self, option_rect: QRect, option, rank: int) -> QRect:
        """Where the top-k row ``rank`` (0-based) of an expanded card sits."""
        collapsed, row_h = self._heights(option)
        left = option_rect.left() + self.MARGIN + self.PAD
        right = option_rect.right() - self.MARGIN - self.PAD
        top = option_rect.top() + collapsed - self.MARGIN + rank * row_h
        return QRect(left, top, right - left, row_h)

    def label_rank_at(self, option, r: ResultRecord, pos) -> int | None:
        if not (r.expanded and len(r.predictions) > 1):
            return None
        for rank in range(len(r.predictions)):
            if self.label_row_rect(option.rect, option, rank).contains(pos):
                return rank
        return None

    def _heights(self, option) -> tuple[int, int]:
        fm = QFontMetrics(option.font)
        collapsed = max(self.THUMB + 2 * self.PAD, fm.height() * 3 + 4 * self.PAD) + 2 * self.MARGIN
        return collapsed, self.ROW_H

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        r: ResultRecord = index.data(Roles.Record)
        collapsed, row_h = self._heights(option)
        h = collapsed
        if r is not None and r.expanded and len(r.predictions) > 1:
            h += row_h * len(r.predictions) + self.PAD
        view = self.parent()
        width = view.viewport().width() if hasattr(view, "viewport") else option.rect.width()
        return QSize(max(width, 200), h)

    def editorEvent(self, event, model, option, index) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            r = index.data(Roles.Record)
            if r is not None and not r.error and self.can_correct(r):
                right, wrong = self.correction_rects(option.rect, option)
                pos = event.position().toPoint()
                if right.contains(pos):
                    self.right_clicked.emit(QPersistentModelIndex(index))
                    return True
                if wrong.contains(pos):
                    self.wrong_clicked.emit(QPersistentModelIndex(index), wrong)
                    return True
            rank = self.label_rank_at(option, r, event.position().toPoint()) if r is not None and self.show_why_getter() else None
            if rank is not None:
                self.label_clicked.emit(QPersistentModelIndex(index), rank)
                return True
            self.toggle_requested.emit(QPersistentModelIndex(index))
            return False
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.toggle_requested.emit(QPersistentModelIndex(index))
            return True
        return super().editorEvent(event, model, option, index)

    @staticmethod
    def _pixmap(r: ResultRecord) -> QPixmap | None:
        if r.thumb is None or r.thumb.isNull():
            return None
        key = f"rs-thumb-{r.id}"
        pm = QPixmapCache.find(key)
        if pm is None or pm.isNull():
            pm = QPixmap.fromImage(r.thumb)
            QPixmapCache.insert(key, pm)
        return pm

    @staticmethod
    def _heat_pixmap(r: ResultRecord, image: QImage) -> QPixmap:
        key = f"rs-heat-{r.id}-{image.cacheKey()}"
        pm = QPixmapCache.find(key)
        if pm is None or pm.isNull():
            pm = QPixmap.fromImage(image)
            QPixmapCache.insert(key, pm)
        return pm

    def _card_key(self, r: ResultRecord, option: QStyleOptionViewItem, index) -> str:
        """Everything a card's picture depends on: the same key, the same pixels."""
        why = self.show_why_getter() and not r.error
        heat = index.data(Roles.Heat) if why else None
        state = option.state & (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver)
        parts = (
            r.id, r.error, tuple(r.predictions), r.expanded, r.explain_rank, r.corrected, r.correcting,
            r.thumb.cacheKey() if r.thumb is not None else 0, int(state.value),
            option.rect.width(), option.rect.height(), option.palette.cacheKey(), option.font.key(),
            self.threshold_getter(), why, self.opacity_getter() if why else 0.0,
            heat.cacheKey() if heat is not None and not heat.isNull() else 0,
            bool(self.can_correct(r)), self.correction_texts() if self.can_correct(r) else (),
        )
        return f"rs-card-{hash(parts)}"

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        """Each card is drawn once into a pixmap and then copied: PySide lets other threads take the
        GIL at each of the ~60 Qt calls a card needs, and while photos decode and the model runs,
        taking it back was what made repaints late (measured stalls of 60-100 ms)."""
        r: ResultRecord = index.data(Roles.Record)
        if r is None:
            return
        key = self._card_key(r, option, index)
        pm = QPixmapCache.find(key)
        if pm is None or pm.isNull():
            if not self._may_render():
                self._paint_stand_in(painter, option, r)
                return
            started = time.perf_counter()
            ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
            pm = QPixmap(option.rect.size() * ratio)
            pm.setDevicePixelRatio(ratio)
            pm.fill(Qt.GlobalColor.transparent)
            local = QStyleOptionViewItem(option)
            local.rect = QRect(0, 0, option.rect.width(), option.rect.height())
            card_painter = QPainter(pm)
            try:
                self._paint_card(card_painter, local, index, r)
            finally:
                card_painter.end()
            QPixmapCache.insert(key, pm)
            self._spent += time.perf_counter() - started
            self._drawn += 1
        if len(self._last_key) > 20_000:
            self._last_key.clear()  # only keys (strings); the pixmaps age out of QPixmapCache
        self._last_key[r.id] = key
        painter.drawPixmap(option.rect.topLeft(), pm)

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem, index, r: ResultRecord) -> None:
        pal = option.palette
        colors = status_colors(pal)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        border = pal.color(QPalette.ColorRole.Highlight) if selected else colors["border"]
        painter.setPen(QPen(border, 2 if selected else 1))
        fill = QColor(colors["card"])
        if hovered and not selected:
            fill = fill.darker(104) if not is_dark(pal) else fill.lighter(115)
        painter.setBrush(fill)
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)

        # thumbnail, centred in a square box with rounded corners
        box = QRect(int(card.left()) + self.PAD, int(card.top()) + self.PAD, self.THUMB, self.THUMB)
        clip = QPainterPath()
        clip.addRoundedRect(QRectF(box), 6, 6)
        painter.fillPath(clip, colors["track"])
        pm = self._pixmap(r)
        if pm is not None:
            scaled = QSize(pm.width(), pm.height()).scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(box.center())
            painter.save()
            painter.setClipPath(clip)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(target, pm)
            if self.show_why_getter() and not r.error:
                heat = index.data(Roles.Heat)
                if heat is not None and not heat.isNull():
                    painter.setOpacity(self.opacity_getter())
                    painter.drawPixmap(target, self._heat_pixmap(r, heat))
                else:
                    self.heat_needed.emit(r.id)
            painter.restore()
        elif r.error:
            painter.setPen(QPen(colors["error"], 2.5))
            c = box.center()
            painter.drawLine(c.x() - 10, c.y() - 10, c.x() + 10, c.y() + 10)
            painter.drawLine(c.x() - 10, c.y() + 10, c.x() + 10, c.y() - 10)

        text_x = box.right() + 12
        right = int(card.right()) - self.PAD
        chevron_w = 18 if (not r.error and len(r.predictions) > 1) else 0
        width = max(40, right - text_x - chevron_w)
        base = QFont(option.font)
        fm = QFontMetrics(base)
        title_font = QFont(base)
        title_font.setPointSizeF(base.pointSizeF() * 1.12 if base.pointSizeF() > 0 else 11)
        title_font.setBold(True)
        tfm = QFontMetrics(title_font)
        y = int(card.top()) + self.PAD
        text_color = pal.color(QPalette.ColorRole.Text)

        if r.error:
            painter.setFont(title_font)
            painter.setPen(text_color)
            painter.drawText(QRect(text_x, y, width, tfm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             tfm.elidedText(r.name, Qt.TextElideMode.ElideMiddle, width))
            y += tfm.height() + 4
            painter.setFont(base)
            painter.setPen(colors["error"])
            msg_rect = QRect(text_x, y, width, int(card.bottom()) - y - self.PAD // 2)
            painter.drawText(msg_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             QCoreApplication.translate("ResultCard", "Could not read this file: {reason}").format(
                                 reason=translate_engine_message(r.error)))
            painter.restore()
            return

        label, score, _ = r.predictions[0]
        unsure = score < self.threshold_getter()
        painter.setFont(title_font)
        painter.setPen(text_color)
        painter.drawText(QRect(text_x, y, width, tfm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         tfm.elidedText(label, Qt.TextElideMode.ElideRight, width))
        y += tfm.height() + 6

        # confidence bar + percentage (+ "not sure" badge)
        pct = f"{score * 100:.1f} %"
        pct_w = fm.horizontalAdvance("100.0 %") + 8
        badge = QCoreApplication.translate("ResultCard", "not sure") if unsure else ""
        badge_w = fm.horizontalAdvance(badge) + 14 if badge else 0
        bar_w = max(40, min(320, width - pct_w - badge_w - 8))
        bar = QRectF(text_x, y + fm.height() / 2 - 4, bar_w, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors["track"])
        painter.drawRoundedRect(bar, 4, 4)
        painter.setBrush(colors["unsure"] if unsure else colors["sure"])
        painter.drawRoundedRect(QRectF(bar.left(), bar.top(), max(8.0, bar_w * min(max(score, 0.0), 1.0)), 8), 4, 4)
        painter.setFont(base)
        painter.setPen(text_color)
        painter.drawText(QRect(int(bar.right()) + 8, y, pct_w, fm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, pct)
        if badge:
            bx = int(bar.right()) + 8 + pct_w
            brect = QRectF(bx, y + 1, badge_w - 4, fm.height() - 2)
            painter.setPen(QPen(colors["unsure"], 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(brect, brect.height() / 2, brect.height() / 2)
            painter.setPen(colors["unsure"])
            painter.drawText(brect, Qt.AlignmentFlag.AlignCenter, badge)
        y += fm.height() + 6

        # file name, muted; then the correction badge and buttons at the right
        name_w = width
        if self.can_correct(r):
            right_btn, wrong_btn = self.correction_rects(option.rect, option)
            name_w = max(40, right_btn.left() - 8 - text_x)
            badge_text = ""
            if r.correcting:
                badge_text = QCoreApplication.translate("ResultCard", "adding…")
            elif r.corrected:
                badge_text = QCoreApplication.translate("ResultCard", "added to {category}").format(category=r.corrected)
            if badge_text:
                bw = min(fm.horizontalAdvance(badge_text) + 16, max(40, name_w // 2))
                brect = QRectF(right_btn.left() - 8 - bw, y, bw, fm.height())
                name_w = max(40, int(brect.left()) - 8 - text_x)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colors["ok"])
                painter.drawRoundedRect(brect, brect.height() / 2, brect.height() / 2)
                painter.setPen(colors["ok_text"])
                painter.drawText(brect, Qt.AlignmentFlag.AlignCenter,
                                 fm.elidedText(badge_text, Qt.TextElideMode.ElideRight, bw - 10))
            for rect, text in zip((right_btn, wrong_btn), self.correction_texts()):
                painter.setPen(QPen(colors["border"].darker(160) if not is_dark(pal) else colors["muted"], 1))
                painter.setBrush(pal.color(QPalette.ColorRole.Button))
                painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
                painter.setPen(pal.color(QPalette.ColorRole.ButtonText))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(colors["muted"])
        painter.drawText(QRect(text_x, y, name_w, fm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(r.name, Qt.TextElideMode.ElideMiddle, name_w))

        if chevron_w:
            painter.setPen(QPen(colors["muted"], 1.6))
            cx, cy = right - 8, int(card.top()) + self.PAD + tfm.height() // 2 + 2
            if r.expanded:
                painter.drawPolyline([QRectF(cx - 5, cy - 2, 0, 0).topLeft(), QRectF(cx, cy + 3, 0, 0).topLeft(),
                                      QRectF(cx + 5, cy - 2, 0, 0).topLeft()])
            else:
                painter.drawPolyline([QRectF(cx - 2, cy - 5, 0, 0).topLeft(), QRectF(cx + 3, cy, 0, 0).topLeft(),
                                      QRectF(cx - 2, cy + 5, 0, 0).topLeft()])

        if r.expanded and len(r.predictions) > 1:
            collapsed, row_h = self._heights(option)
            y = option.rect.top() + collapsed - self.MARGIN
            lx = box.left()
            rank_w = fm.horizontalAdvance("5.") + 6
            label_w = max(80, min(340, (right - lx) // 2))
            mini_w = max(40, min(220, right - lx - rank_w - label_w - pct_w - 16))
            why = self.show_why_getter()
            for i, (lab, sc, _) in enumerate(r.predictions, 1):
                row = QRect(lx, y, right - lx, row_h)
                if why and i - 1 == r.explain_rank:
                    # the label the heat map explains; clicking another row picks that one
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(colors["track"])
                    painter.drawRoundedRect(QRectF(row).adjusted(-4, 1, 4, -1), 4, 4)
                painter.setPen(colors["muted"])
                painter.drawText(QRect(row.left(), row.top(), rank_w, row_h), Qt.AlignmentFlag.AlignVCenter, f"{i}.")
                painter.setPen(text_color)
                painter.drawText(QRect(row.left() + rank_w, row.top(), label_w, row_h), Qt.AlignmentFlag.AlignVCenter,
                                 fm.elidedText(lab, Qt.TextElideMode.ElideRight, label_w))
                mb = QRectF(row.left() + rank_w + label_w + 8, row.center().y() - 3, mini_w, 6)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colors["track"])
                painter.drawRoundedRect(mb, 3, 3)
                painter.setBrush(colors["sure"] if i == 1 and not unsure else colors["unsure"] if i == 1 else colors["muted"])
                painter.drawRoundedRect(QRectF(mb.left(), mb.top(), max(6.0, mini_w * min(max(sc, 0.0), 1.0)), 6), 3, 3)
                painter.setPen(text_color)
                painter.drawText(QRect(int(mb.right()) + 8, row.top(), pct_w, row_h), Qt.AlignmentFlag.AlignVCenter, f"{sc * 100:.1f} %")
                y += row_h
        painter.restore()
