"""The Classify view: drop photos or folders, see a card per image as results arrive.

The view never touches torch or decodes an image: it sends paths to the inference worker and
shows what comes back (labels, scores, small thumbnails made on the worker).
"""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
    QListView, QMenu, QProgressBar, QPushButton, QProgressDialog, QSlider, QSpinBox, QStackedWidget,
    QToolButton, QVBoxLayout, QWidget,
)

from .errors import show_error
from .settings import Settings, qsettings
from .train_worker import JobRunner, TrainWorker, provisional_model_path
from .widgets.banner import Banner
from .widgets.drop_zone import DropZone, local_path
from .widgets.icons import icon
from .widgets.model_picker import ModelPicker
from .widgets.results import ResultCardDelegate, ResultsModel, Roles
from .workers import TOP_K, InferenceClient, Task, download_weights, export_results_csv, weights_status

#: The residual stages "Show why" can look at (engine.explain.LAYERS; not imported: it loads numpy).
WHY_LAYERS = ("layer4", "layer3", "layer2")
IMAGE_FILTER_EXTS = "*.jpg *.jpeg *.jpe *.jfif *.png *.webp *.bmp *.dib *.tif *.tiff *.gif"
#: Where the training folders the user pointed to (for models whose own folder is gone) are kept.
DATASET_FOLDERS_KEY = "corrections/dataset_folders"


def correction_info(spec: str) -> dict:
    """What correcting a result of model file ``spec`` needs (runs on a Task's thread)."""
    from ..engine.corrections import dataset_for_model
    from ..engine.library import read_info

    info = read_info(spec)
    folder = dataset_for_model(spec)
    return {"classes": list(info.classes), "arch": info.arch, "name": info.name or Path(spec).stem,
            "image_size": int(info.preprocess.crop_size),
            "dataset": str(folder) if folder else None, "recorded": info.dataset_dir or ""}


def add_to_dataset(image: str, dataset_dir: str, class_name: str) -> str:
    """Copy ``image`` into the training folder (runs on a Task's thread)."""
    from ..engine.corrections import add_to_dataset as add

    return str(add(image, dataset_dir, class_name))


def next_version_name(name: str) -> str:
    """``shapes`` → ``shapes v2`` → ``shapes v3``: a retrained model's name."""
    m = re.fullmatch(r"(.*\S) v(\d+)", name.strip())
    return f"{m.group(1)} v{int(m.group(2)) + 1}" if m else f"{name.strip()} v2"


def is_inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([os.path.realpath(path), os.path.realpath(folder)]) == os.path.realpath(folder)
    except ValueError:  # other drive (Windows)
        return False


def paths_from_mime(mime) -> list[str]:
    """Local file paths in dropped or pasted data (URLs, or text with one path per line)."""
    paths: list[str] = []
    if mime.hasUrls():
        paths = [p for p in (local_path(u) for u in mime.urls()) if p]
    elif mime.hasText():
        for line in mime.text().splitlines():
            s = line.strip().strip('"').strip("'")
            if s.startswith("file://"):
                s = unquote(urlparse(s).path)
            if s and os.path.exists(s):
                paths.append(s)
    return paths


class ClassifyView(QWidget):
    """Drop zone, model picker, result cards, sort/filter, export and progress."""

    status_message = Signal(str, int)  # text, timeout in ms (0: until replaced)
    model_status = Signal(str)  # what the status bar shows about the model
    busy_changed = Signal(bool)
    export_finished = Signal(str)  # path of the CSV written
    results_changed = Signal()
    model_retrained = Signal(str)  # path of the model a retrain made (for the Models view)

    def __init__(self, client: InferenceClient, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classifyView")
        self.client = client
        self.settings = settings
        self.setAcceptDrops(True)
        self.setMinimumSize(560, 420)
        self._jobs: dict[int, dict] = {}
        self._pending: list[str] = []
        self._pending_images: list[QImage] = []
        self._skipped_total = 0
        self._model_state = "none"  # none | loading | ready | failed
        self._model_name = ""
        self._model_info: dict = {}
        self._failed_spec = ""
        self._download: Task | None = None
        self._export: Task | None = None
        # "Show why": heat maps asked of the worker and not answered yet, and the token that
        # drops the queued ones when the user turns it off or clears the list.
        self._why_pending: set[tuple] = set()
        self._why_cancel = threading.Event()
        self._why_error_shown = False
        # Correct and retrain: what each of our model files needs (classes, training folder), the
        # pictures added per model spec ({original path: category}), copies being made, the
        # retrain job, and the pictures to classify again once the retrained model is loaded.
        self._correct_info: dict[str, dict] = {}
        self._correct_info_tasks: set[str] = set()
        self._corrections: dict[str, dict[str, str]] = {}
        self._copies: set[Task] = set()
        self._runner = JobRunner(self)
        self._retrain_job: TrainWorker | None = None
        self._retrain_spec = ""
        self._reclassify: tuple[str, list[str]] | None = None
        self._replace_jobs: set[int] = set()
        self._correct_menu: QMenu | None = None
        #: TrainConfig overrides for a retrain (mode "head" by default: seconds on a CPU).
        self.retrain_config: dict = {}
        self._build()
        self._connect_worker()
        self.retranslate_ui()
        self._update_state()

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 8)
        root.setSpacing(8)

        top = QHBoxLayout()
        top.setSpacing(6)
        self.model_label = QLabel()
        self.picker = ModelPicker()
        self.picker.set_current_spec(self.settings.last_model)
        self.picker.model_chosen.connect(self._on_model_chosen)
        self.picker.choose_file_requested.connect(self.choose_model_file)
        self.model_label.setBuddy(self.picker)
        top.addWidget(self.model_label)
        top.addWidget(self.picker, 1)
        top.addSpacing(12)

        self.open_files_action = QAction(icon("open"), "", self)
        self.open_files_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_files_action.triggered.connect(lambda: self.open_files())
        self.open_folder_action = QAction(icon("folder"), "", self)
        self.open_folder_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_folder_action.triggered.connect(lambda: self.open_folder())
        self.paste_action = QAction(icon("paste"), "", self)
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        self.paste_action.triggered.connect(self.paste)
        self.export_action = QAction(icon("export"), "", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(lambda: self.export_csv())
        self.clear_action = QAction(icon("clear"), "", self)
        self.clear_action.setShortcut(QKeySequence("Ctrl+Shift+Backspace"))
        self.clear_action.triggered.connect(self.clear)
        self.cancel_action = QAction(icon("cancel"), "", self)
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_action.triggered.connect(self.cancel)
        self.addAction(self.cancel_action)

        def tool(action: QAction) -> QToolButton:
            b = QToolButton()
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setAutoRaise(True)
            return b

        self.open_files_button = tool(self.open_files_action)
        self.open_folder_button = tool(self.open_folder_action)
        self.export_button = tool(self.export_action)
        self.clear_button = tool(self.clear_action)
        for b in (self.open_files_button, self.open_folder_button):
            top.addWidget(b)
        top.addSpacing(12)
        self.why_action = QAction(icon("search"), "", self)
        self.why_action.setCheckable(True)
        self.why_action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.why_action.toggled.connect(self.set_show_why)
        self.why_button = tool(self.why_action)
        self.why_button.setObjectName("showWhyButton")
        self.why_opacity = QSlider(Qt.Orientation.Horizontal)
        self.why_opacity.setObjectName("whyOpacity")
        self.why_opacity.setRange(10, 100)
        self.why_opacity.setValue(50)
        self.why_opacity.setFixedWidth(90)
        self.why_opacity.valueChanged.connect(self._on_why_opacity)
        self.why_layer = QComboBox()
        self.why_layer.setObjectName("whyLayer")
        self.why_layer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for layer in WHY_LAYERS:
            self.why_layer.addItem("", layer)
        self.why_layer.currentIndexChanged.connect(self._on_why_layer)
        top.addWidget(self.why_button)
        top.addWidget(self.why_opacity)
        top.addWidget(self.why_layer)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.clear_button)
        root.addLayout(top)
        self._top_row = top
        self._top_buttons = (self.open_files_button, self.open_folder_button, self.why_button,
                             self.export_button, self.clear_button)
        # The model's name stays readable when the row is tight: the buttons give way first
        # (see _fit_rows, which sizes the picker to the chosen model's name).
        self.picker.currentIndexChanged.connect(lambda _i: self._fit_rows())

        self.banner = Banner()
        self.banner.action.connect(self._on_banner_action)
        root.addWidget(self.banner)

        self.stack = QStackedWidget()
        self.drop_zone = DropZone()
        self.drop_zone.open_files.connect(lambda: self.open_files())
        self.drop_zone.open_folder.connect(lambda: self.open_folder())
        self.stack.addWidget(self.drop_zone)

        page = QWidget()
        pl = QVBoxLayout(page)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.setSpacing(6)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = QLineEdit()
        self.search.setObjectName("resultFilter")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(180)
        self.sort_label = QLabel()
        self.sort_combo = QComboBox()
        self.sort_combo.setObjectName("sortCombo")
        for key in ResultsModel.SORTS:
            self.sort_combo.addItem("", key)
        self.sort_label.setBuddy(self.sort_combo)
        self.only_unsure = QCheckBox()
        self.only_errors = QCheckBox()
        self.show_top5 = QCheckBox()
        self.threshold_label = QLabel()
        self.threshold = QSpinBox()
        self.threshold.setObjectName("notSureThreshold")
        self.threshold.setRange(0, 100)
        self.threshold.setSuffix(" %")
        self.threshold.setValue(round(self.settings.not_sure_threshold * 100))
        self.threshold_label.setBuddy(self.threshold)
        # The check boxes and the threshold move to a line of their own when the window is too
        # narrow for one row (see _fit_rows), instead of squeezing the filter box under "Sort:".
        self.filter_options = QWidget()
        self.filter_options.setObjectName("filterOptions")
        options = QHBoxLayout(self.filter_options)
        options.setContentsMargins(0, 0, 0, 0)
        options.setSpacing(8)
        options.addWidget(self.only_unsure)
        options.addWidget(self.only_errors)
        options.addWidget(self.show_top5)
        options.addStretch(1)
        options.addWidget(self.threshold_label)
        options.addWidget(self.threshold)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.sort_label)
        filters.addWidget(self.sort_combo)
        filters.addWidget(self.filter_options, 3)
        self._filter_lines = QVBoxLayout()
        self._filter_lines.setSpacing(4)
        self._filter_lines.addLayout(filters)
        self._filter_row = filters
        pl.addLayout(self._filter_lines)

        self.model = ResultsModel(self)
        self.model.threshold = self.settings.not_sure_threshold
        self.list = QListView()
        self.list.setObjectName("resultsList")
        self.list.setModel(self.model)
        self.delegate = ResultCardDelegate(self.list)
        self.delegate.threshold_getter = lambda: self.model.threshold
        self.delegate.toggle_requested.connect(self._toggle_card)
        self.delegate.show_why_getter = lambda: self.model.show_why
        self.delegate.opacity_getter = lambda: self.model.why_opacity
        self.delegate.heat_needed.connect(self._on_heat_needed)
        self.delegate.label_clicked.connect(self._on_label_clicked)
        self.delegate.can_correct = self.can_correct
        self.delegate.right_clicked.connect(self._on_right_clicked)
        self.delegate.wrong_clicked.connect(self._on_wrong_clicked)
        self.list.setItemDelegate(self.delegate)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(200)
        self.list.setMouseTracking(True)
        self.list.setSpacing(0)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.doubleClicked.connect(self._open_index)
        pl.addWidget(self.list, 1)
        self.summary = QLabel()
        self.summary.setObjectName("summaryLabel")
        pl.addWidget(self.summary)
        self.stack.addWidget(page)
        root.addWidget(self.stack, 1)

        # Correct and retrain: how many pictures were added, the Retrain button and its progress.
        self.retrain_bar = QWidget()
        self.retrain_bar.setObjectName("retrainBar")
        rb = QHBoxLayout(self.retrain_bar)
        rb.setContentsMargins(0, 0, 0, 0)
        rb.setSpacing(8)
        self.corrections_label = QLabel()
        self.corrections_label.setObjectName("correctionsLabel")
        self.retrain_progress = QProgressBar()
        self.retrain_progress.setObjectName("retrainProgress")
        self.retrain_progress.setTextVisible(False)
        self.retrain_progress.setMaximumWidth(220)
        self.retrain_status = QLabel()
        self.retrain_status.setObjectName("retrainStatus")
        self.retrain_button = QPushButton(icon("train"), "")
        self.retrain_button.setObjectName("retrainButton")
        self.retrain_button.clicked.connect(lambda: self.retrain())
        self.retrain_cancel = QPushButton(icon("cancel"), "")
        self.retrain_cancel.setObjectName("retrainCancel")
        self.retrain_cancel.clicked.connect(self.cancel_retrain)
        rb.addWidget(self.corrections_label, 1)
        rb.addWidget(self.retrain_status)
        rb.addWidget(self.retrain_progress)
        rb.addWidget(self.retrain_cancel)
        rb.addWidget(self.retrain_button)
        root.addWidget(self.retrain_bar)

        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        self.progress = QProgressBar()
        self.progress.setObjectName("classifyProgress")
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(200)
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(icon("cancel"), "")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.note = QLabel()
        self.note.setObjectName("quietNote")
        self.note.setWordWrap(True)
        bottom.addWidget(self.progress, 2)
        bottom.addWidget(self.progress_label, 1)
        bottom.addWidget(self.cancel_button)
        root.addLayout(bottom)
        root.addWidget(self.note)

        self.search.textChanged.connect(self.model.set_filter_text)
        self.sort_combo.currentIndexChanged.connect(self._on_sort)
        self.only_unsure.toggled.connect(self.model.set_only_not_sure)
        self.only_errors.toggled.connect(self.model.set_only_errors)
        self.show_top5.toggled.connect(self.model.set_expand_all)
        self.threshold.valueChanged.connect(self._on_threshold)
        self.model.counts_changed.connect(self._update_summary)
        idx = self.sort_combo.findData(self.settings.sort_mode)
        self.sort_combo.setCurrentIndex(max(idx, 0))
        self._on_sort()

    def _connect_worker(self) -> None:
        w = self.client  # its signals arrive on the GUI thread (see InferenceClient)
        w.engine_ready.connect(self._on_engine_ready)
        w.engine_failed.connect(self._on_engine_failed)
        w.model_loading.connect(self._on_model_loading)
        w.model_ready.connect(self._on_model_ready)
        w.model_failed.connect(self._on_model_failed)
        w.job_started.connect(self._on_job_started)
        w.files_skipped.connect(self._on_files_skipped)
        w.results_ready.connect(self._on_results)
        w.job_progress.connect(self._on_job_progress)
        w.job_finished.connect(self._on_job_finished)
        w.explained.connect(self._on_explained)

    def retranslate_ui(self) -> None:
        self.model_label.setText(self.tr("&Model:"))
        self.picker.setToolTip(self.tr("Which model classifies the photos. ImageNet models know 1000 everyday "
                                       "categories; your own models know the categories you taught them."))
        self.picker.rebuild()
        self.open_files_action.setText(self.tr("Open photos…"))
        self.open_files_action.setToolTip(self.tr("Choose photos to classify (Ctrl+O)"))
        self.open_folder_action.setText(self.tr("Open folder…"))
        self.open_folder_action.setToolTip(self.tr("Classify every photo in a folder and its sub-folders (Ctrl+Shift+O)"))
        self.paste_action.setText(self.tr("Paste photos"))
        self.paste_action.setToolTip(self.tr("Classify an image or file paths from the clipboard (Ctrl+V)"))
        self.export_action.setText(self.tr("Export CSV…"))
        self.export_action.setToolTip(self.tr("Save all results as a spreadsheet (CSV) file (Ctrl+E)"))
        self.clear_action.setText(self.tr("Clear"))
        self.clear_action.setToolTip(self.tr("Remove all results from the list (Ctrl+Shift+Backspace)"))
        self.cancel_action.setText(self.tr("Cancel"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop classifying; results so far are kept (Esc)"))
        self.drop_zone.title.setText(self.tr("Drop photos or folders here"))
        self.drop_zone.subtitle.setText(self.tr("Folders are searched with all their sub-folders. You can also "
                                                "paste an image or copied files with Ctrl+V."))
        self.drop_zone.open_files_button.setText(self.tr("Open photos…"))
        self.drop_zone.open_folder_button.setText(self.tr("Open folder…"))
        self.search.setPlaceholderText(self.tr("Filter by label or file name"))
        self.search.setToolTip(self.tr("Show only results whose label or file name contains this text"))
        self.sort_label.setText(self.tr("&Sort:"))
        sort_texts = {
            "added": self.tr("As added"),
            "label": self.tr("Label (A–Z)"),
            "confidence_desc": self.tr("Most confident first"),
            "confidence_asc": self.tr("Least confident first"),
        }
        for i in range(self.sort_combo.count()):
            self.sort_combo.setItemText(i, sort_texts[self.sort_combo.itemData(i)])
        self.only_unsure.setText(self.tr("Only “not sure”"))
        self.only_unsure.setToolTip(self.tr("Show only results whose confidence is below the threshold"))
        self.only_errors.setText(self.tr("Only unreadable"))
        self.only_errors.setToolTip(self.tr("Show only files that could not be read"))
        self.show_top5.setText(self.tr("Show top 5"))
        self.show_top5.setToolTip(self.tr("Show the five most likely labels on every card (click a card to "
                                          "open or close just that one)"))
        self.why_action.setText(self.tr("Show why"))
        self.why_action.setToolTip(self.tr("Colour each photo by how much each part made the model choose its label: "
                                           "red parts mattered most, blue parts not at all (Ctrl+Shift+W). "
                                           "Open a card and click another label to see why that one."))
        self.why_opacity.setToolTip(self.tr("How strongly the colours cover the photo"))
        self.why_opacity.setAccessibleName(self.tr("Heat map opacity"))
        layer_texts = {
            "layer4": self.tr("Whole objects"),
            "layer3": self.tr("Parts"),
            "layer2": self.tr("Fine details"),
        }
        for i in range(self.why_layer.count()):
            self.why_layer.setItemText(i, layer_texts[self.why_layer.itemData(i)])
        self.why_layer.setToolTip(self.tr("Which stage of the network to look at: the last one (whole objects) is "
                                          "what the decision is made from; earlier ones show finer but less telling detail"))
        self.threshold_label.setText(self.tr("“Not sure” below:"))
        self.threshold.setToolTip(self.tr("Results whose top confidence is below this value are marked “not sure”"))
        self.banner.set_close_tooltip(self.tr("Hide this message"))
        self._update_retrain()
        self._emit_model_status()
        self._update_summary()
        self._update_progress()
        self._update_state()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._fit_rows()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_rows()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Make the two top rows fit the view's width (it may be as narrow as its minimum, 560 px):
        the tool buttons drop their text (it stays in their tooltips), and the filter options wrap
        to a second line; at full width both look as designed."""
        margins = self.layout().contentsMargins()
        available = self.width() - margins.left() - margins.right()
        if available <= 0:
            return
        name_w = self.picker.fontMetrics().horizontalAdvance(self.picker.currentText()) + 48  # arrow, padding
        self.picker.setMinimumWidth(max(170, min(320, name_w, available // 3)))
        for b in self._top_buttons:
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._top_row.invalidate()
        if self._top_row.minimumSize().width() > available:
            for b in self._top_buttons:
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

        def min_width(w: QWidget) -> int:
            return max(w.minimumSizeHint().width(), w.minimumWidth())

        spacing = self._filter_row.spacing()
        one_line = sum(min_width(w) for w in (self.search, self.sort_label, self.sort_combo, self.filter_options))
        wrap = one_line + 3 * spacing > available
        if wrap and self._filter_row.indexOf(self.filter_options) >= 0:
            self._filter_row.removeWidget(self.filter_options)
            self._filter_lines.addWidget(self.filter_options)
        elif not wrap and self._filter_lines.indexOf(self.filter_options) >= 0:
            self._filter_lines.removeWidget(self.filter_options)
            self._filter_row.addWidget(self.filter_options, 3)

    def filter_options_wrapped(self) -> bool:
        """Whether the filter options sit on a line of their own (a narrow window)."""
        return self._filter_lines.indexOf(self.filter_options) >= 0

    # -- public API (menus, command line, tests) -------------------------------------------
    def start(self) -> None:
        """Ask the worker for the remembered model (queued after the engine import)."""
        self.client.load_model(self.picker.current_spec())
        self.picker.populate()
        self.refresh_trained_models()

    def classify_paths(self, paths: list[str]) -> int | None:
        """Classify files and folders; the worker's job number (None when queued or empty)."""
        paths = [str(p) for p in paths if str(p)]
        if not paths:
            return None
        for p in paths:
            if os.path.isdir(p):
                self.settings.add_recent_folder(os.path.abspath(p))
        if self._model_state == "failed":
            self._pending.extend(paths)
            self.status_message.emit(self.tr("Choose or download a model first; your photos will be classified then."), 6000)
            return None
        job = self.client.classify(paths)
        self._jobs[job] = {"paths": paths, "total": 0, "done": 0}
        self._update_progress()
        self._update_state()
        return job

    def classify_image(self, image: QImage) -> None:
        if self._model_state == "failed":
            self._pending_images.append(QImage(image))
            return
        job = self.client.classify_image(image)
        self._jobs[job] = {"paths": [], "image": QImage(image), "total": 0, "done": 0}
        self._update_progress()
        self._update_state()

    def is_busy(self) -> bool:
        return (bool(self._jobs) or (self._download is not None) or (self._export is not None)
                or self._retrain_job is not None or bool(self._copies))

    def cancel(self) -> None:
        if self._jobs:
            self.client.cancel()
            self.progress_label.setText(self.tr("Cancelling…"))

    def cancel_and_wait_tasks(self, timeout_ms: int) -> None:
        for t in (self._download, self._export):
            if t is not None:
                t.cancel()
                t.wait(timeout_ms)
        for t in list(self._copies):
            t.wait(timeout_ms)  # a copy takes milliseconds and is atomic: let it finish
        self._runner.cancel_and_wait(timeout_ms)

    def set_show_why(self, on: bool) -> None:
        """Overlay (or hide) the "why this label" heat maps on the cards' photos."""
        on = bool(on)
        if self.why_action.isChecked() != on:
            self.why_action.setChecked(on)  # comes back here through toggled
            return
        if not on:
            self._drop_why_requests()
        self._why_error_shown = False
        self.model.set_show_why(on)
        self._update_state()
        self.list.viewport().update()

    def choose_explained_label(self, row: int, rank: int) -> None:
        """Explain the card's ``rank``-th label (0: the top one) instead of the current one."""
        self.model.set_explain_rank(row, rank)
        self.list.viewport().update()

    def _drop_why_requests(self) -> None:
        self._why_cancel.set()
        self._why_cancel = threading.Event()
        self._why_pending.clear()

    def clear(self) -> None:
        if self._jobs:
            self.client.cancel()
        self._drop_why_requests()
        self.model.clear()
        self._skipped_total = 0
        self.note.clear()
        self._update_state()

    def open_files(self, files: list[str] | None = None) -> None:
        if files is None:
            files, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Open photos"), self.settings.last_dir,
                self.tr("Images ({exts});;All files (*)").format(exts=IMAGE_FILTER_EXTS))
        if files:
            self.settings.last_dir = os.path.dirname(files[0])
            self.classify_paths(files)

    def open_folder(self, folder: str | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of photos"), self.settings.last_dir)
        if folder:
            self.settings.last_dir = folder
            self.classify_paths([folder])

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        paths = paths_from_mime(mime) if mime is not None else []
        if paths:
            self.classify_paths(paths)
        elif mime is not None and mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                self.classify_image(image)
        else:
            self.status_message.emit(self.tr("The clipboard holds no image and no file paths."), 4000)

    def export_csv(self, path: str | None = None) -> None:
        records = [r.to_export() for r in self.model.records()]
        if not records:
            self.status_message.emit(self.tr("There are no results to export yet."), 4000)
            return
        if self._export is not None:
            return
        if path is None:
            start = os.path.join(self.settings.last_dir or str(Path.home()), "results.csv")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export results"), start,
                                                  self.tr("CSV files (*.csv);;All files (*)"))
            if not path:
                return
            if not os.path.splitext(path)[1]:
                path += ".csv"
        task = Task(export_results_csv, records, path, TOP_K, name="export-csv")
        task.succeeded.connect(lambda p, n=len(records): self._on_exported(str(p), n))
        task.failed.connect(lambda m, d: show_error(self, m, d, title=self.tr("Export failed")))
        task.finished.connect(self._on_export_task_done)
        self._export = task.start()
        self._update_state()

    def choose_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a model file"), self.settings.last_dir,
            self.tr("Model files (*.safetensors *.pth *.pt);;All files (*)"))
        if path:
            self.use_model(path)

    def use_model(self, spec: str) -> None:
        """Switch to ``spec`` (zoo name or model file), e.g. from "Use this model"."""
        self.picker.set_current_spec(spec)
        self._on_model_chosen(spec)

    def refresh_trained_models(self, entries: list | None = None) -> None:
        """List the user's models in the picker: ``entries`` from ``library.list_models()`` when
        the caller has read them (off the GUI thread), else read here."""
        if entries is None:
            from ..engine.library import list_models

            entries = list_models()
        self.picker.set_trained_models([(str(e.path), e.name, e.info.num_classes) for e in entries if e.ok])

    def records(self):
        return self.model.records()

    # -- correct and retrain ---------------------------------------------------------------
    def can_correct(self, r) -> bool:
        """Whether a card gets "Right" / "Wrong…": a readable picture classified by one of our
        model files, whose categories are known."""
        return not r.error and bool(self._correct_info.get(r.model, {}).get("classes"))

    def _learn_model(self, spec: str) -> None:
        """Read (off the GUI thread) what correcting results of ``spec`` needs."""
        if (not spec.lower().endswith(".safetensors") or spec in self._correct_info
                or spec in self._correct_info_tasks):
            return
        self._correct_info_tasks.add(spec)
        task = Task(correction_info, spec, name="correction-info", background=True)

        def learnt(info: dict) -> None:
            self._correct_info[spec] = info
            self.list.viewport().update()
            self._update_retrain()

        task.succeeded.connect(learnt)
        task.finished.connect(lambda: self._correct_info_tasks.discard(spec))
        task.start()

    def correction_ready(self, spec: str | None = None) -> bool:
        """Whether the current (or ``spec``) model's results can be corrected (tests, menus)."""
        spec = spec if spec is not None else self._model_info.get("spec", "")
        return bool(self._correct_info.get(spec, {}).get("classes"))

    def _remembered_folders(self) -> dict[str, str]:
        try:
            value = json.loads(str(qsettings().value(DATASET_FOLDERS_KEY, "{}") or "{}"))
        except (TypeError, ValueError):
            return {}
        return value if isinstance(value, dict) else {}

    def _remember_folder(self, spec: str, folder: str) -> None:
        folders = self._remembered_folders()
        folders[spec] = folder
        store = qsettings()
        store.setValue(DATASET_FOLDERS_KEY, json.dumps(folders, ensure_ascii=False))
        store.sync()

    def dataset_folder(self, spec: str, *, ask: bool = True) -> str | None:
        """The training folder of model ``spec``: the one the user pointed to last, else the one
        the model remembers; when both are gone, ask (and remember the answer)."""
        info = self._correct_info.get(spec)
        if info is None:
            return None
        for folder in (self._remembered_folders().get(spec), info.get("dataset")):
            if folder and os.path.isdir(folder):
                return folder
        if not ask:
            return None
        recorded = info.get("recorded") or ""
        start = os.path.dirname(recorded) if recorded and os.path.isdir(os.path.dirname(recorded)) else self.settings.last_dir
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("The training folder of “{name}” is gone: where is it now?").format(name=info["name"]), start)
        if not folder:
            return None
        self._remember_folder(spec, folder)
        return folder

    def _class_choices(self, spec: str) -> list[str]:
        """The model's categories, then new ones the user added for it (not learnt yet)."""
        info = self._correct_info.get(spec, {})
        classes = list(info.get("classes", []))
        for c in self._corrections.get(spec, {}).values():
            if c not in classes:
                classes.append(c)
        return classes

    @Slot(QPersistentModelIndex)
    def _on_right_clicked(self, pindex: QPersistentModelIndex) -> None:
        if pindex.isValid():
            r = self.model.record(pindex.row())
            self.mark_right(r.id)

    @Slot(QPersistentModelIndex, QRect)
    def _on_wrong_clicked(self, pindex: QPersistentModelIndex, rect: QRect) -> None:
        if not pindex.isValid():
            return
        r = self.model.record(pindex.row())
        menu = self._wrong_menu(r.id, self)
        self._correct_menu = menu
        menu.popup(self.list.viewport().mapToGlobal(rect.bottomLeft()))

    def _wrong_menu(self, record_id: int, parent: QWidget) -> QMenu:
        """"It is…": the model's categories (but the one it guessed) and "New category…"."""
        r = self.model.record_by_id(record_id)
        menu = QMenu(self.tr("Wrong: it is…"), parent)
        menu.setObjectName("correctMenu")
        for c in self._class_choices(r.model):
            if c != r.label:
                menu.addAction(c, lambda c=c: self.correct(record_id, c))
        menu.addSeparator()
        new = menu.addAction(self.tr("New category…"), lambda: self._ask_new_class(record_id))
        new.setObjectName("newCategoryAction")
        return menu

    def _ask_new_class(self, record_id: int) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New category"),
                                        self.tr("Name of the category this photo belongs to:"))
        if ok and name.strip():
            self.correct(record_id, name.strip())

    def mark_right(self, record_id: int) -> bool:
        """The model's top label is right: add the picture to that category (unless it is
        already in the training folder)."""
        r = self.model.record_by_id(record_id)
        if r is None or not self.can_correct(r):
            return False
        folder = self.dataset_folder(r.model)
        if folder and is_inside(r.path, folder):
            self.status_message.emit(self.tr("{name} is already in the training folder.").format(name=r.name), 5000)
            return False
        return self._add(r, folder, r.label)

    def correct(self, record_id: int, class_name: str) -> bool:
        """Add the card's picture to ``class_name`` in its model's training folder (a copy, made
        off the GUI thread). False when it cannot start (no model info, no folder chosen)."""
        r = self.model.record_by_id(record_id)
        if r is None or not self.can_correct(r):
            return False
        return self._add(r, self.dataset_folder(r.model), class_name)

    def _add(self, r, folder: str | None, class_name: str) -> bool:
        if not folder or r.correcting:
            return False
        if is_inside(r.path, folder) and class_name != r.label:
            # the original stays where it is (never moved): say so, the user may want to remove it
            self.status_message.emit(self.tr("{name} is also in the training folder under another category; "
                                             "remove it from there if it does not belong.").format(name=r.name), 8000)
        record_id, spec, path = r.id, r.model, r.path
        self.model.set_correction(record_id, correcting=True)
        task = Task(add_to_dataset, path, folder, class_name, name="add-to-dataset")
        task.succeeded.connect(lambda dest: self._on_added(record_id, spec, path, class_name, str(dest)))
        task.failed.connect(lambda m, d: self._on_add_failed(record_id, m, d))
        task.finished.connect(lambda: self._on_copy_finished(task))
        self._copies.add(task)
        task.start()
        self._update_state()
        return True

    def _on_added(self, record_id: int, spec: str, path: str, class_name: str, dest: str) -> None:
        self.model.set_correction(record_id, corrected=class_name, path=dest, correcting=False)
        self._corrections.setdefault(spec, {})[path] = class_name
        self.status_message.emit(self.tr("Added {name} to “{category}”.").format(
            name=os.path.basename(path), category=class_name), 5000)
        self._update_retrain()

    def _on_add_failed(self, record_id: int, message: str, details: str) -> None:
        self.model.set_correction(record_id, correcting=False)
        show_error(self, message, details, title=self.tr("Could not add the photo"))

    def _on_copy_finished(self, task: Task) -> None:
        self._copies.discard(task)
        self._update_retrain()
        self._update_state()

    def corrections_count(self, spec: str | None = None) -> int:
        spec = spec if spec is not None else self._model_info.get("spec", "")
        return len(self._corrections.get(spec, {}))

    def retrain(self) -> bool:
        """Fine-tune the current model on its training folder with the added pictures, then use
        the new model and classify the corrected pictures again. False when it cannot start."""
        spec = self._model_info.get("spec", "") if self._model_state == "ready" else ""
        info = self._correct_info.get(spec)
        if self._retrain_job is not None or info is None or not self.corrections_count(spec) or self._copies:
            return False
        folder = self.dataset_folder(spec)
        if not folder:
            return False
        from ..engine.paths import trained_models_dir

        name = next_version_name(info["name"])
        # the model file's preprocessing is used whatever image_size says; passing its size keeps
        # the new model's recorded settings truthful
        config = {"init_model": spec, "arch": info["arch"], "mode": "head", "name": name,
                  "image_size": info["image_size"], **self.retrain_config}
        job = TrainWorker(folder, provisional_model_path(trained_models_dir(), name), config)
        job.stage.connect(self._on_retrain_stage)
        job.batches.connect(self._on_retrain_batches)
        job.succeeded.connect(self._on_retrained)
        job.failed.connect(self._on_retrain_failed)
        job.cancelled.connect(self._on_retrain_cancelled)
        job.finished.connect(self._on_retrain_finished)
        self._retrain_job = job
        self._retrain_spec = spec
        self.retrain_progress.setRange(0, 0)
        self.retrain_status.setText(self.tr("Preparing…"))
        self._runner.start(job)
        self._update_retrain()
        self._update_state()
        return True

    def cancel_retrain(self) -> None:
        if self._retrain_job is not None:
            self._retrain_job.cancel()
            self.retrain_status.setText(self.tr("Cancelling…"))

    def is_retraining(self) -> bool:
        return self._retrain_job is not None

    def _from_retrain_job(self) -> bool:
        return self._retrain_job is not None and self.sender() is self._retrain_job

    @Slot(str, str, int, int)
    def _on_retrain_stage(self, stage: str, message: str, done: int, total: int) -> None:
        if not self._from_retrain_job() or self._retrain_job.is_cancelled():
            return
        texts = {
            "preparing": self.tr("Preparing…"),
            "extracting": self.tr("Reading the pictures…"),
            "training": self.tr("Training…"),
            "evaluating": self.tr("Checking…"),
            "saving": self.tr("Saving…"),
        }
        self.retrain_status.setText(texts.get(stage, stage))
        if stage == "extracting" and total:
            self.retrain_progress.setRange(0, total)
            self.retrain_progress.setValue(done)
            self.retrain_status.setText(self.tr("Reading the pictures… {done} of {total}").format(done=done, total=total))
        elif stage != "training":
            self.retrain_progress.setRange(0, 0)

    @Slot(list)
    def _on_retrain_batches(self, events: list) -> None:
        if self._from_retrain_job() and events and not self._retrain_job.is_cancelled():
            ev = events[-1]
            self.retrain_progress.setRange(0, 1000)
            self.retrain_progress.setValue(int(1000 * min(1.0, max(0.0, float(ev.get("progress", 0.0))))))
            self.retrain_status.setText(self.tr("Training… epoch {epoch} of {epochs}").format(
                epoch=ev.get("epoch", 0), epochs=ev.get("epochs", 0)))

    @Slot(dict)
    def _on_retrained(self, result: dict) -> None:
        if not self._from_retrain_job():
            return
        path = result.get("model_path") or ""
        if result.get("cancelled") or not path:
            self.status_message.emit(self.tr("Retraining cancelled; the model in use did not change."), 6000)
            return
        corrected = list(self._corrections.get(self._retrain_spec, {}))
        self.status_message.emit(self.tr("Retrained: {accuracy:.0%} right on the check pictures. Now using {name}.").format(
            accuracy=float(result.get("val_accuracy", 0.0)), name=Path(path).stem), 8000)
        self._reclassify = (path, corrected)
        self.model_retrained.emit(path)
        self.refresh_trained_models()
        self.use_model(path)

    @Slot(str, str)
    def _on_retrain_failed(self, message: str, details: str) -> None:
        if self._from_retrain_job():
            show_error(self, message, details, title=self.tr("Retraining failed"))

    @Slot()
    def _on_retrain_cancelled(self) -> None:
        if self._from_retrain_job():
            self.status_message.emit(self.tr("Retraining cancelled; the model in use did not change."), 6000)

    @Slot()
    def _on_retrain_finished(self) -> None:
        if not self._from_retrain_job():
            return
        self._retrain_job = None
        self._retrain_spec = ""
        self._update_retrain()
        self._update_state()

    def _update_retrain(self) -> None:
        spec = self._model_info.get("spec", "") if self._model_state == "ready" else ""
        n = self.corrections_count(spec)
        running = self._retrain_job is not None
        self.retrain_bar.setVisible(running or n > 0)
        self.retrain_progress.setVisible(running)
        self.retrain_status.setVisible(running)
        self.retrain_cancel.setVisible(running)
        self.retrain_button.setText(self.tr("Retrain"))
        self.retrain_cancel.setText(self.tr("Cancel"))
        self.retrain_button.setEnabled(not running and n > 0 and not self._copies)
        self.retrain_button.setToolTip(self.tr(
            "Teach the current model the photos you corrected: it learns again from its training folder, "
            "new photos included (seconds for the last layer), and the new model is used at once."))
        name = self._correct_info.get(spec, {}).get("name", "")
        if running:
            self.corrections_label.setText(self.tr("Retraining {name}…").format(
                name=self._correct_info.get(self._retrain_spec, {}).get("name", "")))
        else:
            self.corrections_label.setText(self.tr("{n} photo(s) added to the training folder of {name}.").format(
                n=n, name=name))

    # -- drag and drop ---------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasImage():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.drop_zone.set_active(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self.drop_zone.set_active(False)

    def dropEvent(self, event) -> None:  # noqa: N802
        self.drop_zone.set_active(False)
        mime = event.mimeData()
        paths = paths_from_mime(mime)
        if paths:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.classify_paths(paths)
        elif mime.hasImage():
            event.accept()
            self.classify_image(QImage(mime.imageData()))
        else:
            event.ignore()

    # -- worker signals --------------------------------------------------------------------
    @Slot(str)
    def _on_engine_ready(self, device: str) -> None:
        task = Task(weights_status, name="weights-status", background=True)
        task.succeeded.connect(lambda rows: self.picker.set_weights_available({r["name"]: r["available"] for r in rows}))
        task.start()

    @Slot(str, str)
    def _on_engine_failed(self, message: str, details: str) -> None:
        self._model_state = "failed"
        show_error(self, self.tr("The classification engine could not start: {message}").format(message=message), details)

    @Slot(str)
    def _on_model_loading(self, spec: str) -> None:
        self._model_state = "loading"
        self._update_retrain()
        self.model_status.emit(self.tr("Loading model…"))
        self._update_state()

    @Slot(object)
    def _on_model_ready(self, info: dict) -> None:
        self._model_state = "ready"
        self._model_name = info["name"]
        self._model_info = dict(info)
        self._failed_spec = ""
        if self.banner.key == "model":
            self.banner.hide()
        self._emit_model_status()
        self._update_state()
        pending, self._pending = self._pending, []
        images, self._pending_images = self._pending_images, []
        if pending:
            self.classify_paths(pending)
        for img in images:
            self.classify_image(img)
        self._learn_model(info["spec"])
        if self._reclassify is not None and self._reclassify[0] == info["spec"]:
            # the retrained model is in use: show its answer on the corrected pictures' cards
            _, paths = self._reclassify
            self._reclassify = None
            job = self.classify_paths([p for p in paths if os.path.isfile(p)])
            if job is not None:
                self._replace_jobs.add(job)
        self._update_retrain()

    def _emit_model_status(self) -> None:
        if self._model_state == "ready" and self._model_info:
            info = self._model_info
            self.model_status.emit(self.tr("{name} · {n} categories").format(name=info["name"], n=info["num_classes"]))
        elif self._model_state == "loading":
            self.model_status.emit(self.tr("Loading model…"))
        elif self._model_state == "failed":
            self.model_status.emit(self.tr("No model loaded"))

    @Slot(str, str, str, bool)
    def _on_model_failed(self, spec: str, message: str, details: str, weights_missing: bool) -> None:
        self._model_state = "failed"
        self._failed_spec = spec
        self._update_retrain()
        self.model_status.emit(self.tr("No model loaded"))
        from ..engine.zoo import ZOO

        if weights_missing and spec in ZOO:
            info = ZOO[spec]
            text = self.tr("The ImageNet weights for {name} are not on this computer yet. Download them "
                           "once (internet needed), or choose a weights file you already have.").format(name=info.display_name)
            self.banner.show_message("model", text, [("download", self.tr("Download")),
                                                     ("choose", self.tr("Choose a file…")),
                                                     ("details", self.tr("Details"))])
        else:
            self.banner.show_message("model", self.tr("This model could not be loaded: {message}").format(message=message),
                                     [("choose", self.tr("Choose another model file…")), ("details", self.tr("Details"))])
        self._banner_details = (message, details)
        self._update_state()

    @Slot(int, int, int)
    def _on_job_started(self, job: int, total: int, skipped: int) -> None:
        info = self._jobs.get(job)
        if info is None:
            return
        info["total"] = total
        if skipped:
            self._skipped_total += skipped
            self.note.setText(self.tr("{n} file(s) were skipped because they are not images.").format(n=self._skipped_total))
        if total == 0:
            self.status_message.emit(self.tr("No photos found in what you opened."), 5000)
        self._update_progress()

    @Slot(int, object)
    def _on_files_skipped(self, job: int, names: list) -> None:
        """Name what was left out (a few names here, more in the tooltip), never just a count."""
        if job not in self._jobs or not names:
            return
        shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
        self.note.setText(self.tr("{n} file(s) were skipped because they are not pictures: {names}").format(
            n=self._skipped_total, names=shown))
        self.note.setToolTip("\n".join(names[:50]) + ("\n…" if len(names) > 50 else ""))

    @Slot(int, object)
    def _on_results(self, job: int, items: list) -> None:
        if job in self._replace_jobs:
            self.model.update_results(items)
        else:
            self.model.add_results(items)
        if self.stack.currentIndex() == 0:
            self.stack.setCurrentIndex(1)
        self.results_changed.emit()

    @Slot(int, int, int)
    def _on_job_progress(self, job: int, done: int, total: int) -> None:
        info = self._jobs.get(job)
        if info is not None:
            info["done"], info["total"] = done, total
            self._update_progress()

    @Slot(int, str, str, str)
    def _on_job_finished(self, job: int, status: str, message: str, details: str) -> None:
        info = self._jobs.pop(job, None)
        self._replace_jobs.discard(job)
        if info is None:
            return
        if status == "no-model":
            if info.get("image") is not None:
                self._pending_images.append(info["image"])
            self._pending.extend(info["paths"])
            self.status_message.emit(self.tr("Choose or download a model first; your photos will be classified then."), 6000)
        elif status == "failed":
            show_error(self, message, details, title=self.tr("Classification stopped"))
        elif status == "cancelled":
            self.status_message.emit(self.tr("Cancelled: {done} of {total} photos were classified.").format(
                done=info["done"], total=info["total"]), 5000)
        elif info["total"]:
            self.status_message.emit(self.tr("Classified {n} photos.").format(n=info["total"]), 4000)
        self._update_progress()
        self._update_state()

    # -- GUI reactions ---------------------------------------------------------------------
    def _on_model_chosen(self, spec: str) -> None:
        self.settings.last_model = spec
        self._model_state = "loading"
        self.client.load_model(spec)
        self._update_state()

    def _on_banner_action(self, key: str) -> None:
        if key == "download":
            self.download_weights(self._failed_spec)
        elif key == "choose":
            self.choose_model_file()
        elif key == "details":
            message, details = getattr(self, "_banner_details", ("", ""))
            show_error(self, message, details)

    def download_weights(self, name: str) -> None:
        from ..engine.zoo import ZOO

        if not name or name not in ZOO or self._download is not None:
            return
        info = ZOO[name]
        dialog = QProgressDialog(self.tr("Downloading the {name} weights…").format(name=info.display_name),
                                 self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(self.tr("Download"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        task = Task(download_weights, name, with_progress=True, with_cancel=True, name="download")

        def on_progress(done: int, total: int) -> None:
            if total:
                dialog.setMaximum(max(1, total // 1024))
                dialog.setValue(min(done // 1024, total // 1024))
                dialog.setLabelText(self.tr("Downloading the {name} weights… {done:.1f} of {total:.1f} MB").format(
                    name=info.display_name, done=done / 1e6, total=total / 1e6))

        task.progress.connect(on_progress)
        dialog.canceled.connect(task.cancel)
        task.succeeded.connect(lambda _p: (self.picker.set_weights_available({**self.picker._available, name: True}),
                                           self.client.load_model(name)))
        task.failed.connect(lambda m, d: show_error(self, m, d, title=self.tr("Download failed")))
        task.cancelled.connect(lambda: self.status_message.emit(self.tr("Download cancelled."), 4000))
        task.finished.connect(dialog.close)
        task.finished.connect(self._on_download_done)
        self._download = task.start()
        dialog.show()

    def _on_download_done(self) -> None:
        self._download = None

    def _on_exported(self, path: str, n: int) -> None:
        self.status_message.emit(self.tr("Saved {n} results to {path}").format(n=n, path=path), 8000)
        self.export_finished.emit(path)

    def _on_export_task_done(self) -> None:
        self._export = None
        self._update_state()

    def _on_sort(self) -> None:
        mode = self.sort_combo.currentData() or "added"
        self.settings.sort_mode = mode
        self.model.set_sort_mode(mode)

    def _on_threshold(self, value: int) -> None:
        self.settings.not_sure_threshold = value / 100
        self.model.set_threshold(value / 100)
        self.list.viewport().update()

    # -- "Show why" --------------------------------------------------------------------------
    @Slot(int)
    def _on_heat_needed(self, record_id: int) -> None:
        r = self.model.record_by_id(record_id)
        if r is None or not self.model.show_why:
            return
        key = r.explain_key(self.model.why_layer)
        if key is None or key in r.heat or key in r.heat_failed or (record_id, key) in self._why_pending:
            return
        self._why_pending.add((record_id, key))
        self.client.explain({"key": (record_id, key), "model": r.model, "path": r.path, "label": key[0],
                             "layer": key[1], "thumb": r.thumb, "cancel": self._why_cancel})

    @Slot(object)
    def _on_explained(self, reply: dict) -> None:
        record_id, key = reply["key"]
        if (record_id, key) not in self._why_pending:
            return  # turned off or cleared meanwhile
        self._why_pending.discard((record_id, key))
        heat = reply.get("heat")
        self.model.set_heat(record_id, key, heat)
        if heat is not None or self._why_error_shown:
            return
        self._why_error_shown = True  # one message, not one per card
        r = self.model.record_by_id(record_id)
        name = r.name if r is not None else ""
        if reply.get("reason") == "other-model":
            text = self.tr("{name} was classified with another model: classify it again to see why.").format(name=name)
        else:
            text = self.tr("Could not show why for {name}: {message}").format(name=name, message=reply.get("message", ""))
        self.status_message.emit(text, 8000)

    @Slot(QPersistentModelIndex, int)
    def _on_label_clicked(self, pindex: QPersistentModelIndex, rank: int) -> None:
        if pindex.isValid():
            self.choose_explained_label(pindex.row(), rank)

    def _on_why_opacity(self, value: int) -> None:
        self.model.why_opacity = value / 100
        self.list.viewport().update()

    def _on_why_layer(self) -> None:
        self.model.set_why_layer(self.why_layer.currentData() or "layer4")
        self.list.viewport().update()

    @Slot(QPersistentModelIndex)
    def _toggle_card(self, pindex: QPersistentModelIndex) -> None:
        if not pindex.isValid():
            return
        row = pindex.row()
        r = self.model.record(row)
        if r.error or len(r.predictions) < 2:
            return
        self.model.set_expanded(row, not r.expanded)
        self.delegate.sizeHintChanged.emit(self.model.index(row))

    def _open_index(self, index: QModelIndex) -> None:
        r = index.data(Roles.Record)
        if r is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(r.path))

    def _context_menu(self, pos) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid():
            return
        r = index.data(Roles.Record)
        menu = QMenu(self)
        menu.addAction(self.tr("Open the photo"), lambda: self._open_index(index))
        menu.addAction(self.tr("Show in folder"),
                       lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(r.path))))
        menu.addSeparator()
        if r.label:
            menu.addAction(self.tr("Copy label"), lambda: QGuiApplication.clipboard().setText(r.predictions[0][0]))
            # the keyboard's way to pick which label "Show why" explains
            why = menu.addMenu(self.tr("Show why it could be"))
            for rank, (lab, sc, _) in enumerate(r.predictions):
                a = why.addAction(self.tr("{label} ({score:.0%})").format(label=lab, score=sc))
                a.setCheckable(True)
                a.setChecked(self.model.show_why and rank == r.explain_rank)
                a.triggered.connect(lambda _=False, row=index.row(), rank=rank: (
                    self.set_show_why(True), self.choose_explained_label(row, rank)))
        menu.addAction(self.tr("Copy file path"), lambda: QGuiApplication.clipboard().setText(r.path))
        if self.can_correct(r):
            # the keyboard's way to the cards' "Right" / "Wrong…" buttons
            menu.addSeparator()
            menu.addAction(self.tr("Right: add to “{category}”").format(category=r.label),
                           lambda rid=r.id: self.mark_right(rid))
            menu.addMenu(self._wrong_menu(r.id, menu))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def _update_summary(self) -> None:
        c = self.model.counts()
        if not c["total"]:
            self.summary.setText("")
            return
        parts = [self.tr("{n} photos").format(n=c["total"])]
        if c["not_sure"]:
            parts.append(self.tr("{n} not sure").format(n=c["not_sure"]))
        if c["errors"]:
            parts.append(self.tr("{n} could not be read").format(n=c["errors"]))
        self.summary.setText(" · ".join(parts))

    def _update_progress(self) -> None:
        total = sum(j["total"] for j in self._jobs.values())
        done = sum(j["done"] for j in self._jobs.values())
        active = bool(self._jobs)
        self.progress.setVisible(active)
        self.progress_label.setVisible(active)
        self.cancel_button.setVisible(active)
        if not active:
            return
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress_label.setText(self.tr("Classifying {done} of {total}…").format(done=done, total=total))
        else:
            self.progress.setRange(0, 0)
            self.progress_label.setText(self.tr("Waiting for the model…") if self._model_state != "ready"
                                        else self.tr("Looking for photos…"))

    def _update_state(self) -> None:
        has_results = self.model.rowCount() > 0
        self.export_action.setEnabled(has_results and self._export is None)
        self.clear_action.setEnabled(has_results or bool(self._jobs))
        why = self.why_action.isChecked()
        if self.why_opacity.isVisibleTo(self) != why:
            # The heat-map controls only take room in the top row while "Show why" is on, so the
            # model's name and the buttons' words fit a normal window.
            for w in (self.why_opacity, self.why_layer):
                w.setEnabled(why)
                w.setVisible(why)
            self._fit_rows()
        self.cancel_action.setEnabled(bool(self._jobs))
        if not has_results and not self._jobs:
            self.stack.setCurrentIndex(0)
        self.busy_changed.emit(self.is_busy())
