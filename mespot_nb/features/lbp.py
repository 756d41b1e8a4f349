"""LBP-χ² feature difference (Moilanen et al. 2014; seed 004 §II-B), per frame.

Uniform LBP(8, 1) histograms on a 6×6 block grid of a small aligned face; the χ² distance of each
block of the current frame to the mean of the frames k before and after; the mean of the 12
largest block distances is the frame's feature difference F.
"""

from __future__ import annotations

import numpy as np

from ..face import AlignSpec, alignment_matrix
from .common import Consumer, FeatureParams


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


class LbpDifference(Consumer):
    """Streaming consumer: the LBP-χ² feature difference of every frame.

    Arrays: ``lbp`` (T,) float32 (NaN within k of either end or where the head frame has no
    face; the head frame fixes the alignment of all three), ``lbp_k`` k.
    """

    family = "lbp"
    produces = ("lbp", "lbp_k")

    def __init__(self, n_frames: int, fps: float, params: FeatureParams,
                 spec: AlignSpec = AlignSpec()):
        self.K = lbp_half_window(fps)
        self.lbp = np.full(n_frames, np.nan, np.float32)
        self.history = 2 * self.K + 1

    def push(self, k: int, buf, lms: np.ndarray) -> None:
        import cv2

        K = self.K
        c = k - K   # the frame whose head (c − K) and tail (c + K = k) frames are now buffered
        if c - K < 1 or not np.isfinite(lms[c - K - 1]).all():
            return
        M = alignment_matrix(lms[c - K - 1].astype(np.float64), LBP_SPEC)
        head, cur, tail = (cv2.warpAffine(f, M, (LBP_SPEC.width, LBP_SPEC.height),
                                          flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
                           for f in (buf[-1 - 2 * K], buf[-1 - K], buf[-1]))
        self.lbp[c - 1] = lbp_feature_difference(head, cur, tail)

    def arrays(self) -> dict[str, np.ndarray]:
        return dict(lbp=self.lbp, lbp_k=np.int64(self.K))
