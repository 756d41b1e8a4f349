"""Benchmark: the training-free spotters end to end (decode → track → curves → intervals) on a
640×480 video, against decode-only throughput of the same frames measured in the same run.

The video is the demo's first video (synthetic face) rescaled onto a 640×480 canvas, CAS(ME)²'s
frame size; `spot_video` runs from an empty cache, so the landmark tracking is included.

    .venv/bin/python benchmarks/bench_spotters.py [--seconds 20] [--methods flow-peak,mdmd,...]
        [--json PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import add_json_arg, demo_root, rescaled_frames, write_figures  # noqa: E402

from mespot_nb.spotting import spot_video  # noqa: E402
from mespot_nb.video import open_video  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--methods", default="flow-peak,mdmd,regflow,aumatch")
    add_json_arg(ap)
    a = ap.parse_args()
    root = demo_root(seconds=a.seconds)
    vdir = next((root / "SAMM_longvideos").iterdir())
    path = rescaled_frames(vdir, root.parent / f"{root.name}-640x480", 30, (640, 480), 1.25)
    src = open_video(path, fps=30, gray=True)
    t = time.perf_counter()
    for _ in src.frames():
        pass
    dec = src.n_frames / (time.perf_counter() - t)
    fig = {"frame_size": "640x480", "frames": src.n_frames, "decode_fps": round(dec, 1)}
    print(f"640x480, {src.n_frames} frames; decode only: {dec:.1f} frames/s")
    print(f"{'method':10s} {'frames/s':>9s} {'ratio to decode':>15s} {'intervals':>9s}")
    for method in [m for m in a.methods.split(",") if m]:
        with tempfile.TemporaryDirectory() as cache:
            t = time.perf_counter()
            res = spot_video(path, None, cache, fps=30, method=method, progress=False)
            fps = src.n_frames / (time.perf_counter() - t)
        key = method.replace("-", "_")
        fig.update({f"{key}_fps": round(fps, 1), f"{key}_ratio": round(fps / dec, 4),
                    f"{key}_intervals": len(res["intervals"])})
        print(f"{method:10s} {fps:9.1f} {fps / dec:15.3f} {len(res['intervals']):9d}")
    write_figures(a.json, fig)


if __name__ == "__main__":
    main()
