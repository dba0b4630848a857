"""The Classify view: drop photos or folders, see a card per image as results arrive.

The code lives in the ``gui/classify/`` package now (the view, its layout, and one unit per flow:
intake, model state, export, "Show why", correct and retrain); this module keeps the old import
path (``from .classify_view import ClassifyView``) and the names it defined.
"""

from __future__ import annotations

# Each name below lives where its comment says now.
from .classify.intake import IMAGE_FILTER_EXTS, paths_from_mime  # noqa: F401  (gui/classify/intake.py)
from .classify.layout import WHY_LAYERS  # noqa: F401  (gui/classify/layout.py)
from .classify.retrain_flow import DATASET_FOLDERS_KEY, is_inside, next_version_name  # noqa: F401  (retrain_flow.py)
from .classify.view import ClassifyView  # noqa: F401  (gui/classify/view.py)
from .jobs.corrections import add_to_dataset, correction_info  # noqa: F401  (gui/jobs/corrections.py)
