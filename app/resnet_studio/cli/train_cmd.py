"""``resnet-studio train DATA_DIR --out MODEL.safetensors``: teach a model the categories of a folder.

Progress goes to stderr (a bar per epoch on a terminal, one line per epoch otherwise, nothing when
there is no stderr); the result goes to stdout, as text or, with ``--json``, as one JSON object on
the last line. Ctrl-C stops after the current batch and keeps the best model so far.

``--out`` is a file or a folder (an existing one, or a name ending in ``/``, created: the model gets
a new name in there from ``--name`` or the data folder's name, never replacing a file). While the
run lasts, the best model so far is ``NAME.partial.safetensors`` beside ``--out``; it takes the
place of ``--out`` when the run ends, so a model file already there stays whole until then (after
a crash or a kill it is still there, with the partial file beside it). After Ctrl-C the best model
so far takes the place of ``--out`` only when there was no model file there; otherwise it stays in
the partial file and both are named. A second run saving to the same file is refused at the start.

Exit codes: 0 trained; 1 trained, but some pictures could not be read (listed); 2 usage, data,
model or output error (one line on stderr); 130 cancelled.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from contextlib import contextmanager, nullcontext

from ..engine.devices import DEVICE_CHOICES
from ._common import err, fraction, is_tty, out, positive_float, positive_int, print_json, stream_ok
from ..engine.zoo import DEFAULT_ARCH, ZOO

MODE_CHOICES = ("auto", "head", "finetune", "full")


@contextmanager
def cancel_on_ctrl_c():
    """A ``threading.Event`` set by the first Ctrl-C (the engine then stops cleanly); a second
    Ctrl-C interrupts at once."""
    cancel = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield cancel
        return

    def handler(signum, frame):
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        err("stopping after this batch (press Ctrl-C again to stop at once)...")

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except (ValueError, OSError):
        yield cancel
        return
    # Under torchrun the launcher stops the other workers with SIGTERM when one fails: stopping
    # cleanly lets them say which process was lost instead of vanishing without a word.
    previous_term = signal.signal(signal.SIGTERM, lambda s, f: cancel.set()) if _under_torchrun() else None
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGINT, previous)
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)


def _under_torchrun() -> bool:
    return os.environ.get("WORLD_SIZE", "1").strip() not in ("", "0", "1")


def _rank() -> int:
    """This process's rank under torchrun (0 otherwise): only rank 0 prints progress and results."""
    try:
        return int(os.environ.get("RANK", "0")) if _under_torchrun() else 0
    except ValueError:
        return 0


def runtime_error_message(exc: BaseException) -> str | None:
    """A readable line for errors torch raises that a user can act on (memory)."""
    text = str(exc)
    if isinstance(exc, MemoryError) or "out of memory" in text.lower() or "can't allocate memory" in text.lower():
        return "the computer ran out of memory; try a smaller --batch-size or --image-size."
    return None


def format_table(per_class: list[dict]) -> list[str]:
    width = max([len("category")] + [len(r["name"]) for r in per_class])
    lines = [f"  {'category':<{width}}  precision  recall  pictures"]
    for r in per_class:
        lines.append(f"  {r['name']:<{width}}  {r['precision']:>9.1%}  {r['recall']:>6.1%}  {r['support']:>8d}")
    return lines


def format_confusion(classes: list[str], cm: list[list[int]]) -> list[str]:
    if not cm or len(classes) > 20:
        return []
    names = [c[:10] for c in classes]
    width = max(len(n) for n in names)
    col = max(5, width)
    lines = ["  confusion matrix (rows: true category, columns: predicted)"]
    lines.append("  " + " " * width + "  " + " ".join(f"{n:>{col}}" for n in names))
    for n, row in zip(names, cm):
        lines.append(f"  {n:<{width}}  " + " ".join(f"{v:>{col}d}" for v in row))
    return lines


def format_metrics(result, *, mistakes: int) -> list[str]:
    """Per-category table, confusion matrix and the ``mistakes`` most confident mistakes of a
    train or evaluate result (anything with per_class, classes, confusion_matrix, misclassified)."""
    lines = format_table(result.per_class) + format_confusion(result.classes, result.confusion_matrix)
    if result.misclassified:
        lines.append(f"  most confident mistakes ({len(result.misclassified)} in all):")
        lines += [f"    {m['path']}: {m['true']} taken for {m['predicted']} ({m['confidence']:.0%})"
                  for m in result.misclassified[:mistakes]]
    return lines


# --- progress --------------------------------------------------------------------------------


class Progress:
    """Engine events → a tqdm bar per epoch on a terminal, a line per epoch otherwise."""

    def __init__(self) -> None:
        self.tty = is_tty(sys.stderr)
        self.bar = None
        self.stage_bar = None
        self.stage_name = ""

    def _close_stage(self) -> None:
        if self.stage_bar is not None:
            self.stage_bar.close()
            self.stage_bar = None

    def __call__(self, event) -> None:
        kind = type(event).__name__
        if not stream_ok(sys.stderr):
            return
        try:
            if kind == "StageEvent":
                self._stage(event)
            elif kind == "BatchEvent":
                self._batch(event)
            elif kind == "EpochEvent":
                self._epoch(event)
        except (OSError, ValueError):  # a closed or broken stderr never stops training
            pass

    def _stage(self, ev) -> None:
        if ev.total and self.tty:
            from tqdm import tqdm

            if self.stage_bar is None or self.stage_name != ev.stage or self.stage_bar.total != ev.total:
                self._close_stage()
                label = {"extracting": "reading pictures", "preparing": "decoding pictures",
                         "evaluating": "classifying"}.get(ev.stage, ev.stage)
                self.stage_bar = tqdm(total=ev.total, desc=label, unit="img", file=sys.stderr, leave=False,
                                      dynamic_ncols=True)
                self.stage_name = ev.stage
            self.stage_bar.update(ev.done - self.stage_bar.n)
            return
        self._close_stage()
        # Without a terminal (logs, pipes) only the per-epoch lines are printed: steady, greppable.
        if self.tty and not ev.total and ev.stage in ("preparing", "training"):
            err(ev.message.rstrip(".") + ".")

    def _batch(self, ev) -> None:
        self._close_stage()
        if not self.tty:
            return
        from tqdm import tqdm

        if self.bar is None:
            self.bar = tqdm(total=ev.batches, desc=f"epoch {ev.epoch}/{ev.epochs}", unit="batch",
                            file=sys.stderr, leave=True, dynamic_ncols=True)
        self.bar.update(ev.batch - self.bar.n)
        self.bar.set_postfix_str(f"loss {ev.loss:.3f} acc {ev.accuracy:.0%} {ev.images_per_s:.0f} img/s", refresh=False)

    def _epoch(self, ev) -> None:
        text = (f"epoch {ev.epoch}/{ev.epochs}: train loss {ev.train_loss:.3f}, accuracy {ev.train_accuracy:.1%}; "
                f"validation loss {ev.val_loss:.3f}, accuracy {ev.val_accuracy:.1%}"
                + (" (best so far)" if ev.is_best else "") + f" [{ev.seconds:.1f}s]")
        if self.bar is not None:
            self.bar.set_postfix_str(f"val acc {ev.val_accuracy:.1%}")
            self.bar.close()
            self.bar = None
        if self.tty or ev.epochs <= 30 or ev.is_best or ev.epoch == ev.epochs or ev.epoch % 10 == 0:
            err(text)

    def close(self) -> None:
        self._close_stage()
        if self.bar is not None:
            self.bar.close()
            self.bar = None


# --- the command -----------------------------------------------------------------------------


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "train",
        help="teach a model the categories of a folder (one sub-folder per category)",
        description="Train a ResNet on DATA_DIR: one sub-folder of pictures per category "
        "(or train/ and val/ folders laid out that way). The best model is saved to --out.",
    )
    p.add_argument("data_dir", metavar="DATA_DIR", help="folder with one sub-folder per category")
    p.add_argument("--out", metavar="MODEL.safetensors",
                   help="where to save the model: a file, or a folder to save a new file in (a name ending "
                        "in / is created); while training, the best so far is NAME.partial.safetensors beside "
                        "it (default: the app's model library)")
    p.add_argument("--arch", default=DEFAULT_ARCH, choices=list(ZOO), help=f"network (default: {DEFAULT_ARCH})")
    p.add_argument("--mode", default="auto", choices=MODE_CHOICES,
                   help="what learns: head (last layer only, fastest), finetune (last stage too), "
                        "full (every layer); auto decides (default)")
    p.add_argument("--no-pretrained", dest="pretrained", action="store_false",
                   help="start from random weights instead of ImageNet weights")
    p.add_argument("--epochs", type=positive_int, metavar="N", help="passes over the pictures (default: auto)")
    p.add_argument("--batch-size", type=positive_int, metavar="N", help="pictures per step (default: auto)")
    p.add_argument("--lr", type=lr_value, metavar="X",
                   help="learning rate (default: chosen from the mode and batch size); 'auto' first tries "
                        "a range of rates on the pictures and trains with the best (learning-rate finder)")
    p.add_argument("--image-size", type=positive_int, default=224, metavar="PX",
                   help="picture size the network sees (default: 224)")
    p.add_argument("--val-fraction", type=fraction, default=0.2, metavar="F",
                   help="share of each category kept for validation when there is no val/ folder (default: 0.2)")
    p.add_argument("--seed", type=int, default=0, metavar="N", help="random seed (default: 0)")
    p.add_argument("--device", choices=DEVICE_CHOICES, default="auto", help="where to train (default: auto)")
    p.add_argument("--schedule", choices=("cosine", "step"), default="cosine", help="learning-rate schedule")
    p.add_argument("--no-augment", dest="augment", action="store_false",
                   help="no random crops, flips or colour changes")
    p.add_argument("--no-flip", dest="hflip", action="store_false",
                   help="no mirror images (for text, digits, left/right-sensitive pictures)")
    p.add_argument("--no-balance", dest="balance", action="store_const", const="off", default="auto",
                   help="do not weight small categories more when the largest has 3x the pictures of "
                        "the smallest (weighted by default)")
    p.add_argument("--name", default="", help="model name shown in the app (default: the file name)")
    p.add_argument("--allow-download", action="store_true",
                   help="download the ImageNet weights if they are not on this computer (off by default)")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object (last line of stdout)")
    p.set_defaults(func=run)


def lr_value(text: str) -> float | str:
    """A positive number, or ``auto`` (run the learning-rate finder first)."""
    if text.strip().lower() == "auto":
        return "auto"
    return positive_float(text)


def _config(args):
    from ..engine.train import TrainConfig

    lr = None if args.lr == "auto" else args.lr
    return TrainConfig(
        arch=args.arch, mode=args.mode, pretrained=args.pretrained, epochs=args.epochs,
        batch_size=args.batch_size, lr=lr, image_size=args.image_size, val_fraction=args.val_fraction,
        seed=args.seed, device=args.device, augment=args.augment, hflip=args.hflip, schedule=args.schedule,
        allow_download=args.allow_download, name=args.name, balance=args.balance,
    )


def _report(result) -> None:
    if result.model_path:
        out(f"model saved: {result.model_path}")
    else:
        out("no model was saved.")
    out(f"mode: {result.mode} ({result.settings.get('mode_reason', '')}), {result.arch}, "
        f"{result.n_train} training and {result.n_val} validation pictures, on {result.device}")
    if result.history:
        out(f"validation accuracy: {result.val_accuracy:.1%} (best epoch {result.best_epoch} of "
            f"{result.epochs_run}), train loss {result.train_loss:.3f}, validation loss {result.val_loss:.3f}")
        for line in format_metrics(result, mistakes=5):
            out(line)
    out(f"time: {result.seconds:.1f}s")


class SweepProgress:
    """Learning-rate finder events → a tqdm bar on a terminal (nothing otherwise: one line follows)."""

    def __init__(self, stages: Progress) -> None:
        self.stages = stages
        self.bar = None

    def __call__(self, event) -> None:
        if type(event).__name__ != "LRFinderEvent":
            self.stages(event)
            return
        if not self.stages.tty or not stream_ok(sys.stderr):
            return
        try:
            from tqdm import tqdm

            self.stages._close_stage()
            if self.bar is None:
                self.bar = tqdm(total=event.steps, desc="finding a learning rate", unit="step", file=sys.stderr,
                                leave=False, dynamic_ncols=True)
            self.bar.update(event.step - self.bar.n)
            self.bar.set_postfix_str(f"lr {event.lr:.1e} loss {event.loss:.3f}", refresh=False)
        except (OSError, ValueError):
            pass

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        self.stages.close()


def _find_lr(args, config, cancel, split=None):
    """``--lr auto``: sweep, print the suggestion on stderr, return the finder's result."""
    from ..engine.lr_finder import find_lr

    progress = SweepProgress(Progress()) if _rank() == 0 else (lambda event: None)
    try:
        found = find_lr(args.data_dir, config, on_event=progress, cancel=cancel, split=split)
    finally:
        if _rank() == 0:
            progress.close()
    if _rank() == 0:
        lo, hi = found.steep_range
        how = "steepest fall of the loss" if found.method == "steepest" else "a tenth of the rate at the lowest loss"
        err(f"learning rate: {found.suggestion:g} (learning-rate finder, {found.mode} mode: {how}; "
            f"the loss falls fastest from {lo:.2g} to {hi:.2g}) [{found.seconds:.1f}s]")
    return found


def _finder_json(found) -> dict:
    return {"suggestion": found.suggestion, "steep_range": list(found.steep_range), "method": found.method,
            "mode": found.mode, "stopped_early": found.stopped_early, "lrs": found.lrs, "losses": found.losses}


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..engine.errors import CancelledError, StudioError
    from ..engine.train import reserve_output, train

    config = _config(args)
    progress = Progress() if _rank() == 0 else (lambda event: None)
    found = None
    split = None
    try:
        # only rank 0 saves under torchrun; the output is claimed before the learning-rate sweep
        with cancel_on_ctrl_c() as cancel, (reserve_output(args.out) if _rank() == 0 else nullcontext()):
            if args.lr == "auto":
                from ..engine.datasets import scan_dataset

                # read once: the sweep and the training use the same pictures and split
                split = scan_dataset(args.data_dir, val_fraction=config.val_fraction, seed=config.seed)
                try:
                    found = _find_lr(args, config, cancel, split)
                except CancelledError:
                    if _rank() == 0:
                        err("cancelled while looking for a learning rate; nothing was trained.")
                    return 130
                # under torchrun every process swept on its own; train() makes all use rank 0's rate
                config = replace(config, lr=found.suggestion)
            result = train(args.data_dir, args.out, config, on_event=progress, cancel=cancel, split=split)
    except StudioError:
        raise  # one line, exit 2 (cli.main)
    except (RuntimeError, MemoryError) as exc:
        message = runtime_error_message(exc)
        if message is None or os.environ.get("RESNET_STUDIO_DEBUG"):
            raise
        err(f"error: {message}")
        return 2
    finally:
        if _rank() == 0:
            progress.close()
    if _rank() != 0:  # the other torchrun processes print nothing unless they fail
        return 130 if result.cancelled else 0
    for warning in result.warnings:
        err(f"warning: {warning}")
    for path, reason in result.skipped:
        err(f"skipped {path}: {reason}")
    if result.skipped:
        err(f"{len(result.skipped)} picture(s) could not be read and were left out.")
    if args.json:
        d = result.to_dict()
        d["lr"] = result.settings.get("lr", config.lr)
        if found is not None:
            d["lr_finder"] = _finder_json(found)
        print_json(d)
    else:
        _report(result)
    if result.cancelled:
        err("cancelled" + (f"; the best model so far is in {result.model_path}." if result.model_path else "."))
        return 130
    return 1 if result.skipped else 0
