"""Training, leave-one-subject-out and cross-database evaluation.

Every fold trains a fresh model on subjects that never include the test subject (asserted on
the arrays themselves, not only on the split), picks its epoch by early stopping on held-out
*training* subjects, picks its decision threshold on those same training subjects, and only then
scores the test subject. Each fold is seeded (seed, fold) and deterministic on the CPU, and is
checkpointed when it finishes, so an interrupted run resumes and equals an uninterrupted one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._io import atomic_path
from .errors import MespotError
from .evaluation import roc_auc
from .models import ModelConfig, build_model, numpy_batch, positive_score, resolve_device
from .spotting import choose_threshold, spot_table
from .windows import window_table

LABEL_RULE = {"hoof-lstm": "cov_pos"}  # seed 004: coverage ≥ 0.8; the others: IoU ≥ 0.5
TRAINING_VERSION = 1
#: Spotting settings used unless a caller passes others: one detection per run of positive
#: windows, centred on the run, as long as the training subjects' median micro-expression
#: (resolved to ``extent_s``, seconds, on the training data).
DEFAULT_SPOT = {"merge": "centre", "extent": "train-median"}


def window_kind(method: str) -> str:
    """Which windows a method uses: ``hoof`` (0.5 s) for HOOF-LSTM, ``dyngeonet`` (L frames)."""
    return "hoof" if method == "hoof-lstm" else "dyngeonet"


def label_column(method: str) -> str:
    return LABEL_RULE.get(method, "iou_pos")


# ----------------------------------------------------------------------------------------------
# splits


def loso_splits(subjects: list[str]) -> list[tuple[str, list[str]]]:
    """Leave-one-subject-out: ``[(test_subject, training_subjects), …]`` in subject order."""
    subjects = sorted(set(subjects))
    if len(subjects) < 3:
        raise MespotError(f"leave-one-subject-out needs at least 3 subjects, got {len(subjects)}")
    out = []
    for s in subjects:
        train = [t for t in subjects if t != s]
        assert s not in train
        out.append((s, train))
    return out


def validation_split(subjects: list[str], seed: int, fraction: float = 0.2
                     ) -> tuple[list[str], list[str]]:
    """Training subjects → (fit, validation) subjects; at least one of each (when ≥ 2)."""
    subjects = sorted(subjects)
    if len(subjects) < 2:
        return subjects, subjects
    rng = np.random.default_rng(seed)
    n_val = min(len(subjects) - 1, max(1, int(round(fraction * len(subjects)))))
    val = sorted(rng.choice(subjects, size=n_val, replace=False).tolist())
    return [s for s in subjects if s not in val], val


# ----------------------------------------------------------------------------------------------
# data


@dataclass
class WindowData:
    """The windows of some subjects as arrays a model eats.

    table : their rows of :func:`~mespot_nb.windows.window_table` (+ ``dataset``).
    arrays : ``dyn``/``apex`` (N, S, S) uint8, ``geo`` (N, 67) float32, or ``hoof`` (N, T, F).
    labels : (N,) bool.
    """

    table: pd.DataFrame
    arrays: dict[str, np.ndarray]
    labels: np.ndarray

    def subjects(self) -> set[str]:
        return set(self.table["subject"])

    def select(self, mask: np.ndarray) -> "WindowData":
        return WindowData(self.table[mask].reset_index(drop=True),
                          {k: v[mask] for k, v in self.arrays.items()}, self.labels[mask])


def gather(dataset, feats: dict, method: str, subjects: list[str] | None = None) -> WindowData:
    """The usable windows (a face to align to, finite features) of ``subjects`` for ``method``."""
    kind = window_kind(method)
    table = window_table(dataset, feats, kind)
    if subjects is not None:
        table = table[table["subject"].isin(subjects)].reset_index(drop=True)
    arrays: dict[str, list] = {}
    keep = []
    for (s, v), g in table.groupby(["subject", "video"], sort=False):
        f = feats[(s, v)]
        idx = g["index"].to_numpy()
        if kind == "hoof":
            ok = f.hoof_valid[idx]
            arrays.setdefault("hoof", []).append(f.hoof[idx])
        else:
            ok = f.dg_valid[idx].copy()
            if method in ("dyngeonet", "geonet"):
                ok &= np.isfinite(f.geo[idx]).all(1)
            arrays.setdefault("dyn", []).append(f.dyn[idx])
            arrays.setdefault("apex", []).append(f.apex[idx])
            arrays.setdefault("geo", []).append(np.nan_to_num(f.geo[idx]))
        keep.append(ok)
    if not keep:
        raise MespotError(f"dataset '{dataset.name}': no windows for subjects {subjects}")
    order = pd.concat([g for _, g in table.groupby(["subject", "video"], sort=False)])
    mask = np.concatenate(keep)
    arr = {k: np.concatenate(v)[mask] for k, v in arrays.items()}
    tab = order[mask].reset_index(drop=True)
    tab["dataset"] = dataset.name
    tab["fps"] = [float(feats[(s, v)].fps) for s, v in zip(tab["subject"], tab["video"])]
    return WindowData(tab, arr, tab[label_column(method)].to_numpy(bool))


def concat(parts: list[WindowData]) -> WindowData:
    """Windows of several datasets (cross-database training) as one."""
    keys = set.intersection(*(set(p.arrays) for p in parts))
    return WindowData(pd.concat([p.table for p in parts], ignore_index=True),
                      {k: np.concatenate([p.arrays[k] for p in parts]) for k in keys},
                      np.concatenate([p.labels for p in parts]))


# ----------------------------------------------------------------------------------------------
# fitting


def _seed_everything(seed: int) -> None:
    import random

    import torch

    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def _loss(model, out, y, weights=None):
    import torch
    from torch.nn import functional as F

    if getattr(model, "method", "") == "hoof-lstm":
        return F.cross_entropy(out, y.long(), weight=weights)
    return F.binary_cross_entropy_with_logits(out, y.float())


def predict_scores(model, data: WindowData, batch: int = 256, device: str = "auto") -> np.ndarray:
    """P(micro-expression) of every window (eval mode, no gradients)."""
    import torch

    dev = resolve_device(device)
    model.eval().to(dev)
    out = []
    with torch.no_grad():
        for a in range(0, len(data.labels), batch):
            idx = np.arange(a, min(a + batch, len(data.labels)))
            out.append(positive_score(model, model(numpy_batch(data.arrays, idx, dev))).cpu().numpy())
    return np.concatenate(out) if out else np.zeros(0)


def fit(method: str, cfg: ModelConfig, train: WindowData, val: WindowData | None, seed: int,
        device: str = "auto", progress: bool = False, desc: str = "",
        imagenet: str | Path | None = None) -> tuple[Any, list[dict], int]:
    """Train a fresh model; returns (model at its best validation epoch, history, best epoch).

    Each epoch uses every positive window and ``neg_ratio`` × as many negatives drawn afresh
    (seeded); the epoch kept is the one with the highest window-level ROC AUC on the validation
    subjects (training subjects only — a class-balanced loss rewards timid models here), with
    early stopping after ``patience`` epochs without improvement.
    """
    import copy

    import torch

    from .models import load_imagenet_vgg16

    _seed_everything(seed)
    dev = resolve_device(device)
    n_hoof = train.arrays["hoof"].shape[-1] if "hoof" in train.arrays else 32
    model = build_model(method, cfg, n_hoof)
    if imagenet is not None and method != "hoof-lstm":
        load_imagenet_vgg16(model, imagenet)
    if getattr(model, "geo", None) is not None:
        g = train.arrays["geo"]
        model.geo.mean.copy_(torch.from_numpy(g.mean(0).astype(np.float32)))
        model.geo.std.copy_(torch.from_numpy(np.maximum(g.std(0), 1e-3).astype(np.float32)))
    model.to(dev)
    lstm = method == "hoof-lstm"
    epochs = cfg.lstm_epochs if lstm else cfg.epochs
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lstm_lr if lstm else cfg.lr)
    rng = np.random.default_rng(seed)
    pos = np.flatnonzero(train.labels)
    neg = np.flatnonzero(~train.labels)
    if len(pos) == 0:
        raise MespotError(f"no positive (micro-expression) windows to train {method} on "
                          f"(subjects {sorted(train.subjects())})")
    history: list[dict] = []
    best = (np.inf, 0, copy.deepcopy(model.state_dict()))
    bad = 0
    it = range(1, epochs + 1)
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, desc=desc or method, unit="epoch", leave=False)
    for ep in it:
        model.train()
        n_neg = min(len(neg), int(round(cfg.neg_ratio * len(pos))))
        idx = np.concatenate([pos, rng.choice(neg, size=n_neg, replace=False)])
        rng.shuffle(idx)
        tot, n = 0.0, 0
        for a in range(0, len(idx), cfg.batch):
            bi = idx[a:a + cfg.batch]
            b = numpy_batch(train.arrays, bi, dev)
            y = torch.from_numpy(train.labels[bi]).to(dev)
            opt.zero_grad()
            loss = _loss(model, model(b), y)
            loss.backward()
            opt.step()
            tot += float(loss.detach()) * len(bi)
            n += len(bi)
        rec = {"epoch": ep, "train_loss": tot / max(n, 1)}
        if val is not None and val.labels.any() and not val.labels.all():
            rec["val_auc"] = roc_auc(predict_scores(model, val, device=device), val.labels)
        history.append(rec)
        # lower is better: 1 − validation AUC (ranking is what spotting needs), else train loss
        score = 1 - rec["val_auc"] if "val_auc" in rec else rec["train_loss"]
        if score < best[0] - 1e-6:
            best = (score, ep, copy.deepcopy(model.state_dict()))
            bad = 0
        else:
            bad += 1
            if bad >= cfg.patience:
                break
    model.load_state_dict(best[2])
    return model, history, best[1]


# ----------------------------------------------------------------------------------------------
# one fold, and LOSO


@dataclass
class FoldResult:
    """One fold: who trained, what was chosen on them, and the test subject's scores."""

    test: list[str]
    fit_subjects: list[str]
    val_subjects: list[str]
    best_epoch: int
    threshold: float
    threshold_f1: float
    history: list[dict]
    scores: pd.DataFrame          # test windows: subject, video, start, stop, label, score
    spot_kw: dict = field(default_factory=dict)   # spotting settings, as resolved on training data
    n_train: dict = field(default_factory=dict)
    threshold_curve: pd.DataFrame | None = None   # F1 on training subjects per candidate


def train_with_threshold(method: str, cfg: ModelConfig, train: WindowData,
                         train_intervals: pd.DataFrame, seed: int, device: str = "auto",
                         progress: bool = False, desc: str = "", imagenet=None,
                         spot_kw: dict | None = None) -> dict[str, Any]:
    """Fit on the training subjects and choose the decision threshold on their held-out part.

    The training subjects are split into fit / validation subjects; the model's epoch and the
    threshold are chosen on the validation subjects (or on all training subjects when those have
    no positive window). ``train_intervals`` must hold the training subjects' annotations only.

    Returns a dict: ``model, fit_subjects, val_subjects, history, best_epoch, threshold,
    threshold_f1, threshold_curve, spot_kw, length``.
    """
    spot_kw = dict(DEFAULT_SPOT if spot_kw is None else spot_kw)
    train_subj = sorted(train.subjects())
    assert set(train_intervals["subject"]) <= set(train_subj), "annotations of other subjects"
    fit_s, val_s = validation_split(train_subj, seed)
    fit_d = train.select(train.table["subject"].isin(fit_s).to_numpy())
    val_d = train.select(train.table["subject"].isin(val_s).to_numpy()) if val_s != fit_s else None
    model, hist, best = fit(method, cfg, fit_d, val_d, seed, device, progress, desc, imagenet)
    thr_d = val_d if val_d is not None and val_d.labels.any() else train
    thr_tab = thr_d.table[["subject", "video", "start", "fps"]].copy()
    thr_tab["score"] = predict_scores(model, thr_d, device=device)
    length = int(train.table["stop"].iloc[0] - train.table["start"].iloc[0] + 1)
    extent = spot_kw.pop("extent", None)
    if extent is not None and extent != "train-median":
        spot_kw["extent"] = extent
    elif extent == "train-median":  # the typical ME duration, from the training subjects
        micro = train_intervals[train_intervals["type"] == "micro"]
        fps = train.table.groupby("subject")["fps"].first()
        if len(micro):
            secs = (micro["offset"] - micro["onset"] + 1) / micro["subject"].map(fps).fillna(
                float(train.table["fps"].iloc[0]))
            spot_kw["extent_s"] = float(np.median(secs))
    thr_iv = train_intervals[train_intervals["subject"].isin(thr_d.subjects())]
    thr, thr_f1, curve = choose_threshold(thr_tab, thr_iv, length, return_curve=True, **spot_kw)
    return dict(model=model, fit_subjects=fit_s, val_subjects=val_s, history=hist,
                best_epoch=best, threshold=thr, threshold_f1=thr_f1, threshold_curve=curve,
                spot_kw=spot_kw, length=length, n_train=dict(windows=len(fit_d.labels),
                                                            positives=int(fit_d.labels.sum())))


def run_fold(method: str, cfg: ModelConfig, train: WindowData, test: WindowData,
             train_intervals: pd.DataFrame, seed: int, device: str = "auto",
             progress: bool = False, desc: str = "", imagenet=None,
             spot_kw: dict | None = None) -> tuple[FoldResult, Any]:
    """One fold: :func:`train_with_threshold` on ``train``, then score ``test`` — whose subjects
    must not appear in ``train`` (asserted on the window arrays) nor in ``train_intervals``."""
    leak = train.subjects() & test.subjects()
    assert not leak, f"test subject(s) {leak} in the training data"
    assert not set(train_intervals["subject"]) & test.subjects(), "test annotations reached training"
    t = train_with_threshold(method, cfg, train, train_intervals, seed, device, progress, desc,
                             imagenet, spot_kw)
    sc = test.table[["subject", "video", "start", "stop", "fps"]].copy()
    sc["label"] = test.labels
    sc["score"] = predict_scores(t["model"], test, device=device)
    res = FoldResult(test=sorted(test.subjects()), fit_subjects=t["fit_subjects"],
                     val_subjects=t["val_subjects"], best_epoch=t["best_epoch"],
                     threshold=t["threshold"], threshold_f1=t["threshold_f1"],
                     history=t["history"], scores=sc, spot_kw=t["spot_kw"],
                     n_train=t["n_train"], threshold_curve=t["threshold_curve"])
    return res, t["model"]


def _key(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _fold_job(method, cfg, dataset, feats, test_subject, train_subjects, seed, ckpt_dir, device,
              imagenet, spot_kw, n_threads) -> FoldResult:
    import torch

    torch.set_num_threads(n_threads)
    path = Path(ckpt_dir) / f"fold_{test_subject}.pt" if ckpt_dir else None
    key = _key(TRAINING_VERSION, method, asdict(cfg), seed, test_subject, train_subjects,
               spot_kw, str(imagenet), {f"{k[0]}/{k[1]}": v.meta for k, v in feats.items()})
    if path is not None and path.exists():
        try:
            saved = torch.load(path, map_location="cpu", weights_only=False)
            if saved.get("key") == key:
                return saved["result"]
        except Exception:  # a damaged checkpoint is recomputed
            pass
    train = gather(dataset, feats, method, train_subjects)
    test = gather(dataset, feats, method, [test_subject])
    iv = dataset.intervals[dataset.intervals["subject"].isin(train_subjects)]
    res, model = run_fold(method, cfg, train, test, iv, seed, device, False, imagenet=imagenet,
                          spot_kw=spot_kw)
    if path is not None:
        with atomic_path(path, suffix=".pt") as tmp:
            torch.save({"key": key, "result": res, "state": model.state_dict()}, tmp)
    return res


@dataclass
class LosoResult:
    """All folds of one method on one dataset."""

    method: str
    dataset: str
    folds: list[FoldResult]
    scores: pd.DataFrame        # every test window of every fold, with its fold's threshold
    predictions: pd.DataFrame   # MEGC rows: subject, video, onset, offset, type, score
    length: int

    def thresholds(self) -> dict[str, float]:
        return {f.test[0]: f.threshold for f in self.folds}


def run_loso(dataset, feats: dict, method: str, cfg: ModelConfig, seed: int = 0,
             checkpoint_dir: str | Path | None = None, n_jobs: int = 2, device: str = "auto",
             imagenet: str | Path | None = None, spot_kw: dict | None = None,
             progress: bool = True) -> LosoResult:
    """Leave-one-subject-out for ``method``: a fresh model per fold (folds in parallel with
    ``n_jobs`` processes, one torch thread each), each fold checkpointed when done."""
    from joblib import Parallel, delayed

    spot_kw = DEFAULT_SPOT if spot_kw is None else spot_kw
    subjects = sorted(set(dataset.intervals["subject"]) & {s for s, _ in feats})
    splits = loso_splits(subjects)
    n_threads = 1 if n_jobs > 1 else 2
    jobs = [delayed(_fold_job)(method, cfg, dataset, feats, s, tr, seed * 1000 + i, checkpoint_dir,
                               device, imagenet, spot_kw, n_threads)
            for i, (s, tr) in enumerate(splits)]
    it = Parallel(n_jobs=n_jobs, return_as="generator")(jobs)
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, total=len(jobs), desc=f"LOSO {method} on {dataset.name}", unit="fold")
    folds = list(it)
    length = int(folds[0].scores["stop"].iloc[0] - folds[0].scores["start"].iloc[0] + 1)
    scores, preds = [], []
    for f in folds:
        sc = f.scores.copy()
        sc["threshold"] = f.threshold
        scores.append(sc)
        preds.append(spot_table(sc, length, f.threshold, **f.spot_kw))
    return LosoResult(method, dataset.name, folds, pd.concat(scores, ignore_index=True),
                      pd.concat(preds, ignore_index=True), length)


# ----------------------------------------------------------------------------------------------
# a final model on every subject (``mespot train``) and its checkpoint


def train_final(dataset, feats: dict, method: str, cfg: ModelConfig, seed: int = 0,
                device: str = "auto", imagenet=None, spot_kw: dict | None = None,
                progress: bool = True) -> dict[str, Any]:
    """Train ``method`` on every subject of ``dataset`` (epoch and threshold chosen on held-out
    subjects of it); returns :func:`train_with_threshold`'s dict plus ``subjects``."""
    data = gather(dataset, feats, method)
    out = train_with_threshold(method, cfg, data, dataset.intervals, seed, device, progress,
                               f"train {method}", imagenet, spot_kw)
    out["subjects"] = sorted(data.subjects())
    return out


def save_trained(path: str | Path, trained: dict[str, Any], method: str, cfg: ModelConfig,
                 feature_params, track_params, dataset_name: str, seed: int) -> None:
    """Write a trained model with everything ``mespot spot`` needs (atomically)."""
    import torch

    from . import __version__

    blob = dict(kind="mespot-nb model", kit_version=__version__, method=method,
                config=asdict(cfg), feature_params=asdict(feature_params),
                track_params=asdict(track_params), dataset=dataset_name, seed=seed,
                subjects=trained["subjects"], threshold=trained["threshold"],
                threshold_f1=trained["threshold_f1"], spot_kw=trained["spot_kw"],
                best_epoch=trained["best_epoch"], history=trained["history"],
                n_hoof=int(getattr(trained["model"], "lstm", None).input_size)
                if method == "hoof-lstm" else 32,
                state=trained["model"].state_dict())
    with atomic_path(path, suffix=Path(path).suffix or ".pt") as tmp:
        torch.save(blob, tmp)


def load_trained(path: str | Path) -> tuple[Any, dict[str, Any]]:
    """(model in eval mode, metadata) of a file written by :func:`save_trained`."""
    import torch

    from .models import build_model

    p = Path(path)
    if not p.exists():
        raise MespotError(f"model file not found: {p} (train one with `mespot train`)")
    try:
        blob = torch.load(p, map_location="cpu", weights_only=False)
    except Exception as e:
        raise MespotError(f"{p} is not a readable mespot model ({type(e).__name__}: {e})") from None
    if not isinstance(blob, dict) or blob.get("kind") != "mespot-nb model":
        raise MespotError(f"{p} is not a model written by `mespot train`")
    cfg = ModelConfig(**blob["config"])
    model = build_model(blob["method"], cfg, blob.get("n_hoof", 32))
    model.load_state_dict(blob["state"])
    model.eval()
    return model, blob


def loso_checkpoint_dir(cache_dir: str | Path, dataset: str, profile: str, method: str) -> Path:
    """Where the per-fold checkpoints of a LOSO run live (notebooks 05–07 share them)."""
    return Path(cache_dir) / "loso" / dataset / profile / method
