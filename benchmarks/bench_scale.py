"""Benchmark: the kit on a rehearsal dataset at two scales — wall time and peak RSS per stage,
extrapolated in frames to the real size.

The rehearsal (``mespot demo-data --like``) has the real dataset's subjects and videos; at scale
S its videos are S × as long. Each stage runs in its own process so its peak RSS is its own
(the peak of the summed RSS of the stage's process and its workers):

* ``generate`` — writing the rehearsal (2 processes);
* ``extract`` — landmarks and DynGeoNet's features at the quick profile (2 processes);
* ``fold`` — the window store and one LOSO fold's first epoch (``--batches N``: its first N
  batches — the paper profile's VGG-16 epoch is hours of CPU).

``--profile paper`` runs extraction and the fold at the paper profile (224² dynamic images).

The extrapolation to S = 1 (:func:`extrapolate`): peak RSS on the straight line through the two
scales against their frame counts, wall time in proportion to frames — an extrapolation, not a
measurement.

    .venv/bin/python benchmarks/bench_scale.py [--like casme2] [--scales 0.02,0.05] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STAGE = r"""
import sys, json
from dataclasses import replace
stage, root, cache, like, scale, profile, batches = sys.argv[1:8]
if stage == "generate":
    from mespot_nb.rehearsal import generate_rehearsal
    generate_rehearsal(root, like, float(scale), progress=False)
else:
    from mespot_nb.features import extract_features, profile_feature_params
    from mespot_nb.methods import get_method
    from mespot_nb.rehearsal import read_rehearsal
    ds = read_rehearsal(root)
    m = get_method("dyngeonet")
    feats = extract_features(ds, cache, m.feature_params(profile_feature_params(profile)),
                             progress=False)
    if stage == "fold":
        import mespot_nb.training as T
        from mespot_nb.models import ModelConfig
        cfg = replace(ModelConfig.profile(profile), epochs=1)
        if int(batches):   # the first epoch cut after its first batches: the data path and
            import os       # those batches, not hours of VGG-16 on a CPU
            count, batch = [0], T.numpy_batch
            def first_batches(*args, **kw):
                count[0] += 1
                if count[0] > int(batches):
                    os._exit(0)
                return batch(*args, **kw)
            T.numpy_batch = first_batches
        subj = T.loso_subjects(ds, feats)
        with T._window_store(ds, feats, m, cache + "/loso", None) as store:
            T._fold_job(m, cfg, ds, feats, subj[0], subj[1:], 0, None, "cpu", None,
                        m.spot_settings(), 2, store)
"""


def run_stage(stage: str, root: Path, cache: Path, like: str, scale: float,
              profile: str = "quick", batches: int = 0) -> dict:
    """Wall seconds and peak RSS (MB) of one stage in a fresh process: the peak, sampled every
    0.1 s, of the summed RSS of the stage's process and all its worker processes (psutil, a
    dependency of distributed)."""
    import psutil

    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-c", STAGE, stage, str(root), str(cache), like,
                          str(scale), profile, str(batches)])
    proc, peak, peak_anon = psutil.Process(p.pid), 0, 0
    while p.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            total = anon = 0
            for q in tree:
                try:
                    total += q.memory_info().rss
                    anon += _rss_anon(q.pid)
                except psutil.Error:
                    pass
            peak, peak_anon = max(peak, total), max(peak_anon, anon)
        except psutil.Error:
            pass
        time.sleep(0.1)
    if p.returncode != 0:
        raise SystemExit(f"stage {stage} at S={scale} failed (status {p.returncode})")
    return dict(wall_s=round(time.perf_counter() - t, 1), rss_mb=round(peak / 2**20),
                anon_mb=round(peak_anon / 2**20))


def _rss_anon(pid: int) -> int:
    """Anonymous resident bytes of a process (Linux ``RssAnon``): its RSS without the pages of
    mapped files — the cached features and the window store, which the kernel can drop and
    re-read — i.e. what must fit in memory. 0 where /proc does not say."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def extrapolate(rows: dict, full: int) -> dict:
    """Figures at ``full`` frames from the measured ``rows`` ({S: {frames, stage: {wall_s,
    rss_mb}}}): peak RSS on the straight line through the two scales (a fixed part plus a part
    per frame); wall time in proportion to frames from the larger scale (the two wall times are
    too close, and too noisy on a shared machine, for a line). Both are extrapolations."""
    lo, hi = min(rows), max(rows)
    f0, f1 = rows[lo]["frames"], rows[hi]["frames"]
    out = {}
    for stage in ("generate", "extract", "fold"):
        y0, y1 = rows[lo][stage]["rss_mb"], rows[hi][stage]["rss_mb"]
        slope = (y1 - y0) / (f1 - f0) if f1 != f0 else 0.0
        out[f"extrapolated_s1_{stage}_rss_mb"] = round(max(y1 + slope * (full - f1), 0))
        out[f"extrapolated_s1_{stage}_wall_min"] = round(rows[hi][stage]["wall_s"] * full / f1
                                                         / 60, 1)
        out[f"rss_change_{stage}_pct"] = round(100 * (y1 - y0) / y0, 1)
        a0, a1 = rows[lo][stage].get("anon_mb"), rows[hi][stage].get("anon_mb")
        if a0 and a1:
            sa = (a1 - a0) / (f1 - f0) if f1 != f0 else 0.0
            out[f"extrapolated_s1_{stage}_anon_mb"] = round(max(a1 + sa * (full - f1), 0))
            out[f"anon_change_{stage}_pct"] = round(100 * (a1 - a0) / a0, 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--like", default="casme2", choices=["casme2", "samm-lv"])
    ap.add_argument("--scales", default="0.02,0.05")
    ap.add_argument("--profile", default="quick", choices=["quick", "paper"])
    ap.add_argument("--batches", type=int, default=0,
                    help="stop the fold's first epoch after this many batches (0: the whole "
                         "epoch; the paper profile's VGG-16 epoch is hours of CPU)")
    ap.add_argument("--json", default=None)
    a = ap.parse_args()

    from mespot_nb.rehearsal import plan_rehearsal

    scales = [float(x) for x in a.scales.split(",")]
    base = Path(os.environ.get("MESPOT_BENCH_DIR") or tempfile.mkdtemp(prefix="mespot-scale-"))
    full = plan_rehearsal(a.like, 1.0)["n_frames"]
    figures: dict = {"like": a.like, "profile": a.profile, "batches": a.batches,
                     "frames_at_s1": full}
    rows = {}
    for s in scales:
        frames = plan_rehearsal(a.like, s)["n_frames"]
        root, cache = base / f"{a.like}-{s:g}", base / f"cache-{a.profile}-{s:g}"
        rows[s] = dict(frames=frames)
        for stage in ("generate", "extract", "fold"):
            r = run_stage(stage, root, cache, a.like, s, a.profile, a.batches)
            rows[s][stage] = r
            figures[f"s{s:g}_{stage}_wall_s"] = r["wall_s"]
            figures[f"s{s:g}_{stage}_rss_mb"] = r["rss_mb"]
            figures[f"s{s:g}_{stage}_anon_mb"] = r["anon_mb"]
            print(f"S={s:g} ({frames} frames) {stage}: {r['wall_s']} s, peak RSS {r['rss_mb']} MB "
                  f"(anonymous {r['anon_mb']} MB)", flush=True)
        figures[f"s{s:g}_frames"] = frames
    figures.update(extrapolate(rows, full))
    print(json.dumps(figures, indent=1))
    if a.json:
        Path(a.json).write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
