"""The method registry (see :mod:`mespot_nb.methods.base`).

Each method is one record in its own module, which also registers the feature families and the
window kind it reads (:func:`~mespot_nb.features.register_family`,
:func:`~mespot_nb.windows.register_window_kind`); this list is the registry's one line per method.
"""

from ..features.common import FAMILIES, register_family
from ..windows import WINDOW_KINDS, WindowKind, register_window_kind
from .aumatch import AUMATCH
from .base import METHODS, Method, TrainingFree, check_method, get_method, method_names, register
from .dyngeonet import DYNGEONET, DYNNET, GEONET, VGG16
from .flow_peak import FLOW_PEAK
from .hoof_lstm import HOOF_LSTM
from .lbp_chi2 import LBP_CHI2
from .mdmd import MDMD
from .regflow import REGFLOW
from .softnet import SOFTNET

#: What `mespot spot` runs without --method or --model: the spotter measured best on real people
#: (README "Real people": benchmarks/real_people.py).
DEFAULT_SPOTTER = "aumatch"

for _m in (DYNGEONET, DYNNET, GEONET, VGG16, HOOF_LSTM, SOFTNET, LBP_CHI2, MDMD, FLOW_PEAK,
           REGFLOW, AUMATCH):
    register(_m)

__all__ = ["DEFAULT_SPOTTER", "METHODS", "Method", "TrainingFree", "check_method", "get_method", "method_names",
           "register", "FAMILIES", "register_family", "WINDOW_KINDS", "WindowKind",
           "register_window_kind"]
