"""Settings that cannot surprise (issue 15): what makes a run cost more is in sight with Advanced
closed, a long run asks first, mirroring has a switch, and a run's results say what they are worth."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.conftest import open_folder, start_training

pytestmark = pytest.mark.gui

WAIT_MS = 60_000
TINY = {"arch": "resnet18", "image_size": 32, "batch_size": 8}


@pytest.fixture
def make_view(qtbot):
    from resnet_studio.gui.train_view import TrainView

    views = []

    def make():
        v = TrainView()
        qtbot.addWidget(v)
        v.resize(1200, 760)
        v.show()
        views.append(v)
        return v

    yield make
    for v in views:
        assert v.cancel_and_wait(WAIT_MS)


def test_settings_off_the_defaults_are_listed_with_advanced_closed_and_reset(qtbot):
    from resnet_studio.gui.widgets.train_settings import TrainSettingsPanel

    panel = TrainSettingsPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.advanced.is_expanded()
    assert not panel.not_default_label.isVisible() and not panel.reset_button.isVisible()

    panel.set_model_name("Digits")
    panel.set_config({"pretrained": False, "image_size": 64, "epochs": 40, "hflip": False})
    assert not panel.advanced.is_expanded()
    assert panel.not_default_label.isVisible() and panel.reset_button.isVisible()
    assert panel.not_default_label.text() == "Not the defaults: from scratch, 64 px, 40 epochs, not mirrored"

    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    config = panel.config()
    assert {k: config[k] for k in ("pretrained", "image_size", "epochs", "hflip")} == {
        "pretrained": True, "image_size": 224, "epochs": None, "hflip": True}
    assert config["name"] == "Digits", "the name is not a setting to reset"
    assert not panel.not_default_label.isVisible() and not panel.reset_button.isVisible()


def test_mirroring_has_a_switch_that_follows_augmentation(qtbot):
    from resnet_studio.gui.widgets.train_settings import TrainSettingsPanel

    panel = TrainSettingsPanel()
    qtbot.addWidget(panel)
    assert panel.config()["hflip"] is True
    assert "text and digits" in panel.hflip_check.text()
    panel.hflip_check.setChecked(False)
    assert panel.config()["hflip"] is False
    panel.augment_check.setChecked(False)
    assert not panel.hflip_check.isEnabled(), "nothing is mirrored when pictures are not varied"
    assert panel.not_defaults() == ["pictures not varied"]


def test_a_restart_keeps_the_settings_and_shows_them(qtbot, make_view, shapes_dataset, fake_imagenet_weights):
    """The run's settings (mirroring off included) reach the engine and its record, and the next
    start of the app shows that they are not the defaults."""
    fake_imagenet_weights("resnet18")
    view = make_view()
    open_folder(qtbot, view, shapes_dataset)
    start_training(qtbot, view, {**TINY, "mode": "full", "epochs": 1, "hflip": False}, WAIT_MS)
    assert view._train_job.config["hflip"] is False
    with qtbot.waitSignal(view.model_trained, timeout=WAIT_MS * 2):
        pass
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS)
    from resnet_studio.engine.modelfile import read_model_info

    info = read_model_info(view.results.model_path())
    assert info.training["hflip"] is False and info.training["augment"] is True

    again = make_view()
    assert not again.settings.advanced.is_expanded()
    assert again.settings.not_default_label.isVisible()
    assert "not mirrored" in again.settings.not_default_label.text()
    assert "32 px" in again.settings.not_default_label.text()


def test_a_long_run_says_how_long_and_asks_first(qtbot, make_view, shapes_dataset):
    view = make_view()
    open_folder(qtbot, view, shapes_dataset)
    asked = []

    def decline(estimate, not_defaults):
        asked.append((estimate, not_defaults))
        return False

    view.confirm_long_run = decline
    view.settings.set_config({"pretrained": False, "image_size": 512, "epochs": 400})
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and not view.is_busy(), "declined: nothing started"
    estimate, not_defaults = asked[0]
    assert estimate["seconds"] > 600 and estimate["mode"] == "full" and estimate["epochs"] == 400
    assert not_defaults == ["from scratch", "512 px", "400 epochs"]

    # a short run does not ask
    asked.clear()
    view.settings.reset_to_defaults()
    assert view.estimate()["seconds"] < 600
    view.settings.set_config({**TINY, "mode": "head", "epochs": 1})
    view.extra_config = {"allow_download": False}  # no weights: fails at once, which is fine here
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert asked == [] and view.is_busy()
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS)


def test_the_question_before_a_long_run_has_start_and_cancel(qtbot, make_view):
    view = make_view()
    answers = []

    def answer(button_text):
        def click():
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            answers.append(box.text())
            for b in box.buttons():
                if b.text().replace("&", "") == button_text:
                    b.click()
        return click

    QTimer.singleShot(0, answer("Start"))
    assert view._ask_long_run({"seconds": 3700, "epochs": 40, "mode": "full"}, ["from scratch", "64 px"]) is True
    QTimer.singleShot(0, answer("Cancel"))
    assert view._ask_long_run({"seconds": 3700, "epochs": 40, "mode": "full"}, []) is False
    assert answers[0] == "This training will take about 1 h 1 min on this computer."


def test_results_of_a_run_stopped_before_its_first_epoch_are_not_shown_as_results(qtbot):
    from resnet_studio.gui.widgets.training_results import TrainingResults

    results = TrainingResults()
    qtbot.addWidget(results)
    results.show()
    results.set_result({"model_path": "", "cancelled": True, "epochs_run": 0, "history": [],
                        "classes": ["circle", "square"], "per_class": [], "confusion_matrix": [],
                        "misclassified": []})
    assert not results.tabs.isVisible(), "no all-zero confusion matrix, no empty table"
    assert results.summary_label.text() == "No results: the run stopped before its first epoch ended."
    assert not results.use_button.isEnabled()


def test_a_model_hardly_better_than_guessing_says_so_and_is_not_offered(qtbot, tmp_path):
    from resnet_studio.gui.widgets.training_results import TrainingResults

    model = tmp_path / "digits.safetensors"
    model.write_bytes(b"stand-in: only its existence matters here")
    results = TrainingResults()
    qtbot.addWidget(results)
    matrix = [[0, 0, 5], [0, 0, 5], [0, 0, 5]]
    results.set_result({"model_path": str(model), "cancelled": True, "epochs_run": 1, "best_epoch": 1,
                        "history": [{"epoch": 1}], "val_accuracy": 0.33, "classes": ["1", "2", "7"],
                        "per_class": [], "confusion_matrix": matrix, "misclassified": [],
                        "not_useful": "chance"})
    assert "hardly better than guessing" in results.accuracy_label.text()
    assert "random pick among 3 categories" in results.accuracy_label.text()
    assert not results.use_button.isEnabled()
    results.set_result({"model_path": str(model), "epochs_run": 1, "history": [{"epoch": 1}],
                        "val_accuracy": 0.5, "classes": ["1", "2", "3", "7"], "per_class": [],
                        "confusion_matrix": [[0, 0, 0, 5]] * 3 + [[0, 0, 0, 5]], "misclassified": [],
                        "not_useful": "one_category"})
    assert "calls almost every picture &#x27;7&#x27;" in results.accuracy_label.text()
    results.set_result({"model_path": str(model), "epochs_run": 1, "history": [{"epoch": 1}],
                        "val_accuracy": 0.9, "classes": ["1", "2"], "per_class": [],
                        "confusion_matrix": [[9, 1], [1, 9]], "misclassified": [], "not_useful": ""})
    assert "guessing" not in results.accuracy_label.text() and results.use_button.isEnabled()


def test_the_window_does_not_name_the_model_and_relays_each_helper_list_once(qtbot, make_view, shapes_dataset,
                                                                            monkeypatch):
    """The engine names the new model (the view passes no file); each list of events the helper
    process sent is one ``batches`` signal (not gathered again in the relay)."""
    from resnet_studio.gui.jobs import training

    assert not hasattr(training, "provisional_model_path"), "the engine names the model, not the window"
    import threading

    calls, connected = [], threading.Event()
    result = {"model_path": "", "cancelled": True, "history": [], "classes": []}

    class FakeHelpers:
        def run_job(self, target, kwargs, **callbacks):
            calls.append(kwargs)
            assert connected.wait(30)
            on_events = callbacks["on_events"]
            for first in (1, 4, 9):
                on_events([("BatchEvent", {"epoch": 1, "epochs": 1, "batch": b, "batches": 11, "progress": b / 11})
                           for b in range(first, first + 3)])
            return result

    monkeypatch.setattr(training, "_job_process", FakeHelpers)
    view = make_view()
    open_folder(qtbot, view, shapes_dataset)
    start_training(qtbot, view, {**TINY, "mode": "head", "epochs": 1}, WAIT_MS)
    chunks, shown = [], []
    view._train_job.batches.connect(lambda chunk: chunks.append([e["batch"] for e in chunk]),
                                    Qt.ConnectionType.DirectConnection)
    view._train_job.succeeded.connect(shown.append, Qt.ConnectionType.DirectConnection)
    connected.set()
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS)
    assert calls and calls[0]["out_path"] is None
    assert chunks == [[1, 2, 3], [4, 5, 6], [9, 10, 11]]
    assert shown and shown[0]["cancelled"] is True and shown[0]["per_class"] == []
