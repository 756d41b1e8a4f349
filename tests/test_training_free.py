"""The training-free spotters' core: MDMD arithmetic, curves → intervals, and both streaming
curve builders on a synthetic video (a still face with a slow head drift and, in one version,
a 0.3 s local displacement at a mouth corner). Expected numbers are worked out by hand in the
comments."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mespot_nb.errors import MespotError
from mespot_nb.features.curves import (
    FlowPeakCurves,
    MDMDCurve,
    flow_peak_k,
    mdmd_block_values,
    mdmd_frame_value,
    mdmd_quadrants,
    top_third_mean,
)
from mespot_nb.peaks import (
    contrast,
    fit_k,
    mdmd_intervals,
    mdmd_k,
    mdmd_length_filter,
    peak_intervals,
    relative_threshold,
    runs,
    smooth_curve,
)

# ----------------------------------------------------------------------------------------------
# MDMD arithmetic


def test_quadrants_atan2_and_literal():
    vecs = np.array([(1, 0), (0, 1), (-1, 0), (0, -1), (1, 1), (-1, 1), (-1, -1), (1, -1),
                     (0, 0)], float)
    # atan2(v, u) in [0, 2π): 0, π/2, π, 3π/2, π/4, 3π/4, 5π/4, 7π/4; zero vector: none
    assert mdmd_quadrants(vecs, "atan2").tolist() == [0, 1, 2, 3, 0, 1, 2, 3, -1]
    # atan(u/v)°: +inf→90 (q1), 0→0 (q0), −inf→−90→270 (q3), −0→0 (q0), 45 (q0), −45→315 (q3),
    # 45 (q0), −45→315 (q3), 0/0 → none
    assert mdmd_quadrants(vecs, "literal").tolist() == [1, 0, 3, 0, 0, 3, 0, 3, -1]


def test_literal_orientation_only_two_quadrants():
    rng = np.random.default_rng(3)
    flow = rng.normal(0, 2, (40, 40, 2))
    q = mdmd_quadrants(flow, "literal")
    assert set(np.unique(q).tolist()) == {0, 3}
    assert set(np.unique(mdmd_quadrants(flow, "atan2")).tolist()) == {0, 1, 2, 3}
    # so a block's main direction in literal mode is quadrant 0 or 3, whatever the motion
    flow_ik = rng.normal(0, 2, flow.shape)
    for _ in range(20):
        f = rng.normal(0, 2, (6, 6, 2))
        qq = mdmd_quadrants(f, "literal")
        assert np.argmax(np.bincount(qq[qq >= 0], minlength=4)) in (0, 3)
    assert np.isfinite(mdmd_block_values(flow, flow_ik, orientation="literal")).all()


def test_top_third_rounds_up():
    assert top_third_mean([1, 2, 3, 4]) == 3.5        # ⌈4/3⌉ = 2 → (4 + 3)/2
    assert top_third_mean([7]) == 7.0                  # ⌈1/3⌉ = 1
    assert top_third_mean([5, 1, 9, 3, 2, 8]) == 8.5   # ⌈6/3⌉ = 2 → (9 + 8)/2
    assert top_third_mean([]) == 0.0


def test_block_value_main_direction_and_top_third():
    # one block (grid 1×1), a 2×3 field
    flow_i = np.array([[(3, 4), (0, 2), (6, 8)],
                       [(-1, 1), (1, 0), (4, 3)]], float)
    flow_ik = np.array([[(3, 0), (9, 9), (0, 6)],
                        [(5, 5), (0, 0), (0, 2)]], float)
    # quadrants of flow_i: (3,4) q0, (0,2) q1, (6,8) q0, (−1,1) q1, (1,0) q0, (4,3) q0
    # → q0 has 4 vectors, q1 2: main = q0
    # d = |flow_i| − |flow_ik| at q0: 5−3=2, 10−6=4, 1−0=1, 5−2=3 → sorted 1,2,3,4
    # ⌈4/3⌉ = 2 largest: (4 + 3)/2 = 3.5
    out = mdmd_block_values(flow_i, flow_ik, grid=(1, 1))
    assert out.shape == (1, 1)
    assert out[0, 0] == pytest.approx(3.5)


def test_block_tie_goes_to_lowest_quadrant():
    flow_i = np.array([[(-1, 0), (-1, -1), (0, 3), (-4, 3)]], float)
    # (−1,0) θ=π q2; (−1,−1) θ=5π/4 q2; (0,3) θ=π/2 q1; (−4,3) θ≈2.50 rad q1 → tie 2:2 → q1
    # flow_ik = 0 so d = |flow_i|: q1 → 3, 5; ⌈2/3⌉ = 1 → 5 (q2 would give √2)
    out = mdmd_block_values(flow_i, np.zeros_like(flow_i), grid=(1, 1))
    assert out[0, 0] == pytest.approx(5.0)


def test_block_literal_differs_from_atan2():
    flow_i = np.array([[(3, 4), (-6, -8), (-3, 4)]], float)
    # atan2: (3,4) q0, (−6,−8) q2, (−3,4) q1 → 1:1:1 tie → q0 → d = 5 → 5
    # literal: atan(3/4)=36.9° q0, atan(−6/−8)=36.9° q0, atan(−3/4)=−36.9°→323.1° q3
    #   → q0 (2 vectors): d = 5, 10 → ⌈2/3⌉ = 1 → 10
    z = np.zeros_like(flow_i)
    assert mdmd_block_values(flow_i, z, (1, 1), "atan2")[0, 0] == pytest.approx(5.0)
    assert mdmd_block_values(flow_i, z, (1, 1), "literal")[0, 0] == pytest.approx(10.0)


def test_uneven_grid_split():
    # 5×3 field, grid 2×2: np.array_split → rows {0,1,2},{3,4}; cols {0,1},{2}
    V = np.arange(1, 16, dtype=float).reshape(5, 3)
    # rows: [1 2 3] [4 5 6] [7 8 9] [10 11 12] [13 14 15]
    flow_i = np.stack([V, np.zeros_like(V)], -1)  # all rightward → q0; |flow_i| = V
    out = mdmd_block_values(flow_i, np.zeros_like(flow_i), grid=(2, 2))
    # (0,0): {1,2,4,5,7,8} → top 2: (8+7)/2 = 7.5   (0,1): {3,6,9} → top 1: 9
    # (1,0): {10,11,13,14} → top 2: (14+13)/2 = 13.5 (1,1): {12,15} → top 1: 15
    np.testing.assert_allclose(out, [[7.5, 9.0], [13.5, 15.0]])


def test_frame_value_top_12_of_36_blocks():
    vals = np.arange(1, 37, dtype=float).reshape(6, 6)
    flow_i = np.stack([vals, np.zeros_like(vals)], -1)  # one pixel per block, block value = val
    # largest 12 of 1..36 are 25..36 → mean 30.5
    assert mdmd_frame_value(flow_i, np.zeros_like(flow_i)) == pytest.approx(30.5)
    # a still face: every block has no directed vector → 0
    assert mdmd_frame_value(np.zeros((12, 12, 2)), np.zeros((12, 12, 2))) == 0.0
    # subtracting the tail flow: |(3,4)| − |(0,3)| = 2 everywhere → 2
    f = np.broadcast_to(np.array([3.0, 4.0]), (12, 12, 2))
    g = np.broadcast_to(np.array([0.0, 3.0]), (12, 12, 2))
    assert mdmd_frame_value(f, g) == pytest.approx(2.0)


def test_block_values_refuse_bad_input():
    with pytest.raises(MespotError, match="same shape"):
        mdmd_block_values(np.zeros((4, 4, 2)), np.zeros((4, 5, 2)))
    with pytest.raises(MespotError, match="orientation"):
        mdmd_quadrants(np.zeros((2, 2)), "degrees")
    with pytest.raises(MespotError, match="grid"):
        mdmd_block_values(np.zeros((4, 4, 2)), np.zeros((4, 4, 2)), grid=(6, 6))


# ----------------------------------------------------------------------------------------------
# contrast, threshold, runs, intervals

F_HAND = np.array([0, 0, 3, 0, 0, np.nan, 0, 2, 0, 0], float)


def test_contrast_exact():
    nan = np.nan
    # m = 1: C_i = F_i − (F_{i−1} + F_{i+1})/2
    # C1 = 0 − 3/2, C2 = 3 − 0, C3 = 0 − 3/2, C4 = 0 − (0 + nan)/2, C6 = 0 − (nan + 2)/2,
    # C7 = 2 − 0, C8 = 0 − 2/2; ends NaN
    np.testing.assert_array_equal(contrast(F_HAND, 1),
                                  [nan, -1.5, 3, -1.5, nan, nan, nan, 2, -1, nan])
    # m = 2: C2 = 3 − (0+0)/2, C3 = 0 − (0+nan)/2, C4 = 0 − (3+0)/2, C6 = 0 − (0+0)/2,
    # C7 = 2 − (nan+0)/2
    np.testing.assert_array_equal(contrast(F_HAND, 2),
                                  [nan, nan, 3, nan, -1.5, nan, 0, nan, nan, nan])
    np.testing.assert_array_equal(contrast(F_HAND, 0), np.where(np.isnan(F_HAND), nan, 0.0))
    assert np.isnan(contrast(F_HAND, 5)).all()  # 2m ≥ T: no frame has both neighbours
    with pytest.raises(MespotError, match="m must be"):
        contrast(F_HAND, -1)


def test_relative_threshold_exact():
    C = contrast(F_HAND, 1)
    # finite: −1.5, 3, −1.5, 2, −1 → mean 1/5 = 0.2, max 3
    assert relative_threshold(C, 0.5) == pytest.approx(0.2 + 0.5 * 2.8)   # 1.6
    assert relative_threshold(C, 0.01) == pytest.approx(0.2 + 0.01 * 2.8)  # 0.228
    assert np.isnan(relative_threshold(np.full(4, np.nan), 0.5))
    # regflow's centre: median −1 of (−1.5, −1.5, −1, 2, 3) → −1 + 0.5 · 4
    assert relative_threshold(C, 0.5, centre="median") == pytest.approx(1.0)
    with pytest.raises(MespotError, match="centre 'max'"):
        relative_threshold(C, 0.5, centre="max")


@pytest.mark.parametrize("p", [0.0, 1.0, -0.1, 1.5])
def test_threshold_p_out_of_range_refused(p):
    with pytest.raises(MespotError, match=r"p must be in \(0, 1\).*p=") as e:
        relative_threshold(F_HAND, p)
    assert str(p) in str(e.value)
    with pytest.raises(MespotError, match="p="):
        mdmd_intervals(F_HAND, p)


def test_runs():
    np.testing.assert_array_equal(runs([False, True, True, False, True]), [[1, 2], [4, 4]])
    np.testing.assert_array_equal(runs([True, True, True]), [[0, 2]])
    assert runs([False, False]).shape == (0, 2)
    assert runs([]).shape == (0, 2)


def test_mdmd_intervals_hand_curve():
    C = contrast(F_HAND, 1)
    # T = 1.6 → positive frames: index 2 (C = 3) and 7 (C = 2) → frames 3 and 8 (1-based)
    out = mdmd_intervals(C, 0.5)
    assert list(out.columns) == ["onset", "offset", "score"]
    assert out[["onset", "offset"]].values.tolist() == [[3, 3], [8, 8]]
    np.testing.assert_allclose(out["score"], [1.0, 2 / 3])   # run max / max C


def test_mdmd_intervals_nan_gap_and_length_filter():
    C = np.array([0, 5, 5, np.nan, 5, 5, 5, 0, 0, 0], float)
    # finite mean 25/9 ≈ 2.78, max 5 → T(0.5) ≈ 3.89; positives 1,2 | NaN | 4,5,6
    out = mdmd_intervals(C, 0.5)
    assert out[["onset", "offset"]].values.tolist() == [[2, 3], [5, 7]]  # NaN splits the run
    assert mdmd_intervals(C, 0.5, min_frames=3)[["onset", "offset"]].values.tolist() == [[5, 7]]
    assert mdmd_intervals(C, 0.5, max_frames=2)[["onset", "offset"]].values.tolist() == [[2, 3]]
    assert mdmd_intervals(C, 0.5, 2, 3)[["onset", "offset"]].values.tolist() == [[2, 3], [5, 7]]
    assert mdmd_intervals(C, 0.5, min_frames=4).empty
    assert mdmd_intervals(np.full(5, np.nan), 0.5).empty
    with pytest.raises(MespotError, match="min_frames"):
        mdmd_intervals(C, 0.5, min_frames=5, max_frames=3)


def test_mdmd_settings():
    assert (mdmd_k(30, "micro"), mdmd_k(30, "macro")) == (12, 39)
    assert (mdmd_k(200, "micro"), mdmd_k(200, "macro")) == (80, 260)
    assert (mdmd_k(100, "micro"), mdmd_k(100, "macro")) == (40, 130)     # 0.4 s, 1.3 s
    assert mdmd_length_filter(30, "micro") == (7, 16)
    assert mdmd_length_filter(30, "macro") == (17, None)
    assert mdmd_length_filter(200, "micro") == (47, 105)
    assert mdmd_length_filter(200, "macro") == (106, None)
    # 100 fps, CAS(ME)² seconds: ceil(6.5/30·100 = 21.7) = 22, floor(16.5/30·100 = 55) = 55
    assert mdmd_length_filter(100, "micro") == (22, 55)
    assert mdmd_length_filter(100, "macro") == (56, None)
    # SAMM seconds at 30 fps: ceil(46.5/200·30 = 6.98) = 7, floor(105.5/200·30 = 15.8) = 15
    assert mdmd_length_filter(30, "micro", "samm") == (7, 15)
    with pytest.raises(MespotError, match="micro"):
        mdmd_k(30, "nano")
    with pytest.raises(MespotError, match="dataset_style"):
        mdmd_length_filter(30, "micro", "casme3")


def test_fit_k():
    assert fit_k(100, 12) == 12      # 100 − 24 = 76 ≥ 48
    assert fit_k(72, 12) == 12       # 72 − 24 = 48 ≥ 48 (exactly n = 6k)
    assert fit_k(71, 12) == 6        # 47 < 48 → k = 6: 59 ≥ 24
    # k = round(k/2) as the baseline's cmd.m (MATLAB round: halves away from zero)
    assert fit_k(20, 39) == 3        # 39 → 20 → 10 → 5 (10 < 20) → 3 (14 ≥ 12)
    assert fit_k(6, 5) == 1          # 5 → 3 (0 < 12) → 2 (2 < 8) → 1 (4 ≥ 4)
    with pytest.raises(MespotError, match="at least 6 frames"):
        fit_k(5, 3)
    with pytest.raises(MespotError, match="k must be"):
        fit_k(100, 0)


# ----------------------------------------------------------------------------------------------
# flow-peak intervals on a hand-made curve


def test_smooth_curve_respects_nan():
    x = np.array([0, 3, 6, np.nan, 9], float)
    # width 3: [ (0+3)/2, (0+3+6)/3, (3+6)/2, nan, 9/1 ]
    np.testing.assert_allclose(smooth_curve(x, 3), [1.5, 3, 4.5, np.nan, 9])


def test_peak_intervals_hand_curve():
    curve = np.zeros(30)
    curve[10:15] = [1, 2, 4, 2, 1]
    # p = 0.5: mean 10/30, max 4 → T = 1/3 + 0.5·(4 − 1/3) ≈ 2.17 → one peak at index 12
    # baseline: median of indices 2..22 (± 1 s at 10 fps) = 0 → cut 2 → indices 11..13
    out = peak_intervals(curve, 10, 0.5, 5, smooth=1, min_height=0)
    assert list(out.columns) == ["onset", "offset", "apex", "type", "score"]
    assert out.values.tolist() == [[12, 14, 13, "micro", 1.0]]   # 3 frames = 0.3 s ≤ 0.5 s
    out = peak_intervals(curve, 10, 0.5, 5, smooth=1, min_height=0, max_micro_s=0.25)
    assert out["type"].tolist() == ["macro"]                      # 0.3 s > 0.25 s
    c = curve.copy()
    c[11] = np.nan                                                # never walk across NaN
    assert peak_intervals(c, 10, 0.5, 5, smooth=1, min_height=0)[["onset", "offset"]
                                                                 ].values.tolist() == [[13, 14]]
    assert peak_intervals(curve, 10, 0.5, 5, smooth=1, min_height=5).empty  # below the floor
    assert peak_intervals(np.full(9, np.nan), 10, 0.5, 5).empty
    with pytest.raises(MespotError, match="p="):
        peak_intervals(curve, 10, 1.0, 5)


def test_peak_intervals_merges_two_peaks_on_one_bump():
    curve = np.zeros(40)
    curve[10:19] = [1, 3, 5, 3, 4.5, 3, 5, 3, 1]   # peaks 12, 16 (and 14), all above 2.5
    out = peak_intervals(curve, 10, 0.5, 2, smooth=1, min_height=0)
    # cut = 0 + 0.5·5 = 2.5: 11..17 from either 5; merged into one interval, apex = first 5
    assert out[["onset", "offset", "apex"]].values.tolist() == [[12, 18, 13]]


# ----------------------------------------------------------------------------------------------
# synthetic face video

FPS, N = 30, 90
EVENT = (40, 48)          # 1-based inclusive: 9 frames = 0.3 s


@pytest.fixture(scope="module")
def face():
    """A grayscale 320×320 face (scikit-image's astronaut, cropped around the face) and its 68
    landmarks, found once with dlib."""
    cv2 = pytest.importorskip("cv2")
    skdata = pytest.importorskip("skimage.data")
    from mespot_nb.face import detect_faces, fit_landmarks

    g = cv2.cvtColor(skdata.astronaut(), cv2.COLOR_RGB2GRAY)[20:276, 92:348]
    g = cv2.resize(g, (320, 320), interpolation=cv2.INTER_LINEAR)
    boxes = detect_faces(g)
    assert boxes, "dlib found no face in the astronaut image"
    return g, fit_landmarks(g, boxes[0]).astype(np.float64)


def render(face, event: bool, amp: float = 2.5):
    """Frames and landmarks of the synthetic clip.

    Head drift: the whole image moves by (3·t/(N−1), 1.5·sin(2πt/N)) px. Event (frames 40–48):
    a Gaussian patch (σ = 0.2 inter-ocular) around the subject's right mouth corner moves up and
    outward by up to ``amp`` px (raised cosine). Landmarks follow the drift, with 0.3 px jitter.
    """
    import cv2

    from mespot_nb.face import inter_ocular

    g, lm0 = face
    rng = np.random.default_rng(0)
    Y, X = np.mgrid[0:320, 0:320].astype(np.float32)
    c, sig = lm0[48], 0.2 * inter_ocular(lm0)
    w = np.exp(-((X - c[0]) ** 2 + (Y - c[1]) ** 2) / (2 * sig ** 2)).astype(np.float32)
    direction = np.array([-1.0, -1.0]) / np.sqrt(2)
    n_ev = EVENT[1] - EVENT[0] + 1
    frames, lms = [], []
    for t in range(1, N + 1):
        dx = 3.0 * (t - 1) / (N - 1)
        dy = 1.5 * math.sin(2 * math.pi * (t - 1) / N)
        a = 0.0
        if event and EVENT[0] <= t <= EVENT[1]:
            a = amp * 0.5 * (1 - math.cos(2 * math.pi * (t - EVENT[0] + 1) / (n_ev + 1)))
        ux = (dx + a * direction[0] * w).astype(np.float32)
        uy = (dy + a * direction[1] * w).astype(np.float32)
        frames.append(cv2.remap(g, X - ux, Y - uy, cv2.INTER_LINEAR,
                                borderMode=cv2.BORDER_REPLICATE))
        lm = lm0 + (dx, dy) + rng.normal(0, 0.3, lm0.shape)
        lm[48] += a * direction
        lms.append(lm)
    return frames, lms


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]) + 1)
    return inter / (a[1] - a[0] + 1 + b[1] - b[0] + 1 - inter)


def test_flow_peak_finds_the_event(face):
    frames, lms = render(face, event=True)
    fp = FlowPeakCurves(FPS, None, N)
    assert fp.k == flow_peak_k(FPS) == 4
    for t in range(N):
        fp.push(t + 1, frames[t], lms[t])
    r = fp.finish()
    assert r["curves"].shape == (N, 5) and r["curve"].shape == (N,)
    # values sit at i + ⌊k/2⌋ for pairs (i, i + 4): frames 3..88 have one
    assert np.isnan(r["curve"][:2]).all() and np.isnan(r["curve"][-2:]).all()
    assert np.isfinite(r["curve"][2:-2]).all()
    # the moving region is the subject's right mouth corner
    assert np.nanargmax(np.nanmax(r["curves"], axis=0)) == r["rois"].index("mouth_right")
    out = peak_intervals(r["curve"], FPS, 0.5, 15)
    assert len(out) == 1
    row = out.iloc[0]
    assert iou((row.onset, row.offset), EVENT) >= 0.3
    assert row.type == "micro" and EVENT[0] <= row.apex <= EVENT[1]


def test_flow_peak_quiet_on_head_drift(face):
    frames, lms = render(face, event=False)
    lms[19] = np.full((68, 2), np.nan)        # frame 20 has no face
    fp = FlowPeakCurves(FPS, None, N)
    for t in range(N):
        fp.push(t + 1, frames[t], lms[t])
    r = fp.finish()
    # frame 20 is the second frame of pair (16, 20) → value at 18, and the first of (20, 24)
    # → value at 22 (1-based); both NaN
    assert np.isnan(r["curve"][[17, 21]]).all() and np.isfinite(r["curve"][[16, 18, 20, 22]]).all()
    assert peak_intervals(r["curve"], FPS, 0.5, 15).empty


def test_mdmd_curve_peaks_at_the_event(face):
    frames, lms = render(face, event=True)
    k = fit_k(N, mdmd_k(FPS, "micro"))
    assert k == 12                                   # 90 − 24 = 66 ≥ 48
    lms[69] = np.full((68, 2), np.nan)               # frame 70 has no face
    md = MDMDCurve(FPS, k, N)
    for t in range(N):
        md.push(t + 1, frames[t], lms[t])
    F = md.finish()["F"]
    assert np.isnan(F[:k]).all() and np.isnan(F[N - k:]).all()   # i ≤ k or i > n − k
    assert np.isnan(F[69]) and np.isnan(F[57])       # frame 70 as current, and as tail of 58
    assert np.isfinite(F[k:N - k][np.r_[0:45, 46:57, 58:66]]).all()
    apex = int(np.nanargmax(F)) + 1
    assert EVENT[0] <= apex <= EVENT[1]


def test_mdmd_curve_stride_samples_and_interpolates(face):
    """A strided curve equals the full one on its samples, lies between neighbouring samples
    elsewhere, and stays NaN where a neighbour has no value (no invented motion)."""
    frames, lms = render(face, event=True)
    lms[69] = np.full((68, 2), np.nan)
    full, strided = MDMDCurve(FPS, 12, N), MDMDCurve(FPS, 12, N, stride=3)
    for t in range(N):
        full.push(t + 1, frames[t], lms[t])
        strided.push(t + 1, frames[t], lms[t])
    F, S = full.finish()["F"], strided.finish()["F"]
    on = np.arange(3, N + 1, 3)                      # 1-based sample frames
    np.testing.assert_array_equal(np.isnan(F[on - 1]), np.isnan(S[on - 1]))
    np.testing.assert_allclose(S[on - 1], F[on - 1], equal_nan=True)
    i = 40                                           # frame 41, between samples 39 and 42
    assert S[i] == pytest.approx(F[38] + (2 / 3) * (F[41] - F[38]))
    # same gaps (frames 58 and 70); at the start up to stride − 1 more frames lack a neighbour
    np.testing.assert_array_equal(np.isnan(S[14:]), np.isnan(F[14:]))
    assert np.isnan(S[12:14]).all() and np.isfinite(F[12:14]).all()
    assert np.isnan(S[[57, 69]]).all()
    with pytest.raises(MespotError, match="stride"):
        MDMDCurve(FPS, 12, N, stride=0)


def test_streaming_refusals():
    import cv2

    md = MDMDCurve(FPS, 3, 10)
    with pytest.raises(MespotError, match="in order"):
        md.push(2, np.zeros((8, 8), np.uint8), None)
    with pytest.raises(MespotError, match="grayscale"):
        md.push(1, np.zeros((8, 8, 3), np.uint8), None)
    fp = FlowPeakCurves(FPS, 2, 2)
    fp.push(1, None, None)
    fp.push(2, None, None)
    with pytest.raises(MespotError, match="n_frames"):
        fp.push(3, None, None)
    assert np.isnan(fp.finish()["curve"]).all()
    with pytest.raises(MespotError, match="k must be"):
        MDMDCurve(FPS, 0, 10)
    if not hasattr(cv2, "optflow"):
        with pytest.raises(MespotError, match="opencv-contrib"):
            MDMDCurve(FPS, 3, 10, flow="rlof")
