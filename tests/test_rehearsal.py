"""The rehearsal dataset (`mespot demo-data --like`): a real dataset's shape from its published
workbook, rendered by the demo generator and read back through the same readers."""

from __future__ import annotations

import json

import pytest

from conftest import CASME, SAMM, need, write_manifest
from mespot_nb.errors import MespotError
from mespot_nb.readers import read_casme2, read_samm_lv
from mespot_nb.rehearsal import (LIKES, generate_rehearsal, plan_rehearsal, read_rehearsal,
                                 workbook_path)


@pytest.mark.parametrize("like,path,reader,n_subj,n_vid,n_expr",
                         [("samm-lv", SAMM, read_samm_lv, 30, 147, 502),
                          ("casme2", CASME, read_casme2, 22, 95, 357)])
def test_full_scale_plan_has_the_real_shape(like, path, reader, n_subj, n_vid, n_expr):
    """At S = 1: the real subjects, videos and expressions at their real frames; each video is
    its last annotated frame plus the stated margin."""
    ds = reader(need(path))
    plan = plan_rehearsal(like, 1.0, path)
    assert (plan["n_subjects"], plan["n_videos"], plan["n_expressions"], plan["left_out"]) == \
        (n_subj, n_vid, n_expr, 0)
    got = sorted((v["subject"], v["video"], e["onset"], e["apex"], e["offset"], e["type"])
                 for v in plan["videos"] for e in v["expressions"])
    want = sorted(zip(ds.intervals["subject"], ds.intervals["video"], ds.intervals["onset"],
                      ds.intervals["apex"].clip(lower=ds.intervals["onset"],
                                                upper=ds.intervals["offset"]),
                      ds.intervals["offset"], ds.intervals["type"]))
    assert got == want
    margin = round(LIKES[like].margin_s * LIKES[like].fps)
    last = ds.intervals.groupby(["subject", "video"])["offset"].max()
    assert plan["n_frames"] == int(last.sum()) + margin * n_vid
    if like == "samm-lv":   # the "about 1.04 million frames"
        assert 1.03e6 < plan["n_frames"] < 1.05e6


def test_small_scale_keeps_lengths_and_fits_every_expression_in_its_video():
    need(SAMM)
    full, small = plan_rehearsal("samm-lv", 1.0, SAMM), plan_rehearsal("samm-lv", 0.05, SAMM)
    assert small["n_videos"] == full["n_videos"] == 147
    assert 0.045 < small["n_frames"] / full["n_frames"] < 0.06
    lengths = sorted(e["offset"] - e["onset"] for v in full["videos"] for e in v["expressions"])
    kept = [e["offset"] - e["onset"] for v in small["videos"] for e in v["expressions"]]
    assert set(kept) <= set(lengths) and len(kept) + small["left_out"] == len(lengths)
    for v in small["videos"]:
        for e in v["expressions"]:
            assert 1 <= e["onset"] <= e["apex"] <= e["offset"] <= v["n_frames"]


def test_rehearsal_reads_back_through_the_real_reader_and_a_manifest_entry(tmp_path):
    """A small CAS(ME)²-shaped rehearsal: its own layout and workbook, read by read_casme2,
    gives exactly the planned videos and expressions; the manifest entry reuses it."""
    need(CASME)
    plan = plan_rehearsal("casme2", 0.02, CASME, subjects=1)
    root = generate_rehearsal(tmp_path / "r", "casme2", 0.02, CASME, subjects=1, progress=False)
    ds = read_casme2(root / "annotations.xlsx", root / "rawpic", fps=30)
    assert ds.findings.empty
    assert ds.videos["source"].notna().all()
    assert dict(zip(ds.videos["video"], ds.videos["n_frames"])) == \
        {v["video"]: v["n_frames"] for v in plan["videos"]}
    got = sorted(zip(ds.intervals["video"], ds.intervals["onset"], ds.intervals["apex"],
                     ds.intervals["offset"], ds.intervals["type"]))
    assert got == sorted((v["video"], e["onset"], e["apex"], e["offset"], e["type"])
                         for v in plan["videos"] for e in v["expressions"])
    stamp = json.loads((root / "mespot_demo.json").read_text())["rehearsal"]
    assert stamp["frame_size"] == [320, 360] and stamp["real_size"] == [640, 480]
    assert read_rehearsal(root).intervals.equals(ds.intervals)
    before = (root / "annotations.xlsx").stat().st_mtime_ns
    generate_rehearsal(root, "casme2", 0.02, CASME, subjects=1, progress=False)  # stamp matches
    assert (root / "annotations.xlsx").stat().st_mtime_ns == before

    from mespot_nb.datasets import read_entry
    from mespot_nb.manifest import load_manifest

    man = write_manifest(tmp_path / "m.yaml", {"cas-r": dict(
        format="demo", like="casme2", scale=0.02, subjects=1, annotations=str(CASME),
        licence="synthetic", citation="mespot-nb rehearsal")})
    text = man.read_text()
    man.write_text(f"cache_dir: {tmp_path / 'cache'}\n" + text)
    m = load_manifest(man)
    ds2 = read_entry(m.entry("cas-r"), m)
    assert ds2.intervals[["video", "onset", "offset"]].equals(ds.intervals[["video", "onset",
                                                                          "offset"]])


def test_a_missing_workbook_says_where_to_put_it(tmp_path, monkeypatch, capsys):
    from mespot_nb.cli import main

    monkeypatch.setenv("MESPOT_WORKBOOKS", str(tmp_path / "wb"))
    with pytest.raises(MespotError, match=str(tmp_path / "wb" / "SAMMLV_gt.xlsx")):
        workbook_path("samm-lv")
    assert main(["demo-data", "--like", "casme2", "--out", str(tmp_path / "o")]) == 2
    assert str(tmp_path / "wb" / "CASME_sq_gt.xlsx") in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
    with pytest.raises(MespotError, match="--scale"):
        plan_rehearsal("samm-lv", 1.5, need(SAMM))
    with pytest.raises(MespotError, match="--like"):
        workbook_path("smic")
