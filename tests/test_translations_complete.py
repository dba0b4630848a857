"""Every string the window can show is in the catalogue and translated (issue 15).

The committed ``.ts`` files must hold exactly what ``pyside6-lupdate`` finds in the GUI code today
(so a new string cannot be forgotten), with no unfinished entry in Chinese and both forms of every
count in English.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out[(name, msg.findtext("source") or "")] = msg
    return out


def _lupdate() -> str | None:
    scripts = Path(sys.executable).parent
    return shutil.which("pyside6-lupdate", path=str(scripts)) or shutil.which("pyside6-lupdate")


def test_chinese_catalogue_is_finished_and_every_context_named():
    messages = _messages(TRANSLATIONS / "resnet_studio_zh_CN.ts")
    assert len(messages) > 600
    nameless = [src for (ctx, src) in messages if not ctx]
    assert not nameless, f"strings lupdate could not place in a context (an aliased tr?): {nameless}"
    unfinished = [f"{ctx}: {src[:60]}" for (ctx, src), m in messages.items()
                  if m.find("translation").get("type") == "unfinished"
                  or not ((m.find("translation").text or "").strip() or len(m.find("translation")))]
    assert not unfinished, "untranslated:\n" + "\n".join(unfinished)


def test_english_plurals_have_both_forms():
    messages = _messages(TRANSLATIONS / "resnet_studio_en.ts")
    assert messages, "the English plural catalogue is empty"
    for (ctx, src), m in messages.items():
        forms = [f.text or "" for f in m.find("translation").iter("numerusform")]
        assert len(forms) == 2 and all(f.strip() for f in forms), f"{ctx}: {src}"
        assert "%n" in forms[0] or "%n" not in src, f"{ctx}: {src}"


@pytest.mark.skipif(_lupdate() is None, reason="pyside6-lupdate is not installed")
def test_catalogue_holds_exactly_what_the_code_says(tmp_path):
    files = sorted(str(p) for p in (ROOT / "app" / "resnet_studio" / "gui").rglob("*.py")
                   if "screenshots" not in p.parts)
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TRANSLATIONS / "resnet_studio_zh_CN.ts", fresh)
    subprocess.run([_lupdate(), *files, "-ts", str(fresh), "-no-obsolete", "-silent"], check=True,
                   capture_output=True, timeout=120)
    committed = set(_messages(TRANSLATIONS / "resnet_studio_zh_CN.ts"))
    found = set(_messages(fresh))
    assert not (found - committed), f"strings in the code but not in the .ts (run lupdate): {sorted(found - committed)[:10]}"
    assert not (committed - found), f"strings in the .ts the code no longer has: {sorted(committed - found)[:10]}"
