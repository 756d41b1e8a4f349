"""Benchmark: whole-pipeline feature extraction vs decode-only throughput of the same video.

The pipeline is one streaming pass: decode → landmarks (tracking) → alignment/ROIs → dynamic
images → geometry → HOOF. Target (issue 5): ≥ 0.3× decode-only. Timed on a demo video at its own
resolution (320×360) and on the same frames at the real datasets' resolutions (CAS(ME)² 640×480,
SAMM-LV 2040×1088), for both HOOF flow modes.

    .venv/bin/python benchmarks/bench_features.py [--seconds 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import demo_root, rescaled_frames  # noqa: E402

from mespot_nb.face import detect_faces, fit_landmarks  # noqa: E402
from mespot_nb.features import FeatureParams, extract_video  # noqa: E402
from mespot_nb.video import open_video  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=20)
    a = ap.parse_args()
    root = demo_root(seconds=a.seconds)
    vdir = next((root / "SAMM_longvideos").iterdir())
    sources = {"demo 320x360": vdir,
               "CAS-like 640x480": rescaled_frames(vdir, root.parent / f"{root.name}-640x480",
                                                   30, (640, 480), 1.25),
               "SAMM-like 2040x1088": rescaled_frames(vdir, root.parent / f"{root.name}-2040x1088",
                                                      30, (2040, 1088), 2.8)}
    print(f"{'video':22s} {'decode fps':>10s} {'mode':>11s} {'pipeline fps':>12s} {'ratio':>6s}")
    for name, path in sources.items():
        src = open_video(path, fps=30, gray=True)
        img = src.read(1)
        fit_landmarks(img, detect_faces(img, 0.5)[0])  # warm the models
        t = time.perf_counter()
        for _ in src.frames():
            pass
        dec = src.n_frames / (time.perf_counter() - t)
        for mode in ("per-window", "shared"):
            t = time.perf_counter()
            f, tr = extract_video(src, params=FeatureParams(hoof_pairs=mode))
            pipe = src.n_frames / (time.perf_counter() - t)
            assert tr.valid.mean() > 0.95, tr.summary()
            print(f"{name:22s} {dec:10.1f} {mode:>11s} {pipe:12.1f} {pipe / dec:6.3f}")


if __name__ == "__main__":
    main()
