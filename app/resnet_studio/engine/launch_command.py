"""The exact ``torchrun`` command (and a small launch script) that trains the same way elsewhere.

A user whose dataset outgrows a laptop takes the folder and this command to a GPU server or a
cluster: ``torchrun --nproc_per_node=gpu -m resnet_studio train DATA --out M.safetensors ...``
runs one process per GPU (DistributedDataParallel, see :mod:`engine.distributed`); with several
machines the same command runs on each, with ``--nnodes`` and a c10d rendezvous at the first one.

Only flags whose value differs from the CLI's default are written, so the command stays short and
reads like what the user changed. Settings the CLI has no flag for are listed by
:func:`unsupported_settings` (the GUI warns about them). Quoting follows the target shell: POSIX
single quotes for bash, single quotes with doubled ``'`` for PowerShell. No Qt, no torch here.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path

from .errors import ModelError
from .fileio import atomic_write
from .training.contract import TrainConfig

SHELLS = ("bash", "powershell")
#: torchrun's ``--nproc_per_node`` words: one process per GPU, per CPU, or whatever is there.
NPROC_WORDS = ("gpu", "cpu", "auto")
DEFAULT_RDZV_PORT = 29400
RDZV_ID = "resnet-studio"

# TrainConfig field → CLI flag; (flag, kind): kind "value" writes "--flag VALUE", "off" writes a
# bare "--no-..." flag when the setting is False, "on" a bare flag when it is True.
_FLAGS: tuple[tuple[str, str, str], ...] = (
    ("arch", "--arch", "value"),
    ("mode", "--mode", "value"),
    ("pretrained", "--no-pretrained", "off"),
    ("epochs", "--epochs", "value"),
    ("batch_size", "--batch-size", "value"),
    ("lr", "--lr", "value"),
    ("image_size", "--image-size", "value"),
    ("val_fraction", "--val-fraction", "value"),
    ("seed", "--seed", "value"),
    ("device", "--device", "value"),
    ("schedule", "--schedule", "value"),
    ("augment", "--no-augment", "off"),
    ("hflip", "--no-flip", "off"),
    ("balance", "--no-balance", "off"),
    ("name", "--name", "value"),
    ("allow_download", "--allow-download", "on"),
)
#: Settings that never matter on another machine (where to keep caches, local threads, outputs).
_LOCAL_ONLY = {"cache_dir", "workers", "feature_backend"}


def _as_config(config: TrainConfig | Mapping | None) -> TrainConfig:
    if config is None:
        return TrainConfig()
    if isinstance(config, TrainConfig):
        return config
    known = {f.name for f in fields(TrainConfig)}
    return TrainConfig(**{k: v for k, v in dict(config).items() if k in known})


def _text(value) -> str:
    return repr(value) if isinstance(value, float) else str(value)  # repr: the shortest exact form


def train_args(config: TrainConfig | Mapping | None, *, lr_auto: bool = False) -> list[str]:
    """The ``train`` flags for ``config`` that differ from the CLI's defaults (in a fixed order).

    ``lr_auto``: ``--lr auto`` (run the learning-rate finder there first) instead of the rate.
    """
    config = _as_config(config)
    defaults = TrainConfig()
    args: list[str] = []
    for name, flag, kind in _FLAGS:
        value = getattr(config, name)
        if name == "lr" and lr_auto:
            args += ["--lr", "auto"]
            continue
        if kind == "value":
            if value is None or value == getattr(defaults, name) or (name == "name" and not str(value).strip()):
                continue
            args += [flag, _text(value)]
        elif kind == "off" and (not value or value == "off"):  # balance="off" is a word
            args.append(flag)
        elif kind == "on" and value:
            args.append(flag)
    return args


def unsupported_settings(config: TrainConfig | Mapping | None) -> list[str]:
    """Names of settings that differ from the defaults but have no command-line flag (the command
    would train without them)."""
    config = _as_config(config)
    defaults = TrainConfig()
    carried = {name for name, _, _ in _FLAGS} | _LOCAL_ONLY
    return [f.name for f in fields(TrainConfig)
            if f.name not in carried and getattr(config, f.name) != getattr(defaults, f.name)]


def _nproc(value: int | str) -> str:
    text = str(value).strip().lower()
    if text in NPROC_WORDS:
        return text
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise ModelError(f"The number of processes per machine must be a whole number of at least 1, or one of "
                         f"{', '.join(NPROC_WORDS)} (got {value!r}).")
    return str(n)


def _endpoint(rdzv_endpoint: str | None) -> str:
    text = (rdzv_endpoint or "").strip()
    if not text:
        raise ModelError("Training on several machines needs the address of the first machine (for example "
                         f"gpu-server-1:{DEFAULT_RDZV_PORT}); every machine connects to it.")
    if re.search(r"\s", text):
        raise ModelError(f"The address of the first machine cannot contain spaces (got {text!r}).")
    host, _, port = text.rpartition(":")
    if not host or "]" in port:  # no port (an IPv6 address in brackets has colons of its own)
        return f"{text}:{DEFAULT_RDZV_PORT}"
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ModelError(f"The port of {text!r} must be a number from 1 to 65535.")
    return text


def _path_arg(path: str) -> str:
    text = os.fspath(path)
    # a folder called "-x" would read as an option
    return f".{os.sep}{text}" if text.startswith("-") else text


def _groups(data_dir, out, config, *, nproc_per_node, nnodes, rdzv_endpoint, lr_auto) -> list[list[str]]:
    """The command as groups of words that belong together (one line each in a script)."""
    if int(nnodes) < 1:
        raise ModelError(f"The number of machines must be at least 1 (got {nnodes}).")
    if not str(os.fspath(data_dir)).strip():
        raise ModelError("Choose the dataset folder first.")
    if not str(os.fspath(out)).strip():
        raise ModelError("Give a file name for the trained model (for example model.safetensors).")
    groups = [["torchrun"], [f"--nproc_per_node={_nproc(nproc_per_node)}"]]
    if int(nnodes) > 1:
        groups += [[f"--nnodes={int(nnodes)}"], ["--rdzv-backend=c10d"],
                   [f"--rdzv-endpoint={_endpoint(rdzv_endpoint)}"], [f"--rdzv-id={RDZV_ID}"]]
    groups += [["-m", "resnet_studio", "train", _path_arg(data_dir)], ["--out", _path_arg(out)]]
    flags = train_args(config, lr_auto=lr_auto)
    i = 0
    while i < len(flags):
        if i + 1 < len(flags) and not flags[i + 1].startswith("--"):
            groups.append(flags[i:i + 2])
            i += 2
        else:
            groups.append([flags[i]])
            i += 1
    return groups


def torchrun_command(
    data_dir: str,
    out: str,
    config: TrainConfig | Mapping | None,
    *,
    nproc_per_node: int | str = "gpu",
    nnodes: int = 1,
    rdzv_endpoint: str | None = None,
    lr_auto: bool = False,
) -> list[str]:
    """``torchrun ... -m resnet_studio train DATA --out OUT [flags]`` as a list of arguments.

    ``nproc_per_node``: processes per machine (a number, or ``gpu``: one per GPU). ``nnodes`` > 1:
    the multi-machine form (c10d rendezvous at ``rdzv_endpoint``, "host" or "host:port"; the same
    command runs on every machine). Raises :class:`ModelError` for impossible values.
    """
    groups = _groups(data_dir, out, config, nproc_per_node=nproc_per_node, nnodes=nnodes,
                     rdzv_endpoint=rdzv_endpoint, lr_auto=lr_auto)
    return [word for group in groups for word in group]


# ------------------------------------------------------------------------------------------------
# Quoting and scripts

_PS_SAFE = re.compile(r"^[A-Za-z0-9_\-./:=\\]+$")


def quote(word: str, shell: str = "bash") -> str:
    """``word`` as one argument of ``shell`` (``bash``: POSIX quoting; ``powershell``)."""
    if shell == "bash":
        return shlex.quote(word)
    if shell == "powershell":
        # single quotes are literal in PowerShell ($, `, spaces, non-ASCII); a ' is written ''
        return word if _PS_SAFE.match(word) and not word.startswith("@") else "'" + word.replace("'", "''") + "'"
    raise ModelError(f"Unknown shell '{shell}'. Choose one of: {', '.join(SHELLS)}.")


def format_command(args: list[str], shell: str = "bash") -> str:
    """One line to paste into ``shell``."""
    return " ".join(quote(a, shell) for a in args)


def launch_script(
    data_dir: str,
    out: str,
    config: TrainConfig | Mapping | None,
    *,
    nproc_per_node: int | str = "gpu",
    nnodes: int = 1,
    rdzv_endpoint: str | None = None,
    shell: str = "bash",
    lr_auto: bool = False,
) -> str:
    """A small script that runs :func:`torchrun_command` (``shell``: ``bash`` or ``powershell``)."""
    if shell not in SHELLS:
        raise ModelError(f"Unknown shell '{shell}'. Choose one of: {', '.join(SHELLS)}.")
    groups = _groups(data_dir, out, config, nproc_per_node=nproc_per_node, nnodes=nnodes,
                     rdzv_endpoint=rdzv_endpoint, lr_auto=lr_auto)
    lines = [" ".join(quote(w, shell) for w in g) for g in groups]
    name = _as_config(config).name or Path(os.fspath(data_dir)).name
    notes = [
        f"Train the model \"{name}\" with ResNet Studio on this machine's GPUs (torchrun, DDP).",
        "Needs Python with PyTorch and ResNet Studio installed (pip install resnet-studio),",
        "and the dataset folder copied to the path below (edit it if it is somewhere else).",
    ]
    if int(nnodes) > 1:
        notes.append(f"Run this same script on each of the {int(nnodes)} machines; they meet at "
                     f"{_endpoint(rdzv_endpoint)} (the first machine).")
    notes.append("Then bring the model file back and add it in ResNet Studio: Models > Import model.")
    if shell == "bash":
        head = ["#!/usr/bin/env bash"] + [f"# {n}" for n in notes] + ["set -euo pipefail", ""]
        body = " \\\n    ".join(lines)
        return "\n".join(head) + "\n" + body + "\n"
    head = [f"# {n}" for n in notes] + ["$ErrorActionPreference = 'Stop'", ""]
    body = " `\n    ".join(lines)
    return "\r\n".join(head) + "\r\n" + body.replace("\n", "\r\n") + "\r\nexit $LASTEXITCODE\r\n"


def script_suffix(shell: str) -> str:
    return ".ps1" if shell == "powershell" else ".sh"


def write_launch_script(path: os.PathLike | str, text: str, shell: str = "bash") -> Path:
    """Save a script from :func:`launch_script` atomically: executable for bash; UTF-8 with a BOM for
    PowerShell (Windows PowerShell 5 reads a .ps1 without one in the local code page, which would
    garble non-ASCII folder names). Raises :class:`OutputWriteError`."""
    p = Path(path)
    data = text.encode("utf-8-sig" if shell == "powershell" else "utf-8")
    with atomic_write(p, "wb") as fh:
        fh.write(data)
    if shell == "bash":
        try:
            p.chmod(p.stat().st_mode | 0o111)
        except OSError:
            pass  # some filesystems (FAT, network shares) have no execute bit: `bash script.sh` still works
    return p
