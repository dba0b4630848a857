"""``resnet-studio evaluate MODEL DATA_DIR``: how well a trained model does on a labelled folder.

Prints accuracy, per-category precision and recall, the confusion matrix and the most confident
mistakes; ``--json`` prints them as one JSON object (the last line of stdout).

Exit codes: 0 done; 1 done, but some pictures could not be read (listed); 2 usage, data or model
error (one line on stderr); 130 cancelled.
"""

from __future__ import annotations

import argparse

from ..engine.devices import DEVICE_CHOICES
from ._common import err, model_arg, out, positive_int, print_json
from .train_cmd import Progress, cancel_on_ctrl_c, format_metrics


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "evaluate",
        help="measure a trained model on a labelled folder (one sub-folder per category)",
        description="Classify every picture of DATA_DIR with MODEL and compare with the folder names.",
    )
    p.add_argument("model", metavar="MODEL", help="one of your models, by the name 'resnet-studio models' lists, or a model file (.safetensors)")
    p.add_argument("data_dir", metavar="DATA_DIR", help="folder with one sub-folder per category")
    p.add_argument("--part", default="auto", choices=("auto", "all", "train", "val", "test"),
                   help="which pictures of a train/val/test folder to use (default: test, else val; "
                        "every picture of a plain folder)")
    p.add_argument("--device", choices=DEVICE_CHOICES, default="auto", help="where to run the model (default: auto)")
    p.add_argument("--batch-size", type=positive_int, default=32, metavar="N", help="pictures per batch (default: 32)")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object (last line of stdout)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..engine.errors import CancelledError
    from ..engine.train import evaluate

    args.model = model_arg(args.model)
    progress = Progress()
    try:
        with cancel_on_ctrl_c() as cancel:
            result = evaluate(args.model, args.data_dir, device=args.device, batch_size=args.batch_size,
                              on_event=progress, cancel=cancel, part=args.part)
    except CancelledError:
        err("cancelled.")
        return 130
    finally:
        progress.close()
    for path, reason in result.skipped:
        err(f"skipped {path}: {reason}")
    if result.skipped:
        err(f"{len(result.skipped)} picture(s) could not be read and were left out.")
    unknown = [i for i in result.ignored if "has no category" in i[1]]
    if unknown:
        err(f"{len(unknown)} picture(s) are in categories the model does not know and were left out.")
    if args.json:
        print_json(result.to_dict())
    else:
        out(f"accuracy: {result.accuracy:.1%} on {result.count} pictures ({result.part}), loss {result.loss:.3f}")
        for line in format_metrics(result, mistakes=10):
            out(line)
    return 1 if result.skipped else 0
