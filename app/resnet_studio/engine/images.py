"""One safe, fast way to open any image a user drops, and the one preprocessing everything uses.

* :func:`open_image` is the only function in the app that decodes an image file. It returns an
  8-bit RGB ``PIL.Image`` (EXIF turn applied, alpha composited on white, CMYK/16-bit/palette/grey
  converted), decodes big JPEGs at a reduced size when the caller needs few pixels, refuses
  decompression bombs, and turns every failure into :class:`ImageReadError` with a plain message.
* :class:`Preprocess` is the resize → centre-crop → normalise step shared by inference, training
  (evaluation side) and feature extraction. It uses torchvision's own functional ops on PIL images,
  so its output equals ``weights.transforms()`` exactly.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from .errors import ImageReadError

IMAGE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".bmp", ".dib", ".tif", ".tiff", ".gif"}
)

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
# Never decode a truncated file into a half-grey picture silently: a damaged file is an error.
ImageFile.LOAD_TRUNCATED_IMAGES = False

_WHITE = (255, 255, 255)


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


def _too_large(path: Path, size: tuple[int, int], limit: int) -> ImageReadError:
    w, h = size
    return ImageReadError(
        path,
        f"This image is too large ({w} × {h} pixels); the limit is {limit // 1_000_000} megapixels.",
    )


def to_rgb(img: Image.Image) -> Image.Image:
    """Convert any Pillow mode to 8-bit RGB the way a person would expect to see it."""
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
        return _high_depth_to_rgb(img)
    return img.convert("RGB")


def _high_depth_to_rgb(img: Image.Image) -> Image.Image:
    """16-bit / 32-bit / float grey images: scale the range to 8 bits instead of clipping to white."""
    arr = np.asarray(img)
    if img.mode.startswith("I;16"):
        arr8 = (arr.astype(np.uint32) >> 8).astype(np.uint8)
    elif img.mode == "F":
        a = np.nan_to_num(arr.astype(np.float64))
        top = 1.0 if a.size and a.max() <= 1.0 and a.min() >= 0.0 else 255.0
        arr8 = np.clip(a / top * 255.0, 0, 255).round().astype(np.uint8)
    else:  # "I": 32-bit ints, usually 16-bit data in disguise
        a = arr.astype(np.int64)
        top = 65535 if a.size and a.max() > 255 else 255
        arr8 = np.clip(a * 255 // top, 0, 255).astype(np.uint8)
    return Image.fromarray(arr8, mode="L").convert("RGB")


def _apply_exif_orientation(img: Image.Image) -> None:
    """Turn the picture upright in place (no copy); a damaged EXIF block is ignored, not fatal,
    because the pixels themselves are fine."""
    try:
        ImageOps.exif_transpose(img, in_place=True)
    except Exception:  # noqa: BLE001 - malformed EXIF raises many kinds of errors
        pass


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
    Animated GIFs and multi-page TIFFs give their first frame.

    Raises :class:`ImageReadError` for every kind of failure, and nothing else.
    """
    p = Path(path)
    _check_path(p)
    try:
        with Image.open(p) as img:
            if img.width * img.height > max_pixels:
                raise _too_large(p, img.size, max_pixels)
            if getattr(img, "n_frames", 1) > 1:
                img.seek(0)
            # MPO is what many cameras and phones write: a JPEG with extra frames, same draft support.
            if min_side and img.format in ("JPEG", "MPO"):
                img.draft(None, (min_side, min_side))
            img.load()
            _apply_exif_orientation(img)
            try:
                return to_rgb(img)
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
        raise ImageReadError(
            p, "This file is not an image ResNet Studio can read (or it is badly damaged).",
            details=str(exc),
        ) from exc
    except MemoryError as exc:
        raise ImageReadError(p, "This image is too large to open with the memory available.") from exc
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.EACCES, errno.EPERM, errno.EISDIR, errno.ELOOP):
            raise _os_error(p, exc) from exc
        raise _damaged(p, exc) from exc
    except Exception as exc:  # noqa: BLE001 - decoders raise anything on hostile input
        raise _damaged(p, exc) from exc


@dataclass
class CollectedImages:
    """What :func:`collect_images` found: files to classify, and files skipped as non-images."""

    images: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def _walk_sorted(folder: Path) -> Iterator[Path]:
    # os.walk does not follow directory symlinks, so a symlink loop cannot make this run forever.
    for dirpath, dirnames, filenames in os.walk(folder, onerror=None):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _is_dir(path: Path) -> bool:
    # Path.is_dir raises for some errors (a name too long) in Python 3.11: such a path is kept as
    # a file instead, and open_image then says what is wrong with it.
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def collect_images(paths: Iterable[os.PathLike | str]) -> CollectedImages:
    """Expand files and folders (recursively, sorted, hidden entries ignored) into image files.

    A file named explicitly is always kept, whatever its extension, so that the user hears why it
    cannot be classified; inside folders, files without an image extension are skipped quietly.
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
            for f in _walk_sorted(p):
                (add(f) if is_image_path(f) else out.skipped.append(f))
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
