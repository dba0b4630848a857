"""How the Classify view is laid out: its widgets and actions, and how its rows fit a narrow window.

``build(view)`` creates the widgets in the order the view always had (it is the focus order) and
sets them as the view's attributes (``view.picker``, ``view.list``, ``view.retrain_bar``...);
the view wires their signals afterwards (``ClassifyView._wire``). ``fit_rows(view)`` is the one
piece of layout that reacts to the window's width.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListView, QProgressBar,
    QPushButton, QSlider, QSpinBox, QStackedWidget, QToolButton, QVBoxLayout, QWidget,
)

from ..widgets.banner import Banner
from ..widgets.drop_zone import DropZone
from ..widgets.icons import icon
from ..widgets.model_picker import ModelPicker
from ..widgets.results import ResultCardDelegate, ResultsModel

#: The residual stages "Show why" can look at (engine.explain.LAYERS; not imported: it loads numpy).
WHY_LAYERS = ("layer4", "layer3", "layer2")


def build(v) -> None:
    """Create the view's widgets: the top row, the banner, the drop zone / results pages, the
    retrain bar and the progress row."""
    root = QVBoxLayout(v)
    root.setContentsMargins(12, 10, 12, 8)
    root.setSpacing(8)
    _build_top_row(v, root)
    _build_pages(v, root)
    _build_retrain_bar(v, root)
    _build_progress_row(v, root)


def _tool(action: QAction) -> QToolButton:
    b = QToolButton()
    b.setDefaultAction(action)
    b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    b.setAutoRaise(True)
    return b


def _build_top_row(v, root: QVBoxLayout) -> None:
    """Model picker, open buttons, "Show why" and its controls, export and clear."""
    top = QHBoxLayout()
    top.setSpacing(6)
    v.model_label = QLabel()
    v.picker = ModelPicker()
    v.picker.set_current_spec(v.settings.last_model)
    v.model_label.setBuddy(v.picker)
    top.addWidget(v.model_label)
    top.addWidget(v.picker, 1)
    top.addSpacing(12)

    v.open_files_action = QAction(icon("open"), "", v)
    v.open_files_action.setShortcut(QKeySequence.StandardKey.Open)
    v.open_folder_action = QAction(icon("folder"), "", v)
    v.open_folder_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
    v.paste_action = QAction(icon("paste"), "", v)
    v.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
    v.export_action = QAction(icon("export"), "", v)
    v.export_action.setShortcut(QKeySequence("Ctrl+E"))
    v.clear_action = QAction(icon("clear"), "", v)
    v.clear_action.setShortcut(QKeySequence("Ctrl+Shift+Backspace"))
    v.cancel_action = QAction(icon("cancel"), "", v)
    v.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    v.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    v.addAction(v.cancel_action)

    v.open_files_button = _tool(v.open_files_action)
    v.open_folder_button = _tool(v.open_folder_action)
    v.export_button = _tool(v.export_action)
    v.sort_button = _tool(v.sorter.action)
    v.clear_button = _tool(v.clear_action)
    for b in (v.open_files_button, v.open_folder_button):
        top.addWidget(b)
    top.addSpacing(12)
    v.why_action = QAction(icon("search"), "", v)
    v.why_action.setCheckable(True)
    v.why_action.setShortcut(QKeySequence("Ctrl+Shift+W"))
    v.why_button = _tool(v.why_action)
    v.why_button.setObjectName("showWhyButton")
    v.why_opacity = QSlider(Qt.Orientation.Horizontal)
    v.why_opacity.setObjectName("whyOpacity")
    v.why_opacity.setRange(10, 100)
    v.why_opacity.setValue(50)
    v.why_opacity.setFixedWidth(90)
    v.why_layer = QComboBox()
    v.why_layer.setObjectName("whyLayer")
    v.why_layer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for layer in WHY_LAYERS:
        v.why_layer.addItem("", layer)
    top.addWidget(v.why_button)
    top.addWidget(v.why_opacity)
    top.addWidget(v.why_layer)
    top.addStretch(1)
    top.addWidget(v.sort_button)
    top.addWidget(v.export_button)
    top.addWidget(v.clear_button)
    root.addLayout(top)
    v._top_row = top
    v._top_buttons = (v.open_files_button, v.open_folder_button, v.why_button,
                      v.sort_button, v.export_button, v.clear_button)


def _build_pages(v, root: QVBoxLayout) -> None:
    """The banner, then the drop zone (page 0) and the results page (1): filters, cards, summary."""
    v.banner = Banner()
    root.addWidget(v.banner)

    v.stack = QStackedWidget()
    v.drop_zone = DropZone()
    v.stack.addWidget(v.drop_zone)

    page = QWidget()
    pl = QVBoxLayout(page)
    pl.setContentsMargins(0, 0, 0, 0)
    pl.setSpacing(6)
    filters = QHBoxLayout()
    filters.setSpacing(8)
    v.search = QLineEdit()
    v.search.setObjectName("resultFilter")
    v.search.setClearButtonEnabled(True)
    v.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
    v.search.setMinimumWidth(180)
    v.sort_label = QLabel()
    v.sort_combo = QComboBox()
    v.sort_combo.setObjectName("sortCombo")
    for key in ResultsModel.SORTS:
        v.sort_combo.addItem("", key)
    v.sort_label.setBuddy(v.sort_combo)
    v.only_unsure = QCheckBox()
    v.only_errors = QCheckBox()
    v.show_top5 = QCheckBox()
    v.threshold_label = QLabel()
    v.threshold = QSpinBox()
    v.threshold.setObjectName("notSureThreshold")
    v.threshold.setRange(0, 100)
    v.threshold.setSuffix(" %")
    v.threshold.setValue(round(v.settings.not_sure_threshold * 100))
    v.threshold_label.setBuddy(v.threshold)
    # The check boxes and the threshold move to a line of their own when the window is too
    # narrow for one row (see fit_rows), instead of squeezing the filter box under "Sort:".
    v.filter_options = QWidget()
    v.filter_options.setObjectName("filterOptions")
    options = QHBoxLayout(v.filter_options)
    options.setContentsMargins(0, 0, 0, 0)
    options.setSpacing(8)
    options.addWidget(v.only_unsure)
    options.addWidget(v.only_errors)
    options.addWidget(v.show_top5)
    options.addStretch(1)
    options.addWidget(v.threshold_label)
    options.addWidget(v.threshold)
    filters.addWidget(v.search, 2)
    filters.addWidget(v.sort_label)
    filters.addWidget(v.sort_combo)
    filters.addWidget(v.filter_options, 3)
    v._filter_lines = QVBoxLayout()
    v._filter_lines.setSpacing(4)
    v._filter_lines.addLayout(filters)
    v._filter_row = filters
    pl.addLayout(v._filter_lines)

    v.list = QListView()
    v.list.setObjectName("resultsList")
    v.list.setModel(v.model)
    v.delegate = ResultCardDelegate(v.list)
    v.delegate.threshold_getter = lambda: v.model.threshold
    v.delegate.show_why_getter = lambda: v.model.show_why
    v.delegate.opacity_getter = lambda: v.model.why_opacity
    v.delegate.can_correct = v.can_correct
    v.list.setItemDelegate(v.delegate)
    v.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    v.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    v.list.setLayoutMode(QListView.LayoutMode.Batched)
    v.list.setBatchSize(200)
    v.list.setMouseTracking(True)
    v.list.setSpacing(0)
    v.list.setUniformItemSizes(False)
    v.list.setResizeMode(QListView.ResizeMode.Adjust)
    v.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    v.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    pl.addWidget(v.list, 1)
    v.summary = QLabel()
    v.summary.setObjectName("summaryLabel")
    pl.addWidget(v.summary)
    v.stack.addWidget(page)
    root.addWidget(v.stack, 1)


def _build_retrain_bar(v, root: QVBoxLayout) -> None:
    """Correct and retrain: how many pictures were added, the Retrain button and its progress."""
    v.retrain_bar = QWidget()
    v.retrain_bar.setObjectName("retrainBar")
    rb = QHBoxLayout(v.retrain_bar)
    rb.setContentsMargins(0, 0, 0, 0)
    rb.setSpacing(8)
    v.corrections_label = QLabel()
    v.corrections_label.setObjectName("correctionsLabel")
    v.retrain_progress = QProgressBar()
    v.retrain_progress.setObjectName("retrainProgress")
    v.retrain_progress.setTextVisible(False)
    v.retrain_progress.setMaximumWidth(220)
    v.retrain_status = QLabel()
    v.retrain_status.setObjectName("retrainStatus")
    v.retrain_button = QPushButton(icon("train"), "")
    v.retrain_button.setObjectName("retrainButton")
    v.retrain_cancel = QPushButton(icon("cancel"), "")
    v.retrain_cancel.setObjectName("retrainCancel")
    rb.addWidget(v.corrections_label, 1)
    rb.addWidget(v.retrain_status)
    rb.addWidget(v.retrain_progress)
    rb.addWidget(v.retrain_cancel)
    rb.addWidget(v.retrain_button)
    root.addWidget(v.retrain_bar)


def _build_progress_row(v, root: QVBoxLayout) -> None:
    """Classification progress, its Cancel button, and the note on skipped files."""
    bottom = QHBoxLayout()
    bottom.setSpacing(8)
    v.progress = QProgressBar()
    v.progress.setObjectName("classifyProgress")
    v.progress.setTextVisible(True)
    v.progress.setMinimumWidth(200)
    v.progress_label = QLabel()
    v.cancel_button = QPushButton(icon("cancel"), "")
    v.cancel_button.setObjectName("cancelButton")
    v.note = QLabel()
    v.note.setObjectName("quietNote")
    v.note.setWordWrap(True)
    bottom.addWidget(v.progress, 2)
    bottom.addWidget(v.progress_label, 1)
    bottom.addWidget(v.cancel_button)
    root.addLayout(bottom)
    root.addWidget(v.note)


def fit_rows(v) -> None:
    """Make the two top rows fit the view's width (it may be as narrow as its minimum, 560 px):
    the tool buttons drop their text (it stays in their tooltips), and the filter options wrap
    to a second line; at full width both look as designed."""
    margins = v.layout().contentsMargins()
    available = v.width() - margins.left() - margins.right()
    if available <= 0:
        return
    name_w = v.picker.fontMetrics().horizontalAdvance(v.picker.currentText()) + 48  # arrow, padding
    v.picker.setMinimumWidth(max(170, min(320, name_w, available // 3)))
    for b in v._top_buttons:
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    v._top_row.invalidate()
    if v._top_row.minimumSize().width() > available:
        for b in v._top_buttons:
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def min_width(w: QWidget) -> int:
        return max(w.minimumSizeHint().width(), w.minimumWidth())

    spacing = v._filter_row.spacing()
    one_line = sum(min_width(w) for w in (v.search, v.sort_label, v.sort_combo, v.filter_options))
    wrap = one_line + 3 * spacing > available
    if wrap and v._filter_row.indexOf(v.filter_options) >= 0:
        v._filter_row.removeWidget(v.filter_options)
        v._filter_lines.addWidget(v.filter_options)
    elif not wrap and v._filter_lines.indexOf(v.filter_options) >= 0:
        v._filter_lines.removeWidget(v.filter_options)
        v._filter_row.addWidget(v.filter_options, 3)
