"""Action-unit amplitudes: how far each frame's face has moved, relative to a frame a fixed lag
earlier, along each micro-expression action unit's landmark pattern — the curves of the
``aumatch`` spotter (:mod:`mespot_nb.methods.aumatch`).

For every frame j and each lag L of :func:`lags` (0.12, 0.16 and 0.20 s), frames j and j − L are
compared in frame j's alignment with the head's motion registered out
(:mod:`~mespot_nb.features.register`: the rigid landmarks' similarity before the flow, the
similarity field of the flow around the nose and the eye corners after it). Each landmark's
residual mean flow, negated, is the *content displacement* d_j(l) of frame j relative to frame
j − L at landmark l (68 × 2 crop pixels). It is projected, by least squares, onto each action
unit's displacement template τ_a (:data:`~mespot_nb.expressions.MICRO_AUS`, the FACS-like
patterns of :mod:`mespot_nb.expressions`, evaluated on frame j's landmarks):

    a_j = Σ_l d_j(l) · τ_a(l) / Σ_l |τ_a(l)|²

— the amplitude, in crop pixels per unit of the template, by which frame j shows action unit a
more than frame j − L does. The projection is a spatial matched filter: flow noise at the 68
windows points every way and mostly cancels; a motion of the pattern's shape adds up. It is
signed: a brow raise and a brow lowering are different templates, and each counts only in its
own direction.

The spotter reads, per lag, a_j (the face at j against L frames before) and −a_(j+L) (the face at
j against L frames after) and asks that *both* be large: a micro-expression rises and falls back
within about half a second, so its apex stands out against both sides, while a sustained change
(a macro-expression's onset, a new head pose, the start of speech) stands out against one side
only.

Landmarks are dlib's 68 points, 0-based; displacements are (x right, y down) in crop pixels
(inter-ocular distance 48, :data:`~mespot_nb.features.crops.CROP_SPEC`).
"""

from __future__ import annotations

import numpy as np

from ..expressions import MICRO_AUS, aus_displacement
from .crops import CROP_MARGIN, CROP_SPEC, CropRing, check_flow, curve_stride, fill_strided
from .register import EYE_CORNERS, NOSE_POINTS, registered_flow, residual_landmark_flow

__all__ = ["AUMatchFamily", "FIT_POINTS", "LAGS_S", "TEMPLATES", "lags", "project",
           "templates"]

#: The lags, in seconds, between the compared frames: a micro-expression's apex lies 0.1–0.25 s
#: from its onset and its offset (0.2–0.5 s in all).
LAGS_S = (0.12, 0.16, 0.20)
#: The action-unit patterns projected on (``+``-joined units of :mod:`mespot_nb.expressions`).
TEMPLATES = tuple(MICRO_AUS)
#: Landmarks whose flow fixes the head's similarity field: the nose's and the eye corners'.
FIT_POINTS = tuple(NOSE_POINTS) + tuple(EYE_CORNERS)


def lags(fps: float) -> tuple[int, ...]:
    """:data:`LAGS_S` in frames at ``fps`` (each at least 2, duplicates merged, ascending)."""
    return tuple(sorted({max(2, int(round(s * float(fps)))) for s in LAGS_S}))


def templates(lm: np.ndarray) -> np.ndarray:
    """(A, 68, 2) displacement templates of :data:`TEMPLATES` for landmarks ``lm`` (68, 2)."""
    lm = np.asarray(lm, np.float64)
    return np.stack([aus_displacement(a, lm) for a in TEMPLATES])


def project(d: np.ndarray, tmpl: np.ndarray) -> np.ndarray:
    """Least-squares amplitude (A,) of displacement ``d`` (68, 2) along each template of
    ``tmpl`` (A, 68, 2); landmarks where ``d`` is NaN (window off the crop) are left out."""
    ok = np.isfinite(d).all(axis=1)
    t = tmpl[:, ok]
    den = (t ** 2).sum(axis=(1, 2))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, np.einsum("lc,alc->a", d[ok], t) / den, np.nan)


class AUMatchFamily:
    """Streaming-pass consumer (family ``aumatch``): action-unit amplitudes at every lag.

    For each frame j with a face in j and j − L: the content displacement of frame j relative
    to frame j − L (module doc), projected on every template. At high frame rates only every
    ``stride``-th frame is computed — at most ``params.curve_hz`` / 2 times a second
    (:func:`~.crops.curve_stride`; 25 Hz by default: every frame at 24–30 fps, every 4th at
    100 fps, every 8th at 200 fps, where a 0.2 s micro-expression still has 5 samples and the
    three flows a sample cost 1.5 times the other curves' one at 50 Hz) — and the rows between
    are interpolated (:func:`~.crops.fill_strided`). ``curve_hz`` 0 computes every frame.

    Arrays
    ------
    aumatch_amp : (T, n_lags, A) float32 — the amplitude of frame j (row j − 1) against frame
        j − L, in crop pixels per unit template; NaN where either frame lacked a face.
    aumatch_lags : (n_lags,) int64 — the lags L in frames.
    """

    family = "aumatch"
    produces = ("aumatch_amp", "aumatch_lags")
    history = 1

    def __init__(self, n_frames: int, fps: float, params, spec=None):
        self.flow = getattr(params, "curve_flow", "farneback")
        check_flow(self.flow)
        self.lags = lags(fps)
        self.n = int(n_frames)
        self.stride = curve_stride(fps, getattr(params, "curve_hz", 0.0) / 2)
        self.skipped = np.zeros((self.n, len(self.lags)), bool)   # per lag: a face at j − L
        self.ring = CropRing(CROP_SPEC, max(self.lags) + 1, CROP_MARGIN)
        self.amp = np.full((self.n, len(self.lags), len(TEMPLATES)), np.nan, np.float32)

    def push(self, j: int, buf, lms: np.ndarray) -> None:
        gray = buf[-1]
        lm = lms[j - 1]
        ok = gray is not None and np.isfinite(lm).all()
        self.ring.push(j, np.asarray(gray) if ok else None, lm if ok else None)
        if j not in self.ring:
            return
        tmpl = None
        for c, L in enumerate(self.lags):
            if j - L < 1 or j - L not in self.ring:
                continue
            if (j - 1) % self.stride:
                self.skipped[j - 1, c] = True
                continue
            f, lm_c = registered_flow(self.ring, j, j - L, self.flow)
            got = residual_landmark_flow(f, lm_c, FIT_POINTS)
            if got is None:
                continue
            if tmpl is None:
                tmpl = templates(lm_c)
            self.amp[j - 1, c] = project(-got[0], tmpl)

    def arrays(self) -> dict[str, np.ndarray]:
        # each lag's column on its own: a lag's first rows wait for j − L, the others' do not
        amp = np.stack([fill_strided(self.amp[:, c], self.skipped[:, c])
                        for c in range(len(self.lags))], axis=1)
        return {"aumatch_amp": amp.astype(np.float32),
                "aumatch_lags": np.asarray(self.lags, np.int64)}
