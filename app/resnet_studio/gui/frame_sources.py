"""Where live frames come from: a camera (Qt Multimedia) or a generated stream (tests, demos).

A :class:`FrameSource` is a QObject on the GUI thread that emits ``frame(QImage)``. It never
queues: when frames arrive faster than the GUI takes them, only the newest is delivered. Qt
Multimedia is imported only when a :class:`CameraSource` is made, and a machine where it cannot
load (PySide6-Addons missing, or libpulse missing on Linux) gets a source whose
:meth:`~FrameSource.unavailable_reason` says so in words, instead of an exception.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPolygonF


@dataclass(frozen=True)
class CameraInfo:
    id: str
    description: str


class FrameSource(QObject):
    """The interface the camera view talks to."""

    frame = Signal(QImage)  # the newest frame, on the GUI thread
    error = Signal(str)  # a readable sentence (camera busy, permission denied…)
    devices_changed = Signal()  # a camera was plugged in or out
    active_changed = Signal(bool)

    def unavailable_reason(self) -> str:
        """Why this source can never give frames on this computer ("" when it can)."""
        return ""

    def unavailable_details(self) -> str:
        """The technical side of :meth:`unavailable_reason` (a library name, an install command)."""
        return ""

    def devices(self) -> list[CameraInfo]:
        return []

    def current_device(self) -> str:
        return ""

    def set_device(self, device_id: str) -> None:
        """Switch to another camera (restarts the stream when it is running)."""

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def is_active(self) -> bool:
        return False


class FakeFrameSource(FrameSource):
    """Generated frames at ``fps`` from a QTimer: a coloured shape (circle, square, triangle,
    changing every ``seconds_per_shape``) moving over a noisy background, with a frame counter.
    ``cameras=()`` makes it report no camera at all."""

    SHAPES = ("circle", "square", "triangle")
    COLOURS = {"circle": (220, 60, 50), "square": (50, 170, 80), "triangle": (60, 90, 220)}

    def __init__(self, fps: float = 30.0, size: tuple[int, int] = (320, 240), *,
                 cameras: tuple[str, ...] = ("Test camera",), seconds_per_shape: float = 3.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fps = float(fps)
        self.size = (int(size[0]), int(size[1]))
        self._cameras = [CameraInfo(f"fake-{i}", name) for i, name in enumerate(cameras)]
        self._device = self._cameras[0].id if self._cameras else ""
        self._frames_per_shape = max(1, round(seconds_per_shape * self.fps))
        self.frames_emitted = 0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, round(1000 / self.fps)))
        self._timer.timeout.connect(self._tick)
        self._noise = self._make_noise()

    def _make_noise(self) -> QImage:
        import random

        w, h = self.size
        rng = random.Random(0)
        img = QImage(w, h, QImage.Format.Format_RGB32)
        # A few hundred dark blobs instead of per-pixel noise: cheap to make, still textured.
        img.fill(QColor(40, 44, 52))
        p = QPainter(img)
        p.setPen(Qt.PenStyle.NoPen)
        for _ in range(max(50, w * h // 200)):
            v = rng.randint(20, 80)
            p.setBrush(QColor(v, v + rng.randint(0, 10), v + rng.randint(0, 15)))
            r = rng.uniform(1, max(2.0, min(w, h) / 40))
            p.drawEllipse(QPointF(rng.uniform(0, w), rng.uniform(0, h)), r, r)
        p.end()
        return img

    def devices(self) -> list[CameraInfo]:
        return list(self._cameras)

    def current_device(self) -> str:
        return self._device

    def set_device(self, device_id: str) -> None:
        self._device = device_id

    def shape_at(self, n: int) -> str:
        """The shape drawn in frame ``n`` (tests and demos compare it with the overlay)."""
        return self.SHAPES[(n // self._frames_per_shape) % len(self.SHAPES)]

    def make_frame(self, n: int) -> QImage:
        w, h = self.size
        img = self._noise.copy()
        shape = self.shape_at(n)
        side = min(w, h) * 0.55
        t = n / self.fps
        cx = w / 2 + (w - side) / 2 * 0.6 * math.sin(t * 1.3)
        cy = h / 2 + (h - side) / 2 * 0.6 * math.cos(t * 0.9)
        box = QRectF(cx - side / 2, cy - side / 2, side, side)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(*self.COLOURS[shape]))
        if shape == "circle":
            p.drawEllipse(box)
        elif shape == "square":
            p.drawRect(box)
        else:
            p.drawPolygon(QPolygonF([QPointF(box.center().x(), box.top()), box.bottomRight(), box.bottomLeft()]))
        if h >= 96:
            p.setPen(QColor(230, 230, 230))
            p.drawText(QRectF(6, 4, w - 12, 20), Qt.AlignmentFlag.AlignRight, f"#{n}")
        p.end()
        return img

    def start(self) -> None:
        if not self._cameras or self._timer.isActive():
            return
        self._timer.start()
        self.active_changed.emit(True)

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.active_changed.emit(False)

    def is_active(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def _tick(self) -> None:
        n = self.frames_emitted
        self.frames_emitted += 1
        self.frame.emit(self.make_frame(n))


def load_multimedia():
    """``(QtMultimedia module, None)``, or ``(None, exception)`` when it cannot be loaded."""
    import importlib

    try:
        return importlib.import_module("PySide6.QtMultimedia"), None
    except (ImportError, OSError) as exc:  # a missing shared library (libpulse) is an ImportError or OSError
        return None, exc


def multimedia_problem_parts(exc: BaseException) -> tuple[str, str]:
    """Why the camera cannot work, from the import error: plain words for anyone, and the
    technical detail (the missing library, how to install it, Python's message) for Details."""
    text = str(exc)
    raw = f"{type(exc).__name__}: {text}"
    if "libpulse" in text:
        # The installer does not bring libpulse (docs/PACKAGING.md): the fix is the system's.
        return (QCoreApplication.translate(
                    "CameraSource", "The camera needs a sound and video library that is missing on this "
                                    "computer. Whoever looks after this computer can add it (see Details); "
                                    "then restart ResNet Studio. Everything else works without it."),
                QCoreApplication.translate(
                    "CameraSource", "Missing system library: libpulse.so.0 (PulseAudio), needed by Qt Multimedia.\n"
                                    "Debian or Ubuntu: sudo apt install libpulse0\n"
                                    "Fedora: sudo dnf install pulseaudio-libs") + "\n\n" + raw)
    if isinstance(exc, ModuleNotFoundError):
        return (QCoreApplication.translate(
                    "CameraSource", "This copy of ResNet Studio was installed without camera support. "
                                    "Reinstalling ResNet Studio adds it."),
                QCoreApplication.translate(
                    "CameraSource", "The PySide6-Addons package (Qt Multimedia) is missing.") + "\n\n" + raw)
    return (QCoreApplication.translate(
                "CameraSource", "The camera cannot be used: camera support could not be loaded on this computer."),
            raw)


def multimedia_problem(exc: BaseException) -> str:
    """The whole explanation, plain words first, then the detail (for a report or a log)."""
    plain, details = multimedia_problem_parts(exc)
    return f"{plain}\n\n{details}"


class CameraSource(FrameSource):
    """A real camera through Qt Multimedia (QMediaDevices → QCamera → QMediaCaptureSession → QVideoSink).

    The sink may report frames from a multimedia thread and faster than the GUI paints; each one
    replaces the last in a one-frame mailbox, and only one delivery to the GUI thread is ever
    pending, so frames are dropped, never queued.
    """

    _deliver = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._qm, exc = load_multimedia()
        self._reason, self._details = multimedia_problem_parts(exc) if exc is not None else ("", "")
        self.import_error = exc
        self._camera = None
        self._device = ""
        self._lock = threading.Lock()
        self._latest = None
        self._scheduled = False
        if self._qm is None:
            return
        qm = self._qm
        self._media_devices = qm.QMediaDevices(self)
        self._media_devices.videoInputsChanged.connect(self.devices_changed)
        self._session = qm.QMediaCaptureSession(self)
        self._sink = qm.QVideoSink(self)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_video_frame, Qt.ConnectionType.DirectConnection)
        self._deliver.connect(self._deliver_latest, Qt.ConnectionType.QueuedConnection)

    def unavailable_reason(self) -> str:
        return self._reason

    def unavailable_details(self) -> str:
        return self._details

    def _inputs(self) -> list:
        return list(self._qm.QMediaDevices.videoInputs()) if self._qm is not None else []

    def devices(self) -> list[CameraInfo]:
        return [CameraInfo(bytes(d.id().data()).decode("utf-8", "replace"), d.description()) for d in self._inputs()]

    def current_device(self) -> str:
        if self._device:
            return self._device
        if self._qm is None:
            return ""
        default = self._qm.QMediaDevices.defaultVideoInput()
        return "" if default.isNull() else bytes(default.id().data()).decode("utf-8", "replace")

    def set_device(self, device_id: str) -> None:
        if device_id == self._device:
            return
        self._device = device_id
        if self.is_active():
            self.stop()
            self.start()

    def _device_object(self):
        wanted = self.current_device()
        for d in self._inputs():
            if bytes(d.id().data()).decode("utf-8", "replace") == wanted:
                return d
        return None

    def _permission_granted(self) -> bool:
        """macOS (and others that ask) must let the app use the camera; ask once, then start."""
        app = QCoreApplication.instance()
        try:
            from PySide6.QtCore import QCameraPermission

            perm = QCameraPermission()
            status = app.checkPermission(perm)
        except (ImportError, AttributeError, TypeError):
            return True  # an older Qt without the permission API: nothing to ask
        if status == Qt.PermissionStatus.Granted:
            return True
        if status == Qt.PermissionStatus.Undetermined:
            app.requestPermission(perm, self, self._on_permission)
            return False
        self.error.emit(self._denied_text())
        return False

    def _denied_text(self) -> str:
        return self.tr("ResNet Studio is not allowed to use the camera. Allow it in your system's privacy "
                       "settings (Camera), then press Start camera again.")

    def _on_permission(self, permission) -> None:
        if QCoreApplication.instance().checkPermission(permission) == Qt.PermissionStatus.Granted:
            self.start()
        else:
            self.error.emit(self._denied_text())

    def start(self) -> None:
        if self._qm is None or self.is_active():
            return
        device = self._device_object()
        if device is None:
            self.error.emit(self.tr("No camera was found. Connect a camera, then press Start camera."))
            return
        if not self._permission_granted():
            return
        self._camera = self._qm.QCamera(device, self)
        self._camera.errorOccurred.connect(self._on_camera_error)
        self._camera.activeChanged.connect(self.active_changed)
        self._session.setCamera(self._camera)
        self._camera.start()

    def stop(self) -> None:
        camera, self._camera = self._camera, None
        if camera is None:
            return
        was_active = camera.isActive()
        camera.stop()
        self._session.setCamera(None)
        camera.deleteLater()
        with self._lock:
            self._latest = None
        if was_active:
            self.active_changed.emit(False)

    def is_active(self) -> bool:
        return self._camera is not None and self._camera.isActive()

    def _on_camera_error(self, _code, text: str) -> None:
        self.error.emit(self.tr("The camera could not be used: {reason}. It may be in use by another program.")
                        .format(reason=text or self.tr("unknown error")))

    def _on_video_frame(self, frame) -> None:
        # Runs on whichever thread the sink reports from: keep the newest frame, wake the GUI once.
        with self._lock:
            self._latest = frame
            if self._scheduled:
                return
            self._scheduled = True
        self._deliver.emit()

    @Slot()
    def _deliver_latest(self) -> None:
        with self._lock:
            frame, self._latest = self._latest, None
            self._scheduled = False
        if frame is None or self._camera is None:
            return
        image = frame.toImage()
        if not image.isNull():
            self.frame.emit(image)
