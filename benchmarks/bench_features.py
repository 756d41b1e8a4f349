"""Benchmark: HOOF-LSTM's features at SAMM-LV's size (2040×1088 JPEG frames, 200 fps) against
decode-only throughput of the same frames, measured in the same run; peak memory; and what the
speed changes do to the feature values.

Every timing runs in its own child process (its peak RSS comes from ``os.wait4``), repeated
``--repeats`` times in turn with the decode-only reference; the best of each is kept. Runs:

* ``decode`` — the reference: every frame decoded in full, grayscale (the kit's plain reader);
* ``quick`` / ``paper`` — ``extract_video`` with HOOF-LSTM's family under each profile (shared /
  per-window flow pairs), tracking alongside, as ``mespot features`` runs it;
* ``quick, full-size decode`` — decode_reduction = 1: the pass as it was before reduced decoding
  (FEATURES_VERSION 4; its HOOF values are the reference of the correlation);
* ``quick, no prefetch`` — decoding in the same thread;
* ``quick, DIS`` — DIS flow instead of Farneback;
* ``quick, long`` — the same frames played ``--long`` times over: peak memory must not grow.

Target (issue 13): quick ≥ 0.4× decode-only; peak RSS < 2 GB whatever the length.

    .venv/bin/python benchmarks/bench_features.py [--seconds 20] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (add_json_arg, demo_root, repeated_frames, rescaled_frames,  # noqa: E402
                     run_child, write_figures)

FPS = 200.0   # SAMM-LV's frame rate (the demo's frames, timed as if filmed at 200 fps)


def child(a) -> None:
    """One timed run; prints one JSON line."""
    from dataclasses import replace

    import numpy as np

    from mespot_nb.face import detect_faces, fit_landmarks
    from mespot_nb.features import extract_video, profile_feature_params
    from mespot_nb.methods import get_method
    from mespot_nb.video import open_video, reduced_frames

    src = open_video(a.path, fps=FPS, gray=True)
    img = src.read(1)
    fit_landmarks(img, detect_faces(img, 0.25)[0])   # load the dlib models outside the timing
    out = {"frames": src.n_frames}
    t, c = time.perf_counter(), time.process_time()
    if a.child == "decode":
        for _ in reduced_frames(src, a.reduce):
            pass
    else:
        params = replace(profile_feature_params(a.child), families=get_method("hoof-lstm").families,
                         decode_reduction=a.reduce, flow=a.flow)
        f, tr = extract_video(src, params=params, prefetch=not a.no_prefetch)
        out.update(decode_reduction=f.meta["decode_reduction"], face=float(tr.valid.mean()))
        if a.save:
            np.savez(a.save, hoof=f.hoof, valid=f.hoof_valid)
    out.update(seconds=time.perf_counter() - t, cpu_seconds=time.process_time() - c)
    print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=20, help="demo length (frames = 30·s)")
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--long", type=int, default=4, help="the memory check plays the frames "
                                                        "this many times over")
    add_json_arg(ap)
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--path", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--reduce", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--flow", default="farneback", help=argparse.SUPPRESS)
    ap.add_argument("--no-prefetch", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--save", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        return child(a)

    import numpy as np

    root = demo_root(seconds=a.seconds)
    vdir = next((root / "SAMM_longvideos").iterdir())
    samm = rescaled_frames(vdir, root.parent / f"{root.name}-2040x1088", 30, (2040, 1088), 2.8)
    long = repeated_frames(samm, root.parent / f"{root.name}-2040x1088-x{a.long}", a.long)
    tmp = root.parent / "bench-features-out"
    tmp.mkdir(exist_ok=True)

    def run(mode, path=samm, **kw):
        cmd = [sys.executable, __file__, "--child", mode, "--path", str(path)]
        for k, v in kw.items():
            cmd += [f"--{k.replace('_', '-')}"] + ([] if v is True else [str(v)])
        r, rss = run_child(cmd)
        r["fps"], r["rss_mb"] = r["frames"] / r["seconds"], rss
        print(f"  {mode:7s} {kw or ''} {r['frames']} frames: {r['fps']:7.1f} frames/s, "
              f"cpu {r['cpu_seconds'] / r['seconds']:.2f}× wall, peak RSS {rss:.0f} MB",
              file=sys.stderr, flush=True)
        return r

    best: dict[str, dict] = {}
    for rep in range(a.repeats):   # interleaved, so a busy spell hits every mode alike
        for name, mode, kw in (("decode", "decode", {"reduce": 1}),
                               ("decode_half", "decode", {"reduce": 2}),
                               ("quick", "quick", {"save": tmp / "quick.npz"} if rep == 0 else {}),
                               ("paper", "paper", {})):
            r = run(mode, **kw)
            if name not in best or r["fps"] > best[name]["fps"]:
                best[name] = r
    old = run("quick", reduce=1, save=tmp / "old.npz")
    nopf = run("quick", no_prefetch=True)
    dis = run("quick", flow="dis", save=tmp / "dis.npz")
    lng = run("quick", path=long)

    def corr(x, y):
        a_, b_ = np.load(x), np.load(y)
        ok = a_["valid"] & b_["valid"]
        return float(np.corrcoef(a_["hoof"][ok].ravel(), b_["hoof"][ok].ravel())[0, 1])

    dec = best["decode"]["fps"]
    fig = {
        "frame_size": "2040x1088", "fps": FPS, "frames": best["decode"]["frames"],
        "decode_fps": round(dec, 1),
        "decode_half_size_fps": round(best["decode_half"]["fps"], 1),
        "hoof_quick_fps": round(best["quick"]["fps"], 1),
        "hoof_quick_ratio": round(best["quick"]["fps"] / dec, 3),
        "hoof_paper_fps": round(best["paper"]["fps"], 1),
        "hoof_paper_ratio": round(best["paper"]["fps"] / dec, 3),
        "hoof_quick_full_size_decode_fps": round(old["fps"], 1),
        "hoof_quick_full_size_decode_ratio": round(old["fps"] / dec, 3),
        "hoof_quick_no_prefetch_fps": round(nopf["fps"], 1),
        "hoof_quick_no_prefetch_ratio": round(nopf["fps"] / dec, 3),
        "hoof_quick_dis_fps": round(dis["fps"], 1),
        "hoof_quick_dis_ratio": round(dis["fps"] / dec, 3),
        "decode_reduction": best["quick"]["decode_reduction"],
        "hoof_corr_new_vs_full_size_decode": round(corr(tmp / "quick.npz", tmp / "old.npz"), 4),
        "hoof_corr_farneback_vs_dis": round(corr(tmp / "quick.npz", tmp / "dis.npz"), 4),
        "peak_rss_mb": round(best["quick"]["rss_mb"], 1),
        "long_frames": lng["frames"], "long_peak_rss_mb": round(lng["rss_mb"], 1),
        "long_fps": round(lng["fps"], 1),
        "decode_peak_rss_mb": round(best["decode"]["rss_mb"], 1),
        "target_ratio": 0.4, "target_peak_rss_mb": 2048,
    }
    print(f"SAMM-LV size 2040x1088, {fig['frames']} JPEG frames at {FPS:g} fps; "
          f"decode only {dec:.1f} frames/s (half-size decode {fig['decode_half_size_fps']:.1f})")
    print(f"{'HOOF-LSTM features':34s} {'frames/s':>9s} {'ratio':>6s}")
    for label, key in (("quick (shared pairs)", "hoof_quick"), ("paper (per-window)", "hoof_paper"),
                       ("quick, full-size decode (before)", "hoof_quick_full_size_decode"),
                       ("quick, no prefetch thread", "hoof_quick_no_prefetch"),
                       ("quick, DIS flow", "hoof_quick_dis")):
        print(f"{label:34s} {fig[key + '_fps']:9.1f} {fig[key + '_ratio']:6.3f}")
    print(f"decode reduction chosen: {fig['decode_reduction']}; HOOF correlation with the "
          f"full-size decode {fig['hoof_corr_new_vs_full_size_decode']:.4f}, Farneback vs DIS "
          f"{fig['hoof_corr_farneback_vs_dis']:.4f}")
    print(f"peak RSS: {fig['peak_rss_mb']:.0f} MB at {fig['frames']} frames, "
          f"{fig['long_peak_rss_mb']:.0f} MB at {fig['long_frames']} frames "
          f"(decode only {fig['decode_peak_rss_mb']:.0f} MB)")
    write_figures(a.json, fig)


if __name__ == "__main__":
    main()
