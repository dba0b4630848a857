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
written atomically after each improvement, so a cancel or a crash leaves the best so far intact.
Deterministic for a seed on the CPU; mixed precision on CUDA. Unreadable pictures are skipped and
listed in ``TrainResult.skipped``.
"""

from __future__ import annotations

import copy
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import numpy as np

from .errors import CancelledError, DatasetError, ModelError, ModelFileError, OutputWriteError, WeightsNotFoundError
from .images import Preprocess
from .metrics import Metrics, compute_metrics, softmax

MODES = ("auto", "head", "finetune", "full")
SCHEDULES = ("cosine", "step")
#: Misclassified pictures stored in a model file (the result keeps more).
FILE_MISCLASSIFIED = 50


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
    """Training/inference preprocessing: the weights' own at their size, else the classic ratio."""
    from .zoo import arch_info

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
        save_model_file(self.out_path, state_dict, info)
        self.saved_path = self.out_path
        return self.out_path

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


def _resolve_out(out_path, config: TrainConfig, split) -> Path:
    if out_path is None or str(out_path) == "":
        from .library import safe_file_stem, unique_path
        from .paths import trained_models_dir

        stem = safe_file_stem(config.name or Path(split.root).name or "model")
        return unique_path(trained_models_dir(), stem)
    p = Path(out_path)
    if p.suffix.lower() != ".safetensors":
        p = p.with_name(p.name + ".safetensors")
    if p.is_dir():
        raise OutputWriteError(f"{p} is a folder; give a file name for the model (for example model.safetensors).")
    if not p.parent.is_dir():
        raise OutputWriteError(f"Could not save {p.name}: the folder {p.parent} does not exist.")
    if not os.access(p.parent, os.W_OK):
        raise OutputWriteError(f"Could not save {p.name}: you do not have permission to write in {p.parent}.")
    return p


def _base_state(config: TrainConfig, run_stage, cancel) -> tuple[dict | None, Path | None]:
    """ImageNet weights (state dict, file) when pre-trained, else ``(None, None)``."""
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


def _build_model(config: TrainConfig, plan: TrainPlan, num_classes: int, base: dict | None):
    import torch

    from .zoo import arch_info, build_model

    torch.manual_seed(config.seed)
    model = build_model(config.arch, num_classes=num_classes, small_input=plan.small_input)
    if base is not None:
        backbone = {k: v for k, v in base.items() if not k.startswith("fc.")}
        try:
            missing, unexpected = model.load_state_dict(backbone, strict=False)
        except RuntimeError as exc:
            raise ModelFileError(
                f"The ImageNet weights file does not match {arch_info(config.arch).display_name}; "
                "delete it and download it again.", details=str(exc)[:2000],
            ) from exc
        if unexpected or any(not k.startswith("fc.") for k in missing):
            raise ModelFileError(
                f"The ImageNet weights file does not match {arch_info(config.arch).display_name}; "
                "delete it and download it again.", details=f"missing {missing[:5]}, unexpected {unexpected[:5]}",
            )
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

    Returns a :class:`TrainResult` (also after a cancel: ``cancelled`` is True and ``model_path``
    is the best model saved so far, or None). Raises :class:`DatasetError`, :class:`ModelError`
    (:class:`WeightsNotFoundError`), :class:`DeviceError` or :class:`OutputWriteError`.
    """
    from .datasets import scan_dataset
    from .devices import pick_device

    started = time.perf_counter()
    config = config or TrainConfig()
    cancel = cancel or threading.Event()
    emit: EventFn = on_event or (lambda e: None)
    _check_config(config)
    emit(StageEvent("preparing", "Reading the folder"))
    split = scan_dataset(data_dir, val_fraction=config.val_fraction, seed=config.seed)
    out = _resolve_out(out_path, config, split)
    device = pick_device(config.device)
    plan = plan_training(config, len(split.train), device.type)
    run = _Run(config, plan, split, out, device, emit, cancel, started)
    base, weights_file = _base_state(config, run.stage, cancel)
    model = _build_model(config, plan, len(split.classes), base)
    if plan.mode == "head":
        _train_head(run, model, weights_file)
    else:
        _train_network(run, model)
    if run.cancelled:
        run.stage("saving", "Cancelled" + (": the best model so far is saved." if run.saved_path else "."))
    elif run.saved_path is None and not run.history:
        raise DatasetError("Training could not start: there were no usable pictures.")
    return run.result()


# ------------------------------------------------------------------------------------------------
# Head only, on cached features


def _train_head(run: _Run, model, weights_file: Path | None) -> None:
    import torch

    from .features import cached_features, file_digest, model_key
    from .paths import user_cache_dir

    cfg, plan, split = run.config, run.plan, run.split
    cache_dir = Path(cfg.cache_dir) if cfg.cache_dir else user_cache_dir() / "features"
    cache_dir.mkdir(parents=True, exist_ok=True)
    if weights_file is not None:
        weights_id = file_digest(weights_file, cache_dir)
    else:  # a random backbone is fixed by the seed (and torch's generator)
        weights_id = f"random-seed{cfg.seed}-torch{torch.__version__}"
    key = model_key(cfg.arch, weights_id, run.preprocess, small_input=plan.small_input)
    samples = list(split.train) + list(split.val)
    paths = [p for p, _ in samples]

    def progress(done: int, total: int) -> None:
        run.stage("extracting", f"Reading pictures with the frozen network ({done}/{total})", done, total)

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
    n_tr = len(split.train)
    rows_tr = [r for r, i in enumerate(fs.ok) if i < n_tr]
    rows_va = [r for r, i in enumerate(fs.ok) if i >= n_tr]
    labels = np.array([samples[i][1] for i in fs.ok], dtype=np.int64)
    x_tr, y_tr = fs.features[rows_tr], labels[rows_tr]
    va_paths = [str(paths[fs.ok[r]]) for r in rows_va]
    x_va, y_va = fs.features[rows_va], labels[rows_va]
    if len(y_tr) == 0:
        raise DatasetError("None of the training pictures could be read.")
    if len(y_va) == 0:
        x_va, y_va = x_tr, y_tr
        va_paths = [str(paths[fs.ok[r]]) for r in rows_tr]
        run.val_source = "train"
        run.warnings.append(
            "There are no validation pictures, so accuracy is measured on the training pictures and "
            "looks better than it will be on new ones."
        )
    run.n_train, run.n_val = len(y_tr), len(y_va)

    # standardised features: every direction learns at the same speed, so one learning rate suits
    # any backbone; folded back into fc at the end.
    mu = x_tr.mean(axis=0).astype(np.float32)
    sd = (x_tr.std(axis=0) + 1e-4).astype(np.float32)
    xt = torch.from_numpy((x_tr - mu) / sd)
    yt = torch.from_numpy(y_tr)
    xv = torch.from_numpy((x_va - mu) / sd)
    torch.manual_seed(cfg.seed)
    head = torch.nn.Linear(xt.shape[1], len(run.classes))
    opt = torch.optim.SGD(head.parameters(), lr=plan.lr, momentum=cfg.momentum, weight_decay=cfg.weight_decay)
    n = len(yt)
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
        best_state = _head_epochs(run, head, opt, sched, loss_fn, xt, yt, xv, y_va, va_paths, gen, clock, bs)
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


def _head_epochs(run: _Run, head, opt, sched, loss_fn, xt, yt, xv, y_va, va_paths, gen, clock, bs) -> dict | None:
    import torch

    plan = run.plan
    n = len(yt)
    batches = math.ceil(n / bs)
    best_state = None
    for epoch in range(1, plan.epochs + 1):
        t0 = time.perf_counter()
        clock.resume()
        order = torch.randperm(n, generator=gen)
        loss_sum, correct, seen = 0.0, 0, 0
        for b in range(batches):
            if run.check_cancel():
                break
            idx = order[b * bs:(b + 1) * bs]
            out = head(xt[idx])
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
        if run.cancelled:
            break
        with torch.inference_mode():
            probs = softmax(head(xv).numpy())
        metrics = compute_metrics(y_va, probs, run.classes, va_paths)
        if run.epoch_done(epoch, loss_sum / seen, correct / seen, metrics, time.perf_counter() - t0):
            best_state = copy.deepcopy(head.state_dict())
    return best_state


# ------------------------------------------------------------------------------------------------
# Last stage or every layer, on pictures


def _train_network(run: _Run, model) -> None:
    import torch
    from torch import nn

    from .train_data import Augment, ImageBank, make_batches, prefetch

    cfg, plan, split, device = run.config, run.plan, run.split, run.device
    samples = list(split.train) + list(split.val)
    bank = ImageBank([p for p, _ in samples], run.preprocess)
    workers = cfg.workers or min(4, os.cpu_count() or 1)
    if bank.in_ram:
        def progress(done: int, total: int) -> None:
            run.stage("preparing", f"Decoding pictures once ({done}/{total})", done, total)

        run.stage("preparing", "Decoding pictures once", 0, len(samples))
        try:
            bad = bank.load_all(workers=workers, progress=progress, cancel=run.cancel)
        except CancelledError:
            run.cancelled = True
            return
    else:
        bad = []
        run.warnings.append("The pictures do not fit in memory; they are read from disk in every epoch.")
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

    cuda = device.type == "cuda"
    amp_dtype = None
    if cuda:
        amp_dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    scaler = torch.amp.GradScaler("cuda", enabled=amp_dtype == torch.float16)
    model = model.to(device).to(memory_format=torch.channels_last)
    finetune = plan.mode == "finetune"
    if finetune:
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
        [{"params": decay, "weight_decay": cfg.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=plan.lr, momentum=cfg.momentum,
    )
    bs = plan.batch_size
    n_fit = len(train_items) - (1 if len(train_items) > 1 and len(train_items) % bs == 1 else 0)
    batches = math.ceil(n_fit / bs)
    total = batches * plan.epochs
    warmup = min(batches, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: _lr_factor(s, total, warmup, cfg.schedule))
    loss_fn = nn.CrossEntropyLoss(label_smoothing=cfg.label_smoothing)
    augment = (
        Augment(scale=(min(max(cfg.crop_scale, 0.01), 1.0), 1.0), hflip=cfg.hflip, jitter=max(0.0, cfg.color_jitter))
        if cfg.augment else None
    )
    mean = torch.tensor(run.preprocess.mean, device=device).view(1, 3, 1, 1) * 255
    inv_std = 1.0 / (torch.tensor(run.preprocess.std, device=device).view(1, 3, 1, 1) * 255)

    def to_input(x):
        x = x.to(device, non_blocking=cuda).float()
        return ((x - mean) * inv_std).contiguous(memory_format=torch.channels_last)

    front_fn = None
    if front is not None:
        front.eval()
        work = (len(train_items) + len(val_items)) * plan.epochs
        front_fn = _FrozenFront(front, device, run.preprocess.crop_size, work, cfg.feature_backend)
        run.frozen_backend = front_fn.backend
        if front_fn.note:
            run.warnings.append(front_fn.note)

    def forward(x):
        with torch.autocast(device.type, dtype=amp_dtype, enabled=cuda):
            if front_fn is not None:
                x = front_fn(x)
            return back(x)

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
                                         shuffle=True, on_unreadable=unreadable, drop_single=True),
            pin=cuda,
        )
        for b, (xb, yb, _) in enumerate(batch_iter):
            if run.check_cancel():
                break
            if len(yb) < 2 and n_fit > 1:
                continue  # only when pictures of this batch failed to decode: batch norm needs two
            x, y = to_input(xb), yb.to(device, non_blocking=cuda)
            out = forward(x)
            loss = loss_fn(out.float(), y)
            # (with float16 the scaler skips steps that overflow; only a real blow-up stops here)
            if not torch.isfinite(loss) and not scaler.is_enabled():
                run.diverged()
                stop = True
                break
            opt.zero_grad(set_to_none=True)
            scaler.scale(loss).backward()
            scaler.step(opt)
            scaler.update()
            lr = opt.param_groups[0]["lr"]
            sched.step()
            loss_sum += float(loss.detach()) * len(y)
            correct += int((out.argmax(1) == y).sum())
            seen += len(y)
            eta, prog = clock.tick(plan.epochs - epoch)
            elapsed = time.perf_counter() - t0
            run.emit(BatchEvent(epoch, plan.epochs, b + 1, batches, loss_sum / seen, correct / seen, lr,
                                seen / max(elapsed, 1e-9), eta, prog))
        batch_iter.close()
        if run.cancelled or stop or seen == 0:
            break
        t_val = time.perf_counter()
        run.stage("evaluating", f"Checking epoch {epoch} on the validation pictures")
        metrics = _evaluate_bank(model, forward, to_input, bank, val_items, bs, run, unreadable)
        if metrics is None:  # cancelled during validation: this epoch does not count
            break
        clock.extra_per_epoch = time.perf_counter() - t_val
        if run.epoch_done(epoch, loss_sum / seen, correct / seen, metrics, time.perf_counter() - t0):
            run.save(model.state_dict())


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


def _evaluate_bank(model, forward, to_input, bank, items, batch_size, run: _Run, unreadable) -> Metrics | None:
    import torch

    from .train_data import make_batches, prefetch

    model.eval()
    probs, labels, paths = [], [], []
    it = prefetch(lambda: make_batches(bank, items, batch_size, augment=None, seed=0, epoch=0, shuffle=False,
                                       on_unreadable=unreadable))
    try:
        with torch.inference_mode():
            for xb, yb, pos in it:
                if run.check_cancel():
                    return None
                probs.append(softmax(forward(to_input(xb)).float().cpu().numpy()))
                labels.append(yb.numpy())
                paths.extend(bank.paths[items[k][0]] for k in pos)
    finally:
        it.close()
    if not probs:
        return None
    return compute_metrics(np.concatenate(labels), np.concatenate(probs), run.classes, paths)


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
    ``ignored``. Raises :class:`CancelledError` when cancelled.
    """
    from .backends import make_backend
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
            probs.append(softmax(engine.logits(batch.arrays)))
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
