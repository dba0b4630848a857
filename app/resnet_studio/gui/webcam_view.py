"""The Camera view: live video, the model's top 3 guesses over it, and snapshots into a dataset.

Frames come from a :class:`~.frame_sources.FrameSource` (a camera, or a generated stream in tests
and demos). Each frame is painted, then offered to the :class:`~.jobs.camera.FrameClassifier`,
which classifies the newest frame whenever the previous one is done and drops the rest, so the
labels keep up with the picture however slow the computer. The model is the Classify view's.
"""

from __future__ import annotations

import os
import time
from collections import deque
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QStackedWidget,
    QToolButton, QVBoxLayout, QWidget,
)

from .frame_sources import CameraSource, FrameSource
from .jobs.camera import FrameClassifier, FrameResult, clean_class_name
from .jobs.framework import Task
from .label_names import shown_label
from .settings import qsettings
from .widgets.icons import icon

#: Rates are measured over this many seconds of recent frames.
RATE_WINDOW_S = 2.0


class VideoCanvas(QWidget):
    """The newest frame, scaled to fit, with the top-3 labels drawn over its lower-left corner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoCanvas")
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._frame = QImage()
        self._predictions: list[tuple[str, float]] = []
        self._note = ""
        #: The spec of the model whose labels are shown (ImageNet names follow the language).
        self.model_spec = ""

    def set_frame(self, image: QImage) -> None:
        self._frame = image
        self.update()

    def frame(self) -> QImage:
        return self._frame

    def set_predictions(self, predictions: list[tuple[str, float]], note: str = "") -> None:
        self._predictions = list(predictions)
        self._note = note
        self.update()

    def predictions(self) -> list[tuple[str, float]]:
        """What the overlay shows now: (label, score), best first."""
        return list(self._predictions)

    def overlay_text(self) -> str:
        return "\n".join(f"{shown_label(label, self.model_spec)} {score:.0%}"
                         for label, score in self._predictions) or self._note

    def clear(self) -> None:
        self._frame = QImage()
        self._predictions = []
        self._note = ""
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 480)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.update()  # the labels are painted in the current language
        super().changeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(20, 22, 26))
        if self._frame.isNull():
            p.end()
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = self._frame.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2,
                        size.width(), size.height())
        p.drawImage(target, self._frame)
        self._paint_overlay(p, target)
        p.end()

    def _paint_overlay(self, p: QPainter, video: QRectF) -> None:
        rows = self._predictions or ([(self._note, -1.0)] if self._note else [])
        if not rows:
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = QFont(self.font())
        base.setPointSizeF(max(9.0, base.pointSizeF() * 1.15))
        big = QFont(base)
        big.setBold(True)
        big.setPointSizeF(base.pointSizeF() * 1.3)
        pad, gap, bar_h = 10.0, 6.0, 4.0
        width = min(video.width() - 2 * pad, max(220.0, video.width() * 0.42))
        heights = [QFontMetrics(big if i == 0 else base).height() + bar_h + gap for i in range(len(rows))]
        box = QRectF(video.left() + pad, video.bottom() - pad - sum(heights) - pad, width, sum(heights) + pad)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 165))
        p.drawRoundedRect(box, 8, 8)
        y = box.top() + pad * 0.6
        for i, (label, score) in enumerate(rows):
            font = big if i == 0 else base
            fm = QFontMetrics(font)
            p.setFont(font)
            line = QRectF(box.left() + pad, y, box.width() - 2 * pad, fm.height())
            pct = f"{score:.0%}" if score >= 0 else ""
            pct_w = fm.horizontalAdvance("100%") + 8 if pct else 0
            p.setPen(QColor(255, 255, 255) if i == 0 else QColor(225, 225, 225))
            shown = shown_label(label, self.model_spec) if score >= 0 else label
            text = fm.elidedText(shown, Qt.TextElideMode.ElideRight, int(line.width() - pct_w))
            p.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            if pct:
                p.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, pct)
                bar = QRectF(line.left(), line.bottom() + 1, line.width(), bar_h)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(255, 255, 255, 50))
                p.drawRoundedRect(bar, 2, 2)
                p.setBrush(QColor(90, 170, 255) if i == 0 else QColor(160, 190, 220))
                p.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * max(0.0, min(1.0, score)), bar_h), 2, 2)
            y += fm.height() + bar_h + gap


class WebcamView(QWidget):
    """Start/stop, camera chooser, live video with labels, rate readout and snapshots."""

    status_message = Signal(str, int)  # text, timeout in ms
    snapshot_saved = Signal(str)  # path of the new file
    result_shown = Signal(object)  # FrameResult, after the overlay shows it

    MESSAGE_PAGE, VIDEO_PAGE = 0, 1

    def __init__(self, parent: QWidget | None = None, *, source: FrameSource | None = None,
                 device: str = "auto", backend: str = "auto",
                 predictor_factory: Callable[[str], Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webcamView")
        self._store = qsettings()
        self._source: FrameSource | None = None
        self._own_source = False
        self._wanted = False  # the user pressed Start (paused while the tab is hidden)
        self._problem = ""  # a source error shown instead of the video
        self._spec = ""
        self._model_name = ""
        self._model_error = ""
        self._model_classes: list[str] = []
        self._frame_times: deque[float] = deque()
        self._result_times: deque[float] = deque()
        self._snapshots: set[Task] = set()
        self._shut_down = False
        self.classifier = FrameClassifier(device, backend, self, predictor_factory=predictor_factory)
        self.classifier.model_loading.connect(self._on_model_loading)
        self.classifier.model_ready.connect(self._on_model_ready)
        self.classifier.model_failed.connect(self._on_model_failed)
        self.classifier.result.connect(self._on_result)
        self._build()
        self._readout_timer = QTimer(self)
        self._readout_timer.setInterval(500)
        self._readout_timer.timeout.connect(self._update_readout)
        if source is not None:
            self.set_source(source)
        self.set_dataset_folder(str(self._store.value("camera/dataset_dir", "") or ""), remember=False)
        self.class_combo.setCurrentText(str(self._store.value("camera/class", "") or ""))
        self.retranslate_ui()
        self._update_state()

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 8)
        root.setSpacing(8)

        top = QHBoxLayout()
        self.start_button = QPushButton()
        self.start_button.setObjectName("primaryButton")
        self.start_button.setCheckable(True)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.camera_label = QLabel()
        self.camera_combo = QComboBox()
        self.camera_combo.setObjectName("cameraChooser")
        self.camera_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.camera_combo.activated.connect(self._on_camera_chosen)
        self.camera_label.setBuddy(self.camera_combo)
        self.readout = QLabel()
        self.readout.setObjectName("cameraReadout")
        self.readout.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.start_button)
        top.addSpacing(8)
        top.addWidget(self.camera_label)
        top.addWidget(self.camera_combo)
        top.addStretch(1)
        top.addWidget(self.readout)
        root.addLayout(top)

        self.stack = QStackedWidget()
        self.message_label = QLabel()
        self.message_label.setObjectName("cameraMessage")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setMargin(24)
        self.message_label.setAutoFillBackground(True)
        pal = self.message_label.palette()
        pal.setColor(QPalette.ColorRole.Window, pal.color(QPalette.ColorRole.Base))
        self.message_label.setPalette(pal)
        self.canvas = VideoCanvas()
        self.stack.addWidget(self._build_message_page(pal))
        self.stack.addWidget(self.canvas)
        root.addWidget(self.stack, 1)

        bottom = QHBoxLayout()
        self.folder_caption = QLabel()
        self.folder_label = QLabel()
        self.folder_label.setObjectName("snapshotFolder")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.folder_button = QPushButton(icon("folder"), "")
        self.folder_button.clicked.connect(lambda: self.choose_dataset_folder())
        self.class_caption = QLabel()
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("snapshotClass")
        self.class_combo.setEditable(True)
        self.class_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.class_combo.setMinimumContentsLength(12)
        self.class_combo.currentTextChanged.connect(self._on_class_changed)
        self.class_caption.setBuddy(self.class_combo)
        self.snapshot_button = QPushButton(icon("camera"), "")
        self.snapshot_button.setObjectName("snapshotButton")
        self.snapshot_button.clicked.connect(self.take_snapshot)
        bottom.addWidget(self.folder_caption)
        bottom.addWidget(self.folder_label, 1)
        bottom.addWidget(self.folder_button)
        bottom.addSpacing(12)
        bottom.addWidget(self.class_caption)
        bottom.addWidget(self.class_combo)
        bottom.addWidget(self.snapshot_button)
        root.addLayout(bottom)

    def _build_message_page(self, pal: QPalette) -> QWidget:
        """The sentence shown instead of the video, with the technical side (a missing library,
        the command that installs it) under a Details expander: a non-coder reads the sentence,
        whoever helps them finds the rest."""
        page = QWidget()
        page.setAutoFillBackground(True)
        page.setPalette(pal)
        box = QVBoxLayout(page)
        box.setContentsMargins(24, 0, 24, 16)
        box.addWidget(self.message_label, 1)
        self.details_button = QToolButton()
        self.details_button.setObjectName("cameraDetailsButton")
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setAutoRaise(True)
        self.details_text = QPlainTextEdit()
        self.details_text.setObjectName("cameraDetails")
        self.details_text.setReadOnly(True)
        self.details_text.setMaximumHeight(120)
        self.details_text.setVisible(False)
        self.details_button.toggled.connect(self._show_details)
        box.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.details_text)
        return page

    def _show_details(self, shown: bool) -> None:
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details_text.setVisible(shown)

    def _set_details(self, details: str) -> None:
        """The Details expander's text; no expander when there is none."""
        if details != self.details_text.toPlainText():
            self.details_text.setPlainText(details)
        self.details_button.setVisible(bool(details))
        if not details:
            self.details_button.setChecked(False)

    def details(self) -> str:
        """The technical detail under the message ("" when there is no Details expander)."""
        return self.details_text.toPlainText() if self.details_button.isVisibleTo(self) else ""

    def retranslate_ui(self) -> None:
        self.details_button.setText(self.tr("Details"))
        self.camera_label.setText(self.tr("Camera:"))
        self.folder_caption.setText(self.tr("Snapshots go to:"))
        self.folder_button.setText(self.tr("Choose folder…"))
        self.folder_button.setToolTip(self.tr("A dataset folder: one subfolder per class, as the Train view uses"))
        self.class_caption.setText(self.tr("Class:"))
        self.class_combo.lineEdit().setPlaceholderText(self.tr("class name"))
        self.class_combo.setToolTip(
            self.tr("The subfolder the snapshot goes into; type a new name to make a new class"))
        self.snapshot_button.setText(self.tr("Take snapshot"))
        self.snapshot_button.setToolTip(self.tr("Save the picture shown now as a new photo in the class folder"))
        self._update_folder_label()
        self._update_state()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- the frame source ------------------------------------------------------------------
    def source(self) -> FrameSource | None:
        return self._source

    def set_source(self, source: FrameSource) -> None:
        """Use ``source`` for frames (a fake one for tests and demos); the old one is stopped."""
        old = self._source
        if old is not None:
            old.stop()
            for sig, slot in ((old.frame, self._on_frame), (old.error, self._on_source_error),
                              (old.devices_changed, self._refresh_devices),
                              (old.active_changed, self._on_active_changed)):
                sig.disconnect(slot)
            if self._own_source:
                old.deleteLater()
        self._source, self._own_source = source, False
        source.frame.connect(self._on_frame)
        source.error.connect(self._on_source_error)
        source.devices_changed.connect(self._refresh_devices)
        source.active_changed.connect(self._on_active_changed)
        self._problem = ""
        self._refresh_devices()

    def _ensure_source(self) -> FrameSource:
        # Qt Multimedia is loaded the first time the Camera tab is used, not at start-up.
        if self._source is None:
            self.set_source(CameraSource(self))
            self._own_source = True
        return self._source

    def unavailable_message(self) -> str:
        """Why there is no video now, in words ("" when a camera can be used)."""
        src = self._ensure_source()
        reason = src.unavailable_reason()
        if reason:
            return reason
        if not src.devices():
            return self.tr("No camera was found on this computer. Connect a camera (or allow ResNet Studio "
                           "to use it) and it appears here.")
        return ""

    @Slot()
    def _refresh_devices(self) -> None:
        src = self._source
        devices = src.devices() if src is not None else []
        current = str(self._store.value("camera/device", "") or "") or (src.current_device() if src else "")
        self.camera_combo.blockSignals(True)
        self.camera_combo.clear()
        for d in devices:
            self.camera_combo.addItem(d.description, d.id)
        i = self.camera_combo.findData(current)
        if i >= 0:
            self.camera_combo.setCurrentIndex(i)
            if src is not None and current != src.current_device():
                src.set_device(current)
        self.camera_combo.blockSignals(False)
        # Only worth a control when there is a choice to make.
        self.camera_combo.setVisible(len(devices) > 1)
        self.camera_label.setVisible(len(devices) > 1)
        if src is not None and self._wanted and not devices and src.is_active():
            src.stop()
        self._update_state()

    def _on_camera_chosen(self, index: int) -> None:
        device_id = self.camera_combo.itemData(index)
        if device_id and self._source is not None:
            self._store.setValue("camera/device", device_id)
            self._source.set_device(device_id)

    # -- start / stop ----------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._source is not None and self._source.is_active()

    def start_camera(self) -> bool:
        """Turn the camera on and start classifying. False (with the reason shown) when it cannot."""
        if self._shut_down:
            return False
        self._wanted = True
        self._problem = ""
        if self.unavailable_message():
            self._wanted = False
            self._update_state()
            return False
        if self._spec:
            self.classifier.load_model(self._spec)
        self._frame_times.clear()
        self._result_times.clear()
        self.canvas.clear()
        self._source.start()
        self._readout_timer.start()
        self._update_state()
        return True

    def stop_camera(self) -> None:
        self._wanted = False
        self._pause()

    def _pause(self) -> None:
        if self._source is not None:
            self._source.stop()
        self.classifier.discard_waiting()
        self._readout_timer.stop()
        self._update_state()

    def _on_start_clicked(self) -> None:
        if self.is_running() or self._wanted:
            self.stop_camera()
        else:
            self.start_camera()

    @Slot(bool)
    def _on_active_changed(self, active: bool) -> None:
        self._update_state()

    @Slot(str)
    def _on_source_error(self, message: str) -> None:
        self._problem = message
        self._wanted = False
        if self._source is not None:
            self._source.stop()
        self._update_state()

    def hideEvent(self, event) -> None:  # noqa: N802
        # Another tab, or the window minimised: the camera goes off (its light too) until we are back.
        if self._wanted:
            self._pause()
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # After this paint: the first look at the tab loads Qt Multimedia, which takes a moment.
        QTimer.singleShot(0, self._on_shown)

    def _on_shown(self) -> None:
        if self._shut_down or not self.isVisible():
            return
        if self._wanted and not self.is_running():
            self.start_camera()
        else:
            self._update_state()

    # -- the model -------------------------------------------------------------------------
    def set_model(self, spec: str) -> None:
        """The model to classify with (the Classify view's). Loaded on the camera thread only once
        the camera is in use."""
        self._spec = str(spec)
        self.canvas.model_spec = self._spec
        self._model_error = ""
        if self._wanted or self.classifier.spec:
            self.classifier.load_model(self._spec)
        self._update_readout()

    def model_spec(self) -> str:
        return self._spec

    def set_model_info(self, info: dict) -> None:
        """Connect to :class:`InferenceClient`'s ``model_ready``."""
        if info.get("spec"):
            self.set_model(info["spec"])

    @Slot(str)
    def _on_model_loading(self, spec: str) -> None:
        self._model_name = ""
        self.canvas.set_predictions([], self.tr("Loading the model…"))
        self._update_readout()

    @Slot(object)
    def _on_model_ready(self, info: dict) -> None:
        self._model_name = info.get("name", "")
        self._model_error = ""
        self._model_classes = list(info.get("classes") or [])
        self.canvas.set_predictions([], "")
        if not self.dataset_folder() and info.get("dataset_dir") and os.path.isdir(info["dataset_dir"]):
            self.set_dataset_folder(info["dataset_dir"])
        else:
            self._refresh_classes()
        self._update_readout()

    @Slot(str, str, str)
    def _on_model_failed(self, spec: str, message: str, details: str) -> None:
        self._model_error = message
        self.canvas.set_predictions([], self.tr("No labels: the model could not be loaded."))
        self.status_message.emit(
            self.tr("The camera's model could not be loaded: {message}").format(message=message), 8000)
        self._update_readout()

    # -- frames ----------------------------------------------------------------------------
    @Slot(QImage)
    def _on_frame(self, image: QImage) -> None:
        if not self._wanted or self._shut_down:
            return
        now = time.monotonic()
        self._frame_times.append(now)
        self.canvas.set_frame(image)
        if self.stack.currentIndex() != self.VIDEO_PAGE:
            self._update_state()
        self.classifier.offer(image)

    @Slot(object)
    def _on_result(self, result: FrameResult) -> None:
        self._result_times.append(time.monotonic())
        if result.error:
            self.canvas.set_predictions([], result.error)
        else:
            self.canvas.set_predictions(result.predictions)
        self.result_shown.emit(result)

    @staticmethod
    def _rate(times: deque[float], now: float) -> float:
        while times and now - times[0] > RATE_WINDOW_S:
            times.popleft()
        if len(times) < 2:
            return 0.0
        span = max(now - times[0], 1e-6)
        return (len(times) - 1) / span

    def rates(self) -> tuple[float, float]:
        """(frames per second from the source, frames classified per second), recently."""
        now = time.monotonic()
        return self._rate(self._frame_times, now), self._rate(self._result_times, now)

    def _update_readout(self) -> None:
        if not self.is_running():
            self.readout.setText("")
            return
        fps, cps = self.rates()
        text = self.tr("Camera {fps:.0f} frames/s · classifying {n:.1f} frames/s").format(fps=fps, n=cps)
        if self._model_error:
            text = self.tr("No model · camera {fps:.0f} frames/s").format(fps=fps)
        elif not self._spec:
            text = self.tr("Waiting for the Classify view's model…")
        elif self._model_name:
            text = self.tr("{model} · {rates}").format(model=self._model_name, rates=text)
        self.readout.setText(text)

    # -- snapshots -------------------------------------------------------------------------
    def dataset_folder(self) -> str:
        return self._dataset_dir

    def set_dataset_folder(self, folder: str, *, remember: bool = True) -> None:
        self._dataset_dir = str(folder or "")
        if remember:
            self._store.setValue("camera/dataset_dir", self._dataset_dir)
        self._update_folder_label()
        self._refresh_classes()
        self._update_state()

    def choose_dataset_folder(self) -> bool:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the dataset folder for snapshots"),
                                                  self._dataset_dir or str(Path.home()))
        if folder:
            self.set_dataset_folder(folder)
        return bool(folder)

    def set_class_name(self, name: str) -> None:
        self.class_combo.setCurrentText(name)

    def class_name(self) -> str:
        return self.class_combo.currentText().strip()

    def _on_class_changed(self, text: str) -> None:
        self._store.setValue("camera/class", text.strip())
        self._update_state()

    def _update_folder_label(self) -> None:
        if self._dataset_dir:
            self.folder_label.setText(self._dataset_dir)
            self.folder_label.setToolTip(self._dataset_dir)
        else:
            self.folder_label.setText(self.tr("(no folder chosen)"))
            self.folder_label.setToolTip("")

    def _refresh_classes(self) -> None:
        names: list[str] = []
        if self._dataset_dir:
            try:
                names = sorted((e.name for e in os.scandir(self._dataset_dir)
                                if e.is_dir() and not e.name.startswith(".")), key=str.casefold)
            except OSError:
                names = []
        for c in self._model_classes:
            if c.casefold() not in {n.casefold() for n in names}:
                names.append(c)
        text = self.class_combo.currentText()
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        self.class_combo.addItems(names)
        self.class_combo.setCurrentText(text)
        self.class_combo.blockSignals(False)

    def take_snapshot(self) -> Task | None:
        """Save the frame shown now into ``dataset folder / class``, off the GUI thread."""
        frame = self.canvas.frame()
        if frame.isNull():
            self.status_message.emit(self.tr("There is no camera picture to save yet."), 5000)
            return None
        if not self._dataset_dir and not self.choose_dataset_folder():
            return None
        name = clean_class_name(self.class_name())
        if not name:
            self.status_message.emit(self.tr("Type the class this picture belongs to first (letters, digits, "
                                             "spaces or dashes)."), 6000)
            self.class_combo.setFocus()
            return None
        from .jobs.camera import save_snapshot

        task = Task(save_snapshot, QImage(frame), self._dataset_dir, name, name="snapshot")
        task.succeeded.connect(self._on_snapshot_saved)
        task.failed.connect(lambda message, details: self.status_message.emit(
            self.tr("The snapshot was not saved: {message}").format(message=message), 8000))
        task.finished.connect(lambda t=task: self._snapshots.discard(t))
        self._snapshots.add(task)
        task.start()
        return task

    @Slot(object)
    def _on_snapshot_saved(self, path) -> None:
        path = Path(path)
        self.status_message.emit(
            self.tr("Saved {file} in {folder}.").format(file=path.name, folder=path.parent.name), 4000)
        if self.class_combo.findText(path.parent.name) < 0:
            self._refresh_classes()
        self.snapshot_saved.emit(str(path))

    # -- state -----------------------------------------------------------------------------
    def message(self) -> str:
        """The sentence shown instead of the video ("" while video is shown)."""
        return self.message_label.text() if self.stack.currentIndex() == self.MESSAGE_PAGE else ""

    def _update_state(self) -> None:
        running = self.is_running()
        problem = self._problem
        if not problem and (self._source is not None or self.isVisible()):
            problem = self.unavailable_message()
        src = self._source
        self._set_details(src.unavailable_details() if problem and src is not None
                          and problem == src.unavailable_reason() else "")
        if problem:
            self.message_label.setText(problem)
            self.stack.setCurrentIndex(self.MESSAGE_PAGE)
        elif running and not self.canvas.frame().isNull():
            self.stack.setCurrentIndex(self.VIDEO_PAGE)
        elif running or self._wanted:
            self.message_label.setText(self.tr("Starting the camera…"))
            self.stack.setCurrentIndex(self.MESSAGE_PAGE)
        else:
            self.message_label.setText(self.tr("Press “Start camera” to see what the model recognises, live.\n\n"
                                               "Pictures never leave this computer."))
            self.stack.setCurrentIndex(self.MESSAGE_PAGE)
        # With no camera (or no camera support) there is nothing to start; a camera plugged in
        # later arrives through devices_changed and enables it.
        can_start = not self._shut_down and (self._source is None or not self.unavailable_message())
        self.start_button.setEnabled(can_start)
        self.start_button.blockSignals(True)
        self.start_button.setChecked(self._wanted)
        self.start_button.blockSignals(False)
        self.start_button.setText(self.tr("Stop camera") if self._wanted else self.tr("Start camera"))
        self.snapshot_button.setEnabled(running and not self.canvas.frame().isNull())
        self._update_readout()

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Camera off, frame thread stopped, snapshots written. True when everything stopped in time."""
        if self._shut_down:
            return True
        self._shut_down = True
        self._wanted = False
        if self._source is not None:
            self._source.stop()
        self._readout_timer.stop()
        ok = all(t.wait(timeout_ms) for t in list(self._snapshots))
        return self.classifier.shutdown(timeout_ms) and ok
