"""Fidelity to the seeds and to the kit's own documented rules: bootstrap subjects, HOOF-LSTM's
post-processing (seed 004 §III-D), the HOOF frame pairs, MDMD's k, the DynGeoNet window."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mespot_nb.evaluation import (PROTOCOLS, bootstrap_f1, evaluate, f1_table,
                                  pairwise_differences, subject_counts)

# ----------------------------------------------------------------------------------------------
# (2) the subject bootstrap counts every predicted subject


def _gt_pred_with_unannotated_subject():
    gt = pd.DataFrame({"subject": ["a", "b"], "video": ["a1", "b1"], "onset": [10, 10],
                       "offset": [20, 20], "type": "micro"})
    # a and b: one hit each; z (no annotations at all): ten false positives
    pred = pd.DataFrame({"subject": ["a", "b"] + ["z"] * 10, "video": ["a1", "b1"] + ["z1"] * 10,
                         "onset": [10, 10] + list(range(1, 101, 10)),
                         "offset": [20, 20] + list(range(5, 105, 10)), "score": 1.0})
    return gt, pred


def test_predictions_on_a_subject_without_annotations_reach_the_bootstrap():
    gt, pred = _gt_pred_with_unannotated_subject()
    e = evaluate(gt, pred, "megc2020", "micro")["micro"]
    assert (e.tp, e.fp, e.fn) == (2, 10, 0)
    counts = subject_counts(gt, pred, "megc2020", "micro")
    assert "z" in counts.index and counts.loc["z"].tolist() == [0, 10, 0]
    lo, hi = bootstrap_f1(counts, n=500, seed=0)
    assert lo <= e.f1 <= hi and lo < 1.0
    t = f1_table(gt, {"m": pred}, protocols=("megc2020",), n_boot=300)
    assert t.loc[0, "f1_lo"] <= t.loc[0, "f1"] <= t.loc[0, "f1_hi"]
    assert t.loc[0, "f1_lo"] < 1.0


def test_pairwise_differences_resample_the_predicted_only_subjects():
    gt, pred = _gt_pred_with_unannotated_subject()
    clean = pred[pred["subject"] != "z"]
    d = pairwise_differences(gt, {"clean": clean, "noisy": pred}, n_boot=300)
    # noisy has the same hits plus ten FP on z: strictly worse, and the paired bootstrap sees the
    # z rows (with only gt subjects, both methods would look identical: diff 0, interval [0, 0])
    assert d.loc[0, "diff"] < 0 and d.loc[0, "lo"] < 0


def _random_case(rng):
    subjects = [f"s{i}" for i in range(int(rng.integers(1, 5)))]
    gt_rows, pred_rows = [], []
    for s in subjects:
        for v in range(int(rng.integers(1, 3))):
            for _ in range(int(rng.integers(0, 3))):
                o = int(rng.integers(1, 200))
                gt_rows.append((s, f"{s}_{v}", o, o + int(rng.integers(5, 30)),
                                rng.choice(["micro", "macro"])))
    for s in subjects + ["x", "y"]:                     # x, y: never annotated
        for v in range(int(rng.integers(0, 4))):        # videos 2, 3: not annotated either
            for _ in range(int(rng.integers(0, 4))):
                o = int(rng.integers(1, 200))
                pred_rows.append((s, f"{s}_{v}", o, o + int(rng.integers(5, 30)),
                                  rng.choice(["micro", "macro"]), float(rng.random())))
    gt = pd.DataFrame(gt_rows, columns=["subject", "video", "onset", "offset", "type"])
    pred = pd.DataFrame(pred_rows, columns=["subject", "video", "onset", "offset", "type",
                                            "score"])
    return gt, pred


@pytest.mark.parametrize("case", range(12))
def test_per_subject_counts_sum_to_the_pooled_counts_and_the_interval_holds_the_point(case):
    rng = np.random.default_rng(100 + case)
    gt, pred = _random_case(rng)
    for proto in PROTOCOLS:
        e = evaluate(gt, pred, proto, "all")
        for t in ("micro", "macro", "overall"):
            c = subject_counts(gt, pred, proto, t)
            assert c.sum().tolist() == [e[t].tp, e[t].fp, e[t].fn], (proto, t)
            lo, hi = bootstrap_f1(c, n=200, seed=case)
            assert lo <= e[t].f1 <= hi, (proto, t)


# ----------------------------------------------------------------------------------------------
# (3) HOOF-LSTM's post-processing: seed 004 §III-D


def _long_run():
    # the demo's settings at 200 fps: 0.5 s windows (100 frames) every 0.2 s (40 frames); ten
    # consecutive positive windows cover frames 121..580, flanked by negative ones
    starts = np.arange(41, 642, 40)                    # 41, 81, 121, ..., 641
    scores = np.full(len(starts), 0.1)
    run = (starts >= 121) & (starts <= 481)
    assert run.sum() == 10
    scores[run] = [0.6, 0.7, 0.9, 0.8, 0.95, 0.65, 0.7, 0.85, 0.75, 0.6]
    return starts, scores, run


def test_suppress_gives_several_disjoint_window_detections_on_a_long_run():
    from mespot_nb.detections import spot_intervals
    from mespot_nb.intervals import iou_matrix

    starts, scores, run = _long_run()
    iv = spot_intervals(starts, 100, scores, 0.5, merge="suppress", n_frames=800)
    assert len(iv) >= 2                                # never one detection for a long run
    windows = {(int(s), int(s) + 99): float(sc) for s, sc in zip(starts[run], scores[run])}
    for r in iv.itertuples():                          # each detection is a positive window
        assert windows[(r.onset, r.offset)] == pytest.approx(r.score)
    b = iv[["onset", "offset"]].to_numpy()
    m = iou_matrix(b, b)
    assert (m[~np.eye(len(b), dtype=bool)] == 0).all()  # pairwise disjoint
    assert iv["score"].max() == pytest.approx(scores.max())   # the top window is among them
    # greedy: 0.95 (281..380) suppresses the windows at 201, 241, 321, 361; then 0.85 (401..500)
    # those at 441, 481; then 0.7 (161..260) the one at 121
    assert b.tolist() == [[161, 260], [281, 380], [401, 500]]
    # every positive window is a detection or shares a frame with a more confident one
    for s, sc in zip(starts[run], scores[run]):
        hit = [r for r in iv.itertuples() if r.onset <= s + 99 and s <= r.offset]
        assert hit and max(r.score for r in hit) >= sc


def test_hoof_lstm_uses_seed_004_suppression_and_other_methods_do_not_change():
    from mespot_nb.detections import spot_table
    from mespot_nb.methods import get_method

    m = get_method("hoof-lstm")
    kw = m.spot_settings()
    assert kw.pop("select_protocol") == "coverage" and kw["merge"] == "suppress"
    starts, scores, _ = _long_run()
    w = pd.DataFrame({"subject": "s", "video": "v", "start": starts, "stop": starts + 99,
                      "score": scores, "n_frames": 800})
    assert len(spot_table(w, threshold=0.5, **kw)) >= 2
    # the run-based merges still give one detection per run
    for merge in ("peak", "centre", "span"):
        assert len(spot_table(w, threshold=0.5, merge=merge)) == 1, merge
    assert get_method("dyngeonet").spot_settings()["merge"] == "centre"
