"""The Camera view on a generated stream: frames dropped, never queued; labels over the video;
snapshots into a dataset's class folder; plain-words messages when there is no camera."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PIL import Image
from PySide6.QtGui import QImage

from resnet_studio.gui.frame_sources import CameraSource, FakeFrameSource, multimedia_problem
from resnet_studio.gui.webcam_view import WebcamView
from resnet_studio.gui.webcam_worker import save_snapshot
from tests.helpers import save_random_model

pytestmark = pytest.mark.gui

CLASSES = ["circle", "square", "triangle"]


@pytest.fixture
def tiny_model(tmp_path, torch_one_thread):
    """A random-init 3-class ResNet-18 model file for 32 px input, remembering its dataset folder."""
    dataset = tmp_path / "shapes"
    for c in CLASSES:
        (dataset / c).mkdir(parents=True)
    return save_random_model(tmp_path / "tiny.safetensors", CLASSES, image_size=32, small_input=True,
                             dataset_dir=str(dataset), name="Tiny shapes")


class SlowPredictor:
    """The real engine Predictor, made deliberately slower than the stream; it also counts how
    many frames the worker holds at once."""

    def __init__(self, spec: str, delay: float = 0.05) -> None:
        from resnet_studio.engine.predict import Predictor

        self._p = Predictor(spec, backend="torch", top_k=3)
        self.classes, self.name, self.preprocess, self.classifier = (
            self._p.classes, self._p.name, self._p.preprocess, self._p.classifier)
        self.delay = delay
        self.calls = 0
        self.active = 0
        self.max_active = 0
        self.threads: set[int] = set()
        self._lock = threading.Lock()

    def classify_image(self, image, *, top_k=None):
        with self._lock:
            self.calls += 1
            self.active += 1
            self.max_active = max(self.max_active, self.active)
            self.threads.add(threading.get_ident())
        try:
            assert isinstance(image, Image.Image)  # converted from QImage before reaching the engine
            time.sleep(self.delay)
            return self._p.classify_image(image, top_k=top_k)
        finally:
            with self._lock:
                self.active -= 1


@pytest.fixture
def make_view(qtbot):
    views = []

    def make(source, **kwargs) -> WebcamView:
        view = WebcamView(source=source, backend="torch", **kwargs)
        qtbot.addWidget(view)
        view.resize(640, 480)
        view.show()
        views.append(view)
        return view

    yield make
    for v in views:
        assert v.shutdown(30000)
        assert not v.classifier._thread.isRunning()


def test_fast_stream_is_classified_newest_first_without_queueing(qtbot, make_view, tiny_model):
    made: list[SlowPredictor] = []

    def factory(spec):
        made.append(SlowPredictor(spec))
        return made[-1]

    source = FakeFrameSource(fps=60, size=(64, 48))
    view = make_view(source, predictor_factory=factory)
    backlog = {"in_flight": 0, "waiting": 0}

    def watch(_img):  # connected after the view: sees the state right after each frame is offered
        c = view.classifier
        backlog["in_flight"] = max(backlog["in_flight"], c.in_flight())
        backlog["waiting"] = max(backlog["waiting"], c.waiting())

    source.frame.connect(watch)
    view.set_model(str(tiny_model))
    assert view.start_camera()
    assert view.is_running()
    qtbot.waitUntil(lambda: view.classifier.stats.classified >= 4 and source.frames_emitted >= 40, timeout=60000)

    view.stop_camera()
    assert not source.is_active()
    at_stop = view.classifier.stats.classified
    qtbot.waitUntil(lambda: not view.classifier.is_busy(), timeout=30000)
    qtbot.wait(200)
    stats = view.classifier.stats
    slow = made[-1]

    assert stats.classified < source.frames_emitted  # frames were dropped…
    assert stats.dropped > 0 and stats.offered == stats.sent + stats.dropped + view.classifier.waiting()
    # …never queued: one frame with the worker at a time, one (the newest) waiting
    assert stats.max_in_flight == 1 and slow.max_active == 1
    assert backlog["in_flight"] <= 1 and backlog["waiting"] <= 1
    assert slow.calls == stats.sent  # every frame handed over was classified: no hidden queue
    assert stats.classified - at_stop <= 1  # stopping leaves at most the frame in hand to finish
    assert threading.main_thread().ident not in slow.threads  # the GUI thread never ran the model

    shown = view.canvas.predictions()
    assert 1 <= len(shown) <= 3
    assert [label for label, _ in shown][0] in CLASSES
    assert all(label in CLASSES for label, _ in shown)
    assert [s for _, s in shown] == sorted((s for _, s in shown), reverse=True)
    assert shown[0][0] in view.canvas.overlay_text()


def test_overlay_and_readout_are_drawn_on_the_video(qtbot, make_view, tiny_model):
    source = FakeFrameSource(fps=30, size=(160, 120))
    view = make_view(source)
    view.set_model(str(tiny_model))
    view.start_camera()
    qtbot.waitUntil(lambda: view.classifier.stats.classified >= 2, timeout=60000)
    qtbot.waitUntil(lambda: "frames/s" in view.readout.text(), timeout=5000)
    assert view.stack.currentWidget() is view.canvas and view.message() == ""
    assert "Tiny shapes" in view.readout.text() and "classifying" in view.readout.text()
    fps, per_s = view.rates()
    assert fps > 0 and per_s > 0

    with_overlay = view.canvas.grab().toImage()
    view.canvas.set_predictions([])
    without = view.canvas.grab().toImage()
    assert with_overlay.size() == without.size()
    # The overlay sits in the lower-left corner of the video: those pixels change with it.
    w, h = with_overlay.width(), with_overlay.height()
    differ = sum(with_overlay.pixel(x, y) != without.pixel(x, y)
                 for x in range(0, w // 2, 4) for y in range(h // 2, h, 4))
    assert differ > 20


def test_snapshot_adds_new_jpegs_to_the_class_folder_and_never_overwrites(qtbot, make_view, tiny_model, tmp_path):
    source = FakeFrameSource(fps=30, size=(64, 48))
    view = make_view(source)
    view.set_model(str(tiny_model))
    dataset = tmp_path / "shapes"  # the folder the model remembers: offered by itself
    view.start_camera()
    qtbot.waitUntil(lambda: view.snapshot_button.isEnabled(), timeout=30000)
    qtbot.waitUntil(lambda: view.dataset_folder() == str(dataset), timeout=60000)
    assert [view.class_combo.itemText(i) for i in range(view.class_combo.count())] == CLASSES

    old = dataset / "circle" / "old.jpg"
    old.write_bytes(b"already here")
    view.set_class_name("circle")
    saved = []
    for _ in range(2):
        with qtbot.waitSignal(view.snapshot_saved, timeout=30000) as sig:
            view.take_snapshot()
        saved.append(sig.args[0])
    assert len(set(saved)) == 2
    files = sorted((dataset / "circle").iterdir())
    assert len(files) == 3 and old.read_bytes() == b"already here"
    for p in saved:
        with Image.open(p) as img:
            assert img.format == "JPEG" and img.size == (64, 48)

    view.set_class_name("new class")
    with qtbot.waitSignal(view.snapshot_saved, timeout=30000) as sig:
        view.take_snapshot()
    assert (dataset / "new class").is_dir() and sig.args[0].startswith(str(dataset / "new class"))

    messages = []
    view.status_message.connect(lambda text, _t: messages.append(text))
    view.set_class_name("../escape")
    assert view.take_snapshot() is None
    assert messages and "class" in messages[-1]
    assert not (tmp_path / "escape").exists()


def test_save_snapshot_picks_a_free_name(tmp_path):
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    folder = tmp_path / "données" / "chat"
    folder.mkdir(parents=True)
    (folder / "frame.jpg").write_bytes(b"keep me")
    (folder / "frame-1.jpg").write_bytes(b"keep me too")
    path = save_snapshot(image, tmp_path / "données", "Chat", stem="frame")  # same class, other case
    assert path == folder / "frame-2.jpg"
    assert (folder / "frame.jpg").read_bytes() == b"keep me"
    assert (folder / "frame-1.jpg").read_bytes() == b"keep me too"
    with Image.open(path) as img:
        assert img.size == (40, 30)
    from resnet_studio.engine.errors import DatasetError

    with pytest.raises(DatasetError):
        save_snapshot(image, tmp_path / "missing", "chat")
    with pytest.raises(DatasetError):
        save_snapshot(image, tmp_path / "données", "a/b")


def test_no_camera_says_so(qtbot, make_view):
    view = make_view(FakeFrameSource(cameras=()))
    assert "No camera" in view.message()
    assert not view.start_camera()
    assert not view.is_running() and "No camera" in view.message()
    assert not view.snapshot_button.isEnabled() and not view.start_button.isEnabled()
    assert view.camera_combo.isHidden()


def test_a_model_that_cannot_load_leaves_the_video_running_and_says_so(qtbot, make_view, tmp_path):
    broken = tmp_path / "broken.safetensors"
    broken.write_bytes(b"not a model")
    view = make_view(FakeFrameSource(fps=30, size=(64, 48)))
    messages = []
    view.status_message.connect(lambda text, _t: messages.append(text))
    view.set_model(str(broken))
    assert view.start_camera()
    qtbot.waitUntil(lambda: bool(messages), timeout=30000)
    assert "could not be loaded" in messages[-1]
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.canvas, timeout=10000)
    assert view.canvas.predictions() == [] and "could not be loaded" in view.canvas.overlay_text()
    assert view.snapshot_button.isEnabled()  # snapshots do not need a model


def test_camera_chooser_only_when_there_is_a_choice(qtbot, make_view):
    one = make_view(FakeFrameSource(cameras=("Built-in",)))
    assert one.camera_combo.isHidden()
    source = FakeFrameSource(cameras=("Built-in", "USB camera"))
    two = make_view(source)
    assert not two.camera_combo.isHidden() and two.camera_combo.count() == 2
    two.camera_combo.setCurrentIndex(1)
    two.camera_combo.activated.emit(1)
    assert source.current_device() == "fake-1"


def test_camera_support_missing_degrades_to_a_message(qtbot, make_view, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as if PySide6-Addons were not installed
    source = CameraSource()
    assert source.devices() == [] and "camera" in source.unavailable_reason().lower()
    view = make_view(source)
    assert view.message() == source.unavailable_reason()
    assert not view.start_camera() and not view.start_button.isEnabled()
    assert "libpulse0" in multimedia_problem(ImportError("libpulse.so.0: cannot open shared object file"))
    assert "PySide6-Addons" in multimedia_problem(ModuleNotFoundError("No module named 'PySide6.QtMultimedia'"))


def test_camera_tab_uses_the_classify_model_and_pauses_when_hidden(qtbot, make_window, torch_one_thread):
    from resnet_studio.gui.main_window import CAMERA_TAB, CLASSIFY_TAB

    w = make_window()
    assert w.tabs.tabText(CAMERA_TAB) == "Camera"
    assert w.camera.model_spec() == "resnet18"  # followed the Classify view's model
    source = FakeFrameSource(fps=20, size=(64, 48))
    w.camera.set_source(source)
    w.tabs.setCurrentIndex(CAMERA_TAB)
    assert w.camera.start_camera()
    qtbot.waitUntil(lambda: w.camera.classifier.stats.classified >= 1, timeout=60000)
    from resnet_studio.engine.zoo import imagenet_categories

    assert w.camera.canvas.predictions()[0][0] in imagenet_categories("resnet18")
    w.tabs.setCurrentIndex(CLASSIFY_TAB)
    assert not source.is_active()  # the camera is off while its tab is hidden
    w.tabs.setCurrentIndex(CAMERA_TAB)
    qtbot.waitUntil(source.is_active, timeout=5000)  # and back on when the user returns
    thread = w.camera.classifier._thread
    w.close()
    assert not thread.isRunning() and not source.is_active()
