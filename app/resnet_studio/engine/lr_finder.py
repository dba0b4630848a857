"""The learning-rate finder (as fastai's ``lr_find``): a short sweep that suggests a learning rate.

The model trains for a few dozen steps while the learning rate grows exponentially from
``start_lr`` to ``end_lr``; the loss is smoothed (bias-corrected exponential moving average) and
the sweep stops once it climbs above four times its lowest value (training has blown up: higher
rates only get worse). Plotted against the learning rate (log scale), the loss first stays flat
(too small to learn), then falls (good rates), then shoots up (too large).

**Suggestion**: the point of *steepest descent* of the smoothed loss against log10(lr), looked for
only before the loss's minimum (the blow-up after it is steep too, in the wrong direction). When
the loss never falls (a flat or rising curve), the suggestion falls back to fastai's older rule,
a tenth of the rate at the minimum. ``steep_range`` is the stretch around the steepest point where
the loss still falls at least half as fast: any rate in it is a reasonable choice.

The sweep runs the mode the config would train, with the same model, optimiser and batch size as
:func:`engine.train.train`: head mode on the cached backbone features (milliseconds per step; the
features are cached, so the training that follows starts at once), finetune/full on decoded
pictures. It starts from a fresh copy of the starting weights, so it never writes or changes a
model file; only the feature cache (head mode) is filled, as training would.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from .errors import CancelledError, DatasetError, ModelError
from .train import StageEvent, TrainConfig

#: The sweep stops when the smoothed loss exceeds this many times its minimum (fastai: 4).
DIVERGE_FACTOR = 4.0
#: A sweep shorter than this cannot say much; find_lr refuses fewer steps.
MIN_STEPS = 5

EventFn = Callable[[object], None]


@dataclass
class LRFinderEvent:
    step: int  # 1-based
    steps: int
    lr: float
    loss: float  # smoothed
    raw_loss: float = 0.0


@dataclass
class LRFinderResult:
    lrs: list[float]
    losses: list[float]  # smoothed losses, same length as lrs
    suggestion: float
    steep_range: tuple[float, float]
    mode: str
    stopped_early: bool
    # --- extras ---
    raw_losses: list[float] = field(default_factory=list)
    method: str = "steepest"  # "steepest" | "min/10" (see suggest_lr)
    auto_lr: float = 0.0  # what training would use with "Automatic"
    batch_size: int = 0
    n_train: int = 0
    seconds: float = 0.0
    device: str = ""

    def to_dict(self) -> dict:
        return {
            "lrs": list(self.lrs), "losses": list(self.losses), "suggestion": self.suggestion,
            "steep_range": list(self.steep_range), "mode": self.mode, "stopped_early": self.stopped_early,
            "raw_losses": list(self.raw_losses), "method": self.method, "auto_lr": self.auto_lr,
            "batch_size": self.batch_size, "n_train": self.n_train, "seconds": self.seconds, "device": self.device,
        }


# ------------------------------------------------------------------------------------------------
# Reading the curve


def _round_lr(lr: float) -> float:
    """Two significant digits: "0.0032" reads better than "0.003162277" and changes nothing."""
    return float(f"{lr:.2g}")


def suggest_lr(lrs: list[float], losses: list[float]) -> tuple[float, tuple[float, float], str]:
    """``(suggestion, steep_range, method)`` from a sweep's learning rates and smoothed losses.

    ``method`` is ``"steepest"`` (steepest descent before the minimum) or ``"min/10"`` (the loss
    never fell clearly: a tenth of the rate at the minimum).
    """
    x = np.log10(np.asarray(lrs, dtype=np.float64))
    y = np.asarray(losses, dtype=np.float64)
    finite = np.isfinite(y)
    if not finite.all():
        cut = int(np.argmin(finite))
        x, y = x[:cut], y[:cut]
    if len(y) == 0:
        raise ModelError("The learning-rate sweep produced no usable loss values.")
    i_min = int(np.argmin(y))

    def fallback() -> tuple[float, tuple[float, float], str]:
        s = max(10 ** x[0], 10 ** x[i_min] / 10)
        return _round_lr(s), (float(10 ** x[0]), float(10 ** x[i_min])), "min/10"

    if len(y) < MIN_STEPS or i_min < 2:
        return fallback()
    slope = np.gradient(y[: i_min + 1], x[: i_min + 1])
    # the stretch must be a real fall, not noise on a flat curve
    drop = y[0] - y[i_min]
    steepest = int(np.argmin(slope))
    if not slope[steepest] < 0 or drop <= 0.02 * max(abs(y[0]), 1e-12):
        return fallback()
    lo = hi = steepest
    while lo > 0 and slope[lo - 1] <= 0.5 * slope[steepest]:
        lo -= 1
    while hi < i_min and slope[hi + 1] <= 0.5 * slope[steepest]:
        hi += 1
    low, high = float(10 ** x[lo]), float(10 ** x[hi])
    suggestion = min(max(_round_lr(10 ** x[steepest]), low), high)
    return suggestion, (low, high), "steepest"


class _Smoother:
    """Bias-corrected exponential moving average (fastai's ``SmoothenValue``)."""

    def __init__(self, beta: float) -> None:
        self.beta = beta
        self.mean = 0.0
        self.n = 0

    def add(self, value: float) -> float:
        self.n += 1
        self.mean = self.beta * self.mean + (1 - self.beta) * value
        return self.mean / (1 - self.beta ** self.n)


def _beta_for(steps: int) -> float:
    # about a tenth of the sweep in the average (fastai's 0.98 lags ~50 steps: half a 100-step sweep)
    return 1.0 - 1.0 / max(3.0, steps / 10.0)


class _Sweep:
    """The learning-rate schedule, smoothing, stopping rule and events of one sweep."""

    def __init__(self, start_lr: float, end_lr: float, steps: int, emit: EventFn, cancel: threading.Event) -> None:
        self.start_lr, self.end_lr, self.steps = start_lr, end_lr, steps
        self.emit, self.cancel = emit, cancel
        self.smoother = _Smoother(_beta_for(steps))
        self.lrs: list[float] = []
        self.losses: list[float] = []
        self.raw: list[float] = []
        self.best = math.inf
        self.stopped_early = False

    def lr(self, step: int) -> float:
        """Learning rate of step ``step`` (0-based): exponential from start_lr to end_lr."""
        return self.start_lr * (self.end_lr / self.start_lr) ** (step / (self.steps - 1))

    def check_cancel(self) -> None:
        if self.cancel.is_set():
            raise CancelledError("The learning-rate search was cancelled.")

    def record(self, step: int, lr: float, loss: float) -> bool:
        """Store one step's loss; False when the sweep should stop (the loss blew up)."""
        if not math.isfinite(loss):
            self.stopped_early = True
            return False
        smooth = self.smoother.add(loss)
        self.lrs.append(float(lr))
        self.losses.append(float(smooth))
        self.raw.append(float(loss))
        self.emit(LRFinderEvent(step + 1, self.steps, float(lr), float(smooth), float(loss)))
        self.best = min(self.best, smooth)
        if step >= 2 and smooth > DIVERGE_FACTOR * self.best:
            self.stopped_early = step + 1 < self.steps
            return False
        return True


# ------------------------------------------------------------------------------------------------
# The sweep


def find_lr(
    data_dir: os.PathLike | str,
    config: TrainConfig | None = None,
    *,
    start_lr: float = 1e-6,
    end_lr: float = 10.0,
    steps: int = 100,
    on_event: EventFn | None = None,
    cancel: threading.Event | None = None,
    split=None,
) -> LRFinderResult:
    """Sweep the learning rate on ``data_dir`` for the training ``config`` describes; suggest one.

    ``config.lr`` is ignored (that is what is being looked for); everything else (mode, network,
    batch size, picture size, augmentation, seed) is as :func:`engine.train.train` would use it.
    Events: :class:`StageEvent` as in training, then one :class:`LRFinderEvent` per step. Raises
    :class:`CancelledError` when ``cancel`` is set, and the errors ``train()`` raises for bad
    folders or settings. Never writes or changes a model file.
    """
    from . import train as _train
    from .datasets import scan_dataset

    started = time.perf_counter()
    config = replace(config or TrainConfig(), lr=None)
    cancel = cancel or threading.Event()
    emit: EventFn = on_event or (lambda e: None)
    steps = int(steps)
    if steps < MIN_STEPS:
        raise ModelError(f"The learning-rate search needs at least {MIN_STEPS} steps (got {steps}).")
    if not (0 < start_lr < end_lr):
        raise ModelError(f"The learning rates to try must grow: from {start_lr:g} to {end_lr:g} is not a range.")
    _train._check_config(config)
    emit(StageEvent("preparing", "Reading the folder"))
    if split is None:  # else read by the caller, who trains on the same split next (``train(split=)``)
        split = scan_dataset(data_dir, val_fraction=config.val_fraction, seed=config.seed)
    device = _device(config.device)
    plan = _train.plan_training(config, len(split.train), device.type)

    def stage(name: str, message: str, done: int = 0, total: int = 0) -> None:
        emit(StageEvent(name, message, int(done), int(total)))

    if cancel.is_set():
        raise CancelledError("The learning-rate search was cancelled.")
    model, weights_file = _start_model(config, plan, split, stage, cancel)
    sweep = _Sweep(float(start_lr), float(end_lr), steps, emit, cancel)
    if plan.mode == "head":
        n_train = _sweep_head(sweep, config, plan, split, model, weights_file, device, stage)
    else:
        n_train = _sweep_network(sweep, config, plan, split, model, device, stage)
    if not sweep.lrs:
        raise ModelError(
            "The learning-rate search could not measure anything: the loss was not a number from the "
            "first step. Check the pictures, or try a smaller picture size."
        )
    suggestion, steep, method = suggest_lr(sweep.lrs, sweep.losses)
    return LRFinderResult(
        lrs=sweep.lrs, losses=sweep.losses, suggestion=suggestion, steep_range=steep, mode=plan.mode,
        stopped_early=sweep.stopped_early, raw_losses=sweep.raw, method=method, auto_lr=float(plan.lr),
        batch_size=int(plan.batch_size), n_train=n_train, seconds=time.perf_counter() - started,
        device=str(device),
    )


def _device(preference: str):
    """As training picks it; under torchrun each process sweeps on its own GPU (cuda:LOCAL_RANK),
    not all of them on the first."""
    from .devices import pick_device
    from .distributed import dist_context

    ctx = dist_context(preference)
    if ctx is not None and ctx.backend == "nccl":
        return pick_device(f"cuda:{ctx.local_rank}")
    return pick_device(preference)


def _start_model(config: TrainConfig, plan, split, stage, cancel):
    """The network training would start from: ImageNet weights or ``config.init_model`` (a fresh
    copy in memory; files are only read)."""
    from . import train as _train

    base, weights_file = _train._base_state(config, stage, cancel)
    model = _train._build_model(config, plan, len(split.classes), base, classes=split.classes)
    return model, weights_file


def _sweep_head(sweep: _Sweep, config, plan, split, model, weights_file, device, stage) -> int:
    """Head mode: the last layer learns on standardised cached features, as in training."""
    from .features import cached_features
    from .train import _feature_cache, preprocess_for

    preprocess = preprocess_for(config)
    cache_dir, key = _feature_cache(config, plan, preprocess, weights_file)
    # training and validation pictures both: the training that follows then finds them all cached
    samples = list(split.train) + list(split.val)
    paths = [p for p, _ in samples]

    def progress(done: int, total: int) -> None:
        stage("extracting", f"Reading pictures with the frozen network ({done}/{total})", done, total)

    stage("extracting", "Looking for cached features", 0, len(paths))
    fs = cached_features(
        model, paths, preprocess, key, cache_dir=cache_dir, device=device,
        batch_size=64 if device.type == "cuda" else 32, backend=config.feature_backend,
        workers=config.workers, progress=progress, cancel=sweep.cancel,
    )
    try:
        return _fit_head_sweep(sweep, config, plan, split, fs)
    finally:
        fs.close()  # a feature file streamed from disk is deleted


def _fit_head_sweep(sweep: _Sweep, config, plan, split, fs) -> int:
    import torch

    # fs.ok is in increasing order and the samples are train then val: training rows come first
    n = sum(1 for i in fs.ok if i < len(split.train))
    if n == 0:
        raise DatasetError("None of the training pictures could be read.")
    samples = list(split.train)
    labels = torch.tensor([samples[i][1] for i in fs.ok[:n]], dtype=torch.int64)
    mean, std = fs.stats(0, n)
    mu, sd = mean.astype(np.float32), (std + 1e-4).astype(np.float32)
    torch.manual_seed(config.seed)
    head = torch.nn.Linear(fs.dim, len(split.classes))
    opt = torch.optim.SGD(head.parameters(), lr=sweep.start_lr, momentum=config.momentum,
                          weight_decay=config.weight_decay)
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=config.label_smoothing)
    bs = max(1, min(plan.batch_size, n))
    gen = torch.Generator().manual_seed(config.seed)
    sweep.emit(StageEvent("training", "Trying learning rates"))
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny matrices: one thread is fastest (as in training)
    try:
        step = 0
        while step < sweep.steps:
            for feats, pos in fs.shuffled_batches(0, n, bs, gen):
                sweep.check_cancel()
                x = torch.from_numpy((feats - mu) / sd)
                lr = sweep.lr(step)
                for group in opt.param_groups:
                    group["lr"] = lr
                loss = loss_fn(head(x), labels[torch.from_numpy(pos)])
                if not sweep.record(step, lr, float(loss.detach())):
                    return n
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                step += 1
                if step >= sweep.steps:
                    break
    finally:
        torch.set_num_threads(threads)
    return n


def _sweep_network(sweep: _Sweep, config, plan, split, model, device, stage) -> int:
    """Finetune / full: batches of decoded, augmented pictures through the network, as in training.

    The optimiser (SGD with momentum, no weight decay on batch-norm scales and biases), the frozen
    front of finetune mode, mixed precision on CUDA and the augmentation are those of
    ``train._train_network``: both set the network up with ``train._network_setup``.
    """
    from .train import _network_setup, preprocess_for
    from .train_data import ImageBank, make_batches, prefetch

    preprocess = preprocess_for(config)
    samples = list(split.train)
    bank = ImageBank([p for p, _ in samples], preprocess)
    workers = config.workers or min(4, os.cpu_count() or 1)
    bad: list[tuple[int, str]] = []
    if bank.in_ram:
        def progress(done: int, total: int) -> None:
            stage("preparing", f"Decoding pictures once ({done}/{total})", done, total)

        stage("preparing", "Decoding pictures once", 0, len(samples))
        bad = bank.load_all(workers=workers, progress=progress, cancel=sweep.cancel)
    bad_idx = {i for i, _ in bad}
    items = [(i, label) for i, (_, label) in enumerate(samples) if i not in bad_idx]
    if not items:
        raise DatasetError("None of the training pictures could be read.")

    net = _network_setup(config, plan, model, device, preprocess, lr=sweep.start_lr,
                         front_images=sweep.steps * plan.batch_size)
    opt, cuda = net.opt, net.cuda
    bs = max(1, min(plan.batch_size, len(items)))

    def skip(_i: int, _reason: str) -> None:  # only when decoding on the fly
        pass

    stage("training", "Trying learning rates")
    net.model.train()
    if net.front is not None:
        net.front.eval()  # frozen batch-norm statistics, as in training
    step, epoch = 0, 0
    while step < sweep.steps:
        epoch += 1
        got_any = False
        batch_iter = prefetch(
            lambda e=epoch: make_batches(bank, items, bs, augment=net.augment, seed=config.seed, epoch=e,
                                         shuffle=True, on_unreadable=skip, drop_single=True),
            pin=cuda,
        )
        try:
            for xb, yb, _ in batch_iter:
                sweep.check_cancel()
                if len(yb) < 2 and len(items) > 1:
                    continue  # batch norm needs two pictures
                got_any = True
                x, y = net.to_input(xb), yb.to(device, non_blocking=cuda)
                lr = sweep.lr(step)
                for group in opt.param_groups:
                    group["lr"] = lr
                loss = net.loss_fn(net.forward(x).float(), y)
                if not sweep.record(step, lr, float(loss.detach())):
                    return len(items)
                opt.zero_grad(set_to_none=True)
                net.scaler.scale(loss).backward()
                net.scaler.step(opt)
                net.scaler.update()
                step += 1
                if step >= sweep.steps:
                    break
        finally:
            batch_iter.close()
        if not got_any:
            raise DatasetError("None of the training pictures could be read.")
    return len(items)
