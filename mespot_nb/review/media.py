"""What the annotator sees of a candidate: its looping clip, face crops, the flow curve, a static
figure. Each function takes the :class:`~mespot_nb.review.session.Review` (``review``) as its
first argument; frames are 1-based inclusive, images are ``(H, W)`` grey or ``(H, W, 3)`` BGR
uint8 as the frame source gives them."""

from __future__ import annotations

import io

import cv2
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from PIL import Image

from .. import plotting
from ..cache import video_entry_name
from ..datasets import video_truth
from ..errors import MespotError
from ..face import FaceTrack, TrackParams, track_cache_path
from ..methods import METHODS, get_method
from ..video import FrameSource, open_video


def spotter_curve(review, subject: str, video: str) -> tuple[np.ndarray | None, str]:
    """The curve the review's spotter finds its candidates on, for one video.

    The review's ``spotter`` (a training-free method with a
    :attr:`~mespot_nb.methods.TrainingFree.curve`) when the video's features hold its arrays;
    else the first registered training-free method whose arrays they hold (features computed
    for flow-peak still draw flow-peak's curve).

    Returns
    -------
    ``(curve, label)``: ``(T,)`` float (T: the video's frames; NaN where the face is missing)
    and its axis label with the unit, or ``(None, "")`` without features for any curve.
    """
    f = review.features.get((subject, video))
    have = set(getattr(f, "arrays", {})) if f is not None else set()
    order = [get_method(review.spotter), *METHODS.values()]
    for m in order:
        fr = m.free
        if fr is not None and fr.curve is not None and set(fr.curve_arrays) <= have:
            return fr.curve(f), f"{m.title}: {fr.curve_label}"
    return None, ""


def source(review, subject: str, video: str) -> FrameSource:
    """The frame source of a video under review (where the log last saw it)."""
    info = review.state.videos[(subject, video)]
    return open_video(info["source"], fps=float(info["fps"]))


def face_box(review, subject: str, video: str, frame: int) -> tuple[int, int, int, int] | None:
    """``(x0, y0, x1, y1)``, pixels, around the face at ``frame`` from a track cached under the
    review's ``cache_dir`` (the dataset's or ``mespot spot``'s), else None."""
    if review.cache_dir is None:
        return None
    info = review.state.videos[(subject, video)]
    for name in (video_entry_name(review.dataset.name, subject, video),
                 video_entry_name("spot", subject, video)):
        try:
            p = track_cache_path(review.cache_dir, open_video(info["source"], fps=float(
                info["fps"]), gray=True), TrackParams(), name)
            if not p.exists():
                continue
            tr = FaceTrack.load(p)
        except (MespotError, OSError, ValueError, KeyError):
            continue
        lm = tr.landmarks[min(max(tr.frame_index(frame), 0), tr.n_frames - 1)]
        if not np.isfinite(lm).all():
            continue
        (x0, y0), (x1, y1) = lm.min(0), lm.max(0)
        mx, my = 0.25 * (x1 - x0), 0.35 * (y1 - y0)
        return int(x0 - mx), int(y0 - 1.2 * my), int(x1 + mx), int(y1 + 0.5 * my)
    return None


def crop(img: np.ndarray | None, box) -> np.ndarray | None:
    """``img`` (``(H, W)`` or ``(H, W, 3)``) cut to ``box`` (x0, y0, x1, y1, pixels; clipped to
    the image); unchanged without a box or when the box misses the image."""
    if box is None or img is None:
        return img
    h, w = img.shape[:2]
    x0, y0, x1, y1 = max(0, box[0]), max(0, box[1]), min(w, box[2]), min(h, box[3])
    return img[y0:y1, x0:x1] if x1 > x0 and y1 > y0 else img


def annotate(img: np.ndarray, k: int, p: dict, box, height: int) -> np.ndarray:
    """One clip frame: cropped, scaled to ``height`` px, RGB, red border inside the interval.

    Parameters
    ----------
    img : frame ``k``, ``(H, W)`` grey or ``(H, W, 3)`` BGR uint8.
    k : its frame number (1-based), written in its corner.
    p : the interval shown: ``onset, apex, offset`` (frames; the apex's border is thicker).
    box : the face box (:func:`face_box`) or None.
    height : output height, pixels.

    Returns
    -------
    ``(height, W', 3)`` RGB uint8.
    """
    im = crop(img, box)
    if im.ndim == 2:
        im = cv2.cvtColor(im, cv2.COLOR_GRAY2RGB)
    else:
        im = cv2.cvtColor(im, cv2.COLOR_BGR2RGB)
    s = height / im.shape[0]
    im = cv2.resize(im, (max(1, int(round(im.shape[1] * s))), height),
                    interpolation=cv2.INTER_AREA)
    inside = p["onset"] <= k <= p["offset"]
    if inside:
        cv2.rectangle(im, (0, 0), (im.shape[1] - 1, im.shape[0] - 1), (220, 30, 30),
                      5 if k == p["apex"] else 3)
    cv2.putText(im, f"{k}", (6, 18), cv2.FONT_HERSHEY_SIMPLEX, 0.5,
                (255, 80, 80) if inside else (255, 255, 255), 1, cv2.LINE_AA)
    return im


def clip(review, cid: str, pad_s: float = 0.3, max_frames: int = 30, height: int = 180,
         slowdown: float = 2.0, format: str = "webp") -> bytes:
    """A looping animation of a candidate.

    Parameters
    ----------
    cid : the candidate; its standing (or proposed) frames are shown.
    pad_s : seconds shown before the onset and after the offset.
    max_frames : at most this many frames (a stride keeps longer clips short).
    height : frame height, pixels (face cropped when a track is cached).
    slowdown : played this many times slower than real time.
    format : ``webp`` or ``gif``.

    Returns
    -------
    The encoded animation; frames inside the interval are boxed in red.
    """
    c = review.candidate(cid)
    p = c["proposed"]
    src = source(review, c["subject"], c["video"])
    pad = int(round(pad_s * src.fps))
    a, b = max(1, p["onset"] - pad), min(src.n_frames, p["offset"] + pad)
    step = max(1, int(np.ceil((b - a + 1) / max_frames)))
    box = face_box(review, c["subject"], c["video"], p["apex"])
    frames = [Image.fromarray(annotate(img, k, p, box, height))
              for k, img in src.frames(a, b, step) if img is not None]
    if not frames:
        raise MespotError(f"no frame of {c['subject']}/{c['video']} {a}–{b} could be decoded")
    buf = io.BytesIO()
    kw = dict(save_all=True, append_images=frames[1:], loop=0,
              duration=int(round(1000 * step * slowdown / src.fps)))
    if format == "webp":
        frames[0].save(buf, format="WEBP", quality=75, **kw)
    else:
        frames[0].save(buf, format="GIF", **kw)
    return buf.getvalue()


def curve_png(review, cid: str, proposed: dict | None = None) -> bytes:
    """The candidate's spotter curve (± 1.5 s, :func:`spotter_curve`) as a PNG, marking its
    standing frames or ``proposed`` ones (``onset, apex, offset, type``)."""
    c = review.candidate(cid)
    fig = Figure(figsize=(5.2, 2.4), dpi=90)
    ax = fig.add_subplot()
    fps = float(review.state.videos[(c["subject"], c["video"])]["fps"])
    curve, label = spotter_curve(review, c["subject"], c["video"])
    plotting.candidate_curve(curve, fps, proposed or c["proposed"], score=c["score_now"], ax=ax,
                             events=video_truth(review.dataset, c["subject"], c["video"]),
                             ylabel=label)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def figure(review, cid: str | None = None, axes=None):
    """A static stand-in for the widget (headless runs): onset, apex and offset frames, their
    difference, and the spotter's curve of a candidate (default: the current one).

    Parameters
    ----------
    axes : five matplotlib axes (four frames, the curve), or None for a new figure.

    Returns
    -------
    The axes, or None when every candidate is reviewed.
    """
    c = review.candidate(cid) if cid else review.current()
    if c is None:
        return None
    if axes is None:
        fig = plt.figure(figsize=(13, 3.2), layout="constrained")
        gs = fig.add_gridspec(1, 6)
        axes = [fig.add_subplot(gs[0, i]) for i in range(4)] + [fig.add_subplot(gs[0, 4:])]
    p = c["proposed"]
    src = source(review, c["subject"], c["video"])
    box = face_box(review, c["subject"], c["video"], p["apex"])
    ims = [crop(src.read(k), box) for k in (p["onset"], p["apex"], p["offset"])]
    plotting.frame_strip([ims[0], ims[1], ims[2]], [f"onset {p['onset']}", f"apex {p['apex']}",
                                                    f"offset {p['offset']}"], axes=axes[:4])
    curve, label = spotter_curve(review, c["subject"], c["video"])
    plotting.candidate_curve(curve, src.fps, p, score=c["score_now"], ax=axes[4],
                             events=video_truth(review.dataset, c["subject"], c["video"]),
                             ylabel=label)
    axes[4].set_title(f"{c['id']} ({p['type']}), score {c['score_now']:.3f}", fontsize=9)
    return axes
