"""Starting the desktop app: ``run_app(argv)`` shows the window first, then loads the engine.

Order matters for start-up time: Qt and our widgets load in a few hundred milliseconds; torch
(seconds) is imported by the inference worker thread after the window is on screen, while the
status bar says "Loading engine…". Image paths given on the command line ("Open with…") are
classified as soon as the model is ready; a model file (``.safetensors``) among them is imported
into the library first and the pictures are classified with it (``MainWindow.classify_on_start``).
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


#: Qt platforms that draw into memory or a framebuffer: they need no display server.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"})
NO_DISPLAY_MESSAGE = ("ResNet Studio needs a screen to show its window: no display was found. "
                      "To classify without a window use: resnet-studio classify PHOTOS "
                      "(resnet-studio --help lists every command).")
NO_WINDOW_SYSTEM_MESSAGE = ("ResNet Studio could not open its window: the system libraries Qt needs "
                            "for windows are missing on this computer. README.md lists them "
                            "(Debian/Ubuntu: sudo apt install libxcb-cursor0 libxkbcommon-x11-0 libegl1).")
#: The exit code when the window cannot be shown (as the CLI's "usage or environment" errors).
NO_WINDOW_EXIT = 2


def _requested_platforms(argv: list[str], environ) -> list[str]:
    """The Qt platforms asked for by ``-platform NAME`` or QT_QPA_PLATFORM ("xcb;offscreen" tries
    both in turn), lower case; empty when nobody asked (Qt then picks wayland or xcb)."""
    for i, arg in enumerate(argv):
        if arg in ("-platform", "--platform") and i + 1 < len(argv):
            return [p.split(":", 1)[0].strip().lower() for p in argv[i + 1].split(";") if p.strip()]
    value = environ.get("QT_QPA_PLATFORM", "")
    return [p.split(":", 1)[0].strip().lower() for p in value.split(";") if p.strip()]


def display_missing(argv: list[str], environ=None, platform: str | None = None) -> bool:
    """True when, on Linux, the window is sure to fail for want of a display: nothing headless
    asked for, and no X11 (DISPLAY) or Wayland (WAYLAND_DISPLAY) session to draw on. Cheap (no Qt):
    the common case, an SSH shell or a container, is told before Qt would abort."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return False
    wanted = _requested_platforms(argv, environ)
    if any(p in HEADLESS_PLATFORMS for p in wanted):
        return False
    has_x, has_wayland = bool(environ.get("DISPLAY")), bool(environ.get("WAYLAND_DISPLAY"))
    if not wanted:
        return not (has_x or has_wayland)
    return not any((p == "xcb" and has_x) or (p.startswith("wayland") and has_wayland) for p in wanted)


def _wayland_socket_exists(environ) -> bool:
    """Whether WAYLAND_DISPLAY names a socket that is there (Qt's Wayland plugin fails on a dead
    one with the same words as on a missing library, so the socket tells the two apart)."""
    name = environ.get("WAYLAND_DISPLAY") or "wayland-0"
    path = name if os.path.isabs(name) else os.path.join(environ.get("XDG_RUNTIME_DIR", ""), name)
    return os.path.exists(path)


def _construct_guarded(make):
    """Run ``make()`` (the QApplication constructor) so that a missing display or window system
    ends the process with one plain sentence and exit code 2 instead of Qt's abort.

    Qt reports the failure through its message handler (warnings such as "could not connect to
    display", then a fatal message) and then calls abort() inside the constructor, so no Python
    exception could catch it. The handler installed here sees that fatal message first and ends
    the process itself (``os._exit``: nothing has been made yet that could be lost). Qt's own lines
    are held back meanwhile and the previous handler is back once the application exists, so later
    messages are untouched. This costs nothing when the window opens, unlike probing in a
    subprocess, and it also covers a DISPLAY that points nowhere, which no environment check can.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    held: list[str] = []

    def handler(kind, context, message: str) -> None:
        if kind != QtMsgType.QtFatalMsg:
            category = getattr(context, "category", "") or "default"
            held.append(message if category == "default" else f"{category}: {message}")
            return
        no_display = any("could not connect to display" in m for m in held) or (
            any('"wayland' in m for m in held) and not _wayland_socket_exists(os.environ))
        if sys.stderr is not None:  # a windowed app on Windows has none
            sys.stderr.write((NO_DISPLAY_MESSAGE if no_display else NO_WINDOW_SYSTEM_MESSAGE) + "\n")
            if os.environ.get("RESNET_STUDIO_DEBUG"):
                sys.stderr.write("\n".join([*held, message]) + "\n")
            sys.stderr.flush()
        os._exit(NO_WINDOW_EXIT)

    previous = qInstallMessageHandler(handler)
    try:
        app = make()
    finally:
        qInstallMessageHandler(previous)
    if held and sys.stderr is not None:  # not a failure after all (a fallback platform worked): as Qt would
        sys.stderr.write("\n".join(held) + "\n")
    return app


def create_application(argv: list[str]):
    """The ``QApplication`` with our names, style, sheet and icon (reused when one exists)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QPixmapCache
    from PySide6.QtWidgets import QApplication

    from .settings import APPLICATION, ORGANIZATION

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or _construct_guarded(
        lambda: _application_class()([sys.argv[0] if sys.argv else "resnet-studio", *argv]))
    app.setApplicationDisplayName("ResNet Studio")
    if sys.platform.startswith("linux"):
        app.setStyle("Fusion")  # the same look on every desktop; follows the light/dark palette
    app.setStyleSheet(load_style_sheet())
    QPixmapCache.setCacheLimit(64 * 1024)  # KiB: thumbnails of the visible result cards
    from .widgets.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def run_app(argv: list[str]) -> int:
    """Open the main window; ``argv`` may hold image files or folders to classify right away.
    Without a display it says so on stderr and returns 2."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None and display_missing(argv):
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return NO_WINDOW_EXIT
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
    code = app.exec()
    if window.left_running():
        exit_now(code)
    return code


def exit_now(code: int) -> None:
    """End the process at once, leaving threads that are still loading torch or a model.

    Only called after the window's shutdown has saved the settings and waited for everything the
    user made (training runs, exports, library changes); what is left only loads, and Qt would
    abort when its thread objects are destroyed during a normal exit. Idle training helpers are
    ended first, for at most half a second (a helper still starting holds the helpers' lock; it
    ends by itself once this process is gone).
    """
    job_process = sys.modules.get("resnet_studio.engine.job_process")
    if job_process is not None:
        import threading

        ender = threading.Thread(target=job_process.shutdown, kwargs={"timeout": 0.2}, daemon=True)
        ender.start()
        ender.join(0.5)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
