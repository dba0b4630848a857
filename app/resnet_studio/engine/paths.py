"""Where the app keeps the user's things: trained models, runs, caches.

All writable locations are outside the install folder (a frozen app's bundle is read-only).
``RESNET_STUDIO_DATA_DIR`` / ``RESNET_STUDIO_CACHE_DIR`` override them (tests, portable installs).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

APP_DIR_NAME = "ResNetStudio"
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def safe_file_stem(name: str) -> str:
    """A file name for a display name: any script allowed, path and reserved characters removed."""
    stem = _FORBIDDEN.sub("_", name).strip().strip(".").strip()
    stem = re.sub(r"\s+", " ", stem)[:80].rstrip()
    return stem or "model"


def user_data_dir() -> Path:
    """Trained models, training runs, settings export: kept until the user deletes them."""
    override = os.environ.get("RESNET_STUDIO_DATA_DIR")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / APP_DIR_NAME
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP_DIR_NAME
    base.mkdir(parents=True, exist_ok=True)
    return base


def user_cache_dir() -> Path:
    """Things that can be rebuilt (feature caches, exported ONNX graphs for fast CPU inference)."""
    override = os.environ.get("RESNET_STUDIO_CACHE_DIR")
    if override:
        base = Path(override)
    elif os.environ.get("RESNET_STUDIO_DATA_DIR"):
        base = Path(os.environ["RESNET_STUDIO_DATA_DIR"]) / "cache"
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP_DIR_NAME / "Cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches" / APP_DIR_NAME
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_DIR_NAME
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # a cache only saves time: its users cope with a folder they cannot write in
    return base


def trained_models_dir() -> Path:
    d = user_data_dir() / "models"
    d.mkdir(parents=True, exist_ok=True)
    return d


def runs_dir() -> Path:
    d = user_data_dir() / "runs"
    d.mkdir(parents=True, exist_ok=True)
    return d
