"""CSV export of the Classify view's results: the file dialog, and the export task (one at a time)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog

from ..errors import show_error, translate_engine_message
from ..workers import TOP_K, Task, export_results_csv

translate = QCoreApplication.translate  # texts keep the "ClassifyView" context of the .ts file


class CsvExport(QObject):
    """Writes ``view``'s results to a CSV file on a Task's thread; ``task`` while one runs."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.task: Task | None = None

    def export(self, path: str | None = None) -> None:
        v = self.view
        # the error column in the user's language, as the cards say it (the CLI's CSV stays English)
        records = [{**d, "error": translate_engine_message(d["error"])} if d.get("error") else d
                   for d in (r.to_export() for r in v.model.records())]
        if not records:
            v.status_message.emit(translate("ClassifyView", "There are no results to export yet."), 4000)
            return
        if self.task is not None:
            return
        if path is None:
            start = os.path.join(v.settings.last_dir or str(Path.home()), "results.csv")
            path, _ = QFileDialog.getSaveFileName(v, translate("ClassifyView", "Export results"), start,
                                                  translate("ClassifyView", "CSV files (*.csv);;All files (*)"))
            if not path:
                return
            if not os.path.splitext(path)[1]:
                path += ".csv"
        task = Task(export_results_csv, records, path, TOP_K, name="export-csv")
        task.succeeded.connect(lambda p, n=len(records): self._on_exported(str(p), n))
        task.failed.connect(lambda m, d: show_error(v, m, d, title=translate("ClassifyView", "Export failed")))
        task.finished.connect(self._on_task_done)
        self.task = task.start()
        v._update_state()

    def _on_exported(self, path: str, n: int) -> None:
        v = self.view
        v.status_message.emit(self.tr("Saved %n results to {path}", "", n).format(path=path), 8000)
        v.export_finished.emit(path)

    def _on_task_done(self) -> None:
        self.task = None
        self.view._update_state()
