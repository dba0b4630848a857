"""The Models view: the ImageNet zoo and the user's trained models, with an architecture summary;
and every past training run, two of which can be compared.

Listing reads model-file headers only (engine/library.py, no torch) and small run records
(engine/runs.py, read on a worker thread). Summaries, imports, renames and exports run as
:class:`~.workers.Task` jobs on worker threads.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Signal
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
from .widgets.train_common import HintLabel, short_date
from .workers import Task, download_weights, weights_status

if TYPE_CHECKING:  # imported when first used: its plotting library is slow to import
    from .widgets.compare_runs import CompareRunsDialog

SPEC_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "zoo" | "trained" | "broken"
RUN_ROLE = Qt.ItemDataRole.UserRole + 3  # run id
SORT_ROLE = Qt.ItemDataRole.UserRole + 4  # what a runs column sorts by
MODELS_PAGE, RUNS_PAGE = 0, 1


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


def _list_runs() -> list[dict]:
    from ..engine import runs

    return [r.to_dict() for r in runs.list_runs()]


def _runs():
    from ..engine import runs

    return runs


class _RunItem(QTreeWidgetItem):
    """A row of the runs list that sorts by date and accuracy, not by their text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        col = self.treeWidget().sortColumn() if self.treeWidget() else 0
        a, b = self.data(col, SORT_ROLE), other.data(col, SORT_ROLE)
        if a is not None and b is not None and type(a) is type(b):
            return a < b
        return super().__lt__(other)


def _millions(n: int) -> str:
    return f"{n / 1e6:.1f} M" if n >= 100_000 else f"{n:,}"


class ModelsView(QWidget):
    status_message = Signal(str, int)
    use_model_requested = Signal(str)
    library_changed = Signal()
    summary_ready = Signal(str)  # spec whose summary is now shown (tests, screenshots)
    runs_listed = Signal()  # the runs list was (re)filled (tests, screenshots)

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
        self._runs: dict[str, dict] = {}  # run id → engine.runs.RunRecord.to_dict()
        self._runs_task: Task | None = None
        self._runs_again = False  # a refresh was asked for while a listing was running
        self._runs_loaded = False
        self.compare_dialog: CompareRunsDialog | None = None
        self._build()
        self.retranslate_ui()

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 8)
        self.banner = Banner()
        self.banner.action.connect(self._on_banner)
        root.addWidget(self.banner)
        self.sections = QTabWidget()
        self.sections.setObjectName("modelsSections")
        self.sections.setDocumentMode(True)
        root.addWidget(self.sections, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.sections.addTab(split, "")

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
        self.overview = overview
        overview.installEventFilter(self)
        self.form = QFormLayout(overview)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("arch", "input", "classes", "params", "weights", "accuracy", "created", "dataset", "training"):
            k, v = QLabel(), QLabel()
            k.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)  # by a value's first line
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
        self.sections.addTab(self._build_runs_page(), "")
        self.sections.currentChanged.connect(self._on_section_changed)

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
        self.sections.setTabText(MODELS_PAGE, self.tr("Models"))
        self.sections.setTabText(RUNS_PAGE, self.tr("Training runs"))
        self.sections.setTabToolTip(RUNS_PAGE, self.tr("Every training run, kept with its settings and curves"))
        self.runs_tree.setHeaderLabels([self.tr("Name"), self.tr("Date"), self.tr("Pictures from"),
                                        self.tr("What learned"), self.tr("Validation accuracy"), self.tr("Status")])
        self.compare_button.setText(self.tr("Compare"))
        self.compare_button.setToolTip(self.tr("Show the curves and settings of the two selected runs side by side"))
        self.delete_run_button.setText(self.tr("Delete run"))
        self.delete_run_button.setToolTip(self.tr("Forget the selected runs (their models are kept); you can undo it"))
        self._fill_runs()
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
        self.show_models(_library().list_models())

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
        k.setVisible(bool(text))
        v.setVisible(bool(text))
        v.setText(text or "")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.overview and event.type() == QEvent.Type.Show:
            QTimer.singleShot(0, self._relayout_overview)
        return super().eventFilter(obj, event)

    def _relayout_overview(self) -> None:
        # Word-wrapped values filled in while the Overview page was hidden (another details tab
        # shown, say, during a language switch) keep heights measured without the page's width:
        # rows grew and the values slid below their labels. Re-measure once the page is shown.
        if not self.overview.isVisible():
            return
        for _k, v in self.form_labels.values():
            v.updateGeometry()
        self.form.invalidate()
        self.form.activate()

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
            self._set_field("training", self._training_text(t))
            self._fill_metrics(m.get("per_class") or [])
        self._request_summary(spec)

    def _training_text(self, t: dict) -> str:
        """The settings a model was trained with, one per line, worded as the Train view words them."""
        def number(value, fmt: str) -> str | None:
            return format(value, fmt) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

        # The Train view's own mode names (same context, so the same translations).
        modes = {
            "auto": QCoreApplication.translate("TrainSettingsPanel", "Automatic"),
            "head": QCoreApplication.translate("TrainSettingsPanel", "Last layer only (fastest)"),
            "finetune": QCoreApplication.translate("TrainSettingsPanel", "Last block and last layer"),
            "full": QCoreApplication.translate("TrainSettingsPanel", "The whole network (slowest)"),
        }
        mode = t.get("mode")
        size = number(t.get("image_size"), "d")
        rows = [
            (self.tr("What to train"), modes.get(str(mode), str(mode)) if mode else None),
            (self.tr("Epochs"), number(t.get("epochs"), "d")),
            (self.tr("Batch size"), number(t.get("batch_size"), "d")),
            (self.tr("Learning rate"), number(t.get("lr"), "g")),
            (self.tr("Image size"), self.tr("{n} px").format(n=size) if size else None),
        ]
        return "\n".join(self.tr("{setting}: {value}").format(setting=k, value=v) for k, v in rows if v)

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
        for w in (self.rename_action, self.rename_button, self.delete_button):
            w.setEnabled(kind in ("trained", "broken"))
        if self._on_runs_page():
            self.delete_action.setEnabled(bool(self.selected_run_ids()))
        else:
            self.delete_action.setEnabled(kind in ("trained", "broken"))
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
        if self._on_runs_page():  # Del acts on what the user is looking at
            self.delete_selected_runs()
            return
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
        if isinstance(ticket, list):  # run records deleted from the runs list
            self._restore_runs(ticket)
            return
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

    # -- training runs -------------------------------------------------------------------------
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
        task = Task(_list_runs, name="list-runs", background=True)
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
        modes = {"head": self.tr("last layer"), "finetune": self.tr("last block"), "full": self.tr("whole network")}
        for run_id, r in self._runs.items():
            item = _RunItem(self.runs_tree)
            item.setData(0, RUN_ROLE, run_id)
            item.setText(0, str(r.get("name") or run_id))
            item.setIcon(0, icon("train"))
            item.setToolTip(0, self.tr("Model file: {path}").format(path=r.get("model_path") or self.tr("none")))
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
                item.setText(5, self.tr("stopped early"))
                item.setIcon(5, icon("warning"))
            else:
                item.setText(5, self.tr("finished"))
            item.setSelected(run_id in selected)
        if not self._runs:
            item = QTreeWidgetItem(self.runs_tree)
            item.setText(0, self.tr("No runs yet: every training in the Train tab is kept here")
                         if self._runs_loaded else self.tr("Reading…"))
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
            self.runs_hint.setText(self.tr("Press Compare to see these two runs side by side."))
        elif n == 1:
            self.runs_hint.setText(self.tr("Select a second run (Ctrl+click) to compare the two."))
        else:
            self.runs_hint.setText(self.tr("Select two runs (Ctrl+click) to compare their curves and settings."))

    def compare_selected(self) -> CompareRunsDialog | None:
        """Open (or update) the comparison window with the one or two selected runs."""
        ids = self.selected_run_ids()
        if not 1 <= len(ids) <= 2:
            return None
        # oldest first, so A is the earlier run and B the one being tried
        records = sorted((self._runs[i] for i in ids if i in self._runs), key=lambda r: str(r.get("started", "")))
        if self.compare_dialog is None:
            # imported here: its plotting library takes ~0.5 s to import, not before the first paint
            from .widgets.compare_runs import CompareRunsDialog

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
                _runs().delete_run(run_id)
            except Exception as exc:  # noqa: BLE001 - shown to the user; the others go on
                from .errors import show_exception

                show_exception(self, exc)
                continue
            deleted.append(self._runs.pop(run_id, {}))
        if not deleted:
            return
        self._undo.append([d for d in deleted if d])
        self._fill_runs()
        if len(deleted) == 1:
            text = self.tr("The run “{name}” was deleted.").format(name=deleted[0].get("name", ""))
        else:
            text = self.tr("{n} runs were deleted.").format(n=len(deleted))
        self.banner.show_message("undo", text, [("undo", self.tr("Undo"))], kind="info")
        self._update_actions()

    def _restore_runs(self, records: list[dict]) -> None:
        runs = _runs()
        for d in records:
            try:
                runs.save_run(runs.RunRecord.from_dict(d))
            except Exception as exc:  # noqa: BLE001
                from .errors import show_exception

                show_exception(self, exc)
                continue
            self._runs[d["run_id"]] = d
        self.banner.hide()
        self._fill_runs()
        self.select_runs([d["run_id"] for d in records])
        self.status_message.emit(self.tr("Run restored.") if len(records) == 1 else self.tr("Runs restored."), 3000)
        self._update_actions()

    def finish(self) -> None:
        """On exit: deleted models can no longer be restored, so empty the trash."""
        try:
            _library().empty_trash()
        except OSError:
            pass
