"""The review loop (issue 14): decisions saved on every click, resumed after a restart, hand
edits checked, one writer per labels file, moved videos, retraining, the labels as a dataset,
and the simulated annotator."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import textwrap
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from mespot_nb.errors import MespotError
from mespot_nb.features import extract_features, profile_feature_params
from mespot_nb.methods import DEFAULT_SPOTTER, get_method
from mespot_nb.readers import read_samm_lv
from mespot_nb.review import (log_path, lock_path, open_review, read_candidates,
                              review_video, simulate_review)
from mespot_nb.review.media import spotter_curve

from conftest import ROOT, macro_demo, write_manifest


@pytest.fixture(scope="module")
def rdata(tiny_demo, cache_dir):
    """Two videos of the tiny demo with a micro-expression each, their flow-peak + HOOF features
    (one pass), and candidates: every annotated expression (frames jittered) and decoys away from
    any expression, the decoys scored in between."""
    ds = read_samm_lv(tiny_demo / "annotations.xlsx", tiny_demo / "SAMM_longvideos", fps=30)
    keep = ds.videos["video"].isin(["102_1", "103_1"])
    ds = replace(ds, videos=ds.videos[keep].reset_index(drop=True),
                 intervals=ds.intervals[ds.intervals["video"].isin(["102_1", "103_1"])]
                 .reset_index(drop=True))
    assert (ds.intervals["type"] == "micro").sum() >= 2
    params = replace(profile_feature_params("quick"), families=("flowpeak", "hoof"))
    feats = extract_features(ds, cache_dir, params, progress=False)
    rows = []
    for i, r in enumerate(ds.intervals.itertuples()):
        rows.append(dict(subject=r.subject, video=r.video, onset=r.onset + 1,
                         offset=r.offset - 1, type=r.type, score=0.9 - 0.2 * i))
    for i, (s, v) in enumerate(zip(ds.videos["subject"], ds.videos["video"])):
        iv = ds.video_intervals(s, v)
        starts = [a for a in range(5, 350, 12)
                  if ((iv["onset"] - 15 > a + 9) | (iv["offset"] + 15 < a)).all()]
        for j, a in enumerate(starts[:3]):
            rows.append(dict(subject=s, video=v, onset=a, offset=a + 9, type="micro",
                             score=0.95 - 0.2 * j - 0.05 * i))
    cands = pd.DataFrame(rows)
    return ds, feats, cands


@pytest.fixture
def spot_csv(rdata, tmp_path):
    p = tmp_path / "candidates.csv"
    rdata[2].to_csv(p, index=False)
    return p


def _open(rdata, labels, candidates=None, **kw):
    ds, feats, _ = rdata
    return open_review(labels, ds, candidates, features=feats, model_features=feats, **kw)


RESUME = textwrap.dedent("""
    import json, sys
    from dataclasses import replace
    import pandas as pd
    from mespot_nb.readers import read_samm_lv
    from mespot_nb.review import open_review
    root, labels = sys.argv[1], sys.argv[2]
    ds = read_samm_lv(root + "/annotations.xlsx", root + "/SAMM_longvideos", fps=30)
    ds = replace(ds, videos=ds.videos[ds.videos["video"].isin(["102_1", "103_1"])])
    rv = open_review(labels, ds)
    if len(sys.argv) > 3:      # hold the labels file until stdin closes
        print("ready", flush=True)
        sys.stdin.read()
    t = rv.table()
    print(json.dumps({"queue": rv.queue(), "status": dict(zip(t["id"], t["status"])),
                      "labels": rv.labels_table().astype(str).values.tolist()}))
    rv.close()
""")


def _kernel_died(labels):
    """What a crashed kernel leaves: its lock, naming a process that no longer runs."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    info = json.loads(lock_path(labels).read_text())
    lock_path(labels).write_text(json.dumps(dict(info, pid=int(gone))))


def _resume_in_new_process(tiny_demo, labels):
    r = subprocess.run([sys.executable, "-c", RESUME, str(tiny_demo), str(labels)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_every_click_saved_undo_and_resume_after_a_restart(rdata, spot_csv, tmp_path, tiny_demo):
    labels = tmp_path / "lab" / "labels.csv"
    rv = _open(rdata, labels, spot_csv)
    ds, _, cands = rdata
    assert rv.progress()["total"] == len(cands)
    assert rv.queue()[0] == rv.table()["id"][0]
    scores = rv.table()["spotter_score"].tolist()
    assert scores == sorted(scores, reverse=True)          # ordered by score
    truth = ds.intervals.iloc[0]
    true_id = f"{truth.subject}/{truth.video}/{truth.onset + 1}-{truth.offset - 1}"
    first = rv.queue()[0]
    rv.reject(first, "blink")
    n_log = len(log_path(labels).read_text().splitlines())
    rv.accept(true_id, int(truth.onset), int(truth.apex), int(truth.offset), "micro", "AU4")
    lines = log_path(labels).read_text().splitlines()
    assert len(lines) == n_log + 1                          # one line per click
    ev = json.loads(lines[-1])
    assert (ev["event"], ev["action"], ev["id"], ev["onset"], ev["note"]) == \
        ("decision", "accept", true_id, int(truth.onset), "AU4")
    lab = pd.read_csv(labels, keep_default_na=False)
    assert lab[["subject", "video", "onset", "offset", "type", "note"]].values.tolist() == \
        [[int(truth.subject), truth.video, truth.onset, truth.offset, "micro", "AU4"]]
    skipped = rv.queue()[0]
    rv.skip()
    assert rv.queue()[-1] == skipped                       # skipped ones come back last
    rv.undo()                                               # the skip
    assert rv.status(skipped) == "unreviewed" and rv.queue()[0] == skipped
    adj = rv.queue()[0]
    c = rv.candidate(adj)
    rv.accept(adj, c["onset"] - 2, None, c["offset"] + 3, "macro")
    rv.undo()                                               # the accept
    assert rv.status(adj) == "unreviewed" and len(pd.read_csv(labels)) == 1
    before = log_path(labels).read_text()
    rv.accept(adj, c["onset"] - 2, None, c["offset"] + 3, "macro")
    assert log_path(labels).read_text().startswith(before)  # append-only
    p = rv.progress()
    assert (p["reviewed"], p["accepted"], p["rejected"]) == (3, 2, 1)
    assert 0 < p["footage_left"] < p["footage_candidates"] < 1
    state = dict(queue=rv.queue(), status=dict(zip(rv.table()["id"], rv.table()["status"])),
                 labels=rv.labels_table().astype(str).values.tolist())
    # a kernel restart: the process dies without closing; a new one resumes from the files
    _kernel_died(labels)
    out = _resume_in_new_process(tiny_demo, labels)
    assert out == state
    with pytest.raises(MespotError, match="no review in .* to resume"):
        _open(rdata, tmp_path / "other.csv")


def test_labels_are_a_dataset_for_evaluate_and_the_manifest(rdata, spot_csv, tmp_path):
    from mespot_nb.datasets import load_dataset

    ds, _, cands = rdata
    rv = _open(rdata, tmp_path / "labels.csv", spot_csv)
    accepted = []
    for r in ds.intervals.head(2).itertuples():
        cid = f"{r.subject}/{r.video}/{r.onset + 1}-{r.offset - 1}"
        rv.accept(cid, int(r.onset), int(r.apex), int(r.offset), r.type)
        accepted.append([r.subject, r.video, r.onset, r.offset, r.type, r.apex])
    rv.reject()
    man = write_manifest(tmp_path / "m.yaml", {"reviewed": rv.manifest_entry()})
    got = load_dataset("reviewed", man)
    assert got.intervals[["subject", "video", "onset", "offset", "type"]].values.tolist() == \
        [a[:5] for a in accepted]
    # the annotated apex stays in the labels file (the CSV reader takes the midpoint)
    assert pd.read_csv(tmp_path / "labels.csv")["apex"].tolist() == [a[5] for a in accepted]
    assert set(got.videos["video"]) == {a[1] for a in accepted}
    assert got.videos["source"].notna().all()
    assert (got.videos["n_frames"] == 360).all()
    r = subprocess.run([sys.executable, "-m", "mespot_nb", "evaluate", "--annotations",
                        str(tmp_path / "labels.csv"), "--format", "csv", "--predictions",
                        str(spot_csv), "--protocol", "megc2020", "--type", "all", "--json"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    overall = json.loads(r.stdout)["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (2, len(cands) - 2, 0)
    r = subprocess.run([sys.executable, "-m", "mespot_nb", "audit", "--manifest", str(man),
                        "--dataset", "reviewed"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    rv.close()


def test_hand_edits_checked_and_adopted(rdata, spot_csv, tmp_path):
    labels = tmp_path / "labels.csv"
    rv = _open(rdata, labels, spot_csv)
    t = rv.table()
    rv.accept(t["id"][0])
    rv.accept(t["id"][1])
    rv.close()
    good = labels.read_text()
    # onset > offset: the file and the row are named, nothing is overwritten, the log untouched
    lines = good.splitlines()
    f = lines[2].split(",")
    f[2], f[3] = f[3], f[2]
    bad = "\n".join(lines[:2] + [",".join(f)]) + "\n"
    labels.write_text(bad)
    log_before = log_path(labels).read_bytes()
    with pytest.raises(MespotError, match=rf"{labels.name}, row 3: onset \d+ > offset"):
        _open(rdata, labels)
    assert labels.read_text() == bad and log_path(labels).read_bytes() == log_before
    labels.write_text(good + "999,999_1,5,9,micro,7,,\n")
    with pytest.raises(MespotError, match=r"row 4: video \(999, 999_1\) is not one of the videos"):
        _open(rdata, labels)
    # a valid edit: one row's frames changed, one row deleted, one row added by hand
    labels.write_text(good)
    df = pd.read_csv(labels.open(), dtype=str, keep_default_na=False)
    df.loc[0, "onset"] = str(int(df.loc[0, "onset"]) - 1)
    gone = df.loc[1, "candidate"]
    df = df.drop(index=1)
    df.loc[len(df) + 1] = ["103", "103_1", "300", "305", "macro", "", "by hand", ""]
    df.to_csv(labels, index=False)
    rv = _open(rdata, labels)
    assert rv.status(gone) == "rejected"
    lab = rv.labels_table()
    assert len(lab) == 2 and "by hand" in set(lab["note"])
    hand = [json.loads(x) for x in log_path(labels).read_text().splitlines()]
    assert [e["event"] for e in hand if e.get("by") == "hand" or e["event"] == "manual"] == \
        ["decision", "decision", "manual"]
    rv.undo()                                   # the hand deletion can be undone
    assert rv.status(gone) == "accepted"
    # edited while the review is open: checked before the next click is saved
    size = log_path(labels).stat().st_size
    labels.write_text(labels.read_text().replace("by hand", "by hand; AU12"))
    rv.reject()
    assert "by hand; AU12" in set(rv.labels_table()["note"])
    text = labels.read_text()
    labels.write_text(text + "103,103_1,40,30,micro,,,\n")
    size = log_path(labels).stat().st_size
    with pytest.raises(MespotError, match="onset 40 > offset 30"):
        rv.reject()
    assert log_path(labels).stat().st_size == size      # that click saved nothing
    rv.close()


def test_second_kernel_refused_and_stale_writer_stops(rdata, spot_csv, tmp_path, tiny_demo):
    labels = tmp_path / "labels.csv"
    _open(rdata, labels, spot_csv).close()
    holder = subprocess.Popen([sys.executable, "-c", RESUME, str(tiny_demo), str(labels), "hold"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(MespotError, match=rf"already open for review in another process "
                                              rf"\(pid {holder.pid}"):
            _open(rdata, labels)
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    # a crashed kernel leaves its lock behind: stale, taken over
    lock_path(labels).write_text(json.dumps({"pid": holder.pid, "host": socket.gethostname(),
                                             "session": "dead", "since": "x"}))
    a = _open(rdata, labels)
    a.accept()
    b = _open(rdata, labels)            # the cell re-run in the same kernel takes over
    with pytest.raises(MespotError, match="opened again elsewhere"):
        a.reject()
    b.reject()
    # compare-and-swap on the log: an append behind this review's back stops it
    before = labels.read_text()
    with open(log_path(labels), "a") as fh:
        fh.write(json.dumps({"seq": 999, "event": "undo", "undoes": 0, "id": "x"}) + "\n")
    with pytest.raises(MespotError, match="changed since this review last wrote it"):
        b.accept()
    assert labels.read_text() == before
    b.close()
    assert not lock_path(labels).exists()


def test_torn_log_line_dropped_and_missing_labels_rewritten(rdata, spot_csv, tmp_path):
    labels = tmp_path / "labels.csv"
    rv = _open(rdata, labels, spot_csv)
    rv.accept()
    rv.close()
    want = labels.read_text()
    with open(log_path(labels), "a") as fh:
        fh.write('{"seq": 5, "event": "decis')         # the kernel died mid-write
    labels.unlink()
    with pytest.warns(UserWarning) as caught:
        rv = _open(rdata, labels)
    said = " ".join(str(w.message) for w in caught)
    assert "cut short" in said and "missing; rewritten from the decision log" in said
    assert labels.read_text() == want and rv.progress()["accepted"] == 1
    rv.reject()
    assert all(json.loads(x) for x in log_path(labels).read_text().splitlines())
    rv.close()


def test_moved_video_named_with_the_fix(rdata, spot_csv, tmp_path):
    ds, feats, cands = rdata
    src = ds.videos.set_index("video").loc["102_1", "source"]
    copy = tmp_path / "frames" / "102_1"
    shutil.copytree(src, copy)
    moved_ds = replace(ds, videos=ds.videos.assign(source=[
        str(copy) if v == "102_1" else s for v, s in zip(ds.videos["video"],
                                                        ds.videos["source"])]))
    labels = tmp_path / "labels.csv"
    rv = open_review(labels, moved_ds, spot_csv, features=feats)
    rv.accept()
    rv.close()
    new = tmp_path / "elsewhere" / "102_1"
    new.parent.mkdir()
    copy.rename(new)
    with pytest.raises(MespotError, match=r"video \(102, 102_1\) .* was at .*frames/102_1, which "
                                          r"no longer exists.*moved=\{'102/102_1'"):
        open_review(labels, moved_ds, features=feats)
    rv = open_review(labels, moved_ds, features=feats, moved={"102/102_1": str(new)})
    assert rv.state.videos[("102", "102_1")]["source"] == str(new)
    assert rv.progress()["accepted"] == 1
    rv.close()
    ev = [json.loads(x) for x in log_path(labels).read_text().splitlines()]
    assert [e for e in ev if e["event"] == "video_moved"][0]["new"] == str(new)


def test_bad_candidates_named_by_row(rdata, tmp_path):
    ds = rdata[0]
    p = tmp_path / "c.csv"
    p.write_text("subject,video,onset,offset,type,score\n102,102_1,5,9,micro,0.5\n"
                 "102,nope,5,9,micro,0.4\n")
    with pytest.raises(MespotError, match=r"c.csv, row 3: video \(102, nope\) is not in"):
        read_candidates(p, ds)
    p.write_text("subject,video,onset,offset\n102,102_1,350,400\n")
    with pytest.raises(MespotError, match=r"row 2: frames 350–400 are not inside .* 1–360"):
        read_candidates(p, ds)


def test_retrain_reorders_and_the_order_survives_a_restart(rdata, spot_csv, tmp_path, tiny_demo):
    ds, _, cands = rdata
    labels = tmp_path / "labels.csv"
    rv = open_review(labels, ds, spot_csv, features=rdata[1])   # HOOF from the curves' pass
    with pytest.raises(MespotError, match="nothing is labelled yet"):
        rv.retrain()
    micro = ds.intervals[ds.intervals["type"] == "micro"].iloc[0]
    rv.accept(f"{micro.subject}/{micro.video}/{micro.onset + 1}-{micro.offset - 1}",
              int(micro.onset), int(micro.apex), int(micro.offset), "micro")
    for cid in rv.queue()[:2]:
        rv.reject(cid)
    info = rv.retrain()
    assert info["method"] == "hoof-lstm" and info["positives"] >= 1
    t = rv.table()
    pend = t[t["status"] == "unreviewed"]
    assert pend["model_score"].notna().all()
    assert pend["model_score"].tolist() == sorted(pend["model_score"], reverse=True)
    assert rv.queue() == pend["id"].tolist()
    ev = json.loads(log_path(labels).read_text().splitlines()[-1])
    assert ev["event"] == "scores" and set(ev["scores"]) == set(pend["id"])
    _kernel_died(labels)
    assert _resume_in_new_process(tiny_demo, labels)["queue"] == rv.queue()


def _softnet_review(short_features, labels, monkeypatch):
    """A SOFTNet review of the short demo with macro-expressions (:func:`conftest.macro_demo`):
    every annotated expression a candidate of its type (clipped to the video), SOFTNet's
    features extracted per type into the shared cache (test_softnet's passes), one epoch."""
    from mespot_nb.models import ModelConfig

    base = ModelConfig.profile("quick")
    monkeypatch.setattr(ModelConfig, "profile",
                        classmethod(lambda cls, name: replace(base, softnet_epochs=1,
                                                              lstm_epochs=1)))
    ds = macro_demo(short_features)
    n = dict(zip(ds.videos["video"], ds.videos["n_frames"]))
    cands = ds.intervals[["subject", "video", "onset", "offset", "type"]].copy()
    cands["offset"] = [min(int(o), int(n[v])) for o, v in zip(cands["offset"], cands["video"])]
    cands["score"] = np.linspace(0.9, 0.1, len(cands))
    rv = open_review(labels, ds, cands, cache_dir=short_features[3], method="softnet")
    return rv, ds, {r.Index: f"{r.subject}/{r.video}/{r.onset}-{r.offset}"
                    for r in cands.itertuples()}


def _window_max(model, feats, method, ds, cid):
    """The highest score ``model`` gives the windows of ``feats`` overlapping candidate ``cid``
    (what the review's retrain scores a candidate by)."""
    from mespot_nb.inference import gather, predict_scores

    sv, on_off = cid.rsplit("/", 1)
    s, v = sv.split("/")
    on, off = map(int, on_off.split("-"))
    data = gather(ds, {(s, v): feats[(s, v)]}, method)
    t = data.table
    hit = ((t["start"] <= off) & (t["stop"] >= on)).to_numpy()
    return float(predict_scores(model, data, method, device="cpu")[hit].max())


def test_softnet_retrain_trains_a_model_per_type_and_scores_each_candidate_with_its_own(
        short_features, tmp_path, monkeypatch):
    """Accepted micro- and macro-expressions: SOFTNet's retrain trains both models (each on its
    own pass: the macro k), keeps both on the review, and scores a macro candidate still to
    review with the macro model (not the micro one), a micro candidate with the micro model;
    a plain features dict is refused for the macro model, naming what to pass."""
    from mespot_nb.inference import TypedFeatures
    from mespot_nb.features.softnet import softnet_k

    labels = tmp_path / "labels.csv"
    rv, ds, ids = _softnet_review(short_features, labels, monkeypatch)
    iv = ds.intervals
    on_102 = iv["video"] == "102_1"
    for i in iv.index[~on_102]:       # 101 and 103: two micro, two macro accepted (each type)
        r = iv.loc[i]
        rv.accept(ids[i], int(r.onset), int(r.apex), int(r.offset), r.type)
    macro_cid = ids[iv.index[on_102 & (iv["type"] == "macro")][0]]
    micro_cid = ids[iv.index[on_102 & (iv["type"] == "micro")][0]]
    info = rv.retrain()
    m = get_method("softnet")
    assert info["method"] == "softnet" and info["skipped"] == {}
    assert set(info["by_type"]) == {"micro", "macro"}
    assert all(d["positives"] > 0 and d["threshold"] == 0.55 and d["best_epoch"] == 1
               for d in info["by_type"].values())
    assert info["by_type"]["micro"]["windows"] == info["windows"]          # top level: micro
    assert info["by_type"]["macro"]["scored"] == 2 and info["by_type"]["micro"]["scored"] == 1
    assert isinstance(rv.model, dict) and set(rv.model) == {"micro", "macro"}
    feats = rv.model_features
    assert isinstance(feats, TypedFeatures)
    assert feats.params["macro"].softnet_k == softnet_k(ds.intervals, "macro") > \
        feats.params["micro"].softnet_k
    score = rv.state.model_scores
    by_macro = _window_max(rv.model["macro"], feats.by_type["macro"], m.for_type("macro"), ds,
                           macro_cid)
    by_micro = _window_max(rv.model["micro"], feats.by_type["micro"], m.for_type("micro"), ds,
                           macro_cid)
    assert score[macro_cid] == pytest.approx(by_macro, abs=2e-6)
    assert abs(score[macro_cid] - by_micro) > 1e-4       # not what the micro model gives it
    assert score[micro_cid] == pytest.approx(
        _window_max(rv.model["micro"], feats.by_type["micro"], m.for_type("micro"), ds,
                    micro_cid), abs=2e-6)
    ev = json.loads(log_path(labels).read_text().splitlines()[-1])
    assert ev["event"] == "scores" and set(ev["model"]["by_type"]) == {"micro", "macro"}
    rv.model_features = dict(feats)        # one pass (the micro one) as a plain dict
    with pytest.raises(MespotError, match=r"SOFTNet trains one model per type.*pass "
                                          r"TypedFeatures"):
        rv.retrain()
    rv.close()


def test_softnet_retrain_with_micro_labels_only_skips_the_macro_model(short_features, tmp_path,
                                                                     monkeypatch):
    """Only micro-expressions accepted: SOFTNet's retrain trains the micro model alone, says in
    ``info`` (and the widget's message) why the macro model is skipped and that its candidates
    score 0, and extracts no macro pass; with nothing accepted at all it refuses, naming both
    types."""
    rv, ds, ids = _softnet_review(short_features, tmp_path / "labels.csv", monkeypatch)
    iv = ds.intervals
    macro_101 = iv.index[(iv["video"] == "101_1") & (iv["type"] == "macro")]
    rv.reject(ids[macro_101[0]])
    with pytest.raises(MespotError, match="accept at least one micro-expression or "
                                          "macro-expression"):
        rv.retrain()
    for i in iv.index[(iv["video"] == "101_1") & (iv["type"] == "micro")]:
        r = iv.loc[i]
        rv.accept(ids[i], int(r.onset), int(r.apex), int(r.offset), "micro")
    info = rv.retrain()
    assert set(info["by_type"]) == {"micro"} and set(info["skipped"]) == {"macro"}
    n_macro = int(((iv["type"] == "macro") & (iv["video"] != "101_1")).sum())
    assert info["skipped"]["macro"] == (
        "no accepted or hand-added macro-expression to train SOFTNet's macro model on; its "
        f"{n_macro} candidate(s) still to review score 0")
    assert set(rv.model) == {"micro"} and set(rv.model_features.by_type) == {"micro"}
    pend = rv.table()[lambda t: t["status"] == "unreviewed"]
    assert (pend.loc[pend["type"] == "macro", "model_score"] == 0.0).all()
    assert pend["model_score"].notna().all() and len(pend) > n_macro
    from mespot_nb.review import ReviewWidget

    ui = ReviewWidget(rv)                  # the Retrain button says so too
    ui.retrain_b.click()
    assert ui.method.value == "softnet" and "retrained softnet (micro model on" in \
        ui.message.value and "; macro model skipped: no accepted" in ui.message.value
    # switching the method: HOOF-LSTM's features are extracted (SOFTNet's lack its families),
    # and back to SOFTNet its own are read again
    info = rv.retrain(method="hoof-lstm")
    assert info["method"] == "hoof-lstm"
    assert "hoof" in next(iter(rv.model_features.values())).meta["families"]
    assert set(rv.retrain(method="softnet")["by_type"]) == {"micro"}
    rv.close()


def test_simulated_annotator_curve(rdata, tmp_path):
    ds, feats, cands = rdata
    sim = simulate_review(ds, cands, feats, feats, batch=3, rounds=2, top_n=3,
                          labels=tmp_path / "sim.csv")
    assert sim["round"].tolist() == list(range(len(sim))) and len(sim) >= 3
    top3 = cands.sort_values("score", ascending=False).head(3)
    n_true = sum(1 for r in top3.itertuples() if (ds.intervals["onset"] == r.onset - 1).any())
    assert sim["precision_top"][0] == pytest.approx(n_true / 3)
    assert sim["labels"].is_monotonic_increasing and sim["found"].is_monotonic_increasing
    assert sim["found"].iloc[-1] == pytest.approx(sim["labels"].iloc[-1] / len(ds.intervals))
    assert sim["footage_unreviewed"].is_monotonic_decreasing
    assert (sim["footage_left"] <= sim["footage_unreviewed"] + 1e-12).all()
    assert sim["retrained"].iloc[-1] and sim["retrain_s"].iloc[-1] > 0
    lab = pd.read_csv(tmp_path / "sim.csv", dtype={"subject": str})
    merged = lab.merge(ds.intervals, on=["subject", "video", "onset", "offset", "type"])
    assert len(merged) == len(lab) == sim["labels"].iloc[-1]   # labelled with the truth's frames


def test_widget_buttons_save_and_show_the_next_candidate(rdata, spot_csv, tmp_path):
    from mespot_nb.review import ReviewWidget

    labels = tmp_path / "labels.csv"
    rv = _open(rdata, labels, spot_csv)
    ui = ReviewWidget(rv)
    first = ui.cid
    assert first == rv.queue()[0] and ui.clip.value[:4] == b"RIFF" and ui.curve.value[:4] == \
        b"\x89PNG"
    assert "0 of" in ui.header.value
    ui.buttons["onset-minus"].click()
    ui.buttons["offset-plus"].click()
    ui.type.value = "macro"
    ui.note.value = "AU1+AU2"
    c = rv.candidate(first)
    ui.buttons["accept"].click()
    row = pd.read_csv(labels, keep_default_na=False).iloc[0]
    assert (row["onset"], row["offset"], row["type"], row["note"]) == \
        (c["onset"] - 1, c["offset"] + 1, "macro", "AU1+AU2")
    assert ui.cid != first and "1 of" in ui.header.value
    ui.buttons["reject"].click()
    ui.buttons["undo"].click()
    assert rv.progress()["reviewed"] == 1 and "undid: reject" in ui.message.value
    ui.onset.value, ui.offset.value = 200, 100
    ui.buttons["accept"].click()                # a bad adjustment is refused, shown, not saved
    assert "nothing saved" in ui.message.value and rv.progress()["reviewed"] == 1
    rv.close()


def test_review_a_video_spotted_on_the_spot(tiny_demo, cache_dir, tmp_path):
    from mespot_nb.spotting import spot_video

    v = tiny_demo / "SAMM_longvideos" / "102_1"
    rv = review_video(v, tmp_path / "labels.csv", cache_dir=cache_dir, fps=30, p=0.2)
    spotted = spot_video(v, cache_dir=cache_dir, fps=30, p=0.2, progress=False
                         )["intervals"]   # the review's spotter: mespot spot's default
    t = rv.table()
    assert rv.spotter == DEFAULT_SPOTTER == "aumatch"
    assert len(t) == len(spotted) > 0 and set(t["subject"]) == {"user"}
    # the curve drawn is the one the candidates are peaks of
    f = rv.features[("user", "102_1")]
    curve, label = spotter_curve(rv, "user", "102_1")
    np.testing.assert_array_equal(curve, get_method("aumatch").free.curve(f))
    assert label.startswith("aumatch") and "robust z" in label
    pk = spotted[spotted["type"] == "micro"].iloc[0]
    seg = np.nan_to_num(curve[pk.onset - 1:pk.offset], nan=-np.inf)
    from mespot_nb.methods.aumatch import DEFAULTS as AUMATCH
    assert seg.max() >= AUMATCH["z_min"]          # a peak above the default z_min inside it
    rv.accept()
    assert pd.read_csv(tmp_path / "labels.csv")["video"].tolist() == ["102_1"]
    assert rv.frames_pattern() == str(v.parent / "{video}")
    rv.close()


def test_the_curve_beside_a_candidate_is_a_spotters_whose_features_are_there(rdata, tmp_path):
    """Features of flow-peak only: the review's spotter (aumatch) has no arrays there, so
    flow-peak's curve is drawn, labelled as flow-peak's; an unknown spotter is refused."""
    ds, feats, cands = rdata
    rv = open_review(tmp_path / "l.csv", ds, cands, features=feats)
    s, v = cands.iloc[0][["subject", "video"]]
    curve, label = spotter_curve(rv, s, v)
    np.testing.assert_array_equal(curve, get_method("flow-peak").free.curve(feats[(s, v)]))
    assert label == "flow-peak: flow magnitude (px)"
    assert rv.curve_png(rv.current()["id"])[:4] == b"\x89PNG"
    rv.close()
    rv = open_review(tmp_path / "m.csv", ds, cands, features={})
    assert spotter_curve(rv, s, v) == (None, "")        # nothing to draw: the plot says so
    rv.close()
    with pytest.raises(MespotError, match="unknown method"):
        open_review(tmp_path / "n.csv", ds, cands, features=feats, spotter="nope")
