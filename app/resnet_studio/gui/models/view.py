"""The Models view: the ImageNet zoo and the user's trained models, with an architecture summary;
and every past training run, two of which can be compared.

Listing reads model-file headers only (engine/library.py, no torch) and small run records
(engine/runs.py, read on a worker thread). Summaries, imports, renames and exports run as
:class:`~..workers.Task` jobs on worker threads; the engine calls are in :mod:`..jobs.library`.

This module holds the widget, its signals, its state and the frame (banner, the two pages); each
part of it lives in a mixin of its own (see :mod:`resnet_studio.gui.models`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from ..settings import Settings
from ..widgets.banner import Banner
from ..workers import Task
from .actions import ModelActionsMixin
from .details import ModelDetailsMixin
from .library_list import ModelListMixin
from .roles import MODELS_PAGE, RUNS_PAGE
from .runs_panel import RunsPanelMixin

if TYPE_CHECKING:  # imported when first used: its plotting library is slow to import
    from ..widgets.compare_runs import CompareRunsDialog


class ModelsView(ModelListMixin, ModelDetailsMixin, ModelActionsMixin, RunsPanelMixin, QWidget):
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
        self._build_actions()  # the list and the details show them (actions.py)
        split.addWidget(self._build_model_list())  # library_list.py
        split.addWidget(self._build_details())  # details.py
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([320, 560])
        self.sections.addTab(self._build_runs_page(), "")  # runs_panel.py
        self.sections.currentChanged.connect(self._on_section_changed)

    def retranslate_ui(self) -> None:
        self._retranslate_model_list()
        self._retranslate_actions()
        self._retranslate_details()
        self.banner.set_close_tooltip(self.tr("Hide this message"))
        self.sections.setTabText(MODELS_PAGE, self.tr("Models"))
        self.sections.setTabText(RUNS_PAGE, self.tr("Training runs"))
        self.sections.setTabToolTip(RUNS_PAGE, self.tr("Every training run, kept with its settings and curves"))
        self._retranslate_runs()
        self._fill_runs()
        self._fill_zoo()
        self._fill_trained()
        self._show_selected()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
