"""The data's path runs one way: import-linter's contracts in pyproject.toml hold."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_import_contracts_kept():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    r = subprocess.run([exe, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert "4 kept, 0 broken" in r.stdout


def test_contract_catches_a_stage_importing_a_later_one(tmp_path):
    """The contract is not vacuous: a copy of the package where `windows` imports `training`
    breaks it."""
    pkg = tmp_path / "mespot_nb"
    shutil.copytree(ROOT / "mespot_nb", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    w = pkg / "windows.py"
    w.write_text(w.read_text() + "\nfrom .training import gather  # noqa: E402,F401\n")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    r = subprocess.run([exe, "--config", str(tmp_path / "pyproject.toml")], cwd=tmp_path,
                       capture_output=True, text=True,
                       env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert r.returncode != 0 and "mespot_nb.windows -> mespot_nb.training" in r.stdout, r.stdout
