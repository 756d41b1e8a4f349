"""Atomic file writes: a reader never sees a half-written file, an interruption loses nothing.

Everything the kit writes (caches, CSVs, JSON, reports) goes through these helpers: the data is
written to a temporary file in the destination folder and moved into place with ``os.replace``.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterator


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success move it onto ``path``.

    On an exception the temporary file is removed and ``path`` is left as it was.
    ``suffix`` keeps an extension some writers need (``np.savez`` appends ``.npz``).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix if suffix is None else suffix
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".tmp{suffix}", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp_path, 0o666 & ~umask)  # mkstemp makes 0600; give the file normal permissions
    try:
        yield tmp_path
        os.replace(tmp_path, path)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def _nearest_existing(path: Path) -> Path:
    """``path`` or its nearest ancestor that exists."""
    p = path.absolute()
    while not p.exists() and p != p.parent:
        p = p.parent
    return p


def check_output_file(path: str | os.PathLike, what: str, inputs: tuple = (),
                      example: str = "out.csv") -> None:
    """Refuse, before any work, an output file the kit could not write or must not write.

    Parameters
    ----------
    path : the file to be written.
    what : the option that named it, for the message (``--out``, ``--html``).
    inputs : the command's input files: writing over one would replace the user's video.
    example : a file name the message suggests when ``path`` is a folder.

    Raises
    ------
    MespotError
        ``path`` is a folder, is one of ``inputs``, or lies where no file can be made (under a
        file, in a folder that cannot be written).
    """
    from .errors import MespotError

    path = Path(path)
    if path.is_dir():
        raise MespotError(f"{what} {path} is a folder: give a file name in it, e.g. "
                          f"{path / example}")
    for src in inputs:
        if src is not None and path.exists() and Path(src).exists() \
                and path.resolve() == Path(src).resolve():
            raise MespotError(f"{what} {path} is the input video itself: writing there would "
                              "replace it; give another file name")
    base = _nearest_existing(path.parent)
    if not base.is_dir():
        raise MespotError(f"{what} {path}: {base} is a file, not a folder; give a path in a folder")
    if not _can_write_in(base):
        raise MespotError(f"{what} {path}: cannot write in {base}; give a path in a folder you "
                          "can write")


def check_folder(path: str | os.PathLike, what: str) -> None:
    """Refuse, before any work, a folder the kit is to write in that it cannot.

    Parameters
    ----------
    path : the folder (it need not exist yet).
    what : what it is and where it was set, for the message.

    Raises
    ------
    MespotError
        ``path`` or the nearest part of it that exists is a file, or no file can be made there.
    """
    from .errors import MespotError

    path = Path(path)
    base = _nearest_existing(path)
    if not base.is_dir():
        raise MespotError(f"{what} {path}: {base} is a file, not a folder; point it at a folder")
    if not _can_write_in(base):
        raise MespotError(f"{what} {path}: cannot write in {base}; point it at a folder you can "
                          "write")


def _can_write_in(folder: Path) -> bool:
    """Whether a file can be made in ``folder`` (tried: permissions alone do not say it for
    root, or on a read-only or virtual file system)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    write_bytes(path, text.encode("utf-8"))


def write_json(path: str | os.PathLike, obj: Any) -> None:
    """Write ``obj`` as indented JSON to ``path`` atomically (NaN written as null)."""
    write_text(path, json.dumps(_jsonable(obj), indent=2, sort_keys=False, allow_nan=False) + "\n")


def _jsonable(obj: Any) -> Any:
    """Convert numpy scalars/arrays, paths and NaN into plain JSON values."""
    import math

    import numpy as np

    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return _jsonable(obj.tolist())
    if isinstance(obj, np.generic):
        return _jsonable(obj.item())
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, os.PathLike):
        return str(obj)
    return obj
