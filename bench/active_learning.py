"""Labelling with the model's help (issue 16): does "next most useful" order reach a good model with
fewer labels than random order?

    PYTHONPATH=app .venv/bin/python bench/active_learning.py              # 3 seeds, a few minutes
    PYTHONPATH=app .venv/bin/python bench/active_learning.py --seeds 0 --max-labels 80

Data: real handwritten digits, the file scikit-learn's ``load_digits`` reads (1,797 pictures of 8x8
grey levels; found in an installed scikit-learn, or in ``/tmp/h5_sklearn`` where
``pip install --target /tmp/h5_sklearn scikit-learn`` put one), upscaled to 32x32 PNGs in a
temporary folder. Per seed, 500 pictures are held out (fixed for both arms) and the other ~1,300
are the unlabelled pile.

Protocol, per seed: both arms start from the same 3 labelled pictures per digit (30), drawn from
the pile. Each round adds 10 labels (the true digit, as a user would give): "next most useful" takes
ranks 1-10 of :func:`engine.suggest.suggest` on the rest of the pile; "margin only" the 10 smallest
margins without the diversity rule (what that rule adds); "random" takes 10 at random.
After each round, the accuracy of ``suggest``'s labels on the held-out pictures. Up to 150 labels.
``--near-copies K`` adds K near-copies of every pile picture (a few grey levels changed: another
file, nearly the same features), as burst or re-saved photos are in a real pile.

Model: ``suggest``'s own head on ResNet-18 features at 64 px. The "ImageNet" weights are a seeded
random init put where the app looks for them (nothing real can be downloaded here): its features
are weak but real, and both arms use the very same backbone. Real ImageNet weights make every
number higher; the comparison between the arms is what this measures.

Printed: held-out accuracy per label count (mean over seeds, and per seed), the labels each arm
needs to reach a target (90 %, 95 % and 100 % of random order's final accuracy), their ratio, and the time of the
first call (features extracted) and of a second one on the same pictures (from the cache).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "app"))

HELD_OUT = 500
START_PER_CLASS = 3
BATCH = 10
UPSCALE = 32
IMAGE_SIZE = 64
SKLEARN_TARGET = Path("/tmp/h5_sklearn")


def digits_file() -> Path:
    """scikit-learn's ``digits.csv.gz`` (read directly: importing scikit-learn adds nothing here)."""
    import importlib.util

    candidates = [SKLEARN_TARGET / "sklearn" / "datasets" / "data" / "digits.csv.gz"]
    spec = importlib.util.find_spec("sklearn")
    if spec is not None and spec.submodule_search_locations:
        candidates.insert(0, Path(list(spec.submodule_search_locations)[0]) / "datasets" / "data" / "digits.csv.gz")
    for c in candidates:
        if c.is_file():
            return c
    sys.exit(f"This benchmark needs scikit-learn's digits: pip install --target {SKLEARN_TARGET} scikit-learn")


def write_digits(root: Path) -> tuple[list[str], np.ndarray]:
    from PIL import Image

    table = np.loadtxt(digits_file(), delimiter=",")
    images, target = table[:, :-1].reshape(-1, 8, 8), table[:, -1].astype(int)
    paths = []
    root.mkdir(parents=True, exist_ok=True)
    for i, arr in enumerate(images):
        img = Image.fromarray((arr * (255.0 / 16.0)).astype(np.uint8), "L")
        img = img.resize((UPSCALE, UPSCALE), Image.Resampling.BILINEAR).convert("RGB")
        out = root / f"{i:04d}.png"
        img.save(out)
        paths.append(str(out))
    return paths, target


def write_near_copies(paths: list[str], root: Path, copies: int) -> dict[str, list[str]]:
    """``copies`` near-copies of every picture (a few grey levels changed, as a re-saved or burst
    photo would be: another file digest, nearly the same features): picture -> its copies."""
    from PIL import Image

    root.mkdir(parents=True, exist_ok=True)
    out: dict[str, list[str]] = {}
    for i, p in enumerate(paths):
        arr = np.asarray(Image.open(p).convert("RGB"), dtype=np.int16)
        out[p] = []
        for c in range(copies):
            rng = np.random.default_rng(i * 100 + c)
            noisy = np.clip(arr + rng.integers(-2, 3, arr.shape[:2])[..., None], 0, 255).astype(np.uint8)
            dest = root / f"{Path(p).stem}_copy{c}.png"
            Image.fromarray(noisy).save(dest)
            out[p].append(str(dest))
    return out


def fake_weights() -> None:
    import torch

    from resnet_studio.engine import zoo

    dest = zoo.cache_dir() / zoo.arch_info("resnet18").weights_filename
    dest.parent.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    torch.save(zoo.build_model("resnet18").state_dict(), dest)


def accuracy(labelled: dict[str, str], held: list[str], truth: dict[str, str]) -> float:
    from resnet_studio.engine.suggest import suggest

    rows = suggest(labelled, held, image_size=IMAGE_SIZE)
    return float(np.mean([s.label == truth[s.path] for s in rows]))


def run_arm(arm: str, seed: int, start: list[str], pile: list[str], held: list[str], truth: dict[str, str],
            max_labels: int) -> list[tuple[int, float]]:
    from resnet_studio.engine.suggest import suggest

    rng = np.random.default_rng(1000 + seed)
    labelled = {p: truth[p] for p in start}
    curve = [(len(labelled), accuracy(labelled, held, truth))]
    while len(labelled) < max_labels:
        rest = [p for p in pile if p not in labelled]
        if arm == "useful":
            picks = [s.path for s in suggest(labelled, rest, image_size=IMAGE_SIZE, seed=seed)[:BATCH]]
        elif arm == "margin":  # least margin alone, without the diversity rule: what that rule adds
            rows = sorted(suggest(labelled, rest, image_size=IMAGE_SIZE, seed=seed), key=lambda s: s.margin)
            picks = [s.path for s in rows[:BATCH]]
        else:
            picks = list(rng.choice(rest, size=BATCH, replace=False))
        labelled.update({p: truth[p] for p in picks})
        curve.append((len(labelled), accuracy(labelled, held, truth)))
        print(f"  seed {seed} {arm:>6}: {len(labelled):>3} labels -> {curve[-1][1]:.3f}", flush=True)
    return curve


def labels_needed(curve: list[tuple[int, float]], target: float) -> int | None:
    return next((n for n, acc in curve if acc >= target), None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--max-labels", type=int, default=150)
    ap.add_argument("--near-copies", type=int, default=0, metavar="K",
                    help="add K near-copies of every pile picture to the pile (what the diversity rule is for)")
    ap.add_argument("--target-share", type=float, default=0.9,
                    help="target accuracy as a share of random order's final accuracy (default 0.9)")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="active_learning_"))
    os.environ["TORCH_HOME"] = str(work / "torch_home")
    os.environ["RESNET_STUDIO_DATA_DIR"] = str(work / "data")
    os.environ["RESNET_STUDIO_MODELS_DIR"] = str(work / "bundled")
    (work / "bundled").mkdir()
    fake_weights()
    paths, target = write_digits(work / "digits")
    truth = {p: str(int(t)) for p, t in zip(paths, target)}
    copies = write_near_copies(paths, work / "copies", args.near_copies) if args.near_copies else {}
    truth.update({c: truth[p] for p, cs in copies.items() for c in cs})

    from resnet_studio.engine.suggest import suggest

    two = {paths[int(np.flatnonzero(target == d)[0])]: str(d) for d in (0, 1)}
    t0 = time.perf_counter()
    suggest(two, paths, image_size=IMAGE_SIZE)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    suggest(two, paths, image_size=IMAGE_SIZE)
    second = time.perf_counter() - t0
    print(f"suggest on {len(paths)} pictures: first call {first:.1f} s (features extracted), "
          f"second call {second:.2f} s (from the cache)")

    curves: dict[str, list[list[tuple[int, float]]]] = {"useful": [], "margin": [], "random": []}
    for seed in args.seeds:
        rng = np.random.default_rng(seed)
        order = rng.permutation(len(paths))
        held = [paths[i] for i in order[:HELD_OUT]]
        pile = [paths[i] for i in order[HELD_OUT:]]
        pile += [c for p in pile for c in copies.get(p, [])]
        start = [p for d in range(10) for p in [q for q in pile if truth[q] == str(d)][:START_PER_CLASS]]
        for arm in curves:
            curves[arm].append(run_arm(arm, seed, start, pile, held, truth, args.max_labels))

    counts = [n for n, _ in curves["random"][0]]
    mean = {arm: [float(np.mean([c[k][1] for c in cs])) for k in range(len(counts))] for arm, cs in curves.items()}
    print("\nheld-out accuracy (mean over seeds " + ", ".join(map(str, args.seeds)) + ")")
    print(f"{'labels':>7}  {'next most useful':>16}  {'margin only':>11}  {'random':>8}")
    for k, n in enumerate(counts):
        print(f"{n:>7}  {mean['useful'][k]:>16.3f}  {mean['margin'][k]:>11.3f}  {mean['random'][k]:>8.3f}")
    shares = sorted({args.target_share, 0.95, 1.0})
    for share in shares:
        goal = share * mean["random"][-1]
        need = {arm: labels_needed(list(zip(counts, mean[arm])), goal) for arm in curves}
        said = {arm: str(n) if n is not None else f">{counts[-1]}" for arm, n in need.items()}
        ratio = f"{need['useful'] / need['random']:.2f}" if need["useful"] and need["random"] else "n/a"
        print(f"target {goal:.3f} ({share:.0%} of random order's final accuracy): next most useful "
              f"{said['useful']} labels, margin only {said['margin']}, random {said['random']}; "
              f"ratio next most useful / random {ratio}")
    for i, seed in enumerate(args.seeds):
        goal = curves["random"][i][-1][1]
        per = {arm: labels_needed(curves[arm][i], goal) for arm in curves}
        print(f"  seed {seed}: final accuracy {curves['useful'][i][-1][1]:.3f} (next most useful), "
              f"{curves['margin'][i][-1][1]:.3f} (margin only), {goal:.3f} (random); random's final "
              f"accuracy reached after {per['useful']} labels (next most useful), {per['margin']} "
              f"(margin only), {per['random']} (random)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
