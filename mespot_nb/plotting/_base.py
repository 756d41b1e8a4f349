"""Shared by every figure module: the headless switch, notebook set-up, axes helpers, colours."""

from __future__ import annotations

import os

import numpy as np


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


ROI_COLORS = {"eyes": "#2ca02c", "nose": "#ff7f0e", "mouth": "#9467bd", "brow_right": "#17becf",
              "brow_left": "#17becf", "mouth_right": "#e377c2", "mouth_left": "#e377c2"}


def _show(ax, img):
    import cv2

    if img.ndim == 3:
        ax.imshow(cv2.cvtColor(img, cv2.COLOR_BGR2RGB))
    else:
        ax.imshow(img, cmap="gray", vmin=0, vmax=255)
    ax.axis("off")
