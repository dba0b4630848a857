"""Time from launching the app to its window on screen, ours vs. a baseline that imports torch first.

Each run is a fresh process (``python -c`` → ``run_app([])``), timed by this script from spawn to
the moment the app reports its first paint (``RESNET_STUDIO_EXIT_AFTER_SHOW=1`` makes it print
"window-shown" and close). Ours starts the engine thread right after the first paint, as the real
app does, and also reports when the status bar shows the device ("engine ready").

  ours       the app as shipped: window first, torch on the inference worker thread
  baseline   the same app, but ``import torch, torchvision`` before the window is created
             (what a straightforward app that imports its ML stack at the top would do)

Goal: window under 1 s. Prints medians over --runs and the ratio baseline / ours.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup_time.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

OURS = "import sys; from resnet_studio.gui.app import run_app; sys.exit(run_app([]))"
BASELINE = "import sys, torch, torchvision; from resnet_studio.gui.app import run_app; sys.exit(run_app([]))"
# For context, the floor: an empty Qt main window, no app code at all.
FLOOR = ("import sys\nfrom PySide6.QtWidgets import QApplication, QMainWindow\nfrom PySide6.QtCore import QTimer\n"
         "app = QApplication(sys.argv[:1]); w = QMainWindow(); w.resize(1080, 720); w.show()\n"
         "QTimer.singleShot(0, lambda: (print('window-shown', flush=True), w.close()))\napp.exec()")


def launch(code: str, data_dir: str, *, engine: bool) -> tuple[float, float | None]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               RESNET_STUDIO_DATA_DIR=data_dir, RESNET_STUDIO_EXIT_AFTER_SHOW="1",
               RESNET_STUDIO_BENCH_START_ENGINE="1" if engine else "0")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    shown = ready = None
    for line in proc.stdout:
        if line.startswith("window-shown") and shown is None:
            shown = time.perf_counter() - t0
        elif line.startswith("engine-ready"):
            ready = time.perf_counter() - t0
    proc.wait(timeout=300)
    if shown is None:
        raise RuntimeError(f"the app did not report its window: {proc.stderr.read()[-2000:]}")
    return shown, ready


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    data = tempfile.mkdtemp(prefix="rs-bench-start-")
    launch(OURS, data, engine=False)  # warm the file cache once (both sides profit equally)
    ours, ready, base, floor = [], [], [], []
    for _ in range(args.runs):  # interleaved, so machine load drifts hit both sides alike
        s, r = launch(OURS, data, engine=True)
        ours.append(s)
        if r is not None:
            ready.append(r)
        base.append(launch(BASELINE, data, engine=False)[0])
        floor.append(launch(FLOOR, data, engine=False)[0])
    m_ours, m_base = statistics.median(ours), statistics.median(base)
    print(f"ours      window shown  median {m_ours:6.3f} s   (runs: {', '.join(f'{x:.2f}' for x in ours)})")
    if ready:
        print(f"ours      engine ready  median {statistics.median(ready):6.3f} s   (status bar shows the device)")
    print(f"baseline  window shown  median {m_base:6.3f} s   (runs: {', '.join(f'{x:.2f}' for x in base)})")
    print(f"qt floor  window shown  median {statistics.median(floor):6.3f} s   (empty QMainWindow, no app code)")
    print(f"ratio baseline/ours: {m_base / m_ours:.1f}x   goal < 1 s: {'OK' if m_ours < 1.0 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
