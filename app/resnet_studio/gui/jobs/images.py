"""The two picture conversions that cross threads: PIL → ``QImage`` copy and back.

Written once, here: the inference worker, the camera worker, the dataset jobs and the gallery's
Grad-CAM all use them. The rule they keep is "only ``QImage`` copies cross threads": a
``QImage`` made by :func:`pil_to_qimage` owns its pixels, so the worker may drop the PIL image at
once. PIL is imported only inside :func:`qimage_to_pil`, which runs on workers (the GUI thread
never needs PIL).
"""

from __future__ import annotations

from PySide6.QtGui import QImage


def pil_to_qimage(img) -> QImage:
    """A ``QImage`` that owns a copy of a PIL image's pixels (safe to hand to another thread)."""
    rgb = img if img.mode == "RGB" else img.convert("RGB")
    data = rgb.tobytes()
    qimg = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return qimg.copy()  # detaches from ``data``, which Python may free


def qimage_to_pil(image: QImage):
    """An RGB PIL copy of ``image`` (for the worker; the GUI thread never needs PIL)."""
    from PIL import Image

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = rgb.width(), rgb.height()
    data = bytes(rgb.constBits())[: rgb.bytesPerLine() * h]
    return Image.frombuffer("RGB", (w, h), data, "raw", "RGB", rgb.bytesPerLine(), 1).copy()


#: The longest side of a picture the large view holds (a 50 MB image at most): enough to zoom
#: into a phone photo, while a 180-megapixel scan does not take a gigabyte of the window's memory.
VIEW_MAX_SIDE = 4096


def decode_for_view(path: str, max_side: int = VIEW_MAX_SIDE) -> QImage:
    """``path`` decoded upright (EXIF turn, any format the app reads) as a ``QImage`` copy, shrunk
    to ``max_side``: run it as a :class:`~.framework.Task`, never on the GUI thread. Raises the
    engine's readable ``ImageReadError`` when the file cannot be shown."""
    from ...engine.images import open_image

    img = open_image(path)
    if max(img.size) > max_side:
        img.thumbnail((max_side, max_side))
    return pil_to_qimage(img)
