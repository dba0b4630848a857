"""Where the forward pass runs: PyTorch on any device, or ONNX Runtime on the CPU.

A backend turns a preprocessed ``float32`` batch ``(N, 3, H, W)`` into logits ``(N, classes)``.
``auto`` picks ONNX Runtime on the CPU (about twice as fast as eager PyTorch there, see
docs/BENCHMARKS.md) and PyTorch on CUDA / MPS; if the ONNX route fails for any reason it falls
back to PyTorch and says why in ``note``.

Calibration needs nothing here: a model rebuilt from one of our files already has its temperature
in its last layer (:func:`modelfile.build_from_info`, :mod:`calibration`), so every backend, and the
ONNX graph made from it, gives the calibrated logits.
"""

from __future__ import annotations

import logging
from typing import Protocol

import numpy as np

from .errors import ModelError, ModelOutputError

log = logging.getLogger(__name__)

#: Shown when a model's outputs are NaN or infinite: damaged or overflowing weights, which would
#: otherwise read as "nan%" or as a confident wrong answer.
NOT_FINITE_MESSAGE = "This model gives no usable answer (its outputs are not numbers). The model file may be damaged."

BACKEND_CHOICES = ("auto", "torch", "onnxruntime")
_ALIASES = {"ort": "onnxruntime", "onnx": "onnxruntime", "pytorch": "torch"}


class Backend(Protocol):
    name: str

    def logits(self, batch: np.ndarray) -> np.ndarray: ...

    def describe(self) -> str: ...


class TorchBackend:
    """Eager PyTorch in inference mode on ``device``."""

    name = "torch"

    def __init__(self, model, device) -> None:
        import torch

        self.device = torch.device(device)
        self.model = model.to(self.device).eval()

    def logits(self, batch: np.ndarray) -> np.ndarray:
        import torch

        with torch.inference_mode():
            x = torch.from_numpy(np.ascontiguousarray(batch, dtype=np.float32)).to(self.device)
            return self.model(x).float().cpu().numpy()

    def describe(self) -> str:
        return "PyTorch"


def require_finite(logits: np.ndarray, *, where: str = "") -> np.ndarray:
    """``logits`` (or backbone features) unchanged, or :class:`ModelOutputError` when any of them
    is NaN or infinite; ``where`` goes into the details (e.g. the first picture of the batch).

    Checked per batch: valid-looking weights can still overflow, and a softmax of NaN turns into
    scores and metrics that look like answers (and NaN features, cached, into every later run)."""
    if not np.isfinite(logits).all():
        bad = int(np.count_nonzero(~np.isfinite(logits)))
        raise ModelOutputError(
            NOT_FINITE_MESSAGE,
            details=f"{bad} of {logits.size} outputs of a batch of {len(logits)} are NaN or infinite"
                    + (f" ({where})." if where else "."),
        )
    return logits


def normalize_backend(name: str | None) -> str:
    key = (name or "auto").lower()
    key = _ALIASES.get(key, key)
    if key not in BACKEND_CHOICES:
        raise ModelError(f"Unknown inference backend '{name}'. Choose one of: {', '.join(BACKEND_CHOICES)}.")
    return key


def make_backend(model, device, input_size: int, choice: str = "auto", **ort_options) -> tuple[Backend, str]:
    """``(backend, note)``: the backend for ``choice`` on ``device``; ``note`` explains a fallback."""
    choice = normalize_backend(choice)
    on_cpu = getattr(device, "type", str(device)) == "cpu"
    if choice == "onnxruntime" and not on_cpu:
        raise ModelError("ONNX Runtime is only used on the CPU here; choose device 'cpu' or backend 'torch'.")
    if choice in ("auto", "onnxruntime") and on_cpu:
        from .onnx_backend import ModelOutputNotFinite, OrtBackend, OrtUnavailable

        try:
            return OrtBackend(model, input_size, **ort_options), ""
        except OrtUnavailable as exc:
            if isinstance(exc, ModelOutputNotFinite):
                if choice == "onnxruntime":
                    raise ModelOutputError(NOT_FINITE_MESSAGE, details=str(exc)) from exc
                # no note: ONNX Runtime is not at fault, and PyTorch's own outputs on the real
                # pictures (checked per batch) decide whether the user hears about it
                log.info("ONNX Runtime not used: %s", exc)
                return TorchBackend(model, device), ""
            if choice == "onnxruntime":
                raise ModelError(
                    "This model could not be prepared for ONNX Runtime; use the PyTorch backend.",
                    details=str(exc),
                ) from exc
            log.info("ONNX Runtime not used, falling back to PyTorch: %s", exc)
            return TorchBackend(model, device), f"ONNX Runtime not used: {exc}"
    return TorchBackend(model, device), ""
