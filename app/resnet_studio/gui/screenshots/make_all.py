"""The scenes in the order they run, and the command line that runs them (see the package)."""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

from . import camera, classify, correct, lr_finder, models, runs, train, trust, whole_job
from .world import DEMO_DIR, LANGUAGES, Studio

#: (shots, scene) in the order they run; a scene makes what it needs (a trained model, say) if an
#: earlier one has not. The correct-and-retrain scene comes last: it adds models to the lists.
SCENES = (
    (("classify_empty",), classify.make_empty),
    (train.SHOTS, train.make),
    (("classify_results",), classify.make_results),
    (("classify_explain",), classify.make_explain),
    (models.SHOTS, models.make),
    (runs.SHOTS, runs.make),
    (lr_finder.SHOTS, lr_finder.make),
    (camera.SHOTS, camera.make),
    (trust.SHOTS, trust.make),
    (whole_job.SHOTS, whole_job.make),
    (correct.SHOTS, correct.make),
)
ALL_SHOTS = tuple(name for shots, _ in SCENES for name in shots)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Screenshots of every view (English and Chinese).")
    ap.add_argument("out", nargs="?", default="docs/screenshots")
    ap.add_argument("--only", default="", help=f"comma-separated shots to make (of: {', '.join(ALL_SHOTS)})")
    ap.add_argument("--languages", default=",".join(LANGUAGES), help="comma-separated language codes")
    ap.add_argument("--size", default="1080x720", help="main window size, WIDTHxHEIGHT (default: the size the app opens at)")
    ap.add_argument("--demo-dir", default=str(DEMO_DIR), help="where the demo world is made (emptied first)")
    ap.add_argument("--keep", action="store_true", help="keep the demo world afterwards (to look into it)")
    args = ap.parse_args(argv)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - set(ALL_SHOTS)
    if unknown:
        ap.error(f"unknown shot(s): {', '.join(sorted(unknown))}")
    width, height = (int(v) for v in args.size.lower().split("x"))

    start = time.monotonic()
    studio = Studio(Path(args.out).resolve(), Path(args.demo_dir), size=(width, height),
                    languages=tuple(c.strip() for c in args.languages.split(",") if c.strip()))
    studio.open_window()
    try:
        for shots, scene in SCENES:
            if not only or only & set(shots):
                t = time.monotonic()
                scene(studio)
                print(f"  {', '.join(shots)}: {time.monotonic() - t:.0f} s", flush=True)
    finally:
        studio.close()
        if not args.keep:
            shutil.rmtree(studio.base, ignore_errors=True)
    print(f"{len(studio.saved)} screenshots in {time.monotonic() - start:.0f} s")
    return 0

