"""Classifying live frames on a thread of their own, without ever building a queue.

* :class:`FrameWorker` lives on its own QThread and keeps its own loaded ``Predictor`` (the
  Classify view's worker is busy with whole folders; a frame must not wait behind them). It turns
  each ``QImage`` into a PIL image there, never on the GUI thread.
* :class:`FrameClassifier` is the GUI-side handle. At most one frame is with the worker at a
  time; a frame offered meanwhile waits in a one-frame mailbox, and a newer one replaces it (the
  older is dropped). So the worker always gets the newest frame and the rate adapts by itself to
  what the computer keeps up with.
* :func:`save_snapshot` writes a frame into a dataset's class folder as a new JPEG (run it on a
  :class:`~.framework.Task`).
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Qt, Signal, Slot
from PySide6.QtGui import QImage

from ..errors import describe_exception
from .framework import lower_current_thread_priority
from .images import qimage_to_pil

#: Labels shown over the video.
TOP_K = 3
#: Class lists longer than this (ImageNet's 1,000) are not offered as snapshot folders.
MAX_CLASSES_OFFERED = 100


@dataclass
class FrameResult:
    seq: int  # which offered frame this is (FrameClassifier numbering)
    predictions: list[tuple[str, float]]  # best first
    seconds: float  # time the worker spent on it (conversion + model)
    error: str = ""


@dataclass
class FrameStats:
    """What happened to the frames offered (all counted on the GUI thread)."""

    offered: int = 0
    sent: int = 0
    classified: int = 0
    dropped: int = 0  # replaced in the mailbox by a newer frame before the worker was free
    max_in_flight: int = 0  # frames with the worker at once; 1 when nothing ever queued
    max_waiting: int = 0  # frames in the mailbox at once


class FrameWorker(QObject):
    """Lives on the frame thread; its slots run there, one at a time."""

    model_loading = Signal(str)
    model_ready = Signal(object)  # {"spec", "name", "classes" (short lists only), "dataset_dir", "device"}
    model_failed = Signal(str, str, str)  # spec, message, details
    classified = Signal(int, int, object)  # generation, seq, FrameResult

    def __init__(self, device: str = "auto", backend: str = "auto",
                 predictor_factory: Callable[[str], Any] | None = None) -> None:
        super().__init__()
        self._device, self._backend = device, backend
        self._factory = predictor_factory
        self._predictor = None
        self._lowered = False

    def _make_predictor(self, spec: str):
        if self._factory is not None:
            return self._factory(spec)
        from ...engine.predict import Predictor

        return Predictor(spec, device=self._device, top_k=TOP_K, backend=self._backend)

    @Slot(str)
    def load_model(self, spec: str) -> None:
        if not self._lowered:
            lower_current_thread_priority()  # the GUI thread must win the CPU over live frames
            self._lowered = True
        self._predictor = None
        self.model_loading.emit(spec)
        try:
            predictor = self._make_predictor(spec)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.model_failed.emit(spec, *describe_exception(exc))
            return
        self._predictor = predictor
        classes = list(getattr(predictor, "classes", []))
        info = getattr(getattr(predictor, "classifier", None), "info", None)
        dataset_dir = getattr(info, "dataset_dir", None) if info is not None else None
        self.model_ready.emit({
            "spec": spec,
            "name": str(getattr(predictor, "name", spec)),
            "classes": classes if len(classes) <= MAX_CLASSES_OFFERED else [],
            "dataset_dir": str(dataset_dir) if dataset_dir else "",
            "device": str(getattr(predictor, "device_description", "")),
        })

    def _to_pil(self, image: QImage):
        # A camera frame is often 1280x720 or more; the model sees ~256 px. Shrinking in Qt first
        # makes the copy to PIL small; the engine's own resize then gives the model its input.
        pre = getattr(self._predictor, "preprocess", None)
        side = int(getattr(pre, "resize_size", 0) or 256) * 2
        if min(image.width(), image.height()) > side:
            image = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                                 Qt.TransformationMode.FastTransformation)
        return qimage_to_pil(image)

    @Slot(int, int, QImage)
    def classify_frame(self, generation: int, seq: int, image: QImage) -> None:
        start = time.perf_counter()
        if self._predictor is None:
            self.classified.emit(generation, seq, FrameResult(seq, [], 0.0, "no-model"))
            return
        try:
            preds = self._predictor.classify_image(self._to_pil(image), top_k=TOP_K)
            result = FrameResult(seq, [(str(p.label), float(p.score)) for p in preds], time.perf_counter() - start)
        except Exception as exc:  # noqa: BLE001 - one bad frame is reported; the stream goes on
            result = FrameResult(seq, [], time.perf_counter() - start, describe_exception(exc)[0])
        self.classified.emit(generation, seq, result)


class FrameClassifier(QObject):
    """GUI-side handle: :meth:`offer` frames as they come; results arrive as ``result``.

    Signals are re-emitted from the worker's (queued), so receivers run on the GUI thread.
    """

    model_loading = Signal(str)
    model_ready = Signal(object)
    model_failed = Signal(str, str, str)
    result = Signal(object)  # FrameResult

    _request_model = Signal(str)
    _request_frame = Signal(int, int, QImage)

    def __init__(self, device: str = "auto", backend: str = "auto", parent: QObject | None = None, *,
                 predictor_factory: Callable[[str], Any] | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("resnet-studio-camera")
        self.worker = FrameWorker(device, backend, predictor_factory)
        self.worker.moveToThread(self._thread)
        self._thread.finished.connect(self.worker.deleteLater)
        self._request_model.connect(self.worker.load_model)
        self._request_frame.connect(self.worker.classify_frame)
        self.worker.model_loading.connect(self.model_loading)
        self.worker.model_ready.connect(self._on_model_ready)
        self.worker.model_failed.connect(self._on_model_failed)
        self.worker.classified.connect(self._on_classified)
        self.stats = FrameStats()
        self.spec = ""  # the model asked for
        self.ready = False
        self._failed = False  # the last load failed: asking for the same model again retries
        self._generation = 0  # bumped on each model change: late results of the old model are ignored
        self._in_flight = 0
        self._waiting: QImage | None = None
        self._waiting_seq = 0
        self._started = False
        self._stopped = False

    def start(self) -> None:
        if not self._started:
            self._started = True
            self._thread.start(QThread.Priority.LowPriority)

    def load_model(self, spec: str) -> None:
        """Load ``spec`` on the frame thread (no-op when it is already the model asked for)."""
        if (spec == self.spec and not self._failed) or self._stopped:
            return
        self.start()
        self.spec = spec
        self.ready = False
        self._failed = False
        self._generation += 1
        self._request_model.emit(spec)

    def offer(self, image: QImage) -> bool:
        """Hand a frame over: to the worker when it is free, else into the mailbox (replacing,
        i.e. dropping, any frame already there). True when it went to the worker now."""
        s = self.stats
        s.offered += 1
        seq = s.offered
        if self._waiting is not None:
            s.dropped += 1
        # A QImage is implicitly shared: this keeps the pixels without copying them.
        self._waiting, self._waiting_seq = QImage(image), seq
        s.max_waiting = max(s.max_waiting, 1)
        return self._send_waiting()

    def _send_waiting(self) -> bool:
        if self._waiting is None or self._in_flight or not self.ready or self._stopped:
            return False
        image, seq = self._waiting, self._waiting_seq
        self._waiting = None
        self._in_flight += 1
        s = self.stats
        s.sent += 1
        s.max_in_flight = max(s.max_in_flight, self._in_flight)
        self._request_frame.emit(self._generation, seq, image)
        return True

    def discard_waiting(self) -> None:
        """Forget the frame in the mailbox (the camera stopped: it is no longer "now")."""
        if self._waiting is not None:
            self.stats.dropped += 1
        self._waiting = None

    def is_busy(self) -> bool:
        return bool(self._in_flight)

    def waiting(self) -> int:
        return int(self._waiting is not None)

    def in_flight(self) -> int:
        return self._in_flight

    def reset_stats(self) -> None:
        self.stats = FrameStats(max_in_flight=self._in_flight, max_waiting=self.waiting())

    @Slot(object)
    def _on_model_ready(self, info: dict) -> None:
        if info.get("spec") != self.spec:
            return  # a model asked for before the current one
        self.ready = True
        self.model_ready.emit(info)
        self._send_waiting()

    @Slot(str, str, str)
    def _on_model_failed(self, spec: str, message: str, details: str) -> None:
        if spec != self.spec:
            return
        self.ready = False
        self._failed = True
        self.model_failed.emit(spec, message, details)

    @Slot(int, int, object)
    def _on_classified(self, generation: int, seq: int, result: FrameResult) -> None:
        self._in_flight = max(0, self._in_flight - 1)
        if generation == self._generation and result.error != "no-model":
            self.stats.classified += 1
            self.result.emit(result)
        self._send_waiting()

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop taking frames, finish the one in hand, stop the thread. True when it stopped."""
        if self._stopped:
            return True
        self._stopped = True
        self._waiting = None
        self._thread.quit()
        ok = self._thread.wait(timeout_ms) if self._thread.isRunning() else True
        return ok


# -- snapshots ----------------------------------------------------------------------------------

_FORBIDDEN = set('<>:"/\\|?*')


def clean_class_name(name: str) -> str:
    """``name`` as a folder name, or "" when it cannot be one (empty, "..", slashes…)."""
    name = " ".join(str(name).split())
    if not name or name in (".", "..") or any(c in _FORBIDDEN or ord(c) < 32 for c in name) or name.endswith("."):
        return ""
    return name


def class_folder(dataset_dir: Path, class_name: str) -> Path:
    """The class folder to use: an existing one whose name differs only in case, else a new one."""
    try:
        for child in dataset_dir.iterdir():
            if child.is_dir() and child.name.casefold() == class_name.casefold():
                return child
    except OSError:
        pass
    return dataset_dir / class_name


def save_snapshot(image: QImage, dataset_dir: str | os.PathLike, class_name: str, *, stem: str = "",
                  quality: int = 92) -> Path:
    """Save ``image`` as a new JPEG in ``dataset_dir/class_name/`` and return its path.

    The class folder is made when missing. The name is ``snapshot-<date-time>.jpg`` (or ``stem``);
    when taken, ``-1``, ``-2``… is added: an existing file is never replaced. Raises
    ``DatasetError`` for a bad class name or missing dataset folder, ``OutputWriteError`` when the
    disk says no (nothing half-written is left behind)."""
    from ...engine.errors import DatasetError, OutputWriteError
    from ...engine.fileio import write_error

    name = clean_class_name(class_name)
    if not name:
        raise DatasetError(f"“{class_name}” cannot be used as a class name: use letters, digits, spaces or dashes.")
    root = Path(dataset_dir)
    if not root.is_dir():
        raise DatasetError(f"The dataset folder {root} does not exist any more. Choose it again.")
    if image.isNull():
        raise OutputWriteError("There is no camera picture to save yet.")
    buf = io.BytesIO()
    qimage_to_pil(image).save(buf, "JPEG", quality=quality)
    data = buf.getvalue()
    folder = class_folder(root, name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(folder, exc) from exc
    stem = stem or "snapshot-" + _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for n in range(100000):
        target = folder / (f"{stem}.jpg" if n == 0 else f"{stem}-{n}.jpg")
        try:
            # O_EXCL: the create fails when the name is taken, even if another program made it a
            # moment ago, so nothing is ever overwritten.
            fd = os.open(target, flags, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise write_error(target, exc) from exc
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            target.unlink(missing_ok=True)
            raise write_error(target, exc) from exc
        return target
    raise OutputWriteError(f"Could not find a free file name in {folder}.")
