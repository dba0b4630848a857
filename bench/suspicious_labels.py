"""Finding wrong labels (issue 16): are the pictures we put in the wrong folder on top of the list?

    PYTHONPATH=app .venv/bin/python bench/suspicious_labels.py             # 3 seeds, a few minutes
    PYTHONPATH=app .venv/bin/python bench/suspicious_labels.py --per-class 60 --noise 0.05 --seeds 0 1 2

Data: real handwritten digits, scikit-learn's ``load_digits`` (8x8 grey levels; nothing is
downloaded; the CSV scikit-learn ships, from /tmp/h5_sklearn or sys.path), ``--per-class`` pictures of each
digit upscaled to 64x64 and written as PNG class folders. Per seed, ``--noise`` of the pictures
(5 %) are moved into a random *other* digit's folder: those are the wrong labels to find.

Check: :func:`find_suspicious_labels` through the app's own path (ImageNet features from the
feature cache, 5-fold out-of-fold softmax heads, confident-learning thresholds). The "ImageNet"
weights are a seeded random init put where the app looks for them (nothing real can be downloaded
here): the features are weak but real, so the numbers are a floor for what real weights give.

Reported per seed: precision and recall of the injected pictures among the top K entries (K = the
number injected), and the same for a random ranking of all pictures drawn in the same run (its
expected precision is the noise rate); also how many entries were listed in all, and the seconds of
the first check (features extracted) and of a second one on the same pictures (all from the cache).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
UPSCALE = 64


def _digits(per_class: int):
    """scikit-learn's digits, read from the CSV it ships (importing sklearn itself is not needed)."""
    candidates = [Path(p) / "sklearn" / "datasets" / "data" / "digits.csv.gz" for p in ["/tmp/h5_sklearn", *sys.path]]
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        sys.exit("needs scikit-learn's digits: pip install --target /tmp/h5_sklearn scikit-learn")
    data = np.loadtxt(found, delimiter=",")
    images, target = data[:, :64].reshape(-1, 8, 8), data[:, 64].astype(int)
    keep = np.concatenate([np.flatnonzero(target == c)[:per_class] for c in range(10)])
    return images[keep], target[keep]


def _write(root: Path, images, labels) -> list[Path]:
    from PIL import Image

    paths = []
    for i, (img, y) in enumerate(zip(images, labels, strict=True)):
        grey = (np.clip(img / 16.0, 0, 1) * 255).astype(np.uint8)
        pic = Image.fromarray(grey, "L").resize((UPSCALE, UPSCALE), Image.Resampling.BILINEAR).convert("RGB")
        out = root / f"digit_{y}" / f"{i:05d}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        pic.save(out)
        paths.append(out)
    return paths


def _fake_weights(base: Path) -> None:
    import torch

    from resnet_studio.engine import zoo

    torch.manual_seed(0)
    dest = zoo.cache_dir() / zoo.arch_info("resnet18").weights_filename
    dest.parent.mkdir(parents=True, exist_ok=True)
    torch.save(zoo.build_model("resnet18").state_dict(), dest)


def _precision_recall(ranked: list[str], wrong: set[str], k: int) -> tuple[float, float]:
    hits = len(set(ranked[:k]) & wrong)
    return hits / max(1, k), hits / max(1, len(wrong))


def run_seed(seed: int, images, labels, base: Path, noise: float) -> dict:
    from resnet_studio.engine.label_check import find_suspicious_labels

    root = base / f"seed{seed}"
    if root.exists():
        shutil.rmtree(root)
    paths = _write(root, images, labels)
    rng = np.random.default_rng(seed)
    n_wrong = int(round(noise * len(paths)))
    wrong = set()
    for i in rng.choice(len(paths), n_wrong, replace=False):
        y = int(labels[i])
        other = int(rng.choice([c for c in range(10) if c != y]))
        target = root / f"digit_{other}" / paths[i].name
        os.rename(paths[i], target)
        wrong.add(str(target))
    t0 = time.perf_counter()
    found = find_suspicious_labels(root)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = find_suspicious_labels(root)
    second = time.perf_counter() - t0
    assert [s.path for s in again] == [s.path for s in found]
    ranked = [str(s.path) for s in found]
    prec, rec = _precision_recall(ranked, wrong, n_wrong)
    everything = [str(p) for p in sorted(root.rglob("*.png"))]
    rng.shuffle(everything)
    rprec, rrec = _precision_recall(everything, wrong, n_wrong)
    return {"seed": seed, "pictures": len(paths), "injected": n_wrong, "listed": len(found),
            "precision": prec, "recall": rec, "random_precision": rprec, "random_recall": rrec,
            "listed_recall": len(set(ranked) & wrong) / max(1, n_wrong), "first_s": first, "second_s": second}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-class", type=int, default=60)
    ap.add_argument("--noise", type=float, default=0.05)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    args = ap.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="suspicious-bench-"))
    os.environ["TORCH_HOME"] = str(base / "torch_home")
    os.environ["RESNET_STUDIO_CACHE_DIR"] = str(base / "cache")
    os.environ.setdefault("RESNET_STUDIO_DATA_DIR", str(base / "data"))
    _fake_weights(base)  # torch keeps its own thread count, as in the app
    images, labels = _digits(args.per_class)
    rows = [run_seed(s, images, labels, base, args.noise) for s in args.seeds]
    print(f"{'seed':>4} {'pics':>5} {'wrong':>5} {'listed':>6} {'P@K':>6} {'R@K':>6} {'rand P@K':>8} "
          f"{'recall(all listed)':>18} {'1st s':>6} {'2nd s':>6}")
    for r in rows:
        print(f"{r['seed']:>4} {r['pictures']:>5} {r['injected']:>5} {r['listed']:>6} {r['precision']:>6.2f} "
              f"{r['recall']:>6.2f} {r['random_precision']:>8.2f} {r['listed_recall']:>18.2f} "
              f"{r['first_s']:>6.1f} {r['second_s']:>6.1f}")
    mean = {k: float(np.mean([r[k] for r in rows])) for k in ("precision", "random_precision", "listed_recall")}
    print(f"mean P@K {mean['precision']:.2f} (random {mean['random_precision']:.2f}); "
          f"share of injected listed at all {mean['listed_recall']:.2f}")
    shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
