"""Readers: the datasets' own annotation files → one tidy table of intervals + audit findings.

Every reader returns a :class:`Dataset` with

* ``intervals`` — one row per annotated expression: ``subject, video, onset, apex, offset, type``
  (strings, then 1-based inclusive frame numbers as int64, ``type`` ∈ {``micro``, ``macro``}),
  plus ``row`` (the spreadsheet row it came from, as Excel numbers it);
* ``videos`` — ``subject, video, source, n_frames, fps`` (``source`` is the frames folder or video
  file, or None when the frames are not on this machine);
* ``findings`` — every quirk met (``row, subject, video, quirk, value, policy, action``), so a
  researcher sees exactly what was changed and why.

A video is always the pair (subject, video): the MEGC CSV format repeats video names across
subjects. Sheets are opened by position (their names vary between releases) and files are found
through the manifest, never by a fixed file name.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import MespotError
from .peaks import check_fps
from .frames import (FIRST_FRAME_CHOICES, IMAGE_SUFFIXES, VIDEO_SUFFIXES,  # noqa: F401
                     _count_frames, _folder_info, _FolderInfo, check_first_frame, frame_files,
                     frame_index, frame_number, natural_key, stated_frame_count)

INTERVAL_COLUMNS = ["subject", "video", "onset", "apex", "offset", "type"]
VIDEO_COLUMNS = ["subject", "video", "source", "n_frames", "fps"]
FINDING_COLUMNS = ["row", "subject", "video", "quirk", "value", "policy", "action"]

#: Default quirk policies (the MEGC2020 baseline's for CAS(ME)²); every one can be changed per
#: manifest entry under ``quirks:``.
DEFAULT_POLICIES: dict[str, str] = {
    "offset_zero": "apex",          # CAS(ME)²: offset 0 → offset := apex      | drop
    "apex_zero": "midpoint",        # CAS(ME)²/SAMM: apex 0 or −1 → (onset+offset)/2 | drop
    "offset_before_apex": "keep",   # 0 < offset < apex: keep onset..offset     | extend (offset := apex) | drop
    "onset_zero": "first_frame",    # SAMM: onset 0 → onset := 1                 | drop
    "non_integer": "round_half_up",  # SAMM: 566.4 → 566, 647.5 → 648            | drop
    "past_last_frame": "clip",      # offset beyond the last frame on disk → last frame | drop
}
_POLICY_CHOICES = {
    "offset_zero": {"apex", "drop"},
    "apex_zero": {"midpoint", "drop"},
    "offset_before_apex": {"keep", "extend", "drop"},
    "onset_zero": {"first_frame", "drop"},
    "non_integer": {"round_half_up", "drop"},
    "past_last_frame": {"clip", "drop"},
}


@dataclass
class Dataset:
    """A dataset as the kit sees it: intervals, videos and audit findings (see module doc)."""

    name: str
    format: str
    fps: float
    intervals: pd.DataFrame
    videos: pd.DataFrame
    findings: pd.DataFrame
    licence: str = ""
    citation: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def subjects(self) -> list[str]:
        """Subjects in sorted order (of the videos table)."""
        return sorted(self.videos["subject"].unique().tolist())

    def video_intervals(self, subject: str, video: str, type: str | None = None) -> pd.DataFrame:
        """Intervals of one video (optionally of one ``type``), sorted by onset."""
        iv = self.intervals
        m = (iv["subject"] == subject) & (iv["video"] == video)
        if type is not None:
            m &= iv["type"] == type
        return iv[m].sort_values("onset").reset_index(drop=True)

    def video_row(self, subject: str, video: str) -> pd.Series:
        """The ``videos`` row of (subject, video); a clear error if it is not in the dataset."""
        v = self.videos
        m = (v["subject"] == subject) & (v["video"] == video)
        if not m.any():
            raise MespotError(f"dataset '{self.name}' has no video ({subject!r}, {video!r}); "
                              f"it has {len(v)} videos, e.g. {v.iloc[0]['video'] if len(v) else '-'}")
        return v[m].iloc[0]

    def summary(self) -> pd.DataFrame:
        """Counts per subject and type (a table for notebook 00)."""
        t = self.intervals.pivot_table(index="subject", columns="type", values="onset",
                                       aggfunc="count", fill_value=0)
        for c in ("micro", "macro"):
            if c not in t:
                t[c] = 0
        return t[["micro", "macro"]].astype(int)


def _annotation_base(first_frame: int | str, info: _FolderInfo) -> int:
    """The number the annotations give the kit's frame 1 (``auto``: the folder's first file)."""
    if first_frame == "auto":
        return info.first if info.first is not None else 1
    return int(first_frame)


def _numbering_findings(a: _Audit, subj: str, video: str, first_frame: int | str, base: int,
                        info: _FolderInfo) -> None:
    """Report how a video's annotations map onto its files (only where it is not the plain case)."""
    if base != 1:
        a.add(None, subj, video, "first_frame",
              f"annotations count from {base}" + (f" (files from {info.first})"
                                                  if info.first is not None else ""),
              f"onset/apex/offset shifted by {1 - base:+d}", policy=f"first_frame: {first_frame}")
    if info.first is not None and info.first != base:
        a.add(None, subj, video, "frame_numbering", f"files numbered from {info.first}",
              f"frame 1 = {info.first_name}; annotations count from {base} "
              f"(first_frame: {first_frame})", policy="report")
    if info.gaps:
        shown = ", ".join(str(g) for g in info.gaps[:10])
        more = f" … ({len(info.gaps)} in all)" if len(info.gaps) > 10 else ""
        a.add(None, subj, video, "frame_gaps", f"no file numbered {shown}{more}",
              "read as undecodable frames (None); later frames keep their numbers",
              policy="report")


# ----------------------------------------------------------------------------------------------
# helpers shared by the spreadsheet readers


class _Audit:
    """Collects findings and applies the quirk policies."""

    def __init__(self, policies: dict[str, str] | None, where: str):
        self.policies = dict(DEFAULT_POLICIES)
        for k, v in (policies or {}).items():
            if k not in _POLICY_CHOICES:
                raise MespotError(f"{where}: unknown quirk policy '{k}'; known: "
                                  f"{', '.join(_POLICY_CHOICES)}")
            if v not in _POLICY_CHOICES[k]:
                raise MespotError(f"{where}: quirk policy {k}: {v!r} is not one of "
                                  f"{', '.join(sorted(_POLICY_CHOICES[k]))}")
            self.policies[k] = v
        self.rows: list[dict[str, Any]] = []

    def add(self, row: int | None, subject: str, video: str, quirk: str, value: Any,
            action: str, policy: str | None = None) -> None:
        self.rows.append(dict(row=row, subject=subject, video=video, quirk=quirk, value=str(value),
                              policy=policy if policy is not None else self.policies.get(quirk, ""),
                              action=action))

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=FINDING_COLUMNS)


def _round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


def _fix_frames(a: _Audit, row: int, subject: str, video: str, onset: Any, apex: Any,
                offset: Any, apex_missing: tuple[float, ...], offset_zero: bool,
                shift: int = 0) -> tuple | None:
    """Apply the frame-number policies to one row; None if the row is dropped.

    The dataset's own markers (offset 0, apex 0/−1) are recognised on the values as written;
    ``shift`` (``1 - first_frame``) then turns them into the kit's 1-based frames, and
    ``onset_zero`` is an onset that lands on frame 0 of the kit.
    """
    vals = []
    for name, v in (("onset", onset), ("apex", apex), ("offset", offset)):
        try:
            f = float(v)
        except (TypeError, ValueError):
            a.add(row, subject, video, "non_numeric", f"{name}={v!r}", "row dropped", policy="drop")
            return None
        if math.isnan(f):
            a.add(row, subject, video, "non_numeric", f"{name}=empty", "row dropped", policy="drop")
            return None
        if f != int(f):
            if a.policies["non_integer"] == "drop":
                a.add(row, subject, video, "non_integer", f"{name}={f}", "row dropped")
                return None
            r = _round_half_up(f)
            a.add(row, subject, video, "non_integer", f"{name}={f}", f"{name} := {r}")
            f = r
        vals.append(int(f))
    on_raw, ap_raw, off_raw = vals
    on, ap, off = (v + shift for v in vals)
    if offset_zero and off_raw == 0:
        if a.policies["offset_zero"] == "drop":
            a.add(row, subject, video, "offset_zero", "offset=0", "row dropped")
            return None
        a.add(row, subject, video, "offset_zero", "offset=0", f"offset := apex = {ap}")
        off = ap
    if on == 0:
        if a.policies["onset_zero"] == "drop":
            a.add(row, subject, video, "onset_zero", f"onset={on_raw}", "row dropped")
            return None
        a.add(row, subject, video, "onset_zero", f"onset={on_raw}", "onset := 1 (first frame)")
        on = 1
    if ap_raw in apex_missing:
        if a.policies["apex_zero"] == "drop":
            a.add(row, subject, video, "apex_zero", f"apex={ap_raw}", "row dropped")
            return None
        mid = _round_half_up((on + off) / 2)
        a.add(row, subject, video, "apex_zero", f"apex={ap_raw}",
              f"apex := (onset+offset)/2 = {mid}")
        ap = mid
    if 0 < off < ap:
        pol = a.policies["offset_before_apex"]
        if pol == "drop":
            a.add(row, subject, video, "offset_before_apex", f"apex={ap} offset={off}", "row dropped")
            return None
        if pol == "extend":
            a.add(row, subject, video, "offset_before_apex", f"apex={ap} offset={off}",
                  f"offset := apex = {ap}")
            off = ap
        else:
            a.add(row, subject, video, "offset_before_apex", f"apex={ap} offset={off}",
                  "kept: interval onset..offset, apex lies after it")
    if off < on:
        a.add(row, subject, video, "offset_before_onset", f"onset={on} offset={off}", "row dropped",
              policy="drop")
        return None
    return on, ap, off


def _clip_to_frames(a: _Audit, iv: pd.DataFrame, videos: pd.DataFrame) -> pd.DataFrame:
    """Apply ``past_last_frame`` where the frames are on disk (n_frames known)."""
    if iv.empty:
        return iv
    n = videos.set_index(["subject", "video"])["n_frames"]
    keep = []
    for i, r in iv.iterrows():
        last = n.get((r["subject"], r["video"]))
        ok = True
        if last is not None and not pd.isna(last) and r["offset"] > last:
            if a.policies["past_last_frame"] == "drop" or r["onset"] > last:
                a.add(r["row"], r["subject"], r["video"], "past_last_frame",
                      f"offset={r['offset']} last={last}", "row dropped",
                      policy=a.policies["past_last_frame"])
                ok = False
            else:
                a.add(r["row"], r["subject"], r["video"], "past_last_frame",
                      f"offset={r['offset']} last={last}", f"offset := {int(last)}")
                iv.at[i, "offset"] = int(last)
                iv.at[i, "apex"] = min(int(r["apex"]), int(last))
        keep.append(ok)
    return iv[np.array(keep, dtype=bool)].reset_index(drop=True)


def _intervals_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=INTERVAL_COLUMNS + ["row"])
    for c in ("onset", "apex", "offset"):
        df[c] = df[c].astype("int64")
    for c in ("subject", "video", "type"):
        df[c] = df[c].astype(str)
    return df


def _videos_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=VIDEO_COLUMNS)
    df["n_frames"] = df["n_frames"].astype("Int64")
    order = sorted(range(len(df)), key=lambda i: (natural_key(str(df["subject"].iat[i])),
                                                  natural_key(str(df["video"].iat[i]))))
    return df.iloc[order].reset_index(drop=True)


def _dataset(name: str, fmt: str, fps: float, iv: pd.DataFrame, vids: list[dict], audit: _Audit
             ) -> Dataset:
    """Assemble a reader's result: the videos table, offsets clipped to the frames on disk."""
    videos = _videos_frame(vids)
    iv = _clip_to_frames(audit, iv, videos)
    return Dataset(name=name, format=fmt, fps=fps, intervals=iv, videos=videos,
                   findings=audit.frame())


def _read_excel(path: Path, **kw) -> Any:
    if not path.exists():
        raise MespotError(f"annotation file not found: {path}")
    try:
        return pd.read_excel(path, engine="openpyxl", **kw)
    except Exception as e:  # openpyxl/zipfile errors for a non-xlsx file
        raise MespotError(f"cannot read {path} as an .xlsx spreadsheet ({type(e).__name__}: {e}); "
                          "point the manifest at the dataset's original annotation workbook") from None


# ----------------------------------------------------------------------------------------------
# CAS(ME)²


def read_casme2(annotations: str | Path, frames_root: str | Path | None = None,
                policies: dict[str, str] | None = None, fps: float = 30.0,
                name: str = "casme2", first_frame: int | str = 1) -> Dataset:
    """Read the CAS(ME)² annotation workbook (``CAS(ME)^2code_final.xlsx`` or a renamed copy).

    Sheet 0 (no header): ``subject, video (anger1_1), onset, apex, offset, AU, emotion,
    type (macro-expression|micro-expression), self-report``. Sheet 1 is row-aligned with sheet 0;
    its column 1 is the subject folder (``s15``). Sheet 2 maps code → name (``0401`` → ``anger1``).
    Canonical ids: subject ``s15``, video ``s15_0401``. Frames (optional):
    ``frames_root/s15/15_0401girlcrashing/img<N>.jpg``.

    ``first_frame``: the number the workbook gives a video's first frame. The published workbook
    counts from 1 (``rawpic`` starts at ``img1.jpg``) — keep the default 1 even for a local copy
    whose files start at ``img0.jpg``; ``auto`` takes each video's first file number.
    """
    first_frame = check_first_frame(first_frame, f"dataset '{name}'")
    path = Path(annotations)
    sheets = _read_excel(path, sheet_name=None, header=None, dtype=object)
    where = f"{path.name}"
    if len(sheets) < 3:
        raise MespotError(f"{where}: a CAS(ME)² workbook has 3 sheets (codes, naming rule1, "
                          f"naming rule2); this one has {len(sheets)}. Is it the right file?")
    s0, s1, s2 = list(sheets.values())[:3]
    if s0.shape[1] < 8:
        raise MespotError(f"{where}: sheet 0 has {s0.shape[1]} columns; CAS(ME)² has 9 (subject, "
                          "video, onset, apex, offset, AU, emotion, type, self-report)")
    if len(s1) != len(s0) or s1.shape[1] < 2:
        raise MespotError(f"{where}: sheet 1 ('naming rule1') must have one row per row of sheet 0 "
                          f"with the subject folder in column 2; it has {len(s1)} rows vs {len(s0)}")
    if s2.shape[1] < 2:
        raise MespotError(f"{where}: sheet 2 ('naming rule2') must map codes to names in 2 columns")
    code_of = {}
    for c, n in zip(s2.iloc[:, 0], s2.iloc[:, 1]):
        if pd.isna(c) or pd.isna(n):
            continue
        cs = str(c).strip()
        if cs.endswith(".0"):
            cs = cs[:-2]
        code_of[str(n).strip()] = cs.zfill(4) if cs.isdigit() else cs

    a = _Audit(policies, where)
    root = Path(frames_root) if frames_root is not None else None

    def folder_of(subj: str, video: str) -> Path | None:
        if root is None:
            return None
        sdir = root / subj
        code = video.split("_", 1)[1]
        num = int(subj[1:])
        if sdir.is_dir():
            cands = sorted(p for p in sdir.iterdir() if p.is_dir()
                           and re.match(rf"0*{num}_{code}", p.name))
            return cands[0] if cands else None
        return None

    infos: dict[tuple[str, str], _FolderInfo] = {}

    def info_of(subj: str, video: str) -> _FolderInfo:
        if (subj, video) not in infos:
            infos[subj, video] = _folder_info(folder_of(subj, video))
        return infos[subj, video]

    rows = []
    for i in range(len(s0)):
        xl = i + 1  # no header: Excel row number
        r = s0.iloc[i]
        subj = str(s1.iloc[i, 1]).strip()
        vname = str(r[1]).strip()
        base = vname.rsplit("_", 1)[0]
        code = code_of.get(base)
        if not re.fullmatch(r"s\d+", subj) or code is None:
            a.add(xl, subj, vname, "unknown_video", f"subject={subj} video={vname}", "row dropped",
                  policy="drop")
            continue
        video = f"{subj}_{code}"
        ty = str(r[7]).strip().lower()
        if ty.startswith("micro"):
            ty = "micro"
        elif ty.startswith("macro"):
            ty = "macro"
        else:
            a.add(xl, subj, video, "unknown_type", r[7], "row dropped", policy="drop")
            continue
        base = _annotation_base(first_frame, info_of(subj, video)) if first_frame == "auto" \
            else first_frame
        fixed = _fix_frames(a, xl, subj, video, r[2], r[3], r[4], apex_missing=(0,),
                            offset_zero=True, shift=1 - base)
        if fixed is None:
            continue
        on, ap, off = fixed
        rows.append(dict(subject=subj, video=video, onset=on, apex=ap, offset=off, type=ty, row=xl))
    iv = _intervals_frame(rows)

    vids = []
    pairs = sorted(set(zip(iv["subject"], iv["video"])))
    if root is not None and root.is_dir():
        for sdir in sorted(p for p in root.iterdir() if p.is_dir() and re.fullmatch(r"s\d+", p.name)):
            num = sdir.name[1:]
            for vdir in sorted(p for p in sdir.iterdir() if p.is_dir()):
                m = re.match(rf"0*{int(num)}_(\d{{4}})", vdir.name)
                if m:
                    pairs.append((sdir.name, f"{sdir.name}_{m.group(1)}"))
    for subj, video in sorted(set(pairs)):
        folder = folder_of(subj, video)
        if root is not None and folder is None:
            code = video.split("_", 1)[1]
            a.add(None, subj, video, "missing_frames", str(root / subj / f"{int(subj[1:])}_{code}*"),
                  "video listed without frames", policy="report")
        info = info_of(subj, video)
        _numbering_findings(a, subj, video, first_frame, _annotation_base(first_frame, info), info)
        vids.append(dict(subject=subj, video=video, source=str(folder) if folder else None,
                         n_frames=info.n_frames, fps=fps))
    return _dataset(name, "casme2", fps, iv, vids, a)


# ----------------------------------------------------------------------------------------------
# SAMM Long Videos

_SAMM_REQUIRED = ["Subject", "Filename", "Onset", "Apex", "Offset", "Type"]


def read_samm_lv(annotations: str | Path, frames_root: str | Path | None = None,
                 policies: dict[str, str] | None = None, fps: float = 200.0,
                 name: str = "samm-lv", first_frame: int | str = 1) -> Dataset:
    """Read the SAMM Long Videos workbook (``SAMM_LongVideos_V1_Release.xlsx`` / V2 / renamed).

    Preamble rows, then a header row starting with ``Subject`` (row 10 in the releases):
    ``Subject, Filename (006_1_2), Inducement Code, Onset, Apex, Offset, Duration,
    Type (Macro | Micro - 1/2), Action Units, Notes``. Canonical ids: subject ``006``, video
    ``006_1``. Frames (optional): ``frames_root/006_1/006_1_0001.jpg`` (4 or 5 digits).

    ``first_frame``: the number the workbook gives a video's first frame. The published workbook
    counts from 1 (the release's files start at ``_0001``) — keep the default 1 even for a copy
    re-extracted from 0; ``auto`` takes each video's first file number.
    """
    first_frame = check_first_frame(first_frame, f"dataset '{name}'")
    path = Path(annotations)
    where = path.name
    raw = _read_excel(path, sheet_name=0, header=None, dtype=object)
    header_row = None
    for i in range(min(len(raw), 40)):
        cells = [str(c).strip() for c in raw.iloc[i].tolist()]
        if cells and cells[0] == "Subject" and "Onset" in cells:
            header_row = i
            break
    if header_row is None:
        raise MespotError(f"{where}: no header row starting with 'Subject' (with 'Onset') in the "
                          "first 40 rows; is this the SAMM Long Videos annotation workbook?")
    header = [str(c).strip() for c in raw.iloc[header_row].tolist()]
    missing = [c for c in _SAMM_REQUIRED if c not in header]
    if missing:
        raise MespotError(f"{where}: header on row {header_row + 1} lacks column(s) "
                          f"{', '.join(missing)}; found {', '.join(h for h in header if h != 'nan')}")
    col = {h: header.index(h) for h in _SAMM_REQUIRED}
    a = _Audit(policies, where)
    root = Path(frames_root) if frames_root is not None else None
    infos: dict[str, _FolderInfo] = {}

    def info_of(video: str) -> _FolderInfo:
        if video not in infos:
            infos[video] = _folder_info(root / video if root is not None else None)
        return infos[video]

    rows = []
    for i in range(header_row + 1, len(raw)):
        r = raw.iloc[i]
        xl = i + 1
        if pd.isna(r[col["Subject"]]) and pd.isna(r[col["Filename"]]):
            continue
        fname = str(r[col["Filename"]]).strip()
        parts = fname.split("_")
        if len(parts) < 2:
            a.add(xl, str(r[col["Subject"]]), fname, "unknown_video", fname, "row dropped",
                  policy="drop")
            continue
        subj = parts[0].zfill(3) if parts[0].isdigit() else parts[0]
        video = f"{subj}_{parts[1]}"
        ty = str(r[col["Type"]]).strip().lower()
        if ty.startswith("micro"):
            ty = "micro"
        elif ty.startswith("macro"):
            ty = "macro"
        else:
            a.add(xl, subj, video, "unknown_type", r[col["Type"]], "row dropped", policy="drop")
            continue
        base = _annotation_base(first_frame, info_of(video)) if first_frame == "auto" \
            else first_frame
        fixed = _fix_frames(a, xl, subj, video, r[col["Onset"]], r[col["Apex"]], r[col["Offset"]],
                            apex_missing=(-1, 0), offset_zero=False, shift=1 - base)
        if fixed is None:
            continue
        on, ap, off = fixed
        rows.append(dict(subject=subj, video=video, onset=on, apex=ap, offset=off, type=ty, row=xl))
    iv = _intervals_frame(rows)

    pairs = set(zip(iv["subject"], iv["video"]))
    if root is not None and root.is_dir():
        for vdir in root.iterdir():
            m = re.fullmatch(r"(\d+)_(\d+)", vdir.name)
            if vdir.is_dir() and m:
                pairs.add((m.group(1), vdir.name))
    vids = []
    for subj, video in sorted(pairs):
        folder = root / video if root is not None else None
        if folder is not None and not folder.is_dir():
            a.add(None, subj, video, "missing_frames", str(folder), "video listed without frames",
                  policy="report")
            folder = None
        info = info_of(video)
        _numbering_findings(a, subj, video, first_frame, _annotation_base(first_frame, info), info)
        vids.append(dict(subject=subj, video=video, source=str(folder) if folder else None,
                         n_frames=info.n_frames, fps=fps))
    return _dataset(name, "samm-lv", fps, iv, vids, a)


# ----------------------------------------------------------------------------------------------
# MEGC CSV (SMIC-E-Long, anyone's own labels, predictions)

CSV_REQUIRED = ["subject", "video", "onset", "offset"]


def read_megc_csv_table(path: str | Path, what: str = "annotations") -> pd.DataFrame:
    """Read a CSV in the MEGC format ``subject,video,onset,offset[,type][,score][,emotion]``.

    Returns the table with ``subject``/``video`` as strings, ``onset``/``offset`` as int64,
    ``type`` (if present) normalised to micro/macro, ``score`` (if present) as float, and ``row``
    (the CSV line number, header = line 1). Raises :class:`MespotError` naming the file and row
    for missing columns, non-numeric frames, onset > offset or an unknown type.
    """
    path = Path(path)
    if not path.exists():
        raise MespotError(f"{what} file not found: {path}")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, skipinitialspace=True)
    except Exception as e:
        raise MespotError(f"cannot read {what} {path} as CSV: {e}") from None
    df.columns = [str(c).strip().lower() for c in df.columns]
    missing = [c for c in CSV_REQUIRED if c not in df.columns]
    if missing:
        raise MespotError(f"{what} {path}: missing column(s) {', '.join(missing)}; the MEGC format "
                          "is subject,video,onset,offset[,apex][,type][,score][,emotion] with a header "
                          "row")
    df["row"] = np.arange(2, len(df) + 2)
    for c in ("onset", "offset"):
        vals = pd.to_numeric(df[c].str.strip(), errors="coerce")
        bad = vals.isna() | (vals != vals.round())
        if bad.any():
            r = int(df["row"][bad].iloc[0])
            raise MespotError(f"{what} {path}, row {r}: {c} {df[c][bad].iloc[0]!r} is not a whole "
                              "frame number")
        df[c] = vals.astype("int64")
    bad = df["onset"] > df["offset"]
    if bad.any():
        r = df[bad].iloc[0]
        raise MespotError(f"{what} {path}, row {int(r['row'])}: onset {r['onset']} > offset "
                          f"{r['offset']} ({r['subject']}, {r['video']}); fix or remove that row")
    df["subject"] = df["subject"].astype(str).str.strip()
    df["video"] = df["video"].astype(str).str.strip()
    if "type" in df.columns:
        t = df["type"].str.strip().str.lower()
        norm = t.map(lambda s: "micro" if s.startswith("micro") or s == "me"
                     else ("macro" if s.startswith("macro") or s == "mae" else None))
        if norm.isna().any():
            r = df[norm.isna()].iloc[0]
            raise MespotError(f"{what} {path}, row {int(r['row'])}: type {r['type']!r} is neither "
                              "micro nor macro")
        df["type"] = norm
    if "apex" in df.columns:   # optional (a reviewer's labels carry it); blank = midpoint
        ap = pd.to_numeric(df["apex"].astype(str).str.strip().replace("", np.nan),
                           errors="coerce")
        given = df["apex"].astype(str).str.strip().ne("") & df["apex"].notna()
        bad = given & (ap.isna() | (ap != ap.round()) | (ap < df["onset"]) | (ap > df["offset"]))
        if bad.any():
            r = df[bad].iloc[0]
            raise MespotError(f"{what} {path}, row {int(r['row'])}: apex {r['apex']!r} is not a "
                              f"whole frame between onset {r['onset']} and offset {r['offset']}")
        df["apex"] = ap.where(given)
    if "score" in df.columns:
        sc = pd.to_numeric(df["score"], errors="coerce")
        if sc.isna().any():
            r = df[sc.isna()].iloc[0]
            raise MespotError(f"{what} {path}, row {int(r['row'])}: score {r['score']!r} is not a "
                              "number")
        df["score"] = sc.astype(float)
    return df


def read_megc_csv(annotations: str | Path, frames_pattern: str | None = None,
                  fps: float | None = None, default_type: str = "micro",
                  name: str = "csv", first_frame: int | str = "auto") -> Dataset:
    """Read ground truth in the MEGC CSV format (SMIC-E-Long, or a user's own labels).

    ``frames_pattern`` (optional) locates each video's frames folder or file, e.g.
    ``/data/smic/{subject}/{video}``. Rows without ``type`` take ``default_type`` (recorded as a
    finding). An optional ``apex`` column is read (a reviewer's labels carry one); where it is
    absent or blank, ``apex`` := (onset+offset)/2, round half up.

    ``first_frame`` is the number the CSV gives a video's first frame: ``1``, ``0`` (labels
    written against files ``img0.jpg`` …, or 0-based frame indices) or ``auto`` (default: the
    number of the first file in the video's frames folder, so labels written against the file
    names land on those files; 1 where the folder is not on disk or the source is a video file).
    Labels are shifted by ``1 - first_frame`` into the kit's 1-based frames; a label that would
    fall before frame 1 is an error naming the row and the option to set.
    """
    if fps is None:
        raise MespotError(f"dataset '{name}': format csv needs `fps:` in its manifest entry")
    first_frame = check_first_frame(first_frame, f"dataset '{name}'")
    df = read_megc_csv_table(annotations)
    a = _Audit(None, Path(annotations).name)
    if "type" not in df.columns:
        df["type"] = default_type
        a.add(None, "*", "*", "no_type_column", "", f"every row typed {default_type}",
              policy="default_type")
    vids = []
    base_of: dict[tuple[str, str], int] = {}
    for subj, video in sorted(set(zip(df["subject"], df["video"]))):
        src = None
        n = None
        info = _FolderInfo()
        if frames_pattern:
            p = Path(frames_pattern.format(subject=subj, video=video))
            if p.exists():
                src = str(p)
                if p.is_dir():
                    info = _folder_info(p)
                    n = info.n_frames
            else:
                a.add(None, subj, video, "missing_frames", str(p), "video listed without frames",
                      policy="report")
        base = base_of[subj, video] = _annotation_base(first_frame, info)
        _numbering_findings(a, subj, video, first_frame, base, info)
        vids.append(dict(subject=subj, video=video, source=src, n_frames=n, fps=fps))
    rows = []
    for r in df.itertuples():
        shift = 1 - base_of[r.subject, r.video]
        on, off = r.onset + shift, r.offset + shift
        if on < 1:
            raise MespotError(
                f"annotations {annotations}, row {r.row}: onset {r.onset} ({r.subject}, "
                f"{r.video}) falls before the first frame, which these labels number "
                f"{base_of[r.subject, r.video]} (first_frame: {first_frame}); set `first_frame:` "
                "in the dataset's manifest entry to the number the labels give a video's first "
                "frame (`first_frame: 0` if they count from 0)")
        apex = getattr(r, "apex", np.nan)
        apex = _round_half_up((on + off) / 2) if pd.isna(apex) else int(apex) + shift
        rows.append(dict(subject=r.subject, video=r.video, onset=on, apex=apex, offset=off,
                         type=r.type, row=r.row))
    iv = _intervals_frame(rows)
    return _dataset(name, "csv", fps, iv, vids, a)


#: A video file stating more frames a second than this gets a warning from
#: :func:`read_video_source` (SAMM's 200 fps does not): a variable-frame-rate container often
#: states 1000.
HIGH_FPS = 240.0


def read_video_source(source: str | Path, fps: float | None = None, name: str = "video") -> Dataset:
    """A single video file or frames folder without labels (spot-only use).

    The subject is ``user`` and the video id the file/folder name; fps comes from the file (or
    the ``fps`` argument for a frames folder).
    """
    p = Path(source)
    if not p.exists():
        raise MespotError(f"video source not found: {p}")
    if fps is not None:
        check_fps(fps, str(p))
    n = None
    if p.is_dir():
        n = _count_frames(p)
        if n is None:
            raise MespotError(f"{p} holds no image frames ({', '.join(IMAGE_SUFFIXES)})")
        if fps is None:
            raise MespotError(f"{p} is a frames folder: give its frame rate (--fps / `fps:` in the "
                              "manifest entry)")
    else:
        import cv2

        cap = cv2.VideoCapture(str(p))
        if not cap.isOpened():
            raise MespotError(f"cannot open video file {p} (OpenCV could not decode it); convert "
                              "it to mp4/avi or extract its frames into a folder")
        file_fps = cap.get(cv2.CAP_PROP_FPS)
        n = stated_frame_count(cap)     # None: the reader counts them (video.FrameSource)
        cap.release()
        if fps is None:
            fps = file_fps if file_fps and file_fps > 0 else None
            if fps is not None and fps > HIGH_FPS:
                warnings.warn(f"{p} states {fps:g} fps: unless it is a high-speed recording, "
                              "that is a variable-frame-rate file's placeholder (webm, mkv, "
                              "phone videos); pass its real rate with --fps", stacklevel=2)
        if fps is None:
            raise MespotError(f"{p}: the file states no frame rate; pass --fps")
    vid = p.stem if p.is_file() else p.name
    videos = _videos_frame([dict(subject="user", video=vid, source=str(p), n_frames=n, fps=fps)])
    return Dataset(name=name, format="video", fps=float(fps), intervals=_intervals_frame([]),
                   videos=videos, findings=pd.DataFrame(columns=FINDING_COLUMNS))


def read_annotations(path: str | Path, format: str, **kw) -> Dataset:
    """Read an annotation file of a given format without a manifest (used by ``mespot evaluate``)."""
    if format == "casme2":
        return read_casme2(path, **kw)
    if format == "samm-lv":
        return read_samm_lv(path, **kw)
    if format == "csv":
        kw.setdefault("fps", 1.0)
        return read_megc_csv(path, **kw)
    raise MespotError(f"unknown annotation format {format!r}; use casme2, samm-lv or csv")
