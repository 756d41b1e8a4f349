"""One streaming pass per video feeds every feature family, and the cached per-video stage.

Frames are decoded once and kept in one ring buffer as long as the longest family needs them;
without a cached track the landmark tracker runs in the same pass. Each family is a
:class:`~mespot_nb.features.common.Consumer` (dynamic images, geometry, HOOF, LBP, …) registered
in :data:`~mespot_nb.features.common.FAMILIES` (by the method modules that read it);
:class:`VideoFeatures` holds what they return, under their array names.
"""

from __future__ import annotations

import collections
import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any, Callable

import numpy as np

from ..cache import DAMAGED, VideoStage, load_npz, save_npz
from ..errors import MespotError
from ..face import (FACE_VERSION, AlignSpec, FaceTrack, LandmarkTracker, TrackParams,
                    dataset_jobs, finish_track, n_chunks, new_track_arrays,
                    summarise_lost_faces, track_cache_path, track_video)
from ..parallel import run_jobs
from ..video import REDUCE_FACTORS, FrameSource, open_video, prefetched, reduced_frames
from .common import FAMILIES, FeatureParams, family_versions

log = logging.getLogger(__name__)
FEATURES_VERSION = 7


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
        d = load_npz(path, json_keys=("meta",), mmap=True)   # large arrays stay on disk
        return cls(float(d.pop("fps")), int(d.pop("n_frames")), d.pop("meta"), **d)


def extract_video(source: FrameSource | str | Path, fps: float | None = None,
                  params: FeatureParams | None = None, track: FaceTrack | None = None,
                  track_params: TrackParams | None = None, spec: AlignSpec = AlignSpec(),
                  progress: bool = False, start: int = 1, stop: int | None = None,
                  prefetch: bool = True, n_jobs: int = 1,
                  on_track: Callable[[FaceTrack], None] | None = None
                  ) -> tuple[VideoFeatures, FaceTrack]:
    """Every requested family's features of frames ``start..stop`` (1-based, inclusive; default
    the whole video) in one streaming pass.

    Without a ``track`` the landmark tracker runs in the same pass. Memory holds one ring buffer
    of grayscale frames (the longest family's history), never the whole video. Large frames are
    decoded at a reduced size when the face stays larger than the aligned face
    (:func:`decode_reduction`), in a background thread (``prefetch``) so decoding overlaps the
    work on earlier frames; the track is returned in full-size pixels either way. Windows
    and frame numbers in the features count from ``start`` (frame ``start`` is their frame 1;
    ``meta["first_frame"]`` records it). Returns the features and the track.

    ``n_jobs`` > 1 (without a ``track``): when the range is long enough to be chunked
    (:func:`~mespot_nb.face.n_chunks`) and the pass decodes at full size, the track is computed
    first on ``n_jobs`` processes (:func:`~mespot_nb.face.track_video`, the single pass's track
    frame for frame), handed to ``on_track`` (``cached_features`` caches it there), and the pass
    runs with it: the same features as ``n_jobs=1``. When the pass decodes at reduced size the
    tracker runs in the pass, on one core, as with ``n_jobs=1``: a track fitted on reduced frames
    differs from a full-size one, and so would the features.
    """
    params = params or FeatureParams()
    track_params = track_params or TrackParams()
    unknown = [f for f in params.families if f not in FAMILIES]
    if unknown:
        raise MespotError(f"feature families {unknown} are not registered; have "
                          f"{', '.join(FAMILIES) or 'none'} (a method's module registers the "
                          "families it reads: import mespot_nb.methods, or register_family)")
    src = source if isinstance(source, FrameSource) else open_video(source, fps=fps, gray=True)
    if not src.gray:
        src = FrameSource(src.path, fps=src.fps, gray=True)
    start, stop = frame_range(src, start, stop)
    T, fps = stop - start + 1, src.fps
    try:
        consumers = [FAMILIES[f](T, fps, params, spec) for f in params.families]
    except MespotError as e:
        raise MespotError(f"{src.path}: {e}") from None
    for cons in consumers:
        cons.source = str(src.path)   # the video being read, for a family's warnings
    if track is not None and (track.first_frame != start or track.n_frames != T):
        raise MespotError(f"track of {src.path} covers frames {track.first_frame}.."
                          f"{track.first_frame + track.n_frames - 1}, the features need "
                          f"{start}..{stop}")
    chunked = track is None and n_chunks(T, n_jobs, track_params) > 1
    r = decode_reduction(src, params, spec, track, track_params, start, stop)
    if chunked and r == 1:
        # the pass would track these very frames: track them first on n_jobs processes
        track = track_video(src, track_params, start=start, stop=stop, warn=False, n_jobs=n_jobs)
        track.meta["decode_reduction"] = 1
        if on_track is not None:
            on_track(track)
    elif chunked:
        log.info("%s: decoded at 1/%d of its size, so tracked in the feature pass on one core "
                 "(a chunked full-size track would change the features)", src.path.name, r)
    c = (r - 1) / 2  # a reduced frame's pixel x is r·x + c in the full frame
    if track is None:
        lms, status, nfaces = new_track_arrays(T)
        tracker = LandmarkTracker(track_params, -(-src.frame_size[0] // r))
    else:
        lms = track.landmarks if r == 1 else (track.landmarks - np.float32(c)) / np.float32(r)
        tracker = None
    buf: collections.deque = collections.deque(
        maxlen=max([c_.history for c_ in consumers] + [1]) + 1)
    last_img = None
    it = reduced_frames(src, r, start, stop)
    if prefetch:
        it = prefetched(it)
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, total=T, desc=f"features {src.path.name}", unit="frame", leave=False)
    for k, img in it:
        j = k - start + 1
        if tracker is not None:
            lm, status[j - 1], nfaces[j - 1] = tracker.step(img)
            if lm is not None:
                lms[j - 1] = lm
        if img is None:  # undecodable frame: repeat the last one for the windows' pixels
            img = last_img if last_img is not None else np.zeros(
                (-(-src.frame_size[1] // r), -(-src.frame_size[0] // r)), np.uint8)
        last_img = img
        buf.append(img)
        for cons in consumers:
            cons.push(j, buf, lms)
    if tracker is not None:
        if r > 1:
            lms *= np.float32(r)
            lms += np.float32(c)
        track = finish_track(src, lms, status, nfaces, start, track_params, warn=False)
        track.meta["decode_reduction"] = r
    arrays: dict[str, Any] = {}
    for cons in consumers:
        out = cons.arrays()
        stray = sorted(set(out) - set(cons.produces))
        if stray:
            raise MespotError(f"feature family '{cons.family}' returned array(s) "
                              f"{', '.join(stray)} it does not declare in `produces`")
        arrays.update(out)
    meta = dict(source=str(src.path), identity=src.identity(), params=asdict(params),
                version=FEATURES_VERSION, face_version=FACE_VERSION,
                track_params=track.meta.get("params") or track_params.key(),
                families=list(params.families), missing=track.missing,
                **({"family_versions": fv} if (fv := family_versions(params.families)) else {}),
                lost_frames=int((~track.valid).sum()), first_frame=start,
                several_faces=int((track.n_faces > 1).sum()),
                detections=int((track.n_faces >= 1).sum()),
                decode_reduction=r)
    return VideoFeatures(fps, T, meta, **arrays), track


def frame_range(src: FrameSource, start: int = 1, stop: int | None = None) -> tuple[int, int]:
    """``(start, stop)`` checked against the video (1-based, inclusive; ``stop`` None = its last
    frame); a range outside the video or with start ≥ stop is refused naming both."""
    n = src.n_frames
    if n < 2 and stop is None:
        raise MespotError(f"{src.path}: {n} frame could be read; spotting needs a video (at "
                          "least a second of it)")
    stop = n if stop is None else int(stop)
    start = int(start)
    if start < 1 or start > n:
        raise MespotError(f"{src.path}: start frame {start} is outside the video's frames 1..{n}")
    if stop > n:
        raise MespotError(f"{src.path}: stop frame {stop} is past the video's last frame ({n})")
    if start >= stop:
        raise MespotError(f"{src.path}: start frame {start} must come before stop frame {stop}")
    return start, stop


#: A decode reduction r is used only while the face stays this much larger than the aligned face
#: (inter-ocular distance / r ≥ REDUCE_MARGIN · AlignSpec.iod): the aligned warps never enlarge.
REDUCE_MARGIN = 1.25
#: Frames narrower than this are always decoded at full size, without a probe (a face that
#: allows r = 2 — inter-ocular ≥ 160 px — is about 400 px wide).
REDUCE_MIN_WIDTH = 1000


def _iods(lms: np.ndarray) -> np.ndarray:
    """Inter-ocular distances (N,) of landmarks (N, 68, 2) (NaN where no face)."""
    from ..face import LEFT_EYE, RIGHT_EYE

    return np.linalg.norm(lms[:, LEFT_EYE].mean(1) - lms[:, RIGHT_EYE].mean(1), axis=1)


def decode_reduction(src: FrameSource, params: FeatureParams, spec: AlignSpec = AlignSpec(),
                     track: FaceTrack | None = None, track_params: TrackParams | None = None,
                     start: int = 1, stop: int | None = None, probes: int = 5) -> int:
    """The factor r (1, 2, 4 or 8) frames are decoded at 1/r of their size for the pass.

    ``params.decode_reduction`` when set; otherwise the largest r keeping the face's inter-ocular
    distance / r ≥ :data:`REDUCE_MARGIN` × ``spec.iod`` (every family warps the face down to an
    inter-ocular distance ≤ ``spec.iod``, so nothing is lost): the face size is the 5th
    percentile over a given track, or the smallest over ``probes`` frames spread over the range
    (detector + landmarks at full size). 1 when no face is found or the frames are small.
    """
    from ..face import detect_faces, fit_landmarks, search_scales

    if params.decode_reduction:
        if params.decode_reduction not in REDUCE_FACTORS:
            raise MespotError(f"decode_reduction {params.decode_reduction}: use 0 (auto) or one "
                              f"of {REDUCE_FACTORS}")
        return int(params.decode_reduction)
    if max(src.frame_size) < REDUCE_MIN_WIDTH:
        return 1
    if track is not None:
        d = _iods(track.landmarks[track.valid])
        iod = float(np.percentile(d, 5)) if len(d) else None
    else:
        tp = track_params or TrackParams()
        stop = src.n_frames if stop is None else stop
        found = []
        for k in np.unique(np.linspace(start, stop, probes).round().astype(int)):
            img = src.read(int(k))
            if img is None:
                continue
            for scale in search_scales(img.shape[1], tp):
                faces = detect_faces(img, scale, tp.detector)
                if faces:
                    break
            if faces:
                found.append(float(_iods(fit_landmarks(img, faces[0])[None])[0]))
        iod = min(found) if found else None
    if iod is None or not np.isfinite(iod):
        return 1
    return max([f for f in REDUCE_FACTORS if iod / f >= REDUCE_MARGIN * spec.iod] + [1])


# ----------------------------------------------------------------------------------------------
# the cached per-video stage

FEATURES = VideoStage("features", FEATURES_VERSION, VideoFeatures.load)


def features_cache_path(cache_dir: str | Path, src: FrameSource, params: FeatureParams,
                        track_params: TrackParams, name: str) -> Path:
    """Cache entry of one video's features (source identity, the frame rate they were computed
    at — a video spotted at another ``--fps`` is another entry —, every parameter, and versions,
    a family's own among them where it declares one: :func:`~.common.family_versions`)."""
    key = dict(f=asdict(params), t=track_params.key(), face=FACE_VERSION, fps=float(src.fps))
    fam = family_versions(params.families)
    if fam:
        key["families"] = fam
    return FEATURES.path(cache_dir, src.identity(), key, name)


def cached_features(source: str | Path, fps: float, cache_dir: str | Path,
                    params: FeatureParams | None = None, track_params: TrackParams | None = None,
                    name: str | None = None, n_jobs: int = 1) -> VideoFeatures:
    """One video's features from the cache, extracting them (and caching the track, when it was
    computed alongside) if absent.

    Without a cached track, ``n_jobs`` > 1 tracks a long full-size video on ``n_jobs`` processes
    first and caches that track (the ``landmarks`` stage) before the feature pass runs with it
    (:func:`extract_video`); the features are those of ``n_jobs=1``, so the entry's key is the
    same."""
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
            except DAMAGED as e:
                log.warning("cached track %s is damaged (%s); tracking again", tpath, e)
        saved: list[FaceTrack] = []

        def save_track(tr: FaceTrack) -> None:   # the chunked track, cached before the pass
            tr.save(tpath)
            saved.append(tr)

        feats, tr = extract_video(src, params=params, track=track, track_params=track_params,
                                  n_jobs=n_jobs, on_track=save_track)
        if track is None and not saved and tr.meta.get("decode_reduction", 1) == 1:
            tr.save(tpath)  # a track from reduced frames is not track_video's: not cached as one
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
    resumable, in parallel (joblib processes, or the Dask cluster ``scheduler`` names: ``local:N``,
    an address or a client; see :mod:`mespot_nb.parallel`), with a frames/s and finish-time bar.
    Videos where no face was found are summarised in one logged warning.

    Returns ``{(subject, video): VideoFeatures}``.
    """
    params = params or FeatureParams()
    track_params = track_params or TrackParams()
    jobs = dataset_jobs(dataset)
    todo, frames = [], []   # frames per video: the bar shows frames/s and the finish time
    for _, _, src, fps, name in jobs:
        vs = open_video(src, fps=fps)
        if not features_cache_path(cache_dir, vs, params, track_params, name).exists():
            todo.append((src, fps, str(cache_dir), params, track_params, name))
            frames.append(max(len(vs), 1))
    run_jobs(_features_job, todo, n_jobs, scheduler, progress, f"features {dataset.name}",
             weights=frames)
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
