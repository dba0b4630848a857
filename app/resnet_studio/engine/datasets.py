"""Training folders: find the classes and images, split train/val, check health, sort by file name.

What counts as what (the rules a user can rely on):

* **Layouts.** ``root/<class>/...`` (torchvision ``ImageFolder``: one sub-folder per class), or
  ``root/train/<class>/...`` with ``val/`` (also spelled ``valid``/``validation``) and an optional
  ``test/`` laid out the same way. Folder names are matched case-insensitively. A ``train/`` folder
  counts as a split only when it holds class folders (a vehicles dataset may well have a class
  called "train" full of pictures).
* **Classes** are the class folders that hold at least one image, sorted like ``ImageFolder`` does
  (so class indices match torchvision's). In the split layout the classes come from ``train/``;
  a class folder in ``val/``/``test/`` that ``train/`` lacks is skipped with a reason.
* **Images** are regular files that :func:`images.picture_problem` accepts: an image extension
  (``images.IMAGE_EXTENSIONS``, any case), or, for other names, content in an allowed format.
  Images in nested sub-folders of a class folder belong to that class. Links to folders are not
  followed (no loops); pipes, devices and links to them are skipped before anything reads them.
* **Skipped, with a reason** (``DatasetSplit.skipped``): hidden files and folders (name starting
  with ``.``, and ``__MACOSX`` from zip files; a hidden folder is listed once, not entered), files
  that are not pictures or not normal files, loose images at the root (not in any class folder), class folders with no
  images, and extra folders next to ``train/``/``val/``.
* **Split.** Without ``val/``, each class is split on its own (stratified) with a fixed seed:
  ``round(n * val_fraction)`` images go to validation, but at least one on each side whenever the
  class has two or more images (a class with one image stays in training). Which images go to
  validation depends only on the seed and each file's path, so adding a picture to one class does
  not reshuffle the other classes.

Scanning never decodes images; :func:`check_dataset` reads headers to find damaged files.

Where the code is: walking the tree in :mod:`.dataset_tree`, the health report in
:mod:`.dataset_health`, sorting by file name in :mod:`.sort_by_name`; here, the split
(:func:`scan_dataset`). Every name is still importable from this module.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .dataset_tree import _read_tree
from .errors import DatasetError

# Re-exported: the code now lives in dataset_tree, dataset_health and sort_by_name.
from .dataset_health import (  # noqa: F401
    FEW_IMAGES, IMBALANCE_RATIO, TINY_SIDE, HealthIssue, HealthReport, check_dataset,
)
from .dataset_tree import LAYOUT_FOLDERS, LAYOUT_SPLIT, ProgressFn, _find_split_dirs  # noqa: F401
from .sort_by_name import (  # noqa: F401
    SortPlan, SortReport, apply_sort_plan, name_tokens, plan_sort_by_name, propose_keywords,
)

Sample = tuple[Path, int]


@dataclass
class DatasetSplit:
    """The images of a training folder, with class indices, split into train / val / test."""

    root: Path
    classes: list[str]
    train: list[Sample]
    val: list[Sample]
    test: list[Sample]
    layout: str  # "folders" or "split" (train/ val/ [test/])
    skipped: list[tuple[Path, str]]  # files ignored, with a reason
    #: True when ``val`` was drawn from the training images (no val/ folder).
    val_sampled: bool = False

    def counts(self) -> dict[str, dict[str, int]]:
        """Images per class in each part: ``{"cat": {"train": 8, "val": 2, "test": 0}, ...}``."""
        out = {c: {"train": 0, "val": 0, "test": 0} for c in self.classes}
        for part in ("train", "val", "test"):
            for _, idx in getattr(self, part):
                out[self.classes[idx]][part] += 1
        return out

    @property
    def num_images(self) -> int:
        return len(self.train) + len(self.val) + len(self.test)


# --------------------------------------------------------------------------------------------
# Split


def _split_key(seed: int, root_len: int, path: str) -> bytes:
    # The path relative to the root, with "/" on every system, so a split is the same everywhere.
    rel = path[root_len:].replace(os.sep, "/")
    return hashlib.blake2b(f"{seed}\0{rel}".encode("utf-8", "surrogateescape"), digest_size=8).digest()


def n_validation(n: int, val_fraction: float) -> int:
    """How many of a class's ``n`` images go to validation: at least one each side when possible."""
    if val_fraction <= 0 or n < 2:
        return 0
    return min(max(int(round(n * val_fraction)), 1), n - 1)


def _check_fraction(val_fraction: float) -> None:
    if not (0.0 <= float(val_fraction) < 1.0):
        raise DatasetError(
            f"The validation share must be between 0% and 99% (got {val_fraction * 100:g}%)."
        )


def scan_dataset(root: os.PathLike | str, *, val_fraction: float = 0.2, seed: int = 0) -> DatasetSplit:
    """Find classes and images under ``root`` and split them into train / val (/ test).

    No image is decoded (damaged files are the trainer's and :func:`check_dataset`'s business).
    Raises :class:`DatasetError` with a readable message when the folder is missing, holds no
    images, or only one category.
    """
    _check_fraction(val_fraction)
    tree = _read_tree(root)
    if tree.fatal:
        raise DatasetError(tree.fatal[1], details=f"{tree.fatal[0]}: {tree.root}")
    classes = tree.classes
    root_len = len(os.path.join(str(tree.root), ""))
    train: list[Sample] = []
    val: list[Sample] = []
    test: list[Sample] = []
    # An empty val/ folder is treated like a missing one: training without validation is worse.
    sampled = not any(tree.parts.get("val", {}).values())
    for idx, cls in enumerate(classes):
        imgs = tree.parts["train"][cls]
        if sampled:
            k = n_validation(len(imgs), val_fraction)
            chosen = set(sorted(imgs, key=lambda p: _split_key(seed, root_len, p))[:k])
            val.extend((Path(p), idx) for p in imgs if p in chosen)
            train.extend((Path(p), idx) for p in imgs if p not in chosen)
        else:
            train.extend((Path(p), idx) for p in imgs)
            val.extend((Path(p), idx) for p in tree.parts["val"].get(cls, []))
        test.extend((Path(p), idx) for p in tree.parts.get("test", {}).get(cls, []))
    return DatasetSplit(
        root=tree.root, classes=classes, train=train, val=val, test=test,
        layout=tree.layout, skipped=tree.skipped, val_sampled=sampled,
    )
