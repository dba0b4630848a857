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
"""

from __future__ import annotations

import errno
import filecmp
import hashlib
import io
import os
import re
import shutil
import stat
import time
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from .errors import CancelledError, DatasetError, ImageReadError
from .fileio import describe_os_error, write_error
from .images import MAX_PIXELS, NOT_A_PICTURE, RAW_EXTENSIONS, allowed_formats, is_image_path, open_image, picture_problem

ProgressFn = Callable[[int, int], None]  # (done, total)

LAYOUT_FOLDERS = "folders"
LAYOUT_SPLIT = "split"

_TRAIN_NAMES = ("train", "training")
_VAL_NAMES = ("val", "valid", "validation")
_TEST_NAMES = ("test", "testing")
_JUNK_DIRS = frozenset({"__macosx"})

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


# --------------------------------------------------------------------------------------------
# Health report

#: An image whose shorter side is below this many pixels is reported as tiny.
TINY_SIDE = 32
#: A class with fewer images than this is reported as too small to learn well.
FEW_IMAGES = 10
#: Largest class / smallest class at or above this ratio is reported as a strong imbalance.
IMBALANCE_RATIO = 5.0

# How each format ends when the file is complete; a file that ends otherwise is decoded fully to be
# sure (some cameras append data after the end marker, so a mismatch alone proves nothing).
_TAILS = {"JPEG": (b"\xff\xd9",), "PNG": (b"IEND\xaeB`\x82",), "GIF": (b";",)}


@dataclass
class HealthIssue:
    code: str
    message: str
    paths: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "paths": list(self.paths)}


@dataclass
class HealthReport:
    """What :func:`check_dataset` found. ``ok`` means a model can be trained on the folder."""

    root: Path
    classes: list[str]
    counts: dict[str, int]  # readable images per class (all parts together)
    unreadable: list[tuple[Path, str]]
    duplicates: list[list[Path]]  # groups of files with identical content
    tiny: list[tuple[Path, tuple[int, int]]]
    warnings: list[HealthIssue]
    errors: list[HealthIssue]
    layout: str = LAYOUT_FOLDERS
    part_counts: dict[str, dict[str, int]] = field(default_factory=dict)  # class -> part -> readable
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def num_images(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict:
        return {
            "root": str(self.root),
            "ok": self.ok,
            "layout": self.layout,
            "classes": list(self.classes),
            "counts": dict(self.counts),
            "part_counts": {k: dict(v) for k, v in self.part_counts.items()},
            "images": self.num_images,
            "unreadable": [{"path": str(p), "reason": r} for p, r in self.unreadable],
            "duplicates": [[str(p) for p in g] for g in self.duplicates],
            "tiny": [{"path": str(p), "width": s[0], "height": s[1]} for p, s in self.tiny],
            "skipped": [{"path": str(p), "reason": r} for p, r in self.skipped],
            "warnings": [w.to_dict() for w in self.warnings],
            "errors": [e.to_dict() for e in self.errors],
            "seconds": round(self.seconds, 3),
        }


@dataclass
class _FileInfo:
    size_bytes: int = 0
    dims: tuple[int, int] | None = None
    digest: bytes | None = None  # content hash, for files small enough to read whole at once
    error: str | None = None


#: Files up to this size are read whole once (header, end and hash from the same bytes); bigger
#: ones get a header read only, and a hash only when another file has exactly the same size.
_READ_WHOLE = 1 << 20


#: Side the check decodes at: a reduced JPEG decode still reads every byte of the file (damage is
#: found just the same), and 16/32-bit pictures are shrunk before conversion, so checking a
#: 169 MP float TIFF costs about its decoded size, not GBs. Above TINY_SIDE, so sizes stay true.
_CHECK_SIDE = 256


def _decode_check(path: str) -> tuple[str | None, tuple[int, int] | None]:
    """Decode ``path`` as training will: the engine's own words for why it cannot be opened (None
    when it opens after all), and its size (true below ``_CHECK_SIDE``, where sizes matter)."""
    try:
        with open_image(path, min_side=_CHECK_SIDE) as img:
            return None, img.size
    except ImageReadError as exc:
        return str(exc), None


def _header(fh, name: str) -> tuple[tuple[int, int], str | None]:
    # Telling Pillow the format the extension promises skips probing every other decoder
    # (a third of the time on small files); a misnamed file falls back to full probing.
    allowed = allowed_formats()  # never a PostScript header: its decoder runs Ghostscript
    fmt = Image.registered_extensions().get(os.path.splitext(name)[1].lower())
    pos = fh.tell()
    if fmt in allowed:
        try:
            with Image.open(fh, formats=[fmt]) as img:
                return img.size, img.format
        except Exception:  # noqa: BLE001 - not what its name says; let Pillow probe
            fh.seek(pos)
    with Image.open(fh, formats=allowed) as img:
        return img.size, img.format


def _inspect(path: str, full_decode: bool) -> _FileInfo:
    """Header-only check: size, dimensions, and a look at how the file ends."""
    info = _FileInfo()
    try:
        with open(path, "rb") as fh:
            info.size_bytes = os.fstat(fh.fileno()).st_size
            if info.size_bytes == 0 or full_decode or os.path.splitext(path)[1].lower() in RAW_EXTENSIONS:
                raise ValueError("decode")  # (a RAW file's TIFF header describes its thumbnail)
            if info.size_bytes <= _READ_WHOLE:
                data = fh.read()
                info.digest = hashlib.blake2b(data, digest_size=16).digest()
                info.dims, fmt = _header(io.BytesIO(data), path)
                end = data[-16:]
            else:
                info.dims, fmt = _header(fh, path)
                fh.seek(info.size_bytes - 16)
                end = fh.read()
            tails = _TAILS.get(fmt or "")
            if tails and not end.rstrip(b"\0\r\n ").endswith(tails):
                raise ValueError("decode")
            if info.dims[0] * info.dims[1] > MAX_PIXELS:
                raise ValueError("decode")
    except Exception:  # noqa: BLE001 - any failure: let the real decoder say what is wrong
        info.error, info.dims = _decode_check(path)
    return info


def _hash(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, lambda: hashlib.blake2b(digest_size=16)).digest()
    except OSError:
        return None


def _map_chunked(fn, items: list, *, cancel, on_done) -> list:
    """``[fn(x) for x in items]`` on a thread pool, in chunks, checking ``cancel`` between chunks.

    Threads pay off when the files come from a disk (reads wait, the GIL is free); chunks keep
    the pool's own overhead small on 20,000 tiny files.
    """
    if not items:
        return []
    chunk = 128

    def run(part: list) -> list | None:
        if cancel is not None and cancel.is_set():
            return None
        return [fn(x) for x in part]

    out: list = []
    workers = min(8, (os.cpu_count() or 2) * 2)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for res in pool.map(run, [items[i:i + chunk] for i in range(0, len(items), chunk)]):
            if res is None or (cancel is not None and cancel.is_set()):
                raise CancelledError("The dataset check was cancelled.")
            out.extend(res)
            on_done(len(out))
    return out


def _quoted(names, sep: str = ", ") -> str:
    return sep.join(f"'{n}'" for n in names)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def check_dataset(
    root: os.PathLike | str,
    *,
    progress: ProgressFn | None = None,
    cancel=None,
    tiny_side: int = TINY_SIDE,
    full_decode: bool = False,
) -> HealthReport:
    """Check a training folder: counts, damaged files, duplicates, tiny images, imbalance.

    Fast: only each file's header and last bytes are looked at, not the pixels; a file whose
    header is fine but which ends early is decoded fully to be sure. Exact duplicates are found by
    content hash (big files only hashed when another file has the same size).
    ``full_decode=True`` decodes every image (slow, thorough). Never raises for a bad folder: fatal
    problems are in ``errors`` (``ok`` is False). ``progress(done, total)`` is called as files
    are checked. Raises :class:`CancelledError` when ``cancel`` (a ``threading.Event``) is set.
    """
    t0 = time.perf_counter()
    tree = _read_tree(root)
    report = HealthReport(
        root=tree.root, classes=tree.classes, counts={}, unreadable=[], duplicates=[], tiny=[],
        warnings=[], errors=[], layout=tree.layout, skipped=tree.skipped,
    )
    if tree.fatal:
        report.errors.append(HealthIssue(tree.fatal[0], tree.fatal[1], [str(tree.root)]))
        report.seconds = time.perf_counter() - t0
        return report

    files: list[tuple[str, str, str]] = [
        (p, part, cls)
        for part, by_class in tree.parts.items()
        for cls in sorted(by_class)
        for p in by_class[cls]
    ]
    n = len(files)
    total = [n]

    def report_progress(done: int) -> None:
        if progress is not None:
            progress(done, total[0])

    infos: list[_FileInfo] = _map_chunked(
        lambda f: _inspect(f[0], full_decode), files, cancel=cancel, on_done=report_progress
    )

    # Only files of the same byte size can be identical: big files are hashed only then.
    by_size: dict[int, list[int]] = {}
    for i, info in enumerate(infos):
        if info.error is None:
            by_size.setdefault(info.size_bytes, []).append(i)
    to_hash = [i for g in by_size.values() if len(g) > 1 for i in g if infos[i].digest is None]
    if to_hash:
        total[0] = n + len(to_hash)
        digests = _map_chunked(
            lambda i: _hash(files[i][0]), to_hash, cancel=cancel, on_done=lambda d: report_progress(n + d)
        )
        for i, d in zip(to_hash, digests, strict=True):
            infos[i].digest = d
    by_content: dict[tuple[int, bytes], list[int]] = {}
    for g in by_size.values():
        if len(g) > 1:
            for i in g:
                if infos[i].digest is not None:
                    by_content.setdefault((infos[i].size_bytes, infos[i].digest), []).append(i)
    dup_groups = sorted((g for g in by_content.values() if len(g) > 1), key=lambda g: g[0])

    part_counts = {c: {part: 0 for part in tree.parts} for c in tree.classes}
    for (path, part, cls), info in zip(files, infos, strict=True):
        if info.error is not None:
            report.unreadable.append((Path(path), info.error))
            continue
        part_counts[cls][part] += 1
        if info.dims and min(info.dims) < tiny_side:
            report.tiny.append((Path(path), info.dims))
    report.part_counts = part_counts
    report.counts = {c: sum(v.values()) for c, v in part_counts.items()}
    report.duplicates = [[Path(files[i][0]) for i in g] for g in dup_groups]

    _add_issues(report, tree, files, dup_groups, tiny_side)
    report.seconds = time.perf_counter() - t0
    return report


# Format characters that are part of ordinary names: the zero-width joiner inside emoji sequences.
_HARMLESS_FORMAT_CHARS = frozenset({"\u200d"})


def _is_invisible(ch: str) -> bool:
    """Control characters (a line break), line separators and format characters (the right-to-left
    override U+202E, which shows "gpj.exe" as "exe.jpg"): they change how a name looks."""
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Zl", "Zp") or (cat == "Cf" and ch not in _HARMLESS_FORMAT_CHARS)


def _category_name_issues(tree: _Tree) -> list[HealthIssue]:
    """Category names that mislead: two that look identical ("café" with é as one character and
    as e + accent, which macOS and Linux keep apart) and names with invisible characters.
    They still work (the model learns them as written), so these are warnings."""
    issues: list[HealthIssue] = []
    by_look: dict[str, list[str]] = {}
    for cls in tree.classes:
        by_look.setdefault(unicodedata.normalize("NFC", cls), []).append(cls)
    alike = [names for names in by_look.values() if len(names) > 1]
    if alike:
        issues.append(HealthIssue(
            "look_alike_names",
            "Some category folders have names that look the same but are stored differently (an "
            "accented letter written in two ways). They are learned as different categories: move "
            "their pictures into one folder.",
            [str(tree.class_dir(c)) for names in alike for c in names],
        ))
    odd = [c for c in tree.classes if any(_is_invisible(ch) for ch in c)]
    if odd:
        issues.append(HealthIssue(
            "invisible_characters_in_names",
            "Some category folder names contain invisible characters or line breaks, which make "
            "them look like other names or show text backwards. Rename these folders using "
            "letters, digits, spaces, - or _.",
            [str(tree.class_dir(c)) for c in odd],
        ))
    return issues


def _add_issues(report: HealthReport, tree: _Tree, files, dup_groups, tiny_side: int) -> None:
    warn = report.warnings
    warn.extend(_category_name_issues(tree))
    if report.unreadable:
        warn.append(HealthIssue(
            "unreadable",
            f"{_plural(len(report.unreadable), 'file')} cannot be opened and will be left out of training.",
            [str(p) for p, _ in report.unreadable],
        ))

    across_classes, across_parts, within = [], [], []
    for g in dup_groups:
        classes = {files[i][2] for i in g}
        parts = {files[i][1] for i in g}
        paths = [str(files[i][0]) for i in g]
        if len(classes) > 1:
            across_classes.append((paths, sorted(classes)))
        elif len(parts) > 1:
            across_parts.append(paths)
        else:
            within.append(paths)
    if across_classes:
        example_paths, example_classes = across_classes[0]
        warn.append(HealthIssue(
            "duplicate_across_classes",
            f"The same image is in two categories ({_plural(len(across_classes), 'case')}, e.g. "
            f"{Path(example_paths[0]).name} is in {_quoted(example_classes, ' and ')}). "
            "Keep each picture only in the category it belongs to.",
            [p for paths, _ in across_classes for p in paths],
        ))
    if across_parts:
        warn.append(HealthIssue(
            "duplicate_across_splits",
            f"{_plural(len(across_parts), 'image in train/ also appears', 'images in train/ also appear')} "
            "in val/ or test/; the validation score will look better than it really is. "
            "Remove the copies from one side.",
            [p for g in across_parts for p in g],
        ))
    if within:
        extra = sum(len(g) - 1 for g in within)
        msg = f"{_plural(extra, 'file is an exact copy', 'files are exact copies')} of other files in the same category"
        if tree.layout == LAYOUT_FOLDERS:
            msg += "; copies can land on both sides of the split and flatter the validation score"
        warn.append(HealthIssue("duplicate", msg + ".", [p for g in within for p in g]))

    if report.tiny:
        warn.append(HealthIssue(
            "tiny",
            f"{_plural(len(report.tiny), 'image is', 'images are')} smaller than {tiny_side} pixels "
            "on a side (too little detail to learn from).",
            [str(p) for p, _ in report.tiny],
        ))

    counts = report.counts
    usable = [c for c in report.classes if counts.get(c, 0) > 0]
    empty = [c for c in report.classes if counts.get(c, 0) == 0]
    if empty:
        warn.append(HealthIssue(
            "no_readable_images",
            f"No image in {_quoted(empty)} can be opened; "
            f"{'this category' if len(empty) == 1 else 'these categories'} cannot be learned.",
            [str(tree.class_dir(c)) for c in empty],
        ))
    if len(usable) < 2:
        report.errors.append(HealthIssue(
            "too_few_classes",
            "Fewer than two categories have images that can be opened; a model needs at least two.",
            [str(tree.root)],
        ))
        return
    few = [c for c in usable if counts[c] < FEW_IMAGES]
    if few:
        listed = ", ".join(f"'{c}' ({counts[c]})" for c in few)
        warn.append(HealthIssue(
            "few_images",
            f"Some categories have very few images: {listed}. Aim for at least {FEW_IMAGES} per category, "
            "ideally 50 or more; a category with one image cannot be checked on validation.",
            [str(tree.class_dir(c)) for c in few],
        ))
    big, small = max(usable, key=lambda c: counts[c]), min(usable, key=lambda c: counts[c])
    if counts[big] >= IMBALANCE_RATIO * counts[small]:
        warn.append(HealthIssue(
            "imbalance",
            f"The categories are very unequal: '{big}' has {counts[big]} images but '{small}' only "
            f"{counts[small]}. The model may learn to favour '{big}'; add images to the small categories "
            "if you can.",
            [str(tree.class_dir(big)), str(tree.class_dir(small))],
        ))
    if tree.layout == LAYOUT_SPLIT and "val" in tree.parts and any(tree.parts["val"].values()):
        missing = [c for c in usable if report.part_counts[c].get("val", 0) == 0]
        if missing:
            warn.append(HealthIssue(
                "no_validation_images",
                f"val/ has no images for {_quoted(missing)}; "
                "the validation score will not cover these categories.",
                [str(tree.class_dir(c)) for c in missing],
            ))
    if report.skipped:
        warn.append(HealthIssue(
            "skipped",
            f"{_plural(len(report.skipped), 'item')} in the folder will be ignored (hidden, not "
            "images, not normal files, or not inside a category folder).",
            [str(p) for p, _ in report.skipped],
        ))


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
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.ENOTSUP, errno.EMLINK, errno.EOPNOTSUPP, errno.EACCES):
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
