"""Starting the desktop app: ``run_app(argv)`` shows the window first, then loads the engine.

Order matters for start-up time: Qt and our widgets load in a few hundred milliseconds; torch
(seconds) is imported by the inference worker thread after the window is on screen, while the
status bar says "Loading engine…". Image paths given on the command line ("Open with…") are
classified as soon as the model is ready.
"""

from __future__ import annotations

import os
import sys
import time

_T0 = time.perf_counter()


def load_style_sheet() -> str:
    from .i18n import resources_dir

    try:
        return (resources_dir() / "style.qss").read_text(encoding="utf-8")
    except OSError:
        return ""


def file_open_path(event) -> str:
    """The local path a ``QFileOpenEvent`` names ("" for anything else)."""
    from PySide6.QtCore import QEvent

    if event.type() != QEvent.Type.FileOpen:
        return ""
    from .widgets.drop_zone import local_path

    path = event.file() or local_path(event.url())
    return path if path and os.path.exists(path) else ""


def _application_class():
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QApplication

    class StudioApplication(QApplication):
        """Catches macOS "Open with ResNet Studio" / files dropped on the Dock icon: Finder sends a
        ``QFileOpenEvent`` to the application (not argv), at start-up or while it runs. Paths that
        arrive before the window can take them are kept in ``opened_paths``."""

        file_opened = Signal(str)

        def __init__(self, argv: list[str]) -> None:
            super().__init__(argv)
            self.opened_paths: list[str] = []

        def event(self, event) -> bool:  # noqa: D401 - Qt override
            path = file_open_path(event)
            if path:
                self.opened_paths.append(path)
                self.file_opened.emit(path)
                return True
            return super().event(event)

    return StudioApplication


def create_application(argv: list[str]):
    """The ``QApplication`` with our names, style, sheet and icon (reused when one exists)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QPixmapCache
    from PySide6.QtWidgets import QApplication

    from .settings import APPLICATION, ORGANIZATION

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or _application_class()([sys.argv[0] if sys.argv else "resnet-studio", *argv])
    app.setApplicationDisplayName("ResNet Studio")
    if sys.platform.startswith("linux"):
        app.setStyle("Fusion")  # the same look on every desktop; follows the light/dark palette
    app.setStyleSheet(load_style_sheet())
    QPixmapCache.setCacheLimit(64 * 1024)  # KiB: thumbnails of the visible result cards
    from .widgets.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def run_app(argv: list[str]) -> int:
    """Open the main window; ``argv`` may hold image files or folders to classify right away."""
    app = create_application(argv)
    from .errors import install_excepthook
    from .i18n import LanguageManager, resolve_language
    from .main_window import MainWindow
    from .settings import Settings

    settings = Settings()
    languages = LanguageManager()
    languages.apply(resolve_language(settings.language))
    # PyTorch or ONNX Runtime on the CPU ("auto" lets the engine choose); a troubleshooting knob.
    backend = os.environ.get("RESNET_STUDIO_INFERENCE_BACKEND", "auto")
    window = MainWindow(settings, languages, backend=backend)
    install_excepthook()
    paths = [a for a in app.arguments()[1:] if not a.startswith("-") and os.path.exists(a)]

    exit_after_show = os.environ.get("RESNET_STUDIO_EXIT_AFTER_SHOW") == "1"
    with_engine = os.environ.get("RESNET_STUDIO_BENCH_START_ENGINE") == "1"
    if exit_after_show:
        # Start-up benchmark (bench/startup_time.py): report the first paint (and, when the
        # engine is started, the moment the device is known), then close cleanly.
        def report_shown() -> None:
            print(f"window-shown {time.perf_counter() - _T0:.4f}", flush=True)
            if not with_engine:
                window.shutdown()
                window.close()

        def report_ready(_text: str) -> None:
            print(f"engine-ready {time.perf_counter() - _T0:.4f}", flush=True)
            window.shutdown()  # no "stop the job?" question: the model may still be loading
            window.close()

        window.shown.connect(report_shown)
        window.client.engine_ready.connect(report_ready)
    window.show()
    from PySide6.QtCore import QTimer

    def start() -> None:
        window.start()
        # "Open with" on macOS: files Finder sent before now, then any that come while running
        early = list(getattr(app, "opened_paths", []))
        window.classify_on_start(paths + [p for p in early if p not in paths])
        if hasattr(app, "file_opened"):
            app.file_opened.connect(lambda p: window.classify_on_start([p]))

    if not exit_after_show or with_engine:
        QTimer.singleShot(0, start)
    return app.exec()
