"""Moved: the training jobs now live in :mod:`resnet_studio.gui.jobs.training`, and the
``Job``/``JobRunner`` framework in :mod:`resnet_studio.gui.jobs.framework`. This module
re-exports them so old imports keep working.
"""

# The code lives in gui/jobs/training.py and gui/jobs/framework.py now.
from ..engine.errors import CancelledError, StudioError  # noqa: F401
from ..engine.plain import plain_event, plain_values  # noqa: F401
from .jobs.framework import (  # noqa: F401
    WORKER_NICENESS,
    Job,
    JobRunner,
    _Keeper,
    _the_keeper,
    lower_current_thread_priority,
)
from .jobs.training import (  # noqa: F401
    BATCH_EMIT_INTERVAL_S,
    TRAINING_IMPORT_LOCK,
    LRFinderJob,
    ModelSaveJob,
    TrainWorker,
    _EventRelayJob,
    _job_process,
    prestart_helper,
    result_to_dict,
)
