"""Finding pictures in the wrong folder (issue 16): engine API and ``dataset check`` JSON / text."""

from __future__ import annotations

import json
import os

import pytest

from resnet_studio.cli import main
from resnet_studio.engine.label_check import find_suspicious_labels

from .conftest import make_shapes_dataset, save_image


def _swap_two(root):
    """Put one circle into square/ and one square into circle/: two wrong labels."""
    a, b = root / "circle" / "circle_003.png", root / "square" / "square_005.png"
    os.rename(a, root / "square" / "circle_003.png")
    os.rename(b, root / "circle" / "square_005.png")
    return {str(root / "square" / "circle_003.png"), str(root / "circle" / "square_005.png")}


@pytest.fixture
def swapped(tmp_path, fake_imagenet_weights, torch_one_thread, monkeypatch):
    monkeypatch.setenv("RESNET_STUDIO_CACHE_DIR", str(tmp_path / "cache"))
    fake_imagenet_weights("resnet18")
    root = make_shapes_dataset(tmp_path / "ds", classes=("circle", "square", "triangle"), per_class=12)
    return root, _swap_two(root)


def test_two_swapped_pictures_are_the_top_entries(swapped):
    root, wrong = swapped
    found = find_suspicious_labels(root)
    top = found[:3]
    assert wrong <= {str(s.path) for s in top}
    by_path = {str(s.path): s for s in found}
    moved_circle = by_path[str(root / "square" / "circle_003.png")]
    assert (moved_circle.label, moved_circle.suggested) == ("square", "circle")
    assert all(0.0 <= s.score <= 1.0 for s in found)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_cli_json_lists_them_and_second_check_uses_the_cache(swapped, capsys):
    root, wrong = swapped
    assert main(["dataset", "check", str(root), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    entries = doc["suspicious_labels"]
    assert wrong <= {e["path"] for e in entries[:3]}
    assert set(entries[0]) >= {"path", "label", "suggested", "score"}
    assert doc["suspicious_labels_note"] is None
    # the features are cached: the second check extracts nothing and says the same
    from resnet_studio.engine import features

    calls = []
    real = features._extract
    features._extract = lambda *a, **k: calls.append(1) or real(*a, **k)
    try:
        assert main(["dataset", "check", str(root), "--json"]) == 0
    finally:
        features._extract = real
    assert calls == []
    assert json.loads(capsys.readouterr().out)["suspicious_labels"] == entries


def test_cli_text_lists_the_top(swapped, capsys):
    root, _ = swapped
    assert main(["dataset", "check", str(root)]) == 0
    out = capsys.readouterr().out
    assert "may be in the wrong folder" in out and "circle_003.png: folder square, looks like circle" in out


def test_missing_weights_give_null_and_a_note(tmp_path, capsys):
    root = make_shapes_dataset(tmp_path / "ds", classes=("a", "b"), per_class=4)
    assert main(["dataset", "check", str(root), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["suspicious_labels"] is None
    assert "ImageNet weights" in doc["suspicious_labels_note"]
    assert doc["counts"] == {"a": 4, "b": 4} and doc["ok"]
    assert main(["dataset", "check", str(root)]) == 0
    assert "Wrong labels: not checked" in capsys.readouterr().out


def test_one_class_or_tiny_sets_do_not_crash(tmp_path, fake_imagenet_weights, torch_one_thread, monkeypatch, capsys):
    monkeypatch.setenv("RESNET_STUDIO_CACHE_DIR", str(tmp_path / "cache"))
    fake_imagenet_weights("resnet18")
    one = make_shapes_dataset(tmp_path / "one", classes=("a",), per_class=5)
    assert find_suspicious_labels(one) == []
    tiny = tmp_path / "tiny"
    save_image(tiny / "a" / "1.png", seed=1)
    save_image(tiny / "b" / "1.png", seed=2)
    assert find_suspicious_labels(tiny) == []
    # a class with a single picture is never judged (nothing else to compare it with)
    lone = make_shapes_dataset(tmp_path / "lone", classes=("a", "b"), per_class=6)
    save_image(lone / "c" / "only.png", seed=3)
    found = find_suspicious_labels(lone)
    assert all(s.label != "c" for s in found)
    assert main(["dataset", "check", str(tiny), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["suspicious_labels"] == []
