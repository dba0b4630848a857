"""Moved: the gallery's Grad-CAM job now lives in :mod:`resnet_studio.gui.jobs.explain`. This
module re-exports it so old imports keep working.
"""

# The code lives in gui/jobs/explain.py now.
from ..jobs.explain import HEAT_OPACITY, GalleryExplainJob  # noqa: F401
