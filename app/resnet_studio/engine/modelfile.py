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
from . import model_checks
from .errors import ModelFileError
from .fileio import atomic_replace_from
from .images import Preprocess
from .model_checks import parse_json

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
    # {"temperature", "method", "pictures", "ece_before", "ece_after", "reliability"} (calibration.py);
    # empty in files made before issue 15: temperature 1.0
    calibration: dict = field(default_factory=dict)
    dataset_dir: str | None = None
    name: str = ""
    created: str = field(default_factory=lambda: _dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    app_version: str = __version__
    format_version: int = FORMAT_VERSION

    @property
    def num_classes(self) -> int:
        return len(self.classes)

    @property
    def not_useful(self) -> str:
        """"" for a model worth using; else why it is hardly better than guessing (``"chance"``,
        ``"one_category"``: ``metrics["not_useful"]``, written by training)."""
        reason = self.metrics.get("not_useful", "") if isinstance(self.metrics, dict) else ""
        return reason if isinstance(reason, str) else ""

    def to_json(self) -> str:
        d = asdict(self)
        d["preprocess"] = self.preprocess.to_dict()
        return json.dumps(d, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, *, path: Path | None = None) -> "ModelInfo":
        """Parse and check our metadata: every field against its type and range
        (:func:`model_checks.check_metadata`), so nothing later meets a value it cannot use."""
        label = path.name if path else "This model file"
        d = parse_json(text, path)
        if isinstance(d, dict):
            version = d.get("format_version", 1)
            if not model_checks._is_int(version) or version < 1:
                raise ModelFileError(f"{label} has damaged model information.",
                                     details=f"format_version = {version!r}"[:200])
            if version > FORMAT_VERSION:
                shown = d.get("app_version") if model_checks._text(d.get("app_version"), 20) else "?"
                raise ModelFileError(
                    f"{label} was made by a newer version of ResNet Studio ({shown}). Update the app to open it."
                )
        if not isinstance(d, dict):
            raise ModelFileError(f"{label} has damaged model information.", details=f"metadata is a {type(d).__name__}")
        from .zoo import ZOO

        arch = model_checks.check_arch(d, path)
        if arch not in ZOO:
            raise ModelFileError(f"{label} uses an architecture this app does not know ({arch}).")
        model_checks.check_metadata(d, path)
        known = set(cls.__dataclass_fields__)
        fields = {k: v for k, v in d.items() if k in known}
        fields["preprocess"] = Preprocess.from_dict(d["preprocess"])
        return cls(**fields)


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
    if isinstance(exc, ModelFileError):
        return exc
    if isinstance(exc, FileNotFoundError):
        return ModelFileError(f"The model file {path.name} no longer exists.")
    if isinstance(exc, OSError):
        return ModelFileError(f"The model file {path.name} could not be read ({exc.strerror or exc}).")
    return ModelFileError(
        f"{path.name} is not a ResNet Studio model file, or it is damaged.", details=repr(exc)
    )


def _info_from_header(header: dict, path: Path) -> ModelInfo:
    meta = header.get("__metadata__") or {}
    if METADATA_KEY not in meta:
        raise ModelFileError(
            f"{path.name} holds weights but no ResNet Studio information (architecture, categories)."
        )
    return ModelInfo.from_json(meta[METADATA_KEY], path=path)


def read_model_info(path: os.PathLike | str) -> ModelInfo:
    """Read only the metadata (fast: the weights are not loaded, torch is not imported)."""
    p = Path(path)
    try:
        header, _ = model_checks.read_header(p)
    except (OSError, ModelFileError) as exc:
        raise _open_error(p, exc) from exc
    return _info_from_header(header, p)


def load_model_file(path: os.PathLike | str) -> tuple[ModelInfo, dict]:
    """Metadata and state dict (CPU tensors), checked: metadata schema, tensor layout, names and
    shapes against the architecture, finite weights.

    The file is read once into memory, never memory-mapped: a file overwritten while it is mapped
    kills the process (SIGBUS); read, a change is noticed and reported instead.
    """
    info, state, _ = read_checked_model_file(path)
    return info, state


def read_checked_model_file(path: os.PathLike | str) -> tuple[ModelInfo, dict, "numpy.ndarray"]:
    """As :func:`load_model_file`, plus the file's bytes the tensors were made from (so a copy
    can write exactly what was checked)."""
    p = Path(path)
    try:
        buf = model_checks.read_whole_file(p)
    except (OSError, ModelFileError) as exc:
        raise _open_error(p, exc) from exc
    header, data_start = model_checks.header_from_buffer(buf, p)
    info = _info_from_header(header, p)
    layout = model_checks.tensor_layout(header, len(buf) - data_start, p)
    state = model_checks.tensors_from_buffer(buf, data_start, layout, p)
    check_weights(info, state, p)
    return info, state, buf


def check_weights(info: ModelInfo, state_dict: dict, path: Path) -> None:
    """Weights that fit ``info``'s network exactly and can give an answer (finite values)."""
    _check_class_count(info, state_dict, path)
    _check_fits(info, state_dict, path)
    model_checks.check_weight_values(state_dict, path)


def _check_class_count(info: ModelInfo, state_dict: dict, path: Path | None) -> None:
    label = path.name if path else "The model file"
    fc = state_dict.get("fc.weight")
    if fc is not None and fc.ndim >= 1 and fc.shape[0] != info.num_classes:
        raise ModelFileError(
            f"{label} is inconsistent: it lists {info.num_classes} categories but its weights have "
            f"{fc.shape[0]}."
        )


def build_from_info(info: ModelInfo, state_dict: dict | None = None, *, path: Path | None = None):
    """Rebuild the network described by ``info`` and load ``state_dict`` into it (eval mode).

    With a state dict the model takes ownership of its tensors (no copy, no random init), and
    the file's calibration temperature is applied to its last layer: whatever runs or exports the
    network from here on gives the calibrated probabilities.
    """
    from .zoo import build_loaded_model, build_model

    label = path.name if path else "The model file"
    if state_dict is None:
        return build_model(info.arch, num_classes=info.num_classes, small_input=info.small_input).eval()
    _check_class_count(info, state_dict, path)
    from .calibration import apply_to_model, temperature_of

    try:
        model = build_loaded_model(info.arch, state_dict, info.num_classes, small_input=info.small_input)
    except RuntimeError as exc:
        raise ModelFileError(
            f"{label} does not match its architecture ({info.arch}); it may be damaged.",
            details=str(exc)[:2000],
        ) from exc
    return apply_to_model(model, temperature_of(info))


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
