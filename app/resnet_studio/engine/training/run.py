"""One run's shared state (:class:`_Run`): events, cancel, the best model so far, saving it beside
the output, putting it in place when the run ends (or after a failure), and the result.
"""

from __future__ import annotations

import logging
import math
import time
from pathlib import Path

from ..errors import ModelError, OutputWriteError, StudioError
from ..fileio import partial_path, promote
from ..metrics import Metrics, cell_paths
from .contract import FILE_MISCLASSIFIED, KEPT_BESIDE, EpochEvent, StageEvent, TrainResult
from .planning import preprocess_for

log = logging.getLogger(__name__)


def not_useful_reason(val_accuracy: float, confusion_matrix: list[list[int]]) -> str:
    """Why a model is hardly better than guessing, or "" when it is not: ``"chance"`` (validation
    accuracy at most 1.5 / number of categories) or ``"one_category"`` (one answer for at least 90 %
    of the validation pictures while that category is fewer of them). A from-scratch run stopped
    after an epoch can call every picture "7"; such a model must not pass for a trained one."""
    n_classes = len(confusion_matrix)
    total = sum(sum(row) for row in confusion_matrix)
    if n_classes < 2 or total == 0:
        return ""
    if val_accuracy <= 1.5 / n_classes:
        return "chance"
    said = [sum(row[j] for row in confusion_matrix) for j in range(n_classes)]
    top = max(range(n_classes), key=said.__getitem__)
    if said[top] >= 0.9 * total and sum(confusion_matrix[top]) < 0.9 * total:
        return "one_category"
    return ""


class _Run:
    """State shared by the two training loops: events, best model, saving, the result."""

    def __init__(self, config, plan, split, out_path, device, emit, cancel, started) -> None:
        self.config = config
        self.plan = plan
        self.split = split
        self.classes = list(split.classes)
        self.out_path = out_path
        self.device = device
        self.emit = emit
        self.cancel = cancel
        self.started = started
        self.preprocess = preprocess_for(config)
        self.history: list[EpochEvent] = []
        self.skipped: list[tuple[str, str]] = []
        self.warnings: list[str] = []
        self.calibration: dict = {}  # calibration.summary(): fitted after the loop (issue 15)
        self.best_key: tuple[float, float] | None = None
        self.best: dict = {}  # epoch, metrics, train_loss, train_accuracy
        self.saved_path: Path | None = None
        self.cancelled = False
        self.n_train = 0
        self.n_val = 0
        self.cache_hits = 0
        self.extracted = 0
        self.val_source = "val"
        self.frozen_backend = ""  # what ran the frozen layers (head / finetune): torch, onnxruntime, cache
        self.dist = None  # distributed.Distributed under torchrun
        self.is_main = True  # only rank 0 reports, saves and records the run
        self.class_weights = self._balance()

    def _balance(self) -> list[float] | None:
        """The loss weights of uneven categories (issue 16), said in the warnings; None when even
        or ``balance`` is "off"."""
        from .planning import balance_for

        found = balance_for(self.config, self.split)
        if found is None:
            return None
        weights, largest, smallest = found
        self.warnings.append(f"Your categories are uneven (largest {largest}, smallest {smallest}): "
                             "training weighted the small ones more.")
        return weights

    # --- events -------------------------------------------------------------------------------
    def stage(self, stage: str, message: str, done: int = 0, total: int = 0) -> None:
        self.emit(StageEvent(stage, message, int(done), int(total)))

    def diverged(self) -> None:
        """The loss became infinite: stop, keep the best model so far (if any), say why."""
        message = ("Training stopped: the loss became infinite (the learning rate is too high for "
                   "these pictures). Try a lower learning rate.")
        if not self.history:
            raise ModelError(message)
        self.warnings.append(message)

    def check_cancel(self) -> bool:
        if self.cancel.is_set():
            self.cancelled = True
        return self.cancelled

    # --- best model ---------------------------------------------------------------------------
    @staticmethod
    def _key(metrics: Metrics) -> tuple[float, float]:
        return metrics.accuracy, (-metrics.loss if math.isfinite(metrics.loss) else -math.inf)

    def is_better(self, metrics: Metrics) -> bool:
        return self.best_key is None or self._key(metrics) > self.best_key

    def record_best(self, epoch: int, metrics: Metrics, train_loss: float, train_acc: float) -> None:
        self.best_key = self._key(metrics)
        self.best = {"epoch": epoch, "metrics": metrics, "train_loss": train_loss, "train_accuracy": train_acc}

    def settings(self) -> dict:
        c = self.config
        augment = c.augment and self.plan.mode != "head"  # head mode trains on unchanged pictures
        return {
            "mode": self.plan.mode, "arch": c.arch, "pretrained": c.pretrained, "epochs": self.plan.epochs,
            "batch_size": self.plan.batch_size, "lr": self.plan.lr, "image_size": c.image_size,
            "val_fraction": c.val_fraction, "seed": c.seed, "augment": augment,
            "hflip": c.hflip and augment, "color_jitter": c.color_jitter, "crop_scale": c.crop_scale,
            "schedule": c.schedule, "weight_decay": c.weight_decay, "momentum": c.momentum,
            "label_smoothing": c.label_smoothing, "small_input": self.plan.small_input,
            "device": str(self.device), "layout": self.split.layout, "mode_reason": self.plan.reason,
            "frozen_backend": self.frozen_backend, "balance": c.balance,
            "class_weights": [round(w, 4) for w in self.class_weights] if self.class_weights else None,
            **({"processes": self.dist.world_size, "rank": self.dist.rank,
                "batch_per_process": self.plan.batch_size / self.dist.world_size} if self.dist else {}),
        }

    def save(self, state_dict: dict) -> Path:
        from ..modelfile import ModelInfo, save_model_file

        m: Metrics = self.best["metrics"]
        metrics = {
            "val_accuracy": m.accuracy, "val_loss": m.loss, "train_loss": self.best["train_loss"],
            "train_accuracy": self.best["train_accuracy"], "best_epoch": self.best["epoch"],
            "per_class": m.per_class, "confusion_matrix": m.confusion_matrix,
            "misclassified": m.misclassified[:FILE_MISCLASSIFIED], "n_train": self.n_train,
            "n_val": self.n_val, "val_source": self.val_source,
            "not_useful": not_useful_reason(m.accuracy, m.confusion_matrix),
        }
        info = ModelInfo(
            arch=self.config.arch, classes=self.classes, preprocess=self.preprocess,
            small_input=self.plan.small_input, metrics=metrics, training=self.settings(),
            dataset_dir=str(self.split.root), name=self.config.name or self.out_path.stem,
            calibration=dict(self.calibration),
        )
        self.stage("saving", f"Saving the best model so far (epoch {self.best['epoch']})")
        # beside the output until the run ends: the user's previous file stays whole meanwhile
        partial = partial_path(self.out_path)
        try:
            save_model_file(partial, state_dict, info)
        except OutputWriteError as exc:
            # the user named out_path: the partial file's name in the message would only puzzle them
            raise OutputWriteError(exc.message.replace(partial.name, self.out_path.name),
                                   details=exc.details) from exc
        self.saved_path = partial
        return partial

    def finish(self) -> None:
        """Put the best model in place of the output. A cancelled run never replaces a model
        file the user already had: its best model stays beside it, and a warning says where."""
        if self.saved_path is None or self.saved_path == self.out_path:
            return
        if self.cancelled and self.out_path.exists():
            self.warnings.append(KEPT_BESIDE)
            return
        self.saved_path = promote(self.saved_path, self.out_path)

    def salvage(self) -> None:
        """After a failure: the best model so far takes the output's name when that name was
        free (as before a cancel), so a crash late in a long run still leaves a model; a model
        file the user already had is never replaced by an unfinished run."""
        if self.saved_path is None or self.saved_path == self.out_path or self.out_path.exists():
            return
        try:
            self.saved_path = promote(self.saved_path, self.out_path)
        except StudioError as exc:  # the run's own error is the one to report
            log.info("could not put the best model so far in place: %s", exc)

    def result(self) -> TrainResult:
        m: Metrics | None = self.best.get("metrics")
        scan_ignored = [(str(p), r) for p, r in getattr(self.split, "skipped", [])]
        return TrainResult(
            model_path=self.saved_path, mode=self.plan.mode, arch=self.config.arch, classes=self.classes,
            epochs_run=len(self.history), val_accuracy=m.accuracy if m else 0.0,
            best_epoch=int(self.best.get("epoch", 0)), train_loss=float(self.best.get("train_loss", 0.0)),
            val_loss=m.loss if m else 0.0, per_class=m.per_class if m else [],
            confusion_matrix=m.confusion_matrix if m else [], misclassified=m.misclassified if m else [],
            history=list(self.history), skipped=sorted(self.skipped), cancelled=self.cancelled,
            seconds=time.perf_counter() - self.started,
            train_accuracy=float(self.best.get("train_accuracy", 0.0)), settings=self.settings(),
            device=str(self.device), n_train=self.n_train, n_val=self.n_val, warnings=list(self.warnings),
            ignored=scan_ignored, feature_cache_hits=self.cache_hits, features_extracted=self.extracted,
            not_useful=not_useful_reason(m.accuracy, m.confusion_matrix) if m else "",
            calibration=dict(self.calibration), cells=cell_paths(m) if m else [], data_dir=str(self.split.root),
        )

    def epoch_done(self, epoch, train_loss, train_acc, metrics: Metrics, seconds) -> bool:
        better = self.is_better(metrics)
        if better:
            self.record_best(epoch, metrics, train_loss, train_acc)
        ev = EpochEvent(
            epoch=epoch, epochs=self.plan.epochs, train_loss=float(train_loss), train_accuracy=float(train_acc),
            val_loss=float(metrics.loss), val_accuracy=float(metrics.accuracy),
            best_val_accuracy=float(self.best_key[0]), is_best=better, seconds=float(seconds),
        )
        self.history.append(ev)
        self.emit(ev)
        return better
