"""Model files cannot break the app: one validation step (metadata schema, tensor layout, shapes,
finite weights) for every command, bounded reading, and files that change while they are read."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import textwrap
import threading
import zipfile
from pathlib import Path

import pytest
import torch

from resnet_studio.cli import main
from resnet_studio.engine.classifier import load_classifier
from resnet_studio.engine.errors import ModelFileError
from resnet_studio.engine.library import import_model_file
from resnet_studio.engine.modelfile import import_state_dict, load_model, read_model_info
from tests.conftest import make_shapes_dataset, save_image
from tests.helpers import save_random_model

CLASSES = ["circle", "square", "triangle"]

# The sentences users get (fixed, so they can be translated).
BAD_ARCH = 'This model file is damaged: its architecture is missing or is not a name.'
BAD_CLASSES = 'This model file is damaged: its list of categories is missing, empty or not a list of names.'
BAD_CLASS_NAME = 'This model file is damaged: one of its category names is empty or far too long.'
BAD_DETAILS = 'This model file is damaged: its training details cannot be read.'
BAD_DTYPE = 'This model file is damaged: some of its weights are not stored as numbers a model can use.'
BAD_INFO = 'This model file is damaged: its model information cannot be read.'
BAD_NORMALISATION = 'This model file is damaged: its colour normalisation values cannot be used.'
BAD_SIZES = 'This model file is damaged: its picture sizes are missing or out of range (8 to 2048 pixels).'
CHANGED_WHILE_READ = 'The model file changed while it was being read. Try again when it has finished copying.'
NEGATIVE_VARIANCE = 'This model file is damaged: some of its weights have impossible values (a negative variance).'
NOT_A_REGULAR_FILE = 'This is not a normal file (it is a device or a pipe), not a model file.'
NOT_FINITE = 'This model file is damaged: some of its weights are not numbers (NaN or infinite).'
_USE_INSTEAD = ("made for other programs; ResNet Studio opens its own .safetensors model files or a plain "
                "PyTorch .pth state dict. Use the original .safetensors file.")
ONNX = "This is an ONNX export, " + _USE_INSTEAD
TOO_LARGE = 'This file is too large to be a ResNet model file (more than 1 GB).'
TORCHSCRIPT = "This is a TorchScript export, " + _USE_INSTEAD
UNPACKS_TOO_LARGE = ("This file unpacks to more than 1 GB, far more than any ResNet model: it is damaged, "
                     "or it is not a model file.")


@pytest.fixture(scope="module")
def good_model(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    return save_random_model(folder / "good.safetensors", CLASSES, image_size=32, name="Good",
                             metrics={"val_accuracy": 0.9, "per_class": [], "confusion_matrix": []},
                             training={"mode": "head", "pretrained": True})


def _header(path: Path) -> tuple[dict, bytes]:
    data = path.read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    return json.loads(data[8:8 + n]), data[8 + n:]


def _write(path: Path, header_text: bytes, body: bytes) -> Path:
    header_text += b" " * (-len(header_text) % 8)
    path.write_bytes(struct.pack("<Q", len(header_text)) + header_text + body)
    return path


def with_metadata_text(src: Path, dest: Path, text: str) -> Path:
    """``src`` with its ResNet Studio metadata replaced by ``text`` (any text, valid JSON or not)."""
    header, body = _header(src)
    header["__metadata__"]["resnet_studio"] = text
    return _write(dest, json.dumps(header).encode(), body)


def with_metadata(src: Path, dest: Path, mutate) -> Path:
    header, _ = _header(src)
    d = json.loads(header["__metadata__"]["resnet_studio"])
    mutate(d)
    return with_metadata_text(src, dest, json.dumps(d))


def with_weights(src: Path, dest: Path, mutate) -> Path:
    from safetensors import safe_open
    from safetensors.torch import save_file

    with safe_open(str(src), framework="pt") as f:
        meta = f.metadata()
        state = {k: f.get_tensor(k).clone() for k in f.keys()}
    mutate(state)
    save_file(state, str(dest), metadata=meta)
    return dest


def _set(path: str, value):
    def mutate(d):
        *parents, last = path.split(".")
        for p in parents:
            d = d[p]
        d[last] = value
    return mutate


def cli(*args) -> int:
    return main([str(a) for a in args])


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("resnet-studio: error: ")
    return lines[0][len("resnet-studio: error: "):]


# --- the metadata schema -----------------------------------------------------------------------

METADATA_CASES = {
    # name: (mutation, the sentence the user gets)
    "arch is a list": (_set("arch", ["resnet18"]), BAD_ARCH),
    "arch is a table": (_set("arch", {"name": "resnet18"}), BAD_ARCH),
    "arch is a number": (_set("arch", 18), BAD_ARCH),
    "arch holds a line break": (_set("arch", "resnet18\nrm -rf"), BAD_ARCH),
    "arch missing": (lambda d: d.pop("arch"), BAD_ARCH),
    "classes is a text": (_set("classes", "circle,square,triangle"), BAD_CLASSES),
    "a category name is empty": (_set("classes", ["circle", "", "triangle"]), BAD_CLASS_NAME),
    "a category name is huge": (_set("classes", ["circle", "s" * 5000, "triangle"]), BAD_CLASS_NAME),
    "crop 0": (_set("preprocess.crop_size", 0), BAD_SIZES),
    "crop -5": (_set("preprocess.crop_size", -5), BAD_SIZES),
    "crop 6000": (lambda d: d["preprocess"].update(crop_size=6000, resize_size=6000), BAD_SIZES),
    "resize 40000": (_set("preprocess.resize_size", 40000), BAD_SIZES),
    "resize below crop": (lambda d: d["preprocess"].update(crop_size=224, resize_size=100), BAD_SIZES),
    "crop is a fraction": (_set("preprocess.crop_size", 32.5), BAD_SIZES),
    "crop is true": (_set("preprocess.crop_size", True), BAD_SIZES),
    "preprocess is a list": (_set("preprocess", [32, 36]), BAD_SIZES),
    "std 0": (_set("preprocess.std", [0.0, 0.0, 0.0]), BAD_NORMALISATION),
    "std negative": (_set("preprocess.std", [0.2, -0.2, 0.2]), BAD_NORMALISATION),
    "mean NaN": (_set("preprocess.mean", [float("nan"), 0.4, 0.4]), BAD_NORMALISATION),
    "std infinite": (_set("preprocess.std", [float("inf"), 0.2, 0.2]), BAD_NORMALISATION),
    "two channels": (_set("preprocess.mean", [0.4, 0.4]), BAD_NORMALISATION),
    "mean is text": (_set("preprocess.mean", ["0.4", "0.4", "0.4"]), BAD_NORMALISATION),
    "metrics is a list": (_set("metrics", [0.9]), BAD_DETAILS),
    "accuracy is text": (_set("metrics.val_accuracy", "90%"), BAD_DETAILS),
    "per_class is a table": (_set("metrics.per_class", {"circle": 1}), BAD_DETAILS),
    "per_class holds numbers": (_set("metrics.per_class", [1, 2]), BAD_DETAILS),
    "training is a list": (_set("training", ["head"]), BAD_DETAILS),
    "training mode is a list": (_set("training.mode", ["head"]), BAD_DETAILS),
    "name is a list": (_set("name", ["Good"]), BAD_DETAILS),
    "created is a number": (_set("created", 20240101), BAD_DETAILS),
    "dataset_dir is a table": (_set("dataset_dir", {"path": "/data"}), BAD_DETAILS),
    "small_input is text": (_set("small_input", "no"), BAD_DETAILS),
}


@pytest.mark.parametrize("case", list(METADATA_CASES))
def test_every_metadata_field_is_checked(good_model, tmp_path, case):
    mutate, sentence = METADATA_CASES[case]
    path = with_metadata(good_model, tmp_path / "bad.safetensors", mutate)
    for load in (read_model_info, load_model, load_classifier):
        with pytest.raises(ModelFileError) as info:
            load(path)
        assert str(info.value) == sentence, case
        assert "bad.safetensors" in info.value.details  # the technical side names the file


@pytest.mark.parametrize("where", ["metrics", "preprocess"])
def test_deeply_nested_metadata_is_refused_not_a_recursion_error(good_model, tmp_path, where):
    d = json.loads(_header(good_model)[0]["__metadata__"]["resnet_studio"])
    d[where] = "@@@"
    text = json.dumps(d).replace('"@@@"', "[" * 100_000 + "]" * 100_000)
    path = with_metadata_text(good_model, tmp_path / "deep.safetensors", text)
    with pytest.raises(ModelFileError) as info:
        read_model_info(path)
    assert str(info.value) == BAD_INFO
    assert "nested" in info.value.details


def test_deeply_nested_safetensors_header_is_refused(good_model, tmp_path):
    from resnet_studio.engine.library import read_info

    _, body = _header(good_model)
    path = _write(tmp_path / "deep.safetensors", b'{"a":' + b"[" * 200_000 + b"]" * 200_000 + b"}", body)
    for load in (read_info, load_model):  # the library's header-only read gave a RecursionError
        with pytest.raises(ModelFileError, match="not a ResNet Studio model file, or it is damaged"):
            load(path)


# --- the weights -------------------------------------------------------------------------------


def _nan_conv(sd):
    sd["conv1.weight"][0, 0, 0, 0] = float("nan")


def _inf_fc(sd):
    sd["fc.bias"][1] = float("inf")


def _negative_var(sd):
    sd["layer1.0.bn1.running_var"][3] = -1.0


def _int_weight(sd):
    sd["fc.weight"] = sd["fc.weight"].to(torch.int32)


WEIGHT_CASES = {
    "a NaN weight": (_nan_conv, NOT_FINITE),
    "an infinite bias": (_inf_fc, NOT_FINITE),
    "a negative batch-norm variance": (_negative_var, NEGATIVE_VARIANCE),
    "integer weights": (_int_weight, BAD_DTYPE),
}


@pytest.mark.parametrize("case", list(WEIGHT_CASES))
def test_weights_that_can_only_give_nan_are_refused(good_model, tmp_path, case):
    mutate, sentence = WEIGHT_CASES[case]
    path = with_weights(good_model, tmp_path / "bad.safetensors", mutate)
    with pytest.raises(ModelFileError) as info:
        load_classifier(path)
    assert str(info.value) == sentence
    with pytest.raises(ModelFileError, match="damaged"):
        import_model_file(path, folder=tmp_path / "library")
    assert not (tmp_path / "library").exists() or not any((tmp_path / "library").iterdir())

    # the same weights as a plain .pth state dict
    from safetensors.torch import load_file

    torch.save(load_file(str(path)), tmp_path / "bad.pth")
    with pytest.raises(ModelFileError) as info:
        import_state_dict(tmp_path / "bad.pth")
    assert str(info.value) == sentence


def test_shapes_are_checked_against_the_architecture_when_loading(good_model, tmp_path):
    """A tensor of the right name but another shape: refused by name before any layer is built."""
    path = with_weights(good_model, tmp_path / "bad.safetensors",
                        lambda sd: sd.update({"layer4.1.bn2.bias": torch.zeros(7)}))
    from resnet_studio.engine.modelfile import load_model_file

    with pytest.raises(ModelFileError, match=r"does not match its architecture \(resnet18\)") as info:
        load_model_file(path)
    assert "layer4.1.bn2.bias" in info.value.details


def test_tensor_layout_that_overlaps_is_refused(good_model, tmp_path):
    """Two tensors pointing at the same bytes (allowed by no safetensors writer)."""
    header, body = _header(good_model)
    a, b = [k for k in header if k.endswith("running_mean")][:2]
    header[b]["data_offsets"] = header[a]["data_offsets"]
    path = _write(tmp_path / "overlap.safetensors", json.dumps(header).encode(), body)
    with pytest.raises(ModelFileError, match="damaged"):
        load_model(path)


# --- every command -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bad_models(good_model, tmp_path_factory) -> dict[str, tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("bad")
    return {
        "arch is a list": (with_metadata(good_model, folder / "arch.safetensors", _set("arch", ["resnet18"])),
                           BAD_ARCH),
        "crop 0": (with_metadata(good_model, folder / "crop.safetensors", _set("preprocess.crop_size", 0)),
                   BAD_SIZES),
        "NaN weights": (with_weights(good_model, folder / "nan.safetensors", _nan_conv), NOT_FINITE),
    }


@pytest.mark.parametrize("command", ["classify", "evaluate", "export", "explain"])
@pytest.mark.parametrize("case", ["arch is a list", "crop 0", "NaN weights"])
def test_every_command_refuses_a_bad_model_in_one_line(bad_models, tmp_path, capsys, command, case, torch_one_thread):
    path, sentence = bad_models[case]
    image = save_image(tmp_path / "photo.jpg", size=(40, 32))
    args = {
        "classify": ("classify", image, "--model", path, "--backend", "torch"),
        "evaluate": ("evaluate", path, make_shapes_dataset(tmp_path / "data", per_class=2, size=32)),
        "export": ("export", path, "--format", "onnx", "--out", tmp_path / "m.onnx"),
        "explain": ("explain", image, "--model", path, "--out", tmp_path / "why.png"),
    }[command]
    assert cli(*args) == 2
    assert one_error_line(capsys) == sentence
    assert not (tmp_path / "m.onnx").exists() and not (tmp_path / "why.png").exists()


# --- bounded reading ---------------------------------------------------------------------------


def make_zip_bomb(path: Path, unpacked: int) -> Path:
    """A zip shaped like torch.save's, whose data.pkl is ``unpacked`` bytes of zeros, deflated."""
    chunk = bytes(1 << 20)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("archive/version", "3\n")
        with zf.open("archive/data.pkl", "w", force_zip64=True) as fh:
            for _ in range(unpacked >> 20):
                fh.write(chunk)
    return path


def test_zip_bomb_is_refused_before_decompressing(tmp_path, monkeypatch):
    # The bound lowered so the bomb is small and quick to make; the real-size one runs below.
    monkeypatch.setattr("resnet_studio.engine.model_checks.MAX_MODEL_BYTES", 8 << 20)
    bomb = make_zip_bomb(tmp_path / "weights.pth", 16 << 20)
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(ModelFileError) as info:
        import_state_dict(bomb)
    assert str(info.value) == UNPACKS_TOO_LARGE


@pytest.mark.slow
def test_real_zip_bomb_costs_no_memory(tmp_path):
    """A 5 MB file that unpacks to 1.2 GB: refused with no more memory than importing torch."""
    bomb = make_zip_bomb(tmp_path / "bomb.pth", 1200 << 20)
    script = textwrap.dedent(f"""
        import sys
        import torch
        from resnet_studio.engine.modelfile import import_state_dict
        from resnet_studio.engine.errors import ModelFileError
        from tests.helpers import measure_peak_growth

        def load():
            try:
                import_state_dict({str(bomb)!r})
            except ModelFileError as exc:
                print("refused:", exc)

        grown_mb = measure_peak_growth(load)[1] >> 20
        print("grown_mb", grown_mb)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parents[1])  # so the child finds tests.helpers
    assert done.returncode == 0, done.stderr
    assert f"refused: {UNPACKS_TOO_LARGE}" in done.stdout
    grown = int(done.stdout.split("grown_mb")[1])
    assert grown < 100, done.stdout


def test_oversized_legacy_pickle_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr("resnet_studio.engine.model_checks.MAX_MODEL_BYTES", 1 << 20)
    big = tmp_path / "old.pth"
    with open(big, "wb") as fh:
        fh.write(b"\x80\x02")
        fh.truncate(4 << 20)
    with pytest.raises(ModelFileError) as info:
        import_state_dict(big)
    assert str(info.value) == TOO_LARGE


def test_oversized_safetensors_is_refused_unread(good_model, tmp_path, monkeypatch):
    monkeypatch.setattr("resnet_studio.engine.model_checks.MAX_MODEL_BYTES", 1 << 20)
    with pytest.raises(ModelFileError) as info:
        load_model(good_model)
    assert str(info.value) == TOO_LARGE


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("name", ["pipe.safetensors", "pipe.pth"])
def test_a_pipe_named_like_a_model_is_refused_without_waiting(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    outcome: list = []

    def load():
        try:
            load_classifier(fifo)
        except Exception as exc:  # noqa: BLE001 - the test looks at what it was
            outcome.append(exc)

    t = threading.Thread(target=load, daemon=True)
    t.start()
    t.join(20)
    if t.is_alive():  # unblock the reader so the test run can end
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        t.join(5)
    assert outcome and isinstance(outcome[0], ModelFileError), outcome
    assert str(outcome[0]) == NOT_A_REGULAR_FILE


# --- files that change while they are read -----------------------------------------------------


class _GrowsWhileRead(io.FileIO):
    """A file object that appends to its own file on the first read: a copy still under way."""

    def _grow(self) -> None:
        if not getattr(self, "_grown", False):
            self._grown = True
            with open(self.name, "ab") as other:
                other.write(b"\0" * 4096)

    def readinto(self, b):
        self._grow()
        return super().readinto(b)

    def read(self, size=-1):
        self._grow()
        return super().read(size)


def _fdopen_growing(real_fdopen):
    def fdopen(fd, mode="r", buffering=-1, *args, **kwargs):
        if "r" not in mode or "b" not in mode:
            return real_fdopen(fd, mode, buffering, *args, **kwargs)
        raw = _GrowsWhileRead(os.readlink(f"/proc/self/fd/{fd}"), "rb")
        os.close(fd)
        return raw if buffering == 0 else io.BufferedReader(raw)
    return fdopen


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
@pytest.mark.parametrize("kind", ["safetensors", "pth"])
def test_a_file_that_changes_while_read_is_an_error(good_model, tmp_path, monkeypatch, kind):
    path = tmp_path / f"model.{kind}"
    if kind == "pth":
        from safetensors.torch import load_file

        torch.save(load_file(str(good_model)), path)
    else:
        shutil.copy(good_model, path)
    monkeypatch.setattr(os, "fdopen", _fdopen_growing(os.fdopen))
    with pytest.raises(ModelFileError) as info:
        load_classifier(path)
    assert str(info.value) == CHANGED_WHILE_READ


WRITER = """
import shutil, sys, time
src_a, src_b, target, stop = sys.argv[1:5]
end = time.monotonic() + float(stop)
i = 0
while time.monotonic() < end:
    # cp: truncate the file in place, then write it again (no atomic rename)
    with open(src_a if i % 2 else src_b, "rb") as fin, open(target, "r+b") as fout:
        fout.truncate(0)
        shutil.copyfileobj(fin, fout, 1 << 16)
    i += 1
"""

READER = """
import sys, time
from resnet_studio.engine.modelfile import load_model
from resnet_studio.engine.errors import ModelFileError
target, n = sys.argv[1], int(sys.argv[2])
ok = refused = 0
for _ in range(n):
    try:
        load_model(target)
        ok += 1
    except ModelFileError:
        refused += 1
print("ok", ok, "refused", refused)
"""


@pytest.mark.slow
def test_overwriting_a_model_while_it_loads_never_crashes(tmp_path):
    """`cp` over a model while it loads killed classify with SIGBUS (exit 135) in 3 of 14 runs."""
    a = save_random_model(tmp_path / "a.safetensors", CLASSES, seed=1)
    b = save_random_model(tmp_path / "b.safetensors", ["x", "y"], seed=2)
    target = tmp_path / "target.safetensors"
    shutil.copy(a, target)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, a, b, target, "60"])
    try:
        done = subprocess.run([sys.executable, "-c", READER, target, "40"], capture_output=True, text=True,
                              timeout=240)
    finally:
        writer.kill()
        writer.wait()
    assert done.returncode == 0, f"reader ended with {done.returncode}: {done.stderr[-2000:]}"
    assert "Traceback" not in done.stderr
    ok, refused = int(done.stdout.split()[1]), int(done.stdout.split()[3])
    assert ok + refused == 40


# --- exports given back ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def torchscript_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("ts")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scripted = torch.jit.script(torch.nn.Linear(4, 3))
        torch.jit.save(scripted, str(folder / "exported.pt"))
    return folder / "exported.pt"


@pytest.mark.parametrize("name", ["exported.pt", "exported.pth", "exported.safetensors"])
def test_a_torchscript_export_is_named_as_such(torchscript_file, tmp_path, capsys, name):
    path = tmp_path / name
    shutil.copy(torchscript_file, path)
    image = save_image(tmp_path / "photo.jpg", size=(40, 32))
    assert cli("classify", image, "--model", path, "--backend", "torch") == 2
    assert one_error_line(capsys) == TORCHSCRIPT  # and no torch warnings around it
    with pytest.raises(ModelFileError) as info:
        import_model_file(path, folder=tmp_path / "library")
    assert str(info.value) == TORCHSCRIPT


@pytest.mark.slow
def test_our_own_torchscript_export_given_back(good_model, tmp_path, capsys, torch_one_thread):
    exported = tmp_path / "model.pt"
    assert cli("export", good_model, "--format", "torchscript", "--out", exported, "--no-verify") == 0
    capsys.readouterr()
    image = save_image(tmp_path / "photo.jpg", size=(40, 32))
    assert cli("classify", image, "--model", exported, "--backend", "torch") == 2
    assert one_error_line(capsys) == TORCHSCRIPT


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["plain pickle", "torchscript"])
def test_no_torch_warnings_reach_the_terminal(torchscript_file, tmp_path, kind):
    """torch.load printed two UserWarning lines before the error; a real process shows it all."""
    import pickle

    path = tmp_path / "weights.pth"
    if kind == "plain pickle":
        path.write_bytes(pickle.dumps({"conv1.weight": [1.0, 2.0]}, protocol=4))
    else:
        shutil.copy(torchscript_file, path)
    image = save_image(tmp_path / "photo.jpg", size=(40, 32))
    done = subprocess.run([sys.executable, "-m", "resnet_studio", "classify", str(image), "--model", str(path),
                           "--backend", "torch"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("resnet-studio: error: "), done.stderr


def test_an_onnx_export_is_named_as_such(good_model, tmp_path, capsys):
    path = tmp_path / "model.onnx"
    path.write_bytes(b"\x08\x07\x12\x07pytorch" + bytes(64))
    image = save_image(tmp_path / "photo.jpg", size=(40, 32))
    assert cli("classify", image, "--model", path, "--backend", "torch") == 2
    assert one_error_line(capsys) == ONNX
