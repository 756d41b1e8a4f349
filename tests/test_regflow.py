"""regflow: registration of a moving head, local contrast, speech gating."""

from __future__ import annotations

import math

import numpy as np
from conftest import turning_head

from mespot_nb.features.curves import FlowPeakCurves
from mespot_nb.features.regflow import GROUPS, RegFlowFamily, lip_aperture, similarity_fit
from mespot_nb.features.stream import VideoFeatures
from mespot_nb.intervals import iou
from mespot_nb.methods.regflow import contrast, speech_rate, spot

FPS, N = 30, 60


def test_similarity_fit_recovers_a_transform():
    rng = np.random.default_rng(0)
    src = rng.uniform(0, 100, (13, 2))
    a, s, t = math.radians(7), 1.08, np.array([3.0, -2.0])
    R = s * np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    M = similarity_fit(src, src @ R.T + t)
    np.testing.assert_allclose(M[:, :2], R, atol=1e-9)
    np.testing.assert_allclose(M[:, 2], t, atol=1e-9)


def test_registration_removes_a_turning_head_that_flow_peak_keeps(astronaut):
    frames, lms = turning_head(astronaut, N)
    fp, rf = FlowPeakCurves(FPS, None, N), RegFlowFamily(N, FPS, None)
    for t in range(N):
        fp.push(t + 1, frames[t], lms[t])
        rf.push(t + 1, [frames[t]], lms)
    flowpeak = np.nanmedian(fp.finish()["curve"])
    regflow = np.nanmedian(np.nanmax(rf.arrays()["regflow_regions"], axis=1))
    assert regflow < 0.5 * flowpeak, (regflow, flowpeak)
    groups = np.linalg.norm(rf.arrays()["regflow_groups"], axis=2)
    assert np.nanmedian(groups) < 0.2          # crop px: coherent motion is gone too
    ap = rf.arrays()["regflow_aperture"]
    assert np.isfinite(ap).all() and abs(ap[0] - lip_aperture(lms[0])) < 1e-6


def _features(T=300, event=(150, 160), talk=True, seed=0):
    """Synthetic regflow arrays: 0.05 px noise in every group; a 4 Hz, 1 px mouth motion with a
    matching lip aperture throughout (talking); a 0.8 px brow raise over ``event`` (1-based)."""
    rng = np.random.default_rng(seed)
    t = np.arange(T) / FPS
    g = rng.normal(0, 0.05, (T, len(GROUPS), 2))
    ap = np.full(T, 0.05)
    if talk:
        g[:, 2:, 1] += np.abs(np.sin(2 * math.pi * 4 * t))[:, None]
        ap = 0.05 + 0.1 * np.abs(np.sin(2 * math.pi * 4 * t))
    a, b = event
    g[a - 1:b, :2, 1] -= 0.8 * np.sin(np.linspace(0, math.pi, b - a + 1))[:, None]
    return VideoFeatures(FPS, T, {"families": ["regflow"]}, regflow_groups=g.astype(np.float32),
                         regflow_regions=np.full((T, 5), 0.1, np.float32),
                         regflow_aperture=ap.astype(np.float32), regflow_k=np.int64(4))


def test_speech_rate_sees_the_lips_move():
    talking = speech_rate(_features(talk=True).regflow_aperture, FPS)
    quiet = speech_rate(_features(talk=False).regflow_aperture, FPS)
    assert np.nanmin(talking[30:-30]) > 0.5 > np.nanmax(quiet)


def test_regflow_finds_a_brow_event_while_the_person_talks():
    f = _features()
    iv = spot(f, 0.05, {"types": ("micro",)})
    assert len(iv) == 1, iv
    assert iou(int(iv.onset[0]), int(iv.offset[0]), 150, 160) >= 0.5
    # the talking mouth, ungated and with no contrast against its own motion, would fire
    c = contrast(f)
    assert c["talking"][30:-30].all()
    raw = np.linalg.norm(f.regflow_groups, axis=2)
    assert raw[:, 2:].max() > raw[149:160, :2].max()


def test_regflow_is_quiet_on_a_still_face():
    f = _features(talk=False, event=(1, 1))
    assert spot(f, 0.05, {"types": ("micro",)}).empty


def test_a_strided_curve_equals_the_full_one_on_its_samples(astronaut):
    from mespot_nb.features.crops import fill_strided

    frames, lms = turning_head(astronaut, N)
    lms[30] = np.nan                           # a face loss is not bridged
    full, strided = FlowPeakCurves(FPS, None, N), FlowPeakCurves(FPS, None, N, stride=3)
    for t in range(N):
        full.push(t + 1, frames[t], lms[t])
        strided.push(t + 1, frames[t], lms[t])
    F, S = full.finish()["curves"], strided.finish()["curves"]
    k = full.k
    rows = np.arange(0, N - k, 3) + k // 2     # rows of the computed pairs i = 1, 4, 7, …
    np.testing.assert_array_equal(F[rows], S[rows])
    nf, ns = np.isnan(F).all(1), np.isnan(S).all(1)
    assert (ns >= nf).all()                     # nothing invented where a pair had no face
    extra = np.flatnonzero(ns & ~nf)            # only next to an undefined row (≤ stride − 1)
    near = np.flatnonzero(nf)
    assert all(np.abs(near - r).min() <= 2 for r in extra)
    x = np.array([[0.0], [np.nan], [np.nan], [3.0], [np.nan], [np.nan], [9.0]])
    skipped = np.array([False, True, True, False, True, False, False])
    np.testing.assert_allclose(fill_strided(x, skipped)[:, 0], [0, 1, 2, 3, np.nan, np.nan, 9])


def test_micro_peaks_are_the_peaks_above_the_stated_threshold():
    """Peaks pass max(median + p·(max − median), z_min): the threshold notebook 08 draws is the
    one the spotter uses."""
    from mespot_nb.methods.aumatch import DEFAULTS, micro_threshold
    from mespot_nb.methods.regflow import micro_peaks

    z_min = DEFAULTS["z_min"]                 # aumatch's: 2.25 (2.75 before the ninth round)
    score = np.zeros(300)
    for at, h in ((50, z_min - 0.25), (120, 3.5), (200, 10.0)):
        score[at - 2:at + 3] = h * np.array([0.5, 0.8, 1.0, 0.8, 0.5])
    score[10] = np.nan                                    # a frame without a face
    for p, want, thr in ((0.02, [120, 200], z_min), (0.5, [200], 5.0)):
        assert math.isclose(micro_threshold(score, p), thr)
        assert list(micro_peaks(score, 30.0, p, z_min, 0.3)) == want
    assert math.isnan(micro_threshold(np.full(5, np.nan), 0.02))
    assert micro_peaks(np.full(5, np.nan), 30.0, 0.02, z_min, 0.3) is None
