"""The data manifest: where each dataset lives, how to read it, and where caches go.

``data_manifest.yaml`` names every dataset the kit can use, as the licence holder has it on disk
(the kit never asks anyone to rename a spreadsheet). Paths may use ``${VAR}`` or ``${VAR:-default}``
so one manifest serves every machine; an unset variable is only an error when that path is used,
and then the message names the entry, the path tried and the variable to set.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import MespotError
from .frames import check_first_frame

FORMATS = ("casme2", "samm-lv", "csv", "video", "demo")
_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
_PACKAGE_ROOT = Path(__file__).resolve().parent


def expand(text: str) -> tuple[str, list[str]]:
    """Expand ``${VAR}`` / ``${VAR:-default}`` and ``~`` in ``text``.

    Returns the expanded text and the names of variables that were unset and had no default
    (those stay as ``${VAR}`` in the text, so a message can show what was tried).
    """
    missing: list[str] = []

    def repl(m: re.Match) -> str:
        name, default = m.group(1), m.group(2)
        value = os.environ.get(name)
        if value:
            return value
        if default is not None:
            return default
        missing.append(name)
        return m.group(0)

    out = _VAR.sub(repl, str(text))
    if not missing:
        out = os.path.expanduser(out)
    return out, missing


@dataclass
class DatasetEntry:
    """One dataset of the manifest.

    Attributes
    ----------
    name : the key in the manifest (``casme2``, ``samm-lv``, ``demo`` ...).
    format : one of ``casme2``, ``samm-lv``, ``csv``, ``video``, ``demo``.
    fps : frames per second of the dataset's videos (None only where the reader finds it).
    raw : the entry as written in the manifest (paths unexpanded).
    first_frame : the number the dataset's annotations give a video's first frame — ``0``, ``1``
        (any whole number ≥ 0) or ``auto`` (each video's first file number). Default: ``1`` for
        casme2 and samm-lv (their published workbooks count from 1, whatever a local copy's
        files are named), ``auto`` for csv; None for video and demo entries (no annotations).
    """

    name: str
    format: str
    raw: dict[str, Any]
    manifest_dir: Path
    fps: float | None = None
    licence: str = ""
    citation: str = ""
    quirks: dict[str, str] = field(default_factory=dict)
    first_frame: int | str | None = None

    def get(self, key: str, default: Any = None) -> Any:
        """The entry's raw option ``key`` (for format-specific settings)."""
        return self.raw.get(key, default)

    def root(self) -> Path:
        """The dataset's root folder (``root``), expanded; relative to the manifest's folder."""
        return self._resolve("root", base=self.manifest_dir)

    def path(self, key: str, must_exist: bool = True) -> Path:
        """Resolve the path option ``key`` (``annotations``, ``frames`` ...) under ``root``.

        Raises :class:`MespotError` naming the entry, the path tried and the variable to set
        when a variable is unset or (with ``must_exist``) the path is missing.
        """
        if key not in self.raw or self.raw[key] in (None, ""):
            raise MespotError(
                f"dataset '{self.name}' in the manifest has no '{key}' path; add `{key}: ...` "
                f"to its entry in {self.manifest_dir / 'data_manifest.yaml'}"
            )
        base = self.root() if "root" in self.raw else self.manifest_dir
        p = self._resolve(key, base=base)
        if must_exist and not p.exists():
            hint = self._env_hint()
            raise MespotError(
                f"dataset '{self.name}': {key} path not found: {p}. {hint}"
            )
        return p

    def has(self, key: str) -> bool:
        """Whether the entry names option ``key``."""
        return self.raw.get(key) not in (None, "")

    def _env_hint(self) -> str:
        names = sorted(set(_VAR.findall(str(self.raw.get("root", "")))) | set(
            v for k in ("annotations", "frames") for v in _VAR.findall(str(self.raw.get(k, "")))))
        if names:
            vs = ", ".join(n for n, _ in names)
            return (f"Set {vs} to the folder where your licensed copy lives "
                    f"(e.g. `export {names[0][0]}=/data/{self.name}`) or edit the entry's paths.")
        return "Edit the entry's paths in the manifest to where your licensed copy lives."

    def _resolve(self, key: str, base: Path) -> Path:
        raw = str(self.raw.get(key))
        text, missing = expand(raw)
        if missing:
            raise MespotError(
                f"dataset '{self.name}': {key} '{raw}' uses the environment variable "
                f"{', '.join(missing)}, which is not set. Set it to the folder where your licensed "
                f"copy lives (e.g. `export {missing[0]}=/data/{self.name}`) or edit the manifest."
            )
        p = Path(text)
        return p if p.is_absolute() else (base / p)


@dataclass
class Manifest:
    """A parsed ``data_manifest.yaml``.

    Attributes
    ----------
    path : the manifest file.
    datasets : entries by name, in file order.
    cache_dir : where every cache goes (``MESPOT_CACHE`` overrides the manifest's ``cache_dir``;
        default ``$XDG_CACHE_HOME/mespot-nb`` or ``~/.cache/mespot-nb`` — never inside the repo).
    scheduler : where dataset-wide extraction and LOSO folds run: a Dask scheduler address,
        ``local:N`` (a LocalCluster of N worker processes), or None (local joblib processes).
    weights : named local weight files (e.g. ``vgg16_imagenet``), never downloaded.
    sha256 : hash of the manifest's bytes, recorded in every report's provenance.
    """

    path: Path
    datasets: dict[str, DatasetEntry]
    cache_dir: Path
    scheduler: str | None
    weights: dict[str, str]
    cross_database: dict[str, dict[str, Any]]
    sha256: str

    def entry(self, name: str) -> DatasetEntry:
        """The dataset entry ``name``; a clear error lists the known names otherwise."""
        if name not in self.datasets:
            raise MespotError(
                f"dataset '{name}' is not in the manifest {self.path}; known datasets: "
                f"{', '.join(self.datasets) or '(none)'}"
            )
        return self.datasets[name]

    def weight_file(self, key: str) -> Path | None:
        """The local weight file named ``key`` under ``weights:``, or None if not configured."""
        raw = self.weights.get(key)
        if not raw:
            return None
        text, missing = expand(str(raw))
        if missing:
            return None
        p = Path(text)
        p = p if p.is_absolute() else self.path.parent / p
        if not p.exists():
            raise MespotError(f"manifest {self.path}: weights.{key} file not found: {p}; "
                              "point it at a local copy or remove the line (nothing is downloaded)")
        return p


def default_manifest_path() -> Path:
    """Where the manifest is looked for: ``$MESPOT_MANIFEST``, ``./data_manifest.yaml``, the repo's."""
    env = os.environ.get("MESPOT_MANIFEST")
    if env:
        return Path(env).expanduser()
    cwd = Path.cwd() / "data_manifest.yaml"
    if cwd.exists():
        return cwd
    return _PACKAGE_ROOT.parent / "data_manifest.yaml"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/mespot-nb`` or ``~/.cache/mespot-nb``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mespot-nb"


#: ``first_frame`` where an entry does not set it: the published CAS(ME)² and SAMM-LV workbooks
#: count frames from 1; a CSV's labels follow its frames folder's file names.
FIRST_FRAME_DEFAULTS: dict[str, int | str] = {"casme2": 1, "samm-lv": 1, "csv": "auto"}


def _first_frame(p: Path, name: str, fmt: str, raw: dict) -> int | str | None:
    if "first_frame" not in raw:
        return FIRST_FRAME_DEFAULTS.get(fmt)
    if fmt not in FIRST_FRAME_DEFAULTS:
        raise MespotError(f"manifest {p}: dataset '{name}' sets first_frame, but a {fmt} entry "
                          "has no annotations to number; remove the line (frame 1 is always the "
                          "first frame of a video or frames folder)")
    return check_first_frame(raw["first_frame"], f"manifest {p}: dataset '{name}'")


def load_manifest(path: str | os.PathLike | None = None,
                  cache_dir: str | os.PathLike | None = None) -> Manifest:
    """Read and check a manifest file.

    Parameters
    ----------
    path : the YAML file; default :func:`default_manifest_path`.
    cache_dir : overrides the cache dir (before ``MESPOT_CACHE`` and the manifest's own) — how
        the report runner hands its cache to each notebook explicitly.

    Raises
    ------
    MespotError : the file is missing, is not YAML, or an entry lacks a valid ``format``.
    """
    p = Path(path) if path is not None else default_manifest_path()
    if not p.exists():
        raise MespotError(f"manifest not found: {p}. Pass --manifest PATH or set MESPOT_MANIFEST.")
    data = p.read_bytes()
    try:
        doc = yaml.safe_load(data) or {}
    except yaml.YAMLError as e:
        raise MespotError(f"manifest {p} is not valid YAML: {e}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("datasets"), dict):
        raise MespotError(f"manifest {p} must be a mapping with a 'datasets:' mapping of entries")

    entries: dict[str, DatasetEntry] = {}
    for name, raw in doc["datasets"].items():
        if not isinstance(raw, dict):
            raise MespotError(f"manifest {p}: dataset '{name}' must be a mapping of options")
        fmt = raw.get("format")
        if fmt not in FORMATS:
            raise MespotError(
                f"manifest {p}: dataset '{name}' has format {fmt!r}; use one of {', '.join(FORMATS)}"
            )
        fps = raw.get("fps")
        if fps is not None:
            try:
                fps = float(fps)
            except (TypeError, ValueError):
                fps = -1.0
            if not fps > 0:
                raise MespotError(f"manifest {p}: dataset '{name}' has fps {raw.get('fps')!r}; "
                                  "give the frame rate as a positive number (e.g. `fps: 30`)")
        first_frame = _first_frame(p, str(name), fmt, raw)
        entries[str(name)] = DatasetEntry(
            name=str(name), format=fmt, raw=dict(raw), manifest_dir=p.resolve().parent, fps=fps,
            licence=str(raw.get("licence", "")).strip(), citation=str(raw.get("citation", "")).strip(),
            quirks=dict(raw.get("quirks") or {}), first_frame=first_frame,
        )

    env_cache = os.environ.get("MESPOT_CACHE")
    if cache_dir:
        cache = Path(cache_dir).expanduser()
    elif env_cache:
        cache = Path(env_cache).expanduser()
    elif doc.get("cache_dir"):
        text, missing = expand(str(doc["cache_dir"]))
        cache = default_cache_dir() if missing else Path(text)
    else:
        cache = default_cache_dir()
    if not cache.is_absolute():
        cache = p.resolve().parent / cache

    return Manifest(
        path=p.resolve(), datasets=entries, cache_dir=cache,
        scheduler=doc.get("scheduler") or None, weights=dict(doc.get("weights") or {}),
        cross_database=dict(doc.get("cross_database") or {}),
        sha256=hashlib.sha256(data).hexdigest(),
    )
