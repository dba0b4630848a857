"""Moved: the dataset jobs (scan, health, thumbnails, sort by file name) now live in
:mod:`resnet_studio.gui.jobs.dataset`. This module re-exports them so old imports keep working.
"""

# The code lives in gui/jobs/dataset.py now.
from ..jobs.dataset import (  # noqa: F401
    PROGRESS_INTERVAL_S,
    THUMBS_PER_CLASS,
    DatasetScanJob,
    SortApplyJob,
    SortPlanJob,
    ThumbnailJob,
    health_to_dict,
    load_thumbnail,
    loose_images,
)
