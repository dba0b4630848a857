"""Training runs are kept: recorded by train() (cancelled ones too), listed newest first, loaded,
deleted; a damaged record is skipped and a failure to record never fails the training."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from resnet_studio.engine import runs
from resnet_studio.engine.errors import OutputWriteError
from resnet_studio.engine.paths import runs_dir, user_data_dir
from resnet_studio.engine.train import EpochEvent, TrainConfig, TrainResult, train
from tests.conftest import make_shapes_dataset


def fake_result(*, accuracy: float = 0.75, epochs: int = 3, lr: float = 0.1, cancelled: bool = False,
                model_path: Path | None = Path("/models/pets.safetensors")) -> TrainResult:
    history = [
        EpochEvent(epoch=e, epochs=epochs, train_loss=1.0 / e, train_accuracy=0.5 + 0.1 * e, val_loss=1.2 / e,
                   val_accuracy=accuracy * e / epochs, best_val_accuracy=accuracy * e / epochs, is_best=True,
                   seconds=0.5)
        for e in range(1, epochs + 1)
    ]
    return TrainResult(
        model_path=model_path, mode="head", arch="resnet18", classes=["cat", "dog"], epochs_run=epochs,
        val_accuracy=accuracy, best_epoch=epochs, train_loss=0.3, val_loss=0.4,
        per_class=[{"name": "cat", "precision": 0.8, "recall": 0.7, "support": 10}],
        confusion_matrix=[[7, 3], [2, 8]], misclassified=[{"path": "/x.jpg", "true": "cat", "predicted": "dog",
                                                           "confidence": 0.9}],
        history=history, skipped=[("/bad.jpg", "damaged")], cancelled=cancelled, seconds=12.5,
        settings={"mode": "head", "arch": "resnet18", "lr": lr, "epochs": epochs, "batch_size": 16},
        train_accuracy=0.9, n_train=16, n_val=20,
    )


def test_record_list_load_delete(tmp_path):
    data = tmp_path / "pets 宠物"
    first = runs.record_run(fake_result(accuracy=0.6), data, name="Pets")
    second = runs.record_run(fake_result(accuracy=0.8, lr=0.01), data, name="Pets, slower")
    assert first.run_id != second.run_id
    files = sorted(p.name for p in runs_dir().iterdir())
    assert files == sorted([f"{first.run_id}.json", f"{second.run_id}.json"])
    assert runs_dir() == user_data_dir() / "runs"

    listed = runs.list_runs()
    assert [r.run_id for r in listed] == [second.run_id, first.run_id] or \
        sorted(r.run_id for r in listed) == sorted([first.run_id, second.run_id])  # same second: id order
    loaded = runs.load_run(second.run_id)
    assert loaded == second
    assert loaded.name == "Pets, slower" and loaded.data_dir == str(data.resolve())
    assert loaded.model_path == str(Path("/models/pets.safetensors"))
    assert loaded.settings["lr"] == 0.01 and loaded.mode == "head" and loaded.arch == "resnet18"
    assert [h["epoch"] for h in loaded.history] == [1, 2, 3]
    assert loaded.history[-1]["val_accuracy"] == pytest.approx(0.8)
    assert loaded.metrics["val_accuracy"] == 0.8 and loaded.metrics["skipped"] == 1
    assert loaded.metrics["confusion_matrix"] == [[7, 3], [2, 8]]
    assert loaded.classes == ["cat", "dog"] and not loaded.cancelled and loaded.seconds == 12.5

    runs.delete_run(first.run_id)
    assert [r.run_id for r in runs.list_runs()] == [second.run_id]
    with pytest.raises(runs.RunError, match="does not exist"):
        runs.load_run(first.run_id)
    runs.delete_run(first.run_id)  # already gone: nothing to do


def test_newest_first(tmp_path):
    import datetime as dt

    older = runs.record_from_result(fake_result(), tmp_path, name="old", run_id="20240101-100000-aaaaaa")
    older.started = "2024-01-01T10:00:00+00:00"
    newer = runs.record_from_result(fake_result(), tmp_path, name="new", run_id="20240301-100000-bbbbbb")
    newer.started = "2024-03-01T10:00:00+00:00"
    runs.save_run(older)
    runs.save_run(newer)
    assert [r.name for r in runs.list_runs()] == ["new", "old"]
    assert runs.new_run_id(dt.datetime(2025, 1, 31, 14, 25, 1)).startswith("20250131-142501-")


def test_unreadable_records_are_skipped(tmp_path):
    good = runs.record_run(fake_result(), tmp_path, name="good")
    folder = runs_dir()
    (folder / "20240101-000000-000000.json").write_text("{ not json", encoding="utf-8")
    (folder / "20240101-000001-000001.json").write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    (folder / "20240101-000002-000002.json").write_bytes(b"\xff\xfe\x00garbage")
    newer = dict(good.to_dict(), run_id="20240101-000003-000003", format_version=99)
    (folder / "20240101-000003-000003.json").write_text(json.dumps(newer), encoding="utf-8")
    (folder / "notes.txt").write_text("not a run")
    (folder / "not-a-run.json").write_text("{}")
    assert [r.run_id for r in runs.list_runs()] == [good.run_id]
    with pytest.raises(runs.RunError, match="damaged"):
        runs.load_run("20240101-000000-000000")


def test_run_ids_cannot_name_other_files(tmp_path):
    secret = user_data_dir() / "secret.json"
    secret.write_text("{}")
    for bad in ("../secret", "..", "", "x/../../secret"):
        with pytest.raises(runs.RunError):
            runs.load_run(bad)
        with pytest.raises(runs.RunError):
            runs.delete_run(bad)
    assert secret.exists()


def test_a_run_without_any_epoch_and_odd_numbers_is_recorded(tmp_path):
    r = fake_result(cancelled=True, model_path=None)
    r.history, r.epochs_run, r.val_loss = [], 0, float("nan")
    rec = runs.record_run(r, tmp_path / "pets")
    assert rec.run_id == r.run_id
    loaded = runs.load_run(rec.run_id)
    assert loaded.cancelled and loaded.model_path is None and loaded.history == []
    assert loaded.metrics["val_accuracy"] is None and loaded.val_accuracy is None
    assert loaded.name == "pets"  # no model file: named after the folder


def test_failing_to_record_becomes_a_warning(tmp_path, monkeypatch):
    def full_disk(record, folder=None):
        raise OutputWriteError("Could not save the run: the disk is full.")

    monkeypatch.setattr(runs, "save_run", full_disk)
    r = fake_result()
    runs.record_after_training(r, tmp_path)
    assert r.run_id == ""
    assert any("the disk is full" in w for w in r.warnings)


def test_update_model_path_follows_a_rename(tmp_path):
    rec = runs.record_run(fake_result(), tmp_path, name="provisional")
    runs.update_model_path(rec.run_id, tmp_path / "Pets.safetensors", name="Pets")
    loaded = runs.load_run(rec.run_id)
    assert loaded.model_path == str(tmp_path / "Pets.safetensors") and loaded.name == "Pets"


# --- through train() -------------------------------------------------------------------------------

@pytest.fixture
def shapes(tmp_path) -> Path:
    return make_shapes_dataset(tmp_path / "shapes", per_class=6, size=32)


@pytest.mark.usefixtures("torch_one_thread")
def test_train_writes_a_record(tmp_path, shapes, fake_imagenet_weights):
    fake_imagenet_weights("resnet18")
    cfg = TrainConfig(mode="head", epochs=3, image_size=32, batch_size=8, cache_dir=tmp_path / "f", name="Shapes")
    result = train(shapes, tmp_path / "shapes.safetensors", cfg)
    assert result.run_id
    rec = runs.load_run(result.run_id)
    assert rec.name == "Shapes" and rec.data_dir == str(shapes.resolve())
    assert rec.model_path == str(tmp_path / "shapes.safetensors") and not rec.cancelled
    assert [h["epoch"] for h in rec.history] == [1, 2, 3]
    assert rec.metrics["val_accuracy"] == pytest.approx(result.val_accuracy)
    assert rec.settings["mode"] == "head" and rec.settings["epochs"] == 3 and rec.settings["image_size"] == 32
    assert rec.classes == ["circle", "square", "triangle"]
    assert [r.run_id for r in runs.list_runs()] == [result.run_id]


@pytest.mark.usefixtures("torch_one_thread")
def test_a_cancelled_run_is_recorded_as_cancelled(tmp_path, shapes, fake_imagenet_weights):
    fake_imagenet_weights("resnet18")
    cancel = threading.Event()

    def on_event(ev):
        if type(ev).__name__ == "EpochEvent" and ev.epoch == 2:
            cancel.set()

    cfg = TrainConfig(mode="head", epochs=20, image_size=32, batch_size=8, cache_dir=tmp_path / "f")
    result = train(shapes, tmp_path / "c.safetensors", cfg, on_event=on_event, cancel=cancel)
    assert result.cancelled and result.run_id
    rec = runs.load_run(result.run_id)
    assert rec.cancelled and len(rec.history) == 2 and rec.model_path == str(tmp_path / "c.safetensors")


@pytest.mark.usefixtures("torch_one_thread")
def test_training_goes_on_when_the_runs_folder_cannot_be_written(tmp_path, shapes, fake_imagenet_weights,
                                                                 monkeypatch):
    fake_imagenet_weights("resnet18")
    real_replace = os.replace

    def no_runs(src, dst, *a, **kw):
        if Path(dst).parent.name == "runs":
            raise OSError(28, "No space left on device")
        return real_replace(src, dst, *a, **kw)

    monkeypatch.setattr(os, "replace", no_runs)
    cfg = TrainConfig(mode="head", epochs=2, image_size=32, batch_size=8, cache_dir=tmp_path / "f")
    result = train(shapes, tmp_path / "m.safetensors", cfg)
    assert result.model_path and Path(result.model_path).is_file()
    assert result.run_id == "" and any("disk is full" in w for w in result.warnings)
    assert runs.list_runs() == [] and not [p for p in runs_dir().iterdir()]  # no half record left
