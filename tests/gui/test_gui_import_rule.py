"""The layer rule of the GUI: only ``gui/jobs/`` calls the engine.

Every other module under ``app/resnet_studio/gui/`` may import from ``resnet_studio.engine`` only
the torch-free tables: ``errors``, ``zoo``, ``paths``, ``plain`` and ``launch_command`` (which
builds a command line from the training contract and loads neither torch, numpy nor Pillow).
Checked by reading the source (``ast``), so imports inside functions count too, and relative
imports (``from ..engine.x import y``, ``from ...engine import x``) are resolved first.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import resnet_studio

GUI = Path(resnet_studio.__file__).parent / "gui"
JOBS = GUI / "jobs"
#: Developer tooling, not part of the running app: the screenshot scenes train and save real
#: models to have something true to show, in their own process, with no window waiting on them.
TOOLING = GUI / "screenshots"
ENGINE = "resnet_studio.engine"
#: Engine modules any GUI module may import: tables and plain values, no torch, numpy or Pillow.
ALLOWED = {"errors", "zoo", "paths", "plain", "launch_command"}


def _module_name(path: Path) -> str:
    rel = path.relative_to(GUI.parent.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package(path: Path) -> str:
    name = _module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _resolve(package: str, module: str | None, level: int) -> str:
    if level == 0:
        return module or ""
    base = package.split(".")
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def engine_imports(source: str, package: str) -> list[tuple[int, str]]:
    """``(line, engine module)`` for every import of the engine in ``source``: the engine module
    (``resnet_studio.engine.<name>``; ``resnet_studio.engine`` itself for the bare package)."""
    found: list[tuple[int, str]] = []

    def note(line: int, full: str) -> None:
        if full == ENGINE or full.startswith(ENGINE + "."):
            found.append((line, ".".join(full.split(".")[:3])))

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                note(node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            full = _resolve(package, node.module, node.level)
            if full in (ENGINE, "resnet_studio"):
                # ``from resnet_studio.engine import x``: x is a module of the engine (or a name
                # of its package); ``from resnet_studio import engine``: the whole engine.
                for alias in node.names:
                    name = f"{full}.{alias.name}" if full == ENGINE else (ENGINE if alias.name == "engine" else "")
                    if name:
                        note(node.lineno, name)
            else:
                note(node.lineno, full)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                note(node.lineno, node.args[0].value)
    return found


def _gui_modules_outside_jobs() -> list[Path]:
    return sorted(p for p in GUI.rglob("*.py") if JOBS not in p.parents and TOOLING not in p.parents)


def test_the_rule_reader_sees_every_form_of_import():
    # as if written in resnet_studio/gui/widgets/x.py: ``..`` is gui, ``...`` is resnet_studio
    src = (
        "import resnet_studio.engine.predict\n"
        "from resnet_studio.engine import zoo, datasets\n"
        "from ...engine.images import open_image\n"
        "from ... import engine\n"
        "from ..errors import show_error\n"  # resnet_studio.gui.errors: not the engine
        "def f():\n"
        "    from ...engine.training.contract import TrainConfig\n"
        "    importlib.import_module('resnet_studio.engine.library')\n"
    )
    assert sorted(m for _, m in engine_imports(src, "resnet_studio.gui.widgets")) == [
        "resnet_studio.engine",
        "resnet_studio.engine.datasets",
        "resnet_studio.engine.images",
        "resnet_studio.engine.library",
        "resnet_studio.engine.predict",
        "resnet_studio.engine.training",
        "resnet_studio.engine.zoo",
    ]
    # in resnet_studio/gui/x.py: ``..`` is resnet_studio; line numbers are kept
    src = "from ..engine.zoo import x\nfrom ..engine import train, paths\n"
    assert engine_imports(src, "resnet_studio.gui") == [
        (1, "resnet_studio.engine.zoo"), (2, "resnet_studio.engine.train"), (2, "resnet_studio.engine.paths"),
    ]


def test_outside_gui_jobs_the_gui_imports_only_the_engines_torch_free_tables():
    modules = _gui_modules_outside_jobs()
    assert len(modules) > 20  # the walk found the package
    broken = []
    for path in modules:
        for line, module in engine_imports(path.read_text(encoding="utf-8"), _package(path)):
            if module == ENGINE or module.split(".")[2] not in ALLOWED:
                broken.append(f"{path.relative_to(GUI.parent.parent)}:{line}: {module}")
    assert not broken, "engine work belongs in gui/jobs/:\n" + "\n".join(broken)


def test_the_allowed_engine_tables_load_no_torch_numpy_or_pillow():
    code = (
        "import sys\n"
        + "".join(f"import resnet_studio.engine.{m}\n" for m in sorted(ALLOWED))
        + "print(sorted(m for m in ('torch', 'torchvision', 'numpy', 'PIL') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
