"""HOOF-LSTM (seed 004 §III-C): two LSTM layers of 12 units over a 0.5 s window's HOOF sequence,
softmax over two classes. A window is positive when it covers ≥ 0.8 of a micro-expression (seed
004 eq. 1). Post-processing is seed 004 §III-D (``merge="suppress"``): among the windows scoring ≥
the threshold, the most confident remaining one becomes a detection — the window itself — and its
direct neighbours (every positive window sharing a frame with it) are suppressed, until none is
left; a long run of positive windows so gives several disjoint detections. The threshold is chosen
on training subjects by the coverage protocol the paper scores with.
"""

from __future__ import annotations

from ..features.common import register_family
from ..features.flow import HoofSequences
from ..windows import WindowKind, register_window_kind
from .base import Method

register_family(HoofSequences)
#: seed 004's 0.5 s windows at a 0.2 s stride; their HOOF sequences differ in length across frame
#: rates (14 steps at 30 fps, 24 at 100 and 200), so cross-database training pads them in front.
WINDOW = register_window_kind(WindowKind(
    "hoof", start="hoof_start", length="hoof_length", valid="hoof_valid", pad_left=("hoof",),
    description="0.5 s windows, 0.2 s stride, seed 004"))


def _build(cfg, shapes):
    from ..models import HoofLSTM

    return HoofLSTM(cfg, int(shapes["hoof"][-1]))


HOOF_LSTM = Method(
    name="hoof-lstm", title="HOOF-LSTM", source="seed 004 §III (HOOF sequences → LSTM)",
    window="hoof", label="cov_pos", families=("hoof",), inputs=("hoof",), build=_build,
    loss="ce", schedule="lstm",
    spot={"merge": "suppress", "select_protocol": "coverage"},
    references=("verburg2019", "chaudhry2009", "hochreiter1997"))
