"""Sorting the Classify view's pictures into folders, and undoing it: background jobs over
:mod:`engine.sort_by_prediction` and :mod:`engine.sort_journal`.

The rows the view already holds (plain values, one per picture) are what gets sorted: nothing is
classified again. The preview of the threshold slider is computed here from the same rows by the
same planning function, without touching the disk.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from PySide6.QtCore import Signal

from .framework import Job

#: Shown for the pictures below the threshold (the engine's folder name for them).
UNSURE_FOLDER = "_unsure"


def preview_counts(rows: Sequence[Mapping], min_confidence: float) -> dict[str, int]:
    """Pictures per destination folder at this threshold (unreadable ones not counted)."""
    from ...engine.sort_by_prediction import category_folders

    good = [r for r in rows if not r.get("error") and r.get("predictions")]
    folders = category_folders(r["predictions"][0][0] for r in good)
    out: dict[str, int] = {}
    for r in good:
        label, score = r["predictions"][0][0], r["predictions"][0][1]
        folder = folders[label] if score >= min_confidence else UNSURE_FOLDER
        out[folder] = out.get(folder, 0) + 1
    return out


def destination_problem(dst: str, sources: Sequence[str]) -> str:
    """Why ``dst`` cannot take the pictures ("" when it can), said before anything moves."""
    from ...engine.errors import SortError
    from ...engine.sort_by_prediction import check_destination

    try:
        check_destination(dst, sources)
    except SortError as exc:
        return str(exc)
    return ""


def can_undo(dst: str) -> bool:
    from ...engine.sort_by_prediction import sorted_into

    return bool(dst) and sorted_into(dst)


class SortJob(Job):
    """Copies or moves the pictures of ``rows`` into ``dst``; ``sorted`` carries the outcome as
    plain values (``placed``, ``left``, ``stopped``, ``report``)."""

    progress = Signal(int, int)
    sorted = Signal(dict)

    def __init__(self, rows: Sequence[Mapping], dst: str, *, move: bool, min_confidence: float,
                 sources: Sequence[str] = ()) -> None:
        super().__init__()
        self.rows = [dict(r) for r in rows]
        self.dst, self.move, self.min_confidence, self.sources = dst, move, min_confidence, list(sources)

    def work(self) -> None:
        from ...engine.sort_by_prediction import apply_sort, plan_by_prediction

        plan = plan_by_prediction(self.rows, min_confidence=self.min_confidence)
        outcome = apply_sort(plan, self.dst, move=self.move, sources=self.sources,
                             progress=lambda d, t: self.progress.emit(int(d), int(t)), cancel=self.cancel_event)
        result: dict[str, Any] = outcome.to_dict()
        result["counts"] = plan.counts()
        result["dst"] = self.dst
        self.sorted.emit(result)


class UndoSortJob(Job):
    """Puts back what the sorts into ``dst`` moved or copied; ``undone`` carries the report."""

    progress = Signal(int, int)
    undone = Signal(dict)

    def __init__(self, dst: str) -> None:
        super().__init__()
        self.dst = dst

    def work(self) -> None:
        from ...engine.sort_journal import undo_sort

        report = undo_sort(self.dst, progress=lambda d, t: self.progress.emit(int(d), int(t)))
        self.undone.emit(report.to_dict())
