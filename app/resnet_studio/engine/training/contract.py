"""The training engine's public contract: settings in, events out, results back (plain dataclasses).

Everything a caller of :func:`~resnet_studio.engine.train.train` or
:func:`~resnet_studio.engine.train.evaluate` hands over or gets back, and nothing else. No numpy,
torch or Pillow here: the window's launch dialog (:mod:`..launch_command`) and the run records
(:mod:`..runs`) import it without loading the training engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

MODES = ("auto", "head", "finetune", "full")
SCHEDULES = ("cosine", "step")
BALANCES = ("auto", "off")
#: Largest over smallest category at which ``balance="auto"`` weights the small ones more (issue 16).
UNEVEN_RATIO = 3.0
#: Misclassified pictures stored in a model file (the result keeps more).
FILE_MISCLASSIFIED = 50
KEPT_BESIDE = ("Training was cancelled, so the model file you already had was left as it was; the best "
               "model of this training is saved beside it.")


@dataclass
class TrainConfig:
    """Training settings; ``None`` means "choose for me" (see :func:`plan_training`)."""

    arch: str = "resnet18"
    mode: str = "auto"  # auto | head | finetune | full
    pretrained: bool = True
    epochs: int | None = None
    batch_size: int | None = None
    lr: float | None = None
    image_size: int = 224
    val_fraction: float = 0.2
    seed: int = 0
    device: str = "auto"
    augment: bool = True
    schedule: str = "cosine"  # or "step"
    weight_decay: float = 1e-4
    momentum: float = 0.9
    allow_download: bool = False
    cache_dir: Path | None = None  # feature cache; default user_cache_dir()/features
    name: str = ""
    # --- extras (optional) ---
    small_input: bool | None = None  # small-image stem; default: from scratch at 64 px or less
    hflip: bool = True  # part of augmentation; off for text, digits, left/right-sensitive pictures
    color_jitter: float = 0.2
    crop_scale: float = 0.25  # smallest random crop, as a share of the picture's area
    label_smoothing: float = 0.0
    feature_backend: str = "auto"  # head mode on the CPU: auto | torch | onnxruntime
    workers: int | None = None  # decoding threads
    # Start from one of OUR model files instead of ImageNet weights (correct-and-retrain): same
    # arch required; its preprocess and small_input win over the settings above.
    init_model: Path | None = None
    # "auto": when the largest category has UNEVEN_RATIO x the pictures of the smallest, each
    # picture's loss is weighted by 1 / its category's count (planning.class_weights); "off": never
    balance: str = "auto"


# ------------------------------------------------------------------------------------------------
# Events (plain dataclasses: numbers and strings only)


@dataclass
class StageEvent:
    stage: str  # preparing | extracting | training | evaluating | saving
    message: str
    done: int = 0
    total: int = 0


@dataclass
class BatchEvent:
    epoch: int  # 1-based
    epochs: int
    batch: int  # 1-based, within the epoch
    batches: int
    loss: float  # running mean over the epoch so far
    accuracy: float  # running training accuracy over the epoch so far
    lr: float
    images_per_s: float
    eta_s: float | None
    progress: float  # 0..1 over the whole run


@dataclass
class EpochEvent:
    epoch: int
    epochs: int
    train_loss: float
    train_accuracy: float
    val_loss: float
    val_accuracy: float
    best_val_accuracy: float
    is_best: bool
    seconds: float


EventFn = Callable[[object], None]


@dataclass
class TrainResult:
    model_path: Path | None
    mode: str
    arch: str
    classes: list[str]
    epochs_run: int
    val_accuracy: float
    best_epoch: int
    train_loss: float
    val_loss: float
    per_class: list[dict]  # {"name","precision","recall","f1","support"}
    confusion_matrix: list[list[int]]  # rows = true class, columns = predicted
    misclassified: list[dict]  # {"path","true","predicted","confidence","loss"}, worst first
    history: list[EpochEvent]
    skipped: list[tuple[str, str]]  # unreadable pictures: (path, reason)
    cancelled: bool
    seconds: float
    # --- extras ---
    train_accuracy: float = 0.0
    settings: dict = field(default_factory=dict)  # what was actually used (after "auto")
    device: str = ""
    n_train: int = 0
    n_val: int = 0
    warnings: list[str] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # non-pictures the scan passed over
    feature_cache_hits: int = 0
    features_extracted: int = 0
    run_id: str = ""  # the run's record in runs.list_runs() ("" when it could not be written)
    # "" for a model worth using; else why it is hardly better than guessing ("chance" or
    # "one_category", see run.not_useful_reason); also in the model file's metrics
    not_useful: str = ""
    # the model's confidence check (issue 15, engine/calibration.py summary()): temperature, method,
    # pictures, ece_before/ece_after and the reliability table; {} when none was fitted
    calibration: dict = field(default_factory=dict)
    # the validation pictures behind each confusion-matrix cell (metrics.cell_paths) and the
    # folder trained on, for "show these pictures, move or drop one, retrain" (issue 16)
    cells: list[dict] = field(default_factory=list)
    data_dir: str = ""

    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["model_path"] = str(self.model_path) if self.model_path else None
        d["history"] = [asdict(e) for e in self.history]
        d["skipped"] = [list(s) for s in self.skipped]
        d["ignored"] = [list(s) for s in self.ignored]
        d["epochs"] = self.epochs_run
        return d


@dataclass
class EvalResult:
    model_path: str
    data_dir: str
    classes: list[str]
    accuracy: float
    loss: float
    per_class: list[dict]
    confusion_matrix: list[list[int]]
    misclassified: list[dict]
    count: int
    skipped: list[tuple[str, str]]  # unreadable pictures
    ignored: list[tuple[str, str]]  # pictures of a category the model does not know, non-pictures
    part: str  # which pictures were used: "all", "val", "test"...
    seconds: float
    backend: str = ""
    cells: list[dict] = field(default_factory=list)  # metrics.cell_paths: the pictures of each cell

    def to_dict(self) -> dict:
        d = asdict(self)
        d["skipped"] = [list(s) for s in self.skipped]
        d["ignored"] = [list(s) for s in self.ignored]
        return d


# ------------------------------------------------------------------------------------------------
# The settings chosen (by planning.plan_training)


@dataclass
class TrainPlan:
    """What ``auto`` and ``None`` settings became, and why (for the GUI and the log)."""

    mode: str
    epochs: int
    batch_size: int
    lr: float
    small_input: bool
    reason: str
