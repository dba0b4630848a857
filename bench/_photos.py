"""Realistic synthetic photos for the benchmarks (no real images may be downloaded here).

A phone photo is mostly smooth areas with some edges and a little sensor grain; that is what
decides how long a JPEG takes to decode. Pure noise would decode several times slower than any real
photo, and a flat gradient much faster, so we build: a smooth random colour field, a few blurred
shapes, and mild grain, saved as JPEG quality 90.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter


def synthetic_photo(width: int, height: int, seed: int = 0) -> Image.Image:
    rng = np.random.default_rng(seed)
    # drawn at a quarter of the size (cheap), then upscaled: smooth areas and soft edges
    sw, sh = max(8, width // 4), max(8, height // 4)
    coarse = rng.integers(20, 235, (max(2, sh // 75), max(2, sw // 75), 3), dtype=np.uint8)
    img = Image.fromarray(coarse, "RGB").resize((sw, sh), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x0, y0 = int(rng.integers(0, sw)), int(rng.integers(0, sh))
        w, h = int(rng.integers(sw // 20 + 1, sw // 3 + 2)), int(rng.integers(sh // 20 + 1, sh // 3 + 2))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)((x0, y0, x0 + w, y0 + h), fill=colour)
    img = img.filter(ImageFilter.GaussianBlur(radius=0.7)).resize((width, height), Image.Resampling.BICUBIC)
    # sensor grain at full resolution (what makes real JPEGs cost what they cost to decode),
    # generated small and tiled so that making 200 photos stays quick
    grain = rng.normal(0, 6.0, (256, 256, 3)).round().astype(np.int16)
    reps = (height // 256 + 1, width // 256 + 1, 1)
    arr = np.asarray(img).astype(np.int16)
    arr += np.tile(grain, reps)[:height, :width]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def save_photo(path: Path, width: int, height: int, seed: int = 0, quality: int = 90) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    img = synthetic_photo(width, height, seed)
    if path.suffix.lower() == ".png":
        img.save(path, optimize=False, compress_level=6)
    else:
        img.save(path, quality=quality)
    return path


#: The "mixed folder": mostly phone photos, some portrait, some smaller images and screenshots.
FOLDER_MIX = [
    ((4000, 3000), ".jpg", 70),
    ((3000, 4000), ".jpg", 30),
    ((3264, 2448), ".jpg", 30),
    ((1920, 1080), ".jpg", 40),
    ((1280, 960), ".jpg", 20),
    ((1024, 768), ".png", 10),
]


def photo_folder(root: Path, *, count: int = 200) -> list[Path]:
    """Create (once; reused when already there) ``count`` mixed-size photos under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    spec = []
    i = 0
    while len(spec) < count:
        for (w, h), ext, n in FOLDER_MIX:
            for _ in range(n):
                if len(spec) < count:
                    spec.append((root / f"photo_{i:03d}_{w}x{h}{ext}", w, h, i))
                    i += 1
    marker = root / "done.json"
    names = [p.name for p, *_ in spec]
    if marker.is_file() and json.loads(marker.read_text()) == names and all(p.is_file() for p, *_ in spec):
        return [p for p, *_ in spec]
    for p, w, h, seed in spec:
        if not p.is_file():
            save_photo(p, w, h, seed)
    marker.write_text(json.dumps(names))
    return [p for p, *_ in spec]
