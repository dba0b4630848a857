"""Entry script of the frozen app (PyInstaller runs this, not ``python -m resnet_studio``).

It does only what must happen before any of our code or torch is imported, then hands over to
``resnet_studio.__main__.main`` exactly as the ``resnet-studio`` command does.
"""

import multiprocessing
import os
import sys

# First thing: a child process started by multiprocessing re-runs this executable; freeze_support
# turns it into the child instead of a second copy of the app.
multiprocessing.freeze_support()


def _log_file():
    """A writable, line-buffered log in the user's data folder (the bundle itself is read-only)."""
    try:
        from resnet_studio.engine.paths import user_data_dir

        folder = user_data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        return open(folder / "app.log", "a", encoding="utf-8", errors="replace", buffering=1)
    except Exception:  # noqa: BLE001 - no log must never stop the app from starting
        return open(os.devnull, "w", encoding="utf-8")


def _give_streams_a_home() -> None:
    # A windowed build (Windows, macOS app launched from Finder) starts with sys.stdout and
    # sys.stderr set to None; the first print() or progress bar (tqdm, torch warnings) would then
    # crash the app. Send them to a log file instead.
    if sys.stdout is None or sys.stderr is None:
        log = _log_file()
        if sys.stdout is None:
            sys.stdout = log
        if sys.stderr is None:
            sys.stderr = log


_give_streams_a_home()
# No torch.compile at run time: it needs a C compiler (and triton) that users do not have, and the
# bundle leaves triton out. With this, any compile call runs the model eagerly instead of failing.
os.environ.setdefault("TORCH_COMPILE_DISABLE", "1")

from resnet_studio.__main__ import main  # noqa: E402 - must follow the stream fix above

sys.exit(main())
