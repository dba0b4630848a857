"""A mistyped first word is a usage error with a suggestion, not a window (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from resnet_studio.cli import COMMAND_MODULES, main
from tests.conftest import save_image


def run_program(*args: str, cwd=None) -> subprocess.CompletedProcess:
    """``python -m resnet_studio ARGS`` as a user runs it. Should a window open after all, the
    offscreen platform and the start-up benchmark's hook close it at once instead of hanging."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RESNET_STUDIO_EXIT_AFTER_SHOW="1")
    return subprocess.run([sys.executable, "-m", "resnet_studio", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


def error_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.strip()]


def test_a_mistyped_command_suggests_the_close_one(tmp_path):
    proc = run_program("clasify", "photo.jpg", cwd=tmp_path)
    assert proc.returncode == 2
    assert error_lines(proc) == ["resnet-studio: error: unknown command 'clasify' (did you mean 'classify'?)"]
    assert "window-shown" not in proc.stdout


def test_a_word_close_to_nothing_lists_the_commands(tmp_path):
    proc = run_program("frobnicate", cwd=tmp_path)
    assert proc.returncode == 2
    (line,) = error_lines(proc)
    assert "unknown command 'frobnicate'" in line
    assert all(name in line for name in COMMAND_MODULES)
    assert "did you mean" not in line


def test_a_missing_file_is_named_as_such(tmp_path):
    proc = run_program("holiday.jpg", cwd=tmp_path)
    assert proc.returncode == 2
    (line,) = error_lines(proc)
    assert "no file or folder named 'holiday.jpg'" in line


def test_a_mistyped_option_suggests_self_test(tmp_path):
    proc = run_program("--self-tset", cwd=tmp_path)
    assert proc.returncode == 2
    assert error_lines(proc) == ["resnet-studio: error: unknown option '--self-tset' (did you mean '--self-test'?)"]


def test_an_existing_picture_still_opens_the_app(tmp_path):
    save_image(tmp_path / "clasify", size=(16, 16), fmt="PNG")  # a file may be named like a typo
    proc = run_program("clasify", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "window-shown" in proc.stdout


def test_qt_options_still_reach_the_window(tmp_path):
    proc = run_program("-platform", "offscreen", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "window-shown" in proc.stdout


def test_help_lists_self_test(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--self-test" in out.split("options:", 1)[-1]  # an option of its own, not only the blurb
