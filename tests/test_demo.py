"""The synthetic demo dataset: determinism, ground truth, faces, readers round-trip."""

from __future__ import annotations

import functools
import hashlib

import cv2
import numpy as np
import pandas as pd
import pytest

from mespot_nb.demo import (DIFFICULTY, DemoSpec, _schedule, demo_events, demo_faces,
                            demo_truth_landmarks, generate_demo, identity_distances,
                            subject_images)
from mespot_nb.errors import MespotError
from mespot_nb.readers import read_casme2, read_samm_lv
from mespot_nb.video import open_video


def _digest(folder):
    h = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return h


@pytest.mark.slow
def test_same_seed_gives_identical_files(tmp_path, monkeypatch):
    spec = DemoSpec(subjects=2, videos_per_subject=1, seconds=6, seed=5)
    a = generate_demo(tmp_path / "a", spec, n_jobs=1, progress=False)
    # two worker processes even for so few frames (below SERIAL_FRAMES a demo renders in one):
    # the path `mespot demo-data` and `make report` take
    import mespot_nb.demo.dataset as D

    monkeypatch.setattr(D, "SERIAL_FRAMES", 0)
    b = generate_demo(tmp_path / "b", spec, n_jobs=2, progress=False)
    da, db = _digest(a), _digest(b)
    assert da == db
    assert len([k for k in da if k.endswith(".jpg")]) == 360
    c = generate_demo(tmp_path / "c", DemoSpec(subjects=1, videos_per_subject=1, seconds=6,
                                               seed=6), progress=False)
    assert _digest(c)["annotations.xlsx"] != da["annotations.xlsx"]


def test_ground_truth_durations_and_round_trip(tiny_demo):
    ds = read_samm_lv(tiny_demo / "annotations.xlsx", tiny_demo / "SAMM_longvideos", fps=30)
    assert len(ds.findings) == 0  # the demo needs no repairs
    assert len(ds.videos) == 3 and ds.videos["n_frames"].tolist() == [360] * 3
    n = ds.intervals["offset"] - ds.intervals["onset"] + 1
    micro = ds.intervals["type"] == "micro"
    assert micro.sum() >= 6
    assert n[micro].between(round(0.2 * 30), round(0.5 * 30)).all()
    assert (n[~micro] >= 0.5 * 30).all() and (n[~micro] <= 4 * 30).all()
    # the workbook states exactly the generator's events
    ev = demo_events(tiny_demo)
    for key, v in ev.items():
        subj, vid = key.split("/")
        got = ds.video_intervals(subj, vid)[["onset", "apex", "offset", "type"]]
        want = sorted((e["onset"], e["apex"], e["offset"], e["type"]) for e in v["expressions"])
        assert [tuple(r) for r in got.itertuples(index=False)] == want
        # expressions never overlap each other
        on = [e["onset"] for e in v["expressions"]]
        off = [e["offset"] for e in v["expressions"]]
        assert all(o2 > f1 for f1, o2 in zip(off, on[1:]))


def test_casme2_layout_round_trip(tmp_path):
    root = generate_demo(tmp_path / "cas", DemoSpec(subjects=2, videos_per_subject=2, seconds=6,
                                                    layout="casme2", seed=3), progress=False)
    ds = read_casme2(root / "annotations.xlsx", root / "rawpic", fps=30)
    assert set(ds.videos["video"]) == {"s01_0401", "s01_0402", "s02_0401", "s02_0402"}
    assert ds.videos["source"].notna().all() and (ds.videos["n_frames"] == 180).all()
    ev = demo_events(root)
    assert len(ds.intervals) == sum(len(v["expressions"]) for v in ev.values())


def test_dlib_finds_the_face_in_sampled_frames(tiny_demo):
    import dlib

    det = dlib.get_frontal_face_detector()
    for vdir in sorted((tiny_demo / "SAMM_longvideos").iterdir()):
        src = open_video(vdir, fps=30, gray=True)
        for k in (1, 90, 180, 270, 360):
            assert len(det(src.read(k), 0)) == 1, (vdir.name, k)


@functools.lru_cache(maxsize=1)
def _dlib():
    import dlib

    from mespot_nb.dlib_models import landmark_model_path

    return dlib.get_frontal_face_detector(), dlib.shape_predictor(str(landmark_model_path()))


def _dlib_landmarks(img):
    det, sp = _dlib()
    r = det(img, 0)[0]
    return np.array([[p.x, p.y] for p in sp(img, r).parts()], float)


def _mean_landmarks(src, k: int) -> np.ndarray:
    """dlib's 68 landmarks (68, 2), pixels, averaged over frames k − 1, k, k + 1 (those in the
    video)."""
    ks = [j for j in (k - 1, k, k + 1) if 1 <= j <= src.n_frames]
    return np.mean([_dlib_landmarks(src.read(j)) for j in ks], axis=0)


def _expression_motion(a, b):
    """Largest landmark motion (px) between two shapes after removing head motion.

    Head motion is the similarity transform fitted on the nose and eye corners."""
    stable = [27, 28, 29, 30, 31, 33, 35, 36, 39, 42, 45]
    M, _ = cv2.estimateAffinePartial2D(b[stable].astype(np.float32), a[stable].astype(np.float32))
    b2 = b @ M[:, :2].T + M[:, 2]
    moving = list(range(17, 27)) + list(range(48, 68))
    return float(np.linalg.norm(b2[moving] - a[moving], axis=1).max())


@pytest.mark.slow
def test_micro_motion_small_nonzero_and_smaller_than_macro(tiny_demo):
    ev = demo_events(tiny_demo)
    micro, macro = [], []
    for key, v in ev.items():
        subj, vid = key.split("/")
        src = open_video(tiny_demo / "SAMM_longvideos" / vid, fps=30, gray=True)
        for e in v["expressions"]:
            # landmarks averaged over the three frames around onset and apex: the largest of 30
            # points' motions picks up dlib's per-frame jitter (about 1–2 px here), which
            # inflates small motions and, with OpenCV 5.1's rendering, left the two macro-
            # expressions at 1.499 × the micro median (the generator's true ratio is 2.1)
            m = _expression_motion(_mean_landmarks(src, e["onset"]),
                                   _mean_landmarks(src, e["apex"]))
            (micro if e["type"] == "micro" else macro).append(m)
        truth = demo_truth_landmarks(tiny_demo, subj, vid)
        assert truth.shape == (360, 68, 2)
    assert len(micro) >= 6 and len(macro) >= 1
    assert 0.5 < np.median(micro) < 8, micro
    assert np.median(macro) > 1.5 * np.median(micro), (micro, macro)


def test_refuses_foreign_folder_and_bad_faces(tmp_path):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.tex").write_text("precious")
    with pytest.raises(MespotError, match="not a mespot demo"):
        generate_demo(foreign, DemoSpec(subjects=1, videos_per_subject=1, seconds=5))
    assert (foreign / "thesis.tex").read_text() == "precious"
    faces = tmp_path / "faces"
    faces.mkdir()
    cv2.imwrite(str(faces / "wall.png"), np.full((200, 200, 3), 128, np.uint8))
    with pytest.raises(MespotError, match="no usable face"):
        generate_demo(tmp_path / "x", DemoSpec(subjects=1, videos_per_subject=1, seconds=5,
                                               faces=str(faces)))
    assert not (tmp_path / "x").exists()


def test_faces_dir_skips_photos_without_a_face(tmp_path, caplog):
    import skimage.data

    faces = tmp_path / "faces"
    faces.mkdir()
    cv2.imwrite(str(faces / "astro.png"), cv2.cvtColor(skimage.data.astronaut(), cv2.COLOR_RGB2BGR))
    cv2.imwrite(str(faces / "wall.png"), np.full((200, 200, 3), 128, np.uint8))
    root = generate_demo(tmp_path / "d", DemoSpec(subjects=1, videos_per_subject=1, seconds=5,
                                                  faces=str(faces)), progress=False)
    skipped = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert skipped == [f"mespot demo-data: skipped {faces / 'wall.png'}: no face found by dlib's "
                       "detector"]
    assert demo_events(root)["101/101_1"]["face"] == "astro.png"
    assert demo_faces(root)["101"]["licence"] == "the user's own photo (--faces)"


def test_default_demo_subjects_are_different_people():
    """dlib's face-recognition descriptor: ≥ 80 % of the default demo's subject pairs at ≥ 0.6
    (different people), and each subject's photo is a different one with its licence recorded."""
    d = identity_distances(subject_images(DemoSpec()))
    assert len(d) == 15
    assert (d.distance >= 0.6).mean() >= 0.8, d
    # the same photo twice (two morphs of one person) must read as the same person: the check
    # can fail
    same = identity_distances(subject_images(DemoSpec(subjects=9)))
    assert same.query("a == '101' and b == '109'").distance.iloc[0] < 0.6


def test_faces_and_licences_recorded(tiny_demo):
    faces = demo_faces(tiny_demo)
    assert [f["face"] for f in faces.values()] == ["astronaut", "grace_hopper", "luispedro"]
    assert "public domain" in faces["101"]["licence"]
    assert demo_events(tiny_demo)["103/103_1"]["face_source"].startswith("mahotas: ")


@pytest.mark.parametrize("difficulty", ["easy", "standard", "hard"])
def test_event_rates_match_the_table(difficulty):
    """Over 100 simulated minutes the schedule's rates are the table's (Poisson ± 4 sd)."""
    diff = DIFFICULTY[difficulty]
    rng = np.random.default_rng(0)
    fps, n = 30.0, 30 * 60 * 10
    counts = {"micro": 0, "macro": 0, "blinks": 0, "talking": 0, "comove": 0}
    for _ in range(10):
        ev = _schedule(rng, n, fps, diff, diff["micro_rate"])
        for e in ev["expressions"]:
            counts[e["type"]] += 1
            counts["comove"] += e["with_head_motion"]
            d = (e["offset"] - e["onset"] + 1) / fps
            assert (0.15 <= d <= 0.52) if e["type"] == "micro" else (0.45 <= d <= 4.05)
        counts["blinks"] += len(ev["blinks"])
        counts["talking"] += len(ev["talking"])
    for k, rate in (("micro", "micro_rate"), ("blinks", "blink_rate")):
        want = diff[rate] * 100
        assert abs(counts[k] - want) < 4 * np.sqrt(want) + 0.1 * want, (k, counts[k], want)
    if difficulty != "easy":   # easy keeps few distractors, so the learning tests can learn
        assert 15 <= diff["blink_rate"] <= 20
    assert counts["comove"] == pytest.approx(diff["comove"] * counts["micro"],
                                             abs=4 * np.sqrt(counts["micro"] + 1))
    if difficulty == "standard":   # far sparser than the 13/min of the earlier demo
        assert counts["micro"] / 100 < 7.5



def test_insert_expressions_into_real_footage(tmp_path):
    """Known micro-expressions added to a real person's video: the frames change only inside the
    events and only on the face, and the table gives the kit's ids for the folder."""
    from mespot_nb.insert import insert_expressions
    from mespot_nb.media import real_video
    from mespot_nb.readers import read_video_source

    cap = cv2.VideoCapture(str(real_video()))
    clip = tmp_path / "clip"
    clip.mkdir()
    orig = []
    for k in range(1, 91):
        ok, f = cap.read()
        cv2.imwrite(str(clip / f"{k:03d}.png"), f)
        orig.append(f.astype(int))
    tab = insert_expressions(clip, tmp_path / "out", n_events=2, seed=3, fps=24)
    assert len(tab) == 2 and (tab.offset - tab.onset + 1).between(4, 12).all()
    ds = read_video_source(tmp_path / "out" / "clip", fps=24)
    assert (ds.videos.subject.iloc[0], ds.videos.video.iloc[0]) == ("user", "clip")
    assert set(tab.subject) == {"user"} and set(tab.video) == {"clip"}
    inside = set()
    for e in tab.itertuples():
        inside |= set(range(e.onset, e.offset + 1))
    diffs = {}
    for k in range(1, 91):
        new = cv2.imread(str(tmp_path / "out" / "clip" / f"{k:05d}.jpg")).astype(int)
        diffs[k] = np.abs(new - orig[k - 1]).max(2)
    apex = int(tab.apex.iloc[0])
    assert np.percentile(diffs[apex], 99.9) > 20           # the face moved at the apex
    outside = [np.percentile(d, 99.9) for k, d in diffs.items() if k not in inside]
    assert max(outside) < 12                              # elsewhere only JPEG re-encoding
    ys, xs = np.nonzero(diffs[apex] > 20)
    assert 100 < xs.mean() < 540 and ys.max() - ys.min() < 250  # on the face, not everywhere


def test_insert_expressions_ends_at_the_last_decoded_frame(tmp_path):
    """A video whose last frame cannot be decoded (a container stating one frame more than it
    holds does this) ends before it; an undecodable frame with decodable ones after it is
    refused, naming it."""
    from mespot_nb.insert import insert_expressions
    from mespot_nb.media import real_video

    cap = cv2.VideoCapture(str(real_video()))
    clip = tmp_path / "clip"
    clip.mkdir()
    for k in range(1, 61):
        ok, f = cap.read()
        cv2.imwrite(str(clip / f"{k:03d}.jpg"), f)
    (clip / "060.jpg").write_bytes(b"not a picture")
    tab = insert_expressions(clip, tmp_path / "out", n_events=1, seed=1, fps=24)
    written = sorted((tmp_path / "out" / "clip").iterdir())
    assert len(written) == 59 and int(tab.offset.max()) <= 59
    (clip / "030.jpg").write_bytes(b"not a picture")
    with pytest.raises(MespotError, match="frame 30 cannot be decoded.*frame 31 after it"):
        insert_expressions(clip, tmp_path / "out2", n_events=1, seed=1, fps=24)


def test_insert_expressions_divides_the_frames_that_decode(tmp_path):
    """A container stating far more frames than decode (a browser's WebM states 74 584 and holds
    312) gets its events spread over the decoded frames, one per equal segment of them — not
    over the stated frames, where the later segments hold no frame and the clip was refused."""
    from mespot_nb.insert import insert_expressions
    from mespot_nb.media import real_video

    cap = cv2.VideoCapture(str(real_video()))
    clip = tmp_path / "clip"
    clip.mkdir()
    for k in range(1, 121):
        ok, f = cap.read()
        if k <= 70:
            cv2.imwrite(str(clip / f"{k:03d}.jpg"), f)
        else:                                  # stated (a file is there) but undecodable
            (clip / f"{k:03d}.jpg").write_bytes(b"not a picture")
    tab = insert_expressions(clip, tmp_path / "out", n_events=2, seed=0, fps=24)
    assert len(tab) == 2 and len(list((tmp_path / "out" / "clip").iterdir())) == 70
    assert 1 <= tab.onset.iloc[0] and tab.offset.iloc[0] <= 35      # the first half of 70
    assert 36 <= tab.onset.iloc[1] and tab.offset.iloc[1] <= 70     # the second


def test_a_container_without_a_usable_frame_count_is_counted_by_reading(tmp_path, monkeypatch):
    """Some containers state no frame count that can be true (a webcam recording's states
    −1.5·10¹⁷; OpenCV decodes 140 frames): the reader counts the frames by reading the file
    through, says so, and reads every one of them — instead of reading none."""
    from mespot_nb import frames as fr
    from mespot_nb import video
    from mespot_nb.media import real_video
    from mespot_nb.readers import read_video_source

    class Stated:
        def __init__(self, n):
            self.n = n

        def get(self, prop):
            return self.n

    assert [fr.stated_frame_count(Stated(n)) for n in (-1.4834256692608096e17, 0.0, 1e12, 140.0)
            ] == [None, None, None, 140]
    cap = cv2.VideoCapture(str(real_video()))
    path = tmp_path / "clip.mp4"
    out = None
    for _ in range(12):
        ok, f = cap.read()
        out = out or cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 24,
                                     (f.shape[1], f.shape[0]))
        out.write(f)
    out.release()
    assert fr.count_by_reading(path) == 12
    monkeypatch.setattr(video, "stated_frame_count", lambda cap: None)
    with pytest.warns(UserWarning, match="states no usable frame count .*12 frames counted by "
                      "reading it through"):
        src = video.open_video(path)
    assert src.n_frames == 12 and sum(img is not None for _, img in src.frames()) == 12
    counted = []
    monkeypatch.setattr(video, "count_by_reading", lambda p: counted.append(p) or 12)
    assert video.open_video(path).n_frames == 12 and counted == []   # once a process
    import mespot_nb.readers as readers

    monkeypatch.setattr(readers, "stated_frame_count", lambda cap: None)
    assert pd.isna(read_video_source(path).videos.iloc[0]["n_frames"])   # the reader counts them


def test_events_per_minute_counts_the_generators_record(tiny_demo):
    from mespot_nb.demo import events_per_minute

    r = events_per_minute(tiny_demo)
    ev = demo_events(tiny_demo)
    n_micro = sum(e["type"] == "micro" for v in ev.values() for e in v["expressions"])
    assert r["micro-expressions"] == round(n_micro / (3 * 12 / 60), 2)   # 3 videos × 12 s
    assert set(r) >= {"blinks", "talking", "head motion", "light steps"}
