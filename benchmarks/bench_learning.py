"""Benchmark: where the quick profile's learning loses the signal — held-out-subject window AUC
of DynGeoNet and HOOF-LSTM on the standard demo against the composed image's size, the network's
width, the epochs, the dynamic images' normalisation, the learning rate and the negatives per
positive.

Every setting is one leave-one-subject-out run (:func:`mespot_nb.training.run_loso`, the same
folds, seed and validation subjects for all, no checkpoints) of the manifest's ``demo`` entry
(6 subjects × 2 videos × 30 s, difficulty standard); the AUC is that of every held-out window of
every fold pooled — notebook 06's "window AUC". Each setting changes one thing from a base (the
old quick profile, ``old``), and the last rows combine the changes that helped. The features of
each image size / normalisation are extracted once into the cache (``$MESPOT_CACHE``, or the
manifest's). Prints one row per setting; ``--json`` writes every figure flat.

    .venv/bin/python benchmarks/bench_learning.py [--settings old,quick,...] [--methods
        dyngeonet,hoof-lstm] [--n-jobs 2] [--seed 0] [--json PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import add_json_arg, write_figures  # noqa: E402

from mespot_nb.evaluation import roc_auc  # noqa: E402
from mespot_nb.features import profile_feature_params  # noqa: E402
from mespot_nb.features.stream import extract_features  # noqa: E402
from mespot_nb.methods import get_method  # noqa: E402
from mespot_nb.models import ModelConfig  # noqa: E402
from mespot_nb.notebook import setup  # noqa: E402
from mespot_nb.training import run_loso  # noqa: E402

#: The quick profile before issue 19 (48 px composed images, min-max stretched, 8 epochs).
OLD_FEATURES = dict(di_size=48, di_norm="minmax")
OLD_CONFIG = dict(image_size=48, width=1 / 16, epochs=8, lr=2e-3, patience=3, neg_ratio=4.0,
                  lstm_epochs=60, lstm_lr=3e-3, lstm_patience=10, lstm_standardise=False)

#: name → (feature changes, model-config changes) from the old quick profile; ``quick`` is the
#: kit's quick profile as it is now.
SETTINGS: dict[str, tuple[dict, dict]] = {
    "old": ({}, {}),
    "size64": ({"di_size": 64}, {"image_size": 64}),
    "size96": ({"di_size": 96}, {"image_size": 96}),
    "width1/8": ({}, {"width": 1 / 8}),
    "epochs16": ({}, {"epochs": 16, "patience": 5}),
    "epochs24": ({}, {"epochs": 24, "patience": 6}),
    "lr5e-4": ({}, {"lr": 5e-4}),
    "neg2": ({}, {"neg_ratio": 2.0}),
    "neg8": ({}, {"neg_ratio": 8.0}),
    "fixed": ({"di_norm": "fixed"}, {}),
    "fixed-gain8": ({"di_norm": "fixed", "di_gain": 8.0}, {}),
    "fixed-gain16": ({"di_norm": "fixed", "di_gain": 16.0}, {}),
    "gain8-neg2": ({"di_norm": "fixed", "di_gain": 8.0}, {"neg_ratio": 2.0}),
    "gain8-lr1e-3": ({"di_norm": "fixed", "di_gain": 8.0}, {"lr": 1e-3}),
    "gain8-e16": ({"di_norm": "fixed", "di_gain": 8.0}, {"epochs": 16, "patience": 5}),
    "gain8-size64": ({"di_norm": "fixed", "di_gain": 8.0, "di_size": 64}, {"image_size": 64}),
    "gain8-e24": ({"di_norm": "fixed", "di_gain": 8.0}, {"epochs": 24, "patience": 6}),
    "gain8-w8-e16": ({"di_norm": "fixed", "di_gain": 8.0}, {"width": 1 / 8, "epochs": 16,
                                                            "patience": 5}),
    "gain8-e16-drop.5": ({"di_norm": "fixed", "di_gain": 8.0}, {"epochs": 16, "patience": 5,
                                                                "dropout": 0.5}),
    "gain12-e12": ({"di_norm": "fixed", "di_gain": 12.0}, {"epochs": 12}),
    "gain8-e12-lr1e-3": ({"di_norm": "fixed", "di_gain": 8.0}, {"epochs": 12, "lr": 1e-3}),
    "lstm-std": ({}, {"lstm_standardise": True}),
    "lstm-std-lr1e-3": ({}, {"lstm_standardise": True, "lstm_lr": 1e-3, "lstm_epochs": 120,
                             "lstm_patience": 20}),
    "lstm-lr1e-3": ({}, {"lstm_lr": 1e-3, "lstm_epochs": 120, "lstm_patience": 20}),
    "lstm-hidden32": ({}, {"lstm_hidden": 32}),
    "quick": (None, None),
}


def setting(name: str, base_params) -> tuple:
    """(FeatureParams, ModelConfig) of a named setting."""
    if name not in SETTINGS:
        raise SystemExit(f"unknown setting {name!r}: use one of {', '.join(SETTINGS)}")
    fch, cch = SETTINGS[name]
    if fch is None:
        return profile_feature_params("quick"), ModelConfig.profile("quick")
    params = replace(base_params, **{**OLD_FEATURES, **fch})
    return params, replace(ModelConfig.profile("quick"), **{**OLD_CONFIG, **cch})


def touches(name: str, method: str) -> bool:
    """Whether a setting changes anything ``method`` reads (HOOF-LSTM: the ``lstm_*`` fields
    and ``neg_ratio``; the DynGeoNet family: everything else)."""
    if SETTINGS[name][0] is None or name == "old":
        return True
    fch, cch = SETTINGS[name]
    lstm = {k for k in cch if k.startswith("lstm_")} | ({"neg_ratio"} & set(cch))
    if method == "hoof-lstm":
        return bool(lstm)
    return bool(fch) or bool(set(cch) - lstm) or "neg_ratio" in cch


def loso_figures(ds, feats, method: str, cfg: ModelConfig, seed: int, n_jobs: int) -> dict:
    """One LOSO run's figures: pooled and per-fold window AUC, best epochs, loss curve, time."""
    t = time.perf_counter()
    r = run_loso(ds, feats, method, cfg, seed=seed, n_jobs=n_jobs, progress=False)
    wall = time.perf_counter() - t
    sc = r.scores
    fold_auc = [roc_auc(sc[sc.subject == f.test[0]]["score"].to_numpy(),
                        sc[sc.subject == f.test[0]]["label"].to_numpy()) for f in r.folds]
    best = [f.best_epoch for f in r.folds]
    ran = [len(f.history) for f in r.folds]
    n_ep = max(ran)
    loss = [np.nanmean([f.history[e]["train_loss"] if e < len(f.history) else np.nan
                        for f in r.folds]) for e in range(n_ep)]
    return {"auc": roc_auc(sc["score"].to_numpy(), sc["label"].to_numpy()),
            "fold_auc_mean": float(np.nanmean(fold_auc)), "fold_auc_min": float(np.nanmin(fold_auc)),
            "best_epoch_mean": float(np.mean(best)),
            "epochs_run_mean": float(np.mean(ran)),
            "best_is_last": int(sum(b == n for b, n in zip(best, ran))),
            "folds": len(r.folds), "epochs_max": n_ep,
            "loss_first": float(loss[0]), "loss_last": float(loss[-1]),
            "loss_min_epoch": int(np.nanargmin(loss)) + 1,
            "loso_s": wall, "fold_s": wall * min(n_jobs, len(r.folds)) / len(r.folds)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--settings", default=",".join(SETTINGS),
                    help=f"comma-separated, from: {', '.join(SETTINGS)}")
    ap.add_argument("--methods", default="dyngeonet,hoof-lstm")
    ap.add_argument("--dataset", default="demo", help="manifest entry (the standard demo)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n-jobs", type=int, default=2, help="folds trained in parallel")
    add_json_arg(ap)
    a = ap.parse_args()
    nb = setup("bench_learning", a.dataset, plots=False)
    methods = [m.strip() for m in a.methods.split(",") if m.strip()]
    fig: dict = {"dataset": a.dataset,
                 "difficulty": str(nb.manifest.entry(a.dataset).get("difficulty") or ""),
                 "seed": a.seed, "n_jobs": a.n_jobs}
    print(f"{'setting':14s} {'method':10s} {'AUC':>6s} {'fold mean':>9s} {'min':>6s} "
          f"{'best ep':>7s} {'best=last':>9s} {'loss 1st→last':>14s} {'s/fold':>7s}")
    for name in [s.strip() for s in a.settings.split(",") if s.strip()]:
        for method in methods:
            m = get_method(method)
            params, cfg = setting(name, profile_feature_params("quick"))
            if not touches(name, m.name):
                continue
            t = time.perf_counter()
            feats = extract_features(nb.ds, nb.cache_dir, m.feature_params(
                replace(params, families=m.families)), progress=False)
            ext = time.perf_counter() - t
            f = loso_figures(nb.ds, feats, m.name, cfg, a.seed, a.n_jobs)
            key = f"{name}_{m.name}".replace("-", "_").replace("/", "_")
            fig.update({f"{key}_{k}": (round(v, 4) if isinstance(v, float) else v)
                        for k, v in f.items()})
            fig[f"{key}_extract_s"] = round(ext, 1)
            print(f"{name:14s} {m.name:10s} {f['auc']:6.3f} {f['fold_auc_mean']:9.3f} "
                  f"{f['fold_auc_min']:6.3f} {f['best_epoch_mean']:7.1f} "
                  f"{f['best_is_last']:>4d}/{f['folds']:<4d} "
                  f"{f['loss_first']:6.3f}→{f['loss_last']:.3f} {f['fold_s']:7.1f}", flush=True)
    write_figures(a.json, fig)


if __name__ == "__main__":
    main()
