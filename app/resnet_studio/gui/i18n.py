"""Languages: English (the source strings) and Simplified Chinese, switchable while running.

Every user-visible string goes through ``self.tr()`` / ``QCoreApplication.translate()``; the
translations live in ``resources/translations/resnet_studio_<code>.ts`` (compiled to ``.qm`` with
``pyside6-lrelease``). Switching installs a new ``QTranslator``; Qt then sends every widget a
``LanguageChange`` event and each view re-reads its texts in ``retranslate_ui()``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: (code, name shown in the Language menu, always in its own language).
LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("zh_CN", "简体中文"))
DEFAULT_LANGUAGE = "en"


def resources_dir() -> Path:
    """``resources/`` of the repository, or of the bundle in a frozen app."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS) / "resources"  # type: ignore[attr-defined]
    return Path(__file__).resolve().parents[3] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_language() -> str:
    """The language to use when the user never chose one: Chinese for any Chinese locale."""
    for name in QLocale.system().uiLanguages() or [QLocale.system().name()]:
        lowered = name.replace("-", "_").lower()
        if lowered.startswith("zh"):
            return "zh_CN"
        if lowered.startswith("en"):
            return "en"
    return DEFAULT_LANGUAGE


def resolve_language(preference: str) -> str:
    codes = {code for code, _ in LANGUAGES}
    return preference if preference in codes else system_language()


class LanguageManager:
    """Installs the app's and Qt's own translators (Qt's covers standard dialog buttons)."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.current = DEFAULT_LANGUAGE

    def apply(self, code: str) -> bool:
        """Switch to ``code``; returns False (and stays in English) when its file is missing."""
        app = QCoreApplication.instance()
        for t in self._installed:
            app.removeTranslator(t)
        self._installed.clear()
        self.current = DEFAULT_LANGUAGE
        if code == DEFAULT_LANGUAGE:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            return True
        ours = QTranslator(app)
        if not ours.load(f"resnet_studio_{code}", str(translations_dir())):
            return False
        qt_base = QTranslator(app)
        if qt_base.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_base)
            self._installed.append(qt_base)
        app.installTranslator(ours)
        self._installed.append(ours)
        QLocale.setDefault(QLocale(code))
        self.current = code
        return True
