"""Run records follow their model through the library (issue 15): renamed, or restored under a new
name, a model's past runs still point at it; the self-test keeps no run and no model of its own."""

from __future__ import annotations

from pathlib import Path

from resnet_studio.engine import library, runs
from resnet_studio.engine.paths import trained_models_dir
from tests.helpers import save_random_model
from tests.test_runs import fake_result


def _model_with_run(name: str) -> tuple[Path, str]:
    path = save_random_model(trained_models_dir() / f"{name}.safetensors", ("cat", "dog"), image_size=32,
                             name=name)
    record = runs.record_run(fake_result(model_path=path), path.parent, name=name)
    return path, record.run_id


def test_a_renamed_models_runs_point_at_its_new_file_and_name():
    pets, pets_run = _model_with_run("Pets")
    other, other_run = _model_with_run("Leaves")
    new = library.rename_model(pets, "Cats and dogs")
    assert new != pets and new.is_file()
    moved = runs.load_run(pets_run)
    assert moved.model_path == str(new) and moved.name == "Cats and dogs"
    untouched = runs.load_run(other_run)
    assert untouched.model_path == str(other) and untouched.name == "Leaves"
    # listed as before (the Models view's runs panel reads list_runs): one record each, none lost
    assert sorted(r.run_id for r in runs.list_runs()) == sorted([pets_run, other_run])


def test_a_run_follows_a_rename_given_as_a_relative_path(monkeypatch):
    pets, run_id = _model_with_run("Pets")
    monkeypatch.chdir(pets.parent)
    new = library.rename_model(Path(pets.name), "Pets 2")
    assert Path(runs.load_run(run_id).model_path).resolve() == (pets.parent / new).resolve()


def test_a_model_restored_under_a_new_name_keeps_its_runs():
    pets, run_id = _model_with_run("Pets")
    ticket = library.delete_model(pets)
    save_random_model(pets, ("a", "b"), image_size=32, name="Pets")  # another model took its name
    restored = library.restore_model(ticket)
    assert restored != pets
    assert runs.load_run(run_id).model_path == str(restored)


def test_the_self_test_keeps_no_run_and_no_model():
    from resnet_studio.selftest import run_self_test

    (result,) = run_self_test(device="cpu", only=["Training"])
    assert result.ok, result.details
    assert runs.list_runs() == []
    assert library.list_models() == []
