"""Training speed (issue 3): baselines and ours measured in the same run; prints the ratios.

    .venv/bin/python bench/bench_train.py                 # everything (15-25 minutes on 2 busy cores)
    .venv/bin/python bench/bench_train.py head            # Start -> usable model, and the cache hit
    .venv/bin/python bench/bench_train.py full finetune   # training throughput vs a plain loop
    .venv/bin/python bench/bench_train.py full --photo-size 4032x3024 --per-class-subset 8   # phone photos

Data: synthetic photos (10 categories; default 1,000 at 1600x1200 JPEG q90: a smooth colour
field, blurred shapes with a colour and form per category, sensor grain), made on the first run
and kept in --work. Weights: random init put where the app looks for ImageNet weights (speed
does not depend on the values). ResNet-18 at 224 px, CPU, torch's default threads.

Baseline ("a plain eager loop": torchvision's reference recipe with num_workers=0, since a frozen
app has no worker processes): ``Image.open().convert("RGB")`` of the full photo in every epoch,
``transforms.v2`` RandomResizedCrop + flip + ColorJitter(0.2, 0.2, 0.2), NCHW eager model, SGD
momentum 0.9; validation Resize(256) + CenterCrop(224) under no_grad.

* head: the classic full fine-tune's 3 epochs are extrapolated from a few timed batches (after a
  warm-up batch), measured before and after our run and averaged; ours is timed from the call
  of ``train()`` to the saved model, from a cold cache (no features, no ONNX graph).
* full / finetune: one baseline step runs after each of our batches (and one validation batch
  after each epoch), inside our event callback, so both are timed under the same load from other
  programs; our batch time excludes those steps. Our batch-making thread may finish its next
  batch during a baseline step (a small bias for us: it is about 1-2% of a step). The baseline
  runs in a process of its own (started with ``spawn``), so it keeps a plain script's memory
  allocator settings while ours trains with ``engine/cpu_memory.py``'s.
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


class Baseline:
    """A plain eager loop, one step at a time: ``train_step()`` loads a batch (decoding and
    augmenting every photo again) and trains on it; ``val_step()`` classifies a batch."""

    def __init__(self, split, mode: str, *, batch_size: int = 32, seed: int = 0) -> None:
        import torch
        from PIL import Image
        from torch.utils.data import DataLoader, Dataset
        from torchvision.models import resnet18
        from torchvision.transforms import v2

        from resnet_studio.engine import zoo

        mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
        train_tf = v2.Compose([
            v2.RandomResizedCrop(224, antialias=True), v2.RandomHorizontalFlip(),
            v2.ColorJitter(0.2, 0.2, 0.2), v2.PILToTensor(), v2.ToDtype(torch.float32, scale=True),
            v2.Normalize(mean, std),
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

        def forever(loader):
            while True:
                yield from loader

        torch.manual_seed(seed)
        self.torch = torch
        self.model = resnet18()
        self.model.load_state_dict(zoo.load_state_dict_file(zoo.weights_path("resnet18")))
        self.model.fc = torch.nn.Linear(512, len(split.classes))
        if mode == "finetune":
            for name, p in self.model.named_parameters():
                p.requires_grad_(name.startswith(("layer4.", "fc.")))
        params = [p for p in self.model.parameters() if p.requires_grad]
        self.opt = torch.optim.SGD(params, lr=0.01, momentum=0.9, weight_decay=1e-4)
        self.loss_fn = torch.nn.CrossEntropyLoss()
        self.train_batches = forever(DataLoader(Folder(split.train, train_tf), batch_size=batch_size,
                                                shuffle=True, num_workers=0))
        self.val_batches = forever(DataLoader(Folder(split.val, val_tf), batch_size=batch_size,
                                              shuffle=False, num_workers=0))

    def train_step(self) -> tuple[float, int]:
        t = time.perf_counter()
        self.model.train()
        x, y = next(self.train_batches)
        loss = self.loss_fn(self.model(x), y)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return time.perf_counter() - t, len(y)

    def val_step(self) -> tuple[float, int]:
        t = time.perf_counter()
        self.model.eval()
        x, y = next(self.val_batches)
        with self.torch.no_grad():
            self.model(x)
        return time.perf_counter() - t, len(y)


def _baseline_server(conn, data: str, mode: str) -> None:
    from resnet_studio.engine.datasets import scan_dataset

    baseline = Baseline(scan_dataset(Path(data)), mode)
    conn.send("ready")
    while (cmd := conn.recv()) != "quit":
        conn.send(baseline.train_step() if cmd == "train" else baseline.val_step())


class BaselineProcess:
    """The plain loop in a process of its own, driven one step at a time (same interface as
    :class:`Baseline`): its memory allocator keeps the settings a plain script has, whatever our
    training changes in this process (``engine/cpu_memory.py``). Only one of the two runs at a time."""

    def __init__(self, data: Path, mode: str) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_baseline_server, args=(child, str(data), mode), daemon=True)
        self.proc.start()
        if self.conn.recv() != "ready":
            raise RuntimeError("the baseline process did not start")

    def train_step(self) -> tuple[float, int]:
        self.conn.send("train")
        return self.conn.recv()

    def val_step(self) -> tuple[float, int]:
        self.conn.send("val")
        return self.conn.recv()

    def close(self) -> None:
        self.conn.send("quit")
        self.proc.join(timeout=30)


def baseline_rates(split, mode: str, *, train_batches: int = 3, val_batches: int = 2) -> tuple[float, float]:
    """Seconds per picture for training and for validation, timed after a warm-up batch."""
    b = Baseline(split, mode)
    b.train_step()
    tr = [b.train_step() for _ in range(train_batches)]
    b.val_step()
    va = [b.val_step() for _ in range(val_batches)]
    return sum(t for t, _ in tr) / sum(n for _, n in tr), sum(t for t, _ in va) / sum(n for _, n in va)


class Interleaver:
    """Engine event callback that runs one baseline step after each of our batches (and one
    baseline validation batch after each of our epochs), so both are timed under the same load.
    Our batch time is the time between batches, less the time spent here."""

    def __init__(self, baseline: Baseline, n_train: int, batch_size: int = 32) -> None:
        self.baseline = baseline
        self.partial_last = n_train % batch_size != 0  # the last batch of an epoch is smaller
        self.ours: list[float] = []
        self.ours_n: list[int] = []
        self.base: list[tuple[float, int]] = []
        self.base_val: list[tuple[float, int]] = []
        self.inside = 0.0  # seconds spent in baseline steps
        self.last: float | None = None
        self.prev_batch = 0

    def __call__(self, e) -> None:
        now = time.perf_counter()
        kind = type(e).__name__
        if kind == "BatchEvent":
            full = not (self.partial_last and e.batch == e.batches)
            if self.last is not None and e.batch > 1 and full:
                self.ours.append(now - self.last)
                self.ours_n.append(32)
            t = time.perf_counter()
            self.base.append(self.baseline.train_step())
            self.inside += time.perf_counter() - t
            self.last = time.perf_counter()
        elif kind == "EpochEvent":
            self.last = None
            t = time.perf_counter()
            self.base_val.append(self.baseline.val_step())
            self.inside += time.perf_counter() - t


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


def bench_network(mode: str, data: Path, work: Path, epochs: int) -> dict:
    """Our training with a baseline step after each of our batches (same load for both)."""
    from resnet_studio.engine.datasets import scan_dataset

    split = scan_dataset(data)
    n_tr, n_va = len(split.train), len(split.val)
    extra = {"feature_backend": "onnxruntime"} if mode == "finetune" else {}
    baseline = BaselineProcess(data, mode)
    baseline.train_step()  # warm-up
    baseline.val_step()
    inter = Interleaver(baseline, n_tr)
    from resnet_studio.engine.train import TrainConfig, train

    t = time.perf_counter()
    train(data, work / f"{mode}.safetensors", TrainConfig(mode=mode, epochs=epochs, batch_size=32, lr=0.01, **extra),
          on_event=inter)
    ours_total = time.perf_counter() - t - inter.inside
    baseline.close()
    ours_s = statistics.median(inter.ours) / 32
    base_s = statistics.median(t for t, n in inter.base if n == 32) / 32
    base_val_s = statistics.median(t for t, n in inter.base_val) / max(1, inter.base_val[0][1])
    base_total = epochs * (n_tr * base_s + n_va * base_val_s)
    base_rates = sorted(n / t for t, n in inter.base)
    our_rates = sorted(32 / t for t in inter.ours)
    print(f"  training: baseline {1 / base_s:5.2f} img/s (batches {base_rates[0]:.2f}-{base_rates[-1]:.2f}), "
          f"ours {1 / ours_s:5.2f} img/s (batches {our_rates[0]:.2f}-{our_rates[-1]:.2f}); medians of "
          f"{len(inter.base)} / {len(inter.ours)} batches of 32, alternating")
    print(f"  ratio {base_s / ours_s:4.2f}x training img/s   (target >= 1.3x)")
    print(f"  {epochs} epochs end to end: baseline {base_total:6.1f} s (from the medians), ours {ours_total:6.1f} s "
          f"(decode once{', ONNX export' if extra else ''}, validation, saving included) -> {base_total / ours_total:4.2f}x"
          f"   [{n_tr} train + {n_va} val pictures]")
    return {"baseline_img_s": 1 / base_s, "ours_img_s": 1 / ours_s, "ratio_img_s": base_s / ours_s,
            "baseline_batch_img_s": base_rates, "ours_batch_img_s": our_rates, "baseline_total_s": base_total, "ours_total_s": ours_total,
            "ratio_total": base_total / ours_total}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="*", help="head, full, finetune (default: all three)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "resnet_studio_bench_train")
    parser.add_argument("--images", type=int, default=1000)
    parser.add_argument("--classes", type=int, default=10)
    parser.add_argument("--photo-size", default="1600x1200", help="photo size WxH (default 1600x1200)")
    parser.add_argument("--per-class-subset", type=int, default=20,
                        help="photos per category for the full/finetune runs (default 20: 160 train + 40 val)")
    parser.add_argument("--epochs", type=int, default=2, help="epochs of our full/finetune runs (default 2)")
    parser.add_argument("--baseline-batches", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--allocator", choices=["tuned", "default"], default="tuned",
                        help="default: train without engine/cpu_memory.py's settings, to measure them")
    args = parser.parse_args()
    if args.allocator == "default":
        os.environ["RESNET_STUDIO_KEEP_FREED_MEMORY"] = "0"
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
        results["full"] = bench_network("full", small, args.work, args.epochs)
    if "finetune" in args.what:
        print(f"\n== Fine-tune mode (layer4 + fc): training throughput, photos {w}x{h} ==")
        results["finetune"] = bench_network("finetune", small, args.work, args.epochs)
    results["load_after"] = os.getloadavg()[0]
    print(f"\nload average before {results['load_before']:.1f}, after {results['load_after']:.1f} "
          "(2 cores; above 2 means other programs shared them)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
