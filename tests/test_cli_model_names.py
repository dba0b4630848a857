"""The CLI knows the app's own models by their library name (issue 15): every command taking a
model resolves it the same way (``engine.library.resolve_model``), and ``models`` lists them."""

from __future__ import annotations

import json

import pytest

from resnet_studio.cli import main
from resnet_studio.engine.errors import ModelError
from resnet_studio.engine.library import resolve_model, safe_file_stem
from resnet_studio.engine.paths import trained_models_dir
from tests.conftest import save_image
from tests.helpers import save_random_model

pytestmark = pytest.mark.usefixtures("torch_one_thread")


def cli(*args) -> int:
    return main([str(a) for a in args])


def _model(name: str, classes=("circle", "square", "triangle")):
    return save_random_model(trained_models_dir() / f"{safe_file_stem(name)}.safetensors", classes,
                             image_size=32, name=name)


@pytest.fixture
def library():
    return {n: _model(n) for n in ("Handwritten digits v1", "Handwritten digits v2", "Leaves")}


def test_names_resolve_exactly_case_insensitively_then_by_unique_prefix(library):
    assert resolve_model("Handwritten digits v2") == str(library["Handwritten digits v2"])
    assert resolve_model("  handwritten   DIGITS v2 ") == str(library["Handwritten digits v2"])
    assert resolve_model("leav") == str(library["Leaves"])
    assert resolve_model("Leaves.safetensors") == str(library["Leaves"])  # the file name, from anywhere
    # zoo names and existing files come first, as before
    assert resolve_model("resnet50") == "resnet50" and resolve_model("ResNet50") == "resnet50"
    assert resolve_model(str(library["Leaves"])) == str(library["Leaves"])


def test_ambiguous_and_unknown_names_say_what_is_there(library):
    with pytest.raises(ModelError) as ambiguous:
        resolve_model("handwritten")
    assert "'Handwritten digits v1'" in str(ambiguous.value) and "'Handwritten digits v2'" in str(ambiguous.value)
    with pytest.raises(ModelError) as typo:
        resolve_model("Handwriten digits v2")
    assert "Did you mean 'Handwritten digits v2'" in str(typo.value)


def test_classify_by_library_name(library, tmp_path, capsys):
    photo = save_image(tmp_path / "p.png", size=(40, 40), seed=3)
    assert cli("classify", photo, "--model", "Handwritten digits v2", "--json", "--backend", "torch",
               "--top-k", "2") == 0
    out = capsys.readouterr()
    row = json.loads(out.out.splitlines()[0])
    assert {p["label"] for p in row["predictions"]} <= {"circle", "square", "triangle"}
    assert "Handwritten digits v2" in out.err  # the summary names the model used


@pytest.mark.parametrize("command", [
    ["classify", "{photo}", "--model", "Handwriten digits v2"],
    ["evaluate", "Handwriten digits v2", "{data}"],
    ["export", "Handwriten digits v2", "--format", "onnx", "--out", "{tmp}/x.onnx"],
    ["explain", "{photo}", "--model", "Handwriten digits v2", "--out", "{tmp}/x.png"],
])
def test_every_command_answers_a_wrong_name_with_one_line_and_exit_2(library, tmp_path, capsys, command):
    photo = save_image(tmp_path / "p.png", size=(40, 40), seed=3)
    data = tmp_path / "data"
    save_image(data / "circle" / "a.png", size=(40, 40))
    args = [a.format(photo=photo, data=data, tmp=tmp_path) for a in command]
    assert cli(*args) == 2
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert "Did you mean 'Handwritten digits v2'" in lines[0] and "Traceback" not in lines[0]


def test_evaluate_by_library_name(library, shapes_dataset, capsys):
    assert cli("evaluate", "leaves", shapes_dataset, "--json") == 0
    result = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert result["count"] == 36


def test_models_lists_your_models_in_text_and_json(library, capsys):
    assert cli("models") == 0
    text = capsys.readouterr().out
    yours = text.split("Your models", 1)[1]
    for name, path in library.items():
        line = next(line for line in yours.splitlines() if line.startswith(name))
        assert "ResNet-18" in line and " 3 " in line and str(path) in line
    assert cli("models", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    mine = [r for r in rows if r["kind"] == "yours"]
    assert {r["name"]: (r["arch"], r["categories"], r["file"]) for r in mine} == {
        n: ("resnet18", 3, str(p)) for n, p in library.items()}
    assert all(r["kind"] == "imagenet" for r in rows[: len(rows) - len(mine)])


def test_models_says_when_you_have_none(capsys):
    assert cli("models") == 0
    assert "Your models\nNone yet" in capsys.readouterr().out
