"""Screenshots of the training-runs list, the run comparison and the gallery's heat maps, in
English and Simplified Chinese (same offline world as :mod:`.screenshots`).

    python -m resnet_studio.gui.screenshots_runs docs/screenshots [--extra-qm extra_zh_CN.qm]

Two real head-only runs on generated shapes (different learning rates and epochs) are recorded by
the training engine; the Models view lists them and compares them, and the first run's gallery of
mistakes shows what the model looked at. ``--extra-qm`` installs one more translation file (new
strings not yet merged into the app's translations).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .screenshots import _fake_imagenet_weights, _pump, _setup_env, _shapes, _wait

SHOTS = ("models_runs", "compare_runs", "train_gallery_heat")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", default="docs/screenshots")
    ap.add_argument("--extra-qm", default="", help="an extra compiled translation (.qm) for zh_CN")
    args = ap.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)

    base = Path(tempfile.mkdtemp(prefix="rs-screens-runs-"))
    _setup_env(base)
    _fake_imagenet_weights()
    _shapes(base / "shapes", per_class=16)
    # A few pictures filed in the wrong folder, as happens in real collections: the mistakes the
    # gallery shows (a model learns these clean shapes perfectly otherwise).
    import shutil

    for src, dst in (("circle", "square"), ("square", "triangle"), ("triangle", "circle")):
        for i in range(3):
            shutil.copy(base / "shapes" / src / f"{src}_{i:03d}.png", base / "shapes" / dst / f"{dst}_x{i}.png")

    from ..engine.paths import trained_models_dir
    from ..engine.train import TrainConfig, train

    common = dict(mode="head", image_size=64, batch_size=16, cache_dir=base / "features")
    first = train(base / "shapes", trained_models_dir() / "Shapes.safetensors",
                  TrainConfig(epochs=8, lr=0.05, name="Shapes", **common))
    train(base / "shapes", trained_models_dir() / "Shapes fast.safetensors",
          TrainConfig(epochs=14, lr=0.4, name="Shapes, higher learning rate", **common))

    from PySide6.QtCore import QCoreApplication, QTranslator

    from .app import create_application
    from .i18n import LanguageManager
    from .models_view import RUNS_PAGE, ModelsView
    from .settings import Settings
    from .train_worker import result_to_dict
    from .widgets.training_results import TrainingResults

    app = create_application([])
    languages = LanguageManager()
    languages.apply("en")

    mv = ModelsView(Settings())
    mv.resize(1100, 560)
    mv.show()
    listed: list[bool] = []
    mv.runs_listed.connect(lambda: listed.append(True))
    mv.refresh()
    mv.sections.setCurrentIndex(RUNS_PAGE)
    _wait(app, lambda: len(mv.run_ids()) == 2, 60, "the runs list")
    mv.select_runs(mv.run_ids())
    dialog = mv.compare_selected()
    dialog.resize(1000, 760)

    results = TrainingResults()
    results.resize(900, 640)
    results.show()
    results.set_result(result_to_dict(first), default_name="Shapes")
    results.tabs.setCurrentIndex(2)
    results.heat_toggle.setChecked(True)
    _wait(app, lambda: not results.is_explaining() and any(results.heat_shown()), 300, "the heat maps")

    widgets = {"models_runs": mv, "compare_runs": dialog, "train_gallery_heat": results}

    def shoot(lang: str) -> None:
        _pump(app, 0.6)
        for name in SHOTS:
            path = out / f"{name}_{lang}.png"
            widgets[name].grab().save(str(path))
            print(path)

    shoot("en")
    languages.apply("zh_CN")
    if args.extra_qm:
        extra = QTranslator(app)
        if extra.load(args.extra_qm):
            QCoreApplication.installTranslator(extra)
    _pump(app, 0.5)
    results.retranslate_ui()  # inside the Train view, the view does this
    shoot("zh_CN")
    languages.apply("en")
    for w in widgets.values():
        w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
