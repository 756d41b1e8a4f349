"""Shared fixtures: paths to the real reference data, a per-session cache dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
CASME = SHARED / "annotations" / "CASME_sq_gt.xlsx"
SAMM = SHARED / "annotations" / "SAMMLV_gt.xlsx"
STRS = SHARED / "strs-sample"


def need(path: Path) -> Path:
    """Skip a test whose real reference file is absent (it ships beside the repo)."""
    if not path.exists():
        pytest.skip(f"reference data not found: {path}")
    return path


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    """One cache for the whole test session (the demo dataset is generated once)."""
    d = tmp_path_factory.mktemp("cache")
    os.environ["MESPOT_CACHE"] = str(d)
    return d
