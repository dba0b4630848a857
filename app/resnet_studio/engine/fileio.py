"""Writing user files safely: all or nothing, with a readable message when the disk says no.

Every file the app writes for a user (model files, CSV results, exports) goes through
:func:`atomic_write`, so a crash, a kill or a full disk mid-write leaves the previous file intact
and no half-written file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import OutputInUseError, OutputWriteError

_REASONS = {
    errno.ENOSPC: "the disk is full",
    getattr(errno, "EDQUOT", -1): "the disk quota is used up",
    errno.EROFS: "the folder is on a read-only disk",
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    errno.ENOENT: "the folder does not exist",
    errno.ENAMETOOLONG: "the file name is too long",
}


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp creates files readable by the owner only (0600); a user's CSV or model file should get
# the same permissions as any other file they save, so the temporary file is widened to these.
_NEW_FILE_MODE = 0o666 & ~_read_umask()


def _set_final_mode(tmp: Path, target: Path) -> None:
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else _NEW_FILE_MODE
        os.chmod(tmp, mode)
    except OSError:
        pass  # not worth failing a save over (e.g. filesystems without permissions)


def on_read_only_disk(folder: os.PathLike | str) -> bool:
    """Whether ``folder`` is on a disk mounted read-only (a write-protected card, a CD, a network
    share): a different fix for the user than a folder they may not write in."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # statvfs is missing on Windows
        return False


#: What ``os.link`` raises where a disk has no hard links (FAT, exFAT, some network shares) or the
#: new name is on another disk: whoever links falls back to a copy.
CANNOT_LINK = frozenset({errno.EXDEV, errno.EPERM, errno.ENOTSUP, errno.EMLINK, errno.EOPNOTSUPP, errno.EACCES})


def describe_os_error(exc: OSError) -> str:
    """A short reason for an OS error, in words a user understands."""
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def write_error(path: os.PathLike | str, exc: OSError) -> OutputWriteError:
    return OutputWriteError(
        f"Could not save {Path(path).name}: {describe_os_error(exc)}.", details=f"{path}: {exc!r}"
    )


@contextlib.contextmanager
def atomic_write(path: os.PathLike | str, mode: str = "wb", **open_kwargs) -> Iterator[IO]:
    """Open a temporary file next to ``path``; on success it atomically replaces ``path``.

    On any error the temporary file is removed and ``path`` is untouched. ``OSError`` from the
    filesystem becomes :class:`OutputWriteError` with a readable message.
    """
    target = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise write_error(target, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, **open_kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _set_final_mode(tmp, target)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(target, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# Libraries written in Rust (safetensors) report a failed write as their own exception type whose
# text ends with the OS error, e.g. "I/O error: No space left on device (os error 28)".
_FOREIGN_OS_ERROR = re.compile(r"\(os error (\d+)\)")


def _as_os_error(exc: BaseException) -> OSError | None:
    """The OS error inside a library's own exception, when there is one."""
    if isinstance(exc, OSError):
        return exc
    match = _FOREIGN_OS_ERROR.search(str(exc))
    if match is None:
        return None
    code = int(match.group(1))
    return OSError(code, os.strerror(code))


def atomic_replace_from(tmp_writer, path: os.PathLike | str) -> None:
    """Run ``tmp_writer(tmp_path)`` (a library that insists on writing to a path itself), then
    atomically move the result onto ``path``. Same guarantees as :func:`atomic_write`; a
    library's own exception that carries an OS error (a full disk seen by safetensors) becomes
    :class:`OutputWriteError` too."""
    target = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise write_error(target, exc) from exc
    tmp = Path(tmp_name)
    try:
        tmp_writer(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        _set_final_mode(tmp, target)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(target, exc) from exc
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        os_exc = _as_os_error(exc)
        if os_exc is None:
            raise
        raise write_error(target, os_exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# ------------------------------------------------------------------------------------------------
# Outputs that take a while to make (a training run): one writer at a time, finished or nothing


_IN_USE = "Another training is saving to this model file right now. Choose another name, or wait for it to finish."


def partial_path(path: os.PathLike | str) -> Path:
    """Where a long job keeps its unfinished output beside ``path`` (``model.partial.safetensors``):
    in the same folder, so finishing is one atomic rename, and visible, so after a crash the user
    finds it."""
    p = Path(path)
    return p.with_name(f"{p.stem}.partial{p.suffix}")


def _lock_file(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def output_lock(path: os.PathLike | str) -> Iterator[Path]:
    """Hold the lock of the output ``path`` for the ``with`` block, or raise
    :class:`OutputInUseError` at once when another process (or thread) holds it.

    An OS lock (``flock`` / ``LockFileEx`` through ``filelock``) rather than a marker file: the
    system drops it when its process dies, so a killed run never leaves a stale lock behind.
    Re-entrant in one thread, so a caller may claim the output before work that precedes ``train``.
    """
    from filelock import FileLock, Timeout

    target = Path(path)
    lock = FileLock(_lock_file(target), timeout=0, is_singleton=True)
    try:
        lock.acquire()
    except Timeout as exc:
        raise OutputInUseError(_IN_USE, details=f"{target} is locked by {_lock_file(target)}") from exc
    except OSError as exc:
        raise write_error(target, exc) from exc
    try:
        yield target
    finally:
        if lock.lock_counter == 1:
            # removed while still held: a waiting peer then finds its file unlinked and retries
            # (on Windows an open file cannot be removed; filelock removes it on release there)
            with contextlib.suppress(OSError):
                _lock_file(target).unlink()
        lock.release()


def promote(src: os.PathLike | str, dest: os.PathLike | str) -> Path:
    """Atomically put the finished ``src`` in place of ``dest`` (same folder); ``dest`` is never
    half-replaced. :class:`OutputWriteError` when the system refuses."""
    try:
        os.replace(src, dest)
    except OSError as exc:
        raise write_error(dest, exc) from exc
    return Path(dest)


# ------------------------------------------------------------------------------------------------
# Reading files a user (or another program) may have put anything at: a pipe, a device, a huge file


class NotARegularFile(Exception):
    """A pipe, device or folder where a file was expected (``mode``: its ``st_mode``)."""

    def __init__(self, path: os.PathLike | str, mode: int) -> None:
        super().__init__(f"{path}: mode {mode:o}, not a regular file")
        self.mode = mode


class FileTooLarge(Exception):
    """A regular file larger than the caller's bound."""


def open_regular(path: os.PathLike | str, limit: int | None = None, *,
                 buffered: bool = False) -> tuple[IO[bytes], os.stat_result]:
    """``(file, stat)`` of ``path`` opened for reading, when it is a regular file (of at most
    ``limit`` bytes); else :class:`NotARegularFile` or :class:`FileTooLarge`. OS errors (a missing
    file...) pass through.

    Opened without waiting (``open`` of a FIFO blocks until a writer comes) and checked on the open
    file, so what is read is what was checked, whatever replaces the name meanwhile.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotARegularFile(path, st.st_mode)
        if limit is not None and st.st_size > limit:
            raise FileTooLarge(f"{path}: {st.st_size} bytes, limit {limit}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering=-1 if buffered else 0), st
    except BaseException:
        os.close(fd)
        raise
