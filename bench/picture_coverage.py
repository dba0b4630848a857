"""How many of a folder's pictures the app classifies, next to how many Pillow itself opens.

Not a speed benchmark: a coverage count, for "every picture people really have" (issue 13).
Usage: ``.venv/bin/python bench/picture_coverage.py FOLDER`` (e.g. Pillow's own ``Tests/images``).
Files Pillow would open as EPS/PDF are counted as not opened here (they would start Ghostscript).
"""

from __future__ import annotations

import json
import sys
import warnings
from collections import Counter
from pathlib import Path


def main(folder: str) -> None:
    warnings.simplefilter("ignore")
    from PIL import Image

    from resnet_studio.engine.errors import ImageReadError
    from resnet_studio.engine.images import collect_images, open_image

    root = Path(folder)
    files = sorted(p for p in root.rglob("*") if p.is_file())

    def pillow_opens(p: Path) -> bool:
        try:
            with Image.open(p) as im:
                if im.format in ("EPS", "PDF"):
                    return False
                im.load()
            return True
        except Exception:  # noqa: BLE001 - a test corpus is full of broken files on purpose
            return False

    pil = {p for p in files if pillow_opens(p)}
    collected = collect_images([root])
    ours = set()
    for p in collected.images:
        try:
            open_image(p, min_side=256)
            ours.add(p)
        except ImageReadError:
            pass
    print(json.dumps({
        "files": len(files), "pillow_opens": len(pil), "found_in_folder": len(collected.images),
        "skipped_and_named": len(collected.skipped), "classified": len(ours),
        "pillow_opens_and_we_classify": len(pil & ours),
    }))
    missed = Counter(p.suffix.lower() for p in pil - ours)
    print("Pillow opens, the app does not:", sum(missed.values()), dict(missed.most_common(20)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
