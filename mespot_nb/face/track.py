"""Tracking one video: :func:`track_video` in one pass, or in chunks on several cores joined
where the runs' tracker states coincide (:func:`track_chunks`: the single pass's result, frame
for frame); and :func:`detect_every_frame`, the public repositories' detector-on-every-frame
baseline."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import MespotError
from ..parallel import run_jobs
from ..video import FrameSource
from .tracker import (STATUS_DETECTED, STATUS_LOST, FaceTrack, LandmarkTracker, TrackParams,
                      _detector, _frames, _predictor, detect_faces, finish_track,
                      fit_landmarks, new_track_arrays)

log = logging.getLogger(__name__)


def track_video(source: FrameSource | str | Path, params: TrackParams | None = None,
                fps: float | None = None, start: int = 1, stop: int | None = None,
                progress: bool = False, warn: bool = True, n_jobs: int = 1) -> FaceTrack:
    """Landmarks on every frame of ``source`` by tracking (see module doc).

    A video with no face gives all-NaN landmarks, status lost and one warning; a face that leaves
    and returns gives NaN spans and is re-acquired; with several faces the largest is followed and
    ``n_faces`` records the count; an undecodable frame is lost and listed in ``missing``.

    ``n_jobs`` > 1 splits a long range (≥ :data:`CHUNK_MIN_FRAMES` frames per chunk) into chunks
    tracked in separate processes and joined where the runs' tracker states coincide
    (:func:`track_chunks`): the result is the single-pass track, frame for frame.
    """
    params = params or TrackParams()
    params.check()
    src, it = _frames(source, fps, start, stop)
    stop = src.n_frames if stop is None else min(stop, src.n_frames)
    n = max(0, stop - max(1, start) + 1)
    chunks = n_chunks(n, n_jobs, params)
    if chunks > 1:
        lms, status, nfaces = track_chunks(src, params, max(1, start), stop, chunks)
        return finish_track(src, lms, status, nfaces, start, params, warn)
    lms, status, nfaces = new_track_arrays(n)
    tracker = LandmarkTracker(params, src.frame_size[0])
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, total=n, desc=f"landmarks {src.path.name}", unit="frame", leave=False)
    for k, img in it:
        i = k - max(1, start)
        lm, status[i], nfaces[i] = tracker.step(img)
        if lm is not None:
            lms[i] = lm
    return finish_track(src, lms, status, nfaces, start, params, warn)



# ----------------------------------------------------------------------------------------------
# one video on several cores: chunks tracked in parallel, joined where their states coincide

#: Chunked tracking needs at least this many frames per chunk: the chunk's extra overlap, and
#: where workers are spawned rather than forked their start and model loading (~1.2 s), must be
#: repaid by frames at ~3 ms each.
CHUNK_MIN_FRAMES = 600


#: FFmpeg threads each chunk decodes on (None: OpenCV's default); the chunks already keep the
#: cores busy, and decoding threads competing with them only cost CPU time.
CHUNK_DECODE_THREADS: int | None = 1


def n_chunks(n_frames: int, n_jobs: int | None, params: TrackParams | None = None) -> int:
    """How many chunks :func:`track_video` splits ``n_frames`` into for ``n_jobs`` processes
    (joblib's convention: −1 = all cores); 1 = single pass. Each chunk gets at least
    :data:`CHUNK_MIN_FRAMES` frames and two overlaps."""
    if n_jobs is None or n_jobs == 1:
        return 1
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, (int, np.integer)) or n_jobs == 0:
        raise MespotError(f"n_jobs must be a positive number of processes or negative (joblib's "
                          f"convention, -1 = all cores), got {n_jobs!r}")
    least = max(CHUNK_MIN_FRAMES, 2 * chunk_overlap(params or TrackParams()))
    return max(1, min(_effective_n_jobs(int(n_jobs)), n_frames // least))


def _effective_n_jobs(n_jobs: int) -> int:
    """``joblib.effective_n_jobs(n_jobs)``, without importing joblib (~0.07 s of the command's
    start) where the answer is known: before joblib is imported no joblib backend can be
    active, and its default (loky) gives a positive ``n_jobs`` back outside daemonic processes."""
    import multiprocessing as mp
    import sys

    if n_jobs > 0 and "joblib" not in sys.modules and not mp.current_process().daemon:
        return n_jobs
    import joblib

    return joblib.effective_n_jobs(n_jobs)


def chunk_overlap(params: TrackParams) -> int:
    """Frames a chunk starts before its seam: two detection-grid frames, where the fresh run
    and the previous chunk's usually reach the same state."""
    return 2 * params.detect_every + 1


def chunk_spans(first: int, last: int, chunks: int, overlap: int) -> list[tuple[int, int, int]]:
    """``(track from, seam, track to)`` of each chunk of frames first..last (1-based, inclusive):
    chunk j tracks from ``overlap`` frames before its seam (chunk 0: from ``first``), and every
    chunk tracks about the same number of frames."""
    n = last - first + 1
    work = (n + (chunks - 1) * overlap) / chunks
    seams = [first] + [first + round(work + j * (work - overlap)) for j in range(chunks - 1)]
    ends = [sm - 1 for sm in seams[1:]] + [last]
    return [(max(first, sm - overlap) if j else first, sm, e)
            for j, (sm, e) in enumerate(zip(seams, ends))]


@dataclass
class _Span:
    """A run over frames ``first``..: outputs and the tracker's state after every frame."""

    first: int
    lms: np.ndarray
    status: np.ndarray
    nfaces: np.ndarray
    rel: np.ndarray        # (n, 4) float64, NaN before any detection
    det: np.ndarray        # (n, 2) float64
    face_w: np.ndarray     # (n,) float64
    missing: list[int]

    @classmethod
    def empty(cls, first: int, n: int) -> _Span:
        return cls(first, *new_track_arrays(n), np.full((n, 4), np.nan), np.full((n, 2), np.nan),
                   np.full(n, np.nan), [])

    @property
    def last(self) -> int:
        return self.first + len(self.status) - 1

    def record(self, k: int, out: tuple, tracker: LandmarkTracker) -> None:
        i = k - self.first
        lm, self.status[i], self.nfaces[i] = out
        self.lms[i] = np.nan if lm is None else lm
        if tracker.rel is not None:
            self.rel[i], self.det[i] = tracker.rel, tracker.det_center
        self.face_w[i] = np.nan if tracker.face_w is None else tracker.face_w

    def state(self, k: int) -> tuple:
        """The tracker's state after frame ``k`` (as :meth:`LandmarkTracker.get_state`)."""
        i = k - self.first
        lost = self.status[i] == STATUS_LOST
        rel = None if np.isnan(self.rel[i, 0]) else tuple(float(x) for x in self.rel[i])
        det = None if np.isnan(self.det[i, 0]) else tuple(float(x) for x in self.det[i])
        fw = None if np.isnan(self.face_w[i]) else float(self.face_w[i])
        return (None if lost else self.lms[i].copy()), rel, det, fw

    def same_state(self, other: _Span, k: int) -> bool:
        """Whether both runs' trackers are in the same state after frame ``k`` (then they give
        the same output on every later frame). After a lost frame only the face width counts."""
        i, j = k - self.first, k - other.first
        lost = self.status[i] == STATUS_LOST
        if lost != (other.status[j] == STATUS_LOST):
            return False
        if not np.array_equal(self.face_w[i], other.face_w[j], equal_nan=True):
            return False
        return lost or (np.array_equal(self.lms[i], other.lms[j])
                        and np.array_equal(self.rel[i], other.rel[j], equal_nan=True)
                        and np.array_equal(self.det[i], other.det[j], equal_nan=True))

    def take(self, other: _Span, k: int) -> None:
        """Copy ``other``'s outputs and states from frame ``k`` on (both spans hold it)."""
        i, j = k - self.first, k - other.first
        m = min(len(self.status) - i, len(other.status) - j)
        for name in ("lms", "status", "nfaces", "rel", "det", "face_w"):
            getattr(self, name)[i:i + m] = getattr(other, name)[j:j + m]


def _track_span(path: str, fps: float, params: TrackParams, anchor: int, first: int,
                last: int) -> _Span:
    """Frames first..last tracked by a fresh tracker whose detection grid starts at ``anchor``."""
    src = FrameSource(path, fps=fps, gray=True, decode_threads=CHUNK_DECODE_THREADS)
    span = _Span.empty(first, last - first + 1)
    tracker = LandmarkTracker(params, src.frame_size[0], offset=first - anchor)
    for k, img in src.frames(first, last):
        span.record(k, tracker.step(img), tracker)
    span.missing = sorted(set(src.missing))
    return span


def _span_job(j: int, path: str, fps: float, params: TrackParams, anchor: int, first: int,
              last: int) -> tuple[int, _Span]:
    return j, _track_span(path, fps, params, anchor, first, last)


def _fork_context():
    """multiprocessing's ``fork`` context where forking is the platform's safe default (Linux
    and other POSIX systems but macOS), else None (then chunks run on spawned joblib workers).

    ``MESPOT_NO_FORK=1`` in the environment takes the spawned path everywhere: the escape hatch
    if a forked worker ever hangs on a lock another thread of this process held (OpenCV's and
    FFmpeg's thread pools are not documented as fork-safe)."""
    import multiprocessing as mp
    import os
    import sys

    if os.environ.get("MESPOT_NO_FORK", "") not in ("", "0"):
        return None
    if sys.platform in ("darwin", "win32") or "fork" not in mp.get_all_start_methods():
        return None
    return mp.get_context("fork")


def _span_worker(conn, job: tuple) -> None:
    """A forked chunk worker: run ``_span_job(*job)``, send ``(True, result)`` or ``(False,
    (exception or None, traceback text))`` back over ``conn``."""
    import pickle
    import traceback

    try:
        out = (True, _span_job(*job))
    except BaseException as e:  # handed to the parent
        tb = traceback.format_exc()
        try:
            pickle.dumps(e)
        except Exception:
            e = None
        out = (False, (e, tb))
    conn.send(out)
    conn.close()


def _run_spans(jobs: list[tuple], params: TrackParams) -> dict[int, _Span]:
    """``{j: span}`` of every chunk job: chunk 0 in this process while the others run in worker
    processes started first, so that their start-up overlaps this process's work.

    Where fork is available (:func:`_fork_context`) the workers are forked after this process
    has loaded dlib's models: they inherit the imported modules and the loaded models instead of
    importing and loading them again (~1 s each). Elsewhere they are joblib's spawned workers.
    """
    ctx = _fork_context()
    if ctx is None:  # joblib's spawned (loky) workers, driven from a thread meanwhile
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(1) as pool:
            # n_jobs ≥ 2: with one job and n_jobs=1 joblib would run it here, sequentially
            rest = pool.submit(run_jobs, _span_job, jobs[1:], len(jobs), None, False)
            runs = dict([_span_job(*jobs[0])])
            runs.update(rest.result())
        return runs
    import sys

    _predictor()
    _detector(params.detector)  # loaded here once; the forked workers inherit them
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()  # or a child would write this process's buffered output again
        except (AttributeError, OSError, ValueError):
            pass
    procs, runs = [], {}
    try:
        for job in jobs[1:]:
            r, w = ctx.Pipe(duplex=False)
            p = ctx.Process(target=_span_worker, args=(w, job), name=f"mespot-chunk-{job[0]}",
                            daemon=True)
            p.start()
            w.close()
            procs.append((job[0], p, r))
        runs.update([_span_job(*jobs[0])])
        for j, p, r in procs:
            try:
                ok, val = r.recv()
            except EOFError:
                p.join()
                raise RuntimeError(f"the worker tracking chunk {j} died (exit code "
                                   f"{p.exitcode})") from None
            if not ok:
                exc, tb = val
                if exc is not None:
                    raise exc from RuntimeError(f"in the worker tracking chunk {j}:\n{tb}")
                raise RuntimeError(f"the worker tracking chunk {j} failed:\n{tb}")
            runs[val[0]] = val[1]
        return runs
    finally:  # the workers have sent their spans and are exiting; on an error, stop them
        for _, p, r in procs:
            r.close()
            if len(runs) < len(jobs):
                p.terminate()
            p.join(timeout=10)
            if p.is_alive():
                p.kill()
                p.join()


def track_chunks(src: FrameSource, params: TrackParams, first: int, last: int, chunks: int
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Frames first..last tracked in ``chunks`` processes (this one runs chunk 0, see
    :func:`_run_spans`); ``(landmarks, status, n_faces)`` equal to a single pass from ``first``.

    Chunk j starts with a detection :func:`chunk_overlap` frames before its seam. Chunk 0 is
    the single pass itself; each later chunk is taken over from the first overlap frame where
    its tracker's state equals the exact run's (from then on both give the same output). Where
    no frame of the overlap qualifies, this process resumes the exact run from its state at the
    seam until the states meet (logged).
    """
    spans = chunk_spans(first, last, chunks, chunk_overlap(params))
    jobs = [(j, str(src.path), src.fps, params, first, a, e) for j, (a, _, e) in enumerate(spans)]
    runs = _run_spans(jobs, params)
    exact = _Span.empty(first, last - first + 1)
    exact.take(runs[0], first)
    for j in range(1, chunks):
        run, seam = runs[j], spans[j][1]
        meet = next((k for k in range(run.first, seam) if exact.same_state(run, k)), None)
        if meet is None:
            meet = _resume(src, params, first, exact, run, seam)
        if meet is not None and meet < run.last:
            exact.take(run, meet + 1)
    src.missing.extend(k for r in runs.values() for k in r.missing)
    return exact.lms, exact.status, exact.nfaces


def _resume(src: FrameSource, params: TrackParams, anchor: int, exact: _Span, run: _Span,
            seam: int) -> int | None:
    """Continue the exact run from its state before ``seam`` over ``run``'s frames until both
    states meet; returns that frame (None: never, ``exact`` then holds the whole range)."""
    tracker = LandmarkTracker(params, src.frame_size[0])
    tracker.set_state(exact.state(seam - 1), seam - anchor)
    for k, img in src.frames(seam, run.last):
        exact.record(k, tracker.step(img), tracker)
        if exact.same_state(run, k):
            log.info("%s: chunk at frame %d joined after %d frames re-tracked", src.path.name,
                     seam, k - seam + 1)
            return k
    log.info("%s: chunk at frame %d never joined; re-tracked %d frames", src.path.name, seam,
             run.last - seam + 1)
    return None


def detect_every_frame(source: FrameSource | str | Path, fps: float | None = None,
                       start: int = 1, stop: int | None = None, detector: str = "hog",
                       scale: float = 1.0) -> FaceTrack:
    """The public repositories' way: detector + predictor on every frame (baseline, slow)."""
    src, it = _frames(source, fps, start, stop)
    stop = src.n_frames if stop is None else min(stop, src.n_frames)
    n = max(0, stop - max(1, start) + 1)
    lms = np.full((n, 68, 2), np.nan, np.float32)
    status = np.zeros(n, np.int8)
    nfaces = np.full(n, -1, np.int8)
    for k, img in it:
        i = k - max(1, start)
        if img is None:
            continue
        faces = detect_faces(img, scale, detector)
        nfaces[i] = min(len(faces), 127)
        if faces:
            lms[i], status[i] = fit_landmarks(img, faces[0]), STATUS_DETECTED
    return FaceTrack(lms, status, nfaces, src.fps, tuple(src.frame_size), max(1, start),
                     sorted(set(src.missing)), meta=dict(source=str(src.path), method="per-frame"))


