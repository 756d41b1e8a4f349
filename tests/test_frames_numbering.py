"""Frame numbering: the kit's frame k is the folder's k-th numbered image, everywhere.

Readers (``n_frames``, annotation shifts), :class:`FrameSource` (``n_frames``, ``read``,
``frames``) and the manifest option ``first_frame`` must agree, whatever number the folder's
files start from (``img0.jpg`` …, ``img1.jpg`` …, ``006_1_0000.jpg`` …).
"""

from __future__ import annotations

import cv2
import numpy as np
import openpyxl
import pytest
from conftest import write_manifest

from mespot_nb.datasets import load_dataset
from mespot_nb.errors import MespotError
from mespot_nb.manifest import load_manifest
from mespot_nb.readers import read_megc_csv, read_samm_lv, read_video_source
from mespot_nb.video import FrameSource


def _level(n: int) -> int:
    """The grey level written into the image file numbered ``n`` (distinct per file)."""
    return 20 + 10 * n


def _frames(folder, numbers, name="img{n}.jpg"):
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        cv2.imwrite(str(folder / name.format(n=n)), np.full((24, 32), _level(n), np.uint8))
    return folder


def _file_of(img) -> int:
    """Which file a decoded grey frame came from (inverse of :func:`_level`)."""
    return int(round((float(img.mean()) - 20) / 10))


def _csv(path, rows):
    path.write_text("subject,video,onset,offset\n" + "".join(f"{r}\n" for r in rows))
    return path


# ------------------------------------------------------------------------------ folder from 0

def test_folder_numbered_from_zero_reader_and_source_agree(tmp_path):
    d = _frames(tmp_path / "clip", range(5))                      # img0.jpg … img4.jpg
    ds = read_video_source(d, fps=30)
    assert ds.videos["n_frames"].tolist() == [5]
    src = FrameSource(d, fps=30, gray=True)
    assert src.n_frames == 5 and src.first_number == 0
    # frame k is the k-th image: frame 1 = img0.jpg, frame 5 = img4.jpg
    assert _file_of(src.read(1)) == 0 and _file_of(src.read(5)) == 4
    got = [(k, _file_of(img)) for k, img in src.frames(1, None)]
    assert got == [(1, 0), (2, 1), (3, 2), (4, 3), (5, 4)]
    assert src.read(6) is None and src.missing == []


def test_csv_labels_against_zero_numbered_files_are_shifted_by_auto(tmp_path):
    root = tmp_path / "frames"
    _frames(root / "1" / "v", range(10))                          # img0 … img9
    gt = _csv(tmp_path / "gt.csv", ["1,v,2,4"])                   # labels name img2 … img4
    ds = read_megc_csv(gt, str(root / "{subject}" / "{video}"), fps=30)
    r = ds.intervals.iloc[0]
    assert (r.onset, r.apex, r.offset) == (3, 4, 5)
    assert ds.videos["n_frames"].tolist() == [10]
    src = FrameSource(ds.videos["source"].iloc[0], fps=30, gray=True)
    # the pixels at the kit's onset/offset are the files the labels named
    assert _file_of(src.read(int(r.onset))) == 2 and _file_of(src.read(int(r.offset))) == 4
    f = ds.findings[ds.findings["quirk"] == "first_frame"]
    assert len(f) == 1 and f.iloc[0]["action"] == "onset/apex/offset shifted by +1"


def test_first_frame_option_explicit_values(tmp_path):
    root = tmp_path / "frames"
    _frames(root / "1" / "v", range(10))                          # img0 … img9
    _frames(root / "1" / "w", range(1, 11))                       # img1 … img10
    gt = _csv(tmp_path / "gt.csv", ["1,v,2,4", "1,w,2,4"])
    pat = str(root / "{subject}" / "{video}")
    iv = read_megc_csv(gt, pat, fps=30, first_frame=1).intervals
    assert iv[["onset", "offset"]].values.tolist() == [[2, 4], [2, 4]]
    iv = read_megc_csv(gt, pat, fps=30, first_frame=0).intervals
    assert iv[["onset", "offset"]].values.tolist() == [[3, 5], [3, 5]]
    iv = read_megc_csv(gt, pat, fps=30, first_frame="auto").intervals
    assert iv[["onset", "offset"]].values.tolist() == [[3, 5], [2, 4]]
    # a label on frame 0 where the labels count from 1 names the option to set
    zero = _csv(tmp_path / "zero.csv", ["1,w,0,4"])
    with pytest.raises(MespotError, match=r"zero\.csv, row 2: onset 0 .*first_frame: 0"):
        read_megc_csv(zero, pat, fps=30, first_frame=1)
    with pytest.raises(MespotError, match=r"first_frame 'two'.*0, 1 or auto"):
        read_megc_csv(gt, pat, fps=30, first_frame="two")


def test_manifest_first_frame_option(tmp_path):
    root = tmp_path / "frames"
    _frames(root / "1" / "v", range(10))
    _csv(tmp_path / "gt.csv", ["1,v,2,4"])
    base = {"format": "csv", "annotations": "gt.csv", "frames": "frames/{subject}/{video}",
            "fps": 30}
    man = write_manifest(tmp_path / "m.yaml", {
        "dflt": base, "zero": dict(base, first_frame=0), "one": dict(base, first_frame=1),
        "cas": {"format": "casme2", "annotations": "x.xlsx", "fps": 30},
        "samm": {"format": "samm-lv", "annotations": "x.xlsx", "fps": 200}})
    m = load_manifest(man)
    assert [m.entry(n).first_frame for n in ("dflt", "zero", "one", "cas", "samm")] == \
        ["auto", 0, 1, 1, 1]
    on = {n: load_dataset(n, m).intervals.iloc[0].onset for n in ("dflt", "zero", "one")}
    assert on == {"dflt": 3, "zero": 3, "one": 2}
    for bad, msg in (("two", r"dataset 'x' has first_frame 'two'"),
                     (-1, r"dataset 'x' has first_frame -1"),
                     (True, r"dataset 'x' has first_frame True")):
        write_manifest(tmp_path / "b.yaml", {"x": dict(base, first_frame=bad)})
        with pytest.raises(MespotError, match=msg):
            load_manifest(tmp_path / "b.yaml")
    write_manifest(tmp_path / "v.yaml", {"x": {"format": "video", "source": "frames",
                                               "first_frame": 0}})
    with pytest.raises(MespotError, match=r"dataset 'x'.*first_frame.*no annotations"):
        load_manifest(tmp_path / "v.yaml")


def _samm_workbook(path, onset, apex, offset):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["SAMM Long Videos"])
    ws.append(["Subject", "Filename", "Inducement Code", "Onset", "Apex", "Offset", "Duration",
               "Type", "Action Units", "Notes"])
    ws.append([6, "006_1_2", 1, onset, apex, offset, offset - onset + 1, "Micro - 1/2", "4", ""])
    wb.save(path)
    return path


def test_samm_copy_numbered_from_zero_keeps_the_published_numbering(tmp_path):
    """SAMM's workbook counts frames from 1 whatever a local copy's files are called."""
    xl = _samm_workbook(tmp_path / "samm.xlsx", 3, 5, 7)
    frames = tmp_path / "SAMM_longvideos"
    d = frames / "006_1"
    d.mkdir(parents=True)
    for n in range(20):                                           # 006_1_0000 … 006_1_0019
        (d / f"006_1_{n:04d}.jpg").write_bytes(b"")
    ds = read_samm_lv(xl, frames)
    assert ds.videos["n_frames"].tolist() == [20]
    r = ds.intervals.iloc[0]
    assert (r.onset, r.apex, r.offset) == (3, 5, 7)
    f = ds.findings.set_index("quirk")
    assert f.loc["frame_numbering", "value"] == "files numbered from 0"
    assert f.loc["frame_numbering", "action"] == \
        "frame 1 = 006_1_0000.jpg; annotations count from 1 (first_frame: 1)"
    r = read_samm_lv(xl, frames, first_frame="auto").intervals.iloc[0]
    assert (r.onset, r.apex, r.offset) == (4, 6, 8)


# ------------------------------------------------------------------------------ ambiguous folders

def test_duplicate_frame_numbers_are_refused(tmp_path):
    d = _frames(tmp_path / "dup", [1, 2])
    cv2.imwrite(str(d / "img01.jpg"), np.zeros((24, 32), np.uint8))
    with pytest.raises(MespotError, match=r"dup: img01\.jpg and img1\.jpg both carry frame "
                                          r"number 1"):
        FrameSource(d, fps=30)
    with pytest.raises(MespotError, match=r"dup: img01\.jpg and img1\.jpg"):
        read_video_source(d, fps=30)


def test_unnumbered_file_among_numbered_frames_is_refused(tmp_path):
    d = _frames(tmp_path / "mixed", [1, 2, 3])
    cv2.imwrite(str(d / "cover.jpg"), np.zeros((24, 32), np.uint8))
    with pytest.raises(MespotError, match=r"mixed: cover\.jpg has no frame number"):
        FrameSource(d, fps=30)
    with pytest.raises(MespotError, match=r"mixed: cover\.jpg has no frame number"):
        read_video_source(d, fps=30)


def test_gap_in_numbering_is_a_missing_frame_and_reported(tmp_path):
    root = tmp_path / "frames"
    d = _frames(root / "1" / "v", [1, 2, 4, 5])                   # img3.jpg absent
    src = FrameSource(d, fps=30, gray=True)
    assert src.n_frames == 5
    got = [(k, None if img is None else _file_of(img)) for k, img in src.frames()]
    assert got == [(1, 1), (2, 2), (3, None), (4, 4), (5, 5)]
    assert src.missing == [3]
    ds = read_megc_csv(_csv(tmp_path / "gt.csv", ["1,v,2,5"]), str(root / "{subject}/{video}"),
                       fps=30)
    assert ds.videos["n_frames"].tolist() == [5]
    g = ds.findings[ds.findings["quirk"] == "frame_gaps"].iloc[0]
    assert (g["video"], g["value"]) == ("v", "no file numbered 3")
