"""Every view fits the window it opens in (1080×720) and a common laptop size (1280×800), in English
and Simplified Chinese: no label, button, check box, group title or combo box narrower than its
text, nothing pushed out sideways past its scroll area or the window.

The app's own style (Fusion and ``resources/style.qss``) is applied, as ``run_app`` does: the
style sheet sets paddings that change how much room a button needs.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QCheckBox, QComboBox, QGroupBox, QLabel, QPushButton, QRadioButton,
    QScrollArea, QStyle, QStyleOptionComboBox, QToolButton, QWidget,
)

SIZES = ((1080, 720), (1280, 800))


@pytest.fixture
def app_style(qapp):
    from resnet_studio.gui.app import create_application

    style, sheet = qapp.style().name(), qapp.styleSheet()
    create_application([])
    yield
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)


@pytest.fixture
def language(request, qapp):
    from resnet_studio.gui.i18n import LanguageManager

    manager = LanguageManager()
    assert manager.apply(request.param), f"the {request.param} translation is missing"
    yield request.param
    manager.apply("en")


def _label(w: QWidget) -> str:
    if isinstance(w, QComboBox):
        return w.currentText()
    if isinstance(w, QGroupBox):
        return w.title()
    return w.text()


def _room_problem(w: QWidget) -> str | None:
    """Why ``w`` is too small for its text (None when it fits)."""
    if isinstance(w, QLabel):
        if not w.text() or (w.pixmap() is not None and not w.pixmap().isNull()):
            return None
        if w.wordWrap():
            need = w.heightForWidth(w.width())
            return f"wrapped text needs {need} px of height, has {w.height()}" if need > w.height() else None
        need = w.minimumSizeHint().width()
    elif isinstance(w, (QPushButton, QToolButton, QCheckBox, QRadioButton)):
        if not w.text():
            return None
        need = w.sizeHint().width()
    elif isinstance(w, QComboBox):
        if w.isEditable() or not w.currentText():
            return None
        opt = QStyleOptionComboBox()
        w.initStyleOption(opt)
        text = w.fontMetrics().horizontalAdvance(w.currentText())
        if not w.itemIcon(w.currentIndex()).isNull():
            text += w.iconSize().width() + 4
        need = w.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt,
                                          QSize(text, w.fontMetrics().height()), w).width()
    elif isinstance(w, QGroupBox):
        if not w.title():
            return None
        need = w.fontMetrics().horizontalAdvance(w.title()) + 2 * w.style().pixelMetric(
            QStyle.PixelMetric.PM_LayoutLeftMargin)
    else:
        return None
    return f"needs {need} px of width, has {w.width()}" if need > w.width() else None


def _sticks_out(w: QWidget, window: QWidget) -> str | None:
    """Whether ``w`` reaches sideways past any widget it is drawn in (a scroll area's viewport,
    a splitter pane, the window): then part of its text is cut off or slides out of sight."""
    rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
    parent = w.parentWidget()
    while parent is not None:
        origin = QPoint(0, 0) if parent is window else parent.mapTo(window, QPoint(0, 0))
        outer = QRect(origin, parent.size())
        if rect.left() < outer.left() or rect.right() > outer.right():
            return (f"x {rect.left()}..{rect.right()} reaches past {type(parent).__name__} "
                    f"{parent.objectName()!r} ({outer.left()}..{outer.right()})")
        if parent is window:
            return None
        parent = parent.parentWidget()
    return None


def layout_problems(window: QWidget) -> list[str]:
    """Every visible text widget of ``window`` that is too small or cut off at the side."""
    out = []
    kinds = (QLabel, QAbstractButton, QComboBox, QGroupBox)
    for w in window.findChildren(QWidget):
        if not isinstance(w, kinds) or not w.isVisible() or w.window() is not window:
            continue
        name = f"{type(w).__name__} {_label(w)!r}"
        for problem in (_room_problem(w), _sticks_out(w, window)):
            if problem:
                out.append(f"{name}: {problem}")
    for area in window.findChildren(QScrollArea):
        if area.isVisible() and area.window() is window and area.horizontalScrollBar().maximum() > 0:
            out.append(f"{type(area.widget()).__name__} slides sideways by "
                       f"{area.horizontalScrollBar().maximum()} px")
    return out


def _settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def _expand_everything(window) -> None:
    """What a user can open inside each view without a data set: Train's Advanced settings and
    its learning-rate finder."""
    view = window.train_view
    view.settings.advanced.set_expanded(True)
    view.settings.lr_finder.show()


@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_every_tab_fits_the_window(qtbot, make_window, app_style, language):
    window = make_window(load_train_view=False)
    assert window.load_train_view() is not None
    _expand_everything(window)
    problems = []
    for width, height in SIZES:
        window.resize(width, height)
        for tab in range(window.tabs.count()):
            window.tabs.setCurrentIndex(tab)
            _settle(qtbot)
            problems += [f"{language} {width}×{height} {window.tabs.tabText(tab)}: {p}"
                         for p in layout_problems(window)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_model_picker_list_shows_whole_entries(qtbot, make_window, app_style, language):
    """The drop-down list is as wide as its longest entry ("ImageNet models (1000 everyday
    categories)", "None yet: teach one in the Train tab"), not cut to the box's width."""
    window = make_window()
    window.resize(*SIZES[0])
    picker = window.classify.picker
    qtbot.waitUntil(lambda: picker.count() > 3)
    picker.showPopup()
    view = picker.view()
    qtbot.waitUntil(view.isVisible)
    model = picker.model()
    room = view.viewport().width() - (view.verticalScrollBar().width() if view.verticalScrollBar().isVisible() else 0)
    cut = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        font = index.data(Qt.ItemDataRole.FontRole) or view.font()
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if QFontMetrics(font).horizontalAdvance(text) + 8 > room:
            cut.append(text.strip())
    assert not cut, f"cut to {room} px: {cut}"
    picker.hidePopup()


@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_diagnostics_dialog_fits(qtbot, make_window, app_style, language):
    from resnet_studio.gui.widgets.diagnostics import DiagnosticsDialog

    window = make_window(wait_model=False)
    dialog = DiagnosticsDialog(window, checks=[])
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot)
    assert dialog.width() <= SIZES[0][0] and dialog.height() <= SIZES[0][1]
    assert not layout_problems(dialog), "\n".join(layout_problems(dialog))


@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_models_list_rows_show_their_whole_text(qtbot, make_window, app_style, language):
    """The Models tab's list at 1080×720: "None yet: teach one in the Train tab" and the group
    names are not cut to "None yet: teach one in t…"."""
    window = make_window(wait_model=False)
    window.resize(*SIZES[0])
    window.tabs.setCurrentIndex(2)
    _settle(qtbot)
    tree = window.models.tree
    cut = []
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    items += [top.child(j) for top in list(items) for j in range(top.childCount())]
    for item in items:
        for column in range(tree.columnCount()):
            text = item.text(column)
            if not text:
                continue
            rect = tree.visualRect(tree.indexFromItem(item, column))
            need = QFontMetrics(item.font(column)).horizontalAdvance(text) + 8
            if not item.icon(column).isNull():
                need += tree.iconSize().width() + 4
            if rect.width() < need:
                cut.append(f"{text!r}: needs {need} px, has {rect.width()}")
    assert items and not cut, "\n".join(cut)
