"""Fuzzing the one image opener: mutated JPEG, PNG, GIF, WebP and TIFF bytes.

Whatever the bytes, :func:`open_image` returns an RGB picture within the pixel limit or raises
:class:`ImageReadError` (nothing else), in bounded time and memory, and leaves no file open; a
picture that opens also goes through :class:`Preprocess` (the model input) cheaply.

Mutations: byte flips, truncations, insertions, and header field changes (PNG IHDR with a valid
CRC, JPEG SOF, GIF screen and frame sizes, WebP VP8X canvas, any TIFF IFD entry) set to boundary
values (0, 1, 0xFFFF, 2**31-1, ...), stacked one to four deep on valid seed files of several
kinds (progressive JPEG, interlaced/palette/16-bit PNG, animated GIF and WebP, multi-page and
compressed TIFF).

The default run uses a fixed, derandomised profile (~200 examples, about 15 s on a busy 2-core
machine); ``-m slow`` runs a long randomised one. ``bench/fuzz_images_atheris.py`` does the same
with coverage-guided atheris.
"""

from __future__ import annotations

import io
import os
import resource
import signal
import struct
import zlib
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from resnet_studio.engine.errors import ImageReadError
from resnet_studio.engine.images import Preprocess, open_image

#: Pixel limit for fuzzed files: a mutated header can claim anything up to it, and Pillow reserves
#: the memory for the claimed size before decoding, so the limit is what bounds memory.
FUZZ_MAX_PIXELS = 4_000_000
PREPROCESS = Preprocess.for_image_size(64)
#: Peak resident memory may grow by at most this much over a whole fuzz run.
RSS_GROWTH_LIMIT_MB = 300
#: A single example running longer than this is a hang (far above the ~1-20 ms they take).
HANG_SECONDS = 20

# Pillow warns about the damage it recovers from (the app silences these module-wide; pytest
# resets warning filters per test).
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

COMMON = dict(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    # Timing on a shared machine varies a lot; a real hang is caught by the watchdog below.
    deadline=timedelta(seconds=5),
    print_blob=True,
)
FAST = settings(max_examples=40, derandomize=True, database=None, **COMMON)  # x 5 formats = 200
SLOW = settings(max_examples=2000, derandomize=False, database=None, **COMMON)

FORMATS = ["JPEG", "PNG", "GIF", "WEBP", "TIFF"]
EXT = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp", "TIFF": ".tif"}
BOUNDARY = [0, 1, 2, 3, 7, 8, 16, 255, 256, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 60000, 0x7FFFFFFF, 0xFFFFFFFF]


# --------------------------------------------------------------------------------- seed files


def _picture(w: int, h: int, seed: int = 0) -> Image.Image:
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w]
    arr = np.stack([xx * 255 // max(w - 1, 1), yy * 255 // max(h - 1, 1), (xx ^ yy) & 255], -1)
    arr = np.clip(arr + rng.integers(-30, 30, arr.shape), 0, 255).astype(np.uint8)
    return Image.fromarray(arr, "RGB")


def _encode(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **kw)
    return buf.getvalue()


def _seeds() -> dict[str, list[bytes]]:
    a, b = _picture(24, 16, 1), _picture(16, 24, 2)
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the EXIF turn code path
    return {
        "JPEG": [
            _encode(a, "JPEG", quality=85),
            _encode(b, "JPEG", quality=70, progressive=True, exif=exif.tobytes()),
            _encode(a.convert("L"), "JPEG"),
            _encode(a.convert("CMYK"), "JPEG"),
        ],
        "PNG": [
            _encode(a, "PNG"),
            _encode(a.convert("RGBA"), "PNG", optimize=True),
            _encode(b.convert("P", palette=Image.Palette.ADAPTIVE, colors=16), "PNG", transparency=0),
            _encode(b.convert("LA"), "PNG"),
            _encode(Image.fromarray((np.arange(24 * 16, dtype=np.uint16).reshape(16, 24) * 170)), "PNG"),
        ],
        "GIF": [
            _encode(a.convert("P"), "GIF"),
            _encode(a.convert("P"), "GIF", save_all=True, append_images=[b.resize(a.size).convert("P")],
                    duration=50, loop=0),
            _encode(b.convert("P", palette=Image.Palette.ADAPTIVE, colors=4), "GIF", transparency=1),
        ],
        "WEBP": [
            _encode(a, "WEBP", quality=80),
            _encode(a.convert("RGBA"), "WEBP", lossless=True),
            _encode(a, "WEBP", save_all=True, append_images=[b.resize(a.size)], duration=50),
        ],
        "TIFF": [
            _encode(a, "TIFF"),
            _encode(a, "TIFF", compression="tiff_lzw"),
            _encode(b, "TIFF", compression="tiff_deflate"),
            _encode(a.convert("L"), "TIFF", compression="packbits"),
            _encode(a, "TIFF", save_all=True, append_images=[b.resize(a.size)]),
            _encode(a, "TIFF", compression="jpeg"),
        ],
    }


SEEDS = _seeds()


# --------------------------------------------------------------------------------- mutations


def _put(buf: bytearray, pos: int, value: int, size: int, order: str) -> None:
    if 0 <= pos and pos + size <= len(buf):
        buf[pos:pos + size] = (value & ((1 << (8 * size)) - 1)).to_bytes(size, order)


def _png_ihdr(buf: bytearray, field: int, value: int) -> None:
    """Change width/height/depth/colour type/interlace in IHDR and fix its CRC, so the change
    reaches the decoder instead of failing the checksum."""
    if buf[12:16] != b"IHDR" or len(buf) < 33:
        return
    offset, size = [(16, 4), (20, 4), (24, 1), (25, 1), (26, 1), (27, 1), (28, 1)][field % 7]
    _put(buf, offset, value, size, "big")
    buf[29:33] = struct.pack(">I", zlib.crc32(bytes(buf[12:29])))


def _jpeg_sof(buf: bytearray, field: int, value: int) -> None:
    for marker in (b"\xff\xc0", b"\xff\xc1", b"\xff\xc2"):
        i = buf.find(marker)
        if i >= 0:
            # SOF: length(2) precision(1) height(2) width(2) components(1)
            offset, size = [(5, 2), (7, 2), (4, 1), (9, 1), (2, 2)][field % 5]
            _put(buf, i + offset, value, size, "big")
            return


def _gif_sizes(buf: bytearray, field: int, value: int) -> None:
    if field % 2 == 0:
        _put(buf, 6 + 2 * (field // 2 % 2), value, 2, "little")  # logical screen width / height
    else:
        i = buf.find(b"\x2c", 13)  # an image descriptor: left, top, width, height
        if i >= 0:
            _put(buf, i + 1 + 2 * (field // 2 % 4), value, 2, "little")


def _webp_header(buf: bytearray, field: int, value: int) -> None:
    i = buf.find(b"VP8X")
    if i >= 0:
        _put(buf, i + 12 + 3 * (field % 2), value, 3, "little")  # canvas width-1 / height-1
    else:
        _put(buf, 4, value, 4, "little")  # RIFF size
        for tag in (b"VP8 ", b"VP8L"):
            j = buf.find(tag)
            if j >= 0:
                _put(buf, j + 8 + 6 + 2 * (field % 2), value, 2, "little")


def _tiff_entry(buf: bytearray, field: int, value: int) -> None:
    """Overwrite the value (or count) of one entry of the first IFD: width, length, bits,
    compression, strip offsets/counts... whatever entry ``field`` lands on."""
    if buf[:2] not in (b"II", b"MM"):
        return
    order = "little" if buf[:2] == b"II" else "big"
    ifd = int.from_bytes(buf[4:8], order)
    if ifd + 2 > len(buf):
        return
    n = int.from_bytes(buf[ifd:ifd + 2], order)
    if n == 0:
        return
    entry = ifd + 2 + 12 * (field % n)
    if field // n % 3 == 0:
        _put(buf, entry + 4, value, 4, order)  # count
    else:
        _put(buf, entry + 8, value, 4, order)  # value / offset


HEADER_FIELD = {"JPEG": _jpeg_sof, "PNG": _png_ihdr, "GIF": _gif_sizes, "WEBP": _webp_header, "TIFF": _tiff_entry}


@st.composite
def mutated(draw, fmt: str) -> tuple[bytes, int | None]:
    seed = draw(st.sampled_from(SEEDS[fmt]))
    buf = bytearray(seed)
    values = st.one_of(st.sampled_from(BOUNDARY), st.integers(0, 0xFFFFFFFF))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "header", "header", "overwrite"]))
        if not buf:
            break
        pos = draw(st.integers(0, len(buf) - 1))
        if kind == "flip":
            buf[pos] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del buf[pos:]
        elif kind == "insert":
            buf[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "overwrite":
            # a field anywhere in the first bytes, as 1, 2 or 4 bytes either way round
            size = draw(st.sampled_from([1, 2, 4]))
            _put(buf, min(pos, 96), draw(values), size, draw(st.sampled_from(["big", "little"])))
        else:
            HEADER_FIELD[fmt](buf, draw(st.integers(0, 63)), draw(values))
    min_side = draw(st.sampled_from([None, 8, 224]))
    return bytes(buf), min_side


# --------------------------------------------------------------------------------- the property


class Hang(Exception):
    pass


def _watchdog(signum, frame):  # noqa: ARG001
    raise Hang(f"open_image ran for more than {HANG_SECONDS} s")


def _open_fds() -> int:
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:
        return -1


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def resource_guard():
    """Over the whole module: peak memory grows by less than the limit and no file stays open."""
    PREPROCESS.array(Image.new("RGB", (8, 8)))  # import torchvision first: not the fuzzer's memory
    fds, peak = _open_fds(), _peak_rss_mb()
    yield
    grown = _peak_rss_mb() - peak
    assert grown < RSS_GROWTH_LIMIT_MB, f"peak RSS grew by {grown:.0f} MB while fuzzing"
    if fds >= 0:
        assert _open_fds() <= fds + 2, "open_image left files open"


def check_one(folder: Path, fmt: str, data: bytes, min_side: int | None) -> None:
    path = folder / f"fuzz{EXT[fmt]}"
    path.write_bytes(data)
    has_alarm = hasattr(signal, "setitimer")
    if has_alarm:
        old = signal.signal(signal.SIGALRM, _watchdog)
        signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        img = open_image(path, min_side=min_side, max_pixels=FUZZ_MAX_PIXELS)
    except ImageReadError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        assert exc.path == str(path)
        return
    finally:
        if has_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    assert img.mode == "RGB"
    assert img.width >= 1 and img.height >= 1
    assert img.width * img.height <= FUZZ_MAX_PIXELS
    # whatever shape came out (a 1 x 4,000,000 line, say), the model input is cheap and finite
    arr = PREPROCESS.array(img)
    assert arr.shape == (3, 64, 64) and np.isfinite(arr).all()


def test_seed_files_open(fuzz_dir):
    """The fuzzer starts from files that do open, so mutations reach deep into the decoders."""
    for fmt, seeds in SEEDS.items():
        for i, data in enumerate(seeds):
            path = fuzz_dir / f"seed-{i}{EXT[fmt]}"
            path.write_bytes(data)
            img = open_image(path)
            assert img.mode == "RGB" and min(img.size) >= 16, (fmt, i)


@pytest.mark.parametrize("fmt", FORMATS)
@FAST
@given(sample=st.data())
def test_fuzz_open_image(fuzz_dir, resource_guard, fmt, sample):
    data, min_side = sample.draw(mutated(fmt))
    check_one(fuzz_dir, fmt, data, min_side)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
@SLOW
@given(sample=st.data())
def test_fuzz_open_image_long(fuzz_dir, resource_guard, fmt, sample):
    data, min_side = sample.draw(mutated(fmt))
    check_one(fuzz_dir, fmt, data, min_side)


def test_claimed_size_above_the_limit_is_refused_before_decoding(fuzz_dir, resource_guard):
    """A valid PNG whose header claims 60000 x 60000: refused from the header, no 10 GB buffer."""
    buf = bytearray(SEEDS["PNG"][0])
    _png_ihdr(buf, 0, 60000)
    _png_ihdr(buf, 1, 60000)
    before = _peak_rss_mb()
    with pytest.raises(ImageReadError, match=r"too large \(3,600 megapixels\); the limit is 180"):
        check_one_raising(fuzz_dir, bytes(buf))
    assert _peak_rss_mb() - before < 50


def check_one_raising(folder: Path, data: bytes) -> None:
    path = folder / "claims.png"
    path.write_bytes(data)
    open_image(path)
