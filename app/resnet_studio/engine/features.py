"""Backbone features for head-only training, computed once and kept on disk.

Training only the last layer on a frozen, pre-trained backbone needs the backbone's pooled
features of every image, once. They are cached under ``user_cache_dir()/features`` (or the
caller's folder), keyed by

* the **file content** (a BLAKE2 hash of the bytes, so renaming or moving a folder keeps the cache,
  and an edited picture is extracted again),
* the **model** (a hash of the weights file, or the seed of a random init) and
* the **preprocessing** (sizes and normalisation),

so a second training run with other settings on the same pictures starts at once. Hashing reads
every file, so the hashes themselves are remembered by (path, size, modification time, inode,
change time): tools that restore a file's times (backups, sync) cannot restore its inode or its
change time, which the system sets on every write, so a changed picture is always hashed again.

The cache is a speed-up, never a source of truth: every row of a chunk file carries a checksum
bound to the digest it is filed under, checked whenever it is read; a row that does not match
discards its file, whose features are extracted again. Index and header sizes are checked
before anything is read. A cache folder that cannot be written (read-only, full) makes a run
slower, never fail: the features of that run stay in memory.

Memory stays bounded however many pictures there are: new features go to the cache as they are
extracted (one atomically written chunk file every few tens of MB), and a training's features are
held in memory only when they fit a budget (half the available memory, or
``RESNET_STUDIO_FEATURE_RAM_MB``); otherwise they are copied, in training order, into one file
that is memory-mapped and read a chunk at a time (:class:`FeatureSet`). A cache file found cut
short or garbled is deleted and its features are extracted again.

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
import stat
import tempfile
import threading
import time
import uuid
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .backends import NOT_FINITE_MESSAGE
from .errors import CancelledError, ImageReadError, ModelOutputError, OutputWriteError
from .fileio import atomic_write
from .images import MAX_FILE_BYTES, Preprocess

log = logging.getLogger(__name__)

#: Bump when the way features are computed changes, so old caches are not reused.
FEATURE_VERSION = 1
#: On the CPU, ONNX Runtime is used when at least this many images need extracting: the one-time
#: export (a few seconds, then cached) must be repaid by its faster forward pass.
ORT_MIN_IMAGES = 300
_DIGEST_INDEX = "file-digests.json"
_MAX_CHUNKS = 8
#: A chunk header lists every row's digest and checksum (about 55 bytes a row): the most a chunk of
#: ``_MAX_CHUNK_ROWS`` needs, and what the safetensors library itself accepts. Checked before reading.
_HEADER_LIMIT = 100_000_000
#: ``file-digests.json`` above this (about two million pictures' worth) is not read but rebuilt.
_INDEX_LIMIT = 256 << 20
#: No file bigger than this is hashed: more than any picture the app decodes (MAX_PIXELS at
#: 16 bytes a pixel) or any ResNet weights file.
_MAX_HASH_BYTES = MAX_FILE_BYTES  # the largest file open_image takes for a picture
_SUM_HEX = 16  # a row checksum: 8 bytes of BLAKE2b, in hex
#: Chunks are merged up to this many rows, so their header stays within what the safetensors
#: library itself accepts (100 MB).
_MAX_CHUNK_ROWS = 1_000_000
#: Environment variable: the memory (MB) head-mode features may take before they are streamed from
#: disk instead; unset, half of the memory available when training starts.
RAM_BUDGET_ENV = "RESNET_STUDIO_FEATURE_RAM_MB"
_RAM_SHARE = 0.5
_FALLBACK_BUDGET = 1 << 30  # when the system does not say how much memory is free
#: Streamed features are read a quarter of the budget at a time (two pieces are in memory while
#: the next one is read ahead), at most this much: bigger reads are no faster.
_MAX_STREAM_CHUNK = 64 << 20
#: During extraction new features go to the cache every this many bytes (so memory stays flat).
_FLUSH_BYTES = 32 << 20
_ATTEMPTS = 3  # a damaged cache file is deleted and its features extracted again, this many times

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


_NOT_REGULAR = "This is not a normal file (it is a device or a pipe), not an image."
_TOO_BIG = "This file is far too big to be a picture."  # as images.open_image says it


class _Unfit(Exception):
    """A path that must not be read: not a regular file, or bigger than allowed."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(details or message)
        self.message = message


def _open_regular(path: Path, limit: int):
    """``(file, stat)`` of ``path`` opened for reading, when it is a regular file of at most
    ``limit`` bytes; else ``_Unfit``. Opened without waiting (a pipe would block ``open``) and
    checked on the open file, so what is read is what was checked."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _Unfit(_NOT_REGULAR, f"{path}: mode {st.st_mode:o}")
        if st.st_size > limit:
            raise _Unfit(_TOO_BIG, f"{path}: {st.st_size} bytes, limit {limit}")
        return os.fdopen(fd, "rb", buffering=0), st
    except BaseException:
        os.close(fd)
        raise


def _hash_file(path: Path) -> tuple[str, os.stat_result]:
    """BLAKE2b of ``path``'s content and its stat taken before reading (a change during the read
    then shows as a new stat next time); ``_Unfit`` for a non-regular or too big file."""
    fh, st = _open_regular(path, _MAX_HASH_BYTES)
    h = hashlib.blake2b(digest_size=16)
    total = 0
    with fh:
        buf = bytearray(1 << 20)
        view = memoryview(buf)
        while k := fh.readinto(buf):
            total += k
            if total > _MAX_HASH_BYTES:  # grew while being read
                raise _Unfit(_TOO_BIG, f"{path}: grew past {_MAX_HASH_BYTES} bytes")
            h.update(view[:k])
    return h.hexdigest(), st


def _stamp(st: os.stat_result) -> list[int]:
    """What must be unchanged for a remembered digest to be trusted. Size and modification time
    alone are not enough: copying tools restore them. The inode (a new file is a new inode) and
    the change time (set by the system on every write, rename or ``utime``, and settable by no
    program) are not restored."""
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _read_json_bounded(path: Path, limit: int):
    """The JSON in ``path`` when it is a regular file of at most ``limit`` bytes; ``None`` when it
    does not exist; ``_Unfit`` or ``ValueError`` when it must be rebuilt."""
    try:
        fh, _ = _open_regular(path, limit)
    except FileNotFoundError:
        return None
    with fh:
        raw = fh.read(limit + 1)
    if len(raw) > limit:
        raise _Unfit(_TOO_BIG, f"{path}: grew past {limit} bytes")
    try:
        return json.loads(raw)
    except RecursionError as exc:  # nested deeper than any index we write
        raise ValueError("nested too deeply") from exc


class DigestIndex:
    """File content hashes, remembered by absolute path and :func:`_stamp` (size, modification
    time, change time, inode)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / _DIGEST_INDEX
        self._lock = threading.Lock()
        self._changed = False
        entries = None
        try:
            entries = _read_json_bounded(self.path, _INDEX_LIMIT)
        except (OSError, ValueError, UnicodeDecodeError, _Unfit) as exc:
            log.info("feature cache: %s is ignored and rebuilt (%s)", self.path, exc)
            self._changed = True  # replace it, even when no picture is new
        if not isinstance(entries, dict):
            self._changed = entries is not None
            entries = {}
        self._entries: dict[str, list] = entries

    def digest(self, path: os.PathLike | str) -> str:
        """Content hash of ``path``; raises ``ImageReadError`` when the file cannot be read, is
        not a regular file (a pipe, a device) or is too big."""
        p = Path(path)
        key = os.path.abspath(p)
        try:
            st = os.stat(p)
        except (OSError, ValueError) as exc:
            raise ImageReadError(p, "This file could not be read (it was moved or deleted).", details=repr(exc)) from exc
        if not stat.S_ISREG(st.st_mode):
            raise ImageReadError(p, _NOT_REGULAR, details=f"mode {st.st_mode:o}")
        with self._lock:
            hit = self._entries.get(key)
        stamp = _stamp(st)
        if isinstance(hit, list) and len(hit) == 5 and hit[:4] == stamp and isinstance(hit[4], str):
            return hit[4]
        try:
            value, _ = _hash_file(p)
        except _Unfit as exc:
            raise ImageReadError(p, exc.message, details=str(exc)) from exc
        except OSError as exc:
            raise ImageReadError(p, "This file could not be read.", details=repr(exc)) from exc
        with self._lock:
            # the stamp from before reading, made the way lookups make it: a change while the file
            # was read shows as a new change time next time
            self._entries[key] = [*stamp, value]
            self._changed = True
        return value

    def digests(self, paths: Sequence[os.PathLike | str], *, workers: int | None = None) -> list[str | None]:
        """Hashes of ``paths`` (``None`` where a file cannot be read), hashed in threads."""
        return self.digests_and_reasons(paths, workers=workers)[0]

    def digests_and_reasons(self, paths: Sequence[os.PathLike | str], *, workers: int | None = None
                            ) -> tuple[list[str | None], dict[int, str]]:
        """:meth:`digests`, and why each file that has none could not be read (by position)."""

        def one(p):
            try:
                return self.digest(p)
            except ImageReadError as exc:
                return exc

        with ThreadPoolExecutor(max_workers=workers or default_workers()) as pool:
            results = list(pool.map(one, paths))
        reasons = {i: r.message for i, r in enumerate(results) if isinstance(r, ImageReadError)}
        return [None if isinstance(r, ImageReadError) else r for r in results], reasons

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


class _DamagedChunk(Exception):
    """A cache file that cannot be what it claims (cut short, garbled, unreadable numbers)."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path.name}: {why}")
        self.path = path


@dataclass
class _Chunk:
    """One cache file: a safetensors file holding ``features`` (rows × dim, float32 little-endian)
    and, in its metadata, the content digest and a checksum of each row. ``path`` None: features
    of this run held in memory (``data``) because the cache could not be written."""

    path: Path | None
    keys: list[str]
    dim: int
    data_offset: int  # byte position of row 0
    sums: np.ndarray | None = None  # one checksum a row (uint64), see _row_sums
    data: np.ndarray | None = None

    @property
    def rows(self) -> int:
        return len(self.keys)


def _row_sums(keys: Sequence[str], rows: np.ndarray) -> np.ndarray:
    """A checksum of each row bound to the digest it is filed under, so a row garbled, or moved
    to another row's place, is noticed when it is read."""
    rows = np.ascontiguousarray(rows, dtype="<f4")
    sums = []
    for key, row in zip(keys, rows):
        h = hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=_SUM_HEX // 2)
        h.update(row)
        sums.append(h.digest())
    return np.frombuffer(b"".join(sums), dtype="<u8")


def _open_chunk(path: Path):
    """A chunk file opened for reading; ``_DamagedChunk`` when it is no regular file or unreadable
    (``FileNotFoundError`` passes: another program merged it away, the cache is read again)."""
    try:
        return _open_regular(path, 1 << 62)
    except _Unfit as exc:
        raise _DamagedChunk(path, "not a regular file") from exc
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _DamagedChunk(path, f"unreadable ({exc})") from exc


def _read_chunk(path: Path) -> _Chunk:
    """The header of a cache file, checked against the file's size; ``_DamagedChunk`` if wrong.

    The safetensors layout is read here rather than through the library so the numbers can be
    memory-mapped or read in pieces, never all at once. The header's length is checked before it
    is read.
    """
    try:
        fh, st = _open_chunk(path)
    except FileNotFoundError as exc:
        raise _DamagedChunk(path, "gone") from exc
    size = st.st_size
    try:
        with fh:
            head = fh.read(8)
            if len(head) < 8:
                raise _DamagedChunk(path, "cut short")
            hlen = int.from_bytes(head, "little")
            if not 2 <= hlen <= min(_HEADER_LIMIT, size - 8):
                raise _DamagedChunk(path, "bad header length")
            raw = fh.read(hlen)
        header = json.loads(raw)
        info = header["features"]
        n, dim = (int(v) for v in info["shape"])
        begin, end = (int(v) for v in info["data_offsets"])
        meta = header["__metadata__"]
        keys = json.loads(meta["digests"])
        sums_hex = meta.get("row_sums")
    except _DamagedChunk:
        raise
    except OSError as exc:
        raise _DamagedChunk(path, f"unreadable ({exc})") from exc
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:  # JSON, shapes, fields
        raise _DamagedChunk(path, f"bad header ({exc!r})") from exc
    if info.get("dtype") != "F32" or n < 0 or dim <= 0 or begin != 0 or end != n * dim * 4:
        raise _DamagedChunk(path, "unexpected layout")
    if not isinstance(keys, list) or len(keys) != n or not all(isinstance(k, str) for k in keys):
        raise _DamagedChunk(path, "digests do not match the rows")
    if not isinstance(sums_hex, str) or len(sums_hex) != n * _SUM_HEX:
        raise _DamagedChunk(path, "no checksum for every row (written by an older version?)")
    try:
        sums = np.frombuffer(bytes.fromhex(sums_hex), dtype="<u8")
    except ValueError as exc:
        raise _DamagedChunk(path, "garbled checksums") from exc
    if 8 + hlen + end != size:
        raise _DamagedChunk(path, f"size {size} instead of {8 + hlen + end} (cut short?)")
    return _Chunk(path, keys, dim, 8 + hlen, sums=sums)


def _chunk_header(keys: list[str], dim: int, sums_hex: str) -> bytes:
    n = len(keys)
    header = {
        "__metadata__": {"digests": json.dumps(keys), "row_sums": sums_hex},
        "features": {"dtype": "F32", "shape": [n, dim], "data_offsets": [0, n * dim * 4]},
    }
    raw = json.dumps(header, separators=(",", ":")).encode()
    return raw + b" " * (-len(raw) % 8)  # safetensors pads the header so the numbers start aligned


def _write_chunk(target: Path, keys: Sequence[str], dim: int, blocks: Iterable[np.ndarray]) -> None:
    """Write ``blocks`` (consecutive rows, ``len(keys)`` in all) as a safetensors cache file,
    block by block (never the whole array in memory), atomically.

    The row checksums are only known once every block is written, so the header is written first
    with placeholders of the same width and written again at the end.
    """
    keys = list(keys)
    n = len(keys)
    placeholder = _chunk_header(keys, dim, "0" * (n * _SUM_HEX))
    sums = np.empty(n, "<u8")
    with atomic_write(target, "wb") as fh:
        fh.write(len(placeholder).to_bytes(8, "little"))
        fh.write(placeholder)
        written = 0
        for block in blocks:
            block = np.ascontiguousarray(block, dtype="<f4")
            if block.ndim != 2 or block.shape[1] != dim or written + len(block) > n:
                raise ValueError(f"feature block of shape {block.shape} does not fit {n}x{dim}")
            sums[written:written + len(block)] = _row_sums(keys[written:written + len(block)], block)
            fh.write(memoryview(block).cast("B"))
            written += len(block)
        if written != n:
            raise ValueError(f"{written} feature rows written instead of {n}")
        final = _chunk_header(keys, dim, sums.tobytes().hex())
        if len(final) != len(placeholder):  # cannot happen: fixed-width hex
            raise ValueError("chunk header changed length")
        fh.seek(8)
        fh.write(final)


def _read_into(fh, out: np.ndarray, offset: int) -> bool:
    """Fill ``out`` (C-contiguous) from byte ``offset`` of ``fh``; False when the file ends first.

    Plain reads, not a memory map: the bytes pass through the page cache, which the system can
    drop at any time, instead of staying in this process's resident memory.
    """
    view = memoryview(out).cast("B")
    fh.seek(offset)
    got = 0
    while got < len(view):
        k = fh.readinto(view[got:])
        if not k:
            return False
        got += k
    return True


class _Catalog:
    """Where each cached feature is: digest → chunk number << 32 | row (ints, not tuples: a
    catalog of a million features must stay small)."""

    def __init__(self, chunks: list[_Chunk]) -> None:
        self.chunks = chunks
        self.dim = chunks[0].dim if chunks else 0
        self.where: dict[str, int] = {}
        for c, chunk in enumerate(chunks):
            self.where.update(zip(chunk.keys, range(c << 32, (c << 32) + chunk.rows)))

    def __contains__(self, key: str) -> bool:
        return key in self.where

    def iter_rows(self, locs: Sequence[int], block_rows: int) -> Iterator[np.ndarray]:
        """The rows at ``locs`` (catalog positions), in order, in blocks of at most ``block_rows``.

        Consecutive rows of a chunk are read in one go; each row read from a file is checked
        against its checksum (``_DamagedChunk`` when one does not match). A block is only valid
        until the next one is asked for (one buffer is reused).
        """
        block_rows = max(1, int(block_rows))
        row_bytes = self.dim * 4
        out = np.empty((min(block_rows, max(1, len(locs))), self.dim), np.float32)
        handles: dict[int, object] = {}
        try:
            fill, i, n = 0, 0, len(locs)
            while i < n:
                first = locs[i]
                j = i + 1
                room = len(out) - fill
                while j < n and j - i < room and locs[j] == locs[j - 1] + 1:
                    j += 1
                c, r = first >> 32, first & 0xFFFFFFFF
                chunk = self.chunks[c]
                piece = out[fill:fill + (j - i)]
                if chunk.data is not None:
                    piece[...] = chunk.data[r:r + (j - i)]
                else:
                    self._read_checked(chunk, handles, c, r, piece, row_bytes)
                fill += j - i
                i = j
                if fill == len(out):
                    yield out
                    fill = 0
            if fill:
                yield out[:fill]
        finally:
            for fh in handles.values():
                fh.close()

    @staticmethod
    def _read_checked(chunk: _Chunk, handles: dict, c: int, r: int, piece: np.ndarray, row_bytes: int) -> None:
        fh = handles.get(c)
        if fh is None:
            fh = handles[c] = _open_chunk(chunk.path)[0]
        if not _read_into(fh, piece, chunk.data_offset + r * row_bytes):
            raise _DamagedChunk(chunk.path, "cut short")
        if not np.array_equal(_row_sums(chunk.keys[r:r + len(piece)], piece), chunk.sums[r:r + len(piece)]):
            raise _DamagedChunk(chunk.path, "rows do not match their checksums")


class FeatureStore:
    """Features of one backbone + preprocessing, by content digest, in append-only chunk files.

    Each write adds one ``.safetensors`` chunk (written atomically), so a cancelled or crashed run
    never damages what was cached before; many chunks are merged into one. A chunk found damaged
    (cut short, garbled, rows that do not match their checksums) is deleted, or ignored when it
    cannot be deleted, and its features are simply extracted again. When the folder cannot be
    written (read-only, full disk), new features stay in memory for this store's life.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.writable = True
        self._memory: list[_Chunk] = []  # features that could not be written
        self._ignored: set[Path] = set()  # damaged chunks that could not be deleted

    def _chunks(self) -> list[Path]:
        try:
            found = sorted(self.folder.glob("chunk-*.safetensors"))
        except OSError:
            return []
        return [p for p in found if p not in self._ignored]

    def _new_chunk_path(self) -> Path:
        # named by time, so the sorted names are the order of writing (a later copy of a feature
        # wins, and a merged file keeps the order the features were added in)
        return self.folder / f"chunk-{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.safetensors"

    def open(self, *, memory: bool = True) -> _Catalog:
        """The catalog of the readable chunks (headers only: no feature is read), then, with
        ``memory``, the features held in memory (they are newer)."""
        chunks: list[_Chunk] = []
        for path in self._chunks():
            try:
                chunk = _read_chunk(path)
                if chunks and chunk.dim != chunks[0].dim:
                    raise _DamagedChunk(path, f"{chunk.dim} numbers per row instead of {chunks[0].dim}")
            except _DamagedChunk as exc:
                self.discard(exc)
                continue
            if chunk.rows:
                chunks.append(chunk)
        if memory:
            chunks += [m for m in self._memory if not chunks or m.dim == chunks[0].dim]
        return _Catalog(chunks)

    def discard(self, exc: _DamagedChunk) -> None:
        """Forget a damaged chunk: its features will be extracted again."""
        log.warning("feature cache: ignoring damaged file %s", exc)
        self._ignored.add(exc.path)  # never read again, even when it cannot be deleted
        try:
            exc.path.unlink(missing_ok=True)
        except OSError as err:  # read-only folder, or still mapped on Windows
            log.info("could not delete %s: %s", exc.path, err)

    def load(self) -> dict[str, np.ndarray]:
        """Every cached feature, in memory (for small caches; training reads through the catalog)."""
        catalog = self.open()
        keys = list(catalog.where)
        rows = [block.copy() for block in catalog.iter_rows([catalog.where[k] for k in keys], 4096)]
        flat = np.concatenate(rows) if rows else np.zeros((0, catalog.dim), np.float32)
        return dict(zip(keys, flat))

    def add(self, features: dict[str, np.ndarray], *, compact: bool = True) -> None:
        """One new chunk with ``features``; then, with ``compact``, merge when there are many.
        When the chunk cannot be written they are kept in memory instead (a note is logged)."""
        if not features:
            return
        keys = list(features)
        block = np.stack([features[k] for k in keys]).astype(np.float32, copy=False)
        if self.writable:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                _write_chunk(self._new_chunk_path(), keys, block.shape[1], [block])
            except (OSError, OutputWriteError) as exc:
                self._cannot_write(exc)
            else:
                if compact:
                    self.compact()
                return
        self._memory.append(_Chunk(None, keys, block.shape[1], 0, data=block))

    def _cannot_write(self, exc: Exception) -> None:
        self.writable = False
        log.warning("feature cache: %s cannot be written (%s); the features of this run are kept "
                    "in memory instead, and extracted again next time", self.folder, exc)

    def compact(self, block_rows: int = 8192) -> None:
        """Merge the chunks into one when there are more than a few, streaming (bounded memory);
        chunks that are already big are left as they are."""
        if not self.writable or len(self._chunks()) <= _MAX_CHUNKS:
            return
        catalog = self.open(memory=False)
        picked, rows = [], 0
        for c in sorted(range(len(catalog.chunks)), key=lambda c: catalog.chunks[c].rows):
            if rows + catalog.chunks[c].rows > _MAX_CHUNK_ROWS:
                break
            picked.append(c)
            rows += catalog.chunks[c].rows
        if len(picked) < 2:
            return
        picked.sort()  # in the order written: a later copy of a feature wins, as in the catalog
        old = [catalog.chunks[c].path for c in picked]
        merged: dict[str, int] = {}
        for c in picked:
            base = c << 32
            merged.update(zip(catalog.chunks[c].keys, range(base, base + catalog.chunks[c].rows)))
        keys = list(merged)
        locs = list(merged.values())
        try:
            _write_chunk(self._new_chunk_path(), keys, catalog.dim,
                         catalog.iter_rows(locs, block_rows))
        except _DamagedChunk as exc:  # merge next time, without the damaged file
            self.discard(exc)
            return
        except OutputWriteError as exc:  # full disk: the chunks stay as they are
            self._cannot_write(exc)
            return
        for path in old:
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:  # still open elsewhere (Windows): a duplicate is harmless
                log.info("could not delete %s: %s", path, exc)


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
    ram_budget: int | None = None,
    load: bool = True,
) -> FeatureSet:
    """Features of ``paths`` from the cache, extracting (and caching) the missing ones.

    ``model``: the network whose backbone gives the features (its ``fc`` is ignored). ``key``:
    :func:`model_key` of that backbone and ``preprocess``. ``ram_budget``: bytes the features may
    take in memory (default :func:`feature_ram_budget`); beyond it they are streamed from disk.
    New features go to the cache as they are extracted, so memory stays flat. Raises
    :class:`CancelledError` when ``cancel`` is set (features extracted so far are kept in the
    cache). A damaged cache file is deleted and its features are extracted again.
    ``load=False``: only make sure they are cached (``features`` is then empty; ``ok``,
    ``skipped`` and the counts are as usual), e.g. one process's share under torchrun.
    """
    index = DigestIndex(cache_dir)
    digests, unreadable = index.digests_and_reasons(paths, workers=workers)
    index.save()
    store = FeatureStore(cache_dir / key)
    budget = feature_ram_budget() if ram_budget is None else max(0, int(ram_budget))
    state: dict = {"extracted": 0, "hits": 0, "backend": "cache", "cached": set()}

    def attempt(number: int) -> FeatureSet:
        catalog = store.open()
        skipped: list[tuple[str, str]] = []
        todo: dict[str, int] = {}  # digest → first position needing it (duplicates extracted once)
        for i, d in enumerate(digests):
            if d is None:
                skipped.append((str(paths[i]), unreadable.get(i, "This file could not be read.")))
            elif d not in catalog and d not in todo:
                todo[d] = i
        if number == 0:
            state["cached"] = {d for d in digests if d is not None and d in catalog}
        # features of a damaged file, extracted again on a retry, were no hits after all
        cached = state["cached"]
        state["hits"] = sum(1 for d in digests if d in cached and d not in todo)
        failed: set[str] = set()
        if todo:
            count, state["backend"] = _extract(
                model, paths, digests, list(todo.values()), preprocess, store, failed, skipped,
                device=device, batch_size=batch_size, backend=backend, workers=workers, progress=progress,
                cancel=cancel, flush_bytes=min(_FLUSH_BYTES, budget // 4), dim=catalog.dim)
            state["extracted"] += count
            store.compact()
            catalog = store.open()
        ok: list[int] = []
        for i, d in enumerate(digests):
            if d is None:
                continue
            if d in failed:
                if todo.get(d) != i:  # a duplicate of an unreadable file: report it too
                    skipped.append((str(paths[i]), "This file could not be read."))
                continue
            ok.append(i)
        skipped.sort(key=lambda s: s[0])
        if not load:
            return FeatureSet(np.zeros((0, catalog.dim), np.float32), ok, skipped, cache_hits=state["hits"],
                              extracted=state["extracted"], backend=state["backend"])
        return _assemble(store, catalog, [digests[i] for i in ok], budget, ok=ok, skipped=skipped,
                         cache_hits=state["hits"], extracted=state["extracted"], backend=state["backend"])

    return _with_retries(store, attempt)


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
                feats = extractor(batch.arrays)
                if not np.isfinite(feats).all():  # cached, they would poison every later run
                    raise ModelOutputError(
                        NOT_FINITE_MESSAGE,
                        details=f"non-finite backbone features for {paths[order[batch.indices[0]]]}")
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


def file_digest(path: os.PathLike | str, cache_dir: Path) -> str:
    """Content hash of one file (e.g. a weights file), remembered in ``cache_dir``'s index."""
    index = DigestIndex(cache_dir)
    d = index.digest(path)
    index.save()
    return d
