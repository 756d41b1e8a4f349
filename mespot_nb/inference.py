"""Inference: from a trained model, or a training-free spotter, to scores — and the model file.

The stage between the registry and both its users: :mod:`mespot_nb.training` (LOSO, thresholds)
and :mod:`mespot_nb.spotting` (a user's own video) gather windows, score them and write or read
model files through the same functions here, so spotting a video never passes through training.

* :func:`gather` — the usable windows of some subjects, as the arrays a method declares;
* :func:`predict_scores` — P(micro-expression) per window from a network;
* :func:`free_predictions` — a training-free method's intervals at one p;
* :func:`save_checkpoint` / :func:`load_checkpoint`, :func:`save_trained` /
  :func:`load_trained` — tensors plus JSON metadata; loading never runs code.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._io import atomic_path
from ._version import __version__
from .errors import MespotError
from .features import FAMILIES, FEATURES_VERSION, FeatureParams
from .methods import Method, get_method
from .models import ModelConfig, numpy_batch, resolve_device
from .windows import get_window_kind, type_labels, window_table

MODEL_KIND = "mespot-nb model"


@dataclass
class WindowData:
    """The windows of some subjects as arrays a model eats.

    table : their rows of :func:`~mespot_nb.windows.window_table` (+ ``dataset``, ``fps``).
    arrays : the method's inputs, e.g. ``dyn``/``apex`` (N, S, S) uint8, ``geo`` (N, 67)
        float32, ``hoof`` (N, T, F).
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

    def shapes(self) -> dict[str, tuple]:
        return {k: v.shape[1:] for k, v in self.arrays.items()}


def gather(dataset, feats: dict, method: str | Method, subjects: list[str] | None = None
           ) -> WindowData:
    """The usable windows (a face to align to, finite inputs) of ``subjects`` for ``method``.

    Reads the method's window kind (:class:`~mespot_nb.windows.WindowKind`) and exactly the
    inputs it declares, by name; features that lack one are refused naming the video, the array
    and the families to extract. The arrays are concatenated in memory; LOSO reads them from a
    memory-mapped :class:`~mespot_nb.windowstore.WindowStore` instead (same rows, same order)."""
    m = get_method(method)
    arrays: dict[str, list] = {k: [] for k in m.inputs}
    keep, order = [], []
    for g, ok, a in video_windows(dataset, feats, m, subjects):
        for k in m.inputs:
            arrays[k].append(a[k])
        keep.append(ok)
        order.append(g)
    mask = np.concatenate(keep)
    arr = {k: np.concatenate(v)[mask] for k, v in arrays.items()}
    tab, labels = window_rows(dataset, feats, m, order, mask)
    return WindowData(tab, arr, labels)


def window_rows(dataset, feats: dict, method: Method, order: list[pd.DataFrame],
                mask: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    """(table, labels) of the kept windows: the videos' table rows in order, ``mask`` applied,
    with ``dataset`` and ``fps`` columns; labels by the method's label rule against the
    annotations of its :attr:`~mespot_nb.methods.Method.label_type`, (N,) bool."""
    tab = pd.concat(order)[mask].reset_index(drop=True)
    tab["dataset"] = dataset.name
    tab["fps"] = [float(feats[(s, v)].fps) for s, v in zip(tab["subject"], tab["video"])]
    if method.label_type != "micro":   # the table's rule columns are micro labels
        return tab, type_labels(tab, dataset, method.label, method.label_type)
    return tab, tab[method.label].to_numpy(bool)


def video_windows(dataset, feats: dict, method: str | Method, subjects: list[str] | None = None):
    """One video at a time, the windows :func:`gather` takes: yields ``(table rows, usable
    (n,) bool, {input: (n, ...) array})`` in gather's order; an error when there are none."""
    m = get_method(method)
    kind = get_window_kind(m.window)
    if not kind.windowed:
        raise MespotError(f"method '{m.name}' has no learned windows (window {m.window!r})")
    for (s, v), f in feats.items():
        lack = [k for k in (*kind.arrays(), *m.inputs) if k not in f.arrays]
        if lack:
            raise MespotError(
                f"the features of {s}/{v} lack {', '.join(lack)}, which {m.title} reads: they "
                f"were extracted with families {', '.join(f.meta.get('families', [])) or 'none'}"
                f", and {m.title} needs {', '.join(m.families)} (extract with "
                f"FeatureParams(families=...) naming them, or Method.feature_params)")
    table = window_table(dataset, feats, kind)
    if subjects is not None:
        table = table[table["subject"].isin(subjects)].reset_index(drop=True)
    if table.empty:
        raise MespotError(f"dataset '{dataset.name}': no {m.title} windows for subjects "
                          f"{subjects if subjects is not None else 'any'} (no video with frames "
                          "and a face?)")
    for (s, v), g in table.groupby(["subject", "video"], sort=False):
        f = feats[(s, v)]
        idx = g["index"].to_numpy()
        ok = g["valid"].to_numpy(bool).copy()
        arrays = {}
        for k in m.inputs:
            a = np.asarray(f.arrays[k])[idx]
            if a.dtype.kind == "f":
                ok &= np.isfinite(a.reshape(len(a), -1)).all(1)
            arrays[k] = a
        yield g, ok, arrays


class TypedFeatures(dict):
    """The features of a method with one model per type: the first type's
    ``{(subject, video): VideoFeatures}`` (what a reader of one pass sees: frame counts, fps,
    the micro model's windows), with every type's in :attr:`by_type` and the settings each was
    extracted with in :attr:`params` (SOFTNet's macro model reads flow i → i + k at the macro
    k: a second cached pass, under its own cache key)."""

    def __init__(self, by_type: dict[str, dict], params: dict | None = None):
        if not by_type:
            raise MespotError("TypedFeatures needs the features of at least one type")
        super().__init__(next(iter(by_type.values())))
        self.by_type = dict(by_type)
        self.params = dict(params or {})

    def __reduce__(self):   # pickled for worker processes with both attributes
        return (TypedFeatures, (self.by_type, self.params))


def features_by_type(method: str | Method, feats: dict) -> dict[str, dict]:
    """``{type: {(subject, video): VideoFeatures}}`` for each model a learned method trains
    (:attr:`~mespot_nb.methods.Method.model_types`). ``feats`` is a :class:`TypedFeatures` or
    one pass's features (what :meth:`~mespot_nb.methods.Method.feature_params` of the registered
    record gives: the micro model's settings), which serve another type only when the method's
    feature settings do not depend on the type (no ``dataset_params``); otherwise it is refused
    naming what to pass."""
    m = get_method(method)
    types = m.model_types or (m.label_type,)
    by = getattr(feats, "by_type", None)
    if by is None:
        if m.dataset_params is not None and any(t != "micro" for t in types):
            raise MespotError(f"{m.title} trains one model per type ({', '.join(types)}), each on "
                              "its own features (feature settings from that type's "
                              "annotations); pass TypedFeatures, e.g. from "
                              "mespot_nb.inference.method_features or Notebook.features(method=…)")
        return {t: feats for t in types}
    missing = [t for t in types if t not in by]
    if missing:
        raise MespotError(f"the features given for {m.title} hold no {', '.join(missing)} pass "
                          f"(have {', '.join(by)}); extract them with method_features")
    return {t: by[t] for t in types}


def annotated_types(method: str | Method, intervals: pd.DataFrame) -> tuple[str, ...]:
    """The types of a learned method's models that ``intervals`` hold annotations of — the
    models that can be trained on them (the first type when there are none at all, so that the
    caller's error names the real problem); a training-free method's own type."""
    m = get_method(method)
    types = m.model_types or (m.label_type,)
    have = tuple(t for t in types if (intervals["type"] == t).any())
    return have or types[:1]


def method_features(method: str | Method, dataset, cache_dir, base: FeatureParams,
                    types: tuple[str, ...] | None = None, **extract_kw) -> dict:
    """Every video's features (cached, :func:`~mespot_nb.features.extract_features`) that
    ``method`` reads on ``dataset``: one pass for a method with one model, or — with one model
    per type — one per type whose settings differ (SOFTNet's k of micro- and of
    macro-expressions), as :class:`TypedFeatures`; a type the dataset has no annotations of
    gets no pass (:func:`annotated_types`: its model cannot be trained; training says so).
    ``base``: the profile's settings. ``types``: the models whose passes to extract instead
    (the review's retrain: the types the annotator labelled, whether or not ``dataset`` has
    annotations of them — each pass's settings still come from ``dataset``'s annotations of its
    type, the method's prior where it has none)."""
    from .features import extract_features

    m = get_method(method)
    if types is None:
        types = annotated_types(m, dataset.intervals)
    else:
        types, have = tuple(types), m.model_types or (m.label_type,)
        bad = [t for t in types if t not in have]
        if bad or not types:
            raise MespotError(f"types={types!r}: name one or more of {m.title}'s models "
                              f"({', '.join(have)}) to extract features for")
    params = {t: m.for_type(t).feature_params(base, dataset) for t in types}
    done: dict = {}
    by = {}
    for t, fp in params.items():
        key = json.dumps(asdict(fp), sort_keys=True, default=str)
        if key not in done:
            done[key] = extract_features(dataset, cache_dir, fp, **extract_kw)
        by[t] = done[key]
    return TypedFeatures(by, params) if len(m.model_types) > 1 else by[types[0]]


def concat(parts: list[WindowData]) -> WindowData:
    """Windows of several datasets (cross-database training) as one."""
    keys = set.intersection(*(set(p.arrays) for p in parts))
    return WindowData(pd.concat([p.table for p in parts], ignore_index=True),
                      {k: np.concatenate([p.arrays[k] for p in parts]) for k in keys},
                      np.concatenate([p.labels for p in parts]))


def fit_time_axis(model, data: WindowData, method: Method) -> tuple[WindowData, list[str]]:
    """Windows whose time-axis inputs (the window kind's ``pad_left``: HOOF's steps) are made the
    length the model was built for, so a model trained at one frame rate can spot a video at
    another: a shorter sequence gets zeros ("no motion") in front, as cross-database training
    pads; a longer one keeps its last steps. Returns the windows and one line per input changed
    (empty when nothing was)."""
    want = getattr(model, "input_shapes", None) or {}
    arrays, notes = dict(data.arrays), []
    for k in get_window_kind(method.window).pad_left:
        if k not in want or k not in arrays or arrays[k].ndim < 2:
            continue
        h, n = arrays[k], int(want[k][0])
        if h.shape[1] == n or tuple(h.shape[2:]) != tuple(want[k][1:]):
            continue
        notes.append(f"{method.title}: input {k!r} has {h.shape[1]} time steps at this frame "
                     f"rate and the model was trained on {n}; "
                     + ("zeros prepended" if h.shape[1] < n else f"its last {n} kept"))
        arrays[k] = (np.concatenate([np.zeros((len(h), n - h.shape[1], *h.shape[2:]), h.dtype),
                                     h], 1) if h.shape[1] < n else h[:, -n:])
    return (WindowData(data.table, arrays, data.labels) if notes else data), notes


def check_shapes(model, data: WindowData, method: Method) -> None:
    """Refuse windows whose inputs do not have the per-window shapes the model was built for
    (``model.input_shapes``, set by :func:`build_model`), naming the input and both shapes."""
    want = getattr(model, "input_shapes", None)
    if not want:
        return
    got = data.shapes()
    bad = [k for k in want if k not in got or tuple(got[k]) != tuple(want[k])]
    if bad:
        k = bad[0]
        raise MespotError(f"{method.title}'s network was built for input {k!r} of per-window "
                          f"shape {tuple(want[k])}, and these windows "
                          + (f"have {tuple(got[k])}" if k in got else "lack it")
                          + " (features extracted with other settings than the model's: "
                          "di_size, frame rate or families?)")


def predict_scores(model, data: WindowData, method: str | Method, batch: int = 256,
                   device: str = "auto") -> np.ndarray:
    """P(micro-expression) of every window (eval mode, no gradients)."""
    import torch

    m = get_method(method)
    check_shapes(model, data, m)
    dev = resolve_device(device)
    model.eval().to(dev)
    out = []
    with torch.no_grad():
        for a in range(0, len(data.labels), batch):
            idx = np.arange(a, min(a + batch, len(data.labels)))
            out.append(m.positive(model(numpy_batch(data.arrays, idx, dev))).cpu().numpy())
    return np.concatenate(out) if out else np.zeros(0)


def build_model(method: str | Method, cfg: ModelConfig, shapes: dict[str, tuple]):
    """A fresh, untrained network of a learned method for inputs of the given shapes."""
    m = get_method(method)
    if not m.trainable:
        raise MespotError(f"method '{m.name}' is training-free: it has no network")
    model = m.build(cfg, shapes)
    model.input_shapes = {k: tuple(int(x) for x in v) for k, v in shapes.items()}
    return model


def free_predictions(method: Method, videos: dict, p: float, settings: dict,
                     type: str = "micro") -> pd.DataFrame:
    """MEGC rows of a training-free method for ``{(subject, video): VideoFeatures}`` at one p,
    clipped to each video."""
    need = [(fam, a) for fam in method.families for a in FAMILIES[fam].produces]
    parts = []
    for (s, v), f in videos.items():
        lack = [fam for fam, a in need if a not in f.arrays]
        if lack:
            raise MespotError(f"the features of {s}/{v} lack the {', '.join(dict.fromkeys(lack))} "
                              f"family that {method.title} reads (extracted with "
                              f"{', '.join(f.meta.get('families', [])) or 'none'}); extract "
                              "them with FeatureParams(families=...) naming it")
        iv = method.free.spot(f, p, settings)
        if len(iv):
            iv = iv.copy()
            iv["onset"] = iv["onset"].clip(lower=1)
            iv["offset"] = iv["offset"].clip(upper=f.n_frames)
            iv = iv[iv["offset"] >= iv["onset"]]
            iv.insert(0, "video", v)
            iv.insert(0, "subject", s)
            if "type" not in iv:
                iv["type"] = type
            parts.append(iv)
    if not parts:
        return pd.DataFrame(columns=["subject", "video", "onset", "offset", "type", "score"])
    return pd.concat(parts, ignore_index=True)[["subject", "video", "onset", "offset", "type",
                                               "score"]]


# ----------------------------------------------------------------------------------------------
# files: tensors plus JSON metadata, loaded with weights_only=True (never unpickles code)


def _json_default(o: Any) -> Any:
    if isinstance(o, np.generic):
        return o.item()
    if isinstance(o, np.ndarray):
        return o.tolist()
    if isinstance(o, (pd.DataFrame,)):
        return o.to_dict(orient="list")
    return str(o)


def save_checkpoint(path: str | Path, meta: dict[str, Any], state: dict | None = None) -> None:
    """Write ``{"meta": JSON text, "state": tensors}`` atomically (torch format)."""
    import torch

    blob = {"meta": json.dumps(meta, default=_json_default)}
    if state is not None:
        blob["state"] = {k: v.detach().cpu() for k, v in state.items()}
    with atomic_path(path, suffix=Path(path).suffix or ".pt") as tmp:
        torch.save(blob, tmp)


def load_checkpoint(path: str | Path) -> tuple[dict[str, Any], dict | None]:
    """(metadata, tensors) of a file written by :func:`save_checkpoint`; nothing in the file is
    executed (``weights_only=True``). Raises MespotError for a file that is not one."""
    import torch

    p = Path(path)
    try:
        blob = torch.load(p, map_location="cpu", weights_only=True)
    except Exception as e:
        raise MespotError(f"{p} is not a readable mespot checkpoint ({type(e).__name__}: "
                          f"{str(e).splitlines()[0] if str(e) else ''}); only tensors and JSON "
                          "metadata are accepted") from None
    if not isinstance(blob, dict) or not isinstance(blob.get("meta"), str):
        raise MespotError(f"{p} is not a mespot checkpoint (no JSON metadata)")
    try:
        meta = json.loads(blob["meta"])
    except json.JSONDecodeError as e:
        raise MespotError(f"{p}: its metadata is not valid JSON ({e})") from None
    return meta, blob.get("state")


def save_trained(path: str | Path, trained: dict[str, Any], method: str | Method,
                 cfg: ModelConfig, feature_params, track_params, dataset_name: str,
                 seed: int) -> None:
    """Write a trained model — tensors plus JSON metadata, atomically — with everything
    ``mespot spot`` needs.

    ``trained`` is :func:`~mespot_nb.training.train_final`'s dict. For a method with one model
    per type it holds ``by_type`` (``{type: that model's dict}``): the file then holds every
    model, its tensors under ``"<type>/"``, and ``meta["models"][type]`` its threshold,
    spotting settings, shapes and feature settings (``feature_params``: one
    :class:`~mespot_nb.features.FeatureParams`, or ``{type: FeatureParams}`` — SOFTNet's k
    differs per type); the top-level fields are the first model's, as a one-model file's."""
    m = get_method(method)
    by = trained.get("by_type") or {}
    fps = feature_params if isinstance(feature_params, dict) else {
        t: feature_params for t in (by or {m.label_type: None})}
    first = next(iter(by)) if by else None

    def fields(t: dict, fp) -> dict:
        return dict(feature_params=asdict(fp), subjects=t["subjects"], threshold=t["threshold"],
                    threshold_f1=t["threshold_f1"], spot_kw=t["spot_kw"],
                    best_epoch=t["best_epoch"], history=t["history"],
                    shapes=t.get("shapes", {}))

    top = by[first] if by else trained
    meta = dict(kind=MODEL_KIND, kit_version=__version__, features_version=FEATURES_VERSION,
                method=m.name, config=asdict(cfg),
                track_params=track_params.key(), dataset=dataset_name, seed=seed,
                **fields(top, fps[first] if by else next(iter(fps.values()))))
    if by:
        meta["types"] = list(by)
        meta["models"] = {t: fields(d, fps[t]) for t, d in by.items()}
        meta["skipped"] = dict(trained.get("skipped", {}))
        state = {f"{t}/{k}": v for t, d in by.items() for k, v in d["model"].state_dict().items()}
    else:
        model = trained["model"]
        state = model.state_dict() if model is not None else None
    save_checkpoint(path, meta, state)


def _feature_params(d: dict) -> dict:
    fp = dict(d)
    if "families" in fp:
        fp["families"] = tuple(fp["families"])
    return asdict(FeatureParams(**fp))


def _network(p: Path, m: Method, meta: dict, config: dict, state: dict | None):
    # files from before ``lstm_standardise`` fed HOOF-LSTM raw histograms
    cfg = ModelConfig(**{"lstm_standardise": False, **config})
    model = build_model(m, cfg, {k: tuple(v) for k, v in meta.get("shapes", {}).items()})
    try:
        model.load_state_dict(state)
    except (RuntimeError, TypeError) as e:
        raise MespotError(f"{p}: its tensors do not fit a {m.title} network "
                          f"({str(e).splitlines()[0]})") from None
    return model.eval()


def load_models(path: str | Path) -> tuple[Method, list[tuple[str, Any, dict[str, Any]]]]:
    """Every model of a file written by :func:`save_trained`: ``(method, [(type, model in eval
    mode or None for a training-free method, that model's metadata), …])`` in the file's order.

    A one-model file (every file before the kit trained one model per type, and every
    micro-only method's) gives one entry of its record's type. A file of a method that now
    trains more types than it holds (an older SOFTNet file: micro only) loads with a warning
    naming the file and how to get the other types. A file trained on features of another
    :data:`~mespot_nb.features.FEATURES_VERSION` than the kit's (what the features mean has
    changed since) loads with a warning naming both versions; a file from before the version
    was recorded loads silently. Only tensors and JSON are read."""
    import warnings

    p = Path(path)
    if not p.exists():
        raise MespotError(f"model file not found: {p} (train one with `mespot train`)")
    meta, state = load_checkpoint(p)
    if meta.get("kind") != MODEL_KIND:
        raise MespotError(f"{p} is not a model written by `mespot train`")
    m = get_method(meta["method"])
    meta["feature_params"] = _feature_params(meta["feature_params"])
    fv = meta.get("features_version")
    if m.trainable and fv is not None and fv != FEATURES_VERSION:
        warnings.warn(f"{p} was trained on features of version {fv}; this kit computes "
                      f"version {FEATURES_VERSION} (the features it reads have changed since), "
                      "so its scores may not be those it was validated on: retrain with "
                      f"`mespot train --method {m.name}`", stacklevel=2)
    if not m.trainable:
        return m, [(m.label_type, None, meta)]
    models = meta.get("models")
    if not models:
        if len(m.model_types) > 1:
            warnings.warn(f"{p} holds one {m.title} model, of {m.label_type}-expressions (written "
                          f"before the kit trained one model per type: "
                          f"{', '.join(m.model_types)}); it spots {m.label_type}-expressions "
                          f"only — retrain with `mespot train --method {m.name}` for the others",
                          stacklevel=2)
        return m, [(m.label_type, _network(p, m.for_type(m.label_type), meta, meta["config"],
                                           state), meta)]
    out = []
    for t, sub in models.items():
        if t not in m.types:
            raise MespotError(f"{p} holds a {t}-expression model, which {m.title} (spotting "
                              f"{', '.join(m.types)}) does not have; was it written by another "
                              "version of the method?")
        mt = {**meta, **sub, "feature_params": _feature_params(sub["feature_params"]), "type": t}
        part = {k[len(t) + 1:]: v for k, v in (state or {}).items() if k.startswith(f"{t}/")}
        out.append((t, _network(p, m.for_type(t), mt, meta["config"], part), mt))
    return m, out


def load_trained(path: str | Path) -> tuple[Any, dict[str, Any]]:
    """(model in eval mode, or None for a training-free method; metadata) of a file written by
    :func:`save_trained` — its first model (:func:`load_models` reads every one). Only tensors
    and JSON are read: loading a shared file runs no code."""
    _, models = load_models(path)
    return models[0][1], models[0][2]
