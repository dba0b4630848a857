"""The labelling workspace's state: the pile, its categories, each picture's label and the model's
suggestions; and the one undo command every change goes through.

Why one snapshot command and not one per kind of change: a change is small (a few thousand
entries at most) and a snapshot makes category renames and deletes undoable with the labels they
carried, with no special case to get wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

#: Pictures each category needs before the model can suggest anything.
MIN_PER_CATEGORY = 3
MAX_CATEGORIES = 9  # one number key each


translate = QCoreApplication.translate  # lupdate reads translate("LabelView", …) calls, not a wrapper


def category_problem(name: str, existing: list[str], *, ignore: str | None = None) -> str:
    """Why ``name`` cannot be a category ("" when it can), in words for the user."""
    name = name.strip()
    if not name:
        return translate("LabelView", "Give the category a name.")
    if name in {".", ".."}:
        return translate("LabelView", "A category cannot be called “.” or “..”. Choose another name.")
    if "/" in name or "\\" in name:
        return translate("LabelView", "A category name cannot contain “/” or “\\”. Choose another name.")
    if any(c.casefold() == name.casefold() for c in existing if c != ignore):
        return translate("LabelView", "There is already a category with this name.")
    return ""


@dataclass(frozen=True)
class Suggestion:
    label: str
    confidence: float
    rank: int


@dataclass(frozen=True)
class Snapshot:
    categories: tuple[str, ...]
    labels: dict[str, str]


class LabelState:
    """What the user has labelled. ``changed`` is called after every change (the view redraws,
    saves and asks for new suggestions)."""

    def __init__(self, on_change: Callable[[], None] | None = None) -> None:
        self.folder = ""
        self.pictures: list[str] = []
        self.categories: list[str] = []
        self.labels: dict[str, str] = {}
        self.suggestions: dict[str, Suggestion] = {}
        self.on_change = on_change

    def reset(self, folder: str, pictures: list[str], categories: list[str], labels: dict[str, str]) -> None:
        self.folder, self.pictures = folder, list(pictures)
        self.categories = list(categories)[:MAX_CATEGORIES]
        self.labels = {p: c for p, c in labels.items() if c in self.categories}
        self.suggestions = {}

    def snapshot(self) -> Snapshot:
        return Snapshot(tuple(self.categories), dict(self.labels))

    def restore(self, snap: Snapshot) -> None:
        self.categories = list(snap.categories)
        self.labels = dict(snap.labels)
        known = set(self.categories)
        self.suggestions = {p: s for p, s in self.suggestions.items() if s.label in known}
        if self.on_change is not None:
            self.on_change()

    def counts(self) -> dict[str, int]:
        out = {c: 0 for c in self.categories}
        for c in self.labels.values():
            out[c] = out.get(c, 0) + 1
        return out

    def ready_to_suggest(self) -> bool:
        counts = self.counts()
        return len(self.categories) >= 2 and all(n >= MIN_PER_CATEGORY for n in counts.values())

    def unlabelled(self) -> list[str]:
        return [p for p in self.pictures if p not in self.labels]

    def suggestion(self, path: str) -> Suggestion | None:
        return None if path in self.labels else self.suggestions.get(path)

    # -- what a change would be (the view wraps these in a ChangeCommand) -----------------
    def with_labels(self, paths: list[str], category: str | None) -> Snapshot:
        labels = dict(self.labels)
        for p in paths:
            if category is None:
                labels.pop(p, None)
            else:
                labels[p] = category
        return Snapshot(tuple(self.categories), labels)

    def with_accepted(self, paths: list[str]) -> Snapshot:
        labels = dict(self.labels)
        for p in paths:
            s = self.suggestion(p)
            if s is not None and s.label in self.categories:
                labels[p] = s.label
        return Snapshot(tuple(self.categories), labels)

    def with_category(self, name: str) -> Snapshot:
        return Snapshot((*self.categories, name), dict(self.labels))

    def with_renamed(self, old: str, new: str) -> Snapshot:
        cats = tuple(new if c == old else c for c in self.categories)
        return Snapshot(cats, {p: (new if c == old else c) for p, c in self.labels.items()})

    def with_deleted(self, name: str) -> Snapshot:
        cats = tuple(c for c in self.categories if c != name)
        return Snapshot(cats, {p: c for p, c in self.labels.items() if c != name})

    def above(self, threshold: float) -> dict[str, list[str]]:
        """Unlabelled pictures whose suggestion is at least ``threshold`` sure, per category."""
        out: dict[str, list[str]] = {}
        for p in self.unlabelled():
            s = self.suggestions.get(p)
            if s is not None and s.confidence >= threshold and s.label in self.categories:
                out.setdefault(s.label, []).append(p)
        return out


class ChangeCommand(QUndoCommand):
    """One undoable step: the state before and after."""

    def __init__(self, state: LabelState, after: Snapshot, text: str) -> None:
        super().__init__(text)
        self.state, self.before, self.after = state, state.snapshot(), after

    def redo(self) -> None:
        self.state.restore(self.after)

    def undo(self) -> None:
        self.state.restore(self.before)
