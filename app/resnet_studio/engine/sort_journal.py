"""The journal of a sort into folders, and its undo.

Every file operation of a sort (:mod:`sort_by_prediction`) is written to a journal in the
destination *before* it happens, and flushed to the disk: whatever stops the process (SIGKILL, a
power cut, a full disk), the journal names every file that may have moved. Undo does not trust
"done" marks; it looks at the disk for each entry, newest first, and puts back what it finds:

* a moved picture that is at its new place and not at its old one goes back (without ever
  replacing a file), byte for byte;
* a picture found at both places with the same content (the move stopped between "link the new
  name" and "remove the old one") loses its new name;
* a copy is removed only while it still has the content the journal recorded (a copy the user
  changed afterwards is kept and named);
* a half-written temporary file is removed.

Journals live in ``DST/.resnet-studio-sort/`` (``<run>.jsonl``); an undone journal is renamed to
``<run>.undone.jsonl``, so undo run twice finds nothing the second time.
"""

from __future__ import annotations

import errno
import filecmp
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .fileio import CANNOT_LINK
from .errors import SortError

JOURNAL_DIR = ".resnet-studio-sort"
_VERSION = 1
#: Journals bigger than this are not read (a sort of 10,000 pictures writes about 4 MB).
_MAX_JOURNAL_BYTES = 256 * 1024 * 1024
ProgressFn = Callable[[int, int], None]


def journal_dir(dst: os.PathLike | str) -> Path:
    return Path(dst) / JOURNAL_DIR


def _fsync_dir(folder: Path) -> None:
    # A new name is durable only once its folder is flushed too (POSIX); Windows cannot open folders.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Journal:
    """Appends a sort's operations to ``DST/.resnet-studio-sort/<run>.jsonl``, each one flushed to
    the disk before the caller performs it."""

    def __init__(self, dst: Path, mode: str) -> None:
        folder = journal_dir(dst)
        folder.mkdir(parents=True, exist_ok=True)
        run = time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}"
        self.path = folder / f"{run}.jsonl"
        self._file = open(self.path, "x", encoding="utf-8")
        self._n = 0
        self.write({"kind": "resnet-studio-sort", "version": _VERSION, "mode": mode, "started": time.time()})
        _fsync_dir(folder)

    def write(self, record: dict, *, sync: bool = True) -> None:
        # flush(): the record survives a killed process; fsync(): a power cut too.
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._file.flush()
        if sync:
            self.sync()

    def sync(self) -> None:
        os.fsync(self._file.fileno())

    def intend(self, op: str, src: Path, target: Path, tmp: Path | None, size: int, mtime_ns: int,
               *, sync: bool = True) -> int:
        """Record an operation about to happen; returns its number. ``sync=False`` for a batch
        whose records the caller flushes with :meth:`sync` before performing any of them."""
        self._n += 1
        self.write({"i": self._n, "op": op, "src": str(src), "dst": str(target),
                    "tmp": str(tmp) if tmp else None, "size": size, "mtime_ns": mtime_ns}, sync=sync)
        return self._n

    def made_folder(self, folder: Path) -> None:
        self.write({"mkdir": str(folder)}, sync=False)  # an empty folder left behind loses nothing

    def close(self, *, finished: bool) -> None:
        if not self._file.closed:
            try:
                self.write({"finished": finished, "ended": time.time()})
            except OSError:
                pass  # a full disk: the operations are recorded, the end mark is a nicety
            self._file.close()


@dataclass
class UndoReport:
    """What an undo did. ``restored``: (new place, original place); ``removed``: copies deleted;
    ``kept``: (path, reason) left alone, because removing them could lose something."""

    restored: list[tuple[Path, Path]] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    kept: list[tuple[Path, str]] = field(default_factory=list)
    journals: int = 0

    @property
    def nothing_to_undo(self) -> bool:
        return self.journals == 0

    def to_dict(self) -> dict:
        return {
            "journals": self.journals,
            "restored": [{"from": str(a), "to": str(b)} for a, b in self.restored],
            "removed": [str(p) for p in self.removed],
            "kept": [{"path": str(p), "reason": r} for p, r in self.kept],
        }


def _records(path: Path) -> Iterator[dict]:
    if path.stat().st_size > _MAX_JOURNAL_BYTES:
        raise SortError("The sort's record in this folder is far too large to be one; it was not used.",
                        details=str(path))
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                rec = json.loads(line)
            except ValueError:
                continue  # the last line of a journal cut off by a kill
            if isinstance(rec, dict):
                yield rec


def pending_journals(dst: os.PathLike | str) -> list[Path]:
    """Journals of sorts into ``dst`` that were not undone, newest first."""
    folder = journal_dir(dst)
    try:
        names = [p for p in folder.iterdir() if p.name.endswith(".jsonl") and not p.name.endswith(".undone.jsonl")]
    except OSError:
        return []
    return sorted(names, key=lambda p: p.name, reverse=True)


def _exists(p: Path) -> bool:
    return os.path.lexists(p)


def _unchanged(path: Path, rec: dict) -> bool:
    """Still the picture the sort placed: same size and modification time (placing keeps both;
    an edit changes them)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return st.st_size == int(rec.get("size", -1)) and st.st_mtime_ns == int(rec.get("mtime_ns", -1))


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b) or filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def _put_back(current: Path, original: Path) -> None:
    """Move ``current`` to ``original`` without ever replacing a file there; byte for byte."""
    original.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(current, original)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in CANNOT_LINK:
            raise
        from .sort_by_prediction import copy_via_temp

        copy_via_temp(current, original)
        if not filecmp.cmp(current, original, shallow=False):
            os.unlink(original)
            raise OSError(errno.EIO, "the copy put back differs from the picture") from exc
    os.unlink(current)


def _undo_entry(rec: dict, report: UndoReport) -> None:
    src, target = Path(rec["src"]), Path(rec["dst"])
    tmp = Path(rec["tmp"]) if rec.get("tmp") else None
    if tmp is not None and _exists(tmp):
        tmp.unlink()  # a temporary copy is never the only copy of anything
    if not _exists(target):
        return  # never happened, or already undone
    if rec.get("op") == "copy":
        # The source is never touched by a copy: the copy goes when it still equals it.
        if _unchanged(target, rec) and (not _exists(src) or _same_bytes(src, target)):
            target.unlink()
            report.removed.append(target)
        else:
            report.kept.append((target, "changed since it was copied"))
        return
    if _exists(src):
        if _same_bytes(src, target):
            target.unlink()  # the move stopped after the new name was made: the original is there
            report.restored.append((target, src))
        else:
            report.kept.append((target, f"a different file is now at {src}"))
        return
    if not _unchanged(target, rec):
        report.kept.append((target, "changed since it was moved; put it back by hand if you want to"))
        return
    _put_back(target, src)
    report.restored.append((target, src))


def undo_sort(dst: os.PathLike | str, *, progress: ProgressFn | None = None) -> UndoReport:
    """Undo every sort into ``dst`` that was not undone yet (newest first). Safe to run again, and
    after a sort that was killed part-way."""
    dst = Path(dst)
    report = UndoReport()
    if not dst.is_dir():
        raise SortError(f"There is no folder {dst.name} to undo a sort in.", details=str(dst))
    if not journal_dir(dst).is_dir():
        return report  # never sorted into: no record folder is made just to find that out
    from .sort_by_prediction import destination_lock

    with destination_lock(dst):
        journals = pending_journals(dst)
        for journal in journals:
            records = list(_records(journal))
            entries = [r for r in records if "op" in r and "src" in r and "dst" in r]
            for n, rec in enumerate(reversed(entries), 1):
                try:
                    _undo_entry(rec, report)
                except OSError as exc:
                    report.kept.append((Path(rec["dst"]), f"could not be put back: {exc.strerror or exc}"))
                if progress is not None:
                    progress(n, len(entries))
            for rec in reversed(records):
                if "made" in rec:  # the sort's own report
                    try:
                        os.unlink(rec["made"])
                    except OSError:
                        pass
                if "mkdir" in rec:
                    try:
                        os.rmdir(rec["mkdir"])  # only when empty: a folder holding anything stays
                    except OSError:
                        pass
            journal.rename(journal.with_name(journal.name[: -len(".jsonl")] + ".undone.jsonl"))
            report.journals += 1
    return report
