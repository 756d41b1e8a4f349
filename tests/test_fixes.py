"""Review fixes that need no demo: examples picked by (subject, video), lost faces summarised,
cross-database training subjects without frames refused."""

from __future__ import annotations

import logging

import pandas as pd
import pytest

from mespot_nb.errors import MespotError
from mespot_nb.face import summarise_lost_faces
from mespot_nb.models import ModelConfig
from mespot_nb.notebook import pick_example
from mespot_nb.readers import FINDING_COLUMNS, Dataset
from mespot_nb.crossdb import run_cross_database


def _dataset(name="smic", videos=(("s1", "v1"), ("s2", "v1"), ("s2", "v2")), intervals=()):
    vids = pd.DataFrame([dict(subject=s, video=v, source=f"/x/{s}/{v}", n_frames=100, fps=100.0)
                         for s, v in videos])
    iv = pd.DataFrame(list(intervals), columns=["subject", "video", "onset", "apex", "offset",
                                                "type"])
    return Dataset(name=name, format="csv", fps=100.0, intervals=iv, videos=vids,
                   findings=pd.DataFrame(columns=FINDING_COLUMNS))


def test_examples_are_picked_by_the_pair_when_video_names_repeat():
    """SMIC-E-Long style: the same video name under two subjects."""
    ds = _dataset(intervals=[("s2", "v1", 10, 12, 14, "micro"), ("s2", "v1", 40, 42, 44, "micro"),
                             ("s1", "v1", 5, 7, 9, "micro")])
    assert pick_example(ds) == ("s2", "v1")             # most micro-expressions, as a pair
    assert pick_example(ds, "s1", "v1") == ("s1", "v1")
    assert pick_example(ds, "", "v2") == ("s2", "v2")   # unique name: its subject is found
    assert pick_example(ds, "s2", "") == ("s2", "v1")
    with pytest.raises(MespotError, match="video 'v1' exists for subjects \\['s1', 's2'\\].*"
                                          "set the `subject` parameter"):
        pick_example(ds, "", "v1")
    with pytest.raises(MespotError, match=r"no video \(s3, v1\)"):
        pick_example(ds, "s3", "v1")


def test_videos_without_a_face_are_summarised_in_one_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="mespot_nb.face"):
        out = summarise_lost_faces("d", {("a", "a1"): (0, 100), ("b", "b1"): (100, 100),
                                         ("c", "c1"): (7, 50), ("e", "e1"): (40, 40)})
    assert out["no_face"] == ["b/b1", "e/e1"]
    assert out["some_lost"] == [("c/c1", 7, 50)]
    msgs = [r.getMessage() for r in caplog.records]
    assert len(msgs) == 2
    assert "no face found in any frame of 2 video(s): b/b1, e/e1" in msgs[0]
    assert "c/c1 (7/50 frames)" in msgs[1]


def test_cross_database_refuses_annotated_subjects_without_frames():
    train = _dataset("train-db", videos=(("s1", "v1"),),
                     intervals=[("s1", "v1", 10, 12, 14, "micro"), ("zz", "v9", 1, 2, 3, "micro")])
    test = _dataset("test-db", videos=(("t1", "v1"),))
    feats = {"train-db": {("s1", "v1"): object()}, "test-db": {("t1", "v1"): object()}}
    setup = {"name": "S", "train": ["train-db"], "test": "test-db"}
    with pytest.raises(MespotError, match="training dataset 'train-db' has annotated subject\\(s\\) "
                                          "zz with no frames"):
        run_cross_database(setup, {"train-db": train, "test-db": test}, feats, "geonet",
                           ModelConfig.profile("quick"))
    bad = dict(setup, test="train-db")
    with pytest.raises(MespotError, match="tests on 'train-db', which it also trains on"):
        run_cross_database(bad, {"train-db": train}, feats, "geonet", ModelConfig.profile("quick"))
