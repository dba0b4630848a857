"""'Show why' heat maps on the Classify cards, and Help → Diagnostics, through the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest

from resnet_studio.gui.widgets.results import Roles
from tests.gui.conftest import wait_idle

pytestmark = pytest.mark.gui


def _card_pixels(view, row: int):
    """The card's thumbnail box as painted on screen (a QImage grabbed from the list)."""
    rect = view.list.visualRect(view.model.index(row))
    d = view.delegate
    box = QRect(rect.left() + d.MARGIN + d.PAD, rect.top() + d.MARGIN + d.PAD, d.THUMB, d.THUMB)
    return view.list.viewport().grab(box).toImage()


def test_show_why_overlays_a_heat_map_and_follows_the_chosen_label(qtbot, make_window, photos):
    w = make_window()
    view = w.classify
    view.classify_paths([str(p) for p in photos(2, size=(64, 48))])
    wait_idle(qtbot, view)
    assert view.model.rowCount() == 2
    index = view.model.index(0)
    before = _card_pixels(view, 0)
    assert index.data(Roles.Heat) is None

    view.why_button.click()
    assert view.why_action.isChecked() and view.why_opacity.isEnabled()
    qtbot.waitUntil(lambda: all(view.model.index(i).data(Roles.Heat) is not None for i in range(2)), timeout=30000)
    record = index.data(Roles.Record)
    heat = index.data(Roles.Heat)
    assert (heat.width(), heat.height()) == (record.thumb.width(), record.thumb.height())
    view.list.viewport().repaint()
    after = _card_pixels(view, 0)
    assert after != before  # the photo on the card is now coloured by the heat map

    # open the card and click its third label: the heat map now explains that label
    view.show_top5.setChecked(True)
    qtbot.waitUntil(lambda: view.list.visualRect(index).height() > 150)
    first_heat = heat
    rect = view.list.visualRect(index)
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(view.list)
    option.rect = rect
    row_rect = view.delegate.label_row_rect(rect, option, 2)
    QTest.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=row_rect.center())
    assert record.explain_rank == 2
    assert record.expanded  # a click on a label row does not close the card
    qtbot.waitUntil(lambda: index.data(Roles.Heat) is not None, timeout=30000)
    third_heat = index.data(Roles.Heat)
    assert third_heat != first_heat
    assert set(record.heat) == {(record.predictions[0][2], "layer4"), (record.predictions[2][2], "layer4")}

    # turning it off shows the plain photo again; the maps stay cached
    view.why_button.click()
    assert index.data(Roles.Heat) is None and not view.why_opacity.isEnabled()
    view.why_button.click()
    assert index.data(Roles.Heat) == third_heat
    view.list.viewport().repaint()
    assert not view._why_pending  # nothing asked of the worker again

    view.resize(900, 600)
    view.list.scrollTo(index)
    view.grab().save("/tmp/explain_shot.png")


def _check_names(dialog) -> list[str]:
    return [dialog.tree.topLevelItem(i).text(0).split(maxsplit=1)[1] for i in range(dialog.tree.topLevelItemCount())]


def test_diagnostics_lists_each_check_and_copies_the_report(qtbot, make_window):
    from PySide6.QtGui import QGuiApplication

    w = make_window()  # fake ImageNet weights for resnet18; PyTorch backend
    checks = ["App", "PyTorch", "ImageNet weights", "Classify"]
    dialog = w.show_diagnostics(checks)
    assert dialog.isVisible() and dialog.is_running()
    assert dialog.cancel_button.isVisible() and not dialog.copy_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_checks, timeout=60000) as done:
        pass
    results = done.args[0]
    assert [r["name"] for r in results] == checks
    assert _check_names(dialog) == checks
    assert [dialog.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) for i in range(4)] == ["ok"] * 4
    assert dialog.tree.topLevelItem(0).text(0).startswith("✓")
    assert "ResNet-18" in dialog.tree.topLevelItem(3).text(1)  # classified with the (fake) ImageNet model
    torch_item = dialog.tree.topLevelItem(1)
    assert torch_item.childCount() == 1 and "torch" in torch_item.child(0).text(0)  # details, one click away
    assert dialog.status.text() == "Everything works."
    assert not dialog.cancel_button.isVisible() and dialog.copy_button.isEnabled()

    dialog.copy_button.click()
    report = QGuiApplication.clipboard().text()
    assert report.startswith("ResNet Studio") and "[ OK ] Classify:" in report
    assert "4 of 4 checks passed" in report


def test_diagnostics_can_be_cancelled_and_run_again(qtbot, make_window, monkeypatch):
    from resnet_studio import selftest

    rerun = []

    def app_check_until_cancelled(ctx):
        # the four checks take milliseconds: without this, all could end before the cancel arrives
        if not rerun:
            ctx["cancel"].wait(10)
        return selftest._check_app(ctx)

    monkeypatch.setattr(selftest, "CHECKS", [(n, app_check_until_cancelled if n == "App" else f, t)
                                             for n, f, t in selftest.CHECKS])
    w = make_window(weights=False, wait_model=False)
    checks = ["App", "Threads", "User folders", "ImageNet weights"]
    dialog = w.show_diagnostics(checks)
    dialog.cancel()
    with qtbot.waitSignal(dialog.finished_checks, timeout=60000) as done:
        pass
    assert len(done.args[0]) < len(checks)  # stopped before the remaining checks
    assert "Cancelled" in dialog.status.text()
    assert "cancelled" in dialog.report_text()

    rerun.append(True)
    dialog.run_button.click()
    with qtbot.waitSignal(dialog.finished_checks, timeout=60000) as done:
        pass
    statuses = {r["name"]: r["status"] for r in done.args[0]}
    assert list(statuses) == checks
    assert statuses["ImageNet weights"] == "warning"  # no weights here: a warning, not a failure
    assert "⚠" in dialog.status.text()
    dialog.grab().save("/tmp/diagnostics_shot.png")
    dialog.close()
    assert not dialog.isVisible()


def test_a_finder_open_event_names_the_file(tmp_path):
    from PySide6.QtGui import QFileOpenEvent

    from resnet_studio.gui.app import file_open_path
    from tests.conftest import save_image

    photo = save_image(tmp_path / "照片 1.jpg", size=(32, 32))
    assert file_open_path(QFileOpenEvent(str(photo))) == str(photo)
    assert file_open_path(QFileOpenEvent(str(tmp_path / "gone.jpg"))) == ""
