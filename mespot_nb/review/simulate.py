"""The simulated annotator: the review loop run with a dataset's ground truth deciding
(:func:`simulate_review`), measuring after each round how close the queue's order is to the
truth. Frames are 1-based inclusive."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import MespotError
from ..intervals import covered_frames, iou_matrix
from ..readers import Dataset
from .log import log_path
from .open import open_review
from .session import Review

log = logging.getLogger(__name__)


def match_truth(cands: pd.DataFrame, truth: pd.DataFrame, iou: float = 0.5) -> list[int | None]:
    """For each candidate, the position in ``truth`` of the annotated expression it points to —
    IoU ≥ ``iou``, or at least half of the candidate inside it (an annotator then fixes the
    frames) — the most overlapping one, or None."""
    out: list[int | None] = []
    for r in cands.itertuples():
        g = truth[(truth["subject"] == r.subject) & (truth["video"] == r.video)]
        if not len(g):
            out.append(None)
            continue
        b = g[["onset", "offset"]].to_numpy(np.int64)
        inter = np.maximum(0, np.minimum(b[:, 1], r.offset) - np.maximum(b[:, 0], r.onset) + 1)
        m = iou_matrix(np.array([[r.onset, r.offset]]), b)[0]
        ok = (m >= iou) | (inter >= 0.5 * (r.offset - r.onset + 1))
        j = int(np.argmax(np.where(ok, inter, -1)))
        out.append(int(truth.index.get_loc(g.index[j])) if ok[j] else None)
    return out


def simulate_review(dataset: Dataset, candidates, features: dict | None = None,
                    model_features: dict | None = None, method: str = "hoof-lstm",
                    batch: int = 5, rounds: int = 6, top_n: int = 5, seed: int = 0,
                    labels: str | os.PathLike | None = None, cache_dir=None,
                    profile: str = "quick") -> pd.DataFrame:
    """The review loop with the ground truth (``dataset.intervals``) as the annotator.

    Each round the annotator takes the ``batch`` first candidates of the queue: one pointing to
    an annotated expression not yet labelled (:func:`match_truth`) is accepted with the truth's
    frames and type, any other rejected; then ``method`` is retrained on the labelled videos and
    the rest re-ordered by its scores.

    Returns one row per round (round 0: before any review): ``round, reviewed, labels``
    (accepted), ``found`` (fraction of the truth labelled), ``precision_top`` (of the first
    ``top_n`` candidates still to review, the fraction pointing to an expression not yet
    labelled), ``footage_left`` (fraction of all frames the annotator still watches, in the
    queue's order, until the last candidate that points to an unlabelled expression),
    ``footage_unreviewed`` (inside any candidate still to review), ``retrained``, ``retrain_s``.
    """
    tmp = None
    if labels is None:
        tmp = tempfile.TemporaryDirectory(prefix="mespot-sim-")
        labels = Path(tmp.name) / "simulated_labels.csv"
    else:
        labels = Path(labels)
        for p in (labels, log_path(labels)):   # a simulation always starts afresh
            p.unlink(missing_ok=True)
    rv = open_review(labels, dataset, candidates, features=features, cache_dir=cache_dir,
                     method=method, profile=profile, seed=seed, model_features=model_features)
    truth = dataset.intervals
    truth = truth[[k in rv.state.videos for k in zip(truth["subject"], truth["video"])]]
    truth = truth.reset_index(drop=True)
    labelled: set[int] = set()
    rows = []
    retrained, secs = False, 0.0
    try:
        for rnd in range(0, rounds + 1):
            if rnd > 0:
                todo = rv.queue()[:batch]
                if not todo:
                    break
                t = rv.table().set_index("id").loc[todo].reset_index()
                for cid, j in zip(todo, match_truth(t, truth)):
                    if j is None or j in labelled:
                        rv.reject(cid, "" if j is None else "already labelled")
                    else:
                        g = truth.iloc[j]
                        rv.accept(cid, int(g["onset"]), int(g["apex"]), int(g["offset"]),
                                  str(g["type"]))
                        labelled.add(j)
                try:
                    info = rv.retrain()
                    retrained, secs = True, info["seconds"]
                except MespotError as e:   # nothing to learn from yet (no positive window)
                    log.info("round %d: not retrained (%s)", rnd, e)
                    secs = 0.0
            rows.append(_measure(rv, truth, labelled, rnd, top_n, retrained, secs))
    finally:
        rv.close()
        if tmp is not None:
            tmp.cleanup()
    return pd.DataFrame(rows)


def _measure(rv: Review, truth: pd.DataFrame, labelled: set, rnd: int, top_n: int,
             retrained: bool, secs: float) -> dict:
    t = rv.table()
    pend = t[t["status"].isin(["unreviewed", "skipped"])].reset_index(drop=True)
    hit = np.array([j is not None and j not in labelled for j in match_truth(pend, truth)],
                   bool) if len(pend) else np.zeros(0, bool)
    n = rv.n_frames_total

    def cover(df) -> float:
        return sum(covered_frames(g[["onset", "offset"]]) for _, g in
                   df.groupby(["subject", "video"])) / n if n and len(df) else 0.0

    last = int(np.flatnonzero(hit)[-1]) + 1 if hit.any() else 0
    p = rv.progress()
    return dict(round=rnd, reviewed=p["reviewed"], labels=p["accepted"],
                found=len(labelled) / max(len(truth), 1),
                precision_top=float(hit[:top_n].mean()) if len(hit) else float("nan"),
                footage_left=cover(pend.head(last)), footage_unreviewed=cover(pend),
                retrained=retrained, retrain_s=secs)
