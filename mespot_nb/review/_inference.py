"""The one place the review package imports the trained models' inference functions from.

They are moving from :mod:`mespot_nb.training` to ``mespot_nb.inference``; when they have, only
the import line below changes.
"""

from __future__ import annotations

from ..training import free_predictions, gather, predict_scores

__all__ = ["free_predictions", "gather", "predict_scores"]
