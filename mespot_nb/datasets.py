"""Dataset loading: a manifest entry → a :class:`~mespot_nb.readers.Dataset`.

The readers parse each dataset's own annotation files; the demo generator writes a synthetic
dataset in a real layout into the cache on first use. This stage picks the right one for an
entry. Training and spotting receive a Dataset and never load one themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .demo import ensure_demo
from .errors import MespotError
from .manifest import FIRST_FRAME_DEFAULTS, DatasetEntry, Manifest, load_manifest
from .readers import Dataset, read_casme2, read_megc_csv, read_samm_lv, read_video_source
from .rehearsal import ensure_rehearsal, read_rehearsal

if TYPE_CHECKING:  # imported where used: reading a manifest never loads pandas
    import pandas as pd


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


# ----------------------------------------------------------------------------------------------
# what is known to be in a video (the demo's generator record)

#: Kinds of :func:`video_truth` rows, in the order timelines stack them.
TRUTH_KINDS = ("micro", "macro", "blink", "talking", "head turn", "head nod", "light step")
TRUTH_COLUMNS = ["kind", "onset", "offset", "detail"]


def video_truth(dataset: Dataset, subject: str, video: str) -> "pd.DataFrame":
    """Everything known to happen in one video, as a tidy table (one row per event).

    On a demo dataset, the generator's record (``mespot_demo/events.json``): micro- and
    macro-expressions, blinks, talking bouts, head turns and nods, and lighting steps (a step's
    rows span its ramp). Any other dataset records only its annotations, which the timelines
    already shade, so the table is empty and the same notebook runs on CAS(ME)² or SAMM-LV.

    Parameters
    ----------
    dataset : the dataset (a demo one has ``meta["root"]``).
    subject, video : the video's ids, as in ``dataset.videos``.

    Returns
    -------
    DataFrame with ``kind`` (one of :data:`TRUTH_KINDS`), ``onset``, ``offset`` (int, 1-based
    inclusive frames) and ``detail`` (str: action units and amplitude, degrees, …), sorted by
    onset; no rows outside the demo.
    """
    import pandas as pd

    if dataset.format != "demo" or "root" not in dataset.meta:
        return pd.DataFrame(columns=TRUTH_COLUMNS).astype({"onset": int, "offset": int})
    from .demo import demo_events

    events = demo_events(dataset.meta["root"])
    key = f"{subject}/{video}"
    if key not in events:
        raise MespotError(f"dataset '{dataset.name}': the demo's events.json has no video {key!r} "
                          f"(it has e.g. {', '.join(list(events)[:3])}); regenerate the demo "
                          "(delete its cache folder) if it predates this dataset's videos")
    ev = events[key]
    rows = [(e["type"], e["onset"], e["offset"], f"{e.get('aus', '')} ×{e.get('amplitude', '')}")
            for e in ev.get("expressions", [])]
    rows += [("blink", b["onset"], b["offset"], "") for b in ev.get("blinks", [])]
    rows += [("talking", t["onset"], t["offset"], f"{t.get('hz', '')} Hz")
             for t in ev.get("talking", [])]
    rows += [(f"head {h['kind']}", h["onset"], h["offset"],
              f"{h['degrees']}°" if "degrees" in h else f"{h.get('shift', '')} px")
             for h in ev.get("head_motion", [])]
    rows += [("light step", s["onset"], s["onset"] + int(s["ramp_frames"]) - 1,
              f"{float(s['change']):+.0%}") for s in ev.get("light_steps", [])]
    out = pd.DataFrame(rows, columns=TRUTH_COLUMNS)
    out["onset"] = out["onset"].astype(int)
    out["offset"] = out["offset"].astype(int)
    bad = out[~out["kind"].isin(TRUTH_KINDS)]
    if len(bad):
        raise MespotError(f"{key}: unknown event kind {bad['kind'].iloc[0]!r} in events.json")
    return out.sort_values(["onset", "kind"], kind="stable").reset_index(drop=True)


def clear_of_events(truth: "pd.DataFrame", starts, stops, margin: int = 0):
    """Which windows (frames start..stop, 1-based inclusive) overlap no event of ``truth``.

    Parameters
    ----------
    truth : a :func:`video_truth` table (or annotations with ``onset``, ``offset``).
    starts, stops : (N,) int, the windows' first and last frames.
    margin : frames an event is widened by on each side.

    Returns
    -------
    (N,) bool, True where the window touches no event.
    """
    import numpy as np

    s = np.asarray(starts, dtype=np.int64)[:, None]
    e = np.asarray(stops, dtype=np.int64)[:, None]
    if s.shape != e.shape or (e < s).any():
        raise MespotError("clear_of_events: starts and stops must have the same length and "
                          "stop ≥ start for every window")
    if truth is None or not len(truth):
        return np.ones(len(s), bool)
    on = truth["onset"].to_numpy(np.int64)[None] - margin
    off = truth["offset"].to_numpy(np.int64)[None] + margin
    return ~((s <= off) & (e >= on)).any(axis=1)


def windows_clear_of_truth(dataset: Dataset, table: "pd.DataFrame", margin: int = 0):
    """:func:`clear_of_events` for every row of a window table (``subject``, ``video``,
    ``start``, ``stop``), each against its own video's :func:`video_truth`.

    Returns
    -------
    (N,) bool aligned with ``table``'s rows; all True outside the demo (no truth to avoid).
    """
    import numpy as np

    out = np.ones(len(table), bool)
    subj, vid = table["subject"].to_numpy(), table["video"].to_numpy()
    for s, v in dict.fromkeys(zip(subj, vid)):
        m = (subj == s) & (vid == v)
        out[m] = clear_of_events(video_truth(dataset, s, v), table["start"].to_numpy()[m],
                                 table["stop"].to_numpy()[m], margin)
    return out


def isolated_event(truth: "pd.DataFrame", kinds, length: int, n_frames: int,
                   margin: int = 0) -> tuple[int, str] | None:
    """A window of ``length`` frames centred on the first event of ``kinds`` whose window
    touches no *other* event of ``truth`` (so a figure of "a blink" shows a blink only).

    Parameters
    ----------
    truth : a :func:`video_truth` table.
    kinds : event kinds to look for, in order of preference (e.g. ``["head turn", "head nod"]``).
    length : window length, frames.
    n_frames : frames in the video (the window is kept inside 1..n_frames).
    margin : frames by which the other events are widened.

    Returns
    -------
    ``(start, kind)`` — the window's first frame (1-based) and the event's kind — or None.
    """
    if length < 1 or n_frames < length:
        raise MespotError(f"isolated_event: window of {length} frames does not fit a video of "
                          f"{n_frames} frames")
    for kind in kinds:
        for i, r in truth[truth["kind"] == kind].iterrows():
            start = min(max(1, (int(r.onset) + int(r.offset)) // 2 - length // 2),
                        n_frames - length + 1)
            if clear_of_events(truth.drop(index=i), [start], [start + length - 1], margin)[0]:
                return start, kind
    return None
