"""``resnet-studio export MODEL --format onnx|torchscript --out FILE``: use a model outside the app.

The exported file is run once (ONNX Runtime / ``torch.jit.load``) and compared with the model
before it is saved. Exit codes: 0 exported; 2 usage, model or export error (one line on stderr).
"""

from __future__ import annotations

import argparse

from ._common import model_arg, out, print_json


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export",
        help="export a trained model to ONNX or TorchScript",
        description="Write MODEL as an ONNX or TorchScript file (input: normalised float32 batch "
        "N x 3 x size x size; output: logits). Class names and preprocessing are stored inside.",
    )
    p.add_argument("model", metavar="MODEL", help="one of your models, by the name 'resnet-studio models' lists, or a model file (.safetensors)")
    p.add_argument("--format", required=True, choices=("onnx", "torchscript"), help="file format")
    p.add_argument("--out", required=True, metavar="FILE", help="where to write the exported model")
    p.add_argument("--no-verify", dest="verify", action="store_false",
                   help="skip running the exported file to check it")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..engine.export import export_model

    args.model = model_arg(args.model)
    path = export_model(args.model, args.format, args.out, verify=args.verify)
    if args.json:
        print_json({"path": str(path), "format": args.format, "verified": bool(args.verify)})
    else:
        out(f"exported {args.format} model: {path}" + (" (checked: same outputs as the model)" if args.verify else ""))
    return 0
