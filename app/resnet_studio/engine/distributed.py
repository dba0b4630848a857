"""Training on several GPUs or computers with ``torchrun``: the few things a run needs to agree on.

We do not write our own distribution: ``torch.distributed`` with ``DistributedDataParallel``
(NCCL on CUDA, gloo on the CPU), started by ``torchrun``. :func:`train.train` notices torchrun by
itself (``WORLD_SIZE`` > 1); this module holds what it needs:

* :func:`dist_context` reads torchrun's environment; :class:`Distributed` starts the process group,
  picks this process's GPU (``LOCAL_RANK``) and wraps the network in DDP.
* A small **control channel** (always gloo, on CPU tensors, so it never waits for a GPU) carries,
  once per batch, "is anyone cancelling / without pictures / how many pictures in all", and the
  epoch's sums and validation results. Every process therefore takes the same decisions. At the
  start it also hands rank 0's learning rate to all (``--lr auto``: each process ran its own sweep).
* **Failures**: a process that raises writes its message into torchrun's key-value store before it
  exits; the others' next collective then fails at once (gloo notices the closed connection) and
  becomes a :class:`DistributedError` naming the lost process and, when known, its message. A
  process that hangs instead of dying is caught by the control channel's timeout
  (``RESNET_STUDIO_DIST_TIMEOUT`` seconds, default 120); the known long waits (decoding, head-mode
  extraction, rank 0 training the head) use a barrier with a long timeout of their own.
"""

from __future__ import annotations

import os
import socket
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from .errors import DeviceError, ModelError

#: Seconds a process waits in a per-batch collective for the others (a dead one is noticed at once).
DEFAULT_TIMEOUT_S = 120
#: Seconds the known long waits may take (decoding everything, the head trained by rank 0 alone).
LONG_WAIT_S = 4 * 3600
_KEY = "resnet_studio"


class DistributedError(ModelError):
    """One process of a distributed run failed or vanished; the message names it."""


@dataclass(frozen=True)
class DistContext:
    """Where this process stands in a torchrun job."""

    rank: int
    world_size: int
    local_rank: int
    backend: str  # "nccl" | "gloo"
    local_world_size: int = 1

    @property
    def is_main(self) -> bool:
        return self.rank == 0


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def dist_context(device: str = "auto") -> DistContext | None:
    """This process's place in a torchrun job, or None when not launched by torchrun (or alone).

    ``device``: the training device preference; CUDA (``auto`` with a GPU, ``cuda``) uses NCCL,
    anything else gloo.
    """
    world = _env_int("WORLD_SIZE", 1)
    if world <= 1:
        return None
    pref = (device or "auto").lower()
    backend = "gloo"
    if pref.startswith("cuda") or pref == "auto":
        import torch

        if torch.cuda.is_available():
            backend = "nccl"
    local_world = _env_int("LOCAL_WORLD_SIZE", world)
    return DistContext(_env_int("RANK", 0), world, _env_int("LOCAL_RANK", 0), backend, local_world)


def _timeout() -> timedelta:
    seconds = _env_int("RESNET_STUDIO_DIST_TIMEOUT", DEFAULT_TIMEOUT_S)
    return timedelta(seconds=max(5, seconds))


class Distributed:
    """The process group of one training run, and the collectives :mod:`train` uses."""

    def __init__(self, ctx: DistContext) -> None:
        self.ctx = ctx
        self.rank = ctx.rank
        self.world_size = ctx.world_size
        self.is_main = ctx.is_main
        self.device = None
        self._ctrl = None  # gloo group for the control channel (None: the default group)
        self._own_group = False
        self._store = None

    # --- start and stop ------------------------------------------------------------------------
    def start(self, device_pref: str = "auto"):
        """Join the process group; returns this process's ``torch.device``."""
        import torch
        import torch.distributed as dist

        ctx = self.ctx
        if ctx.backend == "nccl":
            count = torch.cuda.device_count()
            if ctx.local_rank >= count:
                raise DeviceError(
                    f"torchrun started {ctx.local_world_size} processes on this computer, but it has "
                    f"{count} GPU(s); use --nproc_per_node={count} (or --nproc_per_node=gpu)."
                )
            self.device = torch.device("cuda", ctx.local_rank)
            torch.cuda.set_device(self.device)
        else:
            if (device_pref or "auto").lower() not in ("auto", "cpu"):
                raise DeviceError(
                    f"Training on '{device_pref}' with several processes is not possible here; use "
                    "--device cpu, or a computer with NVIDIA GPUs (CUDA)."
                )
            self.device = torch.device("cpu")
        if not dist.is_available():
            raise DistributedError("This PyTorch has no support for training with several processes.")
        try:
            if not dist.is_initialized():
                kwargs = {"device_id": self.device} if ctx.backend == "nccl" else {}
                dist.init_process_group(ctx.backend, timeout=_timeout(), **kwargs)
                self._own_group = True
            if dist.get_backend() != "gloo":
                self._ctrl = dist.new_group(backend="gloo", timeout=_timeout())
        except (RuntimeError, ValueError) as exc:
            raise DistributedError(
                "The training processes could not connect to each other (check --rdzv-endpoint, the "
                "network and the firewall, and that every computer runs the same command).",
                details=str(exc)[:2000],
            ) from exc
        self.rank, self.world_size = dist.get_rank(), dist.get_world_size()
        self.is_main = self.rank == 0
        self._store = _default_store()
        self._put(f"pid/{self.rank}", f"{socket.gethostname()}|{os.getpid()}")
        return self.device

    def close(self) -> None:
        import torch.distributed as dist

        if self._own_group and dist.is_initialized():
            try:
                dist.destroy_process_group()
            except Exception:  # noqa: BLE001 - leaving anyway
                pass
        self._own_group = False

    # --- the network ---------------------------------------------------------------------------
    def wrap(self, module):
        """``module`` in DistributedDataParallel (gradients averaged over the processes)."""
        from torch.nn.parallel import DistributedDataParallel as DDP

        ids = [self.device.index] if self.device is not None and self.device.type == "cuda" else None
        with self.guard():
            return DDP(module, device_ids=ids, gradient_as_bucket_view=True)

    def broadcast_buffers(self, module) -> None:
        """Rank 0's batch-norm statistics everywhere (what rank 0 saves is what everyone validates)."""
        import torch.distributed as dist

        with self.guard():
            for buf in module.buffers():
                dist.broadcast(buf, src=0)

    # --- the control channel -------------------------------------------------------------------
    def batch_flags(self, cancel: bool, too_small: bool, n_local: int) -> tuple[bool, bool, int]:
        """Once per batch: (anyone cancelling, anyone without enough pictures, pictures in all)."""
        s = self.all_sum([float(cancel), float(too_small), float(n_local)])
        return s[0] > 0, s[1] > 0, int(round(s[2]))

    def any_true(self, flag: bool) -> bool:
        return self.all_sum([float(flag)])[0] > 0

    def all_sum(self, values: list[float]) -> list[float]:
        import torch
        import torch.distributed as dist

        t = torch.tensor(values, dtype=torch.float64)
        with self.guard():
            dist.all_reduce(t, group=self._ctrl)
        return t.tolist()

    def broadcast_object(self, obj):
        """Rank 0's ``obj`` (small, picklable) on every process."""
        import torch.distributed as dist

        box = [obj]
        with self.guard():
            dist.broadcast_object_list(box, src=0, group=self._ctrl)
        return box[0]

    def gather(self, obj) -> list:
        """Every process's ``obj`` (small, picklable), in rank order."""
        import torch.distributed as dist

        out: list = [None] * self.world_size
        with self.guard():
            dist.all_gather_object(out, obj, group=self._ctrl)
        return out

    def wait_all(self, seconds: float = LONG_WAIT_S) -> None:
        """A barrier that may wait long (someone is still decoding, rank 0 trains the head)."""
        import torch.distributed as dist

        with self.guard():
            dist.monitored_barrier(group=self._ctrl, timeout=timedelta(seconds=seconds), wait_all_ranks=True)

    # --- failures ------------------------------------------------------------------------------
    def report_failure(self, exc: BaseException) -> None:
        """Leave this process's error where the others look when it vanishes."""
        self._put(f"error/{self.rank}", (str(exc) or type(exc).__name__)[:500])

    @contextmanager
    def guard(self):
        """Collective errors (a peer died or hangs) → :class:`DistributedError` naming it."""
        try:
            yield
        except DistributedError:
            raise
        except (RuntimeError, ValueError) as exc:  # torch.distributed.DistError is a RuntimeError
            if type(exc).__name__ == "OutOfMemoryError":
                raise
            raise DistributedError(self._lost_message(), details=str(exc)[:2000]) from exc

    def _lost_message(self) -> str:
        others = [r for r in range(self.world_size) if r != self.rank]
        for r in others:
            text = self._get(f"error/{r}")
            if text:
                return f"Training stopped on every process because process {r} failed: {text}"
        dead = [r for r in others if self._is_dead(r)]
        if not dead and len(others) == 1:
            dead = others
        if dead:
            names = ", ".join(str(r) for r in dead)
            return (f"Training stopped on every process because process {names} stopped unexpectedly "
                    "(it was killed, ran out of memory, or its computer went away).")
        return ("Training stopped on every process because another process stopped answering "
                "(see its output, or torchrun's summary, for the reason).")

    def _is_dead(self, rank: int) -> bool:
        where = self._get(f"pid/{rank}")
        if not where or "|" not in where:
            return False
        host, pid = where.rsplit("|", 1)
        if host != socket.gethostname():
            return False
        try:
            with open(f"/proc/{int(pid)}/stat", "rb") as f:
                state = f.read().rsplit(b")", 1)[1].split()[0]
            return state in (b"Z", b"X")  # killed, not yet collected by torchrun
        except FileNotFoundError:
            return True
        except (OSError, ValueError, IndexError):
            try:
                os.kill(int(pid), 0)
                return False
            except ProcessLookupError:
                return True
            except (OSError, ValueError):
                return False

    # --- torchrun's key-value store ------------------------------------------------------------
    def _put(self, key: str, value: str) -> None:
        if self._store is None:
            return
        try:
            self._store.set(f"{_KEY}/{key}", value)
        except Exception:  # noqa: BLE001 - only used to name a failed process
            pass

    def _get(self, key: str) -> str:
        if self._store is None:
            return ""
        try:
            full = f"{_KEY}/{key}"
            if not self._store.check([full]):
                return ""
            return self._store.get(full).decode("utf-8", "replace")
        except Exception:  # noqa: BLE001 - the store may have gone with rank 0
            return ""


def _default_store():
    """torchrun's key-value store (held by the launcher, so it outlives a killed worker)."""
    try:
        import torch.distributed.distributed_c10d as c10d

        return c10d._get_default_store()
    except Exception:  # noqa: BLE001 - naming a failed process is a nicety
        return None
