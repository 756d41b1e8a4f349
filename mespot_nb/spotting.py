"""Spotting a user's own video end to end: frames → track → features → scores → MEGC intervals.

It reads a model file written by ``mespot train`` (or uses a training-free method directly) and
never trains: windows, scores and model files come from :mod:`mespot_nb.inference`, below both
this stage and training. Scores become intervals through :mod:`mespot_nb.detections`, the same
code LOSO uses.
"""

from __future__ import annotations

import math
import warnings

import pandas as pd

from ._io import check_folder
from .cache import video_entry_name
from .detections import PRED_COLUMNS, spot_table
from .face import TrackParams
from .features import FeatureParams, cached_features
from .intervals import clip_to_video, footage_fraction
from .errors import MespotError
from .methods import DEFAULT_SPOTTER, get_method, method_names
from .readers import read_video_source
from .inference import fit_time_axis, free_predictions, gather, load_models, predict_scores


#: Below this frame rate (frames per second) `spot_video` warns: a micro-expression spans too
#: few frames for the spotters' lags and windows (SMIC's 25 fps clips are the lowest of the
#: published datasets).
LOW_FPS = 15.0
#: `spot_video` warns when the face is not found on more than this fraction of the frames (not
#: all: that is "no face found in any frame"), or a second face is seen on more than this
#: fraction of the detections.
LOST_WARN = 0.2


def _footage_warnings(meta: dict, n_frames: int, source: str) -> list[str]:
    """What a user must know about a video's features before reading its intervals: frames that
    could not be decoded, a face not found on many frames (or on none), a second face seen.

    Parameters
    ----------
    meta : the features' metadata (``missing``: undecodable frames, 1-based; ``lost_frames``:
        frames without a face, those among them; ``several_faces`` and ``detections``: the
        detector's runs that saw more than one face, and those that saw any, where recorded).
    n_frames : the video's frames.
    source : the video, as the user named it.

    Returns
    -------
    One line per finding (empty when there is none).
    """
    out = []
    gone = sorted(int(k) for k in meta.get("missing", []))
    missing = len(gone)
    # the last one or two frames alone missing: a container stating more frames than it holds
    # (many state one or two too many), not a damaged file
    tail = next((i for i in range(missing) if gone[missing - 1 - i] != n_frames - i), missing)
    if missing > tail:
        out.append(f"{missing} of {n_frames} frames of {source} could not be decoded (a damaged "
                   "or cut-short file?): nothing is spotted in them")
    elif tail > 2:
        out.append(f"the last {tail} of the {n_frames} frames {source} states could not be "
                   "decoded (its container states more frames than it holds, or the file is cut "
                   "short): nothing is spotted in them")
    lost = int(meta.get("lost_frames", 0))
    if lost >= n_frames:
        out.append(f"no face found in any frame of {source}: nothing to spot (the spotters need "
                   "an upright face, about 20 px or more between the eyes; a video stored "
                   "sideways must be rotated first)")
    elif lost - missing > LOST_WARN * n_frames:
        out.append(f"no face found on {lost - missing} of the {n_frames - missing} decoded "
                   f"frames of {source} ({100 * (lost - missing) / max(1, n_frames - missing):.0f} "
                   "%): nothing is spotted where the face is missing")
    several, det = int(meta.get("several_faces", 0)), int(meta.get("detections", 0))
    if det and several > LOST_WARN * det:
        out.append(f"more than one face in {source} ({several} of {det} detections): the "
                   "largest is followed; crop the video to the person if it is another")
    return out


def check_p(p: float | None, name: str = "--p") -> float | None:
    """Refuse a threshold fraction outside (0, 1), naming the parameter."""
    if p is None:
        return None
    p = float(p)
    if not 0.0 < p < 1.0:
        raise MespotError(f"{name} {p:g} is outside (0, 1): the threshold T = c + p·(max − c) "
                          "(c the curve's mean; regflow's and aumatch's, its median) needs a fraction strictly "
                          "between 0 and 1 (e.g. 0.3)")
    return p


def check_settings(m, settings: dict | None) -> dict[str, float]:
    """A training-free spotter's settings set by name (``mespot spot --set NAME=VALUE``).

    Parameters
    ----------
    m : the :class:`~mespot_nb.methods.base.Method` that will spot.
    settings : ``{name: value}``, values numbers or text that reads as one; None or {} for none.

    Returns
    -------
    ``{name: float}``, each inside the range the spotter gives it
    (:attr:`~mespot_nb.methods.base.TrainingFree.settings`).

    Raises
    ------
    MespotError
        For a learned method, a name the spotter does not list (``p`` included: that is
        ``--p``), or a value that is not a number in its range — each naming the setting and
        what to do.
    """
    if not settings:
        return {}
    if m.trainable or m.free is None:
        raise MespotError(f"--set sets a training-free spotter's settings; {m.title} is learned "
                          "(its model file carries its own): drop --set")
    ranges = m.free.setting_ranges()
    have = ", ".join(f"{k} [{lo:g}, {hi:g}]" for k, (lo, hi) in ranges.items()) or "none"
    out = {}
    for k, v in settings.items():
        if k == "p":
            raise MespotError("--set p: the threshold fraction is --p (e.g. --p 0.05)")
        if k not in ranges:
            raise MespotError(f"--set {k}: {m.name} has no setting {k!r}; it has {have}")
        try:
            out[k] = float(v)
        except (TypeError, ValueError):
            raise MespotError(f"--set {k}={v}: give a number") from None
        lo, hi = ranges[k]
        if not math.isfinite(out[k]) or not lo <= out[k] <= hi:
            raise MespotError(f"--set {k}={v}: give a number between {lo:g} and {hi:g}")
    return out


def spot_video(source, model_path=None, cache_dir=None, fps: float | None = None,
               threshold: float | None = None, progress: bool = True, method: str | None = None,
               type: str = "all", p: float | None = None, n_jobs: int = 1,
               settings: dict | None = None) -> dict:
    """Spot expressions in any video file or frames folder.

    With ``model_path`` (a file from ``mespot train``) the trained method and its threshold are
    used (``threshold`` overrides the model's); otherwise the training-free ``method`` (default
    ``aumatch``, :data:`~mespot_nb.methods.DEFAULT_SPOTTER`) with its default p, or ``p``. Features are extracted at the video's own frame
    rate and cached in ``cache_dir`` (default: the default manifest's cache, ``MESPOT_CACHE``
    first, as ``mespot spot``). ``n_jobs`` processes track the video when no track is cached
    (:func:`~mespot_nb.features.cached_features`; the same features as one process).
    ``settings`` sets a training-free spotter's own settings by name (those its
    :attr:`~mespot_nb.methods.base.TrainingFree.settings` lists, numbers in their ranges;
    ``mespot spot --set``): aumatch's ``blink_weight`` and ``talk_weight``, say
    (docs/aumatch-history.md, the fourth round). They change the intervals and ``scores``, the
    curve those came from.

    Returns a dict with ``intervals`` (MEGC rows: subject, video, onset, offset, type, score;
    inside the video), ``scores`` (the method's score curve: start, stop, score),
    ``threshold``, ``n_frames``, ``fps``, ``footage`` (fraction of frames inside a spotted
    interval — what an annotator still reviews), ``method``, ``settings`` (those set, {} for
    none), ``no_face``, ``feature_params``
    (the settings the features were computed with — e.g. SOFTNet's ``softnet_flow`` and k).

    A model file with one model per type (SOFTNet's micro and macro models) runs each — only
    the one ``type`` names, when it names one — on its own features (SOFTNet's macro k: a
    second cached pass), and ``intervals`` holds every model's with its ``type``. ``scores``,
    ``threshold`` and ``feature_params`` are then the first model's; ``scores_by_type``,
    ``thresholds`` and ``feature_params_by_type`` hold each one's (``{type: …}``).
    """
    if type not in ("micro", "macro", "all"):
        raise MespotError(f"--type {type!r}: use micro, macro or all")
    models = []   # (type, network, that model's metadata) of a learned model file
    if model_path is not None:
        if method is not None:
            raise MespotError("give either --model (a trained model file) or --method (a "
                              "training-free spotter), not both")
        m, models = load_models(model_path)
        if m.trainable and p is not None:
            raise MespotError(f"--p is the threshold fraction of a training-free spotter; the "
                              f"model {model_path} ({m.title}) has a score threshold: use "
                              "--threshold")
        if m.trainable and type != "all":
            have = [t for t, _, _ in models]
            models = [x for x in models if x[0] == type]
            if not models:
                raise MespotError(f"--type {type}: the model file {model_path} holds {m.title}'s "
                                  f"{' and '.join(have)} model{'s' if len(have) > 1 else ''} "
                                  f"only; use --type {have[0]} or all, or train a file with "
                                  f"both (`mespot train --method {m.name}`)")
        meta = models[0][2]
        fparams = FeatureParams(**meta["feature_params"])
        tparams = TrackParams(**meta["track_params"])
        thr = meta["threshold"] if threshold is None else float(threshold)
        if not m.trainable and p is not None:
            thr = float(p)
        kw = dict(meta["spot_kw"])
        settings = check_settings(m, settings)
        kw.update(settings)
    else:
        m = get_method(method or DEFAULT_SPOTTER)
        if m.trainable:
            raise MespotError(f"method '{m.name}' is learned: train it with `mespot train "
                              f"--method {m.name}` and pass --model, or use a training-free "
                              f"method ({', '.join(method_names(trainable=False))})")
        fparams, tparams = FeatureParams(families=m.families), TrackParams()
        thr = m.free.default if p is None else float(p)
        kw = {k: v for k, v in m.spot_settings().items()
              if k not in ("select_protocol", "select_type", "extent")}
        settings = check_settings(m, settings)
        kw.update(settings)
    if not m.trainable:
        check_p(thr, "--p" if model_path is None else "--threshold")
    if cache_dir is None:   # as `mespot spot` does: the manifest's cache (MESPOT_CACHE first)
        from .manifest import default_cache_dir, load_manifest

        try:
            cache_dir = load_manifest().cache_dir
        except MespotError:
            cache_dir = default_cache_dir()
    check_folder(cache_dir, "the cache folder (MESPOT_CACHE, else the manifest's cache_dir, else "
                 "~/.cache/mespot-nb; or the one given)")
    ds = read_video_source(source, fps=fps)
    row = ds.videos.iloc[0]
    if float(row.fps) < LOW_FPS:
        warnings.warn(f"{row.source} is {float(row.fps):g} fps: a micro-expression (0.2–0.5 s) "
                      f"spans only {max(1, round(0.2 * row.fps))}–{round(0.5 * row.fps)} frames "
                      f"of it; below {LOW_FPS:g} fps the spotters are unreliable", stacklevel=2)

    def features(params):
        return cached_features(row.source, float(row.fps), cache_dir, params, tparams,
                               name=video_entry_name("spot", row.subject, row.video),
                               n_jobs=n_jobs)

    f = features(fparams)
    feats = {(row.subject, row.video): f}
    n_frames = int(f.n_frames)
    no_face = f.meta.get("lost_frames", 0) >= n_frames
    for line in _footage_warnings(f.meta, n_frames, str(row.source)):
        warnings.warn(line, stacklevel=2)
    tables, preds, thresholds, params = {}, [], {}, {}
    if not m.trainable:
        preds.append(free_predictions(m, feats, thr, kw))
        # with settings, the curve they give (a spotter that lists none is called as before)
        scores = m.free.frame_scores(f, settings) if settings else m.free.frame_scores(f)
        tables[m.label_type] = scores.assign(subject=row.subject, video=row.video, fps=f.fps)
        params[m.label_type] = dict(f.meta.get("params", {}))
    for t, net, mt in models if m.trainable else ():
        # each model reads its own features (SOFTNet's macro model: flow at the macro k)
        ft = f if mt is meta else features(FeatureParams(**mt["feature_params"]))
        params[t] = dict(ft.meta.get("params", {}))
        thresholds[t] = mt["threshold"] if threshold is None else float(threshold)
        rec = m.for_type(t)
        data = gather(ds, {(row.subject, row.video): ft}, rec) if not no_face else None
        if data is None or not len(data.labels):
            tables[t] = pd.DataFrame(columns=["subject", "video", "start", "stop", "fps",
                                              "score"])
            continue
        tab = data.table[["subject", "video", "start", "stop", "fps", "n_frames",
                          "stride"]].copy()
        data, notes = fit_time_axis(net, data, rec)
        for note in notes:
            warnings.warn(f"{row.source}: {note}", stacklevel=2)
        tab["score"] = predict_scores(net, data, rec)
        tables[t] = tab
        preds.append(spot_table(tab, None, thresholds[t], **{"type": t, **mt["spot_kw"]}))
    preds = [x for x in preds if len(x)]
    pred = pd.concat(preds, ignore_index=True) if preds else pd.DataFrame(columns=PRED_COLUMNS)
    pred = clip_to_video(pred, n_frames)
    if type != "all" and len(pred):
        pred = pred[pred["type"] == type].reset_index(drop=True)
    first = next(iter(tables))
    return dict(intervals=pred, scores=tables[first], threshold=thr, n_frames=n_frames,
                fps=float(row.fps), footage=footage_fraction(pred, n_frames),
                method=m.name, settings=settings, subject=row.subject,
                video=row.video, no_face=no_face,
                missing_frames=len(f.meta.get("missing", [])),
                lost_frames=int(f.meta.get("lost_frames", 0)),
                feature_params=params[first], scores_by_type=tables,
                thresholds=thresholds or {first: thr}, feature_params_by_type=params)
