"""`mespot spot` without a model, both training-free spotters through LOSO, the refinement of
window detections, and their bad inputs."""

from __future__ import annotations

import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

from mespot_nb.detections import frame_support, refine_intervals, spot_intervals
from mespot_nb.errors import MespotError
from mespot_nb.evaluation import evaluate
from mespot_nb.methods import DEFAULT_SPOTTER
from mespot_nb.features import FeatureParams, extract_features
from mespot_nb.readers import read_samm_lv
from mespot_nb.spotting import spot_video
from mespot_nb.training import run_loso


def _mespot(*args):
    return subprocess.run([sys.executable, "-m", "mespot_nb", *map(str, args)],
                          capture_output=True, text=True)


def _video(tiny_demo, k=0):
    return sorted((tiny_demo / "SAMM_longvideos").iterdir())[k]


@pytest.mark.slow
def test_spot_needs_no_model(tiny_demo, tmp_path):
    ds = read_samm_lv(tiny_demo / "annotations.xlsx", tiny_demo / "SAMM_longvideos", fps=30)
    # the video with the most expressions (the first one has a clear micro-expression next to
    # a head turn whose peak sets the relative threshold above it)
    busiest = ds.intervals.groupby("video").size().idxmax()
    v = tiny_demo / "SAMM_longvideos" / busiest
    out = tmp_path / "iv.csv"
    r = _mespot("spot", v, "--fps", 30, "--out", out, "--html", tmp_path / "t.html")
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"with {DEFAULT_SPOTTER} at p" in r.stdout
    pred = pd.read_csv(out)
    assert list(pred.columns) == ["subject", "video", "onset", "offset", "type", "score"]
    n = len(list(v.iterdir()))
    assert len(pred) and (pred["onset"] >= 1).all() and (pred["offset"] <= n).all()
    assert set(pred["type"]) <= {"micro", "macro"}
    gt = ds.intervals[ds.intervals["video"] == v.name].assign(subject="user")
    s = evaluate(gt, pred, "megc2020", "all")["overall"]
    assert s.tp >= 1, s.as_dict()
    assert "plotly" in (tmp_path / "t.html").read_text()
    # the spotter's own settings by name: a higher bar spots fewer micro-expressions
    r = _mespot("spot", v, "--fps", 30, "--type", "micro", "--set", "z_min=8", "--out",
                tmp_path / "z8.csv")
    assert r.returncode == 0, r.stderr[-2000:]
    assert ", z_min 8" in r.stdout
    z8 = pd.read_csv(tmp_path / "z8.csv")
    assert len(z8) < (pred["type"] == "micro").sum(), (z8, pred)
    # the scores (the --html curve) are those of the settings the intervals came from
    base = spot_video(v, None, fps=30, type="micro")["scores"]["score"].to_numpy()
    raw = spot_video(v, None, fps=30, type="micro", settings={"smooth_s": 0})
    assert raw["settings"] == {"smooth_s": 0.0}
    assert len(raw["scores"]) == len(base)
    assert not np.allclose(raw["scores"]["score"].to_numpy(), base)
    r = _mespot("spot", v, "--fps", 30, "--method", "mdmd", "--type", "micro", "--out",
                tmp_path / "m.csv")
    assert r.returncode == 0, r.stderr[-2000:]
    m = pd.read_csv(tmp_path / "m.csv")
    assert set(m["type"]) <= {"micro"}
    lengths = m["offset"] - m["onset"] + 1
    assert ((lengths >= 7) & (lengths <= 16)).all(), m    # MEGC2020's CAS(ME)² micro filter


def test_spot_bad_inputs(tiny_demo, tmp_path, capsys):
    v = _video(tiny_demo)
    r = _mespot("spot", v, "--fps", 30, "--p", 1.5, "--out", tmp_path / "x.csv")
    assert r.returncode == 2 and "--p 1.5 is outside (0, 1)" in r.stderr
    assert not (tmp_path / "x.csv").exists()
    r = _mespot("spot", v, "--fps", 30, "--method", "dyngeonet", "--out", tmp_path / "x.csv")
    assert r.returncode == 2 and "invalid choice" in r.stderr
    with pytest.raises(MespotError, match="is learned.*mespot train"):
        spot_video(v, None, tmp_path / "c", fps=30, method="dyngeonet")
    # --set: a setting the spotter has, as a number; refused before any frame is read
    from mespot_nb.cli import main

    for bad, says in (("foo=1", "aumatch has no setting 'foo'; it has z_min [0, 50]"),
                      ("talk_weight", "give NAME=VALUE"), ("talk_weight=much", "give a number"),
                      ("talk_weight=inf", "between 0 and 1"),
                      ("blink_weight=-1", "between 0 and 1"),
                      ("width_s=0", "between 0.1 and 2"), ("p=0.1", "is --p")):
        rc = main(["spot", str(v), "--fps", "30", "--set", bad, "--out", str(tmp_path / "x.csv")])
        err = capsys.readouterr().err
        assert rc == 2 and says in err, err
        assert not (tmp_path / "x.csv").exists()
    for method, settings, says in (("mdmd", {"z_min": 4}, "mdmd has no setting 'z_min'; it has "
                                                          "none"),
                                   ("regflow", {"speech_weight": 2}, "between 0 and 1")):
        with pytest.raises(MespotError, match=says):
            spot_video(v, None, tmp_path / "c", fps=30, method=method, settings=settings)
        assert not (tmp_path / "c").exists()         # refused before any frame was read
    from mespot_nb.methods import get_method
    from mespot_nb.spotting import check_settings

    with pytest.raises(MespotError, match="DynGeoNet is learned.*drop --set"):
        check_settings(get_method("dyngeonet"), {"z_min": 4})


def test_spot_video_without_a_face_gives_nothing_and_one_warning(tmp_path):
    import cv2

    p = tmp_path / "blank.mp4"
    vw = cv2.VideoWriter(str(p), cv2.VideoWriter_fourcc(*"mp4v"), 30, (160, 120))
    for i in range(90):
        vw.write(np.full((120, 160, 3), 40 + i % 3, np.uint8))
    vw.release()
    out = tmp_path / "iv.csv"
    r = _mespot("spot", p, "--out", out)
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("no face found in any frame") == 1, r.stderr
    # one line, as the errors are (no Python source line, no category), with the hint
    assert "mespot spot: warning: no face found" in r.stderr and "sideways" in r.stderr
    assert "UserWarning" not in r.stderr and "spot_video(" not in r.stderr
    assert len(pd.read_csv(out)) == 0


def _blank(path, n=30, fps=30):
    import cv2

    vw = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (64, 48))
    for _ in range(n):
        vw.write(np.zeros((48, 64, 3), np.uint8))
    vw.release()
    return path


def test_spot_refuses_outputs_it_cannot_or_must_not_write_before_any_work(tmp_path, capsys,
                                                                           monkeypatch):
    """A folder as --out, the input video as --out (it would be replaced), an --html or a cache
    where no file can be made: refused naming the option, before a frame is read."""
    from mespot_nb.cli import main

    v = _blank(tmp_path / "v.mp4")
    before = v.read_bytes()
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    monkeypatch.setenv("MESPOT_CACHE", str(tmp_path / "cache"))
    for args, says in (
            (["--out", str(tmp_path)], "is a folder: give a file name in it"),
            (["--out", str(v)], "is the input video itself"),
            (["--out", str(tmp_path / "x.csv"), "--html", str(v)], "is the input video itself"),
            (["--out", str(tmp_path / "x.csv"), "--html", str(tmp_path / "x.csv")],
             "are the same file"),
            (["--out", str(blocker / "x.csv")], "is a file, not a folder"),
            (["--out", str(tmp_path / "x.csv"), "--html", str(blocker / "t.html")],
             "--html"),
            (["--out", str(tmp_path / "x.csv"), "--fps", "0"], "give a positive number"),
            (["--out", str(tmp_path / "x.csv"), "--fps=-5"], "give a positive number")):
        rc = main(["spot", str(v), *args])
        err = capsys.readouterr().err
        assert rc == 2 and says in err, (args, err)
        assert "Traceback" not in err
    assert v.read_bytes() == before and not (tmp_path / "x.csv").exists()
    assert not (tmp_path / "cache").exists()               # nothing was computed
    monkeypatch.setenv("MESPOT_CACHE", str(blocker))
    rc = main(["spot", str(v), "--out", str(tmp_path / "x.csv")])
    assert rc == 2 and "the cache folder (MESPOT_CACHE" in capsys.readouterr().err


def test_a_closed_output_pipe_ends_quietly(tmp_path):
    """`mespot spot … | head -1`: the reader leaves before the summary is printed; the CSV is
    written, and the run ends with one line, not a traceback."""
    v = _blank(tmp_path / "v.mp4")
    p = subprocess.Popen([sys.executable, "-m", "mespot_nb", "spot", str(v), "--out",
                          str(tmp_path / "x.csv")], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    p.stdout.close()                       # the reader is gone before anything is printed
    err = p.stderr.read()
    assert p.wait() == 1, err
    assert "a pipe it wrote to was closed" in err and "Traceback" not in err
    assert (tmp_path / "x.csv").exists()


def test_the_frame_rate_keys_the_features_and_odd_rates_are_named(tmp_path):
    """Features computed at another --fps are another cache entry (they were the first rate's,
    printed as the second's); a file stating an implausible rate gets a warning naming it."""
    import cv2

    from mespot_nb.face import TrackParams
    from mespot_nb.features import features_cache_path
    from mespot_nb.readers import read_video_source
    from mespot_nb.video import open_video

    v = _blank(tmp_path / "v.mp4")
    fp, tp = FeatureParams(families=("regflow",)), TrackParams()
    keys = {features_cache_path(tmp_path, open_video(v, fps=r, gray=True), fp, tp, "v")
            for r in (None, 30, 15)}
    assert len(keys) == 2                       # the file's own 30 fps and 15
    fast = tmp_path / "fast.mp4"
    vw = cv2.VideoWriter(str(fast), cv2.VideoWriter_fourcc(*"mp4v"), 1000, (64, 48))
    for _ in range(10):
        vw.write(np.zeros((48, 64, 3), np.uint8))
    vw.release()
    assert open_video(fast).fps == 1000       # the container keeps the rate it was given
    with pytest.warns(UserWarning, match=r"fast\.mp4 states 1000 fps.*--fps"):
        read_video_source(fast)
    from mespot_nb.video import FrameSource

    for bad in (0, -5, float("nan")):             # every command, not only `spot`
        with pytest.raises(MespotError, match="give a positive number of frames per second"):
            FrameSource(v, fps=bad)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_video_source(fast, fps=25)         # a rate given is not second-guessed
        read_video_source(v)


def test_what_a_user_must_know_about_the_footage_is_said():
    from mespot_nb.spotting import _footage_warnings

    assert _footage_warnings({"missing": [], "lost_frames": 10}, 100, "v.mp4") == []
    got = _footage_warnings({"missing": list(range(1, 31)), "lost_frames": 60,
                             "several_faces": 5, "detections": 10}, 100, "v.mp4")
    assert len(got) == 3
    assert got[0].startswith("30 of 100 frames of v.mp4 could not be decoded")
    assert "no face found on 30 of the 70 decoded frames of v.mp4 (43 %)" in got[1]
    assert "more than one face in v.mp4 (5 of 10 detections)" in got[2]
    # a container stating one frame more than it holds is no damage
    assert _footage_warnings({"missing": [100], "lost_frames": 1}, 100, "v.mp4") == []
    assert _footage_warnings({"missing": [99, 100], "lost_frames": 2}, 100, "v.mp4") == []
    assert len(_footage_warnings({"missing": [50], "lost_frames": 1}, 100, "v.mp4")) == 1
    tail = _footage_warnings({"missing": [97, 98, 99, 100], "lost_frames": 4}, 100, "v.mp4")
    assert len(tail) == 1 and tail[0].startswith("the last 4 of the 100 frames v.mp4 states")
    none = _footage_warnings({"missing": [], "lost_frames": 100}, 100, "v.mp4")
    assert len(none) == 1 and "no face found in any frame of v.mp4" in none[0]
    # a cached entry from before these counts were kept says nothing of faces
    assert _footage_warnings({"lost_frames": 0}, 100, "v.mp4") == []


def test_aumatch_refuses_a_video_shorter_than_its_comparisons_naming_the_frames():
    """Ten frames at 60 fps: each frame is compared with the face 7 frames before and after;
    `bumps` leaves a lag longer than the video unknown instead of failing on it."""
    from types import SimpleNamespace

    from mespot_nb.methods import aumatch as AM

    f = SimpleNamespace(fps=60.0, n_frames=10, aumatch_lags=np.array([7, 10, 12]),
                        aumatch_amp=np.zeros((10, 3, 6)))
    z = AM.bumps(f)["z"]
    assert z.shape == (10, 6) and np.isnan(z[:, :]).sum() >= 7 * 6
    with pytest.raises(MespotError, match="10 frames is too short for aumatch.*7 frames "
                                          r"\(0.12 s at 60 fps\).*at least 15 frames"):
        AM.spot(f, 0.02, {"types": ("micro",)})


def test_spot_video_too_short_names_the_shortest_length(tiny_demo, tmp_path):
    src = _video(tiny_demo)
    short = tmp_path / "short"
    short.mkdir()
    for f in sorted(src.iterdir())[:5]:
        (short / f.name).write_bytes(f.read_bytes())
    r = _mespot("spot", short, "--fps", 30, "--method", "mdmd", "--out", tmp_path / "x.csv")
    assert r.returncode == 2
    assert "short" in r.stderr and "5 frames is too short" in r.stderr and "at least 6" in r.stderr


@pytest.mark.slow
def test_both_spotters_loso_score_micro_macro_overall(tiny_demo):
    ds = read_samm_lv(tiny_demo / "annotations.xlsx", tiny_demo / "SAMM_longvideos", fps=30)
    ds.name = "tiny"
    feats = extract_features(ds, tiny_demo.parent / "cache-free",
                             FeatureParams(families=("mdmd", "flowpeak")), n_jobs=1,
                             progress=False)
    for m in ("mdmd", "flow-peak"):
        res = run_loso(ds, feats, m, None, progress=False)
        assert len(res.folds) == 3
        for f in res.folds:     # p per fold from the training subjects' grid
            assert f.test[0] not in f.fit_subjects and 0 < f.threshold < 1
        e = evaluate(ds.intervals, res.predictions, "megc2020", "all")
        assert set(e) == {"micro", "macro", "overall"}
        assert e["overall"].tp == e["micro"].tp + e["macro"].tp
        assert e["overall"].tp >= 1, {k: v.as_dict() for k, v in e.items()}


def test_refinement_fits_the_movement():
    # windows of 11 frames every 2; the expression is frames 27..31: windows containing it score
    starts = np.arange(1, 80, 2)
    scores = np.where((starts <= 27) & (starts + 10 >= 31), 0.9, 0.05)
    before = spot_intervals(starts, 11, scores, 0.5, merge="span")
    after = spot_intervals(starts, 11, scores, 0.5, merge="span", refine=True)
    assert before[["onset", "offset"]].values.tolist() == [[21, 37]]
    on, off = after[["onset", "offset"]].values[0]
    assert 21 <= on <= 27 and 31 <= off <= 37 and off - on < 37 - 21
    sup = frame_support(starts, 11, scores, 90)
    assert sup[28] == pytest.approx((2 * 0.05 + 4 * 0.9) / 6) and np.isnan(sup[89])   # frame 29
    same = refine_intervals(pd.DataFrame({"onset": [50], "offset": [60]}), np.ones(90))
    assert same[["onset", "offset"]].values.tolist() == [[50, 60]]   # flat support: unchanged


@pytest.mark.slow
def test_cli_loso_writes_predictions_and_scores_per_method(short_demo, tmp_path):
    import json

    from conftest import write_manifest

    man = write_manifest(tmp_path / "m.yaml", {"tiny": {
        "format": "samm-lv", "root": str(short_demo), "annotations": "annotations.xlsx",
        "frames": "SAMM_longvideos", "fps": 30}})
    n_gt = len(read_samm_lv(short_demo / "annotations.xlsx", fps=30).intervals)
    out = tmp_path / "out"
    r = _mespot("loso", "--manifest", man, "--dataset", "tiny", "--method", "lbp-chi2,mdmd",
                "--out", out, "--n-jobs", 1)
    assert r.returncode == 0, r.stderr[-2000:]
    for m in ("lbp-chi2", "mdmd"):
        pred = pd.read_csv(out / f"predictions_{m}.csv")
        assert list(pred.columns) == ["subject", "video", "onset", "offset", "type", "score"]
        sc = json.loads((out / f"scores_{m}.json").read_text())
        assert sc["method"] == m and set(sc["scores"]) == {"megc2020", "one-to-one", "coverage"}
        assert set(sc["thresholds"]) == {"101", "102", "103"}     # one p per held-out subject
        o = sc["scores"]["megc2020"]["overall"]
        assert o["tp"] + o["fn"] == n_gt                          # every annotation scored
    assert "MDMD" in r.stdout and "LBP-χ²" in r.stdout


def test_spot_video_default_cache_is_the_manifests(tiny_demo, cache_dir, monkeypatch):
    """Called from Python without ``cache_dir``, spot_video caches where `mespot spot` does
    (MESPOT_CACHE first)."""
    monkeypatch.setenv("MESPOT_CACHE", str(cache_dir / "spotdefault"))
    v = sorted((tiny_demo / "SAMM_longvideos").iterdir())[0]
    res = spot_video(v, fps=30, method="flow-peak", progress=False)
    assert res["n_frames"] == 360
    assert any((cache_dir / "spotdefault").rglob("*.npz"))
