"""The report runner: notebooks executed headlessly, figures in the HTML, failures kept."""

from __future__ import annotations

import json
import subprocess
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from mespot_nb.report import run_report

from conftest import ROOT, write_manifest


def _tiny_manifest(tmp_path):
    return write_manifest(tmp_path / "m.yaml", {"tinydemo": {
        "format": "demo", "fps": 30, "subjects": 2, "videos_per_subject": 1, "seconds": 8,
        "seed": 2, "licence": "synthetic", "citation": "mespot-nb demo"}})


def test_notebooks_committed_clean():
    for p in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(p, as_version=4)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, p.name
        assert nb.metadata["kernelspec"]["name"] == "python3"
        for c in nb.cells:
            if c.cell_type == "code":
                assert not c.outputs and c.execution_count is None, p.name
        # literal defaults only: every line is `name: type = literal  # comment`
        for line in tagged[0].source.splitlines():
            assert line.strip() == "" or (": " in line and " = " in line and "#" in line), line
            value = line.split(" = ", 1)[1].split("#")[0].strip()
            compile(value, "param", "eval")
            assert "(" not in value, line


def test_report_only_00_headless(tmp_path, cache_dir):
    man = _tiny_manifest(tmp_path)
    out = tmp_path / "rep"
    r = subprocess.run([sys.executable, "-m", "mespot_nb", "report", "--manifest", str(man),
                        "--datasets", "tinydemo", "--only", "00", "--out", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]
    html = (out / "tinydemo" / "00_dataset_overview.html").read_text()
    assert html.count("data:image/png;base64") >= 3   # histograms, timeline, frame strip
    assert "plotly" in html                            # interactive timeline, JS embedded
    res = json.loads((out / "results.json").read_text())
    assert res["00_dataset_overview"]["tinydemo"]["counts"]["videos"] == 2
    prov = json.loads((out / "provenance.json").read_text())
    assert prov["manifest_sha256"] and prov["packages"]["papermill"]
    assert prov["runs"][0]["status"] == "passed" and prov["runs"][0]["wall_s"] > 0
    assert "passed" in (out / "index.html").read_text()


def test_failing_notebook_kept_and_others_still_run(tmp_path, cache_dir):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    for name, code in (("00_ok", "x = 1"), ("01_bad", "raise ValueError('deliberate failure')"),
                       ("02_ok", "y = 2")):
        params = new_code_cell('dataset: str = "demo"  # d\nout_dir: str = ""  # o')
        params.metadata["tags"] = ["parameters"]
        nb = new_notebook(cells=[params, new_code_cell(code)], metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
        nbformat.write(nb, nbdir / f"{name}.ipynb")
    man = _tiny_manifest(tmp_path)
    out = tmp_path / "rep"
    code = run_report(["tinydemo"], out=out, manifest=man, notebooks_dir=nbdir, progress=False)
    assert code != 0
    bad = nbformat.read(out / "tinydemo" / "01_bad.ipynb", as_version=4)
    errs = [o for c in bad.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errs and "deliberate failure" in errs[0]["evalue"]
    prov = json.loads((out / "provenance.json").read_text())
    assert [r["status"] for r in prov["runs"]] == ["passed", "failed", "passed"]
    assert "failed" in (out / "index.html").read_text()
