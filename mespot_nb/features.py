"""Features of both methods: dynamic images, the 67-dim geometric vector, and HOOF sequences.

The formulas are the papers' (seed 000 for DynGeoNet, seed 004 for HOOF-LSTM); landmark indices
in code are 0-based (the papers' P_k is index k − 1).

Windows are defined in seconds so 30, 100 and 200 fps share one code path:

* DynGeoNet: L frames (11 at 30 fps, 35 at 100, 65 at 200 — seed 000 §4.1; other rates: the
  nearest odd number to fps/3), sliding by ``stride`` frames. Onset = the window's first frame,
  apex = its middle frame.
* HOOF-LSTM: W = 0.5 s, stride 0.2 s (0.3 s overlap); optical flow between frame i − R and
  frame i with R = max(1, round(fps/50)); the timesteps are i = s, s + R, …, s + (W/R − 1)·R
  for a window starting at frame s (so every timestep lies in the window, and the first flow is
  the motion into its first frame); W/R timesteps (25 at 200 fps).

In both, the window's first frame (with a face) fixes the alignment for the whole window.
A whole video is processed in one streaming pass (decode once, a ring buffer of frames, the
landmark tracker run alongside when no cached track exists) and cached per video.
"""

from __future__ import annotations

import collections
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .cache import cache_key, entry_path, load_npz, save_npz
from .errors import MespotError
from .face import (FACE_VERSION, AlignSpec, FaceTrack, LandmarkTracker, TrackParams,
                   alignment_matrix, apply_matrix, finish_track, new_track_arrays, roi_boxes,
                   track_cache_path)
from .video import FrameSource, open_video

FEATURES_VERSION = 2

# ----------------------------------------------------------------------------------------------
# dynamic images (approximate rank pooling)


def arp_coefficients(T: int, coefficients: str = "arp") -> np.ndarray:
    """Weights α_t, t = 1..T.

    ``"arp"``: α_t = 2t − T − 1 (approximate rank pooling, Bilen et al. 2016; they sum to 0, so
    a static video gives a zero image). ``"seed-literal"``: α_t = 2t − T + 1 as printed in seed
    000 — it equals ``arp`` + 2, i.e. adds 2·Σ_t frame_t (a brightness image) to the dynamic image.
    """
    t = np.arange(1, T + 1, dtype=np.float64)
    if coefficients == "arp":
        return 2 * t - T - 1
    if coefficients == "seed-literal":
        return 2 * t - T + 1
    raise MespotError(f"coefficients {coefficients!r}: use 'arp' or 'seed-literal'")


def dynamic_image(frames: np.ndarray, coefficients: str = "arp") -> np.ndarray:
    """Dynamic image Σ_t α_t · frame_t of a clip.

    Parameters
    ----------
    frames : (T, H, W) or (T, H, W, C), any numeric dtype.
    coefficients : ``"arp"`` or ``"seed-literal"`` (see :func:`arp_coefficients`).

    Returns
    -------
    (H, W) or (H, W, C) float64 — unscaled; see :func:`to_uint8` for the CNN's input.
    """
    frames = np.asarray(frames)
    if frames.ndim not in (3, 4) or len(frames) < 1:
        raise MespotError(f"dynamic_image needs frames (T,H,W) or (T,H,W,C); got {frames.shape}")
    a = arp_coefficients(len(frames), coefficients)
    return np.tensordot(a, frames.astype(np.float64), axes=(0, 0))


def to_uint8(img: np.ndarray) -> np.ndarray:
    """Min-max scale each channel to 0..255 (uint8); a constant channel becomes 0."""
    img = np.asarray(img, np.float64)
    axes = (0, 1) if img.ndim == 3 else None
    lo = img.min(axis=axes, keepdims=True)
    hi = img.max(axis=axes, keepdims=True)
    span = np.where(hi > lo, hi - lo, 1.0)
    return np.round((img - lo) / span * 255 * (hi > lo)).astype(np.uint8)


#: Layout of the composed window image (size S): the eyes ROI fills the top half (S × S/2),
#: the nose the bottom-left quarter, the mouth the bottom-right quarter.
COMPOSE_LAYOUT = {"eyes": (0.0, 0.0, 1.0, 0.5), "nose": (0.0, 0.5, 0.5, 1.0),
                  "mouth": (0.5, 0.5, 1.0, 1.0)}


def compose_rois(images: dict[str, np.ndarray], size: int) -> np.ndarray:
    """Place the eye, nose and mouth images into one (size, size) image (:data:`COMPOSE_LAYOUT`)."""
    import cv2

    out = np.zeros((size, size), images["eyes"].dtype)
    for name, (fx0, fy0, fx1, fy1) in COMPOSE_LAYOUT.items():
        x0, y0, x1, y1 = (int(round(v * size)) for v in (fx0, fy0, fx1, fy1))
        out[y0:y1, x0:x1] = cv2.resize(images[name], (x1 - x0, y1 - y0),
                                       interpolation=cv2.INTER_AREA)
    return out


# ----------------------------------------------------------------------------------------------
# geometric features (seed 000 §3.3)


def _geometry_lines() -> list[tuple[int, int]]:
    brow = range(18, 28)
    lines = [(p, q) for p in brow for q in (28, 32, 36)]           # 30 lines
    lip = list(range(49, 61))
    lines += [(lip[i], lip[(i + 1) % 12]) for i in range(12)]      # 12 lines, closed loop
    lines += [(51, 59), (53, 57), (49, 55)]                         # 3 lines
    return [(p - 1, q - 1) for p, q in lines]                      # 1-based → 0-based


#: The 45 lines (0-based point pairs) in output order: each eyebrow point P18…P27 to P28, P32,
#: P36 (in that order); the outer lip loop (P49,P50)…(P59,P60),(P60,P49); (P51,P59), (P53,P57),
#: (P49,P55).
GEOMETRY_LINES = _geometry_lines()
#: The 22 points whose displacement is measured: P18…P27 then P49…P60 (0-based indices).
DEFORM_POINTS = list(range(17, 27)) + list(range(48, 60))
#: Guard of the ratios (pixels): an apex distance below it is treated as ε (a ratio stays finite);
#: both distances below it give ratio 1.
RATIO_EPS = 1e-3


def geometric_features(onset_landmarks: np.ndarray, apex_landmarks: np.ndarray) -> np.ndarray:
    """The 67-dim geometric vector of seed 000 §3.3: 45 distance ratios, then 22 deformations.

    Parameters
    ----------
    onset_landmarks, apex_landmarks : (..., 68, 2) aligned landmarks (pixels) at the window's
        onset (first frame) and apex (middle frame).

    Returns
    -------
    (..., 67) float64 — ``Ratio_i = d_i(onset) / d_i(apex)`` for the lines of
    :data:`GEOMETRY_LINES`, then ``Deform_j = ‖P_j(onset) − P_j(apex)‖`` for
    :data:`DEFORM_POINTS`. Never inf (see :data:`RATIO_EPS`); a NaN landmark gives an all-NaN
    row, which the caller drops — never a silent zero.
    """
    on = np.asarray(onset_landmarks, np.float64)
    ap = np.asarray(apex_landmarks, np.float64)
    if on.shape[-2:] != (68, 2) or ap.shape != on.shape:
        raise MespotError(f"geometric_features needs two (68, 2) landmark arrays of the same "
                          f"shape; got {on.shape} and {ap.shape}")
    i, j = np.array(GEOMETRY_LINES).T
    d_on = np.linalg.norm(on[..., i, :] - on[..., j, :], axis=-1)
    d_ap = np.linalg.norm(ap[..., i, :] - ap[..., j, :], axis=-1)
    both_tiny = (d_on < RATIO_EPS) & (d_ap < RATIO_EPS)
    ratio = np.where(both_tiny, 1.0, d_on / np.maximum(d_ap, RATIO_EPS))
    deform = np.linalg.norm(on[..., DEFORM_POINTS, :] - ap[..., DEFORM_POINTS, :], axis=-1)
    out = np.concatenate([ratio, deform], axis=-1)
    bad = ~(np.isfinite(on).all(axis=(-1, -2)) & np.isfinite(ap).all(axis=(-1, -2)))
    out[bad] = np.nan
    return out


# ----------------------------------------------------------------------------------------------
# HOOF (seed 004 §III-B)


def hoof(flow: np.ndarray, bins: int = 8) -> np.ndarray:
    """Soft-binned histogram of oriented optical flow, normalised to sum 1.

    Parameters
    ----------
    flow : (H, W, 2) — u = flow[..., 0] (x, right), v = flow[..., 1] (y, down), pixels/frame.
    bins : number of orientation bins; bin k is centred at (k + ½)·w, w = 2π/bins.

    Returns
    -------
    (bins,) float64. θ = atan2(v, u) in [0, 2π); with x = θ/w − ½ a vector adds
    magnitude·(1 − frac(x)) to bin floor(x) mod bins and magnitude·frac(x) to bin
    (floor(x) + 1) mod bins (Dollár's linear interpolation). All zeros for zero motion.
    """
    flow = np.asarray(flow, np.float64)
    if flow.shape[-1] != 2:
        raise MespotError(f"hoof needs flow (..., 2); got {flow.shape}")
    return hoof_batch([flow], bins)[0]


def hoof_batch(flows: list[np.ndarray], bins: int = 8) -> np.ndarray:
    """:func:`hoof` of several flow fields at once (one vectorised pass); (len(flows), bins)."""
    theta, mag, sizes = _polar(flows)
    return _soft_bins(theta, mag, sizes, bins)


def _polar(flows: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Angles in [0, 2π), magnitudes and per-field sizes of flow fields, concatenated."""
    sizes = [f.shape[0] * f.shape[1] if f.ndim == 3 else len(f) for f in flows]
    uv = np.concatenate([np.asarray(f, np.float64).reshape(-1, 2) for f in flows])
    return np.arctan2(uv[:, 1], uv[:, 0]), np.hypot(uv[:, 0], uv[:, 1]), sizes


def _soft_bins(theta: np.ndarray, mag: np.ndarray, sizes: list[int], bins: int) -> np.ndarray:
    """Soft-binned, normalised histograms (len(sizes), bins) of concatenated polar vectors."""
    owner = np.repeat(np.arange(len(sizes)), sizes)
    x = np.mod(theta, 2 * np.pi) / (2 * np.pi / bins) - 0.5
    lo = np.floor(x)
    frac = x - lo
    lo = lo.astype(np.int64) % bins
    n = len(sizes) * bins
    h = (np.bincount(owner * bins + lo, mag * (1 - frac), minlength=n)
         + np.bincount(owner * bins + (lo + 1) % bins, mag * frac, minlength=n)).reshape(-1, bins)
    total = h.sum(axis=1, keepdims=True)
    return np.divide(h, total, out=np.zeros_like(h), where=total > 0)


def flow_interval(fps: float) -> int:
    """R = max(1, round(fps / 50)) frames between the two frames of a flow (4 at 200 fps)."""
    return max(1, int(round(fps / 50)))


def hoof_window(fps: float, seconds: float = 0.5, stride_s: float = 0.2) -> dict[str, int]:
    """HOOF-LSTM window geometry in frames: W, stride, R and the number of timesteps W // R."""
    R = flow_interval(fps)
    W = max(R, int(round(seconds * fps)))
    return dict(W=W, stride=max(1, int(round(stride_s * fps))), R=R, steps=W // R)


def dyngeonet_window_length(fps: float) -> int:
    """DynGeoNet's window L in frames: 11 at 30 fps, 35 at 100, 65 at 200 (seed 000 §4.1);
    other rates: the nearest odd number to fps/3 (≈ 0.33 s), ties rounded up."""
    table = {30: 11, 100: 35, 200: 65}
    r = int(round(fps))
    if abs(fps - r) < 1e-6 and r in table:
        return table[r]
    n = int(round(fps / 3))
    return max(3, n if n % 2 else n + 1)


def optical_flow(prev: np.ndarray, nxt: np.ndarray, method: str = "farneback") -> np.ndarray:
    """Dense optical flow (H, W, 2) float32 from ``prev`` to ``nxt`` (uint8 grayscale).

    ``farneback`` (default; pyramid 0.5, 3 levels, window 15, 3 iterations, poly 5/1.2) or
    ``dis`` (OpenCV's DIS, medium preset — faster).
    """
    import cv2

    if method == "farneback":
        return cv2.calcOpticalFlowFarneback(prev, nxt, None, 0.5, 3, 15, 3, 5, 1.2, 0)
    if method == "dis":
        return _dis().calc(np.ascontiguousarray(prev), np.ascontiguousarray(nxt), None)
    raise MespotError(f"optical flow method {method!r}: use farneback or dis")


_DIS: dict[str, Any] = {}


def _dis():
    import threading

    import cv2

    key = str(threading.get_ident())
    if key not in _DIS:
        _DIS[key] = cv2.DISOpticalFlow_create(cv2.DISOPTICAL_FLOW_PRESET_MEDIUM)
    return _DIS[key]


HOOF_ROIS = ("brow_right", "brow_left", "mouth_right", "mouth_left")
FLOW_MARGIN = 6  # pixels of context around each ROI when computing its flow


def _padded_boxes(rois: dict, nose, shape) -> dict:
    """Each ROI with FLOW_MARGIN pixels of context (clipped), and the ROI inside that crop."""
    H, Wd = shape
    out = {}
    for n, box in list(rois.items()) + ([("_nose", nose)] if nose is not None else []):
        x0, y0, x1, y1 = box
        X0, Y0 = max(0, x0 - FLOW_MARGIN), max(0, y0 - FLOW_MARGIN)
        X1, Y1 = min(Wd, x1 + FLOW_MARGIN), min(H, y1 + FLOW_MARGIN)
        out[n] = ((X0, Y0, X1, Y1), (x0 - X0, y0 - Y0, x1 - X0, y1 - Y0))
    return out


def _pair_fields(a: np.ndarray, b: np.ndarray, pads: dict, names: list[str], method: str
                 ) -> list[np.ndarray]:
    """Flow of each ROI from aligned frame ``a`` to ``b`` (minus the nose's mean flow if
    ``pads`` has a nose box)."""
    shift = np.zeros(2, np.float32)
    if "_nose" in pads:
        (X0, Y0, X1, Y1), (ix0, iy0, ix1, iy1) = pads["_nose"]
        f = optical_flow(a[Y0:Y1, X0:X1], b[Y0:Y1, X0:X1], method)
        shift = f[iy0:iy1, ix0:ix1].reshape(-1, 2).mean(0)
    out = []
    for n in names:
        (X0, Y0, X1, Y1), (ix0, iy0, ix1, iy1) = pads[n]
        f = optical_flow(a[Y0:Y1, X0:X1], b[Y0:Y1, X0:X1], method)
        out.append(f[iy0:iy1, ix0:ix1] - shift)
    return out


def flow_sequence(frames: np.ndarray, fps: float, rois: dict[str, tuple[int, int, int, int]],
                  bins: int = 8, method: str = "farneback",
                  nose: tuple[int, int, int, int] | None = None) -> np.ndarray:
    """HOOF sequence of one aligned window.

    Parameters
    ----------
    frames : (R + W, H, W) aligned uint8 grayscale frames: the R frames before the window, then
        its W frames (see module doc).
    rois : the HOOF ROI boxes (x0, y0, x1, y1) in aligned pixels, in :data:`HOOF_ROIS` order.
    nose : optional nose box; its mean flow (the head's residual motion) is subtracted from each
        ROI's flow before the histogram.

    Returns
    -------
    (W // R, len(rois) · bins) float32 — one HOOF per ROI per timestep, ROIs side by side.
    """
    R = flow_interval(fps)
    steps = (len(frames) - R) // R
    names = [n for n in HOOF_ROIS if n in rois] or list(rois)
    pads = _padded_boxes({n: rois[n] for n in names}, nose, frames.shape[1:3])
    fields = []
    for j in range(steps):  # the pair (i − R, i) with i = s + j·R
        fields += _pair_fields(frames[j * R], frames[(j + 1) * R], pads, names, method)
    out = np.zeros((steps, len(names) * bins), np.float32)
    if fields:
        out[:] = hoof_batch(fields, bins).reshape(steps, len(names) * bins)
    return out


# ----------------------------------------------------------------------------------------------
# LBP-χ² feature difference (Moilanen et al. 2014; seed 004 §II-B)


def _uniform_lut() -> np.ndarray:
    """256 LBP codes → 59 bins: the 58 uniform patterns (≤ 2 circular 0/1 transitions) get their
    own bin in code order, every other pattern shares bin 58."""
    lut = np.full(256, 58, np.int64)
    k = 0
    for code in range(256):
        bits = [(code >> i) & 1 for i in range(8)]
        if sum(bits[i] != bits[(i + 1) % 8] for i in range(8)) <= 2:
            lut[code] = k
            k += 1
    return lut


LBP_LUT = _uniform_lut()
#: The aligned face used by LBP-χ² (small: texture, not detail) and its block grid.
LBP_SPEC = AlignSpec(iod=32.0, width=96, height=112, eye_y=40.0)
LBP_GRID = (6, 6)
LBP_TOP = 12  # the feature difference of a frame is the mean of its 12 largest block distances


def lbp_codes(img: np.ndarray) -> np.ndarray:
    """Uniform LBP(8, 1) codes (0..58) of a grayscale image (the 3×3 neighbourhood; a neighbour
    ≥ the centre sets its bit); (H − 2, W − 2) int."""
    img = np.asarray(img, np.int16)
    c = img[1:-1, 1:-1]
    H, W = c.shape
    code = np.zeros((H, W), np.int64)
    for bit, (dy, dx) in enumerate(((-1, -1), (-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1),
                                    (0, -1))):
        code |= (img[1 + dy:1 + dy + H, 1 + dx:1 + dx + W] >= c).astype(np.int64) << bit
    return LBP_LUT[code]


def block_histograms(codes: np.ndarray, grid: tuple[int, int] = LBP_GRID) -> np.ndarray:
    """Normalised 59-bin histograms of LBP codes on a block grid; (rows·cols, 59)."""
    H, W = codes.shape
    gy, gx = grid
    by = np.minimum(np.arange(H) * gy // H, gy - 1)
    bx = np.minimum(np.arange(W) * gx // W, gx - 1)
    block = (by[:, None] * gx + bx[None, :])
    h = np.bincount((block * 59 + codes).ravel(), minlength=gy * gx * 59).reshape(gy * gx, 59)
    return h / np.maximum(h.sum(1, keepdims=True), 1)


def chi2_distance(h1: np.ndarray, h2: np.ndarray) -> np.ndarray:
    """χ² distance Σ (h1 − h2)² / (h1 + h2) along the last axis (0/0 terms count 0)."""
    num = (h1 - h2) ** 2
    den = h1 + h2
    return np.where(den > 0, num / np.where(den > 0, den, 1), 0).sum(-1)


def lbp_feature_difference(head: np.ndarray, current: np.ndarray, tail: np.ndarray,
                           top: int = LBP_TOP) -> float:
    """Moilanen's feature difference of the current frame: χ² between its block LBP histograms and
    the mean of the head and tail frames' (the "average feature frame"), per block; the mean of
    the ``top`` largest block distances. Inputs: aligned grayscale frames of the same shape."""
    hh, hc, ht = (block_histograms(lbp_codes(x)) for x in (head, current, tail))
    d = chi2_distance(hc, (hh + ht) / 2)
    return float(np.sort(d)[-top:].mean())


def lbp_half_window(fps: float, seconds: float = 0.5) -> int:
    """k: the head and tail frames sit k frames before and after the current one; the interval
    of 2k + 1 frames spans about ``seconds`` (≈ a micro-expression's upper duration)."""
    return max(1, int(round(seconds * fps)) // 2)


# ----------------------------------------------------------------------------------------------
# streaming extraction of a whole video


@dataclass
class FeatureParams:
    """What is extracted per window (all of it part of the cache key).

    di_size : side of the composed dynamic / apex image (pixels): 224 for the paper profile,
        smaller for quick runs.
    dg_stride : DynGeoNet window stride in frames; 0 = about L/5.
    coefficients : dynamic image weights, ``arp`` or ``seed-literal``.
    hoof_seconds, hoof_stride_s : HOOF-LSTM window and stride (0.5 s, 0.2 s).
    flow : ``farneback`` or ``dis``.
    bins : HOOF orientation bins.
    nose_compensation : subtract the nose region's mean flow from the HOOF ROIs' flow.
    hoof_pairs : ``per-window`` — every window warps its frames with its own first frame's
        transform and computes all its flows (exact, as in seed 004); ``shared`` — each frame
        pair's flow is computed once, in the alignment of the first window that uses it, and
        later windows reuse it with the vectors rotated into their own alignment (the two
        transforms differ by landmark jitter and head drift; about 2.5× less flow work).
    """

    di_size: int = 64
    dg_stride: int = 0
    coefficients: str = "arp"
    hoof_seconds: float = 0.5
    hoof_stride_s: float = 0.2
    flow: str = "farneback"
    bins: int = 8
    nose_compensation: bool = True
    hoof_pairs: str = "per-window"

    def dg_window(self, fps: float) -> tuple[int, int]:
        L = dyngeonet_window_length(fps)
        return L, (self.dg_stride or max(1, int(round(L / 5))))


@dataclass
class VideoFeatures:
    """Per-window features of one video (window frames are 1-based inclusive).

    dg_start : (N,) int — DynGeoNet window starts; windows are start..start + dg_length − 1.
    dyn : (N, S, S) uint8 — composed dynamic images (eyes top, nose and mouth below).
    apex : (N, S, S) uint8 — the same composition of the apex (middle) frame, for VGG16.
    geo : (N, 67) float32 — geometric vectors (NaN rows where a landmark was missing).
    dg_valid : (N,) bool — the window had a face to align to.
    hoof_start : (M,) int — HOOF window starts; windows are start..start + hoof_length − 1.
    hoof : (M, steps, 4·bins) float32 — HOOF sequences.
    hoof_valid : (M,) bool.
    lbp : (T,) float32 — LBP-χ² feature difference of every frame (NaN within k of either end
        or without a face); lbp_k is k.
    """

    fps: float
    n_frames: int
    dg_length: int
    dg_start: np.ndarray
    dyn: np.ndarray
    apex: np.ndarray
    geo: np.ndarray
    dg_valid: np.ndarray
    hoof_length: int
    hoof_start: np.ndarray
    hoof: np.ndarray
    hoof_valid: np.ndarray
    lbp: np.ndarray
    lbp_k: int
    meta: dict

    def save(self, path: str | Path) -> None:
        save_npz(path, **{k: v for k, v in self.__dict__.items()})

    @classmethod
    def load(cls, path: str | Path) -> "VideoFeatures":
        d = load_npz(path, json_keys=("meta",))
        d["fps"] = float(d["fps"])
        for k in ("n_frames", "dg_length", "hoof_length", "lbp_k"):
            d[k] = int(d[k])
        return cls(**d)


def _warp_roi(img: np.ndarray, M: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The aligned image's box (x0, y0, x1, y1), warped straight from the source frame."""
    import cv2

    x0, y0, x1, y1 = box
    Mb = M.copy()
    Mb[:, 2] -= (x0, y0)
    return cv2.warpAffine(img, Mb, (x1 - x0, y1 - y0), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REPLICATE)


def _first_valid(lms: np.ndarray, a: int, b: int) -> int | None:
    ok = np.flatnonzero(np.isfinite(lms[a:b]).all(axis=(1, 2)))
    return a + int(ok[0]) if len(ok) else None


class _HoofWindows:
    """HOOF sequences of successive windows from the frame ring buffer (see FeatureParams)."""

    def __init__(self, fps: float, params: FeatureParams, spec: AlignSpec):
        self.fps, self.params, self.spec = fps, params, spec
        hw = hoof_window(fps, params.hoof_seconds, params.hoof_stride_s)
        self.W, self.R, self.steps = hw["W"], hw["R"], hw["steps"]
        # end frame → (angle of the transform used, polar θ, magnitudes, sizes of the 4 fields)
        self.pairs: dict[int, tuple[float, np.ndarray, np.ndarray, list[int]]] = {}

    def _warp(self, img, M):
        import cv2

        return cv2.warpAffine(img, M, (self.spec.width, self.spec.height), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_REPLICATE)

    def window(self, s: int, ref_lm: np.ndarray, buf) -> np.ndarray:
        """(steps, 4·bins) HOOF of the window starting at frame ``s``; ``buf`` ends at its last
        frame s + W − 1 (frames before frame 1 repeat frame 1)."""
        p, W, R = self.params, self.W, self.R
        M = alignment_matrix(ref_lm, self.spec)
        alm = apply_matrix(M, ref_lm)
        boxes = roi_boxes(alm, "hoof", self.spec)
        nose = roi_boxes(alm, "dyngeonet", self.spec)["nose"] if p.nose_compensation else None
        frames = list(buf)[-(W + R):]
        frames = [frames[0]] * (W + R - len(frames)) + frames
        if p.hoof_pairs == "per-window":
            aligned = np.stack([self._warp(f, M) for f in frames])
            return flow_sequence(aligned, self.fps, boxes, p.bins, p.flow, nose)
        if p.hoof_pairs != "shared":
            raise MespotError(f"hoof_pairs {p.hoof_pairs!r}: use per-window or shared")
        angle = float(np.arctan2(M[1, 0], M[0, 0]))
        pads = None
        thetas, mags, sizes = [], [], []
        for j in range(self.steps):
            end = s + j * R   # the pair (end − R, end)
            if end not in self.pairs:
                if pads is None:
                    pads = _padded_boxes(boxes, nose, (self.spec.height, self.spec.width))
                a, b = self._warp(frames[j * R], M), self._warp(frames[(j + 1) * R], M)
                self.pairs[end] = (angle, *_polar(_pair_fields(a, b, pads, list(HOOF_ROIS),
                                                               p.flow)))
            a0, th, mg, sz = self.pairs[end]
            # vectors computed in another window's alignment: rotate them into this one's
            thetas.append(th + (angle - a0))
            mags.append(mg)
            sizes += sz
        for end in [e for e in self.pairs if e < s]:
            del self.pairs[end]
        h = _soft_bins(np.concatenate(thetas), np.concatenate(mags), sizes, p.bins)
        return h.reshape(self.steps, -1).astype(np.float32)


def extract_video(source: FrameSource | str | Path, fps: float | None = None,
                  params: FeatureParams | None = None, track: FaceTrack | None = None,
                  track_params: TrackParams | None = None, spec: AlignSpec = AlignSpec(),
                  progress: bool = False) -> tuple[VideoFeatures, FaceTrack]:
    """All per-window features of one video in one streaming pass.

    Frames are decoded once and kept in a ring buffer as long as a window needs them; without a
    ``track`` the landmark tracker runs in the same pass. Returns the features and the track.
    """
    import cv2

    params = params or FeatureParams()
    track_params = track_params or TrackParams()
    src = source if isinstance(source, FrameSource) else open_video(source, fps=fps, gray=True)
    if not src.gray:
        src = FrameSource(src.path, fps=src.fps, gray=True)
    T, fps = src.n_frames, src.fps
    L, dg_stride = params.dg_window(fps)
    hw = hoof_window(fps, params.hoof_seconds, params.hoof_stride_s)
    W, R = hw["W"], hw["R"]
    dg_starts = np.arange(1, T - L + 2, dg_stride)
    hf_starts = np.arange(1, T - W + 2, hw["stride"])
    S = params.di_size
    dyn = np.zeros((len(dg_starts), S, S), np.uint8)
    apex = np.zeros_like(dyn)
    geo = np.full((len(dg_starts), 67), np.nan, np.float32)
    dg_valid = np.zeros(len(dg_starts), bool)
    hf = np.zeros((len(hf_starts), hw["steps"], 4 * params.bins), np.float32)
    hf_valid = np.zeros(len(hf_starts), bool)

    if track is None:
        lms, status, nfaces = new_track_arrays(T)
        tracker = LandmarkTracker(track_params, src.frame_size[0])
    else:
        if track.first_frame != 1 or track.n_frames != T:
            raise MespotError(f"track of {src.path} covers frames {track.first_frame}.."
                              f"{track.first_frame + track.n_frames - 1}, the video has 1..{T}")
        lms = track.landmarks
        tracker = None
    hoof_windows = _HoofWindows(fps, params, spec)
    K = lbp_half_window(fps)
    lbp = np.full(T, np.nan, np.float32)
    dg_end = {int(s + L - 1): i for i, s in enumerate(dg_starts)}
    hf_end = {int(s + W - 1): i for i, s in enumerate(hf_starts)}
    buf: collections.deque = collections.deque(maxlen=max(L, W + R, 2 * K + 1) + 1)
    last_img = None
    it = src.frames()
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, total=T, desc=f"features {src.path.name}", unit="frame", leave=False)
    for k, img in it:
        if tracker is not None:
            lm, status[k - 1], nfaces[k - 1] = tracker.step(img)
            if lm is not None:
                lms[k - 1] = lm
        if img is None:  # undecodable frame: repeat the last one for the windows' pixels
            img = last_img if last_img is not None else np.zeros(src.frame_size[::-1], np.uint8)
        last_img = img
        buf.append(img)
        if k in dg_end:
            i = dg_end[k]
            s = int(dg_starts[i])
            ref = _first_valid(lms, s - 1, s - 1 + L)
            if ref is not None:
                M = alignment_matrix(lms[ref].astype(np.float64), spec)
                boxes = roi_boxes(apply_matrix(M, lms[ref].astype(np.float64)), "dyngeonet", spec)
                clip = list(buf)[-L:]
                dis, aps = {}, {}
                for name, box in boxes.items():
                    stack = np.stack([_warp_roi(f, M, box) for f in clip])
                    dis[name] = to_uint8(dynamic_image(stack, params.coefficients))
                    aps[name] = stack[L // 2]
                dyn[i] = compose_rois(dis, S)
                apex[i] = compose_rois(aps, S)
                on = apply_matrix(M, lms[s - 1].astype(np.float64))
                ap = apply_matrix(M, lms[s - 1 + L // 2].astype(np.float64))
                geo[i] = geometric_features(on, ap)
                dg_valid[i] = True
        if k in hf_end:
            i = hf_end[k]
            s = int(hf_starts[i])
            ref = _first_valid(lms, s - 1, s - 1 + W)
            if ref is not None:
                hf[i] = hoof_windows.window(s, lms[ref].astype(np.float64), buf)
                hf_valid[i] = True
        c = k - K   # frame whose head (c − K) and tail (c + K = k) frames are now in the buffer
        if c - K >= 1 and np.isfinite(lms[c - K - 1]).all():
            Ml = alignment_matrix(lms[c - K - 1].astype(np.float64), LBP_SPEC)
            frames3 = [buf[-1 - 2 * K], buf[-1 - K], buf[-1]]
            head, cur, tail = (cv2.warpAffine(f, Ml, (LBP_SPEC.width, LBP_SPEC.height),
                                              flags=cv2.INTER_LINEAR,
                                              borderMode=cv2.BORDER_REPLICATE) for f in frames3)
            lbp[c - 1] = lbp_feature_difference(head, cur, tail)
    if tracker is not None:
        track = finish_track(src, lms, status, nfaces, 1, track_params)
    feats = VideoFeatures(fps=fps, n_frames=T, dg_length=L, dg_start=dg_starts, dyn=dyn,
                          apex=apex, geo=geo, dg_valid=dg_valid, hoof_length=W,
                          hoof_start=hf_starts, hoof=hf, hoof_valid=hf_valid, lbp=lbp, lbp_k=K,
                          meta=dict(source=str(src.path), params=asdict(params), version=FEATURES_VERSION,
                                    dg_stride=int(dg_stride), hoof=hw, missing=track.missing))
    return feats, track


# ----------------------------------------------------------------------------------------------
# one window at a time (for the notebooks)


def window_roi_stacks(src: FrameSource, track: FaceTrack, start: int, length: int,
                      method: str = "dyngeonet", spec: AlignSpec = AlignSpec()
                      ) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The aligned ROI clips of one window (frames start..start+length−1, 1-based).

    Returns ``({roi: (length, h, w) uint8}, aligned landmarks (length, 68, 2))``; the window's
    first frame with a face fixes the alignment, as in the extraction.
    """
    i0 = track.frame_index(start)
    ref = _first_valid(track.landmarks, i0, i0 + length)
    if ref is None:
        raise MespotError(f"no face in frames {start}..{start + length - 1}")
    M = alignment_matrix(track.landmarks[ref].astype(np.float64), spec)
    boxes = roi_boxes(apply_matrix(M, track.landmarks[ref].astype(np.float64)), method, spec)
    frames = [img if img is not None else np.zeros(src.frame_size[::-1], np.uint8)
              for _, img in src.frames(start, start + length - 1)]
    stacks = {n: np.stack([_warp_roi(f, M, b) for f in frames]) for n, b in boxes.items()}
    lm = apply_matrix(M, track.landmarks[i0:i0 + length].astype(np.float64))
    return stacks, lm


def dynamic_image_energy(dataset, cache_dir: str | Path, windows, length: int,
                         spec: AlignSpec = AlignSpec()):
    """Mean absolute (unscaled) dynamic image of each DynGeoNet ROI for the given windows.

    Parameters
    ----------
    dataset : the :class:`~mespot_nb.readers.Dataset` (for its frame sources).
    windows : rows with ``subject, video, start``.
    length : window length in frames.

    Returns
    -------
    DataFrame (one row per window, in order) with columns ``eyes, nose, mouth``.
    """
    import pandas as pd

    from .face import cached_track

    out = {}
    for (subj, vid), g in windows.groupby(["subject", "video"], sort=False):
        row = dataset.video_row(subj, vid)
        src = open_video(row.source, fps=float(row.fps), gray=True)
        track = cached_track(src.path, float(row.fps), cache_dir,
                             name=f"{dataset.name}__{subj}__{vid}")
        for idx, start in zip(g.index, g["start"]):
            stacks, _ = window_roi_stacks(src, track, int(start), length, "dyngeonet", spec)
            out[idx] = {roi: float(np.abs(dynamic_image(st)).mean()) for roi, st in stacks.items()}
    return pd.DataFrame.from_dict(out, orient="index").loc[windows.index]


def window_flows(src: FrameSource, track: FaceTrack, start: int, params: FeatureParams =
                 FeatureParams(), spec: AlignSpec = AlignSpec()) -> dict[str, Any]:
    """Everything HOOF-LSTM sees in one window (for figures).

    Returns a dict with ``aligned`` (R + W, H, W) frames, ``boxes`` (HOOF ROIs), ``nose`` box,
    ``flows`` — per timestep a {roi: (h, w, 2) flow, nose-compensated} — and ``hoof``
    (steps, 4·bins) exactly as the extraction computes it (per-window mode).
    """
    import cv2

    hw = hoof_window(src.fps, params.hoof_seconds, params.hoof_stride_s)
    W, R = hw["W"], hw["R"]
    i0 = track.frame_index(start)
    ref = _first_valid(track.landmarks, i0, i0 + W)
    if ref is None:
        raise MespotError(f"no face in frames {start}..{start + W - 1}")
    M = alignment_matrix(track.landmarks[ref].astype(np.float64), spec)
    alm = apply_matrix(M, track.landmarks[ref].astype(np.float64))
    boxes = roi_boxes(alm, "hoof", spec)
    nose = roi_boxes(alm, "dyngeonet", spec)["nose"] if params.nose_compensation else None
    first = max(1, start - R)
    frames = [img for _, img in src.frames(first, start + W - 1)]
    frames = [frames[0]] * (W + R - len(frames)) + frames
    aligned = np.stack([cv2.warpAffine(f, M, (spec.width, spec.height),
                                       borderMode=cv2.BORDER_REPLICATE) for f in frames])
    names = list(HOOF_ROIS)
    pads = _padded_boxes(boxes, nose, aligned.shape[1:3])
    flows = [dict(zip(names, _pair_fields(aligned[j * R], aligned[(j + 1) * R], pads, names,
                                          params.flow))) for j in range(hw["steps"])]
    seq = flow_sequence(aligned, src.fps, boxes, params.bins, params.flow, nose)
    return dict(aligned=aligned, boxes=boxes, nose=nose, flows=flows, hoof=seq, R=R, W=W,
                landmarks=alm)


def geometry_scores(geo: np.ndarray) -> dict[str, np.ndarray]:
    """Two per-window scalars of the geometric vectors (N, 67): the summed deformation of the
    22 points (pixels) and the largest |log ratio| of the 45 lines."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return {"deformation sum": np.nansum(geo[:, 45:], axis=1),
                "max |log ratio|": np.nanmax(np.abs(np.log(geo[:, :45])), axis=1)}


def hoof_coherence(seq: np.ndarray) -> np.ndarray:
    """How directed the motion in HOOF sequences (N, steps, R·bins) is: 1 − entropy / log(bins)
    per histogram, averaged over timesteps and ROIs (0 = no or uniform motion, 1 = one direction).
    """
    bins = 8
    h = seq.reshape(*seq.shape[:-1], -1, bins).astype(np.float64)
    has = h.sum(-1) > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        ent = -np.where(h > 0, h * np.log(h), 0).sum(-1)
    coh = np.where(has, 1 - ent / np.log(bins), 0)
    return coh.mean(axis=(-1, -2))


def profile_feature_params(profile: str) -> FeatureParams:
    """Feature settings of a profile: ``paper`` (224 px images, exact per-window flows) or
    ``quick`` (48 px images, shared flow pairs) for CPU-sized demo runs."""
    if profile == "paper":
        return FeatureParams(di_size=224, hoof_pairs="per-window")
    if profile == "quick":
        return FeatureParams(di_size=48, hoof_pairs="shared")
    raise MespotError(f"profile {profile!r}: use quick or paper")


# ----------------------------------------------------------------------------------------------
# cached dataset-level extraction


def features_cache_path(cache_dir: str | Path, src: FrameSource, params: FeatureParams,
                        track_params: TrackParams, name: str) -> Path:
    key = cache_key("features", FEATURES_VERSION, src.identity(),
                    dict(f=asdict(params), t=asdict(track_params), face=FACE_VERSION))
    return entry_path(cache_dir, "features", name, key)


def cached_features(source: str | Path, fps: float, cache_dir: str | Path,
                    params: FeatureParams | None = None, track_params: TrackParams | None = None,
                    name: str | None = None) -> VideoFeatures:
    """One video's features from the cache, extracting (and caching the track too) if absent."""
    params = params or FeatureParams()
    track_params = track_params or TrackParams()
    src = open_video(source, fps=fps, gray=True)
    name = name or Path(source).name
    path = features_cache_path(cache_dir, src, params, track_params, name)
    if path.exists():
        try:
            return VideoFeatures.load(path)
        except (OSError, ValueError, KeyError, TypeError):
            path.unlink()
    tpath = track_cache_path(cache_dir, src, track_params, name)
    track = None
    if tpath.exists():
        try:
            track = FaceTrack.load(tpath)
        except (OSError, ValueError, KeyError):
            track = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        feats, tr = extract_video(src, params=params, track=track, track_params=track_params)
    if track is None:
        tr.save(tpath)
    feats.save(path)
    return feats


def _features_job(source, fps, cache_dir, params, track_params, name) -> str:
    cached_features(source, fps, cache_dir, params, track_params, name)
    return name


def extract_features(dataset, cache_dir: str | Path, params: FeatureParams | None = None,
                     track_params: TrackParams | None = None, n_jobs: int = 2,
                     scheduler: Any = None, progress: bool = True
                     ) -> dict[tuple[str, str], VideoFeatures]:
    """Features of every video of a dataset that has frames: cached per video, atomically,
    resumable, in parallel (joblib processes, or a Dask cluster through joblib's dask backend).

    Returns ``{(subject, video): VideoFeatures}``.
    """
    from .parallel import run_jobs

    params = params or FeatureParams()
    track_params = track_params or TrackParams()
    vids = dataset.videos[dataset.videos["source"].notna()]
    if vids.empty:
        raise MespotError(f"dataset '{dataset.name}': no video has frames on this machine "
                          "(check the manifest's frames path)")
    jobs = [(r.source, float(r.fps), str(cache_dir), params, track_params,
             f"{dataset.name}__{r.subject}__{r.video}") for r in vids.itertuples()]
    todo = [j for j in jobs if not features_cache_path(
        j[2], open_video(j[0], fps=j[1]), params, track_params, j[5]).exists()]
    run_jobs(_features_job, todo, n_jobs, scheduler, progress, f"features {dataset.name}")
    return {(r.subject, r.video): cached_features(r.source, float(r.fps), cache_dir, params,
                                                  track_params,
                                                  f"{dataset.name}__{r.subject}__{r.video}")
            for r in vids.itertuples()}
