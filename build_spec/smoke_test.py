"""Smoke test of the frozen app: does what we ship start, self-test, classify and open its window?

    python build_spec/smoke_test.py            # build (dist/ResNetStudio), then test it
    python build_spec/smoke_test.py --reuse    # test the existing build
    python build_spec/smoke_test.py --reuse --from-archive   # unpack the .tar.gz first (Linux)

It runs the *frozen executable* in a clean environment (empty home, torch cache and user folders,
no PYTHONPATH, offscreen Qt) from a folder whose path has a space and Chinese characters:
``--version`` (timed: the cold start), ``--self-test``, ``classify`` on a few images (one of them
damaged) with a small model file made here, and the GUI offscreen: first paint, then the engine
loading behind the window, after which the app closes itself (its start-up probe,
``RESNET_STUDIO_EXIT_AFTER_SHOW`` / ``RESNET_STUDIO_BENCH_START_ENGINE``) and must exit 0. It prints one line per
step and exits 0 when all passed; ``dist/smoke-results.json`` keeps the numbers for the docs.
It takes minutes (it may build a multi-GB bundle), so the test suite runs it only with ``-m slow``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bundle_config as cfg  # noqa: E402

ROOT = cfg.ROOT
CLASSES = ["apple", "banana", "cherry"]


class Step:
    def __init__(self, name: str):
        self.name = name
        self.ok = False
        self.seconds = 0.0
        self.note = ""
        self.output = ""


def run(cmd: list[str], env: dict, *, timeout: float = 300, cwd: Path | None = None) -> tuple[int, str, str, float]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - start


def clean_env(tmp: Path) -> dict:
    """Nothing from this machine's Python, user folders or caches may help the frozen app."""
    home = tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": "/usr/bin:/bin" if os.name != "nt" else os.environ.get("SystemRoot", r"C:\Windows") + r"\System32",
        "HOME": str(home),
        "USERPROFILE": str(home),
        "APPDATA": str(home / "AppData" / "Roaming"),
        "LOCALAPPDATA": str(home / "AppData" / "Local"),
        "SystemRoot": os.environ.get("SystemRoot", ""),
        "LANG": "C.UTF-8",
        "TORCH_HOME": str(tmp / "torch_home"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_RUNTIME_DIR": str(tmp / "runtime"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    (tmp / "runtime").mkdir(mode=0o700, exist_ok=True)
    return {k: v for k, v in env.items() if v}


def drop_page_cache() -> bool:
    """Make the next start truly cold (Linux, root only); False when not allowed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def make_model_file(path: Path) -> Path:
    sys.path.insert(0, str(cfg.APP_SRC))
    import torch

    from resnet_studio.engine.images import Preprocess
    from resnet_studio.engine.modelfile import ModelInfo, save_model_file
    from resnet_studio.engine.zoo import build_model

    torch.manual_seed(0)
    model = build_model("resnet18", num_classes=len(CLASSES))
    info = ModelInfo(arch="resnet18", classes=CLASSES, preprocess=Preprocess.for_image_size(64), name="smoke")
    return save_model_file(path, model.state_dict(), info)


def make_images(folder: Path) -> list[Path]:
    import numpy as np
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    paths = []
    for name, fmt in (("one.jpg", "JPEG"), ("两 two.png", "PNG"), ("three.webp", "WEBP")):
        arr = rng.integers(0, 255, (48 + 8 * len(paths), 64, 3), dtype=np.uint8)
        p = folder / name
        Image.fromarray(arr, "RGB").save(p, format=fmt)
        paths.append(p)
    broken = folder / "broken.jpg"
    broken.write_bytes(paths[0].read_bytes()[:200])  # a download that stopped early
    paths.append(broken)
    return paths


def unpack(archive: Path, dest_parent: Path) -> Path:
    dest_parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        tar.extractall(dest_parent, filter="tar")
    return dest_parent / cfg.DIST_NAME


def step_version(exe: Path, env: dict, name: str, version: str) -> Step:
    s = Step(name)
    rc, out, err, s.seconds = run([str(exe), "--version"], env, timeout=120)
    s.output = out + err
    s.ok = rc == 0 and f"ResNet Studio {version}" in out
    s.note = out.strip() or err.strip()[-300:]
    return s


def step_selftest(exe: Path, env: dict, bundled_weights: bool) -> Step:
    s = Step("self-test")
    rc, out, err, s.seconds = run([str(exe), "--self-test"], env, timeout=600)
    s.output = out + err
    weights_line_ok = bundled_weights or "[WARN] ImageNet weights: No ImageNet weights found" in out
    s.ok = rc == 0 and "0 failed" in out and weights_line_ok and "Traceback" not in err
    s.note = next((line for line in out.splitlines() if "checks passed" in line), f"exit {rc}")
    return s


def step_classify(exe: Path, env: dict, work: Path) -> Step:
    s = Step("classify")
    model = make_model_file(work / "model.safetensors")
    images = make_images(work / "图片 images")
    out_csv = work / "results.csv"
    cmd = [str(exe), "classify", str(images[0].parent), "--model", str(model), "--top-k", "2",
           "--json", "--csv", str(out_csv)]
    rc, out, err, s.seconds = run(cmd, env, timeout=600)
    s.output = out + err
    try:
        rows = [json.loads(line) for line in out.splitlines() if line.strip().startswith("{")]
        with open(out_csv, encoding="utf-8", newline="") as fh:
            csv_rows = list(csv.DictReader(fh))
    except (OSError, ValueError) as exc:
        s.note = f"unreadable output: {exc}"
        return s
    good = [r for r in rows if not r.get("error")]
    bad = [r for r in rows if r.get("error")]
    labels_ok = all(p["label"] in CLASSES for r in good for p in r["predictions"])
    # exit 1: some files could not be read, the rest were classified (the CLI's contract)
    s.ok = (rc == 1 and len(rows) == 4 and len(good) == 3 and len(bad) == 1 and labels_ok
            and Path(bad[0]["path"]).name == "broken.jpg" and len(csv_rows) == 4 and "Traceback" not in err)
    s.note = f"exit {rc}, {len(good)} classified, {len(bad)} reported unreadable, CSV rows {len(csv_rows)}"
    return s


def step_gui_first_paint(exe: Path, env: dict, label: str) -> Step:
    """Start the window offscreen; the app reports its first paint and closes (its start-up probe)."""
    s = Step(label)
    env = dict(env, RESNET_STUDIO_EXIT_AFTER_SHOW="1")
    rc, out, err, s.seconds = run([str(exe)], env, timeout=300)
    s.output = out + err
    shown = [line.split()[1] for line in out.splitlines() if line.startswith("window-shown ")]
    s.ok = rc == 0 and bool(shown) and "Traceback" not in err
    s.note = f"exit {rc}, " + (f"window painted {float(shown[0]):.2f} s after the GUI module loaded, "
                               if shown else "no 'window-shown' line, ") + f"process {s.seconds:.2f} s"
    return s


def step_gui_with_engine(exe: Path, env: dict) -> Step:
    """The window, then its engine (torch, in the worker thread) loading behind it; the app's
    start-up probe reports both moments and closes the window the normal way."""
    s = Step("gui + engine load")
    env = dict(env, RESNET_STUDIO_EXIT_AFTER_SHOW="1", RESNET_STUDIO_BENCH_START_ENGINE="1")
    rc, out, err, s.seconds = run([str(exe)], env, timeout=300)
    s.output = out + err
    marks = dict(line.split()[:2] for line in out.splitlines()
                 if line.startswith(("window-shown ", "engine-ready ")) and len(line.split()) >= 2)
    s.ok = rc == 0 and "window-shown" in marks and "engine-ready" in marks and "Traceback" not in err
    s.note = (f"exit {rc}, window {float(marks.get('window-shown', 'nan')):.2f} s, engine ready "
              f"{float(marks.get('engine-ready', 'nan')):.2f} s after the GUI module loaded; closed cleanly"
              if s.ok else f"exit {rc}, marks {marks}")
    return s


def compare_start_times(exe: Path, env: dict, repeats: int = 3) -> list[dict]:
    """Warm start times of the frozen app and of the same code run from the build's Python
    (the developer's ``python -m resnet_studio``), best of ``repeats``; the ratio is what freezing
    costs or saves."""
    source = [sys.executable, "-m", "resnet_studio"]
    rows = []
    for label, args, extra in (
        ("--version", ["--version"], {}),
        ("window first paint", [], {"RESNET_STUDIO_EXIT_AFTER_SHOW": "1"}),
    ):
        best = {}
        for kind, cmd in (("frozen", [str(exe)]), ("python", source)):
            times = []
            for _ in range(repeats):
                rc, _out, _err, seconds = run(cmd + args, dict(env, **extra), timeout=300)
                if rc == 0:
                    times.append(seconds)
            best[kind] = min(times) if times else float("nan")
        rows.append({"what": label, "frozen_s": round(best["frozen"], 3), "python_s": round(best["python"], 3),
                     "ratio": round(best["frozen"] / best["python"], 2) if best["python"] else None})
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--reuse", action="store_true", help="test the existing dist/ResNetStudio (build if missing)")
    p.add_argument("--from-archive", action="store_true", help="unpack the Linux .tar.gz and test that")
    p.add_argument("--cold", action="store_true", help="drop the page cache before the first start (root)")
    p.add_argument("--build-arg", action="append", default=[], help="passed to build.py (repeatable)")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="where build.py put the bundle (default dist/)")
    args = p.parse_args(argv)

    dist = args.dist
    bundle = dist / cfg.DIST_NAME
    if not (args.reuse and bundle.is_dir()):
        print("[smoke] building ...", flush=True)
        subprocess.run([sys.executable, str(HERE / "build.py"), "--dist", str(dist), *args.build_arg], check=True)
    info = json.loads((dist / "build-info.json").read_text(encoding="utf-8"))
    version = cfg.app_version()

    tmp = Path(tempfile.mkdtemp(prefix="rs-smoke-"))
    steps: list[Step] = []
    timings: list[dict] = []
    try:
        app_dir = bundle
        if args.from_archive:
            archive = next((dist / n for n in info.get("packages", {}) if n.endswith(".tar.gz")), None)
            if archive is None or not archive.is_file():
                print("[smoke] no .tar.gz in dist/build-info.json; build without --no-package", flush=True)
                return 2
            s = Step("unpack archive")
            t0 = time.perf_counter()
            app_dir = unpack(archive, tmp / "安装 目录")
            s.seconds, s.ok, s.note = time.perf_counter() - t0, (app_dir / cfg.GUI_EXE).exists(), str(app_dir)
            steps.append(s)
        else:
            # the bundle must not depend on where it sits: test a copy under an awkward path
            shutil.copytree(bundle, tmp / "安装 目录" / cfg.DIST_NAME, symlinks=True)
            app_dir = tmp / "安装 目录" / cfg.DIST_NAME
        exe = app_dir / (f"{cfg.CLI_EXE}.exe" if sys.platform == "win32" else cfg.GUI_EXE)
        env = clean_env(tmp)
        cold = drop_page_cache() if args.cold else False
        steps.append(step_version(exe, env, "--version (cold start)" if cold else "--version (first start)", version))
        steps.append(step_version(exe, env, "--version (warm start)", version))
        steps.append(step_selftest(exe, env, bool(info.get("bundled_weights"))))
        steps.append(step_classify(exe, env, tmp))
        if sys.platform == "win32":
            exe = app_dir / f"{cfg.GUI_EXE}.exe"
        cold = drop_page_cache() if args.cold else False
        steps.append(step_gui_first_paint(exe, env, "gui first paint (cold)" if cold else "gui first paint"))
        steps.append(step_gui_first_paint(exe, env, "gui first paint (warm)"))
        steps.append(step_gui_with_engine(exe, env))
        timings = compare_start_times(exe, env)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"[smoke] ResNet Studio {version}, {info['platform']}, torch {info['torch_variant']}; "
          f"app folder {info['bundle_bytes'] / 1e9:.2f} GB; packages: "
          + (", ".join(f"{k} {v / 1e9:.2f} GB" for k, v in info.get("packages", {}).items()) or "none"))
    for s in steps:
        print(f"[smoke] {'PASS' if s.ok else 'FAIL'} {s.name:24s} {s.seconds:6.1f} s  {s.note}")
        if s.name == "self-test" or not s.ok:
            print("\n".join("        | " + line for line in s.output.strip().splitlines()[-40:]))
    for t in timings if steps else []:
        print(f"[smoke] start time, {t['what']:20s} frozen {t['frozen_s']:.2f} s, "
              f"python -m resnet_studio {t['python_s']:.2f} s, ratio {t['ratio']}")
    failed = sum(not s.ok for s in steps)
    results = {
        "build": info,
        "start_times_warm": timings,
        "steps": [{"name": s.name, "ok": s.ok, "seconds": round(s.seconds, 2), "note": s.note} for s in steps],
    }
    (dist / "smoke-results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"smoke: {len(steps) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
