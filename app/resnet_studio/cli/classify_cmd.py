"""``resnet-studio classify PATH...``: top-k labels for images and folders, as text, JSON lines or CSV.

Exit codes: 0 every image classified; 1 some files could not be read (the rest were classified and
written); 2 usage, model or output error (one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from pathlib import Path

from ..engine.devices import DEVICE_CHOICES
from ..engine.fileio import on_read_only_disk
from ._common import download_progress, err, model_arg, positive_int, progress_bar, stream_ok
from ..engine.zoo import DEFAULT_ARCH

# Kept here (not imported from engine.backends) so that building the parser imports no numpy/torch.
BACKEND_CHOICES = ("auto", "torch", "onnxruntime")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "classify",
        help="classify images (files or folders) with an ImageNet model or your own model file",
        description="Print the most likely labels for each image. Folders are searched recursively.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="image files or folders")
    p.add_argument(
        "--model", default=DEFAULT_ARCH, metavar="NAME|FILE",
        help=f"a model name from 'resnet-studio models' or a model file (default: {DEFAULT_ARCH})",
    )
    p.add_argument("--top-k", type=positive_int, default=5, metavar="K", help="labels per image (default: 5)")
    p.add_argument("--csv", metavar="FILE", help="also write the results to this CSV file")
    p.add_argument("--json", action="store_true", help="print one JSON object per image instead of text")
    p.add_argument("--device", choices=DEVICE_CHOICES, default="auto", help="where to run the model (default: auto)")
    p.add_argument("--batch-size", type=positive_int, default=16, metavar="N", help="images per batch (default: 16)")
    p.add_argument(
        "--backend", choices=BACKEND_CHOICES, default="auto",
        help="inference engine; auto uses ONNX Runtime on the CPU and PyTorch on a GPU",
    )
    p.add_argument(
        "--allow-download", action="store_true",
        help="download the ImageNet weights if they are not on this computer (off by default)",
    )
    p.set_defaults(func=run)


def _is_dir(path: Path) -> bool:
    # Path.is_dir raises for a name that is too long (Python 3.11); os.stat's errors are all "no".
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _check_csv_target(path: Path) -> str | None:
    """Why the CSV cannot be written there, found before classifying (None when it looks fine).
    Problems only the write itself finds (a full disk) are reported when they happen."""
    if _is_dir(path):
        return f"--csv {path}: this is a folder; give a file name such as results.csv."
    parent = path.parent if str(path.parent) else Path(".")
    if not _is_dir(parent):
        return f"--csv {path}: the folder {parent} does not exist."
    if on_read_only_disk(parent):
        return f"--csv {path}: the folder {parent} is on a read-only disk."
    if not os.access(parent, os.W_OK):
        return f"--csv {path}: you do not have permission to write in {parent}."
    # 255 bytes is the usual limit for one name; the temporary ".NAME.xxxxxxxx.part" beside it
    # needs 15 more, and failing there would waste the whole classification run.
    if len(path.name.encode("utf-8", "surrogateescape")) > 240:
        return f"--csv {path}: the file name is too long."
    return None


def _format_text(row: dict) -> str:
    if row["error"]:
        return f"{row['path']}: ERROR: {row['error']}"
    labels = ", ".join(f"{label} {score:.1%}" for label, score, _index in row["predictions"])
    return f"{row['path']}: {labels}"


#: How many names the "N files are not pictures: ..." line shows.
_SHOW_SKIPPED = 5


def skipped_summary(skipped: list[Path], reasons: dict[Path, str]) -> list[str]:
    """One line per kind of skipped file: ``"12 files are not pictures: a.txt, b.doc, …"``."""
    from ..engine.images import NOT_A_NORMAL_FILE, NOT_A_PICTURE, TOO_BIG

    wording = {
        NOT_A_PICTURE: ("file is not a picture", "files are not pictures"),
        NOT_A_NORMAL_FILE: ("file is not a normal file (a device or a pipe)", "files are not normal files (devices or pipes)"),
        TOO_BIG: ("file is far too big to be a picture", "files are far too big to be pictures"),
    }
    groups: dict[str, list[Path]] = {}
    for p in skipped:
        groups.setdefault(reasons.get(p, NOT_A_PICTURE), []).append(p)
    lines = []
    for reason, paths in groups.items():
        one, many = wording.get(reason, (f"file was skipped ({reason})", f"files were skipped ({reason})"))
        names = ", ".join(p.name for p in paths[:_SHOW_SKIPPED])
        more = f", … ({len(paths) - _SHOW_SKIPPED} more)" if len(paths) > _SHOW_SKIPPED else ""
        lines.append(f"{len(paths)} {one if len(paths) == 1 else many}: {names}{more}")
    return lines


def _make_stdout_tolerant() -> None:
    # A console that cannot show a character (a Chinese file name on a Latin code page) must not
    # end the run with UnicodeEncodeError.
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):
            pass


def run(args: argparse.Namespace) -> int:
    from ..engine.errors import WeightsNotFoundError
    from ..engine.images import collect_images

    args.model = model_arg(args.model)
    collected = collect_images(args.paths)
    if not collected.images:
        where = ", ".join(args.paths)
        extra = f" ({len(collected.skipped)} other files were skipped)" if collected.skipped else ""
        err(f"error: no images found in {where}{extra}.")
        return 2
    csv_path = Path(args.csv) if args.csv else None
    if csv_path is not None:
        problem = _check_csv_target(csv_path)
        if problem:
            err(f"error: {problem}")
            return 2

    from ..engine.predict import Predictor, json_row, write_results_csv

    progress, bar = download_progress("downloading weights", enabled=args.allow_download)
    try:
        predictor = Predictor(
            args.model, device=args.device, batch_size=args.batch_size, top_k=args.top_k,
            allow_download=args.allow_download, backend=args.backend, progress=progress,
            on_status=err,
        )
    except WeightsNotFoundError as exc:
        hint = "" if args.allow_download else " To download it now, add --allow-download."
        err(f"error: {exc}{hint}")
        return 2
    finally:
        if bar is not None:
            bar.close()
    if predictor.backend_note:
        err(f"note: {predictor.backend_note}")

    _make_stdout_tolerant()
    out = sys.stdout if stream_ok(sys.stdout) else None
    counts = {"done": 0, "failed": 0}
    total = len(collected.images)

    def emit(rows):
        from tqdm import tqdm

        with progress_bar(total, desc="classifying") as pbar:
            for row in rows:
                counts["done"] += 1
                counts["failed"] += row["error"] is not None
                if out is not None:
                    line = json.dumps(json_row(row)) if args.json else _format_text(row)
                    if pbar.disable:
                        print(line, file=out, flush=True)
                    else:
                        tqdm.write(line, file=out)
                pbar.update(1)
                yield row

    for line in skipped_summary(collected.skipped, collected.reasons):
        err(f"note: {line}")
    # Each result becomes a plain row once; the text, JSON and CSV are all written from it.
    rows = emit(r.plain() for r in predictor.classify_paths(collected.images, top_k=args.top_k))
    if csv_path is not None:
        write_results_csv(rows, csv_path, args.top_k)
    else:
        for _ in rows:
            pass
    if args.json and out is not None:
        # Every file in the folders is accounted for in the JSON too, not only the pictures.
        for p in collected.skipped:
            row = {"path": str(p), "predictions": [], "error": None, "skipped": collected.reasons.get(p, "")}
            print(json.dumps(row), file=out, flush=True)

    failed = counts["failed"]
    summary = f"classified {counts['done'] - failed} of {total} images with {predictor.name} on {predictor.device_description}"
    if failed:
        summary += f"; {failed} could not be read"
    if collected.skipped:
        n_other = len(collected.skipped)
        summary += f"; {n_other} other file{'' if n_other == 1 else 's'} skipped"
    if csv_path is not None:
        summary += f"; results saved to {csv_path}"
    err(summary + ".")
    return 1 if failed else 0
