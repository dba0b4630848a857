"""The Models view: the ImageNet zoo and the user's trained models, with an architecture summary.

Listing reads model-file headers only (engine/library.py, no torch). Summaries, imports, renames
and exports run as :class:`~.workers.Task` jobs on worker threads.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QFont, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
    QListWidget, QMenu, QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
    QTabWidget, QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from .errors import show_error
from .settings import Settings
from .widgets.banner import Banner
from .widgets.icons import icon
from .widgets.model_picker import zoo_description
from .workers import Task, download_weights, weights_status

SPEC_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "zoo" | "trained" | "broken"


def _library():
    # Imported on first use, after the window is on screen (it pulls in numpy and Pillow).
    from ..engine import library

    return library


def _summarize(spec: str):
    from ..engine.summary import summarize

    return summarize(spec)


def _export(model_path: str, fmt: str, out_path: str) -> str:
    from ..engine.export import export_model

    return str(export_model(model_path, fmt, out_path))


def _millions(n: int) -> str:
    return f"{n / 1e6:.1f} M" if n >= 100_000 else f"{n:,}"


class ModelsView(QWidget):
    status_message = Signal(str, int)
    use_model_requested = Signal(str)
    library_changed = Signal()
    summary_ready = Signal(str)  # spec whose summary is now shown (tests, screenshots)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelsView")
        self.settings = settings
        self.setMinimumSize(560, 420)
        self._available: dict[str, bool] = {}
        self._entries: dict = {}  # path → engine.library.LibraryEntry
        self._summaries: dict[str, object] = {}
        self._summary_task: Task | None = None
        self._undo: list = []  # engine.library.TrashTicket, newest last
        self._populated = False  # the zoo list is filled by refresh(), after the first paint
        self._engine_ready = False
        self._build()
        self.retranslate_ui()

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 8)
        self.banner = Banner()
        self.banner.action.connect(self._on_banner)
        root.addWidget(self.banner)
        split = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(split, 1)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.import_action = QAction(icon("import"), "", self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(lambda: self.import_model())
        self.rename_action = QAction(icon("rename"), "", self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rename_action.triggered.connect(lambda: self.rename_selected())
        self.delete_action = QAction(icon("delete"), "", self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(lambda: self.delete_selected())
        self.undo_action = QAction(icon("undo"), "", self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_delete)
        self.use_action = QAction(icon("use"), "", self)
        self.use_action.triggered.connect(self._use_selected)
        self.download_action = QAction(icon("download"), "", self)
        self.download_action.triggered.connect(self._download_selected)
        self.addAction(self.rename_action)
        self.addAction(self.delete_action)

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
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(12, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("modelTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("modelSubtitle")
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rl.addWidget(self.title)
        rl.addWidget(self.subtitle)
        actions = QHBoxLayout()
        self.use_button = QPushButton()
        self.use_button.setObjectName("primaryButton")
        self.use_button.setIcon(icon("use"))
        self.use_button.clicked.connect(self._use_selected)
        self.download_button = QPushButton(icon("download"), "")
        self.download_button.clicked.connect(self._download_selected)
        self.rename_button = QPushButton(icon("rename"), "")
        self.rename_button.clicked.connect(lambda: self.rename_selected())
        self.delete_button = QPushButton(icon("delete"), "")
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.export_button = QPushButton(icon("export"), "")
        self.export_menu = QMenu(self)
        self.export_onnx = self.export_menu.addAction("", lambda: self.export_selected("onnx"))
        self.export_ts = self.export_menu.addAction("", lambda: self.export_selected("torchscript"))
        self.export_button.setMenu(self.export_menu)
        for b in (self.use_button, self.download_button, self.rename_button, self.delete_button, self.export_button):
            actions.addWidget(b)
        actions.addStretch(1)
        rl.addLayout(actions)

        self.details = QTabWidget()
        self.details.setObjectName("modelDetails")
        overview = QWidget()
        self.form = QFormLayout(overview)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("arch", "input", "classes", "params", "weights", "accuracy", "created", "dataset", "training"):
            k, v = QLabel(), QLabel()
            v.setWordWrap(True)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(k, v)
            self.form_labels[key] = (k, v)
        self.stage_table = QTableWidget(0, 5)
        self.stage_table.setObjectName("stageTable")
        self.stage_table.verticalHeader().setVisible(False)
        self.stage_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stage_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.layers = QPlainTextEdit()
        self.layers.setObjectName("layerTree")
        self.layers.setReadOnly(True)
        self.layers.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.layers.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.classes_list = QListWidget()
        self.classes_list.setObjectName("classesList")
        self.metrics_table = QTableWidget(0, 4)
        self.metrics_table.setObjectName("metricsTable")
        self.metrics_table.verticalHeader().setVisible(False)
        self.metrics_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.metrics_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.details.addTab(overview, "")
        self.details.addTab(self.stage_table, "")
        self.details.addTab(self.layers, "")
        self.details.addTab(self.classes_list, "")
        self.details.addTab(self.metrics_table, "")
        rl.addWidget(self.details, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([320, 560])

    def retranslate_ui(self) -> None:
        self.zoo_group.setText(0, self.tr("ImageNet models"))
        self.zoo_group.setText(1, self.tr("1000 categories"))
        self.trained_group.setText(0, self.tr("Your models"))
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Details")])
        self.import_action.setText(self.tr("Import model…"))
        self.import_action.setToolTip(self.tr("Add a model file (.safetensors, or a torchvision .pth) to your models (Ctrl+I)"))
        self.rename_action.setText(self.tr("Rename…"))
        self.delete_action.setText(self.tr("Delete"))
        self.undo_action.setText(self.tr("Undo delete"))
        self.undo_action.setToolTip(self.tr("Bring back the model you deleted last (Ctrl+Z)"))
        self.use_action.setText(self.tr("Use in Classify"))
        self.download_action.setText(self.tr("Download weights"))
        self.use_button.setText(self.tr("Use in Classify"))
        self.use_button.setToolTip(self.tr("Classify photos with this model"))
        self.download_button.setText(self.tr("Download weights"))
        self.download_button.setToolTip(self.tr("Download the ImageNet weights of this model (internet needed)"))
        self.rename_button.setText(self.tr("Rename…"))
        self.rename_button.setToolTip(self.tr("Give this model a new name (F2)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete this model; you can undo it (Del, then Ctrl+Z)"))
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Save this model in a format other programs can use"))
        self.export_onnx.setText(self.tr("ONNX (.onnx)…"))
        self.export_ts.setText(self.tr("TorchScript (.pt)…"))
        for i, text in enumerate((self.tr("Overview"), self.tr("Parameters per stage"), self.tr("Layers"),
                                  self.tr("Categories"), self.tr("Metrics"))):
            self.details.setTabText(i, text)
        names = {"arch": self.tr("Architecture:"), "input": self.tr("Input size:"), "classes": self.tr("Categories:"),
                 "params": self.tr("Parameters:"), "weights": self.tr("Weights:"),
                 "accuracy": self.tr("Validation accuracy:"), "created": self.tr("Created:"),
                 "dataset": self.tr("Trained on:"), "training": self.tr("Training:")}
        for key, (k, _v) in self.form_labels.items():
            k.setText(names[key])
        self.stage_table.setHorizontalHeaderLabels([self.tr("Stage"), self.tr("Blocks"), self.tr("Output channels"),
                                                    self.tr("Parameters"), self.tr("Share")])
        self.metrics_table.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Precision"), self.tr("Recall"),
                                                      self.tr("Images")])
        self.banner.set_close_tooltip(self.tr("Hide this message"))
        self._fill_zoo()
        self._fill_trained()
        self._show_selected()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- listing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the library folder (headers only) and keep the selection when possible."""
        current = self.selected_spec()
        self._populated = True
        self._entries = {str(e.path): e for e in _library().list_models()}
        self._fill_zoo()
        self._summaries = {k: v for k, v in self._summaries.items() if k in self._entries or not os.path.sep in k}
        self._fill_trained()
        if current:
            self.select_spec(current)
        self._update_actions()

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
        from ..engine.zoo import ZOO

        current = self.selected_spec()
        self.zoo_group.takeChildren()
        for name, info in ZOO.items():
            item = QTreeWidgetItem(self.zoo_group)
            item.setText(0, info.display_name)
            avail = self._available.get(name)
            item.setText(1, "" if avail is None else (self.tr("on this computer") if avail else self.tr("not downloaded")))
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
                detail = self.tr("{n} categories").format(n=e.info.num_classes)
                if isinstance(acc, (int, float)):
                    detail += " · " + self.tr("{acc:.0%} accurate").format(acc=float(acc))
                item.setText(1, detail)
                item.setIcon(0, icon("train"))
                item.setData(0, KIND_ROLE, "trained")
                item.setToolTip(0, path)
            else:
                item.setText(1, self.tr("damaged"))
                item.setIcon(0, icon("warning"))
                item.setData(0, KIND_ROLE, "broken")
                item.setToolTip(0, f"{path}\n{e.error}")
        if not self._entries:
            item = QTreeWidgetItem(self.trained_group)
            item.setText(0, self.tr("None yet: teach one in the Train tab"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
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

    # -- details ---------------------------------------------------------------------------
    def _set_field(self, key: str, text: str | None) -> None:
        k, v = self.form_labels[key]
        v.setText(text or "")
        k.setVisible(bool(text))
        v.setVisible(bool(text))

    def _show_selected(self) -> None:
        self._update_actions()
        spec, kind = self.selected_spec(), self._selected_kind()
        for key in self.form_labels:
            self._set_field(key, None)
        self.stage_table.setRowCount(0)
        self.metrics_table.setRowCount(0)
        self.classes_list.clear()
        self.layers.clear()
        if not spec:
            self.title.setText(self.tr("Choose a model on the left"))
            self.subtitle.setText(self.tr("ImageNet models recognise 1000 everyday categories; your own models "
                                          "recognise what you taught them."))
            return
        if kind == "zoo":
            from ..engine.zoo import ZOO

            info = ZOO[spec]
            self.title.setText(info.display_name)
            self.subtitle.setText(zoo_description(info.description))
            self._set_field("arch", self.tr("{block} blocks, stages of {layers}").format(
                block=info.block, layers=" / ".join(map(str, info.layers))))
            avail = self._available.get(spec)
            if avail is not None:
                self._set_field("weights", self.tr("on this computer") if avail else self.tr("not downloaded yet"))
        else:
            e = self._entries.get(spec)
            self.title.setText(e.name if e else os.path.basename(spec))
            self.subtitle.setText(spec)
            if e is None or not e.ok:
                self._set_field("weights", e.error if e else "")
                return
            info = e.info
            m = info.metrics if isinstance(info.metrics, dict) else {}
            acc = m.get("val_accuracy")
            if isinstance(acc, (int, float)):
                self._set_field("accuracy", f"{float(acc):.1%}")
            self._set_field("created", info.created.replace("T", " "))
            self._set_field("dataset", info.dataset_dir)
            t = info.training if isinstance(info.training, dict) else {}
            bits = [f"{k}: {t[k]}" for k in ("mode", "epochs", "batch_size", "lr", "image_size") if k in t]
            self._set_field("training", ", ".join(bits))
            self._fill_metrics(m.get("per_class") or [])
        self._request_summary(spec)

    def _fill_metrics(self, per_class: list) -> None:
        self.metrics_table.setRowCount(len(per_class))
        for row, d in enumerate(per_class):
            vals = [str(d.get("name", "")), d.get("precision"), d.get("recall"), d.get("support")]
            for col, v in enumerate(vals):
                text = f"{v:.1%}" if isinstance(v, float) else str(v if v is not None else "")
                it = QTableWidgetItem(text)
                if col:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.metrics_table.setItem(row, col, it)

    def _request_summary(self, spec: str) -> None:
        if spec in self._summaries:
            self._apply_summary(spec, self._summaries[spec])
            return
        self._set_field("params", self.tr("working…"))
        task = Task(_summarize, spec, name="summary", background=True)
        task.succeeded.connect(lambda s, spec=spec: self._on_summary(spec, s))
        task.failed.connect(lambda m, d, spec=spec: self._on_summary_failed(spec, m))
        task.start()

    def _on_summary(self, spec: str, summary) -> None:
        self._summaries[spec] = summary
        if self.selected_spec() == spec:
            self._apply_summary(spec, summary)

    def _on_summary_failed(self, spec: str, message: str) -> None:
        if self.selected_spec() == spec:
            self._set_field("params", message)

    def _apply_summary(self, spec: str, s) -> None:
        self._set_field("input", self.tr("{crop} × {crop} pixels (photos are resized to {resize} first)").format(
            crop=s.input_size, resize=s.resize_size))
        preview = ", ".join(s.classes[:6]) + ("…" if len(s.classes) > 6 else "")
        self._set_field("classes", f"{len(s.classes)} — {preview}")
        self._set_field("params", self.tr("{total} in total").format(total=_millions(s.total_params)))
        if self._selected_kind() != "zoo":
            self._set_field("arch", s.display_name + (self.tr(" (small-image stem)") if s.small_input else ""))
        stage_names = {"stem": self.tr("stem (conv1 + bn1)"), "fc": self.tr("classifier (fc)")}
        self.stage_table.setRowCount(len(s.stages))
        for row, st in enumerate(s.stages):
            share = st.params / s.total_params if s.total_params else 0.0
            vals = [stage_names.get(st.name, st.name), str(st.blocks or "—"), str(st.output_channels),
                    f"{st.params:,}", f"{share:.1%}"]
            for col, v in enumerate(vals):
                it = QTableWidgetItem(v)
                if col:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.stage_table.setItem(row, col, it)
        self.layers.setPlainText(s.layer_tree)
        self.classes_list.clear()
        self.classes_list.addItems(s.classes)
        self.summary_ready.emit(spec)

    def _update_actions(self) -> None:
        kind = self._selected_kind() if hasattr(self, "tree") else ""
        spec = self.selected_spec() if hasattr(self, "tree") else ""
        missing = kind == "zoo" and self._available.get(spec) is False
        for w in (self.rename_action, self.rename_button, self.delete_action, self.delete_button):
            w.setEnabled(kind in ("trained", "broken"))
        self.export_button.setEnabled(kind == "trained")
        self.use_button.setEnabled(kind in ("zoo", "trained"))
        self.use_action.setEnabled(kind in ("zoo", "trained"))
        self.download_button.setVisible(missing)
        self.download_action.setEnabled(missing)
        self.undo_action.setEnabled(bool(self._undo))

    # -- actions ---------------------------------------------------------------------------
    def _use_selected(self) -> None:
        if self._selected_kind() in ("zoo", "trained"):
            self.use_model_requested.emit(self.selected_spec())

    def _download_selected(self) -> None:
        spec = self.selected_spec()
        task = Task(download_weights, spec, with_progress=True, with_cancel=True, name="download")
        self.status_message.emit(self.tr("Downloading weights…"), 0)
        task.progress.connect(lambda d, t: self.status_message.emit(
            self.tr("Downloading weights… {done:.0f} of {total:.0f} MB").format(done=d / 1e6, total=t / 1e6), 0) if t else None)
        task.succeeded.connect(lambda _p: (self.status_message.emit(self.tr("Weights downloaded."), 4000),
                                           self.set_engine_ready(True)))
        task.failed.connect(lambda m, d: show_error(self, m, d, title=self.tr("Download failed")))
        task.start()

    def rename_selected(self, new_name: str | None = None) -> None:
        spec, kind = self.selected_spec(), self._selected_kind()
        if kind not in ("trained", "broken"):
            return
        if new_name is None:
            e = self._entries.get(spec)
            new_name, ok = QInputDialog.getText(self, self.tr("Rename model"), self.tr("New name:"),
                                                text=e.name if e else "")
            if not ok:
                return
        if not new_name.strip():
            show_error(self, self.tr("A model needs a name; the name cannot be empty."))
            return
        task = Task(_library().rename_model, spec, new_name, name="rename")
        task.succeeded.connect(self._on_renamed)
        task.failed.connect(lambda m, d: show_error(self, m, d, title=self.tr("Rename failed")))
        task.start()

    def _on_renamed(self, new_path) -> None:
        self.refresh()
        self.select_spec(str(new_path))
        self.library_changed.emit()
        self.status_message.emit(self.tr("Model renamed."), 3000)

    def delete_selected(self) -> None:
        spec, kind = self.selected_spec(), self._selected_kind()
        if kind not in ("trained", "broken"):
            return
        name = self._entries[spec].name if spec in self._entries else os.path.basename(spec)
        try:
            ticket = _library().delete_model(spec)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            from .errors import show_exception

            show_exception(self, exc)
            return
        self._undo.append(ticket)
        self.refresh()
        self.library_changed.emit()
        self.banner.show_message("undo", self.tr("“{name}” was deleted.").format(name=name),
                                 [("undo", self.tr("Undo"))], kind="info")
        self.status_message.emit(self.tr("“{name}” was deleted. Press Ctrl+Z to undo.").format(name=name), 8000)
        self._update_actions()

    def undo_delete(self) -> None:
        if not self._undo:
            return
        ticket = self._undo.pop()
        try:
            path = _library().restore_model(ticket)
        except Exception as exc:  # noqa: BLE001
            from .errors import show_exception

            show_exception(self, exc)
            return
        self.banner.hide()
        self.refresh()
        self.select_spec(str(path))
        self.library_changed.emit()
        self.status_message.emit(self.tr("Model restored."), 3000)

    def _on_banner(self, key: str) -> None:
        if key == "undo":
            self.undo_delete()

    def import_model(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import a model"), self.settings.last_dir,
                self.tr("Model files (*.safetensors *.pth *.pt);;All files (*)"))
            if not path:
                return
        task = Task(_library().import_model_file, path, name="import")
        task.succeeded.connect(self._on_imported)
        task.failed.connect(lambda m, d: show_error(self, m, d, title=self.tr("Import failed")))
        task.start()
        self.status_message.emit(self.tr("Importing {name}…").format(name=os.path.basename(path)), 0)

    def _on_imported(self, path) -> None:
        self.refresh()
        self.select_spec(str(path))
        self.library_changed.emit()
        self.status_message.emit(self.tr("Model imported."), 3000)

    def export_selected(self, fmt: str, out_path: str | None = None) -> None:
        spec = self.selected_spec()
        if self._selected_kind() != "trained":
            return
        suffix = ".onnx" if fmt == "onnx" else ".pt"
        if out_path is None:
            start = str(Path(self.settings.last_dir or Path.home()) / (Path(spec).stem + suffix))
            filt = self.tr("ONNX model (*.onnx)") if fmt == "onnx" else self.tr("TorchScript model (*.pt)")
            out_path, _ = QFileDialog.getSaveFileName(self, self.tr("Export model"), start, filt)
            if not out_path:
                return
        task = Task(_export, spec, fmt, out_path, name="export-model")
        task.succeeded.connect(lambda p: self.status_message.emit(self.tr("Exported to {path}").format(path=p), 8000))
        task.failed.connect(lambda m, d: show_error(self, m, d, title=self.tr("Export failed")))
        task.start()
        self.status_message.emit(self.tr("Exporting… (this checks the exported model gives the same answers)"), 0)

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
            menu.addAction(self.tr("Show in folder"), lambda: QDesktopServices.openUrl(
                QUrl.fromLocalFile(os.path.dirname(self.selected_spec()))))
        elif self._available.get(self.selected_spec()) is False:
            menu.addAction(self.download_action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def finish(self) -> None:
        """On exit: deleted models can no longer be restored, so empty the trash."""
        try:
            _library().empty_trash()
        except OSError:
            pass
