"""Every screenshot in docs/screenshots, in English and Simplified Chinese, made from the real app.

    python -m resnet_studio.gui.screenshots docs/screenshots [--only camera_live,classify_explain]

Offline and repeatable (see :mod:`.world`): generated shapes, a seeded random-init
ResNet-18 standing in for the ImageNet weights, small models trained by the real engine (one of
them in the Train view). Each scene sets the main window up, then the language is switched live
(as the Language menu does) and the same state is shot in each language. Chinese text needs a
CJK font (e.g. ``apt-get install fonts-noto-cjk``). A few minutes on a laptop CPU.

One module per scene (``classify``, ``train``, ``models``, ``runs``, ``lr_finder``, ``camera``,
``correct``), the offline world they share (``world``: generated pictures and weights, an isolated
data folder, the window and how it is shot), and ``make_all`` (the scenes in order and the command line; ``__main__`` runs it).
Tooling only: the app never imports this package.
"""

from __future__ import annotations

from .make_all import ALL_SHOTS, SCENES, main  # noqa: F401
