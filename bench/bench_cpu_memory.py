"""CPU training step with and without ``engine/cpu_memory.keep_freed_memory`` (issue 3, full mode).

    .venv/bin/python bench/bench_cpu_memory.py [--blocks 6] [--steps 3]

One ResNet-18 training step (batch 32, 224 px, channels-last, SGD momentum 0.9, as full mode
runs it) is timed in alternating blocks, with glibc's default allocator behaviour and with freed
memory kept, in the same process, so both see the same load from other programs. The first step
of each block is not timed (it re-grows the heap, or gives it back). Prints the median step
times, page faults per step and the ratio. (Main thread only: in a worker thread the engine keeps
glibc's usual behaviour, see ``engine/cpu_memory.py``.)
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "app"))

from resnet_studio.engine import cpu_memory  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--blocks", type=int, default=6, help="blocks of each kind (default 6)")
    parser.add_argument("--steps", type=int, default=3, help="timed steps per block (default 3)")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    if not cpu_memory.available():
        sys.exit("This needs Linux with glibc.")
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import torch
    import torchvision

    torch.manual_seed(0)
    model = torchvision.models.resnet18(num_classes=10).to(memory_format=torch.channels_last)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    x = torch.randn(args.batch_size, 3, 224, 224).contiguous(memory_format=torch.channels_last)
    y = torch.randint(0, 10, (args.batch_size,))
    loss_fn = torch.nn.CrossEntropyLoss()

    def step() -> None:
        opt.zero_grad(set_to_none=True)
        loss_fn(model(x), y).backward()
        opt.step()

    times: dict[str, list[float]] = {"default": [], "kept": []}
    faults: dict[str, list[int]] = {"default": [], "kept": []}

    def run() -> None:
        step()
        for _ in range(args.blocks):
            for kind in ("default", "kept"):
                with cpu_memory.keep_freed_memory(kind == "kept"):
                    step()  # settles the heap for this kind
                    for _ in range(args.steps):
                        f = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
                        t = time.perf_counter()
                        step()
                        times[kind].append(time.perf_counter() - t)
                        faults[kind].append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f)

    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}; ResNet-18 batch {args.batch_size} at 224 px, "
          "main thread")
    run()
    med = {k: statistics.median(v) for k, v in times.items()}
    for k in ("default", "kept"):
        print(f"  {k:8s} step median {med[k]:.3f} s (min {min(times[k]):.3f}), "
              f"page faults per step {statistics.median(faults[k]):,.0f}")
    print(f"  ratio default / kept: {med['default'] / med['kept']:.3f}x step time "
          f"({len(times['kept'])} steps each, alternating blocks); load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
