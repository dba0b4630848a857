"""Sorting into folders when the input or the disk is bad: each case gets a clear message and
loses nothing (issue 16). The happy paths are in test_sort_by_prediction.py."""

from __future__ import annotations

import csv
import errno
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from resnet_studio.cli import main
from resnet_studio.engine.errors import SortError
from resnet_studio.engine.sort_by_prediction import apply_sort, plan_by_prediction
from resnet_studio.engine.sort_journal import journal_dir, pending_journals, undo_sort
from tests.conftest import save_image
from tests.helpers import measure_peak_growth, save_random_model
from tests.test_reliability_faults import _fill, _remount_read_only, small_disk  # noqa: F401 - fixture
from tests.test_sort_by_prediction import digest, snapshot

REPO_APP = Path(__file__).resolve().parents[1] / "app"


def placed_files(dst: Path) -> list[Path]:
    return [p for p in dst.rglob("*") if p.is_file() and ".resnet-studio-sort" not in p.parts
            and not p.name.startswith("sort report")]


def pile_of(folder: Path, n: int, size=(48, 40)) -> list[Path]:
    return [save_image(folder / f"p{i:02d}.jpg", size=size, seed=i) for i in range(n)]


def rows_for(paths, labels=("cat", "dog")) -> list[dict]:
    return [{"path": str(p), "predictions": [(labels[i % len(labels)], 0.9, 0)], "error": None}
            for i, p in enumerate(paths)]


@pytest.fixture
def model_file(tmp_path):
    def make(classes=("cat", "dog", "fox"), name="pets"):
        return save_random_model(tmp_path / f"{name}.safetensors", list(classes), image_size=64, seed=0, name=name)

    return make


# ------------------------------------------------------------------------------- unreadable pictures


def test_an_unreadable_file_stays_and_is_listed_with_its_reason(model_file, tmp_path, capsys):
    src = tmp_path / "pile"
    good = pile_of(src, 3)
    bad = src / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff this is no picture at all")
    bad_bytes = bad.read_bytes()
    dst = tmp_path / "sorted"
    code = main(["sort", str(src), "--into", str(dst), "--move", "--min-confidence", "0", "--json",
                 "--model", str(model_file()), "--backend", "torch"])
    out = capsys.readouterr()
    assert code == 1, out.err  # some pictures were left where they were
    result = json.loads(out.out)
    assert len(result["placed"]) == 3 and not any(p.exists() for p in good)
    assert [r["path"] for r in result["left"]] == [str(bad)]
    reason = result["left"][0]["reason"]
    assert reason and "Traceback" not in reason
    assert bad.read_bytes() == bad_bytes, "the unreadable file stays where it was, untouched"
    assert f"left in place: {bad}" in out.err and "Traceback" not in out.err
    with open(result["report"], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    left = [r for r in rows if r["action"] == "left in place"]
    assert [(r["source"], r["reason"]) for r in left] == [(str(bad), reason)]


# ------------------------------------------------------------------------------- read-only destination


def test_a_read_only_disk_is_refused_before_any_picture_moves(small_disk, tmp_path, monkeypatch):  # noqa: F811
    src = tmp_path / "pile"
    paths = pile_of(src, 4)
    before = snapshot(src)
    (small_disk / "sorted").mkdir()
    _remount_read_only(small_disk)
    # As root os.access says yes even where the disk says no: only the first write can tell.
    monkeypatch.setattr(os, "access", lambda *a, **k: True)
    with pytest.raises(SortError) as info:
        apply_sort(plan_by_prediction(rows_for(paths)), small_disk / "sorted", move=True, sources=[src])
    assert "read-only" in str(info.value) and "Traceback" not in str(info.value)
    assert snapshot(src) == before
    assert list((small_disk / "sorted").iterdir()) == []


@pytest.mark.parametrize("code, words", [(errno.EROFS, "read-only"), (errno.EACCES, "permission")])
@pytest.mark.parametrize("sorted_before", [False, True])
def test_a_refused_first_write_stops_the_sort_before_anything_moves(tmp_path, monkeypatch, code, words,
                                                                    sorted_before):
    src = tmp_path / "pile"
    paths = pile_of(src, 4)
    dst = tmp_path / "sorted"
    if sorted_before:  # an earlier sort left its record folder (and lock file) there
        apply_sort(plan_by_prediction(rows_for(pile_of(tmp_path / "earlier", 1))), dst)
    else:
        dst.mkdir()
    before = snapshot(src)
    dst_listing = snapshot(dst)
    real_open, real_mkdir = os.open, os.mkdir

    def refuse_inside(real):
        def call(path, *args, **kwargs):
            if str(os.fspath(path)).startswith(str(dst)):
                raise OSError(code, os.strerror(code), str(path))
            return real(path, *args, **kwargs)
        return call

    monkeypatch.setattr(os, "access", lambda *a, **k: True)
    monkeypatch.setattr(os, "open", refuse_inside(real_open))
    monkeypatch.setattr(os, "mkdir", refuse_inside(real_mkdir))
    with pytest.raises(SortError) as info:
        apply_sort(plan_by_prediction(rows_for(paths)), dst, move=True, sources=[src])
    monkeypatch.undo()
    message = str(info.value)
    assert words in message and "Another sort" not in message, message
    assert snapshot(src) == before and snapshot(dst) == dst_listing


# ------------------------------------------------------------------------------- full disk part-way


def test_a_disk_that_fills_part_way_stops_and_undo_puts_back_what_moved(small_disk, tmp_path):  # noqa: F811
    src = tmp_path / "pile"
    paths = pile_of(src, 40, size=(96, 96))  # about 10 kB each: a few fit on the 256 kB disk
    before = snapshot(src)
    filler = small_disk / "filler.bin"
    filler.write_bytes(b"\0" * (150 * 1024))
    dst = small_disk / "sorted"
    out = apply_sort(plan_by_prediction(rows_for(paths)), dst, move=True, sources=[src])
    print(f"\nfull disk: {len(out.placed)} moved, {len(out.left)} left; stopped: {out.stopped}")
    assert out.placed and out.left and out.stopped and "Traceback" not in out.stopped
    assert len(out.placed) + len(out.left) == len(paths)
    for s, reason in out.left:
        assert Path(s).exists() and reason, "what was not sorted stayed where it was"
    for s, d, _, _ in out.placed:
        assert d.exists() and not Path(s).exists()
    filler.unlink()  # room again: undo has space to work with
    report = undo_sort(dst)
    assert not report.kept and len(report.restored) == len(out.placed)
    assert snapshot(src) == before


def test_a_disk_full_while_writing_the_journal_loses_nothing(tmp_path, monkeypatch):
    import resnet_studio.engine.sort_journal as sj

    src = tmp_path / "pile"
    paths = pile_of(src, 150)
    before = snapshot(src)
    dst = tmp_path / "sorted"
    real_fsync, calls = os.fsync, {"n": 0}

    def fsync_then_full(fd):
        calls["n"] += 1
        if calls["n"] == 4:  # the journal's flush of the second batch
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(sj.os, "fsync", fsync_then_full)
    out = apply_sort(plan_by_prediction(rows_for(paths)), dst, move=True, sources=[src])
    monkeypatch.undo()
    assert out.stopped and "full" in out.stopped
    assert len(out.placed) + len(out.left) == len(paths)
    assert all(Path(s).exists() for s, _ in out.left)
    undo_sort(dst)
    assert snapshot(src) == before


def test_a_disk_full_while_recording_one_picture_lists_every_picture_not_sorted(tmp_path, monkeypatch):
    import resnet_studio.engine.sort_journal as sj

    src = tmp_path / "pile"
    paths = pile_of(src, 150)
    before = snapshot(src)
    dst = tmp_path / "sorted"
    real_intend, calls = sj.Journal.intend, {"n": 0}

    def intend_then_full(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 70:  # the sixth picture of the second batch of 64
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_intend(self, *args, **kwargs)

    monkeypatch.setattr(sj.Journal, "intend", intend_then_full)
    out = apply_sort(plan_by_prediction(rows_for(paths)), dst, move=True, sources=[src])
    monkeypatch.undo()
    assert len(out.placed) == 64 and "full" in out.stopped
    assert sorted(str(s) for s, _ in out.left) == sorted(str(p) for p in paths[64:])
    assert all(Path(s).exists() for s, _ in out.left)
    undo_sort(dst)
    assert snapshot(src) == before


# ------------------------------------------------------------------------------- strange categories


def test_categories_named_dot_dot_or_with_a_slash_stay_inside_the_destination(model_file, tmp_path, capsys):
    model = model_file(classes=("..", "a/b", "../../escape", "."), name="odd")
    src = tmp_path / "pile"
    pile_of(src, 6)
    dst = tmp_path / "deep" / "sorted"
    dst.parent.mkdir()
    outside_before = sorted(p.name for p in tmp_path.iterdir())
    code = main(["sort", str(src), "--into", str(dst), "--min-confidence", "0", "--json",
                 "--model", str(model), "--backend", "torch"])
    out = capsys.readouterr()
    assert code == 0, out.err
    result = json.loads(out.out)
    assert len(result["placed"]) == 6
    real_dst = dst.resolve()
    for r in result["placed"]:
        d = Path(r["destination"]).resolve()
        assert d.parent.parent == real_dst, f"{d} is not one folder below {real_dst}"
        assert d.parent.name not in ("..", ".") and "/" not in r["folder"]
    assert sorted(p.name for p in tmp_path.iterdir()) == outside_before
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["sorted"]
    assert main(["sort", "--undo", str(dst)]) == 0
    assert placed_files(dst) == []


# ------------------------------------------------------------------------------- two sorts at once

_HOLDER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[1])
    import resnet_studio.engine.sort_by_prediction as sbp
    from pathlib import Path
    with sbp.destination_lock(Path(sys.argv[2])):
        print("holding", flush=True)
        sys.stdin.readline()
""")

_SORTER = textwrap.dedent("""
    import json, sys
    sys.path.insert(0, sys.argv[1])
    import resnet_studio.engine.sort_by_prediction as sbp
    from resnet_studio.engine.errors import SortError
    rows = json.loads(open(sys.argv[2]).read())
    try:
        out = sbp.apply_sort(sbp.plan_by_prediction(rows), sys.argv[3], move=True)
        print(json.dumps({"placed": len(out.placed), "left": len(out.left)}))
    except SortError as exc:
        print(json.dumps({"error": str(exc)}))
""")


def test_two_processes_sorting_into_one_folder(tmp_path):
    dst = tmp_path / "sorted"
    dst.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(REPO_APP), str(dst)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        src = tmp_path / "pile"
        paths = pile_of(src, 5)
        before = snapshot(src)
        with pytest.raises(SortError, match="Another sort"):
            apply_sort(plan_by_prediction(rows_for(paths)), dst, move=True, sources=[src])
        assert snapshot(src) == before and placed_files(dst) == []
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(30)
    # two real sorts started together: each picture ends up in exactly one place
    piles = [pile_of(tmp_path / f"pile{k}", 20) for k in (1, 2)]
    everything = {p.name + str(k): digest(p) for k, pile in enumerate(piles) for p in pile}
    procs = []
    for k, pile in enumerate(piles):
        rows_file = tmp_path / f"rows{k}.json"
        rows_file.write_text(json.dumps(rows_for(pile)))
        procs.append(subprocess.Popen([sys.executable, "-c", _SORTER, str(REPO_APP), str(rows_file), str(dst)],
                                      stdout=subprocess.PIPE, text=True))
    results = [json.loads(p.communicate(timeout=120)[0]) for p in procs]
    for r in results:
        assert ("error" in r and "Another sort" in r["error"]) or r == {"placed": 20, "left": 0}, r
    kept = [digest(p) for pile in piles for p in pile if p.exists()] + [digest(p) for p in placed_files(dst)]
    assert sorted(kept) == sorted(everything.values()), "every picture is somewhere, once"


# ------------------------------------------------------------------------------- a big pile


def test_a_pile_of_ten_thousand(tmp_path):
    src = tmp_path / "pile"
    src.mkdir()
    paths = []
    for i in range(10_000):
        p = src / f"img_{i:05d}.jpg"
        p.write_bytes(i.to_bytes(4, "little"))
        paths.append(p)
    rows = rows_for(paths, labels=("cat", "dog", "fox", "owl"))
    t0 = time.perf_counter()
    plan = plan_by_prediction(rows)
    t1 = time.perf_counter()
    dst = tmp_path / "sorted"
    out, growth = measure_peak_growth(lambda: apply_sort(plan, dst, move=True, sources=[src]))
    t2 = time.perf_counter()
    undone = undo_sort(dst)
    t3 = time.perf_counter()
    print(f"\n10,000 pictures: plan {t1 - t0:.2f} s, move {t2 - t1:.2f} s, undo {t3 - t2:.2f} s, "
          f"peak memory growth during the move {growth / 1e6:.1f} MB")
    assert len(out.placed) == 10_000 and not out.left and not out.stopped
    assert growth < 64 * 1024 * 1024
    assert len(undone.restored) == 10_000 and all(p.exists() for p in paths)


# ------------------------------------------------------------------------------- undo without a record


def test_undo_of_a_folder_without_a_journal_says_so_and_touches_nothing(tmp_path, capsys):
    folder = tmp_path / "holiday"
    pile_of(folder, 3)
    before = snapshot(folder)
    assert main(["sort", "--undo", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "nothing to undo" in err and "Traceback" not in err
    assert snapshot(folder) == before and not journal_dir(folder).exists()
    assert main(["sort", "--undo", str(tmp_path / "no such folder")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no such folder" in err[0]


@pytest.mark.parametrize("cut", ["mid-line", "mid-character", "garbage"])
def test_undo_of_a_journal_cut_off_mid_line(tmp_path, capsys, cut):
    src = tmp_path / "pile"
    paths = [save_image(src / f"照片 {i}.jpg", seed=i) for i in range(5)]
    before = snapshot(src)
    dst = tmp_path / "sorted"
    apply_sort(plan_by_prediction(rows_for(paths)), dst, move=True, sources=[src])
    journal = pending_journals(dst)[0]
    text = journal.read_bytes()
    # killed while writing the next record: its line stops part-way
    extra = json.dumps({"i": 99, "op": "move", "src": str(src / "照片 9.jpg"), "dst": str(dst / "cat" / "照片 9.jpg")},
                       ensure_ascii=False).encode("utf-8")
    if cut == "mid-line":
        text += extra[:40]
    elif cut == "mid-character":
        text += extra[: extra.index("照".encode()) + 1]
    else:
        text += b"\x00\xff\xfe" * 20
    journal.write_bytes(text)
    assert main(["sort", "--undo", str(dst)]) == 0
    err = capsys.readouterr().err
    assert "5 pictures put back" in err and "Traceback" not in err
    assert snapshot(src) == before and placed_files(dst) == []
