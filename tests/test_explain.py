"""Grad-CAM ("why this label"): maps line up with the picture, differ per label, point at the object
that decides the class, and leave the model untouched; plus the ``explain`` CLI."""

from __future__ import annotations

import copy
import json
import threading

import numpy as np
import pytest
import torch
from PIL import Image

from resnet_studio.cli import main
from resnet_studio.engine import zoo
from resnet_studio.engine.classifier import Classifier, load_classifier
from resnet_studio.engine.errors import ModelError
from resnet_studio.engine.explain import (
    LAYERS,
    Explainer,
    Explanation,
    colorize,
    crop_box,
    explain_file,
)
from resnet_studio.engine.images import Preprocess
from resnet_studio.engine.modelfile import ModelInfo, save_model_file

SMALL = Preprocess(crop_size=64, resize_size=73)  # ImageNet ratios, a fraction of the cost


def random_image(size=(64, 48), seed=0) -> Image.Image:
    rng = np.random.default_rng(seed)
    w, h = size
    return Image.fromarray(rng.integers(0, 256, (h, w, 3), dtype=np.uint8), "RGB")


@pytest.fixture(scope="module")
def r18() -> Classifier:
    """Random-init ImageNet-shaped ResNet-18 (1000 categories) working on 64 px crops."""
    torch.manual_seed(0)
    model = zoo.build_model("resnet18").eval()
    return Classifier(model, zoo.imagenet_categories("resnet18"), SMALL, "resnet18", "ResNet-18", "resnet18")


@pytest.fixture(scope="module")
def r18_explainer(r18) -> Explainer:
    return Explainer(r18)


# --- size, range, geometry ----------------------------------------------------------------------


@pytest.mark.parametrize("size", [(64, 48), (40, 90), (64, 64)])
def test_heatmap_has_the_image_size_and_values_in_0_1(r18_explainer, size):
    (best,) = r18_explainer.explain(random_image(size), top_k=1)
    w, h = size
    assert best.heatmap.shape == (h, w)
    assert best.heatmap.dtype == np.float32
    assert best.heatmap.min() >= 0.0 and best.heatmap.max() <= 1.0
    assert best.heatmap.max() > 0.5  # normalised: the hottest cell is (close to) 1
    assert best.layer == "layer4"
    assert 0.0 < best.score <= 1.0


def test_crop_box_is_where_preprocess_crops():
    """Encode each pixel's x and y in its colour, preprocess, and read back where the crop came from."""
    w, h = 200, 120
    xx, yy = np.meshgrid(np.arange(w), np.arange(h))
    arr = np.stack([xx * 255 / (w - 1), yy * 255 / (h - 1), np.zeros_like(xx)], -1).round().astype(np.uint8)
    pre = Preprocess(crop_size=48, resize_size=60)
    crop = np.asarray(pre.resize_crop(Image.fromarray(arr, "RGB")), dtype=np.float64)
    left, top, right, bottom = crop_box(pre, (w, h))
    sx, sy = (right - left) / 48, (bottom - top) / 48
    # the first / last crop pixel's centre, in original pixel-index coordinates
    x_first, x_last = left + 0.5 * sx - 0.5, right - 0.5 * sx - 0.5
    y_first, y_last = top + 0.5 * sy - 0.5, bottom - 0.5 * sy - 0.5
    assert crop[:, 0, 0].mean() * (w - 1) / 255 == pytest.approx(x_first, abs=1.5)
    assert crop[:, -1, 0].mean() * (w - 1) / 255 == pytest.approx(x_last, abs=1.5)
    assert crop[0, :, 1].mean() * (h - 1) / 255 == pytest.approx(y_first, abs=1.5)
    assert crop[-1, :, 1].mean() * (h - 1) / 255 == pytest.approx(y_last, abs=1.5)


def test_parts_cut_off_by_the_centre_crop_get_no_heat(r18):
    pre = Preprocess(crop_size=48, resize_size=48)
    clf = copy.copy(r18)
    clf.preprocess = pre
    (best,) = Explainer(clf).explain(random_image((128, 48)), top_k=1)
    assert crop_box(pre, (128, 48)) == (40.0, 0.0, 88.0, 48.0)
    assert np.all(best.heatmap[:, :40] == 0) and np.all(best.heatmap[:, 88:] == 0)
    assert best.heatmap[:, 40:88].max() > 0.5


def test_map_follows_the_exif_turn(r18, tmp_path):
    path = tmp_path / "turned.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    random_image((64, 48)).save(path, exif=exif)
    image, (best,) = explain_file(path, r18, top_k=1)
    assert image.size == (48, 64)
    assert best.heatmap.shape == (64, 48)
    assert best.overlay(image).size == (48, 64)


# --- labels -----------------------------------------------------------------------------------


def test_top_k_maps_differ_between_labels(r18_explainer):
    results = r18_explainer.explain(random_image((64, 64), seed=3), top_k=3)
    assert len(results) == 3
    assert len({r.label for r in results}) == 3
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)
    for i in range(3):
        for j in range(i + 1, 3):
            assert np.abs(results[i].heatmap - results[j].heatmap).max() > 0.05


def test_label_by_name_index_or_any_case_gives_the_same_map(r18, r18_explainer):
    image = random_image((56, 64), seed=4)
    top = r18_explainer.explain(image, top_k=3)
    second = top[1]
    for label in (second.class_index, second.label, second.label.upper(), str(second.class_index)):
        (e,) = r18_explainer.explain(image, label=label)
        assert e.class_index == second.class_index and e.label == r18.classes[e.class_index]
        assert e.score == pytest.approx(second.score, rel=1e-5)
        np.testing.assert_allclose(e.heatmap, second.heatmap, atol=1e-5)


def test_unknown_label_is_a_readable_error_naming_valid_ones(r18_explainer):
    image = random_image()
    with pytest.raises(ModelError, match="Did you mean: 'tabby'"):
        r18_explainer.explain(image, label="tabbby")
    with pytest.raises(ModelError, match="categories include 'tench'"):
        r18_explainer.explain(image, label="zzqx")
    with pytest.raises(ModelError, match="0 to 999"):
        r18_explainer.explain(image, label=1000)


# --- layers and architectures -----------------------------------------------------------------


@pytest.mark.parametrize("layer", LAYERS)
def test_every_stage_can_be_explained(r18, layer):
    (best,) = Explainer(r18, layer=layer).explain(random_image((50, 40)), top_k=1)
    assert best.layer == layer and best.heatmap.shape == (40, 50)
    assert 0.0 <= best.heatmap.min() and best.heatmap.max() <= 1.0


def test_unknown_stage_is_refused(r18):
    with pytest.raises(ModelError, match="layer1, layer2, layer3, layer4"):
        Explainer(r18, layer="fc")


def _zoo_classifier(arch: str) -> Classifier:
    torch.manual_seed(0)
    model = zoo.build_model(arch, num_classes=4).eval()
    return Classifier(model, ["a", "b", "c", "d"], SMALL, arch, arch, arch)


def test_bottleneck_resnet50():
    results = Explainer(_zoo_classifier("resnet50")).explain(random_image((70, 52)), top_k=2)
    assert [r.heatmap.shape for r in results] == [(52, 70), (52, 70)]
    assert np.abs(results[0].heatmap - results[1].heatmap).max() > 0.05


@pytest.mark.slow
@pytest.mark.parametrize("arch", ["resnext50_32x4d", "wide_resnet50_2"])
def test_resnext_and_wide_resnet(arch):
    (best,) = Explainer(_zoo_classifier(arch)).explain(random_image((70, 52)), top_k=1)
    assert best.heatmap.shape == (52, 70) and best.heatmap.max() > 0.5


# --- the model is left as it was ---------------------------------------------------------------


def _hooks(model) -> list:
    found = []
    for m in model.modules():
        for attr in ("_forward_hooks", "_forward_pre_hooks", "_backward_hooks", "_backward_pre_hooks"):
            found.extend(getattr(m, attr, {}).values())
    return found


def test_model_is_untouched_and_no_hook_stays(r18, r18_explainer):
    before = {k: v.clone() for k, v in r18.model.state_dict().items()}
    image = random_image(seed=5)
    plain = r18_explainer.explain(image, top_k=2)
    with torch.inference_mode():
        in_inference = r18_explainer.explain(image, top_k=2)
    with torch.no_grad():
        in_no_grad = r18_explainer.explain(image, top_k=2)
    assert _hooks(r18.model) == []
    assert not r18.model.training
    assert all(p.grad is None for p in r18.model.parameters())
    after = r18.model.state_dict()
    assert all(torch.equal(before[k], after[k]) for k in before)
    for a, b, c in zip(plain, in_inference, in_no_grad):
        assert a.class_index == b.class_index == c.class_index
        np.testing.assert_allclose(a.heatmap, b.heatmap, atol=1e-6)
        np.testing.assert_allclose(a.heatmap, c.heatmap, atol=1e-6)


def test_works_from_a_worker_thread(r18_explainer):
    out: list = []
    worker = threading.Thread(target=lambda: out.extend(r18_explainer.explain(random_image(), top_k=1)))
    worker.start()
    worker.join(timeout=60)
    assert len(out) == 1 and isinstance(out[0], Explanation) and out[0].heatmap.shape == (48, 64)


# --- overlay ----------------------------------------------------------------------------------


def test_overlay_blends_the_colour_map_over_the_image():
    image = random_image((40, 30))
    heat = np.tile(np.linspace(0, 1, 40, dtype=np.float32), (30, 1))
    e = Explanation("x", 0, 0.9, heat, "layer4")
    assert e.overlay(image, 0.0).tobytes() == image.tobytes()
    assert np.array_equal(np.asarray(e.overlay(image, 1.0)), colorize(heat))
    half = np.asarray(e.overlay(image, 0.5), dtype=np.int16)
    expected = (np.asarray(image, dtype=np.int16) + colorize(heat)) / 2
    assert np.abs(half - expected).max() <= 1
    none, cold, hot = colorize(np.array([[0.0, 0.1, 1.0]]))[0].astype(int)
    assert none.sum() < 120 and cold[2] > cold[0] and hot[0] > hot[2]  # dark, blue, ..., red
    thumb = image.resize((20, 15))
    assert e.overlay(thumb).size == (20, 15)
    with pytest.raises(ValueError):
        e.overlay(image, 1.5)


# --- Grad-CAM points at the object that decides the class -------------------------------------

PX, SQ = 32, 8


def planted(rng, with_square: bool) -> tuple[Image.Image, tuple[int, int] | None]:
    """Dark noise; with a bright square at a random place for class "square"."""
    arr = rng.integers(0, 90, (PX, PX, 3)).astype(np.uint8)
    corner = None
    if with_square:
        x, y = (int(v) for v in rng.integers(0, PX - SQ + 1, 2))
        arr[y : y + SQ, x : x + SQ] = rng.integers(200, 256, 3).astype(np.uint8)
        corner = (x, y)
    return Image.fromarray(arr, "RGB"), corner


def batch(rng, n: int, pre: Preprocess) -> tuple[torch.Tensor, torch.Tensor]:
    items = [planted(rng, i % 2 == 0) for i in range(n)]
    x = torch.from_numpy(np.stack([pre.array(img) for img, _ in items]))
    y = torch.tensor([0 if corner is not None else 1 for _, corner in items])
    return x, y


def heat_inside_vs_outside(model_spec, tmp_path, rng, n: int = 8) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """Mean "square" heat inside and outside the square on ``n`` new pictures (saved as files)."""
    inside, outside, scores = [], [], []
    for i in range(n):
        image, (x, y) = planted(rng, True)
        path = tmp_path / f"held_out_{i}.png"
        image.save(path)
        _, (e,) = explain_file(path, model_spec, label="square")
        mask = np.zeros((PX, PX), bool)
        mask[y : y + SQ, x : x + SQ] = True
        inside.append(e.heatmap[mask].mean())
        outside.append(e.heatmap[~mask].mean())
        scores.append(e.score)
    return np.array(inside), np.array(outside), scores


def _small_model() -> tuple[torch.nn.Module, Preprocess]:
    torch.manual_seed(0)
    return zoo.build_model("resnet18", num_classes=2, small_input=True), Preprocess(crop_size=PX, resize_size=PX)


def test_trained_model_file_highlights_the_planted_square(tmp_path):
    """Fast variant: a "head" model (random backbone, final layer fitted to features, as the app's
    head mode trains), saved as a model file and explained through it."""
    model, pre = _small_model()
    model.eval()
    rng = np.random.default_rng(0)
    x, y = batch(rng, 40, pre)
    backbone = copy.deepcopy(model)
    backbone.fc = torch.nn.Identity()
    with torch.no_grad():
        feats = backbone(x)
    opt = torch.optim.LBFGS(model.fc.parameters(), max_iter=200)

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model.fc(feats), y) + 1e-2 * model.fc.weight.pow(2).sum()
        loss.backward()
        return loss

    opt.step(closure)  # the L2 term makes the fit unique: the same head whatever the start
    info = ModelInfo(arch="resnet18", classes=["square", "plain"], preprocess=pre, small_input=True)
    path = save_model_file(tmp_path / "squares.safetensors", model.state_dict(), info)

    inside, outside, scores = heat_inside_vs_outside(load_classifier(path), tmp_path, rng)
    assert sum(s > 0.5 for s in scores) >= 7  # the model did learn the task
    assert (inside > outside).sum() >= 7
    assert inside.mean() > outside.mean() + 0.1


@pytest.mark.slow
def test_network_trained_from_scratch_highlights_the_planted_square(tmp_path):
    """The whole network trained for a few SGD steps on freshly generated pictures."""
    model, pre = _small_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-4)
    rng = np.random.default_rng(1)
    model.train()
    for _ in range(15):
        x, y = batch(rng, 16, pre)
        loss = torch.nn.functional.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    model.eval()
    clf = Classifier(model, ["square", "plain"], pre, "resnet18", "squares", "memory")

    inside, outside, scores = heat_inside_vs_outside(clf, tmp_path, rng)
    assert sum(s > 0.5 for s in scores) >= 7
    assert (inside > outside).sum() >= 7
    assert inside.mean() > outside.mean() + 0.2


# --- CLI --------------------------------------------------------------------------------------


def test_cli_writes_the_overlay_and_prints_the_label(fake_imagenet_weights, image_factory, tmp_path, capsys):
    fake_imagenet_weights("resnet18")
    img = image_factory("cat 猫.jpg", size=(80, 60))
    out = tmp_path / "heat.png"
    assert main(["explain", str(img), "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "%" in text and str(out) in text
    with Image.open(out) as written:
        assert written.format == "PNG" and written.size == (80, 60)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]

    assert main(["explain", str(img), "--label", "7", "--layer", "layer3", "--opacity", "0.8",
                 "--out", str(out), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["class_index"] == 7 and record["label"] == zoo.imagenet_categories("resnet18")[7]
    assert record["layer"] == "layer3" and 0 < record["score"] <= 1 and record["out"] == str(out)


def test_cli_unknown_label_exits_2_listing_valid_ones(fake_imagenet_weights, image_factory, tmp_path, capsys):
    fake_imagenet_weights("resnet18")
    img = image_factory("a.png")
    out = tmp_path / "heat.png"
    assert main(["explain", str(img), "--label", "tabbby", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "'tabby'" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_cli_unreadable_image_exits_2_with_the_reason(image_factory, tmp_path, capsys):
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    out = tmp_path / "heat.png"
    assert main(["explain", str(empty), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "empty" in err and "Traceback" not in err
    assert not out.exists()


def test_cli_refuses_bad_output_and_missing_weights(image_factory, tmp_path, capsys):
    img = image_factory("a.png")
    assert main(["explain", str(img), "--out", str(tmp_path / "no" / "such" / "heat.png")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["explain", str(img), "--out", str(tmp_path / "heat.txt")]) == 2
    assert ".png" in capsys.readouterr().err
    # no weights on this computer, downloading off
    assert main(["explain", str(img), "--out", str(tmp_path / "heat.png")]) == 2
    assert "--allow-download" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["explain", str(img), "--opacity", "2", "--out", str(tmp_path / "heat.png")])
    assert exc.value.code == 2
