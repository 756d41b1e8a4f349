"""Face alignment (a similarity transform from the eyes and the nose to a fixed frame) and the
seeds' regions of interest from the 68 landmarks."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import MespotError
from .tracker import LEFT_EYE, RIGHT_EYE, inter_ocular

# ----------------------------------------------------------------------------------------------
# alignment


@dataclass(frozen=True)
class AlignSpec:
    """The aligned face's geometry: eye centres level at ``eye_y``, ``iod`` pixels apart,
    centred horizontally in a ``width`` × ``height`` image."""

    iod: float = 64.0
    width: int = 192
    height: int = 224
    eye_y: float = 80.0


def alignment_matrix(lm: np.ndarray, spec: AlignSpec = AlignSpec()) -> np.ndarray:
    """2×3 similarity transform (source pixels → aligned pixels) from (68, 2) landmarks.

    Rotation puts the eye centres on a horizontal line, scale makes their distance ``spec.iod``,
    translation centres them at (width/2, eye_y).
    """
    if not np.isfinite(lm).all():
        raise MespotError("alignment needs a frame with a face (landmarks are NaN)")
    le, re_ = lm[RIGHT_EYE].mean(0), lm[LEFT_EYE].mean(0)
    ang = np.arctan2(re_[1] - le[1], re_[0] - le[0])
    s = spec.iod / max(np.hypot(*(re_ - le)), 1e-6)
    c, si = s * np.cos(-ang), s * np.sin(-ang)
    R = np.array([[c, -si], [si, c]])
    t = np.array([spec.width / 2, spec.eye_y]) - R @ ((le + re_) / 2)
    return np.hstack([R, t[:, None]])


def apply_matrix(M: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Transform points (..., 2) by a 2×3 matrix."""
    return pts @ M[:, :2].T + M[:, 2]


def warp_face(img: np.ndarray, M: np.ndarray, spec: AlignSpec = AlignSpec()) -> np.ndarray:
    """The aligned face image (spec.height, spec.width[, C])."""
    import cv2

    return cv2.warpAffine(img, M, (spec.width, spec.height), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REPLICATE)


# ----------------------------------------------------------------------------------------------
# regions of interest


def roi_boxes(lm: np.ndarray, method: str = "dyngeonet",
              spec: AlignSpec | tuple[int, int] | None = None) -> dict[str, tuple[int, int, int, int]]:
    """Named ROI boxes (x0, y0, x1, y1), integer pixels, from (68, 2) landmarks.

    Sizes are relative to the inter-ocular distance d; boxes are clipped to the frame
    (``spec`` or a (width, height)).

    ``method="dyngeonet"`` (seed 000 §3.2): ``eyes`` (both eyes with the eyebrows), ``nose``,
    ``mouth``. ``method="hoof"`` (seed 004 §III-A): ``brow_right``, ``brow_left`` (above the
    eyes), ``mouth_right``, ``mouth_left`` (squares on the lip corners) — eyes, nose and the middle
    of the mouth are excluded. "right"/"left" are the subject's (image left/right).
    """
    d = inter_ocular(lm)
    if isinstance(spec, AlignSpec):
        W, H = spec.width, spec.height
    elif spec is not None:
        W, H = spec
    else:
        W, H = 10**9, 10**9
    x, y = lm[:, 0], lm[:, 1]
    if method == "dyngeonet":
        eyes_lo = min(y[17:27].min(), y[36:48].min()) - 0.15 * d
        boxes = {
            "eyes": (x[17] - 0.15 * d, eyes_lo, x[26] + 0.15 * d, y[36:48].max() + 0.2 * d),
            "nose": (x[31] - 0.2 * d, y[27] + 0.1 * d, x[35] + 0.2 * d, y[33] + 0.12 * d),
            "mouth": (x[48] - 0.25 * d, y[48:60].min() - 0.15 * d, x[54] + 0.25 * d,
                      y[48:60].max() + 0.2 * d),
        }
    elif method == "hoof":
        eye_top_r = y[36:42].min() - 0.06 * d
        eye_top_l = y[42:48].min() - 0.06 * d
        boxes = {
            "brow_right": (x[17] - 0.1 * d, y[17:22].min() - 0.25 * d, x[21] + 0.1 * d, eye_top_r),
            "brow_left": (x[22] - 0.1 * d, y[22:27].min() - 0.25 * d, x[26] + 0.1 * d, eye_top_l),
            "mouth_right": (x[48] - 0.3 * d, y[48] - 0.25 * d, x[48] + 0.2 * d, y[48] + 0.25 * d),
            "mouth_left": (x[54] - 0.2 * d, y[54] - 0.25 * d, x[54] + 0.3 * d, y[54] + 0.25 * d),
        }
    else:
        raise MespotError(f"ROI method {method!r}: use dyngeonet or hoof")
    out = {}
    for k, (x0, y0, x1, y1) in boxes.items():
        x0, y0 = int(np.clip(np.floor(x0), 0, W - 1)), int(np.clip(np.floor(y0), 0, H - 1))
        x1, y1 = int(np.clip(np.ceil(x1), x0 + 1, W)), int(np.clip(np.ceil(y1), y0 + 1, H))
        out[k] = (x0, y0, x1, y1)
    return out


