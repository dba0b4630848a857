"""Sort a flat folder of pictures into category folders by their file names, previewed first.

The engine proposes category names found in the file names ("cat_001.jpg", "dog-2.png" → cat,
dog); the user can edit them, sees which picture goes where (and which match nothing or several
names), and then copies the pictures into a new folder. The original folder is never changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..jobs.dataset import SortApplyJob, SortPlanJob
from ..jobs.framework import JobRunner
from .train_common import HintLabel

_CHILDREN_SHOWN = 200  # per group; the count in the group's title is always complete


def default_destination(src: Path) -> Path:
    base = src.parent / f"{src.name} sorted"
    candidate, n = base, 2
    while candidate.exists():
        candidate = src.parent / f"{src.name} sorted {n}"
        n += 1
    return candidate


class SortPreviewDialog(QDialog):
    sorted_into = Signal(str)  # the new dataset folder

    def __init__(self, src: str, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.src = Path(src)
        self._runner = runner
        self._plan: Any = None
        self._plan_job: SortPlanJob | None = None
        self._apply_job: SortApplyJob | None = None
        self.setMinimumSize(520, 420)

        self.intro = HintLabel(parent=self)
        self.keywords_label = QLabel(self)
        self.keywords_edit = QLineEdit(self)
        self.keywords_label.setBuddy(self.keywords_edit)
        self.update_button = QPushButton(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.dest_label = QLabel(self)
        self.dest_edit = QLineEdit(str(default_destination(self.src)), self)
        self.dest_label.setBuddy(self.dest_edit)
        self.browse_button = QPushButton(self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.copy_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.setDefault(True)

        kw_row = QHBoxLayout()
        kw_row.addWidget(self.keywords_label)
        kw_row.addWidget(self.keywords_edit, 1)
        kw_row.addWidget(self.update_button)
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.dest_label)
        dest_row.addWidget(self.dest_edit, 1)
        dest_row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(kw_row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addLayout(dest_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

        self.update_button.clicked.connect(self._replan)
        self.keywords_edit.returnPressed.connect(self._replan)
        self.browse_button.clicked.connect(self._browse)
        self.copy_button.clicked.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()
        self._start_plan(None)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sort pictures by file name"))
        self.intro.setText(self.tr(
            "These pictures are not in category folders yet. The category names below were found in "
            "the file names; edit them if needed. The pictures are copied, the original folder is not changed."
        ))
        self.keywords_label.setText(self.tr("&Categories:"))
        self.keywords_edit.setToolTip(self.tr("Category names separated by commas, e.g. cat, dog, bird."))
        self.update_button.setText(self.tr("&Update preview"))
        self.tree.setHeaderLabels([self.tr("Picture"), self.tr("Goes into")])
        self.dest_label.setText(self.tr("Copy &into:"))
        self.dest_edit.setToolTip(self.tr("A new folder for the sorted pictures (it is created if needed)."))
        self.browse_button.setText(self.tr("&Browse…"))
        self.copy_button.setText(self.tr("&Copy pictures"))
        self.copy_button.setToolTip(self.tr("Copy each picture into the folder of its category."))
        self._show_plan()

    # ---- planning

    def _start_plan(self, keywords: list[str] | None) -> None:
        if self._plan_job is not None:
            self._plan_job.cancel()
        self._plan = None
        self.copy_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the file names…"))
        job = SortPlanJob(self.src, keywords)
        job.planned.connect(self._on_planned)
        job.failed.connect(self._on_failed)
        self._plan_job = job
        self._runner.start(job)

    def _replan(self) -> None:
        words = [w.strip() for w in self.keywords_edit.text().replace("，", ",").split(",") if w.strip()]
        self._start_plan(words or None)

    @Slot(object)
    def _on_planned(self, plan: Any) -> None:
        if self.sender() is not self._plan_job:
            return  # an older preview
        self._plan = plan
        self.keywords_edit.setText(", ".join(plan.keywords))
        self._show_plan()

    @Slot(str, str)
    def _on_failed(self, message: str, details: str) -> None:
        if self.sender() not in (self._plan_job, self._apply_job):
            return
        self.progress.setVisible(False)
        self.summary.setText(message)
        self.summary.setToolTip(details)
        self.copy_button.setEnabled(self._plan is not None and self._planned_count() > 0)

    def plan(self) -> Any:
        return self._plan

    def _planned_count(self) -> int:
        return sum(len(v) for v in self._plan.assignments.values()) if self._plan is not None else 0

    def planned_moves(self) -> list[tuple[str, str]]:
        """``(file name, category)`` for every picture the plan would copy."""
        if self._plan is None:
            return []
        return [(Path(p).name, cat) for cat, paths in self._plan.assignments.items() for p in paths]

    def _show_plan(self) -> None:
        self.tree.clear()
        plan = self._plan
        if plan is None:
            return
        for cat, paths in plan.assignments.items():
            group = QTreeWidgetItem(self.tree, [self.tr("{category} (%n pictures)", "", len(paths)).format(category=cat), f"{cat}/"])
            for p in paths[:_CHILDREN_SHOWN]:
                QTreeWidgetItem(group, [Path(p).name, f"{cat}/"])
        if plan.unmatched:
            group = QTreeWidgetItem(self.tree, [
                self.tr("No category name in the file name (%n pictures)", "", len(plan.unmatched)),
                self.tr("not copied")])
            for p in plan.unmatched[:_CHILDREN_SHOWN]:
                QTreeWidgetItem(group, [Path(p).name, self.tr("not copied")])
        if plan.ambiguous:
            group = QTreeWidgetItem(self.tree, [
                self.tr("More than one category name (%n pictures)", "", len(plan.ambiguous)),
                self.tr("not copied")])
            for p, cats in plan.ambiguous[:_CHILDREN_SHOWN]:
                QTreeWidgetItem(group, [Path(p).name, " / ".join(cats)])
        if self.tree.topLevelItemCount():
            self.tree.topLevelItem(0).setExpanded(True)
        self.tree.resizeColumnToContents(0)
        n = self._planned_count()
        left_out = len(plan.unmatched) + len(plan.ambiguous)
        self.summary.setText(self.tr(
            "{count} pictures will be copied into {folders} category folders; {left} stay out."
        ).format(count=n, folders=len([c for c, v in plan.assignments.items() if v]), left=left_out))
        self.copy_button.setEnabled(n > 0)

    # ---- copying

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose where to put the sorted pictures"), str(self.src.parent))
        if folder:
            self.dest_edit.setText(folder)

    def _apply(self) -> None:
        if self._plan is None or self._apply_job is not None:
            return
        dst = self.dest_edit.text().strip()
        if not dst:
            self.summary.setText(self.tr("Choose a folder to copy the sorted pictures into."))
            return
        self.copy_button.setEnabled(False)
        self.update_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        job = SortApplyJob(self._plan, dst)
        job.progress.connect(self._on_progress)
        job.applied.connect(self._on_applied)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_apply_finished)
        self._apply_job = job
        self._runner.start(job)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    @Slot(dict)
    def _on_applied(self, report: dict) -> None:
        self.sorted_into.emit(report["dst"])
        self.accept()

    @Slot()
    def _on_apply_finished(self) -> None:
        self._apply_job = None
        self.update_button.setEnabled(True)

    def reject(self) -> None:
        for job in (self._plan_job, self._apply_job):
            if job is not None:
                job.cancel()
        super().reject()
