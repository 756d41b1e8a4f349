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
    assert "8 kept, 0 broken" in r.stdout


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


def _contracts() -> dict[str, dict]:
    import tomllib

    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    return {c["name"]: c for c in cfg["contracts"]}


def _map_blocks() -> dict[str, tuple[str, list[str]]]:
    """docs/ARCHITECTURE.md's fenced blocks ```KIND CONTRACT NAME … ``` → (kind, lines)."""
    import re

    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text()
    out = {}
    for kind, name, body in re.findall(r"```(layers|beside|independent) ([^\n]+)\n(.*?)```",
                                       text, re.S):
        out[name.strip()] = (kind, [ln.strip() for ln in body.splitlines() if ln.strip()])
    return out


def _short(mod: str, root: str = "mespot_nb.") -> str:
    return mod[len(root):] if mod.startswith(root) else mod


def test_architecture_map_matches_the_contracts():
    """docs/ARCHITECTURE.md draws exactly the layers import-linter holds, contract by contract,
    and names every module of the package."""
    contracts, blocks = _contracts(), _map_blocks()
    assert set(blocks) == set(contracts), (sorted(blocks), sorted(contracts))
    for name, c in contracts.items():
        kind, lines = blocks[name]
        if c["type"] == "layers":
            assert kind == "layers", name
            want = [" | ".join(_short(p.strip()) for p in layer.split("|"))
                    for layer in c["layers"]]
            assert lines == want, (name, lines, want)
        elif c["type"] == "forbidden":
            assert kind == "beside" and lines == [_short(m) for m in c["source_modules"]], name
            if name == "spotting never passes through training":
                assert c["forbidden_modules"] == ["mespot_nb.training"]
        else:
            assert kind == "independent" and lines == [_short(m) for m in c["modules"]], name
    # every module of the package is on the map (a stage or beside the line)
    named = {p.strip() for k, ls in blocks.values() for ln in ls for p in ln.split("|")}
    pkg = ROOT / "mespot_nb"
    modules = {p.stem for p in pkg.glob("*.py")} | {p.name for p in pkg.iterdir()
                                                    if (p / "__init__.py").exists()}
    unnamed = modules - named - {"__init__", "__main__", "_version"}
    assert not unnamed, f"modules missing from docs/ARCHITECTURE.md: {sorted(unnamed)}"



def test_a_profile_or_a_training_free_spot_does_not_import_torch():
    """The profiles live apart from the networks: a notebook's set-up, `mespot spot`'s module,
    the review and the cross-database set-up load without torch (about 2 s a process), and the
    networks are still importable from `mespot_nb.models`, loaded on first use."""
    code = ("import sys, mespot_nb.spotting, mespot_nb.notebook, mespot_nb.crossdb, "
            "mespot_nb.inference, mespot_nb.review\n"
            "from mespot_nb.models import ModelConfig, numpy_batch\n"
            "ModelConfig.profile('quick')\n"
            "print('torch' in sys.modules)\n"
            "from mespot_nb.models import SpotNet, load_imagenet_vgg16\n"
            "from mespot_nb.models.networks import SpotNet as S\n"
            "print('torch' in sys.modules, SpotNet is S)\n"
            "import mespot_nb.models as M\n"
            "try:\n    M.nosuch\nexcept AttributeError as e:\n    print(e)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.splitlines() == ["False", "True True",
                                     "module 'mespot_nb.models' has no attribute 'nosuch'"]
    # every public name networks.py defines is reachable from mespot_nb.models
    import ast

    tree = ast.parse((ROOT / "mespot_nb" / "models" / "networks.py").read_text())
    defined = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    defined |= {t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets
                if isinstance(t, ast.Name)}
    from mespot_nb.models import NETWORKS

    assert {d for d in defined if not d.startswith("_")} == set(NETWORKS)
