"""Choosing the compute device (CUDA → Apple MPS → CPU) and describing it for the status bar."""

from __future__ import annotations

from .errors import DeviceError

DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")


def _mps_available() -> bool:
    import torch

    mps = getattr(torch.backends, "mps", None)
    return bool(mps and mps.is_available())


def pick_device(preference: str = "auto"):
    """A ``torch.device`` for ``preference`` (auto, cpu, cuda, cuda:N, mps)."""
    import torch

    pref = (preference or "auto").lower()
    if pref == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if _mps_available():
            return torch.device("mps")
        return torch.device("cpu")
    if pref == "cpu":
        return torch.device("cpu")
    if pref.startswith("cuda"):
        if not torch.cuda.is_available():
            raise DeviceError("No NVIDIA GPU (CUDA) is available on this computer; use 'auto' or 'cpu'.")
        try:
            dev = torch.device(pref)
        except RuntimeError:
            raise DeviceError(f"Unknown device '{preference}'. Use 'cuda' or 'cuda:0'.") from None
        count = torch.cuda.device_count()
        if dev.index is not None and dev.index >= count:
            raise DeviceError(
                f"There is no GPU number {dev.index}; this computer has {count} (cuda:0 to cuda:{count - 1})."
            )
        return dev
    if pref == "mps":
        if not _mps_available():
            raise DeviceError("Apple MPS is not available on this computer; use 'auto' or 'cpu'.")
        return torch.device("mps")
    raise DeviceError(f"Unknown device '{preference}'. Choose one of: {', '.join(DEVICE_CHOICES)}.")


def describe_device(device) -> str:
    """Short text for the status bar: "CPU · 2 threads", "CUDA · NVIDIA H100", "Apple MPS"."""
    import torch

    dev = torch.device(device)
    if dev.type == "cuda":
        return f"CUDA · {torch.cuda.get_device_name(dev)}"
    if dev.type == "mps":
        return "Apple MPS"
    n = torch.get_num_threads()
    return f"CPU · {n} thread{'s' if n != 1 else ''}"


def device_info(device) -> dict:
    """The facts behind :func:`describe_device`, for a front end to word (and translate) itself:
    ``{"kind": "cpu" | "cuda" | "mps", "name": str, "threads": int}`` (name: the GPU's name, or
    "" for the CPU and MPS; threads: torch's CPU compute threads)."""
    import torch

    dev = torch.device(device)
    name = torch.cuda.get_device_name(dev) if dev.type == "cuda" else ""
    return {"kind": dev.type, "name": name, "threads": int(torch.get_num_threads())}
