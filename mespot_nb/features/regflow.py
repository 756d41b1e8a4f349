"""Registered flow: region motion with the head's motion taken out by a fitted similarity, and the
lips' aperture — the per-frame curves of the ``regflow`` spotter (:mod:`mespot_nb.methods.regflow`).

Flow-peak (:mod:`mespot_nb.features.curves`) compares frames i and i + k in frame i's alignment
and subtracts the nose's median flow: a translation. A turning or nodding head also rotates and
foreshortens the face, which leaves motion in every region. Here each pair is registered twice:

1. **Before the flow**, frame i + k is warped onto frame i by the least-squares similarity
   transform between their *rigid* landmarks (:data:`RIGID_POINTS`: the nose bridge and base and
   the four eye corners — points that neither speech nor an expression moves). Thirteen points
   average the landmarks' pixel jitter down; a turn of several pixels leaves a flow of a fraction
   of one.
2. **After the flow**, the similarity field (translation, rotation, scale) fitted by least
   squares to the flow around the nose landmarks is subtracted from the whole field.

Then, per landmark group (:data:`GROUPS`: each brow, each lip corner, upper and lower lip), the
*coherent* motion: the mean flow vector over small windows (± :data:`WINDOW_IOD` inter-ocular
distances) centred on the group's landmarks. An action unit moves its group in one direction;
flow noise points every way and averages out of a mean vector, but not out of a mean magnitude.

The inner lips' aperture (mean distance of points 61–63 to 67–65, in inter-ocular distances) is
kept per frame: the spotter finds speech from its rhythm.

Vectors are (u, v) = (x right, y down), in crop pixels (inter-ocular distance 48,
:data:`~mespot_nb.features.crops.CROP_SPEC`) per frame pair; landmarks are dlib's 68 points,
0-based.
"""

from __future__ import annotations

import numpy as np

from ..face import inter_ocular
from .crops import (CROP_MARGIN, CROP_SPEC, FLOW_PEAK_ROIS, CropRing, check_flow, curve_stride,
                    fill_strided, flow_peak_regions, pair_distance)
from .register import (NOSE_POINTS, RIGID_POINTS, WINDOW_IOD, field_at, registered_flow,
                       residual_landmark_flow, similarity_fit, similarity_flow_fit)

__all__ = ["GROUPS", "RIGID_POINTS", "WINDOW_IOD", "RegFlowFamily", "lip_aperture",
           "similarity_fit", "similarity_flow_fit"]

#: The landmark groups whose coherent motion is measured (dlib indices; "_r" is the subject's
#: right, image left).
GROUPS = {"brow_r": (17, 18, 19, 20, 21), "brow_l": (22, 23, 24, 25, 26),
          "mouth_r": (48, 49, 59, 60), "mouth_l": (54, 53, 55, 64),
          "lip_up": (50, 51, 52, 61, 62, 63), "lip_low": (56, 57, 58, 65, 66, 67)}


def lip_aperture(lm: np.ndarray) -> float:
    """The inner lips' opening of one frame: mean distance of points 61, 62, 63 to 67, 66, 65
    over the inter-ocular distance (NaN without a face)."""
    lm = np.asarray(lm, np.float64)
    if not np.isfinite(lm).all():
        return float("nan")
    gap = np.linalg.norm(lm[[61, 62, 63]] - lm[[67, 66, 65]], axis=1).mean()
    return float(gap / max(inter_ocular(lm), 1e-6))


class RegFlowFamily:
    """Streaming-pass consumer (family ``regflow``): registered region motion and lip aperture.

    For each pair (i, i + k), k = :func:`~mespot_nb.features.curves.flow_peak_k` (≈ 0.12 s),
    with a face in both: frame i + k warped onto frame i by the rigid landmarks' similarity,
    the flow between them in frame i's crop, the nose's similarity field subtracted (module doc).
    Stored at the pair's middle frame i + ⌊k/2⌋. At high frame rates only every
    ``stride``-th pair is computed (``params.curve_hz``, :func:`~.crops.curve_stride`) and the
    rows between are interpolated (:func:`~.crops.fill_strided`).

    Arrays
    ------
    regflow_groups : (T, 6, 2) float32 — each :data:`GROUPS` entry's mean flow vector (crop px).
    regflow_regions : (T, 5) float32 — mean residual flow magnitude in flow-peak's regions
        (:data:`~mespot_nb.features.curves.FLOW_PEAK_ROIS`, eyes masked), crop px.
    regflow_aperture : (T,) float32 — :func:`lip_aperture` of every frame.
    regflow_k : the pair distance k in frames.

    NaN where a pair lacked a face.
    """

    family = "regflow"
    produces = ("regflow_groups", "regflow_regions", "regflow_aperture", "regflow_k")
    history = 1

    def __init__(self, n_frames: int, fps: float, params, spec=None):
        k = pair_distance(n_frames, fps, "regflow")
        self.flow = getattr(params, "curve_flow", "farneback")
        check_flow(self.flow)
        self.k, self.n = k, int(n_frames)
        self.stride = curve_stride(fps, getattr(params, "curve_hz", 0.0))
        self.skipped = np.zeros(self.n, bool)
        self.ring = CropRing(CROP_SPEC, k + 1, CROP_MARGIN)
        self.groups = np.full((self.n, len(GROUPS), 2), np.nan, np.float32)
        self.regions = np.full((self.n, len(FLOW_PEAK_ROIS)), np.nan, np.float32)
        self.aperture = np.full(self.n, np.nan, np.float32)

    def push(self, j: int, buf, lms: np.ndarray) -> None:
        gray = buf[-1]
        lm = lms[j - 1]
        ok = gray is not None and np.isfinite(lm).all()
        self.ring.push(j, np.asarray(gray) if ok else None, lm if ok else None)
        if ok:
            self.aperture[j - 1] = lip_aperture(lm)
        i = j - self.k
        if i >= 1 and i in self.ring and j in self.ring:
            if (i - 1) % self.stride:
                self.skipped[i - 1 + self.k // 2] = True
            else:
                self._pair(i, j)

    def _pair(self, i: int, j: int) -> None:
        f, lm = registered_flow(self.ring, i, j, self.flow)
        got = residual_landmark_flow(f, lm, NOSE_POINTS)
        if got is None:
            return
        resid, fit = got
        row = i - 1 + self.k // 2
        for g, idx in enumerate(GROUPS.values()):
            self.groups[row, g] = resid[list(idx)].mean(0)
        H, W = f.shape[:2]
        boxes, eyes = flow_peak_regions(lm, (H, W))
        for c, name in enumerate(FLOW_PEAK_ROIS):
            x0, y0, x1, y1 = boxes[name]
            sel = ~eyes[y0:y1, x0:x1]
            if sel.any():
                yy, xx = np.mgrid[y0:y1, x0:x1]
                res = f[y0:y1, x0:x1] - field_at(fit, np.stack([xx, yy], -1).astype(np.float64))
                self.regions[row, c] = float(np.hypot(res[..., 0], res[..., 1])[sel].mean())

    def arrays(self) -> dict[str, np.ndarray]:
        return {"regflow_groups": fill_strided(self.groups, self.skipped).astype(np.float32),
                "regflow_regions": fill_strided(self.regions, self.skipped).astype(np.float32),
                "regflow_aperture": self.aperture, "regflow_k": np.int64(self.k)}
