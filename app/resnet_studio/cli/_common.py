"""Small helpers every CLI command shares: argument types, safe printing, progress bars.

Printing never fails in a windowed (frozen) app, where ``sys.stdout``/``sys.stderr`` are None.
"""

from __future__ import annotations

import argparse
import json
import sys


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 (got {value})")
    return value


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 (got {text})")
    return value


def fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not 0 <= value < 1:
        raise argparse.ArgumentTypeError(f"must be from 0 up to (not including) 1 (got {text})")
    return value


def model_arg(spec: str) -> str:
    """``--model`` / ``MODEL`` as the engine loads it: a zoo name, a file, or one of the app's models
    by its library name (``engine.library.resolve_model``; ModelError, exit 2, when none fits)."""
    from ..engine.library import resolve_model

    return resolve_model(spec)


def stream_ok(stream) -> bool:
    """False in a windowed (frozen) app, where ``sys.stdout``/``sys.stderr`` are None."""
    return stream is not None and hasattr(stream, "write")


def is_tty(stream) -> bool:
    try:
        return stream_ok(stream) and bool(stream.isatty())
    except (ValueError, OSError):
        return False


def err(message: str) -> None:
    if stream_ok(sys.stderr):
        try:
            print(f"resnet-studio: {message}", file=sys.stderr, flush=True)
        except (OSError, ValueError):
            pass


def out(text: str = "") -> None:
    if stream_ok(sys.stdout):
        try:
            print(text, file=sys.stdout, flush=True)
        except UnicodeEncodeError:
            print(text.encode("ascii", "backslashreplace").decode("ascii"), file=sys.stdout, flush=True)


def print_json(obj: dict) -> None:
    out(json.dumps(obj, ensure_ascii=False, default=str))


def progress_bar(total: int | None, *, unit: str = "img", desc: str = "", **kwargs):
    """A tqdm bar on stderr, shown only on a terminal; never fails when there is no stderr."""
    from tqdm import tqdm

    stderr = sys.stderr
    show = stream_ok(stderr) and getattr(stderr, "isatty", lambda: False)()
    return tqdm(
        total=total, unit=unit, desc=desc, file=stderr if show else None, disable=not show,
        leave=False, dynamic_ncols=True, **kwargs,
    )


def download_progress(desc: str, *, enabled: bool = True):
    """``(callback, bar)`` for a weights download: callback(done_bytes, total_bytes);
    ``(None, None)`` when downloading is not allowed (nothing to show)."""
    if not enabled:
        return None, None
    bar = progress_bar(None, unit="B", desc=desc, unit_scale=True, unit_divisor=1024)

    def callback(done: int, total: int) -> None:
        if total and bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    return callback, bar
