"""``resnet-studio train / evaluate / export``: JSON on the last line, exit codes, no tracebacks."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from resnet_studio.cli import main
from tests.conftest import make_shapes_dataset

PER_CLASS_KEYS = {"name", "precision", "recall", "support"}


pytestmark = pytest.mark.usefixtures("torch_one_thread")


@pytest.fixture
def shapes(tmp_path) -> Path:
    return make_shapes_dataset(tmp_path / "shapes", per_class=8)


def last_json(text: str) -> dict:
    lines = [line for line in text.splitlines() if line.strip()]
    return json.loads(lines[-1])


def train_args(data: Path, out: Path, *extra: str) -> list[str]:
    return ["train", str(data), "--out", str(out), "--image-size", "32", "--epochs", "5", *extra]


def test_train_json_evaluate_and_export(tmp_path, shapes, fake_imagenet_weights, capsys):
    fake_imagenet_weights("resnet18")
    out = tmp_path / "m.safetensors"
    assert main(train_args(shapes, out, "--mode", "head", "--json")) == 0
    captured = capsys.readouterr()
    result = last_json(captured.out)
    assert {"val_accuracy", "train_loss", "epochs", "classes", "per_class", "confusion_matrix"} <= set(result)
    assert result["epochs"] == 5 and result["classes"] == ["circle", "square", "triangle"]
    assert result["model_path"] == str(out) and out.is_file()
    assert all(PER_CLASS_KEYS <= set(row) for row in result["per_class"])
    assert len(result["confusion_matrix"]) == 3
    assert "epoch 5/5" in captured.err  # progress on stderr, never on stdout
    assert "Traceback" not in captured.err

    assert main(["evaluate", str(out), str(shapes), "--json"]) == 0
    ev = last_json(capsys.readouterr().out)
    assert ev["count"] == 24 and 0 <= ev["accuracy"] <= 1
    assert all(PER_CLASS_KEYS <= set(row) for row in ev["per_class"])

    assert main(["evaluate", str(out), str(shapes)]) == 0
    assert "accuracy:" in capsys.readouterr().out

    for fmt, name in (("onnx", "m.onnx"), ("torchscript", "m.pt")):
        assert main(["export", str(out), "--format", fmt, "--out", str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_size > 0
        assert "exported" in capsys.readouterr().out


def test_unreadable_pictures_exit_1_and_are_listed(tmp_path, shapes, fake_imagenet_weights, capsys):
    fake_imagenet_weights("resnet18")
    bad = shapes / "circle" / "broken.jpg"
    bad.write_bytes(b"garbage")
    assert main(train_args(shapes, tmp_path / "m.safetensors", "--mode", "head", "--json")) == 1
    captured = capsys.readouterr()
    skipped = last_json(captured.out)["skipped"]
    assert [s[0] for s in skipped] == [str(bad)] and skipped[0][1]  # with a reason
    assert str(bad) in captured.err
    assert main(["evaluate", str(tmp_path / "m.safetensors"), str(shapes)]) == 1


def test_missing_weights_exit_2_with_a_hint(tmp_path, shapes, capsys):
    assert main(train_args(shapes, tmp_path / "m.safetensors")) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("resnet-studio: error")]
    assert len(lines) == 1 and "--no-pretrained" in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv_fn",
    [
        lambda t, d: ["train", str(t / "nowhere"), "--out", str(t / "m.safetensors"), "--no-pretrained"],
        lambda t, d: ["train", str(d), "--out", str(t / "no" / "such" / "m.safetensors"), "--no-pretrained"],
        lambda t, d: ["evaluate", str(t / "missing.safetensors"), str(d)],
        lambda t, d: ["export", str(d / "circle" / "circle_000.png"), "--format", "onnx", "--out", str(t / "x.onnx")],
    ],
    ids=["no-data-dir", "no-out-folder", "no-model", "not-a-model"],
)
def test_errors_exit_2_with_one_line(tmp_path, shapes, capsys, argv_fn):
    assert main(argv_fn(tmp_path, shapes)) == 2
    err = capsys.readouterr().err
    assert err.startswith("resnet-studio: error:") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_usage_errors_exit_2(tmp_path, shapes, capsys):
    with pytest.raises(SystemExit) as info:
        main(["train", str(shapes), "--epochs", "0"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["export", "m.safetensors", "--format", "coreml", "--out", "x"])
    assert info.value.code == 2
    capsys.readouterr()


def test_train_without_stderr(tmp_path, shapes, monkeypatch, capsys):
    """A windowed (frozen) app has no stderr: progress output must not crash."""
    monkeypatch.setattr(sys, "stderr", None)
    out = tmp_path / "s.safetensors"
    args = ["train", str(shapes), "--out", str(out), "--image-size", "24", "--epochs", "1", "--no-pretrained",
            "--batch-size", "8", "--json"]
    assert main(args) == 0
    result = last_json(capsys.readouterr().out)
    assert result["mode"] == "full" and out.is_file()
