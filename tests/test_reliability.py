"""Bad input, end to end: a corpus of hostile files through the Predictor and `classify --json`,
and hostile model files through the Predictor and `classify --model`.

Each bad file gets its own readable message (or a result, for odd but valid pictures), the good
files around it are still classified exactly as they would be alone, and the CLI exits 1. A model
file that cannot be used is refused with one line on stderr and exit code 2, and a pickle that
would run code never runs it. See docs/RELIABILITY.md for the full table.
"""

from __future__ import annotations

import errno
import json
import os
import pickle
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from resnet_studio.cli import main
from resnet_studio.engine.errors import ModelError, ModelFileError
from resnet_studio.engine.predict import Predictor
from tests.conftest import save_image
from tests.test_predict import CLASSES, make_model_file


pytestmark = pytest.mark.usefixtures("torch_one_thread")


@pytest.fixture(scope="module")
def model_path(tmp_path_factory) -> Path:
    return make_model_file(tmp_path_factory.mktemp("rel_model") / "宠物.safetensors")


@pytest.fixture(scope="module")
def predictor(model_path) -> Predictor:
    # PyTorch backend: image handling does not depend on the backend, and it saves the ONNX export.
    return Predictor(model_path, device="cpu", backend="torch", batch_size=4, top_k=3)


def cli(*args) -> int:
    return main([str(a) for a in args])


def stderr_lines(captured) -> list[str]:
    return [line for line in captured.err.splitlines() if line.strip()]


# --------------------------------------------------------------------------------- the corpus


def png_claiming(width: int, height: int) -> bytes:
    """A small, well-formed PNG whose header claims ``width`` x ``height`` pixels (valid CRCs)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _animated_gif(path: Path) -> Path:
    frames = [Image.new("RGB", (40, 30), c).convert("P") for c in ((250, 0, 0), (0, 0, 250))]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=40, loop=0)
    return path


def _animated_webp(path: Path) -> Path:
    frames = [Image.new("RGB", (40, 30), c) for c in ((250, 0, 0), (0, 250, 0))]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=40)
    return path


def _multipage_tiff(path: Path) -> Path:
    pages = [Image.new("RGB", (40, 30), c) for c in ((0, 250, 0), (0, 0, 250))]
    pages[0].save(path, save_all=True, append_images=pages[1:])
    return path


# name -> (expected: "ok" or words the error message must contain)
EXPECTED = {
    "good_1.jpg": "ok",
    "truncated.jpg": "ends early",
    "good_2.png": "ok",
    "zero.jpg": "empty",
    "random.png": "not an image",
    "text.jpg": "not an image",
    "good_3.webp": "ok",
    "claims_60000x60000.png": "too large",
    "locked.jpg": "permission",
    "loop.jpg": "link",
    "broken.jpg": "link to a file that no longer exists",
    "猫 café 🐱.png": "ok",
    "1x1.png": "ok",
    "20x3000.png": "ok",
    "3000x20.jpg": "ok",
    "animated.gif": "ok",
    "animated.webp": "ok",
    "multipage.tif": "ok",
    "good_4.jpg": "ok",
    "name not valid UTF-8": "ok",
}


def build_corpus(folder: Path) -> dict[str, Path]:
    """Every kind of file a user's folder holds, good ones in between. Names are sorted so that a
    folder walk sees them in a known order."""
    folder.mkdir(parents=True)
    p: dict[str, Path] = {}
    p["good_1.jpg"] = save_image(folder / "00 good_1.jpg", size=(64, 48), seed=1)
    whole = save_image(folder / "tmp.jpg", size=(64, 64), seed=9).read_bytes()
    (folder / "tmp.jpg").unlink()
    p["truncated.jpg"] = folder / "01 truncated.jpg"
    p["truncated.jpg"].write_bytes(whole[: len(whole) // 2])
    p["good_2.png"] = save_image(folder / "02 good_2.png", size=(48, 64), seed=2)
    p["zero.jpg"] = folder / "03 zero.jpg"
    p["zero.jpg"].write_bytes(b"")
    p["random.png"] = folder / "04 random.png"
    p["random.png"].write_bytes(np.random.default_rng(0).integers(0, 256, 4096, dtype=np.uint8).tobytes())
    p["text.jpg"] = folder / "05 text.jpg"
    p["text.jpg"].write_text("Dear diary, this is not a photo.\n" * 20, encoding="utf-8")
    p["good_3.webp"] = save_image(folder / "06 good_3.webp", size=(50, 50), seed=3)
    p["claims_60000x60000.png"] = folder / "07 claims_60000x60000.png"
    p["claims_60000x60000.png"].write_bytes(png_claiming(60000, 60000))
    p["locked.jpg"] = save_image(folder / "08 locked.jpg", size=(32, 32), seed=4)
    os.chmod(p["locked.jpg"], 0)
    p["loop.jpg"] = folder / "09 loop.jpg"
    p["loop.jpg"].symlink_to(p["loop.jpg"].name)
    p["broken.jpg"] = folder / "10 broken.jpg"
    p["broken.jpg"].symlink_to(folder / "gone away.jpg")
    p["猫 café 🐱.png"] = save_image(folder / "11 猫 café 🐱.png", size=(40, 40), seed=5)
    p["1x1.png"] = save_image(folder / "12 1x1.png", size=(1, 1), seed=6)
    p["20x3000.png"] = save_image(folder / "13 20x3000.png", size=(20, 3000), seed=7)
    p["3000x20.jpg"] = save_image(folder / "14 3000x20.jpg", size=(3000, 20), seed=8)
    p["animated.gif"] = _animated_gif(folder / "15 animated.gif")
    p["animated.webp"] = _animated_webp(folder / "16 animated.webp")
    p["multipage.tif"] = _multipage_tiff(folder / "17 multipage.tif")
    p["good_4.jpg"] = save_image(folder / "18 good_4.jpg", size=(64, 48), seed=10)
    # bytes that are not UTF-8 (an old camera card, a zip from another system): Python keeps them
    # as surrogates; JSON escapes them and the CSV writes them with backslashes
    p["name not valid UTF-8"] = save_image(folder / os.fsdecode(b"19 \xff\xfe name.png"), size=(40, 30), seed=12)
    return p


@pytest.fixture
def permission_denied(monkeypatch):
    """Make ``locked.jpg`` unreadable. It is chmod 000 already; that is enough for a normal user,
    but root reads anything, so as root the refusal the OS would give is simulated where the
    decoder opens the file."""
    if os.geteuid() != 0:
        yield
        return
    real_open = Image.open

    def open_(fp, *args, **kwargs):
        if isinstance(fp, (str, os.PathLike)) and "locked" in os.fspath(fp):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(fp))
        return real_open(fp, *args, **kwargs)

    monkeypatch.setattr(Image, "open", open_)
    yield


@pytest.fixture
def corpus(tmp_path, permission_denied) -> dict[str, Path]:
    return build_corpus(tmp_path / "语料 corpus")


def _extra_paths(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Paths that can only be named, not put in a folder: name -> (path, expected)."""
    folder_named_jpg = tmp_path / "x.jpg"
    folder_named_jpg.mkdir()
    deep = tmp_path
    for part in ("深" * 60, "d" * 200, "e" * 200, "f" * 200, "g" * 200):
        deep = deep / part
    long_good = save_image(deep / "很长的路径 long path.png", size=(36, 36), seed=11)
    assert len(os.fsencode(long_good)) > 1000
    return {
        "x.jpg (a folder)": (folder_named_jpg, "folder"),
        "name too long": (tmp_path / ("n" * 300 + ".jpg"), "too long"),
        "missing": (tmp_path / "never there.png", "no longer exists"),
        "very long path": (long_good, "ok"),
    }


def _check(result, expected: str) -> None:
    if expected == "ok":
        assert result.error is None, f"{result.path}: {result.error}"
        assert len(result.predictions) == 3
        assert abs(sum(p.score for p in result.predictions) - 1.0) < 1e-4
    else:
        assert result.predictions == []
        assert expected in result.error.lower(), f"{result.path}: {result.error!r} lacks {expected!r}"
        assert "\n" not in result.error and "Traceback" not in result.error


def test_corpus_through_the_predictor(predictor, corpus, tmp_path):
    extra = _extra_paths(tmp_path)
    names = list(corpus) + list(extra)
    paths = [corpus[n] for n in corpus] + [extra[n][0] for n in extra]
    expected = [EXPECTED[n] for n in corpus] + [extra[n][1] for n in extra]

    results = list(predictor.classify_paths(paths, top_k=3))

    assert [r.path for r in results] == [os.fspath(p) for p in paths]  # one each, in order
    for name, result, want in zip(names, results, expected):
        _check(result, want)
    # the good files get exactly the scores they get alone: bad neighbours change nothing
    good = [p for p, want in zip(paths, expected) if want == "ok"]
    alone = {r.path: r for r in predictor.classify_paths(good, top_k=3)}
    for r in results:
        if r.error is None:
            ref = alone[r.path]
            assert [p.index for p in r.predictions] == [p.index for p in ref.predictions]
            np.testing.assert_allclose([p.score for p in r.predictions], [p.score for p in ref.predictions],
                                       atol=1e-5)


def test_corpus_through_the_cli_json(model_path, corpus, tmp_path, capsys):
    extra = _extra_paths(tmp_path)
    folder = next(iter(corpus.values())).parent
    csv_path = tmp_path / "结果.csv"
    (extra["x.jpg (a folder)"][0] / "inside.png").write_bytes(corpus["good_2.png"].read_bytes())
    named = [extra["name too long"][0], extra["missing"][0], extra["very long path"][0]]

    code = cli("classify", folder, extra["x.jpg (a folder)"][0], *named, "--json", "--model", model_path,
               "--backend", "torch", "--top-k", "3", "--batch-size", "4", "--csv", csv_path)

    out = capsys.readouterr()
    assert code == 1
    rows = [json.loads(line) for line in out.out.splitlines()]
    # the folder in name order, then the folder called x.jpg (searched like any folder), then the rest
    want_paths = [corpus[n] for n in corpus] + [extra["x.jpg (a folder)"][0] / "inside.png"] + named
    assert [r["path"] for r in rows] == [os.fspath(p) for p in want_paths]
    wants = [EXPECTED[n] for n in corpus] + ["ok", "too long", "no longer exists", "ok"]
    for row, want in zip(rows, wants):
        if want == "ok":
            assert row["error"] is None and len(row["predictions"]) == 3, row
        else:
            assert row["predictions"] == [] and want in row["error"].lower(), row
    n_bad = sum(w != "ok" for w in wants)
    lines = stderr_lines(out)
    assert len(lines) == 1 and "Traceback" not in out.err
    assert f"classified {len(wants) - n_bad} of {len(wants)} images" in lines[0]
    assert f"{n_bad} could not be read" in lines[0]
    # the CSV holds the same rows, errors included
    import csv

    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        csv_rows = list(csv.DictReader(fh))
    assert len(csv_rows) == len(rows)
    for csv_row, row in zip(csv_rows, rows):
        expected_path = row["path"].encode("utf-8", "backslashreplace").decode("utf-8")
        assert csv_row["path"] == expected_path
    assert [bool(r["error"]) for r in csv_rows] == [w != "ok" for w in wants]


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_extremely_elongated_images_cost_little_memory(predictor, tmp_path):
    """A 1 x 20000 line (a 60 kB file) used to be resized to 256 x 5,120,000 before the centre
    crop: 5.9 GB and 23 s. Only the part the crop keeps is resized now."""
    from torchvision.transforms.v2 import InterpolationMode
    from torchvision.transforms.v2 import functional as F

    lines = [save_image(tmp_path / "line.png", size=(1, 20000), seed=1),
             save_image(tmp_path / "bar.png", size=(20000, 1), seed=2)]
    before = _peak_rss_mb()
    results = list(predictor.classify_paths(lines))
    assert all(r.error is None for r in results)
    assert _peak_rss_mb() - before < 200

    # and the result is what resizing everything, then cropping, gives (within 1/255)
    pre = predictor.preprocess
    for size in [(20, 3000), (3000, 20), (7, 2001)]:
        img = Image.open(save_image(tmp_path / "x.png", size=size, seed=3)).convert("RGB")
        ref = F.center_crop(F.resize(img, [pre.resize_size], interpolation=InterpolationMode.BILINEAR,
                                     antialias=True), [pre.crop_size])
        ours = pre.resize_crop(img)
        assert ours.size == ref.size
        assert np.abs(np.asarray(ours, int) - np.asarray(ref, int)).max() <= 1


def test_nul_in_a_path_is_a_readable_error(predictor):
    (result,) = predictor.classify_paths(["bad\0name.jpg"])
    assert result.predictions == [] and "not valid" in result.error


# --------------------------------------------------------------------------------- model files


class RunsCode:
    """Unpickling this touches ``marker``: what a malicious 'model' would do instead."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def _bad_model_files(folder: Path, model_path: Path) -> dict[str, tuple[Path, str]]:
    """name -> (file, words the one-line message must contain)."""
    import torch
    from safetensors import safe_open

    from resnet_studio.engine.images import Preprocess
    from resnet_studio.engine.modelfile import ModelInfo, save_model_file
    from resnet_studio.engine.zoo import build_model

    marker = folder / "CODE-RAN"
    out: dict[str, tuple[Path, str]] = {}

    # a torch.save'd checkpoint whose unpickling would run code, under every name users use
    evil = {"conv1.weight": torch.zeros(1), "fc.weight": RunsCode(marker)}
    for suffix in (".pth", ".pt", ".bin"):
        p = folder / f"evil{suffix}"
        torch.save(evil, p)
        out[f"pickle that runs code ({suffix})"] = (p, "never run")
    p = folder / "evil.safetensors"
    p.write_bytes(pickle.dumps(RunsCode(marker)))
    out["pickle named .safetensors"] = (p, "not a resnet studio model file")
    p = folder / "whole_model.pth"
    torch.save(build_model("resnet18", num_classes=2), p)  # a pickled nn.Module, not a state dict
    out["pickled whole model (.pth)"] = (p, "never run")

    data = bytearray(model_path.read_bytes())
    header_len = struct.unpack("<Q", data[:8])[0]
    damaged = bytearray(data)
    damaged[8 + header_len // 2: 8 + header_len // 2 + 8] = b"\xff\x00{]\"\x01\x02\x03"
    p = folder / "damaged_header.safetensors"
    p.write_bytes(bytes(damaged))
    out["damaged safetensors header"] = (p, "damaged")
    p = folder / "huge_header.safetensors"
    p.write_bytes(struct.pack("<Q", 2**62) + bytes(data[8:200]))
    out["header length of 2**62"] = (p, "damaged")
    p = folder / "cut.safetensors"
    p.write_bytes(bytes(data[: len(data) // 3]))
    out["truncated model file"] = (p, "damaged")

    with safe_open(str(model_path), framework="pt") as f:
        state = {k: f.get_tensor(k) for k in f.keys()}
    pre = Preprocess.for_image_size(64)
    p = save_model_file(folder / "wrong_arch.safetensors", state,
                        ModelInfo(arch="resnet34", classes=list(CLASSES), preprocess=pre))
    out["weights of another architecture"] = (p, "does not match its architecture")
    p = save_model_file(folder / "wrong_count.safetensors", state,
                        ModelInfo(arch="resnet18", classes=["a", "b", "c", "d", "e"], preprocess=pre))
    out["wrong class count"] = (p, "lists 5 categories but its weights have 3")
    p = save_model_file(folder / "newer.safetensors", state,
                        ModelInfo(arch="resnet18", classes=list(CLASSES), preprocess=pre,
                                  app_version="99.0", format_version=99))
    out["from a newer app version"] = (p, "newer version")
    p = save_model_file(folder / "unknown_arch.safetensors", state,
                        ModelInfo(arch="resnet9000", classes=list(CLASSES), preprocess=pre))
    out["unknown architecture"] = (p, "does not know (resnet9000)")
    odd = {"conv1.weight": torch.zeros(8, 3, 5, 5), "fc.weight": torch.zeros(3, 8), "fc.bias": torch.zeros(3)}
    p = folder / "not_a_resnet.pth"
    torch.save(odd, p)
    out["state dict of another network (.pth)"] = (p, "does not match any resnet")
    return out


@pytest.fixture(scope="module")
def bad_models(tmp_path_factory, model_path):
    folder = tmp_path_factory.mktemp("bad_models")
    return folder, _bad_model_files(folder, model_path)


MODEL_CASES = [
    "pickle that runs code (.pth)", "pickle that runs code (.pt)", "pickle that runs code (.bin)",
    "pickle named .safetensors", "pickled whole model (.pth)", "damaged safetensors header",
    "header length of 2**62", "truncated model file", "weights of another architecture",
    "wrong class count", "from a newer app version", "unknown architecture",
    "state dict of another network (.pth)",
]


@pytest.mark.parametrize("case", MODEL_CASES)
def test_bad_model_file_through_the_predictor(bad_models, case):
    folder, files = bad_models
    path, words = files[case]
    with pytest.raises(ModelError) as info:
        Predictor(path, device="cpu", backend="torch")
    assert isinstance(info.value, ModelFileError)
    message = str(info.value)
    assert words in message.lower(), message
    assert "\n" not in message and path.name in message
    assert not (folder / "CODE-RAN").exists()


@pytest.mark.parametrize("case", MODEL_CASES)
def test_bad_model_file_through_the_cli(bad_models, corpus, case, capsys):
    folder, files = bad_models
    path, words = files[case]
    code = cli("classify", corpus["good_1.jpg"], "--model", path, "--backend", "torch")
    out = capsys.readouterr()
    assert code == 2
    lines = stderr_lines(out)
    assert len(lines) == 1 and lines[0].startswith("resnet-studio: error:"), out.err
    assert words in lines[0].lower()
    assert out.out == ""
    assert not (folder / "CODE-RAN").exists()


def test_model_name_too_long_is_a_readable_error(corpus, tmp_path, capsys):
    code = cli("classify", corpus["good_1.jpg"], "--model", tmp_path / ("m" * 300 + ".safetensors"))
    out = capsys.readouterr()
    assert code == 2 and len(stderr_lines(out)) == 1 and "neither a model name" in out.err
