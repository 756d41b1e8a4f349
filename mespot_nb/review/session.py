"""A review session: the candidates of some videos, the annotator's decisions on them (accept,
reject, adjust, skip, undo), saved on every click, and the labels file they make.

:class:`Review` owns the state and the decisions; retraining (:mod:`.retrain`), clips and
figures (:mod:`.media`) and the widget (:mod:`.widget`) are functions of a Review that its
methods of the same names call.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import MespotError
from ..intervals import covered_frames
from ..methods import DEFAULT_SPOTTER
from ..readers import Dataset, read_megc_csv
from . import media
from .candidates import TYPES
from .log import (State, acquire_lock, append_events, flocked, hand_edits, lock_info, lock_path,
                  log_path, now, release_lock, render_labels, sha, write_labels)
from .retrain import labelled_dataset, train_and_score
from .widget import ReviewWidget


class Review:
    """Candidates of some videos, the annotator's decisions on them, and their files.

    Open one with :func:`~mespot_nb.review.open_review` (a dataset's videos) or
    :func:`~mespot_nb.review.review_video` (one video spotted on the spot). Frames are 1-based
    inclusive everywhere.
    """

    def __init__(self, labels: Path, dataset: Dataset, features: dict | None, cache_dir,
                 method: str, profile: str, seed: int, model_features: dict | None,
                 spotter: str | None = None):
        self.labels = labels
        self.log = log_path(labels)
        self.lock = lock_path(labels)
        self.dataset = dataset
        self.features = features or {}
        self.model_features = model_features
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.method = method
        self.spotter = spotter or DEFAULT_SPOTTER   # whose curve is drawn beside a candidate
        self.profile = profile
        self.seed = int(seed)
        self.session = uuid.uuid4().hex[:12]
        self.state = State()
        self.model = None   # the retrained network, or {type: network}: see retrain()
        self.closed = False
        self._log_size = 0
        self._labels_sha: str | None = None
        self._seq = 0

    # ------------------------------------------------------------------ files and concurrency

    def _acquire(self) -> None:
        acquire_lock(self.lock, self.labels, self.session)

    def close(self) -> None:
        """Release the labels file (another kernel may then open it)."""
        if self.closed:
            return
        self.closed = True
        release_lock(self.lock, self.session)

    def __enter__(self) -> "Review":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _commit(self, events: list[dict]) -> None:
        """Append events to the log and rewrite the labels file — only if nothing else wrote
        either since this review last did (compare-and-swap under the lock)."""
        if self.closed:
            raise MespotError(f"this review of {self.labels} is closed; open it again")
        with flocked(self.lock) as fh:
            info = lock_info(fh)
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
            events = hand_edits(self.labels, self.state, self._labels_sha) + events
            self._write(events)

    def _write(self, events: list[dict]) -> None:
        """Number, stamp and apply events, append them to the log (the last one carries the
        new labels file's sha256), then rewrite the labels file."""
        lines = []
        for ev in events:
            self._seq += 1
            ev = dict(seq=self._seq, time=now(), session=self.session, **ev)
            self.state.apply(ev)
            lines.append(ev)
        text = render_labels(self.state.label_rows())
        digest = sha(text)
        if lines:
            lines[-1]["labels_sha"] = digest
            self.state.shas.add(digest)
            self._log_size = append_events(self.log, lines)
        write_labels(self.labels, text)
        self._labels_sha = digest

    # ------------------------------------------------------------------ what it holds

    @property
    def n_frames_total(self) -> int:
        """Frames of all the videos under review."""
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
        """The labelled videos as a Dataset; see :func:`.retrain.labelled_dataset`."""
        return labelled_dataset(self)

    def retrain(self, method: str | None = None, seed: int | None = None) -> dict[str, Any]:
        """Train a learned method (the review's profile, default quick) on the labelled videos,
        re-score the unreviewed candidates and re-order them (:func:`.retrain.train_and_score`;
        the scores are logged). A method with one model per type (SOFTNet) trains one per type
        labelled and scores each candidate with the model of its type; the networks are kept
        as :attr:`model` (``{type: network}`` then, the network itself for a one-model method).

        Parameters
        ----------
        method : a learned method's name (default: the review's).
        seed : the training seed (default: the review's).

        Returns
        -------
        ``method, threshold, windows, positives, subjects, best_epoch, seconds`` (the first
        model's), plus ``by_type`` and ``skipped`` for a method with one model per type.
        """
        info, scores = train_and_score(self, method, seed)
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

    # ------------------------------------------------------------------ display (.media, .widget)

    def spotter_curve(self, subject: str, video: str) -> np.ndarray | None:
        """The spotter's curve (T,) of a video, or None; see :func:`.media.spotter_curve`."""
        return media.spotter_curve(self, subject, video)[0]

    def source(self, subject: str, video: str):
        """The frame source of a video under review."""
        return media.source(self, subject, video)

    def clip(self, cid: str, pad_s: float = 0.3, max_frames: int = 30, height: int = 180,
             slowdown: float = 2.0, format: str = "webp") -> bytes:
        """A looping ``webp`` / ``gif`` of the candidate; see :func:`.media.clip`."""
        return media.clip(self, cid, pad_s, max_frames, height, slowdown, format)

    def curve_png(self, cid: str, proposed: dict | None = None) -> bytes:
        """The candidate's spotter curve as a PNG; see :func:`.media.curve_png`."""
        return media.curve_png(self, cid, proposed)

    def figure(self, cid: str | None = None, axes=None):
        """A static stand-in for the widget (headless runs); see :func:`.media.figure`."""
        return media.figure(self, cid, axes)

    def widget(self, methods: list[str] | None = None):
        """The review as an ipywidgets box (live Jupyter); see :class:`.widget.ReviewWidget`."""
        return ReviewWidget(self, methods).box

    def __repr__(self) -> str:
        p = self.progress()
        return (f"<Review {self.labels}: {p['reviewed']} of {p['total']} reviewed, "
                f"{p['accepted']} accepted>")
