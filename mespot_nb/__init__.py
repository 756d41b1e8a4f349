"""mespot-nb: spotting facial micro-expressions in long videos (DynGeoNet, HOOF-LSTM, LBP-χ²).

The data's path, one module per stage (each imports only the stages below it; import-linter
contracts in ``pyproject.toml`` hold it, and ``docs/ARCHITECTURE.md`` draws them): frames →
manifest → readers → video → face → features/, insert → windows → models, detections → methods/
(the registry) → inference → training → spotting, crossdb → demo → datasets, evaluation → report
→ review/ → notebook → cli. Beside the line: intervals, peaks, cache, parallel, plotting,
dlib_models, media, expressions, errors.
"""

from ._version import __version__  # noqa: E402

from .features import (dynamic_image, flow_sequence, geometric_features, hoof,  # noqa: E402
                       to_uint8)
# The registry: importing the package registers every method with its feature families and
# window kinds, so a feature pass or a window table can name them from any module.
from . import methods  # noqa: E402,F401
from . import parallel as _parallel  # noqa: E402

_parallel.KIT_LOADED = True   # from here on a registration is a plug-in's: jobs carry it

__all__ = ["dynamic_image", "to_uint8", "geometric_features", "hoof", "flow_sequence",
           "__version__"]
