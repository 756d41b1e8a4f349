"""Metrics: durations, class balance, learning and threshold curves, ROC."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._base import TYPE_COLORS, _ax, _axes


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
