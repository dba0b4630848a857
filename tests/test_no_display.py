"""No screen: one plain sentence and exit code 2, never Qt's abort (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resnet_studio.gui.app import display_missing

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland display variables")


def start_app(env_changes: dict[str, str | None], *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, RESNET_STUDIO_EXIT_AFTER_SHOW="1")  # should a window open, close it
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run([sys.executable, "-m", "resnet_studio", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def assert_says_no_screen(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("ResNet Studio needs a screen to show its window: no display was found.")
    assert "resnet-studio classify" in lines[0]
    assert "Reinstalling" not in proc.stderr and "platform plugin" not in proc.stderr


def unused_x_display() -> str:
    n = 99
    while Path(f"/tmp/.X11-unix/X{n}").exists():
        n += 1
    return f":{n}"


@linux_only
def test_no_display_variables_at_all(tmp_path):
    picture = tmp_path / "photo.jpg"
    picture.write_bytes(b"")
    proc = start_app({"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None}, str(picture))
    assert_says_no_screen(proc)


@linux_only
def test_a_display_that_points_nowhere_is_caught_inside_qt():
    # DISPLAY is set, so only Qt's own attempt can find out: the guard around the QApplication
    # constructor must turn its fatal error into the sentence.
    proc = start_app({"DISPLAY": unused_x_display(), "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": "xcb"})
    assert_says_no_screen(proc)


@linux_only
def test_a_dead_wayland_socket_is_no_display(tmp_path):
    proc = start_app({"DISPLAY": None, "WAYLAND_DISPLAY": "wayland-gone", "XDG_RUNTIME_DIR": str(tmp_path),
                      "QT_QPA_PLATFORM": "wayland"})
    assert_says_no_screen(proc)


def test_offscreen_still_opens_the_window():
    proc = start_app({"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr
    assert "window-shown" in proc.stdout


@pytest.mark.parametrize(("argv", "environ", "platform", "missing"), [
    ([], {}, "linux", True),
    ([], {"DISPLAY": ":0"}, "linux", False),
    ([], {"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ([], {"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ([], {"QT_QPA_PLATFORM": "xcb;offscreen"}, "linux", False),  # Qt falls back to offscreen
    ([], {"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
    ([], {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux", True),
    (["-platform", "vnc"], {}, "linux", False),
    (["-platform", "xcb"], {"QT_QPA_PLATFORM": "offscreen"}, "linux", True),  # the argument wins, as in Qt
    ([], {}, "darwin", False),
    ([], {}, "win32", False),
])
def test_which_environments_have_no_display(argv, environ, platform, missing):
    assert display_missing(argv, environ, platform) is missing
