"""In a real browser (marker ``browser``): JupyterLab served on localhost, driven by headless
Chromium through Playwright. The review notebook is run, one candidate accepted, one rejected
(with its key), one adjusted and accepted; after a page reload the files and the widget agree.
Notebook 01's frame scrubber moves. The review widget's screenshot goes to docs/.

Needs Chromium from the system (``apt-get install -y chromium``; Playwright never downloads a
browser here) and playwright from pip; ``make test`` says so when they are missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pandas as pd
import pytest

from conftest import ROOT, chromium_path, write_manifest

pytestmark = pytest.mark.browser
TINY = {"format": "demo", "fps": 30, "subjects": 2, "videos_per_subject": 1, "seconds": 8,
        "seed": 2, "licence": "synthetic", "citation": "mespot-nb demo"}


def _copy_notebook(name: str, root, params: dict) -> None:
    """A copy of notebooks/<name> with some literal defaults of its parameters cell changed."""
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    lines = []
    for line in cell.source.splitlines():
        key = line.split(":", 1)[0]
        if key in params:
            line = re.sub(r" = .*?  #", f" = {params[key]!r}  #", line, count=1)
        lines.append(line)
    cell.source = "\n".join(lines)
    nbformat.write(nb, root / name)


@pytest.fixture(scope="module")
def lab(tmp_path_factory, cache_dir):
    """JupyterLab on a free localhost port, token-less, serving a temp folder with copies of
    notebooks 09 and 01 set to a tiny demo (its features and tracks computed beforehand)."""
    if chromium_path() is None:
        pytest.fail("Chromium not found (apt-get update && apt-get install -y chromium)")
    from mespot_nb.face import extract_tracks
    from mespot_nb.notebook import setup
    from mespot_nb.review import first_videos

    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    root.mkdir()
    man = write_manifest(base / "m.yaml", {"tinydemo": TINY})
    nb = setup("09_review", "tinydemo", str(man), str(cache_dir), plots=False)
    nb.features(first_videos(nb.ds, 2), method="flow-peak")
    extract_tracks(nb.ds, nb.cache_dir, progress=False)
    common = dict(dataset="tinydemo", manifest=str(man), cache_dir=str(cache_dir))
    _copy_notebook("09_review.ipynb", root, dict(common, labels=str(root / "labels.csv"),
                                                 n_videos=2))
    _copy_notebook("01_landmarks_roi.ipynb", root, dict(common, compare_frames=20))
    settings = base / "settings" / "@jupyterlab"
    (settings / "notebook-extension").mkdir(parents=True)
    (settings / "notebook-extension" / "tracker.jupyterlab-settings").write_text(json.dumps(
        {"windowingMode": "none", "autoStartDefaultKernel": True}))   # every cell in the DOM
    (settings / "apputils-extension").mkdir(parents=True)
    (settings / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = {k: v for k, v in os.environ.items() if k not in ("MESPOT_HEADLESS", "MPLBACKEND")}
    env.update(JUPYTERLAB_SETTINGS_DIR=str(base / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
               JUPYTER_RUNTIME_DIR=str(base / "runtime"), JUPYTER_CONFIG_DIR=str(base / "config"),
               JUPYTER_DATA_DIR=str(base / "data"), IPYTHONDIR=str(base / "ipython"))
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
           f"--port={port}", "--ServerApp.token=", "--ServerApp.password=",
           f"--ServerApp.root_dir={root}"] + (["--allow-root"] if os.geteuid() == 0 else [])
    log = open(base / "server.log", "w")
    srv = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            assert srv.poll() is None, (base / "server.log").read_text()[-3000:]
            try:
                urllib.request.urlopen(url + "/api/status", timeout=2)
                break
            except OSError:
                time.sleep(0.25)
        yield dict(url=url, root=root, labels=root / "labels.csv")
    finally:
        srv.terminate()
        try:
            srv.wait(timeout=20)
        except subprocess.TimeoutExpired:
            srv.kill()
        log.close()


@pytest.fixture(scope="module")
def page(lab):
    """One headless Chromium page for the module (one JupyterLab session)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(),
                                    args=["--no-sandbox", "--disable-dev-shm-usage"])
        pg = browser.new_page(viewport={"width": 1300, "height": 1000})
        pg.on("dialog", lambda d: d.accept())       # "leave the page?" on reload
        pg.set_default_timeout(30_000)
        yield pg
        browser.close()


def _run_all(page, url: str | None = None) -> None:
    """Open a notebook (or use the one shown), wait for its kernel, Run ▸ Run All Cells."""
    if url is not None:
        page.goto(url)
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_selector("#jp-main-statusbar >> text=Idle", timeout=60_000)
    page.click(".jp-NotebookPanel:visible .jp-Cell >> nth=0")
    page.click("div.lm-MenuBar-itemLabel:text-is('Run')")
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")


def _wait_text(page, selector: str, text, timeout: float = 30_000) -> None:
    from playwright.sync_api import expect

    expect(page.locator(selector).first).to_contain_text(text, timeout=timeout)


def _reviewed(n: int):
    """The widget's progress line once ``n`` candidates are reviewed."""
    return re.compile(rf"(^|\D){n} of \d+ reviewed")


def _current(page) -> str:
    return page.inner_text(".mespot-review .mespot-current").strip()


def _log(labels):
    path = labels.with_name(labels.stem + ".log.jsonl")
    return [json.loads(x) for x in path.read_text().splitlines()]


def test_review_in_jupyterlab_survives_a_reload(lab, page, tmp_path):
    _run_all(page, f"{lab['url']}/lab/tree/09_review.ipynb")
    page.wait_for_selector(".mespot-review .mespot-accept", timeout=120_000)
    page.locator(".mespot-review").scroll_into_view_if_needed()
    _wait_text(page, ".mespot-review", _reviewed(0))
    first = _current(page)
    page.click(".mespot-review .mespot-accept")
    _wait_text(page, ".mespot-review", _reviewed(1))
    second = _current(page)
    assert second != first
    page.click(".mespot-review .mespot-current")             # focus the widget, then key r
    page.keyboard.press("r")
    _wait_text(page, ".mespot-review", _reviewed(2))
    cells = page.locator(".jp-NotebookPanel:visible .jp-Cell").count()
    page.keyboard.press("b")                                 # no notebook shortcut meanwhile
    page.wait_for_timeout(300)
    assert page.locator(".jp-NotebookPanel:visible .jp-Cell").count() == cells
    third = _current(page)
    onset = int(page.input_value(".mespot-review .mespot-onset input"))
    offset = int(page.input_value(".mespot-review .mespot-offset input"))
    page.fill(".mespot-review .mespot-onset input", str(onset - 2))
    page.press(".mespot-review .mespot-onset input", "Enter")
    page.click(".mespot-review .mespot-offset-plus")
    page.fill(".mespot-review .mespot-note input", "AU4")
    page.press(".mespot-review .mespot-note input", "Enter")
    page.click(".mespot-review .mespot-accept")
    _wait_text(page, ".mespot-review", _reviewed(3))
    # the files, as saved by the clicks
    lab_rows = pd.read_csv(lab["labels"], dtype=str, keep_default_na=False)
    assert set(lab_rows["candidate"]) == {first, third}
    adj = lab_rows.set_index("candidate").loc[third]
    assert (int(adj["onset"]), int(adj["offset"]), adj["note"]) == (onset - 2, offset + 1, "AU4")
    dec = [(e["action"], e["id"]) for e in _log(lab["labels"]) if e["event"] == "decision"]
    assert dec == [("accept", first), ("reject", second), ("accept", third)]
    # a reload: the notebook is run again in the same kernel; the review resumes
    page.reload()
    _run_all(page)
    page.wait_for_selector(".mespot-review .mespot-accept", timeout=120_000)
    _wait_text(page, ".mespot-review", _reviewed(3))
    _wait_text(page, ".mespot-review", "2 accepted, 1 rejected")
    assert _current(page) not in {first, second, third}
    assert pd.read_csv(lab["labels"], dtype=str, keep_default_na=False).equals(lab_rows)
    widget = page.locator(".mespot-review")
    widget.scroll_into_view_if_needed()
    page.wait_for_function("() => [...document.querySelectorAll('.mespot-review img')]"
                           ".every(i => i.complete && i.naturalWidth > 0)")
    shot = tmp_path / "review_widget.png"
    widget.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("MESPOT_UPDATE_SCREENSHOTS"):   # the README's picture, on request only:
        (ROOT / "docs").mkdir(exist_ok=True)         # a test run leaves the tree as it was
        shutil.copyfile(shot, ROOT / "docs" / "review_widget.png")


def test_notebook_01_frame_scrubber_moves(lab, page):
    _run_all(page, f"{lab['url']}/lab/tree/01_landmarks_roi.ipynb?reset")   # only 01 open
    box = page.locator(".jp-NotebookPanel:visible .widget-vbox:has(.widget-slider)")
    box.wait_for(timeout=120_000)
    img = box.locator("img").first
    img.wait_for()
    before = img.get_attribute("src")
    readout = box.locator(".widget-readout").first
    start = int(readout.inner_text())
    readout.click()
    page.keyboard.press("Control+a")
    page.keyboard.type(str(start + 5))
    page.keyboard.press("Enter")
    _wait_text(page, ".jp-NotebookPanel:visible .widget-vbox:has(.widget-slider) .widget-readout",
               str(start + 5))
    from playwright.sync_api import expect

    expect(img).not_to_have_attribute("src", before, timeout=30_000)   # the frame redrawn
    assert img.get_attribute("src").startswith("data:image/png")
