"""Under torchrun every process trains with rank 0's learning rate (``--lr auto`` sweeps once per
process, and the sweeps may disagree: DDP replicas stepping with different rates drift apart)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import make_shapes_dataset

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform != "linux", reason="torchrun subprocess tests run on Linux")]

# Each process asks for a different rate, as disagreeing LR-finder sweeps would.
SCRIPT = textwrap.dedent("""
    import json, os, sys
    from resnet_studio.engine.train import TrainConfig, train

    data, out_dir = sys.argv[1], sys.argv[2]
    rank = int(os.environ["RANK"])
    config = TrainConfig(mode="head", pretrained=False, image_size=32, epochs=2, lr=0.01 * (rank + 1),
                         cache_dir=os.path.join(out_dir, "cache"), device="cpu")
    result = train(data, os.path.join(out_dir, "m.safetensors"), config)
    with open(os.path.join(out_dir, f"rank{rank}.json"), "w") as f:
        json.dump({"lr": result.settings["lr"], "rank": result.settings["rank"]}, f)
""")


def test_every_process_trains_with_rank_0s_learning_rate(tmp_path):
    data = make_shapes_dataset(tmp_path / "shapes", per_class=4, size=32)
    script = tmp_path / "run.py"
    script.write_text(SCRIPT)
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONUNBUFFERED="1", RESNET_STUDIO_DIST_TIMEOUT="60")
    env.pop("WORLD_SIZE", None)
    proc = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node=2", "--standalone", str(script),
         str(data), str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen = [json.loads((tmp_path / f"rank{r}.json").read_text()) for r in (0, 1)]
    assert [s["rank"] for s in seen] == [0, 1]
    assert [s["lr"] for s in seen] == [pytest.approx(0.01), pytest.approx(0.01)]
