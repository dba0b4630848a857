"""The dataset side of the Train view: choose or drop a folder, see its categories, counts, a few
example pictures each and the health report's warnings; sort a flat folder by file name.

All looking at the folder happens on a background job (:class:`DatasetScanJob`); this widget only
shows what comes back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..jobs.dataset import THUMBS_PER_CLASS, DatasetScanJob
from ..jobs.framework import JobRunner
from .dataset_sort_dialog import SortPreviewDialog
from .drop_zone import local_path
from .suspicious_labels import SuspiciousLabelsPanel
from .train_common import HintLabel

THUMB_SIZE = 48
_THUMB_GAP = 4


def _dropped_folder(event: QDragEnterEvent | QDropEvent) -> str | None:
    """The first local folder among the dragged URLs (a dropped file stands for its folder)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        path = local_path(url)
        if path and Path(path).is_dir():
            return path
    return None


class DatasetPanel(QWidget):
    """States: empty → scanning → scanned (→ checking → checked) or not usable."""

    ready_changed = Signal(bool)  # True when the folder can be trained on
    folder_changed = Signal(str)

    def __init__(self, runner: JobRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner or JobRunner(self)
        self._job: DatasetScanJob | None = None
        self._folder = ""
        self._info: dict = {}
        self._health: dict | None = None
        self._error = ("", "")
        self._loose = 0
        self._thumbs: dict[int, dict[int, QImage]] = {}
        self._ready = False
        self.sort_dialog: SortPreviewDialog | None = None
        # Where "Choose folder…" starts when no folder is chosen yet (remembered by the view).
        self.last_folder = ""
        self.setAcceptDrops(True)

        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.choose_button = QPushButton(self)
        self.hint = HintLabel(parent=self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sort_button = QPushButton(self)
        self.sort_button.setVisible(False)

        self.table = QTableWidget(0, 3, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setIconSize(QSize(THUMBS_PER_CLASS * (THUMB_SIZE + _THUMB_GAP), THUMB_SIZE))
        self.table.verticalHeader().setDefaultSectionSize(THUMB_SIZE + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(60)
        self.table.setColumnWidth(2, THUMBS_PER_CLASS * (THUMB_SIZE + _THUMB_GAP) + 12)
        self.table.setMinimumHeight(140)

        self.check_progress = QProgressBar(self)
        self.check_progress.setVisible(False)
        self.check_progress.setTextVisible(True)
        # One row per health issue: icon + wrapped text (labels wrap to any width, list items do not).
        self.issues = QWidget(self)
        self._issues_layout = QVBoxLayout(self.issues)
        self._issues_layout.setContentsMargins(0, 0, 0, 0)
        self._issues_layout.setSpacing(2)
        self.issues.setVisible(False)
        self._issue_texts: list[str] = []
        # Likely wrong labels: shown once the folder is known to be usable, started by the user.
        self.suspicious = SuspiciousLabelsPanel(self._runner, self)
        self.suspicious.dataset_changed.connect(self._on_dataset_changed)

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.status)
        layout.addWidget(self.sort_button)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.check_progress)
        layout.addWidget(self.issues)
        layout.addWidget(self.suspicious)

        self.choose_button.clicked.connect(self.choose_folder)
        self.sort_button.clicked.connect(self.open_sort_dialog)
        self.retranslate_ui()

    # ---- texts

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("1. Your pictures"))
        self.path_edit.setPlaceholderText(self.tr("No folder chosen yet"))
        self.choose_button.setText(self.tr("&Choose folder…"))
        self.choose_button.setToolTip(self.tr("Choose the folder that holds one sub-folder of pictures per category."))
        self.hint.setText(self.tr(
            "Drop a folder here or choose one. Put the pictures of each category in its own sub-folder, "
            "for example cats/ and dogs/."
        ))
        self.sort_button.setText(self.tr("&Sort by file name…"))
        self.sort_button.setToolTip(self.tr(
            "Make category folders from the names of the pictures (cat_01.jpg goes into cat/). You see the plan first."
        ))
        self.table.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Pictures"), self.tr("Examples")])
        self._show_status()
        self._show_issues()
        self._fill_table_texts()
        self.suspicious.retranslate_ui()

    # ---- choosing

    def choose_folder(self) -> None:
        start = self._folder or self.last_folder or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a dataset folder"), start)
        if folder:
            self.set_folder(folder)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if _dropped_folder(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        folder = _dropped_folder(event)
        if folder:
            event.acceptProposedAction()
            self.set_folder(folder)

    def set_folder(self, path: str) -> None:
        """Look at ``path`` (on a background job) and show what it holds."""
        if self._job is not None:
            self._job.cancel()
        self._folder = str(Path(path))
        self._info = {}
        self._health = None
        self._error = ("", "")
        self._loose = 0
        self._thumbs = {}
        self.path_edit.setText(self._folder)
        self.path_edit.setToolTip(self._folder)
        self.table.setRowCount(0)
        self.sort_button.setVisible(False)
        self.check_progress.setVisible(False)
        self._set_ready(False)
        if self.suspicious.folder() != self._folder:
            self.suspicious.set_folder("")  # shown again once this folder is known to be usable
        job = DatasetScanJob(self._folder, thumb_size=THUMB_SIZE)
        job.scanned.connect(self._on_scanned)
        job.not_a_dataset.connect(self._on_not_a_dataset)
        job.thumbnail.connect(self._on_thumbnail)
        job.check_progress.connect(self._on_check_progress)
        job.health.connect(self._on_health)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)
        self._job = job
        self._show_status()
        self._show_issues()
        self.folder_changed.emit(self._folder)
        self._runner.start(job)

    # ---- state for the view and tests

    def folder(self) -> str:
        return self._folder

    def is_ready(self) -> bool:
        return self._ready

    def is_scanning(self) -> bool:
        return self._job is not None

    def classes(self) -> list[str]:
        return list(self._info.get("classes", []))

    def counts(self) -> dict[str, int]:
        return dict(self._info.get("counts", {}))

    def error_text(self) -> str:
        return self._error[0]

    def warnings(self) -> list[str]:
        return list((self._health or {}).get("warnings", []))

    def health_errors(self) -> list[str]:
        return list((self._health or {}).get("errors", []))

    def can_sort(self) -> bool:
        return self.sort_button.isVisible() or (bool(self._error[0]) and self._loose >= 2)

    def set_enabled_for_training(self, enabled: bool) -> None:
        """While a model trains, its dataset must not change under it."""
        self.choose_button.setEnabled(enabled)
        self.sort_button.setEnabled(enabled)
        self.suspicious.setEnabled(enabled)
        self.setAcceptDrops(enabled)

    def _set_ready(self, ready: bool) -> None:
        if ready != self._ready:
            self._ready = ready
            self.ready_changed.emit(ready)

    # ---- job results

    def _current(self) -> bool:
        return self._job is not None and self.sender() is self._job

    @Slot(dict)
    def _on_scanned(self, info: dict) -> None:
        if not self._current():
            return
        self._info = info
        classes = info["classes"]
        self.table.setRowCount(len(classes))
        for i, cls in enumerate(classes):
            self.table.setItem(i, 0, QTableWidgetItem(cls))
            count = QTableWidgetItem(str(info["counts"].get(cls, 0)))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 1, count)
            self.table.setItem(i, 2, QTableWidgetItem())
        self._fill_table_texts()
        self._show_status()

    @Slot(str, str, int)
    def _on_not_a_dataset(self, message: str, details: str, loose: int) -> None:
        if not self._current():
            return
        self._error = (message, details)
        self._loose = loose
        self.sort_button.setVisible(loose >= 2)
        self._show_status()

    @Slot(int, int, QImage)
    def _on_thumbnail(self, cls: int, slot: int, image: QImage) -> None:
        if not self._current():
            return
        self._thumbs.setdefault(cls, {})[slot] = image
        item = self.table.item(cls, 2)
        if item is not None:
            item.setIcon(self._strip(self._thumbs[cls]))

    def _strip(self, images: dict[int, QImage]) -> QPixmap:
        """Up to THUMBS_PER_CLASS thumbnails side by side, as one pixmap for the table cell."""
        width = THUMBS_PER_CLASS * (THUMB_SIZE + _THUMB_GAP)
        pix = QPixmap(width, THUMB_SIZE)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        for slot, img in sorted(images.items()):
            x = slot * (THUMB_SIZE + _THUMB_GAP) + (THUMB_SIZE - img.width()) // 2
            painter.drawImage(x, (THUMB_SIZE - img.height()) // 2, img)
        painter.end()
        return pix

    @Slot(int, int)
    def _on_check_progress(self, done: int, total: int) -> None:
        if not self._current():
            return
        self.check_progress.setVisible(True)
        self.check_progress.setRange(0, max(total, 1))
        self.check_progress.setValue(done)
        self.check_progress.setFormat(self.tr("Checking pictures: {done} of {total}").format(done=done, total=total))

    @Slot(dict)
    def _on_health(self, report: dict) -> None:
        if not self._current():
            return
        self._health = report
        self._show_issues()
        self._show_status()

    @Slot(str, str)
    def _on_failed(self, message: str, details: str) -> None:
        if not self._current():
            return
        if self._info:
            # The scan worked but the health check did not: say so, training can still go ahead.
            self._health = {"ok": True, "warnings": [self.tr("The pictures could not be checked: {reason}").format(reason=message)], "errors": []}
            self._show_issues()
        else:
            self._error = (message, details)
            self._show_status()

    @Slot()
    def _on_finished(self) -> None:
        if not self._current():
            return
        self._job = None
        self.check_progress.setVisible(False)
        ready = bool(self._info.get("classes")) and not self._error[0] and (self._health is None or self._health.get("ok", True))
        self._show_status()
        self._set_ready(ready)
        if ready:
            self.suspicious.set_folder(self._folder)

    # ---- showing

    def _fill_table_texts(self) -> None:
        parts = self._info.get("parts", {})
        for i, cls in enumerate(self._info.get("classes", [])):
            p = parts.get(cls, {})
            tip = self.tr("{train} for training, {val} for validation, {test} for the final test").format(
                train=p.get("train", 0), val=p.get("val", 0), test=p.get("test", 0))
            for col in range(3):
                item = self.table.item(i, col)
                if item is not None:
                    item.setToolTip(tip)

    def _show_status(self) -> None:
        if not self._folder:
            self.status.setText("")
        elif self._error[0]:
            text = self._error[0]
            if self.sort_button.isVisible():
                text = self.tr("{problem} The {count} pictures in it can be sorted into category folders by their file names.").format(
                    problem=self._error[0], count=self._loose)
            self.status.setText(text)
            self.status.setToolTip(self._error[1])
        elif not self._info:
            self.status.setText(self.tr("Looking at the folder…"))
        else:
            n_classes = len(self._info["classes"])
            n_images = self._info.get("num_images", 0)
            if self._job is not None:
                text = self.tr("{classes} categories, {images} pictures. Checking the pictures…")
            else:
                text = self.tr("{classes} categories, {images} pictures.")
            self.status.setText(text.format(classes=n_classes, images=n_images))
            self.status.setToolTip("")

    def issue_texts(self) -> list[str]:
        """The lines shown under the categories (health errors, warnings, or "no problems")."""
        return list(self._issue_texts)

    def _show_issues(self) -> None:
        while self._issues_layout.count():
            row = self._issues_layout.takeAt(0).widget()
            if row is not None:
                row.hide()  # at once: deleteLater waits for the event loop, and may be painted till then
                row.deleteLater()
        health = self._health or {}
        rows = [(QStyle.StandardPixmap.SP_MessageBoxCritical, t) for t in health.get("errors", [])]
        rows += [(QStyle.StandardPixmap.SP_MessageBoxWarning, t) for t in health.get("warnings", [])]
        if self._health is not None and not rows:
            rows.append((QStyle.StandardPixmap.SP_DialogApplyButton, self.tr("All pictures could be read; no problems found.")))
        self._issue_texts = [t for _, t in rows]
        size = self.fontMetrics().height() + 2
        for pixmap, text in rows:
            row = QWidget(self.issues)
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            icon = QLabel(row)
            icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
            icon.setAlignment(Qt.AlignmentFlag.AlignTop)
            label = QLabel(text, row)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(icon)
            layout.addWidget(label, 1)
            self._issues_layout.addWidget(row)
        self.issues.setVisible(bool(rows))

    # ---- sorting a flat folder

    def open_sort_dialog(self) -> SortPreviewDialog:
        if self.sort_dialog is not None:
            self.sort_dialog.close()
        dialog = SortPreviewDialog(self._folder, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sorted_into.connect(self.set_folder)
        dialog.destroyed.connect(self._on_dialog_destroyed)
        self.sort_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _on_dataset_changed(self) -> None:
        self.set_folder(self._folder)  # a picture moved: counts and health change

    @Slot()
    def _on_dialog_destroyed(self) -> None:
        self.sort_dialog = None

    def cancel_jobs(self) -> None:
        self.suspicious.cancel_jobs()
        if self._job is not None:
            self._job.cancel()
