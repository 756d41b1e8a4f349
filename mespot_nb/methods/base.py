"""The method registry: one record per spotting method.

A :class:`Method` says everything the rest of the kit needs to know about a method — which
windows it scores and how they are labelled, which feature families it reads, how its network is
built and trained (or that it needs no training), and how its scores become intervals. Training,
LOSO, cross-database runs, ``mespot`` and the notebooks read the registry; none of them branches
on a method's name. Adding a method is one :class:`Method` record in its own module plus one line
in :mod:`mespot_nb.methods` (or :func:`register` from a notebook).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

import numpy as np

from ..errors import MespotError
from ..parallel import note_registration
from ..features.common import FAMILIES
from ..windows import LABEL_RULES, WINDOW_KINDS, WindowKind, register_window_kind

if TYPE_CHECKING:  # imported where used: `mespot landmarks` never loads pandas
    import pandas as pd


@dataclass(frozen=True)
class TrainingFree:
    """A spotter without a network: one parameter (``p``) chosen on training subjects.

    spot : ``(features, p, settings) → DataFrame onset, offset, score[, type]`` for one video
        (1-based inclusive frames).
    frame_scores : ``(features[, settings]) → DataFrame start, stop, score`` — the per-frame
        (or per-window) score curve, for ROC and timelines. A spotter that lists
        :attr:`settings` takes them as a second argument (as ``spot`` does: ``mespot spot
        --set``), and is called with them whenever a user sets some.
    grid : candidate values of p tried on the training subjects.
    default : p used when nothing is chosen (``mespot spot`` without a model).
    curve : ``(features) → (T,) float`` — the per-frame curve the spotter finds its peaks on
        (NaN where the face is missing), drawn beside each candidate in the review; None when
        the method has none to show.
    curve_label : the curve's axis label, with its unit.
    curve_arrays : the feature arrays ``curve`` reads (a video's features without them get no
        curve).
    settings : the spotter's settings a user may set (``mespot spot --set NAME=VALUE``,
        :func:`~mespot_nb.spotting.spot_video`'s ``settings``): ``(name, low, high)`` each, the
        closed range its value must lie in; () when it has none.
    """

    spot: Callable[[Any, float, dict], pd.DataFrame]
    frame_scores: Callable[..., pd.DataFrame]
    grid: tuple[float, ...] = tuple(np.round(np.arange(0.05, 0.96, 0.05), 2))
    default: float = 0.5
    curve: Callable[[Any], np.ndarray] | None = None
    curve_label: str = ""
    curve_arrays: tuple[str, ...] = ()
    settings: tuple[tuple[str, float, float], ...] = ()

    def setting_ranges(self) -> dict[str, tuple[float, float]]:
        """``{name: (low, high)}`` of :attr:`settings`."""
        return {name: (lo, hi) for name, lo, hi in self.settings}


@dataclass(frozen=True)
class Method:
    """One spotting method.

    name : the id used everywhere (``--method``, file names, results.json keys).
    title : how tables and figures name it.
    source : where it comes from (paper, section).
    window : a registered :class:`~mespot_nb.windows.WindowKind`: ``"dyngeonet"`` (L-frame
        windows), ``"hoof"`` (0.5 s windows), ``"frame"`` (per-frame curves of a training-free
        method), or one the method's module registers.
    label : a label rule of :data:`mespot_nb.windows.LABEL_RULES`: ``"iou_pos"`` (IoU ≥ 0.5
        with a micro-expression, seed 000) or ``"cov_pos"`` (covers ≥ 0.8 of one, seed 004
        eq. 1).
    families : registered feature families it reads (:data:`mespot_nb.features.FAMILIES`).
    inputs : the per-window arrays its network eats, by the names its families produce
        (``dyn``, ``apex``, ``geo``, ``hoof``, …); training reads exactly these, and a window is
        usable when every input is finite and it had a face.
    build : ``(ModelConfig, {input: per-window shape}) → torch.nn.Module``; None when
        training-free.
    loss : ``"bce"`` (one logit, sigmoid), ``"ce"`` (two logits, softmax) or ``"mse"`` (one
        linear score regressed on the 0/1 label; the score is the output clipped to [0, 1]).
    optimizer : ``"adam"`` or ``"sgd"`` (with the profile's ``sgd_lr`` and ``momentum``).
    schedule : which of the profile's settings apply: ``"cnn"`` (epochs, lr, patience) or
        ``"lstm"`` (lstm_epochs, lstm_lr, lstm_patience).
    imagenet : VGG-16 ImageNet weights (the manifest's ``vgg16_imagenet``) initialise it under
        the paper profile.
    spot : spotting defaults: ``merge`` (peak | centre | span | suppress), ``extent`` (``"train-median"``
        or frames), ``select_protocol`` (the protocol its threshold is chosen by), ``nms_iou``.
    free : the training-free spotter, when ``build`` is None.
    types : the expression types it spots. A learned method trains **one model per type** (each
        on its own labels, thresholds and, through :attr:`dataset_params`, feature settings):
        ``("micro",)`` is one micro-expression model; ``("micro", "macro")`` two (SOFTNet's).
        :meth:`for_type` gives the record of one type's model.
    references : keys of :data:`mespot_nb.references.REFERENCES` the method comes from (the
        report's references page lists them; a plug-in may name its own or none).
    train : the method's own training settings, over the profile's: ``epochs``, ``lr``,
        ``batch``, ``momentum`` (a number, or the name of a :class:`ModelConfig` field that
        holds it per profile, e.g. ``"softnet_epochs"``); ``neg_keep`` (a fraction of the negative windows drawn once per
        fit, every epoch then using all of them and every positive, instead of ``neg_ratio``
        negatives per positive drawn afresh); ``holdout`` (False: fit on every training subject,
        no validation subjects); ``epoch`` (``"last"``: keep the last epoch, no early stopping);
        ``threshold`` (a fixed decision threshold — SOFTNet's p — instead of one chosen on
        training subjects).
    augment : ``(positive windows' arrays, numpy Generator) → more positive windows' arrays``,
        added to every fit of the types in :attr:`augment_types` (e.g. flipped, blurred, noisy
        copies); None for none.
    augment_types : the expression types whose models :attr:`augment` applies to (SOFTNet's
        code augments micro-expressions only).
    dataset_params : ``(FeatureParams, dataset, type) → FeatureParams`` — feature settings that
        depend on a dataset's annotations of one expression type (SOFTNet's k);
        :meth:`feature_params` applies it with the record's :attr:`label_type`.
    label_type : the expression type this record's model is trained on: its windows are
        labelled against annotations of this type, its threshold is chosen (or scored) on
        them and its intervals carry it. ``"micro"`` for a registered record; a per-type
        record from :meth:`for_type` holds its own.
    """

    name: str
    title: str
    source: str
    window: str
    label: str
    families: tuple[str, ...]
    inputs: tuple[str, ...] = ()
    build: Callable[..., Any] | None = None
    loss: str = "bce"
    optimizer: str = "adam"
    schedule: str = "cnn"
    imagenet: bool = False
    spot: dict = field(default_factory=dict)
    free: TrainingFree | None = None
    types: tuple[str, ...] = ("micro",)
    references: tuple[str, ...] = ()
    train: dict = field(default_factory=dict)
    augment: Callable[..., Any] | None = None
    augment_types: tuple[str, ...] = ("micro",)
    dataset_params: Callable[..., Any] | None = None
    label_type: str = "micro"

    @property
    def trainable(self) -> bool:
        return self.build is not None

    @property
    def model_types(self) -> tuple[str, ...]:
        """The expression types a learned method trains one model each for (its
        :attr:`types`); empty for a training-free method."""
        return tuple(self.types) if self.trainable else ()

    def for_type(self, type: str) -> "Method":
        """The record of this learned method's model of one expression type: labels, threshold
        and intervals of ``type`` (:attr:`label_type`), :attr:`augment` only when ``type`` is in
        :attr:`augment_types`, and ``type`` in its spotting settings (when not ``"micro"``, the
        kit's default type). A method with the one type ``type`` is returned as it is, so the
        micro-only methods' records — and their fold keys — are unchanged."""
        from dataclasses import replace

        if type not in self.types:
            raise MespotError(f"method '{self.name}' spots {', '.join(self.types)}, not {type!r}")
        if tuple(self.types) == (type,) and self.label_type == type:
            return self
        return replace(self, types=(type,), label_type=type,
                       augment=self.augment if type in self.augment_types else None,
                       spot=replace(self, label_type=type).typed_spot(self.spot))

    def typed_spot(self, spot_kw: dict) -> dict:
        """A copy of spotting settings ``spot_kw`` for this record's model: with ``type`` set to
        its :attr:`label_type` when that is not ``"micro"`` (the kit's default type), so a micro
        model's settings — and fold keys — are what they were before one model per type."""
        return dict(spot_kw) if self.label_type == "micro" else {**spot_kw,
                                                                 "type": self.label_type}

    def feature_params(self, base, dataset=None):
        """The feature settings a dataset run of this method reads: ``base`` (a FeatureParams)
        when its families cover the method's; otherwise ``base`` with the families of every
        registered training-free method not in it — one extra cached pass shared by all the
        training-free spotters (MDMD and flow-peak decode and track once, not twice). With a
        ``dataset``, the method's :attr:`dataset_params` then set what depends on its
        annotations of :attr:`label_type` (call it on :meth:`for_type`'s record for another
        type's model)."""
        from dataclasses import replace

        if set(self.families) <= set(base.families):
            out = base
        else:
            extra = [f for m in METHODS.values() if not m.trainable for f in m.families
                     if f not in base.families]
            fams = (tuple(dict.fromkeys(extra)) if set(self.families) <= set(extra)
                    else self.families)
            out = replace(base, families=fams)
        if dataset is not None and self.dataset_params is not None:
            out = self.dataset_params(out, dataset, self.label_type)
        return out

    def spot_settings(self) -> dict:
        """A fresh copy of the spotting defaults."""
        return dict(self.spot)

    def settings(self, cfg) -> dict[str, Any]:
        """epochs, lr, patience, optimizer, momentum of this method under a profile."""
        lstm = self.schedule == "lstm"
        st = dict(epochs=cfg.lstm_epochs if lstm else cfg.epochs,
                  lr=cfg.sgd_lr if self.optimizer == "sgd" else
                  (cfg.lstm_lr if lstm else cfg.lr),
                  patience=cfg.lstm_patience if lstm else cfg.patience,
                  optimizer=self.optimizer, momentum=cfg.momentum, batch=cfg.batch)
        st.update({k: (getattr(cfg, v) if isinstance(v, str) else v)   # a profile's field
                   for k, v in self.train.items()
                   if k in ("epochs", "lr", "patience", "momentum", "batch")})
        return st

    def loss_fn(self, out, y):
        """The training loss of a batch (``out``: the network's output, ``y``: (B,) labels)."""
        from torch.nn import functional as F

        if self.loss == "ce":
            return F.cross_entropy(out, y.long())
        if self.loss == "mse":
            return F.mse_loss(out, y.float())
        return F.binary_cross_entropy_with_logits(out, y.float())

    def positive(self, out):
        """P(expression of :attr:`label_type`) from the network's output (``mse``: the regressed score)."""
        import torch

        if self.loss == "ce":
            return torch.softmax(out, 1)[:, 1]
        if self.loss == "mse":   # a window score is in [0, 1] across the kit
            return out.clamp(0.0, 1.0)
        return torch.sigmoid(out)


def curve_windows(curve: np.ndarray, half: int) -> pd.DataFrame:
    """A per-frame score curve (T,) as windows of 2·half + 1 frames centred on each frame
    (those starting at frame ≥ 1), scored by the curve over its maximum — a training-free
    method's ``frame_scores`` for ROC curves and timelines."""
    import pandas as pd

    c = np.nan_to_num(np.asarray(curve, float), nan=0.0)
    starts = np.arange(1, len(c) + 1) - int(half)
    ok = starts >= 1
    top = max(float(c.max()), 1e-12) if len(c) else 1.0
    return pd.DataFrame({"start": starts[ok], "stop": starts[ok] + 2 * int(half),
                         "score": c[ok] / top})


#: Every registered method, by name, in registration order.
METHODS: dict[str, Method] = {}


#: The window kind of training-free methods: per-frame curves, no windows to score.
FRAME = register_window_kind(WindowKind("frame", description="per-frame score curves"))


def check_method(method: Method) -> None:
    """Refuse a malformed record, naming the method and what it names that is missing: an
    unregistered window kind or feature family, an unknown label rule, an input no family of
    its produces, or a learned method on a kind without windows."""
    who = f"method '{method.name}'"
    if method.build is None and method.free is None:
        raise MespotError(f"{who} needs a network builder or a training-free spotter")
    if method.window not in WINDOW_KINDS:
        raise MespotError(f"{who} names window kind '{method.window}', which is not registered "
                          f"(have {', '.join(WINDOW_KINDS)}); register it first with "
                          "mespot_nb.windows.register_window_kind")
    missing = [f for f in method.families if f not in FAMILIES]
    if missing:
        raise MespotError(f"{who} names feature famil{'y' if len(missing) == 1 else 'ies'} "
                          f"{', '.join(repr(f) for f in missing)}, not registered (have "
                          f"{', '.join(FAMILIES)}); register it first with "
                          "mespot_nb.features.register_family")
    if method.label_type not in method.types:
        raise MespotError(f"{who}: its model's type {method.label_type!r} is not one of the types "
                          f"it spots ({', '.join(method.types)})")
    if method.label not in LABEL_RULES:
        raise MespotError(f"{who}: label rule {method.label!r} is not one of "
                          f"{', '.join(LABEL_RULES)}")
    from ..references import REFERENCES

    unknown = [k for k in method.references if k not in REFERENCES]
    if unknown:
        raise MespotError(f"{who} cites {', '.join(repr(k) for k in unknown)}, not a known "
                          "reference; add it first with mespot_nb.references.register_reference")
    if method.build is None:
        return
    kind = WINDOW_KINDS[method.window]
    if not kind.windowed:
        raise MespotError(f"{who} is learned, but window kind '{kind.name}' has no windows to "
                          "score")
    made = {a for f in method.families for a in FAMILIES[f].produces}
    need = [a for a in (*kind.arrays(), *method.inputs) if a not in made]
    if not method.inputs or need:
        raise MespotError(f"{who}: " + (f"input(s) or window array(s) {', '.join(need)} come "
                                         f"from none of its families ({', '.join(method.families)})"
                                         if need else "a learned method needs `inputs`"))


def register(method: Method, replace: bool = False) -> Method:
    """Add a method to the registry (from a notebook, a plug-in module, or the kit itself).

    Its window kind and feature families must be registered first
    (:func:`~mespot_nb.windows.register_window_kind`,
    :func:`~mespot_nb.features.register_family`); a record that names one that is not is
    refused here, naming both (:func:`check_method`)."""
    if method.name in METHODS and not replace:
        raise MespotError(f"method '{method.name}' is already registered; pass replace=True")
    check_method(method)
    METHODS[method.name] = method
    note_registration(METHODS, method.name, method, register, method)
    return method


def get_method(name: str | Method) -> Method:
    """The registered method ``name`` (a :class:`Method` is returned as it is)."""
    if isinstance(name, Method):
        return name
    if name not in METHODS:
        raise MespotError(f"unknown method {name!r}; registered: {', '.join(METHODS)}")
    return METHODS[name]


def method_names(trainable: bool | None = None) -> list[str]:
    """Names of the registered methods (only learned ones, or only training-free ones)."""
    return [n for n, m in METHODS.items() if trainable is None or m.trainable == trainable]
