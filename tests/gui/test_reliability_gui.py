"""Hostile input through the real main window (issue 6, GUI side): the bad-file corpus dropped
on the Classify view, folders with link loops, bad model files imported in the Models view, CSV
export into a full or read-only folder, Cancel pressed many times, a new job while one is
cancelling, and closing the window mid-job.

The rule each test checks: the user sees a readable sentence (a card's reason, or a dialog with
the technical text under "Show Details..."), never a traceback; the rest of the work goes on;
nothing half-written is left under the real name; no thread outlives the window.
"""

from __future__ import annotations

import errno
import os
from urllib.parse import quote_from_bytes

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from tests.conftest import save_image
from tests.gui.conftest import drop_paths as gui_drop_paths
from tests.gui.conftest import wait_idle
from tests.test_reliability import EXPECTED, _bad_model_files, build_corpus, permission_denied  # noqa: F401
from tests.test_reliability_faults import _fill, _remount_read_only, small_disk  # noqa: F401

pytestmark = pytest.mark.gui

GENERIC = "Something went wrong"


def file_manager_url(path) -> QUrl:
    """The URL a Linux file manager puts in a drag: the name's bytes, percent-encoded (for a name
    that is not valid UTF-8 this differs from ``QUrl.fromLocalFile``, which cannot represent it)."""
    return QUrl.fromEncoded(b"file://" + quote_from_bytes(os.fsencode(os.path.abspath(path))).encode())


def drop_paths(widget, paths) -> None:
    """Drag ``paths`` over ``widget`` and drop them with the URLs a Linux file manager makes."""
    gui_drop_paths(widget, paths, to_url=file_manager_url)


def error_boxes(widget) -> list[QMessageBox]:
    return [b for b in widget.findChildren(QMessageBox) if b.objectName() == "errorBox" and b.isVisible()]


def close_boxes(widget) -> None:
    for b in widget.findChildren(QMessageBox):
        b.close()


def assert_readable(text: str) -> None:
    assert text and "\n" not in text.strip() and "Traceback" not in text and GENERIC not in text, text


# ------------------------------------------------------------------------------------------------
# Bad files dropped on the Classify view


@pytest.mark.slow
def test_dropping_the_bad_file_corpus_gives_one_card_each(qtbot, make_window, tmp_path, permission_denied):  # noqa: F811
    """The engine's corpus (truncated, zero-byte, random bytes, text renamed .jpg, a PNG claiming
    60000 x 60000, unreadable, link loop, broken link, non-ASCII names, 1 x 1, 20 x 3000,
    animated, multi-page), dropped on the window as a file manager drops them."""
    from resnet_studio.engine.predict import Predictor

    corpus = build_corpus(tmp_path / "语料 corpus")
    w = make_window()
    view = w.classify
    # (the file whose name is not UTF-8 has its own test below; here it comes with its folder)
    dropped = {k: v for k, v in corpus.items() if k != "name not valid UTF-8"}
    drop_paths(view, list(dropped.values()))
    wait_idle(qtbot, view)

    records = view.records()
    assert len(records) == len(dropped), "one card per dropped image, good or bad"
    by_path = {r.path: r for r in records}
    good = [p for n, p in dropped.items() if EXPECTED[n] == "ok"]
    alone = {str(r.path): r for r in Predictor("resnet18", device="cpu", backend="torch", top_k=5).classify_paths(good)}
    for name, path in dropped.items():
        r = by_path[str(path)]
        expected = EXPECTED[name]
        if expected == "ok":
            assert r.error is None, f"{name}: {r.error}"
            assert len(r.predictions) == 5 and r.thumb is not None
            # the same scores as the engine gives without the GUI
            solo = alone[str(path)]
            assert r.label == solo.predictions[0].label
            assert r.score == pytest.approx(solo.predictions[0].score, abs=1e-4)
        else:
            assert r.error and expected in r.error.lower(), f"{name}: {r.error!r}"
            assert_readable(r.error)
            assert r.predictions == []
    bad = sum(1 for v in EXPECTED.values() if v != "ok")
    assert view.model.counts()["errors"] == bad
    assert str(bad) in view.summary.text()
    assert not error_boxes(view), "a bad file is a card, not a dialog"

    # The cards paint (error cards included) without raising.
    view.resize(900, 700)
    assert not view.list.viewport().grab().isNull()


def test_dropping_a_file_whose_name_is_not_utf8(qtbot, make_window, tmp_path):
    """A name made of bytes that are not UTF-8 (``19 \\xff\\xfe name.png``), dropped from a file
    manager, is classified like any other picture, and the card keeps its real path."""
    path = save_image(tmp_path / os.fsdecode(b"19 \xff\xfe name.png"), size=(40, 30), seed=12)
    w = make_window()
    drop_paths(w.classify, [path])
    wait_idle(qtbot, w.classify)
    (r,) = w.classify.records()
    assert r.path == str(path), "the dropped URL must give back the file's real name"
    assert r.error is None and len(r.predictions) == 5


def test_train_view_opens_a_dropped_folder_whose_name_is_not_utf8(qtbot, make_window, tmp_path):
    from tests.conftest import make_shapes_dataset

    root = make_shapes_dataset(tmp_path / os.fsdecode(b"data \xe9t\xe9"), per_class=2, size=32)
    w = make_window(load_train_view=True)
    tv = w.load_train_view()
    mime = QMimeData()
    mime.setUrls([file_manager_url(root)])
    tv.dataset.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                    Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: not tv.dataset.is_scanning(), timeout=60000)
    assert tv.dataset.folder() == str(root)
    assert tv.dataset.classes() == ["circle", "square", "triangle"] and tv.dataset.is_ready()


def test_folder_with_link_loops_and_broken_links(qtbot, make_window, tmp_path):
    """A folder linking to itself, a link to its parent, a file link to itself and a dangling
    link: the walk ends, the good pictures are classified, the bad links get a card that says why."""
    root = tmp_path / "loops"
    good = [save_image(root / f"good_{i}.jpg", size=(40, 32), seed=i) for i in range(2)]
    (root / "sub").mkdir()
    good.append(save_image(root / "sub" / "deep.png", size=(32, 32), seed=5))
    (root / "sub" / "back up").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(".", target_is_directory=True)
    (root / "loop.jpg").symlink_to("loop.jpg")
    (root / "gone.png").symlink_to(root / "deleted.png")
    w = make_window()
    view = w.classify
    drop_paths(view, [root])
    wait_idle(qtbot, view, timeout=60000)

    by_name = {r.name: r for r in view.records()}
    for p in good:
        assert by_name[p.name].error is None and len(by_name[p.name].predictions) == 5
    assert "points to itself" in by_name["loop.jpg"].error
    assert "no longer exists" in by_name["gone.png"].error
    assert len(view.records()) == 5, "links to folders are not followed: nothing is seen twice"
    assert not error_boxes(view)


# ------------------------------------------------------------------------------------------------
# Bad model files imported in the Models view


@pytest.fixture(scope="module")
def bad_models(tmp_path_factory):
    from tests.test_predict import make_model_file

    folder = tmp_path_factory.mktemp("gui_bad_models")
    good = make_model_file(tmp_path_factory.mktemp("gui_good_model") / "model.safetensors")
    return folder, _bad_model_files(folder, good)


IMPORT_CASES = [
    "pickle that runs code (.pth)", "pickle named .safetensors", "pickled whole model (.pth)",
    "damaged safetensors header", "header length of 2**62", "from a newer app version",
    "unknown architecture", "state dict of another network (.pth)",
]


@pytest.mark.parametrize("case", IMPORT_CASES)
def test_importing_a_bad_model_file_shows_a_readable_error(qtbot, make_window, bad_models, case):
    from resnet_studio.engine.paths import trained_models_dir

    folder, files = bad_models
    path, words = files[case]
    w = make_window()
    mv = w.models
    w.tabs.setCurrentWidget(mv)
    mv.import_model(str(path))
    qtbot.waitUntil(lambda: bool(error_boxes(mv)), timeout=30000)
    (box,) = error_boxes(mv)
    assert_readable(box.text())
    assert path.name in box.text() and words in box.text().lower(), box.text()
    assert box.icon() == QMessageBox.Icon.Warning
    assert "Traceback" not in box.detailedText()
    assert not (folder / "CODE-RAN").exists(), "the pickle's code never ran"
    assert mv.trained_names() == []
    assert not any(trained_models_dir().glob("*")) if trained_models_dir().exists() else True
    close_boxes(mv)


@pytest.mark.parametrize("case", ["truncated model file", "weights of another architecture", "wrong class count"])
def test_importing_a_model_file_with_bad_weights_is_refused(qtbot, make_window, bad_models, case):
    """The header is fine but the weights are cut short or do not fit: refused at import, not
    listed in the library only to fail when the user picks it."""
    folder, files = bad_models
    path, words = files[case]
    w = make_window()
    mv = w.models
    mv.import_model(str(path))
    qtbot.waitUntil(lambda: bool(error_boxes(mv)) or bool(mv.trained_names()), timeout=30000)
    assert mv.trained_names() == [], f"{path.name} was imported into the library"
    (box,) = error_boxes(mv)
    assert_readable(box.text())
    assert path.name in box.text()
    close_boxes(mv)


@pytest.mark.parametrize("case", ["damaged safetensors header", "pickle that runs code (.pth)"])
def test_choosing_a_bad_model_file_for_classifying_shows_the_banner(qtbot, make_window, bad_models, photos, case):
    """The same files chosen with "Choose a model file…": a banner with the reason and Details,
    the photos dropped meanwhile wait, and a good model then classifies them."""
    folder, files = bad_models
    path, words = files[case]
    w = make_window()
    view = w.classify
    view.use_model(str(path))
    qtbot.waitUntil(lambda: view._model_state == "failed", timeout=30000)
    assert view.banner.isVisible()
    text = view.banner.text.text()
    assert_readable(text)
    assert words in text.lower() and path.name in text
    assert view.banner.button("details") is not None and view.banner.button("choose") is not None
    view.banner.button("details").click()  # the readable message, the technical text under Details
    qtbot.waitUntil(lambda: bool(error_boxes(view)), timeout=5000)
    (box,) = error_boxes(view)
    assert_readable(box.text())
    assert "Traceback" not in box.detailedText()
    close_boxes(view)
    view.classify_paths([str(p) for p in photos(2)])
    view.use_model("resnet18")
    qtbot.waitUntil(lambda: len(view.records()) == 2, timeout=60000)
    assert all(r.error is None for r in view.records())
    assert not (folder / "CODE-RAN").exists()


# ------------------------------------------------------------------------------------------------
# CSV export into a folder that cannot take it


def _classified(qtbot, w, photos) -> None:
    w.classify.classify_paths([str(p) for p in photos(3)])
    wait_idle(qtbot, w.classify)


def test_csv_export_into_a_read_only_disk_says_so(qtbot, make_window, photos, small_disk):  # noqa: F811
    w = make_window()
    _classified(qtbot, w, photos)
    _remount_read_only(small_disk)
    out = small_disk / "results.csv"
    w.classify.export_csv(str(out))
    qtbot.waitUntil(lambda: bool(error_boxes(w.classify)), timeout=30000)
    (box,) = error_boxes(w.classify)
    assert_readable(box.text())
    assert "read-only" in box.text() and "results.csv" in box.text()
    wait_idle(qtbot, w.classify)
    assert os.listdir(small_disk) == [], "no partial file"
    assert w.classify.export_action.isEnabled(), "the user can try another folder"
    close_boxes(w.classify)


def test_csv_export_into_a_full_folder_keeps_the_old_file(qtbot, make_window, photos, tmp_path, monkeypatch):
    """Simulated (runs everywhere): the disk fills up while the CSV is written."""
    w = make_window()
    _classified(qtbot, w, photos)
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    out = out_dir / "results.csv"
    out.write_text("the user's earlier results\n", encoding="utf-8")

    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    w.classify.export_csv(str(out))
    qtbot.waitUntil(lambda: bool(error_boxes(w.classify)), timeout=30000)
    (box,) = error_boxes(w.classify)
    assert_readable(box.text())
    assert "disk is full" in box.text()
    monkeypatch.undo()
    wait_idle(qtbot, w.classify)
    assert out.read_text(encoding="utf-8") == "the user's earlier results\n"
    assert os.listdir(out_dir) == ["results.csv"], "no partial file"
    close_boxes(w.classify)

    # Once there is room again, the same export works.
    with qtbot.waitSignal(w.classify.export_finished, timeout=30000):
        w.classify.export_csv(str(out))
    assert out.read_text(encoding="utf-8-sig").count("\n") == 4


def test_csv_export_into_a_full_disk_for_real(qtbot, make_window, photos, small_disk):  # noqa: F811
    w = make_window()
    _classified(qtbot, w, photos)
    _fill(small_disk)
    w.classify.export_csv(str(small_disk / "results.csv"))
    qtbot.waitUntil(lambda: bool(error_boxes(w.classify)), timeout=30000)
    (box,) = error_boxes(w.classify)
    assert "disk is full" in box.text()
    wait_idle(qtbot, w.classify)
    assert sorted(os.listdir(small_disk)) == ["filler.bin", "filler2.bin"]
    close_boxes(w.classify)


# ------------------------------------------------------------------------------------------------
# Cancel, many times, at awkward moments


def test_cancel_pressed_many_times_during_start_up(qtbot, make_window, photos):
    """Cancel hammered before the engine has even loaded: the job ends as cancelled, nothing
    breaks, and the next job classifies everything."""
    w = make_window(wait_model=False)
    view = w.classify
    files = photos(8)
    view.classify_paths([str(p) for p in files])
    for _ in range(200):
        view.cancel_button.click()
        view.cancel()
    wait_idle(qtbot, view)
    assert len(view.records()) < len(files)
    assert all(r.error is None for r in view.records())
    assert not error_boxes(view)

    view.classify_paths([str(p) for p in files])
    wait_idle(qtbot, view)
    done = [r for r in view.records() if r.path in {str(p) for p in files}]
    assert len({r.path for r in done}) == len(files) and all(r.error is None for r in done)


def test_new_job_while_one_is_cancelling(qtbot, make_window, photos, tmp_path):
    w = make_window()
    view = w.classify
    first = photos(40, folder="first")
    second = [save_image(tmp_path / "second" / f"s_{i}.png", size=(40, 40), seed=100 + i) for i in range(4)]
    view.classify_paths([str(p) for p in first])
    qtbot.waitUntil(lambda: len(view.records()) > 0, timeout=60000)
    for _ in range(50):
        view.cancel()
    view.classify_paths([str(p) for p in second])  # while the first is still winding down
    wait_idle(qtbot, view)

    by_path = {r.path: r for r in view.records()}
    assert all(str(p) in by_path and by_path[str(p)].error is None for p in second), "the new job is whole"
    assert sum(str(p) in by_path for p in first) < len(first), "the first job really stopped"
    assert not error_boxes(view)


def test_closing_during_classification_with_cancel_pending(qtbot, make_window, photos, qtlog):
    w = make_window()
    w.classify.classify_paths([str(p) for p in photos(40)])
    qtbot.waitUntil(lambda: len(w.classify.records()) > 0, timeout=60000)
    w.classify.cancel()
    thread = w.client._thread
    assert w.close()
    assert not thread.isRunning()
    assert not any("Destroyed while thread" in r.message for r in qtlog.records)
