"""A run that never finished an epoch keeps no model; a model at chance level says so in its file,
its result and its run's settings (issue 15, "Settings that cannot surprise")."""

from __future__ import annotations

import threading

import pytest

from resnet_studio.engine.library import list_models
from resnet_studio.engine.modelfile import read_model_info
from resnet_studio.engine.paths import trained_models_dir
from resnet_studio.engine.train import BatchEvent, TrainConfig, train
from tests.conftest import make_shapes_dataset

pytestmark = pytest.mark.usefixtures("torch_one_thread")

SMALL = dict(image_size=32, batch_size=8)


@pytest.fixture
def shapes(tmp_path):
    return make_shapes_dataset(tmp_path / "shapes", per_class=8, size=32)


def test_a_run_cancelled_in_its_first_epoch_leaves_no_model_in_the_library(tmp_path, shapes):
    """The app's own entry point (no output given: the library): nothing is listed afterwards."""
    from resnet_studio.engine.app_jobs import train_job

    cancel = threading.Event()

    def on_event(event):
        if isinstance(event, BatchEvent):
            cancel.set()  # in the first batch: no epoch ends

    result = train_job(str(shapes), None, {"pretrained": False, "mode": "full", "epochs": 3, **SMALL,
                                           "cache_dir": str(tmp_path / "f"), "name": "Shapes"},
                       on_event=on_event, cancel=cancel)
    assert result.cancelled and result.epochs_run == 0 and result.model_path is None
    assert result.confusion_matrix == [] and result.not_useful == ""
    assert list_models(trained_models_dir()) == []
    assert not any(trained_models_dir().glob("*.safetensors")) if trained_models_dir().exists() else True


def test_a_model_at_chance_level_is_marked_not_useful_in_its_file(tmp_path, shapes):
    """One epoch from scratch at a learning rate far too low: it cannot have learnt anything."""
    out = tmp_path / "guess.safetensors"
    r = train(shapes, out, TrainConfig(pretrained=False, mode="full", epochs=1, lr=1e-7, seed=3,
                                       cache_dir=tmp_path / "f", **SMALL))
    assert r.epochs_run == 1 and r.model_path == out
    assert r.not_useful in ("chance", "one_category")
    info = read_model_info(out)
    assert info.metrics["not_useful"] == r.not_useful
    assert info.not_useful == r.not_useful


def test_a_model_that_learnt_is_not_marked(tmp_path, shapes, fake_imagenet_weights):
    fake_imagenet_weights("resnet18")
    out = tmp_path / "good.safetensors"
    r = train(shapes, out, TrainConfig(mode="head", epochs=30, cache_dir=tmp_path / "f", **SMALL))
    assert r.val_accuracy > 0.6
    assert r.not_useful == "" and read_model_info(out).not_useful == ""


@pytest.mark.parametrize("accuracy, matrix, expected", [
    (0.10, [[1, 9] + [0] * 8] + [[1, 0] + [0] * 8] * 9, "chance"),  # 10 categories, 10 % right
    (0.75, [[3, 1], [1, 3]], "chance"),  # 2 categories: at most 1.5 / 2
    (0.80, [[4, 1], [1, 4]], ""),
    (0.40, [[4, 0, 0, 0], [2, 0, 0, 0], [2, 0, 0, 0], [2, 0, 0, 0]], "one_category"),  # the first, for every picture
    # an answer for 90 % of the pictures is right when 90 % of them are of that category
    (0.95, [[18, 0], [1, 1]], ""),
    (0.0, [], ""),
])
def test_not_useful_reason(accuracy, matrix, expected):
    from resnet_studio.engine.training.run import not_useful_reason

    assert not_useful_reason(accuracy, matrix) == expected


def test_the_settings_of_a_run_say_whether_pictures_were_mirrored(tmp_path, shapes, fake_imagenet_weights):
    fake_imagenet_weights("resnet18")
    kept = train(shapes, tmp_path / "a.safetensors", TrainConfig(mode="full", epochs=1, hflip=False,
                                                                 cache_dir=tmp_path / "f", **SMALL))
    assert kept.settings["augment"] is True and kept.settings["hflip"] is False
    assert read_model_info(kept.model_path).training["hflip"] is False
    # head mode trains on unchanged pictures: nothing was mirrored, whatever the setting said
    head = train(shapes, tmp_path / "b.safetensors", TrainConfig(mode="head", epochs=2, hflip=True,
                                                                 cache_dir=tmp_path / "f", **SMALL))
    assert head.settings["augment"] is False and head.settings["hflip"] is False
