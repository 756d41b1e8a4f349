"""The data manifest: env expansion, clear messages for missing paths."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mespot_nb.errors import MespotError
from mespot_nb.manifest import load_manifest
from mespot_nb.readers import load_dataset

from conftest import CASME, ROOT, need


def test_repo_manifest_parses_with_every_format():
    m = load_manifest(ROOT / "data_manifest.yaml")
    assert {"demo", "casme2", "samm-lv", "smic-e-long"} <= set(m.datasets)
    for e in m.datasets.values():
        assert e.licence and e.citation, e.name
    assert len(m.sha256) == 64


def test_missing_path_names_entry_path_and_variable(tmp_path, monkeypatch):
    monkeypatch.delenv("CASME2_ROOT", raising=False)
    m = load_manifest(ROOT / "data_manifest.yaml")
    with pytest.raises(MespotError) as e:
        load_dataset("casme2", m)
    msg = str(e.value)
    assert "casme2" in msg and "CASME2_ROOT" in msg
    monkeypatch.setenv("CASME2_ROOT", str(tmp_path / "nowhere"))
    with pytest.raises(MespotError) as e:
        load_dataset("casme2", m)
    assert str(tmp_path / "nowhere") in str(e.value) and "CASME2_ROOT" in str(e.value)


def test_env_expansion_reads_the_real_file(tmp_path, monkeypatch):
    need(CASME)
    man = tmp_path / "m.yaml"
    man.write_text(
        "datasets:\n  cas:\n    format: casme2\n    root: ${MY_CAS}\n"
        f"    annotations: {CASME.name}\n    fps: 30\n    quirks: {{offset_zero: drop}}\n")
    monkeypatch.setenv("MY_CAS", str(CASME.parent))
    ds = load_dataset("cas", man)
    assert len(ds.intervals) == 357 - 44


def test_bad_manifests(tmp_path):
    p = tmp_path / "m.yaml"
    p.write_text("datasets:\n  x:\n    format: nosuch\n")
    with pytest.raises(MespotError, match="format 'nosuch'"):
        load_manifest(p)
    p.write_text("datasets:\n  x:\n    format: csv\n    fps: fast\n")
    with pytest.raises(MespotError, match="fps"):
        load_manifest(p)
    with pytest.raises(MespotError, match="not found"):
        load_manifest(tmp_path / "none.yaml")
    m = load_manifest(ROOT / "data_manifest.yaml")
    with pytest.raises(MespotError, match="known datasets"):
        m.entry("nosuch")


def test_cache_dir_env_override(tmp_path, monkeypatch):
    monkeypatch.setenv("MESPOT_CACHE", str(tmp_path / "c"))
    assert load_manifest(ROOT / "data_manifest.yaml").cache_dir == tmp_path / "c"
    monkeypatch.delenv("MESPOT_CACHE")
    d = load_manifest(ROOT / "data_manifest.yaml").cache_dir
    assert ROOT not in d.parents  # never inside the repo by default


def test_cli_audit_missing_root_is_one_clear_line(monkeypatch):
    monkeypatch.delenv("SAMM_LV_ROOT", raising=False)
    r = subprocess.run([sys.executable, "-m", "mespot_nb", "audit", "--dataset", "samm-lv",
                        "--manifest", str(ROOT / "data_manifest.yaml")], capture_output=True,
                       text=True)
    assert r.returncode == 2
    assert "SAMM_LV_ROOT" in r.stderr and "Traceback" not in r.stderr
