"""Pictures that may be in the wrong folder (issue 16), under the Dataset health panel.

The user starts the check (it reads every picture with the ImageNet network once; later checks
use the feature cache). Each suspicious picture shows as a thumbnail with "folder: cat → looks
like: dog" and its score, and two one-click buttons: move it to the suggested category, or take it
out of the dataset. Taken-out pictures go to a ``<dataset>_removed`` folder beside the dataset,
not to the system trash: putting a file back from the trash has no reliable cross-platform API
(and the trash may be emptied or be on another disk), whereas a move within the same disk is one
rename that Undo reverses byte for byte. Undo (button, or Ctrl+Z while the panel has focus)
reverses the last move; after every move or undo the check runs again, since the data changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..jobs.framework import JobRunner
from ..jobs.label_check import LabelCheckJob, move_to_category, put_back, remove_from_dataset

THUMB = 64


translate = QCoreApplication.translate  # a row's texts share the panel's context


class _Row(QFrame):
    """One suspicious picture: thumbnail, what it is and looks like, two buttons."""

    def __init__(self, item: dict, parent: QWidget) -> None:
        super().__init__(parent)
        self.item = item
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.thumb = QLabel(self)
        self.thumb.setFixedSize(THUMB, THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.move_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons = QVBoxLayout()
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.remove_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.thumb)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        item = self.item
        self.text.setText(translate(
            "SuspiciousLabelsPanel", "{name}\nfolder: {label} → looks like: {suggested}\nscore {score}").format(
            name=Path(item["path"]).name, label=item["label"], suggested=item["suggested"],
            score=f"{item['score']:.2f}"))
        self.text.setToolTip(item["path"])
        self.move_button.setText(translate("SuspiciousLabelsPanel", "Move to “{category}”").format(
            category=item["suggested"]))
        self.move_button.setToolTip(translate(
            "SuspiciousLabelsPanel", "Move the picture into the folder {category}. Undo puts it back.").format(
            category=item["suggested"]))
        self.remove_button.setText(translate("SuspiciousLabelsPanel", "Take out of the dataset"))
        self.remove_button.setToolTip(translate(
            "SuspiciousLabelsPanel", "Move the picture into a “_removed” folder beside the dataset. Undo puts it back."))


class SuspiciousLabelsPanel(QWidget):
    """States: no folder → ready to check → checking → results (or a note why it cannot run)."""

    #: A picture was moved or put back: the folder's counts changed.
    dataset_changed = Signal()

    def __init__(self, runner: JobRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner or JobRunner(self)
        self._job: LabelCheckJob | None = None
        self._folder = ""
        self._result: dict | None = None
        self._message = ""
        self._undo: list[tuple[str, str]] = []  # (where it is now, where it was), newest last
        self._rows: list[_Row] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # beside two buttons in a narrow column: wraps, never widens it
        self.check_button = QPushButton(self)
        self.undo_button = QPushButton(self)
        self.undo_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.list = QWidget()
        self._list_layout = QVBoxLayout(self.list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(4)
        self._list_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.list)
        self.scroll.setMinimumHeight(2 * THUMB + 24)
        self.scroll.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.check_button)
        top.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.scroll, 1)

        self.check_button.clicked.connect(self.check)
        self.undo_button.clicked.connect(self.undo)
        shortcut = QShortcut(QKeySequence.StandardKey.Undo, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.undo)
        self.retranslate_ui()
        self.check_button.setEnabled(False)
        self.setVisible(False)  # until a usable folder is shown

    # ---- texts

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Pictures that may be in the wrong folder"))
        self.check_button.setText(self.tr("&Look for wrong labels"))
        self.check_button.setToolTip(self.tr(
            "Compares every picture with the rest of its category using the ImageNet network, and lists "
            "the ones that look more like another category."))
        self.undo_button.setText(self.tr("&Undo move"))
        self.undo_button.setToolTip(self.tr("Put the last moved picture back (Ctrl+Z)"))
        for row in self._rows:
            row.retranslate()
        self._show_status()

    # ---- state

    def set_folder(self, folder: str) -> None:
        """Show the panel for ``folder`` ("" hides it). The same folder again keeps what is shown
        and the undo list (the dataset panel looks at the folder again after every move)."""
        folder = str(Path(folder)) if folder else ""
        if folder == self._folder:
            return
        self.cancel_jobs()
        self._folder = folder
        self._result = None
        self._message = ""
        self._undo.clear()
        self._clear_rows()
        self.undo_button.setEnabled(False)
        self.check_button.setEnabled(bool(folder))
        self.setVisible(bool(folder))
        self._show_status()

    def folder(self) -> str:
        return self._folder

    def is_checking(self) -> bool:
        return self._job is not None

    def items(self) -> list[dict]:
        """The suspicious pictures shown, most suspicious first."""
        return [dict(r.item) for r in self._rows]

    def rows(self) -> list[_Row]:
        return list(self._rows)

    def can_undo(self) -> bool:
        return bool(self._undo)

    # ---- checking

    def check(self) -> None:
        """Look for wrong labels in the folder (on a background job)."""
        if not self._folder:
            return
        self.cancel_jobs()
        job = LabelCheckJob(self._folder, thumb_size=THUMB)
        job.check_progress.connect(self._on_progress)
        job.found.connect(self._on_found)
        job.thumbnail.connect(self._on_thumbnail)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)
        self._job = job
        self._message = ""
        self.check_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._show_status()
        self._runner.start(job)

    def cancel_jobs(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self.progress.setVisible(False)

    def _current(self) -> bool:
        return self._job is not None and self.sender() is self._job

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._current():
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(done)
            self.progress.setFormat(self.tr("Reading pictures: {done} of {total}").format(done=done, total=total))

    @Slot(dict)
    def _on_found(self, result: dict) -> None:
        if not self._current():
            return
        self._result = result
        self._clear_rows()
        for item in result.get("items") or []:
            row = _Row(item, self.list)
            row.retranslate()
            row.move_button.clicked.connect(lambda _=False, r=row: self._move(r, to_category=True))
            row.remove_button.clicked.connect(lambda _=False, r=row: self._move(r, to_category=False))
            self._list_layout.insertWidget(self._list_layout.count() - 1, row)
            self._rows.append(row)
        self.scroll.setVisible(bool(self._rows))
        self._show_status()

    @Slot(int, QImage)
    def _on_thumbnail(self, index: int, image: QImage) -> None:
        if self._current() and 0 <= index < len(self._rows):
            self._rows[index].thumb.setPixmap(QPixmap.fromImage(image))

    @Slot(str, str)
    def _on_failed(self, message: str, details: str) -> None:
        if self._current():
            self._message = self.tr("The pictures could not be compared: {reason}").format(reason=message)
            self.status.setToolTip(details)

    @Slot()
    def _on_finished(self) -> None:
        if not self._current():
            return
        self._job = None
        self.progress.setVisible(False)
        self.check_button.setEnabled(bool(self._folder))
        self._show_status()

    # ---- moving and undoing

    def _move(self, row: _Row, *, to_category: bool) -> None:
        path = row.item["path"]
        try:
            if to_category:
                new = move_to_category(path, row.item["suggested"])
            else:
                new = remove_from_dataset(path, self._folder)
        except OSError as exc:
            self._message = self.tr("The picture could not be moved: {reason}").format(reason=exc.strerror or str(exc))
            self._show_status()
            return
        self._undo.append((new, path))
        row.setEnabled(False)  # it is gone from there; the check that follows redraws the list
        self._after_change()

    def undo(self) -> None:
        """Put the last moved picture back where it was."""
        if not self._undo:
            return
        current, original = self._undo[-1]
        try:
            put_back(current, original)
        except FileExistsError:
            self._message = self.tr("Not undone: another picture is now called {name}.").format(name=Path(original).name)
            self._show_status()
            return
        except OSError as exc:
            self._message = self.tr("The picture could not be put back: {reason}").format(reason=exc.strerror or str(exc))
            self._show_status()
            return
        self._undo.pop()
        self._after_change()

    def _after_change(self) -> None:
        self.undo_button.setEnabled(bool(self._undo))
        self.dataset_changed.emit()
        self.check()  # the data changed: so may what looks wrong

    # ---- showing

    def _clear_rows(self) -> None:
        for row in self._rows:
            row.deleteLater()
        self._rows = []
        self.scroll.setVisible(False)

    def status_text(self) -> str:
        return self.status.text()

    def _show_status(self) -> None:
        result = self._result
        if self._message:
            text = self._message
        elif self._job is not None:
            text = self.tr("Comparing the pictures with each other…")
        elif result is None:
            text = self.tr("Finds pictures that look like they belong to another category.")
        elif result.get("items") is None:
            text = self.tr("This check needs the ImageNet weights: {reason}").format(reason=result.get("note", ""))
        elif not result["items"]:
            text = self.tr("No picture looks like it is in the wrong folder.")
        else:
            total = int(result.get("total", len(result["items"])))
            text = self.tr("%n picture(s) may be in the wrong folder, most suspicious first.", "", total)
            if total > len(result["items"]):
                text += " " + self.tr("Showing the first {shown}.").format(shown=len(result["items"]))
        self.status.setText(text)
