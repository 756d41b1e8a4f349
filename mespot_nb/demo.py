"""The embedded demo dataset: synthetic long videos with exactly known micro-expressions.

Built from a real photograph that ships inside a package from the index (scikit-image's
``astronaut.png``, NASA, public domain) or from the user's own photos (``faces=DIR``). Each
subject is an identity morph of a photo (face-shape offsets of the 68 landmarks, skin tone, scale,
background, lighting). Motion is made by warping the subject's neutral image along displaced
landmarks: a Gaussian radial-basis displacement field through the 68 points (exact at the points)
evaluated on a coarse grid, upsampled and applied with ``cv2.remap``, composed with a head pose
(similarity transform) per frame.

Events follow FACS-like action units with an onset → apex → offset profile (raised cosine up,
raised cosine down): micro-expressions 0.2–0.5 s with small amplitude (AU1+2, AU4, AU12, AU14,
AU15, AU10), macro-expressions 0.5–4 s with larger amplitude; distractors are blinks,
talking-like mouth motion, slow head drift, quick small head turns, lighting drift, sensor noise and
JPEG compression. ``difficulty`` scales distractors and amplitudes.

The dataset is written in the real on-disk layout of SAMM Long Videos (frames + a workbook with
the 9 preamble rows and the header on row 10) or CAS(ME)² (``rawpic`` folders + a 3-sheet
workbook), so it is read through the same readers as real data. Same parameters and seed → a
byte-identical workbook and identical frames. A ``mespot_demo.json`` stamp records the generator
version and parameters; ``mespot_demo/`` holds the generator's truth (every frame's true
landmarks, the distractor events), which the readers ignore.

It is synthetic: for teaching, CI and regression, never a stand-in for real-data numbers.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import shutil
import zipfile
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ._io import write_bytes, write_json
from .errors import MespotError
from .expressions import (IOD, JAW, L_BROW, L_EYE, MACRO_AUS, MICRO_AUS, R_BROW, R_EYE,
                          aus_displacement, blink_template, log_uniform, profile, talk_template)
from .media import PHOTOS

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

#: Bump when the generator's output changes: cached demos with another version are rebuilt.
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

    from .dlib_models import landmark_model_path

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


def subject_face(spec: "DemoSpec", s: int) -> _Face:
    """The photo subject ``s`` (0-based) is built from: faces are taken in turn from
    ``spec.first_face`` on, so subjects are different people until the photos run out."""
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


# ----------------------------------------------------------------------------------------------
# events and one video


@dataclass
class DemoSpec:
    """Parameters of a demo dataset (all of them go into the stamp)."""

    subjects: int = 6
    videos_per_subject: int = 2
    seconds: float = 30.0
    fps: float = 30.0
    layout: str = "samm-lv"
    seed: int = 0
    difficulty: str = "standard"
    faces: str | None = None
    first_face: int = 0                    # subject s is built from photo (first_face + s)
    micro_per_minute: float | None = None  # None: the difficulty's rate

    def check(self) -> None:
        if self.layout not in ("samm-lv", "casme2"):
            raise MespotError(f"demo layout {self.layout!r}: use samm-lv or casme2")
        if self.difficulty not in DIFFICULTY:
            raise MespotError(f"demo difficulty {self.difficulty!r}: use easy, standard or hard")
        if self.subjects < 1 or self.videos_per_subject < 1:
            raise MespotError("demo needs at least 1 subject and 1 video per subject")
        if self.first_face < 0:
            raise MespotError(f"demo first_face {self.first_face}: must be ≥ 0")
        if self.micro_per_minute is not None and not 0 <= self.micro_per_minute <= 30:
            raise MespotError(f"demo micro_per_minute {self.micro_per_minute}: use 0–30 "
                              "(real long videos have 0.2–2 per minute)")
        if not self.fps > 0 or self.seconds < 5:
            raise MespotError(f"demo fps {self.fps} / seconds {self.seconds}: need fps > 0 and "
                              "at least 5 seconds per video")


def _schedule(rng: np.random.Generator, n: int, fps: float, diff: dict,
              micro_rate: float, expressions: list[dict] | None = None) -> dict[str, list]:
    """Expression events (non-overlapping, exact 1-based frames) and nuisance events for one
    video of ``n`` frames; rates are per minute (see :data:`DIFFICULTY`).

    ``expressions`` (the rehearsal's): given ``type, onset, apex, offset`` (1-based, inclusive)
    instead of drawn ones; their action units and amplitudes are still drawn here.
    """
    minutes = n / fps / 60
    total_rate = micro_rate + diff["macro_rate"]
    p_micro = micro_rate / total_rate if total_rate > 0 else 0.0
    ev: list[dict] = []
    # expressions as a renewal process: mean spacing 60 / total_rate seconds, at least 0.4 s apart
    mean_gap = max(0.5, 60.0 / total_rate - 1.0) if total_rate > 0 else np.inf
    t = int(rng.uniform(0.5, min(2 * mean_gap, n / fps / 2)) * fps) \
        if total_rate > 0 and expressions is None else n
    for g in expressions or []:
        kind = g["type"]
        aus = MICRO_AUS[rng.integers(len(MICRO_AUS))] if kind == "micro" else \
            MACRO_AUS[rng.integers(len(MACRO_AUS))]
        ev.append(dict(type=kind, onset=int(g["onset"]), apex=int(g["apex"]),
                       offset=int(g["offset"]), aus=aus,
                       amplitude=round(log_uniform(rng, *diff[kind]), 3), with_head_motion=False))
    while expressions is None:
        micro = rng.random() < p_micro
        dur_s = rng.uniform(0.2, 0.5) if micro else rng.uniform(0.5, 4.0)
        length = max(3, int(round(dur_s * fps)))
        if t + length >= n - int(0.5 * fps):
            break
        apex = int(round(length * rng.uniform(0.35, 0.55)))
        kind = "micro" if micro else "macro"
        aus = MICRO_AUS[rng.integers(len(MICRO_AUS))] if micro else \
            MACRO_AUS[rng.integers(len(MACRO_AUS))]
        amp = log_uniform(rng, *diff[kind])
        ev.append(dict(type=kind, onset=t + 1, apex=t + 1 + apex, offset=t + length, aus=aus,
                       amplitude=round(amp, 3), with_head_motion=False))
        t += length + int((0.4 + rng.exponential(mean_gap)) * fps)
    busy = np.zeros(n + 2, bool)
    for e in ev:
        busy[max(0, e["onset"] - int(0.3 * fps)):e["offset"] + int(0.3 * fps)] = True

    def count(rate: float) -> int:
        return int(rng.poisson(rate * minutes))

    def free_start(length: int, avoid: bool) -> int | None:
        for _ in range(50):
            s = int(rng.integers(1, max(2, n - length)))
            if not avoid or not busy[s:s + length].any():
                return s
        return None

    def head_event(kind: str, s: int, length: int) -> dict:
        sign = float(rng.choice([-1, 1]))
        if kind == "turn":   # yaw-like: in-plane tilt, sideways shift, horizontal foreshortening
            return dict(kind="turn", onset=s, offset=s + length - 1,
                        degrees=round(float(rng.uniform(1.5, 4)) * sign, 3),
                        shift=round(float(rng.uniform(3, 8)) * sign, 3),
                        squeeze=round(float(rng.uniform(0.02, 0.06)), 3))
        return dict(kind="nod", onset=s, offset=s + length - 1,
                    shift=round(float(rng.uniform(3, 8)), 3),
                    squeeze=round(float(rng.uniform(0.02, 0.05)), 3))

    blinks = []
    for _ in range(count(diff["blink_rate"])):
        length = max(3, int(round(rng.uniform(0.1, 0.4) * fps)))
        s = free_start(length, avoid=False)
        if s is not None:
            blinks.append(dict(onset=s, offset=s + length - 1))
    talks, heads = [], []
    for e in ev:  # head motion on top of some micro-expressions: the hard case (seed 004 §V)
        if e["type"] == "micro" and rng.random() < diff["comove"]:
            length = int(rng.uniform(0.4, 1.0) * fps)
            s = max(1, e["apex"] - int(rng.uniform(0.3, 0.7) * length))
            s = min(s, n - length)
            heads.append(head_event(str(rng.choice(["turn", "nod"])), s, length))
            e["with_head_motion"] = True
    for _ in range(count(diff["talk_rate"])):
        length = int(rng.uniform(1.0, 3.0) * fps)
        s = free_start(length, avoid=True)
        if s is not None:
            talks.append(dict(onset=s, offset=s + length - 1, hz=round(float(rng.uniform(3, 5)), 3),
                              amplitude=round(float(rng.uniform(2, 5)), 3)))
            busy[s:s + length] = True
    for kind in ["turn"] * count(diff["turn_rate"]) + ["nod"] * count(diff["nod_rate"]):
        length = int(rng.uniform(0.3, 1.0) * fps)
        s = free_start(length, avoid=True)
        if s is not None:
            heads.append(head_event(kind, s, length))
            busy[s:s + length] = True
    lights = []
    for _ in range(count(diff["light_steps"])):
        s = int(rng.integers(1, n))
        lights.append(dict(onset=s, ramp_frames=max(2, int(0.3 * fps)),
                           change=round(float(rng.uniform(0.05, 0.15) * rng.choice([-1, 1])), 3)))
    heads.sort(key=lambda h: h["onset"])
    return dict(expressions=ev, blinks=blinks, talking=talks, head_motion=heads,
                light_steps=lights)


def _smooth_walk(rng: np.random.Generator, n: int, fps: float, scale: float) -> np.ndarray:
    """A slow random drift: a sum of a few low-frequency sinusoids, peak about ``scale``."""
    t = np.arange(n) / fps
    out = np.zeros(n)
    for _ in range(3):
        f = rng.uniform(0.01, 0.08)
        out += np.sin(2 * np.pi * f * t + rng.uniform(0, 2 * np.pi))
    return scale * out / 3


def _render_video(spec: DemoSpec, subj: _Subject, vidx: int, folder: Path, name_of, seed_seq,
                  n: int | None = None, expressions: list[dict] | None = None) -> dict[str, Any]:
    """Render and write one video's frames; returns its events and true landmarks.

    ``n`` frames (default ``spec.seconds × spec.fps``); ``expressions``: given positions (see
    :func:`_schedule`), as the rehearsal dataset passes them.
    """
    import cv2

    rng = np.random.default_rng(seed_seq)
    diff = DIFFICULTY[spec.difficulty]
    n = int(round(spec.seconds * spec.fps)) if n is None else int(n)
    micro_rate = diff["micro_rate"] if spec.micro_per_minute is None else spec.micro_per_minute
    events = _schedule(rng, n, spec.fps, diff, micro_rate, expressions)
    lm0 = subj.landmarks
    disp = np.zeros((n, 68, 2))
    for e in events["expressions"]:
        s, length = e["onset"] - 1, e["offset"] - e["onset"] + 1
        prof = profile(length, e["apex"] - e["onset"])
        disp[s:s + length] += prof[:, None, None] * e["amplitude"] * aus_displacement(e["aus"], lm0)
    blink = blink_template(lm0)
    for b in events["blinks"]:
        s, length = b["onset"] - 1, b["offset"] - b["onset"] + 1
        disp[s:s + length] += profile(length, length // 2)[:, None, None] * blink
    talk = talk_template(lm0)
    for tk in events["talking"]:
        s, length = tk["onset"] - 1, tk["offset"] - tk["onset"] + 1
        tt = np.arange(length) / spec.fps
        env = profile(length, length // 2) ** 0.3
        open_ = tk["amplitude"] * env * 0.5 * (1 - np.cos(2 * np.pi * tk["hz"] * tt))
        disp[s:s + length] += open_[:, None, None] * talk
    # head pose: slow drift + filtered jitter + quick turns and nods (degrees, pixels, fractions)
    dx = _smooth_walk(rng, n, spec.fps, diff["drift"])
    dy = _smooth_walk(rng, n, spec.fps, diff["drift"] * 0.6)
    rot = _smooth_walk(rng, n, spec.fps, 1.0)
    kernel = np.ones(3) / np.sqrt(3)
    dx += np.convolve(rng.normal(0, diff["jitter"], n), kernel, "same")
    dy += np.convolve(rng.normal(0, diff["jitter"], n), kernel, "same")
    sqx, sqy = np.zeros(n), np.zeros(n)
    for h in events["head_motion"]:
        s, length = h["onset"] - 1, h["offset"] - h["onset"] + 1
        p = profile(length, length // 2)
        if h["kind"] == "turn":
            rot[s:s + length] += h["degrees"] * p
            dx[s:s + length] += h["shift"] * p
            sqx[s:s + length] += h["squeeze"] * p
        else:
            dy[s:s + length] += h["shift"] * p
            sqy[s:s + length] += h["squeeze"] * p
    light = 1 + diff["light"] * np.sin(2 * np.pi * rng.uniform(0.02, 0.06) * np.arange(n) / spec.fps
                                       + rng.uniform(0, 2 * np.pi))
    for st in events["light_steps"]:
        k = np.clip((np.arange(n) - (st["onset"] - 1)) / st["ramp_frames"], 0, 1)
        light += st["change"] * (3 * k ** 2 - 2 * k ** 3)
    noise_bank = rng.normal(0, diff["noise"], (16, FRAME_H, FRAME_W, 1)).astype(np.float32)
    noise_pick = rng.integers(0, 16, n)
    truth = np.zeros((n, 68, 2), np.float32)
    folder.mkdir(parents=True, exist_ok=True)
    base = subj.image.astype(np.float32)
    ctr = (float(lm0[27, 0]), float(lm0[27, 1]))
    c = np.array(ctr)
    for i in range(n):
        th = np.deg2rad(rot[i])
        A = np.array([[np.cos(th), np.sin(th)], [-np.sin(th), np.cos(th)]]) @ \
            np.diag([1 - sqx[i], 1 - sqy[i]])
        pose = np.hstack([A, (c + (dx[i], dy[i]) - A @ c)[:, None]])
        moving = np.abs(disp[i]).max() > 1e-3
        field = subj.field.dense(disp[i]) if moving else np.zeros((FRAME_H, FRAME_W, 2), np.float32)
        img = _warp(base, field, pose)
        img = img * light[i] + noise_bank[noise_pick[i]]
        frame = cv2.cvtColor(np.clip(img, 0, 255).astype(np.uint8), cv2.COLOR_RGB2BGR)
        ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, int(diff["jpeg"])])
        (folder / name_of(i + 1)).write_bytes(buf.tobytes())
        truth[i] = (lm0 + disp[i]) @ pose[:, :2].T + pose[:, 2]
    return dict(events=events, truth=truth, n_frames=n)


# ----------------------------------------------------------------------------------------------
# layouts


def _ids(spec: DemoSpec, s: int, v: int) -> dict[str, str]:
    """Subject/video ids and on-disk names for subject index s, video index v (0-based)."""
    if spec.layout == "samm-lv":
        subj = f"{101 + s:03d}"
        video = f"{subj}_{v + 1}"
        return dict(subject=subj, video=video, folder=f"SAMM_longvideos/{video}")
    codes = [("0401", "anger1", "girlcrashing"), ("0402", "anger2", "awkwardtalk"),
             ("0101", "disgust1", "eatingworms"), ("0102", "disgust2", "pickingnose"),
             ("0502", "happy1", "funnyerrors"), ("0503", "happy2", "sittingonbaby"),
             ("0505", "happy3", "hugging"), ("0507", "happy4", "smilingbaby"),
             ("0508", "happy5", "funnydog")]
    code, name, suffix = codes[v % len(codes)]
    subj = f"s{s + 1:02d}"
    return dict(subject=subj, video=f"{subj}_{code}", code=code, name=name,
                folder=f"rawpic/{subj}/{s + 1:02d}_{code}{suffix}")


def _frame_namer(spec: DemoSpec, ids: dict[str, str], n: int):
    if spec.layout == "samm-lv":
        width = 4 if n < 10000 else 5
        return lambda k: f"{ids['video']}_{k:0{width}d}.jpg"
    return lambda k: f"img{k}.jpg"


def _deterministic_xlsx(wb) -> bytes:
    """Serialise an openpyxl workbook with fixed timestamps (byte-identical for the same data)."""
    import datetime as dt

    fixed = dt.datetime(2020, 1, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in sorted(zin.infolist(), key=lambda i: i.filename):
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps 'modified' at save time
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2020-01-01T00:00:00Z",
                              data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    return out.getvalue()


def _write_annotations(spec: DemoSpec, videos: list[dict], path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    if spec.layout == "samm-lv":
        ws = wb.active
        ws.title = "FACS_Movement_Only"
        pre = ["mespot-nb synthetic demo (SAMM Long Videos layout) - FACS Codes", None,
               "Symbol Key:", '"/" = or', None, "Synthetic: generated by mespot-nb",
               "Frames are 1-based, inclusive", None, None]
        for p in pre:
            ws.append([p])
        ws.append(["Subject", "Filename", "Inducement Code", "Onset", "Apex", "Offset", "Duration",
                   "Type", "Action Units", "Notes"])
        for v in videos:
            for k, e in enumerate(v["events"]["expressions"], 1):
                ws.append([v["subject"], f"{v['video']}_{k}", int(v["video"].split("_")[1]),
                           e["onset"], e["apex"], e["offset"], e["offset"] - e["onset"] + 1,
                           "Micro - 1/2" if e["type"] == "micro" else "Macro",
                           e["aus"].replace("AU", ""), "synthetic"])
    else:
        ws = wb.active
        ws.title = "CASFEcode_final"
        r1 = wb.create_sheet("naming rule1")
        r2 = wb.create_sheet("naming rule2")
        subj_index = {s: i + 1 for i, s in enumerate(sorted({v["subject"] for v in videos}))}
        counters: dict[str, int] = {}
        names = {}
        for v in videos:
            for e in v["events"]["expressions"]:
                key = f"{v['subject']}_{v['name']}"
                counters[key] = counters.get(key, 0) + 1
                ws.append([subj_index[v["subject"]], f"{v['name']}_{counters[key]}", e["onset"],
                           e["apex"], e["offset"], e["aus"].replace("AU", ""), "synthetic",
                           f"{e['type']}-expression", "synthetic"])
                r1.append([int(v["subject"][1:]), v["subject"], subj_index[v["subject"]]])
            names[v["code"]] = v["name"]
        for code in sorted(names):
            r2.append([code, names[code]])
    write_bytes(path, _deterministic_xlsx(wb))


def _render_job(spec: DemoSpec, s: int, v: int, root: str) -> dict[str, Any]:
    """One video, in a worker: build the subject (deterministically) and render the frames."""
    face = subject_face(spec, s)
    subj_rng = np.random.default_rng([spec.seed, 7919, s])
    ids = _ids(spec, s, v)
    subj = _make_subject(face, ids["subject"], subj_rng)
    n = int(round(spec.seconds * spec.fps))
    out = _render_video(spec, subj, v, Path(root) / ids["folder"], _frame_namer(spec, ids, n),
                        np.random.SeedSequence([spec.seed, s, v]))
    truth_dir = Path(root) / TRUTH_DIR
    truth_dir.mkdir(exist_ok=True)
    np.save(truth_dir / f"{ids['subject']}__{ids['video']}_landmarks.npy", out["truth"])
    return dict(**ids, events=out["events"], n_frames=out["n_frames"], face=face.name,
                face_source=face.source, face_licence=face.licence)


def generate_demo(out: str | Path, spec: DemoSpec | None = None, n_jobs: int = 2,
                  progress: bool = True) -> Path:
    """Write a demo dataset to ``out`` (see module doc); returns ``out``.

    ``out`` may be missing, empty, or an earlier demo (its stamp is checked; same version and
    parameters → kept as is). Any other existing folder is refused and nothing is overwritten.
    The dataset is built in a temporary sibling folder and moved into place, so an interruption
    never leaves half a demo behind.
    """
    from joblib import Parallel, delayed

    spec = spec or DemoSpec()
    spec.check()
    out = Path(out)
    want = dict(version=DEMO_VERSION, spec=asdict(spec))
    if out.exists():
        stamp = out / STAMP
        if stamp.exists():
            try:
                have = json.loads(stamp.read_text())
            except ValueError:
                have = {}
            if have.get("version") == want["version"] and have.get("spec") == want["spec"]:
                return out
        elif any(out.iterdir()):
            raise MespotError(f"{out} exists and is not a mespot demo (no {STAMP}); choose an "
                              "empty or new folder — nothing was overwritten")
    for s in range(spec.subjects):  # fail early on a missing package or an unusable --faces
        subject_face(spec, s)
    tmp = out.parent / f".{out.name}.building"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    jobs = [(s, v) for s in range(spec.subjects) for v in range(spec.videos_per_subject)]
    if len(jobs) * spec.seconds * spec.fps < SERIAL_FRAMES:
        n_jobs = 1   # a worker's start-up costs more than it saves; same frames either way
    it = Parallel(n_jobs=n_jobs, return_as="generator")(
        delayed(_render_job)(spec, s, v, str(tmp)) for s, v in jobs)
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, total=len(jobs), desc="demo videos", unit="video")
    return finish_dataset(spec, list(it), tmp, out, want,
                          "synthetic demo dataset generated by mespot-nb")


def finish_dataset(spec: DemoSpec, videos: list[dict], tmp: Path, out: Path, want: dict,
                   note: str) -> Path:
    """Write the annotation workbook, the truth events and the stamp of rendered ``videos``
    into the building folder ``tmp``, then put it in place of ``out`` in one rename (shared by
    the demo and the rehearsal, so a half-written dataset is never read)."""
    _write_annotations(spec, videos, tmp / "annotations.xlsx")
    write_json(tmp / TRUTH_DIR / "events.json",
               {f"{v['subject']}/{v['video']}": dict(n_frames=v["n_frames"], face=v["face"],
                                                     face_source=v["face_source"],
                                                     face_licence=v["face_licence"],
                                                     **v["events"]) for v in videos})
    faces = {v["subject"]: dict(face=v["face"], source=v["face_source"], licence=v["face_licence"])
             for v in videos}
    write_json(tmp / STAMP, dict(**want, faces=faces, note=note))
    if out.exists():
        shutil.rmtree(out)
    os.replace(tmp, out)
    return out


def spec_from_entry(entry) -> DemoSpec:
    """The :class:`DemoSpec` of a manifest ``demo`` entry."""
    fields = DemoSpec.__dataclass_fields__
    kw = {k: entry.get(k) for k in fields if entry.get(k) is not None}
    if entry.fps:
        kw["fps"] = entry.fps
    try:
        return DemoSpec(**kw)
    except TypeError as e:  # pragma: no cover
        raise MespotError(f"dataset '{entry.name}': bad demo option ({e})") from None


def ensure_demo(entry, cache_dir: str | Path) -> Path:
    """Generate the demo of a manifest entry into the cache on first use; returns its folder."""
    spec = spec_from_entry(entry)
    return generate_demo(Path(cache_dir) / "demo" / entry.name, spec)


def demo_events(root: str | Path) -> dict[str, Any]:
    """The generator's record of every event (expressions and distractors), keyed 'subject/video'."""
    p = Path(root) / TRUTH_DIR / "events.json"
    if not p.exists():
        raise MespotError(f"{root} is not a mespot demo dataset (no {p})")
    return json.loads(p.read_text())


def subject_images(spec: DemoSpec | None = None) -> dict[str, np.ndarray]:
    """Subject id → its neutral image (H, W, 3) RGB uint8, exactly as the generator builds it
    (a subject depends only on the seed, its index and its photo, not on the videos)."""
    spec = spec or DemoSpec()
    spec.check()
    out = {}
    for s in range(spec.subjects):
        sid = _ids(spec, s, 0)["subject"]
        out[sid] = _make_subject(subject_face(spec, s), sid,
                                 np.random.default_rng([spec.seed, 7919, s])).image
    return out


def identity_distances(images: dict[str, np.ndarray]) -> "pd.DataFrame":
    """Pairwise distances between dlib's 128-d face-recognition descriptors of ``images``
    (name → RGB uint8): one row per pair with ``a``, ``b``, ``distance``; different people sit at
    ≥ 0.6, the same person below it (dlib's own threshold). A face dlib cannot find is an error."""
    import dlib
    import pandas as pd

    from .dlib_models import face_recognition_model_path, landmark_model_path

    det = dlib.get_frontal_face_detector()
    sp = dlib.shape_predictor(str(landmark_model_path()))
    rec = dlib.face_recognition_model_v1(str(face_recognition_model_path()))
    desc = {}
    for name, rgb in images.items():
        rects = det(rgb, 1)
        if not rects:
            raise MespotError(f"identity check: dlib finds no face in {name}")
        r = max(rects, key=lambda r: r.area())
        desc[name] = np.array(rec.compute_face_descriptor(rgb, sp(rgb, r)))
    names = list(desc)
    rows = [dict(a=a, b=b, distance=float(np.linalg.norm(desc[a] - desc[b])))
            for i, a in enumerate(names) for b in names[i + 1:]]
    return pd.DataFrame(rows, columns=["a", "b", "distance"])


def demo_faces(root: str | Path) -> dict[str, dict[str, str]]:
    """Subject → the photo it was built from: ``face`` name, ``source`` (package: path or file)
    and ``licence``, as the generator recorded them in the stamp."""
    p = Path(root) / STAMP
    if not p.exists():
        raise MespotError(f"{root} is not a mespot demo dataset (no {p})")
    return json.loads(p.read_text()).get("faces", {})


def demo_truth_landmarks(root: str | Path, subject: str, video: str) -> np.ndarray:
    """(T, 68, 2) float32: the generator's true landmark positions in every frame (pixels)."""
    p = Path(root) / TRUTH_DIR / f"{subject}__{video}_landmarks.npy"
    if not p.exists():
        raise MespotError(f"no true landmarks for {subject}/{video} in {root}")
    return np.load(p)


def events_per_minute(root: str | Path) -> dict[str, float]:
    """Every kind of event the generator put into a demo, per minute of video (from its
    ``events.json``): micro- and macro-expressions, micro-expressions during head motion,
    blinks, talking bouts, head turns and nods, lighting steps."""
    ev = demo_events(root)
    minutes = sum(v["n_frames"] for v in ev.values()) / json.loads(
        (Path(root) / STAMP).read_text())["spec"]["fps"] / 60
    expr = [e for v in ev.values() for e in v["expressions"]]
    counts = {"micro-expressions": sum(e["type"] == "micro" for e in expr),
              "… of them during head motion": sum(e["with_head_motion"] for e in expr),
              "macro-expressions": sum(e["type"] == "macro" for e in expr),
              **{k.replace("_", " "): sum(len(v[k]) for v in ev.values())
                 for k in ("blinks", "talking", "head_motion", "light_steps")}}
    return {k: round(c / minutes, 2) for k, c in counts.items()}
