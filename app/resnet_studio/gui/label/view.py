"""The Label tab: sort an unsorted folder of pictures into categories by hand, helped by a model
that learns from the first few and suggests the rest.

The view lays out and reacts; the state (categories, labels, suggestions) is :mod:`.state`, every
change one :class:`~.state.ChangeCommand` on the undo stack; all disk and model work is in
:mod:`..jobs.labelling`. After each change the labels are saved (a Task, atomically) and, a
second later, new suggestions are asked for (a running request is cancelled: only the newest
labels matter).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QInputDialog, QLabel,
                               QMessageBox, QPushButton, QSizePolicy, QSpinBox, QSplitter, QVBoxLayout, QWidget)

from ...engine.errors import StudioError
from ..errors import show_error
from ..jobs.framework import Task
from ..jobs.labelling import open_pile, save_training_folder, suggest_rows, write_state
from .categories import CategoriesPanel
from .grid import PictureGrid, PictureModel, TileDelegate
from .state import ChangeCommand, LabelState, Suggestion, category_problem

SUGGEST_DELAY_MS = 1000
SAVE_DELAY_MS = 150
ORDER_USEFUL, ORDER_NAME = 0, 1


class LabelView(QWidget):
    """The labelling workspace. ``train_requested(folder)``: the user wants to train on a saved
    training folder; ``status_message(text, ms)`` for the window's status bar."""

    status_message = Signal(str, int)
    train_requested = Signal(str)
    suggestions_changed = Signal()  # a new set of suggestions is shown (tests, screenshots)

    def __init__(self, parent: QWidget | None = None, *, arch: str = "resnet18") -> None:
        super().__init__(parent)
        self.setObjectName("labelView")
        self.setAcceptDrops(True)
        self.arch = arch
        self.state = LabelState(on_change=self._on_state_changed)
        self.undo_stack = QUndoStack(self)
        self._generation = 0
        self._suggest_task: Task | None = None  # the newest request; older ones are cancelled
        self._opening: Task | None = None
        self._saving_folder = False
        self._save_pending = False
        self._save_task: Task | None = None
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_state)
        self._suggest_timer = QTimer(self, singleShot=True, interval=SUGGEST_DELAY_MS)
        self._suggest_timer.timeout.connect(self._ask_suggestions)
        self._build()
        self._build_actions()
        self.retranslate_ui()
        self._update_controls()

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.choose_folder)
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long path must not widen the window: it is cut, and whole in the tooltip.
        self.folder_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.order_combo = QComboBox()
        self.order_combo.addItems(["", ""])
        self.order_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # texts come later
        self.order_combo.currentIndexChanged.connect(lambda _i: self._refill())
        self.unlabelled_only = QCheckBox()
        self.unlabelled_only.toggled.connect(lambda _on: self._refill())
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.folder_label, 1)
        self.order_label = QLabel()
        top.addWidget(self.order_label)
        top.addWidget(self.order_combo)
        top.addWidget(self.unlabelled_only)

        self.model = PictureModel(self.state, self)
        self.grid = PictureGrid()
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(TileDelegate(self.state, self.grid))
        self.grid.key_pressed.connect(self._on_grid_key)
        self.grid.selectionModel().selectionChanged.connect(lambda *_: self._update_controls())
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.empty_label, 1)
        ll.addWidget(self.grid, 1)
        self.grid.hide()  # until a folder is open: the invitation takes its place

        self.categories = CategoriesPanel()
        self.categories.add_requested.connect(self.ask_new_category)
        self.categories.rename_requested.connect(self.ask_rename_category)
        self.categories.delete_requested.connect(self.delete_category)
        self.categories.assign_requested.connect(lambda name: self.assign(self.grid.selected_paths(), name))
        self.categories.dropped.connect(lambda name, paths: self.assign(paths, name))
        right = QWidget()
        right.setMinimumWidth(250)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.categories, 1)
        rl.addWidget(self._build_suggestion_box())
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.choose_save_folder)
        rl.addWidget(self.save_button)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([760, 280])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)

    def _build_suggestion_box(self) -> QGroupBox:
        self.suggest_box = QGroupBox()
        self.suggest_status = QLabel()
        self.suggest_status.setWordWrap(True)
        self.accept_button = QPushButton()
        self.accept_button.clicked.connect(self.accept_selected)
        self.threshold = QSpinBox()
        self.threshold.setRange(50, 99)
        self.threshold.setValue(90)
        self.threshold.setSuffix(" %")
        self.threshold.valueChanged.connect(lambda _v: self._update_controls())
        self.accept_all_button = QPushButton()
        self.accept_all_button.clicked.connect(self.accept_all_above)
        lay = QVBoxLayout(self.suggest_box)
        lay.addWidget(self.suggest_status)
        lay.addWidget(self.accept_button)
        row = QHBoxLayout()
        self.threshold_label = QLabel()
        row.addWidget(self.threshold_label)
        row.addWidget(self.threshold)
        lay.addLayout(row)
        lay.addWidget(self.accept_all_button)
        return self.suggest_box

    def _build_actions(self) -> None:
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        for a in (self.undo_action, self.redo_action):
            # Only while this tab has the focus: the Models tab has its own Ctrl+Z.
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)
        self.undo_stack.indexChanged.connect(lambda _i: self._update_controls())

    def retranslate_ui(self) -> None:
        self.open_button.setText(self.tr("Open folder…"))
        self.open_button.setToolTip(self.tr("Choose a folder of unsorted pictures (or drop it here)"))
        self.order_label.setText(self.tr("Order:"))
        self.order_combo.setItemText(ORDER_USEFUL, self.tr("Next most useful"))
        self.order_combo.setItemText(ORDER_NAME, self.tr("File name"))
        # The style's size hint came out a pixel short of its own text (tests/gui/test_layout_fits.py).
        self.order_combo.setMinimumWidth(self.order_combo.sizeHint().width() + 8)
        self.order_combo.setToolTip(self.tr("“Next most useful” puts first the pictures the model is least sure "
                                            "about: labelling those teaches it most"))
        self.unlabelled_only.setText(self.tr("Unlabelled only"))
        self.empty_label.setText(self.tr("Open or drop a folder of unsorted pictures to sort them into "
                                         "categories.\nThe app learns from your first few and suggests the rest."))
        self.suggest_box.setTitle(self.tr("Suggestions"))
        self.accept_button.setText(self.tr("Accept suggestion (Enter)"))
        self.threshold_label.setText(self.tr("Sure at least"))
        self.save_button.setText(self.tr("Save as training folder…"))
        self.save_button.setToolTip(self.tr("Copy the labelled pictures into one folder per category; "
                                            "the original folder is not changed"))
        self.undo_action.setText(self.tr("Undo labelling"))
        self.redo_action.setText(self.tr("Redo labelling"))
        self.categories.retranslate_ui()
        self._sync_categories()  # the list's "1 · name (n)" and the tiles' strips are words too
        self.model.refresh_all()
        self._show_folder()
        self._update_controls()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- opening a pile --------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of pictures"), self.state.folder)
        if folder:
            self.open_folder(folder)

    def open_folder(self, folder: str) -> None:
        """List ``folder`` and read its saved labels on a job; the grid fills when both are in."""
        self._flush_save()
        if self._opening is not None:
            self._opening.cancel()
        task = Task(open_pile, os.path.abspath(folder), name="label-open", background=True)
        task.succeeded.connect(lambda result, t=task: self._on_opened(t, result))
        task.failed.connect(lambda msg, details: show_error(self, msg, details))
        task.finished.connect(lambda t=task: self._opened_finished(t))
        self._opening = task
        task.start()
        self._update_controls()

    def _opened_finished(self, task: Task) -> None:
        if self._opening is task:
            self._opening = None
        self._update_controls()

    def _on_opened(self, task: Task, result: dict) -> None:
        if task is not self._opening:
            return  # another folder was asked for meanwhile
        self.show_pile(result)
        self.grid.setFocus()  # the number keys work at once
        if not result["pictures"]:
            self.status_message.emit(self.tr("There are no pictures directly in this folder."), 6000)
        elif result["labels"]:
            n = len(result["labels"])
            self.status_message.emit(self.tr("%n labelled picture(s) restored", "", n), 6000)
        self._suggest_timer.start(0 if self.state.ready_to_suggest() else SUGGEST_DELAY_MS)

    def show_pile(self, pile: dict) -> None:
        """Show a listed pile: ``folder``, ``pictures`` (paths), the saved ``categories`` and
        ``labels`` (what :func:`..jobs.labelling.open_pile` returns)."""
        self._cancel_suggestions()
        self.model.thumbs.clear()
        self.undo_stack.clear()
        self.state.reset(pile["folder"], pile["pictures"], pile.get("categories", []), pile.get("labels", {}))
        self._show_folder()
        self._refill()
        self._sync_categories()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(u.isLocalFile() and os.path.isdir(u.toLocalFile()) for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        for u in event.mimeData().urls():
            if u.isLocalFile() and os.path.isdir(u.toLocalFile()):
                event.acceptProposedAction()
                self.open_folder(u.toLocalFile())
                return
        event.ignore()

    # -- categories ------------------------------------------------------------------------
    def ask_category_name(self, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name if ok else None

    def add_category(self, name: str) -> str:
        """Add the category ``name``; returns why not ("" when added)."""
        problem = category_problem(name, self.state.categories)
        if not problem and len(self.state.categories) >= 9:
            problem = self.tr("There can be 9 categories at most, one for each number key.")
        if not problem:
            name = name.strip()
            self._push(self.state.with_category(name), self.tr("Add category “%1”").replace("%1", name))
        return problem

    def rename_category(self, old: str, new: str) -> str:
        problem = category_problem(new, self.state.categories, ignore=old)
        if not problem and new.strip() != old:
            self._push(self.state.with_renamed(old, new.strip()), self.tr("Rename category “%1”").replace("%1", old))
        return problem

    def ask_new_category(self) -> None:
        text = ""
        while True:
            name = self.ask_category_name(self.tr("New category"), self.tr("Name of the category:"), text)
            if name is None:
                return
            problem = self.add_category(name)
            if not problem:
                self.grid.setFocus()
                return
            show_error(self, problem)
            text = name

    def ask_rename_category(self, old: str) -> None:
        if not old:
            return
        name = self.ask_category_name(self.tr("Rename category"), self.tr("New name:"), old)
        if name is not None:
            problem = self.rename_category(old, name)
            if problem:
                show_error(self, problem)
        self.grid.setFocus()

    def delete_category(self, name: str) -> None:
        """Delete ``name``; its pictures become unlabelled (undoable, so no question asked)."""
        if name in self.state.categories:
            self._push(self.state.with_deleted(name), self.tr("Delete category “%1”").replace("%1", name))
            self.status_message.emit(self.tr("Category deleted. Undo with Ctrl+Z."), 5000)

    # -- labelling -------------------------------------------------------------------------
    def assign(self, paths: list[str], category: str | None) -> None:
        """Label ``paths`` as ``category`` (None: unlabel) in one undoable step."""
        if not paths or (category is not None and category not in self.state.categories):
            return
        after = self.state.with_labels(paths, category)
        if after.labels == self.state.labels:
            return
        text = (self.tr("Label %n picture(s) “%1”", "", len(paths)).replace("%1", category) if category
                else self.tr("Unlabel %n picture(s)", "", len(paths)))
        self._push(after, text)

    def _on_grid_key(self, key: int) -> None:
        paths = self.grid.selected_paths()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            i = key - int(Qt.Key.Key_1)
            if i < len(self.state.categories):
                self.assign(paths, self.state.categories[i])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_A):
            self.accept_selected()
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.assign([p for p in paths if p in self.state.labels], None)

    def accept_selected(self) -> None:
        paths = [p for p in self.grid.selected_paths() if self.state.suggestion(p) is not None]
        if paths:
            self._push(self.state.with_accepted(paths), self.tr("Accept %n suggestion(s)", "", len(paths)))

    def above_threshold(self) -> dict[str, list[str]]:
        return self.state.above(self.threshold.value() / 100)

    def confirm_accept(self, counts: dict[str, int]) -> bool:
        lines = "\n".join(f"• {name}: {n}" for name, n in counts.items())
        total = sum(counts.values())
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Accept suggestions"),
                          self.tr("Label %n picture(s) as suggested?", "", total) + "\n\n" + lines,
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self)
        return box.exec() == QMessageBox.StandardButton.Ok

    def accept_all_above(self) -> None:
        groups = self.above_threshold()
        if not groups:
            return
        counts = {c: len(groups[c]) for c in self.state.categories if c in groups}
        if not self.confirm_accept(counts):
            return
        paths = [p for c in counts for p in groups[c]]
        self._push(self.state.with_accepted(paths), self.tr("Accept %n suggestion(s)", "", len(paths)))

    def _push(self, after, text: str) -> None:
        self.undo_stack.push(ChangeCommand(self.state, after, text))

    # -- after every change ----------------------------------------------------------------
    def _on_state_changed(self) -> None:
        self._sync_categories()
        if self.unlabelled_only.isChecked():
            self._refill(keep_position=True)
        else:
            self.model.refresh_all()
        self._schedule_save()
        self._suggest_timer.start()
        self._update_controls()

    def _sync_categories(self) -> None:
        self.categories.set_categories(self.state.categories, self.state.counts())

    def _refill(self, *, keep_position: bool = False) -> None:
        """Rebuild the grid's rows for the order and filter; ``keep_position``: select the tile now
        where the first selected one was, so labelling goes on with the next picture."""
        old = self.grid.selectionModel().selectedIndexes() if keep_position else []
        first = min((i.row() for i in old), default=0)
        keys = range(len(self.state.pictures))
        if self.unlabelled_only.isChecked():
            keys = [k for k in keys if self.state.pictures[k] not in self.state.labels]
        keys = list(keys)
        if self.order_combo.currentIndex() == ORDER_USEFUL and self.state.suggestions:
            far = len(self.state.pictures) + 1
            rank = {p: s.rank for p, s in self.state.suggestions.items()}
            keys.sort(key=lambda k: (rank.get(self.state.pictures[k], far), k))
        self.model.set_rows(keys)
        if keep_position and old and keys:
            self.grid.setCurrentIndex(self.model.index(min(first, len(keys) - 1)))
        self.empty_label.setVisible(not self.state.folder)
        self.grid.setVisible(bool(self.state.folder))
        self._update_controls()

    def _schedule_save(self) -> None:
        if self.state.folder:
            self._save_pending = True
            self._save_timer.start()

    def _save_state(self) -> None:
        # One write at a time, in order: two in flight could land out of order and leave the older.
        if self._save_task is not None or not self._save_pending or not self.state.folder:
            return
        self._save_pending = False
        task = Task(write_state, self.state.folder, list(self.state.categories), dict(self.state.labels),
                    name="label-save", background=True)
        task.failed.connect(lambda msg, details: self.status_message.emit(
            self.tr("Could not keep the labels: %1").replace("%1", msg), 10000))
        task.finished.connect(lambda t=task: self._on_saved(t))
        self._save_task = task
        task.start()

    def _on_saved(self, task: Task) -> None:
        if task is self._save_task:
            self._save_task = None
            self._save_state()  # what changed while it was writing

    def _flush_save(self) -> None:
        """Write now what is waiting (before another folder replaces it, or on close)."""
        if self._save_task is not None:
            self._save_task.wait(10000)
            self._save_task = None
        if self._save_pending and self.state.folder:
            self._save_timer.stop()
            self._save_pending = False
            write_state(self.state.folder, list(self.state.categories), dict(self.state.labels))

    # -- suggestions -----------------------------------------------------------------------
    def _cancel_suggestions(self) -> None:
        self._generation += 1
        if self._suggest_task is not None:
            self._suggest_task.cancel()
            self._suggest_task = None

    def _ask_suggestions(self) -> None:
        if not self.state.ready_to_suggest():
            self._cancel_suggestions()
            if self.state.suggestions:
                # A model of labels that no longer qualify (an undo, a deleted category) is not shown.
                self.state.suggestions = {}
                self.model.refresh_all()
                self.suggestions_changed.emit()
            self._update_controls()
            return
        unlabelled = self.state.unlabelled()
        if not unlabelled:
            return
        self._cancel_suggestions()
        labelled = {p: c for p, c in self.state.labels.items()}
        # A Task, not a bare Job: it stays on this thread, so the lambdas below run here.
        task = Task(suggest_rows, self._generation, labelled, unlabelled, arch=self.arch,
                    with_progress=True, with_cancel=True, name="label-suggest", background=True)
        task.succeeded.connect(lambda result: self._on_suggested(*result))
        task.progress.connect(lambda done, total, t=task: self._on_suggest_progress(t, done, total))
        task.failed.connect(self._on_suggest_failed)
        task.finished.connect(lambda t=task: self._on_suggest_finished(t))
        self._suggest_task = task
        task.start()
        self._update_controls()

    def _on_suggested(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return  # the labels changed since it was asked
        known = set(self.state.categories)
        self.state.suggestions = {r["path"]: Suggestion(r["label"], float(r["confidence"]), int(r["rank"]))
                                  for r in rows if r["label"] in known}
        if self.order_combo.currentIndex() == ORDER_USEFUL:
            self._refill(keep_position=True)
        else:
            self.model.refresh_all()
        self._update_controls()
        self.suggestions_changed.emit()

    def _on_suggest_progress(self, task: Task, done: int, total: int) -> None:
        # The first request reads every picture of the pile once (later ones use the cache).
        if task is self._suggest_task and total:
            self.suggest_status.setText(self.tr("Reading the pictures for suggestions: %1 of %2").replace(
                "%1", str(done)).replace("%2", str(total)))

    def _on_suggest_failed(self, message: str, details: str) -> None:
        self.status_message.emit(self.tr("No suggestions: %1").replace("%1", message), 10000)

    def _on_suggest_finished(self, task: Task) -> None:
        if task is self._suggest_task:
            self._suggest_task = None
            self._update_controls()

    # -- saving a training folder ----------------------------------------------------------
    def choose_save_folder(self) -> None:
        dst = QFileDialog.getExistingDirectory(self, self.tr("Choose an empty folder for the training set"))
        if dst:
            self.save_training_folder(dst)

    def save_training_folder(self, dst: str) -> None:
        if not self.state.labels or self._saving_folder:
            return
        self._saving_folder = True
        task = Task(save_training_folder, dict(self.state.labels), dst, pile=self.state.folder,
                    with_progress=True, with_cancel=True, name="label-save-folder")
        task.succeeded.connect(self._on_folder_saved)
        task.failed.connect(lambda msg, details: show_error(self, msg, details))
        task.finished.connect(self._on_save_folder_finished)
        task.start()
        self._update_controls()

    def _on_save_folder_finished(self) -> None:
        self._saving_folder = False
        self._update_controls()

    def _on_folder_saved(self, result: dict) -> None:
        self.status_message.emit(self.tr("%n picture(s) copied into %1", "", result["copied"]).replace(
            "%1", result["dst"]), 8000)
        if self.offer_training(result):
            self.train_requested.emit(result["dst"])

    def offer_training(self, result: dict) -> bool:
        """Ask whether to train on the saved folder; True to go to the Train tab."""
        text = self.tr("%n picture(s) copied into one folder per category.", "", result["copied"])
        if result["failed"]:
            text += "\n" + self.tr("%n picture(s) could not be copied.", "", len(result["failed"]))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Training folder saved"), text,
                          QMessageBox.StandardButton.Close, self)
        train = box.addButton(self.tr("Train on it"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is train

    # -- showing the state -----------------------------------------------------------------
    def _show_folder(self) -> None:
        if self.state.folder:
            self.folder_label.setText(self.tr("%1 — %n picture(s)", "", len(self.state.pictures)).replace(
                "%1", self.state.folder))
            self.folder_label.setToolTip(self.state.folder)
        else:
            self.folder_label.setText(self.tr("No folder open"))

    def _update_controls(self) -> None:
        has_pile = bool(self.state.pictures)
        suggested = [p for p in self.grid.selected_paths() if self.state.suggestion(p) is not None]
        self.accept_button.setEnabled(bool(suggested))
        n_above = sum(len(v) for v in self.above_threshold().values())
        self.accept_all_button.setText(self.tr("Accept all %n above the threshold", "", n_above))
        self.accept_all_button.setEnabled(n_above > 0)
        self.save_button.setEnabled(bool(self.state.labels) and not self._saving_folder)
        self.grid.setEnabled(has_pile)
        self.suggest_status.setText(self._suggest_text())

    def _suggest_text(self) -> str:
        if not self.state.folder:
            return ""
        if len(self.state.categories) < 2:
            return self.tr("Make at least 2 categories.")
        if not self.state.ready_to_suggest():
            return self.tr("Label at least 3 pictures in every category to get suggestions.")
        if self._suggest_task is not None:
            return self.tr("Learning from your labels…")
        n = sum(1 for p in self.state.unlabelled() if p in self.state.suggestions)
        return self.tr("%n picture(s) with a suggestion", "", n)

    # -- life cycle ------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self._opening is not None or self._suggest_task is not None or self._saving_folder

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Save what waits and stop the background work (the window is closing)."""
        try:
            self._flush_save()
        except (OSError, StudioError):
            pass  # closing must not fail on a full disk: the last save stands
        self._suggest_timer.stop()
        task = self._suggest_task
        self._cancel_suggestions()
        if task is not None:
            task.wait(timeout_ms)
        self.model.thumbs.shutdown(timeout_ms)
