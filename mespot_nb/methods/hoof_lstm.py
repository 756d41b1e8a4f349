"""HOOF-LSTM (seed 004 §III-C): two LSTM layers of 12 units over a 0.5 s window's HOOF sequence,
softmax over two classes. A window is positive when it covers ≥ 0.8 of a micro-expression (seed
004 eq. 1). Post-processing is seed 004 §III-D (``merge="suppress"``): among the windows scoring ≥
the threshold, the most confident remaining one becomes a detection — the window itself — and its
direct neighbours (every positive window sharing a frame with it) are suppressed, until none is
left; a long run of positive windows so gives several disjoint detections. The threshold is chosen
on training subjects by the coverage protocol the paper scores with.
"""

from __future__ import annotations

from .base import Method


def _build(cfg, shapes):
    from ..models import HoofLSTM

    return HoofLSTM(cfg, int(shapes["hoof"][-1]))


HOOF_LSTM = Method(
    name="hoof-lstm", title="HOOF-LSTM", source="seed 004 §III (HOOF sequences → LSTM)",
    window="hoof", label="cov_pos", families=("hoof",), inputs=("hoof",), build=_build,
    loss="ce", schedule="lstm",
    spot={"merge": "suppress", "select_protocol": "coverage"})
