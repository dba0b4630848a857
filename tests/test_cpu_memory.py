"""engine.cpu_memory: while a network trains on the CPU, freed memory is reused, not faulted in
afresh; afterwards it goes back to the system. Measured with the kernel's own counters, in a fresh
process (the allocator's settings and heap are process-wide state), Linux with glibc only."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from resnet_studio.engine import cpu_memory

pytestmark = pytest.mark.skipif(not cpu_memory.available(), reason="glibc only (Linux)")

APP = Path(__file__).resolve().parent.parent / "app"

# Each "step" makes and frees 68 + 136 MB, like a training step's activations: blocks above
# glibc's largest mmap threshold (32 MB), so mmap-ed and faulted in afresh by default.
SCENARIOS = textwrap.dedent("""
    import json, resource, sys
    import torch
    from resnet_studio.engine import cpu_memory

    X = torch.ones(17 << 20)
    STEP = 3 * X.numel() * 4  # y and z

    def faults():
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt

    def rss():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize()

    def step():
        before = faults()
        y = X * 2
        z = torch.cat([y, y])
        float(z.sum())
        del y, z
        return faults() - before

    out = {"pages": STEP // resource.getpagesize(), "step_bytes": STEP}
    out["default_faults"] = [step() for _ in range(6)]
    r = rss(); step(); out["default_kept"] = rss() - r
    with cpu_memory.keep_freed_memory(enabled=False):
        out["disabled_faults"] = [step() for _ in range(4)]
    with cpu_memory.keep_freed_memory():
        r = rss(); step(); out["inside_kept"] = rss() - r
        out["inside_faults"] = [step() for _ in range(12)]
        inside = rss()
    out["returned_on_leaving"] = inside - rss()
    with cpu_memory.keep_freed_memory():
        with cpu_memory.keep_freed_memory():
            step()
            inner = rss()
        out["kept_after_inner_leaves"] = rss() - inner
    out["returned_after_outer_leaves"] = inner - rss()
    try:
        with cpu_memory.keep_freed_memory():
            step()
            before_error = rss()
            raise RuntimeError("cancelled")
    except RuntimeError:
        pass
    out["returned_after_error"] = before_error - rss()
    print(json.dumps(out))
""")


@pytest.fixture(scope="module")
def measured() -> dict:
    env = {"PYTHONPATH": str(APP), "OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", SCENARIOS], capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_by_default_every_step_faults_its_memory_in_afresh(measured):
    assert min(measured["default_faults"]) > measured["pages"] // 2
    assert measured["default_kept"] < measured["step_bytes"] // 10
    assert min(measured["disabled_faults"]) > measured["pages"] // 2


def test_inside_freed_memory_stays_and_steps_take_far_fewer_page_faults(measured):
    assert measured["inside_kept"] > measured["step_bytes"] // 2
    # the heap grows over the first steps, and now and then a block does not fit the freed space
    # exactly (glibc's best fit with aligned blocks): most steps take almost none
    inside = sorted(measured["inside_faults"])
    assert inside[len(inside) // 2] < measured["pages"] // 20
    default_per_step = sum(measured["default_faults"]) / len(measured["default_faults"])
    assert sum(inside) < len(inside) * default_per_step / 2


def test_the_kept_memory_goes_back_on_leaving_also_after_an_error(measured):
    assert measured["returned_on_leaving"] > measured["step_bytes"] // 2
    assert measured["returned_after_error"] > measured["step_bytes"] // 2


def test_nested_uses_keep_memory_until_the_last_one_leaves(measured):
    assert measured["kept_after_inner_leaves"] > -measured["step_bytes"] // 10
    assert measured["returned_after_outer_leaves"] > measured["step_bytes"] // 2
