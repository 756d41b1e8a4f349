"""A review's files: the append-only decision log, its replay, the lock, the labels file.

Beside each other:

* ``LABELS.csv`` — the accepted intervals in the MEGC CSV format (:data:`LABEL_COLUMNS`),
  rebuilt from the log (:func:`render_labels`) and rewritten atomically on every click;
* ``LABELS.log.jsonl`` (:func:`log_path`) — every event, append-only: the truth, so a kernel
  restart or a closed tab loses nothing;
* ``LABELS.csv.lock`` (:func:`lock_path`) — the process writing them; a second one is refused.

Nothing here knows about candidates' scores or retraining; :class:`State` is the log replayed.
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
import warnings
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pandas as pd

from .._io import atomic_path
from ..errors import MespotError
from ..readers import read_megc_csv_table

try:
    import fcntl
except ImportError:   # pragma: no cover - no flock on this platform: best effort
    fcntl = None

log = logging.getLogger(__name__)

#: Columns of the labels file (MEGC CSV + the reviewer's apex, note and the candidate's id).
LABEL_COLUMNS = ["subject", "video", "onset", "offset", "type", "apex", "note", "candidate"]


def log_path(labels: str | os.PathLike) -> Path:
    """The decision log of a labels file: ``x.csv`` → ``x.log.jsonl``."""
    p = Path(labels)
    return p.with_name(p.stem + ".log.jsonl")


def lock_path(labels: str | os.PathLike) -> Path:
    """The lock file of a labels file: ``x.csv`` → ``x.csv.lock``."""
    p = Path(labels)
    return p.with_name(p.name + ".lock")


def now() -> str:
    """The time now, UTC, ISO 8601 to the millisecond (the log's ``time`` field)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def sha(text: str) -> str:
    """The sha256 (hex) of a text, UTF-8: how the log recognises labels files it wrote."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(o: Any) -> Any:
    if isinstance(o, np.generic):
        return o.item()
    raise TypeError(f"{type(o).__name__} is not JSON")


# ----------------------------------------------------------------------------------------------
# the log and its replay


class State:
    """What the log says: videos, candidates, decisions (an undo stack), scores, manual rows.

    Attributes
    ----------
    videos : ``{(subject, video): {subject, video, source, fps, n_frames}}``.
    cands : ``{id: {id, subject, video, onset, offset, type, score}}`` in the order first logged
        (frames 1-based inclusive).
    stack : the decision events not undone, oldest first.
    model_scores : ``{id: score}`` of the latest retrained model (unreviewed candidates).
    model : the latest retraining's summary (``Review.retrain``'s return), or None.
    manual : label rows a hand edit added (not from a candidate).
    shas : sha256 of every labels file this log has written.
    """

    def __init__(self):
        self.videos: dict[tuple[str, str], dict] = {}
        self.cands: dict[str, dict] = {}
        self.stack: list[dict] = []
        self.model_scores: dict[str, float] = {}
        self.model: dict | None = None
        self.manual: list[dict] = []
        self.shas: set[str] = set()

    def apply(self, ev: dict) -> None:
        """Replay one event of the log."""
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
        """The labels file's rows (:data:`LABEL_COLUMNS`): manual rows + accepted candidates,
        sorted by subject, video, onset, offset."""
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


def read_log(path: Path) -> list[dict]:
    """The events of a decision log; a torn last line (a write cut short) is dropped, with a
    warning, and cut from the file."""
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


def append_events(path: Path, events: list[dict]) -> int:
    """Append events to the log, one JSON line each, synced to disk; returns the log's size
    (bytes) after."""
    payload = "".join(json.dumps(e, default=_plain) + "\n" for e in events)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(payload)
        fh.flush()
        os.fsync(fh.fileno())
    return path.stat().st_size


def write_labels(path: Path, text: str) -> None:
    """Write the labels file atomically, unless it already holds ``text``."""
    if not path.exists() or sha(path.read_text(encoding="utf-8")) != sha(text):
        with atomic_path(path, suffix=".csv") as tmp:
            tmp.write_text(text, encoding="utf-8")


def read_labels_file(labels: Path, videos: dict) -> list[dict]:
    """The labels file's rows, checked against the videos under review; errors name the row.

    Parameters
    ----------
    labels : the labels CSV (possibly edited by hand).
    videos : :attr:`State.videos`; a row's frames must lie in 1 … its video's ``n_frames``.

    Returns
    -------
    One dict of :data:`LABEL_COLUMNS` per row (apex: the middle frame where none is given).
    """
    df = read_megc_csv_table(labels, what="labels file")
    for c in LABEL_COLUMNS:
        if c not in df:
            df[c] = ""
    rows = []
    for r in df.itertuples():
        key = (r.subject, r.video)
        where = f"labels file {labels}, row {r.row}"
        if key not in videos:
            have = ", ".join(f"({s}, {v})" for s, v in list(videos)[:4])
            raise MespotError(f"{where}: video ({r.subject}, {r.video}) is not one of the "
                              f"videos under review ({have}{' …' if len(videos) > 4 else ''}); "
                              "fix its subject/video or remove the row. Nothing was overwritten")
        n = int(videos[key].get("n_frames") or 0)
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


def hand_edits(labels: Path, state: State, written_sha: str | None) -> list[dict]:
    """Events adopting a hand-edited labels file into the log.

    Parameters
    ----------
    labels : the labels CSV.
    state : the log replayed (its candidates, decisions, manual rows, videos).
    written_sha : sha256 of the labels file this process last wrote (None: none yet).

    Returns
    -------
    ``decision`` events (``by="hand"``: an accepted row changed or added, or one removed — a
    rejection) and a ``manual`` event (rows not from a candidate), or none when the file is one
    the log wrote. A bad row is an error naming the file and row; nothing is written then.
    """
    if not labels.exists():
        if state.stack or state.manual:
            warnings.warn(f"labels file {labels} is missing; rewritten from the decision "
                          f"log {log_path(labels)}", stacklevel=4)
        return []
    digest = sha(labels.read_text(encoding="utf-8"))
    if digest == written_sha or digest in state.shas:
        return []     # written by this log (possibly before an interrupted rewrite)
    rows = read_labels_file(labels, state.videos)
    events = []
    by_id = {r["candidate"]: r for r in rows if r["candidate"] in state.cands}
    for cid, r in by_id.items():
        d = state.decision(cid)
        vals = {k: r[k] for k in ("onset", "apex", "offset", "type", "note")}
        if d is None or d["action"] != "accept" or any(d.get(k) != v for k, v in vals.items()):
            events.append(dict(event="decision", id=cid, action="accept", by="hand", **vals))
    for cid in state.cands:
        d = state.decision(cid)
        if d is not None and d["action"] == "accept" and cid not in by_id:
            events.append(dict(event="decision", id=cid, action="reject", by="hand",
                               onset=d["onset"], apex=d["apex"], offset=d["offset"],
                               type=d["type"], note=f"removed from {labels.name} by hand"))
    manual = [{k: r[k] for k in LABEL_COLUMNS if k != "candidate"}
              for r in rows if r["candidate"] not in state.cands]
    if manual != state.manual:
        events.append(dict(event="manual", rows=manual))
    if events:
        log.warning("labels file %s was edited by hand: %d change(s) adopted into %s",
                    labels, len(events), log_path(labels))
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
def flocked(path: Path) -> Iterator[Any]:
    """The lock file, open and held exclusively (``fcntl.flock``) for the block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+", encoding="utf-8")
    try:
        if fcntl is not None:
            fcntl.flock(fh, fcntl.LOCK_EX)
        fh.seek(0)
        yield fh
    finally:
        fh.close()


def lock_info(fh) -> dict | None:
    """Who holds the lock (``pid, host, session, since``), read from the open lock file."""
    fh.seek(0)
    text = fh.read()
    try:
        info = json.loads(text) if text.strip() else None
    except ValueError:
        return None
    return info if isinstance(info, dict) else None


def acquire_lock(lock: Path, labels: Path, session: str) -> None:
    """Take the lock for ``session`` — refused while another live process holds it."""
    with flocked(lock) as fh:
        info = lock_info(fh)
        if info and info.get("pid") != os.getpid() and _alive(info):
            raise MespotError(
                f"labels file {labels} is already open for review in another process "
                f"(pid {info.get('pid')} on {info.get('host')}, since {info.get('since')}); "
                "two kernels writing one labels file would lose decisions. Close the review "
                "there (`review.close()`, or shut that kernel down) and open it again here; "
                f"if that process is gone, delete {lock}")
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(dict(pid=os.getpid(), host=socket.gethostname(), session=session,
                                 since=now())))
        fh.flush()


def release_lock(lock: Path, session: str) -> None:
    """Remove the lock file if ``session`` still holds it."""
    with flocked(lock) as fh:
        info = lock_info(fh)
        if info and info.get("session") == session:
            lock.unlink(missing_ok=True)
