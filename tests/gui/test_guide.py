"""Help → Guide (F1): a short offline guide in the UI's language that lists every keyboard
shortcut the window has, and whose links work without a network."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton

pytestmark = pytest.mark.gui


@pytest.fixture
def chinese(qapp):
    from resnet_studio.gui.i18n import LanguageManager

    manager = LanguageManager()
    assert manager.apply("zh_CN")
    yield
    manager.apply("en")


def _press_f1(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.guide is not None and window.guide.isVisible())
    return window.guide


def _window_shortcuts(window) -> set[str]:
    keys = set()
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            keys.add(seq.toString(QKeySequence.SequenceFormat.PortableText))
    for button in window.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty():
            keys.add(button.shortcut().toString(QKeySequence.SequenceFormat.PortableText))
    # Alt+letter comes from the underlined letter of a label ("&Choose folder…"), not a shortcut
    return {k for k in keys if k and not re.fullmatch(r"Alt\+\S", k)}


def test_f1_opens_the_english_guide_listing_every_shortcut(qtbot, make_window):
    window = make_window(wait_model=False, load_train_view=False)
    window.load_train_view()
    guide = _press_f1(qtbot, window)
    text = guide.text()
    assert "First steps" in text and "Keyboard shortcuts" in text and "not sure" in text
    shortcuts = _window_shortcuts(window)
    assert {"F1", "Ctrl+1", "Ctrl+O", "Ctrl+Return", "F2"} <= shortcuts
    missing = sorted(k for k in shortcuts if k not in text)
    assert not missing, f"shortcuts the guide does not list: {missing}"


def test_chinese_ui_shows_the_chinese_guide(qtbot, make_window, chinese):
    window = make_window(wait_model=False, load_train_view=False)
    window.load_train_view()
    text = _press_f1(qtbot, window).text()
    assert "使用指南" in text and "快捷键" in text and "First steps" not in text
    missing = sorted(k for k in _window_shortcuts(window) if k not in text)
    assert not missing, f"shortcuts the Chinese guide does not list: {missing}"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_guide_links_stay_inside_the_guide(qtbot, language):
    from resnet_studio.gui.widgets.guide import GuideDialog, guide_path

    dialog = GuideDialog(language)
    qtbot.addWidget(dialog)
    dialog.resize(500, 300)  # short: following a link has to scroll
    dialog.show()
    html = guide_path(language).read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', html)
    anchors = set(re.findall(r'name="([^"]+)"', html))
    assert len(links) >= 4
    browser = dialog.browser
    page = browser.source()
    for href in links:
        assert href.startswith("#") and href[1:] in anchors, f"{href} is not a place in the guide"
    browser.setSource(page.resolved(QUrl("#not-sure")))
    assert browser.source().fileName() == page.fileName()
    assert browser.verticalScrollBar().value() > 0
    assert dialog.text() == GuideDialog(language).text()
