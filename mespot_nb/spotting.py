"""Spotting a user's own video end to end: frames → track → features → scores → MEGC intervals.

This stage sits above training: it reads a model file written by ``mespot train`` (or uses a
training-free method directly) and never trains. Scores become intervals through
:mod:`mespot_nb.detections`, the same code LOSO uses.
"""

from __future__ import annotations

import pandas as pd

from .cache import video_entry_name
from .detections import PRED_COLUMNS, spot_table
from .face import TrackParams
from .features import FeatureParams, cached_features
from .intervals import clip_to_video, footage_fraction
from .methods import get_method
from .readers import read_video_source
from .training import free_predictions, gather, load_trained, predict_scores


def spot_video(source, model_path, cache_dir, fps: float | None = None,
               threshold: float | None = None, progress: bool = True) -> dict:
    """Spot micro-expressions in any video file or frames folder with a trained model.

    Features are extracted at the video's own frame rate (windows are defined in seconds) and
    cached. Returns a dict with ``intervals`` (MEGC rows: subject, video, onset, offset, type,
    score; inside the video), ``scores`` (every window: start, stop, score), ``threshold``,
    ``n_frames``, ``fps``, ``footage`` (fraction of frames inside a spotted interval — what an
    annotator still reviews).
    """
    model, meta = load_trained(model_path)
    m = get_method(meta["method"])
    ds = read_video_source(source, fps=fps)
    row = ds.videos.iloc[0]
    fparams = FeatureParams(**meta["feature_params"])
    f = cached_features(row.source, float(row.fps), cache_dir, fparams,
                        TrackParams(**meta["track_params"]),
                        name=video_entry_name("spot", row.subject, row.video))
    feats = {(row.subject, row.video): f}
    thr = meta["threshold"] if threshold is None else float(threshold)
    n_frames = int(f.n_frames)
    kw = dict(meta["spot_kw"])
    if not m.trainable:
        pred = free_predictions(m, feats, thr, kw)
        tab = m.free.frame_scores(f).assign(subject=row.subject, video=row.video, fps=f.fps)
    else:
        data = gather(ds, feats, m)
        tab = data.table[["subject", "video", "start", "stop", "fps", "n_frames"]].copy()
        tab["score"] = predict_scores(model, data, m)
        pred = spot_table(tab, None, thr, **kw) if len(tab) else pd.DataFrame(columns=PRED_COLUMNS)
    pred = clip_to_video(pred, n_frames)
    return dict(intervals=pred, scores=tab, threshold=thr, n_frames=n_frames,
                fps=float(row.fps), footage=footage_fraction(pred, n_frames),
                method=m.name, subject=row.subject, video=row.video)
