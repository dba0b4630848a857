"""Fixtures for driving the real main window offscreen (pytest-qt's ``qtbot``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.conftest import save_image

pytestmark = pytest.mark.gui


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp):
    """What the app installs at start in English: the catalogue of "%n" forms ("1 epoch", "2
    epochs"). Widgets made without a window would otherwise say "1 epochs"."""
    from PySide6.QtCore import QTranslator

    from resnet_studio.gui.i18n import translations_dir

    plurals = QTranslator(qapp)
    if plurals.load("resnet_studio_en", str(translations_dir())):
        qapp.installTranslator(plurals)
    yield plurals
    qapp.removeTranslator(plurals)


@pytest.fixture
def photos(tmp_path):
    """Factory: ``photos(n, folder="photos")`` → folder of ``n`` tiny JPEGs (different seeds)."""

    def make(n: int = 3, folder: str = "photos", size=(48, 40)) -> list:
        return [save_image(tmp_path / folder / f"photo_{i:02d}.jpg", size=size, seed=i) for i in range(n)]

    return make


@pytest.fixture
def make_window(qtbot, fake_imagenet_weights, monkeypatch):
    """Factory for a started :class:`MainWindow` (PyTorch backend: no ONNX export in tests).

    Closing never blocks on the "stop and quit?" question (answered Yes), and teardown checks the
    inference thread really stopped.
    """
    from resnet_studio.gui.i18n import LanguageManager
    from resnet_studio.gui.main_window import MainWindow
    from resnet_studio.gui.settings import Settings

    monkeypatch.setattr(MainWindow, "confirm_stop_jobs", lambda self: True)
    windows = []

    def make(*, weights: bool = True, wait_model: bool = True, load_train_view: bool = False):
        if weights:
            fake_imagenet_weights("resnet18")
        w = MainWindow(Settings(), LanguageManager(), backend="torch", load_train_view=load_train_view)
        qtbot.addWidget(w)
        w.show()
        w.start()
        if wait_model:
            qtbot.waitUntil(lambda: w.classify._model_state in ("ready", "failed"), timeout=60000)
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()
        assert not w.client._thread.isRunning(), "the inference thread must be stopped when the window closes"


def wait_idle(qtbot, view, timeout: int = 60000) -> None:
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=timeout)


def drop_paths(widget, paths, *, to_url: Callable[[object], QUrl] | None = None) -> None:
    """Drag ``paths`` over ``widget`` and drop them, as a file manager would. ``to_url`` makes each
    path's URL (default ``QUrl.fromLocalFile``)."""
    to_url = to_url or (lambda p: QUrl.fromLocalFile(str(p)))
    mime = QMimeData()
    mime.setUrls([to_url(p) for p in paths])
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def open_folder(qtbot, view, folder: Path, timeout: int = 60000) -> None:
    """Point the Train view at ``folder`` and wait for its scan to end."""
    view.set_dataset_folder(str(folder))
    qtbot.waitUntil(lambda: not view.dataset.is_scanning(), timeout=timeout)


def start_training(qtbot, view, config: dict, timeout: int = 60000) -> None:
    """Set the Train view's settings to ``config`` and press Start once it is enabled."""
    view.settings.set_config(config)
    qtbot.waitUntil(view.start_button.isEnabled, timeout=timeout)
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert view.is_busy()
