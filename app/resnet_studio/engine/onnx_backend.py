"""Fast CPU inference: the loaded model exported once to ONNX and run by ONNX Runtime.

On the CPU, ONNX Runtime runs a ResNet forward about twice as fast as eager PyTorch (see
docs/BENCHMARKS.md). The export costs a few seconds, so the graph is cached under
``paths.user_cache_dir() / "onnx"``, keyed by a hash of the weights and the input size; the next
start finds it and is ready in a fraction of a second. Every step that can fail (exporter, ONNX
Runtime missing, a graph that disagrees with PyTorch) raises :class:`OrtUnavailable`, and the
caller falls back to PyTorch.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .fileio import atomic_write

log = logging.getLogger(__name__)

#: Bump when the export settings change, so old cached graphs are not reused.
CACHE_VERSION = 1
OPSET = 18
#: ONNX Runtime output must match PyTorch within this (relative to the largest logit).
VERIFY_TOLERANCE = 1e-3


class OrtUnavailable(Exception):
    """ONNX Runtime cannot be used for this model; the caller should use PyTorch instead."""


def weights_digest(model, *, input_size: int, extra: str = "") -> str:
    """A short hash of everything that shapes the exported graph: weights, input size, versions."""
    import torch

    h = hashlib.blake2b(digest_size=12)
    h.update(f"v{CACHE_VERSION}|torch{torch.__version__}|opset{OPSET}|{input_size}|{extra}".encode())
    for name, tensor in model.state_dict().items():
        t = tensor.detach().to("cpu").contiguous()
        h.update(f"|{name}|{t.dtype}|{tuple(t.shape)}|".encode())
        if t.numel():
            h.update(t.reshape(-1).view(torch.uint8).numpy())
    return h.hexdigest()


#: Graphs kept in the cache (most recently used first); each is as big as the model's weights.
CACHE_KEEP = 6


def _prune_cache(folder: Path, keep: int = CACHE_KEEP) -> None:
    try:
        graphs = sorted(folder.glob("*.onnx"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in graphs[keep:]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.info("could not prune the ONNX cache: %s", exc)


def onnx_cache_dir() -> Path:
    from .paths import user_cache_dir

    d = user_cache_dir() / "onnx"
    d.mkdir(parents=True, exist_ok=True)
    return d


def export_onnx_bytes(model, input_size: int, *, exporter: str = "auto") -> bytes:
    """Serialise ``model`` (CPU, eval) to an ONNX graph with a dynamic batch dimension.

    ``exporter``: "legacy" (the TorchScript tracer), "dynamo" (torch.export + onnxscript, the
    path torch is moving to), or "auto": legacy, then dynamo if legacy fails or is gone. Both give
    graphs that run equally fast in ONNX Runtime; legacy exports 2-8x quicker (0.4 vs 2.8 s for
    ResNet-18 here), which is what a user waits for on the first start.
    """
    import torch

    if exporter == "auto":
        try:
            return export_onnx_bytes(model, input_size, exporter="legacy")
        except Exception as exc:  # noqa: BLE001 - deprecated path: removed or failing, use dynamo
            log.info("legacy ONNX export failed, trying the dynamo exporter: %s", exc)
            return export_onnx_bytes(model, input_size, exporter="dynamo")

    example = torch.zeros(2, 3, input_size, input_size)
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        if exporter == "dynamo":
            program = torch.onnx.export(
                model, (example,), dynamo=True, verbose=False, opset_version=OPSET,
                input_names=["input"], output_names=["logits"],
                dynamic_shapes=({0: torch.export.Dim("batch", min=1, max=65536)},),
                optimize=True, external_data=False,
            )
            return program.model_proto.SerializeToString()
        if exporter == "legacy":
            buf = io.BytesIO()
            torch.onnx.export(
                model, (example,), buf, dynamo=False, opset_version=17,
                input_names=["input"], output_names=["logits"],
                dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
            )
            return buf.getvalue()
    raise ValueError(f"unknown exporter {exporter!r}")


def session_options(threads: int | None = None, *, spinning: bool = True):
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.intra_op_num_threads = max(1, threads or _default_threads())
    so.inter_op_num_threads = 1
    if not spinning:
        # Idle intra-op threads otherwise busy-wait after each run, stealing the cores that the
        # decoding threads of a folder run need.
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
    so.log_severity_level = 3
    return so


def _default_threads() -> int:
    import torch

    # torch's default is the number of physical cores (or what the user set), which is also
    # what ONNX Runtime should use for one model on this machine.
    return torch.get_num_threads()


def _touch(path: Path | None) -> None:
    if path is not None:
        try:
            os.utime(path)
        except OSError:
            pass


class OrtBackend:
    """Runs a cached ONNX export of ``model`` on the CPU. Construction raises :class:`OrtUnavailable`."""

    name = "onnxruntime"

    def __init__(
        self,
        model,
        input_size: int,
        *,
        cache: bool = True,
        exporter: str = "auto",
        threads: int | None = None,
        spinning: bool = False,
        on_status: Callable[[str], None] | None = None,
    ) -> None:
        try:
            import onnxruntime as ort
        except Exception as exc:  # noqa: BLE001 - a broken install raises anything on import
            raise OrtUnavailable(f"ONNX Runtime is not installed ({exc})") from exc
        self.input_size = input_size
        self.cached = False
        self.path: Path | None = None
        self._options = session_options(threads, spinning=spinning)
        graph: bytes | None = None
        if cache:
            try:
                # any exporter's graph is verified against PyTorch, so the key ignores which one made it
                key = weights_digest(model, input_size=input_size)
                self.path = onnx_cache_dir() / f"{key}.onnx"
                if self.path.is_file():
                    graph = self.path.read_bytes()
            except Exception as exc:  # noqa: BLE001 - without the cache we only export every time
                log.info("ONNX cache unavailable: %s", exc)
                self.path = None
        if graph is not None:
            try:
                self._session = self._open(ort, graph)
                self.cached = True
                _touch(self.path)  # most recently used: kept by the pruning
                return
            except Exception as exc:  # noqa: BLE001 - a damaged cached graph: rebuild it
                log.info("cached ONNX graph %s unusable, exporting again: %s", self.path, exc)
        if on_status is not None:
            on_status("Preparing the model for fast CPU inference (first time only)…")
        try:
            graph = export_onnx_bytes(model, input_size, exporter=exporter)
        except Exception as exc:  # noqa: BLE001 - exporters fail in many ways
            raise OrtUnavailable(f"ONNX export failed ({type(exc).__name__}: {exc})") from exc
        try:
            self._session = self._open(ort, graph)
        except Exception as exc:  # noqa: BLE001
            raise OrtUnavailable(f"ONNX Runtime could not load the exported graph ({exc})") from exc
        self._verify(model)
        if self.path is not None:
            try:
                with atomic_write(self.path) as fh:
                    fh.write(graph)
                _prune_cache(self.path.parent)
            except Exception as exc:  # noqa: BLE001 - a full disk only costs the next start time
                log.info("could not cache the ONNX graph: %s", exc)

    def _open(self, ort, graph: bytes):
        # From bytes, not a path: older ONNX Runtime builds fail on non-ASCII Windows paths
        # (a user folder named in Chinese, say).
        session = ort.InferenceSession(graph, self._options, providers=["CPUExecutionProvider"])
        self._input = session.get_inputs()[0].name
        return session

    def _verify(self, model) -> None:
        import torch

        rng = np.random.default_rng(0)
        x = rng.standard_normal((2, 3, self.input_size, self.input_size), dtype=np.float32)
        with torch.inference_mode():
            expected = model(torch.from_numpy(x)).float().numpy()
        got = self.logits(x)
        scale = max(1.0, float(np.abs(expected).max()))
        err = float(np.abs(got - expected).max()) if got.shape == expected.shape else float("inf")
        if not err <= VERIFY_TOLERANCE * scale:
            raise OrtUnavailable(f"the ONNX graph disagrees with PyTorch (max difference {err:.3g})")

    def logits(self, batch: np.ndarray) -> np.ndarray:
        """``(N, 3, H, W)`` float32 → ``(N, classes)`` float32 logits."""
        return self._session.run(None, {self._input: np.ascontiguousarray(batch, dtype=np.float32)})[0]

    def describe(self) -> str:
        return "ONNX Runtime"
