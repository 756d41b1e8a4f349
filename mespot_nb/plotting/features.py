"""Features: dynamic images, geometric vectors and their groups, optical flow and HOOF."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._base import _ax, _axes, _show
from .faces import draw_boxes


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


def separability_bars(aucs: dict[str, float], ax=None, title: str = "",
                      xlabel: str = "ROC AUC, micro-expression vs neutral windows",
                      bar: float | None = None):
    """ROC AUC of one scalar per feature (or per method, per setting) for micro-expression vs
    other windows (0.5 = chance, dashed); ``bar`` draws a target AUC (dotted red)."""
    ax = _ax(ax, figsize=(5, max(2.6, 0.25 * len(aucs) + 0.8)))
    names = list(aucs)
    vals = [aucs[n] for n in names]
    ax.barh(names, vals, color="tab:blue")
    ax.axvline(0.5, color="k", ls="--", lw=0.8)
    if bar is not None:
        ax.axvline(bar, color="tab:red", ls=":", lw=1.2, label=f"bar {bar:g}")
        ax.legend(loc="lower right", fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)
    for y, v in enumerate(vals):
        ax.text(min(v, 0.93) + 0.01, y, f"{v:.2f}", va="center", fontsize=8)
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
