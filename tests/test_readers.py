"""Readers on the real published annotation spreadsheets (../shared/data/annotations)."""

from __future__ import annotations


import openpyxl
import pytest

from mespot_nb.errors import MespotError
from mespot_nb.readers import (frame_files, frame_number, read_casme2, read_megc_csv,
                               read_megc_csv_table, read_samm_lv)

from conftest import CASME, SAMM, STRS, need


def test_casme2_counts_and_ids():
    ds = read_casme2(need(CASME))
    iv = ds.intervals
    assert len(iv) == 357
    assert (iv["type"] == "macro").sum() == 300
    assert (iv["type"] == "micro").sum() == 57
    assert iv["subject"].nunique() == 22
    # canonical ids: subject s15, video s15_0401 (anger1 -> code 0401 via 'naming rule2')
    first = iv.iloc[0]
    assert (first.subject, first.video, first.onset, first.apex, first.offset) == \
        ("s15", "s15_0401", 557, 572, 608)
    assert iv["video"].str.fullmatch(r"s\d+_\d{4}").all()
    assert list(iv.columns[:6]) == ["subject", "video", "onset", "apex", "offset", "type"]


def test_casme2_quirks_reported_with_default_policy():
    ds = read_casme2(need(CASME))
    f = ds.findings
    assert (f["quirk"] == "offset_zero").sum() == 44
    assert (f["quirk"] == "apex_zero").sum() == 1
    assert (f["quirk"] == "offset_before_apex").sum() == 3
    # offset 0 -> apex (row 3 of the sheet: anger2_1 2155 2163 0)
    r3 = ds.intervals[ds.intervals["row"] == 3].iloc[0]
    assert (r3.onset, r3.apex, r3.offset) == (2155, 2163, 2163)
    # apex 0 -> (onset+offset)/2 round half up: row 309 is 1763, 0, 1787
    r = ds.intervals[ds.intervals["row"] == 309].iloc[0]
    assert r.apex == 1775
    assert f.loc[f["quirk"] == "apex_zero", "row"].tolist() == [309]
    # every interval is well-formed after the policies
    assert (ds.intervals["onset"] <= ds.intervals["offset"]).all()


def test_casme2_alternative_policies():
    ds = read_casme2(need(CASME), policies={"offset_zero": "drop", "offset_before_apex": "extend"})
    assert len(ds.intervals) == 357 - 44
    r = ds.intervals[ds.intervals["row"] == 170].iloc[0]  # 1221 1230 1224
    assert r.offset == 1230
    with pytest.raises(MespotError, match=r"CASME_sq_gt\.xlsx: quirk policy offset_zero: 'guess' "
                                          r"is not one of apex, drop"):
        read_casme2(CASME, policies={"offset_zero": "guess"})
    with pytest.raises(MespotError, match=r"CASME_sq_gt\.xlsx: unknown quirk policy 'offset_0'"):
        read_casme2(CASME, policies={"offset_0": "drop"})


def test_samm_counts_and_quirks():
    ds = read_samm_lv(need(SAMM))
    iv = ds.intervals
    assert len(iv) == 502
    assert (iv["type"] == "macro").sum() == 343
    assert (iv["type"] == "micro").sum() == 159
    assert iv["subject"].nunique() == 30
    assert iv["subject"].str.fullmatch(r"\d{3}").all()
    assert iv.iloc[0].video == "006_1"
    f = ds.findings
    assert (f["quirk"] == "apex_zero").sum() == 6
    assert (f["quirk"] == "onset_zero").sum() == 10
    assert (f["quirk"] == "non_integer").sum() == 430
    # 566.4 / 647.6 / 743.2 -> round half up -> 566 / 648 / 743 (Excel row 11)
    r = iv[iv["row"] == 11].iloc[0]
    assert (r.onset, r.apex, r.offset) == (566, 648, 743)
    assert (iv["onset"] >= 1).all() and (iv["onset"] <= iv["offset"]).all()


def test_samm_header_row_found_not_hardcoded(tmp_path):
    """A release with one more preamble row still reads (header located by its 'Subject' cell)."""
    wb = openpyxl.load_workbook(need(SAMM))
    ws = wb.worksheets[0]
    ws.insert_rows(1)
    p = tmp_path / "renamed_any_name.xlsx"
    wb.save(p)
    ds = read_samm_lv(p)
    assert len(ds.intervals) == 502
    assert ds.intervals.iloc[0]["row"] == 12


def test_malformed_spreadsheets_give_clear_errors(tmp_path):
    p = tmp_path / "not_excel.xlsx"
    p.write_text("hello")
    with pytest.raises(MespotError, match=r"cannot read .*not_excel\.xlsx as an \.xlsx"):
        read_samm_lv(p)
    wb = openpyxl.Workbook()
    wb.active.append(["Subject", "Filename", "Onset"])
    q = tmp_path / "samm_missing_cols.xlsx"
    wb.save(q)
    with pytest.raises(MespotError, match=r"samm_missing_cols\.xlsx: header on row 1 lacks "
                                          r"column\(s\) Apex, Offset, Type"):
        read_samm_lv(q)
    with pytest.raises(MespotError, match=r"samm_missing_cols\.xlsx: a CAS\(ME\)² workbook has 3 "
                                          r"sheets .* this one has 1"):
        read_casme2(q)
    with pytest.raises(MespotError, match=r"annotation file not found: .*absent\.xlsx"):
        read_casme2(tmp_path / "absent.xlsx")


def test_csv_reader_and_bad_rows(tmp_path):
    ds = read_megc_csv(need(STRS / "gt.csv"), fps=30)
    assert len(ds.intervals) == 244
    assert ds.intervals["subject"].nunique() == 26
    assert ds.findings[["quirk", "action"]].values.tolist() == \
        [["no_type_column", "every row typed micro"]]
    assert (ds.intervals["type"] == "micro").all()
    # the same video name under several subjects stays distinct
    pairs = ds.videos[["subject", "video"]].drop_duplicates()
    assert len(pairs) == len(ds.videos)
    bad = tmp_path / "bad.csv"
    bad.write_text("subject,video,onset,offset\n1,v,10,20\n1,v,30,25\n")
    with pytest.raises(MespotError, match="row 3: onset 30 > offset 25"):
        read_megc_csv_table(bad)
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("subject,video,start,end\n1,v,1,2\n")
    with pytest.raises(MespotError, match=r"nocol\.csv: missing column\(s\) onset, offset"):
        read_megc_csv_table(nocol)


def test_csv_optional_apex(tmp_path):
    """A reviewer's labels carry an apex: it is kept (blank → midpoint), and one outside its
    interval is refused naming the row."""
    p = tmp_path / "labels.csv"
    p.write_text("subject,video,onset,apex,offset,type\n1,v,10,12,20,micro\n1,v,30,,40,macro\n")
    iv = read_megc_csv(p, fps=30, first_frame=1).intervals
    assert iv[["onset", "apex", "offset"]].values.tolist() == [[10, 12, 20], [30, 35, 40]]
    p.write_text("subject,video,onset,apex,offset\n1,v,10,12,20\n1,v,30,41,40\n")
    with pytest.raises(MespotError, match="row 3: apex '41' is not a whole frame between onset 30"):
        read_megc_csv(p, fps=30)


def test_frame_folders_natural_order_and_clipping(tmp_path):
    # CAS(ME)² layout with unpadded numbers: img2 sorts before img10
    d = tmp_path / "rawpic" / "s15" / "15_0401girlcrashing"
    d.mkdir(parents=True)
    for n in (1, 2, 10, 9):
        (d / f"img{n}.jpg").write_bytes(b"")
    assert [frame_number(p.name) for p in frame_files(d)] == [1, 2, 9, 10]
    assert frame_number("006_1_00012.jpg") == 12
    # SAMM: an offset past the last frame on disk is clipped when the frames are present
    src = need(SAMM)
    root = tmp_path / "SAMM_longvideos" / "006_1"
    root.mkdir(parents=True)
    for n in range(1, 3601):
        (root / f"006_1_{n:04d}.jpg").write_bytes(b"")
    ds = read_samm_lv(src, frames_root=tmp_path / "SAMM_longvideos")
    row = ds.videos[ds.videos.video == "006_1"].iloc[0]
    assert row.n_frames == 3600 and row.source == str(root)
    v = ds.intervals[ds.intervals.video == "006_1"]
    # row 12 (3562..3632) is clipped to 3600; rows 16 and 17 start past the end and are dropped
    assert v.loc[v["row"] == 12, ["onset", "offset"]].values.tolist() == [[3562, 3600]]
    assert v["row"].tolist() == [11, 12, 13, 14, 15]
    f = ds.findings
    p = f[f["quirk"] == "past_last_frame"]
    assert p[["row", "video", "action"]].values.tolist() == [
        [12, "006_1", "offset := 3600"], [16, "006_1", "row dropped"], [17, "006_1", "row dropped"]]
    # the 146 other videos have no frames on disk: reported, not an error
    m = f[f["quirk"] == "missing_frames"]
    assert len(ds.videos) == 147 and len(m) == 146 and "006_1" not in set(m["video"])
    assert ds.videos["source"].isna().sum() == 146
