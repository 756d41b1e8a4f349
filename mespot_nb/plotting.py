"""Every figure of the kit. Each function takes ``ax=None`` (or ``axes=None``), draws, and
returns the axes; ``*_plotly`` twins return a plotly figure for interactive timelines.

Notebooks call these and nothing else to draw, so a figure looks the same in every report.
"""

from __future__ import annotations

import os
from typing import Sequence

import numpy as np
import pandas as pd

TYPE_COLORS = {"micro": "#d62728", "macro": "#1f77b4"}


def live() -> bool:
    """True in a live Jupyter session; False when the report runner executes headlessly
    (widgets then fall back to static figures, since papermill does not save widget state)."""
    return not os.environ.get("MESPOT_HEADLESS")


def setup_notebook() -> None:
    """Figures that survive headless execution: matplotlib inline PNG; plotly with its JS
    embedded in the notebook (once), so the HTML report renders offline."""
    import matplotlib as mpl
    import plotly.io as pio

    pio.renderers.default = "notebook"
    mpl.rcParams.update({"figure.dpi": 90, "figure.figsize": (9, 3.2), "axes.grid": False,
                         "axes.spines.top": False, "axes.spines.right": False})


def _ax(ax=None, figsize=None):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _axes(axes, n, figsize=None):
    import matplotlib.pyplot as plt

    if axes is None:
        _, axes = plt.subplots(1, n, figsize=figsize or (4.5 * n, 3.2))
    return np.atleast_1d(axes)


# ----------------------------------------------------------------------------------------------
# 00 dataset overview


def duration_histograms(intervals: pd.DataFrame, fps: float, axes=None):
    """Histograms of micro vs macro durations, in frames (left) and seconds (right).

    Parameters
    ----------
    intervals : ``onset, offset, type`` (1-based inclusive frames).
    fps : frames per second, for the seconds axis.
    """
    axes = _axes(axes, 2)
    n = intervals["offset"] - intervals["onset"] + 1
    bins = np.histogram_bin_edges(n, bins=40) if len(n) else 10
    for t in ("micro", "macro"):
        m = intervals["type"] == t
        if not m.any():
            continue
        axes[0].hist(n[m], bins=bins, alpha=0.6, color=TYPE_COLORS[t], label=f"{t} ({m.sum()})")
        axes[1].hist(n[m] / fps, bins=np.asarray(bins) / fps, alpha=0.6, color=TYPE_COLORS[t],
                     label=t)
    axes[0].set_xlabel("duration (frames)")
    axes[1].set_xlabel("duration (s)")
    axes[0].set_ylabel("intervals")
    axes[0].legend()
    axes[1].axvline(0.5, color="k", lw=0.8, ls="--")
    axes[1].text(0.5, axes[1].get_ylim()[1] * 0.9, " 0.5 s", fontsize=8)
    return axes


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
        from .errors import MespotError

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


def frame_strip(images: Sequence[np.ndarray], titles: Sequence[str], diff_gain: float = 6.0,
                axes=None):
    """Frames side by side plus the amplified absolute difference of the first two given
    (e.g. onset, apex, offset → |apex − onset| × gain). Images are BGR or grayscale uint8."""
    import cv2

    k = len(images) + 1
    axes = _axes(axes, k, figsize=(3 * k, 3.4))

    def rgb(im):
        return im if im.ndim == 2 else cv2.cvtColor(im, cv2.COLOR_BGR2RGB)

    for ax, im, t in zip(axes, images, titles):
        ax.imshow(rgb(im), cmap="gray" if im.ndim == 2 else None)
        ax.set_title(t, fontsize=9)
        ax.axis("off")
    a = images[0].astype(np.float32)
    b = images[1].astype(np.float32)
    d = np.abs(b - a)
    if d.ndim == 3:
        d = d.max(axis=2)
    axes[-1].imshow(np.clip(d * diff_gain, 0, 255), cmap="magma", vmin=0, vmax=255)
    axes[-1].set_title(f"|{titles[1]} − {titles[0]}| × {diff_gain:g}", fontsize=9)
    axes[-1].axis("off")
    return axes


# ----------------------------------------------------------------------------------------------
# 01 landmarks and ROIs

ROI_COLORS = {"eyes": "#2ca02c", "nose": "#ff7f0e", "mouth": "#9467bd", "brow_right": "#17becf",
              "brow_left": "#17becf", "mouth_right": "#e377c2", "mouth_left": "#e377c2"}


def _show(ax, img):
    import cv2

    if img.ndim == 3:
        ax.imshow(cv2.cvtColor(img, cv2.COLOR_BGR2RGB))
    else:
        ax.imshow(img, cmap="gray", vmin=0, vmax=255)
    ax.axis("off")


def draw_boxes(ax, boxes: dict, lw: float = 1.5, labels: bool = True, dashed: bool = False):
    """Draw named boxes (x0, y0, x1, y1) on an image axes."""
    from matplotlib.patches import Rectangle

    for name, (x0, y0, x1, y1) in boxes.items():
        c = ROI_COLORS.get(name, "yellow")
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, ec=c, lw=lw,
                               ls="--" if dashed else "-"))
        if labels:
            ax.text(x0, y0 - 2, name, color=c, fontsize=7, va="bottom")
    return ax


def draw_landmarks(img: np.ndarray, lm: np.ndarray, boxes: dict | None = None,
                   numbers: bool = True, ax=None, title: str = ""):
    """A frame with the 68 landmarks (numbered 1–68, the papers' P1…P68) and ROI boxes."""
    ax = _ax(ax, figsize=(6, 6.5))
    _show(ax, img)
    if np.isfinite(lm).all():
        ax.scatter(lm[:, 0], lm[:, 1], s=6, c="red")
        if numbers:
            for i, (x, y) in enumerate(lm, 1):
                ax.text(x + 1, y - 1, str(i), fontsize=5, color="yellow")
    if boxes:
        draw_boxes(ax, boxes)
    if title:
        ax.set_title(title, fontsize=9)
    return ax


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


def tracking_comparison(tracked, per_frame, ax=None):
    """Per-frame median landmark distance between tracking and per-frame detection, with the
    frames where tracking re-ran the detector marked."""
    ax = _ax(ax, figsize=(11, 2.6))
    n = min(tracked.n_frames, per_frame.n_frames)
    d = np.nanmedian(np.linalg.norm(tracked.landmarks[:n] - per_frame.landmarks[:n], axis=2), axis=1)
    t = np.arange(n) + tracked.first_frame
    ax.plot(t, d, lw=0.8, color="k", label="median |tracked − per-frame| (px)")
    det = np.flatnonzero(tracked.status[:n] == 1)
    ax.plot(t[det], np.zeros(len(det)), "v", color="tab:red", ms=4, label="re-detection")
    ax.set_xlabel("frame")
    ax.set_ylabel("px")
    ax.legend(fontsize=7, loc="upper right")
    return ax


def frame_scrubber(get_frame, n_frames: int, start: int = 1, draw=None):
    """An ipywidgets slider over frames; ``get_frame(k)`` returns the image, ``draw(img, k, ax)``
    draws it. Live only: headless runs (the report) get nothing and show static figures instead."""
    if not live():
        return None
    import ipywidgets as w
    import matplotlib.pyplot as plt

    out = w.Output()

    def show(k):
        with out:
            out.clear_output(wait=True)
            fig, ax = plt.subplots(figsize=(5, 5.5))
            (draw or (lambda im, kk, a: _show(a, im)))(get_frame(k), k, ax)
            plt.show()

    slider = w.IntSlider(value=start, min=1, max=n_frames, description="frame",
                         continuous_update=False, layout=w.Layout(width="90%"))
    slider.observe(lambda ch: show(ch["new"]), names="value")
    show(start)
    return w.VBox([slider, out])


# ----------------------------------------------------------------------------------------------
# 02 dynamic images


def coefficient_curve(curves: dict[str, np.ndarray], ax=None):
    """Weights α_t of a window's frames, one line per labelled curve (e.g. approximate rank
    pooling's 2t − T − 1 and seed 000's printed 2t − T + 1)."""
    ax = _ax(ax, figsize=(5, 3))
    for (label, a), style in zip(curves.items(), ("o-", "s--", "^:", "x-.")):
        ax.plot(np.arange(1, len(a) + 1), a, style, label=label)
    ax.axhline(0, color="k", lw=0.6)
    ax.set_xlabel("frame t in the window")
    ax.set_ylabel("α_t")
    ax.legend(fontsize=8)
    return ax


def dynamic_image_grid(rows: dict[str, dict[str, tuple[np.ndarray, np.ndarray]]],
                       limit: float | None = None, axes=None):
    """Rows of windows (e.g. micro-expression, neutral, blink, head turn); for each ROI its
    dynamic image and its |apex − onset| difference, side by side — every dynamic image on
    **one** symmetric colour scale (±``limit``, white = 0 = nothing changed) and every
    difference on one scale from 0, each with a colour bar, so the rows can be compared.

    Parameters
    ----------
    rows : ``rows[label][roi] = (dynamic image, difference image)``, both (h, w) float: the raw
        Σ α_t·frame_t (grey levels × weight, not stretched) and |apex − onset| (grey levels).
    limit : the dynamic images' limit; None for the largest |value| over all of them
        (see :func:`mespot_nb.features.shared_limit` for a robust one).

    Returns
    -------
    (rows, 2·ROIs) array of axes; each dynamic image's norm has vmin = −limit, vmax = limit.
    """
    import matplotlib.pyplot as plt

    labels = list(rows)
    rois = list(next(iter(rows.values())))
    if axes is None:
        _, axes = plt.subplots(len(labels), 2 * len(rois), layout="constrained",
                               figsize=(2.1 * 2 * len(rois) + 1.2, 1.9 * len(labels)),
                               squeeze=False)
    if limit is None:
        limit = max(float(np.nanmax(np.abs(di))) for r in rows.values() for di, _ in r.values())
    limit = float(limit) or 1.0
    vmax = max(float(np.nanmax(d)) for r in rows.values() for _, d in r.values()) or 1.0
    im_di = im_d = None
    for i, lab in enumerate(labels):
        for j, roi in enumerate(rois):
            di, diff = rows[lab][roi]
            im_di = axes[i, 2 * j].imshow(di, cmap="RdBu_r", vmin=-limit, vmax=limit)
            im_d = axes[i, 2 * j + 1].imshow(diff, cmap="magma", vmin=0, vmax=vmax)
            if i == 0:
                axes[i, 2 * j].set_title(f"{roi}: dynamic image", fontsize=8)
                axes[i, 2 * j + 1].set_title(f"{roi}: |apex − onset|", fontsize=8)
        axes[i, 0].set_ylabel(lab, fontsize=9)
    for ax in np.ravel(axes):
        ax.set_xticks([])
        ax.set_yticks([])
    fig = axes[0, 0].figure
    fig.colorbar(im_di, ax=axes.ravel().tolist(), location="bottom", shrink=0.5, aspect=40,
                 extend="both", label="dynamic image Σ α_t·frame_t (one scale for every row)")
    fig.colorbar(im_d, ax=axes.ravel().tolist(), location="right", shrink=0.7,
                 label="|apex − onset| (grey levels)")
    return axes


def composite_pair(dyn: np.ndarray, apex: np.ndarray, axes=None):
    """A window's composed dynamic image (DynGeoNet's CNN input) beside the same composition of
    its apex frame (the VGG16 baseline's input)."""
    axes = _axes(axes, 2, figsize=(6, 3))
    for ax, img, t in ((axes[0], dyn, "dynamic image (DynGeoNet)"),
                       (axes[1], apex, "apex frame (VGG16 baseline)")):
        ax.imshow(img, cmap="gray")
        ax.set_title(t, fontsize=9)
        ax.axis("off")
    return axes


def separability_bars(aucs: dict[str, float], ax=None, title: str = ""):
    """ROC AUC of one scalar per feature for micro-expression vs neutral windows (0.5 = chance)."""
    ax = _ax(ax, figsize=(5, 2.6))
    names = list(aucs)
    vals = [aucs[n] for n in names]
    ax.barh(names, vals, color="tab:blue")
    ax.axvline(0.5, color="k", ls="--", lw=0.8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("ROC AUC, micro-expression vs neutral windows")
    for y, v in enumerate(vals):
        ax.text(min(v, 0.93) + 0.01, y, f"{v:.2f}", va="center", fontsize=8)
    if title:
        ax.set_title(title, fontsize=9)
    return ax


# ----------------------------------------------------------------------------------------------
# 03 geometric features


def geometry_overlay(img: np.ndarray, lm: np.ndarray, lines, points, ax=None, title: str = ""):
    """Seed 000's geometric vector drawn on a face: its lines (point-index pairs; the first 30
    brow lines, the next 12 the lip loop, the rest the mouth's chords) and deformation points."""
    ax = _ax(ax, figsize=(5, 5.5))
    _show(ax, img)
    for k, (i, j) in enumerate(lines):
        c = "tab:cyan" if k < 30 else ("tab:pink" if k < 42 else "tab:orange")
        ax.plot([lm[i, 0], lm[j, 0]], [lm[i, 1], lm[j, 1]], color=c, lw=0.7)
    ax.scatter(lm[points, 0], lm[points, 1], s=14, c="red", zorder=3,
               label=f"{len(points)} deformation points")
    ax.legend(fontsize=7, loc="lower right")
    if title:
        ax.set_title(title, fontsize=9)
    return ax


def geometry_bars(vectors: dict[str, np.ndarray], axes=None):
    """Ratios − 1 (45 lines, left) and deformations in pixels (22 points, right), one bar
    series per window kind (e.g. {"micro-expression": v, "neutral": w})."""
    axes = _axes(axes, 2, figsize=(12, 3))
    k = len(vectors)
    for n, (lab, v) in enumerate(vectors.items()):
        off = (n - (k - 1) / 2) * 0.8 / k
        axes[0].bar(np.arange(45) + off, v[:45] - 1, width=0.8 / k, label=lab)
        axes[1].bar(np.arange(22) + off, v[45:], width=0.8 / k, label=lab)
    axes[0].set_xlabel("line (30 brow–nose, 12 lip loop, 3 mouth)")
    axes[0].set_ylabel("ratio − 1")
    axes[1].set_xlabel("point (P18…P27, P49…P60)")
    axes[1].set_ylabel("deformation (px)")
    axes[1].legend(fontsize=8)
    return axes


def group_intervals(groups: dict[str, pd.DataFrame], unit_of: dict[str, str] | None = None,
                    axes=None, title: str = ""):
    """Per feature group, the median and interquartile range of each window class — e.g.
    every micro-expression window against a sample of neutral ones — one panel per unit.

    Parameters
    ----------
    groups : class label → (N_class, G) table, one column per feature group (same columns).
    unit_of : column → unit label; columns sharing a unit share a panel (default: one panel).

    Returns
    -------
    The axes (one per unit).
    """
    labels = list(groups)
    cols = list(next(iter(groups.values())).columns)
    unit_of = unit_of or {c: "" for c in cols}
    units = list(dict.fromkeys(unit_of[c] for c in cols))
    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(1, len(units), figsize=(5.5 * len(units), 3.2),
                               layout="constrained")
    axes = np.atleast_1d(axes)
    colors = ["tab:red", "tab:gray", "tab:blue", "tab:green"]
    for ax, unit in zip(axes, units):
        cs = [c for c in cols if unit_of[c] == unit]
        for n, lab in enumerate(labels):
            d = groups[lab][cs]
            med, q1, q3 = d.median(), d.quantile(0.25), d.quantile(0.75)
            y = np.arange(len(cs)) + (n - (len(labels) - 1) / 2) * 0.25
            ax.errorbar(med, y, xerr=[med - q1, q3 - med], fmt="o", ms=4, capsize=3,
                        color=colors[n % len(colors)], label=f"{lab} (n = {len(d)})")
        ax.set_yticks(np.arange(len(cs)), cs, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(left=0)
        ax.set_xlabel(f"{unit} — median and IQR over windows" if unit else "median and IQR")
        ax.grid(axis="x", lw=0.3)
    axes[0].legend(fontsize=7, loc="upper left", bbox_to_anchor=(0.0, -0.2), ncol=2,
                   frameon=False)
    if title:
        axes[0].set_title(title, fontsize=9)
    return axes


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


# ----------------------------------------------------------------------------------------------
# 04 optical flow and HOOF


def flow_quiver(img: np.ndarray, boxes: dict, flows: dict[str, np.ndarray], ax=None,
                step: int = 3, scale: float = 1.0, title: str = "", key_px: float = 1.0):
    """The flow field inside each ROI drawn as arrows on the aligned frame: one arrow every
    ``step`` pixels, ``scale`` times its length, and a key arrow of ``key_px`` pixels of flow.

    Parameters
    ----------
    img : the aligned frame (grayscale or BGR uint8).
    boxes : ROI name → (x0, y0, x1, y1) in ``img``'s pixels.
    flows : ROI name → (h, w, 2) float flow in pixels, the ROI's own grid.
    step : grid subsampling (pixels between arrows).
    scale : arrow magnification (an arrow is ``scale`` × the flow's length, in image pixels).
    key_px : length of the key arrow's flow, in pixels (drawn ``scale`` times longer).
    """
    ax = _ax(ax, figsize=(5, 5.5))
    _show(ax, img)
    draw_boxes(ax, boxes, labels=False)
    q = None
    for name, f in flows.items():
        x0, y0, x1, y1 = boxes[name]
        ys, xs = np.mgrid[step // 2:f.shape[0]:step, step // 2:f.shape[1]:step]
        u, v = f[ys, xs, 0], f[ys, xs, 1]
        big = np.hypot(u, v) * scale >= 0.5     # an arrow under half a pixel would be a dot
        q = ax.quiver(xs[big] + x0, ys[big] + y0, u[big], v[big], color="yellow",
                      angles="xy", scale_units="xy", scale=1 / max(scale, 1e-6), width=0.007,
                      headwidth=3, headlength=3.5, headaxislength=3)
    if q is not None:
        ax.quiverkey(q, 0.06, 0.04, key_px, f"{key_px:g} px of flow, drawn ×{scale:.3g}",
                     labelpos="E", coordinates="axes", color="yellow", labelcolor="white",
                     fontproperties={"size": 8})
    if title:
        ax.set_title(title, fontsize=9)
    return ax


def hoof_polar(hists: dict[str, np.ndarray], ax=None, title: str = "", rmax: float | None = None):
    """Polar plot of 8-bin HOOFs (bin k at angle (k + ½)·45°; y down, so 90° points down).
    ``rmax``: the radial limit (give the same to every panel that is compared)."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(subplot_kw=dict(projection="polar"), figsize=(3.2, 3.2))
    for lab, h in hists.items():
        b = len(h)
        ang = (np.arange(b) + 0.5) * 2 * np.pi / b
        ax.plot(np.r_[ang, ang[:1]], np.r_[h, h[:1]], label=lab)
    ax.set_theta_direction(-1)  # image coordinates: y grows downwards
    if rmax is not None:
        ax.set_ylim(0, rmax)
        ticks = [t for t in (0.125, 0.25, 0.5, 0.75, 1.0) if t <= rmax][-2:]
        ax.set_yticks(ticks, [f"{t:g}" for t in ticks], fontsize=6)
    else:
        ax.set_yticklabels([])
    ax.legend(fontsize=7, loc="lower left", bbox_to_anchor=(-0.15, -0.3))
    if title:
        ax.set_title(title, fontsize=9)
    return ax


def hoof_heatmap(seq: np.ndarray, roi_names, bins: int = 8, ax=None, title: str = ""):
    """A window's HOOF sequence as a (timesteps × ROI·bins) heatmap."""
    ax = _ax(ax, figsize=(5, 3))
    ax.imshow(seq, aspect="auto", cmap="viridis", vmin=0, vmax=max(0.5, float(seq.max())))
    for r in range(1, len(roi_names)):
        ax.axvline(r * bins - 0.5, color="w", lw=1)
    ax.set_xticks([(r + 0.5) * bins - 0.5 for r in range(len(roi_names))], roi_names, fontsize=7)
    ax.set_ylabel("timestep")
    if title:
        ax.set_title(title, fontsize=9)
    return ax


# ----------------------------------------------------------------------------------------------
# 05 training, 06 evaluation


def class_balance(table: pd.DataFrame, label: str = "iou_pos", ax=None, title: str = ""):
    """Positive vs negative windows per subject (log scale) — how imbalanced the task is."""
    ax = _ax(ax, figsize=(8, 2.8))
    c = table.groupby("subject")[label].agg(["sum", "count"])
    x = np.arange(len(c))
    ax.bar(x - 0.2, c["count"] - c["sum"], 0.4, label="negative windows", color="tab:gray")
    ax.bar(x + 0.2, c["sum"], 0.4, label="positive windows", color=TYPE_COLORS["micro"])
    ax.set_xticks(x, c.index, fontsize=8)
    ax.set_yscale("log")
    ax.set_xlabel("subject")
    ax.legend(fontsize=8)
    if title:
        ax.set_title(title, fontsize=9)
    return ax


def training_curves(history: list[dict], best_epoch: int | None = None, axes=None):
    """Training loss (left) and validation ROC AUC on held-out training subjects (right)."""
    axes = _axes(axes, 2, figsize=(9, 2.8))
    h = pd.DataFrame(history)
    axes[0].plot(h["epoch"], h["train_loss"], "o-")
    axes[0].set_xlabel("epoch")
    axes[0].set_ylabel("training loss")
    if "val_auc" in h:
        axes[1].plot(h["epoch"], h["val_auc"], "o-", color="tab:green")
        axes[1].set_ylabel("validation AUC (training subjects)")
    axes[1].set_xlabel("epoch")
    if best_epoch:
        for ax in axes:
            ax.axvline(best_epoch, color="k", ls="--", lw=0.8)
    return axes


def threshold_curve(curve: pd.DataFrame, chosen: float, ax=None):
    """Interval F1 on the validation (training) subjects for each candidate threshold."""
    ax = _ax(ax, figsize=(5, 2.8))
    ax.plot(curve["threshold"], curve["f1"], "o-", ms=3)
    ax.axvline(chosen, color="k", ls="--", lw=0.8, label=f"chosen {chosen:.3f}")
    ax.set_xlabel("threshold")
    ax.set_ylabel("F1 (validation subjects)")
    ax.legend(fontsize=8)
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


def roc_curves(curves: dict[str, tuple[np.ndarray, np.ndarray, float]], ax=None, title: str = ""):
    """Window-level ROC per method: ``{method: (fpr, tpr, auc)}``."""
    ax = _ax(ax, figsize=(4.2, 4))
    for name, (fpr, tpr, auc) in curves.items():
        ax.plot(fpr, tpr, label=f"{name} (AUC {auc:.2f})")
    ax.plot([0, 1], [0, 1], color="gray", lw=0.6, ls="--")
    ax.set_xlabel("false-positive rate (windows)")
    ax.set_ylabel("true-positive rate")
    ax.legend(fontsize=7, loc="lower right")
    if title:
        ax.set_title(title, fontsize=9)
    return ax


# ----------------------------------------------------------------------------------------------
# 08 training-free spotters


def spotting_curve(curve: np.ndarray, fps: float, truth: pd.DataFrame,
                   predictions: pd.DataFrame | None = None, threshold: float | None = None,
                   ax=None, label: str = "curve", title: str = "", extra: dict | None = None,
                   events: pd.DataFrame | None = None):
    """A per-frame curve over time (row t = frame t + 1) with the ground truth shaded, the
    threshold dashed, and each spotted interval as a bar above the curve coloured by its type
    (its apex, when given, as a dot). ``extra``: more curves to draw thinly ({label: curve});
    ``events``: what is known to happen, in lanes below (:func:`truth_bands`)."""
    ax = _ax(ax, figsize=(11, 2.8))
    t = np.arange(1, len(curve) + 1) / fps
    shade_intervals(ax, truth, fps)
    for name, c in (extra or {}).items():
        ax.plot(t, c, lw=0.6, alpha=0.7, label=name)
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


# ----------------------------------------------------------------------------------------------
# review (notebook 09)


def candidate_curve(curve: np.ndarray | None, fps: float, cand: dict, score: float | None = None,
                    window_s: float = 1.5, ax=None, events: pd.DataFrame | None = None):
    """A candidate's flow-magnitude curve (pixels) ± ``window_s`` seconds, its interval shaded,
    onset/apex/offset marked; ``cand`` holds onset, apex, offset (1-based frames) and type.
    ``events``: what is known to happen in the video (:func:`truth_bands`; those in view)."""
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
        ax.set_ylabel("flow magnitude (px)")
    else:
        ax.text(0.5, 0.5, "no flow curve (flow-peak features not given)", ha="center",
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
