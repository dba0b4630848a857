"""``resnet-studio dataset check`` / ``sort-by-name``: output, JSON and exit codes."""

from __future__ import annotations

import json
import shutil

from resnet_studio.cli import main

from .conftest import make_shapes_dataset, save_image


def test_check_usable_dataset(shapes_dataset, capsys):
    assert main(["dataset", "check", str(shapes_dataset)]) == 0
    out = capsys.readouterr().out
    assert "3 categories, 36 images" in out and "circle" in out and "Ready to train." in out


def test_check_reports_problems_but_stays_usable(tmp_path, capsys):
    root = make_shapes_dataset(tmp_path / "ds", classes=("a", "b"), per_class=12)
    (root / "a" / "bad.jpg").write_bytes(b"nope")
    shutil.copy(root / "a" / "a_000.png", root / "b" / "same.png")
    assert main(["dataset", "check", str(root)]) == 0
    out = capsys.readouterr().out
    assert "bad.jpg" in out and "cannot be opened" in out
    assert "two categories" in out and "same.png" in out


def test_check_json(tmp_path, capsys):
    root = make_shapes_dataset(tmp_path / "ds", classes=("a", "b"), per_class=3)
    save_image(root / "b" / "small.png", size=(8, 8))
    assert main(["dataset", "check", str(root), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] and doc["counts"] == {"a": 3, "b": 4}
    assert doc["tiny"][0]["width"] == 8
    assert {"tiny", "few_images"} <= {w["code"] for w in doc["warnings"]}


def test_check_fatal_exit_2(tmp_path, capsys):
    save_image(tmp_path / "one" / "cat" / "1.png")
    assert main(["dataset", "check", str(tmp_path / "one")]) == 2
    err = capsys.readouterr().err
    assert "Only one category" in err
    assert main(["dataset", "check", str(tmp_path / "missing"), "--json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False and doc["errors"][0]["code"] == "missing"


def _flat(root, names):
    for i, n in enumerate(names):
        save_image(root / n, seed=i)
    return root


def test_sort_by_name_all_matched(tmp_path, capsys):
    src = _flat(tmp_path / "flat", ["cat.1.jpg", "cat.2.jpg", "dog.1.jpg", "dog.2.jpg"])
    dst = tmp_path / "out"
    assert main(["dataset", "sort-by-name", str(src), str(dst)]) == 0
    out = capsys.readouterr().out
    assert "proposed" in out and "Copied 4 pictures" in out
    assert sorted(p.name for p in (dst / "cat").iterdir()) == ["cat.1.jpg", "cat.2.jpg"]
    assert len(list(src.iterdir())) == 4  # copy leaves the source as it was


def test_sort_by_name_dry_run_unmatched_json(tmp_path, capsys):
    src = _flat(tmp_path / "flat", ["猫.1.jpg", "狗.1.jpg", "cat and dog.jpg", "bird.jpg"])
    dst = tmp_path / "out"
    code = main(["dataset", "sort-by-name", str(src), str(dst), "--keywords", "猫，狗, cat,dog", "--dry-run", "--json"])
    assert code == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["dry_run"] and doc["result"] is None
    assert doc["plan"]["keywords"] == ["猫", "狗", "cat", "dog"]
    assert [p.endswith("猫.1.jpg") for p in doc["plan"]["assignments"]["猫"]] == [True]
    assert [p.endswith("bird.jpg") for p in doc["plan"]["unmatched"]] == [True]
    assert doc["plan"]["ambiguous"][0]["keywords"] == ["cat", "dog"]
    assert not dst.exists()


def test_sort_by_name_move(tmp_path, capsys):
    src = _flat(tmp_path / "flat", ["cat.1.jpg", "dog.1.jpg", "fish.jpg"])
    dst = tmp_path / "out"
    assert main(["dataset", "sort-by-name", str(src), str(dst), "--keywords", "cat,dog", "--move"]) == 1
    out = capsys.readouterr().out
    assert "Moved 2 pictures" in out and "fish.jpg" in out
    assert [p.name for p in src.iterdir()] == ["fish.jpg"]
    assert (dst / "dog" / "dog.1.jpg").is_file()


def test_sort_by_name_errors_exit_2(tmp_path, capsys):
    assert main(["dataset", "sort-by-name", str(tmp_path / "nope"), str(tmp_path / "out")]) == 2
    assert "does not exist" in capsys.readouterr().err
    src = _flat(tmp_path / "flat", ["IMG_1.jpg", "IMG_2.jpg"])
    assert main(["dataset", "sort-by-name", str(src), str(tmp_path / "out")]) == 2
    assert "keywords yourself" in capsys.readouterr().err
