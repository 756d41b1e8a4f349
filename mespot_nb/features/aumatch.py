"""Action-unit amplitudes: how far each frame's face has moved, relative to a frame a fixed lag
earlier, along each micro-expression action unit's landmark pattern — the curves of the
``aumatch`` spotter (:mod:`mespot_nb.methods.aumatch`).

For every frame j and each lag L of :func:`lags` (0.12, 0.16 and 0.20 s), frames j and j − L are
compared in frame j's alignment with the head's motion registered out
(:mod:`~mespot_nb.features.register`: the rigid landmarks' similarity before the flow, the
similarity field of the flow around the nose and the eye corners after it). Each landmark's
residual mean flow, negated, is the *content displacement* d_j(l) of frame j relative to frame
j − L at landmark l (68 × 2 crop pixels, flattened: a vector d_j of 136). It is projected on each
action unit's displacement template τ_a (:data:`~mespot_nb.expressions.MICRO_AUS`, the FACS-like
patterns of :mod:`mespot_nb.expressions`, evaluated on frame j's landmarks) by generalised least
squares against the video's own motion:

    a_j = τ_aᵀ C⁻¹ d_j / τ_aᵀ C⁻¹ τ_a

— the amplitude, in crop pixels per unit of the template, by which frame j shows action unit a
more than frame j − L does. C (136 × 136) is the covariance of d over the whole video at that lag
(:func:`noise_covariance`), shrunk towards its mean variance. The projection is a *whitened*
matched filter: the directions in which this person's face moves a lot anyway — the jaw and lips
while talking, the brows of an expressive speaker, the residue of a head turn — weigh little,
and a pattern that is unlike them counts in full. With C = I it is the plain least-squares
projection (the first version's). It is signed: a brow raise and a brow lowering are different
templates, and each counts only in its own direction.

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

__all__ = ["AUMatchFamily", "FIT_POINTS", "LAGS_S", "SHRINK", "TEMPLATES", "lags",
           "noise_covariance", "project", "shrinkage", "templates"]

#: The lags, in seconds, between the compared frames: a micro-expression's apex lies 0.1–0.25 s
#: from its onset and its offset (0.2–0.5 s in all).
LAGS_S = (0.12, 0.16, 0.20)
#: The action-unit patterns projected on (``+``-joined units of :mod:`mespot_nb.expressions`).
TEMPLATES = tuple(MICRO_AUS)
#: Landmarks whose flow fixes the head's similarity field: the nose's and the eye corners'.
FIT_POINTS = tuple(NOSE_POINTS) + tuple(EYE_CORNERS)
#: The covariance's shrinkage towards its mean variance: 136 / n for n displacement rows, held
#: between these bounds (a 30 s clip at 30 fps: 0.3; a 3 s clip: 0.9, nearly the plain
#: projection). Chosen on aumatch's tuning clips (README "Real people").
SHRINK = (0.3, 0.9)


def lags(fps: float) -> tuple[int, ...]:
    """:data:`LAGS_S` in frames at ``fps`` (each at least 2, duplicates merged, ascending)."""
    return tuple(sorted({max(2, int(round(s * float(fps)))) for s in LAGS_S}))


def templates(lm: np.ndarray) -> np.ndarray:
    """(A, 68, 2) displacement templates of :data:`TEMPLATES` for landmarks ``lm`` (68, 2)."""
    lm = np.asarray(lm, np.float64)
    return np.stack([aus_displacement(a, lm) for a in TEMPLATES])


def shrinkage(n: int, dim: int = 136, shrink: tuple[float, float] = SHRINK) -> float:
    """The covariance's shrinkage for ``n`` rows of ``dim`` values: dim / n within ``shrink``."""
    return float(np.clip(dim / max(n, 1), *shrink))


def noise_covariance(d: np.ndarray, shrink: tuple[float, float] = SHRINK) -> np.ndarray | None:
    """Shrunk covariance (D, D) of displacement rows ``d`` (n, D) that are wholly finite.

    (1 − α)·S + α·(tr S / D)·I for the empirical (biased) covariance S and α = D / n within
    ``shrink`` — scikit-learn's ``ShrunkCovariance(shrinkage=α).fit(d).covariance_``, written
    here with numpy in the same order of operations (the same matrix, bit for bit; tested):
    importing scikit-learn into the streaming pass added ~80 MB to its peak memory. None with
    fewer than 2 such rows (then the projection is plain least squares)."""
    d = np.asarray(d, np.float64)
    d = d[np.isfinite(d).all(axis=1)]
    if len(d) < 2:
        return None
    alpha = shrinkage(len(d), d.shape[1], shrink)
    emp = np.cov(d.T, bias=1)
    cov = (1.0 - alpha) * emp
    cov += alpha * (np.trace(emp) / d.shape[1]) * np.eye(d.shape[1])
    return cov


def project(d: np.ndarray, tmpl: np.ndarray, cov: np.ndarray | None = None) -> np.ndarray:
    """Amplitude (A,) of displacement ``d`` (68, 2) along each template of ``tmpl`` (A, 68, 2):
    τᵀC⁻¹d / τᵀC⁻¹τ for the covariance ``cov`` (136, 136) of :func:`noise_covariance` (in
    ``d.ravel()``'s order), or plain least squares (C = I) when it is None. Landmarks where ``d``
    is NaN (window off the crop) are left out (C's block of the others)."""
    d = np.asarray(d, np.float64).reshape(-1)
    t = np.asarray(tmpl, np.float64).reshape(len(tmpl), -1)
    ok = np.isfinite(d)
    t, d = t[:, ok], d[ok]
    g = t if cov is None else np.linalg.solve(cov[np.ix_(ok, ok)], t.T).T   # C⁻¹τ (A, D)
    den = (g * t).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, g @ d / den, np.nan)


class AUMatchFamily:
    """Streaming-pass consumer (family ``aumatch``): action-unit amplitudes at every lag.

    For each frame j with a face in j and j − L: the content displacement of frame j relative
    to frame j − L (module doc), kept until the pass ends; then, per lag, the video's
    displacement covariance (:func:`noise_covariance`) and every frame's projection on every
    template (:func:`project`). At high frame rates only every ``stride``-th frame is computed —
    at most ``params.curve_hz`` / 2 times a second (:func:`~.crops.curve_stride`; 25 Hz by
    default: every frame at 24–30 fps, every 4th at 100 fps, every 8th at 200 fps, where a 0.2 s
    micro-expression still has 5 samples and the three flows a sample cost 1.5 times the other
    curves' one at 50 Hz) — and the rows between are interpolated (:func:`~.crops.fill_strided`).
    ``curve_hz`` 0 computes every frame. Memory: 2.2 kB a computed frame (the displacements at
    every lag and the landmarks, float32) — 3.9 MB a minute at 30 fps, 3.3 MB a minute at 200 fps
    (25 Hz) — and, while projecting, a float64 copy of one lag's (1.1 kB a frame): an hour of
    30 fps footage holds about 350 MB at the end of its pass.

    Arrays
    ------
    aumatch_amp : (T, n_lags, A) float32 — the amplitude of frame j (row j − 1) against frame
        j − L, in crop pixels per unit template; NaN where either frame lacked a face.
    aumatch_lags : (n_lags,) int64 — the lags L in frames.
    """

    family = "aumatch"
    produces = ("aumatch_amp", "aumatch_lags")
    history = 1
    #: 2: the projection is whitened by the video's own covariance (1: plain least squares)
    version = 2
    #: bounds of the covariance's shrinkage (:data:`SHRINK`; (1, 1) is plain least squares)
    shrink = SHRINK

    def __init__(self, n_frames: int, fps: float, params, spec=None):
        self.flow = getattr(params, "curve_flow", "farneback")
        check_flow(self.flow)
        self.lags = lags(fps)
        self.n = int(n_frames)
        self.stride = curve_stride(fps, getattr(params, "curve_hz", 0.0) / 2)
        self.skipped = np.zeros((self.n, len(self.lags)), bool)   # per lag: a face at j − L
        self.ring = CropRing(CROP_SPEC, max(self.lags) + 1, CROP_MARGIN)
        rows = -(-self.n // self.stride)                          # the computed frames
        self.disp = np.full((rows, len(self.lags), 68 * 2), np.nan, np.float32)
        self.lm = np.full((rows, 68, 2), np.nan, np.float32)

    def push(self, j: int, buf, lms: np.ndarray) -> None:
        gray = buf[-1]
        lm = lms[j - 1]
        ok = gray is not None and np.isfinite(lm).all()
        self.ring.push(j, np.asarray(gray) if ok else None, lm if ok else None)
        if j not in self.ring:
            return
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
            r = (j - 1) // self.stride
            self.lm[r] = lm_c
            self.disp[r, c] = -got[0].reshape(-1)

    def _amplitudes(self) -> np.ndarray:
        """(rows, n_lags, A) projections of the kept displacements, each lag whitened by its own
        covariance over the whole video."""
        amp = np.full(self.disp.shape[:2] + (len(TEMPLATES),), np.nan)
        for c in range(len(self.lags)):
            d = self.disp[:, c].astype(np.float64)
            full = np.isfinite(d).all(axis=1)
            cov = noise_covariance(d, self.shrink)
            for r in np.flatnonzero(np.isfinite(d).any(axis=1) & ~full):
                amp[r, c] = project(d[r], templates(self.lm[r]), cov)   # C's sub-block
            inv = np.eye(d.shape[1]) if cov is None else np.linalg.inv(cov)
            idx = np.flatnonzero(full)
            for lo in range(0, len(idx), 256):           # templates in blocks: bounded memory
                rr = idx[lo:lo + 256]
                t = np.stack([templates(x) for x in self.lm[rr]]).reshape(len(rr),
                                                                           len(TEMPLATES), -1)
                g = t @ inv                                               # C⁻¹τ (n, A, D)
                den = (g * t).sum(axis=2)
                with np.errstate(invalid="ignore", divide="ignore"):
                    amp[rr, c] = np.where(den > 0, np.einsum("nad,nd->na", g, d[rr]) / den,
                                          np.nan)
        return amp

    def arrays(self) -> dict[str, np.ndarray]:
        full = np.full((self.n, len(self.lags), len(TEMPLATES)), np.nan, np.float32)
        full[::self.stride] = self._amplitudes()
        # each lag's column on its own: a lag's first rows wait for j − L, the others' do not
        amp = np.stack([fill_strided(full[:, c], self.skipped[:, c])
                        for c in range(len(self.lags))], axis=1)
        return {"aumatch_amp": amp.astype(np.float32),
                "aumatch_lags": np.asarray(self.lags, np.int64)}
