"""engine.datasets: layouts, split, health report, sort by file name — on generated images."""

from __future__ import annotations

from pathlib import Path

import pytest

from resnet_studio.engine.datasets import DatasetSplit, scan_dataset
from resnet_studio.engine.errors import DatasetError

from .conftest import make_shapes_dataset, save_image


def _names(samples) -> set[str]:
    return {p.name for p, _ in samples}


# ------------------------------------------------------------------------------------ scan


def test_class_per_folder_layout_and_stratified_split(tmp_path):
    root = make_shapes_dataset(tmp_path / "ds", per_class=10)
    split = scan_dataset(root)
    assert isinstance(split, DatasetSplit)
    assert split.layout == "folders" and split.val_sampled
    assert split.classes == ["circle", "square", "triangle"]
    counts = split.counts()
    for cls in split.classes:
        assert counts[cls] == {"train": 8, "val": 2, "test": 0}
    assert split.test == []
    # labels point at the folder the file is in, and nothing is in both sides
    for p, idx in split.train + split.val:
        assert p.parent.name == split.classes[idx]
    assert not (_names(split.train) & _names(split.val))
    assert split.num_images == 30


def test_split_is_deterministic_and_seed_dependent(tmp_path):
    root = make_shapes_dataset(tmp_path / "ds", per_class=20)
    a, b = scan_dataset(root, seed=3), scan_dataset(root, seed=3)
    assert a.val == b.val and a.train == b.train
    c = scan_dataset(root, seed=4)
    assert _names(c.val) != _names(a.val)
    assert len(c.val) == len(a.val) == 12


def test_adding_an_image_to_one_class_does_not_reshuffle_others(tmp_path):
    root = make_shapes_dataset(tmp_path / "ds", per_class=10)
    before = scan_dataset(root)
    save_image(root / "circle" / "extra.png", seed=9)
    after = scan_dataset(root)
    keep = {p for p, i in before.val if before.classes[i] != "circle"}
    assert keep == {p for p, i in after.val if after.classes[i] != "circle"}


def test_at_least_one_image_per_side_when_possible(tmp_path):
    root = tmp_path / "ds"
    save_image(root / "a" / "1.png")
    for i in range(2):
        save_image(root / "b" / f"{i}.png", seed=i)
    for i in range(3):
        save_image(root / "c" / f"{i}.png", seed=i)
    counts = scan_dataset(root, val_fraction=0.2).counts()
    assert counts["a"] == {"train": 1, "val": 0, "test": 0}  # one image: it stays in training
    assert counts["b"] == {"train": 1, "val": 1, "test": 0}
    assert counts["c"] == {"train": 2, "val": 1, "test": 0}
    counts = scan_dataset(root, val_fraction=0.9).counts()
    assert counts["c"] == {"train": 1, "val": 2, "test": 0}  # still one left to train on
    assert scan_dataset(root, val_fraction=0.0).val == []


def test_train_val_test_layout(tmp_path):
    root = tmp_path / "ds"
    make_shapes_dataset(root / "train", per_class=6)
    make_shapes_dataset(root / "val", per_class=2, seed=1)
    make_shapes_dataset(root / "test", classes=("circle", "square"), per_class=1, seed=2)
    save_image(root / "val" / "hexagon" / "h.png")  # a class train/ does not have
    (root / "notes.txt").write_text("hi")
    split = scan_dataset(root)
    assert split.layout == "split" and not split.val_sampled
    assert split.classes == ["circle", "square", "triangle"]
    assert len(split.train) == 18 and len(split.val) == 6 and len(split.test) == 2
    assert all(p.parts[-3] == "val" for p, _ in split.val)
    reasons = {p.name: r for p, r in split.skipped}
    assert "not in train/" in reasons["h.png"]
    assert "notes.txt" in reasons


def test_train_folder_without_val_is_split(tmp_path):
    root = tmp_path / "ds"
    make_shapes_dataset(root / "train", per_class=5)
    split = scan_dataset(root)
    assert split.layout == "split" and split.val_sampled
    assert len(split.val) == 3 and len(split.train) == 12


def test_a_class_called_train_is_a_class(tmp_path):
    root = tmp_path / "vehicles"
    for cls in ("train", "bus"):
        for i in range(2):
            save_image(root / cls / f"{cls}{i}.jpg", seed=i)
    split = scan_dataset(root)
    assert split.layout == "folders" and split.classes == ["bus", "train"]


def test_nested_hidden_and_non_image_files(tmp_path):
    root = make_shapes_dataset(tmp_path / "ds", classes=("a", "b"), per_class=2)
    save_image(root / "a" / "more" / "deeper" / "nested.PNG")
    save_image(root / "a" / ".hidden.png")
    save_image(root / ".git" / "x.png")
    save_image(root / "loose.jpg")
    (root / "b" / "readme.md").write_text("notes")
    (root / "empty_class").mkdir()
    split = scan_dataset(root)
    assert split.classes == ["a", "b"]
    all_paths = {p.name for p, _ in split.train + split.val}
    assert "nested.PNG" in all_paths and ".hidden.png" not in all_paths
    reasons = {p.name: r for p, r in split.skipped}
    assert "hidden" in reasons[".hidden.png"]
    assert "hidden" in reasons[".git"] and "x.png" not in reasons  # hidden folder not entered
    assert "not inside a category folder" in reasons["loose.jpg"]
    assert "not an image" in reasons["readme.md"]
    assert "no images" in reasons["empty_class"]


def test_non_ascii_paths(tmp_path):
    root = tmp_path / "数据集"
    for cls in ("猫", "狗"):
        for i in range(3):
            save_image(root / cls / f"照片 {i}.png", seed=i)
    split = scan_dataset(root)
    assert split.classes == sorted(["猫", "狗"]) and split.num_images == 6


@pytest.mark.parametrize(
    "setup, words",
    [
        (lambda r: None, "does not exist"),
        (lambda r: r.mkdir(), "No images"),
        (lambda r: save_image(r / "only" / "1.png"), "Only one category"),
        (lambda r: (r.mkdir(), (r / "cat").mkdir(), (r / "x.txt").write_text("")), "No images"),
        (lambda r: (r.parent.mkdir(exist_ok=True), r.write_text("x")), "not a folder"),
    ],
    ids=["missing", "empty", "one-class", "no-images", "file"],
)
def test_fatal_cases_raise_readable_dataset_error(tmp_path, setup, words):
    root = tmp_path / "ds"
    setup(root)
    with pytest.raises(DatasetError) as info:
        scan_dataset(root)
    assert words in str(info.value)


def test_bad_val_fraction(shapes_dataset):
    with pytest.raises(DatasetError, match="between"):
        scan_dataset(shapes_dataset, val_fraction=1.5)
