"""aumatch's second stage, and the method's settings: from each action-unit template's robust z
(:func:`.aumatch.bumps`) to micro-expression intervals — each facial region's peaks above its
bars (:func:`region_bars`, :func:`region_threshold`), twins merged (:func:`merge_twins`), each
an interval of ``width_s`` around its peak or its region's centroid (:func:`centre`) — and
:data:`DEFAULTS`, the settings of both stages. :mod:`mespot_nb.methods.aumatch` holds the first
stage (the curves), the method's record and its history, and names this module's functions too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..features.aumatch import TEMPLATES
from .regflow import DEFAULTS as REGFLOW_DEFAULTS
from .regflow import COLUMNS, peak_threshold

if TYPE_CHECKING:
    import pandas as pd

#: regflow's macro-expression settings, which aumatch's macro intervals use as they are
_MACRO_KEYS = ("max_micro_s", "macro_p", "macro_min_px", "macro_smooth_s", "macro_merge_gap_s")
#: The facial regions whose peaks are found apart (:func:`region_peaks`): the templates of
#: :data:`~mespot_nb.features.aumatch.TEMPLATES` that move the brows, and those that move the
#: mouth.
REGIONS = {"brows": ("AU1+AU2", "AU4"), "mouth": ("AU12", "AU14", "AU15", "AU10")}
if sorted(n for names in REGIONS.values() for n in names) != sorted(TEMPLATES):
    raise ImportError("aumatch.REGIONS must hold every template of features.aumatch.TEMPLATES "
                      "once: a template outside the regions would never be spotted")
DEFAULTS = {"p": 0.02, "z_min": 2.25, "noise_s": 4.0, "floor": 0.02, "min_distance_s": 0.3,
            "width_s": 0.36,
            # of two peaks (of the two regions) at most round(``merge_s`` · fps) frames apart
            # only the higher is kept (:func:`merge_twins`; 0: none merged; the sixth round, 0.15
            # since the thirteenth)
            "merge_s": 0.15,
            # each lag's amplitudes are averaged over ``smooth_s`` (0: not at all;
            # :func:`.aumatch.bumps`)
            "smooth_s": 0.1,
            # blinks (:func:`.aumatch.blinks`): the brows' z is weighted by ``blink_weight``
            # around one
            "blink_ratio": 0.75, "blink_median_s": 1.0, "blink_pad_s": 0.15, "blink_weight": 1.0,
            # talking (:func:`.aumatch.talking`, regflow's speech rate over ``talk_rate``, a
            # lower bar than regflow's own 0.5 since the twelfth round): the mouth's z is
            # weighted by ``talk_weight`` while the person talks, ``loo_talk_max`` reads the
            # share, and ``region_talk`` the frames
            "talk_rate": 0.35,
            "talk_window_s": REGFLOW_DEFAULTS["speech_window_s"], "talk_weight": 1.0,
            # how a template's z is taken over the lags (:func:`.aumatch.bumps`): their
            # ``lag_q`` quantile (1: the largest, as before the ninth round; 0.5: the median,
            # which one lag's chance match — a baseline frame on the rhythm of speech or on a
            # jittered landmark — cannot pass alone), and ``talk_lag_q`` while the person talks
            "lag_q": 0.5, "talk_lag_q": 0.5,
            # each region's own bar (:func:`region_threshold`): at least the ``region_q``
            # quantile of the heights of all its peaks, capped at ``region_cap`` (0: none, one
            # bar for both regions as before the tenth round)
            "region_q": 0.85, "region_cap": 3.0,
            # a video whose person talks on at most this fraction of its frames
            # (:func:`.aumatch.talking`) is read through the amplitudes whitened with each
            # frame's neighbourhood left out (``aumatch_amp_loo``, :func:`.aumatch.amplitudes`;
            # below 0: never, as before the twelfth round)
            "loo_talk_max": 0.05,
            # 1: each region's bar is taken apart over the frames where the person talks and
            # over the others (:func:`.aumatch.talking`; :func:`_peaks`), so that speech's
            # chance peaks set the bar only where the person talks (0: one bar per region, as
            # before)
            "region_talk": 0.0,
            # each interval is centred on the centroid of its region's z within ± ``centre_s``
            # seconds of the peak, weighted by how far z passes ``centre_frac`` of the peak's
            # (:func:`centre`; 0: on the peak, as before)
            "centre_s": 0.0, "centre_frac": 0.3,
            **{k: REGFLOW_DEFAULTS[k] for k in _MACRO_KEYS}}


def _peaks(z: np.ndarray, fps: float, p: float, s: dict, talk: np.ndarray | None = None
           ) -> list[tuple[int, int, float]] | None:
    """(frame index, template index, z) of every micro-expression peak, by frame: in each region
    of :data:`REGIONS`, the peaks of its templates' largest z (the template that gives it, and
    its z) above :func:`micro_threshold` of the overall score and, with ``region_q`` above 0,
    above the region's own bar (:func:`region_threshold`; with ``region_talk`` and ``talk``
    (T,) bool, the bar of the peaks on frames where the person talks, or of those where not,
    as the peak's own frame is); where both regions peak on one frame, the higher; with
    ``merge_s`` above 0, of two peaks at most that far apart the higher (:func:`merge_twins`).
    None without any z."""
    from scipy.signal import find_peaks

    z = np.asarray(z, np.float64)
    ok = np.isfinite(z).any(axis=1)
    if not ok.any():
        return None
    dist = max(1, int(round(s["min_distance_s"] * fps)))
    bars = region_bars(z, fps, p, s, talk)
    split = _split(s, talk)
    if split:
        talk = np.asarray(talk, bool)
    found: dict[int, tuple[int, float]] = {}
    for region, sr in region_curves(z).items():
        cols = [TEMPLATES.index(n) for n in REGIONS[region]]
        curve = np.where(np.isfinite(sr), sr, -1e9)
        if not split:
            pk, _ = find_peaks(curve, height=bars[region], distance=dist)
        else:           # each peak against the bar of the peaks in its own state
            own = (bars[region], bars.get(f"talking {region}", bars[region]))
            pk, _ = find_peaks(curve, height=min(own), distance=dist)
            pk = [k for k in pk if curve[k] >= own[int(talk[k])]]
        for k in pk:
            if int(k) not in found or sr[k] > found[int(k)][1]:
                found[int(k)] = (cols[int(np.nanargmax(z[k, cols]))], float(sr[k]))
    got = [(k, a, h) for k, (a, h) in sorted(found.items())]
    return merge_twins(got, int(round(s["merge_s"] * fps))) if s["merge_s"] > 0 else got


def region_bars(z: np.ndarray, fps: float, p: float, settings: dict | None = None,
                talk: np.ndarray | None = None) -> dict[str, float]:
    """The height each region's peaks must pass (robust z): :func:`micro_threshold` of the
    overall score and, with ``region_q`` above 0, the larger of it and the region's own bar
    (:func:`region_threshold`) — with ``region_talk`` and ``talk``, one bar over the peaks on
    frames where the person talks and one over the others.

    Parameters
    ----------
    z : (T, A) each template's robust z, as :func:`.aumatch.bumps` returns it (NaN without a
        face).
    fps : frames per second (the peaks' distance, round(``min_distance_s`` · fps) frames).
    p : threshold fraction (:func:`micro_threshold`).
    settings : over :data:`DEFAULTS`.
    talk : (T,) bool, the frames where the person talks (:func:`.aumatch.talk_frames`), read
        with ``region_talk``; None: one bar per region.

    Returns
    -------
    {region of :data:`REGIONS`: bar}: NaN for both when no frame has a z; a region without a
    z or a peak of its own keeps the common threshold. With ``region_talk``, ``talk`` and
    frames where the person talks, these are the bars of the other frames' peaks, and
    ``"talking brows"`` and ``"talking mouth"`` hold those of the talking frames' peaks.
    """
    s = {**DEFAULTS, **(settings or {})}
    z = np.asarray(z, np.float64)
    ok = np.isfinite(z).any(axis=1)
    if not ok.any():
        return {region: float("nan") for region in REGIONS}
    score = np.full(len(z), np.nan)
    score[ok] = np.nanmax(z[ok], axis=1)
    thr = micro_threshold(score, p, s)
    if s["region_q"] <= 0:
        return {region: thr for region in REGIONS}
    dist = max(1, int(round(s["min_distance_s"] * fps)))
    curves = {r: np.nan_to_num(c, nan=-1e9) for r, c in region_curves(z).items()}
    if not _split(s, talk):
        return {region: max(thr, region_threshold(c, dist, s)) for region, c in curves.items()}
    talk = np.asarray(talk, bool)
    bars = {region: max(thr, region_threshold(c, dist, s, where=~talk))
            for region, c in curves.items()}
    if talk.any():
        bars.update({f"talking {region}": max(thr, region_threshold(c, dist, s, where=talk))
                     for region, c in curves.items()})
    return bars


def _split(s: dict, talk: np.ndarray | None) -> bool:
    """Whether the region bars are taken apart where the person talks (``region_talk``)."""
    return talk is not None and s["region_talk"] > 0 and s["region_q"] > 0


def region_curves(z: np.ndarray) -> dict[str, np.ndarray]:
    """Each region's largest template z per frame ({region of :data:`REGIONS`: (T,)}, NaN where
    none of its templates has one): the curves whose peaks are the micro-expressions."""
    z = np.asarray(z, np.float64)
    out = {}
    for region, names in REGIONS.items():
        zr = z[:, [TEMPLATES.index(n) for n in names]]
        ok = np.isfinite(zr).any(axis=1)
        out[region] = np.full(len(z), np.nan)
        out[region][ok] = np.nanmax(zr[ok], axis=1)
    return out


def region_threshold(curve: np.ndarray, distance: int, settings: dict | None = None,
                     where: np.ndarray | None = None) -> float:
    """A region's own bar: the ``region_q`` quantile of the heights of all its curve's peaks at
    least ``distance`` frames apart, capped at ``region_cap`` (−inf without a peak).

    The kit's robust z puts a region's typical frame at 0 and its typical spread at 1, but not
    its peaks: where the person talks or moves, the mouth's (or the brows') z has many high
    chance peaks, and a fixed bar lets a share of them through. A bar no lower than most of the
    region's own peaks passes only the few that stand out among them — an added or real brief
    event against speech — while a still region keeps the common bar (:func:`_peaks` takes
    the larger of the two). The cap keeps a region whose every peak is high (a clip full of
    expressions) from being silenced.

    Parameters
    ----------
    curve : (T,) the region's largest z per frame, −1e9 where none.
    distance : frames between peaks (round(``min_distance_s`` · fps)).
    settings : over :data:`DEFAULTS` (``region_q``, ``region_cap``).
    where : (T,) bool, or None: only the peaks on these frames count (``region_talk``: the
        frames where the person talks, or the others).

    Returns
    -------
    float, a robust z.
    """
    from scipy.signal import find_peaks

    s = {**DEFAULTS, **(settings or {})}
    pk, _ = find_peaks(curve, distance=distance)
    if where is not None:
        pk = pk[np.asarray(where, bool)[pk]]
    heights = curve[pk][curve[pk] > -1e8]
    if not len(heights):
        return -np.inf
    return float(min(np.quantile(heights, s["region_q"]), s["region_cap"]))


def merge_twins(peaks: list[tuple[int, int, float]], within: int) -> list[tuple[int, int, float]]:
    """The peaks left when, of any two at most ``within`` frames apart, only the higher is kept
    (greedy, highest first; ties keep the earlier).

    Twins: where the brows' and the mouth's peaks fall a few frames apart, one movement's
    whitened echo in the other region's patterns (docs/aumatch-history.md, the third and sixth
    rounds) gives two nearly identical intervals, and one of them is a false positive. (Peaks of one
    region are ``min_distance_s`` apart already, so with ``merge_s`` below it only the two
    regions' peaks are merged.)

    Parameters
    ----------
    peaks : (frame index, template index, z) of each peak, as :func:`_peaks` finds them.
    within : the largest distance, in frames, at which two peaks are twins (0: none are).

    Returns
    -------
    The kept peaks, by frame.
    """
    import bisect

    keep: list[tuple[int, int, float]] = []
    frames: list[int] = []            # the kept peaks' frames, sorted: a twin is a neighbour
    for pk in sorted(peaks, key=lambda x: (-x[2], x[0])):
        i = bisect.bisect_left(frames, pk[0])
        near = frames[max(i - 1, 0):i + 1]
        if all(abs(pk[0] - k) > within for k in near):
            frames.insert(i, pk[0])
            keep.append(pk)
    return sorted(keep)


def region_peaks(z: np.ndarray, fps: float, p: float, settings: dict | None = None,
                 talk: np.ndarray | None = None) -> np.ndarray | None:
    """The micro-expression peaks: in each facial region of :data:`REGIONS`, the peaks of its
    templates' largest z at least ``min_distance_s`` apart above :func:`micro_threshold` of the
    overall score and, with ``region_q`` above 0, the region's own bar
    (:func:`region_threshold`). A region's peak does not hide another
    region's: a brow movement 5 frames from a lip corner's does not remove it. Peaks at most
    round(``merge_s`` · fps) frames apart are twins, of which the higher is kept
    (:func:`merge_twins`; 4 frames at 24–30 fps, 3 at 20 fps, 2 at 15 fps by Python's rounding).

    Parameters
    ----------
    z : (T, A) each template's robust z, as :func:`.aumatch.bumps` returns it.
    fps : frames per second of the video.
    p : threshold fraction (:func:`micro_threshold`).
    settings : over :data:`DEFAULTS` (``z_min``, ``min_distance_s``, ``merge_s``,
        ``region_q``, ``region_cap``, ``region_talk``).
    talk : (T,) bool, the frames where the person talks (:func:`.aumatch.talking`), read with
        ``region_talk``; None: one bar per region.

    Returns
    -------
    (n,) int frame indices (0-based, ascending) of the peaks; None when no frame has a z.
    """
    got = _peaks(z, fps, p, {**DEFAULTS, **(settings or {})}, talk)
    return None if got is None else np.asarray([k for k, _, _ in got], int)


def _interval(pk: int, fps: float, T: int, s: dict) -> tuple[int, int]:
    """The 1-based interval of ``width_s`` spotted around the peak at row ``pk`` (0.45 of it
    before: apexes come early)."""
    w = s["width_s"] * fps
    return max(1, int(round(pk - 0.45 * w)) + 1), min(T, int(round(pk + 0.55 * w)) + 1)


def centre(curve: np.ndarray, k: int, fps: float, settings: dict | None = None) -> int:
    """The frame a peak's interval is centred on: with ``centre_s`` above 0, the centroid of
    the region's z within ± round(``centre_s`` · fps) frames (at least 1) of the peak, each
    frame weighted by how far its z passes ``centre_frac`` of the peak's (the peak itself when
    none does); else the peak.

    A micro-expression's z rises and falls over its frames, and its highest frame need not be
    its middle: the flow's noise moves the top by a frame or two, and a lag's baseline frame
    may fall inside the event. Of the events the defaults missed on the thirteenth round's 232
    tuning clips, 122 of 428 overlapped an interval at IoU under 0.5, its peak a median 0.2 s
    from the event's centre (``docs/prereg/aumatch-round13.md``); on the fourteenth round's
    255, 140 of 473 (``docs/prereg/aumatch-round14.md``).

    Parameters
    ----------
    curve : (T,) the peak's region's largest z per frame (:func:`region_curves`; NaN where none).
    k : the peak's row (0-based).
    fps : frames per second.
    settings : over :data:`DEFAULTS` (``centre_s``, ``centre_frac``).

    Returns
    -------
    int, a row (0-based) within ± round(``centre_s`` · fps) of ``k``.
    """
    s = {**DEFAULTS, **(settings or {})}
    if s["centre_s"] <= 0:
        return int(k)
    m = max(1, int(round(s["centre_s"] * fps)))
    c = np.nan_to_num(np.asarray(curve, np.float64), nan=-1e9)
    lo, hi = max(0, k - m), min(len(c), k + m + 1)
    w = np.clip(c[lo:hi] - s["centre_frac"] * c[k], 0, None)
    if w.sum() == 0:
        return int(k)
    return int(round((np.arange(lo, hi) * w).sum() / w.sum()))


def _centres(z: np.ndarray, got: list[tuple[int, int, float]], fps: float, s: dict) -> list[int]:
    """:func:`centre` of each peak of :func:`_peaks` on its own region's curve."""
    if s["centre_s"] <= 0:
        return [k for k, _, _ in got]
    curves = region_curves(z)
    region = {TEMPLATES.index(n): r for r, names in REGIONS.items() for n in names}
    return [centre(curves[region[a]], k, fps, s) for k, a, _ in got]


def _micro(z: np.ndarray, fps: float, p: float, s: dict, talk: np.ndarray | None = None
           ) -> pd.DataFrame:
    import pandas as pd

    got = _peaks(z, fps, p, s, talk)
    if not got:
        return pd.DataFrame(columns=COLUMNS)
    top = max(h for _, _, h in got)
    best: dict[tuple[int, int], float] = {}     # centred, two peaks may give one interval
    for (_, _, h), c in zip(got, _centres(z, got, fps, s)):
        iv = _interval(c, fps, len(z), s)
        best[iv] = max(best.get(iv, -np.inf), h)
    rows = [(*iv, h / top, "micro") for iv, h in sorted(best.items())]
    return pd.DataFrame(rows, columns=COLUMNS)


def micro_threshold(score: np.ndarray, p: float, settings: dict | None = None) -> float:
    """The height a micro-expression's peak of the score (T,) must pass (robust z): max(median
    + p·(max − median), ``z_min``)."""
    return peak_threshold(score, p, {**DEFAULTS, **(settings or {})}["z_min"])
