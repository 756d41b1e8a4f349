"""One streaming pass per video feeds every feature family, and the cached per-video stage.

Frames are decoded once and kept in one ring buffer as long as the longest family needs them;
without a cached track the landmark tracker runs in the same pass. Each family is a
:class:`~mespot_nb.features.common.Consumer` (dynamic images, geometry, HOOF, LBP, …) registered
in :data:`FAMILIES`; :class:`VideoFeatures` holds what they return, under their array names.
"""

from __future__ import annotations

import collections
import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from ..cache import VideoStage, load_npz, save_npz
from ..errors import MespotError
from ..face import (FACE_VERSION, AlignSpec, FaceTrack, LandmarkTracker, TrackParams,
                    dataset_jobs, finish_track, new_track_arrays, summarise_lost_faces,
                    track_cache_path)
from ..parallel import run_jobs
from ..video import FrameSource, open_video
from .common import FeatureParams
from .curves import FlowPeakFamily, MDMDFamily
from .dynamic import DynamicImages
from .flow import HoofSequences
from .geometry import Geometry
from .lbp import LbpDifference

log = logging.getLogger(__name__)
FEATURES_VERSION = 4
#: Feature families by name: each a Consumer class ``(n_frames, fps, params, spec)``. A new
#: family is one entry here plus its module; methods name the families they need.
FAMILIES: dict[str, type] = {"dynamic": DynamicImages, "geometry": Geometry,
                             "hoof": HoofSequences, "lbp": LbpDifference, "mdmd": MDMDFamily,
                             "flowpeak": FlowPeakFamily}


class VideoFeatures:
    """The features of one video: ``fps``, ``n_frames``, ``meta`` and every family's arrays,
    read as attributes (window frames are 1-based inclusive).

    dynamic : ``dg_start`` (N,) window starts (windows are start..start + dg_length − 1),
        ``dyn`` / ``apex`` (N, S, S) uint8 composed dynamic / apex-frame images, ``dg_valid``.
    geometry : ``geo`` (N, 67) float32 (NaN rows where a landmark was missing).
    hoof : ``hoof_start`` (M,), ``hoof`` (M, steps, 4·bins) float32, ``hoof_valid``,
        ``hoof_length``.
    lbp : ``lbp`` (T,) float32 feature difference per frame, ``lbp_k``.
    """

    def __init__(self, fps: float, n_frames: int, meta: dict, **arrays: Any):
        self.fps, self.n_frames, self.meta = float(fps), int(n_frames), meta
        self.arrays = {k: (int(v) if np.ndim(v) == 0 and np.issubdtype(np.asarray(v).dtype,
                                                                       np.integer) else v)
                       for k, v in arrays.items()}

    def __getattr__(self, name: str) -> Any:
        arrays = self.__dict__.get("arrays", {})
        if name in arrays:
            return arrays[name]
        raise AttributeError(f"these features have no {name!r} (families computed: "
                             f"{', '.join(self.__dict__.get('meta', {}).get('families', []))})")

    def save(self, path: str | Path) -> None:
        save_npz(path, fps=np.float64(self.fps), n_frames=np.int64(self.n_frames),
                 meta=self.meta, **self.arrays)

    def save_to(self, path: str | Path) -> None:
        self.save(path)

    @classmethod
    def load(cls, path: str | Path) -> "VideoFeatures":
        d = load_npz(path, json_keys=("meta",))
        return cls(float(d.pop("fps")), int(d.pop("n_frames")), d.pop("meta"), **d)


def extract_video(source: FrameSource | str | Path, fps: float | None = None,
                  params: FeatureParams | None = None, track: FaceTrack | None = None,
                  track_params: TrackParams | None = None, spec: AlignSpec = AlignSpec(),
                  progress: bool = False) -> tuple[VideoFeatures, FaceTrack]:
    """Every requested family's features of one video in one streaming pass.

    Without a ``track`` the landmark tracker runs in the same pass. Memory holds one ring buffer
    of grayscale frames (the longest family's history), never the whole video. Returns the
    features and the track.
    """
    params = params or FeatureParams()
    track_params = track_params or TrackParams()
    unknown = [f for f in params.families if f not in FAMILIES]
    if unknown:
        raise MespotError(f"feature families {unknown} are unknown; have {', '.join(FAMILIES)}")
    src = source if isinstance(source, FrameSource) else open_video(source, fps=fps, gray=True)
    if not src.gray:
        src = FrameSource(src.path, fps=src.fps, gray=True)
    T, fps = src.n_frames, src.fps
    try:
        consumers = [FAMILIES[f](T, fps, params, spec) for f in params.families]
    except MespotError as e:
        raise MespotError(f"{src.path}: {e}") from None
    if track is None:
        lms, status, nfaces = new_track_arrays(T)
        tracker = LandmarkTracker(track_params, src.frame_size[0])
    else:
        if track.first_frame != 1 or track.n_frames != T:
            raise MespotError(f"track of {src.path} covers frames {track.first_frame}.."
                              f"{track.first_frame + track.n_frames - 1}, the video has 1..{T}")
        lms, tracker = track.landmarks, None
    buf: collections.deque = collections.deque(
        maxlen=max([c.history for c in consumers] + [1]) + 1)
    last_img = None
    it = src.frames()
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, total=T, desc=f"features {src.path.name}", unit="frame", leave=False)
    for k, img in it:
        if tracker is not None:
            lm, status[k - 1], nfaces[k - 1] = tracker.step(img)
            if lm is not None:
                lms[k - 1] = lm
        if img is None:  # undecodable frame: repeat the last one for the windows' pixels
            img = last_img if last_img is not None else np.zeros(src.frame_size[::-1], np.uint8)
        last_img = img
        buf.append(img)
        for c in consumers:
            c.push(k, buf, lms)
    if tracker is not None:
        track = finish_track(src, lms, status, nfaces, 1, track_params, warn=False)
    arrays: dict[str, Any] = {}
    for c in consumers:
        arrays.update(c.arrays())
    meta = dict(source=str(src.path), params=asdict(params), version=FEATURES_VERSION,
                families=list(params.families), missing=track.missing,
                lost_frames=int((~track.valid).sum()))
    return VideoFeatures(fps, T, meta, **arrays), track


# ----------------------------------------------------------------------------------------------
# the cached per-video stage

FEATURES = VideoStage("features", FEATURES_VERSION, VideoFeatures.load)


def features_cache_path(cache_dir: str | Path, src: FrameSource, params: FeatureParams,
                        track_params: TrackParams, name: str) -> Path:
    """Cache entry of one video's features (source identity + every parameter + versions)."""
    return FEATURES.path(cache_dir, src.identity(),
                         dict(f=asdict(params), t=asdict(track_params), face=FACE_VERSION), name)


def cached_features(source: str | Path, fps: float, cache_dir: str | Path,
                    params: FeatureParams | None = None, track_params: TrackParams | None = None,
                    name: str | None = None) -> VideoFeatures:
    """One video's features from the cache, extracting them (and caching the track, when it was
    computed alongside) if absent."""
    params = params or FeatureParams()
    track_params = track_params or TrackParams()
    src = open_video(source, fps=fps, gray=True)
    name = name or Path(source).name
    tpath = track_cache_path(cache_dir, src, track_params, name)

    def compute() -> VideoFeatures:
        track = None
        if tpath.exists():
            try:
                track = FaceTrack.load(tpath)
            except (OSError, ValueError, KeyError, EOFError) as e:
                log.warning("cached track %s is damaged (%s); tracking again", tpath, e)
        feats, tr = extract_video(src, params=params, track=track, track_params=track_params)
        if track is None:
            tr.save(tpath)
        return feats

    return FEATURES.get(features_cache_path(cache_dir, src, params, track_params, name), compute,
                        VideoFeatures.save_to)


def _features_job(source, fps, cache_dir, params, track_params, name) -> str:
    cached_features(source, fps, cache_dir, params, track_params, name)
    return name


def extract_features(dataset, cache_dir: str | Path, params: FeatureParams | None = None,
                     track_params: TrackParams | None = None, n_jobs: int = 2,
                     scheduler: Any = None, progress: bool = True
                     ) -> dict[tuple[str, str], VideoFeatures]:
    """Features of every video of a dataset that has frames: cached per video, atomically,
    resumable, in parallel (joblib processes, or a Dask cluster through joblib's dask backend).
    Videos where no face was found are summarised in one logged warning.

    Returns ``{(subject, video): VideoFeatures}``.
    """
    params = params or FeatureParams()
    track_params = track_params or TrackParams()
    jobs = dataset_jobs(dataset)
    todo = [(src, fps, str(cache_dir), params, track_params, name)
            for _, _, src, fps, name in jobs
            if not features_cache_path(cache_dir, open_video(src, fps=fps), params, track_params,
                                       name).exists()]
    run_jobs(_features_job, todo, n_jobs, scheduler, progress, f"features {dataset.name}")
    feats = {(s, v): cached_features(src, fps, cache_dir, params, track_params, name)
             for s, v, src, fps, name in jobs}
    summarise_lost_faces(dataset.name, {k: (f.meta.get("lost_frames", 0), f.n_frames)
                                        for k, f in feats.items()})
    return feats


def features_for(dataset, subject: str, video: str, cache_dir: str | Path,
                 params: FeatureParams | None = None,
                 track_params: TrackParams | None = None) -> VideoFeatures:
    """The (cached) features of the video (subject, video) of a dataset."""
    from ..cache import video_entry_name

    row = dataset.video_row(subject, video)
    return cached_features(row.source, float(row.fps), cache_dir, params, track_params,
                           video_entry_name(dataset.name, subject, video))
