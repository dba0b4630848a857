"""The app icon in each platform's format (.png for Linux, .ico for Windows, .icns for macOS).

Made from the app's own window icon, ``resources/icons/app.svg`` (rendered with Qt's SVG renderer)
or ``app.png``; if neither can be used, drawn here (three stacked blocks with a skip connection:
a residual block), so a build never lacks an icon.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
SOURCE_CANDIDATES = ("app.svg", "app.png", "resnet-studio.png", "app_icon.png", "icon.png")
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def find_source(icons_dir: Path = ROOT / "resources" / "icons") -> Path | None:
    for name in SOURCE_CANDIDATES:
        p = icons_dir / name
        if p.is_file():
            return p
    return None


def render_svg(path: Path, size: int = 1024) -> Image.Image | None:
    """``path`` rendered at ``size`` px with Qt (None when Qt cannot render it here)."""
    import io
    import os

    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QBuffer, QIODevice
        from PySide6.QtGui import QGuiApplication, QImage, QPainter
        from PySide6.QtSvg import QSvgRenderer

        _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - painting needs one
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            return None
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")
    except Exception:  # noqa: BLE001 - no Qt, no SVG module, odd file: fall back to the drawn icon
        return None


def load_source(path: Path | None) -> Image.Image:
    if path is not None:
        if path.suffix.lower() == ".svg":
            img = render_svg(path)
            if img is not None:
                return img
        else:
            return Image.open(path).convert("RGBA")
    return draw_icon()


def draw_icon(size: int = 1024) -> Image.Image:
    s = size / 256
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=48 * s, fill=(33, 86, 160, 255))
    blocks = [(60, (120, 200, 255)), (112, (150, 220, 255)), (164, (200, 240, 255))]
    for y, colour in blocks:
        d.rounded_rectangle((52 * s, y * s, 170 * s, (y + 34) * s), radius=8 * s, fill=colour + (255,))
    # the skip connection: from above the first block, around the side, into the last one
    w = max(1, int(12 * s))
    d.line([(111 * s, 40 * s), (111 * s, 52 * s)], fill=(255, 200, 60, 255), width=w)
    d.line([(111 * s, 46 * s), (206 * s, 46 * s), (206 * s, 181 * s), (176 * s, 181 * s)],
           fill=(255, 200, 60, 255), width=w, joint="curve")
    d.polygon([(170 * s, 181 * s), (186 * s, 170 * s), (186 * s, 192 * s)], fill=(255, 200, 60, 255))
    return img


def make_icons(out_dir: Path, source: Path | None = None) -> dict[str, Path]:
    """Write ``app.png`` (256 px), ``app.ico`` and ``app.icns`` into ``out_dir``; returns them by suffix."""
    out_dir.mkdir(parents=True, exist_ok=True)
    base = load_source(source or find_source())
    if base.size[0] != base.size[1]:
        side = max(base.size)
        square = Image.new("RGBA", (side, side), (0, 0, 0, 0))
        square.paste(base, ((side - base.size[0]) // 2, (side - base.size[1]) // 2))
        base = square
    big = base.resize((1024, 1024), Image.LANCZOS)
    out = {"png": out_dir / "app.png", "ico": out_dir / "app.ico", "icns": out_dir / "app.icns"}
    big.resize((256, 256), Image.LANCZOS).save(out["png"])
    big.save(out["ico"], sizes=ICO_SIZES)
    big.save(out["icns"])
    return out


if __name__ == "__main__":
    import sys

    for kind, path in make_icons(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons").items():
        print(kind, path)
