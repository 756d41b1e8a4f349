"""Retraining a learned method on a review's labels and re-scoring the candidates still to review.

Each function takes the :class:`~mespot_nb.review.session.Review` (``review``) as its first
argument; :meth:`Review.retrain <mespot_nb.review.session.Review.retrain>` logs the scores.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import replace
from typing import Any, Iterator

import numpy as np
import torch

from ..errors import MespotError
from ..features import extract_features, profile_feature_params
from ..inference import gather, predict_scores
from ..methods import Method, get_method
from ..models import ModelConfig
from ..readers import Dataset
from ..training import check_imagenet, train_with_threshold
from .candidates import candidate_id


def labelled_dataset(review) -> Dataset:
    """The videos with at least one decision or manual row, as a Dataset whose intervals are
    the labels (frames 1-based inclusive): the training set of :func:`train_and_score`."""
    rows = review.labels_table()
    keys = {(c["subject"], c["video"]) for cid, c in review.state.cands.items()
            if review.status(cid) in ("accepted", "rejected")}
    keys |= set(zip(rows["subject"], rows["video"]))
    iv = rows[["subject", "video", "onset", "apex", "offset", "type"]].copy()
    iv["row"] = np.arange(2, len(iv) + 2)
    for c in ("onset", "apex", "offset"):
        iv[c] = iv[c].astype("int64")
    vids = review.dataset.videos
    vids = vids[[(s, v) in keys for s, v in zip(vids["subject"], vids["video"])]]
    return Dataset(name=f"{review.dataset.name}-review", format="csv", fps=review.dataset.fps,
                   intervals=iv, videos=vids.reset_index(drop=True),
                   findings=review.dataset.findings.iloc[0:0])


def model_features(review, method: Method) -> dict:
    """The learned method's features, ``{(subject, video): VideoFeatures}``, of every video with
    a candidate or a manual row: those the review was given, else the curves' features when they
    hold the method's families, else extracted into the review's ``cache_dir`` (and kept on the
    review as ``model_features``)."""
    if review.model_features is not None:
        return review.model_features
    if review.features and all(set(method.families) <= set(f.meta.get("families", ()))
                               for f in review.features.values()):
        return review.features       # the curves' pass computed the method's families too
    if review.cache_dir is None:
        raise MespotError("retraining needs the learned method's features: open the review "
                          "with `model_features=` or `cache_dir=`")
    keys = {(c["subject"], c["video"]) for c in review.state.cands.values()}
    keys |= {(r["subject"], r["video"]) for r in review.state.manual}
    v = review.dataset.videos
    ds = replace(review.dataset, videos=v[[k in keys for k in zip(v["subject"], v["video"])]])
    review.model_features = extract_features(
        ds, review.cache_dir,
        method.feature_params(profile_feature_params(review.profile), review.dataset),
        progress=False)
    return review.model_features


def train_and_score(review, method: str | None = None, seed: int | None = None
                    ) -> tuple[dict[str, Any], dict[str, float]]:
    """Train a learned method (the review's profile) on the labelled videos — windows
    overlapping a candidate not yet reviewed are left out, their label unknown — and score every
    unreviewed (or skipped) candidate: the highest score of the windows overlapping it. The
    trained network is kept on the review as ``model``.

    Parameters
    ----------
    method : a learned method's name (default: the review's).
    seed : the training seed (default: the review's).

    Returns
    -------
    info : ``method, threshold, windows, positives, subjects, best_epoch, seconds``.
    scores : ``{candidate id: score}`` (0 for a candidate no window overlaps).
    """
    t0 = time.time()
    m = get_method(method or review.method)
    if not m.trainable:
        raise MespotError(f"{m.title} is training-free: choose a learned method to retrain")
    cfg = ModelConfig.profile(review.profile)
    check_imagenet(m, cfg, None)
    feats = model_features(review, m)
    lab = labelled_dataset(review)
    keys = set(zip(lab.videos["subject"], lab.videos["video"]))
    lab_feats = {k: f for k, f in feats.items() if k in keys}
    if not lab_feats:
        raise MespotError("nothing is labelled yet: accept or reject some candidates, then "
                          "retrain")
    data = gather(lab, lab_feats, m)
    pending = [c for cid, c in review.state.cands.items()
               if review.status(cid) in ("unreviewed", "skipped")]
    keep = np.ones(len(data.labels), bool)
    for c in pending:
        t = data.table
        keep &= ~((t["subject"] == c["subject"]) & (t["video"] == c["video"])
                  & (t["start"] <= c["offset"]) & (t["stop"] >= c["onset"])).to_numpy()
    data = data.select(keep)
    if not data.labels.any():
        raise MespotError(f"no positive window to train {m.title} on: accept at least one "
                          "micro-expression (its windows must lie on a face) first")
    iv = lab.intervals[lab.intervals["subject"].isin(data.subjects())]
    todo = {k: f for k, f in feats.items() if k in
            {(c["subject"], c["video"]) for c in pending}}
    scores = {}
    with torch_threads(1):   # small networks: one thread, no contention with the UI
        tr = train_with_threshold(m, cfg, data, iv, review.seed if seed is None else int(seed))
        review.model = tr["model"]
        if todo:
            allw = gather(replace(lab, videos=review.dataset.videos), todo, m)
            win = allw.table[["subject", "video", "start", "stop"]].copy()
            win["score"] = predict_scores(review.model, allw, m)
    if todo:
        for c in pending:
            w = win[(win["subject"] == c["subject"]) & (win["video"] == c["video"])
                    & (win["start"] <= c["offset"]) & (win["stop"] >= c["onset"])]
            scores[candidate_id(c["subject"], c["video"], c["onset"], c["offset"])] = \
                round(float(w["score"].max()), 6) if len(w) else 0.0
    info = dict(method=m.name, threshold=float(tr["threshold"]), windows=len(data.labels),
                positives=int(data.labels.sum()), subjects=sorted(data.subjects()),
                best_epoch=int(tr["best_epoch"]), seconds=round(time.time() - t0, 2))
    return info, scores


@contextlib.contextmanager
def torch_threads(n: int) -> Iterator[None]:
    """torch's intra-op threads set to ``n`` for the block, then restored."""
    old = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(old)
