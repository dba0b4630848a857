"""What the Models view's rows carry and which page is which, shared by its parts."""

from __future__ import annotations

from PySide6.QtCore import Qt

SPEC_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "zoo" | "trained" | "broken"
RUN_ROLE = Qt.ItemDataRole.UserRole + 3  # run id
SORT_ROLE = Qt.ItemDataRole.UserRole + 4  # what a runs column sorts by
MODELS_PAGE, RUNS_PAGE = 0, 1
