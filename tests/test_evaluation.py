"""Evaluation protocols: hand-computed cases and the official STRS sample."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from mespot_nb.evaluation import (evaluate, footage_reduction, iou, iou_matrix,
                                  score_intervals)
from mespot_nb.readers import read_megc_csv_table

from conftest import STRS, need


def _df(rows, cols=("subject", "video", "onset", "offset")):
    return pd.DataFrame(rows, columns=list(cols))


def test_iou_inclusive_edge_cases():
    assert iou(1, 10, 1, 10) == 1.0
    assert iou(1, 10, 11, 20) == 0.0            # adjacent: no shared frame
    assert iou(1, 10, 10, 19) == pytest.approx(1 / 19)  # one shared frame
    assert iou(5, 5, 5, 5) == 1.0               # single-frame intervals
    assert iou(1, 10, 3, 7) == pytest.approx(5 / 10)  # contained: exactly 0.5
    assert iou(1, 4, 2, 5) == pytest.approx(3 / 5)
    m = iou_matrix(np.array([[1, 10], [11, 20]]), np.array([[3, 7]]))
    assert m.shape == (2, 1) and m[0, 0] == pytest.approx(0.5) and m[1, 0] == 0


def test_strs_sample_one_to_one_matches_official_script():
    gt = read_megc_csv_table(need(STRS / "gt.csv"))
    pred = read_megc_csv_table(STRS / "pred.csv", "predictions")
    s = evaluate(gt, pred, "one-to-one")["overall"]
    assert (s.tp, s.fp, s.fn) == (159, 85, 85)
    assert s.f1 == pytest.approx(0.6516, abs=1e-4)


def test_protocols_differ_where_they_should():
    gt = _df([("a", "v", 10, 19), ("a", "v", 12, 21)])
    # one prediction overlapping both ground truths with IoU >= 0.5
    pred = _df([("a", "v", 11, 20)])
    assert (lambda s: (s.tp, s.fp, s.fn))(score_intervals(gt, pred, "megc2020")) == (2, 0, 0)
    assert (lambda s: (s.tp, s.fp, s.fn))(score_intervals(gt, pred, "one-to-one")) == (1, 0, 1)
    # coverage: a long prediction that covers >= 80% of a ground truth is TP even at low IoU
    gt2 = _df([("a", "v", 100, 109)])
    long = _df([("a", "v", 90, 130)])
    assert score_intervals(gt2, long, "megc2020").tp == 0
    s = score_intervals(gt2, long, "coverage")
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    short = _df([("a", "v", 100, 106)])  # covers 7/10 < 0.8
    assert score_intervals(gt2, short, "coverage").tp == 0


def test_one_to_one_uses_score_order():
    gt = _df([("a", "v", 10, 19)])
    pred = pd.DataFrame({"subject": ["a", "a"], "video": ["v", "v"], "onset": [11, 10],
                         "offset": [20, 19], "score": [0.1, 0.9]})
    s = score_intervals(gt, pred, "one-to-one")
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


def test_unknown_videos_are_false_positives_under_every_protocol():
    gt = _df([("a", "v", 10, 19)])
    pred = _df([("a", "v", 10, 19), ("b", "w", 1, 5), ("b", "w", 7, 9)])
    for proto in ("megc2020", "one-to-one", "coverage"):
        s = score_intervals(gt, pred, proto)
        assert (s.tp, s.fp, s.fn) == (1, 2, 0), proto
        assert s.unknown_videos == [("b", "w")]


def test_per_type_and_overall_sum_counts():
    gt = pd.DataFrame({"subject": ["a"] * 3, "video": ["v"] * 3, "onset": [10, 100, 300],
                       "offset": [19, 160, 310], "type": ["micro", "macro", "micro"]})
    pred = pd.DataFrame({"subject": ["a"] * 3, "video": ["v"] * 3, "onset": [10, 100, 500],
                         "offset": [19, 160, 510], "type": ["micro", "macro", "macro"]})
    r = evaluate(gt, pred, "megc2020")
    assert (r["micro"].tp, r["micro"].fp, r["micro"].fn) == (1, 0, 1)
    assert (r["macro"].tp, r["macro"].fp, r["macro"].fn) == (1, 1, 0)
    o = r["overall"]
    assert (o.tp, o.fp, o.fn) == (2, 1, 1)
    assert o.f1 == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))
    # length filter: drop predictions shorter than 15 frames (the micro hit)
    r2 = evaluate(gt, pred, "megc2020", min_frames=15)
    assert r2["micro"].tp == 0


def test_footage_reduction_counts_overlaps_once():
    pred = _df([("a", "v", 1, 10), ("a", "v", 5, 14), ("a", "w", 1, 1)])
    assert footage_reduction(pred, 100) == pytest.approx(15 / 100)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "mespot_nb", *args], capture_output=True,
                          text=True)


def test_cli_evaluate_json_reproduces_strs(tmp_path):
    out = tmp_path / "score.json"
    r = _cli("evaluate", "--annotations", str(need(STRS / "gt.csv")), "--format", "csv",
             "--predictions", str(STRS / "pred.csv"), "--protocol", "one-to-one", "--json",
             "--out", str(out))
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert obj["overall"]["tp"] == 159 and obj["overall"]["fp"] == 85 and obj["overall"]["fn"] == 85
    assert set(obj["overall"]) == {"tp", "fp", "fn", "precision", "recall", "f1"}
    assert json.loads(out.read_text()) == obj


def test_cli_evaluate_bad_input(tmp_path):
    bad = tmp_path / "pred.csv"
    bad.write_text("subject,video,onset,offset\n1,EP02_01f,50,40\n")
    out = tmp_path / "out.json"
    r = _cli("evaluate", "--annotations", str(need(STRS / "gt.csv")), "--format", "csv",
             "--predictions", str(bad), "--json", "--out", str(out))
    assert r.returncode == 2
    assert f"predictions {bad}, row 2: onset 50 > offset 40" in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()
    # unknown format is refused by the parser
    r = _cli("evaluate", "--annotations", "x", "--format", "smic", "--predictions", "y")
    assert r.returncode == 2 and "--format: invalid choice: 'smic'" in r.stderr


def test_cli_evaluate_lists_unknown_videos(tmp_path):
    p = tmp_path / "pred.csv"
    p.write_text("subject,video,onset,offset\n1,EP02_01f,45,85\n99,nosuch,1,10\n")
    r = _cli("evaluate", "--annotations", str(need(STRS / "gt.csv")), "--format", "csv",
             "--predictions", str(p), "--json")
    assert r.returncode == 0
    assert "99/nosuch" in r.stderr
    assert json.loads(r.stdout)["overall"]["fp"] == 1


def test_cli_evaluate_real_casme2_with_the_id_spellings_people_use(tmp_path):
    from conftest import CASME, SAMM

    p = tmp_path / "pred.csv"
    # CAS(ME)² row 1 is s15 anger1_1 557..608 (macro); written three different ways
    p.write_text("subject,video,onset,offset,type\n15,15_0401girlcrashing,557,608,macro\n"
                 "s15,s15_0401,557,608,macro\n15,0401,560,605,macro\n")
    r = _cli("evaluate", "--annotations", str(need(CASME)), "--format", "casme2",
             "--predictions", str(p), "--protocol", "one-to-one", "--type", "macro", "--json")
    assert r.returncode == 0, r.stderr
    o = json.loads(r.stdout)["macro"]
    assert (o["tp"], o["fp"], o["fn"]) == (1, 2, 299)
    q = tmp_path / "samm.csv"
    q.write_text("subject,video,onset,offset\n6,006_1_2,3562,3632\n")   # SAMM micro 006_1
    r = _cli("evaluate", "--annotations", str(need(SAMM)), "--format", "samm-lv",
             "--predictions", str(q), "--type", "micro", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["micro"]["tp"] == 1
