"""Registered pair flow — what the two registered-flow families share (:mod:`.regflow`, the
``regflow`` spotter's curves; :mod:`.aumatch`, the ``aumatch`` spotter's action-unit amplitudes).

A pair of frames (ref, other) is compared in ref's alignment, registered twice:

1. **Before the flow**, frame ``other``'s crop is warped onto frame ``ref``'s by the
   least-squares similarity transform between their *rigid* landmarks (:data:`RIGID_POINTS`:
   the nose bridge and base and the four eye corners — points that neither speech nor an
   expression moves): a turn of several pixels leaves a flow of a fraction of one.
2. **After the flow**, a similarity field (translation, rotation, scale) fitted by least squares
   to the flow around chosen landmarks (the nose's, or the nose's and the eye corners') is
   subtracted.

The flow is then read as the mean flow vector in a small window (± ``window_iod`` inter-ocular
distances) around each landmark: an action unit moves its landmarks' neighbourhood in one
direction; flow noise points every way and averages out of a mean vector.

Vectors are (u, v) = (x right, y down) in crop pixels (:data:`~.crops.CROP_SPEC`, inter-ocular
distance 48); landmarks are dlib's 68 points, 0-based.
"""

from __future__ import annotations

import numpy as np

from ..errors import MespotError
from ..face import inter_ocular
from .crops import CropRing, as3, optical_flow

__all__ = ["EYE_CORNERS", "NOSE_POINTS", "RIGID_POINTS", "WINDOW_IOD", "field_at",
           "registered_flow", "residual_landmark_flow", "similarity_fit", "similarity_flow_fit",
           "window_means"]

#: Landmarks that speech and expressions leave in place: nose bridge and base (27–35) and the
#: eyes' corners (36, 39, 42, 45).
RIGID_POINTS = (27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 39, 42, 45)
NOSE_POINTS = tuple(range(27, 36))
EYE_CORNERS = (36, 39, 42, 45)
#: Half-size of the window around each landmark, in inter-ocular distances (≈ 5 px at 48).
WINDOW_IOD = 0.1


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
    (6 values in all), so :func:`field_at` can evaluate it anywhere.
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


def field_at(fit: np.ndarray, p: np.ndarray) -> np.ndarray:
    a, b, tx, ty, cx, cy = fit
    X, Y = p[..., 0] - cx, p[..., 1] - cy
    return np.stack([a * X - b * Y + tx, b * X + a * Y + ty], -1)


def window_means(flow: np.ndarray, points: np.ndarray, h: int
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


def registered_flow(ring: CropRing, ref: int, other: int, method: str = "farneback"
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Dense flow (H, W, 2) from frame ``ref``'s crop to frame ``other``'s, warped onto ``ref``
    by the rigid landmarks' similarity (step 1 of the module doc); and ``ref``'s landmarks in
    its crop (68, 2). Both frames must be in ``ring``."""
    import cv2

    s, m = ring.spec, ring.margin
    crop_o, M_o, lm_o = ring.items[other]
    _, M_r, lm_r = ring.items[ref]
    rigid = list(RIGID_POINTS)
    T = similarity_fit(lm_o[rigid], lm_r[rigid])          # other → ref (source px)
    M_c = M_r.copy()
    M_c[:, 2] -= m
    A = (as3(M_c) @ as3(T) @ np.linalg.inv(as3(M_o)))[:2]
    moved = cv2.warpAffine(crop_o, A, (s.width, s.height), flags=cv2.INTER_LINEAR,
                           borderMode=cv2.BORDER_REPLICATE)
    return optical_flow(ring.aligned(ref, ref), moved, method), ring.landmarks(ref)


def residual_landmark_flow(flow: np.ndarray, lm: np.ndarray, fit_points,
                           window_iod: float = WINDOW_IOD
                           ) -> tuple[np.ndarray, np.ndarray] | None:
    """Each landmark's mean flow with the head's similarity field taken out (step 2).

    Parameters
    ----------
    flow : (H, W, 2) flow in the crop, pixels.
    lm : (68, 2) landmarks in the crop.
    fit_points : landmark indices whose windows the similarity field is fitted to.
    window_iod : half-size of each landmark's window, inter-ocular distances.

    Returns
    -------
    ``(resid, fit)``: (68, 2) residual mean flow per landmark (NaN where its window is off the
    crop) and the fitted field (:func:`similarity_flow_fit`); None when no fit point's window is
    on the crop.
    """
    h = max(1, int(round(window_iod * inter_ocular(lm))))
    means, n = window_means(flow, lm, h)
    pts = [q for q in fit_points if n[q] > 0]
    if not pts:
        return None
    # least squares over the windows' samples, each at its landmark's position: the same as the
    # windows' means weighted by their sample counts
    fit = similarity_flow_fit(lm[pts], means[pts], weights=n[pts])
    return means - field_at(fit, lm), fit
