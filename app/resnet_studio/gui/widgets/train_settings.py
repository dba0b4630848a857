"""Training settings: good defaults up front, an Advanced section for the rest.

Every setting has a one-line explanation, shown as grey text under it and as its tooltip. "Auto"
values (epochs, batch size, learning rate) are left to the engine, which picks them from the
dataset size and the mode. :meth:`TrainSettingsPanel.config` returns plain keyword arguments for
``engine.train.TrainConfig`` (the GUI never imports the training module itself).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...engine.zoo import DEFAULT_ARCH, ZOO
from .lr_finder_panel import LRFinderPanel
from .train_common import CollapsibleSection, HintLabel

MODES = ("auto", "head", "finetune", "full")
LEARNING_RATES = (0.1, 0.03, 0.01, 0.003, 0.001, 0.0003, 0.0001)
DEFAULTS: dict = {
    "arch": DEFAULT_ARCH,
    "mode": "auto",
    "pretrained": True,
    "epochs": None,
    "batch_size": None,
    "lr": None,
    "image_size": 224,
    "augment": True,
    "hflip": True,
    "balance": True,  # the checkbox; config() gives TrainConfig's "auto" / "off"
}


class TrainSettingsPanel(QWidget):
    changed = Signal()
    find_lr_requested = Signal()  # "Find a good learning rate" (the view runs the sweep)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.name_label = QLabel(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(100)
        self.name_label.setBuddy(self.name_edit)
        self.name_hint = HintLabel(parent=self)

        self.advanced = CollapsibleSection(parent=self)
        # The finder's panel goes under the form, not in a spanning form row: QFormLayout gave that
        # row less than the panel's minimum height, and its hint ran into the plot's axis title.
        advanced_layout = QVBoxLayout(self.advanced.content)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # In a narrow settings column (1080 px window, longer Chinese labels) a field goes under its
        # label instead of pushing the column wider than the window.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        advanced_layout.addLayout(form)
        self._form = form

        self.arch_combo = QComboBox(self)
        for name, info in ZOO.items():
            self.arch_combo.addItem(info.display_name, name)
        self.mode_combo = QComboBox(self)
        for mode in MODES:
            self.mode_combo.addItem("", mode)
        self.pretrained_check = QCheckBox(self)
        self.epochs_spin = QSpinBox(self)
        self.epochs_spin.setRange(0, 1000)
        self.batch_spin = QSpinBox(self)
        self.batch_spin.setRange(0, 1024)
        self.lr_combo = QComboBox(self)
        self.lr_combo.setEditable(True)
        self.lr_combo.addItem("", None)
        for lr in LEARNING_RATES:
            self.lr_combo.addItem(f"{lr:g}", lr)
        validator = QDoubleValidator(1e-7, 10.0, 7, self.lr_combo)
        validator.setLocale(QLocale.c())  # "0.001" everywhere, not "0,001"
        self.lr_combo.lineEdit().setValidator(validator)
        self.size_spin = QSpinBox(self)
        self.size_spin.setRange(32, 1024)
        self.size_spin.setSingleStep(32)
        self.size_spin.setSuffix(" px")
        self.augment_check = QCheckBox(self)
        self.hflip_check = QCheckBox(self)
        self.hflip_check.setObjectName("hflipCheck")
        self.balance_check = QCheckBox(self)
        self.balance_check.setObjectName("balanceCheck")
        self.find_lr_button = QPushButton(self)
        self.find_lr_button.setObjectName("findLrButton")
        self.lr_finder = LRFinderPanel(self)
        self.lr_finder.hide()

        # (field, label, hint) rows; labels and hints get their text in retranslate_ui.
        self._rows: dict[str, tuple[QWidget, QLabel, HintLabel]] = {}
        for key, field in (
            ("arch", self.arch_combo), ("mode", self.mode_combo), ("pretrained", self.pretrained_check),
            ("epochs", self.epochs_spin), ("batch_size", self.batch_spin), ("lr", self.lr_combo),
            ("image_size", self.size_spin), ("augment", self.augment_check), ("hflip", self.hflip_check),
            ("balance", self.balance_check),
        ):
            label = QLabel(self)
            label.setBuddy(field)
            hint = HintLabel(parent=self)
            box = QWidget(self)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.setSpacing(1)
            if key == "lr":  # the finder's button sits next to the field it fills in
                line = QHBoxLayout()
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(field, 1)
                line.addWidget(self.find_lr_button)
                box_layout.addLayout(line)
            else:
                box_layout.addWidget(field)
            box_layout.addWidget(hint)
            form.addRow(label, box)
            self._rows[key] = (field, label, hint)
        advanced_layout.addWidget(self.lr_finder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        name_form = QFormLayout()
        name_form.addRow(self.name_label, self.name_edit)
        layout.addLayout(name_form)
        layout.addWidget(self.name_hint)
        layout.addWidget(self.advanced)
        layout.addLayout(self._not_defaults_row())

        for signal in (self.arch_combo.currentIndexChanged, self.mode_combo.currentIndexChanged,
                       self.epochs_spin.valueChanged, self.batch_spin.valueChanged,
                       self.lr_combo.currentTextChanged, self.size_spin.valueChanged,
                       self.pretrained_check.toggled, self.augment_check.toggled, self.hflip_check.toggled,
                       self.balance_check.toggled, self.name_edit.textChanged):
            signal.connect(self.changed)
        self.changed.connect(self._show_not_defaults)
        self.augment_check.toggled.connect(self.hflip_check.setEnabled)
        self.arch_combo.currentIndexChanged.connect(self._update_arch_tooltip)
        self.find_lr_button.clicked.connect(self.find_lr_requested)
        self.lr_finder.use_requested.connect(self.use_learning_rate)
        self.lr_finder.close_requested.connect(self.lr_finder.hide)
        self.set_config(DEFAULTS)
        self.retranslate_ui()

    def _not_defaults_row(self) -> QHBoxLayout:
        """What makes a run cost more than usual stays in sight when Advanced is closed: a restart
        once kept "from scratch, 64 px" hidden there, and Start began an hour-long run."""
        self.not_default_label = QLabel(self)
        self.not_default_label.setObjectName("notDefaultsLabel")
        self.not_default_label.setWordWrap(True)
        # grows to its wrapped height (Preferred alone cut the second line off in the scroll area)
        self.not_default_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("resetDefaultsButton")
        self.reset_button.clicked.connect(self.reset_to_defaults)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.not_default_label, 1)
        row.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    # ---- texts

    def _arch_description(self, name: str) -> str:
        descriptions = {
            "resnet18": self.tr("Smallest and fastest; a good start on a laptop."),
            "resnet34": self.tr("A little deeper than ResNet-18; a bit more accurate, a bit slower."),
            "resnet50": self.tr("The classic all-rounder; more accurate, slower."),
            "resnet101": self.tr("Deep and accurate; best with a graphics card."),
            "resnet152": self.tr("The deepest ResNet; best with a graphics card."),
            "resnext50_32x4d": self.tr("Grouped convolutions: about the speed of ResNet-50, more accurate."),
            "resnext101_32x8d": self.tr("Large and accurate; needs a graphics card."),
            "wide_resnet50_2": self.tr("Twice as wide as ResNet-50; accurate and heavy."),
        }
        return descriptions.get(name) or (ZOO[name].description if name in ZOO else "")

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("2. Settings"))
        self.name_label.setText(self.tr("Model &name:"))
        self.name_edit.setPlaceholderText(self.tr("For example: Leaf diseases"))
        self.name_hint.setText(self.tr("How the new model is called in your model list. You can change it after training."))
        self.name_edit.setToolTip(self.name_hint.text())
        self.advanced.set_title(self.tr("Advanced settings"))
        self.advanced.toggle.setToolTip(self.tr("Show or hide the settings most people never need to change."))
        modes = {
            "auto": self.tr("Automatic"),
            "head": self.tr("Last layer only (fastest)"),
            "finetune": self.tr("Last block and last layer"),
            "full": self.tr("The whole network (slowest)"),
        }
        for i in range(self.mode_combo.count()):
            self.mode_combo.setItemText(i, modes[self.mode_combo.itemData(i)])
        self.epochs_spin.setSpecialValueText(self.tr("Automatic"))
        self.batch_spin.setSpecialValueText(self.tr("Automatic"))
        self.lr_combo.setItemText(0, self.tr("Automatic"))
        self.pretrained_check.setText(self.tr("Start from ImageNet knowledge (recommended)"))
        self.augment_check.setText(self.tr("Vary the training pictures (flips, crops, colours)"))
        self.hflip_check.setText(self.tr("Mirror pictures while training (off for text and digits)"))
        self.balance_check.setText(self.tr("Even out uneven categories"))
        self.reset_button.setText(self.tr("Reset to defaults"))
        self.reset_button.setToolTip(self.tr("Put every setting except the model name back to how it was at first."))
        self.find_lr_button.setText(self.tr("Find a good learning rate"))
        self.find_lr_button.setToolTip(self.tr(
            "Try learning rates from very small to very large on your pictures for a few seconds and "
            "suggest one. The model is not changed."))
        self.lr_finder.retranslate_ui()

        texts = {
            "arch": (self.tr("&Architecture:"), self.tr("Bigger networks can be more accurate but train and run slower.")),
            "mode": (self.tr("&What to train:"), self.tr("Training less of the network is faster and needs fewer pictures; Automatic decides from your dataset.")),
            "pretrained": (self.tr("Starting point:"), self.tr("Off means learning from scratch: needs many more pictures and epochs.")),
            "epochs": (self.tr("&Epochs:"), self.tr("How many times the model sees every training picture.")),
            "batch_size": (self.tr("&Batch size:"), self.tr("Pictures processed together; lower it if the computer runs out of memory.")),
            "lr": (self.tr("&Learning rate:"), self.tr("How big each learning step is; too high makes training unstable.")),
            "image_size": (self.tr("&Image size:"), self.tr("Pictures are resized to this; smaller is faster, larger sees finer detail.")),
            "augment": (self.tr("Augmentation:"), self.tr("Random changes to the pictures help the model generalise to new photos.")),
            "hflip": (self.tr("Mirroring:"), self.tr("A picture and its mirror image mean the same for photos, not for text, digits or arrows.")),
            "balance": (self.tr("Balance:"), self.tr("When one category has three times the pictures of another, the small ones count more while training, so they are not overlooked.")),
        }
        for key, (field, label, hint) in self._rows.items():
            label_text, hint_text = texts[key]
            label.setText(label_text)
            hint.setText(hint_text)
            field.setToolTip(hint_text)
            label.setToolTip(hint_text)
        self._update_arch_tooltip()
        self._show_not_defaults()

    def _update_arch_tooltip(self) -> None:
        name = self.arch_combo.currentData()
        desc = self._arch_description(name)
        for i in range(self.arch_combo.count()):
            self.arch_combo.setItemData(i, self._arch_description(self.arch_combo.itemData(i)), Qt.ItemDataRole.ToolTipRole)
        field, label, hint = self._rows["arch"]
        base = self.tr("Bigger networks can be more accurate but train and run slower.")
        hint.setText(f"{desc} {base}" if desc else base)
        self.arch_combo.setToolTip(hint.text())

    # ---- values

    def _lr_value(self) -> float | None:
        index = self.lr_combo.currentIndex()
        text = self.lr_combo.currentText().strip()
        if index >= 0 and self.lr_combo.itemText(index) == text:
            return self.lr_combo.itemData(index)
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            return None
        return value if value > 0 else None

    def config(self) -> dict:
        """Keyword arguments for ``TrainConfig`` (None = let the engine choose)."""
        return {
            "arch": self.arch_combo.currentData(),
            "mode": self.mode_combo.currentData(),
            "pretrained": self.pretrained_check.isChecked(),
            "epochs": self.epochs_spin.value() or None,
            "batch_size": self.batch_spin.value() or None,
            "lr": self._lr_value(),
            "image_size": self.size_spin.value(),
            "augment": self.augment_check.isChecked(),
            "hflip": self.hflip_check.isChecked(),
            "balance": "auto" if self.balance_check.isChecked() else "off",
            "name": self.model_name(),
        }

    def set_config(self, values: dict) -> None:
        """Set any of the keys of :meth:`config` (others are ignored)."""
        if "arch" in values:
            i = self.arch_combo.findData(values["arch"])
            if i >= 0:
                self.arch_combo.setCurrentIndex(i)
        if "mode" in values:
            i = self.mode_combo.findData(values["mode"])
            if i >= 0:
                self.mode_combo.setCurrentIndex(i)
        if "pretrained" in values:
            self.pretrained_check.setChecked(bool(values["pretrained"]))
        if "epochs" in values:
            self.epochs_spin.setValue(int(values["epochs"] or 0))
        if "batch_size" in values:
            self.batch_spin.setValue(int(values["batch_size"] or 0))
        if "lr" in values:
            lr = values["lr"]
            i = self.lr_combo.findData(lr) if lr is not None else 0
            if i >= 0:
                self.lr_combo.setCurrentIndex(i)
            else:
                self.lr_combo.setEditText(f"{float(lr):g}")
        if "image_size" in values:
            self.size_spin.setValue(int(values["image_size"]))
        if "augment" in values:
            self.augment_check.setChecked(bool(values["augment"]))
        if "hflip" in values:
            self.hflip_check.setChecked(bool(values["hflip"]))
        if "balance" in values:  # TrainConfig's word, or the checkbox's state
            self.balance_check.setChecked(values["balance"] not in ("off", False))
        if "name" in values:
            self.name_edit.setText(str(values["name"] or ""))

    def reset_to_defaults(self) -> None:
        """Every setting back to :data:`DEFAULTS`; the model name stays."""
        self.set_config(DEFAULTS)

    def not_defaults(self) -> list[str]:
        """The settings that differ from :data:`DEFAULTS`, in words ("from scratch", "64 px"...)."""
        values = self.config()
        items = []
        if values["arch"] != DEFAULTS["arch"]:
            items.append(self.arch_combo.currentText())
        if values["mode"] != DEFAULTS["mode"]:
            items.append({
                "head": self.tr("last layer only"),
                "finetune": self.tr("last block and last layer"),
                "full": self.tr("the whole network"),
            }.get(values["mode"], str(values["mode"])))
        if not values["pretrained"]:
            items.append(self.tr("from scratch"))
        if values["image_size"] != DEFAULTS["image_size"]:
            items.append(self.tr("{size} px").format(size=values["image_size"]))
        if values["epochs"]:
            items.append(self.tr("%n epochs", "", int(values["epochs"])))
        if values["batch_size"]:
            items.append(self.tr("batch size {n}").format(n=values["batch_size"]))
        if values["lr"]:
            items.append(self.tr("learning rate {lr}").format(lr=f"{float(values['lr']):g}"))
        if not values["augment"]:
            items.append(self.tr("pictures not varied"))
        elif not values["hflip"]:
            items.append(self.tr("not mirrored"))
        if values["balance"] == "off":
            items.append(self.tr("uneven categories not evened out"))
        return items

    def _show_not_defaults(self) -> None:
        items = self.not_defaults()
        self.not_default_label.setText(
            self.tr("Not the defaults: {settings}").format(settings=self.tr(", ").join(items)) if items else "")
        self.not_default_label.setVisible(bool(items))
        self.reset_button.setVisible(bool(items))

    def use_learning_rate(self, lr: float) -> None:
        """Put ``lr`` (the finder's suggestion) in the learning-rate field."""
        self.set_config({"lr": float(lr)})

    def set_finding_lr(self, busy: bool) -> None:
        """While the finder runs: its button is off (one search at a time)."""
        self.find_lr_button.setEnabled(not busy)

    def model_name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def set_model_name(self, name: str) -> None:
        self.name_edit.setText(name)
