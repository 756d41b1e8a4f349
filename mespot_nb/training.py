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
#: (resolved to ``extent_s``, seconds, on the training data); the threshold maximises MEGC2020
#: F1. HOOF-LSTM keeps seed 004's detections — whole 0.5 s windows, greedy NMS — and picks its
#: threshold by the coverage protocol it is scored with in the paper.
DEFAULT_SPOT = {"merge": "centre", "extent": "train-median", "select_protocol": "megc2020"}
METHOD_SPOT = {"hoof-lstm": {"merge": "peak", "select_protocol": "coverage"},
               "lbp-chi2": {"extent": "train-median", "select_protocol": "megc2020"}}


def default_spot(method: str) -> dict:
    """The spotting settings of a method (see :data:`DEFAULT_SPOT`)."""
    return dict(METHOD_SPOT.get(method, DEFAULT_SPOT))


def _resolve_extent(spot_kw: dict, intervals: pd.DataFrame, fps_of_subject: dict,
                    default_fps: float) -> dict:
    """Replace ``extent="train-median"`` by ``extent_s``: the median micro-expression duration
    (seconds) of the given (training) subjects' annotations."""
    kw = dict(spot_kw)
    extent = kw.pop("extent", None)
    if extent is not None and extent != "train-median":
        kw["extent"] = extent
    elif extent == "train-median":
        micro = intervals[intervals["type"] == "micro"]
        if len(micro):
            fps = micro["subject"].map(fps_of_subject).fillna(default_fps).astype(float)
            kw["extent_s"] = float(np.median((micro["offset"] - micro["onset"] + 1) / fps))
    return kw


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
            if bad >= (cfg.lstm_patience if lstm else cfg.patience):
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
    spot_kw = dict(default_spot(method) if spot_kw is None else spot_kw)
    protocol = spot_kw.pop("select_protocol", "megc2020")
    train_subj = sorted(train.subjects())
    assert set(train_intervals["subject"]) <= set(train_subj), "annotations of other subjects"
    fit_s, val_s = validation_split(train_subj, seed)
    fit_d = train.select(train.table["subject"].isin(fit_s).to_numpy())
    val_d = train.select(train.table["subject"].isin(val_s).to_numpy()) if val_s != fit_s else None
    model, hist, best = fit(method, cfg, fit_d, val_d, seed, device, progress, desc, imagenet)
    thr_d = val_d if val_d is not None and val_d.labels.any() else train
    thr_tab = thr_d.table[["subject", "video", "start", "stop", "fps"]].copy()
    thr_tab["score"] = predict_scores(model, thr_d, device=device)
    length = int(train.table["stop"].iloc[0] - train.table["start"].iloc[0] + 1)
    spot_kw = _resolve_extent(spot_kw, train_intervals,
                              train.table.groupby("subject")["fps"].first().to_dict(),
                              float(train.table["fps"].iloc[0]))
    thr_iv = train_intervals[train_intervals["subject"].isin(thr_d.subjects())]
    thr, thr_f1, curve = choose_threshold(thr_tab, thr_iv, length, protocol, return_curve=True,
                                          **spot_kw)
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

    if method == "lbp-chi2":
        return lbp_loso(dataset, feats, spot_kw)
    spot_kw = default_spot(method) if spot_kw is None else spot_kw
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
    subjects of it); returns :func:`train_with_threshold`'s dict plus ``subjects``. For
    ``lbp-chi2`` nothing is trained: p is chosen on every subject."""
    if method == "lbp-chi2":
        subjects = sorted({s for s, _ in feats})
        f = lbp_fold(dataset, feats, subjects, [], spot_kw)
        return dict(model=None, fit_subjects=subjects, val_subjects=[], history=[], best_epoch=0,
                    threshold=f.threshold, threshold_f1=f.threshold_f1,
                    threshold_curve=f.threshold_curve, spot_kw=f.spot_kw, subjects=subjects)
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
                state=trained["model"].state_dict() if trained["model"] is not None else None)
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
    if blob["method"] == "lbp-chi2":
        return None, blob
    cfg = ModelConfig(**blob["config"])
    model = build_model(blob["method"], cfg, blob.get("n_hoof", 32))
    model.load_state_dict(blob["state"])
    model.eval()
    return model, blob


def loso_checkpoint_dir(cache_dir: str | Path, dataset: str, profile: str, method: str) -> Path:
    """Where the per-fold checkpoints of a LOSO run live (notebooks 05–07 share them)."""
    return Path(cache_dir) / "loso" / dataset / profile / method


# ----------------------------------------------------------------------------------------------
# LBP-χ² (training-free: only p is chosen, on the training subjects)


def lbp_fold(dataset, feats: dict, train_subjects: list[str], test_subjects: list[str],
             spot_kw: dict | None = None) -> FoldResult:
    """Choose p on ``train_subjects`` (maximising F1 of their annotations), spot the test ones.

    ``scores`` holds one window per frame (2k + 1 frames around it) scored by the contrast C,
    labelled like HOOF-LSTM's windows (covers ≥ 0.8 of a micro-expression), for the ROC."""
    from .spotting import choose_lbp_p, lbp_contrast
    from .windows import coverage_labels

    assert not set(train_subjects) & set(test_subjects), "test subject among the training ones"
    if not dataset.intervals["subject"].isin(train_subjects).any():
        raise MespotError(f"dataset '{dataset.name}': no annotations for subjects {train_subjects} "
                          "to choose p on")
    spot_kw = dict(default_spot("lbp-chi2") if spot_kw is None else spot_kw)
    protocol = spot_kw.pop("select_protocol", "megc2020")
    tr_iv = dataset.intervals[dataset.intervals["subject"].isin(train_subjects)]
    kw = _resolve_extent(spot_kw, tr_iv, {}, float(dataset.fps))
    train_v = {k: f for k, f in feats.items() if k[0] in train_subjects}
    p, f1, curve = choose_lbp_p(train_v, tr_iv, kw.get("extent_s"), protocol)
    rows = []
    for (s, v), f in feats.items():
        if s not in test_subjects:
            continue
        C = lbp_contrast(f.lbp, f.lbp_k)
        starts = np.arange(1, f.n_frames + 1) - f.lbp_k
        ok = starts >= 1
        iv = dataset.video_intervals(s, v)
        n = 2 * f.lbp_k + 1
        rows.append(pd.DataFrame({"subject": s, "video": v, "start": starts[ok],
                                  "stop": starts[ok] + n - 1, "fps": f.fps,
                                  "label": coverage_labels(starts[ok], n, iv),
                                  "score": C[ok] / max(C.max(), 1e-12)}))
    return FoldResult(test=sorted(test_subjects), fit_subjects=sorted(train_subjects),
                      val_subjects=[], best_epoch=0, threshold=p, threshold_f1=f1, history=[],
                      scores=pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(),
                      spot_kw=kw, threshold_curve=curve)


def lbp_loso(dataset, feats: dict, spot_kw: dict | None = None) -> LosoResult:
    """Leave-one-subject-out for the LBP-χ² baseline (p per fold from the training subjects)."""
    from .spotting import lbp_spot_table

    subjects = sorted(set(dataset.intervals["subject"]) & {s for s, _ in feats})
    folds, preds = [], []
    for test, train in loso_splits(subjects):
        f = lbp_fold(dataset, feats, train, [test], spot_kw)
        folds.append(f)
        preds.append(lbp_spot_table({k: v for k, v in feats.items() if k[0] == test},
                                    f.threshold, f.spot_kw.get("extent_s")))
    length = int(2 * next(iter(feats.values())).lbp_k + 1)
    return LosoResult("lbp-chi2", dataset.name, folds,
                      pd.concat([f.scores.assign(threshold=f.threshold) for f in folds],
                                ignore_index=True),
                      pd.concat(preds, ignore_index=True), length)


# ----------------------------------------------------------------------------------------------
# cross-database evaluation (seed 000 §4.1)


def cross_database_setup(manifest, name: str) -> dict[str, Any]:
    """A setup ``{train: [...], test: ...}`` of the manifest's ``cross_database:`` section,
    checked before any work: every dataset it names exists and states its frame rate."""
    setups = manifest.cross_database
    if name not in setups:
        raise MespotError(f"cross-database setup '{name}' is not in the manifest {manifest.path} "
                          f"(have {', '.join(setups) or 'none'})")
    st = setups[name]
    train, test = list(st.get("train") or []), st.get("test")
    if not train or not test:
        raise MespotError(f"cross-database setup '{name}' needs `train: [...]` and `test: ...`")
    for d in train + [test]:
        if d not in manifest.datasets:
            raise MespotError(f"cross-database setup '{name}' names dataset '{d}', which the "
                              f"manifest {manifest.path} lacks; add an entry for it or fix the setup")
        if not manifest.datasets[d].fps:
            raise MespotError(f"dataset '{d}' (cross-database setup '{name}') has no `fps:`; "
                              "windows are defined in seconds, so every dataset needs its frame rate")
    if test in train:
        raise MespotError(f"cross-database setup '{name}' tests on '{test}', which it also trains on")
    return {"name": name, "train": train, "test": test}


def check_frame_rates(dataset) -> None:
    """Refuse a dataset whose video files state another frame rate than its manifest entry."""
    import cv2

    for r in dataset.videos.itertuples():
        if not r.source or Path(r.source).is_dir():
            continue
        cap = cv2.VideoCapture(str(r.source))
        f = cap.get(cv2.CAP_PROP_FPS)
        cap.release()
        if f and f > 0 and abs(f - r.fps) > 0.01 * r.fps:
            raise MespotError(f"dataset '{dataset.name}': video {r.source} runs at {f:g} fps but the "
                              f"manifest entry says fps: {r.fps:g}; fix the entry (one frame rate "
                              "per dataset entry — split it if its videos differ)")


def _prefixed(data: WindowData, name: str) -> WindowData:
    """Subject ids made unique across datasets: ``dataset:subject``."""
    t = data.table.copy()
    t["subject"] = name + ":" + t["subject"].astype(str)
    return WindowData(t, data.arrays, data.labels)


def _pad_hoof(parts: list[WindowData]) -> list[WindowData]:
    """HOOF sequences of different frame rates differ in length (15 steps at 30 fps, 25 at 100
    and 200): zero histograms ("no motion") are prepended to the shorter ones."""
    if not all("hoof" in p.arrays for p in parts):
        return parts
    n = max(p.arrays["hoof"].shape[1] for p in parts)
    out = []
    for p in parts:
        h = p.arrays["hoof"]
        if h.shape[1] < n:
            h = np.concatenate([np.zeros((len(h), n - h.shape[1], h.shape[2]), h.dtype), h], 1)
        out.append(WindowData(p.table, {**p.arrays, "hoof": h}, p.labels))
    return out


@dataclass
class CrossResult:
    """One method in one cross-database setup."""

    setup: str
    method: str
    train: list[str]
    test: str
    threshold: float
    predictions: pd.DataFrame
    scores: pd.DataFrame


def run_cross_database(setup: dict[str, Any], datasets: dict, feats: dict, method: str,
                       cfg: ModelConfig, seed: int = 0, device: str = "auto",
                       progress: bool = False) -> CrossResult:
    """Train on the setup's training datasets (subjects from all of them; epoch and threshold on
    held-out training subjects), spot the test dataset. ``datasets``/``feats`` are keyed by name.
    The test dataset never reaches training (asserted on the window arrays)."""
    from .spotting import choose_lbp_p, lbp_spot_table

    train_names, test_name = setup["train"], setup["test"]
    assert test_name not in train_names
    ivs = pd.concat([datasets[d].intervals.assign(subject=lambda x, d=d: d + ":" + x["subject"])
                     for d in train_names], ignore_index=True)
    if method == "lbp-chi2":
        kw = dict(default_spot(method))
        protocol = kw.pop("select_protocol")
        fps_of = {f"{d}:{s}": datasets[d].fps for d in train_names for s in datasets[d].subjects}
        kw = _resolve_extent(kw, ivs, fps_of, 30.0)
        train_v = {(f"{d}:{s}", v): f for d in train_names for (s, v), f in feats[d].items()}
        p, _, _ = choose_lbp_p(train_v, ivs, kw.get("extent_s"), protocol)
        pred = lbp_spot_table(feats[test_name], p, kw.get("extent_s"))
        return CrossResult(setup["name"], method, train_names, test_name, p, pred, pd.DataFrame())
    parts = _pad_hoof([_prefixed(gather(datasets[d], feats[d], method), d) for d in train_names]
                      + [gather(datasets[test_name], feats[test_name], method)])
    train, test = concat(parts[:-1]), parts[-1]
    assert test_name not in set(train.table["dataset"]), "the test dataset reached training"
    t = train_with_threshold(method, cfg, train, ivs, seed, device, progress,
                             f"{setup['name']} {method}")
    sc = test.table[["subject", "video", "start", "stop", "fps"]].copy()
    sc["label"] = test.labels
    sc["score"] = predict_scores(t["model"], test, device=device)
    length = int(test.table["stop"].iloc[0] - test.table["start"].iloc[0] + 1)
    pred = spot_table(sc, length, t["threshold"], **t["spot_kw"])
    return CrossResult(setup["name"], method, train_names, test_name, t["threshold"], pred, sc)
