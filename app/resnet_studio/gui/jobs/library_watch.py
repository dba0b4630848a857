"""One model library for every view: the Classify model menu, the Models list, the Train results'
"Use this model" and (through the Classify view) the Camera all show what :class:`LibraryWatch`
last read, and hear about every change from its ``changed`` signal.

It re-reads the library folder (model-file headers only, ``engine.library.list_models``) after
every library action the app does — the caller says so with :meth:`LibraryWatch.reload` (at once,
on the GUI thread: the user is waiting to see the result of a rename or delete) or
:meth:`LibraryWatch.refresh` — and whenever the folder changes on disk (a file copied in, removed
or renamed in a file manager): a ``QFileSystemWatcher`` on the folder, debounced, since one save
is several events (a temporary file, a rename) and a training writes its best model once an epoch.
Those re-reads run on a worker thread. Only plain ``LibraryEntry`` values cross threads.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from . import library as jobs
from .framework import Task

#: Quiet time after the last change on disk before the folder is read again (ms).
DEBOUNCE_MS = 300


class LibraryWatch(QObject):
    """What is in the user's library now. ``changed(entries)``: the new listing (newest first);
    ``renamed(old, new)``: a model the app renamed (views holding ``old`` switch to ``new``)."""

    changed = Signal(list)
    renamed = Signal(str, str)

    def __init__(self, parent: QObject | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._entries: list = []
        self._read_once = False
        self._folder = ""
        self._task: Task | None = None
        self._again = False
        self._stopped = False
        self._watcher: QFileSystemWatcher | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.refresh_now)

    # -- what the views ask --------------------------------------------------------------------
    def entries(self) -> list:
        """The last listing (``engine.library.LibraryEntry``, newest first)."""
        return list(self._entries)

    def has_read(self) -> bool:
        """Whether the library has been read at least once (before that nothing is known gone)."""
        return self._read_once

    def contains(self, path: os.PathLike | str) -> bool:
        """Whether the model file ``path`` can still be used. Asked of the disk, not of the last
        listing: a file removed a moment ago is gone before the debounced re-read, and one saved a
        moment ago is there before it."""
        return bool(path) and os.path.isfile(path)

    # -- keeping it true -----------------------------------------------------------------------
    def start(self) -> None:
        """Watch the library folder for changes made outside the app (after the window is on
        screen; the first listing is the caller's :meth:`reload` or :meth:`refresh_now`)."""
        if self._watcher is None and not self._stopped:
            from ...engine.paths import trained_models_dir

            self._folder = str(trained_models_dir())
            self._watcher = QFileSystemWatcher([self._folder], self)
            self._watcher.directoryChanged.connect(lambda _p: self.refresh())

    def stop(self) -> None:
        """No more reading (the window is closing: emptying the trash must not start a listing)."""
        self._stopped = True
        self._timer.stop()
        if self._watcher is not None:
            self._watcher.directoryChanged.disconnect()
            self._watcher.deleteLater()
            self._watcher = None

    def refresh(self) -> None:
        """Read the library again soon (changes within :data:`DEBOUNCE_MS` make one read)."""
        if not self._stopped:
            self._timer.start()

    def refresh_now(self) -> None:
        """Read the library on a worker thread now; ``changed`` when done."""
        self._timer.stop()
        if self._stopped:
            return
        if self._task is not None:
            self._again = True
            return
        task = Task(jobs.list_models, name="list-models", background=True)
        task.succeeded.connect(self.set_entries)
        task.finished.connect(self._on_task_finished)
        self._task = task
        task.start()

    def reload(self) -> list:
        """Read the library at once, on this thread (after the user's own rename, delete, undo or
        import: every view shows the result before the next event); returns the listing."""
        self._timer.stop()
        entries = jobs.list_models()
        self.set_entries(entries)
        return entries

    def note_renamed(self, old: os.PathLike | str, new: os.PathLike | str) -> None:
        """The app renamed a model: say so (views follow it), then list the library again."""
        self.renamed.emit(os.fspath(old), os.fspath(new))
        self.reload()

    def set_entries(self, entries: list) -> None:
        """A listing read by someone else (e.g. on a worker after a training): share it."""
        self._entries = list(entries)
        self._read_once = True
        self.changed.emit(self.entries())

    def _on_task_finished(self) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.refresh_now()
