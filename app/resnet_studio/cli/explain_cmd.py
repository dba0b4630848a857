"""``resnet-studio explain IMAGE --out heatmap.png``: where in the picture the model saw its label.

Writes the image with a Grad-CAM heat map blended over it and prints the label and its score.
Exit codes: 0 written; 2 unreadable image, unknown model or label, or the file could not be saved
(one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..engine.devices import DEVICE_CHOICES
from ..engine.zoo import DEFAULT_ARCH
from ._common import download_progress, err, model_arg, stream_ok

# Kept here (not imported from engine.explain) so that building the parser imports no numpy/torch.
LAYER_CHOICES = ("layer1", "layer2", "layer3", "layer4")


def opacity_value(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1 (got {text})")
    return value


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "explain",
        help="show which parts of an image made the model choose its label (Grad-CAM heat map)",
        description="Save the image with a heat map over it: red where the model found the most "
        "evidence for the label, dark blue where it found none.",
    )
    p.add_argument("image", metavar="IMAGE", help="the image file to explain")
    p.add_argument(
        "--model", default=DEFAULT_ARCH, metavar="NAME|FILE",
        help=f"a model name from 'resnet-studio models' or a model file (default: {DEFAULT_ARCH})",
    )
    p.add_argument(
        "--label", metavar="LABEL",
        help="the category to explain, by name or number (default: the model's best guess)",
    )
    p.add_argument(
        "--layer", choices=LAYER_CHOICES, default="layer4",
        help="which stage of the network to look at; layer4 (default) is what the decision is made "
        "from, earlier ones give sharper but less meaningful maps",
    )
    p.add_argument(
        "--opacity", type=opacity_value, default=0.5, metavar="0..1",
        help="how strongly the heat map covers the image (default: 0.5)",
    )
    p.add_argument("--out", required=True, metavar="FILE", help="where to save the picture (.png)")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object instead of text")
    p.add_argument("--device", choices=DEVICE_CHOICES, default="cpu", help="where to run the model (default: cpu)")
    p.add_argument(
        "--allow-download", action="store_true",
        help="download the ImageNet weights if they are not on this computer (off by default)",
    )
    p.set_defaults(func=run)


def _image_format(out: Path) -> str | None:
    """Pillow's format name for the file name's extension (PNG, JPEG, ...), None if unknown."""
    from PIL import Image

    return Image.registered_extensions().get(out.suffix.lower())


def _check_out(out: Path) -> str | None:
    if out.is_dir():
        return f"--out {out}: this is a folder; give a file name such as heatmap.png."
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        return f"--out {out}: the folder {parent} does not exist."
    if _image_format(out) is None:
        return f"--out {out}: give a picture file name ending in .png."
    return None


def _write_image(image, out: Path) -> None:
    from ..engine.fileio import atomic_write

    with atomic_write(out) as fh:
        image.save(fh, format=_image_format(out))


def run(args: argparse.Namespace) -> int:
    from ..engine.errors import ImageReadError, StudioError, WeightsNotFoundError

    args.model = model_arg(args.model)
    out = Path(args.out)
    problem = _check_out(out)
    if problem:
        err(f"error: {problem}")
        return 2

    from ..engine.explain import explain_file

    progress, bar = download_progress("downloading weights", enabled=args.allow_download)
    try:
        image, explanations = explain_file(
            args.image, args.model, label=args.label, layer=args.layer, top_k=1,
            device=args.device, allow_download=args.allow_download,
        )
        explanation = explanations[0]
        _write_image(explanation.overlay(image, args.opacity), out)
    except ImageReadError as exc:
        err(f"error: {args.image}: {exc}")
        return 2
    except WeightsNotFoundError as exc:
        hint = "" if args.allow_download else " To download it now, add --allow-download."
        err(f"error: {exc}{hint}")
        return 2
    except StudioError as exc:
        err(f"error: {exc}")
        return 2
    finally:
        if bar is not None:
            bar.close()

    if stream_ok(sys.stdout):
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:  # a Chinese label on a Latin console must not crash the run
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass
        if args.json:
            record = {"path": args.image, "model": args.model, **explanation.to_dict(), "out": str(out)}
            print(json.dumps(record))
        else:
            print(f"{args.image}: {explanation.label} {explanation.score:.1%} (heat map saved to {out})")
    return 0
