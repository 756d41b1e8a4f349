"""Windows and their labels: which sliding windows count as micro-expressions.

A window is the frame range ``start .. start + length − 1`` (1-based, inclusive). Two labelling
rules, one per paper:

* seed 000 (DynGeoNet): positive if its IoU with a micro-expression is ≥ 0.5;
* seed 004 (HOOF-LSTM, eq. 1): positive if it covers ≥ 0.8 of a micro-expression.

Windows that overlap no annotated expression at all are *neutral* (used to show what the features
look like away from any expression).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .intervals import coverage_matrix, iou_matrix


def window_bounds(starts: np.ndarray, length: int) -> np.ndarray:
    """(N, 2) onset/offset frames of windows ``start .. start + length − 1``."""
    s = np.asarray(starts, np.int64)
    return np.stack([s, s + length - 1], axis=1)


def _gt(intervals: pd.DataFrame, type: str | None) -> np.ndarray:
    iv = intervals if type is None else intervals[intervals["type"] == type]
    return iv[["onset", "offset"]].to_numpy(np.int64).reshape(-1, 2)


def iou_labels(starts: np.ndarray, length: int, intervals: pd.DataFrame, type: str = "micro",
               threshold: float = 0.5) -> np.ndarray:
    """(N,) bool — window IoU with some interval of ``type`` ≥ threshold (seed 000)."""
    gt = _gt(intervals, type)
    if not len(gt) or not len(starts):
        return np.zeros(len(starts), bool)
    return (iou_matrix(window_bounds(starts, length), gt) >= threshold).any(axis=1)


def coverage_labels(starts: np.ndarray, length: int, intervals: pd.DataFrame, type: str = "micro",
                    threshold: float = 0.8) -> np.ndarray:
    """(N,) bool — the window covers ≥ threshold of some interval of ``type`` (seed 004 eq. 1)."""
    gt = _gt(intervals, type)
    if not len(gt) or not len(starts):
        return np.zeros(len(starts), bool)
    return (coverage_matrix(window_bounds(starts, length), gt) >= threshold).any(axis=1)


def neutral_windows(starts: np.ndarray, length: int, intervals: pd.DataFrame,
                    margin: int = 0) -> np.ndarray:
    """(N,) bool — windows (widened by ``margin`` frames) that overlap no annotated expression."""
    gt = _gt(intervals, None)
    if not len(gt) or not len(starts):
        return np.ones(len(starts), bool)
    b = window_bounds(starts, length) + np.array([-margin, margin])
    inter = np.minimum(b[:, None, 1], gt[None, :, 1]) - np.maximum(b[:, None, 0], gt[None, :, 0])
    return ~(inter >= 0).any(axis=1)


#: Where each window kind's windows live in :class:`~mespot_nb.features.VideoFeatures`:
#: (starts array, length, validity array), and the per-window arrays of that kind.
WINDOW_KINDS = {
    "dyngeonet": ("dg_start", "dg_length", "dg_valid", ("dyn", "apex", "geo")),
    "hoof": ("hoof_start", "hoof_length", "hoof_valid", ("hoof",)),
}
COLUMNS = ["subject", "video", "index", "start", "stop", "valid", "iou_pos", "cov_pos", "neutral",
           "n_frames", "stride"]


def label_windows(starts: np.ndarray, length: int, intervals: pd.DataFrame) -> dict:
    """The three labels of windows ``start .. start + length − 1`` against one video's
    annotations: ``iou_pos``, ``cov_pos``, ``neutral`` (each (N,) bool)."""
    return {"iou_pos": iou_labels(starts, length, intervals),
            "cov_pos": coverage_labels(starts, length, intervals),
            "neutral": neutral_windows(starts, length, intervals)}


def window_table(dataset, feats: dict, kind: str = "dyngeonet") -> pd.DataFrame:
    """Every window of every video with its labels.

    Parameters
    ----------
    dataset : the :class:`~mespot_nb.readers.Dataset` (its micro/macro intervals).
    feats : ``{(subject, video): VideoFeatures}``.
    kind : a key of :data:`WINDOW_KINDS` (``dyngeonet``: L-frame windows; ``hoof``: 0.5 s).

    Returns
    -------
    DataFrame with ``subject, video, index`` (row in that video's feature arrays), ``start``,
    ``stop`` (1-based inclusive), ``valid`` (a face to align to), ``iou_pos`` (IoU ≥ 0.5 with a
    micro-expression), ``cov_pos`` (covers ≥ 0.8 of one), ``neutral`` (overlaps no expression),
    ``n_frames`` (the video's length), ``stride`` (frames between its consecutive windows, all
    of them — a larger gap between the usable ones means windows without a face between).
    """
    if kind not in WINDOW_KINDS:
        raise ValueError(f"window kind {kind!r}: use one of {', '.join(WINDOW_KINDS)}")
    start_key, length_key, valid_key, _ = WINDOW_KINDS[kind]
    rows = []
    for (subj, vid), f in feats.items():
        starts, length, valid = getattr(f, start_key), int(getattr(f, length_key)), \
            getattr(f, valid_key)
        iv = dataset.video_intervals(subj, vid)
        gaps = np.diff(np.asarray(starts))
        stride = int(gaps[gaps > 0].min()) if (gaps > 0).any() else 1
        rows.append(pd.DataFrame({
            "subject": subj, "video": vid, "index": np.arange(len(starts)),
            "start": starts, "stop": np.asarray(starts) + length - 1, "valid": valid,
            **label_windows(starts, length, iv), "n_frames": int(f.n_frames),
            "stride": stride}))
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(rows, ignore_index=True)
