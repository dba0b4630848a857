"""The Classify tab, one room per job (``gui/classify_view.py`` re-exports ``ClassifyView``).

- ``view.py``: ``ClassifyView``, which lays out (through ``layout``) and reacts: the worker's
  signals, the classification jobs' bookkeeping, progress, summary, sort/filter, context menu.
- ``layout.py``: the widgets and actions in their focus order, and how the rows fit a narrow window.
- ``intake.py``: drop, paste and open → paths (or a pasted picture).
- ``model_state.py``: none → loading → ready | failed, the model banner, the weights download.
- ``export.py``: CSV export (dialog and task).
- ``explain_queue.py``: the "Show why" heat maps asked of the worker.
- ``retrain_flow.py``: correct ("Right" / "Wrong…") and retrain, with its own ``TrainWorker``.

The engine calls of the retrain flow are in ``gui/jobs/corrections.py``. Texts keep the
"ClassifyView" translation context wherever they moved (``translate("ClassifyView", ...)``).
"""
