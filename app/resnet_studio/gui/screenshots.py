"""Screenshots of every view, in English and Simplified Chinese, made from the real app.

    python -m resnet_studio.gui.screenshots docs/screenshots

Runs offline in a temporary, isolated world: a random-init ResNet-18 stands in for the ImageNet
weights, a small generated dataset of coloured shapes is trained in the Train view (the real
training engine, head only), the new model classifies held-out shapes in the Classify view, and
the Models view shows it. Then the language is switched live to 简体中文 and every view is shot
again. Chinese text needs a CJK font (e.g. ``apt-get install fonts-noto-cjk``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

VIEWS = ("classify_empty", "classify_results", "train_curves", "train_results", "models", "models_stages")


def _setup_env(base: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TORCH_HOME"] = str(base / "torch_home")
    os.environ["RESNET_STUDIO_DATA_DIR"] = str(base / "data")
    os.environ["RESNET_STUDIO_MODELS_DIR"] = str(base / "bundled")
    (base / "bundled").mkdir(parents=True, exist_ok=True)


def _fake_imagenet_weights() -> None:
    import torch

    from ..engine import zoo

    dest = zoo.cache_dir() / zoo.arch_info("resnet18").weights_filename
    dest.parent.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    torch.save(zoo.build_model("resnet18").state_dict(), dest)


def _shapes(root: Path, per_class: int, size: int = 96, seed: int = 0) -> list[Path]:
    """Coloured shapes on noisy backgrounds, one folder per shape."""
    import numpy as np
    from PIL import Image, ImageDraw

    rng = np.random.default_rng(seed)
    colours = {"circle": (220, 60, 50), "square": (50, 170, 80), "triangle": (60, 90, 220)}
    out = []
    for cls, colour in colours.items():
        for i in range(per_class):
            img = Image.fromarray(rng.integers(20, 80, (size, size, 3)).astype("uint8"), "RGB")
            d = ImageDraw.Draw(img)
            c = tuple(int(v) for v in np.clip(np.array(colour) + rng.integers(-30, 30, 3), 0, 255))
            m = int(rng.integers(8, 22))
            box = (m, m, size - m, size - m)
            if cls == "circle":
                d.ellipse(box, fill=c)
            elif cls == "square":
                d.rectangle(box, fill=c)
            else:
                d.polygon([(size // 2, m), (size - m, size - m), (m, size - m)], fill=c)
            path = root / cls / f"{cls}_{i:03d}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            img.save(path)
            out.append(path)
    return out


def _pump(app, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def _wait(app, until, timeout: float, what: str) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + timeout
    while not until():
        if time.monotonic() > end:
            raise TimeoutError(f"timed out waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Screenshots of every view (English and Chinese).")
    ap.add_argument("out", nargs="?", default="docs/screenshots")
    ap.add_argument("--size", default="1200x780", help="window size, WIDTHxHEIGHT")
    args = ap.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    width, height = (int(v) for v in args.size.lower().split("x"))

    base = Path(tempfile.mkdtemp(prefix="rs-screens-"))
    _setup_env(base)
    _fake_imagenet_weights()
    _shapes(base / "shapes", per_class=24)
    held_out = _shapes(base / "new photos", per_class=3, seed=7)
    broken = base / "new photos" / "scan_0042.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 this download stopped half way")

    from .app import create_application
    from .i18n import LanguageManager
    from .main_window import CLASSIFY_TAB, MODELS_TAB, TRAIN_TAB, MainWindow
    from .settings import Settings

    app = create_application([])
    languages = LanguageManager()
    languages.apply("en")
    w = MainWindow(Settings(), languages, backend="torch")
    w.resize(width, height)
    w.show()
    w.start()
    _wait(app, lambda: w.classify._model_state == "ready", 300, "the ImageNet model")
    _wait(app, lambda: w.train_view is not None, 60, "the Train view")
    tv = w.train_view

    shots: dict[str, callable] = {}

    def shoot(name: str, lang: str) -> None:
        _pump(app, 0.4)
        path = out / f"{name}_{lang}.png"
        w.grab().save(str(path))
        print(path)

    # Classify, empty
    w.tabs.setCurrentIndex(CLASSIFY_TAB)
    shots["classify_empty"] = lambda: w.tabs.setCurrentIndex(CLASSIFY_TAB) or w.classify.stack.setCurrentIndex(0)
    shoot("classify_empty", "en")

    # Train on the shapes, with the real engine
    trained: list[str] = []
    tv.model_trained.connect(trained.append)
    w.tabs.setCurrentIndex(TRAIN_TAB)
    tv.extra_config.update({"epochs": 8, "image_size": 64, "batch_size": 16, "mode": "head", "name": "Shapes"})
    tv.set_dataset_folder(str(base / "shapes"))
    _wait(app, lambda: tv.start_button.isEnabled(), 120, "the dataset check")
    tv.start_training()
    _wait(app, lambda: trained and not tv.is_busy(), 900, "training")
    shots["train_curves"] = lambda: (w.tabs.setCurrentIndex(TRAIN_TAB), tv.tabs.setCurrentIndex(0))
    shots["train_results"] = lambda: (w.tabs.setCurrentIndex(TRAIN_TAB), tv.tabs.setCurrentIndex(1))
    for name in ("train_curves", "train_results"):
        shots[name]()
        shoot(name, "en")

    # Classify new shapes (and a broken download) with the new model
    w.use_model(trained[-1])
    _wait(app, lambda: w.classify._model_state == "ready" and "Shapes" in w.model_label.text(), 120, "the new model")
    w.classify.classify_paths([str(broken)] + [str(p) for p in held_out[::-1]])
    _wait(app, lambda: not w.classify.is_busy() and w.classify.records(), 300, "classification")
    w.classify.model.set_expanded(1, True)
    w.classify.delegate.sizeHintChanged.emit(w.classify.model.index(1))
    shots["classify_results"] = lambda: (w.tabs.setCurrentIndex(CLASSIFY_TAB), w.classify.stack.setCurrentIndex(1))
    shots["classify_results"]()
    shoot("classify_results", "en")

    # Models: the trained model's overview, and the layers of ResNet-50's summary
    w.models.refresh()
    w.tabs.setCurrentIndex(MODELS_TAB)
    ready: list[str] = []
    w.models.summary_ready.connect(ready.append)
    w.models.select_spec(trained[-1])
    _wait(app, lambda: trained[-1] in ready, 120, "the model summary")
    shots["models"] = lambda: (w.tabs.setCurrentIndex(MODELS_TAB), w.models.select_spec(trained[-1]),
                               w.models.details.setCurrentIndex(0))
    shots["models"]()
    shoot("models", "en")
    w.models.select_spec("resnet50")
    _wait(app, lambda: "resnet50" in ready, 120, "the ResNet-50 summary")
    shots["models_stages"] = lambda: (w.tabs.setCurrentIndex(MODELS_TAB), w.models.select_spec("resnet50"),
                                      w.models.details.setCurrentIndex(1))
    shots["models_stages"]()
    shoot("models_stages", "en")

    # The same views in Simplified Chinese, switched live from the Language menu's handler
    w.set_language("zh_CN")
    _pump(app, 0.5)
    for name in VIEWS:
        shots[name]()
        shoot(name, "zh_CN")
    w.set_language("en")
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
