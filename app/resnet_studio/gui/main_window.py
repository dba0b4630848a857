"""The main window: Classify, Train, Models, Camera and Label tabs, menus, status bar, and a clean shutdown."""

from __future__ import annotations

import gc
import importlib
import time
import warnings

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget,
)

from .. import __version__
from .classify_view import ClassifyView
from .i18n import LANGUAGES, LanguageManager
from .jobs.library_watch import LibraryWatch
from .label import LabelView
from .models.opener import ModelOpener
from .models_view import ModelsView
from .settings import Settings
from .webcam_view import WebcamView
from .widgets.icons import app_icon, icon
from .workers import InferenceClient, Task

CLASSIFY_TAB, TRAIN_TAB, MODELS_TAB, CAMERA_TAB, LABEL_TAB = 0, 1, 2, 3, 4
#: How long closing waits for a cancelled job to stop before giving up on it (ms).
SHUTDOWN_WAIT_MS = 60000
#: How long closing waits for work nobody would lose (torch or a model still loading, a weights
#: look-up, the training helper starting) before the process exit leaves it behind (ms): loading
#: torch cannot be interrupted and took up to 30 s on a busy machine, while the window was gone.
LOADING_WAIT_MS = 500


class MainWindow(QMainWindow):
    """Everything the user sees. ``start()`` begins loading the engine on the worker thread."""

    shown = Signal()  # first time the window is painted (startup benchmark)

    def __init__(self, settings: Settings | None = None, languages: LanguageManager | None = None, *,
                 device: str = "auto", backend: str = "auto", load_train_view: bool = True) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.languages = languages or LanguageManager()
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setMinimumSize(760, 540)
        self.resize(1080, 720)
        self._engine_text = ""  # the engine's own (English) device text: the fallback
        self._device_info: dict | None = None  # engine.devices.device_info, worded in _device_text
        self._backend_text = ""  # "PyTorch" / "ONNX Runtime" once a model is loaded (names, not words)
        self._engine_state = "loading"  # loading | ready | failed
        self._model_text = ""
        self._shut_down = False
        self._left_running = False  # threads still loading when shutdown() gave up on them
        self._helper_started = False
        self._helper_wanted = False
        self._model_settled = False
        self._shown_once = False
        self.train_view: QWidget | None = None
        self._load_train_view = load_train_view
        self._device, self._backend = device, backend
        self.diagnostics = None  # the Help → Diagnostics dialog, made on first use
        self.guide = None  # the Help → Guide window, made on first use

        self.client = InferenceClient(device, self, backend=backend)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.classify = ClassifyView(self.client, self.settings)
        self._train_placeholder = QWidget()
        ph = QVBoxLayout(self._train_placeholder)
        self._train_placeholder_label = QLabel()
        self._train_placeholder_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._train_placeholder_label.setWordWrap(True)
        ph.addWidget(self._train_placeholder_label)
        self.models = ModelsView(self.settings)
        self.library = LibraryWatch(self)  # one model library for every view and menu
        self.models.set_library(self.library)
        self.opener = ModelOpener(self)  # a model file dropped on any tab, or opened with the app
        self.setAcceptDrops(True)
        self.installEventFilter(self.opener)
        self.classify.installEventFilter(self.opener)
        self.tabs.addTab(self.classify, icon("classify"), "")
        self.tabs.addTab(self._train_placeholder, icon("train"), "")
        self.tabs.addTab(self.models, icon("models"), "")
        self.camera = WebcamView(device=device, backend=backend)
        self.tabs.addTab(self.camera, icon("camera"), "")
        self.label = LabelView()
        self.label.installEventFilter(self.opener)
        self.tabs.addTab(self.label, icon("label"), "")
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self.device_label = QLabel()
        self.device_label.setObjectName("deviceLabel")
        self.model_label = QLabel()
        self.model_label.setObjectName("modelLabel")
        self.statusBar().addPermanentWidget(self.model_label)
        self.statusBar().addPermanentWidget(self.device_label)

        self._build_menus()
        self._connect()
        geometry = self.settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.tabs.setCurrentIndex(min(max(self.settings.current_tab, 0), self.tabs.count() - 1))
        self._show_label_undo(self.tabs.currentIndex() == LABEL_TAB)
        self.retranslate_ui()

    # -- construction ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        c = self.classify
        mb = self.menuBar()
        self.file_menu = mb.addMenu("")
        self.file_menu.addAction(c.open_files_action)
        self.file_menu.addAction(c.open_folder_action)
        self.recent_menu = self.file_menu.addMenu(icon("folder"), "")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addAction(c.paste_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(c.sorter.action)
        self.file_menu.addAction(c.export_action)
        self.file_menu.addAction(c.clear_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.models.import_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(icon("quit"), "", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = mb.addMenu("")
        self.edit_menu.addAction(self.models.undo_action)
        self.edit_menu.addAction(c.sorter.undo_action)
        # The Label tab's undo and redo: shown (and their keys live) only while that tab is open.
        self.edit_menu.addAction(self.label.undo_action)
        self.edit_menu.addAction(self.label.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(c.cancel_action)

        self.view_menu = mb.addMenu("")
        self.tab_actions = []
        for i, name in enumerate(("classify", "train", "models", "camera", "label")):
            a = QAction(icon(name), "", self)
            a.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            a.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
            self.view_menu.addAction(a)
            self.tab_actions.append(a)

        self.language_menu = mb.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            a = QAction(name, self)
            a.setCheckable(True)
            a.setData(code)
            a.triggered.connect(lambda _=False, code=code: self.set_language(code))
            self.language_group.addAction(a)
            self.language_menu.addAction(a)
            self.language_actions[code] = a
        self.language_actions.get(self.languages.current, self.language_actions["en"]).setChecked(True)

        self.help_menu = mb.addMenu("")
        self.guide_action = QAction(icon("help"), "", self)
        self.guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.guide_action.triggered.connect(self.show_guide)
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addSeparator()
        self.data_folder_action = QAction(icon("folder"), "", self)
        self.data_folder_action.triggered.connect(self._open_data_folder)
        self.about_action = QAction(icon("help"), "", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._about)
        self.diagnostics_action = QAction(icon("info"), "", self)
        self.diagnostics_action.triggered.connect(self.show_diagnostics)
        self.help_menu.addAction(self.diagnostics_action)
        self.help_menu.addAction(self.data_folder_action)
        self.help_menu.addAction(self.about_action)

        # Paste/Open/Export act on the Classify view: bring it to the front first.
        for a in (c.open_files_action, c.open_folder_action, c.paste_action, c.export_action):
            a.triggered.connect(lambda _=False: self.tabs.setCurrentIndex(CLASSIFY_TAB))

    def _connect(self) -> None:
        w = self.client  # its signals arrive on the GUI thread (see InferenceClient)
        w.device_found.connect(self._on_device_found)
        w.engine_ready.connect(self._on_engine_ready)
        w.engine_failed.connect(self._on_engine_failed)
        w.model_ready.connect(self._on_model_ready)
        w.model_ready.connect(self._on_model_settled)
        w.model_failed.connect(self._on_model_settled)
        self.classify.delegate.right_clicked.connect(self.want_training_helper)  # a retrain may follow
        self.classify.delegate.wrong_clicked.connect(self.want_training_helper)
        self.classify.status_message.connect(self._show_status)
        self.classify.model_status.connect(self._on_model_status)
        self.models.status_message.connect(self._show_status)
        self.models.use_model_requested.connect(self.use_model)
        lib = self.library  # the picker's list first, then whether the model in use is still there
        lib.changed.connect(self.classify.refresh_trained_models)
        lib.changed.connect(self.classify.model_state.library_changed)
        lib.renamed.connect(self.classify.model_state.model_renamed)
        self.classify.model_retrained.connect(self._reread_library)  # list the new version
        w.engine_ready.connect(lambda _t: self.models.set_engine_ready(True))
        w.model_ready.connect(self.camera.set_model_info)  # the camera classifies with the Classify view's model
        self.camera.status_message.connect(self._show_status)
        self.label.status_message.connect(self._show_status)
        self.label.train_requested.connect(self.train_on_folder)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("ResNet Studio"))
        self.tabs.setTabText(CLASSIFY_TAB, self.tr("Classify"))
        self.tabs.setTabText(TRAIN_TAB, self.tr("Train"))
        self.tabs.setTabText(MODELS_TAB, self.tr("Models"))
        self.tabs.setTabToolTip(CLASSIFY_TAB, self.tr("Find out what is in your photos (Ctrl+1)"))
        self.tabs.setTabToolTip(TRAIN_TAB, self.tr("Teach a model your own categories (Ctrl+2)"))
        self.tabs.setTabToolTip(MODELS_TAB, self.tr("See, rename, import and export models (Ctrl+3)"))
        self.tabs.setTabText(CAMERA_TAB, self.tr("Camera"))
        self.tabs.setTabToolTip(CAMERA_TAB, self.tr("Classify what your camera sees, live (Ctrl+4)"))
        self.tabs.setTabText(LABEL_TAB, self.tr("Label"))
        self.tabs.setTabToolTip(LABEL_TAB, self.tr("Sort a folder of pictures into categories, helped by suggestions (Ctrl+5)"))
        if self.train_view is None:
            self._train_placeholder_label.setText(
                self.tr("Loading the Train view…") if self._load_train_view
                else self.tr("The Train view is not available in this version."))
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Recent folders"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        for a, text in zip(self.tab_actions, (self.tr("Classify"), self.tr("Train"), self.tr("Models"), self.tr("Camera"), self.tr("Label"))):
            a.setText(text)
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.data_folder_action.setText(self.tr("Open the data folder"))
        self.data_folder_action.setToolTip(self.tr("Where your trained models and settings are kept"))
        self.about_action.setText(self.tr("About ResNet Studio"))
        self.diagnostics_action.setText(self.tr("Diagnostics…"))
        self.guide_action.setText(self.tr("Guide"))
        self.guide_action.setToolTip(self.tr("First steps, keyboard shortcuts and where your models are kept (F1)"))
        if self.guide is not None:
            self.guide.set_language()
        self.diagnostics_action.setToolTip(self.tr("Check that every part of ResNet Studio works on this computer"))
        self._update_device_label()
        self.model_label.setToolTip(self.tr("The model used to classify"))
        self.device_label.setToolTip(self.tr("Where the models run: the processor (CPU) or a graphics card (GPU)"))
        if self.train_view is not None and hasattr(self.train_view, "retranslate_ui"):
            self.train_view.retranslate_ui()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- life cycle ------------------------------------------------------------------------
    def start(self) -> None:
        """Start the engine thread (torch loads there) and, a moment later, the Train view."""
        self.client.start()
        self.classify.start()
        self.library.start()
        self.models.refresh()
        if self._load_train_view:
            QTimer.singleShot(150, self.load_train_view)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.shown.emit)

    def load_train_view(self) -> QWidget | None:
        """Create the Train tab (its plotting library is slow to import, so not before first paint)."""
        if self.train_view is not None or self._shut_down:
            return self.train_view
        try:
            module = importlib.import_module(".train_view", __package__)
            view = module.TrainView()
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith("train_view"):
                self._load_train_view = False
                self.retranslate_ui()
                return None
            raise
        self.train_view = view
        if self._device_info:
            view.set_device_kind(str(self._device_info.get("kind") or "cpu"))
        self.freeze_gc()  # pyqtgraph and the Train view's widgets are here for good too
        current = self.tabs.currentIndex()
        self.tabs.removeTab(TRAIN_TAB)
        self.tabs.insertTab(TRAIN_TAB, view, icon("train"), self.tr("Train"))
        self.tabs.setTabToolTip(TRAIN_TAB, self.tr("Teach a model your own categories (Ctrl+2)"))
        self.tabs.setCurrentIndex(current)
        self._train_placeholder.deleteLater()
        if hasattr(view, "model_trained"):
            view.model_trained.connect(self._on_model_trained)
        if hasattr(view, "dataset"):
            view.dataset.folder_changed.connect(self.want_training_helper)
            view.dataset.installEventFilter(self.opener)  # a model file dropped there is imported
        if hasattr(view, "use_model_requested"):
            view.use_model_requested.connect(self.use_model)
        results = getattr(view, "results", None)
        if results is not None and hasattr(results, "follow_library"):
            self.library.changed.connect(lambda _entries: results.follow_library())
            self.library.renamed.connect(results.follow_library)
            results.model_moved.connect(self.library.note_renamed)
        return view

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._shut_down:
            event.accept()
            return
        if self.is_busy() and not self.confirm_stop_jobs():
            event.ignore()
            return
        self.hide()  # gone at once; stopping a run or an export may take a moment more
        self.shutdown()
        event.accept()

    def is_busy(self) -> bool:
        train_busy = bool(self.train_view is not None and getattr(self.train_view, "is_busy", lambda: False)())
        return self.classify.is_busy() or train_busy or bool(Task.running())

    def confirm_stop_jobs(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Stop and quit?"),
            self.tr("A job is still running. Stop it and quit ResNet Studio?\n\n"
                    "Classification results not exported yet are lost; a training run stops and keeps the best model so far."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def shutdown(self) -> None:
        """Cancel every job, wait for every thread, save settings. Safe to call twice."""
        if self._shut_down:
            return
        self._shut_down = True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.settings.set_window_geometry(self.saveGeometry())
            self.settings.current_tab = self.tabs.currentIndex()
            self.classify.cancel()
            self.camera.shutdown(SHUTDOWN_WAIT_MS)
            self.label.shutdown(SHUTDOWN_WAIT_MS)
            if self.train_view is not None and hasattr(self.train_view, "cancel_and_wait"):
                self.train_view.cancel_and_wait(SHUTDOWN_WAIT_MS)
            self.classify.cancel_and_wait_tasks(SHUTDOWN_WAIT_MS)
            self._cancel_and_wait_tasks()
            # The inference thread holds nothing of the user's (results are in the window already).
            # Loading torch or a model cannot be interrupted: wait briefly, then leave it. A loaded
            # model only finishes the batch it is on after the cancel: worth the wait (a clean exit).
            loaded = self.classify._model_state == "ready"
            if not self.client.shutdown(SHUTDOWN_WAIT_MS if loaded else LOADING_WAIT_MS):
                self._left_running = True
            # A model or engine that finishes loading after this must not start work in closed views.
            self.client.blockSignals(True)
            self.library.stop()
            self.models.finish()
            self.settings.sync()
        finally:
            QApplication.restoreOverrideCursor()

    def _cancel_and_wait_tasks(self) -> None:
        """Cancel every task; wait for the user's (an export, a rename) until done, for background
        look-ups only briefly."""
        tasks = Task.running(include_background=True)
        for t in tasks:
            t.cancel()
        background_until = time.monotonic() + LOADING_WAIT_MS / 1000  # one wait for all of them
        for t in sorted(tasks, key=lambda t: t.background):  # the user's first: they take longest
            left_ms = max(0, int((background_until - time.monotonic()) * 1000))
            if not t.wait(left_ms if t.background else SHUTDOWN_WAIT_MS):
                self._left_running = True
                # Its answer would reach views that are gone (or going) with this window.
                for signal in (t.progress, t.succeeded, t.failed, t.cancelled, t.finished):
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore", RuntimeWarning)  # nothing was connected
                        try:
                            signal.disconnect()
                        except (RuntimeError, TypeError):
                            pass

    def left_running(self) -> bool:
        """True after :meth:`shutdown` when a thread was still loading (torch, a model) and was left
        to finish on its own: the process must then end with ``os._exit`` once settings are saved,
        as Qt aborts when a running thread is destroyed."""
        return self._left_running

    # -- reactions -------------------------------------------------------------------------
    @staticmethod
    def freeze_gc() -> None:
        """Move everything alive now (torch, torchvision, Qt wrappers: ~400k objects) out of
        Python's cyclic garbage collector. A full collection over them takes 200-400 ms and
        would freeze the window at random moments; new objects are still collected as usual."""
        gc.freeze()

    @Slot(str)
    def _on_engine_ready(self, text: str) -> None:
        self._engine_state, self._engine_text = "ready", text
        self._update_device_label()
        self.freeze_gc()

    @Slot()
    def _on_model_settled(self) -> None:
        self._model_settled = True
        self._start_helper_if_due()

    def want_training_helper(self, *_args) -> None:
        """A training run is likely soon (the Train tab was opened, a data set chosen, a result
        marked right or wrong): have its helper process ready by then."""
        self._helper_wanted = True
        self._start_helper_if_due()

    def _start_helper_if_due(self) -> None:
        """Start the helper process that training runs use (torch loads there in ~5 s, before the
        user presses Start), once a run is likely and the first model has loaded (or failed to):
        the first photos do not compete with it for the CPU, and a user who never trains never
        has the helper's ~400 MB in memory."""
        if self._helper_started or self._shut_down or not (self._helper_wanted and self._model_settled):
            return
        self._helper_started = True
        from .train_worker import prestart_helper

        Task(prestart_helper, name="start-training-helper", background=True).start()

    @Slot(str, str)
    def _on_engine_failed(self, message: str, details: str) -> None:
        self._engine_state = "failed"
        self._update_device_label()

    def _update_device_label(self) -> None:
        if self._engine_state == "loading":
            self.device_label.setText(self.tr("Loading engine…"))
        elif self._engine_state == "failed":
            self.device_label.setText(self.tr("Engine not available"))
        else:
            self.device_label.setText(self._device_text())

    @Slot(object)
    def _on_device_found(self, info: dict) -> None:
        self._device_info = dict(info)
        if self.train_view is not None and hasattr(self.train_view, "set_device_kind"):
            self.train_view.set_device_kind(str(info.get("kind") or "cpu"))  # its time estimates

    def _device_text(self) -> str:
        """"CPU · 2 threads · PyTorch" in the user's language (the engine words it in English)."""
        info = self._device_info
        if not info:
            return self._engine_text
        kind, threads = info.get("kind"), int(info.get("threads") or 0)
        if kind == "cuda":
            text = self.tr("CUDA · {gpu}").format(gpu=info.get("name") or self.tr("graphics card"))
        elif kind == "mps":
            text = self.tr("Apple MPS")
        elif threads == 1:
            text = self.tr("CPU · 1 thread")
        else:
            text = self.tr("CPU · %n threads", "", int(threads))
        return f"{text} · {self._backend_text}" if self._backend_text else text

    def _on_model_ready(self, info: dict) -> None:
        self.freeze_gc()
        if info.get("device"):
            self._engine_state, self._engine_text = "ready", str(info["device"])
            self._device_info = info.get("device_info") or self._device_info
            self._backend_text = str(info.get("backend") or "")
            self._update_device_label()

    def _on_model_status(self, text: str) -> None:
        self._model_text = text
        self.model_label.setText(text)

    def _show_status(self, text: str, timeout: int = 0) -> None:
        self.statusBar().showMessage(text, timeout)

    def _on_tab_changed(self, index: int) -> None:
        self._show_label_undo(index == LABEL_TAB)
        if index == TRAIN_TAB:
            self.want_training_helper()
            if self.train_view is None and self._load_train_view:
                QTimer.singleShot(0, self.load_train_view)

    def _show_label_undo(self, active: bool) -> None:
        # One Ctrl+Z at a time: the Models tab's "undo delete" owns it everywhere but in the Label tab.
        for a in (self.label.undo_action, self.label.redo_action):
            a.setVisible(active)
        self.models.undo_action.setShortcut(QKeySequence() if active else QKeySequence(QKeySequence.StandardKey.Undo))

    @Slot(str)
    def train_on_folder(self, folder: str) -> None:
        """The Label tab saved a training folder and the user wants to train on it."""
        view = self.load_train_view()
        if view is not None and hasattr(view, "set_dataset_folder"):
            view.set_dataset_folder(folder)
            self.tabs.setCurrentIndex(TRAIN_TAB)

    @Slot(str)
    def _on_model_trained(self, path: str) -> None:
        self._reread_library()

    def _reread_library(self, *_args) -> None:
        """A model was added: read the library (every model file's header) once for every view,
        on a worker rather than on the GUI thread."""
        self.library.refresh_now()

    @Slot(str)
    def use_model(self, spec: str) -> None:
        self.classify.use_model(spec)
        self.tabs.setCurrentIndex(CLASSIFY_TAB)

    def set_language(self, code: str) -> None:
        """Switch language live; every view re-reads its texts on Qt's LanguageChange event."""
        self.settings.language = code
        if not self.languages.apply(code):
            self._show_status(self.tr("This translation is missing; showing English."), 6000)
            code = "en"
        self.language_actions[code].setChecked(True)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        folders = self.settings.recent_folders()
        for folder in folders:
            a = self.recent_menu.addAction(folder)
            a.triggered.connect(lambda _=False, f=folder: (self.tabs.setCurrentIndex(CLASSIFY_TAB),
                                                           self.classify.open_folder(f)))
        if not folders:
            a = self.recent_menu.addAction(self.tr("No recent folders"))
            a.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear the list"), self.settings.clear_recent_folders)

    def show_diagnostics(self, checks: list[str] | None = None):
        """Open Help → Diagnostics and run the self-test (``checks``: a subset, for tests)."""
        from .widgets.diagnostics import DiagnosticsDialog

        if self.diagnostics is None or checks is not None:
            self.diagnostics = DiagnosticsDialog(self, device=self._device, backend=self._backend, checks=checks)
        self.diagnostics.show()
        self.diagnostics.raise_()
        self.diagnostics.activateWindow()
        if not self.diagnostics.is_running():
            self.diagnostics.start()
        return self.diagnostics

    def show_guide(self):
        """Help → Guide (F1): the short offline guide in the UI's language."""
        from .widgets.guide import GuideDialog

        if self.guide is None:
            self.guide = GuideDialog(parent=self)
        else:
            self.guide.set_language()
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        return self.guide

    def _open_data_folder(self) -> None:
        from ..engine.paths import user_data_dir

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(user_data_dir())))

    def _about(self) -> None:
        QMessageBox.about(
            self, self.tr("About ResNet Studio"),
            self.tr("<h3>ResNet Studio {version}</h3><p>Classify photos with ResNet models and teach them "
                    "your own categories — no code needed.</p><p>Built with PyTorch, torchvision and Qt.</p>"
                    ).format(version=__version__))

    def classify_on_start(self, paths: list[str]) -> None:
        """Paths the app was opened with: a model file among them is imported first (the pictures
        are then classified with it), else the pictures are classified."""
        if self.opener.open_paths(paths):
            return
        if paths:
            self.tabs.setCurrentIndex(CLASSIFY_TAB)
            self.classify.classify_paths(paths)
