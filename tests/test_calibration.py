"""Confidence that means what it says (issue 15): the calibration metrics, the temperature fit,
its place in the model file, and that every backend and export gives the calibrated answer."""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import numpy as np
import pytest

from resnet_studio.engine import calibration as cal
from resnet_studio.engine.errors import ModelFileError
from resnet_studio.engine.metrics import expected_calibration_error, reliability_bins
from resnet_studio.engine.modelfile import (
    ModelInfo, build_from_info, load_model_file, read_model_info, save_model_file,
)
from tests.conftest import make_shapes_dataset
from tests.helpers import save_random_model

CLASSES = ["circle", "square", "triangle"]

pytestmark = pytest.mark.usefixtures("torch_one_thread")


# --- metrics ------------------------------------------------------------------------------------

def test_expected_calibration_error_known_values():
    # 0.9 twice, one right: gap 0.4 over half the answers; 0.6 (an edge: the lower bin) twice, both
    # right: gap 0.4 over the other half
    assert expected_calibration_error([0.9, 0.9, 0.6, 0.6], [True, False, True, True]) == pytest.approx(0.4)
    assert expected_calibration_error([1.0, 1.0, 1.0], [True, True, True]) == 0.0
    assert expected_calibration_error([0.75] * 4, [True, True, True, False]) == pytest.approx(0.0)
    assert expected_calibration_error([], []) == 0.0
    # one bin: |mean right - mean confidence| = |0.5 - 0.7|
    assert expected_calibration_error([0.6, 0.8], [True, False], bins=1) == pytest.approx(0.2)
    with pytest.raises(ValueError):
        expected_calibration_error([0.5], [True, False])


def test_reliability_bins_known_values():
    conf = [0.3, 0.55, 0.65, 0.8, 0.95, 0.99, 1.0, 0.999]
    right = [True, True, False, True, False, True, True, False]
    rows = reliability_bins(conf, right)
    assert [(r["lo"], r["hi"]) for r in rows] == [(0.5, 0.7), (0.7, 0.9), (0.9, 0.99), (0.99, 1.0)]
    assert [r["count"] for r in rows] == [2, 1, 1, 3]  # 0.3 is in none; 0.99 and 1.0 in the last
    assert [r["right"] for r in rows] == [1, 1, 0, 2]
    assert rows[0]["accuracy"] == pytest.approx(0.5) and rows[0]["confidence"] == pytest.approx(0.6)
    assert rows[3]["accuracy"] == pytest.approx(2 / 3)
    empty = reliability_bins([], [])
    assert all(r["count"] == 0 and r["accuracy"] == 0.0 for r in empty)


# --- the fit ------------------------------------------------------------------------------------

def test_fit_temperature_finds_the_temperature_the_labels_were_drawn_with():
    rng = np.random.default_rng(0)
    logits = rng.standard_normal((4000, 5)) * 6
    p = cal.softmax_t(logits, 3.0)
    labels = np.array([rng.choice(5, p=row) for row in p])
    assert cal.fit_temperature(logits, labels) == pytest.approx(3.0, rel=0.1)
    assert cal.nll(logits, labels, 3.0) < cal.nll(logits, labels, 1.0)


def test_fit_temperature_stays_in_range_on_a_tiny_all_correct_set():
    # six pictures, all right: a free fit would run off towards T = 0 ("surer is always better")
    logits = np.array([[4.0, 0, 0], [0, 3, 0], [0, 0, 5], [2, 0, 0], [0, 6, 0], [0, 0, 2.5]])
    t = cal.fit_temperature(logits, [0, 1, 2, 0, 1, 2])
    assert t == pytest.approx(cal.T_MIN)
    # all wrong and sure: it stops at the top of the range instead of running off to infinity
    assert cal.fit_temperature(logits, [1, 2, 0, 1, 2, 0]) == pytest.approx(cal.T_MAX)
    assert cal.fit_temperature(np.zeros((0, 3)), []) == 1.0


# --- stored, loaded, applied --------------------------------------------------------------------

@pytest.fixture
def calibrated_file(tmp_path) -> Path:
    return save_random_model(tmp_path / "cal.safetensors", CLASSES, image_size=32, name="cal",
                             calibration={"temperature": 2.5, "method": "folds", "pictures": 30})


def _raw_logits(path: Path, x: np.ndarray) -> np.ndarray:
    """The network's own outputs, before calibration: the same weights with no temperature."""
    import torch

    info, state = load_model_file(path)
    info.calibration = {}
    with torch.inference_mode():
        return build_from_info(info, state).float()(torch.from_numpy(x)).double().numpy()


def _batch(seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal((4, 3, 32, 32), dtype=np.float32)


def test_temperature_is_stored_and_old_files_load_as_one(tmp_path, calibrated_file):
    assert read_model_info(calibrated_file).calibration["temperature"] == 2.5
    assert cal.temperature_of(read_model_info(calibrated_file)) == 2.5
    old = save_random_model(tmp_path / "old.safetensors", CLASSES, image_size=32)
    meta = json.loads(ModelInfo(arch="resnet18", classes=CLASSES).to_json())
    del meta["calibration"]  # as a file written before issue 15
    assert ModelInfo.from_json(json.dumps(meta)).calibration == {}
    assert cal.temperature_of(read_model_info(old)) == 1.0


@pytest.mark.parametrize("bad", [0.0, -1.0, 100.0, "2", None])
def test_a_temperature_no_model_can_use_is_refused(tmp_path, bad):
    path = save_random_model(tmp_path / "bad.safetensors", CLASSES, image_size=32, calibration={"temperature": bad})
    with pytest.raises(ModelFileError, match="confidence setting"):
        read_model_info(path)


@pytest.mark.parametrize("backend", ["torch", "onnxruntime"])
def test_every_backend_gives_the_calibrated_probabilities(calibrated_file, backend):
    from resnet_studio.engine.predict import Predictor

    x = _batch()
    want = cal.softmax_t(_raw_logits(calibrated_file, x), 2.5)
    pred = Predictor(calibrated_file, device="cpu", backend=backend)
    assert pred.backend_name == backend
    np.testing.assert_allclose(pred.probabilities(x), want, atol=1e-5)
    # and they are not the uncalibrated ones (the temperature really changed something)
    assert np.abs(cal.softmax_t(_raw_logits(calibrated_file, x), 1.0) - want).max() > 1e-3


def test_onnx_and_torchscript_exports_have_the_temperature_baked_in(tmp_path, calibrated_file):
    import onnx
    import onnxruntime as ort
    import torch

    from resnet_studio.engine.export import export_model

    x = _batch(1)
    want = cal.softmax_t(_raw_logits(calibrated_file, x), 2.5)
    onnx_path = export_model(calibrated_file, "onnx", tmp_path / "m.onnx")
    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    got = session.run(None, {session.get_inputs()[0].name: x})[0]
    np.testing.assert_allclose(cal.softmax_t(got), want, atol=1e-5)
    props = {p.key: p.value for p in onnx.load(str(onnx_path)).metadata_props}
    assert json.loads(props["resnet_studio"])["temperature_applied"] == 2.5
    ts_path = export_model(calibrated_file, "torchscript", tmp_path / "m.pt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        loaded = torch.jit.load(str(ts_path))
    with torch.no_grad():
        np.testing.assert_allclose(cal.softmax_t(loaded(torch.from_numpy(x)).numpy()), want, atol=1e-5)


def test_importing_a_calibrated_model_copies_its_weights_unchanged(tmp_path, calibrated_file):
    from resnet_studio.engine.library import import_model_file

    (tmp_path / "library").mkdir()
    copy = import_model_file(calibrated_file, folder=tmp_path / "library")
    _, before = load_model_file(calibrated_file)
    _, after = load_model_file(copy)
    # the temperature is applied when the network is built, never written into the weights
    assert all(bool((before[k] == after[k]).all()) for k in before)
    x = _batch(2)
    np.testing.assert_allclose(_raw_logits(copy, x), _raw_logits(calibrated_file, x), atol=1e-6)


# --- training -----------------------------------------------------------------------------------

def test_head_training_stores_a_fold_fitted_temperature(tmp_path, fake_imagenet_weights):
    from resnet_studio.engine.train import TrainConfig, train

    fake_imagenet_weights("resnet18")
    data = make_shapes_dataset(tmp_path / "shapes", per_class=10)
    out = tmp_path / "head.safetensors"
    r = train(data, out, TrainConfig(mode="head", epochs=15, image_size=32, batch_size=8,
                                     cache_dir=tmp_path / "features"))
    c = r.calibration
    assert c["method"] == "folds" and c["pictures"] == 30  # all the pictures, out of fold
    assert cal.T_MIN <= c["temperature"] <= cal.T_MAX and math.isfinite(c["temperature"])
    assert [b["lo"] for b in c["reliability"]] == [0.5, 0.7, 0.9, 0.99]
    assert sum(b["count"] for b in c["reliability"]) <= 30
    assert read_model_info(out).calibration == c
    # the mistakes' confidences are the calibrated ones the user will see
    from resnet_studio.engine.predict import Predictor

    pred = Predictor(out, device="cpu", backend="torch")
    for m in r.misclassified:
        top = pred.classify_paths([m["path"]]).__next__().top1
        assert top.score == pytest.approx(m["confidence"], abs=1e-4)


def test_a_fine_tune_with_few_validation_pictures_keeps_temperature_one_and_says_so(tmp_path, fake_imagenet_weights):
    from resnet_studio.engine.train import TrainConfig, train

    fake_imagenet_weights("resnet18")
    data = make_shapes_dataset(tmp_path / "shapes", per_class=6)
    out = tmp_path / "full.safetensors"
    r = train(data, out, TrainConfig(mode="full", epochs=1, image_size=32, batch_size=12,
                                     cache_dir=tmp_path / "features"))
    assert r.calibration["method"] == "none" and r.calibration["temperature"] == 1.0
    assert any("Too few validation pictures" in w for w in r.warnings)
    assert cal.temperature_of(read_model_info(out)) == 1.0


def test_a_fine_tune_fits_its_temperature_on_enough_validation_pictures(monkeypatch, tmp_path, fake_imagenet_weights):
    from resnet_studio.engine.train import TrainConfig, train

    monkeypatch.setattr(cal, "MIN_FIT_PICTURES", 3)  # the shapes' validation split is small
    fake_imagenet_weights("resnet18")
    data = make_shapes_dataset(tmp_path / "shapes", per_class=6)
    out = tmp_path / "full.safetensors"
    r = train(data, out, TrainConfig(mode="full", epochs=1, image_size=32, batch_size=12,
                                     cache_dir=tmp_path / "features"))
    t = r.calibration["temperature"]
    assert r.calibration["method"] == "validation" and cal.T_MIN <= t <= cal.T_MAX
    assert read_model_info(out).calibration["temperature"] == t


def test_head_training_with_a_large_validation_split_fits_on_it_alone(monkeypatch, tmp_path, fake_imagenet_weights):
    from resnet_studio.engine.train import TrainConfig, train

    monkeypatch.setattr(cal, "VALIDATION_ENOUGH", 3)  # "large" for three categories of shapes
    fake_imagenet_weights("resnet18")
    data = make_shapes_dataset(tmp_path / "shapes", per_class=10)
    r = train(data, tmp_path / "head.safetensors", TrainConfig(mode="head", epochs=5, image_size=32, batch_size=8,
                                                               cache_dir=tmp_path / "features"))
    assert r.calibration["method"] == "validation" and r.calibration["pictures"] == r.n_val
    assert cal.T_MIN <= r.calibration["temperature"] <= cal.T_MAX
