"""Scan + health report on a generated 20,000-image dataset: ours vs a straightforward baseline.

    .venv/bin/python bench/bench_dataset_scan.py [--images 20000] [--classes 10] [--dir PATH]

Baselines, timed in the same run on the same files (warm disk cache for both; the first pass
warms it):
  * scan:   torchvision ``ImageFolder(root)`` (lists and sorts files, no split) vs ``scan_dataset``.
  * health: decode every file with ``open_image`` and SHA-256 it, one thread (what a simple
            checker does) vs ``check_dataset`` (headers + tail check, hash only same-size files,
            thread pool).
A second run does the health check on camera-sized JPEGs (--photos), where decoding dominates.
The generated sets are cached in the temp folder and reused. A few planted problems (damaged files,
copies across classes) check that both find the same thing.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

from resnet_studio.engine.datasets import check_dataset, scan_dataset
from resnet_studio.engine.errors import ImageReadError
from resnet_studio.engine.images import open_image


def generate(root: Path, n: int, n_classes: int) -> None:
    marker = root / ".complete"
    if marker.exists():
        return
    rng = np.random.default_rng(0)
    per_class = n // n_classes
    for c in range(n_classes):
        folder = root / f"class_{c:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            arr = rng.integers(0, 255, (48, 48, 3), dtype=np.uint8)
            buf = io.BytesIO()
            Image.fromarray(arr).save(buf, format="JPEG" if i % 2 else "PNG", quality=80)
            (folder / f"img_{i:05d}.{'jpg' if i % 2 else 'png'}").write_bytes(buf.getvalue())
    # planted problems: 5 damaged files (cut in half), 5 copies across classes
    for k in range(5):
        p = root / "class_00" / f"img_{2 * k + 1:05d}.jpg"
        p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])
        src = root / "class_01" / f"img_{2 * k:05d}.png"
        (root / "class_02" / f"copy_{k}.png").write_bytes(src.read_bytes())
    marker.write_text("ok")


def generate_photos(root: Path, n: int) -> None:
    """Camera-sized JPEGs (1600 x 1200, smooth picture + grain): where header-only reading pays."""
    marker = root / ".complete"
    if marker.exists():
        return
    rng = np.random.default_rng(1)
    yy, xx = np.mgrid[0:1200, 0:1600]
    base = np.stack([xx * 255 // 1599, yy * 255 // 1199, (xx + yy) * 127 // 2798], -1)
    for i in range(n):
        folder = root / f"class_{i % 2}"
        folder.mkdir(parents=True, exist_ok=True)
        arr = np.clip(base + rng.integers(-8, 8, (1, 1, 3)) * (i + 1) % 64, 0, 255).astype(np.uint8)
        Image.fromarray(arr).save(folder / f"photo_{i:04d}.jpg", quality=90)
    marker.write_text("ok")


def baseline_health(root: Path) -> tuple[int, int]:
    bad = 0
    digests: dict[str, list[Path]] = {}
    for cls in sorted(p for p in root.iterdir() if p.is_dir()):
        for f in sorted(cls.rglob("*")):
            if not f.is_file():
                continue
            try:
                open_image(f)
            except ImageReadError:
                bad += 1
                continue
            digests.setdefault(hashlib.sha256(f.read_bytes()).hexdigest(), []).append(f)
    return bad, sum(1 for g in digests.values() if len(g) > 1)


def best_of(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--images", type=int, default=20_000)
    ap.add_argument("--classes", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--photos", type=int, default=200, help="camera-sized JPEGs for a second run (0: skip)")
    ap.add_argument("--dir", type=Path, default=None)
    args = ap.parse_args()
    root = args.dir or Path(tempfile.gettempdir()) / f"rs_bench_dataset_{args.images}_{args.classes}"
    t = time.perf_counter()
    generate(root, args.images, args.classes)
    print(f"dataset: {root} ({time.perf_counter() - t:.1f} s to prepare), cpus={os.cpu_count()}")

    from torchvision.datasets import ImageFolder

    scan_dataset(root)  # warm the disk cache
    t_if, folder = best_of(lambda: ImageFolder(str(root)), args.repeat)
    t_scan, split = best_of(lambda: scan_dataset(root), args.repeat)
    assert len(folder.samples) == split.num_images, (len(folder.samples), split.num_images)
    print(f"scan   {split.num_images} images: ImageFolder {t_if:.3f} s   scan_dataset {t_scan:.3f} s   "
          f"ratio {t_if / t_scan:.2f}x")

    t_base, (bad, dups) = best_of(lambda: baseline_health(root), 1)
    t_ours, rep = best_of(lambda: check_dataset(root), args.repeat)
    found = (len(rep.unreadable), len(rep.duplicates))
    assert found == (bad, dups), (found, bad, dups)
    print(f"health {rep.num_images + len(rep.unreadable)} files: full decode + sha256 {t_base:.2f} s   "
          f"check_dataset {t_ours:.2f} s   speed-up {t_base / t_ours:.1f}x   "
          f"(found {bad} damaged, {dups} duplicate groups)")

    if args.photos:
        proot = Path(tempfile.gettempdir()) / f"rs_bench_dataset_photos_{args.photos}"
        generate_photos(proot, args.photos)
        check_dataset(proot)  # warm the disk cache
        t_base, (bad, dups) = best_of(lambda: baseline_health(proot), 1)
        t_ours, rep = best_of(lambda: check_dataset(proot), args.repeat)
        assert len(rep.unreadable) == bad and len(rep.duplicates) == dups
        print(f"health {args.photos} 1600x1200 JPEGs: full decode + sha256 {t_base:.2f} s   "
              f"check_dataset {t_ours:.2f} s   speed-up {t_base / t_ours:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
