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

from ..expressions import L_EYE, MICRO_AUS, R_EYE, aus_displacement
from .crops import CROP_MARGIN, CROP_SPEC, CropRing, check_flow, curve_stride, fill_strided
from .register import EYE_CORNERS, NOSE_POINTS, registered_flow, residual_landmark_flow

__all__ = ["AUMatchFamily", "FIT_POINTS", "LAGS_S", "LOO_BLOCK_S", "LOO_MARGIN_S", "LOO_MIN_ROWS",
           "OAS", "ROWS_SHRINK", "RowSpill", "SHRINK", "TEMPLATES", "eye_openness", "lags",
           "leave_out_covariance", "leave_out_rows", "noise_covariance", "oas_shrinkage",
           "project", "raw_moments", "shrinkage", "streamed_covariance", "templates",
           "with_context"]

#: The lags, in seconds, between the compared frames: a micro-expression's apex lies 0.1–0.25 s
#: from its onset and its offset (0.2–0.5 s in all).
LAGS_S = (0.12, 0.16, 0.20)
#: The action-unit patterns projected on (``+``-joined units of :mod:`mespot_nb.expressions`).
TEMPLATES = tuple(MICRO_AUS)
#: Landmarks whose flow fixes the head's similarity field: the nose's and the eye corners'.
FIT_POINTS = tuple(NOSE_POINTS) + tuple(EYE_CORNERS)
#: The covariance's shrinkage towards its mean variance, as bounds of 136 / n for n displacement
#: rows: a fixed 0.1 (aumatch's eighth round, ``docs/prereg/aumatch-round8.md``: tuned on 85
#: strangers' clips and adopted by a rule written down before on an eighth fresh set).
SHRINK = (0.1, 0.1)
#: The rule before the eighth round: 136 / n held within 0.3–0.9 (a 30 s clip at 30 fps: 0.3; a
#: 3 s clip: 0.9, nearly the plain projection), chosen on the first development clips. On the
#: strangers' short clips it left the whitening nearly off.
ROWS_SHRINK = (0.3, 0.9)
#: The leave-out covariance (``aumatch_amp_loo``, the eleventh round): the computed frames are
#: taken in blocks of ``LOO_BLOCK_S`` seconds, and each block is whitened by the covariance of
#: the video's other rows with the ``LOO_MARGIN_S`` seconds on either side of the block left
#: out too — so an expression's own frames do not whiten it away on a short, still clip — or by
#: the whole video's where fewer than ``LOO_MIN_ROWS`` rows would be left.
LOO_BLOCK_S, LOO_MARGIN_S, LOO_MIN_ROWS = 0.2, 0.5, 20
#: The other shrinkage rule: the Oracle Approximating Shrinkage of Chen et al. (2010), an
#: intensity computed from the empirical covariance itself (:func:`oas_shrinkage`), as
#: scikit-learn's ``sklearn.covariance.oas`` computes it.
OAS = "oas"


def eye_openness(lm: np.ndarray) -> float:
    """The eyes' aspect ratio of one face.

    Parameters
    ----------
    lm : (68, 2) dlib's landmarks (any pixel scale).

    Returns
    -------
    For each eye (dlib points 36–41 and 42–47) the mean of its two lid-to-lid distances over its
    corner-to-corner width, averaged over both eyes: unitless, about 0.25–0.35 open and under
    0.15 shut, the same at any scale.
    """
    lm = np.asarray(lm, np.float64)
    ratios = []
    for e in (R_EYE, L_EYE):
        p = lm[e]
        lids = np.linalg.norm(p[1] - p[5]) + np.linalg.norm(p[2] - p[4])
        ratios.append(lids / (2.0 * max(np.linalg.norm(p[0] - p[3]), 1e-9)))
    return float(np.mean(ratios))


def lags(fps: float) -> tuple[int, ...]:
    """:data:`LAGS_S` in frames at ``fps`` (each at least 2, duplicates merged, ascending)."""
    return tuple(sorted({max(2, int(round(s * float(fps)))) for s in LAGS_S}))


def templates(lm: np.ndarray) -> np.ndarray:
    """(A, 68, 2) displacement templates of :data:`TEMPLATES` for landmarks ``lm`` (68, 2)."""
    lm = np.asarray(lm, np.float64)
    return np.stack([aus_displacement(a, lm) for a in TEMPLATES])


def shrinkage(n: int, dim: int = 136, shrink: tuple | str = SHRINK,
              emp: np.ndarray | None = None) -> float:
    """The covariance's shrinkage for ``n`` rows of ``dim`` values: dim / n within ``shrink``
    (bounds ``(lo, hi)``; ``(a, a)`` is a fixed a), or, with ``shrink`` :data:`OAS` or
    ``(OAS, lo, hi)``, :func:`oas_shrinkage` of the empirical covariance ``emp`` (dim, dim)
    (within ``lo``–``hi``)."""
    if isinstance(shrink, str) or len(shrink) == 3:
        rule, lo, hi = (shrink, 0.0, 1.0) if isinstance(shrink, str) else shrink
        if rule != OAS or emp is None:
            raise ValueError(f"shrink {shrink!r}: give bounds (lo, hi), {OAS!r} or "
                             f"({OAS!r}, lo, hi), with the empirical covariance for {OAS!r}")
        return float(np.clip(oas_shrinkage(emp, n), lo, hi))
    return float(np.clip(dim / max(n, 1), *shrink))


def oas_shrinkage(emp: np.ndarray, n: int) -> float:
    """The Oracle Approximating Shrinkage intensity (Chen, Wiesel, Eldar & Hero 2010, eq. 23
    without its 2/p factor, as scikit-learn 1.9 computes it) of an empirical covariance.

    Parameters
    ----------
    emp : (D, D) the biased empirical covariance S of ``n`` rows.
    n : the number of rows it was computed from.

    Returns
    -------
    α in [0, 1]: min(1, (m + μ²) / ((n + 1)(m − μ²/D))) for μ = tr S / D and m the mean of S's
    squared entries — near 0 where S is well determined relative to its spread of eigenvalues,
    towards 1 (μ·I) where it is not. Written here with numpy (no scikit-learn import in the
    streaming pass); equal to ``sklearn.covariance.oas``'s (tested).
    """
    emp = np.asarray(emp, np.float64)
    m = float(np.mean(emp ** 2))
    mu2 = (float(np.trace(emp)) / emp.shape[0]) ** 2
    den = (n + 1) * (m - mu2 / emp.shape[0])
    return 1.0 if den == 0 else float(min((m + mu2) / den, 1.0))


def noise_covariance(d: np.ndarray, shrink: tuple | str = SHRINK
                     ) -> np.ndarray | None:
    """Shrunk covariance (D, D) of displacement rows ``d`` (n, D) that are wholly finite.

    (1 − α)·S + α·(tr S / D)·I for the empirical (biased) covariance S and α = D / n within
    ``shrink`` (bounds) — scikit-learn's ``ShrunkCovariance(shrinkage=α).fit(d).covariance_``,
    written here with numpy in the same order of operations (the same matrix, bit for bit;
    tested): importing scikit-learn into the streaming pass added ~80 MB to its peak memory —
    or, with ``shrink`` :data:`OAS`, α of :func:`oas_shrinkage` (``sklearn.covariance.oas``'s
    matrix, to rounding; tested). None with fewer than 2 such rows (then the projection is
    plain least squares)."""
    d = np.asarray(d, np.float64)
    d = d[np.isfinite(d).all(axis=1)]
    if len(d) < 2:
        return None
    return _shrunk(np.cov(d.T, bias=1), len(d), shrink)


def _shrunk(emp: np.ndarray, n: int, shrink: tuple | str) -> np.ndarray:
    """(1 − α)·S + α·(tr S / D)·I for the empirical covariance S (D, D) of n rows."""
    alpha = shrinkage(n, emp.shape[0], shrink, emp)
    cov = (1.0 - alpha) * emp
    cov += alpha * (np.trace(emp) / emp.shape[0]) * np.eye(emp.shape[0])
    return cov


def streamed_covariance(blocks, shrink: tuple | str = SHRINK) -> list:
    """:func:`noise_covariance` of several sets of rows at once, one block in memory at a time.

    ``blocks`` is called with no argument and yields arrays (m, k, D) each time — block by block,
    row r's k sets (aumatch: its lags) — and is called twice: the mean, then the centred
    scatter. Returns k covariances (D, D) or None each, the same matrices as
    :func:`noise_covariance` of each set's rows stacked, to rounding (sums over blocks, not
    numpy's pairwise sum over all rows)."""
    n = total = None
    for x in blocks():
        x = np.asarray(x, np.float64)
        ok = np.isfinite(x).all(axis=2)                                  # (m, k)
        if total is None:
            n, total = np.zeros(x.shape[1], int), np.zeros(x.shape[1:])
        n += ok.sum(axis=0)
        total += np.where(ok[..., None], x, 0.0).sum(axis=0)
    if n is None:
        return []
    mean = total / np.maximum(n, 1)[:, None]
    emp = np.zeros((len(n), mean.shape[1], mean.shape[1]))
    for x in blocks():
        x = np.asarray(x, np.float64)
        for c in range(len(n)):
            y = x[np.isfinite(x[:, c]).all(axis=1), c] - mean[c]
            emp[c] += y.T @ y
    return [None if n[c] < 2 else _shrunk(emp[c] / n[c], int(n[c]), shrink)
            for c in range(len(n))]


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


def raw_moments(blocks, step: int = 4096) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Sums over the wholly finite rows of each set, block by block.

    Parameters
    ----------
    blocks : iterable of arrays (m, k, D): row by row, its k sets (aumatch: its lags).
    step : rows converted to float64 at a time (a block held in memory is not copied whole).

    Returns
    -------
    (n (k,) int, Σd (k, D), Σddᵀ (k, D, D)) float64 over each set's rows with no NaN, or None
    if ``blocks`` yields nothing.
    """
    n = total = scatter = None
    for block in blocks:
        for lo in range(0, len(block), step):
            x = np.asarray(block[lo:lo + step], np.float64)
            if n is None:
                k, dim = x.shape[1:]
                n, total, scatter = np.zeros(k, int), np.zeros((k, dim)), np.zeros((k, dim, dim))
            for c in range(x.shape[1]):
                y = x[np.isfinite(x[:, c]).all(axis=1), c]
                n[c] += len(y)
                total[c] += y.sum(axis=0)
                scatter[c] += y.T @ y
    return None if n is None else (n, total, scatter)


def leave_out_covariance(moments, c: int, rows: np.ndarray, whole: np.ndarray | None,
                         shrink: tuple | str = SHRINK) -> np.ndarray | None:
    """:func:`noise_covariance` of set ``c``'s rows with some of them left out.

    Parameters
    ----------
    moments : the whole sets' :func:`raw_moments`.
    c : which set.
    rows : (m, D) the rows to leave out (those with a NaN are not in the sums, and are skipped).
    whole : (D, D) the whole set's covariance, returned where fewer than :data:`LOO_MIN_ROWS`
        rows would be left.
    shrink : the shrinkage rule (:func:`shrinkage`).

    Returns
    -------
    (D, D) float64, the shrunk covariance of the rows left, or ``whole``.
    """
    n, total, scatter = moments
    y = np.asarray(rows, np.float64)
    y = y[np.isfinite(y).all(axis=1)]
    left = int(n[c]) - len(y)
    if left < LOO_MIN_ROWS:
        return whole
    mean = (total[c] - y.sum(axis=0)) / left
    emp = (scatter[c] - y.T @ y) / left - np.outer(mean, mean)
    return _shrunk(emp, left, shrink)


def with_context(blocks, rows: int, size: int, margin: int):
    """Consecutive runs of ``size`` rows with ``margin`` rows either side, read block by block.

    Parameters
    ----------
    blocks : iterable of (first row, rows (m, ...)) in order, as :meth:`RowSpill.blocks`
        yields them (a run may straddle two).
    rows : the number of rows in all.
    size, margin : rows a run, and rows either side of it.

    Yields
    ------
    (r0, r1, c0, ctx): the run's rows r0 … r1 − 1, and ``ctx`` with ``ctx[r - c0]`` row r for
    every r in max(0, r0 − margin) … min(rows, r1 + margin) − 1. Holds one block and at most
    ``size`` + 2·``margin`` rows of the one before (the runs not yet finished and their margin).
    """
    ctx, c0, r0 = None, 0, 0
    for a0, x in blocks:
        if ctx is None:
            ctx, c0 = x, a0
        else:
            ctx = np.concatenate([ctx, x])
        end = a0 + len(x)
        while r0 < rows and min(rows, r0 + size + margin) <= end:
            r1 = min(rows, r0 + size)
            yield r0, r1, c0, ctx
            r0 = r1
        keep = max(0, min(r0 - margin, end) - c0)
        ctx, c0 = ctx[keep:], c0 + keep


def _project_rows(d: np.ndarray, t: np.ndarray, cov: np.ndarray | None,
                  inv: np.ndarray | None = None) -> np.ndarray:
    """Amplitudes (m, A) of displacement rows ``d`` (m, D) along their templates ``t``
    (m, A, D) for the covariance ``cov`` (:func:`project` on each row; rows wholly finite
    through C⁻¹ — ``inv`` if given — once, the others through their landmarks' sub-block;
    all-NaN rows NaN)."""
    amp = np.full(t.shape[:2], np.nan)
    full = np.isfinite(d).all(axis=1)
    for k in np.flatnonzero(np.isfinite(d).any(axis=1) & ~full):
        amp[k] = project(d[k], t[k].reshape(-1, 68, 2), cov)             # C's sub-block
    if full.any():
        if cov is not None and inv is None:
            inv = np.linalg.inv(cov)
        g = t[full] if cov is None else t[full] @ inv                    # C⁻¹τ (n, A, D)
        den = (g * t[full]).sum(axis=2)
        with np.errstate(invalid="ignore", divide="ignore"):
            amp[full] = np.where(den > 0, np.einsum("nad,nd->na", g, d[full]) / den, np.nan)
    return amp


def leave_out_rows(ctx: np.ndarray, c0: int, r0: int, t: np.ndarray, whole: np.ndarray,
                   moments_c, basis, size: int, margin: int, rows: int, shrink: tuple | str,
                   cov: np.ndarray | None) -> np.ndarray:
    """Leave-out amplitudes (m, A) of one lag's rows r0 … r0 + m (``t``: their templates
    (m, A, D), NaN rows without landmarks), each run of ``size`` rows projected through
    :func:`leave_out_covariance` with its ``margin`` rows either side left out — computed by
    the Woodbury identity, without forming or inverting a covariance a run.

    With S = Σddᵀ over the lag's n wholly finite rows and S = QΛQᵀ (``basis``: ``eigh(S)``,
    once a lag), a run whose window holds the k rows W leaves n' = n − k rows, mean μ', and the
    covariance C' = (1 − α)·((S − WᵀW)/n' − μ'μ'ᵀ) + β·I = B − VVᵀ, where B = Q·diag(γ)·Qᵀ,
    γ = (1 − α)·Λ/n' + β, β = α·tr(C'')/D for the unshrunk C'', and V = √(1 − α)·[Wᵀ/√n', μ']
    (D, k + 1). Then uᵀC'⁻¹v = ũᵀG⁻¹ṽ + (Hᵀũ)ᵀ(I − ṼᵀH)⁻¹(Hᵀṽ) in Q's basis (ũ = Qᵀu,
    G = diag(γ), H = G⁻¹Ṽ): one (k + 1)-square system a run instead of a 136-square one, and
    every row's change of basis in one matrix product a chunk. Equal to :func:`project` through
    :func:`leave_out_covariance` to rounding (within 1e-12 on real clips' rows; tested to
    1e-9); the rows it cannot take — a row with some landmarks off the crop, or a ``shrink``
    rule that needs the covariance itself (:data:`OAS`) — go through those. ``whole``: the rows'
    amplitudes through the whole video's covariance ``cov``, kept where fewer than
    :data:`LOO_MIN_ROWS` rows would be left.

    Parameters
    ----------
    ctx : (len, D) float64, the lag's displacement rows c0 … c0 + len − 1, covering every
        run's window.
    c0 : the row number of ``ctx[0]``.
    r0 : the first row to project (a run starts there).
    t : (m, A, D) the templates of rows r0 … r0 + m − 1 (NaN rows: no landmarks).
    whole : (m, A) those rows' amplitudes through ``cov``.
    moments_c : (n, Σd (D,), Σddᵀ (D, D)) of the lag (:func:`raw_moments`).
    basis : ``np.linalg.eigh(Σddᵀ)`` — (Λ (D,), Q (D, D)) — or None (then every run goes
        through :func:`leave_out_covariance` itself).
    size, margin : rows a run, and rows left out either side of it.
    rows : the number of rows in the video.
    shrink : the shrinkage rule (:func:`shrinkage`).
    cov : (D, D) the whole video's covariance of the lag, or None (plain least squares).

    Returns
    -------
    (m, A) float64, each row's amplitude along each template, crop px per unit template.
    """
    n, total, scatter = moments_c
    out = np.array(whole, np.float64)
    m, n_a, dim = t.shape
    if cov is None or m == 0:
        return out                                            # plain least squares: no C
    full = np.isfinite(ctx).all(axis=1)
    ok = np.isfinite(t).all(axis=(1, 2))
    b0 = np.arange(r0, r0 + m, size)                          # the runs
    b1 = np.minimum(b0 + size, r0 + m)
    w0, w1 = np.maximum(b0 - margin, 0) - c0, np.minimum(b1 + margin, rows) - c0
    cum = np.concatenate([[0], np.cumsum(full)])
    left = n - (cum[w1] - cum[w0])                            # rows left a run
    use = left >= LOO_MIN_ROWS
    fast = not isinstance(shrink, str) and len(shrink) == 2 and basis is not None
    d_all = ctx[r0 - c0:r0 - c0 + m]
    part = ok & np.isfinite(d_all).any(axis=1) & ~full[r0 - c0:r0 - c0 + m]
    for j in np.flatnonzero(use):                             # through C' itself
        i = np.arange(b0[j], b1[j]) - r0
        i = i[part[i]] if fast else i[ok[i] & np.isfinite(d_all[i]).any(axis=1)]
        if len(i):
            c_loo = leave_out_covariance(([n], total[None], scatter[None]), 0,
                                         ctx[w0[j]:w1[j]], cov, shrink)
            out[i] = _project_rows(d_all[i], t[i], c_loo)
    if not fast or not use.any():
        return out
    lam, q = basis
    runs = np.flatnonzero(use)
    r_n, width = len(runs), size + 2 * margin
    ctx0 = np.concatenate([np.where(full[:, None], ctx, 0.0), np.zeros((1, dim))])
    proj = ctx0 @ q                                           # every row in Q's basis; last: 0
    sq = (ctx0 ** 2).sum(axis=1)
    span = w0[runs, None] + np.arange(width)                  # each run's window, padded
    inside = (span < w1[runs, None]) & full[np.minimum(span, len(full) - 1)]
    span = np.where(inside, span, len(ctx0) - 1)              # padding reads the zero row
    w = proj[span]                                            # (R, K, D)
    lr = left[runs].astype(np.float64)
    mu = (total @ q - w.sum(axis=1)) / lr[:, None]
    lo, hi = shrink
    alpha = np.clip(dim / lr, lo, hi)
    tr_e = (float(lam.sum()) - sq[span].sum(axis=1)) / lr - (mu ** 2).sum(axis=1)
    gam = (1.0 - alpha)[:, None] * lam / lr[:, None] + (alpha * tr_e / dim)[:, None]
    v = np.sqrt(1.0 - alpha)[:, None, None] * np.concatenate(
        [w / np.sqrt(lr)[:, None, None], mu[:, None]], axis=1)          # (R, K + 1, D)
    h = v / gam[:, None]
    small = np.eye(width + 1) - h @ v.transpose(0, 2, 1)                # (R, K + 1, K + 1)
    rr = b0[runs, None] - r0 + np.arange(size)                          # the runs' rows
    good = (rr < (b1[runs] - r0)[:, None])
    rr = np.minimum(rr, m - 1)
    good &= ok[rr] & full[rr + r0 - c0]
    tt = (np.nan_to_num(t[rr]) @ q) * good[..., None, None]             # (R, s, A, D)
    dd = proj[rr + r0 - c0] * good[..., None]                           # (R, s, D)
    ht = tt.reshape(r_n, -1, dim) @ h.transpose(0, 2, 1)                # (R, s·A, K + 1)
    hd = dd @ h.transpose(0, 2, 1)                                      # (R, s, K + 1)
    sol = np.linalg.solve(small, np.concatenate([hd, ht], axis=1).transpose(0, 2, 1))
    sol = sol.transpose(0, 2, 1)
    sd, st = sol[:, :size], sol[:, size:].reshape(tt.shape[:3] + (-1,))
    ig = 1.0 / gam[:, None, None]
    num = (tt * (dd[:, :, None] * ig)).sum(-1) + (ht.reshape(st.shape) * sd[:, :, None]).sum(-1)
    den = (tt * tt * ig).sum(-1) + (ht.reshape(st.shape) * st).sum(-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        amp = np.where(den > 0, num / den, np.nan)                      # (R, s, A)
    out[rr[good]] = amp[good]
    return out


class RowSpill:
    """Rows of float32 values, written in increasing row order and read back in blocks: in
    memory while they fit one block of ``block`` rows, else in an unlinked temporary file
    (``$TMPDIR``) with one block in memory — so a long video's pass holds a few MB, not all its
    rows. Rows never written read as NaN.

    Parameters
    ----------
    rows : number of rows.
    shape : shape of one row.
    block : rows per block (4096 rows of aumatch's 544 values: 8.9 MB).
    """

    def __init__(self, rows: int, shape: tuple[int, ...], block: int = 4096):
        self.rows, self.shape, self.block = int(rows), tuple(shape), max(1, int(block))
        self.n_blocks = -(-self.rows // self.block)
        self.file = None                     # opened at the first block that leaves memory
        self.closed = False
        self.at = 0                          # the block in memory
        self.buf = self._empty(0)

    def _empty(self, b: int) -> np.ndarray:
        m = min(self.block, self.rows - b * self.block)
        return np.full((max(m, 0),) + self.shape, np.nan, np.float32)

    def _flush(self) -> None:
        """Write the block in memory and move to the next (each block written once, in order)."""
        if self.file is None:
            import tempfile

            self.file = tempfile.TemporaryFile(prefix="mespot-aumatch-")
        self.file.write(self.buf.tobytes())
        self.at += 1
        self.buf = self._empty(self.at)

    def row(self, r: int) -> np.ndarray:
        """Row ``r`` (``shape``) to write into; rows before the block in memory are final."""
        b = r // self.block
        if b < self.at:
            raise ValueError(f"row {r} comes after block {self.at} was started: "
                             "write rows in order")
        while self.at < b:
            self._flush()
        return self.buf[r - b * self.block]

    def blocks(self):
        """(first row, rows (m,) + ``shape``) of each block in order, one in memory at a time."""
        if self.n_blocks <= 1:               # all in memory: never a file
            yield 0, self.buf
            return
        if self.closed:
            raise RuntimeError("the spilled rows were released (close): read them before")
        while self.at < self.n_blocks:       # blocks never written are NaN: write them out
            self._flush()
        size = int(np.prod(self.shape)) * 4
        self.file.seek(0)
        for b in range(self.n_blocks):
            m = min(self.block, self.rows - b * self.block)
            x = np.frombuffer(self.file.read(m * size), np.float32)
            yield b * self.block, x.reshape((m,) + self.shape)

    def read(self, lo: int = 0, hi: int | None = None) -> np.ndarray:
        """Rows ``lo``–``hi`` (all of them by default) as one array (for checks)."""
        hi = self.rows if hi is None else hi
        parts = [x[max(lo - a, 0):max(hi - a, 0)] for a, x in self.blocks()]
        return np.concatenate(parts) if parts else self._empty(0)

    def close(self) -> None:
        """Release the temporary file (rows past the first block cannot be read after)."""
        self.closed = True
        if self.file is not None:
            self.file.close()
            self.file = None


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
    ``curve_hz`` 0 computes every frame. Memory: the displacements at every lag and the landmarks
    (2.2 kB a computed frame, float32) are kept in a :class:`RowSpill`: in memory up to 4096
    computed frames (2.3 min at 30 fps, 2.7 min at 200 fps), beyond that in a temporary file
    read back a block at a time — the covariance in two passes (:func:`streamed_covariance`),
    the leave-out's sums in a third (:func:`raw_moments`), both projections in a fourth
    (:func:`with_context`: one block and a run's rows and margins of the one before). What
    still grows with the video in memory is a flag a lag (3 B a frame) during the pass and, at
    its end, the two amplitudes (144 B a frame, float32, and an interpolated copy of each):
    about 40 MB for an hour of 30 fps footage.

    Arrays
    ------
    aumatch_amp : (T, n_lags, A) float32 — the amplitude of frame j (row j − 1) against frame
        j − L, in crop pixels per unit template; NaN where either frame lacked a face.
    aumatch_amp_loo : (T, n_lags, A) float32 — the same projection whitened by the covariance
        of the video's rows outside the frame's block of :data:`LOO_BLOCK_S` and
        :data:`LOO_MARGIN_S` either side (:func:`leave_out_covariance`): the spotter reads it
        instead on a video whose person hardly talks (``loo_talk_max``).
    aumatch_lags : (n_lags,) int64 — the lags L in frames.
    aumatch_eyes : (T,) float32 — :func:`eye_openness` of every frame's landmarks (NaN without a
        face): the spotter finds blinks from it.
    """

    family = "aumatch"
    produces = ("aumatch_amp", "aumatch_amp_loo", "aumatch_lags", "aumatch_eyes")
    history = 1
    #: 2: the projection is whitened by the video's own covariance (1: plain least squares);
    #: 3: beyond ``spill_block`` computed frames the covariance is summed over blocks (the same
    #: to rounding); 4: the eyes' openness of every frame is kept (``aumatch_eyes``); 5: the
    #: covariance shrunk by a fixed 0.1 (:data:`SHRINK`; before, :data:`ROWS_SHRINK`); 6: the
    #: amplitudes whitened with each block's neighbourhood left out too (``aumatch_amp_loo``)
    version = 6
    #: the covariance's shrinkage: bounds of 136 / n (:data:`SHRINK`; (1, 1) is plain least
    #: squares), :data:`OAS` or ``(OAS, lo, hi)`` (:func:`shrinkage`)
    shrink = SHRINK
    #: computed frames kept in memory before the rest go to a temporary file (:class:`RowSpill`)
    spill_block = 4096

    def __init__(self, n_frames: int, fps: float, params, spec=None):
        self.flow = getattr(params, "curve_flow", "farneback")
        check_flow(self.flow)
        self.lags = lags(fps)
        self.fps = float(fps)
        self.n = int(n_frames)
        self.stride = curve_stride(fps, getattr(params, "curve_hz", 0.0) / 2)
        self.skipped = np.zeros((self.n, len(self.lags)), bool)   # per lag: a face at j − L
        self.ring = CropRing(CROP_SPEC, max(self.lags) + 1, CROP_MARGIN)
        rows = -(-self.n // self.stride)                          # the computed frames
        # per computed frame: the displacement at each lag (136 values) and, last, the landmarks
        self.spill = RowSpill(rows, (len(self.lags) + 1, 68 * 2), self.spill_block)
        self.eyes = np.full(self.n, np.nan, np.float32)

    def push(self, j: int, buf, lms: np.ndarray) -> None:
        gray = buf[-1]
        lm = lms[j - 1]
        if np.isfinite(lm).all():
            self.eyes[j - 1] = eye_openness(lm)
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
            row = self.spill.row((j - 1) // self.stride)
            row[-1] = lm_c.reshape(-1)
            row[c] = -got[0].reshape(-1)

    @property
    def disp(self) -> np.ndarray:
        """(rows, n_lags, 136) every computed frame's displacements (read back whole: checks)."""
        return self.spill.read()[:, :-1]

    def _amplitudes(self) -> tuple[np.ndarray, np.ndarray]:
        """(rows, n_lags, A) projections of the kept displacements, twice: each lag whitened by
        its covariance over the whole video, and by the covariance with each block's
        neighbourhood left out (:data:`LOO_BLOCK_S`, :func:`leave_out_covariance`). Read back
        a block at a time; the whole-video covariance in two passes over the blocks
        (:func:`streamed_covariance`) and the sums the leave-out subtracts from in a third."""
        n_l = len(self.lags)
        if self.spill.n_blocks <= 1:     # one block, in memory: numpy's covariance of each lag
            covs = [noise_covariance(self.spill.buf[:, c], self.shrink) for c in range(n_l)]
        else:                            # two passes over the blocks for every lag at once
            covs = streamed_covariance(lambda: (x[:, :n_l] for _, x in self.spill.blocks()),
                                       self.shrink)
        invs = [None if cov is None else np.linalg.inv(cov) for cov in covs]
        moments = raw_moments(x[:, :n_l] for _, x in self.spill.blocks())
        basis = [None if moments is None or moments[0][c] < 2 else np.linalg.eigh(moments[2][c])
                 for c in range(n_l)]
        size = max(1, int(round(LOO_BLOCK_S * self.fps / self.stride)))
        margin = int(round(LOO_MARGIN_S * self.fps / self.stride))
        rows, n_a = self.spill.rows, len(TEMPLATES)
        amp = np.full((rows, n_l, n_a), np.nan, np.float32)
        loo = np.full((rows, n_l, n_a), np.nan, np.float32)
        chunk = size * max(1, 256 // size)               # whole runs, about 256 rows
        for r0, r1, c0, ctx in with_context(self.spill.blocks(), rows, chunk, margin):
            x = ctx[r0 - c0:r1 - c0]
            have = np.flatnonzero(np.isfinite(x[:, :n_l]).any(axis=(1, 2)))
            if not len(have):
                continue
            t = np.full((len(x), n_a, 68 * 2), np.nan)
            t[have] = np.stack([templates(m) for m in x[have, -1].reshape(-1, 68, 2)]
                               ).reshape(len(have), n_a, -1)
            w0, w1 = max(0, r0 - margin), min(rows, r1 + margin)
            for c in range(n_l):
                a = np.full((len(x), n_a), np.nan)
                a[have] = _project_rows(x[have, c].astype(np.float64), t[have], covs[c], invs[c])
                amp[r0:r1, c] = a
                loo[r0:r1, c] = a if moments is None else leave_out_rows(
                    ctx[w0 - c0:w1 - c0, c].astype(np.float64), w0, r0, t, a,
                    (moments[0][c], moments[1][c], moments[2][c]), basis[c], size, margin, rows,
                    self.shrink, covs[c])
        self.spill.close()
        return amp, loo

    def arrays(self) -> dict[str, np.ndarray]:
        out = {"aumatch_lags": np.asarray(self.lags, np.int64), "aumatch_eyes": self.eyes}
        for name, rows in zip(("aumatch_amp", "aumatch_amp_loo"), self._amplitudes()):
            full = np.full((self.n, len(self.lags), len(TEMPLATES)), np.nan, np.float32)
            full[::self.stride] = rows
            # each lag's column on its own: a lag's first rows wait for j − L, the others' do not
            out[name] = np.stack([fill_strided(full[:, c], self.skipped[:, c])
                                  for c in range(len(self.lags))], axis=1).astype(np.float32,
                                                                                  copy=False)
        return out
