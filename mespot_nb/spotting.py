"""Spotting a user's own video end to end: frames → track → features → scores → MEGC intervals.

It reads a model file written by ``mespot train`` (or uses a training-free method directly) and
never trains: windows, scores and model files come from :mod:`mespot_nb.inference`, below both
this stage and training. Scores become intervals through :mod:`mespot_nb.detections`, the same
code LOSO uses.
"""

from __future__ import annotations

import warnings

import pandas as pd

from .cache import video_entry_name
from .detections import PRED_COLUMNS, spot_table
from .face import TrackParams
from .features import FeatureParams, cached_features
from .intervals import clip_to_video, footage_fraction
from .errors import MespotError
from .methods import DEFAULT_SPOTTER, get_method, method_names
from .readers import read_video_source
from .inference import fit_time_axis, free_predictions, gather, load_trained, predict_scores


def check_p(p: float | None, name: str = "--p") -> float | None:
    """Refuse a threshold fraction outside (0, 1), naming the parameter."""
    if p is None:
        return None
    p = float(p)
    if not 0.0 < p < 1.0:
        raise MespotError(f"{name} {p:g} is outside (0, 1): the threshold T = mean + p·(max − "
                          "mean) needs a fraction strictly between 0 and 1 (e.g. 0.3)")
    return p


def spot_video(source, model_path=None, cache_dir=None, fps: float | None = None,
               threshold: float | None = None, progress: bool = True, method: str | None = None,
               type: str = "all", p: float | None = None, n_jobs: int = 1) -> dict:
    """Spot expressions in any video file or frames folder.

    With ``model_path`` (a file from ``mespot train``) the trained method and its threshold are
    used (``threshold`` overrides the model's); otherwise the training-free ``method`` (default
    ``regflow``, :data:`~mespot_nb.methods.DEFAULT_SPOTTER`) with its default p, or ``p``. Features are extracted at the video's own frame
    rate and cached in ``cache_dir`` (default: the default manifest's cache, ``MESPOT_CACHE``
    first, as ``mespot spot``). ``n_jobs`` processes track the video when no track is cached
    (:func:`~mespot_nb.features.cached_features`; the same features as one process).

    Returns a dict with ``intervals`` (MEGC rows: subject, video, onset, offset, type, score;
    inside the video), ``scores`` (the method's score curve: start, stop, score),
    ``threshold``, ``n_frames``, ``fps``, ``footage`` (fraction of frames inside a spotted
    interval — what an annotator still reviews), ``method``, ``no_face``, ``feature_params``
    (the settings the features were computed with — e.g. SOFTNet's ``softnet_flow`` and k).
    """
    if type not in ("micro", "macro", "all"):
        raise MespotError(f"--type {type!r}: use micro, macro or all")
    if model_path is not None:
        if method is not None:
            raise MespotError("give either --model (a trained model file) or --method (a "
                              "training-free spotter), not both")
        model, meta = load_trained(model_path)
        m = get_method(meta["method"])
        if m.trainable and p is not None:
            raise MespotError(f"--p is the threshold fraction of a training-free spotter; the "
                              f"model {model_path} ({m.title}) has a score threshold: use "
                              "--threshold")
        fparams = FeatureParams(**meta["feature_params"])
        tparams = TrackParams(**meta["track_params"])
        thr = meta["threshold"] if threshold is None else float(threshold)
        if not m.trainable and p is not None:
            thr = float(p)
        kw = dict(meta["spot_kw"])
    else:
        m = get_method(method or DEFAULT_SPOTTER)
        if m.trainable:
            raise MespotError(f"method '{m.name}' is learned: train it with `mespot train "
                              f"--method {m.name}` and pass --model, or use a training-free "
                              f"method ({', '.join(method_names(trainable=False))})")
        model, fparams, tparams = None, FeatureParams(families=m.families), TrackParams()
        thr = m.free.default if p is None else float(p)
        kw = {k: v for k, v in m.spot_settings().items()
              if k not in ("select_protocol", "select_type", "extent")}
    if not m.trainable:
        check_p(thr, "--p" if model_path is None else "--threshold")
    if cache_dir is None:   # as `mespot spot` does: the manifest's cache (MESPOT_CACHE first)
        from .manifest import default_cache_dir, load_manifest

        try:
            cache_dir = load_manifest().cache_dir
        except MespotError:
            cache_dir = default_cache_dir()
    ds = read_video_source(source, fps=fps)
    row = ds.videos.iloc[0]
    f = cached_features(row.source, float(row.fps), cache_dir, fparams, tparams,
                        name=video_entry_name("spot", row.subject, row.video), n_jobs=n_jobs)
    feats = {(row.subject, row.video): f}
    n_frames = int(f.n_frames)
    no_face = f.meta.get("lost_frames", 0) >= n_frames
    if no_face:
        warnings.warn(f"no face found in any frame of {row.source}: nothing to spot", stacklevel=2)
    if not m.trainable:
        pred = free_predictions(m, feats, thr, kw)
        tab = m.free.frame_scores(f).assign(subject=row.subject, video=row.video, fps=f.fps)
    else:
        data = gather(ds, feats, m) if not no_face else None
        if data is None or not len(data.labels):
            tab = pd.DataFrame(columns=["subject", "video", "start", "stop", "fps", "score"])
            pred = pd.DataFrame(columns=PRED_COLUMNS)
        else:
            tab = data.table[["subject", "video", "start", "stop", "fps", "n_frames",
                              "stride"]].copy()
            data, notes = fit_time_axis(model, data, m)
            for note in notes:
                warnings.warn(f"{row.source}: {note}", stacklevel=2)
            tab["score"] = predict_scores(model, data, m)
            pred = spot_table(tab, None, thr, **kw)
    pred = clip_to_video(pred, n_frames)
    if type != "all" and len(pred):
        pred = pred[pred["type"] == type].reset_index(drop=True)
    return dict(intervals=pred, scores=tab, threshold=thr, n_frames=n_frames,
                fps=float(row.fps), footage=footage_fraction(pred, n_frames),
                method=m.name, subject=row.subject, video=row.video, no_face=no_face,
                feature_params=dict(f.meta.get("params", {})))
