"""Check: what a LOSO fold worker receives and builds, before and after the window store.

On a rehearsal dataset (``mespot demo-data --like ...``), extracts DynGeoNet's features at a
profile and prints: the features held in memory (and pickled whole to every local fold worker
before the store), one fold's gathered training windows (the second copy a worker built), and
what a worker now receives (the store's table and the features' identities) beside the store's
size on disk (shared by all workers through the page cache).

    .venv/bin/python benchmarks/check_window_store.py REHEARSAL_DIR [--profile quick|paper]
"""

from __future__ import annotations

import argparse
import pickle
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rehearsal", help="a folder written by `mespot demo-data --like ...`")
    ap.add_argument("--profile", default="quick", choices=["quick", "paper"])
    ap.add_argument("--cache", default=None, help="cache dir (default: a temporary one)")
    a = ap.parse_args()

    from mespot_nb.features import VideoFeatures, extract_features, profile_feature_params
    from mespot_nb.inference import gather
    from mespot_nb.methods import get_method
    from mespot_nb.rehearsal import read_rehearsal
    from mespot_nb.windowstore import build_store

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(a.cache or tmp)
        ds = read_rehearsal(a.rehearsal)
        m = get_method("dyngeonet")
        t = time.time()
        feats = extract_features(ds, cache, m.feature_params(profile_feature_params(a.profile)),
                                 progress=False)
        frames = sum(f.n_frames for f in feats.values())
        print(f"{ds.name}, {a.profile} profile: {len(feats)} videos, {frames} frames, features "
              f"in {time.time() - t:.0f} s")
        fb = sum(getattr(x, "nbytes", 0) for f in feats.values() for x in f.arrays.values())
        print(f"features in memory {fb / 1e6:.1f} MB; pickled to each fold worker before the "
              f"store: {len(pickle.dumps(feats)) / 1e6:.1f} MB")
        g = gather(ds, feats, m, ds.subjects[1:])
        print(f"one fold's gathered training windows ({len(g.labels)}): "
              f"{sum(x.nbytes for x in g.arrays.values()) / 1e6:.1f} MB")
        del g
        st = build_store(cache / "windows", ds, feats, m, key="check")
        light = {k: VideoFeatures(f.fps, f.n_frames, f.meta) for k, f in feats.items()}
        print(f"store on disk {st.nbytes() / 1e6:.1f} MB ({len(st.labels)} windows); each fold "
              f"worker now receives {len(pickle.dumps(st)) / 1e6:.2f} MB (table) + "
              f"{len(pickle.dumps(light)) / 1e6:.2f} MB (feature identities)")


if __name__ == "__main__":
    main()
