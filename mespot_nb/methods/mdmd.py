"""MDMD — main directional maximal difference (Wang et al., Neurocomputing 230, 2017), as the
MEGC2020 baseline ran it (He et al., FG 2020), training-free, for micro- and macro-expressions.

Per frame i the feature F_i compares the optical flow from frame i − k to i with the flow from
i − k to i + k in the main direction of each of 6×6 blocks (:mod:`mespot_nb.features.curves`);
the contrast C_i = F_i − ½(F_{i−m} + F_{i+m}), m = k − 1; frames with C_i > mean(C) +
p·(max(C) − mean(C)) are positive; runs of positive frames that pass the length filter are the
intervals (:mod:`mespot_nb.peaks`). One curve per type (k = 0.4 s and 1.3 s), one p for both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..peaks import contrast, mdmd_intervals, mdmd_length_filter
from ..features.common import register_family
from ..features.curves import MDMDFamily
from .base import Method, TrainingFree, curve_windows

if TYPE_CHECKING:  # imported where used: `mespot landmarks` never loads pandas
    import pandas as pd

register_family(MDMDFamily)

#: p candidates tried on training subjects (the baseline's p = 0.01 among them).
P_GRID = (0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)


def mdmd_contrast(f, type: str) -> np.ndarray:
    """C of one type's MDMD curve of a video (T,), NaN where undefined."""
    k = int(getattr(f, f"mdmd_k_{type}"))
    return contrast(np.asarray(getattr(f, f"mdmd_F_{type}"), float), max(1, k - 1))


def spot(f, p: float, settings: dict) -> pd.DataFrame:
    """MDMD's intervals of one video at threshold fraction ``p``, both types unless
    ``settings["types"]`` says otherwise; rows ``onset, offset, score, type``."""
    import pandas as pd

    parts = []
    for t in settings.get("types", ("micro", "macro")):
        lo, hi = mdmd_length_filter(f.fps, t, settings.get("style"))
        iv = mdmd_intervals(mdmd_contrast(f, t), p, lo, hi)
        parts.append(iv.assign(type=t))
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    return out.sort_values("onset").reset_index(drop=True) if len(out) else out


def frame_scores(f, settings: dict | None = None) -> pd.DataFrame:
    """The micro contrast of every frame as a window of 2k + 1 frames around it (for ROC);
    ``settings`` is accepted as every training-free spotter's is, and MDMD has none."""
    return curve_windows(mdmd_contrast(f, "micro"), int(f.mdmd_k_micro))


MDMD = Method(
    name="mdmd", title="MDMD", source="Wang et al. 2017; MEGC2020 baseline (He et al., FG 2020)",
    window="frame", label="cov_pos", families=("mdmd",),
    spot={"select_protocol": "megc2020", "select_type": "overall"},
    free=TrainingFree(spot=spot, frame_scores=frame_scores, grid=P_GRID, default=0.01),
    types=("micro", "macro"),
    references=("wang2017mdmd", "he2020megc"))
