"""The CUDA path, checked and timed in one run on a lent GPU machine (baselines in the same run).

    PYTHONPATH=app python3 bench/gpu_check.py --out results.json          # on the GPU machine
    .venv/bin/python bench/gpu_check.py --device cpu --quick              # rehearsal here (tiny)

Needs only torch, torchvision, Pillow, numpy, safetensors, onnxruntime (no Qt): what a GPU
server image has. Weights are random init put where the app looks for ImageNet weights, so
speed and agreement are meaningful, labels are not.

1. classify: our Predictor on the GPU against the same model in PyTorch on the CPU (top-1 agreement,
   largest probability difference), then a folder of camera-sized photos: ours vs a naive loop
   (``Image.open`` + the weights' transforms + one picture per forward, on the same GPU).
2. train: full fine-tune of ResNet-18 at 224 px, ours (decode once, channels-last, mixed precision)
   vs a plain eager loop on the same GPU (the torchvision reference recipe, num_workers=0: decode
   and augment every photo in every step, float32, NCHW), steady training pictures/s.
2b. the learning-rate finder's sweep in full mode on the GPU.
2c. a real CUDA out-of-memory (the process capped to 3% of the GPU, batch 512): training must
    retry with smaller passes, say so and finish.
3. torchrun: one process per GPU with NCCL through the real CLI (with ``--lr auto``); the model
   file must appear.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "app"))
sys.path.insert(0, str(HERE))

import bench_train  # noqa: E402  (synthetic photos, fake weights, the CPU baseline's recipe)


def fake_weights(arch: str) -> None:
    import torch

    from resnet_studio.engine import zoo

    dest = zoo.cache_dir() / zoo.arch_info(arch).weights_filename
    if not dest.is_file():
        dest.parent.mkdir(parents=True, exist_ok=True)
        torch.manual_seed(0)
        torch.save(zoo.build_model(arch).state_dict(), dest)


def sync(device: str) -> None:
    import torch

    if device == "cuda":
        torch.cuda.synchronize()


# --- 1. classify -----------------------------------------------------------------------------------


def check_classify(photos: list[Path], device: str, arch: str) -> dict:
    import numpy as np
    import torch
    from PIL import Image

    from resnet_studio.engine import zoo
    from resnet_studio.engine.predict import Predictor

    fake_weights(arch)
    ours = Predictor(arch, device=device, batch_size=32)
    ref = Predictor(arch, device="cpu", backend="torch", batch_size=32)
    sample = [str(p) for p in photos[:48]]
    a = list(ours.classify_paths(sample, top_k=5))
    b = list(ref.classify_paths(sample, top_k=5))
    agree = sum(x.top1.index == y.top1.index for x, y in zip(a, b)) / len(sample)
    diff = max(abs(x.top1.score - next((p.score for p in y.predictions if p.index == x.top1.index), 0.0))
               for x, y in zip(a, b))
    print(f"  {arch} on {ours.device_description} ({ours.backend_name}) vs PyTorch on the CPU: top-1 agree "
          f"{agree:.0%}, largest top-1 probability difference {diff:.4f}")

    # folder throughput: ours vs a naive loop, same device
    paths = [str(p) for p in photos]
    list(ours.classify_paths(paths[:32]))  # warm-up (cuDNN autotune, threads)
    t = time.perf_counter()
    n_ok = sum(r.ok for r in ours.classify_paths(paths))
    sync(device)
    t_ours = time.perf_counter() - t

    model = zoo.build_model(arch)
    model.load_state_dict(zoo.load_state_dict_file(zoo.weights_path(arch)))
    model = model.eval().to(device)
    from torchvision.transforms import v2

    tf = v2.Compose([v2.Resize(256, antialias=True), v2.CenterCrop(224), v2.PILToTensor(),
                     v2.ToDtype(torch.float32, scale=True), v2.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    n_naive = min(len(paths), 120)
    with torch.no_grad():
        model(tf(Image.open(paths[0]).convert("RGB")).unsqueeze(0).to(device))
        sync(device)
        t = time.perf_counter()
        for p in paths[:n_naive]:
            x = tf(Image.open(p).convert("RGB")).unsqueeze(0).to(device)
            torch.softmax(model(x), 1).topk(5)[0].cpu()
        sync(device)
    t_naive = time.perf_counter() - t
    rate_ours, rate_naive = n_ok / t_ours, n_naive / t_naive
    print(f"  folder of {len(paths)} photos: ours {rate_ours:6.1f} img/s, naive loop {rate_naive:6.1f} img/s "
          f"-> {rate_ours / rate_naive:4.1f}x")
    del ours, ref, model
    if device == "cuda":
        torch.cuda.empty_cache()
    return {"arch": arch, "top1_agreement": agree, "max_top1_prob_diff": diff, "ours_img_s": rate_ours,
            "naive_img_s": rate_naive, "ratio": rate_ours / rate_naive, "photos": len(paths)}


# --- 2. train ---------------------------------------------------------------------------------------


class GpuBaseline(bench_train.Baseline):
    """bench_train's plain eager loop (decode + augment every photo every step, float32, NCHW),
    moved to ``device``."""

    def __init__(self, split, mode: str, device: str, batch_size: int) -> None:
        super().__init__(split, mode, batch_size=batch_size)
        self.device = device
        self.model.to(device)
        # the optimizer was built on CPU parameters: rebuild it on the moved ones
        params = [p for p in self.model.parameters() if p.requires_grad]
        self.opt = self.torch.optim.SGD(params, lr=0.01, momentum=0.9, weight_decay=1e-4)

    def train_step(self) -> tuple[float, int]:
        t = time.perf_counter()
        self.model.train()
        x, y = next(self.train_batches)
        x, y = x.to(self.device), y.to(self.device)
        loss = self.loss_fn(self.model(x), y)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        sync(self.device)
        return time.perf_counter() - t, len(y)


def check_train(data: Path, work: Path, device: str, epochs: int, batch_size: int, base_steps: int) -> dict:
    from resnet_studio.engine.datasets import scan_dataset
    from resnet_studio.engine.train import TrainConfig, train

    split = scan_dataset(data)
    base = GpuBaseline(split, "full", device, batch_size)
    base.train_step()
    steps = [base.train_step() for _ in range(base_steps)]
    base_rate = sum(n for _, n in steps) / sum(t for t, _ in steps)
    del base

    rec = bench_train.Recorder()
    t = time.perf_counter()
    result = train(data, work / "gpu_full.safetensors",
                   TrainConfig(mode="full", epochs=epochs, batch_size=batch_size, lr=0.01, device=device),
                   on_event=rec)
    total = time.perf_counter() - t
    ours_rate = rec.steady_rate(batch_size)
    decode = [s for s, e in rec.stages if e.stage == "preparing"]
    t_decode = decode[-1] - decode[0] if len(decode) > 1 else float("nan")
    print(f"  full fine-tune on {result.device}: ours {ours_rate:7.1f} img/s steady, plain eager loop "
          f"{base_rate:7.1f} img/s -> {ours_rate / base_rate:4.1f}x; {epochs} epochs end to end {total:.1f} s "
          f"(decoding {len(split.train) + len(split.val)} photos once: {t_decode:.1f} s); val accuracy "
          f"{result.val_accuracy:.2f}; model {result.model_path is not None and Path(result.model_path).is_file()}")
    print(f"  settings: {json.dumps({k: result.settings[k] for k in ('mode', 'batch_size', 'lr', 'device')})}")
    return {"ours_img_s": ours_rate, "baseline_img_s": base_rate, "ratio": ours_rate / base_rate,
            "total_s": total, "decode_s": t_decode, "val_accuracy": result.val_accuracy,
            "epochs": result.epochs_run, "warnings": result.warnings}


# --- 2b. learning-rate finder ---------------------------------------------------------------------------


def check_lr_finder(data: Path, device: str, steps: int, batch_size: int) -> dict:
    from resnet_studio.engine.lr_finder import find_lr
    from resnet_studio.engine.train import TrainConfig

    t = time.perf_counter()
    r = find_lr(data, TrainConfig(mode="full", batch_size=batch_size, device=device), steps=steps)
    secs = time.perf_counter() - t
    lo, hi = r.steep_range
    print(f"  full-mode sweep on {device}: {len(r.lrs)} steps in {secs:.1f} s, suggestion {r.suggestion:.2g} "
          f"(steep range {lo:.2g}-{hi:.2g}), stopped early {r.stopped_early}")
    return {"steps": len(r.lrs), "seconds": secs, "suggestion": r.suggestion, "steep_range": [lo, hi],
            "inside": lo <= r.suggestion <= hi}


# --- 2c. out of GPU memory (issue 6) --------------------------------------------------------------------


def check_oom(data: Path, work: Path, device: str, fraction: float) -> dict:
    """A real CUDA out-of-memory: cap this process to a sliver of the GPU, ask for a batch that does
    not fit, and expect training to halve its passes, say so, and finish."""
    import torch

    from resnet_studio.engine.train import TrainConfig, train

    if device != "cuda":
        return {"skipped": "needs CUDA"}
    torch.cuda.empty_cache()
    torch.cuda.set_per_process_memory_fraction(fraction)
    try:
        stages: list[str] = []
        r = train(data, work / "oom.safetensors",
                  TrainConfig(mode="full", epochs=1, batch_size=512, lr=0.01, device=device),
                  on_event=lambda e: stages.append(e.message) if type(e).__name__ == "StageEvent" else None)
    finally:
        torch.cuda.set_per_process_memory_fraction(1.0)
    notes = [w for w in r.warnings if "memory" in w.lower()]
    print(f"  batch 512 with {fraction:.0%} of the GPU: finished {r.epochs_run} epoch(s), val accuracy "
          f"{r.val_accuracy:.2f}, model {r.model_path is not None}; warnings: {notes or r.warnings}")
    return {"epochs": r.epochs_run, "warnings": r.warnings, "model": r.model_path is not None,
            "oom_stage_messages": [m for m in stages if "memory" in m.lower()]}


# --- 3. torchrun ----------------------------------------------------------------------------------------


def check_torchrun(data: Path, work: Path, device: str, nproc: int) -> dict:
    out = work / "ddp_model.safetensors"
    out.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={nproc}",
           "-m", "resnet_studio", "train", str(data), "--out", str(out), "--mode", "full", "--epochs", "1",
           "--batch-size", "32", "--device", device, "--lr", "auto", "--json"]
    env = dict(os.environ, PYTHONPATH=str(HERE.parent / "app") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    secs = time.perf_counter() - t
    last = (p.stdout.strip().splitlines() or [""])[-1]
    try:
        summary = json.loads(last)
    except ValueError:
        summary = {}
    ok = p.returncode == 0 and out.is_file()
    print(f"  torchrun --nproc_per_node={nproc} ({device}, --lr auto): exit {p.returncode}, model written "
          f"{out.is_file()}, lr {summary.get('lr')}, val accuracy {summary.get('val_accuracy')}, {secs:.0f} s")
    if not ok:
        print("  stderr tail:\n" + "\n".join("    " + s for s in p.stderr.strip().splitlines()[-25:]))
    return {"ok": ok, "exit": p.returncode, "seconds": secs, "val_accuracy": summary.get("val_accuracy"),
            "stderr_tail": p.stderr.strip().splitlines()[-10:]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "rs_gpu_check")
    ap.add_argument("--out", type=Path, help="write the numbers here (JSON)")
    ap.add_argument("--quick", action="store_true", help="tiny sizes: a rehearsal of the script")
    ap.add_argument("--skip", default="", help="comma list of parts to skip: classify,train,torchrun")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    import torch

    bench_train.setup_env(args.work)
    info = {"torch": torch.__version__, "cuda": torch.cuda.is_available(),
            "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
            "cpus": os.cpu_count()}
    print(f"torch {info['torch']}, GPU {info['gpu']}, {info['cpus']} CPUs")
    n_photos, size, n_train = (40, (640, 480), 80) if args.quick else (400, (1600, 1200), 1000)
    photos_dir = bench_train.make_dataset(args.work / "photos", n_photos, 10, size)
    photos = sorted(photos_dir.rglob("*.jpg"))
    results: dict = {"info": info}
    failures = 0
    parts = [
        ("classify_resnet50", "classify", lambda: check_classify(photos, args.device, "resnet50")),
        ("classify_resnet18", "classify", lambda: check_classify(photos, args.device, "resnet18")),
        ("train_full", "train", lambda: check_train(
            bench_train.make_dataset(args.work / "train", n_train, 10, size), args.work, args.device,
            epochs=1 if args.quick else 3, batch_size=32 if args.quick else 64, base_steps=2 if args.quick else 8)),
        ("lr_finder", "train", lambda: check_lr_finder(args.work / "train", args.device,
                                                             *((5, 8) if args.quick else (100, 64)))),
        ("oom", "oom", lambda: check_oom(args.work / "train", args.work, args.device, 0.03)),
        ("torchrun", "torchrun", lambda: check_torchrun(
            bench_train.subset(photos_dir, args.work / "small", 4 if args.quick else 20), args.work, args.device,
            max(1, torch.cuda.device_count()) if args.device == "cuda" else 1)),
    ]
    for name, group, fn in parts:
        if group in skip:
            continue
        print(f"\n== {name}")
        t = time.perf_counter()
        try:
            results[name] = fn()
        except Exception as exc:  # noqa: BLE001 - report and go on with the other checks
            failures += 1
            results[name] = {"error": f"{type(exc).__name__}: {exc}"}
            import traceback

            traceback.print_exc()
        print(f"  ({time.perf_counter() - t:.0f} s)")
        if args.out:
            args.out.write_text(json.dumps(results, indent=1, default=str))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
