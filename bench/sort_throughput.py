"""Sorting into folders: pictures per second for a pile of 2,000, ours vs a plain copy loop.

  ours       engine.sort_by_prediction.apply_sort: journal entry flushed to the disk before each
             file, a digest of each picture (what undo checks), never-overwrite placing, a report
  baseline   shutil.copy2 of the same files into the same folders (no journal, no undo, no checks)
  undo       engine.sort_journal.undo_sort of the copy sort (digest check, then delete)

Both place the same plan (from fixed fake predictions: the model's time is the classify benchmark's
business, bench_classify.py), on the same disk, interleaved over --rounds; prints pictures per
second and the ratio ours / baseline. Move mode is timed too (same disk: a link and an unlink).
Run: .venv/bin/python bench/sort_throughput.py [--n 2000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

from resnet_studio.engine.sort_by_prediction import apply_sort, plan_by_prediction  # noqa: E402
from resnet_studio.engine.sort_journal import undo_sort  # noqa: E402


def make_pile(folder: Path, n: int) -> list[dict]:
    import numpy as np
    from PIL import Image

    folder.mkdir(parents=True)
    rng = np.random.default_rng(0)
    rows = []
    base = (rng.random((480, 640, 3)) * 255).astype("uint8")
    for i in range(n):
        p = folder / f"IMG_{i:05d}.jpg"
        Image.fromarray(np.roll(base, i, axis=1)).save(p, quality=85)  # ~150 KB, a phone photo's shape
        label = ("shoes", "bags", "hats", "belts")[i % 4]
        rows.append({"path": str(p), "predictions": [(label, 0.3 + 0.7 * ((i * 37) % 100) / 100, 0)], "error": None})
    return rows


def plain_copy(plan, dst: Path) -> None:
    for p in plan.placements:
        folder = dst / p.folder
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p.source, folder / p.source.name)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="resnet-studio-bench-sort-"))
    try:
        rows = make_pile(work / "pile", args.n)
        plan = plan_by_prediction(rows, min_confidence=0.5)
        size_mb = sum(Path(r["path"]).stat().st_size for r in rows) / 1e6
        print(f"{args.n} pictures, {size_mb:.0f} MB, folders {plan.counts()}")
        times: dict[str, list[float]] = {"ours (copy)": [], "baseline (shutil.copy2)": [], "undo (copy)": [],
                                         "ours (move)": [], "undo (move)": []}
        for r in range(args.rounds):
            d1, d2 = work / f"ours{r}", work / f"base{r}"
            t = time.perf_counter(); plain_copy(plan, d2); times["baseline (shutil.copy2)"].append(time.perf_counter() - t)
            t = time.perf_counter(); apply_sort(plan, d1); times["ours (copy)"].append(time.perf_counter() - t)
            t = time.perf_counter(); undo_sort(d1); times["undo (copy)"].append(time.perf_counter() - t)
            t = time.perf_counter(); apply_sort(plan, d1, move=True); times["ours (move)"].append(time.perf_counter() - t)
            t = time.perf_counter(); undo_sort(d1); times["undo (move)"].append(time.perf_counter() - t)
            shutil.rmtree(d1); shutil.rmtree(d2)
        med = {k: statistics.median(v) for k, v in times.items()}
        for k, v in med.items():
            print(f"{k:28s} {v:7.2f} s  {args.n / v:8.0f} pictures/s")
        print(f"ratio ours/baseline (copy, time): {med['ours (copy)'] / med['baseline (shutil.copy2)']:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
