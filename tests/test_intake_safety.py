"""What a picture file may make the app do (issue 13): never run a program, never wait on a pipe,
never take GBs for a big float TIFF, never let libtiff talk to the terminal, and say so when
category names can mislead.

Everything that could hang on the old code runs in a subprocess with a timeout, so the suite
never hangs.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from resnet_studio.engine.datasets import check_dataset, scan_dataset
from resnet_studio.engine.errors import ImageReadError
from resnet_studio.engine.images import open_image
from tests.conftest import save_image

EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n{ } loop\n"


def _run_python(code: str, *, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """``python -c code`` in a fresh process that imports the package under test."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
        timeout=timeout, env={**os.environ, **(env or {})},
    )


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "resnet_studio", *args], capture_output=True, text=True, timeout=timeout,
    )


# --- a picture file never runs a program ------------------------------------------------------


@pytest.fixture
def fake_ghostscript(tmp_path):
    """A ``gs`` first on PATH that only records that it was started: proof, without hanging, of
    whether opening a file would have run Ghostscript."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    marker = tmp_path / "gs-was-run"
    gs = bindir / "gs"
    gs.write_text(f'#!/bin/sh\necho "$@" >> "{marker}"\nexit 0\n')
    gs.chmod(0o755)
    return {"PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}, marker


@pytest.mark.parametrize("name", ["photo.jpg", "photo.png", "scan"])
def test_postscript_named_like_a_picture_never_starts_ghostscript(tmp_path, fake_ghostscript, name):
    env, marker = fake_ghostscript
    pwned = tmp_path / "pwned"
    path = tmp_path / name
    path.write_bytes(EPS + f"({pwned}) (w) file\n".encode())
    proc = _run_python(
        f"""
        from resnet_studio.engine.images import open_image
        from resnet_studio.engine.errors import ImageReadError
        try:
            open_image({str(path)!r}, min_side=256)
        except ImageReadError as exc:
            print("REFUSED", exc)
        """,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert not marker.exists(), "Ghostscript was started"
    assert not pwned.exists()
    assert "REFUSED" in proc.stdout and "PostScript or PDF document, not a picture" in proc.stdout


def test_postscript_in_a_folder_is_refused_and_the_rest_is_classified(tmp_path, fake_ghostscript):
    env, marker = fake_ghostscript
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(EPS)
    (folder / "b").write_bytes(EPS)  # no extension: recognised by content, and it is no picture
    save_image(folder / "c.png", size=(16, 16))
    proc = _run_python(
        f"""
        from resnet_studio.engine.errors import ImageReadError
        from resnet_studio.engine.images import collect_images, open_image
        found = collect_images([{str(folder)!r}])
        print("skipped", [p.name for p in found.skipped])
        for p in found.images:
            try:
                print(p.name, open_image(p).size)
            except ImageReadError as exc:
                print(p.name, "refused")
        """,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["skipped ['b']", "a.jpg refused", "c.png (16, 16)"]
    assert not marker.exists()


def test_pdf_renamed_jpg_is_refused_as_a_document(tmp_path):
    path = tmp_path / "doc.jpg"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")
    with pytest.raises(ImageReadError, match="not a picture"):
        open_image(path)


# --- only regular files, everywhere -----------------------------------------------------------


def _dataset_with_pipe_and_dev_zero(root: Path) -> Path:
    for cls in ("cats", "dogs"):
        for i in range(3):
            save_image(root / cls / f"{i}.png", size=(40, 40), seed=i)
    os.mkfifo(root / "cats" / "pipe.jpg")
    (root / "dogs" / "zero.jpg").symlink_to("/dev/zero")
    return root


def test_scan_and_check_skip_a_pipe_and_dev_zero_with_a_reason(tmp_path):
    root = _dataset_with_pipe_and_dev_zero(tmp_path / "data")
    proc = _run_python(
        f"""
        import json
        from resnet_studio.engine.datasets import check_dataset, scan_dataset
        split = scan_dataset({str(root)!r})
        report = check_dataset({str(root)!r})
        print(json.dumps({{
            "images": sorted(p.name for p, _ in split.train + split.val),
            "skipped": {{p.name: r for p, r in split.skipped}},
            "ok": report.ok, "counts": report.counts,
        }}))
        """,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert "pipe.jpg" not in out["images"] and "zero.jpg" not in out["images"]
    assert "not a normal file" in out["skipped"]["pipe.jpg"]
    assert "not a normal file" in out["skipped"]["zero.jpg"]
    assert out["ok"] and out["counts"] == {"cats": 3, "dogs": 3}


def test_dataset_check_cli_does_not_hang_on_a_pipe(tmp_path):
    root = _dataset_with_pipe_and_dev_zero(tmp_path / "data")
    proc = _cli("dataset", "check", str(root), "--json", timeout=60)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    reasons = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert "not a normal file" in reasons["pipe.jpg"] and "not a normal file" in reasons["zero.jpg"]


# --- C libraries do not talk to the terminal --------------------------------------------------


def _tiff_with_a_strip_past_the_end(path: Path) -> Path:
    """A deflate TIFF whose second strip starts past the end of the file: libtiff's
    "TIFFFillStrip: Read error on strip 1"."""
    import struct

    import numpy as np
    from PIL import Image

    Image.fromarray((np.random.default_rng(0).random((300, 300)) * 255).astype("uint8")).save(
        path, compression="tiff_deflate"
    )
    data = bytearray(path.read_bytes())
    ifd = struct.unpack("<I", data[4:8])[0]
    for i in range(struct.unpack("<H", data[ifd:ifd + 2])[0]):
        tag, _, count, value = struct.unpack("<HHII", data[ifd + 2 + 12 * i:ifd + 14 + 12 * i])
        if tag == 273:  # StripOffsets, two of them, stored at ``value``
            assert count == 2
            struct.pack_into("<I", data, value + 4, len(data) + 1000)
    path.write_bytes(bytes(data))
    return path


def test_libtiff_error_text_stays_off_the_terminal_and_the_reason_is_told_once(tmp_path):
    root = tmp_path / "data"
    for cls in ("a", "b"):
        for i in range(2):
            save_image(root / cls / f"{i}.png", size=(40, 40), seed=i)
    _tiff_with_a_strip_past_the_end(root / "a" / "cut.tif")
    proc = _cli("dataset", "check", str(root), "--full", timeout=60)
    everything = proc.stdout + proc.stderr
    assert "TIFF" not in everything.replace("cut.tif", "")
    assert "Read error" not in everything
    assert everything.count("damaged") == 1
    assert "Traceback" not in everything


def _open_in_a_fresh_process(path) -> subprocess.CompletedProcess:
    """``open_image(path)`` in a child whose stdout gets the error's sentence and whose stderr
    gets whatever C libraries or loggers print."""
    return _run_python(
        f"""
        from resnet_studio.engine.images import open_image
        from resnet_studio.engine.errors import ImageReadError
        try:
            open_image({str(path)!r})
        except ImageReadError as exc:
            print(exc)
        """
    )


def test_open_image_of_a_bad_tiff_prints_nothing(tmp_path):
    path = _tiff_with_a_strip_past_the_end(tmp_path / "cut.tif")
    proc = _open_in_a_fresh_process(path)
    assert "damaged" in proc.stdout
    assert proc.stderr == ""


def _tiff_claiming_65535_samples_per_pixel(path):
    """A valid 8 x 8 RGB TIFF whose SamplesPerPixel tag is patched to 65535 (Pillow refuses it,
    and logs why with logging.error)."""
    Image.new("RGB", (8, 8), (10, 20, 30)).save(path)
    data = bytearray(path.read_bytes())
    first_ifd = struct.unpack("<I", data[4:8])[0]
    for i in range(struct.unpack("<H", data[first_ifd:first_ifd + 2])[0]):
        entry = first_ifd + 2 + 12 * i
        if struct.unpack("<H", data[entry:entry + 2])[0] == 277:
            data[entry + 8:entry + 10] = struct.pack("<H", 65535)
    path.write_bytes(bytes(data))
    return path


def test_pillows_own_log_lines_stay_off_the_terminal(tmp_path):
    path = _tiff_claiming_65535_samples_per_pixel(tmp_path / "spp.tif")
    proc = _open_in_a_fresh_process(path)
    assert "not an image" in proc.stdout
    assert proc.stderr == ""  # was "More samples per pixel than can be decoded: 65535"


# --- memory is bounded by what the user can see -----------------------------------------------


@pytest.fixture(scope="module")
def huge_grey_tiffs(tmp_path_factory):
    """169 MP float32 and int32 TIFFs of zeros (about 1 MB each, deflate), written in a child so
    the test process does not keep the 0.7 GB it takes to make them."""
    folder = tmp_path_factory.mktemp("huge")
    proc = _run_python(
        f"""
        from PIL import Image
        for mode, name in (("F", "float.tif"), ("I", "int.tif")):
            Image.new(mode, (13000, 13000), 0).save({str(folder)!r} + "/" + name, compression="tiff_deflate")
        """,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return folder


# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forked parent, so a child of a
# big pytest process would report the parent's size (1.7 GB seen in a full slow run).
_PEAK = """
import re, sys, time
from resnet_studio.engine.images import Preprocess, open_image
t0 = time.perf_counter()
{body}
with open("/proc/self/status") as fh:
    peak_kb = int(re.search(r"VmHWM:\\s+(\\d+)", fh.read()).group(1))
print(peak_kb // 1024, round(time.perf_counter() - t0, 1))
"""


def _peak_mb(body: str) -> int:
    proc = _run_python(_PEAK.format(body=textwrap.dedent(body)), timeout=300)
    assert proc.returncode == 0, proc.stderr
    return int(proc.stdout.split()[-2])


@pytest.mark.slow
@pytest.mark.parametrize("name", ["float.tif", "int.tif"])
def test_169_megapixel_high_depth_tiff_preprocesses_within_the_memory_of_its_pixels(huge_grey_tiffs, name):
    path = huge_grey_tiffs / name
    # 169 MP x 4 bytes = 676 MB is the decoded picture itself; before, conversion took 6.2 GB.
    peak = _peak_mb(f"""
        arr = Preprocess().load({str(path)!r})
        assert arr.shape == (3, 224, 224), arr.shape
    """)
    assert peak < 1100, f"{peak} MB"


@pytest.mark.slow
def test_169_megapixel_float_tiff_in_a_full_dataset_check_stays_bounded(huge_grey_tiffs, tmp_path):
    root = tmp_path / "data"
    save_image(root / "b" / "0.png", size=(40, 40))
    (root / "a").mkdir()
    os.link(huge_grey_tiffs / "float.tif", root / "a" / "float.tif")
    peak = _peak_mb(f"""
        from resnet_studio.engine.datasets import check_dataset
        report = check_dataset({str(root)!r}, full_decode=True)
        assert report.counts == {{"a": 1, "b": 1}}, report.counts
    """)
    assert peak < 1100, f"{peak} MB"


# --- category names that mislead --------------------------------------------------------------


def test_look_alike_and_invisible_category_names_are_warned_about(tmp_path):
    root = tmp_path / "data"
    names = ["caf\u00e9", "cafe\u0301", "two\nlines", "photo\u202egnp", "plain", "family \U0001f468\u200d\U0001f469"]
    for n in names:
        for i in range(2):
            save_image(root / n / f"{i}.png", size=(40, 40), seed=i)
    split = scan_dataset(root)
    assert sorted(split.classes) == sorted(names)
    report = check_dataset(root)
    by_code = {w.code: w for w in report.warnings}
    alike = by_code["look_alike_names"]
    assert sorted(Path(p).name for p in alike.paths) == sorted(["caf\u00e9", "cafe\u0301"])
    odd = by_code["invisible_characters_in_names"]
    assert sorted(Path(p).name for p in odd.paths) == sorted(["two\nlines", "photo\u202egnp"])
    assert report.ok


def test_dataset_check_text_shows_odd_names_escaped_and_both_cafes_apart(tmp_path):
    root = tmp_path / "data"
    for n in ["caf\u00e9", "cafe\u0301", "x\u202ey"]:
        for i in range(2):
            save_image(root / n / f"{i}.png", size=(40, 40), seed=i)
    proc = _cli("dataset", "check", str(root), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "\u202e" not in proc.stdout and "x\\u202ey" in proc.stdout
    assert "look the same" in proc.stdout
    assert "as single letters" in proc.stdout and "as separate marks" in proc.stdout
