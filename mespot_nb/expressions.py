"""The expression vocabulary: FACS-like action units as landmark displacements, and their time
profile.

Beside the line (imports no stage): the demo generator renders its subjects' expressions, blinks
and talking with these templates, and :mod:`mespot_nb.insert` adds the same micro-expressions to
real footage. A template is a (68, 2) displacement per unit amplitude (pixels at a face with
:data:`IOD` px between the eye centres; x right, y down) for dlib's 68 landmarks.
"""

from __future__ import annotations

import numpy as np

IOD = 92.0                        # distance between eye centres of the unit face (pixels)

# dlib 68-point indices (0-based)
R_BROW, L_BROW = list(range(17, 22)), list(range(22, 27))
R_EYE, L_EYE = list(range(36, 42)), list(range(42, 48))
JAW = list(range(0, 17))


# Action units: unit displacement vectors per landmark (x right, y down) in "amplitude units".


def au_template(au: str, lm: np.ndarray) -> np.ndarray:
    """(68, 2) displacement per unit amplitude of action unit ``au`` for neutral landmarks ``lm``."""
    d = np.zeros((68, 2), np.float64)
    mid = lm[27, 0]

    def toward_mid(i: int) -> float:
        return 1.0 if lm[i, 0] < mid else -1.0

    if au == "AU1":      # inner brow raiser
        for i, w in zip([19, 20, 21, 22, 23, 24], [0.4, 0.8, 1.0, 1.0, 0.8, 0.4]):
            d[i, 1] -= w
    elif au == "AU2":    # outer brow raiser
        for i, w in zip([17, 18, 19, 24, 25, 26], [1.0, 0.8, 0.4, 0.4, 0.8, 1.0]):
            d[i, 1] -= w
    elif au == "AU4":    # brow lowerer: down and together
        for i, w in zip(R_BROW + L_BROW, [0.5, 0.7, 0.9, 1.0, 1.0, 1.0, 1.0, 0.9, 0.7, 0.5]):
            d[i, 1] += 0.8 * w
            d[i, 0] += 0.5 * w * toward_mid(i)
    elif au == "AU6":    # cheek raiser: lower lids up
        for i in (40, 41, 46, 47):
            d[i, 1] -= 0.4
    elif au == "AU7":    # lid tightener
        for i in (40, 41, 46, 47):
            d[i, 1] -= 0.5
        for i in (37, 38, 43, 44):
            d[i, 1] += 0.2
    elif au == "AU10":   # upper lip raiser
        for i, w in zip([49, 50, 51, 52, 53, 61, 62, 63], [0.6, 1.0, 1.0, 1.0, 0.6, 0.8, 0.8, 0.8]):
            d[i, 1] -= w
    elif au == "AU12":   # lip corner puller: up and out
        for i, w in zip([48, 54, 60, 64, 49, 53, 59, 55], [1, 1, 0.9, 0.9, 0.4, 0.4, 0.4, 0.4]):
            d[i, 1] -= 0.6 * w
            d[i, 0] -= 0.8 * w * toward_mid(i)
    elif au == "AU14":   # dimpler: corners tightened inward
        for i, w in zip([48, 54, 60, 64], [1.0, 1.0, 0.8, 0.8]):
            d[i, 0] += 0.9 * w * toward_mid(i)
    elif au == "AU15":   # lip corner depressor
        for i, w in zip([48, 54, 60, 64, 59, 55], [1.0, 1.0, 0.9, 0.9, 0.5, 0.5]):
            d[i, 1] += w
    elif au == "AU17":   # chin raiser: lower lip and chin up
        for i, w in zip([56, 57, 58, 65, 66, 67, 7, 8, 9], [0.7, 0.8, 0.7, 0.6, 0.6, 0.6, 0.5, 0.6, 0.5]):
            d[i, 1] -= w
    elif au == "AU25":   # lips part: lower lip down
        for i, w in zip([55, 56, 57, 58, 59, 65, 66, 67], [0.5, 0.8, 1.0, 0.8, 0.5, 0.9, 1.0, 0.9]):
            d[i, 1] += w
    else:
        raise ValueError(f"unknown action unit {au}")
    return d


MICRO_AUS = ["AU1+AU2", "AU4", "AU12", "AU14", "AU15", "AU10"]
MACRO_AUS = ["AU6+AU12", "AU1+AU2", "AU4+AU7", "AU15+AU17", "AU10+AU25", "AU12+AU25"]


def aus_displacement(aus: str, lm: np.ndarray) -> np.ndarray:
    """(68, 2) displacement per unit amplitude of a ``+``-joined set of action units."""
    return sum(au_template(a, lm) for a in aus.split("+"))


def blink_template(lm: np.ndarray) -> np.ndarray:
    """Upper lids down to the lower lids (closure 1.0), lower lids slightly up."""
    d = np.zeros((68, 2))
    for up, low in ((37, 41), (38, 40), (43, 47), (44, 46)):
        gap = lm[low, 1] - lm[up, 1]
        d[up, 1] += 0.85 * gap
        d[low, 1] -= 0.1 * gap
    return d


def talk_template(lm: np.ndarray) -> np.ndarray:
    """Jaw and lower lip down (unit amplitude), upper lip slightly up."""
    d = np.zeros((68, 2))
    for i, w in zip(range(4, 13), [0.2, 0.5, 0.8, 0.95, 1.0, 0.95, 0.8, 0.5, 0.2]):
        d[i, 1] += w
    for i, w in zip([55, 56, 57, 58, 59, 65, 66, 67], [0.7, 0.9, 1.0, 0.9, 0.7, 0.9, 1.0, 0.9]):
        d[i, 1] += w
    for i in (50, 51, 52, 61, 62, 63):
        d[i, 1] -= 0.15
    return d


def profile(n: int, apex: int) -> np.ndarray:
    """Intensity 0 → 1 → 0 over ``n`` frames (raised cosine up to ``apex``, down after)."""
    t = np.arange(n, dtype=np.float64)
    up = 0.5 - 0.5 * np.cos(np.pi * np.clip(t / max(apex, 1), 0, 1))
    down = 0.5 + 0.5 * np.cos(np.pi * np.clip((t - apex) / max(n - 1 - apex, 1), 0, 1))
    return np.where(t <= apex, up, down)


def log_uniform(rng: np.random.Generator, lo: float, hi: float) -> float:
    """One draw, log-uniform on [lo, hi] (barely visible to clear amplitudes alike)."""
    return float(np.exp(rng.uniform(np.log(lo), np.log(hi))))
