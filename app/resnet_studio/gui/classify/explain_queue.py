"""The "Show why" queue: heat maps asked of the inference worker for the cards on screen.

The delegate asks for a card's heat map when it paints one that has none (``heat_needed``); the
queue sends the request to the worker once, keeps it until the answer comes (``explained``), and
drops the queued ones when the user turns "Show why" off or clears the list.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject

translate = QCoreApplication.translate  # texts keep the "ClassifyView" context of the .ts file


class ExplainQueue(QObject):
    """Heat-map requests for ``view``'s cards (its ``model`` and its ``client``)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        # heat maps asked of the worker and not answered yet, and the token that drops the
        # queued ones when the user turns it off or clears the list.
        self.pending: set[tuple] = set()
        self._cancel = threading.Event()
        self.error_shown = False

    def on_heat_needed(self, record_id: int) -> None:
        model = self.view.model
        r = model.record_by_id(record_id)
        if r is None or not model.show_why:
            return
        key = r.explain_key(model.why_layer)
        if key is None or key in r.heat or key in r.heat_failed or (record_id, key) in self.pending:
            return
        self.pending.add((record_id, key))
        self.view.client.explain({"key": (record_id, key), "model": r.model, "path": r.path, "label": key[0],
                                  "layer": key[1], "thumb": r.thumb, "cancel": self._cancel})

    def on_explained(self, reply: dict) -> None:
        record_id, key = reply["key"]
        if (record_id, key) not in self.pending:
            return  # turned off or cleared meanwhile
        self.pending.discard((record_id, key))
        heat = reply.get("heat")
        model = self.view.model
        model.set_heat(record_id, key, heat)
        if heat is not None or self.error_shown:
            return
        self.error_shown = True  # one message, not one per card
        r = model.record_by_id(record_id)
        name = r.name if r is not None else ""
        if reply.get("reason") == "other-model":
            text = translate("ClassifyView",
                             "{name} was classified with another model: classify it again to see why.").format(name=name)
        else:
            text = translate("ClassifyView", "Could not show why for {name}: {message}").format(
                name=name, message=reply.get("message", ""))
        self.view.status_message.emit(text, 8000)

    def drop_requests(self) -> None:
        self._cancel.set()
        self._cancel = threading.Event()
        self.pending.clear()
