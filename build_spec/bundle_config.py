"""What goes into the frozen app, and what stays out: the data behind ``resnet_studio.spec``.

Kept in a plain module (no PyInstaller import) so the build script, the spec and the tests read the
same lists, and a test can check them without running a 15-minute build.
"""

from __future__ import annotations

import fnmatch
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_SRC = ROOT / "app"
PACKAGE_DIR = APP_SRC / "resnet_studio"

APP_NAME = "ResNet Studio"
BUNDLE_ID = "org.resnetstudio.ResNetStudio"
#: The one-folder bundle's folder name under dist/ (also the Linux archive's top folder).
DIST_NAME = "ResNetStudio"
#: The double-click executable (windowed on Windows and macOS).
GUI_EXE = "ResNetStudio"
#: Windows only: a console twin of the app, so ``resnet-studio.exe --self-test`` and the command line
#: print to the terminal (a windowed .exe has no stdout). Elsewhere the GUI executable prints fine.
CLI_EXE = "resnet-studio"

# Modules a desktop user never needs. Excluding them in Analysis wins over the hooks' hidden imports
# (hook-torch collects every torch submodule), so they cannot sneak back in.
EXCLUDES = [
    # test and notebook tooling
    "pytest", "_pytest", "pytestqt", "hypothesis", "IPython", "jupyter_client", "ipykernel", "notebook",
    # (not torch.testing._internal: torch.utils.checkpoint imports its logging_tensor at import time,
    # as the frozen self-test showed)
    "tests", "resnet_studio.tests", "pyqtgraph.examples", "pyqtgraph.jupyter",
    # logging dashboards
    "tensorboard", "torch.utils.tensorboard", "tensorflow",
    # triton is only for torch.compile on a GPU; we never compile at run time (users have no compiler),
    # and without it torch simply reports that compiling is unavailable. Saves about 0.9 GB.
    "triton",
    # other GUI toolkits and plotting back ends
    "tkinter", "_tkinter", "matplotlib", "PyQt5", "PyQt6", "PySide2", "pyqtgraph.opengl", "OpenGL",
    # Qt modules the widgets app does not use (QML/Quick, web engine, designer, ...). PyInstaller's Qt
    # hooks collect a Qt module's libraries and plugins only when its Python module is collected.
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest", "PySide6.QtQuick3D", "PySide6.QtQmlFeatures", "PySide6.QtLabsStyleKit",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtWebView",
    "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtHelp", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.QtCharts",
    "PySide6.QtDataVisualization", "PySide6.QtGraphs", "PySide6.QtPdf", "PySide6.QtBluetooth",
    "PySide6.QtPositioning", "PySide6.QtLocation", "PySide6.QtSerialPort", "PySide6.QtRemoteObjects",
    "PySide6.QtScxml", "PySide6.QtTextToSpeech", "PySide6.QtSpatialAudio", "PySide6.QtHttpServer",
]

#: Imported by name at run time (importlib) or only inside functions, so the analysis cannot see
#: them. torch._dynamo stays in: torch.optim imports it.
EXTRA_HIDDEN_IMPORTS = [
    "torch._dynamo",
    "torchvision.models",
    "torchvision.transforms.v2",
    "safetensors.torch",
    "onnxruntime",
    "PySide6.QtSvg",
    # the Camera tab loads it with importlib (so the window opens without it, and says so when a
    # system lacks its libraries); its PyInstaller hook brings the multimedia plugins
    "PySide6.QtMultimedia",
    "pyqtgraph.exporters",
    # picture formats (HEIC through pi-heif's LGPL libheif, camera RAW through rawpy's LibRaw) and
    # the lock one training holds on its output file; imported inside functions or optionally
    "pi_heif", "rawpy", "filelock",
]

#: ImageNet weights a default build ships (45 MB): the default model, so the app classifies out of
#: the box. The others are offered for download in the app (``build.py --weights all`` ships all).
DEFAULT_BUNDLED_WEIGHTS = "resnet18"

#: Packages kept as .py source next to the bytecode: onnxscript parses its own functions' source
#: (inspect.getsource) when torch exports a model to ONNX for the fast CPU route, and our own
#: source makes tracebacks in logs and self-test reports show the failing lines.
MODULE_COLLECTION_MODE = {"onnxscript": "pyz+py", "resnet_studio": "pyz+py"}

#: Paths inside the bundle that are build- or test-time only (matched against destination paths).
DROP_PATTERNS = [
    "torch/include/*", "torch/share/cmake/*",
    "torch/bin/test_*", "*/__pycache__/*",
    "*.pyi", "*.h", "*.hpp", "*.cuh", "*.a", "*.lib",
]

# Qt ships ~40 translation catalogues per module; we keep Qt's own strings (dialog buttons...) only
# for the languages the app itself is translated into.
_QT_TRANSLATIONS_DIRS = ("PySide6/Qt/translations/", "PySide6/translations/")
_DEFAULT_LANGUAGES = ("zh_CN",)

# Resource files that are sources, not run-time data.
_RESOURCE_SKIP = ("*.py", "*.pyc", "*.ts", "*.pro", "*.md", ".*")


def app_version() -> str:
    """The version in ``resnet_studio/__init__.py``, read without importing the package."""
    text = (PACKAGE_DIR / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if not m:
        raise RuntimeError("no __version__ in resnet_studio/__init__.py")
    return m.group(1)


def version_tuple(version: str | None = None) -> tuple[int, int, int, int]:
    """``"0.1.0"`` → ``(0, 1, 0, 0)`` for the Windows version resource (digits only, 4 fields)."""
    parts = [int(re.match(r"\d*", p).group() or 0) for p in (version or app_version()).split(".")[:4]]
    return tuple((parts + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def app_modules() -> list[str]:
    """Every module of our package, found from the source tree.

    The CLI loads its subcommands with importlib and the GUI imports views lazily, so the analysis
    alone would miss them. Test modules are not part of the package and never listed.
    """
    names = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        rel = path.relative_to(APP_SRC).with_suffix("")
        parts = list(rel.parts)
        if any(p.startswith("test") or p == "__pycache__" for p in parts):
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def hidden_imports() -> list[str]:
    return app_modules() + [m for m in EXTRA_HIDDEN_IMPORTS if m not in EXCLUDES]


def extension_binaries() -> list[tuple[str, str]]:
    """torchvision's C++ ops (``_C_stable``) and image codecs (``image_stable``).

    torchvision loads them with ``torch.ops.load_library`` from a file path, so the analysis does
    not see them, and its import fails without them (it registers fake kernels for its ops), as
    the frozen self-test showed. Their own dependencies (torchvision.libs) follow by analysis.
    """
    import importlib.util

    spec = importlib.util.find_spec("torchvision")
    if spec is None or not spec.origin:
        return []
    folder = Path(spec.origin).parent
    found = [p for pattern in ("*.so", "*.pyd", "*.dylib", "*.dll") for p in sorted(folder.glob(pattern))]
    return [(str(p), "torchvision") for p in found]


def app_languages(resources: Path = ROOT / "resources") -> list[str]:
    """Language codes the app is translated into, from ``resources/translations/*_<lang>.qm|.ts``."""
    langs = set()
    for f in (resources / "translations").glob("*"):
        m = re.search(r"_([a-z]{2,3}(?:_[A-Z]{2})?)\.(qm|ts)$", f.name)
        if m:
            langs.add(m.group(1))
    return sorted(langs) or list(_DEFAULT_LANGUAGES)


def keep_qt_translation(dest: str, languages: list[str]) -> bool:
    """False for Qt's own ``.qm`` catalogues in languages the app is not translated into."""
    d = dest.replace("\\", "/")
    if not any(d.startswith(p) for p in _QT_TRANSLATIONS_DIRS):
        return True
    m = re.search(r"_([a-z]{2,3}(?:_[A-Z]{2})?)\.qm$", d)
    if not m:
        return True
    lang = m.group(1)
    return any(lang == code or lang == code.split("_")[0] for code in languages)


def should_drop(dest: str) -> bool:
    d = dest.replace("\\", "/")
    return any(fnmatch.fnmatch(d, pattern) for pattern in DROP_PATTERNS)


def filter_toc(entries, languages: list[str]):
    """Drop build/test-only files and foreign Qt translations from a PyInstaller TOC list.

    Entries are ``(dest_name, src_path, typecode)`` tuples as in ``Analysis.datas``/``.binaries``.
    """
    return [e for e in entries if not should_drop(e[0]) and keep_qt_translation(e[0], languages)]


def resource_datas(resources: Path = ROOT / "resources") -> list[tuple[str, str]]:
    """``(source file, destination folder)`` pairs for everything under ``resources/`` the app reads
    (translations come from :func:`translation_datas`)."""
    out = []
    for f in sorted(resources.rglob("*")):
        if not f.is_file() or "__pycache__" in f.parts:
            continue
        if any(fnmatch.fnmatch(f.name, pat) for pat in _RESOURCE_SKIP):
            continue
        if f.suffix == ".qm" and f.parent == resources / "translations":
            continue
        dest = Path("resources") / f.parent.relative_to(resources)
        out.append((str(f), dest.as_posix()))
    return out


def _lrelease() -> str | None:
    import shutil

    scripts = Path(sys.executable).parent
    return shutil.which("pyside6-lrelease", path=str(scripts)) or shutil.which("pyside6-lrelease")


def translation_datas(out_dir: Path, resources: Path = ROOT / "resources") -> list[tuple[str, str]]:
    """The app's compiled translations: every ``.ts`` compiled fresh with ``pyside6-lrelease`` into
    ``out_dir`` (a stale committed ``.qm`` must not ship), falling back to the committed ``.qm``."""
    import subprocess

    folder = resources / "translations"
    dest = "resources/translations"
    out, done = [], set()
    tool = _lrelease()
    for ts in sorted(folder.glob("*.ts")):
        qm = out_dir / f"{ts.stem}.qm"
        if tool:
            out_dir.mkdir(parents=True, exist_ok=True)
            proc = subprocess.run([tool, str(ts), "-qm", str(qm)], capture_output=True, text=True)
            if proc.returncode == 0 and qm.is_file():
                out.append((str(qm), dest))
                done.add(ts.stem)
                continue
            print(f"bundle_config: pyside6-lrelease failed on {ts.name}: {proc.stderr.strip()[-300:]}")
    for qm in sorted(folder.glob("*.qm")):
        if qm.stem not in done:
            out.append((str(qm), dest))
    return out


def read_manifest(models_dir: Path = ROOT / "models") -> list[dict]:
    path = models_dir / "manifest.json"
    return list(json.loads(path.read_text(encoding="utf-8"))["weights"])


def model_datas(models_dir: Path = ROOT / "models", names: list[str] | None = None) -> tuple[list[tuple[str, str]], list[str]]:
    """The manifest plus the weights files of ``names`` found in ``models_dir``.

    Returns ``(datas, missing)``: weights not present are left out (the app then says how to get
    them) and reported so the build can print what it ships.
    """
    datas = [(str(models_dir / "manifest.json"), "models")]
    missing = []
    wanted = set(names or [])
    for entry in read_manifest(models_dir):
        if entry["name"] not in wanted:
            continue
        f = models_dir / entry["file"]
        if f.is_file() and f.stat().st_size > 0:
            datas.append((str(f), "models"))
        else:
            missing.append(entry["name"])
    return datas, missing


def bundled_record(datas: list[tuple[str, str]]) -> dict:
    """What ``models/bundled.json`` says the build shipped: each weights file with size and SHA-256,
    so the self-test can tell a damaged install from one that never had the weights."""
    import hashlib

    files = []
    for src, _dest in datas:
        p = Path(src)
        if p.suffix != ".pth":
            continue
        digest = hashlib.sha256()
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        files.append({"file": p.name, "size": p.stat().st_size, "sha256": digest.hexdigest()})
    return {"app_version": app_version(), "weights": files}


def platform_tag() -> str:
    import platform

    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
    return f"{system}-{machine}"
