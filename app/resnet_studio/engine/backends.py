"""Where the forward pass runs: PyTorch on any device, or ONNX Runtime on the CPU.

A backend turns a preprocessed ``float32`` batch ``(N, 3, H, W)`` into logits ``(N, classes)``.
``auto`` picks ONNX Runtime on the CPU (about twice as fast as eager PyTorch there, see
docs/BENCHMARKS.md) and PyTorch on CUDA / MPS; if the ONNX route fails for any reason it falls
back to PyTorch and says why in ``note``.
"""

from __future__ import annotations

import logging
from typing import Protocol

import numpy as np

from .errors import ModelError

log = logging.getLogger(__name__)

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
        from .onnx_backend import OrtBackend, OrtUnavailable

        try:
            return OrtBackend(model, input_size, **ort_options), ""
        except OrtUnavailable as exc:
            if choice == "onnxruntime":
                raise ModelError(
                    "This model could not be prepared for ONNX Runtime; use the PyTorch backend.",
                    details=str(exc),
                ) from exc
            log.info("ONNX Runtime not used, falling back to PyTorch: %s", exc)
            return TorchBackend(model, device), f"ONNX Runtime not used: {exc}"
    return TorchBackend(model, device), ""
