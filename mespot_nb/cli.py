"""``mespot`` — the command line. Each subcommand is a thin wrapper over the functions the
notebooks call; a :class:`~mespot_nb.errors.MespotError` becomes one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import warnings

from .errors import MespotError


def _add_manifest(p: argparse.ArgumentParser) -> None:
    p.add_argument("--manifest", default=None,
                   help="data manifest (default: $MESPOT_MANIFEST or ./data_manifest.yaml)")


#: Processes one video is tracked on by default (`landmarks`, `features`, `spot`): both cores of
#: a 2-core machine, never more than the machine has.
DEFAULT_VIDEO_JOBS = min(2, os.cpu_count() or 1)


def _add_video_jobs(p: argparse.ArgumentParser, features: bool = False) -> None:
    from .face import CHUNK_MIN_FRAMES

    what = ("processes tracking the video, in chunks of at least "
            f"{CHUNK_MIN_FRAMES} frames, before the feature pass (when it decodes at full size "
            "and no track is cached); the features are the one-process ones" if features else
            f"processes tracking the video, in chunks of at least {CHUNK_MIN_FRAMES} frames; "
            "the track is the one-process one, frame for frame")
    p.add_argument("--n-jobs", type=int, default=DEFAULT_VIDEO_JOBS, metavar="N",
                   help=f"{what} (default min(2, CPU cores) = {DEFAULT_VIDEO_JOBS} here)")


def _check_video_jobs(n: int) -> int:
    if n < 1:
        raise MespotError(f"--n-jobs {n}: give a positive number of processes (1 = one core; "
                          f"default {DEFAULT_VIDEO_JOBS})")
    return n


# ----------------------------------------------------------------------------------------------
# evaluate / audit


def cmd_evaluate(a: argparse.Namespace) -> int:
    from ._io import write_json
    from .evaluation import MEGC2020_LENGTH_FILTERS, canonical_prediction_ids, evaluate
    from .readers import read_annotations, read_megc_csv_table

    ds = read_annotations(a.annotations, a.format)
    pred = read_megc_csv_table(a.predictions, what="predictions")
    pred = canonical_prediction_ids(pred, a.format)
    filters = None
    if a.length_filter == "megc2020":
        if a.format not in MEGC2020_LENGTH_FILTERS:
            raise MespotError(f"--length-filter megc2020 is defined for casme2 and samm-lv, "
                              f"not {a.format}; use --min-frames/--max-frames")
        filters = MEGC2020_LENGTH_FILTERS[a.format]
    res = evaluate(ds.intervals, pred, a.protocol, a.type, iou_threshold=a.iou,
                   min_frames=a.min_frames, max_frames=a.max_frames, length_filters=filters)
    unknown = res["overall"].unknown_videos
    if unknown:
        n = pred.set_index(["subject", "video"]).index.isin(unknown).sum()
        print(f"mespot: {n} prediction(s) on {len(unknown)} video(s) the annotations lack, "
              f"counted as FP: " + ", ".join(f"{s}/{v}" for s, v in unknown), file=sys.stderr)
    obj = {k: v.as_dict() for k, v in res.items()}
    if a.out:
        write_json(a.out, obj)
    if a.json:
        print(json.dumps(obj))
    else:
        print(f"protocol {a.protocol}, IoU ≥ {a.iou}")
        print(f"{'type':<8} {'TP':>5} {'FP':>6} {'FN':>5} {'precision':>9} {'recall':>7} {'F1':>7}")
        for k, s in res.items():
            print(f"{k:<8} {s.tp:>5} {s.fp:>6} {s.fn:>5} {s.precision:>9.4f} {s.recall:>7.4f} "
                  f"{s.f1:>7.4f}")
    return 0


def cmd_audit(a: argparse.Namespace) -> int:
    import pandas as pd

    from .datasets import load_dataset

    ds = load_dataset(a.dataset, a.manifest)
    f = ds.findings
    print(f"dataset {ds.name} ({ds.format}): {len(ds.intervals)} intervals "
          f"({(ds.intervals['type'] == 'micro').sum()} micro, "
          f"{(ds.intervals['type'] == 'macro').sum()} macro), {len(ds.videos)} videos, "
          f"{ds.videos['subject'].nunique()} subjects; {len(f)} finding(s)")
    if len(f):
        print(f.groupby(["quirk", "policy"]).size().rename("rows").to_string())
        print()
        with pd.option_context("display.max_rows", None, "display.width", 200):
            print(f.to_string(index=False))
    return 0


# ----------------------------------------------------------------------------------------------
# demo-data / report


def cmd_demo_data(a: argparse.Namespace) -> int:
    from .demo import DemoSpec, generate_demo

    if a.like:
        return _rehearsal(a)
    if a.scale is not None or a.annotations is not None:
        raise MespotError("--scale and --annotations go with --like samm-lv|casme2")
    spec = DemoSpec(subjects=a.subjects or 6, videos_per_subject=a.videos_per_subject,
                    seconds=a.seconds, fps=a.fps, layout=a.layout, seed=a.seed,
                    difficulty=a.difficulty or "standard", faces=a.faces)
    out = generate_demo(a.out, spec, n_jobs=a.n_jobs)
    print(f"demo dataset ({a.layout} layout, synthetic) in {out}")
    return 0


def _rehearsal(a: argparse.Namespace) -> int:
    """`mespot demo-data --like samm-lv|casme2 [--scale S]`: the rehearsal dataset."""
    from .demo import FRAME_H, FRAME_W
    from .rehearsal import LIKES, generate_rehearsal, plan_rehearsal

    scale = 1.0 if a.scale is None else a.scale
    difficulty = a.difficulty or "easy"
    plan = plan_rehearsal(a.like, scale, a.annotations, difficulty, a.subjects)
    lk = LIKES[a.like]
    print(f"rehearsal with the shape of {a.like} at S = {scale:g} (from {plan['workbook']}): "
          f"{plan['n_subjects']} subjects, {plan['n_videos']} videos, "
          f"{plan['n_expressions']} expressions ({plan['left_out']} longer than their shortened "
          f"video left out), {plan['n_frames']:,} frames at {lk.fps:g} fps; frames "
          f"{FRAME_W}×{FRAME_H} (reduced from {a.like}'s {lk.real_size[0]}×{lk.real_size[1]})")
    out = generate_rehearsal(a.out, a.like, scale, a.annotations, a.seed, difficulty, a.subjects,
                             n_jobs=a.n_jobs)
    print(f"rehearsal dataset ({a.like} layout, synthetic) in {out}; read it with a manifest "
          f"entry `format: {a.like}` (annotations: annotations.xlsx, frames: "
          f"{'SAMM_longvideos' if a.like == 'samm-lv' else 'rawpic'}) or `format: demo` with "
          f"`like: {a.like}` and `scale: {scale:g}`")
    return 0


def cmd_report(a: argparse.Namespace) -> int:
    from .report import parse_set, run_report

    return run_report(datasets=[d for d in a.datasets.split(",") if d], profile=a.profile,
                      out=a.out, manifest=a.manifest,
                      only=a.only.split(",") if a.only else None, seed=a.seed, seeds=a.seeds,
                      extra=parse_set(a.set))


# ----------------------------------------------------------------------------------------------
# landmarks / extract


def cmd_landmarks(a: argparse.Namespace) -> int:
    from ._io import check_output_file
    from .face import TrackParams, track_video

    _check_video_jobs(a.n_jobs)
    check_output_file(a.out, "--out", (a.source,), "landmarks.npz")
    params = TrackParams(detect_every=a.detect_every, detector=a.detector)
    track = track_video(a.source, params, fps=a.fps, start=a.start, stop=a.stop, progress=True,
                        n_jobs=a.n_jobs)
    track.save(a.out)
    s = track.summary()
    print(f"{a.out}: {s['frames']} frames — {s['detected']} detected, {s['tracked']} tracked, "
          f"{s['lost']} lost; {s['several_faces']} with several faces; "
          f"{s['missing']} undecodable" + (f" {track.missing[:20]}" if track.missing else ""))
    return 0


def cmd_extract(a: argparse.Namespace) -> int:
    from .datasets import read_entry
    from .face import TrackParams, extract_tracks
    from .manifest import load_manifest

    m = load_manifest(a.manifest)
    ds = read_entry(m.entry(a.dataset), m)
    tracks = extract_tracks(ds, m.cache_dir, TrackParams(detect_every=a.detect_every),
                            n_jobs=a.n_jobs, scheduler=m.scheduler)
    lost = sum(t.summary()["lost"] for t in tracks.values())
    frames = sum(t.n_frames for t in tracks.values())
    print(f"{len(tracks)} videos, {frames} frames, {lost} without a face; cached in "
          f"{m.cache_dir / 'landmarks'}")
    return 0


def _method_windows(m, feats, track, first: int) -> dict:
    """The method's windows in the source's frame numbers: ``windows_start``, ``windows_stop``
    (N,) int64 inclusive, ``windows_valid`` (N,) bool (a face to align to; for per-frame
    methods: a face on every frame of the window) and, for training-free methods,
    ``windows_score`` (N,) float64 (their per-frame score curve over its maximum)."""
    import numpy as np

    from .windows import get_window_kind

    kind = get_window_kind(m.window)
    if kind.windowed:
        start_key, length_key, valid_key = kind.start, kind.length, kind.valid
        starts = np.asarray(getattr(feats, start_key), np.int64)
        out = dict(windows_start=starts, windows_stop=starts + int(getattr(feats, length_key)) - 1,
                   windows_valid=np.asarray(getattr(feats, valid_key), bool))
    else:
        t = m.free.frame_scores(feats)
        starts, stops = t["start"].to_numpy(np.int64), t["stop"].to_numpy(np.int64)
        lost = np.concatenate([[0], np.cumsum(~track.valid)])
        a, b = np.clip(starts, 1, feats.n_frames), np.clip(stops, 1, feats.n_frames)
        out = dict(windows_start=starts, windows_stop=stops,
                   windows_valid=lost[b] - lost[a - 1] == 0,
                   windows_score=t["score"].to_numpy(np.float64))
    out["windows_start"] = out["windows_start"] + (first - 1)
    out["windows_stop"] = out["windows_stop"] + (first - 1)
    return out


def cmd_features(a: argparse.Namespace) -> int:
    """One video's windows and features for one method, with the face track, in one .npz."""
    import datetime
    import platform
    from dataclasses import asdict, replace
    from pathlib import Path

    import numpy as np

    from . import __version__
    from ._io import check_output_file
    from .cache import save_npz
    from .face import FACE_VERSION, TrackParams
    from .features import FEATURES_VERSION, extract_video, profile_feature_params
    from .methods import METHODS
    from .video import open_video

    _check_video_jobs(a.n_jobs)
    m = METHODS.get(a.method)
    if m is None:
        raise MespotError(f"--method {a.method!r} is not a registered method; use one of "
                          f"{', '.join(METHODS)}")
    out = Path(a.out)
    if out.suffix != ".npz":
        raise MespotError(f"--out {out}: the file must end in .npz")
    check_output_file(out, "--out", (a.source,), "features.npz")
    src = open_video(a.source, fps=a.fps, gray=True)
    fparams = replace(profile_feature_params(a.profile), families=tuple(m.families))
    tparams = TrackParams(detect_every=a.detect_every)
    feats, track = extract_video(src, params=fparams, track_params=tparams, start=a.start,
                                 stop=a.stop, progress=True, n_jobs=a.n_jobs)
    first, last = feats.meta["first_frame"], feats.meta["first_frame"] + feats.n_frames - 1
    if not track.valid.any():
        raise MespotError(f"{src.path}: no face found in frames {first}..{last}, so {m.title} has "
                          "no windows; check that the video shows a frontal face (or pick "
                          "another --start/--stop)")
    win = _method_windows(m, feats, track, first)
    if not len(win["windows_start"]):
        raise MespotError(f"{src.path}: frames {first}..{last} ({feats.n_frames} frames at "
                          f"{feats.fps:g} fps) are too short for one {m.title} window; give a "
                          "longer --start/--stop range")
    arrays = {k: (np.asarray(v) + (first - 1) if k.endswith("_start") else v)
              for k, v in feats.arrays.items()}
    provenance = dict(
        kit="mespot-nb", kit_version=__version__, method=m.name, method_title=m.title,
        window=m.window, profile=a.profile, feature_params=asdict(fparams),
        track_params=tparams.key(), features_version=FEATURES_VERSION,
        face_version=FACE_VERSION, source=str(src.path.resolve()), source_identity=src.identity(),
        start=first, stop=last, fps=feats.fps, decode_reduction=feats.meta["decode_reduction"],
        created=datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        python=platform.python_version())
    save_npz(out, **win, **arrays, landmarks=track.landmarks.astype(np.float32),
             status=track.status, n_faces=track.n_faces, fps=np.float64(feats.fps),
             n_frames=np.int64(feats.n_frames), first_frame=np.int64(first),
             frame_size=np.array(track.frame_size, np.int32),
             missing=np.array(track.missing, np.int64), provenance=provenance)
    s = track.summary()
    print(f"{out}: {m.title} — {len(win['windows_start'])} windows "
          f"({int(win['windows_valid'].sum())} with a face) over frames {first}..{last} of "
          f"{src.path.name}; track: {s['detected']} detected, {s['tracked']} tracked, "
          f"{s['lost']} lost")
    return 0


# ----------------------------------------------------------------------------------------------
# train / spot


def _dataset_and_features(a: argparse.Namespace, method, held: set | None = None):
    from .datasets import read_entry
    from .features import extract_features, profile_feature_params
    from .manifest import load_manifest

    m = load_manifest(a.manifest)
    ds = read_entry(m.entry(a.dataset), m)
    trained_on = ds   # settings from annotations (SOFTNet's k) never read held-out subjects
    if held:
        from dataclasses import replace

        trained_on = replace(ds, intervals=ds.intervals[~ds.intervals["subject"].isin(held)])
    base = profile_feature_params(a.profile)
    if len(method.model_types) > 1:   # one model per type, each on its own pass (SOFTNet's k)
        from .inference import method_features

        # settings from the training subjects' annotations, passes over every video
        feats = method_features(method, trained_on, m.cache_dir, base, n_jobs=a.n_jobs,
                                scheduler=m.scheduler)
        return m, ds, feats.params, feats
    fparams = method.feature_params(base, trained_on)
    feats = extract_features(ds, m.cache_dir, fparams, n_jobs=a.n_jobs, scheduler=m.scheduler)
    return m, ds, fparams, feats


def cmd_train(a: argparse.Namespace) -> int:
    from .face import TrackParams
    from .methods import get_method
    from .models import ModelConfig
    from .inference import save_trained
    from .training import imagenet_for, train_final

    method = get_method(a.method)
    cfg = ModelConfig.profile(a.profile)
    from .manifest import load_manifest

    imagenet = imagenet_for(load_manifest(a.manifest), method, cfg)  # refused up front if missing
    held = {x.strip() for x in (a.holdout or "").split(",") if x.strip()}
    m, ds, fparams, feats = _dataset_and_features(a, method, held)
    if held:
        unknown = held - set(ds.subjects)
        if unknown:
            raise MespotError(f"--holdout names subjects {sorted(unknown)} that dataset "
                              f"'{ds.name}' lacks (it has {', '.join(ds.subjects)})")
        from dataclasses import replace

        ds = replace(ds, intervals=ds.intervals[~ds.intervals["subject"].isin(held)],
                     videos=ds.videos[~ds.videos["subject"].isin(held)])
        keep = {k: f for k, f in feats.items() if k[0] not in held}
        by = getattr(feats, "by_type", None)
        if by is not None:
            from .inference import TypedFeatures

            keep = TypedFeatures({t: {k: f for k, f in v.items() if k[0] not in held}
                                  for t, v in by.items()}, feats.params)
        feats = keep
    trained = train_final(ds, feats, method, cfg, a.seed, a.device, imagenet)
    save_trained(a.out, trained, method, cfg, fparams, TrackParams(), ds.name, a.seed)
    by = trained.get("by_type") or {None: trained}
    from dataclasses import asdict

    per = {t: asdict(fp) for t, fp in fparams.items()} if isinstance(fparams, dict) else {}
    for t, tr in by.items():
        # the feature settings that differ between the models (SOFTNet's k)
        own = {f: v for f, v in per.get(t, {}).items()
               if any(o.get(f) != v for o in per.values())}
        print(f"{a.out}: {method.title}{f' {t} model' if t else ''} ({a.profile}) trained on "
              f"{len(tr['subjects'])} subjects of {ds.name}"
              + (" (" + ", ".join(f"{f} = {v}" for f, v in own.items()) + ")" if own else "")
              + f"; epoch {tr['best_epoch']}, threshold "
              f"{tr['threshold']:.4f} {'(p) ' if not method.trainable else ''}"
              + (f"(F1 {tr['threshold_f1']:.3f} on held-out subjects "
                 f"{', '.join(tr['val_subjects']) or 'all'})"
                 if tr["val_subjects"] != tr["subjects"] else
                 f"(fixed; F1 {tr['threshold_f1']:.3f} on its training subjects)"))
    for why in trained.get("skipped", {}).values():
        print(f"{a.out}: {why}: that model is not in the file", file=sys.stderr)
    return 0


def cmd_loso(a: argparse.Namespace) -> int:
    """Seed 000's Table 1 without notebooks: per method a predictions CSV and a scores JSON."""
    from pathlib import Path

    from ._io import atomic_path, write_json
    from .evaluation import PROTOCOLS, evaluate, footage_reduction
    from .manifest import load_manifest
    from .methods import get_method, method_names
    from .models import ModelConfig
    from .training import imagenet_for, loso_checkpoint_dir, run_loso

    names = [n.strip() for n in a.method.split(",") if n.strip()] if a.method != "all" \
        else method_names()
    if not names:
        raise MespotError("--method names no method; give one, a comma-separated list, or 'all'")
    methods = [get_method(n) for n in names]
    cfg = ModelConfig.profile(a.profile)
    man = load_manifest(a.manifest)
    weights = {m.name: imagenet_for(man, m, cfg) for m in methods}   # refused before any work
    out = Path(a.out)
    rows = []
    for meth in methods:
        m, ds, fparams, feats = _dataset_and_features(a, meth)
        n_total = int(sum(f.n_frames for f in feats.values()))
        res = run_loso(ds, feats, meth, cfg, seed=a.seed, n_jobs=a.n_jobs, device=a.device,
                       imagenet=weights[meth.name], scheduler=m.scheduler,
                       checkpoint_dir=loso_checkpoint_dir(m.cache_dir, ds.name, a.profile,
                                                          meth.name))
        with atomic_path(out / f"predictions_{meth.name}.csv", suffix=".csv") as tmp:
            res.predictions.to_csv(tmp, index=False)
        scores = {p: {k: v.as_dict() for k, v in evaluate(ds.intervals, res.predictions, p,
                                                            a.type).items()}
                  for p in PROTOCOLS}
        write_json(out / f"scores_{meth.name}.json", dict(
            method=meth.name, dataset=ds.name, profile=a.profile, seed=a.seed, type=a.type,
            scores=scores, thresholds=res.thresholds(),
            thresholds_by_type=res.type_thresholds(), skipped=res.skipped,
            footage_fraction=footage_reduction(res.predictions, n_total)))
        # a method spotting both types reports micro, macro and overall; a micro-only one its
        # overall (every macro-expression missed), as before
        shown = [t for t in (*meth.types, "overall") if t in scores["megc2020"]] \
            if len(meth.types) > 1 else ["overall"]
        for t in shown:
            s = scores["megc2020"][t]
            label = meth.title if len(shown) == 1 else f"{meth.title} {t}"
            rows.append(f"{label:<10} MEGC2020 F1 {s['f1']:.4f} (TP {s['tp']}, FP {s['fp']}, "
                        f"FN {s['fn']})")
    print(f"LOSO on {ds.name} ({a.profile} profile, seed {a.seed}) → {out}")
    print("\n".join(rows))
    return 0


def cmd_spot(a: argparse.Namespace) -> int:
    from pathlib import Path

    from ._io import atomic_path, check_output_file, write_text
    from .manifest import default_cache_dir, load_manifest
    from .spotting import check_p, spot_video

    check_p(a.p)
    _check_video_jobs(a.n_jobs)
    if a.p is not None and a.threshold is not None:
        raise MespotError("give --p (training-free spotters) or --threshold (a model's), not both")
    if a.threshold is not None and a.model is None:
        raise MespotError("--threshold overrides a model's threshold; without --model use --p "
                          "(the training-free spotters' threshold fraction)")
    try:
        cache = load_manifest(a.manifest).cache_dir
    except MespotError:
        cache = default_cache_dir()
    # refused before the work, not after it: a folder, the input video itself, a place that
    # cannot be written
    check_output_file(a.out, "--out", (a.source,), "intervals.csv")
    if a.html:
        check_output_file(a.html, "--html", (a.source,), "timeline.html")
        if Path(a.html).absolute() == Path(a.out).absolute():
            raise MespotError(f"--html and --out are the same file ({a.out}); give two")
    settings = {}
    for item in a.set or ():
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise MespotError(f"--set {item}: give NAME=VALUE, e.g. --set talk_weight=0.7")
        settings[name.strip()] = value.strip()
    res = spot_video(a.source, a.model, cache, fps=a.fps, threshold=a.threshold, p=a.p,
                     method=a.method, type=a.type, n_jobs=a.n_jobs, settings=settings)
    with atomic_path(a.out, suffix=".csv") as tmp:
        res["intervals"].to_csv(tmp, index=False)
    if a.html:
        from .plotting import score_timeline_plotly

        fig = score_timeline_plotly(res["scores"], res["intervals"].iloc[0:0],
                                    res["threshold"] if a.model else None, res["fps"],
                                    res["intervals"],
                                    title=f"{res['video']}: {res['method']} scores")
        write_text(a.html, fig.to_html(include_plotlyjs=True, full_html=True))
    n = len(res["intervals"])
    what = "p" if a.model is None else "threshold"
    thr = res.get("thresholds") or {}
    at = (", ".join(f"{t} {v:.4g}" for t, v in thr.items()) if len(thr) > 1
          else f"{res['threshold']:.4g}")
    print(f"{a.out}: {n} interval(s) spotted in {res['n_frames']} frames ({res['fps']:g} fps) "
          f"with {res['method']} at {what} {at}"
          + "".join(f", {k} {v:g}" for k, v in res["settings"].items())
          + (" — no face found in any frame" if res["no_face"] else ""))
    print(f"footage to review: {100 * res['footage']:.2f} % of the video "
          f"(reduction factor {1 / res['footage']:.1f}x)" if res["footage"] > 0 else
          "footage to review: none (nothing spotted)")
    return 0


# ----------------------------------------------------------------------------------------------
# parser


def build_parser() -> argparse.ArgumentParser:
    from . import __version__
    from .methods import DEFAULT_SPOTTER, method_names

    p = argparse.ArgumentParser(prog="mespot", description="Micro-expression spotting kit")
    p.add_argument("--version", action="version", version=f"mespot-nb {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("evaluate", help="score predictions (MEGC CSV) against annotations")
    e.add_argument("--annotations", required=True, help="annotation file (xlsx or csv)")
    e.add_argument("--format", required=True, choices=["casme2", "samm-lv", "csv"])
    e.add_argument("--predictions", required=True,
                   help="CSV: subject,video,onset,offset[,type][,score][,emotion]")
    e.add_argument("--protocol", default="megc2020", choices=["megc2020", "one-to-one", "coverage"])
    e.add_argument("--type", default="all", choices=["micro", "macro", "all"])
    e.add_argument("--iou", type=float, default=0.5, help="IoU threshold (default 0.5)")
    e.add_argument("--min-frames", type=int, default=None, help="drop shorter predictions")
    e.add_argument("--max-frames", type=int, default=None, help="drop longer predictions")
    e.add_argument("--length-filter", choices=["megc2020"], default=None,
                   help="the MEGC2020 baseline's per-type length filters")
    e.add_argument("--json", action="store_true", help="print one JSON object")
    e.add_argument("--out", default=None, help="also write the JSON to this file (atomically)")
    e.set_defaults(func=cmd_evaluate)

    au = sub.add_parser("audit", help="print a dataset's annotation findings")
    au.add_argument("--dataset", required=True)
    _add_manifest(au)
    au.set_defaults(func=cmd_audit)

    d = sub.add_parser("demo-data", help="generate the synthetic demo dataset, or a rehearsal "
                       "with a real dataset's shape (--like)")
    d.add_argument("--out", required=True, help="folder to create (or an earlier demo)")
    d.add_argument("--like", choices=["samm-lv", "casme2"], default=None,
                   help="rehearsal: subjects, videos and expression positions from that "
                   "dataset's published workbook, frames 320×360")
    d.add_argument("--scale", type=float, default=None,
                   help="rehearsal: video lengths × S, 0 < S ≤ 1 (default 1: the real size)")
    d.add_argument("--annotations", default=None,
                   help="rehearsal: your copy of the workbook (default $MESPOT_WORKBOOKS/"
                   "SAMMLV_gt.xlsx or CASME_sq_gt.xlsx, folder ../shared/data/annotations)")
    d.add_argument("--subjects", type=int, default=None,
                   help="demo: subjects (default 6); rehearsal: keep the first N (default all)")
    d.add_argument("--videos-per-subject", type=int, default=2)
    d.add_argument("--seconds", type=float, default=30.0)
    d.add_argument("--fps", type=float, default=30.0)
    d.add_argument("--layout", choices=["samm-lv", "casme2"], default="samm-lv")
    d.add_argument("--seed", type=int, default=0)
    d.add_argument("--difficulty", choices=["easy", "standard", "hard"], default=None,
                   help="default: standard for the demo, easy for a rehearsal")
    d.add_argument("--faces", default=None, help="folder of your own face photos")
    d.add_argument("--n-jobs", type=int, default=2, help="videos rendered in parallel")
    d.set_defaults(func=cmd_demo_data)

    lm = sub.add_parser("landmarks", help="68 landmarks on every frame of a video or folder")
    lm.add_argument("source", help="video file or frames folder")
    lm.add_argument("--out", required=True, help="FILE.npz (landmarks, status, fps, frame_size)")
    lm.add_argument("--detect-every", type=int, default=30)
    lm.add_argument("--detector", choices=["hog", "cnn"], default="hog")
    lm.add_argument("--start", type=int, default=1, help="first frame (1-based)")
    lm.add_argument("--stop", type=int, default=None, help="last frame (inclusive)")
    lm.add_argument("--fps", type=float, default=None, help="frame rate (needed for a folder)")
    _add_video_jobs(lm)
    lm.set_defaults(func=cmd_landmarks)

    fe = sub.add_parser("features", help="one video's windows and features for a method, with "
                                          "its face track, in one .npz")
    fe.add_argument("source", help="video file or frames folder")
    fe.add_argument("--method", required=True,
                    help=f"a registered method ({', '.join(method_names())})")
    fe.add_argument("--out", required=True, help="FILE.npz (windows, features, landmarks, "
                                                 "status, provenance)")
    fe.add_argument("--fps", type=float, default=None, help="frame rate (needed for a folder)")
    fe.add_argument("--start", type=int, default=1, help="first frame (1-based)")
    fe.add_argument("--stop", type=int, default=None, help="last frame (inclusive; default the "
                                                           "video's last)")
    fe.add_argument("--profile", choices=["quick", "paper"], default="quick",
                    help="feature settings (image size, HOOF flow pairs)")
    fe.add_argument("--detect-every", type=int, default=30)
    _add_video_jobs(fe, features=True)
    fe.set_defaults(func=cmd_features)

    ex = sub.add_parser("extract", help="landmarks of a whole dataset into the cache")
    ex.add_argument("--dataset", required=True)
    _add_manifest(ex)
    ex.add_argument("--detect-every", type=int, default=30)
    ex.add_argument("--n-jobs", type=int, default=2)
    ex.set_defaults(func=cmd_extract)

    t = sub.add_parser("train", help="train a spotting model on every subject of a dataset")
    t.add_argument("--dataset", required=True)
    _add_manifest(t)
    t.add_argument("--method", required=True, choices=method_names())
    t.add_argument("--profile", choices=["quick", "paper"], default="quick")
    t.add_argument("--out", required=True, help="model file to write (e.g. model.pt)")
    t.add_argument("--holdout", default=None,
                   help="comma-separated subjects kept out of training (to spot them afterwards)")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--device", default="auto", help="auto, cpu or cuda")
    t.add_argument("--n-jobs", type=int, default=2, help="videos extracted in parallel")
    t.set_defaults(func=cmd_train)

    lo = sub.add_parser("loso", help="leave-one-subject-out for one or more methods (seed 000's "
                                     "Table 1): predictions CSV and scores JSON per method")
    lo.add_argument("--dataset", required=True)
    _add_manifest(lo)
    lo.add_argument("--method", required=True,
                    help=f"a method, a comma-separated list, or 'all' ({', '.join(method_names())})")
    lo.add_argument("--profile", choices=["quick", "paper"], default="quick")
    lo.add_argument("--out", default="loso-out", help="folder for predictions_*.csv, scores_*.json")
    lo.add_argument("--type", default="all", choices=["micro", "macro", "all"])
    lo.add_argument("--seed", type=int, default=0)
    lo.add_argument("--device", default="auto", help="auto, cpu or cuda")
    lo.add_argument("--n-jobs", type=int, default=2, help="folds / videos in parallel")
    lo.set_defaults(func=cmd_loso)

    sp = sub.add_parser("spot", help="spot micro- and macro-expressions in a video file or "
                                     "frames folder (no model needed)")
    sp.add_argument("source", help="video file or frames folder")
    sp.add_argument("--model", default=None,
                    help="model file from `mespot train` (learned methods)")
    sp.add_argument("--method", default=None, choices=method_names(trainable=False),
                    help="a training-free spotter, no model needed (default without --model: "
                         f"{DEFAULT_SPOTTER}, the training-free spotter with the highest F1 "
                         "pooled over the real clips measured, at fewer false intervals a "
                         "minute than regflow; README 'Real people')")
    sp.add_argument("--type", default="all", choices=["micro", "macro", "all"],
                    help="which expressions to keep")
    sp.add_argument("--p", type=float, default=None,
                    help="threshold fraction of a training-free spotter, in (0, 1)")
    sp.add_argument("--out", required=True, help="intervals.csv (MEGC format)")
    sp.add_argument("--html", default=None, help="also write a plotly timeline (offline HTML)")
    sp.add_argument("--fps", type=float, default=None, help="frame rate (needed for a folder)")
    sp.add_argument("--threshold", type=float, default=None,
                    help="override the threshold chosen at training (every model's, for a "
                         "file with one model per type)")
    sp.add_argument("--set", action="append", metavar="NAME=VALUE",
                    help="set a training-free spotter's setting (repeatable; a bad name or "
                         "value is refused with the spotter's settings and their ranges), e.g. "
                         "aumatch's --set blink_weight=0 --set talk_weight=0.7: fewer false "
                         "intervals, lower recall (docs/aumatch-history.md, the fourth round); "
                         "the --html curve "
                         "is the one these settings give")
    _add_video_jobs(sp, features=True)
    _add_manifest(sp)
    sp.set_defaults(func=cmd_spot)

    r = sub.add_parser("report", help="execute the notebooks into a report folder")
    _add_manifest(r)
    r.add_argument("--datasets", default="demo", help="comma-separated manifest entries")
    r.add_argument("--profile", choices=["quick", "paper"], default="quick")
    r.add_argument("--out", default="reports/latest")
    r.add_argument("--only", default=None, help="notebook numbers, e.g. 00,01")
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--seeds", type=int, default=1,
                   help="training runs per learned method in notebooks 06-07 (mean ± sd)")
    r.add_argument("--set", action="append", metavar="NAME=VALUE",
                   help="set a parameter of the notebooks that declare it (repeatable), e.g. "
                        "--set n_boot=200 --set methods=dyngeonet,mdmd")
    r.set_defaults(func=cmd_report)
    return p


def main(argv: list[str] | None = None) -> int:
    import logging

    parser = build_parser()
    a = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")

    def show_warning(message, category, filename, lineno, file=None, line=None):
        # one line a warning, as the errors are: no Python source line under it
        print(f"mespot {a.command}: warning: {message}", file=file or sys.stderr)

    try:
        with warnings.catch_warnings():   # restored on return (main also runs in-process)
            warnings.showwarning = show_warning
            return int(a.func(a) or 0)
    except BrokenPipeError:
        # a reader went away (`mespot spot … | head -1`): what was written is kept; no
        # traceback, and no second error when Python flushes a closed stdout at exit
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            print(f"mespot {a.command}: stopped: a pipe it wrote to was closed",
                  file=sys.stderr)
        except (OSError, ValueError, io.UnsupportedOperation):   # no file descriptor here
            pass
        return 1
    except MespotError as e:
        print(f"mespot {a.command}: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"mespot {a.command}: interrupted; finished work is kept in the cache",
              file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
