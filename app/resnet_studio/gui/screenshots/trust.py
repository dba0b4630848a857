"""Shots of issue 15 and 16's new pieces: the Train panel with settings that differ from the
defaults (the summary line and "Reset to defaults"), an error box (a download with no internet),
a picture in the large view with its heat map, the Help guide, and "Sort into folders…" with its
preview."""

from __future__ import annotations

from .classify import _classify, new_photos
from .world import Studio

SHOTS = ("train_not_defaults", "error_no_internet", "large_view", "guide", "sort_dialog")


def make_train_panel(studio: Studio) -> None:
    from ..main_window import TRAIN_TAB

    w = studio.window
    w.tabs.setCurrentIndex(TRAIN_TAB)
    tv = w.train_view
    shapes = studio.pictures / "Shapes"  # made by the train scene, when it ran first
    if shapes.is_dir():
        tv.set_dataset_folder(str(shapes))
        studio.wait(lambda: not tv.dataset.is_scanning(), 60, "the Shapes folder's scan")
    tv.settings.set_config({"pretrained": False, "image_size": 64, "epochs": 40})
    for _ in studio.languages():
        studio.save("train_not_defaults")
    tv.settings.reset_to_defaults()


def make_error_box(studio: Studio) -> None:
    from ...engine import zoo
    from ..errors import error_box

    for _ in studio.languages():
        box = error_box(studio.window, zoo.DOWNLOAD_NO_INTERNET,
                        "https://download.pytorch.org/models/resnet50-11ad3fa6.pth\n"
                        "<urlopen error [Errno -2] Name or service not known>",
                        title=studio.window.tr("Download failed"))
        box.show()
        studio.save("error_no_internet", box)
        box.close()


def make_large_view(studio: Studio) -> None:
    from ..classify.large_view import view_large
    from ..main_window import CLASSIFY_TAB

    v = studio.window.classify
    studio.window.tabs.setCurrentIndex(CLASSIFY_TAB)
    photos = new_photos(studio)
    _classify(studio, photos[1:4])
    record = next(r for r in v.records() if not r.error)
    v.why_action.setChecked(True)
    studio.wait(lambda: any(record.heat.values()), 120, "the heat map")
    for _ in studio.languages():
        pv = view_large(v, record)
        pv.resize(900, 640)
        studio.wait(lambda: not pv.image().isNull(), 60, "the large picture")
        pv.set_heat_shown(True)
        pv.fit()
        studio.save("large_view", pv)
        pv.close()
    v.why_action.setChecked(False)


def make_guide(studio: Studio) -> None:
    for _ in studio.languages():
        studio.window.show_guide()
        guide = studio.window.guide
        guide.resize(760, 620)
        studio.save("guide", guide)
        guide.close()


def make_sort_dialog(studio: Studio) -> None:
    from ..main_window import CLASSIFY_TAB
    from .train import shapes_model

    v = studio.window.classify
    studio.window.tabs.setCurrentIndex(CLASSIFY_TAB)
    studio.use_model(shapes_model(studio))  # the user's own model: its categories become folders
    _classify(studio, new_photos(studio))
    for _ in studio.languages():
        dialog = v.sorter.open_dialog()
        dialog.dest_edit.setText(str(studio.pictures / "Sorted"))
        dialog.threshold.setValue(60)
        studio.save("sort_dialog", dialog)
        dialog.close()
    studio.use_model("resnet18")


def make(studio: Studio) -> None:
    make_train_panel(studio)
    make_error_box(studio)
    make_large_view(studio)
    make_guide(studio)
    make_sort_dialog(studio)
