"""Classifying pictures off the GUI thread: the long-lived inference worker, its client, CSV export.

* :class:`InferenceClient` owns one long-lived :class:`InferenceWorker` thread that imports torch
  (so the window can show first), keeps the chosen model loaded and classifies batches of files.
  It also makes the Classify view's "Show why" heat maps, with the model already loaded.
* :func:`export_results_csv` writes the results list's plain rows with the engine's CSV writer
  (the one the CLI uses); :func:`weights_status`, :func:`download_weights` and :func:`run_self_test` are the
  small one-shot calls the views run as a :class:`~.framework.Task`.

Rules kept here: signals are emitted only from these Qt threads; what crosses threads is plain
Python values, ``threading.Event`` cancel tokens and ``QImage`` copies (thread-safe, implicitly
shared); torch is imported only inside worker slots.
"""

from __future__ import annotations

import datetime as _dt
import os
import threading
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from ..errors import describe_exception
from .framework import lower_current_thread_priority
from .images import pil_to_qimage, qimage_to_pil

#: Predictions kept per image (shown on expand and written to CSV).
TOP_K = 5
#: Thumbnail size requested from the engine (pixels, longest side); drawn at 64 px, crisp at 1.25x.
THUMBNAIL_SIZE = 80
#: Results are sent to the GUI at most this often, so 10,000 images are not 10,000 signals.
FLUSH_INTERVAL_S = 0.08


def _result_record(r, spec: str = "") -> dict:
    """What crosses to the GUI for one result: the engine's plain row (``ClassifyResult.plain``:
    path, predictions, error, model, model_file, backend), the ``spec`` that classified it (what
    "Show why" and a retrain ask for again) and the thumbnail as a ``QImage``."""
    thumb = getattr(r, "thumbnail", None)
    return {**r.plain(), "spec": spec, "thumb": pil_to_qimage(thumb) if thumb is not None else None}


def split_inputs(paths: list[str]) -> tuple[list[str], list[str]]:
    """Folders and pictures to classify (by name or by content); other files named directly are
    skipped (with a note)."""
    from ...engine.images import picture_problem

    keep, skipped = [], []
    for p in paths:
        if os.path.isdir(p) or picture_problem(p) is None:
            keep.append(p)
        else:
            skipped.append(p)
    return keep, skipped


class InferenceWorker(QObject):
    """Lives on the inference thread. Slots run there, one at a time, in the order requested."""

    engine_ready = Signal(str)  # device text for the status bar (English, the engine's words)
    device_found = Signal(object)  # engine.devices.device_info: plain facts the GUI words itself
    engine_failed = Signal(str, str)  # message, details
    model_loading = Signal(str)  # spec
    # {"spec", "name", "arch", "num_classes", "device", "device_info", "backend", "provenance"}
    model_ready = Signal(object)
    model_failed = Signal(str, str, str, bool)  # spec, message, details, weights missing
    job_started = Signal(int, int, int)  # job, images to classify, files skipped
    files_skipped = Signal(int, object)  # job, names of the files skipped (not pictures)
    results_ready = Signal(int, object)  # job, list of result records (see _result_record)
    job_progress = Signal(int, int, int)  # job, done, total
    job_finished = Signal(int, str, str, str)  # job, "done" | "cancelled" | "failed" | "no-model", message, details
    explained = Signal(object)  # see :meth:`explain`

    def __init__(self, device: str = "auto", backend: str = "auto") -> None:
        super().__init__()
        self._device = device
        self._backend = backend
        self._predictor = None
        self._spec = ""
        self._explainer = None
        self._device_text = ""

    @Slot()
    def load_engine(self) -> None:
        lower_current_thread_priority()  # before torch creates its thread pool
        try:
            import torch  # noqa: F401 - the slow import (seconds) happens here, off the GUI thread

            from ...engine import predict  # noqa: F401
            from ...engine.devices import describe_device, device_info, pick_device

            device = pick_device(self._device)
            self._device_text = describe_device(device)
            info = device_info(device)
        except Exception as exc:  # noqa: BLE001 - shown to the user with details
            self.engine_failed.emit(*describe_exception(exc))
            return
        self.device_found.emit(info)
        self.engine_ready.emit(self._device_text)

    @Slot(str)
    def load_model(self, spec: str) -> None:
        from ...engine.errors import WeightsNotFoundError

        self._predictor = None
        self._spec = ""
        self._explainer = None
        self.model_loading.emit(spec)
        try:
            from ...engine.devices import device_info
            from ...engine.predict import Predictor

            predictor = Predictor(spec, device=self._device, top_k=TOP_K, backend=self._backend)
        except WeightsNotFoundError as exc:
            self.model_failed.emit(spec, str(exc), exc.details or "", True)
            return
        except Exception as exc:  # noqa: BLE001
            message, details = describe_exception(exc)
            self.model_failed.emit(spec, message, details, False)
            return
        self._predictor = predictor
        self._spec = spec
        self.model_ready.emit({
            "spec": spec,
            "name": str(predictor.name),
            "arch": str(getattr(predictor, "arch", "")),
            "num_classes": len(predictor.classes),
            "device": str(getattr(predictor, "device_description", self._device_text)),
            "device_info": device_info(predictor.device),
            "backend": str(predictor.backend.describe()),
            "provenance": dict(predictor.provenance),  # model, model_file, backend, as each row has them
        })

    @Slot(int, object, object)
    def classify(self, job: int, paths: list[str], cancel: threading.Event, again: bool = False) -> None:
        if self._predictor is None:
            self.job_finished.emit(job, "no-model", "", "")
            return
        from ...engine.images import collect_images

        if again:
            # Cards' files, classified before: each gets its answer, a file gone since included
            # (as a card saying so) rather than being skipped and staying an old model's answer.
            images = [str(p) for p in paths]
            self.job_started.emit(job, len(images), 0)
        else:
            keep, skipped = split_inputs(paths)
            collected = collect_images(keep)
            images = [str(p) for p in collected.images]
            self.job_started.emit(job, len(images), len(skipped) + len(collected.skipped))
            if skipped or collected.skipped:
                self.files_skipped.emit(job, [os.path.basename(p) for p in skipped] + [p.name for p in collected.skipped])
        buffer: list[dict] = []
        done, last = 0, time.monotonic()

        def flush() -> None:
            nonlocal buffer, last
            if buffer:
                self.results_ready.emit(job, buffer)
                buffer = []
            self.job_progress.emit(job, done, len(images))
            last = time.monotonic()

        try:
            thumb_size = None if again else THUMBNAIL_SIZE  # a card classified again keeps its thumbnail
            for r in self._predictor.classify_paths(images, cancel=cancel, top_k=TOP_K, thumbnail_size=thumb_size):
                buffer.append(_result_record(r, self._spec))
                done += 1
                if time.monotonic() - last >= FLUSH_INTERVAL_S:
                    flush()
        except Exception as exc:  # noqa: BLE001
            flush()
            from ...engine.errors import CancelledError

            if isinstance(exc, CancelledError):
                self.job_finished.emit(job, "cancelled", "", "")
            else:
                self.job_finished.emit(job, "failed", *describe_exception(exc))
            return
        flush()
        self.job_finished.emit(job, "cancelled" if cancel.is_set() and done < len(images) else "done", "", "")

    @Slot(int, object, object)
    def reclassify(self, job: int, paths: list[str], cancel: threading.Event) -> None:
        """Cards already shown, classified again by the model now loaded: their files only (no
        folder is searched again) and no new thumbnails (the cards keep theirs)."""
        self.classify(job, paths, cancel, again=True)

    @Slot(int, object, object)
    def classify_image(self, job: int, image: QImage, cancel: threading.Event) -> None:
        """A pasted picture: saved as a PNG in the cache folder (so it has a path for the CSV)."""
        from ...engine.paths import user_cache_dir

        folder = user_cache_dir() / "pasted"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"pasted-{stamp}.png"
        if not image.save(str(path), "PNG"):
            self.job_finished.emit(job, "failed", f"Could not save the pasted image into {folder}.", "")
            return
        self.classify(job, [str(path)], cancel)

    def _explain_input(self, path: str, thumb: QImage | None):
        """The picture as the classifier saw it: decoded small (JPEG draft mode) and shrunk to
        about the model's resize size, never a 12 MP full-size copy. Falls back to the card's
        thumbnail when the file is gone or unreadable now."""
        from PIL import Image

        from ...engine.errors import ImageReadError
        from ...engine.images import open_image

        side = self._predictor.preprocess.resize_size
        try:
            img = open_image(path, min_side=side)
        except ImageReadError:
            if thumb is None or thumb.isNull():
                raise
            return qimage_to_pil(thumb)
        # Beyond 2x (a big PNG), shrink first: the model's own resize gives the same input.
        if min(img.size) > 2 * side:
            scale = side / min(img.size)
            img = img.resize((max(1, round(img.width * scale)), max(1, round(img.height * scale))),
                             Image.Resampling.BILINEAR, reducing_gap=2.0)
        return img

    @Slot(object)
    def explain(self, request: dict) -> None:
        """Grad-CAM for one card: ``request`` holds ``key``, ``model`` (the spec that classified
        it), ``path``, ``label`` (class index or name), ``layer``, ``thumb`` (the card's QImage,
        whose size the heat image gets) and ``cancel`` (an Event: set when the GUI no longer
        wants it). Emits ``explained`` with ``key``, ``heat`` (an RGB QImage of the coloured map,
        or None), ``reason`` ("" | "other-model"), ``message`` and ``details``."""
        cancel = request.get("cancel")
        if cancel is not None and cancel.is_set():
            return
        reply = {"key": request["key"], "heat": None, "reason": "", "message": "", "details": ""}
        if self._predictor is None or request.get("model") != self._spec:
            reply["reason"] = "other-model"
            self.explained.emit(reply)
            return
        try:
            from PIL import Image

            from ...engine.explain import Explainer, overlay_heatmap

            if self._explainer is None:
                self._explainer = Explainer(self._predictor.classifier, device=self._predictor.device)
            thumb = request.get("thumb")
            (exp,) = self._explainer.explain(self._explain_input(request["path"], thumb),
                                             label=request["label"], layer=request.get("layer") or None)
            size = (thumb.width(), thumb.height()) if thumb is not None and not thumb.isNull() else (THUMBNAIL_SIZE,) * 2
            # Opacity 1 is the map alone, stretched to the thumbnail; the card blends it at the
            # user's opacity when painting, so the slider needs no recomputation.
            heat = overlay_heatmap(Image.new("RGB", size), exp.heatmap, 1.0)
            reply.update(heat=pil_to_qimage(heat), label=exp.label, score=exp.score)
        except Exception as exc:  # noqa: BLE001 - shown on the status bar, the other cards go on
            reply["message"], reply["details"] = describe_exception(exc)
        self.explained.emit(reply)


class InferenceClient(QObject):
    """GUI-side handle of the inference thread: requests go in as queued signals, cancel is a flag.

    Connect to the client's signals, never to the worker's: PySide6 runs a lambda or plain
    function connected to a worker signal on the *worker* thread. The client re-emits every
    worker signal (a queued signal-to-signal connection), so its receivers run on the GUI thread.
    """

    engine_ready = Signal(str)
    device_found = Signal(object)
    engine_failed = Signal(str, str)
    model_loading = Signal(str)
    model_ready = Signal(object)
    model_failed = Signal(str, str, str, bool)
    job_started = Signal(int, int, int)
    files_skipped = Signal(int, object)
    results_ready = Signal(int, object)
    job_progress = Signal(int, int, int)
    job_finished = Signal(int, str, str, str)
    explained = Signal(object)

    _request_engine = Signal()
    _request_model = Signal(str)
    _request_classify = Signal(int, object, object)
    _request_reclassify = Signal(int, object, object)
    _request_classify_image = Signal(int, object, object)
    _request_explain = Signal(object)

    def __init__(self, device: str = "auto", parent: QObject | None = None, *, backend: str = "auto") -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("resnet-studio-inference")
        self.worker = InferenceWorker(device, backend)
        self.worker.moveToThread(self._thread)
        self._thread.finished.connect(self.worker.deleteLater)
        self._request_engine.connect(self.worker.load_engine)
        self._request_model.connect(self.worker.load_model)
        self._request_classify.connect(self.worker.classify)
        self._request_reclassify.connect(self.worker.reclassify)
        self._request_classify_image.connect(self.worker.classify_image)
        self._request_explain.connect(self.worker.explain)
        for name in ("engine_ready", "device_found", "engine_failed", "model_loading", "model_ready", "model_failed",
                     "job_started", "files_skipped", "results_ready", "job_progress", "job_finished", "explained"):
            getattr(self.worker, name).connect(getattr(self, name))
        self.job_finished.connect(self._on_job_finished)
        self._jobs: dict[int, threading.Event] = {}
        self._reclassify_jobs: set[int] = set()
        self._next_job = 1
        self._stopped = False

    def start(self) -> None:
        """Start the thread and load torch on it; the GUI gets ``engine_ready`` when done."""
        self._thread.start(QThread.Priority.LowPriority)
        self._request_engine.emit()

    def load_model(self, spec: str) -> None:
        # A re-classification still running would only finish the answers of the model being
        # replaced; the view asks again for the cards still stale once the new model is ready.
        for job in self._reclassify_jobs:
            self.cancel(job)
        self._request_model.emit(str(spec))

    def _new_job(self) -> tuple[int, threading.Event]:
        job, cancel = self._next_job, threading.Event()
        self._next_job += 1
        self._jobs[job] = cancel
        return job, cancel

    def classify(self, paths: list[str]) -> int:
        job, cancel = self._new_job()
        self._request_classify.emit(job, [str(p) for p in paths], cancel)
        return job

    def reclassify(self, paths: list[str]) -> int:
        """Classify the files of cards already shown again, with the model loaded by then (after
        any ``load_model`` asked before); the answers come as ``results_ready`` of this job."""
        job, cancel = self._new_job()
        self._reclassify_jobs.add(job)
        self._request_reclassify.emit(job, [str(p) for p in paths], cancel)
        return job

    def classify_image(self, image: QImage) -> int:
        job, cancel = self._new_job()
        self._request_classify_image.emit(job, QImage(image), cancel)
        return job

    def explain(self, request: dict) -> None:
        """Queue a heat map for one card (see :meth:`InferenceWorker.explain`); it runs after the
        classification jobs already queued. The answer comes as ``explained``."""
        request = dict(request)
        if request.get("thumb") is not None:
            request["thumb"] = QImage(request["thumb"])
        self._request_explain.emit(request)

    def cancel(self, job: int | None = None) -> None:
        for j, ev in self._jobs.items():
            if job is None or j == job:
                ev.set()

    def is_busy(self) -> bool:
        return bool(self._jobs)

    @Slot(int, str, str, str)
    def _on_job_finished(self, job: int, status: str, message: str, details: str) -> None:
        self._jobs.pop(job, None)
        self._reclassify_jobs.discard(job)

    def shutdown(self, timeout_ms: int = 60000) -> bool:
        """Cancel every job, stop the thread and wait for it. True when it stopped in time."""
        if self._stopped:
            return True
        self.cancel()
        self._thread.quit()
        ok = self._thread.wait(timeout_ms) if self._thread.isRunning() else True
        self._stopped = ok
        return ok


def export_results_csv(rows: list[dict], path: str, top_k: int = TOP_K) -> Path:
    """Write the results list's plain rows (``ResultRecord.to_export``: the engine's row format)
    with the engine's CSV writer, the one ``classify --csv`` uses."""
    from ...engine.predict import write_results_csv

    return Path(write_results_csv(rows, path, top_k))


# The small one-shot calls the views run on a Task (weights dialog, Models view, Help → Diagnostics).


def weights_status() -> list[dict]:
    from ...engine.zoo import weights_status as _status

    return _status()


def download_weights(name: str, *, progress=None, cancel=None) -> str:
    from ...engine.zoo import download_weights as _download

    return str(_download(name, progress=progress, cancel=cancel))


def run_self_test(*, on_result: Callable[[dict], None], cancel: threading.Event, device: str = "auto",
                  backend: str = "auto", only: list[str] | None = None) -> list[dict]:
    """Help → Diagnostics: the self-test (all checks, or those in ``only``), each result handed
    to ``on_result`` as a plain dict (``CheckResult.to_dict()``) as soon as it is known."""
    from ...selftest import run_self_test as _run

    results = _run(device=device, backend=backend, cancel=cancel, only=only,
                   on_result=lambda r: on_result(r.to_dict()))
    return [r.to_dict() for r in results]
