"""Issue 8: training throughput with 1 and N processes under torchrun (DistributedDataParallel).

    .venv/bin/python bench/bench_ddp.py                               # CPU, 1 and 2 processes (gloo)
    PYTHONPATH=app python3 bench/bench_ddp.py --device cuda           # 1 process and one per GPU (NCCL)
    PYTHONPATH=app python3 bench/bench_ddp.py --device cuda --nproc 1 # the single-GPU baseline only

Both runs are the same command a user types: ``python -m torch.distributed.run --standalone
--nproc_per_node=N -m resnet_studio train DATA --mode full ...`` with the same global batch, so
the N-process run does the same work as the 1-process one. Images/s = training pictures of the
timed epochs / their time (from the result's history; the first epoch, which includes warm-up, is
left out; epoch time includes validation, as a user sees it). Nothing here imports Qt.

Data: synthetic pictures (class-per-folder, coloured shapes on noise), made once in --work.
Augmentation is off by default, so that the network (what DDP spreads) is measured rather than
the single decoding thread of each process (``--augment`` turns it on).
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

import numpy as np

HERE = Path(__file__).resolve().parent
APP = HERE.parent / "app"


def make_dataset(root: Path, classes: int, per_class: int, size: int) -> Path:
    from PIL import Image, ImageDraw

    if (root / "done").exists():
        return root
    rng = np.random.default_rng(0)
    for c in range(classes):
        folder = root / f"class{c:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        colour = tuple(int(v) for v in rng.integers(40, 255, 3))
        for i in range(per_class):
            img = Image.fromarray(rng.integers(0, 80, (size, size, 3), dtype=np.uint8), "RGB")
            m = int(rng.integers(size // 10, size // 4))
            box = (m, m, size - m, size - m)
            draw = ImageDraw.Draw(img)
            (draw.ellipse if c % 2 else draw.rectangle)(box, fill=colour)
            img.save(folder / f"{i:04d}.png")
    (root / "done").write_text("ok")
    return root


def run_once(data: Path, out: Path, nproc: int, args) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(APP) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("RESNET_STUDIO_DATA_DIR", str(out.parent / "user_data"))
    if args.device == "cpu":
        # the cores are shared out between the processes, as torchrun does for CPU jobs
        env["OMP_NUM_THREADS"] = str(max(1, (os.cpu_count() or 1) // nproc))
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={nproc}",
           "-m", "resnet_studio", "train", str(data), "--out", str(out), "--mode", "full", "--no-pretrained",
           "--device", args.device, "--image-size", str(args.image_size), "--epochs", str(args.epochs),
           "--batch-size", str(args.batch_size), "--lr", "0.05", "--json"]
    if not args.augment:
        cmd.append("--no-augment")
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"{nproc} process(es) failed:\n{proc.stderr[-4000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    timed = result["history"][1:] or result["history"]
    seconds = sum(h["seconds"] for h in timed)
    return {"nproc": nproc, "images_per_s": result["n_train"] * len(timed) / seconds, "wall_s": wall,
            "val_accuracy": result["val_accuracy"], "n_train": result["n_train"]}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    p.add_argument("--nproc", type=int, default=None,
                   help="processes for the parallel run (default: 2 on the CPU, one per GPU on CUDA); "
                        "1 = the baseline only")
    p.add_argument("--images", type=int, default=None, help="pictures in all (default: 160 CPU, 4000 CUDA)")
    p.add_argument("--image-size", type=int, default=None, help="default: 96 CPU, 224 CUDA")
    p.add_argument("--batch-size", type=int, default=None, help="global batch (default: 32 CPU, 256 CUDA)")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--augment", action="store_true")
    p.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "resnet-studio-bench-ddp")
    args = p.parse_args()
    cuda = args.device == "cuda"
    if cuda:
        import torch

        if not torch.cuda.is_available():
            sys.exit("--device cuda: no CUDA GPU is visible.")
        gpus = torch.cuda.device_count()
        name = torch.cuda.get_device_name(0)
    else:
        gpus, name = 0, f"CPU, {os.cpu_count()} cores"
    nproc = args.nproc if args.nproc is not None else (gpus if cuda else 2)
    images = args.images or (4000 if cuda else 160)
    args.image_size = args.image_size or (224 if cuda else 96)
    args.batch_size = args.batch_size or (256 if cuda else 32)
    classes = 10
    data = make_dataset(args.work / f"data-{images}-{args.image_size}", classes, images // classes,
                        max(args.image_size, 64))
    print(f"device: {name}; {images} pictures at {args.image_size} px, global batch {args.batch_size}, "
          f"{args.epochs} epochs (first not timed), augmentation {'on' if args.augment else 'off'}")
    rows = [run_once(data, args.work / "one.safetensors", 1, args)]
    if nproc > 1:
        rows.append(run_once(data, args.work / f"n{nproc}.safetensors", nproc, args))
    for r in rows:
        print(f"  {r['nproc']} process(es): {r['images_per_s']:8.1f} images/s  (wall {r['wall_s']:.0f}s, "
              f"validation accuracy {r['val_accuracy']:.1%})")
    if len(rows) == 2:
        print(f"ratio {nproc} processes / 1 process: {rows[1]['images_per_s'] / rows[0]['images_per_s']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
