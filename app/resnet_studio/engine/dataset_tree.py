"""Walking a training folder: its layout, class folders and images, and what is skipped, with why.

The rules are written down in :mod:`.datasets` (layouts, classes, images, what is skipped). Shared
by :func:`.datasets.scan_dataset` (which raises on a fatal problem), :func:`.dataset_health.check_dataset`
(which reports it) and :mod:`.sort_by_name` (which lists a flat folder).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import DatasetError
from .fileio import describe_os_error
from .images import NOT_A_PICTURE, is_image_path, picture_problem

ProgressFn = Callable[[int, int], None]  # (done, total)

LAYOUT_FOLDERS = "folders"
LAYOUT_SPLIT = "split"

_TRAIN_NAMES = ("train", "training")
_VAL_NAMES = ("val", "valid", "validation")
_TEST_NAMES = ("test", "testing")
_JUNK_DIRS = frozenset({"__macosx"})


# --------------------------------------------------------------------------------------------
# Walking the tree


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.lower() in _JUNK_DIRS


def _skip_reason(problem: str) -> str:
    """The scan's wording for :func:`images.picture_problem`'s answer (the old wording kept)."""
    return "not an image file (ignored)" if problem == NOT_A_PICTURE else f"{problem} (ignored)"


def _images_under(folder: str, skipped: list[tuple[Path, str]]) -> list[str]:
    """Image files anywhere under ``folder`` (sorted, deterministic); everything else to ``skipped``.

    Pictures are recognised by :func:`images.picture_problem` (by name, else by content; regular
    files only, so a pipe named ``x.jpg`` is skipped before anything reads it). Plain strings, not
    ``Path``: on a 20,000-image folder ``Path`` objects cost more than the walk.
    """
    found: list[str] = []
    stack = [folder]
    # Depth first, a folder's files before its sub-folders' (as os.walk lists them). Links to
    # folders are not followed, so a link loop cannot make this run forever.
    while stack:
        top = stack.pop()
        try:
            with os.scandir(top) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            skipped.append((Path(exc.filename or top), f"folder could not be opened ({describe_os_error(exc)})"))
            continue
        dirs: list[str] = []
        for e in entries:
            if _entry_is_dir(e):
                if _is_hidden(e.name):
                    skipped.append((Path(e.path), "hidden folder (ignored)"))
                elif e.is_symlink():
                    skipped.append((Path(e.path), "link to a folder (not followed)"))
                else:
                    dirs.append(e.path)
            elif e.name.startswith("."):
                skipped.append((Path(e.path), "hidden file (ignored)"))
            else:
                problem = picture_problem(e.path, e)
                if problem is None:
                    found.append(e.path)
                else:
                    skipped.append((Path(e.path), _skip_reason(problem)))
        stack.extend(reversed(dirs))
    return found


def _list_dir(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except PermissionError as exc:
        raise DatasetError(
            f"You do not have permission to open the folder {folder}.", details=repr(exc)
        ) from exc
    except OSError as exc:
        raise DatasetError(f"The folder {folder} could not be read ({exc.strerror}).", details=repr(exc)) from exc


def _entry_is_dir(e: os.DirEntry) -> bool:
    try:
        return e.is_dir()  # follows a link at this level: a linked class folder is a class folder
    except OSError:
        return False


def _scan_classes(folder: Path, skipped: list[tuple[Path, str]], *, where: str) -> dict[str, list[str]]:
    """``{class name: images}`` for a class-per-folder ``folder``; loose files go to ``skipped``."""
    classes: dict[str, list[str]] = {}
    for e in _list_dir(folder):
        p = Path(e.path)
        if _is_hidden(e.name):
            skipped.append((p, "hidden folder (ignored)" if _entry_is_dir(e) else "hidden file (ignored)"))
        elif _entry_is_dir(e):
            imgs = _images_under(e.path, skipped)
            if imgs:
                classes[e.name] = imgs
            else:
                skipped.append((p, "folder with no images (not used as a category)"))
        elif (problem := picture_problem(e.path, e)) is None:
            skipped.append((p, f"image directly in {where}, not inside a category folder (ignored)"))
        else:
            skipped.append((p, _skip_reason(problem)))
    return classes


def _find_split_dirs(root: Path) -> dict[str, Path] | None:
    """``{"train": p, "val": p?, "test": p?}`` when ``root`` uses the train/val layout, else None."""
    subdirs = {e.name.lower(): Path(e.path) for e in _list_dir(root) if _entry_is_dir(e)}
    train = next((subdirs[n] for n in _TRAIN_NAMES if n in subdirs), None)
    if train is None:
        return None
    found = {"train": train}
    for part, names in (("val", _VAL_NAMES), ("test", _TEST_NAMES)):
        for n in names:
            if n in subdirs:
                found[part] = subdirs[n]
                break
    entries = _list_dir(train)
    if not any(_entry_is_dir(e) and not _is_hidden(e.name) for e in entries):
        return None  # train/ holds pictures: it is a category called "train" (think vehicles)
    if len(found) > 1:
        return found  # train/ + val/ or test/: the split layout, whatever else is there
    # Only train/: a split when it looks like one (class folders, no loose pictures, no other
    # category folders next to it); otherwise "train" is one category among others.
    loose = any(not _entry_is_dir(e) and is_image_path(e.name) for e in entries)
    siblings = [n for n, p in subdirs.items() if p != train and not _is_hidden(n)]
    return None if loose or siblings else found


# --------------------------------------------------------------------------------------------
# Fatal problems (shared by scan_dataset, which raises, and check_dataset, which reports)


@dataclass
class _Tree:
    root: Path
    layout: str
    parts: dict[str, dict[str, list[str]]]  # "train"/"val"/"test" -> class -> image paths
    skipped: list[tuple[Path, str]]
    fatal: tuple[str, str] | None = None  # (code, message)
    train_dir: Path | None = None  # where the class folders are (root, or root/train)

    def class_dir(self, cls: str) -> Path:
        return (self.train_dir or self.root) / cls

    @property
    def classes(self) -> list[str]:
        return sorted(self.parts.get("train", {}))


def _folder_problem(folder: Path, hint: str) -> tuple[str, str] | None:
    """``(code, message)`` when ``folder`` cannot be used as a folder, None when it can.

    (Not ``Path.exists``/``is_dir``: in Python 3.11 they raise for a name that is too long.)
    """
    try:
        st = os.stat(folder)
    except (OSError, ValueError) as exc:
        code = getattr(exc, "errno", None)
        if code in (None, errno.ENOENT, errno.ENOTDIR):
            return "missing", f"The folder {folder} does not exist."
        return "missing", f"The folder {folder} could not be opened ({describe_os_error(exc)})."
    if not stat.S_ISDIR(st.st_mode):
        return "not_a_folder", f"{folder} is a file, not a folder. {hint}"
    return None


def _read_tree(root: os.PathLike | str) -> _Tree:
    root = Path(root).expanduser()
    skipped: list[tuple[Path, str]] = []
    problem = _folder_problem(root, "Choose the folder that holds one sub-folder per category.")
    if problem:
        return _Tree(root, LAYOUT_FOLDERS, {}, skipped, problem)
    split_dirs = _find_split_dirs(root)
    parts: dict[str, dict[str, list[str]]] = {}
    if split_dirs is None:
        layout = LAYOUT_FOLDERS
        parts["train"] = _scan_classes(root, skipped, where="the main folder")
    else:
        layout = LAYOUT_SPLIT
        used = {p.name for p in split_dirs.values()}
        for e in _list_dir(root):
            if e.name in used:
                continue
            p = Path(e.path)
            if _is_hidden(e.name):
                skipped.append((p, "hidden folder (ignored)" if _entry_is_dir(e) else "hidden file (ignored)"))
            elif _entry_is_dir(e):
                skipped.append((p, "folder next to train/ and val/ (only train, val and test are used)"))
            else:
                skipped.append((p, "file next to train/ and val/ (ignored)"))
        parts["train"] = _scan_classes(split_dirs["train"], skipped, where="train/")
        for part in ("val", "test"):
            if part in split_dirs:
                found = _scan_classes(split_dirs[part], skipped, where=f"{split_dirs[part].name}/")
                for cls in sorted(set(found) - set(parts["train"])):
                    for p in found.pop(cls):
                        why = f"category '{cls}' is in {split_dirs[part].name}/ but not in train/ (ignored)"
                        skipped.append((Path(p), why))
                parts[part] = found
    tree = _Tree(root, layout, parts, skipped, train_dir=split_dirs["train"] if split_dirs else root)
    n_classes = len(parts["train"])
    where = f"{split_dirs['train']}" if split_dirs else f"{root}"
    if n_classes == 0:
        tree.fatal = (
            "empty",
            f"No images were found in {where}. Put the pictures of each category in its own "
            "sub-folder (for example cats/ and dogs/) and choose the folder that holds them.",
        )
    elif n_classes == 1:
        only = next(iter(parts["train"]))
        tree.fatal = (
            "one_class",
            f"Only one category was found ('{only}' in {where}). A model needs at least two "
            "categories to learn the difference: add a sub-folder for each other category.",
        )
    return tree
