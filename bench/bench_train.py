"""Training speed (issue 3): baselines and ours measured in the same run; prints the ratios.

    .venv/bin/python bench/bench_train.py                 # everything (about 10 minutes on 2 busy cores)
    .venv/bin/python bench/bench_train.py head            # time to a usable model + cache hit
    .venv/bin/python bench/bench_train.py full finetune   # training throughput vs a plain loop
    .venv/bin/python bench/bench_train.py --images 300    # a quicker, smaller run

Data: 1,000 synthetic photos (10 categories, 1600x1200 JPEG: a smooth colour field, blurred
shapes with a colour and form per category, sensor grain), made on the first run and kept in
--work. Weights: random init put where the app looks for ImageNet weights (speed does not depend
on the values). ResNet-18 at 224 px, CPU, torch's default threads.

Baselines ("a plain eager loop", what a tutorial or torchvision's reference script does with
num_workers=0, since a frozen app has no worker processes): PIL ``Image.open().convert("RGB")``
of the full photo in every epoch, ``transforms.v2`` RandomResizedCrop + flip + colour jitter,
NCHW eager model, SGD momentum 0.9. Validation: Resize(256) + CenterCrop(224), eager, no_grad.
They are timed on a few batches (after one warm-up batch) and extrapolated to whole epochs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "app"))

import numpy as np  # noqa: E402

warnings.filterwarnings("ignore")

PALETTE = [(220, 40, 40), (40, 170, 60), (50, 80, 220), (230, 200, 30), (160, 60, 200),
           (30, 190, 200), (240, 130, 20), (120, 80, 40), (240, 120, 180), (90, 90, 90)]


# --- data --------------------------------------------------------------------------------------


def synthetic_photo(cls: int, width: int, height: int, seed: int):
    """A photo-like picture: smooth background, one category-specific object among distractors."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = np.random.default_rng(seed)
    coarse = rng.integers(30, 225, (3, 4, 3), dtype=np.uint8)
    img = Image.fromarray(coarse, "RGB").resize((width, height), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(img)
    for _ in range(6):  # distractors: random colours and forms
        x0, y0 = int(rng.integers(0, width)), int(rng.integers(0, height))
        w, h = int(rng.integers(width // 12, width // 4)), int(rng.integers(height // 12, height // 4))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)((x0, y0, x0 + w, y0 + h), fill=colour)
    # the object: its colour family and form depend on the category
    colour = tuple(int(c) for c in np.clip(np.array(PALETTE[cls % len(PALETTE)]) + rng.integers(-30, 30, 3), 0, 255))
    s = int(min(width, height) * rng.uniform(0.35, 0.6))
    cx, cy = int(rng.integers(s // 2, width - s // 2)), int(rng.integers(s // 2, height - s // 2))
    box = (cx - s // 2, cy - s // 2, cx + s // 2, cy + s // 2)
    form = cls % 5
    if form == 0:
        draw.ellipse(box, fill=colour)
    elif form == 1:
        draw.rectangle(box, fill=colour)
    elif form == 2:
        draw.polygon([(cx, box[1]), (box[2], box[3]), (box[0], box[3])], fill=colour)
    elif form == 3:
        draw.ellipse(box, outline=colour, width=max(4, s // 8))
    else:
        draw.rectangle((box[0], cy - s // 8, box[2], cy + s // 8), fill=colour)
        draw.rectangle((cx - s // 8, box[1], cx + s // 8, box[3]), fill=colour)
    img = img.filter(ImageFilter.GaussianBlur(radius=1.5))
    grain = rng.normal(0, 6.0, (256, 256, 3)).astype(np.float32)
    arr = np.asarray(img, dtype=np.float32) + np.tile(grain, (height // 256 + 1, width // 256 + 1, 1))[:height, :width]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def _make_one(args) -> None:
    path, cls, w, h, seed = args
    synthetic_photo(cls, w, h, seed).save(path, quality=90)


def make_dataset(root: Path, n_images: int, n_classes: int, size: tuple[int, int]) -> Path:
    """``n_images`` photos in ``n_classes`` folders (made once, reused)."""
    marker = root / "done.json"
    spec = {"n": n_images, "classes": n_classes, "size": list(size), "v": 1}
    if marker.is_file() and json.loads(marker.read_text()) == spec:
        return root
    shutil.rmtree(root, ignore_errors=True)
    jobs = []
    for i in range(n_images):
        cls = i % n_classes
        folder = root / f"class_{cls:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        jobs.append((folder / f"photo_{i:04d}.jpg", cls, size[0], size[1], i))
    t = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(_make_one, jobs, chunksize=8))
    marker.write_text(json.dumps(spec))
    print(f"  made {n_images} photos in {time.perf_counter() - t:.0f}s")
    return root


def subset(src: Path, dst: Path, per_class: int) -> Path:
    """Hard links to the first ``per_class`` photos of each category."""
    shutil.rmtree(dst, ignore_errors=True)
    for folder in sorted(p for p in src.iterdir() if p.is_dir()):
        (dst / folder.name).mkdir(parents=True)
        for f in sorted(folder.iterdir())[:per_class]:
            try:
                os.link(f, dst / folder.name / f.name)
            except OSError:
                shutil.copy(f, dst / folder.name / f.name)
    return dst


def setup_env(work: Path) -> None:
    os.environ["TORCH_HOME"] = str(work / "torch_home")
    os.environ["RESNET_STUDIO_MODELS_DIR"] = str(work / "no_bundled_models")
    os.environ["RESNET_STUDIO_DATA_DIR"] = str(work / "user_data")
    os.environ["RESNET_STUDIO_CACHE_DIR"] = str(work / "cache")
    import torch

    from resnet_studio.engine import zoo

    dest = zoo.cache_dir() / zoo.arch_info("resnet18").weights_filename
    if not dest.is_file():
        dest.parent.mkdir(parents=True, exist_ok=True)
        torch.manual_seed(0)
        torch.save(zoo.build_model("resnet18").state_dict(), dest)


# --- baseline: a plain eager loop --------------------------------------------------------------


def baseline_rates(split, mode: str, *, batch_size: int = 32, train_batches: int = 4, val_batches: int = 2,
                   seed: int = 0) -> tuple[float, float]:
    """Seconds per picture for training and for validation, plain eager loop, timed on a few
    batches after a warm-up batch (data loading included, as in the loop)."""
    import torch
    from PIL import Image
    from torch.utils.data import DataLoader, Dataset
    from torchvision.models import resnet18
    from torchvision.transforms import v2

    from resnet_studio.engine import zoo

    mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
    train_tf = v2.Compose([
        v2.RandomResizedCrop(224, antialias=True), v2.RandomHorizontalFlip(),
        v2.ColorJitter(0.2, 0.2, 0.2), v2.PILToTensor(), v2.ToDtype(torch.float32, scale=True), v2.Normalize(mean, std),
    ])
    val_tf = v2.Compose([
        v2.Resize(256, antialias=True), v2.CenterCrop(224), v2.PILToTensor(),
        v2.ToDtype(torch.float32, scale=True), v2.Normalize(mean, std),
    ])

    class Folder(Dataset):
        def __init__(self, samples, tf):
            self.samples, self.tf = samples, tf

        def __len__(self):
            return len(self.samples)

        def __getitem__(self, i):
            path, label = self.samples[i]
            return self.tf(Image.open(path).convert("RGB")), label

    torch.manual_seed(seed)
    model = resnet18()
    model.load_state_dict(zoo.load_state_dict_file(zoo.weights_path("resnet18")))
    model.fc = torch.nn.Linear(512, len(split.classes))
    if mode == "finetune":
        for name, p in model.named_parameters():
            p.requires_grad_(name.startswith(("layer4.", "fc.")))
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.SGD(params, lr=0.01, momentum=0.9, weight_decay=1e-4)
    loss_fn = torch.nn.CrossEntropyLoss()
    def forever(loader):
        while True:
            yield from loader

    loader = DataLoader(Folder(split.train, train_tf), batch_size=batch_size, shuffle=True, num_workers=0)
    model.train()
    it = forever(loader)
    n = 0
    for i in range(train_batches + 1):
        if i == 1:
            t0, n = time.perf_counter(), 0
        x, y = next(it)
        loss = loss_fn(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        n += len(y)
    train_s = (time.perf_counter() - t0) / n
    model.eval()
    vloader = DataLoader(Folder(split.val, val_tf), batch_size=batch_size, shuffle=False, num_workers=0)
    it = forever(vloader)
    with torch.no_grad():
        for i in range(val_batches + 1):
            if i == 1:
                t0, n = time.perf_counter(), 0
            x, y = next(it)
            model(x)
            n += len(y)
    val_s = (time.perf_counter() - t0) / n
    return train_s, val_s


# --- ours ----------------------------------------------------------------------------------------


class Recorder:
    """Timestamps of the engine's events."""

    def __init__(self) -> None:
        self.batches: list[tuple[float, object]] = []
        self.stages: list[tuple[float, object]] = []

    def __call__(self, e) -> None:
        now = time.perf_counter()
        kind = type(e).__name__
        if kind == "BatchEvent":
            self.batches.append((now, e))
        elif kind == "StageEvent":
            self.stages.append((now, e))

    def steady_rate(self, batch_size: int) -> float:
        """Training pictures/s within epochs (between the first and last batch of each epoch)."""
        per_epoch: dict[int, list[float]] = {}
        for t, e in self.batches:
            per_epoch.setdefault(e.epoch, []).append(t)
        imgs = secs = 0.0
        for ts in per_epoch.values():
            if len(ts) >= 2:
                imgs += (len(ts) - 1) * batch_size
                secs += ts[-1] - ts[0]
        return imgs / secs if secs else float("nan")


def ours(data: Path, out: Path, **config) -> tuple[float, object, Recorder]:
    from resnet_studio.engine.train import TrainConfig, train

    rec = Recorder()
    t = time.perf_counter()
    result = train(data, out, TrainConfig(**config), on_event=rec)
    return time.perf_counter() - t, result, rec


# --- the benchmarks ------------------------------------------------------------------------------


def bench_head(data: Path, small: Path, work: Path, batches: int) -> dict:
    """Cold head-mode run between two measurements of the baseline (averaged)."""
    from resnet_studio.engine.datasets import scan_dataset

    split = scan_dataset(data)
    n_tr, n_va = len(split.train), len(split.val)
    small_split = scan_dataset(small)
    before = baseline_rates(small_split, "full", train_batches=batches)
    # a cold start: no feature cache and no cached ONNX graph
    shutil.rmtree(work / "cache", ignore_errors=True)
    t_cold, r, rec = ours(data, work / "head.safetensors", mode="head")
    after = baseline_rates(small_split, "full", train_batches=batches)
    extract = [t for t, e in rec.stages if e.stage == "extracting"]
    t_extract = extract[-1] - extract[0] if len(extract) > 1 else float("nan")
    t_hit, r2, _ = ours(data, work / "head2.safetensors", mode="head", lr=0.05, epochs=40, seed=1)
    base = [3 * (n_tr * tr + n_va * va) for tr, va in (before, after)]
    baseline = statistics.mean(base)
    print(f"  baseline, 3 epochs classic full fine-tune (extrapolated): {baseline:7.1f} s"
          f"  (measured before/after ours: {base[0]:.0f} s / {base[1]:.0f} s; train "
          f"{1 / before[0]:.1f}/{1 / after[0]:.1f} img/s; {n_tr} train + {n_va} val)")
    print(f"  ours, head mode from a cold cache:                        {t_cold:7.1f} s"
          f"  (reading {r.features_extracted} pictures {t_extract:.1f} s with {r.settings['frozen_backend']}, "
          f"{r.epochs_run} epochs)")
    print(f"  ratio (time to a usable model):                           {baseline / t_cold:7.1f}x"
          f"   ({min(base) / t_cold:.1f}-{max(base) / t_cold:.1f}x; target >= 8x)")
    print(f"  ours, head mode again with other settings (cache hit):    {t_hit:7.1f} s"
          f"  ({r2.feature_cache_hits} cached, {r2.features_extracted} extracted, {r2.epochs_run} epochs; target < 3 s)")
    return {"baseline_s": base, "cold_s": t_cold, "extract_s": t_extract, "hit_s": t_hit,
            "ratio": baseline / t_cold}


def bench_network(mode: str, data: Path, work: Path, reps: int, batches: int) -> dict:
    """Baseline and ours alternate (``reps`` times): a few baseline batches, then one epoch of ours,
    so that both see the same load from other programs. Ratios are taken pairwise."""
    from resnet_studio.engine.datasets import scan_dataset

    split = scan_dataset(data)
    n_tr, n_va = len(split.train), len(split.val)
    extra = {"feature_backend": "onnxruntime"} if mode == "finetune" else {}
    rows = []
    for rep in range(reps):
        tr, va = baseline_rates(split, mode, train_batches=batches, val_batches=1, seed=rep)
        t, r, rec = ours(data, work / f"{mode}.safetensors", mode=mode, epochs=1, batch_size=32, lr=0.01,
                         seed=rep, **extra)
        rate = rec.steady_rate(32)
        base_epoch = n_tr * tr + n_va * va
        rows.append({"baseline_img_s": 1 / tr, "ours_img_s": rate, "ratio_img_s": rate * tr,
                     "baseline_epoch_s": base_epoch, "ours_epoch_s": t, "ratio_epoch": base_epoch / t,
                     "load": os.getloadavg()[0]})
        print(f"  rep {rep + 1}: baseline {1 / tr:5.2f} img/s, ours {rate:5.2f} img/s -> {rate * tr:4.2f}x;"
              f"  one epoch end to end: baseline {base_epoch:5.1f} s (extrapolated), ours {t:5.1f} s "
              f"(decode once{', ONNX export' if extra else ''}, validation, saving included) -> "
              f"{base_epoch / t:4.2f}x   [load {rows[-1]['load']:.1f}]")
    med = statistics.median(x["ratio_img_s"] for x in rows)
    med_e = statistics.median(x["ratio_epoch"] for x in rows)
    print(f"  median: {med:4.2f}x training img/s, {med_e:4.2f}x one epoch end to end   (target >= 1.3x; "
          f"{n_tr} train + {n_va} val pictures)")
    return {"reps": rows, "median_ratio_img_s": med, "median_ratio_epoch": med_e}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="*", help="head, full, finetune (default: all three)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "resnet_studio_bench_train")
    parser.add_argument("--images", type=int, default=1000)
    parser.add_argument("--classes", type=int, default=10)
    parser.add_argument("--photo-size", default="1600x1200", help="photo size WxH (default 1600x1200)")
    parser.add_argument("--per-class-subset", type=int, default=20,
                        help="photos per category for the full/finetune runs (default 20: 160 train + 40 val)")
    parser.add_argument("--reps", type=int, default=2, help="baseline/ours alternations for full/finetune")
    parser.add_argument("--baseline-batches", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    args.what = args.what or ["head", "full", "finetune"]
    if set(args.what) - {"head", "full", "finetune"}:
        parser.error("choose from: head, full, finetune")
    w, h = (int(v) for v in args.photo_size.lower().split("x"))

    import torch

    args.work.mkdir(parents=True, exist_ok=True)
    setup_env(args.work)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f}")
    size_tag = "" if (w, h) == (1600, 1200) else f"_{w}x{h}"
    if "head" in args.what:
        data = make_dataset(args.work / f"photos_{args.images}{size_tag}", args.images, args.classes, (w, h))
    else:  # the network runs need only the subset
        n = args.per_class_subset * args.classes
        data = make_dataset(args.work / f"photos_{n}{size_tag}", n, args.classes, (w, h))
    small = subset(data, args.work / "subset", args.per_class_subset)
    results: dict = {"load_before": os.getloadavg()[0], "photo_size": [w, h]}
    if "head" in args.what:
        print(f"\n== Head mode: Start -> usable model, {args.images} photos {w}x{h}, 224 px ==")
        results["head"] = bench_head(data, small, args.work, args.baseline_batches)
    if "full" in args.what:
        print(f"\n== Full mode: training throughput, photos {w}x{h} ==")
        results["full"] = bench_network("full", small, args.work, args.reps, args.baseline_batches)
    if "finetune" in args.what:
        print(f"\n== Fine-tune mode (layer4 + fc): training throughput, photos {w}x{h} ==")
        results["finetune"] = bench_network("finetune", small, args.work, args.reps, args.baseline_batches)
    results["load_after"] = os.getloadavg()[0]
    print(f"\nload average before {results['load_before']:.1f}, after {results['load_after']:.1f} "
          "(2 cores; above 2 means other programs shared them)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
