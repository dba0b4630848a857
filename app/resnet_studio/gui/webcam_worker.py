"""Moved: classifying live frames and saving snapshots now live in
:mod:`resnet_studio.gui.jobs.camera`. This module re-exports them so old imports keep working.
"""

# The code lives in gui/jobs/camera.py now.
from .jobs.camera import (  # noqa: F401
    MAX_CLASSES_OFFERED,
    TOP_K,
    FrameClassifier,
    FrameResult,
    FrameStats,
    FrameWorker,
    class_folder,
    clean_class_name,
    save_snapshot,
)
