"""Head only, on cached features: the frozen backbone's features of every picture (computed once,
kept in the feature cache), then the last layer learns on them, standardised, in milliseconds.
"""

from __future__ import annotations

import copy
import logging
import math
import time
from pathlib import Path

import numpy as np

from ..errors import CancelledError, DatasetError
from ..images import Preprocess
from ..metrics import compute_metrics, softmax
from .contract import BatchEvent, TrainConfig, TrainPlan
from .run import _Run
from .schedule import _Clock, _lr_factor

log = logging.getLogger(__name__)

#: The head's L2 strength is at least this over the number of training pictures: the same prior
#: whatever the data set's size, as an L2-regularised logistic regression has. With the old fixed
#: 1e-4, a few hundred pictures made a head that called 28 % of its mistakes at >= 99 % (issue 15).
HEAD_L2_PER_PICTURE = 10.0


def _feature_cache(config: TrainConfig, plan: TrainPlan, preprocess: Preprocess,
                   weights_file: Path | None) -> tuple[Path, str]:
    """The feature cache folder (created) and the cache key of this backbone's features. The LR
    finder uses the same, so the training after it finds every feature cached."""
    import torch

    from ..features import file_digest, model_key
    from ..paths import user_cache_dir

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
    from ..features import cached_features

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
    from ..features import cached_features

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
    head, opt, sched, loss_fn, bs = _head_setup(fs.dim, len(run.classes), len(tr), cfg, plan, run.class_weights)
    gen = torch.Generator().manual_seed(cfg.seed)
    clock = _Clock(math.ceil(len(tr) / bs) * plan.epochs)
    run.stage("training", "Training the last layer")
    threads = torch.get_num_threads()
    # These matrices are tiny: one thread is faster, and several threads waiting on each other
    # make each step 10-50x slower when other programs keep the cores busy.
    torch.set_num_threads(1)
    try:
        best_state = _head_epochs(run, head, opt, sched, loss_fn, fs, (tr, labels[tr.start:tr.stop]),
                                  (va, labels[va.start:va.stop], va_paths), (mu, sd), gen, clock, bs)
        if best_state is not None:
            _calibrate(run, head, best_state, fs, labels, (tr, va, va_paths), (mu, sd))
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


def _head_setup(dim: int, classes: int, n: int, cfg: TrainConfig, plan: TrainPlan,
                class_weights: list[float] | None = None):
    """``(head, optimiser, scheduler, loss, batch size)`` of a head trained on ``n`` pictures: the
    run's own head and each fold's head in :func:`_calibrate` are made here, so they match.
    ``class_weights``: the run's loss weights of uneven categories (``_Run.class_weights``)."""
    import torch

    torch.manual_seed(cfg.seed)
    head = torch.nn.Linear(dim, classes)
    wd = max(cfg.weight_decay, HEAD_L2_PER_PICTURE / max(1, n))
    opt = torch.optim.SGD(head.parameters(), lr=plan.lr, momentum=cfg.momentum, weight_decay=wd)
    bs = max(1, min(plan.batch_size, n))
    total = math.ceil(n / bs) * plan.epochs
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: _lr_factor(s, total, 0, cfg.schedule))
    weight = torch.tensor(class_weights, dtype=torch.float32) if class_weights else None
    return head, opt, sched, torch.nn.CrossEntropyLoss(weight=weight, label_smoothing=cfg.label_smoothing), bs


def _fold_head_logits(run: _Run, x: np.ndarray, y: np.ndarray, held: np.ndarray, epochs: int) -> np.ndarray | None:
    """Logits on rows ``held`` of ``x`` of a head trained as the run's was (same settings, as many
    epochs as its best one) on all the other rows; None when cancelled."""
    import torch

    keep = np.setdiff1d(np.arange(len(x)), held)
    xt, yt = x[keep], torch.from_numpy(y[keep])
    mu, sd = xt.mean(axis=0), xt.std(axis=0) + 1e-4
    xs = torch.from_numpy(((xt - mu) / sd).astype(np.float32))
    head, opt, sched, loss_fn, bs = _head_setup(x.shape[1], len(run.classes), len(keep), run.config, run.plan,
                                                run.class_weights)
    gen = torch.Generator().manual_seed(run.config.seed)
    for _ in range(epochs):
        if run.check_cancel():
            return None
        order = torch.randperm(len(keep), generator=gen)
        for b in range(0, len(keep), bs):
            idx = order[b:b + bs]
            loss = loss_fn(head(xs[idx]), yt[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
    with torch.inference_mode():
        return head(torch.from_numpy(((x[held] - mu) / sd).astype(np.float32))).double().numpy()


def _calibrate(run: _Run, head, best_state: dict, fs, labels: np.ndarray, rows, scale) -> None:
    """Fit the temperature (``run.calibration``) and give the best epoch's validation metrics
    with calibrated probabilities (the confidence the mistakes gallery shows).

    On the validation split when it is large (``VALIDATION_ENOUGH``); else on out-of-fold logits
    of all the run's pictures when their features fit in memory (six validation pictures per
    category cannot fit a temperature); else on the validation split when it has at least
    ``MIN_FIT_PICTURES``; else none (T = 1, said in the run's warnings)."""
    import torch

    from .. import calibration as cal

    tr, va, va_paths = rows
    mu, sd = scale
    head.load_state_dict(best_state)
    with torch.inference_mode():
        val_logits = np.concatenate([head(torch.from_numpy((x - mu) / sd)).double().numpy()
                                     for x in fs.blocks(va.start, va.stop, 8192)])
    y_va = labels[va.start:va.stop]
    n_all = max(tr.stop, va.stop)
    fit_logits, fit_labels, method = val_logits, y_va, "none"
    if len(y_va) >= cal.VALIDATION_ENOUGH and run.val_source == "val":
        method = "validation"  # enough to fit on, and k more heads would cost time for nothing
    elif n_all >= 2 * cal.FOLDS and n_all * fs.dim * 4 <= cal.FOLD_FIT_MAX_BYTES:
        run.stage("evaluating", "Checking how sure the model should be")
        x = fs.rows(0, n_all).astype(np.float32)
        folds = cal.fold_indices(n_all, cal.FOLDS, run.config.seed)
        parts = [_fold_head_logits(run, x, labels[:n_all], f, int(run.best["epoch"])) for f in folds]
        if all(p is not None for p in parts):
            order = np.concatenate(folds)
            fit_logits, fit_labels, method = np.concatenate(parts), labels[order], "folds"
    elif len(y_va) >= cal.MIN_FIT_PICTURES and run.val_source == "val":
        method = "validation"
    if method == "none" and not run.cancelled:
        run.warnings.append(cal.NOT_FITTED.format(n=len(y_va), need=cal.MIN_FIT_PICTURES))
    t = cal.fit_temperature(fit_logits, fit_labels) if method != "none" else 1.0
    run.calibration = cal.summary(fit_logits, fit_labels, t, method)
    run.calibration["head_weight_decay"] = float(max(run.config.weight_decay, HEAD_L2_PER_PICTURE / max(1, len(tr))))
    run.best["metrics"] = compute_metrics(y_va, cal.softmax_t(val_logits, t), run.classes, va_paths)


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
