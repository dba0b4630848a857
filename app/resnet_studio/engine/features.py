"""Backbone features for head-only training, computed once and kept on disk.

Training only the last layer on a frozen, pre-trained backbone needs the backbone's pooled
features of every image, once. They are cached under ``user_cache_dir()/features`` (or the
caller's folder), keyed by

* the **file content** (a BLAKE2 hash of the bytes, so renaming or moving a folder keeps the cache,
  and an edited picture is extracted again),
* the **model** (a hash of the weights file, or the seed of a random init) and
* the **preprocessing** (sizes and normalisation),

so a second training run with other settings on the same pictures starts at once. Hashing reads
every file, so the hashes themselves are remembered by (path, size, modification time, inode,
change time): tools that restore a file's times (backups, sync) cannot restore its inode or its
change time, which the system sets on every write, so a changed picture is always hashed again.

The cache is a speed-up, never a source of truth: every row of a chunk file carries a checksum
bound to the digest it is filed under, checked whenever it is read; a row that does not match
discards its file, whose features are extracted again. Index and header sizes are checked
before anything is read. A cache folder that cannot be written (read-only, full) makes a run
slower, never fail: the features of that run stay in memory.

Memory stays bounded however many pictures there are: new features go to the cache as they are
extracted (one atomically written chunk file every few tens of MB), and a training's features are
held in memory only when they fit a budget (half the available memory, or
``RESNET_STUDIO_FEATURE_RAM_MB``); otherwise they are copied, in training order, into one file
that is memory-mapped and read a chunk at a time (:class:`FeatureSet`). A cache file found cut
short or garbled is deleted and its features are extracted again.

Extraction overlaps decoding (threads, reduced-size JPEG decoding) with the forward pass, which
runs in ONNX Runtime on the CPU when there are enough images to repay the one-time export (about
1.5-2x faster than eager PyTorch there), else in PyTorch (channels-last, inference mode; mixed
precision on CUDA).

Where the code is: content digests in :mod:`.feature_digests`, the chunk files and the store in
:mod:`.feature_store`, decoding and the forward pass in :mod:`.feature_extraction`, the memory
budget and the features of one training in :mod:`.feature_set`; here, :func:`cached_features`,
which puts them together. Every name is still importable from this module.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .feature_digests import DigestIndex
from .feature_extraction import _extract
from .feature_set import FeatureSet, _assemble, _with_retries, feature_ram_budget
from .feature_store import FeatureStore
from .images import Preprocess

# Re-exported: the code now lives in feature_digests, feature_extraction, feature_set, feature_store.
from .feature_digests import _hash_file, default_workers, file_digest  # noqa: F401
from .feature_extraction import ORT_MIN_IMAGES, Batch, FeatureExtractor, iter_batches  # noqa: F401
from .feature_set import RAM_BUDGET_ENV, available_memory, build_feature_set  # noqa: F401
from .feature_store import FEATURE_VERSION, _row_sums, model_key  # noqa: F401

#: During extraction new features go to the cache every this many bytes (so memory stays flat).
_FLUSH_BYTES = 32 << 20

ProgressFn = Callable[[int, int], None]


def cached_features(
    model,
    paths: Sequence[os.PathLike | str],
    preprocess: Preprocess,
    key: str,
    *,
    cache_dir: Path,
    device="cpu",
    batch_size: int = 32,
    backend: str = "auto",
    workers: int | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    ram_budget: int | None = None,
    load: bool = True,
) -> FeatureSet:
    """Features of ``paths`` from the cache, extracting (and caching) the missing ones.

    ``model``: the network whose backbone gives the features (its ``fc`` is ignored). ``key``:
    :func:`model_key` of that backbone and ``preprocess``. ``ram_budget``: bytes the features may
    take in memory (default :func:`feature_ram_budget`); beyond it they are streamed from disk.
    New features go to the cache as they are extracted, so memory stays flat. Raises
    :class:`CancelledError` when ``cancel`` is set (features extracted so far are kept in the
    cache). A damaged cache file is deleted and its features are extracted again.
    ``load=False``: only make sure they are cached (``features`` is then empty; ``ok``,
    ``skipped`` and the counts are as usual), e.g. one process's share under torchrun.
    """
    index = DigestIndex(cache_dir)
    digests, unreadable = index.digests_and_reasons(paths, workers=workers)
    index.save()
    store = FeatureStore(cache_dir / key)
    budget = feature_ram_budget() if ram_budget is None else max(0, int(ram_budget))
    state: dict = {"extracted": 0, "hits": 0, "backend": "cache", "cached": set()}

    def attempt(number: int) -> FeatureSet:
        catalog = store.open()
        skipped: list[tuple[str, str]] = []
        todo: dict[str, int] = {}  # digest → first position needing it (duplicates extracted once)
        for i, d in enumerate(digests):
            if d is None:
                skipped.append((str(paths[i]), unreadable.get(i, "This file could not be read.")))
            elif d not in catalog and d not in todo:
                todo[d] = i
        if number == 0:
            state["cached"] = {d for d in digests if d is not None and d in catalog}
        # features of a damaged file, extracted again on a retry, were no hits after all
        cached = state["cached"]
        state["hits"] = sum(1 for d in digests if d in cached and d not in todo)
        failed: set[str] = set()
        if todo:
            count, state["backend"] = _extract(
                model, paths, digests, list(todo.values()), preprocess, store, failed, skipped,
                device=device, batch_size=batch_size, backend=backend, workers=workers, progress=progress,
                cancel=cancel, flush_bytes=min(_FLUSH_BYTES, budget // 4), dim=catalog.dim)
            state["extracted"] += count
            store.compact()
            catalog = store.open()
        ok: list[int] = []
        for i, d in enumerate(digests):
            if d is None:
                continue
            if d in failed:
                if todo.get(d) != i:  # a duplicate of an unreadable file: report it too
                    skipped.append((str(paths[i]), "This file could not be read."))
                continue
            ok.append(i)
        skipped.sort(key=lambda s: s[0])
        if not load:
            return FeatureSet(np.zeros((0, catalog.dim), np.float32), ok, skipped, cache_hits=state["hits"],
                              extracted=state["extracted"], backend=state["backend"])
        return _assemble(store, catalog, [digests[i] for i in ok], budget, ok=ok, skipped=skipped,
                         cache_hits=state["hits"], extracted=state["extracted"], backend=state["backend"])

    return _with_retries(store, attempt)
