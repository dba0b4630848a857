"""Training with torchrun: 2 CPU processes (gloo) against one process, one checkpoint, a lost rank.

Each test starts ``python -m torch.distributed.run --nproc_per_node=2 --standalone -m resnet_studio
train ...`` as a subprocess (what a user types), on a tiny generated dataset.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import make_shapes_dataset

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="torchrun subprocess tests run on Linux")


# --- quick checks of the pieces (default run) ------------------------------------------------------


def test_dist_context_reads_torchrun_environment(monkeypatch):
    from resnet_studio.engine.distributed import dist_context

    monkeypatch.delenv("WORLD_SIZE", raising=False)
    assert dist_context("cpu") is None
    monkeypatch.setenv("WORLD_SIZE", "1")
    assert dist_context("cpu") is None
    for name, value in (("WORLD_SIZE", "4"), ("RANK", "3"), ("LOCAL_RANK", "1"), ("LOCAL_WORLD_SIZE", "2")):
        monkeypatch.setenv(name, value)
    ctx = dist_context("cpu")
    assert (ctx.rank, ctx.world_size, ctx.local_rank, ctx.local_world_size, ctx.backend) == (3, 4, 1, 2, "gloo")
    assert not ctx.is_main


@pytest.mark.parametrize("augment", [False, True])
def test_batch_shares_add_up_to_the_single_process_batches(tmp_path, augment):
    """Each process's share of every batch, put together, is exactly the batch one process makes
    (same pictures, same random crops), whatever the number of processes."""
    import numpy as np

    from resnet_studio.engine.images import Preprocess
    from resnet_studio.engine.train_data import Augment, ImageBank, make_batches

    data = make_shapes_dataset(tmp_path / "shapes", per_class=7, size=24)
    paths = sorted(data.rglob("*.png"))
    bank = ImageBank(paths, Preprocess.for_image_size(16), in_ram=True)
    bank.load_all(workers=1)
    items = [(i, i % 3) for i in range(len(paths))]  # 21 pictures, batches of 6: last batch of 3
    aug = Augment() if augment else None

    def batches(shard):
        return list(make_batches(bank, items, 6, augment=aug, seed=5, epoch=2, shuffle=True,
                                 on_unreadable=lambda i, r: None, drop_single=True, shard=shard))

    one = batches(None)
    assert [len(y) for _, y, _ in one] == [6, 6, 6, 3]
    for world in (2, 3):
        shares = [batches((r, world)) for r in range(world)]
        # 3 left over is fewer than 2 per process: dropped this epoch for every process count
        expect = one if world == 1 else one[:3] if 3 < 2 * world else one
        assert all(len(s) == len(expect) for s in shares)
        for b, (x, y, pos) in enumerate(expect):
            xs = np.concatenate([shares[r][b][0].numpy() for r in range(world)])
            assert [k for r in range(world) for k in shares[r][b][2]] == pos
            assert np.array_equal(xs, x.numpy())
            assert all(len(shares[r][b][1]) >= 2 for r in range(world))


def _env() -> dict:
    env = dict(os.environ)
    env.update(OMP_NUM_THREADS="1", PYTHONUNBUFFERED="1", RESNET_STUDIO_DIST_TIMEOUT="60")
    env.pop("WORLD_SIZE", None)
    return env


def _torchrun(args: list[str], **kwargs) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node=2", "--standalone",
           "-m", "resnet_studio", "train", *args]
    return subprocess.Popen(cmd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def _one_process(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "resnet_studio", "train", *args], env=_env(),
                          capture_output=True, text=True, timeout=300)


def _last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def _weights(path: Path) -> dict:
    from resnet_studio.engine.modelfile import load_model_file

    return load_model_file(path)[1]


@pytest.mark.slow
def test_head_mode_two_processes_same_model_one_file(tmp_path):
    """Head mode: each process extracts its share of the features into the shared cache, rank 0
    trains the last layer: the model is the one a single process makes, saved once."""
    data = make_shapes_dataset(tmp_path / "shapes", per_class=6, size=32)
    common = [str(data), "--mode", "head", "--no-pretrained", "--image-size", "32", "--epochs", "5", "--json"]
    out_dir = tmp_path / "two"
    out_dir.mkdir()
    proc = _torchrun(common + ["--out", str(out_dir / "m.safetensors")])
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr[-3000:]
    result = _last_json(stdout)
    assert result["settings"]["processes"] == 2
    # only rank 0 printed a result and wrote a model
    assert stdout.count('"model_path"') == 1
    assert sorted(p.name for p in out_dir.iterdir()) == ["m.safetensors"]

    single = _one_process(common + ["--out", str(tmp_path / "one.safetensors")])
    assert single.returncode == 0, single.stderr[-3000:]
    one = _last_json(single.stdout)
    assert result["val_accuracy"] == pytest.approx(one["val_accuracy"])
    assert result["val_loss"] == pytest.approx(one["val_loss"], rel=1e-4, abs=1e-5)
    a, b = _weights(out_dir / "m.safetensors"), _weights(tmp_path / "one.safetensors")
    for key in ("fc.weight", "fc.bias"):
        assert float((a[key] - b[key]).abs().max()) < 1e-4


@pytest.mark.slow
def test_full_training_two_processes_matches_one_within_tolerance(tmp_path):
    """Every layer learns, global batch 16 = 2 x 8: DDP averages the gradients, so the model is the
    single-process one up to batch-norm statistics (per process on the CPU) and rounding."""
    data = make_shapes_dataset(tmp_path / "shapes", per_class=10, size=32)
    common = [str(data), "--mode", "full", "--no-pretrained", "--image-size", "32", "--epochs", "1",
              "--batch-size", "16", "--lr", "0.02", "--no-augment", "--json"]
    proc = _torchrun(common + ["--out", str(tmp_path / "two.safetensors")])
    single = _one_process(common + ["--out", str(tmp_path / "one.safetensors")])
    stdout, stderr = proc.communicate(timeout=400)
    assert proc.returncode == 0, stderr[-3000:]
    assert single.returncode == 0, single.stderr[-3000:]
    two, one = _last_json(stdout), _last_json(single.stdout)
    assert two["n_train"] == one["n_train"] and two["settings"]["batch_size"] == 16
    assert two["settings"]["batch_per_process"] == 8
    # same start, same pictures per step: the losses differ only by batch-norm statistics
    assert abs(two["history"][0]["train_loss"] - one["history"][0]["train_loss"]) < 0.15
    a, b = _weights(tmp_path / "two.safetensors"), _weights(tmp_path / "one.safetensors")
    init = _random_init()
    # (batch norm over 8 pictures instead of 16 bends the gradients of the first layers most: even
    # at the start their cosine is only ~0.75; the last layers agree closely)
    for key in ("layer4.1.conv2.weight", "fc.weight"):
        da, db = (a[key] - init[key]).flatten(), (b[key] - init[key]).flatten()
        cos = float(da @ db / (da.norm() * db.norm()))
        print(key, cos)
        assert cos > 0.6, (key, cos)  # the two runs moved the weights the same way (~0.8 measured)
    assert [p.name for p in tmp_path.glob("*.safetensors")].count("two.safetensors") == 1


def _random_init() -> dict:
    """The weights both runs started from (same seed)."""
    import torch

    from resnet_studio.engine.zoo import build_model

    torch.manual_seed(0)
    return build_model("resnet18", num_classes=3, small_input=True).state_dict()


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_bytes()
            ppid = int(stat.rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid:
            out.append(int(entry.name))
    return out


def _rank_of(pid: int) -> int | None:
    try:
        env = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return None
    for item in env:
        if item.startswith(b"RANK="):
            return int(item[5:])
    return None


def test_killed_rank_stops_the_other_with_a_clear_error(tmp_path):
    """(In the default run: ~13 s on a quiet machine; it must never hang, so every wait has a limit.)"""
    data = make_shapes_dataset(tmp_path / "shapes", per_class=6, size=32)
    model = tmp_path / "m.safetensors"
    proc = _torchrun([str(data), "--mode", "full", "--no-pretrained", "--image-size", "32", "--epochs", "200",
                      "--batch-size", "8", "--out", str(model)])
    try:
        deadline = time.monotonic() + 240
        # rank 0 saved the best so far after the first epoch (beside the output): training is under way
        while not (model.exists() or model.with_name("m.partial.safetensors").exists()):
            assert proc.poll() is None, proc.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "training did not start"
            time.sleep(0.2)
        workers = {_rank_of(p): p for p in _children(proc.pid)}
        assert 1 in workers, workers
        os.kill(workers[1], signal.SIGKILL)
        t_kill = time.monotonic()
        _, stderr = proc.communicate(timeout=90)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0
    assert time.monotonic() - t_kill < 90
    assert "process 1 stopped unexpectedly" in stderr, stderr[-3000:]
    assert model.exists()  # the best model so far took the free output name
