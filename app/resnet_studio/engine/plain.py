"""Engine results and events as plain values (dicts, lists, str, numbers): what may cross a
thread or a process without the other side importing engine classes (or torch)."""

from __future__ import annotations

import dataclasses
import os
from typing import Any


def plain_values(value: Any) -> Any:
    """Deep copy into JSON-like values (no Paths, tensors, numpy scalars or engine classes), so
    the copy can cross a thread or a process without importing anything on the other side."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain_values(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain_values(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_values(v) for v in value]
    if isinstance(value, (str, bool)) or value is None:
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if hasattr(value, "item"):  # numpy / torch scalars
        return value.item()
    return str(value)


def plain_event(event: Any) -> tuple[str, dict]:
    """An engine event as ``(class name, fields)``."""
    return type(event).__name__, plain_values(event)
