"""Predictor: reference equality (torch and ONNX Runtime), order, bad files, cancel, thumbnails, CSV."""

from __future__ import annotations

import csv
import threading

import numpy as np
import pytest
from PIL import Image

from resnet_studio.engine.errors import (
    DeviceError,
    ModelError,
    OutputWriteError,
    WeightsNotFoundError,
)
from resnet_studio.engine.predict import ClassifyResult, Prediction, Predictor, write_results_csv
from tests.conftest import save_image
from tests.helpers import save_random_model

CLASSES = ["cat", "dog", "兔子"]
BACKENDS = ["torch", "onnxruntime"]


def make_model_file(path, *, seed: int = 0, crop: int = 64):
    """A tiny '.safetensors' model file as training would write it: 3 classes, random init."""
    return save_random_model(path, CLASSES, image_size=crop, seed=seed, name="pets")


pytestmark = pytest.mark.usefixtures("torch_one_thread")


@pytest.fixture(scope="module")
def shared_env(tmp_path_factory, torch_one_thread):
    """Module-wide: a model file, and an ONNX cache (non-ASCII path) shared by the whole session,
    so the ~seconds-long ONNX export of each test model happens once."""
    mp = pytest.MonkeyPatch()
    cache = tmp_path_factory.getbasetemp() / "共享 onnx cache"
    mp.setenv("RESNET_STUDIO_CACHE_DIR", str(cache))
    base = tmp_path_factory.mktemp("predict_env")
    model_path = make_model_file(base / "宠物 model.safetensors")
    yield {"model": model_path, "cache": cache, "base": base}
    mp.undo()


@pytest.fixture(scope="module")
def predictors(shared_env):
    return {
        name: Predictor(shared_env["model"], device="cpu", backend=name, batch_size=3, top_k=3)
        for name in BACKENDS
    }


@pytest.fixture(params=BACKENDS)
def predictor(request, predictors) -> Predictor:
    return predictors[request.param]


def distinct_images(folder, n, size=(64, 48), ext=".png"):
    """n different pictures: different colours, so the model gives each different scores."""
    paths = []
    for i in range(n):
        arr = np.zeros((size[1], size[0], 3), np.uint8)
        arr[..., i % 3] = 40 + 200 * (i % 5) // 4
        arr[: size[1] // 2, :, (i + 1) % 3] = (37 * i) % 256
        p = folder / f"img_{i:02d}{ext}"
        Image.fromarray(arr).save(p)
        paths.append(p)
    return paths


# --- reference equality --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def zoo_predictors(tmp_path_factory, shared_env):
    """resnet18 'ImageNet' (seeded random-init weights) with both backends, plus the reference."""
    import torch
    from torchvision.models import ResNet18_Weights, resnet18

    from resnet_studio.engine import zoo

    mp = pytest.MonkeyPatch()
    home = tmp_path_factory.mktemp("zoo_home")
    mp.setenv("TORCH_HOME", str(home))
    mp.setenv("RESNET_STUDIO_MODELS_DIR", str(home / "none"))
    torch.manual_seed(0)
    weights_file = zoo.cache_dir() / zoo.arch_info("resnet18").weights_filename
    weights_file.parent.mkdir(parents=True)
    torch.save(zoo.build_model("resnet18").state_dict(), weights_file)
    preds = {b: Predictor("resnet18", device="cpu", backend=b, batch_size=4) for b in BACKENDS}
    mp.undo()
    ref_model = resnet18(weights=None)
    ref_model.load_state_dict(torch.load(weights_file, weights_only=True))
    return preds, ref_model.eval(), ResNet18_Weights.DEFAULT.transforms()


@pytest.mark.parametrize("backend", BACKENDS)
def test_matches_torchvision_reference_pipeline(backend, zoo_predictors, tmp_path):
    import torch

    preds, ref_model, ref_transform = zoo_predictors
    predictor = preds[backend]
    assert predictor.backend_name == backend
    # small images: no reduced-size JPEG decoding applies, so both pipelines see the same pixels
    paths = [
        save_image(tmp_path / "a.jpg", size=(64, 48), seed=1, quality=95),
        save_image(tmp_path / "b.png", size=(48, 64), seed=2),
        save_image(tmp_path / "c.jpg", size=(300, 200), seed=3),
        save_image(tmp_path / "d.bmp", size=(40, 40), seed=4),
    ]
    n = len(predictor.classes)
    results = list(predictor.classify_paths(paths, top_k=n))
    with torch.no_grad():
        batch = torch.stack([ref_transform(Image.open(p).convert("RGB")) for p in paths])
        ref = ref_model(batch).softmax(dim=1).numpy()
    for result, ref_probs in zip(results, ref):
        assert result.error is None
        ours = np.zeros(n)
        for p in result.predictions:
            ours[p.index] = p.score
            assert p.label == predictor.classes[p.index]
        np.testing.assert_allclose(ours, ref_probs, rtol=1e-3, atol=2e-6)
        assert result.top1.index == int(ref_probs.argmax())
        np.testing.assert_allclose(
            [p.score for p in result.predictions[:5]], np.sort(ref_probs)[::-1][:5], rtol=1e-3, atol=2e-6
        )
    # the 1000 ImageNet names come with the weights enum
    assert len(predictor.classes) == 1000 and predictor.arch == "resnet18"


def test_backends_agree_and_auto_uses_onnxruntime_on_cpu(predictors, shared_env, tmp_path):
    paths = distinct_images(tmp_path, 4)
    torch_res = list(predictors["torch"].classify_paths(paths))
    ort_res = list(predictors["onnxruntime"].classify_paths(paths))
    for a, b in zip(torch_res, ort_res):
        assert [p.index for p in a.predictions] == [p.index for p in b.predictions]
        np.testing.assert_allclose([p.score for p in a.predictions], [p.score for p in b.predictions], atol=1e-4)
    auto = Predictor(shared_env["model"], device="cpu")
    assert auto.backend_name == "onnxruntime" and auto.backend.cached  # graph reused, not exported again
    assert "ONNX Runtime" in auto.device_description and "CPU" in auto.device_description


# --- order, errors, cancel, thumbnails -----------------------------------------------------------


def test_order_preserved_with_bad_files_interleaved(predictor, tmp_path):
    good = distinct_images(tmp_path, 6)
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    text = tmp_path / "notes.txt"
    text.write_text("not a picture")
    truncated = tmp_path / "cut.jpg"
    full = save_image(tmp_path / "full.jpg", size=(64, 64), seed=9).read_bytes()
    truncated.write_bytes(full[: len(full) // 2])
    missing = tmp_path / "gone.png"
    inputs = [good[0], empty, good[1], good[2], text, missing, good[3], truncated, good[4], tmp_path, good[5]]
    bad = {empty, text, missing, truncated, tmp_path}

    results = list(predictor.classify_paths(inputs))

    assert [r.path for r in results] == [str(p) for p in inputs]
    for path, r in zip(inputs, results):
        if path in bad:
            assert r.predictions == [] and r.top1 is None
            assert isinstance(r.error, str) and r.error
        else:
            assert r.error is None and len(r.predictions) == 3
            # each result belongs to its own image, whatever batch it was in
            alone = predictor.classify_image(Image.open(path))
            assert [p.index for p in r.predictions] == [p.index for p in alone]
            np.testing.assert_allclose([p.score for p in r.predictions], [p.score for p in alone], atol=1e-5)
    assert "empty" in results[1].error
    assert "ends early" in results[7].error or "damaged" in results[7].error
    assert "folder" in results[9].error


def test_batch_size_does_not_change_results(shared_env, predictors, tmp_path):
    paths = distinct_images(tmp_path, 5)
    one = Predictor(shared_env["model"], device="cpu", backend="torch", batch_size=1)
    a = [[(p.index, round(p.score, 5)) for p in r.predictions] for r in one.classify_paths(paths)]
    b = [[(p.index, round(p.score, 5)) for p in r.predictions] for r in predictors["torch"].classify_paths(paths)]
    assert a == b
    assert len({tuple(x) for x in a}) > 1  # the images really differ


def test_scores_are_probabilities_best_first(predictor, tmp_path):
    (result,) = predictor.classify_paths(distinct_images(tmp_path, 1), top_k=10)
    scores = [p.score for p in result.predictions]
    assert len(scores) == 3  # capped at the number of classes
    assert scores == sorted(scores, reverse=True)
    assert sum(scores) == pytest.approx(1.0, abs=1e-5)
    assert {p.label for p in result.predictions} == set(CLASSES)
    (top1,) = predictor.classify_paths(distinct_images(tmp_path, 1), top_k=1)
    assert len(top1.predictions) == 1 and top1.top1 == result.predictions[0]


def test_cancel_stops_early(predictor, tmp_path):
    paths = distinct_images(tmp_path, 12)
    cancel = threading.Event()
    got = []
    for r in predictor.classify_paths(paths, cancel=cancel):
        got.append(r)
        cancel.set()
    assert 1 <= len(got) <= predictor.batch_size < len(paths)
    assert [r.path for r in got] == [str(p) for p in paths[: len(got)]]
    assert list(predictor.classify_paths(paths, cancel=cancel)) == []


def test_thumbnail_comes_from_the_same_decode(predictor, tmp_path, monkeypatch):
    import resnet_studio.engine.predict as predict_mod

    calls = []
    real_open = predict_mod.open_image

    def counting_open(path, **kw):
        calls.append(str(path))
        return real_open(path, **kw)

    monkeypatch.setattr(predict_mod, "open_image", counting_open)
    paths = [save_image(tmp_path / "wide.jpg", size=(120, 60)), save_image(tmp_path / "tall.png", size=(30, 90))]
    results = list(predictor.classify_paths(paths, thumbnail_size=40))
    assert sorted(calls) == sorted(str(p) for p in paths)  # each file decoded exactly once
    assert results[0].thumbnail.size == (40, 20)
    assert results[1].thumbnail.size == (13, 40)
    assert all(r.thumbnail.mode == "RGB" for r in results)
    assert all(r.thumbnail is None for r in predictor.classify_paths(paths))


def test_non_ascii_paths_and_exif_rotation(predictor, tmp_path):
    folder = tmp_path / "照片 ünïcode"
    folder.mkdir()
    p = save_image(folder / "猫 1.jpg", size=(64, 48))
    # same picture stored sideways with an EXIF "rotate" tag: classified upright, like the original
    rotated = folder / "猫 rotated.jpg"
    img = Image.open(p).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    img.save(rotated, exif=exif, quality=95)
    a, b = predictor.classify_paths([p, rotated])
    assert a.error is None and b.error is None and a.path == str(p)
    assert a.top1.index == b.top1.index


def test_classify_image_accepts_any_mode(predictor):
    rgba = Image.new("RGBA", (50, 40), (200, 30, 30, 128))
    grey = Image.new("L", (50, 40), 100)
    for img in (rgba, grey):
        preds = predictor.classify_image(img, top_k=2)
        assert len(preds) == 2 and all(isinstance(p, Prediction) for p in preds)


# --- loading errors and backend choice -----------------------------------------------------------


def test_missing_weights_and_bad_specs(tmp_path):
    with pytest.raises(WeightsNotFoundError, match="not on this computer"):
        Predictor("resnet50", device="cpu")
    with pytest.raises(ModelError, match="neither a model name"):
        Predictor(tmp_path / "nope.safetensors")
    with pytest.raises(ModelError):
        Predictor("resnet18", backend="tensorflow")
    damaged = tmp_path / "damaged.safetensors"
    damaged.write_bytes(b"\x00" * 64)
    with pytest.raises(ModelError):
        Predictor(damaged, device="cpu")


def test_unavailable_device_is_a_readable_error(shared_env):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(DeviceError, match="CUDA"):
        Predictor(shared_env["model"], device="cuda")


def test_falls_back_to_torch_when_onnx_export_fails(shared_env, tmp_path, monkeypatch):
    from resnet_studio.engine import onnx_backend

    monkeypatch.setenv("RESNET_STUDIO_CACHE_DIR", str(tmp_path / "empty cache"))

    def broken_export(*a, **k):
        raise RuntimeError("exporter broke")

    monkeypatch.setattr(onnx_backend, "export_onnx_bytes", broken_export)
    auto = Predictor(shared_env["model"], device="cpu")
    assert auto.backend_name == "torch" and "exporter broke" in auto.backend_note
    (r,) = auto.classify_paths(distinct_images(tmp_path, 1))
    assert r.error is None
    with pytest.raises(ModelError, match="ONNX Runtime"):
        Predictor(shared_env["model"], device="cpu", backend="onnxruntime")


def test_onnx_cache_is_keyed_by_weights_and_survives_damage(shared_env, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("RESNET_STUDIO_CACHE_DIR", str(cache))
    other = make_model_file(tmp_path / "other.safetensors", seed=1, crop=32)
    said = []
    first = Predictor(other, device="cpu", backend="onnxruntime", on_status=said.append)
    assert not first.backend.cached and "first time" in said[0]
    files = list((cache / "onnx").glob("*.onnx"))
    assert len(files) == 1 and not list((cache / "onnx").glob("*.part"))
    files[0].write_bytes(b"garbage")  # a damaged cache file is rebuilt, not fatal
    again = Predictor(other, device="cpu", backend="onnxruntime")
    assert not again.backend.cached and files[0].stat().st_size > 1000
    said.clear()
    assert Predictor(other, device="cpu", backend="onnxruntime", on_status=said.append).backend.cached
    assert said == []
    (r,) = again.classify_paths(distinct_images(tmp_path, 1))
    assert r.error is None


# --- CSV -----------------------------------------------------------------------------------------


def sample_results():
    return [
        ClassifyResult("/photos/猫.jpg", [Prediction("cat", 0.9, 0), Prediction("dog", 0.075, 1)]),
        ClassifyResult("/photos/bad.jpg", [], "This file is empty (0 bytes)."),
        ClassifyResult("/photos/dog, big.jpg", [Prediction("dog", 0.6, 1)]),
    ]


def test_write_results_csv(tmp_path):
    out = write_results_csv(iter(sample_results()), tmp_path / "结果.csv", top_k=2)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 correctly
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["path", "top1_label", "top1_score", "label_1", "score_1", "label_2", "score_2", "error",
                       "model", "model_file", "backend"]
    assert rows[1] == ["/photos/猫.jpg", "cat", "0.900000", "cat", "0.900000", "dog", "0.075000", "", "", "", ""]
    assert rows[2] == ["/photos/bad.jpg", "", "", "", "", "", "", "This file is empty (0 bytes).", "", "", ""]
    assert rows[3][0] == "/photos/dog, big.jpg" and rows[3][5:7] == ["", ""]
    assert sample_results()[1].to_dict() == {"path": "/photos/bad.jpg", "predictions": [], "error": "This file is empty (0 bytes).",
                                             "model": "", "model_file": "", "backend": ""}


def test_write_results_csv_is_atomic(tmp_path):
    target = tmp_path / "results.csv"
    target.write_text("old results")

    def failing():
        yield sample_results()[0]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_results_csv(failing(), target, top_k=1)
    assert target.read_text() == "old results"
    assert [p.name for p in tmp_path.iterdir()] == ["results.csv"]
    with pytest.raises(OutputWriteError, match="does not exist"):
        write_results_csv(sample_results(), tmp_path / "missing" / "r.csv", top_k=1)
