"""The window store: every window's input arrays of one method on one dataset, memory-mapped.

:func:`~mespot_nb.inference.gather` concatenates the windows of the subjects asked for into new
arrays, and a LOSO run did that in every fold worker: with DynGeoNet's two 224×224 images per
window, SAMM-LV's ~80,000 windows are ~8 GB, copied once more per worker. The store writes each
input once, video by video, into a ``.npy`` file (``numpy.lib.format.open_memmap``) and hands
out :class:`WindowData` whose arrays are :class:`Rows`: row indices into the memory-mapped file.
Selecting subjects or a fit/validation split only narrows the indices; training reads one batch
of rows at a time (``numpy_batch``), with the per-epoch negative sampling unchanged; fold workers
open the same files read-only, so the operating system's page cache holds one copy for them all.

Why numpy memmap and not zarr: the batches are random rows (each epoch samples negatives
afresh), which a memory-mapped ``.npy`` reads straight from the page cache with no decompression
and no chunk reassembly; it needs nothing beyond numpy (zarr is not a dependency) and the files
are plain ``.npy`` that ``np.load`` opens anywhere. The cost: no compression (uint8 images
compress little anyway) and the files must sit on storage every fold worker sees.

The rows and their order are exactly :func:`gather`'s, so training on the store gives the same
model and scores as training on gathered arrays (tested).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .inference import WindowData, video_windows, window_rows
from .methods import Method, get_method

#: Bump when the store's layout changes (older stores are rebuilt).
STORE_VERSION = 1


class Rows:
    """Rows ``rows`` of an (N, ...) array (a memory map): an array-like read only on demand.

    ``r[mask]`` (a boolean mask over these rows) is another :class:`Rows`, reading nothing;
    ``r[idx]`` (integer indices) and ``np.asarray(r)`` read those rows into a new array.
    """

    def __init__(self, base: np.ndarray, rows: np.ndarray):
        self.base = base
        self.rows = np.asarray(rows, np.int64)

    @property
    def shape(self) -> tuple[int, ...]:
        return (len(self.rows), *self.base.shape[1:])

    @property
    def dtype(self) -> np.dtype:
        return self.base.dtype

    @property
    def ndim(self) -> int:
        return self.base.ndim

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, idx: Any) -> Any:
        if isinstance(idx, np.ndarray) and idx.dtype == bool:
            return Rows(self.base, self.rows[idx])
        r = self.rows[idx]
        if np.ndim(r) == 0:
            return np.array(self.base[int(r)])
        return np.asarray(self.base[r])

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        a = np.asarray(self.base[self.rows])
        return a if dtype is None else a.astype(dtype)


@dataclass
class WindowStore:
    """A built store: ``folder`` of ``<input>.npy`` files, and the windows' ``table`` and
    ``labels`` (in memory: a few columns per window)."""

    folder: str
    inputs: tuple[str, ...]
    table: pd.DataFrame
    labels: np.ndarray
    _maps: dict = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self) -> dict:
        d = dict(self.__dict__)
        d["_maps"] = {}     # memory maps are reopened in each worker, never pickled
        return d

    def array(self, name: str) -> np.ndarray:
        """The (N, ...) memory map of input ``name`` (read-only)."""
        if name not in self._maps:
            self._maps[name] = np.load(Path(self.folder) / f"{name}.npy", mmap_mode="r")
        return self._maps[name]

    def windows(self, subjects: list[str] | None = None) -> WindowData:
        """The windows of ``subjects`` (None: all) as :class:`WindowData` over the memory maps —
        the rows and order :func:`~mespot_nb.inference.gather` gives for them."""
        sel = np.ones(len(self.table), bool) if subjects is None else \
            self.table["subject"].isin(list(subjects)).to_numpy()
        rows = np.flatnonzero(sel)
        return WindowData(self.table.iloc[rows].reset_index(drop=True),
                          {k: Rows(self.array(k), rows) for k in self.inputs},
                          self.labels[rows])

    def nbytes(self) -> int:
        """Bytes of the stored arrays on disk."""
        return sum(int(self.array(k).nbytes) for k in self.inputs)


def build_store(folder: str | Path, dataset, feats: dict, method: str | Method, key: str
                ) -> WindowStore:
    """Write (or reuse) the store of ``method``'s windows of every subject of ``dataset``.

    ``key``: what the caller's store must hold (training's digest of the method, the
    annotations and every video's feature identity); a store with another key is rebuilt.

    Two passes over the videos: the first counts the usable windows and keeps the table, the
    second writes each video's rows into the preallocated ``.npy`` memory maps, so peak memory
    is one video's windows, not the dataset's. Built in a temporary sibling and renamed into
    place; a folder whose ``store.json`` matches is reused as it is.
    """
    m = get_method(method)
    folder = Path(folder)
    key = f"{STORE_VERSION}:{key}"
    order, keep, shapes = [], [], {}
    for g, ok, a in video_windows(dataset, feats, m):
        order.append(g)
        keep.append(ok)
        for k, x in a.items():
            shapes.setdefault(k, (x.shape[1:], x.dtype))
    mask = np.concatenate(keep)
    table, labels = window_rows(dataset, feats, m, order, mask)
    store = WindowStore(str(folder), tuple(m.inputs), table, labels)
    meta = folder / "store.json"
    if meta.exists():
        try:
            if json.loads(meta.read_text()).get("key") == key:
                return store
        except ValueError:
            pass
    n = int(mask.sum())
    tmp = folder.parent / f".{folder.name}.building-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    maps = {k: np.lib.format.open_memmap(tmp / f"{k}.npy", mode="w+", dtype=dt, shape=(n, *sh))
            for k, (sh, dt) in shapes.items()}
    at = 0
    for (g, ok, a) in video_windows(dataset, feats, m):
        c = int(ok.sum())
        for k, x in a.items():
            maps[k][at:at + c] = x[ok]
        at += c
    for mm in maps.values():
        mm.flush()
    del maps
    (tmp / "store.json").write_text(json.dumps(dict(key=key, windows=n, inputs=list(m.inputs))))
    if folder.exists():
        shutil.rmtree(folder)
    os.replace(tmp, folder)
    return store
