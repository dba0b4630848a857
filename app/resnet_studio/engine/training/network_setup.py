"""What training on pictures and the LR finder's sweep share: the model on its device, its frozen
front (in ONNX Runtime on the CPU when that repays the export), optimiser, loss, augmentation,
input normalisation and the forward pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..images import Preprocess
from .contract import TrainConfig, TrainPlan


class _FrozenFront:
    """The frozen front of the network (stem + layer1-3) in inference only: no gradients, fixed
    batch-norm statistics. On the CPU, with enough pictures to repay the one-time export, it runs
    in ONNX Runtime (batch norm folded into the convolutions; about twice as fast as eager PyTorch
    here); else in PyTorch."""

    def __init__(self, front, device, input_size: int, n_images: int, backend: str) -> None:
        self.front = front
        self.ort = None
        self.note = ""
        self.backend = "torch"
        use_ort = backend == "onnxruntime" or (backend == "auto" and n_images >= _ORT_FRONT_MIN_IMAGES)
        if use_ort and device.type == "cpu":
            try:
                from ..onnx_backend import OrtBackend

                self.ort = OrtBackend(front, input_size, exporter="legacy", spinning=False)
                self.backend = "onnxruntime"
            except Exception as exc:  # noqa: BLE001 - PyTorch does the same job, slower
                self.note = f"ONNX Runtime not used for the frozen layers: {exc}"

    def __call__(self, x):
        import torch

        if self.ort is not None:
            out = self.ort.logits(x.contiguous().numpy())
            return torch.from_numpy(out).contiguous(memory_format=torch.channels_last)
        with torch.no_grad():
            return self.front(x)


#: Finetune on the CPU: pictures × epochs from which the frozen front runs in ONNX Runtime.
_ORT_FRONT_MIN_IMAGES = 600


@dataclass
class _NetworkSetup:
    """What training on pictures (finetune / full) and the LR finder's sweep share: the model on
    its device (channels-last), its frozen front (finetune) and learning back, the optimiser, loss,
    augmentation and the input normalisation and forward pass."""

    model: object
    front: object  # stem + layer1-3, frozen (finetune); None in full mode
    back: object  # what learns: layer4 + fc (finetune) or the whole model
    front_fn: _FrozenFront | None
    opt: object
    scaler: object  # float16 gradient scaler (enabled only with float16 autocast on CUDA)
    loss_fn: object
    augment: object  # train_data.Augment or None
    cuda: bool
    to_input: Callable  # a batch of uint8 pictures -> normalised float input on the device
    forward: Callable  # forward(x, module=None): frozen front, then ``module`` (default: back)


def _network_setup(config: TrainConfig, plan: TrainPlan, model, device, preprocess: Preprocess, *,
                   lr: float, front_images: int, class_weights: list[float] | None = None) -> _NetworkSetup:
    """Set up ``model`` for learning on pictures in ``plan.mode`` (finetune or full).

    ``front_images`` (pictures the frozen front will see) decides whether it is worth exporting
    the front to ONNX Runtime on the CPU. ``class_weights``: the loss weights of uneven
    categories (``_Run.class_weights``), None for plain cross-entropy.
    """
    import torch
    from torch import nn

    from ..train_data import Augment

    cuda = device.type == "cuda"
    amp_dtype = None
    if cuda:
        amp_dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    scaler = torch.amp.GradScaler("cuda", enabled=amp_dtype == torch.float16)
    model = model.to(device).to(memory_format=torch.channels_last)
    if plan.mode == "finetune":
        front = nn.Sequential(model.conv1, model.bn1, model.relu, model.maxpool, model.layer1, model.layer2, model.layer3)
        back = nn.Sequential(model.layer4, model.avgpool, nn.Flatten(1), model.fc)
        for p in front.parameters():
            p.requires_grad_(False)
        trainable = list(back.parameters())
    else:
        front, back = None, model
        trainable = list(model.parameters())
    # no weight decay on batch-norm scales and biases (it only hurts them)
    decay = [p for p in trainable if p.ndim > 1]
    no_decay = [p for p in trainable if p.ndim <= 1]
    opt = torch.optim.SGD(
        [{"params": decay, "weight_decay": config.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=lr, momentum=config.momentum,
    )
    weight = torch.tensor(class_weights, dtype=torch.float32, device=device) if class_weights else None
    loss_fn = nn.CrossEntropyLoss(weight=weight, label_smoothing=config.label_smoothing)
    augment = (
        Augment(scale=(min(max(config.crop_scale, 0.01), 1.0), 1.0), hflip=config.hflip,
                jitter=max(0.0, config.color_jitter))
        if config.augment else None
    )
    mean = torch.tensor(preprocess.mean, device=device).view(1, 3, 1, 1) * 255
    inv_std = 1.0 / (torch.tensor(preprocess.std, device=device).view(1, 3, 1, 1) * 255)

    def to_input(x):
        x = x.to(device, non_blocking=cuda).float()
        return ((x - mean) * inv_std).contiguous(memory_format=torch.channels_last)

    front_fn = None
    if front is not None:
        front.eval()  # frozen batch-norm statistics
        front_fn = _FrozenFront(front, device, preprocess.crop_size, front_images, config.feature_backend)

    def forward(x, module=None):
        with torch.autocast(device.type, dtype=amp_dtype, enabled=cuda):
            if front_fn is not None:
                x = front_fn(x)
            return (module or back)(x)

    return _NetworkSetup(model, front, back, front_fn, opt, scaler, loss_fn, augment, cuda, to_input, forward)
