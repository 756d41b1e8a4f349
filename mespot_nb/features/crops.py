"""Aligned face crops, optical flow between them, and flow-peak's landmark regions — what the
flow-based families (:mod:`.curves`: MDMD and flow-peak; :mod:`.regflow`) share.

Every frame with a face is warped once, with its own landmarks, to a small crop
(:data:`CROP_SPEC`: eyes level, 48 px apart — about the resolution at which facial muscles'
motion is still several pixels while flow stays cheap) plus a :data:`CROP_MARGIN` border, and
stored with its transform (:class:`CropRing`). A pair or triplet of frames is then compared in
*one* alignment, the one fixed by its first frame's landmarks: the other frames' crops are
re-warped into it (composing the two similarity transforms), so landmark jitter of the later
frames cannot shake the crop. The margin covers head motion of up to ``CROP_MARGIN`` crop pixels
(a third of the inter-ocular distance) between the compared frames; beyond it the crop's border
is replicated.

Flow vectors are (u, v) = (x right, y down) in crop pixels per frame pair. Landmarks are dlib's
68 points, 0-based indices, (68, 2) float pixels of the source frame, NaN where no face.
"""

from __future__ import annotations

import numpy as np

from ..errors import MespotError
from ..face import AlignSpec, alignment_matrix, apply_matrix, inter_ocular

__all__ = ["CROP_MARGIN", "CROP_SPEC", "FLOW_METHODS", "FLOW_PEAK_ROIS", "MDMD_CROP", "CropRing",
           "as3", "check_flow", "check_gray", "curve_stride", "fill_strided", "flow_peak_k", "pair_distance", "flow_peak_regions", "optical_flow"]

#: The aligned face crop of both spotters: inter-ocular distance 48 px, eyes level at y = 60,
#: 144 × 168 px (3 × 3.5 inter-ocular distances: brows to chin, cheek to cheek).
CROP_SPEC = AlignSpec(iod=48.0, width=144, height=168, eye_y=60.0)
#: Extra border (pixels) stored around every crop so that re-warping it into another frame's
#: alignment does not run off its edge.
CROP_MARGIN = 16
#: MDMD's smaller crop (inter-ocular 32 px, 96 × 112): its four flows per frame (head → current
#: and head → tail, at the micro and the macro k) cost 4 × ~7 ms at 48 px on this machine's
#: CPU; at 32 px the 6×6 blocks are still 16 × 18 px.
MDMD_CROP = AlignSpec(iod=32.0, width=96, height=112, eye_y=40.0)
FLOW_METHODS = ("farneback", "dis", "rlof")
#: The flow-peak regions, in the column order of :class:`FlowPeakCurves`' ``curves``
#: ("right"/"left" are the subject's: image left/right).
FLOW_PEAK_ROIS = ("brow_right", "brow_left", "mouth_right", "mouth_left", "chin")

_RIGHT_EYE = slice(36, 42)
_LEFT_EYE = slice(42, 48)


# ----------------------------------------------------------------------------------------------
# optical flow


def check_flow(method: str) -> None:
    import cv2

    if method not in FLOW_METHODS:
        raise MespotError(f"optical flow method {method!r}: use farneback, dis or rlof")
    if method == "rlof" and not hasattr(cv2, "optflow"):
        raise MespotError("flow='rlof' needs OpenCV's contrib module cv2.optflow, which this "
                          "OpenCV lacks; install opencv-contrib-python instead of "
                          "opencv-python, or use flow='farneback'")


def optical_flow(prev: np.ndarray, nxt: np.ndarray, method: str = "farneback") -> np.ndarray:
    """Dense optical flow (H, W, 2) float32 from ``prev`` to ``nxt`` (uint8 grayscale, same size).

    ``farneback`` (default; pyramid 0.5, 3 levels, window 15, 3 iterations, poly 5 / 1.2 — the
    kit's usual settings), ``dis`` (OpenCV's DIS, medium preset) or ``rlof`` (robust local
    optical flow, the MEGC2020 baseline's choice; needs opencv-contrib's ``cv2.optflow``).
    """
    import cv2

    check_flow(method)
    if method == "farneback":
        return cv2.calcOpticalFlowFarneback(prev, nxt, None, 0.5, 3, 15, 3, 5, 1.2, 0)
    if method == "dis":
        dis = cv2.DISOpticalFlow_create(cv2.DISOPTICAL_FLOW_PRESET_MEDIUM)
        return dis.calc(np.ascontiguousarray(prev), np.ascontiguousarray(nxt), None)
    a = cv2.cvtColor(prev, cv2.COLOR_GRAY2BGR)  # RLOF wants 3-channel 8-bit images
    b = cv2.cvtColor(nxt, cv2.COLOR_GRAY2BGR)
    return cv2.optflow.calcOpticalFlowDenseRLOF(a, b, None)


# ----------------------------------------------------------------------------------------------
# streaming crops


def as3(M: np.ndarray) -> np.ndarray:
    return np.vstack([M, [0.0, 0.0, 1.0]])


class CropRing:
    """The last ``keep`` frames' aligned crops (each with its own transform), re-warped on demand
    into another frame's alignment (see the module doc)."""

    def __init__(self, spec: AlignSpec, keep: int, margin: int):
        self.spec, self.keep, self.margin = spec, int(keep), int(margin)
        m = self.margin
        self.big = AlignSpec(iod=spec.iod, width=spec.width + 2 * m,
                             height=spec.height + 2 * m, eye_y=spec.eye_y + m)
        self.items: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def push(self, frame_no: int, gray: np.ndarray | None, lm: np.ndarray | None) -> None:
        import cv2

        self.items.pop(frame_no - self.keep, None)
        if gray is None or lm is None:
            return
        lm = np.asarray(lm, np.float64)
        if lm.shape != (68, 2):
            raise MespotError(f"landmarks of frame {frame_no} have shape {lm.shape}; expected "
                              "dlib's (68, 2) points (NaN where no face)")
        if not np.isfinite(lm).all():
            return
        M = alignment_matrix(lm, self.big)
        crop = cv2.warpAffine(gray, M, (self.big.width, self.big.height),
                              flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        self.items[frame_no] = (crop, M, lm)

    def __contains__(self, frame_no: int) -> bool:
        return frame_no in self.items

    def aligned(self, j: int, ref: int) -> np.ndarray:
        """Frame ``j``'s face in the alignment of frame ``ref`` (spec.height, spec.width) uint8."""
        import cv2

        m, s = self.margin, self.spec
        crop_j, M_j, _ = self.items[j]
        if j == ref:
            return np.ascontiguousarray(crop_j[m:m + s.height, m:m + s.width])
        M_r = self.items[ref][1].copy()
        M_r[:, 2] -= m  # source → ref's crop without margin
        A = (as3(M_r) @ np.linalg.inv(as3(M_j)))[:2]
        return cv2.warpAffine(crop_j, A, (s.width, s.height), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_REPLICATE)

    def landmarks(self, ref: int) -> np.ndarray:
        """Frame ``ref``'s landmarks in its own crop (68, 2), pixels."""
        _, M, lm = self.items[ref]
        return apply_matrix(M, lm) - self.margin


def check_gray(frame_no: int, gray: np.ndarray | None) -> np.ndarray | None:
    if gray is None:
        return None
    g = np.asarray(gray)
    if g.ndim != 2 or g.dtype != np.uint8:
        raise MespotError(f"frame {frame_no}: push() needs a uint8 grayscale (H, W) frame, got "
                          f"{g.dtype} {g.shape}; convert with cv2.cvtColor(..., COLOR_BGR2GRAY)")
    return g


def flow_peak_k(fps: float) -> int:
    """Flow-peak's frame distance: about half a micro-expression, max(1, round(0.12 s · fps))
    (4 at 30 fps, 24 at 200 fps)."""
    return max(1, round(0.12 * float(fps)))


def _box(x0, y0, x1, y1, W, H) -> tuple[int, int, int, int]:
    x0, y0 = int(np.clip(np.floor(x0), 0, W - 1)), int(np.clip(np.floor(y0), 0, H - 1))
    x1, y1 = int(np.clip(np.ceil(x1), x0 + 1, W)), int(np.clip(np.ceil(y1), y0 + 1, H))
    return x0, y0, x1, y1


def flow_peak_regions(lm: np.ndarray, shape: tuple[int, int]
                      ) -> tuple[dict[str, tuple[int, int, int, int]], np.ndarray]:
    """Flow-peak's regions in an aligned crop.

    Parameters
    ----------
    lm : (68, 2) landmarks in crop pixels; d = their inter-ocular distance.
    shape : the crop's (height, width).

    Returns
    -------
    (boxes, eyes): ``boxes`` maps each name of :data:`FLOW_PEAK_ROIS` plus ``nose`` to
    (x0, y0, x1, y1) integer pixels (clipped):

    * ``brow_right`` / ``brow_left``: the brow points' span ± 0.1·d, from 0.25·d above the brow
      to 0.05·d above the eye;
    * ``mouth_right`` / ``mouth_left``: squares of side 0.5·d centred on the lip corners
      (points 48 and 54);
    * ``chin``: ± 0.35·d around point 57 horizontally, from 0.1·d below the lower lip to the
      chin point 8;
    * ``nose``: points 31–35 ± 0.2·d, from 0.1·d below point 27 to 0.12·d below point 33 (its
      motion is the head's).

    ``eyes`` is an (H, W) bool mask of what is excluded from every region: each eye's landmark
    box grown by 0.1·d sideways and 0.15·d up and down (the lids move in blinks).
    """
    H, W = shape
    d = inter_ocular(lm)
    x, y = lm[:, 0], lm[:, 1]
    r_top, l_top = y[_RIGHT_EYE].min(), y[_LEFT_EYE].min()
    lip_low = y[56:59].max()
    boxes = {
        "brow_right": _box(x[17] - 0.1 * d, y[17:22].min() - 0.25 * d, x[21] + 0.1 * d,
                           r_top - 0.05 * d, W, H),
        "brow_left": _box(x[22] - 0.1 * d, y[22:27].min() - 0.25 * d, x[26] + 0.1 * d,
                          l_top - 0.05 * d, W, H),
        "mouth_right": _box(x[48] - 0.25 * d, y[48] - 0.25 * d, x[48] + 0.25 * d,
                            y[48] + 0.25 * d, W, H),
        "mouth_left": _box(x[54] - 0.25 * d, y[54] - 0.25 * d, x[54] + 0.25 * d,
                           y[54] + 0.25 * d, W, H),
        "chin": _box(x[57] - 0.35 * d, lip_low + 0.1 * d, x[57] + 0.35 * d,
                     max(y[8], lip_low + 0.2 * d), W, H),
        "nose": _box(x[31] - 0.2 * d, y[27] + 0.1 * d, x[35] + 0.2 * d, y[33] + 0.12 * d, W, H),
    }
    eyes = np.zeros((H, W), bool)
    for sl in (_RIGHT_EYE, _LEFT_EYE):
        e = lm[sl]
        x0, y0, x1, y1 = _box(e[:, 0].min() - 0.1 * d, e[:, 1].min() - 0.15 * d,
                              e[:, 0].max() + 0.1 * d, e[:, 1].max() + 0.15 * d, W, H)
        eyes[y0:y1, x0:x1] = True
    return boxes, eyes


# ----------------------------------------------------------------------------------------------
# sampled curves


def curve_stride(fps: float, hz: float) -> int:
    """Frames between two computed samples of a curve sampled at ``hz`` (0: every frame)."""
    return max(1, int(round(float(fps) / float(hz)))) if hz and hz > 0 else 1


def fill_strided(values: np.ndarray, skipped: np.ndarray) -> np.ndarray:
    """Linear interpolation, along axis 0, of the rows that a stride skipped.

    Parameters
    ----------
    values : (T, ...) float — computed rows; NaN where not computed or undefined.
    skipped : (T,) bool — rows that would have had a value but were not computed (a face in both
        frames of their pair); rows NaN for another reason (no face) stay NaN.

    Returns
    -------
    A float copy with each skipped row set from the nearest computed rows on both sides (NaN
    where either side has none), so a face loss is neither bridged nor extrapolated.
    """
    out = np.array(values, np.float64, copy=True)
    if not skipped.any():
        return out
    T = len(out)
    flat = out.reshape(T, -1)
    have = np.isfinite(flat).all(axis=1) & ~skipped
    idx = np.flatnonzero(have)
    if len(idx) < 2:
        return out
    rows = np.flatnonzero(skipped)
    pos = np.searchsorted(idx, rows)
    ok = (pos > 0) & (pos < len(idx))
    rows, pos = rows[ok], pos[ok]
    lo, hi = idx[pos - 1], idx[pos]
    # only between neighbours that no face loss separates: every row between is computed or
    # skipped
    cover = np.cumsum(np.concatenate([[0], (have | skipped).astype(int)]))
    whole = (cover[hi + 1] - cover[lo]) == (hi - lo + 1)
    rows, lo, hi = rows[whole], lo[whole], hi[whole]
    w = ((rows - lo) / (hi - lo))[:, None]
    flat[rows] = flat[lo] + w * (flat[hi] - flat[lo])
    return out


def pair_distance(n_frames: int, fps: float, who: str) -> int:
    """:func:`flow_peak_k` for a video of ``n_frames``, refused (naming ``who``, the spotter) when
    the video is too short for one pair."""
    k = flow_peak_k(fps)
    if n_frames < k + 2:
        raise MespotError(f"video of {n_frames} frames is too short for {who}: it needs at least "
                          f"{k + 2} frames at {fps:g} fps (flow between frames {k} apart); spot "
                          "a longer clip")
    return k
