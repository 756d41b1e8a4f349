"""From window scores to spotted intervals, and the decision threshold.

1. windows scoring ≥ the threshold are positive;
2. each run of consecutive positive windows becomes one detection, scored by its best window —
   centred on that best window (``merge="peak"``) or on the middle of the run
   (``merge="centre"``), one window long or ``extent`` frames; or the union of the run
   (``merge="span"``);
3. greedy non-maximum suppression: detections are kept in descending score, dropping any whose
   IoU with a kept one exceeds ``nms_iou``;
4. an optional duration filter (frames).

The threshold is chosen on **training subjects only** (:func:`choose_threshold` never receives a
test subject's windows or annotations — the training loop makes that structural).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .evaluation import evaluate, iou_matrix

PRED_COLUMNS = ["subject", "video", "onset", "offset", "type", "score"]


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) index of each run of True."""
    if not mask.any():
        return []
    d = np.diff(np.r_[0, mask.astype(np.int8), 0])
    return list(zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1) - 1))


def nms(intervals: np.ndarray, scores: np.ndarray, iou_threshold: float = 0.5) -> np.ndarray:
    """Greedy non-maximum suppression of (N, 2) intervals; returns kept indices (score order)."""
    order = np.argsort(-np.asarray(scores), kind="stable")
    kept: list[int] = []
    for i in order:
        if not kept or (iou_matrix(intervals[[i]], intervals[kept]) <= iou_threshold).all():
            kept.append(int(i))
    return np.array(kept, dtype=np.int64)


def spot_intervals(starts: np.ndarray, length: int, scores: np.ndarray, threshold: float,
                   merge: str = "peak", nms_iou: float = 0.5, min_frames: int | None = None,
                   max_frames: int | None = None, n_frames: int | None = None,
                   extent: int | None = None) -> pd.DataFrame:
    """Spotted intervals of one video.

    Parameters
    ----------
    starts : (N,) window start frames (1-based), increasing; windows are start..start+length−1.
    scores : (N,) P(micro-expression) per window (NaN = not scored).
    threshold : decision threshold.
    n_frames : clip offsets to the video's last frame.
    extent : with ``merge="peak"``, the detection's length in frames, centred on the best
        window (default: the window itself). Training passes the median micro-expression length
        of the training subjects, since a window is longer than the shortest MEs.

    Returns
    -------
    DataFrame ``onset, offset, score`` (1-based inclusive), sorted by onset.
    """
    starts = np.asarray(starts, np.int64)
    scores = np.nan_to_num(np.asarray(scores, float), nan=-np.inf)
    rows = []
    for a, b in _runs(scores >= threshold):
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
            raise ValueError(f"merge {merge!r}: use peak, centre or span")
        rows.append((int(on), int(off), float(scores[p])))
    if not rows:
        return pd.DataFrame(columns=["onset", "offset", "score"])
    iv = np.array([(r[0], r[1]) for r in rows], np.int64)
    sc = np.array([r[2] for r in rows])
    keep = nms(iv, sc, nms_iou)
    out = pd.DataFrame({"onset": iv[keep, 0], "offset": iv[keep, 1], "score": sc[keep]})
    out["onset"] = out["onset"].clip(lower=1)
    if n_frames is not None:
        out["offset"] = out["offset"].clip(upper=n_frames)
    n = out["offset"] - out["onset"] + 1
    if min_frames is not None:
        out = out[n >= min_frames]
    if max_frames is not None:
        out = out[n <= max_frames]
    return out.sort_values("onset").reset_index(drop=True)


def spot_table(windows: pd.DataFrame, length: int, threshold: float, type: str = "micro",
               extent_s: float | None = None, **kw) -> pd.DataFrame:
    """Spotted intervals of every video in a window table (``subject, video, start, score``
    [, ``stop``, ``fps``]) as MEGC rows ``subject, video, onset, offset, type, score``.
    With a ``stop`` column each video's own window length is used (datasets of different frame
    rates mix in cross-database runs), else ``length``.

    ``extent_s`` (seconds) sets the detections' length at each video's frame rate (the table's
    ``fps`` column), so a model trained at 30 fps spots at 200 fps with the same durations.
    """
    parts = []
    for (s, v), g in windows.groupby(["subject", "video"], sort=True):
        g = g.sort_values("start")
        if extent_s and "fps" in g:
            kw["extent"] = max(1, int(round(extent_s * float(g["fps"].iloc[0]))))
        n = int(g["stop"].iloc[0] - g["start"].iloc[0] + 1) if "stop" in g else length
        iv = spot_intervals(g["start"].to_numpy(), n, g["score"].to_numpy(), threshold, **kw)
        if len(iv):
            iv.insert(0, "video", v)
            iv.insert(0, "subject", s)
            iv["type"] = type
            parts.append(iv)
    if not parts:
        return pd.DataFrame(columns=PRED_COLUMNS)
    return pd.concat(parts, ignore_index=True)[PRED_COLUMNS]


def choose_threshold(windows: pd.DataFrame, intervals: pd.DataFrame, length: int,
                     protocol: str = "megc2020", candidates: int = 40, return_curve: bool = False,
                     **kw):
    """The threshold maximising interval-level F1 (micro-expressions) on the given windows.

    Parameters
    ----------
    windows : ``subject, video, start, score`` — **training subjects only**.
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
        gt = intervals[intervals["type"] == "micro"]
        for t in grid:
            pred = spot_table(windows, length, float(t), **kw)
            f1 = evaluate(gt, pred, protocol, "micro")["micro"].f1
            rows.append((float(t), float(f1), len(pred)))
            if f1 > best[1] or (f1 == best[1] and t > best[0]):
                best = (float(t), float(f1))
    if return_curve:
        return best[0], best[1], pd.DataFrame(rows, columns=["threshold", "f1", "detections"])
    return best


def spot_video(source, model_path, cache_dir, fps: float | None = None,
               threshold: float | None = None, progress: bool = True) -> dict:
    """Spot micro-expressions in any video file or frames folder with a trained model.

    Features are extracted at the video's own frame rate (windows are defined in seconds) and
    cached. Returns a dict with ``intervals`` (MEGC rows: subject, video, onset, offset, type,
    score), ``scores`` (every window: start, stop, score), ``threshold``, ``n_frames``, ``fps``,
    ``footage`` (fraction of frames inside a spotted interval — what an annotator still reviews).
    """
    from .evaluation import footage_reduction
    from .face import TrackParams
    from .features import FeatureParams, cached_features
    from .readers import read_video_source
    from .training import gather, load_trained, predict_scores

    model, meta = load_trained(model_path)
    ds = read_video_source(source, fps=fps)
    row = ds.videos.iloc[0]
    feats = {(row.subject, row.video): cached_features(
        row.source, float(row.fps), cache_dir, FeatureParams(**meta["feature_params"]),
        TrackParams(**meta["track_params"]), name=f"spot__{row.video}")}
    thr = meta["threshold"] if threshold is None else float(threshold)
    f = next(iter(feats.values()))
    n_frames = int(f.n_frames)
    kw = dict(meta["spot_kw"])
    if meta["method"] == "lbp-chi2":   # training-free: p from training, contrast per frame
        pred = lbp_spot_table(feats, thr, kw.get("extent_s"))
        C = lbp_contrast(f.lbp, f.lbp_k)
        starts = np.arange(1, n_frames + 1) - f.lbp_k
        tab = pd.DataFrame({"subject": row.subject, "video": row.video, "start": starts,
                            "stop": starts + 2 * f.lbp_k, "fps": f.fps,
                            "score": C / max(C.max(), 1e-12)})
    else:
        data = gather(ds, feats, meta["method"])
        tab = data.table[["subject", "video", "start", "stop", "fps"]].copy()
        tab["score"] = predict_scores(model, data)
        length = int(tab["stop"].iloc[0] - tab["start"].iloc[0] + 1) if len(tab) else 1
        pred = spot_table(tab, length, thr, **kw)
    pred["offset"] = pred["offset"].clip(upper=n_frames)
    return dict(intervals=pred, scores=tab, threshold=thr, n_frames=n_frames,
                fps=float(row.fps), footage=footage_reduction(pred, n_frames),
                method=meta["method"], subject=row.subject, video=row.video)


# ----------------------------------------------------------------------------------------------
# LBP-χ² feature difference (training-free baseline)


def lbp_contrast(F: np.ndarray, k: int) -> np.ndarray:
    """Moilanen's contrast C_i = F_i − ½(F_{i−k} + F_{i+k}), negatives and NaN set to 0:
    a frame that differs from its neighbours more than they do from theirs."""
    F = np.asarray(F, float)
    T = len(F)
    C = np.zeros(T)
    if T > 2 * k:
        C[k:T - k] = F[k:T - k] - 0.5 * (F[:T - 2 * k] + F[2 * k:])
    return np.nan_to_num(np.clip(C, 0, None))


def lbp_spot(F: np.ndarray, k: int, p: float, extent: int | None = None) -> pd.DataFrame:
    """Spotted intervals of one video from its per-frame feature differences ``F`` (T,).

    Threshold T = mean(C) + p·(max(C) − mean(C)) on the contrast C (p ∈ [0, 1]); peaks of C above
    it, taken greedily by height at least k frames apart; each becomes the interval of 2k + 1
    frames around it (or ``extent`` frames). Score = C at the peak / max(C).
    """
    C = lbp_contrast(F, k)
    if not len(C) or C.max() <= 0:
        return pd.DataFrame(columns=["onset", "offset", "score"])
    thr = C.mean() + p * (C.max() - C.mean())
    left = np.r_[-np.inf, C[:-1]]
    right = np.r_[C[1:], -np.inf]
    cand = np.flatnonzero((C > thr) & (C >= left) & (C >= right))
    kept: list[int] = []
    for i in cand[np.argsort(-C[cand], kind="stable")]:
        if all(abs(i - j) > k for j in kept):
            kept.append(int(i))
    n = int(extent) if extent else 2 * k + 1
    rows = []
    for i in sorted(kept):
        on = i + 1 - (n - 1) // 2   # frame numbers are 1-based
        rows.append((max(1, on), min(len(C), on + n - 1), float(C[i] / C.max())))
    return pd.DataFrame(rows, columns=["onset", "offset", "score"])


LBP_P_GRID = np.round(np.arange(0.05, 0.96, 0.05), 2)


def lbp_spot_table(videos: dict, p: float, extent_s: float | None = None) -> pd.DataFrame:
    """MEGC rows for ``{(subject, video): VideoFeatures}`` at one p."""
    parts = []
    for (s, v), f in videos.items():
        ext = max(1, int(round(extent_s * f.fps))) if extent_s else None
        iv = lbp_spot(f.lbp, f.lbp_k, p, ext)
        if len(iv):
            iv.insert(0, "video", v)
            iv.insert(0, "subject", s)
            iv["type"] = "micro"
            parts.append(iv)
    if not parts:
        return pd.DataFrame(columns=PRED_COLUMNS)
    return pd.concat(parts, ignore_index=True)[PRED_COLUMNS]


def choose_lbp_p(videos: dict, intervals: pd.DataFrame, extent_s: float | None = None,
                 protocol: str = "megc2020") -> tuple[float, float, pd.DataFrame]:
    """The p maximising micro-expression F1 on the given (training) videos; (p, F1, curve)."""
    gt = intervals[intervals["type"] == "micro"]
    rows = []
    for p in LBP_P_GRID:
        pred = lbp_spot_table(videos, float(p), extent_s)
        rows.append((float(p), evaluate(gt, pred, protocol, "micro")["micro"].f1, len(pred)))
    curve = pd.DataFrame(rows, columns=["threshold", "f1", "detections"])
    best = curve.sort_values(["f1", "threshold"], ascending=[False, False]).iloc[0]
    return float(best["threshold"]), float(best["f1"]), curve
