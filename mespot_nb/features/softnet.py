"""SOFTNet's input (Liong, See & Wong, ICIP 2021; facts from the authors' published code).

For every frame i with i + k inside the video, the optical flow from frame i to frame i + k on
the whole face, fixed for the video:

1. **face** — the dlib (HOG) box of the first frame with a face, for the whole video, cropped
   and resized to 128 × 128 grayscale (a smaller box is upsampled, with a warning naming the
   video);
2. **flow** — (u, v) from crop i to crop i + k (``FeatureParams.softnet_flow``: ``farneback``,
   OpenCV's, the quick profile's; ``tvl1``, scikit-image's TV-L1, the paper profile's), and the
   optical strain ε = √(u_x² + v_y² + ½(u_y + v_x)²) from forward differences, the last row and
   column repeated (:func:`optical_strain`);
3. **head motion** — each channel minus its mean over the 11 × 11 box around the nose landmark
   (dlib's part 28, 0-based, as the code), then |u| and |v| (:func:`remove_head_motion`);
4. **eye masking** — each eye's landmark hexagon pushed out 15 px (outer corner left, upper lid
   up, inner corner right, lower lid down, clipped to the crop) is zeroed in all three channels;
5. **ROIs** — one box over both brows (parts 17–26 ± 12 px, down to the lower lids + 12) and one
   over the mouth (parts 60–64 across, 50–57 down, ± 12 px), each resized to 42 × 21 and stacked
   to 42 × 42 × 3 (:func:`softnet_rois`);
6. **normalisation** — each sample and channel min-max scaled to [0, 1], stored as uint8
   (× 255) (:func:`minmax_uint8`).

The landmarks that place the eyes, brows, mouth and nose are the first face frame's, mapped
into the crop, for the whole video (the code detects them once, on the first crop).

k (frames) is ``FeatureParams.softnet_k``, set per dataset from its annotations
(:func:`softnet_k`); 0 uses a 0.4 s prior, ⌊(0.4·fps + 1)/2⌋ (6 at 30 fps, CAS(ME)² micro's).
"""

from __future__ import annotations

import warnings

import numpy as np

from ..errors import MespotError
from .common import Consumer

CROP = 128
ROI_W, ROI_H = 42, 21
#: 0-based dlib part whose 11 × 11 neighbourhood is the head's motion (the code's part(28))
NOSE = 28
FLOWS = ("farneback", "tvl1")


def softnet_k(intervals, type: str = "micro") -> int | None:
    """SOFTNet's k: ⌊(N + 1)/2⌋ with N the mean of ``offset − onset`` over the given annotations
    of ``type`` (the code's ``cal_k``: half an average expression, in frames); None when there
    are none. Pass the training subjects' annotations only."""
    iv = intervals[intervals["type"] == type]
    if not len(iv):
        return None
    n = float((iv["offset"] - iv["onset"]).mean())
    return max(1, int((n + 1) / 2))


def default_k(fps: float) -> int:
    """k without annotations: a 0.4 s micro-expression prior, ⌊(0.4·fps + 1)/2⌋ (6 at 30 fps)."""
    return max(1, int((0.4 * float(fps) + 1) / 2))


def optical_strain(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """ε = √(u_x² + v_y² + ½(u_y + v_x)²) of a flow field (H, W) each, pixels/frame-pair.

    Derivatives are forward differences (f[x] − f[x + 1], as the code's pandas shifts); where one
    is undefined (the last row or column) the value of the row or column before is repeated.
    """
    u = np.asarray(u, np.float64)
    v = np.asarray(v, np.float64)
    ux = u[:-1, :-1] - u[:-1, 1:]
    vx = v[:-1, :-1] - v[:-1, 1:]
    uy = u[:-1, :-1] - u[1:, :-1]
    vy = v[:-1, :-1] - v[1:, :-1]
    core = np.sqrt(ux ** 2 + vy ** 2 + 0.5 * (uy + vx) ** 2)
    return np.pad(core, ((0, 1), (0, 1)), mode="edge").astype(np.float32)


def remove_head_motion(stack: np.ndarray, nose: tuple[int, int]) -> np.ndarray:
    """(H, W, 3) u, v, ε minus each channel's mean in the 11 × 11 box centred on ``nose``
    (x, y pixels, clipped to the image); u and v then as absolute values."""
    x, y = int(nose[0]), int(nose[1])
    h, w = stack.shape[:2]
    box = stack[max(0, y - 5):min(h, y + 6), max(0, x - 5):min(w, x + 6)]
    mean = box.reshape(-1, 3).mean(0) if box.size else np.zeros(3)
    out = stack - mean.astype(stack.dtype)
    out[..., :2] = np.abs(out[..., :2])
    return out


def eye_hexagons(lm: np.ndarray, size: int = CROP, push: int = 15) -> list[np.ndarray]:
    """The two eyes' hexagons (parts 36–41, 42–47), each pushed out ``push`` px: the outer corner
    left, the upper lid up, the inner corner right, the lower lid down, clipped to [0, size]."""
    out = []
    for a in (36, 42):
        p = np.round(lm[a:a + 6]).astype(np.int64)
        d = np.array([[-push, 0], [0, -push], [0, -push], [push, 0], [0, push], [0, push]])
        out.append(np.clip(p + d, 0, size).astype(np.int32))
    return out


def roi_boxes(lm: np.ndarray, size: int = CROP) -> dict[str, tuple[int, int, int, int]]:
    """SOFTNet's two ROIs (x0, y0, x1, y1) in crop pixels from the crop's landmarks (68, 2):
    ``brow`` — from part 17 to 26 across, from the higher of parts 19 and 24 down to the lower
    of the lids 41 and 46, each ± 12 px; ``mouth`` — parts 60 to 64 across, 50 to 57 down,
    ± 12 px. Clipped to the crop; at least one pixel each way."""
    p = np.round(lm).astype(np.int64)

    def box(x0, y0, x1, y1):
        x0, y0 = max(int(x0), 0), max(int(y0), 0)
        x1, y1 = min(int(x1), size), min(int(y1), size)
        return x0, y0, max(x1, x0 + 1), max(y1, y0 + 1)

    brow = box(p[17, 0] - 12, min(p[19, 1], p[24, 1]) - 12, p[26, 0] + 12,
               max(p[41, 1], p[46, 1]) + 12)
    mouth = box(p[60, 0] - 12, p[50, 1] - 12, p[64, 0] + 12, p[57, 1] + 12)
    return {"brow": brow, "mouth": mouth}


def softnet_rois(stack: np.ndarray, lm: np.ndarray) -> np.ndarray:
    """(42, 42, 3) float32: the eyes of ``stack`` (128, 128, 3) zeroed, then the brow box over
    the mouth box, each resized to 42 × 21."""
    import cv2

    img = np.ascontiguousarray(stack, np.float32).copy()
    cv2.fillPoly(img, eye_hexagons(lm, img.shape[0]), (0.0, 0.0, 0.0))
    out = np.zeros((2 * ROI_H, ROI_W, 3), np.float32)
    for row, name in enumerate(("brow", "mouth")):
        x0, y0, x1, y1 = roi_boxes(lm, img.shape[0])[name]
        out[row * ROI_H:(row + 1) * ROI_H] = cv2.resize(img[y0:y1, x0:x1], (ROI_W, ROI_H))
    return out


def minmax_uint8(x: np.ndarray) -> np.ndarray:
    """Each sample's channels min-max scaled to [0, 1] (a constant channel → 0), as uint8 × 255.

    ``x`` : (..., H, W, C) float; returns the same shape, uint8."""
    x = np.asarray(x, np.float32)
    lo = x.min(axis=(-3, -2), keepdims=True)
    hi = x.max(axis=(-3, -2), keepdims=True)
    span = np.where(hi > lo, hi - lo, 1.0)
    return np.round(255 * np.where(hi > lo, (x - lo) / span, 0.0)).astype(np.uint8)


def tvl1_flow(prev: np.ndarray, nxt: np.ndarray) -> np.ndarray:
    """scikit-image's TV-L1 flow from ``prev`` to ``nxt`` (H, W) as OpenCV's layout (H, W, 2):
    ``[..., 0]`` = u (x), ``[..., 1]`` = v (y), pixels. Refused with the install to run when
    scikit-image is missing."""
    try:
        from skimage.registration import optical_flow_tvl1
    except ImportError:
        raise MespotError("softnet_flow='tvl1' needs scikit-image's TV-L1 "
                          "(skimage.registration.optical_flow_tvl1): pip install "
                          "'scikit-image>=0.21', or use softnet_flow='farneback'") from None
    v, u = optical_flow_tvl1(prev.astype(np.float32) / 255, nxt.astype(np.float32) / 255)
    return np.stack([u, v], axis=-1).astype(np.float32)


def softnet_flow(prev: np.ndarray, nxt: np.ndarray, method: str = "farneback") -> np.ndarray:
    """(H, W, 2) flow u, v from ``prev`` to ``nxt`` (uint8 crops): Farneback (OpenCV, the kit's
    settings elsewhere) or scikit-image's TV-L1."""
    if method == "farneback":
        import cv2

        return cv2.calcOpticalFlowFarneback(prev, nxt, None, 0.5, 3, 15, 3, 5, 1.2, 0)
    if method == "tvl1":
        return tvl1_flow(prev, nxt)
    raise MespotError(f"softnet_flow {method!r}: use one of {', '.join(FLOWS)}")


def sample(prev: np.ndarray, nxt: np.ndarray, lm: np.ndarray, method: str = "farneback"
           ) -> np.ndarray:
    """One SOFTNet sample (42, 42, 3) uint8 from two 128² crops and the crop's landmarks."""
    flow = softnet_flow(prev, nxt, method)
    u, v = flow[..., 0], flow[..., 1]
    stack = np.stack([u, v, optical_strain(u, v)], axis=-1)
    stack = remove_head_motion(stack, lm[NOSE])
    return minmax_uint8(softnet_rois(stack, lm))


def face_crop_box(gray: np.ndarray, lm: np.ndarray) -> tuple[int, int, int, int]:
    """The dlib HOG box (x0, y0, x1, y1) of the face whose landmarks are ``lm`` in ``gray``: the
    detection holding the landmarks' centre (the largest if several), else — the tracker found
    a face the detector misses at this size — the landmarks' own bounding box. Clipped to the
    frame."""
    from ..face import detect_faces

    c = np.nanmean(lm, axis=0)
    h, w = gray.shape[:2]
    boxes = [b for b in detect_faces(gray)
             if b[0] <= c[0] <= b[2] and b[1] <= c[1] <= b[3]]
    if not boxes:   # small faces: the detector's upsampled pass (the tracker's own rule)
        boxes = [b for b in detect_faces(gray, upsample=1)
                 if b[0] <= c[0] <= b[2] and b[1] <= c[1] <= b[3]]
    b = boxes[0] if boxes else (*np.nanmin(lm, 0), *np.nanmax(lm, 0))
    x0, y0 = int(max(0, np.floor(b[0]))), int(max(0, np.floor(b[1])))
    x1, y1 = int(min(w, np.ceil(b[2]))), int(min(h, np.ceil(b[3])))
    return x0, y0, max(x1, x0 + 2), max(y1, y0 + 2)


class SoftnetFlow(Consumer):
    """The ``softnet`` family: one 42 × 42 × 3 sample per frame i (flow i → i + k).

    Arrays: ``sn_start`` (N,) = 1 … T − k (window i is frames i … i + k − 1), ``sn_length`` = k,
    ``sn_valid`` (N,) bool (the crop exists and frames i and i + k have a face), ``sn_roi``
    (N, 42, 42, 3) uint8 (u, v, ε), ``sn_box`` (4,) the crop's box in the decoded frame (−1
    when no face), ``sn_upsampled`` = 1 when that box was smaller than 128 px.
    """

    family = "softnet"
    produces = ("sn_start", "sn_length", "sn_valid", "sn_roi", "sn_box", "sn_upsampled")

    def __init__(self, n_frames, fps, params, spec):
        self.T = int(n_frames)
        self.k = int(getattr(params, "softnet_k", 0) or default_k(fps))
        self.method = getattr(params, "softnet_flow", "farneback")
        if self.method not in FLOWS:
            raise MespotError(f"softnet_flow {self.method!r}: use one of {', '.join(FLOWS)}")
        if self.method == "tvl1":
            tvl1_flow(np.zeros((8, 8), np.uint8), np.zeros((8, 8), np.uint8))  # refuse up front
        self.history = self.k + 1
        self.source = "the video"   # the pass sets the path, for messages
        n = max(0, self.T - self.k)
        self.roi = np.zeros((n, 2 * ROI_H, ROI_W, 3), np.uint8)
        self.valid = np.zeros(n, bool)
        self.box: tuple[int, int, int, int] | None = None
        self.lm: np.ndarray | None = None
        self.upsampled = False
        self.crops: dict[int, np.ndarray] = {}

    def _start(self, gray: np.ndarray, lm: np.ndarray) -> None:
        self.box = face_crop_box(gray, lm)
        x0, y0, x1, y1 = self.box
        if min(x1 - x0, y1 - y0) < CROP:
            self.upsampled = True
            warnings.warn(f"{self.source}: the face box ({x1 - x0}×{y1 - y0} px) is smaller than "
                          f"SOFTNet's {CROP}×{CROP} crop, so it is upsampled (its flow is "
                          "smoother than on a larger face)", stacklevel=2)
        sx, sy = CROP / (x1 - x0), CROP / (y1 - y0)
        self.lm = (lm - np.array([x0, y0], np.float32)) * np.array([sx, sy], np.float32)

    def _crop(self, gray: np.ndarray) -> np.ndarray:
        import cv2

        x0, y0, x1, y1 = self.box
        face = gray[y0:y1, x0:x1]
        inter = cv2.INTER_AREA if min(face.shape) >= CROP else cv2.INTER_LINEAR
        return cv2.resize(face, (CROP, CROP), interpolation=inter)

    def push(self, k, buf, lms):
        face = np.isfinite(lms[k - 1]).all()
        if self.box is None:
            if not face:
                return
            self._start(buf[-1], lms[k - 1])
        self.crops[k] = self._crop(buf[-1])
        self.crops.pop(k - self.k - 1, None)
        i = k - self.k
        if i >= 1 and i in self.crops:
            self.roi[i - 1] = sample(self.crops[i], self.crops[k], self.lm, self.method)
            self.valid[i - 1] = bool(face and np.isfinite(lms[i - 1]).all())

    def arrays(self):
        return {"sn_start": np.arange(1, len(self.valid) + 1, dtype=np.int64),
                "sn_length": np.int64(self.k), "sn_valid": self.valid, "sn_roi": self.roi,
                "sn_box": np.array(self.box if self.box else (-1, -1, -1, -1), np.int64),
                "sn_upsampled": np.int64(self.upsampled)}
