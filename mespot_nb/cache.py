"""Keyed, atomic, resumable caches under the manifest's cache dir.

A cache entry's key is a hash of the source's identity (path, size, mtime), the stage's
parameters, the stage's own version and the kit's version — never only of a notebook's source.
Entries are written atomically, so an interrupted dataset run keeps every finished video and
resumes with the next one.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import zipfile
from pathlib import Path
from typing import Any, Callable

import numpy as np

from ._version import __version__
from ._io import atomic_path

log = logging.getLogger(__name__)


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


#: Arrays of at least this many bytes are memory-mapped by :func:`load_npz` (``mmap=True``).
MMAP_MIN_BYTES = 1 << 20


#: Memory maps are not made while fewer file descriptors than this are left under the process's
#: limit (each mapped file holds one): the arrays are then read into memory instead.
MMAP_SPARE_FDS = 256


def _fds_left() -> int:
    """File descriptors this process may still open (a large number where it cannot tell)."""
    import os
    import resource

    try:
        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        return (soft if soft != resource.RLIM_INFINITY else 1 << 30) - len(os.listdir("/proc/self/fd"))
    except (OSError, ValueError):
        return 1 << 30


def _mapped_members(path: str | Path) -> dict[str, np.ndarray]:
    """The large stored (uncompressed) members of an .npz as views of one copy-on-write memory
    map of the file (one file descriptor per file, not per array): its pages are read when a
    window is used and can be dropped again, so a dataset's features cost address space, not
    memory. Empty — the caller reads the arrays into memory — when none is large enough or the
    process is short of file descriptors (:data:`MMAP_SPARE_FDS`)."""
    import mmap

    spans = {}
    with zipfile.ZipFile(path) as z, open(path, "rb") as fh:
        for info in z.infolist():
            if info.compress_type != zipfile.ZIP_STORED or not info.filename.endswith(".npy") \
                    or info.file_size < MMAP_MIN_BYTES:
                continue
            fh.seek(info.header_offset)
            local = fh.read(30)
            if local[:4] != b"PK\x03\x04":
                continue
            fh.seek(info.header_offset + 30 + int.from_bytes(local[26:28], "little")
                    + int.from_bytes(local[28:30], "little"))
            version = np.lib.format.read_magic(fh)
            read = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                    else np.lib.format.read_array_header_2_0)
            shape, fortran, dtype = read(fh)
            if not dtype.hasobject:
                spans[info.filename[:-4]] = (fh.tell(), shape, dtype, "F" if fortran else "C")
        if not spans or _fds_left() < MMAP_SPARE_FDS:
            return {}
        mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_COPY)
    return {k: np.ndarray(shape, dtype, buffer=mm, offset=off, order=order)
            for k, (off, shape, dtype, order) in spans.items()}


def load_npz(path: str | Path, json_keys: tuple[str, ...] = (), mmap: bool = False
             ) -> dict[str, Any]:
    """Read an .npz written by :func:`save_npz` (``json_keys`` are decoded back). With ``mmap``,
    arrays of ≥ :data:`MMAP_MIN_BYTES` are copy-on-write memory maps of the file (see
    :func:`_mapped_members`) instead of copies in memory."""
    mapped = _mapped_members(path) if mmap else {}
    with np.load(path, allow_pickle=False) as z:
        d = {k: (mapped[k] if k in mapped else z[k]) for k in z.files}
    for k in json_keys:
        if k in d:
            d[k] = json.loads(str(d[k]))
    return d


def video_entry_name(dataset: str, subject: str, video: str) -> str:
    """The readable part of a per-video cache entry's name: ``dataset__subject__video``.

    A video is the pair (subject, video) — video names repeat across subjects in the MEGC CSV
    format — so both are in the name; the key beside it carries the source's identity.
    """
    return f"{dataset}__{subject}__{video}"


#: What reading a damaged cache entry raises (a truncated or overwritten .npz): such an entry is
#: reported and recomputed, never silently used.
DAMAGED = (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile)


class VideoStage:
    """A cached per-video stage (landmark tracks, features): it owns its cache names.

    An entry is ``cache_dir/<stage>/<dataset>__<subject>__<video>-<key>.npz``, the key hashing
    the source's identity (path, size, mtime), the parameters, the stage's version and the kit's
    version. Entries are written atomically; a damaged entry is reported (logging) and
    recomputed, never silently used.

    Parameters
    ----------
    stage : folder name under the cache dir (``landmarks``, ``features``).
    version : the stage's own version; bump it when its output changes.
    load : path → object.
    """

    def __init__(self, stage: str, version: int, load: Callable[[Path], Any]):
        self.stage, self.version, self.load = stage, version, load

    def path(self, cache_dir: str | Path, identity: dict, params: dict[str, Any],
             name: str) -> Path:
        """The entry of one video (``name`` from :func:`video_entry_name`)."""
        return entry_path(cache_dir, self.stage, name,
                          cache_key(self.stage, self.version, identity, params))

    def read(self, path: Path) -> Any:
        """The entry at ``path``, or None when it is absent or damaged (a damaged one is
        reported — logging — and removed, to be recomputed). A process out of file descriptors
        is not a damaged entry: that error is raised, and the entry kept."""
        if not path.exists():
            return None
        try:
            return self.load(path)
        except DAMAGED as e:
            if isinstance(e, OSError) and e.errno in (errno.EMFILE, errno.ENFILE):
                raise
            log.warning("cache entry %s is damaged (%s: %s); recomputing it", path,
                        type(e).__name__, e)
            path.unlink(missing_ok=True)
            return None

    def get(self, path: Path, compute: Callable[[], Any], save: Callable[[Any, Path], None]) -> Any:
        """The entry at ``path``, or ``compute()`` saved there atomically if absent or damaged."""
        obj = self.read(path)
        if obj is None:
            obj = compute()
            save(obj, path)
        return obj
