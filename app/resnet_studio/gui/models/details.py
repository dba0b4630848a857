"""The Models view's details (right): the chosen model's title, overview, parameters per stage,
layer tree, categories and per-category metrics.

The architecture summary is read by a background task (:func:`..jobs.library.summarize`) and kept
per model. Mixed into :class:`~.view.ModelsView`, whose widgets it builds and fills; its texts
keep the ``ModelsView`` translation context.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QHeaderView, QLabel, QListWidget, QPlainTextEdit, QTableWidget,
    QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from ..jobs import library as jobs
from ..widgets.model_picker import zoo_description
from ..workers import Task

translate = QCoreApplication.translate


def _millions(n: int) -> str:
    return f"{n / 1e6:.1f} M" if n >= 100_000 else f"{n:,}"


def _alive(widget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


class ModelDetailsMixin:
    """The details side: the header with its buttons, the detail tabs, and the summary task."""

    def _build_details(self) -> QWidget:
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(12, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("modelTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("modelSubtitle")
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rl.addWidget(self.title)
        rl.addWidget(self.subtitle)
        rl.addLayout(self._build_action_buttons())

        self.details = QTabWidget()
        self.details.setObjectName("modelDetails")
        overview = QWidget()
        self.overview = overview
        overview.installEventFilter(self)
        self.form = QFormLayout(overview)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("arch", "input", "classes", "params", "weights", "accuracy", "created", "dataset", "training"):
            k, v = QLabel(), QLabel()
            k.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)  # by a value's first line
            v.setWordWrap(True)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(k, v)
            self.form_labels[key] = (k, v)
        self.stage_table = QTableWidget(0, 5)
        self.stage_table.setObjectName("stageTable")
        self.stage_table.verticalHeader().setVisible(False)
        self.stage_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stage_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.layers = QPlainTextEdit()
        self.layers.setObjectName("layerTree")
        self.layers.setReadOnly(True)
        self.layers.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.layers.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.classes_list = QListWidget()
        self.classes_list.setObjectName("classesList")
        self.metrics_table = QTableWidget(0, 4)
        self.metrics_table.setObjectName("metricsTable")
        self.metrics_table.verticalHeader().setVisible(False)
        self.metrics_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.metrics_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.details.addTab(overview, "")
        self.details.addTab(self.stage_table, "")
        self.details.addTab(self.layers, "")
        self.details.addTab(self.classes_list, "")
        self.details.addTab(self.metrics_table, "")
        rl.addWidget(self.details, 1)
        return right

    def _retranslate_details(self) -> None:
        for i, text in enumerate((translate("ModelsView", "Overview"), translate("ModelsView", "Parameters per stage"),
                                  translate("ModelsView", "Layers"), translate("ModelsView", "Categories"),
                                  translate("ModelsView", "Metrics"))):
            self.details.setTabText(i, text)
        names = {"arch": translate("ModelsView", "Architecture:"), "input": translate("ModelsView", "Input size:"),
                 "classes": translate("ModelsView", "Categories:"), "params": translate("ModelsView", "Parameters:"),
                 "weights": translate("ModelsView", "Weights:"),
                 "accuracy": translate("ModelsView", "Validation accuracy:"),
                 "created": translate("ModelsView", "Created:"), "dataset": translate("ModelsView", "Trained on:"),
                 "training": translate("ModelsView", "Training:")}
        for key, (k, _v) in self.form_labels.items():
            k.setText(names[key])
        self.stage_table.setHorizontalHeaderLabels([
            translate("ModelsView", "Stage"), translate("ModelsView", "Blocks"),
            translate("ModelsView", "Output channels"), translate("ModelsView", "Parameters"),
            translate("ModelsView", "Share")])
        self.metrics_table.setHorizontalHeaderLabels([
            translate("ModelsView", "Category"), translate("ModelsView", "Precision"),
            translate("ModelsView", "Recall"), translate("ModelsView", "Images")])

    def _set_field(self, key: str, text: str | None) -> None:
        k, v = self.form_labels[key]
        k.setVisible(bool(text))
        v.setVisible(bool(text))
        v.setText(text or "")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.overview and event.type() == QEvent.Type.Show:
            QTimer.singleShot(0, self._relayout_overview)
        return super().eventFilter(obj, event)

    def _relayout_overview(self) -> None:
        # Word-wrapped values filled in while the Overview page was hidden (another details tab
        # shown, say, during a language switch) keep heights measured without the page's width:
        # rows grew and the values slid below their labels. Re-measure once the page is shown.
        if not self.overview.isVisible():
            return
        for _k, v in self.form_labels.values():
            v.updateGeometry()
        self.form.invalidate()
        self.form.activate()

    def _show_selected(self) -> None:
        self._update_actions()
        spec, kind = self.selected_spec(), self._selected_kind()
        for key in self.form_labels:
            self._set_field(key, None)
        self.stage_table.setRowCount(0)
        self.metrics_table.setRowCount(0)
        self.classes_list.clear()
        self.layers.clear()
        if not spec:
            self.title.setText(translate("ModelsView", "Choose a model on the left"))
            self.subtitle.setText(translate("ModelsView", "ImageNet models recognise 1000 everyday categories; "
                                                          "your own models recognise what you taught them."))
            return
        if kind == "zoo":
            from ...engine.zoo import ZOO

            info = ZOO[spec]
            self.title.setText(info.display_name)
            self.subtitle.setText(zoo_description(info.description))
            self._set_field("arch", translate("ModelsView", "{block} blocks, stages of {layers}").format(
                block=info.block, layers=" / ".join(map(str, info.layers))))
            avail = self._available.get(spec)
            if avail is not None:
                self._set_field("weights", translate("ModelsView", "on this computer") if avail
                                else translate("ModelsView", "not downloaded yet"))
        else:
            e = self._entries.get(spec)
            self.title.setText(e.name if e else os.path.basename(spec))
            self.subtitle.setText(spec)
            if e is None or not e.ok:
                self._set_field("weights", e.error if e else "")
                return
            info = e.info
            m = info.metrics if isinstance(info.metrics, dict) else {}
            acc = m.get("val_accuracy")
            if isinstance(acc, (int, float)):
                self._set_field("accuracy", f"{float(acc):.1%}")
            self._set_field("created", info.created.replace("T", " "))
            self._set_field("dataset", info.dataset_dir)
            t = info.training if isinstance(info.training, dict) else {}
            self._set_field("training", self._training_text(t))
            self._fill_metrics(m.get("per_class") or [])
        self._request_summary(spec)

    def _training_text(self, t: dict) -> str:
        """The settings a model was trained with, one per line, worded as the Train view words them."""
        def number(value, fmt: str) -> str | None:
            return format(value, fmt) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

        # The Train view's own mode names (same context, so the same translations).
        modes = {
            "auto": QCoreApplication.translate("TrainSettingsPanel", "Automatic"),
            "head": QCoreApplication.translate("TrainSettingsPanel", "Last layer only (fastest)"),
            "finetune": QCoreApplication.translate("TrainSettingsPanel", "Last block and last layer"),
            "full": QCoreApplication.translate("TrainSettingsPanel", "The whole network (slowest)"),
        }
        mode = t.get("mode")
        size = number(t.get("image_size"), "d")
        rows = [
            (translate("ModelsView", "What to train"), modes.get(str(mode), str(mode)) if mode else None),
            (translate("ModelsView", "Epochs"), number(t.get("epochs"), "d")),
            (translate("ModelsView", "Batch size"), number(t.get("batch_size"), "d")),
            (translate("ModelsView", "Learning rate"), number(t.get("lr"), "g")),
            (translate("ModelsView", "Image size"), translate("ModelsView", "{n} px").format(n=size) if size else None),
        ]
        return "\n".join(translate("ModelsView", "{setting}: {value}").format(setting=k, value=v) for k, v in rows if v)

    def _fill_metrics(self, per_class: list) -> None:
        self.metrics_table.setRowCount(len(per_class))
        for row, d in enumerate(per_class):
            vals = [str(d.get("name", "")), d.get("precision"), d.get("recall"), d.get("support")]
            for col, v in enumerate(vals):
                text = f"{v:.1%}" if isinstance(v, float) else str(v if v is not None else "")
                it = QTableWidgetItem(text)
                if col:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.metrics_table.setItem(row, col, it)

    def _request_summary(self, spec: str) -> None:
        if spec in self._summaries:
            self._apply_summary(spec, self._summaries[spec])
            return
        self._set_field("params", translate("ModelsView", "working…"))
        task = Task(jobs.summarize, spec, name="summary", background=True)
        # The task outlives a view closed meanwhile (a window closed while torch builds the model).
        task.succeeded.connect(lambda s, spec=spec: _alive(self) and self._on_summary(spec, s))
        task.failed.connect(lambda m, d, spec=spec: _alive(self) and self._on_summary_failed(spec, m))
        task.start()

    def _on_summary(self, spec: str, summary) -> None:
        self._summaries[spec] = summary
        if self.selected_spec() == spec:
            self._apply_summary(spec, summary)

    def _on_summary_failed(self, spec: str, message: str) -> None:
        if self.selected_spec() == spec:
            self._set_field("params", message)

    def _apply_summary(self, spec: str, s) -> None:
        self._set_field("input", translate(
            "ModelsView", "{crop} × {crop} pixels (photos are resized to {resize} first)").format(
            crop=s.input_size, resize=s.resize_size))
        preview = ", ".join(s.classes[:6]) + ("…" if len(s.classes) > 6 else "")
        self._set_field("classes", f"{len(s.classes)} — {preview}")
        self._set_field("params", translate("ModelsView", "{total} in total").format(total=_millions(s.total_params)))
        if self._selected_kind() != "zoo":
            self._set_field("arch", s.display_name + (
                translate("ModelsView", " (small-image stem)") if s.small_input else ""))
        stage_names = {"stem": translate("ModelsView", "stem (conv1 + bn1)"),
                       "fc": translate("ModelsView", "classifier (fc)")}
        self.stage_table.setRowCount(len(s.stages))
        for row, st in enumerate(s.stages):
            share = st.params / s.total_params if s.total_params else 0.0
            vals = [stage_names.get(st.name, st.name), str(st.blocks or "—"), str(st.output_channels),
                    f"{st.params:,}", f"{share:.1%}"]
            for col, v in enumerate(vals):
                it = QTableWidgetItem(v)
                if col:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.stage_table.setItem(row, col, it)
        self.layers.setPlainText(s.layer_tree)
        self.classes_list.clear()
        self.classes_list.addItems(s.classes)
        self.summary_ready.emit(spec)
