"""Make the tiny sample data the app ships: one picture to classify and a two-class training set.

The self-test (``resnet-studio --self-test``, Help → Diagnostics) classifies ``sample.jpg`` and
runs two training steps on ``tiny_dataset/``; both must exist in every build, weigh a few KB, and
be reproducible, so they are drawn here rather than copied from somewhere. Run it again only when
the samples change: ``python resources/samples/make_samples.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
CLASSES = ("circle", "square")
PER_CLASS = 5  # 4 train + 1 validation image per class at the default 20 % split
SIZE = 32


def _shape_image(kind: str, index: int) -> Image.Image:
    # Flat colours compress to a few hundred bytes as PNG; the small shifts make each image differ.
    bg = (20 + 7 * index, 24, 40 - 3 * index)
    img = Image.new("RGB", (SIZE, SIZE), bg)
    draw = ImageDraw.Draw(img)
    m = 5 + index % 3
    box = (m, m + index % 2, SIZE - m, SIZE - m)
    if kind == "circle":
        draw.ellipse(box, fill=(220, 60 + 10 * index, 40))
    else:
        draw.rectangle(box, fill=(40, 90 + 10 * index, 220))
    return img


def _sample_picture() -> Image.Image:
    """A small picture with the colours and edges a photo has (sky, sun, hills, a house)."""
    w, h = 96, 72
    img = Image.new("RGB", (w, h), (120, 170, 230))
    draw = ImageDraw.Draw(img)
    for y in range(h // 2):  # sky gradient
        draw.line([(0, y), (w, y)], fill=(110 + y, 160 + y, 235))
    draw.ellipse((66, 6, 84, 24), fill=(255, 220, 90))
    draw.polygon([(0, 50), (30, 30), (60, 52), (96, 36), (96, 72), (0, 72)], fill=(70, 140, 60))
    draw.rectangle((22, 40, 44, 60), fill=(200, 190, 170))
    draw.polygon([(19, 41), (33, 28), (47, 41)], fill=(150, 50, 40))
    draw.rectangle((30, 49, 36, 60), fill=(90, 60, 40))
    return img


def make_samples(root: Path = HERE) -> list[Path]:
    """Write the samples under ``root``; returns the files written."""
    written = []
    picture = root / "sample.jpg"
    _sample_picture().save(picture, quality=85, optimize=True)
    written.append(picture)
    for kind in CLASSES:
        for i in range(PER_CLASS):
            out = root / "tiny_dataset" / kind / f"{kind}_{i}.png"
            out.parent.mkdir(parents=True, exist_ok=True)
            _shape_image(kind, i).save(out, optimize=True)
            written.append(out)
    return written


if __name__ == "__main__":
    files = make_samples(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
    total = sum(f.stat().st_size for f in files)
    print(f"wrote {len(files)} files, {total / 1024:.1f} KB")
