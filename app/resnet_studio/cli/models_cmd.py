"""``resnet-studio models``: the ResNet family, whether each one's weights are on this computer, and
the user's own models (the app's library: name, architecture, categories, file).

``--download NAME...`` fetches ImageNet weights explicitly (the only way this command touches the
network); ``--json`` prints both as one JSON list for scripts: the ImageNet rows first
(``"kind": "imagenet"``), then the user's (``"kind": "yours"``). Every command taking a model
understands the names of the second list (``engine.library.resolve_model``).
"""

from __future__ import annotations

import argparse
import json
import sys

from ..engine.zoo import ZOO
from ._common import download_progress, err, stream_ok


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "models",
        help="list the available models and whether their weights are on this computer",
        description="List the ResNet models ('offline: yes' means its ImageNet weights are on this "
        "computer) and your own models, whose names every command taking a model understands.",
    )
    p.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    p.add_argument(
        "--download", nargs="+", choices=list(ZOO), metavar="NAME",
        help="download the ImageNet weights of these models (needs internet)",
    )
    p.set_defaults(func=run)


def _download(names: list[str]) -> int:
    from ..engine.errors import StudioError
    from ..engine.zoo import arch_info, download_weights, find_weights

    failed = 0
    for name in dict.fromkeys(names):
        found = find_weights(name)
        if found is not None:
            err(f"{name}: already on this computer ({found}).")
            continue
        progress, bar = download_progress(arch_info(name).weights_filename)
        try:
            path = download_weights(name, progress=progress)
        except StudioError as exc:
            err(f"error: {exc}")
            failed += 1
            continue
        finally:
            bar.close()
        err(f"{name}: downloaded to {path}.")
    return 2 if failed else 0


def _table(rows: list[dict]) -> str:
    header = ("NAME", "MODEL", "PARAMS", "SIZE", "IMAGENET TOP-1", "OFFLINE")
    lines = [header]
    for r in rows:
        lines.append((
            r["name"], r["display_name"], f"{r['params_m']:.1f} M", f"{r['size_mb']:.0f} MB",
            f"{r['imagenet_top1']:.1f} %", "yes" if r["available"] else "no",
        ))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in lines)


def your_models() -> list[dict]:
    """The app's library as plain rows (headers only: no torch); damaged files say why."""
    from ..engine.library import list_models

    rows = []
    for e in list_models():
        rows.append({
            "kind": "yours", "name": e.name, "arch": e.info.arch if e.ok else "",
            "categories": len(e.info.classes) if e.ok else 0, "file": str(e.path),
            "available": e.ok, "error": e.error,
        })
    return rows


def _yours_table(rows: list[dict]) -> str:
    from ..engine.zoo import ZOO

    header = ("NAME", "MODEL", "CATEGORIES", "FILE")
    lines = [header]
    for r in rows:
        arch = ZOO[r["arch"]].display_name if r["arch"] in ZOO else (r["arch"] or "damaged")
        lines.append((r["name"], arch, str(r["categories"]) if r["available"] else "-", r["file"]))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in lines)


def run(args: argparse.Namespace) -> int:
    from ..engine.library import library_dir
    from ..engine.zoo import bundled_models_dir, cache_dir, weights_status

    code = _download(args.download) if args.download else 0
    rows = weights_status()
    yours = your_models()
    if not stream_ok(sys.stdout):
        return code
    if args.json:
        print(json.dumps([{"kind": "imagenet", **r} for r in rows] + yours, indent=2, ensure_ascii=False))
        return code
    print(_table(rows))
    print(f"\nWeights are looked for in {bundled_models_dir()} and {cache_dir()}.")
    if not all(r["available"] for r in rows):
        print("Get missing ones with: resnet-studio models --download NAME  (needs internet)")
    print("\nYour models")
    if yours:
        print(_yours_table(yours))
        print(f"\nUse one by its name, e.g.: resnet-studio classify PHOTOS --model \"{yours[0]['name']}\"")
    else:
        print(f"None yet ({library_dir()}): train one with resnet-studio train or in the app.")
    return code
