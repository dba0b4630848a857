""""Test on a labelled folder…" (issue 16): a model checked on a class-per-folder folder it has not
seen, as ``resnet-studio evaluate`` does, in the background; the answer in the same tables, matrix
and galleries as a training's results."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import translate_engine_message
from .train_common import HintLabel
from .training_results import TrainingResults


class EvaluateDialog(QDialog):
    def __init__(self, model_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_path = str(model_path)
        self._task = None
        self.result: dict = {}
        # Asks for the folder; replaceable so tests need no file dialog.
        self.choose_dir = lambda: QFileDialog.getExistingDirectory(self, self.tr("Choose a labelled folder"))
        self.intro = HintLabel(parent=self)
        self.folder_label = QLabel(self)
        self.folder_label.setWordWrap(True)
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("chooseTestFolder")
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = HintLabel(parent=self)
        self.status.setObjectName("evaluateStatus")
        self.results = TrainingResults(parent=self)
        self.results.set_evaluation({})
        self.results.tabs.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        self.choose_button.clicked.connect(self._choose)
        self.resize(820, 680)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Test on a labelled folder"))
        self.intro.setText(self.tr("Choose a folder with one sub-folder per category, of pictures the model has "
                                   "not learnt from. Folder names must match the model's categories."))
        self.choose_button.setText(self.tr("&Choose folder…"))
        self.folder_label.setText(self.tr("Model: {model}").format(model=Path(self.model_path).stem))
        self.results.retranslate_ui()

    def _choose(self) -> None:
        folder = self.choose_dir()
        if folder:
            self.test_folder(folder)

    def is_busy(self) -> bool:
        return self._task is not None

    def test_folder(self, folder: str) -> bool:
        """Start testing the model on ``folder``; False while a test runs."""
        if self._task is not None:
            return False
        from ..jobs.evaluate import start_evaluation

        self.folder_label.setText(self.tr("Testing {model} on {folder}").format(
            model=Path(self.model_path).stem, folder=folder))
        self.status.setText(self.tr("Classifying the pictures…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.choose_button.setEnabled(False)
        task = start_evaluation(self.model_path, folder)
        task.progress.connect(self._on_progress)
        task.succeeded.connect(self._on_done)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(lambda: self._on_failed(self.tr("The test was stopped."), ""))
        task.finished.connect(self._on_finished)
        self._task = task
        return True

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    @Slot(object)
    def _on_done(self, result: dict) -> None:
        self.result = dict(result)
        self.status.setText("")
        self.results.set_evaluation(self.result)

    @Slot(str, str)
    def _on_failed(self, message: str, _details: str) -> None:
        self.status.setText(translate_engine_message(message))
        self.results.tabs.hide()

    @Slot()
    def _on_finished(self) -> None:
        self._task = None
        self.progress.hide()
        self.choose_button.setEnabled(True)

    def done(self, code: int) -> None:  # noqa: D401 - Qt override: closing stops a running test
        if self._task is not None:
            self._task.cancel_event.set()
        super().done(code)
