"""A closer look: one picture large, with its labels and, on request, what the model looked at.

:class:`PictureView` is a dialog the Classify results (double-click a card, "View large") and the
Train results' mistakes open, and what "Open the photo" falls back to when the computer has no
picture viewer (``QDesktopServices.openUrl`` returns False). The picture is decoded on a worker
(:func:`~..jobs.images.decode_for_view`), never on the GUI thread; the heat map comes from the
job that already makes them (the inference worker's ``explain`` for a Classify result, the
gallery's :class:`~..jobs.explain.GalleryExplainJob` for a mistake) as the coloured map alone, which
the view stretches over the picture at half opacity, so a thumbnail-sized map serves a large view.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPixmap, QShortcut, QTransform
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import translate_engine_message
from ..jobs.framework import Task
from ..jobs.images import decode_for_view
from ..label_names import label_with_english, shown_label

#: How much one step of +/− or one wheel notch zooms.
ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.02, 32.0
#: How strongly the heat map covers the picture (as in the gallery and on the cards by default).
HEAT_OPACITY = 0.5


class _Canvas(QGraphicsView):
    """The picture and the heat map over it: the wheel zooms about the mouse, dragging pans."""

    zoomed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pictureCanvas")
        self.setScene(QGraphicsScene(self))
        self.picture = QGraphicsPixmapItem()
        self.picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.heat = QGraphicsPixmapItem()
        self.heat.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.heat.setOpacity(HEAT_OPACITY)
        self.heat.setVisible(False)
        self.scene().addItem(self.picture)
        self.scene().addItem(self.heat)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setMinimumSize(240, 180)
        self.setBackgroundBrush(QColor(46, 48, 52))  # neutral and dark: the picture's colours read true
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.fitting = True  # follow the window's size until the user zooms

    def scale_factor(self) -> float:
        return self.transform().m11()

    def set_scale(self, factor: float) -> None:
        factor = max(MIN_SCALE, min(MAX_SCALE, float(factor)))
        # Blown up 2x or more, a picture shows its pixels as squares (a 28-pixel digit as it is),
        # not smoothed into a blur that hides what the model was given.
        self.picture.setTransformationMode(Qt.TransformationMode.FastTransformation if factor >= 2
                                           else Qt.TransformationMode.SmoothTransformation)
        self.setTransform(QTransform.fromScale(factor, factor))
        self.zoomed.emit()

    def zoom_by(self, step: float) -> None:
        self.fitting = False
        self.set_scale(self.scale_factor() * step)

    def fit(self) -> None:
        self.fitting = True
        rect = self.picture.boundingRect()
        if rect.isEmpty():
            return
        view = self.viewport().rect().adjusted(4, 4, -4, -4)
        # small pictures are blown up too: a closer look at a thumbnail-sized file is the point
        self.set_scale(min(view.width() / rect.width(), view.height() / rect.height()))
        self.centerOn(rect.center())

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(ZOOM_STEP ** (delta / 120))
        event.accept()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.fitting:
            self.fit()


class PictureView(QDialog):
    """One picture large with its ``labels`` ((label, score) best first, as ``spec`` gave them) and
    a ``caption`` (e.g. what a mistake was). ``heat`` (a coloured map of any size) may come now or
    later through :meth:`set_heat`; a view with a heat source (:meth:`heat_from_classifier`,
    :meth:`heat_from_model_file`) asks for it the first time the user turns it on."""

    #: The picture is on screen (True) or could not be opened (False).
    loaded = Signal(bool)
    heat_wanted = Signal()
    saved = Signal(str)

    def __init__(self, path: str, labels: list | tuple = (), *, spec: str = "", caption: str = "",
                 heat: QImage | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pictureView")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.path = str(path)
        self.spec = str(spec)
        self.caption = caption
        self._labels = [(str(lab), float(score)) for lab, score, *_ in labels]
        self._image = QImage()
        self._heat: QImage | None = None
        self._heat_note = ""  # why there is no heat map (readable), or "" while none was asked
        self._heat_asked = False
        self._error = ""
        self._heat_source: Callable[[], None] | None = None
        self._build()
        self.retranslate_ui()
        self.resize(QSize(960, 680))
        if heat is not None:
            self.set_heat(heat)
        self.set_heat_source(None)
        self._decode = Task(decode_for_view, self.path, name="decode picture")
        self._decode.succeeded.connect(self._on_decoded)
        self._decode.failed.connect(self._on_decode_failed)
        self._decode.start()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.canvas = _Canvas(self)
        self.canvas.zoomed.connect(self._show_zoom)
        self.zoom_out_button = QToolButton(self)
        self.zoom_out_button.setText("−")
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button = QToolButton(self)
        self.zoom_in_button.setText("+")
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button = QToolButton(self)
        self.fit_button.clicked.connect(self.fit)
        self.actual_button = QToolButton(self)
        self.actual_button.setText("100 %")
        self.actual_button.clicked.connect(lambda: self.set_scale(1.0))
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("3200 %") + 8)
        self.heat_toggle = QCheckBox(self)
        self.heat_toggle.setObjectName("pictureHeatToggle")
        self.heat_toggle.toggled.connect(self.set_heat_shown)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(lambda: self.save_as())
        self.save_button.setEnabled(False)
        tools = QHBoxLayout()
        for w in (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.actual_button, self.zoom_label):
            tools.addWidget(w)
        tools.addSpacing(12)
        tools.addWidget(self.heat_toggle)
        tools.addStretch(1)
        tools.addWidget(self.save_button)

        self.status = QLabel(self)
        self.status.setObjectName("pictureStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption_label = QLabel(self)
        self.caption_label.setWordWrap(True)
        self.caption_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.labels_list = QListWidget(self)
        self.labels_list.setObjectName("pictureLabels")
        self.labels_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.labels_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # the labels wrap in the side panel's width: no sideways scrolling to read a score
        self.labels_list.setWordWrap(True)
        self.labels_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.labels_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.name_label = QLabel(self)
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side = QWidget(self)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.name_label)
        sl.addWidget(self.caption_label)
        sl.addWidget(self.labels_list)
        sl.addWidget(self.status)
        sl.addStretch(1)
        side.setMinimumWidth(side.fontMetrics().horizontalAdvance("M") * 18)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.canvas)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([640, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in), ("+", self.zoom_in), ("=", self.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.zoom_out), ("-", self.zoom_out),
                           ("0", self.fit), ("1", lambda: self.set_scale(1.0)), ("H", self.heat_toggle.toggle),
                           (QKeySequence.StandardKey.Save, lambda: self.save_as())):
            QShortcut(QKeySequence(keys), self, activated=slot)

    def retranslate_ui(self) -> None:
        name = os.path.basename(self.path) or self.path
        self.setWindowTitle(self.tr("{name} – ResNet Studio").format(name=name))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (−)"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (+)"))
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Fit the picture to the window (0)"))
        self.actual_button.setToolTip(self.tr("Actual size: one picture pixel per screen pixel (1)"))
        self.heat_toggle.setText(self.tr("Show what the model looked at"))
        self.heat_toggle.setToolTip(self.tr("Colour the picture by how much each part made the model give its "
                                            "label (H)"))
        self.save_button.setText(self.tr("Save as PNG…"))
        self.save_button.setToolTip(self.tr("Save the picture as you see it here, heat map included when shown"))
        self.name_label.setText(name)
        self.name_label.setToolTip(self.path)
        self.caption_label.setText(str(self.caption))
        self.caption_label.setVisible(bool(str(self.caption)))
        self._fill_labels()
        self._show_status()
        self._show_zoom()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fill_labels(self) -> None:
        self.labels_list.clear()
        for rank, (label, score) in enumerate(self._labels, 1):
            item = QListWidgetItem(self.tr("{rank}. {label}  {score:.1f} %").format(
                rank=rank, label=shown_label(label, self.spec), score=score * 100))
            item.setToolTip(label_with_english(label, self.spec))
            if rank == 1:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.labels_list.addItem(item)
        self.labels_list.setVisible(bool(self._labels))
        if self._labels:  # as tall as its rows: the top-5 list needs no empty box below it
            rows = sum(self.labels_list.sizeHintForRow(i) for i in range(self.labels_list.count()))
            self.labels_list.setFixedHeight(rows + 2 * self.labels_list.frameWidth() + 4)

    def _show_status(self) -> None:
        if self._error:
            text = self.tr("This picture could not be opened: {reason}").format(reason=self._error)
        elif self._image.isNull():
            text = self.tr("Opening the picture…")
        elif self.heat_toggle.isChecked() and self._heat is None:
            text = self._heat_note or self.tr("Working out what the model looked at…")
        else:
            text = self.tr("{width} × {height} pixels").format(width=self._image.width(), height=self._image.height())
        self.status.setText(text)

    def _show_zoom(self) -> None:
        self.zoom_label.setText("" if self._image.isNull() else f"{self.scale() * 100:.0f} %")

    # -- the picture -----------------------------------------------------------------------
    @Slot(object)
    def _on_decoded(self, image: QImage) -> None:
        self._image = image
        self.canvas.picture.setPixmap(QPixmap.fromImage(image))
        self.canvas.scene().setSceneRect(QRectF(self.canvas.picture.boundingRect()))
        self._place_heat()
        self.save_button.setEnabled(True)
        self.canvas.fit()
        self._show_status()
        self.loaded.emit(True)

    @Slot(str, str)
    def _on_decode_failed(self, message: str, _details: str) -> None:
        self._error = translate_engine_message(message)
        self._show_status()
        self.loaded.emit(False)

    def image(self) -> QImage:
        """The picture as decoded (null until it has been)."""
        return self._image

    def labels(self) -> list[str]:
        """The label rows as shown, best first."""
        return [self.labels_list.item(i).text() for i in range(self.labels_list.count())]

    # -- zoom ------------------------------------------------------------------------------
    def scale(self) -> float:
        """How many screen pixels one picture pixel takes (1.0: actual size)."""
        return self.canvas.scale_factor()

    def set_scale(self, factor: float) -> None:
        self.canvas.fitting = False
        self.canvas.set_scale(factor)

    def zoom_in(self) -> None:
        self.canvas.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.canvas.zoom_by(1 / ZOOM_STEP)

    def fit(self) -> None:
        self.canvas.fit()

    # -- the heat map ----------------------------------------------------------------------
    def set_heat(self, heat: QImage | None, reason: str = "") -> None:
        """The coloured map to show over the picture (stretched to it), or None with the readable
        ``reason`` there is none."""
        self._heat = heat if heat is not None and not heat.isNull() else None
        self._heat_note = "" if self._heat is not None else translate_engine_message(reason) or self.tr(
            "What the model looked at could not be worked out for this picture.")
        if self._heat is not None:
            self.canvas.heat.setPixmap(QPixmap.fromImage(self._heat))
            self._place_heat()
        self.canvas.heat.setVisible(self._heat is not None and self.heat_toggle.isChecked())
        self.heat_toggle.setEnabled(self._heat_source is not None or self._heat is not None)
        self._show_status()

    def _place_heat(self) -> None:
        if self._heat is None or self._image.isNull():
            return
        self.canvas.heat.setTransform(QTransform.fromScale(self._image.width() / self._heat.width(),
                                                           self._image.height() / self._heat.height()))

    def heat_shown(self) -> bool:
        """Whether the heat map is on screen over the picture now."""
        return self.canvas.heat.isVisible() and self._heat is not None

    def set_heat_shown(self, on: bool) -> None:
        if self.heat_toggle.isChecked() != bool(on):
            self.heat_toggle.setChecked(bool(on))  # comes back here through toggled
            return
        self.canvas.heat.setVisible(bool(on) and self._heat is not None)
        if on and self._heat is None and not self._heat_asked:
            self._heat_asked = True
            if self._heat_source is not None:
                self._heat_source()
            self.heat_wanted.emit()
        self._show_status()

    def set_heat_source(self, source: Callable[[], None] | None) -> None:
        """What to call (once) to get a heat map when the user first asks for one."""
        self._heat_source = source
        self.heat_toggle.setEnabled(source is not None or self._heat is not None)

    def heat_from_classifier(self, client, record, layer: str = "") -> None:
        """Ask the inference worker (an :class:`~..jobs.inference.InferenceClient`) for the heat map
        of a Classify result ``record`` at ``layer``, for its chosen label, when it is wanted."""
        key = record.explain_key(layer or "layer4") if record is not None else None
        if key is None:
            self.set_heat_source(None)
            return
        self._request_key = ("picture-view", (id(self), key))
        cancel = threading.Event()
        self.destroyed.connect(lambda *_: cancel.set())

        def ask() -> None:
            client.explained.connect(self._on_client_explained)
            client.explain({"key": self._request_key, "model": record.model, "path": record.path,
                            "label": key[0], "layer": key[1], "thumb": record.thumb, "cancel": cancel})

        self.set_heat_source(ask)

    @Slot(object)
    def _on_client_explained(self, reply: dict) -> None:
        if reply.get("key") != getattr(self, "_request_key", None):
            return
        reason = reply.get("message", "")
        if reply.get("reason") == "other-model":
            reason = self.tr("This picture was classified with another model: classify it again to see why.")
        self.set_heat(reply.get("heat"), reason)

    def heat_from_model_file(self, model_path: str, label: str, runner) -> None:
        """Explain ``label`` with the model file ``model_path`` (a trained model, for its mistakes),
        on ``runner`` (a :class:`~..jobs.framework.JobRunner`), when the heat map is wanted."""
        from ..jobs.explain import GalleryExplainJob

        def ask() -> None:
            job = GalleryExplainJob(model_path, [(0, self.path, label)], size=512, opacity=1.0)
            job.explained.connect(lambda _key, image: self.set_heat(image))
            job.unavailable.connect(lambda _key, reason: self.set_heat(None, reason))
            job.model_failed.connect(lambda message, _details: self.set_heat(None, message))
            self.destroyed.connect(lambda *_: job.cancel())
            runner.start(job)

        self.set_heat_source(ask if model_path else None)

    # -- saving ----------------------------------------------------------------------------
    def rendered(self) -> QImage:
        """The picture at its own size as the view shows it: with the heat map when it is shown."""
        if self._image.isNull():
            return QImage()
        out = self._image.convertToFormat(QImage.Format.Format_RGB32)
        if self.heat_shown():
            p = QPainter(out)
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.setOpacity(HEAT_OPACITY)
            p.drawImage(QRectF(0, 0, out.width(), out.height()), self._heat)
            p.end()
        return out

    def save_png(self, path: str) -> bool:
        """Write :meth:`rendered` to ``path`` as PNG; False (and a message on the view) on failure."""
        ok = not self._image.isNull() and self.rendered().save(str(path), "PNG")
        if ok:
            self.status.setText(self.tr("Saved to {path}").format(path=path))
            self.saved.emit(str(path))
        else:
            self.status.setText(self.tr("Could not save the picture to {path}. Choose another folder.").format(path=path))
        return ok

    def save_as(self, path: str | None = None) -> bool:
        if path is None:
            stem = os.path.splitext(os.path.basename(self.path))[0] or "picture"
            suffix = self.tr("what the model looked at") if self.heat_shown() else ""
            default = os.path.join(os.path.dirname(self.path), f"{stem} ({suffix}).png" if suffix else f"{stem}.png")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PNG"), default, self.tr("PNG pictures (*.png)"))
            if not path:
                return False
            if not path.lower().endswith(".png"):
                path += ".png"
        return self.save_png(path)


def open_picture(parent: QWidget | None, path: str, labels: list | tuple = (), *, spec: str = "",
                 caption: str = "", heat: QImage | None = None) -> PictureView:
    """Open a :class:`PictureView` (not modal: the window stays usable beside it) and return it."""
    view = PictureView(path, labels, spec=spec, caption=caption, heat=heat, parent=parent)
    view.setWindowFlag(Qt.WindowType.Window, True)
    view.show()
    view.raise_()
    return view
