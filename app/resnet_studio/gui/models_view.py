"""The Models view: the ImageNet zoo and the user's trained models, with an architecture summary;
and every past training run, two of which can be compared.

The code lives in the :mod:`resnet_studio.gui.models` package now (the view and one module per
part); this module re-exports what was imported from here.
"""

from __future__ import annotations

# moved to gui/models/view.py and gui/models/roles.py
from .models.roles import KIND_ROLE, MODELS_PAGE, RUN_ROLE, RUNS_PAGE, SORT_ROLE, SPEC_ROLE
from .models.view import ModelsView

__all__ = ["KIND_ROLE", "MODELS_PAGE", "RUN_ROLE", "RUNS_PAGE", "SORT_ROLE", "SPEC_ROLE", "ModelsView"]
