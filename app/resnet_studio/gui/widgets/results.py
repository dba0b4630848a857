"""Classification results as a Qt model/view: thousands of cards stay smooth.

One :class:`ResultsModel` row per image (plain Python values plus a small ``QImage`` thumbnail),
sorting and filtering done in bulk in the model, and a :class:`ResultCardDelegate` that paints each
card. No widget per result: a view of 10,000 results paints only what is on screen, and
thumbnails become ``QPixmap``\\ s lazily through ``QPixmapCache``.

This module holds the delegate: how a card is painted, the cache of painted cards and the paint
budget (:data:`RENDER_BUDGET_S`, read here at paint time, so tests and the screenshots set it on
this module). The record is in :mod:`.results_record`, the model and its roles in
:mod:`.results_model`, the colours in :mod:`.results_colors`; their names are re-exported here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPersistentModelIndex, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPainterPath, QPalette, QPen, QPixmap, QPixmapCache
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..errors import translate_engine_message
from ..label_names import current_language, shown_label
# The record, the model and the colours live in their own modules now; re-exported for importers.
from .results_colors import is_dark, status_colors  # noqa: F401
from .results_record import ResultRecord, record_from_item  # noqa: F401
from .results_model import ResultsModel, Roles  # noqa: F401


#: Longest time one repaint of the results list spends drawing card pictures that are not cached
#: yet (seconds). A card takes 2-8 ms to draw while photos decode; when the list's width changes
#: (its scroll bar appears, the window is resized) every visible card is drawn again, and seven at
#: once froze the window for 40 ms. Cards past the budget show their previous picture (or an empty
#: card) and are finished by the next repaint, right after.
RENDER_BUDGET_S = 0.010


@dataclass
class _TextColumn:
    """Where a card's text goes, in which fonts and colour (worked out once per painted card)."""

    x: int  # left edge, right of the thumbnail
    right: int  # right edge of the card's content
    width: int  # room for a line of text (less the chevron's)
    chevron: bool  # whether the card has an expand/collapse arrow (more than one label)
    base: QFont
    fm: QFontMetrics
    title_font: QFont
    tfm: QFontMetrics
    color: QColor  # the palette's text colour
    pct_w: int  # width of a percentage ("100.0 %")


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
            bool(index.data(Roles.Stale)), current_language(),  # ImageNet names follow the language
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
        colors = status_colors(option.palette)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN))
        self._paint_frame(painter, option, card, colors)
        box = self._paint_thumbnail(painter, index, r, card, colors)
        text = self._text_column(option, r, card, box)
        y = int(card.top()) + self.PAD
        if r.error:
            self._paint_error(painter, text, r, card, y, colors)
        else:
            unsure = r.predictions[0][1] < self.threshold_getter()
            y = self._paint_top_label(painter, text, r, y, colors, unsure, bool(index.data(Roles.Stale)))
            self._paint_name_line(painter, option, text, r, y, colors)
            self._paint_chevron(painter, text, r, card, colors)
            if r.expanded and len(r.predictions) > 1:
                self._paint_top_k(painter, option, text, r, box, colors, unsure)
        painter.restore()

    def _paint_frame(self, painter: QPainter, option: QStyleOptionViewItem, card: QRectF, colors: dict) -> None:
        """The card's rounded background: a highlighted border when selected, tinted when hovered."""
        pal = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        border = pal.color(QPalette.ColorRole.Highlight) if selected else colors["border"]
        painter.setPen(QPen(border, 2 if selected else 1))
        fill = QColor(colors["card"])
        if hovered and not selected:
            fill = fill.darker(104) if not is_dark(pal) else fill.lighter(115)
        painter.setBrush(fill)
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)

    def _paint_thumbnail(self, painter: QPainter, index, r: ResultRecord, card: QRectF, colors: dict) -> QRect:
        """The thumbnail (with the "Show why" heat map over it, or a cross for a file that could not
        be read); returns the square box it sits in."""
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
        return box

    def _text_column(self, option: QStyleOptionViewItem, r: ResultRecord, card: QRectF, box: QRect) -> _TextColumn:
        text_x = box.right() + 12
        right = int(card.right()) - self.PAD
        chevron = not r.error and len(r.predictions) > 1
        width = max(40, right - text_x - (18 if chevron else 0))
        base = QFont(option.font)
        fm = QFontMetrics(base)
        title_font = QFont(base)
        title_font.setPointSizeF(base.pointSizeF() * 1.12 if base.pointSizeF() > 0 else 11)
        title_font.setBold(True)
        return _TextColumn(x=text_x, right=right, width=width, chevron=chevron, base=base, fm=fm,
                           title_font=title_font, tfm=QFontMetrics(title_font),
                           color=option.palette.color(QPalette.ColorRole.Text),
                           pct_w=fm.horizontalAdvance("100.0 %") + 8)

    def _paint_error(self, painter: QPainter, t: _TextColumn, r: ResultRecord, card: QRectF, y: int,
                     colors: dict) -> None:
        """A file that could not be read: its name, and why."""
        painter.setFont(t.title_font)
        painter.setPen(t.color)
        painter.drawText(QRect(t.x, y, t.width, t.tfm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         t.tfm.elidedText(r.name, Qt.TextElideMode.ElideMiddle, t.width))
        y += t.tfm.height() + 4
        painter.setFont(t.base)
        painter.setPen(colors["error"])
        msg_rect = QRect(t.x, y, t.width, int(card.bottom()) - y - self.PAD // 2)
        painter.drawText(msg_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         QCoreApplication.translate("ResultCard", "Could not read this file: {reason}").format(
                             reason=translate_engine_message(r.error)))

    def _paint_top_label(self, painter: QPainter, t: _TextColumn, r: ResultRecord, y: int, colors: dict,
                         unsure: bool, stale: bool = False) -> int:
        """The top-1 label, its confidence bar and percentage (and the "not sure" badge); returns
        the top of the next line. A ``stale`` answer (another model's) is greyed, with a badge
        saying so, so it never reads as the answer of the model in use."""
        label, score, _ = r.predictions[0]
        fm = t.fm
        text_color = colors["muted"] if stale else t.color
        painter.setFont(t.title_font)
        painter.setPen(text_color)
        painter.drawText(QRect(t.x, y, t.width, t.tfm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         t.tfm.elidedText(shown_label(label, r.model), Qt.TextElideMode.ElideRight, t.width))
        y += t.tfm.height() + 6

        # confidence bar + percentage (+ "not sure" badge)
        pct = f"{score * 100:.1f} %"
        pct_w = t.pct_w
        badge = QCoreApplication.translate("ResultCard", "not sure") if unsure else ""
        if stale:
            badge = QCoreApplication.translate("ResultCard", "earlier model")
        badge_w = fm.horizontalAdvance(badge) + 14 if badge else 0
        bar_w = max(40, min(320, t.width - pct_w - badge_w - 8))
        bar = QRectF(t.x, y + fm.height() / 2 - 4, bar_w, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors["track"])
        painter.drawRoundedRect(bar, 4, 4)
        painter.setBrush(colors["muted"] if stale else colors["unsure"] if unsure else colors["sure"])
        painter.drawRoundedRect(QRectF(bar.left(), bar.top(), max(8.0, bar_w * min(max(score, 0.0), 1.0)), 8), 4, 4)
        painter.setFont(t.base)
        painter.setPen(text_color)
        painter.drawText(QRect(int(bar.right()) + 8, y, pct_w, fm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, pct)
        if badge:
            bx = int(bar.right()) + 8 + pct_w
            brect = QRectF(bx, y + 1, badge_w - 4, fm.height() - 2)
            badge_color = colors["muted"] if stale else colors["unsure"]
            painter.setPen(QPen(badge_color, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(brect, brect.height() / 2, brect.height() / 2)
            painter.setPen(badge_color)
            painter.drawText(brect, Qt.AlignmentFlag.AlignCenter, badge)
        return y + fm.height() + 6

    def _paint_name_line(self, painter: QPainter, option: QStyleOptionViewItem, t: _TextColumn, r: ResultRecord,
                         y: int, colors: dict) -> None:
        """The file name, muted; then the correction badge and buttons at the right."""
        pal, fm, text_x = option.palette, t.fm, t.x
        name_w = t.width
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

    def _paint_chevron(self, painter: QPainter, t: _TextColumn, r: ResultRecord, card: QRectF, colors: dict) -> None:
        """The expand/collapse arrow of a card with more than one label."""
        if not t.chevron:
            return
        painter.setPen(QPen(colors["muted"], 1.6))
        cx, cy = t.right - 8, int(card.top()) + self.PAD + t.tfm.height() // 2 + 2
        if r.expanded:
            painter.drawPolyline([QRectF(cx - 5, cy - 2, 0, 0).topLeft(), QRectF(cx, cy + 3, 0, 0).topLeft(),
                                  QRectF(cx + 5, cy - 2, 0, 0).topLeft()])
        else:
            painter.drawPolyline([QRectF(cx - 2, cy - 5, 0, 0).topLeft(), QRectF(cx + 3, cy, 0, 0).topLeft(),
                                  QRectF(cx - 2, cy + 5, 0, 0).topLeft()])

    def _paint_top_k(self, painter: QPainter, option: QStyleOptionViewItem, t: _TextColumn, r: ResultRecord,
                     box: QRect, colors: dict, unsure: bool) -> None:
        """An expanded card's top-k rows: rank, label, small bar and percentage."""
        fm, right, pct_w, text_color = t.fm, t.right, t.pct_w, t.color
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
                             fm.elidedText(shown_label(lab, r.model), Qt.TextElideMode.ElideRight, label_w))
            mb = QRectF(row.left() + rank_w + label_w + 8, row.center().y() - 3, mini_w, 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors["track"])
            painter.drawRoundedRect(mb, 3, 3)
            painter.setBrush(colors["sure"] if i == 1 and not unsure else colors["unsure"] if i == 1 else colors["muted"])
            painter.drawRoundedRect(QRectF(mb.left(), mb.top(), max(6.0, mini_w * min(max(sc, 0.0), 1.0)), 6), 3, 3)
            painter.setPen(text_color)
            painter.drawText(QRect(int(mb.right()) + 8, row.top(), pct_w, row_h), Qt.AlignmentFlag.AlignVCenter, f"{sc * 100:.1f} %")
            y += row_h
