"""Dataset loading: a manifest entry → a :class:`~mespot_nb.readers.Dataset`.

The readers parse each dataset's own annotation files; the demo generator writes a synthetic
dataset in a real layout into the cache on first use. This stage picks the right one for an
entry. Training and spotting receive a Dataset and never load one themselves.
"""

from __future__ import annotations

from pathlib import Path

from .demo import ensure_demo
from .errors import MespotError
from .manifest import FIRST_FRAME_DEFAULTS, DatasetEntry, Manifest, load_manifest
from .readers import Dataset, read_casme2, read_megc_csv, read_samm_lv, read_video_source
from .rehearsal import ensure_rehearsal, read_rehearsal


def read_entry(entry: DatasetEntry, manifest: Manifest | None = None) -> Dataset:
    """Read the dataset of a manifest entry (``demo`` entries are generated into the cache first)."""
    fmt = entry.format
    first_frame = entry.first_frame if entry.first_frame is not None \
        else FIRST_FRAME_DEFAULTS.get(fmt)
    if fmt == "demo" and entry.get("like"):   # a rehearsal: a real dataset's shape
        if manifest is None:
            raise MespotError(f"dataset '{entry.name}': a rehearsal entry needs the manifest's "
                              "cache dir")
        ds = read_rehearsal(ensure_rehearsal(entry, manifest.cache_dir), entry.name,
                            entry.quirks)
        ds.format = "demo"
    elif fmt == "demo":
        if manifest is None:
            raise MespotError(f"dataset '{entry.name}': a demo entry needs the manifest's cache dir")
        root = ensure_demo(entry, manifest.cache_dir)
        layout = entry.get("layout", "samm-lv")
        fps = float(entry.fps or 30)
        if layout == "casme2":
            ds = read_casme2(root / "annotations.xlsx", root / "rawpic", entry.quirks, fps, entry.name)
        else:
            ds = read_samm_lv(root / "annotations.xlsx", root / "SAMM_longvideos", entry.quirks,
                              fps, entry.name)
        ds.format = "demo"
        ds.meta["root"] = str(root)
        ds.meta["layout"] = layout
    elif fmt == "casme2":
        frames = entry.path("frames", must_exist=False) if entry.has("frames") else None
        ds = read_casme2(entry.path("annotations"), frames, entry.quirks, entry.fps or 30.0,
                         entry.name, first_frame=first_frame)
    elif fmt == "samm-lv":
        frames = entry.path("frames", must_exist=False) if entry.has("frames") else None
        ds = read_samm_lv(entry.path("annotations"), frames, entry.quirks, entry.fps or 200.0,
                          entry.name, first_frame=first_frame)
    elif fmt == "csv":
        pattern = None
        if entry.has("frames"):
            pattern = str(entry.path("frames", must_exist=False))
        ds = read_megc_csv(entry.path("annotations"), pattern, entry.fps,
                           entry.get("default_type", "micro"), entry.name,
                           first_frame=first_frame)
    elif fmt == "video":
        ds = read_video_source(entry.path("source"), entry.fps, entry.name)
    else:  # load_manifest already refuses unknown formats
        raise MespotError(f"dataset '{entry.name}': unknown format {fmt!r}")
    ds.licence, ds.citation = entry.licence, entry.citation
    return ds


def load_dataset(name: str, manifest: Manifest | str | Path | None = None) -> Dataset:
    """Load dataset ``name`` of the manifest (default manifest if None)."""
    m = manifest if isinstance(manifest, Manifest) else load_manifest(manifest)
    return read_entry(m.entry(name), m)
