"""The results list's Qt model: every result of the session, and which of them the list shows.

:class:`ResultsModel` holds one :class:`~.results_record.ResultRecord` per image; sorting and
filtering are done in bulk here (see the class). :class:`Roles` are the data roles the card
delegate (:mod:`.results`) and the views read.
"""

from __future__ import annotations

import bisect
import itertools
from operator import attrgetter

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QImage, QPixmapCache

from ..label_names import label_with_english, shown_label
from .results_record import ResultRecord, record_from_item


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
    #: True when the row was made by another model than the one in use (see
    #: :meth:`ResultsModel.set_current_model`): shown as stale until its new answer arrives.
    Stale = Qt.ItemDataRole.UserRole + 8


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
        # The spec of the model in use (or being loaded): rows made by another one are stale.
        self.current_model = ""

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
        if role == Roles.Stale:
            return self.is_stale(r)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = f"{r.name}: {r.error}" if r.error else f"{r.name}: {shown_label(r.label, r.model)} {r.score:.0%}"
            if self.is_stale(r):
                text += " (" + QCoreApplication.translate("ResultCard", "earlier model") + ")"
            return text
        return None

    def _tooltip(self, r: ResultRecord) -> str:
        if r.error:
            lines = [r.path, r.error]
        else:
            # the English name beside a translated ImageNet one: what the CSV and the model call it
            lines = [r.path] + [f"{label_with_english(label, r.model)}: {score:.1%}" for label, score, _ in r.predictions]
        if r.corrected:
            lines.append(QCoreApplication.translate("ResultCard", "Added to “{category}” in the training folder").format(category=r.corrected))
        if self.is_stale(r):
            lines += ["", QCoreApplication.translate("ResultCard", "Made by {model}, an earlier model, not by the one in use now.").format(
                model=r.model_name or r.model)]
        if r.model_name:
            lines += ["", QCoreApplication.translate("ResultCard", "Model: {name}").format(name=r.model_name),
                      QCoreApplication.translate("ResultCard", "File: {file}").format(file=r.model_file),
                      QCoreApplication.translate("ResultCard", "Made with: {backend}").format(backend=r.backend)]
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

    def is_stale(self, r: ResultRecord) -> bool:
        """Whether ``r`` was made by another model than the one in use (or being loaded)."""
        return bool(self.current_model) and r.model != self.current_model

    def set_current_model(self, spec: str) -> None:
        """The model in use changed (or is loading): rows made by any other are stale from now on."""
        if spec == self.current_model:
            return
        self.current_model = str(spec)
        self._all_changed([Roles.Stale, Qt.ItemDataRole.ToolTipRole])
        self.counts_changed.emit()

    def stale_records(self) -> list[ResultRecord]:
        """The rows made by another model than the one in use, in the order they arrived."""
        return [r for r in self._all if self.is_stale(r)]

    def add_results(self, items: list[dict]) -> None:
        if not items:
            return
        new = []
        for d in items:
            r = record_from_item(d, expanded=self.expand_all, order=next(self._order))
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

    def update_results(self, items: list[dict], *, add_missing: bool = True) -> None:
        """Like :meth:`add_results`, but a picture that already has a card gets the new answer on
        that card (the model changed) instead of a second card; one with no card (cleared
        meanwhile) gets a new card only when ``add_missing``."""
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
                r.set_predictions(d["predictions"], d.get("error"), str(d.get("spec", "")), d.get("thumb"), d)
                self._errors += r.error is not None
                self._not_sure += self.is_not_sure(r) - was_unsure
                if r.thumb is not None:
                    QPixmapCache.remove(f"rs-thumb-{r.id}")
            changed = True
        if changed:
            self._rebuild()  # labels and scores changed: sort and filter again
            self.counts_changed.emit()
        if fresh and add_missing:
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
                "shown": len(self._rows), "stale": len(self.stale_records()) if self.current_model else 0}
