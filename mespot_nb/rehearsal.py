"""The rehearsal dataset: a real dataset's shape (subjects, videos, expression positions) rendered
by the demo generator, to try the kit at CAS(ME)²'s or SAMM-LV's size before the data arrive.

The subjects, videos and expressions come from the dataset's real published annotation workbook
(MEGC 2021 ground truth; ``../shared/data/annotations``), read by the kit's own readers
(:func:`~mespot_nb.readers.read_samm_lv`, :func:`~mespot_nb.readers.read_casme2`), so the
readers' quirk policies have already been applied to the positions. The frames are the demo's
(:mod:`mespot_nb.demo`: a morphed photo per subject, the expressions at those positions, the
difficulty's distractors around them) and the dataset is written in the real dataset's on-disk
layout and workbook, so it is read back through the same readers.

At scale ``S``:

* every subject and every annotated video is kept (``subjects=N`` keeps the first N subjects
  only, for a quick look);
* a video's length is ``S × (its last annotated frame + a margin)``, at least the longest
  distractor of the difficulty (0.5 s for ``easy``, 3.1 s otherwise), so at S = 1 it is the last
  annotated frame plus the margin;
* an expression keeps its real length in frames (a micro-expression stays a micro-expression)
  and its onset moves to ``1 + round((onset − 1) × S)``, shifted earlier where it would run past
  the video's end; one longer than its shortened video is left out and counted in the stamp.

At S = 1 the rehearsal therefore has the real number of subjects, videos and expressions at
their real frames. Frame counts: the workbooks do not give a video's length, so the margin is a
stated choice — for SAMM-LV it is set so that the 147 videos total about 1.04 million frames
(the figure issue 21 quotes for the release; ~1.041 M here), for CAS(ME)² it is 2 s after the
last annotated frame (the real videos' lengths are not in the workbook; the total is printed, not
claimed to be the release's).

Frame size is reduced: every frame is the demo's 320×360 canvas (SAMM-LV records 2040×1088,
CAS(ME)² 640×480), so decoding, face tracking and flow per frame are cheaper than on the real
data; windows, features, the window store and training see the real dataset's counts. Synthetic:
for rehearsing size, memory and time, never a stand-in for real-data results.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .demo import (DIFFICULTY, FRAME_H, FRAME_W, STAMP, TRUTH_DIR, DemoSpec, _make_subject,
                   _render_video, building_folder, finish_dataset, stamped_build, subject_face)
from .errors import MespotError
from .readers import Dataset, read_casme2, read_samm_lv

#: Bump when the rehearsal's output changes (cached rehearsals with another version are rebuilt).
REHEARSAL_VERSION = 1
#: The environment variable naming the folder that holds the published workbooks.
WORKBOOKS_ENV = "MESPOT_WORKBOOKS"
DEFAULT_WORKBOOKS = Path("..") / "shared" / "data" / "annotations"


@dataclass(frozen=True)
class Like:
    """A real dataset the rehearsal can take the shape of.

    Attributes
    ----------
    name : ``samm-lv`` or ``casme2`` (also the layout and the reader).
    fps : the dataset's frame rate (frames per second).
    workbook : the file name of the MEGC 2021 ground-truth workbook (any name works through
        ``annotations=``; this is only where the kit looks by default).
    real_size : (width, height) of the real recordings, pixels (the rehearsal's are 320×360).
    margin_s : seconds after a video's last annotated frame (its length at S = 1).
    """

    name: str
    fps: float
    workbook: str
    real_size: tuple[int, int]
    margin_s: float


#: (147 videos × 4140 frames margin + 432,745 last annotated frames = 1,041,325 frames for SAMM-LV.)
LIKES = {
    "samm-lv": Like("samm-lv", 200.0, "SAMMLV_gt.xlsx", (2040, 1088), 20.7),
    "casme2": Like("casme2", 30.0, "CASME_sq_gt.xlsx", (640, 480), 2.0),
}

# CAS(ME)² video codes → (name in the workbook, the rest of the rawpic folder name)
_CASME_CODES = {"0401": ("anger1", "girlcrashing"), "0402": ("anger2", "awkwardtalk"),
                "0101": ("disgust1", "eatingworms"), "0102": ("disgust2", "pickingnose"),
                "0502": ("happy1", "funnyerrors"), "0503": ("happy2", "sittingonbaby"),
                "0505": ("happy3", "hugging"), "0507": ("happy4", "smilingbaby"),
                "0508": ("happy5", "funnydog")}


def like_of(name: str) -> Like:
    """The :class:`Like` called ``name``; a clear error for another name."""
    if name not in LIKES:
        raise MespotError(f"--like {name!r}: use one of {', '.join(LIKES)}")
    return LIKES[name]


def workbook_path(like: str, annotations: str | Path | None = None) -> Path:
    """The published workbook to take the shape from: ``annotations`` if given, else
    ``$MESPOT_WORKBOOKS/<workbook>`` (default folder ``../shared/data/annotations``).

    A missing file is an error that says where to put it.
    """
    lk = like_of(like)
    if annotations is not None:
        p = Path(annotations).expanduser()
        if not p.is_file():
            raise MespotError(f"{like} workbook not found: {p.resolve()} (--annotations); give "
                              f"the path of your copy of the {like} annotation workbook")
        return p
    folder = Path(os.environ.get(WORKBOOKS_ENV) or DEFAULT_WORKBOOKS).expanduser()
    p = folder / lk.workbook
    if not p.is_file():
        raise MespotError(
            f"the {like} workbook is missing: put the MEGC 2021 ground truth {lk.workbook} at "
            f"{p.resolve()} (or set {WORKBOOKS_ENV} to the folder that holds it, or pass "
            "--annotations FILE with your copy under any name)")
    return p


def read_workbook(like: str, annotations: str | Path | None = None) -> Dataset:
    """The real workbook through the kit's reader (no frames): intervals and videos."""
    path = workbook_path(like, annotations)
    lk = like_of(like)
    reader = read_samm_lv if like == "samm-lv" else read_casme2
    return reader(path, None, fps=lk.fps, name=f"{like}-workbook")


def _min_frames(fps: float, difficulty: str) -> int:
    """The shortest video the difficulty's distractors fit in (blinks ≤ 0.4 s; talking bouts
    ≤ 3 s and head turns ≤ 1 s where the difficulty has them)."""
    d = DIFFICULTY[difficulty]
    longest = 3.0 if (d["talk_rate"] or d["turn_rate"] or d["nod_rate"] or d["comove"]) else 0.4
    return int(math.ceil((longest + 0.1) * fps))


def plan_rehearsal(like: str, scale: float = 1.0, annotations: str | Path | None = None,
                   difficulty: str = "easy", subjects: int | None = None) -> dict[str, Any]:
    """Where every video and expression of a rehearsal goes, without rendering anything.

    Returns
    -------
    dict with ``videos``: one dict per video (``subject, video, s`` (subject index),
    ``n_frames``, ``expressions``: list of ``type, onset, apex, offset``, 1-based inclusive),
    ``left_out`` (expressions longer than their shortened video), ``workbook`` (path), and the
    totals ``n_subjects, n_videos, n_expressions, n_frames``.
    """
    lk = like_of(like)
    if not (isinstance(scale, (int, float)) and 0 < scale <= 1):
        raise MespotError(f"--scale {scale!r}: use a number in (0, 1] (1 = the real size)")
    if difficulty not in DIFFICULTY:
        raise MespotError(f"difficulty {difficulty!r}: use easy, standard or hard")
    if subjects is not None and subjects < 1:
        raise MespotError(f"--subjects {subjects}: keep at least 1 subject")
    ds = read_workbook(like, annotations)
    path = workbook_path(like, annotations)
    margin = int(round(lk.margin_s * lk.fps))
    floor = _min_frames(lk.fps, difficulty)
    keep = ds.subjects[:subjects] if subjects else ds.subjects
    videos, left_out = [], 0
    for s, subj in enumerate(keep):
        vs = ds.videos[ds.videos["subject"] == subj]["video"].tolist()
        for video in vs:
            rows = ds.video_intervals(subj, video)
            last = int(rows["offset"].max()) if len(rows) else 0
            n = max(int(round(scale * (last + margin))), floor)
            ex = []
            for r in rows.itertuples():
                length = int(r.offset) - int(r.onset) + 1
                if length > n - 1:
                    left_out += 1
                    continue
                on = min(1 + int(round((int(r.onset) - 1) * scale)), n - length + 1)
                ap = on + min(max(int(r.apex) - int(r.onset), 0), length - 1)
                ex.append(dict(type=str(r.type), onset=on, apex=ap, offset=on + length - 1))
            videos.append(dict(subject=subj, video=video, s=s, n_frames=n, expressions=ex))
    return dict(videos=videos, left_out=left_out, workbook=str(path),
                n_subjects=len(keep), n_videos=len(videos),
                n_expressions=sum(len(v["expressions"]) for v in videos),
                n_frames=sum(v["n_frames"] for v in videos))


def _layout(like: str, subject: str, video: str, n: int) -> tuple[str, str, str]:
    """(folder relative to the dataset root, frame-name pattern, workbook video name)."""
    if like == "samm-lv":
        width = 4 if n < 10000 else 5
        return f"SAMM_longvideos/{video}", f"{video}_{{k:0{width}d}}.jpg", video
    code = video.split("_", 1)[1]
    name, suffix = _CASME_CODES.get(code, (code, ""))
    return f"rawpic/{subject}/{int(subject[1:]):02d}_{code}{suffix}", "img{k}.jpg", name


_SUBJECTS: dict[tuple, Any] = {}   # per worker process: a subject's videos share its build


def _render_one(spec: DemoSpec, like: str, v: dict, vindex: int, root: str) -> dict[str, Any]:
    """One rehearsal video, in a worker: the subject (as the demo builds it) and its frames."""
    face = subject_face(spec, v["s"])
    key = (spec.seed, spec.faces, spec.first_face, v["s"], v["subject"])
    if key not in _SUBJECTS:
        _SUBJECTS.clear()   # videos come subject by subject: keep one
        _SUBJECTS[key] = _make_subject(face, v["subject"],
                                       np.random.default_rng([spec.seed, 7919, v["s"]]))
    subj = _SUBJECTS[key]
    folder, pattern, name = _layout(like, v["subject"], v["video"], v["n_frames"])
    out = _render_video(spec, subj, vindex, Path(root) / folder, lambda k: pattern.format(k=k),
                        np.random.SeedSequence([spec.seed, v["s"], vindex, 21]),
                        n=v["n_frames"], expressions=v["expressions"])
    truth_dir = Path(root) / TRUTH_DIR
    truth_dir.mkdir(exist_ok=True)
    np.save(truth_dir / f"{v['subject']}__{v['video']}_landmarks.npy", out["truth"])
    return dict(subject=v["subject"], video=v["video"], code=v["video"].split("_", 1)[1],
                name=name, events=out["events"], n_frames=out["n_frames"], face=face.name,
                face_source=face.source, face_licence=face.licence)


def generate_rehearsal(out: str | Path, like: str, scale: float = 1.0,
                       annotations: str | Path | None = None, seed: int = 0,
                       difficulty: str = "easy", subjects: int | None = None, n_jobs: int = 2,
                       progress: bool = True) -> Path:
    """Write a rehearsal dataset with the shape of ``like`` at ``scale`` to ``out``.

    Parameters
    ----------
    out : a missing or empty folder, or an earlier rehearsal (kept as is when its stamp
        matches; rebuilt otherwise). Built in a temporary sibling and moved into place.
    like : ``samm-lv`` or ``casme2``.
    scale : S in (0, 1]; video lengths are S × (last annotated frame + margin).
    annotations : the published workbook (default: see :func:`workbook_path`).
    difficulty : the demo's distractor setting (``easy``: blinks and slow drift only, so short
        videos at small S still hold every distractor).
    subjects : keep only the first N subjects (None: all).

    Returns
    -------
    ``out``: ``annotations.xlsx`` in the real workbook's layout, the frames in the real folder
    layout (``SAMM_longvideos/<video>/`` or ``rawpic/<subject>/<folder>/``), 320×360 JPEG.
    """
    from joblib import Parallel, delayed

    plan = plan_rehearsal(like, scale, annotations, difficulty, subjects)
    lk = like_of(like)
    spec = DemoSpec(subjects=plan["n_subjects"], videos_per_subject=1, seconds=5.0, fps=lk.fps,
                    layout=like, seed=seed, difficulty=difficulty)
    spec.check()
    out = Path(out)
    want = dict(version=REHEARSAL_VERSION, spec=asdict(spec),
                rehearsal=dict(like=like, scale=scale, subjects=subjects,
                               workbook=Path(plan["workbook"]).name,
                               frame_size=[FRAME_W, FRAME_H], real_size=list(lk.real_size),
                               n_subjects=plan["n_subjects"], n_videos=plan["n_videos"],
                               n_expressions=plan["n_expressions"], n_frames=plan["n_frames"],
                               left_out=plan["left_out"]))
    if stamped_build(out, want, "a mespot demo or rehearsal"):
        return out
    for s in range(spec.subjects):   # fail early on a missing photo package
        subject_face(spec, s)
    tmp = building_folder(out)
    vids = plan["videos"]
    if plan["n_frames"] < 3000:
        n_jobs = 1   # a worker's start-up costs more than it saves; same frames either way
    it = Parallel(n_jobs=n_jobs, return_as="generator")(
        delayed(_render_one)(spec, like, v, i, str(tmp)) for i, v in enumerate(vids))
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, total=len(vids), desc=f"rehearsal {like} S={scale:g}", unit="video")
    return finish_dataset(spec, list(it), tmp, out, want,
                          f"synthetic rehearsal with the shape of {like} (mespot-nb), from its "
                          "published workbook")


def read_rehearsal(root: str | Path, name: str | None = None,
                   policies: dict[str, str] | None = None) -> Dataset:
    """A rehearsal read back through the real dataset's reader (its layout and workbook)."""
    root = Path(root)
    stamp = root / STAMP
    if not stamp.exists():
        raise MespotError(f"{root} is not a mespot rehearsal (no {stamp})")
    info = json.loads(stamp.read_text()).get("rehearsal")
    if not info:
        raise MespotError(f"{root} is a demo, not a rehearsal (its {STAMP} has no 'rehearsal')")
    like = info["like"]
    lk = like_of(like)
    name = name or f"{like}-rehearsal"
    if like == "samm-lv":
        ds = read_samm_lv(root / "annotations.xlsx", root / "SAMM_longvideos", policies, lk.fps,
                          name)
    else:
        ds = read_casme2(root / "annotations.xlsx", root / "rawpic", policies, lk.fps, name)
    ds.meta.update(root=str(root), layout=like, rehearsal=info)
    return ds


def ensure_rehearsal(entry, cache_dir: str | Path) -> Path:
    """A manifest ``demo`` entry with ``like:`` (and ``scale:``, ``subjects:``, ``seed:``,
    ``difficulty:``, ``annotations:``): generated into the cache on first use."""
    like = entry.get("like")
    ann = entry.get("annotations")
    if ann is not None:
        ann = entry.path("annotations")
    return generate_rehearsal(Path(cache_dir) / "rehearsal" / entry.name, like,
                              float(entry.get("scale", 1.0)), ann, int(entry.get("seed", 0)),
                              entry.get("difficulty", "easy"), entry.get("subjects"))
