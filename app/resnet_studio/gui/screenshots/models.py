"""Models view shots: the Shapes model's overview, and ResNet-50's layers by stage."""

from __future__ import annotations

from .train import shapes_model
from .world import Studio

SHOTS = ("models", "models_stages")


def make(studio: Studio) -> None:
    from ..main_window import MODELS_TAB
    from ..models_view import MODELS_PAGE

    w, spec = studio.window, shapes_model(studio)
    mv = w.models
    ready: list[str] = []
    mv.summary_ready.connect(ready.append)
    mv.refresh()
    w.tabs.setCurrentIndex(MODELS_TAB)
    mv.sections.setCurrentIndex(MODELS_PAGE)
    for wanted in (spec, "resnet50"):
        studio.wait(lambda: mv.select_spec(wanted), 60, f"{wanted} in the model list")
        studio.wait(lambda: wanted in ready, 120, f"the summary of {wanted}")
    mv.summary_ready.disconnect(ready.append)
    for _ in studio.languages():
        mv.select_spec(spec)
        mv.details.setCurrentIndex(0)
        studio.save("models")
        mv.select_spec("resnet50")
        mv.details.setCurrentIndex(1)
        studio.save("models_stages")
