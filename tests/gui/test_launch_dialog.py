""""Run on a bigger machine…": the dialog shows the exact command, copies it and saves scripts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.conftest import make_shapes_dataset

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot, tmp_path):
    from resnet_studio.gui.train_view import TrainView

    v = TrainView()
    qtbot.addWidget(v)
    v.show()
    folder = make_shapes_dataset(tmp_path / "我的 数据", per_class=3)
    v.set_dataset_folder(str(folder))
    qtbot.waitUntil(lambda: not v.dataset.is_scanning() and v.dataset.is_ready(), timeout=60_000)
    yield v
    assert v.cancel_and_wait(60_000)


def test_dialog_shows_copies_and_saves_the_command(qtbot, view, tmp_path, monkeypatch):
    import shlex

    from resnet_studio.cli import _parse, build_parser
    from resnet_studio.cli.train_cmd import _config

    view.settings.set_config({"arch": "resnet34", "epochs": 7, "lr": 0.003, "mode": "finetune"})
    view.settings.set_model_name("Leaf 叶")
    assert view.launch_button.isEnabled()
    qtbot.mouseClick(view.launch_button, Qt.MouseButton.LeftButton)
    dialog = view.launch_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.data_edit.text() == view.dataset.folder()
    dialog.shell_combo.setCurrentIndex(dialog.shell_combo.findData("bash"))

    text = dialog.command_view.toPlainText()
    assert text.startswith("torchrun --nproc_per_node=gpu -m resnet_studio train ")
    args = shlex.split(text)
    ns = _parse(build_parser(), args[args.index("-m") + 2:])
    config = _config(ns)
    assert ns.data_dir == view.dataset.folder() and ns.out == "Leaf 叶.safetensors"
    assert (config.arch, config.epochs, config.lr, config.mode, config.name) == ("resnet34", 7, 0.003, "finetune", "Leaf 叶")

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text

    # several machines: the address is needed first
    dialog.nodes_spin.setValue(2)
    dialog.gpus_combo.setCurrentIndex(dialog.gpus_combo.findData("4"))
    assert dialog.command_view.toPlainText() == "" and not dialog.copy_button.isEnabled()
    assert "address of the first machine" in dialog.problem.text()
    dialog.endpoint_edit.setText("gpu-1")
    multi = dialog.command_view.toPlainText()
    assert "--nnodes=2" in multi and "--rdzv-endpoint=gpu-1:29400" in multi and "--rdzv-backend=c10d" in multi
    assert "--nproc_per_node=4" in multi and dialog.copy_button.isEnabled()

    # saving: bash script, then PowerShell
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "out" / "run"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    script = target.with_suffix(".sh")
    assert script.is_file() and "--rdzv-endpoint=gpu-1:29400" in script.read_text(encoding="utf-8")
    dialog.shell_combo.setCurrentIndex(dialog.shell_combo.findData("powershell"))
    assert dialog.command_view.toPlainText().startswith("torchrun --nproc_per_node=4 ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    ps1 = target.with_suffix(".ps1")
    assert ps1.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Import model" in dialog.import_hint.text()
