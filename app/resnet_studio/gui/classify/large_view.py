"""A Classify result seen large: the picture, its labels and "why", in :class:`PictureView`.

Double-clicking a card and "View large" open it; "Open the photo" asks the computer's picture
viewer first and opens it when there is none (``QDesktopServices.openUrl`` returns False), so the
action never silently does nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from ..widgets.picture_view import PictureView, open_picture

translate = QCoreApplication.translate  # texts keep the "ClassifyView" context of the .ts file


def view_large(view, record) -> PictureView:
    """Open ``record`` (a card of ``view``, the Classify view) large, with the heat map of the label
    "Show why" explains (shown at once when "Show why" is on, asked of the worker when wanted)."""
    model = view.model
    key = record.explain_key(model.why_layer)
    heat = record.heat.get(key) if key is not None else None
    name = getattr(record, "model_name", "") or ""
    caption = translate("ClassifyView", "Classified by {model}").format(model=name) if name else ""
    pv = open_picture(view, record.path, [] if record.error else record.predictions, spec=record.model,
                      caption=caption, heat=heat)
    pv.heat_from_classifier(view.client, record, model.why_layer)
    if model.show_why and key is not None:
        pv.set_heat_shown(True)
    return pv


def open_photo(view, record, open_url=None) -> PictureView | None:
    """The computer's picture viewer for ``record``; the large view when there is none."""
    open_url = open_url or QDesktopServices.openUrl
    if open_url(QUrl.fromLocalFile(record.path)) is False:
        return view_large(view, record)
    return None
