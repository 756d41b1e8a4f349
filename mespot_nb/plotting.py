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
                          title: str = ""):
    """Vertical position of chosen landmarks over time, relative to the nose tip (P31), with
    ground truth shaded and frames without a face marked.

    Parameters
    ----------
    track : a :class:`~mespot_nb.face.FaceTrack`.
    points : label → 0-based landmark index (e.g. {"inner brow P22": 21}).
    """
    ax = _ax(ax, figsize=(11, 3.2))
    t = (np.arange(track.n_frames) + track.first_frame) / track.fps
    nose = track.landmarks[:, 30, 1]
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
    ax.legend(fontsize=7, ncol=4, loc="upper right")
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
