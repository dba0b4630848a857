"""Showing errors: a readable sentence, with the technical text under a "Details" expander.

Never a traceback dialog: ``StudioError`` messages are written for non-coders; anything else gets a
generic sentence and its traceback goes under Details (and to stderr).
"""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


# The engine's fixed per-file messages (engine/images.py, engine/predict.py), listed here so
# lupdate collects them: a file's error card can then be read in the user's language.
ENGINE_MESSAGES = (
    QT_TRANSLATE_NOOP("EngineMessages", "This file could not be read."),
    QT_TRANSLATE_NOOP("EngineMessages", "This file is damaged and could not be decoded."),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "This file is damaged: it ends early (it may not have finished copying or downloading)."),
    QT_TRANSLATE_NOOP("EngineMessages", "This file is empty (0 bytes)."),
    QT_TRANSLATE_NOOP("EngineMessages", "This file is not an image ResNet Studio can read (or it is badly damaged)."),
    QT_TRANSLATE_NOOP("EngineMessages", "This file no longer exists (it was moved or deleted)."),
    QT_TRANSLATE_NOOP("EngineMessages", "This image is too large to open with the memory available."),
    QT_TRANSLATE_NOOP("EngineMessages", "This is a folder, not an image."),
    QT_TRANSLATE_NOOP("EngineMessages", "This is a link that points to itself, not an image."),
    QT_TRANSLATE_NOOP("EngineMessages", "This is a link to a file that no longer exists."),
    QT_TRANSLATE_NOOP("EngineMessages", "This is not a normal file (it is a device or a pipe), not an image."),
    QT_TRANSLATE_NOOP("EngineMessages", "You do not have permission to open this file."),
    # engine/job_process.py: the helper process a training run was in ended unexpectedly
    QT_TRANSLATE_NOOP("EngineMessages",
                      "The background process that ran this job stopped unexpectedly, perhaps because the computer "
                      "ran out of memory. Try a smaller batch size or image size, or close other programs."),
)


def translate_engine_message(text: str) -> str:
    """The user's language for the engine's fixed messages; other text is returned as it is."""
    return QCoreApplication.translate("EngineMessages", text) if text else text


def describe_exception(exc: BaseException) -> tuple[str, str]:
    """``(message, details)`` for any exception."""
    from ..engine.errors import StudioError

    if isinstance(exc, StudioError):
        return str(exc), exc.details or ""
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("Errors", "The computer ran out of memory. Close other programs or use fewer, smaller images."), ""
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return QCoreApplication.translate("Errors", "Something went wrong inside ResNet Studio. The details below can help us fix it."), details


def error_box(parent: QWidget | None, message: str, details: str = "", *, title: str = "") -> QMessageBox:
    """A warning box with ``message``; ``details`` (if any) sit under Qt's "Show Details..." button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Errors", "ResNet Studio"))
    box.setText(translate_engine_message(message))  # an engine sentence listed above, in the user's language
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("errorBox")
    return box


def show_error(parent: QWidget | None, message: str, details: str = "", *, title: str = "") -> None:
    """Show an error without blocking the caller (the box is window-modal, not an event loop)."""
    box = error_box(parent, message, details, title=title)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def show_exception(parent: QWidget | None, exc: BaseException, *, title: str = "") -> None:
    message, details = describe_exception(exc)
    show_error(parent, message, details, title=title)


def install_excepthook() -> None:
    """Unexpected errors in slots: print them, and tell the user in a readable box."""
    previous = sys.excepthook

    def hook(etype, value, tb):
        previous(etype, value, tb)
        if value is None or isinstance(value, KeyboardInterrupt):
            return
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            value.__traceback__ = tb
            show_exception(QApplication.activeWindow(), value)

    sys.excepthook = hook
