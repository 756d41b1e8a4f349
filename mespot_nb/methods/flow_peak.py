"""flow-peak — an optical-flow peak spotter in the style of the best training-free methods
(Zhao et al., ACM MM 2022; He, MEGC2021), designed in this kit, for micro- and macro-expressions.

Flow between frames i and i + k (k ≈ 0.12 s, half a micro-expression) in landmark-anchored
regions — both brows, both mouth corners, the chin — with the eyelids masked (blinks) and the
nose region's flow subtracted (head motion); the largest region's mean magnitude per frame,
smoothed (:mod:`mespot_nb.features.curves`). Peaks above mean + p·(max − mean) and an absolute
floor, at least ``min_distance_s`` apart; onset and offset where the curve rises from and falls
back to half its height over the local baseline; ≤ 0.5 s is micro, longer macro
(:func:`mespot_nb.peaks.peak_intervals`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..peaks import FLOW_PEAK_MIN_PX, peak_intervals
from ..features.common import register_family
from ..features.curves import FlowPeakFamily
from .base import Method, TrainingFree, curve_windows

if TYPE_CHECKING:  # imported where used: `mespot landmarks` never loads pandas
    import pandas as pd

register_family(FlowPeakFamily)

#: Defaults, chosen on a small demo (3 subjects, seed 1) — never on an evaluation subject:
#: ``head_weight`` × the head's motion (the nose's flow magnitude) is taken off the curve, since a
#: turning head leaves residual motion in every region after the nose's flow is subtracted;
#: ``smooth_s`` and ``merge_gap_s`` join an expression's onset and offset phases (two bumps of a
#: flow between frames k apart) into one detection. README "Training-free spotters".
DEFAULTS = {"p": 0.2, "min_distance_s": 0.3, "min_height": FLOW_PEAK_MIN_PX, "max_micro_s": 0.5,
            "head_weight": 1.0, "smooth_s": 0.2, "merge_gap_s": 0.2}
P_GRID = (0.01, 0.02, 0.03) + tuple(np.round(np.arange(0.05, 0.96, 0.05), 2))


def motion_curve(f, head_weight: float = DEFAULTS["head_weight"]) -> np.ndarray:
    """The curve flow-peak spots on (T,), pixels: the most-moving region's magnitude minus
    ``head_weight`` × the head's motion, floored at 0 (NaN where the face is missing)."""
    c = np.asarray(f.flowpeak_curve, float)
    head = np.nan_to_num(np.asarray(f.flowpeak_nose, float))
    return np.where(np.isfinite(c), np.clip(c - head_weight * head, 0, None), np.nan)


def spot(f, p: float, settings: dict) -> pd.DataFrame:
    """flow-peak's intervals of one video; rows ``onset, offset, score, type`` (both types
    unless ``settings["types"]`` says otherwise)."""
    s = {**DEFAULTS, **settings}
    smooth = int(round(s["smooth_s"] * f.fps))
    iv = peak_intervals(motion_curve(f, s["head_weight"]), f.fps, p,
                        max(1, int(round(s["min_distance_s"] * f.fps))),
                        smooth=smooth + 1 - smooth % 2, min_height=s["min_height"],
                        max_micro_s=s["max_micro_s"], merge_gap_s=s["merge_gap_s"])
    iv = iv[iv["type"].isin(s.get("types", ("micro", "macro")))]
    return iv[["onset", "offset", "score", "type"]].reset_index(drop=True)


def frame_scores(f, settings: dict | None = None) -> pd.DataFrame:
    """The motion curve of every frame as a 0.5 s window centred on it (for ROC and
    timelines), with ``settings`` over :data:`DEFAULTS` (``head_weight``; ``mespot spot
    --set``)."""
    s = {**DEFAULTS, **(settings or {})}
    return curve_windows(motion_curve(f, s["head_weight"]), max(1, int(round(0.25 * f.fps))))


FLOW_PEAK = Method(
    name="flow-peak", title="flow-peak", source="this kit (after Zhao et al. 2022; He 2021)",
    window="frame", label="cov_pos", families=("flowpeak",),
    spot={"select_protocol": "megc2020", "select_type": "overall"},
    free=TrainingFree(spot=spot, frame_scores=frame_scores, grid=P_GRID, default=DEFAULTS["p"],
                      curve=motion_curve, curve_label="flow magnitude (px)",
                      curve_arrays=("flowpeak_curve", "flowpeak_nose"),
                      settings=(("min_height", 0.0, 50.0), ("head_weight", 0.0, 2.0),
                                ("min_distance_s", 0.05, 2.0))),
    types=("micro", "macro"),
    references=("zhao2022flow", "he2021", "farneback2003"))
