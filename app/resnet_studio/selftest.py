"""The self-test: is this installation able to do its job? (``resnet-studio --self-test``,
Help → Diagnostics in the app.)

Each check returns a :class:`CheckResult` and never raises, so one broken part (no GPU driver, a
read-only home folder, damaged weights) is reported in plain words while the other checks still
run. A check that finds something the user can fix but that does not stop the app (no ImageNet
weights downloaded yet) is a *warning*, not a failure: the exit code is 0 when nothing failed.

The classify check uses the smallest ImageNet model on this computer when there is one; without
weights it classifies with an untrained model built for the bundled two-class sample set, which
exercises the same loading, preprocessing and inference code (its labels mean nothing, and the
report says so). The training check runs two optimiser steps of the real training code on the
bundled tiny data set at 32 px, from scratch, so it needs no weights either; it runs them in a
helper process, as the app does, so a packaged app that cannot start one fails here.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass
from pathlib import Path

from . import __version__

#: Name the sample picture gets in the temporary folder: a space and non-ASCII characters, because
#: paths like these are where installs on Windows and in Chinese-named home folders break.
SAMPLE_COPY_NAME = "自检 sample ✓.jpg"
TRAIN_IMAGE_SIZE = 32
TRAIN_STEPS = 2


@dataclass
class CheckResult:
    """One line of the self-test report."""

    name: str
    ok: bool
    message: str  # one sentence for the user
    details: str = ""  # technical text for a bug report
    warning: bool = False  # ok, but something the user may want to fix
    seconds: float = 0.0

    @property
    def status(self) -> str:
        return "failed" if not self.ok else "warning" if self.warning else "ok"

    def to_dict(self) -> dict:
        d = asdict(self)
        d["status"] = self.status
        return d


def resources_dir() -> Path:
    from .engine.zoo import repo_root

    return repo_root() / "resources"


def sample_image() -> Path:
    return resources_dir() / "samples" / "sample.jpg"


def sample_dataset() -> Path:
    return resources_dir() / "samples" / "tiny_dataset"


# -- the checks --------------------------------------------------------------------------------


def _check_app(ctx: dict) -> CheckResult:
    from .engine.zoo import repo_root

    frozen = bool(getattr(sys, "frozen", False))
    where = "installed app" if frozen else "development tree"
    details = (
        f"version {__version__}\npython {sys.version}\nplatform {platform.platform()}\n"
        f"executable {sys.executable}\nfolder {repo_root()}\nfrozen {frozen}"
    )
    return CheckResult(
        "App", True,
        f"ResNet Studio {__version__} ({where}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}.",
        details,
    )


def _check_torch(ctx: dict) -> CheckResult:
    import torch
    import torchvision

    if torch.version.cuda:
        build = f"CUDA {torch.version.cuda} build"
    elif getattr(torch.version, "hip", None):
        build = f"ROCm {torch.version.hip} build"
    else:
        build = "CPU-only build"
    return CheckResult(
        "PyTorch", True, f"PyTorch {torch.__version__}, torchvision {torchvision.__version__} ({build}).",
        f"torch {torch.__file__}\ntorchvision {torchvision.__file__}",
    )


def _check_device(ctx: dict) -> CheckResult:
    import torch

    from .engine.devices import describe_device, pick_device
    from .engine.errors import DeviceError

    try:
        dev = pick_device(ctx["device"])
    except DeviceError as exc:
        asked, ctx["device"] = ctx["device"], "cpu"
        return CheckResult(
            "Device", False, f"{exc} The remaining checks use the CPU.", f"requested {asked!r}"
        )
    ctx["torch_device"] = dev
    label = describe_device(dev)
    details = f"requested {ctx['device']!r}; cuda available {torch.cuda.is_available()}"
    if dev.type != "cpu":
        # A GPU that is detected but broken (old driver, out of memory) only shows when used.
        try:
            x = torch.randn(64, 64, device=dev)
            float((x @ x).sum().cpu())
        except Exception as exc:  # noqa: BLE001 - any driver error means: this GPU cannot be used
            ctx["device"] = "cpu"
            return CheckResult(
                "Device", False,
                f"{label} was found but does not work. Choose the CPU in Settings, or update the "
                "graphics driver.",
                f"{details}\n{type(exc).__name__}: {exc}",
            )
    return CheckResult("Device", True, f"{label}.", details)


def _check_threads(ctx: dict) -> CheckResult:
    import torch

    n = torch.get_num_threads()
    cpus = os.cpu_count() or 0
    return CheckResult(
        "Threads", True,
        f"{n} compute thread{'s' if n != 1 else ''} on {cpus} logical CPU core{'s' if cpus != 1 else ''}.",
        torch.__config__.parallel_info(),
    )


def _check_folders(ctx: dict) -> CheckResult:
    from .engine.fileio import describe_os_error
    from .engine.paths import trained_models_dir, user_cache_dir, user_data_dir

    folders = []
    for label, get in (("data", user_data_dir), ("models", trained_models_dir), ("cache", user_cache_dir)):
        try:
            folder = get()
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".selftest-", delete=True) as fh:
                fh.write(b"ok")
                fh.flush()
        except OSError as exc:
            where = exc.filename or label
            return CheckResult(
                "User folders", False,
                f"Cannot write to {where}: {describe_os_error(exc)}. The app saves models and "
                "settings there; free some space or fix the folder's permissions.",
                repr(exc),
            )
        folders.append(f"{label}: {folder}")
    return CheckResult("User folders", True, f"Writable ({user_data_dir()}).", "\n".join(folders))


def _check_bundle(ctx: dict) -> CheckResult:
    import hashlib
    import json

    from .engine.zoo import bundled_models_dir, repo_root

    problems = []
    if not sample_image().is_file():
        problems.append(f"missing {sample_image()}")
    if not any(sample_dataset().glob("*/*.png")):
        problems.append(f"missing {sample_dataset()}")
    manifests = [bundled_models_dir() / "manifest.json", repo_root() / "models" / "manifest.json"]
    if not any(m.is_file() for m in manifests):
        problems.append(f"missing {manifests[-1]}")
    shipped = []
    record = bundled_models_dir() / "bundled.json"  # written by the installer build
    if record.is_file():
        try:
            entries = json.loads(record.read_text(encoding="utf-8"))["weights"]
        except (OSError, ValueError, KeyError) as exc:
            entries = []
            problems.append(f"unreadable {record}: {exc}")
        for entry in entries:
            f = bundled_models_dir() / entry["file"]
            if not f.is_file() or f.stat().st_size != entry["size"]:
                problems.append(f"missing or incomplete {f}")
                continue
            digest = hashlib.sha256()
            with open(f, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
            if digest.hexdigest() != entry["sha256"]:
                problems.append(f"damaged {f} (checksum mismatch)")
            else:
                shipped.append(entry["file"])
    if problems:
        return CheckResult(
            "Installed files", False,
            "Some of the app's own files are missing or damaged; reinstall ResNet Studio.",
            "\n".join(problems),
        )
    extra = f", {len(shipped)} bundled weights file{'s' if len(shipped) != 1 else ''} verified" if shipped else ""
    return CheckResult("Installed files", True, f"Sample data and model list present{extra}.", "\n".join(shipped))


def _platform_plugin_names() -> tuple[str, ...]:
    if sys.platform == "win32":
        return ("qwindows",)
    if sys.platform == "darwin":
        return ("qcocoa",)
    return ("qxcb", "qwayland")


def _check_qt(ctx: dict) -> CheckResult:
    # Only looks at files: creating a QApplication here would clash with the running app's own.
    from PySide6 import QtCore

    dirs = [Path(p) for p in QtCore.QCoreApplication.libraryPaths()]
    dirs.append(Path(QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.PluginsPath)))
    if os.environ.get("QT_PLUGIN_PATH"):
        dirs += [Path(p) for p in os.environ["QT_PLUGIN_PATH"].split(os.pathsep) if p]
    plugins = sorted({f.name for d in dirs for f in (d / "platforms").glob("*") if f.is_file()})
    wanted = _platform_plugin_names()
    details = f"Qt {QtCore.qVersion()}\nplugin folders: {', '.join(map(str, dirs))}\nplatform plugins: {plugins}"
    if not any(w in p for p in plugins for w in wanted):
        return CheckResult(
            "Qt", False,
            "The window system plugin of Qt is missing, so the app window cannot open; reinstall ResNet Studio.",
            details,
        )
    if sys.platform.startswith("linux") and not os.environ.get("WAYLAND_DISPLAY"):
        import ctypes.util

        # Qt 6.5+ needs libxcb-cursor on X11, and many Linux installs lack it: the window then
        # fails to open with a cryptic "could not load the Qt platform plugin xcb".
        if ctypes.util.find_library("xcb-cursor") is None:
            return CheckResult(
                "Qt", True,
                f"Qt {QtCore.qVersion()}; the system library libxcb-cursor is missing, which the app "
                "window needs on X11: install it (Debian/Ubuntu: sudo apt install libxcb-cursor0).",
                details, warning=True,
            )
    return CheckResult("Qt", True, f"Qt {QtCore.qVersion()}, window system plugin present.", details)


def _check_weights(ctx: dict) -> CheckResult:
    from .engine.zoo import bundled_models_dir, cache_dir, weights_status

    rows = weights_status()
    found = [r for r in rows if r["available"]]
    ctx["weights"] = [r["name"] for r in found]
    details = "\n".join(f"{r['name']}: {r['path'] or 'not found'}" for r in rows)
    if not found:
        return CheckResult(
            "ImageNet weights", True,
            "No ImageNet weights found; download them from Models (or copy the .pth files into "
            f"{cache_dir()}). Until then only your own trained models can classify.",
            f"looked in {bundled_models_dir()} and {cache_dir()}\n{details}", warning=True,
        )
    names = ", ".join(r["display_name"] for r in found)
    return CheckResult("ImageNet weights", True, f"Found: {names}.", details)


def _untrained_sample_model(folder: Path) -> Path:
    """A seeded random-init ResNet-18 for the bundled sample classes, saved as a model file."""
    import torch

    from .engine.images import Preprocess
    from .engine.modelfile import ModelInfo, save_model_file
    from .engine.zoo import build_model

    classes = sorted(p.name for p in sample_dataset().iterdir() if p.is_dir())
    # Seeded, so the fast CPU route (an ONNX export cached by weight hash) is reused next time;
    # on a forked generator, so the app's own random state (Diagnostics runs inside it) is untouched.
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        model = build_model("resnet18", num_classes=len(classes))
    info = ModelInfo(
        arch="resnet18", classes=classes, preprocess=Preprocess.for_image_size(TRAIN_IMAGE_SIZE),
        name="self-test (untrained)",
    )
    return save_model_file(folder / "selftest-untrained.safetensors", model.state_dict(), info)


def _check_classify(ctx: dict) -> CheckResult:
    from .engine.predict import Predictor

    work = Path(ctx["tmp"])
    picture = shutil.copyfile(sample_image(), work / SAMPLE_COPY_NAME)
    if "weights" not in ctx:  # the weights check was not run
        from .engine.zoo import ZOO, find_weights

        ctx["weights"] = [name for name in ZOO if find_weights(name)]
    if ctx["weights"]:
        spec, what = ctx["weights"][0], None  # zoo order: the smallest model found
    else:
        spec = _untrained_sample_model(work)
        what = "an untrained model (no ImageNet weights yet, so the label is meaningless)"
    predictor = Predictor(spec, device=ctx["device"], batch_size=1, top_k=3, backend=ctx["backend"])
    results = list(predictor.classify_paths([picture]))
    details = f"model {spec}\nbackend {predictor.device_description}\n"
    if predictor.backend_note:
        details += f"note: {predictor.backend_note}\n"
    if len(results) != 1 or results[0].error or not results[0].predictions:
        error = results[0].error if results else "no result"
        return CheckResult("Classify", False, f"Classifying the sample picture failed: {error}", details)
    preds = results[0].predictions
    details += "\n".join(f"{p.label}: {p.score:.4f}" for p in preds)
    if not all(math.isfinite(p.score) and 0.0 <= p.score <= 1.0 for p in preds):
        return CheckResult("Classify", False, "The model gave invalid scores for the sample picture.", details)
    top = preds[0]
    msg = (
        f"Sample picture → “{top.label}” ({top.score:.0%}) with {what or predictor.name}, "
        f"on {predictor.device_description}."
    )
    if predictor.backend_note:
        return CheckResult("Classify", True, msg + " The fast CPU route is not available; "
                           "classifying works, a little slower.", details, warning=True)
    return CheckResult("Classify", True, msg, details)


_DATA_ENV = ("RESNET_STUDIO_DATA_DIR", "RESNET_STUDIO_CACHE_DIR")


def isolated_train_job(data_dir: str, out_path: str, config: dict, data_home: str, *,
                       on_event=None, cancel: threading.Event | None = None) -> dict:
    """The app's training job with the user's data folder replaced by ``data_home`` while it runs,
    so the self-test's run is not kept among the user's training runs (nor anything else of it).
    It runs in a helper process, which runs one job at a time: the environment changed there is
    seen by this job only, and put back before the next."""
    from .engine.app_jobs import train_job

    saved = {key: os.environ.get(key) for key in _DATA_ENV}
    os.environ["RESNET_STUDIO_DATA_DIR"] = data_home
    os.environ["RESNET_STUDIO_CACHE_DIR"] = os.path.join(data_home, "cache")
    try:
        return train_job(data_dir, out_path, config, on_event=on_event, cancel=cancel)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _check_training(ctx: dict) -> CheckResult:
    from .engine import job_process
    from .engine.datasets import scan_dataset
    from .engine.modelfile import read_model_info

    data = sample_dataset()
    split = scan_dataset(data, val_fraction=0.2, seed=0)
    # Two optimiser steps: the training half of the bundled set in two batches.
    batch = max(1, math.ceil(len(split.train) / TRAIN_STEPS))
    config = dict(
        arch="resnet18", mode="full", pretrained=False, epochs=1, batch_size=batch,
        image_size=TRAIN_IMAGE_SIZE, val_fraction=0.2, seed=0, device=ctx["device"], augment=False,
        allow_download=False, name="self-test",
        # the standard stem shrinks 32 px to 8 px at once: the same code path, a fraction of the work
        small_input=False, workers=1,
    )
    steps: list[dict] = []

    def on_event(kind: str, fields: dict) -> None:
        if kind == "BatchEvent":
            steps.append(fields)

    out = Path(ctx["tmp"]) / "selftest-trained.safetensors"
    # In a helper process, as the app trains: this also checks that this installation can start one.
    result = job_process.run_job("resnet_studio.selftest:isolated_train_job",
                                 {"data_dir": str(data), "out_path": str(out), "config": config,
                                  "data_home": str(Path(ctx["tmp"]) / "data")},
                                 on_event=on_event, cancel=ctx["cancel"])
    losses = [e["loss"] for e in steps]
    details = (f"{len(split.train)} training / {len(split.val)} validation images, batch {batch}, "
               f"in a helper process\nlosses {losses}")
    if result["cancelled"]:
        return CheckResult("Training", False, "The training check was cancelled.", details)
    if len(steps) < TRAIN_STEPS or not all(math.isfinite(v) for v in losses):
        return CheckResult("Training", False, "Training on the sample data did not run properly.", details)
    if not result["model_path"] or not Path(result["model_path"]).is_file():
        return CheckResult("Training", False, "Training ran but saved no model file.", details)
    info = read_model_info(result["model_path"])
    if list(info.classes) != list(split.classes):
        return CheckResult("Training", False, "The trained model file lists the wrong categories.", details)
    return CheckResult(
        "Training", True,
        f"{len(steps)} training steps on the sample data (loss {losses[-1]:.3f}), model saved and read back.",
        details,
    )


CHECKS: list[tuple[str, Callable[[dict], CheckResult], bool]] = [
    # (name, function, needs torch)
    ("App", _check_app, False),
    ("PyTorch", _check_torch, False),
    ("Device", _check_device, True),
    ("Threads", _check_threads, True),
    ("User folders", _check_folders, False),
    ("Installed files", _check_bundle, False),
    ("Qt", _check_qt, False),
    ("ImageNet weights", _check_weights, True),
    ("Classify", _check_classify, True),
    ("Training", _check_training, True),
]


def _run_one(name: str, fn: Callable[[dict], CheckResult], ctx: dict) -> CheckResult:
    from .engine.errors import StudioError

    start = time.perf_counter()
    try:
        result = fn(ctx)
    except StudioError as exc:
        result = CheckResult(name, False, str(exc), exc.details or traceback.format_exc(limit=6))
    except Exception as exc:  # noqa: BLE001 - the self-test reports every failure, it never crashes
        result = CheckResult(
            name, False, f"Unexpected error: {type(exc).__name__}: {exc}", traceback.format_exc()
        )
    result.seconds = time.perf_counter() - start
    return result


def check_names() -> list[str]:
    return [name for name, _, _ in CHECKS]


def run_self_test(
    *,
    device: str = "auto",
    backend: str = "auto",
    on_result: Callable[[CheckResult], None] | None = None,
    cancel: threading.Event | None = None,
    only: Collection[str] | None = None,
) -> list[CheckResult]:
    """Run the checks in order (all, or those named in ``only``); ``on_result`` sees each result as
    soon as it is known (for a live report in the app). Stops early, without a result for the
    rest, when ``cancel`` is set."""
    if only is not None:
        unknown = set(only) - set(check_names())
        if unknown:
            raise ValueError(f"unknown check(s): {', '.join(sorted(unknown))}; known: {', '.join(check_names())}")
    results: list[CheckResult] = []
    with tempfile.TemporaryDirectory(prefix="resnet-studio-selftest-") as tmp:
        ctx = {"device": device, "backend": backend, "tmp": tmp, "cancel": cancel or threading.Event()}
        torch_failed = False
        for name, fn, needs_torch in CHECKS:
            if only is not None and name not in only:
                continue
            if ctx["cancel"].is_set():
                break
            if needs_torch and torch_failed:
                result = CheckResult(name, False, "Skipped: PyTorch could not be loaded (see above).")
            else:
                result = _run_one(name, fn, ctx)
            if name == "PyTorch" and not result.ok:
                torch_failed = True
            results.append(result)
            if on_result:
                on_result(result)
    return results


# -- the report --------------------------------------------------------------------------------

_MARK = {"ok": "[ OK ]", "warning": "[WARN]", "failed": "[FAIL]"}


def format_result(result: CheckResult, *, verbose: bool = False) -> str:
    # ASCII marks: a Windows console with a legacy code page cannot print check marks.
    line = f"{_MARK[result.status]} {result.name}: {result.message}"
    if result.details and (verbose or not result.ok):
        line += "\n" + "\n".join("         " + d for d in result.details.strip().splitlines())
    return line


def summary(results: list[CheckResult]) -> str:
    failed = sum(r.status == "failed" for r in results)
    warned = sum(r.status == "warning" for r in results)
    passed = len(results) - failed
    if failed:
        verdict = "Something is wrong: see the [FAIL] lines above."
    elif warned:
        verdict = "ResNet Studio works; see the [WARN] lines for what you may want to fix."
    else:
        verdict = "Everything works."
    return f"{passed} of {len(results)} checks passed, {warned} with a warning, {failed} failed. {verdict}"


def format_report(results: list[CheckResult], *, verbose: bool = False) -> str:
    lines = [f"ResNet Studio {__version__} self-test"]
    lines += [format_result(r, verbose=verbose) for r in results]
    lines.append(summary(results))
    return "\n".join(lines) + "\n"


def save_report(text: str) -> Path | None:
    """Keep the last report where a user can find it and attach it to a question."""
    try:
        from .engine.fileio import atomic_write
        from .engine.paths import user_data_dir

        path = user_data_dir() / "self-test-report.txt"
        with atomic_write(path, "w") as fh:
            fh.write(text)
        return path
    except Exception:  # noqa: BLE001 - the report on screen matters more than the copy on disk
        return None


def _print(text: str) -> None:
    stream = sys.stdout
    if stream is None:  # windowed build without a console
        return
    try:
        print(text, file=stream, flush=True)
    except UnicodeEncodeError:
        enc = getattr(stream, "encoding", None) or "ascii"
        print(text.encode(enc, "replace").decode(enc), file=stream, flush=True)


def main(argv: list[str] | None = None) -> int:
    """``resnet-studio --self-test [--device D] [--json] [--verbose]``: 0 when nothing failed, 1 otherwise."""
    parser = argparse.ArgumentParser(
        prog="resnet-studio --self-test",
        description="Check that this installation can classify and train; prints a report.",
    )
    parser.add_argument("--device", default="auto", help="auto (default), cpu, cuda or mps")
    parser.add_argument("--backend", default="auto", help="inference backend: auto (default), torch, onnxruntime")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="show technical details of every check")
    parser.add_argument("--only", metavar="NAMES",
                        help=f"run only these checks, comma-separated ({', '.join(check_names())})")
    parser.add_argument("--pause", action="store_true",
                        help="wait for Enter at the end (for a shortcut that opens its own console window)")
    args = parser.parse_args(argv)
    only = None
    if args.only:
        only = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in only if n not in check_names()]
        if unknown:
            parser.error(f"unknown check {unknown[0]!r}; choose from: {', '.join(check_names())}")

    if args.json:
        results = run_self_test(device=args.device, backend=args.backend, only=only)
        import json

        _print(json.dumps({"version": __version__, "results": [r.to_dict() for r in results]}, indent=2,
                          ensure_ascii=False))
    else:
        _print(f"ResNet Studio {__version__} self-test (this takes a few seconds)")
        results = run_self_test(
            device=args.device, backend=args.backend, only=only,
            on_result=lambda r: _print(format_result(r, verbose=args.verbose)),
        )
        _print(summary(results))
    saved = save_report(format_report(results, verbose=True))
    if saved and not args.json:
        _print(f"Report saved to {saved}")
    if args.pause and sys.stdin is not None and sys.stdin.isatty():
        try:
            input("Press Enter to close this window.")
        except (EOFError, OSError):
            pass
    return 1 if any(not r.ok for r in results) else 0
