"""The small one-shot engine calls of the model library and the run records.

The Models view, the main window, the training results and the launch dialog call these instead
of the engine: listing, renaming, deleting, restoring and importing model files
(``engine.library``), the architecture summary (``engine.summary``), ONNX / TorchScript export
(``engine.export``) and the training-run records (``engine.runs``).

Each function imports its engine module on first use, after the window is on screen
(``engine.library`` pulls in numpy and Pillow; summary and export import torch). Whether a call
runs on a worker thread is the caller's choice, unchanged from when the callers held these lines:
the callers wrap the slow ones in a :class:`~..workers.Task` (listing on a worker, summary, import,
rename, export, run listing, a run's model path), and call the quick ones on the GUI thread
(a listing the user asked for, delete, restore, empty trash, delete and restore a run, a file name).
Results cross threads as what the engine returns: ``LibraryEntry`` and ``ModelSummary``
dataclasses (read-only, never shared with the engine again), paths, and run records as plain dicts.
"""

from __future__ import annotations

import os


def _library():
    # Imported on first use, after the window is on screen (it pulls in numpy and Pillow).
    from ...engine import library

    return library


def _runs():
    from ...engine import runs

    return runs


# -- model files -----------------------------------------------------------------------------
def list_models() -> list:
    """Every model file of the user's library (``engine.library.LibraryEntry``, headers only)."""
    return _library().list_models()


def rename_model(spec: str, new_name: str):
    """Rename a model (display name and file); returns its new path."""
    return _library().rename_model(spec, new_name)


def delete_model(spec: str):
    """Move a model file to the trash; returns the ticket :func:`restore_model` takes back."""
    return _library().delete_model(spec)


def restore_model(ticket):
    """Bring back a deleted model; returns its path."""
    return _library().restore_model(ticket)


def import_model_file(path: str):
    """Copy a model file (.safetensors, or a torchvision .pth) into the library; returns its path."""
    return _library().import_model_file(path)


def import_shared_model(path: str) -> tuple[str, str]:
    """Import a model file someone handed over (opened with the app, dropped on the window).
    Asks nothing: when a model of that name is in the library already both are kept, the new one
    under a unique name ("Shapes (2)"). Returns its path and the name it got."""
    library = _library()
    if not path.lower().endswith(".safetensors"):  # a torchvision .pth: converted, named after its file
        dest = library.import_model_file(path)
        return str(dest), library.read_info(dest).name or os.path.splitext(os.path.basename(dest))[0]
    info = library.read_info(path)  # a damaged header is refused here, before anything is copied
    name = " ".join((info.name or os.path.splitext(os.path.basename(path))[0]).split())
    taken = {e.name.casefold() for e in library.list_models()}
    unique, i = name, 2
    while unique.casefold() in taken:
        unique, i = f"{name} ({i})", i + 1
    dest = library.import_model_file(path, name=unique if unique != name else None)
    return str(dest), unique


def share_model(spec: str, out_path: str) -> str:
    """Copy a library model file to ``out_path`` for someone else; the file already holds its
    categories, preprocessing and calibration, so the copy is all they need. The path written."""
    import shutil

    from ...engine.errors import ModelFileError
    from ...engine.fileio import atomic_write

    if os.path.abspath(spec) == os.path.abspath(out_path):
        return out_path  # "sharing" onto itself: the file is already there, intact
    try:
        src = open(spec, "rb")
    except OSError as exc:
        raise ModelFileError(f"The model file {os.path.basename(spec)} no longer exists.") from exc
    with src, atomic_write(out_path) as out:
        shutil.copyfileobj(src, out, 1 << 20)
    return out_path


def empty_trash() -> None:
    """Delete the trashed model files for good (on exit)."""
    _library().empty_trash()


def summarize(spec: str):
    """The architecture summary of a zoo name or model file (``engine.summary.ModelSummary``)."""
    from ...engine.summary import summarize

    return summarize(spec)


def export_model(model_path: str, fmt: str, out_path: str) -> str:
    """Export a trained model to ONNX or TorchScript (checked against the original); the path written."""
    from ...engine.export import export_model

    return str(export_model(model_path, fmt, out_path))


# -- training-run records ----------------------------------------------------------------------
def list_runs() -> list[dict]:
    """Every training run's record, as plain dicts (``RunRecord.to_dict()``)."""
    return [r.to_dict() for r in _runs().list_runs()]


def delete_run(run_id: str) -> None:
    _runs().delete_run(run_id)


def restore_run(record: dict) -> None:
    """Write back a run record deleted from the runs list (a dict from :func:`list_runs`)."""
    runs = _runs()
    runs.save_run(runs.RunRecord.from_dict(record))


def update_run_model(run_id: str, path: str, name: str) -> None:
    """Point a run's record at the model file it was saved as (and its name, when one was typed)."""
    from ...engine.runs import update_model_path

    update_model_path(run_id, path, name=name or None)
