"""The model picker: the ImageNet ResNets of the zoo and the user's trained models."""

from __future__ import annotations

import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyle, QWidget

SPEC_ROLE = Qt.ItemDataRole.UserRole + 1

# The zoo's one-line descriptions (engine/zoo.py), listed here so lupdate can collect them.
ZOO_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("Zoo", "Smallest and fastest; a good start on a laptop."),
    QT_TRANSLATE_NOOP("Zoo", "A little deeper than ResNet-18."),
    QT_TRANSLATE_NOOP("Zoo", "The classic all-rounder; more accurate, slower."),
    QT_TRANSLATE_NOOP("Zoo", "Deep and accurate; best with a GPU."),
    QT_TRANSLATE_NOOP("Zoo", "The deepest ResNet; best with a GPU."),
    QT_TRANSLATE_NOOP("Zoo", "Grouped convolutions: ResNet-50 speed, better accuracy."),
    QT_TRANSLATE_NOOP("Zoo", "Large and accurate; needs a GPU."),
    QT_TRANSLATE_NOOP("Zoo", "Twice as wide as ResNet-50; accurate, heavy."),
)


def zoo_description(text: str) -> str:
    return QCoreApplication.translate("Zoo", text)
CHOOSE_FILE = "__choose_file__"


class ModelPicker(QComboBox):
    """Emits ``model_chosen(spec)`` when the user picks a model (spec: zoo name or file path) and
    ``choose_file_requested`` for the "Choose a model file…" entry."""

    model_chosen = Signal(str)
    choose_file_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelPicker")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(32)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._available: dict[str, bool] = {}
        self._trained: list[tuple[str, str, int]] = []  # (path, name, classes)
        self._extra: list[tuple[str, str]] = []  # files opened directly: (path, name)
        self._current = "resnet18"
        self._building = False
        self._populated = False  # filled by populate(), after the window is on screen
        self.activated.connect(self._on_activated)
        self.rebuild()

    def populate(self) -> None:
        """Fill in the zoo (its module imports urllib; not worth delaying the first paint)."""
        self._populated = True
        self.rebuild()

    # -- content ---------------------------------------------------------------------------
    def set_weights_available(self, available: dict[str, bool]) -> None:
        self._available = dict(available)
        self.rebuild()

    def set_trained_models(self, models: list[tuple[str, str, int]]) -> None:
        self._trained = list(models)
        listed = {os.path.abspath(p) for p, _, _ in self._trained}
        # a file opened directly that is now in the library (just renamed to it) is listed once
        self._extra = [(p, n) for p, n in self._extra if os.path.abspath(p) not in listed]
        self.rebuild()

    def forget(self, spec: str) -> None:
        """Take a model file that is gone (deleted, moved) off the list."""
        key = os.path.abspath(spec)
        self._trained = [t for t in self._trained if os.path.abspath(t[0]) != key]
        self._extra = [x for x in self._extra if os.path.abspath(x[0]) != key]
        self.rebuild()

    def add_model_file(self, path: str, name: str) -> None:
        if all(os.path.abspath(p) != os.path.abspath(path) for p, _, _ in self._trained) and \
                all(p != path for p, _ in self._extra):
            self._extra.append((path, name))
        self.rebuild()

    def specs(self) -> list[str]:
        out = []
        for row in range(self._model.rowCount()):
            spec = self._model.item(row).data(SPEC_ROLE)
            if spec and spec != CHOOSE_FILE:
                out.append(spec)
        return out

    def _header(self, text: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        f = QFont(self.font())
        f.setBold(True)
        item.setFont(f)
        return item

    def _entry(self, text: str, spec: str, tooltip: str = "") -> QStandardItem:
        item = QStandardItem("    " + text)
        item.setData(spec, SPEC_ROLE)
        item.setToolTip(tooltip or text)
        return item

    def rebuild(self) -> None:
        self._building = True
        self._model.clear()
        if not self._populated:  # until populate(): just the remembered model's name
            self._model.appendRow(self._entry(os.path.splitext(os.path.basename(self._current))[0], self._current))
            self.setCurrentIndex(0)
            self._building = False
            return
        from ...engine.zoo import ZOO

        self._model.appendRow(self._header(self.tr("ImageNet models (1000 everyday categories)")))
        for name, info in ZOO.items():
            text = info.display_name
            if self._available.get(name) is False:
                text = self.tr("{name} (not downloaded)").format(name=text)
            self._model.appendRow(self._entry(text, name, zoo_description(info.description)))
        self._model.appendRow(self._header(self.tr("Your models")))
        if not self._trained and not self._extra:
            empty = QStandardItem("    " + self.tr("None yet: teach one in the Train tab"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self._model.appendRow(empty)
        for path, name, n in self._trained:
            self._model.appendRow(self._entry(self.tr("{name} ({n} categories)").format(name=name, n=n), path, path))
        for path, name in self._extra:
            self._model.appendRow(self._entry(name, path, path))
        self._model.appendRow(self._entry(self.tr("Choose a model file…"), CHOOSE_FILE,
                                          self.tr("Use a .safetensors model file or a torchvision .pth file")))
        self._select(self._current)
        self._building = False

    def popup_width(self) -> int:
        """How wide the drop-down list must be to show its longest entry whole (bold headers
        included; Qt sizes the list to the box and cuts such entries in the middle)."""
        widest = 0
        for row in range(self._model.rowCount()):
            item = self._model.item(row)
            widest = max(widest, QFontMetrics(item.font()).horizontalAdvance(item.text()))
        view = self.view()
        scroll = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return widest + 2 * view.frameWidth() + scroll + 24

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        self.view().setMinimumWidth(self.popup_width())
        super().showPopup()

    def _select(self, spec: str) -> bool:
        for row in range(self._model.rowCount()):
            if self._model.item(row).data(SPEC_ROLE) == spec:
                self.setCurrentIndex(row)
                return True
        return False

    # -- selection -------------------------------------------------------------------------
    def current_spec(self) -> str:
        return self._current

    def set_current_spec(self, spec: str) -> None:
        """Select ``spec`` without emitting ``model_chosen`` (adds files not listed yet)."""
        self._current = spec
        if not self._select(spec) and spec not in ("", CHOOSE_FILE):
            self.add_model_file(spec, os.path.splitext(os.path.basename(spec))[0])

    def _on_activated(self, row: int) -> None:
        if self._building:
            return
        spec = self._model.item(row).data(SPEC_ROLE) if row >= 0 else None
        if spec == CHOOSE_FILE:
            self._select(self._current)
            self.choose_file_requested.emit()
            return
        if spec and spec != self._current:
            self._current = spec
            self.model_chosen.emit(spec)
