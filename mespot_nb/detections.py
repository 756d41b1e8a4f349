"""From window scores to spotted intervals, and the decision threshold.

1. windows scoring ≥ the threshold are positive;
2. each run of consecutive positive windows becomes one detection, scored by its best window —
   centred on that best window (``merge="peak"``) or on the middle of the run
   (``merge="centre"``), one window long or ``extent`` frames; or the union of the run
   (``merge="span"``). A run ends where the windows are not consecutive in time (frames without
   a face have no windows), so no detection spans a stretch without windows.
   Or, with ``merge="suppress"`` (seed 004 §III-D, HOOF-LSTM's rule), no runs at all: among the
   positive windows the most confident remaining one is taken as a detection — the window
   itself — and its direct neighbours, every positive window sharing a frame with it, are
   suppressed; repeated until no positive window is left. A long run of positive windows thus
   gives several detections, pairwise disjoint. Or, with ``merge="smoothed-peaks"``
   (SOFTNet's rule, :func:`smoothed_peaks`), the threshold is a fraction p of the smoothed
   score curve's range over its mean, and each peak k apart is an interval of 2k + 1 frames;
3. greedy non-maximum suppression: detections are kept in descending score, dropping any whose
   IoU with a kept one exceeds ``nms_iou``;
4. every detection is clipped to its video's frames; an optional duration filter (frames).

The threshold is chosen on **training subjects only** (:func:`choose_threshold` never receives a
test subject's windows or annotations — the training loop makes that structural).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .intervals import nms, runs, score_intervals

PRED_COLUMNS = ["subject", "video", "onset", "offset", "type", "score"]


def frame_support(starts: np.ndarray, length: int, scores: np.ndarray, n_frames: int
                  ) -> np.ndarray:
    """Per frame, the mean score of the windows that contain it (T,); NaN where none does.

    Window j covers frames starts[j] .. starts[j] + length − 1 (1-based); row t is frame t + 1.
    """
    starts = np.asarray(starts, np.int64)
    sc = np.asarray(scores, float)
    ok = np.isfinite(sc)
    T = int(max(n_frames, (starts.max() + length - 1) if len(starts) else 0))
    tot, cnt = np.zeros(T + 1), np.zeros(T + 1)
    a = np.clip(starts[ok] - 1, 0, T)
    b = np.clip(starts[ok] - 1 + length, 0, T)
    np.add.at(tot, a, sc[ok])
    np.add.at(tot, b, -sc[ok])
    np.add.at(cnt, a, 1)
    np.add.at(cnt, b, -1)
    tot, cnt = np.cumsum(tot)[:T], np.cumsum(cnt)[:T]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(cnt > 0.5, tot / np.maximum(cnt, 1), np.nan)


def refine_intervals(iv: pd.DataFrame, support: np.ndarray, level: float = 0.5,
                     min_frames: int = 3) -> pd.DataFrame:
    """Onset and offset of each detection refitted to the movement, within the detection.

    Seed 004 §V proposes it: a detection placed by its windows is as long as a window (or the
    training median), while the expression inside may be shorter or off-centre. Inside each
    detection the frame where the overlapping windows' mean score (:func:`frame_support`) peaks is
    found, and the detection becomes the run of frames around it whose support stays above
    ``level`` of the way from the detection's lowest support to its peak (half height by
    default); a run shorter than ``min_frames`` leaves the detection as it was.
    """
    out = iv.copy()
    for i, r in enumerate(iv.itertuples()):
        on, off = int(r.onset), int(r.offset)
        seg = support[on - 1:off]
        if not len(seg) or not np.isfinite(seg).any():
            continue
        pk = int(np.nanargmax(seg))
        cut = np.nanmin(seg) + level * (seg[pk] - np.nanmin(seg))
        a = b = pk
        while a - 1 >= 0 and np.isfinite(seg[a - 1]) and seg[a - 1] >= cut:
            a -= 1
        while b + 1 < len(seg) and np.isfinite(seg[b + 1]) and seg[b + 1] >= cut:
            b += 1
        if b - a + 1 >= min_frames:
            out.iloc[i, out.columns.get_loc("onset")] = on + a
            out.iloc[i, out.columns.get_loc("offset")] = on + b
    return out


def smoothed_peaks(starts: np.ndarray, length: int, scores: np.ndarray, p: float,
                   n_frames: int | None = None) -> pd.DataFrame:
    """SOFTNet's spotting (Liong et al. 2021, the authors' code) on one video's window scores.

    The windows start at every frame (window i is frames i … i + k − 1, k = ``length``); s_i is
    window i's score (NaN where there is none). The curve is smoothed, a_j = mean(s[j−k …
    j+k−1]) for k ≤ j ≤ N − k − 1 (0-based over the windows, as the code), the threshold is
    T = mean(a) + p·(max(a) − mean(a)), and every peak of a above T, at least k windows from a
    higher one (``scipy.signal.find_peaks``' ``distance``), is the interval [j − k, j + k] in the
    windows' frame numbers (1-based here), scored a_j.

    Returns ``onset, offset, score`` (unclipped; :func:`spot_intervals` clips).
    """
    from scipy.signal import find_peaks

    starts = np.asarray(starts, np.int64)
    k = max(1, int(length))
    empty = pd.DataFrame(columns=["onset", "offset", "score"])
    if not len(starts):
        return empty
    first = int(starts.min())
    s = np.full(int(starts.max()) - first + 1, np.nan)
    s[starts - first] = np.asarray(scores, float)
    s[~np.isfinite(s)] = np.nan
    if len(s) <= 2 * k:
        return empty
    c = np.r_[0.0, np.cumsum(np.nan_to_num(s))]
    n = np.r_[0, np.cumsum(np.isfinite(s))]
    j = np.arange(k, len(s) - k)
    cnt = n[j + k] - n[j - k]
    with np.errstate(invalid="ignore", divide="ignore"):
        a = np.where(cnt > 0, (c[j + k] - c[j - k]) / np.maximum(cnt, 1), np.nan)
    if not np.isfinite(a).any():
        return empty
    thr = np.nanmean(a) + p * (np.nanmax(a) - np.nanmean(a))
    peaks, _ = find_peaks(np.where(np.isfinite(a), a, -np.inf), height=thr, distance=k)
    rows = [(first + int(j[q]) - k, first + int(j[q]) + k, float(a[q])) for q in peaks]
    return pd.DataFrame(rows, columns=["onset", "offset", "score"]) if rows else empty


def spot_intervals(starts: np.ndarray, length: int, scores: np.ndarray, threshold: float,
                   merge: str = "peak", nms_iou: float = 0.5, min_frames: int | None = None,
                   max_frames: int | None = None, n_frames: int | None = None,
                   extent: int | None = None, stride: int | None = None,
                   refine: bool = False) -> pd.DataFrame:
    """Spotted intervals of one video.

    Parameters
    ----------
    starts : (N,) window start frames (1-based), increasing; windows are start..start+length−1.
    scores : (N,) P(micro-expression) per window (NaN = not scored).
    threshold : decision threshold.
    n_frames : the video's frame count; detections are clipped to 1..n_frames.
    merge : ``peak``, ``centre``, ``span`` (one detection per run of positive windows),
        ``suppress`` (seed 004 §III-D: the most confident positive window is a detection and the
        positive windows overlapping it are suppressed, repeatedly; see the module docstring)
        or ``smoothed-peaks`` (SOFTNet: ``threshold`` is p, :func:`smoothed_peaks`).
    extent : with ``merge="peak"``/``"centre"``, the detection's length in frames (default: the
        window's). Training passes the median micro-expression length of the training subjects.
        Ignored by ``span`` and ``suppress`` (their detections are made of whole windows).
    stride : frames between consecutive windows (default: the smallest gap between ``starts``);
        a larger gap ends a run.
    refine : refit each detection's onset and offset to the frames its windows score above the
        threshold (:func:`refine_intervals`), before NMS.

    Returns
    -------
    DataFrame ``onset, offset, score`` (1-based inclusive), sorted by onset.
    """
    starts = np.asarray(starts, np.int64)
    scores = np.nan_to_num(np.asarray(scores, float), nan=-np.inf)
    if stride is None:
        gaps = np.diff(starts)
        stride = int(gaps[gaps > 0].min()) if (gaps > 0).any() else 1
    rows = []
    if merge == "smoothed-peaks":   # SOFTNet: threshold is p of the smoothed curve's range
        sp = smoothed_peaks(starts, length, np.where(np.isfinite(scores), scores, np.nan),
                            threshold, n_frames)
        rows = list(sp.itertuples(index=False, name=None))
        nms_iou = 1.0   # its peaks are k apart by construction: no suppression beyond that
    elif merge == "suppress":
        pos = np.flatnonzero(scores >= threshold)
        alive = np.zeros(len(starts), bool)
        alive[pos] = True
        for i in pos[np.argsort(-scores[pos], kind="stable")]:   # ties: the earlier window
            if not alive[i]:
                continue
            rows.append((int(starts[i]), int(starts[i] + length - 1), float(scores[i])))
            alive[np.abs(starts - starts[i]) < length] = False   # it and all sharing a frame
    for a, b in ([] if merge in ("suppress", "smoothed-peaks")
                 else runs(scores >= threshold, starts, stride)):
        p = a + int(np.argmax(scores[a:b + 1]))
        if merge in ("peak", "centre"):
            # centre of the best window, or of the run (a plateau of scores is symmetric
            # around the expression when the network responds to it anywhere in the window)
            c = (starts[p] if merge == "peak" else (starts[a] + starts[b]) / 2) + (length - 1) / 2
            n = int(extent) if extent else length
            on = int(np.floor(c - (n - 1) / 2 + 0.5))
            off = on + n - 1
        elif merge == "span":
            on, off = starts[a], starts[b] + length - 1
        else:
            raise ValueError(f"merge {merge!r}: use peak, centre, span or suppress")
        rows.append((int(on), int(off), float(scores[p])))
    if not rows:
        return pd.DataFrame(columns=["onset", "offset", "score"])
    iv = np.array([(r[0], r[1]) for r in rows], np.int64)
    sc = np.array([r[2] for r in rows])
    if refine:
        last = int(n_frames) if n_frames else int(starts.max() + length - 1)
        sup = frame_support(starts, length, np.where(np.isfinite(scores), scores, np.nan), last)
        clipped = pd.DataFrame({"onset": np.clip(iv[:, 0], 1, last),
                                "offset": np.clip(iv[:, 1], 1, last)})
        iv = refine_intervals(clipped, sup)[["onset", "offset"]].to_numpy(np.int64)
    keep = nms(iv, sc, nms_iou)
    out = pd.DataFrame({"onset": iv[keep, 0], "offset": iv[keep, 1], "score": sc[keep]})
    out["onset"] = out["onset"].clip(lower=1)
    if n_frames is not None:
        out["offset"] = out["offset"].clip(upper=n_frames)
    out = out[out["offset"] >= out["onset"]]
    n = out["offset"] - out["onset"] + 1
    if min_frames is not None:
        out = out[n >= min_frames]
    if max_frames is not None:
        out = out[n <= max_frames]
    return out.sort_values("onset").reset_index(drop=True)


def spot_table(windows: pd.DataFrame, length: int | None = None, threshold: float = 0.5,
               type: str = "micro", extent_s: float | None = None, **kw) -> pd.DataFrame:
    """Spotted intervals of every video in a window table as MEGC rows
    ``subject, video, onset, offset, type, score``.

    ``windows`` has ``subject, video, start, score`` and optionally ``stop`` (each video's own
    window length; datasets of different frame rates mix in cross-database runs), ``fps``
    (``extent_s`` seconds → frames at each video's rate), ``n_frames`` (detections are clipped
    to the video) and ``stride`` (the windows' true spacing, so runs split at every gap).
    """
    parts = []
    for (s, v), g in windows.groupby(["subject", "video"], sort=True):
        g = g.sort_values("start")
        kwv = dict(kw)
        if extent_s and "fps" in g:
            kwv["extent"] = max(1, int(round(extent_s * float(g["fps"].iloc[0]))))
        if "n_frames" in g:
            kwv["n_frames"] = int(g["n_frames"].iloc[0])
        if "stride" in g:
            kwv["stride"] = int(g["stride"].iloc[0])
        n = int(g["stop"].iloc[0] - g["start"].iloc[0] + 1) if "stop" in g else int(length)
        iv = spot_intervals(g["start"].to_numpy(), n, g["score"].to_numpy(), threshold, **kwv)
        if len(iv):
            iv.insert(0, "video", v)
            iv.insert(0, "subject", s)
            iv["type"] = type
            parts.append(iv)
    if not parts:
        return pd.DataFrame(columns=PRED_COLUMNS)
    return pd.concat(parts, ignore_index=True)[PRED_COLUMNS]


def choose_threshold(windows: pd.DataFrame, intervals: pd.DataFrame, length: int | None = None,
                     protocol: str = "megc2020", candidates: int = 40, return_curve: bool = False,
                     **kw):
    """The threshold maximising interval-level F1 on the given windows, of the expressions of
    ``kw["type"]`` (the type the intervals are spotted as; micro by default).

    Parameters
    ----------
    windows : ``subject, video, start, score`` [, ``stop``, ``fps``, ``n_frames``] — **training
        subjects only**.
    intervals : their ground truth (``subject, video, onset, offset, type``).

    Returns
    -------
    (threshold, F1 reached), plus with ``return_curve`` a DataFrame ``threshold, f1,
    detections`` of every candidate. Ties go to the higher threshold (fewer detections).
    """
    sc = windows["score"].to_numpy(float)
    sc = sc[np.isfinite(sc)]
    rows = []
    best = (0.5, 0.0)
    if len(sc):
        qs = np.unique(np.quantile(sc, np.linspace(0.5, 0.999, candidates)))
        grid = np.unique(np.r_[qs, [0.5, 0.9]])
        best = (0.5, -1.0)
        gt = intervals[intervals["type"] == kw.get("type", "micro")]
        for t in grid:
            pred = spot_table(windows, length, float(t), **kw)
            f1 = score_intervals(gt, pred, protocol).f1
            rows.append((float(t), float(f1), len(pred)))
            if f1 > best[1] or (f1 == best[1] and t > best[0]):
                best = (float(t), float(f1))
    if return_curve:
        return best[0], best[1], pd.DataFrame(rows, columns=["threshold", "f1", "detections"])
    return best
