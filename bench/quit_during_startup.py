"""Quitting while the app is still starting: time from Ctrl+Q to the end of the process.

Issue 15: with two busy processes beside it on 2 cores, the process ended 31.6 s after Ctrl+Q
pressed 1 s after the window appeared, because closing waited for the engine to finish loading
(torch is imported on the inference thread and cannot be interrupted). Goal: the process ends
within 2 s, whatever is still loading.

Each run is a fresh process under QT_QPA_PLATFORM=offscreen with --burners CPU-bound processes
beside it. A small driver wraps ``MainWindow.start`` (present in old and new code alike) and, --delay
seconds after the engine started loading, triggers the window's Quit action (what Ctrl+Q does); it
prints the monotonic clock then, and this script reads the clock when the process has exited.
The same run measures the code at --baseline (default: the untouched copy in /tmp/orig_main) and
ours, interleaved, and prints the medians and their ratio. The app gets empty, temporary data,
torch-home and models folders (nothing of the user's is touched; no weights, nothing downloaded).

Run: .venv/bin/python bench/quit_during_startup.py [--runs 3] [--burners 2] [--delay 1.0]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OURS_APP = str(Path(__file__).resolve().parents[1] / "app")

DRIVER = r"""
import os, sys, time
from PySide6.QtCore import QTimer
import resnet_studio
from resnet_studio.gui import main_window as mw
print("code", os.path.dirname(resnet_studio.__file__), flush=True)
delay_ms = int(float(os.environ["BENCH_QUIT_DELAY_S"]) * 1000)
original_start = mw.MainWindow.start
# Nothing runs that the user started, so there is nothing to ask; should the window ask anyway,
# answer Yes (a modal question would hang this benchmark) and say so.
mw.MainWindow.confirm_stop_jobs = lambda self: (print("asked", flush=True), True)[1]

def start(self):
    original_start(self)
    def quit_now():
        print(f"quit {time.monotonic():.6f}", flush=True)
        self.quit_action.trigger()
        print(f"closed {time.monotonic():.6f}", flush=True)
    QTimer.singleShot(delay_ms, quit_now)

mw.MainWindow.start = start
from resnet_studio.gui.app import run_app
sys.exit(run_app([]))
"""


def burn() -> None:
    while True:
        pass


def one_run(app_dir: str, delay: float, work: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=app_dir, BENCH_QUIT_DELAY_S=str(delay),
               RESNET_STUDIO_DATA_DIR=str(work / "data"), TORCH_HOME=str(work / "torch"),
               RESNET_STUDIO_MODELS_DIR=str(work / "models"))
    (work / "models").mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", DRIVER], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    seen: dict = {"asked": False}
    for line in proc.stdout:
        word, _, rest = line.strip().partition(" ")
        if word in ("quit", "closed"):
            seen[word] = float(rest)
        elif word == "code":
            seen["code"] = rest
        elif word == "asked":
            seen["asked"] = True
    proc.wait(timeout=600)
    ended = time.monotonic()
    if "quit" not in seen:
        raise RuntimeError(f"the app never quit (exit {proc.returncode}): {proc.stderr.read()[-2000:]}")
    seen["exit_code"] = proc.returncode
    seen["to_exit"] = ended - seen["quit"]
    seen["to_close"] = seen.get("closed", ended) - seen["quit"]
    return seen


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--burners", type=int, default=2, help="CPU-bound processes beside the app")
    ap.add_argument("--delay", type=float, default=1.0, help="seconds after start-up began to press Quit")
    ap.add_argument("--baseline", default="/tmp/orig_main/app", help="the app folder of the code to compare with")
    args = ap.parse_args()
    import multiprocessing

    burners = [multiprocessing.Process(target=burn, daemon=True) for _ in range(args.burners)]
    for b in burners:
        b.start()
    results: dict[str, list[dict]] = {"baseline": [], "ours": []}
    try:
        with tempfile.TemporaryDirectory(prefix="rs-bench-quit-") as tmp:
            for i in range(args.runs):  # interleaved: load drifts hit both alike
                for name, app_dir in (("baseline", args.baseline), ("ours", OURS_APP)):
                    r = one_run(app_dir, args.delay, Path(tmp) / f"{name}-{i}")
                    results[name].append(r)
                    print(f"{name:8s} run {i + 1}: window closed {r['to_close']:6.2f} s, process ended "
                          f"{r['to_exit']:6.2f} s after Quit (exit code {r['exit_code']}"
                          f"{', asked to confirm' if r['asked'] else ''}; {r.get('code', '?')})", flush=True)
    finally:
        for b in burners:
            b.terminate()
    med = {k: statistics.median(r["to_exit"] for r in v) for k, v in results.items()}
    print(f"baseline  quit → exit  median {med['baseline']:6.2f} s")
    print(f"ours      quit → exit  median {med['ours']:6.2f} s")
    print(f"ratio baseline/ours: {med['baseline'] / med['ours']:.1f}x   goal < 2 s: "
          f"{'OK' if med['ours'] < 2.0 else 'MISSED'}   ({args.burners} burners, Quit {args.delay:g} s after start)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
