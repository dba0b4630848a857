"""The features of one training: in memory when they fit a budget, else streamed from disk.

A training's features are held in memory only when they fit a budget (half the available memory,
or ``RESNET_STUDIO_FEATURE_RAM_MB``); otherwise they are copied, in training order, into one file
that is memory-mapped and read a chunk at a time (:class:`FeatureSet`). A cache file found cut
short or garbled while they are gathered is deleted and its features are extracted again
(:func:`_with_retries`). Part of the feature cache described in :mod:`.features`.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import OutputWriteError
from .feature_store import FeatureStore, _Catalog, _DamagedChunk, _read_chunk, _read_into, _write_chunk

log = logging.getLogger(__name__)

#: Environment variable: the memory (MB) head-mode features may take before they are streamed from
#: disk instead; unset, half of the memory available when training starts.
RAM_BUDGET_ENV = "RESNET_STUDIO_FEATURE_RAM_MB"
_RAM_SHARE = 0.5
_FALLBACK_BUDGET = 1 << 30  # when the system does not say how much memory is free
#: Streamed features are read a quarter of the budget at a time (two pieces are in memory while
#: the next one is read ahead), at most this much: bigger reads are no faster.
_MAX_STREAM_CHUNK = 64 << 20
_ATTEMPTS = 3  # a damaged cache file is deleted and its features extracted again, this many times


# --------------------------------------------------------------------------------------------
# How much memory the features may take


def available_memory() -> int | None:
    """Bytes of memory the system could give this process now, or None when it does not say."""
    avail: int | None = None
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    avail = int(line.split()[1]) * 1024
                    break
    except (OSError, ValueError, IndexError):
        pass
    if avail is None and hasattr(os, "sysconf"):
        try:
            avail = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (ValueError, OSError):
            pass
    if avail is None and os.name == "nt":
        avail = _windows_available_memory()
    # a container's own limit (cgroup v2) is lower than what the machine has free
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        if limit.isdigit():
            used = int(Path("/sys/fs/cgroup/memory.current").read_text().strip())
            room = max(0, int(limit) - used)
            avail = room if avail is None else min(avail, room)
    except (OSError, ValueError):
        pass
    return avail


def _windows_available_memory() -> int | None:
    import ctypes

    class MemoryStatusEx(ctypes.Structure):
        _fields_ = [("dwLength", ctypes.c_ulong), ("dwMemoryLoad", ctypes.c_ulong),
                    ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
                    ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
                    ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
                    ("ullAvailExtendedVirtual", ctypes.c_ulonglong)]

    status = MemoryStatusEx()
    status.dwLength = ctypes.sizeof(MemoryStatusEx)
    try:
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
            return int(status.ullAvailPhys)
    except Exception:  # noqa: BLE001 - then the fallback budget applies
        pass
    return None


def feature_ram_budget() -> int:
    """Bytes of features head training may hold in memory: ``RESNET_STUDIO_FEATURE_RAM_MB`` when
    set, else half of the memory available now (the other half is for the rest of the app)."""
    env = os.environ.get(RAM_BUDGET_ENV, "").strip()
    if env:
        try:
            return max(0, int(float(env) * (1 << 20)))
        except ValueError:
            log.warning("%s=%r is not a number of megabytes; ignored", RAM_BUDGET_ENV, env)
    avail = available_memory()
    return int(avail * _RAM_SHARE) if avail else _FALLBACK_BUDGET


def _stream_chunk_rows(dim: int, budget: int) -> int:
    return max(1, min(budget // 4, _MAX_STREAM_CHUNK) // max(1, dim * 4))


# --------------------------------------------------------------------------------------------
# The features of one training


def _release(fh, path: Path | None) -> None:
    fh.close()
    if path is not None:
        try:
            path.unlink(missing_ok=True)
        except OSError:  # still mapped (Windows): removed by the next run's clean-up
            pass


@dataclass(eq=False)
class FeatureSet:
    """Features of a list of files: ``features[i]`` belongs to ``paths[ok[i]]``.

    ``features`` is an array in memory when it fits the budget (:func:`feature_ram_budget`),
    else a read-only ``numpy.memmap`` of a file in the cache (``path``). Either way read it with
    :meth:`blocks` and :meth:`shuffled_batches`, which read a streamed file ``chunk_rows`` rows at
    a time, so memory stays bounded however many pictures there are; the results are the same
    (up to the order of the rows within an epoch). :meth:`close` (or garbage collection) removes
    the streamed file.
    """

    features: np.ndarray  # (len(ok), dim) float32
    ok: list[int]
    skipped: list[tuple[str, str]]  # (path, reason)
    cache_hits: int = 0
    extracted: int = 0
    backend: str = ""
    path: Path | None = None  # the memory-mapped file, when streamed
    chunk_rows: int = 0  # rows read at once when streamed (0: in memory, all at once)
    data_offset: int = 0  # byte position of row 0 in ``path``

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._fh = None
        if self.path is not None:
            self._fh = open(self.path, "rb", buffering=0)
            self._finalizer = weakref.finalize(self, _release, self._fh, self.path)

    @property
    def streamed(self) -> bool:
        return self.path is not None

    @property
    def dim(self) -> int:
        return int(self.features.shape[1]) if self.features.ndim == 2 else 0

    def rows(self, start: int, stop: int) -> np.ndarray:
        """Rows ``start:stop`` in memory (a view when in memory; read from the file when streamed)."""
        if self._fh is None:
            return self.features[start:stop]
        out = np.empty((max(0, stop - start), self.dim), np.float32)
        with self._lock:
            ok = _read_into(self._fh, out, self.data_offset + start * self.dim * 4)
        if not ok:
            raise OutputWriteError(
                "The features being trained on were cut short on disk (was the cache folder "
                "cleaned up during training?). Start the training again.", details=str(self.path))
        return out

    def chunk_size(self, batch_size: int = 1) -> int:
        """Rows read at once: everything in memory; else a whole number of batches per chunk."""
        if self._fh is None or self.chunk_rows <= 0:
            return max(1, len(self.features))
        batch_size = max(1, int(batch_size))
        return max(batch_size, self.chunk_rows // batch_size * batch_size)

    def blocks(self, start: int, stop: int, rows: int | None = None) -> Iterator[np.ndarray]:
        """Rows ``start:stop`` in order, in consecutive in-memory blocks of at most ``rows``."""
        size = max(1, min(rows or self.chunk_size(), self.chunk_size()))
        for a in range(start, stop, size):
            yield self.rows(a, min(a + size, stop))

    def shuffled_batches(self, start: int, stop: int, batch_size: int, generator) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """One epoch over rows ``start:stop`` in random order: ``(features, positions)`` per batch,
        ``positions`` counted from ``start``.

        In memory this is one random permutation of all rows. Streamed, the chunks are visited in
        random order and shuffled within, each chunk read while the previous one trains; every
        chunk but the last holds whole batches, so there are ``ceil(n / batch_size)`` batches
        either way. ``generator`` (a ``torch.Generator``) makes it repeatable.
        """
        import torch

        size = self.chunk_size(batch_size)
        spans = [(a, min(a + size, stop)) for a in range(start, stop, size)]
        order = torch.randperm(len(spans), generator=generator).tolist() if len(spans) > 1 else [0] * bool(spans)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="features") if len(spans) > 1 else None
        try:
            ahead = pool.submit(self.rows, *spans[order[0]]) if pool else None
            for k, c in enumerate(order):
                a, b = spans[c]
                block = ahead.result() if ahead else self.rows(a, b)
                if pool and k + 1 < len(order):
                    ahead = pool.submit(self.rows, *spans[order[k + 1]])
                perm = torch.randperm(b - a, generator=generator).numpy()
                for i in range(0, b - a, batch_size):
                    idx = perm[i:i + batch_size]
                    yield block[idx], idx + (a - start)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def stats(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """Mean and standard deviation of each column over rows ``start:stop`` (float64), read in
        blocks and combined exactly (Chan et al.), so it needs one pass and little memory."""
        n, mean, m2 = 0, np.zeros(self.dim), np.zeros(self.dim)
        for block in self.blocks(start, stop, 4096):
            x = block.astype(np.float64)
            nb, mb = len(x), x.mean(axis=0)
            m2b = ((x - mb) ** 2).sum(axis=0)
            delta, total = mb - mean, n + nb
            mean += delta * (nb / total)
            m2 += m2b + delta ** 2 * (n * nb / total)
            n = total
        return mean, np.sqrt(m2 / max(1, n))

    def close(self) -> None:
        """Stop reading; a streamed file is deleted."""
        if self._fh is not None:
            self.features = np.zeros((0, self.dim), np.float32)  # unmap before deleting
            self._finalizer()
            self._fh = None


class _CacheChanged(Exception):
    """Another program changed the cache while it was read: read it again."""


def _remove_stale_runs(folder: Path) -> None:
    """Streamed files left by a run that crashed (a live one keeps its open file on POSIX)."""
    try:
        stale = list(folder.glob("run-*.safetensors"))
    except OSError:
        return
    for path in stale:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def build_feature_set(
    store: FeatureStore,
    keys: Sequence[str],
    *,
    ok: list[int] | None = None,
    skipped: list[tuple[str, str]] | None = None,
    ram_budget: int | None = None,
    cache_hits: int = 0,
    extracted: int = 0,
    backend: str = "cache",
) -> FeatureSet:
    """The cached features of ``keys`` (digests, in order; all must be in ``store``), in memory
    when they fit ``ram_budget`` bytes (default :func:`feature_ram_budget`), else copied in order
    into one file that is memory-mapped and streamed. ``ok`` defaults to ``range(len(keys))``."""
    budget = feature_ram_budget() if ram_budget is None else max(0, int(ram_budget))
    return _with_retries(store, lambda attempt: _assemble(
        store, store.open(), keys, budget, ok=list(range(len(keys))) if ok is None else ok,
        skipped=skipped or [], cache_hits=cache_hits, extracted=extracted, backend=backend))


def _with_retries(store: FeatureStore, attempt_fn: Callable[[int], FeatureSet]) -> FeatureSet:
    """``attempt_fn(attempt)``, again after a damaged cache file (deleted first, so its features
    are extracted again) or a cache changed by another program."""
    error: Exception | None = None
    for attempt in range(_ATTEMPTS):
        try:
            return attempt_fn(attempt)
        except _DamagedChunk as exc:
            store.discard(exc)
            error = exc
        except (_CacheChanged, FileNotFoundError) as exc:
            error = exc
        log.info("feature cache changed while being read (%s); attempt %d", error, attempt + 1)
    raise OutputWriteError(
        f"The feature cache in {store.folder} keeps changing or getting damaged. Close other "
        "copies of the app, or delete that folder, and try again.", details=repr(error))


def _assemble(store: FeatureStore, catalog: _Catalog, keys: Sequence[str], budget: int, *, ok, skipped,
              **counts) -> FeatureSet:
    try:
        locs = [catalog.where[k] for k in keys]
    except KeyError as exc:
        raise _CacheChanged(f"feature {exc} is gone") from exc
    n, dim = len(locs), catalog.dim
    if n * dim * 4 <= budget or n == 0:
        feats = np.empty((n, dim), np.float32)
        pos = 0
        for block in catalog.iter_rows(locs, 8192):
            feats[pos:pos + len(block)] = block
            pos += len(block)
        return FeatureSet(feats, ok, skipped, **counts)
    # Too big for memory: one file in the order of training, so each chunk is one sequential read.
    chunk_rows = _stream_chunk_rows(dim, budget)
    _remove_stale_runs(store.folder)
    try:
        path = _write_run_file(store, keys, dim, lambda: catalog.iter_rows(locs, min(chunk_rows, 8192)))
    except OutputWriteError as exc:
        if _fits_memory(n * dim * 4):  # over the budget but it fits: holding it beats failing the run
            log.warning("features of %d pictures (%.0f MB) held in memory, over the budget of %.0f MB: "
                        "they could not be written to disk (%s)", n, n * dim * 4 / 2**20, budget / 2**20, exc)
            return _assemble(store, catalog, keys, n * dim * 4, ok=ok, skipped=skipped, **counts)
        raise OutputWriteError(
            f"The features of {n} pictures need {n * dim * 4 / 2**20:.0f} MB: more than the memory "
            f"available ({budget / 2**20:.0f} MB for them), and they could not be written to disk "
            f"either ({exc}). Free some disk space, or train on fewer pictures.",
            details=exc.details) from exc
    chunk = _read_chunk(path)
    feats = np.memmap(path, dtype="<f4", mode="r", offset=chunk.data_offset, shape=(n, dim))
    log.info("features of %d pictures (%.0f MB) streamed from %s, %d rows at a time",
             n, n * dim * 4 / 2**20, path, chunk_rows)
    return FeatureSet(feats, ok, skipped, path=path, chunk_rows=chunk_rows, data_offset=chunk.data_offset,
                      **counts)


def _write_run_file(store: FeatureStore, keys: Sequence[str], dim: int,
                    rows: Callable[[], Iterable[np.ndarray]]) -> Path:
    """One file with the rows ``rows()`` gives, in training order: in the cache folder, else
    (read-only, full) in the system's temporary folder; ``OutputWriteError`` when neither can
    take it."""
    error: OutputWriteError | None = None
    for folder in (store.folder, Path(tempfile.gettempdir())):
        path = folder / f"run-{uuid.uuid4().hex}.safetensors"
        try:
            _write_chunk(path, keys, dim, rows())
            return path
        except OutputWriteError as exc:
            log.info("feature cache: could not write %s (%s)", path, exc)
            error = exc
    raise error  # type: ignore[misc]  # the loop ran at least once


def _fits_memory(nbytes: int) -> bool:
    avail = available_memory()
    return avail is None or nbytes <= avail * 0.8
