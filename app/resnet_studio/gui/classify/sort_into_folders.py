""""Sort into folders…" from the Classify view's results: the dialog (destination, copy or move, a
threshold with a live preview, progress with cancel) and the Undo that follows it (a button in the
dialog and Edit → Undo sort).

What is sorted is the rows on screen that the current model made (stale rows are left out): the
pictures are not classified again.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Qt, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import show_error
from ..jobs.framework import JobRunner
from ..jobs.sorting import UNSURE_FOLDER, SortJob, UndoSortJob, can_undo, destination_problem, preview_counts
from ..widgets.icons import icon


class SortDialog(QDialog):
    """Choose where and how; see how many pictures each folder gets; sort; undo."""

    sorted_into = Signal(str)  # destination, after a sort placed something
    undone = Signal(str)

    def __init__(self, rows: list[dict], parent: QWidget | None = None, *, start_dir: str = "",
                 threshold: float = 0.5) -> None:
        super().__init__(parent)
        self.setObjectName("sortDialog")
        self.rows = rows
        self._runner = JobRunner(self)
        self._job = None
        self._last_dst = ""
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.dest_edit = QLineEdit(os.path.join(start_dir, "sorted") if start_dir else "")
        self.dest_edit.setObjectName("sortDestination")
        self.browse_button = QPushButton()
        self.copy_radio, self.move_radio = QRadioButton(), QRadioButton()
        self.copy_radio.setChecked(True)
        self._mode = QButtonGroup(self)
        self._mode.addButton(self.copy_radio)
        self._mode.addButton(self.move_radio)
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setObjectName("sortThreshold")
        self.threshold.setRange(0, 100)
        self.threshold.setValue(round(threshold * 100))
        self.threshold_value = QLabel()
        self.preview = QTableWidget(0, 2)
        self.preview.setObjectName("sortPreview")
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problem = QLabel()
        self.problem.setObjectName("sortProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c0392b;")
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.sort_button = QPushButton()
        self.sort_button.setObjectName("primaryButton")
        self.undo_button = QPushButton(icon("undo"), "")
        self.undo_button.setVisible(False)
        self.open_button = QPushButton(icon("folder"), "")
        self.open_button.setVisible(False)
        self.close_button = QPushButton()
        self._build()
        self.browse_button.clicked.connect(self._browse)
        self.dest_edit.textChanged.connect(self._check)
        self.threshold.valueChanged.connect(self._update_preview)
        self.sort_button.clicked.connect(self._start)
        self.undo_button.clicked.connect(self.undo)
        self.open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self._last_dst)))
        self.close_button.clicked.connect(self._close_or_cancel)
        self.retranslate_ui()
        self._update_preview()
        self._check()
        self.resize(560, 520)

    def _build(self) -> None:
        form = QFormLayout()
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.dest_edit, 1)
        dest_row.addWidget(self.browse_button)
        self.dest_label, self.mode_label, self.threshold_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.dest_label, dest_row)
        mode_row = QVBoxLayout()
        mode_row.addWidget(self.copy_radio)
        mode_row.addWidget(self.move_radio)
        form.addRow(self.mode_label, mode_row)
        threshold_row = QHBoxLayout()
        threshold_row.addWidget(self.threshold, 1)
        threshold_row.addWidget(self.threshold_value)
        form.addRow(self.threshold_label, threshold_row)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.sort_button)
        root = QVBoxLayout(self)
        root.addWidget(self.intro)
        root.addLayout(form)
        root.addWidget(self.preview, 1)
        root.addWidget(self.problem)
        root.addWidget(self.progress)
        root.addWidget(self.result)
        root.addLayout(buttons)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sort into folders"))
        self.intro.setText(self.tr(
            "Each picture goes into a folder named after its category. Pictures the model is not sure "
            "about go into “{unsure}”. Nothing is overwritten, and you can undo it.").format(unsure=UNSURE_FOLDER))
        self.dest_label.setText(self.tr("Into:"))
        self.browse_button.setText(self.tr("Choose…"))
        self.mode_label.setText(self.tr("How:"))
        self.copy_radio.setText(self.tr("Copy (the pictures also stay where they are)"))
        self.move_radio.setText(self.tr("Move"))
        self.threshold_label.setText(self.tr("Not sure below:"))
        self.preview.setHorizontalHeaderLabels([self.tr("Folder"), self.tr("Pictures")])
        self.sort_button.setText(self.tr("Sort"))
        self.undo_button.setText(self.tr("Undo"))
        self.open_button.setText(self.tr("Show folder"))
        self._set_close_text()
        self._update_preview()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- state

    def min_confidence(self) -> float:
        return self.threshold.value() / 100

    def destination(self) -> str:
        return self.dest_edit.text().strip()

    def counts(self) -> dict[str, int]:
        return preview_counts(self.rows, self.min_confidence())

    def is_running(self) -> bool:
        return self._job is not None

    def _set_close_text(self) -> None:
        self.close_button.setText(self.tr("Cancel") if self._job is not None or not self._last_dst else self.tr("Close"))

    def _update_preview(self) -> None:
        self.threshold_value.setText(f"{self.threshold.value()} %")
        counts = self.counts()
        folders = sorted((f for f in counts if f != UNSURE_FOLDER), key=str.casefold)
        if UNSURE_FOLDER in counts:
            folders.append(UNSURE_FOLDER)
        self.preview.setRowCount(len(folders))
        for i, folder in enumerate(folders):
            shown = self.tr("{folder} (not sure)").format(folder=folder) if folder == UNSURE_FOLDER else folder
            self.preview.setItem(i, 0, QTableWidgetItem(shown))
            n = QTableWidgetItem(str(counts[folder]))
            n.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.preview.setItem(i, 1, n)

    def _check(self) -> None:
        dst = self.destination()
        problem = destination_problem(dst, []) if dst else self.tr("Choose the folder to sort the pictures into.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem) and bool(dst))
        self.sort_button.setEnabled(not problem and self._job is None and bool(self.counts()))

    def _browse(self) -> None:
        start = self.destination() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Sort into which folder?"), start)
        if folder:
            self.dest_edit.setText(folder)

    # ---- running

    def _busy(self, busy: bool) -> None:
        for w in (self.dest_edit, self.browse_button, self.copy_radio, self.move_radio, self.threshold):
            w.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.undo_button.setEnabled(not busy)
        self._set_close_text()
        self._check()

    def _start(self) -> None:
        dst = self.destination()
        job = SortJob(self.rows, dst, move=self.move_radio.isChecked(), min_confidence=self.min_confidence())
        job.progress.connect(self._on_progress)
        job.sorted.connect(self._on_sorted)
        job.failed.connect(lambda m, d: show_error(self, m, d, title=self.tr("Sorting failed")))
        job.cancelled.connect(lambda: self.result.setText(self.tr("Cancelled: nothing was sorted.")))
        job.finished.connect(self._on_finished)
        self._job = job
        self.result.clear()
        self.progress.setRange(0, 0)
        self._busy(True)
        self._runner.start(job)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _on_sorted(self, outcome: dict) -> None:
        placed, left = len(outcome["placed"]), len(outcome["left"])
        self._last_dst = outcome["dst"]
        text = (self.tr("Moved %n pictures.", "", placed) if outcome["mode"] == "move"
                else self.tr("Copied %n pictures.", "", placed))
        if left:
            text += " " + self.tr("%n pictures stayed where they were (they could not be read or placed).", "", left)
        if outcome["stopped"] and outcome["stopped"] != "cancelled":
            text += " " + self.tr("The sort stopped early: the destination disk is full or read-only.")
        elif outcome["stopped"] == "cancelled":
            text += " " + self.tr("Cancelled: the rest stayed where they were.")
        self.result.setText(text)
        if placed:
            self.sorted_into.emit(self._last_dst)

    def _on_finished(self) -> None:
        self._job = None
        self._busy(False)
        undoable = can_undo(self._last_dst)
        self.undo_button.setVisible(undoable)
        self.open_button.setVisible(bool(self._last_dst))

    def undo(self) -> None:
        if not self._last_dst or self._job is not None:
            return
        job = UndoSortJob(self._last_dst)
        job.progress.connect(self._on_progress)
        job.undone.connect(self._on_undone)
        job.failed.connect(lambda m, d: show_error(self, m, d, title=self.tr("Undo failed")))
        job.finished.connect(self._on_finished)
        self._job = job
        self.progress.setRange(0, 0)
        self._busy(True)
        self._runner.start(job)

    def _on_undone(self, report: dict) -> None:
        restored, removed, kept = len(report["restored"]), len(report["removed"]), len(report["kept"])
        if restored:
            text = self.tr("Undone: %n pictures are back where they were.", "", restored)
        else:
            text = self.tr("Undone: %n copies removed.", "", removed)
        if kept:
            text += " " + self.tr("%n files were changed after the sort and were kept.", "", kept)
        self.result.setText(text)
        self.undone.emit(self._last_dst)

    def _close_or_cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
        else:
            self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if self._job is not None:
            self._job.cancel()
            self._runner.wait_all(10000)
        super().closeEvent(event)


class SortIntoFolders(QObject):
    """The Classify view's side: the "Sort into folders…" action, and Edit → Undo sort."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.dialog: SortDialog | None = None
        self.action = QAction(icon("folder"), "", view)
        self.action.triggered.connect(self.open_dialog)
        self.undo_action = QAction(icon("undo"), "", view)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)
        self._undo_dst = ""
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.action.setText(self.tr("Sort into folders…"))
        self.action.setToolTip(self.tr("Copy or move these pictures into one folder per category"))
        self.undo_action.setText(self.tr("Undo sort into folders"))

    def rows(self) -> list[dict]:
        m = self.view.model
        return [r.to_export() for r in m.records() if not m.is_stale(r) and not r.error]

    def open_dialog(self) -> SortDialog | None:
        rows = self.rows()
        if not rows:
            self.view.status_message.emit(self.tr("There are no classified pictures to sort yet."), 4000)
            return None
        start = os.path.dirname(rows[0]["path"])
        dialog = SortDialog(rows, self.view, start_dir=os.path.dirname(start) or start,
                            threshold=self.view.settings.not_sure_threshold)
        dialog.sorted_into.connect(self._remember)
        dialog.undone.connect(lambda _dst: self._remember(""))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _remember(self, dst: str) -> None:
        self._undo_dst = dst
        self.undo_action.setEnabled(bool(dst))

    def undo(self) -> None:
        if self.dialog is not None:
            self.dialog.undo()
            return
        if not self._undo_dst:
            return
        dialog = SortDialog([], self.view)
        dialog._last_dst = self._undo_dst
        dialog.undone.connect(lambda _dst: self._remember(""))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        dialog.undo()
