"""The one build command: ``python build_spec/build.py`` → a double-click app for this platform.

1. checks the build environment (PyInstaller, disk space, which torch: CPU-only or CUDA);
2. puts the ImageNet weights to bundle into ``models/`` (from torchvision's cache or downloaded,
   checked against ``models/manifest.json``); without network it goes on without them, and the
   app then offers the download itself;
3. runs PyInstaller on ``build_spec/resnet_studio.spec`` (one folder under ``dist/ResNetStudio``);
4. packs it for this platform: Linux ``.tar.gz`` (+ ``.desktop`` file and install script, + an
   AppImage when ``appimagetool`` is installed), Windows Inno Setup installer (when ``iscc`` is
   installed), macOS ``.dmg`` (``build_spec/macos/sign_and_dmg.sh``);
5. writes ``dist/build-info.json`` with the sizes (docs/PACKAGING.md, docs/BENCHMARKS.md).

Run ``python build_spec/build.py --help`` for the options.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bundle_config as cfg  # noqa: E402

ROOT = cfg.ROOT
MODELS = ROOT / "models"


def log(msg: str) -> None:
    print(f"[build] {msg}", flush=True)


def human(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{int(n)} B"
        n /= 1024
    return f"{n:.1f} GiB"


def tree_size(path: Path) -> int:
    total = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
    return total


def torch_variant() -> str:
    """``cuda`` or ``cpu``: which torch this environment would bundle (read without importing it)."""
    from importlib import metadata

    try:
        version = metadata.version("torch")
    except metadata.PackageNotFoundError:
        sys.exit("torch is not installed in this environment: pip install -e .")
    if "+cpu" in version:
        return "cpu"
    requires = metadata.requires("torch") or []
    return "cuda" if "+cu" in version or any(r.startswith("nvidia-") for r in requires) else "cpu"


# -- weights ---------------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _verified(path: Path, entry: dict) -> bool:
    if not path.is_file() or path.stat().st_size == 0:
        return False
    digest = _sha256(path)
    if entry.get("sha256"):
        return digest == entry["sha256"].lower()
    if entry.get("sha256_prefix"):
        return digest.startswith(entry["sha256_prefix"].lower())
    return True


def _download(url: str, dest: Path, timeout: float = 30.0) -> None:
    tmp = dest.with_suffix(dest.suffix + ".part")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp, open(tmp, "wb") as fh:
            shutil.copyfileobj(resp, fh, 1 << 20)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def fetch_weights(names: list[str], *, offline: bool = False) -> list[str]:
    """Make sure ``models/`` holds verified weights for ``names``; returns the names it has."""
    from resnet_studio.engine.zoo import cache_dir

    entries = {e["name"]: e for e in cfg.read_manifest(MODELS)}
    have = []
    for name in names:
        entry = entries.get(name)
        if entry is None:
            log(f"weights: '{name}' is not in models/manifest.json; skipped")
            continue
        dest = MODELS / entry["file"]
        if _verified(dest, entry):
            have.append(name)
            continue
        cached = cache_dir() / entry["file"]
        if _verified(cached, entry):
            shutil.copyfile(cached, dest)
            log(f"weights: {entry['file']} copied from {cached.parent}")
            have.append(name)
            continue
        if offline:
            log(f"weights: {entry['file']} not found; not bundled (--offline)")
            continue
        try:
            log(f"weights: downloading {entry['url']} ({entry.get('size_mb', '?')} MB)")
            _download(entry["url"], dest)
        except OSError as exc:
            log(f"weights: download failed ({exc}); {name} is not bundled, the app will offer the download")
            continue
        if _verified(dest, entry):
            have.append(name)
        else:
            dest.unlink(missing_ok=True)
            log(f"weights: {entry['file']} failed its checksum; removed, not bundled")
    return have


# -- PyInstaller -----------------------------------------------------------------------------------


def run_pyinstaller(dist: Path, work: Path, weights: list[str], *, clean: bool) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit("PyInstaller is missing: pip install -e '.[build]'")
    cmd = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work),
    ]
    if clean:
        cmd.append("--clean")
    cmd += [str(HERE / "resnet_studio.spec"), "--", "--weights", ",".join(weights) or "none"]
    log("running " + " ".join(cmd))
    subprocess.run(cmd, check=True, cwd=ROOT)
    bundle = dist / cfg.DIST_NAME
    if not bundle.is_dir():
        sys.exit(f"PyInstaller finished but {bundle} is missing")
    return bundle


def executable(bundle: Path, *, console: bool = True) -> Path:
    """The executable inside a built bundle (the console twin on Windows when ``console``)."""
    if sys.platform == "win32":
        return bundle / f"{cfg.CLI_EXE if console else cfg.GUI_EXE}.exe"
    return bundle / cfg.GUI_EXE


# -- packages --------------------------------------------------------------------------------------


def _tar_filter(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def package_linux(bundle: Path, out_dir: Path, stem: str) -> list[Path]:
    linux = HERE / "linux"
    for name in ("resnet-studio.desktop", "resnet-studio-model.xml", "install.sh", "uninstall.sh"):
        target = bundle / name
        shutil.copyfile(linux / name, target)
        if name.endswith(".sh"):
            target.chmod(0o755)
    shutil.copyfile(bundle / "_internal" / "resources" / "icons" / "app.png", bundle / "resnet-studio.png")
    archive = out_dir / f"{stem}.tar.gz"
    log(f"packing {archive.name} (gzip; a few minutes for a CUDA bundle)")
    tmp = archive.with_suffix(".part")
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=cfg.DIST_NAME, filter=_tar_filter)
    os.replace(tmp, archive)
    outputs = [archive]
    if shutil.which("appimagetool"):
        appimage = out_dir / f"{stem}.AppImage"
        subprocess.run(["bash", str(linux / "build_appimage.sh"), str(bundle), str(appimage)], check=True)
        outputs.append(appimage)
    else:
        log("AppImage skipped: appimagetool is not installed (see docs/PACKAGING.md)")
    return outputs


def package_windows(bundle: Path, out_dir: Path, stem: str) -> list[Path]:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    default = Path(os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)")) / "Inno Setup 6" / "ISCC.exe"
    if not iscc and default.is_file():
        iscc = str(default)
    if not iscc:
        log("installer skipped: Inno Setup (iscc) is not installed (see docs/PACKAGING.md)")
        return []
    subprocess.run([
        iscc, f"/DAppVersion={cfg.app_version()}", f"/DSourceDir={bundle}", f"/DOutputDir={out_dir}",
        f"/DOutputBaseFilename={stem}-setup", str(HERE / "windows" / "resnet_studio.iss"),
    ], check=True)
    return [out_dir / f"{stem}-setup.exe"]


def package_macos(dist: Path, out_dir: Path, stem: str) -> list[Path]:
    app = dist / f"{cfg.APP_NAME}.app"
    dmg = out_dir / f"{stem}.dmg"
    subprocess.run(["bash", str(HERE / "macos" / "sign_and_dmg.sh"), str(app), str(dmg)], check=True)
    return [dmg]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build the ResNet Studio app and its installer for this platform.")
    p.add_argument("--weights", default=cfg.DEFAULT_BUNDLED_WEIGHTS,
                   help="comma-separated models whose ImageNet weights to bundle, 'all' or 'none' "
                        f"(default: {cfg.DEFAULT_BUNDLED_WEIGHTS})")
    p.add_argument("--offline", action="store_true", help="bundle only weights already on this computer")
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    p.add_argument("--reuse", action="store_true", help="keep an existing dist/ResNetStudio; only package it")
    p.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    p.add_argument("--no-package", action="store_true", help="stop after the app folder (no archive/installer)")
    args = p.parse_args(argv)

    start = time.monotonic()
    variant = torch_variant()
    version = cfg.app_version()
    stem = f"{cfg.DIST_NAME}-{version}-{cfg.platform_tag()}-{variant}"
    log(f"ResNet Studio {version}, torch variant: {variant}, python {sys.version.split()[0]}")
    free = shutil.disk_usage(ROOT).free
    need = (12 if variant == "cuda" else 3) * 1024**3
    if free < need:
        sys.exit(f"only {human(free)} free on the build disk; a {variant} build needs about {human(need)}")
    if not (ROOT / "resources" / "samples" / "sample.jpg").is_file():
        subprocess.run([sys.executable, str(ROOT / "resources" / "samples" / "make_samples.py")], check=True)

    bundle = args.dist / cfg.DIST_NAME
    if args.reuse and bundle.is_dir():
        log(f"reusing {bundle}")
        record = bundle / "_internal" / "models" / "bundled.json"
        shipped = {w["file"] for w in json.loads(record.read_text(encoding="utf-8"))["weights"]} if record.is_file() else set()
        weights = [e["name"] for e in cfg.read_manifest(MODELS) if e["file"] in shipped]
    else:
        if args.weights == "all":
            wanted = [e["name"] for e in cfg.read_manifest(MODELS)]
        elif args.weights in ("", "none"):
            wanted = []
        else:
            wanted = [w.strip() for w in args.weights.split(",") if w.strip()]
        sys.path.insert(0, str(cfg.APP_SRC))
        weights = fetch_weights(wanted, offline=args.offline)
        if wanted and not weights:
            log("no ImageNet weights will be bundled: the app starts with none and offers the download")
        bundle = run_pyinstaller(args.dist, args.work, weights, clean=args.clean)

    bundle_bytes = tree_size(bundle)
    log(f"app folder: {bundle} ({human(bundle_bytes)})")
    outputs: list[Path] = []
    if not args.no_package:
        if sys.platform.startswith("linux"):
            outputs = package_linux(bundle, args.dist, stem)
        elif sys.platform == "win32":
            outputs = package_windows(bundle, args.dist, stem)
        elif sys.platform == "darwin":
            outputs = package_macos(args.dist, args.dist, stem)
    info = {
        "version": version,
        "platform": cfg.platform_tag(),
        "torch_variant": variant,
        "bundle": str(bundle),
        "bundle_bytes": bundle_bytes,
        "bundled_weights": weights,
        "packages": {p.name: p.stat().st_size for p in outputs if p.exists()},
        "build_seconds": round(time.monotonic() - start, 1),
    }
    (args.dist / "build-info.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    for out in outputs:
        log(f"package: {out} ({human(out.stat().st_size)})")
    log(f"done in {info['build_seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
