"""Teaching a ResNet the user's categories: three modes, events out of the loop, cancel, best model.

Modes (``TrainConfig.mode``):

* **head**: the pre-trained backbone stays frozen and only the last layer learns. Backbone features
  of every picture are computed once and cached on disk (:mod:`features`), so the first run costs
  one pass over the pictures and any later run on the same pictures (other settings) starts at once.
  The last layer learns on standardised features (better conditioned), folded back into ``fc``.
* **finetune**: the last stage (``layer4``) and the last layer learn; the frozen front runs without
  gradients, with its batch-norm statistics fixed.
* **full**: every layer learns, the classic recipe: SGD with momentum 0.9, weight decay, warm-up
  then a cosine (or step) schedule. From scratch on small pictures (64 px or less) the model gets
  the small-image stem (3x3 stride-1 first convolution, no max-pool).

``auto`` picks head on a CPU (minutes → seconds), last-stage on a GPU with enough pictures, and full
from scratch. Pictures are decoded once at a modest size and kept in RAM (:mod:`train_data`);
batches are made in a thread while the model computes. The best model by validation accuracy is
written atomically after each improvement to ``<name>.partial.safetensors`` beside the output, and
put in the output's place (one atomic rename) when the run ends: a model file the user already had
stays whole until then, and a crash or a kill leaves it intact with the best so far beside it. A
cancel keeps the best so far too (see :meth:`_Run.finish`). One run at a time may save to a file
(:func:`fileio.output_lock`); a folder as output means "a new file in there".
Deterministic for a seed on the CPU; mixed precision on CUDA. Unreadable pictures are skipped and
listed in ``TrainResult.skipped``.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import math
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

import numpy as np

from .cpu_memory import keep_freed_memory
from .errors import (
    CancelledError, DatasetError, ModelError, ModelFileError, OutputInUseError, OutputWriteError, StudioError,
    WeightsNotFoundError,
)
from .fileio import output_lock, partial_path, promote
from .images import Preprocess
from .metrics import Metrics, compute_metrics, softmax

log = logging.getLogger(__name__)

MODES = ("auto", "head", "finetune", "full")
SCHEDULES = ("cosine", "step")
#: Misclassified pictures stored in a model file (the result keeps more).
FILE_MISCLASSIFIED = 50
KEPT_BESIDE = ("Training was cancelled, so the model file you already had was left as it was; the best "
               "model of this training is saved beside it.")


@dataclass
class TrainConfig:
    """Training settings; ``None`` means "choose for me" (see :func:`plan_training`)."""

    arch: str = "resnet18"
    mode: str = "auto"  # auto | head | finetune | full
    pretrained: bool = True
    epochs: int | None = None
    batch_size: int | None = None
    lr: float | None = None
    image_size: int = 224
    val_fraction: float = 0.2
    seed: int = 0
    device: str = "auto"
    augment: bool = True
    schedule: str = "cosine"  # or "step"
    weight_decay: float = 1e-4
    momentum: float = 0.9
    allow_download: bool = False
    cache_dir: Path | None = None  # feature cache; default user_cache_dir()/features
    name: str = ""
    # --- extras (optional) ---
    small_input: bool | None = None  # small-image stem; default: from scratch at 64 px or less
    hflip: bool = True  # part of augmentation; off for text, digits, left/right-sensitive pictures
    color_jitter: float = 0.2
    crop_scale: float = 0.25  # smallest random crop, as a share of the picture's area
    label_smoothing: float = 0.0
    feature_backend: str = "auto"  # head mode on the CPU: auto | torch | onnxruntime
    workers: int | None = None  # decoding threads
    # Start from one of OUR model files instead of ImageNet weights (correct-and-retrain): same
    # arch required; its preprocess and small_input win over the settings above.
    init_model: Path | None = None


# ------------------------------------------------------------------------------------------------
# Events (plain dataclasses: numbers and strings only)


@dataclass
class StageEvent:
    stage: str  # preparing | extracting | training | evaluating | saving
    message: str
    done: int = 0
    total: int = 0


@dataclass
class BatchEvent:
    epoch: int  # 1-based
    epochs: int
    batch: int  # 1-based, within the epoch
    batches: int
    loss: float  # running mean over the epoch so far
    accuracy: float  # running training accuracy over the epoch so far
    lr: float
    images_per_s: float
    eta_s: float | None
    progress: float  # 0..1 over the whole run


@dataclass
class EpochEvent:
    epoch: int
    epochs: int
    train_loss: float
    train_accuracy: float
    val_loss: float
    val_accuracy: float
    best_val_accuracy: float
    is_best: bool
    seconds: float


EventFn = Callable[[object], None]


@dataclass
class TrainResult:
    model_path: Path | None
    mode: str
    arch: str
    classes: list[str]
    epochs_run: int
    val_accuracy: float
    best_epoch: int
    train_loss: float
    val_loss: float
    per_class: list[dict]  # {"name","precision","recall","f1","support"}
    confusion_matrix: list[list[int]]  # rows = true class, columns = predicted
    misclassified: list[dict]  # {"path","true","predicted","confidence","loss"}, worst first
    history: list[EpochEvent]
    skipped: list[tuple[str, str]]  # unreadable pictures: (path, reason)
    cancelled: bool
    seconds: float
    # --- extras ---
    train_accuracy: float = 0.0
    settings: dict = field(default_factory=dict)  # what was actually used (after "auto")
    device: str = ""
    n_train: int = 0
    n_val: int = 0
    warnings: list[str] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # non-pictures the scan passed over
    feature_cache_hits: int = 0
    features_extracted: int = 0
    run_id: str = ""  # the run's record in runs.list_runs() ("" when it could not be written)

    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["model_path"] = str(self.model_path) if self.model_path else None
        d["history"] = [asdict(e) for e in self.history]
        d["skipped"] = [list(s) for s in self.skipped]
        d["ignored"] = [list(s) for s in self.ignored]
        d["epochs"] = self.epochs_run
        return d


@dataclass
class EvalResult:
    model_path: str
    data_dir: str
    classes: list[str]
    accuracy: float
    loss: float
    per_class: list[dict]
    confusion_matrix: list[list[int]]
    misclassified: list[dict]
    count: int
    skipped: list[tuple[str, str]]  # unreadable pictures
    ignored: list[tuple[str, str]]  # pictures of a category the model does not know, non-pictures
    part: str  # which pictures were used: "all", "val", "test"...
    seconds: float
    backend: str = ""

    def to_dict(self) -> dict:
        d = asdict(self)
        d["skipped"] = [list(s) for s in self.skipped]
        d["ignored"] = [list(s) for s in self.ignored]
        return d


# ------------------------------------------------------------------------------------------------
# Choosing settings


@dataclass
class TrainPlan:
    """What ``auto`` and ``None`` settings became, and why (for the GUI and the log)."""

    mode: str
    epochs: int
    batch_size: int
    lr: float
    small_input: bool
    reason: str


#: Learning rate for a batch of 64 (scaled linearly with the batch size).
_BASE_LR = {"head": 0.1, "finetune": 0.02, "full": 0.01, "scratch": 0.1}


def plan_training(config: TrainConfig, n_train: int, device_type: str = "cpu") -> TrainPlan:
    """Fill in ``auto``/``None`` settings from the device and the number of training pictures.

    A user who presses Start with no settings should get a good model quickly: on a CPU that means
    the head only (seconds once features are cached); on a GPU with some hundreds of pictures the
    last stage too, which is more accurate and still quick; from scratch every layer must learn.
    """
    mode = config.mode
    if mode not in MODES:
        raise ModelError(f"Unknown training mode '{mode}'. Choose one of: {', '.join(MODES)}.")
    reason = "as chosen"
    if mode == "auto":
        if not config.pretrained:
            mode, reason = "full", "from scratch, every layer has to learn"
        elif device_type == "cuda" and n_train >= 200:
            mode, reason = "finetune", "a GPU and enough pictures: the last stage learns too"
        else:
            mode, reason = "head", "fastest: only the last layer learns on cached features"
    small_input = config.small_input
    init = init_model_info(config)
    if init is not None:
        small_input = init.small_input  # the model file's stem is the one its weights fit
    if small_input is None:
        small_input = not config.pretrained and config.image_size <= 64
    gpu = device_type == "cuda"
    batch = config.batch_size or (128 if mode == "head" else 64 if gpu else 32)
    batch = max(1, min(int(batch), max(1, n_train)))
    if config.epochs:
        epochs = int(config.epochs)
    elif mode == "head":
        # small folders need more passes for the same number of steps; each pass takes milliseconds
        epochs = int(min(60, max(20, math.ceil(6000 / max(1, n_train)))))
    elif mode == "finetune":
        epochs = 8
    elif config.pretrained:
        epochs = 10
    else:
        epochs = 30
    key = "scratch" if (mode == "full" and not config.pretrained) else mode
    lr = float(config.lr) if config.lr else _BASE_LR[key] * batch / 64
    return TrainPlan(mode, epochs, batch, lr, bool(small_input), reason)


def _check_config(config: TrainConfig) -> None:
    from .zoo import arch_info

    arch_info(config.arch)
    if config.schedule not in SCHEDULES:
        raise ModelError(f"Unknown schedule '{config.schedule}'. Choose 'cosine' or 'step'.")
    for name, lo in (("epochs", 1), ("batch_size", 1)):
        v = getattr(config, name)
        if v is not None and int(v) < lo:
            raise ModelError(f"The number of {name.replace('_', ' ')} must be at least {lo} (got {v}).")
    if config.lr is not None and not (0 < float(config.lr) < 10):
        raise ModelError(f"The learning rate must be a positive number below 10 (got {config.lr}).")
    if not 16 <= int(config.image_size) <= 1024:
        raise ModelError(f"The picture size must be between 16 and 1024 pixels (got {config.image_size}).")


def preprocess_for(config: TrainConfig) -> Preprocess:
    """Training/inference preprocessing: the weights' own at their size, else the classic ratio
    (``init_model``: that model's own, so its backbone sees pictures as it learnt them)."""
    from .zoo import arch_info

    init = init_model_info(config)
    if init is not None:
        return init.preprocess
    if config.pretrained:
        ref = Preprocess.from_weights(arch_info(config.arch).weights)
        if ref.crop_size == config.image_size:
            return ref
    return Preprocess.for_image_size(int(config.image_size))


# ------------------------------------------------------------------------------------------------
# The run


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
        return {
            "mode": self.plan.mode, "arch": c.arch, "pretrained": c.pretrained, "epochs": self.plan.epochs,
            "batch_size": self.plan.batch_size, "lr": self.plan.lr, "image_size": c.image_size,
            "val_fraction": c.val_fraction, "seed": c.seed, "augment": c.augment and self.plan.mode != "head",
            "hflip": c.hflip, "color_jitter": c.color_jitter, "crop_scale": c.crop_scale,
            "schedule": c.schedule, "weight_decay": c.weight_decay, "momentum": c.momentum,
            "label_smoothing": c.label_smoothing, "small_input": self.plan.small_input,
            "device": str(self.device), "layout": self.split.layout, "mode_reason": self.plan.reason,
            "frozen_backend": self.frozen_backend,
            **({"processes": self.dist.world_size, "rank": self.dist.rank,
                "batch_per_process": self.plan.batch_size / self.dist.world_size} if self.dist else {}),
        }

    def save(self, state_dict: dict) -> Path:
        from .modelfile import ModelInfo, save_model_file

        m: Metrics = self.best["metrics"]
        metrics = {
            "val_accuracy": m.accuracy, "val_loss": m.loss, "train_loss": self.best["train_loss"],
            "train_accuracy": self.best["train_accuracy"], "best_epoch": self.best["epoch"],
            "per_class": m.per_class, "confusion_matrix": m.confusion_matrix,
            "misclassified": m.misclassified[:FILE_MISCLASSIFIED], "n_train": self.n_train,
            "n_val": self.n_val, "val_source": self.val_source,
        }
        info = ModelInfo(
            arch=self.config.arch, classes=self.classes, preprocess=self.preprocess,
            small_input=self.plan.small_input, metrics=metrics, training=self.settings(),
            dataset_dir=str(self.split.root), name=self.config.name or self.out_path.stem,
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


class _Clock:
    """Progress and time left for BatchEvents: training-batch time plus validation per epoch."""

    def __init__(self, total_batches: int) -> None:
        self.total = max(1, total_batches)
        self.done = 0
        self.train_time = 0.0
        self.last = time.perf_counter()
        self.extra_per_epoch = 0.0  # validation time, learnt after the first epoch

    def resume(self) -> None:
        """Call at the start of each epoch: time spent outside batches is not batch time."""
        self.last = time.perf_counter()

    def tick(self, epochs_left_after_this: int) -> tuple[float | None, float]:
        now = time.perf_counter()
        self.train_time += now - self.last
        self.last = now
        self.done += 1
        per_batch = self.train_time / self.done
        eta = per_batch * (self.total - self.done) + self.extra_per_epoch * (epochs_left_after_this + 1)
        return (eta if self.done >= 2 else None), self.done / self.total


def _lr_factor(step: int, total: int, warmup: int, schedule: str) -> float:
    if warmup and step < warmup:
        return (step + 1) / warmup
    t = (step - warmup) / max(1, total - warmup)
    if schedule == "step":
        return 1.0 if t < 0.5 else 0.1 if t < 0.75 else 0.01
    return 0.5 * (1.0 + math.cos(math.pi * min(1.0, t)))


def _out_folder(out_path: os.PathLike | str | None) -> Path | None:
    """The folder to save a new model in when ``out_path`` names one: nothing given (the
    trained-models folder), an existing folder, or a path ending in a separator ("save in
    there"); None when ``out_path`` names a file."""
    if out_path is None or str(out_path) == "":
        from .paths import trained_models_dir

        return trained_models_dir()
    text = os.fspath(out_path)
    if text.endswith(tuple(sep for sep in (os.sep, os.altsep) if sep)) or Path(text).expanduser().is_dir():
        return Path(text).expanduser()
    return None


def _check_folder(folder: Path, name: str) -> None:
    """Refuse at the start, not after the last epoch, a folder the model could not be saved in."""
    from .fileio import on_read_only_disk

    if not folder.is_dir():
        raise OutputWriteError(f"Could not save {name}: the folder {folder} does not exist.")
    if on_read_only_disk(folder):
        raise OutputWriteError(f"Could not save {name}: the folder {folder} is on a read-only disk.")
    if not os.access(folder, os.W_OK):
        raise OutputWriteError(f"Could not save {name}: you do not have permission to write in {folder}.")


def _out_file(out_path: os.PathLike | str) -> Path:
    p = Path(out_path).expanduser()
    if p.suffix.lower() != ".safetensors":
        p = p.with_name(p.name + ".safetensors")
    if p.is_dir():
        raise OutputWriteError(f"{p} is a folder; give a file name for the model (for example model.safetensors).")
    _check_folder(p.parent, p.name)
    return p


def _new_names(folder: Path, stem: str) -> Iterator[Path]:
    """``stem.safetensors``, ``stem (2).safetensors``...: names no model, finished or not, has."""
    for i in range(1, 10_000):
        p = folder / (f"{stem}.safetensors" if i == 1 else f"{stem} ({i}).safetensors")
        if not (p.exists() or partial_path(p).exists()):
            yield p


@contextlib.contextmanager
def reserve_output(out_path: os.PathLike | str | None) -> Iterator[Path | None]:
    """Claim ``out_path`` for the ``with`` block when it names a file, before work that comes
    ahead of :func:`train` (the learning-rate finder), so a second run is refused before it
    starts; ``train`` inside the block claims it again (the lock is re-entrant in one thread).
    Yields the model file's path, or None for a folder (names there are chosen by ``train``)."""
    if _out_folder(out_path) is not None:
        yield None
        return
    target = _out_file(out_path)
    with output_lock(target):
        yield target


def _claim_out(out_path, config: TrainConfig, split, outputs: contextlib.ExitStack) -> Path:
    """Where this run saves its model, locked in ``outputs`` until the run ends.

    A file: :class:`OutputInUseError` when another run is saving there. A folder (or none: the
    trained-models folder): a new name from the model's or the folder's name, never one another
    run is making; a folder given with a trailing separator is created (its parent must exist).
    """
    folder = _out_folder(out_path)
    if folder is None:
        target = _out_file(out_path)
        outputs.enter_context(output_lock(target))
        return target
    from .fileio import write_error
    from .library import safe_file_stem

    stem = safe_file_stem(config.name or Path(split.root).expanduser().resolve().name or "model")
    if not folder.exists() and folder.parent.is_dir():
        try:
            folder.mkdir()
        except OSError as exc:
            raise write_error(folder / f"{stem}.safetensors", exc) from exc
    _check_folder(folder, f"{stem}.safetensors")
    for candidate in _new_names(folder, stem):
        claim = contextlib.ExitStack()
        try:
            claim.enter_context(output_lock(candidate))
        except OutputInUseError:
            continue  # another run is making this one
        if candidate.exists() or partial_path(candidate).exists():  # finished while we looked
            claim.close()
            continue
        outputs.enter_context(claim)
        return candidate
    raise OutputWriteError(f"Could not find a free name for the model in {folder}.")


def init_model_info(config: TrainConfig):
    """The :class:`ModelInfo` of ``config.init_model`` (header only), or None without one.

    :class:`ModelError` when its architecture is not ``config.arch``: a model's weights only fit
    the network they were trained in.
    """
    if config.init_model is None or str(config.init_model) == "":
        return None
    from .library import read_info
    from .zoo import arch_info

    path = Path(config.init_model)
    info = read_info(path)
    if info.arch != config.arch:
        raise ModelError(
            f"{info.name or path.stem} is a {arch_info(info.arch).display_name} model, so it cannot be "
            f"the start of a {arch_info(config.arch).display_name} training. Choose "
            f"{arch_info(info.arch).display_name}, or start from ImageNet weights.",
            details=f"init_model={path}, arch={info.arch}, config.arch={config.arch}",
        )
    return info


def _base_state(config: TrainConfig, run_stage, cancel) -> tuple[dict | None, Path | None]:
    """Starting weights and the file that names their frozen backbone in the feature cache.

    ``init_model``: that model file's weights (fc included, see :func:`_build_model`); else the
    ImageNet weights (state dict, file) when pre-trained; else ``(None, None)``.
    """
    if init_model_info(config) is not None:
        from .modelfile import load_model_file

        path = Path(config.init_model)
        run_stage("preparing", f"Starting from the model {path.stem}")
        info, state = load_model_file(path)
        return state, _backbone_file(config, info, state, path)
    if not config.pretrained:
        return None, None
    from .zoo import load_state_dict_file, weights_path

    def progress(done: int, total: int) -> None:
        run_stage("preparing", "Downloading the ImageNet weights", done, total)

    try:
        path = weights_path(config.arch, allow_download=config.allow_download, progress=progress, cancel=cancel)
    except WeightsNotFoundError as exc:
        raise WeightsNotFoundError(
            f"{exc} Or train from scratch instead (untick \"Start from ImageNet weights\"; on the command "
            "line: --no-pretrained, or --allow-download to fetch the weights).",
            details=exc.details,
        ) from exc
    return load_state_dict_file(path), path


def _backbone_file(config: TrainConfig, info, state: dict, model_path: Path) -> Path:
    """The file whose digest keys the feature cache for ``state``'s backbone.

    A model trained in head mode kept the ImageNet backbone unchanged: naming the ImageNet weights
    file then reuses every feature already cached (a retrain extracts only the new pictures).
    Any other model has a backbone of its own, keyed by its own file.
    """
    if info.training.get("mode") != "head" or not info.training.get("pretrained", True):
        return model_path
    import torch

    from .zoo import find_weights, load_state_dict_file

    ref_path = find_weights(config.arch)
    if ref_path is None:
        return model_path
    try:
        ref = load_state_dict_file(ref_path)
    except Exception:  # noqa: BLE001 - a damaged weights file only costs the cache hit
        return model_path
    backbone = [k for k in state if not k.startswith("fc.")]
    same = len(backbone) == sum(1 for k in ref if not k.startswith("fc.")) and all(
        k in ref and ref[k].shape == state[k].shape and torch.equal(ref[k], state[k]) for k in backbone
    )
    return Path(ref_path) if same else model_path


def _init_head(model, base: dict, old_classes: list[str], classes: list[str]) -> None:
    """Carry the model file's last layer over: whole when the categories are the same (same order),
    else row by row for categories with the same name; new categories keep their fresh rows."""
    import torch

    w, b = base.get("fc.weight"), base.get("fc.bias")
    if w is None or b is None or w.shape[1] != model.fc.weight.shape[1]:
        return
    with torch.no_grad():
        if list(old_classes) == list(classes):
            model.fc.weight.copy_(w)
            model.fc.bias.copy_(b)
            return
        old = {name: i for i, name in enumerate(old_classes)}
        for j, name in enumerate(classes):
            i = old.get(name)
            if i is not None and i < w.shape[0]:
                model.fc.weight[j].copy_(w[i])
                model.fc.bias[j].copy_(b[i])


def _build_model(config: TrainConfig, plan: TrainPlan, num_classes: int, base: dict | None,
                 classes: list[str] | None = None):
    """The network to train: ``base``'s backbone (ImageNet or ``init_model``) and a last layer for
    ``num_classes`` categories (``classes``: their names, to carry ``init_model``'s rows over)."""
    import torch

    from .zoo import arch_info, build_model

    init = init_model_info(config)
    what = (f"The model file {Path(config.init_model).name}" if init is not None
            else "The ImageNet weights file")
    fix = "it may be damaged." if init is not None else "delete it and download it again."
    torch.manual_seed(config.seed)
    model = build_model(config.arch, num_classes=num_classes, small_input=plan.small_input)
    if base is not None:
        backbone = {k: v for k, v in base.items() if not k.startswith("fc.")}
        try:
            missing, unexpected = model.load_state_dict(backbone, strict=False)
        except RuntimeError as exc:
            raise ModelFileError(
                f"{what} does not match {arch_info(config.arch).display_name}; {fix}", details=str(exc)[:2000],
            ) from exc
        if unexpected or any(not k.startswith("fc.") for k in missing):
            raise ModelFileError(
                f"{what} does not match {arch_info(config.arch).display_name}; {fix}",
                details=f"missing {missing[:5]}, unexpected {unexpected[:5]}",
            )
        if init is not None:
            names = list(classes) if classes is not None else (
                list(init.classes) if len(init.classes) == num_classes else [])
            _init_head(model, base, init.classes, names)
    return model


def train(
    data_dir: os.PathLike | str,
    out_path: os.PathLike | str | None,
    config: TrainConfig | None = None,
    *,
    on_event: EventFn | None = None,
    cancel: threading.Event | None = None,
) -> TrainResult:
    """Train on the class-per-folder (or train/val) folder ``data_dir``; save the best model to
    ``out_path`` (our ``.safetensors`` model file; ``None``: the trained-models folder).

    ``out_path`` may be a folder (an existing one, or one ending in a separator, created): the
    model gets a new name in there. An existing file is replaced only when the run ends.

    Returns a :class:`TrainResult` (also after a cancel: ``cancelled`` is True and ``model_path``
    is the best model saved so far, or None; when ``out_path`` already held a model it is left as
    it was and ``model_path`` is the ``.partial.safetensors`` file beside it). Raises
    :class:`DatasetError`, :class:`ModelError` (:class:`WeightsNotFoundError`),
    :class:`DeviceError`, :class:`OutputWriteError` or :class:`OutputInUseError` (another run is
    saving to ``out_path``; raised before any training).

    Under torchrun every process uses rank 0's ``config.lr`` (see :mod:`distributed`).
    """
    from .datasets import scan_dataset
    from .devices import pick_device

    started = time.perf_counter()
    config = config or TrainConfig()
    cancel = cancel or threading.Event()
    emit: EventFn = on_event or (lambda e: None)
    _check_config(config)
    outputs = contextlib.ExitStack()  # the output's lock, held until the model is in place
    run: _Run | None = None
    # Launched by torchrun (WORLD_SIZE > 1): one process of a DistributedDataParallel run.
    ddp = _start_distributed(config)
    if ddp is not None and not ddp.is_main:
        emit = lambda e: None  # noqa: E731 - only rank 0 reports progress
    try:
        if ddp is not None:
            # Every process trains with rank 0's learning rate: with --lr auto each one ran its own
            # LR-finder sweep before this (no process group existed yet), and sweeps on different
            # GPUs or shares of a noisy loss can suggest different rates; DDP replicas that step
            # with different rates drift apart silently.
            config = replace(config, lr=ddp.broadcast_object(config.lr))
        emit(StageEvent("preparing", "Reading the folder"))
        split = scan_dataset(data_dir, val_fraction=config.val_fraction, seed=config.seed)
        if ddp is None or ddp.is_main:
            out = _claim_out(out_path, config, split, outputs)
        else:  # never written by this process (the folder may not even exist on this computer)
            out = Path(out_path) if out_path else Path("model.safetensors")
        device = ddp.device if ddp is not None else pick_device(config.device)
        plan = plan_training(config, len(split.train), device.type)
        run = _Run(config, plan, split, out, device, emit, cancel, started)
        run.dist, run.is_main = ddp, ddp is None or ddp.is_main
        base, weights_file = _base_state(config, run.stage, cancel)
        model = _build_model(config, plan, len(split.classes), base, classes=split.classes)
        if plan.mode == "head":
            _train_head(run, model, weights_file)
        else:
            # a step frees and re-allocates ~1 GB on the CPU: kept instead of faulted in afresh
            with keep_freed_memory(run.device.type == "cpu"):
                _train_network(run, model)
        if run.is_main:
            run.finish()
        if run.cancelled:
            run.stage("saving", "Cancelled" + (": the best model so far is saved." if run.saved_path else "."))
        elif run.is_main and run.saved_path is None and not run.history:
            raise DatasetError("Training could not start: there were no usable pictures.")
        if ddp is not None:
            ddp.wait_all()  # everyone ends together, so a failure of rank 0's last save reaches all
    except BaseException as exc:
        if run is not None and run.is_main:
            run.salvage()
        if ddp is not None:
            from .distributed import DistributedError

            if not isinstance(exc, DistributedError):
                ddp.report_failure(exc)
        raise
    finally:
        outputs.close()
    if ddp is not None:
        ddp.close()
    result = run.result()
    if getattr(run, "is_main", True):  # under torchrun only rank 0 keeps the run's record
        from .runs import record_after_training  # never raises: a failure becomes a warning

        record_after_training(result, split.root, name=config.name)
    return result


def _start_distributed(config: TrainConfig):
    """The process group when launched by torchrun with several processes, else None."""
    from .distributed import Distributed, dist_context

    ctx = dist_context(config.device)
    if ctx is None:
        return None
    ddp = Distributed(ctx)
    ddp.start(config.device)
    return ddp


# ------------------------------------------------------------------------------------------------
# Head only, on cached features


def _feature_cache(config: TrainConfig, plan: TrainPlan, preprocess: Preprocess,
                   weights_file: Path | None) -> tuple[Path, str]:
    """The feature cache folder (created) and the cache key of this backbone's features. The LR
    finder uses the same, so the training after it finds every feature cached."""
    import torch

    from .features import file_digest, model_key
    from .paths import user_cache_dir

    cache_dir = Path(config.cache_dir) if config.cache_dir else user_cache_dir() / "features"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a cache only saves time: the features then stay in memory
        log.info("feature cache folder %s unavailable: %s", cache_dir, exc)
    if weights_file is not None:
        weights_id = file_digest(weights_file, cache_dir)
    else:  # a random backbone is fixed by the seed (and torch's generator)
        weights_id = f"random-seed{config.seed}-torch{torch.__version__}"
    return cache_dir, model_key(config.arch, weights_id, preprocess, small_input=plan.small_input)


def _train_head(run: _Run, model, weights_file: Path | None) -> None:
    from .features import cached_features

    cfg, split = run.config, run.split
    cache_dir, key = _feature_cache(cfg, run.plan, run.preprocess, weights_file)
    samples = list(split.train) + list(split.val)
    paths = [p for p, _ in samples]

    def progress(done: int, total: int) -> None:
        run.stage("extracting", f"Reading pictures with the frozen network ({done}/{total})", done, total)

    if run.dist is not None and not _extract_shard(run, model, paths, key, cache_dir):
        return  # torchrun: this process's share is in the cache; rank 0 alone trains the head
    run.stage("extracting", "Looking for cached features", 0, len(paths))
    try:
        fs = cached_features(
            model, paths, run.preprocess, key, cache_dir=cache_dir, device=run.device,
            batch_size=64 if run.device.type == "cuda" else 32, backend=cfg.feature_backend,
            workers=cfg.workers, progress=progress, cancel=run.cancel,
        )
    except CancelledError:
        run.cancelled = True
        return
    run.skipped.extend(fs.skipped)
    run.cache_hits, run.extracted = fs.cache_hits, fs.extracted
    run.frozen_backend = fs.backend
    try:
        _fit_head(run, model, fs, samples, paths)
    finally:
        fs.close()  # a streamed feature file is deleted


def _extract_shard(run: _Run, model, paths, key: str, cache_dir: Path) -> bool:
    """Under torchrun: every process extracts its share of the pictures into the (shared) feature
    cache, then all wait for each other. True for rank 0, which then finds every feature cached
    (on several computers without a shared cache folder it extracts the others' share itself)."""
    from .features import cached_features

    ddp = run.dist
    mine = paths[ddp.rank::ddp.world_size]

    def progress(done: int, total: int) -> None:
        run.stage("extracting", f"Reading pictures with the frozen network ({done}/{total} in this "
                  f"process, {ddp.world_size} processes)", done, total)

    cancelled = False
    try:
        # load=False: only fill the cache; no process uses its share's features (rank 0 reads
        # them all afterwards), so none is assembled in memory or streamed to a temporary file
        cached_features(
            model, mine, run.preprocess, key, cache_dir=cache_dir, device=run.device,
            batch_size=64 if run.device.type == "cuda" else 32, backend=run.config.feature_backend,
            workers=run.config.workers, progress=progress, cancel=run.cancel, load=False,
        )
    except CancelledError:
        cancelled = True
    ddp.wait_all()  # shares take different times (cache hits); the wait may be long
    if ddp.any_true(cancelled):
        run.cancelled = True
        return False
    return ddp.is_main


def _fit_head(run: _Run, model, fs, samples, paths) -> None:
    """Train the last layer on ``fs`` (in memory or streamed from disk, read the same way) and save."""
    import torch

    cfg, plan = run.config, run.plan
    n_tr = len(run.split.train)
    # fs.ok is in increasing order and samples are train then val: the training rows come first
    k = sum(1 for i in fs.ok if i < n_tr)
    labels = np.array([samples[i][1] for i in fs.ok], dtype=np.int64)
    tr, va = range(0, k), range(k, len(fs.ok))
    if k == 0:
        raise DatasetError("None of the training pictures could be read.")
    if len(va) == 0:
        va = tr
        run.val_source = "train"
        run.warnings.append(
            "There are no validation pictures, so accuracy is measured on the training pictures and "
            "looks better than it will be on new ones."
        )
    va_paths = [str(paths[fs.ok[r]]) for r in va]
    run.n_train, run.n_val = len(tr), len(va)

    # standardised features: every direction learns at the same speed, so one learning rate suits
    # any backbone; folded back into fc at the end. Each batch is standardised as it is read, so
    # features streamed from disk need no second copy.
    mean, std = fs.stats(tr.start, tr.stop)
    mu = mean.astype(np.float32)
    sd = (std + 1e-4).astype(np.float32)
    torch.manual_seed(cfg.seed)
    head = torch.nn.Linear(fs.dim, len(run.classes))
    opt = torch.optim.SGD(head.parameters(), lr=plan.lr, momentum=cfg.momentum, weight_decay=cfg.weight_decay)
    n = len(tr)
    bs = max(1, min(plan.batch_size, n))
    batches = math.ceil(n / bs)
    total = batches * plan.epochs
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: _lr_factor(s, total, 0, cfg.schedule))
    gen = torch.Generator().manual_seed(cfg.seed)
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=cfg.label_smoothing)
    clock = _Clock(total)
    run.stage("training", "Training the last layer")
    threads = torch.get_num_threads()
    # These matrices are tiny: one thread is faster, and several threads waiting on each other
    # make each step 10-50x slower when other programs keep the cores busy.
    torch.set_num_threads(1)
    try:
        best_state = _head_epochs(run, head, opt, sched, loss_fn, fs, (tr, labels[tr.start:tr.stop]),
                                  (va, labels[va.start:va.stop], va_paths), (mu, sd), gen, clock, bs)
    finally:
        torch.set_num_threads(threads)
    if best_state is None:
        return
    # fold the standardisation into the last layer: W' = W / sd, b' = b - W' · mu
    w = best_state["weight"] / torch.from_numpy(sd)
    bias = best_state["bias"] - w @ torch.from_numpy(mu)
    state = model.state_dict()
    state["fc.weight"], state["fc.bias"] = w.contiguous(), bias.contiguous()
    run.save(state)


def _head_epochs(run: _Run, head, opt, sched, loss_fn, fs, train, val, scale, gen, clock, bs) -> dict | None:
    """Epochs of the last layer on ``fs`` rows ``train = (rows, labels)``, validated on
    ``val = (rows, labels, paths)``; each batch standardised with ``scale = (mu, sd)`` as read.
    Returns the best epoch's state dict (None when cancelled before the first epoch ended)."""
    import torch

    plan = run.plan
    tr, y_tr = train
    va, y_va, va_paths = val
    mu, sd = scale
    yt = torch.from_numpy(y_tr)
    batches = math.ceil(len(tr) / bs)
    best_state = None
    for epoch in range(1, plan.epochs + 1):
        t0 = time.perf_counter()
        clock.resume()
        loss_sum, correct, seen = 0.0, 0, 0
        epoch_batches = fs.shuffled_batches(tr.start, tr.stop, bs, gen)
        try:
            for b, (raw, pos) in enumerate(epoch_batches):
                if run.check_cancel():
                    break
                idx = torch.from_numpy(pos)
                out = head(torch.from_numpy((raw - mu) / sd))
                loss = loss_fn(out, yt[idx])
                if not torch.isfinite(loss):
                    run.diverged()
                    return best_state
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                lr = opt.param_groups[0]["lr"]
                sched.step()
                loss_sum += float(loss.detach()) * len(idx)
                correct += int((out.argmax(1) == yt[idx]).sum())
                seen += len(idx)
                eta, prog = clock.tick(plan.epochs - epoch)
                elapsed = time.perf_counter() - t0
                run.emit(BatchEvent(epoch, plan.epochs, b + 1, batches, loss_sum / seen, correct / seen, lr,
                                    seen / max(elapsed, 1e-9), eta, prog))
        finally:
            epoch_batches.close()  # stops reading ahead
        if run.cancelled:
            break
        with torch.inference_mode():  # in blocks: standardising all of a large set at once doubles it
            logits = [head(torch.from_numpy((x - mu) / sd)).numpy() for x in fs.blocks(va.start, va.stop, 8192)]
        probs = softmax(np.concatenate(logits))
        metrics = compute_metrics(y_va, probs, run.classes, va_paths)
        if run.epoch_done(epoch, loss_sum / seen, correct / seen, metrics, time.perf_counter() - t0):
            best_state = copy.deepcopy(head.state_dict())
    return best_state


# ------------------------------------------------------------------------------------------------
# Last stage or every layer, on pictures


def _train_network(run: _Run, model) -> None:
    import torch

    from .train_data import ImageBank, fits_in_ram, make_batches, prefetch

    cfg, plan, split, device, ddp = run.config, run.plan, run.split, run.device, run.dist
    samples = list(split.train) + list(split.val)
    world = ddp.world_size if ddp is not None else 1
    if ddp is not None and plan.batch_size < 2 * world:
        raise ModelError(
            f"A batch of {plan.batch_size} pictures is too small for {world} processes: each process "
            f"needs at least 2 pictures per step. Use --batch-size {2 * world} or more, or fewer processes."
        )
    # each training process on this computer keeps its own decoded copy
    in_ram = None if ddp is None else fits_in_ram(len(samples), run.preprocess.resize_size,
                                                  ddp.ctx.local_world_size)
    bank = ImageBank([p for p, _ in samples], run.preprocess, in_ram=in_ram)
    workers = cfg.workers or min(4, os.cpu_count() or 1)
    if bank.in_ram:
        def progress(done: int, total: int) -> None:
            run.stage("preparing", f"Decoding pictures once ({done}/{total})", done, total)

        run.stage("preparing", "Decoding pictures once", 0, len(samples))
        try:
            bad = bank.load_all(workers=workers, progress=progress, cancel=run.cancel)
        except CancelledError:
            if ddp is None:
                run.cancelled = True
                return
            bad = []  # the first batch's flags tell every process
    else:
        bad = []
        run.warnings.append("The pictures do not fit in memory; they are read from disk in every epoch.")
    if ddp is not None:
        ddp.wait_all()  # decoding takes each process a different time
    bad_idx = {i for i, _ in bad}
    run.skipped.extend((str(samples[i][0]), reason) for i, reason in bad)
    n_tr = len(split.train)
    train_items = [(i, samples[i][1]) for i in range(n_tr) if i not in bad_idx]
    val_items = [(i, samples[i][1]) for i in range(n_tr, len(samples)) if i not in bad_idx]
    if not train_items:
        raise DatasetError("None of the training pictures could be read.")
    if not val_items:
        val_items = list(train_items)
        run.val_source = "train"
        run.warnings.append(
            "There are no validation pictures, so accuracy is measured on the training pictures and "
            "looks better than it will be on new ones."
        )
    run.n_train, run.n_val = len(train_items), len(val_items)

    def unreadable(i: int, reason: str) -> None:  # only when decoding on the fly
        entry = (str(samples[i][0]), reason)
        if entry not in run.skipped:
            run.skipped.append(entry)

    work = (len(train_items) + len(val_items)) * plan.epochs
    setup = _network_setup(cfg, plan, model, device, run.preprocess, lr=plan.lr, front_images=work)
    model, front, back, opt, scaler = setup.model, setup.front, setup.back, setup.opt, setup.scaler
    loss_fn, augment, to_input, forward, cuda = setup.loss_fn, setup.augment, setup.to_input, setup.forward, setup.cuda
    if setup.front_fn is not None:
        run.frozen_backend = setup.front_fn.backend
        if setup.front_fn.note:
            run.warnings.append(setup.front_fn.note)
    bs = plan.batch_size  # the global batch: with torchrun each process takes bs / processes of it
    micro = bs  # pictures per forward pass; halved after the GPU runs out of memory (gradients add up)
    rest = len(train_items) % bs
    n_fit = len(train_items) - (rest if len(train_items) > 1 and 0 < rest < 2 * world else 0)
    batches = math.ceil(n_fit / bs)
    total = batches * plan.epochs
    warmup = min(batches, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: _lr_factor(s, total, warmup, cfg.schedule))
    net = ddp.wrap(back) if ddp is not None else back  # DDP averages the gradients over processes

    def step(x, y, scale: float, micro: int):
        """One optimiser step on the batch, ``micro`` pictures per pass; (loss sum, correct) or
        None when the loss is no longer finite (before any weight changed)."""
        n = len(y)
        opt.zero_grad(set_to_none=True)
        loss_sum, correct = 0.0, 0
        parts = max(1, -(-n // micro) - (1 if n > micro and n % micro == 1 else 0))  # never a part of one
        bounds = [round(i * n / parts) for i in range(parts + 1)]
        for start, end in zip(bounds, bounds[1:]):
            xs, ys = (x, y) if parts == 1 else (x[start:end], y[start:end])
            out = forward(xs, net)
            loss = loss_fn(out.float(), ys)
            # (with float16 the scaler skips steps that overflow; only a real blow-up stops here)
            bad = not scaler.is_enabled() and not bool(torch.isfinite(loss))
            if ddp is not None:
                bad = ddp.any_true(bad)  # all stop together, or none does
            if bad:
                return None
            factor = scale * len(ys) / n
            scaler.scale(loss if factor == 1.0 else loss * factor).backward()
            loss_sum += float(loss.detach()) * len(ys)
            correct += int((out.argmax(1) == ys).sum())
        scaler.step(opt)
        scaler.update()
        return loss_sum, correct

    clock = _Clock(total)
    run.stage("training", "Training")
    for epoch in range(1, plan.epochs + 1):
        t0 = time.perf_counter()
        clock.resume()
        model.train()
        if front is not None:
            front.eval()  # frozen batch-norm statistics
        loss_sum, correct, seen, stop = 0.0, 0, 0, False
        batch_iter = prefetch(
            lambda e=epoch: make_batches(bank, train_items, bs, augment=augment, seed=cfg.seed, epoch=e,
                                         shuffle=True, on_unreadable=unreadable, drop_single=True,
                                         shard=(ddp.rank, world) if ddp is not None else None),
            pin=cuda,
        )
        seen_all = 0  # pictures of every process (torchrun)
        for b, (xb, yb, _) in enumerate(batch_iter):
            scale, n_all = 1.0, len(yb)
            if ddp is not None:
                # every process takes the same decision: stop, skip, and how to weigh its share
                cancel_any, small_any, n_all = ddp.batch_flags(run.cancel.is_set(), len(yb) < 2, len(yb))
                if cancel_any:
                    run.cancelled = True
                    break
                if small_any:
                    continue
                scale = len(yb) * world / n_all  # the mean over the global batch, as one process
            else:
                if run.check_cancel():
                    break
                if len(yb) < 2 and n_fit > 1:
                    continue  # only when pictures of this batch failed to decode: batch norm needs two
            x, y = to_input(xb), yb.to(device, non_blocking=cuda)
            while True:
                try:
                    # DDP exchanges gradients inside backward(): a process dying then must end the
                    # others as clearly as one dying between batches.
                    with ddp.guard() if ddp is not None else contextlib.nullcontext():
                        done = step(x, y, scale, micro)
                    break
                except torch.OutOfMemoryError as exc:
                    micro = _out_of_memory(run, micro, exc)
            if done is None:
                run.diverged()
                stop = True
                break
            lr = opt.param_groups[0]["lr"]
            sched.step()
            loss_sum += done[0]
            correct += done[1]
            seen += len(y)
            seen_all += n_all
            eta, prog = clock.tick(plan.epochs - epoch)
            elapsed = time.perf_counter() - t0
            run.emit(BatchEvent(epoch, plan.epochs, b + 1, batches, loss_sum / seen, correct / seen, lr,
                                seen_all / max(elapsed, 1e-9), eta, prog))
        batch_iter.close()
        if ddp is not None and not (run.cancelled or stop):
            loss_sum, correct, seen = ddp.all_sum([loss_sum, correct, seen])
        if run.cancelled or stop or seen == 0:
            break
        t_val = time.perf_counter()
        run.stage("evaluating", f"Checking epoch {epoch} on the validation pictures")
        while True:
            try:
                metrics = _evaluate_bank(model, forward, to_input, bank, val_items, min(bs, micro), run, unreadable)
                break
            except torch.OutOfMemoryError as exc:
                micro = _out_of_memory(run, micro, exc)
        if metrics is None:  # cancelled during validation: this epoch does not count
            break
        clock.extra_per_epoch = time.perf_counter() - t_val
        if run.epoch_done(epoch, loss_sum / seen, correct / seen, metrics, time.perf_counter() - t0) and run.is_main:
            run.save(model.state_dict())


#: Fewest pictures per pass after out-of-memory retries (batch norm needs a few to learn from).
OOM_MIN_BATCH = 2


def _out_of_memory(run: _Run, micro: int, exc: BaseException) -> int:
    """The GPU ran out of memory: free what the failed pass held and go on with half as many
    pictures per pass (gradients of the halves add up, so a step means the same). Below
    :data:`OOM_MIN_BATCH` (or with several processes, which must stay in step) it is an error."""
    import gc

    import torch

    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
    smaller = micro // 2
    if run.dist is not None or smaller < OOM_MIN_BATCH:
        why = ("with several processes the batch cannot shrink in one of them"
               if run.dist is not None else f"even with {micro} pictures at a time")
        raise ModelError(
            f"The {'GPU' if run.device.type == 'cuda' else 'computer'} ran out of memory ({why}). "
            "Try a smaller --batch-size or --image-size, or a smaller network.",
            details=str(exc)[:2000],
        ) from exc
    message = (f"The {'GPU' if run.device.type == 'cuda' else 'computer'} ran out of memory with {micro} "
               f"pictures at a time; going on with {smaller} at a time (the results stay the same, "
               "training is a little slower).")
    run.warnings.append(message)
    run.stage("training", message)
    return smaller


class _FrozenFront:
    """The frozen front of the network (stem + layer1-3) in inference only: no gradients, fixed
    batch-norm statistics. On the CPU, with enough pictures to repay the one-time export, it runs
    in ONNX Runtime (batch norm folded into the convolutions; about twice as fast as eager PyTorch
    here); else in PyTorch."""

    def __init__(self, front, device, input_size: int, n_images: int, backend: str) -> None:
        self.front = front
        self.ort = None
        self.note = ""
        self.backend = "torch"
        use_ort = backend == "onnxruntime" or (backend == "auto" and n_images >= _ORT_FRONT_MIN_IMAGES)
        if use_ort and device.type == "cpu":
            try:
                from .onnx_backend import OrtBackend

                self.ort = OrtBackend(front, input_size, exporter="legacy", spinning=False)
                self.backend = "onnxruntime"
            except Exception as exc:  # noqa: BLE001 - PyTorch does the same job, slower
                self.note = f"ONNX Runtime not used for the frozen layers: {exc}"

    def __call__(self, x):
        import torch

        if self.ort is not None:
            out = self.ort.logits(x.contiguous().numpy())
            return torch.from_numpy(out).contiguous(memory_format=torch.channels_last)
        with torch.no_grad():
            return self.front(x)


#: Finetune on the CPU: pictures × epochs from which the frozen front runs in ONNX Runtime.
_ORT_FRONT_MIN_IMAGES = 600


@dataclass
class _NetworkSetup:
    """What training on pictures (finetune / full) and the LR finder's sweep share: the model on
    its device (channels-last), its frozen front (finetune) and learning back, the optimiser, loss,
    augmentation and the input normalisation and forward pass."""

    model: object
    front: object  # stem + layer1-3, frozen (finetune); None in full mode
    back: object  # what learns: layer4 + fc (finetune) or the whole model
    front_fn: _FrozenFront | None
    opt: object
    scaler: object  # float16 gradient scaler (enabled only with float16 autocast on CUDA)
    loss_fn: object
    augment: object  # train_data.Augment or None
    cuda: bool
    to_input: Callable  # a batch of uint8 pictures -> normalised float input on the device
    forward: Callable  # forward(x, module=None): frozen front, then ``module`` (default: back)


def _network_setup(config: TrainConfig, plan: TrainPlan, model, device, preprocess: Preprocess, *,
                   lr: float, front_images: int) -> _NetworkSetup:
    """Set up ``model`` for learning on pictures in ``plan.mode`` (finetune or full).

    ``front_images`` (pictures the frozen front will see) decides whether it is worth exporting
    the front to ONNX Runtime on the CPU.
    """
    import torch
    from torch import nn

    from .train_data import Augment

    cuda = device.type == "cuda"
    amp_dtype = None
    if cuda:
        amp_dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    scaler = torch.amp.GradScaler("cuda", enabled=amp_dtype == torch.float16)
    model = model.to(device).to(memory_format=torch.channels_last)
    if plan.mode == "finetune":
        front = nn.Sequential(model.conv1, model.bn1, model.relu, model.maxpool, model.layer1, model.layer2, model.layer3)
        back = nn.Sequential(model.layer4, model.avgpool, nn.Flatten(1), model.fc)
        for p in front.parameters():
            p.requires_grad_(False)
        trainable = list(back.parameters())
    else:
        front, back = None, model
        trainable = list(model.parameters())
    # no weight decay on batch-norm scales and biases (it only hurts them)
    decay = [p for p in trainable if p.ndim > 1]
    no_decay = [p for p in trainable if p.ndim <= 1]
    opt = torch.optim.SGD(
        [{"params": decay, "weight_decay": config.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=lr, momentum=config.momentum,
    )
    loss_fn = nn.CrossEntropyLoss(label_smoothing=config.label_smoothing)
    augment = (
        Augment(scale=(min(max(config.crop_scale, 0.01), 1.0), 1.0), hflip=config.hflip,
                jitter=max(0.0, config.color_jitter))
        if config.augment else None
    )
    mean = torch.tensor(preprocess.mean, device=device).view(1, 3, 1, 1) * 255
    inv_std = 1.0 / (torch.tensor(preprocess.std, device=device).view(1, 3, 1, 1) * 255)

    def to_input(x):
        x = x.to(device, non_blocking=cuda).float()
        return ((x - mean) * inv_std).contiguous(memory_format=torch.channels_last)

    front_fn = None
    if front is not None:
        front.eval()  # frozen batch-norm statistics
        front_fn = _FrozenFront(front, device, preprocess.crop_size, front_images, config.feature_backend)

    def forward(x, module=None):
        with torch.autocast(device.type, dtype=amp_dtype, enabled=cuda):
            if front_fn is not None:
                x = front_fn(x)
            return (module or back)(x)

    return _NetworkSetup(model, front, back, front_fn, opt, scaler, loss_fn, augment, cuda, to_input, forward)


def _evaluate_bank(model, forward, to_input, bank, items, batch_size, run: _Run, unreadable) -> Metrics | None:
    """Validation metrics of ``items``. Under torchrun each process classifies every n-th picture
    with rank 0's batch-norm statistics and the results are gathered, so every process gets the
    same metrics (and so takes the same decisions) as one process would."""
    import torch

    from .train_data import make_batches, prefetch

    ddp = run.dist
    model.eval()
    if ddp is not None:
        ddp.broadcast_buffers(model)
        share = list(range(ddp.rank, len(items), ddp.world_size))
    else:
        share = list(range(len(items)))
    mine = [items[k] for k in share]
    probs, labels, where = [], [], []
    it = prefetch(lambda: make_batches(bank, mine, batch_size, augment=None, seed=0, epoch=0, shuffle=False,
                                       on_unreadable=unreadable))
    try:
        with torch.inference_mode():
            for xb, yb, pos in it:
                # with several processes a cancel is agreed on at the next training batch
                if ddp is None and run.check_cancel():
                    return None
                probs.append(softmax(forward(to_input(xb)).float().cpu().numpy()))
                labels.append(yb.numpy())
                where.extend(share[k] for k in pos)
    finally:
        it.close()
    if ddp is not None:
        parts = ddp.gather((probs, labels, where))
        probs = [a for part in parts for a in part[0]]
        labels = [a for part in parts for a in part[1]]
        where = [k for part in parts for k in part[2]]
    if not probs:
        return None
    probs_all, labels_all = np.concatenate(probs), np.concatenate(labels)
    if ddp is not None:  # back in the order one process would have seen
        order = np.argsort(np.asarray(where), kind="stable")
        probs_all, labels_all, where = probs_all[order], labels_all[order], [where[i] for i in order]
    paths = [bank.paths[items[k][0]] for k in where]
    return compute_metrics(labels_all, probs_all, run.classes, paths)


# ------------------------------------------------------------------------------------------------
# Evaluating a saved model on a labelled folder


def _match_classes(model_classes: list[str], folder_classes: list[str]) -> dict[int, int]:
    exact = {c: i for i, c in enumerate(model_classes)}
    folded = {c.casefold(): i for i, c in enumerate(model_classes)}
    out = {}
    for j, c in enumerate(folder_classes):
        i = exact.get(c, folded.get(c.casefold()))
        if i is not None:
            out[j] = i
    return out


def evaluate(
    model_path: os.PathLike | str,
    data_dir: os.PathLike | str,
    *,
    device: str = "auto",
    batch_size: int = 32,
    on_event: EventFn | None = None,
    cancel: threading.Event | None = None,
    part: str = "auto",
    backend: str = "auto",
    workers: int | None = None,
) -> EvalResult:
    """Accuracy, per-class precision/recall, confusion matrix and misclassified pictures of the
    model file ``model_path`` on the labelled folder ``data_dir`` (class-per-folder or train/val).

    ``part``: which pictures: ``auto`` (every picture of a class-per-folder tree; ``test/``, else
    ``val/``, of a train/val tree), ``all``, ``train``, ``val`` or ``test``. Category folders are
    matched to the model's categories by name; pictures of unknown categories are listed in
    ``ignored``. Raises :class:`CancelledError` when cancelled, :class:`ModelOutputError` when the
    model's outputs are NaN or infinite (an accuracy computed from them would mean nothing).
    """
    from .backends import make_backend, require_finite
    from .datasets import scan_dataset
    from .devices import pick_device
    from .features import ORT_MIN_IMAGES, iter_batches
    from .modelfile import load_model

    started = time.perf_counter()
    emit: EventFn = on_event or (lambda e: None)
    cancel = cancel or threading.Event()
    emit(StageEvent("preparing", "Loading the model"))
    p = Path(model_path)
    if not p.is_file():
        raise ModelFileError(f"The model file {p} does not exist.")
    model, info = load_model(p)
    split = scan_dataset(data_dir, val_fraction=0.0)
    parts = {"all": split.train + split.val + split.test, "train": split.train, "val": split.val, "test": split.test}
    if part == "auto":
        if split.layout == "folders":
            part = "all"
        else:
            part = "test" if split.test else "val"
    if part not in parts:
        raise DatasetError(f"Unknown part '{part}'. Choose one of: auto, {', '.join(parts)}.")
    mapping = _match_classes(list(info.classes), list(split.classes))
    if not mapping:
        raise DatasetError(
            f"None of the category folders in {Path(data_dir).name} ({', '.join(split.classes[:5])}) is a "
            f"category of this model ({', '.join(info.classes[:5])})."
        )
    ignored = [(str(q), r) for q, r in split.skipped]
    samples = []
    for path, j in parts[part]:
        if j in mapping:
            samples.append((path, mapping[j]))
        else:
            ignored.append((str(path), f"The model has no category '{split.classes[j]}'."))
    if not samples:
        raise DatasetError(f"There are no pictures to evaluate in the {part} part of {Path(data_dir).name}.")
    dev = pick_device(device)
    choice = backend if backend != "auto" else ("auto" if len(samples) >= ORT_MIN_IMAGES else "torch")
    engine, _note = make_backend(model, dev, info.preprocess.crop_size, choice)
    probs, labels, paths, skipped = [], [], [], []
    done = 0
    emit(StageEvent("evaluating", "Classifying the pictures", 0, len(samples)))
    for batch in iter_batches([s[0] for s in samples], info.preprocess.load, batch_size, workers=workers, cancel=cancel):
        for i, exc in batch.errors:
            skipped.append((str(samples[i][0]), str(exc)))
        if batch.arrays is not None:
            probs.append(softmax(require_finite(engine.logits(batch.arrays))))
            labels.extend(samples[i][1] for i in batch.indices)
            paths.extend(str(samples[i][0]) for i in batch.indices)
        done += len(batch.indices) + len(batch.errors)
        emit(StageEvent("evaluating", f"Classifying the pictures ({done}/{len(samples)})", done, len(samples)))
    if not probs:
        raise DatasetError("None of the pictures could be read.")
    m = compute_metrics(labels, np.concatenate(probs), list(info.classes), paths)
    return EvalResult(
        model_path=str(p), data_dir=str(split.root), classes=list(info.classes), accuracy=m.accuracy,
        loss=m.loss, per_class=m.per_class, confusion_matrix=m.confusion_matrix, misclassified=m.misclassified,
        count=m.count, skipped=skipped, ignored=ignored, part=part, seconds=time.perf_counter() - started,
        backend=getattr(engine, "name", ""),
    )
