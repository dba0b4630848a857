"""Write models/manifest.json from torchvision's weights enums (the zoo's DEFAULT ImageNet weights).

Run after upgrading torchvision:  python build_spec/make_manifest.py
The manifest tells the downloader (and the installer build) which file each model needs, where it
comes from and how to check it. torchvision publishes only the first hex digits of each file's
SHA-256 (in its file name); ``sha256`` stays null until someone records a full digest.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "app"))


def manifest_entries() -> list[dict]:
    from resnet_studio.engine.zoo import ZOO

    entries = []
    for name, info in ZOO.items():
        w = info.weights
        filename = w.url.rsplit("/", 1)[-1]
        m = re.search(r"-([a-f0-9]{6,})\.", filename)
        entries.append(
            {
                "name": name,
                "weights": f"{type(w).__name__}.{w.name}",
                "file": filename,
                "url": w.url,
                "sha256": None,
                "sha256_prefix": m.group(1) if m else None,
                "size_mb": float(w.meta["_file_size"]),
            }
        )
    return entries


def main() -> None:
    out = ROOT / "models" / "manifest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"weights": manifest_entries()}, indent=2, ensure_ascii=False) + "\n"
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(manifest_entries())} models)")


if __name__ == "__main__":
    main()
