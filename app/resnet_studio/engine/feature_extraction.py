"""Backbone features of pictures: decoding in threads, the forward pass, and extraction into the
cache.

Extraction overlaps decoding (threads, reduced-size JPEG decoding) with the forward pass, which
runs in ONNX Runtime on the CPU when there are enough images to repay the one-time export (about
1.5-2x faster than eager PyTorch there), else in PyTorch (channels-last, inference mode; mixed
precision on CUDA). New features go to the :class:`~.feature_store.FeatureStore` as they are
extracted, a chunk file every few tens of MB, so memory stays flat. Part of the feature cache
described in :mod:`.features`; torch is imported only when a :class:`FeatureExtractor` is made.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from .backends import require_finite
from .errors import CancelledError, ImageReadError
from .feature_digests import default_workers
from .feature_store import FeatureStore
from .images import Preprocess

log = logging.getLogger(__name__)

#: On the CPU, ONNX Runtime is used when at least this many images need extracting: the one-time
#: export (a few seconds, then cached) must be repaid by its faster forward pass.
ORT_MIN_IMAGES = 300


# --------------------------------------------------------------------------------------------
# Decoding in threads, in order


@dataclass
class Batch:
    """Decoded inputs of one batch; ``indices`` are positions in the input list of the rows."""

    indices: list[int]
    arrays: np.ndarray | None  # (len(indices), ...) or None when every file of the batch failed
    errors: list[tuple[int, ImageReadError]] = field(default_factory=list)


def iter_batches(
    paths: Sequence[os.PathLike | str],
    load: Callable[[os.PathLike | str], np.ndarray],
    batch_size: int,
    *,
    workers: int | None = None,
    cancel: threading.Event | None = None,
) -> Iterator[Batch]:
    """Decode ``paths`` with ``load`` in background threads and yield them in batches, in order.

    Unreadable files (``ImageReadError``) are left out of the batch and reported in
    ``Batch.errors``; any other error propagates. Decoding runs ahead by about two batches, so
    the caller's forward pass overlaps with it (Pillow and numpy release the GIL).
    """
    n = len(paths)
    batch_size = max(1, int(batch_size))
    ahead = 2 * batch_size + (workers or default_workers())
    pool = ThreadPoolExecutor(max_workers=workers or default_workers(), thread_name_prefix="decode")
    pending: deque[Future] = deque()
    submitted = 0
    try:
        def refill() -> None:
            nonlocal submitted
            while submitted < n and len(pending) < ahead:
                pending.append(pool.submit(load, paths[submitted]))
                submitted += 1

        done = 0
        while done < n:
            if cancel is not None and cancel.is_set():
                raise CancelledError()
            refill()
            idx: list[int] = []
            rows: list[np.ndarray] = []
            errors: list[tuple[int, ImageReadError]] = []
            for i in range(done, min(done + batch_size, n)):
                fut = pending.popleft()
                try:
                    rows.append(fut.result())
                    idx.append(i)
                except ImageReadError as exc:
                    errors.append((i, exc))
                refill()
            done += len(idx) + len(errors)
            yield Batch(idx, np.stack(rows) if rows else None, errors)
    finally:
        for fut in pending:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------------------------
# The forward pass


class FeatureExtractor:
    """Pooled backbone features (the input of ``fc``) of preprocessed batches."""

    def __init__(self, model, device, input_size: int, *, backend: str = "auto", n_images: int = 0) -> None:
        import torch

        # every layer but fc, sharing the weights; the caller's model is left as it is
        backbone = torch.nn.Sequential(*[m for name, m in model.named_children() if name != "fc"],
                                       torch.nn.Flatten(1))
        self.device = torch.device(device)
        self.backend_name = "torch"
        self.note = ""
        self._ort = None
        use_ort = backend == "onnxruntime" or (backend == "auto" and n_images >= ORT_MIN_IMAGES)
        if use_ort and self.device.type == "cpu":
            try:
                from .onnx_backend import OrtBackend

                # The legacy exporter is several times quicker to run than the dynamo one and
                # handles a plain ResNet exactly (the backend verifies the graph against PyTorch).
                self._ort = OrtBackend(backbone.eval(), input_size, exporter="legacy", spinning=False)
                self.backend_name = "onnxruntime"
            except Exception as exc:  # noqa: BLE001 - fall back to PyTorch, whatever went wrong
                self.note = f"ONNX Runtime not used: {exc}"
                log.info(self.note)
        if self._ort is None:
            self._model = backbone.to(self.device).eval().to(memory_format=torch.channels_last)

    def __call__(self, batch: np.ndarray) -> np.ndarray:
        if self._ort is not None:
            return np.asarray(self._ort.logits(batch), dtype=np.float32)
        import torch

        with torch.inference_mode():
            x = torch.from_numpy(np.ascontiguousarray(batch, dtype=np.float32)).to(self.device)
            x = x.contiguous(memory_format=torch.channels_last)
            with torch.autocast(self.device.type, enabled=self.device.type == "cuda"):
                y = self._model(x)
            return y.float().cpu().numpy()


# --------------------------------------------------------------------------------------------
# Extraction into the cache


def _extract(model, paths, digests, order: list[int], preprocess: Preprocess, store: FeatureStore,
             failed: set[str], skipped: list[tuple[str, str]], *, device, batch_size, backend, workers,
             progress, cancel, flush_bytes: int, dim: int) -> tuple[int, str]:
    """Extract the features of ``paths[order]`` into ``store``, a chunk file every ``flush_bytes``.

    Returns (features extracted, backend used). What was extracted before a cancel or an error is
    written too, so it is kept for next time.
    """
    extractor = FeatureExtractor(model, device, preprocess.crop_size, backend=backend, n_images=len(order))
    pending: dict[str, np.ndarray] = {}
    count = done = 0
    if progress:
        progress(0, len(order))
    try:
        for batch in iter_batches([paths[i] for i in order], preprocess.load, batch_size,
                                  workers=workers, cancel=cancel):
            for j, exc in batch.errors:
                failed.add(digests[order[j]])
                skipped.append((str(paths[order[j]]), str(exc)))
            if batch.arrays is not None:
                feats = require_finite(extractor(batch.arrays), where=f"features of {paths[order[batch.indices[0]]]}")
                dim = feats.shape[1]
                for j, f in zip(batch.indices, feats):
                    pending[digests[order[j]]] = f
                count += len(batch.indices)
            done += len(batch.indices) + len(batch.errors)
            if progress:
                progress(done, len(order))
            if pending and len(pending) * dim * 4 >= flush_bytes:
                store.add(pending, compact=False)
                pending = {}
    finally:
        store.add(pending, compact=False)
    return count, extractor.backend_name
