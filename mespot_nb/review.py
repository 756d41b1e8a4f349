"""The annotator's review loop: candidates → accept / reject / adjust → labels → retrain.

A :class:`Review` holds the candidates of some videos (a ``mespot spot`` CSV, or a method run on
the spot) and the annotator's decisions. Its files, beside each other:

* ``LABELS.csv`` — the accepted intervals in the MEGC CSV format
  (``subject,video,onset,offset,type`` + ``apex,note,candidate``), rewritten atomically on every
  click; a ``format: csv`` manifest entry (:meth:`Review.manifest_entry`) makes it a dataset;
* ``LABELS.log.jsonl`` — every event, append-only (the truth: the labels file is rebuilt from
  it, so a kernel restart or a closed tab loses nothing and the review resumes where it stopped);
* ``LABELS.csv.lock`` — the process writing them: a second kernel is refused.

Hand edits of the labels file are checked (a bad row is named, nothing is overwritten) and
adopted into the log. :meth:`Review.retrain` trains a learned method on the labelled videos and
re-orders the unreviewed candidates by its scores; :func:`simulate_review` runs the loop with
the ground truth as the annotator. :meth:`Review.widget` is the ipywidgets front end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import logging
import os
import socket
import tempfile
import uuid
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._io import atomic_path
from .cache import video_entry_name
from .errors import MespotError
from .intervals import covered_frames, iou_matrix
from .readers import Dataset, read_megc_csv, read_megc_csv_table, read_video_source

log = logging.getLogger(__name__)

LABEL_COLUMNS = ["subject", "video", "onset", "offset", "type", "apex", "note", "candidate"]
CANDIDATE_COLUMNS = ["id", "subject", "video", "onset", "offset", "type", "score"]
TYPES = ("micro", "macro")
#: Keyboard shortcuts of the widget (key → button).
SHORTCUTS = {"a": "accept", "r": "reject", "s": "skip", "u": "undo", "t": "type",
             "j": "onset-minus", "k": "onset-plus", "n": "offset-minus", "m": "offset-plus"}


def log_path(labels: str | os.PathLike) -> Path:
    """The decision log of a labels file: ``x.csv`` → ``x.log.jsonl``."""
    p = Path(labels)
    return p.with_name(p.stem + ".log.jsonl")


def lock_path(labels: str | os.PathLike) -> Path:
    """The lock file of a labels file: ``x.csv`` → ``x.csv.lock``."""
    p = Path(labels)
    return p.with_name(p.name + ".lock")


def candidate_id(subject: str, video: str, onset: int, offset: int) -> str:
    """A candidate's stable id: ``subject/video/onset-offset`` (as first spotted)."""
    return f"{subject}/{video}/{int(onset)}-{int(offset)}"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ----------------------------------------------------------------------------------------------
# candidates


def read_candidates(candidates, dataset: Dataset, what: str = "candidates") -> pd.DataFrame:
    """Candidates (a ``mespot spot`` CSV path or a DataFrame of MEGC rows) checked against the
    dataset's videos; returns :data:`CANDIDATE_COLUMNS`, one row per distinct interval."""
    where = "candidates"
    if isinstance(candidates, (str, os.PathLike)):
        where = f"{what} {candidates}"
        df = read_megc_csv_table(candidates, what=what)
    else:
        df = pd.DataFrame(candidates).copy()
        missing = [c for c in ("subject", "video", "onset", "offset") if c not in df]
        if missing:
            raise MespotError(f"candidates lack column(s) {', '.join(missing)}; give MEGC rows "
                              "subject, video, onset, offset[, type][, score]")
        df["row"] = np.arange(2, len(df) + 2)
        df["subject"] = df["subject"].astype(str)
        df["video"] = df["video"].astype(str)
    if "type" not in df:
        df["type"] = "micro"
    if "score" not in df:   # file order: the first candidate first
        df["score"] = 1.0 - np.arange(len(df)) / max(len(df), 1)
    known = {(str(s), str(v)): n for s, v, n in
             zip(dataset.videos["subject"], dataset.videos["video"], _n_frames(dataset))}
    for r in df.itertuples():
        key = (str(r.subject), str(r.video))
        if key not in known:
            raise MespotError(f"{where}, row {r.row}: video ({r.subject}, {r.video}) is not in "
                              f"dataset '{dataset.name}' (it has {_examples(dataset)}); review "
                              "the candidates with the dataset they were spotted on")
        n = known[key]
        if int(r.onset) < 1 or int(r.onset) > int(r.offset) or (n and int(r.offset) > n):
            raise MespotError(f"{where}, row {r.row}: frames {r.onset}–{r.offset} are not inside "
                              f"({r.subject}, {r.video}), frames 1–{n}")
    out = pd.DataFrame({"subject": df["subject"].astype(str), "video": df["video"].astype(str),
                        "onset": df["onset"].astype("int64"),
                        "offset": df["offset"].astype("int64"),
                        "type": df["type"].astype(str), "score": df["score"].astype(float)})
    out.insert(0, "id", [candidate_id(*k) for k in
                         zip(out["subject"], out["video"], out["onset"], out["offset"])])
    out = out.sort_values("score", ascending=False, kind="stable").drop_duplicates("id")
    return out.reset_index(drop=True)[CANDIDATE_COLUMNS]


def _n_frames(dataset: Dataset) -> list[int]:
    """Frames of each video of the dataset (counted from the source where the table lacks it)."""
    from .video import open_video

    out = []
    for r in dataset.videos.itertuples():
        n = r.n_frames
        if (n is None or pd.isna(n)) and _src(r.source) and Path(r.source).exists():
            n = open_video(r.source, fps=float(r.fps)).n_frames
        out.append(int(n) if n is not None and not pd.isna(n) else 0)
    return out


def _src(source) -> str | None:
    """A videos table's ``source`` as a path string, or None (missing: None or NaN)."""
    return source if isinstance(source, str) and source else None


def _examples(dataset: Dataset) -> str:
    v = dataset.videos
    return ", ".join(f"({s}, {x})" for s, x in zip(v["subject"].head(4), v["video"].head(4)))


def first_videos(dataset: Dataset, n: int) -> Dataset:
    """The first video with frames of each of the first ``n`` subjects, with their intervals."""
    v = dataset.videos[dataset.videos["source"].notna()]
    v = v.groupby("subject", sort=False).head(1).head(int(n)).reset_index(drop=True)
    keys = set(zip(v["subject"], v["video"]))
    iv = dataset.intervals
    iv = iv[[k in keys for k in zip(iv["subject"], iv["video"])]].reset_index(drop=True)
    return replace(dataset, videos=v, intervals=iv)


def spotter_candidates(features: dict, method: str = "flow-peak", p: float | None = None
                       ) -> pd.DataFrame:
    """A training-free method's intervals on ``{(subject, video): VideoFeatures}`` as MEGC rows
    (``p`` default: the method's)."""
    from .methods import get_method
    from .training import free_predictions

    m = get_method(method)
    if m.trainable:
        raise MespotError(f"{m.title} is learned: give its predictions as a CSV, or use a "
                          "training-free method (flow-peak, mdmd) for candidates")
    kw = {k: v for k, v in m.spot_settings().items()
          if k not in ("select_protocol", "select_type", "extent")}
    return free_predictions(m, features, m.free.default if p is None else float(p), kw)


# ----------------------------------------------------------------------------------------------
# the log's replay


class _State:
    """What the log says: videos, candidates, decisions (an undo stack), scores, manual rows."""

    def __init__(self):
        self.videos: dict[tuple[str, str], dict] = {}
        self.cands: dict[str, dict] = {}
        self.stack: list[dict] = []          # decision events not undone, in order
        self.model_scores: dict[str, float] = {}
        self.model: dict | None = None
        self.manual: list[dict] = []
        self.shas: set[str] = set()          # every labels file this log has written

    def apply(self, ev: dict) -> None:
        kind = ev["event"]
        if kind in ("start", "videos"):
            for v in ev["videos"]:
                self.videos[(v["subject"], v["video"])] = dict(v)
        elif kind == "video_moved":
            self.videos[(ev["subject"], ev["video"])]["source"] = ev["new"]
        elif kind == "candidates":
            for c in ev["rows"]:
                self.cands.setdefault(c["id"], dict(c))
        elif kind == "decision":
            self.stack.append(ev)
        elif kind == "undo":
            self.stack = [e for e in self.stack if e["seq"] != ev["undoes"]]
        elif kind == "scores":
            self.model_scores.update(ev["scores"])
            self.model = ev.get("model")
        elif kind == "manual":
            self.manual = list(ev["rows"])
        if ev.get("labels_sha"):
            self.shas.add(ev["labels_sha"])

    def decision(self, cid: str) -> dict | None:
        """The standing decision on a candidate (None: never decided, or undone)."""
        for e in reversed(self.stack):
            if e["id"] == cid:
                return e
        return None

    def label_rows(self) -> pd.DataFrame:
        """The labels file's rows: manual rows + accepted candidates, sorted."""
        rows = [dict(r, candidate="") for r in self.manual]
        for cid in self.cands:
            d = self.decision(cid)
            if d is not None and d["action"] == "accept":
                c = self.cands[cid]
                rows.append(dict(subject=c["subject"], video=c["video"], onset=d["onset"],
                                 offset=d["offset"], type=d["type"], apex=d["apex"],
                                 note=d.get("note", ""), candidate=cid))
        df = pd.DataFrame(rows, columns=LABEL_COLUMNS)
        if len(df):
            df = df.sort_values(["subject", "video", "onset", "offset", "candidate"],
                                kind="stable")
        return df.reset_index(drop=True)


def render_labels(rows: pd.DataFrame) -> str:
    """The labels file's text (CSV with a header) of label rows."""
    buf = io.StringIO()
    rows[LABEL_COLUMNS].to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def _read_log(path: Path) -> list[dict]:
    """The events of a decision log; a torn last line (a write cut short) is dropped."""
    if not path.exists():
        return []
    data = path.read_bytes()
    lines = data.split(b"\n")
    events = []
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            ev = json.loads(line)
            if not isinstance(ev, dict) or "event" not in ev or "seq" not in ev:
                raise ValueError("not a decision-log event")
        except ValueError as e:
            if i == len(lines) and not data.endswith(b"\n"):
                warnings.warn(f"{path}: its last line was cut short (a write interrupted before "
                              "it finished) and is dropped; every completed decision is kept",
                              stacklevel=3)
                with open(path, "r+b") as fh:
                    fh.truncate(len(data) - len(line))
                break
            raise MespotError(f"decision log {path}, line {i}: {e}. The log is append-only; "
                              "restore that line from a backup or delete it (the labels file "
                              "is left as it is)") from None
        events.append(ev)
    return events


# ----------------------------------------------------------------------------------------------
# the lock: one writing process per labels file


def _alive(info: dict) -> bool:
    """Whether the process named in a lock file still runs (another host: assumed so)."""
    if info.get("host") != socket.gethostname():
        return True
    try:
        os.kill(int(info["pid"]), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, ValueError, KeyError, TypeError):
        return True
    return True


@contextlib.contextmanager
def _flocked(path: Path):
    """The lock file, open and held exclusively (``fcntl.flock``) for the block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+", encoding="utf-8")
    try:
        try:
            import fcntl

            fcntl.flock(fh, fcntl.LOCK_EX)
        except ImportError:   # pragma: no cover - no flock on this platform: best effort
            pass
        fh.seek(0)
        yield fh
    finally:
        fh.close()


def _lock_info(fh) -> dict | None:
    fh.seek(0)
    text = fh.read()
    try:
        info = json.loads(text) if text.strip() else None
    except ValueError:
        return None
    return info if isinstance(info, dict) else None


# ----------------------------------------------------------------------------------------------
# the review


class Review:
    """Candidates of some videos, the annotator's decisions on them, and their files.

    Open one with :func:`open_review` (a dataset's videos) or :func:`review_video` (one video
    spotted on the spot). Frames are 1-based inclusive everywhere.
    """

    def __init__(self, labels: Path, dataset: Dataset, features: dict | None, cache_dir,
                 method: str, profile: str, seed: int, model_features: dict | None):
        self.labels = labels
        self.log = log_path(labels)
        self.lock = lock_path(labels)
        self.dataset = dataset
        self.features = features or {}
        self.model_features = model_features
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.method = method
        self.profile = profile
        self.seed = int(seed)
        self.session = uuid.uuid4().hex[:12]
        self.state = _State()
        self.model = None
        self.closed = False
        self._log_size = 0
        self._labels_sha: str | None = None
        self._seq = 0

    # ------------------------------------------------------------------ files and concurrency

    def _acquire(self) -> None:
        with _flocked(self.lock) as fh:
            info = _lock_info(fh)
            if info and info.get("pid") != os.getpid() and _alive(info):
                raise MespotError(
                    f"labels file {self.labels} is already open for review in another process "
                    f"(pid {info.get('pid')} on {info.get('host')}, since {info.get('since')}); "
                    "two kernels writing one labels file would lose decisions. Close the review "
                    "there (`review.close()`, or shut that kernel down) and open it again here; "
                    f"if that process is gone, delete {self.lock}")
            fh.seek(0)
            fh.truncate()
            fh.write(json.dumps(dict(pid=os.getpid(), host=socket.gethostname(),
                                     session=self.session, since=_now())))
            fh.flush()

    def close(self) -> None:
        """Release the labels file (another kernel may then open it)."""
        if self.closed:
            return
        self.closed = True
        with _flocked(self.lock) as fh:
            info = _lock_info(fh)
            if info and info.get("session") == self.session:
                self.lock.unlink(missing_ok=True)

    def __enter__(self) -> "Review":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _commit(self, events: list[dict]) -> None:
        """Append events to the log and rewrite the labels file — only if nothing else wrote
        either since this review last did (compare-and-swap under the lock)."""
        if self.closed:
            raise MespotError(f"this review of {self.labels} is closed; open it again")
        with _flocked(self.lock) as fh:
            info = _lock_info(fh)
            if not info or info.get("session") != self.session:
                who = f"pid {info.get('pid')}" if info else "nobody (the lock file was removed)"
                raise MespotError(
                    f"labels file {self.labels} was opened again elsewhere (lock now held by "
                    f"{who}); this review is out of date and saved nothing. Use the newest "
                    "review (re-run its cell) — everything saved so far is kept")
            size = self.log.stat().st_size if self.log.exists() else 0
            if size != self._log_size:
                raise MespotError(
                    f"decision log {self.log} changed since this review last wrote it (another "
                    "process or a hand edit appended to it); nothing was saved. Open the review "
                    "again to continue from what the log holds")
            events = self._reconcile_labels() + events
            self._write(events)

    def _write(self, events: list[dict]) -> None:
        lines = []
        for ev in events:
            self._seq += 1
            ev = dict(seq=self._seq, time=_now(), session=self.session, **ev)
            self.state.apply(ev)
            lines.append(ev)
        text = render_labels(self.state.label_rows())
        sha = _sha(text)
        if lines:
            lines[-1]["labels_sha"] = sha
            self.state.shas.add(sha)
            payload = "".join(json.dumps(e, default=_plain) + "\n" for e in lines)
            with open(self.log, "a", encoding="utf-8") as fh:
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            self._log_size = self.log.stat().st_size
        if not self.labels.exists() or _sha(self.labels.read_text(encoding="utf-8")) != sha:
            with atomic_path(self.labels, suffix=".csv") as tmp:
                tmp.write_text(text, encoding="utf-8")
        self._labels_sha = sha

    def _reconcile_labels(self) -> list[dict]:
        """Events adopting a hand-edited labels file (checked first: a bad row is an error
        naming the file and row, and nothing is written)."""
        if not self.labels.exists():
            if self.state.stack or self.state.manual:
                warnings.warn(f"labels file {self.labels} is missing; rewritten from the decision "
                              f"log {self.log}", stacklevel=4)
            return []
        text = self.labels.read_text(encoding="utf-8")
        sha = _sha(text)
        if sha == self._labels_sha or sha in self.state.shas:
            return []     # written by this log (possibly before an interrupted rewrite)
        rows = self._read_labels_file()
        events = []
        by_id = {r["candidate"]: r for r in rows if r["candidate"] in self.state.cands}
        for cid, r in by_id.items():
            d = self.state.decision(cid)
            vals = {k: r[k] for k in ("onset", "apex", "offset", "type", "note")}
            if d is None or d["action"] != "accept" or any(d.get(k) != v for k, v in vals.items()):
                events.append(dict(event="decision", id=cid, action="accept", by="hand", **vals))
        for cid in self.state.cands:
            d = self.state.decision(cid)
            if d is not None and d["action"] == "accept" and cid not in by_id:
                events.append(dict(event="decision", id=cid, action="reject", by="hand",
                                   onset=d["onset"], apex=d["apex"], offset=d["offset"],
                                   type=d["type"], note=f"removed from {self.labels.name} by hand"))
        manual = [{k: r[k] for k in LABEL_COLUMNS if k != "candidate"}
                  for r in rows if r["candidate"] not in self.state.cands]
        if manual != self.state.manual:
            events.append(dict(event="manual", rows=manual))
        if events:
            log.warning("labels file %s was edited by hand: %d change(s) adopted into %s",
                        self.labels, len(events), self.log)
        return events

    def _read_labels_file(self) -> list[dict]:
        """The labels file's rows, checked (frames, type, known video); errors name the row."""
        df = read_megc_csv_table(self.labels, what="labels file")
        for c in LABEL_COLUMNS:
            if c not in df:
                df[c] = ""
        rows = []
        for r in df.itertuples():
            key = (r.subject, r.video)
            where = f"labels file {self.labels}, row {r.row}"
            if key not in self.state.videos:
                have = ", ".join(f"({s}, {v})" for s, v in list(self.state.videos)[:4])
                raise MespotError(f"{where}: video ({r.subject}, {r.video}) is not one of the "
                                  f"videos under review ({have}"
                                  f"{' …' if len(self.state.videos) > 4 else ''}); fix its "
                                  "subject/video or remove the row. Nothing was overwritten")
            n = int(self.state.videos[key].get("n_frames") or 0)
            if r.onset < 1 or (n and r.offset > n):
                raise MespotError(f"{where}: frames {r.onset}–{r.offset} are outside "
                                  f"({r.subject}, {r.video}), frames 1–{n}; fix the row. "
                                  "Nothing was overwritten")
            # read_megc_csv_table has checked a given apex (whole, inside onset..offset)
            given = getattr(r, "apex", np.nan)
            apex = int((r.onset + r.offset + 1) // 2) if pd.isna(given) else int(given)
            rows.append(dict(subject=r.subject, video=r.video, onset=int(r.onset),
                             offset=int(r.offset), type=str(r.type) if r.type else "micro",
                             apex=apex, note=str(r.note), candidate=str(r.candidate).strip()))
        return rows

    # ------------------------------------------------------------------ what it holds

    @property
    def n_frames_total(self) -> int:
        return int(sum(int(v.get("n_frames") or 0) for v in self.state.videos.values()))

    def status(self, cid: str) -> str:
        """``unreviewed``, ``skipped``, ``accepted`` or ``rejected``."""
        d = self.state.decision(cid)
        if d is None:
            return "unreviewed"
        return {"accept": "accepted", "reject": "rejected", "skip": "skipped"}[d["action"]]

    def score(self, cid: str) -> float:
        """The score the queue is ordered by: the retrained model's, else the spotter's."""
        if cid in self.state.model_scores:
            return float(self.state.model_scores[cid])
        return float(self.state.cands[cid]["score"])

    def table(self) -> pd.DataFrame:
        """Every candidate in queue order (unreviewed by score, then skipped, then reviewed),
        with its status, scores and standing decision."""
        rows = []
        rank = {"unreviewed": 0, "skipped": 1, "accepted": 2, "rejected": 2}
        retrained = bool(self.state.model_scores)
        for cid, c in self.state.cands.items():
            d = self.state.decision(cid) or {}
            st = self.status(cid)
            key = self.score(cid) if (cid in self.state.model_scores or not retrained) \
                else np.inf   # not yet scored by the retrained model: first
            rows.append(dict(id=cid, subject=c["subject"], video=c["video"], onset=c["onset"],
                             offset=c["offset"], type=c["type"], spotter_score=c["score"],
                             model_score=self.state.model_scores.get(cid, np.nan), status=st,
                             decided_onset=d.get("onset"), decided_apex=d.get("apex"),
                             decided_offset=d.get("offset"), decided_type=d.get("type"),
                             note=d.get("note", ""), _rank=rank[st], _key=key))
        cols = ["id", "subject", "video", "onset", "offset", "type", "spotter_score",
                "model_score", "status", "decided_onset", "decided_apex", "decided_offset",
                "decided_type", "note", "_rank", "_key"]
        df = pd.DataFrame(rows, columns=cols)
        df = df.sort_values(["_rank", "_key", "subject", "video", "onset"],
                            ascending=[True, False, True, True, True], kind="stable")
        return df.drop(columns=["_rank", "_key"]).reset_index(drop=True)

    def queue(self) -> list[str]:
        """Ids still to review, in the order they are shown (skipped ones last)."""
        t = self.table()
        return t.loc[t["status"].isin(["unreviewed", "skipped"]), "id"].tolist() if len(t) else []

    def current(self) -> dict | None:
        """The candidate shown now (the first of the queue), or None when all are reviewed."""
        q = self.queue()
        return self.candidate(q[0]) if q else None

    def candidate(self, cid: str) -> dict:
        """A candidate with its standing (or proposed) onset/apex/offset/type/note."""
        if cid not in self.state.cands:
            raise MespotError(f"no candidate {cid!r} in the review of {self.labels}")
        c = dict(self.state.cands[cid])
        d = self.state.decision(cid)
        prop = dict(onset=c["onset"], offset=c["offset"], type=c["type"], note="",
                    apex=int((c["onset"] + c["offset"] + 1) // 2))
        if d is not None and d["action"] != "skip":
            prop.update({k: d[k] for k in ("onset", "apex", "offset", "type") if k in d},
                        note=d.get("note", ""))
        return dict(c, proposed=prop, status=self.status(cid), score_now=self.score(cid))

    def progress(self) -> dict[str, Any]:
        """Counts and footage: ``reviewed`` of ``total``, accepted/rejected/skipped, the
        fraction of all frames inside any candidate (``footage_candidates``; 1 − it is
        ``spared``) and inside candidates still to review (``footage_left``)."""
        t = self.table()
        n = self.n_frames_total
        st = t["status"] if len(t) else pd.Series([], dtype=str)

        def cover(mask) -> float:
            if not n or not len(t) or not mask.any():
                return 0.0
            sub = t[mask]
            return sum(covered_frames(g[["onset", "offset"]]) for _, g in
                       sub.groupby(["subject", "video"])) / n

        allc = cover(pd.Series(True, index=t.index))
        return dict(total=len(t), reviewed=int(st.isin(["accepted", "rejected"]).sum()),
                    accepted=int((st == "accepted").sum()), rejected=int((st == "rejected").sum()),
                    skipped=int((st == "skipped").sum()), frames=n, footage_candidates=allc,
                    spared=1.0 - allc, footage_left=cover(st.isin(["unreviewed", "skipped"])),
                    manual=len(self.state.manual))

    def labels_table(self) -> pd.DataFrame:
        """The rows of the labels file (as written)."""
        return self.state.label_rows()

    # ------------------------------------------------------------------ decisions

    def _target(self, cid: str | None) -> str:
        if cid is None:
            q = self.queue()
            if not q:
                raise MespotError("every candidate is reviewed; nothing to decide")
            return q[0]
        if cid not in self.state.cands:
            raise MespotError(f"no candidate {cid!r} in the review of {self.labels}")
        return cid

    def accept(self, cid: str | None = None, onset: int | None = None, apex: int | None = None,
               offset: int | None = None, type: str | None = None, note: str = "") -> dict:
        """Accept a candidate (default: the current one), optionally with adjusted frames
        (1-based inclusive), type and a note (e.g. AUs); saved at once."""
        cid = self._target(cid)
        p = self.candidate(cid)["proposed"]
        on = int(p["onset"] if onset is None else onset)
        off = int(p["offset"] if offset is None else offset)
        ap = int(apex if apex is not None else
                 (p["apex"] if onset is None and offset is None else (on + off + 1) // 2))
        t = str(p["type"] if type is None else type).strip().lower()
        c = self.state.cands[cid]
        n = int(self.state.videos[(c["subject"], c["video"])].get("n_frames") or 0)
        if t not in TYPES:
            raise MespotError(f"type {t!r}: use micro or macro")
        if not 1 <= on <= ap <= off or (n and off > n):
            raise MespotError(f"onset {on}, apex {ap}, offset {off}: need 1 ≤ onset ≤ apex ≤ "
                              f"offset ≤ {n or 'the last frame'} (frames of {c['subject']}/"
                              f"{c['video']}); nothing saved")
        ev = dict(event="decision", id=cid, action="accept", onset=on, apex=ap, offset=off,
                  type=t, note=str(note or ""))
        self._commit([ev])
        return ev

    def reject(self, cid: str | None = None, note: str = "") -> dict:
        """Reject a candidate (default: the current one); saved at once."""
        return self._simple(cid, "reject", note)

    def skip(self, cid: str | None = None) -> dict:
        """Put a candidate (default: the current one) after the others, undecided."""
        return self._simple(cid, "skip", "")

    def _simple(self, cid, action, note) -> dict:
        cid = self._target(cid)
        c = self.state.cands[cid]
        ev = dict(event="decision", id=cid, action=action, onset=c["onset"], offset=c["offset"],
                  apex=int((c["onset"] + c["offset"] + 1) // 2), type=c["type"],
                  note=str(note or ""))
        self._commit([ev])
        return ev

    def undo(self) -> dict | None:
        """Withdraw the latest standing decision (accept, reject, skip or a hand edit); the log
        keeps both. Returns the withdrawn decision, or None when there is none."""
        if not self.state.stack:
            return None
        last = self.state.stack[-1]
        self._commit([dict(event="undo", undoes=last["seq"], id=last["id"])])
        return last

    # ------------------------------------------------------------------ retraining

    def labelled_dataset(self) -> Dataset:
        """The videos with at least one decision or manual row, as a Dataset whose intervals are
        the labels (the training set of :meth:`retrain`)."""
        rows = self.labels_table()
        keys = {(c["subject"], c["video"]) for cid, c in self.state.cands.items()
                if self.status(cid) in ("accepted", "rejected")}
        keys |= set(zip(rows["subject"], rows["video"]))
        iv = rows[["subject", "video", "onset", "apex", "offset", "type"]].copy()
        iv["row"] = np.arange(2, len(iv) + 2)
        for c in ("onset", "apex", "offset"):
            iv[c] = iv[c].astype("int64")
        vids = self.dataset.videos
        vids = vids[[(s, v) in keys for s, v in zip(vids["subject"], vids["video"])]]
        return Dataset(name=f"{self.dataset.name}-review", format="csv", fps=self.dataset.fps,
                       intervals=iv, videos=vids.reset_index(drop=True),
                       findings=self.dataset.findings.iloc[0:0])

    def _model_feats(self, method) -> dict:
        if self.model_features is not None:
            return self.model_features
        if self.features and all(set(method.families) <= set(f.meta.get("families", ()))
                                 for f in self.features.values()):
            return self.features       # the curves' pass computed the method's families too
        if self.cache_dir is None:
            raise MespotError("retraining needs the learned method's features: open the review "
                              "with `model_features=` or `cache_dir=`")
        from .features import extract_features, profile_feature_params

        keys = {(c["subject"], c["video"]) for c in self.state.cands.values()}
        keys |= {(r["subject"], r["video"]) for r in self.state.manual}
        v = self.dataset.videos
        ds = replace(self.dataset, videos=v[[k in keys for k in zip(v["subject"], v["video"])]])
        self.model_features = extract_features(
            ds, self.cache_dir, method.feature_params(profile_feature_params(self.profile)),
            progress=False)
        return self.model_features

    def retrain(self, method: str | None = None, seed: int | None = None) -> dict[str, Any]:
        """Train a learned method (the review's profile, default quick) on the labelled videos
        — windows overlapping a candidate not yet reviewed are left out, their label unknown —
        then re-score every unreviewed candidate (its windows' highest score) and re-order.

        Returns ``method, threshold, windows, positives, subjects, seconds``.
        """
        import time

        from .methods import get_method
        from .models import ModelConfig
        from .training import check_imagenet, gather, predict_scores, train_with_threshold

        t0 = time.time()
        m = get_method(method or self.method)
        if not m.trainable:
            raise MespotError(f"{m.title} is training-free: choose a learned method to retrain")
        cfg = ModelConfig.profile(self.profile)
        check_imagenet(m, cfg, None)
        feats = self._model_feats(m)
        lab = self.labelled_dataset()
        keys = set(zip(lab.videos["subject"], lab.videos["video"]))
        lab_feats = {k: f for k, f in feats.items() if k in keys}
        if not lab_feats:
            raise MespotError("nothing is labelled yet: accept or reject some candidates, then "
                              "retrain")
        data = gather(lab, lab_feats, m)
        pending = [c for cid, c in self.state.cands.items()
                   if self.status(cid) in ("unreviewed", "skipped")]
        keep = np.ones(len(data.labels), bool)
        for c in pending:
            t = data.table
            keep &= ~((t["subject"] == c["subject"]) & (t["video"] == c["video"])
                      & (t["start"] <= c["offset"]) & (t["stop"] >= c["onset"])).to_numpy()
        data = data.select(keep)
        if not data.labels.any():
            raise MespotError(f"no positive window to train {m.title} on: accept at least one "
                              "micro-expression (its windows must lie on a face) first")
        iv = lab.intervals[lab.intervals["subject"].isin(data.subjects())]
        todo = {k: f for k, f in feats.items() if k in
                {(c["subject"], c["video"]) for c in pending}}
        scores = {}
        with _torch_threads(1):   # small networks: one thread, no contention with the UI
            tr = train_with_threshold(m, cfg, data, iv, self.seed if seed is None else int(seed))
            self.model = tr["model"]
            if todo:
                allw = gather(replace(lab, videos=self.dataset.videos), todo, m)
                win = allw.table[["subject", "video", "start", "stop"]].copy()
                win["score"] = predict_scores(self.model, allw, m)
        if todo:
            for c in pending:
                w = win[(win["subject"] == c["subject"]) & (win["video"] == c["video"])
                        & (win["start"] <= c["offset"]) & (win["stop"] >= c["onset"])]
                scores[candidate_id(c["subject"], c["video"], c["onset"], c["offset"])] = \
                    round(float(w["score"].max()), 6) if len(w) else 0.0
        info = dict(method=m.name, threshold=float(tr["threshold"]), windows=len(data.labels),
                    positives=int(data.labels.sum()), subjects=sorted(data.subjects()),
                    best_epoch=int(tr["best_epoch"]), seconds=round(time.time() - t0, 2))
        self._commit([dict(event="scores", model=info, scores=scores)])
        return info

    # ------------------------------------------------------------------ the labels as a dataset

    def frames_pattern(self) -> str | None:
        """A ``frames:`` pattern (``…/{subject}/{video}``) that gives every reviewed video's
        source, or None when no single pattern does."""
        rows = [(s, v, str(info.get("source") or "")) for (s, v), info in self.state.videos.items()]
        if not rows or not all(src for _, _, src in rows):
            return None
        for make in (lambda p, s, v: str(p.parent / "{video}") if p.name == v else None,
                     lambda p, s, v: str(p.parent / ("{video}" + p.suffix))
                     if p.stem == v and p.suffix else None,
                     lambda p, s, v: str(p.parent.parent / "{subject}" / "{video}")
                     if p.name == v and p.parent.name == s else None):
            pats = {make(Path(src), s, v) for s, v, src in rows}
            if len(pats) == 1 and None not in pats:
                return pats.pop()
        return None

    def manifest_entry(self, frames: str | None = None, fps: float | None = None) -> dict:
        """A ``format: csv`` manifest entry reading the labels as a dataset (frames 1-based)."""
        entry = dict(format="csv", annotations=str(self.labels.resolve()),
                     fps=float(fps or self.dataset.fps), first_frame=1,
                     licence=self.dataset.licence or "that of the reviewed videos",
                     citation=self.dataset.citation or "labels reviewed with mespot-nb")
        pat = frames or self.frames_pattern()
        if pat:
            entry["frames"] = pat
        return entry

    def as_dataset(self, name: str | None = None) -> Dataset:
        """The labels file read back through the kit's MEGC CSV reader."""
        e = self.manifest_entry()
        return read_megc_csv(self.labels, e.get("frames"), e["fps"], "micro",
                             name or f"{self.dataset.name}-labels", first_frame=1)

    # ------------------------------------------------------------------ display

    def flow_curve(self, subject: str, video: str) -> np.ndarray | None:
        """flow-peak's motion curve (T,), pixels, of a video (None without flowpeak features)."""
        f = self.features.get((subject, video))
        if f is None or "flowpeak_curve" not in getattr(f, "arrays", {}):
            return None
        from .methods.flow_peak import motion_curve

        return motion_curve(f)

    def source(self, subject: str, video: str):
        """The frame source of a video under review."""
        from .video import open_video

        info = self.state.videos[(subject, video)]
        return open_video(info["source"], fps=float(info["fps"]))

    def clip(self, cid: str, pad_s: float = 0.3, max_frames: int = 30, height: int = 180,
             slowdown: float = 2.0, format: str = "webp") -> bytes:
        """A looping animation (``webp`` or ``gif``) of the candidate ± ``pad_s`` seconds, face
        cropped when a track is cached, frames inside the interval boxed in red, played
        ``slowdown`` times slower than real time."""
        from PIL import Image

        c = self.candidate(cid)
        p = c["proposed"]
        src = self.source(c["subject"], c["video"])
        pad = int(round(pad_s * src.fps))
        a, b = max(1, p["onset"] - pad), min(src.n_frames, p["offset"] + pad)
        step = max(1, int(np.ceil((b - a + 1) / max_frames)))
        box = self._face_box(c["subject"], c["video"], p["apex"])
        frames = [Image.fromarray(_annotate(img, k, p, box, height))
                  for k, img in src.frames(a, b, step) if img is not None]
        if not frames:
            raise MespotError(f"no frame of {c['subject']}/{c['video']} {a}–{b} could be decoded")
        buf = io.BytesIO()
        kw = dict(save_all=True, append_images=frames[1:], loop=0,
                  duration=int(round(1000 * step * slowdown / src.fps)))
        if format == "webp":
            frames[0].save(buf, format="WEBP", quality=75, **kw)
        else:
            frames[0].save(buf, format="GIF", **kw)
        return buf.getvalue()

    def _face_box(self, subject: str, video: str, frame: int):
        """(x0, y0, x1, y1) around the face at ``frame`` from a cached track, else None."""
        if self.cache_dir is None:
            return None
        from .face import FaceTrack, TrackParams, track_cache_path
        from .video import open_video

        info = self.state.videos[(subject, video)]
        for name in (video_entry_name(self.dataset.name, subject, video),
                     video_entry_name("spot", subject, video)):
            try:
                p = track_cache_path(self.cache_dir, open_video(info["source"], fps=float(
                    info["fps"]), gray=True), TrackParams(), name)
                if not p.exists():
                    continue
                tr = FaceTrack.load(p)
            except (MespotError, OSError, ValueError, KeyError):
                continue
            lm = tr.landmarks[min(max(tr.frame_index(frame), 0), tr.n_frames - 1)]
            if not np.isfinite(lm).all():
                continue
            (x0, y0), (x1, y1) = lm.min(0), lm.max(0)
            mx, my = 0.25 * (x1 - x0), 0.35 * (y1 - y0)
            return int(x0 - mx), int(y0 - 1.2 * my), int(x1 + mx), int(y1 + 0.5 * my)
        return None

    def curve_png(self, cid: str, proposed: dict | None = None) -> bytes:
        """The candidate's flow-magnitude curve (± 1.5 s) as a PNG, marking its standing frames
        or ``proposed`` (onset, apex, offset, type) ones."""
        from matplotlib.figure import Figure

        from . import plotting

        c = self.candidate(cid)
        fig = Figure(figsize=(5.2, 2.4), dpi=90)
        ax = fig.add_subplot()
        fps = float(self.state.videos[(c["subject"], c["video"])]["fps"])
        plotting.candidate_curve(self.flow_curve(c["subject"], c["video"]), fps,
                                 proposed or c["proposed"], score=c["score_now"], ax=ax)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return buf.getvalue()

    def figure(self, cid: str | None = None, axes=None):
        """A static stand-in for the widget (headless runs): onset, apex and offset frames,
        their difference, and the flow curve of a candidate (default: the current one)."""
        import matplotlib.pyplot as plt

        from . import plotting

        c = self.candidate(cid) if cid else self.current()
        if c is None:
            return None
        if axes is None:
            fig = plt.figure(figsize=(13, 3.2), layout="constrained")
            gs = fig.add_gridspec(1, 6)
            axes = [fig.add_subplot(gs[0, i]) for i in range(4)] + [fig.add_subplot(gs[0, 4:])]
        p = c["proposed"]
        src = self.source(c["subject"], c["video"])
        box = self._face_box(c["subject"], c["video"], p["apex"])
        ims = [_crop(src.read(k), box) for k in (p["onset"], p["apex"], p["offset"])]
        plotting.frame_strip([ims[0], ims[1], ims[2]], [f"onset {p['onset']}",
                                                        f"apex {p['apex']}",
                                                        f"offset {p['offset']}"], axes=axes[:4])
        plotting.candidate_curve(self.flow_curve(c["subject"], c["video"]), src.fps, p,
                                 score=c["score_now"], ax=axes[4])
        axes[4].set_title(f"{c['id']} ({p['type']}), score {c['score_now']:.3f}", fontsize=9)
        return axes

    def widget(self, methods: list[str] | None = None):
        """The review as an ipywidgets box (live Jupyter); see :class:`ReviewWidget`."""
        return ReviewWidget(self, methods).box

    def __repr__(self) -> str:
        p = self.progress()
        return (f"<Review {self.labels}: {p['reviewed']} of {p['total']} reviewed, "
                f"{p['accepted']} accepted>")


@contextlib.contextmanager
def _torch_threads(n: int):
    """torch's intra-op threads set to ``n`` for the block, then restored."""
    import torch

    old = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(old)


def _plain(o: Any) -> Any:
    if isinstance(o, np.generic):
        return o.item()
    raise TypeError(f"{type(o).__name__} is not JSON")


def _crop(img: np.ndarray, box) -> np.ndarray:
    if box is None or img is None:
        return img
    h, w = img.shape[:2]
    x0, y0, x1, y1 = max(0, box[0]), max(0, box[1]), min(w, box[2]), min(h, box[3])
    return img[y0:y1, x0:x1] if x1 > x0 and y1 > y0 else img


def _annotate(img: np.ndarray, k: int, p: dict, box, height: int) -> np.ndarray:
    """One clip frame: cropped, scaled to ``height`` px, RGB, red border inside the interval."""
    import cv2

    im = _crop(img, box)
    if im.ndim == 2:
        im = cv2.cvtColor(im, cv2.COLOR_GRAY2RGB)
    else:
        im = cv2.cvtColor(im, cv2.COLOR_BGR2RGB)
    s = height / im.shape[0]
    im = cv2.resize(im, (max(1, int(round(im.shape[1] * s))), height),
                    interpolation=cv2.INTER_AREA)
    inside = p["onset"] <= k <= p["offset"]
    if inside:
        cv2.rectangle(im, (0, 0), (im.shape[1] - 1, im.shape[0] - 1), (220, 30, 30),
                      5 if k == p["apex"] else 3)
    cv2.putText(im, f"{k}", (6, 18), cv2.FONT_HERSHEY_SIMPLEX, 0.5,
                (255, 80, 80) if inside else (255, 255, 255), 1, cv2.LINE_AA)
    return im


# ----------------------------------------------------------------------------------------------
# opening a review


def open_review(labels: str | os.PathLike, dataset: Dataset, candidates=None,
                features: dict | None = None, cache_dir: str | os.PathLike | None = None,
                method: str = "hoof-lstm", profile: str = "quick", seed: int = 0,
                model_features: dict | None = None, moved: dict | None = None) -> Review:
    """Open (or resume) the review whose labels file is ``labels``.

    Parameters
    ----------
    labels : the labels CSV to write (its log and lock go beside it).
    dataset : the videos the candidates are on (a Dataset; ids and frame sources).
    candidates : a ``mespot spot`` CSV path or MEGC rows; None on resuming. New ones are added
        to those the log holds; the log's decisions always stand.
    features : ``{(subject, video): VideoFeatures}`` with flow-peak's curves (the flow plot).
    cache_dir : where the learned method's features are cached (for :meth:`Review.retrain`).
    method, profile, seed : what :meth:`Review.retrain` trains.
    model_features : the learned method's features, if already at hand.
    moved : ``{"subject/video": new path}`` for videos whose files moved since the review
        began.
    """
    labels = Path(labels).expanduser().absolute()
    r = Review(labels, dataset, features, cache_dir, method, profile, seed, model_features)
    r._acquire()
    try:
        _load(r, candidates, moved or {})
    except BaseException:
        r.close()
        raise
    return r


def _load(r: Review, candidates, moved: dict) -> None:
    events = _read_log(r.log)
    for ev in events:
        r.state.apply(ev)
    r._seq = max((int(e["seq"]) for e in events), default=0)
    r._log_size = r.log.stat().st_size if r.log.exists() else 0
    cands = read_candidates(candidates, r.dataset) if candidates is not None else None
    new: list[dict] = []
    # videos: those of the candidates, sources checked against where the log saw them
    ds_src = {(str(s), str(v)): dict(subject=str(s), video=str(v), source=_src(src),
                                     fps=float(f), n_frames=int(n))
              for s, v, src, f, n in zip(r.dataset.videos["subject"], r.dataset.videos["video"],
                                         r.dataset.videos["source"], r.dataset.videos["fps"],
                                         _n_frames(r.dataset))}
    for key, info in list(r.state.videos.items()):
        old = info.get("source")
        want = moved.get(f"{key[0]}/{key[1]}") or (ds_src.get(key) or {}).get("source")
        if old and Path(old).exists() and (not want or Path(want).resolve() == Path(old).resolve()):
            continue
        if want and Path(want).exists():
            new.append(dict(event="video_moved", subject=key[0], video=key[1], old=old,
                            new=str(want)))
            continue
        raise MespotError(
            f"video ({key[0]}, {key[1]}) of the review in {r.labels} was at {old}, which no "
            "longer exists (moved or renamed?). Point the dataset's manifest entry (`frames:` / "
            f"`root:`) at where it is now, or pass moved={{'{key[0]}/{key[1]}': 'NEW/PATH'}} to "
            "open_review; the decisions saved so far are kept")
    if cands is not None:
        add = cands[~cands["id"].isin(list(r.state.cands))]
        for k in dict.fromkeys(zip(add["subject"], add["video"])):
            if not ds_src[k]["source"]:
                raise MespotError(f"video ({k[0]}, {k[1]}) of dataset '{r.dataset.name}' has "
                                  "candidates but no frames on this machine; fix the manifest "
                                  "entry's frames path")
        # every video with frames is under review: one without candidates is footage spared
        vids = [v for k, v in ds_src.items() if v["source"] and k not in r.state.videos]
        if vids:
            new.append(dict(event="start" if not events else "videos", videos=vids))
        if len(add):
            new.append(dict(event="candidates", rows=add.to_dict(orient="records"),
                            spotted_by=str(candidates) if isinstance(candidates, (str, os.PathLike))
                            else "rows"))
    elif not events:
        raise MespotError(f"no review in {r.labels} to resume (no {r.log.name} beside it): give "
                          "the candidates to start one")
    with _flocked(r.lock) as fh:
        info = _lock_info(fh)
        if not info or info.get("session") != r.session:
            raise MespotError(f"labels file {r.labels} was opened by another process while "
                              "this review was opening; open it again")
        for ev in new:                      # provisionally, so the file is checked against
            r.state.apply(dict(ev, seq=0))  # every video under review
        hand = r._reconcile_labels()        # a bad row raises here: nothing written
        r.state = _State()
        for ev in events:
            r.state.apply(ev)
        r._write(new + hand)


def review_video(source: str | os.PathLike, labels: str | os.PathLike, candidates=None,
                 cache_dir: str | os.PathLike | None = None, fps: float | None = None,
                 spotter: str = "flow-peak", p: float | None = None, **kw) -> Review:
    """Review one video file or frames folder: candidates from a ``mespot spot`` CSV, or spotted
    on the spot with a training-free ``spotter`` (:func:`~mespot_nb.spotting.spot_video`).
    ``kw`` goes to :func:`open_review`."""
    from .features import FeatureParams, cached_features
    from .manifest import default_cache_dir
    from .methods import get_method
    from .spotting import spot_video

    cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
    ds = read_video_source(source, fps=fps, name="spot")
    row = ds.videos.iloc[0]
    m = get_method(spotter)
    if candidates is None:
        res = spot_video(source, cache_dir=cache_dir, fps=fps, method=m.name, p=p,
                         progress=False)
        candidates = res["intervals"]
    feats = {}
    if "flowpeak" in m.families:
        feats = {(row.subject, row.video): cached_features(
            row.source, float(row.fps), cache_dir, FeatureParams(families=m.families),
            name=video_entry_name("spot", row.subject, row.video))}
    return open_review(labels, ds, candidates, features=feats, cache_dir=cache_dir, **kw)


# ----------------------------------------------------------------------------------------------
# the simulated annotator


def match_truth(cands: pd.DataFrame, truth: pd.DataFrame, iou: float = 0.5) -> list[int | None]:
    """For each candidate, the position in ``truth`` of the annotated expression it points to —
    IoU ≥ ``iou``, or at least half of the candidate inside it (an annotator then fixes the
    frames) — the most overlapping one, or None."""
    out: list[int | None] = []
    for r in cands.itertuples():
        g = truth[(truth["subject"] == r.subject) & (truth["video"] == r.video)]
        if not len(g):
            out.append(None)
            continue
        b = g[["onset", "offset"]].to_numpy(np.int64)
        inter = np.maximum(0, np.minimum(b[:, 1], r.offset) - np.maximum(b[:, 0], r.onset) + 1)
        m = iou_matrix(np.array([[r.onset, r.offset]]), b)[0]
        ok = (m >= iou) | (inter >= 0.5 * (r.offset - r.onset + 1))
        j = int(np.argmax(np.where(ok, inter, -1)))
        out.append(int(truth.index.get_loc(g.index[j])) if ok[j] else None)
    return out


def simulate_review(dataset: Dataset, candidates, features: dict | None = None,
                    model_features: dict | None = None, method: str = "hoof-lstm",
                    batch: int = 5, rounds: int = 6, top_n: int = 5, seed: int = 0,
                    labels: str | os.PathLike | None = None, cache_dir=None,
                    profile: str = "quick") -> pd.DataFrame:
    """The review loop with the ground truth (``dataset.intervals``) as the annotator.

    Each round the annotator takes the ``batch`` first candidates of the queue: one pointing to
    an annotated expression not yet labelled (:func:`match_truth`) is accepted with the truth's
    frames and type, any other rejected; then ``method`` is retrained on the labelled videos and
    the rest re-ordered by its scores.

    Returns one row per round (round 0: before any review): ``round, reviewed, labels``
    (accepted), ``found`` (fraction of the truth labelled), ``precision_top`` (of the first
    ``top_n`` candidates still to review, the fraction pointing to an expression not yet
    labelled), ``footage_left`` (fraction of all frames the annotator still watches, in the
    queue's order, until the last candidate that points to an unlabelled expression),
    ``footage_unreviewed`` (inside any candidate still to review), ``retrained``, ``retrain_s``.
    """
    tmp = None
    if labels is None:
        tmp = tempfile.TemporaryDirectory(prefix="mespot-sim-")
        labels = Path(tmp.name) / "simulated_labels.csv"
    else:
        labels = Path(labels)
        for p in (labels, log_path(labels)):   # a simulation always starts afresh
            p.unlink(missing_ok=True)
    rv = open_review(labels, dataset, candidates, features=features, cache_dir=cache_dir,
                     method=method, profile=profile, seed=seed, model_features=model_features)
    truth = dataset.intervals
    truth = truth[[k in rv.state.videos for k in zip(truth["subject"], truth["video"])]]
    truth = truth.reset_index(drop=True)
    labelled: set[int] = set()
    rows = []
    retrained, secs = False, 0.0
    try:
        for rnd in range(0, rounds + 1):
            if rnd > 0:
                todo = rv.queue()[:batch]
                if not todo:
                    break
                t = rv.table().set_index("id").loc[todo].reset_index()
                for cid, j in zip(todo, match_truth(t, truth)):
                    if j is None or j in labelled:
                        rv.reject(cid, "" if j is None else "already labelled")
                    else:
                        g = truth.iloc[j]
                        rv.accept(cid, int(g["onset"]), int(g["apex"]), int(g["offset"]),
                                  str(g["type"]))
                        labelled.add(j)
                try:
                    info = rv.retrain()
                    retrained, secs = True, info["seconds"]
                except MespotError as e:   # nothing to learn from yet (no positive window)
                    log.info("round %d: not retrained (%s)", rnd, e)
                    secs = 0.0
            rows.append(_measure(rv, truth, labelled, rnd, top_n, retrained, secs))
    finally:
        rv.close()
        if tmp is not None:
            tmp.cleanup()
    return pd.DataFrame(rows)


def _measure(rv: Review, truth: pd.DataFrame, labelled: set, rnd: int, top_n: int,
             retrained: bool, secs: float) -> dict:
    t = rv.table()
    pend = t[t["status"].isin(["unreviewed", "skipped"])].reset_index(drop=True)
    hit = np.array([j is not None and j not in labelled for j in match_truth(pend, truth)],
                   bool) if len(pend) else np.zeros(0, bool)
    n = rv.n_frames_total

    def cover(df) -> float:
        return sum(covered_frames(g[["onset", "offset"]]) for _, g in
                   df.groupby(["subject", "video"])) / n if n and len(df) else 0.0

    last = int(np.flatnonzero(hit)[-1]) + 1 if hit.any() else 0
    p = rv.progress()
    return dict(round=rnd, reviewed=p["reviewed"], labels=p["accepted"],
                found=len(labelled) / max(len(truth), 1),
                precision_top=float(hit[:top_n].mean()) if len(hit) else float("nan"),
                footage_left=cover(pend.head(last)), footage_unreviewed=cover(pend),
                retrained=retrained, retrain_s=secs)


# ----------------------------------------------------------------------------------------------
# figures (each takes ax=None and returns the axes, as in mespot_nb.plotting)


# ----------------------------------------------------------------------------------------------
# the widget


class ReviewWidget:
    """ipywidgets front end of a :class:`Review`: the current candidate's looping clip and flow
    curve, its score, editable onset/apex/offset/type/note, Accept / Reject / Skip / Undo,
    Retrain, progress, and keyboard shortcuts (:data:`SHORTCUTS`, when the widget has focus)."""

    def __init__(self, review: Review, methods: list[str] | None = None):
        import ipywidgets as w

        from .methods import method_names

        self.review = review
        self.cid: str | None = None
        self.uid = f"mespot-review-{uuid.uuid4().hex[:12]}"
        lay = w.Layout
        self.header = w.HTML()
        self.bar = w.IntProgress(min=0, max=1, layout=lay(width="98%"))
        self.clip = w.Image(format="webp", layout=lay(height="180px"))
        self.curve = w.Image(format="png", layout=lay(width="470px"))
        num = dict(layout=lay(width="135px"), style={"description_width": "45px"})
        self.onset = w.BoundedIntText(description="onset", min=1, max=10**9, **num)
        self.apex = w.BoundedIntText(description="apex", min=1, max=10**9, **num)
        self.offset = w.BoundedIntText(description="offset", min=1, max=10**9, **num)
        for name in ("onset", "apex", "offset"):
            getattr(self, name).add_class(f"mespot-{name}")
        self.type = w.ToggleButtons(options=list(TYPES), style={"button_width": "70px"})
        self.type.add_class("mespot-type-toggle")
        self.note = w.Text(placeholder="note, e.g. AU4+AU7", description="note",
                           layout=lay(width="300px"), style={"description_width": "45px"})
        self.note.add_class("mespot-note")
        self.buttons = {}
        for name, desc, style, key in (("accept", "Accept", "success", "a"),
                                       ("reject", "Reject", "danger", "r"),
                                       ("skip", "Skip", "", "s"), ("undo", "Undo", "warning", "u"),
                                       ("type", "micro/macro", "", "t"),
                                       ("onset-minus", "onset −1", "", "j"),
                                       ("onset-plus", "onset +1", "", "k"),
                                       ("offset-minus", "offset −1", "", "n"),
                                       ("offset-plus", "offset +1", "", "m")):
            b = w.Button(description=desc, button_style=style, tooltip=f"key: {key}",
                         layout=lay(width="auto"))
            b.add_class(f"mespot-{name}")
            b.on_click(lambda _b, n=name: self._do(n))
            self.buttons[name] = b
        self.buttons["type"].layout.display = "none"    # the toggle shows the type; key t
        learned = methods or method_names(trainable=True)
        self.method = w.Dropdown(options=learned, value=review.method if review.method in learned
                                 else learned[0], layout=lay(width="130px"))
        self.retrain_b = w.Button(description="Retrain", icon="refresh", layout=lay(width="auto"),
                                  tooltip="train the method on the labelled videos and re-order")
        self.retrain_b.add_class("mespot-retrain")
        self.retrain_b.on_click(lambda _b: self._do("retrain"))
        self.message = w.HTML()
        self.message.add_class("mespot-message")
        keys = " · ".join(f"<b>{k}</b> {v.replace('-minus', ' −1').replace('-plus', ' +1')}"
                          for k, v in SHORTCUTS.items())
        B = self.buttons
        controls = w.VBox([
            w.HBox([self.onset, self.apex, self.offset]),
            w.HBox([B["onset-minus"], B["onset-plus"], B["offset-minus"], B["offset-plus"]]),
            w.HBox([self.type, B["type"]]), self.note,
            w.HBox([B["accept"], B["reject"], B["skip"], B["undo"]]),
            w.HBox([self.method, self.retrain_b]),
            w.HTML(f"<small>keys (click the widget first): {keys}</small>",
                   layout=lay(width="640px"))])
        self.keys = w.Output(layout=lay(height="0px"))
        self.box = w.VBox([self.header, self.bar, w.HBox([self.clip, self.curve]), controls,
                           self.message, self.keys])
        self.box.add_class("mespot-review")
        self.box.add_class(self.uid)
        with self.keys:
            from IPython.display import Javascript, display

            display(Javascript(_KEYS_JS.replace("UID", self.uid)
                               .replace("MAP", json.dumps({k: f"mespot-{v}" for k, v in
                                                           SHORTCUTS.items()}))))
        self.show()

    def _do(self, action: str) -> None:
        r = self.review
        try:
            if action == "accept":
                ev = r.accept(self.cid, self.onset.value, self.apex.value, self.offset.value,
                              self.type.value, self.note.value)
                msg = f"accepted {ev['id']} ({ev['type']}, {ev['onset']}–{ev['offset']})"
            elif action == "reject":
                msg = f"rejected {r.reject(self.cid, self.note.value)['id']}"
            elif action == "skip":
                msg = f"skipped {r.skip(self.cid)['id']} (it comes back after the others)"
            elif action == "undo":
                ev = r.undo()
                msg = "nothing to undo" if ev is None else f"undid: {ev['action']} {ev['id']}"
            elif action == "retrain":
                self._say(f"retraining {self.method.value} on the labelled videos …")
                info = r.retrain(self.method.value)
                msg = (f"retrained {info['method']} on {info['windows']} windows "
                       f"({info['positives']} positive) in {info['seconds']:.1f} s; "
                       "candidates re-ordered")
            elif action == "type":
                self.type.value = "macro" if self.type.value == "micro" else "micro"
                return self._redraw_curve()
            else:
                field = self.onset if action.startswith("onset") else self.offset
                field.value = max(1, field.value + (1 if action.endswith("plus") else -1))
                self.apex.value = min(max(self.apex.value, self.onset.value), self.offset.value)
                return self._redraw_curve()
        except MespotError as e:
            return self._say(f"<span style='color:#b00'>{_esc(str(e))}</span>")
        self.cid = None
        self.show()
        self._say(_esc(msg))

    def _say(self, html: str) -> None:
        self.message.value = html

    def _proposed(self) -> dict:
        return dict(onset=self.onset.value, apex=self.apex.value, offset=self.offset.value,
                    type=self.type.value)

    def _redraw_curve(self) -> None:
        self.curve.value = self.review.curve_png(self.cid, self._proposed())

    def show(self) -> None:
        """Show the current candidate (the first of the queue) and the progress."""
        r = self.review
        p = r.progress()
        self.bar.max = max(p["total"], 1)
        self.bar.value = p["reviewed"]
        c = r.current() if self.cid is None else r.candidate(self.cid)
        head = (f"<b>{p['reviewed']} of {p['total']} reviewed</b> ({p['accepted']} accepted, "
                f"{p['rejected']} rejected, {p['skipped']} skipped) · footage to review "
                f"{100 * p['footage_left']:.1f} % of {p['frames']} frames · spared "
                f"{100 * p['spared']:.1f} % · labels: <code>{_esc(str(r.labels))}</code>")
        if c is None:
            self.cid = None
            self.header.value = head + "<br><b>All candidates reviewed.</b>"
            for b in ("accept", "reject", "skip"):
                self.buttons[b].disabled = True
            return
        for b in ("accept", "reject", "skip"):
            self.buttons[b].disabled = False
        self.cid = c["id"]
        pr = c["proposed"]
        mscore = r.state.model_scores.get(c["id"])
        self.header.value = head + (
            f"<br>candidate <b class='mespot-current'>{_esc(c['id'])}</b> "
            f"({c['subject']}/{c['video']}) · spotter score {c['score']:.3f}"
            + (f" · model score {mscore:.3f}" if mscore is not None else "")
            + f" · {c['status']}")
        n = int(r.state.videos[(c["subject"], c["video"])].get("n_frames") or 10**9)
        for f in (self.onset, self.apex, self.offset):
            f.max = n
        self.onset.value, self.offset.value = pr["onset"], pr["offset"]
        self.apex.value = pr["apex"]
        self.type.value = pr["type"] if pr["type"] in TYPES else "micro"
        self.note.value = pr.get("note", "")
        try:
            self.clip.value = r.clip(c["id"])
        except MespotError as e:
            self._say(f"<span style='color:#b00'>{_esc(str(e))}</span>")
        self.curve.value = r.curve_png(c["id"])


def _esc(s: str) -> str:
    import html

    return html.escape(s)


#: Keyboard shortcuts: a character key pressed on the widget (not in a text field) clicks the
#: button it names; JupyterLab's own single-key shortcuts never see it.
_KEYS_JS = """
(function () {
  var map = MAP;
  function attach() {
    var root = document.querySelector('.UID');
    if (!root) { return false; }
    if (root.getAttribute('data-mespot-keys')) { return true; }
    root.setAttribute('data-mespot-keys', '1');
    root.tabIndex = 0;
    root.addEventListener('keydown', function (e) {
      var t = e.target;
      if (e.ctrlKey || e.metaKey || e.altKey) { return; }
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) {
        return;
      }
      if (e.key.length !== 1) { return; }
      e.stopPropagation();          // no notebook shortcut (a, b, d d, …) while reviewing
      var cls = map[e.key];
      var b = cls && root.querySelector('.' + cls);
      if (b) { e.preventDefault(); b.click(); }
    });
    return true;
  }
  if (!attach()) {
    var n = 0, iv = setInterval(function () { if (attach() || ++n > 300) clearInterval(iv); }, 200);
  }
})();
"""

