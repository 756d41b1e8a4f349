"""The fast pieces of ``benchmarks/real_people.py``: F1 at a fixed event density, the Poisson
interval of a false-alarm count, and scoring a frame range of one's own clip."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def rp():
    spec = importlib.util.spec_from_file_location("real_people_bench",
                                                  ROOT / "benchmarks" / "real_people.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_f1_at_density_is_the_clips_f1_at_its_own_density(rp):
    # a clip of 2 min with 24 events, 15 found, and 30 false intervals: F1 = 30 / (30 + 30 + 9)
    n, minutes, tp, fp = 24, 2.0, 15, 30
    direct = 2 * tp / (2 * tp + fp + (n - tp))
    assert rp.f1_at_density(tp / n, fp / minutes, per_min=n / minutes) == pytest.approx(direct)
    # sparser events at the same recall and false-alarm rate: lower F1
    assert rp.f1_at_density(tp / n, fp / minutes, per_min=5) < direct
    assert rp.f1_at_density(0.5, 0.0) == pytest.approx(2 / 3)       # no false alarms: 2r/(1+r)


def test_poisson_interval_is_garwoods(rp):
    lo, hi = rp.poisson_ci(0)
    assert lo == 0 and hi == pytest.approx(3.689, abs=1e-3)
    lo, hi = rp.poisson_ci(10)
    assert (lo, hi) == pytest.approx((4.795, 18.390), abs=1e-3)


def test_a_row_bounds_its_sparse_f1_by_both_intervals(rp):
    r = rp._row("clip", "m", tp=6, fp=40, n=10, fa_count=20, minutes=0.5, tuned=False,
                condition="a", wall_s=0.0)
    lo, hi = r["f1_sparse_ci"]
    assert lo < r["f1_sparse"] < hi and r["false_per_min"] == 40.0 and r["false_count"] == 20


def test_a_cell_rounds_recall_and_f1_once_from_the_counts(rp):
    """2 of 3 found with 12 false positives: F1 4/17 = 0.2353, stored as 0.235 — printed 0.24,
    as the count gives it, not 0.23 from rounding the stored 0.235 again."""
    row = rp._row("c", "aumatch", 2, 12, 3, 5, 0.1, False, "a", 0.0)
    assert row["f1"] == 0.235
    assert rp._cell(row) == "2/3 = 0.67 [0.21, 0.94] · 0.24 · 50.0"


def test_clips_take_a_frame_range_and_refuse_a_bad_one(rp, tmp_path):
    cv2 = pytest.importorskip("cv2")
    src = tmp_path / "mine.mp4"
    w = cv2.VideoWriter(str(src), cv2.VideoWriter_fourcc(*"mp4v"), 25.0, (64, 48))
    for k in range(100):
        w.write(np.full((48, 64, 3), k, np.uint8))
    w.release()
    clip, = rp.own_clips([f"{src}@11-80"], tmp_path / "work")
    assert clip.name == "mine_11-80" and clip.frames == 70 and clip.fps == pytest.approx(25.0)
    assert Path(clip.path).parent == tmp_path / "work" / "clips"
    assert clip.file() == Path(clip.path)      # one's own clip on disk resolves to itself
    with pytest.raises(SystemExit, match="mine.mp4@80-11"):
        rp.own_clips([f"{src}@80-11"], tmp_path / "work")
    with pytest.raises(SystemExit, match="FIRST-LAST"):
        rp.own_clips([f"{tmp_path / 'none.mp4'}@1-70"], tmp_path / "work")
    # too short to score: the message says how many frames decode and what to do
    with pytest.raises(SystemExit, match=r"mine.mp4@11-50: .*\(40 frames decode\); leave it out"):
        rp.own_clips([f"{src}@11-50"], tmp_path / "work")


def test_a_clip_counts_the_frames_that_decode_and_one_that_cannot_be_scored_is_named(
        rp, tmp_path, monkeypatch):
    """A container stating more frames than decode (the seventh fresh set's webcam clip: 302
    stated, 151 decode) gets events and minutes from the frames there are; a clip the kit
    refuses is named with the reason and the run goes on with the others."""
    cv2 = pytest.importorskip("cv2")
    import mespot_nb.frames as frames
    from mespot_nb.errors import MespotError

    src = tmp_path / "short.mp4"
    w = cv2.VideoWriter(str(src), cv2.VideoWriter_fourcc(*"mp4v"), 30.0, (64, 48))
    for k in range(302):
        w.write(np.full((48, 64, 3), k % 250, np.uint8))
    w.release()
    assert rp._video_frames(src) == (302, pytest.approx(30.0))
    calls = []
    monkeypatch.setattr(frames, "count_by_reading", lambda path: calls.append(path) or 302)
    rp._video_frames(tmp_path / ".." / tmp_path.name / "short.mp4")   # the same file, by
    assert calls == []                                                 # another path: cached
    rp._counted.cache_clear()
    monkeypatch.setattr(frames, "count_by_reading", lambda path: 151)   # half decodes
    clip, = rp.own_clips([str(src)], tmp_path / "work")
    assert clip.frames == 151 and rp.EVENTS["short"] == 1                # 5.03 s: one event
    rp._counted.cache_clear()

    def counts(c, m, model, seeds, work, cache):
        if c.name == "short":
            raise MespotError(f"{c.name}: the face is tracked on too few frames")
        return 2, 3, 3, 1, 0.5

    monkeypatch.setattr(rp, "_clip_counts", counts)
    monkeypatch.setattr(rp, "UNSCORED", [])
    other = rp.Footage("other", rp.NOT_SHIPPED, str(src), "the user's own", ("a",), fps=30.0,
                       frames=302)
    rows = rp.real_rows(["aumatch"], {}, [0, 1, 2], tmp_path / "work", tmp_path / "cache",
                        [clip, other])
    assert [(r["clip"], r["tp"], r["events"]) for r in rows] == [("other", 2, 3)]
    assert rp.UNSCORED == [{"clip": "short", "method": "aumatch",
                            "reason": "short: the face is tracked on too few frames"}]
    # and the run's JSON says so: the flat figures (make benchmarks' table) and the rows
    import json

    monkeypatch.setattr(rp, "UNSCORED", [])
    monkeypatch.setattr(rp, "own_clips", lambda paths, work: [clip, other])
    monkeypatch.setenv("MESPOT_BENCH_DIR", str(tmp_path / "bench"))
    out = tmp_path / "figures.json"
    monkeypatch.setattr(sys, "argv", ["real_people.py", "--clips", str(src), "--no-demo",
                                      "--methods", "aumatch", "--json", str(out)])
    rp.main()
    flat = json.loads(out.read_text())
    assert flat["short · aumatch not scored"] == "short: the face is tracked on too few frames"
    assert flat["other · aumatch recall"] == pytest.approx(2 / 3, abs=1e-3)
    full = json.loads(out.with_suffix(".rows.json").read_text())
    assert [u["clip"] for u in full["unscored"]] == ["short"]


def test_pooled_f1_sums_the_clips_and_leaves_the_demo_out(rp):
    def row(clip, m, tp, fp, n, cond="c"):
        return rp._row(clip, m, tp=tp, fp=fp, n=n, fa_count=fp, minutes=1.0, tuned=False,
                       condition=cond, wall_s=0.0)

    rows = [row("x", "a", 8, 4, 10), row("y", "a", 6, 6, 10), row("x", "b", 4, 20, 10),
            row("y", "b", 2, 30, 10), row("demo", "a", 0, 99, 10, "demo"),
            row("demo", "b", 10, 0, 10, "demo")]
    p = rp.pooled(rows, ["a", "b"], n_boot=500)
    assert p["clips"] == 2                                  # the demo row is not a real clip
    f1a = 2 * 14 / (2 * 14 + 10 + 6)
    assert p["f1"]["a"][0] == pytest.approx(f1a, abs=1e-3)
    assert p["f1"]["a"][1] <= p["f1"]["a"][0] <= p["f1"]["a"][2]
    d, lo, hi = p["diff"]["a - b"]
    assert d == pytest.approx(f1a - 2 * 6 / (2 * 6 + 50 + 14), abs=1e-3) and 0 < lo <= d <= hi
