"""Retraining a learned method on a review's labels and re-scoring the candidates still to review.

Each function takes the :class:`~mespot_nb.review.session.Review` (``review``) as its first
argument; :meth:`Review.retrain <mespot_nb.review.session.Review.retrain>` logs the scores.
A method with one model per type (SOFTNet's micro and macro) trains one per type the
annotator has labelled, as :func:`~mespot_nb.training.train_final` does, and each candidate is
scored by the model of its own type.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import replace
from typing import Any, Iterator

import numpy as np

from ..errors import MespotError
from ..features import extract_features, profile_feature_params
from ..inference import (TypedFeatures, features_by_type, gather, method_features,
                         predict_scores)
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


def _typed_params(method: Method) -> bool:
    """Whether ``method`` trains several models whose feature settings depend on their type
    (SOFTNet's k): one pass's features then serve its first model only."""
    return len(method.model_types) > 1 and method.dataset_params is not None


def _holds(feats: dict, method: Method) -> bool:
    """Whether every video's features in ``feats`` hold ``method``'s families."""
    return bool(feats) and all(set(method.families) <= set(f.meta.get("families", ()))
                               for f in feats.values())


def model_features(review, method: Method, types: tuple[str, ...] | None = None) -> dict:
    """The learned method's features of every video with a candidate or a manual row.

    Those the review was given (``model_features``), else the curves' features when they hold
    the method's families and serve every model, else extracted into the review's
    ``cache_dir`` (:func:`~mespot_nb.inference.method_features`) and kept on the review as
    ``model_features``.

    Parameters
    ----------
    review : the :class:`~mespot_nb.review.session.Review`.
    method : the learned method's record.
    types : the models the features are needed for (default: every model of the method).
        Features on the review that lack the method's families (another method's, kept from an
        earlier retrain: the method was switched) are extracted anew when the review has a
        ``cache_dir`` (cached on disk, so switching back costs a read). For
        a method with one model per type, a pass missing from
        :class:`~mespot_nb.inference.TypedFeatures` already on the review is extracted when
        the review has a ``cache_dir`` (and the review's features are then extended with it).

    Returns
    -------
    ``{(subject, video): VideoFeatures}``: one pass, or a
    :class:`~mespot_nb.inference.TypedFeatures` of one pass per type (SOFTNet's k differs per
    type). A plain dict is returned as given, even for a method whose feature settings depend
    on the type: :func:`~mespot_nb.inference.features_by_type` then refuses it for the other
    types, naming what to pass.
    """
    types = tuple(types or method.model_types or (method.label_type,))
    have = review.model_features
    if have is not None and review.cache_dir is not None and not _holds(have, method):
        have = None          # another method's features: this method's are extracted below
    by = getattr(have, "by_type", None)
    missing: tuple[str, ...] = ()
    if have is not None:
        missing = tuple(t for t in types if by is not None and t not in by)
        if not missing or review.cache_dir is None:
            return have
    elif review.features and _holds(review.features, method) and \
            (not _typed_params(method) or review.cache_dir is None):
        return review.features       # the curves' pass computed the method's families too
    if review.cache_dir is None:
        raise MespotError("retraining needs the learned method's features: open the review "
                          "with `model_features=` or `cache_dir=`")
    keys = {(c["subject"], c["video"]) for c in review.state.cands.values()}
    keys |= {(r["subject"], r["video"]) for r in review.state.manual}
    v = review.dataset.videos
    ds = replace(review.dataset, videos=v[[k in keys for k in zip(v["subject"], v["video"])]])
    base = profile_feature_params(review.profile)
    if len(method.model_types) <= 1:   # one model: one pass, as it always was
        review.model_features = extract_features(
            ds, review.cache_dir, method.feature_params(base, review.dataset), progress=False)
        return review.model_features
    new = method_features(method, ds, review.cache_dir, base, types=missing or types,
                          progress=False)
    if by is not None:   # the passes already there, and the new ones, in the method's order
        got = {**by, **new.by_type}
        params = {**getattr(have, "params", {}), **new.params}
        new = TypedFeatures({t: got[t] for t in method.model_types if t in got},
                            {t: params[t] for t in method.model_types if t in params})
    review.model_features = new
    return new


def _overlapping(table, c) -> np.ndarray:
    """(N,) bool — rows of a window table on candidate ``c``'s video sharing a frame with it."""
    return ((table["subject"] == c["subject"]) & (table["video"] == c["video"])
            & (table["start"] <= c["offset"]) & (table["stop"] >= c["onset"])).to_numpy()


def train_and_score(review, method: str | None = None, seed: int | None = None
                    ) -> tuple[dict[str, Any], dict[str, float]]:
    """Train a learned method (the review's profile) on the labelled videos and score every
    candidate not yet reviewed (or skipped).

    Windows overlapping a candidate not yet reviewed are left out of training, their label
    unknown. A candidate's score is the highest score of the windows overlapping it.

    A method with one model per type (:attr:`~mespot_nb.methods.Method.model_types`,
    SOFTNet's micro and macro) trains each model as
    :func:`~mespot_nb.training.train_final` does: the record of its type
    (:meth:`~mespot_nb.methods.Method.for_type`: its labels, augmentation and fixed threshold),
    on that type's features (:func:`model_features`, one pass per type), with the same seed.
    A type with no accepted (or hand-added) label, or whose labels leave no usable positive
    window, is skipped — said in ``info["skipped"]``, not raised — as long as another type
    trains. Each candidate is scored by the model of its own ``type``; one whose type has no
    model gets 0 (``info["skipped"]`` says how many). A method with one model scores every
    candidate with it, whatever its type, as before.

    Parameters
    ----------
    review : the :class:`~mespot_nb.review.session.Review`.
    method : a learned method's name (default: the review's).
    seed : the training seed (default: the review's).

    Returns
    -------
    info : ``method, threshold, windows, positives, subjects, best_epoch, seconds`` (for a
        method with one model per type: those of the first model trained), plus, for such a
        method only, ``by_type`` (``{type: {threshold, windows, positives, subjects,
        best_epoch, scored}}``: each trained model's, ``scored`` the candidates it scored) and
        ``skipped`` (``{type: why}``, empty when every model trained).
    scores : ``{candidate id: score}`` (0 for a candidate no window overlaps).

    The trained network is kept on the review as ``model``: the network itself for a method
    with one model, ``{type: network}`` of the trained ones for a method with one per type.

    Raises
    ------
    MespotError
        A training-free method; nothing labelled yet; no model can train (no positive window of
        any type); the features of a needed type cannot be had (a plain features dict for a
        method whose feature settings depend on the type, or neither features nor
        ``cache_dir``).
    """
    t0 = time.time()
    m = get_method(method or review.method)
    if not m.trainable:
        raise MespotError(f"{m.title} is training-free: choose a learned method to retrain")
    cfg = ModelConfig.profile(review.profile)
    check_imagenet(m, cfg, None)
    multi = len(m.model_types) > 1
    lab = labelled_dataset(review)
    if multi:   # the models that have labels to learn from (their features only are needed)
        want = tuple(t for t in m.model_types if (lab.intervals["type"] == t).any())
    else:
        want = (m.label_type,)
    feats = model_features(review, m, want or m.model_types[:1])
    keys = set(zip(lab.videos["subject"], lab.videos["video"]))
    if not any(k in keys for k in feats):
        raise MespotError("nothing is labelled yet: accept or reject some candidates, then "
                          "retrain")
    pending = [c for cid, c in review.state.cands.items()
               if review.status(cid) in ("unreviewed", "skipped")]
    skipped: dict[str, str] = {}
    no_pass: list[str] = []   # types skipped for want of their features (not of labels)
    trained: dict[str, dict] = {}
    for t in m.model_types:
        if t not in want:
            skipped[t] = (f"no accepted or hand-added {t}-expression to train {m.title}'s {t} "
                          "model on")
            continue
        mt = m.for_type(t)
        by = getattr(feats, "by_type", None)
        if by is not None and t not in by:   # given TypedFeatures without this type's pass
            skipped[t] = (f"the review's model_features hold no {t} pass for {m.title}'s {t} "
                          "model (they have " + ", ".join(by) + "); open the review with "
                          "`cache_dir=` to extract it, or give TypedFeatures holding it "
                          "(mespot_nb.inference.method_features)")
            no_pass.append(t)
            continue
        ft = features_by_type(mt, feats)[t] if multi else feats
        data = gather(lab, {k: f for k, f in ft.items() if k in keys}, mt)
        keep = np.ones(len(data.labels), bool)
        for c in pending:
            keep &= ~_overlapping(data.table, c)
        data = data.select(keep)
        if not data.labels.any():
            if not multi:
                raise MespotError(f"no positive window to train {m.title} on: accept at least "
                                  f"one {t}-expression (its windows must lie on a face) first")
            skipped[t] = (f"the accepted {t}-expressions leave no positive window (on a face, "
                          f"not overlapping a candidate still to review) to train {m.title}'s "
                          f"{t} model on")
            continue
        trained[t] = dict(method=mt, feats=ft, data=data)
    if not trained:
        if no_pass:
            raise MespotError("; ".join(f"{t}: {skipped[t]}" for t in no_pass))
        kinds = " or ".join(f"{t}-expression" for t in m.model_types)
        raise MespotError(f"no positive window to train {m.title} on: accept at least one "
                          f"{kinds} (its windows must lie on a face) first")
    todo_keys = {(c["subject"], c["video"]) for c in pending}
    models, wins = {}, {}
    with torch_threads(1):   # small networks: one thread, no contention with the UI
        for t, d in trained.items():
            mt, data = d["method"], d["data"]
            iv = lab.intervals[lab.intervals["subject"].isin(data.subjects())]
            d["fit"] = train_with_threshold(mt, cfg, data, iv,
                                            review.seed if seed is None else int(seed))
            models[t] = d["fit"]["model"]
            mine = todo_keys if not multi else \
                {(c["subject"], c["video"]) for c in pending if c["type"] == t}
            todo = {k: f for k, f in d["feats"].items() if k in mine}
            if todo:
                allw = gather(replace(lab, videos=review.dataset.videos), todo, mt)
                win = allw.table[["subject", "video", "start", "stop"]].copy()
                win["score"] = predict_scores(models[t], allw, mt)
                wins[t] = win
    review.model = models if multi else next(iter(models.values()))
    scores = {}
    scored = dict.fromkeys(trained, 0)
    unscored: dict[str, int] = {}
    for c in pending if (multi or wins) else ():   # one model, no window to score: none
        t = c["type"] if multi else next(iter(trained))
        cid = candidate_id(c["subject"], c["video"], c["onset"], c["offset"])
        if t not in wins:   # no model of its type (skipped), or none of its windows: 0
            if t not in trained:
                unscored[t] = unscored.get(t, 0) + 1
            scores[cid] = 0.0
            continue
        w = wins[t][_overlapping(wins[t], c)]
        scores[cid] = round(float(w["score"].max()), 6) if len(w) else 0.0
        scored[t] += 1
    for t, n in unscored.items():
        why = skipped.get(t, f"{m.title} has no {t} model")
        skipped[t] = f"{why}; its {n} candidate(s) still to review score 0"
    first = trained[next(iter(trained))]
    fit, data = first["fit"], first["data"]
    info = dict(method=m.name, threshold=float(fit["threshold"]), windows=len(data.labels),
                positives=int(data.labels.sum()), subjects=sorted(data.subjects()),
                best_epoch=int(fit["best_epoch"]), seconds=round(time.time() - t0, 2))
    if multi:
        info["by_type"] = {t: dict(threshold=float(d["fit"]["threshold"]),
                                   windows=len(d["data"].labels),
                                   positives=int(d["data"].labels.sum()),
                                   subjects=sorted(d["data"].subjects()),
                                   best_epoch=int(d["fit"]["best_epoch"]), scored=scored[t])
                           for t, d in trained.items()}
        info["skipped"] = skipped
    return info, scores


@contextlib.contextmanager
def torch_threads(n: int) -> Iterator[None]:
    """torch's intra-op threads set to ``n`` for the block, then restored (torch loads here:
    opening a review does not import it)."""
    import torch

    old = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(old)
