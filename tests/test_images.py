"""open_image, collect_images and Preprocess: every format and mode, every bad file."""

from __future__ import annotations

import errno
import io
import os
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from resnet_studio.engine.errors import ImageReadError
from resnet_studio.engine.images import (
    IMAGE_EXTENSIONS,
    MAX_PIXELS,
    Preprocess,
    collect_images,
    is_image_path,
    open_image,
)
from tests.conftest import save_image


def _solid(mode: str, size, color) -> Image.Image:
    return Image.new(mode, size, color)


# --- formats ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("a.jpg", "JPEG"),
        ("a.JPEG", "JPEG"),
        ("a.png", "PNG"),
        ("a.webp", "WEBP"),
        ("a.bmp", "BMP"),
        ("a.tif", "TIFF"),
        ("a.tiff", "TIFF"),
        ("a.gif", "GIF"),
    ],
)
def test_every_format_opens_as_rgb(image_factory, name, fmt):
    path = image_factory(name, size=(40, 30), fmt=fmt)
    img = open_image(path)
    assert img.mode == "RGB"
    assert img.size == (40, 30)
    assert is_image_path(path)


def test_extensions_cover_the_issue_formats():
    for ext in (".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".gif"):
        assert ext in IMAGE_EXTENSIONS
    assert not is_image_path("notes.txt")
    assert is_image_path("PHOTO.JPG")


def test_pixels_survive_a_lossless_round_trip(image_factory):
    path = image_factory("a.png", size=(32, 24))
    expected = np.asarray(Image.open(path).convert("RGB"))
    assert np.array_equal(np.asarray(open_image(path)), expected)


# --- modes -----------------------------------------------------------------------------------


def test_rgba_is_composited_on_white_not_black(tmp_path):
    arr = np.zeros((10, 10, 4), np.uint8)
    arr[..., 0] = 200  # red-ish everywhere
    arr[:5, :, 3] = 0  # top half fully transparent
    arr[5:, :, 3] = 255  # bottom half opaque
    Image.fromarray(arr, "RGBA").save(tmp_path / "a.png")
    out = np.asarray(open_image(tmp_path / "a.png"))
    assert (out[:5] == 255).all()  # transparent → white
    assert (out[5:] == [200, 0, 0]).all()  # opaque → its own colour


def test_half_transparent_pixels_blend_with_white(tmp_path):
    arr = np.zeros((4, 4, 4), np.uint8)
    arr[..., 3] = 128  # black at 50% alpha
    Image.fromarray(arr, "RGBA").save(tmp_path / "a.png")
    out = np.asarray(open_image(tmp_path / "a.png")).astype(int)
    assert np.all(np.abs(out - 127) <= 1)


def test_la_grey_with_alpha(tmp_path):
    img = Image.new("LA", (6, 6), (50, 255))
    img.putpixel((0, 0), (50, 0))
    img.save(tmp_path / "la.png")
    out = np.asarray(open_image(tmp_path / "la.png"))
    assert tuple(out[0, 0]) == (255, 255, 255)
    assert tuple(out[3, 3]) == (50, 50, 50)


def test_palette_with_transparency(tmp_path):
    img = Image.new("P", (8, 8), 1)
    img.putpalette([0, 0, 0, 10, 200, 30] + [0] * 762)
    img.putpixel((0, 0), 0)
    img.info["transparency"] = 0
    img.save(tmp_path / "p.png", transparency=0)
    reopened = Image.open(tmp_path / "p.png")
    assert reopened.mode == "P" and "transparency" in reopened.info
    out = np.asarray(open_image(tmp_path / "p.png"))
    assert tuple(out[0, 0]) == (255, 255, 255)  # the transparent index is white, not black
    assert tuple(out[4, 4]) == (10, 200, 30)


def test_gif_with_transparency(tmp_path):
    img = Image.new("P", (8, 8), 1)
    img.putpalette([0, 0, 0, 10, 200, 30] + [0] * 762)
    img.putpixel((2, 2), 0)
    img.save(tmp_path / "t.gif", transparency=0)
    out = np.asarray(open_image(tmp_path / "t.gif"))
    assert tuple(out[2, 2]) == (255, 255, 255)
    assert tuple(out[5, 5]) == (10, 200, 30)


def test_cmyk_jpeg(tmp_path):
    # Pure cyan in CMYK is (0, 255, 255) in RGB.
    _solid("CMYK", (16, 16), (255, 0, 0, 0)).save(tmp_path / "c.jpg", quality=95)
    assert Image.open(tmp_path / "c.jpg").mode == "CMYK"
    out = np.asarray(open_image(tmp_path / "c.jpg")).astype(int)
    assert out.shape == (16, 16, 3)
    assert np.all(np.abs(out[8, 8] - [0, 255, 255]) <= 8)


def test_16bit_grey_png_is_scaled_not_clipped(tmp_path):
    arr = np.full((8, 8), 0x8000, np.uint16)
    arr[0, 0] = 0xFFFF
    arr[0, 1] = 0
    Image.fromarray(arr).save(tmp_path / "g16.png")
    assert Image.open(tmp_path / "g16.png").mode.startswith("I")
    out = np.asarray(open_image(tmp_path / "g16.png"))
    assert tuple(out[4, 4]) == (128, 128, 128)  # mid-grey stays mid-grey (not white)
    assert tuple(out[0, 0]) == (255, 255, 255)
    assert tuple(out[0, 1]) == (0, 0, 0)


@pytest.mark.parametrize("mode", ["L", "1", "P", "RGB", "RGBA", "LA", "CMYK", "I", "F"])
def test_every_mode_in_tiff_gives_rgb(tmp_path, mode):
    path = save_image(tmp_path / f"m_{mode}.tif", size=(20, 10), mode=mode)
    img = open_image(path)
    assert img.mode == "RGB" and img.size == (20, 10)


def test_float_image_in_0_1_range_is_scaled(tmp_path):
    Image.fromarray(np.full((4, 4), 0.5, np.float32), "F").save(tmp_path / "f.tif")
    out = np.asarray(open_image(tmp_path / "f.tif"))
    assert tuple(out[0, 0]) == (128, 128, 128)


# --- EXIF, frames ------------------------------------------------------------------------------


def test_exif_orientation_6_turns_the_picture(tmp_path):
    img = Image.new("RGB", (60, 40), (0, 0, 255))
    img.paste((255, 0, 0), (0, 0, 10, 10))  # a red mark in the stored top-left corner
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    img.save(tmp_path / "o6.jpg", exif=exif.tobytes(), quality=95)
    out = open_image(tmp_path / "o6.jpg")
    assert out.size == (40, 60)  # width and height swap
    arr = np.asarray(out).astype(int)
    assert arr[3, 36, 0] > 200 and arr[3, 36, 2] < 60  # the mark is now top-right


def test_damaged_exif_does_not_lose_the_picture(tmp_path):
    img = Image.new("RGB", (20, 10), (10, 20, 30))
    img.save(tmp_path / "bad_exif.jpg", exif=b"Exif\x00\x00MM\x00*garbage-garbage")
    assert open_image(tmp_path / "bad_exif.jpg").size == (20, 10)


def test_animated_gif_gives_the_first_frame(tmp_path):
    frames = [_solid("RGB", (12, 12), c) for c in [(255, 0, 0), (0, 255, 0), (0, 0, 255)]]
    frames[0].save(tmp_path / "anim.gif", save_all=True, append_images=frames[1:], duration=50, loop=0)
    assert Image.open(tmp_path / "anim.gif").n_frames == 3
    assert tuple(np.asarray(open_image(tmp_path / "anim.gif"))[6, 6]) == (255, 0, 0)


def test_animated_webp_gives_the_first_frame(tmp_path):
    frames = [_solid("RGB", (12, 12), c) for c in [(250, 0, 0), (0, 250, 0)]]
    frames[0].save(tmp_path / "anim.webp", save_all=True, append_images=frames[1:], lossless=True)
    out = np.asarray(open_image(tmp_path / "anim.webp")).astype(int)
    assert out[6, 6, 0] > 200 and out[6, 6, 1] < 50


def test_multipage_tiff_gives_the_first_page(tmp_path):
    pages = [_solid("RGB", (12, 12), c) for c in [(0, 0, 255), (255, 0, 0)]]
    pages[0].save(tmp_path / "pages.tif", save_all=True, append_images=pages[1:])
    assert Image.open(tmp_path / "pages.tif").n_frames == 2
    assert tuple(np.asarray(open_image(tmp_path / "pages.tif"))[6, 6]) == (0, 0, 255)


@pytest.mark.parametrize("size", [(1, 1), (20, 3000), (3000, 20)])
def test_extreme_shapes_open_and_preprocess(image_factory, size):
    path = image_factory("odd.png", size=size)
    img = open_image(path)
    assert img.size == size
    arr = Preprocess(crop_size=32, resize_size=36).array(img)
    assert arr.shape == (3, 32, 32) and arr.dtype == np.float32 and np.isfinite(arr).all()


# --- draft decoding --------------------------------------------------------------------------


def test_draft_decodes_big_jpeg_smaller_but_not_too_small(image_factory):
    path = image_factory("big.jpg", size=(2400, 1800))
    full = open_image(path)
    assert full.size == (2400, 1800)
    for min_side in (224, 256, 500):
        small = open_image(path, min_side=min_side)
        assert min(small.size) >= min_side
        assert small.size[0] < 2400 and small.size[1] < 1800
        assert abs(small.size[0] / small.size[1] - 4 / 3) < 0.02  # aspect ratio kept


def test_draft_keeps_small_jpeg_at_full_size(image_factory):
    path = image_factory("small.jpg", size=(300, 200))
    assert open_image(path, min_side=224).size == (300, 200)


def test_draft_respects_exif_turn(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6
    save_image(tmp_path / "big6.jpg", size=(2000, 1200), exif=exif.tobytes())
    out = open_image(tmp_path / "big6.jpg", min_side=256)
    assert out.size[0] < out.size[1]  # turned upright
    assert min(out.size) >= 256 and max(out.size) < 2000


def test_preprocess_load_uses_draft_and_gives_model_input(image_factory):
    path = image_factory("big.jpg", size=(2048, 1536))
    arr = Preprocess().load(path)
    assert arr.shape == (3, 224, 224) and arr.dtype == np.float32


# --- bad files -------------------------------------------------------------------------------


def _png_header_only(w: int, h: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def _encoded(fmt: str, size=(64, 48)) -> bytes:
    buf = io.BytesIO()
    arr = np.random.default_rng(1).integers(0, 255, (size[1], size[0], 3), dtype=np.uint8)
    Image.fromarray(arr).save(buf, fmt)
    return buf.getvalue()


def _expect_error(path, *words: str) -> ImageReadError:
    with pytest.raises(ImageReadError) as info:
        open_image(path)
    msg = str(info.value)
    assert any(w in msg.lower() for w in words), msg
    assert "Traceback" not in msg and "Error:" not in msg  # the message is for a person
    assert info.value.path == str(path)
    return info.value


@pytest.mark.parametrize("fmt, ext", [("JPEG", "jpg"), ("PNG", "png"), ("GIF", "gif"), ("BMP", "bmp"), ("TIFF", "tif")])
def test_truncated_file_says_it_ends_early(tmp_path, fmt, ext):
    data = _encoded(fmt)
    path = tmp_path / f"cut.{ext}"
    path.write_bytes(data[: len(data) // 2])
    err = _expect_error(path, "ends early", "damaged")
    assert "damaged" in str(err)


def test_truncated_webp_is_damaged(tmp_path):
    data = _encoded("WEBP")
    (tmp_path / "cut.webp").write_bytes(data[: len(data) // 2])
    _expect_error(tmp_path / "cut.webp", "damaged")


def test_zero_byte_file(tmp_path):
    (tmp_path / "empty.jpg").write_bytes(b"")
    _expect_error(tmp_path / "empty.jpg", "empty")


def test_random_bytes(tmp_path):
    (tmp_path / "noise.png").write_bytes(np.random.default_rng(0).bytes(5000))
    _expect_error(tmp_path / "noise.png", "not an image")


def test_text_renamed_jpg(tmp_path):
    (tmp_path / "letter.jpg").write_text("Dear shop owner, this is not a photo.\n" * 20)
    _expect_error(tmp_path / "letter.jpg", "not an image")


def test_decompression_bomb_header(tmp_path):
    (tmp_path / "bomb.png").write_bytes(_png_header_only(60000, 60000))
    _expect_error(tmp_path / "bomb.png", "too large")


def test_pixel_limit_is_ours_and_adjustable(image_factory):
    path = image_factory("a.png", size=(100, 100))
    with pytest.raises(ImageReadError, match="too large"):
        open_image(path, max_pixels=5000)
    assert MAX_PIXELS > 100_000_000


def test_folder_named_like_an_image(tmp_path):
    (tmp_path / "x.jpg").mkdir()
    _expect_error(tmp_path / "x.jpg", "folder")


def test_missing_file(tmp_path):
    _expect_error(tmp_path / "gone.jpg", "no longer exists")


def test_broken_symlink(tmp_path):
    (tmp_path / "dangling.jpg").symlink_to(tmp_path / "nowhere.jpg")
    _expect_error(tmp_path / "dangling.jpg", "link")


def test_symlink_loop(tmp_path):
    os.symlink(tmp_path / "b.jpg", tmp_path / "a.jpg")
    os.symlink(tmp_path / "a.jpg", tmp_path / "b.jpg")
    _expect_error(tmp_path / "a.jpg", "link", "points to itself")


def test_working_symlink_opens(image_factory, tmp_path):
    real = image_factory("real.png")
    (tmp_path / "link.png").symlink_to(real)
    assert open_image(tmp_path / "link.png").size == (64, 48)


def test_unreadable_file(image_factory, monkeypatch):
    # Tests run as root, where chmod 000 does not stop reading: simulate what the OS says.
    path = image_factory("locked.jpg")

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(Image, "open", denied)
    _expect_error(path, "permission")


def test_name_too_long(tmp_path):
    _expect_error(tmp_path / ("n" * 300 + ".jpg"), "too long")


def test_non_ascii_and_long_paths_open(tmp_path):
    folder = tmp_path / "照片 Fotos ñ" / ("深" * 40) / ("d" * 200) / ("e" * 200)
    path = save_image(folder / "猫 café 🐱.png", size=(16, 12))
    assert len(str(path)) > 500
    assert open_image(path).size == (16, 12)


@pytest.mark.parametrize("fmt, ext", [("JPEG", "jpg"), ("PNG", "png"), ("GIF", "gif"), ("WEBP", "webp"), ("TIFF", "tif"), ("BMP", "bmp")])
def test_mangled_files_raise_only_image_read_error(tmp_path, fmt, ext):
    """Flip bytes and cut files at random: the result is an image or ImageReadError, never another
    exception."""
    data = _encoded(fmt, size=(24, 16))
    rng = np.random.default_rng(hash(ext) % 2**32)
    for i in range(25):
        buf = bytearray(data)
        for pos in rng.integers(0, len(buf), size=int(rng.integers(1, 12))):
            buf[pos] = int(rng.integers(0, 256))
        if i % 3 == 0:
            buf = buf[: int(rng.integers(1, len(buf)))]
        path = tmp_path / f"m{i}.{ext}"
        path.write_bytes(bytes(buf))
        try:
            img = open_image(path)
        except ImageReadError as exc:
            assert str(exc)
        else:
            assert img.mode == "RGB"


# --- collect_images --------------------------------------------------------------------------


def test_collect_images_recurses_sorted_and_skips(tmp_path, image_factory):
    root = tmp_path / "photos"
    for rel in ["b.jpg", "a.png", "sub/c.webp", "sub/deeper/d.GIF", ".hidden.jpg", ".cache/e.jpg"]:
        save_image(root / rel, size=(8, 8))
    (root / "notes.txt").write_text("hello")
    (root / "sub" / "data.csv").write_text("1,2")
    loose = tmp_path / "readme.md"
    loose.write_text("# hi")

    found = collect_images([root, loose, root / "a.png"])
    names = [p.relative_to(tmp_path).as_posix() for p in found.images]
    assert names == ["photos/a.png", "photos/b.jpg", "photos/sub/c.webp", "photos/sub/deeper/d.GIF", "readme.md"]
    assert sorted(p.name for p in found.skipped) == ["data.csv", "notes.txt"]


def test_collect_images_explicit_odd_file_is_kept(tmp_path):
    odd = tmp_path / "scan.dat"
    odd.write_bytes(b"\x00" * 10)
    found = collect_images([odd, tmp_path / "missing.jpg"])
    assert found.images == [odd, tmp_path / "missing.jpg"]
    with pytest.raises(ImageReadError):
        open_image(found.images[0])


def test_collect_images_survives_symlink_loop_folder(tmp_path):
    root = tmp_path / "r"
    save_image(root / "a.png", size=(8, 8))
    (root / "loop").symlink_to(root, target_is_directory=True)
    found = collect_images([root])
    assert [p.name for p in found.images] == ["a.png"]


# --- Preprocess --------------------------------------------------------------------------------


@pytest.mark.parametrize("weights_name", ["ResNet18_Weights", "ResNet50_Weights"])
@pytest.mark.parametrize("size", [(64, 48), (300, 301), (257, 500), (33, 90)])
def test_preprocess_equals_torchvision_transforms_exactly(image_factory, weights_name, size):
    import torch
    import torchvision.models as tvm

    weights = getattr(tvm, weights_name).DEFAULT
    img = open_image(image_factory("p.jpg", size=size))
    ours = Preprocess.from_weights(weights)(img)
    ref = weights.transforms()(img)
    assert ours.dtype == ref.dtype == torch.float32
    assert ours.shape == ref.shape
    assert torch.equal(ours, ref)


def test_preprocess_reads_sizes_from_weights():
    import torchvision.models as tvm

    p = Preprocess.from_weights(tvm.ResNet50_Weights.IMAGENET1K_V2)
    assert (p.crop_size, p.resize_size) == (224, 232)


def test_preprocess_dict_round_trip_and_image_size():
    p = Preprocess.for_image_size(112, mean=(0.5, 0.5, 0.5), std=(0.25, 0.25, 0.25))
    assert (p.crop_size, p.resize_size) == (112, 128)
    assert Preprocess.from_dict(p.to_dict()) == p
    assert Preprocess.for_image_size(224) == Preprocess()


def test_preprocess_normalises(tmp_path):
    Image.new("RGB", (40, 40), (255, 0, 128)).save(tmp_path / "s.png")
    p = Preprocess(crop_size=32, resize_size=32)
    arr = p.array(open_image(tmp_path / "s.png"))
    expected = (np.array([1.0, 0.0, 128 / 255]) - np.array(p.mean)) / np.array(p.std)
    assert np.allclose(arr[:, 10, 10], expected, atol=1e-6)


def test_pipe_named_like_an_image_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.jpg")
    _expect_error(tmp_path / "pipe.jpg", "not a normal file")
