"""Each notebook's closing paragraph, written from the numbers it recorded.

A notebook ends with ``nb.conclude()``, which calls :func:`conclude` on what the notebook recorded
for ``results.json`` and shows the text as Markdown. Every figure in the text comes from those
results through :meth:`Writer.num`, which keeps the path it read, so the text cannot contradict
the numbers after a rerun on other data (a user's CAS(ME)² included), and a test checks each
figure against ``results.json``. A method leads only where a paired interval says so; otherwise
the text says the intervals do not separate the methods.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .errors import MespotError

from .evaluation import LEARNING_BAR as AUC_BAR  # held-out window AUC a taught method must reach
#: Fewer test subjects than this: an interval is flagged (as ``evaluation.FEW_SUBJECTS``).
from .evaluation import FEW_SUBJECTS as FEW  # noqa: E402


@dataclass
class Conclusion:
    """A conclusion's Markdown ``text`` and the ``figures`` it quotes: ``[{"path": [...],
    "value": v, "text": "0.248"}]`` (``path`` None for a constant such as the AUC bar)."""

    text: str
    figures: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"text": self.text, "figures": self.figures}

    def _repr_markdown_(self) -> str:  # IPython shows it as Markdown
        return self.text

    def __repr__(self) -> str:  # and plain text as the text itself
        return self.text


def lookup(results: dict, path) -> Any:
    """``results[path[0]][path[1]]…``; KeyError when a step is missing."""
    d = results
    for k in path:
        d = d[k]
    return d


class Writer:
    """Quotes numbers from a notebook's results and remembers where each came from."""

    def __init__(self, results: dict):
        self.results = results
        self.figures: list[dict] = []

    def has(self, *path) -> bool:
        try:
            lookup(self.results, path)
            return True
        except (KeyError, TypeError, IndexError):
            return False

    def get(self, *path, default=None):
        try:
            return lookup(self.results, path)
        except (KeyError, TypeError, IndexError):
            return default

    def num(self, *path, fmt: str = "{:.3f}") -> str:
        """The value at ``path`` formatted with ``fmt``, recorded as a quoted figure."""
        v = lookup(self.results, path)
        text = fmt.format(v)
        self.figures.append({"path": [str(p) for p in path], "value": v, "text": text})
        return text

    def item(self, path, i: int, fmt: str = "{:.3f}") -> str:
        """Element ``i`` of the list at ``path``."""
        v = lookup(self.results, path)[i]
        text = fmt.format(v)
        self.figures.append({"path": [str(p) for p in path] + [i if i >= 0 else len(
            lookup(self.results, path)) + i], "value": v, "text": text})
        return text

    def name(self, *path, key: bool = False) -> str:
        """A name from the results (a dataset; with ``key`` the last step of ``path`` itself,
        e.g. a setup), quoted as it is; digits in it are not figures."""
        v = str(path[-1]) if key else str(lookup(self.results, path))
        self.figures.append({"path": [str(p) for p in path], "value": v, "text": v,
                             "name": True})
        return v

    def const(self, v, fmt: str = "{}") -> str:
        """A constant of the text (a bar, a level), not a result."""
        text = fmt.format(v)
        self.figures.append({"path": None, "value": v, "text": text})
        return text

    def f1(self, *path) -> str:
        """"0.248 [0.162, 0.348]" from a record holding ``f1`` and ``f1_ci``."""
        out = self.num(*path, "f1")
        if self.has(*path, "f1_ci") and self.get(*path, "f1_ci") is not None:
            out += f" [{self.item((*path, 'f1_ci'), 0)}, {self.item((*path, 'f1_ci'), 1)}]"
        return out


def _title(name: str) -> str:
    from .methods import METHODS

    return METHODS[name].title if name in METHODS else name


def _differences(w: Writer, diffs_path: tuple, name=_title) -> list[str]:
    """Sentences on recorded paired differences ``{"a - b": {diff, ci, supported}}``."""
    diffs = w.get(*diffs_path) or {}
    sup, unsup = [], []
    for pair, d in diffs.items():
        a, _, b = pair.partition(" - ")
        text = (f"{name(a)} − {name(b)} = {w.num(*diffs_path, pair, 'diff')} "
                f"[{w.item((*diffs_path, pair, 'ci'), 0)}, {w.item((*diffs_path, pair, 'ci'), 1)}]")
        (sup if d.get("supported") else unsup).append((text, name(a), name(b), d["diff"]))
    out = []
    if sup:
        out.append("The paired intervals support " + "; ".join(
            f"{t} ({a} {'above' if v > 0 else 'below'} {b})" for t, a, b, v in sup) + ".")
    if unsup:
        out.append("They do not separate " + "; ".join(f"{a} from {b} ({t})"
                                                       for t, a, b, _ in unsup)
                   + ": no ranking between those is stated.")
    return out


def _has_truth(w: Writer, path: tuple) -> bool:
    """A scored record with something to find (TP + FN > 0): a type the dataset has."""
    r = w.get(*path)
    return isinstance(r, dict) and "f1" in r and (r.get("tp", 0) + r.get("fn", 0)) > 0


def _best(w: Writer, values: dict[str, tuple]) -> str | None:
    """The key with the highest value among ``{key: path}``."""
    have = {k: w.get(*p) for k, p in values.items() if isinstance(w.get(*p), (int, float))}
    return max(have, key=have.get) if have else None


# ----------------------------------------------------------------------------------------------
# one writer per notebook


def _c00(w: Writer) -> list[str]:
    out = []
    if w.has("counts", "subjects"):
        out.append(f"The dataset holds {w.num('counts', 'subjects', fmt='{}')} subjects, "
                   f"{w.num('counts', 'videos', fmt='{}')} videos and "
                   f"{w.num('counts', 'intervals', fmt='{}')} annotated intervals "
                   f"({w.num('counts', 'micro', fmt='{}')} micro-, "
                   f"{w.num('counts', 'macro', fmt='{}')} macro-expressions).")
    durs = [f"the median {t}-expression lasts {w.num('duration_frames_median', t, fmt='{:g}')} "
            "frames" for t in ("micro", "macro") if w.has("duration_frames_median", t)]
    if durs:
        out.append(" and ".join(durs).capitalize() + ".")
    if w.has("counts", "findings"):
        n = w.get("counts", "findings")
        out.append("The readers' audit found nothing to correct." if n == 0 else
                   f"The readers' audit reported {w.num('counts', 'findings', fmt='{}')} "
                   "findings: read them above before trusting any score.")
    ev = w.get("events_per_minute") or {}
    if "micro-expressions" in ev and "blinks" in ev:
        out.append(f"Per minute the demo holds {w.num('events_per_minute', 'micro-expressions', fmt='{:g}')} "
                   f"micro-expressions against {w.num('events_per_minute', 'blinks', fmt='{:g}')} blinks, "
                   f"{w.num('events_per_minute', 'talking', fmt='{:g}')} talking bouts and "
                   f"{w.num('events_per_minute', 'head motion', fmt='{:g}')} head movements: "
                   "every spotter below has to tell them apart.")
    return out


def _c01(w: Writer) -> list[str]:
    if not w.has("tracking", "frames"):
        return []
    out = [f"Of {w.num('tracking', 'frames', fmt='{}')} frames, "
           f"{w.num('tracking', 'tracked', fmt='{}')} were tracked from the previous frame and "
           f"{w.num('tracking', 'detected', fmt='{}')} detected afresh; "
           f"{w.num('tracking', 'lost', fmt='{}')} had no face."]
    if w.has("tracking", "median_deviation_px"):
        out.append(f"Tracking stays within a median {w.num('tracking', 'median_deviation_px', fmt='{:g}')} px "
                   f"of per-frame detection at {w.num('tracking', 'speedup_vs_per_frame', fmt='{:g}')}× "
                   "its speed.")
    if w.has("integer_floor", "steps_0px") and w.get("integer_floor", "whole_pixels"):
        out.append(f"The landmarks are whole pixels: "
                   f"{w.num('integer_floor', 'steps_0px', fmt='{:.0%}')} of the shown traces' "
                   f"frame-to-frame steps are exactly {w.const(0)} px and "
                   f"{w.num('integer_floor', 'steps_1px', fmt='{:.0%}')} exactly ±{w.const(1)} px, "
                   "a floor as large as the smaller micro-expressions.")
    return out


def _auc_sentence(w: Writer, key: str = "separability_auc", what: str = "feature") -> list[str]:
    aucs = w.get(key) or {}
    if not aucs:
        return []
    aucs = {n: v for n, v in aucs.items() if isinstance(v, (int, float)) and v == v}
    if not aucs:
        return []
    parts = [f"{name} {w.num(key, name)}" for name in aucs]
    above = [n for n, v in aucs.items() if isinstance(v, (int, float)) and v > 0.5]
    out = [f"Window AUC of each {what}, micro-expression against neutral windows "
           f"({w.const(0.5)} is chance): " + ", ".join(parts) + "."]
    if len(above) == len(aucs):
        out.append("Each is above chance on its own; these AUCs carry no interval, so their "
                   "order is not a ranking.")
    elif not above:
        out.append("None is above chance here.")
    return out


def _windows(w: Writer, what: str, length: str, pos: str, rule: str) -> list[str]:
    """"Of N <what> windows of L frames, P <rule>": how few positives the method learns from."""
    if not w.has("windows", "total"):
        return []
    return [f"Of {w.num('windows', 'total', fmt='{}')} {what} of "
            f"{w.num('windows', length, fmt='{}')} frames, "
            f"{w.num('windows', pos, fmt='{}')} {rule}"]


def _c02(w: Writer) -> list[str]:
    return _windows(w, "windows", "L", "iou_pos", f"are positives (IoU ≥ {w.const(0.5)} with a "
                    "micro-expression): the network learns from few.") + \
        _auc_sentence(w, what="ROI's dynamic-image energy")


def _c03(w: Writer) -> list[str]:
    out = _auc_sentence(w, what="geometric summary")
    if w.has("median_deformation_sum_px", "micro"):
        out.append(f"The median deformation sum is {w.num('median_deformation_sum_px', 'micro', fmt='{:.1f}')} px "
                   f"in micro-expression windows and "
                   f"{w.num('median_deformation_sum_px', 'neutral', fmt='{:.1f}')} px in neutral ones.")
    return out


def _c04(w: Writer) -> list[str]:
    return _windows(w, "HOOF windows", "W", "cov_pos", f"cover ≥ {w.const(0.8)} of a "
                    "micro-expression (seed 004's positives).") + \
        _auc_sentence(w, what="HOOF summary")


def _auc_bar(w: Writer, path: tuple, who: str, where: str = "") -> str:
    v = w.get(*path)
    if not isinstance(v, (int, float)) or v != v:
        return (f"{who}'s held-out window AUC{where} is undefined: the held-out windows hold "
                "no micro-expression (or no neutral window).")
    verdict = "at or above" if v >= AUC_BAR else "below"
    return (f"{who}'s held-out window AUC{where} is {w.num(*path)}, {verdict} the "
            f"{w.const(AUC_BAR)} the kit asks of a taught method.")


def _c05(w: Writer) -> list[str]:
    out = []
    for m, rec in w.results.items():
        if not isinstance(rec, dict) or "fold" not in rec:
            continue
        f = ("{}".format(m), "fold")
        who = _title(m)
        if w.has(*f, "best_epoch") and w.has(*f, "epochs") and not w.get(*f, "keeps_last_epoch"):
            last = w.get(*f, "best_epoch") == w.get(*f, "epochs")
            out.append(f"{who}'s best validation epoch is {w.num(*f, 'best_epoch', fmt='{}')} of "
                       f"{w.num(*f, 'epochs', fmt='{}')}" + (
                           " run: the last one, so training may not have converged." if last else
                           " run, before the last: the validation curve had turned."))
        elif w.has(*f, "best_epoch"):
            out.append(f"{who}'s best validation epoch is {w.num(*f, 'best_epoch', fmt='{}')}.")
        if w.has(*f, "test_window_auc") and not w.has(m, "fold_learning"):
            out.append(_auc_bar(w, (*f, "test_window_auc"), who))
        if w.has(*f, "test_megc2020", "f1"):
            out.append(f"On the held-out subject it finds "
                       f"{w.num(*f, 'test_megc2020', 'tp', fmt='{}')} "
                       f"micro-expressions, misses {w.num(*f, 'test_megc2020', 'fn', fmt='{}')} and "
                       f"spots {w.num(*f, 'test_megc2020', 'fp', fmt='{}')} false positives "
                       f"(MEGC2020 F1 {w.num(*f, 'test_megc2020', 'f1')}); one subject's F1 "
                       "carries no interval.")
    out += _fold_learning(w)
    return out


def _fold_learning(w: Writer) -> list[str]:
    """The taught methods trained on notebook 05's fold: each one's held-out window AUC."""
    return [_auc_bar(w, (m, "fold_learning", "window_auc"), _title(m), " on this fold")
            for m, rec in w.results.items()
            if isinstance(rec, dict) and w.has(m, "fold_learning", "window_auc")]


def _lead(w: Writer, f1_paths: dict[str, tuple], what: str, name=_title) -> list[str]:
    best = _best(w, {m: (*p, "f1") for m, p in f1_paths.items()})
    if best is None:
        return []
    return [f"The highest point {what} is {name(best)}'s, {w.f1(*f1_paths[best])}."]


def _c06(w: Writer) -> list[str]:
    methods = [m for m, v in w.results.items() if isinstance(v, dict) and "megc2020" in v]
    out = _lead(w, {m: (m, "megc2020") for m in methods}, "MEGC2020 micro-expression F1")
    out += _differences(w, ("differences_megc2020",))
    for m in ("dyngeonet", "hoof-lstm"):
        if w.has(m, "window_auc"):
            out.append(_auc_bar(w, (m, "window_auc"), _title(m)))
    parts, lowered = [], False
    r = ("refinement", "before"), ("refinement", "after")
    for m in [k for k, v in w.results.items() if isinstance(v, dict) and "refinement" in v]:
        if not w.has(m, *r[0], "MEGC2020 F1"):
            continue
        b, a = w.get(m, *r[0], "MEGC2020 F1"), w.get(m, *r[1], "MEGC2020 F1")
        lowered |= a < b
        parts.append(f"{_title(m)} {w.num(m, *r[0], 'MEGC2020 F1')} → "
                     f"{w.num(m, *r[1], 'MEGC2020 F1')} (TP {w.num(m, *r[0], 'TP', fmt='{:g}')} → "
                     f"{w.num(m, *r[1], 'TP', fmt='{:g}')})")
    if parts:
        out.append("Refining onset and offset changed the MEGC2020 F1: " + "; ".join(parts) + (
            f". Where TP falls, refined intervals lost IoU ≥ {w.const(0.5)} with expressions "
            "they had matched; refinement is off by default." if lowered else "."))
    return out


def _c07(w: Writer) -> list[str]:
    loso = w.get("loso") or {}
    out = _lead(w, {m: ("loso", m, "megc2020") for m in loso if "megc2020" in loso[m]},
                "leave-one-subject-out MEGC2020 micro F1")
    if w.has("table_I", "hoof-lstm", "F1"):
        out.append(f"Under seed 004's coverage protocol HOOF-LSTM recalls "
                   f"{w.num('table_I', 'hoof-lstm', 'recall')} at precision "
                   f"{w.num('table_I', 'hoof-lstm', 'precision')} (F1 "
                   f"{w.num('table_I', 'hoof-lstm', 'F1')}"
                   + (f" [{w.item(('table_I', 'hoof-lstm', 'f1_ci'), 0)}, "
                      f"{w.item(('table_I', 'hoof-lstm', 'f1_ci'), 1)}]"
                      if w.get('table_I', 'hoof-lstm', 'f1_ci') else "") + f", TP {w.num('table_I', 'hoof-lstm', 'TP', fmt='{}')}, "
                   f"FP {w.num('table_I', 'hoof-lstm', 'FP', fmt='{}')}).")
    if w.has("window_auc", "hoof-lstm"):
        out.append(_auc_bar(w, ("window_auc", "hoof-lstm"), "HOOF-LSTM"))
    out += _differences(w, ("differences_vs_baseline",))
    cross = w.get("cross_database") or {}
    few = []
    for s, per in cross.items():
        best = _best(w, {m: ("cross_database", s, m, "f1") for m in per})
        if best is None:
            continue
        n = per[best].get("subjects")
        out.append(f"Setup {w.name('cross_database', s, key=True)} (train "
                   f"{w.name('cross_database', s, best, 'train')}, test "
                   f"{w.name('cross_database', s, best, 'test')}): the "
                   f"highest F1 is {_title(best)}'s, {w.f1('cross_database', s, best)}"
                   + (f" from {w.num('cross_database', s, best, 'subjects', fmt='{}')} test "
                      "subjects" if n is not None else "") + ".")
        if n is not None and n < FEW:
            few.append(s)
    if cross:
        out.append("No paired interval is computed across methods here, so no cross-database "
                   "ranking is stated.")
    if few:
        out.append(f"Setups {', '.join(few)} test on fewer than {w.const(FEW)} subjects: their "
                   "intervals come from a handful of distinct resamples and can have zero width "
                   "without meaning certainty.")
    return out


def _c08(w: Writer) -> list[str]:
    methods = [m for m, v in w.results.items() if isinstance(v, dict) and "megc2020" in v]
    out = _lead(w, {m: (m, "megc2020", "overall") for m in methods
                    if w.has(m, "megc2020", "overall")}, "overall MEGC2020 F1", name=str)
    for m in methods:
        types = [f"{t} F1 {w.f1(m, 'megc2020', t)}" for t in ("micro", "macro")
                 if _has_truth(w, (m, "megc2020", t))]
        if types and w.has(m, "footage_fraction"):
            out.append(f"{m}: " + ", ".join(types) + f", leaving "
                       f"{w.num(m, 'footage_fraction', fmt='{:.1%}')} of the footage to review.")
    out += _differences(w, ("differences_megc2020_overall",), name=str)
    return out


def _c09(w: Writer) -> list[str]:
    c = ("simulation", "curve")
    if not w.has(*c, "found"):
        return []
    found = w.get(*c, "found")
    prec = w.get(*c, "precision_top")
    out = [f"The simulated annotator reviewed {w.item((*c, 'reviewed'), -1, fmt='{}')} of "
           f"{w.num('simulation', 'candidates', fmt='{}')} candidates and found "
           f"{w.item((*c, 'found'), -1, fmt='{:.0%}')} of the "
           f"{w.num('simulation', 'truth', fmt='{}')} true expressions, with "
           f"{w.item((*c, 'footage_left'), -1, fmt='{:.1%}')} of the footage left to review."]
    if len(prec) > 1:
        fin = [i for i, v in enumerate(prec) if isinstance(v, (int, float)) and v == v]
        if len(fin) > 1:
            a, b = prec[fin[0]], prec[fin[-1]]
            trend = "rose" if b > a else ("fell" if b < a else "stayed")
            out.append(f"Precision of the top {w.num('simulation', 'top_n', fmt='{}')} candidates "
                       f"{trend} from {w.item((*c, 'precision_top'), fin[0], fmt='{:.1f}')} to "
                       f"{w.item((*c, 'precision_top'), fin[-1], fmt='{:.1f}')} over the rounds "
                       "(retrained as labels accrued; no run without retraining to compare).")
    del found
    return out


def _c10(w: Writer) -> list[str]:
    out = []
    table = w.get("table") or {}
    micro = {m: ("table", m, "megc2020", "micro") for m in table
             if _has_truth(w, ("table", m, "megc2020", "micro"))}
    overall = {m: ("table", m, "megc2020", "overall") for m in table
               if w.has("table", m, "megc2020", "overall")
               and _has_truth(w, ("table", m, "megc2020", "macro"))}
    for paths, what, t in ((micro, "MEGC2020 micro-expression F1", "micro"),
                           (overall, "overall MEGC2020 F1 (of the methods that spot both types)",
                            "overall")):
        if not paths:
            continue
        out += _lead(w, paths, what)
        diffs = w.get("differences", t) or {}
        if diffs and all(d.get("supported") for d in diffs.values()):
            out.append(f"Each of its paired {w.const(95)} % intervals against the others "
                       f"excludes {w.const(0)} (per comparison).")
        elif diffs:
            behind = [_title(p.partition(" - ")[2]) for p, d in diffs.items()
                      if not d.get("supported")]
            out.append(f"The intervals do not establish it ahead of {', '.join(behind)}.")
        out += _differences(w, ("differences", t))
    for m in ("dyngeonet", "hoof-lstm"):
        if w.has("window_auc", m):
            out.append(_auc_bar(w, ("window_auc", m), _title(m)))
    few = sorted({m for m in table for p in table[m].values() for r in p.values()
                  if isinstance(r, dict) and r.get("few_subjects")})
    if few:
        out.append(f"Intervals of {', '.join(_title(m) for m in few)} rest on fewer than "
                   f"{w.const(FEW)} subjects and are flagged in the table.")
    if w.get("protocols_agree") and w.get("overlapping_truths") == 0:
        out.append("MEGC2020 and one-to-one agree in every row: no two annotated intervals of "
                   "one type overlap or touch on a video, so no prediction can match two ground "
                   "truths, and both then count one TP per found expression.")
    elif w.get("protocols_agree") and w.has("overlapping_truths"):
        out.append(f"MEGC2020 and one-to-one agree in every row, although "
                   f"{w.num('overlapping_truths', fmt='{}')} pairs of annotated intervals overlap "
                   "or touch: no prediction happened to match two of them.")
    return out


CONCLUDERS: dict[str, Callable[[Writer], list[str]]] = {
    "00": _c00, "01": _c01, "02": _c02, "03": _c03, "04": _c04, "05": _c05, "06": _c06,
    "07": _c07, "08": _c08, "09": _c09, "10": _c10,
}


def conclude(notebook: str, results: dict) -> Conclusion:
    """The closing paragraph of ``notebook`` (``"06_loso_evaluation"`` or ``"06"``) from the
    results it recorded for one dataset (``Recorder.results[dataset]``)."""
    key = notebook[:2]
    if key not in CONCLUDERS:
        raise MespotError(f"no conclusion writer for notebook {notebook!r} (have "
                          f"{', '.join(CONCLUDERS)}); add one to mespot_nb.conclusions.CONCLUDERS")
    w = Writer(results)
    body = CONCLUDERS[key](w)
    if not body:
        body = ["This run recorded nothing to conclude from."]
    return Conclusion("**Conclusion.** " + " ".join(body), w.figures)


#: Names with digits that are not figures (stripped before :func:`check_figures` reads numbers).
NAMES_WITH_DIGITS = ("seed 000", "seed 004", "MEGC2020", "F1", "LBP-χ²", "CAS(ME)²")


def check_figures(conclusion: dict, results: dict) -> list[str]:
    """What is wrong with a recorded conclusion (``{"text", "figures"}``) against the results it
    was written from: a quoted figure whose value is not the one at its path, a figure missing
    from the text, or a number in the text that no figure accounts for. Empty when it is right."""
    import re

    problems = []
    text = conclusion["text"]
    quoted = set()
    names = [f["text"] for f in conclusion["figures"] if f.get("name")]
    for f in conclusion["figures"]:
        t = f["text"]
        if f.get("name"):
            continue
        quoted.add(t.lstrip("-−").rstrip("%×").strip())
        if t not in text:
            problems.append(f"figure {t!r} ({f['path']}) is not in the text")
        if f["path"] is None:
            continue
        try:
            v = lookup(results, f["path"])
        except (KeyError, IndexError, TypeError):
            problems.append(f"figure {t!r}: no value at {f['path']}")
            continue
        if v != f["value"]:
            problems.append(f"figure {t!r}: {f['path']} holds {v!r}, not {f['value']!r}")
    from .methods import METHODS

    for name in (*NAMES_WITH_DIGITS, *sorted((m.title for m in METHODS.values()), key=len,
                                             reverse=True)):
        text = text.replace(name, " ")
    for name in sorted(names, key=len, reverse=True):
        if name not in text:
            problems.append(f"name {name!r} is not in the text")
        text = text.replace(name, " ")
    for tok in re.findall(r"(?<![\w.])\d+(?:\.\d+)?", text):
        if tok not in quoted:
            problems.append(f"number {tok!r} in the text is not a quoted figure")
    return problems
