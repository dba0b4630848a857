"""Where a run saves its model: the file the user named, or a new name in a folder; claimed
(:func:`fileio.output_lock`) before any work, so two runs never save to the same file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import OutputInUseError, OutputWriteError
from ..fileio import output_lock, partial_path
from .contract import TrainConfig


def _out_folder(out_path: os.PathLike | str | None) -> Path | None:
    """The folder to save a new model in when ``out_path`` names one: nothing given (the
    trained-models folder), an existing folder, or a path ending in a separator ("save in
    there"); None when ``out_path`` names a file."""
    if out_path is None or str(out_path) == "":
        from ..paths import trained_models_dir

        return trained_models_dir()
    text = os.fspath(out_path)
    if text.endswith(tuple(sep for sep in (os.sep, os.altsep) if sep)) or Path(text).expanduser().is_dir():
        return Path(text).expanduser()
    return None


def _check_folder(folder: Path, name: str) -> None:
    """Refuse at the start, not after the last epoch, a folder the model could not be saved in."""
    from ..fileio import on_read_only_disk

    if not folder.is_dir():
        raise OutputWriteError(f"Could not save {name}: the folder {folder} does not exist.")
    if on_read_only_disk(folder):
        raise OutputWriteError(f"Could not save {name}: the folder {folder} is on a read-only disk.")
    if not os.access(folder, os.W_OK):
        raise OutputWriteError(f"Could not save {name}: you do not have permission to write in {folder}.")


def _out_file(out_path: os.PathLike | str) -> Path:
    p = Path(out_path).expanduser()
    if p.suffix.lower() != ".safetensors":
        p = p.with_name(p.name + ".safetensors")
    if p.is_dir():
        raise OutputWriteError(f"{p} is a folder; give a file name for the model (for example model.safetensors).")
    _check_folder(p.parent, p.name)
    return p


def provisional_model_path(folder: os.PathLike | str, name: str) -> Path:
    """Where the app's run saves a new model before the user names it: in ``folder`` (the
    library), with the date and time in its name, so a model the user never names is still listed,
    never mistaken for an older one of the same name, and never lost. The one place that names it:
    the window learns the name from the run's result."""
    import datetime as _dt

    from ..paths import safe_file_stem

    stamp = _dt.datetime.now().strftime("%Y-%m-%d %H-%M-%S")
    stem = f"{safe_file_stem(name) or 'model'} {stamp}"
    folder = Path(folder)
    return next(_new_names(folder, stem))


def _new_names(folder: Path, stem: str) -> Iterator[Path]:
    """``stem.safetensors``, ``stem (2).safetensors``...: names no model, finished or not, has."""
    for i in range(1, 10_000):
        p = folder / (f"{stem}.safetensors" if i == 1 else f"{stem} ({i}).safetensors")
        if not (p.exists() or partial_path(p).exists()):
            yield p


@contextlib.contextmanager
def reserve_output(out_path: os.PathLike | str | None) -> Iterator[Path | None]:
    """Claim ``out_path`` for the ``with`` block when it names a file, before work that comes
    ahead of :func:`train` (the learning-rate finder), so a second run is refused before it
    starts; ``train`` inside the block claims it again (the lock is re-entrant in one thread).
    Yields the model file's path, or None for a folder (names there are chosen by ``train``)."""
    if _out_folder(out_path) is not None:
        yield None
        return
    target = _out_file(out_path)
    with output_lock(target):
        yield target


def _claim_out(out_path, config: TrainConfig, split, outputs: contextlib.ExitStack) -> Path:
    """Where this run saves its model, locked in ``outputs`` until the run ends.

    A file: :class:`OutputInUseError` when another run is saving there. A folder (or none: the
    trained-models folder): a new name from the model's or the folder's name, never one another
    run is making; a folder given with a trailing separator is created (its parent must exist).
    """
    folder = _out_folder(out_path)
    if folder is None:
        target = _out_file(out_path)
        outputs.enter_context(output_lock(target))
        return target
    from ..fileio import write_error
    from ..paths import safe_file_stem

    stem = safe_file_stem(config.name or Path(split.root).expanduser().resolve().name or "model")
    if not folder.exists() and folder.parent.is_dir():
        try:
            folder.mkdir()
        except OSError as exc:
            raise write_error(folder / f"{stem}.safetensors", exc) from exc
    _check_folder(folder, f"{stem}.safetensors")
    for candidate in _new_names(folder, stem):
        claim = contextlib.ExitStack()
        try:
            claim.enter_context(output_lock(candidate))
        except OutputInUseError:
            continue  # another run is making this one
        if candidate.exists() or partial_path(candidate).exists():  # finished while we looked
            claim.close()
            continue
        outputs.enter_context(claim)
        return candidate
    raise OutputWriteError(f"Could not find a free name for the model in {folder}.")
