"""aumatch — a training-free spotter that looks for a micro-expression's shape: an action unit's
landmark pattern that appears and is gone again within half a second (designed in this kit).

regflow (:mod:`mespot_nb.methods.regflow`) thresholds how *much* each landmark group moves over
0.12 s. On real footage the inserted micro-expressions' excess motion at their peaks is about
the size of the person's own small movements (0.3–0.8 crop pixels on the webcam takes), so no
threshold separates the two (README "Real people"). aumatch changes the question in three
ways, each a matched filter:

* **In space**, the registered flow around all 68 landmarks is projected on each action unit's
  displacement pattern (:mod:`mespot_nb.features.aumatch`): the amplitude along a known,
  signed, multi-landmark pattern, instead of a group's speed in any direction — whitened by
  the video's own covariance of that flow, so that the patterns in which this face moves
  anyway (talking, an expressive brow, a turn's residue) weigh little.
* **In time**, frame j is compared with frames L before *and* L after (L = 0.12, 0.16, 0.2 s).
  The amplitude that counts is the smaller of the two, q = min(a_j, −a_(j+L)): a
  micro-expression's apex stands out against both sides, a sustained change against one only.
  And it is a displacement from a baseline, not a velocity: the whole rise counts. Each a_j is
  first averaged over ``smooth_s`` (0.1 s, 3 frames at 25–30 fps): an apex lasts a few frames,
  the flow's frame-to-frame noise (a compressed video's, say) does not.
* **Against its own footage**, q is a robust z: (q − median) / max(1.4826 · MAD, ``floor``) over
  ± ``noise_s`` seconds, per template and lag — footage where the face moves a lot sets its own,
  higher, bar.
* **Against each of its baselines**, a template's z is the median over the three lags
  (``lag_q`` 0.5; the ninth round): the apex must stand out against two of its three baseline
  frames, so that one lag's chance match — a baseline frame on the rhythm of speech or on a
  jittered landmark — does not pass alone (before, the largest over the lags).

The score of a frame is the largest z over templates. Micro-expressions are the peaks
of each facial region's largest z (:data:`REGIONS`: the brows' patterns, the mouth's), each
region's at least ``min_distance_s`` apart, above a threshold from the score,
max(median + p·(max − median), ``z_min``) (as regflow's), and above the region's own bar: the
85th percentile (``region_q``) of the heights of all its peaks, capped at ``region_cap`` 3 (the
tenth round; :func:`region_threshold`) — a talking mouth, with a chance peak every few tenths of
a second, passes only what stands out among them, and a still region keeps the common bar.
As each region is peaked apart, a blink's pull on the brows cannot hide a lip corner's
micro-expression a few frames away (:func:`region_peaks`) — except that of two peaks at most
round(``merge_s`` · fps) frames apart (4 at 30 fps) only the higher is kept: one movement's
echo in the other region's patterns (:func:`merge_twins`); each an interval of ``width_s``
around the peak (0.45 before, 0.55 after: apexes come early).
Macro-expressions are regflow's (:func:`~mespot_nb.methods.regflow.macro_intervals`).

The action-unit patterns are the kit's FACS-like vocabulary (:mod:`mespot_nb.expressions`) — the
same patterns :func:`mespot_nb.insert.insert_expressions` renders. A real micro-expression of
another action unit (an eye-lid or nose-wrinkle one, say) shows only through its overlap with
these patterns; README (aumatch's section and "Known limitations") says so.

Defaults were chosen on the development clips of README "Real people" (``cap12_edit``,
``cap13_edit2``, ``franck`` frames 1–720, the Pexels head-turn take and eight GRID speakers);
each later round held out a fresh set of strangers, scored it once to choose among frozen
variants by a rule written down before, and then counted it among the tuning clips. The peaks per
region came from the third round (LivePortrait's driving videos). The blink and talking weights
(``blink_weight``, ``talk_weight``) stay off (1) after the fourth (a second fresh set of 21
clips; ``docs/prereg/aumatch-round4.md``). The fifth (``docs/prereg/aumatch-round5.md``) chose,
on the 80 clips seen by then, the smoothing in time (``smooth_s`` 0.1 s) and the lower bar
(``z_min`` 2.75), and adopted both by its rule on a fourth fresh set of 11 clips, scored once to
choose between the two frozen candidates. A fifth fresh set of 14 (``docs/prereg/fifth-set.md``)
then measured these defaults with no choice made on it: 63 of 81 added events, pooled F1 0.273,
9 of 14 clips over the issue's per-clip bar. The sixth (``docs/prereg/aumatch-round6.md``) chose,
on the third to fifth sets, to merge twins (``merge_s`` 0.1: of a brow peak and a mouth peak at
most round(0.1 · fps) frames apart, one movement's echo in the other region, only the higher is
kept), and adopted
it by its rule on a sixth fresh set of 18 clips (``AUMATCH_HELD_OUT`` in
``benchmarks/real_people.py`` then), where the defaults before it, untouched, found 48 of 75 events
at pooled F1 0.220, 9 of 18 clips over the bar (with it: 48, 0.234, 9). The seventh
(``docs/prereg/aumatch-round7.md``) tried the features' covariance shrunk by OAS, tuned on the
third to sixth sets; on a seventh fresh set of 18 neither candidate was adoptable (they lost
events on still faces), so that set measured these defaults untouched: 77 of 105 events, pooled
F1 0.281, 10 of 18 over the bar. The eighth (``docs/prereg/aumatch-round8.md``) chose, on the
third to seventh sets, to shrink the covariance by a fixed 0.1
(:data:`~mespot_nb.features.aumatch.SHRINK`; before, 136 / n within 0.3–0.9, nearly no whitening
on a short clip) and adopted it by its rule on an eighth fresh set of 20 (``AUMATCH_HELD_OUT`` in
``benchmarks/real_people.py``; one clip the benchmark could not score): 93 of 117 events, pooled
F1 0.297, 17 of 19 over the bar, where the defaults before it, untouched, found 83 at 0.258, 16.
The ninth (``docs/prereg/aumatch-round9.md``) chose, on the third to eighth sets (104 clips), to
take each pattern's z as the median over its lags (``lag_q``, ``talk_lag_q``) with the bar
lowered to ``z_min`` 2.25 to keep recall, and adopted it by its rule on a ninth fresh set of 20
(``AUMATCH_HELD_OUT`` in ``benchmarks/real_people.py`` then): 86 of 126 events, pooled F1
0.261, 15 of 20 over the bar, where the defaults before it, untouched, found 81 at 0.266, 14; a
tenth fresh set of 19 (``docs/prereg/tenth-set.md``) then measured them with no choice made on
it: 104 of 132, 0.314, 15 of 19. The tenth round (``docs/prereg/aumatch-round10.md``) chose, on
the third to tenth sets (143 clips), to give each region its own bar: at least the 85th
percentile of the heights of all its peaks (``region_q``, capped at ``region_cap`` 3), so that
a talking mouth's many chance peaks no longer pass a bar set for a still face; it adopted it by
its rule on an eleventh fresh set of 20 (``AUMATCH_HELD_OUT`` in ``benchmarks/real_people.py``
then): 81 of 108 events, pooled F1 0.334, 15 of 20 over the bar, where the defaults before it,
untouched, found 84 at 0.289, 14. A twelfth and a thirteenth fresh set
(``docs/prereg/twelfth-set.md``, ``thirteenth-set.md``) then measured these defaults with no choice
made on them: 58 of 90 events, pooled F1 0.303, 12 of 16 over the bar; 74 of 120, 0.268, 13 of 15.
The eleventh round (``docs/prereg/aumatch-round11.md``) froze one candidate on the third to
thirteenth sets (194 clips): the leave-out whitening (:func:`amplitudes`) where the person talks
on at most 5 % of the frames, which met the calm bar on 37 of their 61 still faces against 30.
On 23 clips scored with a fourteenth fresh set (its 22 and the thirteenth set's ``Sophia_webm``)
the defaults, untouched, found 166 of 216 events, pooled F1 0.373, 22 over the bar, the calm bar
on 7 of 17; the candidate met it on 10 (four rose, one fell) but took one talking clip under the
bar, so by the rule it was not adopted. The speech detector had found no talking in that clip.
The twelfth round (``docs/prereg/aumatch-round12.md``) froze the same gate with a more sensitive
speech threshold (``talk_rate`` 0.35, regflow's 0.5 before; it is read only by the gate while
the talking weights are off) on the third to fourteenth sets (217 clips), and adopted it by its
rule on a fifteenth fresh set of 15 (``AUMATCH_HELD_OUT`` in ``benchmarks/real_people.py``
then): 55
of 69 events, pooled F1 0.344, 12 of 15 over the bar, the calm bar on 5 of 6 still faces, where
the defaults before it, untouched, found 49 at 0.303, 11, 2 of 6. The thirteenth round
(``docs/prereg/aumatch-round13.md``) found the settings around those defaults on a plateau of
the third to fifteenth sets (232 clips) but for a wider twin merge (``merge_s`` 0.15, 0.1 since
the sixth round), which kept every clip's place against the bar and dropped false positives; it
adopted it by its rule on a sixteenth fresh set of 23: the same 107 of 150 events, pooled F1
0.310 against 0.302 (+0.008 [+0.002, +0.015]), 18 of 23 over the bar and the calm bar on 6 of 9
still faces either way. The fourteenth round (``docs/prereg/aumatch-round14.md``) wrote two
options into the peak stage (:mod:`mespot_nb.methods.aumatch_peaks`): each region's bar taken
apart where the person talks (``region_talk``) and each interval centred on its region's z
centroid (``centre_s``); together they put 203 of the third to sixteenth sets' 255 clips over
the bar against 199, but on a seventeenth fresh set of 17 they found 102 of 123 events against
99, F1 0.354 against 0.353 (+0.001 [−0.008, +0.010]), 15 over the bar either way, so by its rule
they stay off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..features.aumatch import TEMPLATES, AUMatchFamily
from ..errors import MespotError
from ..readers import HIGH_FPS
from ..features.common import register_family
from ..intervals import iou_matrix
from ..peaks import smooth_curve
# the second stage (peaks and intervals) and the settings, named here too as the method's API
from .aumatch_peaks import (DEFAULTS, REGIONS, _centres, _interval, _micro, _peaks, centre,
                            merge_twins, micro_threshold, region_bars, region_curves,
                            region_peaks, region_threshold)
from .base import Method, TrainingFree, curve_windows
from .regflow import DEFAULTS as REGFLOW_DEFAULTS
from .regflow import P_GRID, join_intervals, macro_intervals, speech_rate

if TYPE_CHECKING:
    import pandas as pd

register_family(AUMatchFamily)


def _rolling_median(x: np.ndarray, half: int) -> np.ndarray:
    """Median over the 2·half + 1 frames centred on each frame, NaN left out (T,)."""
    import pandas as pd

    return pd.Series(x).rolling(2 * half + 1, center=True, min_periods=1).median().to_numpy()


def amplitudes(f, settings: dict | None = None) -> tuple[np.ndarray, bool]:
    """The action-unit amplitudes (T, n_lags, A) :func:`bumps` reads, and whether they are the
    leave-out ones: ``aumatch_amp_loo`` where the features have it and the person talks on at
    most ``loo_talk_max`` of the video's frames (:func:`talking` of ``regflow_aperture``; a
    video without it counts as silent), else ``aumatch_amp``.

    On a short clip of a still face an expression is a large share of the video's motion, and
    the whole video's covariance whitens it away; leaving its neighbourhood out keeps it. Read on
    every video, it took 137 of the eleventh round's 194 tuning clips over the bar against 147,
    and 61 of the 96 clips of people talking against 67 (the speech around a frame leaves the
    covariance with it): hence the gate (docs/aumatch-history.md, the eleventh and twelfth
    rounds)."""
    s = {**DEFAULTS, **(settings or {})}
    arrays = getattr(f, "arrays", {})
    if s["loo_talk_max"] >= 0 and "aumatch_amp_loo" in arrays:
        ap = arrays.get("regflow_aperture")
        share = 0.0 if ap is None else float(talking(ap, float(f.fps), s).mean())
        if share <= s["loo_talk_max"]:
            return np.asarray(arrays["aumatch_amp_loo"], np.float64), True
    return np.asarray(f.aumatch_amp, np.float64), False


def bumps(f, settings: dict | None = None) -> dict[str, np.ndarray]:
    """aumatch's curves of one video.

    Parameters
    ----------
    f : a video's features with ``aumatch_amp`` (T, n_lags, A) (or ``aumatch_amp_loo``:
        :func:`amplitudes`) and ``aumatch_lags``; with
        ``aumatch_eyes`` (T,) the brows' z is weighted around blinks, with ``regflow_aperture``
        (T,) the mouth's while the person talks and the lags are taken at ``talk_lag_q`` there
        (features without them, built by hand, are not weighted).
    settings : over :data:`DEFAULTS` (``smooth_s``, ``noise_s``, ``floor``, ``lag_q``,
        ``loo_talk_max``, the ``blink_*`` and ``talk_*`` keys).

    Returns
    -------
    dict: ``q`` (T, n_lags, A) the two-sided amplitude min(a_j, −a_(j+L)) in crop pixels per
    unit template, each a_j first averaged over round(``smooth_s`` · fps) frames centred on
    frame j, made odd (:func:`~mespot_nb.peaks.smooth_curve`: 0.1 s is 3 frames at 15–34 fps, 7
    at 60 fps, none at 12 fps or less) — a matched filter in time: a micro-expression's apex
    lasts a few frames, the flow's frame-to-frame noise does not; ``z`` (T, A) each template's
    robust z over the lags (their ``lag_q`` quantile, ``talk_lag_q`` while talking; both 0.5,
    the median, by default; 1 is the largest, as before the ninth round), times
    ``blink_weight`` for the brows' templates near a blink and ``talk_weight`` for the mouth's
    while talking (where z is above 0); ``score`` (T,)
    the largest z (NaN where no template has one); ``au`` (T,) the index in
    :data:`~mespot_nb.features.aumatch.TEMPLATES` of the largest (−1 where none); ``blink`` and
    ``talking`` (T,) bool, the frames weighted or taken at ``talk_lag_q`` (:func:`blinks`,
    :func:`talking`; all False when the weight is 1 and, for talking, ``talk_lag_q`` is
    ``lag_q``).
    """
    s = {**DEFAULTS, **(settings or {})}
    fps = float(f.fps)
    amp, _ = amplitudes(f, s)
    T, n_l, n_a = amp.shape
    width = int(round(s["smooth_s"] * fps))
    if width > 1:
        amp = np.stack([smooth_curve(x, width) for x in amp.reshape(T, -1).T], 1).reshape(amp.shape)
    half = max(1, int(round(s["noise_s"] * fps)))
    q = np.full_like(amp, np.nan)
    zl = np.full((T, n_l, n_a), np.nan)                 # each lag's z
    for c, L in enumerate(np.asarray(f.aumatch_lags, int)):
        if L >= T:          # a video shorter than the lag: nothing to compare at it
            continue
        after = np.full((T, n_a), np.nan)
        after[:T - L] = -amp[L:, c]
        q[:, c] = np.minimum(amp[:, c], after)           # NaN unless both sides are known
        for a in range(n_a):
            med = _rolling_median(q[:, c, a], half)
            mad = _rolling_median(np.abs(q[:, c, a] - med), half) * 1.4826
            zl[:, c, a] = (q[:, c, a] - med) / np.maximum(mad, s["floor"])
    blink = np.zeros(T, bool)
    talk = np.zeros(T, bool)
    arrays = getattr(f, "arrays", {})
    talk_used = (s["talk_weight"] != 1.0 or s["talk_lag_q"] != s["lag_q"]) \
        and "regflow_aperture" in arrays
    if talk_used:
        talk = talking(f.regflow_aperture, fps, s)
    z = _over_lags(zl, s["lag_q"])
    if s["talk_lag_q"] != s["lag_q"] and talk.any():
        z[talk] = _over_lags(zl[talk], s["talk_lag_q"])
    if s["blink_weight"] != 1.0 and "aumatch_eyes" in arrays:
        blink = blinks(f.aumatch_eyes, fps, s)
        _weigh(z, blink, _columns("brows"), s["blink_weight"])
    if s["talk_weight"] != 1.0 and talk_used:
        _weigh(z, talk, _columns("mouth"), s["talk_weight"])
    ok = np.isfinite(z).any(axis=1)
    score = np.full(T, np.nan)
    au = np.full(T, -1)
    score[ok] = np.nanmax(z[ok], axis=1)
    au[ok] = np.nanargmax(z[ok], axis=1)
    return {"q": q, "z": z, "score": score, "au": au, "blink": blink, "talking": talk}


def _over_lags(zl: np.ndarray, q: float) -> np.ndarray:
    """Each template's z over the lags (..., n_lags, A) → (..., A): their ``q`` quantile (linear
    interpolation, NaN lags left out; 1 the largest, as before the ninth round), NaN where no lag
    has one.

    Where fewer lags have a z the quantile is over those: in a video's first and last frames
    (the first round(0.2 · fps) have no baseline at the longer lags) and beside frames without a
    face, one lag's z is the median of one. At 15 fps the lags are two (their median is their
    mean) and at 12 fps or less one (:func:`~mespot_nb.features.aumatch.lags`), so there
    ``lag_q`` changes little or nothing while ``z_min`` is the ninth round's lowered 2.25."""
    out = np.full(zl.shape[:-2] + zl.shape[-1:], np.nan)
    ok = np.isfinite(zl).any(axis=-2)
    if ok.any():
        moved = np.moveaxis(zl, -2, -1)[ok]                # (n, n_lags)
        if q >= 1.0:
            out[ok] = np.nanmax(moved, axis=-1)
        else:   # numpy's nanquantile ("linear"), vectorised: it loops in Python over the rows
            srt = np.sort(moved, axis=-1)                  # NaN last
            pos = q * (np.isfinite(moved).sum(axis=-1) - 1)
            lo = np.floor(pos).astype(int)
            hi = np.ceil(pos).astype(int)
            rows = np.arange(len(srt))
            a, b, t = srt[rows, lo], srt[rows, hi], pos - lo
            # numpy's own interpolation (its _lerp), so the values are the same to the bit
            out[ok] = np.where(t >= 0.5, b - (b - a) * (1 - t), a + (b - a) * t)
    return out


def _weigh(z: np.ndarray, rows: np.ndarray, cols: list[int], w: float) -> None:
    """z[rows, cols] (rows a (T,) bool mask) times ``w`` where it is above 0, in place: a weight
    lowers how far a pattern stands out, it does not lift a dip towards 0."""
    sub = z[np.ix_(rows, cols)]
    z[np.ix_(rows, cols)] = np.where(sub > 0, sub * w, sub)


def _columns(region: str) -> list[int]:
    """The columns of :data:`~mespot_nb.features.aumatch.TEMPLATES` in a region of
    :data:`REGIONS`."""
    return [TEMPLATES.index(n) for n in REGIONS[region]]


def blinks(eyes: np.ndarray, fps: float, settings: dict | None = None) -> np.ndarray:
    """The frames near a blink (T,) bool: within ± ``blink_pad_s`` of a frame whose eyes'
    openness (``aumatch_eyes``, :func:`~mespot_nb.features.aumatch.eye_openness`) is below
    ``blink_ratio`` times its median over ± ``blink_median_s`` (the person's own open eyes).

    Parameters
    ----------
    eyes : (T,) the eyes' aspect ratio of every frame (NaN without a face: never a blink).
    fps : frames per second.
    settings : over :data:`DEFAULTS` (``blink_ratio``, ``blink_median_s``, ``blink_pad_s``).

    Returns
    -------
    (T,) bool, True within ± ``blink_pad_s`` (rounded to frames) of a shut frame.
    """
    from scipy.ndimage import maximum_filter1d

    s = {**DEFAULTS, **(settings or {})}
    e = np.asarray(eyes, np.float64)
    med = _rolling_median(e, max(1, int(round(s["blink_median_s"] * fps))))
    with np.errstate(invalid="ignore"):
        shut = np.nan_to_num(e < s["blink_ratio"] * med).astype(bool)
    pad = int(round(s["blink_pad_s"] * fps))
    return maximum_filter1d(shut, 2 * pad + 1, mode="constant", cval=False)


def talking(aperture: np.ndarray, fps: float, settings: dict | None = None) -> np.ndarray:
    """The frames where the person talks (T,) bool: regflow's speech rate
    (:func:`~mespot_nb.methods.regflow.speech_rate`, the inner lips' travel per second over
    ``talk_window_s``, in inter-ocular distances) above ``talk_rate``.

    Parameters
    ----------
    aperture : (T,) the inner lips' aperture (``regflow_aperture``, inter-ocular distances).
    fps : frames per second.
    settings : over :data:`DEFAULTS` (``talk_rate``, ``talk_window_s``).

    Returns
    -------
    (T,) bool, True where the speech rate exceeds ``talk_rate`` (False where it is unknown).
    """
    s = {**DEFAULTS, **(settings or {})}
    return np.nan_to_num(speech_rate(aperture, fps, s["talk_window_s"])) > s["talk_rate"]


def talk_frames(f, settings: dict | None = None) -> np.ndarray | None:
    """The frames where the person talks (:func:`talking`, (T,) bool) when ``region_talk``
    reads them (:func:`~mespot_nb.methods.aumatch_peaks.region_bars`) and the features have
    ``regflow_aperture``; else None (one bar per region)."""
    s = {**DEFAULTS, **(settings or {})}
    arrays = getattr(f, "arrays", {})
    if s["region_talk"] <= 0 or "regflow_aperture" not in arrays:
        return None
    return talking(arrays["regflow_aperture"], float(f.fps), s)


def spot(f, p: float, settings: dict) -> pd.DataFrame:
    """aumatch's intervals of one video; rows ``onset, offset, score, type`` (both types unless
    ``settings["types"]`` says otherwise; :func:`spotted_patterns` says which action-unit
    pattern each micro-expression's peak matched)."""
    s = {**DEFAULTS, **settings}
    types = s.get("types", ("micro", "macro"))
    lag = int(np.min(f.aumatch_lags))
    if f.n_frames < 2 * lag + 1:
        src = (getattr(f, "meta", None) or {}).get("source")
        fast = float(f.fps) > HIGH_FPS
        raise MespotError(f"{src + ': ' if src else ''}video of {f.n_frames} frames is too short "
                          f"for aumatch: it compares each frame with the face {lag} frames "
                          f"({lag / float(f.fps):.2g} s at {float(f.fps):g} fps) before and "
                          f"after, so it needs at least {2 * lag + 1} frames; "
                          + ("if the video is not a high-speed recording, its stated rate is "
                             "wrong: pass its real one with --fps" if fast
                             else "spot a longer clip"))
    parts = []
    if "micro" in types:
        parts.append(_micro(bumps(f, s)["z"], float(f.fps), p, s, talk_frames(f, s)))
    if "macro" in types:
        parts.append(macro_intervals(f, {**REGFLOW_DEFAULTS, **s}))
    return join_intervals(parts)


def spotted_patterns(f, intervals: pd.DataFrame, truth: pd.DataFrame | None = None,
                     settings: dict | None = None, p: float = DEFAULTS["p"]) -> pd.DataFrame:
    """What each spotted micro-expression matched.

    Parameters
    ----------
    f : the video's features (``aumatch_amp``, ``aumatch_lags``).
    intervals : rows ``onset, offset`` [, ``type``] (1-based frames), as :func:`spot` returns
        them at ``p``; only ``micro`` rows are read when there is a ``type``.
    truth : this video's annotations (``onset, offset`` [, ``type``]), or None.
    settings : over :data:`DEFAULTS`, as given to :func:`spot`.
    p : the threshold fraction the intervals were spotted at.

    Returns
    -------
    One row per micro interval: ``onset``, ``offset``, the frame of its ``peak`` (1-based) and
    the z there (``peak z``), the action-unit ``pattern`` of :data:`TEMPLATES` that gave it and,
    with ``truth``, the ``best IoU`` with an annotated micro-expression. A row that is not one
    of :func:`spot`'s own at ``p`` (intervals from elsewhere, or another p) reads the highest z
    inside it; one with no z inside it (no face there) has no peak (``peak`` 0, ``peak z`` NaN,
    ``pattern`` "").
    """
    import pandas as pd

    s = {**DEFAULTS, **(settings or {})}
    b = bumps(f, s)
    fps = float(f.fps)
    got = _peaks(b["z"], fps, p, s, talk_frames(f, s)) or []
    own = {}        # each interval's highest peak (centred, two peaks may give one interval)
    for (k, a, h), c in sorted(zip(got, _centres(b["z"], got, fps, s)), key=lambda x: x[0][2]):
        own[_interval(c, fps, len(b["z"]), s)] = (k, a)
    micro = intervals[intervals["type"] == "micro"] if "type" in intervals else intervals
    rows = []
    for on, off in zip(micro["onset"].astype(int), micro["offset"].astype(int)):
        k, a = own.get((on, off), (None, None))
        if k is None:
            inside = b["score"][max(on - 1, 0):max(off, 0)]
            if not np.isfinite(inside).any():            # no face in it: nothing matched
                rows.append((on, off, 0, float("nan"), ""))
                continue
            k = max(on - 1, 0) + int(np.nanargmax(inside))
            a = int(b["au"][k])
        rows.append((on, off, k + 1, round(float(b["z"][k, a]), 1), TEMPLATES[a]))
    out = pd.DataFrame(rows, columns=["onset", "offset", "peak", "peak z", "pattern"])
    if truth is not None:
        gt = truth[truth["type"] == "micro"] if "type" in truth else truth
        out["best IoU"] = iou_matrix(out[["onset", "offset"]].to_numpy(),
                                     gt[["onset", "offset"]].to_numpy()).max(axis=1, initial=0.0)
    return out


def score_curve(f) -> np.ndarray:
    """aumatch's score (T,): the largest two-sided action-unit amplitude's robust z over every
    template (NaN without a face) — the curve its threshold is set on; the micro-expressions
    are the peaks of each region's part of it (:func:`region_peaks`)."""
    return bumps(f)["score"]


def frame_scores(f, settings: dict | None = None) -> pd.DataFrame:
    """The score of every frame as a 0.35 s window centred on it (for ROC and timelines), with
    ``settings`` over :data:`DEFAULTS` (``mespot spot --set``: the curve its intervals came
    from)."""
    z = np.clip(np.nan_to_num(bumps(f, settings)["score"]), 0, None)
    return curve_windows(z, max(1, int(round(0.175 * f.fps))))


AUMATCH = Method(
    name="aumatch", title="aumatch", source="this kit (action-unit matched filter on registered "
    "landmark flow, two-sided against the footage's own motion)", window="frame",
    label="cov_pos", families=("regflow", "aumatch"),
    spot={"select_protocol": "megc2020", "select_type": "overall"},
    free=TrainingFree(spot=spot, frame_scores=frame_scores, grid=P_GRID, default=DEFAULTS["p"],
                      curve=score_curve, curve_label="action-unit bump (robust z)",
                      curve_arrays=("aumatch_amp",),
                      settings=(("z_min", 0.0, 50.0), ("blink_weight", 0.0, 1.0),
                                ("talk_weight", 0.0, 1.0), ("blink_ratio", 0.0, 1.0),
                                ("blink_pad_s", 0.0, 1.0), ("talk_rate", 0.0, 10.0),
                                ("width_s", 0.1, 2.0), ("min_distance_s", 0.05, 2.0),
                                ("smooth_s", 0.0, 1.0), ("merge_s", 0.0, 1.0),
                                ("lag_q", 0.0, 1.0), ("talk_lag_q", 0.0, 1.0),
                                ("region_q", 0.0, 1.0), ("region_cap", 0.0, 50.0),
                                ("loo_talk_max", -1.0, 1.0), ("region_talk", 0.0, 1.0),
                                ("centre_s", 0.0, 1.0), ("centre_frac", 0.0, 1.0))),
    types=("micro", "macro"), references=("farneback2003",))
