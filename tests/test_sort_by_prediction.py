"""Sorting pictures into folders by prediction, and undoing it (issue 16): engine API and CLI."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from resnet_studio.cli import main
from resnet_studio.engine.errors import SortError
from resnet_studio.engine.sort_by_prediction import (
    UNSURE_FOLDER,
    apply_sort,
    category_folders,
    destination_lock,
    plan_by_prediction,
)
from resnet_studio.engine.sort_journal import pending_journals, undo_sort
from tests.conftest import save_image

REPO_APP = Path(__file__).resolve().parents[1] / "app"


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path → sha256), hidden sort records left out."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*"))
            if p.is_file() and ".resnet-studio-sort" not in p.parts}


@pytest.fixture
def pile(tmp_path):
    """A pile of 8 pictures (two with the same name in different folders) and their rows."""
    src = tmp_path / "未分类 pile"
    paths = [save_image(src / f"p{i}.jpg", seed=i) for i in range(6)]
    paths.append(save_image(src / "sub" / "p0.jpg", seed=10))
    paths.append(save_image(src / "sub" / "p1.jpg", seed=11))
    labels = ["cat", "dog", "cat", "dog", "cat", "dog", "cat", "cat"]
    scores = [0.9, 0.8, 0.3, 0.95, 0.7, 0.2, 0.99, 0.6]
    rows = [{"path": str(p), "predictions": [(lab, s, 0)], "error": None} for p, lab, s in zip(paths, labels, scores)]
    return src, paths, rows


def test_category_names_become_safe_distinct_folders():
    folders = category_folders(["cat", "Cat", "..", ".", "a/b", "a_b", "CON", UNSURE_FOLDER, "猫", "", "x\\y"])
    assert folders["cat"] == "cat" and folders["Cat"] == "Cat (2)"  # a case-blind disk keeps them apart
    assert folders[".."] not in ("..", ".") and folders["."] not in ("..", ".")
    assert "/" not in folders["a/b"] and folders["a/b"] != folders["a_b"]
    assert folders["CON"] != "CON" and folders[UNSURE_FOLDER] != UNSURE_FOLDER
    assert folders["猫"] == "猫" and folders[""] and "\\" not in folders["x\\y"]
    assert len(set(f.casefold() for f in folders.values())) == len(folders)


def test_plan_threshold_unsure_unreadable_and_duplicates(pile, tmp_path):
    src, paths, rows = pile
    link = tmp_path / "link.jpg"
    os.symlink(paths[0], link)
    rows = rows + [{"path": str(link), "predictions": [("cat", 0.9, 0)], "error": None},
                   {"path": str(src / "bad.jpg"), "predictions": [], "error": "This file is damaged."}]
    plan = plan_by_prediction(rows, min_confidence=0.5)
    assert plan.counts() == {"cat": 4, "dog": 2, UNSURE_FOLDER: 2}
    assert plan.duplicates == [link]
    assert plan.unreadable == [(src / "bad.jpg", "This file is damaged.")]


def test_copy_leaves_the_source_untouched_and_never_overwrites(pile, tmp_path):
    src, paths, rows = pile
    before = {p: (digest(p), os.stat(p).st_mtime_ns) for p in paths}
    dst = tmp_path / "sorted"
    save_image(dst / "cat" / "p0.jpg", seed=99)  # already there: must not be replaced
    kept = digest(dst / "cat" / "p0.jpg")
    out = apply_sort(plan_by_prediction(rows, min_confidence=0.5), dst, sources=[src])
    assert {p: (digest(p), os.stat(p).st_mtime_ns) for p in paths} == before
    assert digest(dst / "cat" / "p0.jpg") == kept
    assert len(out.placed) == 8 and not out.left and not out.stopped
    names = sorted(str(p.relative_to(dst)) for _, p, _, _ in out.placed)
    assert "cat/p0 (2).jpg" in names and "cat/p0 (3).jpg" in names  # the two p0.jpg, after the one that was there
    for s, d, _, _ in out.placed:
        assert digest(s) == digest(d)
    report = out.report.read_text(encoding="utf-8-sig").splitlines()
    assert report[0].startswith("source,destination,folder,confidence") and len(report) == 9


def test_move_then_undo_restores_every_picture_byte_for_byte(pile, tmp_path):
    src, paths, rows = pile
    before = snapshot(src)
    dst = tmp_path / "sorted"
    out = apply_sort(plan_by_prediction(rows, min_confidence=0.5), dst, move=True, sources=[src])
    assert len(out.placed) == 8 and not any(p.exists() for p in paths)
    assert snapshot(src) == {}
    report = undo_sort(dst)
    assert len(report.restored) == 8 and not report.kept
    assert snapshot(src) == before
    assert not [p for p in dst.rglob("*") if p.is_file() and ".resnet-studio-sort" not in p.parts], \
        "the category folders and the report are gone"
    again = undo_sort(dst)
    assert again.nothing_to_undo and snapshot(src) == before


def test_undo_of_a_copy_removes_only_unchanged_copies(pile, tmp_path):
    src, paths, rows = pile
    dst = tmp_path / "sorted"
    out = apply_sort(plan_by_prediction(rows), dst, sources=[src])
    changed = out.placed[0][1]
    changed.write_bytes(b"the user edited this copy")
    report = undo_sort(dst)
    assert len(report.removed) == 7 and report.kept == [(changed, "changed since it was copied")]
    assert changed.exists() and all(p.exists() for p in paths)


def test_a_destination_inside_the_source_is_refused_before_anything_moves(pile):
    src, paths, rows = pile
    with pytest.raises(SortError, match="inside a folder being sorted"):
        apply_sort(plan_by_prediction(rows), src / "sorted", move=True, sources=[src])
    assert all(p.exists() for p in paths) and not (src / "sorted").exists()


def test_two_sorts_into_one_folder_at_once(pile, tmp_path):
    src, paths, rows = pile
    dst = tmp_path / "sorted"
    dst.mkdir()
    holding, release = threading.Event(), threading.Event()

    def other_sort() -> None:  # another sort (a job on another thread, or another process)
        with destination_lock(dst):
            holding.set()
            release.wait(30)

    t = threading.Thread(target=other_sort)
    t.start()
    try:
        assert holding.wait(30)
        with pytest.raises(SortError, match="Another sort"):
            apply_sort(plan_by_prediction(rows), dst, move=True, sources=[src])
        with pytest.raises(SortError, match="Another sort"):
            undo_sort(dst)
    finally:
        release.set()
        t.join()
    assert all(p.exists() for p in paths)


def test_a_full_disk_stops_the_sort_and_undo_puts_back_what_moved(pile, tmp_path, monkeypatch):
    import errno

    import resnet_studio.engine.sort_by_prediction as sbp

    src, paths, rows = pile
    before = snapshot(src)
    calls = {"n": 0}
    real_link = os.link

    def link_then_fill_up(a, b, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_link(a, b, *args, **kwargs)

    monkeypatch.setattr(sbp.os, "link", link_then_fill_up)
    out = apply_sort(plan_by_prediction(rows), tmp_path / "sorted", move=True, sources=[src])
    monkeypatch.undo()
    assert len(out.placed) == 3 and "full" in out.stopped and len(out.left) == 5
    assert all(Path(p).exists() for p, _ in out.left)  # what was not sorted stayed where it was
    undo_sort(tmp_path / "sorted")
    assert snapshot(src) == before


_KILLER = textwrap.dedent("""
    import json, os, signal, sys
    sys.path.insert(0, sys.argv[1])
    import resnet_studio.engine.sort_by_prediction as sbp
    rows = json.loads(open(sys.argv[2]).read())
    real_unlink, n = os.unlink, [0]
    def unlink(p, *a, **k):
        n[0] += 1
        if n[0] == int(sys.argv[4]):
            os.kill(os.getpid(), signal.SIGKILL)  # after the new name exists, before the old one goes
        return real_unlink(p, *a, **k)
    sbp.os.unlink = unlink
    sbp.apply_sort(sbp.plan_by_prediction(rows), sys.argv[3], move=True)
""")


@pytest.mark.parametrize("kill_at", [1, 5])
def test_undo_after_the_sort_was_killed_part_way(pile, tmp_path, kill_at):
    src, paths, rows = pile
    before = snapshot(src)
    rows_file = tmp_path / "rows.json"
    rows_file.write_text(json.dumps(rows))
    dst = tmp_path / "sorted"
    proc = subprocess.run([sys.executable, "-c", _KILLER, str(REPO_APP), str(rows_file), str(dst), str(kill_at)],
                          capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert pending_journals(dst), "the journal was on the disk before the first move"
    report = undo_sort(dst)
    assert not report.kept
    assert snapshot(src) == before
    assert not [p for p in dst.rglob("*") if p.is_file() and ".resnet-studio-sort" not in p.parts]


# ------------------------------------------------------------------------------------------------
# The CLI


def test_cli_sort_json_and_undo(fake_imagenet_weights, pile, tmp_path, capsys):
    fake_imagenet_weights("resnet18")
    src, paths, _ = pile
    (src / "notes.txt").write_text("not a picture")
    before = snapshot(src)
    dst = tmp_path / "分好的"
    code = main(["sort", str(src), "--into", str(dst), "--move", "--min-confidence", "0%", "--json",
                 "--backend", "torch"])
    out = capsys.readouterr()
    assert code == 0, out.err
    result = json.loads(out.out)
    assert len(result["placed"]) == 8 and result["mode"] == "move"
    assert all(Path(r["destination"]).is_relative_to(dst) for r in result["placed"])
    assert "sort --undo" in out.err and "Traceback" not in out.err
    assert (src / "notes.txt").exists(), "a file that is not a picture stays where it is"
    assert main(["sort", "--undo", str(dst)]) == 0
    assert snapshot(src) == before
    assert main(["sort", "--undo", str(dst)]) == 0
    assert "nothing to undo" in capsys.readouterr().err


@pytest.mark.parametrize("args, words", [
    (["sort", "a.jpg"], "--into"),
    (["sort", "--undo", "x", "a.jpg"], "on its own"),
])
def test_cli_sort_usage_errors(args, words, capsys):
    assert main(args) == 2
    assert words in capsys.readouterr().err


def test_cli_sort_into_the_source_is_one_line_exit_2(pile, capsys):
    src, paths, _ = pile
    assert main(["sort", str(src), "--into", str(src / "out"), "--move"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "inside a folder being sorted" in err[0]
    assert all(p.exists() for p in paths)
