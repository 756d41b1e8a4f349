"""Cross-database evaluation (seed 000 §4.1): train on some datasets, spot another.

Windows are defined in seconds, so datasets of different frame rates share one code path; time
sequences of different lengths (HOOF: 14 steps at 30 fps, 24 at 100 and 200) are padded in front,
as the method's window kind says; subjects are keyed by dataset so they stay distinct; the test
dataset never reaches training (checked on the window tables). The epoch, the threshold (or a
training-free method's p) are chosen on held-out *training* subjects, as in LOSO.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .detections import spot_table
from .errors import MespotError
from .inference import (WindowData, concat, features_by_type, free_predictions, gather,
                        predict_scores)
from .methods import Method, get_method
from .models import ModelConfig
from .training import (_resolve_extent, _scores_table, _skip_types, check_imagenet, choose_p,
                       train_with_threshold)
from .windows import get_window_kind




def cross_database_setup(manifest, name: str) -> dict[str, Any]:
    """A setup ``{train: [...], test: ...}`` of the manifest's ``cross_database:`` section,
    checked before any work: every dataset it names exists and states its frame rate."""
    setups = manifest.cross_database
    if name not in setups:
        raise MespotError(f"cross-database setup '{name}' is not in the manifest {manifest.path} "
                          f"(have {', '.join(setups) or 'none'})")
    st = setups[name]
    train, test = list(st.get("train") or []), st.get("test")
    if not train or not test:
        raise MespotError(f"cross-database setup '{name}' needs `train: [...]` and `test: ...`")
    for d in train + [test]:
        if d not in manifest.datasets:
            raise MespotError(f"cross-database setup '{name}' names dataset '{d}', which the "
                              f"manifest {manifest.path} lacks; add an entry for it or fix the setup")
        if not manifest.datasets[d].fps:
            raise MespotError(f"dataset '{d}' (cross-database setup '{name}') has no `fps:`; "
                              "windows are defined in seconds, so every dataset needs its frame rate")
    if test in train:
        raise MespotError(f"cross-database setup '{name}' tests on '{test}', which it also trains on")
    return {"name": name, "train": train, "test": test}


def check_frame_rates(dataset) -> None:
    """Refuse a dataset whose video files state another frame rate than its manifest entry."""
    import cv2

    for r in dataset.videos.itertuples():
        if not r.source or Path(r.source).is_dir():
            continue
        cap = cv2.VideoCapture(str(r.source))
        f = cap.get(cv2.CAP_PROP_FPS)
        cap.release()
        if f and f > 0 and abs(f - r.fps) > 0.01 * r.fps:
            raise MespotError(f"dataset '{dataset.name}': video {r.source} runs at {f:g} fps but the "
                              f"manifest entry says fps: {r.fps:g}; fix the entry (one frame rate "
                              "per dataset entry — split it if its videos differ)")


def _prefixed(data: WindowData, name: str) -> WindowData:
    """Subject ids made unique across datasets: ``dataset:subject``."""
    t = data.table.copy()
    t["subject"] = name + ":" + t["subject"].astype(str)
    return WindowData(t, data.arrays, data.labels)


def _pad_sequences(parts: list[WindowData], method: Method) -> list[WindowData]:
    """The inputs the method's window kind marks ``pad_left`` (axis 1 is time) differ in length
    across frame rates (HOOF: 14 steps at 30 fps, 24 at 100 and 200): zeros ("no motion") are
    prepended to the shorter ones."""
    out = parts
    for k in get_window_kind(method.window).pad_left:
        if not all(k in p.arrays for p in out):
            continue
        n = max(p.arrays[k].shape[1] for p in out)
        padded = []
        for p in out:
            h = p.arrays[k]
            if h.shape[1] < n:
                h = np.concatenate([np.zeros((len(h), n - h.shape[1], *h.shape[2:]), h.dtype), h],
                                   1)
            padded.append(WindowData(p.table, {**p.arrays, k: h}, p.labels))
        out = padded
    return out


def _check_training_subjects(name: str, dataset, feats: dict) -> None:
    """Every annotated subject of a training dataset must have frames (features)."""
    have = {s for s, _ in feats}
    missing = sorted(set(dataset.intervals["subject"]) - have)
    if missing:
        raise MespotError(
            f"training dataset '{name}' has annotated subject(s) {', '.join(missing[:10])}"
            f"{' …' if len(missing) > 10 else ''} with no frames on this machine: their "
            "annotations would reach training without their windows. Put the frames where the "
            f"manifest entry '{name}' points, or drop those subjects from its annotations")


@dataclass
class CrossResult:
    """One method in one cross-database setup."""

    setup: str
    method: str
    train: list[str]
    test: str
    threshold: float
    predictions: pd.DataFrame
    scores: pd.DataFrame
    thresholds: dict = field(default_factory=dict)   # {type: threshold} of every model


def run_cross_database(setup: dict[str, Any], datasets: dict, feats: dict,
                       method: str | Method, cfg: ModelConfig, seed: int = 0,
                       device: str = "auto", progress: bool = False,
                       imagenet: str | Path | None = None) -> CrossResult:
    """Train on the setup's training datasets (subjects from all of them; epoch and threshold on
    held-out training subjects), spot the test dataset. ``datasets``/``feats`` are keyed by name.
    The test dataset never reaches training (checked on the window tables)."""
    m = get_method(method)
    train_names, test_name = setup["train"], setup["test"]
    if test_name in train_names:
        raise MespotError(f"cross-database setup '{setup['name']}' tests on '{test_name}', which "
                          "it also trains on")
    for d in train_names:
        _check_training_subjects(d, datasets[d], feats[d])
    ivs = pd.concat([datasets[d].intervals.assign(subject=lambda x, d=d: d + ":" + x["subject"])
                     for d in train_names], ignore_index=True)
    if not m.trainable:
        kw = m.spot_settings()
        protocol = kw.pop("select_protocol", "megc2020")
        select_type = kw.pop("select_type", "micro")
        fps_of = {f"{d}:{s}": datasets[d].fps for d in train_names for s in datasets[d].subjects}
        kw = _resolve_extent(kw, ivs, fps_of, 30.0)
        train_v = {(f"{d}:{s}", v): f for d in train_names for (s, v), f in feats[d].items()}
        p, _, _ = choose_p(m, train_v, ivs, kw, protocol, select_type)
        pred = free_predictions(m, feats[test_name], p, kw)
        return CrossResult(setup["name"], m.name, train_names, test_name, p, pred, pd.DataFrame())
    check_imagenet(m, cfg, imagenet)
    types, _ = _skip_types(m, ivs, f"cross-database setup '{setup['name']}' (training datasets "
                                   f"{', '.join(train_names)})")
    preds, scores, thresholds = [], {}, {}
    for typ in types:   # one model per type (SOFTNet: micro and macro), each on its own pass
        mt = m.for_type(typ)
        fe = {d: features_by_type(mt, feats[d])[typ] for d in (*train_names, test_name)}
        parts = _pad_sequences([_prefixed(gather(datasets[d], fe[d], mt), d)
                                for d in train_names]
                               + [gather(datasets[test_name], fe[test_name], mt)], mt)
        train, test = concat(parts[:-1]), parts[-1]
        if test_name in set(train.table["dataset"]):
            raise MespotError(f"the test dataset '{test_name}' reached training (a bug)")
        what = m.name if len(m.model_types) == 1 else f"{m.name} ({typ})"
        t = train_with_threshold(mt, cfg, train, ivs, seed, device, progress,
                                 f"{setup['name']} {what}", imagenet)
        sc = _scores_table(test)
        sc["score"] = predict_scores(t["model"], test, mt, device=device)
        length = int(test.table["stop"].iloc[0] - test.table["start"].iloc[0] + 1)
        preds.append(spot_table(sc, length, t["threshold"], **t["spot_kw"]))
        scores[typ], thresholds[typ] = sc, t["threshold"]
    first = types[0]
    return CrossResult(setup["name"], m.name, train_names, test_name, thresholds[first],
                       pd.concat(preds, ignore_index=True), scores[first], thresholds)
