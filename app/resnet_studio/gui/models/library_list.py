"""The Models view's list (left): the ImageNet zoo and the user's trained models.

Listing reads model-file headers only (``engine.library`` through :mod:`..jobs.library`, no
torch); whether the zoo weights are on this computer comes from a background ``weights_status``
task once the engine is ready. Mixed into :class:`~.view.ModelsView`, whose widgets it builds and
fills; its texts keep the ``ModelsView`` translation context.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QMenu, QToolButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from ..jobs import library as jobs
from ..widgets.icons import icon
from ..widgets.model_picker import zoo_description
from ..workers import Task, weights_status
from .roles import KIND_ROLE, SPEC_ROLE

translate = QCoreApplication.translate


class ModelListMixin:
    """The zoo and trained-model tree: building, filling, selection and its context menu."""

    def _build_model_list(self) -> QWidget:
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.import_button = QToolButton()
        self.import_button.setDefaultAction(self.import_action)
        self.import_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.import_button.setAutoRaise(True)
        bar.addWidget(self.import_button)
        bar.addStretch(1)
        ll.addLayout(bar)
        self.tree = QTreeWidget()
        self.tree.setObjectName("modelsTree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected())
        self.tree.itemDoubleClicked.connect(lambda *_: self._use_selected())
        self.zoo_group = QTreeWidgetItem(self.tree)
        self.trained_group = QTreeWidgetItem(self.tree)
        for g in (self.zoo_group, self.trained_group):
            g.setFlags(Qt.ItemFlag.ItemIsEnabled)
            f = QFont(self.font())
            f.setBold(True)
            g.setFont(0, f)
            g.setExpanded(True)
        self.tree.setMinimumWidth(260)
        ll.addWidget(self.tree, 1)
        return left

    def _retranslate_model_list(self) -> None:
        self.zoo_group.setText(0, translate("ModelsView", "ImageNet models"))
        self.zoo_group.setText(1, translate("ModelsView", "1000 categories"))
        self.trained_group.setText(0, translate("ModelsView", "Your models"))
        self.tree.setHeaderLabels([translate("ModelsView", "Name"), translate("ModelsView", "Details")])

    def refresh(self) -> None:
        """Re-read the library folder (headers only) and keep the selection when possible."""
        library = getattr(self, "library", None)
        if library is not None:
            library.reload()  # its `changed` lists them here and in every other view
        else:
            self.show_models(jobs.list_models())

    def set_library(self, library) -> None:
        """Share the app's :class:`~..jobs.library_watch.LibraryWatch`: list what it reads, and
        have every rename, delete, undo and import re-read it for all views."""
        self.library = library
        library.changed.connect(self.show_models)

    def show_models(self, entries: list) -> None:
        """List ``entries`` (``library.list_models()``, read by the caller, e.g. on a worker
        thread), keep the selection when possible, and re-read the training runs."""
        current = self.selected_spec()
        self._populated = True
        self._entries = {str(e.path): e for e in entries}
        self._fill_zoo()
        self._summaries = {k: v for k, v in self._summaries.items() if k in self._entries or not os.path.sep in k}
        self._fill_trained()
        if current:
            self.select_spec(current)
        self._update_actions()
        self.refresh_runs()

    def set_engine_ready(self, ready: bool) -> None:
        self._engine_ready = ready
        if ready:
            task = Task(weights_status, name="weights-status", background=True)
            task.succeeded.connect(self._on_weights_status)
            task.start()

    def _on_weights_status(self, rows: list) -> None:
        self._available = {r["name"]: bool(r["available"]) for r in rows}
        self._fill_zoo()
        self._show_selected()

    def _fill_zoo(self) -> None:
        if not self._populated:
            return
        from ...engine.zoo import ZOO

        current = self.selected_spec()
        self.zoo_group.takeChildren()
        for name, info in ZOO.items():
            item = QTreeWidgetItem(self.zoo_group)
            item.setText(0, info.display_name)
            avail = self._available.get(name)
            item.setText(1, "" if avail is None else (translate("ModelsView", "on this computer") if avail
                                                      else translate("ModelsView", "not downloaded")))
            item.setToolTip(0, zoo_description(info.description))
            item.setIcon(0, icon("models"))
            item.setData(0, SPEC_ROLE, name)
            item.setData(0, KIND_ROLE, "zoo")
        if current:
            self.select_spec(current)

    def _fill_trained(self) -> None:
        current = self.selected_spec()
        self.trained_group.takeChildren()
        for path, e in self._entries.items():
            item = QTreeWidgetItem(self.trained_group)
            item.setText(0, e.name)
            item.setData(0, SPEC_ROLE, path)
            if e.ok:
                acc = e.info.metrics.get("val_accuracy") if isinstance(e.info.metrics, dict) else None
                detail = translate("ModelsView", "{n} categories").format(n=e.info.num_classes)
                if isinstance(acc, (int, float)):
                    detail += " · " + translate("ModelsView", "{acc:.0%} accurate").format(acc=float(acc))
                item.setText(1, detail)
                item.setIcon(0, icon("train"))
                item.setData(0, KIND_ROLE, "trained")
                item.setToolTip(0, path)
            else:
                item.setText(1, translate("ModelsView", "damaged"))
                item.setIcon(0, icon("warning"))
                item.setData(0, KIND_ROLE, "broken")
                item.setToolTip(0, f"{path}\n{e.error}")
        if not self._entries:
            item = QTreeWidgetItem(self.trained_group)
            item.setText(0, translate("ModelsView", "None yet: teach one in the Train tab"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setFirstColumnSpanned(True)  # a sentence, not a name: the Name column cut it short
        self.trained_group.setExpanded(True)
        self.zoo_group.setExpanded(True)
        if current:
            self.select_spec(current)

    def trained_names(self) -> list[str]:
        return [e.name for e in self._entries.values()]

    def _items(self):
        for g in (self.zoo_group, self.trained_group):
            for i in range(g.childCount()):
                yield g.child(i)

    def select_spec(self, spec: str) -> bool:
        for item in self._items():
            if item.data(0, SPEC_ROLE) == spec:
                self.tree.setCurrentItem(item)
                return True
        return False

    def selected_spec(self) -> str:
        item = self.tree.currentItem() if hasattr(self, "tree") else None
        return (item.data(0, SPEC_ROLE) or "") if item is not None else ""

    def _selected_kind(self) -> str:
        item = self.tree.currentItem()
        return (item.data(0, KIND_ROLE) or "") if item is not None else ""

    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        if item is None or not item.data(0, SPEC_ROLE):
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(self.use_action)
        if self._selected_kind() in ("trained", "broken"):
            menu.addAction(self.rename_action)
            menu.addAction(self.delete_action)
            menu.addSeparator()
            if self._selected_kind() == "trained":
                menu.addAction(self.share_action)
            menu.addAction(self.show_in_folder_action)
        elif self._available.get(self.selected_spec()) is False:
            menu.addAction(self.download_action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
