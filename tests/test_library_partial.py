"""A training run's best-so-far file is not listed as a model while the run is writing it."""

from __future__ import annotations

import threading

from resnet_studio.engine.fileio import output_lock, partial_path
from resnet_studio.engine.library import list_models
from tests.test_predict import make_model_file


def test_partial_file_is_hidden_only_while_its_run_holds_the_output(tmp_path):
    final = tmp_path / "Digits.safetensors"
    partial = partial_path(final)
    make_model_file(partial)
    holding, release = threading.Event(), threading.Event()

    def training_run() -> None:
        with output_lock(final):
            holding.set()
            release.wait(30)

    t = threading.Thread(target=training_run)
    t.start()
    try:
        assert holding.wait(30)
        assert [e.path.name for e in list_models(tmp_path)] == []
    finally:
        release.set()
        t.join()
    # the run ended without finishing (cancelled, killed): its best model is the user's now
    assert [e.path.name for e in list_models(tmp_path)] == [partial.name]
