"""Architecture summary for the Models view: the layer tree, parameters per stage, input, classes.

Qt-free; torch is imported inside the functions (call them from a worker thread). The summary of a
zoo model needs no weights: the structure and parameter counts do not depend on the values.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

#: The stages of every torchvision ResNet, as (stage, module names), in forward order.
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("stem", ("conv1", "bn1")),
    ("layer1", ("layer1",)),
    ("layer2", ("layer2",)),
    ("layer3", ("layer3",)),
    ("layer4", ("layer4",)),
    ("fc", ("fc",)),
)


@dataclass
class StageParams:
    name: str  # "stem", "layer1".."layer4", "fc"
    modules: list[str]  # the attributes of the model it covers, e.g. ["conv1", "bn1"]
    params: int
    blocks: int  # residual blocks in the stage (0 for stem and fc)
    output_channels: int


@dataclass
class ModelSummary:
    arch: str
    display_name: str
    input_size: int  # centre-crop side in pixels
    resize_size: int
    classes: list[str]
    total_params: int
    stages: list[StageParams]
    layer_tree: str  # exactly ``print(model)``
    small_input: bool = False
    source: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def num_classes(self) -> int:
        return len(self.classes)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["num_classes"] = self.num_classes
        return d


def _count(module) -> int:
    return int(sum(p.numel() for p in module.parameters()))


def _out_channels(modules) -> int:
    import torch.nn as nn

    last = 0
    for m in (sub for mod in modules for sub in mod.modules()):
        if isinstance(m, nn.Conv2d):
            last = m.out_channels
        elif isinstance(m, nn.Linear):
            last = m.out_features
    return last


def summarize_model(model, *, arch: str, classes: list[str], input_size: int = 224,
                    resize_size: int = 256, small_input: bool = False, source: str = "") -> ModelSummary:
    """Summarise an already built torchvision ResNet."""
    from .zoo import ZOO

    stages = []
    for stage, names in STAGES:
        mods = [getattr(model, n) for n in names if hasattr(model, n)]
        stages.append(StageParams(
            name=stage,
            modules=list(names),
            params=sum(_count(m) for m in mods),
            blocks=len(mods[0]) if stage.startswith("layer") and mods else 0,
            output_channels=_out_channels(mods),
        ))
    display = ZOO[arch].display_name if arch in ZOO else arch
    return ModelSummary(
        arch=arch, display_name=display, input_size=input_size, resize_size=resize_size,
        classes=list(classes), total_params=_count(model), stages=stages, layer_tree=str(model),
        small_input=small_input, source=source,
    )


def summarize(spec: os.PathLike | str) -> ModelSummary:
    """Summary of a zoo name (``resnet50``), one of our model files, or a ``.pth`` state dict."""
    from .errors import ModelError
    from .images import Preprocess
    from .modelfile import build_from_info, import_state_dict
    from .zoo import ZOO, arch_info, build_model, imagenet_categories

    s = str(spec)
    if s in ZOO:
        pre = Preprocess.from_weights(arch_info(s).weights)
        return summarize_model(build_model(s), arch=s, classes=imagenet_categories(s),
                               input_size=pre.crop_size, resize_size=pre.resize_size, source=s)
    p = Path(spec)
    if not p.is_file():
        raise ModelError(f"'{s}' is neither a model name ({', '.join(ZOO)}) nor an existing model file.")
    if p.suffix.lower() in (".pth", ".pt", ".bin"):
        info, sd = import_state_dict(p)
        model = build_from_info(info, sd, path=p)
    else:
        from .library import read_info

        info = read_info(p)
        model = build_from_info(info, None, path=p)  # structure only: no need to load weights
    return summarize_model(model, arch=info.arch, classes=info.classes,
                           input_size=info.preprocess.crop_size, resize_size=info.preprocess.resize_size,
                           small_input=info.small_input, source=str(p))
