"""The head-mode feature cache is a speed-up, never a source of truth (issue 13).

Each case was seen to give a wrong model with exit 0, a traceback, a refused training, gigabytes
of memory or a hang. Faults a test cannot cause for real (tests run as root, so ``chmod`` does not
stop writes) are injected at the operating-system call: a read-only folder refuses to create
files and folders (EROFS); a full disk accepts the file and then refuses its bytes (the temporary
file is ``/dev/full``, which answers every write with ENOSPC).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
import threading
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
import torch

from resnet_studio.engine import features as F
from resnet_studio.engine.errors import ImageReadError
from resnet_studio.engine.features import FeatureStore, build_feature_set, cached_features, file_digest
from resnet_studio.engine.train import TrainConfig, preprocess_for, train
from tests.conftest import make_shapes_dataset

pytestmark = pytest.mark.usefixtures("torch_one_thread")

NOT_REGULAR = "This is not a normal file (it is a device or a pipe), not an image."


@pytest.fixture
def weights(fake_imagenet_weights):
    return fake_imagenet_weights("resnet18")


@pytest.fixture
def shapes(tmp_path) -> Path:
    return make_shapes_dataset(tmp_path / "shapes", per_class=10, size=32)


def cfg(cache: Path, **kw) -> TrainConfig:
    return TrainConfig(cache_dir=cache, image_size=32, batch_size=8, mode="head", **{"epochs": 3, **kw})


def chunk_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("*/chunk-*.safetensors"))


def backbone():
    from resnet_studio.engine.zoo import build_model

    torch.manual_seed(0)
    return build_model("resnet18", num_classes=3)


def features_of(paths, cache: Path, model=None, **kw):
    pre = preprocess_for(TrainConfig(image_size=32))
    return cached_features(model or backbone(), paths, pre, "k", cache_dir=cache, backend="torch", workers=1, **kw)


def _under(path, folder: Path) -> bool:
    return Path(os.path.abspath(path)).is_relative_to(os.path.abspath(folder))


def read_only(monkeypatch, folder: Path) -> None:
    """Make ``folder`` behave as on a read-only disk: nothing can be created or deleted in it."""
    def refuse(path):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    real_mkstemp, real_mkdir, real_unlink = tempfile.mkstemp, Path.mkdir, Path.unlink

    def mkstemp(*args, dir=None, **kw):
        if dir is not None and _under(dir, folder):
            refuse(dir)
        return real_mkstemp(*args, dir=dir, **kw)

    def mkdir(self, *args, **kw):
        if _under(self, folder) and not self.is_dir():
            refuse(self)
        return real_mkdir(self, *args, **kw)

    def unlink(self, *args, **kw):
        if _under(self, folder):
            refuse(self)
        return real_unlink(self, *args, **kw)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(Path, "mkdir", mkdir)
    monkeypatch.setattr(Path, "unlink", unlink)


def full_disk(monkeypatch, folder: Path) -> None:
    """Make ``folder`` behave as on a full disk: a new file opens, its first write fails (ENOSPC)."""
    real_mkstemp = tempfile.mkstemp

    def mkstemp(suffix="", prefix="tmp", dir=None, *args, **kw):
        if dir is not None and _under(dir, folder):
            return os.open("/dev/full", os.O_RDWR), str(Path(dir) / f"{prefix}full{suffix}")
        return real_mkstemp(suffix, prefix, dir, *args, **kw)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


# ------------------------------------------------------------------------------------------------
# Cached features are checked against what they claim to be


def _rotate_rows(chunk: Path) -> None:
    """Move every feature row a third of the file down (a category's worth: each picture gets the
    features of one of another category); header, size and times unchanged."""
    raw = bytearray(chunk.read_bytes())
    hlen = int.from_bytes(raw[:8], "little")
    dim = json.loads(raw[8:8 + hlen])["features"]["shape"][1]
    rows = np.frombuffer(bytes(raw[8 + hlen:]), "<f4").reshape(-1, dim)
    raw[8 + hlen:] = np.roll(rows, len(rows) // 3, axis=0).tobytes()
    st = chunk.stat()
    chunk.write_bytes(bytes(raw))
    os.utime(chunk, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_rows_rotated_inside_a_chunk_are_found_and_extracted_again(tmp_path, shapes, weights):
    cache = tmp_path / "features"
    clean = train(shapes, tmp_path / "a.safetensors", cfg(cache))
    assert clean.features_extracted == 30
    [chunk] = chunk_files(cache)
    _rotate_rows(chunk)

    again = train(shapes, tmp_path / "b.safetensors", cfg(cache))
    assert again.features_extracted == 30 and again.feature_cache_hits == 0  # none of them trusted
    assert again.val_accuracy == pytest.approx(clean.val_accuracy)  # the same model as from a clean cache
    assert [h.train_loss for h in again.history] == pytest.approx([h.train_loss for h in clean.history])
    assert not chunk.exists()
    later = train(shapes, tmp_path / "c.safetensors", cfg(cache))  # the poison did not stay
    assert later.feature_cache_hits == 30 and later.features_extracted == 0


def test_pictures_swapped_with_their_times_restored_are_hashed_again(tmp_path, shapes):
    cache = tmp_path / "cache"
    a, b = shapes / "circle" / "circle_000.png", shapes / "square" / "square_000.png"
    bmp_a, bmp_b = a.with_suffix(".bmp"), b.with_suffix(".bmp")
    from PIL import Image

    for png, bmp in ((a, bmp_a), (b, bmp_b)):
        Image.open(png).save(bmp)
    assert bmp_a.stat().st_size == bmp_b.stat().st_size
    paths = [bmp_a, bmp_b]
    before = features_of(paths, cache).features.copy()
    digests = [file_digest(p, cache) for p in paths]

    # a sync tool or a backup restore: contents exchanged, sizes and times as they were
    data_a, data_b = bmp_a.read_bytes(), bmp_b.read_bytes()
    times = [(p.stat().st_atime_ns, p.stat().st_mtime_ns) for p in paths]
    bmp_a.write_bytes(data_b)
    bmp_b.write_bytes(data_a)
    for p, t in zip(paths, times):
        os.utime(p, ns=t)

    assert [file_digest(p, cache) for p in paths] == digests[::-1]
    after = features_of(paths, cache)
    assert after.cache_hits == 2  # both pictures are known, under their true content
    assert np.array_equal(after.features, before[::-1])


def test_a_picture_moved_in_place_of_another_is_hashed_again(tmp_path, shapes):
    from PIL import Image

    cache = tmp_path / "cache"
    a, b = tmp_path / "a.bmp", tmp_path / "b.bmp"
    Image.open(shapes / "circle" / "circle_000.png").save(a)
    Image.open(shapes / "square" / "square_000.png").save(b)
    da, db = file_digest(a, cache), file_digest(b, cache)
    st = a.stat()
    os.replace(b, a)  # same size; the times put back as a's were
    os.utime(a, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert a.stat().st_size == st.st_size
    assert file_digest(a, cache) == db != da


def test_features_that_are_not_numbers_are_refused_not_cached(tmp_path, shapes):
    from resnet_studio.engine.errors import ModelOutputError

    model = backbone()
    with torch.no_grad():
        model.conv1.weight.fill_(float("nan"))
    paths = sorted(shapes.rglob("*.png"))[:4]
    with pytest.raises(ModelOutputError, match="no usable answer"):
        features_of(paths, tmp_path / "cache", model=model)
    assert not list((tmp_path / "cache").glob("*/chunk-*"))


# ------------------------------------------------------------------------------------------------
# Size limits before reading


def _sparse(path: Path, size: int, head: bytes = b"") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(head)
        fh.truncate(size)  # a hole: no disk space used


def _peak_python_memory(fn):
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_huge_digest_index_is_not_read_but_rebuilt(tmp_path, shapes):
    cache = tmp_path / "cache"
    index = cache / "file-digests.json"
    _sparse(index, 600 << 20)
    picture = shapes / "circle" / "circle_000.png"
    digest, peak = _peak_python_memory(lambda: file_digest(picture, cache))
    assert peak < 50 << 20, f"{peak / 2**20:.0f} MB"
    assert index.stat().st_size < 4096  # rebuilt, with the one picture
    assert [entry[-1] for entry in json.loads(index.read_text()).values()] == [digest]


def test_a_chunk_header_claiming_a_huge_size_is_not_read(tmp_path):
    store = FeatureStore(tmp_path / "k")
    data = np.random.default_rng(0).normal(size=(5, 8)).astype(np.float32)
    keys = [f"d{i}" for i in range(5)]
    store.add(dict(zip(keys, data)))
    huge = tmp_path / "k" / "chunk-9huge.safetensors"
    _sparse(huge, 700 << 20, (500 << 20).to_bytes(8, "little"))
    fs, peak = _peak_python_memory(lambda: build_feature_set(store, keys))
    assert peak < 50 << 20, f"{peak / 2**20:.0f} MB"
    assert np.array_equal(fs.features, data) and not huge.exists()


# ------------------------------------------------------------------------------------------------
# Only regular files are read


def _in_thread(fn, timeout: float = 60):
    """``fn()`` in a thread; ``(finished, result or exception)``."""
    box: list = []

    def run():
        try:
            box.append(fn())
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            box.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(timeout)
    return (not t.is_alive()), (box[0] if box else None)


def _release_fifo(fifo: Path) -> None:
    """Let a reader stuck opening ``fifo`` go (the old code waited there forever)."""
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_like_a_picture_is_skipped_not_read(tmp_path, shapes):
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    paths = [*sorted(shapes.rglob("*.png"))[:3], fifo]
    try:
        finished, fs = _in_thread(lambda: features_of(paths, tmp_path / "cache"))
        assert finished, "hashing waited on a pipe"
        assert not isinstance(fs, BaseException), fs
        assert fs.ok == [0, 1, 2] and fs.skipped == [(str(fifo), NOT_REGULAR)]
        with pytest.raises(ImageReadError, match="not a normal file"):
            file_digest(fifo, tmp_path / "cache")
    finally:
        _release_fifo(fifo)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_link_to_an_endless_device_is_refused_not_hashed(tmp_path):
    link = tmp_path / "zero.jpg"
    link.symlink_to("/dev/zero")
    finished, result = _in_thread(lambda: file_digest(link, tmp_path / "cache"), timeout=30)
    assert finished, "hashing read /dev/zero for ever"
    assert isinstance(result, ImageReadError) and result.message == NOT_REGULAR


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_in_place_of_a_chunk_file_is_ignored(tmp_path):
    store = FeatureStore(tmp_path / "k")
    data = np.ones((3, 4), np.float32)
    store.add({"a": data[0], "b": data[1], "c": data[2]})
    fifo = tmp_path / "k" / "chunk-9pipe.safetensors"
    os.mkfifo(fifo)
    try:
        finished, result = _in_thread(lambda: store.load())
        assert finished, "the cache waited on a pipe"
        assert isinstance(result, dict) and sorted(result) == ["a", "b", "c"]
    finally:
        _release_fifo(fifo)


# ------------------------------------------------------------------------------------------------
# A cache that cannot be written makes the work slower, never fail


def test_head_training_with_a_read_only_empty_cache_folder(tmp_path, shapes, weights, monkeypatch):
    cache = tmp_path / "features"
    cache.mkdir()
    read_only(monkeypatch, cache)
    r = train(shapes, tmp_path / "m.safetensors", cfg(cache))
    assert r.features_extracted == 30 and r.n_train + r.n_val == 30 and not r.skipped
    assert r.model_path.is_file() and len(r.history) == 3
    assert not list(cache.rglob("*.safetensors"))
    again = train(shapes, tmp_path / "n.safetensors", cfg(cache))  # slower (extracted again), not failing
    assert again.features_extracted == 30 and again.val_accuracy == pytest.approx(r.val_accuracy)


def test_a_read_only_cache_is_still_used_and_new_pictures_are_kept_in_memory(tmp_path, shapes, weights, monkeypatch):
    cache = tmp_path / "features"
    first = train(shapes, tmp_path / "a.safetensors", cfg(cache))
    assert first.features_extracted == 30
    make_shapes_dataset(tmp_path / "more", classes=("circle",), per_class=2, size=32, seed=5)
    for p in (tmp_path / "more" / "circle").iterdir():
        shutil.copy(p, shapes / "circle" / f"new_{p.name}")
    read_only(monkeypatch, cache)
    for budget in ("10000", "0.02"):  # in memory, then streamed (20 KB: the run file goes elsewhere)
        monkeypatch.setenv(F.RAM_BUDGET_ENV, budget)
        r = train(shapes, tmp_path / f"b{budget}.safetensors", cfg(cache))
        assert (r.feature_cache_hits, r.features_extracted) == (30, 2), budget
        assert r.n_train + r.n_val == 32 and r.model_path.is_file()


def test_a_damaged_chunk_that_cannot_be_deleted_is_ignored(tmp_path, shapes, weights, monkeypatch):
    cache = tmp_path / "features"
    train(shapes, tmp_path / "a.safetensors", cfg(cache))
    [chunk] = chunk_files(cache)
    _rotate_rows(chunk)
    read_only(monkeypatch, cache)
    r = train(shapes, tmp_path / "b.safetensors", cfg(cache))
    assert r.features_extracted == 30 and r.feature_cache_hits == 0 and r.model_path.is_file()
    assert chunk.exists()  # could not be deleted; it was not used either


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_head_training_with_a_full_cache_disk(tmp_path, shapes, weights, monkeypatch):
    cache = tmp_path / "features"
    full_disk(monkeypatch, cache)
    for budget in ("10000", "0.02"):
        monkeypatch.setenv(F.RAM_BUDGET_ENV, budget)
        r = train(shapes, tmp_path / f"m{budget}.safetensors", cfg(cache))
        assert r.features_extracted == 30 and r.n_train + r.n_val == 30, budget
        assert r.model_path.is_file() and len(r.history) == 3
    assert not list(cache.rglob("*.safetensors")) and not list(cache.rglob("*.part"))


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_cached_features_with_a_full_disk_keep_what_was_cached(tmp_path, shapes, monkeypatch):
    cache = tmp_path / "cache"
    paths = sorted(shapes.rglob("*.png"))
    first = features_of(paths[:20], cache)
    full_disk(monkeypatch, cache)
    fs = features_of(paths, cache)
    assert (fs.cache_hits, fs.extracted) == (20, 10) and fs.ok == list(range(30))
    assert np.array_equal(fs.features[:20], first.features)


def test_cli_head_training_with_a_read_only_cache(tmp_path, shapes, weights, monkeypatch, capsys):
    from resnet_studio.cli import main

    root = tmp_path / "user-cache"
    (root / "features").mkdir(parents=True)  # made before the folder became read-only
    monkeypatch.setenv("RESNET_STUDIO_CACHE_DIR", str(root))
    read_only(monkeypatch, root)
    out = tmp_path / "m.safetensors"
    code = main(["train", str(shapes), "--out", str(out), "--mode", "head", "--image-size", "32",
                 "--epochs", "2", "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Traceback" not in captured.err and out.is_file()
    assert json.loads(captured.out.strip().splitlines()[-1])["epochs"] == 2
