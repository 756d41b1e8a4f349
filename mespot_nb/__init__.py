"""mespot-nb: spotting facial micro-expressions in long videos (DynGeoNet, HOOF-LSTM, LBP-χ²).

The data's path, one module per stage: manifest → readers → video → face → features → windows →
models → training → spotting → evaluation → report; ``plotting`` draws every figure.
"""

__version__ = "0.1.0"

from .features import (dynamic_image, flow_sequence, geometric_features, hoof,  # noqa: E402
                       to_uint8)

__all__ = ["dynamic_image", "to_uint8", "geometric_features", "hoof", "flow_sequence",
           "__version__"]
