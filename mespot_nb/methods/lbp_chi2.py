"""LBP-χ² feature difference (Moilanen et al. 2014; seed 004 §II-B), training-free.

For each frame the contrast C_i = F_i − ½(F_{i−k} + F_{i+k}) of its LBP-χ² feature difference F
(negatives → 0); threshold T = mean(C) + p·(max(C) − mean(C)); peaks of C above T, at least k
frames apart, each an interval as long as the training subjects' median micro-expression. Only p
is chosen, on training subjects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..features.common import register_family
from ..features.lbp import LbpDifference
from .base import Method, TrainingFree, curve_windows

if TYPE_CHECKING:  # imported where used: `mespot landmarks` never loads pandas
    import pandas as pd

register_family(LbpDifference)


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

    Peaks of the contrast C above T = mean(C) + p·(max(C) − mean(C)) (p ∈ [0, 1]), taken
    greedily by height at least k frames apart; each becomes the interval of 2k + 1 frames
    around it (or ``extent`` frames), clipped to the video. Score = C at the peak / max(C).
    """
    import pandas as pd

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


def _spot(f, p: float, settings: dict) -> pd.DataFrame:
    ext = settings.get("extent_s")
    return lbp_spot(f.lbp, f.lbp_k, p, max(1, int(round(ext * f.fps))) if ext else None)


def _frame_scores(f, settings: dict | None = None) -> pd.DataFrame:
    """One window of 2k + 1 frames around every frame, scored by C / max(C) (``settings``
    accepted as every training-free spotter's is; LBP-χ² has none)."""
    return curve_windows(lbp_contrast(f.lbp, f.lbp_k), f.lbp_k)


LBP_CHI2 = Method(
    name="lbp-chi2", title="LBP-χ²", source="Moilanen et al. 2014; seed 004 §II-B",
    window="frame", label="cov_pos", families=("lbp",),
    spot={"extent": "train-median", "select_protocol": "megc2020"},
    free=TrainingFree(spot=_spot, frame_scores=_frame_scores),
    references=("moilanen2014", "verburg2019"))
