"""Evaluation: spotted intervals vs ground truth, exactly as the published protocols count.

All intervals are 1-based inclusive frame ranges. Overlap is the inclusive IoU::

    inter = max(0, min(e1, e2) − max(s1, s2) + 1)
    union = (e1 − s1 + 1) + (e2 − s2 + 1) − inter

Protocols (pooled over all videos; a video is the pair (subject, video)):

``megc2020``
    A ground truth is *found* if any prediction on its video has IoU ≥ threshold.
    TP = found ground truths; FP = predictions − TP (never below 0); FN = ground truths − TP.
``one-to-one`` (MEGC spot-then-recognise, STRS)
    Predictions in descending score (file order on ties) each take the first still-unmatched
    ground truth (in file order) with IoU ≥ threshold. Unmatched predictions are FP, unmatched
    ground truths FN.
``coverage`` (seed 004, HOOF-LSTM)
    A prediction is TP if it covers ≥ 0.8 of some ground truth (|P ∩ G| / |G|), else FP;
    FN = ground truths − TP (never below 0), as the paper counts.

Predictions on a video that the ground truth lacks are FP under every protocol and listed in
:attr:`Score.unknown_videos`. Per type (micro, macro) and overall (counts summed, then F1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import MespotError

PROTOCOLS = ("megc2020", "one-to-one", "coverage")
TYPES = ("micro", "macro")

#: The MEGC2020 baseline's prediction-length filters (frames), per dataset format and type.
MEGC2020_LENGTH_FILTERS = {
    "casme2": {"micro": (7, 16), "macro": (17, None)},
    "samm-lv": {"micro": (47, 105), "macro": (106, None)},
}


def iou(s1: int, e1: int, s2: int, e2: int) -> float:
    """Inclusive temporal IoU of frame ranges [s1, e1] and [s2, e2]."""
    inter = max(0, min(e1, e2) - max(s1, s2) + 1)
    union = (e1 - s1 + 1) + (e2 - s2 + 1) - inter
    return inter / union if union > 0 else 0.0


def iou_matrix(pred: np.ndarray, gt: np.ndarray) -> np.ndarray:
    """IoU of every prediction against every ground truth.

    Parameters
    ----------
    pred : (P, 2) int, onset/offset per prediction.
    gt : (G, 2) int, onset/offset per ground truth.

    Returns
    -------
    (P, G) float64.
    """
    pred = np.asarray(pred, dtype=np.int64).reshape(-1, 2)
    gt = np.asarray(gt, dtype=np.int64).reshape(-1, 2)
    inter = np.maximum(0, np.minimum(pred[:, None, 1], gt[None, :, 1])
                       - np.maximum(pred[:, None, 0], gt[None, :, 0]) + 1)
    lp = pred[:, 1] - pred[:, 0] + 1
    lg = gt[:, 1] - gt[:, 0] + 1
    union = lp[:, None] + lg[None, :] - inter
    return np.where(union > 0, inter / np.maximum(union, 1), 0.0)


def coverage_matrix(pred: np.ndarray, gt: np.ndarray) -> np.ndarray:
    """|P ∩ G| / |G| for every prediction (rows) and ground truth (columns); (P, G) float64."""
    pred = np.asarray(pred, dtype=np.int64).reshape(-1, 2)
    gt = np.asarray(gt, dtype=np.int64).reshape(-1, 2)
    inter = np.maximum(0, np.minimum(pred[:, None, 1], gt[None, :, 1])
                       - np.maximum(pred[:, None, 0], gt[None, :, 0]) + 1)
    lg = gt[:, 1] - gt[:, 0] + 1
    return inter / np.maximum(lg[None, :], 1)


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


def _groups(df: pd.DataFrame) -> dict[tuple[str, str], pd.DataFrame]:
    return {k: g for k, g in df.groupby(["subject", "video"], sort=False)}


def score_intervals(gt: pd.DataFrame, pred: pd.DataFrame, protocol: str = "megc2020",
                    iou_threshold: float = 0.5, coverage_threshold: float = 0.8) -> Score:
    """Score one pool of predictions against one pool of ground truths.

    Parameters
    ----------
    gt : columns ``subject, video, onset, offset`` (file order matters for ``one-to-one``).
    pred : columns ``subject, video, onset, offset`` and optionally ``score``.
    protocol : ``megc2020``, ``one-to-one`` or ``coverage``.
    """
    if protocol not in PROTOCOLS:
        raise MespotError(f"unknown protocol {protocol!r}; use one of {', '.join(PROTOCOLS)}")
    gt_g = _groups(gt) if len(gt) else {}
    pred_g = _groups(pred) if len(pred) else {}
    total = Score()
    unknown = [k for k in pred_g if k not in gt_g]
    for k in unknown:
        total.fp += len(pred_g[k])
    total.unknown_videos = [(str(a), str(b)) for a, b in unknown]
    for key, g in gt_g.items():
        ga = g[["onset", "offset"]].to_numpy(np.int64)
        p = pred_g.get(key)
        if p is None or len(p) == 0:
            total.fn += len(ga)
            continue
        pa = p[["onset", "offset"]].to_numpy(np.int64)
        if protocol == "megc2020":
            found = int((iou_matrix(pa, ga) >= iou_threshold).any(axis=0).sum())
            total.tp += found
            total.fp += max(0, len(pa) - found)
            total.fn += len(ga) - found
        elif protocol == "one-to-one":
            m = iou_matrix(pa, ga) >= iou_threshold
            scores = p["score"].to_numpy(float) if "score" in p else np.zeros(len(pa))
            order = np.argsort(-scores, kind="stable")
            taken = np.zeros(len(ga), dtype=bool)
            tp = 0
            for i in order:
                cand = np.flatnonzero(m[i] & ~taken)
                if cand.size:
                    taken[cand[0]] = True
                    tp += 1
            total.tp += tp
            total.fp += len(pa) - tp
            total.fn += len(ga) - tp
        else:  # coverage
            tp = int((coverage_matrix(pa, ga) >= coverage_threshold).any(axis=1).sum())
            total.tp += tp
            total.fp += len(pa) - tp
            total.fn += max(0, len(ga) - tp)
    return total


def filter_lengths(pred: pd.DataFrame, min_frames: int | None = None,
                   max_frames: int | None = None) -> pd.DataFrame:
    """Keep predictions whose length (offset − onset + 1 frames) lies in [min, max]."""
    n = pred["offset"] - pred["onset"] + 1
    keep = np.ones(len(pred), dtype=bool)
    if min_frames is not None:
        keep &= (n >= min_frames).to_numpy()
    if max_frames is not None:
        keep &= (n <= max_frames).to_numpy()
    return pred[keep]


def canonical_prediction_ids(pred: pd.DataFrame, format: str) -> pd.DataFrame:
    """Map the id spellings people use in MEGC submissions onto the readers' canonical ids.

    ``casme2``: subject ``15``/``s15`` → ``s15``; video ``15_0401``, ``15_0401girlcrashing``,
    ``0401`` or ``s15_0401`` → ``s15_0401``. ``samm-lv``: subject ``6``/``006`` → ``006``,
    video ``006_1`` (or ``006_1_2``) → ``006_1``. Other formats are left as they are.
    """
    pred = pred.copy()
    if format == "casme2":
        def subj(s: str) -> str:
            s = str(s).strip()
            return f"s{int(s)}" if s.isdigit() else s

        def vid(row) -> str:
            v = str(row.video).strip()
            m = re.match(r"s?(\d+)_(\d{4})", v) or re.fullmatch(r"()(\d{4})", v)
            if m:
                return f"{row.subject}_{m.group(2)}"
            return v

        pred["subject"] = pred["subject"].map(subj)
        pred["video"] = [vid(r) for r in pred.itertuples()]
    elif format == "samm-lv":
        pred["subject"] = pred["subject"].map(
            lambda s: str(s).strip().zfill(3) if str(s).strip().isdigit() else str(s).strip())
        pred["video"] = pred["video"].map(
            lambda v: "_".join(str(v).strip().split("_")[:2]))
    return pred


def evaluate(gt: pd.DataFrame, pred: pd.DataFrame, protocol: str = "megc2020",
             type: str = "all", iou_threshold: float = 0.5, coverage_threshold: float = 0.8,
             min_frames: int | None = None, max_frames: int | None = None,
             length_filters: dict[str, tuple[int | None, int | None]] | None = None
             ) -> dict[str, Score]:
    """Score predictions per type and overall.

    Parameters
    ----------
    gt : intervals table (``subject, video, onset, offset, type``).
    pred : predictions (``subject, video, onset, offset`` [, ``type``] [, ``score``]).
    type : ``micro``, ``macro`` or ``all``. Predictions without a ``type`` column are all scored
        against ``type``; with ``all`` and no type column, every ground truth is one pool (key
        ``all``). With a type column and ``all``, micro and macro are scored separately.
    min_frames, max_frames : a length filter on predictions, for every type.
    length_filters : per-type (min, max) filters (e.g. :data:`MEGC2020_LENGTH_FILTERS`).

    Returns
    -------
    ``{type: Score, ..., "overall": Score}`` — overall sums the counts, then computes F1.
    """
    if type not in (*TYPES, "all"):
        raise MespotError(f"unknown type {type!r}; use micro, macro or all")
    pred = filter_lengths(pred, min_frames, max_frames)
    has_type = "type" in pred.columns
    if type == "all":
        keys = list(TYPES) if has_type else ["all"]
    else:
        keys = [type]
    out: dict[str, Score] = {}
    for t in keys:
        g = gt if t == "all" else gt[gt["type"] == t]
        p = pred[pred["type"] == t] if (has_type and t != "all") else pred
        if length_filters and t in length_filters:
            p = filter_lengths(p, *length_filters[t])
        out[t] = score_intervals(g, p, protocol, iou_threshold, coverage_threshold)
    overall = Score()
    for t in keys:
        overall = overall + out[t]
    out["overall"] = overall
    return out


def footage_reduction(pred: pd.DataFrame, n_frames_total: int) -> float:
    """Fraction of the footage an annotator must still review: frames inside any prediction.

    Overlapping predictions count once per video. Seed 004 reports the reduction as 1 − this.
    """
    covered = 0
    for _, g in pred.groupby(["subject", "video"]):
        iv = sorted(zip(g["onset"], g["offset"]))
        end = -10**18
        for s, e in iv:
            if s > end:
                covered += e - s + 1
                end = e
            elif e > end:
                covered += e - end
                end = e
    return covered / n_frames_total if n_frames_total else 0.0


def roc_curve(scores: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Window-level ROC: false-positive rate, true-positive rate and thresholds (descending).

    Parameters
    ----------
    scores : (N,) float — higher means "more likely a micro-expression".
    labels : (N,) bool — the windows' ground truth.
    """
    scores = np.asarray(scores, float)
    labels = np.asarray(labels, bool)
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], labels[order]
    distinct = np.r_[np.flatnonzero(np.diff(s)), len(s) - 1] if len(s) else np.array([], int)
    tp = np.cumsum(y)[distinct]
    fp = np.cumsum(~y)[distinct]
    P, N = max(int(y.sum()), 1), max(int((~y).sum()), 1)
    return (np.r_[0.0, fp / N], np.r_[0.0, tp / P], np.r_[np.inf, s[distinct]])


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Area under the ROC curve (ties count one half); NaN if one class is absent."""
    scores = np.asarray(scores, float)
    labels = np.asarray(labels, bool)
    if labels.all() or not labels.any():
        return float("nan")
    from scipy.stats import rankdata

    r = rankdata(scores)
    n1 = labels.sum()
    n0 = len(labels) - n1
    return float((r[labels].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


#: The seeds' published figures (micro-expression spotting, leave-one-subject-out).
PUBLISHED = {
    ("dyngeonet", "casme2"): {"f1": 0.0501, "source": "seed 000, Table 1 (CAS(ME)²)"},
    ("dyngeonet", "samm-lv"): {"f1": 0.0974, "source": "seed 000, Table 1 (SAMM)"},
    ("dyngeonet", "smic-e-long"): {"f1": 0.1035, "source": "seed 000, Table 1 (SMIC-E-Long)"},
    ("hoof-lstm", "samm-lv"): {"recall": 0.4654, "precision": 0.0450, "f1": 0.0821, "tp": 74,
                               "fp": 1569, "source": "seed 004, Table I (SAMM, coverage)"},
}


def published(method: str, dataset_name: str, dataset_format: str) -> dict | None:
    """The published figure for a method on a real dataset (matched by entry name or format);
    None for the demo or unknown data."""
    key = dataset_name.lower()
    for cand in (key, dataset_format):
        if (method, cand) in PUBLISHED:
            return PUBLISHED[(method, cand)]
    if "smic" in key and (method, "smic-e-long") in PUBLISHED:
        return PUBLISHED[(method, "smic-e-long")]
    return None


def compare_methods(gt: pd.DataFrame, predictions: dict[str, pd.DataFrame],
                    protocols=PROTOCOLS, type: str = "micro") -> pd.DataFrame:
    """One row per (method, protocol): tp, fp, fn, precision, recall, f1 for ``type``."""
    rows = []
    for method, pred in predictions.items():
        for proto in protocols:
            s = evaluate(gt, pred, proto, type)[type]
            rows.append(dict(method=method, protocol=proto, **s.as_dict()))
    return pd.DataFrame(rows)
