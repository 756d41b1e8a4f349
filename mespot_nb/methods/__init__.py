"""The method registry (see :mod:`mespot_nb.methods.base`).

Each method is one record in its own module; this list is the registry's one line per method.
"""

from .base import METHODS, Method, TrainingFree, get_method, method_names, register
from .dyngeonet import DYNGEONET, DYNNET, GEONET, VGG16
from .flow_peak import FLOW_PEAK
from .hoof_lstm import HOOF_LSTM
from .lbp_chi2 import LBP_CHI2
from .mdmd import MDMD

for _m in (DYNGEONET, DYNNET, GEONET, VGG16, HOOF_LSTM, LBP_CHI2, MDMD, FLOW_PEAK):
    register(_m)

__all__ = ["METHODS", "Method", "TrainingFree", "get_method", "method_names", "register"]
