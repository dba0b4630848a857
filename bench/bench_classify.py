"""Classify speed (issue 2): baseline and ours measured in the same run, interleaved; prints ratios.

    .venv/bin/python bench/bench_classify.py            # all three
    .venv/bin/python bench/bench_classify.py forward    # model forward: ours vs ONNX Runtime
    .venv/bin/python bench/bench_classify.py forward --candidates   # + the alternatives we rejected
    .venv/bin/python bench/bench_classify.py single     # one 12 MP JPEG -> top-5 vs naive pipeline
    .venv/bin/python bench/bench_classify.py folder     # 200 mixed photos vs naive one-by-one loop

Random-init weights (speed does not depend on the values) and synthetic photos made on the first
run (cached in --work, default /tmp/resnet_studio_bench). Baseline and ours run back to back in
each rep (shuffled order) so that load from other processes on a shared machine hits both alike.
The headline ratio is the median of the per-rep ratios (robust to load drifting during the run);
best-of and median ratios are printed next to it to show how noisy the run was.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "app"))

import numpy as np  # noqa: E402

from _photos import photo_folder, save_photo  # noqa: E402

warnings.filterwarnings("ignore")


def setup_env(work: Path, archs: list[str]) -> None:
    """Random-init weights where the app looks for ImageNet weights; a private ONNX cache."""
    import torch

    os.environ["TORCH_HOME"] = str(work / "torch_home")
    os.environ["RESNET_STUDIO_MODELS_DIR"] = str(work / "no_bundled_models")
    os.environ["RESNET_STUDIO_DATA_DIR"] = str(work / "user_data")
    os.environ["RESNET_STUDIO_CACHE_DIR"] = str(work / "cache")
    from resnet_studio.engine import zoo

    for arch in archs:
        dest = zoo.cache_dir() / zoo.arch_info(arch).weights_filename
        if not dest.is_file():
            dest.parent.mkdir(parents=True, exist_ok=True)
            torch.manual_seed(0)
            torch.save(zoo.build_model(arch).state_dict(), dest)


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


class Timing(float):
    """Seconds per call: the best of the reps (least disturbed by other processes), with the
    median (``.median``) and all samples (``.samples``, in rep order) kept."""

    median: float
    samples: list[float]

    def __new__(cls, samples: list[float]) -> "Timing":
        t = super().__new__(cls, min(samples))
        t.median = statistics.median(samples)
        t.samples = list(samples)
        return t


def interleaved(fns: dict, reps: int, warmup: int = 2) -> dict[str, Timing]:
    """Timing of each function. Within each rep every function runs once, in a shuffled order,
    so that load from other processes hits all of them alike."""
    rng = random.Random(0)
    for _ in range(warmup):
        for fn in fns.values():
            fn()
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(reps):
        order = list(fns)
        rng.shuffle(order)
        for k in order:
            times[k].append(timed(fns[k]))
    return {k: Timing(v) for k, v in times.items()}


def paired_ratio(base: Timing, ours: Timing) -> float:
    """Median over reps of base/ours measured back to back: robust to the load drifting."""
    return statistics.median(b / o for b, o in zip(base.samples, ours.samples))


def ratio_text(base: Timing, ours: Timing) -> str:
    return (f"{paired_ratio(base, ours):.2f}x (paired median; best-of {base / ours:.2f}x, "
            f"medians {base.median / ours.median:.2f}x)")


def ms(s: float) -> str:
    return f"{s * 1000:8.1f} ms"


# --- baseline: what a tutorial does -------------------------------------------------------------


class Naive:
    """``Image.open(...).convert("RGB")`` + torchvision's transforms + eager ResNet, one by one."""

    def __init__(self, arch: str) -> None:
        import torch
        from torchvision.models import get_model, get_model_weights

        from resnet_studio.engine import zoo

        self.weights = get_model_weights(arch).DEFAULT
        self.transform = self.weights.transforms()
        self.model = get_model(arch, weights=None)
        self.model.load_state_dict(torch.load(zoo.find_weights(arch), weights_only=True))
        self.model.eval()
        self.categories = self.weights.meta["categories"]

    def classify(self, path) -> list[tuple[str, float]]:
        import torch
        from PIL import Image

        img = Image.open(path).convert("RGB")
        x = self.transform(img).unsqueeze(0)
        with torch.no_grad():
            probs = self.model(x).softmax(dim=1)[0]
        top = probs.topk(5)
        return [(self.categories[i], float(s)) for s, i in zip(top.values, top.indices)]


# --- forward -------------------------------------------------------------------------------------


def ort_baseline_session(model, batch: int, path: Path):
    """The plain way: torch.onnx.export (its default exporter) at this batch size, default session."""
    import onnxruntime as ort
    import torch

    if not path.is_file():
        with torch.no_grad():
            torch.onnx.export(model, (torch.zeros(batch, 3, 224, 224),), str(path), verbose=False)
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = sess.get_inputs()[0].name
    return lambda x: sess.run(None, {name: x})[0]


def bench_forward(work: Path, archs: list[str], batches: list[int], quick: bool, candidates: bool) -> list[str]:
    import torch

    from resnet_studio.engine.onnx_backend import OrtBackend
    from resnet_studio.engine.predict import Predictor

    lines = []
    print("\n== Model forward on CPU: ours (Predictor backend) vs ONNX Runtime ==", flush=True)
    for arch in archs:
        t = time.perf_counter()
        pred = Predictor(arch, device="cpu")
        load_s = time.perf_counter() - t
        t = time.perf_counter()
        Predictor(arch, device="cpu")
        cached_s = time.perf_counter() - t
        print(f"{arch}: first load incl. ONNX export {load_s:.1f} s, next load (cached graph) {cached_s:.1f} s; "
              f"backend {pred.backend_name}", flush=True)
        model = pred.classifier.model.eval()
        eager = model
        cl = None
        dynamo_backend = None
        for batch in batches:
            rng = np.random.default_rng(0)
            x = rng.standard_normal((batch, 3, 224, 224), dtype=np.float32)
            xt = torch.from_numpy(x)
            base = ort_baseline_session(model, batch, work / f"baseline-{arch}-b{batch}.onnx")
            fns = {"ONNX Runtime (plain)": lambda: base(x), "ours": lambda: pred.backend.logits(x)}
            if candidates:
                if dynamo_backend is None:
                    dynamo_backend = OrtBackend(model, 224, exporter="dynamo", cache=False)
                    spin = OrtBackend(model, 224, cache=True, spinning=True)
                    cl = copy.deepcopy(model).to(memory_format=torch.channels_last)
                fns["ours, dynamo exporter"] = lambda: dynamo_backend.logits(x)
                fns["ours, ORT spinning on"] = lambda: spin.logits(x)

                def run_eager():
                    with torch.inference_mode():
                        eager(xt)

                def run_cl():
                    with torch.inference_mode():
                        cl(xt.contiguous(memory_format=torch.channels_last))

                fns["torch eager"] = run_eager
                fns["torch channels_last"] = run_cl
            reps = (40 if batch == 1 else 10) if not quick else (10 if batch == 1 else 3)
            if arch != "resnet18":
                reps = max(3, reps * 2 // 3)
            if candidates:
                reps = max(3, reps // 2)
            res = interleaved(fns, reps)
            base_t, ours_t = res["ONNX Runtime (plain)"], res["ours"]
            print(f"  batch {batch:2d} best (median): " + "  ".join(
                f"{k} {ms(v).strip()} ({ms(v.median).strip()})" for k, v in res.items()), flush=True)
            line = (f"forward {arch} batch {batch}: ONNX Runtime {ms(base_t)}, ours {ms(ours_t)} "
                    f"-> ratio {ratio_text(base_t, ours_t)} (>= ~1.0 means no slower)")
            print("  " + line, flush=True)
            lines.append(line)
    return lines


# --- single image --------------------------------------------------------------------------------


def bench_single(work: Path, quick: bool) -> list[str]:
    from resnet_studio.engine.images import open_image
    from resnet_studio.engine.predict import Predictor

    print("\n== One 12 MP JPEG -> top-5, CPU, ResNet-18: ours vs naive pipeline ==", flush=True)
    photo = work / "single_4000x3000.jpg"
    if not photo.is_file():
        save_photo(photo, 4000, 3000, seed=12345)
    naive = Naive("resnet18")
    pred = Predictor("resnet18", device="cpu")
    ours = lambda: list(pred.classify_paths([photo], top_k=5))  # noqa: E731
    reps = 5 if quick else 11
    res = interleaved({"naive": lambda: naive.classify(photo), "ours": ours}, reps, warmup=1)
    # where our time goes (same machine, same minute)
    from PIL import Image

    parts = interleaved({
        "naive decode (full size)": lambda: Image.open(photo).convert("RGB"),
        "our decode (JPEG draft)": lambda: open_image(photo, min_side=pred.preprocess.resize_size),
        "our decode + preprocess": lambda: pred.preprocess.array(open_image(photo, min_side=256)),
    }, 5 if quick else 7, warmup=1)
    print("  best (median): " + "  ".join(f"{k} {ms(v).strip()} ({ms(v.median).strip()})" for k, v in parts.items()))
    top_ours = [p.label for p in ours()[0].predictions]
    top_naive = [label for label, _ in naive.classify(photo)]
    print(f"  top-5 labels, ours: {top_ours}\n  top-5 labels, naive: {top_naive}")
    line = (f"single 12MP JPEG -> top-5 (resnet18): naive {ms(res['naive'])}, ours {ms(res['ours'])} "
            f"-> {ratio_text(res['naive'], res['ours'])} faster (target >= 4x)")
    print("  " + line, flush=True)
    return [line]


# --- folder --------------------------------------------------------------------------------------


def bench_folder(work: Path, count: int) -> list[str]:
    import tracemalloc

    from resnet_studio.engine.predict import Predictor

    print(f"\n== Folder of {count} mixed photos, CPU, ResNet-18: ours vs naive one-by-one loop ==", flush=True)
    t = time.perf_counter()
    photos = photo_folder(work / f"photos-{count}", count=count)
    print(f"  photos ready in {time.perf_counter() - t:.0f} s "
          f"({sum(p.stat().st_size for p in photos) / 1e6:.0f} MB on disk)", flush=True)
    naive = Naive("resnet18")
    pred = Predictor("resnet18", device="cpu")
    list(pred.classify_paths(photos[:4]))  # warm both up on the same few files
    for p in photos[:4]:
        naive.classify(p)

    def run_ours() -> int:
        return sum(r.error is None for r in pred.classify_paths(photos))

    def run_naive() -> int:
        return sum(1 for p in photos if naive.classify(p))

    # ours, naive, ours: ours is timed around the naive run so that drift in the machine's load
    # is shared; we keep the slower of our two runs.
    t1 = timed(run_ours)
    t_naive = timed(run_naive)
    tracemalloc.start()
    t2 = timed(run_ours)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    t_ours = max(t1, t2)
    print(f"  ours: {t1:.1f} s and {t2:.1f} s; naive {t_naive:.1f} s; peak Python-side memory of our run "
          f"{peak / 1e6:.0f} MB", flush=True)
    line = (f"folder of {count} mixed photos (resnet18): naive {count / t_naive:.1f} img/s, "
            f"ours {count / t_ours:.1f} img/s -> {t_naive / t_ours:.1f}x (target >= 3x)")
    print("  " + line, flush=True)
    return [line]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", nargs="*", help="forward, single and/or folder (default: all three)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "resnet_studio_bench")
    ap.add_argument("--archs", default="resnet18,resnet50")
    ap.add_argument("--batches", default="1,16")
    ap.add_argument("--count", type=int, default=200, help="photos in the folder benchmark")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    ap.add_argument("--candidates", action="store_true",
                    help="forward: also time the alternatives we chose between (dynamo exporter, ORT "
                         "thread spinning, eager and channels_last PyTorch)")
    args = ap.parse_args()
    args.what = args.what or ["forward", "single", "folder"]
    if set(args.what) - {"forward", "single", "folder"}:
        ap.error("choose from: forward, single, folder")
    args.work.mkdir(parents=True, exist_ok=True)
    archs = args.archs.split(",")
    setup_env(args.work, sorted(set(archs) | {"resnet18"}))
    import torch

    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {os.cpu_count()} CPUs; "
          f"load average at start {os.getloadavg()[0]:.1f}", flush=True)
    lines = []
    if "forward" in args.what:
        lines += bench_forward(args.work, archs, [int(b) for b in args.batches.split(",")], args.quick,
                               args.candidates)
    if "single" in args.what:
        lines += bench_single(args.work, args.quick)
    if "folder" in args.what:
        lines += bench_folder(args.work, args.count)
    print(f"\n== Summary (load average at end {os.getloadavg()[0]:.1f}) ==")
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
