"""Keep the memory a CPU training step frees for the next step (Linux with glibc; elsewhere these
are no-ops).

Why: a ResNet training step on the CPU allocates and frees about a gigabyte of activations and
gradients. glibc serves blocks that large with mmap and returns them to the kernel on free, so the
next step gets them back as fresh zero-filled pages: about 200,000 page faults per step for
ResNet-18 at batch 32 and 224 px, 5-8 % of the step on a 2-core CPU (``bench/bench_cpu_memory.py``).
While a network trains, :func:`keep_freed_memory` serves every block from the heap and keeps what
is freed there; afterwards the usual settings come back and the memory is returned to the system.

Only on the process's main thread (the CLI, the desktop app's training helper process; elsewhere
it does nothing): a worker thread's own glibc heaps give memory back regardless of these settings,
and blocks kept in the main heap of a process with a GUI thread (which allocates from it too) made
that thread wait 60-130 ms on the heap's lock while they were given back.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import threading
from collections.abc import Iterator

# mallopt() parameter numbers from glibc's <malloc.h>
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_MMAP_MAX = -4

#: Free memory kept at the top of the heap while training (more than any step frees at once).
KEEP_BYTES = 1 << 30
# After training: what glibc's own adaptive thresholds settle at once large blocks have been freed
# (its maximum mmap threshold on 64-bit, trim at twice that), and its default number of mmaps.
_AFTER_MMAP_THRESHOLD = 32 << 20
_AFTER_TRIM_THRESHOLD = 64 << 20
_DEFAULT_MMAP_MAX = 65536

_depth = 0  # nested uses (main thread only, so no lock)


def _glibc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        libc.gnu_get_libc_version  # only glibc has these semantics (musl has no mallopt tuning)
    except (OSError, AttributeError):
        return None
    return libc


# RESNET_STUDIO_KEEP_FREED_MEMORY=0 turns this off (benchmarks compare both; a way out should an
# allocator other than glibc's be preloaded).
_libc = None if os.environ.get("RESNET_STUDIO_KEEP_FREED_MEMORY") == "0" else _glibc()


def available() -> bool:
    """Whether this process's allocator can be tuned (Linux with glibc)."""
    return _libc is not None


def give_back() -> None:
    """Return the heap's free memory to the system now (glibc; elsewhere nothing to do)."""
    if _libc is not None:
        _libc.malloc_trim(0)


@contextlib.contextmanager
def keep_freed_memory(enabled: bool = True) -> Iterator[None]:
    """Inside: large blocks come from the heap and freed memory stays there for the next step.
    On leaving (also on errors or a cancel): glibc's usual behaviour again, and the kept memory
    goes back to the system. Nested uses are counted; the last one out restores. Off the main
    thread, or with ``enabled`` False, it does nothing (see the module's note)."""
    global _depth
    if not enabled or _libc is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    _depth += 1
    if _depth == 1:
        _libc.mallopt(_M_MMAP_MAX, 0)
        _libc.mallopt(_M_TRIM_THRESHOLD, KEEP_BYTES)
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            _libc.mallopt(_M_MMAP_MAX, _DEFAULT_MMAP_MAX)
            _libc.mallopt(_M_MMAP_THRESHOLD, _AFTER_MMAP_THRESHOLD)
            _libc.mallopt(_M_TRIM_THRESHOLD, _AFTER_TRIM_THRESHOLD)
            _libc.malloc_trim(0)
