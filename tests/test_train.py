"""Training: every mode learns the shapes, results and files are right, cancel and bad files are safe.

Small pictures (32 px), few epochs and one thread keep each run to seconds on a busy machine
(several threads waiting on each other make tiny steps many times slower there).
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import numpy as np
import pytest

from resnet_studio.engine.errors import DatasetError, WeightsNotFoundError
from resnet_studio.engine.modelfile import load_model, read_model_info
from resnet_studio.engine.train import (
    BatchEvent, EpochEvent, StageEvent, TrainConfig, TrainResult, evaluate, plan_training, train,
)
from tests.conftest import make_shapes_dataset

SMALL = dict(image_size=32, batch_size=8)


pytestmark = pytest.mark.usefixtures("torch_one_thread")


@pytest.fixture
def weights(fake_imagenet_weights):
    return fake_imagenet_weights("resnet18")


@pytest.fixture
def shapes(tmp_path) -> Path:
    return make_shapes_dataset(tmp_path / "shapes", per_class=10)


@pytest.fixture
def split_shapes(tmp_path) -> Path:
    root = tmp_path / "split"
    make_shapes_dataset(root / "train", per_class=8, seed=0)
    make_shapes_dataset(root / "val", per_class=4, seed=1)
    return root


def cfg(tmp_path, **kw) -> TrainConfig:
    return TrainConfig(cache_dir=tmp_path / "features", **{**SMALL, **kw})


def test_head_mode_learns_and_saves_a_complete_model_file(tmp_path, split_shapes, weights):
    events = []
    out = tmp_path / "head.safetensors"
    r = train(split_shapes, out, cfg(tmp_path, mode="head", epochs=30), on_event=events.append)
    assert isinstance(r, TrainResult) and not r.cancelled
    assert r.mode == "head" and r.classes == ["circle", "square", "triangle"]
    assert r.val_accuracy >= 0.8  # chance is 1/3
    assert r.model_path == out and out.is_file()
    assert r.n_train == 24 and r.n_val == 12 and r.settings["layout"] == "split"
    assert len(r.history) == r.epochs_run == 30 and 1 <= r.best_epoch <= 30
    assert r.history[r.best_epoch - 1].val_accuracy == r.val_accuracy
    assert sum(map(sum, r.confusion_matrix)) == 12 and len(r.per_class) == 3
    assert len(r.misclassified) == round((1 - r.val_accuracy) * 12)

    info = read_model_info(out)
    assert info.classes == r.classes and info.arch == "resnet18"
    assert info.metrics["val_accuracy"] == pytest.approx(r.val_accuracy)
    assert info.metrics["confusion_matrix"] == r.confusion_matrix
    assert {"precision", "recall", "support"} <= set(info.metrics["per_class"][0])
    assert info.training["mode"] == "head" and info.training["epochs"] == 30
    assert Path(info.dataset_dir) == split_shapes.resolve() or Path(info.dataset_dir) == split_shapes
    assert info.preprocess.crop_size == 32

    # The saved network (head folded back into fc) reproduces the validation result exactly.
    ev = evaluate(out, split_shapes, part="val")
    assert ev.count == 12
    assert ev.accuracy == pytest.approx(r.val_accuracy)
    assert ev.confusion_matrix == r.confusion_matrix

    kinds = {type(e) for e in events}
    assert kinds == {StageEvent, BatchEvent, EpochEvent}
    stages = {e.stage for e in events if isinstance(e, StageEvent)}
    assert {"preparing", "extracting", "training", "saving"} <= stages
    batches = [e for e in events if isinstance(e, BatchEvent)]
    progress = [b.progress for b in batches]
    assert progress == sorted(progress) and progress[-1] == pytest.approx(1.0)
    assert all(b.lr > 0 and 0 <= b.accuracy <= 1 and b.images_per_s > 0 for b in batches)
    json.dumps(r.to_dict())  # JSON-ready


def test_feature_cache_is_hit_by_content(tmp_path, shapes, weights):
    first = train(shapes, tmp_path / "a.safetensors", cfg(tmp_path, mode="head", epochs=3))
    assert first.features_extracted == 30 and first.feature_cache_hits == 0
    # other settings, same pictures: nothing is extracted again
    second = train(shapes, tmp_path / "b.safetensors", cfg(tmp_path, mode="head", epochs=5, lr=0.05, seed=3))
    assert second.features_extracted == 0 and second.feature_cache_hits == 30
    # the folder moved: the cache is keyed by content, not path
    moved = tmp_path / "moved"
    shutil.copytree(shapes, moved)
    third = train(moved, tmp_path / "c.safetensors", cfg(tmp_path, mode="head", epochs=3))
    assert third.features_extracted == 0 and third.feature_cache_hits == 30
    # an edited picture is extracted again; another picture size is another cache
    make_shapes_dataset(tmp_path / "edit", classes=("circle",), per_class=1, seed=9)
    shutil.copy(tmp_path / "edit" / "circle" / "circle_000.png", moved / "circle" / "circle_000.png")
    fourth = train(moved, tmp_path / "d.safetensors", cfg(tmp_path, mode="head", epochs=3))
    assert fourth.features_extracted == 1 and fourth.feature_cache_hits == 29
    fifth = train(shapes, tmp_path / "e.safetensors", cfg(tmp_path, mode="head", epochs=3, image_size=40))
    assert fifth.features_extracted == 30


@pytest.mark.parametrize("mode", ["finetune", "full"])
def test_network_modes_learn(tmp_path, shapes, weights, mode):
    # batches of 4 for enough steps: batch-norm statistics must settle for validation to work
    r = train(shapes, tmp_path / f"{mode}.safetensors",
              cfg(tmp_path, mode=mode, epochs=6, batch_size=4, val_fraction=0.3))
    assert r.mode == mode and r.epochs_run == 6
    assert r.val_accuracy >= 0.6  # chance is 1/3
    assert r.history[-1].train_loss < r.history[0].train_loss
    model, info = load_model(r.model_path)
    assert info.training["mode"] == mode and info.training["augment"] is True
    assert info.metrics["best_epoch"] == r.best_epoch


def test_from_scratch_uses_the_small_image_stem(tmp_path, shapes):
    # no ImageNet weights needed from scratch
    r = train(shapes, tmp_path / "s.safetensors", cfg(tmp_path, mode="auto", pretrained=False, epochs=1, image_size=24))
    assert r.mode == "full" and r.settings["small_input"] is True
    model, info = load_model(r.model_path)
    assert info.small_input is True
    assert tuple(model.conv1.kernel_size) == (3, 3) and tuple(model.conv1.stride) == (1, 1)
    assert type(model.maxpool).__name__ == "Identity"


@pytest.mark.slow
def test_from_scratch_learns(tmp_path, shapes):
    r = train(shapes, tmp_path / "s.safetensors", cfg(tmp_path, pretrained=False, epochs=6))
    assert r.val_accuracy >= 0.6


def test_cancel_after_an_epoch_keeps_the_best_model(tmp_path, shapes, weights):
    cancel = threading.Event()
    seen = []

    def on_event(e):
        seen.append(e)
        if isinstance(e, EpochEvent) and e.epoch == 1:
            cancel.set()

    out = tmp_path / "m.safetensors"
    r = train(shapes, out, cfg(tmp_path, mode="full", epochs=5), on_event=on_event, cancel=cancel)
    assert r.cancelled and r.epochs_run == 1
    after_cancel = seen[next(i for i, e in enumerate(seen) if isinstance(e, EpochEvent)) + 1:]
    assert not any(isinstance(e, BatchEvent) for e in after_cancel)  # stopped before the next batch
    assert r.model_path == out
    _, info = load_model(out)
    assert info.metrics["best_epoch"] == 1
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize("mode", ["head", "full"])
def test_cancel_within_a_batch_leaves_an_existing_model_intact(tmp_path, shapes, weights, mode):
    out = tmp_path / "m.safetensors"
    train(shapes, out, cfg(tmp_path, mode="head", epochs=2))
    before = out.read_bytes()
    cancel = threading.Event()
    batches = []

    def on_event(e):
        if isinstance(e, BatchEvent):
            batches.append(e)
            cancel.set()

    r = train(shapes, out, cfg(tmp_path, mode=mode, epochs=3), on_event=on_event, cancel=cancel)
    assert r.cancelled and r.model_path is None and r.epochs_run == 0
    assert len(batches) == 1
    assert out.read_bytes() == before
    assert not list(tmp_path.glob("*.part"))


def test_cancel_before_start_trains_nothing(tmp_path, shapes, weights):
    cancel = threading.Event()
    cancel.set()
    r = train(shapes, tmp_path / "m.safetensors", cfg(tmp_path, mode="head"), cancel=cancel)
    assert r.cancelled and r.model_path is None and not (tmp_path / "m.safetensors").exists()


@pytest.mark.parametrize("mode", ["head", "full"])
def test_unreadable_pictures_are_skipped_and_reported(tmp_path, shapes, weights, mode):
    bad = [shapes / "circle" / "broken.jpg", shapes / "square" / "empty.png", shapes / "triangle" / "zz.png"]
    bad[0].write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    bad[1].write_bytes(b"")
    good = (shapes / "triangle" / "triangle_000.png").read_bytes()
    bad[2].write_bytes(good[: len(good) // 2])  # cut short
    r = train(shapes, tmp_path / "m.safetensors", cfg(tmp_path, mode=mode, epochs=2, val_fraction=0.25))
    assert sorted(p for p, _ in r.skipped) == sorted(str(p) for p in bad)
    assert all(reason for _, reason in r.skipped)
    assert r.model_path is not None and r.n_train + r.n_val == 30


def test_deterministic_on_cpu_with_a_seed(tmp_path, shapes, weights):
    from safetensors.torch import load_file

    runs = [train(shapes, tmp_path / f"{i}.safetensors", cfg(tmp_path, mode="full", epochs=1, batch_size=12))
            for i in range(2)]
    assert runs[0].history[0].train_loss == runs[1].history[0].train_loss
    a, b = (load_file(str(r.model_path)) for r in runs)
    assert all(np.array_equal(a[k].numpy(), b[k].numpy()) for k in a)


def test_missing_weights_say_what_to_do(tmp_path, shapes):
    with pytest.raises(WeightsNotFoundError) as info:
        train(shapes, tmp_path / "m.safetensors", cfg(tmp_path, mode="head"))
    assert "--no-pretrained" in str(info.value)
    assert not (tmp_path / "m.safetensors").exists()


def test_one_category_is_a_dataset_error(tmp_path, weights):
    root = make_shapes_dataset(tmp_path / "one", classes=("circle",), per_class=4)
    with pytest.raises(DatasetError):
        train(root, tmp_path / "m.safetensors", cfg(tmp_path))


def test_evaluate_a_labelled_folder(tmp_path, shapes, weights):
    r = train(shapes, tmp_path / "m.safetensors", cfg(tmp_path, mode="head", epochs=20))
    extra = shapes / "hexagon"
    extra.mkdir()
    shutil.copy(shapes / "circle" / "circle_000.png", extra / "h.png")
    ev = evaluate(r.model_path, shapes)
    assert ev.part == "all" and ev.count == 30
    assert ev.accuracy >= 0.8
    assert sum(map(sum, ev.confusion_matrix)) == 30
    assert [c["support"] for c in ev.per_class] == [10, 10, 10]
    assert [p for p, _ in ev.ignored] == [str(extra / "h.png")]
    json.dumps(ev.to_dict())


def test_plan_training_defaults():
    cpu = plan_training(TrainConfig(), 800, "cpu")
    assert cpu.mode == "head" and cpu.epochs >= 10 and cpu.lr > 0
    gpu = plan_training(TrainConfig(), 800, "cuda")
    assert gpu.mode == "finetune" and gpu.batch_size == 64
    assert plan_training(TrainConfig(), 50, "cuda").mode == "head"
    scratch = plan_training(TrainConfig(pretrained=False, image_size=32), 800, "cpu")
    assert scratch.mode == "full" and scratch.small_input
    assert not plan_training(TrainConfig(pretrained=False, image_size=224), 800, "cpu").small_input
    assert plan_training(TrainConfig(batch_size=64), 10, "cpu").batch_size == 10
    assert plan_training(TrainConfig(mode="full", epochs=2, lr=0.5), 100, "cpu").lr == 0.5


def test_non_ascii_folders_and_categories(tmp_path, weights):
    root = make_shapes_dataset(tmp_path / "数据 données", classes=("圆形", "carré", "三角形"), per_class=6)
    out = tmp_path / "模型" / "形状.safetensors"
    out.parent.mkdir()
    r = train(root, out, cfg(tmp_path, mode="head", epochs=10))
    assert set(r.classes) == {"圆形", "carré", "三角形"} and r.model_path == out
    assert read_model_info(out).classes == r.classes
    ev = evaluate(out, root)
    assert ev.count == 18 and [c["name"] for c in ev.per_class] == r.classes
