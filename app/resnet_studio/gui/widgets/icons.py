"""Icons drawn as SVG in ``resources/icons``, tinted to the current palette (light or dark)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ..i18n import resources_dir

_SIZES = (16, 20, 24, 32, 48)


def icons_dir():
    return resources_dir() / "icons"


@lru_cache(maxsize=None)
def _svg_text(name: str) -> str:
    try:
        return (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return ""


def _text_color() -> str:
    app = QGuiApplication.instance()
    if app is None:
        return "#333333"
    return app.palette().color(QPalette.ColorRole.ButtonText).name()


def svg_pixmap(name: str, size: int, color: str | None = None, *, dpr: float = 1.0, opacity: float = 1.0) -> QPixmap:
    """``name``.svg rendered at ``size`` logical pixels; ``currentColor`` becomes ``color`` (an
    opaque colour: SVG has no #AARRGGBB, so transparency is the painter's ``opacity``)."""
    text = _svg_text(name).replace("currentColor", color or _text_color())
    pm = QPixmap(int(size * dpr), int(size * dpr))
    pm.fill(Qt.GlobalColor.transparent)
    if text:
        renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setOpacity(opacity)
        renderer.render(p, QRectF(0, 0, pm.width(), pm.height()))
        p.end()
    pm.setDevicePixelRatio(dpr)
    return pm


@lru_cache(maxsize=None)
def _icon(name: str, color: str) -> QIcon:
    ic = QIcon()
    for s in _SIZES:
        ic.addPixmap(svg_pixmap(name, s, color), QIcon.Mode.Normal)
        # An "#AARRGGBB" colour in the SVG drew nothing: disabled buttons lost their icons.
        ic.addPixmap(svg_pixmap(name, s, color, opacity=0.38), QIcon.Mode.Disabled)
    return ic


def icon(name: str, color: str | None = None) -> QIcon:
    return _icon(name, color or _text_color())


def app_icon() -> QIcon:
    ic = QIcon()
    for s in (16, 24, 32, 48, 64, 128, 256):
        ic.addPixmap(svg_pixmap("app", s))
    return ic
