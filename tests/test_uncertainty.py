"""Subject-level bootstrap intervals of F1 and of the difference between two methods."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mespot_nb.evaluation import (bootstrap_f1, f1_table, paired_bootstrap_difference,
                                  subject_counts)


def _counts(rows):
    return pd.DataFrame(rows, columns=["tp", "fp", "fn"], index=[f"s{i}" for i in range(len(rows))])


def test_identical_subjects_give_a_point_interval():
    c = _counts([(2, 1, 1)] * 5)            # F1 = 4 / (4 + 1 + 1) = 2/3 whatever is resampled
    lo, hi = bootstrap_f1(c, n=200, seed=1)
    assert lo == pytest.approx(2 / 3) and hi == pytest.approx(2 / 3)


def test_interval_is_seeded_wider_with_fewer_subjects_and_contains_the_estimate():
    rng = np.random.default_rng(0)
    rows = [(int(rng.integers(0, 6)), int(rng.integers(0, 6)), int(rng.integers(0, 6)))
            for _ in range(30)]
    c = _counts(rows)
    a, b = bootstrap_f1(c, seed=3), bootstrap_f1(c, seed=3)
    assert a == b
    tp, fp, fn = c.sum()
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert a[0] < f1 < a[1]
    few = bootstrap_f1(c.iloc[:5], seed=3)
    assert few[1] - few[0] > a[1] - a[0]


def test_paired_difference_of_a_method_with_itself_is_zero_and_detects_a_real_gap():
    c = _counts([(3, 2, 1), (1, 4, 2), (5, 1, 0), (2, 2, 2)])
    d = paired_bootstrap_difference(c, c, n=300)
    assert d["diff"] == 0 and d["lo"] == 0 and d["hi"] == 0
    better = c.assign(tp=c["tp"] + 2, fn=(c["fn"] - 1).clip(lower=0))
    d = paired_bootstrap_difference(better, c, n=300)
    assert d["diff"] > 0 and d["lo"] > 0 and d["p_le_0"] == 0


def test_f1_table_carries_an_interval_beside_every_f1():
    gt = pd.DataFrame({"subject": ["a", "a", "b", "c"], "video": ["a1", "a1", "b1", "c1"],
                       "onset": [10, 50, 10, 10], "offset": [20, 60, 20, 20],
                       "type": ["micro", "micro", "micro", "macro"]})
    pred = pd.DataFrame({"subject": ["a", "b", "c"], "video": ["a1", "b1", "c1"],
                         "onset": [10, 40, 11], "offset": [20, 50, 21],
                         "type": ["micro", "micro", "macro"], "score": 1.0})
    counts = subject_counts(gt, pred, "megc2020", "micro")
    assert counts.loc["a"].tolist() == [1, 0, 1] and counts.loc["b"].tolist() == [0, 1, 1]
    t = f1_table(gt, {"m": pred}, types=("micro", "macro", "overall"), n_boot=100)
    assert set(t["type"]) == {"micro", "macro", "overall"}
    assert (t["f1_lo"] <= t["f1"]).all() and (t["f1"] <= t["f1_hi"]).all()
