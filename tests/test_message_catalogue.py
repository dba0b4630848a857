"""Every sentence the engine means a user to read is in the GUI's catalogue, with a Chinese translation.

The engine is read, not run: an AST scan finds each StudioError (or subclass) it builds — ``raise
X("…")``, ``return X(f"…{name}…")``, a module-level message constant, a class's default message —
and reduces each message to its shape: the text with every ``{…}`` argument as ``{}``. The
catalogue (``gui/errors.ENGINE_MESSAGES``) lists fixed sentences and templates such as
``"This image is too large ({width} × {height} pixels)…"``; a message is covered when an entry has
the same shape. Then the zh_CN ``.ts`` file must hold a finished translation of that entry.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "app" / "resnet_studio" / "engine"
TS_FILE = ROOT / "resources" / "translations" / "resnet_studio_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# Only a word-bearing text is a message (a bare "{exc}" forwards a message made elsewhere).
WORDS = re.compile(r"[A-Za-z]{3,}")


@dataclass(frozen=True)
class Found:
    shape: str  # the message with each argument as "{}"
    where: str  # file:line


def shape_of(text: str) -> str:
    return PLACEHOLDER.sub("{}", text)


def _modules() -> dict[str, ast.Module]:
    return {p.relative_to(ENGINE).as_posix(): ast.parse(p.read_text(encoding="utf-8"))
            for p in sorted(ENGINE.rglob("*.py"))}


def _error_classes(modules: dict[str, ast.Module]) -> dict[str, int | None]:
    """StudioError and its subclasses → the position of ``message`` in their constructor (None:
    the class takes no message, or it is not known)."""
    bases: dict[str, list[str]] = {}
    positions: dict[str, int | None] = {}
    for tree in modules.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases]
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                        names = [a.arg for a in item.args.args[1:]]
                        positions[node.name] = names.index("message") if "message" in names else None
    found = {"StudioError"}
    changed = True
    while changed:
        changed = False
        for name, parents in bases.items():
            if name not in found and any(p in found for p in parents):
                found.add(name)
                changed = True

    def position(name: str) -> int | None:
        if name in positions:
            return positions[name]
        return next((position(p) for p in bases.get(name, []) if p in found), 0)

    return {name: position(name) for name in found}


def _default_messages(modules: dict[str, ast.Module], classes) -> list[Found]:
    """``def __init__(self, message: str = "Cancelled.")`` of an error class."""
    out = []
    for rel, tree in modules.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in classes:
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                        for default in item.args.defaults + [d for d in item.args.kw_defaults if d]:
                            if isinstance(default, ast.Constant) and isinstance(default.value, str) \
                                    and WORDS.search(default.value):
                                out.append(Found(default.value, f"{rel}:{default.lineno}"))
    return out


def _message_constants(modules: dict[str, ast.Module]) -> list[Found]:
    """``SOME_MESSAGE = "A sentence."`` at module level: raised, passed on or turned into a warning
    elsewhere (a check function's argument, a run's warnings), so found by its form."""
    out = []
    for rel, tree in modules.items():
        for node in tree.body:
            if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                    and node.targets[0].id.lstrip("_").isupper() and isinstance(node.value, ast.Constant)
                    and isinstance(node.value.value, str)):
                text = node.value.value
                if text.rstrip().endswith(".") and len(text.split()) >= 4 and text[:1].isupper():
                    out.append(Found(shape_of(text), f"{rel}:{node.lineno}"))
    return out


class _Resolver:
    """The texts an expression can be: string constants, f-strings, ``+``, ``x if c else y``, a
    constant's name (in the module, in the enclosing function, or imported from another module)."""

    def __init__(self, modules: dict[str, ast.Module]) -> None:
        self.modules = modules
        self.constants: dict[str, dict[str, ast.expr]] = {}
        self.imports: dict[str, dict[str, tuple[str, str]]] = {}
        for rel, tree in modules.items():
            consts, imports = {}, {}
            for node in tree.body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    consts[node.targets[0].id] = node.value
                elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
                    consts[node.target.id] = node.value
                elif isinstance(node, ast.ImportFrom) and node.level >= 1 and node.module:
                    base = Path(rel).parent
                    for _ in range(node.level - 1):
                        base = base.parent
                    target = (base / (node.module.replace(".", "/") + ".py")).as_posix().lstrip("./")
                    for alias in node.names:
                        imports[alias.asname or alias.name] = (target, alias.name)
            self.constants[rel], self.imports[rel] = consts, imports

    def texts_of_dict(self, node: ast.expr, rel: str, local: dict[str, list[ast.expr]]) -> list[str] | None:
        values = local.get(node.id) if isinstance(node, ast.Name) else None
        if not values or not isinstance(values[0], ast.Dict):
            return None
        out = []
        for value in values[0].values:
            got = self.texts(value, rel, local, 1)
            if got is None:
                return None
            out += got
        return out

    def texts(self, node: ast.expr, rel: str, local: dict[str, list[ast.expr]], depth: int = 0) -> list[str] | None:
        if depth > 6:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                if isinstance(value, ast.Constant):
                    parts.append(str(value.value))
                else:
                    parts.append("{}")
            return ["".join(parts)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left = self.texts(node.left, rel, local, depth + 1)
            right = self.texts(node.right, rel, local, depth + 1)
            if left is None or right is None:
                return None
            return [a + b for a in left for b in right]
        if isinstance(node, ast.IfExp):
            a = self.texts(node.body, rel, local, depth + 1)
            b = self.texts(node.orelse, rel, local, depth + 1)
            return None if a is None or b is None else a + b
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
                and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
            return [node.func.value.value]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            # reasons.get(code, default): every value of a dict constant, and the default
            table = self.texts_of_dict(node.func.value, rel, local)
            default = self.texts(node.args[1], rel, local, depth + 1) if len(node.args) > 1 else []
            return None if table is None or default is None else table + default
        if isinstance(node, ast.Call):
            # a helper that returns the message: what its return statements can be
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            funcs = [f for f in ast.walk(self.modules[rel]) if isinstance(f, ast.FunctionDef) and f.name == name]
            if len(funcs) == 1:
                out = []
                returns = [r.value for r in ast.walk(funcs[0]) if isinstance(r, ast.Return) and r.value is not None]
                for value in returns:
                    got = self.texts(value, rel, _local_assignments(funcs[0]), depth + 1)
                    if got is None:
                        return None
                    out += got
                return out
        if isinstance(node, ast.Name):
            if node.id in local:
                out = []
                for value in local[node.id]:
                    got = self.texts(value, rel, local, depth + 1)
                    if got is None:
                        return None
                    out += got
                return out
            if node.id in self.constants.get(rel, {}):
                return self.texts(self.constants[rel][node.id], rel, {}, depth + 1)
            if node.id in self.imports.get(rel, {}):
                target, name = self.imports[rel][node.id]
                if name in self.constants.get(target, {}):
                    return self.texts(self.constants[target][name], target, {}, depth + 1)
        return None


def _forwarded(node: ast.expr, func: ast.AST | None) -> bool:
    """``exc.message`` (and ``.replace`` on it) or a parameter: a message made elsewhere, scanned there."""
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "replace":
        node = node.func.value
    if isinstance(node, ast.Attribute) and node.attr == "message":
        return True
    if isinstance(node, ast.Name) and isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
        params = func.args.posonlyargs + func.args.args + func.args.kwonlyargs
        return node.id in {a.arg for a in params} and node.id not in _local_assignments(func)
    return False


def _local_assignments(func: ast.AST) -> dict[str, list[ast.expr]]:
    out: dict[str, list[ast.expr]] = {}
    for node in ast.walk(func):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out.setdefault(target.id, []).append(node.value)
    return out


def engine_messages() -> tuple[list[Found], list[str]]:
    """(the messages found, the places whose message could not be read statically)."""
    modules = _modules()
    classes = _error_classes(modules)
    resolver = _Resolver(modules)
    found, unresolved = _default_messages(modules, classes) + _message_constants(modules), []
    for rel, tree in modules.items():
        funcs = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        enclosing: dict[int, ast.AST] = {}
        for f in sorted(funcs, key=lambda f: f.lineno):  # innermost wins: later (nested) defs overwrite
            for node in ast.walk(f):
                enclosing[id(node)] = f
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name not in classes:
                continue
            position = classes[name]
            message = next((k.value for k in node.keywords if k.arg == "message"), None)
            if message is None and position is not None and len(node.args) > position:
                message = node.args[position]
            if message is None:
                continue  # the class's default message, found above
            func = enclosing.get(id(node))
            if _forwarded(message, func):
                continue
            texts = resolver.texts(message, rel, _local_assignments(func) if func else {})
            if texts is None:
                unresolved.append(f"{rel}:{node.lineno}: {ast.unparse(message)}")
                continue
            found += [Found(shape_of_fstring(t), f"{rel}:{node.lineno}") for t in texts if WORDS.search(t)]
    return found, unresolved


def shape_of_fstring(text: str) -> str:
    """f-string parts are already "{}"; a plain string's "{name}" (for ``.format``) becomes "{}" too."""
    return shape_of(text)


def catalogue() -> dict[str, str]:
    """shape → catalogue entry."""
    from resnet_studio.gui.errors import ENGINE_MESSAGES

    return {shape_of(entry): entry for entry in ENGINE_MESSAGES}


def finished_translations() -> dict[str, str]:
    """source → translation of the finished EngineMessages entries of the zh_CN catalogue."""
    out = {}
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        if context.findtext("name") != "EngineMessages":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            text = "".join(translation.itertext()).strip()
            if text:
                out[message.findtext("source")] = text
    return out


def test_the_scan_finds_the_messages_it_is_meant_to_find():
    """The scanner itself: constants, f-strings, defaults and returned (not raised) errors."""
    shapes = {f.shape for f in engine_messages()[0]}
    assert "This file is empty (0 bytes)." in shapes  # raise ImageReadError(path, "…")
    assert "This image is too large ({} × {} pixels); the limit is {} megapixels." in shapes  # returned
    assert "Cancelled." in shapes  # CancelledError's default
    from resnet_studio.engine import zoo

    assert zoo.DOWNLOAD_NO_INTERNET in shapes  # a module-level constant


def test_every_engine_message_is_in_the_catalogue():
    found, unresolved = engine_messages()
    shapes = catalogue()
    missing = sorted({f"{f.where}: {f.shape}" for f in found if f.shape not in shapes})
    assert not missing, "not in gui/errors.ENGINE_MESSAGES:\n" + "\n".join(missing)


# (code, message) pairs made by a folder check and raised as pair[1]: their sentences are in
# dataset_tree.py / sort_by_name.py; listed here so a new place the scan cannot read still fails.
NOT_FOLLOWED = {"datasets.py: tree.fatal[1]", "sort_by_name.py: problem[1]"}


def test_every_engine_message_is_read_by_the_scan():
    """A message built in a way the scan cannot follow would slip past the catalogue check."""
    _, unresolved = engine_messages()
    left = [u for u in unresolved if re.sub(r":\d+:", ":", u) not in NOT_FOLLOWED]
    assert not left, "\n".join(left)


def test_every_catalogue_entry_has_a_finished_chinese_translation():
    from resnet_studio.gui.errors import ENGINE_MESSAGES

    done = finished_translations()
    missing = [entry for entry in ENGINE_MESSAGES if entry not in done]
    assert not missing, f"{len(missing)} without a finished zh_CN translation in {TS_FILE.name}:\n" + "\n".join(missing)
    wrong = [entry for entry in ENGINE_MESSAGES
             if sorted(PLACEHOLDER.findall(entry)) != sorted(PLACEHOLDER.findall(done[entry]))]
    assert not wrong, "translations whose {arguments} differ from the source:\n" + "\n".join(wrong)
