"""Run every ``benchmarks/bench_*.py`` from a fresh cache and write one table of results.

Each benchmark runs as ``python bench_X.py --json FILE`` with a new, empty $MESPOT_BENCH_DIR and
$MESPOT_CACHE (a temporary folder, removed afterwards), one after the other, within one overall
time budget (default 20 min: a benchmark still running when it is spent is stopped and marked
so). The figures go, each beside the in-run reference it is measured against, into
``benchmarks/RESULTS.md`` (markdown) and ``benchmarks/results.json``, with the provenance: date,
kit version, git commit, CPU, cores, load, package versions. ``make benchmarks`` calls this.

    .venv/bin/python benchmarks/run_all.py [--budget-min 20] [--only features,softnet] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _common import machine  # noqa: E402

#: Extra arguments per benchmark, chosen so the whole run stays within the budget on a 2-core
#: machine (each script's own defaults are what its docstring describes).
ARGS: dict[str, list[str]] = {
    "bench_features.py": ["--seconds", "20", "--repeats", "2"],
    "bench_spotters.py": ["--seconds", "20"],
    "bench_softnet.py": ["--frames", "24"],
    "bench_training.py": ["--seconds", "3"],
    # the old and the current quick profile only (the whole curve: run it alone, see README)
    "bench_learning.py": ["--settings", "old,quick"],
    # two insertion seeds, the training-free spotters (the README table: three seeds)
    "real_people.py": ["--seeds", "0,1"],
    "bench_samm_spot.py": ["--seconds", "30", "--repeats", "1"],
}

#: The in-run reference of a figure, where its name does not say it: figure → reference key.
#: Otherwise a ``*_fps`` figure is set against the benchmark's ``decode_fps`` (or, without one,
#: its ``reference_fps``), and ``*_windows_per_s`` against ``matmul_gflops_*``.
REFERENCES: dict[str, dict[str, str]] = {
    "bench_softnet.py": {"kit_flow_peak_fps": "softnet_reference_fps",
                         "kit_hoof_lstm_fps": "softnet_reference_fps"},
    "bench_landmarks.py": {"command_fps": "reference_fps"},   # the command vs per-frame
}
WHAT = {
    "bench_features.py": "HOOF-LSTM's features (decode → track → HOOF) at SAMM-LV size, 2040×1088 "
                         "JPEG frames timed as 200 fps; reference: decoding the same frames",
    "bench_spotters.py": "training-free spotters end to end (decode → track → curves → "
                         "intervals) on 640×480 frames; reference: decoding the same frames",
    "bench_softnet.py": "the kit's feature passes vs a SOFTNet-style reference (dlib HOG every "
                        "frame, 128² crop, TV-L1 between i and i+k; opencv-contrib in its own "
                        "venv) on real footage",
    "bench_softnet_flow.py": "SOFTNet's input with Farneback flow (quick profile) vs "
                             "scikit-image's TV-L1 (paper profile) on the same real frames: "
                             "Pearson r of u, v, strain and of the final samples; ms per pair",
    "bench_training.py": "training steps (forward + backward + optimiser) per method; reference: "
                         "float32 matrix-multiply GFLOP/s with the same threads",
    "bench_scale.py": "the CAS(ME)²-shaped rehearsal (`demo-data --like casme2`) at S = 0.02 "
                      "and 0.05: wall time and peak RSS (process tree) per stage — generate, "
                      "extract (quick DynGeoNet features), window store + one fold's first "
                      "epoch — and a straight-line extrapolation in frames to S = 1",
    "bench_learning.py": "held-out-subject window AUC (LOSO, standard demo) of DynGeoNet and "
                         "HOOF-LSTM per quick-profile setting, with seconds per fold; no "
                         "reference (AUC is machine-independent)",
    "bench_samm_spot.py": "training-free spotting at SAMM-LV size (2040×1088 JPEG frames timed "
                          "as 200 fps): spot_video per method and the dataset-wide pass of "
                          "every training-free family, with and without curve_hz sampling; "
                          "reference: decoding the same frames; a whole-SAMM-LV estimate",
    "real_people.py": "every training-free spotter on the real footage (media.footage()) with "
                      "added micro-expressions (two insertion seeds) and untouched: recall, "
                      "F1, false intervals per minute, F1 estimated at 5 events a minute; no "
                      "reference (counts, not speed)",
    "bench_landmarks.py": "landmark tracking vs per-frame detection + fitting on a 640×360 "
                          "video; reference: decoding the same frames (the command "
                          "`mespot landmarks`: per-frame detection + fitting)",
}


def references(name: str, figures: dict) -> dict[str, str]:
    """figure → reference key for one benchmark's figures."""
    ref = dict(REFERENCES.get(name, {}))
    base = next((b for b in ("decode_fps", "reference_fps") if b in figures), None)
    for k, v in figures.items():
        if k in ref or not isinstance(v, (int, float)) or isinstance(v, bool):
            continue
        if k.endswith("_fps") and base and k != base:
            ref[k] = base
        elif k.endswith("_windows_per_s"):
            threads = "2threads" if "_paper_" in k else "1thread"
            if f"matmul_gflops_{threads}" in figures:
                ref[k] = f"matmul_gflops_{threads}"
    return ref


def fmt(v) -> str:
    if isinstance(v, bool) or v is None:
        return str(v)
    if isinstance(v, float):
        return f"{v:.4g}" if abs(v) < 1000 else f"{v:,.0f}"
    return str(v)


def table(name: str, figures: dict) -> list[str]:
    """Markdown rows: figure | value | in-run reference | its value | ratio."""
    ref = references(name, figures)
    refs = set(ref.values())
    rows = ["| figure | value | in-run reference | reference value | ratio |",
            "|---|---|---|---|---|"]
    for k, v in figures.items():
        if any(k.endswith(sfx) and k[:-len(sfx)] + "_fps" in ref
               for sfx in ("_ratio", "_speedup", "_ratio_to_decode")):
            continue   # the ratio column of its *_fps row says it
        if k in ref and isinstance(figures.get(ref[k]), (int, float)) and figures[ref[k]]:
            r = figures[ref[k]]
            rows.append(f"| {k} | {fmt(v)} | {ref[k]} | {fmt(r)} | {v / r:.3g} |")
        elif k in refs:
            rows.append(f"| **{k}** | **{fmt(v)}** | (reference) | | |")
        else:
            rows.append(f"| {k} | {fmt(v)} | | | |")
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget-min", type=float, default=20.0, help="overall time budget (min)")
    ap.add_argument("--only", default=None, help="comma-separated names (e.g. features,softnet)")
    ap.add_argument("--out", default=str(HERE), help="folder for RESULTS.md and results.json")
    a = ap.parse_args()
    from mespot_nb import __version__
    from mespot_nb._io import write_json, write_text
    from mespot_nb.report import provenance

    scripts = sorted(HERE.glob("bench_*.py")) + [HERE / "real_people.py"]
    if a.only:
        short = {s.stem.removeprefix("bench_"): s.name for s in scripts}
        want = {short.get(k, f"bench_{k}.py") for k in
                (n.strip().removeprefix("bench_").removesuffix(".py")
                 for n in a.only.split(",") if n.strip())}
        unknown = want - {s.name for s in scripts}
        if unknown:
            sys.exit(f"run_all: no benchmark {sorted(unknown)}; have "
                     f"{', '.join(s.name for s in scripts)}")
        scripts = [s for s in scripts if s.name in want]
    prov = provenance({"budget_min": a.budget_min, "only": a.only}, None)
    prov.update(kit_version=__version__, machine=machine())
    work = Path(tempfile.mkdtemp(prefix="mespot-bench-run-"))
    env = {**os.environ, "MESPOT_BENCH_DIR": str(work / "bench"),
           "MESPOT_CACHE": str(work / "cache"), "PYTHONUNBUFFERED": "1"}
    t0 = time.monotonic()
    deadline = t0 + a.budget_min * 60
    results: dict[str, dict] = {}
    try:
        for s in scripts:
            left = deadline - time.monotonic()
            res: dict = {"args": ARGS.get(s.name, [])}
            results[s.name] = res
            if left < 10:
                res.update(status="not run: the time budget was spent", seconds=0)
                print(f"== {s.name}: skipped, budget spent", flush=True)
                continue
            out = work / f"{s.stem}.json"
            cmd = [sys.executable, str(s), "--json", str(out)] + res["args"]
            print(f"== {s.name} {' '.join(res['args'])} (budget left {left / 60:.1f} min)",
                  flush=True)
            t = time.monotonic()
            try:
                r = subprocess.run(cmd, env=env, timeout=left, cwd=HERE.parent)
                res["status"] = "ok" if r.returncode == 0 else f"failed (exit {r.returncode})"
            except subprocess.TimeoutExpired:
                res["status"] = "stopped: the time budget was spent"
            res["seconds"] = round(time.monotonic() - t, 1)
            if res["status"] == "ok" and not out.exists():
                res["status"] = "failed: wrote no --json figures"
            if out.exists():
                res["figures"] = json.loads(out.read_text())
            print(f"== {s.name}: {res['status']} in {res['seconds']:.0f} s", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = round(time.monotonic() - t0, 1)
    prov["total_seconds"] = total
    outdir = Path(a.out)
    write_json(outdir / "results.json", {"provenance": prov, "benchmarks": results})
    m = prov["machine"]
    lines = [
        "# Benchmark results", "",
        f"Written by `benchmarks/run_all.py` (`make benchmarks`) on {prov['created']}: mespot-nb "
        f"{__version__}, commit `{prov['git_commit']}`"
        f"{' with uncommitted changes' if prov['git_dirty'] else ''}; {m['cpu']}, {m['cores']} "
        f"cores, {m['memory_gb']} GB, {m['os']}, Python {m['python']}; 1-min load "
        f"{fmt(m['load_1min'])} at the start. Every benchmark ran from an empty cache; total "
        f"{total / 60:.1f} min (budget {a.budget_min:g} min). Each figure stands beside the "
        "in-run reference it is measured against (ratio = value / reference); absolute "
        "figures depend on the machine and its load, the ratios much less.", ""]
    for name, res in results.items():
        lines += [f"## {name} — {res['status']}, {res['seconds']:.0f} s", ""]
        if name in WHAT:
            lines += [WHAT[name] + ".", ""]
        if res.get("args"):
            lines += [f"Arguments: `{' '.join(res['args'])}`.", ""]
        if res.get("figures"):
            lines += table(name, res["figures"]) + [""]
    pk = prov.get("packages") or {}
    lines += ["Packages: " + ", ".join(f"{k} {v}" for k, v in pk.items() if v) + ".", ""]
    write_text(outdir / "RESULTS.md", "\n".join(lines))
    print(f"{outdir / 'RESULTS.md'}, {outdir / 'results.json'}: {len(results)} benchmarks in "
          f"{total / 60:.1f} min")
    return 0 if all(r["status"] == "ok" for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
