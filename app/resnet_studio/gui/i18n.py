"""Languages: English (the source strings) and Simplified Chinese, switchable while running.

Every user-visible string goes through ``self.tr()`` / ``QCoreApplication.translate()``; the
translations live in ``resources/translations/resnet_studio_<code>.ts`` (compiled to ``.qm`` with
``pyside6-lrelease``). Switching installs a new ``QTranslator``; Qt then sends every widget a
``LanguageChange`` event and each view re-reads its texts in ``retranslate_ui()``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

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


# Qt 6 renamed these labels of its own (non-native) file dialog to "&Look in:" / "Files of &type:",
# and qtbase_zh_CN.qm still translates only the old "Look in:": listed here so our catalogue, which
# is asked before Qt's, fills the gap.
QT_CATALOGUE_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


class Translatable:
    """A text kept in its source language with its arguments, said in the current language each
    time it is turned into a string: a widget that stores one can say it again after the user
    switches language (a translated string would stay in the old language).

    Build it with ``Translatable.translate(context, source)`` (lupdate collects that call) and add
    arguments with :meth:`format`; an argument may itself be a ``Translatable`` (or anything whose
    ``str()`` is in the user's language).
    """

    def __init__(self, context: str, source: str, disambiguation: str | None = None, n: int = -1,
                 args: dict | None = None) -> None:
        self.context, self.source, self.disambiguation, self.n = context, source, disambiguation, n
        self.args = dict(args or {})

    @classmethod
    def translate(cls, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> "Translatable":
        return cls(context, source, disambiguation, n)

    def format(self, **args: object) -> "Translatable":
        return Translatable(self.context, self.source, self.disambiguation, self.n, {**self.args, **args})

    def __str__(self) -> str:
        text = QCoreApplication.translate(self.context, self.source, self.disambiguation, self.n)
        return text.format(**{k: str(v) for k, v in self.args.items()}) if self.args else text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Translatable) and (self.context, self.source, self.n, self.args) == (
            other.context, other.source, other.n, other.args)

    def __repr__(self) -> str:
        return f"Translatable({self.context!r}, {self.source!r}, n={self.n}, args={self.args!r})"


def resolve_language(preference: str) -> str:
    codes = {code for code, _ in LANGUAGES}
    return preference if preference in codes else system_language()


class LanguageManager:
    """Installs the app's and Qt's own translators (Qt's covers standard dialog buttons and the file
    dialog). English needs a catalogue too: ``resnet_studio_en`` holds the singular and plural forms
    of the ``%n`` messages ("1 epoch", "2 epochs"), which the source text alone cannot give."""

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
            plurals = QTranslator(app)
            if plurals.load(f"resnet_studio_{code}", str(translations_dir())):  # missing: "1 epochs"
                app.installTranslator(plurals)
                self._installed.append(plurals)
            return True
        ours = QTranslator(app)
        if not ours.load(f"resnet_studio_{code}", str(translations_dir())):
            return False
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_own = QTranslator(app)
        # qt_<code> also pulls in the Qt modules' catalogues beside qtbase (multimedia: the camera)
        if qt_own.load(f"qt_{code}", qt_dir) or qt_own.load(f"qtbase_{code}", qt_dir):
            app.installTranslator(qt_own)
            self._installed.append(qt_own)
        app.installTranslator(ours)
        self._installed.append(ours)
        QLocale.setDefault(QLocale(code))
        self.current = code
        return True
