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

The modules, each importing only those before it: ``log`` (the files: log, lock, labels),
``candidates``, ``media`` · ``retrain`` · ``widget`` (functions of a Review), ``session`` (the
:class:`Review`: state and decisions), ``open`` (:func:`open_review`, :func:`review_video`),
``simulate``.
"""

from __future__ import annotations

from .candidates import (CANDIDATE_COLUMNS, TYPES, candidate_id, first_videos, read_candidates,
                         spotter_candidates)
from .log import LABEL_COLUMNS, lock_path, log_path, render_labels
from .open import open_review, review_video
from .session import Review
from .simulate import match_truth, simulate_review
from .widget import SHORTCUTS, ReviewWidget

__all__ = [
    "CANDIDATE_COLUMNS", "LABEL_COLUMNS", "SHORTCUTS", "TYPES", "Review", "ReviewWidget",
    "candidate_id", "first_videos", "lock_path", "log_path", "match_truth", "open_review",
    "read_candidates", "render_labels", "review_video", "simulate_review", "spotter_candidates",
]
