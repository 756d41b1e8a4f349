"""Timelines: anything drawn against frames or seconds (ground truth, the demo's truth lanes,
landmark traces, feature traces, score and spotting curves, review candidates)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._base import TYPE_COLORS, _ax


def shade_intervals(ax, intervals: pd.DataFrame, fps: float | None = None, alpha: float = 0.25,
                    label: bool = True):
    """Shade ground-truth intervals on a time axis (frames, or seconds if ``fps`` is given)."""
    seen = set()
    for r in intervals.itertuples():
        s, e = r.onset - 0.5, r.offset + 0.5
        if fps:
            s, e = s / fps, e / fps
        lab = r.type if (label and r.type not in seen) else None
        seen.add(r.type)
        ax.axvspan(s, e, color=TYPE_COLORS.get(r.type, "gray"), alpha=alpha, lw=0, label=lab)
    return ax


#: How :func:`truth_bands` draws each kind of :func:`mespot_nb.datasets.video_truth` row:
#: its lane (row of the rug under the curve, from the bottom) and colour.
TRUTH_STYLE = {"micro": (0, TYPE_COLORS["micro"]), "macro": (0, TYPE_COLORS["macro"]),
               "blink": (1, "#2ca02c"), "talking": (2, "#9467bd"), "head turn": (3, "#8c564b"),
               "head nod": (3, "#e377c2"), "light step": (4, "#bcbd22")}


TRUTH_LANES = ("expression", "blink", "talking", "head", "light")


def truth_bands(ax, events: pd.DataFrame | None, fps: float | None = None,
                row_height: float = 0.045, shade: bool = True):
    """What is known to happen in a video, under a timeline: one thin lane per kind of event
    (expressions, blinks, talking, head turns/nods, lighting steps) below the plotted data,
    and — for the distractors — a faint full-height band, so each false peak shows its cause.

    Call it after the data are drawn: it lowers the y-limits so that the lanes sit below them.
    A legend entry per kind present ("blink", "head turn", … ; expressions as "micro (truth)").

    Parameters
    ----------
    ax : the timeline's axes (time in frames, or in seconds when ``fps`` is given).
    events : a :func:`mespot_nb.datasets.video_truth` table (``kind``, ``onset``, ``offset``,
        1-based inclusive frames); None or empty draws nothing (datasets without such a record).
    row_height : height of one lane, as a fraction of the axes.
    shade : also shade each distractor over the full height (alpha 0.08).

    Returns
    -------
    The axes.
    """
    from matplotlib.patches import Rectangle

    if events is None or not len(events):
        return ax
    unknown = set(events["kind"]) - set(TRUTH_STYLE)
    if unknown:
        from ..errors import MespotError

        raise MespotError(f"truth_bands: unknown event kinds {sorted(unknown)}; "
                          f"use {', '.join(TRUTH_STYLE)}")
    had = ax.has_data()
    xlim = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    lanes = row_height * len(TRUTH_LANES)
    if had:   # room under the data for the lanes; no y ticks beside them
        ticks = [t for t in ax.get_yticks() if y0 <= t <= y1]
        ax.set_ylim(y1 - (y1 - y0) / (1 - lanes), y1)
        ax.set_yticks(ticks)
    trans = ax.get_xaxis_transform()   # x in data, y in axes fraction
    k = 1.0 / fps if fps else 1.0
    for kind, (lane, color) in TRUTH_STYLE.items():
        rows = events[events["kind"] == kind]
        for n, r in enumerate(rows.itertuples()):
            s, e = (r.onset - 0.5) * k, (r.offset + 0.5) * k
            ax.add_patch(Rectangle((s, lane * row_height + 0.1 * row_height), e - s,
                                   0.8 * row_height, transform=trans, color=color, lw=0,
                                   alpha=0.9, zorder=1.5,
                                   label=(f"{kind} (truth)" if lane == 0 else kind)
                                   if n == 0 else None))
            if shade and lane > 0:
                ax.axvspan(s, e, color=color, alpha=0.08, lw=0, zorder=0)
    for lane, name in enumerate(TRUTH_LANES):
        ax.text(1.003, (lane + 0.5) * row_height, name, transform=ax.transAxes, fontsize=6,
                va="center", ha="left", color="0.3")
    if had:
        ax.set_xlim(xlim)
    return ax


def _timeline_legend(ax, events: pd.DataFrame | None, ncol: int = 4):
    """The legend of a timeline: upper right, or below the axes when truth lanes add entries."""
    if events is not None and len(events):
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(0.0, -0.2), ncol=6,
                  frameon=False)
    else:
        ax.legend(fontsize=7, loc="upper right", ncol=ncol)


def gt_timeline(intervals: pd.DataFrame, n_frames: int, fps: float, ax=None, title: str = ""):
    """One video's ground truth as bars on a time axis (seconds): micro above, macro below."""
    ax = _ax(ax, figsize=(10, 1.8))
    for row, t in enumerate(("macro", "micro")):
        iv = intervals[intervals["type"] == t]
        ax.broken_barh([((r.onset - 1) / fps, (r.offset - r.onset + 1) / fps)
                        for r in iv.itertuples()], (row - 0.4, 0.8), color=TYPE_COLORS[t])
    ax.set_yticks([0, 1], ["macro", "micro"])
    ax.set_xlim(0, n_frames / fps)
    ax.set_xlabel("time (s)")
    if title:
        ax.set_title(title)
    return ax


def gt_timeline_plotly(intervals: pd.DataFrame, n_frames: int, fps: float, title: str = ""):
    """Interactive twin of :func:`gt_timeline` (hover shows frames and duration)."""
    import plotly.graph_objects as go

    fig = go.Figure()
    for t in ("macro", "micro"):
        iv = intervals[intervals["type"] == t]
        fig.add_trace(go.Bar(
            x=((iv["offset"] - iv["onset"] + 1) / fps).tolist(), base=((iv["onset"] - 1) / fps).tolist(),
            y=[t] * len(iv), orientation="h", marker_color=TYPE_COLORS[t], name=t,
            customdata=np.stack([iv["onset"], iv["offset"]], 1) if len(iv) else None,
            hovertemplate="frames %{customdata[0]}–%{customdata[1]}<br>%{x:.2f} s<extra></extra>"))
    fig.update_layout(title=title, height=220, barmode="overlay", xaxis_title="time (s)",
                      xaxis_range=[0, n_frames / fps], margin=dict(l=60, r=20, t=40, b=40))
    return fig


def landmark_trajectories(track, intervals: pd.DataFrame, points: dict[str, int], ax=None,
                          title: str = "", events: pd.DataFrame | None = None,
                          quantum: float | None = 1.0):
    """Vertical position of chosen landmarks over time, relative to the nose tip (P31), with
    ground truth shaded and frames without a face marked.

    Parameters
    ----------
    track : a :class:`~mespot_nb.face.FaceTrack`.
    points : label → 0-based landmark index (e.g. {"inner brow P22": 21}).
    events : what is known to happen (:func:`mespot_nb.datasets.video_truth`), drawn as lanes
        by :func:`truth_bands`; None for none.
    quantum : landmark step in pixels (dlib's whole pixel), shaded as a ±quantum band around 0
        so a reader sees which moves are one-step jitter; None for no band.
    """
    ax = _ax(ax, figsize=(11, 3.2))
    t = (np.arange(track.n_frames) + track.first_frame) / track.fps
    nose = track.landmarks[:, 30, 1]
    if quantum:
        ax.axhspan(-quantum, quantum, color="0.85", lw=0, zorder=0,
                   label=f"±{quantum:g} px (one landmark step)")
    for label, i in points.items():
        y = track.landmarks[:, i, 1] - nose
        ax.plot(t, y - np.nanmedian(y), lw=0.8, label=label)
    shade_intervals(ax, intervals, fps=track.fps)
    lost = ~track.valid
    if lost.any():
        ax.plot(t[lost], np.full(lost.sum(), ax.get_ylim()[0]), "|", color="k", ms=8,
                label="no face")
    ax.set_xlabel("time (s)")
    ax.set_ylabel("y − nose y − median (px)")
    truth_bands(ax, events, fps=track.fps)
    _timeline_legend(ax, events)
    if title:
        ax.set_title(title, fontsize=9)
    return ax


def feature_trace(starts: np.ndarray, values: np.ndarray, length: int, fps: float,
                  intervals: pd.DataFrame, ax=None, label: str = "", title: str = "",
                  events: pd.DataFrame | None = None):
    """A per-window scalar over a whole video (plotted at window centres) with ground truth,
    and what is known to happen (``events``, see :func:`truth_bands`) in lanes below."""
    ax = _ax(ax, figsize=(11, 2.8))
    t = (np.asarray(starts) + (length - 1) / 2) / fps
    ax.plot(t, values, lw=0.8, color="k", label=label)
    shade_intervals(ax, intervals, fps=fps)
    ax.set_xlabel("time (s)")
    truth_bands(ax, events, fps=fps)
    _timeline_legend(ax, events)
    if title:
        ax.set_title(title, fontsize=9)
    return ax


def score_timeline(scores: pd.DataFrame, intervals: pd.DataFrame, threshold: float, fps: float,
                   predictions: pd.DataFrame | None = None, ax=None, title: str = "",
                   events: pd.DataFrame | None = None):
    """Window scores over a video (at window centres) with ground truth shaded, the threshold,
    the spotted intervals as black bars, and what is known to happen (``events``, a
    :func:`mespot_nb.datasets.video_truth` table) in lanes below (:func:`truth_bands`)."""
    ax = _ax(ax, figsize=(11, 2.6))
    t = (scores["start"] + scores["stop"]) / 2 / fps
    ax.plot(t, scores["score"], lw=0.8, color="k")
    ax.axhline(threshold, color="tab:orange", lw=0.8, ls="--", label=f"threshold {threshold:.2f}")
    shade_intervals(ax, intervals, fps=fps)
    if predictions is not None and len(predictions):
        ax.hlines(np.full(len(predictions), 1.04), (predictions["onset"] - 0.5) / fps,
                  (predictions["offset"] + 0.5) / fps, color="k", lw=4, label="spotted")
    ax.set_ylim(-0.02, 1.1)
    ax.set_xlabel("time (s)")
    ax.set_ylabel("P(micro)")
    truth_bands(ax, events, fps=fps)
    _timeline_legend(ax, events)
    if title:
        ax.set_title(title, fontsize=9)
    return ax


def score_timeline_plotly(scores: pd.DataFrame, intervals: pd.DataFrame, threshold: float | None,
                          fps: float, predictions: pd.DataFrame | None = None, title: str = "",
                          events: pd.DataFrame | None = None):
    """Interactive twin of :func:`score_timeline` (also the HTML of ``mespot spot``); no
    threshold line when ``threshold`` is None (a training-free spotter's p is not a score).
    ``events`` (a :func:`mespot_nb.datasets.video_truth` table) become one row of bars per
    kind under the scores, below 0, with the event's frames on hover."""
    import plotly.graph_objects as go

    fig = go.Figure()
    t = ((scores["start"] + scores["stop"]) / 2 / fps).to_numpy()
    fig.add_trace(go.Scatter(x=t, y=scores["score"], mode="lines", name="P(micro)",
                             line=dict(color="black", width=1),
                             customdata=scores[["start", "stop"]].to_numpy(),
                             hovertemplate="frames %{customdata[0]}–%{customdata[1]}"
                                           "<br>score %{y:.3f}<extra></extra>"))
    if threshold is not None:
        fig.add_hline(y=threshold, line_dash="dash", line_color="orange",
                      annotation_text=f"threshold {threshold:.3f}")
    for r in intervals.itertuples():
        fig.add_vrect(x0=(r.onset - 0.5) / fps, x1=(r.offset + 0.5) / fps, line_width=0,
                      fillcolor=TYPE_COLORS.get(r.type, "gray"), opacity=0.25)
    if predictions is not None:
        for r in predictions.itertuples():
            fig.add_shape(type="line", x0=(r.onset - 0.5) / fps, x1=(r.offset + 0.5) / fps,
                          y0=1.04, y1=1.04, line=dict(color="black", width=6))
    y_low = -0.02
    if events is not None and len(events):
        for kind, (lane, color) in TRUTH_STYLE.items():
            ev = events[events["kind"] == kind]
            if not len(ev):
                continue
            y = -0.06 - 0.05 * lane
            fig.add_trace(go.Bar(
                x=((ev["offset"] - ev["onset"] + 1) / fps).tolist(),
                base=((ev["onset"] - 0.5) / fps).tolist(), y=[y] * len(ev), width=0.04,
                orientation="h", marker_color=color, name=kind,
                customdata=np.stack([ev["onset"], ev["offset"]], 1),
                hovertemplate=f"{kind}: frames %{{customdata[0]}}–%{{customdata[1]}}<extra></extra>"))
        y_low = -0.06 - 0.05 * len(TRUTH_LANES)
    fig.update_layout(title=title, height=300 if y_low > -0.05 else 340, xaxis_title="time (s)",
                      yaxis_title="P(micro)", yaxis_range=[y_low, 1.1], barmode="overlay",
                      margin=dict(l=60, r=20, t=40, b=40))
    return fig


def spotting_curve(curve: np.ndarray, fps: float, truth: pd.DataFrame,
                   predictions: pd.DataFrame | None = None, threshold: float | None = None,
                   ax=None, label: str = "curve", title: str = "", extra: dict | None = None,
                   events: pd.DataFrame | None = None, bars: dict | None = None):
    """A per-frame curve over time (row t = frame t + 1) with the ground truth shaded, the
    threshold dashed, and each spotted interval as a bar above the curve coloured by its type
    (its apex, when given, as a dot). ``extra``: more curves to draw thinly ({label: curve});
    ``bars``: more thresholds, dotted ({label: height}; in the colour of the ``extra`` curve of
    the same label); ``events``: what is known to happen, in lanes below
    (:func:`truth_bands`)."""
    ax = _ax(ax, figsize=(11, 2.8))
    t = np.arange(1, len(curve) + 1) / fps
    shade_intervals(ax, truth, fps)
    colour = {}
    for name, c in (extra or {}).items():
        colour[name] = ax.plot(t, c, lw=0.6, alpha=0.7, label=name)[0].get_color()
    for name, h in (bars or {}).items():
        if np.isfinite(h):
            own = f"{name}'" if name.endswith("s") else f"{name}'s"
            ax.axhline(h, color=colour.get(name, "grey"), ls=":", lw=1.2, label=f"{own} bar")
    ax.plot(t, curve, color="black", lw=0.9, label=label)
    if threshold is not None and np.isfinite(threshold):
        ax.axhline(threshold, color="orange", ls="--", lw=1, label="threshold T")
    top = np.nanmax(curve) if np.isfinite(curve).any() else 1.0
    if predictions is not None:
        for r in predictions.itertuples():
            ax.plot([(r.onset - 0.5) / fps, (r.offset + 0.5) / fps], [top * 1.08] * 2, lw=5,
                    color=TYPE_COLORS.get(getattr(r, "type", "micro"), "black"),
                    solid_capstyle="butt")
            if hasattr(r, "apex") and pd.notna(getattr(r, "apex")):
                ax.plot(r.apex / fps, top * 1.08, "k.", ms=4)
    ax.set_xlabel("time (s)")
    ax.set_ylabel(label)
    truth_bands(ax, events, fps=fps)
    _timeline_legend(ax, events)
    if title:
        ax.set_title(title, fontsize=9)
    return ax


def candidate_curve(curve: np.ndarray | None, fps: float, cand: dict, score: float | None = None,
                    window_s: float = 1.5, ax=None, events: pd.DataFrame | None = None,
                    ylabel: str = "flow magnitude (px)"):
    """A candidate's spotter curve (T,) ± ``window_s`` seconds, its interval shaded,
    onset/apex/offset marked; ``cand`` holds onset, apex, offset (1-based frames) and type.
    ``events``: what is known to happen in the video (:func:`truth_bands`; those in view).
    ``ylabel``: the curve's name and unit (the spotter's ``curve_label``)."""
    ax = _ax(ax, figsize=(5.2, 2.4))
    on, ap, off = int(cand["onset"]), int(cand["apex"]), int(cand["offset"])
    pad = int(round(window_s * fps))
    color = TYPE_COLORS.get(cand.get("type", "micro"), "gray")
    ax.axvspan((on - 0.5) / fps, (off + 0.5) / fps, color=color, alpha=0.2, lw=0)
    for k, ls in ((on, "--"), (ap, "-"), (off, "--")):
        ax.axvline(k / fps, color=color, ls=ls, lw=0.8)
    if curve is not None and len(curve):
        a, b = max(1, on - pad), min(len(curve), off + pad)
        ks = np.arange(a, b + 1)
        ax.plot(ks / fps, curve[a - 1:b], color="k", lw=1)
        ax.set_ylabel(ylabel, fontsize=8)
    else:
        ax.text(0.5, 0.5, "no spotter curve (its features were not given)", ha="center",
                va="center", transform=ax.transAxes, fontsize=8)
    ax.set_xlabel("time (s)")
    if events is not None and len(events):
        lo, hi = max(1, on - pad), off + pad
        near = events[(events["offset"] >= lo) & (events["onset"] <= hi)]
        truth_bands(ax, near if len(near) else None, fps=fps)
        if len(near):
            ax.legend(fontsize=6, loc="upper right", ncol=2)
    if score is not None:
        ax.set_title(f"frames {on}–{off}, apex {ap} · score {score:.3f}", fontsize=9)
    return ax


def review_curve(curve: pd.DataFrame, ax=None):
    """The simulated loop (:func:`mespot_nb.review.simulate_review`): precision of the first candidates still to
    review and the fraction of the truth labelled (left axis), and the footage left to review
    (right axis, % of all frames), against the candidates reviewed (labels accepted)."""
    ax = _ax(ax, figsize=(7, 3.6))
    x = curve["reviewed"]
    ax.plot(x, curve["precision_top"], "o-", color="tab:green",
            label="precision of the first candidates")
    ax.plot(x, curve["found"], "s:", color="tab:purple", label="fraction of the truth labelled")
    ax.set_ylim(-0.03, 1.05)
    ax.set_xticks(x, [f"{r}\n({n})" for r, n in zip(x, curve["labels"])])
    ax.set_xlabel("candidates reviewed (labels accepted)")
    ax.set_ylabel("fraction")
    ax2 = ax.twinx()
    ax2.plot(x, 100 * curve["footage_left"], "^--", color="tab:orange",
             label="footage left to review (right)")
    ax2.set_ylabel("% of all frames")
    ax2.set_ylim(bottom=0)
    ax2.spines["right"].set_visible(True)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, fontsize=7, loc="lower center", bbox_to_anchor=(0.5, 1.0),
              ncol=3, frameon=False)
    return ax
