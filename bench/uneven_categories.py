"""Uneven categories (issue 16): recall of the small categories with the class-weighted loss and
without it, same run.

    PYTHONPATH=app .venv/bin/python bench/uneven_categories.py            # 3 seeds, a few minutes
    PYTHONPATH=app .venv/bin/python bench/uneven_categories.py --seeds 0 --mode finetune

Data: real handwritten digits, scikit-learn's ``load_digits`` (1,797 pictures of 8x8 grey levels;
needs scikit-learn, which ships them; ``--sklearn DIR`` adds its folder to sys.path), upscaled to
32x32 and written as PNG folders. Per seed, digits 0-6 keep ``--major`` training pictures each and
digits 7, 8, 9 a tenth of that (``--minor``): the largest category has 10x the pictures of the
smallest. Every other picture is held out, evenly (the same number of each digit), and the saved
models are scored on it with the engine's ``evaluate`` (as ``resnet-studio evaluate`` would).

Model: head mode (the default for a small folder on a CPU) on ResNet-18 at 64 px. The "ImageNet"
weights are a seeded random init put where the app looks for them (nothing real can be downloaded
here): weak but real features, the very same for both sides, so the comparison is like with like.
Per seed and averaged: recall of the small digits, of the large ones, overall held-out accuracy,
for ``balance="auto"`` (weighted; in head mode it also trains 60 passes), ``balance="off"``, and
``balance="off"`` with 60 passes too, and the ratios of the small digits' recall.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
MINORITY = (7, 8, 9)
UPSCALE = 32


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """``(images (n, 8, 8) in 0..16, labels)``, read from the file scikit-learn ships."""
    import importlib.util

    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("This benchmark needs scikit-learn for its digits (pip install scikit-learn, or --sklearn DIR)")
    data = Path(list(spec.submodule_search_locations)[0]) / "datasets" / "data" / "digits.csv.gz"
    table = np.loadtxt(data, delimiter=",")
    return table[:, :-1].reshape(-1, 8, 8), table[:, -1].astype(int)


def write_digits(root: Path, seed: int, major: int, minor: int) -> tuple[Path, Path]:
    """The uneven training folder and an even held-out folder (class-per-folder both)."""
    from PIL import Image

    images, target = load_digits()
    rng = np.random.default_rng(seed)
    held_each = min(int((target == d).sum()) for d in range(10)) - major
    train_dir, held_dir = root / f"train{seed}", root / f"held{seed}"
    for d in range(10):
        idx = rng.permutation(np.flatnonzero(target == d))
        keep = minor if d in MINORITY else major
        for rank, i in enumerate(idx):
            if rank < keep:
                out = train_dir / str(d) / f"{i:04d}.png"
            elif major <= rank < major + held_each:  # the same held-out pictures whatever ``keep``
                out = held_dir / str(d) / f"{i:04d}.png"
            else:
                continue
            arr = (images[i] * (255.0 / 16.0)).astype(np.uint8)
            img = Image.fromarray(arr, "L").resize((UPSCALE, UPSCALE), Image.Resampling.BILINEAR).convert("RGB")
            out.parent.mkdir(parents=True, exist_ok=True)
            img.save(out)
    return train_dir, held_dir


def fake_weights() -> None:
    import torch

    from resnet_studio.engine import zoo

    dest = zoo.cache_dir() / zoo.arch_info("resnet18").weights_filename
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        torch.manual_seed(0)
        torch.save(zoo.build_model("resnet18").state_dict(), dest)


def one_side(train_dir: Path, held_dir: Path, work: Path, seed: int, balance: str, mode: str,
             epochs: int | None) -> dict:
    from resnet_studio.engine.train import TrainConfig, evaluate, train

    cfg = TrainConfig(mode=mode, image_size=64, seed=seed, hflip=False, cache_dir=work / "features",
                      device="cpu", balance=balance, epochs=epochs)
    result = train(train_dir, work / f"{balance}_{epochs}_{seed}.safetensors", cfg)
    ev = evaluate(result.model_path, held_dir, device="cpu", backend="torch")
    recall = {row["name"]: row["recall"] for row in ev.per_class}
    small = [recall[str(d)] for d in MINORITY]
    large = [recall[str(d)] for d in range(10) if d not in MINORITY]
    return {"small": float(np.mean(small)), "large": float(np.mean(large)), "accuracy": ev.accuracy,
            "weighted": bool(result.settings.get("class_weights")), "held": ev.count, "epochs": result.epochs_run}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--major", type=int, default=100, help="training pictures of each large digit")
    ap.add_argument("--minor", type=int, default=10, help="training pictures of each small digit (7, 8, 9)")
    ap.add_argument("--mode", default="head", choices=("head", "finetune", "full"))
    ap.add_argument("--sklearn", type=Path, default=Path("/tmp/h5_sklearn"), help="a folder holding sklearn")
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()
    if args.sklearn.is_dir():
        sys.path.append(str(args.sklearn))
    work = args.work or Path(tempfile.mkdtemp(prefix="uneven_"))
    os.environ.setdefault("TORCH_HOME", str(work / "torch_home"))
    os.environ.setdefault("RESNET_STUDIO_DATA_DIR", str(work / "data"))
    os.environ.setdefault("RESNET_STUDIO_MODELS_DIR", str(work / "bundled"))
    (work / "bundled").mkdir(parents=True, exist_ok=True)
    import torch

    torch.set_num_threads(max(1, min(4, os.cpu_count() or 1)))
    fake_weights()
    print(f"digits 0-6: {args.major} training pictures each, 7-9: {args.minor}; mode {args.mode}; work {work}")
    # "off" with its default passes, "off" with as many passes as a weighted head mode run gets
    # (so a gain is the weighting's, not the longer training's), and "auto" (the default)
    sides = [("off", None), ("off", 60), ("auto", None)] if args.mode == "head" else [("off", None), ("auto", None)]
    print(f"{'seed':>4} {'side':>10} {'epochs':>6} {'small recall':>12} {'large recall':>12} {'accuracy':>9} {'held':>5}")
    rows: dict[str, list[dict]] = {}
    for seed in args.seeds:
        train_dir, held_dir = write_digits(work, seed, args.major, args.minor)
        for balance, epochs in sides:
            name = balance + (f"/{epochs}ep" if epochs else "")
            r = one_side(train_dir, held_dir, work, seed, balance, args.mode, epochs)
            rows.setdefault(name, []).append(r)
            print(f"{seed:>4} {name:>10} {r['epochs']:>6} {r['small']:>12.3f} {r['large']:>12.3f} {r['accuracy']:>9.3f}"
                  f" {r['held']:>5}" + ("" if r["weighted"] == (balance == "auto") else "  (weighting not as expected!)"))
    mean = {b: {k: float(np.mean([r[k] for r in rs])) for k in ("small", "large", "accuracy")} for b, rs in rows.items()}
    for b in rows:
        print(f"mean {b:>10} {'':>6} {mean[b]['small']:>12.3f} {mean[b]['large']:>12.3f} {mean[b]['accuracy']:>9.3f}")
    for b in rows:
        if b != "auto" and mean[b]["small"]:
            print(f"small-digit recall, auto (weighted) / {b}: {mean['auto']['small'] / mean[b]['small']:.2f}x")


if __name__ == "__main__":
    main()
