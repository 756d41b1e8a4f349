"""One demo video: its parameters (:class:`DemoSpec`), the schedule of expressions and
distractors, and the rendering of its frames with the truth of every frame."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import MespotError
from ..expressions import (MACRO_AUS, MICRO_AUS, aus_displacement, blink_template, log_uniform,
                           profile, talk_template)
from .faces import DIFFICULTY, FRAME_H, FRAME_W, _Subject, _warp

log = logging.getLogger(__name__)


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


