"""Calibration (issue 15): does "90 %" mean right nine times in ten? Old head against ours, same run.

    PYTHONPATH=app .venv/bin/python bench/calibration.py                 # 3 seeds, about 3-6 minutes
    PYTHONPATH=app .venv/bin/python bench/calibration.py --seeds 0 --old /tmp/orig_main/app

Data: real handwritten digits, scikit-learn's ``load_digits`` (1,797 pictures of 8x8 grey levels;
needs ``pip install scikit-learn``, which ships them: nothing is downloaded), upscaled to 32x32 and
written as PNG folders. Per seed, 30 pictures of each digit are the training folder (the app splits
off its usual 20 % for validation: 6 per digit) and all the others (about 1,500) are held out.

Model: head mode (the default for a small folder) on ResNet-18 at 64 px. The "ImageNet" weights are
a seeded random init put where the app looks for them (nothing real can be downloaded here): its
features are weak but real, and both sides use the very same backbone, so the comparison is like
with like; the issue's measurement (ECE 0.083) came from this same setup.

Before: the engine of ``--old`` (an untouched copy of the code before issue 15), run in a
subprocess with that folder first on PYTHONPATH; after: this checkout's engine, the same way. Both
classify the held-out pictures through the public ``Predictor`` (PyTorch backend), so whatever the
model file carries is what a user would see. Printed per seed and averaged: held-out accuracy,
expected calibration error (15 equal-width bins on top-1 confidence), the share of wrong answers at
>= 99 % confidence, and the before/after ratios. ``--diagram`` writes a reliability diagram (PIL).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
PER_CLASS_TRAIN = 30
UPSCALE = 32
IMAGE_SIZE = 64


# --- metrics (kept here so "before" and "after" are scored by the same code) ------------------

def ece(conf: np.ndarray, correct: np.ndarray, bins: int = 15) -> float:
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(total)


def sure_wrong(conf: np.ndarray, correct: np.ndarray, at: float = 0.99) -> float:
    wrong = ~correct
    return float((conf[wrong] >= at).mean()) if wrong.any() else 0.0


# --- data ------------------------------------------------------------------------------------

def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """``(images (n, 8, 8) in 0..16, labels)``: the file scikit-learn's ``load_digits`` reads, read
    directly (importing scikit-learn would only add its start-up time and dependencies)."""
    import importlib.util

    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("This benchmark needs scikit-learn for its digits: pip install scikit-learn")
    data = Path(list(spec.submodule_search_locations)[0]) / "datasets" / "data" / "digits.csv.gz"
    table = np.loadtxt(data, delimiter=",")
    return table[:, :-1].reshape(-1, 8, 8), table[:, -1].astype(int)


def write_digits(root: Path, seed: int) -> tuple[Path, list[tuple[str, int]]]:
    from PIL import Image

    images, target = load_digits()
    rng = np.random.default_rng(seed)
    train_dir, held_dir = root / "train", root / "held_out"
    held: list[tuple[str, int]] = []
    for d in range(10):
        idx = rng.permutation(np.flatnonzero(target == d))
        for rank, i in enumerate(idx):
            arr = (images[i] * (255.0 / 16.0)).astype(np.uint8)
            img = Image.fromarray(arr, "L").resize((UPSCALE, UPSCALE), Image.Resampling.BILINEAR).convert("RGB")
            if rank < PER_CLASS_TRAIN:
                out = train_dir / str(d) / f"{i:04d}.png"
            else:
                out = held_dir / f"{i:04d}.png"
                held.append((str(out), d))
            out.parent.mkdir(parents=True, exist_ok=True)
            img.save(out)
    return train_dir, held


# --- one side: runs in a subprocess with the engine under test first on sys.path --------------

def worker(args) -> None:
    import torch

    from resnet_studio.engine import zoo
    from resnet_studio.engine.modelfile import read_model_info
    from resnet_studio.engine.predict import Predictor
    from resnet_studio.engine.train import TrainConfig, train

    torch.set_num_threads(1)
    dest = zoo.cache_dir() / zoo.arch_info("resnet18").weights_filename
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        torch.manual_seed(0)
        torch.save(zoo.build_model("resnet18").state_dict(), dest)
    held = json.loads(Path(args.held).read_text())
    out = Path(args.out_model)
    cfg = TrainConfig(mode="head", image_size=IMAGE_SIZE, seed=args.seed, hflip=False,
                      cache_dir=Path(args.cache), device="cpu")
    result = train(args.data, out, cfg)
    pred = Predictor(out, device="cpu", backend="torch", top_k=10)
    classes = pred.classes
    conf, correct, probs_true = [], [], []
    for (path, label), res in zip(held, pred.classify_paths([p for p, _ in held])):
        top = res.predictions[0]
        conf.append(top.score)
        correct.append(classes[top.index] == str(label))
    info = read_model_info(out)
    Path(args.result).write_text(json.dumps({
        "conf": conf, "correct": correct, "val_accuracy": result.val_accuracy,
        "calibration": getattr(info, "calibration", None) or {},
        "epochs": result.epochs_run, "best_epoch": result.best_epoch,
    }))


def run_side(app_dir: Path, data: Path, held_file: Path, work: Path, seed: int, tag: str) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(app_dir)
    env["TORCH_HOME"] = str(work / "torch_home")  # the same fake weights for both sides
    env["RESNET_STUDIO_DATA_DIR"] = str(work / f"data_{tag}")
    env["RESNET_STUDIO_MODELS_DIR"] = str(work / "bundled")
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    (work / "bundled").mkdir(exist_ok=True)
    result = work / f"result_{tag}_{seed}.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", "--data", str(data), "--held", str(held_file),
           "--seed", str(seed), "--cache", str(work / "features"), "--out-model",
           str(work / f"{tag}_{seed}.safetensors"), "--result", str(result)]
    # cwd outside the checkout: the engine comes from PYTHONPATH alone
    subprocess.run(cmd, env=env, check=True, cwd=str(work))
    d = json.loads(result.read_text())
    d["conf"] = np.asarray(d["conf"], dtype=np.float64)
    d["correct"] = np.asarray(d["correct"], dtype=bool)
    return d


def reliability_png(path: Path, sides: dict[str, tuple[np.ndarray, np.ndarray]], bins: int = 10) -> None:
    """Share right against stated confidence, one bar pair per bin (PIL only: no matplotlib here)."""
    from PIL import Image, ImageDraw

    w, h, left, bottom, top, right = 640, 420, 60, 50, 40, 20
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    pw, ph = w - left - right, h - top - bottom
    x0, y0 = left, top + ph
    d.line([(x0, y0), (x0 + pw, y0 - ph)], fill=(150, 150, 150), width=1)  # perfect calibration
    d.rectangle([x0, top, x0 + pw, y0], outline=(0, 0, 0))
    for t in range(0, 11, 2):
        yy = y0 - ph * t / 10
        xx = x0 + pw * t / 10
        d.text((x0 - 34, yy - 6), f"{t * 10}%", fill=(0, 0, 0))
        d.text((xx - 10, y0 + 6), f"{t * 10}%", fill=(0, 0, 0))
    d.text((x0 + pw / 2 - 90, h - 20), "stated confidence (top-1)", fill=(0, 0, 0))
    d.text((x0, 8), "share right, held-out digits (grey line: perfectly calibrated)", fill=(0, 0, 0))
    colours = [(220, 90, 60), (40, 110, 200)]
    edges = np.linspace(0, 1, bins + 1)
    bw = pw / bins / (len(sides) + 1)
    for s, (name, (conf, correct)) in enumerate(sides.items()):
        idx = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
        for b in range(bins):
            m = idx == b
            if not m.any():
                continue
            acc = correct[m].mean()
            bx = x0 + pw * b / bins + bw * (s + 0.5)
            d.rectangle([bx, y0 - ph * acc, bx + bw, y0], fill=colours[s % 2])
        d.rectangle([x0 + 10, top + 10 + 18 * s, x0 + 22, top + 22 + 18 * s], fill=colours[s % 2])
        d.text((x0 + 28, top + 10 + 18 * s), name, fill=(0, 0, 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--old", type=Path, default=Path("/tmp/orig_main/app"), help="the engine before issue 15")
    ap.add_argument("--new", type=Path, default=ROOT / "app")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--diagram", type=Path, default=None, help="write a reliability diagram PNG here")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    for a in ("--data", "--held", "--cache", "--out-model", "--result"):
        ap.add_argument(a, help=argparse.SUPPRESS)
    ap.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args)
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="bench_calibration_"))
    rows, pooled = [], {"before": ([], []), "after": ([], [])}
    for seed in args.seeds:
        data_root = work / f"digits_{seed}"
        train_dir, held = write_digits(data_root, seed)
        held_file = data_root / "held.json"
        held_file.write_text(json.dumps(held))
        sides = {}
        for tag, app_dir in (("before", args.old), ("after", args.new)):
            sides[tag] = r = run_side(app_dir, train_dir, held_file, work, seed, tag)
            pooled[tag][0].append(r["conf"])
            pooled[tag][1].append(r["correct"])
        b, a = sides["before"], sides["after"]
        row = {"seed": seed, "n": int(len(a["conf"]))}
        for tag, r in sides.items():
            row[f"{tag}_acc"] = float(r["correct"].mean())
            row[f"{tag}_ece"] = ece(r["conf"], r["correct"])
            row[f"{tag}_sure_wrong"] = sure_wrong(r["conf"], r["correct"])
        row["temperature"] = a["calibration"].get("temperature")
        rows.append(row)
        print(f"seed {seed}: n={row['n']}  accuracy {row['before_acc']:.3f} -> {row['after_acc']:.3f}  "
              f"ECE {row['before_ece']:.3f} -> {row['after_ece']:.3f}  wrong at >=99%: "
              f"{row['before_sure_wrong']:.1%} -> {row['after_sure_wrong']:.1%}  (T={row['temperature']})",
              flush=True)
    mean = {k: float(np.mean([r[k] for r in rows])) for k in rows[0] if k.endswith(("acc", "ece", "wrong"))}
    print(f"\nmean over {len(rows)} seeds:  accuracy {mean['before_acc']:.3f} -> {mean['after_acc']:.3f}  "
          f"ECE {mean['before_ece']:.3f} -> {mean['after_ece']:.3f} "
          f"(after/before {mean['after_ece'] / max(mean['before_ece'], 1e-12):.2f}x)  wrong at >=99%: "
          f"{mean['before_sure_wrong']:.1%} -> {mean['after_sure_wrong']:.1%} "
          f"(after/before {mean['after_sure_wrong'] / max(mean['before_sure_wrong'], 1e-12):.2f}x)")
    print(json.dumps({"seeds": rows, "mean": mean}))
    if args.diagram:
        reliability_png(args.diagram, {
            f"before (ECE {mean['before_ece']:.3f})": (np.concatenate(pooled["before"][0]), np.concatenate(pooled["before"][1])),
            f"after (ECE {mean['after_ece']:.3f})": (np.concatenate(pooled["after"][0]), np.concatenate(pooled["after"][1])),
        })
        print(f"reliability diagram: {args.diagram}")


if __name__ == "__main__":
    main()
