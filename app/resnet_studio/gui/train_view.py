"""The Train view: pick a folder of pictures, press Start, watch the model learn, keep it.

Left: the dataset (categories, counts, examples, health warnings) and the settings. Right: the
progress line and two tabs, the live curves and the results. The training itself runs in a
:class:`TrainWorker` on its own QThread; this module never imports torch.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..engine.errors import StudioError
from .errors import show_error
from .jobs.framework import JobRunner
from .jobs.training import LRFinderJob, ModelSaveJob, TrainWorker, estimate_run, measured_forward_cost
from .widgets.dataset_panel import DatasetPanel
from .widgets.plots import TrainingPlots
from .widgets.train_common import format_duration
from .widgets.train_progress import TrainProgress
from .widgets.train_settings import TrainSettingsPanel
from .widgets.training_results import TrainingResults


_SETTINGS_KEY = "train/config"
_FOLDER_KEY = "train/last_folder"
_COST_KEY = "train/forward_s/{device}"  # what the last run measured here (planning.forward_cost)
#: A run expected to take longer than this (seconds) says so and asks before it starts.
LONG_RUN_S = 600


def _settings_store() -> QSettings:
    """The app's settings store (the shell's: one file for the whole app, isolated in tests)."""
    from .settings import qsettings

    return qsettings()


class _ColumnWidth(QObject):
    """Keeps a scroll area's minimum width at its content's minimum width (+ its scroll bar)."""

    def __init__(self, scroll, content: QWidget) -> None:
        super().__init__(scroll)
        self.scroll, self.content, self.floor = scroll, content, scroll.minimumWidth()
        content.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LayoutRequest:
            need = self.content.minimumSizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width() + 2
            if need != self.scroll.minimumWidth() and need >= self.floor:
                self.scroll.setMinimumWidth(need)
        return False


class TrainView(QWidget):
    model_trained = Signal(str)  # a model file was written (after training, and after renaming)
    use_model_requested = Signal(str)  # "Use this model": the model file to classify with

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainView")
        self.setMinimumSize(760, 480)
        self._runner = JobRunner(self)
        self._train_job: TrainWorker | None = None
        self._save_job: ModelSaveJob | None = None
        self._lr_job: LRFinderJob | None = None
        # Steps of the learning-rate sweep, and what replaces ``engine.lr_finder.find_lr`` (tests).
        self.lr_finder_steps = 100
        self.find_lr_fn = None
        self.launch_dialog = None
        self._auto_name = ""  # the model name we filled in (replaced when the folder changes)
        # Extra ``TrainConfig`` values the view always passes (tests may change them).
        self.extra_config: dict = {"allow_download": True}
        # Replaces ``engine.train.train`` when set (see :class:`TrainWorker`; benchmarks).
        self.train_fn = None
        # Where training runs ("cpu", "cuda", "mps"; the main window says once the engine knows).
        self.device_kind = "cpu"
        # Asked before a long run starts: (estimate dict, settings in words) → start? Tests replace it.
        self.confirm_long_run = self._ask_long_run

        self.dataset = DatasetPanel(self._runner, self)
        self.settings = TrainSettingsPanel(self)
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("primaryButton")
        self.start_button.setDefault(True)
        self.start_button.setMinimumHeight(36)
        self.start_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.launch_button = QPushButton(self)
        self.launch_button.setObjectName("launchButton")
        self.launch_button.setFlat(True)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.dataset, 1)
        line = QFrame(left)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        left_layout.addWidget(line)
        left_layout.addWidget(self.settings)
        left_layout.addWidget(self.start_button)
        left_layout.addWidget(self.launch_button)
        scroll = QScrollArea(self)
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(360)
        # The column never gets narrower than what it holds needs (a learning-rate plot, the
        # wrong-label thumbnails): with no sideways scroll bar, anything wider would be cut off.
        self._column_width = _ColumnWidth(scroll, left)

        self.progress = TrainProgress(self)
        self.plots = TrainingPlots(self)
        self.results = TrainingResults(self._runner, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.plots, "")
        self.tabs.addTab(self.results, "")
        self.tabs.setTabEnabled(1, False)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.progress)
        right_layout.addWidget(self.tabs, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([420, 680])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.start_button.clicked.connect(self.start_training)
        self.launch_button.clicked.connect(self.open_launch_dialog)
        self.settings.find_lr_requested.connect(self.start_lr_finder)
        self.settings.lr_finder.cancel_requested.connect(self.cancel_lr_finder)
        self.progress.cancel_requested.connect(self.cancel_training)
        self.dataset.ready_changed.connect(self._update_start)
        self.dataset.folder_changed.connect(self._on_folder_changed)
        self.results.save_requested.connect(self._save_model)
        self.results.use_requested.connect(self._use_model)
        self.results.retrain_requested.connect(self.start_training)  # same settings, the changed folder
        self.retranslate_ui()
        self._restore_settings()
        self._update_start()

    # ---- public interface (used by the main window)

    def set_dataset_folder(self, path: str) -> None:
        self.dataset.set_folder(path)

    def is_busy(self) -> bool:
        """True while a model is being trained or saved (closing would lose work)."""
        return self._train_job is not None or self._save_job is not None

    def set_device_kind(self, kind: str) -> None:
        """Where training will run (``engine.devices.device_info``'s "kind"), for the time estimate."""
        self.device_kind = str(kind or "cpu")

    def cancel_and_wait(self, timeout_ms: int) -> bool:
        """Cancel every job of this view and wait for their threads; True when all have ended."""
        if self._train_job is not None:
            self.progress.cancelling()
        return self._runner.cancel_and_wait(timeout_ms)

    def retranslate_ui(self) -> None:
        self.start_button.setText(self.tr("Start training"))
        # setText replaces a button's shortcut with the text's mnemonic (none here): set it again.
        self.start_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.launch_button.setText(self.tr("Run on a bigger machine…"))
        self.launch_button.setToolTip(self.tr(
            "The command that trains this model on a computer with several GPUs, or on several computers."))
        self.tabs.setTabText(0, self.tr("Training curves"))
        self.tabs.setTabText(1, self.tr("Results"))
        self.tabs.setTabToolTip(0, self.tr("Live curves of how well the model is learning."))
        self.tabs.setTabToolTip(1, self.tr("Accuracy, mistakes and saving the model, after training."))
        self.dataset.retranslate_ui()
        self.settings.retranslate_ui()
        self.progress.retranslate_ui()
        self.plots.retranslate_ui()
        self.results.retranslate_ui()
        self._update_start()

    # ---- remembered settings

    def _restore_settings(self) -> None:
        store = _settings_store()
        try:
            values = json.loads(str(store.value(_SETTINGS_KEY, "") or "{}"))
        except ValueError:
            values = {}
        if isinstance(values, dict):
            values.pop("name", None)
            try:
                self.settings.set_config(values)
            except (TypeError, ValueError):
                pass  # a damaged entry: keep the defaults
        self.dataset.last_folder = str(store.value(_FOLDER_KEY, "") or "")

    def _remember_settings(self) -> None:
        store = _settings_store()
        config = self.settings.config()
        config.pop("name", None)
        store.setValue(_SETTINGS_KEY, json.dumps(config))
        store.setValue(_FOLDER_KEY, self.dataset.folder())
        store.sync()

    # ---- dataset

    @Slot(str)
    def _on_folder_changed(self, folder: str) -> None:
        name = Path(folder).name
        if not self.settings.model_name() or self.settings.model_name() == self._auto_name:
            self.settings.set_model_name(name)
            self._auto_name = name

    def _update_start(self, *_: object) -> None:
        training = self._train_job is not None
        finding = self._lr_job is not None
        ready = self.dataset.is_ready()
        self.start_button.setEnabled(ready and not training and not finding)
        self.launch_button.setEnabled(ready)
        self.settings.set_finding_lr(finding or not ready)
        if training:
            tip = self.tr("A model is being trained.")
        elif finding:
            tip = self.tr("Looking for a good learning rate; start when it is done.")
        elif ready:
            tip = self.tr("Train a new model on these pictures (Ctrl+Enter).")
        else:
            tip = self.tr("Choose a folder with at least two categories of pictures first.")
        self.start_button.setToolTip(tip)

    # ---- training

    def start_training(self) -> bool:
        """Start a run with the current folder and settings; False when it cannot start now."""
        if self._train_job is not None or self._lr_job is not None or not self.dataset.is_ready():
            return False
        config = {**self.settings.config(), **self.extra_config}
        config["name"] = config.get("name") or Path(self.dataset.folder()).name
        if not self._long_run_accepted(config):
            return False
        # no out_path: the engine names the new model in the library; the result says where it is
        job = TrainWorker(self.dataset.folder(), None, config, train_fn=self.train_fn)
        job.stage.connect(self._on_stage)
        job.batches.connect(self._on_batches)
        job.epoch.connect(self._on_epoch)
        job.succeeded.connect(self._on_succeeded)
        job.cancelled.connect(self._on_cancelled)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_train_finished)
        self._train_job = job
        self._remember_settings()
        self.results.clear()
        self.tabs.setTabEnabled(1, False)
        self.tabs.setCurrentIndex(0)
        self.plots.reset()
        self.progress.start()
        self.dataset.set_enabled_for_training(False)
        self.settings.setEnabled(False)
        self._update_start()
        self._runner.start(job)
        return True

    def estimate(self, config: dict | None = None) -> dict:
        """Roughly how long a run with ``config`` (default: the current settings) takes here:
        ``{"seconds", "mode", "epochs"}`` (:func:`~.jobs.training.estimate_run`)."""
        config = config if config is not None else {**self.settings.config(), **self.extra_config}
        store = _settings_store()
        try:
            forward_s = float(store.value(_COST_KEY.format(device=self.device_kind), 0.0) or 0.0)
        except (TypeError, ValueError):
            forward_s = 0.0
        return estimate_run(config, list(self.dataset.counts().values()), self.device_kind, forward_s or None)

    def _long_run_accepted(self, config: dict) -> bool:
        try:
            estimate = self.estimate(config)
        except (StudioError, TypeError, ValueError, ArithmeticError):
            return True  # settings the engine will refuse with its own message
        if estimate["seconds"] <= LONG_RUN_S:
            return True
        return bool(self.confirm_long_run(estimate, self.settings.not_defaults()))

    def _ask_long_run(self, estimate: dict, not_defaults: list[str]) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Start a long training?"),
                          self.tr("This training will take about {duration} on this computer.").format(
                              duration=format_duration(estimate["seconds"])), parent=self)
        details = [self.tr("%n epochs", "", int(estimate.get("epochs") or 0))]
        if not_defaults:
            details.append(self.tr("Not the defaults: {settings}").format(settings=self.tr(", ").join(not_defaults)))
        box.setInformativeText("\n".join(details))
        start = box.addButton(self.tr("Start"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is start

    def _remember_cost(self, config: dict, result: dict) -> None:
        measured = measured_forward_cost(config, result)
        if measured is not None:
            device, cost = measured
            store = _settings_store()
            store.setValue(_COST_KEY.format(device=device), cost)
            store.sync()

    def cancel_training(self) -> None:
        if self._train_job is not None:
            self._train_job.cancel()
            self.progress.cancelling()

    def _from_train_job(self) -> bool:
        return self._train_job is not None and self.sender() is self._train_job

    @Slot(str, str, int, int)
    def _on_stage(self, stage: str, message: str, done: int, total: int) -> None:
        if self._from_train_job() and not self._train_job.is_cancelled():
            self.progress.set_stage(stage, message, done, total)

    @Slot(list)
    def _on_batches(self, events: list) -> None:
        if not self._from_train_job():
            return
        self.plots.add_batches(events)
        if events and not self._train_job.is_cancelled():
            self.progress.set_batch(events[-1])

    @Slot(dict)
    def _on_epoch(self, event: dict) -> None:
        if not self._from_train_job():
            return
        self.plots.add_epoch(event)
        self.progress.set_epoch(event)

    @Slot(dict)
    def _on_succeeded(self, result: dict) -> None:
        if not self._from_train_job():
            return
        path = result.get("model_path") or ""
        self._remember_cost(self._train_job.config, result)
        if result.get("cancelled"):
            self.progress.finish("cancelled" if path else "cancelled_empty")
        else:
            self.progress.finish("done")
        self.results.set_result(result, default_name=self.settings.model_name())
        self.tabs.setTabEnabled(1, True)
        if path:
            self.tabs.setCurrentIndex(1)
            self.model_trained.emit(path)

    @Slot()
    def _on_cancelled(self) -> None:
        if self._from_train_job():
            self.progress.finish("cancelled_empty")

    @Slot(str, str)
    def _on_failed(self, message: str, details: str) -> None:
        if not self._from_train_job():
            return
        self.progress.finish("failed", message)
        show_error(self, message, details)

    @Slot()
    def _on_train_finished(self) -> None:
        if not self._from_train_job():
            return
        self._train_job = None
        self.plots.finish()
        self.dataset.set_enabled_for_training(True)
        self.settings.setEnabled(True)
        self._update_start()

    # ---- the learning-rate finder

    def is_finding_lr(self) -> bool:
        return self._lr_job is not None

    def start_lr_finder(self) -> bool:
        """Sweep learning rates on the current folder and settings; False when it cannot start now."""
        if self._lr_job is not None or self._train_job is not None or not self.dataset.is_ready():
            return False
        config = {**self.settings.config(), **self.extra_config}
        config.pop("name", None)
        job = LRFinderJob(self.dataset.folder(), config, steps=self.lr_finder_steps, find_fn=self.find_lr_fn)
        panel = self.settings.lr_finder
        job.stage.connect(self._on_lr_stage)
        job.steps.connect(self._on_lr_steps)
        job.succeeded.connect(self._on_lr_succeeded)
        job.cancelled.connect(self._on_lr_cancelled)
        job.failed.connect(self._on_lr_failed)
        job.finished.connect(self._on_lr_finished)
        self._lr_job = job
        self.settings.advanced.set_expanded(True)
        panel.start(self.lr_finder_steps)
        self._update_start()
        self._runner.start(job)
        return True

    def cancel_lr_finder(self) -> None:
        if self._lr_job is not None:
            self._lr_job.cancel()

    def _from_lr_job(self) -> bool:
        return self._lr_job is not None and self.sender() is self._lr_job

    @Slot(str, str, int, int)
    def _on_lr_stage(self, stage: str, message: str, done: int, total: int) -> None:
        if self._from_lr_job():
            self.settings.lr_finder.set_stage(stage, message, done, total)

    @Slot(list)
    def _on_lr_steps(self, steps: list) -> None:
        if self._from_lr_job():
            self.settings.lr_finder.add_steps(steps)

    @Slot(dict)
    def _on_lr_succeeded(self, result: dict) -> None:
        if self._from_lr_job():
            self.settings.lr_finder.set_result(result)

    @Slot()
    def _on_lr_cancelled(self) -> None:
        if self._from_lr_job():
            self.settings.lr_finder.set_cancelled()

    @Slot(str, str)
    def _on_lr_failed(self, message: str, details: str) -> None:
        if self._from_lr_job():
            self.settings.lr_finder.set_failed(message)
            show_error(self, message, details)

    @Slot()
    def _on_lr_finished(self) -> None:
        if self._from_lr_job():
            self._lr_job = None
            self._update_start()

    # ---- running elsewhere

    def open_launch_dialog(self):
        """"Run on a bigger machine…": the torchrun command for this folder and these settings."""
        from .widgets.launch_dialog import LaunchDialog

        config = {**self.settings.config(), **self.extra_config}
        if not config.get("name"):
            config["name"] = Path(self.dataset.folder()).name
        if self.launch_dialog is not None:
            self.launch_dialog.close()
            self.launch_dialog.deleteLater()
        self.launch_dialog = LaunchDialog(self.dataset.folder(), config, self)
        self.launch_dialog.show()
        return self.launch_dialog

    # ---- saving and using the model

    @Slot(str)
    def _save_model(self, name: str) -> None:
        src = self.results.model_path()
        if not src or self._save_job is not None:
            return
        job = ModelSaveJob(src, name)
        job.saved.connect(self._on_saved)
        job.failed.connect(self._on_save_failed)
        job.finished.connect(self._on_save_finished)
        self._save_job = job
        self.results.set_busy_saving(True)
        self._runner.start(job)

    @Slot(str)
    def _on_saved(self, path: str) -> None:
        self.results.set_saved(path)
        self.model_trained.emit(path)

    @Slot(str, str)
    def _on_save_failed(self, message: str, details: str) -> None:
        show_error(self, message, details)

    @Slot()
    def _on_save_finished(self) -> None:
        self._save_job = None
        self.results.set_busy_saving(False)

    @Slot()
    def _use_model(self) -> None:
        path = self.results.model_path()
        if path:
            self.use_model_requested.emit(path)
