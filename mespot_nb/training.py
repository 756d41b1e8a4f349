"""Training and leave-one-subject-out evaluation, for any registered method (cross-database runs,
which reuse it, are :mod:`mespot_nb.crossdb`).

Every fold trains a fresh model on subjects that never include the test subject (checked on the
arrays themselves, not only on the split, and raised as the kit's error — not an ``assert``,
which ``python -O`` removes), picks its epoch by early stopping on held-out *training* subjects,
picks its decision threshold on those same training subjects, and only then scores the test
subject. Training-free methods choose their one parameter (p) on the training subjects the same
way. Each fold is seeded (seed, fold), deterministic on the CPU, and checkpointed when it
finishes — keyed by everything that changes its result — so an interrupted run resumes and
equals an uninterrupted one.

Nothing here branches on a method's name: what differs between methods is in their
:class:`~mespot_nb.methods.Method` record.
"""

from __future__ import annotations

import hashlib
import json
import logging
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._version import __version__
from .detections import choose_threshold, spot_table
from .errors import MespotError
from .features import FEATURES_VERSION, VideoFeatures
from .face import FACE_VERSION
from .inference import (WindowData, _json_default, build_model, free_predictions,
                        gather, load_checkpoint, predict_scores, save_checkpoint)
from .intervals import Score, score_intervals
from .methods import Method, get_method
from .models import ModelConfig, numpy_batch, resolve_device
from .parallel import run_jobs
from .windows import LABEL_RULES

log = logging.getLogger(__name__)
TRAINING_VERSION = 3


def _resolve_extent(spot_kw: dict, intervals: pd.DataFrame, fps_of_subject: dict,
                    default_fps: float) -> dict:
    """Replace ``extent="train-median"`` by ``extent_s``: the median duration (seconds) of the
    given (training) subjects' expressions of ``spot_kw["type"]`` (micro by default)."""
    kw = dict(spot_kw)
    extent = kw.pop("extent", None)
    if extent is not None and extent != "train-median":
        kw["extent"] = extent
    elif extent == "train-median":
        micro = intervals[intervals["type"] == kw.get("type", "micro")]
        if len(micro):
            fps = micro["subject"].map(fps_of_subject).fillna(default_fps).astype(float)
            kw["extent_s"] = float(np.median((micro["offset"] - micro["onset"] + 1) / fps))
    return kw


def check_imagenet(method: Method, cfg: ModelConfig, imagenet: str | Path | None) -> None:
    """Refuse, before any work, to train a full-width VGG-16 (the paper profile) without the
    ImageNet weights seed 000 starts from: from scratch it does not learn (README)."""
    if method.trainable and method.imagenet and cfg.width == 1.0 and imagenet is None:
        raise MespotError(
            f"the paper profile trains {method.title}'s VGG-16 from ImageNet weights, and no "
            "weights file is configured: set `weights: vgg16_imagenet:` in the manifest to a "
            "local copy of torchvision's vgg16 state_dict (vgg16-397923af.pth; nothing is "
            "downloaded), or use --profile quick")


def imagenet_for(manifest, method: str | Method, cfg: ModelConfig) -> Path | None:
    """The ImageNet VGG-16 file a method trains from under a profile (None where it does not
    apply); refuses the paper profile without one (:func:`check_imagenet`)."""
    m = get_method(method)
    path = manifest.weight_file("vgg16_imagenet") if (m.trainable and m.imagenet
                                                      and cfg.width == 1.0) else None
    check_imagenet(m, cfg, path)
    return path


# ----------------------------------------------------------------------------------------------
# splits


def loso_splits(subjects: list[str]) -> list[tuple[str, list[str]]]:
    """Leave-one-subject-out: ``[(test_subject, training_subjects), …]`` in subject order."""
    subjects = sorted(set(subjects))
    if len(subjects) < 3:
        raise MespotError(f"leave-one-subject-out needs at least 3 subjects, got {len(subjects)}")
    return [(s, [t for t in subjects if t != s]) for s in subjects]


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


def check_disjoint(train_subjects, test_subjects, what: str = "training data") -> None:
    """Raise the kit's error if a test subject reached the training side."""
    leak = set(train_subjects) & set(test_subjects)
    if leak:
        raise MespotError(f"test subject(s) {sorted(leak)} found in the {what}: folds must be "
                          "subject-disjoint (this is a bug in the caller's split)")


# ----------------------------------------------------------------------------------------------
# fitting


def _seed_everything(seed: int) -> None:
    import random

    import torch

    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def fit(method: str | Method, cfg: ModelConfig, train: WindowData, val: WindowData | None,
        seed: int, device: str = "auto", progress: bool = False, desc: str = "",
        imagenet: str | Path | None = None) -> tuple[Any, list[dict], int]:
    """Train a fresh model; returns (model at its best validation epoch, history, best epoch).

    Each epoch uses every positive window and ``neg_ratio`` × as many negatives drawn afresh
    (seeded); the epoch kept is the one with the highest window-level ROC AUC on the validation
    subjects (training subjects only — a class-balanced loss rewards timid models here), with
    early stopping after ``patience`` epochs without improvement. The optimiser (Adam, or SGD
    with momentum for the VGG16 baseline) and its settings come from the method and the profile.
    """
    import copy

    import torch
    from sklearn.metrics import roc_auc_score

    from .models import load_imagenet_vgg16

    m = get_method(method)
    _seed_everything(seed)
    dev = resolve_device(device)
    model = build_model(m, cfg, train.shapes())
    if imagenet is not None and m.imagenet:
        n = load_imagenet_vgg16(model, imagenet)
        log.info("%s: %d ImageNet VGG-16 tensors loaded from %s", m.name, n, imagenet)
    if callable(getattr(model, "fit_inputs", None)):
        model.fit_inputs(train.arrays)   # statistics of the training windows (e.g. standardising)
    model.to(dev)
    st = m.settings(cfg)
    if st["optimizer"] == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=st["lr"], momentum=st["momentum"])
    else:
        opt = torch.optim.Adam(model.parameters(), lr=st["lr"])
    rng = np.random.default_rng(seed)
    arrays, labels = train.arrays, train.labels
    pos = np.flatnonzero(labels)
    neg = np.flatnonzero(~labels)
    if len(pos) == 0:
        raise MespotError(f"no positive ({m.label_type}-expression) windows to train {m.title} on "
                          f"(subjects {sorted(train.subjects())})")
    keep = m.train.get("neg_keep")
    if keep:   # a fixed share of the negatives, drawn once (SOFTNet drops half)
        neg = np.sort(rng.choice(neg, size=max(1, int(len(neg) * float(keep))), replace=False))
    if m.augment is not None:   # extra positives appended after the real windows
        extra = m.augment({k: v[pos] for k, v in arrays.items()}, rng)
        n_extra = len(next(iter(extra.values())))
        arrays = {k: np.concatenate([v, extra[k]]) for k, v in arrays.items()}
        labels = np.concatenate([labels, np.ones(n_extra, bool)])
        pos = np.concatenate([pos, len(train.labels) + np.arange(n_extra)])
    history: list[dict] = []
    best = (np.inf, 0, copy.deepcopy(model.state_dict()))
    bad = 0
    it = range(1, st["epochs"] + 1)
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, desc=desc or m.name, unit="epoch", leave=False)
    for ep in it:
        model.train()
        if keep:
            idx = np.concatenate([pos, neg])
        else:
            n_neg = min(len(neg), int(round(cfg.neg_ratio * len(pos))))
            idx = np.concatenate([pos, rng.choice(neg, size=n_neg, replace=False)])
        rng.shuffle(idx)
        tot, n = 0.0, 0
        for a in range(0, len(idx), st["batch"]):
            bi = idx[a:a + st["batch"]]
            b = numpy_batch(arrays, bi, dev)
            y = torch.from_numpy(labels[bi]).to(dev)
            opt.zero_grad()
            loss = m.loss_fn(model(b), y)
            loss.backward()
            opt.step()
            tot += float(loss.detach()) * len(bi)
            n += len(bi)
        rec = {"epoch": ep, "train_loss": tot / max(n, 1)}
        if val is not None and val.labels.any() and not val.labels.all():
            rec["val_auc"] = float(roc_auc_score(val.labels, predict_scores(
                model, val, m, device=device)))
        history.append(rec)
        # lower is better: 1 − validation AUC (ranking is what spotting needs), else train loss
        score = 1 - rec["val_auc"] if "val_auc" in rec else rec["train_loss"]
        if m.train.get("epoch") == "last":   # a fixed schedule (SOFTNet: 10 epochs)
            best = (score, ep, copy.deepcopy(model.state_dict()))
        elif score < best[0] - 1e-6:
            best = (score, ep, copy.deepcopy(model.state_dict()))
            bad = 0
        else:
            bad += 1
            if bad >= st["patience"]:
                break
    model.load_state_dict(best[2])
    return model, history, best[1]


# ----------------------------------------------------------------------------------------------
# one fold


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

    def to_json(self) -> str:
        """Plain JSON (tables as column lists), for checkpoints that never unpickle."""
        d = asdict(self)
        d["scores"] = self.scores.to_dict(orient="list")
        d["threshold_curve"] = (None if self.threshold_curve is None
                                else self.threshold_curve.to_dict(orient="list"))
        return json.dumps(d, default=_json_default)

    @classmethod
    def from_json(cls, text: str) -> "FoldResult":
        d = json.loads(text)
        d["scores"] = pd.DataFrame(d["scores"])
        if d.get("threshold_curve") is not None:
            d["threshold_curve"] = pd.DataFrame(d["threshold_curve"])
        return cls(**d)


def train_with_threshold(method: str | Method, cfg: ModelConfig, train: WindowData,
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
    m = get_method(method)
    spot_kw = dict(m.spot_settings() if spot_kw is None else spot_kw)
    protocol = spot_kw.pop("select_protocol", "megc2020")
    train_subj = sorted(train.subjects())
    stray = set(train_intervals["subject"]) - set(train_subj)
    if stray:
        raise MespotError(f"annotations of subjects {sorted(stray)} reached the training of "
                          f"{m.title}, whose windows come from {train_subj} only")
    fit_s, val_s = (validation_split(train_subj, seed) if m.train.get("holdout", True)
                    else (train_subj, train_subj))
    fit_d = train.select(train.table["subject"].isin(fit_s).to_numpy())
    val_d = train.select(train.table["subject"].isin(val_s).to_numpy()) if val_s != fit_s else None
    model, hist, best = fit(m, cfg, fit_d, val_d, seed, device, progress, desc, imagenet)
    thr_d = val_d if val_d is not None and val_d.labels.any() else train
    thr_tab = thr_d.table[["subject", "video", "start", "stop", "fps", "n_frames", "stride"]].copy()
    thr_tab["score"] = predict_scores(model, thr_d, m, device=device)
    length = int(train.table["stop"].iloc[0] - train.table["start"].iloc[0] + 1)
    spot_kw = _resolve_extent(spot_kw, train_intervals,
                              train.table.groupby("subject")["fps"].first().to_dict(),
                              float(train.table["fps"].iloc[0]))
    thr_iv = train_intervals[train_intervals["subject"].isin(thr_d.subjects())]
    fixed = m.train.get("threshold")
    if fixed is None:
        thr, thr_f1, curve = choose_threshold(thr_tab, thr_iv, length, protocol,
                                              return_curve=True, **spot_kw)
    else:   # the method's own fixed threshold (SOFTNet's p): its F1 there, for the record
        pred = spot_table(thr_tab, length, float(fixed), **spot_kw)
        thr, thr_f1 = float(fixed), float(score_intervals(
            thr_iv[thr_iv["type"] == m.label_type], pred, protocol).f1)
        curve = pd.DataFrame({"threshold": [thr], "f1": [thr_f1], "detections": [len(pred)]})
    return dict(model=model, fit_subjects=fit_s, val_subjects=val_s, history=hist,
                best_epoch=best, threshold=thr, threshold_f1=thr_f1, threshold_curve=curve,
                spot_kw=spot_kw, length=length, n_train=dict(windows=len(fit_d.labels),
                                                            positives=int(fit_d.labels.sum())))


def _scores_table(data: WindowData) -> pd.DataFrame:
    sc = data.table[["subject", "video", "start", "stop", "fps", "n_frames", "stride"]].copy()
    sc["label"] = data.labels
    return sc


def run_fold(method: str | Method, cfg: ModelConfig, train: WindowData, test: WindowData,
             train_intervals: pd.DataFrame, seed: int, device: str = "auto",
             progress: bool = False, desc: str = "", imagenet=None,
             spot_kw: dict | None = None) -> tuple[FoldResult, Any]:
    """One fold: :func:`train_with_threshold` on ``train``, then score ``test`` — whose subjects
    must appear neither in ``train`` (checked on the window arrays) nor in ``train_intervals``."""
    m = get_method(method)
    check_disjoint(train.subjects(), test.subjects(), "training windows")
    check_disjoint(set(train_intervals["subject"]), test.subjects(), "training annotations")
    t = train_with_threshold(m, cfg, train, train_intervals, seed, device, progress, desc,
                             imagenet, spot_kw)
    sc = _scores_table(test)
    sc["score"] = predict_scores(t["model"], test, m, device=device)
    res = FoldResult(test=sorted(test.subjects()), fit_subjects=t["fit_subjects"],
                     val_subjects=t["val_subjects"], best_epoch=t["best_epoch"],
                     threshold=t["threshold"], threshold_f1=t["threshold_f1"],
                     history=t["history"], scores=sc, spot_kw=t["spot_kw"],
                     n_train=t["n_train"], threshold_curve=t["threshold_curve"])
    return res, t["model"]


# ----------------------------------------------------------------------------------------------
# fold checkpoints (files written by :mod:`mespot_nb.inference`)


def _key(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=_json_default).encode()
                          ).hexdigest()[:20]


def annotations_digest(intervals: pd.DataFrame, subjects) -> str:
    """A hash of the given subjects' annotations as the kit reads them (after quirk policies)."""
    iv = intervals[intervals["subject"].isin(list(subjects))]
    cols = [c for c in ("subject", "video", "onset", "apex", "offset", "type") if c in iv]
    rows = iv[cols].astype(str).sort_values(cols).to_csv(index=False)
    return hashlib.sha256(rows.encode()).hexdigest()[:20]


def _file_identity(path) -> Any:
    if path is None:
        return None
    p = Path(path)
    st = p.stat()
    return [str(p.resolve()), st.st_size, int(st.st_mtime)]


def features_identity(f) -> dict[str, Any]:
    """What one video's features were computed from: the source's identity (path, size, mtime),
    the feature and track parameters, the feature and face versions, the families and the frame
    range — everything that changes their values (older features lack some: their key differs)
    — and the families' own versions where one declares any
    (:func:`~mespot_nb.features.common.family_versions`)."""
    meta = f.meta
    out = dict({k: meta.get(k) for k in ("identity", "params", "version", "face_version",
                                           "track_params", "families", "first_frame",
                                           "decode_reduction")},
               n_frames=int(f.n_frames), fps=float(f.fps))
    if meta.get("family_versions"):
        out["family_versions"] = meta["family_versions"]
    return out


def fold_key_parts(method: Method, cfg: ModelConfig, seed: int, test_subject: str,
                   train_subjects: list[str], dataset, feats: dict, spot_kw: dict, imagenet
                   ) -> dict[str, Any]:
    """Everything that changes a fold's result, by name: kit, training and feature versions, the
    method's record (window kind, label rule, inputs, spotting defaults, optimiser, schedule),
    the profile, the seed, the split, the annotations of every subject in it after quirk
    policies, the spotting settings, the ImageNet file and every video's
    :func:`features_identity` — and, for a model of another type than micro (SOFTNet's macro
    model), that ``type`` (its labels, augmentation and spotting differ; a micro model's key is
    what it was before the kit trained one model per type)."""
    parts = dict(kit=__version__, training=TRAINING_VERSION, features_version=FEATURES_VERSION,
                face=FACE_VERSION,
                method=[method.name, method.window, method.label, method.inputs,
                        method.families, method.spot, method.optimizer, method.schedule,
                        method.loss, method.imagenet, method.train],
                config=asdict(cfg), seed=seed, split=[test_subject, train_subjects],
                annotations=annotations_digest(dataset.intervals, [test_subject, *train_subjects]),
                spot_kw=spot_kw, imagenet=_file_identity(imagenet),
                videos={f"{k[0]}/{k[1]}": features_identity(v) for k, v in sorted(feats.items())
                          if k[0] in (test_subject, *train_subjects)})
    if method.label_type != "micro":
        parts["type"] = method.label_type
    return parts


def fold_key(*args, **kw) -> str:
    """The hash of :func:`fold_key_parts` (same arguments)."""
    return _key(fold_key_parts(*args, **kw))


def _stale_reason(meta: dict[str, Any], parts: dict[str, Any]) -> str:
    """Why a fold checkpoint with metadata ``meta`` does not match ``parts``, in a few words."""
    old = meta.get("parts")
    if meta.get("kit_version") != parts["kit"]:
        return f"made by mespot-nb {meta.get('kit_version', '< 0.2')}, this is {parts['kit']}"
    if not isinstance(old, dict):
        return "made by an older kit (no record of its settings)"
    if old.get("features_version") != parts["features_version"]:
        return (f"made from features version {old.get('features_version')}, these are "
                f"{parts['features_version']}")
    changed = [k for k in parts if _key(old.get(k)) != _key(parts[k])] or ["settings"]
    return "made with other " + ", ".join(
        {"videos": "features (source frames or their settings)", "split": "subjects",
         "config": "profile settings"}.get(k, k.replace("_", " ")) for k in changed)


def fold_file(method: Method, test_subject: str) -> str:
    """The checkpoint file name of a fold: ``fold_<subject>.pt`` for a micro model (as before
    the kit trained one model per type), ``fold_<subject>_<type>.pt`` for another type's."""
    t = method.label_type
    return f"fold_{test_subject}.pt" if t == "micro" else f"fold_{test_subject}_{t}.pt"


def _fold_job(method, cfg, dataset, feats, test_subject, train_subjects, seed, ckpt_dir, device,
              imagenet, spot_kw, n_threads, store=None) -> FoldResult:
    import torch

    torch.set_num_threads(n_threads)
    path = Path(ckpt_dir) / fold_file(method, test_subject) if ckpt_dir else None
    parts = fold_key_parts(method, cfg, seed, test_subject, train_subjects, dataset, feats,
                           spot_kw, imagenet)
    key = _key(parts)
    if path is not None and path.exists():
        try:
            meta, _ = load_checkpoint(path)
            if meta.get("key") == key:
                return FoldResult.from_json(meta["result"])
            log.warning("fold checkpoint %s is stale (%s); recomputing the fold", path,
                        _stale_reason(meta, parts))
        except (MespotError, KeyError, TypeError, ValueError) as e:
            log.warning("fold checkpoint %s is damaged (%s); recomputing the fold", path, e)
    if store is not None:   # rows of the shared memory-mapped store (see mespot_nb.windowstore)
        train, test = store.windows(train_subjects), store.windows([test_subject])
    else:
        train = gather(dataset, feats, method, train_subjects)
        test = gather(dataset, feats, method, [test_subject])
    iv = dataset.intervals[dataset.intervals["subject"].isin(train_subjects)]
    res, model = run_fold(method, cfg, train, test, iv, seed, device, False, imagenet=imagenet,
                          spot_kw=spot_kw)
    if path is not None:
        save_checkpoint(path, {"kind": "mespot-nb fold", "key": key, "kit_version": __version__,
                               "parts": json.loads(json.dumps(parts, default=_json_default)),
                               "method": method.name, "result": res.to_json()},
                        model.state_dict())
    return res


# ----------------------------------------------------------------------------------------------
# LOSO


@dataclass
class LosoResult:
    """All folds of one method on one dataset.

    For a method with one model per type, ``folds``, ``scores``, ``length`` and ``type`` are the
    first model's (micro: ROC and window AUC read them as before), ``predictions`` every
    model's rows (each with its ``type``), ``by_type`` each model's own result and ``skipped``
    why a type has no model (no annotations of it among the training subjects)."""

    method: str
    dataset: str
    folds: list[FoldResult]
    scores: pd.DataFrame        # every test window of every fold, with its fold's threshold
    predictions: pd.DataFrame   # MEGC rows: subject, video, onset, offset, type, score
    length: int
    type: str = "micro"         # the expression type of ``folds`` and ``scores``
    by_type: dict[str, "LosoResult"] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    def thresholds(self) -> dict[str, float]:
        """The first model's threshold per test subject."""
        return {f.test[0]: f.threshold for f in self.folds}

    def type_thresholds(self) -> dict[str, dict[str, float]]:
        """``{type: {test subject: threshold}}`` of every model."""
        return {t: r.thresholds() for t, r in (self.by_type or {self.type: self}).items()}


def loso_subjects(dataset, feats: dict) -> list[str]:
    """Subjects with both annotations and features."""
    return sorted(set(dataset.intervals["subject"]) & {s for s, _ in feats})


def _skip_types(method: Method, intervals: pd.DataFrame, where: str) -> tuple[list[str], dict]:
    """(types to train, {skipped type: why}) — a type without annotations in ``intervals`` (the
    training subjects') is skipped with a warning naming ``where`` (the dataset)."""
    import warnings

    from .inference import annotated_types

    have = list(annotated_types(method, intervals))
    skipped = {}
    for t in method.model_types:
        if t not in have:
            skipped[t] = f"{where} has no {t}-expressions to train {method.title}'s {t} model on"
            warnings.warn(f"{skipped[t]}: that model is skipped, the "
                          f"{', '.join(have)} model{'s' if len(have) > 1 else ''} still trained",
                          stacklevel=3)
    return have, skipped


@contextmanager
def _window_store(dataset, feats: dict, method: Method, ckpt_dir: str | None, scheduler: Any):
    """The LOSO run's memory-mapped window store: under the checkpoint folder (kept, reused by
    the next run with the same windows), or a temporary folder for this run; None on a cluster
    without a checkpoint folder (its workers could not see a local temporary folder)."""
    import tempfile

    from .windowstore import build_store

    parts = dict(method=[method.name, method.window, method.label, list(method.inputs)],
                 annotations=annotations_digest(dataset.intervals, sorted({s for s, _ in feats})),
                 videos={f"{s}/{v}": features_identity(f) for (s, v), f in sorted(feats.items())})
    folder = "windows"
    if method.label_type != "micro":   # its own labels: a store per type, side by side
        parts["type"] = method.label_type
        folder = f"windows-{method.label_type}"
    key = _key(parts)
    if ckpt_dir:
        yield build_store(Path(ckpt_dir) / folder, dataset, feats, method, key)
    elif scheduler:
        yield None
    else:
        with tempfile.TemporaryDirectory(prefix="mespot-windows-") as tmp:
            yield build_store(Path(tmp) / "windows", dataset, feats, method, key)


def run_loso(dataset, feats: dict, method: str | Method, cfg: ModelConfig, seed: int = 0,
             checkpoint_dir: str | Path | None = None, n_jobs: int = 2, device: str = "auto",
             imagenet: str | Path | None = None, spot_kw: dict | None = None,
             progress: bool = True, scheduler: Any = None) -> LosoResult:
    """Leave-one-subject-out for ``method``: a fresh model per fold (folds in parallel with
    ``n_jobs`` processes, one torch thread each), each fold checkpointed when done. A
    training-free method chooses p per fold on the training subjects instead.

    A method with one model per type (:attr:`~mespot_nb.methods.Method.model_types`, SOFTNet's
    micro and macro) runs this per type on the same folds — each model on its own labels and
    features (``feats``: :class:`~mespot_nb.inference.TypedFeatures`), its checkpoints beside
    the others' (:func:`fold_file`) — and the predictions of all are concatenated with their
    ``type``. A type the dataset has no annotations of is skipped with a warning naming the
    dataset; a fold whose training subjects have none of a type gets no model of it (a
    warning names the test subject), so its expressions of that type are all missed.

    ``scheduler`` (``local:N``, an address or a ``distributed.Client``; see
    :mod:`mespot_nb.parallel`): one task per fold on that Dask cluster, each holding one ``GPU``
    resource where the workers declare one (one fold per GPU); ``checkpoint_dir`` must then be
    on storage every worker sees. A fold lost with its worker is run again; finished folds keep
    their checkpoints."""
    from .inference import features_by_type

    m = get_method(method)
    if not m.trainable:
        return free_loso(dataset, feats, m, spot_kw)
    check_imagenet(m, cfg, imagenet)
    types, skipped = _skip_types(m, dataset.intervals, f"dataset '{dataset.name}'")
    parts = {}
    for t in types:
        mt = m.for_type(t)
        kw = mt.spot_settings() if spot_kw is None else mt.typed_spot(spot_kw)
        parts[t] = _loso_type(dataset, features_by_type(mt, feats)[t], mt, cfg, seed,
                              checkpoint_dir, n_jobs, device, imagenet, kw, progress, scheduler)
    if len(m.model_types) == 1:
        return parts[types[0]]
    first = parts[types[0]]
    return LosoResult(m.name, dataset.name, first.folds, first.scores,
                      pd.concat([r.predictions for r in parts.values()], ignore_index=True),
                      first.length, first.type, parts, skipped)


def _loso_type(dataset, feats: dict, m: Method, cfg: ModelConfig, seed: int, checkpoint_dir,
               n_jobs: int, device: str, imagenet, spot_kw: dict, progress: bool,
               scheduler: Any) -> LosoResult:
    """:func:`run_loso` of one model (``m``: a record of one type, :meth:`Method.for_type`)."""
    import warnings

    splits = loso_splits(loso_subjects(dataset, feats))
    typed = dataset.intervals[dataset.intervals["type"] == m.label_type]
    seeds = {s: seed * 1000 + i for i, (s, _) in enumerate(splits)}   # as with every split
    kept = []
    for s, tr in splits:
        if typed["subject"].isin(tr).any():
            kept.append((s, tr))
        else:
            warnings.warn(f"dataset '{dataset.name}': the training subjects of fold {s} have no "
                          f"{m.label_type}-expressions, so that fold has no {m.title} "
                          f"{m.label_type} model (subject {s}'s are all missed)", stacklevel=3)
    # a fold alone: two torch threads (as every figure in the README), or fewer where torch is
    # set to fewer ($OMP_NUM_THREADS, torch.set_num_threads): make test's workers run one each
    import torch

    n_threads = 1 if n_jobs > 1 or scheduler else min(2, torch.get_num_threads())
    ckpt = str(checkpoint_dir) if checkpoint_dir else None
    with _window_store(dataset, feats, m, ckpt, scheduler) as store:
        # with a store the folds read windows from it; they get the features' identities only
        light = feats if store is None else {k: VideoFeatures(f.fps, f.n_frames, f.meta)
                                             for k, f in feats.items()}
        jobs = [(s, tr, seeds[s], ckpt, device, imagenet, spot_kw, n_threads, store)
                for s, tr in kept]
        what = m.name if m.label_type == "micro" else f"{m.name} ({m.label_type})"
        folds = run_jobs(_fold_job, jobs, n_jobs, scheduler, progress,
                         f"LOSO {what} on {dataset.name}", ordered=True,
                         common=(m, cfg, dataset, light), unit="fold", resources={"GPU": 1})
    length = int(folds[0].scores["stop"].iloc[0] - folds[0].scores["start"].iloc[0] + 1)
    scores, preds = [], []
    for f in folds:
        sc = f.scores.copy()
        sc["threshold"] = f.threshold
        scores.append(sc)
        preds.append(spot_table(sc, length, f.threshold, **f.spot_kw))
    return LosoResult(m.name, dataset.name, folds, pd.concat(scores, ignore_index=True),
                      pd.concat(preds, ignore_index=True), length, m.label_type)


def respot(result: LosoResult, **settings) -> pd.DataFrame:
    """A learned method's LOSO predictions again, from the same folds' scores and thresholds,
    with some spotting settings changed (e.g. ``refine=True``) — nothing is retrained (every
    model's, for a method with one per type)."""
    if result.by_type:
        return pd.concat([respot(r, **settings) for r in result.by_type.values()],
                         ignore_index=True)
    parts = [spot_table(result.scores[result.scores["subject"].isin(f.test)], result.length,
                        f.threshold, **{**f.spot_kw, **settings}) for f in result.folds]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def loso_checkpoint_dir(cache_dir: str | Path, dataset: str, profile: str, method: str) -> Path:
    """Where the per-fold checkpoints of a LOSO run live (notebooks 05–07 and ``mespot loso``
    share them)."""
    return Path(cache_dir) / "loso" / dataset / profile / method


# ----------------------------------------------------------------------------------------------
# training-free methods: only p is chosen, on the training subjects


def typed_score(gt: pd.DataFrame, pred: pd.DataFrame, types, protocol: str = "megc2020"):
    """The protocol's counts summed over ``types`` (MEGC's overall: TP, FP and FN of micro and
    macro added, then F1)."""
    total = Score()
    for t in types:
        total = total + score_intervals(gt[gt["type"] == t], pred[pred["type"] == t], protocol)
    return total


def choose_p(method: Method, videos: dict, intervals: pd.DataFrame, settings: dict,
             protocol: str = "megc2020", select_type: str = "micro"
             ) -> tuple[float, float, pd.DataFrame]:
    """The p maximising F1 on the given (training) videos; (p, F1, curve). ``select_type``:
    ``micro`` (micro-expression F1) or ``overall`` (micro and macro counts summed, for methods
    that spot both). Ties go to the higher p (fewer detections)."""
    types = method.types if select_type == "overall" else (select_type,)
    rows = []
    for p in method.free.grid:
        pred = free_predictions(method, videos, float(p), settings)
        rows.append((float(p), typed_score(intervals, pred, types, protocol).f1, len(pred)))
    curve = pd.DataFrame(rows, columns=["threshold", "f1", "detections"])
    best = curve.sort_values(["f1", "threshold"], ascending=[False, False]).iloc[0]
    return float(best["threshold"]), float(best["f1"]), curve


def free_fold(dataset, feats: dict, method: str | Method, train_subjects: list[str],
              test_subjects: list[str], spot_kw: dict | None = None) -> FoldResult:
    """Choose p on ``train_subjects`` (maximising F1 of their annotations), score the test ones.

    ``scores`` holds the method's per-frame (or per-window) score curve of the test videos,
    labelled by the method's label rule, for the ROC."""
    m = get_method(method)
    check_disjoint(train_subjects, test_subjects, "subjects p is chosen on")
    if not dataset.intervals["subject"].isin(train_subjects).any():
        raise MespotError(f"dataset '{dataset.name}': no annotations for subjects {train_subjects} "
                          "to choose p on")
    kw = dict(m.spot_settings() if spot_kw is None else spot_kw)
    protocol = kw.pop("select_protocol", "megc2020")
    select_type = kw.pop("select_type", "micro")
    tr_iv = dataset.intervals[dataset.intervals["subject"].isin(train_subjects)]
    kw = _resolve_extent(kw, tr_iv, {}, float(dataset.fps))
    train_v = {k: f for k, f in feats.items() if k[0] in train_subjects}
    p, f1, curve = choose_p(m, train_v, tr_iv, kw, protocol, select_type)
    rows = []
    rule = LABEL_RULES[m.label]
    for (s, v), f in feats.items():
        if s not in test_subjects:
            continue
        fs = m.free.frame_scores(f)
        iv = dataset.video_intervals(s, v)
        n = (fs["stop"] - fs["start"] + 1).to_numpy()
        label = rule(fs["start"].to_numpy(), int(n[0]) if len(n) else 1, iv)
        rows.append(fs.assign(subject=s, video=v, fps=f.fps, n_frames=f.n_frames, label=label))
    cols = ["subject", "video", "start", "stop", "fps", "n_frames", "label", "score"]
    return FoldResult(test=sorted(test_subjects), fit_subjects=sorted(train_subjects),
                      val_subjects=[], best_epoch=0, threshold=p, threshold_f1=f1, history=[],
                      scores=pd.concat(rows, ignore_index=True)[cols] if rows
                      else pd.DataFrame(columns=cols), spot_kw=kw, threshold_curve=curve)


def free_loso(dataset, feats: dict, method: str | Method, spot_kw: dict | None = None
              ) -> LosoResult:
    """Leave-one-subject-out for a training-free method (p per fold from the training subjects)."""
    m = get_method(method)
    folds, preds = [], []
    for test, train in loso_splits(loso_subjects(dataset, feats)):
        f = free_fold(dataset, feats, m, train, [test], spot_kw)
        folds.append(f)
        preds.append(free_predictions(m, {k: v for k, v in feats.items() if k[0] == test},
                                      f.threshold, f.spot_kw))
    sc = pd.concat([f.scores.assign(threshold=f.threshold) for f in folds], ignore_index=True)
    length = int(sc["stop"].iloc[0] - sc["start"].iloc[0] + 1) if len(sc) else 1
    return LosoResult(m.name, dataset.name, folds, sc, pd.concat(preds, ignore_index=True), length)


# ----------------------------------------------------------------------------------------------
# a final model on every subject (``mespot train``) and its file


def train_final(dataset, feats: dict, method: str | Method, cfg: ModelConfig, seed: int = 0,
                device: str = "auto", imagenet=None, spot_kw: dict | None = None,
                progress: bool = True) -> dict[str, Any]:
    """Train ``method`` on every subject of ``dataset`` (epoch and threshold chosen on held-out
    subjects of it); returns :func:`train_with_threshold`'s dict plus ``subjects`` and
    ``shapes``. For a training-free method nothing is trained: p is chosen on every subject.

    A method with one model per type trains each (``feats``:
    :class:`~mespot_nb.inference.TypedFeatures`); the dict is then the first model's plus
    ``by_type`` (``{type: its dict}``) and ``skipped`` (``{type: why}``: a type the dataset has
    no annotations of is skipped with a warning naming the dataset, the others still train)."""
    from .inference import features_by_type

    m = get_method(method)
    if not m.trainable:
        subjects = sorted({s for s, _ in feats})
        f = free_fold(dataset, feats, m, subjects, [], spot_kw)
        return dict(model=None, fit_subjects=subjects, val_subjects=[], history=[], best_epoch=0,
                    threshold=f.threshold, threshold_f1=f.threshold_f1,
                    threshold_curve=f.threshold_curve, spot_kw=f.spot_kw, subjects=subjects)
    check_imagenet(m, cfg, imagenet)
    types, skipped = _skip_types(m, dataset.intervals, f"dataset '{dataset.name}'")
    outs = {}
    for t in types:
        mt = m.for_type(t)
        data = gather(dataset, features_by_type(mt, feats)[t], mt)
        kw = None if spot_kw is None else mt.typed_spot(spot_kw)
        what = m.name if len(m.model_types) == 1 else f"{m.name} ({t})"
        out = train_with_threshold(mt, cfg, data, dataset.intervals, seed, device, progress,
                                   f"train {what}", imagenet, kw)
        out["subjects"] = sorted(data.subjects())
        out["shapes"] = {k: list(v) for k, v in data.shapes().items()}
        out["type"] = t
        outs[t] = out
    if len(m.model_types) == 1:
        return outs[types[0]]
    return dict(outs[types[0]], by_type=outs, skipped=skipped)
