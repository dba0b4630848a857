"""A damaged file in the model library is listed as damaged and never breaks the listing (one such
file made ``list_models`` raise, so the window's start-up broke)."""

from __future__ import annotations

import json
import shutil
import struct
import warnings
from pathlib import Path

import pytest

from resnet_studio.engine.library import list_models
from tests.helpers import save_random_model
from tests.test_model_file_validation import TORCHSCRIPT, _header, _set, _write, with_metadata, with_metadata_text

CLASSES = ["circle", "square", "triangle"]


def _deep_metadata(good: Path, dest: Path) -> Path:
    d = json.loads(_header(good)[0]["__metadata__"]["resnet_studio"])
    d["training"] = "@@@"
    return with_metadata_text(good, dest, json.dumps(d).replace('"@@@"', "[" * 50_000 + "]" * 50_000))


def _deep_header(good: Path, dest: Path) -> Path:
    return _write(dest, b'{"a":' + b"[" * 100_000 + b"]" * 100_000 + b"}", _header(good)[1])


def _torchscript(good: Path, dest: Path) -> Path:
    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.jit.save(torch.jit.script(torch.nn.Linear(2, 2)), str(dest))
    return dest


BROKEN = {
    "arch is a list": lambda g, d: with_metadata(g, d, _set("arch", ["resnet18"])),
    "arch is a table": lambda g, d: with_metadata(g, d, _set("arch", {"a": 1})),
    "deeply nested metadata": _deep_metadata,
    "deeply nested header": _deep_header,
    "crop 0": lambda g, d: with_metadata(g, d, _set("preprocess.crop_size", 0)),
    "std 0": lambda g, d: with_metadata(g, d, _set("preprocess.std", [0, 0, 0])),
    "created is a number": lambda g, d: with_metadata(g, d, _set("created", 5)),
    "per_class is a table": lambda g, d: with_metadata(g, d, _set("metrics.per_class", {"a": 1})),
    "name is a list": lambda g, d: with_metadata(g, d, _set("name", ["x"])),
    "metadata is not JSON": lambda g, d: with_metadata_text(g, d, "{not json"),
    "empty file": lambda g, d: d.write_bytes(b"") or d,
    "truncated": lambda g, d: d.write_bytes(g.read_bytes()[:5000]) or d,
    "random bytes": lambda g, d: d.write_bytes(bytes(range(256)) * 40) or d,
    "header length 2**62": lambda g, d: d.write_bytes(struct.pack("<Q", 2**62) + b"{}") or d,
    "torchscript renamed": _torchscript,
}
#: Damage that only the metadata shows, which the listing's header-only read must catch itself.
SCHEMA_CASES = {"arch is a list", "arch is a table", "deeply nested metadata", "crop 0", "std 0",
                "created is a number", "per_class is a table", "name is a list"}


@pytest.fixture
def library(tmp_path) -> tuple[Path, Path]:
    folder = tmp_path / "library"
    folder.mkdir()
    # A diverged training records a NaN loss: still a usable model, not a damaged one.
    good = save_random_model(folder / "good.safetensors", CLASSES, image_size=32, name="Good",
                             metrics={"val_accuracy": 0.5, "val_loss": float("nan")})
    src = tmp_path / "src.safetensors"
    shutil.copy(good, src)
    for i, (case, make) in enumerate(BROKEN.items()):
        make(src, folder / f"broken-{i:02d}.safetensors")
    return folder, good


def test_every_kind_of_damaged_file_is_listed_beside_a_good_one(library):
    folder, good = library
    entries = list_models(folder)
    assert len(entries) == 1 + len(BROKEN)
    by_path = {e.path.name: e for e in entries}
    assert by_path["good.safetensors"].ok and by_path["good.safetensors"].name == "Good"
    for i, case in enumerate(BROKEN):
        e = by_path[f"broken-{i:02d}.safetensors"]
        assert not e.ok and e.info is None, case
        assert isinstance(e.error, str) and e.error and "\n" not in e.error, case
        assert e.name == f"broken-{i:02d}", case  # a damaged entry still has a name to show
    for i, case in enumerate(BROKEN):
        if case in SCHEMA_CASES:
            assert by_path[f"broken-{i:02d}.safetensors"].error.startswith("This model file is damaged"), case
    torchscript = by_path[f"broken-{list(BROKEN).index('torchscript renamed'):02d}.safetensors"]
    assert torchscript.error == TORCHSCRIPT


@pytest.mark.gui
def test_models_view_and_picker_show_damaged_entries(library, qtbot):
    """The Models view lists and selects every entry; the picker offers only the usable one."""
    from resnet_studio.gui.models_view import ModelsView
    from resnet_studio.gui.settings import Settings
    from resnet_studio.gui.widgets.model_picker import ModelPicker

    folder, good = library
    entries = list_models(folder)
    view = ModelsView(Settings())
    qtbot.addWidget(view)
    view._request_summary = lambda spec: None  # the layer summary is a background job: not needed here
    view.show_models(entries)
    assert sorted(view.trained_names()) == sorted(e.name for e in entries)
    for e in entries:
        assert view.select_spec(str(e.path))
        view._show_selected()

    picker = ModelPicker()
    qtbot.addWidget(picker)
    picker.set_trained_models([(str(e.path), e.name, e.info.num_classes) for e in entries if e.ok])
    picker.populate()
    assert str(good) in picker.specs()
    assert not any(str(e.path) in picker.specs() for e in entries if not e.ok)
