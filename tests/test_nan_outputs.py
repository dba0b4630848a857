"""Issue 13: a model whose outputs are NaN or infinite gives an error, not "nan%" or a metric.

Before, such a model classified every picture as its first category at "nan%" (exit 0), and
`evaluate` reported "accuracy 33.3%, loss 0.000". The model files here have finite weights that
overflow in the forward pass (a file-level check of the weights cannot catch them), plus files
with NaN and infinite weights, which must be refused either way, in one line.
"""

from __future__ import annotations

import pytest

from resnet_studio.cli import main
from resnet_studio.engine import errors
from resnet_studio.engine.predict import Predictor
from resnet_studio.engine.train import evaluate
from tests.conftest import make_shapes_dataset

CLASSES = ["circle", "square", "triangle"]
CROP = 64
SENTENCE = "This model gives no usable answer (its outputs are not numbers). The model file may be damaged."

pytestmark = pytest.mark.usefixtures("torch_one_thread")


def broken_model(kind: str):
    """ResNet-18 for CLASSES whose outputs are NaN or infinite on any picture."""
    import torch

    from resnet_studio.engine.zoo import build_model

    torch.manual_seed(0)
    model = build_model("resnet18", num_classes=len(CLASSES)).eval()
    with torch.no_grad():
        if kind.startswith("overflow"):
            # Every weight finite, every tensor's sum too; but two scales of 1e30 in a row make
            # the last block's activations +inf (1e60 does not fit a float32).
            model.layer4[1].bn1.weight.fill_(1e30)
            model.layer4[1].bn2.weight.fill_(1e30)
            if kind == "overflow-inf":  # all-positive last layer: +inf outputs
                model.fc.weight.fill_(0.01)
            # else the last layer's mixed signs make inf - inf: NaN outputs
        elif kind == "nan-weights":
            model.fc.weight.fill_(float("nan"))
        elif kind == "inf-weights":
            model.fc.bias.fill_(float("inf"))
        else:
            raise ValueError(kind)
    return model


OVERFLOW = ["overflow-inf", "overflow-nan"]
ALL_KINDS = OVERFLOW + ["nan-weights", "inf-weights"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    from resnet_studio.engine.images import Preprocess
    from resnet_studio.engine.modelfile import ModelInfo, save_model_file

    base = tmp_path_factory.mktemp("nan_outputs")
    info = ModelInfo(arch="resnet18", classes=CLASSES, preprocess=Preprocess.for_image_size(CROP))
    models = {k: save_model_file(base / f"{k}.safetensors", broken_model(k).state_dict(), info) for k in ALL_KINDS}
    data = make_shapes_dataset(base / "shapes", classes=CLASSES, per_class=2, size=48)
    return {"models": models, "data": data, "pictures": sorted((data / "circle").glob("*.png"))}


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RESNET_STUDIO_CACHE_DIR", str(tmp_path / "cache"))


def assert_no_usable_answer(exc_info) -> None:
    assert type(exc_info.value).__name__ == "ModelOutputError"
    assert str(exc_info.value) == SENTENCE


# --- engine API ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", OVERFLOW)
@pytest.mark.parametrize("backend", ["torch", "auto"])
def test_classify_raises_instead_of_nan_scores(files, kind, backend):
    predictor = Predictor(files["models"][kind], device="cpu", backend=backend)
    with pytest.raises(errors.ModelError) as exc_info:
        list(predictor.classify_paths(files["pictures"]))
    assert_no_usable_answer(exc_info)


@pytest.mark.parametrize("kind", OVERFLOW)
def test_onnxruntime_backend_refuses_the_model_not_onnx_runtime(files, kind):
    # the probe shows PyTorch's own outputs are not numbers: the model is at fault, so the
    # message is about the model, not "could not be prepared for ONNX Runtime"
    with pytest.raises(errors.ModelError) as exc_info:
        Predictor(files["models"][kind], device="cpu", backend="onnxruntime")
    assert_no_usable_answer(exc_info)


@pytest.mark.parametrize("kind", OVERFLOW)
@pytest.mark.parametrize("backend", ["torch", "onnxruntime"])
def test_evaluate_raises_instead_of_a_meaningless_accuracy(files, kind, backend):
    with pytest.raises(errors.ModelError) as exc_info:
        evaluate(files["models"][kind], files["data"], device="cpu", backend=backend)
    assert_no_usable_answer(exc_info)


@pytest.mark.parametrize("kind", ["nan-weights", "inf-weights"])
def test_backend_outputs_of_an_in_memory_model_with_non_finite_weights(kind):
    """The second line of defence, whatever the model-file checks refuse at load."""
    import numpy as np

    from resnet_studio.engine.backends import make_backend, require_finite

    model = broken_model(kind)
    backend, _ = make_backend(model, "cpu", CROP, "torch")
    x = np.zeros((2, 3, CROP, CROP), np.float32)
    with pytest.raises(errors.ModelError) as exc_info:
        require_finite(backend.logits(x))
    assert_no_usable_answer(exc_info)
    with pytest.raises(errors.ModelError) as exc_info:
        make_backend(model, "cpu", CROP, "onnxruntime")
    assert_no_usable_answer(exc_info)


def test_finite_outputs_pass_through_unchanged():
    import numpy as np

    from resnet_studio.engine.backends import require_finite

    logits = np.array([[1e30, -3.0, 0.0]], np.float32)
    assert require_finite(logits) is logits


# --- CLI -------------------------------------------------------------------------------------


def one_line_error(captured) -> str:
    lines = [line for line in captured.err.splitlines() if line.strip()]
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_cli_classify_exit_2_one_line(files, kind, capsys):
    code = main(["classify", *map(str, files["pictures"]), "--model", str(files["models"][kind]), "--json"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""  # no "NaN" scores (not even valid JSON)
    line = one_line_error(captured)
    if kind in OVERFLOW:  # the weights are finite: only the outputs show the damage
        assert line == f"resnet-studio: error: {SENTENCE}"


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_cli_evaluate_exit_2_one_line(files, kind, capsys):
    code = main(["evaluate", str(files["models"][kind]), str(files["data"]), "--json"])
    captured = capsys.readouterr()
    assert code == 2
    assert "accuracy" not in captured.out
    line = one_line_error(captured)
    if kind in OVERFLOW:
        assert line == f"resnet-studio: error: {SENTENCE}"
