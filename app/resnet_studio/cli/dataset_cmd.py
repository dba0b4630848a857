"""``resnet-studio dataset``: check a training folder, or sort a flat folder into class folders.

Exit codes: ``check`` 0 when the folder can be trained on (warnings allowed), 2 when it cannot;
``sort-by-name`` 0 when every image found its class, 1 when some were unmatched, ambiguous or
failed (the rest was done), 2 on an error (missing folder, no keywords, disk full).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

from ..engine import datasets

#: How many paths a readable listing shows per problem before "... and N more".
_SHOW = 10


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "dataset",
        help="check a training folder, or sort pictures into category folders by file name",
        description="Check a folder of training pictures, or sort a flat folder into one sub-folder per category.",
    )
    sub = p.add_subparsers(dest="dataset_command", metavar="ACTION")

    def no_action(args: argparse.Namespace) -> int:
        p.print_help(sys.stderr)
        return 2

    p.set_defaults(func=no_action)

    c = sub.add_parser(
        "check",
        help="count images per category and find damaged files, duplicates, tiny images, imbalance, "
        "pictures in the wrong folder",
        description="Check a training folder (one sub-folder per category, or train/ and val/). "
        "Pictures that look like another category are listed when the ImageNet weights are on this "
        "computer (their features are cached, so checking again is fast). "
        "Exit code 0 when a model can be trained on it, 2 when it cannot.",
    )
    c.add_argument("dir", metavar="DIR", help="the folder that holds one sub-folder per category")
    c.add_argument("--json", action="store_true", help="print the full report as JSON")
    c.add_argument("--full", action="store_true", help="decode every image (slower, finds more damage)")
    c.add_argument("--no-labels", action="store_true",
                   help="skip looking for pictures in the wrong folder (that needs the ImageNet weights)")
    c.set_defaults(func=run_check)

    s = sub.add_parser(
        "sort-by-name",
        help="copy pictures into one folder per category, by keywords in their file names",
        description="Sort the pictures directly in SRC (e.g. cat.1.jpg, dog.7.jpg) into DST/cat/, "
        "DST/dog/... by keywords in their names. Files are copied (the source is left as it is) "
        "unless --move is given; nothing is ever overwritten. Exit code 1 when some pictures "
        "matched no keyword or several.",
    )
    s.add_argument("src", metavar="SRC", help="folder with the pictures")
    s.add_argument("dst", metavar="DST", help="folder to create the category folders in")
    s.add_argument(
        "--keywords",
        help="comma-separated category keywords, e.g. cat,dog (default: proposed from the file names)",
    )
    s.add_argument("--move", action="store_true", help="move the files instead of copying them")
    s.add_argument("--dry-run", action="store_true", help="only show the plan; touch nothing")
    s.add_argument("--json", action="store_true", help="print the plan and result as JSON")
    s.set_defaults(func=run_sort)


# ------------------------------------------------------------------------------------ check


def _progress_printer(label: str):
    """A ``(done, total)`` callback drawing one updating line, only on an interactive terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{label} {done}/{total}", end=end, file=sys.stderr, flush=True)

    return show


def visible(text: str) -> str:
    """``text`` with line breaks, controls and direction marks shown as ``\\n`` / ``\\u202e``:
    printed as they are, they would break the listing or turn the text around on screen."""
    out = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch != "\u200d":
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def _spelling(path: str) -> str:
    """How a look-alike name is stored, so the two can be told apart on screen."""
    composed = unicodedata.is_normalized("NFC", Path(path).name)
    return f"{path}  (accents stored {'as single letters' if composed else 'as separate marks'})"


def _listing(items: list[str], indent: str = "      ") -> list[str]:
    lines = [indent + visible(s) for s in items[:_SHOW]]
    if len(items) > _SHOW:
        lines.append(f"{indent}... and {len(items) - _SHOW} more (use --json for the full list)")
    return lines


def format_report(report: datasets.HealthReport) -> str:
    """The health report as text for a terminal."""
    out: list[str] = []
    if report.errors:
        out.append(f"Checked {report.root}: it cannot be used for training.")
        out.extend(f"  ✗ {visible(e.message)}" for e in report.errors)
        return "\n".join(out)
    layout = "train/val folders" if report.layout == datasets.LAYOUT_SPLIT else "one folder per category"
    out.append(f"Checked {report.root} ({layout}) in {report.seconds:.2f} s.")
    out.append(f"{len(report.classes)} categories, {report.num_images} images that can be opened:")
    width = max(len(c) for c in report.classes)
    parts = [p for p in ("train", "val", "test") if any(p in v for v in report.part_counts.values())]
    for cls in report.classes:
        line = f"  {visible(cls):<{width}}  {report.counts.get(cls, 0):>6}"
        if report.layout == datasets.LAYOUT_SPLIT:
            line += "   (" + ", ".join(f"{p} {report.part_counts[cls].get(p, 0)}" for p in parts) + ")"
        out.append(line)
    if report.warnings:
        out.append("")
        out.append("Things to look at:")
        reasons = {str(p): r for p, r in report.unreadable + report.skipped}
        for w in report.warnings:
            out.append(f"  ! {visible(w.message)}")
            if w.code in ("few_images", "imbalance", "no_readable_images", "no_validation_images"):
                continue  # the message names the classes already
            if w.code == "look_alike_names":
                items = [_spelling(p) for p in w.paths]
            else:
                items = [f"{p}: {reasons[p]}" if p in reasons else p for p in w.paths]
            out.extend(_listing(items))
    out.extend(_suspicious_section(report))
    out.append("")
    out.append("Ready to train." if not report.warnings else "Usable for training (see the notes above).")
    return "\n".join(out)


def _suspicious_section(report: datasets.HealthReport) -> list[str]:
    """The top of the likely wrong labels, or why they could not be looked for."""
    if not report.labels_checked:
        return []
    if report.suspicious_labels is None:
        return ["", f"Wrong labels: not checked. {visible(report.suspicious_note)}"]
    found = report.suspicious_labels
    if not found:
        return ["", "Wrong labels: no picture looks like it is in the wrong folder."]
    out = ["", f"Pictures that may be in the wrong folder ({len(found)}, most suspicious first):"]
    for s in found[:_SHOW]:
        out.append(f"  {s.score:.2f}  {visible(str(s.path))}: folder {visible(s.label)}, "
                   f"looks like {visible(s.suggested)}")
    if len(found) > _SHOW:
        out.append(f"      ... and {len(found) - _SHOW} more (use --json for the full list)")
    return out


def run_check(args: argparse.Namespace) -> int:
    report = datasets.check_dataset(
        args.dir, progress=None if args.json else _progress_printer("Checking images"), full_decode=args.full,
        labels=not args.no_labels,
    )
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 2


# ------------------------------------------------------------------------------------ sort


def parse_keywords(text: str | None) -> list[str] | None:
    """``"cat, dog"`` → ``["cat", "dog"]``; Chinese and Japanese commas separate too."""
    if text is None:
        return None
    return [k.strip() for k in re.split(r"[,，、;；]", text) if k.strip()]


def format_plan(plan: datasets.SortPlan, dst: str) -> str:
    how = "proposed from the file names" if plan.proposed else "given"
    out = [f"Keywords ({how}): {', '.join(plan.keywords)}"]
    total = plan.num_assigned + len(plan.unmatched) + len(plan.ambiguous)
    out.append(f"{total} pictures in {plan.src}:")
    width = max(len(k) for k in plan.keywords)
    for kw in plan.keywords:
        out.append(f"  {kw:<{width}}  {len(plan.assignments[kw]):>6}  → {dst}/{kw}/")
    if plan.unmatched:
        out.append(f"  Matched no keyword ({len(plan.unmatched)}), left where they are:")
        out.extend(_listing([p.name for p in plan.unmatched]))
    if plan.ambiguous:
        out.append(f"  Matched several keywords ({len(plan.ambiguous)}), left where they are:")
        out.extend(_listing([f"{p.name} ({', '.join(k)})" for p, k in plan.ambiguous]))
    if plan.skipped:
        out.append(f"  Not sorted ({len(plan.skipped)}): not pictures, hidden, or sub-folders.")
    return "\n".join(out)


def format_sort_report(report: datasets.SortReport, move: bool) -> str:
    out = []
    n = report.moved + report.copied
    verb = "Moved" if move else "Copied"
    out.append(f"{verb} {n} pictures into {report.dst}.")
    if report.renamed:
        out.append(f"  {len(report.renamed)} renamed because the name was already taken:")
        out.extend(_listing([f"{a.name} → {b.relative_to(report.dst)}" for a, b in report.renamed]))
    if report.already_there:
        out.append(f"  {len(report.already_there)} were already there (same content), left as they are.")
    if report.errors:
        out.append(f"  {len(report.errors)} could not be {verb.lower()}:")
        out.extend(_listing([f"{p}: {r}" for p, r in report.errors]))
    if report.cancelled:
        out.append("  Cancelled before the end; the rest was left where it was.")
    return "\n".join(out)


def run_sort(args: argparse.Namespace) -> int:
    plan = datasets.plan_sort_by_name(args.src, parse_keywords(args.keywords))
    report = None
    if not args.dry_run:
        report = datasets.apply_sort_plan(
            plan, args.dst, move=args.move,
            progress=None if args.json else _progress_printer("Moving" if args.move else "Copying"),
        )
    if args.json:
        doc = {"dry_run": bool(args.dry_run), "move": bool(args.move), "plan": plan.to_dict(),
               "result": report.to_dict() if report else None}
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print(format_plan(plan, args.dst))
        print()
        if report is None:
            print("Dry run: nothing was copied or moved.")
        else:
            print(format_sort_report(report, args.move))
    incomplete = plan.unmatched or plan.ambiguous or (report and (report.errors or report.cancelled))
    return 1 if incomplete else 0
