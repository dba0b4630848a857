"""Every training run, kept: its settings, curves and metrics, so two runs can be compared later.

One small JSON file per run in ``paths.runs_dir()`` (``user_data_dir()/runs``), written atomically
(:mod:`fileio`), so a crash mid-write never leaves a half record and listing never needs a lock:
a record that cannot be read (damaged, from a newer app, not ours) is skipped, the others listed.
Records are plain data (no torch, no Qt): the Models view lists them on a worker thread and the
CLI or a test can read them from a Python prompt.

A run is recorded when :func:`~.train.train` returns, cancelled runs included (marked
``cancelled``). The model file a run wrote may later be renamed or deleted by the user; the record
keeps the path it had: :func:`update_model_path` follows the app's "Save model", and
:func:`follow_model_file` follows a rename in the library (``engine.library.rename_model``).
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
import re
import secrets
from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import RunError, StudioError  # RunError: also importable from here, as before
from .fileio import atomic_write, write_error

if TYPE_CHECKING:  # only the contract (the training engine imports torch; this module must not)
    from .training.contract import TrainResult

RUN_SUFFIX = ".json"
FORMAT = "resnet-studio-run"
FORMAT_VERSION = 1
#: A record larger than this is not one of ours (a 60-epoch run with 100 classes is ~100 kB).
MAX_RECORD_BYTES = 8 * 1024 * 1024
_RUN_ID = re.compile(r"^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$")


@dataclass
class RunRecord:
    run_id: str
    started: str  # ISO 8601, local time with offset
    name: str
    data_dir: str
    model_path: str | None
    settings: dict  # what was actually used (TrainResult.settings)
    history: list[dict]  # one EpochEvent per epoch, as dicts
    metrics: dict  # val_accuracy, val_loss, train_accuracy, train_loss, best_epoch, per_class...
    cancelled: bool
    seconds: float
    # --- extras ---
    classes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    format_version: int = FORMAT_VERSION

    @property
    def val_accuracy(self) -> float | None:
        v = self.metrics.get("val_accuracy")
        return float(v) if isinstance(v, (int, float)) else None

    @property
    def mode(self) -> str:
        return str(self.settings.get("mode", ""))

    @property
    def arch(self) -> str:
        return str(self.settings.get("arch", ""))

    def to_dict(self) -> dict:
        d = asdict(self)
        d["format"] = FORMAT
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "RunRecord":
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            raise ValueError("not a training-run record")
        version = int(d.get("format_version", 1))
        if version > FORMAT_VERSION:
            raise ValueError(f"written by a newer version of the app (format {version})")
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in d.items() if k in known}
        missing = [f.name for f in fields(cls)
                   if f.name not in kwargs and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise ValueError(f"missing {', '.join(missing)}")
        rec = cls(**kwargs)
        if not isinstance(rec.settings, dict) or not isinstance(rec.metrics, dict) or not isinstance(rec.history, list):
            raise ValueError("settings, metrics or history of the wrong type")
        rec.history = [h for h in rec.history if isinstance(h, dict)]
        return rec


# ------------------------------------------------------------------------------------------------


def _folder(folder: os.PathLike | str | None) -> Path:
    if folder is not None:
        p = Path(folder)
        p.mkdir(parents=True, exist_ok=True)
        return p
    from .paths import runs_dir

    return runs_dir()


def _path_for(run_id: str, folder: Path) -> Path:
    # Ids come from file names and the GUI; only our own pattern can name a file (no "../x").
    if not _RUN_ID.match(str(run_id)):
        raise RunError(f"'{run_id}' is not the name of a training run.")
    return folder / f"{run_id}{RUN_SUFFIX}"


def new_run_id(now: _dt.datetime | None = None) -> str:
    """Sortable by time (second), unique by a random suffix: ``20250131-142501-3fa9c2``."""
    now = now or _dt.datetime.now()
    return f"{now:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"


def _plain(value: Any) -> Any:
    """JSON-safe copy: dataclasses and paths become dicts and strings, NaN/inf become None."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if hasattr(value, "item"):  # numpy / torch scalars
        return _plain(value.item())
    return str(value)


def record_from_result(result: "TrainResult", data_dir: os.PathLike | str, *, name: str = "",
                       run_id: str | None = None) -> RunRecord:
    """The record of ``result`` (nothing is written)."""
    finished = _dt.datetime.now().astimezone()
    started = finished - _dt.timedelta(seconds=max(0.0, float(result.seconds or 0.0)))
    model_path = os.fspath(result.model_path) if result.model_path else None
    metrics = {
        "val_accuracy": result.val_accuracy, "val_loss": result.val_loss,
        "train_accuracy": getattr(result, "train_accuracy", 0.0), "train_loss": result.train_loss,
        "best_epoch": result.best_epoch, "epochs_run": result.epochs_run,
        "n_train": getattr(result, "n_train", 0), "n_val": getattr(result, "n_val", 0),
        "per_class": result.per_class, "confusion_matrix": result.confusion_matrix,
        "skipped": len(result.skipped or []), "device": getattr(result, "device", ""),
    }
    if not result.history:  # stopped before the first epoch: there is no "best" to report
        for key in ("val_accuracy", "val_loss", "train_accuracy", "train_loss"):
            metrics[key] = None
    default_name = Path(model_path).stem if model_path else Path(os.fspath(data_dir)).name
    settings = dict(result.settings or {})
    settings.setdefault("mode", result.mode)
    settings.setdefault("arch", result.arch)
    return RunRecord(
        run_id=run_id or new_run_id(finished.replace(tzinfo=None)),
        started=started.isoformat(timespec="seconds"),
        name=name or default_name,
        data_dir=os.path.abspath(os.fspath(data_dir)),
        model_path=model_path,
        settings=_plain(settings),
        history=_plain(list(result.history)),
        metrics=_plain(metrics),
        cancelled=bool(result.cancelled),
        seconds=float(result.seconds or 0.0),
        classes=[str(c) for c in result.classes],
        warnings=[str(w) for w in (result.warnings or [])],
    )


def save_run(record: RunRecord, folder: os.PathLike | str | None = None) -> Path:
    """Write ``record`` (atomically; replaces the record with the same id). OutputWriteError."""
    path = _path_for(record.run_id, _folder(folder))
    text = json.dumps(_plain(record.to_dict()), ensure_ascii=False, indent=1, allow_nan=False)
    with atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return path


def record_run(result: "TrainResult", data_dir: os.PathLike | str, *, folder: os.PathLike | str | None = None,
               name: str = "") -> RunRecord:
    """Keep ``result`` as a new run record; sets ``result.run_id``. Raises OutputWriteError."""
    record = record_from_result(result, data_dir, name=name)
    save_run(record, folder)
    try:
        result.run_id = record.run_id
    except AttributeError:  # a frozen or foreign result object: the record is what matters
        pass
    return record


def record_after_training(result: "TrainResult", data_dir: os.PathLike | str, *, name: str = "") -> None:
    """What :func:`~.train.train` calls: record the run, but never fail the training for it.
    A record that cannot be written becomes a warning on the result."""
    try:
        record_run(result, data_dir, name=name)
    except Exception as exc:  # noqa: BLE001 - the trained model matters more than its record
        reason = str(exc) if isinstance(exc, StudioError) else f"{type(exc).__name__}: {exc}"
        result.warnings.append(f"This run could not be added to the list of runs: {reason}")


def _read(path: Path) -> RunRecord:
    try:
        if path.stat().st_size > MAX_RECORD_BYTES:
            raise ValueError("too large")
        data = json.loads(path.read_text(encoding="utf-8"))
        return RunRecord.from_dict(data)
    except FileNotFoundError as exc:
        raise RunError(f"The training run {path.stem} does not exist (it may have been deleted).") from exc
    except (OSError, ValueError, TypeError) as exc:
        raise RunError(f"The record of training run {path.stem} is damaged and cannot be read.",
                       details=f"{path}: {exc!r}") from exc


def list_runs(folder: os.PathLike | str | None = None) -> list[RunRecord]:
    """Every readable run, newest first; unreadable records are skipped."""
    d = _folder(folder)
    out = []
    try:
        entries = [e for e in os.scandir(d)
                   if e.name.endswith(RUN_SUFFIX) and _RUN_ID.match(e.name[: -len(RUN_SUFFIX)])]
    except OSError:
        return []
    for e in entries:
        try:
            out.append(_read(Path(e.path)))
        except RunError:
            continue
    out.sort(key=lambda r: (r.started, r.run_id), reverse=True)
    return out


def load_run(run_id: str, folder: os.PathLike | str | None = None) -> RunRecord:
    """One run by id. RunError when it is gone or damaged."""
    return _read(_path_for(run_id, _folder(folder)))


def delete_run(run_id: str, folder: os.PathLike | str | None = None) -> None:
    """Forget a run (its model file, if any, is left alone). Deleting a gone run is not an error."""
    path = _path_for(run_id, _folder(folder))
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise write_error(path, exc) from exc


def update_model_path(run_id: str, model_path: os.PathLike | str | None, *, name: str | None = None,
                      folder: os.PathLike | str | None = None) -> RunRecord:
    """The run's model file was renamed (the app's "Save model"): point the record at it."""
    record = load_run(run_id, folder)
    record.model_path = os.fspath(model_path) if model_path else None
    if name:
        record.name = name
    save_run(record, folder)
    return record


def _same_file(a: str, b: Path) -> bool:
    try:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))
    except (TypeError, ValueError):
        return False


def follow_model_file(old: os.PathLike | str, new: os.PathLike | str, *, name: str | None = None,
                      folder: os.PathLike | str | None = None) -> list[str]:
    """A model file moved from ``old`` to ``new`` (renamed in the library): every run that made it
    now points at ``new`` (and is called ``name``, when given). Returns the ids of the runs changed;
    a record that cannot be rewritten is left as it was."""
    old_p, new_p = Path(old), Path(new)
    changed = []
    for record in list_runs(folder):
        if not record.model_path or not _same_file(record.model_path, old_p):
            continue
        record.model_path = os.fspath(new_p)
        if name:
            record.name = name
        try:
            save_run(record, folder)
        except StudioError:
            continue
        changed.append(record.run_id)
    return changed
