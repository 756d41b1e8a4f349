"""A review's candidates: read from a ``mespot spot`` CSV or rows, or spotted by a training-free
method, and checked against the dataset's videos. Frames are 1-based inclusive."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import MespotError
from ..inference import free_predictions
from ..methods import DEFAULT_SPOTTER, get_method, method_names
from ..readers import Dataset, read_megc_csv_table
from ..video import open_video

#: Columns of a review's candidates table (:func:`read_candidates`).
CANDIDATE_COLUMNS = ["id", "subject", "video", "onset", "offset", "type", "score"]
#: The expression types a label may have.
TYPES = ("micro", "macro")


def candidate_id(subject: str, video: str, onset: int, offset: int) -> str:
    """A candidate's stable id: ``subject/video/onset-offset`` (as first spotted)."""
    return f"{subject}/{video}/{int(onset)}-{int(offset)}"


def read_candidates(candidates, dataset: Dataset, what: str = "candidates") -> pd.DataFrame:
    """Candidates checked against the dataset's videos.

    Parameters
    ----------
    candidates : a ``mespot spot`` CSV path, or a DataFrame of MEGC rows (``subject, video,
        onset, offset[, type][, score]``; frames 1-based inclusive). Without ``score`` the file
        order ranks them (the first candidate first); without ``type`` they are micro.
    dataset : the videos the candidates were spotted on.
    what : how an error names a CSV path.

    Returns
    -------
    :data:`CANDIDATE_COLUMNS`, one row per distinct interval, highest score first.
    """
    where = "candidates"
    if isinstance(candidates, (str, os.PathLike)):
        where = f"{what} {candidates}"
        df = read_megc_csv_table(candidates, what=what)
    else:
        df = pd.DataFrame(candidates).copy()
        missing = [c for c in ("subject", "video", "onset", "offset") if c not in df]
        if missing:
            raise MespotError(f"candidates lack column(s) {', '.join(missing)}; give MEGC rows "
                              "subject, video, onset, offset[, type][, score]")
        df["row"] = np.arange(2, len(df) + 2)
        df["subject"] = df["subject"].astype(str)
        df["video"] = df["video"].astype(str)
    if "type" not in df:
        df["type"] = "micro"
    if "score" not in df:   # file order: the first candidate first
        df["score"] = 1.0 - np.arange(len(df)) / max(len(df), 1)
    known = {(str(s), str(v)): n for s, v, n in
             zip(dataset.videos["subject"], dataset.videos["video"], n_frames(dataset))}
    for r in df.itertuples():
        key = (str(r.subject), str(r.video))
        if key not in known:
            raise MespotError(f"{where}, row {r.row}: video ({r.subject}, {r.video}) is not in "
                              f"dataset '{dataset.name}' (it has {_examples(dataset)}); review "
                              "the candidates with the dataset they were spotted on")
        n = known[key]
        if int(r.onset) < 1 or int(r.onset) > int(r.offset) or (n and int(r.offset) > n):
            raise MespotError(f"{where}, row {r.row}: frames {r.onset}–{r.offset} are not inside "
                              f"({r.subject}, {r.video}), frames 1–{n}")
    out = pd.DataFrame({"subject": df["subject"].astype(str), "video": df["video"].astype(str),
                        "onset": df["onset"].astype("int64"),
                        "offset": df["offset"].astype("int64"),
                        "type": df["type"].astype(str), "score": df["score"].astype(float)})
    out.insert(0, "id", [candidate_id(*k) for k in
                         zip(out["subject"], out["video"], out["onset"], out["offset"])])
    out = out.sort_values("score", ascending=False, kind="stable").drop_duplicates("id")
    return out.reset_index(drop=True)[CANDIDATE_COLUMNS]


def n_frames(dataset: Dataset) -> list[int]:
    """Frames of each video of the dataset, in its videos table's order (counted from the source
    where the table lacks it; 0 where unknown)."""
    out = []
    for r in dataset.videos.itertuples():
        n = r.n_frames
        if (n is None or pd.isna(n)) and source_path(r.source) and Path(r.source).exists():
            n = open_video(r.source, fps=float(r.fps)).n_frames
        out.append(int(n) if n is not None and not pd.isna(n) else 0)
    return out


def source_path(source) -> str | None:
    """A videos table's ``source`` as a path string, or None (missing: None or NaN)."""
    return source if isinstance(source, str) and source else None


def _examples(dataset: Dataset) -> str:
    v = dataset.videos
    return ", ".join(f"({s}, {x})" for s, x in zip(v["subject"].head(4), v["video"].head(4)))


def first_videos(dataset: Dataset, n: int) -> Dataset:
    """The first video with frames of each of the first ``n`` subjects, with their intervals."""
    v = dataset.videos[dataset.videos["source"].notna()]
    v = v.groupby("subject", sort=False).head(1).head(int(n)).reset_index(drop=True)
    keys = set(zip(v["subject"], v["video"]))
    iv = dataset.intervals
    iv = iv[[k in keys for k in zip(iv["subject"], iv["video"])]].reset_index(drop=True)
    return replace(dataset, videos=v, intervals=iv)


def spotter_candidates(features: dict, method: str = DEFAULT_SPOTTER, p: float | None = None
                       ) -> pd.DataFrame:
    """A training-free method's intervals as candidates.

    Parameters
    ----------
    features : ``{(subject, video): VideoFeatures}`` with the method's feature families.
    method : a training-free method (default :data:`~mespot_nb.methods.DEFAULT_SPOTTER`,
        ``mespot spot``'s; ``flow-peak``, ``mdmd``, …).
    p : the method's threshold parameter (default: the method's).

    Returns
    -------
    MEGC rows (``subject, video, onset, offset, type, score``; frames 1-based inclusive).
    """
    m = get_method(method)
    if m.trainable:
        raise MespotError(f"{m.title} is learned: give its predictions as a CSV, or use a "
                          f"training-free method ({', '.join(method_names(trainable=False))}) "
                          "for candidates")
    kw = {k: v for k, v in m.spot_settings().items()
          if k not in ("select_protocol", "select_type", "extent")}
    return free_predictions(m, features, m.free.default if p is None else float(p), kw)
