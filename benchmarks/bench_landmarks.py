"""Benchmark: landmark tracking vs per-frame detect+fit on the same 640×360 video.

Target (issue 4): ≥ 8× the throughput of per-frame detection + fitting, with median landmark
deviation ≤ 1.5 px from it on frames where both found the face. Prints both figures (and the
deviation of each from the generator's true landmarks).

    .venv/bin/python benchmarks/bench_landmarks.py [--seconds 40]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import demo_root, median_deviation, padded_mp4  # noqa: E402

from mespot_nb.demo import demo_truth_landmarks  # noqa: E402
from mespot_nb.face import detect_every_frame, fit_landmarks, track_video, detect_faces  # noqa: E402
from mespot_nb.video import open_video  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=40)
    a = ap.parse_args()
    root = demo_root(seconds=a.seconds)
    vdir = next((root / "SAMM_longvideos").iterdir())
    mp4 = padded_mp4(vdir, root.parent / f"{root.name}-640x360.mp4", fps=30)
    src = open_video(mp4, gray=True)
    # warm the models (loading them is a one-off per process, not per frame)
    img = src.read(1)
    fit_landmarks(img, detect_faces(img)[0])

    t = time.perf_counter()
    for _ in src.frames():
        pass
    t_dec = time.perf_counter() - t
    t = time.perf_counter()
    base = detect_every_frame(src)
    t_base = time.perf_counter() - t
    t = time.perf_counter()
    tr = track_video(src)
    t_tr = time.perf_counter() - t
    n = src.n_frames
    truth = demo_truth_landmarks(root, "101", vdir.name)
    # the mp4 is the demo frame pasted at x offset (640 - 320) / 2
    truth = truth + np.array([(640 - 320) / 2, 0], np.float32)
    dev = median_deviation(tr, base)
    print(f"video: {mp4.name}, {n} frames, {src.frame_size[0]}x{src.frame_size[1]}")
    print(f"decode only        : {n / t_dec:8.1f} frames/s")
    print(f"per-frame detect+fit: {n / t_base:8.1f} frames/s")
    print(f"tracking           : {n / t_tr:8.1f} frames/s   ({tr.summary()})")
    print(f"speed-up           : {t_base / t_tr:8.2f}x   (target >= 8x)")
    print(f"median deviation tracking vs per-frame: {dev:.3f} px (target <= 1.5 px)")
    for name, trk in (("per-frame", base), ("tracking", tr)):
        d = np.linalg.norm(trk.landmarks - truth, axis=2)
        print(f"median deviation {name:9s} vs generator truth: {np.nanmedian(d):.3f} px")


if __name__ == "__main__":
    main()
