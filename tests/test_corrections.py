"""Correct and retrain, engine side: copying into a dataset never loses a picture, and training can
start from one of our model files (head kept, rows carried over by class name, arch checked)."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from resnet_studio.engine.corrections import add_to_dataset, dataset_for_model
from resnet_studio.engine.errors import DatasetError, ImageReadError, ModelError, OutputWriteError
from resnet_studio.engine.modelfile import load_model_file, read_model_info
from resnet_studio.engine.train import TrainConfig, train
from tests.conftest import make_shapes_dataset, save_image

pytestmark = pytest.mark.usefixtures("torch_one_thread")


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- add_to_dataset ---------------------------------------------------------------------------

def test_copies_never_moves_and_creates_the_class_folder(tmp_path):
    src = save_image(tmp_path / "inbox" / "cat.jpg", seed=1)
    before = src.read_bytes()
    ds = tmp_path / "dataset"
    (ds / "dog").mkdir(parents=True)
    out = add_to_dataset(src, ds, "cat")
    assert out == ds / "cat" / "cat.jpg"
    assert out.read_bytes() == before
    assert src.read_bytes() == before  # the original stays where it was
    assert _files(ds / "cat") == ["cat.jpg"]  # no temporary file left behind


def test_never_overwrites_a_picture_already_there(tmp_path):
    ds = tmp_path / "dataset"
    first = save_image(ds / "cat" / "photo.jpg", seed=1)
    kept = first.read_bytes()
    a = add_to_dataset(save_image(tmp_path / "a" / "photo.jpg", seed=2), ds, "cat")
    b = add_to_dataset(save_image(tmp_path / "b" / "photo.jpg", seed=3), ds, "cat")
    assert (a.name, b.name) == ("photo-1.jpg", "photo-2.jpg")
    assert first.read_bytes() == kept
    assert a.read_bytes() != b.read_bytes() != kept
    assert _files(ds / "cat") == ["photo-1.jpg", "photo-2.jpg", "photo.jpg"]


def test_the_same_picture_twice_is_not_duplicated(tmp_path):
    ds = tmp_path / "dataset"
    ds.mkdir()
    src = save_image(tmp_path / "in" / "x.png", seed=4)
    assert add_to_dataset(src, ds, "a") == add_to_dataset(src, ds, "a") == ds / "a" / "x.png"
    assert _files(ds / "a") == ["x.png"]
    inside = ds / "a" / "x.png"
    assert add_to_dataset(inside, ds, "a") == inside  # already in that category: left alone


def test_non_ascii_names(tmp_path):
    src = save_image(tmp_path / "照片" / "小猫 1.jpg", seed=5)
    ds = tmp_path / "数据集"
    ds.mkdir()
    out = add_to_dataset(src, ds, "  猫咪 ")
    assert out == ds / "猫咪" / "小猫 1.jpg" and out.read_bytes() == src.read_bytes()
    again = add_to_dataset(save_image(tmp_path / "其他" / "小猫 1.jpg", seed=6), ds, "猫咪")
    assert again.name == "小猫 1-1.jpg"


def test_split_layout_adds_to_the_training_part(tmp_path):
    root = tmp_path / "split"
    make_shapes_dataset(root / "train", classes=("a", "b"), per_class=2, size=16)
    make_shapes_dataset(root / "val", classes=("a", "b"), per_class=1, size=16)
    out = add_to_dataset(save_image(tmp_path / "n.jpg"), root, "c")
    assert out == root / "train" / "c" / "n.jpg"


@pytest.mark.parametrize("code, words", [(errno.EROFS, "read-only"), (errno.EACCES, "permission"),
                                         (errno.ENOSPC, "disk is full")])
def test_unwritable_folder_says_why_and_leaves_nothing(tmp_path, monkeypatch, code, words):
    # Tests run as root, where chmod does not stop writing: simulate what the OS answers.
    src = save_image(tmp_path / "in" / "p.jpg")
    ds = tmp_path / "dataset"
    (ds / "cat").mkdir(parents=True)

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputWriteError, match=words) as info:
        add_to_dataset(src, ds, "cat")
    assert "p.jpg" in str(info.value) and "cat" in str(info.value)
    assert _files(ds / "cat") == []
    monkeypatch.undo()

    def no_dir(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(Path, "mkdir", no_dir)
    with pytest.raises(OutputWriteError, match=words):
        add_to_dataset(src, ds, "dog")


def test_bad_inputs_get_clear_messages(tmp_path):
    ds = tmp_path / "dataset"
    ds.mkdir()
    with pytest.raises(ImageReadError, match="no longer exists"):
        add_to_dataset(tmp_path / "gone.jpg", ds, "a")
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    with pytest.raises(ImageReadError, match="not a picture"):
        add_to_dataset(notes, ds, "a")
    src = save_image(tmp_path / "p.jpg")
    for bad in ("", "  ", "..", "a/b", "x:y"):
        with pytest.raises(DatasetError):
            add_to_dataset(src, ds, bad)
    with pytest.raises(DatasetError, match="no longer exists"):
        add_to_dataset(src, tmp_path / "moved-away", "a")
    assert _files(ds) == []


# -- training from one of our model files -----------------------------------------------------

SMALL = dict(image_size=32, batch_size=8)


@pytest.fixture
def weights(fake_imagenet_weights):
    return fake_imagenet_weights("resnet18")


@pytest.fixture
def two_shapes(tmp_path) -> Path:
    return make_shapes_dataset(tmp_path / "shapes", classes=("circle", "square"), per_class=6, size=32)


@pytest.fixture
def first_model(tmp_path, two_shapes, weights) -> Path:
    out = tmp_path / "first.safetensors"
    train(two_shapes, out, TrainConfig(mode="head", epochs=5, cache_dir=tmp_path / "features", **SMALL))
    return out


def test_dataset_for_model_is_remembered_and_none_when_gone(tmp_path, two_shapes, first_model):
    assert dataset_for_model(first_model) == Path(read_model_info(first_model).dataset_dir)
    assert dataset_for_model(first_model).resolve() == two_shapes.resolve()
    two_shapes.rename(tmp_path / "elsewhere")
    assert dataset_for_model(first_model) is None


def test_finetune_from_our_model_keeps_its_head_when_classes_are_the_same(tmp_path, two_shapes, first_model):
    _, before = load_model_file(first_model)
    out = tmp_path / "again.safetensors"
    # lr tiny: what comes out is (almost) what went in, so the start is visibly the old model
    r = train(two_shapes, out, TrainConfig(mode="finetune", epochs=1, lr=1e-6, init_model=first_model,
                                           augment=False, cache_dir=tmp_path / "features", **SMALL))
    assert r.classes == ["circle", "square"]
    _, after = load_model_file(out)
    assert (after["fc.weight"] - before["fc.weight"]).abs().max() < 1e-3
    assert (after["layer1.0.conv1.weight"] - before["layer1.0.conv1.weight"]).abs().max() == 0  # frozen front
    info = read_model_info(out)
    assert info.preprocess == read_model_info(first_model).preprocess


def test_new_classes_get_fresh_rows_and_known_ones_keep_theirs(tmp_path, two_shapes, first_model):
    _, before = load_model_file(first_model)
    make_shapes_dataset(tmp_path / "more", classes=("a", "b", "triangle"), per_class=3, size=32, seed=3)
    (tmp_path / "more" / "triangle").rename(two_shapes / "triangle")  # sorted: circle, square, triangle
    (two_shapes / "circle").rename(two_shapes / "zz circle")  # now: square, triangle, zz circle
    out = tmp_path / "mapped.safetensors"
    r = train(two_shapes, out, TrainConfig(mode="finetune", epochs=1, lr=1e-6, init_model=first_model,
                                           augment=False, cache_dir=tmp_path / "features", **SMALL))
    assert r.classes == ["square", "triangle", "zz circle"]
    _, after = load_model_file(out)
    w_old, w_new = before["fc.weight"], after["fc.weight"]
    assert (w_new[0] - w_old[1]).abs().max() < 1e-3  # "square" row carried over to its new place
    assert (w_new[1] - w_old[1]).abs().max() > 1e-2  # "triangle" starts fresh
    assert (w_new[2] - w_old[0]).abs().max() > 1e-2  # "zz circle" is another name: fresh too


def test_head_retrain_reuses_cached_features_and_learns_a_new_class(tmp_path, two_shapes, first_model):
    make_shapes_dataset(tmp_path / "more", classes=("a", "b", "triangle"), per_class=3, size=32, seed=3)
    new = sorted((tmp_path / "more" / "triangle").iterdir())
    for p in new:
        add_to_dataset(p, two_shapes, "triangle")
    r = train(two_shapes, tmp_path / "retrained.safetensors",
              TrainConfig(mode="head", init_model=first_model, cache_dir=tmp_path / "features", **SMALL))
    # the first model's backbone is the ImageNet one: only the three new pictures are read
    assert r.features_extracted == 3 and r.feature_cache_hits == 12
    assert r.classes == ["circle", "square", "triangle"]
    from resnet_studio.engine.predict import Predictor

    labels = [res.top1.label for res in Predictor(str(r.model_path), device="cpu").classify_paths(
        [str(two_shapes / "triangle" / p.name) for p in new])]
    assert labels.count("triangle") >= 2  # the training ones at least (one may be held out)


def test_a_model_of_another_architecture_is_refused(tmp_path, two_shapes, first_model):
    with pytest.raises(ModelError, match="ResNet-18"):
        train(two_shapes, tmp_path / "x.safetensors",
              TrainConfig(arch="resnet34", mode="head", init_model=first_model, **SMALL))
    assert not (tmp_path / "x.safetensors").exists()
