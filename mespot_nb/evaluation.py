"""Evaluation: spotted intervals vs ground truth, exactly as the published protocols count.

All intervals are 1-based inclusive frame ranges. Overlap is the inclusive IoU::

    inter = max(0, min(e1, e2) − max(s1, s2) + 1)
    union = (e1 − s1 + 1) + (e2 − s2 + 1) − inter

Protocols (pooled over all videos; a video is the pair (subject, video)):

``megc2020``
    A ground truth is *found* if any prediction on its video has IoU ≥ threshold.
    TP = found ground truths; FP = predictions − TP (never below 0); FN = ground truths − TP.
``one-to-one`` (MEGC spot-then-recognise, STRS)
    Predictions in descending score (file order on ties) each take the first still-unmatched
    ground truth (in file order) with IoU ≥ threshold. Unmatched predictions are FP, unmatched
    ground truths FN.
``coverage`` (seed 004, HOOF-LSTM)
    A prediction is TP if it covers ≥ 0.8 of some ground truth (|P ∩ G| / |G|), else FP;
    FN = ground truths − TP (never below 0), as the paper counts.

Predictions on a video that the ground truth lacks are FP under every protocol and listed in
:attr:`Score.unknown_videos`. Per type (micro, macro) and overall (counts summed, then F1).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import MespotError
from .intervals import (PROTOCOLS, Score, coverage_matrix, footage_fraction, iou,  # noqa: F401
                        iou_matrix, score_intervals)
TYPES = ("micro", "macro")

#: The MEGC2020 baseline's prediction-length filters (frames), per dataset format and type.
MEGC2020_LENGTH_FILTERS = {
    "casme2": {"micro": (7, 16), "macro": (17, None)},
    "samm-lv": {"micro": (47, 105), "macro": (106, None)},
}


def filter_lengths(pred: pd.DataFrame, min_frames: int | None = None,
                   max_frames: int | None = None) -> pd.DataFrame:
    """Keep predictions whose length (offset − onset + 1 frames) lies in [min, max]."""
    n = pred["offset"] - pred["onset"] + 1
    keep = np.ones(len(pred), dtype=bool)
    if min_frames is not None:
        keep &= (n >= min_frames).to_numpy()
    if max_frames is not None:
        keep &= (n <= max_frames).to_numpy()
    return pred[keep]


def canonical_prediction_ids(pred: pd.DataFrame, format: str) -> pd.DataFrame:
    """Map the id spellings people use in MEGC submissions onto the readers' canonical ids.

    ``casme2``: subject ``15``/``s15`` → ``s15``; video ``15_0401``, ``15_0401girlcrashing``,
    ``0401`` or ``s15_0401`` → ``s15_0401``. ``samm-lv``: subject ``6``/``006`` → ``006``,
    video ``006_1`` (or ``006_1_2``) → ``006_1``. Other formats are left as they are.
    """
    pred = pred.copy()
    if format == "casme2":
        def subj(s: str) -> str:
            s = str(s).strip()
            return f"s{int(s)}" if s.isdigit() else s

        def vid(row) -> str:
            v = str(row.video).strip()
            m = re.match(r"s?(\d+)_(\d{4})", v) or re.fullmatch(r"()(\d{4})", v)
            if m:
                return f"{row.subject}_{m.group(2)}"
            return v

        pred["subject"] = pred["subject"].map(subj)
        pred["video"] = [vid(r) for r in pred.itertuples()]
    elif format == "samm-lv":
        pred["subject"] = pred["subject"].map(
            lambda s: str(s).strip().zfill(3) if str(s).strip().isdigit() else str(s).strip())
        pred["video"] = pred["video"].map(
            lambda v: "_".join(str(v).strip().split("_")[:2]))
    return pred


def evaluate(gt: pd.DataFrame, pred: pd.DataFrame, protocol: str = "megc2020",
             type: str = "all", iou_threshold: float = 0.5, coverage_threshold: float = 0.8,
             min_frames: int | None = None, max_frames: int | None = None,
             length_filters: dict[str, tuple[int | None, int | None]] | None = None
             ) -> dict[str, Score]:
    """Score predictions per type and overall.

    Parameters
    ----------
    gt : intervals table (``subject, video, onset, offset, type``).
    pred : predictions (``subject, video, onset, offset`` [, ``type``] [, ``score``]).
    type : ``micro``, ``macro`` or ``all``. Predictions without a ``type`` column are all scored
        against ``type``; with ``all`` and no type column, every ground truth is one pool (key
        ``all``). With a type column and ``all``, micro and macro are scored separately.
    min_frames, max_frames : a length filter on predictions, for every type.
    length_filters : per-type (min, max) filters (e.g. :data:`MEGC2020_LENGTH_FILTERS`).

    Returns
    -------
    ``{type: Score, ..., "overall": Score}`` — overall sums the counts, then computes F1.
    """
    if type not in (*TYPES, "all"):
        raise MespotError(f"unknown type {type!r}; use micro, macro or all")
    pred = filter_lengths(pred, min_frames, max_frames)
    has_type = "type" in pred.columns
    if type == "all":
        keys = list(TYPES) if has_type else ["all"]
    else:
        keys = [type]
    out: dict[str, Score] = {}
    for t in keys:
        g = gt if t == "all" else gt[gt["type"] == t]
        p = pred[pred["type"] == t] if (has_type and t != "all") else pred
        if length_filters and t in length_filters:
            p = filter_lengths(p, *length_filters[t])
        out[t] = score_intervals(g, p, protocol, iou_threshold, coverage_threshold)
    overall = Score()
    for t in keys:
        overall = overall + out[t]
    out["overall"] = overall
    return out


def footage_reduction(pred: pd.DataFrame, n_frames_total: int) -> float:
    """Fraction of the footage an annotator must still review (frames inside any prediction,
    overlaps counted once per video); seed 004 reports the reduction as 1 − this."""
    return footage_fraction(pred, n_frames_total)


def roc_curve(scores: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Window-level ROC (scikit-learn's): false-positive rate, true-positive rate, thresholds.

    Parameters
    ----------
    scores : (N,) float — higher means "more likely a micro-expression".
    labels : (N,) bool — the windows' ground truth.
    """
    from sklearn.metrics import roc_curve as _roc

    scores, labels = np.asarray(scores, float), np.asarray(labels, bool)
    if labels.all() or not labels.any():
        return np.array([0.0, 1.0]), np.array([0.0, 1.0]), np.array([np.inf, -np.inf])
    fpr, tpr, thr = _roc(labels, scores, drop_intermediate=False)
    return fpr, tpr, thr


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Area under the ROC curve (scikit-learn's; ties count one half); NaN if one class is absent."""
    from sklearn.metrics import roc_auc_score

    scores, labels = np.asarray(scores, float), np.asarray(labels, bool)
    if labels.all() or not labels.any():
        return float("nan")
    return float(roc_auc_score(labels, scores))


#: Published figures: one row per (method, dataset, protocol, type), each with the work it comes
#: from (a key of :data:`mespot_nb.references.REFERENCES`) and where in it. ``dataset`` is the
#: dataset's format or entry name (casme2, samm-lv, smic-e-long).
PUBLISHED_FIGURES = [
    dict(method="dyngeonet", dataset="casme2", protocol="megc2020", type="micro", f1=0.0501,
         reference="tran2021dyngeonet", where="Table 1 (CAS(ME)²)"),
    dict(method="dyngeonet", dataset="samm-lv", protocol="megc2020", type="micro", f1=0.0974,
         reference="tran2021dyngeonet", where="Table 1 (SAMM)"),
    dict(method="dyngeonet", dataset="smic-e-long", protocol="megc2020", type="micro", f1=0.1035,
         reference="tran2021dyngeonet", where="Table 1 (SMIC-E-Long)"),
    dict(method="hoof-lstm", dataset="samm-lv", protocol="coverage", type="micro", f1=0.0821,
         recall=0.4654, precision=0.0450, tp=74, fp=1569,
         reference="verburg2019", where="Table I (SAMM)"),
    dict(method="mdmd", dataset="casme2", protocol="megc2020", type="overall", f1=0.0376,
         reference="he2020megc", where="the MEGC2020 baseline (CAS(ME)²)"),
    dict(method="mdmd", dataset="samm-lv", protocol="megc2020", type="overall", f1=0.0445,
         reference="he2020megc", where="the MEGC2020 baseline (SAMM-LV)"),
    dict(method="softnet", dataset="casme2", protocol="megc2020", type="micro", f1=0.1173,
         reference="liong2021softnet", where="reported LOSO F1 (CAS(ME)²)"),
    dict(method="softnet", dataset="casme2", protocol="megc2020", type="macro", f1=0.2410,
         reference="liong2021softnet", where="reported LOSO F1 (CAS(ME)²)"),
    dict(method="softnet", dataset="casme2", protocol="megc2020", type="overall", f1=0.2022,
         reference="liong2021softnet", where="reported LOSO F1 (CAS(ME)²)"),
    dict(method="softnet", dataset="samm-lv", protocol="megc2020", type="micro", f1=0.1520,
         reference="liong2021softnet", where="reported LOSO F1 (SAMM-LV)"),
    dict(method="softnet", dataset="samm-lv", protocol="megc2020", type="macro", f1=0.2169,
         reference="liong2021softnet", where="reported LOSO F1 (SAMM-LV)"),
    dict(method="softnet", dataset="samm-lv", protocol="megc2020", type="overall", f1=0.1881,
         reference="liong2021softnet", where="reported LOSO F1 (SAMM-LV)"),
]


def _dataset_key(dataset_name: str, dataset_format: str) -> list[str]:
    key = dataset_name.lower()
    out = [key, dataset_format]
    if "smic" in key:
        out.append("smic-e-long")
    return out


def published(method: str, dataset_name: str, dataset_format: str, type: str = "micro"
              ) -> dict | None:
    """The published figure of ``method`` on a real dataset (matched by entry name or format)
    for ``type`` (micro by default); None for the demo, other data, or nothing published. The
    row's ``source`` names the work and where in it."""
    from .references import get

    for cand in _dataset_key(dataset_name, dataset_format):
        for row in PUBLISHED_FIGURES:
            if (row["method"], row["dataset"], row["type"]) == (method, cand, type):
                return {**row, "source": f"{get(row['reference']).short()}, {row['where']}"}
    return None


def published_table(methods: list[str] | None = None) -> pd.DataFrame:
    """Every published figure (of ``methods``, default all) with its full citation: columns
    ``method, dataset, protocol, type, f1, recall, precision, where, citation``."""
    from .references import get

    rows = [{**{k: r.get(k) for k in ("method", "dataset", "protocol", "type", "f1", "recall",
                                       "precision", "where")},
             "citation": get(r["reference"]).full()}
            for r in PUBLISHED_FIGURES if methods is None or r["method"] in methods]
    return pd.DataFrame(rows, columns=["method", "dataset", "protocol", "type", "f1", "recall",
                                       "precision", "where", "citation"])


def compare_methods(gt: pd.DataFrame, predictions: dict[str, pd.DataFrame],
                    protocols=PROTOCOLS, type: str = "micro") -> pd.DataFrame:
    """One row per (method, protocol): tp, fp, fn, precision, recall, f1 for ``type``."""
    rows = []
    for method, pred in predictions.items():
        for proto in protocols:
            s = evaluate(gt, pred, proto, type)[type]
            rows.append(dict(method=method, protocol=proto, **s.as_dict()))
    return pd.DataFrame(rows)


def true_detection_iou(gt: pd.DataFrame, pred: pd.DataFrame, type: str = "micro",
                       iou_threshold: float = 0.5) -> tuple[float, int]:
    """How well true detections fit the movement: the mean, over predictions whose best IoU with
    a ground truth of ``type`` on their video is ≥ ``iou_threshold``, of that best IoU; and how
    many there are. (NaN, 0) when there is none."""
    g = gt[gt["type"] == type]
    p = pred[pred["type"] == type] if "type" in pred else pred
    best = []
    for key, pg in p.groupby(["subject", "video"], sort=False):
        gg = g[(g["subject"] == key[0]) & (g["video"] == key[1])]
        if not len(gg):
            continue
        m = iou_matrix(pg[["onset", "offset"]].to_numpy(), gg[["onset", "offset"]].to_numpy())
        b = m.max(axis=1)
        best += b[b >= iou_threshold].tolist()
    return (float(np.mean(best)) if best else float("nan")), len(best)


# ----------------------------------------------------------------------------------------------
# uncertainty: subject-level bootstrap


def scored_subjects(gt: pd.DataFrame, *preds: pd.DataFrame) -> list:
    """Every subject that takes part in scoring: those of the ground truth *and* those of every
    prediction table (a subject, or a video, the annotations lack still carries false
    positives, so it must be resampled too). Sorted (as text where the ids' types do not
    compare)."""
    subs = set(gt["subject"]) if len(gt) else set()
    for p in preds:
        if len(p):
            subs |= set(p["subject"])
    try:
        return sorted(subs)
    except TypeError:
        return sorted(subs, key=str)


def subject_counts(gt: pd.DataFrame, pred: pd.DataFrame, protocol: str = "megc2020",
                   type: str = "micro", subjects=None) -> pd.DataFrame:
    """TP, FP, FN per subject for one type (or ``overall``: micro and macro summed).

    Rows are in ``subjects`` order, by default :func:`scored_subjects` — every subject of
    ``gt`` and of ``pred``, so predictions on a subject without annotations are counted as the
    FP they are. With the default subjects the rows sum exactly to the pooled counts of
    :func:`evaluate` (each video belongs to one subject, and predictions on a video the
    annotations lack are FP there and here alike).
    """
    subjects = scored_subjects(gt, pred) if subjects is None else list(subjects)
    rows = []
    for s in subjects:
        e = evaluate(gt[gt["subject"] == s], pred[pred["subject"] == s], protocol, "all"
                     if type == "overall" else type)
        sc = e["overall"] if type == "overall" else e[type]
        rows.append((s, sc.tp, sc.fp, sc.fn))
    return pd.DataFrame(rows, columns=["subject", "tp", "fp", "fn"]).set_index("subject")


def _f1(c: np.ndarray) -> np.ndarray:
    """F1 of count rows (..., 3) = (tp, fp, fn); 0 where undefined."""
    d = 2 * c[..., 0] + c[..., 1] + c[..., 2]
    return np.where(d > 0, 2 * c[..., 0] / np.maximum(d, 1), 0.0)


def bootstrap_f1(counts: pd.DataFrame, n: int = 1000, seed: int = 0, level: float = 0.95
                 ) -> tuple[float, float]:
    """A percentile interval of the pooled F1: the held-out subjects' (TP, FP, FN) rows are
    resampled with replacement ``n`` times (seeded), summed, and scored; returns (lo, hi).

    ``counts`` must hold every subject that was scored — :func:`subject_counts` by default
    includes the subjects only the predictions name. The interval always contains the pooled
    F1 of ``counts``: should the percentile interval miss it (possible in principle with very
    few, very unequal subjects), it is widened to reach it.
    """
    c = counts[["tp", "fp", "fn"]].to_numpy(float)
    if not len(c):
        return float("nan"), float("nan")
    idx = np.random.default_rng(seed).integers(0, len(c), size=(n, len(c)))
    f = _f1(c[idx].sum(axis=1))
    a = (1 - level) / 2
    point = float(_f1(c.sum(axis=0)))
    return (min(float(np.quantile(f, a)), point), max(float(np.quantile(f, 1 - a)), point))


def paired_bootstrap_difference(a: pd.DataFrame, b: pd.DataFrame, n: int = 1000, seed: int = 0,
                                level: float = 0.95) -> dict:
    """F1(a) − F1(b) of two methods scored on the same subjects, with the interval of the
    difference from resampling the *same* subjects for both (paired); ``{"diff", "lo", "hi",
    "p_le_0"}`` (p_le_0: the fraction of draws where a is not better)."""
    subjects = a.index.intersection(b.index)
    ca = a.loc[subjects, ["tp", "fp", "fn"]].to_numpy(float)
    cb = b.loc[subjects, ["tp", "fp", "fn"]].to_numpy(float)
    idx = np.random.default_rng(seed).integers(0, len(subjects), size=(n, len(subjects)))
    d = _f1(ca[idx].sum(1)) - _f1(cb[idx].sum(1))
    q = (1 - level) / 2
    return {"diff": float(_f1(ca.sum(0)) - _f1(cb.sum(0))), "lo": float(np.quantile(d, q)),
            "hi": float(np.quantile(d, 1 - q)), "p_le_0": float((d <= 0).mean())}


def _round_out(x: float, direction: int, digits: int = 4) -> float:
    """``x`` rounded to ``digits`` decimals away from the estimate (down for a lower bound,
    ``direction`` −1; up for an upper one, +1), so a rounded interval still holds its F1."""
    if not np.isfinite(x):
        return x
    q = round(x * 10 ** digits, 6)               # absorb binary noise before floor/ceil
    return float((np.floor(q) if direction < 0 else np.ceil(q)) / 10 ** digits)


def f1_table(gt: pd.DataFrame, predictions: dict[str, pd.DataFrame], protocols=PROTOCOLS,
             types=("micro",), n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """One row per (method, protocol, type): tp, fp, fn, precision, recall, f1 and ``f1_lo``,
    ``f1_hi`` — the 95 % subject-level bootstrap interval."""
    rows = []
    for m, pred in predictions.items():
        for proto in protocols:
            e = evaluate(gt, pred, proto, "all" if "overall" in types or len(types) > 1
                         else types[0])
            for t in types:
                if t not in e:
                    continue
                lo, hi = bootstrap_f1(subject_counts(gt, pred, proto, t), n_boot, seed)
                rows.append(dict(method=m, protocol=proto, type=t, **e[t].as_dict(),
                                 f1_lo=_round_out(lo, -1), f1_hi=_round_out(hi, 1)))
    return pd.DataFrame(rows)


#: An interval from fewer subjects than this is flagged in tables and conclusions: with two or
#: three subjects the bootstrap has a handful of distinct resamples, and an interval can even
#: have zero width ([0.143, 0.143]) without meaning certainty.
FEW_SUBJECTS = 4


def results_table(gt: pd.DataFrame, predictions: dict[str, pd.DataFrame],
                  method_types: dict[str, tuple[str, ...]], protocols=PROTOCOLS,
                  n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Every method × protocol × type it spots, with intervals and the subjects behind them.

    A method that spots one type (``method_types[m] == ("micro",)``) gets that type's rows only:
    its "overall" would count every expression of the other type as missed. A method spotting
    micro and macro gets both and ``overall`` (counts summed, then F1, as MEGC2020 does).

    Returns
    -------
    DataFrame, a row per (method, protocol, type): tp, fp, fn, precision, recall, f1, f1_lo,
    f1_hi (95 % subject bootstrap, rounded outward), ``n_subjects`` (how many subjects the
    interval resamples) and ``few_subjects`` (fewer than :data:`FEW_SUBJECTS`).
    """
    rows = []
    for m, pred in predictions.items():
        types = tuple(method_types.get(m, ("micro",)))
        pred = pred if "type" in pred.columns or len(types) != 1 else pred.assign(type=types[0])
        want = types + (("overall",) if len(types) > 1 else ())
        sub = f1_table(gt, {m: pred}, protocols, types=want, n_boot=n_boot, seed=seed)
        n = len(scored_subjects(gt, pred))
        rows.append(sub.assign(n_subjects=n, few_subjects=n < FEW_SUBJECTS))
    if not rows:
        return pd.DataFrame()
    return pd.concat(rows, ignore_index=True)


def protocols_agree(table: pd.DataFrame, a: str = "megc2020", b: str = "one-to-one") -> bool:
    """True when protocols ``a`` and ``b`` gave the same TP, FP and FN in every row of a
    :func:`f1_table` / :func:`results_table` (same methods and types under both)."""
    key = [c for c in ("method", "type") if c in table.columns]
    ta = table[table.protocol == a].set_index(key)[["tp", "fp", "fn"]].sort_index()
    tb = table[table.protocol == b].set_index(key)[["tp", "fp", "fn"]].sort_index()
    return bool(len(ta) and ta.index.equals(tb.index) and (ta.to_numpy() == tb.to_numpy()).all())


def overlapping_truths(gt: pd.DataFrame) -> int:
    """How many pairs of annotated intervals of one type overlap or touch on one video.

    Only then can one prediction reach IoU ≥ 0.5 with two ground truths (two disjoint ones
    would each have to fill exactly half of it, so they touch). Otherwise every prediction
    matches at most one ground truth, both MEGC2020 and one-to-one count one TP per found
    ground truth and every other prediction as FP, and the two protocols agree exactly."""
    n = 0
    for _, g in gt.groupby(["subject", "video", "type"], sort=False):
        iv = g[["onset", "offset"]].to_numpy()
        iv = iv[np.argsort(iv[:, 0])]
        for i in range(len(iv) - 1):
            n += int((iv[i + 1:, 0] <= iv[i, 1] + 1).sum())
    return n


def pairwise_differences(gt: pd.DataFrame, predictions: dict[str, pd.DataFrame],
                         protocol: str = "megc2020", type: str = "micro", n_boot: int = 1000,
                         seed: int = 0, pairs: list[tuple[str, str]] | None = None
                         ) -> pd.DataFrame:
    """F1(a) − F1(b) for pairs of methods (default: every method against the first) with the
    paired subject-level bootstrap interval; a row per pair: ``a, b, diff, lo, hi, supported``
    (``supported``: the interval excludes 0, so the ranking holds at 95 %)."""
    names = list(predictions)
    pairs = pairs or [(a, names[0]) for a in names[1:]]
    subjects = scored_subjects(gt, *predictions.values())
    counts = {m: subject_counts(gt, p, protocol, type, subjects) for m, p in predictions.items()}
    rows = []
    for a, b in pairs:
        d = paired_bootstrap_difference(counts[a], counts[b], n_boot, seed)
        rows.append(dict(a=a, b=b, diff=round(d["diff"], 4), lo=round(d["lo"], 4),
                         hi=round(d["hi"], 4), supported=bool(d["lo"] > 0 or d["hi"] < 0)))
    return pd.DataFrame(rows, columns=["a", "b", "diff", "lo", "hi", "supported"])


def seed_table(gt: pd.DataFrame, runs: dict[str, list[pd.DataFrame]], protocol: str = "megc2020",
               type: str = "micro") -> pd.DataFrame:
    """Training-seed spread: ``runs`` maps a method to its predictions from several training
    seeds (same folds, same data). One row per method: ``seeds`` (how many), ``f1_per_seed``,
    ``mean`` and ``sd`` (sample sd, NaN with one seed). This is the variation a rerun on another
    machine or seed shows, which the subject bootstrap does not capture."""
    rows = []
    for m, preds in runs.items():
        f1s = [evaluate(gt, p, protocol, type)[type].f1 for p in preds]
        rows.append(dict(method=m, seeds=len(f1s), f1_per_seed=[round(f, 4) for f in f1s],
                         mean=round(float(np.mean(f1s)), 4),
                         sd=round(float(np.std(f1s, ddof=1)), 4) if len(f1s) > 1 else float("nan")))
    return pd.DataFrame(rows, columns=["method", "seeds", "f1_per_seed", "mean", "sd"])


#: The held-out window AUC a taught method must reach on the standard demo to count as having
#: learned (issue 19): well above chance (0.5), below what a clean synthetic signal allows.
LEARNING_BAR = 0.75


def learning_table(runs: dict[str, tuple[pd.DataFrame, pd.DataFrame]], gt: pd.DataFrame,
                   titles: dict[str, str] | None = None, bar: float = LEARNING_BAR,
                   protocol: str = "megc2020") -> pd.DataFrame:
    """Held-out window AUC beside interval F1, and whether the AUC reaches ``bar``.

    Parameters
    ----------
    runs : method → (held-out window scores with ``score`` and ``label`` columns, one row per
        window; predicted intervals, MEGC rows).
    gt : the ground-truth intervals of the held-out subjects only.
    titles : method → display name (default: the key).
    bar : the AUC to reach.

    Returns
    -------
    DataFrame indexed by method: ``title, window_auc, f1, tp, fp, fn, reaches`` (bool).
    """
    rows = {}
    for m, (scores, pred) in runs.items():
        auc = roc_auc(scores["score"].to_numpy(), scores["label"].to_numpy())
        s = evaluate(gt, pred, protocol, "micro")["micro"]
        rows[m] = dict(title=(titles or {}).get(m, m), window_auc=round(auc, 4),
                       f1=round(s.f1, 4), tp=s.tp, fp=s.fp, fn=s.fn,
                       reaches=bool(np.isfinite(auc) and auc >= bar))
    return pd.DataFrame.from_dict(rows, orient="index")


def learning_sentence(table: pd.DataFrame, bar: float = LEARNING_BAR, where: str = "") -> str:
    """One Markdown sentence per row of :func:`learning_table`: its AUC, its F1, and whether it
    reaches ``bar``."""
    parts = []
    for row in table.itertuples():
        verdict = ("reaches" if row.reaches else "does **not** reach") + f" the {bar:g} bar"
        parts.append(f"**{row.title}**: held-out window AUC {row.window_auc:.3f}{where} "
                     f"(MEGC2020 F1 {row.f1:.3f}, {row.tp} TP / {row.fp} FP / {row.fn} FN) — "
                     f"{verdict}.")
    return "\n\n".join(parts)


def measured_learning_curve() -> dict:
    """The quick profile's measured learning curve: ``{"what", "source", "bar", "auc": {method:
    {setting: held-out window AUC}}}`` on the standard demo, from ``benchmarks/bench_learning.py``
    (kept as ``mespot_nb/data/learning_curve.json``; the benchmark re-measures it)."""
    import json
    from importlib.resources import files

    return json.loads(files("mespot_nb").joinpath("data/learning_curve.json").read_text())


def learning_shortfall(curve: dict, methods: list[str], titles: dict[str, str]) -> str:
    """What the measured curve says for each taught method below the bar: its best measured
    setting, how many were measured, and what none of them changes."""
    out = []
    bar = curve["bar"]
    for m in methods:
        auc = curve["auc"].get(m) or {}
        if not auc:
            continue
        best = max(auc, key=auc.get)
        if auc[best] >= bar:
            out.append(f"On the standard demo the measured setting '{best}' brings "
                       f"{titles.get(m, m)} to {auc[best]:.3f}, at or above the {bar}.")
            continue
        out.append(f"On the standard demo none of the {len(auc)} measured quick-profile settings "
                   f"brings {titles.get(m, m)} to the {bar}: the best, '{best}', reaches "
                   f"{auc[best]:.3f} (composed-image size, network width, epochs, learning rate, "
                   "negative sampling and dynamic-image scaling were varied). What none of them "
                   "changes is what would: a pretrained trunk (the paper profile's ImageNet "
                   "VGG-16, which needs a GPU) or augmentation of the few positive windows; "
                   "neither was measured here.")
    return " ".join(out)
