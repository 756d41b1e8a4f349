"""The demo's faces: the frame size and difficulty settings, the photos a subject starts from
(shipped or the user's), their landmark normalisation, the displacement fields that move a face,
and a subject's identity morph."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import MespotError
from ..expressions import IOD, JAW, L_BROW, L_EYE, R_BROW, R_EYE
from ..media import PHOTOS

log = logging.getLogger(__name__)

DEMO_VERSION = 6
STAMP = "mespot_demo.json"
#: Demos with fewer frames than this are rendered in this process (measured: a 2 × 5 s demo at
#: 200 fps took 5.7 s serially and 7.6 s on two worker processes); the output is identical.
SERIAL_FRAMES = 3000
TRUTH_DIR = "mespot_demo"

FRAME_W, FRAME_H = 320, 360       # output frame size (pixels)
EYE_Y = 150                       # eye line in the neutral pose (pixels from the top)


#: Difficulty settings. Rates are per minute of video, amplitudes in pixels at a ~190 px face.
#: Sources of the real-world rates are in the README ("The demo dataset"); in short: blinks
#: 15–20/min (spontaneous blinking at rest ~17/min, Bentivoglio et al. 1997); micro-expressions
#: ~1.8/min in SAMM-LV and 0.24/min in CAS(ME)² (counted from their annotation workbooks);
#: syllable-rate mouth motion 3–5 Hz while talking; posed macro-expressions 0.5–4 s.
#:   micro, macro      amplitude range (log-uniform, so barely visible to clear)
#:   micro_rate, macro_rate   expressions per minute
#:   comove            fraction of micro-expressions that co-occur with a head turn or nod
#:   blink_rate        blinks per minute;  talk_rate  talking bouts per minute
#:   turn_rate, nod_rate   quick head turns / nods per minute (besides the co-occurring ones)
#:   jitter            per-frame head jitter (px, low-pass filtered);  drift  slow drift (px)
#:   light             slow lighting drift (fraction);  light_steps  lighting steps per minute
#:   noise             sensor noise σ (grey levels);  jpeg  JPEG quality
DIFFICULTY = {
    "easy": dict(micro=(6.0, 9.0), macro=(9.0, 13.0), micro_rate=20.0, macro_rate=3.5, comove=0.0,
                 blink_rate=5.0, talk_rate=0.0, turn_rate=0.0, nod_rate=0.0, jitter=0.1,
                 drift=2.0, light=0.02, light_steps=0.0, noise=1.0, jpeg=95),
    "standard": dict(micro=(1.5, 6.0), macro=(5.0, 11.0), micro_rate=6.0, macro_rate=2.0,
                     comove=0.2, blink_rate=17.0, talk_rate=3.0, turn_rate=2.0, nod_rate=2.0,
                     jitter=0.3, drift=4.0, light=0.05, light_steps=1.0, noise=2.0, jpeg=90),
    "hard": dict(micro=(0.8, 3.5), macro=(4.0, 9.0), micro_rate=2.0, macro_rate=2.5, comove=0.4,
                 blink_rate=20.0, talk_rate=5.0, turn_rate=4.0, nod_rate=4.0, jitter=0.5,
                 drift=6.0, light=0.08, light_steps=2.0, noise=3.0, jpeg=80),
}

# ----------------------------------------------------------------------------------------------
# faces


@dataclass
class _Face:
    """A source photo in output coordinates: RGB image (H, W, 3) uint8 and (68, 2) landmarks,
    with where the photo came from and its licence."""

    image: np.ndarray
    landmarks: np.ndarray
    name: str
    source: str = ""
    licence: str = ""


def _detect_landmarks(rgb: np.ndarray, face: int | None = None) -> np.ndarray | None:
    """dlib's 68 landmarks of the largest face (``face=None``) or of the ``face``-th face from the
    left; ``None`` when there is no such face."""
    import cv2
    import dlib

    from ..dlib_models import landmark_model_path

    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    det = dlib.get_frontal_face_detector()
    rects = list(det(gray, 1))
    if face is None:
        if not rects:
            return None
        r = max(rects, key=lambda r: r.area())
    else:
        rects.sort(key=lambda r: r.left())
        if face >= len(rects):
            return None
        r = rects[face]
    sp = dlib.shape_predictor(str(landmark_model_path()))
    s = sp(gray, r)
    return np.array([[p.x, p.y] for p in s.parts()], np.float64)


def _normalise_face(rgb: np.ndarray, lm: np.ndarray, name: str, source: str = "",
                    licence: str = "") -> _Face:
    """Similarity-warp a photo so the eyes sit level at EYE_Y, IOD apart, centred."""
    import cv2

    le, re_ = lm[R_EYE].mean(0), lm[L_EYE].mean(0)
    ang = np.arctan2(re_[1] - le[1], re_[0] - le[0])
    s = IOD / np.hypot(*(re_ - le))
    c, si = s * np.cos(-ang), s * np.sin(-ang)
    R = np.array([[c, -si], [si, c]])
    ctr = (le + re_) / 2
    t = np.array([FRAME_W / 2, EYE_Y]) - R @ ctr
    M = np.hstack([R, t[:, None]])
    img = cv2.warpAffine(rgb, M, (FRAME_W, FRAME_H), flags=cv2.INTER_CUBIC,
                         borderMode=cv2.BORDER_REFLECT)
    return _Face(img, lm @ R.T + t, name, source, licence)


def _read_rgb(path: Path) -> np.ndarray | None:
    import cv2

    bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
    return None if bgr is None else cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


@lru_cache(maxsize=None)
def _shipped_face(i: int) -> _Face:
    """The ``i``-th of :data:`media.PHOTOS`, normalised (cached per process)."""
    ph = PHOTOS[i]
    path = ph.file()
    rgb = _read_rgb(path)
    lm = None if rgb is None else _detect_landmarks(rgb, ph.face)
    if lm is None:  # pragma: no cover - the shipped photos always have their face
        raise MespotError(f"no face found in {path} (face {ph.face}); reinstall {ph.package}")
    return _normalise_face(rgb, lm, ph.name, f"{ph.package}: {ph.path}", ph.licence)


@lru_cache(maxsize=None)
def _user_faces(faces_dir: str) -> tuple[_Face, ...]:
    d = Path(faces_dir)
    if not d.is_dir():
        raise MespotError(f"--faces {d}: not a folder of face photos")
    out = []
    for p in sorted(d.iterdir()):
        if p.suffix.lower() not in (".jpg", ".jpeg", ".png", ".bmp"):
            continue
        rgb = _read_rgb(p)
        if rgb is None:
            log.warning("mespot demo-data: skipped %s: not a readable image", p)
            continue
        lm = _detect_landmarks(rgb)
        if lm is None:
            log.warning("mespot demo-data: skipped %s: no face found by dlib's detector", p)
            continue
        out.append(_normalise_face(rgb, lm, p.name, str(p), "the user's own photo (--faces)"))
    if not out:
        raise MespotError(f"--faces {d}: no usable face photo (need a frontal face, eyes visible)")
    return tuple(out)


def load_faces(faces_dir: str | Path | None = None) -> list[_Face]:
    """The source faces: the photos installed packages ship (:data:`media.PHOTOS`, a different
    person each), or every usable photo in ``faces_dir``.

    A user photo where dlib finds no face is skipped with a message naming it; an error if none
    is usable.
    """
    if faces_dir is None:
        return [_shipped_face(i) for i in range(len(PHOTOS))]
    return list(_user_faces(str(faces_dir)))


def subject_face(spec, s: int) -> _Face:
    """The photo subject ``s`` (0-based) is built from: faces are taken in turn from
    ``spec.first_face`` on, so subjects are different people until the photos run out.
    ``spec``: a :class:`~mespot_nb.demo.render.DemoSpec` (its ``faces`` and ``first_face``)."""
    if spec.faces is None:
        return _shipped_face((spec.first_face + s) % len(PHOTOS))
    faces = _user_faces(str(spec.faces))
    return faces[(spec.first_face + s) % len(faces)]


# ----------------------------------------------------------------------------------------------
# displacement fields


class _Field:
    """Dense displacement from displacements of the 68 landmarks (Gaussian RBF, exact at them).

    ``dense(d)`` for ``d`` (68, 2) returns (H, W, 2) float32: evaluated on a grid every ``step``
    pixels and upsampled bilinearly.
    """

    def __init__(self, points: np.ndarray, sigma: float, step: int = 4, ridge: float = 1e-3):
        import cv2  # noqa: F401

        self.step = step
        gh, gw = FRAME_H // step + 1, FRAME_W // step + 1
        gy, gx = np.mgrid[0:gh, 0:gw] * step
        grid = np.stack([gx.ravel(), gy.ravel()], 1).astype(np.float64)
        d2 = ((points[:, None, :] - points[None, :, :]) ** 2).sum(-1)
        G = np.exp(-d2 / (2 * sigma ** 2))
        self.ginv = np.linalg.inv(G + ridge * np.eye(len(points)))
        dg = ((grid[:, None, :] - points[None, :, :]) ** 2).sum(-1)
        self.kgrid = np.exp(-dg / (2 * sigma ** 2)).astype(np.float32)
        self.gshape = (gh, gw)

    def dense(self, d: np.ndarray) -> np.ndarray:
        import cv2

        c = (self.ginv @ d).astype(np.float32)
        coarse = (self.kgrid @ c).reshape(*self.gshape, 2)
        full = cv2.resize(coarse, ((self.gshape[1] - 1) * self.step + 1,
                                   (self.gshape[0] - 1) * self.step + 1),
                          interpolation=cv2.INTER_LINEAR)
        return full[:FRAME_H, :FRAME_W]


_GRID = None


def _pixel_grid() -> tuple[np.ndarray, np.ndarray]:
    global _GRID
    if _GRID is None:
        ys, xs = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
        _GRID = (xs, ys)
    return _GRID


def _warp(img: np.ndarray, disp: np.ndarray, pose: np.ndarray | None = None) -> np.ndarray:
    """Move image content by ``disp`` (H, W, 2), then by the similarity ``pose`` (2×3)."""
    import cv2

    xs, ys = _pixel_grid()
    mx = xs - disp[..., 0]
    my = ys - disp[..., 1]
    if pose is not None:
        mx = cv2.warpAffine(mx, pose, (FRAME_W, FRAME_H), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_REPLICATE)
        my = cv2.warpAffine(my, pose, (FRAME_W, FRAME_H), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_REPLICATE)
    return cv2.remap(img, mx, my, interpolation=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)


# ----------------------------------------------------------------------------------------------
# subjects


@dataclass
class _Subject:
    id: str
    image: np.ndarray        # neutral face, output coords, RGB uint8
    landmarks: np.ndarray    # (68, 2) neutral landmarks
    field: _Field


def _make_subject(face: _Face, sid: str, rng: np.random.Generator) -> _Subject:
    """Identity morph: face-shape offsets, scale, skin tone, background and lighting."""
    import cv2

    lm = face.landmarks.copy()
    ctr = lm[27:36].mean(0)
    d = np.zeros_like(lm)
    # face shape: jaw width, face length, eye spacing, nose length, mouth width, brow height
    d[JAW, 0] += (lm[JAW, 0] - ctr[0]) * rng.uniform(-0.07, 0.07)
    d[JAW, 1] += (lm[JAW, 1] - ctr[1]).clip(0) * rng.uniform(-0.06, 0.06)
    d[R_EYE + R_BROW, 0] -= rng.uniform(-2.5, 2.5)
    d[L_EYE + L_BROW, 0] += d[R_EYE[0], 0] * -1
    d[31:36, 1] += rng.uniform(-3, 3)
    d[48:68, 0] += (lm[48:68, 0] - lm[48:68, 0].mean()) * rng.uniform(-0.08, 0.08)
    d[R_BROW + L_BROW, 1] += rng.uniform(-3, 3)
    d += rng.normal(0, 0.7, d.shape)
    field = _Field(lm, sigma=0.16 * IOD)
    img = _warp(face.image, field.dense(d))
    lm = lm + d
    # global scale about the face centre
    s = rng.uniform(0.92, 1.08)
    M = np.array([[s, 0, (1 - s) * FRAME_W / 2], [0, s, (1 - s) * EYE_Y]])
    img = cv2.warpAffine(img, M, (FRAME_W, FRAME_H), flags=cv2.INTER_LINEAR,
                         borderMode=cv2.BORDER_REFLECT)
    lm = lm @ M[:, :2].T + M[:, 2]
    # skin tone inside the face, background colour outside the head
    f = img.astype(np.float32)
    face_mask = np.zeros((FRAME_H, FRAME_W), np.float32)
    hull = np.vstack([lm[JAW], lm[[26, 25, 24, 23, 22, 21, 20, 19, 18, 17]] - [0, 0.25 * IOD]])
    cv2.fillConvexPoly(face_mask, cv2.convexHull(hull.astype(np.int32)), 1.0)
    face_mask = cv2.GaussianBlur(face_mask, (0, 0), 6)[..., None]
    tone = rng.uniform([0.82, 0.78, 0.72], [1.12, 1.05, 1.02]).astype(np.float32)
    f = f * (1 - face_mask) + f * tone * face_mask
    head = np.zeros((FRAME_H, FRAME_W), np.float32)
    hc = (int(lm[27, 0]), int(lm[27, 1] + 0.2 * IOD))
    axes = (int(1.25 * IOD), int(1.75 * IOD))
    cv2.ellipse(head, hc, axes, 0, 0, 360, 1.0, -1)
    head = cv2.GaussianBlur(head, (0, 0), 12)[..., None]
    bg = rng.uniform(40, 200, 3).astype(np.float32)
    f = f * head + (0.45 * f + 0.55 * bg) * (1 - head)
    # fixed directional lighting
    xs, ys = _pixel_grid()
    ang = rng.uniform(0, 2 * np.pi)
    ramp = ((xs - FRAME_W / 2) * np.cos(ang) + (ys - FRAME_H / 2) * np.sin(ang)) / FRAME_W
    f *= (1 + rng.uniform(0.1, 0.3) * ramp)[..., None]
    img = np.clip(f, 0, 255).astype(np.uint8)
    return _Subject(sid, img, lm, _Field(lm, sigma=0.12 * IOD))


