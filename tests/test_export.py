"""Export: the ONNX / TorchScript files give the model's answers and carry its class names."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pytest

from resnet_studio.engine import export as export_mod
from resnet_studio.engine.errors import ExportError, ModelFileError
from resnet_studio.engine.export import export_model, read_torchscript_metadata
from resnet_studio.engine.modelfile import load_model
from tests.helpers import save_random_model

CLASSES = ["猫 cat", "dog", "fox"]


pytestmark = pytest.mark.usefixtures("torch_one_thread")


@pytest.fixture
def model_file(tmp_path) -> Path:
    return save_random_model(tmp_path / "model.safetensors", CLASSES, image_size=32, name="shapes")


def _reference(model_file: Path, x: np.ndarray) -> np.ndarray:
    import torch

    model, _ = load_model(model_file)
    with torch.inference_mode():
        return model(torch.from_numpy(x)).numpy()


def test_onnx_round_trip(tmp_path, model_file):
    import onnx
    import onnxruntime as ort

    out = export_model(model_file, "onnx", tmp_path / "m.onnx")
    assert out == tmp_path / "m.onnx" and out.stat().st_size > 1_000_000
    x = np.random.default_rng(1).standard_normal((5, 3, 32, 32), dtype=np.float32)  # any batch size
    session = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    got = session.run(None, {session.get_inputs()[0].name: x})[0]
    np.testing.assert_allclose(got, _reference(model_file, x), rtol=1e-3, atol=1e-3)
    props = {p.key: p.value for p in onnx.load(str(out)).metadata_props}
    assert json.loads(props["classes"]) == CLASSES
    assert json.loads(props["resnet_studio"])["preprocess"]["crop_size"] == 32


def test_torchscript_round_trip(tmp_path, model_file):
    import torch

    out = export_model(model_file, "torchscript", tmp_path / "m.pt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # "deprecated", yet the way to load these
        loaded = torch.jit.load(str(out))
    x = np.random.default_rng(2).standard_normal((4, 3, 32, 32), dtype=np.float32)
    with torch.no_grad():
        got = loaded(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(got, _reference(model_file, x), rtol=1e-4, atol=1e-4)
    meta = read_torchscript_metadata(out)
    assert meta["classes"] == CLASSES and meta["arch"] == "resnet18"


def test_export_that_disagrees_is_refused_and_not_written(tmp_path, model_file, monkeypatch):
    # an exporter/runtime bug is simulated by a runtime that returns different numbers
    monkeypatch.setattr(export_mod, "_run_onnx", lambda data, x: np.zeros((len(x), 3), np.float32) + 5.0)
    with pytest.raises(ExportError, match="different answers"):
        export_model(model_file, "onnx", tmp_path / "bad.onnx")
    assert not (tmp_path / "bad.onnx").exists()
    assert not list(tmp_path.glob("*.part"))


def test_bad_inputs_give_readable_errors(tmp_path, model_file):
    with pytest.raises(ExportError, match="Unknown export format"):
        export_model(model_file, "coreml", tmp_path / "m.mlmodel")
    with pytest.raises(ExportError, match="folder"):
        export_model(model_file, "onnx", tmp_path)
    junk = tmp_path / "junk.safetensors"
    junk.write_bytes(b"not a model")
    with pytest.raises(ModelFileError):
        export_model(junk, "onnx", tmp_path / "j.onnx")
