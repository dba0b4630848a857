"""Labelling with the model's help: a suggested category for every unlabelled picture, and the
order in which labelling them helps the model most ("next most useful").

A few labelled pictures per category are enough to start. Their ImageNet features come from the
feature cache (:func:`.features.cached_features`, the same folder and keys as head-mode training,
so pictures a training or an earlier call has seen are not read again), a small L2-regularised
softmax classifier is fitted on them in milliseconds, and its probabilities are calibrated with a
temperature fitted on out-of-fold logits (:mod:`.calibration`) once there are enough labels.
Uneven labels are weighted as head-mode training weights them (:func:`.training.planning.class_weights`).

The ranking rule is explained in :func:`rank_order`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import calibration as cal
from .errors import CancelledError, DatasetError

#: The head's L2 strength per labelled picture (the same prior as head-mode training's head).
L2_PER_PICTURE = 10.0
#: Pictures ranked together in one block of "next most useful" (a labelling session's batch).
DIVERSITY_BLOCK = 10
#: Within a block, a picture this similar (cosine of centred features) to one already picked
#: waits for a later block: labelling two near-copies teaches little more than labelling one.
SIMILARITY_LIMIT = 0.9
#: L-BFGS steps of one fit: far more than a few hundred labels need (a gradient below 1e-6 stops
#: it sooner); the cap keeps a badly conditioned pile from costing seconds.
MAX_ITER = 150
#: A block looks at most this many candidates per place (a pile of near-copies stays fast).
SCAN_PER_PICK = 20
#: Pictures per category a good start needs (said in the error message; 1 is accepted).
RECOMMENDED_PER_CATEGORY = 3

NO_CATEGORIES = ("Suggestions need at least two categories with at least one labelled picture each "
                 "(3 per category is a good start); there are no labelled pictures yet.")
ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class Suggestion:
    path: str            # the unlabelled picture
    label: str           # suggested category
    confidence: float    # calibrated top-1 probability, 0..1
    rank: int            # 1 = the most useful to label next
    margin: float        # top-1 minus top-2 probability (what ranks it)


class Suggestions(list):
    """The list :func:`suggest` returns (one :class:`Suggestion` per readable unlabelled picture,
    in ``rank`` order), with ``skipped``: ``(path, reason)`` of every picture, labelled or not,
    that could not be read (those have no suggestion), and ``temperature``: the calibration used
    (1.0 when there were too few labels to fit one)."""

    def __init__(self, items=(), skipped: Sequence[tuple[str, str]] = (), temperature: float = 1.0) -> None:
        super().__init__(items)
        self.skipped: list[tuple[str, str]] = list(skipped)
        self.temperature = float(temperature)


def _too_few(categories: Sequence[str]) -> DatasetError:
    if not categories:
        return DatasetError(NO_CATEGORIES)
    return DatasetError("Suggestions need at least two categories with at least one labelled picture "
                        "each (3 per category is a good start); so far there is only "
                        f"\u201c{categories[0]}\u201d.")


def check_labels(labelled: Mapping[str, str]) -> list[str]:
    """The categories of ``labelled`` (sorted), or :class:`DatasetError` when fewer than two."""
    counts: dict[str, int] = {}
    for label in labelled.values():
        if str(label).strip():
            counts[str(label)] = counts.get(str(label), 0) + 1
    if len(counts) < 2:
        raise _too_few(sorted(counts))
    return sorted(counts)


# --------------------------------------------------------------------------------------------
# The backbone and its features

_model_lock = threading.Lock()
_model_cache: dict = {}  # one entry: (arch, weights file, size, mtime) -> model


def _backbone(arch: str):
    """The ImageNet model ``arch`` and its weights file; kept in memory, so a second call (the
    labelling window asks again after each label) does not read the weights again."""
    from .zoo import load_imagenet_model, weights_path

    path = weights_path(arch)  # WeightsNotFoundError with the usual wording when missing
    st = path.stat()
    key = (arch, str(path), st.st_size, st.st_mtime_ns)
    with _model_lock:
        model = _model_cache.get(key)
        if model is None:
            model = load_imagenet_model(arch)
            _model_cache.clear()
            _model_cache[key] = model
    return model, path


def _preprocess(arch: str, image_size: int):
    from .images import Preprocess
    from .zoo import arch_info

    ref = Preprocess.from_weights(arch_info(arch).weights)
    return ref if ref.crop_size == int(image_size) else Preprocess.for_image_size(int(image_size))


def _features(paths: list[str], arch: str, image_size: int, cache_dir: Path | None, progress, cancel):
    """``(features, ok positions, skipped, digests)`` of ``paths`` via the feature cache."""
    from .feature_digests import DigestIndex
    from .features import cached_features, file_digest, model_key
    from .paths import user_cache_dir

    model, weights_file = _backbone(arch)
    folder = Path(cache_dir) if cache_dir is not None else user_cache_dir() / "features"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a cache only saves time
        pass
    preprocess = _preprocess(arch, image_size)
    key = model_key(arch, file_digest(weights_file, folder), preprocess)
    fs = cached_features(model, paths, preprocess, key, cache_dir=folder, progress=progress, cancel=cancel)
    try:
        x = np.array(fs.rows(0, len(fs.ok)), dtype=np.float64)
    finally:
        fs.close()
    index = DigestIndex(folder)  # remembered by cached_features just now: no file is read again
    digests, _ = index.digests_and_reasons(paths)
    return x, list(fs.ok), list(fs.skipped), digests


# --------------------------------------------------------------------------------------------
# The classifier


def fit_softmax(x: np.ndarray, y: np.ndarray, classes: int, l2: float,
                weights: Sequence[float] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``(W, b)`` minimising mean cross-entropy (each category's pictures weighted by
    ``weights`` when given) + ``l2 / 2 * |W|^2`` (full batch, L-BFGS from zeros: the same answer
    every time)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny matrices: one thread is faster and always gives the same sums
    try:
        xt = torch.from_numpy(np.ascontiguousarray(x, dtype=np.float64))
        yt = torch.from_numpy(np.asarray(y, dtype=np.int64))
        wt = None if weights is None else torch.tensor(list(weights), dtype=torch.float64)
        w = torch.zeros(x.shape[1], classes, dtype=torch.float64, requires_grad=True)
        b = torch.zeros(classes, dtype=torch.float64, requires_grad=True)
        opt = torch.optim.LBFGS([w, b], lr=1.0, max_iter=MAX_ITER, history_size=20,
                                tolerance_grad=1e-6, tolerance_change=1e-10, line_search_fn="strong_wolfe")

        def closure():
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(xt @ w + b, yt, weight=wt) + 0.5 * l2 * (w * w).sum()
            loss.backward()
            return loss

        opt.step(closure)
        return w.detach().numpy().copy(), b.detach().numpy().copy()
    finally:
        torch.set_num_threads(threads)


def _l2(n: int) -> float:
    return max(1e-4, L2_PER_PICTURE / max(1, n))


def _balance(y: np.ndarray, classes: int) -> list[float] | None:
    """Loss weights for uneven labels, by the same rule as head-mode training (largest category
    3x the smallest or more): a user who labelled 40 of one kind and 5 of another would otherwise
    be offered the big category nearly everywhere."""
    from .training.planning import class_weights

    return class_weights(np.bincount(y, minlength=classes).tolist())


def _temperature(x: np.ndarray, y: np.ndarray, classes: int, seed: int) -> float:
    """Temperature fitted on out-of-fold logits (heads trained without each fold); 1.0 when there
    are fewer than two labels per fold."""
    if len(y) < 2 * cal.FOLDS:
        return 1.0
    folds = cal.fold_indices(len(y), cal.FOLDS, seed)
    logits = np.empty((len(y), classes))
    for held in folds:
        keep = np.setdiff1d(np.arange(len(y)), held)
        w, b = fit_softmax(x[keep], y[keep], classes, _l2(len(keep)), _balance(y[keep], classes))
        logits[held] = x[held] @ w + b
    return cal.fit_temperature(logits, y)


# --------------------------------------------------------------------------------------------
# Ranking


def rank_order(margins: np.ndarray, features: np.ndarray, *, block: int = DIVERSITY_BLOCK,
               limit: float = SIMILARITY_LIMIT) -> list[int]:
    """Positions in "next most useful" order.

    The rule: the smallest margin (top-1 minus top-2 probability: where the model hesitates most)
    comes first, in blocks of ``block`` pictures. Going down the margins, a picture whose feature
    cosine similarity (features centred on their mean) to one already picked for the current block
    is above ``limit`` is left for a later block, so one block does not spend the user's effort on
    near-copies. A block closes early after ``block * SCAN_PER_PICK`` candidates (a pile of
    near-copies). Ties: by position.
    """
    n = len(margins)
    remaining = [int(i) for i in np.lexsort((np.arange(n), np.asarray(margins)))]
    if n == 0:
        return []
    z = features - features.mean(axis=0, keepdims=True)
    z = z / np.maximum(np.linalg.norm(z, axis=1, keepdims=True), 1e-12)
    order: list[int] = []
    while remaining:
        picked: list[int] = []
        later: list[int] = []
        stop = min(len(remaining), block * SCAN_PER_PICK)
        for pos, i in enumerate(remaining[:stop]):
            if len(picked) == block:
                stop = pos
                break
            if picked and float(np.max(z[picked] @ z[i])) > limit:
                later.append(i)
            else:
                picked.append(i)  # the first candidate always is: every block picks one
        order.extend(picked)
        remaining = later + remaining[stop:]
    return order


# --------------------------------------------------------------------------------------------
# The whole call


def suggest(labelled: Mapping[str, str], unlabelled: Sequence[str], *, arch: str = "resnet18",
            image_size: int = 224, seed: int = 0, progress: ProgressFn | None = None,
            cancel: threading.Event | None = None, cache_dir: os.PathLike | str | None = None) -> Suggestions:
    """A suggested category and confidence for each unlabelled picture, most useful to label first.

    ``labelled``: picture path -> category (any language); at least two categories with at least
    one picture each, else :class:`DatasetError` (3 per category is the recommended start).
    ``unlabelled``: picture paths. Features of both come from the feature cache (a second call
    on the same pictures reads no picture again). :class:`WeightsNotFoundError` when the ImageNet
    weights of ``arch`` are missing; :class:`CancelledError` when ``cancel`` is set.
    ``progress(done, total)``: while features are extracted. ``seed``: the calibration folds.

    Returns a :class:`Suggestions` list: one :class:`Suggestion` per readable unlabelled picture,
    sorted by ``rank`` (:func:`rank_order`); ``confidence`` and ``margin`` are calibrated
    probabilities. A picture whose content (file digest) is already in ``labelled`` is kept, ranked
    after all others, with the category it was labelled with, confidence 1 and margin 1. Pictures
    that could not be read (labelled or not) are left out and listed in ``.skipped`` with why.
    """
    check_labels(labelled)
    lab_paths = [str(p) for p, c in labelled.items() if str(c).strip()]
    lab_names = [str(labelled[p]) for p in labelled if str(labelled[p]).strip()]
    unl_paths = [str(p) for p in unlabelled]
    everything = list(dict.fromkeys(lab_paths + unl_paths))
    x_all, ok, skipped, digests = _features(everything, arch, image_size,
                                            Path(cache_dir) if cache_dir is not None else None, progress, cancel)
    row = {everything[i]: r for r, i in enumerate(ok)}
    digest_of = dict(zip(everything, digests))

    kept = [(p, c) for p, c in zip(lab_paths, lab_names) if p in row]
    classes = sorted({c for _, c in kept})
    missing = sorted(set(lab_names) - set(classes))
    if len(classes) < 2:
        if missing:
            names = ", ".join(f"\u201c{c}\u201d" for c in missing)
            raise DatasetError(f"None of the labelled pictures in {names} could be read; label other "
                               "pictures there to get suggestions.")
        raise _too_few(classes)

    if cancel is not None and cancel.is_set():  # every feature was cached: the fit is all that is left
        raise CancelledError()
    # standardised on every picture's features (labelled or not): with a handful of labels their
    # own spread says little about the directions the pile varies in
    mu, sd = x_all.mean(axis=0), x_all.std(axis=0) + 1e-4
    xs = (x_all - mu) / sd
    cls_index = {c: k for k, c in enumerate(classes)}
    x_lab = xs[[row[p] for p, _ in kept]]
    y_lab = np.array([cls_index[c] for _, c in kept], dtype=np.int64)
    w, b = fit_softmax(x_lab, y_lab, len(classes), _l2(len(y_lab)), _balance(y_lab, len(classes)))
    t = _temperature(x_lab, y_lab, len(classes), seed)

    known = {}
    for p, c in kept:
        known.setdefault(digest_of.get(p), c)
    fresh = [p for p in dict.fromkeys(unl_paths) if p in row and digest_of.get(p) not in known]
    twins = [p for p in dict.fromkeys(unl_paths) if p in row and digest_of.get(p) in known]
    out: list[Suggestion] = []
    if fresh:
        x_new = xs[[row[p] for p in fresh]]
        probs = cal.softmax_t(x_new @ w + b, t)
        top2 = np.sort(probs, axis=1)[:, ::-1]
        margins = top2[:, 0] - (top2[:, 1] if probs.shape[1] > 1 else 0.0)
        best = probs.argmax(axis=1)
        for rank, i in enumerate(rank_order(margins, x_new), start=1):
            out.append(Suggestion(fresh[i], classes[int(best[i])], float(top2[i, 0]), rank, float(margins[i])))
    for p in twins:
        out.append(Suggestion(p, known[digest_of[p]], 1.0, len(out) + 1, 1.0))
    return Suggestions(out, skipped=skipped, temperature=t)
