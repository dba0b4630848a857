"""Faults: a process killed mid-write, a full disk, a read-only folder, cancel pressed at awkward
moments. Nothing the user had is lost, nothing half-written is left under the real name, and the
message says what happened.

* SIGKILL: a real child process writing a results CSV (``predict.write_results_csv``) or a model
  file (``modelfile.save_model_file`` with a big state dict) is killed while its temporary
  ``.part`` file is being written; the previous file is intact.
* Full disk / read-only folder: for real on a tiny tmpfs mount where this machine allows mounting
  (root in a container usually does), and simulated (the OS error injected where the write meets
  the disk) everywhere, so the default run always checks it.
* Cancel: before start, many times, during the last batch, and a new job right after (or while)
  one is being cancelled.
"""

from __future__ import annotations

import csv
import errno
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from resnet_studio.cli import main
from resnet_studio.engine.errors import CancelledError, OutputWriteError
from resnet_studio.engine.predict import ClassifyResult, Prediction, Predictor, write_results_csv
from tests.conftest import save_image
from tests.test_predict import make_model_file

REPO = Path(__file__).resolve().parent.parent


pytestmark = pytest.mark.usefixtures("torch_one_thread")


@pytest.fixture(scope="module")
def model_path(tmp_path_factory) -> Path:
    return make_model_file(tmp_path_factory.mktemp("faults_model") / "model.safetensors")


@pytest.fixture(scope="module")
def predictor(model_path) -> Predictor:
    return Predictor(model_path, device="cpu", backend="torch", batch_size=4, top_k=3)


def cli(*args) -> int:
    return main([str(a) for a in args])


def results(n: int, start: int = 0) -> list[ClassifyResult]:
    return [ClassifyResult(f"/photos/{i:05d}.jpg", [Prediction("cat", 0.75, 0), Prediction("dog", 0.25, 1)])
            for i in range(start, start + n)]


def names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def distinct_images(folder: Path, n: int) -> list[Path]:
    return [save_image(folder / f"img_{i:02d}.png", size=(40, 32), seed=i) for i in range(n)]


# --------------------------------------------------------------------------------- SIGKILL mid-write


def _spawn(code: str, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO), OMP_NUM_THREADS="1")
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(REPO))


def _kill_while_part_grows(proc: subprocess.Popen, folder: Path, target: str, min_bytes: int,
                           timeout: float = 120) -> tuple[Path | None, int]:
    """SIGKILL ``proc`` as soon as its temporary file for ``target`` holds ``min_bytes``.
    Returns (the .part file or None when the child finished first, its size when killed)."""
    deadline = time.monotonic() + timeout
    prefix = f".{target}."
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return None, 0
        for name in os.listdir(folder):
            if name.startswith(prefix) and name.endswith(".part"):
                part = folder / name
                try:
                    size = part.stat().st_size
                except FileNotFoundError:
                    continue
                if size >= min_bytes:
                    os.kill(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=30)
                    return part, size
        time.sleep(0.0005)
    proc.kill()
    raise AssertionError("the child never started writing")


CSV_CHILD = """
    import sys, time
    from resnet_studio.engine.predict import ClassifyResult, Prediction, write_results_csv

    def endless():  # results arriving as a long classification run produces them
        i = 0
        while True:
            yield ClassifyResult(f"/photos/new_{i:07d}.jpg", [Prediction("dog", 0.6, 1), Prediction("cat", 0.4, 0)])
            i += 1
            if i % 500 == 0:
                time.sleep(0.005)

    write_results_csv(endless(), sys.argv[1], 2)
"""


def test_sigkill_while_writing_results_csv_keeps_the_previous_file(tmp_path):
    target = tmp_path / "结果 results.csv"
    write_results_csv(results(3), target, 2)
    before = target.read_bytes()

    proc = _spawn(CSV_CHILD, str(target))
    part, size = _kill_while_part_grows(proc, tmp_path, target.name, min_bytes=256 * 1024)

    assert part is not None, proc.stderr.read().decode()
    assert proc.returncode == -signal.SIGKILL
    assert target.read_bytes() == before  # byte for byte
    with target.open(encoding="utf-8-sig", newline="") as fh:
        assert [r["path"] for r in csv.DictReader(fh)] == [f"/photos/{i:05d}.jpg" for i in range(3)]
    # what was killed was a real, half-written CSV; it stays hidden beside the file (see RELIABILITY.md)
    assert part.exists() and part.name.startswith(".") and size >= 256 * 1024
    assert b"/photos/new_" in part.read_bytes()[:4096]
    part.unlink()


MODEL_CHILD = """
    import sys, torch
    from resnet_studio.engine.modelfile import ModelInfo, save_model_file

    n = int(sys.argv[2])
    state = {f"layer{i}.weight": torch.full((1024, 1024), float(i)) for i in range(n)}  # 4 MB each
    save_model_file(sys.argv[1], state, ModelInfo(arch="resnet18", classes=["new a", "new b"]))
    print("saved", flush=True)
"""


def test_sigkill_while_writing_a_model_file_keeps_the_previous_file(tmp_path, model_path):
    from resnet_studio.engine.modelfile import load_model_file, read_model_info

    target = tmp_path / "my model.safetensors"
    target.write_bytes(model_path.read_bytes())
    before = target.read_bytes()

    for n_tensors in (48, 128):  # 192 MB, then 512 MB if the first finished before the kill
        proc = _spawn(MODEL_CHILD, str(target), str(n_tensors))
        part, size = _kill_while_part_grows(proc, tmp_path, target.name, min_bytes=1)
        if part is not None:
            break
        assert proc.returncode == 0, proc.stderr.read().decode()
        target.write_bytes(before)  # the child won the race: put the old file back and try bigger
    assert part is not None, "the model file was always written before the kill"

    assert proc.returncode == -signal.SIGKILL
    assert target.read_bytes() == before
    info, state = load_model_file(target)  # still a complete, loadable model file
    assert info.classes == read_model_info(model_path).classes and "fc.weight" in state
    assert 0 < size <= 4 * 1024 * 1024 * n_tensors + 65536
    part.unlink(missing_ok=True)  # hundreds of MB: do not leave them in the kept temp folders


# --------------------------------------------------------------------------------- full / read-only disk


@pytest.fixture
def small_disk(tmp_path):
    """A real 256 kB tmpfs, or a skip where this machine does not allow mounting (the simulated
    tests below cover the same paths)."""
    mnt = tmp_path / "small disk"
    mnt.mkdir()
    try:
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k,mode=0777", "tmpfs", str(mnt)],
                           capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot mount a tmpfs here ({exc}); the simulated tests cover this")
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({r.stderr.strip()}); the simulated tests cover this")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True, timeout=30)


def _fill(disk: Path) -> None:
    """Fill the disk to the last byte."""
    with open(disk / "filler.bin", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    try:
        with open(disk / "filler2.bin", "wb", buffering=0) as fh:
            while True:
                fh.write(b"\0")
    except OSError as exc:
        assert exc.errno == errno.ENOSPC


def _remount_read_only(disk: Path) -> None:
    r = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True, text=True, timeout=30)
    if r.returncode != 0:
        pytest.skip(f"cannot remount read-only here ({r.stderr.strip()})")


def test_full_disk_for_real_results_csv_and_model_file(small_disk, model_path):
    old_csv = write_results_csv(results(2), small_disk / "results.csv", 2)
    csv_before = old_csv.read_bytes()
    _fill(small_disk)
    listing = names(small_disk)

    with pytest.raises(OutputWriteError) as info:
        write_results_csv(results(5000), old_csv, 2)
    assert str(info.value) == "Could not save results.csv: the disk is full."
    assert old_csv.read_bytes() == csv_before
    assert names(small_disk) == listing  # no .part file left behind

    from safetensors import safe_open

    from resnet_studio.engine.modelfile import read_model_info, save_model_file

    with safe_open(str(model_path), framework="pt") as f:
        state = {k: f.get_tensor(k) for k in f.keys()}
    with pytest.raises(OutputWriteError, match="disk is full"):
        save_model_file(small_disk / "model.safetensors", state, read_model_info(model_path))
    assert names(small_disk) == listing


def test_full_disk_for_real_through_the_cli(small_disk, model_path, tmp_path, capsys):
    photos = distinct_images(tmp_path / "photos", 3)
    target = write_results_csv(results(2), small_disk / "results.csv", 2)
    before = target.read_bytes()
    _fill(small_disk)
    listing = names(small_disk)

    code = cli("classify", *photos, "--json", "--csv", target, "--model", model_path, "--backend", "torch")

    out = capsys.readouterr()
    assert code == 2
    assert len(out.out.splitlines()) == 3  # the results were shown before the save failed
    lines = [line for line in out.err.splitlines() if line.strip()]
    assert lines == ["resnet-studio: error: Could not save results.csv: the disk is full."]
    assert target.read_bytes() == before and names(small_disk) == listing


def test_read_only_disk_for_real(small_disk, model_path, tmp_path, capsys):
    target = write_results_csv(results(2), small_disk / "results.csv", 2)
    before = target.read_bytes()
    _remount_read_only(small_disk)
    photo = distinct_images(tmp_path / "photos", 1)[0]

    with pytest.raises(OutputWriteError, match="read-only disk"):
        write_results_csv(results(10), target, 2)
    code = cli("classify", photo, "--csv", target, "--model", model_path, "--backend", "torch")
    out = capsys.readouterr()
    assert code == 2 and out.out == ""  # refused before classifying anything
    assert "read-only disk" in out.err and len(out.err.strip().splitlines()) == 1
    assert target.read_bytes() == before and names(small_disk) == ["results.csv"]


@pytest.fixture
def disk_full_on_fsync(monkeypatch):
    """Simulated full disk: the OS accepts the writes into its cache but the flush to disk fails,
    which is how a full disk (or quota) shows up on many filesystems."""
    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)


def test_full_disk_simulated_through_the_cli(disk_full_on_fsync, model_path, tmp_path, capsys):
    photos = distinct_images(tmp_path / "photos", 3)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "results.csv"
    target.write_text("previous results\n")

    code = cli("classify", *photos, "--csv", target, "--model", model_path, "--backend", "torch")

    out = capsys.readouterr()
    assert code == 2
    assert out.err.strip().splitlines()[-1] == "resnet-studio: error: Could not save results.csv: the disk is full."
    assert "Traceback" not in out.err
    assert target.read_text() == "previous results\n" and names(out_dir) == ["results.csv"]


def test_full_disk_simulated_for_a_model_file(monkeypatch, model_path, tmp_path):
    """safetensors reports a full disk as its own SafetensorError, not OSError: it must still
    become the readable OutputWriteError, with the old model kept and no temporary file left."""
    import safetensors.torch
    from safetensors import SafetensorError, safe_open

    from resnet_studio.engine.modelfile import read_model_info, save_model_file

    target = tmp_path / "model.safetensors"
    target.write_bytes(model_path.read_bytes())
    before = target.read_bytes()
    real_save = safetensors.torch.save_file

    def save_then_run_out_of_space(tensors, filename, metadata=None):
        real_save(tensors, filename, metadata=metadata)  # a partial file really is on disk
        raise SafetensorError("Error while serializing: I/O error: No space left on device (os error 28)")

    monkeypatch.setattr(safetensors.torch, "save_file", save_then_run_out_of_space)
    with safe_open(str(model_path), framework="pt") as f:
        state = {k: f.get_tensor(k) for k in f.keys()}
    with pytest.raises(OutputWriteError) as info:
        save_model_file(target, state, read_model_info(model_path))
    assert str(info.value) == "Could not save model.safetensors: the disk is full."
    assert target.read_bytes() == before and names(tmp_path) == ["model.safetensors"]


def test_csv_name_too_long_is_refused_before_classifying(model_path, tmp_path, capsys):
    photo = distinct_images(tmp_path / "photos", 1)[0]
    for n in (250, 300):  # 250: the name fits, the temporary file beside it would not
        rc = cli("classify", photo, "--csv", tmp_path / ("r" * (n - 4) + ".csv"), "--model", model_path)
        out = capsys.readouterr()
        assert rc == 2 and out.out == "" and "file name is too long" in out.err
        assert len(out.err.strip().splitlines()) == 1


@pytest.mark.parametrize("code, words", [(errno.EROFS, "read-only disk"), (errno.EACCES, "permission")])
def test_read_only_folder_simulated_through_the_cli(monkeypatch, model_path, tmp_path, capsys, code, words):
    # As root nothing is read-only to us: the refusal the OS gives is injected where the file is made.
    photos = distinct_images(tmp_path / "photos", 2)
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    rc = cli("classify", *photos, "--csv", out_dir / "r.csv", "--model", model_path, "--backend", "torch")
    out = capsys.readouterr()
    assert rc == 2 and words in out.err.strip().splitlines()[-1]
    assert names(out_dir) == []


# --------------------------------------------------------------------------------- cancel


def _decode_threads() -> int:
    return sum(t.name.startswith("decode") for t in threading.enumerate())


def _signature(r) -> list:
    return [(p.index, round(p.score, 5)) for p in r.predictions]


def test_cancel_before_start(model_path, predictor, tmp_path):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        Predictor(model_path, device="cpu", backend="torch", cancel=cancel)
    assert list(predictor.classify_paths(distinct_images(tmp_path, 5), cancel=cancel)) == []
    assert _decode_threads() == 0


def test_cancel_pressed_many_times_from_another_thread(predictor, tmp_path):
    paths = distinct_images(tmp_path, 24)
    cancel = threading.Event()
    got = []

    def hammer():
        for _ in range(500):
            cancel.set()

    presser = None
    for r in predictor.classify_paths(paths, cancel=cancel):
        got.append(r)
        if presser is None:
            presser = threading.Thread(target=hammer)
            presser.start()
    presser.join()
    assert 1 <= len(got) < len(paths)
    assert [r.path for r in got] == [str(p) for p in paths[: len(got)]]
    assert all(r.error is None and len(r.predictions) == 3 for r in got)  # what came out is complete
    assert _decode_threads() == 0  # the decoding pool is gone


def test_cancel_during_the_last_batch(predictor, tmp_path):
    paths = distinct_images(tmp_path, 9)  # batches of up to 4: the last one holds the 9th image
    reference = {r.path: _signature(r) for r in predictor.classify_paths(paths)}
    cancel = threading.Event()
    real_logits = predictor.backend.logits
    seen = [0]

    def logits_then_cancel(batch):
        seen[0] += len(batch)
        if seen[0] == len(paths):  # the model is running the last batch right now
            cancel.set()
        return real_logits(batch)

    predictor.backend.logits = logits_then_cancel
    try:
        got = list(predictor.classify_paths(paths, cancel=cancel))
    finally:
        del predictor.backend.logits
    assert cancel.is_set()
    # the batch that was already computed is delivered, whole and correct; nothing after it
    assert [r.path for r in got] == [str(p) for p in paths]
    assert all(_signature(r) == reference[r.path] for r in got)
    assert _decode_threads() == 0


def test_new_job_right_after_and_during_a_cancelled_one(predictor, model_path, tmp_path):
    paths = distinct_images(tmp_path, 12)
    reference = [_signature(r) for r in predictor.classify_paths(paths)]

    # cancel a job, and at once start a new one on the same Predictor
    cancel = threading.Event()
    for _ in predictor.classify_paths(paths, cancel=cancel):
        cancel.set()
    assert [_signature(r) for r in predictor.classify_paths(paths)] == reference

    # a job still winding down in another thread while the next one runs (the GUI's case)
    cancel2 = threading.Event()
    started = threading.Event()
    first: list = []

    def old_job():
        for r in predictor.classify_paths(paths, cancel=cancel2):
            first.append(r)
            started.set()
            time.sleep(0.01)

    t = threading.Thread(target=old_job)
    t.start()
    assert started.wait(60)
    cancel2.set()
    new = [_signature(r) for r in predictor.classify_paths(paths)]  # while the old one stops
    t.join(60)
    assert not t.is_alive()
    assert new == reference
    assert len(first) < len(paths)

    # and a fresh Predictor after a cancelled load works too
    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(CancelledError):
        Predictor(model_path, device="cpu", backend="torch", cancel=cancelled)
    again = Predictor(model_path, device="cpu", backend="torch", batch_size=4, top_k=3)
    assert [_signature(r) for r in again.classify_paths(paths)] == reference
    assert _decode_threads() == 0


def test_abandoned_generator_releases_its_threads(predictor, tmp_path):
    """A caller that stops reading (closes the generator) leaves no decoding threads behind."""
    paths = distinct_images(tmp_path, 12)
    gen = predictor.classify_paths(paths)
    next(gen)
    gen.close()
    assert _decode_threads() == 0
    assert np.isfinite([s for _, s in _signature(next(iter(predictor.classify_paths(paths[:1]))))]).all()
