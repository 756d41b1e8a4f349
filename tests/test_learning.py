"""The quick profile learns (issue 19): dynamic images that keep their amplitude, HOOF-LSTM on
standardised inputs, and the paper profile left as the seeds have it.

The full curve (window AUC against image size, width, epochs, normalisation, …) is
``benchmarks/bench_learning.py``; these tests are its fast pieces. A seeded training that shows the gain would need the standard
demo (a 3-subject × 12 s demo is too small: HOOF-LSTM's AUC there moves with the seed more than
with the profile), so the learning itself is shown by the benchmark, not here."""

from __future__ import annotations

import numpy as np
import pytest

from mespot_nb.errors import MespotError
from mespot_nb.evaluation import learning_sentence, learning_table
from mespot_nb.features import FeatureParams, dynamic_image, profile_feature_params, to_uint8
from mespot_nb.features.dynamic import arp_coefficients, scale_dynamic_image, to_uint8_fixed
from mespot_nb.models import ModelConfig


def _clips(seed: int = 0):
    """An 11-frame still clip with ±1 grey-level noise, and the same with a 12-level step."""
    rng = np.random.default_rng(seed)
    still = 100 + rng.integers(-1, 2, (11, 8, 8)).astype(np.float64)
    moving = still.copy()
    moving[6:, 2:6, 2:6] += 12
    return still, moving


def test_fixed_scaling_keeps_amplitude_minmax_does_not():
    still, moving = _clips()
    di_s, di_m = dynamic_image(still), dynamic_image(moving)
    # min-max: a still window's noise is stretched to the full range, like real motion
    assert np.ptp(to_uint8(di_s)) == 255 and np.ptp(to_uint8(di_m)) == 255
    a = arp_coefficients(11)
    fs, fm = to_uint8_fixed(di_s, a, 8.0), to_uint8_fixed(di_m, a, 8.0)
    assert np.abs(fs.astype(int) - 128).max() <= 16          # noise stays near mid-grey
    assert np.abs(fm.astype(int) - 128).max() >= 40          # the step stands out
    # one unit = one mean grey-level change: a constant image of c units maps to 128 + gain·c
    np.testing.assert_array_equal(to_uint8_fixed(np.full((2, 2), np.abs(a).sum() * 3), a, 8.0),
                                  np.full((2, 2), 152, np.uint8))
    assert to_uint8_fixed(np.full((1, 1), 1e9), a, 8.0)[0, 0] == 255      # clipped


def test_scaling_settings_are_checked():
    still, _ = _clips()
    di = dynamic_image(still)
    np.testing.assert_array_equal(scale_dynamic_image(di, 11, FeatureParams()), to_uint8(di))
    with pytest.raises(MespotError, match="di_norm"):
        scale_dynamic_image(di, 11, FeatureParams(di_norm="per-video"))
    with pytest.raises(MespotError, match="di_gain"):
        scale_dynamic_image(di, 11, FeatureParams(di_norm="fixed", di_gain=0.0))


def test_paper_profile_stays_with_the_seeds_quick_departs():
    assert profile_feature_params("paper").di_norm == "minmax"            # seed 000
    assert ModelConfig.profile("paper").lstm_standardise is False         # seed 004
    q = profile_feature_params("quick")
    assert (q.di_norm, q.di_gain, q.di_size) == ("fixed", 8.0, 48)
    assert ModelConfig.profile("quick").lstm_standardise is True


def test_learning_table_and_sentence():
    import pandas as pd

    sc = pd.DataFrame({"score": [0.1, 0.2, 0.8, 0.9], "label": [False, False, True, True]})
    gt = pd.DataFrame({"subject": ["s"], "video": ["v"], "onset": [10], "offset": [20],
                       "type": ["micro"]})
    pred = pd.DataFrame({"subject": ["s"], "video": ["v"], "onset": [11], "offset": [20],
                         "type": ["micro"], "score": [0.9]})
    bad = sc.assign(score=sc["score"][::-1].to_numpy())
    t = learning_table({"a": (sc, pred), "b": (bad, pred.iloc[:0])}, gt, {"a": "A"})
    assert t.loc["a", "window_auc"] == 1.0 and t.loc["a", "reaches"]
    assert t.loc["b", "window_auc"] == 0.0 and not t.loc["b", "reaches"]
    assert (t.loc["a", "f1"], t.loc["b", "fn"]) == (1.0, 1)
    text = learning_sentence(t)
    assert "**A**: held-out window AUC 1.000" in text and "reaches the 0.75 bar" in text
    assert "**b**" in text and "does **not** reach" in text
