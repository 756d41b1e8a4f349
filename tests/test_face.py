"""Face pipeline: tracking vs per-frame detection, bad inputs, alignment, ROIs, cache, Dask."""

from __future__ import annotations

import shutil
import subprocess
import sys
import warnings

import cv2
import numpy as np
import pytest

from mespot_nb import face as F
from mespot_nb.face import store as FS
from mespot_nb.errors import MespotError
from mespot_nb.face import (STATUS_DETECTED, STATUS_LOST, AlignSpec, FaceTrack, alignment_matrix, apply_matrix, detect_every_frame, extract_tracks,
                            inter_ocular, roi_boxes, track_video)
from mespot_nb.readers import read_samm_lv
from mespot_nb.video import open_video


def _video_dir(tiny_demo, k=0):
    return sorted((tiny_demo / "SAMM_longvideos").iterdir())[k]


def _copy_frames(src_dir, dst_dir, n=None):
    dst_dir.mkdir(parents=True)
    files = sorted(src_dir.iterdir())[:n]
    for p in files:
        shutil.copy(p, dst_dir / p.name)
    return dst_dir


@pytest.mark.slow
def test_tracking_as_accurate_as_per_frame_detection(tiny_demo):
    """Against the generator's true landmarks, tracking is no worse than detecting and fitting
    every frame. (Tracking vs per-frame differ by 1.0 px on two faces but 3.2 px on Grace
    Hopper's, whose per-frame fits wander as much: both sit 3.8 px from the truth there.)"""
    from mespot_nb.demo import demo_truth_landmarks

    for k in range(3):
        v = _video_dir(tiny_demo, k)
        tr = track_video(v, fps=30)
        pf = detect_every_frame(v, fps=30)
        both = tr.valid & pf.valid
        assert both.mean() > 0.98
        truth = demo_truth_landmarks(tiny_demo, v.name.split("_")[0], v.name)[both]
        err_tr = np.median(np.linalg.norm(tr.landmarks[both] - truth, axis=2))
        err_pf = np.median(np.linalg.norm(pf.landmarks[both] - truth, axis=2))
        assert err_tr <= err_pf + 0.25, (v.name, err_tr, err_pf)
        s = tr.summary()
        assert s["detected"] < 0.1 * s["frames"] and s["tracked"] > 0.85 * s["frames"]


def test_blank_video_gives_nan_lost_and_one_warning(tmp_path):
    p = tmp_path / "blank.mp4"
    vw = cv2.VideoWriter(str(p), cv2.VideoWriter_fourcc(*"mp4v"), 25, (160, 120))
    for _ in range(40):
        vw.write(np.full((120, 160, 3), 90, np.uint8))
    vw.release()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        tr = track_video(p)
    assert len([x for x in w if "no face" in str(x.message)]) == 1
    assert tr.n_frames == 40 and (tr.status == STATUS_LOST).all()
    assert np.isnan(tr.landmarks).all() and tr.fps == 25


def test_face_leaves_and_returns(tiny_demo, tmp_path):
    d = _copy_frames(_video_dir(tiny_demo), tmp_path / "v", n=120)
    for p in sorted(d.iterdir())[40:60]:  # frames 41..60 blacked out
        cv2.imwrite(str(p), np.zeros((360, 320, 3), np.uint8))
    tr = track_video(d, fps=30)
    assert (tr.status[40:60] == STATUS_LOST).all() and np.isnan(tr.landmarks[40:60]).all()
    assert tr.status[60] == STATUS_DETECTED  # re-acquired on the first frame back
    assert tr.valid[60:].all() and tr.valid[:40].all()


def test_two_faces_largest_followed_and_flagged(tiny_demo, tmp_path):
    src = _video_dir(tiny_demo)
    d = tmp_path / "two"
    d.mkdir()
    for p in sorted(src.iterdir())[:40]:
        img = cv2.imread(str(p))
        small = cv2.resize(img, (240, 270))
        canvas = np.full((360, 600, 3), 60, np.uint8)
        canvas[:, :320] = img
        canvas[45:315, 340:580] = small
        cv2.imwrite(str(d / p.name), canvas)
    tr = track_video(d, fps=30)
    assert tr.valid.all()
    assert (tr.n_faces[tr.status == STATUS_DETECTED] == 2).all()
    assert tr.summary()["several_faces"] >= 1
    assert np.nanmax(tr.landmarks[:, :, 0]) < 320  # the larger face, on the left


def test_truncated_jpeg_marked_missing_rest_processed(tiny_demo, tmp_path):
    d = _copy_frames(_video_dir(tiny_demo), tmp_path / "v", n=60)
    bad = sorted(d.iterdir())[29]  # frame 30
    data = bad.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    tr = track_video(d, fps=30)
    assert tr.missing == [30]
    assert tr.status[29] == STATUS_LOST and tr.valid[:29].all() and tr.valid[30:].all()


def test_unreadable_file_clear_error(tmp_path):
    p = tmp_path / "broken.mp4"
    p.write_bytes(b"\x00" * 1000)
    with pytest.raises(MespotError, match="broken.mp4"):
        track_video(p)


def test_alignment_and_rois(tiny_demo):
    tr = track_video(_video_dir(tiny_demo), fps=30, stop=30)
    lm = tr.landmarks[0].astype(float)
    spec = AlignSpec()
    M = alignment_matrix(lm, spec)
    a = apply_matrix(M, lm)
    re_, le = a[36:42].mean(0), a[42:48].mean(0)
    assert abs(re_[1] - le[1]) < 1e-6 and abs(inter_ocular(a) - spec.iod) < 1e-6
    assert abs((re_[0] + le[0]) / 2 - spec.width / 2) < 1e-6
    dg = roi_boxes(a, "dyngeonet", spec)
    hf = roi_boxes(a, "hoof", spec)
    assert set(dg) == {"eyes", "nose", "mouth"}
    assert set(hf) == {"brow_right", "brow_left", "mouth_right", "mouth_left"}
    for x0, y0, x1, y1 in list(dg.values()) + list(hf.values()):
        assert 0 <= x0 < x1 <= spec.width and 0 <= y0 < y1 <= spec.height

    def inside(p, b):
        return b[0] <= p[0] < b[2] and b[1] <= p[1] < b[3]

    # HOOF ROIs exclude the eyes, the nose and the middle of the mouth
    for b in hf.values():
        for i in list(range(36, 48)) + [30, 33, 51, 57, 62, 66]:
            assert not inside(a[i], b), (i, b)
    assert inside(a[48], hf["mouth_right"]) and inside(a[54], hf["mouth_left"])
    assert all(inside(a[i], dg["eyes"]) for i in range(17, 48) if i < 27 or i >= 36)
    # clipping to a small frame
    small = roi_boxes(a, "dyngeonet", (60, 60))
    assert all(x1 <= 60 and y1 <= 60 for _, _, x1, y1 in small.values())


def test_window_alignment_uses_first_frame(tiny_demo):
    from mespot_nb.features import window_roi_stacks

    v = _video_dir(tiny_demo)
    tr = track_video(v, fps=30, stop=60)
    src = open_video(v, fps=30, gray=True)
    stacks, lm = window_roi_stacks(src, tr, 11, 11)
    assert set(stacks) == {"eyes", "nose", "mouth"}
    assert all(st.shape[0] == 11 and st.dtype == np.uint8 for st in stacks.values())
    # the window's first frame fixes the transform: its eyes are exactly 64 px apart and level
    assert abs(inter_ocular(lm[0]) - 64) < 1e-3
    M = alignment_matrix(tr.landmarks[10])
    np.testing.assert_allclose(lm[3], F.apply_matrix(M, tr.landmarks[13].astype(float)), atol=1e-4)


def test_cache_resumes_after_interruption(tiny_demo, tmp_path, monkeypatch):
    ds = read_samm_lv(tiny_demo / "annotations.xlsx", tiny_demo / "SAMM_longvideos", fps=30)
    cache = tmp_path / "cache"
    calls = []
    real = FS.track_video

    def failing(src, params, *a, **k):
        calls.append(src.path.name)
        if len(calls) == 2:
            raise KeyboardInterrupt("simulated interruption")
        return real(src, params, *a, **k)

    monkeypatch.setattr(FS, "track_video", failing)
    with pytest.raises(KeyboardInterrupt):
        extract_tracks(ds, cache, n_jobs=1, progress=False)
    assert len(list((cache / "landmarks").glob("*.npz"))) == 1
    assert not list((cache / "landmarks").glob("*.tmp*"))  # nothing half-written
    calls.clear()
    monkeypatch.setattr(FS, "track_video", real)
    counted = []
    monkeypatch.setattr(FS, "track_video", lambda src, p, *a, **k: counted.append(1) or real(src, p))
    tracks = extract_tracks(ds, cache, n_jobs=1, progress=False)
    assert len(tracks) == 3 and len(counted) == 2  # only the unfinished videos
    monkeypatch.setattr(FS, "track_video", real)
    again = extract_tracks(ds, cache, n_jobs=1, progress=False)
    for k in tracks:
        np.testing.assert_array_equal(again[k].landmarks, tracks[k].landmarks)


@pytest.mark.slow
def test_dask_backend_same_code_path(tiny_demo, tmp_path):
    from dask.distributed import Client, LocalCluster

    ds = read_samm_lv(tiny_demo / "annotations.xlsx", tiny_demo / "SAMM_longvideos", fps=30)
    ds.videos = ds.videos.iloc[:2]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        got = extract_tracks(ds, tmp_path / "c1", scheduler=client, progress=False)
        assert len(client.cluster.workers) == 2
    local = extract_tracks(ds, tmp_path / "c2", n_jobs=1, progress=False)
    for k in local:
        np.testing.assert_array_equal(got[k].landmarks, local[k].landmarks)


def test_cli_landmarks_writes_npz(tiny_demo, tmp_path):
    out = tmp_path / "lm.npz"
    r = subprocess.run([sys.executable, "-m", "mespot_nb", "landmarks", str(_video_dir(tiny_demo)),
                        "--out", str(out), "--fps", "30", "--start", "11", "--stop", "40",
                        "--detect-every", "10"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    z = np.load(out)
    assert {"landmarks", "status", "fps", "frame_size"} <= set(z.files)
    assert z["landmarks"].shape == (30, 68, 2) and z["landmarks"].dtype == np.float32
    assert list(z["frame_size"]) == [320, 360] and float(z["fps"]) == 30
    assert int(z["first_frame"]) == 11 and (z["status"] == STATUS_DETECTED).sum() == 3
    t = FaceTrack.load(out)
    assert t.n_frames == 30
    r = subprocess.run([sys.executable, "-m", "mespot_nb", "landmarks", str(tmp_path / "no.mp4"),
                        "--out", str(tmp_path / "x.npz")], capture_output=True, text=True)
    assert r.returncode == 2 and "no.mp4" in r.stderr and not (tmp_path / "x.npz").exists()


def test_rotated_retry_finds_a_rolled_face_and_keys_stay(tmp_path):
    """A real face rolled 55°: dlib's upright detector loses it; with ``rotate_deg`` the tracker
    finds it, and its landmarks are the upright face's, rotated (within 6 % of the inter-ocular
    distance, median over the 68 points). Off (the default), the cache keys are the ones tracks
    had before the option existed."""
    from dataclasses import asdict

    from mespot_nb import media

    img = cv2.imread(str(next(p for p in media.PHOTOS if p.name == "pyfeat_single_face").file()))
    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    H, W = gray.shape
    pad = max(H, W) // 2                      # room to turn the face without cutting it
    gray = cv2.copyMakeBorder(gray, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
    H, W = gray.shape
    upright = F.LandmarkTracker(F.TrackParams(), W).step(gray)[0]
    assert upright is not None
    M = cv2.getRotationMatrix2D((W / 2, H / 2), -55.0, 1.0)   # rolled 55° clockwise
    rolled = cv2.warpAffine(gray, M, (W, H), borderMode=cv2.BORDER_REPLICATE)
    truth = upright @ M[:, :2].T + M[:, 2]
    lm, status, _ = F.LandmarkTracker(F.TrackParams(), W).step(rolled)
    assert lm is None and status == STATUS_LOST
    tr = F.LandmarkTracker(F.TrackParams(rotate_deg=(25.0, -25.0, 45.0, -45.0)), W)
    lm, status, _ = tr.step(rolled)
    assert status == STATUS_DETECTED
    err = np.median(np.linalg.norm(lm - truth, axis=1)) / F.inter_ocular(truth)
    assert err < 0.06, err
    # the next frame, the same face: tracked from the rotated detection, or found again
    lm2, status2, _ = tr.step(rolled)
    assert lm2 is not None
    assert np.median(np.linalg.norm(lm2 - truth, axis=1)) / F.inter_ocular(truth) < 0.1
    d = asdict(F.TrackParams())
    d.pop("rotate_deg")
    assert F.TrackParams().key() == d
    assert F.TrackParams(rotate_deg=(25,)).key()["rotate_deg"] == [25.0]
    with pytest.raises(MespotError, match="rotate_deg"):
        F.TrackParams(rotate_deg=(90,)).check()
    assert F.TrackParams(rotate_deg=45).rotate_deg == (45.0,)
    with pytest.raises(MespotError, match="list of angles"):
        F.TrackParams(rotate_deg="left")
