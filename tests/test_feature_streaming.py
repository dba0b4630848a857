"""Head training when the features do not fit in memory: they are streamed from a file on disk.

A tiny memory budget (``RESNET_STUDIO_FEATURE_RAM_MB``) forces the streaming path on a small
dataset, so the same training can be compared with the in-memory one. Damaged cache files are
found and their features extracted again.
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import numpy as np
import pytest
import torch

from resnet_studio.engine import feature_store
from resnet_studio.engine import features as F
from resnet_studio.engine.features import FeatureSet, FeatureStore, build_feature_set, feature_ram_budget
from resnet_studio.engine.train import BatchEvent, EpochEvent, TrainConfig, train
from tests.conftest import make_shapes_dataset

pytestmark = pytest.mark.usefixtures("torch_one_thread")

TINY_MB = "0.02"  # 20 KB: ten 512-number feature rows; 30 pictures need 60 KB → streamed
DIM = 16


@pytest.fixture
def weights(fake_imagenet_weights):
    return fake_imagenet_weights("resnet18")


@pytest.fixture
def shapes(tmp_path) -> Path:
    return make_shapes_dataset(tmp_path / "shapes", per_class=10, size=32)


_FIRST: dict[str, Path] = {}


@pytest.fixture
def cached(tmp_path, tmp_path_factory, shapes, weights) -> Path:
    """``shapes`` with its features already cached under ``tmp_path/"features"`` (extracted once for
    the module: the cache is keyed by content, and every test's pictures and weights are the same)."""
    if "features" not in _FIRST:
        first = tmp_path_factory.mktemp("first")
        r = train(shapes, first / "m.safetensors", cfg(first, epochs=1))
        assert r.features_extracted == 30
        _FIRST["features"] = first / "features"
    shutil.copytree(_FIRST["features"], tmp_path / "features")
    return shapes


def cfg(tmp_path, **kw) -> TrainConfig:
    return TrainConfig(cache_dir=tmp_path / "features", image_size=32, batch_size=8, mode="head", **kw)


def run_files(tmp_path) -> list[Path]:
    return sorted((tmp_path / "features").glob("*/run-*.safetensors"))


def chunk_files(tmp_path) -> list[Path]:
    return sorted((tmp_path / "features").glob("*/chunk-*.safetensors"))


def synthetic_store(folder: Path, n: int, *, per_chunk: int = 25, seed: int = 0) -> tuple[FeatureStore, list[str], np.ndarray]:
    rng = np.random.default_rng(seed)
    data = rng.normal(2.0, 3.0, (n, DIM)).astype(np.float32)
    keys = [f"d{i:05d}" for i in range(n)]
    store = FeatureStore(folder)
    for a in range(0, n, per_chunk):
        store.add(dict(zip(keys[a:a + per_chunk], data[a:a + per_chunk])), compact=False)
    return store, keys, data


# ------------------------------------------------------------------------------------------------
# The feature set, streamed or in memory


def test_small_budget_streams_a_memory_mapped_file_read_in_chunks(tmp_path):
    store, keys, data = synthetic_store(tmp_path / "k", 101)
    budget = 40 * DIM * 4  # 40 rows; chunks of a quarter of that
    fs = build_feature_set(store, keys, ram_budget=budget)
    assert fs.streamed and isinstance(fs.features, np.memmap) and fs.path.exists()
    assert fs.features.shape == (101, DIM) and np.array_equal(np.asarray(fs.features), data)
    assert fs.chunk_size(4) == 8  # whole batches, about a quarter of the budget
    assert np.array_equal(np.concatenate(list(fs.blocks(0, 101))), data)
    assert all(len(b) <= 10 for b in fs.blocks(0, 101))

    def epoch(seed: int, bs: int = 4):
        gen = torch.Generator().manual_seed(seed)
        return [(x.copy(), p.copy()) for x, p in fs.shuffled_batches(3, 101, bs, gen)]

    batches = epoch(7)
    positions = np.concatenate([p for _, p in batches])
    assert sorted(positions.tolist()) == list(range(98))  # every row once
    assert positions.tolist() != list(range(98))  # shuffled
    assert len(batches) == int(np.ceil(98 / 4))
    assert all(np.array_equal(x, data[3 + p]) for x, p in batches)  # rows travel with their positions
    again = epoch(7)
    assert all(np.array_equal(a[1], b[1]) for a, b in zip(batches, again))  # same seed, same epoch
    assert [p.tolist() for _, p in epoch(8)] != [p.tolist() for _, p in batches]

    mean, std = fs.stats(3, 101)
    assert np.allclose(mean, data[3:].astype(np.float64).mean(0), atol=1e-9)
    assert np.allclose(std, data[3:].astype(np.float64).std(0), atol=1e-9)

    path = fs.path
    fs.close()
    assert not path.exists()


def test_a_large_budget_keeps_features_in_memory_and_shuffles_globally(tmp_path):
    store, keys, data = synthetic_store(tmp_path / "k", 50)
    fs = build_feature_set(store, keys, ram_budget=1 << 20)
    assert not fs.streamed and not isinstance(fs.features, np.memmap)
    assert np.array_equal(fs.features, data)
    assert not list((tmp_path / "k").glob("run-*"))
    gen = torch.Generator().manual_seed(0)
    got = np.concatenate([p for _, p in fs.shuffled_batches(0, 50, 8, gen)])
    assert got.tolist() == torch.randperm(50, generator=torch.Generator().manual_seed(0)).tolist()


def test_feature_set_made_by_hand_still_works():
    x = np.arange(12, dtype=np.float32).reshape(6, 2)
    fs = FeatureSet(x, list(range(6)), [])
    assert not fs.streamed and fs.dim == 2 and np.array_equal(fs.rows(1, 3), x[1:3])
    fs.close()


def test_cache_files_are_standard_safetensors_and_many_are_merged(tmp_path):
    from safetensors import safe_open

    store, keys, data = synthetic_store(tmp_path / "k", 120, per_chunk=10)  # 12 chunks
    assert len(list((tmp_path / "k").glob("chunk-*"))) == 12
    store.compact(block_rows=7)  # merged in pieces, never all at once
    files = list((tmp_path / "k").glob("chunk-*"))
    assert len(files) == 1
    with safe_open(str(files[0]), framework="numpy") as f:
        assert json.loads(f.metadata()["digests"]) == keys  # in the order they were added
        assert np.array_equal(f.get_tensor("features"), data)
    loaded = store.load()
    assert list(loaded) == keys and np.array_equal(np.stack(list(loaded.values())), data)


def test_caches_written_by_the_safetensors_library_are_read(tmp_path):
    """Cache files are plain safetensors: ``safetensors.numpy.save_file`` writes one we read."""
    from safetensors.numpy import save_file

    data = np.random.default_rng(1).normal(size=(7, DIM)).astype(np.float32)
    keys = [f"k{i}" for i in range(7)]
    (tmp_path / "k").mkdir()
    sums = F._row_sums(keys, data).tobytes().hex()  # every row's checksum, as the app writes it
    save_file({"features": data}, str(tmp_path / "k" / "chunk-0old.safetensors"),
              metadata={"digests": json.dumps(keys), "row_sums": sums})
    store = FeatureStore(tmp_path / "k")
    fs = build_feature_set(store, keys[::-1], ram_budget=0)  # streamed, in the order asked for
    assert fs.streamed and np.array_equal(np.concatenate(list(fs.blocks(0, 7))), data[::-1])
    fs.close()


def test_big_chunks_are_not_merged_again(tmp_path, monkeypatch):
    monkeypatch.setattr(feature_store, "_MAX_CHUNK_ROWS", 25)  # FeatureStore.compact reads it there
    store, keys, data = synthetic_store(tmp_path / "k", 120, per_chunk=10)  # 12 chunks of 10 rows
    store.compact()
    files = sorted((tmp_path / "k").glob("chunk-*"))
    assert len(files) == 11  # two small ones merged (a third would pass 25 rows)
    loaded = store.load()
    assert sorted(loaded) == sorted(keys)
    assert all(np.array_equal(loaded[k], data[i]) for i, k in enumerate(keys))


def test_budget_from_the_environment_or_the_system(monkeypatch):
    monkeypatch.setenv(F.RAM_BUDGET_ENV, "64")
    assert feature_ram_budget() == 64 << 20
    monkeypatch.setenv(F.RAM_BUDGET_ENV, "lots")  # not a number: ignored
    assert feature_ram_budget() > 0
    monkeypatch.delenv(F.RAM_BUDGET_ENV)
    avail = F.available_memory()
    assert avail is None or avail > 0
    assert feature_ram_budget() > 0


# ------------------------------------------------------------------------------------------------
# Training


def test_forced_streaming_trains_like_in_memory(tmp_path, cached, monkeypatch):
    shapes = cached
    monkeypatch.setenv(F.RAM_BUDGET_ENV, "10000")
    mem = train(shapes, tmp_path / "mem.safetensors", cfg(tmp_path, epochs=8))
    assert not run_files(tmp_path)

    monkeypatch.setenv(F.RAM_BUDGET_ENV, TINY_MB)
    during: list[list[Path]] = []

    def on_event(e):
        if isinstance(e, BatchEvent) and e.batch == 1:
            during.append(run_files(tmp_path))

    streamed = train(shapes, tmp_path / "stream.safetensors", cfg(tmp_path, epochs=8), on_event=on_event)
    assert during and all(len(files) == 1 for files in during)  # trained from one streamed file
    assert not run_files(tmp_path)  # removed when done
    assert streamed.feature_cache_hits == 30 and streamed.features_extracted == 0
    assert (streamed.n_train, streamed.n_val) == (mem.n_train, mem.n_val)
    assert len(streamed.history) == 8
    # Same data, settings and seed; only the order of the rows within an epoch differs (chunks of
    # 8 rows instead of one permutation), so the first epochs differ a little and the end agrees.
    from safetensors.torch import load_file

    wa = load_file(str(tmp_path / "mem.safetensors"))["fc.weight"]
    wb = load_file(str(tmp_path / "stream.safetensors"))["fc.weight"]
    rel = float((wa - wb).norm() / wa.norm())
    summary = (rel, [(round(a.train_loss, 4), round(b.train_loss, 4), round(a.val_loss, 4), round(b.val_loss, 4))
                     for a, b in zip(mem.history, streamed.history)])
    assert rel < 0.25, summary
    assert abs(streamed.val_accuracy - mem.val_accuracy) <= 0.2, summary
    assert abs(streamed.history[-1].train_loss - mem.history[-1].train_loss) < 0.05, summary
    assert streamed.history[-1].val_loss == pytest.approx(mem.history[-1].val_loss, rel=0.5, abs=0.02), summary

    # streaming is repeatable for a seed
    again = train(shapes, tmp_path / "again.safetensors", cfg(tmp_path, epochs=8))
    assert [h.train_loss for h in again.history] == [h.train_loss for h in streamed.history]


def test_extraction_with_a_small_budget_writes_as_it_goes(tmp_path, shapes, weights, monkeypatch):
    monkeypatch.setenv(F.RAM_BUDGET_ENV, TINY_MB)
    r = train(shapes, tmp_path / "m.safetensors", cfg(tmp_path, epochs=2))
    assert r.features_extracted == 30 and r.history
    # flushed a batch at a time, then merged: a handful of files, every feature kept
    assert 1 <= len(chunk_files(tmp_path)) <= 9
    again = train(shapes, tmp_path / "n.safetensors", cfg(tmp_path, epochs=2))
    assert again.features_extracted == 0 and again.feature_cache_hits == 30


@pytest.mark.parametrize("cancel_at", [(1, 2), (2, 2)])
def test_cancel_mid_epoch_while_streaming(tmp_path, cached, monkeypatch, cancel_at):
    monkeypatch.setenv(F.RAM_BUDGET_ENV, TINY_MB)
    cancel = threading.Event()

    def on_event(e):
        if isinstance(e, BatchEvent) and (e.epoch, e.batch) == cancel_at:
            cancel.set()

    out = tmp_path / "m.safetensors"
    r = train(cached, out, cfg(tmp_path, epochs=5), on_event=on_event, cancel=cancel)
    assert r.cancelled and r.epochs_run == cancel_at[0] - 1
    assert (r.model_path == out and out.exists()) if cancel_at[0] > 1 else (r.model_path is None and not out.exists())
    assert not run_files(tmp_path)


def _truncate(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2)


def _garble_header(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.seek(10)
        fh.write(b"\xff" * 20)


def _garble_numbers(path: Path) -> None:  # same size, numbers that are not features (NaN)
    with open(path, "r+b") as fh:
        fh.seek(-4096, 2)
        fh.write(b"\xff" * 4096)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize("damage, budget", [
    (_truncate, "10000"), (_garble_header, "10000"), (_garble_numbers, "10000"), (_empty, "10000"),
    (_truncate, TINY_MB), (_garble_numbers, TINY_MB),
])
def test_a_damaged_cache_file_is_detected_and_rebuilt(tmp_path, cached, monkeypatch, damage, budget):
    chunks = chunk_files(tmp_path)
    assert len(chunks) == 1
    damage(chunks[0])

    monkeypatch.setenv(F.RAM_BUDGET_ENV, budget)
    events: list = []
    r = train(cached, tmp_path / "b.safetensors", cfg(tmp_path, epochs=2), on_event=events.append)
    assert r.features_extracted == 30 and r.feature_cache_hits == 0  # extracted again
    assert r.n_train + r.n_val == 30 and len(r.history) == 2 and not r.skipped
    assert any(isinstance(e, EpochEvent) for e in events)
    assert not chunks[0].exists()  # the damaged file is gone, a sound one replaces it
    assert len(FeatureStore(chunks[0].parent).load()) == 30


def test_load_false_only_fills_the_cache(tmp_path, shapes):
    from resnet_studio.engine.features import cached_features
    from resnet_studio.engine.train import preprocess_for
    from resnet_studio.engine.zoo import build_model

    torch.manual_seed(0)
    model = build_model("resnet18", num_classes=3)
    pre = preprocess_for(TrainConfig(image_size=32))
    paths = sorted(shapes.rglob("*.png"))[:6]
    (tmp_path / "bad.png").write_bytes(b"not a picture")
    kw = dict(cache_dir=tmp_path / "cache", backend="torch", workers=1)
    only = cached_features(model, [*paths, tmp_path / "bad.png"], pre, "k", load=False, **kw)
    assert only.features.shape[0] == 0 and only.ok == list(range(6)) and len(only.skipped) == 1
    assert only.extracted == 6
    full = cached_features(model, paths, pre, "k", **kw)
    assert full.extracted == 0 and full.cache_hits == 6 and full.features.shape == (6, 512)
