"""Optical flow and HOOF sequences (seed 004 §III-B): the HOOF-LSTM's input.

Timestep j of a window starting at frame s is the flow from frame i = s + jR to frame i + R
(R = max(1, round(fps/50)); seed 004: t_i is the flow between f_i and f_(i+R)), for every i with
i + R ≤ s + W − 1 — (W − 1) // R timesteps, all inside the window's frames s … s + W − 1 — on the
aligned brow and mouth-corner ROIs, minus the nose region's mean flow (the head's residual motion —
the kit's one nose compensation), each binned into a soft histogram of oriented flow.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import MespotError
from ..face import AlignSpec, FaceTrack, alignment_matrix, apply_matrix, roi_boxes
from ..video import FrameSource
from .common import Consumer, FeatureParams, first_valid, flow_interval, hoof_window


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
    frames : (W, H, W) aligned uint8 grayscale frames: the window's own W frames.
    rois : the HOOF ROI boxes (x0, y0, x1, y1) in aligned pixels, in :data:`HOOF_ROIS` order.
    nose : optional nose box; its mean flow (the head's residual motion) is subtracted from each
        ROI's flow before the histogram.

    Returns
    -------
    ((W − 1) // R, len(rois) · bins) float32 — one HOOF per ROI per timestep (the flow from
    frame jR to frame jR + R of the window, j = 0, 1, …), ROIs side by side.
    """
    R = flow_interval(fps)
    steps = (len(frames) - 1) // R
    return _pair_sequence([frames[j * R] for j in range(steps + 1)], rois, bins, method, nose)


def _pair_sequence(frames: list[np.ndarray], rois: dict, bins: int, method: str,
                   nose: tuple[int, int, int, int] | None) -> np.ndarray:
    """HOOF sequence (len(frames) − 1, len(rois) · bins) float32 of the pairs (frames[j],
    frames[j + 1]) of aligned frames (the frames R apart that :func:`flow_sequence` pairs)."""
    steps = len(frames) - 1
    names = [n for n in HOOF_ROIS if n in rois] or list(rois)
    pads = _padded_boxes({n: rois[n] for n in names}, nose, frames[0].shape[:2])
    fields = []
    for j in range(steps):
        fields += _pair_fields(frames[j], frames[j + 1], pads, names, method)
    out = np.zeros((steps, len(names) * bins), np.float32)
    if fields:
        out[:] = hoof_batch(fields, bins).reshape(steps, len(names) * bins)
    return out



class _HoofPairs:
    """HOOF sequences of successive windows from the frame ring buffer (``hoof_pairs`` of
    :class:`~mespot_nb.features.common.FeatureParams`: per-window or shared flow pairs)."""

    def __init__(self, fps: float, params: FeatureParams, spec: AlignSpec):
        self.fps, self.params, self.spec = fps, params, spec
        hw = hoof_window(fps, params.hoof_seconds, params.hoof_stride_s)
        self.W, self.R, self.steps = hw["W"], hw["R"], hw["steps"]
        # first frame i of the pair (i, i + R) → (angle of the transform used, polar θ,
        # magnitudes, sizes of the 4 fields)
        self.pairs: dict[int, tuple[float, np.ndarray, np.ndarray, list[int]]] = {}

    def _warp(self, img, M):
        import cv2

        return cv2.warpAffine(img, M, (self.spec.width, self.spec.height), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_REPLICATE)

    def window(self, s: int, ref_lm: np.ndarray, buf) -> np.ndarray:
        """(steps, 4·bins) HOOF of the window starting at frame ``s``: the flows of the pairs
        (s + jR, s + jR + R), j < steps, all inside the window; ``buf`` ends at its last frame
        s + W − 1 (a buffer shorter than W repeats its first frame)."""
        p, W, R = self.params, self.W, self.R
        M = alignment_matrix(ref_lm, self.spec)
        alm = apply_matrix(M, ref_lm)
        boxes = roi_boxes(alm, "hoof", self.spec)
        nose = roi_boxes(alm, "dyngeonet", self.spec)["nose"] if p.nose_compensation else None
        frames = list(buf)[-W:]                       # frames s … s + W − 1
        frames = [frames[0]] * (W - len(frames)) + frames
        if p.hoof_pairs == "per-window":   # only the frames the pairs use are warped
            aligned = [self._warp(frames[j * R], M) for j in range(self.steps + 1)]
            return _pair_sequence(aligned, boxes, p.bins, p.flow, nose)
        if p.hoof_pairs != "shared":
            raise MespotError(f"hoof_pairs {p.hoof_pairs!r}: use per-window or shared")
        angle = float(np.arctan2(M[1, 0], M[0, 0]))
        pads = None
        thetas, mags, sizes = [], [], []
        b, b_at = None, -1   # the last warped frame, reused as the next pair's first
        for j in range(self.steps):
            i = s + j * R   # the pair (i, i + R)
            if i not in self.pairs:
                if pads is None:
                    pads = _padded_boxes(boxes, nose, (self.spec.height, self.spec.width))
                a = b if b_at == j else self._warp(frames[j * R], M)
                b, b_at = self._warp(frames[(j + 1) * R], M), j + 1
                self.pairs[i] = (angle, *_polar(_pair_fields(a, b, pads, list(HOOF_ROIS),
                                                             p.flow)))
            a0, th, mg, sz = self.pairs[i]
            # vectors computed in another window's alignment: rotate them into this one's
            thetas.append(th + (angle - a0))
            mags.append(mg)
            sizes += sz
        for i in [e for e in self.pairs if e < s]:   # no later window reads them
            del self.pairs[i]
        h = _soft_bins(np.concatenate(thetas), np.concatenate(mags), sizes, p.bins)
        return h.reshape(self.steps, -1).astype(np.float32)


class HoofSequences(Consumer):
    """Streaming consumer: the HOOF sequence of every 0.5 s window.

    Arrays: ``hoof_start`` (M,) window starts, ``hoof`` (M, steps, 4·bins) float32,
    ``hoof_valid`` (M,) bool, ``hoof_length`` W.
    """

    family = "hoof"
    produces = ("hoof_start", "hoof_length", "hoof", "hoof_valid")

    def __init__(self, n_frames: int, fps: float, params: FeatureParams,
                 spec: AlignSpec = AlignSpec()):
        hw = hoof_window(fps, params.hoof_seconds, params.hoof_stride_s)
        self.W, self.R = hw["W"], hw["R"]
        self.starts = np.arange(1, n_frames - self.W + 2, hw["stride"])
        self.end = {int(s + self.W - 1): i for i, s in enumerate(self.starts)}
        self.hoof = np.zeros((len(self.starts), hw["steps"], 4 * params.bins), np.float32)
        self.valid = np.zeros(len(self.starts), bool)
        self.pairs = _HoofPairs(fps, params, spec)
        self.history = self.W

    def push(self, k: int, buf, lms: np.ndarray) -> None:
        i = self.end.get(k)
        if i is None:
            return
        s = int(self.starts[i])
        ref = first_valid(lms, s - 1, s - 1 + self.W)
        if ref is not None:
            self.hoof[i] = self.pairs.window(s, lms[ref].astype(np.float64), buf)
            self.valid[i] = True

    def arrays(self) -> dict[str, np.ndarray]:
        return dict(hoof_start=self.starts, hoof_length=np.int64(self.W), hoof=self.hoof,
                    hoof_valid=self.valid)


# ----------------------------------------------------------------------------------------------
# one window at a time (for the notebooks)


def window_flows(src: FrameSource, track: FaceTrack, start: int, params: FeatureParams =
                 FeatureParams(), spec: AlignSpec = AlignSpec()) -> dict[str, Any]:
    """Everything HOOF-LSTM sees in one window (for figures).

    Returns a dict with ``aligned`` (W, H, W) frames (the window's), ``boxes`` (HOOF ROIs), ``nose`` box,
    ``flows`` — per timestep j a {roi: (h, w, 2) flow, nose-compensated} from ``aligned[j·R]``
    to ``aligned[(j + 1)·R]`` — and ``hoof``
    (steps, 4·bins) exactly as the extraction computes it (per-window mode).
    """
    import cv2

    hw = hoof_window(src.fps, params.hoof_seconds, params.hoof_stride_s)
    W, R = hw["W"], hw["R"]
    i0 = track.frame_index(start)
    ref = first_valid(track.landmarks, i0, i0 + W)
    if ref is None:
        raise MespotError(f"no face in frames {start}..{start + W - 1}")
    M = alignment_matrix(track.landmarks[ref].astype(np.float64), spec)
    alm = apply_matrix(M, track.landmarks[ref].astype(np.float64))
    boxes = roi_boxes(alm, "hoof", spec)
    nose = roi_boxes(alm, "dyngeonet", spec)["nose"] if params.nose_compensation else None
    frames = [img for _, img in src.frames(start, start + W - 1)]
    frames = [frames[0]] * (W - len(frames)) + frames
    aligned = np.stack([cv2.warpAffine(f, M, (spec.width, spec.height),
                                       borderMode=cv2.BORDER_REPLICATE) for f in frames])
    names = list(HOOF_ROIS)
    pads = _padded_boxes(boxes, nose, aligned.shape[1:3])
    flows = [dict(zip(names, _pair_fields(aligned[j * R], aligned[(j + 1) * R], pads, names,
                                          params.flow))) for j in range(hw["steps"])]
    seq = flow_sequence(aligned, src.fps, boxes, params.bins, params.flow, nose)
    return dict(aligned=aligned, boxes=boxes, nose=nose, flows=flows, hoof=seq, R=R, W=W,
                landmarks=alm)



def pair_flows(src: FrameSource, track: FaceTrack, a: int, b: int, params: FeatureParams =
               FeatureParams(), spec: AlignSpec = AlignSpec()) -> dict[str, Any]:
    """The flow of each HOOF ROI from frame ``a`` to frame ``b`` (1-based), both aligned by the
    first frame with a face from ``a`` on (as a window is), nose-compensated as the extraction
    does — e.g. a micro-expression's onset → apex, where the window's R-frame steps are tiny.

    Returns
    -------
    dict with ``aligned`` (2, H, W) uint8 (frames a and b), ``boxes`` (HOOF ROIs in the aligned
    frame), ``flows`` {roi: (h, w, 2) float32, pixels}, ``hoof`` (4·bins,) — each ROI's
    histogram, normalised to sum 1 — and ``magnitude`` {roi: mean |flow| in pixels}.
    """
    import cv2

    if b <= a:
        raise MespotError(f"pair_flows: frame b = {b} must come after a = {a}")
    i0 = track.frame_index(a)
    ref = first_valid(track.landmarks, i0, track.frame_index(b) + 1)
    if ref is None:
        raise MespotError(f"no face in frames {a}..{b}")
    M = alignment_matrix(track.landmarks[ref].astype(np.float64), spec)
    alm = apply_matrix(M, track.landmarks[ref].astype(np.float64))
    boxes = roi_boxes(alm, "hoof", spec)
    nose = roi_boxes(alm, "dyngeonet", spec)["nose"] if params.nose_compensation else None
    aligned = np.stack([cv2.warpAffine(src.read(k), M, (spec.width, spec.height),
                                       borderMode=cv2.BORDER_REPLICATE) for k in (a, b)])
    names = list(HOOF_ROIS)
    pads = _padded_boxes(boxes, nose, aligned.shape[1:3])
    fl = _pair_fields(aligned[0], aligned[1], pads, names, params.flow)
    return dict(aligned=aligned, boxes=boxes, flows=dict(zip(names, fl)),
                hoof=hoof_batch(fl, params.bins).ravel(),
                magnitude={n: float(np.hypot(f[..., 0], f[..., 1]).mean())
                           for n, f in zip(names, fl)})


def arrow_scale(flows, step: int, q: float = 95.0) -> float:
    """A magnification that draws the ``q``-th percentile flow vector ``step`` pixels long, so
    arrows on a ``step``-pixel grid are visible and do not overlap.

    Parameters
    ----------
    flows : iterable of {roi: (h, w, 2) flow in pixels} (every panel that shares the scale).
    step : the arrows' grid spacing, pixels.

    Returns
    -------
    float > 0 (1.0 when there is no motion at all).
    """
    mags = np.concatenate([np.hypot(f[..., 0], f[..., 1]).ravel()
                           for d in flows for f in d.values()])
    m = float(np.percentile(mags, q)) if len(mags) else 0.0
    return step / m if m > 1e-6 else 1.0


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

