"""Every figure of the kit. Each function takes ``ax=None`` (or ``axes=None``), draws, and
returns the axes; ``*_plotly`` twins return a plotly figure for interactive timelines.

Notebooks call these and nothing else to draw, so a figure looks the same in every report.

One module per kind of figure: :mod:`.timelines`, :mod:`.faces`, :mod:`.features`,
:mod:`.metrics` (and :mod:`._base`, what they share); every name is importable from here.
"""

from ._base import (  # noqa: F401
    TYPE_COLORS, live, setup_notebook, _ax, _axes, ROI_COLORS, _show,
)
from .timelines import (  # noqa: F401
    shade_intervals, TRUTH_STYLE, TRUTH_LANES, truth_bands, gt_timeline, gt_timeline_plotly,
    landmark_trajectories, feature_trace, score_timeline, score_timeline_plotly,
    spotting_curve, candidate_curve, review_curve,
)
from .faces import (  # noqa: F401
    frame_strip, draw_boxes, draw_landmarks, tracking_comparison, frame_scrubber,
    geometry_overlay,
)
from .features import (  # noqa: F401
    coefficient_curve, dynamic_image_grid, composite_pair, separability_bars, geometry_bars,
    group_intervals, flow_quiver, hoof_polar, hoof_heatmap,
)
from .metrics import (  # noqa: F401
    duration_histograms, class_balance, training_curves, threshold_curve, roc_curves,
)
