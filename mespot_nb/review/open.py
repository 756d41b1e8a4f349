"""Opening (or resuming) a review: :func:`open_review` on a dataset's videos, :func:`review_video`
on one video spotted on the spot."""

from __future__ import annotations

import os
from pathlib import Path

from ..cache import video_entry_name
from ..errors import MespotError
from ..features import FeatureParams, cached_features
from ..manifest import default_cache_dir
from ..methods import DEFAULT_SPOTTER, get_method, method_names
from ..readers import Dataset, read_video_source
from ..spotting import spot_video
from .candidates import n_frames, read_candidates, source_path
from .log import State, flocked, hand_edits, lock_info, read_log
from .session import Review


def open_review(labels: str | os.PathLike, dataset: Dataset, candidates=None,
                features: dict | None = None, cache_dir: str | os.PathLike | None = None,
                method: str = "hoof-lstm", profile: str = "quick", seed: int = 0,
                model_features: dict | None = None, moved: dict | None = None,
                spotter: str | None = None) -> Review:
    """Open (or resume) the review whose labels file is ``labels``.

    Parameters
    ----------
    labels : the labels CSV to write (its log and lock go beside it).
    dataset : the videos the candidates are on (a Dataset; ids and frame sources).
    candidates : a ``mespot spot`` CSV path or MEGC rows; None on resuming. New ones are added
        to those the log holds; the log's decisions always stand.
    features : ``{(subject, video): VideoFeatures}`` holding the spotter's curve (the plot beside
        each candidate).
    cache_dir : where the learned method's features are cached (for :meth:`Review.retrain`).
    method, profile, seed : what :meth:`Review.retrain` trains.
    model_features : the learned method's features, if already at hand.
    moved : ``{"subject/video": new path}`` for videos whose files moved since the review
        began.
    spotter : the training-free method whose curve is drawn (default
        :data:`~mespot_nb.methods.DEFAULT_SPOTTER`, the one ``mespot spot`` uses).
    """
    labels = Path(labels).expanduser().absolute()
    sp = get_method(spotter or DEFAULT_SPOTTER)
    if sp.trainable:
        raise MespotError(f"spotter={sp.name!r} is learned; the review's spotter is a "
                          "training-free method (its curve is drawn beside each candidate): "
                          "give the learned method's predictions as `candidates`, or use one "
                          f"of {', '.join(method_names(trainable=False))}")
    spotter = sp.name
    r = Review(labels, dataset, features, cache_dir, method, profile, seed, model_features,
               spotter=spotter)
    r._acquire()
    try:
        _load(r, candidates, moved or {})
    except BaseException:
        r.close()
        raise
    return r


def _load(r: Review, candidates, moved: dict) -> None:
    """Replay the log into ``r``, check its videos are where the log saw them (or log where
    they moved), add the new candidates and videos, adopt hand edits of the labels file."""
    events = read_log(r.log)
    for ev in events:
        r.state.apply(ev)
    r._seq = max((int(e["seq"]) for e in events), default=0)
    r._log_size = r.log.stat().st_size if r.log.exists() else 0
    cands = read_candidates(candidates, r.dataset) if candidates is not None else None
    new: list[dict] = []
    # videos: those of the candidates, sources checked against where the log saw them
    ds_src = {(str(s), str(v)): dict(subject=str(s), video=str(v), source=source_path(src),
                                     fps=float(f), n_frames=int(n))
              for s, v, src, f, n in zip(r.dataset.videos["subject"], r.dataset.videos["video"],
                                         r.dataset.videos["source"], r.dataset.videos["fps"],
                                         n_frames(r.dataset))}
    for key, info in list(r.state.videos.items()):
        old = info.get("source")
        want = moved.get(f"{key[0]}/{key[1]}") or (ds_src.get(key) or {}).get("source")
        if old and Path(old).exists() and (not want or Path(want).resolve() == Path(old).resolve()):
            continue
        if want and Path(want).exists():
            new.append(dict(event="video_moved", subject=key[0], video=key[1], old=old,
                            new=str(want)))
            continue
        raise MespotError(
            f"video ({key[0]}, {key[1]}) of the review in {r.labels} was at {old}, which no "
            "longer exists (moved or renamed?). Point the dataset's manifest entry (`frames:` / "
            f"`root:`) at where it is now, or pass moved={{'{key[0]}/{key[1]}': 'NEW/PATH'}} to "
            "open_review; the decisions saved so far are kept")
    if cands is not None:
        add = cands[~cands["id"].isin(list(r.state.cands))]
        for k in dict.fromkeys(zip(add["subject"], add["video"])):
            if not ds_src[k]["source"]:
                raise MespotError(f"video ({k[0]}, {k[1]}) of dataset '{r.dataset.name}' has "
                                  "candidates but no frames on this machine; fix the manifest "
                                  "entry's frames path")
        # every video with frames is under review: one without candidates is footage spared
        vids = [v for k, v in ds_src.items() if v["source"] and k not in r.state.videos]
        if vids:
            new.append(dict(event="start" if not events else "videos", videos=vids))
        if len(add):
            new.append(dict(event="candidates", rows=add.to_dict(orient="records"),
                            spotted_by=str(candidates) if isinstance(candidates, (str, os.PathLike))
                            else "rows"))
    elif not events:
        raise MespotError(f"no review in {r.labels} to resume (no {r.log.name} beside it): give "
                          "the candidates to start one")
    with flocked(r.lock) as fh:
        info = lock_info(fh)
        if not info or info.get("session") != r.session:
            raise MespotError(f"labels file {r.labels} was opened by another process while "
                              "this review was opening; open it again")
        for ev in new:                      # provisionally, so the file is checked against
            r.state.apply(dict(ev, seq=0))  # every video under review
        hand = hand_edits(r.labels, r.state, r._labels_sha)   # a bad row raises: nothing written
        r.state = State()
        for ev in events:
            r.state.apply(ev)
        r._write(new + hand)


def review_video(source: str | os.PathLike, labels: str | os.PathLike, candidates=None,
                 cache_dir: str | os.PathLike | None = None, fps: float | None = None,
                 spotter: str = DEFAULT_SPOTTER, p: float | None = None, **kw) -> Review:
    """Review one video file or frames folder: candidates from a ``mespot spot`` CSV, or spotted
    on the spot with a training-free ``spotter`` (:func:`~mespot_nb.spotting.spot_video`).
    ``kw`` goes to :func:`open_review`."""
    cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
    ds = read_video_source(source, fps=fps, name="spot")
    row = ds.videos.iloc[0]
    m = get_method(spotter)
    if candidates is None:
        res = spot_video(source, cache_dir=cache_dir, fps=fps, method=m.name, p=p,
                         progress=False)
        candidates = res["intervals"]
    feats = {}
    if m.free is not None and m.free.curve is not None:   # the features spot_video cached
        feats = {(row.subject, row.video): cached_features(
            row.source, float(row.fps), cache_dir, FeatureParams(families=m.families),
            name=video_entry_name("spot", row.subject, row.video))}
    return open_review(labels, ds, candidates, features=feats, cache_dir=cache_dir,
                       spotter=m.name, **kw)
