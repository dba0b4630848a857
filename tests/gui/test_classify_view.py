"""The Classify view, driven through the real window: drops, cards, errors, sort/filter, CSV."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QImage

from resnet_studio.gui.widgets.results import Roles
from tests.conftest import save_image
from tests.gui.conftest import drop_paths, wait_idle

pytestmark = pytest.mark.gui


def test_dropping_files_and_folders_yields_result_cards(qtbot, make_window, photos, tmp_path):
    w = make_window()
    view = w.classify
    folder_photos = photos(3, folder="holiday/day1")
    loose = photos(2, folder="loose")
    (tmp_path / "holiday" / "notes.txt").write_text("not a photo")
    (tmp_path / "loose" / "readme.md").write_text("not a photo")
    assert view.stack.currentWidget() is view.drop_zone

    drop_paths(view, [tmp_path / "holiday", *loose, tmp_path / "loose" / "readme.md"])
    wait_idle(qtbot, view)

    records = view.records()
    assert sorted(r.name for r in records) == sorted(p.name for p in folder_photos + loose)
    from resnet_studio.engine.zoo import imagenet_categories

    imagenet = set(imagenet_categories("resnet18"))
    for r in records:
        assert r.error is None
        assert len(r.predictions) == 5 and r.label in imagenet
        assert 0.0 <= r.score <= 1.0
        assert r.thumb is not None and max(r.thumb.width(), r.thumb.height()) <= 80
    assert view.stack.currentIndex() == 1  # the cards replaced the drop zone
    assert view.list.model().rowCount() == 5
    assert "2" in view.note.text()  # the .txt inside the folder and the dropped .md were skipped
    assert "notes.txt" in view.note.text() and "readme.md" in view.note.text()  # named, not just counted
    assert not view.progress.isVisible()


def test_unreadable_file_gets_a_card_that_says_why(qtbot, make_window, photos, tmp_path):
    w = make_window()
    good = photos(1)
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff this is not really a jpeg")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    drop_paths(w.classify, [*good, bad, empty])
    wait_idle(qtbot, w.classify)
    by_name = {r.name: r for r in w.classify.records()}
    assert by_name["photo_00.jpg"].error is None
    assert by_name["broken.jpg"].error and by_name["broken.jpg"].predictions == []
    assert "empty" in by_name["empty.png"].error.lower()
    assert w.classify.model.counts()["errors"] == 2
    assert "2" in w.classify.summary.text()


def test_csv_export_writes_every_result(qtbot, make_window, photos, tmp_path):
    w = make_window()
    files = photos(3)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"nope")
    w.classify.classify_paths([*map(str, files), str(bad)])
    wait_idle(qtbot, w.classify)
    out = tmp_path / "out" / "résultats.csv"
    out.parent.mkdir()
    with qtbot.waitSignal(w.classify.export_finished, timeout=30000) as sig:
        w.classify.export_csv(str(out))
    assert sig.args == [str(out)]
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 4
    by_path = {r["path"]: r for r in rows}
    rec = {r.path: r for r in w.classify.records()}
    for f in files:
        row = by_path[str(f)]
        assert row["top1_label"] == rec[str(f)].label
        assert float(row["top1_score"]) == pytest.approx(rec[str(f)].score, abs=1e-5)
        assert row["label_5"]
    assert by_path[str(bad)]["error"]


def test_sort_filter_and_not_sure_threshold(qtbot, make_window, photos):
    w = make_window()
    view = w.classify
    view.classify_paths([str(p) for p in photos(6)])
    wait_idle(qtbot, view)
    proxy = view.list.model()

    def shown():
        return [proxy.index(i, 0).data(Roles.Record) for i in range(proxy.rowCount())]

    view.sort_combo.setCurrentIndex(view.sort_combo.findData("confidence_desc"))
    scores = [r.score for r in shown()]
    assert scores == sorted(scores, reverse=True)
    view.sort_combo.setCurrentIndex(view.sort_combo.findData("confidence_asc"))
    assert [r.score for r in shown()] == sorted(scores)

    # random-init weights give low confidences: everything is "not sure" at 50 %, nothing at 0 %
    view.threshold.setValue(0)
    view.only_unsure.setChecked(True)
    assert proxy.rowCount() == 0
    view.threshold.setValue(100)
    assert proxy.rowCount() == 6
    assert w.settings.not_sure_threshold == 1.0
    view.only_unsure.setChecked(False)

    label = shown()[0].label
    view.search.setText(label.upper())
    assert proxy.rowCount() >= 1 and all(r.label == label for r in shown())
    view.search.setText("photo_03")
    assert [r.name for r in shown()] == ["photo_03.jpg"]
    view.search.clear()
    assert proxy.rowCount() == 6


def test_expand_card_and_clear(qtbot, make_window, photos):
    w = make_window()
    view = w.classify
    view.classify_paths([str(p) for p in photos(2)])
    wait_idle(qtbot, view)
    index = view.model.index(0, 0)
    rect = view.list.visualRect(index)
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    record = index.data(Roles.Record)
    assert record.expanded
    # the card grows to show the top-5 rows
    qtbot.waitUntil(lambda: view.list.visualRect(view.model.index(0, 0)).height() > rect.height() + 80)
    view.clear()
    assert view.model.rowCount() == 0
    assert view.stack.currentWidget() is view.drop_zone
    assert not view.export_action.isEnabled()


def test_paste_an_image_from_the_clipboard(qtbot, make_window, tmp_path):
    w = make_window()
    img = QImage(str(save_image(tmp_path / "src.png", size=(40, 30))))
    mime = QMimeData()
    mime.setImageData(img)
    QGuiApplication.clipboard().setMimeData(mime)
    w.classify.paste_action.trigger()
    wait_idle(qtbot, w.classify)
    (r,) = w.classify.records()
    assert r.error is None and r.name.startswith("pasted-") and r.path.endswith(".png")


def test_paste_file_paths_as_text(qtbot, make_window, photos):
    w = make_window()
    files = photos(2)
    QGuiApplication.clipboard().setText("\n".join(f'"{p}"' for p in files))
    w.classify.paste()
    wait_idle(qtbot, w.classify)
    assert sorted(r.name for r in w.classify.records()) == ["photo_00.jpg", "photo_01.jpg"]


def test_status_bar_shows_device_after_loading(qtbot, make_window):
    w = make_window()
    qtbot.waitUntil(lambda: "CPU" in w.device_label.text() or "CUDA" in w.device_label.text(), timeout=30000)
    assert "ResNet-18" in w.model_label.text() and "1000" in w.model_label.text()


def test_paths_given_on_start_are_classified(qtbot, make_window, photos):
    w = make_window(wait_model=False)
    w.classify_on_start([str(p) for p in photos(2)])
    qtbot.waitUntil(lambda: len(w.classify.records()) == 2, timeout=60000)


def test_disabled_tool_buttons_keep_a_visible_icon(qtbot):
    """Export and Clear start disabled: their icons must still show (greyed), or an icon-only
    button in a narrow window is an empty square."""
    from PySide6.QtGui import QIcon

    from resnet_studio.gui.widgets.icons import icon

    for name in ("export", "clear", "classify"):
        image = icon(name).pixmap(24, QIcon.Mode.Disabled).toImage()
        normal = icon(name).pixmap(24, QIcon.Mode.Normal).toImage()
        alphas = [image.pixelColor(x, y).alpha() for x in range(image.width()) for y in range(image.height())]
        normal_max = max(normal.pixelColor(x, y).alpha() for x in range(normal.width()) for y in range(normal.height()))
        assert 0 < max(alphas) < normal_max, name
