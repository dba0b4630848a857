"""Confidence that means what it says: one temperature per model, fitted after training.

A network's softmax is usually surer than it is right (a wrong answer at "100 %"). Dividing the
logits by a temperature ``T`` fitted to minimise the negative log-likelihood on pictures the model
did not learn from fixes most of it without changing any answer (Guo et al., 2017). ``T`` is kept
in the model file's metadata (``ModelInfo.calibration``) and applied where the network is rebuilt
from the file (:func:`apply_to_model` scales the last layer), so every backend (PyTorch on any
device, ONNX Runtime) and every export (ONNX, TorchScript) gives calibrated probabilities.
A file without it (made before issue 15) has ``T = 1``.

Small data: six validation pictures per category, all right, would drive ``T`` towards zero
(surer is always better on them). So a head-mode run fits ``T`` on out-of-fold logits of all its
pictures (k heads, each trained without one fold), and every fit is clamped to ``[T_MIN, T_MAX]``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .metrics import expected_calibration_error, reliability_bins
from .model_checks import TEMPERATURE_RANGE

T_MIN, T_MAX = TEMPERATURE_RANGE
#: Folds of the head-mode fit.
FOLDS = 5
#: Fewer pictures than this fit no temperature (a full fine-tune's validation split): T stays 1.
MIN_FIT_PICTURES = 100
#: A validation split this large fits the temperature alone (no fold fit needed).
VALIDATION_ENOUGH = 1000
#: The head-mode fold fit holds all features in memory; above this it uses the validation split.
FOLD_FIT_MAX_BYTES = 256 << 20

NOT_FITTED = ("Too few validation pictures to check how sure the model should be ({n}; at least "
              "{need} needed), so its confidence is shown as the network gives it.")


def nll(logits: np.ndarray, labels: np.ndarray, temperature: float = 1.0) -> float:
    """Mean negative log-likelihood of ``labels`` under ``softmax(logits / temperature)``."""
    z = np.asarray(logits, dtype=np.float64) / float(temperature)
    z = z - z.max(axis=1, keepdims=True)
    lse = np.log(np.exp(z).sum(axis=1))
    y = np.asarray(labels, dtype=np.int64)
    return float((lse - z[np.arange(len(y)), y]).mean())


def fit_temperature(logits: np.ndarray, labels: Sequence[int], *, lo: float = T_MIN, hi: float = T_MAX) -> float:
    """The temperature in ``[lo, hi]`` that minimises :func:`nll` (1.0 without pictures).

    The NLL is convex in ``1 / T``, so a golden-section search over ``log T`` finds it; bounded,
    it cannot run off to 0 when every picture is right (it then stops at ``lo``)."""
    z = np.asarray(logits, dtype=np.float64)
    y = np.asarray(labels, dtype=np.int64).reshape(-1)
    if z.ndim != 2 or len(z) != len(y):
        raise ValueError(f"logits {z.shape} and labels {y.shape} do not match")
    if not len(y) or not np.isfinite(z).all():
        return 1.0
    a, b = math.log(lo), math.log(hi)
    g = (math.sqrt(5) - 1) / 2
    c, d = b - g * (b - a), a + g * (b - a)
    fc, fd = nll(z, y, math.exp(c)), nll(z, y, math.exp(d))
    for _ in range(80):  # (hi/lo = 40): the bracket shrinks below 1e-12 in log T
        if fc <= fd:
            b, d, fd = d, c, fc
            c = b - g * (b - a)
            fc = nll(z, y, math.exp(c))
        else:
            a, c, fc = c, d, fd
            d = a + g * (b - a)
            fd = nll(z, y, math.exp(d))
    return float(min(hi, max(lo, math.exp((a + b) / 2))))


def softmax_t(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    z = np.asarray(logits, dtype=np.float64) / float(temperature)
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def logits_from_probs(probs: np.ndarray) -> np.ndarray:
    """Logits up to a per-row constant (all a softmax sees): for code that kept probabilities."""
    return np.log(np.clip(np.asarray(probs, dtype=np.float64), 1e-300, 1.0))


def summary(logits: np.ndarray, labels: Sequence[int], temperature: float, method: str) -> dict:
    """The model file's ``calibration`` entry: ``temperature``, ``method`` (``"folds"``,
    ``"validation"`` or ``"none"``), ``pictures`` it was fitted (or checked) on, ECE before and
    after, and the reliability table of the calibrated confidences (:func:`reliability_bins`)."""
    y = np.asarray(labels, dtype=np.int64).reshape(-1)
    z = np.asarray(logits, dtype=np.float64)
    out = {"temperature": float(temperature), "method": method, "pictures": int(len(y))}
    if len(y):
        before, after = softmax_t(z, 1.0), softmax_t(z, temperature)
        out["ece_before"] = expected_calibration_error(before.max(1), before.argmax(1) == y)
        out["ece_after"] = expected_calibration_error(after.max(1), after.argmax(1) == y)
        out["reliability"] = reliability_bins(after.max(1), after.argmax(1) == y)
    return out


def temperature_of(info) -> float:
    """The temperature a model file's ``ModelInfo`` carries (1.0 when it has none)."""
    cal = getattr(info, "calibration", None) or {}
    t = cal.get("temperature", 1.0) if isinstance(cal, dict) else 1.0
    return float(t) if isinstance(t, (int, float)) and math.isfinite(t) and t > 0 else 1.0


def apply_to_model(model, temperature: float):
    """Divide ``model``'s logits by ``temperature`` for good: its last layer (``fc``) gets scaled
    copies of its weights, so the network itself (and any graph exported from it) gives calibrated
    outputs. Copies, never in place: a loaded model's tensors can be views of the file's bytes,
    which a library import then writes out as they are."""
    if temperature == 1.0:
        return model
    import torch

    fc = model.fc
    with torch.no_grad():
        fc.weight = torch.nn.Parameter(fc.weight / temperature, requires_grad=fc.weight.requires_grad)
        if fc.bias is not None:
            fc.bias = torch.nn.Parameter(fc.bias / temperature, requires_grad=fc.bias.requires_grad)
    return model


def fold_indices(n: int, folds: int, seed: int) -> list[np.ndarray]:
    """``folds`` disjoint random index sets covering ``range(n)`` (fewer when ``n`` is smaller)."""
    order = np.random.default_rng(seed).permutation(n)
    return [f for f in np.array_split(order, min(folds, n)) if len(f)]


def calibrate_network_run(run) -> None:
    """After a fine-tuning run (``training.runner``): fit the temperature on the best epoch's
    validation probabilities when there are at least :data:`MIN_FIT_PICTURES` of them, give its
    metrics with calibrated probabilities and save the best model again with it. Fewer: T = 1,
    and the run's warnings say so."""
    from .metrics import compute_metrics

    m = run.best.get("metrics")
    if m is None or m.probs is None or run.saved_path is None or run.cancelled:
        return
    logits = logits_from_probs(m.probs)
    if len(m.labels) < MIN_FIT_PICTURES or run.val_source != "val":
        run.calibration = summary(logits, m.labels, 1.0, "none")
        run.warnings.append(NOT_FITTED.format(n=len(m.labels), need=MIN_FIT_PICTURES))
        return
    from .modelfile import load_model_file

    t = fit_temperature(logits, m.labels)
    run.calibration = summary(logits, m.labels, t, "validation")
    run.best["metrics"] = compute_metrics(m.labels, softmax_t(logits, t), run.classes, m.paths)
    _, state = load_model_file(run.saved_path)
    run.save(state)
