"""One classification result as the results list holds it: :class:`ResultRecord`.

Plain Python values plus a small ``QImage`` thumbnail. The inference worker sends the engine's
plain row of a result (``ClassifyResult.plain``) with the spec that made it and the thumbnail; the
record keeps those values (:func:`record_from_item`) and gives the same row back for the CSV
export (:meth:`ResultRecord.to_export`), which the engine writes as it is: one conversion each way.
The list model is in :mod:`.results_model`, the card painting in :mod:`.results`.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field

from PySide6.QtGui import QImage

from ..label_names import is_imagenet_model, names_in_every_language

_ids = itertools.count(1)


@dataclass
class ResultRecord:
    path: str
    predictions: list[tuple[str, float, int]]  # (label, score, class index), best first
    error: str | None = None
    thumb: QImage | None = None
    expanded: bool = False
    order: int = 0
    id: int = field(default_factory=lambda: next(_ids))
    folded: str = ""  # name + top-1 label, case-folded once, for filtering
    label_folded: str = ""  # for sorting by label
    model: str = ""  # the model spec that classified it ("why" must ask the same model)
    # Which model made it, as the engine words it (the CSV's model, model_file, backend columns):
    # display name, file (or "ImageNet ResNet-18"), backend and precision.
    model_name: str = ""
    model_file: str = ""
    backend: str = ""
    explain_rank: int = 0  # which of the top-k labels "Show why" explains (0: the top one)
    # "Show why" heat images (coloured maps at the thumbnail's size) per (class index, layer),
    # and the keys that could not be computed (not asked again).
    heat: dict = field(default_factory=dict)
    heat_failed: set = field(default_factory=set)
    # Correct and retrain: the category this picture was added to in the model's training folder
    # ("" when not yet), where the copy went, and whether the copy is still being made.
    corrected: str = ""
    corrected_path: str = ""
    correcting: bool = False

    def __post_init__(self) -> None:
        self.label_folded = self.label.casefold()
        self.folded = f"{self.name}\n{self.label}".casefold() if not self.error else self.name.casefold()
        if not self.error and is_imagenet_model(self.model):
            self.folded += "\n" + names_in_every_language(self.label).casefold()  # found in either language
        # Sort keys computed once, so sorting 10,000 cards is a C-level sort (milliseconds).
        err, score = self.error is not None, self.score
        self.key_added = self.order
        self.key_label = (err, self.label_folded, -score, self.order)  # unreadable files last
        self.key_confidence_desc = (-score, self.order)
        self.key_confidence_asc = (err, score, self.order)

    @property
    def name(self) -> str:
        return os.path.basename(self.path) or self.path

    @property
    def label(self) -> str:
        return self.predictions[0][0] if self.predictions else ""

    @property
    def score(self) -> float:
        """Top-1 confidence; -1 for files that could not be read (sorts them last)."""
        return self.predictions[0][1] if self.predictions else -1.0

    def set_predictions(self, predictions: list, error: str | None, model: str, thumb: QImage | None,
                        provenance: dict | None = None) -> None:
        """A new answer for the same picture (classified again by another model); ``provenance``
        holds the row's ``model``, ``model_file`` and ``backend``."""
        self.predictions, self.error, self.model = list(predictions), error, model
        prov = provenance or {}
        self.model_name = str(prov.get("model", ""))
        self.model_file = str(prov.get("model_file", ""))
        self.backend = str(prov.get("backend", ""))
        if thumb is not None:
            self.thumb = thumb
        self.explain_rank = 0
        self.heat.clear()
        self.heat_failed.clear()
        self.__post_init__()

    def explain_key(self, layer: str) -> tuple[int | str, str] | None:
        """What a heat map for the chosen label at ``layer`` is cached under (None: nothing to explain)."""
        if self.error or not self.predictions:
            return None
        label, _score, index = self.predictions[min(self.explain_rank, len(self.predictions) - 1)]
        return (index if index >= 0 else label), layer

    def to_export(self) -> dict:
        """The engine's plain row of this result (what ``engine.predict.write_results_csv`` takes)."""
        return {"path": self.path, "predictions": list(self.predictions), "error": self.error,
                "model": self.model_name, "model_file": self.model_file, "backend": self.backend}


def record_from_item(d: dict, *, expanded: bool, order: int) -> ResultRecord:
    """The record of one item sent by the inference worker: the engine's plain row (path,
    predictions, error, model, model_file, backend) plus ``spec`` and ``thumb``."""
    return ResultRecord(
        path=d["path"], predictions=list(d["predictions"]), error=d.get("error"),
        thumb=d.get("thumb"), expanded=expanded, order=order,
        model=str(d.get("spec", "")), model_name=str(d.get("model", "")),
        model_file=str(d.get("model_file", "")), backend=str(d.get("backend", "")),
    )
