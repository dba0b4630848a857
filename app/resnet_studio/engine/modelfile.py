"""Our trained-model file: one ``.safetensors`` file, weights plus metadata.

The metadata (architecture, class names, preprocessing, training metrics and settings) sits in the
safetensors header as JSON under the key ``resnet_studio``, so it can be read without loading the
weights, and loading never unpickles anything: a model file cannot run code.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import __version__
from .errors import ModelFileError
from .fileio import atomic_replace_from
from .images import Preprocess

FORMAT_VERSION = 1
METADATA_KEY = "resnet_studio"
MODEL_SUFFIX = ".safetensors"


@dataclass
class ModelInfo:
    """Everything needed to rebuild and use a trained model, stored with its weights."""

    arch: str
    classes: list[str]
    preprocess: Preprocess = field(default_factory=Preprocess)
    small_input: bool = False
    metrics: dict = field(default_factory=dict)  # val_accuracy, per_class, confusion_matrix, ...
    training: dict = field(default_factory=dict)  # settings the model was trained with
    dataset_dir: str | None = None
    name: str = ""
    created: str = field(default_factory=lambda: _dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    app_version: str = __version__
    format_version: int = FORMAT_VERSION

    @property
    def num_classes(self) -> int:
        return len(self.classes)

    def to_json(self) -> str:
        d = asdict(self)
        d["preprocess"] = self.preprocess.to_dict()
        return json.dumps(d, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, *, path: Path | None = None) -> "ModelInfo":
        label = path.name if path else "This model file"
        try:
            d = json.loads(text)
            version = int(d.get("format_version", 1))
            if version > FORMAT_VERSION:
                raise ModelFileError(
                    f"{label} was made by a newer version of ResNet Studio "
                    f"({d.get('app_version', '?')}). Update the app to open it."
                )
            d["preprocess"] = Preprocess.from_dict(d["preprocess"])
            known = set(cls.__dataclass_fields__)
            info = cls(**{k: v for k, v in d.items() if k in known})
        except ModelFileError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ModelFileError(f"{label} has damaged model information.", details=repr(exc)) from exc
        if not info.classes or not all(isinstance(c, str) for c in info.classes):
            raise ModelFileError(f"{label} lists no categories.")
        from .zoo import ZOO

        if info.arch not in ZOO:
            raise ModelFileError(f"{label} uses an architecture this app does not know ({info.arch}).")
        return info


def save_model_file(path: os.PathLike | str, state_dict: dict, info: ModelInfo) -> Path:
    """Write weights + metadata atomically: the old file stays intact until the new one is complete."""
    import torch
    from safetensors.torch import save_file

    target = Path(path)
    tensors = {k: v.detach().to("cpu").contiguous() for k, v in state_dict.items() if isinstance(v, torch.Tensor)}
    metadata = {"format": "pt", METADATA_KEY: info.to_json()}
    atomic_replace_from(lambda tmp: save_file(tensors, str(tmp), metadata=metadata), target)
    return target


def _open_error(path: Path, exc: Exception) -> ModelFileError:
    if isinstance(exc, FileNotFoundError):
        return ModelFileError(f"The model file {path.name} no longer exists.")
    if isinstance(exc, OSError):
        return ModelFileError(f"The model file {path.name} could not be read ({exc.strerror or exc}).")
    return ModelFileError(
        f"{path.name} is not a ResNet Studio model file, or it is damaged.", details=repr(exc)
    )


def read_model_info(path: os.PathLike | str) -> ModelInfo:
    """Read only the metadata (fast: the weights are not loaded)."""
    from safetensors import safe_open

    p = Path(path)
    try:
        with safe_open(str(p), framework="pt") as f:
            meta = f.metadata() or {}
    except Exception as exc:  # noqa: BLE001 - safetensors raises its own error types on bad headers
        raise _open_error(p, exc) from exc
    if METADATA_KEY not in meta:
        raise ModelFileError(
            f"{p.name} holds weights but no ResNet Studio information (architecture, categories)."
        )
    return ModelInfo.from_json(meta[METADATA_KEY], path=p)


def load_model_file(path: os.PathLike | str) -> tuple[ModelInfo, dict]:
    """Metadata and state dict (CPU tensors)."""
    from safetensors.torch import load_file

    p = Path(path)
    info = read_model_info(p)
    try:
        state = load_file(str(p), device="cpu")
    except Exception as exc:  # noqa: BLE001
        raise _open_error(p, exc) from exc
    return info, state


def build_from_info(info: ModelInfo, state_dict: dict | None = None, *, path: Path | None = None):
    """Rebuild the network described by ``info`` and load ``state_dict`` into it (eval mode).

    With a state dict the model takes ownership of its tensors (no copy, no random init).
    """
    from .zoo import build_loaded_model, build_model

    label = path.name if path else "The model file"
    if state_dict is None:
        return build_model(info.arch, num_classes=info.num_classes, small_input=info.small_input).eval()
    fc = state_dict.get("fc.weight")
    if fc is not None and fc.shape[0] != info.num_classes:
        raise ModelFileError(
            f"{label} is inconsistent: it lists {info.num_classes} categories but its weights have "
            f"{fc.shape[0]}."
        )
    try:
        return build_loaded_model(info.arch, state_dict, info.num_classes, small_input=info.small_input)
    except RuntimeError as exc:
        raise ModelFileError(
            f"{label} does not match its architecture ({info.arch}); it may be damaged.",
            details=str(exc)[:2000],
        ) from exc


def load_model(path: os.PathLike | str):
    """``(model, info)`` from one of our model files, on the CPU, in eval mode."""
    info, state = load_model_file(path)
    return build_from_info(info, state, path=Path(path)), info


def _guess_arch(state_dict: dict) -> tuple[str, bool] | None:
    """``(arch, small_input)`` whose parameter names and shapes match ``state_dict`` exactly."""
    from .zoo import ZOO

    fc = state_dict.get("fc.weight")
    conv1 = state_dict.get("conv1.weight")
    if fc is None or conv1 is None or fc.ndim != 2 or conv1.ndim != 4:
        return None
    # Every architecture here starts with a 64-channel RGB stem of 7x7 (or 3x3, small input):
    # anything else is refused at once instead of after building all eight skeletons.
    if tuple(conv1.shape) not in ((64, 3, 7, 7), (64, 3, 3, 3)):
        return None
    small_input = tuple(conv1.shape[-2:]) == (3, 3)
    shapes = {k: tuple(v.shape) for k, v in state_dict.items()}
    for name in ZOO:
        ref_shapes = _skeleton_shapes(name, int(fc.shape[0]), small_input)
        if len(ref_shapes) == len(shapes) and ref_shapes == shapes:
            return name, small_input
    return None


@functools.lru_cache(maxsize=32)
def _skeleton_shapes(arch: str, num_classes: int, small_input: bool) -> dict[str, tuple]:
    """Parameter names and shapes of ``arch``. Built on the "meta" device: shapes only, no memory
    and no random init; still about a second for all eight on a slow machine, hence the cache."""
    import torch

    from .zoo import build_model

    with torch.device("meta"):
        ref = build_model(arch, num_classes=num_classes, small_input=small_input)
    return {k: tuple(v.shape) for k, v in ref.state_dict().items()}


def import_state_dict(
    pth_path: os.PathLike | str, *, arch: str | None = None, classes: list[str] | None = None
) -> tuple[ModelInfo, dict]:
    """Turn a plain torchvision ``.pth`` state dict into our model info + weights.

    Uses ``torch.load(weights_only=True)``: a file that holds code instead of weights is refused,
    never run. The architecture is recognised from the tensor shapes when not given.
    """
    from .zoo import ZOO, imagenet_categories, load_state_dict_file

    p = Path(pth_path)
    sd = load_state_dict_file(p)
    if "fc.weight" not in sd:
        raise ModelFileError(f"{p.name} does not hold the weights of a ResNet (no final layer found).")
    conv1 = sd.get("conv1.weight")
    small_input = conv1 is not None and conv1.ndim == 4 and tuple(conv1.shape[-2:]) == (3, 3)
    if arch is None:
        guess = _guess_arch(sd)
        if guess is None:
            raise ModelFileError(f"{p.name} does not match any ResNet architecture this app knows.")
        arch, small_input = guess
    elif arch not in ZOO:
        raise ModelFileError(f"Unknown architecture '{arch}'. Choose one of: {', '.join(ZOO)}.")
    n = int(sd["fc.weight"].shape[0])
    if classes is None:
        classes = imagenet_categories(arch) if n == 1000 else [f"class {i}" for i in range(n)]
    if len(classes) != n:
        raise ModelFileError(f"{p.name} has {n} outputs but {len(classes)} category names were given.")
    info = ModelInfo(arch=arch, classes=list(classes), name=p.stem, small_input=small_input)
    _check_fits(info, sd, p)
    return info, sd


def _check_fits(info: ModelInfo, state_dict: dict, path: Path) -> None:
    """Refuse ``state_dict`` unless its names and shapes are exactly those of ``info``'s network
    (compared against a shapes-only "meta" model, so nothing is allocated)."""
    want = _skeleton_shapes(info.arch, info.num_classes, info.small_input)
    have = {k: tuple(v.shape) for k, v in state_dict.items()}
    if want != have:
        missing = sorted(set(want) - set(have))[:5]
        extra = sorted(set(have) - set(want))[:5]
        wrong = [k for k in want if k in have and want[k] != have[k]][:5]
        raise ModelFileError(
            f"{path.name} does not match its architecture ({info.arch}); it may be damaged.",
            details=f"missing: {missing}; unexpected: {extra}; wrong shape: {wrong}",
        )
