"""Turning what a user names as "the model" into something that can classify.

A model spec is a zoo name (``resnet50``: ImageNet weights, 1000 categories), one of our
``.safetensors`` model files, or a plain torchvision ``.pth`` state dict.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelError
from .fileio import describe_os_error
from .images import Preprocess
from .modelfile import ModelInfo, import_state_dict, build_from_info, load_model
from .zoo import ZOO, ProgressFn, arch_info, imagenet_categories, load_imagenet_model


@dataclass
class Classifier:
    """A loaded model (CPU, eval mode) with its category names and preprocessing."""

    model: object  # torch.nn.Module
    classes: list[str]
    preprocess: Preprocess
    arch: str
    name: str  # what the UI shows
    source: str  # zoo name or file path
    info: ModelInfo | None = None  # present for trained model files


def is_zoo_name(spec: os.PathLike | str) -> bool:
    return str(spec) in ZOO


def load_classifier(
    spec: os.PathLike | str,
    *,
    allow_download: bool = False,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> Classifier:
    """Load ``spec`` (zoo name, ``.safetensors`` model file, or ``.pth`` state dict)."""
    s = str(spec)
    if s in ZOO:
        info = arch_info(s)
        model = load_imagenet_model(s, allow_download=allow_download, progress=progress, cancel=cancel)
        return Classifier(
            model, imagenet_categories(s), Preprocess.from_weights(info.weights), s,
            f"{info.display_name} (ImageNet)", s,
        )
    p = Path(spec)
    try:
        st = os.stat(p)
    except (OSError, ValueError) as exc:
        # Path.exists would raise for a name that is too long (Python 3.11): say it in words.
        code = getattr(exc, "errno", None)
        if code in (None, errno.ENOENT, errno.ENOTDIR, errno.ENAMETOOLONG):
            raise ModelError(
                f"'{s}' is neither a model name ({', '.join(ZOO)}) nor an existing model file."
            ) from exc
        raise ModelError(f"The model file '{s}' could not be opened ({describe_os_error(exc)}).") from exc
    if stat.S_ISDIR(st.st_mode):
        raise ModelError(f"'{s}' is a folder; choose a model file (.safetensors).")
    if p.suffix.lower() in (".pth", ".pt", ".bin"):
        info, sd = import_state_dict(p)
        model = build_from_info(info, sd, path=p)
    else:
        model, info = load_model(p)
    return Classifier(model, list(info.classes), info.preprocess, info.arch, info.name or p.stem, str(p), info)
