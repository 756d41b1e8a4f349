"""DynGeoNet (seed 000) and its family: the DynNet and GeoNet ablations and the VGG16 baseline.

All four score DynGeoNet's L-frame windows, positive when their IoU with a micro-expression is
≥ 0.5 (seed 000); each run of windows above the threshold becomes one detection centred on the
run, as long as the training subjects' median micro-expression, and the threshold maximises
MEGC2020 F1 on held-out training subjects.
"""

from __future__ import annotations

from functools import partial

from ..features.common import register_family
from ..features.dynamic import DynamicImages
from ..features.geometry import Geometry
from ..windows import WindowKind, register_window_kind
from .base import Method

register_family(DynamicImages)
register_family(Geometry)
#: seed 000's L-frame windows (11 at 30 fps), from the ``dynamic`` family's arrays.
WINDOW = register_window_kind(WindowKind(
    "dyngeonet", start="dg_start", length="dg_length", valid="dg_valid",
    description="L-frame windows (11 at 30 fps), seed 000"))


def _spotnet(cfg, shapes, image=None, geo=False):
    from ..models import SpotNet

    return SpotNet(cfg, image=image, geo=geo)


SPOT = {"merge": "centre", "extent": "train-median", "select_protocol": "megc2020"}
FAMILIES = ("dynamic", "geometry")

DYNGEONET = Method(
    name="dyngeonet", title="DynGeoNet", source="seed 000 §3 (dynamic images + geometry)",
    window="dyngeonet", label="iou_pos", families=FAMILIES, inputs=("dyn", "geo"),
    build=partial(_spotnet, image="dyn", geo=True), imagenet=True, spot=SPOT,
    references=("tran2021dyngeonet", "bilen2016", "simonyan2015"))
DYNNET = Method(
    name="dynnet", title="DynNet", source="seed 000 §4.3 (ablation: dynamic images only)",
    window="dyngeonet", label="iou_pos", families=FAMILIES, inputs=("dyn",),
    build=partial(_spotnet, image="dyn"), imagenet=True, spot=SPOT,
    references=("tran2021dyngeonet", "bilen2016", "simonyan2015"))
GEONET = Method(
    name="geonet", title="GeoNet", source="seed 000 §4.3 (ablation: geometry only)",
    window="dyngeonet", label="iou_pos", families=FAMILIES, inputs=("geo",),
    build=partial(_spotnet, geo=True), spot=SPOT, references=("tran2021dyngeonet",))
VGG16 = Method(
    name="vgg16", title="VGG16", source="seed 000 §4.1 (baseline: apex-frame ROIs, SGD)",
    window="dyngeonet", label="iou_pos", families=FAMILIES, inputs=("apex",),
    build=partial(_spotnet, image="apex"), optimizer="sgd", imagenet=True, spot=SPOT,
    references=("tran2021dyngeonet", "simonyan2015"))
