"""Face pipeline: detection, fast landmark tracking, alignment, ROIs, and the per-video cache.

Every feature of both seed methods starts from dlib's 68 landmarks on every frame. Running the
detector on every frame is what public spotting code does and what makes it slow; here the
68-point predictor is fitted on every frame starting from the box implied by the previous frame's
landmarks, and the detector (dlib's frontal HOG on a rescaled frame, or the CNN ``mmod`` model)
runs only every ``detect_every`` frames, after a lost frame, or when the fit degrades (a jump of
the landmarks, the box drifting away from the last detection, collapsed landmarks, a blank box).
Small faces are detected on an upsampled frame and fitted on an enlarged crop. A long video can
be tracked in chunks on several cores with the single pass's result (:func:`track_chunks`).

Landmark indices are dlib's 0-based ones (the papers' 1-based point P_k is index k − 1).
"""

from __future__ import annotations

import logging
import threading
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from .cache import VideoStage, load_npz, save_npz, video_entry_name
from .errors import MespotError
from .parallel import run_jobs
from .video import FrameSource, open_video

log = logging.getLogger(__name__)

STATUS_LOST, STATUS_DETECTED, STATUS_TRACKED = 0, 1, 2
STATUS_NAMES = {STATUS_LOST: "lost", STATUS_DETECTED: "detected", STATUS_TRACKED: "tracked"}
FACE_VERSION = 3  # bump when tracking output changes (invalidates cached tracks)

RIGHT_EYE = list(range(36, 42))  # subject's right eye (image left)
LEFT_EYE = list(range(42, 48))


# ----------------------------------------------------------------------------------------------
# parameters and results


@dataclass
class TrackParams:
    """Tracking parameters (all part of the cache key).

    detect_every : re-run the detector on every N-th frame (counted from the track's first frame)
        even when tracking is fine.
    detector : ``hog`` (dlib's frontal HOG) or ``cnn`` (mmod, slower, more robust).
    detect_face_px : faces are detected on a frame rescaled so that the face is about this
        wide (pixels; the scale is rounded to half octaves); the first detection uses
        ``detect_width``.
    detect_width : width of the downscaled frame used before any face is known (pixels).
    max_upsample : when no face is found at native size, the frame is upsampled 2×, 3×, … up to
        this factor for detection (dlib's HOG window is ~80 px); 1 disables.
    max_detect_width : upsampled detection frames stay at most this wide (pixels).
    max_jump : re-detect when the median landmark moves more than this × inter-ocular distance
        between consecutive frames.
    max_box_drift : re-detect when the tracked box centre is more than this × box width away
        from the last detection.
    min_spread : re-detect when the landmarks' spread (RMS distance to their centroid) is below
        this × box width (a collapsed fit).
    """

    detect_every: int = 30
    detector: str = "hog"
    detect_face_px: int = 110
    detect_width: int = 480
    max_upsample: float = 3.0
    max_detect_width: int = 1280
    max_jump: float = 0.25
    max_box_drift: float = 0.35
    min_spread: float = 0.15

    def check(self) -> None:
        if self.detect_every < 1:
            raise MespotError(f"detect_every must be ≥ 1, got {self.detect_every}")
        if self.detector not in ("hog", "cnn"):
            raise MespotError(f"detector {self.detector!r}: use hog or cnn")
        if self.max_upsample < 1:
            raise MespotError(f"max_upsample must be ≥ 1, got {self.max_upsample}")


@dataclass
class FaceTrack:
    """Landmarks of one video.

    Attributes
    ----------
    landmarks : (T, 68, 2) float32, pixels (x, y) in the source frame; NaN where no face.
    status : (T,) int8 — 0 lost, 1 detected, 2 tracked.
    n_faces : (T,) int8 — faces the detector saw on that frame; −1 where it did not run.
    fps : frames per second.
    frame_size : (width, height) pixels.
    first_frame : 1-based number of the first frame (``landmarks[i]`` is frame first_frame + i).
    missing : frames that could not be decoded (status lost).
    """

    landmarks: np.ndarray
    status: np.ndarray
    n_faces: np.ndarray
    fps: float
    frame_size: tuple[int, int]
    first_frame: int = 1
    missing: list[int] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def n_frames(self) -> int:
        return len(self.status)

    @property
    def valid(self) -> np.ndarray:
        """(T,) bool — frames with a face."""
        return self.status != STATUS_LOST

    def frame_index(self, frame: int) -> int:
        """Row of 1-based ``frame`` in the arrays."""
        return int(frame) - self.first_frame

    def summary(self) -> dict[str, Any]:
        """Counts per status, frames with several faces, undecodable frames."""
        return dict(frames=self.n_frames,
                    **{STATUS_NAMES[s]: int((self.status == s).sum()) for s in STATUS_NAMES},
                    several_faces=int((self.n_faces > 1).sum()), missing=len(self.missing))

    def save_to(self, path: str | Path) -> None:
        """Same as :meth:`save` (the cache stage's writer)."""
        self.save(path)

    def save(self, path: str | Path) -> None:
        """Write the track (atomically) as .npz with keys landmarks, status, fps, frame_size, …"""
        save_npz(path, landmarks=self.landmarks.astype(np.float32), status=self.status,
                 n_faces=self.n_faces, fps=np.float64(self.fps),
                 frame_size=np.array(self.frame_size, np.int32),
                 first_frame=np.int64(self.first_frame), missing=np.array(self.missing, np.int64),
                 meta=self.meta)

    @classmethod
    def load(cls, path: str | Path) -> "FaceTrack":
        d = load_npz(path, json_keys=("meta",))
        return cls(landmarks=d["landmarks"], status=d["status"], n_faces=d["n_faces"],
                   fps=float(d["fps"]), frame_size=tuple(int(x) for x in d["frame_size"]),
                   first_frame=int(d["first_frame"]), missing=[int(x) for x in d["missing"]],
                   meta=d.get("meta", {}))


# ----------------------------------------------------------------------------------------------
# dlib models: one set per thread (dlib's detector and predictor keep scratch state and give
# wrong landmarks when two threads share them, e.g. on a threaded Dask worker)

_LOCAL = threading.local()


def _models() -> dict[str, Any]:
    if not hasattr(_LOCAL, "models"):
        _LOCAL.models = {}
    return _LOCAL.models


def _predictor():
    import dlib

    from .dlib_models import landmark_model_path

    m = _models()
    if "sp" not in m:
        m["sp"] = dlib.shape_predictor(str(landmark_model_path()))
    return m["sp"]


def _detector(kind: str):
    import dlib

    m = _models()
    if kind not in m:
        if kind == "cnn":
            from .dlib_models import cnn_detector_path

            m[kind] = dlib.cnn_face_detection_model_v1(str(cnn_detector_path()))
        else:
            from .dlib_models import frontal_face_detector

            m[kind] = frontal_face_detector()  # dlib.get_frontal_face_detector(), kept as a file
    return m[kind]


def detect_faces(gray: np.ndarray, scale: float = 1.0, detector: str = "hog",
                 upsample: int = 0) -> list[tuple[float, float, float, float]]:
    """Faces in a grayscale frame, largest first, as (x0, y0, x1, y1) in full-resolution pixels.

    The detector runs on the frame resized by ``scale`` (≤ 1 makes it faster).
    """
    import cv2

    img = gray
    if scale != 1.0:
        img = cv2.resize(gray, None, fx=scale, fy=scale,
                         interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    raw = _detector(detector)(img, upsample)
    rects = [r.rect if hasattr(r, "rect") else r for r in raw]
    boxes = [(r.left() / scale, r.top() / scale, (r.right() + 1) / scale, (r.bottom() + 1) / scale)
             for r in rects]
    return sorted(boxes, key=lambda b: -(b[2] - b[0]) * (b[3] - b[1]))


def fit_landmarks(gray: np.ndarray, box: tuple[float, float, float, float],
                  upsample: int = 1) -> np.ndarray:
    """Fit the 68-point predictor inside ``box`` (x0, y0, x1, y1); returns (68, 2) float32.

    ``upsample`` > 1 fits on the box's surroundings enlarged that many times (finer than whole
    pixels on a small face) and maps the points back to the frame's pixels.
    """
    import dlib

    if upsample > 1:
        import cv2

        f = int(upsample)
        m = 0.5 * max(box[2] - box[0], box[3] - box[1])
        H, W = gray.shape[:2]
        cx0, cy0 = max(0, int(np.floor(box[0] - m))), max(0, int(np.floor(box[1] - m)))
        cx1, cy1 = min(W, int(np.ceil(box[2] + m))), min(H, int(np.ceil(box[3] + m)))
        if cx1 > cx0 and cy1 > cy0:
            crop = cv2.resize(gray[cy0:cy1, cx0:cx1], None, fx=f, fy=f,
                              interpolation=cv2.INTER_LINEAR)
            # pixel centres: u in the frame is (u − c0 + 0.5)·f − 0.5 in the enlarged crop
            big = ((box[0] - cx0) * f, (box[1] - cy0) * f, (box[2] - cx0) * f, (box[3] - cy0) * f)
            lm = fit_landmarks(crop, big)
            return ((lm + 0.5) / f - 0.5 + np.array([cx0, cy0], np.float32)).astype(np.float32)
    x0, y0, x1, y1 = (int(round(v)) for v in box)
    s = _predictor()(gray, dlib.rectangle(x0, y0, x1 - 1, y1 - 1))
    return np.array([(p.x, p.y) for p in s.parts()], np.float32)


def inter_ocular(lm: np.ndarray) -> float:
    """Distance between the eye centres of (68, 2) landmarks (pixels)."""
    return float(np.linalg.norm(lm[LEFT_EYE].mean(0) - lm[RIGHT_EYE].mean(0)))


def _lm_frame(lm: np.ndarray) -> tuple[float, float, float, float]:
    """Centre x, y and width, height of the landmarks' bounding box (Python floats)."""
    lo, hi = lm.min(0), lm.max(0)
    x0, y0, x1, y1 = float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])
    return (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0


def _box_relation(box, lm) -> tuple[float, float, float, float]:
    """How the detector's box sits relative to the landmarks it produced (offsets and scales
    in units of the landmarks' extent), so tracked frames get boxes like the detector's."""
    cx, cy, w, h = _lm_frame(lm)
    w, h = max(w, 1.0), max(h, 1.0)
    bx, by = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return ((bx - cx) / w, (by - cy) / h, (box[2] - box[0]) / w, (box[3] - box[1]) / h)


def _implied_box(lm, rel) -> tuple[float, float, float, float]:
    cx, cy, w, h = _lm_frame(lm)
    bx, by = cx + rel[0] * w, cy + rel[1] * h
    bw, bh = rel[2] * w, rel[3] * h
    return (bx - bw / 2, by - bh / 2, bx + bw / 2, by + bh / 2)


def _spread(lm) -> float:
    return float(np.sqrt(((lm - lm.mean(0)) ** 2).sum(1).mean()))


#: A box whose pixels vary less than this (grey-level standard deviation) holds no face (a
#: blank or black frame, where the predictor still returns a shape).
MIN_FACE_CONTRAST = 2.0


def _blank(img: np.ndarray, box) -> bool:
    H, W = img.shape[:2]
    x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
    x1, y1 = min(W, int(np.ceil(box[2]))), min(H, int(np.ceil(box[3])))
    crop = img[y0:y1:4, x0:x1:4]
    return crop.size == 0 or float(crop.std()) < MIN_FACE_CONTRAST


#: dlib's HOG box is about this × the landmarks' horizontal extent (measured on real footage).
BOX_PER_LM_WIDTH = 1.1
#: A face at least this wide (box pixels) is detected without upsampling (HOG's window: 80 px).
NATIVE_MIN_FACE_PX = 88


def _face_width(lm: np.ndarray) -> float:
    """Face width (detector-box pixels) implied by (68, 2) landmarks."""
    return BOX_PER_LM_WIDTH * (float(lm[:, 0].max()) - float(lm[:, 0].min()))


def detect_scale(face_w: float, params: TrackParams) -> float:
    """Detection scale for a face ``face_w`` px wide: ``detect_face_px / face_w`` rounded to a
    half octave, so that two runs whose landmarks differ by a few pixels mostly pick the same
    scale (and then the same box: chunked tracking relies on it); at most 1 for a face HOG finds
    at native size, at most ``max_upsample`` otherwise."""
    s = 2.0 ** (round(2 * np.log2(params.detect_face_px / max(face_w, 1.0))) / 2)
    s = float(np.clip(s, 0.05, params.max_upsample))
    return min(s, 1.0) if face_w >= NATIVE_MIN_FACE_PX else s


#: Faces narrower than this (box pixels) are fitted on an enlarged crop (:func:`fit_landmarks`):
#: dlib gives whole pixels, coarse on a small face (measured on the real clip shrunk to a 65 px
#: face: median error 0.57 px native, 0.40 px fitted at 2×).
FIT_FACE_PX = 100


def fit_upsample(face_w: float, params: TrackParams) -> int:
    """Enlargement for fitting a face ``face_w`` px wide: ⌈FIT_FACE_PX / face_w⌉, within
    1..``max_upsample``."""
    return int(max(1, min(int(params.max_upsample), np.ceil(FIT_FACE_PX / max(face_w, 1.0)))))


# ----------------------------------------------------------------------------------------------
# tracking


def _frames(source: FrameSource | str | Path, fps, start, stop) -> tuple[FrameSource, Iterable]:
    src = source if isinstance(source, FrameSource) else open_video(source, fps=fps, gray=True)
    if not src.gray:
        src = FrameSource(src.path, fps=src.fps, gray=True)
    return src, src.frames(start, stop)


class LandmarkTracker:
    """Frame-by-frame landmark tracking (the engine of :func:`track_video`).

    ``step(gray)`` takes the next frame (or None for an undecodable one) and returns
    ``(landmarks (68, 2) float32 or None, status, n_faces)``. Feature extraction drives it
    directly so that a video is decoded once for landmarks and features together.

    The detector runs on frames ``offset + i`` (i = steps so far) that are multiples of
    ``detect_every`` — a grid fixed by the track's first frame, not by the last detection — and
    whenever the fit degrades or the face is lost. Its state (:meth:`get_state`) depends on the
    frames since the last detection only, so two trackers started at different frames end in
    the same state after a common detection (the hand-over of :func:`track_video`'s chunks).
    """

    def __init__(self, params: TrackParams | None = None, frame_width: int = 640,
                 offset: int = 0):
        self.params = params or TrackParams()
        self.params.check()
        self.width = max(int(frame_width), 1)
        self.k = int(offset)
        self.first = True
        self.prev: np.ndarray | None = None
        self.rel: tuple | None = None
        self.det_center: tuple | None = None
        self.face_w: float | None = None

    def get_state(self) -> tuple:
        """``(prev landmarks or None, box relation, last detection centre, face width)``."""
        return self.prev, self.rel, self.det_center, self.face_w

    def set_state(self, state: tuple, offset: int) -> None:
        """Resume from :meth:`get_state`'s tuple, ``offset`` frames after the track's first."""
        self.prev, self.rel, self.det_center, self.face_w = state
        self.k, self.first = int(offset), False

    def _scales(self, wide: bool) -> list[float]:
        """Detection scales to try in order: the known face's, then (``wide``) the first
        detection's and the upsampling factors 2, 3, … (small faces)."""
        p = self.params
        out = [detect_scale(self.face_w, p)] if self.face_w is not None else []
        if wide or not out:
            out.append(min(1.0, p.detect_width / self.width))
        if wide:
            f = 2
            while f <= p.max_upsample and self.width * f <= p.max_detect_width:
                out.append(float(f))
                f += 1
        return list(dict.fromkeys(out))

    def step(self, img: np.ndarray | None) -> tuple[np.ndarray | None, int, int]:
        p = self.params
        grid = self.k % p.detect_every == 0
        first, self.first = self.first, False
        self.k += 1
        if img is None:
            self.prev = None
            return None, STATUS_LOST, -1
        if self.prev is not None and not grid:
            box = _implied_box(self.prev, self.rel)
            lm = fit_landmarks(img, box, fit_upsample(self.face_w, p))
            iod = max(inter_ocular(self.prev), 1.0)
            bw = box[2] - box[0]
            jump = float(np.median(np.linalg.norm(lm - self.prev, axis=1)))
            drift = np.hypot((box[0] + box[2]) / 2 - self.det_center[0],
                             (box[1] + box[3]) / 2 - self.det_center[1])
            if not (jump > p.max_jump * iod or drift > p.max_box_drift * bw
                    or _spread(lm) < p.min_spread * bw or _blank(img, box)):
                self.prev, self.face_w = lm, _face_width(lm)
                return lm, STATUS_TRACKED, -1
        faces: list = []
        for scale in self._scales(grid or first):
            faces = detect_faces(img, scale, p.detector)
            if faces:
                break
        if not faces:
            self.prev = None
            return None, STATUS_LOST, 0
        box = faces[0]
        lm = fit_landmarks(img, box, fit_upsample(box[2] - box[0], p))
        self.rel = _box_relation(box, lm)
        self.det_center = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        self.prev, self.face_w = lm, _face_width(lm)
        return lm, STATUS_DETECTED, min(len(faces), 127)


def new_track_arrays(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Empty (landmarks, status, n_faces) arrays for ``n`` frames (NaN, lost, −1)."""
    return (np.full((n, 68, 2), np.nan, np.float32), np.zeros(n, np.int8),
            np.full(n, -1, np.int8))


def finish_track(src: FrameSource, lms, status, nfaces, start: int, params: TrackParams,
                 warn: bool = True) -> FaceTrack:
    """Wrap tracking arrays into a :class:`FaceTrack`; one warning if no face at all (``warn``;
    dataset runs pass False and summarise every video in one warning instead)."""
    track = FaceTrack(lms, status, nfaces, src.fps, tuple(src.frame_size), max(1, start),
                      sorted(set(src.missing)), meta=dict(source=str(src.path),
                                                          params=asdict(params)))
    if len(status) and not track.valid.any() and warn:
        warnings.warn(f"no face found in any frame of {src.path}", stacklevel=3)
    return track


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


# ----------------------------------------------------------------------------------------------
# alignment


@dataclass(frozen=True)
class AlignSpec:
    """The aligned face's geometry: eye centres level at ``eye_y``, ``iod`` pixels apart,
    centred horizontally in a ``width`` × ``height`` image."""

    iod: float = 64.0
    width: int = 192
    height: int = 224
    eye_y: float = 80.0


def alignment_matrix(lm: np.ndarray, spec: AlignSpec = AlignSpec()) -> np.ndarray:
    """2×3 similarity transform (source pixels → aligned pixels) from (68, 2) landmarks.

    Rotation puts the eye centres on a horizontal line, scale makes their distance ``spec.iod``,
    translation centres them at (width/2, eye_y).
    """
    if not np.isfinite(lm).all():
        raise MespotError("alignment needs a frame with a face (landmarks are NaN)")
    le, re_ = lm[RIGHT_EYE].mean(0), lm[LEFT_EYE].mean(0)
    ang = np.arctan2(re_[1] - le[1], re_[0] - le[0])
    s = spec.iod / max(np.hypot(*(re_ - le)), 1e-6)
    c, si = s * np.cos(-ang), s * np.sin(-ang)
    R = np.array([[c, -si], [si, c]])
    t = np.array([spec.width / 2, spec.eye_y]) - R @ ((le + re_) / 2)
    return np.hstack([R, t[:, None]])


def apply_matrix(M: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Transform points (..., 2) by a 2×3 matrix."""
    return pts @ M[:, :2].T + M[:, 2]


def warp_face(img: np.ndarray, M: np.ndarray, spec: AlignSpec = AlignSpec()) -> np.ndarray:
    """The aligned face image (spec.height, spec.width[, C])."""
    import cv2

    return cv2.warpAffine(img, M, (spec.width, spec.height), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REPLICATE)


# ----------------------------------------------------------------------------------------------
# regions of interest


def roi_boxes(lm: np.ndarray, method: str = "dyngeonet",
              spec: AlignSpec | tuple[int, int] | None = None) -> dict[str, tuple[int, int, int, int]]:
    """Named ROI boxes (x0, y0, x1, y1), integer pixels, from (68, 2) landmarks.

    Sizes are relative to the inter-ocular distance d; boxes are clipped to the frame
    (``spec`` or a (width, height)).

    ``method="dyngeonet"`` (seed 000 §3.2): ``eyes`` (both eyes with the eyebrows), ``nose``,
    ``mouth``. ``method="hoof"`` (seed 004 §III-A): ``brow_right``, ``brow_left`` (above the
    eyes), ``mouth_right``, ``mouth_left`` (squares on the lip corners) — eyes, nose and the middle
    of the mouth are excluded. "right"/"left" are the subject's (image left/right).
    """
    d = inter_ocular(lm)
    if isinstance(spec, AlignSpec):
        W, H = spec.width, spec.height
    elif spec is not None:
        W, H = spec
    else:
        W, H = 10**9, 10**9
    x, y = lm[:, 0], lm[:, 1]
    if method == "dyngeonet":
        eyes_lo = min(y[17:27].min(), y[36:48].min()) - 0.15 * d
        boxes = {
            "eyes": (x[17] - 0.15 * d, eyes_lo, x[26] + 0.15 * d, y[36:48].max() + 0.2 * d),
            "nose": (x[31] - 0.2 * d, y[27] + 0.1 * d, x[35] + 0.2 * d, y[33] + 0.12 * d),
            "mouth": (x[48] - 0.25 * d, y[48:60].min() - 0.15 * d, x[54] + 0.25 * d,
                      y[48:60].max() + 0.2 * d),
        }
    elif method == "hoof":
        eye_top_r = y[36:42].min() - 0.06 * d
        eye_top_l = y[42:48].min() - 0.06 * d
        boxes = {
            "brow_right": (x[17] - 0.1 * d, y[17:22].min() - 0.25 * d, x[21] + 0.1 * d, eye_top_r),
            "brow_left": (x[22] - 0.1 * d, y[22:27].min() - 0.25 * d, x[26] + 0.1 * d, eye_top_l),
            "mouth_right": (x[48] - 0.3 * d, y[48] - 0.25 * d, x[48] + 0.2 * d, y[48] + 0.25 * d),
            "mouth_left": (x[54] - 0.2 * d, y[54] - 0.25 * d, x[54] + 0.3 * d, y[54] + 0.25 * d),
        }
    else:
        raise MespotError(f"ROI method {method!r}: use dyngeonet or hoof")
    out = {}
    for k, (x0, y0, x1, y1) in boxes.items():
        x0, y0 = int(np.clip(np.floor(x0), 0, W - 1)), int(np.clip(np.floor(y0), 0, H - 1))
        x1, y1 = int(np.clip(np.ceil(x1), x0 + 1, W)), int(np.clip(np.ceil(y1), y0 + 1, H))
        out[k] = (x0, y0, x1, y1)
    return out


# ----------------------------------------------------------------------------------------------
# the cached per-video stage

TRACKS = VideoStage("landmarks", FACE_VERSION, FaceTrack.load)


def track_cache_path(cache_dir: str | Path, src: FrameSource, params: TrackParams,
                     name: str) -> Path:
    """Cache entry of a video's track: keyed by source identity + parameters + versions."""
    return TRACKS.path(cache_dir, src.identity(), asdict(params), name)


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
