"""One safe, fast way to open any image a user drops, and the one preprocessing everything uses.

* :func:`open_image` is the only function in the app that decodes an image file. It returns an
  8-bit RGB ``PIL.Image`` (EXIF turn applied, alpha composited on white, CMYK/16-bit/palette/grey
  converted), decodes big JPEGs at a reduced size when the caller needs few pixels, refuses
  decompression bombs, and turns every failure into :class:`ImageReadError` with a plain message.
  It opens only an allow-list of raster formats (:data:`ALLOWED_FORMATS`), recognised by content
  whatever the file name: never PostScript/EPS/PDF, whose decoders start Ghostscript, a program.
  HEIC/HEIF (iPhone photos) come through ``pi-heif`` and camera RAW through ``rawpy`` when those
  packages are installed; the app works without them.
* :func:`picture_problem` is the one cheap test, used by every folder scan, of whether a file is
  a picture worth handing to :func:`open_image` (regular file, picture by name or by its first bytes).
* :class:`Preprocess` is the resize → centre-crop → normalise step shared by inference, training
  (evaluation side) and feature extraction. It uses torchvision's own functional ops on PIL images,
  so its output equals ``weights.transforms()`` exactly.
"""

from __future__ import annotations

import ctypes
import errno
import glob
import io
import logging
import os
import re
import stat
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from .errors import ImageReadError

try:  # HEIC/HEIF: iPhone photos. pi-heif is the decoder-only build of libheif (LGPL, no GPL x265).
    import pi_heif

    pi_heif.register_heif_opener()
except Exception:  # noqa: BLE001 - not installed or broken: HEIF files are then "not a picture"
    pi_heif = None

Image.init()

#: The Pillow formats we decode, most common first (Pillow tries them in this order). Only raster
#: formats that Pillow decodes itself: EPS/PS (runs Ghostscript), WMF/EMF (vector, rendered by the
#: system), PDF, and the stubs that need outside handlers (MPEG, GRIB, BUFR, HDF5, IPTC) are left out.
ALLOWED_FORMATS = (
    "JPEG", "PNG", "WEBP", "HEIF", "AVIF", "MPO", "TIFF", "GIF", "BMP", "DIB", "JPEG2000", "PPM",
    "TGA", "ICO", "CUR", "PSD", "DDS", "QOI", "PCX", "DCX", "SGI", "ICNS", "BLP", "SUN", "XBM", "XPM",
    "FLI", "IM", "MSP", "PCD", "PIXAR", "FTEX", "GBR", "IMT", "MCIDAS", "SPIDER", "XVTHUMB", "FITS",
)

#: Camera RAW files, opened with rawpy (LibRaw). Recognised by name: inside, most are TIFF files
#: whose first image is a small thumbnail, which Pillow would take for the whole picture.
RAW_EXTENSIONS = frozenset(
    {".dng", ".cr2", ".cr3", ".crw", ".nef", ".nrw", ".arw", ".srf", ".sr2", ".raf", ".orf", ".rw2",
     ".pef", ".srw", ".x3f", ".3fr", ".iiq", ".erf", ".mrw", ".kdc", ".dcr", ".rwl"}
)

IMAGE_EXTENSIONS = frozenset(
    {ext for ext, fmt in Image.registered_extensions().items() if fmt in ALLOWED_FORMATS}
    | {".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".bmp", ".dib", ".tif", ".tiff", ".gif",
       ".heic", ".heif", ".hif", ".avif"}
    | RAW_EXTENSIONS
)

#: A file bigger than this is not taken for a picture (the biggest picture we decode, 180 MP of
#: 16-bit RGBA stored uncompressed, is 1.4 GB); it also bounds what a folder scan may read.
MAX_FILE_BYTES = 4 << 30

#: Largest image we decode, in pixels (about 2x Pillow's own warning level, 13400 x 13400).
MAX_PIXELS = 180_000_000

#: Past this ratio of long to short side (after resizing), preprocessing resizes only the part
#: of the picture the centre crop keeps, so memory and time stay bounded whatever the shape.
MAX_ELONGATION = 8

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)

# We enforce our own pixel limit with a readable message; Pillow's warning would only be noise.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
# Pillow's decoders warn about oddities they recover from ("Corrupt EXIF data", "Truncated File
# Read" in a TIFF tag): nothing a user can act on, and the CLI would print them. Real failures
# still raise. (A module-level filter, because warnings.catch_warnings is not thread-safe.)
warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.")
# Pillow logs what it refuses ("More samples per pixel than can be decoded: 65535") with
# logging.error; with no handler configured Python prints that on stderr, beside the readable
# error the user gets for the same file. Such records still reach a handler the app installs.
logging.getLogger("PIL").addHandler(logging.NullHandler())
# Never decode a truncated file into a half-grey picture silently: a damaged file is an error.
ImageFile.LOAD_TRUNCATED_IMAGES = False

_WHITE = (255, 255, 255)


def _loaded_libtiff() -> str | None:
    """The file of the libtiff that Pillow's decoder uses, so we talk to that very copy."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                path = line.rsplit(None, 1)[-1]
                if "/libtiff" in path and ".so" in path:
                    return path
    except OSError:
        pass
    pil_dir = os.path.dirname(Image.__file__)
    for pattern in (".dylibs/libtiff*.dylib", "../pillow.libs/libtiff*"):  # macOS / other wheels
        found = sorted(glob.glob(os.path.join(pil_dir, pattern)))
        if found:
            return found[0]
    return None


def _quiet_libtiff() -> None:
    """libtiff prints its errors ("TIFFFillStrip: Read error on strip 1 ...") straight to the
    process's stderr, which Python cannot catch, and Pillow has no switch for it. The same failure
    reaches the user once anyway, as the ImageReadError of the file, so the C text is switched off
    (libtiff's documented way: a NULL error handler). Best effort: where Pillow links libtiff
    statically (Windows wheels) there is no library to reach, and nothing changes."""
    try:
        from PIL import _imaging  # noqa: F401 - loads libtiff, so its file is mapped

        path = _loaded_libtiff()
        if path is None:
            return
        lib = ctypes.CDLL(path)
        lib.TIFFSetErrorHandler.restype = ctypes.c_void_p
        lib.TIFFSetErrorHandler.argtypes = [ctypes.c_void_p]
        lib.TIFFSetErrorHandler(None)
    except Exception:  # noqa: BLE001 - cosmetic; never a reason to fail
        pass


_quiet_libtiff()


def allowed_formats() -> tuple[str, ...]:
    """:data:`ALLOWED_FORMATS` that this Pillow knows (plugins such as HEIF may be missing), in
    Pillow's own order of trying them: formats without a signature (TGA) come last there, so an
    icon is not taken for a TGA picture."""
    order = {f: i for i, f in enumerate(Image.ID)}
    return tuple(sorted((f for f in ALLOWED_FORMATS if f in Image.OPEN), key=lambda f: order.get(f, len(order))))


def is_image_path(path: os.PathLike | str) -> bool:
    """True when the file name has an image extension we can open (case-insensitive)."""
    return Path(path).suffix.lower() in IMAGE_EXTENSIONS


def _damaged(path: Path, exc: BaseException) -> ImageReadError:
    text = str(exc).lower()
    if "truncated" in text or "ends early" in text or isinstance(exc, EOFError) or "premature" in text:
        msg = "This file is damaged: it ends early (it may not have finished copying or downloading)."
    else:
        msg = "This file is damaged and could not be decoded."
    return ImageReadError(path, msg, details=f"{type(exc).__name__}: {exc}")


def _os_error(path: Path, exc: OSError) -> ImageReadError:
    reasons = {
        errno.ENOENT: "This file no longer exists (it was moved or deleted).",
        errno.EACCES: "You do not have permission to open this file.",
        errno.EPERM: "You do not have permission to open this file.",
        errno.EISDIR: "This is a folder, not an image.",
        errno.ELOOP: "This is a link that points to itself, not an image.",
        errno.ENAMETOOLONG: "The path of this file is too long to open.",
    }
    msg = reasons.get(exc.errno or 0, f"This file could not be read ({exc.strerror or exc}).")
    return ImageReadError(path, msg, details=f"{type(exc).__name__}: {exc}")


def _is_symlink(path: Path) -> bool:
    # Path.is_symlink/exists raise on some errors (name too long) in Python 3.11; lstat never lies.
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def _check_path(path: Path) -> None:
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno == errno.ENOENT and _is_symlink(path):
            raise ImageReadError(path, "This is a link to a file that no longer exists.") from exc
        raise _os_error(path, exc) from exc
    except ValueError as exc:  # a NUL character in the name: no such file can exist
        raise ImageReadError(path, "This file name is not valid.", details=str(exc)) from exc
    if stat.S_ISDIR(st.st_mode):
        raise ImageReadError(path, "This is a folder, not an image.")
    if not stat.S_ISREG(st.st_mode):
        # A pipe or device named like a picture would make the decoder wait forever.
        raise ImageReadError(path, "This is not a normal file (it is a device or a pipe), not an image.")
    if st.st_size == 0:
        raise ImageReadError(path, "This file is empty (0 bytes).")
    if st.st_size > MAX_FILE_BYTES:
        raise ImageReadError(path, "This file is far too big to be a picture.", details=f"{st.st_size} bytes")


def _too_large(path: Path, size: tuple[int, int], limit: int) -> ImageReadError:
    w, h = size
    return ImageReadError(
        path,
        f"This image is too large ({w} × {h} pixels); the limit is {limit // 1_000_000} megapixels.",
    )


def to_rgb(img: Image.Image, *, min_side: int | None = None) -> Image.Image:
    """Convert any Pillow mode to 8-bit RGB the way a person would expect to see it.

    ``min_side``: as in :func:`open_image`; 16/32-bit and float pictures are then shrunk (by a
    whole factor, shorter side kept at least ``min_side``) before they are converted.
    """
    mode = img.mode
    if mode == "RGB":
        return img
    if mode in ("RGBA", "LA", "PA", "RGBa", "La") or (mode == "P" and "transparency" in img.info) or (
        mode in ("L", "RGB") and "transparency" in img.info
    ):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, _WHITE)
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if mode.startswith("I;16") or mode in ("I", "F"):
        return _high_depth_to_rgb(img, min_side)
    return img.convert("RGB")


#: Pixels converted at a time from 16/32-bit to 8 bits: the conversion needs a few bytes per
#: pixel of scratch, so it works on bands instead of on a whole 169 MP picture (GBs of copies).
_BAND_PIXELS = 1 << 22


def _shrink(img: Image.Image, min_side: int | None) -> Image.Image:
    """Pillow's box reduce (in C, no copy of the original) by the largest whole factor that keeps
    the shorter side at least ``min_side``."""
    if not min_side or min(img.size) < 2 * min_side:
        return img
    return img.reduce(min(img.size) // min_side)


def _bands(img: Image.Image) -> Iterator[tuple[int, np.ndarray]]:
    w, h = img.size
    rows = max(1, _BAND_PIXELS // max(w, 1))
    for y in range(0, h, rows):
        yield y, np.asarray(img.crop((0, y, w, min(h, y + rows))))


def _grey_scale(img: Image.Image) -> Callable[[np.ndarray], np.ndarray]:
    """How one band of a 16/32-bit or float grey picture becomes 8 bits: its range is scaled to
    0-255 instead of clipped to white (the range needs a first pass over the bands for I and F)."""
    if img.mode.startswith("I;16"):
        return lambda a: (a >> 8).astype(np.uint8)
    if img.mode == "F":
        lo, hi = np.inf, -np.inf
        for _, a in _bands(img):
            lo, hi = min(lo, float(np.fmin.reduce(a, axis=None))), max(hi, float(np.fmax.reduce(a, axis=None)))
        # NaN is treated as 0 and infinities as extremes, as np.nan_to_num would
        top = np.float32(1.0 if 0.0 <= lo and hi <= 1.0 else 255.0)

        def f(a: np.ndarray) -> np.ndarray:
            a = np.nan_to_num(a, nan=0.0, posinf=top, neginf=0.0) * (np.float32(255.0) / top)
            return np.clip(a, 0, 255).round().astype(np.uint8)

        return f
    # "I": 32-bit ints, usually 16-bit data in disguise
    hi = max((int(a.max()) for _, a in _bands(img) if a.size), default=0)
    top = 65535 if hi > 255 else 255
    return lambda a: np.clip(a.astype(np.int64) * 255 // top, 0, 255).astype(np.uint8)


def _high_depth_to_rgb(img: Image.Image, min_side: int | None = None) -> Image.Image:
    """16-bit / 32-bit / float grey images: scale the range to 8 bits instead of clipping to white.

    Memory stays near the decoded picture itself: I and F are reduced first when the caller needs
    few pixels, and the conversion runs band by band into one 8-bit buffer (a 169 MP float TIFF
    took 6.2 GB when converted in one go through float64 copies)."""
    if img.mode in ("I", "F"):
        img = _shrink(img, min_side)
    w, h = img.size
    scale = _grey_scale(img)
    out = np.empty((h, w), np.uint8)
    for y, band in _bands(img):
        out[y:y + band.shape[0]] = scale(band)
    grey = Image.frombuffer("L", (w, h), out, "raw", "L", 0, 1)  # shares ``out``: no copy
    return _shrink(grey, min_side).convert("RGB")


def _apply_exif_orientation(img: Image.Image) -> None:
    """Turn the picture upright in place (no copy); a damaged EXIF block is ignored, not fatal,
    because the pixels themselves are fine."""
    try:
        ImageOps.exif_transpose(img, in_place=True)
    except Exception:  # noqa: BLE001 - malformed EXIF raises many kinds of errors
        pass


def _first_bytes(path: Path, n: int = 16) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(n)
    except OSError:
        return b""


_DOCUMENT_MAGIC = (b"%!", b"\xc5\xd0\xd3\xc6", b"%PDF")  # PostScript/EPS, DOS EPS, PDF


def _unidentified_message(path: Path) -> str:
    """Why Pillow found no allowed format: a document, a HEIC without its plugin, or anything else."""
    head = _first_bytes(path)
    if head.startswith(_DOCUMENT_MAGIC):
        return ("This is a PostScript or PDF document, not a picture. ResNet Studio does not open "
                "documents, because opening them can run programs.")
    if path.suffix.lower() in (".heic", ".heif", ".hif", ".heics", ".heifs") and pi_heif is None:
        return "This is a HEIC photo, and this copy of ResNet Studio cannot read HEIC photos."
    if path.suffix.lower() in RAW_EXTENSIONS:
        return "This is a camera RAW picture, and this copy of ResNet Studio cannot read RAW pictures."
    return "This file is not an image ResNet Studio can read (or it is badly damaged)."


def _open_raw(path: Path, min_side: int | None, max_pixels: int) -> Image.Image | None:
    """A camera RAW picture through rawpy, or None when rawpy is not installed (Pillow then gets
    the file: many RAW files hold a TIFF preview it can show).

    The embedded JPEG preview is used when its shorter side is at least ``min_side`` (it is what
    the camera showed, and it is decoded in milliseconds); otherwise the sensor data is developed
    at half size (camera white balance, 8 bits), which is plenty for a model that sees 224 pixels.
    """
    try:
        import rawpy
    except ImportError:
        return None
    try:
        with rawpy.imread(str(path)) as raw:
            preview = _raw_preview(raw, min_side)
            if preview is not None:
                return preview
            w, h = raw.sizes.width, raw.sizes.height
            if w * h > max_pixels:
                raise _too_large(path, (w, h), max_pixels)
            rgb = raw.postprocess(half_size=True, use_camera_wb=True, output_bps=8)
    except ImageReadError:
        raise
    except MemoryError as exc:
        raise ImageReadError(path, "This image is too large to open with the memory available.") from exc
    except Exception as exc:  # noqa: BLE001 - LibRaw raises its own error types for bad files
        if type(exc).__name__ in ("LibRawFileUnsupportedError", "NotSupportedError"):
            raise ImageReadError(
                path, "This camera RAW file is of a kind ResNet Studio cannot read.", details=repr(exc)
            ) from exc
        raise _damaged(path, exc) from exc
    return Image.fromarray(np.ascontiguousarray(rgb[..., :3], dtype=np.uint8))


def _raw_preview(raw, min_side: int | None) -> Image.Image | None:
    """The camera's own JPEG preview, upright and RGB, when it has enough pixels; else None."""
    if not min_side:
        return None
    try:
        thumb = raw.extract_thumb()
    except Exception:  # noqa: BLE001 - no preview, or a damaged one: develop the sensor data
        return None
    if getattr(thumb.format, "name", str(thumb.format)).upper().endswith("JPEG"):
        try:
            img = Image.open(io.BytesIO(thumb.data), formats=["JPEG", "MPO"])
            if min(img.size) < min_side:
                return None
            img.draft(None, (min_side, min_side))
            img.load()
            _apply_exif_orientation(img)
            return to_rgb(img)
        except Exception:  # noqa: BLE001
            return None
    return None


def open_image(
    path: os.PathLike | str,
    *,
    min_side: int | None = None,
    max_pixels: int = MAX_PIXELS,
) -> Image.Image:
    """Open ``path`` as an upright 8-bit RGB image.

    ``min_side``: the caller will shrink the image so its shorter side is about this many pixels;
    big JPEGs are then decoded at 1/2, 1/4 or 1/8 scale (Pillow's draft mode) while keeping the
    shorter side at least ``min_side``, which is several times faster and uses less memory.
    16/32-bit and float pictures are then reduced by a whole factor before their conversion to
    8 bits, which keeps memory near the size of the decoded picture.
    Animated GIFs and multi-page TIFFs give their first frame. Only :data:`ALLOWED_FORMATS` are
    opened, recognised by content whatever the name; camera RAW files go through rawpy.

    Raises :class:`ImageReadError` for every kind of failure, and nothing else.
    """
    p = Path(path)
    _check_path(p)
    try:
        if p.suffix.lower() in RAW_EXTENSIONS:
            raw = _open_raw(p, min_side, max_pixels)
            if raw is not None:
                return raw
        with Image.open(p, formats=allowed_formats()) as img:
            if img.width * img.height > max_pixels:
                raise _too_large(p, img.size, max_pixels)
            # A freshly opened file is at its first frame (GIF, TIFF page, the merged picture of a
            # PSD, whose layers count from 1: seeking to 0 there fails).
            # MPO is what many cameras and phones write: a JPEG with extra frames, same draft support.
            if min_side and img.format in ("JPEG", "MPO"):
                img.draft(None, (min_side, min_side))
            img.load()
            _apply_exif_orientation(img)
            try:
                return to_rgb(img, min_side=min_side)
            except ValueError as exc:  # Pillow has no conversion for rare modes (LAB, HSV...)
                raise ImageReadError(
                    p, f"This image uses a colour format ResNet Studio cannot convert ({img.mode}).",
                    details=str(exc),
                ) from exc
    except ImageReadError:
        raise
    except Image.DecompressionBombError as exc:
        # Pillow refuses before the size is known to us; its message holds the pixel count.
        found = re.search(r"\((\d+) pixels\)", str(exc))
        size = f" ({int(found.group(1)) // 1_000_000:,} megapixels)" if found else ""
        raise ImageReadError(
            p, f"This image is too large{size}; the limit is {max_pixels // 1_000_000} megapixels.",
            details=str(exc),
        ) from exc
    except UnidentifiedImageError as exc:
        raise ImageReadError(p, _unidentified_message(p), details=str(exc)) from exc
    except MemoryError as exc:
        raise ImageReadError(p, "This image is too large to open with the memory available.") from exc
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.EACCES, errno.EPERM, errno.EISDIR, errno.ELOOP):
            raise _os_error(p, exc) from exc
        raise _damaged(p, exc) from exc
    except Exception as exc:  # noqa: BLE001 - decoders raise anything on hostile input
        raise _damaged(p, exc) from exc


#: Why a file in a folder is not handed to the decoder (see :func:`picture_problem`).
NOT_A_PICTURE = "not a picture"
NOT_A_NORMAL_FILE = "not a normal file (a device, a pipe, or a link to one)"
TOO_BIG = "far too big to be a picture"


def sniff_format(path: os.PathLike | str) -> str | None:
    """The allowed format ``path`` holds, from its first bytes and header (no pixels decoded), or
    None. Call it on regular files only (a pipe would make it wait)."""
    try:
        with Image.open(path, formats=allowed_formats()) as img:
            return img.format
    except Exception:  # noqa: BLE001 - whatever it is, it is not a picture we can open
        return None


def picture_problem(path: os.PathLike | str, entry: os.DirEntry | None = None) -> str | None:
    """Why a file found in a folder is not a picture to open (a short phrase), or None when it is.

    Only regular files (links followed) up to :data:`MAX_FILE_BYTES` are pictures: a pipe or a
    link to ``/dev/zero`` named ``x.jpg`` would make every reader wait forever. A file with a
    picture extension is taken on its name without being read (on a 20,000-picture folder a second
    read of every file costs more than the scan; :func:`open_image` checks the content anyway);
    any other file is recognised by content, so a scan saved without an extension counts.
    ``entry``, when the caller has one from ``os.scandir``, saves a system call per plain file.
    """
    try:
        if entry is not None and not entry.is_symlink() and entry.is_file(follow_symlinks=False):
            st = None  # a plain file, known from the folder listing itself
        else:
            st = os.stat(path)
    except (OSError, ValueError):
        # Gone, a broken link, no permission: a picture name goes on so that open_image says
        # which; anything else is just not a picture.
        return None if is_image_path(path) else NOT_A_PICTURE
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            return NOT_A_NORMAL_FILE
        if st.st_size > MAX_FILE_BYTES:
            return TOO_BIG
    if is_image_path(path):
        return None
    return None if sniff_format(path) else NOT_A_PICTURE


@dataclass
class CollectedImages:
    """What :func:`collect_images` found: files to classify, and files skipped as non-images.

    ``reasons`` maps each skipped file to why (:data:`NOT_A_PICTURE`, :data:`NOT_A_NORMAL_FILE`...).
    """

    images: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    reasons: dict[Path, str] = field(default_factory=dict)


def _walk_sorted(folder: Path) -> Iterator[tuple[Path, os.DirEntry]]:
    """Files under ``folder`` (sorted, depth first, hidden entries left out), with their entries.

    Links to folders are not followed, so a link loop cannot make this run forever."""
    stack = [str(folder)]
    while stack:
        top = stack.pop()
        try:
            with os.scandir(top) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError:
            continue
        dirs = []
        for e in entries:
            try:
                is_dir = e.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(e.path)
            elif not (e.is_symlink() and _is_dir(Path(e.path))):
                yield Path(e.path), e
        stack.extend(reversed(dirs))


def _is_dir(path: Path) -> bool:
    # Path.is_dir raises for some errors (a name too long) in Python 3.11: such a path is kept as
    # a file instead, and open_image then says what is wrong with it.
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def collect_images(paths: Iterable[os.PathLike | str]) -> CollectedImages:
    """Expand files and folders (recursively, sorted, hidden entries ignored) into image files.

    A file named explicitly is always kept, whatever it is, so that the user hears why it cannot
    be classified. Inside folders, pictures are recognised by :func:`picture_problem` (by name or
    by content); everything else is listed in ``skipped``, with ``reasons``, never dropped silently.
    Duplicates (the same file given twice) are kept once, in first-seen order.
    """
    out = CollectedImages()
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = Path(os.path.abspath(p))
        if key not in seen:
            seen.add(key)
            out.images.append(p)

    for raw in paths:
        p = Path(raw)
        if _is_dir(p):
            for f, entry in _walk_sorted(p):
                why = picture_problem(f, entry)
                if why is None:
                    add(f)
                else:
                    out.skipped.append(f)
                    out.reasons[f] = why
        else:
            add(p)
    return out


@dataclass(frozen=True)
class Preprocess:
    """Resize the shorter side to ``resize_size``, centre-crop ``crop_size``, normalise.

    Equal to torchvision's ``ImageClassification`` transform on PIL images (it calls the same
    functional ops), so predictions match torchvision's reference pipeline.
    """

    crop_size: int = 224
    resize_size: int = 256
    mean: tuple[float, float, float] = IMAGENET_MEAN
    std: tuple[float, float, float] = IMAGENET_STD

    @classmethod
    def from_weights(cls, weights) -> "Preprocess":
        """Read sizes and normalisation from a torchvision weights enum's own transforms."""
        t = weights.transforms()
        return cls(
            crop_size=int(t.crop_size[0]),
            resize_size=int(t.resize_size[0]),
            mean=tuple(float(x) for x in t.mean),
            std=tuple(float(x) for x in t.std),
        )

    @classmethod
    def for_image_size(cls, image_size: int, **kwargs) -> "Preprocess":
        """The classic ratio (256 → 224) for any training image size."""
        return cls(crop_size=image_size, resize_size=int(round(image_size * 256 / 224)), **kwargs)

    def resize_crop(self, img: Image.Image) -> Image.Image:
        from torchvision.transforms.v2 import InterpolationMode
        from torchvision.transforms.v2 import functional as F

        if self._elongated(img.size):
            return self._resize_crop_region(img)
        img = F.resize(img, [self.resize_size], interpolation=InterpolationMode.BILINEAR, antialias=True)
        return F.center_crop(img, [self.crop_size])

    def _resized_size(self, size: tuple[int, int]) -> tuple[int, int]:
        """(width, height) after the shorter side is resized to ``resize_size`` (torchvision's rule)."""
        w, h = size
        short, long = (w, h) if w <= h else (h, w)
        new_long = int(self.resize_size * long / short)
        return (self.resize_size, new_long) if w <= h else (new_long, self.resize_size)

    def _elongated(self, size: tuple[int, int]) -> bool:
        # Resizing a 1 x 3000 line to 256 px wide makes a 256 x 768000 picture (1.4 GB, 17 s) only
        # to keep its middle: far from square, only the region that survives the crop is resized.
        if self.resize_size < self.crop_size or min(size) < 1:
            return False
        new_w, new_h = self._resized_size(size)
        return max(new_w, new_h) > MAX_ELONGATION * self.resize_size

    def _resize_crop_region(self, img: Image.Image) -> Image.Image:
        """Resize then centre-crop in one step: Pillow resamples just the source box that maps onto
        the crop. Its filter still reads pixels outside the box, so the result equals resizing
        everything then cropping (to rounding: at most 1/255 on a few pixels)."""
        w, h = img.size
        new_w, new_h = self._resized_size(img.size)
        c = self.crop_size
        top, left = int(round((new_h - c) / 2.0)), int(round((new_w - c) / 2.0))  # as center_crop
        sx, sy = w / new_w, h / new_h
        box = (left * sx, top * sy, (left + c) * sx, (top + c) * sy)
        return img.resize((c, c), Image.Resampling.BILINEAR, box=box)

    def normalize_array(self, img: Image.Image) -> np.ndarray:
        """``float32`` array (3, H, W), normalised, from an RGB image of any size."""
        arr = np.asarray(img, dtype=np.float32).transpose(2, 0, 1) / np.float32(255.0)
        mean = np.asarray(self.mean, dtype=np.float32)[:, None, None]
        std = np.asarray(self.std, dtype=np.float32)[:, None, None]
        return np.ascontiguousarray((arr - mean) / std)

    def array(self, img: Image.Image) -> np.ndarray:
        """Resize, crop and normalise a PIL image into a ``float32`` (3, crop, crop) array."""
        return self.normalize_array(self.resize_crop(img))

    def __call__(self, img: Image.Image):
        """Same as :meth:`array`, as a ``torch.Tensor`` (for torchvision-style dataset use)."""
        import torch

        return torch.from_numpy(self.array(img))

    def load(self, path: os.PathLike | str) -> np.ndarray:
        """Open (with reduced-size JPEG decoding) and preprocess one file."""
        return self.array(open_image(path, min_side=self.resize_size))

    def to_dict(self) -> dict:
        return {
            "crop_size": self.crop_size,
            "resize_size": self.resize_size,
            "mean": list(self.mean),
            "std": list(self.std),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Preprocess":
        return cls(
            crop_size=int(d["crop_size"]),
            resize_size=int(d["resize_size"]),
            mean=tuple(float(x) for x in d["mean"]),
            std=tuple(float(x) for x in d["std"]),
        )
