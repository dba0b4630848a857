"""Opening a model file someone handed over: the app started with it ("Open with", a double
click), or the file dropped on the window on any tab.

The model is imported into the library without a question (a name already there keeps both, the
new one under a unique name), selected in the Models view, and announced in the status bar.
Pictures that came with it are classified with it once it is in. A damaged file is refused with
the import's own message and nothing is added. The engine call is ``jobs.library.import_shared_model``.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal

from ..errors import show_error
from ..jobs import library as jobs
from ..workers import Task

translate = QCoreApplication.translate

MODEL_SUFFIXES = (".safetensors",)


def is_model_file(path: str) -> bool:
    return os.path.splitext(str(path))[1].lower() in MODEL_SUFFIXES and os.path.isfile(path)


def split_model_files(paths: list[str]) -> tuple[list[str], list[str]]:
    """``paths`` as (model files, everything else), each in the order given."""
    models = [p for p in paths if is_model_file(p)]
    return models, [p for p in paths if p not in models]


class ModelOpener(QObject):
    """Imports model files for ``window`` (a ``MainWindow``) and hands the other paths on."""

    imported = Signal(str, str)  # path in the library, name it got
    failed = Signal(str)  # the message shown

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._busy = 0

    def open_paths(self, paths: list[str]) -> bool:
        """Import the model files among ``paths`` and then classify the rest with the last one;
        False (nothing done) when there is no model file among them."""
        models, others = split_model_files([str(p) for p in paths])
        if not models:
            return False
        for i, path in enumerate(models):
            self._import(path, others if i == len(models) - 1 else [])
        return True

    def is_busy(self) -> bool:
        return self._busy > 0

    def _import(self, path: str, pictures: list[str]) -> None:
        self._busy += 1
        task = Task(jobs.import_shared_model, path, name="import-shared")
        task.succeeded.connect(lambda result, pics=pictures: self._on_imported(result, pics))
        task.failed.connect(lambda m, d: self._on_failed(m, d))
        task.start()
        self.window.statusBar().showMessage(
            translate("ModelsView", "Importing {name}…").format(name=os.path.basename(path)))

    def _on_imported(self, result, pictures: list[str]) -> None:
        self._busy -= 1
        path, name = result
        w = self.window
        w.models.refresh()
        w.models.select_spec(str(path))
        w.models.library_changed.emit()
        w.library.refresh_now()  # the Classify tab's picker lists it
        w.statusBar().showMessage(translate("ModelsView", "Imported “{name}”").format(name=name), 6000)
        if pictures:
            w.use_model(str(path))
            w.classify_on_start(pictures)
        else:
            w.tabs.setCurrentWidget(w.models)
        self.imported.emit(str(path), name)

    def _on_failed(self, message: str, details: str) -> None:
        self._busy -= 1
        show_error(self.window, message, details, title=translate("ModelsView", "Import failed"))
        self.failed.emit(message)

    # -- drops on any tab ------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """Installed on the window and the views that take drops themselves (Classify): a drop
        holding a model file is ours; anything else goes on to the view as before."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            models = self._dropped_models(event)
            if models:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                if kind == QEvent.Type.Drop:
                    from ..classify.intake import paths_from_mime

                    self.open_paths(paths_from_mime(event.mimeData()))
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _dropped_models(event) -> list[str]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        from ..widgets.drop_zone import local_path

        return [p for p in (local_path(u) for u in mime.urls()) if p and is_model_file(p)]
