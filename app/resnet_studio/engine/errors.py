"""Exceptions the engine raises. ``str(exc)`` is always a sentence a non-coder can act on.

The GUI shows ``str(exc)`` as the message and ``exc.details`` (technical text, may be empty) under
"Details"; the CLI prints ``str(exc)`` on one line and exits 2 (or 1 for per-file image errors).
"""

from __future__ import annotations


class StudioError(Exception):
    """Base class: every error the engine means to show a user."""

    def __init__(self, message: str, *, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class ImageReadError(StudioError):
    """A file could not be opened as an image (damaged, empty, not an image, too large...)."""

    def __init__(self, path: object, message: str, *, details: str = "") -> None:
        super().__init__(message, details=details)
        self.path = str(path)


class ModelError(StudioError):
    """A model could not be built, loaded or used."""


class WeightsNotFoundError(ModelError):
    """Pre-trained weights are not on this computer and downloading is off or impossible."""


class ModelFileError(ModelError):
    """A model file is damaged, of the wrong kind, or from an incompatible version."""


class DatasetError(StudioError):
    """A training folder cannot be used as it is (empty, one class, missing)."""


class DeviceError(StudioError):
    """The requested compute device (CUDA, MPS) is not available."""


class ExportError(StudioError):
    """Exporting a model to ONNX or TorchScript failed or produced a file that does not match."""


class OutputWriteError(StudioError):
    """A result file could not be written (disk full, read-only folder, no permission)."""


class RunError(StudioError):
    """A training-run record (:mod:`runs`) is missing or cannot be read."""


class CancelledError(StudioError):
    """The user cancelled the job."""

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)


class OutputInUseError(OutputWriteError):
    """Another run (or program) is writing the same output file right now."""


class ModelOutputError(ModelError):
    """A model's forward pass gave no usable answer (NaN or infinite outputs)."""


class SortError(StudioError):
    """Pictures cannot be sorted into the chosen folder (it is inside the source, read-only, busy)."""
