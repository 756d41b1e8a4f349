"""Per-frame motion curves from aligned face crops, for the two training-free spotters.

Both consumers take a video one frame at a time (``push(frame_no, gray, landmarks)``, frames
1, 2, …, n in order) and hand back per-frame curves at the end (``finish()``); they keep only a
ring buffer of small aligned face crops, never the video. Turn the curves into intervals with
:mod:`mespot_nb.peaks`.

* :class:`MDMDCurve` — the MDMD feature F (Wang et al., Neurocomputing 2017, as the MEGC2020
  baseline of He et al., FG 2020 ran it): for frame i, optical flow from the head frame i − k to
  the current frame i and to the tail frame i + k, compared block by block in the main direction
  (:func:`mdmd_block_values`, :func:`mdmd_frame_value`).
* :class:`FlowPeakCurves` — mean flow magnitude between frames i and i + k in five landmark-
  anchored regions (both brows, both mouth corners, chin), eyelids masked out and the head's
  motion (the nose region's median flow) removed.

Crops
-----
Both compare frames in one alignment, the one fixed by the first frame's landmarks (frame i − k
for MDMD, frame i for flow-peak; :mod:`.crops`), so the head's own motion between the frames stays
in the flow as a near-uniform field, which both consumers remove by subtracting the nose
region's median flow (MDMD can keep it, as the baseline did, with ``nose_compensation=False``).

Flow vectors are (u, v) = (x right, y down) in crop pixels per frame pair. Landmarks are dlib's
68 points, 0-based indices, (68, 2) float pixels of the source frame, NaN where no face.
"""

from __future__ import annotations

import math

import numpy as np

from ..errors import MespotError
from ..face import AlignSpec
from .crops import (CROP_MARGIN, CROP_SPEC, FLOW_METHODS, FLOW_PEAK_ROIS, MDMD_CROP, CropRing,
                    check_flow, check_gray, curve_stride, fill_strided, flow_peak_k,
                    flow_peak_regions, optical_flow, pair_distance)

__all__ = [
    "CROP_MARGIN",
    "CROP_SPEC",
    "FLOW_METHODS",
    "FLOW_PEAK_ROIS",
    "FlowPeakCurves",
    "MDMDCurve",
    "flow_peak_k",
    "flow_peak_regions",
    "mdmd_block_values",
    "mdmd_frame_value",
    "mdmd_quadrants",
    "optical_flow",
    "top_third_mean",
]

# ----------------------------------------------------------------------------------------------
# MDMD arithmetic


def mdmd_quadrants(flow: np.ndarray, orientation: str = "atan2") -> np.ndarray:
    """Orientation quadrant (0–3) of every flow vector; −1 for a vector with no direction.

    Parameters
    ----------
    flow : (..., 2) — u = x (right), v = y (down).
    orientation :
        ``"atan2"`` — θ = atan2(v, u) in [0, 2π); quadrant q covers [q·π/2, (q + 1)·π/2). In image
        coordinates (y down) quadrant 0 is right-and-down, 1 left-and-down, 2 left-and-up,
        3 right-and-up.
        ``"literal"`` — the published code's angle, θ = atan(u / v) in degrees, a negative θ
        taken + 360°, binned by [0, 90), [90, 180), [180, 270), [270, 360). atan's range is
        (−90°, 90°), so every vector with v ≠ 0 lands in quadrant 0 (u/v ≥ 0) or 3 (u/v < 0):
        only those two can win a block. The sole exception is a vector with v = 0 exactly:
        u/v = ±∞ gives ±90°, i.e. quadrant 1 for u > 0 and 3 for u < 0.

    In both modes a zero vector (u = v = 0) has no direction and counts in no quadrant.

    Returns
    -------
    (...) int8.
    """
    flow = np.asarray(flow, np.float64)
    u, v = flow[..., 0], flow[..., 1]
    if orientation == "atan2":
        theta = np.mod(np.arctan2(v, u), 2 * np.pi)
        q = np.minimum(np.floor(theta / (np.pi / 2)), 3)
    elif orientation == "literal":
        with np.errstate(divide="ignore", invalid="ignore"):
            theta = np.degrees(np.arctan(u / v))
        q = np.minimum(np.floor(np.mod(theta, 360.0) / 90.0), 3)
    else:
        raise MespotError(f"orientation {orientation!r}: use 'atan2' or 'literal'")
    q = np.where((u == 0) & (v == 0), -1, q)
    return np.nan_to_num(q, nan=-1).astype(np.int8)


def top_third_mean(x: np.ndarray) -> float:
    """Mean of the largest ⌈n/3⌉ of n values (0.0 when n = 0).

    ⌈n/3⌉ rather than ⌊n/3⌋ so that a block with one or two vectors in its main direction still
    has a value; for the 36 blocks of a frame both give 12.
    """
    x = np.asarray(x, np.float64).ravel()
    if x.size == 0:
        return 0.0
    n = math.ceil(x.size / 3)
    return float(np.sort(x)[-n:].mean())


def _check_fields(flow_i: np.ndarray, flow_ik: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a, b = np.asarray(flow_i, np.float64), np.asarray(flow_ik, np.float64)
    if a.ndim != 3 or a.shape[-1] != 2 or a.shape != b.shape:
        raise MespotError(f"MDMD needs two flow fields of the same shape (H, W, 2); got "
                          f"{a.shape} and {b.shape}")
    return a, b


def mdmd_block_values(flow_i: np.ndarray, flow_ik: np.ndarray, grid: tuple[int, int] = (6, 6),
                      orientation: str = "atan2") -> np.ndarray:
    """MDMD's value of every block of a face crop.

    Parameters
    ----------
    flow_i : (H, W, 2) flow from the head frame i − k to the current frame i (pixels).
    flow_ik : (H, W, 2) flow from the head frame i − k to the tail frame i + k (pixels).
    grid : (rows, cols) of blocks. Rows and columns are split with ``np.array_split``: when H
        (W) is not a multiple of rows (cols), the first H mod rows blocks get one extra row.
    orientation : ``"atan2"`` or ``"literal"`` (see :func:`mdmd_quadrants`).

    Returns
    -------
    (rows, cols) float64, pixels. In each block the main direction is the quadrant holding the
    most vectors of ``flow_i`` (a tie goes to the lowest quadrant index); for the vectors in it
    d = |flow_i| − |flow_ik| (a movement that has happened by frame i and is undone by i + k is
    positive) and the block value is :func:`top_third_mean` (d), the mean of the ⌈n/3⌉ largest.
    A block with no directed vector (all zero flow) gets 0.
    """
    a, b = _check_fields(flow_i, flow_ik)
    gy, gx = (int(g) for g in grid)
    H, W = a.shape[:2]
    if gy < 1 or gx < 1 or gy > H or gx > W:
        raise MespotError(f"MDMD grid {grid} does not fit a {H}×{W} flow field")
    q = mdmd_quadrants(a, orientation)
    d = np.hypot(a[..., 0], a[..., 1]) - np.hypot(b[..., 0], b[..., 1])
    rows = np.array_split(np.arange(H), gy)
    cols = np.array_split(np.arange(W), gx)
    out = np.zeros((gy, gx))
    for r, ri in enumerate(rows):
        for c, ci in enumerate(cols):
            qb = q[ri[0]:ri[-1] + 1, ci[0]:ci[-1] + 1]
            counts = np.bincount(qb[qb >= 0].ravel(), minlength=4)
            if counts.sum() == 0:
                continue
            main = int(np.argmax(counts))  # argmax: the first (lowest) quadrant on a tie
            out[r, c] = top_third_mean(d[ri[0]:ri[-1] + 1, ci[0]:ci[-1] + 1][qb == main])
    return out


def mdmd_frame_value(flow_i: np.ndarray, flow_ik: np.ndarray, grid: tuple[int, int] = (6, 6),
                     orientation: str = "atan2") -> float:
    """MDMD's F_i: the mean of the largest third (⌈n/3⌉, 12 of 36) of the block values of
    :func:`mdmd_block_values` — a frame value driven by the few blocks that moved (pixels)."""
    return top_third_mean(mdmd_block_values(flow_i, flow_ik, grid, orientation))


class _Streamer:
    """Frame-order bookkeeping shared by the two consumers."""

    name = "curve"

    def __init__(self, fps: float, k: int, n_frames: int, flow: str, crop: AlignSpec,
                 margin: int, keep: int):
        fps = float(fps)
        if not (np.isfinite(fps) and fps > 0):
            raise MespotError(f"{self.name}: fps must be positive, got {fps}")
        if int(k) < 1:
            raise MespotError(f"{self.name}: k must be ≥ 1 frame, got k={k}")
        if int(n_frames) < 1:
            raise MespotError(f"{self.name}: n_frames must be ≥ 1, got {n_frames}")
        if int(margin) < 0:
            raise MespotError(f"{self.name}: margin must be ≥ 0 pixels, got {margin}")
        check_flow(flow)
        self.fps, self.k, self.n_frames, self.flow = fps, int(k), int(n_frames), flow
        self.crop = crop
        self.ring = CropRing(crop, keep, margin)
        self.last = 0

    def _accept(self, frame_no: int, gray, landmarks) -> int:
        j = int(frame_no)
        if j != self.last + 1:
            raise MespotError(f"{self.name}.push: frames must come in order 1, 2, …; got frame "
                              f"{j} after frame {self.last}")
        if j > self.n_frames:
            raise MespotError(f"{self.name}.push: frame {j} is beyond n_frames={self.n_frames}; "
                              "pass the video's true frame count")
        self.last = j
        self.ring.push(j, check_gray(j, gray), landmarks)
        return j


# ----------------------------------------------------------------------------------------------
# MDMD curve


class MDMDCurve(_Streamer):
    """Streaming MDMD feature F of one video.

    Parameters
    ----------
    fps : frames per second (kept for the result).
    k : head/tail distance in frames (:func:`mespot_nb.peaks.mdmd_k`, then
        :func:`mespot_nb.peaks.fit_k` for short videos).
    n_frames : the video's frame count T.
    flow : ``farneback`` (default), ``dis``, or ``rlof`` (the baseline's; needs cv2.optflow).
    orientation : ``atan2`` or ``literal`` (:func:`mdmd_quadrants`).
    crop : the aligned crop's geometry (:data:`CROP_SPEC`).
    grid : block grid (6 × 6).
    margin : border kept around each stored crop (:data:`CROP_MARGIN` pixels).
    stride : compute F only on frames that are multiples of ``stride`` and interpolate linearly
        between two computed neighbours (1: every frame, as the baseline); a frame whose own
        triplet lacks a face stays NaN, as without a stride, and so do up to ``stride`` − 1
        frames next to an undefined sample (e.g. right after the first k frames).
    nose_compensation : subtract the nose region's median flow (:func:`flow_peak_regions`) from
        both flows before the block arithmetic (default). MDMD compares |flow_i| with |flow_ik|,
        and a steadily moving head puts twice as much motion in flow_ik: a slow drift of a few
        pixels outweighs a micro-expression in F. ``False`` gives the baseline's raw flows.

    Frame i's value needs frames i − k, i and i + k; it is computed when frame i + k arrives,
    from flows measured in frame i − k's alignment (module doc). The ring buffer holds the last
    2k + 1 crops (e.g. 2·260 + 1 crops of 176 × 200 bytes ≈ 18 MB at 200 fps, macro k).
    """

    name = "MDMDCurve"

    def __init__(self, fps: float, k: int, n_frames: int, flow: str = "farneback",
                 orientation: str = "atan2", crop: AlignSpec = CROP_SPEC,
                 grid: tuple[int, int] = (6, 6), margin: int = CROP_MARGIN,
                 nose_compensation: bool = True, stride: int = 1):
        super().__init__(fps, k, n_frames, flow, crop, margin, keep=2 * int(k) + 1)
        mdmd_quadrants(np.zeros((1, 2)), orientation)  # validates the name
        if int(stride) < 1:
            raise MespotError(f"{self.name}: stride must be ≥ 1 frame, got {stride}")
        self.orientation, self.grid = orientation, tuple(grid)
        self.nose_compensation = bool(nose_compensation)
        self.stride = int(stride)
        self.F = np.full(self.n_frames, np.nan)
        self.between = np.zeros(self.n_frames, bool)

    def push(self, frame_no: int, gray: np.ndarray | None, landmarks: np.ndarray | None
             ) -> None:
        """Take frame ``frame_no`` (1-based, in order): its uint8 (H, W) grayscale image (None if
        undecodable) and its (68, 2) landmarks (NaN or None where no face)."""
        j = self._accept(frame_no, gray, landmarks)
        k = self.k
        i, h = j - k, j - 2 * k
        defined = h >= 1 and h in self.ring and i in self.ring and j in self.ring
        if i % self.stride:
            if defined:
                self.between[i - 1] = True   # filled in by finish() from the two samples
            return
        if defined:
            head = self.ring.aligned(h, h)
            f_i = optical_flow(head, self.ring.aligned(i, h), self.flow)
            f_ik = optical_flow(head, self.ring.aligned(j, h), self.flow)
            if self.nose_compensation:
                boxes, _ = flow_peak_regions(self.ring.landmarks(h), f_i.shape[:2])
                x0, y0, x1, y1 = boxes["nose"]
                f_i = f_i - np.median(f_i[y0:y1, x0:x1].reshape(-1, 2), axis=0)
                f_ik = f_ik - np.median(f_ik[y0:y1, x0:x1].reshape(-1, 2), axis=0)
            self.F[i - 1] = mdmd_frame_value(f_i, f_ik, self.grid, self.orientation)

    def finish(self) -> dict:
        """The curve: ``F`` (T,) float64, pixels — NaN for frames i ≤ k, i > T − k, frames whose
        i − k, i or i + k had no face, and frames not reached (fewer than T frames pushed) —
        plus ``k``, ``fps``, ``n_frames``, ``frames_pushed``."""
        F = self.F.copy()
        if self.stride > 1:   # linear between neighbouring samples that both have a value
            t = np.arange(1, self.n_frames + 1)
            lo = (t // self.stride) * self.stride
            hi = lo + self.stride
            ok = self.between & (lo >= 1) & (hi <= self.n_frames)
            a = np.where(ok, F[np.clip(lo, 1, self.n_frames) - 1], np.nan)
            b = np.where(ok, F[np.clip(hi, 1, self.n_frames) - 1], np.nan)
            w = (t - lo) / self.stride
            F = np.where(ok, a + w * (b - a), F)
        return {"F": F, "k": self.k, "fps": self.fps, "n_frames": self.n_frames,
                "frames_pushed": self.last}


# ----------------------------------------------------------------------------------------------
# flow-peak curves


class FlowPeakCurves(_Streamer):
    """Streaming flow-peak curves of one video.

    Parameters
    ----------
    fps : frames per second.
    k : frame distance of each flow; None = :func:`flow_peak_k` (≈ half a micro-expression).
    n_frames : the video's frame count T.
    flow : ``farneback`` (default), ``dis`` or ``rlof``.
    crop, margin : the aligned crop (:data:`CROP_SPEC`, :data:`CROP_MARGIN`).
    stride : compute only the pairs whose first frame i has (i − 1) divisible by ``stride`` and
        interpolate between them (:func:`~mespot_nb.features.crops.fill_strided`); 1 = every
        pair.

    For each pair (i, i + k) with a face in both: the flow from frame i to frame i + k in frame
    i's alignment; minus the median (u, v) of the nose region (the head's motion); per region of
    :func:`flow_peak_regions` (eyes masked out) the mean magnitude, in crop pixels (inter-ocular
    distance 48). The value is stored at the pair's middle frame i + ⌊k/2⌋, so a symmetric
    event gives a curve centred on it. The ring buffer holds the last k + 1 crops.
    """

    name = "FlowPeakCurves"

    def __init__(self, fps: float, k: int | None, n_frames: int, flow: str = "farneback",
                 crop: AlignSpec = CROP_SPEC, margin: int = CROP_MARGIN, stride: int = 1):
        k = flow_peak_k(fps) if k is None else int(k)
        super().__init__(fps, k, n_frames, flow, crop, margin, keep=k + 1)
        if int(stride) < 1:
            raise MespotError(f"{self.name}: stride must be ≥ 1 frame, got {stride}")
        self.stride = int(stride)
        self.curves = np.full((self.n_frames, len(FLOW_PEAK_ROIS)), np.nan)
        self.nose = np.full(self.n_frames, np.nan)
        self.skipped = np.zeros(self.n_frames, bool)

    def push(self, frame_no: int, gray: np.ndarray | None, landmarks: np.ndarray | None
             ) -> None:
        """Take frame ``frame_no`` (1-based, in order): its uint8 (H, W) grayscale image (None if
        undecodable) and its (68, 2) landmarks (NaN or None where no face)."""
        j = self._accept(frame_no, gray, landmarks)
        i = j - self.k
        if i < 1 or i not in self.ring or j not in self.ring:
            return
        if (i - 1) % self.stride:
            self.skipped[i - 1 + self.k // 2] = True
            return
        f = optical_flow(self.ring.aligned(i, i), self.ring.aligned(j, i), self.flow)
        boxes, eyes = flow_peak_regions(self.ring.landmarks(i), f.shape[:2])
        x0, y0, x1, y1 = boxes["nose"]
        head = np.median(f[y0:y1, x0:x1].reshape(-1, 2), axis=0)
        f = f - head
        mag = np.hypot(f[..., 0], f[..., 1])
        keep = ~eyes
        row = self.curves[i - 1 + self.k // 2]
        self.nose[i - 1 + self.k // 2] = float(np.hypot(*head))
        for c, name in enumerate(FLOW_PEAK_ROIS):
            x0, y0, x1, y1 = boxes[name]
            sel = keep[y0:y1, x0:x1]
            if sel.any():
                row[c] = float(mag[y0:y1, x0:x1][sel].mean())

    def finish(self) -> dict:
        """The curves.

        Returns
        -------
        dict with ``curves`` (T, 5) float64 (pixels; columns :data:`FLOW_PEAK_ROIS`), ``curve``
        (T,) their maximum over regions (an expression is usually local: the most-moving region
        speaks for the frame; averaging would dilute it), ``rois``, ``k``, ``fps``,
        ``n_frames``, ``frames_pushed``. NaN where the pair centred there lacked a face in
        either frame, within ⌊k/2⌋ frames of the start or k − ⌊k/2⌋ of the end, or was not
        reached.
        """
        curves = fill_strided(self.curves, self.skipped)
        with np.errstate(all="ignore"):
            ok = np.isfinite(curves).any(axis=1)
            curve = np.full(self.n_frames, np.nan)
            curve[ok] = np.nanmax(curves[ok], axis=1)
        return {"curves": curves, "curve": curve, "nose": fill_strided(self.nose, self.skipped),
                "rois": list(FLOW_PEAK_ROIS),
                "k": self.k, "fps": self.fps, "n_frames": self.n_frames,
                "frames_pushed": self.last}


# ----------------------------------------------------------------------------------------------
# the two families of the streaming pass


class MDMDFamily:
    """Streaming-pass consumer (family ``mdmd``): MDMD's F at the micro and the macro k.

    k = round(0.4 s · fps) (micro) and round(1.3 s · fps) (macro) — the MEGC2020 baseline's 12 /
    39 at 30 fps and 80 / 260 at 200 fps — halved for short videos (:func:`mespot_nb.peaks.fit_k`).
    The macro curve is sampled at ``params.mdmd_macro_hz`` (10 Hz) and the micro curve at
    ``params.curve_hz`` (50 Hz: every frame at 30 fps, every 4th at 200 fps), interpolated.
    Arrays: ``mdmd_F_micro``, ``mdmd_F_macro`` (T,) float32 (pixels; NaN where undefined) and
    ``mdmd_k_micro``, ``mdmd_k_macro``.
    """

    family = "mdmd"
    produces = ("mdmd_F_micro", "mdmd_k_micro", "mdmd_F_macro", "mdmd_k_macro")
    history = 1

    def __init__(self, n_frames: int, fps: float, params, spec=None):
        from ..peaks import fit_k, mdmd_k

        hz = getattr(params, "mdmd_macro_hz", 0.0)
        stride = {"micro": curve_stride(fps, getattr(params, "curve_hz", 0.0)),
                  "macro": max(1, round(fps / hz)) if hz else 1}
        self.curves = {t: MDMDCurve(fps, fit_k(n_frames, mdmd_k(fps, t)), n_frames,
                                    flow=getattr(params, "curve_flow", "farneback"),
                                    orientation=getattr(params, "mdmd_orientation", "atan2"),
                                    crop=MDMD_CROP, margin=11, stride=stride[t])
                       for t in ("micro", "macro")}

    def push(self, k: int, buf, lms: np.ndarray) -> None:
        for c in self.curves.values():
            c.push(k, buf[-1], lms[k - 1])

    def arrays(self) -> dict[str, np.ndarray]:
        out = {}
        for t, c in self.curves.items():
            out[f"mdmd_F_{t}"] = c.finish()["F"].astype(np.float32)
            out[f"mdmd_k_{t}"] = np.int64(c.k)
        return out


class FlowPeakFamily:
    """Streaming-pass consumer (family ``flowpeak``): flow-peak's per-region motion curves.

    Arrays: ``flowpeak_curves`` (T, 5) float32 (pixels at inter-ocular 48; columns
    :data:`FLOW_PEAK_ROIS`), ``flowpeak_curve`` (T,) their maximum, ``flowpeak_nose`` (T,) the
    head's motion (the nose region's median flow magnitude, before it is subtracted),
    ``flowpeak_k``.
    """

    family = "flowpeak"
    produces = ("flowpeak_curves", "flowpeak_curve", "flowpeak_nose", "flowpeak_k")
    history = 1

    def __init__(self, n_frames: int, fps: float, params, spec=None):
        pair_distance(n_frames, fps, "flow-peak")
        self.c = FlowPeakCurves(fps, None, n_frames,
                                flow=getattr(params, "curve_flow", "farneback"),
                                stride=curve_stride(fps, getattr(params, "curve_hz", 0.0)))

    def push(self, k: int, buf, lms: np.ndarray) -> None:
        self.c.push(k, buf[-1], lms[k - 1])

    def arrays(self) -> dict[str, np.ndarray]:
        r = self.c.finish()
        return {"flowpeak_curves": r["curves"].astype(np.float32),
                "flowpeak_curve": r["curve"].astype(np.float32),
                "flowpeak_nose": r["nose"].astype(np.float32), "flowpeak_k": np.int64(r["k"])}
