"""The on-disk feature cache of one backbone + preprocessing: chunk files, catalog, store.

Features are kept by content digest (:mod:`.feature_digests`) in append-only safetensors chunk
files under a folder named by :func:`model_key`. The cache is a speed-up, never a source of
truth: every row of a chunk file carries a checksum bound to the digest it is filed under,
checked whenever it is read; a row that does not match discards its file, whose features are
extracted again. Header sizes are checked before anything is read. A cache folder that cannot be
written (read-only, full) makes a run slower, never fail: the features of that run stay in
memory. Part of the feature cache described in :mod:`.features`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import OutputWriteError
from .feature_digests import _open_regular, _Unfit
from .fileio import atomic_write
from .images import Preprocess

log = logging.getLogger(__name__)

#: Bump when the way features are computed changes, so old caches are not reused.
FEATURE_VERSION = 1
_MAX_CHUNKS = 8
#: A chunk header lists every row's digest and checksum (about 55 bytes a row): the most a chunk of
#: ``_MAX_CHUNK_ROWS`` needs, and what the safetensors library itself accepts. Checked before reading.
_HEADER_LIMIT = 100_000_000
_SUM_HEX = 16  # a row checksum: 8 bytes of BLAKE2b, in hex
#: Chunks are merged up to this many rows, so their header stays within what the safetensors
#: library itself accepts (100 MB).
_MAX_CHUNK_ROWS = 1_000_000


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
