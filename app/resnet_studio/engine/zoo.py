"""The ResNet family from torchvision, and where their ImageNet weights come from.

Weights are looked up in this order: a bundled file under ``models/`` (what the installer ships),
torchvision's cache (``$TORCH_HOME/hub/checkpoints``, where torchvision itself puts downloads), then
a download (only when the caller allows it, with progress and cancel). Offline with nothing found,
:class:`WeightsNotFoundError` says which file is missing and where to put it.

We use torchvision's builders and weights enums as they are: the enum carries the URL, the category
names and the preprocessing, so inference matches torchvision's reference.
"""

from __future__ import annotations

import errno
import hashlib
import http.client
import json
import os
import re
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import CancelledError, ModelError, WeightsNotFoundError
from .fileio import atomic_write

ProgressFn = Callable[[int, int], None]  # (bytes done, bytes total or 0 when unknown)


@dataclass(frozen=True)
class ArchInfo:
    """One architecture of the zoo."""

    name: str  # torchvision's builder name, e.g. "resnet50"
    display_name: str
    block: str  # "BasicBlock" or "Bottleneck"
    layers: tuple[int, int, int, int]
    description: str

    @property
    def weights(self):
        """torchvision's DEFAULT ImageNet weights enum member for this architecture."""
        from torchvision.models import get_model_weights

        return get_model_weights(self.name).DEFAULT

    @property
    def weights_filename(self) -> str:
        return self.weights.url.rsplit("/", 1)[-1]

    @property
    def num_params(self) -> int:
        return int(self.weights.meta["num_params"])

    @property
    def file_size_mb(self) -> float:
        return float(self.weights.meta.get("_file_size", 0.0))

    @property
    def imagenet_top1(self) -> float:
        return float(self.weights.meta["_metrics"]["ImageNet-1K"]["acc@1"])


ZOO: dict[str, ArchInfo] = {
    a.name: a
    for a in [
        ArchInfo("resnet18", "ResNet-18", "BasicBlock", (2, 2, 2, 2), "Smallest and fastest; a good start on a laptop."),
        ArchInfo("resnet34", "ResNet-34", "BasicBlock", (3, 4, 6, 3), "A little deeper than ResNet-18."),
        ArchInfo("resnet50", "ResNet-50", "Bottleneck", (3, 4, 6, 3), "The classic all-rounder; more accurate, slower."),
        ArchInfo("resnet101", "ResNet-101", "Bottleneck", (3, 4, 23, 3), "Deep and accurate; best with a GPU."),
        ArchInfo("resnet152", "ResNet-152", "Bottleneck", (3, 8, 36, 3), "The deepest ResNet; best with a GPU."),
        ArchInfo("resnext50_32x4d", "ResNeXt-50 32x4d", "Bottleneck", (3, 4, 6, 3), "Grouped convolutions: ResNet-50 speed, better accuracy."),
        ArchInfo("resnext101_32x8d", "ResNeXt-101 32x8d", "Bottleneck", (3, 4, 23, 3), "Large and accurate; needs a GPU."),
        ArchInfo("wide_resnet50_2", "Wide ResNet-50-2", "Bottleneck", (3, 4, 6, 3), "Twice as wide as ResNet-50; accurate, heavy."),
    ]
}

DEFAULT_ARCH = "resnet18"


def arch_info(name: str) -> ArchInfo:
    try:
        return ZOO[name]
    except KeyError:
        raise ModelError(
            f"Unknown model '{name}'. Choose one of: {', '.join(ZOO)}, or give a model file."
        ) from None


def repo_root() -> Path:
    """The folder holding ``models/`` and ``resources/``: the bundle in a frozen app, else the repo."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]
    return Path(__file__).resolve().parents[3]


def bundled_models_dir() -> Path:
    override = os.environ.get("RESNET_STUDIO_MODELS_DIR")
    return Path(override) if override else repo_root() / "models"


def cache_dir() -> Path:
    """torchvision's checkpoint cache (honours ``TORCH_HOME``), without importing torch."""
    torch_home = os.environ.get("TORCH_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "torch"
    )
    return Path(torch_home) / "hub" / "checkpoints"


def find_weights(name: str) -> Path | None:
    """The ImageNet weights file for ``name`` if it is on this computer (bundled, then cache)."""
    filename = arch_info(name).weights_filename
    for folder in (bundled_models_dir(), cache_dir()):
        candidate = folder / filename
        if candidate.is_file() and candidate.stat().st_size > 0:
            return candidate
    return None


@dataclass(frozen=True)
class WeightSource:
    """Where to download a weights file from, and how to check it."""

    url: str
    filename: str
    sha256: str | None = None  # full hex digest when the manifest knows it
    sha256_prefix: str | None = None  # torchvision's file names carry the first hex digits

    def check(self, digest: str) -> bool:
        if self.sha256:
            return digest == self.sha256.lower()
        if self.sha256_prefix:
            return digest.startswith(self.sha256_prefix.lower())
        return True


def _manifest() -> dict[str, dict]:
    path = bundled_models_dir() / "manifest.json"
    if not path.is_file():
        path = repo_root() / "models" / "manifest.json"
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["weights"]
        return {e["name"]: e for e in entries}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def weight_source(name: str) -> WeightSource:
    info = arch_info(name)
    entry = _manifest().get(name, {})
    url = entry.get("url") or info.weights.url
    filename = entry.get("file") or url.rsplit("/", 1)[-1]
    m = re.search(r"-([a-f0-9]{6,})\.", filename)
    prefix = entry.get("sha256_prefix") or (m.group(1) if m else None)
    return WeightSource(url, filename, entry.get("sha256"), prefix)


def download_weights(
    name: str,
    *,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    source: WeightSource | None = None,
    timeout: float = 30.0,
) -> Path:
    """Download ImageNet weights for ``name`` into torchvision's cache, verified by checksum.

    The file appears in the cache only when complete and verified (written to a temporary file,
    then renamed), so a cancelled or failed download never leaves a broken file.
    """
    src = source or weight_source(name)
    dest_dir = cache_dir()
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WeightsNotFoundError(f"Cannot create the model cache folder {dest_dir}: {exc.strerror}.") from exc
    dest = dest_dir / src.filename
    digest = hashlib.sha256()
    try:
        with urllib.request.urlopen(src.url, timeout=timeout) as resp:
            total = int(resp.headers.get("Content-Length") or 0)
            done = 0
            with atomic_write(dest) as fh:
                while True:
                    if cancel is not None and cancel.is_set():
                        raise CancelledError("Download cancelled.")
                    chunk = resp.read(1 << 16)
                    if not chunk:
                        break
                    fh.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
                if total and done != total:
                    raise WeightsNotFoundError(
                        DOWNLOAD_CUT_SHORT, details=f"{src.url}: {done} of {total} bytes of {src.filename}"
                    )
                if not src.check(digest.hexdigest()):
                    raise WeightsNotFoundError(
                        DOWNLOAD_DAMAGED, details=f"{src.url}: sha256 {digest.hexdigest()} of {src.filename}"
                    )
    except (OSError, ValueError, http.client.HTTPException) as exc:  # URLError is an OSError
        raise WeightsNotFoundError(_download_failure(name, src, dest_dir, exc),
                                   details=f"{src.url}\n{exc}\n{exc!r}") from exc
    return dest


# What went wrong with a download, in words a user can act on; the raw error goes under Details.
DOWNLOAD_NO_INTERNET = ("Could not download the weights: there is no internet connection. Check the connection "
                        "and try again.")
DOWNLOAD_TIMED_OUT = ("The download server did not answer in time, so the weights could not be downloaded. "
                      "Check the connection and try again.")
DOWNLOAD_DISK_FULL = ("There is not enough free space on the disk to save the weights. Free some space and try "
                      "again.")
DOWNLOAD_CUT_SHORT = "The download stopped early, so the weights were not saved. Try again."
DOWNLOAD_DAMAGED = ("The downloaded weights were damaged on the way (they do not match their checksum), so they "
                    "were not saved. Try again.")


def _download_failure(name: str, src: WeightSource, dest_dir: Path, exc: BaseException) -> str:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) and not isinstance(
        exc, urllib.error.HTTPError) else exc
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code == 404:
            return (f"The weights for {arch_info(name).display_name} are no longer at their internet address "
                    f"(error 404). Put the file {src.filename} into {dest_dir}, or update ResNet Studio.")
        if exc.code >= 500:
            return f"The download server has a problem right now (error {exc.code}). Try again later."
        return f"The download server refused the download (error {exc.code}). Try again later."
    if isinstance(exc, http.client.IncompleteRead):
        return DOWNLOAD_CUT_SHORT
    if isinstance(reason, TimeoutError):  # socket.timeout is TimeoutError
        return DOWNLOAD_TIMED_OUT
    if isinstance(reason, OSError) and reason.errno == errno.ENOSPC:
        return DOWNLOAD_DISK_FULL
    if isinstance(exc, urllib.error.URLError) and isinstance(reason, OSError):
        # no name lookup (socket.gaierror), connection refused or unreachable: all "no internet"
        return DOWNLOAD_NO_INTERNET
    return (f"The weights for {arch_info(name).display_name} could not be downloaded. Check the internet "
            f"connection, or put the file {src.filename} into {dest_dir}.")


def missing_weights_error(name: str) -> WeightsNotFoundError:
    info = arch_info(name)
    return WeightsNotFoundError(
        f"The ImageNet weights for {info.display_name} are not on this computer. "
        f"Allow the download, or put the file {info.weights_filename} into {cache_dir()} "
        f"(or {bundled_models_dir()}).",
        details=f"url: {info.weights.url}",
    )


def weights_path(
    name: str,
    *,
    allow_download: bool = False,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """Path of the weights file for ``name``: bundled → cache → download (if allowed)."""
    found = find_weights(name)
    if found is not None:
        return found
    if not allow_download:
        raise missing_weights_error(name)
    return download_weights(name, progress=progress, cancel=cancel)


def load_state_dict_file(path: Path) -> dict:
    """Load a torchvision ``.pth`` state dict without ever running pickled code.

    Also accepts the checkpoints torchvision's reference scripts write (``{"model": ...}``) and
    ``{"state_dict": ...}``, and drops the ``module.`` prefix ``DataParallel`` adds. Before
    :func:`torch.load` the file is bounded: a zip whose members unpack to more than any ResNet
    (a 2 MB zip bomb cost 4.7 GB), a TorchScript export, a pipe or a device are refused; a file
    that changes while it is read is reported as such; the weights must be finite.
    """
    import warnings

    import torch

    from . import model_checks
    from .errors import ModelFileError

    path = Path(path)
    try:
        with model_checks.open_regular(path, buffered=True) as fh:
            if os.fstat(fh.fileno()).st_size > model_checks.MAX_MODEL_BYTES:
                raise model_checks.fail(model_checks.TOO_LARGE, path)
            with model_checks.Unchanged(fh, path):
                model_checks.check_zip_archive(fh, path)
                # torch warns on stderr about legacy and TorchScript files; the refusal below is
                # the one line the user needs.
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    sd = torch.load(fh, map_location="cpu", weights_only=True)
    except ModelFileError:
        raise
    except FileNotFoundError as exc:
        raise ModelFileError(f"The weights file {path.name} no longer exists.") from exc
    except Exception as exc:  # noqa: BLE001 - hostile files raise anything; none of it may escape
        raise ModelFileError(
            f"{path.name} is not a valid weights file (it is damaged, or contains code, which is "
            "never run).",
            details=repr(exc)[:2000],
        ) from exc
    if isinstance(sd, dict):
        for key in ("state_dict", "model"):
            if isinstance(sd.get(key), dict):
                sd = sd[key]
                break
    if not isinstance(sd, dict) or not sd or not all(
        isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in sd.items()
    ):
        raise ModelFileError(f"{path.name} does not hold model weights.")
    if all(k.startswith("module.") for k in sd):
        sd = {k[len("module."):]: v for k, v in sd.items()}
    model_checks.check_weight_values(sd, path)
    return sd


def build_model(name: str, num_classes: int = 1000, *, small_input: bool = False):
    """A randomly initialised model of architecture ``name`` with ``num_classes`` outputs.

    ``small_input`` swaps the stem for the classic CIFAR one (3x3 stride-1 convolution, no
    max-pool), which keeps detail in 32–64 px images when training from scratch.
    """
    import torch.nn as nn
    from torchvision.models import get_model

    arch_info(name)
    model = get_model(name, weights=None, num_classes=num_classes)
    if small_input:
        model.conv1 = nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1, bias=False)
        model.maxpool = nn.Identity()
    return model


def build_loaded_model(name: str, state_dict: dict, num_classes: int = 1000, *, small_input: bool = False):
    """Model ``name`` holding ``state_dict``'s weights (CPU, eval mode), without a random init.

    The network is built on the "meta" device (shapes only) and the loaded tensors are assigned
    to it, which skips initialising weights that would be overwritten anyway: 10x faster for the
    big ResNets. The model then owns ``state_dict``'s tensors, so pass a dict you no longer need.
    Raises ``RuntimeError`` (from ``load_state_dict``) when names or shapes do not match.
    """
    import torch

    # assign=True keeps the file's dtype; the app computes in float32 whatever the file holds.
    state = {
        k: v.float() if v.is_floating_point() and v.dtype != torch.float32 else v for k, v in state_dict.items()
    }
    with torch.device("meta"):
        model = build_model(name, num_classes=num_classes, small_input=small_input)
    model.load_state_dict(state, strict=True, assign=True)
    return model.eval()


def imagenet_categories(name: str) -> list[str]:
    return list(arch_info(name).weights.meta["categories"])


def load_imagenet_model(
    name: str,
    *,
    allow_download: bool = False,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
):
    """The pre-trained ImageNet model ``name`` in eval mode, on the CPU."""
    path = weights_path(name, allow_download=allow_download, progress=progress, cancel=cancel)
    state = load_state_dict_file(path)
    try:
        return build_loaded_model(name, state)
    except RuntimeError as exc:
        from .errors import ModelFileError

        raise ModelFileError(
            f"{path.name} does not match {arch_info(name).display_name}; delete it and download again.",
            details=str(exc)[:2000],
        ) from exc


def weights_status() -> list[dict]:
    """One row per zoo model: name, display name, parameters, and where its weights are (if found)."""
    rows = []
    for name, info in ZOO.items():
        found = find_weights(name)
        rows.append(
            {
                "name": name,
                "display_name": info.display_name,
                "params_m": round(info.num_params / 1e6, 1),
                "size_mb": info.file_size_mb,
                "imagenet_top1": info.imagenet_top1,
                "available": found is not None,
                "path": str(found) if found else None,
                "filename": info.weights_filename,
            }
        )
    return rows
