"""Last stage or every layer, on pictures: pictures decoded once, the epochs, one optimiser step
(in smaller passes after the GPU ran out of memory), and validation (shared among processes
under torchrun).
"""

from __future__ import annotations

import contextlib
import math
import os
import time

import numpy as np

from ..errors import CancelledError, DatasetError, ModelError
from ..metrics import Metrics, compute_metrics, softmax
from .contract import BatchEvent
from .network_setup import _network_setup, _NetworkSetup
from .out_of_memory import _out_of_memory
from .run import _Run
from .schedule import _Clock, _lr_factor


def _train_network(run: _Run, model) -> None:
    import torch

    from ..train_data import make_batches, prefetch

    cfg, plan, device, ddp = run.config, run.plan, run.device, run.dist
    world = ddp.world_size if ddp is not None else 1
    pictures = _decode_pictures(run, world)
    if pictures is None:
        return  # cancelled while decoding
    bank, train_items, val_items, unreadable = pictures
    work = (len(train_items) + len(val_items)) * plan.epochs
    setup = _network_setup(cfg, plan, model, device, run.preprocess, lr=plan.lr, front_images=work,
                           class_weights=run.class_weights)
    model, front, back, opt = setup.model, setup.front, setup.back, setup.opt
    augment, to_input, cuda = setup.augment, setup.to_input, setup.cuda
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
    step = _make_step(setup, net, ddp)

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
        metrics, micro = _validate(run, setup, bank, val_items, bs, micro, unreadable)
        if metrics is None:  # cancelled during validation: this epoch does not count
            break
        clock.extra_per_epoch = time.perf_counter() - t_val
        if run.epoch_done(epoch, loss_sum / seen, correct / seen, metrics, time.perf_counter() - t0) and run.is_main:
            run.save(model.state_dict())


def _decode_pictures(run: _Run, world: int):
    """The pictures of the run, decoded once (in RAM when they fit): ``(bank, train_items,
    val_items, unreadable)``, items being ``(index in the bank, label)``; None when cancelled.
    ``unreadable`` notes a picture that failed to decode on the fly (not in RAM)."""
    from ..train_data import ImageBank, fits_in_ram

    cfg, plan, split, ddp = run.config, run.plan, run.split, run.dist
    samples = list(split.train) + list(split.val)
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
                return None
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

    return bank, train_items, val_items, unreadable


def _make_step(setup: _NetworkSetup, net, ddp):
    """``step(x, y, scale, micro)``: one optimiser step of ``net`` (``setup.back``, wrapped in DDP
    under torchrun) with ``setup``'s optimiser, gradient scaler, loss and forward pass."""
    import torch

    opt, scaler, loss_fn, forward = setup.opt, setup.scaler, setup.loss_fn, setup.forward

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

    return step


def _validate(run: _Run, setup: _NetworkSetup, bank, val_items, bs: int, micro: int,
              unreadable) -> tuple[Metrics | None, int]:
    """Validation metrics of the epoch (None when cancelled) and the pictures per pass after it:
    out of memory halves them, as in training."""
    import torch

    while True:
        try:
            metrics = _evaluate_bank(setup.model, setup.forward, setup.to_input, bank, val_items, min(bs, micro),
                                     run, unreadable)
            return metrics, micro
        except torch.OutOfMemoryError as exc:
            micro = _out_of_memory(run, micro, exc)


def _evaluate_bank(model, forward, to_input, bank, items, batch_size, run: _Run, unreadable) -> Metrics | None:
    """Validation metrics of ``items``. Under torchrun each process classifies every n-th picture
    with rank 0's batch-norm statistics and the results are gathered, so every process gets the
    same metrics (and so takes the same decisions) as one process would."""
    import torch

    from ..train_data import make_batches, prefetch

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
