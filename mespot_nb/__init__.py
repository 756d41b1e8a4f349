"""mespot-nb: spotting facial micro-expressions in long videos (DynGeoNet, HOOF-LSTM, LBP-χ²).

The data's path, one module per stage: manifest → readers → video → face → features → windows →
models → training → spotting → evaluation → report; ``plotting`` draws every figure.
"""

__version__ = "0.1.0"
