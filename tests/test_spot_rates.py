"""A model trained at one frame rate spots a video at another (HOOF's time steps fitted)."""

from types import SimpleNamespace

import numpy as np
import pandas as pd

from mespot_nb.inference import WindowData, check_shapes, fit_time_axis
from mespot_nb.methods import get_method


def _windows(steps: int) -> WindowData:
    h = np.arange(3 * steps * 32, dtype=np.float32).reshape(3, steps, 32)
    return WindowData(pd.DataFrame({"start": [1, 2, 3]}), {"hoof": h}, np.zeros(3, bool))


def test_hoof_steps_are_padded_or_cut_to_the_models():
    m = get_method("hoof-lstm")
    model = SimpleNamespace(input_shapes={"hoof": (14, 32)})
    short, notes = fit_time_axis(model, _windows(11), m)       # a 24 fps video, a 30 fps model
    assert short.arrays["hoof"].shape == (3, 14, 32) and len(notes) == 1 and "11" in notes[0]
    assert (short.arrays["hoof"][:, :3] == 0).all()
    np.testing.assert_array_equal(short.arrays["hoof"][:, 3:], _windows(11).arrays["hoof"])
    check_shapes(model, short, m)                               # accepted now
    long, _ = fit_time_axis(model, _windows(24), m)             # a 200 fps video
    np.testing.assert_array_equal(long.arrays["hoof"], _windows(24).arrays["hoof"][:, -14:])
    w = _windows(14)
    same, notes = fit_time_axis(model, w, m)
    assert not notes and same is w
