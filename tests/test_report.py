"""The report runner: notebooks executed headlessly, figures in the HTML, failures kept."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import nbformat
import pandas as pd
import papermill
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from mespot_nb.errors import MespotError
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
        # it ends with the conclusion written from its own numbers (mespot_nb.conclusions)
        assert nb.cells[-1].source.strip() == "nb.conclude()", p.name
        # and says in one line what it shows (the start page's line for it)
        assert len(nb.metadata.get("mespot", {}).get("summary", "")) > 40, p.name
        # literal defaults only: every line is `name: type = literal  # comment`
        for line in tagged[0].source.splitlines():
            assert line.strip() == "" or (": " in line and " = " in line and "#" in line), line
            value = line.split(" = ", 1)[1].split("#")[0].strip()
            compile(value, "param", "eval")
            assert "(" not in value, line


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
    assert code == 1
    bad = nbformat.read(out / "tinydemo" / "01_bad.ipynb", as_version=4)
    errs = [o for c in bad.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errs and "deliberate failure" in errs[0]["evalue"]
    prov = json.loads((out / "provenance.json").read_text())
    assert [r["status"] for r in prov["runs"]] == ["passed", "failed", "passed"]
    assert "failed" in (out / "index.html").read_text()
    # --only runs the named notebooks alone (the CLI's flag), into a fresh report
    code = run_report(["tinydemo"], out=tmp_path / "only", manifest=man, notebooks_dir=nbdir,
                      only=["02"], progress=False)
    prov = json.loads((tmp_path / "only" / "provenance.json").read_text())
    assert code == 0 and [r["notebook"] for r in prov["runs"]] == ["02_ok.ipynb"]


STANDARD = {"dataset", "profile", "manifest", "cache_dir", "out_dir", "seed"}


def test_papermill_parses_every_parameter(caplog):
    """papermill's own inspector reads each parameters cell (a comment it cannot parse would
    make it warn "Unable to parse line" and treat the runner's parameters as unknown)."""
    import logging

    import papermill as pm

    caplog.set_level(logging.WARNING)
    for p in sorted((ROOT / "notebooks").glob("*.ipynb")):
        params = pm.inspect_notebook(str(p))
        assert STANDARD <= set(params), (p.name, set(params))
    assert "Unable to parse" not in caplog.text


@pytest.mark.slow
def test_full_report_on_a_tiny_demo(tmp_path, cache_dir):
    """Every notebook, end to end, headless, on tiny data (the CI twin of `make report`)."""
    # dense micro-expressions (30/min) so that seconds-long videos have some to learn and score
    # (the shortest demo the generator makes is 5 s)
    small = {"format": "demo", "videos_per_subject": 1, "licence": "synthetic",
             "citation": "mespot-nb demo", "micro_per_minute": 30}
    man = write_manifest(tmp_path / "m.yaml", {
        "tinyfull": dict(small, fps=30, subjects=3, seconds=6, seed=4, difficulty="easy"),
        "demo-30fps": dict(small, fps=30, subjects=2, seconds=5, seed=30),
        "demo-50fps": dict(small, fps=50, subjects=2, seconds=5, seed=100, first_face=2),
        "demo-25fps": dict(small, fps=25, subjects=2, seconds=5, seed=200, first_face=4)})
    # three frame rates, small ones: the 100/200 fps mix is tests/test_hoof_lbp_cross.py's
    man.write_text(man.read_text() + "cross_database:\n"
                   "  demo-A: {train: [demo-30fps, demo-50fps], test: demo-25fps}\n"
                   "  demo-B: {train: [demo-30fps, demo-25fps], test: demo-50fps}\n")
    out = tmp_path / "rep"
    # one cross-database setup with three methods (DynGeoNet's window kind, SOFTNet with its own
    # family and window kind, LBP-χ² without training; geonet's and HOOF-LSTM's cross runs are
    # tests/test_hoof_lbp_cross.py's, SOFTNet's test_softnet.py's too, while dynnet and vgg16
    # run cross-database in no test — they differ from dyngeonet in the inputs gathered and the
    # optimiser, which their LOSO runs here cover), LOSO folds trained one at a time (make
    # test's two workers already fill the two cores: a fold pool cost 54 CPU-seconds more here)
    # and 200 bootstrap draws keep it inside the budget (--set)
    r = subprocess.run([sys.executable, "-m", "mespot_nb", "report", "--manifest", str(man),
                        "--datasets", "tinyfull", "--out", str(out), "--set", "setups=demo-A",
                        "--set", "cross_methods=dyngeonet,softnet,lbp-chi2",
                        "--set", "n_jobs=1", "--set", "n_boot=200"],
                       capture_output=True, text=True)
    prov = json.loads((out / "provenance.json").read_text())
    failed = [(x["notebook"], x["error"]) for x in prov["runs"] if x["status"] != "passed"]
    assert r.returncode == 0 and not failed, (failed, r.stderr[-3000:])
    assert len(prov["runs"]) == len(list((ROOT / "notebooks").glob("*.ipynb")))
    assert all(x["wall_s"] > 0 for x in prov["runs"]) and "passed" in (out / "index.html").read_text()
    assert prov["manifest_sha256"] == hashlib.sha256(man.read_bytes()).hexdigest()
    assert prov["packages"]["papermill"] == papermill.__version__
    html = (out / "tinyfull" / "00_dataset_overview.html").read_text()
    assert html.count("data:image/png;base64") >= 3   # histograms, timeline, frame strip
    assert "plotly" in html                            # interactive timeline, JS embedded
    res = json.loads((out / "results.json").read_text())
    assert res["00_dataset_overview"]["tinyfull"]["counts"]["videos"] == 3
    loso = res["06_loso_evaluation"]["tinyfull"]
    assert {"dyngeonet", "dynnet", "geonet", "vgg16"} <= set(loso)
    assert {"megc2020", "one-to-one", "coverage"} <= set(loso["dyngeonet"])
    cross = res["07_cross_database"]["tinyfull"]["cross_database"]
    assert set(cross) == {"demo-A"}
    assert prov["parameters"]["extra"] == {"setups": "demo-A",
                                           "cross_methods": "dyngeonet,softnet,lbp-chi2",
                                           "n_jobs": "1", "n_boot": "200"}
    assert set(cross["demo-A"]) == {"dyngeonet", "softnet", "lbp-chi2"}
    pred = pd.read_csv(out / "tinyfull" / "predictions_dyngeonet.csv")
    assert list(pred.columns) == ["subject", "video", "onset", "offset", "type", "score"]
    assert len(pred) and (pred["onset"] >= 1).all()
    free = res["08_training_free"]["tinyfull"]
    assert set(free) >= {"MDMD", "flow-peak", "aumatch"}
    for m in ("MDMD", "flow-peak", "aumatch"):
        assert set(free[m]["megc2020"]) == {"micro", "macro", "overall"}
        o = free[m]["megc2020"]["overall"]
        assert o["tp"] == free[m]["megc2020"]["micro"]["tp"] + free[m]["megc2020"]["macro"]["tp"]
    assert "mdmd" in loso   # seed 000's Table 1 gained the MEGC2020 baseline

    def without_interval(node, path=()):
        """Paths of recorded F1s with no 95 % interval beside them."""
        if isinstance(node, dict):
            bad = [path] if ({"f1", "F1"} & set(node) and not
                             {"f1_ci", "F1 95% CI"} & set(node)) else []
            return bad + [p for k, v in node.items() for p in without_interval(v, path + (k,))]
        return []

    assert without_interval(res) == []

    # every notebook ends with a conclusion whose every figure is the recorded one
    from mespot_nb.conclusions import check_figures
    from mespot_nb.methods import METHODS

    for name, per in res.items():
        concl = per["tinyfull"].get("conclusion")
        assert concl and concl["figures"], name
        assert check_figures(concl, per["tinyfull"]) == [], name
    assert set(res["10_results"]["tinyfull"]["table"]) == set(METHODS)
    index = (out / "index.html").read_text()
    assert "Where to start" in index and "Headline" in index and index.count("thumbs/") >= 8
    assert "Verburg" in (out / "references.html").read_text()


def test_set_parameters_refused_before_any_work(tmp_path):
    man = _tiny_manifest(tmp_path)
    with pytest.raises(MespotError, match="no notebook run here declares a parameter 'nosuch'"):
        run_report(["tinydemo"], out=tmp_path / "r", manifest=man, extra={"nosuch": "1"},
                   progress=False)
    with pytest.raises(MespotError, match="n_boot=many: the notebooks declare n_boot as int"):
        run_report(["tinydemo"], out=tmp_path / "r", manifest=man, extra={"n_boot": "many"},
                   progress=False)
    with pytest.raises(MespotError, match="--set seed=…: .seed. is set by the runner"):
        run_report(["tinydemo"], out=tmp_path / "r", manifest=man, extra={"seed": "3"},
                   progress=False)
    assert not (tmp_path / "r").exists()


def test_report_refuses_missing_data_before_any_work(tmp_path, monkeypatch):
    monkeypatch.delenv("CASME2_ROOT", raising=False)
    out = tmp_path / "rep"
    r = subprocess.run([sys.executable, "-m", "mespot_nb", "report", "--manifest",
                        str(ROOT / "data_manifest.yaml"), "--datasets", "casme2", "--out",
                        str(out)], capture_output=True, text=True)
    assert r.returncode == 2 and "CASME2_ROOT" in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()
