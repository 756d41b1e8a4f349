"""The data manifest: env expansion, clear messages for missing paths."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mespot_nb.errors import MespotError
from mespot_nb.manifest import load_manifest
from mespot_nb.datasets import load_dataset

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
    with pytest.raises(MespotError, match=r"dataset 'casme2': root '\$\{CASME2_ROOT\}' uses the "
                                          r"environment variable CASME2_ROOT, which is not set"):
        load_dataset("casme2", m)
    monkeypatch.setenv("CASME2_ROOT", str(tmp_path / "nowhere"))
    with pytest.raises(MespotError) as e:
        load_dataset("casme2", m)
    assert str(e.value).startswith(f"dataset 'casme2': annotations path not found: "
                                   f"{tmp_path / 'nowhere'}")
    assert "Set CASME2_ROOT" in str(e.value)


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
    with pytest.raises(MespotError, match=r"dataset 'x' has fps 'fast'; give the frame rate"):
        load_manifest(p)
    p.write_text("datasets:\n  x:\n    format: csv\n    fps: 0\n")
    with pytest.raises(MespotError, match=r"dataset 'x' has fps 0"):
        load_manifest(p)
    p.write_text("datasets: [a, b]\n")
    with pytest.raises(MespotError, match=r"must be a mapping with a 'datasets:' mapping"):
        load_manifest(p)
    with pytest.raises(MespotError, match=r"manifest not found: .*none\.yaml"):
        load_manifest(tmp_path / "none.yaml")
    m = load_manifest(ROOT / "data_manifest.yaml")
    with pytest.raises(MespotError, match=r"dataset 'nosuch' is not in the manifest .*known "
                                          r"datasets: demo, "):
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
