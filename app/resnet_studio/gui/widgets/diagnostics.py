"""Help → Diagnostics: the self-test run in the app, each check shown as soon as it finishes.

The checks (``resnet_studio.selftest``) run on a :class:`~..jobs.framework.Task` thread; each result
crosses to the GUI thread as a plain dict through a queued signal. The report copied to the
clipboard is the same text ``resnet-studio --self-test`` prints (English, for a bug report).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QProgressBar, QPushButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..jobs.framework import Task
from ..jobs.inference import run_self_test
from .results_colors import is_dark

_MARKS = {"ok": "✓", "warning": "⚠", "failed": "✗"}


def _status_color(status: str, dark: bool) -> QColor:
    if status == "ok":
        return QColor("#3fb950") if dark else QColor("#1a7f37")
    if status == "warning":
        return QColor("#f0b429") if dark else QColor("#9a6700")
    return QColor("#ff7b72") if dark else QColor("#c62828")


class _Relay(QObject):
    """Lives on the GUI thread; the self-test thread emits through it (a queued connection)."""

    result = Signal(object)


class DiagnosticsDialog(QDialog):
    """Runs the self-test when shown (``start()``), lists the checks, copies the report."""

    finished_checks = Signal(list)  # the result dicts, when the run ends (done or cancelled)

    def __init__(self, parent: QWidget | None = None, *, device: str = "auto", backend: str = "auto",
                 checks: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsDialog")
        self.setMinimumSize(620, 420)
        self._device, self._backend, self._checks = device, backend, checks
        self._results: list[dict] = []
        self._task: Task | None = None
        self._cancelled = False
        self._relay = _Relay(self)
        self._relay.result.connect(self._on_result)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("diagnosticsStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.tree = QTreeWidget()
        self.tree.setObjectName("diagnosticsChecks")
        self.tree.setColumnCount(2)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyReportButton")
        self.copy_button.clicked.connect(self.copy_report)
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.progress)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._update_state()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Diagnostics"))
        self.intro.setText(self.tr("ResNet Studio checks that each of its parts works on this computer. "
                                   "This takes a few seconds. If something fails, copy the report and send it "
                                   "with your question."))
        self.tree.setHeaderLabels([self.tr("Check"), self.tr("Result")])
        self.copy_button.setText(self.tr("Copy report"))
        self.copy_button.setToolTip(self.tr("Copy the full report, with technical details, to the clipboard"))
        self.run_button.setText(self.tr("Run again"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop after the check that is running now"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("Close"))
        self._show_status()

    def changeEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- running ---------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._task is not None

    def start(self) -> None:
        """Run the checks (again); does nothing while a run is going on."""
        if self._task is not None:
            return
        from ...selftest import check_names

        names = self._checks or check_names()
        self._results = []
        self._cancelled = False
        self.tree.clear()
        self.progress.setRange(0, len(names))
        self.progress.setValue(0)
        task = Task(run_self_test, on_result=self._relay.result.emit, device=self._device,
                    backend=self._backend, with_cancel=True, name="self-test", background=True,
                    **({"only": list(self._checks)} if self._checks else {}))
        task.failed.connect(self._on_failed)
        task.finished.connect(self._on_finished)
        self._task = task.start()
        self._update_state()

    def cancel(self) -> None:
        if self._task is not None:
            self._cancelled = True
            self._task.cancel()
            self._show_status()

    def reject(self) -> None:
        self.cancel()  # a run left behind stops after its current check
        super().reject()

    @Slot(object)
    def _on_result(self, result: dict) -> None:
        if self._task is None:
            return
        self._results.append(result)
        self._add_item(result)
        self.progress.setValue(len(self._results))
        self._show_status()

    def _add_item(self, result: dict) -> None:
        status = result.get("status", "failed")
        item = QTreeWidgetItem([f"{_MARKS.get(status, '?')}  {result['name']}", result.get("message", "")])
        item.setForeground(0, QBrush(_status_color(status, is_dark(self.palette()))))
        item.setData(0, Qt.ItemDataRole.UserRole, status)
        item.setToolTip(1, result.get("message", ""))
        details = (result.get("details") or "").strip()
        # Expanding a check shows its whole sentence (the column may cut it) and the technical text.
        child = QTreeWidgetItem(["\n\n".join(t for t in (result.get("message", ""), details) if t)])
        item.addChild(child)
        self.tree.addTopLevelItem(item)
        child.setFirstColumnSpanned(True)
        if status == "failed" and details:
            item.setExpanded(True)  # what went wrong, without a click

    @Slot(str, str)
    def _on_failed(self, message: str, details: str) -> None:
        self._add_item({"name": self.tr("Self-test"), "status": "failed", "message": message, "details": details})

    @Slot()
    def _on_finished(self) -> None:
        self._task = None
        self._update_state()
        self._show_status()
        self.finished_checks.emit(list(self._results))

    def _update_state(self) -> None:
        running = self._task is not None
        self.cancel_button.setVisible(running)
        self.run_button.setVisible(not running)
        self.copy_button.setEnabled(bool(self._results) and not running)
        self.progress.setVisible(running)

    def _show_status(self) -> None:
        failed = sum(r.get("status") == "failed" for r in self._results)
        warned = sum(r.get("status") == "warning" for r in self._results)
        if self._task is not None:
            text = self.tr("Stopping after this check…") if self._cancelled else self.tr("Checking… {done} done.").format(
                done=len(self._results))
        elif self._cancelled:
            text = self.tr("Cancelled after %n checks.", "", len(self._results))
        elif not self._results:
            text = ""
        elif failed:
            text = self.tr("{failed} of {n} checks failed: see the ✗ lines (click one for details).").format(
                failed=failed, n=len(self._results))
        elif warned:
            text = self.tr("ResNet Studio works; see the ⚠ lines for what you may want to fix.")
        else:
            text = self.tr("Everything works.")
        self.status.setText(text)

    # -- report ----------------------------------------------------------------------------
    def results(self) -> list[dict]:
        return list(self._results)

    def report_text(self) -> str:
        from ...selftest import CheckResult, format_report

        fields = ("name", "ok", "message", "details", "warning", "seconds")
        results = [CheckResult(**{k: r[k] for k in fields if k in r}) for r in self._results if "ok" in r]
        text = format_report(results, verbose=True)
        if self._cancelled:
            text += "(cancelled before the remaining checks)\n"
        return text

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
        self.status.setText(self.tr("The report is on the clipboard."))
