"""Dynamic images (approximate rank pooling) of the DynGeoNet ROIs (seed 000 §3.2).

A window's L frames are warped into the face alignment fixed by its first frame with a face;
each ROI (eyes with brows, nose, mouth) is summarised by one dynamic image, and the three are
composed into one S × S image (:data:`COMPOSE_LAYOUT`), with the same composition of the apex
(middle) frame for the VGG16 baseline.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..errors import MespotError
from ..face import AlignSpec, FaceTrack, alignment_matrix, apply_matrix, roi_boxes, track_for
from ..video import FrameSource, open_video
from .common import Consumer, FeatureParams, first_valid, warp_roi


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


def to_uint8_fixed(img: np.ndarray, coefficients: np.ndarray, gain: float) -> np.ndarray:
    """A fixed mapping to uint8 that keeps the dynamic image's amplitude across windows.

    ``128 + gain · img / Σ_t |α_t|``, rounded and clipped to 0..255: dividing by the weights'
    absolute sum makes the value a mean grey-level change (one unit ≈ one grey level of motion
    across the window), so a still window stays near mid-grey and a moving one is bright or
    dark in proportion to how much it moved — unlike :func:`to_uint8`, which stretches every
    image, noise included, to the full range.

    Parameters
    ----------
    img : (H, W) dynamic image (:func:`dynamic_image`), grey-level units × weights.
    coefficients : (T,) the weights α_t it was made with (:func:`arp_coefficients`).
    gain : output grey levels per unit of mean grey-level change (> 0).

    Returns
    -------
    (H, W) uint8.
    """
    if not gain > 0:
        raise MespotError(f"di_gain {gain!r}: use a positive number (grey levels per unit)")
    norm = float(np.abs(np.asarray(coefficients, np.float64)).sum()) or 1.0
    out = 128.0 + gain * np.asarray(img, np.float64) / norm
    return np.clip(np.round(out), 0, 255).astype(np.uint8)


def scale_dynamic_image(img: np.ndarray, T: int, params: FeatureParams) -> np.ndarray:
    """A dynamic image of a T-frame clip as the CNN's uint8 input, per ``params.di_norm``:
    ``minmax`` (each ROI's image stretched on its own, :func:`to_uint8` — seed 000) or
    ``fixed`` (:func:`to_uint8_fixed` with ``params.di_gain``)."""
    if params.di_norm == "minmax":
        return to_uint8(img)
    if params.di_norm == "fixed":
        return to_uint8_fixed(img, arp_coefficients(T, params.coefficients), params.di_gain)
    raise MespotError(f"di_norm {params.di_norm!r}: use 'minmax' (seed 000) or 'fixed'")


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


class DynamicImages(Consumer):
    """Streaming consumer: the composed dynamic image and apex image of every DynGeoNet window.

    Arrays: ``dg_start`` (N,) window starts, ``dyn`` and ``apex`` (N, S, S) uint8, ``dg_valid``
    (N,) bool (a face to align to), ``dg_length`` L.
    """

    family = "dynamic"
    produces = ("dg_start", "dg_length", "dyn", "apex", "dg_valid")

    def __init__(self, n_frames: int, fps: float, params: FeatureParams,
                 spec: AlignSpec = AlignSpec()):
        self.L, stride = params.dg_window(fps)
        self.starts = np.arange(1, n_frames - self.L + 2, stride)
        self.end = {int(s + self.L - 1): i for i, s in enumerate(self.starts)}
        S = params.di_size
        self.dyn = np.zeros((len(self.starts), S, S), np.uint8)
        self.apex = np.zeros_like(self.dyn)
        self.valid = np.zeros(len(self.starts), bool)
        self.params, self.spec, self.history = params, spec, self.L

    def push(self, k: int, buf, lms: np.ndarray) -> None:
        i = self.end.get(k)
        if i is None:
            return
        s, L = int(self.starts[i]), self.L
        ref = first_valid(lms, s - 1, s - 1 + L)
        if ref is None:
            return
        M = alignment_matrix(lms[ref].astype(np.float64), self.spec)
        boxes = roi_boxes(apply_matrix(M, lms[ref].astype(np.float64)), "dyngeonet", self.spec)
        clip = [buf[j] for j in range(len(buf) - L, len(buf))]
        dis, aps = {}, {}
        for name, box in boxes.items():
            stack = np.stack([warp_roi(f, M, box) for f in clip])
            dis[name] = scale_dynamic_image(dynamic_image(stack, self.params.coefficients),
                                               L, self.params)
            aps[name] = stack[L // 2]
        self.dyn[i] = compose_rois(dis, self.params.di_size)
        self.apex[i] = compose_rois(aps, self.params.di_size)
        self.valid[i] = True

    def arrays(self) -> dict[str, np.ndarray]:
        return dict(dg_start=self.starts, dg_length=np.int64(self.L), dyn=self.dyn,
                    apex=self.apex, dg_valid=self.valid)


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
    ref = first_valid(track.landmarks, i0, i0 + length)
    if ref is None:
        raise MespotError(f"no face in frames {start}..{start + length - 1}")
    M = alignment_matrix(track.landmarks[ref].astype(np.float64), spec)
    boxes = roi_boxes(apply_matrix(M, track.landmarks[ref].astype(np.float64)), method, spec)
    frames = [img if img is not None else np.zeros(src.frame_size[::-1], np.uint8)
              for _, img in src.frames(start, start + length - 1)]
    stacks = {n: np.stack([warp_roi(f, M, b) for f in frames]) for n, b in boxes.items()}
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

    out = {}
    for (subj, vid), g in windows.groupby(["subject", "video"], sort=False):
        row = dataset.video_row(subj, vid)
        src = open_video(row.source, fps=float(row.fps), gray=True)
        track = track_for(dataset, subj, vid, cache_dir)
        for idx, start in zip(g.index, g["start"]):
            stacks, _ = window_roi_stacks(src, track, int(start), length, "dyngeonet", spec)
            out[idx] = {roi: float(np.abs(dynamic_image(st)).mean()) for roi, st in stacks.items()}
    return pd.DataFrame.from_dict(out, orient="index").loc[windows.index]



def shared_limit(images, q: float = 99.5) -> float:
    """One symmetric colour limit for several dynamic images: the ``q``-th percentile of |value|
    over all their pixels (so a handful of extreme pixels does not wash the rest out).

    Parameters
    ----------
    images : iterable of (h, w) float arrays (raw :func:`dynamic_image` outputs, any sizes).
    q : percentile, 0 < q ≤ 100.

    Returns
    -------
    float ≥ 0, in the images' units (grey levels × weight); 0 when every pixel is 0 or NaN.
    """
    if not 0 < q <= 100:
        raise MespotError(f"shared_limit: percentile q = {q} must be in (0, 100]")
    vals = np.concatenate([np.abs(np.asarray(im, np.float64)).ravel() for im in images])
    vals = vals[np.isfinite(vals)]
    return float(np.percentile(vals, q)) if len(vals) else 0.0
