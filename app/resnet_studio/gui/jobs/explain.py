"""Grad-CAM heat maps for the Train view's gallery of mistakes, made on a worker thread.

One :class:`GalleryExplainJob` loads the just-trained model once and explains each picture for
the label the model *wrongly* gave it ("what the model looked at"), emitting a thumbnail with the
heat map blended over it. torch is imported on the job's thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage

from .framework import Job, lower_current_thread_priority
from .images import pil_to_qimage

#: How strongly the heat map covers the thumbnail (0: picture only, 1: map only).
HEAT_OPACITY = 0.5


class GalleryExplainJob(Job):
    """``items``: (key, image path, label to explain); ``explained`` per picture, ``unavailable``
    for a picture that cannot be explained (with a readable reason), ``model_failed`` once when
    the model itself cannot be loaded (nothing else is emitted then)."""

    explained = Signal(int, QImage)  # key, thumbnail with the heat map over it
    unavailable = Signal(int, str)  # key, readable reason
    model_failed = Signal(str, str)  # readable message, details

    def __init__(self, model_path: str, items: list[tuple[int, str, str]], size: int = 96,
                 device: str = "auto", opacity: float = HEAT_OPACITY) -> None:
        super().__init__()
        self.model_path = str(model_path)
        self.items = list(items)
        self.size = int(size)
        self.device = device
        # 1.0: the coloured map alone, for a view that blends it over a larger picture itself
        self.opacity = float(opacity)

    def work(self) -> None:
        from ...engine.classifier import load_classifier
        from ...engine.errors import StudioError
        from ...engine.explain import Explainer, overlay_heatmap
        from ...engine.images import open_image

        lower_current_thread_priority()  # the gallery must stay scrollable meanwhile
        try:
            classifier = load_classifier(self.model_path)
            explainer = Explainer(classifier, device=self.device)
        except StudioError as exc:
            self.model_failed.emit(str(exc), exc.details)
            return
        side = classifier.preprocess.resize_size
        for key, path, label in self.items:
            if self.is_cancelled():
                return
            try:
                # decoded at about the model's input size (reduced JPEG decode), not full size
                image = open_image(path, min_side=side)
                (exp,) = explainer.explain(image, label=label)
                thumb = image.copy()
                thumb.thumbnail((self.size, self.size))
                self.explained.emit(key, pil_to_qimage(overlay_heatmap(thumb, exp.heatmap, self.opacity)))
            except StudioError as exc:
                self.unavailable.emit(key, str(exc))
