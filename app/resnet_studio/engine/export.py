"""Exporting a trained model for use outside the app: ONNX or TorchScript, checked by running it.

The exported network takes a normalised ``float32`` batch ``(N, 3, crop, crop)`` (any N) and
returns logits ``(N, classes)``, already divided by the model's calibration temperature (baked into
the last layer when the model file is loaded, see :mod:`calibration`): a softmax of them gives the
same calibrated probabilities as the app. Class names and preprocessing travel inside the file (ONNX
``metadata_props`` / a TorchScript extra file ``resnet_studio.json``), so the file alone is enough.

Before anything is written, the exported bytes are loaded back (ONNX Runtime /
``torch.jit.load``) and their outputs compared with PyTorch's on a test batch; a mismatch raises
:class:`ExportError` and leaves no file. Writing is atomic.
"""

from __future__ import annotations

import io
import json
import os
import warnings
from pathlib import Path

import numpy as np

from . import calibration
from .errors import ExportError, StudioError
from .fileio import atomic_write

FORMATS = ("onnx", "torchscript")
SUFFIXES = {"onnx": ".onnx", "torchscript": ".pt"}
#: Largest allowed difference from PyTorch, relative to the largest logit.
TOLERANCE = 1e-3
METADATA_FILE = "resnet_studio.json"


def _metadata(info) -> dict:
    return {
        "arch": info.arch,
        "classes": list(info.classes),
        "preprocess": info.preprocess.to_dict(),
        "input": "float32 (N, 3, crop_size, crop_size), RGB scaled to 0..1 then normalised with mean/std",
        "output": "logits (N, classes), calibrated (temperature already applied); softmax gives probabilities",
        "temperature_applied": calibration.temperature_of(info),
        "name": info.name,
    }


def _onnx_bytes(model, size: int, meta: dict) -> bytes:
    import onnx

    from .onnx_backend import export_onnx_bytes

    errors = []
    # The TorchScript-based exporter is quick and exact for a ResNet; the dynamo one is the
    # fallback for the day a torch release drops it.
    for exporter in ("legacy", "dynamo"):
        try:
            graph = export_onnx_bytes(model, size, exporter=exporter)
            break
        except Exception as exc:  # noqa: BLE001 - exporters fail in many ways
            errors.append(f"{exporter}: {type(exc).__name__}: {exc}")
    else:
        raise ExportError("The model could not be converted to ONNX.", details="\n".join(errors))
    proto = onnx.load_from_string(graph)
    for key, value in (("resnet_studio", json.dumps(meta, ensure_ascii=False)), ("classes", json.dumps(meta["classes"], ensure_ascii=False))):
        prop = proto.metadata_props.add()
        prop.key, prop.value = key, value
    return proto.SerializeToString()


def _run_onnx(data: bytes, x: np.ndarray) -> np.ndarray:
    import onnxruntime as ort

    session = ort.InferenceSession(data, providers=["CPUExecutionProvider"])
    return session.run(None, {session.get_inputs()[0].name: x})[0]


def _torchscript_bytes(model, size: int, meta: dict) -> bytes:
    import torch

    example = torch.zeros(2, 3, size, size)
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # no check_trace: the exported bytes are run and compared below anyway
            traced = torch.jit.trace(model, example, check_trace=False)
            buf = io.BytesIO()
            torch.jit.save(traced, buf, _extra_files={METADATA_FILE: json.dumps(meta, ensure_ascii=False)})
    except Exception as exc:  # noqa: BLE001
        raise ExportError("The model could not be converted to TorchScript.", details=repr(exc)) from exc
    return buf.getvalue()


def _run_torchscript(data: bytes, x: np.ndarray) -> np.ndarray:
    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # "deprecated, use torch.export": still supported
        loaded = torch.jit.load(io.BytesIO(data), map_location="cpu")
    with torch.no_grad():
        return loaded(torch.from_numpy(x)).numpy()


def read_torchscript_metadata(path: os.PathLike | str) -> dict:
    """The class names and preprocessing stored in one of our TorchScript exports."""
    import torch

    extra = {METADATA_FILE: ""}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        torch.jit.load(str(path), map_location="cpu", _extra_files=extra)
    return json.loads(extra[METADATA_FILE])


def export_model(model_path: os.PathLike | str, fmt: str, out_path: os.PathLike | str, *, verify: bool = True) -> Path:
    """Export our model file ``model_path`` to ``fmt`` ("onnx" or "torchscript") at ``out_path``.

    Raises :class:`ExportError` (unknown format, conversion failed, exported file disagrees with
    PyTorch), :class:`ModelFileError` for a bad model file, :class:`OutputWriteError` when the
    file cannot be written.
    """
    import torch

    from .modelfile import load_model

    fmt = (fmt or "").lower().replace("-", "")
    if fmt in ("ts", "jit", "script"):
        fmt = "torchscript"
    if fmt not in FORMATS:
        raise ExportError(f"Unknown export format '{fmt}'. Choose 'onnx' or 'torchscript'.")
    out = Path(out_path)
    if out.is_dir():
        raise ExportError(f"{out} is a folder; give a file name (for example model{SUFFIXES[fmt]}).")
    model, info = load_model(model_path)
    model = model.float().eval()
    size = info.preprocess.crop_size
    meta = _metadata(info)
    data = _onnx_bytes(model, size, meta) if fmt == "onnx" else _torchscript_bytes(model, size, meta)
    if verify:
        x = np.random.default_rng(0).standard_normal((3, 3, size, size), dtype=np.float32)
        with torch.inference_mode():
            expected = model(torch.from_numpy(x)).numpy()
        try:
            got = _run_onnx(data, x) if fmt == "onnx" else _run_torchscript(data, x)
        except StudioError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise ExportError(
                f"The exported {fmt} file could not be run, so it was not saved.", details=repr(exc)
            ) from exc
        scale = max(1.0, float(np.abs(expected).max()))
        err = float(np.abs(np.asarray(got) - expected).max()) if np.shape(got) == expected.shape else float("inf")
        if not err <= TOLERANCE * scale:
            raise ExportError(
                f"The exported {fmt} file gives different answers from the model (difference {err:.2g}), "
                "so it was not saved.",
            )
    with atomic_write(out) as fh:
        fh.write(data)
    return out
