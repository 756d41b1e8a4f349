"""What every feature family shares: the extraction settings, window geometry in seconds, and
warping a source frame straight into an aligned ROI.

Windows are defined in seconds so 30, 100 and 200 fps share one code path:

* DynGeoNet: L frames (11 at 30 fps, 35 at 100, 65 at 200 — seed 000 §4.1; other rates: the
  nearest odd number to fps/3), sliding by ``stride`` frames. Onset = the window's first frame,
  apex = its middle frame.
* HOOF-LSTM: W = 0.5 s, stride 0.2 s (0.3 s overlap); optical flow between frame i and frame
  i + R with R = max(1, round(fps/50)) (seed 004: t_i is the flow between f_i and f_(i+R)); the
  timesteps are i = s, s + R, … while i + R ≤ s + W − 1 for a window starting at frame s, so
  every frame read is the window's own: (W − 1) // R timesteps (24 at 200 fps).

In both, the window's first frame with a face fixes the alignment for the whole window.
"""

from __future__ import annotations


from dataclasses import dataclass

import numpy as np

from ..errors import MespotError
from ..parallel import note_registration


@dataclass
class FeatureParams:
    """What is extracted per window (all of it part of the cache key).

    di_size : side of the composed dynamic / apex image (pixels): 224 for the paper profile,
        smaller for quick runs.
    dg_stride : DynGeoNet window stride in frames; 0 = about L/5.
    coefficients : dynamic image weights, ``arp`` or ``seed-literal``.
    di_norm : how each ROI's dynamic image becomes the CNN's uint8 input: ``minmax`` (stretched
        to 0..255 on its own, as seed 000 feeds VGG per-image-normalised images — a still
        window's noise then looks like motion) or ``fixed`` (128 + ``di_gain`` × the mean
        grey-level change, clipped: amplitude kept; :func:`~mespot_nb.features.dynamic.to_uint8_fixed`).
    di_gain : grey levels per unit of mean grey-level change for ``di_norm="fixed"``.
    hoof_seconds, hoof_stride_s : HOOF-LSTM window and stride (0.5 s, 0.2 s).
    flow : ``farneback`` or ``dis``.
    bins : HOOF orientation bins.
    families : the feature families the streaming pass computes (see
        :data:`mespot_nb.features.FAMILIES`); the methods of the registry name the ones they need.
    curve_flow : optical flow of the training-free spotters' curves (``farneback``, ``dis``).
    mdmd_orientation : MDMD's quadrants: ``atan2`` (the stated method, four quadrants) or
        ``literal`` (the published code's atan(u/v), where only two quadrants can win).
    mdmd_macro_hz : MDMD's macro-k curve is computed this many times per second and interpolated
        linearly between (0 = every frame, as the baseline). Macro-expressions last ≥ 0.5 s, so
        10 Hz leaves ≥ 5 samples across one and saves two of the pass's five flows per frame.
    curve_hz : the flow-based curves of flow-peak, regflow and MDMD's micro k are computed at most
        this many times per second and interpolated linearly between (0 = every frame). 50 Hz
        is every frame at 30 fps, every 2nd at 100 fps and every 4th at 200 fps (SAMM-LV): a
        0.2 s micro-expression still has ≥ 10 samples, and the pass does a quarter of the flows.
        aumatch's amplitudes (three flows a sample) are computed at half this rate.
    nose_compensation : subtract the nose region's mean flow from the HOOF ROIs' flow.
    hoof_pairs : ``per-window`` — every window warps its frames with its own first frame's
        transform and computes all its flows (exact, as in seed 004); ``shared`` — each frame
        pair's flow is computed once, in the alignment of the first window that uses it, and
        later windows reuse it with the vectors rotated into their own alignment (the two
        transforms differ by landmark jitter and head drift; about 2.5× less flow work).
    softnet_k : SOFTNet's flow offset k in frames (frame i → i + k), set per dataset from its
        annotations (:func:`mespot_nb.features.softnet.softnet_k`); 0 = a 0.4 s prior,
        ⌊(0.4·fps + 1)/2⌋.
    softnet_flow : SOFTNet's optical flow: ``farneback`` (OpenCV; the quick profile) or
        ``tvl1`` (scikit-image's TV-L1, as the published code's TV-L1; the paper profile).
    decode_reduction : decode frames at 1/r size for the pass (1, 2, 4, 8; JPEG frames through
        libjpeg's DCT scaling); 0 = auto — the largest r that keeps the face above the aligned
        face's size (:func:`mespot_nb.features.stream.decode_reduction`), so 1 on small frames.
    """

    di_size: int = 64
    dg_stride: int = 0
    coefficients: str = "arp"
    di_norm: str = "minmax"
    di_gain: float = 4.0
    hoof_seconds: float = 0.5
    hoof_stride_s: float = 0.2
    flow: str = "farneback"
    bins: int = 8
    nose_compensation: bool = True
    hoof_pairs: str = "per-window"
    families: tuple[str, ...] = ("dynamic", "geometry", "hoof", "lbp")
    curve_flow: str = "farneback"
    mdmd_orientation: str = "atan2"
    mdmd_macro_hz: float = 10.0
    curve_hz: float = 50.0
    softnet_k: int = 0
    softnet_flow: str = "farneback"
    decode_reduction: int = 0

    def dg_window(self, fps: float) -> tuple[int, int]:
        L = dyngeonet_window_length(fps)
        return L, (self.dg_stride or max(1, int(round(L / 5))))



def warp_roi(img: np.ndarray, M: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The aligned image's box (x0, y0, x1, y1), warped straight from the source frame."""
    import cv2

    x0, y0, x1, y1 = box
    Mb = M.copy()
    Mb[:, 2] -= (x0, y0)
    return cv2.warpAffine(img, Mb, (x1 - x0, y1 - y0), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REPLICATE)


def first_valid(lms: np.ndarray, a: int, b: int) -> int | None:
    """Row of the first frame in rows a..b−1 of ``lms`` (T, 68, 2) with a face, or None."""
    ok = np.flatnonzero(np.isfinite(lms[a:b]).all(axis=(1, 2)))
    return a + int(ok[0]) if len(ok) else None


def dyngeonet_window_length(fps: float) -> int:
    """DynGeoNet's window L in frames: 11 at 30 fps, 35 at 100, 65 at 200 (seed 000 §4.1's
    values, kept as a table: the rule below would give 11, 33 and 67); other rates: the nearest
    odd number to fps/3 (≈ 0.33 s), ties (fps/3 even) rounded up, at least 3 — 15 at 47 fps
    (15.67), 21 at 60 (20)."""
    table = {30: 11, 100: 35, 200: 65}
    r = int(round(fps))
    if abs(fps - r) < 1e-6 and r in table:
        return table[r]
    m = int(np.floor((fps / 3 - 1) / 2 + 0.5))   # odd 2m + 1 nearest to fps/3, ties up
    return max(3, 2 * m + 1)


def flow_interval(fps: float) -> int:
    """R = max(1, round(fps / 50)) frames between the two frames of a flow (4 at 200 fps)."""
    return max(1, int(round(fps / 50)))


def hoof_window(fps: float, seconds: float = 0.5, stride_s: float = 0.2) -> dict[str, int]:
    """HOOF-LSTM window geometry in frames: W, stride, R and the number of timesteps.

    Timestep j of the window starting at frame s is the flow from frame i = s + jR to i + R
    (seed 004: t_i is the flow between f_i and f_(i+R)); every frame a window reads is its own,
    i + R ≤ s + W − 1, so there are (W − 1) // R timesteps (24 at 200 fps, 14 at 30 fps) — one
    fewer than W / R where R divides W, since W / R flows R apart span W + 1 frames.
    """
    R = flow_interval(fps)
    W = max(R + 1, int(round(seconds * fps)))
    return dict(W=W, stride=max(1, int(round(stride_s * fps))), R=R, steps=(W - 1) // R)


def profile_feature_params(profile: str) -> FeatureParams:
    """Feature settings of a profile: ``paper`` (224 px images, exact per-window flows) or
    ``quick`` (48 px images of amplitude-keeping dynamic images, ``di_norm="fixed"`` at gain 8;
    shared flow pairs) for CPU-sized demo runs."""
    if profile == "paper":
        return FeatureParams(di_size=224, hoof_pairs="per-window", softnet_flow="tvl1")
    if profile == "quick":
        return FeatureParams(di_size=48, hoof_pairs="shared", di_norm="fixed", di_gain=8.0)
    raise MespotError(f"profile {profile!r}: use quick or paper")


class Consumer:
    """One feature family's share of the single streaming pass over a video.

    The pass decodes each frame once, runs the tracker alongside (when no track is cached) and
    hands every consumer the same ring buffer of grayscale frames. A consumer declares how many
    past frames it reads (``history``), is called once per frame, and returns its arrays at the
    end; the arrays are stored, under their names, in
    :class:`~mespot_nb.features.stream.VideoFeatures`.
    """

    family: str = ""
    #: the names of the arrays :meth:`arrays` returns (unique across families)
    produces: tuple[str, ...] = ()
    history: int = 1
    #: raised whenever what the family's arrays hold changes; a version other than 1 joins the
    #: cache key of every video's features that include the family (:func:`family_versions`)
    version: int = 1

    def push(self, k: int, buf, lms: np.ndarray) -> None:
        """Frame ``k`` (1-based) has been decoded: ``buf[-1]`` is it, ``buf[-j]`` frame k − j + 1
        (frames before frame 1 are absent); ``lms`` (T, 68, 2) holds every landmark up to k."""
        raise NotImplementedError

    def arrays(self) -> dict[str, np.ndarray]:
        """The family's results, name → array (names unique across families)."""
        raise NotImplementedError


#: Feature families by name: each a consumer class ``(n_frames, fps, params, spec)`` with
#: ``family``, ``produces``, ``history``, ``push`` and ``arrays`` (see :class:`Consumer`).
#: Registered by the method modules that read them (:func:`register_family`), as methods are.
FAMILIES: dict[str, type] = {}


def family_versions(families) -> dict[str, int]:
    """``{family: version}`` of the named families whose consumer declares a ``version`` other
    than 1 (so that the cache keys of features without such a family stay as they were)."""
    out = {}
    for name in families:
        v = int(getattr(FAMILIES.get(name), "version", 1))
        if v != 1:
            out[name] = v
    return out


def register_family(consumer: type, replace: bool = False) -> type:
    """Add a feature family: its consumer class joins the single streaming pass of every video
    whose :class:`FeatureParams` ``families`` name it."""
    name = getattr(consumer, "family", "")
    if not name or not isinstance(name, str):
        raise MespotError(f"{consumer!r}: a feature family's consumer needs a `family` name")
    missing = [a for a in ("push", "arrays") if not callable(getattr(consumer, a, None))]
    if missing or not getattr(consumer, "produces", ()):
        raise MespotError(f"feature family '{name}' ({consumer.__name__}): a consumer needs "
                          f"push(), arrays() and `produces` (the names of its arrays)"
                          + (f"; missing {', '.join(missing)}" if missing else ""))
    if name in FAMILIES and FAMILIES[name] is not consumer and not replace:
        raise MespotError(f"feature family '{name}' is already registered "
                          f"({FAMILIES[name].__name__}); pass replace=True")
    taken = {a: f for f, c in FAMILIES.items() if f != name for a in c.produces}
    clash = [a for a in consumer.produces if a in taken]
    if clash:
        raise MespotError(f"feature family '{name}': array(s) {', '.join(clash)} already come "
                          f"from family '{taken[clash[0]]}'; array names are unique across "
                          "families")
    FAMILIES[name] = consumer
    note_registration(FAMILIES, name, consumer, register_family, consumer)
    return consumer
