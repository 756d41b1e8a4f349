"""Per-frame curves → spotted intervals, for the two training-free spotters.

Both spotters turn a video into one number per frame (a *curve*, shape (T,), NaN where the face
is missing or the frame is too close to either end) and then into intervals:

* **MDMD** (Wang et al., Neurocomputing 2017, as the MEGC2020 baseline ran it — He et al.,
  FG 2020): the MDMD feature F is contrasted against its neighbours (:func:`contrast`), frames
  whose contrast exceeds a relative threshold (:func:`relative_threshold`) are positive, and runs
  of positive frames whose length passes a filter are the intervals (:func:`mdmd_intervals`).
  Settings are in :data:`MDMD_SETTINGS` (seconds) with :func:`mdmd_k` /
  :func:`mdmd_length_filter` converting to frames.
* **flow-peak**: peaks of a smoothed motion curve, each widened to the frames where the curve
  stays above half its height over a local baseline (:func:`peak_intervals`).

Array indices here are 0-based (row i is frame i + 1); every frame number in a returned table is
1-based and inclusive, as users see them.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import MespotError
from .intervals import runs as _runs

if TYPE_CHECKING:  # imported where used: `mespot landmarks` never loads pandas
    import pandas as pd

__all__ = [
    "FLOW_PEAK_MIN_PX",
    "MDMD_SETTINGS",
    "contrast",
    "fit_k",
    "mdmd_intervals",
    "mdmd_k",
    "mdmd_length_filter",
    "peak_intervals",
    "relative_threshold",
    "runs",
    "smooth_curve",
]

# ----------------------------------------------------------------------------------------------
# settings

#: MDMD settings of the MEGC2020 baseline (He et al., FG 2020), in seconds so that any frame rate
#: can use them.
#:
#: * ``p`` — the relative threshold's fraction (0.01 in the baseline).
#: * ``k_s`` — the head/tail distance k in seconds: the baseline's k = 12 (micro) and 39 (macro)
#:   at 30 fps (CAS(ME)²) and 80 and 260 at 200 fps (SAMM-LV) are exactly 0.4 s and 1.3 s.
#: * ``published`` — the baseline's frame values per dataset style (``casme2``: 30 fps,
#:   ``samm``: 200 fps): k and the interval-length filters (frames, inclusive; None = open).
#: * ``length_s`` — the same length filters in seconds, placed half a frame outside the
#:   published frame counts so that they reproduce them exactly at the dataset's own rate:
#:   ``micro_min`` = (7 − ½)/30 s and (47 − ½)/200 s, ``boundary`` (longest micro / shortest
#:   macro) = (16 + ½)/30 s and (105 + ½)/200 s. See :func:`mdmd_length_filter`.
MDMD_SETTINGS: dict[str, Any] = {
    "p": 0.01,
    "k_s": {"micro": 0.4, "macro": 1.3},
    "published": {
        "casme2": {"fps": 30, "k": {"micro": 12, "macro": 39},
                   "length": {"micro": (7, 16), "macro": (17, None)}},
        "samm": {"fps": 200, "k": {"micro": 80, "macro": 260},
                 "length": {"micro": (47, 105), "macro": (106, None)}},
    },
    "length_s": {
        "casme2": {"micro_min": 6.5 / 30, "boundary": 16.5 / 30},
        "samm": {"micro_min": 46.5 / 200, "boundary": 105.5 / 200},
    },
}

#: Default absolute floor (pixels) of a flow-peak detection: a peak of a
#: :class:`~mespot_nb.features.curves.FlowPeakCurves` curve (mean flow magnitude in a crop with a
#: 48-pixel inter-ocular distance, nose motion removed) must reach it besides the relative
#: threshold. A relative threshold alone always fires on a still face (the largest noise wiggle
#: is above mean + p·(max − mean) for any p < 1); this floor is what says "nothing moved".
FLOW_PEAK_MIN_PX = 0.3

_TYPES = ("micro", "macro")
_STYLES = ("casme2", "samm")


def _check_type(type: str) -> None:
    if type not in _TYPES:
        raise MespotError(f"expression type {type!r}: use 'micro' or 'macro'")


def check_fps(fps: float, where: str = "") -> float:
    """``fps`` as a float, refused unless it is a finite positive frame rate.

    Parameters
    ----------
    fps : the frame rate (frames per second).
    where : the video it belongs to, named in the message (and ``--fps`` with it); "" for none.

    Returns
    -------
    float(fps).
    """
    f = float(fps)
    if not (np.isfinite(f) and f > 0):
        raise MespotError((f"{where}: frame rate {f:g} (--fps)" if where else f"frame rate {f:g}")
                          + ": give a positive number of frames per second"
                          + (", or leave --fps out to use the video file's own" if where else ""))
    return f


def _check_style(style: str | None) -> None:
    if style is not None and style not in _STYLES:
        raise MespotError(f"dataset_style {style!r}: use 'casme2', 'samm' or None")


def _style_for(fps: float, style: str | None) -> str:
    """``style`` if given, else the style whose published rate is ``fps``, else ``casme2``."""
    if style:
        return style
    for name in _STYLES:
        if abs(fps - MDMD_SETTINGS["published"][name]["fps"]) < 1e-6:
            return name
    return "casme2"


def mdmd_k(fps: float, type: str, dataset_style: str | None = None) -> int:
    """MDMD's head/tail distance k in frames.

    Parameters
    ----------
    fps : frames per second of the video.
    type : ``"micro"`` or ``"macro"``.
    dataset_style : ``"casme2"``, ``"samm"`` or None. Accepted for symmetry with
        :func:`mdmd_length_filter`; both datasets' published k are the same in seconds.

    Returns
    -------
    int ≥ 1 — ``round(0.4 s · fps)`` for micro, ``round(1.3 s · fps)`` for macro: the published
    12 / 39 at 30 fps and 80 / 260 at 200 fps, and the same durations at any other rate.
    Halve it for short videos with :func:`fit_k`.
    """
    fps = check_fps(fps)
    _check_type(type)
    _check_style(dataset_style)
    return max(1, round(MDMD_SETTINGS["k_s"][type] * fps))


def mdmd_length_filter(fps: float, type: str, dataset_style: str | None = None
                       ) -> tuple[int, int | None]:
    """MDMD's interval-length filter (min_frames, max_frames), inclusive; None = no upper bound.

    Parameters
    ----------
    fps : frames per second.
    type : ``"micro"`` or ``"macro"``.
    dataset_style : ``"casme2"`` or ``"samm"``; None = the style whose published rate is
        ``fps`` (30 → casme2, 200 → samm), CAS(ME)²'s at any other rate.

    Returns
    -------
    (min_frames, max_frames). With the style's seconds (:data:`MDMD_SETTINGS` ``length_s``):
    micro = [ceil(micro_min · fps), floor(boundary · fps)], macro = [that max + 1, None] — so
    micro and macro always meet without a gap or an overlap, and the published values come back
    exactly at the dataset's own rate: micro 7–16 / macro ≥ 17 at 30 fps (CAS(ME)²), micro
    47–105 / macro ≥ 106 at 200 fps (SAMM-LV). At 100 fps with CAS(ME)² seconds: micro 22–55,
    macro ≥ 56.
    """
    fps = check_fps(fps)
    _check_type(type)
    _check_style(dataset_style)
    sec = MDMD_SETTINGS["length_s"][_style_for(fps, dataset_style)]
    lo = max(1, math.ceil(sec["micro_min"] * fps - 1e-9))
    hi = max(lo, math.floor(sec["boundary"] * fps + 1e-9))
    return (lo, hi) if type == "micro" else (hi + 1, None)


def fit_k(n_frames: int, k: int) -> int:
    """The first k' of k, round(k/2), round(round(k/2)/2), … for which MDMD fits a video of
    ``n_frames``.

    MDMD has a value only for frames k + 1 … n − k; the baseline requires that span
    (n − 2k frames) to be at least 4k frames long, i.e. n ≥ 6k. When it is not, k is halved
    as the MEGC2020 baseline's ``cmd.m`` does, ``k = round(k/2)`` with MATLAB's round (halves
    away from zero: 39 → 20, not 19), until it fits.

    Raises
    ------
    MespotError
        when even k = 1 does not fit (the video has fewer than 6 frames).
    """
    n, k = int(n_frames), int(k)
    if k < 1:
        raise MespotError(f"MDMD k must be ≥ 1 frame, got k={k}")
    while n - 2 * k < 4 * k:
        if k == 1:
            raise MespotError(f"video of {n} frames is too short for MDMD: it needs at least 6 "
                              "frames (n − 2k ≥ 4k with k = 1); spot a longer clip")
        k = (k + 1) // 2          # MATLAB round(k/2) for k ≥ 1: half away from zero
    return k


# ----------------------------------------------------------------------------------------------
# MDMD: contrast, threshold, runs


def contrast(F: np.ndarray, m: int) -> np.ndarray:
    """Contrast of a per-frame curve against its neighbours m frames away.

    C_i = F_i − ½ (F_{i−m} + F_{i+m}). It removes slow trends (a drifting head, lighting) and
    keeps short bumps; MDMD uses m = k − 1.

    Parameters
    ----------
    F : (T,) float, the curve (any unit; C has the same unit).
    m : int ≥ 0, frames.

    Returns
    -------
    (T,) float64 — NaN where i − m < 0 or i + m ≥ T, or where any of the three terms is NaN.
    m = 0 gives zeros (NaN where F is NaN).
    """
    F = np.asarray(F, np.float64)
    if F.ndim != 1:
        raise MespotError(f"contrast needs a 1-D per-frame curve, got shape {F.shape}")
    m = int(m)
    if m < 0:
        raise MespotError(f"contrast distance m must be ≥ 0 frames, got m={m}")
    C = np.full(F.shape, np.nan)
    T = len(F)
    if T - 2 * m > 0:
        C[m:T - m] = F[m:T - m] - 0.5 * (F[:T - 2 * m] + F[2 * m:])
    return C


def relative_threshold(C: np.ndarray, p: float, centre: str = "mean") -> float:
    """The baseline's threshold T = mean(C) + p · (max(C) − mean(C)) over the finite values.

    Parameters
    ----------
    C : (T,) float curve; NaN and ±inf are ignored.
    p : fraction in (0, 1), exclusive (0.01 in the MEGC2020 baseline).
    centre : ``"mean"`` (the baseline's) or ``"median"``: T = median(C) + p · (max(C) −
        median(C)), for a curve whose mean a few large real movements inflate (regflow's
        robust z on a clip of a few seconds).

    Returns
    -------
    float — NaN when C has no finite value (nothing can be spotted).
    """
    p = float(p)
    if not (0.0 < p < 1.0):
        raise MespotError(f"threshold fraction p must be in (0, 1) exclusive, got p={p}; "
                          "the MEGC2020 baseline uses p=0.01")
    C = np.asarray(C, np.float64)
    fin = C[np.isfinite(C)]
    if fin.size == 0:
        return float("nan")
    if centre not in ("mean", "median"):
        raise MespotError(f"threshold centre {centre!r}: use mean or median")
    c = float(fin.mean() if centre == "mean" else np.median(fin))
    return c + p * (float(fin.max()) - c)


def runs(mask: np.ndarray) -> np.ndarray:
    """Runs of consecutive True values.

    Parameters
    ----------
    mask : (T,) bool.

    Returns
    -------
    (n_runs, 2) int64 — 0-based (first, last) index of each run, inclusive, in order.
    """
    return np.array(_runs(mask), dtype=np.int64).reshape(-1, 2)


def _empty(columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    dtypes = {"onset": "int64", "offset": "int64", "apex": "int64", "type": "object",
              "score": "float64"}
    return pd.DataFrame({c: pd.Series(dtype=dtypes[c]) for c in columns})


def mdmd_intervals(C: np.ndarray, p: float, min_frames: int | None = None,
                   max_frames: int | None = None) -> pd.DataFrame:
    """MDMD's intervals: runs of frames whose contrast exceeds the relative threshold.

    Parameters
    ----------
    C : (T,) contrast curve (:func:`contrast`); row i is frame i + 1.
    p : threshold fraction in (0, 1) (:func:`relative_threshold`).
    min_frames, max_frames : keep runs whose length in frames lies in [min_frames, max_frames]
        (inclusive; None = open). See :func:`mdmd_length_filter`.

    Returns
    -------
    DataFrame with columns ``onset, offset`` (int, 1-based inclusive frame numbers) and
    ``score`` (float: the run's largest C divided by the largest finite C of the video, so the
    strongest interval scores 1; when that maximum is ≤ 0 the run's raw maximum is given).
    A frame is positive when C_i > T; a NaN frame is never positive, so an interval never spans
    a face loss or the video's ends. Empty when C has no finite value.
    """
    import pandas as pd

    C = np.asarray(C, np.float64)
    for name, v in (("min_frames", min_frames), ("max_frames", max_frames)):
        if v is not None and int(v) < 1:
            raise MespotError(f"{name} must be ≥ 1 frame or None, got {v}")
    if min_frames is not None and max_frames is not None and int(min_frames) > int(max_frames):
        raise MespotError(f"min_frames={min_frames} exceeds max_frames={max_frames}: no interval "
                          "could pass the length filter")
    thr = relative_threshold(C, p)
    cols = ["onset", "offset", "score"]
    if not np.isfinite(thr):
        return _empty(cols)
    with np.errstate(invalid="ignore"):
        pos = np.isfinite(C) & (C > thr)
    top = float(np.nanmax(C[np.isfinite(C)]))
    rows = []
    for a, b in runs(pos):
        n = b - a + 1
        if (min_frames is not None and n < int(min_frames)) or \
                (max_frames is not None and n > int(max_frames)):
            continue
        best = float(C[a:b + 1].max())
        rows.append((int(a) + 1, int(b) + 1, best / top if top > 0 else best))
    if not rows:
        return _empty(cols)
    return pd.DataFrame(rows, columns=cols)


# ----------------------------------------------------------------------------------------------
# flow-peak


def smooth_curve(curve: np.ndarray, width: int) -> np.ndarray:
    """Centred moving average over ``width`` frames that respects NaN.

    Each finite frame becomes the mean of the finite values among the ``width`` frames centred on
    it (width is made odd by adding 1 if needed); NaN frames stay NaN, so a face loss neither
    spreads nor is bridged. width ≤ 1 returns a float copy.
    """
    x = np.asarray(curve, np.float64).copy()
    w = int(width)
    if w <= 1 or x.size == 0:
        return x
    h = w // 2
    ok = np.isfinite(x)
    val = np.where(ok, x, 0.0)
    cs = np.concatenate([[0.0], np.cumsum(val)])
    cn = np.concatenate([[0], np.cumsum(ok)])
    i = np.arange(len(x))
    lo, hi = np.clip(i - h, 0, len(x)), np.clip(i + h + 1, 0, len(x))
    n = cn[hi] - cn[lo]
    out = np.where(n > 0, (cs[hi] - cs[lo]) / np.maximum(n, 1), np.nan)
    out[~ok] = np.nan
    return out


def peak_intervals(curve: np.ndarray, fps: float, p: float, min_distance: int,
                   smooth: int | None = None, min_height: float = FLOW_PEAK_MIN_PX,
                   baseline_s: float = 1.0, level: float = 0.5, max_micro_s: float = 0.5,
                   merge_gap_s: float = 0.0) -> pd.DataFrame:
    """Flow-peak intervals: peaks of a smoothed motion curve, widened to their half-height span.

    Steps (all on the smoothed curve S, see :func:`smooth_curve`):

    1. Peaks: ``scipy.signal.find_peaks`` with height = max(:func:`relative_threshold` (S, p),
       ``min_height``) and distance = ``min_distance`` frames (of two peaks closer than that the
       higher is kept). NaN frames cannot be peaks.
    2. Baseline b of each peak: the median of S's finite values within ± ``baseline_s`` seconds
       of it (the still face's level around the event; local so that slow drift does not matter).
    3. Onset / offset: walk left / right from the peak while S ≥ b + ``level`` · (S_peak − b);
       the onset and offset are the last frames walked onto. The walk stops before a NaN frame,
       so an interval never spans a face loss.
    4. Intervals that overlap (two peaks on one bump), or lie at most ``merge_gap_s`` seconds
       apart (an expression's onset and offset phases are two bumps of a flow between frames k
       apart, with the apex's stillness between them), are merged: their union, the higher
       peak's apex and score.
    5. Type: ``micro`` when the duration (offset − onset + 1) / fps ≤ ``max_micro_s``, else
       ``macro``.

    Parameters
    ----------
    curve : (T,) float motion curve (e.g. :class:`~mespot_nb.features.curves.FlowPeakCurves`'
        ``curve``, pixels); row i is frame i + 1; NaN where unknown.
    fps : frames per second.
    p : relative threshold fraction in (0, 1).
    min_distance : int ≥ 1, the least distance between two peaks in frames.
    smooth : moving-average width in frames; None = odd number nearest 0.15 s · fps (5 at
        30 fps, 31 at 200 fps) — enough to join the onset and offset halves of one event.
    min_height : absolute floor of a peak, in the curve's unit (:data:`FLOW_PEAK_MIN_PX`
        pixels by default; 0 disables it).
    baseline_s, level, max_micro_s : see the steps above.

    Returns
    -------
    DataFrame with ``onset, offset, apex`` (int, 1-based inclusive frame numbers), ``type``
    (``micro``/``macro``) and ``score`` (S at the apex divided by the largest finite S), one row
    per interval in time order. Empty when nothing passes.
    """
    import pandas as pd

    fps = check_fps(fps)
    if int(min_distance) < 1:
        raise MespotError(f"min_distance must be ≥ 1 frame, got {min_distance}")
    if not (0.0 < float(level) < 1.0):
        raise MespotError(f"level must be in (0, 1) exclusive, got level={level}")
    if smooth is None:
        smooth = round(0.15 * fps)
        smooth += 1 - smooth % 2
    S = smooth_curve(curve, smooth)
    thr = relative_threshold(S, p)
    cols = ["onset", "offset", "apex", "type", "score"]
    if not np.isfinite(thr):
        return _empty(cols)
    ok = np.isfinite(S)
    top = float(S[ok].max())
    filled = np.where(ok, S, float(S[ok].min()) - 1.0)
    height = max(thr, float(min_height))
    from scipy.signal import find_peaks  # here: scipy.signal costs ~1 s to import, which
    # every `mespot` command would pay (the parser lists the methods)

    peaks, _ = find_peaks(filled, height=height, distance=int(min_distance))
    half = max(1, round(baseline_s * fps))
    found: list[list[Any]] = []
    for pk in peaks:
        lo, hi = max(0, pk - half), min(len(S), pk + half + 1)
        win = S[lo:hi]
        base = float(np.median(win[np.isfinite(win)]))
        cut = base + level * (S[pk] - base)
        a = pk
        while a - 1 >= 0 and ok[a - 1] and S[a - 1] >= cut:
            a -= 1
        b = pk
        while b + 1 < len(S) and ok[b + 1] and S[b + 1] >= cut:
            b += 1
        found.append([a, b, int(pk), float(S[pk])])
    found.sort()
    merged: list[list[Any]] = []
    gap = int(round(float(merge_gap_s) * fps))
    for a, b, pk, v in found:
        if merged and a <= merged[-1][1] + 1 + gap and not (~ok[merged[-1][1]:a]).any():
            last = merged[-1]
            last[1] = max(last[1], b)
            if v > last[3]:
                last[2], last[3] = pk, v
        else:
            merged.append([a, b, pk, v])
    if not merged:
        return _empty(cols)
    rows = [(a + 1, b + 1, pk + 1, "micro" if (b - a + 1) / fps <= max_micro_s else "macro",
             v / top if top > 0 else v) for a, b, pk, v in merged]
    return pd.DataFrame(rows, columns=cols)
