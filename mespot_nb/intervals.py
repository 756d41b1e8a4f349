"""Interval arithmetic shared by windows, spotting and evaluation (imports no stage).

Every interval is a 1-based inclusive frame range ``[onset, offset]``. Overlap is the inclusive
IoU::

    inter = max(0, min(e1, e2) − max(s1, s2) + 1)
    union = (e1 − s1 + 1) + (e2 − s2 + 1) − inter

Here live the IoU and coverage matrices, runs of positive windows (split where the windows are
not consecutive in time, so no detection spans a stretch without windows), greedy NMS, the
footage a set of intervals covers, and the matching rules of the three scoring protocols
(``megc2020``, ``one-to-one``, ``coverage``), which threshold selection on training subjects and
the final evaluation both count with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .errors import MespotError

if TYPE_CHECKING:  # imported where used: `mespot landmarks` never loads pandas
    import pandas as pd

PROTOCOLS = ("megc2020", "one-to-one", "coverage")


def as_bounds(intervals) -> np.ndarray:
    """(N, 2) int64 onset/offset of an array-like or a DataFrame with ``onset, offset``."""
    import pandas as pd

    if isinstance(intervals, pd.DataFrame):
        intervals = intervals[["onset", "offset"]].to_numpy()
    return np.asarray(intervals, dtype=np.int64).reshape(-1, 2)


def _intersection(pred: np.ndarray, gt: np.ndarray) -> np.ndarray:
    return np.maximum(0, np.minimum(pred[:, None, 1], gt[None, :, 1])
                      - np.maximum(pred[:, None, 0], gt[None, :, 0]) + 1)


def iou(s1: int, e1: int, s2: int, e2: int) -> float:
    """Inclusive temporal IoU of frame ranges [s1, e1] and [s2, e2]."""
    return float(iou_matrix([[s1, e1]], [[s2, e2]])[0, 0])


def iou_matrix(pred, gt) -> np.ndarray:
    """IoU of every prediction (rows) against every ground truth (columns).

    Parameters
    ----------
    pred : (P, 2) int, onset/offset per prediction.
    gt : (G, 2) int, onset/offset per ground truth.

    Returns
    -------
    (P, G) float64.
    """
    pred, gt = as_bounds(pred), as_bounds(gt)
    inter = _intersection(pred, gt)
    union = (pred[:, 1] - pred[:, 0] + 1)[:, None] + (gt[:, 1] - gt[:, 0] + 1)[None, :] - inter
    return np.where(union > 0, inter / np.maximum(union, 1), 0.0)


def coverage_matrix(pred, gt) -> np.ndarray:
    """|P ∩ G| / |G| for every prediction (rows) and ground truth (columns); (P, G) float64."""
    pred, gt = as_bounds(pred), as_bounds(gt)
    return _intersection(pred, gt) / np.maximum((gt[:, 1] - gt[:, 0] + 1)[None, :], 1)


def runs(mask, positions=None, max_step: float | None = None) -> list[tuple[int, int]]:
    """(first, last) index of each run of consecutive True values.

    Parameters
    ----------
    mask : (N,) bool.
    positions : (N,) increasing positions of the elements (e.g. window start frames). With
        ``max_step``, a run also ends where two neighbours are more than ``max_step`` apart — the
        windows between them are missing (no face), and a detection must not span the gap.
    """
    mask = np.asarray(mask, bool).ravel()
    if not mask.any():
        return []
    begin = mask & ~np.r_[False, mask[:-1]]          # a run starts after a False …
    if positions is not None and max_step is not None and len(mask) > 1:
        gap = np.r_[False, np.diff(np.asarray(positions, float)) > max_step]
        begin |= mask & gap                            # … or after a gap in time
    first = np.flatnonzero(begin)
    nxt = np.r_[first[1:], len(mask)]
    last = [int(a + np.argmin(np.r_[mask[a:b], False])) - 1 for a, b in zip(first, nxt)]
    return [(int(a), b) for a, b in zip(first, last)]


def nms(intervals, scores, iou_threshold: float = 0.5) -> np.ndarray:
    """Greedy non-maximum suppression of (N, 2) intervals: keep the best-scoring one, drop any
    whose IoU with a kept one exceeds ``iou_threshold``, repeat. Returns kept indices in score
    order (ties in input order)."""
    b = as_bounds(intervals)
    order = np.argsort(-np.asarray(scores, float), kind="stable")
    kept: list[int] = []
    for i in order:
        if not kept or (iou_matrix(b[[i]], b[kept]) <= iou_threshold).all():
            kept.append(int(i))
    return np.array(kept, dtype=np.int64)


def covered_frames(intervals) -> int:
    """Frames inside at least one of the intervals of one video (overlaps count once)."""
    covered, end = 0, -10**18
    for s, e in sorted(map(tuple, as_bounds(intervals))):
        if s > end:
            covered += e - s + 1
            end = e
        elif e > end:
            covered += e - end
            end = e
    return int(covered)


def footage_fraction(pred: pd.DataFrame, n_frames_total: int) -> float:
    """Fraction of the footage an annotator must still review: frames inside any prediction,
    overlapping predictions counted once per video (seed 004 reports 1 − this)."""
    if not n_frames_total or not len(pred):
        return 0.0
    covered = sum(covered_frames(g) for _, g in pred.groupby(["subject", "video"]))
    return covered / n_frames_total


def clip_to_video(pred: pd.DataFrame, n_frames: int | dict) -> pd.DataFrame:
    """Clip onsets to frame 1 and offsets to the video's last frame; rows left empty are dropped.

    ``n_frames`` is one count, or ``{(subject, video): count}`` for a table of several videos
    (a video missing from the dict is left unclipped at the end).
    """
    out = pred.copy()
    if not len(out):
        return out
    out["onset"] = out["onset"].clip(lower=1)
    if isinstance(n_frames, dict):
        last = np.array([n_frames.get((s, v), np.iinfo(np.int64).max)
                         for s, v in zip(out["subject"], out["video"])], np.int64)
    else:
        last = np.full(len(out), int(n_frames), np.int64)
    out["offset"] = np.minimum(out["offset"].to_numpy(np.int64), last)
    return out[out["offset"] >= out["onset"]].reset_index(drop=True)


# ----------------------------------------------------------------------------------------------
# the protocols' matching rules


@dataclass
class Score:
    """TP/FP/FN counts with precision, recall and F1 (0 where undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    unknown_videos: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                     self.unknown_videos + [v for v in other.unknown_videos
                                            if v not in self.unknown_videos])

    def as_dict(self) -> dict:
        """``{"tp","fp","fn","precision","recall","f1"}``."""
        return dict(tp=int(self.tp), fp=int(self.fp), fn=int(self.fn),
                    precision=round(self.precision, 6), recall=round(self.recall, 6),
                    f1=round(self.f1, 6))


def match_video(pred, gt, protocol: str, scores=None, iou_threshold: float = 0.5,
                coverage_threshold: float = 0.8) -> tuple[int, int, int]:
    """(TP, FP, FN) of one video's predictions against its ground truths under ``protocol``.

    ``megc2020``: a ground truth is found if any prediction has IoU ≥ threshold; FP =
    predictions − found. ``one-to-one``: predictions by descending ``scores`` (input order on
    ties) each take the first unmatched ground truth with IoU ≥ threshold. ``coverage`` (seed
    004): a prediction covering ≥ ``coverage_threshold`` of some ground truth is TP; FN =
    ground truths − TP, never below 0.
    """
    pa, ga = as_bounds(pred), as_bounds(gt)
    if not len(pa):
        return 0, 0, len(ga)
    if not len(ga):
        return 0, len(pa), 0
    if protocol == "megc2020":
        found = int((iou_matrix(pa, ga) >= iou_threshold).any(axis=0).sum())
        return found, max(0, len(pa) - found), len(ga) - found
    if protocol == "one-to-one":
        m = iou_matrix(pa, ga) >= iou_threshold
        s = np.zeros(len(pa)) if scores is None else np.asarray(scores, float)
        taken = np.zeros(len(ga), dtype=bool)
        tp = 0
        for i in np.argsort(-s, kind="stable"):
            cand = np.flatnonzero(m[i] & ~taken)
            if cand.size:
                taken[cand[0]] = True
                tp += 1
        return tp, len(pa) - tp, len(ga) - tp
    if protocol == "coverage":
        tp = int((coverage_matrix(pa, ga) >= coverage_threshold).any(axis=1).sum())
        return tp, len(pa) - tp, max(0, len(ga) - tp)
    raise MespotError(f"unknown protocol {protocol!r}; use one of {', '.join(PROTOCOLS)}")


def score_intervals(gt: pd.DataFrame, pred: pd.DataFrame, protocol: str = "megc2020",
                    iou_threshold: float = 0.5, coverage_threshold: float = 0.8) -> Score:
    """Score one pool of predictions against one pool of ground truths, all videos pooled.

    Parameters
    ----------
    gt : columns ``subject, video, onset, offset`` (file order matters for ``one-to-one``).
    pred : columns ``subject, video, onset, offset`` and optionally ``score``.

    Predictions on a video the ground truth lacks are FP and listed in ``unknown_videos``.
    """
    if protocol not in PROTOCOLS:
        raise MespotError(f"unknown protocol {protocol!r}; use one of {', '.join(PROTOCOLS)}")
    gt_g = dict(tuple(gt.groupby(["subject", "video"], sort=False))) if len(gt) else {}
    pred_g = dict(tuple(pred.groupby(["subject", "video"], sort=False))) if len(pred) else {}
    total = Score()
    unknown = [k for k in pred_g if k not in gt_g]
    total.fp += sum(len(pred_g[k]) for k in unknown)
    total.unknown_videos = [(str(a), str(b)) for a, b in unknown]
    for key, g in gt_g.items():
        p = pred_g.get(key)
        if p is None:
            total.fn += len(g)
            continue
        sc = p["score"].to_numpy(float) if "score" in p else None
        tp, fp, fn = match_video(p, g, protocol, sc, iou_threshold, coverage_threshold)
        total.tp += tp
        total.fp += fp
        total.fn += fn
    return total
