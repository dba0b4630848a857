"""Coverage-guided fuzzing of ``engine.images.open_image`` with atheris (libFuzzer for Python).

    .venv/bin/pip install atheris      # optional, not an app dependency
    .venv/bin/python bench/fuzz_images_atheris.py [-max_total_time=300] [-timeout=10] [CORPUS_DIR]

The corpus starts from the same small valid JPEG / PNG / GIF / WebP / TIFF files as
``tests/test_fuzz_images.py`` (written to ``CORPUS_DIR``, default a temp folder), and libFuzzer
mutates them guided by coverage of Pillow's Python image plugins and our opener (the C decoders
are not instrumented, but run on every input). The property is the same as the hypothesis test:
``open_image`` returns an RGB image within the pixel limit or raises ``ImageReadError`` — any
other exception is reported as a crash with the input saved to ``crash-*``. libFuzzer's own
``-timeout`` (seconds per input) and ``-rss_limit_mb`` catch hangs and memory blow-ups.

At the end it prints how many inputs ran, how many opened, and the distinct error messages.
"""

from __future__ import annotations

import atexit
import collections
import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["PIL", "resnet_studio"]):
    from PIL import Image

    Image.init()  # Pillow imports its format plugins lazily: import them here, instrumented
    from resnet_studio.engine.errors import ImageReadError
    from resnet_studio.engine.images import open_image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.test_fuzz_images import EXT, FUZZ_MAX_PIXELS, SEEDS  # noqa: E402

WORK = Path(tempfile.mkdtemp(prefix="rs-atheris-"))
TARGET = WORK / "input.img"
STATS: collections.Counter = collections.Counter()
#: libFuzzer ends the process with exit(), past Python's atexit: the summary is printed every
#: this many inputs instead (and on Ctrl-C / a crash, through atexit, when Python gets to run it).
REPORT_EVERY = 20_000


def test_one_input(data: bytes) -> None:
    TARGET.write_bytes(data)
    STATS["runs"] += 1
    if STATS["runs"] % REPORT_EVERY == 0:
        _report()
    min_side = [None, 8, 224][data[-1] % 3] if data else None  # exercise the JPEG draft path too
    try:
        img = open_image(TARGET, min_side=min_side, max_pixels=FUZZ_MAX_PIXELS)
    except ImageReadError as exc:
        STATS[f"error: {exc}"] += 1
        return
    if img.mode != "RGB" or img.width * img.height > FUZZ_MAX_PIXELS:
        raise AssertionError(f"open_image returned {img.mode} {img.size}")
    STATS["opened"] += 1


def _write_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for fmt, seeds in SEEDS.items():
        for i, data in enumerate(seeds):
            (folder / f"seed-{fmt.lower()}-{i}{EXT[fmt]}").write_bytes(data)


def _report() -> None:
    runs, opened = STATS["runs"], STATS["opened"]
    print(f"\n[atheris] {runs} inputs (this process), {opened} opened as images, "
          f"{runs - opened} refused with ImageReadError; distinct messages:", file=sys.stderr)
    for msg, n in STATS.most_common():
        if msg in ("runs", "opened"):
            continue
        print(f"  {n:>8}  {msg}", file=sys.stderr)


def main() -> None:
    args = list(sys.argv)
    dirs = [a for a in args[1:] if not a.startswith("-")]
    if not dirs:
        corpus = WORK / "corpus"
        args.append(str(corpus))
    else:
        corpus = Path(dirs[0])
    _write_corpus(corpus)
    if not any(a.startswith("-timeout=") for a in args):
        args.append("-timeout=10")
    if not any(a.startswith("-rss_limit_mb=") for a in args):
        args.append("-rss_limit_mb=2048")
    if not any(a.startswith("-max_total_time=") or a.startswith("-runs=") for a in args):
        args.append("-max_total_time=180")
    atexit.register(_report)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
