"""Our model file (.safetensors + metadata), .pth import, and loading classifiers from any spec."""

from __future__ import annotations

import errno
import json
import struct
from pathlib import Path

import pytest
import torch

from resnet_studio.engine import modelfile, zoo
from resnet_studio.engine.classifier import load_classifier
from resnet_studio.engine.errors import ModelError, ModelFileError, OutputWriteError
from resnet_studio.engine.images import Preprocess
from resnet_studio.engine.modelfile import (
    FORMAT_VERSION,
    ModelInfo,
    build_from_info,
    import_state_dict,
    load_model,
    load_model_file,
    read_model_info,
    save_model_file,
)

CLASSES = ["猫 cat", "dog", "bird"]


def _model(arch="resnet18", n=len(CLASSES), small_input=False, seed=0):
    torch.manual_seed(seed)
    return zoo.build_model(arch, num_classes=n, small_input=small_input).eval()


def _info(**kw) -> ModelInfo:
    base = dict(
        arch="resnet18",
        classes=list(CLASSES),
        preprocess=Preprocess.for_image_size(64),
        metrics={"val_accuracy": 0.75, "confusion_matrix": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]},
        training={"epochs": 3, "lr": 0.01, "mode": "head"},
        dataset_dir="/data/宠物",
        name="Pets",
    )
    base.update(kw)
    return ModelInfo(**base)


def _rewrite_metadata(path: Path, mutate) -> None:
    """Edit the JSON metadata of a saved model file in place, keeping it a valid safetensors file."""
    from safetensors import safe_open
    from safetensors.torch import save_file

    with safe_open(str(path), framework="pt") as f:
        meta = dict(f.metadata())
        tensors = {k: f.get_tensor(k) for k in f.keys()}
    d = json.loads(meta[modelfile.METADATA_KEY])
    mutate(d)
    meta[modelfile.METADATA_KEY] = json.dumps(d)
    save_file(tensors, str(path), metadata=meta)


@pytest.fixture
def saved(tmp_path):
    model = _model()
    path = save_model_file(tmp_path / "pets.safetensors", model.state_dict(), _info())
    return path, model


# --- round trip --------------------------------------------------------------------------------


def test_round_trip_gives_identical_outputs(saved):
    path, model = saved
    info = read_model_info(path)
    assert info.arch == "resnet18"
    assert info.classes == CLASSES and info.num_classes == 3
    assert info.preprocess == Preprocess.for_image_size(64)
    assert info.metrics["val_accuracy"] == 0.75
    assert info.training["mode"] == "head"
    assert info.dataset_dir == "/data/宠物" and info.name == "Pets"
    assert info.format_version == FORMAT_VERSION and info.app_version and info.created

    loaded, info2 = load_model(path)
    assert info2 == info and not loaded.training
    x = torch.randn(2, 3, 64, 64, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        assert torch.equal(loaded(x), model(x))

    info3, state = load_model_file(path)
    assert set(state) == set(model.state_dict())


def test_round_trip_small_input_stem(tmp_path):
    model = _model(small_input=True)
    path = save_model_file(tmp_path / "s.safetensors", model.state_dict(), _info(small_input=True))
    loaded, info = load_model(path)
    assert info.small_input
    x = torch.randn(1, 3, 32, 32)
    with torch.no_grad():
        assert torch.equal(loaded(x), model(x))


def test_file_is_plain_safetensors_with_readable_metadata(saved):
    path, _ = saved
    header_len = struct.unpack("<Q", path.read_bytes()[:8])[0]
    header = json.loads(path.read_bytes()[8 : 8 + header_len])
    meta = json.loads(header["__metadata__"][modelfile.METADATA_KEY])
    assert meta["classes"] == CLASSES and meta["arch"] == "resnet18"


# --- atomic save -------------------------------------------------------------------------------


def test_failed_save_keeps_the_old_file(saved, monkeypatch):
    import safetensors.torch

    path, _ = saved
    before = path.read_bytes()

    def full_disk(tensors, filename, metadata=None):
        Path(filename).write_bytes(b"half a file")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safetensors.torch, "save_file", full_disk)
    with pytest.raises(OutputWriteError, match="disk is full"):
        save_model_file(path, _model(seed=5).state_dict(), _info(name="new"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert read_model_info(path).name == "Pets"


def test_save_overwrites_when_it_succeeds(saved):
    path, _ = saved
    save_model_file(path, _model(seed=5).state_dict(), _info(name="v2"))
    assert read_model_info(path).name == "v2"


# --- refusing bad model files ------------------------------------------------------------------


def test_damaged_header(saved):
    path, _ = saved
    data = bytearray(path.read_bytes())
    data[8:40] = b"{ this is not json at all !!!!!!"
    path.write_bytes(bytes(data))
    with pytest.raises(ModelFileError, match="not a ResNet Studio model file, or it is damaged"):
        read_model_info(path)
    with pytest.raises(ModelFileError):
        load_model(path)


def test_huge_header_length(saved):
    path, _ = saved
    data = bytearray(path.read_bytes())
    data[:8] = struct.pack("<Q", 2**62)
    path.write_bytes(bytes(data))
    with pytest.raises(ModelFileError, match="damaged"):
        load_model(path)


def test_truncated_model_file(saved):
    path, _ = saved
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFileError, match="damaged"):
        load_model(path)


@pytest.mark.parametrize("content", [b"", b"hello, not a model", b"\x00" * 100])
def test_not_a_model_file(tmp_path, content):
    path = tmp_path / "x.safetensors"
    path.write_bytes(content)
    with pytest.raises(ModelFileError):
        load_model(path)


def test_missing_model_file(tmp_path):
    with pytest.raises(ModelFileError, match="no longer exists"):
        load_model(tmp_path / "gone.safetensors")


def test_weights_without_our_metadata(tmp_path):
    from safetensors.torch import save_file

    save_file(_model().state_dict(), str(tmp_path / "plain.safetensors"))
    with pytest.raises(ModelFileError, match="no ResNet Studio information"):
        load_model(tmp_path / "plain.safetensors")


def test_wrong_class_count(tmp_path):
    path = save_model_file(tmp_path / "m.safetensors", _model(n=5).state_dict(), _info())
    with pytest.raises(ModelFileError, match="lists 3 categories but its weights have 5"):
        load_model(path)


def test_wrong_architecture(tmp_path):
    path = save_model_file(tmp_path / "m.safetensors", _model().state_dict(), _info(arch="resnet34"))
    with pytest.raises(ModelFileError, match=r"does not match its architecture \(resnet34\)"):
        load_model(path)


def test_newer_format_version(saved):
    path, _ = saved
    _rewrite_metadata(path, lambda d: d.update(format_version=FORMAT_VERSION + 1, app_version="9.0", new_field=1))
    with pytest.raises(ModelFileError, match="newer version of ResNet Studio.*9.0"):
        read_model_info(path)


def test_unknown_architecture_in_file(saved):
    path, _ = saved
    _rewrite_metadata(path, lambda d: d.update(arch="vgg16"))
    with pytest.raises(ModelFileError, match="does not know.*vgg16"):
        load_model(path)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(classes=[]),
        lambda d: d.update(classes=[1, 2, 3]),
        lambda d: d.pop("preprocess"),
        lambda d: d.update(preprocess={"crop_size": "big"}),
        lambda d: d.clear() or d.update(arch="resnet18"),
    ],
)
def test_damaged_model_information(saved, mutate):
    path, _ = saved
    _rewrite_metadata(path, mutate)
    with pytest.raises(ModelFileError):
        read_model_info(path)


def test_metadata_that_is_not_an_object(saved):
    from safetensors import safe_open
    from safetensors.torch import save_file

    path, _ = saved
    with safe_open(str(path), framework="pt") as f:
        tensors = {k: f.get_tensor(k) for k in f.keys()}
    save_file(tensors, str(path), metadata={modelfile.METADATA_KEY: "[1, 2]"})
    with pytest.raises(ModelFileError, match="damaged model information"):
        read_model_info(path)


# --- importing .pth ----------------------------------------------------------------------------


def test_import_plain_pth_guesses_arch(tmp_path):
    model = _model(n=4)
    torch.save(model.state_dict(), tmp_path / "mine.pth")
    info, sd = import_state_dict(tmp_path / "mine.pth")
    assert info.arch == "resnet18" and not info.small_input
    assert info.classes == ["class 0", "class 1", "class 2", "class 3"]
    assert info.name == "mine"
    rebuilt = build_from_info(info, sd)
    x = torch.randn(1, 3, 64, 64)
    with torch.no_grad():
        assert torch.equal(rebuilt(x), model(x))


def test_import_tells_resnext_from_resnet50(tmp_path):
    torch.save(_model("resnext50_32x4d", n=2).state_dict(), tmp_path / "rx.pth")
    info, _ = import_state_dict(tmp_path / "rx.pth", classes=["a", "b"])
    assert info.arch == "resnext50_32x4d" and info.classes == ["a", "b"]


def test_import_small_input_stem(tmp_path):
    torch.save(_model(n=2, small_input=True).state_dict(), tmp_path / "cifar.pth")
    info, sd = import_state_dict(tmp_path / "cifar.pth")
    assert info.arch == "resnet18" and info.small_input
    assert build_from_info(info, sd).conv1.kernel_size == (3, 3)


def test_import_imagenet_head_gets_imagenet_names(fake_imagenet_weights):
    info, _ = import_state_dict(fake_imagenet_weights("resnet18"))
    assert info.num_classes == 1000 and info.classes[0] == "tench"


def test_import_refusals(tmp_path):
    torch.save(_model(n=4).state_dict(), tmp_path / "mine.pth")
    with pytest.raises(ModelFileError, match="4 outputs but 2 category names"):
        import_state_dict(tmp_path / "mine.pth", classes=["a", "b"])
    with pytest.raises(ModelFileError, match="Unknown architecture 'alexnet'"):
        import_state_dict(tmp_path / "mine.pth", arch="alexnet")
    with pytest.raises(ModelFileError, match="does not match its architecture"):
        import_state_dict(tmp_path / "mine.pth", arch="resnet34")

    torch.save({"conv.weight": torch.zeros(3, 3)}, tmp_path / "other.pth")
    with pytest.raises(ModelFileError, match="not hold the weights of a ResNet"):
        import_state_dict(tmp_path / "other.pth")

    sd = _model(n=4).state_dict()
    sd["extra.weight"] = torch.zeros(1)
    torch.save(sd, tmp_path / "odd.pth")
    with pytest.raises(ModelFileError, match="does not match any ResNet"):
        import_state_dict(tmp_path / "odd.pth")

    (tmp_path / "text.pth").write_text("not weights")
    with pytest.raises(ModelFileError, match="not a valid weights file"):
        import_state_dict(tmp_path / "text.pth")


class _Bomb:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_pickle_bomb_pth_is_refused_and_never_runs(tmp_path):
    marker = tmp_path / "marker-created"
    sd = dict(_model(n=2).state_dict())
    sd["fc.bias"] = _Bomb(marker)
    torch.save(sd, tmp_path / "evil.pth")
    with pytest.raises(ModelFileError, match="contains code, which is never run"):
        import_state_dict(tmp_path / "evil.pth")
    with pytest.raises(ModelFileError):
        load_classifier(tmp_path / "evil.pth")
    assert not marker.exists()


# --- load_classifier ---------------------------------------------------------------------------


def test_load_classifier_from_every_kind_of_spec(saved, tmp_path, fake_imagenet_weights):
    path, model = saved
    c = load_classifier(path)
    assert c.classes == CLASSES and c.arch == "resnet18" and c.name == "Pets"
    assert c.preprocess == Preprocess.for_image_size(64) and c.info is not None

    torch.save(model.state_dict(), tmp_path / "raw.pth")
    c2 = load_classifier(tmp_path / "raw.pth")
    assert c2.arch == "resnet18" and len(c2.classes) == 3
    x = torch.randn(1, 3, 64, 64)
    with torch.no_grad():
        assert torch.equal(c2.model(x), model(x))

    with pytest.raises(ModelError, match="not on this computer"):
        load_classifier("resnet18")
    fake_imagenet_weights("resnet18")
    c3 = load_classifier("resnet18")
    assert len(c3.classes) == 1000 and c3.source == "resnet18"
    import torchvision.models as tvm

    assert c3.preprocess == Preprocess.from_weights(tvm.ResNet18_Weights.DEFAULT)


def test_load_classifier_bad_specs(tmp_path):
    with pytest.raises(ModelError, match="neither a model name"):
        load_classifier("resnet9000")
    with pytest.raises(ModelError, match="folder"):
        load_classifier(tmp_path)
