"""Shared set-up of the benchmark scripts: a demo video in a temporary cache."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np


def demo_root(seconds: float = 40, fps: float = 30, seed: int = 0, subjects: int = 1) -> Path:
    """A one-video demo dataset (generated once into $MESPOT_BENCH_DIR or a temp dir)."""
    from mespot_nb.demo import DemoSpec, generate_demo

    base = Path(os.environ.get("MESPOT_BENCH_DIR", Path(tempfile.gettempdir()) / "mespot-bench"))
    out = base / f"demo-{subjects}x{seconds:g}s-{fps:g}fps-seed{seed}"
    return generate_demo(out, DemoSpec(subjects=subjects, videos_per_subject=1, seconds=seconds,
                                       fps=fps, seed=seed), progress=False)


def padded_mp4(frames_dir: Path, out: Path, fps: float, size=(640, 360)) -> Path:
    """The demo frames centred on a wider canvas (blurred copy behind), written as mp4 —
    a 640×360 video like those the issue's timings refer to."""
    import cv2

    from mespot_nb.video import open_video

    if out.exists():
        return out
    src = open_video(frames_dir, fps=fps)
    w, h = size
    vw = cv2.VideoWriter(str(out) + ".tmp.mp4", cv2.VideoWriter_fourcc(*"mp4v"), fps, (w, h))
    for _, img in src.frames():
        fh, fw = img.shape[:2]
        if fh != h or fw > w:
            raise ValueError(f"expected frames {h} px high and at most {w} wide, got {fw}x{fh}")
        canvas = cv2.resize(cv2.GaussianBlur(img, (0, 0), 9), (w, h))
        x0 = (w - fw) // 2
        canvas[:, x0:x0 + fw] = img
        vw.write(canvas)
    vw.release()
    os.replace(str(out) + ".tmp.mp4", out)
    return out


def median_deviation(a, b) -> float:
    """Median landmark distance (px) between two tracks on frames where both found the face."""
    both = a.valid & b.valid
    return float(np.median(np.linalg.norm(a.landmarks[both] - b.landmarks[both], axis=2)))


def rescaled_frames(frames_dir: Path, out: Path, fps: float, size: tuple[int, int],
                    face_scale: float) -> Path:
    """The demo frames scaled by ``face_scale`` and centred on a ``size`` canvas (blurred copy
    behind), written as JPEG frames — to time the pipeline at the real datasets' resolutions
    (CAS(ME)² 640×480, SAMM-LV 2040×1088)."""
    import cv2

    from mespot_nb.video import open_video

    if out.exists():
        return out
    tmp = out.with_name(out.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    w, h = size
    for k, img in open_video(frames_dir, fps=fps).frames():
        face = cv2.resize(img, None, fx=face_scale, fy=face_scale, interpolation=cv2.INTER_CUBIC)
        canvas = cv2.resize(cv2.GaussianBlur(img, (0, 0), 9), (w, h))
        fh, fw = face.shape[:2]
        y0, x0 = max(0, (h - fh) // 2), max(0, (w - fw) // 2)
        sy, sx = max(0, (fh - h) // 2), max(0, (fw - w) // 2)
        canvas[y0:y0 + min(fh, h), x0:x0 + min(fw, w)] = face[sy:sy + min(fh, h), sx:sx + min(fw, w)]
        cv2.imwrite(str(tmp / f"frame_{k:05d}.jpg"), canvas, [cv2.IMWRITE_JPEG_QUALITY, 90])
    os.replace(tmp, out)
    return out
