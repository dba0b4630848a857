"""The Classify view: drop photos or folders, see a card per image as results arrive.

The view never touches torch or decodes an image: it sends paths to the inference worker and
shows what comes back (labels, scores, small thumbnails made on the worker). It lays out
(``layout.py``) and reacts; each flow with state of its own is a unit beside it: the intake
(``intake.py``), the model state and weights download (``model_state.py``), CSV export
(``export.py``), the "Show why" queue (``explain_queue.py``) and correct-and-retrain
(``retrain_flow.py``). What stays here is the classification jobs' bookkeeping and progress.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage
from PySide6.QtWidgets import QMenu, QWidget

from ..errors import show_error
from ..jobs.library import list_models
from ..label_names import shown_label
from ..settings import Settings
from ..widgets.results import ResultsModel, Roles
from ..workers import InferenceClient
from . import large_view, layout
from .explain_queue import ExplainQueue
from .export import CsvExport
from .sort_into_folders import SortIntoFolders
from .intake import Intake
from .model_state import ModelState
from .retrain_flow import RetrainFlow

#: Cards classified again at once when the model changes; with more, the cards are marked stale
#: and the banner offers "Classify again with …" (a few seconds of work is what a user expects
#: from a model switch; minutes on a big folder should be their choice).
RECLASSIFY_LIMIT = 200


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
        # Classification jobs: {job: {"paths", "image", "total", "done"}}, what waits for a
        # model, and the jobs whose results replace cards (a retrained model's answers).
        self._jobs: dict[int, dict] = {}
        self._pending: list[str] = []
        self._pending_images: list[QImage] = []
        self._skipped_total = 0
        # Jobs whose answers go onto cards already shown (the model changed): never new cards.
        self._replace_jobs: set[int] = set()
        self.intake = Intake(self)
        self.model_state = ModelState(self)
        self.csv_export = CsvExport(self)
        self.sorter = SortIntoFolders(self)
        self.why_queue = ExplainQueue(self)
        self.retrain_flow = RetrainFlow(self)
        self.model = ResultsModel(self)
        self.model.threshold = self.settings.not_sure_threshold
        layout.build(self)
        self._wire()
        self._connect_worker()
        self.retranslate_ui()
        self._update_state()

    # What tests, the screenshots and older callers read on the view (the state lives in the units).
    @property
    def _model_state(self) -> str:
        return self.model_state.state

    @property
    def _model_info(self) -> dict:
        return self.model_state.info

    @property
    def _why_pending(self) -> set:
        return self.why_queue.pending

    @property
    def _copies(self) -> set:
        return self.retrain_flow.copies

    @property
    def retrain_config(self) -> dict:
        """TrainConfig overrides for a retrain (mode "head" by default: seconds on a CPU)."""
        return self.retrain_flow.config

    @retrain_config.setter
    def retrain_config(self, value: dict) -> None:
        self.retrain_flow.config = value

    # -- construction ----------------------------------------------------------------------
    def _wire(self) -> None:
        """Connect the widgets ``layout.build`` made (in the order the view always had)."""
        self.picker.model_chosen.connect(self._on_model_chosen)
        self.picker.choose_file_requested.connect(self.choose_model_file)
        self.open_files_action.triggered.connect(lambda: self.open_files())
        self.open_folder_action.triggered.connect(lambda: self.open_folder())
        self.paste_action.triggered.connect(self.paste)
        self.export_action.triggered.connect(lambda: self.export_csv())
        self.clear_action.triggered.connect(self.clear)
        self.cancel_action.triggered.connect(self.cancel)
        self.why_action.toggled.connect(self.set_show_why)
        self.why_opacity.valueChanged.connect(self._on_why_opacity)
        self.why_layer.currentIndexChanged.connect(self._on_why_layer)
        # The model's name stays readable when the row is tight: the buttons give way first
        # (see layout.fit_rows, which sizes the picker to the chosen model's name).
        self.picker.currentIndexChanged.connect(lambda _i: self._fit_rows())
        self.banner.action.connect(self.model_state.on_banner_action)
        self.banner.action.connect(self._on_banner_action)
        self.drop_zone.open_files.connect(lambda: self.open_files())
        self.drop_zone.open_folder.connect(lambda: self.open_folder())
        self.delegate.toggle_requested.connect(self._toggle_card)
        self.delegate.heat_needed.connect(self.why_queue.on_heat_needed)
        self.delegate.label_clicked.connect(self._on_label_clicked)
        self.delegate.right_clicked.connect(self.retrain_flow.on_right_clicked)
        self.delegate.wrong_clicked.connect(self.retrain_flow.on_wrong_clicked)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.doubleClicked.connect(self._open_index)
        self.retrain_button.clicked.connect(lambda: self.retrain())
        self.retrain_cancel.clicked.connect(self.cancel_retrain)
        self.cancel_button.clicked.connect(self.cancel)
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
        self.sorter.retranslate_ui()
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
        if self.banner.key == "stale" and self.banner.isVisible():
            self._offer_classify_again()  # said again in the new language
        self.retrain_flow.update_bar()
        self.model_state.emit_status()
        self._update_summary()
        self._update_progress()
        self._update_state()


    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._fit_rows()
            self.list.viewport().update()  # ImageNet labels are painted in the new language
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_rows()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        layout.fit_rows(self)

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
        if self.model_state.state == "failed":
            self._pending.extend(paths)
            self.status_message.emit(self.tr("Choose or download a model first; your photos will be classified then."), 6000)
            return None
        job = self.client.classify(paths)
        self._jobs[job] = {"paths": paths, "total": 0, "done": 0}
        self._update_progress()
        self._update_state()
        return job

    def classify_image(self, image: QImage) -> None:
        if self.model_state.state == "failed":
            self._pending_images.append(QImage(image))
            return
        job = self.client.classify_image(image)
        self._jobs[job] = {"paths": [], "image": QImage(image), "total": 0, "done": 0}
        self._update_progress()
        self._update_state()

    def is_busy(self) -> bool:
        return (bool(self._jobs) or (self.model_state.download is not None) or (self.csv_export.task is not None)
                or self.retrain_flow.job is not None or bool(self.retrain_flow.copies))

    def cancel(self) -> None:
        if self._jobs:
            self.client.cancel()
            self.progress_label.setText(self.tr("Cancelling…"))

    def cancel_and_wait_tasks(self, timeout_ms: int) -> None:
        for t in (self.model_state.download, self.csv_export.task):
            if t is not None:
                t.cancel()
                t.wait(timeout_ms)
        for t in list(self.retrain_flow.copies):
            t.wait(timeout_ms)  # a copy takes milliseconds and is atomic: let it finish
        self.retrain_flow.runner.cancel_and_wait(timeout_ms)

    def set_show_why(self, on: bool) -> None:
        """Overlay (or hide) the "why this label" heat maps on the cards' photos."""
        on = bool(on)
        if self.why_action.isChecked() != on:
            self.why_action.setChecked(on)  # comes back here through toggled
            return
        if not on:
            self.why_queue.drop_requests()
        self.why_queue.error_shown = False
        self.model.set_show_why(on)
        self._update_state()
        self.list.viewport().update()

    def choose_explained_label(self, row: int, rank: int) -> None:
        """Explain the card's ``rank``-th label (0: the top one) instead of the current one."""
        self.model.set_explain_rank(row, rank)
        self.list.viewport().update()

    def clear(self) -> None:
        if self._jobs:
            self.client.cancel()
        self.why_queue.drop_requests()
        self.model.clear()
        if self.banner.key == "stale":
            self.banner.hide()
        self._skipped_total = 0
        self.note.clear()
        self._update_state()

    def open_files(self, files: list[str] | None = None) -> None:
        self.intake.open_files(files)

    def open_folder(self, folder: str | None = None) -> None:
        self.intake.open_folder(folder)

    def paste(self) -> None:
        self.intake.paste()

    def export_csv(self, path: str | None = None) -> None:
        self.csv_export.export(path)

    def choose_model_file(self) -> None:
        self.model_state.choose_model_file()

    def download_weights(self, name: str) -> None:
        self.model_state.download_weights(name)

    def use_model(self, spec: str) -> None:
        """Switch to ``spec`` (zoo name or model file), e.g. from "Use this model"."""
        self.picker.set_current_spec(spec)
        self._on_model_chosen(spec)

    def refresh_trained_models(self, entries: list | None = None) -> None:
        """List the user's models in the picker: ``entries`` from ``library.list_models()`` when
        the caller has read them (off the GUI thread), else read here."""
        if entries is None:
            entries = list_models()
        self.picker.set_trained_models([(str(e.path), e.name, e.info.num_classes) for e in entries if e.ok])

    def records(self):
        return self.model.records()

    # -- correct and retrain (retrain_flow.py) ---------------------------------------------
    def can_correct(self, r) -> bool:
        """Whether a card gets "Right" / "Wrong…" (the delegate asks)."""
        return self.retrain_flow.can_correct(r)

    def correction_ready(self, spec: str | None = None) -> bool:
        """Whether the current (or ``spec``) model's results can be corrected (tests, menus)."""
        spec = spec if spec is not None else self.model_state.info.get("spec", "")
        return self.retrain_flow.correction_ready(spec)

    def dataset_folder(self, spec: str, *, ask: bool = True) -> str | None:
        return self.retrain_flow.dataset_folder(spec, ask=ask)

    def mark_right(self, record_id: int) -> bool:
        return self.retrain_flow.mark_right(record_id)

    def correct(self, record_id: int, class_name: str) -> bool:
        return self.retrain_flow.correct(record_id, class_name)

    def corrections_count(self, spec: str | None = None) -> int:
        spec = spec if spec is not None else self.model_state.info.get("spec", "")
        return self.retrain_flow.corrections_count(spec)

    def retrain(self) -> bool:
        return self.retrain_flow.retrain()

    def cancel_retrain(self) -> None:
        self.retrain_flow.cancel()

    def is_retraining(self) -> bool:
        return self.retrain_flow.job is not None

    # -- drag and drop (intake.py) ---------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        self.intake.drag_enter(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.intake.drag_move(event)

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self.intake.drag_leave(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        self.intake.drop(event)

    # -- worker signals --------------------------------------------------------------------
    @Slot(str)
    def _on_engine_ready(self, device: str) -> None:
        self.model_state.engine_ready()

    @Slot(str, str)
    def _on_engine_failed(self, message: str, details: str) -> None:
        self.model_state.engine_failed(message, details)

    @Slot(str)
    def _on_model_loading(self, spec: str) -> None:
        self.model_state.loading()
        self.model.set_current_model(spec)  # the cards shown are the old model's from now on
        self.retrain_flow.update_bar()
        self.model_status.emit(self.tr("Loading model…"))
        self._update_state()

    @Slot(object)
    def _on_model_ready(self, info: dict) -> None:
        self.model_state.ready(info)
        self._update_state()
        pending, self._pending = self._pending, []
        images, self._pending_images = self._pending_images, []
        if pending:
            self.classify_paths(pending)
        for img in images:
            self.classify_image(img)
        self.retrain_flow.learn_model(info["spec"])
        self.model.set_current_model(info["spec"])
        self._follow_model(self.retrain_flow.take_reclassify(info["spec"]) or [])
        self.retrain_flow.update_bar()

    # -- results follow the model ----------------------------------------------------------
    def _follow_model(self, corrected: list[str]) -> None:
        """The model in use changed: classify the cards it did not make again (all of them up to
        :data:`RECLASSIFY_LIMIT`; beyond, only a retrain's corrected pictures, and the banner offers
        the rest). Until its new answer arrives, a card is drawn as stale."""
        stale = self.model.stale_records()
        if not stale:
            if self.banner.key == "stale":
                self.banner.hide()
            return
        if len(stale) <= RECLASSIFY_LIMIT:
            self.classify_again()
            return
        self._reclassify([p for p in corrected if os.path.isfile(p)])
        self._offer_classify_again()

    def classify_again(self) -> int | None:
        """Classify every card made by another model again with the one in use (the banner's
        "Classify again with …"); the job number, or None when there is nothing to do."""
        if self.model_state.state != "ready":
            return None
        if self.banner.key == "stale":
            self.banner.hide()
        return self._reclassify([r.path for r in self.model.stale_records()])

    def _reclassify(self, paths: list[str]) -> int | None:
        paths = list(dict.fromkeys(paths))  # a picture dropped twice has two cards, one answer
        if not paths:
            return None
        job = self.client.reclassify(paths)
        self._jobs[job] = {"paths": paths, "total": 0, "done": 0, "reclassify": True}
        self._replace_jobs.add(job)
        self._update_progress()
        self._update_state()
        return job

    def _offer_classify_again(self) -> None:
        n = self.model.counts()["stale"]
        if not n or self.model_state.state != "ready":
            return
        name = self.model_state.info.get("name", "")
        self.banner.show_message(
            "stale",
            self.tr("%n result(s) shown are from an earlier model, not from {model}.", "", n).format(model=name),
            [("reclassify", self.tr("Classify again with {model}").format(model=name))], kind="info")

    def _on_banner_action(self, key: str) -> None:
        if key == "reclassify":
            self.classify_again()

    @Slot(str, str, str, bool)
    def _on_model_failed(self, spec: str, message: str, details: str, weights_missing: bool) -> None:
        self.model_state.failed(spec)
        self.retrain_flow.update_bar()
        self.model_state.show_failure(spec, message, details, weights_missing)
        self._update_state()

    @Slot(object)
    def _on_explained(self, reply: dict) -> None:
        self.why_queue.on_explained(reply)

    @Slot(int, int, int)
    def _on_job_started(self, job: int, total: int, skipped: int) -> None:
        info = self._jobs.get(job)
        if info is None:
            return
        info["total"] = total
        if skipped:
            self._skipped_total += skipped
            self.note.setText(self.tr("%n files were skipped because they are not images.", "", self._skipped_total))
        if total == 0:
            self.status_message.emit(self.tr("No photos found in what you opened."), 5000)
        self._update_progress()

    @Slot(int, object)
    def _on_files_skipped(self, job: int, names: list) -> None:
        """Name what was left out (a few names here, more in the tooltip), never just a count."""
        if job not in self._jobs or not names:
            return
        shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
        self.note.setText(self.tr("%n files were skipped because they are not pictures: {names}", "",
                                  self._skipped_total).format(names=shown))
        self.note.setToolTip("\n".join(names[:50]) + ("\n…" if len(names) > 50 else ""))

    @Slot(int, object)
    def _on_results(self, job: int, items: list) -> None:
        if job in self._replace_jobs:
            self.model.update_results(items, add_missing=False)
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
        if info.get("reclassify"):
            self._on_reclassify_finished(info, status, message, details)
        elif status == "no-model":
            if info.get("image") is not None:
                self._pending_images.append(info["image"])
            self._pending.extend(info["paths"])
            self.status_message.emit(self.tr("Choose or download a model first; your photos will be classified then."), 6000)
        elif status == "failed":
            show_error(self, message, details, title=self.tr("Classification stopped"))
        elif status == "cancelled":
            self.status_message.emit(self.tr("Cancelled: {done} of %n photos were classified.", "", int(info["total"])).format(
                done=info["done"], total=info["total"]), 5000)
        elif info["total"]:
            self.status_message.emit(self.tr("Classified %n photos.", "", int(info["total"])), 4000)
        self._update_progress()
        self._update_state()


    def _on_reclassify_finished(self, info: dict, status: str, message: str, details: str) -> None:
        """A re-classification ended: said on the status bar; cards it did not reach stay stale
        and, with the model ready, the banner offers to finish them (a superseded one says nothing:
        the next model's answers are on their way)."""
        if status == "failed":
            show_error(self, message, details, title=self.tr("Classification stopped"))
        elif status == "done" and info["total"]:
            self.status_message.emit(self.tr("Classified %n photo(s) again with {model}.", "", info["total"]).format(
                model=self.model_state.info.get("name", "")), 4000)
        if self.model_state.state == "ready" and status != "no-model":
            self._offer_classify_again()

    # -- GUI reactions ---------------------------------------------------------------------
    def _on_model_chosen(self, spec: str) -> None:
        self.model_state.choose(spec)
        self._update_state()

    def _on_sort(self) -> None:
        mode = self.sort_combo.currentData() or "added"
        self.settings.sort_mode = mode
        self.model.set_sort_mode(mode)

    def _on_threshold(self, value: int) -> None:
        self.settings.not_sure_threshold = value / 100
        self.model.set_threshold(value / 100)
        self.list.viewport().update()

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
            large_view.view_large(self, r)

    def _context_menu(self, pos) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid():
            return
        r = index.data(Roles.Record)
        menu = QMenu(self)
        menu.addAction(self.tr("View large"), lambda: self._open_index(index))
        menu.addAction(self.tr("Open the photo"), lambda: large_view.open_photo(self, r))
        menu.addAction(self.tr("Show in folder"),
                       lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(r.path))))
        menu.addSeparator()
        if r.label:
            menu.addAction(self.tr("Copy label"), lambda: QGuiApplication.clipboard().setText(r.predictions[0][0]))
            # the keyboard's way to pick which label "Show why" explains
            why = menu.addMenu(self.tr("Show why it could be"))
            for rank, (lab, sc, _) in enumerate(r.predictions):
                a = why.addAction(self.tr("{label} ({score:.0%})").format(label=shown_label(lab, r.model), score=sc))
                a.setCheckable(True)
                a.setChecked(self.model.show_why and rank == r.explain_rank)
                a.triggered.connect(lambda _=False, row=index.row(), rank=rank: (
                    self.set_show_why(True), self.choose_explained_label(row, rank)))
        menu.addAction(self.tr("Copy file path"), lambda: QGuiApplication.clipboard().setText(r.path))
        if self.model.is_stale(r) and self.model_state.state == "ready":
            # the banner's action, for when the banner was closed
            menu.addSeparator()
            menu.addAction(self.tr("Classify again with {model}").format(model=self.model_state.info.get("name", "")),
                           self.classify_again)
        if self.can_correct(r):
            # the keyboard's way to the cards' "Right" / "Wrong…" buttons
            menu.addSeparator()
            menu.addAction(self.tr("Right: add to “{category}”").format(category=r.label),
                           lambda rid=r.id: self.mark_right(rid))
            menu.addMenu(self.retrain_flow.wrong_menu(r.id, menu))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def _update_summary(self) -> None:
        c = self.model.counts()
        if not c["total"]:
            self.summary.setText("")
            return
        parts = [self.tr("%n photos", "", int(c["total"]))]
        if c["not_sure"]:
            parts.append(self.tr("{n} not sure").format(n=c["not_sure"]))
        if c["errors"]:
            parts.append(self.tr("{n} could not be read").format(n=c["errors"]))
        if c["stale"]:
            parts.append(self.tr("%n from an earlier model", "", c["stale"]))
        elif self.banner.key == "stale":
            self.banner.hide()  # every card has the answer of the model in use now
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
            self.progress_label.setText(self.tr("Waiting for the model…") if self.model_state.state != "ready"
                                        else self.tr("Looking for photos…"))

    def _update_state(self) -> None:
        has_results = self.model.rowCount() > 0
        self.export_action.setEnabled(has_results and self.csv_export.task is None)
        self.sorter.action.setEnabled(has_results)
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
