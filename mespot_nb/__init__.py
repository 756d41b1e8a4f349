"""mespot-nb: spotting facial micro-expressions in long videos (DynGeoNet, HOOF-LSTM, LBP-χ²).

The data's path, one module per stage (each imports only the stages before it; an import-linter
contract in ``pyproject.toml`` holds it): manifest → readers → video → face → features/ →
windows → models, detections → methods/ (the registry) → training → spotting → datasets, demo →
evaluation → report → notebook → cli. Beside the line: intervals, cache, parallel, plotting,
errors.
"""

from ._version import __version__  # noqa: E402

from .features import (dynamic_image, flow_sequence, geometric_features, hoof,  # noqa: E402
                       to_uint8)
# The registry: importing the package registers every method with its feature families and
# window kinds, so a feature pass or a window table can name them from any module.
from . import methods  # noqa: E402,F401

__all__ = ["dynamic_image", "to_uint8", "geometric_features", "hoof", "flow_sequence",
           "__version__"]
