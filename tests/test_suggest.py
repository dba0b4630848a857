"""Labelling with the model's help (issue 16): engine.suggest and ``resnet-studio suggest``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from resnet_studio.cli import main
from resnet_studio.engine.errors import DatasetError, WeightsNotFoundError
from resnet_studio.engine.suggest import rank_order, suggest

RED, BLUE = (220, 30, 30), (30, 30, 220)


def _picture(path: Path, color, seed: int) -> str:
    rng = np.random.default_rng(seed)
    a = np.clip(np.array(color)[None, None, :] + rng.normal(0, 20, (32, 32, 3)), 0, 255).astype(np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(a).save(path)
    return str(path)


@pytest.fixture
def toy(tmp_path, fake_imagenet_weights, torch_one_thread):
    """A labelled folder (3 red, 3 blue) and a pile of 6 unlabelled pictures (which are known)."""
    fake_imagenet_weights()
    data = tmp_path / "data"
    for i in range(3):
        _picture(data / "红色" / f"r{i}.png", RED, i)
        _picture(data / "blue" / f"b{i}.png", BLUE, 10 + i)
    pile = tmp_path / "pile"
    truth = {}
    for i in range(6):
        color, name = (RED, "红色") if i % 2 else (BLUE, "blue")
        truth[_picture(pile / f"u{i}.png", color, 100 + i)] = name
    labelled = {str(p): p.parent.name for p in sorted(data.rglob("*.png"))}
    return data, pile, labelled, truth


def test_one_suggestion_per_picture_with_right_labels(toy, tmp_path):
    _, _, labelled, truth = toy
    rows = suggest(labelled, list(truth), image_size=64)
    assert sorted(s.path for s in rows) == sorted(truth)
    assert [s.rank for s in rows] == list(range(1, len(truth) + 1))
    assert all(0.0 <= s.confidence <= 1.0 and 0.0 <= s.margin <= 1.0 for s in rows)
    assert {s.path: s.label for s in rows} == truth
    # rank 1 is where the model hesitates most
    assert rows[0].margin == min(s.margin for s in rows)
    assert rows.skipped == []


def test_second_call_reads_no_picture_again(toy, monkeypatch):
    _, _, labelled, truth = toy
    first = suggest(labelled, list(truth), image_size=64)
    from resnet_studio.engine import feature_extraction

    def no_decoding(*args, **kwargs):
        raise AssertionError("a cached picture was read again")

    monkeypatch.setattr(feature_extraction, "_extract", no_decoding)
    monkeypatch.setattr("resnet_studio.engine.features._extract", no_decoding)
    second = suggest(labelled, list(truth), image_size=64)
    assert [(s.path, s.label, s.rank) for s in second] == [(s.path, s.label, s.rank) for s in first]


def test_duplicate_of_a_labelled_picture_ranks_last(toy, tmp_path):
    _, _, labelled, truth = toy
    twin = tmp_path / "pile" / "copy_of_r0.png"
    first_red = next(p for p, c in labelled.items() if c == "红色")
    shutil.copy(first_red, twin)
    rows = suggest(labelled, [str(twin)] + list(truth), image_size=64)
    assert len(rows) == len(truth) + 1
    assert rows[-1].path == str(twin) and rows[-1].rank == len(rows)
    assert rows[-1].label == "红色" and rows[-1].confidence == 1.0


def test_unreadable_picture_is_skipped_with_a_reason(toy, tmp_path):
    _, _, labelled, truth = toy
    bad = tmp_path / "pile" / "broken.png"
    bad.write_bytes(b"not a picture at all")
    rows = suggest(labelled, [str(bad)] + list(truth), image_size=64)
    assert len(rows) == len(truth) and str(bad) not in {s.path for s in rows}
    assert [p for p, _ in rows.skipped] == [str(bad)]
    assert rows.skipped[0][1]  # a sentence saying why


def test_one_category_is_refused_with_a_plain_sentence(tmp_path):
    with pytest.raises(DatasetError, match="at least two categories") as info:
        suggest({str(tmp_path / "a.png"): "cat", str(tmp_path / "b.png"): "cat"}, [str(tmp_path / "c.png")])
    assert "3 per category" in str(info.value) and "cat" in str(info.value)


def test_missing_weights_say_so(tmp_path):
    a = _picture(tmp_path / "a.png", RED, 0)
    b = _picture(tmp_path / "b.png", BLUE, 1)
    with pytest.raises(WeightsNotFoundError, match="ImageNet weights"):
        suggest({a: "red", b: "blue"}, [a])


def test_near_copies_wait_for_a_later_block():
    # three pictures with the smallest margins; 0 and 1 are near-copies of each other
    feats = np.array([[1.0, 0.0, 0.0], [1.0, 0.01, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [-1.0, -1.0, -1.0]])
    margins = np.array([0.1, 0.2, 0.3, 0.4, 0.5])
    assert rank_order(margins, feats, block=10) == [0, 2, 3, 4, 1]
    assert rank_order(margins, feats, block=10, limit=1.01) == [0, 1, 2, 3, 4]  # no diversity: by margin


def test_uneven_labels_are_weighted_as_training_weights_them():
    # 40 labels of one kind, 4 of an overlapping other: unweighted, the small one is hardly ever said
    from resnet_studio.engine.suggest import _balance, _l2, fit_softmax

    rng = np.random.default_rng(0)
    x = np.concatenate([rng.normal(0, 1, (40, 2)), rng.normal(1.5, 1, (4, 2))])
    y = np.array([0] * 40 + [1] * 4)
    new = rng.normal(1.5, 1, (200, 2))  # unlabelled pictures of the small kind
    weights = _balance(y, 2)
    assert weights is not None and weights[1] > weights[0]
    w, b = fit_softmax(x, y, 2, _l2(len(y)), weights)
    assert ((new @ w + b).argmax(1) == 1).mean() > 0.7
    w0, b0 = fit_softmax(x, y, 2, _l2(len(y)))
    assert ((new @ w0 + b0).argmax(1) == 1).mean() < 0.2  # what it was before the weights
    assert _balance(np.array([0, 0, 0, 1, 1]), 2) is None  # even enough: no weights


# ------------------------------------------------------------------------------------------------
# CLI


def test_cli_json_rows_parse(toy, capsys):
    data, pile, _, truth = toy
    code = main(["suggest", str(data), str(pile), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert sorted(r["path"] for r in rows) == sorted(truth)
    assert sorted(r["rank"] for r in rows) == list(range(1, len(truth) + 1))
    assert all({"path", "label", "confidence", "rank"} <= set(r) and 0 <= r["confidence"] <= 1 for r in rows)


def test_cli_table_and_top(toy, capsys):
    data, pile, _, _ = toy
    assert main(["suggest", str(data), str(pile), "--top", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["rank", "confidence", "label", "path"]
    assert [line.split()[0] for line in lines[1:]] == ["1", "2"]


def test_cli_unreadable_picture_exit_1(toy, tmp_path, capsys):
    data, pile, _, truth = toy
    bad = pile / "broken.png"
    bad.write_bytes(b"\x89PNG garbage")
    code = main(["suggest", str(data), str(bad), *truth, "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert len(captured.out.splitlines()) == len(truth)
    assert str(bad) in captured.err


def test_cli_one_category_exit_2(tmp_path, fake_imagenet_weights, capsys):
    fake_imagenet_weights()
    _picture(tmp_path / "data" / "cat" / "a.png", RED, 0)
    _picture(tmp_path / "data" / "cat" / "b.png", RED, 1)
    pile = Path(_picture(tmp_path / "pile" / "c.png", BLUE, 2))
    assert main(["suggest", str(tmp_path / "data"), str(pile)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "categor" in err.lower()


def test_cancelled_call_raises(toy):
    import threading

    from resnet_studio.engine.errors import CancelledError

    _, _, labelled, truth = toy
    stop = threading.Event()
    stop.set()
    with pytest.raises(CancelledError):
        suggest(labelled, list(truth), image_size=64, cancel=stop)


def test_cli_unreadable_labelled_picture_exit_1(toy, capsys):
    data, pile, _, truth = toy
    (data / "blue" / "broken.png").write_bytes(b"not a picture")
    code = main(["suggest", str(data), str(pile), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert len(captured.out.splitlines()) == len(truth)
    assert "broken.png" in captured.err and "labelled" in captured.err
