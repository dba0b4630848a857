"""Background jobs for the dataset side of the Train view: scan a folder, check its health, decode
thumbnails, plan and apply a sort by file name. Each runs on its own QThread (a
:class:`~.framework.Job`); images are decoded and turned into ``QImage`` there, so the
GUI thread only turns finished small images into pixmaps.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage

from ...engine.errors import CancelledError, DatasetError, ImageReadError
from ...engine.plain import plain_values
from .framework import Job
from .images import pil_to_qimage  # the one PIL -> QImage copy, shared with the inference worker

THUMBS_PER_CLASS = 4
PROGRESS_INTERVAL_S = 0.1


def load_thumbnail(path: os.PathLike | str, size: int) -> QImage:
    """Decode ``path`` small (reduced JPEG decode) and fit it in ``size`` x ``size``."""
    from ...engine.images import open_image

    img = open_image(path, min_side=size)
    img.thumbnail((size, size))
    return pil_to_qimage(img)


def loose_images(root: Path) -> list[Path]:
    """Images lying directly in ``root`` (a flat folder that could be sorted by file name)."""
    from ...engine.images import is_image_path

    try:
        with os.scandir(root) as it:
            return sorted(Path(e.path) for e in it if not e.name.startswith(".") and e.is_file() and is_image_path(e.name))
    except OSError:
        return []


class ThumbnailJob(Job):
    """Decode small previews of many files; one signal per file, keyed by the caller's number."""

    thumbnail = Signal(int, QImage)
    unreadable = Signal(int, str)  # key, readable reason

    def __init__(self, items: list[tuple[int, str]], size: int = 96) -> None:
        super().__init__()
        self.items = list(items)
        self.size = int(size)

    def work(self) -> None:
        for key, path in self.items:
            if self.is_cancelled():
                return
            try:
                self.thumbnail.emit(key, load_thumbnail(path, self.size))
            except ImageReadError as exc:
                self.unreadable.emit(key, str(exc))


class DatasetScanJob(Job):
    """Look at a training folder: classes and counts, a few thumbnails per class, health report.

    Signals, in this order: ``scanned`` (or ``not_a_dataset``), ``thumbnail`` (several),
    ``check_progress`` (several), ``health``.
    """

    scanned = Signal(dict)  # root, classes, counts {class: n}, parts, layout, skipped, num_images
    not_a_dataset = Signal(str, str, int)  # readable message, details, number of loose images
    thumbnail = Signal(int, int, QImage)  # class index, slot, image
    check_progress = Signal(int, int)
    health = Signal(dict)  # ok, warnings [str], errors [str], unreadable, duplicates, tiny

    def __init__(self, root: os.PathLike | str, *, thumbs_per_class: int = THUMBS_PER_CLASS, thumb_size: int = 72) -> None:
        super().__init__()
        self.root = Path(root)
        self.thumbs_per_class = thumbs_per_class
        self.thumb_size = thumb_size
        self._last_progress = 0.0

    def work(self) -> None:
        from ...engine import datasets

        try:
            split = datasets.scan_dataset(self.root)
        except DatasetError as exc:
            self.not_a_dataset.emit(str(exc), exc.details, len(loose_images(self.root)))
            return
        counts = split.counts()
        totals = {c: sum(parts.values()) for c, parts in counts.items()}
        self.scanned.emit({
            "root": str(split.root),
            "classes": list(split.classes),
            "counts": totals,
            "parts": plain_values(counts),
            "layout": split.layout,
            "skipped": len(split.skipped),
            "num_images": split.num_images,
        })
        self._thumbnails(split)
        if self.is_cancelled():
            return
        report = datasets.check_dataset(self.root, progress=self._progress, cancel=self.cancel_event)
        if self.is_cancelled():
            return
        self.health.emit(health_to_dict(report))

    def _thumbnails(self, split: Any) -> None:
        per_class: dict[int, list[Path]] = {}
        for path, idx in [*split.train, *split.val, *split.test]:
            per_class.setdefault(idx, [])
            if len(per_class[idx]) < self.thumbs_per_class * 3:
                per_class[idx].append(path)
        for idx, paths in sorted(per_class.items()):
            shown = 0
            for path in paths:  # a damaged file is skipped; the next one is tried
                if self.is_cancelled() or shown >= self.thumbs_per_class:
                    break
                try:
                    self.thumbnail.emit(idx, shown, load_thumbnail(path, self.thumb_size))
                    shown += 1
                except ImageReadError:
                    continue

    def _progress(self, done: int, total: int, *_: Any) -> None:
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_INTERVAL_S or done >= total:
            self._last_progress = now
            self.check_progress.emit(int(done), int(total))


def health_to_dict(report: Any) -> dict:
    def messages(issues: Any) -> list[str]:
        return [str(getattr(i, "message", i)) for i in (issues or [])]

    return {
        "ok": bool(getattr(report, "ok", not getattr(report, "errors", []))),
        "warnings": messages(getattr(report, "warnings", [])),
        "errors": messages(getattr(report, "errors", [])),
        "unreadable": len(getattr(report, "unreadable", []) or []),
        "duplicates": len(getattr(report, "duplicates", []) or []),
        "tiny": len(getattr(report, "tiny", []) or []),
    }


class SortPlanJob(Job):
    """Propose category names from the file names of a flat folder and plan the sort."""

    planned = Signal(object)  # engine.datasets.SortPlan (paths and strings only)

    def __init__(self, src: os.PathLike | str, keywords: list[str] | None = None) -> None:
        super().__init__()
        self.src = Path(src)
        self.keywords = keywords

    def work(self) -> None:
        from ...engine import datasets

        keywords = self.keywords if self.keywords else datasets.propose_keywords(self.src)
        self.planned.emit(datasets.plan_sort_by_name(self.src, keywords))


class SortApplyJob(Job):
    """Copy the pictures of a sort plan into class folders under ``dst`` (never overwrites)."""

    progress = Signal(int, int)
    applied = Signal(dict)  # dst, copied, unmatched, ambiguous, renamed, errors

    def __init__(self, plan: Any, dst: os.PathLike | str) -> None:
        super().__init__()
        self.plan = plan
        self.dst = Path(dst)
        self._last_progress = 0.0

    def work(self) -> None:
        from ...engine import datasets

        report = datasets.apply_sort_plan(
            self.plan, self.dst, move=False, progress=self._progress, cancel=self.cancel_event
        )
        if getattr(report, "cancelled", False):
            raise CancelledError()
        self.applied.emit({
            "dst": str(report.dst),
            "copied": int(report.copied),
            "unmatched": len(report.unmatched),
            "ambiguous": len(report.ambiguous),
            "renamed": len(report.renamed),
            "errors": len(getattr(report, "errors", []) or []),
        })

    def _progress(self, done: int, total: int, *_: Any) -> None:
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_INTERVAL_S or done >= total:
            self._last_progress = now
            self.progress.emit(int(done), int(total))
