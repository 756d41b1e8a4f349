"""Known micro-expressions added to real footage of a person.

The face is tracked in the footage, and the demo's micro-expression action units
(:mod:`mespot_nb.expressions`) are rendered on it through each frame's tracked landmarks — so a
spotter, or a model trained on the demo, can be checked on a real person's talking, blinking and
head motion with exactly known onsets and offsets.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pandas as pd

from ._io import write_bytes, write_text
from .errors import MespotError
from .expressions import IOD, L_EYE, MICRO_AUS, R_EYE, aus_displacement, log_uniform, profile
from .face import track_video
from .video import open_video

#: What :func:`insert_expressions` places, for caches of its output to key on: 2, the segments
#: divide the frames that decode (1: the frames the container states).
VERSION = 2


def insert_expressions(source: str | Path, out: str | Path, n_events: int = 6, seed: int = 0,
                       amplitude: tuple[float, float] = (2.0, 4.0), fps: float | None = None,
                       jpeg: int = 95, progress: bool = False) -> pd.DataFrame:
    """Add ``n_events`` known micro-expressions to real footage of a person.

    The face is tracked in ``source`` (a video file or frames folder); events of 0.2–0.5 s
    (the demo's micro action units, ``amplitude`` px at a face with 92 px between the eyes,
    scaled to the tracked face) are placed at random in equal segments of the video on frames
    where the face is tracked, and rendered with the demo's warp (a Gaussian RBF displacement
    field through that frame's 68 tracked landmarks) — so a model trained on the demo can be
    checked on a real person, real talking and real head motion. Writes the frames as
    ``out/<source stem>/NNNNN.jpg`` (1-based) and ``out/intervals.csv`` (subject ``user``, video
    = the stem — the ids :func:`spotting.spot_video` gives that folder — onset, apex, offset,
    type, aus, amplitude); returns that table. The same inputs and seed give the same
    frames. A video whose last frames cannot be decoded (a container that states more frames
    than it holds: many do by one or two, a browser's WebM by thousands) ends at its last decoded
    frame, and the segments divide the frames up to it; an undecodable frame with decodable ones
    after it is refused, naming it.
    """
    src = open_video(source, fps=fps)
    track = track_video(src, progress=progress, warn=False)
    valid = track.valid
    n = _decoded_end(source, src.n_frames, track.missing)
    rng = np.random.default_rng(seed)
    seg = n // max(1, n_events)
    events = []
    for k in range(n_events):
        length = max(3, int(round(rng.uniform(0.2, 0.5) * src.fps)))
        lo, hi = k * seg + int(0.3 * src.fps), (k + 1) * seg - length - int(0.3 * src.fps)
        starts = [s for s in range(lo, max(lo, hi)) if valid[s:s + length].all()]
        if not starts:
            continue
        s = int(rng.choice(starts))
        aus = MICRO_AUS[rng.integers(len(MICRO_AUS))]
        amp = log_uniform(rng, *amplitude)
        apex = int(round(length * rng.uniform(0.35, 0.55)))
        events.append(dict(subject="user", video=Path(source).stem, onset=s + 1,
                           apex=s + 1 + apex, offset=s + length, type="micro", aus=aus,
                           amplitude=round(amp, 3)))
    if len(events) < n_events:
        raise MespotError(f"{source}: the face is tracked on too few frames to place "
                          f"{n_events} micro-expressions ({len(events)} placed); use a longer "
                          "video or fewer events")
    by_frame: dict[int, np.ndarray] = {}
    for e in events:
        length = e["offset"] - e["onset"] + 1
        prof = profile(length, e["apex"] - e["onset"])
        for j in range(length):
            i = e["onset"] - 1 + j
            lm = track.landmarks[i].astype(np.float64)
            scale = np.linalg.norm(lm[R_EYE].mean(0) - lm[L_EYE].mean(0)) / IOD
            by_frame[i + 1] = prof[j] * e["amplitude"] * scale * aus_displacement(e["aus"], lm)
    out = Path(out)
    frames = out / Path(source).stem
    frames.mkdir(parents=True, exist_ok=True)
    w, h = src.frame_size
    for k, img in src.frames():
        if k > n:
            break
        if img is None:
            raise MespotError(f"{source}: frame {k} decoded while tracking but not when read "
                              "again: re-encode the video")
        if k in by_frame:
            lm = track.landmarks[k - 1].astype(np.float64)
            iod = np.linalg.norm(lm[R_EYE].mean(0) - lm[L_EYE].mean(0))
            img = _warp_real(img, lm, by_frame[k], 0.12 * iod)
        ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, int(jpeg)])
        write_bytes(frames / f"{k:05d}.jpg", buf.tobytes())
    table = pd.DataFrame(events)
    write_text(out / "intervals.csv", table.to_csv(index=False))
    return table


def _decoded_end(source, stated: int, missing) -> int:
    """The last frame (1-based) that decodes: ``stated`` less the undecodable frames at the end.
    An undecodable frame with decodable ones after it is refused, naming both."""
    missing = set(missing)
    end = stated
    while end in missing:
        end -= 1
    gap = min((k for k in missing if k < end), default=None)
    if gap is not None:
        after = next(k for k in range(gap + 1, end + 1) if k not in missing)
        raise MespotError(f"{source}: frame {gap} cannot be decoded (frame {after} after it "
                          "can): re-encode the video, or cut it before that frame")
    return end


def _warp_real(img: np.ndarray, points: np.ndarray, d: np.ndarray, sigma: float,
               step: int = 4) -> np.ndarray:
    """Move ``img`` content by the RBF field through ``points`` (68, 2) with displacements
    ``d`` (68, 2), evaluated every ``step`` px inside the face's box and upsampled."""
    h, w = img.shape[:2]
    x0, y0 = np.maximum(points.min(0) - 3 * sigma, 0).astype(int)
    x1, y1 = np.minimum(points.max(0) + 3 * sigma, (w - 1, h - 1)).astype(int)
    gy, gx = np.mgrid[y0:y1 + step:step, x0:x1 + step:step]
    grid = np.stack([gx.ravel(), gy.ravel()], 1).astype(np.float64)
    G = np.exp(-((points[:, None] - points[None]) ** 2).sum(-1) / (2 * sigma ** 2))
    c = np.linalg.solve(G + 1e-3 * np.eye(len(points)), d)
    K = np.exp(-((grid[:, None] - points[None]) ** 2).sum(-1) / (2 * sigma ** 2))
    coarse = (K @ c).reshape(*gx.shape, 2).astype(np.float32)
    bw, bh = x1 - x0 + 1, y1 - y0 + 1
    field = cv2.resize(coarse, ((gx.shape[1] - 1) * step + 1, (gx.shape[0] - 1) * step + 1),
                       interpolation=cv2.INTER_LINEAR)[:bh, :bw]
    ys, xs = np.mgrid[y0:y1 + 1, x0:x1 + 1].astype(np.float32)
    patch = cv2.remap(img, xs - field[..., 0], ys - field[..., 1], cv2.INTER_LINEAR,
                      borderMode=cv2.BORDER_REFLECT)
    out = img.copy()
    out[y0:y1 + 1, x0:x1 + 1] = patch
    return out
