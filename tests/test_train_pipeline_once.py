"""One training run, each step once (issue 14): the folder is read once, the result is turned into
plain values once (where it leaves the helper process), and the engine alone names a new model."""

from __future__ import annotations

import re
import threading

import pytest

from resnet_studio.engine import datasets
from resnet_studio.engine.train import TrainResult
from tests.conftest import make_shapes_dataset

pytestmark = pytest.mark.usefixtures("torch_one_thread")

TINY = {"image_size": 32, "batch_size": 8, "epochs": 2, "mode": "head"}


@pytest.fixture
def shapes(tmp_path):
    return make_shapes_dataset(tmp_path / "shapes", per_class=8, size=32)


@pytest.fixture
def scans(monkeypatch):
    """Every read of a data set folder (``datasets.scan_dataset``, which every caller imports at call time)."""
    seen = []
    real = datasets.scan_dataset

    def counting(root, *args, **kwargs):
        seen.append(str(root))
        return real(root, *args, **kwargs)

    monkeypatch.setattr(datasets, "scan_dataset", counting)
    return seen


def test_lr_auto_reads_the_folder_once_for_the_sweep_and_the_training(tmp_path, shapes, scans,
                                                                     fake_imagenet_weights, capsys):
    from resnet_studio.cli import main

    fake_imagenet_weights("resnet18")
    out = tmp_path / "m.safetensors"
    assert main(["train", str(shapes), "--out", str(out), "--image-size", "32", "--epochs", "2",
                 "--mode", "head", "--lr", "auto", "--json"]) == 0
    assert out.is_file()
    assert scans == [str(shapes)]


def test_an_app_run_reads_the_folder_once(tmp_path, shapes, scans, fake_imagenet_weights):
    from resnet_studio.engine.app_jobs import train_job

    fake_imagenet_weights("resnet18")
    train_job(str(shapes), str(tmp_path / "m.safetensors"), {**TINY, "cache_dir": str(tmp_path / "f")})
    assert scans == [str(shapes)]


class _Pipe:
    """The helper's end of its pipe to the app: what it sent."""

    def __init__(self) -> None:
        self.sent = []

    def send(self, message) -> None:
        self.sent.append(message)


def _is_whole_result(value) -> bool:
    return isinstance(value, TrainResult) or (isinstance(value, dict) and {"history", "per_class", "confusion_matrix"} <= set(value))


def test_a_training_result_becomes_plain_values_once_on_its_way_to_the_window(tmp_path, shapes, monkeypatch,
                                                                            fake_imagenet_weights):
    """From the engine in the helper process (``job_process``'s job loop, run here so that it can be
    watched) through ``engine.app_jobs`` to the window's ``result_to_dict``."""
    from resnet_studio.engine import app_jobs, job_process, plain
    from resnet_studio.gui.jobs import training

    fake_imagenet_weights("resnet18")
    conversions = []
    real = plain.plain_values

    def watched(value):
        if _is_whole_result(value):
            conversions.append(type(value).__name__)
        return real(value)

    for module in (plain, job_process, app_jobs, training):
        monkeypatch.setattr(module, "plain_values", watched, raising=False)
    pipe = _Pipe()
    job = {"target": "resnet_studio.engine.app_jobs:train_job", "env": dict(__import__("os").environ),
           "cwd": str(tmp_path),
           "kwargs": {"data_dir": str(shapes), "out_path": str(tmp_path / "m.safetensors"),
                      "config": {**TINY, "cache_dir": str(tmp_path / "f")}}}
    job_process._run_one(job, pipe, threading.Event())
    kind, payload = pipe.sent[-1]
    assert kind == "result", payload
    shown = training.result_to_dict(payload)
    assert shown["model_path"] == str(tmp_path / "m.safetensors") and len(shown["history"]) == 2
    assert conversions == ["TrainResult"]


def test_the_engine_names_a_new_model_in_the_library(tmp_path, shapes, fake_imagenet_weights):
    from resnet_studio.engine.app_jobs import train_job
    from resnet_studio.engine.paths import trained_models_dir

    fake_imagenet_weights("resnet18")
    config = {**TINY, "cache_dir": str(tmp_path / "f"), "name": "Shapes: 形状"}
    first = train_job(str(shapes), None, config)
    second = train_job(str(shapes), None, config)
    for result in (first, second):
        assert result.model_path.parent == trained_models_dir() and result.model_path.is_file()
        assert re.fullmatch(r"Shapes_ 形状 \d{4}-\d\d-\d\d \d\d-\d\d-\d\d( \(\d\))?\.safetensors", result.model_path.name)
    assert first.model_path != second.model_path  # the same second: a free name, never the first model's
