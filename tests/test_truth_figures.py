"""The demo's truth as a table, the timelines' truth lanes, and figures that share one scale."""

from __future__ import annotations

from dataclasses import replace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from mespot_nb import plotting  # noqa: E402
from mespot_nb.datasets import (TRUTH_KINDS, clear_of_events, isolated_event,  # noqa: E402
                                video_truth, windows_clear_of_truth)
from mespot_nb.demo import demo_events, demo_truth_landmarks  # noqa: E402
from mespot_nb.errors import MespotError  # noqa: E402
from mespot_nb.features import geometry_groups, landmark_steps, shared_limit  # noqa: E402
from mespot_nb.readers import read_samm_lv  # noqa: E402


@pytest.fixture(scope="module")
def demo_ds(short_demo):
    ds = read_samm_lv(short_demo / "annotations.xlsx", short_demo / "SAMM_longvideos", fps=30,
                      name="short")
    return replace(ds, format="demo", meta={**ds.meta, "root": str(short_demo)})


EVENTS = pd.DataFrame({"kind": ["micro", "blink", "talking", "head turn", "head nod",
                                "light step"],
                       "onset": [10, 40, 70, 120, 160, 200], "offset": [18, 46, 130, 140, 175, 208],
                       "detail": [""] * 6})


def test_truth_table_matches_generator_record(demo_ds, short_demo):
    ev = demo_events(short_demo)
    n_rows = 0
    for row in demo_ds.videos.itertuples():
        t = video_truth(demo_ds, row.subject, row.video)
        e = ev[f"{row.subject}/{row.video}"]
        assert list(t.columns) == ["kind", "onset", "offset", "detail"]
        assert set(t.kind) <= set(TRUTH_KINDS)
        assert (t.onset >= 1).all() and (t.offset >= t.onset).all()
        assert (t.offset <= e["n_frames"]).all()
        assert (t.onset.diff().dropna() >= 0).all()           # sorted by onset
        counts = t.kind.value_counts()
        assert counts.get("blink", 0) == len(e["blinks"])
        assert counts.get("talking", 0) == len(e["talking"])
        assert counts.get("head turn", 0) + counts.get("head nod", 0) == len(e["head_motion"])
        assert counts.get("light step", 0) == len(e["light_steps"])
        # the expressions are the annotated ones, frame for frame
        iv = demo_ds.video_intervals(row.subject, row.video)
        got = t[t.kind.isin(["micro", "macro"])][["kind", "onset", "offset"]]
        want = iv[["type", "onset", "offset"]].rename(columns={"type": "kind"})
        pd.testing.assert_frame_equal(
            got.sort_values(["onset", "kind"]).reset_index(drop=True),
            want.sort_values(["onset", "kind"]).reset_index(drop=True), check_dtype=False)
        # a blink's rows are the frames where the true upper lid moves towards the lower one
        lm = demo_truth_landmarks(short_demo, row.subject, row.video)
        gap = lm[:, 41, 1] - lm[:, 37, 1]                     # P42 − P38: eye opening (px)
        for b in t[t.kind == "blink"].itertuples():
            assert np.median(gap) - gap[b.onset - 1:b.offset].min() > 2, (row.video, b)
        n_rows += len(t)
    assert n_rows > 0


def test_truth_table_is_empty_outside_the_demo(demo_ds):
    plain = replace(demo_ds, format="samm-lv", meta={})
    s, v = plain.videos.iloc[0][["subject", "video"]]
    t = video_truth(plain, s, v)
    assert t.empty and list(t.columns) == ["kind", "onset", "offset", "detail"]
    assert windows_clear_of_truth(plain, pd.DataFrame(
        {"subject": [s], "video": [v], "start": [1], "stop": [10]})).all()
    with pytest.raises(MespotError, match="no video"):
        video_truth(demo_ds, "nobody", "nothing")


def test_windows_clear_of_events():
    ok = clear_of_events(EVENTS, [1, 5, 19, 47, 300], [9, 10, 39, 69, 320])
    assert ok.tolist() == [True, False, True, True, True]
    assert clear_of_events(EVENTS, [19], [39], margin=1).tolist() == [False]
    start, kind = isolated_event(EVENTS, ["blink"], 9, 400)
    assert kind == "blink" and start == 39 and clear_of_events(
        EVENTS[EVENTS.kind != "blink"], [start], [start + 8]).all()
    # the only head turn overlaps talking: the nod is taken instead
    assert isolated_event(EVENTS, ["head turn", "head nod"], 9, 400)[1] == "head nod"
    assert isolated_event(EVENTS, ["head turn"], 9, 400) is None


def _labels(ax):
    return ax.get_legend_handles_labels()[1]


def test_truth_bands_draw_one_patch_per_event_below_the_data():
    fig, ax = plt.subplots()
    ax.plot(np.arange(300) / 30, np.linspace(0, 1, 300))
    ylim, xlim = ax.get_ylim(), ax.get_xlim()
    n0 = len(ax.patches)
    plotting.truth_bands(ax, EVENTS, fps=30)
    new = [p for p in ax.patches[n0:] if p.get_data_transform() == ax.get_xaxis_transform()]
    rugs = [p for p in new if p.get_height() < 0.5]          # the lanes under the data
    shades = [p for p in new if p.get_height() == 1]         # full-height, distractors only
    assert len(rugs) == len(EVENTS) and len(shades) == len(EVENTS) - 1
    assert {"micro (truth)", "blink", "talking", "head turn", "head nod",
            "light step"} <= set(_labels(ax))
    assert ax.get_ylim()[0] < ylim[0] and ax.get_ylim()[1] == ylim[1]   # room below
    assert ax.get_xlim() == xlim
    blink = next(p for p in rugs if p.get_label() == "blink")
    assert blink.get_x() == pytest.approx(39.5 / 30) and blink.get_width() == pytest.approx(7 / 30)
    n = len(ax.patches)
    plotting.truth_bands(ax, EVENTS.iloc[0:0], fps=30)
    assert len(ax.patches) == n
    with pytest.raises(MespotError, match="unknown event kinds"):
        plotting.truth_bands(ax, EVENTS.assign(kind="sneeze"))
    plt.close(fig)


def test_timeline_helpers_take_the_events():
    fps, n = 30.0, 300
    iv = pd.DataFrame({"onset": [10], "offset": [18], "apex": [14], "type": ["micro"]})
    scores = pd.DataFrame({"start": np.arange(1, n - 13)})
    scores["stop"] = scores["start"] + 14
    scores["score"] = np.random.default_rng(0).random(len(scores))
    with_ev = plotting.score_timeline(scores, iv, 0.5, fps, events=EVENTS)
    without = plotting.score_timeline(scores, iv, 0.5, fps)
    assert "blink" in _labels(with_ev) and "blink" not in _labels(without)
    curve = np.random.default_rng(1).random(n)
    ax = plotting.spotting_curve(curve, fps, iv, events=EVENTS)
    assert "talking" in _labels(ax)
    # each region's own bar, dotted in its curve's colour (aumatch's region_bars)
    ax = plotting.spotting_curve(curve, fps, iv, threshold=0.5, extra={"brows": curve,
                                 "mouth": curve[::-1]}, bars={"brows": 0.5, "mouth": 0.8})
    lines = {ln.get_label(): ln for ln in ax.get_lines()}
    assert lines["mouth's bar"].get_linestyle() == ":" and lines["brows' bar"].get_ydata()[0] == 0.5
    assert lines["mouth's bar"].get_color() == lines["mouth"].get_color()
    ax = plotting.feature_trace(scores["start"].to_numpy(), scores["score"].to_numpy(), 15, fps,
                                iv, label="x", events=EVENTS)
    assert "light step" in _labels(ax)
    ax = plotting.candidate_curve(curve, fps, dict(onset=40, apex=43, offset=46, type="micro"),
                                  window_s=0.5, events=EVENTS)
    assert "blink" in _labels(ax) and "light step" not in _labels(ax)   # only those in view
    fig = plotting.score_timeline_plotly(scores, iv, 0.5, fps, events=EVENTS)
    assert {"blink", "talking", "head turn", "head nod", "light step"} <= \
        {t.name for t in fig.data}
    plt.close("all")


def test_landmark_trajectories_band_and_steps():
    class Track:
        n_frames, first_frame, fps = 120, 1, 30.0

    rng = np.random.default_rng(3)
    lm = np.zeros((120, 68, 2))
    lm[:, 30, 1] = 100
    lm[:, 21, 1] = 80 + np.round(rng.normal(0, 0.6, 120))   # whole-pixel jitter
    lm[50:56, 21, 1] -= 6                                    # a 6 px move inside frames 51–56
    Track.landmarks, Track.valid = lm, np.ones(120, bool)
    inside = np.zeros(120, bool)
    inside[50:56] = True
    st = landmark_steps(lm, {"brow": 21}, inside=inside).loc["brow"]
    d = np.diff(lm[:, 21, 1])
    assert st.steps == 119
    assert st.zero == pytest.approx(np.mean(d == 0)) and st.one == pytest.approx(np.mean(np.abs(d) == 1))
    assert st.max_inside >= 5 and st.p95_outside <= 2
    ax = plotting.landmark_trajectories(Track, pd.DataFrame(columns=["onset", "offset", "type"]),
                                        {"brow": 21}, events=EVENTS)
    assert any("one landmark step" in lab for lab in _labels(ax))
    assert "blink" in _labels(ax)
    plt.close("all")


def test_dynamic_images_share_one_colour_scale():
    rng = np.random.default_rng(4)
    rows = {lab: {roi: (rng.normal(0, s, (12, 16)), np.abs(rng.normal(0, s, (12, 16))))
                  for roi in ("eyes", "nose", "mouth")}
            for lab, s in (("micro", 5.0), ("neutral", 1.0), ("blink", 20.0))}
    lim = shared_limit(di for r in rows.values() for di, _ in r.values())
    allv = np.concatenate([np.abs(di).ravel() for r in rows.values() for di, _ in r.values()])
    assert lim == pytest.approx(np.percentile(allv, 99.5))
    axes = plotting.dynamic_image_grid(rows, limit=lim)
    dis = [ax.images[0] for ax in axes[:, 0::2].ravel()]
    diffs = [ax.images[0] for ax in axes[:, 1::2].ravel()]
    assert {(im.norm.vmin, im.norm.vmax) for im in dis} == {(-lim, lim)}
    assert len({(im.norm.vmin, im.norm.vmax) for im in diffs}) == 1
    assert len(axes[0, 0].figure.axes) == axes.size + 2        # two colour bars
    with pytest.raises(MespotError):
        shared_limit([np.zeros(3)], q=0)
    plt.close("all")


def test_geometry_groups_and_their_figure():
    geo = np.ones((4, 67))
    geo[:, 45:] = 0
    geo[0, :30] = 1.1          # brow–nose ratios 10 % off
    geo[1, 45:55] = 2.0        # brow points moved 2 px
    g = geometry_groups(geo)
    assert g.shape == (4, 5)
    assert g.iloc[0]["brow–nose ratios"] == pytest.approx(0.1)
    assert g.iloc[1]["brow points P18–P27"] == pytest.approx(2.0)
    assert g.iloc[2].abs().sum() == 0
    axes = plotting.group_intervals({"a": g.iloc[:2], "b": g.iloc[2:]}, g.attrs["units"])
    assert len(axes) == 2                                   # one panel per unit
    assert {"a (n = 2)", "b (n = 2)"} <= set(_labels(axes[0]))
    with pytest.raises(MespotError):
        geometry_groups(np.ones((2, 10)))
    plt.close("all")
