"""Feature formulas against hand-computed cases, and the streaming extraction."""

from __future__ import annotations

import numpy as np
import pytest

from mespot_nb.errors import MespotError
from mespot_nb.features import (DEFORM_POINTS, GEOMETRY_LINES, FeatureParams, VideoFeatures,
                                arp_coefficients, cached_features, dyngeonet_window_length,
                                dynamic_image, extract_video, flow_interval, flow_sequence,
                                geometric_features, hoof, hoof_window, to_uint8)


# ---------------------------------------------------------------- dynamic images

def test_arp_coefficients_and_ramp_video():
    np.testing.assert_array_equal(arp_coefficients(3), [-2, 0, 2])
    np.testing.assert_array_equal(arp_coefficients(4), [-3, -1, 1, 3])
    np.testing.assert_array_equal(arp_coefficients(3, "seed-literal"), [0, 2, 4])
    # ramp: frame_t = t * c  ->  sum_t (2t - T - 1) t c = (T^3 - T)/6 * c ; T=3: 4 c
    c = np.arange(6, dtype=float).reshape(2, 3)
    frames = np.stack([t * c for t in (1, 2, 3)])
    np.testing.assert_allclose(dynamic_image(frames), 4 * c)
    T = 11
    frames = np.stack([t * c for t in range(1, T + 1)])
    np.testing.assert_allclose(dynamic_image(frames), (T ** 3 - T) / 6 * c)
    # a static clip has a zero dynamic image with arp; seed-literal adds 2 * sum of frames
    static = np.repeat(c[None], 5, axis=0)
    np.testing.assert_allclose(dynamic_image(static), 0)
    np.testing.assert_allclose(dynamic_image(static, "seed-literal"), 2 * 5 * c)
    colour = np.random.default_rng(0).random((4, 5, 6, 3))
    np.testing.assert_allclose(dynamic_image(colour, "seed-literal"),
                               dynamic_image(colour) + 2 * colour.sum(0))
    with pytest.raises(MespotError, match=r"dynamic_image needs frames \(T,H,W\) or \(T,H,W,C\); "
                                          r"got \(3, 4\)"):
        dynamic_image(np.zeros((3, 4)))


def test_to_uint8_per_channel():
    img = np.stack([np.array([[0.0, 1.0]]), np.array([[-5.0, 5.0]]), np.array([[2.0, 2.0]])], -1)
    out = to_uint8(img)
    assert out.dtype == np.uint8
    np.testing.assert_array_equal(out[..., 0], [[0, 255]])
    np.testing.assert_array_equal(out[..., 1], [[0, 255]])
    np.testing.assert_array_equal(out[..., 2], [[0, 0]])  # constant channel


# ---------------------------------------------------------------- geometry

def _face():
    rng = np.random.default_rng(1)
    return rng.uniform(0, 100, (68, 2))


def test_geometry_lines_are_the_papers():
    assert len(GEOMETRY_LINES) == 45 and len(DEFORM_POINTS) == 22
    assert GEOMETRY_LINES[:3] == [(17, 27), (17, 31), (17, 35)]          # P18-P28, P32, P36
    assert GEOMETRY_LINES[30] == (48, 49) and GEOMETRY_LINES[41] == (59, 48)  # lip loop
    assert GEOMETRY_LINES[42:] == [(50, 58), (52, 56), (48, 54)]          # P51-P59 P53-P57 P49-P55
    assert DEFORM_POINTS[0] == 17 and DEFORM_POINTS[9] == 26 and DEFORM_POINTS[10] == 48


def test_known_motion_gives_known_features():
    on = _face()
    ap = on.copy()
    ap[48] += (3.0, 4.0)                    # P49 moves by 5 px
    f = geometric_features(on, ap)
    assert f.shape == (67,)
    deform = f[45:]
    assert deform[DEFORM_POINTS.index(48)] == pytest.approx(5.0)
    assert np.delete(deform, DEFORM_POINTS.index(48)) == pytest.approx(0)
    for k, (i, j) in enumerate(GEOMETRY_LINES):
        want = np.linalg.norm(on[i] - on[j]) / np.linalg.norm(ap[i] - ap[j])
        assert f[k] == pytest.approx(want)
        if 48 not in (i, j):
            assert f[k] == pytest.approx(1.0)  # unchanged distances give ratio 1
    # a pure translation: ratios 1, every deformation = |t|
    g = geometric_features(on, on + (2.0, 0.0))
    np.testing.assert_allclose(g[:45], 1.0)
    np.testing.assert_allclose(g[45:], 2.0)
    # batches
    b = geometric_features(np.stack([on, on]), np.stack([ap, on]))
    assert b.shape == (2, 67)
    np.testing.assert_allclose(b[0], f)


def test_geometry_guards():
    on = _face()
    ap = on.copy()
    ap[17] = ap[27]            # P18 onto P28: zero apex distance
    f = geometric_features(on, ap)
    assert np.isfinite(f).all()
    same = on.copy()
    same[17] = same[27]
    assert geometric_features(same, same)[0] == 1.0   # both zero -> 1
    nan = on.copy()
    nan[5] = np.nan
    assert np.isnan(geometric_features(nan, on)).all()  # a NaN row, never a silent zero
    with pytest.raises(MespotError, match=r"geometric_features needs two \(68, 2\) landmark arrays"
                                          r".*got \(60, 2\) and \(60, 2\)"):
        geometric_features(on[:60], on[:60])


# ---------------------------------------------------------------- HOOF

def _flow(angle, mag=1.0, shape=(4, 5)):
    f = np.zeros(shape + (2,))
    f[..., 0] = mag * np.cos(angle)
    f[..., 1] = mag * np.sin(angle)
    return f


def test_hoof_bin_centre_edge_and_zero():
    w = 2 * np.pi / 8
    for k in range(8):
        h = hoof(_flow((k + 0.5) * w))          # bin centre: all in bin k
        expected = np.zeros(8)
        expected[k] = 1
        np.testing.assert_allclose(h, expected, atol=1e-12)
    h = hoof(_flow(2 * w))                       # edge between bins 1 and 2
    np.testing.assert_allclose(h[[1, 2]], [0.5, 0.5])
    h = hoof(_flow(0.0))                         # edge at 0: bins 7 and 0 (wrap-around)
    np.testing.assert_allclose(h[[7, 0]], [0.5, 0.5])
    h = hoof(_flow((1.5 + 0.25) * w))            # a quarter past the centre of bin 1
    np.testing.assert_allclose(h[[1, 2]], [0.75, 0.25])
    np.testing.assert_array_equal(hoof(np.zeros((3, 3, 2))), np.zeros(8))
    # magnitude weighting: 3 px right-down-ish at a centre, 1 px at another centre
    f = np.concatenate([_flow(0.5 * w, 3.0, (1, 1)), _flow(4.5 * w, 1.0, (1, 1))], axis=1)
    np.testing.assert_allclose(hoof(f)[[0, 4]], [0.75, 0.25])
    # y points down: a flow with v > 0 (downwards) lands in bins 1-2 (theta = pi/2)
    np.testing.assert_allclose(hoof(_flow(np.pi / 2))[[1, 2]], [0.5, 0.5])
    assert hoof(_flow(0.3), bins=4).sum() == pytest.approx(1)


def test_window_geometry_in_seconds():
    assert [dyngeonet_window_length(f) for f in (30, 100, 200)] == [11, 35, 65]
    assert dyngeonet_window_length(60) == 21 and dyngeonet_window_length(25) % 2 == 1
    assert [flow_interval(f) for f in (30, 100, 200, 10)] == [1, 2, 4, 1]
    hw = hoof_window(200)
    # (W − 1) // R flows (i, i + R) inside the window's W frames (seed 004 §III-B)
    assert hw == dict(W=100, stride=40, R=4, steps=24)
    assert hoof_window(30) == dict(W=15, stride=6, R=1, steps=14)


def test_flow_sequence_sees_the_motion_direction():
    rng = np.random.default_rng(0)
    tex = (rng.random((80, 120)) * 255).astype(np.uint8)
    import cv2

    tex = cv2.GaussianBlur(tex, (0, 0), 2)
    frames = np.stack([np.roll(tex, t, axis=0) for t in range(6)])  # 1 px/frame downwards
    rois = {"brow_right": (20, 20, 50, 40), "brow_left": (60, 20, 90, 40),
            "mouth_right": (20, 50, 40, 70), "mouth_left": (70, 50, 90, 70)}
    seq = flow_sequence(frames, fps=30, rois=rois)
    assert seq.shape == (5, 32)
    for r in range(4):
        h = seq[:, r * 8:(r + 1) * 8].mean(0)
        assert h[1] + h[2] > 0.9   # theta = pi/2 sits between bins 1 and 2


# ---------------------------------------------------------------- extraction

def _vid(tiny_demo):
    return sorted((tiny_demo / "SAMM_longvideos").iterdir())[0]


@pytest.mark.slow
def test_extract_video_shapes_and_modes(tiny_demo):
    p = FeatureParams(di_size=48)
    f, tr = extract_video(_vid(tiny_demo), fps=30, params=p)
    L, stride = p.dg_window(30)
    assert (L, stride) == (11, 2) and f.dg_length == 11
    assert f.dg_start[0] == 1 and f.dg_start[-1] + L - 1 <= 360
    assert f.dyn.shape == (len(f.dg_start), 48, 48) and f.dyn.dtype == np.uint8
    assert f.geo.shape == (len(f.dg_start), 67) and np.isfinite(f.geo).all() and f.dg_valid.all()
    assert f.hoof.shape == (len(f.hoof_start), 14, 32) and f.hoof_valid.all()
    np.testing.assert_allclose(f.hoof.sum(-1)[f.hoof.sum(-1) > 0], 4, atol=1e-4)
    assert tr.valid.all()
    # the same features from a cached track (no second tracking) are identical
    f2, _ = extract_video(_vid(tiny_demo), fps=30, params=p, track=tr)
    np.testing.assert_array_equal(f.dyn, f2.dyn)
    np.testing.assert_array_equal(f.hoof, f2.hoof)
    # shared flow pairs: same shapes, close values
    f3, _ = extract_video(_vid(tiny_demo), fps=30, params=FeatureParams(di_size=48,
                                                                        hoof_pairs="shared"),
                          track=tr)
    assert f3.hoof.shape == f.hoof.shape
    assert np.corrcoef(f3.hoof.ravel(), f.hoof.ravel())[0, 1] > 0.8


def test_missing_faces_give_invalid_windows(tiny_demo, tmp_path):
    import shutil

    import cv2

    d = tmp_path / "v"
    d.mkdir()
    for p in sorted(_vid(tiny_demo).iterdir())[:90]:
        shutil.copy(p, d / p.name)
    for p in sorted(d.iterdir())[30:60]:
        cv2.imwrite(str(p), np.zeros((360, 320, 3), np.uint8))
    f, tr = extract_video(d, fps=30, params=FeatureParams(di_size=32))
    inside = (f.dg_start >= 31) & (f.dg_start + f.dg_length - 1 <= 60)
    assert inside.any() and not f.dg_valid[inside].any()
    assert np.isnan(f.geo[inside]).all()
    # windows that start before the gap align to their first frame but their apex is missing
    assert np.isnan(f.geo[~f.dg_valid]).all()


def test_cached_features_round_trip(tiny_demo, tmp_path):
    p = FeatureParams(di_size=32)
    f = cached_features(_vid(tiny_demo), 30, tmp_path, p)
    files = list((tmp_path / "features").glob("*.npz"))
    assert len(files) == 1 and len(list((tmp_path / "landmarks").glob("*.npz"))) == 1
    g = cached_features(_vid(tiny_demo), 30, tmp_path, p)
    np.testing.assert_array_equal(f.hoof, g.hoof)
    h = VideoFeatures.load(files[0])
    assert (h.fps, h.n_frames) == (f.fps, f.n_frames) == (30.0, 360)
    for name in ("hoof", "hoof_start", "hoof_valid", "dyn", "geo", "dg_start", "dg_valid"):
        np.testing.assert_array_equal(getattr(h, name), getattr(f, name), err_msg=name)


def test_damaged_features_entry_recomputed_and_a_full_fd_table_keeps_it(tiny_demo, tmp_path,
                                                                        monkeypatch, caplog):
    """A features entry that is not a zip archive any more (it raised BadZipFile, stopping the
    run) is reported, naming it, and recomputed; a process out of file descriptors is not a
    damaged entry: the error is raised and the entry kept."""
    import errno

    from mespot_nb.features import stream as S

    p = FeatureParams(di_size=32, families=("geometry", "lbp"))
    f = cached_features(_vid(tiny_demo), 30, tmp_path, p)
    entry = next((tmp_path / "features").glob("*.npz"))
    entry.write_bytes(b"damaged")
    with caplog.at_level("WARNING"):
        g = cached_features(_vid(tiny_demo), 30, tmp_path, p)
    assert "damaged" in caplog.text and entry.name in caplog.text
    np.testing.assert_array_equal(g.geo, f.geo)
    np.testing.assert_array_equal(g.lbp, f.lbp)

    def full(path):
        raise OSError(errno.EMFILE, "Too many open files", str(path))

    kept = entry.read_bytes()
    monkeypatch.setattr(S.FEATURES, "load", full)
    with pytest.raises(OSError, match="Too many open files"):
        cached_features(_vid(tiny_demo), 30, tmp_path, p)
    assert entry.read_bytes() == kept
