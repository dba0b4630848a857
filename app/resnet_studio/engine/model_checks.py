"""One validation step for every model file, before anything in it is used.

A model file comes from anywhere (a download, a colleague, a sync tool halfway through a copy), so
nothing in it is trusted: the file is read once into memory with a size bound (never memory-mapped:
a file overwritten while mapped kills the process with SIGBUS), the JSON header is bounded in size
and nesting before it is parsed, every metadata field is checked against a schema of types and
ranges, tensor layouts are checked before any tensor is made, and the weights must be finite.
Each problem is a :class:`ModelFileError` with one plain sentence; what exactly was wrong goes into
``details``.

This module imports torch only inside the functions that make or check tensors, so the model
library can list files (header only) without it.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import stat
import struct
import zipfile
from pathlib import Path

from . import fileio
from .errors import ModelFileError

#: A safetensors header larger than this is not one of ours (a ResNet-152 header is ~60 kB; a
#: 1000-category model with its confusion matrix a few MB).
MAX_HEADER_BYTES = 16 * 1024 * 1024
#: The largest ResNet here (ResNeXt-101 32x8d) is 340 MB in float32; this leaves room for float64
#: files and checkpoints that carry optimizer state, and refuses anything that could not be one.
MAX_MODEL_BYTES = 1024 * 1024 * 1024
#: Our own metadata nests 4 levels deep (metrics → per_class → item → value).
MAX_JSON_DEPTH = 32
MAX_TENSORS = 10_000
MAX_CLASSES = 100_000
MAX_CLASS_NAME_CHARS = 255
MAX_TEXT_CHARS = 4096
#: Picture sizes a model can ask for: training allows 16..1024 (resize 1170), torchvision 224/256.
MIN_IMAGE_SIDE, MAX_IMAGE_SIDE = 8, 2048

# One fixed sentence per problem, so each can be translated (details name the file and the field).
CHANGED_WHILE_READ = "The model file changed while it was being read. Try again when it has finished copying."
NOT_A_REGULAR_FILE = "This is not a normal file (it is a device or a pipe), not a model file."
TOO_LARGE = "This file is too large to be a ResNet model file (more than 1 GB)."
UNPACKS_TOO_LARGE = ("This file unpacks to more than 1 GB, far more than any ResNet model: it is damaged, "
                     "or it is not a model file.")
TORCHSCRIPT = ("This is a TorchScript export, made for other programs; ResNet Studio opens its own "
               ".safetensors model files or a plain PyTorch .pth state dict. Use the original "
               ".safetensors file.")
ONNX = ("This is an ONNX export, made for other programs; ResNet Studio opens its own .safetensors "
        "model files or a plain PyTorch .pth state dict. Use the original .safetensors file.")
BAD_INFO = "This model file is damaged: its model information cannot be read."
BAD_ARCH = "This model file is damaged: its architecture is missing or is not a name."
BAD_CLASSES = "This model file is damaged: its list of categories is missing, empty or not a list of names."
TOO_MANY_CLASSES = "This model file lists more than 100,000 categories, which no ResNet Studio model has."
BAD_CLASS_NAME = "This model file is damaged: one of its category names is empty or far too long."
BAD_SIZES = "This model file is damaged: its picture sizes are missing or out of range (8 to 2048 pixels)."
BAD_NORMALISATION = "This model file is damaged: its colour normalisation values cannot be used."
BAD_DETAILS = "This model file is damaged: its training details cannot be read."
NOT_FINITE = "This model file is damaged: some of its weights are not numbers (NaN or infinite)."
NEGATIVE_VARIANCE = "This model file is damaged: some of its weights have impossible values (a negative variance)."
BAD_DTYPE = "This model file is damaged: some of its weights are not stored as numbers a model can use."
BAD_CALIBRATION = "This model file is damaged: its confidence setting (calibration) cannot be used."
#: The temperatures calibration may fit (engine/calibration.py); a file outside them is damaged.
TEMPERATURE_RANGE = (0.5, 20.0)

_DTYPES = {  # safetensors dtype -> (torch dtype name, bytes per element)
    "F64": ("float64", 8), "F32": ("float32", 4), "F16": ("float16", 2), "BF16": ("bfloat16", 2),
    "I64": ("int64", 8), "I32": ("int32", 4), "I16": ("int16", 2), "I8": ("int8", 1),
    "U8": ("uint8", 1), "BOOL": ("bool", 1),
}
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_ARCH_NAME = re.compile(r"[A-Za-z0-9_]{1,64}")


def fail(message: str, path: Path | None, details: str = "") -> ModelFileError:
    where = f"{path}: " if path else ""
    return ModelFileError(message, details=(where + details)[:2000])


# --- reading bytes -----------------------------------------------------------------------------


def _signature(st: os.stat_result) -> tuple:
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns


def open_regular(path: Path, *, buffered: bool = False):
    """``path`` opened for reading, refusing pipes and devices without blocking on them (a FIFO
    named ``.safetensors`` would otherwise wait forever for a writer)."""
    try:
        return fileio.open_regular(path, buffered=buffered)[0]
    except fileio.NotARegularFile as exc:
        if stat.S_ISDIR(exc.mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path)) from None
        raise fail(NOT_A_REGULAR_FILE, path) from None


def read_whole_file(path: Path, limit: int | None = None):
    """The file's bytes as a writable ``uint8`` numpy array, read once, so tensors can share them
    without a copy (numpy's uninitialised buffer, unlike ``bytearray``, is not zero-filled first:
    13 ms instead of 32 ms for ResNet-18's 45 MB).

    Raises :class:`ModelFileError` when the file is too large, or when it changed while it was
    read (its size or times moved, or it was longer or shorter than it said).
    """
    import numpy as np

    with open_regular(path) as fh:
        before = os.fstat(fh.fileno())
        if before.st_size > (MAX_MODEL_BYTES if limit is None else limit):
            raise fail(TOO_LARGE, path, f"{before.st_size} bytes")
        buf = np.empty(before.st_size + 1, dtype=np.uint8)  # one byte more shows a growing file
        view, got = memoryview(buf), 0
        while got < len(buf):
            n = fh.readinto(view[got:])
            if not n:
                break
            got += n
        view.release()
        after = os.fstat(fh.fileno())
    if got != before.st_size or _signature(after) != _signature(before):
        raise fail(CHANGED_WHILE_READ, path, f"size {before.st_size} -> {after.st_size}, read {got} bytes")
    return buf[:got]


class Unchanged:
    """Context manager: raise :data:`CHANGED_WHILE_READ` if ``fh``'s file changed inside it.

    A failure inside the block is reported as the change when the file did change: a half-copied
    file makes a reader fail in its own words, which would blame the file instead of the timing.
    """

    def __init__(self, fh, path: Path) -> None:
        self.fh, self.path = fh, path
        self.before = _signature(os.fstat(fh.fileno()))

    def __enter__(self) -> "Unchanged":
        return self

    def check(self) -> None:
        now = _signature(os.fstat(self.fh.fileno()))
        if now != self.before:
            raise fail(CHANGED_WHILE_READ, self.path, f"{self.before} -> {now}")

    def __exit__(self, exc_type, exc, tb) -> bool:
        self.check()
        return False


# --- JSON --------------------------------------------------------------------------------------


def json_depth(raw: bytes) -> int:
    """How deeply ``raw``'s arrays and objects nest, without parsing it (brackets inside strings
    do not count). Checked before :func:`json.loads`, whose C parser recurses once per level and
    could exhaust a worker thread's stack long before Python's recursion limit."""
    import numpy as np

    bare = _JSON_STRING.sub(b'""', raw)
    brackets = np.frombuffer(re.sub(rb"[^\[\]{}]", b"", bare), dtype=np.uint8)
    if brackets.size == 0:
        return 0
    steps = np.where((brackets == ord("[")) | (brackets == ord("{")), 1, -1).astype(np.int32)
    return int(np.cumsum(steps).max())


def parse_json(raw: bytes | str, path: Path | None, message: str = BAD_INFO):
    """``json.loads`` with a size and nesting bound. NaN stays readable (a diverged training
    records a NaN loss); the fields that must be finite are checked by the schema."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else bytes(raw)
    if len(data) > MAX_HEADER_BYTES:
        raise fail(message, path, f"{len(data)} bytes of JSON")
    depth = json_depth(data)
    if depth > MAX_JSON_DEPTH:
        raise fail(message, path, f"JSON nested {depth} levels deep")
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise fail(message, path, repr(exc)[:500]) from exc


# --- the safetensors container -----------------------------------------------------------------


def header_length(first8: bytes, file_size: int, path: Path) -> int:
    """The JSON header's length from a safetensors file's first 8 bytes, bounded."""
    if len(first8) < 8:
        raise not_ours(path, "shorter than 8 bytes")
    (n,) = struct.unpack("<Q", first8[:8])
    if n < 2 or n > MAX_HEADER_BYTES or 8 + n > file_size:
        raise not_ours(path, f"header length {n}, file size {file_size}")
    return n


def read_header(path: Path) -> tuple[dict, int]:
    """A safetensors file's JSON header and the offset where tensor data starts, reading only
    the header's bytes (plain reads, no memory map). OS errors propagate for the caller to word."""
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        n = header_length(fh.read(8), size, path)
        raw = fh.read(n)
    if len(raw) != n:
        raise fail(CHANGED_WHILE_READ, path, f"header of {n} bytes, read {len(raw)}")
    return parse_header(raw, path), 8 + n


def header_from_buffer(buf, path: Path) -> tuple[dict, int]:
    """As :func:`read_header`, from a whole file already in memory."""
    n = header_length(bytes(buf[:8]), len(buf), path)
    return parse_header(bytes(buf[8:8 + n]), path), 8 + n


def not_ours(path: Path, details: str = "") -> ModelFileError:
    """The generic refusal, or what the file really is when we can tell (an export of ours)."""
    foreign = sniff_export(path)
    if foreign:
        return fail(foreign, path, details)
    return ModelFileError(f"{path.name} is not a ResNet Studio model file, or it is damaged.",
                          details=details[:2000])


def sniff_export(path: Path) -> str | None:
    """:data:`TORCHSCRIPT` or :data:`ONNX` when ``path`` is one of those exports, else None."""
    if path.suffix.lower() == ".onnx":
        return ONNX
    try:
        with open_regular(path) as fh:
            if fh.read(4) != b"PK\x03\x04" or os.fstat(fh.fileno()).st_size > MAX_MODEL_BYTES:
                return None
            fh.seek(0)
            return TORCHSCRIPT if is_torchscript(zipfile.ZipFile(fh).namelist()) else None
    except (OSError, zipfile.BadZipFile, ModelFileError, ValueError, EOFError):
        return None


def is_torchscript(names: list[str]) -> bool:
    """torch.jit.save writes ``<archive>/code/…`` and ``<archive>/constants.pkl``; torch.save
    (a plain state dict) never does."""
    return any(n.endswith("/constants.pkl") or "/code/" in n for n in names)


def parse_header(raw: bytes, path: Path) -> dict:
    try:
        header = parse_json(raw, path)
    except ModelFileError as exc:
        raise not_ours(path, exc.details) from exc
    if not isinstance(header, dict):
        raise not_ours(path, "the header is not a JSON object")
    meta = header.get("__metadata__", {})
    if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
        raise not_ours(path, "__metadata__ is not a table of texts")
    return header


def tensor_layout(header: dict, data_len: int, path: Path) -> list[tuple[str, str, list[int], int, int]]:
    """``(name, dtype, shape, begin, end)`` of every tensor, checked as the safetensors format
    demands: known dtypes, sizes that match shapes, and byte ranges that tile the data exactly
    (no gaps, no overlaps, nothing past the end)."""
    items = [(k, v) for k, v in header.items() if k != "__metadata__"]
    if len(items) > MAX_TENSORS:
        raise not_ours(path, f"{len(items)} tensors")
    layout = []
    for name, entry in items:
        try:
            dtype, shape, (begin, end) = entry["dtype"], entry["shape"], entry["data_offsets"]
        except (TypeError, KeyError, ValueError) as exc:
            raise not_ours(path, f"tensor {name!r}: {exc!r}") from exc
        if dtype not in _DTYPES or not isinstance(shape, list) or len(shape) > 8 or not all(
            _is_int(x) and x >= 0 for x in [*shape, begin, end]
        ):
            raise not_ours(path, f"tensor {name!r}: dtype {dtype!r}, shape {shape!r}")
        if end - begin != math.prod(shape) * _DTYPES[dtype][1]:
            raise not_ours(path, f"tensor {name!r}: {end - begin} bytes for shape {shape}")
        layout.append((name, dtype, shape, begin, end))
    at = 0
    for name, _, _, begin, end in sorted(layout, key=lambda t: (t[3], t[4])):
        if begin != at:
            raise not_ours(path, f"tensor {name!r} starts at {begin}, expected {at}")
        at = end
    if at != data_len:
        raise not_ours(path, f"the tensors cover {at} of {data_len} bytes (the file may be cut short)")
    return layout


def tensors_from_buffer(buf, data_start: int, layout: list, path: Path) -> dict:
    """CPU tensors viewing ``buf`` (no copy: the file's bytes become the weights)."""
    import torch

    out = {}
    for name, dtype, shape, begin, end in layout:
        torch_dtype, size = getattr(torch, _DTYPES[dtype][0]), _DTYPES[dtype][1]
        if end == begin:
            out[name] = torch.empty(shape, dtype=torch_dtype)
            continue
        offset, source = data_start + begin, buf
        if offset % size:  # an unaligned tensor (not from safetensors' writer): copy it out
            source, offset = bytearray(buf[offset:data_start + end]), 0
        out[name] = torch.frombuffer(source, dtype=torch_dtype, count=(end - begin) // size,
                                     offset=offset).view(shape)
    return out


def check_zip_archive(fh, path: Path) -> None:
    """For a ``.pth``: refuse TorchScript archives and zip bombs before :func:`torch.load`
    decompresses anything (its reader allocates each member at its declared size)."""
    fh.seek(0)
    if fh.read(4) != b"PK\x03\x04":
        fh.seek(0)
        return
    fh.seek(0)
    try:
        members = zipfile.ZipFile(fh).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        members = []  # torch.load will refuse it in its own words
    if is_torchscript([m.filename for m in members]):
        raise fail(TORCHSCRIPT, path)
    if len(members) > MAX_TENSORS * 2 or sum(m.file_size for m in members) > MAX_MODEL_BYTES:
        raise fail(UNPACKS_TOO_LARGE, path, f"{len(members)} members, "
                   f"{sum(m.file_size for m in members)} bytes unpacked")
    fh.seek(0)


# --- the metadata schema -----------------------------------------------------------------------


def _is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _text(x, limit: int = MAX_TEXT_CHARS) -> bool:
    return isinstance(x, str) and len(x) <= limit


def check_arch(d: dict, path: Path | None) -> str:
    arch = d.get("arch")
    if not isinstance(arch, str) or not _ARCH_NAME.fullmatch(arch):
        raise fail(BAD_ARCH, path, f"arch = {arch!r}"[:200])
    return arch


def check_classes(d: dict, path: Path | None) -> list[str]:
    classes = d.get("classes")
    if not isinstance(classes, list) or not classes or not all(isinstance(c, str) for c in classes):
        raise fail(BAD_CLASSES, path, f"classes = {classes!r}"[:200])
    if len(classes) > MAX_CLASSES:
        raise fail(TOO_MANY_CLASSES, path, f"{len(classes)} categories")
    bad = next((i for i, c in enumerate(classes) if not c or len(c) > MAX_CLASS_NAME_CHARS), None)
    if bad is not None:
        raise fail(BAD_CLASS_NAME, path, f"category {bad}: {classes[bad][:80]!r} ({len(classes[bad])} characters)")
    return classes


def check_preprocess(p, path: Path | None) -> dict:
    """A preprocessing table whose sizes and normalisation give a usable picture: a crop of 0 or
    -5 failed every picture, 6000 took 54 s and 6.4 GB per picture, a std of 0 gave NaN."""
    if not isinstance(p, dict):
        raise fail(BAD_SIZES, path, f"preprocess = {p!r}"[:200])
    crop, resize = p.get("crop_size"), p.get("resize_size")
    if not (_is_int(crop) and _is_int(resize) and MIN_IMAGE_SIDE <= crop <= resize <= MAX_IMAGE_SIDE):
        raise fail(BAD_SIZES, path, f"crop_size = {crop!r}, resize_size = {resize!r}"[:200])
    mean, std = p.get("mean"), p.get("std")
    ok = (isinstance(mean, list) and isinstance(std, list) and len(mean) == len(std) == 3
          and all(_is_number(m) and abs(m) <= 1e4 for m in mean)
          and all(_is_number(s) and 1e-6 <= s <= 1e4 for s in std))
    if not ok:
        raise fail(BAD_NORMALISATION, path, f"mean = {mean!r}, std = {std!r}"[:200])
    return p


def check_details(d: dict, path: Path | None) -> None:
    """The fields shown in the Models view and read by training, with the types they are used as."""
    metrics, training = d.get("metrics", {}), d.get("training", {})
    problems = []
    if not isinstance(metrics, dict) or not isinstance(training, dict):
        problems.append("metrics/training are not tables")
    else:
        acc = metrics.get("val_accuracy")
        if acc is not None and not _is_number(acc):
            problems.append(f"val_accuracy = {acc!r}")
        per_class = metrics.get("per_class", [])
        if not isinstance(per_class, list) or not all(isinstance(x, dict) for x in per_class):
            problems.append("per_class is not a list of tables")
        cm = metrics.get("confusion_matrix", [])
        if not isinstance(cm, list) or not all(isinstance(r, list) for r in cm):
            problems.append("confusion_matrix is not a list of rows")
        if not isinstance(training.get("mode", ""), str) or not isinstance(training.get("pretrained", True), bool):
            problems.append("training mode/pretrained have the wrong type")
    for key in ("name", "created", "app_version"):
        if key in d and not _text(d[key]):
            problems.append(f"{key} is not a short text")
    if d.get("dataset_dir") is not None and not _text(d["dataset_dir"]):
        problems.append("dataset_dir is not a short text")
    if not isinstance(d.get("small_input", False), bool):
        problems.append("small_input is not true/false")
    if problems:
        raise fail(BAD_DETAILS, path, "; ".join(problems)[:500])


def check_metadata(d, path: Path | None) -> None:
    """Every field of our metadata against its type and range (see the module docstring)."""
    if not isinstance(d, dict):
        raise fail(BAD_INFO, path, f"metadata is a {type(d).__name__}, not a JSON object")
    check_arch(d, path)
    check_classes(d, path)
    if "preprocess" not in d:
        raise fail(BAD_SIZES, path, "no preprocess table")
    check_preprocess(d["preprocess"], path)
    check_details(d, path)
    check_calibration(d, path)


def check_calibration(d: dict, path: Path | None) -> None:
    """``calibration`` (absent in files before issue 15: temperature 1.0) is a table whose
    ``temperature`` is a finite number in :data:`TEMPERATURE_RANGE` (or exactly 1.0): it divides
    every logit, so 0, a negative or a huge value would turn every answer into nonsense."""
    cal = d.get("calibration", {})
    if not isinstance(cal, dict):
        raise fail(BAD_CALIBRATION, path, f"calibration is a {type(cal).__name__}, not a table")
    t = cal.get("temperature", 1.0)
    lo, hi = TEMPERATURE_RANGE
    if not _is_number(t) or not (t == 1.0 or lo <= t <= hi):
        raise fail(BAD_CALIBRATION, path, f"temperature = {t!r}"[:200])


# --- the weights -------------------------------------------------------------------------------


def check_weight_values(state: dict, path: Path | None) -> None:
    """Refuse weights that can only give NaN answers: non-finite values, a negative batch-norm
    variance, or integers where a layer needs floating point.

    Finiteness is checked on each tensor's sum, which is NaN or infinite exactly when an element
    is (short of float32 overflow, which only values no trained layer holds reach): one read
    pass and no temporary, ~5 ms for ResNet-18 against ~50 ms for ``isfinite(t).all()``.
    """
    import torch

    tensors = [(k, v) for k, v in state.items() if not k.endswith("num_batches_tracked")]
    bad_type = [k for k, v in tensors if not v.is_floating_point()]
    if bad_type:
        raise fail(BAD_DTYPE, path, f"not floating point: {bad_type[:5]}")
    sums = torch.stack([v.sum(dtype=torch.float32) if v.numel() else v.new_zeros((), dtype=torch.float32)
                        for _, v in tensors]) if tensors else torch.zeros(0)
    finite = torch.isfinite(sums)
    if not bool(finite.all()):
        names = [k for (k, _), ok in zip(tensors, finite.tolist()) if not ok]
        raise fail(NOT_FINITE, path, f"non-finite values in {names[:5]}")
    negative = [k for k, v in tensors if k.endswith("running_var") and v.numel() and bool((v < 0).any())]
    if negative:
        raise fail(NEGATIVE_VARIANCE, path, f"negative running_var in {negative[:5]}")
