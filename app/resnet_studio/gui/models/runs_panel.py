"""The Models view's "Training runs" page: every past training run, listed from its small record
(read on a worker thread), compared two at a time, deleted and restored.

The record calls are in :mod:`..jobs.library`; the comparison window is imported when first
opened (its plotting library is slow to import). Mixed into :class:`~.view.ModelsView`; its texts
keep the ``ModelsView`` translation context.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..i18n import Translatable
from ..jobs import library as jobs
from ..widgets.icons import icon
from ..widgets.train_common import HintLabel, short_date
from ..workers import Task
from .roles import RUN_ROLE, RUNS_PAGE, SORT_ROLE

if TYPE_CHECKING:  # imported when first used: its plotting library is slow to import
    from ..widgets.compare_runs import CompareRunsDialog

translate = QCoreApplication.translate


class _RunItem(QTreeWidgetItem):
    """A row of the runs list that sorts by date and accuracy, not by their text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        col = self.treeWidget().sortColumn() if self.treeWidget() else 0
        a, b = self.data(col, SORT_ROLE), other.data(col, SORT_ROLE)
        if a is not None and b is not None and type(a) is type(b):
            return a < b
        return super().__lt__(other)


class RunsPanelMixin:
    """The runs page: building, listing, comparing, deleting and restoring runs."""

    def _build_runs_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.compare_button = QPushButton(icon("search"), "")
        self.compare_button.setObjectName("primaryButton")
        self.compare_button.clicked.connect(lambda: self.compare_selected())
        self.delete_run_button = QPushButton(icon("delete"), "")
        self.delete_run_button.clicked.connect(lambda: self.delete_selected_runs())
        self.runs_hint = HintLabel()
        bar.addWidget(self.compare_button)
        bar.addWidget(self.delete_run_button)
        bar.addWidget(self.runs_hint, 1)
        lay.addLayout(bar)
        self.runs_tree = QTreeWidget()
        self.runs_tree.setObjectName("runsTree")
        self.runs_tree.setColumnCount(6)
        self.runs_tree.setRootIsDecorated(False)
        self.runs_tree.setUniformRowHeights(True)
        self.runs_tree.setAlternatingRowColors(True)
        self.runs_tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.runs_tree.setSortingEnabled(True)
        self.runs_tree.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        header = self.runs_tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.runs_tree.itemSelectionChanged.connect(self._update_run_actions)
        self.runs_tree.itemDoubleClicked.connect(lambda *_: self.compare_selected())
        lay.addWidget(self.runs_tree, 1)
        return page

    def _retranslate_runs(self) -> None:
        self.runs_tree.setHeaderLabels([
            translate("ModelsView", "Name"), translate("ModelsView", "Date"), translate("ModelsView", "Pictures from"),
            translate("ModelsView", "What learned"), translate("ModelsView", "Validation accuracy"),
            translate("ModelsView", "Status")])
        self.compare_button.setText(translate("ModelsView", "Compare"))
        self.compare_button.setToolTip(translate(
            "ModelsView", "Show the curves and settings of the two selected runs side by side"))
        self.delete_run_button.setText(translate("ModelsView", "Delete run"))
        self.delete_run_button.setToolTip(translate(
            "ModelsView", "Forget the selected runs (their models are kept); you can undo it"))

    def _on_runs_page(self) -> bool:
        return hasattr(self, "sections") and self.sections.currentIndex() == RUNS_PAGE

    def _on_section_changed(self, index: int) -> None:
        if index == RUNS_PAGE:
            self.refresh_runs()
        self._update_actions()
        self._update_run_actions()

    def showEvent(self, event) -> None:  # noqa: N802 - a run may have ended while hidden
        super().showEvent(event)
        if self._populated and self._on_runs_page():
            self.refresh_runs()

    def refresh_runs(self) -> None:
        """Re-read the run records on a worker thread; ``runs_listed`` when the list is filled."""
        if self._runs_task is not None:
            self._runs_again = True
            return
        task = Task(jobs.list_runs, name="list-runs", background=True)
        task.succeeded.connect(self._on_runs_listed)
        task.failed.connect(lambda m, d: self.runs_hint.setText(m))
        task.finished.connect(self._on_runs_task_finished)
        self._runs_task = task
        task.start()

    def _on_runs_listed(self, records: list) -> None:
        self._runs = {r["run_id"]: r for r in records}
        self._runs_loaded = True
        self._fill_runs()
        self.runs_listed.emit()

    def _on_runs_task_finished(self) -> None:
        self._runs_task = None
        if self._runs_again:
            self._runs_again = False
            self.refresh_runs()

    def run_ids(self) -> list[str]:
        """The listed runs, in the order shown."""
        return [self.runs_tree.topLevelItem(i).data(0, RUN_ROLE) for i in range(self.runs_tree.topLevelItemCount())
                if self.runs_tree.topLevelItem(i).data(0, RUN_ROLE)]

    def selected_run_ids(self) -> list[str]:
        if not hasattr(self, "runs_tree"):
            return []
        return [it.data(0, RUN_ROLE) for it in self.runs_tree.selectedItems() if it.data(0, RUN_ROLE)]

    def select_runs(self, run_ids: list[str]) -> None:
        wanted = set(run_ids)
        self.runs_tree.clearSelection()
        for i in range(self.runs_tree.topLevelItemCount()):
            item = self.runs_tree.topLevelItem(i)
            if item.data(0, RUN_ROLE) in wanted:
                item.setSelected(True)

    def _fill_runs(self) -> None:
        if not hasattr(self, "runs_tree"):
            return
        selected = set(self.selected_run_ids())
        self.runs_tree.setSortingEnabled(False)
        self.runs_tree.clear()
        modes = {"head": translate("ModelsView", "last layer"), "finetune": translate("ModelsView", "last block"),
                 "full": translate("ModelsView", "whole network")}
        for run_id, r in self._runs.items():
            item = _RunItem(self.runs_tree)
            item.setData(0, RUN_ROLE, run_id)
            item.setText(0, str(r.get("name") or run_id))
            item.setIcon(0, icon("train"))
            item.setToolTip(0, translate("ModelsView", "Model file: {path}").format(
                path=r.get("model_path") or translate("ModelsView", "none")))
            started = str(r.get("started", ""))
            item.setText(1, short_date(started))
            item.setData(1, SORT_ROLE, started)
            data_dir = str(r.get("data_dir", ""))
            item.setText(2, os.path.basename(data_dir.rstrip("/\\")) or data_dir)
            item.setToolTip(2, data_dir)
            settings = r.get("settings") or {}
            item.setText(3, modes.get(settings.get("mode"), str(settings.get("mode", ""))))
            acc = (r.get("metrics") or {}).get("val_accuracy")
            if isinstance(acc, (int, float)):
                item.setText(4, f"{float(acc):.1%}")
                item.setData(4, SORT_ROLE, float(acc))
            else:
                item.setText(4, "—")
                item.setData(4, SORT_ROLE, -1.0)
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if r.get("cancelled"):
                item.setText(5, translate("ModelsView", "stopped early"))
                item.setIcon(5, icon("warning"))
            else:
                item.setText(5, translate("ModelsView", "finished"))
            item.setSelected(run_id in selected)
        if not self._runs:
            item = QTreeWidgetItem(self.runs_tree)
            item.setText(0, translate("ModelsView", "No runs yet: every training in the Train tab is kept here")
                         if self._runs_loaded else translate("ModelsView", "Reading…"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.runs_tree.setSortingEnabled(True)
        self._update_run_actions()

    def _update_run_actions(self) -> None:
        if not hasattr(self, "runs_tree"):
            return
        n = len(self.selected_run_ids())
        self.compare_button.setEnabled(n in (1, 2))
        self.delete_run_button.setEnabled(n > 0)
        if self._on_runs_page():
            self.delete_action.setEnabled(n > 0)
        if n == 2:
            self.runs_hint.setText(translate("ModelsView", "Press Compare to see these two runs side by side."))
        elif n == 1:
            self.runs_hint.setText(translate("ModelsView", "Select a second run (Ctrl+click) to compare the two."))
        else:
            self.runs_hint.setText(translate(
                "ModelsView", "Select two runs (Ctrl+click) to compare their curves and settings."))

    def compare_selected(self) -> CompareRunsDialog | None:
        """Open (or update) the comparison window with the one or two selected runs."""
        ids = self.selected_run_ids()
        if not 1 <= len(ids) <= 2:
            return None
        # oldest first, so A is the earlier run and B the one being tried
        records = sorted((self._runs[i] for i in ids if i in self._runs), key=lambda r: str(r.get("started", "")))
        if self.compare_dialog is None:
            # imported here: its plotting library takes ~0.5 s to import, not before the first paint
            from ..widgets.compare_runs import CompareRunsDialog

            self.compare_dialog = CompareRunsDialog(self)
        self.compare_dialog.set_runs(records)
        self.compare_dialog.show()
        self.compare_dialog.raise_()
        return self.compare_dialog

    def delete_selected_runs(self) -> None:
        ids = self.selected_run_ids()
        if not ids:
            return
        deleted: list[dict] = []
        for run_id in ids:
            try:
                jobs.delete_run(run_id)
            except Exception as exc:  # noqa: BLE001 - shown to the user; the others go on
                from ..errors import show_exception

                show_exception(self, exc)
                continue
            deleted.append(self._runs.pop(run_id, {}))
        if not deleted:
            return
        self._undo.append([d for d in deleted if d])
        self._fill_runs()
        if len(deleted) == 1:
            text = Translatable.translate("ModelsView", "The run “{name}” was deleted.").format(
                name=deleted[0].get("name", ""))
        else:
            text = Translatable.translate("ModelsView", "{n} runs were deleted.").format(n=len(deleted))  # n > 1
        self.banner.show_message("undo", text, [("undo", Translatable.translate("ModelsView", "Undo"))], kind="info")
        self._update_actions()

    def _restore_runs(self, records: list[dict]) -> None:
        for d in records:
            try:
                jobs.restore_run(d)
            except Exception as exc:  # noqa: BLE001
                from ..errors import show_exception

                show_exception(self, exc)
                continue
            self._runs[d["run_id"]] = d
        self.banner.hide()
        self._fill_runs()
        self.select_runs([d["run_id"] for d in records])
        self.status_message.emit(translate("ModelsView", "Run restored.") if len(records) == 1
                                 else translate("ModelsView", "Runs restored."), 3000)
        self._update_actions()
