"""engine.datasets: layouts, split, health report, sort by file name — on generated images."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from resnet_studio.engine.datasets import (
    DatasetSplit,
    apply_sort_plan,
    check_dataset,
    name_tokens,
    plan_sort_by_name,
    propose_keywords,
    scan_dataset,
)
from resnet_studio.engine.errors import CancelledError, DatasetError

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
    save_image(root / "train" / "steam" / "nested.jpg")  # sub-folders in a category are fine
    split = scan_dataset(root)
    assert split.layout == "folders" and split.classes == ["bus", "train"]
    assert split.counts()["train"]["train"] + split.counts()["train"]["val"] == 3


def test_loose_images_in_train_folder_of_split_layout(tmp_path):
    root = tmp_path / "ds"
    make_shapes_dataset(root / "train", classes=("a", "b"), per_class=3)
    make_shapes_dataset(root / "val", classes=("a", "b"), per_class=1)
    save_image(root / "train" / "stray.jpg")
    split = scan_dataset(root)
    assert split.layout == "split" and split.classes == ["a", "b"]
    assert any(p.name == "stray.jpg" and "not inside a category folder" in r for p, r in split.skipped)


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


# ------------------------------------------------------------------------------------ health


@pytest.fixture
def planted(tmp_path) -> Path:
    """A usable dataset with one of each problem the report must find."""
    root = make_shapes_dataset(tmp_path / "planted", classes=("circle", "square", "triangle"), per_class=12)
    shutil.copy(root / "circle" / "circle_000.png", root / "square" / "copied.png")  # across classes
    (root / "triangle" / "fake.jpg").write_bytes(b"this is not a picture")
    whole = (root / "circle" / "circle_001.png").read_bytes()
    (root / "triangle" / "cut.png").write_bytes(whole[: len(whole) // 2])  # header fine, ends early
    (root / "triangle" / "empty.png").write_bytes(b"")
    save_image(root / "square" / "tiny.png", size=(12, 20), seed=5)
    save_image(root / "lonely" / "only.png", size=(40, 40), seed=6)  # a class with one image
    (root / ".DS_Store").write_bytes(b"\0\1")
    return root


def test_health_report_finds_planted_problems(planted):
    report = check_dataset(planted)
    assert report.ok and report.errors == []
    assert report.classes == ["circle", "lonely", "square", "triangle"]
    assert report.counts == {"circle": 12, "lonely": 1, "square": 14, "triangle": 12}
    unreadable = {p.name: why for p, why in report.unreadable}
    assert set(unreadable) == {"fake.jpg", "cut.png", "empty.png"}
    assert "ends early" in unreadable["cut.png"]
    assert "empty" in unreadable["empty.png"]
    assert [sorted(p.name for p in g) for g in report.duplicates] == [["circle_000.png", "copied.png"]]
    assert [(p.name, size) for p, size in report.tiny] == [("tiny.png", (12, 20))]
    codes = {w.code: w for w in report.warnings}
    assert {"unreadable", "duplicate_across_classes", "tiny", "few_images", "imbalance", "skipped"} <= set(codes)
    assert "'circle' and 'square'" in codes["duplicate_across_classes"].message
    assert "'lonely' (1)" in codes["few_images"].message
    assert "lonely" in codes["imbalance"].message
    # the report is plain JSON
    doc = json.loads(json.dumps(report.to_dict()))
    assert doc["ok"] is True and doc["counts"]["lonely"] == 1 and len(doc["unreadable"]) == 3


def test_full_decode_agrees_on_planted_problems(planted):
    fast, full = check_dataset(planted), check_dataset(planted, full_decode=True)
    assert sorted(p for p, _ in fast.unreadable) == sorted(p for p, _ in full.unreadable)
    assert fast.counts == full.counts


def test_clean_dataset_has_no_warnings(shapes_dataset):
    report = check_dataset(shapes_dataset)
    assert report.ok and report.warnings == [] and report.num_images == 36


def test_duplicates_across_train_and_val(tmp_path):
    root = tmp_path / "ds"
    make_shapes_dataset(root / "train", classes=("a", "b"), per_class=12)
    make_shapes_dataset(root / "val", classes=("a", "b"), per_class=2, seed=7)
    shutil.copy(root / "train" / "a" / "a_003.png", root / "val" / "a" / "leak.png")
    report = check_dataset(root)
    assert report.layout == "split"
    assert report.part_counts["a"] == {"train": 12, "val": 3}
    codes = {w.code: w for w in report.warnings}
    assert "duplicate_across_splits" in codes and "duplicate_across_classes" not in codes
    assert any(p.endswith("leak.png") for p in codes["duplicate_across_splits"].paths)


@pytest.mark.parametrize("kind", ["missing", "empty", "one_class"])
def test_fatal_cases_are_errors_in_the_report(tmp_path, kind):
    root = tmp_path / "ds"
    if kind == "empty":
        root.mkdir()
    elif kind == "one_class":
        save_image(root / "cat" / "1.png")
    report = check_dataset(root)
    assert not report.ok and report.errors[0].code == kind
    with pytest.raises(DatasetError) as info:
        scan_dataset(root)
    assert str(info.value) == report.errors[0].message


def test_all_images_of_a_class_unreadable_is_fatal(tmp_path):
    root = make_shapes_dataset(tmp_path / "ds", classes=("a",), per_class=3)
    (root / "b").mkdir()
    (root / "b" / "x.jpg").write_bytes(b"garbage")
    report = check_dataset(root)
    assert not report.ok and report.errors[0].code == "too_few_classes"
    assert "no_readable_images" in {w.code for w in report.warnings}


def test_progress_and_cancel(shapes_dataset):
    seen = []
    check_dataset(shapes_dataset, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] >= 36
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        check_dataset(shapes_dataset, cancel=cancel)


# ------------------------------------------------------------------------------------ sort by name


def _flat(root: Path, names) -> Path:
    for i, n in enumerate(names):
        save_image(root / n, seed=i)
    return root


def test_name_tokens():
    assert name_tokens("Cat_01-black") == ["cat", "01", "black"]
    assert name_tokens("猫.1") == ["猫", "1"]
    assert name_tokens("cafe\u0301") == name_tokens("caf\u00e9")  # macOS decomposed names


def test_propose_keywords(tmp_path):
    src = _flat(tmp_path / "flat", [
        "cat.1.jpg", "Cat.2.jpg", "dog.7.jpg", "dog_8.png", "british_shorthair_1.jpg",
        "British Shorthair 2.jpg", "cat_black_1.jpg", "cat_black_2.jpg", "猫.1.jpg", "猫.2.jpg", "odd.jpg",
    ])
    (src / "notes.txt").write_text("not a picture")
    assert propose_keywords(src) == ["british_shorthair", "cat", "dog", "猫"]


def test_plan_matches_word_tokens_not_substrings(tmp_path):
    src = _flat(tmp_path / "flat", [
        "cat.1.jpg", "CAT_2.png", "my cat 3.jpg", "category.jpg", "dog.7.jpg", "cat-and-dog.jpg", "bird.jpg",
    ])
    (src / "sub").mkdir()
    save_image(src / "sub" / "cat.9.jpg")
    plan = plan_sort_by_name(src, ["cat", "dog"])
    assert sorted(p.name for p in plan.assignments["cat"]) == ["CAT_2.png", "cat.1.jpg", "my cat 3.jpg"]
    assert [p.name for p in plan.assignments["dog"]] == ["dog.7.jpg"]
    assert sorted(p.name for p in plan.unmatched) == ["bird.jpg", "category.jpg"]
    assert [(p.name, kws) for p, kws in plan.ambiguous] == [("cat-and-dog.jpg", ["cat", "dog"])]
    assert any(p.name == "sub" for p, _ in plan.skipped)  # sub-folders are not entered


def test_copy_leaves_source_untouched_and_never_overwrites(tmp_path):
    src = _flat(tmp_path / "flat", ["cat.1.jpg", "cat.2.jpg", "dog.1.jpg", "fish.jpg"])
    before = {p.name: p.read_bytes() for p in src.iterdir()}
    dst = tmp_path / "sorted"
    existing = save_image(dst / "cat" / "cat.1.jpg", seed=99)  # a different picture, same name
    existing_bytes = existing.read_bytes()
    plan = plan_sort_by_name(src, ["cat", "dog"])
    report = apply_sort_plan(plan, dst)
    assert {p.name: p.read_bytes() for p in src.iterdir()} == before
    assert existing.read_bytes() == existing_bytes
    assert report.copied == 3 and report.moved == 0 and report.errors == []
    assert [(a.name, b.name) for a, b in report.renamed] == [("cat.1.jpg", "cat.1 (2).jpg")]
    assert (dst / "cat" / "cat.1 (2).jpg").read_bytes() == before["cat.1.jpg"]
    assert (dst / "dog" / "dog.1.jpg").read_bytes() == before["dog.1.jpg"]
    assert [p.name for p in report.unmatched] == ["fish.jpg"] and not (dst / "fish.jpg").exists()
    # sorting again does not fill the folders with numbered copies
    again = apply_sort_plan(plan_sort_by_name(src, ["cat", "dog"]), dst)
    assert again.copied == 0 and len(again.already_there) == 3
    assert len(list((dst / "cat").iterdir())) == 3


def test_move_and_non_ascii(tmp_path):
    src = _flat(tmp_path / "照片", ["猫.1.jpg", "猫.2.jpg", "狗.1.jpg", "鸟.jpg"])
    content = (src / "猫.1.jpg").read_bytes()
    dst = tmp_path / "分类"
    report = apply_sort_plan(plan_sort_by_name(src, ["猫", "狗"]), dst, move=True)
    assert report.moved == 3 and report.copied == 0
    assert (dst / "猫" / "猫.1.jpg").read_bytes() == content
    assert sorted(p.name for p in src.iterdir()) == ["鸟.jpg"]  # the unmatched one stays


def test_sort_cancel_stops_between_files(tmp_path):
    src = _flat(tmp_path / "flat", ["cat.1.jpg", "cat.2.jpg", "dog.1.jpg"])
    cancel = threading.Event()
    cancel.set()
    report = apply_sort_plan(plan_sort_by_name(src, ["cat", "dog"]), tmp_path / "out", cancel=cancel)
    assert report.cancelled and report.copied == 0


def test_sort_errors_are_readable(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        plan_sort_by_name(tmp_path / "nope", ["cat"])
    src = _flat(tmp_path / "flat", ["IMG_001.jpg", "IMG_002.jpg"])
    with pytest.raises(DatasetError, match="keywords yourself"):
        plan_sort_by_name(src)  # one common beginning only: nothing useful to propose
    with pytest.raises(DatasetError, match="folder name"):
        plan_sort_by_name(src, ["a/b"])
