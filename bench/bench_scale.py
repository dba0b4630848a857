"""Classifying 10,000 small images: memory stays flat and throughput holds.

    .venv/bin/python bench/bench_scale.py [--sizes 1000,10000,1000] [--backend auto] [--keep-results]

Generates 10,000 JPEGs of 64-320 px once (cached in the temp folder), then for each size runs a
fresh process that loads a ResNet-18 model file (random weights, 10 classes, 224 px input: the
work is the same as with real weights) into a ``Predictor`` and streams ``classify_paths`` into
``write_results_csv`` — what ``resnet-studio classify FOLDER --csv out.csv`` does. Each process
reports its peak RSS (``ru_maxrss``), its RSS and images/s every 1,000 images, and overall
images/s (model loading excluded). The 1,000-image runs (before and after the big one, to bracket
changes in machine load) are the baseline: the script prints the peak-RSS growth from 1,000 to
10,000 images and the throughput ratio. ``--keep-results`` also holds every ClassifyResult in
a list, as the GUI's results table does (without thumbnails), to show what that costs per image.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

CLASSES = [f"class {i}" for i in range(10)]


def generate(root: Path, n: int) -> list[Path]:
    marker = root / f".complete-{n}"
    paths = [root / f"{i // 1000:02d}" / f"img_{i:05d}.jpg" for i in range(n)]
    if marker.exists():
        return paths
    rng = np.random.default_rng(0)
    for i, p in enumerate(paths):
        w, h = (int(v) for v in rng.integers(64, 321, 2))
        yy, xx = np.mgrid[0:h, 0:w]
        arr = np.stack([(xx * 255) // w, (yy * 255) // h, ((xx + yy + i) * 3) % 256], -1)
        arr = np.clip(arr + rng.integers(-25, 25, arr.shape), 0, 255).astype(np.uint8)
        p.parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(arr).save(p, quality=85)
    marker.write_text("ok")
    return paths


def make_model(path: Path) -> Path:
    if path.exists():
        return path
    import torch

    from resnet_studio.engine.images import Preprocess
    from resnet_studio.engine.modelfile import ModelInfo, save_model_file
    from resnet_studio.engine.zoo import build_model

    torch.manual_seed(0)
    model = build_model("resnet18", num_classes=len(CLASSES))
    info = ModelInfo(arch="resnet18", classes=CLASSES, preprocess=Preprocess(), name="bench")
    return save_model_file(path, model.state_dict(), info)


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(args) -> None:
    """One measured run, in its own process so its peak RSS is its own."""
    from resnet_studio.engine.predict import Predictor, write_results_csv

    paths = [Path(p) for p in json.loads(Path(args.paths_file).read_text())][: args.child]
    predictor = Predictor(args.model, device="cpu", backend=args.backend, batch_size=16, top_k=5)
    list(predictor.classify_paths(paths[:32]))  # warm up: first-run allocations are not growth
    start_rss, start_peak = rss_mb(), peak_mb()
    samples: list[tuple[int, float]] = []
    kept: list = []
    state = {"n": 0, "failed": 0}

    def stream():
        for r in predictor.classify_paths(paths):
            state["n"] += 1
            state["failed"] += r.error is not None
            if args.keep_results:
                kept.append(r)
            if state["n"] % 1000 == 0:
                samples.append((state["n"], round(rss_mb(), 1), time.perf_counter() - t0))
            yield r

    t0 = time.perf_counter()
    out = Path(tempfile.gettempdir()) / f"rs_bench_scale_{os.getpid()}.csv"
    write_results_csv(stream(), out, 5)
    seconds = time.perf_counter() - t0
    out.unlink(missing_ok=True)
    print(json.dumps({
        "images": state["n"], "failed": state["failed"], "seconds": seconds,
        "images_per_s": state["n"] / seconds, "backend": predictor.device_description,
        "rss_after_load_mb": start_rss, "peak_after_load_mb": start_peak,
        "rss_end_mb": rss_mb(), "peak_mb": peak_mb(), "samples": samples,
    }))


def main() -> int:
    ap = argparse.ArgumentParser()
    # the 1,000-image baseline runs before and after the big run, so a change in machine load
    # during the big run shows up instead of passing for a slowdown
    ap.add_argument("--sizes", default="1000,10000,1000")
    ap.add_argument("--backend", default="auto")
    ap.add_argument("--keep-results", action="store_true")
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "rs_bench_scale")
    ap.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--model", default="", help=argparse.SUPPRESS)
    ap.add_argument("--paths-file", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    t = time.perf_counter()
    paths = generate(args.dir / "images", max(sizes))
    print(f"{max(sizes)} JPEGs of 64-320 px in {args.dir / 'images'} ({time.perf_counter() - t:.1f} s to prepare); "
          f"cpus={os.cpu_count()}")
    os.environ.setdefault("RESNET_STUDIO_CACHE_DIR", str(args.dir / "cache"))
    model = make_model(args.dir / "resnet18-10-classes.safetensors")
    paths_file = args.dir / "paths.json"
    paths_file.write_text(json.dumps([str(p) for p in paths]))

    runs: list[dict] = []
    for n in sizes:
        cmd = [sys.executable, __file__, "--child", str(n), "--model", str(model), "--paths-file", str(paths_file),
               "--backend", args.backend] + (["--keep-results"] if args.keep_results else [])
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        runs.append(r)
        print(f"{n:>6} images: {r['images_per_s']:6.1f} images/s ({r['seconds']:.1f} s, {r['failed']} failed) "
              f"on {r['backend']}; RSS after load {r['rss_after_load_mb']:.0f} MB, "
              f"end {r['rss_end_mb']:.0f} MB, peak {r['peak_mb']:.0f} MB; load average {os.getloadavg()[0]:.1f}")
        if len(r["samples"]) > 1:
            print("        RSS every 1,000 images (MB): " + ", ".join(f"{v:.0f}" for _, v, _ in r["samples"]))
            times = [0.0] + [t for _, _, t in r["samples"]]
            print("        images/s per 1,000 images:   " + ", ".join(
                f"{1000 / (b - a):.1f}" for a, b in zip(times, times[1:])))
    small = [r for r in runs if r["images"] == min(sizes)]
    big = [r for r in runs if r["images"] == max(sizes)]
    if small and big and min(sizes) != max(sizes):
        a_peak = max(r["peak_mb"] for r in small)
        b = big[0]
        a_rate = sum(r["images_per_s"] for r in small) / len(small)
        per_image_kb = (b["rss_end_mb"] - b["rss_after_load_mb"]) * 1024 / max(b["images"], 1)
        print(f"peak RSS growth from {min(sizes):,} to {max(sizes):,} images: {b['peak_mb'] - a_peak:+.0f} MB "
              f"({a_peak:.0f} -> {b['peak_mb']:.0f} MB); RSS change per image over the "
              f"{max(sizes):,} run: {per_image_kb:+.2f} kB")
        print(f"throughput {max(sizes):,} vs {min(sizes):,} images (mean of {len(small)} baseline runs): "
              f"{b['images_per_s']:.1f} / {a_rate:.1f} images/s = {b['images_per_s'] / a_rate:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
