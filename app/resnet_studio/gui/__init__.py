"""The desktop app (PySide6 widgets).

Thin by design: widgets, layouts and signals. All engine work goes through the QThread workers in
:mod:`.jobs`; no module in this package imports torch at import time, so the window can appear
while torch is still loading on a worker thread.
"""
