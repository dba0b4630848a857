"""Shared fixtures: an isolated, offline world with tiny generated images and random-init weights.

Every test runs with its own TORCH_HOME, an empty bundled-models folder and its own user-data
folder, so nothing on the developer's machine (real weights, settings, trained models) leaks in,
and nothing is ever downloaded.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# As the app does (see __main__.py): no spinning OpenMP threads on a shared 2-core machine.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from pathlib import Path

import numpy as np
import pytest
from PIL import Image


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("env")
    monkeypatch.setenv("TORCH_HOME", str(base / "torch_home"))
    monkeypatch.setenv("RESNET_STUDIO_MODELS_DIR", str(base / "bundled_models"))
    monkeypatch.setenv("RESNET_STUDIO_DATA_DIR", str(base / "user_data"))
    monkeypatch.setenv("RESNET_STUDIO_TEST", "1")
    (base / "bundled_models").mkdir()
    yield base


@pytest.fixture(scope="module")
def torch_one_thread():
    """One torch compute thread for the module: on a shared, oversubscribed machine tiny forward
    and backward passes run several times faster than with threads waiting on each other."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


_WEIGHTS_CACHE: dict[str, Path] = {}


@pytest.fixture
def fake_imagenet_weights(tmp_path_factory):
    """Factory: put a seeded random-init state dict where torchvision's cache expects ``arch``'s
    ImageNet weights (in the current test's TORCH_HOME). Returns the file's path."""
    import shutil

    def make(arch: str = "resnet18") -> Path:
        from resnet_studio.engine import zoo

        if arch not in _WEIGHTS_CACHE:
            import torch

            torch.manual_seed(0)
            model = zoo.build_model(arch)
            src = tmp_path_factory.getbasetemp() / f"weights-{arch}.pth"
            torch.save(model.state_dict(), src)
            _WEIGHTS_CACHE[arch] = src
        dest = zoo.cache_dir() / zoo.arch_info(arch).weights_filename
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not dest.exists():
            try:
                os.link(_WEIGHTS_CACHE[arch], dest)
            except OSError:
                shutil.copy(_WEIGHTS_CACHE[arch], dest)
        return dest

    return make


def save_image(path: Path, size=(64, 48), mode="RGB", fmt=None, seed=0, **save_kwargs) -> Path:
    """Write a small deterministic picture (smooth gradient + noise) in any mode/format."""
    rng = np.random.default_rng(seed)
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w]
    base = np.stack([xx * 255 // max(w - 1, 1), yy * 255 // max(h - 1, 1), (xx + yy) * 127 // max(w + h - 2, 1)], -1)
    arr = np.clip(base + rng.integers(-20, 20, base.shape), 0, 255).astype(np.uint8)
    img = Image.fromarray(arr, "RGB")
    if mode != "RGB":
        img = img.convert(mode)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, format=fmt, **save_kwargs)
    return path


@pytest.fixture
def image_factory(tmp_path):
    """Factory: ``image_factory("name.jpg", size=(64, 48), mode="RGB")`` → path of a new image."""

    def make(name: str, **kwargs) -> Path:
        return save_image(tmp_path / name, **kwargs)

    return make


def make_shapes_dataset(root: Path, classes=("circle", "square", "triangle"), per_class=12, size=48, seed=0) -> Path:
    """A class-per-folder dataset a tiny model learns in seconds: each class is a different shape
    and colour family on a noisy background."""
    from PIL import ImageDraw

    rng = np.random.default_rng(seed)
    palette = [(220, 40, 40), (40, 180, 60), (50, 80, 220), (230, 200, 30), (160, 60, 200), (30, 200, 200)]
    for ci, cls in enumerate(classes):
        for i in range(per_class):
            bg = rng.integers(0, 60, (size, size, 3)).astype(np.uint8)
            img = Image.fromarray(bg, "RGB")
            d = ImageDraw.Draw(img)
            c = tuple(int(v) for v in np.clip(np.array(palette[ci % len(palette)]) + rng.integers(-25, 25, 3), 0, 255))
            m = int(rng.integers(4, 10))
            box = (m, m, size - m, size - m)
            kind = ci % 3
            if kind == 0:
                d.ellipse(box, fill=c)
            elif kind == 1:
                d.rectangle(box, fill=c)
            else:
                d.polygon([(size // 2, m), (size - m, size - m), (m, size - m)], fill=c)
            out = root / cls / f"{cls}_{i:03d}.png"
            out.parent.mkdir(parents=True, exist_ok=True)
            img.save(out)
    return root


@pytest.fixture
def shapes_dataset(tmp_path) -> Path:
    return make_shapes_dataset(tmp_path / "shapes")
