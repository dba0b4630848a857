"""The model zoo: weights lookup order, offline errors, verified downloads, the manifest."""

from __future__ import annotations

import hashlib
import http.server
import importlib.util
import json
import os
import pickle
import threading
from pathlib import Path

import pytest

from resnet_studio.engine import zoo
from resnet_studio.engine.errors import (
    CancelledError,
    DeviceError,
    ModelError,
    ModelFileError,
    WeightsNotFoundError,
)

ROOT = Path(__file__).resolve().parents[1]
ALL_ARCHS = [
    "resnet18", "resnet34", "resnet50", "resnet101", "resnet152",
    "resnext50_32x4d", "resnext101_32x8d", "wide_resnet50_2",
]


# --- local HTTP server ---------------------------------------------------------------------


class _Server:
    """A real HTTP server on 127.0.0.1 serving ``files`` (path → bytes)."""

    def __init__(self, files: dict[str, bytes], *, short_by: int = 0):
        self.files = files
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's naming
                data = server.files.get(self.path)
                if data is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(data) + short_by))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


PAYLOAD = os.urandom(300_000)  # several 64 KiB chunks
DIGEST = hashlib.sha256(PAYLOAD).hexdigest()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- the zoo ---------------------------------------------------------------------------------


def test_zoo_has_the_eight_architectures():
    assert list(zoo.ZOO) == ALL_ARCHS
    assert zoo.DEFAULT_ARCH in zoo.ZOO
    for name, info in zoo.ZOO.items():
        assert info.name == name
        assert info.weights_filename.endswith(".pth")
        assert info.num_params > 1_000_000
        assert 40 < info.file_size_mb < 400
        assert 60 < info.imagenet_top1 < 90


def test_unknown_architecture_is_a_readable_error():
    with pytest.raises(ModelError, match="Unknown model 'vgg16'.*resnet18"):
        zoo.arch_info("vgg16")


def test_build_model_heads_and_small_stem():
    import torch

    m = zoo.build_model("resnet18", num_classes=3)
    assert m.fc.out_features == 3
    small = zoo.build_model("resnet18", num_classes=3, small_input=True)
    assert small.conv1.kernel_size == (3, 3) and small.conv1.stride == (1, 1)
    assert isinstance(small.maxpool, torch.nn.Identity)
    with torch.no_grad():
        assert small.eval()(torch.zeros(1, 3, 32, 32)).shape == (1, 3)


def test_cache_dir_is_where_torchvision_looks(isolated_env):
    import torch

    assert zoo.cache_dir() == Path(torch.hub.get_dir()) / "checkpoints"
    assert str(zoo.cache_dir()).startswith(str(isolated_env / "torch_home"))
    assert zoo.bundled_models_dir() == isolated_env / "bundled_models"


def test_imagenet_categories_come_from_the_weights():
    cats = zoo.imagenet_categories("resnet50")
    assert len(cats) == 1000 and cats[0] == "tench" and "goldfish" in cats


# --- lookup order ----------------------------------------------------------------------------


def test_lookup_order_bundled_then_cache():
    name = "resnet18"
    filename = zoo.arch_info(name).weights_filename
    assert zoo.find_weights(name) is None

    cached = zoo.cache_dir() / filename
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"cache")
    assert zoo.find_weights(name) == cached
    assert zoo.weights_path(name) == cached

    bundled = zoo.bundled_models_dir() / filename
    bundled.write_bytes(b"bundled")
    assert zoo.find_weights(name) == bundled  # the installer's copy wins
    assert zoo.weights_path(name) == bundled


def test_empty_weights_file_is_ignored():
    filename = zoo.arch_info("resnet34").weights_filename
    (zoo.bundled_models_dir() / filename).write_bytes(b"")
    assert zoo.find_weights("resnet34") is None


def test_offline_error_names_the_file_and_the_folder():
    with pytest.raises(WeightsNotFoundError) as info:
        zoo.weights_path("resnet50", allow_download=False)
    msg = str(info.value)
    assert "ResNet-50" in msg
    assert zoo.arch_info("resnet50").weights_filename in msg
    assert str(zoo.cache_dir()) in msg
    assert "Traceback" not in msg
    with pytest.raises(WeightsNotFoundError):
        zoo.load_imagenet_model("resnet50")


def test_weights_status_reports_availability(fake_imagenet_weights):
    fake_imagenet_weights("resnet18")
    rows = {r["name"]: r for r in zoo.weights_status()}
    assert list(rows) == ALL_ARCHS
    assert rows["resnet18"]["available"] and rows["resnet18"]["path"]
    assert not rows["resnet50"]["available"] and rows["resnet50"]["path"] is None
    assert rows["resnet50"]["filename"] == zoo.arch_info("resnet50").weights_filename


# --- downloads ---------------------------------------------------------------------------------


def test_download_with_progress():
    calls: list[tuple[int, int]] = []
    with _Server({"/w.pth": PAYLOAD}) as srv:
        src = zoo.WeightSource(srv.url("/w.pth"), "w.pth", sha256=DIGEST)
        path = zoo.download_weights("resnet18", source=src, progress=lambda d, t: calls.append((d, t)))
    assert path == zoo.cache_dir() / "w.pth"
    assert path.read_bytes() == PAYLOAD
    assert len(calls) >= 3
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert calls[-1] == (len(PAYLOAD), len(PAYLOAD))
    assert _leftovers(zoo.cache_dir()) == ["w.pth"]


def test_download_checks_the_torchvision_hash_prefix():
    prefix = DIGEST[:8]
    with _Server({"/x.pth": PAYLOAD}) as srv:
        ok = zoo.WeightSource(srv.url("/x.pth"), f"resnet18-{prefix}.pth", sha256_prefix=prefix)
        assert zoo.download_weights("resnet18", source=ok).read_bytes() == PAYLOAD


def test_checksum_mismatch_is_refused_and_leaves_no_file():
    with _Server({"/w.pth": PAYLOAD}) as srv:
        src = zoo.WeightSource(srv.url("/w.pth"), "w.pth", sha256="0" * 64)
        with pytest.raises(WeightsNotFoundError, match="checksum"):
            zoo.download_weights("resnet18", source=src)
    assert _leftovers(zoo.cache_dir()) == []


def test_cancel_leaves_no_file():
    cancel = threading.Event()
    calls = []

    def progress(done, total):
        calls.append(done)
        cancel.set()

    with _Server({"/w.pth": PAYLOAD}) as srv:
        src = zoo.WeightSource(srv.url("/w.pth"), "w.pth", sha256=DIGEST)
        with pytest.raises(CancelledError):
            zoo.download_weights("resnet18", source=src, progress=progress, cancel=cancel)
    assert len(calls) == 1
    assert _leftovers(zoo.cache_dir()) == []


def test_download_cut_short_leaves_no_file():
    with _Server({"/w.pth": PAYLOAD}, short_by=1000) as srv:
        src = zoo.WeightSource(srv.url("/w.pth"), "w.pth")
        with pytest.raises(WeightsNotFoundError, match="stopped early|Could not download"):
            zoo.download_weights("resnet18", source=src, timeout=5)
    assert _leftovers(zoo.cache_dir()) == []


def test_download_404_and_unreachable_are_readable():
    with _Server({}) as srv:
        src = zoo.WeightSource(srv.url("/missing.pth"), "missing.pth")
        with pytest.raises(WeightsNotFoundError) as info:
            zoo.download_weights("resnet18", source=src)
    assert "missing.pth" in str(info.value) and "internet" in str(info.value)
    dead = zoo.WeightSource("http://127.0.0.1:9/none.pth", "none.pth")  # port 9: nothing listens
    with pytest.raises(WeightsNotFoundError):
        zoo.download_weights("resnet18", source=dead, timeout=5)
    assert _leftovers(zoo.cache_dir()) == []


def test_weights_path_downloads_when_allowed_using_the_manifest():
    """A manifest in the bundled folder (what an installer or a mirror provides) decides the URL."""
    filename = zoo.arch_info("resnet18").weights_filename
    with _Server({"/mirror/" + filename: PAYLOAD}) as srv:
        manifest = {"weights": [{"name": "resnet18", "file": filename, "url": srv.url("/mirror/" + filename),
                                 "sha256": DIGEST, "sha256_prefix": None, "size_mb": 0.3}]}
        (zoo.bundled_models_dir() / "manifest.json").write_text(json.dumps(manifest))
        with pytest.raises(WeightsNotFoundError):
            zoo.weights_path("resnet18")  # not allowed: nothing is downloaded
        calls = []
        path = zoo.weights_path("resnet18", allow_download=True, progress=lambda d, t: calls.append(d))
    assert path == zoo.cache_dir() / filename and path.read_bytes() == PAYLOAD
    assert calls and zoo.find_weights("resnet18") == path


# --- loading -----------------------------------------------------------------------------------


def test_load_imagenet_model_with_fake_weights(fake_imagenet_weights):
    import torch

    path = fake_imagenet_weights("resnet18")
    model = zoo.load_imagenet_model("resnet18")
    assert not model.training
    expected = torch.load(path, weights_only=True)
    for k, v in model.state_dict().items():
        assert torch.equal(v, expected[k]), k
    with torch.no_grad():
        assert model(torch.zeros(1, 3, 64, 64)).shape == (1, 1000)


def test_damaged_cached_weights_are_a_model_file_error():
    path = zoo.cache_dir() / zoo.arch_info("resnet18").weights_filename
    path.parent.mkdir(parents=True)
    path.write_bytes(b"PK\x03\x04 definitely not a zip")
    with pytest.raises(ModelFileError, match=path.name):
        zoo.load_imagenet_model("resnet18")


def test_wrong_weights_for_the_architecture(fake_imagenet_weights):
    import shutil

    src = fake_imagenet_weights("resnet18")
    dest = zoo.cache_dir() / zoo.arch_info("resnet34").weights_filename
    shutil.copy(src, dest)
    with pytest.raises(ModelFileError, match="does not match ResNet-34"):
        zoo.load_imagenet_model("resnet34")


class _Bomb:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_pickle_that_runs_code_is_refused_without_running(tmp_path):
    import torch

    marker = tmp_path / "pwned"
    bomb = tmp_path / "evil.pth"
    torch.save({"fc.weight": torch.zeros(2, 2), "x": _Bomb(marker)}, bomb)
    plain = tmp_path / "plain.pkl.pth"
    plain.write_bytes(pickle.dumps(_Bomb(marker)))
    for path in (bomb, plain):
        with pytest.raises(ModelFileError, match="never run"):
            zoo.load_state_dict_file(path)
    assert not marker.exists()


def test_state_dict_file_variants(tmp_path):
    import torch

    sd = {"a.weight": torch.ones(2), "b.bias": torch.zeros(1)}
    torch.save({"model": sd, "epoch": 3}, tmp_path / "ckpt.pth")  # torchvision reference checkpoint
    assert set(zoo.load_state_dict_file(tmp_path / "ckpt.pth")) == set(sd)
    torch.save({"module." + k: v for k, v in sd.items()}, tmp_path / "dp.pth")  # DataParallel
    assert set(zoo.load_state_dict_file(tmp_path / "dp.pth")) == set(sd)
    torch.save(torch.ones(3), tmp_path / "tensor.pth")
    with pytest.raises(ModelFileError, match="does not hold model weights"):
        zoo.load_state_dict_file(tmp_path / "tensor.pth")
    with pytest.raises(ModelFileError, match="no longer exists"):
        zoo.load_state_dict_file(tmp_path / "nothing.pth")


# --- manifest ----------------------------------------------------------------------------------


def test_manifest_matches_torchvision_enums():
    data = json.loads((ROOT / "models" / "manifest.json").read_text(encoding="utf-8"))
    entries = {e["name"]: e for e in data["weights"]}
    assert list(entries) == ALL_ARCHS
    for name, e in entries.items():
        w = zoo.arch_info(name).weights
        assert e["url"] == w.url
        assert e["file"] == w.url.rsplit("/", 1)[-1] == zoo.arch_info(name).weights_filename
        assert e["sha256_prefix"] and e["file"].split("-")[-1].startswith(e["sha256_prefix"])
        assert e["size_mb"] == pytest.approx(w.meta["_file_size"])
        assert e["sha256"] is None or len(e["sha256"]) == 64
        src = zoo.weight_source(name)
        assert (src.url, src.filename, src.sha256_prefix) == (e["url"], e["file"], e["sha256_prefix"])


def test_manifest_is_what_the_generator_writes():
    spec = importlib.util.spec_from_file_location("make_manifest", ROOT / "build_spec" / "make_manifest.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    data = json.loads((ROOT / "models" / "manifest.json").read_text(encoding="utf-8"))
    assert data == {"weights": mod.manifest_entries()}


# --- devices (engine core, small) --------------------------------------------------------------


def test_devices():
    import torch

    from resnet_studio.engine.devices import DEVICE_CHOICES, describe_device, pick_device

    assert pick_device("cpu") == torch.device("cpu")
    assert pick_device("auto").type in ("cpu", "cuda", "mps")
    assert "CPU" in describe_device(torch.device("cpu"))
    assert "auto" in DEVICE_CHOICES
    with pytest.raises(DeviceError, match="Unknown device"):
        pick_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(DeviceError, match="No NVIDIA GPU"):
            pick_device("cuda")
    else:
        with pytest.raises(DeviceError, match="no GPU number"):
            pick_device(f"cuda:{torch.cuda.device_count()}")
