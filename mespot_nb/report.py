"""The report runner: papermill executes ``notebooks/NN_*.ipynb`` in order into a report folder.

Per run it writes, under ``out``:

* ``<dataset>/NN_name.ipynb`` and ``.html`` — executed notebooks (a failing one is kept with its
  error visible) and their HTML (plotly's JS embedded so it renders offline, matplotlib as PNG);
* ``results.json`` — every metric the notebooks recorded with :class:`Recorder`, keyed
  ``notebook → dataset → …`` (e.g. method → protocol);
* ``provenance.json`` — parameters, git commit, package versions, manifest hash, seed, wall time
  per notebook;
* ``index.html`` — the start page (:mod:`mespot_nb.startpage`): what the kit is, where to start,
  each notebook's one line, thumbnail, pass/fail and time, the headline conclusion and the
  provenance; ``references.html`` — every cited work in full.

Each notebook has exactly one cell tagged ``parameters`` with literal defaults; the runner passes
``dataset, profile, manifest, cache_dir, out_dir, seed``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from ._io import write_json, write_text
from .startpage import write_pages
from .errors import MespotError

log = logging.getLogger(__name__)
NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
PACKAGES = ["mespot-nb", "numpy", "scipy", "pandas", "torch", "dlib-bin", "opencv-python-headless",
            "scikit-image", "papermill", "matplotlib", "plotly", "joblib", "dask"]


# ----------------------------------------------------------------------------------------------
# what notebooks call


class Recorder:
    """Records a notebook's key numbers for ``results.json``.

    ``Recorder(out_dir, "06_loso_evaluation", dataset).record("dyngeonet", "megc2020", value=...)``
    stores ``value`` under ``06_loso_evaluation → dataset → dyngeonet → megc2020``. Each call
    rewrites ``out_dir/<notebook>.results.json`` atomically; with ``out_dir=""`` (interactive
    use) the numbers are only kept in :attr:`results`.
    """

    def __init__(self, out_dir: str | os.PathLike, notebook: str, dataset: str):
        self.out_dir = Path(out_dir) if out_dir else None
        self.notebook = notebook
        self.dataset = dataset
        self.results: dict[str, Any] = {}

    def record(self, *keys: str, value: Any) -> Any:
        """Store ``value`` under ``dataset → keys…``; returns ``value``."""
        d = self.results.setdefault(self.dataset, {})
        for k in keys[:-1]:
            d = d.setdefault(str(k), {})
        d[str(keys[-1])] = value
        if self.out_dir is not None:
            write_json(self.out_dir / f"{self.notebook}.results.json", self.results)
        return value


# ----------------------------------------------------------------------------------------------
# provenance


def _git(*args: str) -> str | None:
    try:
        r = subprocess.run(["git", *args], cwd=Path(__file__).resolve().parent, capture_output=True,
                           text=True, timeout=10)
        return r.stdout.strip() if r.returncode == 0 else None
    except (OSError, subprocess.SubprocessError):
        return None


def package_versions() -> dict[str, str | None]:
    """Installed versions of the packages that shape the numbers."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for p in PACKAGES:
        try:
            out[p] = version(p)
        except PackageNotFoundError:
            out[p] = None
    return out


def provenance(parameters: dict[str, Any], manifest_sha256: str | None) -> dict[str, Any]:
    """The facts that make a report reproducible."""
    status = _git("status", "--porcelain")
    return dict(
        created=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        parameters=parameters,
        git_commit=_git("rev-parse", "HEAD"),
        git_dirty=bool(status) if status is not None else None,
        python=sys.version.split()[0], platform=platform.platform(),
        packages=package_versions(), manifest_sha256=manifest_sha256,
        seed=parameters.get("seed"),
    )


# ----------------------------------------------------------------------------------------------
# running


def list_notebooks(folder: str | Path = NOTEBOOK_DIR, only: list[str] | None = None) -> list[Path]:
    """``NN_*.ipynb`` in numeric order, optionally only those whose number is in ``only``."""
    folder = Path(folder)
    nbs = sorted(p for p in folder.glob("*.ipynb") if re.match(r"\d\d_", p.name))
    if only:
        want = {o.strip().zfill(2) for o in only if o.strip()}
        unknown = want - {p.name[:2] for p in nbs}
        if unknown:
            raise MespotError(f"--only {','.join(sorted(unknown))}: no such notebook in {folder} "
                              f"(have {', '.join(p.name[:2] for p in nbs)})")
        nbs = [p for p in nbs if p.name[:2] in want]
    if not nbs:
        raise MespotError(f"no notebooks NN_*.ipynb in {folder}")
    return nbs


def check_parameters_cell(path: Path) -> dict[str, str | None]:
    """Refuse a notebook without exactly one ``parameters`` cell (papermill needs it); returns
    the names that cell assigns, each with its type annotation (or None)."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise MespotError(f"{path.name}: {len(cells)} cells tagged 'parameters'; exactly one is "
                          "needed")
    return {m.group(1): (m.group(2) or "").strip() or None
            for m in re.finditer(r"^(\w+)\s*(?::([^=]*))?=", cells[0].source, re.M)}


def to_html(ipynb: Path) -> Path:
    """Render an executed notebook to HTML beside it (images and plotly JS inline)."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(ipynb, as_version=4)
    body, _ = HTMLExporter().from_notebook_node(nb)
    out = ipynb.with_suffix(".html")
    write_text(out, body)
    return out


def parse_set(items: list[str] | None) -> dict[str, str]:
    """``NAME=VALUE`` strings → {NAME: VALUE}; each notebook converts VALUE to the type its
    parameters cell declares (:func:`_typed`)."""
    out: dict[str, str] = {}
    for it in items or []:
        name, sep, value = it.partition("=")
        if not sep or not name.isidentifier():
            raise MespotError(f"--set {it!r}: use NAME=VALUE, e.g. --set n_boot=200")
        out[name] = value
    return out


def _typed(name: str, value: Any, annotation: str | None) -> Any:
    """``value`` as the declared type (str, int, float, bool); other values pass through."""
    if not isinstance(value, str) or annotation in (None, "str"):
        return value
    try:
        if annotation == "int":
            return int(value)
        if annotation == "float":
            return float(value)
        if annotation == "bool":
            if value.lower() not in ("true", "false", "1", "0"):
                raise ValueError(value)
            return value.lower() in ("true", "1")
    except ValueError:
        raise MespotError(f"--set {name}={value}: the notebooks declare {name} as {annotation}"
                          ) from None
    return value


def run_report(datasets: list[str] | None = None, profile: str = "quick", out: str | Path =
               "reports/latest", manifest: str | Path | None = None, only: list[str] | None = None,
               seed: int = 0, notebooks_dir: str | Path = NOTEBOOK_DIR, progress: bool = True,
               kernel_name: str | None = None, seeds: int = 1,
               extra: dict[str, Any] | None = None) -> int:
    """Execute the notebooks for each dataset; returns 0 if every notebook passed, else 1.

    ``seeds`` reaches the notebooks that declare it (06, 07): their learned methods are trained
    that many times (seeds ``seed``, ``seed + 1``, …) and reported as mean ± sd. ``extra``
    (``--set NAME=VALUE``) sets any other parameter in the notebooks that declare it; a name no
    notebook declares is refused before any work."""
    import papermill as pm

    from .manifest import load_manifest

    if profile not in ("quick", "paper"):
        raise MespotError(f"--profile {profile!r}: use quick or paper")
    from .datasets import read_entry

    m = load_manifest(manifest)
    if profile == "paper":
        # the paper profile's VGG-16 methods start from ImageNet weights: refused up front
        from .methods import METHODS
        from .models import ModelConfig
        from .training import imagenet_for

        for meth in METHODS.values():
            imagenet_for(m, meth, ModelConfig.profile("paper"))
    if seeds < 1:
        raise MespotError(f"--seeds {seeds}: need at least 1 training run per method")
    nbs = list_notebooks(notebooks_dir, only)
    declared = {nb: check_parameters_cell(nb) for nb in nbs}
    extra = dict(extra or {})
    fixed = {"dataset", "profile", "manifest", "cache_dir", "out_dir", "seed", "seeds"}
    for k in extra:
        if k in fixed:
            raise MespotError(f"--set {k}=…: '{k}' is set by the runner itself (use --datasets, "
                              "--profile, --manifest, --out, --seed or --seeds)")
        if not any(k in d for d in declared.values()):
            raise MespotError(f"--set {k}=…: no notebook run here declares a parameter '{k}' "
                              f"(see the notebooks' parameters cells)")
        for d in declared.values():
            if k in d:
                _typed(k, extra[k], d[k])   # a bad value is refused before any work
    datasets = datasets or ["demo"]
    for d in datasets:
        # refuse unknown names and missing data before any work (a demo is generated here)
        read_entry(m.entry(d), m)
    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    os.environ["MESPOT_HEADLESS"] = "1"  # notebooks show static fallbacks for widgets
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")

    runs: list[dict[str, Any]] = []
    results: dict[str, Any] = {}
    prov_params = dict(datasets=datasets, profile=profile, manifest=str(m.path),
                       cache_dir=str(m.cache_dir), seed=seed, seeds=seeds, extra=extra,
                       notebooks=[p.name for p in nbs])
    t_all = time.time()
    jobs = [(d, nb) for d in datasets for nb in nbs]
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(jobs), desc="report", unit="notebook")
    for d, nb in jobs:
        dst_dir = out / d
        dst_dir.mkdir(parents=True, exist_ok=True)
        dst = dst_dir / nb.name
        params = dict(dataset=d, profile=profile, manifest=str(m.path), cache_dir=str(m.cache_dir),
                      out_dir=str(dst_dir), seed=seed)
        if "seeds" in declared[nb]:
            params["seeds"] = seeds
        params.update({k: _typed(k, v, declared[nb][k]) for k, v in extra.items()
                       if k in declared[nb]})
        if bar is not None:
            bar.set_postfix_str(f"{d}/{nb.stem}")
        t0 = time.time()
        status, error = "passed", None
        try:
            pm.execute_notebook(str(nb), str(dst), parameters=params, progress_bar=progress,
                                kernel_name=kernel_name, cwd=str(nb.parent),
                                report_mode=False, log_output=False)
        except pm.PapermillExecutionError as e:
            status, error = "failed", f"{e.ename}: {e.evalue}"
        except Exception as e:  # kernel died, bad notebook...: keep going, mark it
            status, error = "failed", f"{type(e).__name__}: {e}"
        wall = time.time() - t0
        html_path = None
        if dst.exists():
            try:
                html_path = to_html(dst)
            except Exception as e:  # pragma: no cover - rendering problems are reported
                error = (error or "") + f" (HTML rendering failed: {e})"
        res_file = dst_dir / f"{nb.stem}.results.json"
        if res_file.exists():
            rec = json.loads(res_file.read_text())
            results.setdefault(nb.stem, {}).update(rec)
        runs.append(dict(dataset=d, notebook=nb.name, status=status, error=error,
                         wall_s=round(wall, 2), ipynb=str(dst.relative_to(out)) if dst.exists()
                         else None, html=str(html_path.relative_to(out)) if html_path else None))
        write_json(out / "results.json", results)
        prov = provenance(prov_params, m.sha256)
        prov["runs"] = runs
        prov["wall_s_total"] = round(time.time() - t_all, 2)
        write_json(out / "provenance.json", prov)
        write_pages(out, runs, prov, results, {p.name: p for p in nbs})
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    failed = [r for r in runs if r["status"] != "passed"]
    for r in failed:
        log.error("mespot report: FAILED %s/%s: %s", r["dataset"], r["notebook"], r["error"])
    log.warning("mespot report: %d/%d notebooks passed in %.0f s → %s", len(runs) - len(failed),
                len(runs), time.time() - t_all, out / "index.html")
    return 1 if failed else 0
