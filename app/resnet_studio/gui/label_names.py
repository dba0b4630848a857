"""ImageNet category names in the user's language.

The engine and every export keep torchvision's English names (stable, machine-readable); only what
the window shows is translated, at paint time, so a label follows a language switch at once. The
names come from ``resources/labels/imagenet_<language>.tsv`` (``index<TAB>english<TAB>name``), read
once, the first time a label is shown in that language. A user's own categories are never
translated: they are shown as the user named them, even if one happens to be called "goldfish".
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QLocale

from .i18n import DEFAULT_LANGUAGE, LANGUAGES, resources_dir


def labels_file(language: str):
    """Where the category names of ``language`` live (the file may not exist)."""
    return resources_dir() / "labels" / f"imagenet_{language}.tsv"


@lru_cache(maxsize=None)
def _names(language: str) -> dict[str, str]:
    """English ImageNet name → name in ``language`` (empty when there is no file for it)."""
    if language == DEFAULT_LANGUAGE:
        return {}
    try:
        text = labels_file(language).read_text(encoding="utf-8")
    except OSError:
        return {}  # a build without the file shows the English names rather than failing
    names = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[2].strip():
            names[parts[1]] = parts[2].strip()
    return names


def display_label(label: str, language: str) -> str:
    """``label`` (an ImageNet category's English name) as shown in ``language``; unknown labels and
    English come back unchanged."""
    return _names(language).get(label, label) if language != DEFAULT_LANGUAGE else label


def names_in_every_language(label: str) -> str:
    """``label``'s names in the app's other languages, one per line (what a search matches)."""
    return "\n".join(display_label(label, code) for code, _ in LANGUAGES if code != DEFAULT_LANGUAGE)


def current_language() -> str:
    """The language the window speaks now ("en" or "zh_CN"): :class:`~.i18n.LanguageManager` sets
    Qt's default locale with each switch."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else DEFAULT_LANGUAGE


def is_imagenet_model(spec: str) -> bool:
    """Whether ``spec`` names one of the zoo's ImageNet models (whose labels we translate)."""
    from ..engine.zoo import ZOO

    return str(spec) in ZOO


def shown_label(label: str, spec: str) -> str:
    """What the window shows for a label that the model ``spec`` gave, in the current language."""
    return display_label(label, current_language()) if is_imagenet_model(spec) else label


def label_with_english(label: str, spec: str) -> str:
    """The shown label with the English name after it when they differ ("金鱼 (goldfish)"), for
    tooltips and details, where a user may want the name the CSV and the model use."""
    shown = shown_label(label, spec)
    return shown if shown == label else f"{shown} ({label})"
