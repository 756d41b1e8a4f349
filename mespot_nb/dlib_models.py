"""Locate dlib's model files shipped by the ``face-recognition-models`` package.

That package's ``__init__`` imports ``pkg_resources``, which current setuptools no longer has,
so the files are found through the import system's spec without importing the package.
Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from .errors import MespotError


@lru_cache(maxsize=None)
def _models_dir() -> Path:
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise MespotError("the package face-recognition-models is not installed; run `make install` "
                          "(or `pip install face-recognition-models`) — it ships dlib's landmark model")
    return Path(list(spec.submodule_search_locations)[0]) / "models"


def _model(name: str) -> Path:
    p = _models_dir() / name
    if not p.exists():
        raise MespotError(f"dlib model file missing: {p}; reinstall face-recognition-models")
    return p


def landmark_model_path() -> Path:
    """``shape_predictor_68_face_landmarks.dat`` (iBUG 300-W 68-point scheme)."""
    return _model("shape_predictor_68_face_landmarks.dat")


def cnn_detector_path() -> Path:
    """``mmod_human_face_detector.dat`` (dlib's CNN face detector, optional)."""
    return _model("mmod_human_face_detector.dat")


def face_recognition_model_path() -> Path:
    """``dlib_face_recognition_resnet_model_v1.dat`` (128-d identity descriptor; different
    people sit at Euclidean distance ≥ 0.6)."""
    return _model("dlib_face_recognition_resnet_model_v1.dat")
