"""Odd training folders through ``scan_dataset``, ``check_dataset`` and ``dataset check --json``:
one class, one image per class, empty classes, 200 classes, severe imbalance, the same image in
two classes, and a root path too long to exist. Each is either usable (with the right warnings)
or refused with a message that says what to do; the engine and the CLI agree.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from resnet_studio.cli import main
from resnet_studio.engine.datasets import check_dataset, scan_dataset
from resnet_studio.engine.errors import DatasetError
from tests.conftest import save_image


def _images(folder: Path, n: int, seed: int = 0) -> None:
    for i in range(n):
        save_image(folder / f"{i:03d}.png", size=(32, 32), seed=seed * 1000 + i)


def one_class(root: Path) -> None:
    _images(root / "only", 5)


def one_image_per_class(root: Path) -> None:
    for k, name in enumerate(("cat", "dog", "兔子")):
        _images(root / name, 1, seed=k)


def empty_classes(root: Path) -> None:
    _images(root / "cat", 10, seed=1)
    _images(root / "dog", 10, seed=2)
    (root / "empty").mkdir()
    (root / "only notes").mkdir()
    (root / "only notes" / "readme.txt").write_text("no pictures here")


def all_classes_empty(root: Path) -> None:
    for name in ("cat", "dog"):
        (root / name).mkdir(parents=True)


def two_hundred_classes(root: Path) -> None:
    for k in range(200):
        _images(root / f"class {k:03d}", 2, seed=k)


def severe_imbalance(root: Path) -> None:
    _images(root / "common", 60, seed=1)
    _images(root / "rare", 2, seed=2)


def same_image_in_two_classes(root: Path) -> None:
    _images(root / "cat", 4, seed=1)
    _images(root / "dog", 4, seed=2)
    shutil.copy(root / "cat" / "000.png", root / "dog" / "also a cat.png")


# case -> (builder, usable?, error/warning codes expected, words in the first message)
CASES = {
    "one class": (one_class, False, {"one_class"}, "Only one category"),
    "one image per class": (one_image_per_class, True, {"few_images"}, "very few images"),
    "empty classes": (empty_classes, True, {"skipped"}, "will be ignored"),
    "every class empty": (all_classes_empty, False, {"empty"}, "No images were found"),
    "200 classes": (two_hundred_classes, True, {"few_images"}, "very few images"),
    "severe imbalance": (severe_imbalance, True, {"few_images", "imbalance"}, "very unequal"),
    "same image in two classes": (same_image_in_two_classes, True, {"duplicate_across_classes", "few_images"},
                                  "same image is in two categories"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_odd_dataset(tmp_path, case, capsys):
    build, usable, codes, words = CASES[case]
    root = tmp_path / "数据 data"
    root.mkdir()
    build(root)

    report = check_dataset(root)
    issues = report.warnings if usable else report.errors
    assert report.ok is usable
    assert {i.code for i in issues} == codes, [i.message for i in issues]
    assert any(words in i.message for i in issues)
    for issue in report.warnings + report.errors:
        assert issue.message and "\n" not in issue.message

    if usable:
        split = scan_dataset(root, val_fraction=0.2, seed=0)
        assert split.classes == report.classes
        assert split.num_images == report.num_images
        counts = split.counts()
        for cls in split.classes:
            n = counts[cls]["train"] + counts[cls]["val"]
            # one image stays in training; two or more give at least one to each side
            assert counts[cls]["train"] >= 1
            assert counts[cls]["val"] == (0 if n == 1 else max(1, round(n * 0.2)))
    else:
        with pytest.raises(DatasetError) as info:
            scan_dataset(root)
        assert words in str(info.value)

    code = main(["dataset", "check", str(root), "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == (0 if usable else 2)
    assert doc["ok"] is usable
    assert {i["code"] for i in doc["warnings" if usable else "errors"]} == codes

    code = main(["dataset", "check", str(root)])
    out = capsys.readouterr()
    text = out.out if usable else out.err
    assert code == (0 if usable else 2)
    assert words in text and "Traceback" not in out.err


def test_details_of_odd_datasets(tmp_path):
    root = tmp_path / "d"
    two_hundred_classes(root / "many")
    report = check_dataset(root / "many")
    assert len(report.classes) == 200 and report.num_images == 400
    assert report.classes == sorted(report.classes)

    empty_classes(root / "empty")
    split = scan_dataset(root / "empty")
    assert split.classes == ["cat", "dog"]
    reasons = {p.name: why for p, why in split.skipped}
    assert "no images" in reasons["empty"] and "no images" in reasons["only notes"]

    same_image_in_two_classes(root / "dup")
    report = check_dataset(root / "dup")
    (group,) = report.duplicates
    assert sorted(p.name for p in group) == ["000.png", "also a cat.png"]
    assert report.counts == {"cat": 4, "dog": 5}  # still counted: the user decides which to keep

    severe_imbalance(root / "imb")
    (warning,) = [w for w in check_dataset(root / "imb").warnings if w.code == "imbalance"]
    assert "'common' has 60" in warning.message and "'rare' only 2" in warning.message


def test_root_path_too_long_is_a_readable_error(tmp_path, capsys):
    root = tmp_path / ("r" * 300)
    with pytest.raises(DatasetError, match="name is too long"):
        scan_dataset(root)
    assert main(["dataset", "check", str(root)]) == 2
    out = capsys.readouterr()
    assert "name is too long" in out.err and "Traceback" not in out.err
