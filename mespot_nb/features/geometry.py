"""The 67-dim geometric vector of seed 000 §3.3: 45 distance ratios and 22 deformations between a
window's onset (first) and apex (middle) frame, on landmarks mapped through the window's alignment.

Landmark indices in code are 0-based (the paper's P_k is index k − 1).
"""

from __future__ import annotations

import numpy as np

from ..errors import MespotError
from ..face import AlignSpec, alignment_matrix, apply_matrix
from .common import Consumer, FeatureParams, first_valid


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



def geometry_scores(geo: np.ndarray) -> dict[str, np.ndarray]:
    """Two per-window scalars of the geometric vectors (N, 67): the summed deformation of the
    22 points (pixels) and the largest |log ratio| of the 45 lines."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return {"deformation sum": np.nansum(geo[:, 45:], axis=1),
                "max |log ratio|": np.nanmax(np.abs(np.log(geo[:, :45])), axis=1)}


#: Feature groups of the 67-dim vector: name → (columns, unit).
GEOMETRY_GROUPS = {"brow–nose ratios": (slice(0, 30), "|ratio − 1|"),
                   "lip-loop ratios": (slice(30, 42), "|ratio − 1|"),
                   "mouth chords": (slice(42, 45), "|ratio − 1|"),
                   "brow points P18–P27": (slice(45, 55), "deformation (px)"),
                   "mouth points P49–P60": (slice(55, 67), "deformation (px)")}


def geometry_groups(geo: np.ndarray):
    """One scalar per feature group and window: the mean |ratio − 1| of a group of lines, the
    mean deformation (pixels, at the alignment's inter-ocular distance) of a group of points.

    Parameters
    ----------
    geo : (N, 67) geometric vectors (NaN rows allowed).

    Returns
    -------
    (N, 5) DataFrame, columns the keys of :data:`GEOMETRY_GROUPS`; ``.attrs["units"]`` maps
    each column to its unit.
    """
    import pandas as pd

    geo = np.asarray(geo, np.float64)
    if geo.ndim != 2 or geo.shape[1] != 67:
        raise MespotError(f"geometry_groups needs (N, 67) geometric vectors; got {geo.shape}")
    out = {}
    for name, (cols, unit) in GEOMETRY_GROUPS.items():
        v = geo[:, cols]
        out[name] = np.abs(v - 1).mean(1) if unit.startswith("|ratio") else v.mean(1)
    df = pd.DataFrame(out)
    df.attrs["units"] = {n: u for n, (_, u) in GEOMETRY_GROUPS.items()}
    return df


def landmark_steps(landmarks: np.ndarray, points: dict[str, int], ref: int = 30,
                   inside: np.ndarray | None = None):
    """How quantised landmark traces are, and how far they move inside chosen frames.

    Each trace is point y − reference y (pixels, default the nose tip P31), minus its median.

    Parameters
    ----------
    landmarks : (T, 68, 2) pixels, NaN where there is no face.
    points : label → 0-based landmark index.
    ref : the reference landmark (0-based).
    inside : (T,) bool, e.g. frames inside micro-expressions; None for none.

    Returns
    -------
    DataFrame, one row per point: ``steps`` (frame-to-frame steps between faces), ``zero``
    and ``one`` (fractions of steps exactly 0 and exactly ±1 px), ``p95_outside`` (95th
    percentile of |trace| outside ``inside``), ``max_inside`` (largest |trace| inside; NaN
    when nothing is inside).
    """
    import pandas as pd

    lm = np.asarray(landmarks, np.float64)
    if lm.ndim != 3 or lm.shape[1:] != (68, 2):
        raise MespotError(f"landmark_steps needs (T, 68, 2) landmarks; got {lm.shape}")
    inside = np.zeros(len(lm), bool) if inside is None else np.asarray(inside, bool)
    if inside.shape != (len(lm),):
        raise MespotError(f"landmark_steps: inside has shape {inside.shape}, need ({len(lm)},)")
    rows = {}
    for label, i in points.items():
        y = lm[:, i, 1] - lm[:, ref, 1]
        y = y - np.nanmedian(y)
        d = np.diff(y)
        d = d[np.isfinite(d)]
        ok = np.isfinite(y)
        rows[label] = dict(
            steps=len(d), zero=float(np.mean(np.abs(d) < 1e-6)) if len(d) else np.nan,
            one=float(np.mean(np.abs(np.abs(d) - 1) < 1e-6)) if len(d) else np.nan,
            p95_outside=float(np.percentile(np.abs(y[ok & ~inside]), 95))
            if (ok & ~inside).any() else np.nan,
            max_inside=float(np.abs(y[ok & inside]).max()) if (ok & inside).any() else np.nan)
    return pd.DataFrame.from_dict(rows, orient="index")


class Geometry(Consumer):
    """Streaming consumer: the geometric vector of every DynGeoNet window (landmarks only).

    Array ``geo`` (N, 67) float32, NaN rows where the window has no face to align to or a
    landmark of its onset or apex frame is missing.
    """

    family = "geometry"
    produces = ("geo",)
    history = 1

    def __init__(self, n_frames: int, fps: float, params: FeatureParams,
                 spec: AlignSpec = AlignSpec()):
        self.L, stride = params.dg_window(fps)
        self.starts = np.arange(1, n_frames - self.L + 2, stride)
        self.end = {int(s + self.L - 1): i for i, s in enumerate(self.starts)}
        self.geo = np.full((len(self.starts), 67), np.nan, np.float32)
        self.spec = spec

    def push(self, k: int, buf, lms: np.ndarray) -> None:
        i = self.end.get(k)
        if i is None:
            return
        s = int(self.starts[i])
        ref = first_valid(lms, s - 1, s - 1 + self.L)
        if ref is None:
            return
        M = alignment_matrix(lms[ref].astype(np.float64), self.spec)
        on = apply_matrix(M, lms[s - 1].astype(np.float64))
        ap = apply_matrix(M, lms[s - 1 + self.L // 2].astype(np.float64))
        self.geo[i] = geometric_features(on, ap)

    def arrays(self) -> dict[str, np.ndarray]:
        return dict(geo=self.geo)
