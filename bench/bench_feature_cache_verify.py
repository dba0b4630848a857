"""What verifying the head-mode feature cache costs on a cache hit (issue 13); prints the ratios.

    .venv/bin/python bench/bench_feature_cache_verify.py                       # 1,000 photos 160x120
    .venv/bin/python bench/bench_feature_cache_verify.py --old /tmp/orig_main/app --photos 1000

A cache-hit head-mode retrain: ``train(DIR, OUT, TrainConfig(mode="head"))`` on 1,000 small JPEGs
(160x120, 4 categories) whose features are already cached, timed inside the process (after the
imports: "beyond start-up"), best of --repeat. It runs in a fresh process for this code and, with
--old, for the code before the issue (``PYTHONPATH`` set to that ``app`` folder), each with its own
cache (the new cache format does not take the old files), both primed by one training first.
The time spent in ``cached_features`` (file digests, the cache catalogue, reading and checking
every row) is reported apart from the rest of the run (scanning the folder, the head's epochs,
saving the model file).

Also measured, in this process: hashing every picture's content (BLAKE2b, 4 threads) instead of
trusting the remembered digests, for these photos and for --big files of the size of a 12 MP
phone JPEG (3.5 MB), scaled to 1,000; that is what deciding "hash everything every time" needs.
The weights are a seeded random ResNet-18 placed where torchvision's download would be.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEW_APP = HERE.parent / "app"
CLASSES = ("bird", "cat", "dog", "fish")


def make_photos(root: Path, n: int) -> Path:
    sys.path.insert(0, str(HERE))
    from _photos import save_photo

    done = root / f"done-{n}"
    if not done.exists():
        for i in range(n):
            save_photo(root / "photos" / CLASSES[i % len(CLASSES)] / f"p{i:05d}.jpg", 160, 120, seed=i)
        done.touch()
    return root / "photos"


def child(args) -> None:
    """In a fresh process (this code or the old one, by PYTHONPATH): prime, then time hits."""
    import torch

    from resnet_studio.engine import features, zoo
    from resnet_studio.engine.train import TrainConfig, train

    torch.set_num_threads(args.threads)
    dest = zoo.cache_dir() / zoo.arch_info("resnet18").weights_filename
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        torch.manual_seed(0)
        torch.save(zoo.build_model("resnet18").state_dict(), dest)
    spent: list[float] = []
    real = features.cached_features

    def timed(*a, **kw):
        t = time.perf_counter()
        try:
            return real(*a, **kw)
        finally:
            spent.append(time.perf_counter() - t)

    features.cached_features = timed  # train imports it from the module when it runs
    config = TrainConfig(mode="head", cache_dir=args.cache, image_size=args.image_size, epochs=args.epochs)
    t = time.perf_counter()
    prime = train(args.data, args.work / "prime.safetensors", config)
    prime_s = time.perf_counter() - t
    runs = []
    for k in range(args.repeat):
        spent.clear()
        t = time.perf_counter()
        r = train(args.data, args.work / f"hit{k}.safetensors", config)
        runs.append({"total": time.perf_counter() - t, "cache": sum(spent), "hits": r.feature_cache_hits,
                     "extracted": r.features_extracted, "val_accuracy": r.val_accuracy})
    print(json.dumps({"prime_s": prime_s, "prime_extracted": prime.features_extracted, "runs": runs}))


def run_child(args, app: Path, tag: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(app), OMP_WAIT_POLICY="PASSIVE",
               TORCH_HOME=str(args.work / "torch_home"), RESNET_STUDIO_DATA_DIR=str(args.work / "user_data"))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--work", str(args.work),
           "--data", str(args.data), "--cache", str(args.work / f"cache-{tag}"), "--repeat", str(args.repeat),
           "--image-size", str(args.image_size), "--epochs", str(args.epochs), "--threads", str(args.threads)]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode:
        raise SystemExit(f"{tag} failed:\n{p.stderr[-4000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def hash_all(paths: list[Path]) -> float:
    from concurrent.futures import ThreadPoolExecutor

    sys.path.insert(0, str(NEW_APP))
    from resnet_studio.engine.features import _hash_file

    t = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(_hash_file, paths))
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--photos", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--image-size", type=int, default=128, help="input size (extraction only: not what is timed)")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--big", type=int, default=100, help="3.5 MB files hashed to scale typical photos")
    ap.add_argument("--old", type=Path, help="the app folder of the code to compare with")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "resnet-studio-bench-cache-verify")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.child:
        child(args)
        return
    t = time.perf_counter()
    args.data = make_photos(args.work, args.photos)
    print(f"{args.photos} JPEG photos 160x120 ({sum(p.stat().st_size for p in args.data.rglob('*.jpg')) / 2**20:.1f} MB)"
          f" ready in {time.perf_counter() - t:.1f} s; head mode, {args.epochs} epochs, ResNet-18 at {args.image_size} px")

    results = {"new": run_child(args, NEW_APP, "new")}
    if args.old:
        results["old"] = run_child(args, args.old, "old")
    for tag, r in results.items():
        best = min(r["runs"], key=lambda x: x["total"])
        print(f"{tag:>4}: priming run {r['prime_s']:.1f} s ({r['prime_extracted']} extracted); cache-hit retrain "
              f"best {best['total']:.2f} s (median {statistics.median(x['total'] for x in r['runs']):.2f} s), of which "
              f"cached_features {best['cache']:.2f} s; hits {best['hits']}, extracted {best['extracted']}, "
              f"val acc {best['val_accuracy']:.3f}")
    if args.old:
        new = min(results["new"]["runs"], key=lambda x: x["total"])
        old = min(results["old"]["runs"], key=lambda x: x["total"])
        print(f"ratio new / old, whole retrain: {new['total'] / old['total']:.2f}x; "
              f"cached_features: {new['cache'] / max(old['cache'], 1e-9):.2f}x "
              f"(+{(new['cache'] - old['cache']) * 1000:.0f} ms for {args.photos} photos)")

    photos = sorted(args.data.rglob("*.jpg"))
    small = hash_all(photos)
    big_dir = args.work / "big"
    big_dir.mkdir(exist_ok=True)
    bigs = []
    for i in range(args.big):
        p = big_dir / f"b{i:04d}.bin"
        if not p.exists() or p.stat().st_size != 3_500_000:
            p.write_bytes(os.urandom(3_500_000))
        bigs.append(p)
    big = hash_all(bigs) * 1000 / max(1, args.big)
    print(f"hashing every file instead (BLAKE2b, 4 threads, from the page cache): {small:.2f} s for these "
          f"{len(photos)} photos; {big:.1f} s for 1,000 phone photos of 3.5 MB (scaled from {args.big})")


if __name__ == "__main__":
    main()
