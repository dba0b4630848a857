"""Two training runs side by side: their curves overlaid, their settings and results in a table
with the differences highlighted.

Works on run records as plain dicts (``engine.runs.RunRecord.to_dict()``): no engine import, no
file access, nothing heavy; the Models view reads the records on a worker thread.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QSplitter,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from .plots import apply_plot_palette, loss_and_accuracy_plots, set_epoch_range
from .train_common import HintLabel, format_duration, format_percent, short_date

#: One colour per run (mid-saturation: readable on light and dark backgrounds, and by most
#: colour-blind people: blue and orange).
RUN_COLOURS = (QColor(52, 120, 220), QColor(235, 130, 30))
_DIFF_ALPHA = 70
#: The first rows of the table are results (accuracy, loss, epochs, finished); the rest settings.
_RESULT_ROWS = 8


def _num(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    v = float(value)
    return v if math.isfinite(v) else None


def _series(history: list[dict], key: str, scale: float = 1.0) -> tuple[list[float], list[float]]:
    xs, ys = [], []
    for h in history or []:
        v, e = _num(h.get(key)), _num(h.get("epoch"))
        if v is not None and e is not None:
            xs.append(e)
            ys.append(v * scale)
    return xs, ys


class CompareRunsWidget(QWidget):
    """Curves of up to two runs (validation accuracy; validation and training loss per epoch) and a
    table of their settings and results; rows whose values differ are highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runs: list[dict] = []
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.loss_plot, self.acc_plot, self.loss_headroom = loss_and_accuracy_plots(self, 240, 180)
        self.curves: dict[tuple[str, int], pg.PlotDataItem] = {}

        self.only_diff = QCheckBox(self)
        self.only_diff.toggled.connect(self._apply_filter)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("compareTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.hint = HintLabel(parent=self)

        plots = QWidget(self)
        pl = QHBoxLayout(plots)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.acc_plot, 1)
        pl.addWidget(self.loss_plot, 1)
        lower = QWidget(self)
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.only_diff)
        ll.addLayout(row)
        ll.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(plots)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        self._apply_palette()
        self.retranslate_ui()

    # ---- texts and colours

    def retranslate_ui(self) -> None:
        self.acc_plot.setTitle(self.tr("Validation accuracy (higher is better)"))
        self.loss_plot.setTitle(self.tr("Loss (lower is better)"))
        for plot in (self.acc_plot, self.loss_plot):
            plot.setLabel("bottom", self.tr("Epoch"))
        self.acc_plot.setLabel("left", self.tr("Accuracy (%)"))
        self.loss_plot.setLabel("left", self.tr("Loss"))
        self.loss_plot.setToolTip(self.tr("Solid lines: on the validation pictures. Dashed: on the training pictures."))
        self.only_diff.setText(self.tr("Only differences"))
        self.only_diff.setToolTip(self.tr("Hide the rows where both runs are the same"))
        self.hint.setText(self.tr("Highlighted rows differ between the two runs."))
        self.table.setHorizontalHeaderLabels([self.tr("Setting"), "", ""])
        if self._runs:
            self.set_runs(self._runs)

    def _apply_palette(self) -> None:
        apply_plot_palette((self.acc_plot, self.loss_plot), self.palette())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_palette()
            if self._runs:
                self._fill_table()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- content

    def runs(self) -> list[dict]:
        return list(self._runs)

    def set_runs(self, runs: list[dict]) -> None:
        """Show one or two run records (dicts); the first is drawn in blue, the second in orange."""
        self._runs = [dict(r) for r in runs[:2]]
        self._fill_title()
        self._fill_plots()
        self._fill_table()

    def _label(self, i: int) -> str:
        r = self._runs[i]
        return f"{'AB'[i]}: {r.get('name') or r.get('run_id', '')}"

    def _fill_title(self) -> None:
        parts = []
        for i, r in enumerate(self._runs):
            colour = RUN_COLOURS[i].name()
            parts.append(f"<span style='color:{colour}'>■</span> <b>{self._label(i).replace('<', '&lt;')}</b>"
                         f" <span style='color:gray'>({short_date(r.get('started', ''))})</span>")
        self.title.setText("&nbsp;&nbsp;&nbsp;".join(parts))

    def _fill_plots(self) -> None:
        for plot in (self.acc_plot, self.loss_plot):
            plot.clear()
            legend = plot.getPlotItem().legend
            if legend is not None:
                legend.clear()
        self.curves = {}
        for i, r in enumerate(self._runs):
            colour = RUN_COLOURS[i]
            history = r.get("history") or []
            name = self._label(i)
            solid = dict(pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=6, symbolBrush=colour,
                         symbolPen=None, antialias=True)
            self.curves[("val_accuracy", i)] = self.acc_plot.plot(
                *_series(history, "val_accuracy", 100.0), name=name, **solid)
            self.curves[("val_loss", i)] = self.loss_plot.plot(
                *_series(history, "val_loss"), name=self.tr("{run} (validation)").format(run=name), **solid)
            self.curves[("train_loss", i)] = self.loss_plot.plot(
                *_series(history, "train_loss"), name=self.tr("{run} (training)").format(run=name),
                pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine), antialias=True)
        self.loss_plot.enableAutoRange(axis="y")
        last_epoch = max([float(x) for curve in self.curves.values() if curve.xData is not None
                          for x in curve.xData] or [1.0])
        for plot in (self.loss_plot, self.acc_plot):
            set_epoch_range(plot, last_epoch)
        losses = [v for curve_key, curve in self.curves.items() if curve_key[0] != "val_accuracy"
                  for v in (curve.yData if curve.yData is not None else []) if math.isfinite(v)]
        if losses:
            self.loss_headroom.set_range(min(0.0, min(losses)), max(losses))
        else:
            self.loss_headroom.clear()

    # ---- table

    def _rows(self) -> list[tuple[str, str, object]]:
        """(key, label, how to read the value from a run) for each table row."""
        rows: list[tuple[str, str, object]] = [
            ("val_accuracy", self.tr("Validation accuracy"), ("metrics", "val_accuracy", "percent")),
            ("val_loss", self.tr("Validation loss"), ("metrics", "val_loss", "loss")),
            ("train_accuracy", self.tr("Training accuracy"), ("metrics", "train_accuracy", "percent")),
            ("train_loss", self.tr("Training loss"), ("metrics", "train_loss", "loss")),
            ("best_epoch", self.tr("Best epoch"), ("metrics", "best_epoch", "int")),
            ("epochs_run", self.tr("Epochs run"), ("metrics", "epochs_run", "int")),
            ("status", self.tr("Finished"), ("run", "cancelled", "status")),
            ("seconds", self.tr("Duration"), ("run", "seconds", "duration")),
            ("data_dir", self.tr("Pictures from"), ("run", "data_dir", "text")),
            ("pictures", self.tr("Pictures (training / validation)"), ("metrics", ("n_train", "n_val"), "pair")),
            ("classes", self.tr("Categories"), ("run", "classes", "list")),
            ("arch", self.tr("Architecture"), ("settings", "arch", "text")),
            ("mode", self.tr("What learned"), ("settings", "mode", "mode")),
            ("pretrained", self.tr("Started from ImageNet weights"), ("settings", "pretrained", "bool")),
            ("epochs", self.tr("Epochs"), ("settings", "epochs", "int")),
            ("batch_size", self.tr("Batch size"), ("settings", "batch_size", "int")),
            ("lr", self.tr("Learning rate"), ("settings", "lr", "lr")),
            ("schedule", self.tr("Schedule"), ("settings", "schedule", "text")),
            ("image_size", self.tr("Picture size"), ("settings", "image_size", "px")),
            ("augment", self.tr("Varied copies of the pictures (augmentation)"), ("settings", "augment", "bool")),
            ("hflip", self.tr("Mirror pictures"), ("settings", "hflip", "bool")),
            ("color_jitter", self.tr("Colour changes"), ("settings", "color_jitter", "number")),
            ("crop_scale", self.tr("Smallest crop"), ("settings", "crop_scale", "number")),
            ("label_smoothing", self.tr("Label smoothing"), ("settings", "label_smoothing", "number")),
            ("weight_decay", self.tr("Weight decay"), ("settings", "weight_decay", "lr")),
            ("momentum", self.tr("Momentum"), ("settings", "momentum", "number")),
            ("val_fraction", self.tr("Share kept for validation"), ("settings", "val_fraction", "percent")),
            ("seed", self.tr("Random seed"), ("settings", "seed", "int")),
            ("device", self.tr("Device"), ("settings", "device", "text")),
            ("model_path", self.tr("Model file"), ("run", "model_path", "file")),
        ]
        # Per-category recall, for the categories both runs know: where one run does better.
        names: list[str] = []
        for r in self._runs:
            for row in (r.get("metrics") or {}).get("per_class") or []:
                n = str(row.get("name", ""))
                if n and n not in names:
                    names.append(n)
        for n in names[:50]:
            rows.append((f"recall:{n}", self.tr("Recall: {category}").format(category=n), ("recall", n, "percent")))
        return rows

    def _value(self, run: dict, how) -> object:
        section, key, _kind = how
        if section == "run":
            return run.get(key)
        if section == "recall":
            for row in (run.get("metrics") or {}).get("per_class") or []:
                if str(row.get("name", "")) == key:
                    return row.get("recall")
            return None
        d = run.get(section) or {}
        if isinstance(key, tuple):
            return tuple(d.get(k) for k in key)
        return d.get(key)

    def _format(self, value: object, kind: str) -> str:
        if value is None or value == "":
            return "—"
        num = _num(value)
        if kind == "percent":
            return format_percent(num) if num is not None else "—"
        if kind == "loss":
            return f"{num:.4f}" if num is not None else "—"
        if kind == "lr":
            return f"{num:g}" if num is not None else str(value)
        if kind == "number":
            return f"{num:g}" if num is not None else str(value)
        if kind == "int":
            return str(int(num)) if num is not None else str(value)
        if kind == "px":
            return self.tr("{n} px").format(n=int(num)) if num is not None else str(value)
        if kind == "bool":
            return self.tr("yes") if value else self.tr("no")
        if kind == "status":
            return self.tr("no, stopped early") if value else self.tr("yes")
        if kind == "duration":
            return format_duration(num) if num is not None else "—"
        if kind == "mode":
            modes = {"head": self.tr("last layer only"), "finetune": self.tr("last block and last layer"),
                     "full": self.tr("the whole network")}
            return modes.get(str(value), str(value))
        if kind == "pair":
            a, b = value  # type: ignore[misc]
            return f"{a if a is not None else '—'} / {b if b is not None else '—'}"
        if kind == "list":
            items = [str(v) for v in value] if isinstance(value, list) else [str(value)]
            text = ", ".join(items[:8]) + ("…" if len(items) > 8 else "")
            return f"{len(items)}: {text}"
        if kind == "file":
            return str(value).replace("\\", "/").rsplit("/", 1)[-1]
        return str(value)

    def _fill_table(self) -> None:
        rows = self._rows() if self._runs else []
        n_runs = len(self._runs)
        if n_runs == 2:
            # The results first; then the settings that differ (the likely reasons), then the rest.
            def row_differs(row) -> bool:
                how = row[2]
                return self._format(self._value(self._runs[0], how), how[2]) != \
                    self._format(self._value(self._runs[1], how), how[2])

            head, rest = rows[:_RESULT_ROWS], rows[_RESULT_ROWS:]
            rows = head + sorted(rest, key=lambda row: not row_differs(row))
        self.table.setColumnCount(1 + max(1, n_runs))
        self.table.setHorizontalHeaderLabels([self.tr("Setting")] + [self._label(i) for i in range(n_runs)])
        for i in range(n_runs):
            item = self.table.horizontalHeaderItem(1 + i)
            if item is not None:
                item.setForeground(QBrush(RUN_COLOURS[i]))
        highlight = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(_DIFF_ALPHA)
        self.table.setRowCount(len(rows))
        self._differs: dict[str, bool] = {}
        for r, (key, label, how) in enumerate(rows):
            texts = [self._format(self._value(run, how), how[2]) for run in self._runs]
            tips = [str(self._value(run, how) or "") for run in self._runs]
            differs = n_runs == 2 and texts[0] != texts[1]
            self._differs[key] = differs
            cells = [QTableWidgetItem(label)] + [QTableWidgetItem(t) for t in texts]
            for c, cell in enumerate(cells):
                if c and how[2] in ("text", "file"):
                    cell.setToolTip(tips[c - 1])
                if differs:
                    cell.setBackground(QBrush(highlight))
                    f = QFont(cell.font())
                    f.setBold(True)
                    cell.setFont(f)
                cell.setData(Qt.ItemDataRole.UserRole, key)
                self.table.setItem(r, c, cell)
        self._apply_filter()

    def _apply_filter(self) -> None:
        only = self.only_diff.isChecked() and len(self._runs) == 2
        for r in range(self.table.rowCount()):
            key = self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
            self.table.setRowHidden(r, only and not self._differs.get(key, False))

    def differing_rows(self) -> list[str]:
        """Keys of the rows whose values differ (e.g. ``"lr"``, ``"val_accuracy"``)."""
        return [k for k, d in getattr(self, "_differs", {}).items() if d]

    def row_texts(self, key: str) -> list[str]:
        """The texts of one row: label, then one value per run (tests, screenshots)."""
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == key:
                return [self.table.item(r, c).text() for c in range(self.table.columnCount())]
        return []


class CompareRunsDialog(QDialog):
    """A window of its own for :class:`CompareRunsWidget` (non-modal: the list stays usable)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareRunsDialog")
        self.compare = CompareRunsWidget(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.compare, 1)
        layout.addWidget(buttons)
        self.resize(980, 720)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Compare training runs"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_runs(self, runs: list[dict]) -> None:
        self.compare.set_runs(runs)
