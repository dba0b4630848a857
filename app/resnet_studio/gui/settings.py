"""The app's persistent settings (``QSettings``), behind typed properties.

When ``RESNET_STUDIO_DATA_DIR`` is set (tests, portable installs) settings live in an INI file in
that folder, so a test never reads or changes the developer's own settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "ResNetStudio"
APPLICATION = "ResNet Studio"
MAX_RECENT = 8


def qsettings() -> QSettings:
    override = os.environ.get("RESNET_STUDIO_DATA_DIR")
    if override:
        return QSettings(str(Path(override) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class Settings:
    """Typed access to what the app remembers between runs."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store or qsettings()

    # -- generic helpers -------------------------------------------------------------------
    def _get(self, key: str, default, kind):
        value = self._s.value(key, default)
        try:
            if kind is bool:
                return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            return kind(value)
        except (TypeError, ValueError):
            return default

    def sync(self) -> None:
        self._s.sync()

    # -- language --------------------------------------------------------------------------
    @property
    def language(self) -> str:
        """"" means "follow the system language"."""
        return self._get("ui/language", "", str)

    @language.setter
    def language(self, code: str) -> None:
        self._s.setValue("ui/language", code)

    # -- classify --------------------------------------------------------------------------
    @property
    def last_model(self) -> str:
        return self._get("classify/model", "resnet18", str) or "resnet18"

    @last_model.setter
    def last_model(self, spec: str) -> None:
        self._s.setValue("classify/model", spec)

    @property
    def not_sure_threshold(self) -> float:
        """Top-1 confidence below which a result is flagged "not sure" (0..1)."""
        return min(max(self._get("classify/not_sure_threshold", 0.5, float), 0.0), 1.0)

    @not_sure_threshold.setter
    def not_sure_threshold(self, value: float) -> None:
        self._s.setValue("classify/not_sure_threshold", float(value))

    @property
    def sort_mode(self) -> str:
        return self._get("classify/sort", "added", str)

    @sort_mode.setter
    def sort_mode(self, mode: str) -> None:
        self._s.setValue("classify/sort", mode)

    @property
    def last_dir(self) -> str:
        return self._get("paths/last_dir", "", str)

    @last_dir.setter
    def last_dir(self, path: str) -> None:
        self._s.setValue("paths/last_dir", path)

    # -- recent folders --------------------------------------------------------------------
    def recent_folders(self) -> list[str]:
        value = self._s.value("paths/recent_folders", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or [])][:MAX_RECENT]

    def add_recent_folder(self, folder: str) -> list[str]:
        folder = str(folder)
        items = [f for f in self.recent_folders() if f != folder]
        items.insert(0, folder)
        self._s.setValue("paths/recent_folders", items[:MAX_RECENT])
        return items[:MAX_RECENT]

    def clear_recent_folders(self) -> None:
        self._s.setValue("paths/recent_folders", [])

    # -- window ----------------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        v = self._s.value("window/geometry")
        return v if isinstance(v, QByteArray) else None

    def set_window_geometry(self, geometry: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)

    @property
    def current_tab(self) -> int:
        return self._get("window/tab", 0, int)

    @current_tab.setter
    def current_tab(self, index: int) -> None:
        self._s.setValue("window/tab", int(index))
