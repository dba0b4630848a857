"""The offline world the screenshots are made in, and the window they are taken of.

Everything is generated: coloured shapes for pictures, a seeded random-init ResNet-18 put where
torchvision's cache expects the ImageNet weights (nothing is downloaded), tiny models trained by
the real engine. The folders live under one fixed path (``DEMO_DIR``) because paths show in the
screenshots: a fixed path keeps every run's pictures the same. Settings, caches and models go to
an isolated data folder inside it, never the user's own.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

#: Where the demo world lives (emptied at the start of every run).
DEMO_DIR = Path(tempfile.gettempdir()) / "resnet-studio-demo"
LANGUAGES = ("en", "zh_CN")
SHAPE_COLOURS = {"circle": (220, 60, 50), "square": (50, 170, 80), "triangle": (60, 90, 220)}


def setup_env(base: Path) -> None:
    """Point the app's data, model and torch folders into ``base`` (before Qt or torch load)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app_dir = base / ".resnet-studio"
    os.environ["TORCH_HOME"] = str(app_dir / "torch_home")
    os.environ["RESNET_STUDIO_DATA_DIR"] = str(app_dir / "data")
    os.environ["RESNET_STUDIO_MODELS_DIR"] = str(app_dir / "bundled")
    (app_dir / "bundled").mkdir(parents=True, exist_ok=True)


def fake_imagenet_weights(arch: str = "resnet18") -> None:
    """A seeded random-init state dict where the app looks for the ImageNet weights."""
    import torch

    from ...engine import zoo

    dest = zoo.cache_dir() / zoo.arch_info(arch).weights_filename
    dest.parent.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    torch.save(zoo.build_model(arch).state_dict(), dest)


def make_shapes(root: Path, per_class: int, *, size: int = 96, seed: int = 0, any_colour: bool = False,
                classes: tuple[str, ...] = tuple(SHAPE_COLOURS), prefix: str = "") -> list[Path]:
    """Coloured shapes on noisy backgrounds, one folder per shape (``root/circle/circle_000.png``).

    Each shape has its own colour unless ``any_colour``: then the model must learn the shape
    itself, which takes a few epochs (curves that rise, as real ones do)."""
    import numpy as np
    from PIL import Image, ImageDraw

    rng = np.random.default_rng(seed)
    out = []
    for cls in classes:
        for i in range(per_class):
            img = Image.fromarray(rng.integers(20, 80, (size, size, 3)).astype("uint8"), "RGB")
            d = ImageDraw.Draw(img)
            colour = list(SHAPE_COLOURS.values())[rng.integers(3)] if any_colour else SHAPE_COLOURS[cls]
            c = tuple(int(v) for v in np.clip(np.array(colour) + rng.integers(-30, 30, 3), 0, 255))
            m = int(rng.integers(size // 12, size // 4))
            box = (m, m, size - m, size - m)
            if cls == "circle":
                d.ellipse(box, fill=c)
            elif cls == "square":
                d.rectangle(box, fill=c)
            else:
                d.polygon([(size // 2, m), (size - m, size - m), (m, size - m)], fill=c)
            path = root / cls / f"{prefix}{cls}_{i:03d}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            img.save(path)
            out.append(path)
    return out


def pump(app, seconds: float) -> None:
    """Run the event loop for ``seconds`` (paints, queued signals, worker replies)."""
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def wait(app, until: Callable[[], object], timeout: float, what: str) -> None:
    """Run the event loop until ``until()`` is true; TimeoutError naming ``what`` otherwise."""
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + timeout
    while not until():
        if time.monotonic() > end:
            raise TimeoutError(f"timed out waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


class Studio:
    """The demo world plus one running main window; scenes set it up and call :meth:`save`.

    ``cache`` keeps what scenes make for each other (a trained model, say), so any subset of
    scenes can run in any order."""

    def __init__(self, out: Path, base: Path = DEMO_DIR, *, size: tuple[int, int] = (1080, 720),
                 languages: tuple[str, ...] = LANGUAGES) -> None:
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.base = Path(base)
        self.size = size
        self.langs = languages
        self.lang = "en"
        self.cache: dict[str, object] = {}
        self.saved: list[Path] = []
        shutil.rmtree(self.base, ignore_errors=True)
        self.pictures = self.base / "Pictures"
        self.pictures.mkdir(parents=True)
        setup_env(self.base)
        fake_imagenet_weights()
        self.app = self.window = None

    def open_window(self) -> None:
        from ..app import create_application
        from ..i18n import LanguageManager
        from ..main_window import MainWindow
        from ..settings import Settings
        from ..widgets import results

        results.RENDER_BUDGET_S = float("inf")  # stills: every card finished in the grab's own paint
        self.app = create_application([])
        languages = LanguageManager()
        languages.apply("en")
        w = self.window = MainWindow(Settings(), languages, backend="torch")
        w.resize(*self.size)
        w.show()
        w.start()
        self.wait(lambda: w.classify._model_state == "ready", 300, "the ImageNet model")
        self.wait(lambda: w.train_view is not None, 60, "the Train view")

    def close(self) -> None:
        if self.window is not None:
            self.window.set_language("en")
            self.window.close()

    # -- event loop -----------------------------------------------------------------------
    def pump(self, seconds: float = 0.3) -> None:
        pump(self.app, seconds)

    def wait(self, until: Callable[[], object], timeout: float, what: str) -> None:
        wait(self.app, until, timeout, what)

    def use_model(self, spec: str) -> None:
        """Classify (and watch the camera) with ``spec``, as "Use this model" does."""
        v = self.window.classify
        self.window.use_model(spec)
        self.wait(lambda: v._model_state == "ready" and v._model_info.get("spec") == spec, 120, f"model {spec}")

    # -- languages and shots --------------------------------------------------------------
    def languages(self) -> Iterator[str]:
        """Switch the app to each language in turn (live, as the Language menu does)."""
        try:
            for code in self.langs:
                self.lang = code
                self.window.set_language(code)
                self.pump(0.3)
                yield code
        finally:
            self.lang = "en"
            self.window.set_language("en")

    def save(self, name: str, widget=None, settle: float = 0.4) -> Path:
        """Grab ``widget`` (default: the main window) as ``name_<lang>.png``. Open popup menus
        are separate windows a grab leaves out, so they are painted in where they are."""
        from PySide6.QtGui import QPainter
        from PySide6.QtWidgets import QApplication

        widget = widget or self.window
        self.pump(settle)
        image = widget.grab()
        popup = QApplication.activePopupWidget()
        if popup is not None and popup.isVisible() and popup.window() is not widget.window():
            painter = QPainter(image)
            painter.drawPixmap(widget.mapFromGlobal(popup.pos()), popup.grab())
            painter.end()
        path = self.out / f"{name}_{self.lang}.png"
        image.save(str(path))
        self.saved.append(path)
        print(path, flush=True)
        return path
