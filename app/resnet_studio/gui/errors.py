"""Showing errors: a readable sentence, with the technical text under a "Details" expander.

Never a traceback dialog: ``StudioError`` messages are written for non-coders; anything else gets a
generic sentence and its traceback goes under Details (and to stderr).
"""

from __future__ import annotations

import functools
import re
import sys
import traceback

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from .engine_messages import MORE_ENGINE_MESSAGES


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
    # issue 13: pictures that are documents or need a plugin, model files that cannot be trusted,
    # outputs that are not numbers, one training per output file
    QT_TRANSLATE_NOOP("EngineMessages",
                      "This is a PostScript or PDF document, not a picture. ResNet Studio does not open "
                      "documents, because opening them can run programs."),
    QT_TRANSLATE_NOOP("EngineMessages", "This is a HEIC photo, and this copy of ResNet Studio cannot read HEIC photos."),
    QT_TRANSLATE_NOOP("EngineMessages", "This is a camera RAW picture, and this copy of ResNet Studio cannot read RAW pictures."),
    QT_TRANSLATE_NOOP("EngineMessages", "This camera RAW file is of a kind ResNet Studio cannot read."),
    QT_TRANSLATE_NOOP("EngineMessages", "This file is far too big to be a picture."),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "This model gives no usable answer (its outputs are not numbers). The model file may be "
                      "damaged."),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "Another training is saving to this model file right now. Choose another name, or wait for "
                      "it to finish."),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "Training was cancelled, so the model file you already had was left as it was; the best "
                      "model of this training is saved beside it."),
    QT_TRANSLATE_NOOP("EngineMessages", "The model file changed while it was being read. Try again when it has finished copying."),
    QT_TRANSLATE_NOOP("EngineMessages", "This is not a normal file (it is a device or a pipe), not a model file."),
    QT_TRANSLATE_NOOP("EngineMessages", "This file is too large to be a ResNet model file (more than 1 GB)."),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "This file unpacks to more than 1 GB, far more than any ResNet model: it is damaged, or it "
                      "is not a model file."),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "This is a TorchScript export, made for other programs; ResNet Studio opens its own "
                      ".safetensors model files or a plain PyTorch .pth state dict. Use the original "
                      ".safetensors file."),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "This is an ONNX export, made for other programs; ResNet Studio opens its own .safetensors "
                      "model files or a plain PyTorch .pth state dict. Use the original .safetensors file."),
    QT_TRANSLATE_NOOP("EngineMessages", "This model file is damaged: its model information cannot be read."),
    QT_TRANSLATE_NOOP("EngineMessages", "This model file is damaged: its architecture is missing or is not a name."),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "This model file is damaged: its list of categories is missing, empty or not a list of "
                      "names."),
    QT_TRANSLATE_NOOP("EngineMessages", "This model file lists more than 100,000 categories, which no ResNet Studio model has."),
    QT_TRANSLATE_NOOP("EngineMessages", "This model file is damaged: one of its category names is empty or far too long."),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "This model file is damaged: its picture sizes are missing or out of range (8 to 2048 "
                      "pixels)."),
    QT_TRANSLATE_NOOP("EngineMessages", "This model file is damaged: its colour normalisation values cannot be used."),
    QT_TRANSLATE_NOOP("EngineMessages", "This model file is damaged: its training details cannot be read."),
    QT_TRANSLATE_NOOP("EngineMessages", "This model file is damaged: some of its weights are not numbers (NaN or infinite)."),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "This model file is damaged: some of its weights have impossible values (a negative "
                      "variance)."),
    QT_TRANSLATE_NOOP("EngineMessages", "This model file is damaged: some of its weights are not stored as numbers a model can use."),
    QT_TRANSLATE_NOOP("EngineMessages", "This model file is damaged and cannot be used."),
) + MORE_ENGINE_MESSAGES  # templates ("…{name}…") and the rest of the engine's sentences


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@functools.lru_cache(maxsize=1)
def _templates() -> tuple[frozenset[str], tuple[tuple[re.Pattern, str], ...]]:
    """The fixed sentences, and each template ("…{name}…") as a pattern that finds its arguments
    in the English sentence the engine made (messages cross threads and files as plain text)."""
    fixed, patterns = set(), []
    for entry in ENGINE_MESSAGES:
        if not _PLACEHOLDER.search(entry):
            fixed.add(entry)
            continue
        regex, seen, last = "", set(), 0
        for m in _PLACEHOLDER.finditer(entry):
            regex += re.escape(entry[last:m.start()])
            name = m.group(1)
            regex += f"(?P={name})" if name in seen else f"(?P<{name}>.*?)"
            seen.add(name)
            last = m.end()
        regex += re.escape(entry[last:])
        patterns.append((re.compile(regex, re.S), entry))
    # the longest literal text first: "…too large ({width} × {height} pixels)…" before "…too large{size}…"
    patterns.sort(key=lambda p: -len(_PLACEHOLDER.sub("", p[1])))
    return frozenset(fixed), tuple(patterns)


@functools.lru_cache(maxsize=2048)
def _match(text: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    fixed, patterns = _templates()
    if text in fixed:
        return text, ()
    for pattern, entry in patterns:
        m = pattern.fullmatch(text)
        if m:
            return entry, tuple(m.groupdict().items())
    return None


def translate_engine_message(text: str, _depth: int = 0) -> str:
    """The user's language for the engine's messages: a fixed sentence, or a template of the
    catalogue whose arguments (file names, numbers) are put into its translation. An argument
    that is itself a catalogue sentence is translated too; other text is returned as it is."""
    if not text:
        return text
    found = _match(text)
    if found is None:
        return text
    entry, args = found
    translated = QCoreApplication.translate("EngineMessages", entry)
    if not args:
        return translated
    values = {k: translate_engine_message(v, _depth + 1) if _depth < 2 else v for k, v in args}
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost or mangled an argument
        return text


class EngineText:
    """An engine message that says itself in the current language each time it becomes a string
    (a banner keeps one and shows it again after a language switch)."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __str__(self) -> str:
        return translate_engine_message(self.message)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EngineText) and other.message == self.message

    def __repr__(self) -> str:
        return f"EngineText({self.message!r})"


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
