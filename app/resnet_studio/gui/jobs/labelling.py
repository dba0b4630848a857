"""Background work of the Label tab: list a pile of pictures, decode its thumbnails in batches,
ask the engine for suggestions, keep the labels on disk, write the labelled pictures out as a
class-per-folder training set.

Everything here runs on a job's thread (a :class:`~.framework.Job` or a ``Task``); what comes back
to the GUI thread is plain values and ``QImage`` copies. The labels of a pile are kept in the
app's data folder, one small JSON file per pile folder (named by a digest of its path), written
atomically so that a crash mid-write leaves the previous labels, never half a file.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage

from ...engine.errors import ImageReadError
from .dataset import load_thumbnail
from .framework import Job

#: Thumbnails are sent back in groups: one queued signal per picture flooded the GUI queue.
BATCH = 24
STATE_VERSION = 1


# ------------------------------------------------------------------------------------------------
# Listing a pile and its saved labels


def list_pictures(folder: str) -> list[str]:
    """The pictures lying directly in ``folder``, by file name (hidden files left out)."""
    from ...engine.images import is_image_path

    with os.scandir(folder) as it:
        names = [e.path for e in it if not e.name.startswith(".") and e.is_file() and is_image_path(e.name)]
    return sorted(names, key=lambda p: (os.path.basename(p).casefold(), p))


def state_file(folder: str) -> Path:
    """Where the labels of the pile ``folder`` are kept (keyed by its absolute path)."""
    from ...engine.paths import user_data_dir

    key = hashlib.sha1(os.path.abspath(folder).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return user_data_dir() / "labelling" / f"{key}.json"


def read_state(folder: str) -> dict:
    """The saved categories and labels of ``folder`` ({} when none or unreadable: a damaged file
    must not stop the user from opening the pile again)."""
    try:
        data = json.loads(state_file(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("folder") != os.path.abspath(folder):
        return {}
    cats = [str(c) for c in data.get("categories", []) if isinstance(c, str)]
    labels = {str(k): str(v) for k, v in dict(data.get("labels", {})).items() if v in cats}
    return {"categories": cats, "labels": labels}


def open_pile(folder: str) -> dict:
    """One call for the view: the pictures and what was saved for them."""
    pictures = list_pictures(folder)
    saved = read_state(folder)
    present = set(pictures)
    labels = {p: c for p, c in saved.get("labels", {}).items() if p in present}
    return {"folder": folder, "pictures": pictures, "categories": saved.get("categories", []), "labels": labels}


def write_state(folder: str, categories: Sequence[str], labels: Mapping[str, str]) -> str:
    """Save the labels of ``folder`` atomically; returns the file written."""
    from ...engine.fileio import atomic_write

    path = state_file(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": STATE_VERSION, "folder": os.path.abspath(folder), "categories": list(categories),
            "labels": dict(labels)}
    with atomic_write(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
    return str(path)


# ------------------------------------------------------------------------------------------------
# Thumbnails


def decode_thumbnail(path: str, size: int) -> QImage:
    """The one place the Label tab decodes a picture (tests count its calls per thread)."""
    return load_thumbnail(path, size)


class ThumbnailBatchJob(Job):
    """Decode previews of ``items`` ((key, path)); ``ready`` carries a list of (key, QImage) per
    batch, ``unreadable`` a key that could not be decoded; both with the ``generation`` of the
    pile they were asked for (another folder may have been opened meanwhile)."""

    ready = Signal(int, list)  # generation, [(key, QImage)]
    unreadable = Signal(int, int)  # generation, key

    def __init__(self, generation: int, items: Sequence[tuple[int, str]], size: int) -> None:
        super().__init__(name="label-thumbnails")
        self.generation, self.items, self.size = generation, list(items), int(size)

    def work(self) -> None:
        out: list[tuple[int, QImage]] = []
        for key, path in self.items:
            if self.is_cancelled():
                break
            try:
                out.append((key, decode_thumbnail(path, self.size)))
            except (ImageReadError, OSError):
                self.unreadable.emit(self.generation, key)
            if len(out) >= BATCH:
                self.ready.emit(self.generation, out)
                out = []
        if out:
            self.ready.emit(self.generation, out)


# ------------------------------------------------------------------------------------------------
# Suggestions


def suggest_rows(generation: int, labelled: Mapping[str, str], unlabelled: Sequence[str], *,
                 arch: str = "resnet18", progress: Callable[[int, int], None] | None = None,
                 cancel: threading.Event | None = None) -> tuple[int, list[dict]]:
    """A head-mode model trained on the labelled pictures' cached features, asked about every
    unlabelled one (run as a ``Task``): (generation, one plain dict per suggestion). ``generation``
    comes back unchanged so that the view can drop answers to labels that have changed since."""
    from ...engine.suggest import suggest

    found = suggest(dict(labelled), list(unlabelled), arch=arch, seed=0,
                    progress=(lambda d, t, *_: progress(d, t)) if progress is not None else None, cancel=cancel)
    return generation, [{"path": s.path, "label": s.label, "confidence": float(s.confidence), "rank": int(s.rank),
                         "margin": float(s.margin)} for s in found]


# ------------------------------------------------------------------------------------------------
# Saving a training folder


def save_training_folder(labels: Mapping[str, str], dst: str, *, pile: str,
                         progress: Callable[[int, int], None] | None = None,
                         cancel: threading.Event | None = None) -> dict:
    """Copy each labelled picture into ``dst/<category>/`` (a class-per-folder training set).

    The same copy rules as sorting by prediction: the destination may not lie inside the pile,
    one writer at a time, a taken name gets `` (2)``, a copy appears whole or not at all, and the
    pile is never touched. Returns {"dst", "copied", "counts", "failed"}.
    """
    from ...engine.errors import CancelledError
    from ...engine.fileio import describe_os_error
    from ...engine.sort_by_prediction import (
        _free_target, category_folders, check_destination, copy_via_temp, destination_lock)

    root = check_destination(dst, [pile])
    root.mkdir(parents=True, exist_ok=True)
    folders = category_folders(sorted(set(labels.values())))
    items = sorted(labels.items(), key=lambda kv: (kv[1], os.path.basename(kv[0]).casefold()))
    counts: dict[str, int] = {}
    failed: list[dict[str, str]] = []
    reserved: set[Path] = set()
    with destination_lock(root):
        for i, (src, label) in enumerate(items):
            if cancel is not None and cancel.is_set():
                raise CancelledError()
            folder = root / folders[label]
            folder.mkdir(exist_ok=True)
            target = _free_target(folder, os.path.basename(src), reserved)
            reserved.add(target)
            try:
                copy_via_temp(Path(src), target, durable=False)
            except OSError as exc:
                failed.append({"path": src, "reason": describe_os_error(exc)})
                continue
            counts[label] = counts.get(label, 0) + 1
            if progress is not None:
                progress(i + 1, len(items))
    return {"dst": str(root), "copied": sum(counts.values()), "counts": counts, "failed": failed}

