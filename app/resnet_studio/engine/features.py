"""Backbone features for head-only training, computed once and kept on disk.

Training only the last layer on a frozen, pre-trained backbone needs the backbone's pooled
features of every image, once. They are cached under ``user_cache_dir()/features`` (or the
caller's folder), keyed by

* the **file content** (a BLAKE2 hash of the bytes, so renaming or moving a folder keeps the cache,
  and an edited picture is extracted again),
* the **model** (a hash of the weights file, or the seed of a random init) and
* the **preprocessing** (sizes and normalisation),

so a second training run with other settings on the same pictures starts at once. Hashing reads
every file, so the hashes themselves are remembered by (path, size, modification time).

Extraction overlaps decoding (threads, reduced-size JPEG decoding) with the forward pass, which
runs in ONNX Runtime on the CPU when there are enough images to repay the one-time export (about
1.5-2x faster than eager PyTorch there), else in PyTorch (channels-last, inference mode; mixed
precision on CUDA).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import CancelledError, ImageReadError
from .fileio import atomic_replace_from, atomic_write
from .images import Preprocess

log = logging.getLogger(__name__)

#: Bump when the way features are computed changes, so old caches are not reused.
FEATURE_VERSION = 1
#: On the CPU, ONNX Runtime is used when at least this many images need extracting: the one-time
#: export (a few seconds, then cached) must be repaid by its faster forward pass.
ORT_MIN_IMAGES = 300
_DIGEST_INDEX = "file-digests.json"
_MAX_CHUNKS = 8

ProgressFn = Callable[[int, int], None]


def default_workers() -> int:
    """Decoding threads: one per core, at most 4 (decoding is a small part of the work)."""
    return max(1, min(4, os.cpu_count() or 1))


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
# Content digests


def _hash_file(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class DigestIndex:
    """File content hashes, remembered by (absolute path, size, modification time in ns)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / _DIGEST_INDEX
        self._lock = threading.Lock()
        self._changed = False
        try:
            self._entries: dict[str, list] = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(self._entries, dict):
                self._entries = {}
        except (OSError, ValueError):
            self._entries = {}

    def digest(self, path: os.PathLike | str) -> str:
        """Content hash of ``path``; raises ``ImageReadError`` when the file cannot be read."""
        p = Path(path)
        key = os.path.abspath(p)
        try:
            st = p.stat()
        except OSError as exc:
            raise ImageReadError(p, "This file could not be read (it was moved or deleted).", details=repr(exc)) from exc
        with self._lock:
            hit = self._entries.get(key)
        if isinstance(hit, list) and len(hit) == 3 and hit[0] == st.st_size and hit[1] == st.st_mtime_ns:
            return str(hit[2])
        try:
            value = _hash_file(p)
        except OSError as exc:
            raise ImageReadError(p, "This file could not be read.", details=repr(exc)) from exc
        with self._lock:
            self._entries[key] = [st.st_size, st.st_mtime_ns, value]
            self._changed = True
        return value

    def digests(self, paths: Sequence[os.PathLike | str], *, workers: int | None = None) -> list[str | None]:
        """Hashes of ``paths`` (``None`` where a file cannot be read), hashed in threads."""

        def one(p):
            try:
                return self.digest(p)
            except ImageReadError:
                return None

        with ThreadPoolExecutor(max_workers=workers or default_workers()) as pool:
            return list(pool.map(one, paths))

    def save(self) -> None:
        if not self._changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_write(self.path, "w", encoding="utf-8") as fh:
                json.dump(self._entries, fh)
            self._changed = False
        except Exception as exc:  # noqa: BLE001 - the index only saves time; never fail a run for it
            log.info("could not save the digest index: %s", exc)


# --------------------------------------------------------------------------------------------
# The store


def model_key(arch: str, weights_id: str, preprocess: Preprocess, *, small_input: bool = False) -> str:
    """Name of the cache folder for one backbone + preprocessing."""
    text = json.dumps(
        {"v": FEATURE_VERSION, "arch": arch, "weights": weights_id, "small_input": small_input,
         "preprocess": preprocess.to_dict()},
        sort_keys=True,
    )
    return f"{arch}-{hashlib.blake2b(text.encode(), digest_size=12).hexdigest()}"


class FeatureStore:
    """Features of one backbone + preprocessing, by content digest, in append-only chunk files.

    Each extraction adds one ``.safetensors`` chunk (written atomically), so a cancelled or
    crashed run never damages what was cached before; many chunks are merged into one.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _chunks(self) -> list[Path]:
        try:
            return sorted(self.folder.glob("chunk-*.safetensors"))
        except OSError:
            return []

    def load(self) -> dict[str, np.ndarray]:
        from safetensors import safe_open

        out: dict[str, np.ndarray] = {}
        for chunk in self._chunks():
            try:
                with safe_open(str(chunk), framework="numpy") as f:
                    keys = json.loads((f.metadata() or {})["digests"])
                    feats = f.get_tensor("features")
                if len(keys) != len(feats):
                    raise ValueError("length mismatch")
            except Exception as exc:  # noqa: BLE001 - a damaged chunk is only lost time
                log.info("ignoring damaged feature chunk %s: %s", chunk, exc)
                chunk.unlink(missing_ok=True)
                continue
            out.update(zip(keys, feats))
        return out

    def add(self, features: dict[str, np.ndarray]) -> None:
        if not features:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        self._write(features)
        chunks = self._chunks()
        if len(chunks) > _MAX_CHUNKS:
            merged = self.load()
            old = self._chunks()
            self._write(merged)
            for c in old:
                c.unlink(missing_ok=True)

    def _write(self, features: dict[str, np.ndarray]) -> None:
        from safetensors.numpy import save_file

        keys = list(features)
        arr = np.ascontiguousarray(np.stack([features[k] for k in keys]).astype(np.float32))
        target = self.folder / f"chunk-{uuid.uuid4().hex}.safetensors"
        atomic_replace_from(
            lambda tmp: save_file({"features": arr}, str(tmp), metadata={"digests": json.dumps(keys)}), target
        )


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


@dataclass
class FeatureSet:
    """Features of a list of files: ``features[i]`` belongs to ``paths[ok[i]]``."""

    features: np.ndarray  # (len(ok), dim) float32
    ok: list[int]
    skipped: list[tuple[str, str]]  # (path, reason)
    cache_hits: int = 0
    extracted: int = 0
    backend: str = ""


def cached_features(
    model,
    paths: Sequence[os.PathLike | str],
    preprocess: Preprocess,
    key: str,
    *,
    cache_dir: Path,
    device="cpu",
    batch_size: int = 32,
    backend: str = "auto",
    workers: int | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> FeatureSet:
    """Features of ``paths`` from the cache, extracting (and caching) the missing ones.

    ``model``: the network whose backbone gives the features (its ``fc`` is ignored). ``key``:
    :func:`model_key` of that backbone and ``preprocess``. Raises :class:`CancelledError` when
    ``cancel`` is set (features extracted so far are kept in the cache).
    """
    index = DigestIndex(cache_dir)
    digests = index.digests(paths, workers=workers)
    index.save()
    store = FeatureStore(cache_dir / key)
    known = store.load()
    skipped: list[tuple[str, str]] = []
    todo: dict[str, int] = {}  # digest → first position needing it (duplicates extracted once)
    for i, d in enumerate(digests):
        if d is None:
            skipped.append((str(paths[i]), "This file could not be read (it was moved or deleted)."))
        elif d not in known and d not in todo:
            todo[d] = i
    hits = sum(1 for d in digests if d is not None and d in known)
    failed: set[str] = set()
    new: dict[str, np.ndarray] = {}
    backend_used = "cache"
    if todo:
        order = list(todo.values())
        extractor = FeatureExtractor(model, device, preprocess.crop_size, backend=backend, n_images=len(order))
        backend_used = extractor.backend_name
        done = 0
        if progress:
            progress(0, len(order))
        try:
            for batch in iter_batches([paths[i] for i in order], preprocess.load, batch_size,
                                      workers=workers, cancel=cancel):
                for j, exc in batch.errors:
                    failed.add(digests[order[j]])
                    skipped.append((str(paths[order[j]]), str(exc)))
                if batch.arrays is not None:
                    feats = extractor(batch.arrays)
                    for j, f in zip(batch.indices, feats):
                        new[digests[order[j]]] = f
                done += len(batch.indices) + len(batch.errors)
                if progress:
                    progress(done, len(order))
        finally:
            # what was extracted before a cancel or an error is kept for next time
            store.add(new)
        known.update(new)
    ok: list[int] = []
    rows: list[np.ndarray] = []
    for i, d in enumerate(digests):
        if d is None:
            continue
        if d in failed:
            if todo.get(d) != i:  # a duplicate of an unreadable file: report it too
                skipped.append((str(paths[i]), "This file could not be read."))
            continue
        ok.append(i)
        rows.append(known[d])
    dim = rows[0].shape[-1] if rows else 0
    feats = np.stack(rows).astype(np.float32, copy=False) if rows else np.zeros((0, dim), np.float32)
    skipped.sort(key=lambda s: s[0])
    return FeatureSet(feats, ok, skipped, cache_hits=hits, extracted=len(new), backend=backend_used)


def file_digest(path: os.PathLike | str, cache_dir: Path) -> str:
    """Content hash of one file (e.g. a weights file), remembered in ``cache_dir``'s index."""
    index = DigestIndex(cache_dir)
    d = index.digest(path)
    index.save()
    return d
