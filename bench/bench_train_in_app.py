"""Where the desktop app trains: a worker thread of the app's process (before) or the helper
process (now, ``engine/job_process.py``). Same job, same data, alternated, in one run.

    .venv/bin/python bench/bench_train_in_app.py [--rounds 2] [--epochs 2] [--size 160]

The job is ``engine.app_jobs.train_job`` (what the Train view runs): full mode, ResNet-18 from
scratch, batch 32, on generated shapes. "thread" calls it on a plain thread of this process while
the main thread waits, as a QThread worker does; "helper" runs it in an already-started helper
(the app starts one when the Train tab opens); both are warmed up by a 5-step learning-rate sweep
first, so imports and first allocations are not counted.
Prints the median wall time of each and the ratio thread / helper. Part of the difference is
``cpu_memory.keep_freed_memory``, which only acts on a process's main thread.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # as the app sets it


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2, help="pairs of runs (thread, helper)")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--size", type=int, default=160, help="image size in pixels")
    ap.add_argument("--per-class", type=int, default=40)
    args = ap.parse_args()

    from resnet_studio.engine import app_jobs, job_process
    from tests.conftest import make_shapes_dataset

    work = Path(tempfile.mkdtemp(prefix="rs-bench-app-train-"))
    try:
        data = make_shapes_dataset(work / "shapes", per_class=args.per_class, size=args.size)
        config = {"arch": "resnet18", "mode": "full", "pretrained": False, "epochs": args.epochs,
                  "batch_size": 32, "image_size": args.size, "seed": 0, "augment": False,
                  "allow_download": False, "cache_dir": str(work / "cache")}
        helper = job_process.JobProcess()
        # first-use costs (imports, first allocations) out of both timings: a short sweep in each
        warm = {"data_dir": str(data), "config": config, "steps": 5}
        helper.run("resnet_studio.engine.app_jobs:find_lr_job", warm)
        t = threading.Thread(target=lambda: app_jobs.find_lr_job(**warm))
        t.start()
        t.join()
        times: dict[str, list[float]] = {"thread": [], "helper": []}

        def on_thread(out: Path) -> None:
            box = {}
            t = threading.Thread(target=lambda: box.update(r=app_jobs.train_job(str(data), str(out), config)))
            t.start()
            t.join()
            assert box["r"]["epochs_run"] == args.epochs

        def in_helper(out: Path) -> None:
            r = helper.run("resnet_studio.engine.app_jobs:train_job",
                           {"data_dir": str(data), "out_path": str(out), "config": config})
            assert r["epochs_run"] == args.epochs

        for i in range(args.rounds):
            for name, fn in (("thread", on_thread), ("helper", in_helper)):
                t0 = time.perf_counter()
                fn(work / f"{name}-{i}.safetensors")
                times[name].append(time.perf_counter() - t0)
                print(f"round {i + 1} {name:6s} {times[name][-1]:6.1f} s  (load {os.getloadavg()[0]:.1f})", flush=True)
        helper.close()
        th, hp = statistics.median(times["thread"]), statistics.median(times["helper"])
        n = 3 * args.per_class
        print(f"train {n} pictures x {args.epochs} epochs at {args.size} px, full mode, ResNet-18:")
        print(f"  worker thread (before) {th:.1f} s   helper process (now) {hp:.1f} s   ratio thread/helper {th / hp:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
