"""Moved: the thread bridge now lives in :mod:`resnet_studio.gui.jobs`.

The inference worker, its client and CSV export are in :mod:`.jobs.inference`, the ``Task``
framework and the worker priority in :mod:`.jobs.framework`, the picture conversions in
:mod:`.jobs.images`. This module re-exports them so old imports keep working.
"""

# The code lives in gui/jobs/framework.py, gui/jobs/images.py and gui/jobs/inference.py now.
from .jobs.framework import WORKER_NICENESS, Task, lower_current_thread_priority  # noqa: F401
from .jobs.images import pil_to_qimage, qimage_to_pil  # noqa: F401
from .jobs.inference import (  # noqa: F401
    FLUSH_INTERVAL_S,
    THUMBNAIL_SIZE,
    TOP_K,
    InferenceClient,
    InferenceWorker,
    _result_record,
    download_weights,
    export_results_csv,
    run_self_test,
    split_inputs,
    weights_status,
)
