"""Long dataset passes show frames per second and an estimated finish time (tqdm)."""

from __future__ import annotations

import re
import time

from mespot_nb.parallel import run_jobs


def _slow(x: int) -> int:
    time.sleep(0.15)
    return x


def test_weighted_bar_counts_frames_and_estimates_the_finish(capsys):
    out = run_jobs(_slow, [(i,) for i in range(5)], n_jobs=1, desc="features demo",
                   weights=[300, 300, 600, 300, 300], ordered=True)
    assert out == [0, 1, 2, 3, 4]
    err = capsys.readouterr().err
    assert "features demo" in err and "1.80k/1.80k" in err
    assert re.search(r"frame/s", err), err[-500:]
    assert re.search(r"finish ≈ \d\d:\d\d:\d\d", err), err[-500:]
