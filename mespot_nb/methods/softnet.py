"""SOFTNet (Liong, See & Wong, "Shallow Optical Flow Three-Stream CNN for Macro- and
Micro-Expression Spotting from Long Videos", ICIP 2021, pp. 2643–2647), from the facts of the
authors' published code (github.com/genbing99/SoftNet-SpotME); the code here is the kit's own.

SOFTNet trains **one model per expression type** (``types=("micro", "macro")``: the registry's
one-model-per-type learned method, :meth:`~mespot_nb.methods.Method.for_type`). Both models are
the same pipeline; what differs per type is marked *micro* / *macro* below.

* **Features** — the ``softnet`` family (:mod:`mespot_nb.features.softnet`): per frame i the
  flow i → i + k on the first frame's 128² face box, u, v and optical strain, head motion
  removed at the nose, eyes masked, the brow and mouth boxes stacked to (42, 42, 3) uint8,
  min-max normalised. k (frames) = ⌊(mean(offset − onset) + 1)/2⌋ of the dataset's
  expressions of the model's type (:func:`dataset_params`): *micro* k from the
  micro-expressions, *macro* k from the macro-expressions. A different k is a different flow
  distance, so each model reads its own cached feature pass (another ``FeatureParams``, another
  cache key; :func:`mespot_nb.inference.method_features`) rather than one pass holding both:
  the pass, its cache and its streaming stay the family's, unchanged, and a model file needs
  only its own pass at spotting time (``mespot spot --type micro`` never computes the macro
  flow).
* **Windows and labels** — window i is frames i … i + k − 1 (kind ``softnet``); its label is 1
  when it overlaps an expression of the model's type at all (rule ``overlap_pos``, the code's
  pseudo-labels: IoU > 0).
* **Network** — :class:`mespot_nb.models.SoftNet`, MSE on the 0/1 label, SGD (lr 5e-4, no
  momentum), batch 12, 10 epochs under the paper profile (4 under the quick one:
  ``ModelConfig.softnet_epochs``), the last one kept, on every training subject; half the
  negative windows dropped once per fit — both types. *Micro* only: each positive also
  flipped, blurred and noised (:func:`augment_positives`, ``augment_types=("micro",)``; the
  code does this for micro-expressions only).
* **Spotting** — a_j = mean(s[j−k … j+k−1]), T = mean(a) + p·(max(a) − mean(a)) with p = 0.55
  (fixed, as the code), peaks k apart above T, each [j − k, j + k]
  (:func:`mespot_nb.detections.smoothed_peaks`), with each model's own k; the intervals carry
  its type, and MEGC2020's overall F1 sums both types' TP, FP and FN.

A dataset (or a fold's training subjects) without macro-expressions trains the micro model
alone, with a warning naming it.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..features.common import register_family
from ..features.softnet import SoftnetFlow, minmax_uint8, softnet_k
from ..intervals import iou_matrix
from ..windows import WindowKind, _gt, window_bounds, register_label_rule, register_window_kind
from .base import Method

register_family(SoftnetFlow)
WINDOW = register_window_kind(WindowKind(
    "softnet", start="sn_start", length="sn_length", valid="sn_valid",
    description="one window per frame i: frames i … i + k − 1 (flow i → i + k), SOFTNet"))


def overlap_labels(starts: np.ndarray, length: int, intervals, type: str = "micro"
                   ) -> np.ndarray:
    """(N,) bool — windows ``start … start + length − 1`` sharing at least one frame with an
    interval of ``type`` (SOFTNet's pseudo-labels: IoU > 0)."""
    gt = _gt(intervals, type)
    if not len(gt) or not len(starts):
        return np.zeros(len(starts), bool)
    return (iou_matrix(window_bounds(starts, length), gt) > 0).any(axis=1)


register_label_rule("overlap_pos", overlap_labels)


def augment_positives(arrays: dict, rng: np.random.Generator) -> dict:
    """Three more copies of each positive window's ``sn_roi`` (P, 42, 42, 3) uint8: flipped
    left-right, Gaussian-blurred (7 × 7, σ from the size as OpenCV's σ = 0) and with Gaussian
    noise (variance 0.01 on [0, 1], clipped, as scikit-image's ``random_noise``), each min-max
    normalised again per channel (the code normalises every batch). Returns (3P, 42, 42, 3)."""
    import cv2

    x = arrays["sn_roi"]
    if not len(x):
        return {"sn_roi": x[:0]}
    f = x.astype(np.float32) / 255
    flip = f[:, :, ::-1]
    blur = np.stack([cv2.GaussianBlur(img, (7, 7), 0) for img in f])
    noise = np.clip(f + rng.normal(0.0, 0.1, f.shape).astype(np.float32), 0, 1)
    return {"sn_roi": minmax_uint8(np.concatenate([flip, blur, noise]))}


def dataset_params(fp, dataset, type: str = "micro"):
    """``fp`` with ``softnet_k`` from ``dataset``'s expressions of ``type`` (``"micro"``: the
    micro model's k; ``"macro"``: the macro model's), unchanged when it has none (the 0.4 s
    prior). A model file keeps each model's k, so a video it spots uses the training data's."""
    k = softnet_k(dataset.intervals, type)
    return fp if k is None else replace(fp, softnet_k=k)


def _build(cfg, shapes):
    from ..models import SoftNet

    return SoftNet(cfg, shapes)


SOFTNET = Method(
    name="softnet", title="SOFTNet",
    source="Liong, See & Wong, ICIP 2021 (shallow optical-flow three-stream CNN)",
    window="softnet", label="overlap_pos", families=("softnet",), inputs=("sn_roi",),
    build=_build, loss="mse", optimizer="sgd",
    train=dict(epochs="softnet_epochs", lr=5e-4, batch=12, momentum=0.0, neg_keep=0.5, holdout=False,
               epoch="last", threshold=0.55),
    types=("micro", "macro"), augment=augment_positives, augment_types=("micro",),
    dataset_params=dataset_params,
    spot={"merge": "smoothed-peaks", "select_protocol": "megc2020"},
    references=("liong2021softnet",))
