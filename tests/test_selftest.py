"""The self-test (``resnet-studio --self-test``, Help → Diagnostics), in the development tree.

The conftest gives every test empty weights caches and user folders; fake_imagenet_weights puts a
random-init resnet18 where the real ImageNet file would be. Most tests use the PyTorch backend so
that no ONNX export runs (seconds each); one test runs the default backend the app uses.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from resnet_studio import __version__
from resnet_studio.selftest import CheckResult, format_report, main, run_self_test

CHECK_NAMES = [
    "App", "PyTorch", "Device", "Threads", "User folders", "Installed files", "Qt",
    "ImageNet weights", "Classify", "Training",
]


def by_name(results: list[CheckResult]) -> dict[str, CheckResult]:
    return {r.name: r for r in results}


def test_with_imagenet_weights_every_check_passes(fake_imagenet_weights):
    fake_imagenet_weights("resnet18")
    results = run_self_test(device="cpu", backend="torch")
    assert [r.name for r in results] == CHECK_NAMES
    assert [r.name for r in results if r.status != "ok"] == []
    checks = by_name(results)
    assert "ResNet-18" in checks["ImageNet weights"].message
    assert "ResNet-18 (ImageNet)" in checks["Classify"].message
    assert "2 training steps" in checks["Training"].message
    assert all(r.seconds >= 0 for r in results)


def test_without_weights_it_warns_and_still_classifies(capsys):
    code = main(["--device", "cpu", "--backend", "torch", "--only", "ImageNet weights,Classify"])
    out = capsys.readouterr().out
    assert code == 0
    assert "[WARN] ImageNet weights: No ImageNet weights found; download them from Models" in out
    assert "[ OK ] Classify:" in out and "untrained model" in out
    assert "2 of 2 checks passed, 1 with a warning, 0 failed" in out
    saved = out.strip().splitlines()[-1].removeprefix("Report saved to ")
    report = open(saved, encoding="utf-8").read()
    assert report.startswith(f"ResNet Studio {__version__} self-test")
    assert "[WARN] ImageNet weights" in report


@pytest.mark.slow
def test_default_backend_classifies_the_sample(fake_imagenet_weights):
    # what the app itself uses: ONNX Runtime on the CPU (an ONNX export first: slow), or PyTorch
    # with a note when it is unavailable
    fake_imagenet_weights("resnet18")
    results = by_name(run_self_test(device="cpu", only=["Classify"]))
    assert results["Classify"].ok, results["Classify"].details
    assert "backend" in results["Classify"].details


def test_a_failing_part_is_reported_and_the_rest_still_runs(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    monkeypatch.setenv("RESNET_STUDIO_DATA_DIR", str(blocker / "data"))
    monkeypatch.setenv("RESNET_STUDIO_CACHE_DIR", str(tmp_path / "cache"))
    code = main(["--device", "cpu", "--backend", "torch", "--only", "App,PyTorch,User folders,Classify"])
    out = capsys.readouterr().out
    assert code == 1
    assert "[FAIL] User folders: Cannot write to" in out
    assert "[ OK ] PyTorch" in out and "[ OK ] Classify" in out
    assert "3 of 4 checks passed, 0 with a warning, 1 failed. Something is wrong" in out


def test_an_unavailable_device_fails_and_the_other_checks_use_the_cpu(monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    results = by_name(run_self_test(device="cuda", backend="torch", only=["Device", "Classify"]))
    assert not results["Device"].ok
    assert "No NVIDIA GPU" in results["Device"].message and "use the CPU" in results["Device"].message
    assert results["Classify"].ok and "CPU" in results["Classify"].message


def test_damaged_bundled_weights_are_reported(isolated_env):
    # what an installer build writes: the weights it shipped with their size and checksum
    bundled = isolated_env / "bundled_models"
    weights = bundled / "resnet18-f37072fd.pth"
    weights.write_bytes(b"x" * 100)
    record = {"weights": [{"file": weights.name, "size": 100, "sha256": hashlib.sha256(b"y" * 100).hexdigest()}]}
    (bundled / "bundled.json").write_text(json.dumps(record), encoding="utf-8")
    results = by_name(run_self_test(only=["Installed files"]))
    assert not results["Installed files"].ok
    assert "reinstall" in results["Installed files"].message
    assert "checksum mismatch" in results["Installed files"].details


def test_intact_bundled_weights_are_verified(isolated_env):
    bundled = isolated_env / "bundled_models"
    (bundled / "some.pth").write_bytes(b"z" * 10)
    record = {"weights": [{"file": "some.pth", "size": 10, "sha256": hashlib.sha256(b"z" * 10).hexdigest()}]}
    (bundled / "bundled.json").write_text(json.dumps(record), encoding="utf-8")
    check = by_name(run_self_test(only=["Installed files"]))["Installed files"]
    assert check.ok and "1 bundled weights file verified" in check.message


def test_json_output_and_live_results(capsys):
    seen = []
    results = run_self_test(on_result=seen.append, only=["App", "Threads", "ImageNet weights"])
    assert [r.name for r in seen] == [r.name for r in results] == ["App", "Threads", "ImageNet weights"]
    assert main(["--json", "--only", "App,ImageNet weights"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == __version__
    assert [(r["name"], r["status"]) for r in data["results"]] == [("App", "ok"), ("ImageNet weights", "warning")]


def test_cancel_stops_before_the_next_check():
    import threading

    cancel = threading.Event()
    results = run_self_test(device="cpu", backend="torch", on_result=lambda r: cancel.set(), cancel=cancel)
    assert [r.name for r in results] == ["App"]


def test_report_lines():
    results = [
        CheckResult("A", True, "fine"),
        CheckResult("B", True, "hmm", warning=True),
        CheckResult("C", False, "broken", details="trace line"),
    ]
    text = format_report(results)
    assert "[ OK ] A: fine" in text and "[WARN] B: hmm" in text and "[FAIL] C: broken" in text
    assert "trace line" in text  # details of failures always shown
    assert "2 of 3 checks passed, 1 with a warning, 1 failed" in text
    assert [r.status for r in results] == ["ok", "warning", "failed"]
    assert results[2].to_dict()["status"] == "failed"


@pytest.mark.parametrize("argv", [["--no-such-option"], ["--only", "App,Nonsense"]])
def test_usage_error_exits_2(argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_unknown_check_name_is_refused():
    with pytest.raises(ValueError, match="Nonsense"):
        run_self_test(only=["Nonsense"])
