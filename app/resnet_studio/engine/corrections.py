"""Correct a result and teach the model: add a picture to the training folder of a model.

A user who sees a wrong label picks the right category; the picture is **copied** into that
category's folder of the dataset the model was trained from (the model file remembers it), ready
for a retrain. The user's original is never moved, and no picture already in the dataset is ever
overwritten: a name that is taken becomes ``name-1.jpg``, ``name-2.jpg``...
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .errors import DatasetError, ImageReadError, OutputWriteError
from .fileio import atomic_write, describe_os_error
from .images import is_image_path

#: Characters a folder name cannot hold on some system the dataset may be copied to.
_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
_COPY_CHUNK = 1 << 20


def dataset_for_model(model_path: os.PathLike | str) -> Path | None:
    """The folder ``model_path`` was trained from, or None when it is not known or is gone.

    Reads only the model file's header (fast, no torch). A damaged model file raises
    :class:`~.errors.ModelFileError`.
    """
    from .library import read_info

    folder = read_info(model_path).dataset_dir
    if not folder:
        return None
    p = Path(folder)
    try:
        return p if p.is_dir() else None
    except OSError:  # an unplugged drive or a network folder that went away
        return None


def check_class_name(name: str) -> str:
    """``name`` without surrounding spaces; :class:`DatasetError` when it cannot be a folder name."""
    clean = str(name).strip()
    if not clean or clean in (".", "..") or clean.startswith("."):
        raise DatasetError(f"“{name}” cannot be the name of a category: give it a name with letters or digits.")
    bad = sorted({c for c in clean if c in _FORBIDDEN})
    if bad:
        shown = " ".join(c if c.isprintable() else repr(c) for c in bad)
        raise DatasetError(f"A category name cannot contain these characters: {shown}")
    return clean


def class_folder(dataset_dir: os.PathLike | str, class_name: str) -> Path:
    """Where pictures of ``class_name`` go: ``dataset/<class>``, or ``dataset/train/<class>``
    when the dataset is split into train/ and val/ folders (new pictures are for training)."""
    from .datasets import _find_split_dirs

    root = Path(dataset_dir)
    split = _find_split_dirs(root)
    base = split["train"] if split else root
    return base / check_class_name(class_name)


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        with open(a, "rb") as fa, open(b, "rb") as fb:
            while True:
                ca, cb = fa.read(_COPY_CHUNK), fb.read(_COPY_CHUNK)
                if ca != cb:
                    return False
                if not ca:
                    return True
    except OSError:
        return False


def _free_name(folder: Path, name: str) -> Path:
    stem, suffix = os.path.splitext(name)
    candidate, i = folder / name, 1
    while os.path.lexists(candidate):
        candidate = folder / f"{stem}-{i}{suffix}"
        i += 1
    return candidate


def add_to_dataset(image: os.PathLike | str, dataset_dir: os.PathLike | str, class_name: str) -> Path:
    """Copy ``image`` into ``dataset_dir``'s folder for ``class_name`` and return the new file.

    * Copies, never moves; creates the category folder when it is new.
    * Never overwrites: a taken name becomes ``name-1.jpg``, ``name-2.jpg``... The same picture
      added twice is not duplicated: the copy already there is returned.
    * The copy is atomic (a crash or a full disk leaves no half-written picture in the dataset).

    Raises :class:`ImageReadError` when ``image`` cannot be read, :class:`DatasetError` when the
    dataset folder is gone or the category name is impossible, :class:`OutputWriteError` when
    the folder cannot be written (read-only, no permission, disk full).
    """
    src = Path(image)
    root = Path(dataset_dir)
    if not is_image_path(src):
        raise ImageReadError(src, f"{src.name} is not a picture this app can read, so it was not added.")
    if not root.is_dir():
        raise DatasetError(f"The training folder {root} no longer exists. Choose where it is now.")
    folder = class_folder(root, class_name)
    try:
        src_stat = src.stat()
    except OSError as exc:
        reason = "it no longer exists" if isinstance(exc, FileNotFoundError) else (exc.strerror or str(exc))
        raise ImageReadError(src, f"Could not read {src.name}: {reason}.", details=repr(exc)) from exc
    if not src.is_file():
        raise ImageReadError(src, f"{src.name} is not a file.")

    # Already in that category (the user confirmed a picture of the dataset itself): nothing to do.
    try:
        if src.resolve().parent == folder.resolve():
            return src
    except OSError:
        pass
    existing = folder / src.name
    if existing.is_file() and _same_bytes(src, existing):
        return existing

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputWriteError(
            f"Could not add {src.name} to “{folder.name}”: {describe_os_error(exc)}.", details=f"{folder}: {exc!r}"
        ) from exc
    target = _free_name(folder, src.name)
    try:
        fsrc = open(src, "rb")
    except OSError as exc:
        raise ImageReadError(src, f"Could not read {src.name}: {exc.strerror or exc}.", details=repr(exc)) from exc
    with fsrc:
        try:
            with atomic_write(target) as fdst:
                shutil.copyfileobj(fsrc, fdst, _COPY_CHUNK)
        except OutputWriteError as exc:
            # atomic_write names the copy; say where it was going, in words
            raise OutputWriteError(
                f"Could not add {src.name} to “{folder.name}”: {str(exc).split(': ', 1)[-1]}",
                details=exc.details,
            ) from exc
    try:  # keep the picture's date: some users sort their folders by it
        os.utime(target, ns=(src_stat.st_atime_ns, src_stat.st_mtime_ns))
    except OSError:
        pass
    return target
