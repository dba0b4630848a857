"""Out of GPU memory during training: the batch is retried in halves (gradients added up), the
user is told, and below the floor it is a clear error. Tested on the CPU by making the network's
forward pass raise ``torch.OutOfMemoryError`` the way CUDA does."""

from __future__ import annotations

import pytest
import torch
from torchvision.models.resnet import ResNet

from resnet_studio.engine.errors import ModelError
from resnet_studio.engine.train import StageEvent, TrainConfig, train
from tests.conftest import make_shapes_dataset

pytestmark = pytest.mark.usefixtures("torch_one_thread")


@pytest.fixture
def shapes(tmp_path):
    return make_shapes_dataset(tmp_path / "shapes", per_class=6, size=32)


def _config(**kw) -> TrainConfig:
    # the ImageNet stem on 32 px pictures: every pass is cheap
    return TrainConfig(mode="full", pretrained=False, image_size=32, small_input=False, batch_size=8, epochs=1,
                       augment=False, **kw)


def _oom_above(monkeypatch, limit: int, calls: list[int]) -> None:
    """Forward passes of more than ``limit`` pictures fail as if the GPU were full."""
    real = ResNet.forward

    def forward(self, x):
        calls.append(len(x))
        if self.training and len(x) > limit:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return real(self, x)

    monkeypatch.setattr(ResNet, "forward", forward)


def test_out_of_memory_halves_the_batch_and_says_so(tmp_path, shapes, monkeypatch):
    calls: list[int] = []
    _oom_above(monkeypatch, 3, calls)
    events = []
    out = tmp_path / "m.safetensors"
    r = train(shapes, out, _config(), on_event=events.append)
    assert out.is_file() and r.epochs_run == 1 and not r.cancelled
    # 8 failed, then 4 failed, then passes of 2: the batch size of the run is unchanged
    assert calls[:2] == [8, 4] and 2 in calls and max(c for c in calls[2:] if c) <= 8
    assert r.settings["batch_size"] == 8
    notes = [w for w in r.warnings if "ran out of memory" in w]
    assert len(notes) == 2 and "8 pictures" in notes[0] and "4 at a time" in notes[0] and "2 at a time" in notes[1]
    assert any(isinstance(e, StageEvent) and "ran out of memory" in e.message for e in events)


def test_out_of_memory_below_the_floor_is_a_clear_error(tmp_path, shapes, monkeypatch):
    _oom_above(monkeypatch, 0, [])
    out = tmp_path / "m.safetensors"
    with pytest.raises(ModelError, match="ran out of memory.*smaller --batch-size"):
        train(shapes, out, _config())
    assert not out.exists()
