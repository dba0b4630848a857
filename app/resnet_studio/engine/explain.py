""""Why this label": Grad-CAM heat maps showing which parts of an image drove a prediction.

Grad-CAM (Selvaraju et al., 2017): take the activations ``A`` of one residual stage and the
gradient of a class's score (its logit) with respect to them; weight each channel by its mean
gradient, sum, keep the positive part. The result is a coarse map (7 × 7 for ResNet ``layer4`` at
224 px) of where evidence *for* that class sits. We then bring it back onto the user's picture
through the same resize → centre-crop geometry :class:`~.images.Preprocess` applied, so the map
lines up with the original image pixel for pixel, and parts the model never saw (cut off by the
centre crop) get zero heat.

Cost: one forward pass plus, per label, a backward pass that only runs through the layers *after*
the chosen stage (the stage's output is made a graph leaf), so explaining ResNet-18 costs about
one plain classification. Everything returned is plain data (numpy, PIL), safe to hand from a
worker thread to the GUI.
"""

from __future__ import annotations

import copy
import difflib
import os
import threading
from dataclasses import dataclass

import numpy as np
from PIL import Image

from .classifier import Classifier, load_classifier
from .errors import ModelError
from .images import Preprocess, open_image

#: The residual stages a heat map can be computed at: earlier stages are sharper but see less
#: context; ``layer4`` (the default) is what the classifier's decision is built from.
LAYERS = ("layer1", "layer2", "layer3", "layer4")
DEFAULT_LAYER = "layer4"


# --- colour map and overlay -----------------------------------------------------------------------

# Turbo colour map (Anton Mikhailov, Google, 2019; Apache-2.0), in Ruofei Du's polynomial form:
# a rainbow map without jet's false bands, readable by most colour-blind people.
_TURBO = np.array(
    [
        [0.13572138, 4.61539260, -42.66032258, 132.13108234, -152.94239396, 59.28637943],
        [0.09140261, 2.19418839, 4.84296658, -14.18503333, 4.27729857, 2.82956604],
        [0.10667330, 12.64194608, -60.58204836, 110.36276771, -89.90310912, 27.34824973],
    ]
)


def _turbo_lut() -> np.ndarray:
    x = np.linspace(0.0, 1.0, 256)
    powers = np.stack([x**p for p in range(6)])  # (6, 256)
    rgb = (_TURBO @ powers).T  # (256, 3)
    return np.clip(np.round(rgb * 255.0), 0, 255).astype(np.uint8)


TURBO_LUT: np.ndarray = _turbo_lut()


def colorize(heatmap: np.ndarray) -> np.ndarray:
    """``uint8`` RGB array (H, W, 3) showing ``heatmap`` (values in [0, 1]) in the Turbo colours:
    dark blue for no heat, through green and yellow, to dark red for the most."""
    return np.asarray(_colour_image(np.asarray(heatmap, dtype=np.float32)))


def _colour_image(heat: np.ndarray) -> Image.Image:
    """The heat map as an RGB picture: quantised to 256 levels, coloured by a palette lookup in
    Pillow (C speed; a 12 MP map in tens of milliseconds)."""
    scaled = np.clip(heat, 0.0, 1.0) * np.float32(255.0)
    scaled += np.float32(0.5)
    levels = Image.fromarray(scaled.astype(np.uint8), "L")
    levels.putpalette(TURBO_LUT.tobytes())
    return levels.convert("RGB")


def overlay_heatmap(image: Image.Image, heatmap: np.ndarray, opacity: float = 0.5) -> Image.Image:
    """``image`` with ``heatmap`` blended over it in colour (opacity 0: the image, 1: the map alone).

    The map is stretched to the image when their sizes differ, so a thumbnail of the picture can be
    overlaid with the full-size map.
    """
    if not 0.0 <= float(opacity) <= 1.0:
        raise ValueError(f"opacity must be between 0 and 1 (got {opacity})")
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    heat = np.asarray(heatmap, dtype=np.float32)
    if heat.shape != (rgb.height, rgb.width):
        heat = np.asarray(
            Image.fromarray(heat, mode="F").resize(rgb.size, Image.Resampling.BILINEAR), dtype=np.float32
        )
    return Image.blend(rgb, _colour_image(heat), float(opacity))


@dataclass
class Explanation:
    """Where the model saw evidence for one label in one image."""

    label: str
    class_index: int
    score: float  # the model's probability for this label (softmax), 0..1
    heatmap: np.ndarray  # float32 (H, W) in [0, 1], the size of the image that was explained
    layer: str

    def overlay(self, image: Image.Image, opacity: float = 0.5) -> Image.Image:
        """The heat map in colour over ``image`` (the explained image, or any resized copy of it)."""
        return overlay_heatmap(image, self.heatmap, opacity)

    def to_dict(self) -> dict:
        """Everything but the map, for JSON output."""
        return {"label": self.label, "class_index": self.class_index, "score": self.score, "layer": self.layer}


# --- geometry: from the model's crop back to the user's image -------------------------------------


def _resized_size(width: int, height: int, shorter: int) -> tuple[int, int]:
    """The size torchvision's ``resize(img, [shorter])`` gives (its own formula, truncation included)."""
    if width <= height:
        return shorter, int(shorter * height / width)
    return int(shorter * width / height), shorter


def _crop_offset(size: int, crop: int) -> int:
    """Where torchvision's ``center_crop`` starts along one axis (negative when it pads)."""
    if crop > size:
        return -((crop - size) // 2)
    return int(round((size - crop) / 2.0))


def crop_box(preprocess: Preprocess, image_size: tuple[int, int]) -> tuple[float, float, float, float]:
    """The part of an image of ``image_size`` (width, height) that ``preprocess`` shows the model,
    as ``(left, top, right, bottom)`` in the image's pixel coordinates (may reach outside it when
    the crop pads)."""
    w, h = image_size
    rw, rh = _resized_size(w, h, preprocess.resize_size)
    left, top = _crop_offset(rw, preprocess.crop_size), _crop_offset(rh, preprocess.crop_size)
    sx, sy = w / rw, h / rh
    c = preprocess.crop_size
    return left * sx, top * sy, (left + c) * sx, (top + c) * sy


def _axis_weights(n_out: int, n_resized: int, offset: int, crop: int, cells: int) -> np.ndarray:
    """Bilinear weights (n_out, cells) taking a row of CAM cells to the pixels of one image axis.

    A pixel centre goes to the resized image (the inverse of the resize), then into the crop, then
    onto the cell grid with the half-pixel convention of ``F.interpolate(align_corners=False)``.
    Pixels outside the crop get no weight: the model never saw them.
    """
    pos = (np.arange(n_out, dtype=np.float64) + 0.5) * (n_resized / n_out) - offset  # crop pixels
    inside = (pos >= 0) & (pos < crop)
    s = np.clip(pos * (cells / crop) - 0.5, 0, cells - 1)
    i0 = np.floor(s).astype(np.int64)
    i1 = np.minimum(i0 + 1, cells - 1)
    frac = s - i0
    weights = np.zeros((n_out, cells), dtype=np.float32)
    rows = np.arange(n_out)
    np.add.at(weights, (rows, i0), (1.0 - frac) * inside)
    np.add.at(weights, (rows, i1), frac * inside)
    return weights


def cam_to_image(cam: np.ndarray, preprocess: Preprocess, image_size: tuple[int, int]) -> np.ndarray:
    """Map a coarse CAM grid (h, w) over the model's crop onto the whole image (H, W).

    Equivalent to upsampling the grid to the crop size, undoing the centre crop (zeros around it)
    and resizing to the original size, but done as two small matrix products straight to the
    original resolution, so a 12-megapixel photo costs milliseconds, not a 12 MP resize chain.
    """
    w, h = image_size
    rw, rh = _resized_size(w, h, preprocess.resize_size)
    c = preprocess.crop_size
    wy = _axis_weights(h, rh, _crop_offset(rh, c), c, cam.shape[0])
    wx = _axis_weights(w, rw, _crop_offset(rw, c), c, cam.shape[1])
    heat = (wy @ cam.astype(np.float32)) @ wx.T  # float32 (H, W)
    # Weights are >= 0 and sum to <= 1, so values stay in [0, 1]; the clip only catches rounding
    # (in place: on a 12 MP photo every extra pass over the map costs tens of milliseconds).
    return np.clip(heat, 0.0, 1.0, out=heat)


# --- labels -----------------------------------------------------------------------------------


def resolve_label(classes: list[str], label: str | int) -> int:
    """Index of ``label`` (a category name, any case, or an index) in ``classes``.

    Raises :class:`ModelError` naming a few valid categories (the closest spellings first).
    """
    n = len(classes)
    if isinstance(label, (int, np.integer)) and not isinstance(label, bool):
        if 0 <= int(label) < n:
            return int(label)
        raise ModelError(f"There is no category number {label}: this model has {n} (0 to {n - 1}).")
    text = str(label).strip()
    if text in classes:
        return classes.index(text)
    folded = [c.casefold() for c in classes]
    if text.casefold() in folded:
        return folded.index(text.casefold())
    if text.isdigit():
        return resolve_label(classes, int(text))
    close = difflib.get_close_matches(text.casefold(), folded, n=5, cutoff=0.6)
    if close:
        hint = "Did you mean: " + ", ".join(repr(classes[folded.index(c)]) for c in close) + "?"
    else:
        shown = ", ".join(repr(c) for c in classes[:5])
        hint = f"Its categories include {shown}" + (f" ({n} in all)." if n > 5 else ".")
    raise ModelError(f"'{text}' is not a category of this model. {hint}")


# --- Grad-CAM ---------------------------------------------------------------------------------


def _model_device(model):
    import torch

    for p in model.parameters():
        return p.device
    return torch.device("cpu")


def _same_device(a, b) -> bool:
    return a.type == b.type and (a.index is None or b.index is None or a.index == b.index)


class Explainer:
    """Grad-CAM for one classifier; reusable for many images (one at a time per explainer).

    The classifier's model is never changed: no hook stays attached, no gradient is stored in its
    parameters, and it stays in eval mode. On a device other than the model's, a copy is used.
    """

    def __init__(self, classifier: Classifier, *, layer: str = DEFAULT_LAYER, device="cpu") -> None:
        from .devices import pick_device

        self.classifier = classifier
        self.layer = self._check_layer(layer)
        self.device = pick_device(device) if isinstance(device, str) or device is None else device
        model = classifier.model
        if not _same_device(_model_device(model), self.device):
            model = copy.deepcopy(model).to(self.device)  # moving would change the caller's model
        self._model = model
        self._lock = threading.Lock()

    @staticmethod
    def _check_layer(layer: str) -> str:
        if layer not in LAYERS:
            raise ModelError(f"Unknown layer '{layer}'. Choose one of: {', '.join(LAYERS)}.")
        return layer

    def explain(
        self,
        image: Image.Image,
        *,
        label: str | int | None = None,
        top_k: int = 3,
        layer: str | None = None,
    ) -> list[Explanation]:
        """Heat maps for ``image``: for ``label`` (a name or an index) if given, otherwise for the
        ``top_k`` most likely labels, best first. Each map has the size of ``image``.

        ``image`` is used as it is (pass what :func:`~.images.open_image` returns: upright RGB).
        """
        stage_name = self._check_layer(layer) if layer else self.layer
        rgb = image
        if rgb.mode != "RGB":
            from .images import to_rgb  # the conversion open_image and the Predictor apply

            rgb = to_rgb(rgb)
        preprocess = self.classifier.preprocess
        array = preprocess.array(rgb)
        wanted = None if label is None else resolve_label(self.classifier.classes, label)
        try:
            cams, indices, probs = self._grad_cam(array, stage_name, wanted, top_k)
        except (RuntimeError, MemoryError) as exc:
            raise ModelError(
                "The heat map could not be computed for this model.", details=f"{type(exc).__name__}: {exc}"
            ) from exc
        classes = self.classifier.classes
        return [
            Explanation(
                label=classes[i], class_index=i, score=float(probs[i]),
                heatmap=cam_to_image(cam, preprocess, rgb.size), layer=stage_name,
            )
            for cam, i in zip(cams, indices)
        ]

    def _grad_cam(
        self, array: np.ndarray, stage_name: str, wanted: int | None, top_k: int
    ) -> tuple[list[np.ndarray], list[int], np.ndarray]:
        """Coarse maps (normalised to [0, 1]), their class indices and all class probabilities."""
        import torch

        model = self._model
        try:
            stage = model.get_submodule(stage_name)
        except AttributeError as exc:
            raise ModelError(f"This model has no stage '{stage_name}'.") from exc
        owner = threading.get_ident()
        captured: dict = {}

        def keep_activation(module, inputs, output):
            # Another thread may run a plain forward on the same (shared) model meanwhile: leave it alone.
            if threading.get_ident() != owner or not torch.is_grad_enabled() or "a" in captured:
                return None
            # A fresh leaf: the backward pass stops here instead of running through the whole
            # network, and nothing accumulates in the parameters' .grad.
            leaf = output.detach().requires_grad_(True)
            captured["a"] = leaf
            return leaf

        with self._lock, torch.inference_mode(False), torch.enable_grad():
            # Built here, not by the caller: tensors made under inference_mode cannot enter autograd.
            x = torch.from_numpy(array).unsqueeze(0).to(self.device)
            was_training = model.training
            handle = stage.register_forward_hook(keep_activation)
            try:
                if was_training:
                    model.eval()
                logits = model(x)
            finally:
                handle.remove()
                if was_training:
                    model.train()
            acts = captured.get("a")
            if acts is None or not logits.requires_grad:
                raise ModelError(f"The heat map could not be computed: stage '{stage_name}' was not used.")
            n_classes = len(self.classifier.classes)
            if logits.shape[-1] != n_classes:
                raise ModelError(
                    f"This model gives {logits.shape[-1]} scores but lists {n_classes} categories."
                )
            probs = logits.detach().float().softmax(dim=1)[0]
            if wanted is None:
                k = max(1, min(int(top_k), n_classes))
                indices = [int(i) for i in probs.topk(k).indices]
            else:
                indices = [wanted]
            a = acts.detach()[0]
            cams = []
            for n, idx in enumerate(indices):
                (grad,) = torch.autograd.grad(logits[0, idx], acts, retain_graph=n < len(indices) - 1)
                channel_weights = grad[0].mean(dim=(1, 2))
                cam = torch.relu(torch.einsum("c,chw->hw", channel_weights, a))
                top = cam.max()
                cam = cam / top if top > 0 else cam
                cams.append(cam.float().cpu().numpy())
        return cams, indices, probs.cpu().numpy()


#: The shorter side, at least, of the picture an explanation is drawn on.
EXPLAIN_MIN_SIDE = 1024


def explain_file(
    path: os.PathLike | str,
    model_spec: os.PathLike | str | Classifier = "resnet18",
    *,
    label: str | int | None = None,
    layer: str = DEFAULT_LAYER,
    top_k: int = 3,
    device="cpu",
    allow_download: bool = False,
) -> tuple[Image.Image, list[Explanation]]:
    """Open ``path`` (upright; big pictures at a reduced size, shorter side at least
    :data:`EXPLAIN_MIN_SIDE`) and explain it with ``model_spec`` (a zoo name, a model file, or an
    already loaded :class:`Classifier`). Returns the image and its explanations."""
    # first: a bad file fails before a big model is loaded. A heat map is looked at, not measured:
    # 1024 px is plenty, and it keeps a 169 MP TIFF at the memory of the other paths (1.5 GB
    # at full size).
    image = open_image(path, min_side=EXPLAIN_MIN_SIDE)
    if isinstance(model_spec, Classifier):
        classifier = model_spec
    else:
        classifier = load_classifier(model_spec, allow_download=allow_download)
    return image, Explainer(classifier, layer=layer, device=device).explain(image, label=label, top_k=top_k)
