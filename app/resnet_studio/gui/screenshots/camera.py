"""Camera tab shot: the generated test camera (:class:`.frame_sources.FakeFrameSource`) shows a
circle, the Shapes model names it live, and a snapshot has just been saved to the training folder."""

from __future__ import annotations

from .train import shapes_dataset, shapes_model
from .world import Studio

SHOTS = ("camera_live",)


def make(studio: Studio) -> None:
    from ..frame_sources import FakeFrameSource
    from ..main_window import CAMERA_TAB

    w, spec = studio.window, shapes_model(studio)
    cam = w.camera
    studio.use_model(spec)
    studio.wait(lambda: cam.model_spec() == spec, 120, "the camera's model")
    cam.set_source(FakeFrameSource(fps=30, size=(640, 480), cameras=("Integrated Camera", "USB Camera"),
                                   seconds_per_shape=1000))
    w.tabs.setCurrentIndex(CAMERA_TAB)
    cam.set_dataset_folder(str(shapes_dataset(studio)))
    cam.set_class_name("circle")
    if not cam.start_camera():
        raise RuntimeError(f"the camera did not start: {cam.message()}")
    saved: list[str] = []
    cam.snapshot_saved.connect(saved.append)
    for _ in studio.languages():
        cam.classifier.reset_stats()
        studio.wait(lambda: cam.classifier.stats.classified >= 3, 120, "live classification")
        studio.pump(2.0)  # the frame rates shown settle
        saved.clear()
        cam.take_snapshot()
        studio.wait(lambda: saved, 30, "the snapshot")
        studio.save("camera_live", settle=0.2)
    cam.snapshot_saved.disconnect(saved.append)
    cam.stop_camera()
