"""``resnet-studio sort SRC... --model M --into DST``: put pictures into one folder per category by
what the model says, and ``resnet-studio sort --undo DST`` to put them back.

Exit codes: 0 every picture sorted (or undone); 1 some pictures were left where they were (could not
be read, or the disk filled up); 2 usage, model or destination error (one line, nothing moved).
"""

from __future__ import annotations

import argparse
import json
import sys

from ..engine.devices import DEVICE_CHOICES
from ._common import err, model_arg, positive_int, progress_bar, stream_ok
from .classify_cmd import BACKEND_CHOICES
from ..engine.zoo import DEFAULT_ARCH


def _confidence(text: str) -> float:
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, or a percentage (got {text})")
    return value


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "sort",
        help="sort pictures into one folder per category by what a model says (with undo)",
        description="Copy (or move) each picture into DST/<category>/; pictures the model is not sure "
        "about go to DST/_unsure/. Nothing is overwritten; 'sort --undo DST' puts everything back.",
    )
    p.add_argument("paths", nargs="*", metavar="SRC", help="pictures or folders to sort")
    p.add_argument("--into", metavar="DST", help="the folder to sort into (made if missing)")
    p.add_argument("--model", default=DEFAULT_ARCH, metavar="NAME|FILE",
                   help=f"your model's name or file, or an ImageNet model (default: {DEFAULT_ARCH})")
    p.add_argument("--move", action="store_true", help="move the pictures instead of copying them")
    p.add_argument("--min-confidence", type=_confidence, default=0.5, metavar="X",
                   help="below this confidence a picture goes to _unsure (0-1 or a percentage; default: 0.5)")
    p.add_argument("--undo", metavar="DST", help="put back every picture an earlier sort into DST moved or copied")
    p.add_argument("--json", action="store_true", help="print what went where as one JSON object")
    p.add_argument("--device", choices=DEVICE_CHOICES, default="auto", help="where to run the model (default: auto)")
    p.add_argument("--batch-size", type=positive_int, default=16, metavar="N", help="pictures per batch (default: 16)")
    p.add_argument("--backend", choices=BACKEND_CHOICES, default="auto",
                   help="inference engine; auto uses ONNX Runtime on the CPU and PyTorch on a GPU")
    p.set_defaults(func=run)


def _print_json(obj: dict) -> None:
    if stream_ok(sys.stdout):
        print(json.dumps(obj, ensure_ascii=False), flush=True)


def _undo(args: argparse.Namespace) -> int:
    from ..engine.sort_journal import undo_sort

    report = undo_sort(args.undo)
    if args.json:
        _print_json(report.to_dict())
    if report.nothing_to_undo:
        err(f"nothing to undo in {args.undo}: no sort into it is on record (or it was undone already).")
        return 0
    for path, reason in report.kept:
        err(f"note: kept {path}: {reason}")
    err(f"undone: {len(report.restored)} pictures put back, {len(report.removed)} copies removed"
        + (f", {len(report.kept)} kept (see above)" if report.kept else "") + ".")
    return 1 if report.kept else 0


def run(args: argparse.Namespace) -> int:
    if args.undo:
        if args.paths or args.into:
            err("error: --undo DST takes no pictures and no --into; run it on its own.")
            return 2
        return _undo(args)
    if not args.paths or not args.into:
        err("error: give the pictures or folders to sort and --into DST (or --undo DST).")
        return 2

    from ..engine.images import collect_images
    from ..engine.sort_by_prediction import apply_sort, check_destination, plan_by_prediction

    # Before the model loads: a destination that cannot work is said at once.
    check_destination(args.into, args.paths)
    args.model = model_arg(args.model)
    collected = collect_images(args.paths)
    if not collected.images:
        err(f"error: no pictures found in {', '.join(args.paths)}.")
        return 2

    from ..engine.predict import Predictor

    predictor = Predictor(args.model, device=args.device, batch_size=args.batch_size, top_k=1,
                          backend=args.backend, on_status=err)
    with progress_bar(len(collected.images), desc="classifying") as bar:
        rows = []
        for r in predictor.classify_paths(collected.images, top_k=1):
            rows.append(r.plain())
            bar.update(1)
    plan = plan_by_prediction(rows, min_confidence=args.min_confidence)
    with progress_bar(len(plan.placements), desc="moving" if args.move else "copying") as bar:
        outcome = apply_sort(plan, args.into, move=args.move, sources=args.paths,
                             progress=lambda done, total: bar.update(done - bar.n))
    if args.json:
        _print_json(outcome.to_dict())
    for path, reason in outcome.left:
        err(f"note: left in place: {path}: {reason}")
    counts = ", ".join(f"{folder} {n}" for folder, n in sorted(plan.counts().items()))
    verb = "moved" if args.move else "copied"
    summary = f"{verb} {len(outcome.placed)} of {len(plan.placements)} pictures into {args.into} ({counts})"
    if outcome.stopped:
        summary += f"; stopped early: {outcome.stopped}"
    if outcome.report:
        summary += f"; report: {outcome.report.name}"
    err(summary + f". To put them back: resnet-studio sort --undo {args.into}")
    return 1 if outcome.left else 0
