"""Every picture people really have (issue 13): the formats Pillow decodes, HEIC through pi-heif,
camera RAW through rawpy, and pictures recognised by their content rather than their name; files
that are not pictures are counted and named, never dropped silently."""

from __future__ import annotations

import base64
import io
import json
import struct
import sys
import types
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, features

from resnet_studio.cli import main
from resnet_studio.engine import images
from resnet_studio.engine.datasets import check_dataset, scan_dataset
from resnet_studio.engine.errors import ImageReadError
from resnet_studio.engine.images import (
    ALLOWED_FORMATS,
    IMAGE_EXTENSIONS,
    NOT_A_PICTURE,
    collect_images,
    is_image_path,
    open_image,
    picture_problem,
)
from tests.conftest import save_image

# tests/images/heif/RGB_8__29x100.heif from bigcat88/pillow_heif (BSD-3-Clause), commit
# 657f27d7955bbd730701e2e966e7e8751e119eb9: a 29 x 100 HEIF picture. pi-heif decodes but cannot
# write HEIF, so a real file is embedded.
HEIF_29x100 = (
    "AAAAGGZ0eXBoZWljAAAAAG1pZjFoZWljAAABrm1ldGEAAAAAAAAAIWhkbHIAAAAAAAAAAHBpY3QAAAAAAAAAAAAAAAAAAAAA"
    "DnBpdG0AAAAAAAIAAAAQaWRhdAAAAAAAHQBkAAAAOGlsb2MBAAAAREAAAgABAAAAAAAAAc4AAQAAAAAAAAvJAAIAAQAAAAAA"
    "AAABAAAAAAAAAAgAAAA4aWluZgAAAAAAAgAAABVpbmZlAgAAAQABAABodmMxAAAAABVpbmZlAgAAAAACAABncmlkAAAAANlp"
    "cHJwAAAAt2lwY28AAAB3aHZjQwEDcAAAAAAAAAAAAP/wAPz9+PgAAA8DIAABABhAAQwB//8DcAAAAwCQAAADAAADAP+6AkAh"
    "AAEAK0IBAQNwAAADAJAAAAMAAAMA/6AggafeW6q6a5uBAQMCAAADAAIAAAMAAhAiAAEABkQBwXGLEgAAABRpc3BlAAAAAAAA"
    "AEAAAABkAAAAFGlzcGUAAAAAAAAAHQAAAGQAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAa"
    "aXJlZgAAAAAAAAAOZGltZwACAAEAAQAAC9FtZGF0AAALxSgBrwWzipebt2WZedoYHCTCF+o//+mu0vrNcdXhx88Hhyu6S6bg"
    "KT4DWabpQB/B9/LO1rWlGUURUGVHycAAGuwgAABAqH//9hK4AvbUJcX3Rzi6J2bqqg8UYsqg5XLKhmzbFPUvP/+SS///ZeMS"
    "WaGRYRUFzRDkvugMAD0AO4e8HQ9C0Gc5x+HYAAAo7VFT5eMXR0o4NJ5o6F1JAAG6TgAAWCU/tYr//36Nr3YZ05mXAs1V9t/m"
    "v3//nNOVwh8FN2llSRANoZSO/dAAYu6bz9QZXinAHQhejXrgaXJAn//BW6p1Nvq66JaaNgeAKQudVJX82bNhEuHy/9gnGwKA"
    "B2bZcDWPz8LwCvj//9vhxCECVkJDIQAPGX//Gw2wkiSCBqgdRLIUAehGRESMJSjLWsdCLgBfAD9/t5ZVrWsIxiaGkWf6PB6z"
    "iQAABXV///LtwwfAU8dSReenjewvpgv/+XizHojQ/oQDmXKu4AAeABrJ4XNsJSk1NUkZlgC3AIwpJKCZmkEomjZ+AlKSTAAA"
    "M5X//jn0A02D8Vv29jpJv4//8ulu+JditW4+LLvY3Uxpfei9d/ehpEAWC1kAAAMDHZ//TWqmNSQT+qASGPVaXD0HSh1OixF/"
    "CAABZBGMHlUZQAAABFf/8dS+N18OO6O4XXq6/9lbjf/PijoiroT///vif/8CPFYkQTghZKL7zzG6rMAaNszlciJShHcrWi1t"
    "XybTn4Ncz8Vbpnhz5/+PmqY7TJA4vjIR3tEKV/R2qwXnmWJoe55rzj3aLfyH5QTF1I7delHB8QwZTFD5Ur1R+0QH+Bj1d2d6"
    "NflHAfKHoD1rWx8kdA7QMShAErjAAAH9D/+7f6SkojqkWqgiAAGDTMX9GUF1yopTAifi8hyDH7P4BCHwAARJ//59UA8/YVHa"
    "TqUFf4Qf7Adq/pU2xajGkbGCPaUAD///3+HbyoCwkKsJgAAAFN0CyEasW1uutOQRIB4QQ5RQBw84gLz//iYaR8Iu6Yd7RrU/"
    "/oM6B9MwvQqYWGAhhpJxhxCpbWAleyb/9RAch9mi/rRzFK2qmylutTPoACMvqgAhojBEYx//woAUMxrh+f/5jnT2HEPBqxu+"
    "zdf9MJX3r0XOKvv0YV2k5mgAZmxiV+F/+WY5uifaNlRp+hh+sgAFaK1gD+CFJg3f/8wAAAMAAPj//NPILsb+iIrCIVGP/eTp"
    "E6nnSviliu6gAGl0AAKf4zEADse8Tg4XQAXpfoOzFaAAGIAAAldlIASOptoJ8QA3ggdkqAAE2oGZHAAAAwAFE/AAAAMA7jAA"
    "ZwAhkuAAAAMBvmAAAAMAJmbgAAUkAACoIAGPZPA+lADeCB2scQAAQUAADmAAKgqgC+gANtnc7yGYEQxADhQAAAMAC2oAAAMA"
    "JiUAKV2AKOgAAAMAEmgAAAMCVisgbELXR4Yy6ljwAZrbnIBkH//fYVqXrJvW7a2GAAabYpFnGCsq/7aP7GEKDdaPOLzoxAE9"
    "Xn/8FPzsrSsss3aH+iVXACKdhLcs/hRqT+krf+ARkv/6rpZjGliL/Tl+QAMHXPf56xOj1tBarLUVhBKO4dycAB7//7JFa//0"
    "hyBgARhn/+fdz+lmzABwfRtnyoKQbGgx1pvUAPew/+EcxvNch5yp7izvJkdn/0gIr/6x+5AAAAMAp8VB5e/AAAADAABvv/6T"
    "st/apfpRg0iWL/7Hvl5u73S/lsj0DP+eQ4s7NVXSU2B/+9i/PQISOLCb80QMSgSA6VuiG7joAAA3Tx8YLIIAAAMAx//9c520"
    "ezbwqj/HZXv9bEgqPThFfptKf9QAAAMAADG4wAAAAwAF9cgAAAMAAuVoAAADAIbNlwAAAwAAaQAAAwAAEQAAAwAACNAAAAMA"
    "E4SEb/QAAA1RgkAAEv75AAB1hYAACbwuaAAAN7BAAAO/QAAAdxAAABFYjIAAAAMAEQAAAwAAAwKTAAADAAImAAADAAvFAAAD"
    "AAADAAADAAADAAADAAADAAADAAADAALH6W/FAAHvkJgACwgMgAEDjQAAEl+mwAAU7bAABT6gAAI4sAADzkexzxQC3KqCYIAz"
    "yYlAANx//kVgnP69gUm1GuwACCNMisOmoFNgx+iQEEQKrG5wAb4PUADwH/6t4+wHsk1nbhn1tG7YAEN/kEOO9GE6qSxr9AMp"
    "//jbiIHrsuqb0sDwABpPGa1VAdDV43PMskPBtgCLi6AAgDdACv//5ys21rJLTj4mtDr/6OfQddKe6LPky4Wl+Jjf4NKVYQhS"
    "t59/wwo9lApURt0Fw7VDy6LyH22tYvuiAAMwKgADcqaiAAA0X/9VKC3SuWTwQq9Af/5r500ICLU26I9ZxlAI9M0WV7AP+sf/"
    "bMwSNhcPsj0mOFn6HcQfI8ApRwpwACGimAAAAwD///y88rKIs6oyGQjG//jgj/f2CXfIiXYuEwAAI183AAAS3MAAACHMW4AA"
    "PGh4BAAAXGiIAAJ/hQAAHLCEAADfnaxAABreyAABEsALUe37RAAAS3NAAAGaMB9iERDwAAFkDEAAJ3xgAAZ9EgAAfeS6AAFD"
    "5gAAbI9AACiaoAAIIOhAACnDgAAKv0cGRHLzIAAWVNAABIclDBpwYY1DFvvIJFpLcpD6ngKHf/3n3laik8x2gKQgAmbO46hq"
    "b8ucJBrIAx7SD35EQVwAojX//TkoGkf8xcMTyTu+YQ3qa+noe0B0U9GMxayPYf/2bkK225WDyjQxAAzdu6fMnG1zrQ808Tw7"
    "wgg0O/gdCP/9Z4pvcyVdSzHWMP/16pttHULaltWKIv1NWl9M13uu8iVC9f3/wOfhDSAeJr3kxkAwTkQ0MUFR////wwAAAwAX"
    "5HJx//4AAAMAABTP/7wcfb5usnv04IcU/98/FGcySmXRYiFWqFCRBjJzgAH3v/9qwi2NaaxUUo7ZyZyWQABGtBm//4AAAAMA"
    "ChPQ9ZcN9gAAKr//fz3iKGrIj/Ph0/H/rWKiV+TXwP8w/8MAAAMAABUeRAAAAwACQOgAAAMAAdlkAAADAH6IBoAAAAMArpAA"
    "AAMAL7AAAAMAFOAAAAMAOaJgAAADAAADAAADAAAv4L+0AACcFjyAAhNAAAADAAADAAADAAADAP7xwwAA39lwAAZ+AAADAAAD"
    "AAADAAADAAADAAADAAADAAADAAADAd6AAAADAAADAAADAAADAAADAAADAAADAAAkQAAAAwAAAwAAAwAKT5X9IAAf2K/IABkA"
    "AAMAAAMAAAMAAAMAN7NrcAAynuwABFx435m+mEm3H3bLmAAVJL1AGV//xrglGCgYBW9BEQAB137azdbn2ggHX26PJZwGtkRu"
    "YsSEAOo//vt1NP1w4rX9FPiUWRDVjnx0K/1zgCiItS+tGFv/43UvRJq0xPP31UANl79M09ob2SWPuCOBmX4UJuxGcQYAA7n/"
    "95Z1TjBm92qClFN/+PwWj+qvFhHzug0vpQ7sGAF59oAodvyF8oIctS1ulKkvu14dj2NbDrEKJ869IAAAGJ3JWTNlu+AABNf/"
    "8DM3kJ9mQGA9XP4v9IHZrGAgdt3OntpeY0Jvt36NKc//0+tWKhxZL6wfogKRHjqgFKD+Qmq2KXAALRdCQBdW8SAABhv/7BVp"
    "hFprEmqBk7Ff7RsWa38x85se7/zgAAADALkfIgAAAwAkPxgAACp7UAABi0yqAAADAAAtCcAAAAMBpxCAAATo8AABkGjhQAAB"
    "rAQAACTQAAADAsTIAAJrd7gAAB9+AAAEDYAAAKjAAABfIiwAAAMABsGgAAADA9eoAAD/igAAmbuSAAADACcRAAADACtDQAAL"
    "KYAAE3B/49j9oDt1SqpVPAEuvqO7+NYwSC2H/+shmZmgqpFq4AFNczc42CJV9OxHRAFlxAB0Hoe+6/6kaH//Dp68vssLuADQ"
    "Vp8UjeFygTSGYT1KwEhQ8Hs5GYWNAf/3RBCM/jpJQU+mjzVf/zsVrqIwwAAAB0KF2hoz/+Q9mZmi/8qNIAGv+ZmZuLsx0ARg"
    "AAADACuHsgAAAwBnQlAAABHxCAAAQnw="
)


def _psd(path: Path, size=(32, 32)) -> Path:
    """A plain 8-bit RGB Photoshop file (Pillow reads PSD but cannot write it)."""
    w, h = size
    planes = b"".join(bytes([v]) * (w * h) for v in (200, 100, 50))
    header = b"8BPS" + struct.pack(">H6sHIIHH", 1, b"\0" * 6, 3, h, w, 8, 3)
    path.write_bytes(header + struct.pack(">III", 0, 0, 0) + struct.pack(">H", 0) + planes)
    return path


def _write(path: Path, fmt: str, size=(32, 32)) -> Path:
    if fmt == "PSD":
        return _psd(path, size)
    if fmt == "HEIF":
        path.write_bytes(base64.b64decode("".join(HEIF_29x100)))
        return path
    if fmt == "MPO":  # two-lens cameras: a JPEG followed by a second picture
        left, right = (Image.new("RGB", size, c) for c in ((200, 30, 30), (30, 30, 200)))
        left.save(path, "MPO", save_all=True, append_images=[right])
        return path
    mode = {"PGM": "L", "XBM": "1", "BLP": "P"}.get(fmt, "RGB")
    save_image(path, size=size, mode=mode, fmt={"PGM": "PPM"}.get(fmt, fmt))
    return path


FORMATS = [
    ("JPEG2000", "photo.jp2"), ("MPO", "stereo.mpo"), ("TGA", "game.tga"), ("PPM", "scan.ppm"),
    ("PGM", "scan.pgm"), ("ICO", "favicon.ico"), ("PSD", "layers.psd"), ("DDS", "texture.dds"),
    ("QOI", "a.qoi"), ("PCX", "old.pcx"), ("SGI", "a.sgi"), ("BLP", "a.blp"), ("XBM", "a.xbm"),
    pytest.param("AVIF", "photo.avif", marks=pytest.mark.skipif(not features.check("avif"), reason="Pillow built without AVIF")),
    pytest.param("HEIF", "IMG_0001.HEIC", marks=pytest.mark.skipif(images.pi_heif is None, reason="pi-heif not installed")),
]


@pytest.mark.parametrize("fmt, name", FORMATS)
def test_each_format_opens_and_is_found_in_a_folder(tmp_path, fmt, name):
    (tmp_path / "in").mkdir()
    path = _write(tmp_path / "in" / name, fmt)
    img = open_image(path)
    assert img.mode == "RGB" and min(img.size) >= 16
    assert is_image_path(path)
    found = collect_images([tmp_path / "in"])
    assert found.images == [path] and found.skipped == []


def test_heic_photo_opens_at_its_size(tmp_path):
    if images.pi_heif is None:
        pytest.skip("pi-heif not installed")
    img = open_image(_write(tmp_path / "IMG_0002.heic", "HEIF"))
    assert img.size == (29, 100) and img.mode == "RGB"


def test_the_allow_list_has_no_format_that_runs_programs_or_renders_vectors():
    for bad in ("EPS", "PDF", "WMF", "MPEG", "GRIB", "BUFR", "HDF5", "IPTC"):
        assert bad not in ALLOWED_FORMATS
    for ext in (".eps", ".ps", ".pdf", ".wmf", ".emf", ".h5"):
        assert ext not in IMAGE_EXTENSIONS
    for ext in (".heic", ".avif", ".jp2", ".mpo", ".tga", ".ppm", ".pgm", ".ico", ".psd", ".dds", ".dng", ".nef"):
        assert ext in IMAGE_EXTENSIONS


# --- by content, not by name ------------------------------------------------------------------


@pytest.fixture
def mixed_folder(tmp_path):
    root = tmp_path / "mixed"
    save_image(root / "photo.png", fmt="JPEG", size=(40, 30))  # a JPEG saved as .png
    save_image(root / "scan", fmt="PNG", size=(40, 30), seed=1)  # no extension at all
    save_image(root / "sub" / "IMG_0001.dat", fmt="JPEG", size=(40, 30), seed=2)
    (root / "notes.txt").write_text("hello")
    (root / "report.doc").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(200))
    return root


def test_pictures_are_recognised_by_content_and_the_rest_is_named(mixed_folder):
    found = collect_images([mixed_folder])
    assert sorted(p.name for p in found.images) == ["IMG_0001.dat", "photo.png", "scan"]
    assert sorted(p.name for p in found.skipped) == ["notes.txt", "report.doc"]
    assert set(found.reasons.values()) == {NOT_A_PICTURE}
    for p in found.images:
        assert open_image(p).size == (40, 30)


def test_picture_problem_is_the_same_test_for_folders_and_datasets(mixed_folder):
    assert picture_problem(mixed_folder / "scan") is None
    assert picture_problem(mixed_folder / "notes.txt") == NOT_A_PICTURE


def test_dataset_scan_and_check_recognise_pictures_by_content(tmp_path):
    root = tmp_path / "data"
    for cls in ("cats", "dogs"):
        save_image(root / cls / "a.jpg", size=(40, 40))
        save_image(root / cls / "scan_without_extension", fmt="PNG", size=(40, 40), seed=3)
        (root / cls / "readme.txt").write_text("not a picture")
    split = scan_dataset(root, val_fraction=0.5)
    names = sorted(p.name for p, _ in split.train + split.val)
    assert names == ["a.jpg", "a.jpg", "scan_without_extension", "scan_without_extension"]
    reasons = {p.name: r for p, r in split.skipped}
    assert "not an image" in reasons["readme.txt"]
    report = check_dataset(root)
    assert report.counts == {"cats": 2, "dogs": 2} and not report.unreadable


def test_classify_cli_names_the_files_that_are_not_pictures(fake_imagenet_weights, mixed_folder, capsys):
    fake_imagenet_weights("resnet18")
    for i in range(5):
        (mixed_folder / f"extra{i}.csv").write_text("1,2")
    code = main(["classify", str(mixed_folder), "--backend", "torch", "--device", "cpu", "--top-k", "1"])
    out = capsys.readouterr()
    assert code == 0
    assert len(out.out.splitlines()) == 3  # the three pictures, whatever their names
    note = next(line for line in out.err.splitlines() if "not pictures" in line)
    assert "7 files are not pictures: extra0.csv, extra1.csv, extra2.csv, extra3.csv, extra4.csv, … (2 more)" in note
    assert "classified 3 of 3 images" in out.err and "7 other files skipped" in out.err


def test_classify_cli_json_lists_skipped_files(fake_imagenet_weights, mixed_folder, capsys):
    fake_imagenet_weights("resnet18")
    code = main(["classify", str(mixed_folder), "--json", "--backend", "torch", "--device", "cpu", "--top-k", "1"])
    out = capsys.readouterr()
    assert code == 0
    rows = [json.loads(line) for line in out.out.splitlines()]
    skipped = {Path(r["path"]).name: r["skipped"] for r in rows if r.get("skipped")}
    assert skipped == {"notes.txt": NOT_A_PICTURE, "report.doc": NOT_A_PICTURE}
    assert sum(1 for r in rows if r["predictions"]) == 3


# --- camera RAW ---------------------------------------------------------------------------------
# No RAW sample can be made here (no encoder exists), so rawpy is replaced by a stand-in with its
# interface (imread → context manager with extract_thumb / sizes / postprocess): these tests check
# our choices (preview or half-size development, errors), not LibRaw itself.


def _jpeg_bytes(size) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (10, 200, 10)).save(buf, "JPEG")
    return buf.getvalue()


class _FakeRaw:
    def __init__(self, thumb_size, calls):
        self._thumb_size = thumb_size
        self.calls = calls
        self.sizes = types.SimpleNamespace(width=6000, height=4000)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def extract_thumb(self):
        self.calls.append("thumb")
        return types.SimpleNamespace(format=types.SimpleNamespace(name="JPEG"), data=_jpeg_bytes(self._thumb_size))

    def postprocess(self, **kwargs):
        self.calls.append(("postprocess", kwargs))
        return np.full((2000, 3000, 3), 120, np.uint8)


@pytest.fixture
def fake_rawpy(monkeypatch):
    calls: list = []
    module = types.ModuleType("rawpy")
    module.thumb_size = (1620, 1080)
    module.imread = lambda path: _FakeRaw(module.thumb_size, calls)
    monkeypatch.setitem(sys.modules, "rawpy", module)
    module.calls = calls
    return module


def test_raw_uses_the_embedded_preview_when_it_is_big_enough(tmp_path, fake_rawpy):
    path = tmp_path / "DSC_0001.NEF"
    path.write_bytes(b"II*\0" + bytes(100))
    img = open_image(path, min_side=256)
    assert img.mode == "RGB" and min(img.size) >= 256 and img.getpixel((5, 5))[1] > 150
    assert fake_rawpy.calls == ["thumb"]


def test_raw_is_developed_at_half_size_when_the_preview_is_small(tmp_path, fake_rawpy):
    fake_rawpy.thumb_size = (160, 120)
    path = tmp_path / "IMG_0001.CR2"
    path.write_bytes(b"II*\0" + bytes(100))
    img = open_image(path, min_side=256)
    assert img.size == (3000, 2000) and img.getpixel((5, 5)) == (120, 120, 120)
    assert fake_rawpy.calls[-1][0] == "postprocess" and fake_rawpy.calls[-1][1]["half_size"] is True


def test_raw_files_are_found_in_folders(tmp_path):
    (tmp_path / "in").mkdir()
    for name in ("a.dng", "b.CR3", "c.nef", "d.arw"):
        (tmp_path / "in" / name).write_bytes(b"raw")
    assert sorted(p.name for p in collect_images([tmp_path / "in"]).images) == ["a.dng", "b.CR3", "c.nef", "d.arw"]


def test_raw_without_rawpy_says_so(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "rawpy", None)  # import fails, as when it is not installed
    path = tmp_path / "IMG_0001.CR3"
    path.write_bytes(b"\0\0\0\x18ftypcrx " + bytes(100))
    with pytest.raises(ImageReadError, match="camera RAW"):
        open_image(path)


def test_window_keeps_a_dropped_picture_without_extension_and_skips_a_text_file(mixed_folder):
    from resnet_studio.gui.workers import split_inputs

    keep, skipped = split_inputs([str(mixed_folder / "scan"), str(mixed_folder / "notes.txt"), str(mixed_folder)])
    assert keep == [str(mixed_folder / "scan"), str(mixed_folder)]
    assert skipped == [str(mixed_folder / "notes.txt")]


# negative_layer_count.psd from Pillow's own test images (HPND licence): a PSD whose layers count
# from 1, so seeking to frame 0 failed ("attempt to seek outside sequence"), gzipped.
PSD_100x100_GZ = (
    "H4sIAHRbF2sC/+1VTWgTQRT+NklJrYmpmEMRDzm0nloQ/8ixrkIppBDSCK16cDObpKG7mzCbIAGPgteiB39A/Dt48axXD14F"
    "QfAHxJs39aDoQWnHNzMbEwIpeBAhzDxm95v35r15+743bN4ursKCHgmarpqTiGtVfF/eXl6Jf1GLdKrMnSBsObwasC6kJXFC"
    "WfbTpChCRJFcS1njn9Vq2ppXdqv3Vp56ZyxaZdTinpwe88PEEcAP2ry0ZOfW1s/lkh+RRAZ7MIe0w8LWqWKxgJHjx2v9Ta8W"
    "ZCz83Ui71ZBRmjnCi6zF24QvEj55qd2S+CbhLNtwqFLWY8LznBIk/FbqKxp/kriucEzGzPJy6TThLOFcfQBXBjDb4D7h44Rn"
    "XT+g+LE1jV2JL0vsex0W5Sm/MFUNzq5KPc1DWMIyVlBEDhV00ICHNhboHZAmRIns9gj/g8q/SF4V8mqAkccZNOHDUf6QHAzX"
    "NqwdO6ojpWxg4oMQ3+aA5HVge0uIX/eF2H5AHfQeeBb0/ZvEcf476bf6utm7QOYK8OR5X1e5ATy9Csy8o35zdDPKFqnVgK+P"
    "iKZ14MBLYOq8rltkx8M3QJlqVXgB3LoNHK5T7AsjvntysG677onqB+zdoflT7Ax0jL4z6nTrmvSlZ0w+ZWcHTe4L3QV/OnbK"
    "dthmnTc7RLLc43WCBqlnpInOcKj+m6iDEwMdqr6r9jCPR9kMD31+Qt4+OnmXLNRY7LlNFJxulWIOZDAt1ZSngy6q6NmGT7Yo"
    "7ljIHYyHGEYMI4YRw4hhxDBiGDGMGEYMI0aM/KebLowY+QcyJn+Q38NKpfV0FQAA"
)


def test_a_psd_whose_layers_count_from_one_opens(tmp_path):
    import gzip

    path = tmp_path / "layers.psd"
    path.write_bytes(gzip.decompress(base64.b64decode("".join(PSD_100x100_GZ))))
    img = open_image(path)
    assert img.mode == "RGB" and img.size == (100, 100)


def test_formats_without_a_signature_are_tried_last():
    """TGA has no signature: tried before ICO it took an icon for a 32 x 19140 TGA picture that
    could not load. Pillow's own order tries it last."""
    from resnet_studio.engine.images import allowed_formats

    order = allowed_formats()
    assert order.index("TGA") > max(order.index(f) for f in ("ICO", "CUR", "JPEG", "PNG", "BMP", "PSD"))
