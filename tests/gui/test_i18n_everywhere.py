"""Every word in the user's language (issue 15): dialogs, banners, plurals, Qt's own file dialog, CSV."""

from __future__ import annotations

import csv
import re
import socket
import urllib.error

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

pytestmark = pytest.mark.gui

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def languages(qtbot):
    """A LanguageManager whose translators are taken out again after the test (English)."""
    from resnet_studio.gui.i18n import LanguageManager

    manager = LanguageManager()
    yield manager
    manager.apply("en")


def _error_boxes(widget) -> list[QMessageBox]:
    return [b for b in widget.findChildren(QMessageBox) if b.objectName() == "errorBox" and b.isVisible()]


def test_download_failed_dialog_is_in_chinese_with_the_raw_text_under_details(qtbot, make_window, monkeypatch):
    from resnet_studio.engine import zoo

    def no_network(url, timeout=None):
        raise urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))

    monkeypatch.setattr(zoo.urllib.request, "urlopen", no_network)
    w = make_window(weights=False)
    try:
        w.set_language("zh_CN")
        view = w.classify
        view.model_state.download_weights("resnet18")
        qtbot.waitUntil(lambda: bool(_error_boxes(w)), timeout=30000)
        box = _error_boxes(w)[0]
        assert CHINESE.search(box.text()), box.text()
        assert "Errno" not in box.text() and "urlopen" not in box.text() and "internet" not in box.text()
        assert "Name or service not known" in box.detailedText()
        assert CHINESE.search(box.windowTitle())
    finally:
        w.set_language("en")


def test_download_failed_dialog_in_english_says_no_internet_in_plain_words(qtbot, make_window, monkeypatch):
    from resnet_studio.engine import zoo

    def no_network(url, timeout=None):
        raise urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))

    monkeypatch.setattr(zoo.urllib.request, "urlopen", no_network)
    w = make_window(weights=False)
    w.classify.model_state.download_weights("resnet18")
    qtbot.waitUntil(lambda: bool(_error_boxes(w)), timeout=30000)
    box = _error_boxes(w)[0]
    assert box.text() == zoo.DOWNLOAD_NO_INTERNET
    assert "[Errno -2] Name or service not known" in box.detailedText()


def test_banner_says_its_message_again_after_a_language_switch(qtbot, make_window):
    w = make_window(weights=False)
    banner = w.classify.banner
    assert banner.isVisible() and "ImageNet weights" in banner.text.text()
    try:
        w.set_language("zh_CN")  # Qt posts the LanguageChange events
        qtbot.waitUntil(lambda: bool(CHINESE.search(banner.text.text())), timeout=5000)
        assert CHINESE.search(banner.button("download").text())
        w.set_language("en")
        qtbot.waitUntil(lambda: not CHINESE.search(banner.text.text()), timeout=5000)
        assert "ImageNet weights for ResNet-18" in banner.text.text()
        assert banner.button("download").text() == "Download"
    finally:
        w.set_language("en")


def test_a_banner_with_plain_text_keeps_it_on_a_language_switch(qtbot, languages):
    from resnet_studio.gui.i18n import Translatable
    from resnet_studio.gui.widgets.banner import Banner

    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message("x", "plain text", [("ok", Translatable.translate("ClassifyView", "Download"))])
    languages.apply("zh_CN")
    qtbot.waitUntil(lambda: bool(CHINESE.search(banner.button("ok").text())), timeout=5000)
    assert banner.text.text() == "plain text"
    languages.apply("en")
    qtbot.waitUntil(lambda: banner.button("ok").text() == "Download", timeout=5000)


@pytest.mark.parametrize("n, expected", [(1, "1 epoch"), (2, "2 epochs")])
def test_english_counts_have_singular_and_plural(qtbot, languages, n, expected):
    assert languages.apply("en")
    assert QCoreApplication.translate("TrainSettingsPanel", "%n epochs", "", n) == expected


def test_training_summary_says_1_epoch_not_1_epochs(qtbot, languages):
    from resnet_studio.gui.widgets.training_results import TrainingResults

    assert languages.apply("en")
    text = QCoreApplication.translate(
        TrainingResults.__name__,
        "Training was stopped after %n epochs ({duration}). The best model so far (epoch {best}) was kept.", "", 1)
    assert text.startswith("Training was stopped after 1 epoch (")


def test_qt_file_dialog_look_in_label_is_translated_in_chinese(qtbot, languages):
    assert languages.apply("zh_CN")
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert CHINESE.search(texts["lookInLabel"]), texts
    assert CHINESE.search(texts["fileTypeLabel"]), texts
    assert CHINESE.search(texts["fileNameLabel"]), texts


def test_qt_translations_follow_a_switch_back_to_english(qtbot, languages):
    assert languages.apply("zh_CN")
    assert languages.apply("en")
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert texts["lookInLabel"] == "&Look in:"


def test_exported_csv_error_column_is_in_the_users_language(qtbot, make_window, tmp_path):
    from tests.gui.conftest import wait_idle

    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    w = make_window()
    view = w.classify
    try:
        w.set_language("zh_CN")
        view.classify_paths([str(empty)])
        qtbot.waitUntil(lambda: len(view.records()) == 1, timeout=60000)
        wait_idle(qtbot, view)
        out = tmp_path / "results.csv"
        view.export_csv(str(out))
        qtbot.waitUntil(lambda: out.exists() and view.csv_export.task is None, timeout=30000)
    finally:
        w.set_language("en")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["error"] and CHINESE.search(rows[0]["error"]), rows[0]["error"]
    assert "empty" not in rows[0]["error"].lower()


def test_too_large_image_error_reads_in_chinese_with_its_numbers(qtbot, languages):
    from resnet_studio.gui.errors import translate_engine_message

    english = "This image is too large (30000 × 20000 pixels); the limit is 178 megapixels."
    assert translate_engine_message(english) == english  # English UI: as the engine said it
    assert languages.apply("zh_CN")
    text = translate_engine_message(english)
    assert CHINESE.search(text) and "30000 × 20000" in text and "178" in text, text
    # an argument that is itself a catalogue text is translated too
    nested = translate_engine_message("This image is too large (600 megapixels); the limit is 178 megapixels.")
    assert "megapixels" not in nested and "600" in nested, nested


def test_text_outside_the_catalogue_is_left_as_it_is(qtbot, languages):
    from resnet_studio.gui.errors import translate_engine_message

    assert languages.apply("zh_CN")
    assert translate_engine_message("cuda error: device-side assert") == "cuda error: device-side assert"
    assert translate_engine_message("") == ""
