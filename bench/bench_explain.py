"""Explain speed (issue 7): one Grad-CAM explanation vs one plain classification, same run.

    .venv/bin/python bench/bench_explain.py              # ResNet-18 at 224 px, 640x480 and 12 MP
    .venv/bin/python bench/bench_explain.py --arch resnet50 --reps 10

Baseline: what classifying one already-decoded image costs (our Preprocess, one forward pass in
inference mode, softmax, top-3). Ours: ``Explainer.explain`` (preprocess, forward with the
activation kept, backward through the layers after the stage, map onto the full image) for the
top label and for the top 3. For context also the textbook Grad-CAM (hook + ``.backward()`` through
the whole network, filling every parameter's ``.grad``), and the colour overlay on its own.
Random-init weights (speed does not depend on the values); decoding is left out of every column
(it is the same for all). Calls alternate rep by rep; we report medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "app"))

from _photos import synthetic_photo  # noqa: E402

warnings.filterwarnings("ignore")


def interleaved(fns: dict, reps: int, warmup: int = 2) -> dict[str, float]:
    """Median seconds per call of each function, calls alternating within each rep."""
    for _ in range(warmup):
        for fn in fns.values():
            fn()
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(reps):
        for k, fn in fns.items():
            t = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - t)
    return {k: statistics.median(v) for k, v in times.items()}


def make_classifier(arch: str):
    import torch

    from resnet_studio.engine import zoo
    from resnet_studio.engine.classifier import Classifier
    from resnet_studio.engine.images import Preprocess

    torch.manual_seed(0)
    model = zoo.build_model(arch).eval()
    info = zoo.arch_info(arch)
    return Classifier(model, zoo.imagenet_categories(arch), Preprocess.from_weights(info.weights), arch, arch, arch)


def plain_classify(clf, image):
    import torch

    x = torch.from_numpy(clf.preprocess.array(image)).unsqueeze(0)
    with torch.inference_mode():
        probs = clf.model(x).softmax(dim=1)[0]
    return probs.topk(3)


def textbook_grad_cam(clf, image):
    """The usual recipe: keep the stage output, backpropagate the top logit through everything."""
    import torch
    import torch.nn.functional as F

    model = clf.model
    kept = {}
    handle = model.layer4.register_forward_hook(lambda m, i, o: kept.setdefault("a", o))
    try:
        x = torch.from_numpy(clf.preprocess.array(image)).unsqueeze(0)
        logits = model(x)
        kept["a"].retain_grad()
        model.zero_grad(set_to_none=True)
        logits[0, logits[0].argmax()].backward()
    finally:
        handle.remove()
    a, g = kept["a"][0].detach(), kept["a"].grad[0]
    cam = F.relu((g.mean(dim=(1, 2))[:, None, None] * a).sum(0))
    cam = cam / cam.max().clamp_min(1e-12)
    up = F.interpolate(cam[None, None], size=(image.height, image.width), mode="bilinear", align_corners=False)
    model.zero_grad(set_to_none=True)
    return up[0, 0].numpy()


def ms(s: float) -> str:
    return f"{s * 1000:8.1f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", default="resnet18")
    ap.add_argument("--reps", type=int, default=15)
    ap.add_argument("--threads", type=int, default=0, help="torch CPU threads (default: torch's choice)")
    ap.add_argument("--sizes", default="640x480,4032x3024", help="image sizes WxH (default: 640x480,4032x3024)")
    args = ap.parse_args()

    import torch

    from resnet_studio.engine.explain import Explainer

    if args.threads:
        torch.set_num_threads(args.threads)
    clf = make_classifier(args.arch)
    explainer = Explainer(clf)
    print(f"{args.arch}, crop {clf.preprocess.crop_size} px, CPU, {torch.get_num_threads()} threads, "
          f"median of {args.reps}", flush=True)
    rows = []
    for spec in args.sizes.split(","):
        w, h = (int(v) for v in spec.lower().split("x"))
        image = synthetic_photo(w, h, seed=1)
        heat = explainer.explain(image, top_k=1)[0]
        t = interleaved(
            {
                "classify": lambda: plain_classify(clf, image),
                "explain1": lambda: explainer.explain(image, top_k=1),
                "explain3": lambda: explainer.explain(image, top_k=3),
                "textbook": lambda: textbook_grad_cam(clf, image),
                "overlay": lambda: heat.overlay(image, 0.5),
            },
            args.reps,
        )
        base = t["classify"]
        print(f"\n== {w}x{h} image ==")
        print(f"plain classification (baseline)    {ms(base)}")
        print(f"explain, top label                 {ms(t['explain1'])}   x{t['explain1'] / base:.2f} of baseline")
        print(f"explain, top 3 labels              {ms(t['explain3'])}   x{t['explain3'] / base:.2f} of baseline")
        print(f"textbook Grad-CAM (full backward)  {ms(t['textbook'])}   x{t['textbook'] / base:.2f} of baseline"
              f"   (ours is {t['textbook'] / t['explain1']:.2f}x faster)")
        print(f"colour overlay (opacity 0.5)       {ms(t['overlay'])}", flush=True)
        rows.append((spec, t))

    print("\n| image | classify | explain top-1 | ratio | explain top-3 | ratio | textbook Grad-CAM | overlay |")
    print("|---|---|---|---|---|---|---|---|")
    for spec, t in rows:
        b = t["classify"]
        print(f"| {spec} | {b * 1000:.0f} ms | {t['explain1'] * 1000:.0f} ms | x{t['explain1'] / b:.2f} | "
              f"{t['explain3'] * 1000:.0f} ms | x{t['explain3'] / b:.2f} | {t['textbook'] * 1000:.0f} ms | "
              f"{t['overlay'] * 1000:.0f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
