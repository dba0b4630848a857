"""Content digests of files, remembered on disk: the keys of the feature cache.

Features are filed under a BLAKE2 hash of each picture's bytes (so renaming or moving a folder
keeps the cache, and an edited picture is extracted again). Hashing reads every file, so the
hashes themselves are remembered in ``file-digests.json`` by (path, size, modification time,
inode, change time): tools that restore a file's times (backups, sync) cannot restore its inode or
its change time, which the system sets on every write, so a changed picture is always hashed
again. Only regular files of a bounded size are read (never a pipe or a device). Part of the
feature cache described in :mod:`.features`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .errors import ImageReadError
from .fileio import FileTooLarge, NotARegularFile, atomic_write, open_regular
from .images import MAX_FILE_BYTES

log = logging.getLogger(__name__)

_DIGEST_INDEX = "file-digests.json"
#: ``file-digests.json`` above this (about two million pictures' worth) is not read but rebuilt.
_INDEX_LIMIT = 256 << 20
#: No file bigger than this is hashed: more than any picture the app decodes (MAX_PIXELS at
#: 16 bytes a pixel) or any ResNet weights file.
_MAX_HASH_BYTES = MAX_FILE_BYTES  # the largest file open_image takes for a picture


# (shared by hashing here and decoding in feature_extraction)
def default_workers() -> int:
    """Decoding threads: one per core, at most 4 (decoding is a small part of the work)."""
    return max(1, min(4, os.cpu_count() or 1))


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
    ``limit`` bytes; else ``_Unfit`` (see :func:`fileio.open_regular`)."""
    try:
        return open_regular(path, limit)
    except NotARegularFile as exc:
        raise _Unfit(_NOT_REGULAR, str(exc)) from None
    except FileTooLarge as exc:
        raise _Unfit(_TOO_BIG, str(exc)) from None


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


def file_digest(path: os.PathLike | str, cache_dir: Path) -> str:
    """Content hash of one file (e.g. a weights file), remembered in ``cache_dir``'s index."""
    index = DigestIndex(cache_dir)
    d = index.digest(path)
    index.save()
    return d
