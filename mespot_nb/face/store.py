"""The cached per-video landmarks stage: a track per video and frame range in the cache,
keyed by everything that changes it, and a dataset's tracks extracted across processes or a
Dask cluster."""

from __future__ import annotations

import logging
from pathlib import Path

from ..cache import VideoStage, video_entry_name
from ..errors import MespotError
from ..parallel import run_jobs
from ..video import FrameSource, open_video
from .track import track_video
from .tracker import FACE_VERSION, FaceTrack, TrackParams

log = logging.getLogger(__name__)

# ----------------------------------------------------------------------------------------------
# the cached per-video stage

TRACKS = VideoStage("landmarks", FACE_VERSION, FaceTrack.load)


def track_cache_path(cache_dir: str | Path, src: FrameSource, params: TrackParams,
                     name: str) -> Path:
    """Cache entry of a video's track: keyed by source identity + parameters + versions."""
    return TRACKS.path(cache_dir, src.identity(), params.key(), name)


def cached_track(source: str | Path, fps: float, cache_dir: str | Path,
                 params: TrackParams | None = None, name: str | None = None,
                 n_jobs: int = 1) -> FaceTrack:
    """The track of one video from the cache, computing and storing it (atomically) if absent.

    ``name`` is the entry's readable name (:func:`~mespot_nb.cache.video_entry_name`; default
    the source's file name). ``n_jobs`` processes track a long video in chunks
    (:func:`track_video`); the result, and so the cache entry, is the single pass's.
    """
    params = params or TrackParams()
    src = open_video(source, fps=fps, gray=True)
    path = track_cache_path(cache_dir, src, params, name or Path(source).name)
    return TRACKS.get(path, lambda: track_video(src, params, warn=False, n_jobs=n_jobs),
                      FaceTrack.save_to)


def track_for(dataset, subject: str, video: str, cache_dir: str | Path,
              params: TrackParams | None = None, n_jobs: int = 1) -> FaceTrack:
    """The (cached) track of the video (subject, video) of a dataset (``n_jobs``: processes
    for this one video, see :func:`cached_track`)."""
    row = dataset.video_row(subject, video)
    return cached_track(row.source, float(row.fps), cache_dir, params,
                        video_entry_name(dataset.name, subject, video), n_jobs)


def dataset_jobs(dataset) -> list[tuple[str, str, str, float, str]]:
    """``(subject, video, source, fps, entry name)`` of every video of a dataset with frames."""
    vids = dataset.videos[dataset.videos["source"].notna()]
    if vids.empty:
        raise MespotError(f"dataset '{dataset.name}': no video has frames on this machine "
                          "(check the manifest's frames path)")
    return [(r.subject, r.video, str(r.source), float(r.fps),
             video_entry_name(dataset.name, r.subject, r.video)) for r in vids.itertuples()]


def summarise_lost_faces(dataset_name: str, lost: dict) -> dict[str, list]:
    """Log one warning naming the videos where no face was found (all frames, or some).

    Parameters
    ----------
    lost : ``{(subject, video): FaceTrack}`` or ``{(subject, video): (lost frames, frames)}``.

    Returns ``{"no_face": ["subject/video", …], "some_lost": [("subject/video", lost, total)]}``.
    """
    none, some = [], []
    for (s, v), t in lost.items():
        n_lost, total = (int((~t.valid).sum()), t.n_frames) if isinstance(t, FaceTrack) else t
        if total and n_lost == total:
            none.append(f"{s}/{v}")
        elif n_lost:
            some.append((f"{s}/{v}", n_lost, total))
    if none:
        log.warning("dataset '%s': no face found in any frame of %d video(s): %s — they give no "
                    "windows", dataset_name, len(none), ", ".join(none))
    if some:
        log.warning("dataset '%s': the face was lost on some frames of %d video(s): %s",
                    dataset_name, len(some),
                    ", ".join(f"{n} ({lost}/{tot} frames)" for n, lost, tot in some[:20])
                    + (" …" if len(some) > 20 else ""))
    return {"no_face": none, "some_lost": some}


def _track_job(source: str, fps: float, cache_dir: str, params: TrackParams, name: str) -> str:
    cached_track(source, fps, cache_dir, params, name)
    return name


def split_jobs(n_videos: int, n_jobs: int, scheduler=None) -> tuple[int, int]:
    """``(processes across videos, processes per video)`` for ``n_videos`` videos to track: a
    lone video is chunked over the ``n_jobs`` processes (:func:`track_video`); several run one
    per process, unchunked; on a Dask cluster never chunked."""
    if scheduler or n_videos != 1:
        return n_jobs, 1
    return 1, n_jobs


def extract_tracks(dataset, cache_dir: str | Path, params: TrackParams | None = None,
                   n_jobs: int = 2, scheduler: str | None = None, progress: bool = True
                   ) -> dict[tuple[str, str], FaceTrack]:
    """Tracks of every video of a :class:`~mespot_nb.readers.Dataset` that has frames.

    Videos run in parallel through joblib (``n_jobs`` processes), or on a Dask cluster when
    ``scheduler`` names one (:mod:`mespot_nb.parallel` — the same job function); when one video is left
    to track, its frames are split over the ``n_jobs`` processes instead (:func:`split_jobs`).
    Each finished video is cached at once, so an interrupted run resumes where it stopped.
    Videos where no face was found are summarised in one logged warning.

    Returns
    -------
    ``{(subject, video): FaceTrack}``.
    """
    params = params or TrackParams()
    jobs = dataset_jobs(dataset)
    todo, frames = [], []   # frames per video: the bar shows frames/s and the finish time
    for _, _, src, fps, name in jobs:
        vs = open_video(src, fps=fps)
        if not track_cache_path(cache_dir, vs, params, name).exists():
            todo.append((src, fps, str(cache_dir), params, name))
            frames.append(max(len(vs), 1))
    across, per_video = split_jobs(len(todo), n_jobs, scheduler)
    if per_video != 1:
        src, fps, _, _, name = todo[0]
        cached_track(src, fps, cache_dir, params, name, n_jobs=per_video)
    else:
        run_jobs(_track_job, todo, across, scheduler, progress, f"landmarks {dataset.name}",
                 weights=frames)
    tracks = {(s, v): cached_track(src, fps, cache_dir, params, name)
              for s, v, src, fps, name in jobs}
    summarise_lost_faces(dataset.name, tracks)
    return tracks
