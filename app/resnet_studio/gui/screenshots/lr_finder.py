"""Train view shots: the learning-rate finder's sweep (fine-tuning on the shapes), and the
"Run on a bigger machine" dialog with its torchrun command."""

from __future__ import annotations

from .train import shapes_dataset, shapes_model
from .world import Studio

SHOTS = ("train_lr_finder", "train_launch_dialog")
LR_SETTINGS = {"mode": "finetune", "image_size": 64, "batch_size": 16, "augment": False, "lr": None}
LR_STEPS = 80


def make(studio: Studio) -> None:
    from PySide6.QtWidgets import QScrollArea

    from ..main_window import TRAIN_TAB

    shapes_model(studio)  # a run before: its curves fill the right-hand side, as they would
    w = studio.window
    tv = w.train_view
    w.tabs.setCurrentIndex(TRAIN_TAB)
    tv.tabs.setCurrentIndex(0)
    tv.set_dataset_folder(str(shapes_dataset(studio)))
    studio.wait(lambda: tv.start_button.isEnabled(), 120, "the dataset check")
    tv.settings.set_config(LR_SETTINGS)
    tv.lr_finder_steps = LR_STEPS
    if not tv.start_lr_finder():
        raise RuntimeError("the learning-rate finder did not start")
    studio.wait(lambda: not tv.is_finding_lr(), 600, "the learning-rate finder")
    area = tv.findChild(QScrollArea)
    for _ in studio.languages():
        studio.pump(0.2)
        area.ensureWidgetVisible(tv.settings.lr_finder, 0, 0)
        studio.save("train_lr_finder")
        d = tv.open_launch_dialog()
        d.nodes_spin.setValue(2)
        d.endpoint_edit.setText("gpu-server-1")
        d.shell_combo.setCurrentIndex(d.shell_combo.findData("bash"))
        d.resize(760, 560)
        studio.save("train_launch_dialog", d)
        d.close()
