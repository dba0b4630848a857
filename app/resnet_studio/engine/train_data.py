"""Feeding pictures to full / last-stage training fast: decode once, augment in a thread.

* :class:`ImageBank` decodes every training and validation picture **once**, at a modest size
  (shorter side = the preprocessing's resize size, reduced-size JPEG decoding), and keeps the
  8-bit pixels in RAM when they fit (a 1,000-picture folder at 224 px takes about 250 MB).
  A plain training loop decodes and resizes each full-size photo again in every epoch. When the
  folder is too big for the memory budget, pictures are decoded on the fly instead.
* :class:`Augment` is the usual random resized crop, horizontal flip and mild colour jitter, done
  with torchvision ``transforms.v2`` functional ops on the Pillow images; its random numbers come
  from a generator seeded by (seed, epoch), so a run is repeatable even though batches are made
  in a background thread.
* :func:`prefetch` runs batch making in a thread (never a process: a frozen app has none), so it
  overlaps with the forward and backward pass.

Validation pictures get exactly :class:`images.Preprocess`'s resize + centre crop.
"""

from __future__ import annotations

import math
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .errors import CancelledError, ImageReadError
from .images import Preprocess, open_image

if TYPE_CHECKING:
    from PIL import Image

#: Largest share of the available memory the decoded pictures may take.
RAM_SHARE = 0.3
#: ... and never more than this.
RAM_CAP = 6 << 30
#: Pictures wider than this many times their height (or taller) are cropped to it when kept.
MAX_ASPECT = 2.0


def available_memory() -> int:
    """Bytes of memory free for us; a conservative guess when the system does not say."""
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        pass
    if sys.platform == "win32":
        try:
            import ctypes

            class _Status(ctypes.Structure):
                _fields_ = [("dwLength", ctypes.c_ulong), ("dwMemoryLoad", ctypes.c_ulong),
                            ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
                            ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
                            ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
                            ("ullAvailExtendedVirtual", ctypes.c_ulonglong)]

            st = _Status()
            st.dwLength = ctypes.sizeof(_Status)
            if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(st)):  # type: ignore[attr-defined]
                return int(st.ullAvailPhys)
        except Exception:  # noqa: BLE001
            pass
    return 4 << 30


def bank_bytes(n_images: int, resize_size: int) -> int:
    """Estimated RAM for ``n_images`` decoded pictures (4:3 photos, 3 bytes a pixel)."""
    return int(n_images * 3 * resize_size * resize_size * 4 / 3)


def fits_in_ram(n_images: int, resize_size: int, processes: int = 1) -> bool:
    """Whether ``n_images`` decoded pictures fit our memory budget; ``processes``: how many training
    processes on this computer keep their own copy (torchrun), so each gets its share."""
    budget = min(RAM_CAP, RAM_SHARE * available_memory()) / max(1, processes)
    return bank_bytes(n_images, resize_size) <= budget


def decode_small(path: os.PathLike | str, resize_size: int) -> "Image.Image":
    """The picture with its shorter side ``resize_size``, resized exactly as Preprocess does."""
    from torchvision.transforms.v2 import InterpolationMode
    from torchvision.transforms.v2 import functional as F

    img = open_image(path, min_side=resize_size)
    img = F.resize(img, [resize_size], interpolation=InterpolationMode.BILINEAR, antialias=True)
    w, h = img.size
    # A panorama keeps its middle: random crops never reach far outside the centre crop anyway.
    limit = int(MAX_ASPECT * min(w, h))
    if max(w, h) > limit:
        img = F.center_crop(img, [min(h, limit), min(w, limit)])
    img.load()
    return img


class ImageBank:
    """Pictures by index, decoded at a modest size; in RAM (decoded once) or from disk each time."""

    def __init__(self, paths: Sequence[os.PathLike | str], preprocess: Preprocess, *, in_ram: bool | None = None) -> None:
        self.paths = [str(p) for p in paths]
        self.preprocess = preprocess
        self.in_ram = fits_in_ram(len(self.paths), preprocess.resize_size) if in_ram is None else in_ram
        self._images: list = [None] * len(self.paths)

    def load_all(
        self,
        *,
        workers: int = 2,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> list[tuple[int, str]]:
        """Decode everything now (when kept in RAM). Returns ``(index, reason)`` of unreadable files."""
        bad: list[tuple[int, str]] = []
        if not self.in_ram:
            return bad
        n = len(self.paths)
        size = self.preprocess.resize_size

        def one(i: int):
            if cancel is not None and cancel.is_set():
                return i, None, None
            try:
                return i, decode_small(self.paths[i], size), None
            except ImageReadError as exc:
                return i, None, str(exc)

        with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="decode") as pool:
            for done, (i, img, error) in enumerate(pool.map(one, range(n)), 1):
                if cancel is not None and cancel.is_set():
                    raise CancelledError()
                if error is not None:
                    bad.append((i, error))
                self._images[i] = img
                if progress and (done % 16 == 0 or done == n):
                    progress(done, n)
        return bad

    def get(self, i: int) -> "Image.Image":
        """The decoded picture ``i``; raises ``ImageReadError`` (only when decoding on the fly)."""
        img = self._images[i]
        if img is None:
            if self.in_ram:
                raise ImageReadError(self.paths[i], "This file could not be read.")
            img = decode_small(self.paths[i], self.preprocess.resize_size)
        return img

    def center(self, i: int) -> "Image.Image":
        """Validation input: Preprocess's centre crop."""
        from torchvision.transforms.v2 import functional as F

        return F.center_crop(self.get(i), [self.preprocess.crop_size])


@dataclass(frozen=True)
class Augment:
    """Random resized crop + horizontal flip + mild colour jitter (torchvision v2 functional ops)."""

    scale: tuple[float, float] = (0.25, 1.0)
    ratio: tuple[float, float] = (3 / 4, 4 / 3)
    hflip: bool = True
    jitter: float = 0.2  # brightness, contrast and saturation vary by up to ±20%

    def crop_box(self, height: int, width: int, rng: np.random.Generator) -> tuple[int, int, int, int]:
        """torchvision's RandomResizedCrop.get_params, drawing from ``rng``."""
        area = height * width
        log_ratio = (math.log(self.ratio[0]), math.log(self.ratio[1]))
        for _ in range(10):
            target = area * rng.uniform(*self.scale)
            aspect = math.exp(rng.uniform(*log_ratio))
            w = int(round(math.sqrt(target * aspect)))
            h = int(round(math.sqrt(target / aspect)))
            if 0 < w <= width and 0 < h <= height:
                top = int(rng.integers(0, height - h + 1))
                left = int(rng.integers(0, width - w + 1))
                return top, left, h, w
        in_ratio = width / height
        if in_ratio < self.ratio[0]:
            w, h = width, int(round(width / self.ratio[0]))
        elif in_ratio > self.ratio[1]:
            h, w = height, int(round(height * self.ratio[1]))
        else:
            w, h = width, height
        return (height - h) // 2, (width - w) // 2, h, w

    def __call__(self, img: "Image.Image", size: int, rng: np.random.Generator) -> "Image.Image":
        from torchvision.transforms.v2 import InterpolationMode
        from torchvision.transforms.v2 import functional as F

        top, left, ch, cw = self.crop_box(img.height, img.width, rng)
        out = F.resized_crop(img, top, left, ch, cw, [size, size],
                             interpolation=InterpolationMode.BILINEAR, antialias=True)
        # every number is drawn every time, so switching an option off changes nothing else
        flip = rng.random() < 0.5
        b, c, s = 1.0 + self.jitter * rng.uniform(-1.0, 1.0, 3)
        if self.hflip and flip:
            out = F.horizontal_flip(out)
        if self.jitter > 0:
            out = F.adjust_brightness(out, float(b))
            out = F.adjust_contrast(out, float(c))
            out = F.adjust_saturation(out, float(s))
        return out


def make_batches(
    bank: ImageBank,
    items: Sequence[tuple[int, int]],
    batch_size: int,
    *,
    augment: Augment | None,
    seed: int,
    epoch: int,
    shuffle: bool,
    on_unreadable: Callable[[int, str], None],
    drop_single: bool = False,
    shard: tuple[int, int] | None = None,
) -> Iterator[tuple]:
    """Batches ``(x uint8 (B,3,S,S) channels-last, y int64 (B,), positions)`` of ``items`` =
    (bank index, label). Only Pillow and numpy work here (no torch operations), so a batch made in
    a background thread never competes with the training step for torch's worker threads.

    Training order and augmentation depend only on ``seed`` and ``epoch``: each picture's random
    crop comes from its own generator seeded by (seed, epoch, item), so it is the same whichever
    process of a distributed run makes it. ``drop_single``: leave out a last batch too small to
    learn from (batch norm needs two pictures in each process; shuffling gives them a place in
    another epoch). ``shard=(rank, world_size)``: yield only this process's contiguous share of each
    batch of ``batch_size`` (the global batch), so all processes together see what one would.
    """
    import torch

    rank, world = shard if shard is not None else (0, 1)
    rng = np.random.default_rng([seed, epoch])
    order = rng.permutation(len(items)) if shuffle else np.arange(len(items))
    if drop_single and len(order) > 1 and 0 < len(order) % batch_size < 2 * world:
        order = order[:len(order) - len(order) % batch_size]
    size = bank.preprocess.crop_size
    for start in range(0, len(order), batch_size):
        chunk = order[start:start + batch_size]
        if world > 1:
            bounds = np.linspace(0, len(chunk), world + 1).round().astype(int)
            chunk = chunk[bounds[rank]:bounds[rank + 1]]
        xs, ys, pos = [], [], []
        for k in chunk:
            idx, label = items[int(k)]
            try:
                img = bank.get(idx) if augment is not None else bank.center(idx)
            except ImageReadError as exc:
                on_unreadable(idx, str(exc))
                continue
            if augment is not None:
                img = augment(img, size, np.random.default_rng([seed, epoch, int(k)]))
            xs.append(np.asarray(img))
            ys.append(label)
            pos.append(int(k))
        if xs:
            # (B, H, W, 3) bytes seen as (B, 3, H, W): channels-last without a copy
            x = torch.from_numpy(np.stack(xs)).permute(0, 3, 1, 2)
            yield x, torch.tensor(ys, dtype=torch.int64), pos
        elif world > 1:  # every process must take part in every step, even with nothing to add
            yield torch.zeros((0, 3, size, size), dtype=torch.uint8), torch.zeros(0, dtype=torch.int64), pos


_DONE = object()


def prefetch(iterable_fn: Callable[[], Iterator], *, depth: int = 2, pin: bool = False) -> Iterator:
    """Run ``iterable_fn()`` in a background thread, ``depth`` items ahead of the consumer.

    Errors in the thread are raised in the consumer; stopping early (break, cancel) stops it.
    """
    q: queue.Queue = queue.Queue(maxsize=max(1, depth))
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                q.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def run() -> None:
        try:
            for item in iterable_fn():
                if pin:
                    item = (item[0].pin_memory(), *item[1:])
                if not put(item):
                    return
            put(_DONE)
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer
            put(exc)

    thread = threading.Thread(target=run, name="batches", daemon=True)
    thread.start()
    try:
        while True:
            item = q.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join(timeout=5)
