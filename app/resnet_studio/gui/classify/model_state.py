"""Which model the Classify view classifies with: its state machine, the banner when a model cannot
be loaded, and the weights-download dialog.

``state`` is none → loading → ready | failed. The inference worker reports the transitions; the
view's slots call the methods here and then update what depends on the model (the pending photos,
the correct-and-retrain flow). The weights look-ups and the download run as Tasks off the GUI
thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from ..errors import show_error
from ..workers import Task, download_weights, weights_status

translate = QCoreApplication.translate  # texts keep the "ClassifyView" context of the .ts file


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
        v = self.view
        v.model_status.emit(translate("ClassifyView", "No model loaded"))
        from ...engine.zoo import ZOO

        if weights_missing and spec in ZOO:
            info = ZOO[spec]
            text = translate("ClassifyView", "The ImageNet weights for {name} are not on this computer yet. Download them "
                             "once (internet needed), or choose a weights file you already have.").format(name=info.display_name)
            v.banner.show_message("model", text, [("download", translate("ClassifyView", "Download")),
                                                  ("choose", translate("ClassifyView", "Choose a file…")),
                                                  ("details", translate("ClassifyView", "Details"))])
        else:
            v.banner.show_message("model", translate("ClassifyView", "This model could not be loaded: {message}").format(
                message=message), [("choose", translate("ClassifyView", "Choose another model file…")),
                                   ("details", translate("ClassifyView", "Details"))])
        self.banner_details = (message, details)

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
        from ...engine.zoo import ZOO

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
