"""Classifying many images with one loaded model: in batches, in input order, cancellable.

:class:`Predictor` loads a model once (zoo name, model file or ``.pth``), chooses the device
(CUDA → MPS → CPU) and the fastest backend for it (ONNX Runtime on the CPU, PyTorch elsewhere),
then :meth:`Predictor.classify_paths` streams one :class:`ClassifyResult` per input path.

Decoding runs in a small thread pool (Pillow releases the GIL while decoding and resizing) while
the model runs on the caller's thread, with a bounded window of images in flight so memory stays
flat on a folder of any size. Each file is decoded once: the thumbnail the GUI shows comes from the
same decode as the model input. A file that cannot be read becomes a result with ``error`` set;
it never stops the others.
"""

from __future__ import annotations

import csv
import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .backends import make_backend, normalize_backend, require_finite
from .classifier import load_classifier
from .devices import describe_device, pick_device
from .errors import CancelledError, ImageReadError, ModelError
from .fileio import atomic_write
from .images import open_image
from .zoo import ZOO, ProgressFn

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

DEFAULT_TOP_K = 5


@dataclass
class Prediction:
    label: str
    score: float  # probability, 0..1
    index: int  # class index in the model's output


@dataclass
class ClassifyResult:
    path: str
    predictions: list[Prediction] = field(default_factory=list)  # best first; empty on error
    error: str | None = None  # readable message when the file failed
    thumbnail: "Image.Image | None" = None  # only when asked (thumbnail_size), from the same decode
    # Which model made it (see Predictor.provenance): a list, CSV or JSON that can hold results of
    # two models must say per row which one each came from.
    model: str = ""  # the model's display name
    model_file: str = ""  # its file, or "ImageNet ResNet-18" for an ImageNet model
    backend: str = ""  # e.g. "ONNX Runtime CPU, float32"

    @property
    def top1(self) -> Prediction | None:
        return self.predictions[0] if self.predictions else None

    @property
    def ok(self) -> bool:
        return self.error is None

    def plain(self) -> dict:
        """The result as plain values (a *row*): what crosses to the GUI and what the CSV and JSON
        writers take. ``predictions`` are ``(label, score, class index)`` tuples, best first."""
        return {
            "path": str(self.path),
            "predictions": [(str(p.label), float(p.score), int(p.index)) for p in self.predictions],
            "error": self.error,
            "model": self.model,
            "model_file": self.model_file,
            "backend": self.backend,
        }

    def to_dict(self) -> dict:
        """The JSON object of ``classify --json``."""
        return json_row(self.plain())


#: The columns (and JSON fields) that say which model made a row, after the results' own.
PROVENANCE_FIELDS = ("model", "model_file", "backend")


def json_row(row: Mapping) -> dict:
    """A plain row (:meth:`ClassifyResult.plain`) as the JSON object ``classify --json`` prints."""
    out = {
        "path": row["path"],
        "predictions": [{"label": p[0], "score": p[1]} for p in row["predictions"]],
        "error": row.get("error"),
    }
    out.update({k: row.get(k, "") for k in PROVENANCE_FIELDS})
    return out


def _softmax(logits: np.ndarray) -> np.ndarray:
    z = logits.astype(np.float64)
    z -= z.max(axis=1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=1, keepdims=True)
    return z


def model_file_label(source: str) -> str:
    """Where a model came from, for a results row: its file (absolute), or "ImageNet ResNet-18"."""
    if source in ZOO:
        return f"ImageNet {ZOO[source].display_name}"
    return os.path.abspath(source)


_DEVICE_WORDS = {"cpu": "CPU", "cuda": "CUDA", "mps": "MPS"}


def backend_label(backend, device, model) -> str:
    """What ran the model, and at which precision: "ONNX Runtime CPU, float32", "PyTorch CUDA, float32"."""
    # ONNX Runtime here always runs on the CPU, whatever device torch was given.
    kind = "cpu" if backend.name == "onnxruntime" else getattr(device, "type", str(device))
    precision = getattr(backend, "precision", None)
    if not precision:
        try:
            precision = str(next(model.parameters()).dtype).removeprefix("torch.")
        except (StopIteration, AttributeError, TypeError):
            precision = "float32"  # what both backends feed the model (see backends.py)
    return f"{backend.describe()} {_DEVICE_WORDS.get(kind, kind.upper())}, {precision}"


def _default_workers() -> int:
    # A few decoders keep up with the model; more would only contend with it for the cores.
    return max(1, min(4, (os.cpu_count() or 2)))


@dataclass
class _Loaded:
    array: np.ndarray | None
    thumbnail: "Image.Image | None"
    error: str | None


class Predictor:
    """A model loaded once, ready to classify many images.

    ``model``: a zoo name (ImageNet weights, looked up offline; downloaded only when
    ``allow_download``), a ``.safetensors`` model file or a ``.pth`` state dict.
    ``device``: auto | cpu | cuda | mps. ``backend``: auto | torch | onnxruntime (CPU only).
    ``progress``/``cancel`` apply to loading (a weights download); pass ``cancel`` to
    :meth:`classify_paths` to stop a run. ``on_status`` receives short messages about slow loading
    steps (the first-time ONNX preparation) for a status bar.
    Raises :class:`ModelError` (incl. ``WeightsNotFoundError``), :class:`DeviceError`,
    :class:`CancelledError`.
    """

    def __init__(
        self,
        model: os.PathLike | str = "resnet18",
        *,
        device: str = "auto",
        batch_size: int = 16,
        top_k: int = DEFAULT_TOP_K,
        allow_download: bool = False,
        backend: str = "auto",
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
        workers: int | None = None,
        onnx_cache: bool = True,
        on_status: Callable[[str], None] | None = None,
    ) -> None:
        if batch_size < 1:
            raise ModelError("The batch size must be at least 1.")
        if top_k < 1:
            raise ModelError("The number of predictions (top-k) must be at least 1.")
        backend = normalize_backend(backend)
        self.device = pick_device(device)
        self.classifier = load_classifier(model, allow_download=allow_download, progress=progress, cancel=cancel)
        if cancel is not None and cancel.is_set():
            raise CancelledError("Loading the model was cancelled.")
        self.classes: list[str] = list(self.classifier.classes)
        self.name: str = self.classifier.name
        self.arch: str = self.classifier.arch
        self.preprocess = self.classifier.preprocess
        self.batch_size = int(batch_size)
        self.top_k = int(top_k)
        self.workers = int(workers or _default_workers())
        self.backend, self.backend_note = make_backend(
            self.classifier.model, self.device, self.preprocess.crop_size, backend,
            cache=onnx_cache, on_status=on_status,
        )
        self.device_description: str = f"{describe_device(self.device)} · {self.backend.describe()}"
        self.provenance: dict[str, str] = {
            "model": str(self.name),
            "model_file": model_file_label(self.classifier.source),
            "backend": backend_label(self.backend, self.device, self.classifier.model),
        }

    @property
    def backend_name(self) -> str:
        return self.backend.name

    # -- single images / arrays ------------------------------------------------------------

    def probabilities(self, batch: np.ndarray) -> np.ndarray:
        """Class probabilities ``(N, classes)`` for a preprocessed ``(N, 3, H, W)`` float32 batch.

        Raises :class:`ModelOutputError` when the model's outputs are NaN or infinite."""
        try:
            logits = self.backend.logits(batch)
        except MemoryError as exc:
            raise ModelError("The computer ran out of memory; use a smaller batch size.") from exc
        except Exception as exc:  # noqa: BLE001 - torch / ONNX Runtime raise their own types
            if "out of memory" in str(exc).lower():
                raise ModelError(
                    f"The {self.device.type.upper()} ran out of memory; use a smaller batch size or the CPU.",
                    details=str(exc)[:2000],
                ) from exc
            raise ModelError("The model failed while classifying.", details=f"{type(exc).__name__}: {exc}"[:2000]) from exc
        return _softmax(require_finite(logits))

    def _top(self, probs: np.ndarray, k: int) -> list[Prediction]:
        k = min(k, probs.shape[0])
        # stable sort: equal scores keep class order, so output is deterministic
        order = np.argsort(-probs, kind="stable")[:k]
        return [Prediction(self.classes[i], float(probs[i]), int(i)) for i in order]

    def classify_image(self, image: "Image.Image", *, top_k: int | None = None) -> list[Prediction]:
        """Top-k predictions for an already opened PIL image."""
        if image.mode != "RGB":
            from .images import to_rgb  # the same conversion open_image applies

            image = to_rgb(image)
        probs = self.probabilities(self.preprocess.array(image)[None])
        return self._top(probs[0], top_k or self.top_k)

    # -- many files ------------------------------------------------------------------------

    def _load(self, path: str, min_side: int, thumbnail_size: int | None, cancel: threading.Event | None) -> _Loaded:
        if cancel is not None and cancel.is_set():
            return _Loaded(None, None, "Cancelled.")
        try:
            img = open_image(path, min_side=min_side)
            thumb = None
            if thumbnail_size:
                thumb = img.copy()
                thumb.thumbnail((thumbnail_size, thumbnail_size))
            return _Loaded(self.preprocess.array(img), thumb, None)
        except ImageReadError as exc:
            return _Loaded(None, None, str(exc))
        except MemoryError:
            return _Loaded(None, None, "This image is too large to open with the memory available.")
        except Exception as exc:  # noqa: BLE001 - one odd file must never stop the others
            log.exception("unexpected failure preparing %s", path)
            return _Loaded(None, None, f"This image could not be prepared for the model ({type(exc).__name__}).")

    def classify_paths(
        self,
        paths: Iterable[os.PathLike | str],
        *,
        cancel: threading.Event | None = None,
        top_k: int | None = None,
        thumbnail_size: int | None = None,
    ) -> Iterator[ClassifyResult]:
        """One :class:`ClassifyResult` per path, in input order; stops early once ``cancel`` is set.

        Batches are formed greedily: the model takes every image already decoded (up to
        ``batch_size``) instead of waiting for a full batch, so the first results appear at once
        and neither the decoders nor the model sit idle.
        """
        k = top_k or self.top_k
        min_side = max(self.preprocess.resize_size, thumbnail_size or 0)
        items = iter(paths)
        window = max(2 * self.batch_size, 2 * self.workers)
        pending: deque[tuple[str, Future]] = deque()
        pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="decode")

        def refill() -> None:
            while len(pending) < window:
                try:
                    p = os.fspath(next(items))
                except StopIteration:
                    return
                pending.append((p, pool.submit(self._load, p, min_side, thumbnail_size, cancel)))

        try:
            refill()
            while pending:
                if cancel is not None and cancel.is_set():
                    return
                group: list[tuple[str, _Loaded]] = []
                good = 0
                # always take the oldest (waiting for it), then whatever else is already decoded
                while pending and good < self.batch_size and (not group or pending[0][1].done()):
                    path, fut = pending.popleft()
                    loaded = fut.result()
                    group.append((path, loaded))
                    good += loaded.array is not None
                refill()
                if cancel is not None and cancel.is_set():
                    return
                probs = None
                if good:
                    batch = np.stack([ld.array for _, ld in group if ld.array is not None])
                    probs = self.probabilities(batch)
                row = 0
                for path, ld in group:
                    if ld.array is None:
                        yield ClassifyResult(path, [], ld.error or "This file could not be read.", **self.provenance)
                    else:
                        yield ClassifyResult(path, self._top(probs[row], k), None, ld.thumbnail, **self.provenance)
                        row += 1
        finally:
            for _, fut in pending:
                fut.cancel()
            pool.shutdown(wait=True, cancel_futures=True)


def csv_header(top_k: int) -> list[str]:
    cols = ["path", "top1_label", "top1_score"]
    for i in range(1, top_k + 1):
        cols += [f"label_{i}", f"score_{i}"]
    return cols + ["error", *PROVENANCE_FIELDS]


def csv_row(row: Mapping | ClassifyResult, top_k: int) -> list[str]:
    """One CSV line of a plain row (a :class:`ClassifyResult` is taken too, as its row)."""
    if isinstance(row, ClassifyResult):
        row = row.plain()
    preds = row["predictions"]
    top = preds[0] if preds else None
    line = [row["path"], top[0] if top else "", f"{top[1]:.6f}" if top else ""]
    for i in range(top_k):
        line += [preds[i][0], f"{preds[i][1]:.6f}"] if i < len(preds) else ["", ""]
    return line + [row.get("error") or "", *(row.get(k, "") for k in PROVENANCE_FIELDS)]


def write_results_csv(rows: Iterable[Mapping | ClassifyResult], path: os.PathLike | str, top_k: int) -> Path:
    """Write results (consumed as they come) to ``path`` atomically; returns ``path``.

    ``rows``: plain rows (:meth:`ClassifyResult.plain`, as the CLI and the app's results list hold
    them) or :class:`ClassifyResult` objects. Columns: path, top1_label, top1_score, label_1,
    score_1 … label_k, score_k, error, model, model_file, backend (which model made each row).
    UTF-8 with a byte-order mark, so Excel shows Chinese and other non-ASCII names correctly
    (a file name that is not valid Unicode is written with backslash escapes rather than failing).
    Raises :class:`OutputWriteError` when the file cannot be written.
    """
    target = Path(path)
    with atomic_write(target, "w", encoding="utf-8-sig", errors="backslashreplace", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(csv_header(top_k))
        for row in rows:
            writer.writerow(csv_row(row, top_k))
    return target
