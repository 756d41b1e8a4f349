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


# ----------------------------------------------------------------------------------------------
# (4) HOOF flows lie inside their window: timestep j is the flow (s + jR, s + jR + R)


def _face_landmarks():
    """A schematic frontal face already in the aligned frame (eyes level at y 80, 64 px apart)."""
    lm = np.zeros((68, 2))
    lm[0:17] = np.c_[np.linspace(40, 152, 17), 100 + 80 * np.sin(np.linspace(0, np.pi, 17))]
    lm[17:22] = np.c_[np.linspace(44, 84, 5), np.full(5, 62.0)]
    lm[22:27] = np.c_[np.linspace(108, 148, 5), np.full(5, 62.0)]
    lm[27:31] = np.c_[np.full(4, 96.0), np.linspace(85, 125, 4)]
    lm[31:36] = np.c_[np.linspace(84, 108, 5), np.full(5, 130.0)]
    ang = np.linspace(0, 2 * np.pi, 6, endpoint=False)
    lm[36:42] = np.c_[64 + 10 * np.cos(ang), 80 + 4 * np.sin(ang)]
    lm[42:48] = np.c_[128 + 10 * np.cos(ang), 80 + 4 * np.sin(ang)]
    a12 = np.linspace(np.pi, -np.pi, 12, endpoint=False)
    lm[48:60] = np.c_[96 + 22 * np.cos(a12), 160 + 8 * np.sin(a12)]
    a8 = np.linspace(np.pi, -np.pi, 8, endpoint=False)
    lm[60:68] = np.c_[96 + 15 * np.cos(a8), 160 + 3 * np.sin(a8)]
    return lm


def _stream_hoof(values, fps, mode, monkeypatch, pairs=None):
    """Run the streaming HOOF consumer over constant frames (frame f has grey value
    ``values[f − 1]``) with optical flow replaced by "the grey-value change, downwards" — exactly
    zero between equal frames (Farneback is not) — recording the (first, second) frame values of
    every flow computed, per window, in ``pairs``."""
    import collections

    import mespot_nb.features.flow as F
    from mespot_nb.features.common import FeatureParams

    def fake_flow(prev, nxt, method="farneback"):
        if pairs is not None:
            pairs[-1].add((int(prev[0, 0]), int(nxt[0, 0])))
        v = float(nxt.mean()) - float(prev.mean())
        out = np.zeros(prev.shape + (2,), np.float32)
        out[..., 1] = v
        return out

    monkeypatch.setattr(F, "optical_flow", fake_flow)
    T = len(values)
    cons = F.HoofSequences(T, fps, FeatureParams(nose_compensation=False, hoof_pairs=mode))
    lms = np.repeat(_face_landmarks()[None], T, 0).astype(np.float32)
    buf = collections.deque(maxlen=cons.history + 1)
    for j in range(1, T + 1):
        buf.append(np.full((224, 192), values[j - 1], np.uint8))
        if pairs is not None and j in cons.end:
            pairs.append(set())
        cons.push(j, buf, lms)
    return cons.arrays()


@pytest.mark.parametrize("mode", ["per-window", "shared"])
def test_hoof_window_reads_only_its_own_frames(mode, monkeypatch):
    from mespot_nb.features.common import hoof_window

    fps, T = 100, 130
    hw = hoof_window(fps)
    W, R, steps = hw["W"], hw["R"], hw["steps"]
    pairs: list[set] = []
    a = _stream_hoof(np.arange(1, T + 1), fps, mode, monkeypatch, pairs)   # value = frame number
    starts = a["hoof_start"]
    for s, got in zip(starts, pairs):                  # every frame read is the window's own
        assert all(s <= i and k <= s + W - 1 for i, k in got), (s, sorted(got))
    # (W − 1) // R flows R apart: 50 frames hold 25 frames R apart, hence 24 flows
    assert (W, R, steps) == (50, 2, 24) and a["hoof"].shape == (len(starts), steps, 32)
    want = [{(int(s) + j * R, int(s) + j * R + R) for j in range(steps)} for s in starts]
    if mode == "per-window":
        assert pairs == want
    # shared: each pair is computed once, by the first window that reads it
    assert set().union(*pairs) == set().union(*want)


@pytest.mark.parametrize("mode", ["per-window", "shared"])
def test_hoof_is_zero_for_a_window_after_the_motion(mode, monkeypatch):
    fps, T = 100, 130                                  # W 50, R 2; windows start 1, 21, 41, 61, 81
    move_from, still_from = 50, 61                     # frames 50 … 61 change, 61 … 130 are equal
    f = np.arange(1, T + 1)
    values = 10 * np.clip(f - move_from, 0, still_from - move_from)
    a = _stream_hoof(values, fps, mode, monkeypatch)
    mass = {int(s): float(h.sum()) for s, h in zip(a["hoof_start"], a["hoof"])}
    assert mass[61] == 0 and mass[81] == 0 and mass[1] == 0   # before: window 61 read (59, 61)
    assert mass[21] > 0 and mass[41] > 0                      # their frames span the motion


# ----------------------------------------------------------------------------------------------
# (5) MDMD's k for short videos: the baseline's k = round(k/2), MATLAB's round


def test_fit_k_halves_as_the_baseline_rounds():
    from mespot_nb.peaks import fit_k, mdmd_k

    assert fit_k(234, 39) == 39                 # n = 6k fits
    assert fit_k(200, 39) == 20                 # round(39/2) = 20 (⌊39/2⌋ = 19 before)
    assert fit_k(100, 39) == 10                 # 39 → 20 → 10 (19 → 9 before)
    assert fit_k(6 * 33, 260) == 33             # 260 → 130 → 65 → 33 (32 before)
    assert fit_k(6 * 2, 260) == 2               # … 17, 9, 5, 3, 2
    assert fit_k(6, 39) == 1
    # a short 30 fps clip (3 s) gets the baseline's macro k: 39 → 20 → 10 (90 ≥ 60)
    k = mdmd_k(30, "macro")
    assert k == 39 and fit_k(90, k) == 10


# ----------------------------------------------------------------------------------------------
# (6) DynGeoNet's window length: seed 000's table, else the nearest odd number to fps/3


def test_dyngeonet_window_is_the_nearest_odd_number_to_a_third_of_the_rate():
    from mespot_nb.features import dyngeonet_window_length

    assert [dyngeonet_window_length(f) for f in (30, 100, 200)] == [11, 35, 65]   # seed 000
    assert dyngeonet_window_length(47) == 15          # 15.67: 15 is nearer than 17
    assert dyngeonet_window_length(60) == 21          # 20: a tie, rounded up
    assert dyngeonet_window_length(50) == 17          # 16.67
    assert dyngeonet_window_length(23) == 7           # 7.67
    assert dyngeonet_window_length(4) == 3            # at least 3
    for fps in np.arange(9.0, 400.0, 0.7):            # the rule, wherever no table value applies
        if min(abs(fps - t) for t in (30, 100, 200)) < 1e-6:
            continue
        L, x = dyngeonet_window_length(fps), fps / 3
        assert L % 2 == 1 and all(abs(L - x) <= abs(o - x) for o in range(1, 200, 2)), fps
