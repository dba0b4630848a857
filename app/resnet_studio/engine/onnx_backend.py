"""Fast CPU inference: the loaded model exported once to ONNX and run by ONNX Runtime.

On the CPU, ONNX Runtime runs a ResNet forward about twice as fast as eager PyTorch (see
docs/BENCHMARKS.md). The export costs a few seconds, so the graph is cached under
``paths.user_cache_dir() / "onnx"``, keyed by a hash of the weights (with the calibration
temperature already folded into the last layer, so a recalibrated model never meets an old
graph) and the input size; the next
start finds it and is ready in a fraction of a second. Every step that can fail (exporter, ONNX
Runtime missing, a graph that disagrees with PyTorch) raises :class:`OrtUnavailable`, and the
caller falls back to PyTorch.

The cache is a speed-up, never a source of truth: anyone (a sync tool, a bad disk, another
program) may have changed a file there. Each graph is stored with a record ``<key>.json`` (its
sha256, size, input size, output shape, versions), and a cache hit is used only after: its size
from ``stat`` is plausible for the model (checked before a byte is read), its bytes match the
record, its declared input and output shapes match, and, on its first use in a process, it gives
PyTorch's answer on a probe input. Anything else is deleted and rebuilt, with a log line. A cache
that cannot be read or written only costs the export time.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .fileio import FileTooLarge, NotARegularFile, atomic_write, open_regular

log = logging.getLogger(__name__)

#: Bump when the export settings change, so old cached graphs are not reused.
CACHE_VERSION = 1
OPSET = 18
#: ONNX Runtime output must match PyTorch within this (relative to the largest logit).
VERIFY_TOLERANCE = 1e-3


#: Format of the record kept beside each cached graph.
RECORD_FORMAT = 1
RECORD_MAX_BYTES = 64 * 1024
#: A graph holds the weights once plus a little structure; a file several times bigger than the
#: weights is not a graph of this model, and reading it could cost gigabytes (a 3 GB sparse file
#: took 7 GB and 32 s), so it is refused from its size alone.
GRAPH_SIZE_FACTOR = 4
GRAPH_SIZE_MARGIN = 16 * 1024 * 1024
#: The probe batch on a cache hit: one picture is enough to catch a wrong graph, at half the cost.
HIT_PROBE_BATCH = 1

#: (cache key, sha256) of cached graphs that already gave that model's answer in this process:
#: probed once, not at every load (the GUI reloads the same model often). The key is part of it:
#: a graph proven for one model proves nothing for another.
_PROBED: set[tuple[str, str]] = set()


class OrtUnavailable(Exception):
    """ONNX Runtime cannot be used for this model; the caller should use PyTorch instead."""


class ModelOutputNotFinite(OrtUnavailable):
    """PyTorch's own outputs for the probe input are NaN or infinite: the model is at fault, not
    ONNX Runtime (PyTorch will report it on real pictures)."""


class UntrustedCacheEntry(Exception):
    """A cached graph that must not be used (the message says why)."""


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
            _remove_entry(old)
        for record in folder.glob("*.json"):
            if not record.with_suffix(".onnx").exists():
                record.unlink(missing_ok=True)
    except OSError as exc:
        log.info("could not prune the ONNX cache: %s", exc)


def _record_path(graph_path: Path) -> Path:
    return graph_path.with_suffix(".json")


def _remove_entry(graph_path: Path) -> None:
    for p in (graph_path, _record_path(graph_path)):
        try:
            p.unlink(missing_ok=True)
        except OSError as exc:  # a read-only cache: the entry stays, and is refused again next time
            log.info("could not remove %s from the ONNX cache: %s", p.name, exc)


def weight_bytes(model) -> int:
    return sum(t.numel() * t.element_size() for t in model.state_dict().values())


def graph_size_limit(model) -> int:
    """The largest file accepted as a cached graph of ``model``."""
    return GRAPH_SIZE_FACTOR * weight_bytes(model) + GRAPH_SIZE_MARGIN


def _read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; :class:`UntrustedCacheEntry` otherwise.
    FileNotFoundError passes through (nothing cached)."""
    try:
        fh, _ = open_regular(path, max_bytes)  # never blocks on a FIFO put there
    except (NotARegularFile, FileTooLarge) as exc:
        raise UntrustedCacheEntry(f"{path.name}: {exc}") from None
    with fh:
        data = fh.read(max_bytes + 1)  # the file may grow after the stat
    if len(data) > max_bytes:
        raise UntrustedCacheEntry(f"{path.name} grew past {max_bytes} bytes while it was read")
    return data


def _read_record(graph_path: Path, key: str, input_size: int) -> dict:
    try:
        record = json.loads(_read_regular(_record_path(graph_path), RECORD_MAX_BYTES))
    except FileNotFoundError:
        raise UntrustedCacheEntry("the graph has no record") from None
    except (ValueError, RecursionError) as exc:
        raise UntrustedCacheEntry(f"its record is not valid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise UntrustedCacheEntry("its record is not a JSON object")
    expected = {"format": RECORD_FORMAT, "key": key, "input_size": input_size}
    for name, value in expected.items():
        if record.get(name) != value:
            raise UntrustedCacheEntry(f"its record says {name}={record.get(name)!r}, expected {value!r}")
    if not isinstance(record.get("sha256"), str) or type(record.get("size")) is not int:
        raise UntrustedCacheEntry("its record has no digest")
    if not isinstance(record.get("outputs"), list):
        raise UntrustedCacheEntry("its record has no output shape")
    return record


def read_cached_graph(graph_path: Path, *, key: str, input_size: int, max_bytes: int) -> tuple[bytes, dict] | None:
    """``(graph, record)`` of a cache entry whose bytes match its record, None when there is none.
    Raises :class:`UntrustedCacheEntry` for an entry that must not be used."""
    try:
        os.stat(graph_path)
    except FileNotFoundError:
        return None
    record = _read_record(graph_path, key, input_size)
    graph = _read_regular(graph_path, min(max_bytes, record["size"]))
    if len(graph) != record["size"]:
        raise UntrustedCacheEntry(f"the graph has {len(graph)} bytes, its record says {record['size']}")
    if hashlib.sha256(graph).hexdigest() != record["sha256"]:
        raise UntrustedCacheEntry("the graph's bytes do not match its recorded digest")
    return graph, record


def write_cached_graph(graph_path: Path, graph: bytes, *, key: str, input_size: int, outputs: list) -> None:
    """Store ``graph`` and then its record, each atomically (a graph without a record is refused,
    so a crash in between costs one export, never a wrong answer)."""
    import onnxruntime
    import torch

    record = {
        "format": RECORD_FORMAT, "key": key, "sha256": hashlib.sha256(graph).hexdigest(),
        "size": len(graph), "input_size": input_size, "outputs": outputs,
        "versions": {"cache": CACHE_VERSION, "opset": OPSET, "torch": torch.__version__,
                     "onnxruntime": onnxruntime.__version__},
    }
    try:
        with atomic_write(graph_path) as fh:
            fh.write(graph)
        with atomic_write(_record_path(graph_path), "w", encoding="utf-8") as fh:
            json.dump(record, fh)
    except BaseException:
        _remove_entry(graph_path)
        raise


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
    """Runs a cached ONNX export of ``model`` on the CPU. Construction raises :class:`OrtUnavailable`.

    ``cached``: the graph came from the cache. ``rebuilt``: why a cached graph was refused and
    exported again ("" when there was none or it was used).
    """

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
        self.rebuilt = ""
        self.path: Path | None = None
        self._key = ""
        self._options = session_options(threads, spinning=spinning)
        if cache:
            try:
                # any exporter's graph is verified against PyTorch, so the key ignores which one made it
                self._key = weights_digest(model, input_size=input_size)
                self.path = onnx_cache_dir() / f"{self._key}.onnx"
            except Exception as exc:  # noqa: BLE001 - without the cache we only export every time
                log.info("ONNX cache unavailable: %s", exc)
                self.path = None
        if self.path is not None and self._use_cached(ort, model):
            return
        self._export(ort, model, exporter, on_status)

    # -- a cache hit -------------------------------------------------------------------------

    def _use_cached(self, ort, model) -> bool:
        """Open the cached graph if it proves to be this model's; False (entry removed) if not."""
        assert self.path is not None
        try:
            found = read_cached_graph(self.path, key=self._key, input_size=self.input_size,
                                      max_bytes=graph_size_limit(model))
            if found is None:
                return False
            graph, record = found
            digest = record["sha256"]
            self._session = self._open(ort, graph)
            self._check_shapes(record["outputs"])
            if (self._key, digest) not in _PROBED:
                self._verify(model, batch=HIT_PROBE_BATCH)
                _PROBED.add((self._key, digest))
        except ModelOutputNotFinite:
            raise  # the model's fault, not the graph's: exporting again would not help
        except Exception as exc:  # noqa: BLE001 - whatever is wrong with it, it is not used
            self._refuse(str(exc) or type(exc).__name__)
            return False
        self.cached = True
        _touch(self.path)  # most recently used: kept by the pruning
        return True

    def _refuse(self, reason: str) -> None:
        assert self.path is not None
        log.info("cached ONNX graph %s not used, building it again: %s", self.path.name, reason)
        self.rebuilt = reason
        self._session = None
        _remove_entry(self.path)

    def _check_shapes(self, outputs: list) -> None:
        """The session's declared input is ``(batch, 3, size, size)`` with a free batch, and its
        output shape (past the batch) is the recorded one."""
        shape = list(self._session.get_inputs()[0].shape)
        if len(shape) != 4 or isinstance(shape[0], int) or shape[1:] != [3, self.input_size, self.input_size]:
            raise UntrustedCacheEntry(f"the graph takes input {shape}, not (batch, 3, {self.input_size}, {self.input_size})")
        out = list(self._session.get_outputs()[0].shape)[1:]
        if out != outputs:
            raise UntrustedCacheEntry(f"the graph gives outputs {out}, its record says {outputs}")

    # -- a fresh export ------------------------------------------------------------------------

    def _export(self, ort, model, exporter: str, on_status: Callable[[str], None] | None) -> None:
        x, expected = _probe(model, self.input_size, 2)  # before the export: a NaN model is not worth one
        if on_status is not None:
            on_status(REBUILD_STATUS if self.rebuilt else FIRST_STATUS)
        try:
            graph = export_onnx_bytes(model, self.input_size, exporter=exporter)
        except Exception as exc:  # noqa: BLE001 - exporters fail in many ways
            raise OrtUnavailable(f"ONNX export failed ({type(exc).__name__}: {exc})") from exc
        try:
            self._session = self._open(ort, graph)
        except Exception as exc:  # noqa: BLE001
            raise OrtUnavailable(f"ONNX Runtime could not load the exported graph ({exc})") from exc
        self._compare(x, expected)
        if self.path is not None:
            outputs = list(self._session.get_outputs()[0].shape)[1:]
            try:
                write_cached_graph(self.path, graph, key=self._key, input_size=self.input_size, outputs=outputs)
                _PROBED.add((self._key, hashlib.sha256(graph).hexdigest()))
                _prune_cache(self.path.parent)
            except Exception as exc:  # noqa: BLE001 - a full disk only costs the next start time
                log.info("could not cache the ONNX graph: %s", exc)

    def _open(self, ort, graph: bytes):
        # From bytes, not a path: older ONNX Runtime builds fail on non-ASCII Windows paths
        # (a user folder named in Chinese, say).
        # No provider fallback: there is only the CPU to fall back to, and the fallback prints
        # an "EP Error" banner with print(), which would break `--json` on stdout. Older builds
        # ignore enable_fallback, so whatever they print goes to the log instead.
        said = io.StringIO()
        try:
            with contextlib.redirect_stdout(said):
                session = ort.InferenceSession(
                    graph, self._options, providers=["CPUExecutionProvider"], enable_fallback=0,
                )
                session.disable_fallback()  # run() also prints when it falls back
        finally:
            if said.getvalue().strip():
                log.info("ONNX Runtime said: %s", said.getvalue().strip()[:2000])
        self._input = session.get_inputs()[0].name
        return session

    def _verify(self, model, batch: int = 2) -> None:
        self._compare(*_probe(model, self.input_size, batch))

    def _compare(self, x: np.ndarray, expected: np.ndarray) -> None:
        got = self.logits(x)
        scale = max(1.0, float(np.abs(expected).max()))
        err = float(np.abs(got - expected).max()) if got.shape == expected.shape else float("inf")
        if not err <= VERIFY_TOLERANCE * scale:  # NaN in the graph's output fails here too
            raise OrtUnavailable(f"the ONNX graph disagrees with PyTorch (max difference {err:.3g})")

    def logits(self, batch: np.ndarray) -> np.ndarray:
        """``(N, 3, H, W)`` float32 → ``(N, classes)`` float32 logits."""
        return self._session.run(None, {self._input: np.ascontiguousarray(batch, dtype=np.float32)})[0]

    def describe(self) -> str:
        return "ONNX Runtime"


FIRST_STATUS = "Preparing the model for fast CPU inference (first time only)…"
REBUILD_STATUS = "Preparing the model for fast CPU inference again (the saved copy did not match the model)…"


def _probe(model, input_size: int, batch: int) -> tuple[np.ndarray, np.ndarray]:
    """A fixed random input and PyTorch's output for it, the reference a graph must reproduce."""
    import torch

    rng = np.random.default_rng(0)
    x = rng.standard_normal((batch, 3, input_size, input_size), dtype=np.float32)
    with torch.inference_mode():
        expected = model(torch.from_numpy(x)).float().numpy()
    if not np.isfinite(expected).all():
        raise ModelOutputNotFinite("PyTorch's own outputs for a test input are not numbers")
    return x, expected
