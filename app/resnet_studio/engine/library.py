"""The user's library of trained models (``paths.trained_models_dir()``), without Qt or torch.

Listing reads only each file's safetensors header (a few kilobytes), so the Models view and the
model picker can show names, categories and metrics instantly without importing torch. Delete
moves a file to a trash folder so the app can offer Undo; the trash is emptied when the app exits.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelFileError, OutputWriteError
from .fileio import atomic_write, write_error
from . import model_checks
from .modelfile import METADATA_KEY, MODEL_SUFFIX, ModelInfo, read_model_info
from .paths import safe_file_stem, trained_models_dir

TRASH_DIR_NAME = ".trash"
DAMAGED = "This model file is damaged and cannot be used."


@dataclass
class LibraryEntry:
    """One model file of the library: its information, or why it cannot be used."""

    path: Path
    info: ModelInfo | None
    error: str | None
    size_bytes: int
    modified: float

    @property
    def name(self) -> str:
        return (self.info.name if self.info and self.info.name else "") or self.path.stem

    @property
    def ok(self) -> bool:
        return self.info is not None


@dataclass(frozen=True)
class TrashTicket:
    """What :func:`delete_model` did, so :func:`restore_model` can undo it."""

    original: Path
    trashed: Path


def _read_header(path: Path) -> tuple[dict, int]:
    """The safetensors JSON header and the offset where tensor data starts (bounded, checked)."""
    from .modelfile import _open_error

    try:
        return model_checks.read_header(path)
    except (OSError, ModelFileError) as exc:
        raise _open_error(path, exc) from exc


def read_info(path: os.PathLike | str) -> ModelInfo:
    """A model file's :class:`ModelInfo`, read from the header only (no torch, no weights)."""
    return read_model_info(path)


def library_dir() -> Path:
    return trained_models_dir()


def trash_dir(folder: Path | None = None) -> Path:
    return (folder or library_dir()) / TRASH_DIR_NAME


def entry_for(path: os.PathLike | str) -> LibraryEntry:
    p = Path(path)
    try:
        st = p.stat()
        size, mtime = st.st_size, st.st_mtime
    except OSError:
        size, mtime = 0, 0.0
    try:
        return LibraryEntry(p, read_info(p), None, size, mtime)
    except ModelFileError as exc:
        return LibraryEntry(p, None, str(exc), size, mtime)
    except Exception:  # noqa: BLE001 - one odd file must never break the listing (the window's start-up)
        return LibraryEntry(p, None, DAMAGED, size, mtime)


def _being_trained(p: Path) -> bool:
    """A run's best-so-far (``NAME.partial.safetensors``) while that run still holds its output's
    lock: not a model yet. Once the run has ended (cancelled, killed) the file is the user's."""
    if not p.name.lower().endswith(".partial" + MODEL_SUFFIX):
        return False
    from filelock import FileLock, Timeout

    from .fileio import _lock_file

    final = p.with_name(p.name[: -len(".partial" + MODEL_SUFFIX)] + MODEL_SUFFIX)
    lock_path = _lock_file(final)
    if not lock_path.exists():
        return False
    probe = FileLock(lock_path, timeout=0, is_singleton=False, thread_local=False)
    try:
        probe.acquire()
    except Timeout:
        return True
    except OSError:
        return False
    probe.release()
    return False


def list_models(folder: os.PathLike | str | None = None) -> list[LibraryEntry]:
    """Every model file in the library, newest first; damaged files are listed with their error."""
    d = Path(folder) if folder else library_dir()
    try:
        files = [p for p in d.iterdir() if p.suffix.lower() == MODEL_SUFFIX and p.is_file()
                 and not p.name.startswith(".")]
    except OSError:
        return []
    entries = [entry_for(p) for p in files if not _being_trained(p)]
    entries.sort(key=lambda e: (-e.modified, e.name.lower()))
    return entries


def unique_path(folder: Path, stem: str, suffix: str = MODEL_SUFFIX, *, ignore: Path | None = None) -> Path:
    """``folder/stem.suffix``, or ``stem (2).suffix``... when that name is taken."""
    candidate = folder / f"{stem}{suffix}"
    i = 2
    while candidate.exists() and (ignore is None or candidate.resolve() != ignore.resolve()):
        candidate = folder / f"{stem} ({i}){suffix}"
        i += 1
    return candidate


def _rewrite_with_info(src: Path, dest: Path, info: ModelInfo) -> None:
    """Copy ``src`` to ``dest`` with new metadata. Tensor offsets are relative to the end of the
    header, so only the header changes; the weights are streamed across unchanged."""
    header, data_start = _read_header(src)
    meta = dict(header.get("__metadata__") or {})
    meta[METADATA_KEY] = info.to_json()
    header["__metadata__"] = meta
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # safetensors pads headers to 8-byte alignment
    try:
        with open(src, "rb") as fin, atomic_write(dest) as fout:
            fout.write(struct.pack("<Q", len(text)))
            fout.write(text)
            fin.seek(data_start)
            shutil.copyfileobj(fin, fout, 1 << 20)
    except FileNotFoundError as exc:
        raise ModelFileError(f"The model file {src.name} no longer exists.") from exc


def rename_model(path: os.PathLike | str, new_name: str, *, runs_folder: os.PathLike | str | None = None) -> Path:
    """Give a model a new display name; its file is renamed to match, and the records of the runs
    that made it follow (``runs_folder``: where they are, default ``paths.runs_dir()``).
    Returns the new path."""
    p = Path(path)
    name = " ".join(new_name.split())
    if not name:
        raise ModelFileError("A model needs a name; the name cannot be empty.")
    info = read_info(p)
    info.name = name
    dest = unique_path(p.parent, safe_file_stem(name), ignore=p)
    _rewrite_with_info(p, dest, info)
    if dest.resolve() != p.resolve():
        try:
            p.unlink()
        except OSError as exc:
            dest.unlink(missing_ok=True)
            raise write_error(p, exc) from exc
    _follow_in_runs(p, dest, name, runs_folder)
    return dest


def _follow_in_runs(old: Path, new: Path, name: str | None, runs_folder) -> None:
    from .runs import follow_model_file

    try:
        follow_model_file(old, new, name=name, folder=runs_folder)
    except Exception:  # noqa: BLE001 - the model was renamed; a stale run record must not undo that
        pass


def delete_model(path: os.PathLike | str) -> TrashTicket:
    """Move a model file to the library's trash; :func:`restore_model` undoes it."""
    p = Path(path)
    trash = trash_dir(p.parent)
    try:
        trash.mkdir(parents=True, exist_ok=True)
        target = trash / f"{uuid.uuid4().hex[:8]}-{p.name}"
        os.replace(p, target)
    except FileNotFoundError as exc:
        raise ModelFileError(f"The model file {p.name} no longer exists.") from exc
    except OSError as exc:
        raise OutputWriteError(f"Could not delete {p.name}: {exc.strerror or exc}.") from exc
    return TrashTicket(p, target)


def restore_model(ticket: TrashTicket) -> Path:
    """Put a deleted model back (under a new name if its old name was taken meanwhile)."""
    if not ticket.trashed.exists():
        raise ModelFileError(f"{ticket.original.name} can no longer be restored (the trash was emptied).")
    dest = unique_path(ticket.original.parent, ticket.original.stem, ticket.original.suffix)
    try:
        os.replace(ticket.trashed, dest)
    except OSError as exc:
        raise write_error(dest, exc) from exc
    if dest != ticket.original:  # its old name was taken meanwhile: its runs follow it
        _follow_in_runs(ticket.original, dest, None, None)
    return dest


def empty_trash(folder: os.PathLike | str | None = None, *, older_than_s: float = 0.0) -> int:
    """Delete trashed models (only those older than ``older_than_s``). Returns how many."""
    trash = trash_dir(Path(folder) if folder else None)
    if not trash.is_dir():
        return 0
    now, removed = time.time(), 0
    for p in trash.iterdir():
        try:
            if now - p.stat().st_mtime >= older_than_s:
                p.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def import_model_file(
    src: os.PathLike | str, *, folder: os.PathLike | str | None = None, name: str | None = None
) -> Path:
    """Copy a model file into the library, checking it first. ``.pth``/``.pt`` state dicts are
    converted and every file is loaded once to check its weights (this imports torch: call it from a worker). Returns the new file's path."""
    s = Path(src)
    d = Path(folder) if folder else library_dir()
    if not s.is_file():
        raise ModelFileError(f"{s.name} is not a file that can be imported.")
    if s.suffix.lower() in (".pth", ".pt", ".bin"):
        from .modelfile import import_state_dict, save_model_file

        info, sd = import_state_dict(s)
        info.name = name or info.name or s.stem
        return save_model_file(unique_path(d, safe_file_stem(info.name)), sd, info)
    from .modelfile import build_from_info, read_checked_model_file

    # The header alone can look right while the weights are cut short, belong to another
    # architecture, disagree with the class list or hold NaN: all of it is checked now, not later
    # when the user picks the model, and the bytes checked are the bytes copied.
    info, state, data = read_checked_model_file(s)
    build_from_info(info, state, path=s)
    display = name or info.name or s.stem
    dest = unique_path(d, safe_file_stem(display))
    if name and name != info.name:
        info.name = name
        _rewrite_with_info(s, dest, info)
        return dest
    with atomic_write(dest) as fout:
        fout.write(data)
    return dest


# -- naming a model: what every command taking --model or MODEL understands -----------------------
def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _exists(spec: str) -> bool:
    try:
        os.stat(spec)
    except (OSError, ValueError):  # ValueError: a NUL byte; OSError also covers a name too long
        return False
    return True


def _names_of(entries: list[LibraryEntry]) -> dict[str, list[LibraryEntry]]:
    """Every name a library model answers to (display name, file name, file stem), folded."""
    names: dict[str, list[LibraryEntry]] = {}
    for e in entries:
        for n in {_folded(e.name), _folded(e.path.name), _folded(e.path.stem)}:
            if n:
                names.setdefault(n, []).append(e)
    return names


def resolve_model(spec: os.PathLike | str, *, folder: os.PathLike | str | None = None) -> str:
    """What the user called a model, as the zoo name or file path the engine loads.

    In this order: a zoo name (``resnet50``, any case); an existing file or folder (its own error
    comes when it is loaded); a model of the library (``folder``, default the user's) by its name
    or file name, case-insensitive, exactly, then a unique beginning. Raises :class:`ModelError`
    with close names ("did you mean …?") when nothing, or more than one model, matches.
    """
    from .errors import ModelError
    from .zoo import ZOO

    s = str(spec)
    if s in ZOO:
        return s
    if s.lower() in ZOO:
        return s.lower()
    if _exists(s):
        return s
    entries = list_models(folder)
    names = _names_of(entries)
    key = _folded(s)
    exact = _unique(names.get(key, [])) if key else []
    if len(exact) == 1:
        return str(exact[0].path)
    if len(exact) > 1:
        files = ", ".join(e.path.name for e in exact)
        raise ModelError(f"Several of your models are called '{s}' ({files}); give the model's file instead.")
    starts = _unique([e for n, found in names.items() if key and n.startswith(key) for e in found])
    if len(starts) == 1:
        return str(starts[0].path)
    if len(starts) > 1:
        listed = ", ".join(f"'{e.name}'" for e in starts[:6])
        raise ModelError(f"'{s}' could be any of {listed}; type more of the name.")
    raise ModelError(_not_found_message(s, entries))


def _unique(entries: list[LibraryEntry]) -> list[LibraryEntry]:
    seen: dict[Path, LibraryEntry] = {}
    for e in entries:
        seen.setdefault(e.path, e)
    return list(seen.values())


def _not_found_message(spec: str, entries: list[LibraryEntry]) -> str:
    import difflib

    from .zoo import ZOO

    by_folded = {}
    for name in [*ZOO, *(e.name for e in entries)]:
        by_folded.setdefault(_folded(name), name)
    close = difflib.get_close_matches(_folded(spec), list(by_folded), n=3, cutoff=0.5)
    if close:
        hint = " Did you mean " + " or ".join(f"'{by_folded[c]}'" for c in close) + "?"
    else:
        hint = " 'resnet-studio models' lists the models you can use."
    return f"'{spec}' is neither a model name, nor the name of one of your models, nor an existing model file.{hint}"
