"""Background job and file moves for "pictures that may be in the wrong folder" (issue 16).

The check itself runs on a :class:`~.framework.Job` (features, out-of-fold heads, then small
thumbnails, decoded there); moving one picture is a single rename on the same disk, done on the
GUI thread through :func:`move_to_category` / :func:`remove_from_dataset` / :func:`put_back`.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage

from ...engine.errors import ImageReadError, ModelError
from .dataset import load_thumbnail
from .framework import Job

#: At most this many suspicious pictures are shown (the most suspicious); the rest are counted.
SHOWN = 30
REMOVED_SUFFIX = "_removed"


class LabelCheckJob(Job):
    """Signals, in this order: ``check_progress`` (several), ``found``, ``thumbnail`` (several)."""

    check_progress = Signal(int, int)
    #: {"items": [{path, label, suggested, score, …}] or None, "total": n, "note": str}
    found = Signal(dict)
    thumbnail = Signal(int, QImage)  # index in items, image

    def __init__(self, root: os.PathLike | str, *, arch: str = "resnet18", thumb_size: int = 64) -> None:
        super().__init__()
        self.root = Path(root)
        self.arch = arch
        self.thumb_size = int(thumb_size)
        self._last = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= 0.1 or done >= total:
            self._last = now
            self.check_progress.emit(int(done), int(total))

    def work(self) -> None:
        from ...engine.label_check import find_suspicious_labels

        try:
            found = find_suspicious_labels(self.root, arch=self.arch, progress=self._progress, cancel=self.cancel_event)
        except ModelError as exc:  # no ImageNet weights here: say so, the rest of the panel works
            self.found.emit({"items": None, "total": 0, "note": str(exc)})
            return
        items = [s.to_dict() for s in found[:SHOWN]]
        self.found.emit({"items": items, "total": len(found), "note": ""})
        for i, item in enumerate(items):
            if self.is_cancelled():
                return
            try:
                self.thumbnail.emit(i, load_thumbnail(item["path"], self.thumb_size))
            except ImageReadError:
                continue


def removed_folder(root: os.PathLike | str) -> Path:
    """Where pictures taken out of ``root`` go: a folder beside it (never scanned as part of it)."""
    root = Path(root)
    return root.parent / f"{root.name}{REMOVED_SUFFIX}"


def move_to_category(path: os.PathLike | str, category: str) -> str:
    """Move a picture into the sibling folder ``category`` (train/cat → train/dog); never replaces
    a file. Returns its new path."""
    from ...engine.sort_by_prediction import move_into_folder

    path = Path(path)
    return str(move_into_folder(path, path.parent.parent / category))


def remove_from_dataset(path: os.PathLike | str, root: os.PathLike | str) -> str:
    """Move a picture out of the dataset into :func:`removed_folder`, keeping its category folder
    (``ds_removed/cat/x.jpg``) so it can be put back by hand too. Returns its new path."""
    from ...engine.sort_by_prediction import move_into_folder

    path, root = Path(path), Path(root)
    try:
        rel = path.parent.relative_to(root)
    except ValueError:
        rel = Path(path.parent.name)
    return str(move_into_folder(path, removed_folder(root) / rel))


def put_back(current: os.PathLike | str, original: os.PathLike | str) -> None:
    """Undo one move, byte for byte; FileExistsError when another file now has its old name."""
    from ...engine.sort_by_prediction import move_back

    move_back(current, original)
