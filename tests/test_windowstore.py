"""The memory-mapped window store (mespot_nb/windowstore.py): the rows gather gives, read on
demand; LOSO on it gives the same scores as on gathered arrays."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

import mespot_nb.training as T
from mespot_nb.inference import gather
from mespot_nb.models import ModelConfig
from mespot_nb.windowstore import Rows, build_store

pytestmark = pytest.mark.slow


def test_store_windows_are_gathers_rows_read_from_memory_maps(short_features, tmp_path):
    ds, feats, _, _ = short_features
    store = build_store(tmp_path / "w", ds, feats, "dyngeonet", key="k")
    subj = ds.subjects[:2]
    want, got = gather(ds, feats, "dyngeonet", subj), store.windows(subj)
    pd.testing.assert_frame_equal(want.table, got.table)
    np.testing.assert_array_equal(want.labels, got.labels)
    for k, a in want.arrays.items():
        r = got.arrays[k]
        assert isinstance(r, Rows) and isinstance(r.base, np.memmap) and r.shape == a.shape
        np.testing.assert_array_equal(np.asarray(r), a)
        idx = np.array([3, 0, len(a) - 1])
        np.testing.assert_array_equal(r[idx], a[idx])          # a batch: only those rows
        half = np.arange(len(a)) % 2 == 0
        assert isinstance(r[half], Rows)                       # a selection reads nothing
        np.testing.assert_array_equal(np.asarray(r[half]), a[half])
    # what a fold worker receives: the table and paths, never the arrays
    assert len(pickle.dumps(store)) < store.nbytes() / 4
    # the same windows again: the files are reused, not rewritten
    before = (tmp_path / "w" / "dyn.npy").stat().st_mtime_ns
    build_store(tmp_path / "w", ds, feats, "dyngeonet", key="k")
    assert (tmp_path / "w" / "dyn.npy").stat().st_mtime_ns == before
    build_store(tmp_path / "w", ds, feats, "dyngeonet", key="other")
    assert (tmp_path / "w" / "dyn.npy").stat().st_mtime_ns != before


def test_quick_profile_loso_on_the_store_equals_the_gathered_run(short_features, tmp_path,
                                                                  monkeypatch):
    """The quick profile's figures do not change: a seeded DynGeoNet LOSO reading batches from
    the store gives exactly the scores and predictions of folds that gather in memory (the
    quick profile's networks, 1 of its 8 epochs so the test stays short: the batches, the
    negative sampling and the scoring are the same code at every epoch)."""
    from contextlib import contextmanager
    from dataclasses import replace

    ds, feats, _, _ = short_features
    quick = replace(ModelConfig.profile("quick"), epochs=1)
    on_store = T.run_loso(ds, feats, "dyngeonet", quick, seed=5, n_jobs=1, progress=False,
                          checkpoint_dir=tmp_path / "ck")
    assert (tmp_path / "ck" / "windows" / "dyn.npy").exists()

    @contextmanager
    def no_store(*a, **k):
        yield None

    monkeypatch.setattr(T, "_window_store", no_store)
    gathered = T.run_loso(ds, feats, "dyngeonet", quick, seed=5, n_jobs=1, progress=False)
    pd.testing.assert_frame_equal(on_store.scores, gathered.scores)
    pd.testing.assert_frame_equal(on_store.predictions, gathered.predictions)
    assert [f.threshold for f in on_store.folds] == [f.threshold for f in gathered.folds]
