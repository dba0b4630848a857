"""``resnet-studio models``: the ResNet family, and whether each one's weights are on this computer.

``--download NAME...`` fetches ImageNet weights explicitly (the only way this command touches the
network); ``--json`` prints the table as a JSON list for scripts.
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
        description="List the ResNet models. 'offline: yes' means its ImageNet weights are on this computer.",
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


def run(args: argparse.Namespace) -> int:
    from ..engine.zoo import bundled_models_dir, cache_dir, weights_status

    code = _download(args.download) if args.download else 0
    rows = weights_status()
    if not stream_ok(sys.stdout):
        return code
    if args.json:
        print(json.dumps(rows, indent=2))
        return code
    print(_table(rows))
    print(f"\nWeights are looked for in {bundled_models_dir()} and {cache_dir()}.")
    if not all(r["available"] for r in rows):
        print("Get missing ones with: resnet-studio models --download NAME  (needs internet)")
    return code
