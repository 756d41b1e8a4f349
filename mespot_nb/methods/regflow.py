"""regflow — a training-free spotter for people who talk and move their heads, designed in this
kit (registered flow, local contrast, speech gating).

Flow-peak works on a calm face and fails as soon as the person talks or turns the head (issue
20's table). regflow changes three things:

* **Head motion** is removed by registration, not by subtracting the nose's translation: each
  compared pair is aligned by the similarity transform of its rigid landmarks, and the similarity
  field of the nose's flow is subtracted (:mod:`mespot_nb.features.regflow`).
* **Local contrast.** Each landmark group's coherent motion m_g(t) (smoothed over
  ``smooth_s``) is compared with its own surroundings: E_g = m_g − median over ± ``window_s``,
  Z_g = E_g / max(1.4826 · MAD over ± ``window_s``, ``noise_floor`` px). A micro-expression is
  one brief rise and fall above the group's recent motion; a group that has been moving for
  seconds (a talking mouth) sets its own, higher, bar.
* **Speech.** Speech moves the lips at 2–7 Hz for seconds. Its rate is the inner lips' travel
  (|Δ aperture| per second, in inter-ocular distances, averaged over ``speech_window_s``);
  where it exceeds ``speech_rate`` the person is talking, and the mouth groups' Z is weighted by
  ``speech_weight`` — so a brow event, or a mouth event much larger than the speech around it,
  is still found.

Micro-expressions are the peaks of max_g Z_g at least ``min_distance_s`` apart above
max(median + p·(max − median), ``z_min``) — the median, not MDMD's mean: on a clip of a few
seconds, two or three large real movements (Z of 20–30) lift the mean of Z above the
micro-expressions' peaks — each widened to the frames where the score stays above
``level`` × its peak (at most ``max_width_s``, at least ``min_width_s``).
Macro-expressions (a rise that lasts) are flow-peak's intervals (:func:`peak_intervals`) of the
registered region motion that last longer than ``max_micro_s``. Defaults were chosen on the
demo (subjects 101, 103, 104, 105) and the two Pexels clips (WolfgangLanger_Pexels,
pexels_3063839_expressions) with added expressions; README "Real people" says which clips tuning
never chose by. The threshold is low on purpose (``z_min`` 1.5): on footage where the person
moves as much as a micro-expression does, recall costs false intervals, and the issue's bar is
recall ≥ 0.5 with F1 ≥ 0.2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..features.common import register_family
from ..features.regflow import RegFlowFamily
from ..peaks import FLOW_PEAK_MIN_PX, peak_intervals, relative_threshold, smooth_curve
from .base import Method, TrainingFree, curve_windows

if TYPE_CHECKING:
    import pandas as pd

register_family(RegFlowFamily)

DEFAULTS = {"p": 0.02, "z_min": 1.5, "noise_floor": 0.1, "window_s": 1.0, "smooth_s": 0.12,
            "speech_rate": 0.5, "speech_window_s": 1.0, "speech_weight": 0.3,
            "min_distance_s": 0.3, "level": 0.2, "min_width_s": 0.28, "max_width_s": 0.6,
            "max_micro_s": 0.5,
            "macro_p": 0.2, "macro_min_px": FLOW_PEAK_MIN_PX, "macro_smooth_s": 0.2,
            "macro_merge_gap_s": 0.2}
P_GRID = (0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
#: Columns of ``regflow_groups`` that are the mouth's (weighted while talking).
MOUTH_GROUPS = slice(2, 6)


def _rolling(x: np.ndarray, half: int, fn) -> np.ndarray:
    """``fn`` (nanmedian, nanmean) over the 2·half + 1 frames centred on each frame (T,)."""
    import warnings

    from numpy.lib.stride_tricks import sliding_window_view

    w = sliding_window_view(np.pad(np.asarray(x, np.float64), half, constant_values=np.nan),
                            2 * half + 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)   # all-NaN windows stay NaN
        return fn(w, axis=1)


def speech_rate(aperture: np.ndarray, fps: float, window_s: float = 1.0) -> np.ndarray:
    """Lip travel per second (T,): |Δ aperture| · fps averaged over ``window_s`` (inter-ocular
    distances per second; NaN where the face is missing throughout the window)."""
    a = np.asarray(aperture, np.float64)
    step = np.abs(np.diff(a, prepend=a[:1])) * float(fps)
    return _rolling(step, max(1, int(round(window_s * fps / 2))), np.nanmean)


def contrast(f, settings: dict | None = None) -> dict[str, np.ndarray]:
    """regflow's curves of one video.

    Returns
    -------
    dict: ``z`` (T, 6) each group's local contrast (speech-weighted), ``score`` (T,) their
    maximum (NaN where no group has a value), ``talking`` (T,) bool, ``speech`` (T,) the rate.
    """
    s = {**DEFAULTS, **(settings or {})}
    fps = float(f.fps)
    mag = np.linalg.norm(np.asarray(f.regflow_groups, np.float64), axis=2)
    sm = int(round(s["smooth_s"] * fps))
    S = np.stack([smooth_curve(mag[:, g], sm + 1 - sm % 2) for g in range(mag.shape[1])], 1)
    half = max(1, int(round(s["window_s"] * fps)))
    base = np.stack([_rolling(S[:, g], half, np.nanmedian) for g in range(S.shape[1])], 1)
    spread = np.stack([_rolling(np.abs(S[:, g] - base[:, g]), half, np.nanmedian)
                       for g in range(S.shape[1])], 1) * 1.4826
    Z = (S - base) / np.maximum(spread, s["noise_floor"])
    rate = speech_rate(f.regflow_aperture, fps, s["speech_window_s"])
    talking = np.nan_to_num(rate) > s["speech_rate"]
    Z[talking, MOUTH_GROUPS] *= s["speech_weight"]
    ok = np.isfinite(Z).any(axis=1)
    score = np.full(len(Z), np.nan)
    score[ok] = np.nanmax(Z[ok], axis=1)
    return {"z": Z, "score": score, "talking": talking, "speech": rate}


COLUMNS = ["onset", "offset", "score", "type"]


def micro_peaks(score: np.ndarray, fps: float, p: float, z_min: float,
                min_distance_s: float) -> np.ndarray | None:
    """Frame indices (0-based) of the peaks of ``score`` (T,) at least ``min_distance_s`` apart
    above max(median + p·(max − median), ``z_min``); None when the curve has no finite value. A
    frame without a face (NaN) is never a peak."""
    from scipy.signal import find_peaks

    thr = peak_threshold(score, p, z_min)
    if not np.isfinite(thr):
        return None
    peaks, _ = find_peaks(np.nan_to_num(score, nan=-1e9), height=thr,
                          distance=max(1, int(round(min_distance_s * fps))))
    return peaks


def peak_threshold(score: np.ndarray, p: float, z_min: float) -> float:
    """The height a micro-expression's peak of ``score`` (T,) must pass: max(median +
    p·(max − median), ``z_min``); NaN when the curve has no finite value."""
    thr = relative_threshold(score, p, centre="median")
    return max(thr, z_min) if np.isfinite(thr) else float("nan")


def join_intervals(parts: list) -> pd.DataFrame:
    """One spotter's micro and macro rows in one table, by onset (``onset, offset, score,
    type``)."""
    import pandas as pd

    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS)
    return out.sort_values("onset", kind="stable").reset_index(drop=True).astype(
        {"onset": int, "offset": int, "score": float})


def _micro(score: np.ndarray, fps: float, p: float, s: dict) -> pd.DataFrame:
    import pandas as pd

    peaks = micro_peaks(score, fps, p, s["z_min"], s["min_distance_s"])
    if peaks is None:
        return pd.DataFrame(columns=COLUMNS)
    lo_w = max(1, int(round(s["min_width_s"] * fps)))
    reach = max(1, int(round(s["max_width_s"] * fps / 2)))
    ok = np.isfinite(score)
    top = float(np.nanmax(score))
    rows = []
    for pk in peaks:     # widen to where the score stays above `level` of the peak's
        cut = s["level"] * score[pk]
        a = pk
        while a - 1 >= 0 and ok[a - 1] and score[a - 1] >= cut and pk - a < reach:
            a -= 1
        b = pk
        while b + 1 < len(score) and ok[b + 1] and score[b + 1] >= cut and b - pk < reach:
            b += 1
        if b - a + 1 < lo_w:
            c = (a + b) // 2
            a, b = c - lo_w // 2, c - lo_w // 2 + lo_w - 1
        rows.append((max(1, a + 1), min(len(score), b + 1), float(score[pk]) / top, "micro"))
    return pd.DataFrame(rows, columns=COLUMNS)


def macro_intervals(f, s: dict) -> pd.DataFrame:
    """regflow's macro-expressions: flow-peak's intervals (:func:`peak_intervals`) of the
    registered region motion that last longer than ``s["max_micro_s"]`` (rows onset, offset,
    score, type)."""
    fps = float(f.fps)
    with np.errstate(all="ignore"):
        reg = np.asarray(f.regflow_regions, np.float64)
        ok = np.isfinite(reg).any(axis=1)
        curve = np.full(len(reg), np.nan)
        curve[ok] = np.nanmax(reg[ok], axis=1)
    sm = int(round(s["macro_smooth_s"] * fps))
    iv = peak_intervals(curve, fps, s["macro_p"], max(1, int(round(s["min_distance_s"] * fps))),
                        smooth=sm + 1 - sm % 2, min_height=s["macro_min_px"],
                        max_micro_s=s["max_micro_s"], merge_gap_s=s["macro_merge_gap_s"])
    return iv[iv["type"] == "macro"][["onset", "offset", "score", "type"]]


def spot(f, p: float, settings: dict) -> pd.DataFrame:
    """regflow's intervals of one video; rows ``onset, offset, score, type`` (both types unless
    ``settings["types"]`` says otherwise)."""
    s = {**DEFAULTS, **settings}
    types = s.get("types", ("micro", "macro"))
    parts = []
    if "micro" in types:
        parts.append(_micro(contrast(f, s)["score"], float(f.fps), p, s))
    if "macro" in types:
        parts.append(macro_intervals(f, s))
    return join_intervals(parts)


def score_curve(f) -> np.ndarray:
    """The curve regflow's micro-expressions are peaks of (T,): the landmark groups' largest
    speech-weighted local contrast Z (robust standard deviations; NaN without a face)."""
    return contrast(f)["score"]


def frame_scores(f, settings: dict | None = None) -> pd.DataFrame:
    """The contrast score of every frame as a 0.35 s window centred on it (for ROC and
    timelines), with ``settings`` over :data:`DEFAULTS` (``mespot spot --set``)."""
    z = np.clip(np.nan_to_num(contrast(f, settings)["score"]), 0, None)
    return curve_windows(z, max(1, int(round(0.175 * f.fps))))


REGFLOW = Method(
    name="regflow", title="regflow", source="this kit (registered flow, local contrast, speech "
    "gating)", window="frame", label="cov_pos", families=("regflow",),
    spot={"select_protocol": "megc2020", "select_type": "overall"},
    free=TrainingFree(spot=spot, frame_scores=frame_scores, grid=P_GRID, default=DEFAULTS["p"],
                      curve=score_curve, curve_label="local contrast (robust z)",
                      curve_arrays=("regflow_groups", "regflow_aperture"),
                      settings=(("z_min", 0.0, 50.0), ("speech_weight", 0.0, 1.0),
                                ("speech_rate", 0.0, 10.0), ("min_distance_s", 0.05, 2.0))),
    types=("micro", "macro"), references=("farneback2003",))
