"""The Camera tab without its system library: plain words, the technical part under Details (issue 15)."""

from __future__ import annotations

import pytest

from resnet_studio.gui import frame_sources
from resnet_studio.gui.frame_sources import CameraSource, FakeFrameSource
from resnet_studio.gui.webcam_view import WebcamView

pytestmark = pytest.mark.gui

LIBPULSE_MISSING = ImportError("libpulse.so.0: cannot open shared object file: No such file or directory")


@pytest.fixture
def view(qtbot):
    made = []

    def make(source) -> WebcamView:
        v = WebcamView(source=source, backend="torch")
        qtbot.addWidget(v)
        v.resize(640, 480)
        v.show()
        made.append(v)
        return v

    yield make
    for v in made:
        assert v.shutdown(30000)


def test_missing_libpulse_is_said_in_plain_words(view, monkeypatch):
    monkeypatch.setattr(frame_sources, "load_multimedia", lambda: (None, LIBPULSE_MISSING))
    v = view(CameraSource())
    message = v.message()
    assert "library that is missing on this computer" in message
    for technical in ("apt", "sudo", "libpulse", "PulseAudio", ".so"):
        assert technical not in message
    assert not v.details_text.isVisible()  # folded until asked for
    v.details_button.click()
    assert v.details_text.isVisible()
    details = v.details()
    assert "sudo apt install libpulse0" in details and "libpulse.so.0" in details
    assert "cannot open shared object file" in details  # Python's own words, for whoever helps


def test_camera_support_not_installed_has_details_too(view, monkeypatch):
    monkeypatch.setattr(frame_sources, "load_multimedia",
                        lambda: (None, ModuleNotFoundError("No module named 'PySide6.QtMultimedia'")))
    v = view(CameraSource())
    assert "installed without camera support" in v.message() and "PySide6" not in v.message()
    assert "PySide6-Addons" in v.details()


def test_no_details_expander_for_a_working_camera(view):
    v = view(FakeFrameSource())
    assert v.details() == ""
    assert not v.details_button.isVisible()
