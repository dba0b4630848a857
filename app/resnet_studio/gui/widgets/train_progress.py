"""The progress line of a training run: a bar for the whole run, what is happening now (epoch,
pictures per second, time left), the last epoch's result, and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from .train_common import HintLabel, format_duration, format_percent

BAR_STEPS = 1000


class TrainProgress(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setTextVisible(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.epoch_label = HintLabel(parent=self)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._on_cancel)

        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.epoch_label)
        self._state: tuple = ("idle",)
        self._last_epoch: dict | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop training. The best model so far is kept."))
        self.bar.setToolTip(self.tr("Progress of the whole training run."))
        self._show_state()
        self._show_epoch()

    # ---- state changes (called by the view)

    def start(self) -> None:
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setValue(0)
        self.bar.setFormat("%p%")
        self.cancel_button.setEnabled(True)
        self._last_epoch = None
        self._state = ("starting",)
        self._show_state()
        self._show_epoch()

    def set_stage(self, stage: str, message: str, done: int, total: int) -> None:
        if stage != "training" and total > 0:
            # A stage with its own count (reading pictures, evaluating): show that count.
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setFormat(self.tr("{done} of {total}").format(done="%v", total="%m"))
        elif stage != "training":
            self.bar.setRange(0, 0)  # busy, no count
        self._state = ("stage", stage, message)
        self._show_state()

    def set_batch(self, ev: dict) -> None:
        if self.bar.maximum() != BAR_STEPS:
            self.bar.setRange(0, BAR_STEPS)
            self.bar.setFormat("%p%")
        self.bar.setValue(int(round(float(ev.get("progress", 0.0)) * BAR_STEPS)))
        self._state = ("batch", dict(ev))
        self._show_state()

    def set_epoch(self, ev: dict) -> None:
        self._last_epoch = dict(ev)
        self._show_epoch()

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self._state = ("cancelling",)
        self._show_state()

    def finish(self, outcome: str, message: str = "") -> None:
        """``outcome``: "done", "cancelled" (model kept), "cancelled_empty", "failed"."""
        self.cancel_button.setEnabled(False)
        if outcome == "done":
            self.bar.setRange(0, BAR_STEPS)
            self.bar.setValue(BAR_STEPS)
        elif self.bar.maximum() == 0:
            self.bar.setRange(0, BAR_STEPS)
        self._state = ("finished", outcome, message)
        self._show_state()

    def status_text(self) -> str:
        return self.status.text()

    # ---- texts

    def _on_cancel(self) -> None:
        self.cancel_requested.emit()

    def _stage_text(self, stage: str, message: str) -> str:
        texts = {
            "preparing": self.tr("Getting ready: reading the folder and loading the network…"),
            "extracting": self.tr("Looking at every picture once (this makes the epochs fast)…"),
            "training": self.tr("Training…"),
            "evaluating": self.tr("Testing the model on the validation pictures…"),
            "saving": self.tr("Saving the model…"),
        }
        if stage == "preparing" and message.startswith("Download"):
            return self.tr("Downloading the ImageNet weights…")
        if stage == "preparing" and message.startswith("Decoding"):
            return self.tr("Reading every picture once…")
        return texts.get(stage, message)

    def _show_state(self) -> None:
        kind = self._state[0]
        if kind == "idle":
            text = self.tr("Not training. Choose your pictures, then press Start training.")
        elif kind == "starting":
            text = self.tr("Starting…")
        elif kind == "stage":
            text = self._stage_text(self._state[1], self._state[2])
        elif kind == "batch":
            ev = self._state[1]
            speed = f"{float(ev.get('images_per_s', 0.0)):.0f}"
            eta = ev.get("eta_s")
            if eta is None:
                text = self.tr("Epoch {epoch} of {epochs} · {speed} pictures/s").format(
                    epoch=ev.get("epoch", 0), epochs=ev.get("epochs", 0), speed=speed)
            else:
                text = self.tr("Epoch {epoch} of {epochs} · {speed} pictures/s · about {eta} left").format(
                    epoch=ev.get("epoch", 0), epochs=ev.get("epochs", 0), speed=speed,
                    eta=format_duration(float(eta)))
        elif kind == "cancelling":
            text = self.tr("Stopping after the current step…")
        else:
            outcome, message = self._state[1], self._state[2]
            text = {
                "done": self.tr("Training finished."),
                "cancelled": self.tr("Training was cancelled. The best model so far was kept."),
                "cancelled_empty": self.tr("Training was cancelled before the first epoch ended; no model was saved."),
                "failed": self.tr("Training failed: {reason}").format(reason=message),
            }.get(outcome, message)
        self.status.setText(text)

    def _show_epoch(self) -> None:
        ev = self._last_epoch
        if not ev:
            self.epoch_label.setText("")
            return
        self.epoch_label.setText(
            self.tr("After epoch {epoch}: {val} right on the validation pictures (best so far {best}), loss {loss:.3f}.").format(
                epoch=ev.get("epoch", 0), val=format_percent(float(ev.get("val_accuracy", 0.0))),
                best=format_percent(float(ev.get("best_val_accuracy", 0.0))), loss=float(ev.get("val_loss", 0.0)))
        )
