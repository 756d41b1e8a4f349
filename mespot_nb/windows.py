"""Windows and their labels: which sliding windows count as micro-expressions.

A window is the frame range ``start .. start + length − 1`` (1-based, inclusive). Two labelling
rules, one per paper:

* seed 000 (DynGeoNet): positive if its IoU with a micro-expression is ≥ 0.5;
* seed 004 (HOOF-LSTM, eq. 1): positive if it covers ≥ 0.8 of a micro-expression.

Windows that overlap no annotated expression at all are *neutral* (used to show what the features
look like away from any expression).

Where a method's windows live in the features is a :class:`WindowKind`, registered by the method's
module (:func:`register_window_kind`) as the method itself is; the label rules are
:data:`LABEL_RULES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .errors import MespotError
from .intervals import coverage_matrix, iou_matrix
from .parallel import note_registration

if TYPE_CHECKING:  # imported where used: `mespot landmarks` never loads pandas
    import pandas as pd


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


@dataclass(frozen=True)
class WindowKind:
    """Where one kind of window lives in :class:`~mespot_nb.features.VideoFeatures`.

    name : the id a :class:`~mespot_nb.methods.Method` names as its ``window``.
    start : the array of window starts (N,) (1-based first frames); None for a kind without
        windows (a training-free method's per-frame curves).
    length : the scalar array holding the window length in frames.
    valid : the (N,) bool array: the window had a face to align to.
    pad_left : per-window inputs whose axis 1 is time: when datasets of different frame rates
        are trained together (cross-database), the shorter sequences are padded at the front
        with zeros ("no motion") to the longest.
    description : one line for tables and ``--help``.
    """

    name: str
    start: str | None = None
    length: str | None = None
    valid: str | None = None
    pad_left: tuple[str, ...] = ()
    description: str = ""

    @property
    def windowed(self) -> bool:
        """Whether the kind has windows a network can score."""
        return self.start is not None

    def arrays(self) -> tuple[str, ...]:
        """The feature arrays the kind reads (starts, length, validity)."""
        return tuple(a for a in (self.start, self.length, self.valid) if a)


#: Every registered window kind, by name (registered by the method modules that define them).
WINDOW_KINDS: dict[str, WindowKind] = {}


def register_window_kind(kind: WindowKind, replace: bool = False) -> WindowKind:
    """Add a window kind (from a method's module, a plug-in or a notebook)."""
    if kind.name in WINDOW_KINDS and WINDOW_KINDS[kind.name] != kind and not replace:
        raise MespotError(f"window kind '{kind.name}' is already registered with other arrays; "
                          "pass replace=True")
    if bool(kind.start) != bool(kind.length) or bool(kind.start) != bool(kind.valid):
        raise MespotError(f"window kind '{kind.name}' needs all of start, length and valid "
                          "(or none, for per-frame curves)")
    WINDOW_KINDS[kind.name] = kind
    note_registration(WINDOW_KINDS, kind.name, kind, register_window_kind, kind)
    return kind


def get_window_kind(name: str) -> WindowKind:
    """The registered window kind ``name``."""
    if name not in WINDOW_KINDS:
        raise MespotError(f"window kind {name!r} is not registered; have "
                          f"{', '.join(WINDOW_KINDS) or 'none'}")
    return WINDOW_KINDS[name]


#: Label rules by name: ``(starts, length, one video's intervals) → (N,) bool``. A method's
#: ``label`` names one; every rule's column is in :func:`window_table`. A method's module adds
#: its own with :func:`register_label_rule`.
LABEL_RULES = {"iou_pos": iou_labels, "cov_pos": coverage_labels}


def register_label_rule(name: str, rule, replace: bool = False):
    """Add a label rule ``(starts, length, intervals) → (N,) bool`` under ``name`` (a column of
    every :func:`window_table` from then on)."""
    if name in LABEL_RULES and LABEL_RULES[name] is not rule and not replace:
        raise MespotError(f"label rule '{name}' is already registered; pass replace=True")
    if name in ("subject", "video", "index", "start", "stop", "valid", "neutral", "n_frames",
                "stride", "label", "score"):
        raise MespotError(f"label rule name '{name}' is a window-table column; choose another")
    LABEL_RULES[name] = rule
    note_registration(LABEL_RULES, name, rule, register_label_rule, name, rule)
    return rule


def type_labels(table: pd.DataFrame, dataset, rule: str, type: str) -> np.ndarray:
    """(N,) bool — label rule ``rule`` of every row of a :func:`window_table` (its ``start`` and
    ``stop``) against the annotations of expression ``type`` (the table's own rule columns are
    micro-expression labels). A model of another type (SOFTNet's macro model) is labelled so.

    A rule that takes no ``type`` is refused, naming it."""
    out = np.zeros(len(table), bool)
    fn = LABEL_RULES[rule]
    if not len(table):
        return out
    for (s, v), idx in table.groupby(["subject", "video"], sort=False).indices.items():
        g = table.iloc[idx]
        length = int(g["stop"].iloc[0] - g["start"].iloc[0] + 1)
        try:
            out[idx] = fn(g["start"].to_numpy(), length, dataset.video_intervals(s, v), type=type)
        except TypeError as e:
            if "type" not in str(e):
                raise
            raise MespotError(f"label rule '{rule}' takes no `type`, so it cannot label windows "
                              f"against {type}-expressions; give it a `type` parameter") from None
    return out


def _columns() -> list[str]:
    return ["subject", "video", "index", "start", "stop", "valid", *LABEL_RULES, "neutral",
            "n_frames", "stride"]


def label_windows(starts: np.ndarray, length: int, intervals: pd.DataFrame) -> dict:
    """Every label rule's column of windows ``start .. start + length − 1`` against one video's
    annotations (``iou_pos``, ``cov_pos``), and ``neutral`` (each (N,) bool)."""
    out = {name: rule(starts, length, intervals) for name, rule in LABEL_RULES.items()}
    out["neutral"] = neutral_windows(starts, length, intervals)
    return out


def window_table(dataset, feats: dict, kind: "str | WindowKind" = "dyngeonet") -> pd.DataFrame:
    """Every window of every video with its labels.

    Parameters
    ----------
    dataset : the :class:`~mespot_nb.readers.Dataset` (its micro/macro intervals).
    feats : ``{(subject, video): VideoFeatures}``.
    kind : a registered :class:`WindowKind`'s name (``dyngeonet``: L-frame windows; ``hoof``:
        0.5 s), or the kind itself.

    Returns
    -------
    DataFrame with ``subject, video, index`` (row in that video's feature arrays), ``start``,
    ``stop`` (1-based inclusive), ``valid`` (a face to align to), ``iou_pos`` (IoU ≥ 0.5 with a
    micro-expression), ``cov_pos`` (covers ≥ 0.8 of one), ``neutral`` (overlaps no expression),
    ``n_frames`` (the video's length), ``stride`` (frames between its consecutive windows, all
    of them — a larger gap between the usable ones means windows without a face between).
    """
    import pandas as pd

    wk = kind if isinstance(kind, WindowKind) else get_window_kind(kind)
    if not wk.windowed:
        raise MespotError(f"window kind '{wk.name}' has no windows (per-frame curves)")
    start_key, length_key, valid_key = wk.start, wk.length, wk.valid
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
        return pd.DataFrame(columns=_columns())
    return pd.concat(rows, ignore_index=True)
