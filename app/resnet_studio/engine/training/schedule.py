"""What both training loops share about time: the learning-rate schedule (warm-up, then cosine or
step) and the progress clock behind each :class:`BatchEvent`'s time left."""

from __future__ import annotations

import math
import time


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
