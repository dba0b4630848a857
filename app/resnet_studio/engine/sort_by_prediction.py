"""Sort pictures into one folder per category by what a model says: plan, then copy or move.

:func:`plan_by_prediction` turns classification rows (``ClassifyResult.plain()``, the same rows the
CLI prints and the window shows) into a plan: each picture goes to ``DST/<category>/``, a picture
below the confidence threshold to ``DST/_unsure/``, a picture that could not be read stays where it
is. :func:`apply_sort` carries the plan out under a lock on the destination, with every operation
in a journal first (:mod:`sort_journal`, which also undoes it), and writes a CSV report of what
went where. It never overwrites a file (a name that is taken gets `` (2)``), never places a picture
twice, and in copy mode never touches the source.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import os
import re
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from .errors import CancelledError, SortError
from .fileio import CANNOT_LINK, describe_os_error
from .sort_journal import JOURNAL_DIR, Journal, journal_dir

UNSURE_FOLDER = "_unsure"
REPORT_PREFIX = "sort report"
ProgressFn = Callable[[int, int], None]

_BUSY = "Another sort is putting pictures into this folder right now. Wait for it to finish, or choose another folder."
_INSIDE = ("The destination folder is inside a folder being sorted, so sorted pictures would be sorted "
           "again. Choose a destination outside it.")
# After these, every next file would fail the same way: stop instead of listing thousands of errors.
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}
#: Operations recorded (and flushed to the disk with one fsync) before any of them is performed.
_BATCH = 64
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


# ------------------------------------------------------------------------------------------------
# Folder names for categories


def category_folders(labels: Iterable[str]) -> dict[str, str]:
    """A folder name for each category, safe on every system and distinct even where the disk
    ignores case: ``"a/b"`` → ``"a_b"``, ``".."`` → ``"_.."``, ``"CON"`` → ``"CON_"``, and
    ``"_unsure"`` (the name for pictures below the threshold) → ``"_unsure (category)"``."""
    out: dict[str, str] = {}
    taken = {UNSURE_FOLDER.casefold()}
    for label in dict.fromkeys(labels):
        name = _UNSAFE.sub("_", unicodedata.normalize("NFC", str(label))).strip().rstrip(". ")
        if not name or set(name) <= {"."}:
            name = "_" + (str(label).strip() or "unnamed").replace("/", "_").replace("\\", "_")
        if name.split(".")[0].casefold() in _WINDOWS_RESERVED:
            name += "_"
        name = name.encode("utf-8")[:200].decode("utf-8", "ignore") or "unnamed"
        if name.casefold() == UNSURE_FOLDER.casefold():
            name = f"{name} (category)"
        base, n = name, 1
        while name.casefold() in taken:
            n += 1
            name = f"{base} ({n})"
        taken.add(name.casefold())
        out[label] = name
    return out


# ------------------------------------------------------------------------------------------------
# The plan


@dataclass(frozen=True)
class Placement:
    source: Path
    folder: str  # a folder name under the destination (a category's, or UNSURE_FOLDER)
    label: str
    confidence: float


@dataclass
class SortPlan:
    placements: list[Placement] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)
    min_confidence: float = 0.0

    def counts(self) -> dict[str, int]:
        """Pictures per destination folder (the live preview of the window's threshold slider)."""
        out: dict[str, int] = {}
        for p in self.placements:
            out[p.folder] = out.get(p.folder, 0) + 1
        return out


def _file_key(path: Path) -> tuple:
    try:
        st = os.stat(path)
        return (st.st_dev, st.st_ino)
    except OSError:
        return (os.path.realpath(path),)


def plan_by_prediction(rows: Iterable[Mapping], *, min_confidence: float = 0.0) -> SortPlan:
    """Where each classified picture goes. ``rows``: plain classification rows (``path``,
    ``predictions`` as (label, score, index), ``error``). The same file given twice (two paths,
    a link) is placed once."""
    rows = list(rows)
    labels = [r["predictions"][0][0] for r in rows if not r.get("error") and r.get("predictions")]
    folders = category_folders(labels)
    plan = SortPlan(min_confidence=float(min_confidence))
    seen: set[tuple] = set()
    for r in rows:
        path = Path(r["path"])
        if r.get("error") or not r.get("predictions"):
            plan.unreadable.append((path, str(r.get("error") or "no answer")))
            continue
        key = _file_key(path)
        if key in seen:
            plan.duplicates.append(path)
            continue
        seen.add(key)
        label, score = str(r["predictions"][0][0]), float(r["predictions"][0][1])
        folder = folders[label] if score >= min_confidence else UNSURE_FOLDER
        plan.placements.append(Placement(path, folder, label, score))
    return plan


# ------------------------------------------------------------------------------------------------
# Checking the destination


def _inside(child: Path, parent: Path) -> bool:
    try:
        child.relative_to(parent)
        return True
    except ValueError:
        return False


def check_destination(dst: os.PathLike | str, sources: Iterable[os.PathLike | str]) -> Path:
    """The destination, resolved, or :class:`SortError` saying why it cannot be used."""
    dst = Path(os.path.abspath(dst))
    if dst.exists() and not dst.is_dir():
        raise SortError(f"{dst.name} is a file, not a folder. Choose a folder to sort the pictures into.", details=str(dst))
    real = Path(os.path.realpath(dst))
    for src in sources:
        s = Path(os.path.realpath(src))
        if s.is_dir() and _inside(real, s):
            raise SortError(_INSIDE, details=f"{dst} is inside {src}")
    existing = dst
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not os.access(existing, os.W_OK):
        from .fileio import on_read_only_disk

        folder = existing.name or str(existing)
        if on_read_only_disk(existing):
            raise SortError(f"The folder {folder} is on a read-only disk. Choose another destination.", details=str(existing))
        raise SortError(f"You do not have permission to write in the folder {folder}. Choose another destination.",
                        details=str(existing))
    return dst


@contextlib.contextmanager
def destination_lock(dst: Path) -> Iterator[None]:
    """One sort (or undo) at a time per destination; an OS lock, so a killed sort leaves none."""
    from filelock import FileLock, Timeout

    folder = journal_dir(dst)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SortError(f"Could not use the folder {dst.name}: {describe_os_error(exc)}.", details=f"{dst}: {exc!r}") from exc
    lock = FileLock(folder / "lock", timeout=0, is_singleton=True)
    try:
        lock.acquire()
    except Timeout as exc:
        raise SortError(_BUSY, details=str(folder / "lock")) from exc
    except OSError as exc:  # the record folder is there from an earlier sort, but now it cannot be written
        raise SortError(f"Could not use the folder {dst.name}: {describe_os_error(exc)}.",
                        details=f"{folder / 'lock'}: {exc!r}") from exc
    try:
        yield
    finally:
        lock.release()


# ------------------------------------------------------------------------------------------------
# Carrying it out


@dataclass
class SortOutcome:
    """What a sort did. ``placed``: (source, new path, folder, confidence)."""

    mode: str
    placed: list[tuple[Path, Path, str, float]] = field(default_factory=list)
    left: list[tuple[Path, str]] = field(default_factory=list)  # unreadable or failed: still at its place
    stopped: str = ""  # why the sort stopped early (full disk, cancelled), "" when it ran through
    report: Path | None = None
    journal: Path | None = None

    def to_dict(self) -> dict:
        return {
            "mode": self.mode,
            "placed": [{"source": str(s), "destination": str(d), "folder": f, "confidence": round(c, 6)}
                       for s, d, f, c in self.placed],
            "left": [{"path": str(p), "reason": r} for p, r in self.left],
            "stopped": self.stopped,
            "report": str(self.report) if self.report else None,
        }


def _free_target(folder: Path, name: str, reserved: set[Path]) -> Path:
    target = folder / name
    n = 1
    stem, suffix = Path(name).stem, Path(name).suffix
    while target in reserved or os.path.lexists(target):
        n += 1
        target = folder / f"{stem} ({n}){suffix}"
    return target


def copy_via_temp(src: Path, target: Path, *, durable: bool = True) -> None:
    """Copy ``src`` to ``target`` (which must not exist: FileExistsError) through a temporary name
    beside it, so ``target`` never holds half a picture. ``durable``: on the disk before it is
    in place (needed before an original is removed; a plain copy can skip it, its source stays)."""
    tmp = _temp_for(target)
    _copy_to(src, tmp, durable=durable)
    try:
        _link_into_place(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _temp_for(target: Path) -> Path:
    return target.with_name(f".{target.name}.sorting")


def _copy_to(src: Path, tmp: Path, *, durable: bool) -> None:
    import shutil

    try:
        shutil.copyfile(src, tmp)  # the system's fast copy (copy_file_range / sendfile / clonefile)
        shutil.copystat(src, tmp)  # the modification time too: undo recognises the copy by it
        if durable:
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _link_into_place(tmp: Path, target: Path) -> None:
    try:
        os.link(tmp, target)  # fails if target exists: never replaces a file
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in CANNOT_LINK:
            raise
        # No hard links on this disk (FAT, exFAT, some network shares): rename, checked first.
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from exc
        os.rename(tmp, target)


def _move(src: Path, target: Path) -> None:
    try:
        os.link(src, target)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in CANNOT_LINK:
            raise
        copy_via_temp(src, target, durable=True)  # another disk: copy, put in place, then remove
    os.unlink(src)


def move_into_folder(src: os.PathLike | str, folder: os.PathLike | str) -> Path:
    """Move one picture into ``folder`` (created) under its own name, or ``name (2)`` when that is
    taken, never replacing a file; byte for byte (another disk: copied, checked in place, then
    removed). Returns where it is now. Undo with :func:`move_back`."""
    src, folder = Path(src), Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for _ in range(100):
        target = _free_target(folder, src.name, set())
        try:
            _move(src, target)
            return target
        except FileExistsError:
            continue  # taken between the look and the move: the next free name
    raise FileExistsError(errno.EEXIST, "no free name", str(folder / src.name))


def move_back(current: os.PathLike | str, original: os.PathLike | str) -> None:
    """Put a picture moved by :func:`move_into_folder` back at ``original``, byte for byte.
    Raises FileExistsError when a file is there now (it is never replaced)."""
    from .sort_journal import _put_back

    _put_back(Path(current), Path(original))


def _perform(p: Placement, target: Path, move: bool) -> None:
    if move:
        _move(p.source, target)
    else:
        copy_via_temp(p.source, target, durable=False)


def _record(journal: Journal, p: Placement, target: Path, move: bool, *, sync: bool) -> None:
    st = os.stat(p.source)
    journal.intend("move" if move else "copy", p.source, target, _temp_for(target), st.st_size,
                   st.st_mtime_ns, sync=sync)


def _place_batch(journal: Journal, batch: list[Placement], dst: Path, move: bool, made: set[str],
                 outcome: "SortOutcome") -> OSError | None:
    """Record a batch of placements with one flush to the disk, then carry them out. Returns the
    error that should stop the sort (a full disk), None otherwise."""
    planned: list[tuple[Placement, Path]] = []
    reserved: set[Path] = set()
    for p in batch:
        folder = dst / p.folder
        try:
            if p.folder not in made:
                if not folder.exists():
                    journal.made_folder(folder)
                    folder.mkdir(exist_ok=True)
                made.add(p.folder)
            target = _free_target(folder, p.source.name, reserved)
            _record(journal, p, target, move, sync=False)
        except OSError as exc:
            outcome.left.append((p.source, describe_os_error(exc)))
            if exc.errno in _DISK_FULL:
                _not_sorted(outcome, [q for q, _ in planned] + batch[batch.index(p) + 1:])
                return exc
            continue
        reserved.add(target)
        planned.append((p, target))
    try:
        journal.sync()
    except OSError as exc:  # not one of the batch was performed: none is on record for sure
        _not_sorted(outcome, [q for q, _ in planned])
        return exc
    for i, (p, target) in enumerate(planned):
        try:
            while True:
                try:
                    _perform(p, target, move)
                    break
                except FileExistsError:
                    # The name was taken between looking and placing (another program): the next one.
                    target = _free_target(target.parent, p.source.name, reserved)
                    reserved.add(target)
                    _record(journal, p, target, move, sync=True)
        except OSError as exc:
            outcome.left.append((p.source, describe_os_error(exc)))
            if exc.errno in _DISK_FULL:
                _not_sorted(outcome, [q for q, _ in planned[i + 1:]])
                return exc
        else:
            outcome.placed.append((p.source, target, p.folder, p.confidence))
    return None


def _not_sorted(outcome: "SortOutcome", placements: list[Placement]) -> None:
    outcome.left.extend((q.source, "not sorted: the sort stopped") for q in placements)


def _write_report(dst: Path, outcome: SortOutcome, journal: Journal) -> Path | None:
    path = dst / f"{REPORT_PREFIX} {time.strftime('%Y-%m-%d %H%M%S')}.csv"
    try:
        journal.write({"made": str(path)})
        with open(path, "x", newline="", encoding="utf-8-sig") as f:  # BOM: Excel reads UTF-8 then
            w = csv.writer(f)
            w.writerow(["source", "destination", "folder", "confidence", "action", "reason"])
            verb = "moved" if outcome.mode == "move" else "copied"
            for s, d, folder, conf in outcome.placed:
                w.writerow([str(s), str(d), folder, f"{conf:.4f}", verb, ""])
            for s, reason in outcome.left:
                w.writerow([str(s), "", "", "", "left in place", reason])
    except OSError:
        return None  # the pictures are sorted and journalled; a report that cannot be written is no reason to fail
    return path


def apply_sort(plan: SortPlan, dst: os.PathLike | str, *, move: bool = False, sources: Iterable = (),
               progress: ProgressFn | None = None, cancel: threading.Event | None = None) -> SortOutcome:
    """Copy (or move) the planned pictures into ``dst``. Stops early on a full disk or a cancel
    (what was placed stays placed and can be undone); :class:`SortError` before anything moved
    when ``dst`` cannot be used."""
    dst = check_destination(dst, sources)
    outcome = SortOutcome(mode="move" if move else "copy")
    outcome.left.extend(plan.unreadable)
    try:
        dst.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SortError(f"Could not make the folder {dst.name}: {describe_os_error(exc)}.", details=f"{dst}: {exc!r}") from exc
    with destination_lock(dst):
        try:
            journal = Journal(dst, outcome.mode)
        except OSError as exc:
            raise SortError(f"Could not start sorting into {dst.name}: {describe_os_error(exc)}.",
                            details=f"{dst}: {exc!r}") from exc
        outcome.journal = journal.path
        made: set[str] = set()
        total = len(plan.placements)
        try:
            for start in range(0, total, _BATCH):
                if cancel is not None and cancel.is_set():
                    outcome.stopped = "cancelled"
                    outcome.left.extend((q.source, "not sorted: the sort was cancelled") for q in plan.placements[start:])
                    break
                batch = plan.placements[start:start + _BATCH]
                full = _place_batch(journal, batch, dst, move, made, outcome)
                if full is not None:
                    outcome.stopped = f"the destination disk is full or read-only ({describe_os_error(full)})"
                    outcome.left.extend((q.source, "not sorted: the sort stopped") for q in plan.placements[start + len(batch):])
                    break
                if progress is not None:
                    progress(min(total, start + len(batch)), total)
        finally:
            outcome.report = _write_report(dst, outcome, journal)
            journal.close(finished=not outcome.stopped)
    if outcome.stopped == "cancelled" and not outcome.placed:
        raise CancelledError()
    return outcome


def sorted_into(dst: os.PathLike | str) -> bool:
    """True when ``dst`` holds a sort that can be undone."""
    from .sort_journal import pending_journals

    return bool(pending_journals(dst))


__all__ = [
    "UNSURE_FOLDER", "JOURNAL_DIR", "Placement", "SortPlan", "SortOutcome", "category_folders",
    "plan_by_prediction", "check_destination", "apply_sort", "destination_lock", "sorted_into",
]
