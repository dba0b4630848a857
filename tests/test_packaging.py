"""The installer build, checked without building: the spec and its configuration, the model manifest,
the bundled samples, the Linux desktop integration, and the frozen entry script. The real build and
the frozen app are exercised by build_spec/smoke_test.py (the slow test at the end)."""

from __future__ import annotations

import configparser
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILD_SPEC = ROOT / "build_spec"
sys.path.insert(0, str(BUILD_SPEC))

import bundle_config as cfg  # noqa: E402


# -- the spec, run with PyInstaller's build steps recorded instead of performed ----------------------


class _Recorder:
    """Stands in for one of PyInstaller's build classes; keeps what the spec passed to it."""

    calls: list = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        _Recorder.calls.append(self)
        # what Analysis exposes to the rest of the spec, as TOC triples
        self.datas = [(f"{dest}/{Path(src).name}", src, "DATA") for src, dest in kwargs.get("datas", [])]
        self.binaries, self.pure, self.scripts = [], [], []


def _make(kind: str):
    return type(kind, (_Recorder,), {})


def run_spec(tmp_path: Path, *spec_args: str) -> dict[str, list[_Recorder]]:
    _Recorder.calls = []
    names = ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
    namespace = {n: _make(n) for n in names}
    namespace.update(SPECPATH=str(BUILD_SPEC), workpath=str(tmp_path / "work"), __name__="__main__")
    argv = sys.argv
    sys.argv = ["pyinstaller", *spec_args]
    try:
        code = compile((BUILD_SPEC / "resnet_studio.spec").read_text(encoding="utf-8"), "resnet_studio.spec", "exec")
        exec(code, namespace)
    finally:
        sys.argv = argv
    by_kind: dict[str, list[_Recorder]] = {n: [] for n in names}
    for call in _Recorder.calls:
        by_kind[type(call).__name__].append(call)
    return by_kind


def test_spec_builds_one_windowed_folder_with_the_configured_contents(tmp_path):
    calls = run_spec(tmp_path, "--weights", "none")
    (analysis,) = calls["Analysis"]
    kw = analysis.kwargs
    assert Path(analysis.args[0][0]) == BUILD_SPEC / "launcher.py"
    assert kw["excludes"] == cfg.EXCLUDES
    assert kw["module_collection_mode"]["onnxscript"] == "pyz+py"  # it reads its own source
    # torchvision's ops library: loaded by file path, and `import torchvision` fails without it
    assert any(Path(src).name.startswith("_C") and dest == "torchvision" for src, dest in kw["binaries"])
    assert "torch._dynamo" in kw["hiddenimports"]
    assert "resnet_studio.selftest" in kw["hiddenimports"]
    dests = {f"{dest}/{Path(src).name}" for src, dest in kw["datas"]}
    assert "resources/samples/sample.jpg" in dests
    assert "models/manifest.json" in dests and "models/bundled.json" in dests
    assert {"resources/icons/app.png", "resources/icons/app.ico"} <= dests
    assert not any(d.endswith(".pth") for d in dests)
    # one folder: the executable leaves the libraries to COLLECT (one-file would unpack each start)
    exe = calls["EXE"][0].kwargs
    assert exe["exclude_binaries"] is True and exe["console"] is False and exe["upx"] is False
    assert exe["name"] == cfg.GUI_EXE
    assert len(calls["COLLECT"]) == 1 and calls["COLLECT"][0].kwargs["name"] == cfg.DIST_NAME
    assert len(calls["BUNDLE"]) == (1 if sys.platform == "darwin" else 0)
    record = json.loads((tmp_path / "work" / "bundled.json").read_text(encoding="utf-8"))
    assert record["weights"] == [] and record["app_version"] == cfg.app_version()


def test_spec_bundles_requested_weights_that_are_present_with_their_checksum(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    shutil.copy(ROOT / "models" / "manifest.json", models / "manifest.json")
    entries = {e["name"]: e for e in cfg.read_manifest()}
    weights = models / entries["resnet18"]["file"]
    weights.write_bytes(b"not really weights, but bytes to hash")
    calls = run_spec(tmp_path, "--weights", "resnet18,resnet50", "--models-dir", str(models))
    datas = calls["Analysis"][0].kwargs["datas"]
    assert (str(weights), "models") in datas
    assert not any(entries["resnet50"]["file"] in src for src, _ in datas)  # requested, absent: skipped
    record = json.loads((tmp_path / "work" / "bundled.json").read_text(encoding="utf-8"))
    assert record["weights"] == [{
        "file": weights.name, "size": weights.stat().st_size,
        "sha256": hashlib.sha256(weights.read_bytes()).hexdigest(),
    }]


# -- what goes in, what stays out ---------------------------------------------------------------------


@pytest.mark.parametrize("module", [
    "tensorboard", "torch.utils.tensorboard", "triton", "tests", "pytest",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
])
def test_modules_a_desktop_user_never_needs_are_excluded(module):
    assert module in cfg.EXCLUDES


def test_nothing_the_app_imports_is_excluded():
    hidden = cfg.hidden_imports()
    assert not set(hidden) & set(cfg.EXCLUDES)
    needed_at_import = ("torch", "torch._dynamo", "torch.optim", "torch.testing._internal.logging_tensor",
                        "torchvision", "onnxscript", "PySide6.QtWidgets", "PySide6.QtMultimedia", "pyqtgraph")
    for needed in needed_at_import:
        assert not any(needed == ex or needed.startswith(ex + ".") for ex in cfg.EXCLUDES), needed


def module_exists(name: str) -> bool:
    """Whether ``name`` can be imported here, found on disk without importing it (torch is slow)."""
    top, *rest = name.split(".")
    spec = importlib.util.find_spec(top)
    if spec is None or not rest:
        return spec is not None
    base = Path(spec.origin).parent.joinpath(*rest)
    return (base / "__init__.py").is_file() or any(base.parent.glob(base.name + ".*py")) or any(
        base.parent.glob(base.name + ".*.so")) or any(base.parent.glob(base.name + ".*.pyd"))


def test_hidden_imports_cover_every_module_of_the_app_and_all_exist():
    hidden = cfg.hidden_imports()
    package = ROOT / "app" / "resnet_studio"
    commands = {f"resnet_studio.cli.{p.stem}" for p in (package / "cli").glob("*_cmd.py")}
    assert commands and commands <= set(hidden)  # loaded with importlib: invisible to the analysis
    assert "resnet_studio.gui" in hidden
    for name in hidden:
        assert module_exists(name), name
    assert not module_exists("resnet_studio.no_such_module")


def test_filter_drops_headers_tests_and_foreign_qt_translations():
    toc = [
        ("torch/lib/libtorch_cpu.so", "/x", "BINARY"),
        ("torch/include/ATen/ATen.h", "/x", "DATA"),
        ("torch/share/cmake/Torch/TorchConfig.cmake", "/x", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/x", "DATA"),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", "/x", "DATA"),
        ("PySide6/translations/qt_fr.qm", "/x", "DATA"),  # Windows layout
        ("resources/translations/resnet_studio_zh_CN.qm", "/x", "DATA"),
        ("resources/samples/sample.jpg", "/x", "DATA"),
    ]
    kept = [e[0] for e in cfg.filter_toc(toc, ["zh_CN"])]
    assert kept == [
        "torch/lib/libtorch_cpu.so",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "resources/translations/resnet_studio_zh_CN.qm",
        "resources/samples/sample.jpg",
    ]


def test_resources_ship_data_not_sources():
    dests = {f"{d}/{Path(s).name}" for s, d in cfg.resource_datas()}
    assert "resources/samples/sample.jpg" in dests
    assert "resources/samples/tiny_dataset/circle/circle_0.png" in dests
    assert not any(d.endswith((".py", ".ts")) for d in dests)


def test_version_resource_numbers():
    assert cfg.version_tuple("1.2.3") == (1, 2, 3, 0)
    assert cfg.version_tuple("0.4.0rc1") == (0, 4, 0, 0)
    assert len(cfg.version_tuple()) == 4


# -- the model manifest the build bundles from -------------------------------------------------------


def test_manifest_lists_every_zoo_model_completely():
    from resnet_studio.engine.zoo import ZOO

    entries = cfg.read_manifest()
    assert sorted(e["name"] for e in entries) == sorted(ZOO)
    for e in entries:
        info = ZOO[e["name"]]
        assert e["file"] == info.weights_filename
        assert e["url"].startswith("https://") and e["url"].endswith("/" + e["file"])
        assert e["size_mb"] > 1
        if e.get("sha256"):
            assert re.fullmatch(r"[0-9a-f]{64}", e["sha256"])
        else:  # torchvision publishes the first hex digits in the file name
            assert re.fullmatch(r"[0-9a-f]{6,}", e["sha256_prefix"]) and f"-{e['sha256_prefix']}." in e["file"]


# -- the bundled samples -----------------------------------------------------------------------------


def test_samples_are_tiny_and_usable_by_the_engine():
    from resnet_studio.engine.datasets import scan_dataset
    from resnet_studio.engine.images import open_image

    samples = ROOT / "resources" / "samples"
    files = [p for p in samples.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")]
    assert sum(p.stat().st_size for p in files) < 16 * 1024
    assert open_image(samples / "sample.jpg").size == (96, 72)
    split = scan_dataset(samples / "tiny_dataset", val_fraction=0.2, seed=0)
    assert split.classes == ["circle", "square"]
    assert len(split.train) >= 4 and len(split.val) >= 2


def test_sample_script_recreates_the_committed_set(tmp_path):
    sys.dont_write_bytecode, before = True, sys.dont_write_bytecode  # no __pycache__ in resources/
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "resources" / "samples" / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = before
    made = {p.relative_to(tmp_path).as_posix() for p in module.make_samples(tmp_path)}
    samples = ROOT / "resources" / "samples"
    committed = {p.relative_to(samples).as_posix() for p in samples.rglob("*")
                 if p.is_file() and p.suffix not in (".py", ".pyc")}
    assert made == committed


# -- Linux desktop integration ----------------------------------------------------------------------


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_offers_open_with_for_images():
    entry = _desktop_entry(BUILD_SPEC / "linux" / "resnet-studio.desktop")
    assert entry["Type"] == "Application" and entry["Name"] == cfg.APP_NAME
    assert entry["Exec"].endswith("%F")  # several files at once
    assert {"image/jpeg", "image/png", "image/webp"} <= set(entry["MimeType"].strip(";").split(";"))
    assert entry["Icon"] == "resnet-studio" and entry["Terminal"] == "false"


@pytest.mark.skipif(os.name == "nt" or not shutil.which("sh"), reason="POSIX shell script")
def test_install_script_points_the_menu_entry_at_the_unpacked_folder(tmp_path):
    folder = tmp_path / "我的 apps" / cfg.DIST_NAME
    folder.mkdir(parents=True)
    for name in ("install.sh", "resnet-studio.desktop"):
        shutil.copy(BUILD_SPEC / "linux" / name, folder / name)
    (folder / "resnet-studio.png").write_bytes(b"png")
    exe = folder / cfg.GUI_EXE
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    data = tmp_path / "xdg"
    subprocess.run(["sh", str(folder / "install.sh")], check=True, capture_output=True,
                   env=dict(os.environ, XDG_DATA_HOME=str(data)))
    entry = _desktop_entry(data / "applications" / "resnet-studio.desktop")
    assert entry["Exec"] == f'"{exe}" %F'
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "resnet-studio.png").is_file()


def test_model_files_are_offered_open_with_on_every_platform(tmp_path):
    """Opening a shared .safetensors file imports it (issue 16): every installer registers the type."""
    import xml.etree.ElementTree as ET

    entry = _desktop_entry(BUILD_SPEC / "linux" / "resnet-studio.desktop")
    assert "application/x-safetensors" in entry["MimeType"].split(";")
    mime = ET.parse(BUILD_SPEC / "linux" / "resnet-studio-model.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = mime.find("m:mime-type", ns)
    assert kind.get("type") == "application/x-safetensors"
    assert kind.find("m:glob", ns).get("pattern") == "*.safetensors"
    iss = (BUILD_SPEC / "windows" / "resnet_studio.iss").read_text(encoding="utf-8")
    assert r'Subkey: "Software\Classes\.safetensors\OpenWithList\{#AppExe}"' in iss
    assert 'ValueName: ".safetensors"' in iss
    spec = (BUILD_SPEC / "resnet_studio.spec").read_text(encoding="utf-8")
    assert "UTImportedTypeDeclarations" in spec and '"public.filename-extension": ["safetensors"]' in spec


@pytest.mark.skipif(os.name == "nt" or not shutil.which("sh"), reason="POSIX shell script")
def test_install_script_registers_the_model_file_type(tmp_path):
    folder = tmp_path / "apps" / cfg.DIST_NAME
    folder.mkdir(parents=True)
    for name in ("install.sh", "uninstall.sh", "resnet-studio.desktop", "resnet-studio-model.xml"):
        shutil.copy(BUILD_SPEC / "linux" / name, folder / name)
    (folder / "resnet-studio.png").write_bytes(b"png")
    exe = folder / cfg.GUI_EXE
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    data = tmp_path / "xdg"
    env = dict(os.environ, XDG_DATA_HOME=str(data))
    subprocess.run(["sh", str(folder / "install.sh")], check=True, capture_output=True, env=env)
    assert (data / "mime" / "packages" / "resnet-studio-model.xml").is_file()
    subprocess.run(["sh", str(folder / "uninstall.sh")], check=True, capture_output=True, env=env)
    assert not (data / "mime" / "packages" / "resnet-studio-model.xml").exists()


def test_windows_installer_script_matches_the_bundle_layout():
    iss = (BUILD_SPEC / "windows" / "resnet_studio.iss").read_text(encoding="utf-8")
    for section in ("[Setup]", "[Files]", "[Icons]", "[Registry]", "[Run]"):
        assert section in iss
    assert f'#define AppExe "{cfg.GUI_EXE}.exe"' in iss
    assert f"{{app}}\\{cfg.CLI_EXE}.exe" in iss
    assert r"_internal\resources\icons\app.ico" in iss  # where the spec puts the icon
    assert "PrivilegesRequired=lowest" in iss  # installs without an administrator


# -- the frozen entry script --------------------------------------------------------------------------


def test_launcher_survives_a_windowed_start_without_stdout(tmp_path):
    """In a windowed build sys.stdout/sys.stderr are None; output must land in the log instead."""
    code = (
        "import runpy, sys; sys.stdout = None; sys.stderr = None; "
        f"sys.argv = ['ResNetStudio', '--version']; runpy.run_path({str(BUILD_SPEC / 'launcher.py')!r}, run_name='__main__')"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, RESNET_STUDIO_DATA_DIR=str(tmp_path / "data")))
    assert proc.returncode == 0, proc.stderr
    log = (tmp_path / "data" / "logs" / "app.log").read_text(encoding="utf-8")
    assert f"ResNet Studio {cfg.app_version()}" in log


# -- the real thing ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_smoke_frozen_app():
    """Build (or reuse) the bundle and run the frozen app: version, self-test, classify, GUI."""
    pytest.importorskip("PyInstaller")
    proc = subprocess.run([sys.executable, str(BUILD_SPEC / "smoke_test.py"), "--reuse"],
                          capture_output=True, text=True, timeout=3 * 3600)
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-3000:]


def test_translations_are_compiled_fresh_from_their_sources(tmp_path):
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QTranslator

    folder = tmp_path / "resources" / "translations"
    folder.mkdir(parents=True)
    (folder / "resnet_studio_zh_CN.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">\n'
        "<context><name>MainWindow</name><message><source>&amp;Help</source>"
        "<translation>帮助(&amp;H)</translation></message></context>\n</TS>\n",
        encoding="utf-8",
    )
    (folder / "resnet_studio_zh_CN.qm").write_bytes(b"stale")  # an old compiled file must not win
    datas = cfg.translation_datas(tmp_path / "out", tmp_path / "resources")
    assert datas == [(str(tmp_path / "out" / "resnet_studio_zh_CN.qm"), "resources/translations")]
    translator = QTranslator()
    assert translator.load(datas[0][0])
    assert translator.translate("MainWindow", "&Help") == "帮助(&H)"
    assert not any("translations" in d for _, d in cfg.resource_datas(tmp_path / "resources"))


def test_icons_in_every_platform_format_from_the_app_icon(tmp_path):
    from PIL import Image

    import icons

    made = icons.make_icons(tmp_path / "from-app")
    png = Image.open(made["png"])
    assert png.size == (256, 256) and png.mode == "RGBA"
    assert (256, 256) in Image.open(made["ico"]).info["sizes"]
    assert Image.open(made["icns"]).format == "ICNS"
    # rendered from resources/icons/app.svg, not the drawn stand-in
    assert icons.find_source().name == "app.svg"
    drawn = icons.draw_icon(256)
    assert png.tobytes() != drawn.tobytes()
