"""Keyed, atomic, resumable caches under the manifest's cache dir.

A cache entry's key is a hash of the source's identity (path, size, mtime), the stage's
parameters, the stage's own version and the kit's version — never only of a notebook's source.
Entries are written atomically, so an interrupted dataset run keeps every finished video and
resumes with the next one.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from . import __version__
from ._io import atomic_path


def cache_key(stage: str, stage_version: int, identity: dict[str, Any], params: dict[str, Any]
              ) -> str:
    """A short hex key for (stage, version, source identity, parameters, kit version)."""
    blob = json.dumps(dict(stage=stage, v=stage_version, kit=__version__, id=identity, p=params),
                      sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:20]


def entry_path(cache_dir: str | Path, stage: str, name: str, key: str, suffix: str = ".npz") -> Path:
    """``cache_dir/stage/<name>-<key><suffix>`` (``name`` keeps the folder readable)."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
    return Path(cache_dir) / stage / f"{safe}-{key}{suffix}"


def save_npz(path: str | Path, **arrays: Any) -> None:
    """Write arrays to ``path`` (.npz) atomically; dict/str values are stored as JSON strings."""
    out = {}
    for k, v in arrays.items():
        if isinstance(v, (dict, list, str)) and not isinstance(v, np.ndarray):
            out[k] = np.array(json.dumps(v, default=str))
        else:
            out[k] = np.asarray(v)
    with atomic_path(path, suffix=".npz") as tmp:
        np.savez(tmp, **out)


def load_npz(path: str | Path, json_keys: tuple[str, ...] = ()) -> dict[str, Any]:
    """Read an .npz written by :func:`save_npz` (``json_keys`` are decoded back)."""
    with np.load(path, allow_pickle=False) as z:
        d = {k: z[k] for k in z.files}
    for k in json_keys:
        if k in d:
            d[k] = json.loads(str(d[k]))
    return d
