"""What verifying a cached ONNX graph costs on a cache hit (issue 13), measured in the same run.

    .venv/bin/python bench/bench_onnx_cache_verify.py              # ResNet-18, random init, 224 px
    .venv/bin/python bench/bench_onnx_cache_verify.py --repeat 9 --size 64

The graph of a seeded random-init model is exported once into a temporary cache; then, round after
round (so machine noise hits every variant alike), each variant loads the backend from that cache
and classifies one picture (the first answer: a session's first run pays a one-off set-up, which
the probe would otherwise take on itself and look dearer than it is):

* unverified: what a cache hit did before issue 13 (cache key, read the bytes, open the session);
* verified, first use: the real ``OrtBackend`` as a process sees it the first time (size from
  stat, record, sha256 of the bytes, declared shapes, a one-picture probe against PyTorch);
* verified, probed before: the real ``OrtBackend`` when this process already probed that graph
  (the GUI reloading a model): everything but the probe.

``in-process`` rows run in this process, warmed up. ``fresh-process`` rows each start a new Python
process and time only the load and first answer inside it, as the CLI meets them: there the
probe also pays PyTorch's first forward pass, which an ONNX Runtime run never needed before.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "app"))
# as the app does (__main__.py): idle OpenMP threads must not spin against ONNX Runtime's
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

UNVERIFIED = "unverified (before issue 13)"
FIRST = "verified, first use in the process"
AGAIN = "verified, probed before in the process"
VARIANTS = {"unverified": UNVERIFIED, "first": FIRST, "again": AGAIN}


def _model(arch: str):
    import torch

    from resnet_studio.engine.zoo import build_model

    torch.manual_seed(0)
    return build_model(arch).eval()


def _runner(model, size: int):
    """``variant -> callable``, each loading from the cache and answering one picture."""
    import numpy as np
    import onnxruntime as ort

    from resnet_studio.engine import onnx_backend as ob

    picture = np.random.default_rng(1).standard_normal((1, 3, size, size), dtype=np.float32)

    def unverified() -> None:
        key = ob.weights_digest(model, input_size=size)
        backend = object.__new__(ob.OrtBackend)
        backend._options = ob.session_options()
        backend._session = backend._open(ort, (ob.onnx_cache_dir() / f"{key}.onnx").read_bytes())
        backend.logits(picture)

    def first() -> None:
        ob._PROBED.clear()
        backend = ob.OrtBackend(model, size)
        assert backend.cached, backend.rebuilt
        backend.logits(picture)

    def again() -> None:
        backend = ob.OrtBackend(model, size)
        assert backend.cached, backend.rebuilt
        backend.logits(picture)

    return {"unverified": unverified, "first": first, "again": again}


def _one(args) -> None:
    """Child process: time one variant once, print milliseconds."""
    model = _model(args.arch)
    run = _runner(model, args.size)
    if args.one == "again":
        run["first"]()  # what "probed before" means
    t = time.perf_counter()
    run[args.one]()
    print(f"{(time.perf_counter() - t) * 1000:.3f}")


def _fresh(args, variant: str) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--one", variant, "--size", str(args.size), "--arch", args.arch],
        capture_output=True, text=True, check=True, env=os.environ.copy(),
    )
    return float(out.stdout.strip().splitlines()[-1]) / 1000


def _report(title: str, times: dict[str, list[float]]) -> None:
    med = {k: statistics.median(v) for k, v in times.items()}
    best = {k: min(v) for k, v in times.items()}
    print(f"  {title}: {'median':>9s} {'ratio':>6s} {'best':>9s} {'ratio':>6s}")
    for k, name in VARIANTS.items():
        print(f"    {name:40s} {med[k] * 1000:6.1f} ms x{med[k] / med['unverified']:5.2f} "
              f"{best[k] * 1000:6.1f} ms x{best[k] / best['unverified']:5.2f}")
    print(f"    verification cost (median): +{(med['first'] - med['unverified']) * 1000:.1f} ms on first "
          f"use, {(med['again'] - med['unverified']) * 1000:+.1f} ms once probed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--arch", default="resnet18")
    parser.add_argument("--one", choices=tuple(VARIANTS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        _one(args)
        return

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RESNET_STUDIO_CACHE_DIR"] = tmp
        import torch

        from resnet_studio.engine import onnx_backend as ob

        model = _model(args.arch)
        exported = ob.OrtBackend(model, args.size)
        assert not exported.cached and exported.path is not None
        size_mb = exported.path.stat().st_size / 1e6
        run = _runner(model, args.size)
        for fn in run.values():  # warm-up: page cache, allocator, kernels
            fn()
        inproc: dict[str, list[float]] = {k: [] for k in VARIANTS}
        fresh: dict[str, list[float]] = {k: [] for k in VARIANTS}
        for _ in range(args.repeat):
            for k, fn in run.items():
                t = time.perf_counter()
                fn()
                inproc[k].append(time.perf_counter() - t)
            for k in VARIANTS:
                fresh[k].append(_fresh(args, k))
        key_time = min(_timed(lambda: ob.weights_digest(model, input_size=args.size)) for _ in range(args.repeat))

    print(f"{args.arch} at {args.size} px, random init; graph {size_mb:.1f} MB; torch threads "
          f"{torch.get_num_threads()}; load + first answer of one picture; {args.repeat} rounds")
    _report("in-process (warm)", inproc)
    _report("fresh process (as the CLI)", fresh)
    print(f"  the cache key (weights hash), paid by every variant: {key_time * 1000:.1f} ms")


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
