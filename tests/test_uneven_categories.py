"""Uneven categories (issue 16): training weights the small ones more by default, says so, records
it, and ``balance="off"`` / ``--no-balance`` turns it off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resnet_studio.cli import main
from resnet_studio.engine.launch_command import train_args
from resnet_studio.engine.train import TrainConfig, train
from resnet_studio.engine.training.planning import class_weights
from tests.conftest import make_shapes_dataset

pytestmark = pytest.mark.usefixtures("torch_one_thread")


@pytest.fixture
def uneven(tmp_path) -> Path:
    """circle and square 15 pictures each, triangle 4: the largest has 3.75x the smallest."""
    root = make_shapes_dataset(tmp_path / "uneven", per_class=15)
    for extra in sorted((root / "triangle").iterdir())[4:]:
        extra.unlink()
    return root


def cfg(tmp_path, **kw) -> TrainConfig:
    return TrainConfig(cache_dir=tmp_path / "features", image_size=32, batch_size=8, **kw)


def test_weights_are_inverse_counts_with_an_average_picture_weight_of_one():
    w = class_weights([300, 100, 40])
    assert w is not None and w[2] / w[0] == pytest.approx(300 / 40) and w[1] / w[0] == pytest.approx(3)
    assert sum(wi * n for wi, n in zip(w, [300, 100, 40])) / 440 == pytest.approx(1.0)
    assert class_weights([30, 11]) is None  # under 3x: even enough
    assert class_weights([30, 10]) is not None  # exactly 3x
    assert class_weights([300, 40], "off") is None
    from resnet_studio.engine.training.planning import plan_training

    # weighted head training is still improving after 20-30 passes (bench/uneven_categories.py)
    assert plan_training(TrainConfig(), 584, "cpu", balanced=True).epochs == 60
    assert plan_training(TrainConfig(), 584, "cpu").epochs == 20
    assert plan_training(TrainConfig(epochs=7), 584, "cpu", balanced=True).epochs == 7


def test_uneven_head_training_is_weighted_said_and_recorded(tmp_path, uneven, fake_imagenet_weights):
    fake_imagenet_weights("resnet18")
    on = train(uneven, tmp_path / "on.safetensors", cfg(tmp_path, mode="head", epochs=5))
    off = train(uneven, tmp_path / "off.safetensors", cfg(tmp_path, mode="head", epochs=5, balance="off"))
    said = [w for w in on.warnings if w.startswith("Your categories are uneven")]
    assert said == ["Your categories are uneven (largest 15, smallest 4): training weighted the small ones more."]
    assert not any(w.startswith("Your categories are uneven") for w in off.warnings)
    assert on.settings["balance"] == "auto" and off.settings["balance"] == "off"
    weights = on.settings["class_weights"]
    assert len(weights) == 3 and weights[2] > 3 * weights[0] and off.settings["class_weights"] is None
    # the weights reach the loss: the same seed and pictures train differently
    assert [e.train_loss for e in on.history] != [e.train_loss for e in off.history]
    from resnet_studio.engine.library import read_info

    assert read_info(on.model_path).training["class_weights"] == weights  # in the model file too


def test_even_categories_are_left_alone(tmp_path, fake_imagenet_weights):
    fake_imagenet_weights("resnet18")
    even = make_shapes_dataset(tmp_path / "even", per_class=6)
    r = train(even, tmp_path / "m.safetensors", cfg(tmp_path, mode="head", epochs=2))
    assert r.settings["class_weights"] is None
    assert not any("uneven" in w for w in r.warnings)


def test_network_training_is_weighted_too(tmp_path, uneven, fake_imagenet_weights):
    fake_imagenet_weights("resnet18")
    on = train(uneven, tmp_path / "on.safetensors", cfg(tmp_path, mode="finetune", epochs=1, augment=False))
    off = train(uneven, tmp_path / "off.safetensors",
                cfg(tmp_path, mode="finetune", epochs=1, augment=False, balance="off"))
    assert on.settings["class_weights"] and off.settings["class_weights"] is None
    assert on.history[0].train_loss != off.history[0].train_loss


def test_unknown_balance_is_refused(tmp_path, uneven):
    from resnet_studio.engine.errors import ModelError

    with pytest.raises(ModelError, match="balance"):
        train(uneven, tmp_path / "m.safetensors", cfg(tmp_path, balance="sometimes"))


def test_cli_no_balance_and_the_launch_command(tmp_path, uneven, fake_imagenet_weights, capsys):
    fake_imagenet_weights("resnet18")
    out = tmp_path / "m.safetensors"
    args = ["train", str(uneven), "--out", str(out), "--image-size", "32", "--epochs", "2", "--mode", "head",
            "--json"]
    assert main([*args, "--no-balance"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["settings"]["balance"] == "off" and result["settings"]["class_weights"] is None
    assert main(args) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out.strip().splitlines()[-1])["settings"]["class_weights"]
    assert "training weighted the small ones more" in captured.out + captured.err
    assert "--no-balance" in train_args(TrainConfig(balance="off"))
    assert "--no-balance" not in train_args(TrainConfig())
