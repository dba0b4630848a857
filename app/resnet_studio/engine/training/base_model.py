"""The network a run starts from: the starting weights (ImageNet, one of our model files, or none),
the file that keys their backbone in the feature cache, and the model built on them.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ModelFileError, WeightsNotFoundError
from .contract import TrainConfig, TrainPlan
from .planning import init_model_info


def _base_state(config: TrainConfig, run_stage, cancel) -> tuple[dict | None, Path | None]:
    """Starting weights and the file that names their frozen backbone in the feature cache.

    ``init_model``: that model file's weights (fc included, see :func:`_build_model`); else the
    ImageNet weights (state dict, file) when pre-trained; else ``(None, None)``.
    """
    if init_model_info(config) is not None:
        from ..modelfile import load_model_file

        path = Path(config.init_model)
        run_stage("preparing", f"Starting from the model {path.stem}")
        info, state = load_model_file(path)
        return state, _backbone_file(config, info, state, path)
    if not config.pretrained:
        return None, None
    from ..zoo import load_state_dict_file, weights_path

    def progress(done: int, total: int) -> None:
        run_stage("preparing", "Downloading the ImageNet weights", done, total)

    try:
        path = weights_path(config.arch, allow_download=config.allow_download, progress=progress, cancel=cancel)
    except WeightsNotFoundError as exc:
        raise WeightsNotFoundError(
            f"{exc} Or train from scratch instead (untick \"Start from ImageNet weights\"; on the command "
            "line: --no-pretrained, or --allow-download to fetch the weights).",
            details=exc.details,
        ) from exc
    return load_state_dict_file(path), path


def _backbone_file(config: TrainConfig, info, state: dict, model_path: Path) -> Path:
    """The file whose digest keys the feature cache for ``state``'s backbone.

    A model trained in head mode kept the ImageNet backbone unchanged: naming the ImageNet weights
    file then reuses every feature already cached (a retrain extracts only the new pictures).
    Any other model has a backbone of its own, keyed by its own file.
    """
    if info.training.get("mode") != "head" or not info.training.get("pretrained", True):
        return model_path
    import torch

    from ..zoo import find_weights, load_state_dict_file

    ref_path = find_weights(config.arch)
    if ref_path is None:
        return model_path
    try:
        ref = load_state_dict_file(ref_path)
    except Exception:  # noqa: BLE001 - a damaged weights file only costs the cache hit
        return model_path
    backbone = [k for k in state if not k.startswith("fc.")]
    same = len(backbone) == sum(1 for k in ref if not k.startswith("fc.")) and all(
        k in ref and ref[k].shape == state[k].shape and torch.equal(ref[k], state[k]) for k in backbone
    )
    return Path(ref_path) if same else model_path


def _init_head(model, base: dict, old_classes: list[str], classes: list[str]) -> None:
    """Carry the model file's last layer over: whole when the categories are the same (same order),
    else row by row for categories with the same name; new categories keep their fresh rows."""
    import torch

    w, b = base.get("fc.weight"), base.get("fc.bias")
    if w is None or b is None or w.shape[1] != model.fc.weight.shape[1]:
        return
    with torch.no_grad():
        if list(old_classes) == list(classes):
            model.fc.weight.copy_(w)
            model.fc.bias.copy_(b)
            return
        old = {name: i for i, name in enumerate(old_classes)}
        for j, name in enumerate(classes):
            i = old.get(name)
            if i is not None and i < w.shape[0]:
                model.fc.weight[j].copy_(w[i])
                model.fc.bias[j].copy_(b[i])


def _build_model(config: TrainConfig, plan: TrainPlan, num_classes: int, base: dict | None,
                 classes: list[str] | None = None):
    """The network to train: ``base``'s backbone (ImageNet or ``init_model``) and a last layer for
    ``num_classes`` categories (``classes``: their names, to carry ``init_model``'s rows over)."""
    import torch

    from ..zoo import arch_info, build_model

    init = init_model_info(config)
    what = (f"The model file {Path(config.init_model).name}" if init is not None
            else "The ImageNet weights file")
    fix = "it may be damaged." if init is not None else "delete it and download it again."
    torch.manual_seed(config.seed)
    model = build_model(config.arch, num_classes=num_classes, small_input=plan.small_input)
    if base is not None:
        backbone = {k: v for k, v in base.items() if not k.startswith("fc.")}
        try:
            missing, unexpected = model.load_state_dict(backbone, strict=False)
        except RuntimeError as exc:
            raise ModelFileError(
                f"{what} does not match {arch_info(config.arch).display_name}; {fix}", details=str(exc)[:2000],
            ) from exc
        if unexpected or any(not k.startswith("fc.") for k in missing):
            raise ModelFileError(
                f"{what} does not match {arch_info(config.arch).display_name}; {fix}",
                details=f"missing {missing[:5]}, unexpected {unexpected[:5]}",
            )
        if init is not None:
            names = list(classes) if classes is not None else (
                list(init.classes) if len(init.classes) == num_classes else [])
            _init_head(model, base, init.classes, names)
    return model
