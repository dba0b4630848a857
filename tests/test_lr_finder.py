"""The learning-rate finder: a sweep whose suggestion sits where the loss falls; cancel; no file touched."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import numpy as np
import pytest

from resnet_studio.engine.errors import CancelledError, ModelError
from resnet_studio.engine.lr_finder import LRFinderEvent, LRFinderResult, find_lr, suggest_lr
from resnet_studio.engine.train import StageEvent, TrainConfig
from tests.conftest import make_shapes_dataset

pytestmark = pytest.mark.usefixtures("torch_one_thread")

TINY = dict(arch="resnet18", image_size=32, augment=False)


def falling_range(result: LRFinderResult, lo: float = 0.05, hi: float = 0.95) -> tuple[float, float]:
    """From the sweep itself: the learning rates between the points where the smoothed loss has
    made 5% and 95% of its total fall from the first step to its lowest point."""
    losses = np.asarray(result.losses)
    start, low = losses[0], losses.min()
    fall = start - low
    assert fall > 0.1 * start, "the loss must fall markedly during the sweep"
    first = int(np.argmax(losses <= start - lo * fall))
    last = int(np.argmax(losses <= start - hi * fall))
    return result.lrs[first], result.lrs[last]


def snapshot(*folders: Path, skip: Path | None = None) -> dict[str, tuple[str, int]]:
    """(content hash, modification time) of every file under ``folders`` except under ``skip``."""
    out = {}
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            if p.is_file() and not (skip and skip in p.parents):
                out[str(p)] = (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
    return out


def test_head_sweep_suggests_a_rate_where_the_loss_falls(tmp_path, fake_imagenet_weights):
    weights = fake_imagenet_weights("resnet18")
    data = make_shapes_dataset(tmp_path / "shapes", per_class=10)
    events: list = []
    result = find_lr(data, TrainConfig(mode="head", **TINY), steps=60, on_event=events.append)

    assert result.mode == "head" and result.method == "steepest"
    assert len(result.lrs) == len(result.losses) == len(result.raw_losses) > 10
    assert all(b > a for a, b in zip(result.lrs, result.lrs[1:])), "the rate grows every step"
    assert result.lrs[0] == pytest.approx(1e-6)
    low, high = falling_range(result)
    assert low <= result.suggestion <= high, (result.suggestion, low, high)
    lo, hi = result.steep_range
    assert lo <= result.suggestion <= hi and low <= hi
    # the loss at the suggestion is well below where the sweep started
    at = int(np.argmin(np.abs(np.log(result.lrs) - np.log(result.suggestion))))
    assert result.losses[at] < result.losses[0] - 0.05 * (result.losses[0] - min(result.losses))

    steps = [e for e in events if isinstance(e, LRFinderEvent)]
    assert [e.step for e in steps] == list(range(1, len(result.lrs) + 1))
    assert [e.loss for e in steps] == result.losses and all(e.steps == 60 for e in steps)
    assert any(isinstance(e, StageEvent) and e.stage == "extracting" for e in events)
    assert result.batch_size > 0 and result.n_train == 24 and result.auto_lr > 0
    assert weights.is_file()


def test_network_sweep_stops_when_the_loss_blows_up(tmp_path, fake_imagenet_weights):
    fake_imagenet_weights("resnet18")
    data = make_shapes_dataset(tmp_path / "shapes", per_class=4)
    result = find_lr(data, TrainConfig(mode="finetune", batch_size=4, **TINY), start_lr=1e-3, end_lr=1e4, steps=25)
    assert result.mode == "finetune"
    assert result.stopped_early and len(result.lrs) < 25
    losses = result.losses
    assert losses[-1] > 4 * min(losses), "stopped because the loss climbed above four times its minimum"
    assert result.lrs[0] <= result.suggestion <= result.lrs[int(np.argmin(losses))]


def test_cancel_raises_and_touches_no_file(tmp_path, fake_imagenet_weights, isolated_env):
    from resnet_studio.engine.modelfile import ModelInfo, save_model_file
    from resnet_studio.engine.paths import trained_models_dir, user_cache_dir, user_data_dir
    from resnet_studio.engine.images import Preprocess
    from resnet_studio.engine.zoo import build_model

    weights = fake_imagenet_weights("resnet18")
    data = make_shapes_dataset(tmp_path / "shapes", per_class=6)
    model_file = trained_models_dir() / "existing.safetensors"
    state = build_model("resnet18", num_classes=3).state_dict()
    save_model_file(model_file, state, ModelInfo(arch="resnet18", classes=["circle", "square", "triangle"],
                                                 preprocess=Preprocess.for_image_size(32)))
    before = snapshot(data, user_data_dir(), weights.parent, skip=user_cache_dir())

    cancel = threading.Event()
    seen: list = []

    def on_event(event) -> None:
        seen.append(event)
        if isinstance(event, LRFinderEvent) and event.step == 3:
            cancel.set()

    with pytest.raises(CancelledError):
        find_lr(data, TrainConfig(mode="head", **TINY), steps=50, on_event=on_event, cancel=cancel)
    assert max(e.step for e in seen if isinstance(e, LRFinderEvent)) == 3

    # a finished sweep leaves every model file (and the ImageNet weights) as it was, and adds none,
    # also when it starts from one of our model files
    find_lr(data, TrainConfig(mode="head", **TINY), steps=20)
    result = find_lr(data, TrainConfig(mode="head", init_model=model_file, **TINY), steps=20)
    assert len(result.lrs) == 20
    assert snapshot(data, user_data_dir(), weights.parent, skip=user_cache_dir()) == before
    assert not list(data.rglob("*.safetensors"))

    cancelled_early = threading.Event()
    cancelled_early.set()
    with pytest.raises(CancelledError):
        find_lr(data, TrainConfig(mode="finetune", **TINY), steps=20, cancel=cancelled_early)


def test_bad_settings_are_refused_with_a_readable_error(tmp_path, fake_imagenet_weights):
    data = make_shapes_dataset(tmp_path / "shapes", per_class=3)
    with pytest.raises(ModelError, match="at least"):
        find_lr(data, TrainConfig(mode="head", **TINY), steps=2)
    with pytest.raises(ModelError, match="grow"):
        find_lr(data, TrainConfig(mode="head", **TINY), start_lr=1.0, end_lr=0.1)


def test_suggest_lr_on_typical_curves():
    lrs = list(np.logspace(-6, 1, 71))
    x = np.log10(lrs)
    # flat, then a fall centred at 1e-3, then a blow-up after 1e-1
    u = 2.0 - 1.5 / (1 + np.exp(-(x + 3) * 3)) + np.where(x > -1, (x + 1) ** 2 * 3, 0)
    suggestion, (lo, hi), method = suggest_lr(lrs, list(u))
    assert method == "steepest"
    assert lo <= suggestion <= hi < 1e-1
    assert 3e-4 <= suggestion <= 3e-3

    flat = [1.0 + 0.001 * i for i in range(30)]  # never falls: a tenth of the rate at the minimum
    suggestion, _, method = suggest_lr(lrs[:30], flat)
    assert method == "min/10" and suggestion == pytest.approx(lrs[0], rel=0.05)
