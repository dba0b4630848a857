"""Pictures whose folder disagrees with what the rest of the data says (likely wrong labels).

In the spirit of confident learning (Northcutt et al., 2021): every picture gets an out-of-fold
prediction, from an L2-regularised softmax head trained on the *other* folds' ImageNet features
(so a picture never votes on itself). Each class's threshold is the mean probability its own
pictures give it ("self-confidence"). A picture is suspicious when the probability of its folder is
below that folder's threshold while another class is at or above its own threshold (or, where no
class reaches its threshold, is the outright prediction: small sets have thresholds near 1); it is
ranked by the normalised margin between the two, ``score = (1 + p[suggested] - p[folder]) / 2`` (0..1).

Features come from the shared feature cache (:func:`.features.cached_features`, the key head-mode
training uses), so checking again, or training after a check, reads no picture twice.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import CancelledError

ProgressFn = Callable[[int, int], None]

#: Folds of the out-of-fold predictions (fewer for a handful of pictures).
FOLDS = 5
#: L2 strength of the head, per picture: the penalty is ``L2_PER_PICTURE / n * |W|^2`` on the mean
#: loss (scikit-learn's C=1 scaled alike), so the head's confidence does not grow with the data set.
L2_PER_PICTURE = 0.5
_SEED = 0
_LBFGS_STEPS = 100


@dataclass(frozen=True)
class SuspiciousLabel:
    """A picture that looks like it is in the wrong folder."""

    path: Path
    label: str  # its folder (category)
    suggested: str  # the category the rest of the data says it looks like
    score: float  # 0..1, higher = more suspicious
    label_probability: float  # out-of-fold probability of its folder
    suggested_probability: float

    def to_dict(self) -> dict:
        return {"path": str(self.path), "label": self.label, "suggested": self.suggested,
                "score": round(self.score, 4), "label_probability": round(self.label_probability, 4),
                "suggested_probability": round(self.suggested_probability, 4)}


def _labelled_files(split_or_dir) -> list[tuple[str, str]]:
    """(path, category) of every picture: from a folder, a DatasetSplit, or such pairs already."""
    if isinstance(split_or_dir, (str, os.PathLike)):
        from .dataset_tree import _read_tree

        tree = _read_tree(split_or_dir)
        if tree.fatal:
            return []
        return [(p, cls) for by_class in tree.parts.values() for cls in sorted(by_class) for p in by_class[cls]]
    if hasattr(split_or_dir, "classes") and hasattr(split_or_dir, "train"):
        split = split_or_dir
        samples = list(split.train) + list(split.val) + list(split.test)
        return [(str(p), split.classes[int(y)]) for p, y in samples]
    return [(str(p), str(c)) for p, c in split_or_dir]


def _folds(labels: np.ndarray, k: int) -> np.ndarray:
    """Stratified fold number of each picture (every class spread over the folds)."""
    rng = np.random.default_rng(_SEED)
    fold = np.zeros(len(labels), np.int64)
    for c in np.unique(labels):
        idx = np.flatnonzero(labels == c)
        rng.shuffle(idx)
        fold[idx] = np.arange(len(idx)) % k
    return fold


def _fit_predict(x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray, classes: int) -> np.ndarray:
    """Softmax probabilities of ``x_test`` from an L2-regularised softmax head fitted on the rest."""
    import torch

    mean, std = x_train.mean(0), x_train.std(0) + 1e-6  # the held-out fold never shapes the scaling
    xt = torch.from_numpy(((x_train - mean) / std).astype(np.float32))
    yt = torch.from_numpy(y_train.astype(np.int64))
    w = torch.zeros((x_train.shape[1], classes), requires_grad=True)
    b = torch.zeros(classes, requires_grad=True)
    lam = L2_PER_PICTURE / max(1, len(y_train))
    opt = torch.optim.LBFGS([w, b], lr=1.0, max_iter=_LBFGS_STEPS, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(xt @ w + b, yt) + lam * (w * w).sum()
        loss.backward()
        return loss

    with torch.enable_grad():
        opt.step(closure)
    with torch.no_grad():
        logits = torch.from_numpy(((x_test - mean) / std).astype(np.float32)) @ w + b
        return torch.softmax(logits.double(), dim=1).numpy()


def out_of_fold_probabilities(features: np.ndarray, labels: np.ndarray, classes: int, *,
                              folds: int = FOLDS, cancel: threading.Event | None = None) -> np.ndarray:
    """(n, classes) probabilities, each row from a head that never saw that picture. Rows whose
    class has no picture in the other folds stay NaN (nothing to compare them with)."""
    n = len(labels)
    probs = np.full((n, classes), np.nan)
    # Stratified: a small class still has pictures in the other folds whatever k is (one with a
    # single picture has none, and is not judged).
    k = max(2, min(folds, n // 2))
    fold = _folds(labels, k)
    for f in range(k):
        if cancel is not None and cancel.is_set():
            raise CancelledError("The label check was cancelled.")
        test, train = fold == f, fold != f
        if not test.any() or len(np.unique(labels[train])) < 2:
            continue
        probs[test] = _fit_predict(features[train], labels[train], features[test], classes)
        seen = np.bincount(labels[train], minlength=classes) > 0
        probs[test & ~seen[labels]] = np.nan  # its class never seen by this head: no verdict
    return probs


def rank_suspicious(probs: np.ndarray, labels: np.ndarray) -> list[tuple[int, int, float]]:
    """(row, suggested class, score) of the suspicious rows, most suspicious first (confident
    learning's per-class thresholds, ranked by normalised margin)."""
    n, classes = probs.shape
    judged = ~np.isnan(probs).any(axis=1)
    thresholds = np.full(classes, np.inf)
    for c in range(classes):
        own = judged & (labels == c)
        if own.any():
            thresholds[c] = probs[own, c].mean()
    out: list[tuple[int, int, float]] = []
    for i in np.flatnonzero(judged):
        y = labels[i]
        p = probs[i]
        if p[y] >= thresholds[y]:
            continue
        above = [c for c in range(classes) if c != y and p[c] >= thresholds[c]]
        if not above:
            # With few, well-separated pictures a class's threshold is near 1, above even a clearly
            # misplaced picture's 0.98: when another class is the prediction outright, that counts.
            best = int(np.argmax(p))
            if best == y:
                continue
            above = [best]
        s = max(above, key=lambda c: p[c])
        out.append((int(i), int(s), float((1.0 + p[s] - p[y]) / 2.0)))
    out.sort(key=lambda t: (-t[2], t[0]))
    return out


def _features(paths: list[str], arch: str, progress, cancel):
    """ImageNet features of ``paths`` from the cache (under the key head-mode training uses)."""
    from .zoo import arch_info, build_loaded_model, find_weights, load_state_dict_file, missing_weights_error

    weights = find_weights(arch)
    if weights is None:  # said before torch is even loaded
        raise missing_weights_error(arch)
    import torch

    from .features import cached_features, file_digest, model_key
    from .images import Preprocess
    from .paths import user_cache_dir

    cache_dir = user_cache_dir() / "features"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # a cache only saves time: the features then stay in memory
    preprocess = Preprocess.from_weights(arch_info(arch).weights)
    key = model_key(arch, file_digest(weights, cache_dir), preprocess, small_input=False)
    model = build_loaded_model(arch, load_state_dict_file(weights))
    with torch.inference_mode():
        return cached_features(model, paths, preprocess, key, cache_dir=cache_dir,
                               progress=progress, cancel=cancel)


def find_suspicious_labels(
    split_or_dir,
    *,
    arch: str = "resnet18",
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> list[SuspiciousLabel]:
    """Pictures whose folder disagrees with what the rest of the data says, most suspicious first.

    ``split_or_dir``: a training folder, a :class:`~.datasets.DatasetSplit`, or (path, category)
    pairs. Needs ``arch``'s ImageNet weights on this computer (:class:`WeightsNotFoundError`
    otherwise). Fewer than two categories, or too few pictures to compare, give an empty list.
    Raises :class:`CancelledError` when ``cancel`` is set.
    """
    files = _labelled_files(split_or_dir)
    names = sorted({c for _, c in files})
    if len(names) < 2 or len(files) < 4:
        return []
    fs = _features([p for p, _ in files], arch, progress, cancel)
    try:
        x = np.asarray(fs.rows(0, len(fs.ok)), dtype=np.float32)
    finally:
        fs.close()
    kept = [files[i] for i in fs.ok]
    index = {c: i for i, c in enumerate(names)}
    y = np.array([index[c] for _, c in kept], np.int64)
    if len(np.unique(y)) < 2:
        return []
    probs = out_of_fold_probabilities(x, y, len(names), cancel=cancel)
    return [
        SuspiciousLabel(Path(kept[i][0]), names[y[i]], names[s], score, float(probs[i, y[i]]), float(probs[i, s]))
        for i, s, score in rank_suspicious(probs, y)
    ]
