"""The house stays easy to change: no module of the app over 800 lines, no function over 120."""

from __future__ import annotations

import ast
from pathlib import Path

import resnet_studio

APP = Path(resnet_studio.__file__).parent
MAX_MODULE_LINES = 800
MAX_FUNCTION_LINES = 120


def _modules() -> list[Path]:
    found = sorted(APP.rglob("*.py"))
    assert len(found) > 50  # the walk found the package
    return found


def test_no_module_is_over_800_lines():
    long = {str(p.relative_to(APP)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"split these by job: {long}"


def test_no_function_is_over_120_lines():
    long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(APP)}:{node.lineno} {node.name} ({lines} lines)")
    assert not long, "split these: " + "; ".join(long)
