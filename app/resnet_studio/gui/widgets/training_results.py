"""What a finished training run shows: accuracy, a per-category table, the confusion matrix, a
gallery of the pictures the model got wrong (with, on request, Grad-CAM heat maps of what the
model looked at), and the controls to name, save and use the model."""

from __future__ import annotations

import html
import math
import os
import time
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...engine.zoo import ZOO
from ..errors import translate_engine_message
from ..train_worker import JobRunner
from .cell_pictures import CellPictures, PictureMoves
from .confusion_matrix import ConfusionMatrixWidget
from .dataset_jobs import ThumbnailJob
from .gallery_explain import GalleryExplainJob
from .picture_view import PictureView, open_picture
from .reliability import ReliabilityTable
from .train_common import HintLabel, format_duration, format_percent

MAX_GALLERY = 120
THUMB_SIZE = 96
_OPEN_DEBOUNCE_S = 1.0


class _NumberItem(QTableWidgetItem):
    """A table cell that shows formatted text but sorts by its number."""

    def __init__(self, text: str, value: float) -> None:
        super().__init__(text)
        self.value = value
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.value < getattr(other, "value", 0.0)


def _fraction_text(value: object) -> tuple[str, float]:
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "—", -1.0
    return (format_percent(v), v) if math.isfinite(v) else ("—", -1.0)


class TrainingResults(QWidget):
    save_requested = Signal(str)  # the name the user typed
    use_requested = Signal()
    retrain_requested = Signal()  # "Retrain": the same run again, on the folder as it is now
    model_moved = Signal(str, str)  # old, new file: "Save model" renamed it (the library follows)

    def __init__(self, runner: JobRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner or JobRunner(self)
        self._thumb_job: ThumbnailJob | None = None
        self._explain_job: GalleryExplainJob | None = None
        self._plain: dict[int, QImage] = {}  # gallery key → thumbnail without heat map
        self._heat: dict[str, QImage] = {}  # picture path → thumbnail with heat map (this run's model)
        self._heat_errors: dict[str, str] = {}  # picture path → why it has no heat map
        self._heat_model_error = ""
        self._result: dict = {}
        self._model_path = ""
        self._last_open: tuple[str, float] = ("", 0.0)
        # Opens a misclassified picture; replaceable so tests do not launch a viewer.
        self.open_url = QDesktopServices.openUrl

        self.accuracy_label = QLabel(self)
        font = QFont(self.accuracy_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.accuracy_label.setFont(font)
        self.accuracy_label.setWordWrap(True)
        self.summary_label = HintLabel(parent=self)

        self.name_label = QLabel(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(100)
        self.name_edit.setMinimumWidth(180)
        self.name_label.setBuddy(self.name_edit)
        self.save_button = QPushButton(self)
        self.use_button = QPushButton(self)
        self.saved_label = HintLabel(parent=self)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, 4, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        self.matrix = ConfusionMatrixWidget(self)
        # the pictures of a clicked cell, and fixing the folder from there (issue 16)
        self.moves = PictureMoves(self)
        self.cell_pictures = CellPictures(self.moves, self._runner, self)
        self.matrix.cell_clicked.connect(self._show_cell)
        self.moves.changed.connect(self._update_buttons)
        self.moves.changed.connect(self._grey_moved)
        matrix_page = QWidget(self)
        ml = QVBoxLayout(matrix_page)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.matrix, 3)
        ml.addWidget(self.cell_pictures, 2)
        self.retrain_button = QPushButton(self)
        self.retrain_button.setObjectName("retrainButton")

        self.gallery = QListWidget(self)
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.gallery.setGridSize(QSize(THUMB_SIZE + 56, THUMB_SIZE + 64))  # three lines of text
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setWordWrap(True)
        self.gallery.setUniformItemSizes(True)
        self.gallery.itemClicked.connect(self._open_item)
        self.gallery.itemActivated.connect(self._open_item)
        self.gallery.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.gallery.customContextMenuRequested.connect(self._gallery_menu)
        self.gallery_hint = HintLabel(parent=self)
        self.heat_toggle = QCheckBox(self)
        self.heat_toggle.setObjectName("galleryHeatToggle")
        self.heat_toggle.toggled.connect(self._on_heat_toggled)
        self.heat_status = HintLabel(parent=self)
        self.heat_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        gallery_page = QWidget(self)
        gl = QVBoxLayout(gallery_page)
        gl.addWidget(self.gallery_hint)
        heat_row = QHBoxLayout()
        heat_row.addWidget(self.heat_toggle)
        heat_row.addWidget(self.heat_status, 1)
        gl.addLayout(heat_row)
        gl.addWidget(self.gallery, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, "")
        self.tabs.addTab(matrix_page, "")
        self.tabs.addTab(gallery_page, "")
        self.reliability = ReliabilityTable(self)
        self.tabs.addTab(self.reliability, "")

        save_row = QHBoxLayout()
        save_row.addWidget(self.name_label)
        save_row.addWidget(self.name_edit, 1)
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.use_button)
        save_row.addWidget(self.retrain_button)
        self.test_folder_button = QPushButton(self)
        self.test_folder_button.setObjectName("testFolderButton")
        save_row.addWidget(self.test_folder_button)
        self._controls = True  # False in the "Test on a labelled folder" dialog: nothing to save there

        layout = QVBoxLayout(self)
        layout.addWidget(self.accuracy_label)
        layout.addWidget(self.summary_label)
        layout.addLayout(save_row)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.tabs, 1)
        layout.addStretch(0)  # takes the room of the tabs when a run has no results to show

        self.save_button.clicked.connect(self._on_save)
        self.name_edit.returnPressed.connect(self._on_save)
        self.use_button.clicked.connect(self.use_requested)
        self.retrain_button.clicked.connect(self.retrain_requested)
        self.test_folder_button.clicked.connect(self.open_test_dialog)
        self.name_edit.textChanged.connect(self._update_buttons)
        self.retranslate_ui()
        self.clear()

    # ---- texts

    def retranslate_ui(self) -> None:
        self.name_label.setText(self.tr("&Name:"))
        self.name_edit.setPlaceholderText(self.tr("A name for this model"))
        self.name_edit.setToolTip(self.tr("The name this model gets in the model list and its file name."))
        self.save_button.setText(self.tr("&Save model"))
        self.save_button.setToolTip(self.tr("Keep this model under the name you typed."))
        self.use_button.setText(self.tr("&Use this model"))
        self._update_buttons()  # its tooltip says why when the model is gone
        self.table.setHorizontalHeaderLabels(
            [self.tr("Category"), self.tr("Precision"), self.tr("Recall"), self.tr("Pictures")]
        )
        header_tips = [
            self.tr("The category (one sub-folder of your dataset)."),
            self.tr("Of the pictures the model put in this category, the share that really belong there."),
            self.tr("Of the pictures of this category, the share the model recognised."),
            self.tr("How many validation pictures of this category were tested."),
        ]
        for col, tip in enumerate(header_tips):
            item = self.table.horizontalHeaderItem(col)
            if item is not None:
                item.setToolTip(tip)
        self.tabs.setTabText(0, self.tr("Per category"))
        self.tabs.setTabText(1, self.tr("Confusion matrix"))
        self.tabs.setTabText(2, self.tr("Mistakes"))
        self.tabs.setTabText(3, self.tr("How sure"))
        self.tabs.setTabToolTip(3, self.tr("How often the model is right when it says it is 70%, 90% or 99% sure."))
        self.reliability.retranslate_ui()
        self.tabs.setTabToolTip(1, self.tr("Rows are the true categories, columns what the model said. "
                                           "Everything off the diagonal is a mistake."))
        self.gallery_hint.setText(self.tr("Validation pictures the model got wrong, the surest mistakes first. "
                                          "Each reads: its true category → what the model guessed. "
                                          "Click a picture to open it."))
        self.heat_toggle.setText(self.tr("Show what the model looked at"))
        self.heat_toggle.setToolTip(self.tr("Colour each picture by how much each part made the model give its "
                                            "wrong answer: red the most, blue not at all (Grad-CAM)."))
        self.matrix.retranslate_ui()
        self.cell_pictures.retranslate_ui()
        self.retrain_button.setText(self.tr("&Retrain"))
        self.test_folder_button.setText(self.tr("&Test on a labelled folder…"))
        self.test_folder_button.setToolTip(self.tr("Check this model on pictures it has never seen: a folder with one "
                                                   "sub-folder per category."))
        if self._result:
            self._show_summary()
            self._fill_gallery_texts()
        self._show_heat_status()
        self._show_saved()

    # ---- content

    def clear(self) -> None:
        if self._thumb_job is not None:
            self._thumb_job.cancel()
            self._thumb_job = None
        self._stop_explaining()
        self._plain.clear()
        self._heat.clear()
        self._heat_errors.clear()
        self._heat_model_error = ""
        self._result = {}
        self._model_path = ""
        self._saved_path = ""
        self.accuracy_label.setText("")
        self.summary_label.setText("")
        self.table.setRowCount(0)
        self.matrix.set_data([], [])
        self.reliability.set_calibration({})
        self.gallery.clear()
        self._show_heat_status()
        self._show_saved()
        self._update_buttons()

    def set_result(self, result: dict, default_name: str = "") -> None:
        """Show a finished run (``result_to_dict`` of a ``TrainResult``)."""
        self.clear()
        self._result = dict(result)
        self._model_path = result.get("model_path") or ""
        self.name_edit.setText(default_name)
        self._show_summary()
        # no epoch ended: nothing was measured, and empty tables would pass for results
        measured = bool(result.get("history")) or int(result.get("epochs_run", 0) or 0) > 0
        self.tabs.setVisible(measured)
        if measured:
            self._fill_table(result.get("per_class") or [], result.get("classes") or [])
            classes = list(result.get("classes") or [])
            matrix = result.get("confusion_matrix") or []
            if classes:
                self.matrix.set_data(matrix, classes)
            self._fill_gallery(result.get("misclassified") or [])
            self.reliability.set_calibration(result.get("calibration") or {})
        self.moves.reset(str(result.get("data_dir") or ""))
        self.cell_pictures.show_cell([], list(result.get("classes") or []), None)
        self._update_buttons()
        if self.heat_toggle.isChecked():
            self._on_heat_toggled(True)

    def model_path(self) -> str:
        return self._model_path

    def set_evaluation(self, result: dict) -> None:
        """Show a test on a labelled folder (``EvalResult`` as plain values) with the same tables,
        matrix and galleries; the controls to name, save and use a model are hidden."""
        self._controls = False
        for w in (self.name_label, self.name_edit, self.save_button, self.use_button, self.saved_label,
                  self.retrain_button, self.test_folder_button):
            w.hide()
        self.clear()
        self._result = dict(result)
        self._model_path = str(result.get("model_path") or "")
        self.accuracy_label.setText(self.tr("Accuracy on the pictures of {folder}: {accuracy}").format(
            folder=Path(str(result.get("data_dir") or "")).name, accuracy=format_percent(float(result.get("accuracy") or 0.0))))
        lines = [self.tr("%n pictures tested.", "", int(result.get("count") or 0))]
        ignored = len(result.get("ignored") or [])
        if ignored:
            lines.append(self.tr("%n files were left out: not pictures, or of a category the model does not know.",
                                 "", ignored))
        skipped = len(result.get("skipped") or [])
        if skipped:
            lines.append(self.tr("%n pictures could not be read and were left out.", "", skipped))
        self.summary_label.setText("\n".join(lines))
        classes = list(result.get("classes") or [])
        self.tabs.setVisible(True)
        self._fill_table(result.get("per_class") or [], classes)
        if classes:
            self.matrix.set_data(result.get("confusion_matrix") or [], classes)
        self._fill_gallery(result.get("misclassified") or [])
        self.tabs.setTabVisible(3, False)  # no confidence check of a test folder
        self.moves.reset(str(result.get("data_dir") or ""))
        self.cell_pictures.show_cell([], classes, None)
        self.heat_toggle.setEnabled(bool(self._model_path))

    def open_test_dialog(self):
        """"Test on a labelled folder…" for this run's model: the dialog, shown (not modal)."""
        from .evaluate_dialog import EvaluateDialog

        dialog = EvaluateDialog(self._model_path, self)
        dialog.show()
        return dialog

    def set_saved(self, path: str) -> None:
        """The model now lives at ``path`` under the name the user chose."""
        old = self._model_path
        self._model_path = path
        if old and old != path:
            self.model_moved.emit(old, path)
        self._saved_path = path
        self._show_saved()
        self._update_buttons()
        run_id = str(self._result.get("run_id") or "")
        if run_id:  # the run's record follows the model to its new name
            from ..jobs.library import update_run_model
            from ..workers import Task

            Task(update_run_model, run_id, path, self.name_edit.text().strip(), name="update-run",
                 background=True).start()

    def set_busy_saving(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy and bool(self._model_path))
        self.name_edit.setReadOnly(busy)

    def _show_summary(self) -> None:
        r = self._result
        epochs_run = int(r.get("epochs_run", 0) or 0)
        if not self._model_path:
            self.accuracy_label.setText(self.tr("No model was saved."))
            self.summary_label.setText(self.tr("No results: the run stopped before its first epoch ended."))
            return
        acc = float(r.get("val_accuracy", 0.0) or 0.0)
        self.accuracy_label.setText(
            self.tr("Accuracy on the validation pictures: {accuracy}").format(accuracy=format_percent(acc))
        )
        duration = format_duration(float(r.get("seconds", 0.0) or 0.0))
        if r.get("cancelled"):
            text = self.tr("Training was stopped after %n epochs ({duration}). "
                           "The best model so far (epoch {best}) was kept.", "", int(epochs_run))
        else:
            text = self.tr("Trained for %n epochs in {duration}; the best was epoch {best}, "
                           "and that is the model kept.", "", int(epochs_run))
        lines = [text.format(epochs=epochs_run, duration=duration, best=r.get("best_epoch", epochs_run))]
        guessing = self._guessing_text()
        if guessing:  # under the accuracy, in plain size: the first thing read, not a footnote
            self.accuracy_label.setText("{accuracy}<br><span style='font-weight:normal; font-size:medium'>"
                                        "⚠ {guessing}</span>".format(accuracy=html.escape(self.accuracy_label.text()),
                                                                     guessing=html.escape(guessing)))
        used = r.get("settings") or {}
        if used:
            modes = {
                "head": self.tr("last layer only"),
                "finetune": self.tr("last block and last layer"),
                "full": self.tr("the whole network"),
            }
            lines.append(self.tr("Trained {what} of {arch}, %n epochs, batch size {batch}, learning rate {lr:g}.", "",
                                 int(used.get("epochs", epochs_run) or 0)).format(
                what=modes.get(used.get("mode"), used.get("mode", "")),
                arch=ZOO[r["arch"]].display_name if r.get("arch") in ZOO else r.get("arch", ""),
                epochs=used.get("epochs", epochs_run), batch=used.get("batch_size", "?"), lr=float(used.get("lr") or 0.0)))
        lines.extend(translate_engine_message(str(w)) for w in r.get("warnings") or [])
        skipped = len(r.get("skipped") or [])
        if skipped:
            lines.append(self.tr("%n pictures could not be read and were left out.", "", skipped))
        self.summary_label.setText("\n".join(lines))

    def _guessing_text(self) -> str:
        """The plain warning for a model at chance level (``not_useful`` of the result), or ""."""
        r = self._result
        reason = str(r.get("not_useful") or "")
        if not reason:
            return ""
        classes = list(r.get("classes") or [])
        matrix = r.get("confusion_matrix") or []
        if reason == "one_category" and matrix and classes:
            said = [sum(row[j] for row in matrix) for j in range(len(classes))]
            name = classes[max(range(len(said)), key=said.__getitem__)]
            why = self.tr("it calls almost every picture '{name}'").format(name=name)
        else:
            why = self.tr("it is right about as often as a random pick among %n categories", "", len(classes))
        return self.tr("This model is hardly better than guessing: {why}. Train it longer, start from "
                       "ImageNet knowledge, or add pictures.").format(why=why)

    def _show_saved(self) -> None:
        if getattr(self, "_saved_path", ""):
            self.saved_label.setText(self.tr("Saved as {file}").format(file=Path(self._saved_path).name))
        elif getattr(self, "_model_path", ""):
            self.saved_label.setText(
                self.tr("Kept for now as {file}. Type a name and save it to find it easily.").format(
                    file=Path(self._model_path).name)
            )
        else:
            self.saved_label.setText("")

    def follow_library(self, old: str = "", new: str = "") -> None:
        """The model library changed (gui/jobs/library_watch.py): a renamed model is followed to
        its new file; "Use this model" is offered only while the model file is there."""
        if old and self._model_path and os.path.abspath(self._model_path) == os.path.abspath(old):
            self._model_path = new
            if getattr(self, "_saved_path", ""):
                self._saved_path = new
            self._show_saved()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_model = bool(self._model_path)
        self.save_button.setEnabled(has_model and bool(self.name_edit.text().strip()))
        gone = has_model and not os.path.isfile(self._model_path)
        # a model at chance level is not offered as the one to classify with (it is still kept)
        guessing = has_model and bool(self._result.get("not_useful"))
        self.use_button.setEnabled(has_model and not gone and not guessing)
        self.use_button.setToolTip(
            self.tr("This model is no longer in your library (it was deleted or moved).") if gone
            else self.tr("This model is hardly better than guessing, so it is not offered for classifying.")
            if guessing else self.tr("Switch to the Classify view with this model selected."))
        self.name_edit.setEnabled(has_model)
        self.heat_toggle.setEnabled(has_model)
        self._update_retrain()

    def _fill_table(self, per_class: list[dict], classes: list[str]) -> None:
        rows = per_class or [{"name": c} for c in classes]
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(str(row.get("name", ""))))
            for col, key in ((1, "precision"), (2, "recall")):
                text, value = _fraction_text(row.get(key))
                self.table.setItem(i, col, _NumberItem(text, value))
            support = int(row.get("support", 0) or 0)
            self.table.setItem(i, 3, _NumberItem(str(support), float(support)))
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # keeps the engine's class order until a header is clicked

    # ---- gallery

    def _fill_gallery(self, wrong: list[dict]) -> None:
        self.gallery.clear()
        # Surest mistakes first, as the hint says, whatever order a (possibly older) result has.
        wrong = sorted(wrong, key=lambda e: -float(e.get("confidence", 0.0) or 0.0))
        items: list[tuple[int, str]] = []
        for key, entry in enumerate(wrong[:MAX_GALLERY]):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, dict(entry))
            # Uniform sizes are measured once, before the thumbnails arrive: without a size hint
            # every cell was one text line high and the pictures were cut off.
            item.setSizeHint(self.gallery.gridSize() - QSize(8, 8))
            self.gallery.addItem(item)
            items.append((key, str(entry.get("path", ""))))
        self._fill_gallery_texts()
        self.tabs.setTabEnabled(2, bool(wrong))
        if items:
            job = ThumbnailJob(items, THUMB_SIZE)
            job.thumbnail.connect(self._on_thumbnail)
            self._thumb_job = job
            self._runner.start(job)

    def _fill_gallery_texts(self) -> None:
        for i in range(self.gallery.count()):
            item = self.gallery.item(i)
            e = item.data(Qt.ItemDataRole.UserRole) or {}
            conf = float(e.get("confidence", 0.0) or 0.0)
            item.setText(self.tr("true {true} →\nguessed {predicted}\n{confidence} sure").format(
                true=e.get("true", "?"), predicted=e.get("predicted", "?"), confidence=format_percent(conf)))
            item.setToolTip(
                self.tr("This is '{true}' but the model said '{predicted}' ({confidence} sure).\n{path}").format(
                    true=e.get("true", "?"), predicted=e.get("predicted", "?"),
                    confidence=format_percent(conf), path=e.get("path", ""))
            )

    @Slot(int, QImage)
    def _on_thumbnail(self, key: int, image: QImage) -> None:
        if self._thumb_job is None or self.sender() is not self._thumb_job:
            return  # from the gallery of an earlier run
        self._plain[key] = image
        item = self.gallery.item(key)
        if item is not None and not (self.heat_toggle.isChecked() and self._item_path(item) in self._heat):
            item.setIcon(QPixmap.fromImage(image))

    def gallery_paths(self) -> list[str]:
        return [str((self.gallery.item(i).data(Qt.ItemDataRole.UserRole) or {}).get("path", ""))
                for i in range(self.gallery.count())]

    def _open_item(self, item: QListWidgetItem) -> None:
        path = str((item.data(Qt.ItemDataRole.UserRole) or {}).get("path", ""))
        if not path:
            return
        now = time.monotonic()
        # A double click reports a click and an activation: open the picture once.
        if self._last_open[0] == path and now - self._last_open[1] < _OPEN_DEBOUNCE_S:
            return
        self._last_open = (path, now)
        if self.open_url(QUrl.fromLocalFile(path)) is False:  # no picture viewer on this computer
            self.view_large(item)

    def view_large(self, item: QListWidgetItem) -> PictureView:
        """A mistake seen large: its picture, what the model said and, on request, why."""
        e = item.data(Qt.ItemDataRole.UserRole) or {}
        conf = float(e.get("confidence", 0.0) or 0.0)
        caption = self.tr("This is '{true}' but the model said '{predicted}' ({confidence} sure).").format(
            true=e.get("true", "?"), predicted=e.get("predicted", "?"), confidence=format_percent(conf))
        pv = open_picture(self, str(e.get("path", "")), [(str(e.get("predicted", "?")), conf)], caption=caption)
        pv.heat_from_model_file(self._model_path, str(e.get("predicted", "")), self._runner)
        if self.heat_toggle.isChecked():
            pv.set_heat_shown(True)
        return pv

    def _gallery_menu(self, pos) -> None:
        item = self.gallery.itemAt(pos)
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("View large"), lambda: self.view_large(item))
        menu.addAction(self.tr("Open the photo"), lambda: self._open_item(item))
        self._add_move_actions(menu, item)
        menu.exec(self.gallery.viewport().mapToGlobal(pos))

    # ---- save

    def _on_save(self) -> None:
        name = self.name_edit.text().strip()
        if name and self._model_path:
            self.save_requested.emit(name)

    # ---- fixing the folder (issue 16)

    @Slot(int, int)
    def _show_cell(self, row: int, col: int) -> None:
        self.cell_pictures.show_cell(list(self._result.get("cells") or []), self.matrix.classes(), (row, col))

    def _add_move_actions(self, menu: QMenu, item: QListWidgetItem) -> None:
        """A mistake's picture moved to the category the model said, or out of the dataset."""
        e = item.data(Qt.ItemDataRole.UserRole) or {}
        path, predicted = str(e.get("path", "")), str(e.get("predicted", ""))
        if not path or not self._result.get("data_dir") or self.moves.where(path):
            return
        menu.addSeparator()
        if predicted:
            menu.addAction(self.tr("Move to '{category}'").format(category=predicted),
                           lambda: self.moves.move(path, predicted))
        menu.addAction(self.tr("Take out of the dataset"), lambda: self.moves.remove(path))
        if self.moves.count():
            menu.addAction(self.tr("Undo the last move"), self.moves.undo)

    def _grey_moved(self) -> None:
        """A mistake moved out of its folder is greyed: it is no longer where the run saw it."""
        for i in range(self.gallery.count()):
            item = self.gallery.item(i)
            enabled = Qt.ItemFlag.ItemIsEnabled
            moved = self.moves.where(self._item_path(item)) is not None
            item.setFlags(item.flags() & ~enabled if moved else item.flags() | enabled)

    def _update_retrain(self) -> None:
        folder = str(self._result.get("data_dir") or "") if self._result else ""
        self.test_folder_button.setVisible(self._controls and bool(self._model_path))
        self.test_folder_button.setEnabled(bool(self._model_path) and os.path.isfile(self._model_path))
        self.retrain_button.setVisible(self._controls and bool(folder))
        self.retrain_button.setEnabled(bool(folder) and os.path.isdir(folder))
        moved = self.moves.count()
        self.retrain_button.setToolTip(
            self.tr("Train again with the same settings on the folder with the %n pictures you moved.", "", moved)
            if moved else self.tr("Train again with the same settings on the folder as it is now."))

    def stop_jobs(self) -> None:
        self.cell_pictures.stop_jobs()
        if self._thumb_job is not None:
            self._thumb_job.cancel()
        self._stop_explaining()

    # ---- heat maps ("what the model looked at")

    @staticmethod
    def _item_path(item: QListWidgetItem) -> str:
        return str((item.data(Qt.ItemDataRole.UserRole) or {}).get("path", ""))

    def heat_shown(self) -> list[bool]:
        """For each gallery picture: is its heat map on screen now (tests, screenshots)."""
        on = self.heat_toggle.isChecked()
        return [on and self._item_path(self.gallery.item(i)) in self._heat for i in range(self.gallery.count())]

    def is_explaining(self) -> bool:
        return self._explain_job is not None

    def _stop_explaining(self) -> None:
        if self._explain_job is not None:
            self._explain_job.cancel()
            self._explain_job = None

    @Slot(bool)
    def _on_heat_toggled(self, on: bool) -> None:
        missing: list[tuple[int, str, str]] = []
        for i in range(self.gallery.count()):
            item = self.gallery.item(i)
            path = self._item_path(item)
            if on and path in self._heat:
                item.setIcon(QPixmap.fromImage(self._heat[path]))
            elif i in self._plain:
                item.setIcon(QPixmap.fromImage(self._plain[i]))
            if on and path and path not in self._heat and path not in self._heat_errors:
                entry = item.data(Qt.ItemDataRole.UserRole) or {}
                missing.append((i, path, str(entry.get("predicted", ""))))
        if not on:
            self._stop_explaining()  # what arrived stays cached; the rest is made when asked again
        elif missing and self._explain_job is None and self._model_path:
            self._heat_model_error = ""
            job = GalleryExplainJob(self._model_path, missing, THUMB_SIZE)
            job.explained.connect(self._on_explained)
            job.unavailable.connect(self._on_unexplained)
            job.model_failed.connect(self._on_explain_model_failed)
            job.failed.connect(self._on_explain_model_failed)
            job.finished.connect(self._on_explain_finished)
            self._explain_job = job
            self._runner.start(job)
        self._show_heat_status()

    def _from_explain_job(self) -> bool:
        return self._explain_job is not None and self.sender() is self._explain_job

    @Slot(int, QImage)
    def _on_explained(self, key: int, image: QImage) -> None:
        if not self._from_explain_job():
            return  # cancelled, or from the gallery of an earlier run
        item = self.gallery.item(key)
        if item is None:
            return
        self._heat[self._item_path(item)] = image
        if self.heat_toggle.isChecked():
            item.setIcon(QPixmap.fromImage(image))
        self._show_heat_status()

    @Slot(int, str)
    def _on_unexplained(self, key: int, reason: str) -> None:
        if not self._from_explain_job():
            return
        item = self.gallery.item(key)
        if item is not None:
            self._heat_errors[self._item_path(item)] = reason
            self._show_heat_status()

    @Slot(str, str)
    def _on_explain_model_failed(self, message: str, _details: str = "") -> None:
        if self._from_explain_job():
            self._heat_model_error = message
            self._show_heat_status()

    @Slot()
    def _on_explain_finished(self) -> None:
        if self._from_explain_job():
            self._explain_job = None
            self._show_heat_status()

    def _show_heat_status(self) -> None:
        total = self.gallery.count()
        if not self.heat_toggle.isChecked() or not total:
            self.heat_status.setText("")
            return
        if self._heat_model_error:
            self.heat_status.setText(self.tr("The heat maps cannot be shown: {reason}").format(
                reason=self._heat_model_error))
            return
        done = sum(1 for i in range(total) if self._item_path(self.gallery.item(i)) in self._heat)
        failed = [r for p, r in self._heat_errors.items()]
        if self._explain_job is not None:
            text = self.tr("Working out what the model looked at… ({done} of {total})").format(done=done, total=total)
        else:
            text = self.tr("Red: where the model looked most when it gave its wrong answer; blue: not at all.")
        if failed:
            text += " " + self.tr("%n pictures could not be shown: {reason}", "", len(failed)).format(
                reason=failed[0])
        self.heat_status.setText(text)
