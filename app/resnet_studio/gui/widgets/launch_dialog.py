""""Run on a bigger machine…": the exact torchrun command (and a launch script) for the current
dataset and settings, for a user who hands the training to a GPU server or a cluster.

The command comes from :mod:`engine.launch_command` (no torch there); this dialog only lets the
user say where things are on that machine, how many GPUs and machines, and copy or save the result.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...engine import launch_command as lc
from ...engine.errors import StudioError
from .train_common import HintLabel

_GPU_CHOICES = ("gpu", "1", "2", "4", "8")


class LaunchDialog(QDialog):
    script_saved = Signal(str)

    def __init__(self, data_dir: str, config: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("launchDialog")
        self.setMinimumWidth(640)
        self._config = dict(config)
        name = str(self._config.get("name") or Path(data_dir).name or "model")
        from ...engine.paths import safe_file_stem

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.data_label, self.data_edit = QLabel(self), QLineEdit(data_dir, self)
        self.out_label, self.out_edit = QLabel(self), QLineEdit(f"{safe_file_stem(name)}.safetensors", self)
        self.gpus_label, self.gpus_combo = QLabel(self), QComboBox(self)
        for value in _GPU_CHOICES:
            self.gpus_combo.addItem(value, value)
        self.nodes_label, self.nodes_spin = QLabel(self), QSpinBox(self)
        self.nodes_spin.setRange(1, 256)
        self.endpoint_label, self.endpoint_edit = QLabel(self), QLineEdit(self)
        self.lr_auto_check = QCheckBox(self)
        self.shell_label, self.shell_combo = QLabel(self), QComboBox(self)
        for shell in lc.SHELLS:
            self.shell_combo.addItem("", shell)
        if os.name == "nt":
            self.shell_combo.setCurrentIndex(lc.SHELLS.index("powershell"))

        self.command_view = QPlainTextEdit(self)
        self.command_view.setReadOnly(True)
        self.command_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.command_view.setMinimumHeight(90)
        self.command_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("launchProblem")
        self.import_hint = HintLabel(parent=self)

        self.copy_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, field in ((self.data_label, self.data_edit), (self.out_label, self.out_edit),
                             (self.gpus_label, self.gpus_combo), (self.nodes_label, self.nodes_spin),
                             (self.endpoint_label, self.endpoint_edit), (self.shell_label, self.shell_combo)):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.lr_auto_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.command_view, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.import_hint)
        layout.addWidget(self.buttons)

        for signal in (self.data_edit.textChanged, self.out_edit.textChanged, self.gpus_combo.currentIndexChanged,
                       self.nodes_spin.valueChanged, self.endpoint_edit.textChanged, self.lr_auto_check.toggled,
                       self.shell_combo.currentIndexChanged):
            signal.connect(self._refresh)
        self.copy_button.clicked.connect(self.copy_command)
        self.save_button.clicked.connect(self._ask_save)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()

    # ---- texts

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Run on a bigger machine"))
        self.intro.setText(self.tr(
            "Train the same model on a computer with NVIDIA GPUs, or on several: copy the dataset folder "
            "there, install ResNet Studio (pip install resnet-studio), and run this command there."))
        self.data_label.setText(self.tr("&Dataset folder there:"))
        self.data_edit.setToolTip(self.tr("Where the dataset folder is on that computer."))
        self.out_label.setText(self.tr("&Model file:"))
        self.out_edit.setToolTip(self.tr("Where the trained model is saved on that computer."))
        self.gpus_label.setText(self.tr("&GPUs per machine:"))
        self.gpus_combo.setItemText(0, self.tr("All GPUs"))
        self.nodes_label.setText(self.tr("Mac&hines:"))
        self.nodes_spin.setToolTip(self.tr("More than one: run the same command on every machine."))
        self.endpoint_label.setText(self.tr("&First machine's address:"))
        self.endpoint_edit.setPlaceholderText(self.tr("for example gpu-server-1:29400"))
        self.endpoint_edit.setToolTip(self.tr("Every machine connects to this one (host name or IP, and a free port)."))
        self.lr_auto_check.setText(self.tr("Find the learning rate there first (--lr auto)"))
        self.shell_label.setText(self.tr("She&ll:"))
        self.shell_combo.setItemText(0, self.tr("Linux or macOS (bash)"))
        self.shell_combo.setItemText(1, self.tr("Windows (PowerShell)"))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy the command to the clipboard."))
        self.save_button.setText(self.tr("&Save launch script…"))
        self.import_hint.setText(self.tr(
            "When it is done, bring the model file back to this computer and add it in Models with "
            "Import model…"))
        self._refresh()

    # ---- the command

    def shell(self) -> str:
        return str(self.shell_combo.currentData())

    def _options(self) -> dict:
        return {
            "nproc_per_node": self.gpus_combo.currentData(),
            "nnodes": self.nodes_spin.value(),
            "rdzv_endpoint": self.endpoint_edit.text().strip() or None,
            "lr_auto": self.lr_auto_check.isChecked(),
        }

    def command_args(self) -> list[str]:
        """The command as arguments; raises :class:`StudioError` while a field is missing or wrong."""
        return lc.torchrun_command(self.data_edit.text().strip(), self.out_edit.text().strip(), self._config,
                                   **self._options())

    def command_text(self) -> str:
        """What is shown and copied ('' while a field is missing or wrong)."""
        try:
            return lc.format_command(self.command_args(), self.shell())
        except StudioError:
            return ""

    def script_text(self) -> str:
        return lc.launch_script(self.data_edit.text().strip(), self.out_edit.text().strip(), self._config,
                                shell=self.shell(), **self._options())

    def _refresh(self, *_: object) -> None:
        multi = self.nodes_spin.value() > 1
        self.endpoint_edit.setEnabled(multi)
        self.endpoint_label.setEnabled(multi)
        problems = []
        try:
            text = lc.format_command(self.command_args(), self.shell())
        except StudioError as exc:
            text = ""
            problems.append(str(exc))
        missing = lc.unsupported_settings(self._config)
        if missing:
            problems.append(self.tr("These settings have no command-line option and are left at their "
                                    "defaults there: {names}.").format(names=", ".join(missing)))
        self.command_view.setPlainText(text)
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        self.copy_button.setEnabled(bool(text))
        self.save_button.setEnabled(bool(text))

    # ---- actions

    def copy_command(self) -> None:
        text = self.command_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def save_script(self, path: str) -> Path:
        """Write the launch script for the chosen shell to ``path`` (raises :class:`StudioError`)."""
        saved = lc.write_launch_script(path, self.script_text(), self.shell())
        self.script_saved.emit(str(saved))
        return saved

    def _ask_save(self) -> None:
        suffix = lc.script_suffix(self.shell())
        stem = Path(self.out_edit.text().strip() or "train").stem
        filters = self.tr("PowerShell script (*.ps1)") if suffix == ".ps1" else self.tr("Shell script (*.sh)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save launch script"),
                                              str(Path.home() / f"train-{stem}{suffix}"), filters)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            self.save_script(path)
        except StudioError as exc:
            from ..errors import show_error

            show_error(self, str(exc), exc.details)
