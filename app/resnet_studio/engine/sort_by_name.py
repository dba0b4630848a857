"""Sort a flat folder of pictures into class folders by file name: plan first
(:func:`plan_sort_by_name`), then copy or move (:func:`apply_sort_plan`), never overwriting.
"""

from __future__ import annotations

import errno
import filecmp
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .dataset_tree import ProgressFn, _entry_is_dir, _folder_problem, _is_hidden, _list_dir, _skip_reason
from .errors import DatasetError
from .fileio import CANNOT_LINK, describe_os_error, write_error
from .images import picture_problem

# --------------------------------------------------------------------------------------------
# Sort a flat folder into class folders by file name
#
# Names are compared as word tokens: runs of letters (any script) or of digits, case-folded and
# Unicode-normalised (macOS stores names decomposed). A keyword matches a file when the keyword's
# tokens appear next to each other in the file name's tokens, so "cat" matches "Cat.1.jpg" and
# "my_cat_2.png" but not "category.jpg", and "british_shorthair" matches "British Shorthair 12.jpg".
# Only the files directly inside the source folder are sorted (sub-folders are not entered, so
# a destination inside the source is never sorted again).

_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def name_tokens(text: str) -> list[str]:
    """Word tokens of a name: ``"Cat_01-black"`` → ``["cat", "01", "black"]``."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text).casefold())


def _contains(tokens: list[str], sub: list[str]) -> bool:
    k = len(sub)
    return k > 0 and any(tokens[i:i + k] == sub for i in range(len(tokens) - k + 1))


def _flat_files(src: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    problem = _folder_problem(src, "Choose the folder that holds the pictures.")
    if problem:
        raise DatasetError(problem[1])
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for e in _list_dir(src):
        p = Path(e.path)
        if _is_hidden(e.name):
            skipped.append((p, "hidden (ignored)"))
        elif _entry_is_dir(e):
            skipped.append((p, "folder (not entered; only the files directly in the folder are sorted)"))
        elif (problem := picture_problem(e.path, e)) is not None:
            skipped.append((p, _skip_reason(problem)))
        else:
            files.append(p)
    return files, skipped


def _name_prefix(stem: str) -> tuple[str, ...]:
    """The words a name starts with, before its number: ``"british_shorthair_12"`` → both words."""
    tokens = name_tokens(stem)
    while tokens and tokens[0].isdigit():
        tokens.pop(0)
    out = []
    for t in tokens:
        if t.isdigit():
            break
        out.append(t)
    return tuple(out)


def propose_keywords(src: os.PathLike | str) -> list[str]:
    """Keywords proposed from the common beginnings of the image names in ``src`` (sorted).

    ``cat.1.jpg, cat.2.jpg, dog.7.jpg, dog.8.jpg`` → ``["cat", "dog"]``. Beginnings shared by at
    least two files are proposed (all beginnings when none is shared); a beginning that contains a
    shorter proposed one (``cat_black`` next to ``cat``) is dropped so the proposal never makes a
    file ambiguous.
    """
    files, _ = _flat_files(Path(src).expanduser())
    counts: dict[tuple[str, ...], int] = {}
    for p in files:
        prefix = _name_prefix(p.stem)
        if prefix:
            counts[prefix] = counts.get(prefix, 0) + 1
    shared = [k for k, v in counts.items() if v >= 2] or list(counts)
    keep = [k for k in shared if not any(o != k and _contains(list(k), list(o)) for o in shared)]
    return sorted("_".join(k) for k in keep)


@dataclass
class SortPlan:
    src: Path
    keywords: list[str]
    assignments: dict[str, list[Path]]  # keyword (= class folder name) -> files
    unmatched: list[Path]
    ambiguous: list[tuple[Path, list[str]]]  # file, keywords it matches
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # not images, hidden, folders
    proposed: bool = False  # keywords came from propose_keywords

    @property
    def num_assigned(self) -> int:
        return sum(len(v) for v in self.assignments.values())

    def to_dict(self) -> dict:
        return {
            "src": str(self.src),
            "keywords": list(self.keywords),
            "proposed": self.proposed,
            "assignments": {k: [str(p) for p in v] for k, v in self.assignments.items()},
            "unmatched": [str(p) for p in self.unmatched],
            "ambiguous": [{"path": str(p), "keywords": list(k)} for p, k in self.ambiguous],
            "skipped": [{"path": str(p), "reason": r} for p, r in self.skipped],
        }


def _clean_keywords(keywords) -> list[str]:
    out: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for raw in keywords:
        kw = unicodedata.normalize("NFC", str(raw)).strip()
        if not kw:
            continue
        tokens = tuple(name_tokens(kw))
        if not tokens:
            raise DatasetError(f"The keyword '{kw}' has no letters or digits to look for in file names.")
        if any(c in kw for c in '/\\:*?"<>|') or kw.startswith(".") or kw in (".", ".."):
            raise DatasetError(
                f"The keyword '{kw}' cannot be a folder name; use letters, digits, spaces, - or _."
            )
        if tokens not in seen:
            seen.add(tokens)
            out.append(kw)
    return out


def plan_sort_by_name(src: os.PathLike | str, keywords=None) -> SortPlan:
    """Which image in ``src`` goes to which class folder; nothing is touched.

    ``keywords``: class names to look for in the file names (None: :func:`propose_keywords`).
    A file matching no keyword, or several, is listed in ``unmatched`` / ``ambiguous``, never guessed.
    """
    src = Path(src).expanduser()
    files, skipped = _flat_files(src)
    proposed = keywords is None
    if proposed:
        keywords = propose_keywords(src)
        if len(keywords) < 2:
            found = f" (only '{keywords[0]}')" if keywords else ""
            raise DatasetError(
                f"Could not find at least two different name beginnings in {src}{found}. "
                "Give the category keywords yourself, for example: cat,dog."
            )
    keywords = _clean_keywords(keywords)
    if not keywords:
        raise DatasetError("No keywords were given. Give the category keywords, for example: cat,dog.")
    kw_tokens = [(kw, name_tokens(kw)) for kw in keywords]
    plan = SortPlan(src, keywords, {kw: [] for kw in keywords}, [], [], skipped, proposed)
    for p in files:
        tokens = name_tokens(p.stem)
        hits = [kw for kw, t in kw_tokens if _contains(tokens, t)]
        if len(hits) == 1:
            plan.assignments[hits[0]].append(p)
        elif hits:
            plan.ambiguous.append((p, hits))
        else:
            plan.unmatched.append(p)
    return plan


@dataclass
class SortReport:
    dst: Path
    copied: int
    moved: int
    renamed: list[tuple[Path, Path]]  # (source, new name it was given because the name was taken)
    unmatched: list[Path]
    ambiguous: list[tuple[Path, list[str]]]
    placed: list[tuple[Path, Path]] = field(default_factory=list)  # (source, where it went)
    errors: list[tuple[Path, str]] = field(default_factory=list)  # files left where they were
    #: (source, existing file with the same content): not copied again, source left as it is.
    already_there: list[tuple[Path, Path]] = field(default_factory=list)
    cancelled: bool = False

    def to_dict(self) -> dict:
        return {
            "dst": str(self.dst),
            "copied": self.copied,
            "moved": self.moved,
            "renamed": [{"from": str(a), "to": str(b)} for a, b in self.renamed],
            "unmatched": [str(p) for p in self.unmatched],
            "ambiguous": [{"path": str(p), "keywords": list(k)} for p, k in self.ambiguous],
            "placed": [{"from": str(a), "to": str(b)} for a, b in self.placed],
            "errors": [{"path": str(p), "reason": r} for p, r in self.errors],
            "already_there": [{"from": str(a), "to": str(b)} for a, b in self.already_there],
            "cancelled": self.cancelled,
        }


# After these, every next file would fail the same way: stop instead of listing thousands of errors.
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


def _free_name(folder: Path, name: str, attempt: int) -> Path:
    if attempt == 0:
        return folder / name
    p = Path(name)
    return folder / f"{p.stem} ({attempt + 1}){p.suffix}"


def _same_content(a: Path, b: Path) -> bool:
    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def _copy_exclusive(src: Path, target: Path) -> None:
    """Copy ``src`` to ``target``, which must not exist (raises FileExistsError); no partial files."""
    with open(src, "rb") as fin:
        try:
            with open(target, "xb") as fout:
                shutil.copyfileobj(fin, fout, 1 << 20)
        except FileExistsError:
            raise
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    try:
        shutil.copystat(src, target)
    except OSError:
        pass  # dates and permissions are a nicety; the picture itself is safe


def _move_exclusive(src: Path, target: Path) -> OSError | None:
    """Move without ever replacing an existing file: hard link then unlink, or copy then delete.

    (``os.rename`` would silently replace a file that appeared at ``target`` meanwhile.) Returns
    the error when the copy is in place but the original could not be removed.
    """
    try:
        os.link(src, target)
    except FileExistsError:
        raise
    except OSError as exc:
        # No hard links here (another disk, FAT/exFAT, some network shares): copy, then delete.
        if exc.errno not in CANNOT_LINK:
            raise
        _copy_exclusive(src, target)
    try:
        os.unlink(src)
    except OSError as exc:
        return exc
    return None


def apply_sort_plan(
    plan: SortPlan,
    dst: os.PathLike | str,
    *,
    move: bool = False,
    progress: ProgressFn | None = None,
    cancel=None,
) -> SortReport:
    """Copy (or move) each assigned file into ``dst/<keyword>/``; never overwrites anything.

    A name already taken in the destination gets a suffix (``cat.1 (2).jpg``), recorded in
    ``renamed``; a file whose exact copy is already there is left alone (``already_there``).
    A file that fails (unreadable, vanished) stays where it was and is listed in ``errors``;
    a full or read-only disk stops the job with :class:`OutputWriteError`. Cancelling stops
    between files and returns what was done (``cancelled=True``).
    """
    dst = Path(dst).expanduser()
    if dst.exists() and not dst.is_dir():
        raise DatasetError(f"{dst} is a file, not a folder. Choose a folder to sort the pictures into.")
    report = SortReport(dst, 0, 0, [], list(plan.unmatched), list(plan.ambiguous))
    jobs = [(kw, p) for kw in plan.keywords for p in plan.assignments.get(kw, [])]
    for done, (kw, src) in enumerate(jobs):
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
        folder = dst / kw
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(folder, exc) from exc
        if src.parent.exists() and folder.exists() and os.path.samefile(src.parent, folder):
            report.placed.append((src, src))  # already in its class folder
            continue
        for attempt in range(10_000):
            target = _free_name(folder, src.name, attempt)
            if target.exists() or target.is_symlink():
                if _same_content(src, target):
                    # Sorting again into the same place must not fill it with "x (2).jpg" copies.
                    report.already_there.append((src, target))
                    break
                continue
            try:
                left_behind = _move_exclusive(src, target) if move else _copy_exclusive(src, target)
            except FileExistsError:
                continue  # taken meanwhile: try the next suffix
            except OSError as exc:
                if exc.errno in _DISK_FULL:
                    raise write_error(target, exc) from exc
                report.errors.append((src, f"Could not {'move' if move else 'copy'} it: {describe_os_error(exc)}."))
                break
            if left_behind is not None:
                report.copied += 1
                report.errors.append(
                    (src, f"Copied, but the original could not be removed: {describe_os_error(left_behind)}.")
                )
            elif move:
                report.moved += 1
            else:
                report.copied += 1
            report.placed.append((src, target))
            if attempt:
                report.renamed.append((src, target))
            break
        if progress is not None:
            progress(done + 1, len(jobs))
    return report
