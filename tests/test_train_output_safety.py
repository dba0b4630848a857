"""Training outputs: nothing the user made is lost (issue 13, "Outputs").

* A model file already at ``--out`` stays whole until the new run ends: the best model so far
  lives beside it in ``NAME.partial.safetensors`` and takes its place at the end. A run that
  crashes, or is killed (SIGKILL of a real ``resnet-studio train``), leaves the old file byte for
  byte and the partial file findable; the next run is not blocked by the dead one.
* A cancelled run never replaces a model file the user already had (its best model stays beside it,
  with a warning); without one it is put in place, as before.
* Two runs saving to the same file: the second is refused at the start with OutputInUseError
  (CLI: exit 2, one line), and the first one's model is the one saved.
* A folder as ``--out`` means "a new file in there", named after the data folder, never replacing
  one; a name ending in a separator is created.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import resnet_studio
from resnet_studio.cli import main
from resnet_studio.engine.errors import StudioError
from resnet_studio.engine.modelfile import read_model_info
from resnet_studio.engine.train import EpochEvent, TrainConfig, train
from tests.conftest import make_shapes_dataset

APP = Path(resnet_studio.__file__).resolve().parent.parent  # the code under test, for child processes

pytestmark = pytest.mark.usefixtures("torch_one_thread")

IN_USE = "Another training is saving to this model file right now. Choose another name, or wait for it to finish."
OLD = b"the user's previous model, not to be lost"
# From scratch, every layer trained: the best model is saved after every better epoch (not only at the end).
FULL = dict(arch="resnet18", mode="full", pretrained=False, image_size=32, batch_size=8, augment=False,
            workers=1, lr=0.001)
FULL_CLI = ["--mode", "full", "--no-pretrained", "--image-size", "32", "--batch-size", "8", "--no-augment"]


class Crash(Exception):
    """Stands for anything that ends a run half-way (a bug, a full memory, a power cut)."""


@pytest.fixture
def data(tmp_path) -> Path:
    return make_shapes_dataset(tmp_path / "shapes", classes=("circle", "square"), per_class=4, size=32)


def partial_of(out: Path) -> Path:
    return out.with_name(out.stem + ".partial.safetensors")


def test_a_crash_after_the_first_save_keeps_the_previous_file_and_the_best_so_far_beside_it(tmp_path, data):
    out = tmp_path / "models" / "shapes.safetensors"
    out.parent.mkdir()
    out.write_bytes(OLD)
    seen = {}

    def on_event(e):
        if isinstance(e, EpochEvent) and e.epoch == 2:  # epoch 1 was the best so far, and saved
            seen["out"] = out.read_bytes()
            raise Crash

    with pytest.raises(Crash):
        train(data, out, TrainConfig(**FULL, epochs=5), on_event=on_event)
    assert seen["out"] == OLD, "the previous file was replaced during the run"
    assert out.read_bytes() == OLD
    info = read_model_info(partial_of(out))
    assert info.classes == ["circle", "square"] and info.metrics["best_epoch"] == 1
    assert info.name == "shapes"  # named after the output, not after the partial file
    # the lock went with the run; only the two model files are left
    assert sorted(os.listdir(out.parent)) == ["shapes.partial.safetensors", "shapes.safetensors"]


def test_a_finished_run_replaces_the_file_and_a_cancelled_one_keeps_it(tmp_path, data):
    out = tmp_path / "m.safetensors"
    out.write_bytes(OLD)
    cancel = threading.Event()

    def stop_after_epoch_1(e):
        if isinstance(e, EpochEvent) and e.epoch == 1:
            cancel.set()

    r = train(data, out, TrainConfig(**FULL, epochs=5), on_event=stop_after_epoch_1, cancel=cancel)
    assert r.cancelled and r.epochs_run == 1
    assert out.read_bytes() == OLD
    assert r.model_path == partial_of(out) and read_model_info(r.model_path).metrics["best_epoch"] == 1
    assert any("left as it was" in w for w in r.warnings)

    r = train(data, out, TrainConfig(**FULL, epochs=2))  # run to the end: the new model takes the place
    assert not r.cancelled and r.model_path == out
    assert read_model_info(out).metrics["best_epoch"] >= 1
    assert sorted(os.listdir(tmp_path)) == ["m.safetensors", "shapes"], "no partial or lock left"


def test_a_second_run_on_the_same_file_is_refused_at_the_start(tmp_path, data, capsys):
    out = tmp_path / "m.safetensors"
    out.write_bytes(OLD)
    first_is_training, let_first_finish = threading.Event(), threading.Event()
    results = {}

    def hold(e):
        if isinstance(e, EpochEvent) and not first_is_training.is_set():
            first_is_training.set()
            let_first_finish.wait(60)

    def first():
        results["first"] = train(data, out, TrainConfig(**FULL, epochs=2), on_event=hold)

    t = threading.Thread(target=first)
    t.start()
    try:
        assert first_is_training.wait(120)
        code = main(["train", str(data), "--out", str(out), *FULL_CLI, "--epochs", "1"])
        captured = capsys.readouterr()
        with pytest.raises(StudioError, match="Another training is saving") as refused:
            train(data, out, TrainConfig(**FULL, epochs=1))
    finally:
        let_first_finish.set()
        t.join(120)
    assert type(refused.value).__name__ == "OutputInUseError"
    assert code == 2
    assert captured.err.strip().splitlines() == [f"resnet-studio: error: {IN_USE}"], captured.err
    assert "model saved" not in captured.out
    assert results["first"].model_path == out and read_model_info(out).metrics["best_epoch"] >= 1
    assert sorted(os.listdir(tmp_path)) == ["m.safetensors", "shapes"]


def test_a_folder_as_out_means_a_new_file_in_there(tmp_path, data, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "shapes.safetensors").write_bytes(OLD)  # a model of the same name is already there
    args = ["train", str(data), *FULL_CLI, "--epochs", "1"]
    assert main([*args, "--out", str(folder)]) == 0
    assert f"model saved: {folder / 'shapes (2).safetensors'}" in capsys.readouterr().out
    assert (folder / "shapes.safetensors").read_bytes() == OLD
    assert read_model_info(folder / "shapes (2).safetensors").classes == ["circle", "square"]
    assert not (tmp_path / "out.safetensors").exists()
    assert sorted(os.listdir(folder)) == ["shapes (2).safetensors", "shapes.safetensors"]

    # A name ending in a separator is a folder: created when its parent exists...
    new = tmp_path / "new models"
    assert main([*args, "--out", str(new) + os.sep, "--name", "my shapes"]) == 0
    assert os.listdir(new) == ["my shapes.safetensors"]
    assert not (tmp_path / "new models.safetensors").exists()
    # ...and refused, in one line, when it does not.
    capsys.readouterr()
    assert main([*args, "--out", str(tmp_path / "no" / "such") + os.sep]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "does not exist" in err[0]
    assert not (tmp_path / "no").exists()


# --------------------------------------------------------------------------- real processes


def _cli(args: list[str], **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(APP), OMP_NUM_THREADS="1")
    return subprocess.Popen([sys.executable, "-m", "resnet_studio", "train", *args], env=env, **kw)


def _wait_for_partial(proc: subprocess.Popen, out: Path, timeout: float = 240) -> None:
    """Until the running training has saved its first checkpoint (whole: no write in progress)."""
    partial = partial_of(out)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        assert out.read_bytes() == OLD, "the previous file was replaced during the run"
        writing = [n for n in os.listdir(out.parent) if n.endswith(".part")]
        if partial.exists() and not writing:
            return
        time.sleep(0.05)
    raise AssertionError(f"no checkpoint beside {out.name} (exit {proc.poll()})")


@pytest.mark.slow
def test_sigkill_of_a_real_training_keeps_the_previous_file_and_does_not_block_the_next(tmp_path, data):
    out = tmp_path / "models" / "shapes.safetensors"
    out.parent.mkdir()
    out.write_bytes(OLD)
    log = (tmp_path / "child.log").open("wb")
    proc = _cli([str(data), "--out", str(out), *FULL_CLI, "--epochs", "100000"], stdout=subprocess.DEVNULL,
                stderr=log)
    try:
        _wait_for_partial(proc, out)
        # a second process is refused while the first lives, before any work
        second = _cli([str(data), "--out", str(out), *FULL_CLI, "--epochs", "1"], stdout=subprocess.PIPE,
                      stderr=subprocess.PIPE)
        stdout, stderr = second.communicate(timeout=120)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        log.close()
    assert second.returncode == 2 and stderr.decode().strip() == f"resnet-studio: error: {IN_USE}", stderr
    assert b"model saved" not in stdout
    assert proc.returncode == -signal.SIGKILL
    assert out.read_bytes() == OLD
    assert read_model_info(partial_of(out)).metrics["best_epoch"] >= 1
    # The killed run's lock died with it: the next run goes ahead and its model takes the place.
    assert main(["train", str(data), "--out", str(out), *FULL_CLI, "--epochs", "1"]) == 0
    assert read_model_info(out).classes == ["circle", "square"]
    assert sorted(os.listdir(out.parent)) == ["shapes.safetensors"]
