"""The colours of the results list's cards (and other status marks), readable on light and
dark themes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def status_colors(palette: QPalette) -> dict[str, QColor]:
    """Colours readable on both light and dark themes."""
    dark = is_dark(palette)
    return {
        "sure": palette.color(QPalette.ColorRole.Highlight),
        "unsure": QColor("#f0b429") if dark else QColor("#c77c02"),
        "error": QColor("#ff7b72") if dark else QColor("#c62828"),
        "track": QColor(255, 255, 255, 40) if dark else QColor(0, 0, 0, 28),
        "card": palette.color(QPalette.ColorRole.Base),
        "border": QColor(255, 255, 255, 38) if dark else QColor(0, 0, 0, 30),
        "muted": palette.color(QPalette.ColorRole.PlaceholderText),
        "ok": QColor(46, 160, 67, 70) if dark else QColor(46, 160, 67, 38),
        "ok_text": QColor("#7ee787") if dark else QColor("#1a7f37"),
    }
