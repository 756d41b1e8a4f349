"""What every notebook does first, in one line: ``nb = setup("06_loso_evaluation", dataset, …)``.

The notebooks pass the runner's parameters straight in; :func:`setup` reads the manifest with the
cache dir given explicitly (nothing is put into ``os.environ`` of a live kernel), loads the
dataset, and opens the results recorder. :func:`pick_example` chooses the video a notebook shows
by the pair (subject, video) — video names repeat across subjects in MEGC CSV datasets — and
:meth:`Notebook.track` / :meth:`Notebook.features` read the cached per-video stages without a
notebook ever building a cache name.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .datasets import read_entry, video_truth
from .errors import MespotError
from .face import TrackParams, track_for
from .features import FeatureParams, extract_features, features_for, profile_feature_params
from .manifest import Manifest, load_manifest
from .methods import get_method, method_names
from .models import ModelConfig
from .readers import Dataset
from .report import Recorder
from .training import imagenet_for, loso_checkpoint_dir


@dataclass
class Notebook:
    """A notebook's context: manifest, dataset, recorder, cache dir, profile and seed."""

    name: str
    manifest: Manifest
    dataset: Dataset
    rec: Recorder
    cache_dir: Path
    profile: str
    seed: int

    @property
    def ds(self) -> Dataset:
        return self.dataset

    @property
    def feature_params(self) -> FeatureParams:
        return profile_feature_params(self.profile)

    @property
    def cfg(self) -> ModelConfig:
        return ModelConfig.profile(self.profile)

    def features(self, dataset: Dataset | None = None, method: str | None = None) -> dict:
        """Every video's features (cached; extracted in parallel on first use) — those the
        profile's learned methods read, or with ``method`` the families that method needs (for
        a method with one model per type, SOFTNet's, one pass per type as
        :class:`~mespot_nb.inference.TypedFeatures`: it reads as the micro pass)."""
        d = dataset or self.dataset
        if method is not None and len(get_method(method).model_types) > 1:
            from .inference import method_features

            return method_features(method, d, self.cache_dir, self.feature_params,
                                   scheduler=self.manifest.scheduler)
        params = self.feature_params if method is None else \
            get_method(method).feature_params(self.feature_params, d)
        return extract_features(d, self.cache_dir, params, scheduler=self.manifest.scheduler)

    def track(self, subject: str, video: str, params: TrackParams | None = None):
        """The cached landmark track of (subject, video)."""
        return track_for(self.dataset, subject, video, self.cache_dir, params)

    def video_features(self, subject: str, video: str):
        """The cached features of (subject, video)."""
        return features_for(self.dataset, subject, video, self.cache_dir, self.feature_params)

    def truth(self, subject: str, video: str) -> pd.DataFrame:
        """Everything known to happen in (subject, video) — on the demo every expression,
        blink, talking bout, head turn or nod and lighting step; elsewhere no rows (see
        :func:`~mespot_nb.datasets.video_truth`). Pass it to a timeline's ``events``."""
        return video_truth(self.dataset, subject, video)

    def checkpoints(self, method: str, dataset: str | None = None) -> Path:
        """Where LOSO fold checkpoints of ``method`` live (shared by notebooks and the CLI)."""
        return loso_checkpoint_dir(self.cache_dir, dataset or self.dataset.name, self.profile,
                                   method)

    @property
    def scheduler(self):
        """The manifest's ``scheduler:`` (a Dask address, ``local:N``, or None for local
        processes): what extraction and LOSO folds run on."""
        return self.manifest.scheduler

    def imagenet(self, method: str) -> Path | None:
        """The ImageNet VGG-16 file ``method`` starts from under this profile (or None); the
        paper profile without one is refused here, before any training."""
        return imagenet_for(self.manifest, method, self.cfg)

    def conclude(self):
        """The notebook's closing paragraph, written from what it recorded
        (:func:`mespot_nb.conclusions.conclude`); recorded too, as ``conclusion``, so that
        ``results.json`` holds the text beside the figures it quotes. Shown as Markdown."""
        from .conclusions import conclude

        c = conclude(self.name, self.rec.results.get(self.rec.dataset, {}))
        self.rec.record("conclusion", value=c.as_dict())
        return c

    def read(self, name: str) -> Dataset:
        """Another dataset of the manifest (cross-database setups)."""
        return read_entry(self.manifest.entry(name), self.manifest)


def setup(notebook: str, dataset: str, manifest: str = "", cache_dir: str = "",
          out_dir: str = "", profile: str = "quick", seed: int = 0,
          plots: bool = True) -> Notebook:
    """Manifest, dataset, recorder and cache dir of a notebook run, from its parameters.

    Parameters
    ----------
    notebook : the notebook's name (``results.json`` key).
    dataset : manifest entry.
    manifest : manifest path ("" for the default one).
    cache_dir : cache folder ("" for the manifest's); passed on explicitly, never through the
        environment.
    out_dir : where recorded numbers go ("" for nowhere).
    """
    if plots:
        from . import plotting

        plotting.setup_notebook()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    m = load_manifest(manifest or None, cache_dir=cache_dir or None)
    ds = read_entry(m.entry(dataset), m)
    return Notebook(notebook, m, ds, Recorder(out_dir, notebook, dataset), m.cache_dir, profile,
                    int(seed))


def pick_example(dataset: Dataset, subject: str = "", video: str = "", type: str = "micro"
                 ) -> tuple[str, str]:
    """The (subject, video) a notebook shows.

    Given both, that pair (checked); given only ``video``, the one subject that has it (several
    → an error asking for ``subject``); given neither, the video with the most ``type``
    expressions (ties: the first in the dataset's order), or the first video.
    """
    subject, video = str(subject or ""), str(video or "")   # papermill -p may pass numbers
    vids = dataset.videos
    if video:
        rows = vids[vids["video"] == video]
        if subject:
            rows = rows[rows["subject"] == subject]
        if rows.empty:
            raise MespotError(f"dataset '{dataset.name}' has no video ({subject or '*'}, {video}); "
                              f"e.g. {', '.join(f'({s}, {v})' for s, v in vids[['subject', 'video']].head(5).itertuples(index=False))}")
        if len(rows) > 1:
            raise MespotError(f"video '{video}' exists for subjects {sorted(rows['subject'])} in "
                              f"dataset '{dataset.name}'; set the `subject` parameter too")
        return str(rows.iloc[0]["subject"]), str(rows.iloc[0]["video"])
    if subject:
        rows = vids[vids["subject"] == subject]
        if rows.empty:
            raise MespotError(f"dataset '{dataset.name}' has no subject '{subject}'")
        vids = rows
    iv = dataset.intervals[dataset.intervals["type"] == type]
    iv = iv[iv["subject"].isin(vids["subject"])]
    with_frames = vids[vids["source"].notna()] if "source" in vids else vids
    pool = with_frames if len(with_frames) else vids
    counts = iv.groupby(["subject", "video"], sort=False).size()
    counts = counts[[k in set(zip(pool["subject"], pool["video"])) for k in counts.index]]
    if len(counts):
        s, v = counts.idxmax()
        return str(s), str(v)
    return str(pool.iloc[0]["subject"]), str(pool.iloc[0]["video"])


def methods_list(text: str = "", trainable: bool | None = None) -> list[str]:
    """A notebook's ``methods`` parameter as registered method names, in registry order.

    Comma-separated items, each a method name or a selector read from the registry:
    ``learned`` (every learned method), ``training-free``, ``window:KIND`` (every method on that
    window kind, e.g. ``window:dyngeonet`` — seed 000's family). Empty: every registered method
    (of the kind ``trainable`` asks for). A method registered later (a plug-in, a notebook)
    joins every selector that matches it, with no edit to the notebook. Unknown names and
    selectors are refused naming them.
    """
    items = [t.strip() for t in text.split(",") if t.strip()]
    if not items:
        return method_names(trainable)
    names: list[str] = []
    for it in items:
        if it == "learned":
            names += method_names(trainable=True)
        elif it == "training-free":
            names += method_names(trainable=False)
        elif it.startswith("window:"):
            kind = it.split(":", 1)[1]
            found = [n for n in method_names() if get_method(n).window == kind]
            if not found:
                raise MespotError(f"methods: no registered method has window kind {kind!r} "
                                  f"(have {', '.join(sorted({get_method(n).window for n in method_names()}))})")
            names += found
        else:
            names.append(get_method(it).name)
    names = list(dict.fromkeys(names))
    if trainable is not None:
        names = [n for n in names if get_method(n).trainable == trainable]
    return names


def display_table(df: pd.DataFrame, digits: int = 4) -> Any:
    """A rounded copy of a table for display."""
    return df.round(digits)


def summary_table(table: pd.DataFrame) -> pd.DataFrame:
    """A :func:`~mespot_nb.evaluation.results_table` for reading: a row per (method, type), a
    column per protocol holding "F1 [lo, hi]", and the subjects behind the intervals, marked
    "(few)" when fewer than :data:`~mespot_nb.evaluation.FEW_SUBJECTS`."""
    if not len(table):
        return pd.DataFrame()
    t = table.assign(
        method=table.method.map(lambda m: get_method(m).title if m in method_names() else m),
        cell=[f"{f:.3f} [{lo:.3f}, {hi:.3f}]" for f, lo, hi in
              zip(table.f1, table.f1_lo, table.f1_hi)])
    out = t.pivot_table(index=["method", "type"], columns="protocol", values="cell",
                        aggfunc="first", sort=False)
    subj = t.groupby(["method", "type"], sort=False).agg(n=("n_subjects", "first"),
                                                          few=("few_subjects", "first"))
    out["subjects"] = [f"{n} (few)" if few else str(n) for n, few in zip(subj.n, subj.few)]
    out.columns.name = None
    return out
