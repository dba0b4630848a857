"""The Classify view's intake: what the user drops, pastes or opens, turned into paths or an image.

``Intake`` asks nothing of the engine: it finds local paths in dropped or pasted data (or asks
with a file dialog), remembers the folder in the settings, and hands the paths (or a pasted
picture) to the view's ``classify_paths`` / ``classify_image``.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlparse

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog

from ..widgets.drop_zone import local_path

translate = QCoreApplication.translate  # texts keep the "ClassifyView" context of the .ts file

IMAGE_FILTER_EXTS = "*.jpg *.jpeg *.jpe *.jfif *.png *.webp *.bmp *.dib *.tif *.tiff *.gif"


def paths_from_mime(mime) -> list[str]:
    """Local file paths in dropped or pasted data (URLs, or text with one path per line)."""
    paths: list[str] = []
    if mime.hasUrls():
        paths = [p for p in (local_path(u) for u in mime.urls()) if p]
    elif mime.hasText():
        for line in mime.text().splitlines():
            s = line.strip().strip('"').strip("'")
            if s.startswith("file://"):
                s = unquote(urlparse(s).path)
            if s and os.path.exists(s):
                paths.append(s)
    return paths


class Intake(QObject):
    """Open photos / a folder, paste, and drag and drop, for ``view`` (a ``ClassifyView``)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view

    def open_files(self, files: list[str] | None = None) -> None:
        v = self.view
        if files is None:
            files, _ = QFileDialog.getOpenFileNames(
                v, translate("ClassifyView", "Open photos"), v.settings.last_dir,
                translate("ClassifyView", "Images ({exts});;All files (*)").format(exts=IMAGE_FILTER_EXTS))
        if files:
            v.settings.last_dir = os.path.dirname(files[0])
            v.classify_paths(files)

    def open_folder(self, folder: str | None = None) -> None:
        v = self.view
        if folder is None:
            folder = QFileDialog.getExistingDirectory(v, translate("ClassifyView", "Open a folder of photos"),
                                                      v.settings.last_dir)
        if folder:
            v.settings.last_dir = folder
            v.classify_paths([folder])

    def paste(self) -> None:
        v = self.view
        mime = QGuiApplication.clipboard().mimeData()
        paths = paths_from_mime(mime) if mime is not None else []
        if paths:
            v.classify_paths(paths)
        elif mime is not None and mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                v.classify_image(image)
        else:
            v.status_message.emit(translate("ClassifyView", "The clipboard holds no image and no file paths."), 4000)

    # -- drag and drop (the view's event handlers call these) -------------------------------
    def drag_enter(self, event) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasImage():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.view.drop_zone.set_active(True)
        else:
            event.ignore()

    def drag_move(self, event) -> None:
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def drag_leave(self, event) -> None:
        self.view.drop_zone.set_active(False)

    def drop(self, event) -> None:
        v = self.view
        v.drop_zone.set_active(False)
        mime = event.mimeData()
        paths = paths_from_mime(mime)
        if paths:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            v.classify_paths(paths)
        elif mime.hasImage():
            event.accept()
            v.classify_image(QImage(mime.imageData()))
        else:
            event.ignore()
