"""Head training on more features than fit in memory (issue 6): peak memory and time, in memory
vs streamed from disk, measured in the same run; prints the ratios.

    .venv/bin/python bench/bench_feature_streaming.py                  # 200,000 x 512 (400 MB)
    .venv/bin/python bench/bench_feature_streaming.py --n 50000 --budget-mb 32

Data: N synthetic 512-number features (10 categories: a mean per category plus noise, so the last
layer has something to learn), written once through the real ``FeatureStore`` (the feature cache
of head training) in --work. Decoding 200,000 pictures is not what is measured, so extraction is
replaced by those cached features: each run calls the real ``_train_head`` (feature set built
from the cache, standardisation, epochs, validation, the saved model file) with
``cached_features`` answering from the synthetic cache through the real ``build_feature_set``.

Each mode runs in a fresh process started by a small wrapper that reports
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` (the peak resident memory of that one run):

* baseline: the same process with 1,000 features (imports, the network, the model file);
* in memory: ``RESNET_STUDIO_FEATURE_RAM_MB`` large, the features are read into one array;
* streamed: ``RESNET_STUDIO_FEATURE_RAM_MB`` = --budget-mb (default 64), the features are copied
  to one file in training order, memory-mapped and read a chunk at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "app"))

import numpy as np  # noqa: E402

CLASSES = 10
DIM = 512
BLOCK = 20_000


def keys_for(n: int) -> list[str]:
    return [f"synthetic-{i:08d}" for i in range(n)]


def label(i: int) -> int:
    return (i * 7919) % CLASSES  # categories mixed through the list, like a shuffled folder


def make_store(folder: Path, n: int) -> None:
    """N features in the real cache format (a chunk per 20,000, merged as the app merges them)."""
    from resnet_studio.engine.features import FeatureStore

    done = folder / f"done-{n}"
    if done.exists():
        return
    store = FeatureStore(folder / f"store-{n}")
    rng = np.random.default_rng(0)
    centres = rng.normal(0, 0.1, (CLASSES, DIM)).astype(np.float32)  # overlapping categories
    keys = keys_for(n)
    for a in range(0, n, BLOCK):
        b = min(a + BLOCK, n)
        y = np.array([label(i) for i in range(a, b)])
        x = np.maximum(0, centres[y] + rng.normal(0, 2.0, (b - a, DIM)).astype(np.float32))  # ReLU-like
        store.add(dict(zip(keys[a:b], x)), compact=False)
    store.compact()
    done.touch()


def child(folder: Path, n: int, epochs: int, out: Path) -> None:
    """One training run of the last layer on the cached synthetic features; prints a JSON line."""
    import threading
    from types import SimpleNamespace

    import torch

    from resnet_studio.engine import features, train
    from resnet_studio.engine.devices import pick_device

    store = features.FeatureStore(folder / f"store-{n}")
    keys = keys_for(n)
    built: dict = {}

    def cached_features(model, paths, preprocess, key, **kw):
        t = time.perf_counter()
        fs = features.build_feature_set(store, keys)
        built.update(streamed=fs.streamed, chunk_rows=fs.chunk_rows, build_seconds=time.perf_counter() - t)
        return fs

    features.cached_features = cached_features  # _train_head imports it when called
    n_val = n // 5
    samples = [(f"/synthetic/{i}.png", label(i)) for i in range(n)]
    split = SimpleNamespace(train=samples[:n - n_val], val=samples[n - n_val:], classes=[f"c{k}" for k in range(CLASSES)],
                            root=folder, layout="folders", skipped=[])
    config = train.TrainConfig(mode="head", pretrained=False, epochs=epochs, cache_dir=folder / "unused")
    device = pick_device("cpu")
    plan = train.plan_training(config, len(split.train), device.type)
    epochs_seen: list = []
    run = train._Run(config, plan, split, out, device,
                     lambda e: epochs_seen.append(e) if isinstance(e, train.EpochEvent) else None,
                     threading.Event(), time.perf_counter())
    model = train._build_model(config, plan, CLASSES, None)
    t = time.perf_counter()
    train._train_head(run, model, None)
    seconds = time.perf_counter() - t
    r = run.result()
    print(json.dumps({"seconds": seconds, "val_accuracy": r.val_accuracy, "val_loss": r.val_loss,
                      "train_loss": [e.train_loss for e in epochs_seen], "saved": bool(r.model_path),
                      "epoch_seconds": [e.seconds for e in epochs_seen], **built}))
    del torch


def measure(args, n: int, budget_mb: float, tag: str) -> dict:
    """Run ``child`` in a fresh process under a wrapper that reports the child's peak memory."""
    wrapper = ("import json, resource, subprocess, sys, time\n"
               "t = time.perf_counter(); p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
               "wall = time.perf_counter() - t\n"
               "if p.returncode: sys.stderr.write(p.stderr); sys.exit(p.returncode)\n"
               "r = json.loads(p.stdout.strip().splitlines()[-1])\n"
               "r.update(wall=wall, maxrss_kb=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
               "print(json.dumps(r))\n")
    env = dict(os.environ, RESNET_STUDIO_FEATURE_RAM_MB=str(budget_mb), OMP_WAIT_POLICY="PASSIVE",
               RESNET_STUDIO_DATA_DIR=str(args.work / "user_data"))
    cmd = [sys.executable, "-c", wrapper, sys.executable, str(Path(__file__).resolve()), "--child",
           "--n", str(n), "--epochs", str(args.epochs), "--work", str(args.work),
           "--out", str(args.work / f"{tag}.safetensors")]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode:
        raise SystemExit(f"{tag} failed:\n{p.stderr[-4000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200_000, help="features (pictures)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--budget-mb", type=float, default=64.0, help="memory budget of the streamed run")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "resnet-studio-bench-streaming")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.child:
        child(args.work, args.n, args.epochs, args.out)
        return

    small = 1000
    t = time.perf_counter()
    make_store(args.work, args.n)
    make_store(args.work, small)
    mb = args.n * DIM * 4 / 2**20
    print(f"{args.n:,} features x {DIM} float32 = {mb:.0f} MB (cache written in {time.perf_counter() - t:.1f} s); "
          f"{args.epochs} epochs, batch 128, 1 CPU thread for the head")
    base = measure(args, small, 100_000, "baseline")
    ram = measure(args, args.n, 100_000, "ram")
    stream = measure(args, args.n, args.budget_mb, "stream")
    assert not ram["streamed"] and stream["streamed"] and ram["saved"] and stream["saved"]

    def row(name, r):
        epoch = sum(r["epoch_seconds"]) / len(r["epoch_seconds"])
        return (f"{name:<24} peak RSS {r['maxrss_kb'] / 1024:7.0f} MB   features ready {r['build_seconds']:6.1f} s"
                f"   epoch {epoch:5.2f} s   _train_head {r['seconds']:6.1f} s   val acc {r['val_accuracy']:.4f}  val loss {r['val_loss']:.4f}")

    print(row(f"baseline ({small:,})", base))
    print(row("in memory", ram))
    print(row(f"streamed ({args.budget_mb:g} MB budget)", stream))
    over_ram = (ram["maxrss_kb"] - base["maxrss_kb"]) / 1024
    over_stream = (stream["maxrss_kb"] - base["maxrss_kb"]) / 1024
    print(f"memory above baseline: in memory {over_ram:.0f} MB, streamed {over_stream:.0f} MB "
          f"(chunks of {stream['chunk_rows']:,} rows = {stream['chunk_rows'] * DIM * 4 / 2**20:.0f} MB)")
    print(f"ratio peak RSS in memory / streamed: {ram['maxrss_kb'] / stream['maxrss_kb']:.2f}x; "
          f"above baseline: {over_ram / max(over_stream, 1):.1f}x")
    print(f"ratio time streamed / in memory (_train_head): {stream['seconds'] / ram['seconds']:.2f}x; "
          f"per epoch: {sum(stream['epoch_seconds']) / sum(ram['epoch_seconds']):.2f}x")
    print(f"same result: val accuracy {ram['val_accuracy']:.4f} vs {stream['val_accuracy']:.4f}, "
          f"last train loss {ram['train_loss'][-1]:.4f} vs {stream['train_loss'][-1]:.4f}")


if __name__ == "__main__":
    main()
