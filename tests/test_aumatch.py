"""aumatch: action-unit amplitudes on registered flow, and the two-sided spotter."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import turning_head

from mespot_nb.expressions import IOD, L_EYE, R_EYE, aus_displacement, profile, talk_template
from mespot_nb.features.aumatch import (LOO_MIN_ROWS, ROWS_SHRINK, SHRINK, TEMPLATES,
                                        AUMatchFamily, eye_openness, lags, leave_out_covariance,
                                        leave_out_rows, noise_covariance, project, raw_moments,
                                        shrinkage, streamed_covariance, templates, with_context)
from mespot_nb.features.stream import VideoFeatures
from mespot_nb.intervals import iou, iou_matrix
from mespot_nb.methods.aumatch import (DEFAULTS, amplitudes, blinks, bumps, spot,
                                       spotted_patterns, talking)

FPS = 30
MICRO = {"types": ("micro",)}


def test_project_recovers_an_action_units_amplitude(astronaut):
    _, lm = astronaut
    tm = templates(lm)
    a = TEMPLATES.index("AU4")
    rng = np.random.default_rng(0)
    d = 1.7 * tm[a] + rng.normal(0, 0.05, tm[a].shape)
    amp = project(d, tm)
    assert amp[a] == pytest.approx(1.7, abs=0.05)
    assert amp[TEMPLATES.index("AU1+AU2")] < 0          # a lowering is not a raise
    d[17:22] = np.nan                                    # a window off the crop is left out
    assert project(d, tm)[a] == pytest.approx(1.7, abs=0.05)


def test_whitening_discounts_the_faces_own_motion(astronaut):
    """A face that talks moves its lips along one pattern again and again; the whitened
    projection learns that pattern from the video's covariance and measures a lip-corner
    depressor (AU15) through it far better than plain least squares, which reads the talking as
    AU15 wherever the two patterns overlap."""
    _, lm = astronaut
    tm = templates(lm)
    a = TEMPLATES.index("AU15")
    rng = np.random.default_rng(1)
    speech = talk_template(lm)                                     # the jaw and lips opening
    n = 900
    talk = rng.normal(0, 2.0, n)                                   # crop px, every frame
    d = talk[:, None, None] * speech + rng.normal(0, 0.1, (n, 68, 2))
    d[400] += 1.5 * tm[a]                                          # one AU15 of 1.5 units
    cov = noise_covariance(d.reshape(n, -1))
    plain = np.array([project(x, tm)[a] for x in d])
    white = np.array([project(x, tm, cov)[a] for x in d])
    quiet = np.delete(np.arange(n), 400)
    assert white[400] == pytest.approx(1.5, abs=0.3)               # still in the template's units
    assert np.std(white[quiet]) < np.std(plain[quiet]) / 5         # the talking is discounted
    z_white = (white[400] - np.median(white)) / np.std(white[quiet])
    z_plain = (plain[400] - np.median(plain)) / np.std(plain[quiet])
    assert z_white > 8 and z_plain < 4                             # in the talking's tail
    d[400, 17:22] = np.nan                                         # a window off the crop
    assert project(d[400], tm, cov)[a] == pytest.approx(white[400], abs=0.3)


def test_noise_covariance_shrinks_by_the_rows_it_has():
    from sklearn.covariance import ShrunkCovariance

    rng = np.random.default_rng(2)
    # 999, 299 and 59 finite rows: the lower bound, 136 / n between the bounds, the upper bound
    for n, alpha in ((1000, ROWS_SHRINK[0]), (300, 136 / 299), (60, ROWS_SHRINK[1])):
        x = rng.normal(0, 1, (n, 136)) * np.linspace(0.1, 2, 136)
        x[0, 5] = np.nan                                           # such a row is left out
        assert shrinkage(n - 1, 136, ROWS_SHRINK) == pytest.approx(alpha)
        assert shrinkage(n - 1) == SHRINK[0] == SHRINK[1] == 0.1    # the default: a fixed 0.1
        for rule, a in ((ROWS_SHRINK, alpha), (SHRINK, 0.1)):
            want = ShrunkCovariance(shrinkage=a).fit(x[1:])
            np.testing.assert_array_equal(noise_covariance(x, rule), want.covariance_)  # bit for bit
    assert noise_covariance(np.full((5, 136), np.nan)) is None


def test_oas_shrinkage_is_scikit_learns():
    """The OAS rule (aumatch's seventh round): the same intensity and matrix as
    ``sklearn.covariance.oas`` (fewer rows than values, many, and strongly correlated ones); it
    whitens more where the rows determine the covariance better, and the streamed sum gives
    the same matrix."""
    from sklearn.covariance import oas

    from mespot_nb.features.aumatch import OAS, oas_shrinkage

    rng = np.random.default_rng(4)
    alphas = []
    for n in (60, 300, 3000):
        x = rng.normal(0, 1, (n, 136)) * np.linspace(0.1, 2, 136)
        x[:, :8] += rng.normal(0, 3, (n, 1))                       # one shared direction
        x[0, 5] = np.nan                                           # such a row is left out
        want, alpha = oas(x[1:])
        emp = np.cov(x[1:].T, bias=1)
        assert oas_shrinkage(emp, n - 1) == pytest.approx(alpha, rel=1e-12)
        assert shrinkage(n - 1, 136, OAS, emp) == pytest.approx(alpha, rel=1e-12)
        np.testing.assert_allclose(noise_covariance(x, OAS), want, rtol=1e-10, atol=1e-12)
        alphas.append(alpha)
    assert alphas[0] > alphas[1] > alphas[2] and 0 < alphas[2] < 0.1
    d = x[:, None, :]
    streamed = streamed_covariance(lambda: (d[a:a + 500] for a in range(0, len(d), 500)), OAS)
    np.testing.assert_allclose(streamed[0], want, rtol=1e-10, atol=1e-12)
    with pytest.raises(ValueError, match="oas"):
        shrinkage(100, 136, "ledoit")
    with pytest.raises(ValueError, match="oas"):
        shrinkage(100, 136, ("ledoit", 0.0, 1.0), emp)
    # within bounds: OAS's own intensity where it lies between them, else the bound
    assert shrinkage(n - 1, 136, (OAS, 0.0, 1.0), emp) == pytest.approx(alpha, rel=1e-12)
    assert shrinkage(n - 1, 136, (OAS, 0.2, 1.0), emp) == 0.2
    assert shrinkage(59, 136, (0.1, 0.1)) == shrinkage(5000, 136, (0.1, 0.1)) == 0.1


def test_the_families_version_is_in_the_feature_cache_key(tmp_path):
    """aumatch's amplitudes changed (version 2: whitened; 3: a long video's covariance summed
    over blocks from disk; 4: the eyes' openness kept; 5: the covariance shrunk by a fixed 0.1;
    6: the leave-out amplitudes too): its features get a new cache entry, and features without
    it keep theirs."""
    from dataclasses import asdict

    from mespot_nb.face import FACE_VERSION, TrackParams
    from mespot_nb.features import FeatureParams
    from mespot_nb.features.common import family_versions
    from mespot_nb.features.stream import FEATURES, features_cache_path

    class Src:
        fps = 30.0

        def identity(self):
            return {"path": "v.mp4", "size": 1, "mtime": 0}

    tp = TrackParams()
    assert family_versions(("regflow", "aumatch")) == {"aumatch": AUMatchFamily.version} \
        == {"aumatch": 6}
    for fams, versioned in ((("regflow",), False), (("regflow", "aumatch"), True)):
        fp = FeatureParams(families=fams)
        plain = FEATURES.path(tmp_path, Src().identity(),
                              dict(f=asdict(fp), t=tp.key(), face=FACE_VERSION, fps=30.0),
                              "v")
        assert (features_cache_path(tmp_path, Src(), fp, tp, "v") != plain) is versioned


def _brow_raise_on_a_turning_head(face, n=60, event=(25, 36), amp=4.0):
    """The turning head of ``turning_head`` with a brow raise (AU1+AU2, ``amp`` px at a face
    with 92 px between the eyes) rendered over ``event`` (1-based frames), as
    :func:`mespot_nb.insert.insert_expressions` renders one."""
    from mespot_nb.insert import _warp_real

    frames, lms = turning_head(face, n)
    a, b = event
    prof = profile(b - a + 1, (b - a) // 2)
    for j in range(a, b + 1):
        lm = lms[j - 1]
        iod = np.linalg.norm(lm[R_EYE].mean(0) - lm[L_EYE].mean(0))
        d = prof[j - a] * amp * iod / IOD * aus_displacement("AU1+AU2", lm)
        frames[j - 1] = _warp_real(frames[j - 1], lm, d, 0.12 * iod)
    return frames, lms


def _family(frames, lms, shrink=None):
    fam = AUMatchFamily(len(frames), FPS, None)
    if shrink is not None:
        fam.shrink = shrink
    for t in range(len(frames)):
        fam.push(t + 1, [frames[t]], lms)
    arr = fam.arrays()
    return VideoFeatures(FPS, len(frames), {"families": ["aumatch"]}, **arr)


@pytest.fixture(scope="module")
def raise_150(astronaut):
    """The family's features of a 150-frame turning head with one brow raise (frames 25-36)."""
    return _family(*_brow_raise_on_a_turning_head(astronaut, n=150))


def test_the_family_measures_a_brow_raise_through_a_turning_head(astronaut, raise_150):
    """Unwhitened (shrinkage 1: plain least squares), the amplitude reads the raise in crop
    pixels and little else; whitened (the default), the spotter finds it and nothing else."""
    f = _family(*_brow_raise_on_a_turning_head(astronaut), shrink=(1.0, 1.0))
    a = TEMPLATES.index("AU1+AU2")
    assert list(f.aumatch_lags) == list(lags(FPS)) == [4, 5, 6]
    apex = 30                                  # frame 30: the raise's apex
    # 4 px at IOD 92 is 2.1 px at the brows' landmarks in the 48 px crop; the flow's mean over
    # each landmark's window, where the warp fades towards the pinned eyes, reads about 0.4 of it
    assert f.aumatch_amp[apex - 1, :, a].min() > 0.75
    q = bumps(f)["q"]                          # both sides: the apex against before and after
    assert np.nanmax(q[apex - 3:apex + 2, :, a]) > 0.75
    # away from the event, the turn and the landmarks' jitter leave a sixth of that
    quiet = np.r_[0:18, 44:54]
    assert np.nanmax(np.abs(f.aumatch_amp[quiet, :, a])) < 0.125
    # under the rule before the ninth round (the lags' largest z, z_min 2.75) the raise is the
    # one interval; under today's (their median, 2.25) the clip's first frame with a z may pass
    # too (frame 5: only the shortest lag has a baseline there, so the "median" is that one
    # lag's z, about 2.25), far below the raise
    assert len(spot(f, 0.02, {**MICRO, "lag_q": 1.0, "talk_lag_q": 1.0, "z_min": 2.75})) == 1
    iv = spot(f, 0.02, MICRO)
    edge = (iv.offset <= 11) & (iv.score < 0.1)
    assert len(iv[~edge]) == 1 and edge.sum() <= 1, iv
    iv = iv[~edge].reset_index(drop=True)
    assert iou(int(iv.onset[0]), int(iv.offset[0]), 25, 36) >= 0.5
    # what it matched: the brow raise's pattern, peaking inside the raise
    truth = pd.DataFrame({"onset": [25], "offset": [36], "type": ["micro"]})
    row = spotted_patterns(f, iv, truth).iloc[0]
    assert row["pattern"] == "AU1+AU2" and 25 <= row["peak"] <= 36
    assert row["best IoU"] >= 0.5 and row["peak z"] >= 3.0
    # whitened, in a 5 s clip: here the raise is most of what moves, so the covariance learns
    # its own pattern and its amplitude shrinks (a real face's own motion dominates C instead).
    # Shrunk by the rule before the eighth round (136 / n within 0.3-0.9: 0.9 for these 150
    # rows) it still stands out against both sides; the whitening spreads some of it into the
    # mouth's patterns, whose own peak (half the brows' z) makes a second interval over the
    # same raise: nothing is spotted away from it
    f = _family(*_brow_raise_on_a_turning_head(astronaut, n=150), shrink=ROWS_SHRINK)
    iv = spot(f, 0.02, MICRO)
    assert 1 <= len(iv) <= 2, iv
    top = iv.loc[iv.score.idxmax()]
    assert iou(int(top.onset), int(top.offset), 25, 36) >= 0.5
    rows = spotted_patterns(f, iv).set_index(["onset", "offset"])
    assert rows.loc[(int(top.onset), int(top.offset)), "pattern"] == "AU1+AU2"
    # shrunk by the default's fixed 0.1 (the eighth round), the whole clip's covariance, in a
    # clip in which nothing but the raise moves, whitens the raise away: its z falls from about
    # 11 to about 1 and nothing is spotted (the defaults before the twelfth round, which read
    # the whole clip's covariance on every video; since then a silent video reads the leave-out
    # one: the next test)
    f = raise_150
    whole = {"loo_talk_max": -1.0}
    assert np.nanmax(bumps(f, whole)["z"][24:37, a]) < 2.0
    assert spot(f, 0.02, {**MICRO, **whole}).empty
    for r in rows.drop(index=(int(top.onset), int(top.offset))).itertuples():
        assert r.pattern in ("AU12", "AU14", "AU15", "AU10") and 25 <= r.peak <= 36, rows


def test_leaving_the_neighbourhood_out_keeps_a_still_faces_expression(raise_150):
    """The clip above whose covariance whitens its one raise away: whitened by the covariance
    of the rest of the clip (each 0.2 s block's ± 0.5 s left out, ``aumatch_amp_loo``), the
    raise keeps its amplitude and is the one interval spotted; the method reads those
    amplitudes only where the person hardly talks (``loo_talk_max``, by default since the
    twelfth round: 5 % of the frames; -1, never)."""
    f = raise_150
    a = TEMPLATES.index("AU1+AU2")
    apex = 30
    assert f.aumatch_amp_loo.shape == f.aumatch_amp.shape
    assert np.array_equal(np.isfinite(f.aumatch_amp_loo), np.isfinite(f.aumatch_amp))
    whole, loo = f.aumatch_amp[apex - 1, :, a], f.aumatch_amp_loo[apex - 1, :, a]
    assert (loo > 3 * whole).all() and loo.min() > 0.5, (whole, loo)
    # away from the raise, each frame's own block is in the covariance either way: alike
    quiet = np.r_[60:140]
    np.testing.assert_allclose(f.aumatch_amp_loo[quiet], f.aumatch_amp[quiet], atol=0.05)
    on = {"loo_talk_max": 0.05}
    assert amplitudes(f, on)[1] and amplitudes(f)[1]            # the default reads them
    assert not amplitudes(f, {"loo_talk_max": -1.0})[1]
    assert np.nanmax(bumps(f, on)["z"][24:37, a]) > 4.0
    iv = spot(f, 0.02, MICRO)
    assert len(iv) == 1 and iou(int(iv.onset[0]), int(iv.offset[0]), 25, 36) >= 0.5, iv
    # a person who talks (the inner lips opening and closing at 4 Hz on the whole clip) keeps
    # the whole video's covariance, as does a threshold below 0
    t = np.arange(f.n_frames) / FPS
    talks = VideoFeatures(FPS, f.n_frames, {"families": ["aumatch", "regflow"]},
                          **f.arrays, regflow_aperture=0.15 + 0.1 * np.sin(2 * np.pi * 4 * t))
    assert talking(talks.regflow_aperture, FPS).mean() > 0.9
    assert not amplitudes(talks, on)[1] and not amplitudes(talks)[1]
    assert amplitudes(talks, {"loo_talk_max": 1.0})[1]
    # the gate's speech bar (``talk_rate``: 0.35 since the twelfth round, regflow's 0.5 before):
    # lips whose speech rate lies between the two count as talking for aumatch, not for regflow
    from mespot_nb.methods.regflow import DEFAULTS as REGFLOW
    from mespot_nb.methods.regflow import speech_rate

    soft = VideoFeatures(FPS, f.n_frames, {"families": ["aumatch", "regflow"]},
                         **f.arrays, regflow_aperture=0.15 + 0.027 * np.sin(2 * np.pi * 4 * t))
    rate = speech_rate(soft.regflow_aperture, FPS, DEFAULTS["talk_window_s"])
    assert DEFAULTS["talk_rate"] == 0.35 < rate.min() <= rate.max() < REGFLOW["speech_rate"]
    assert not amplitudes(soft)[1] and amplitudes(soft, {"talk_rate": 0.5})[1]


def test_the_leave_out_covariance_is_that_of_the_other_rows():
    """From the whole set's sums, the covariance with some rows left out is
    :func:`noise_covariance` of the rest (rows with a NaN count in neither); with fewer than
    :data:`LOO_MIN_ROWS` rows left it is the whole set's."""
    rng = np.random.default_rng(5)
    d = rng.normal(0, 1, (300, 2, 12)) * rng.uniform(0.3, 2, 12) + 1.0
    d[rng.choice(300, 30, replace=False), 1, 4] = np.nan
    mom = raw_moments(d[a:a + 70] for a in range(0, 300, 70))
    for c in range(2):
        whole = noise_covariance(d[:, c])
        out = leave_out_covariance(mom, c, d[100:140, c], whole)
        rest = np.concatenate([d[:100, c], d[140:, c]])
        np.testing.assert_allclose(out, noise_covariance(rest), rtol=1e-9, atol=1e-9)
        assert leave_out_covariance(mom, c, d[:300 - LOO_MIN_ROWS + 1, c], whole) is whole
    assert raw_moments(iter([])) is None


@pytest.mark.parametrize("n_rows", [30, 90])
def test_the_woodbury_projection_is_the_explicit_one(n_rows):
    """:func:`leave_out_rows` (one small system a run) gives the amplitudes of projecting each
    row through its run's :func:`leave_out_covariance` (``basis`` None), to rounding — with rows
    partly off the crop, rows without landmarks, runs at the ends and, in a 30-row video, runs
    whose window leaves too few rows (the whole video's amplitudes kept)."""
    rng = np.random.default_rng(8)
    dim, n_a = 136, len(TEMPLATES)
    x = rng.normal(0, 1, (n_rows, dim)) * rng.uniform(0.2, 2, dim)
    x[rng.choice(n_rows, 4, replace=False)] = np.nan                  # no face
    part = rng.choice(n_rows, 3, replace=False)
    x[part, 10:14] = np.nan                                           # a window off the crop
    t = rng.normal(0, 1, (n_rows, n_a, dim))
    t[~np.isfinite(x).any(axis=1)] = np.nan
    mom = raw_moments([x[:, None]])
    mom_c = (mom[0][0], mom[1][0], mom[2][0])
    cov = noise_covariance(x)
    whole = np.stack([project(x[r], t[r].reshape(n_a, 68, 2), cov) if np.isfinite(x[r]).any()
                      else np.full(n_a, np.nan) for r in range(n_rows)])
    args = (x, 0, 0, t, whole, mom_c)
    fast = leave_out_rows(*args, np.linalg.eigh(mom_c[2]), 6, 15, n_rows, SHRINK, cov)
    slow = leave_out_rows(*args, None, 6, 15, n_rows, SHRINK, cov)
    assert np.array_equal(np.isfinite(fast), np.isfinite(whole))
    np.testing.assert_allclose(fast, slow, rtol=1e-9, atol=1e-9)
    # a run by hand: rows 12-17, window 0-32
    c_loo = leave_out_covariance(mom, 0, x[:33, None][:, 0], cov)
    for r in range(12, 18):
        if np.isfinite(x[r]).any():
            np.testing.assert_allclose(fast[r], project(x[r], t[r].reshape(n_a, 68, 2), c_loo),
                                       rtol=1e-9, atol=1e-9)
    changed = np.abs(fast - whole) > 1e-6
    if n_rows == 30:                          # every window leaves under 20 rows: the whole's
        assert not changed.any()
    else:
        assert changed[np.isfinite(whole)].mean() > 0.9


@pytest.mark.parametrize("block", [1, 4, 7, 16, 100])
def test_runs_with_context_cover_every_row_across_blocks(block):
    """Runs of 6 rows with 5 rows either side, from blocks of any size: every row once, in
    order, each run's context the rows around it."""
    rows = np.arange(53, dtype=np.float32)[:, None]
    blocks = ((a, rows[a:a + block]) for a in range(0, 53, block))
    seen = []
    for r0, r1, c0, ctx in with_context(blocks, 53, 6, 5):
        seen += list(range(r0, r1))
        assert r1 - r0 == min(6, 53 - r0)
        lo, hi = max(0, r0 - 5), min(53, r1 + 5)
        np.testing.assert_array_equal(ctx[lo - c0:hi - c0, 0], np.arange(lo, hi))
    assert seen == list(range(53))


def _amps(position, seed=0, noise=0.05, template="AU4", more=None):
    """aumatch arrays of a face whose ``template`` amplitude follows ``position`` (T,) crop px
    (and each template of ``more`` its own), with ``noise`` px of per-frame measurement noise in
    every template."""
    T = len(position)
    rng = np.random.default_rng(seed)
    pos = rng.normal(0, noise, (T, len(TEMPLATES)))
    for name, x in {template: position, **(more or {})}.items():
        pos[:, TEMPLATES.index(name)] += x
    L = np.array(lags(FPS))
    amp = np.full((T, len(L), len(TEMPLATES)), np.nan, np.float32)
    for c, l in enumerate(L):
        amp[l:, c] = pos[l:] - pos[:-l]
    return VideoFeatures(FPS, T, {"families": ["aumatch"]}, aumatch_amp=amp,
                         aumatch_lags=L.astype(np.int64))


def _bump(T, a, b, height):
    x = np.zeros(T)
    x[a - 1:b] = height * profile(b - a + 1, (b - a) // 2)
    return x


def test_a_brief_rise_and_fall_is_found_and_a_lasting_change_is_not():
    T, a4 = 600, TEMPLATES.index("AU4")
    f = _amps(_bump(T, 300, 311, 0.5))
    found = spot(f, 0.02, MICRO)
    top = found.loc[found.score.idxmax()]
    assert iou(int(top.onset), int(top.offset), 300, 311) >= 0.5
    b = bumps(f)
    brief = np.nanmax(b["z"][295:316, a4])
    assert brief > 5
    pk = int(top.onset + top.offset) // 2 - 1   # the peak's row: the pattern it matched is AU4's
    assert b["au"][pk] == a4
    step = np.zeros(T)
    step[300:] = 0.5                           # the same rise, held: a new pose or expression
    assert np.nanmax(bumps(_amps(step))["z"][290:330, a4]) < DEFAULTS["z_min"]
    # the opposite direction is another action unit's pattern: it stands out far less than the
    # brief movement in this pattern's own direction (its return, measured against the side
    # still away from the baseline, reaches z 3.3 here with the smoothing: README "Known
    # limitations")
    assert np.nanmax(bumps(_amps(-_bump(T, 300, 311, 0.5)))["z"][290:330, a4]) < brief / 3


def test_smoothing_in_time_finds_faint_bumps_in_frame_to_frame_noise():
    """Eleven faint brow lowerings (0.3 px, 12 frames) in 0.15 px of flow noise that is new in
    every frame pair (as a compressed video's): averaging each lag's amplitudes over 0.1 s
    (3 frames) finds more of them than each frame on its own — with no more other intervals
    under the rule it was chosen with (the fifth round: the lags' largest z, ``z_min`` 2.75),
    at a higher F1 under today's (the lags' median, 2.25); frames without a face stay without
    a score."""
    T = 1800
    starts = np.arange(100, T - 100, 150)
    truth = np.c_[starts, starts + 11]
    rules = {"fifth": {"lag_q": 1.0, "talk_lag_q": 1.0, "z_min": 2.75}, "now": {}}
    got = {(r, sm): [0, 0] for r in rules for sm in (0.0, 0.1)}
    for seed in range(5):
        f = _amps(sum(_bump(T, a, a + 11, 0.3) for a in starts))
        noise = np.random.default_rng(seed).normal(0, 0.15, f.aumatch_amp.shape)
        f.arrays["aumatch_amp"] = (f.aumatch_amp + noise).astype(np.float32)
        for r, sm in got:
            iv = spot(f, 0.02, {**MICRO, **rules[r], "smooth_s": sm})
            m = iou_matrix(iv[["onset", "offset"]].to_numpy(), truth)
            got[r, sm][0] += int((m >= 0.5).any(axis=0).sum())
            got[r, sm][1] += int((m.max(axis=1, initial=0) < 0.5).sum())
    n = 5 * len(starts)
    f1 = {k: 2 * tp / (tp + fp + n) for k, (tp, fp) in got.items()}
    for r in rules:
        assert got[r, 0.1][0] >= got[r, 0.0][0] + 5, got
    assert got["fifth", 0.1][1] <= got["fifth", 0.0][1], got
    assert f1["now", 0.1] > f1["now", 0.0] + 0.1, f1
    # the frame scores (ROC, `mespot spot`'s timeline) follow the settings too
    from mespot_nb.methods.aumatch import frame_scores

    assert frame_scores(f, {"smooth_s": 0.1}).equals(frame_scores(f))   # 0.1 s is the default
    assert not np.allclose(frame_scores(f, {"smooth_s": 0.0})["score"], frame_scores(f)["score"])
    f.arrays["aumatch_amp"][500:540] = np.nan
    z = bumps(f, {"smooth_s": 0.1})["z"]
    assert np.isnan(z[500:540]).all() and np.isfinite(z[600:700]).all()


def test_a_peak_in_one_region_does_not_hide_one_in_the_other(monkeypatch):
    """A lip corner's micro-expression (AU15, frames 300–311) and a larger brow movement five
    frames later (a blink's pull on the brows, say): each region keeps its own peak, so both are
    spotted; with one region for all the templates the brows' peak would hide the mouth's."""
    import mespot_nb.methods.aumatch as am

    T = 600
    f = _amps(_bump(T, 300, 311, 0.5), template="AU15",
              more={"AU1+AU2": _bump(T, 305, 316, 1.5)})

    def found(iv):
        return [any(iou(int(r.onset), int(r.offset), a, b) >= 0.5 for r in iv.itertuples())
                for a, b in ((300, 311), (305, 316))]

    assert found(spot(f, 0.02, MICRO)) == [True, True]
    peaks = am.region_peaks(bumps(f)["z"], FPS, 0.02)      # 0-based rows
    near = [k for k in peaks if 290 <= k <= 320]   # (the brows' return passes at 330: z 2.5)
    assert len(near) == 2 and 299 <= near[0] < near[1] <= 315
    # each interval names the pattern of its own region's peak, not the higher one beside it
    iv = spot(f, 0.02, MICRO)
    rows = spotted_patterns(f, iv[(iv.offset >= 300) & (iv.onset <= 316)])
    assert list(rows.pattern) == ["AU15", "AU1+AU2"], rows
    assert list(rows.peak) == [k + 1 for k in near]
    import mespot_nb.methods.aumatch_peaks as ap
    monkeypatch.setattr(ap, "REGIONS", {"face": TEMPLATES})
    assert found(spot(f, 0.02, MICRO)) == [False, True]
    # an interval from elsewhere over frames without a face matches nothing, and says so
    f.arrays["aumatch_amp"][100:130] = np.nan
    other = pd.DataFrame({"onset": [105], "offset": [115], "type": ["micro"]})
    row = spotted_patterns(f, other).iloc[0]
    assert row["peak"] == 0 and np.isnan(row["peak z"]) and row["pattern"] == ""


def test_twin_peaks_of_the_two_regions_give_one_interval():
    """One movement that reaches both regions' patterns (a lip corner's, with an echo in the
    brows; their peaks 3 frames apart): two peaks and two nearly identical intervals, one of
    them a false positive; with ``merge_s`` (0.15 s by default since the thirteenth round: 4
    frames at 30 fps; 0.1 s, 3 frames, before) only the higher is kept, and it still finds the
    movement. Peaks 4 frames apart are twins by default and were not before; peaks further
    apart than ``merge_s`` (the third round's five frames) stay apart."""
    from mespot_nb.methods.aumatch import merge_twins

    T = 600
    f = _amps(_bump(T, 300, 311, 1.0), template="AU15",
              more={"AU1+AU2": _bump(T, 302, 313, 0.6)})

    def near(iv):
        return iv[(iv.offset >= 295) & (iv.onset <= 318)]

    two, one = near(spot(f, 0.02, {**MICRO, "merge_s": 0})), near(spot(f, 0.02, MICRO))
    assert DEFAULTS["merge_s"] == 0.15 and len(two) == 2 and len(one) == 1
    assert iou(int(one.onset.iloc[0]), int(one.offset.iloc[0]), 300, 311) >= 0.5
    assert list(spotted_patterns(f, one, settings={"merge_s": 0.1}).pattern) == ["AU15"]
    # five frames apart: merge_s 0.1 s (3 frames at 30 fps) keeps both
    g = _amps(_bump(T, 300, 311, 0.5), template="AU15",
              more={"AU1+AU2": _bump(T, 305, 316, 1.5)})
    assert len(near(spot(g, 0.02, {**MICRO, "merge_s": 0.1}))) == 2
    assert len(near(spot(g, 0.02, {**MICRO, "merge_s": 0.2}))) == 1
    # four frames apart: twins under the default (round(0.15 · 30) = 4), apart under 0.1
    h = _amps(_bump(T, 300, 311, 0.5), template="AU15",
              more={"AU1+AU2": _bump(T, 304, 315, 1.5)})
    assert len(near(spot(h, 0.02, MICRO))) == 1
    assert len(near(spot(h, 0.02, {**MICRO, "merge_s": 0.1}))) == 2
    # greedy from the highest; ties keep the earlier; 0 frames merges only the same frame
    pk = [(10, 0, 3.0), (12, 4, 5.0), (14, 1, 4.0), (30, 2, 3.0), (32, 3, 3.0)]
    assert merge_twins(pk, 2) == [(12, 4, 5.0), (30, 2, 3.0)]
    assert merge_twins(pk, 0) == pk


def test_a_regions_own_bar_passes_only_what_stands_out_among_its_peaks():
    """Speech-like mouth z (a chance peak every 0.4 s, heights 2.4–2.9) and one higher event
    (6): with one bar for both regions every chance peak above ``z_min`` is spotted; with
    ``region_q`` 0.85 the mouth's bar rises to the 85th percentile of its peaks and the event
    is nearly alone. The quiet brows keep the common bar, so their faint event (2.6) is still
    found; a region whose every peak is high is held to ``region_cap``, not silenced."""
    from mespot_nb.methods.aumatch import (_peaks, micro_threshold, region_bars, region_curves,
                                           region_threshold)

    T, fps = 900, 30.0
    rng = np.random.default_rng(0)
    z = np.full((T, len(TEMPLATES)), -1.0)
    tri = np.array([0.25, 0.6, 1.0, 0.6, 0.25])

    def bumps_at(col, starts, heights):
        for k, h in zip(starts, heights):
            z[k:k + 5, TEMPLATES.index(col)] = np.maximum(z[k:k + 5, TEMPLATES.index(col)], h * tri)

    speech = np.arange(10, T - 10, 12)
    bumps_at("AU10", speech, rng.uniform(2.4, 2.9, len(speech)))
    bumps_at("AU12", [448], [6.0])                      # the event, at row 450
    brows = np.arange(16, T - 10, 15)
    bumps_at("AU4", brows, rng.uniform(0.2, 1.0, len(brows)))
    bumps_at("AU1+AU2", [302], [2.6])                    # a faint brow event, at row 304
    s = {**DEFAULTS, "region_q": 0.0, "merge_s": 0.0}

    def rows(settings):
        return [k for k, _, _ in _peaks(z, fps, 0.02, settings)]

    assert DEFAULTS["region_q"] == 0.85                   # the tenth round's
    off = rows(s)
    assert 450 in off and 304 in off and len(off) > 60
    on = rows({**s, "region_q": 0.85})
    assert 450 in on and 304 in on and len(on) < 0.25 * len(off), len(on)
    mouth = region_curves(z)["mouth"]
    assert 2.75 < region_threshold(mouth, 9, {"region_q": 0.85}) < 2.9
    # the quiet brows keep the common bar; region_q 0 is one bar for both, as before
    common = micro_threshold(z.max(axis=1), 0.02)
    bars = region_bars(z, fps, 0.02, {**s, "region_q": 0.85})
    assert bars["brows"] == common == 2.25 and 2.75 < bars["mouth"] < 2.9
    assert region_bars(z, fps, 0.02, s) == {"brows": common, "mouth": common}
    # every mouth peak high (a clip full of expressions): the bar stops at region_cap
    z[:, TEMPLATES.index("AU10")] += 2.0
    capped = rows({**s, "region_q": 0.85, "region_cap": 3.0})
    assert len(capped) >= len(off) - 2
    assert region_threshold(np.full(T, -1e9), 9, {"region_q": 0.85}) == -np.inf


def test_eye_openness_reads_a_blink_and_the_family_keeps_it(astronaut):
    _, lm = astronaut
    open_ = eye_openness(lm)
    assert 0.15 < open_ < 0.5
    shut = lm.astype(np.float64).copy()
    for e in (R_EYE, L_EYE):                   # the lids meet on the line through the corners
        mid = (shut[e[0]] + shut[e[3]]) / 2
        shut[[e[1], e[2], e[4], e[5]], 1] = mid[1]
    assert eye_openness(shut) < 0.2 * open_
    assert eye_openness(2.5 * lm) == pytest.approx(open_)        # no unit: the scale drops out
    frames, lms = turning_head(astronaut, 12)
    lms = lms.astype(np.float64)
    lms[5] = np.nan                                               # no face on frame 6
    eyes = _family(frames, lms).aumatch_eyes
    assert eyes.shape == (12,) and np.isnan(eyes[5])
    assert np.allclose(eyes[[0, 11]], [eye_openness(lms[0]), eye_openness(lms[11])], atol=1e-6)


def _blinking(T, shut_at, open_=0.3):
    """Eyes' openness (T,): open, and shut to a fifth of it for 0.1 s around each frame of
    ``shut_at`` (1-based)."""
    e = np.full(T, open_)
    for k in shut_at:
        e[k - 2:k + 1] = open_ / 5
    return e


def test_a_blink_silences_the_brows_there_and_nothing_else():
    """A brow movement (AU4, frames 300–311) on a blink is a blink's pull, not an expression:
    with ``blink_weight`` 0 it is not spotted; the same movement without a blink (frames
    500–511) and a lip corner's on the blink (AU15, frames 100–111) still are."""
    T = 700
    f = _amps(_bump(T, 300, 311, 0.5) + _bump(T, 500, 511, 0.5),
              more={"AU15": _bump(T, 100, 111, 0.5)})
    f.arrays["aumatch_eyes"] = _blinking(T, [106, 305])

    def found(settings):
        iv = spot(f, 0.02, {**MICRO, **settings})
        return [any(iou(int(r.onset), int(r.offset), a, b) >= 0.5 for r in iv.itertuples())
                for a, b in ((100, 111), (300, 311), (500, 511))]

    assert found({}) == [True, True, True]                  # the default weighs nothing
    assert found({"blink_weight": 0.0}) == [True, False, True]
    b = bumps(f, {"blink_weight": 0.0})
    near = np.flatnonzero(b["blink"]) + 1
    assert set(range(104, 107)) <= set(near) and set(range(303, 306)) <= set(near)
    assert not b["blink"][450:].any()
    # a weight lowers how far a pattern stands out; it does not lift a dip towards 0
    z1, z0 = bumps(f)["z"], b["z"]
    a4 = TEMPLATES.index("AU4")
    dips = np.flatnonzero(b["blink"] & (z1[:, a4] < 0))
    assert len(dips) and np.array_equal(z0[dips, a4], z1[dips, a4])
    # the blink is against this person's own open eyes: narrower eyes are no blink
    assert not blinks(np.full(T, 0.12), FPS).any()
    assert blinks(_blinking(T, [200]), FPS, {"blink_pad_s": 0.0}).sum() == 3
    # a clip shorter than the padding keeps its length; frames without a face are never a blink
    short = blinks(np.array([0.3, 0.3, 0.05, 0.3, np.nan]), FPS)
    assert short.shape == (5,) and short[:4].all()
    assert not blinks(np.full(40, np.nan), FPS).any()


def test_talking_weighs_the_mouths_patterns_only():
    """While the lips open and close 4 times a second (frames 1–400), a lip corner's movement
    the size of the talk's own counts ``talk_weight`` of its z, and a brow's counts in full."""
    T = 700
    f = _amps(_bump(T, 200, 211, 0.4) + _bump(T, 550, 561, 0.4),
              more={"AU15": _bump(T, 300, 311, 0.12)})
    t = np.arange(T) / FPS
    f.arrays["regflow_aperture"] = np.where(t < 400 / FPS, 0.1 + 0.08 * np.sin(2 * np.pi * 4 * t),
                                            0.02)
    talk = talking(f.regflow_aperture, FPS)
    assert talk[20:380].all() and not talk[430:].any()
    z1 = bumps(f)["z"]
    zw = bumps(f, {"talk_weight": 0.5})["z"]
    mouth = [TEMPLATES.index(n) for n in ("AU12", "AU14", "AU15", "AU10")]
    brows = [TEMPLATES.index(n) for n in ("AU1+AU2", "AU4")]
    inside = z1[20:380, mouth]
    assert np.allclose(zw[20:380, mouth], np.where(inside > 0, 0.5 * inside, inside),
                       equal_nan=True)
    assert np.allclose(zw[:, brows], z1[:, brows], equal_nan=True)
    assert np.allclose(zw[430:], z1[430:], equal_nan=True)
    peak = np.nanmax(z1[295:316, TEMPLATES.index("AU15")])
    assert DEFAULTS["z_min"] < peak < 2 * DEFAULTS["z_min"], peak   # above the bar, not twice

    def found(settings):
        iv = spot(f, 0.02, {**MICRO, **settings})
        return [any(iou(int(r.onset), int(r.offset), a, b) >= 0.5 for r in iv.itertuples())
                for a, b in ((200, 211), (300, 311), (550, 561))]

    assert found({}) == [True, True, True]
    assert found({"talk_weight": 0.5}) == [True, False, True]


def test_the_lags_median_ignores_one_lags_match_and_talk_lag_q_acts_while_talking():
    """A brief brow lowering (frames 300–311) stands out at all three lags; a two-sided blip at
    the shortest lag alone (frame 500: as one lag's match with the rhythm of speech) stands out
    at that lag only. The largest z over the lags (the default before the ninth round) passes
    both; their median (``lag_q`` 0.5, the default now) only the brow's; ``talk_lag_q`` takes
    its quantile only while the person talks (frames 400–600 here)."""
    T, a4 = 800, TEMPLATES.index("AU4")
    f = _amps(_bump(T, 300, 311, 0.5))
    L0 = int(f.aumatch_lags[0])
    f.arrays["aumatch_amp"][498:503, 0, a4] += 0.5
    f.arrays["aumatch_amp"][498 + L0:503 + L0, 0, a4] -= 0.5
    assert DEFAULTS["lag_q"] == DEFAULTS["talk_lag_q"] == 0.5          # the ninth round's
    largest = {"lag_q": 1.0, "talk_lag_q": 1.0}
    zmax, zmed = bumps(f, largest)["z"][:, a4], bumps(f)["z"][:, a4]
    assert np.nanmax(zmax[490:510]) > 2 * DEFAULTS["z_min"]
    assert np.nanmax(zmed[490:510]) < DEFAULTS["z_min"]
    assert np.nanmax(zmed[295:316]) > 2 * DEFAULTS["z_min"]
    assert (zmed <= zmax + 1e-9)[np.isfinite(zmax)].all()
    t = np.arange(T)
    f.arrays["regflow_aperture"] = np.where((t >= 400) & (t < 600),
                                            0.1 + 0.08 * np.sin(2 * np.pi * 4 * t / FPS), 0.02)
    b = bumps(f, {"lag_q": 1.0})
    talk = b["talking"]
    assert talk[420:580].all() and not talk[:380].any() and not talk[620:].any()
    assert np.allclose(b["z"][talk, a4], zmed[talk], equal_nan=True)
    assert np.allclose(b["z"][~talk, a4], zmax[~talk], equal_nan=True)
    # without the lips' aperture (features built by hand) no frame is talking: ``lag_q`` alone
    del f.arrays["regflow_aperture"]
    assert np.allclose(bumps(f, {"lag_q": 1.0})["z"][:, a4], zmax, equal_nan=True)


def test_the_lags_quantile_is_numpys_to_the_bit():
    """``_over_lags`` is numpy's ``nanquantile`` (linear) over the lags, NaN lags left out, all-NaN
    rows NaN — vectorised, because numpy's loops in Python over the rows when NaNs are present
    (half a minute for an hour of 30 fps video)."""
    from mespot_nb.methods.aumatch import _over_lags

    rng = np.random.default_rng(0)
    zl = rng.normal(size=(4000, 3, len(TEMPLATES)))
    zl[rng.random(zl.shape) < 0.3] = np.nan
    zl[:5] = np.nan                                        # no lag at all: NaN
    for q in (0.0, 0.25, 0.5, 0.8, 1.0):
        with np.errstate(invalid="ignore"), pytest.warns(RuntimeWarning):
            want = np.nanquantile(zl, q, axis=1)
        assert np.array_equal(_over_lags(zl, q), want, equal_nan=True), q


def test_motion_around_it_raises_the_bar():
    """A face that moves a lot (0.4 px of random motion every frame for the first ten seconds)
    sets its own bar there: the 0.5 px bump drowns, the same bump later on a still face does
    not."""
    T = 900
    rng = np.random.default_rng(3)
    busy = np.zeros(T)
    busy[:300] = np.cumsum(rng.normal(0, 0.4, 300)) * 0.3
    x = busy + _bump(T, 150, 161, 0.5) + _bump(T, 600, 611, 0.5)
    iv = spot(_amps(x), 0.02, MICRO)
    top = iv.loc[iv.score.idxmax()]
    assert iou(int(top.onset), int(top.offset), 600, 611) >= 0.5
    z = bumps(_amps(x))["score"]
    assert np.nanmax(z[590:620]) > 2 * np.nanmax(z[140:170])


def test_high_frame_rates_sample_at_half_the_curve_rate(astronaut):
    """At 200 fps aumatch computes every 8th frame (25 Hz, half ``curve_hz``) — the same
    displacements there as computing every frame (the amplitudes differ as the covariance of the
    rows each has does) — and interpolates between; at 30 fps it computes them all."""
    from types import SimpleNamespace

    frames, lms = turning_head(astronaut, 60)
    fams = {hz: AUMatchFamily(60, 200, SimpleNamespace(curve_hz=hz)) for hz in (0.0, 50.0)}
    assert fams[50.0].stride == 8 and fams[0.0].stride == 1
    assert AUMatchFamily(60, 30, SimpleNamespace(curve_hz=50.0)).stride == 1
    for t in range(60):
        for fam in fams.values():
            fam.push(t + 1, [frames[t]], lms)
    full, strided = (fams[hz].arrays()["aumatch_amp"] for hz in (0.0, 50.0))
    rows = np.arange(0, 60, 8)                 # frames 1, 9, 17, …: the computed ones
    np.testing.assert_array_equal(fams[0.0].disp[rows], fams[50.0].disp)
    assert np.isfinite(strided[rows[5:]]).all() and np.isfinite(full[rows[5:]]).all()  # j > 40
    between = np.setdiff1d(np.arange(25, 56), rows)
    assert np.isfinite(strided[between, 0]).all()      # interpolated, not left empty


def test_row_spill_keeps_one_block_in_memory_and_reads_back_in_order():
    """Rows written in order past the first block go to a temporary file; unwritten rows read
    as NaN; a row before the block in memory is refused."""
    from mespot_nb.features.aumatch import RowSpill

    sp = RowSpill(10, (2,), block=3)
    for r in (0, 1, 4, 9):
        sp.row(r)[:] = (r, -r)
    assert sp.file is not None and sp.buf.shape == (1, 2)       # block 3 (row 9) in memory
    with pytest.raises(ValueError, match="in order"):
        sp.row(2)
    got = sp.read()
    want = np.full((10, 2), np.nan, np.float32)
    want[[0, 1, 4, 9]] = [[0, 0], [1, -1], [4, -4], [9, -9]]
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(sp.read(3, 6), want[3:6])
    assert [a for a, _ in sp.blocks()] == [0, 3, 6, 9]
    small = RowSpill(4, (2,), block=8)                          # fits: no file
    small.row(2)[:] = 1
    assert small.file is None and np.isnan(small.read()[[0, 1, 3]]).all()
    early = RowSpill(10, (2,), block=3)                         # nothing past the first block
    early.row(0)[:] = 7
    got = early.read()
    assert got.shape == (10, 2) and (got[0] == 7).all() and np.isnan(got[1:]).all()
    early.close()
    with pytest.raises(RuntimeError, match="released"):
        early.read()


def test_streamed_covariance_equals_the_whole_one():
    """Summed over blocks of rows, two sets (lags) at once, each with its own missing rows."""
    rng = np.random.default_rng(3)
    d = rng.normal(0, 1, (500, 2, 20)) * rng.uniform(0.2, 3, 20) + 5.0
    d[rng.choice(500, 40, replace=False), 0, rng.integers(0, 20, 40)] = np.nan
    d[rng.choice(500, 90, replace=False), 1, 3] = np.nan
    streamed = streamed_covariance(lambda: (d[a:a + 64] for a in range(0, 500, 64)))
    for c in range(2):
        np.testing.assert_allclose(streamed[c], noise_covariance(d[:, c]), rtol=1e-12,
                                   atol=1e-12)
    assert streamed_covariance(lambda: iter([d[:1]])) == [None, None]


def test_a_long_video_spilled_to_disk_gives_the_same_amplitudes(astronaut, monkeypatch):
    """With the displacements in a temporary file, a block at a time, the amplitudes are those
    of the pass that keeps them all in memory (to float32 rounding)."""
    frames, lms = _brow_raise_on_a_turning_head(astronaut)
    mem = _family(frames, lms)
    monkeypatch.setattr(AUMatchFamily, "spill_block", 16)
    disk = _family(frames, lms)
    assert len(frames) > 3 * 16
    np.testing.assert_allclose(disk.aumatch_amp, mem.aumatch_amp, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(disk.aumatch_amp_loo, mem.aumatch_amp_loo, rtol=1e-5, atol=1e-5)
    assert np.isfinite(mem.aumatch_amp).sum() > 0.8 * mem.aumatch_amp.size


def test_region_talk_sets_the_mouths_bar_apart_where_the_person_talks():
    """A clip whose first half is speech (the mouth's chance peaks at 2.5–2.9 every 0.4 s) and
    whose second half is silent with one faint lip event (2.6): with one bar per region the
    speech's 85th percentile (about 2.8) hides the event; with ``region_talk`` the silent half
    keeps the common bar and the event is found, while the speech half's bar stays high, so its
    chance peaks do not pass."""
    from mespot_nb.methods.aumatch import _peaks, region_threshold

    T, fps = 900, 30.0
    rng = np.random.default_rng(1)
    z = np.full((T, len(TEMPLATES)), -1.0)
    tri = np.array([0.25, 0.6, 1.0, 0.6, 0.25])
    col = TEMPLATES.index("AU10")
    speech = np.arange(10, 440, 12)
    for k, h in zip(speech, rng.uniform(2.5, 2.9, len(speech))):
        z[k:k + 5, col] = np.maximum(z[k:k + 5, col], h * tri)
    z[700:705, TEMPLATES.index("AU12")] = 2.6 * tri        # the faint event, peak at row 702
    talk = np.zeros(T, bool)
    talk[:450] = True
    s = {**DEFAULTS, "merge_s": 0.0}

    def rows(settings, talk=talk):
        return [k for k, _, _ in _peaks(z, fps, 0.02, settings, talk)]

    assert DEFAULTS["region_talk"] == 0                   # off by default (the fourteenth round)
    one = rows(s)
    assert 702 not in one and len(one) <= 8
    split = rows({**s, "region_talk": 1})
    assert 702 in split and len([k for k in split if k < 450]) == len(one)
    # without the talking frames, or with region_q 0, the option changes nothing
    assert rows({**s, "region_talk": 1}, None) == one
    assert rows({**s, "region_talk": 1, "region_q": 0.0}) == rows({**s, "region_q": 0.0})
    # region_bars names both bars of each region: the others' and the talking frames'
    from mespot_nb.methods.aumatch import region_bars
    bars = region_bars(z, fps, 0.02, {**s, "region_talk": 1}, talk)
    assert set(bars) == {"brows", "mouth", "talking brows", "talking mouth"}
    assert bars["mouth"] < 2.65 < 2.75 < bars["talking mouth"]
    assert set(region_bars(z, fps, 0.02, s, talk)) == {"brows", "mouth"}
    mouth = np.where(np.arange(T) < 450, z[:, col], z[:, TEMPLATES.index("AU12")])
    assert region_threshold(mouth, 9, s, where=~talk) == pytest.approx(2.6)
    assert region_threshold(mouth, 9, s, where=np.zeros(T, bool)) == -np.inf


def test_centre_moves_the_interval_to_the_events_middle():
    """A z bump whose top (row 300) comes before most of its mass (rows 301–306 at 0.9 of it):
    centred on the peak, the interval sits early; with ``centre_s`` it is centred on the
    weighted centroid of the ± 4 rows around it (row 302), never further than ``centre_s`` from
    the peak, and a lone spike keeps its own row."""
    from mespot_nb.methods.aumatch import _interval, centre

    fps = 30.0
    curve = np.full(600, -1.0)
    curve[300] = 4.0
    curve[301:307] = 3.6
    curve[299] = 2.0
    assert DEFAULTS["centre_s"] == 0                       # off by default (the fourteenth round)
    assert centre(curve, 300, fps) == 300
    on = {**DEFAULTS, "centre_s": 0.15, "centre_frac": 0.3}
    c = centre(curve, 300, fps, on)
    assert c == 302         # (299·0.8 + 300·2.8 + (301 + … + 304)·2.4) / 13.2 = 301.8
    assert abs(centre(curve, 300, fps, {**on, "centre_s": 0.05}) - 300) <= 2
    spike = np.full(600, -1.0)
    spike[200] = 5.0
    assert centre(spike, 200, fps, on) == 200
    assert centre(np.where(np.arange(600) == 100, 3.0, np.nan), 100, fps, on) == 100
    assert _interval(c, fps, 600, on)[0] > _interval(300, fps, 600, on)[0]


def test_the_fourteenth_rounds_options_reach_spot_and_its_patterns(monkeypatch):
    """``centre_s`` moves spot()'s intervals to the centres :func:`centre` gives, and
    spotted_patterns still maps each of them to its own peak and pattern; ``region_talk`` reads
    the talking frames only where the features have the lips' aperture."""
    import mespot_nb.methods.aumatch_peaks as ap
    from mespot_nb.methods.aumatch import talk_frames

    f = _amps(_bump(600, 300, 311, 0.5), template="AU15")
    off = spot(f, 0.02, MICRO)
    rows_off = spotted_patterns(f, off)
    assert "AU15" in set(rows_off.pattern)
    monkeypatch.setattr(ap, "centre", lambda curve, k, fps, s=None: int(k) + 5)
    on = {**MICRO, "centre_s": 0.15}
    moved = spot(f, 0.02, on)
    assert len(moved) == len(off)
    assert list(moved.onset) == [min(600, a + 5) for a in off.onset]
    rows_on = spotted_patterns(f, moved, settings=on)
    assert list(rows_on.peak) == list(rows_off.peak)
    assert list(rows_on.pattern) == list(rows_off.pattern)
    # the talking frames: none without the lips' aperture, or with the option off
    assert talk_frames(f, {"region_talk": 1}) is None
    f.arrays["regflow_aperture"] = np.zeros(600)
    assert talk_frames(f) is None
    mask = talk_frames(f, {"region_talk": 1})
    assert mask.shape == (600,) and not mask.any()            # closed lips: no speech
