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

from ..errors import MespotError
from ..face import inter_ocular
from .crops import (CROP_MARGIN, CROP_SPEC, FLOW_PEAK_ROIS, CropRing, as3, check_flow,
                    curve_stride, fill_strided, flow_peak_regions, optical_flow,
                    pair_distance)

__all__ = ["GROUPS", "RIGID_POINTS", "RegFlowFamily", "lip_aperture", "similarity_fit",
           "similarity_flow_fit"]

#: Landmarks that speech and expressions leave in place: nose bridge and base (27–35) and the
#: eyes' corners (36, 39, 42, 45).
RIGID_POINTS = (27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 39, 42, 45)
#: The landmark groups whose coherent motion is measured (dlib indices; "_r" is the subject's
#: right, image left).
GROUPS = {"brow_r": (17, 18, 19, 20, 21), "brow_l": (22, 23, 24, 25, 26),
          "mouth_r": (48, 49, 59, 60), "mouth_l": (54, 53, 55, 64),
          "lip_up": (50, 51, 52, 61, 62, 63), "lip_low": (56, 57, 58, 65, 66, 67)}
#: Half-size of the window around each landmark, in inter-ocular distances (≈ 5 px at 48).
WINDOW_IOD = 0.1
_NOSE = tuple(range(27, 36))


def similarity_fit(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """The least-squares similarity transform (2 × 3) taking points ``src`` (n, 2) to ``dst``
    (n, 2): rotation, uniform scale and translation (Umeyama without reflection)."""
    src, dst = np.asarray(src, np.float64), np.asarray(dst, np.float64)
    if src.shape != dst.shape or src.ndim != 2 or src.shape[1] != 2 or len(src) < 2:
        raise MespotError(f"similarity_fit needs two (n ≥ 2, 2) point sets of one shape; got "
                          f"{src.shape} and {dst.shape}")
    sc, dc = src.mean(0), dst.mean(0)
    a, b = src - sc, dst - dc
    den = max(float((a ** 2).sum()), 1e-12)
    p = float((a * b).sum()) / den
    q = float((a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]).sum()) / den
    R = np.array([[p, -q], [q, p]])
    return np.hstack([R, (dc - R @ sc)[:, None]])


def similarity_flow_fit(points: np.ndarray, flow: np.ndarray,
                        weights: np.ndarray | None = None) -> np.ndarray:
    """Least-squares similarity *displacement* field through flow samples.

    Parameters
    ----------
    points : (n, 2) pixel positions (x, y) of the samples.
    flow : (n, 2) their flow vectors (u, v), pixels.
    weights : (n,) non-negative sample weights (None: all 1); a point with weight w counts as w
        samples at that point.

    Returns
    -------
    (4,) ``(a, b, tx, ty)`` about the points' centroid c: the field at p is
    u = a·(x − cx) − b·(y − cy) + tx, v = b·(x − cx) + a·(y − cy) + ty, plus ``c`` appended
    (6 values in all), so :func:`_field_at` can evaluate it anywhere.
    """
    P, f = np.asarray(points, np.float64), np.asarray(flow, np.float64)
    w = np.ones(len(P)) if weights is None else np.asarray(weights, np.float64)
    c = (P * w[:, None]).sum(0) / w.sum()
    X, Y = P[:, 0] - c[0], P[:, 1] - c[1]
    one, zero = np.ones_like(X), np.zeros_like(X)
    A = np.concatenate([np.stack([X, -Y, one, zero], 1), np.stack([Y, X, zero, one], 1)])
    r = np.sqrt(np.concatenate([w, w]))
    sol, *_ = np.linalg.lstsq(A * r[:, None], np.concatenate([f[:, 0], f[:, 1]]) * r,
                              rcond=None)
    return np.concatenate([sol, c])


def _field_at(fit: np.ndarray, p: np.ndarray) -> np.ndarray:
    a, b, tx, ty, cx, cy = fit
    X, Y = p[..., 0] - cx, p[..., 1] - cy
    return np.stack([a * X - b * Y + tx, b * X + a * Y + ty], -1)


def _window_means(flow: np.ndarray, points: np.ndarray, h: int
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Mean flow vector (n, 2) in the (2h + 1)² window around each point (n, 2), clipped to the
    field, from its integral image; and each window's pixel count (n,) (0: outside, mean NaN)."""
    import cv2

    H, W = flow.shape[:2]
    x = np.rint(points[:, 0]).astype(int)
    y = np.rint(points[:, 1]).astype(int)
    x0, x1 = np.clip(x - h, 0, W), np.clip(x + h + 1, 0, W)
    y0, y1 = np.clip(y - h, 0, H), np.clip(y + h + 1, 0, H)
    n = np.maximum(x1 - x0, 0) * np.maximum(y1 - y0, 0)
    out = np.empty((len(points), 2))
    for c in range(2):
        S = cv2.integral(np.ascontiguousarray(flow[..., c], np.float64))
        out[:, c] = S[y1, x1] - S[y0, x1] - S[y1, x0] + S[y0, x0]
    with np.errstate(invalid="ignore", divide="ignore"):
        return out / n[:, None], n


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
        import cv2

        ring, s, m = self.ring, CROP_SPEC, self.ring.margin
        crop_j, M_j, lm_j = ring.items[j]
        _, M_i, lm_i = ring.items[i]
        rigid = list(RIGID_POINTS)
        T = similarity_fit(lm_j[rigid], lm_i[rigid])          # frame j → frame i (source px)
        M_r = M_i.copy()
        M_r[:, 2] -= m
        A = (as3(M_r) @ as3(T) @ np.linalg.inv(as3(M_j)))[:2]
        moved = cv2.warpAffine(crop_j, A, (s.width, s.height), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)
        f = optical_flow(ring.aligned(i, i), moved, self.flow)
        lm = ring.landmarks(i)
        h = max(1, int(round(WINDOW_IOD * inter_ocular(lm))))
        H, W = f.shape[:2]
        means, n = _window_means(f, lm, h)
        nose = [q for q in _NOSE if n[q] > 0]
        if not nose:
            return
        # least squares over the nose windows' samples, each at its landmark's position: the
        # same as the windows' means weighted by their sample counts
        fit = similarity_flow_fit(lm[nose], means[nose], weights=n[nose])
        row = i - 1 + self.k // 2
        resid = means - _field_at(fit, lm)
        for g, idx in enumerate(GROUPS.values()):
            self.groups[row, g] = resid[list(idx)].mean(0)
        boxes, eyes = flow_peak_regions(lm, (H, W))
        for c, name in enumerate(FLOW_PEAK_ROIS):
            x0, y0, x1, y1 = boxes[name]
            sel = ~eyes[y0:y1, x0:x1]
            if sel.any():
                yy, xx = np.mgrid[y0:y1, x0:x1]
                res = f[y0:y1, x0:x1] - _field_at(fit, np.stack([xx, yy], -1).astype(np.float64))
                self.regions[row, c] = float(np.hypot(res[..., 0], res[..., 1])[sel].mean())

    def arrays(self) -> dict[str, np.ndarray]:
        return {"regflow_groups": fill_strided(self.groups, self.skipped).astype(np.float32),
                "regflow_regions": fill_strided(self.regions, self.skipped).astype(np.float32),
                "regflow_aperture": self.aperture, "regflow_k": np.int64(self.k)}
