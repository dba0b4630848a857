"""Health report of a training folder: counts, damaged files, duplicates, tiny images, imbalance,
and category names that mislead (:func:`check_dataset`).

Only each file's header and last bytes are read, not the pixels, unless a file looks damaged.
"""

from __future__ import annotations

import hashlib
import io
import os
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from .dataset_tree import LAYOUT_FOLDERS, LAYOUT_SPLIT, ProgressFn, _read_tree, _Tree
from .errors import CancelledError, ImageReadError
from .images import MAX_PIXELS, RAW_EXTENSIONS, allowed_formats, open_image

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
    #: Likely wrong labels (:mod:`.label_check`), only when asked for; None when it could not run.
    labels_checked: bool = False
    suspicious_labels: list | None = None
    suspicious_note: str = ""

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
            **({"suspicious_labels": None if self.suspicious_labels is None
                else [s.to_dict() for s in self.suspicious_labels],
                "suspicious_labels_note": self.suspicious_note or None} if self.labels_checked else {}),
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
    labels: bool = False,
    arch: str = "resnet18",
) -> HealthReport:
    """Check a training folder: counts, damaged files, duplicates, tiny images, imbalance.

    Fast: only each file's header and last bytes are looked at, not the pixels; a file whose
    header is fine but which ends early is decoded fully to be sure. Exact duplicates are found by
    content hash (big files only hashed when another file has the same size).
    ``full_decode=True`` decodes every image (slow, thorough). Never raises for a bad folder: fatal
    problems are in ``errors`` (``ok`` is False). ``progress(done, total)`` is called as files
    are checked. Raises :class:`CancelledError` when ``cancel`` (a ``threading.Event``) is set.
    ``labels=True``: also look for pictures that seem to be in the wrong folder (needs ``arch``'s
    ImageNet weights; without them ``suspicious_labels`` is None and ``suspicious_note`` says why),
    on the files found here, so the folder is walked once.
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
    if labels and report.ok:
        bad = {str(p) for p, _ in report.unreadable}
        _check_labels(report, [(p, cls) for p, _, cls in files if p not in bad], arch, progress, cancel)
    report.seconds = time.perf_counter() - t0
    return report


def _check_labels(report: HealthReport, files: list[tuple[str, str]], arch: str, progress, cancel) -> None:
    from .errors import ModelError
    from .label_check import find_suspicious_labels

    report.labels_checked = True
    try:
        report.suspicious_labels = find_suspicious_labels(files, arch=arch, progress=progress, cancel=cancel)
    except ModelError as exc:  # no (or a damaged) weights file: the rest of the report stands
        report.suspicious_note = (
            "Looking for pictures in the wrong folder needs the ImageNet weights, which could not be "
            f"used: {exc}")


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
