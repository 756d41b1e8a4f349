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
