"""Models view shots of the training runs: the list, and two runs compared side by side.

The first run is the one made in the Train view (:mod:`.train`); a second one with a
higher learning rate and more epochs is recorded here by the training engine directly.
"""

from __future__ import annotations

from .train import RUN_SETTINGS, shapes_dataset, shapes_model
from .world import Studio

SHOTS = ("models_runs", "compare_runs")


def _second_run(studio: Studio) -> None:
    if "second_run" in studio.cache:
        return
    from ...engine.paths import trained_models_dir
    from ...engine.train import TrainConfig, train

    shapes_model(studio)  # the first run, so the comparison reads "A then B"
    config = TrainConfig(**{**RUN_SETTINGS, "lr": 0.05},
                         name="Shapes, higher learning rate")
    studio.cache["second_run"] = train(shapes_dataset(studio), trained_models_dir() / "Shapes fast.safetensors", config)


def make(studio: Studio) -> None:
    from ..main_window import MODELS_TAB
    from ..models_view import RUNS_PAGE

    _second_run(studio)
    w = studio.window
    mv = w.models
    mv.refresh()
    w.tabs.setCurrentIndex(MODELS_TAB)
    mv.sections.setCurrentIndex(RUNS_PAGE)
    mv.refresh_runs()
    studio.wait(lambda: len(mv.run_ids()) >= 2, 60, "the runs list")
    mv.select_runs(mv.run_ids()[:2])
    dialog = mv.compare_selected()
    dialog.resize(1000, 760)
    for _ in studio.languages():
        studio.save("models_runs")
        studio.save("compare_runs", dialog)
    dialog.close()
