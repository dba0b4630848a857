"""``resnet-studio suggest DATASET UNLABELED... [--json] [--top N] [--model ARCH]``: a suggested
category for every unlabelled picture, learnt from a few labelled ones, most useful to label first.

Exit codes: 0 a row for every picture; 1 some pictures, labelled or not, could not be read (listed
on stderr; the others have their rows); 2 usage, data or model error (one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata

from ..engine.zoo import DEFAULT_ARCH, ZOO
from ._common import err, out, positive_int, progress_bar, stream_ok
from .classify_cmd import skipped_summary


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "suggest",
        help="suggest a category for unlabelled pictures, most useful to label first",
        description="Learn from the labelled pictures in DATASET (one folder per category; 3 pictures "
        "per category are enough to start) and suggest a category, with a confidence, for every "
        "unlabelled picture. Rank 1 is the picture whose label would help the model most. Pictures "
        "already in DATASET (same content) come last.",
    )
    p.add_argument("dataset", metavar="DATASET", help="a folder with one sub-folder of pictures per category")
    p.add_argument("paths", nargs="+", metavar="UNLABELED", help="unlabelled pictures or folders of them")
    p.add_argument("--json", action="store_true", help="one JSON object per picture and line")
    p.add_argument("--top", type=positive_int, default=None, metavar="N",
                   help="only the N pictures most useful to label next")
    p.add_argument("--model", choices=sorted(ZOO), default=DEFAULT_ARCH, metavar="ARCH",
                   help=f"the ImageNet network whose features are used (default: {DEFAULT_ARCH})")
    p.set_defaults(func=run)


def _labelled(dataset: str) -> dict[str, str]:
    from ..engine.datasets import scan_dataset

    split = scan_dataset(dataset)  # DatasetError (exit 2) when missing, empty or one category
    return {str(path): split.classes[idx] for path, idx in split.train + split.val + split.test}


def _columns(text: str) -> int:
    """Terminal columns ``text`` takes: Chinese and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _print_table(rows) -> None:
    width = max([_columns(s.label) for s in rows] + [5])
    out(f"{'rank':>5}  {'confidence':>10}  {'label'.ljust(width)}  path")
    for s in rows:
        label = s.label + " " * (width - _columns(s.label))
        out(f"{s.rank:>5}  {s.confidence:>10.1%}  {label}  {s.path}")


def run(args: argparse.Namespace) -> int:
    from ..engine.images import collect_images
    from ..engine.suggest import suggest

    labelled = _labelled(args.dataset)
    collected = collect_images(args.paths)
    if not collected.images:
        err(f"error: no pictures found in {', '.join(args.paths)}.")
        return 2
    for line in skipped_summary(collected.skipped, collected.reasons):
        err(f"note: {line}")
    unlabelled = [str(p) for p in collected.images]
    with progress_bar(None, desc="reading pictures") as bar:
        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        rows = suggest(labelled, unlabelled, arch=args.model, progress=progress)
    shown = rows[:args.top] if args.top else list(rows)
    if args.json:
        if stream_ok(sys.stdout):
            for s in shown:
                out(json.dumps({"path": s.path, "label": s.label, "confidence": round(s.confidence, 6),
                                "rank": s.rank, "margin": round(s.margin, 6)}, ensure_ascii=False))
    else:
        _print_table(shown)
    unlabelled_set = set(unlabelled)
    for path, why in rows.skipped:
        kind = "unlabelled" if path in unlabelled_set else "labelled"
        err(f"note: could not read {kind} picture {path}: {why}")
    summary = f"suggested a category for {len(rows)} of {len(unlabelled)} pictures"
    if rows.skipped:
        summary += f"; {len(rows.skipped)} could not be read (see above)"
    if len(labelled) < 10:  # too few to fit a temperature on (engine.calibration.FOLDS x 2)
        summary += "; with so few labels the confidences are rough"
    err(summary + ".")
    return 1 if rows.skipped else 0
