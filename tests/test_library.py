"""engine/library.py: the user's trained models, listed from headers, renamed, deleted, restored."""

from __future__ import annotations

import subprocess
import sys

import pytest

from resnet_studio.engine import library
from resnet_studio.engine.errors import ModelFileError
from resnet_studio.engine.modelfile import load_model_file
from resnet_studio.engine.paths import trained_models_dir
from tests.helpers import save_random_model


def _model(name="Leaves", classes=("healthy", "rust"), folder=None):
    folder = folder or trained_models_dir()
    return save_random_model(folder / f"{library.safe_file_stem(name)}.safetensors", classes, seed=None,
                             name=name, metrics={"val_accuracy": 0.5})


def test_list_models_reads_headers_and_reports_damaged_files():
    good = _model("Leaves")
    (trained_models_dir() / "broken.safetensors").write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{not json}")
    (trained_models_dir() / "notes.txt").write_text("ignored")
    entries = {e.path.name: e for e in library.list_models()}
    assert set(entries) == {good.name, "broken.safetensors"}
    assert entries[good.name].ok and entries[good.name].info.classes == ["healthy", "rust"]
    assert entries[good.name].name == "Leaves"
    assert not entries["broken.safetensors"].ok and "damaged" in entries["broken.safetensors"].error


def test_listing_does_not_import_torch(tmp_path):
    _model("Leaves")
    code = ("import sys; from resnet_studio.engine.library import list_models; "
            "e = list_models(); print(len(e), e[0].info.num_classes, 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["1", "2", "False"], out.stderr


def test_rename_keeps_the_weights_and_renames_the_file():
    p = _model("Leaves")
    _, before = load_model_file(p)
    new = library.rename_model(p, "  Blätter   und 叶子 ")
    assert new.name == "Blätter und 叶子.safetensors" and not p.exists()
    info, after = load_model_file(new)  # still a valid safetensors file for the real loader
    assert info.name == "Blätter und 叶子" and info.metrics == {"val_accuracy": 0.5}
    assert before.keys() == after.keys()
    assert all((before[k] == after[k]).all() for k in before)


def test_rename_to_a_taken_name_gets_a_unique_file_and_empty_names_are_refused():
    a, b = _model("A"), _model("B")
    new = library.rename_model(b, "A")
    assert new.name == "A (2).safetensors" and a.exists()
    assert library.read_info(new).name == "A"
    with pytest.raises(ModelFileError, match="empty"):
        library.rename_model(a, "   ")
    assert library.rename_model(a, "A") == a  # same name: same file


def test_delete_and_restore():
    p = _model("Leaves")
    ticket = library.delete_model(p)
    assert not p.exists() and ticket.trashed.exists()
    assert library.list_models() == []
    assert library.restore_model(ticket) == p
    assert [e.name for e in library.list_models()] == ["Leaves"]
    # restoring when the old name is taken again picks a free name
    t2 = library.delete_model(p)
    _model("Leaves")
    restored = library.restore_model(t2)
    assert restored.name == "Leaves (2).safetensors"
    t3 = library.delete_model(restored)
    assert library.empty_trash() == 1
    with pytest.raises(ModelFileError, match="can no longer be restored"):
        library.restore_model(t3)


def test_import_copies_model_files_and_converts_pth(tmp_path):
    import torch

    from resnet_studio.engine.zoo import build_model

    outside = _model("Outside", folder=tmp_path)
    dest = library.import_model_file(outside)
    assert dest.parent == trained_models_dir() and outside.exists()
    assert library.read_info(dest).name == "Outside"
    renamed = library.import_model_file(outside, name="Second copy")
    assert library.read_info(renamed).name == "Second copy"

    pth = tmp_path / "my_resnet.pth"
    torch.save(build_model("resnet18", num_classes=4).state_dict(), pth)
    converted = library.import_model_file(pth)
    info = library.read_info(converted)
    assert info.arch == "resnet18" and info.num_classes == 4 and converted.suffix == ".safetensors"

    junk = tmp_path / "junk.safetensors"
    junk.write_bytes(b"\x00" * 3)
    with pytest.raises(ModelFileError):
        library.import_model_file(junk)
    assert len(library.list_models()) == 3


def test_safe_file_stem():
    assert library.safe_file_stem('a/b\\c:d*e?"f<g>h|i') == "a_b_c_d_e__f_g_h_i"
    assert library.safe_file_stem("  花 卉  ") == "花 卉"
    assert library.safe_file_stem("...") == "model"
    assert len(library.safe_file_stem("x" * 300)) == 80
