"""Which model the Classify view classifies with: its state machine, the banner when a model cannot
be loaded, and the weights-download dialog.

``state`` is none → loading → ready | failed. The inference worker reports the transitions; the
view's slots call the methods here and then update what depends on the model (the pending photos,
the correct-and-retrain flow). The weights look-ups and the download run as Tasks off the GUI
thread.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from ...engine.zoo import DEFAULT_ARCH, ZOO  # torch-free tables
from ..errors import EngineText, show_error
from ..i18n import Translatable
from ..workers import Task, download_weights, weights_status

translate = QCoreApplication.translate  # texts keep the "ClassifyView" context of the .ts file


def is_gone(spec: str) -> bool:
    """Whether ``spec`` names a model file that is not there (a zoo name is never gone)."""
    return bool(spec) and spec not in ZOO and not os.path.isfile(spec)


class ModelState(QObject):
    """The model of ``view`` (its ``client``, ``picker``, ``banner`` and ``model_status`` signal)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.state = "none"  # none | loading | ready | failed
        self.name = ""
        self.info: dict = {}
        self.failed_spec = ""
        self.banner_details = ("", "")
        self.download: Task | None = None

    def ready_spec(self) -> str:
        """The spec of the model in use, or "" while none is ready."""
        return self.info.get("spec", "") if self.state == "ready" else ""

    # -- transitions -------------------------------------------------------------------------
    def choose(self, spec: str) -> None:
        """The user chose ``spec``: remember it and ask the worker to load it."""
        if is_gone(spec):
            self.model_gone(spec)
            return
        self.view.settings.last_model = spec
        self.state = "loading"
        self.view.client.load_model(spec)

    def engine_ready(self) -> None:
        """Which ImageNet weights are on this computer (for the picker), read off the GUI thread."""
        picker = self.view.picker
        task = Task(weights_status, name="weights-status", background=True)
        task.succeeded.connect(lambda rows: picker.set_weights_available({r["name"]: r["available"] for r in rows}))
        task.start()

    def engine_failed(self, message: str, details: str) -> None:
        self.state = "failed"
        show_error(self.view, translate("ClassifyView", "The classification engine could not start: {message}").format(
            message=message), details)

    def loading(self) -> None:
        self.state = "loading"

    def ready(self, info: dict) -> None:
        self.state = "ready"
        self.name = info["name"]
        self.info = dict(info)
        self.failed_spec = ""
        banner = self.view.banner
        if banner.key == "model":
            banner.hide()
        self.emit_status()

    def failed(self, spec: str) -> None:
        self.state = "failed"
        self.failed_spec = spec

    def show_failure(self, spec: str, message: str, details: str, weights_missing: bool) -> None:
        """Say so in the status bar and the banner (with a Download button for missing weights)."""
        if is_gone(spec):  # removed before the worker got to it: the plain sentence, not its error
            self.model_gone(spec)
            return
        v = self.view
        v.model_status.emit(translate("ClassifyView", "No model loaded"))
        if weights_missing and spec in ZOO:
            info = ZOO[spec]
            # Translatable texts: the banner says them again when the language changes
            text = Translatable.translate("ClassifyView", "The ImageNet weights for {name} are not on this computer yet. Download them "
                                          "once (internet needed), or choose a weights file you already have.").format(name=info.display_name)
            v.banner.show_message("model", text, [("download", Translatable.translate("ClassifyView", "Download")),
                                                  ("choose", Translatable.translate("ClassifyView", "Choose a file…")),
                                                  ("details", Translatable.translate("ClassifyView", "Details"))])
        else:
            v.banner.show_message("model", Translatable.translate("ClassifyView", "This model could not be loaded: {message}").format(
                message=EngineText(message)), [("choose", Translatable.translate("ClassifyView", "Choose another model file…")),
                                               ("details", Translatable.translate("ClassifyView", "Details"))])
        self.banner_details = (message, details)

    # -- the library changed (one source of truth: gui/jobs/library_watch.py) --------------------
    def library_changed(self, _entries: list | None = None) -> None:
        """The model in use may have been deleted or moved: then say so and use the default."""
        spec = self.view.picker.current_spec()
        if is_gone(spec):
            self.model_gone(spec)

    def model_renamed(self, old: str, new: str) -> None:
        """The app renamed a model: keep using it under its new name."""
        if self.view.picker.current_spec() == old:
            self.view.use_model(new)

    def model_gone(self, spec: str) -> None:
        """``spec`` (a model file) is gone: a plain sentence, and the default model instead."""
        v = self.view
        text = Translatable.translate("ClassifyView", "This model is no longer in your library (it was deleted or "
                                      "moved). Classifying with {name} instead.").format(
            name=ZOO[DEFAULT_ARCH].display_name)
        v.banner.show_message("gone", text, [], kind="info")
        v.picker.forget(spec)
        if v.picker.current_spec() == spec:  # else the view has moved on already
            v.use_model(DEFAULT_ARCH)

    def emit_status(self) -> None:
        """What the status bar shows about the model."""
        v = self.view
        if self.state == "ready" and self.info:
            info = self.info
            v.model_status.emit(translate("ClassifyView", "{name} · {n} categories").format(
                name=info["name"], n=info["num_classes"]))
        elif self.state == "loading":
            v.model_status.emit(translate("ClassifyView", "Loading model…"))
        elif self.state == "failed":
            v.model_status.emit(translate("ClassifyView", "No model loaded"))

    # -- the banner's buttons, the model file dialog and the download ---------------------------
    def on_banner_action(self, key: str) -> None:
        if key == "download":
            self.download_weights(self.failed_spec)
        elif key == "choose":
            self.choose_model_file()
        elif key == "details":
            message, details = self.banner_details
            show_error(self.view, message, details)

    def choose_model_file(self) -> None:
        v = self.view
        path, _ = QFileDialog.getOpenFileName(
            v, translate("ClassifyView", "Choose a model file"), v.settings.last_dir,
            translate("ClassifyView", "Model files (*.safetensors *.pth *.pt);;All files (*)"))
        if path:
            v.use_model(path)

    def download_weights(self, name: str) -> None:
        if not name or name not in ZOO or self.download is not None:
            return
        v = self.view
        info = ZOO[name]
        dialog = QProgressDialog(translate("ClassifyView", "Downloading the {name} weights…").format(name=info.display_name),
                                 translate("ClassifyView", "Cancel"), 0, 0, v)
        dialog.setWindowTitle(translate("ClassifyView", "Download"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        task = Task(download_weights, name, with_progress=True, with_cancel=True, name="download")

        def on_progress(done: int, total: int) -> None:
            if total:
                dialog.setMaximum(max(1, total // 1024))
                dialog.setValue(min(done // 1024, total // 1024))
                dialog.setLabelText(translate("ClassifyView", "Downloading the {name} weights… {done:.1f} of {total:.1f} MB").format(
                    name=info.display_name, done=done / 1e6, total=total / 1e6))

        task.progress.connect(on_progress)
        dialog.canceled.connect(task.cancel)
        task.succeeded.connect(lambda _p: (v.picker.set_weights_available({**v.picker._available, name: True}),
                                           v.client.load_model(name)))
        task.failed.connect(lambda m, d: show_error(v, m, d, title=translate("ClassifyView", "Download failed")))
        task.cancelled.connect(lambda: v.status_message.emit(translate("ClassifyView", "Download cancelled."), 4000))
        task.finished.connect(dialog.close)
        task.finished.connect(self._on_download_done)
        self.download = task.start()
        dialog.show()

    def _on_download_done(self) -> None:
        self.download = None
