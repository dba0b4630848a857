"""`resnet-studio classify` and `resnet-studio models`: output formats, exit codes, odd streams."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys

import pytest

from resnet_studio.cli import main
from tests.conftest import save_image
from tests.test_predict import CLASSES, make_model_file


pytestmark = pytest.mark.usefixtures("torch_one_thread")


def cli(*args) -> int:
    return main([str(a) for a in args])


def fail_lines(captured) -> list[str]:
    return [line for line in captured.err.splitlines() if line.strip()]


@pytest.fixture
def photos(tmp_path):
    folder = tmp_path / "照片"
    a = save_image(folder / "a.jpg", size=(64, 48), seed=1)
    b = save_image(folder / "sub" / "猫 b.png", size=(48, 64), seed=2)
    bad = folder / "bad.jpg"
    bad.write_bytes(b"this is not a jpeg")
    (folder / "notes.txt").write_text("skip me")
    return {"folder": folder, "a": a, "b": b, "bad": bad}


def test_json_lines_in_input_order_and_exit_1_for_unreadable(fake_imagenet_weights, photos, capsys):
    fake_imagenet_weights("resnet18")
    code = cli("classify", photos["a"], photos["bad"], photos["b"], "--json", "--backend", "torch", "--batch-size", "2")
    out = capsys.readouterr()
    assert code == 1
    rows = [json.loads(line) for line in out.out.splitlines()]
    assert [r["path"] for r in rows] == [str(photos["a"]), str(photos["bad"]), str(photos["b"])]
    for r in rows:
        assert set(r) == {"path", "predictions", "error", "model", "model_file", "backend"}
    good = [rows[0], rows[2]]
    for r in good:
        assert r["error"] is None and len(r["predictions"]) == 5
        assert all(set(p) == {"label", "score"} and 0 <= p["score"] <= 1 for p in r["predictions"])
        scores = [p["score"] for p in r["predictions"]]
        assert scores == sorted(scores, reverse=True)
    assert rows[1]["predictions"] == [] and "not an image" in rows[1]["error"]
    assert "2 of 3" in out.err and "1 could not be read" in out.err
    assert "Traceback" not in out.err


def test_text_output_folder_recursion_exit_0(fake_imagenet_weights, photos, capsys):
    fake_imagenet_weights("resnet18")
    photos["bad"].unlink()
    code = cli("classify", photos["folder"], "--top-k", "2", "--backend", "torch", "--device", "cpu")
    out = capsys.readouterr()
    assert code == 0
    lines = out.out.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [str(photos["a"]), str(photos["b"])]  # sorted, recursive
    for line in lines:
        labels = line.split(": ", 1)[1].split(", ")
        assert len(labels) == 2 and all(label.endswith("%") for label in labels)
    assert "notes.txt" not in out.out


def test_csv_output(fake_imagenet_weights, photos, tmp_path, capsys):
    fake_imagenet_weights("resnet18")
    target = tmp_path / "结果 results.csv"
    code = cli("classify", photos["a"], photos["bad"], photos["b"], "--csv", target, "--top-k", "3", "--backend", "torch")
    out = capsys.readouterr()
    assert code == 1
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["path", "top1_label", "top1_score", "label_1", "score_1", "label_2", "score_2",
                             "label_3", "score_3", "error", "model", "model_file", "backend"]
    assert [r["path"] for r in rows] == [str(photos["a"]), str(photos["bad"]), str(photos["b"])]
    assert rows[0]["top1_label"] == rows[0]["label_1"] and float(rows[0]["top1_score"]) > 0
    assert float(rows[0]["score_1"]) >= float(rows[0]["score_2"]) >= float(rows[0]["score_3"])
    assert rows[1]["top1_label"] == "" and rows[1]["error"]
    assert str(target) in out.err
    # the text lines still went to stdout
    assert len(out.out.splitlines()) == 3


def test_model_file_with_auto_backend(photos, tmp_path_factory, monkeypatch, capsys):
    # the same ONNX cache as tests/test_predict.py: the same model file is exported only once
    monkeypatch.setenv("RESNET_STUDIO_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "共享 onnx cache"))
    model = make_model_file(photos["folder"].parent / "宠物.safetensors")
    code = cli("classify", photos["a"], photos["b"], "--model", model, "--json")
    out = capsys.readouterr()
    assert code == 0, out.err
    rows = [json.loads(line) for line in out.out.splitlines()]
    assert all({p["label"] for p in r["predictions"]} == set(CLASSES) for r in rows)  # top-5 capped at 3
    assert "ONNX Runtime" in out.err


# --- exit code 2: usage and model errors, one line, no traceback -------------------------------------


@pytest.mark.parametrize("args", [
    ["classify"],
    ["classify", "x.jpg", "--top-k", "0"],
    ["classify", "x.jpg", "--batch-size", "many"],
    ["classify", "x.jpg", "--device", "tpu"],
    ["models", "--download", "resnet9000"],
])
def test_usage_errors_exit_2(args, capsys):
    with pytest.raises(SystemExit) as exc:
        cli(*args)
    assert exc.value.code == 2
    assert "error:" in capsys.readouterr().err


def _model_error_cases(tmp_path, photos):
    damaged = tmp_path / "damaged.safetensors"
    damaged.write_bytes(b"\x00" * 100)
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    return {
        "missing weights": (["classify", photos["a"], "--model", "resnet50"], "--allow-download"),
        "unknown model": (["classify", photos["a"], "--model", "resnet9000"], "neither a model name"),
        "missing model file": (["classify", photos["a"], "--model", tmp_path / "gone.safetensors"], "neither"),
        "damaged model file": (["classify", photos["a"], "--model", damaged], "damaged"),
        "no images": (["classify", empty_dir], "no images found"),
        "csv folder missing": (["classify", photos["a"], "--csv", tmp_path / "nope" / "r.csv"], "does not exist"),
    }


@pytest.mark.parametrize("case", ["missing weights", "unknown model", "missing model file", "damaged model file",
                                  "no images", "csv folder missing"])
def test_model_and_input_errors_exit_2_with_one_line(case, photos, tmp_path, capsys):
    args, expected = _model_error_cases(tmp_path, photos)[case]
    code = cli(*args)
    out = capsys.readouterr()
    assert code == 2
    lines = fail_lines(out)
    assert len(lines) == 1 and lines[0].startswith("resnet-studio: error:"), out.err
    assert expected in lines[0]
    assert out.out == ""


@pytest.mark.slow
def test_missing_weights_in_a_real_process_has_no_traceback(photos):
    env = dict(os.environ)
    proc = subprocess.run(
        [sys.executable, "-m", "resnet_studio", "classify", str(photos["a"]), "--model", "resnet34"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len([line for line in proc.stderr.splitlines() if line.strip()]) == 1


# --- streams: windowed app, terminal progress -----------------------------------------------------


def test_windowed_app_without_stdout_or_stderr(fake_imagenet_weights, photos, tmp_path, monkeypatch):
    fake_imagenet_weights("resnet18")
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    target = tmp_path / "out.csv"
    code = cli("classify", photos["a"], photos["bad"], "--csv", target, "--backend", "torch")
    assert code == 1
    assert target.read_text(encoding="utf-8-sig").count("\n") == 3
    assert cli("classify", photos["a"], "--model", "resnet50") == 2
    assert cli("models") == 0


def test_progress_bar_on_a_terminal_keeps_stdout_clean(fake_imagenet_weights, photos, monkeypatch, capsys):
    fake_imagenet_weights("resnet18")

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    code = cli("classify", photos["folder"], "--json", "--backend", "torch", "--batch-size", "1")
    assert code == 1
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len([r for r in rows if not r.get("skipped")]) == 3  # notes.txt is listed as skipped
    assert "classifying" in term.getvalue()


# --- weights download (only when asked), models listing ---------------------------------------------


def serve_weights_from_file(tmp_path, arch="resnet18"):
    """A manifest pointing at a local file:// URL: the real download code path, no network."""
    import torch

    from resnet_studio.engine import zoo

    torch.manual_seed(0)
    src = tmp_path / "mirror" / "weights.pth"
    src.parent.mkdir()
    torch.save(zoo.build_model(arch).state_dict(), src)
    entry = {
        "name": arch,
        "url": src.as_uri(),
        "file": zoo.arch_info(arch).weights_filename,
        "sha256": hashlib.sha256(src.read_bytes()).hexdigest(),
    }
    # a second model whose source is unreachable (a file that is not there): fails at once, offline
    gone = {"name": "resnet34", "url": (tmp_path / "mirror" / "gone.pth").as_uri(),
            "file": zoo.arch_info("resnet34").weights_filename}
    (zoo.bundled_models_dir() / "manifest.json").write_text(json.dumps({"weights": [entry, gone]}))
    return zoo.cache_dir() / entry["file"]


def test_allow_download_fetches_missing_weights(photos, tmp_path, capsys):
    dest = serve_weights_from_file(tmp_path)
    assert cli("classify", photos["a"], "--backend", "torch") == 2
    assert "--allow-download" in capsys.readouterr().err
    assert not dest.exists()
    assert cli("classify", photos["a"], "--backend", "torch", "--allow-download") == 0
    assert dest.is_file()


def test_models_lists_zoo_with_offline_status(fake_imagenet_weights, capsys):
    from resnet_studio.engine.zoo import ZOO

    fake_imagenet_weights("resnet18")
    assert cli("models") == 0
    table = capsys.readouterr().out.splitlines()
    rows = {line.split()[0]: line.split()[-1] for line in table[1: 1 + len(ZOO)]}
    assert rows == {name: ("yes" if name == "resnet18" else "no") for name in ZOO}
    assert cli("models", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in listed] == list(ZOO)
    assert {r["name"]: r["available"] for r in listed} == {n: n == "resnet18" for n in ZOO}


def test_models_download(tmp_path, capsys):
    dest = serve_weights_from_file(tmp_path)
    assert cli("models", "--download", "resnet18", "--json") == 0
    out = capsys.readouterr()
    assert dest.is_file() and "downloaded" in out.err
    assert next(r for r in json.loads(out.out) if r["name"] == "resnet18")["available"] is True
    assert cli("models", "--download", "resnet18") == 0
    assert "already" in capsys.readouterr().err
    # a model whose source cannot be reached: exit 2 with a readable line
    assert cli("models", "--download", "resnet34") == 2
    lines = fail_lines(capsys.readouterr())
    assert len(lines) == 1 and "Could not download" in lines[0]
