"""Features, one module per family, fed by one streaming pass over each video.

* :mod:`~mespot_nb.features.dynamic` — dynamic images of the DynGeoNet ROIs (seed 000);
* :mod:`~mespot_nb.features.geometry` — the 67-dim geometric vector (seed 000);
* :mod:`~mespot_nb.features.flow` — optical flow and HOOF sequences (seed 004);
* :mod:`~mespot_nb.features.lbp` — the LBP-χ² feature difference (Moilanen et al.);
* :mod:`~mespot_nb.features.stream` — the single pass and the cached per-video stage;
* :mod:`~mespot_nb.features.common` — settings and window geometry shared by all of them.
"""

from .common import (FAMILIES, Consumer, FeatureParams, register_family, dyngeonet_window_length, flow_interval,
                     hoof_window, profile_feature_params)
from .dynamic import (COMPOSE_LAYOUT, arp_coefficients, compose_rois, dynamic_image,
                      dynamic_image_energy, shared_limit, to_uint8, window_roi_stacks)
from .flow import (HOOF_ROIS, arrow_scale, flow_sequence, hoof, hoof_batch, hoof_coherence,
                   optical_flow, pair_flows, window_flows)
from .geometry import (DEFORM_POINTS, GEOMETRY_GROUPS, GEOMETRY_LINES, RATIO_EPS, geometric_features,
                       geometry_groups, geometry_scores, landmark_steps)
from .lbp import (LBP_SPEC, block_histograms, chi2_distance, lbp_codes, lbp_feature_difference,
                  lbp_half_window)
from .stream import (FEATURES_VERSION, VideoFeatures, cached_features,
                     decode_reduction, extract_features, extract_video, features_cache_path,
                     features_for, frame_range)

__all__ = [
    "Consumer", "FeatureParams", "register_family", "dyngeonet_window_length", "flow_interval", "hoof_window",
    "profile_feature_params", "COMPOSE_LAYOUT", "arp_coefficients", "compose_rois",
    "dynamic_image", "dynamic_image_energy", "shared_limit", "to_uint8", "window_roi_stacks", "HOOF_ROIS",
    "flow_sequence", "hoof", "hoof_batch", "hoof_coherence", "optical_flow", "window_flows", "pair_flows", "arrow_scale",
    "DEFORM_POINTS", "GEOMETRY_LINES", "RATIO_EPS", "geometric_features", "geometry_scores",
    "GEOMETRY_GROUPS", "geometry_groups", "landmark_steps",
    "LBP_SPEC", "block_histograms", "chi2_distance", "lbp_codes", "lbp_feature_difference",
    "lbp_half_window", "FAMILIES", "FEATURES_VERSION", "VideoFeatures", "cached_features",
    "extract_features", "extract_video", "features_cache_path", "features_for",
    "decode_reduction", "frame_range",
]
