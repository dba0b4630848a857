"""Training faults: the process killed while it writes a checkpoint, and an output folder that is
full or read-only. Nothing the user had is lost and nothing half-written is left under the real
name.

* SIGKILL: a real child process runs ``engine.train.train`` in "full" mode, which saves the best
  model after every better epoch (to ``NAME.partial.safetensors`` beside the output, which is only
  written when the run ends). It is killed while one of those saves is half-written. The checkpoint
  file left is the previous checkpoint, byte for byte, and it loads and classifies.
* Full disk / read-only folder: for real on a small tmpfs (where this machine allows mounting;
  ``small_disk`` comes from ``test_reliability_faults``), and simulated (``fsync`` fails with
  ENOSPC) everywhere. Both ``train()`` and ``resnet-studio train`` are checked.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from resnet_studio.cli import main
from resnet_studio.engine.errors import OutputWriteError
from resnet_studio.engine.train import TrainConfig, train
from tests.conftest import make_shapes_dataset, save_image
from tests.test_reliability_faults import _fill, _remount_read_only, small_disk  # noqa: F401 - fixture

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.usefixtures("torch_one_thread")

# From scratch, every layer trained: a checkpoint (all of ResNet-18, 45 MB) after each better epoch.
FULL = dict(arch="resnet18", mode="full", pretrained=False, image_size=32, batch_size=8, augment=False,
            workers=1, lr=0.001)


@pytest.fixture
def tiny_dataset(tmp_path) -> Path:
    return make_shapes_dataset(tmp_path / "data", classes=("circle", "square"), per_class=4, size=32)


def parts(folder: Path, target: str) -> list[Path]:
    return [folder / n for n in os.listdir(folder) if n.startswith(f".{target}.") and n.endswith(".part")]


# --------------------------------------------------------------------------------- SIGKILL mid-checkpoint

TRAIN_CHILD = """
    import sys, torch
    torch.set_num_threads(1)
    from resnet_studio.engine.train import TrainConfig, train
    config = TrainConfig(**{cfg!r}, epochs=100000)
    train(sys.argv[1], sys.argv[2], config)
"""


def test_sigkill_while_train_saves_a_checkpoint_keeps_the_previous_one(tmp_path, tiny_dataset):
    from resnet_studio.engine.modelfile import load_model_file
    from resnet_studio.engine.predict import Predictor

    out_dir = tmp_path / "models 模型"
    out_dir.mkdir()
    final = out_dir / "shapes.safetensors"
    # a running training keeps its checkpoints beside the output; the output is written at the end
    target = out_dir / "shapes.partial.safetensors"
    log = (tmp_path / "child.log").open("wb")
    env = dict(os.environ, PYTHONPATH=str(REPO), OMP_NUM_THREADS="1")
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(TRAIN_CHILD.format(cfg=FULL)),
                             str(tiny_dataset), str(final)], env=env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        # Let it replace the checkpoint twice (so "previous" is a checkpoint of this very run),
        # then kill it as soon as the next one is half-written.
        seen_inodes: set[int] = set()
        held = None
        deadline = time.monotonic() + 180
        part, part_size = None, 0
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                seen_inodes.add(target.stat().st_ino)
            except FileNotFoundError:
                pass
            if len(seen_inodes) >= 2:
                if held is None:
                    held = target.open("rb")  # the file under the real name right now
                found = [p for p in parts(out_dir, target.name) if p.exists() and p.stat().st_size > 1_000_000]
                if found and os.fstat(held.fileno()).st_ino == target.stat().st_ino:
                    os.kill(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=30)
                    part, part_size = found[0], found[0].stat().st_size
                    break
                if not found and os.fstat(held.fileno()).st_ino != target.stat().st_ino:
                    held.close()  # a newer checkpoint landed before we saw its .part: hold that one
                    held = None
            time.sleep(0.0005)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        log.close()
    assert part is not None, (tmp_path / "child.log").read_text(errors="replace")[-3000:]
    assert proc.returncode == -signal.SIGKILL
    assert not final.exists(), "the output is only written when the run ends"

    # The checkpoint under the real name is the one that was there when the kill came, whole.
    previous = held.read()
    held.close()
    assert target.read_bytes() == previous
    info, state = load_model_file(target)
    assert info.classes == ["circle", "square"] and info.metrics["best_epoch"] >= 1
    assert "fc.weight" in state and tuple(state["fc.weight"].shape) == (2, 512)
    photo = save_image(tmp_path / "photo.png", size=(32, 32))
    (r,) = list(Predictor(target, device="cpu", backend="torch").classify_paths([photo]))
    assert r.error is None and r.predictions[0].label in {"circle", "square"}
    # What was killed was a real, half-written checkpoint; it stays hidden beside the file.
    assert part.exists() and part.name.startswith(".") and 0 < part_size < len(previous) + 1_000_000
    part.unlink()


# --------------------------------------------------------------------------------- full / read-only

@pytest.fixture
def disk_full_on_fsync(monkeypatch):
    """Every fsync fails as on a full disk (the write itself went to the page cache)."""
    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)


def test_training_into_a_full_folder_simulated_says_so_and_keeps_the_old_model(
        tmp_path, tiny_dataset, disk_full_on_fsync, capsys):
    out = tmp_path / "out" / "shapes.safetensors"
    out.parent.mkdir()
    out.write_bytes(b"the user's older model")
    with pytest.raises(OutputWriteError, match="the disk is full") as caught:
        train(tiny_dataset, out, TrainConfig(**FULL, epochs=1))
    assert "shapes.safetensors" in str(caught.value)
    assert out.read_bytes() == b"the user's older model"
    assert sorted(os.listdir(out.parent)) == ["shapes.safetensors"], "no partial file left"

    code = main(["train", str(tiny_dataset), "--out", str(out), "--mode", "full", "--no-pretrained",
                 "--epochs", "1", "--image-size", "32", "--batch-size", "8"])
    captured = capsys.readouterr()
    assert code == 2
    lines = [ln for ln in captured.err.splitlines() if "error" in ln.lower()]
    assert len(lines) == 1 and "the disk is full" in lines[0], captured.err
    assert "Traceback" not in captured.err
    assert out.read_bytes() == b"the user's older model"
    assert sorted(os.listdir(out.parent)) == ["shapes.safetensors"]


def test_training_into_a_full_disk_for_real(small_disk, tiny_dataset):  # noqa: F811
    out = small_disk / "shapes.safetensors"
    out.write_bytes(b"old model")
    _fill(small_disk)
    with pytest.raises(OutputWriteError, match="the disk is full"):
        train(tiny_dataset, out, TrainConfig(**FULL, epochs=1))
    assert out.read_bytes() == b"old model"
    assert sorted(os.listdir(small_disk)) == ["filler.bin", "filler2.bin", "shapes.safetensors"]


def test_training_into_a_read_only_disk_for_real(small_disk, tiny_dataset, capsys):  # noqa: F811
    out = small_disk / "shapes.safetensors"
    out.write_bytes(b"old model")
    _remount_read_only(small_disk)
    started = time.monotonic()
    with pytest.raises(OutputWriteError) as caught:
        train(tiny_dataset, out, TrainConfig(**FULL, epochs=50))
    # Refused before any training, not after the last epoch.
    assert time.monotonic() - started < 30
    message = str(caught.value)
    assert "shapes.safetensors" in message and "read-only disk" in message
    code = main(["train", str(tiny_dataset), "--out", str(out), "--mode", "full", "--no-pretrained",
                 "--epochs", "1", "--image-size", "32"])
    captured = capsys.readouterr()
    assert code == 2 and "Traceback" not in captured.err
    assert out.read_bytes() == b"old model"
    assert sorted(os.listdir(small_disk)) == ["shapes.safetensors"]
