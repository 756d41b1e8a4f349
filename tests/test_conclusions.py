"""Conclusions are written from the recorded numbers: every figure they quote is the one at its
results path, a ranking appears only where a paired interval supports it, and the start page
and references page say what they should."""

import json

import pytest

from mespot_nb import conclusions as C
from mespot_nb.errors import MespotError


def _loso(f1, lo, hi):
    return {"megc2020": {"tp": 3, "fp": 9, "fn": 4, "precision": 0.25, "recall": 0.43, "f1": f1,
                         "f1_ci": [lo, hi]}}


RESULTS_06 = {
    "dyngeonet": {**_loso(0.31, 0.2, 0.4), "window_auc": 0.81},
    "mdmd": _loso(0.12, 0.05, 0.2),
    "geonet": _loso(0.29, 0.1, 0.41),
    "differences_megc2020": {
        "mdmd - dyngeonet": {"diff": -0.19, "ci": [-0.3, -0.08], "supported": True},
        "geonet - dyngeonet": {"diff": -0.02, "ci": [-0.1, 0.07], "supported": False}},
}


def test_ranking_only_where_the_paired_interval_supports_it():
    c = C.conclude("06_loso_evaluation", RESULTS_06)
    assert "DynGeoNet's, 0.310 [0.200, 0.400]" in c.text
    assert "MDMD below DynGeoNet" in c.text
    assert "They do not separate GeoNet from DynGeoNet" in c.text
    assert "GeoNet below" not in c.text and "GeoNet above" not in c.text
    assert "0.810, at or above the 0.75" in c.text
    assert C.check_figures(c.as_dict(), RESULTS_06) == []


def test_the_text_follows_the_numbers_after_a_rerun():
    rerun = json.loads(json.dumps(RESULTS_06))
    rerun["dyngeonet"]["window_auc"] = float("nan")
    assert "AUC is undefined" in C.conclude("06", rerun).text
    rerun["dyngeonet"]["window_auc"] = 0.52
    rerun["differences_megc2020"]["mdmd - dyngeonet"]["supported"] = False
    c = C.conclude("06", rerun)
    assert "0.520, below the 0.75" in c.text
    assert "support" not in c.text.replace("do not", "").split("They")[0]
    assert "do not separate MDMD from DynGeoNet" in c.text


def test_check_figures_catches_a_figure_that_is_not_the_recorded_one():
    c = C.conclude("06", RESULTS_06).as_dict()
    changed = json.loads(json.dumps(RESULTS_06))
    changed["dyngeonet"]["megc2020"]["f1"] = 0.5
    assert any("holds 0.5" in p for p in C.check_figures(c, changed))
    typed = dict(c, text=c["text"] + " It found 17 of them.")
    assert C.check_figures(typed, RESULTS_06) == ["number '17' in the text is not a quoted figure"]


def test_every_notebook_has_a_writer_and_an_unknown_one_is_refused():
    for nb in ("00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10"):
        assert C.conclude(nb, {}).text.startswith("**Conclusion.**")
    with pytest.raises(MespotError, match="no conclusion writer"):
        C.conclude("42_mine", {})


def test_results_summary_states_the_lead_only_when_every_difference_supports_it():
    table = {m: {"megc2020": {"micro": {"f1": f, "f1_ci": [f - 0.1, f + 0.1], "n_subjects": 3,
                                        "few_subjects": True, "tp": 2, "fn": 3}}}
             for m, f in (("mdmd", 0.25), ("dyngeonet", 0.05), ("flow-peak", 0.18))}
    diffs = {"micro": {"mdmd - dyngeonet": {"diff": 0.2, "ci": [0.1, 0.3], "supported": True},
                       "mdmd - flow-peak": {"diff": 0.07, "ci": [-0.05, 0.2],
                                            "supported": False}}}
    res = {"table": table, "differences": diffs, "protocols_agree": True,
           "overlapping_truths": 0}
    c = C.conclude("10_results", res)
    assert "The intervals do not establish it ahead of flow-peak" in c.text
    assert "fewer than 4 subjects" in c.text and "agree in every row" in c.text
    assert C.check_figures(c.as_dict(), res) == []
    res["overlapping_truths"] = 2
    assert "although 2 pairs of annotated intervals overlap" in C.conclude("10", res).text
    diffs["micro"]["mdmd - flow-peak"]["supported"] = True
    assert "Each of its paired 95 % intervals against the others excludes 0" in C.conclude("10", res).text


def test_references_resolve_the_seeds_and_every_method_cites_known_works():
    from mespot_nb.methods import METHODS
    from mespot_nb.references import REFERENCES, SEEDS, references_html, seed_citation

    assert seed_citation("seed 004") == "seed 004 (Verburg & Menkovski 2019)"
    assert all(k in REFERENCES for m in METHODS.values() for k in m.references)
    page = references_html({m.title: m.references for m in METHODS.values()})
    for k in SEEDS.values():
        assert REFERENCES[k].title in page
    assert "method HOOF-LSTM" in page


def test_a_method_citing_an_unknown_work_is_refused():
    from dataclasses import replace

    from mespot_nb.methods import check_method, get_method

    with pytest.raises(MespotError, match="register_reference"):
        check_method(replace(get_method("mdmd"), name="x", references=("nosuch2099",)))
