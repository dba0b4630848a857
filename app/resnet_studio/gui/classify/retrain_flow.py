"""Correct and retrain: "Right" / "Wrong…" on a card copies its picture into the model's training
folder, and "Retrain" fine-tunes the model on that folder, then uses the new model and classifies
the corrected pictures again.

``RetrainFlow`` keeps the flow's own state: what each of our model files needs (classes,
training folder), the pictures added per model, the copies being made, the training folders the
user pointed to (in QSettings), and its own ``TrainWorker``. The engine calls it makes run as
Tasks (``gui/jobs/corrections.py``); the training runs as every training does (``train_worker``).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPersistentModelIndex, QRect, Slot
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from ..errors import show_error
from ..jobs.corrections import add_to_dataset, correction_info
from ..settings import qsettings
from ..train_worker import JobRunner, TrainWorker
from ..workers import Task

translate = QCoreApplication.translate  # texts keep the "ClassifyView" context of the .ts file

#: Where the training folders the user pointed to (for models whose own folder is gone) are kept.
DATASET_FOLDERS_KEY = "corrections/dataset_folders"


def next_version_name(name: str) -> str:
    """``shapes`` → ``shapes v2`` → ``shapes v3``: a retrained model's name."""
    m = re.fullmatch(r"(.*\S) v(\d+)", name.strip())
    return f"{m.group(1)} v{int(m.group(2)) + 1}" if m else f"{name.strip()} v2"


def is_inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([os.path.realpath(path), os.path.realpath(folder)]) == os.path.realpath(folder)
    except ValueError:  # other drive (Windows)
        return False


def _remembered_folders() -> dict[str, str]:
    try:
        value = json.loads(str(qsettings().value(DATASET_FOLDERS_KEY, "{}") or "{}"))
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _remember_folder(spec: str, folder: str) -> None:
    folders = _remembered_folders()
    folders[spec] = folder
    store = qsettings()
    store.setValue(DATASET_FOLDERS_KEY, json.dumps(folders, ensure_ascii=False))
    store.sync()


class RetrainFlow(QObject):
    """The correct-and-retrain flow of ``view`` (its results ``model``, ``list``, retrain bar)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        # What each of our model files needs (classes, training folder), the pictures added per
        # model spec ({original path: category}), copies being made, the retrain job, and the
        # pictures to classify again once the retrained model is loaded.
        self.info: dict[str, dict] = {}
        self._info_tasks: set[str] = set()
        self.corrections: dict[str, dict[str, str]] = {}
        self.copies: set[Task] = set()
        self.runner = JobRunner(view)
        self.job: TrainWorker | None = None
        self._spec = ""
        self._reclassify: tuple[str, list[str]] | None = None
        self._menu: QMenu | None = None
        #: TrainConfig overrides for a retrain (mode "head" by default: seconds on a CPU).
        self.config: dict = {}

    # -- what a model's results need to be corrected ---------------------------------------------
    def can_correct(self, r) -> bool:
        """Whether a card gets "Right" / "Wrong…": a readable picture classified by one of our
        model files, whose categories are known."""
        return not r.error and bool(self.info.get(r.model, {}).get("classes"))

    def learn_model(self, spec: str) -> None:
        """Read (off the GUI thread) what correcting results of ``spec`` needs."""
        if (not spec.lower().endswith(".safetensors") or spec in self.info
                or spec in self._info_tasks):
            return
        self._info_tasks.add(spec)
        task = Task(correction_info, spec, name="correction-info", background=True)

        def learnt(info: dict) -> None:
            self.info[spec] = info
            self.view.list.viewport().update()
            self.update_bar()

        task.succeeded.connect(learnt)
        task.finished.connect(lambda: self._info_tasks.discard(spec))
        task.start()

    def correction_ready(self, spec: str) -> bool:
        return bool(self.info.get(spec, {}).get("classes"))

    def dataset_folder(self, spec: str, *, ask: bool = True) -> str | None:
        """The training folder of model ``spec``: the one the user pointed to last, else the one
        the model remembers; when both are gone, ask (and remember the answer)."""
        info = self.info.get(spec)
        if info is None:
            return None
        for folder in (_remembered_folders().get(spec), info.get("dataset")):
            if folder and os.path.isdir(folder):
                return folder
        if not ask:
            return None
        recorded = info.get("recorded") or ""
        start = (os.path.dirname(recorded) if recorded and os.path.isdir(os.path.dirname(recorded))
                 else self.view.settings.last_dir)
        folder = QFileDialog.getExistingDirectory(
            self.view, translate("ClassifyView", "The training folder of “{name}” is gone: where is it now?").format(
                name=info["name"]), start)
        if not folder:
            return None
        _remember_folder(spec, folder)
        return folder

    def _class_choices(self, spec: str) -> list[str]:
        """The model's categories, then new ones the user added for it (not learnt yet)."""
        info = self.info.get(spec, {})
        classes = list(info.get("classes", []))
        for c in self.corrections.get(spec, {}).values():
            if c not in classes:
                classes.append(c)
        return classes

    # -- "Right" / "Wrong…": a copy into the training folder -------------------------------------
    @Slot(QPersistentModelIndex)
    def on_right_clicked(self, pindex: QPersistentModelIndex) -> None:
        if pindex.isValid():
            r = self.view.model.record(pindex.row())
            self.mark_right(r.id)

    @Slot(QPersistentModelIndex, QRect)
    def on_wrong_clicked(self, pindex: QPersistentModelIndex, rect: QRect) -> None:
        if not pindex.isValid():
            return
        v = self.view
        r = v.model.record(pindex.row())
        menu = self.wrong_menu(r.id, v)
        self._menu = menu
        menu.popup(v.list.viewport().mapToGlobal(rect.bottomLeft()))

    def wrong_menu(self, record_id: int, parent: QWidget) -> QMenu:
        """"It is…": the model's categories (but the one it guessed) and "New category…"."""
        r = self.view.model.record_by_id(record_id)
        menu = QMenu(translate("ClassifyView", "Wrong: it is…"), parent)
        menu.setObjectName("correctMenu")
        for c in self._class_choices(r.model):
            if c != r.label:
                menu.addAction(c, lambda c=c: self.correct(record_id, c))
        menu.addSeparator()
        new = menu.addAction(translate("ClassifyView", "New category…"), lambda: self._ask_new_class(record_id))
        new.setObjectName("newCategoryAction")
        return menu

    def _ask_new_class(self, record_id: int) -> None:
        name, ok = QInputDialog.getText(self.view, translate("ClassifyView", "New category"),
                                        translate("ClassifyView", "Name of the category this photo belongs to:"))
        if ok and name.strip():
            self.correct(record_id, name.strip())

    def mark_right(self, record_id: int) -> bool:
        """The model's top label is right: add the picture to that category (unless it is
        already in the training folder)."""
        r = self.view.model.record_by_id(record_id)
        if r is None or not self.can_correct(r):
            return False
        folder = self.dataset_folder(r.model)
        if folder and is_inside(r.path, folder):
            self.view.status_message.emit(translate("ClassifyView", "{name} is already in the training folder.").format(
                name=r.name), 5000)
            return False
        return self._add(r, folder, r.label)

    def correct(self, record_id: int, class_name: str) -> bool:
        """Add the card's picture to ``class_name`` in its model's training folder (a copy, made
        off the GUI thread). False when it cannot start (no model info, no folder chosen)."""
        r = self.view.model.record_by_id(record_id)
        if r is None or not self.can_correct(r):
            return False
        return self._add(r, self.dataset_folder(r.model), class_name)

    def _add(self, r, folder: str | None, class_name: str) -> bool:
        if not folder or r.correcting:
            return False
        v = self.view
        if is_inside(r.path, folder) and class_name != r.label:
            # the original stays where it is (never moved): say so, the user may want to remove it
            v.status_message.emit(translate("ClassifyView", "{name} is also in the training folder under another category; "
                                            "remove it from there if it does not belong.").format(name=r.name), 8000)
        record_id, spec, path = r.id, r.model, r.path
        v.model.set_correction(record_id, correcting=True)
        task = Task(add_to_dataset, path, folder, class_name, name="add-to-dataset")
        task.succeeded.connect(lambda dest: self._on_added(record_id, spec, path, class_name, str(dest)))
        task.failed.connect(lambda m, d: self._on_add_failed(record_id, m, d))
        task.finished.connect(lambda: self._on_copy_finished(task))
        self.copies.add(task)
        task.start()
        v._update_state()
        return True

    def _on_added(self, record_id: int, spec: str, path: str, class_name: str, dest: str) -> None:
        self.view.model.set_correction(record_id, corrected=class_name, path=dest, correcting=False)
        self.corrections.setdefault(spec, {})[path] = class_name
        self.view.status_message.emit(translate("ClassifyView", "Added {name} to “{category}”.").format(
            name=os.path.basename(path), category=class_name), 5000)
        self.update_bar()

    def _on_add_failed(self, record_id: int, message: str, details: str) -> None:
        self.view.model.set_correction(record_id, correcting=False)
        show_error(self.view, message, details, title=translate("ClassifyView", "Could not add the photo"))

    def _on_copy_finished(self, task: Task) -> None:
        self.copies.discard(task)
        self.update_bar()
        self.view._update_state()

    def corrections_count(self, spec: str) -> int:
        return len(self.corrections.get(spec, {}))

    # -- retraining ------------------------------------------------------------------------------
    def retrain(self) -> bool:
        """Fine-tune the current model on its training folder with the added pictures, then use
        the new model and classify the corrected pictures again. False when it cannot start."""
        v = self.view
        spec = v.model_state.ready_spec()
        info = self.info.get(spec)
        if self.job is not None or info is None or not self.corrections_count(spec) or self.copies:
            return False
        folder = self.dataset_folder(spec)
        if not folder:
            return False
        name = next_version_name(info["name"])
        # the model file's preprocessing is used whatever image_size says; passing its size keeps
        # the new model's recorded settings truthful
        config = {"init_model": spec, "arch": info["arch"], "mode": "head", "name": name,
                  "image_size": info["image_size"], **self.config}
        job = TrainWorker(folder, None, config)  # the engine names the new model in the library
        job.stage.connect(self._on_stage)
        job.batches.connect(self._on_batches)
        job.succeeded.connect(self._on_retrained)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        job.finished.connect(self._on_finished)
        self.job = job
        self._spec = spec
        v.retrain_progress.setRange(0, 0)
        v.retrain_status.setText(translate("ClassifyView", "Preparing…"))
        self.runner.start(job)
        self.update_bar()
        v._update_state()
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.view.retrain_status.setText(translate("ClassifyView", "Cancelling…"))

    def take_reclassify(self, spec: str) -> list[str] | None:
        """The corrected pictures to classify again, once, when ``spec`` is the retrained model."""
        if self._reclassify is None or self._reclassify[0] != spec:
            return None
        _, paths = self._reclassify
        self._reclassify = None
        return paths

    def _from_job(self) -> bool:
        return self.job is not None and self.sender() is self.job

    @Slot(str, str, int, int)
    def _on_stage(self, stage: str, message: str, done: int, total: int) -> None:
        if not self._from_job() or self.job.is_cancelled():
            return
        texts = {
            "preparing": translate("ClassifyView", "Preparing…"),
            "extracting": translate("ClassifyView", "Reading the pictures…"),
            "training": translate("ClassifyView", "Training…"),
            "evaluating": translate("ClassifyView", "Checking…"),
            "saving": translate("ClassifyView", "Saving…"),
        }
        status, progress = self.view.retrain_status, self.view.retrain_progress
        status.setText(texts.get(stage, stage))
        if stage == "extracting" and total:
            progress.setRange(0, total)
            progress.setValue(done)
            status.setText(translate("ClassifyView", "Reading the pictures… {done} of {total}").format(done=done, total=total))
        elif stage != "training":
            progress.setRange(0, 0)

    @Slot(list)
    def _on_batches(self, events: list) -> None:
        if self._from_job() and events and not self.job.is_cancelled():
            ev = events[-1]
            self.view.retrain_progress.setRange(0, 1000)
            self.view.retrain_progress.setValue(int(1000 * min(1.0, max(0.0, float(ev.get("progress", 0.0))))))
            self.view.retrain_status.setText(translate("ClassifyView", "Training… epoch {epoch} of {epochs}").format(
                epoch=ev.get("epoch", 0), epochs=ev.get("epochs", 0)))

    @Slot(dict)
    def _on_retrained(self, result: dict) -> None:
        if not self._from_job():
            return
        v = self.view
        path = result.get("model_path") or ""
        if result.get("cancelled") or not path:
            v.status_message.emit(translate("ClassifyView", "Retraining cancelled; the model in use did not change."), 6000)
            return
        corrected = list(self.corrections.get(self._spec, {}))
        v.status_message.emit(translate("ClassifyView", "Retrained: {accuracy:.0%} right on the check pictures. Now using {name}.").format(
            accuracy=float(result.get("val_accuracy", 0.0)), name=Path(path).stem), 8000)
        self._reclassify = (path, corrected)
        v.model_retrained.emit(path)
        v.refresh_trained_models()
        v.use_model(path)

    @Slot(str, str)
    def _on_failed(self, message: str, details: str) -> None:
        if self._from_job():
            show_error(self.view, message, details, title=translate("ClassifyView", "Retraining failed"))

    @Slot()
    def _on_cancelled(self) -> None:
        if self._from_job():
            self.view.status_message.emit(translate("ClassifyView", "Retraining cancelled; the model in use did not change."), 6000)

    @Slot()
    def _on_finished(self) -> None:
        if not self._from_job():
            return
        self.job = None
        self._spec = ""
        self.update_bar()
        self.view._update_state()

    def update_bar(self) -> None:
        """The retrain bar: shown while pictures were added to the current model or it retrains."""
        v = self.view
        spec = v.model_state.ready_spec()
        n = self.corrections_count(spec)
        running = self.job is not None
        v.retrain_bar.setVisible(running or n > 0)
        v.retrain_progress.setVisible(running)
        v.retrain_status.setVisible(running)
        v.retrain_cancel.setVisible(running)
        v.retrain_button.setText(translate("ClassifyView", "Retrain"))
        v.retrain_cancel.setText(translate("ClassifyView", "Cancel"))
        v.retrain_button.setEnabled(not running and n > 0 and not self.copies)
        v.retrain_button.setToolTip(translate("ClassifyView",
            "Teach the current model the photos you corrected: it learns again from its training folder, "
            "new photos included (seconds for the last layer), and the new model is used at once."))
        name = self.info.get(spec, {}).get("name", "")
        if running:
            v.corrections_label.setText(translate("ClassifyView", "Retraining {name}…").format(
                name=self.info.get(self._spec, {}).get("name", "")))
        else:
            v.corrections_label.setText(self.tr("%n photos added to the training folder of {name}.", "", n).format(
                n=n, name=name))
