"""Issue 13: the cached ONNX graph is a speed-up, never a source of truth.

Whatever is found under the model's key in the user cache (another model's graph, flipped bits, a
graph with 1000 outputs, a huge sparse file), classify gives PyTorch's answers and the entry is
rebuilt; a cache that cannot be written only costs time; nothing from ONNX Runtime reaches stdout.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil

import numpy as np
import pytest

from resnet_studio.cli import main
from resnet_studio.engine.predict import Predictor
from tests.conftest import save_image
from tests.helpers import measure_peak_growth, save_random_model

CLASSES = ["cat", "dog", "fox"]
CROP = 64

pytestmark = pytest.mark.usefixtures("torch_one_thread")


@pytest.fixture(scope="module")
def world(tmp_path_factory, torch_one_thread):
    """Two models of the same shape, each with a cache holding its good graph; a 1000-output
    graph at the same input size; pictures and PyTorch's answers for model A."""
    import torch
    import torchvision

    from resnet_studio.engine.onnx_backend import export_onnx_bytes

    base = tmp_path_factory.mktemp("onnx_trust")
    mp = pytest.MonkeyPatch()
    a = save_random_model(base / "a.safetensors", CLASSES, image_size=CROP, seed=0)
    b = save_random_model(base / "b.safetensors", CLASSES, image_size=CROP, seed=1)
    caches = {}
    for name, model in (("a", a), ("b", b)):
        caches[name] = base / f"cache_{name}"
        mp.setenv("RESNET_STUDIO_CACHE_DIR", str(caches[name]))
        assert Predictor(model, device="cpu", backend="onnxruntime").backend_name == "onnxruntime"
    mp.undo()
    torch.manual_seed(0)
    big = export_onnx_bytes(torchvision.models.resnet18().eval(), CROP, exporter="legacy")
    pictures = [save_image(base / "photos" / f"p{i}.png", size=(64, 48), seed=i) for i in range(3)]
    reference = answers(Predictor(a, device="cpu", backend="torch"), pictures)
    yield {"a": a, "b": b, "caches": caches, "big": big, "pictures": pictures, "reference": reference}


def answers(predictor: Predictor, paths) -> list[tuple[str, float]]:
    out = []
    for r in predictor.classify_paths(paths):
        assert r.error is None, r.error
        out.append((r.top1.label, r.top1.score))
    return out


def assert_same_answers(got, reference) -> None:
    assert [label for label, _ in got] == [label for label, _ in reference]
    np.testing.assert_allclose([s for _, s in got], [s for _, s in reference], rtol=1e-3, atol=1e-5)


@pytest.fixture
def cache(world, tmp_path, monkeypatch):
    """A copy of model A's good cache for this test: ``(graph path, record path)``."""
    from resnet_studio.engine import onnx_backend

    root = tmp_path / "cache"
    shutil.copytree(world["caches"]["a"], root)
    monkeypatch.setenv("RESNET_STUDIO_CACHE_DIR", str(root))
    # every test starts as a fresh process would: nothing probed yet
    monkeypatch.setattr(onnx_backend, "_PROBED", set(), raising=False)
    (graph,) = (root / "onnx").glob("*.onnx")
    return graph, graph.with_suffix(".json")


def forge_record(record_path, graph_path) -> None:
    """What someone who swaps the graph can also do: make its record agree with the new bytes."""
    if not record_path.exists():  # code that keeps no record (before issue 13): the swap is enough
        return
    record = json.loads(record_path.read_text())
    data = graph_path.read_bytes()
    record.update(sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    record_path.write_text(json.dumps(record))


def other_models_graph(world) -> bytes:
    (g,) = (world["caches"]["b"] / "onnx").glob("*.onnx")
    return g.read_bytes()


def flip_weights(data: bytes) -> bytes:
    """4 KiB of 0xff in the middle of the graph: NaNs in a convolution's weights."""
    mid = len(data) // 2
    return data[:mid] + b"\xff" * 4096 + data[mid + 4096:]


def check_rebuilt_and_right(world, graph) -> None:
    p = Predictor(world["a"], device="cpu", backend="onnxruntime")
    assert_same_answers(answers(p, world["pictures"]), world["reference"])
    assert not p.backend.cached and p.backend.rebuilt
    # the rebuilt entry is trusted and used from now on
    again = Predictor(world["a"], device="cpu", backend="onnxruntime")
    assert again.backend.cached and not again.backend.rebuilt
    assert_same_answers(answers(again, world["pictures"]), world["reference"])


def test_a_verified_cache_hit_is_used(world, cache):
    p = Predictor(world["a"], device="cpu", backend="onnxruntime")
    assert_same_answers(answers(p, world["pictures"]), world["reference"])
    assert p.backend.cached and getattr(p.backend, "rebuilt", "") == ""


@pytest.mark.parametrize("forged", [False, True], ids=["record-kept", "record-forged"])
def test_another_models_graph_under_the_key_is_rebuilt(world, cache, forged):
    graph, record = cache
    graph.write_bytes(other_models_graph(world))  # before: every photo got model B's answer, exit 0
    if forged:
        forge_record(record, graph)  # caught by the probe against PyTorch, not by the digest
    check_rebuilt_and_right(world, graph)


@pytest.mark.parametrize("forged", [False, True], ids=["record-kept", "record-forged"])
def test_bit_flipped_weights_in_the_graph_are_rebuilt(world, cache, forged):
    graph, record = cache
    graph.write_bytes(flip_weights(graph.read_bytes()))  # before: "cat nan%", exit 0
    if forged:
        forge_record(record, graph)
    check_rebuilt_and_right(world, graph)


@pytest.mark.slow
@pytest.mark.parametrize("forged", [False, True], ids=["record-kept", "record-forged"])
def test_a_1000_output_graph_under_a_3_class_key_is_rebuilt(world, cache, forged):
    graph, record = cache
    graph.write_bytes(world["big"])  # before: IndexError traceback
    if forged:
        forge_record(record, graph)  # caught by the declared output shape
    check_rebuilt_and_right(world, graph)


def test_a_huge_sparse_file_is_refused_by_its_size_unread(world, cache):
    graph, _ = cache
    os.truncate(graph, 1536 * 1024 * 1024)  # sparse: no disk or memory used until someone reads it
    p, grown = measure_peak_growth(lambda: Predictor(world["a"], device="cpu", backend="onnxruntime"))
    # before: all of it was read (a 3 GB file cost 7 GB of memory and 32 s)
    assert grown < 600 * 1024 * 1024
    assert_same_answers(answers(p, world["pictures"]), world["reference"])
    assert graph.stat().st_size < 200 * 1024 * 1024  # replaced by the rebuilt graph
    assert not p.backend.cached and p.backend.rebuilt


@pytest.mark.slow
def test_a_cache_that_cannot_be_written_only_makes_it_slower(world, tmp_path, monkeypatch):
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder should be")
    monkeypatch.setenv("RESNET_STUDIO_CACHE_DIR", str(not_a_folder))
    for _ in range(2):
        p = Predictor(world["a"], device="cpu", backend="onnxruntime")
        assert p.backend_name == "onnxruntime" and not p.backend.cached
        assert_same_answers(answers(p, world["pictures"]), world["reference"])


@pytest.mark.slow
def test_an_entry_that_cannot_be_removed_or_replaced_is_never_used(world, cache):
    graph, record = cache
    graph.unlink()
    graph.mkdir()  # neither unlink nor an atomic replace can get rid of a folder
    (graph / "x").write_bytes(other_models_graph(world))
    for _ in range(2):
        p = Predictor(world["a"], device="cpu", backend="onnxruntime")
        assert p.backend_name == "onnxruntime" and not p.backend.cached
        assert_same_answers(answers(p, world["pictures"]), world["reference"])


def test_onnx_runtime_fallback_banner_never_reaches_stdout(world, cache, monkeypatch, capsys):
    """ONNX Runtime's Python wrapper print()s an "EP Error" banner when a session fails to start
    and it retries on the CPU (seen with a 3 GB file in the cache): that broke `--json`."""
    import onnxruntime

    real = onnxruntime.InferenceSession._create_inference_session
    calls = []

    def fails_once(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("simulated execution-provider failure")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(onnxruntime.InferenceSession, "_create_inference_session", fails_once)
    p = Predictor(world["a"], device="cpu", backend="onnxruntime")
    assert p.backend_name == "onnxruntime"
    assert_same_answers(answers(p, world["pictures"]), world["reference"])
    assert capsys.readouterr().out == ""


def test_classify_json_stdout_stays_json_with_a_swapped_graph(world, cache, capsys):
    graph, record = cache
    graph.write_bytes(other_models_graph(world))
    forge_record(record, graph)
    code = main(["classify", *map(str, world["pictures"]), "--model", str(world["a"]), "--json",
                 "--backend", "onnxruntime", "--top-k", "1"])
    out = capsys.readouterr()
    assert code == 0
    rows = [json.loads(line) for line in out.out.splitlines()]
    got = [(r["predictions"][0]["label"], r["predictions"][0]["score"]) for r in rows]
    assert_same_answers(got, world["reference"])
    assert "Traceback" not in out.err
