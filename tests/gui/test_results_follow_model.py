"""Results follow the model (issue 15): when the Classify view's model changes, the cards already
shown are classified again by the new model, are drawn as stale until its answer arrives, and every
card, tooltip and CSV row says which model (name, file, backend and precision) made it."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt

from resnet_studio.gui.classify import view as view_module
from resnet_studio.gui.widgets.results import Roles
from tests.gui.conftest import wait_idle
from tests.helpers import save_random_model

pytestmark = pytest.mark.gui

DIGITS = ["zero", "one", "two"]
IMAGENET_NAME = "ResNet-18 (ImageNet)"


@pytest.fixture
def digits_models(tmp_path):
    """Two tiny model files of ours (3 categories, 32 px): "Digits v1" and "Digits v2"."""
    (tmp_path / "models").mkdir()
    return [save_random_model(tmp_path / "models" / f"digits v{i}.safetensors", DIGITS, image_size=32,
                              seed=i, name=f"Digits v{i}") for i in (1, 2)]


def switch_and_watch(view, spec: str) -> list[bool]:
    """Switch the view to ``spec``; returns (filled in when the new model is ready, before any of
    its answers can arrive) whether each card was shown as stale then."""
    seen: list[bool] = []

    def on_ready(_info) -> None:  # connected after the view's own slot: runs right after it
        if not seen:
            seen.extend(bool(view.model.index(row).data(Roles.Stale)) for row in range(view.model.rowCount()))

    view.client.model_ready.connect(on_ready)
    view.use_model(spec)
    return seen


def wait_for_model(qtbot, view, spec: str) -> None:
    """Until ``spec`` is the model in use and the cards it was asked to classify again are done."""
    qtbot.waitUntil(lambda: view._model_state == "ready" and view._model_info.get("spec") == str(spec), timeout=60000)
    wait_idle(qtbot, view)


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def export(qtbot, view, path) -> list[dict]:
    with qtbot.waitSignal(view.export_finished, timeout=30000):
        view.export_csv(str(path))
    return read_csv(path)


def test_switching_model_classifies_the_cards_again_marked_stale_until_then(qtbot, make_window, photos,
                                                                             digits_models):
    w = make_window()
    view = w.classify
    files = photos(3)
    view.classify_paths([str(f) for f in files])
    wait_idle(qtbot, view)
    records = view.records()
    assert {r.model_name for r in records} == {IMAGENET_NAME}
    assert all(r.model_file == "ImageNet ResNet-18" and r.backend == "PyTorch CPU, float32" for r in records)
    assert not any(view.model.index(i).data(Roles.Stale) for i in range(3))
    thumbs = [r.thumb for r in records]

    seen = switch_and_watch(view, str(digits_models[0]))
    qtbot.waitUntil(lambda: bool(seen), timeout=60000)
    assert seen == [True, True, True]  # never shown as the new model's answer before it is
    tip = view.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "an earlier model" in tip and IMAGENET_NAME in tip
    wait_idle(qtbot, view)

    records = view.records()
    assert len(records) == 3  # the same cards got the new answers, no second cards
    for r, thumb in zip(records, thumbs):
        assert r.label in DIGITS and {p[0] for p in r.predictions} == set(DIGITS)
        assert r.model == str(digits_models[0]) and r.model_name == "Digits v1"
        assert r.model_file == str(digits_models[0]) and r.backend == "PyTorch CPU, float32"
        assert r.thumb is thumb  # the card keeps its thumbnail: the file is not made one again
    assert not any(view.model.index(i).data(Roles.Stale) for i in range(3))
    assert view.model.counts()["stale"] == 0 and not view.banner.isVisible()
    tip = view.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "earlier model" not in tip
    assert "Digits v1" in tip and str(digits_models[0]) in tip and "PyTorch CPU, float32" in tip


def test_a_second_switch_while_classifying_again_ends_with_the_last_model(qtbot, make_window, photos,
                                                                          digits_models):
    w = make_window()
    view = w.classify
    view.classify_paths([str(f) for f in photos(4)])
    wait_idle(qtbot, view)
    view.use_model(str(digits_models[0]))
    view.use_model(str(digits_models[1]))
    wait_for_model(qtbot, view, digits_models[1])
    assert {r.model_name for r in view.records()} == {"Digits v2"}
    assert len(view.records()) == 4 and view.model.counts()["stale"] == 0

    view.use_model("resnet18")  # and back to an ImageNet model
    wait_for_model(qtbot, view, "resnet18")
    assert {(r.model_name, r.model_file) for r in view.records()} == {(IMAGENET_NAME, "ImageNet ResNet-18")}


def test_many_cards_are_marked_stale_with_one_classify_again_action(qtbot, make_window, photos, digits_models,
                                                                     tmp_path, monkeypatch):
    monkeypatch.setattr(view_module, "RECLASSIFY_LIMIT", 2)
    w = make_window()
    view = w.classify
    old = photos(3, folder="old")
    view.classify_paths([str(f) for f in old])
    wait_idle(qtbot, view)
    view.use_model(str(digits_models[0]))
    wait_for_model(qtbot, view, digits_models[0])
    assert view.banner.key == "stale"
    button = view.banner.button("reclassify")
    assert button is not None and "Digits v1" in button.text()
    assert "3" in view.banner.text.text() and "Digits v1" in view.banner.text.text()
    assert view.model.counts()["stale"] == 3 and "earlier model" in view.summary.text()
    assert all(r.model_name == IMAGENET_NAME for r in view.records())  # nothing relabelled silently

    # rows of two models in one export: each row says which model made it
    new = photos(1, folder="new")
    view.classify_paths([str(new[0])])
    wait_idle(qtbot, view)
    rows = export(qtbot, view, tmp_path / "mixed.csv")
    assert list(rows[0])[-4:] == ["error", "model", "model_file", "backend"]
    by_path = {r["path"]: r for r in rows}
    for f in old:
        row = by_path[str(f)]
        assert (row["model"], row["model_file"], row["backend"]) == (IMAGENET_NAME, "ImageNet ResNet-18",
                                                                     "PyTorch CPU, float32")
        assert row["top1_label"] not in DIGITS
    row = by_path[str(new[0])]
    assert (row["model"], row["model_file"]) == ("Digits v1", str(digits_models[0])) and row["top1_label"] in DIGITS

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, view)
    assert view.model.counts()["stale"] == 0 and not view.banner.isVisible()
    assert len(view.records()) == 4
    rows = export(qtbot, view, tmp_path / "one model.csv")
    assert {(r["model"], r["model_file"], r["backend"]) for r in rows} == {
        ("Digits v1", str(digits_models[0]), "PyTorch CPU, float32")}
    assert all(r["top1_label"] in DIGITS for r in rows)


def test_cards_cleared_while_classifying_again_do_not_come_back(qtbot, make_window, photos, digits_models):
    w = make_window()
    view = w.classify
    view.classify_paths([str(f) for f in photos(3)])
    wait_idle(qtbot, view)
    view.client.model_ready.connect(lambda _info: view.clear())  # right after the re-classification is asked
    view.use_model(str(digits_models[0]))
    wait_for_model(qtbot, view, digits_models[0])
    qtbot.wait(200)
    assert view.records() == [] and view.model.rowCount() == 0


def test_a_card_whose_file_is_gone_says_so_instead_of_keeping_the_old_answer(qtbot, make_window, photos,
                                                                              digits_models):
    w = make_window()
    view = w.classify
    kept, gone = photos(2)
    view.classify_paths([str(kept), str(gone)])
    wait_idle(qtbot, view)
    gone.unlink()
    view.use_model(str(digits_models[0]))
    wait_for_model(qtbot, view, digits_models[0])
    by_name = {r.name: r for r in view.records()}
    assert len(by_name) == 2 and view.model.counts()["stale"] == 0 and not view.banner.isVisible()
    assert by_name[kept.name].label in DIGITS and by_name[gone.name].model_name == "Digits v1"
    assert by_name[gone.name].error and by_name[gone.name].predictions == []
