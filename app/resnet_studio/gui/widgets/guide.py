"""Help → Guide (F1): a short guide shipped with the app, shown offline in the UI's language.

The pages are plain HTML in ``resources/help/guide_<language>.html``; links inside them are anchors
on the same page, which ``QTextBrowser`` follows by itself (no browser, no network).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..i18n import DEFAULT_LANGUAGE, resources_dir


def help_dir() -> Path:
    return resources_dir() / "help"


def guide_path(language: str) -> Path:
    """The guide in ``language`` ("zh_CN", or just "zh"), or the English one when there is none."""
    for name in (language, language.split("_")[0]):
        path = help_dir() / f"guide_{name}.html"
        if name and path.is_file():
            return path
    return help_dir() / f"guide_{DEFAULT_LANGUAGE}.html"


def ui_language() -> str:
    """The language the window is shown in now (the translation installed last sets the default
    locale, see ``LanguageManager.apply``)."""
    return QLocale().name()


class GuideDialog(QDialog):
    """A non-modal window with the guide; ``set_language`` switches the page."""

    def __init__(self, language: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.resize(640, 560)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(False)  # the guide is offline: only its own anchors
        self.browser.setSearchPaths([str(help_dir())])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.language = ""
        self.set_language(language)

    def set_language(self, language: str = "") -> None:
        """Show the guide in ``language`` (default: the UI's)."""
        self.language = language or ui_language()
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path(self.language))))
        self.setWindowTitle(self.tr("ResNet Studio guide"))

    def text(self) -> str:
        return self.browser.toPlainText()
