"""atomic_write / atomic_replace_from: all or nothing, readable messages when the disk says no."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

from resnet_studio.engine import fileio
from resnet_studio.engine.errors import OutputWriteError
from resnet_studio.engine.fileio import atomic_replace_from, atomic_write, describe_os_error


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_atomic_write_writes(tmp_path):
    target = tmp_path / "results.csv"
    with atomic_write(target, "w", encoding="utf-8", newline="") as fh:
        fh.write("path,label\n猫.jpg,cat\n")
    assert target.read_text(encoding="utf-8") == "path,label\n猫.jpg,cat\n"
    assert _names(tmp_path) == ["results.csv"]


def test_exception_in_writer_leaves_target_intact(tmp_path):
    target = tmp_path / "results.csv"
    target.write_text("old")
    with pytest.raises(ValueError, match="boom"):
        with atomic_write(target, "w") as fh:
            fh.write("new, half written")
            raise ValueError("boom")
    assert target.read_text() == "old"
    assert _names(tmp_path) == ["results.csv"]


def test_keyboard_interrupt_also_cleans_up(tmp_path):
    target = tmp_path / "out.bin"
    with pytest.raises(KeyboardInterrupt):
        with atomic_write(target) as fh:
            fh.write(b"x")
            raise KeyboardInterrupt
    assert _names(tmp_path) == []


def test_disk_full_becomes_a_readable_error(tmp_path):
    target = tmp_path / "model.safetensors"
    target.write_bytes(b"previous model")
    with pytest.raises(OutputWriteError) as info:
        with atomic_write(target) as fh:
            fh.write(b"partial")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert str(info.value) == "Could not save model.safetensors: the disk is full."
    assert "ENOSPC" in info.value.details or "No space" in info.value.details
    assert target.read_bytes() == b"previous model"
    assert _names(tmp_path) == ["model.safetensors"]


def test_failing_rename_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.csv"
    target.write_text("old")

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(OutputWriteError, match="disk is full"):
        with atomic_write(target, "w") as fh:
            fh.write("new")
    assert target.read_text() == "old"
    assert _names(tmp_path) == ["a.csv"]


@pytest.mark.parametrize(
    "code, words",
    [
        (errno.EROFS, "read-only disk"),
        (errno.EACCES, "permission"),
        (errno.EPERM, "permission"),
    ],
)
def test_read_only_folder(tmp_path, monkeypatch, code, words):
    # Tests run as root, where chmod does not stop writing: simulate what the OS answers.
    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputWriteError, match=words):
        with atomic_write(tmp_path / "x.csv", "w") as fh:
            fh.write("never")
    with pytest.raises(OutputWriteError, match=words):
        atomic_replace_from(lambda p: p.write_text("never"), tmp_path / "y.onnx")
    assert _names(tmp_path) == []


def test_missing_folder(tmp_path):
    with pytest.raises(OutputWriteError, match="folder does not exist"):
        with atomic_write(tmp_path / "no" / "such" / "x.csv", "w") as fh:
            fh.write("x")


def test_name_too_long(tmp_path):
    with pytest.raises(OutputWriteError, match="too long"):
        with atomic_write(tmp_path / ("x" * 300 + ".csv"), "w") as fh:
            fh.write("x")


def test_unknown_errno_uses_the_system_text():
    assert describe_os_error(OSError(errno.EIO, "Input/output error")) == "Input/output error"


def test_new_files_get_normal_permissions_not_private(tmp_path):
    target = tmp_path / "shared.csv"
    with atomic_write(target, "w") as fh:
        fh.write("x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_overwrite_keeps_existing_permissions(tmp_path):
    target = tmp_path / "script.sh"
    target.write_text("old")
    os.chmod(target, 0o640)
    with atomic_write(target, "w") as fh:
        fh.write("new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_atomic_replace_from(tmp_path):
    target = tmp_path / "model.onnx"
    target.write_bytes(b"old")
    atomic_replace_from(lambda p: Path(p).write_bytes(b"new graph"), target)
    assert target.read_bytes() == b"new graph"
    assert _names(tmp_path) == ["model.onnx"]

    def broken_writer(p):
        Path(p).write_bytes(b"half")
        raise RuntimeError("exporter crashed")

    with pytest.raises(RuntimeError, match="exporter crashed"):
        atomic_replace_from(broken_writer, target)
    assert target.read_bytes() == b"new graph"
    assert _names(tmp_path) == ["model.onnx"]


def test_atomic_replace_from_disk_full(tmp_path):
    target = tmp_path / "model.onnx"

    def full(p):
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputWriteError, match="Could not save model.onnx: the disk is full"):
        atomic_replace_from(full, target)
    assert _names(tmp_path) == []


def test_write_error_message():
    err = fileio.write_error("/x/y/report.csv", PermissionError(errno.EACCES, "Permission denied"))
    assert isinstance(err, OutputWriteError)
    assert str(err) == "Could not save report.csv: you do not have permission to write there."
