"""Fine-tuning a ResNet on the user's categories: :func:`train`, :func:`evaluate` and their contract.

The code now lives in the package :mod:`.training` (its docstring says which module holds what);
this module re-exports it so ``from resnet_studio.engine.train import ...`` keeps working for the
CLI, the GUI's helper jobs, the LR finder, the benchmarks and the tests. Code that needs only the
contract (settings, events, results) imports :mod:`.training.contract`, which loads nothing heavy.
"""

from __future__ import annotations

# The code lives in engine/training/; these re-exports keep every old import working.
from .training.base_model import _backbone_file, _base_state, _build_model, _init_head  # noqa: F401
from .training.contract import (  # noqa: F401
    FILE_MISCLASSIFIED, KEPT_BESIDE, MODES, SCHEDULES, BatchEvent, EpochEvent, EvalResult, EventFn, StageEvent,
    TrainConfig, TrainPlan, TrainResult,
)
from .training.evaluate import _match_classes, evaluate  # noqa: F401
from .training.head import _extract_shard, _feature_cache, _fit_head, _head_epochs, _train_head  # noqa: F401
from .training.network import _evaluate_bank, _train_network  # noqa: F401
from .training.network_setup import _ORT_FRONT_MIN_IMAGES, _FrozenFront, _network_setup, _NetworkSetup  # noqa: F401
from .training.out_of_memory import OOM_MIN_BATCH, _out_of_memory  # noqa: F401
from .training.outputs import (  # noqa: F401
    _check_folder, _claim_out, _new_names, _out_file, _out_folder, reserve_output,
)
from .training.planning import _BASE_LR, _check_config, init_model_info, plan_training, preprocess_for  # noqa: F401
from .training.run import _Run  # noqa: F401
from .training.runner import _start_distributed, train  # noqa: F401
from .training.schedule import _Clock, _lr_factor  # noqa: F401
