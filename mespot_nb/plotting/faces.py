"""Faces: frames, landmarks, ROI boxes, tracking against detection, the frame scrubber."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ._base import ROI_COLORS, _ax, _axes, _show, live


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
