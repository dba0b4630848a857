"""Every classification result says which model made it (issue 15): the model's name, its file (or
"ImageNet ResNet-18") and the backend and precision, on each result, in ``classify --json`` and in
the CSV that the CLI and the app both write from plain rows."""

from __future__ import annotations

import csv
import json

import pytest

from resnet_studio.cli import main
from resnet_studio.engine.predict import ClassifyResult, Prediction, Predictor, write_results_csv
from tests.conftest import save_image
from tests.test_predict import CLASSES, make_model_file

pytestmark = pytest.mark.usefixtures("torch_one_thread")

IMAGENET = ("ResNet-18 (ImageNet)", "ImageNet ResNet-18", "PyTorch CPU, float32")


def cli(*args) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def pictures(tmp_path):
    return [save_image(tmp_path / "照片" / f"p{i}.png", size=(40, 32), seed=i) for i in range(2)]


@pytest.fixture
def onnx_cache(tmp_path_factory, monkeypatch):
    # the ONNX cache tests/test_predict.py and test_cli_classify.py share: each model exported once
    monkeypatch.setenv("RESNET_STUDIO_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "共享 onnx cache"))


def provenance(r) -> tuple[str, str, str]:
    return r.model, r.model_file, r.backend


def test_each_result_carries_the_model_file_and_backend_that_made_it(fake_imagenet_weights, pictures, tmp_path,
                                                                     onnx_cache, monkeypatch):
    fake_imagenet_weights("resnet18")
    zoo = Predictor("resnet18", device="cpu", backend="torch", top_k=3)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a picture")
    results = list(zoo.classify_paths([*pictures, bad]))
    assert [provenance(r) for r in results] == [IMAGENET] * 3  # an unreadable file too: who tried it
    assert zoo.provenance == dict(zip(("model", "model_file", "backend"), IMAGENET))

    model = make_model_file(tmp_path / "宠物.safetensors")
    monkeypatch.chdir(tmp_path)  # a relative path is written as the absolute file it named
    mine = Predictor("宠物.safetensors", device="cpu", backend="onnxruntime", top_k=3)
    (r,) = mine.classify_paths(pictures[:1])
    assert provenance(r) == ("pets", str(model), "ONNX Runtime CPU, float32")
    row = r.plain()
    assert row["predictions"][0] == (r.predictions[0].label, r.predictions[0].score, r.predictions[0].index)
    assert (row["model"], row["model_file"], row["backend"]) == provenance(r)


def test_classify_json_and_csv_carry_model_columns(fake_imagenet_weights, pictures, tmp_path, capsys):
    fake_imagenet_weights("resnet18")
    target = tmp_path / "results.csv"
    assert cli("classify", *pictures, "--json", "--csv", target, "--top-k", "2", "--backend", "torch") == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["path"] for r in rows] == [str(p) for p in pictures]
    assert all((r["model"], r["model_file"], r["backend"]) == IMAGENET for r in rows)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert list(table[0]) == ["path", "top1_label", "top1_score", "label_1", "score_1", "label_2", "score_2",
                              "error", "model", "model_file", "backend"]  # the new columns at the end
    assert all((t["model"], t["model_file"], t["backend"]) == IMAGENET for t in table)
    assert [t["top1_label"] for t in table] == [r["predictions"][0]["label"] for r in rows]


def test_csv_of_plain_rows_from_two_models_says_so_per_row(tmp_path):
    """The writer both the CLI and the app use takes plain rows (what the results list holds):
    rows of two models keep each their own model, file and backend."""
    rows = [
        {"path": "/photos/a.jpg", "predictions": [("cat", 0.9, 281), ("dog", 0.05, 207)], "error": None,
         "model": IMAGENET[0], "model_file": IMAGENET[1], "backend": IMAGENET[2]},
        {"path": "/photos/b.jpg", "predictions": [("seven", 0.8, 7)], "error": None,
         "model": "Digits v2", "model_file": "/models/digits v2.safetensors", "backend": "ONNX Runtime CPU, float32"},
        {"path": "/photos/c.jpg", "predictions": [], "error": "This file is empty (0 bytes).",
         "model": "Digits v2", "model_file": "/models/digits v2.safetensors", "backend": "ONNX Runtime CPU, float32"},
    ]
    out = write_results_csv(iter(rows), tmp_path / "mixed.csv", top_k=2)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][-4:] == ["error", "model", "model_file", "backend"]
    assert table[1] == ["/photos/a.jpg", "cat", "0.900000", "cat", "0.900000", "dog", "0.050000", "",
                        *IMAGENET]
    assert table[2][-3:] == ["Digits v2", "/models/digits v2.safetensors", "ONNX Runtime CPU, float32"]
    assert table[2][5:7] == ["", ""]
    assert table[3][:3] == ["/photos/c.jpg", "", ""] and table[3][-4] == "This file is empty (0 bytes)."
    # an engine result written directly gives the same line as its plain row
    r = ClassifyResult("/photos/a.jpg", [Prediction("cat", 0.9, 281), Prediction("dog", 0.05, 207)],
                       model=IMAGENET[0], model_file=IMAGENET[1], backend=IMAGENET[2])
    again = write_results_csv([r], tmp_path / "one.csv", top_k=2)
    with again.open(encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))[1] == table[1]


def test_backend_label_names_the_device_and_precision():
    """How a GPU run is worded (no GPU needed: only the device's kind and the weights' type count)."""
    import torch

    from resnet_studio.engine.predict import backend_label

    class Backend:
        def __init__(self, name, words):
            self.name, self._words = name, words

        def describe(self):
            return self._words

    layer = torch.nn.Linear(2, 2)
    assert backend_label(Backend("torch", "PyTorch"), torch.device("cuda", 0), layer) == "PyTorch CUDA, float32"
    assert backend_label(Backend("torch", "PyTorch"), torch.device("mps"), layer) == "PyTorch MPS, float32"
    # ONNX Runtime runs on the CPU whatever device torch was given
    assert backend_label(Backend("onnxruntime", "ONNX Runtime"), torch.device("cuda"), layer) == "ONNX Runtime CPU, float32"
    assert backend_label(Backend("torch", "PyTorch"), torch.device("cuda"), layer.half()) == "PyTorch CUDA, float16"
