"""What can be done to a model in the Models view: use it, download its weights, import, rename,
delete (with undo), export; the QActions, the buttons, and when each is enabled.

Import, rename and export run as background tasks; delete and undo move a file to and from the
library's trash on the GUI thread (a rename of one file), as before. The engine calls are in
:mod:`..jobs.library`. Mixed into :class:`~.view.ModelsView`; its texts keep the ``ModelsView``
translation context.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QInputDialog, QMenu, QPushButton

from ...engine.paths import safe_file_stem
from ..errors import show_error
from ..i18n import Translatable
from ..jobs import library as jobs
from ..widgets.icons import icon
from ..workers import Task, download_weights

translate = QCoreApplication.translate


class ModelActionsMixin:
    """The model actions and buttons of the Models view, and their slots."""

    def _build_actions(self) -> None:
        self.import_action = QAction(icon("import"), "", self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(lambda: self.import_model())
        self.rename_action = QAction(icon("rename"), "", self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rename_action.triggered.connect(lambda: self.rename_selected())
        self.delete_action = QAction(icon("delete"), "", self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(lambda: self.delete_selected())
        self.undo_action = QAction(icon("undo"), "", self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_delete)
        self.use_action = QAction(icon("use"), "", self)
        self.use_action.triggered.connect(self._use_selected)
        self.download_action = QAction(icon("download"), "", self)
        self.download_action.triggered.connect(self._download_selected)
        self.share_action = QAction(icon("file"), "", self)
        self.share_action.triggered.connect(lambda: self.share_selected())
        self.show_in_folder_action = QAction(icon("folder"), "", self)
        self.show_in_folder_action.triggered.connect(lambda: self.show_selected_in_folder())
        self.addAction(self.rename_action)
        self.addAction(self.delete_action)

    def _build_action_buttons(self) -> QHBoxLayout:
        actions = QHBoxLayout()
        self.use_button = QPushButton()
        self.use_button.setObjectName("primaryButton")
        self.use_button.setIcon(icon("use"))
        self.use_button.clicked.connect(self._use_selected)
        self.download_button = QPushButton(icon("download"), "")
        self.download_button.clicked.connect(self._download_selected)
        self.rename_button = QPushButton(icon("rename"), "")
        self.rename_button.clicked.connect(lambda: self.rename_selected())
        self.delete_button = QPushButton(icon("delete"), "")
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.export_button = QPushButton(icon("export"), "")
        self.export_menu = QMenu(self)
        self.export_onnx = self.export_menu.addAction("", lambda: self.export_selected("onnx"))
        self.export_ts = self.export_menu.addAction("", lambda: self.export_selected("torchscript"))
        self.export_button.setMenu(self.export_menu)
        self.share_button = QPushButton(icon("file"), "")
        self.share_button.clicked.connect(lambda: self.share_selected())
        for b in (self.use_button, self.download_button, self.rename_button, self.delete_button, self.export_button,
                  self.share_button):
            actions.addWidget(b)
        actions.addStretch(1)
        return actions

    def _retranslate_actions(self) -> None:
        self.import_action.setText(translate("ModelsView", "Import model…"))
        self.import_action.setToolTip(translate(
            "ModelsView", "Add a model file (.safetensors, or a torchvision .pth) to your models (Ctrl+I)"))
        self.rename_action.setText(translate("ModelsView", "Rename…"))
        self.delete_action.setText(translate("ModelsView", "Delete"))
        self.undo_action.setText(translate("ModelsView", "Undo delete"))
        self.undo_action.setToolTip(translate("ModelsView", "Bring back the model you deleted last (Ctrl+Z)"))
        self.use_action.setText(translate("ModelsView", "Use in Classify"))
        self.download_action.setText(translate("ModelsView", "Download weights"))
        self.use_button.setText(translate("ModelsView", "Use in Classify"))
        self.use_button.setToolTip(translate("ModelsView", "Classify photos with this model"))
        self.download_button.setText(translate("ModelsView", "Download weights"))
        self.download_button.setToolTip(translate(
            "ModelsView", "Download the ImageNet weights of this model (internet needed)"))
        self.rename_button.setText(translate("ModelsView", "Rename…"))
        self.rename_button.setToolTip(translate("ModelsView", "Give this model a new name (F2)"))
        self.delete_button.setText(translate("ModelsView", "Delete"))
        self.delete_button.setToolTip(translate("ModelsView", "Delete this model; you can undo it (Del, then Ctrl+Z)"))
        self.export_button.setText(translate("ModelsView", "Export"))
        self.export_button.setToolTip(translate("ModelsView", "Save this model in a format other programs can use"))
        self.export_onnx.setText(translate("ModelsView", "ONNX (.onnx)…"))
        self.export_ts.setText(translate("ModelsView", "TorchScript (.pt)…"))
        self.share_action.setText(translate("ModelsView", "Share…"))
        self.share_button.setText(translate("ModelsView", "Share…"))
        self.share_button.setToolTip(translate(
            "ModelsView", "Save this model as one file to give to someone else; opening it in ResNet Studio adds it"))
        self.show_in_folder_action.setText(translate("ModelsView", "Show in folder"))

    def _update_actions(self) -> None:
        kind = self._selected_kind() if hasattr(self, "tree") else ""
        spec = self.selected_spec() if hasattr(self, "tree") else ""
        missing = kind == "zoo" and self._available.get(spec) is False
        for w in (self.rename_action, self.rename_button, self.delete_button):
            w.setEnabled(kind in ("trained", "broken"))
        if self._on_runs_page():
            self.delete_action.setEnabled(bool(self.selected_run_ids()))
        else:
            self.delete_action.setEnabled(kind in ("trained", "broken"))
        self.export_button.setEnabled(kind == "trained")
        for w in (self.share_action, self.share_button):
            w.setEnabled(kind == "trained")
        self.show_in_folder_action.setEnabled(kind in ("trained", "broken"))
        self.use_button.setEnabled(kind in ("zoo", "trained"))
        self.use_action.setEnabled(kind in ("zoo", "trained"))
        self.download_button.setVisible(missing)
        self.download_action.setEnabled(missing)
        self.undo_action.setEnabled(bool(self._undo))

    def _use_selected(self) -> None:
        if self._selected_kind() in ("zoo", "trained"):
            self.use_model_requested.emit(self.selected_spec())

    def _download_selected(self) -> None:
        spec = self.selected_spec()
        task = Task(download_weights, spec, with_progress=True, with_cancel=True, name="download")
        self.status_message.emit(translate("ModelsView", "Downloading weights…"), 0)
        task.progress.connect(lambda d, t: self.status_message.emit(
            translate("ModelsView", "Downloading weights… {done:.0f} of {total:.0f} MB").format(
                done=d / 1e6, total=t / 1e6), 0) if t else None)
        task.succeeded.connect(lambda _p: (
            self.status_message.emit(translate("ModelsView", "Weights downloaded."), 4000),
            self.set_engine_ready(True)))
        task.failed.connect(lambda m, d: show_error(self, m, d, title=translate("ModelsView", "Download failed")))
        task.start()

    def rename_selected(self, new_name: str | None = None) -> None:
        spec, kind = self.selected_spec(), self._selected_kind()
        if kind not in ("trained", "broken"):
            return
        if new_name is None:
            e = self._entries.get(spec)
            new_name, ok = QInputDialog.getText(
                self, translate("ModelsView", "Rename model"), translate("ModelsView", "New name:"),
                text=e.name if e else "")
            if not ok:
                return
        if not new_name.strip():
            show_error(self, translate("ModelsView", "A model needs a name; the name cannot be empty."))
            return
        task = Task(jobs.rename_model, spec, new_name, name="rename")
        task.succeeded.connect(lambda new_path, old=spec: self._on_renamed(new_path, old))
        task.failed.connect(lambda m, d: show_error(self, m, d, title=translate("ModelsView", "Rename failed")))
        task.start()

    def _on_renamed(self, new_path, old_path: str = "") -> None:
        library = getattr(self, "library", None)
        if library is not None and old_path:
            library.note_renamed(old_path, str(new_path))  # views using it follow; then re-read
        else:
            self.refresh()
        self.select_spec(str(new_path))
        self.library_changed.emit()
        self.status_message.emit(translate("ModelsView", "Model renamed."), 3000)

    def delete_selected(self) -> None:
        if self._on_runs_page():  # Del acts on what the user is looking at
            self.delete_selected_runs()
            return
        spec, kind = self.selected_spec(), self._selected_kind()
        if kind not in ("trained", "broken"):
            return
        name = self._entries[spec].name if spec in self._entries else os.path.basename(spec)
        try:
            ticket = jobs.delete_model(spec)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            from ..errors import show_exception

            show_exception(self, exc)
            return
        self._undo.append(ticket)
        self.refresh()
        self.library_changed.emit()
        self.banner.show_message("undo", Translatable.translate("ModelsView", "“{name}” was deleted.").format(name=name),
                                 [("undo", Translatable.translate("ModelsView", "Undo"))], kind="info")
        self.status_message.emit(
            translate("ModelsView", "“{name}” was deleted. Press Ctrl+Z to undo.").format(name=name), 8000)
        self._update_actions()

    def undo_delete(self) -> None:
        if not self._undo:
            return
        ticket = self._undo.pop()
        if isinstance(ticket, list):  # run records deleted from the runs list
            self._restore_runs(ticket)
            return
        try:
            path = jobs.restore_model(ticket)
        except Exception as exc:  # noqa: BLE001
            from ..errors import show_exception

            show_exception(self, exc)
            return
        self.banner.hide()
        self.refresh()
        self.select_spec(str(path))
        self.library_changed.emit()
        self.status_message.emit(translate("ModelsView", "Model restored."), 3000)

    def _on_banner(self, key: str) -> None:
        if key == "undo":
            self.undo_delete()

    def import_model(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, translate("ModelsView", "Import a model"), self.settings.last_dir,
                translate("ModelsView", "Model files (*.safetensors *.pth *.pt);;All files (*)"))
            if not path:
                return
        task = Task(jobs.import_shared_model, path, name="import")  # a name that is taken: both are kept
        task.succeeded.connect(lambda result: self._on_imported(*result))
        task.failed.connect(lambda m, d: show_error(self, m, d, title=translate("ModelsView", "Import failed")))
        task.start()
        self.status_message.emit(translate("ModelsView", "Importing {name}…").format(name=os.path.basename(path)), 0)

    def _on_imported(self, path, name: str = "") -> None:
        self.refresh()
        self.select_spec(str(path))
        self.library_changed.emit()
        self.status_message.emit(translate("ModelsView", "Imported “{name}”").format(name=name) if name
                                 else translate("ModelsView", "Model imported."), 3000)

    def export_selected(self, fmt: str, out_path: str | None = None) -> None:
        spec = self.selected_spec()
        if self._selected_kind() != "trained":
            return
        suffix = ".onnx" if fmt == "onnx" else ".pt"
        if out_path is None:
            start = str(Path(self.settings.last_dir or Path.home()) / (Path(spec).stem + suffix))
            filt = (translate("ModelsView", "ONNX model (*.onnx)") if fmt == "onnx"
                    else translate("ModelsView", "TorchScript model (*.pt)"))
            out_path, _ = QFileDialog.getSaveFileName(self, translate("ModelsView", "Export model"), start, filt)
            if not out_path:
                return
        task = Task(jobs.export_model, spec, fmt, out_path, name="export-model")
        task.succeeded.connect(lambda p: self.status_message.emit(
            translate("ModelsView", "Exported to {path}").format(path=p), 8000))
        task.failed.connect(lambda m, d: show_error(self, m, d, title=translate("ModelsView", "Export failed")))
        task.start()
        self.status_message.emit(
            translate("ModelsView", "Exporting… (this checks the exported model gives the same answers)"), 0)

    def share_selected(self, out_path: str | None = None) -> None:
        """Save the selected model's file where the user says, to hand to someone else."""
        spec = self.selected_spec()
        if self._selected_kind() != "trained":
            return
        if out_path is None:
            e = self._entries.get(spec)
            stem = (e.name if e else "") or Path(spec).stem
            start = str(Path(self.settings.last_dir or Path.home()) / (safe_file_stem(stem) + ".safetensors"))
            out_path, _ = QFileDialog.getSaveFileName(
                self, translate("ModelsView", "Share model"), start,
                translate("ModelsView", "ResNet Studio model (*.safetensors)"))
            if not out_path:
                return
        task = Task(jobs.share_model, spec, out_path, name="share-model")
        task.succeeded.connect(lambda p: self.status_message.emit(
            translate("ModelsView", "Saved to {path}. Opening this file in ResNet Studio adds the model.").format(
                path=p), 8000))
        task.failed.connect(lambda m, d: show_error(self, m, d, title=translate("ModelsView", "Share failed")))
        task.start()

    def show_selected_in_folder(self) -> bool:
        """Open the file manager at the selected model's folder; when it cannot be opened, show
        the path so the user can find it (the message can be selected and copied)."""
        spec = self.selected_spec()
        if self._selected_kind() not in ("trained", "broken") or not spec:
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(os.path.abspath(spec)))):
            return True
        show_error(self, translate("ModelsView", "The file manager could not be opened. The model file is here:\n{path}")
                   .format(path=os.path.abspath(spec)), title=translate("ModelsView", "Show in folder"))
        return False

    def finish(self) -> None:
        """On exit: deleted models can no longer be restored, so empty the trash."""
        try:
            jobs.empty_trash()
        except OSError:
            pass
