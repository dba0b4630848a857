"""``resnet-studio train ... --lr auto``: the learning-rate finder runs first, training uses its pick."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resnet_studio.cli import main
from tests.conftest import make_shapes_dataset

pytestmark = pytest.mark.usefixtures("torch_one_thread")


def last_json(text: str) -> dict:
    return json.loads([line for line in text.splitlines() if line.strip()][-1])


@pytest.fixture
def shapes(tmp_path) -> Path:
    return make_shapes_dataset(tmp_path / "shapes", per_class=8)


def test_lr_auto_trains_with_the_finders_suggestion(tmp_path, shapes, fake_imagenet_weights, capsys):
    fake_imagenet_weights("resnet18")
    out = tmp_path / "m.safetensors"
    args = ["train", str(shapes), "--out", str(out), "--image-size", "32", "--epochs", "3", "--mode", "head",
            "--lr", "auto", "--json"]
    assert main(args) == 0
    captured = capsys.readouterr()
    result = last_json(captured.out)
    finder = result["lr_finder"]
    lo, hi = finder["steep_range"]
    assert lo <= finder["suggestion"] <= hi
    assert result["lr"] == finder["suggestion"] == result["settings"]["lr"], "trained with the suggestion"
    assert len(finder["lrs"]) == len(finder["losses"]) > 5
    assert out.is_file() and result["model_path"] == str(out)
    line = [x for x in captured.err.splitlines() if "learning rate:" in x]
    assert len(line) == 1 and f"{finder['suggestion']:g}" in line[0]
    assert "Traceback" not in captured.err

    from resnet_studio.engine.modelfile import read_model_info

    assert read_model_info(out).training["lr"] == finder["suggestion"]


def test_a_number_still_works_and_json_names_the_rate(tmp_path, shapes, fake_imagenet_weights, capsys):
    fake_imagenet_weights("resnet18")
    args = ["train", str(shapes), "--out", str(tmp_path / "m.safetensors"), "--image-size", "32", "--epochs", "2",
            "--mode", "head", "--lr", "0.02", "--json"]
    assert main(args) == 0
    captured = capsys.readouterr()
    result = last_json(captured.out)
    assert result["lr"] == 0.02 and "lr_finder" not in result
    assert "learning rate:" not in captured.err


@pytest.mark.parametrize("bad", ["fast", "-1", "0"])
def test_bad_lr_is_a_usage_error(tmp_path, shapes, capsys, bad):
    with pytest.raises(SystemExit) as exc:
        main(["train", str(shapes), "--lr", bad])
    assert exc.value.code == 2
    assert "--lr" in capsys.readouterr().err


def test_missing_weights_with_lr_auto_is_one_readable_line(tmp_path, shapes, capsys):
    assert main(["train", str(shapes), "--out", str(tmp_path / "m.safetensors"), "--lr", "auto"]) == 2
    err = capsys.readouterr().err
    assert len([x for x in err.splitlines() if x.startswith("resnet-studio: error")]) == 1
    assert "Traceback" not in err and not (tmp_path / "m.safetensors").exists()
