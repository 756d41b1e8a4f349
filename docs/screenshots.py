"""Screenshots of a report's start page and results notebook in headless Chromium → docs/.

    .venv/bin/python docs/screenshots.py reports/demo-quick

Uses the system Chromium through Playwright (never a downloaded browser; $MESPOT_CHROMIUM
overrides the path). Writes docs/report_index.png and docs/report_results.png.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

PATHS = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser")


def chromium() -> str:
    env = os.environ.get("MESPOT_CHROMIUM")
    for p in [env] if env else [*PATHS, shutil.which("chromium")]:
        if p and os.access(p, os.X_OK):
            return p
    sys.exit("screenshots: no Chromium (apt-get install -y chromium, or set MESPOT_CHROMIUM)")


def main(report: str = "reports/demo-quick", out: str = "docs") -> None:
    from playwright.sync_api import sync_playwright

    rep = Path(report).resolve()
    pages = {"report_index.png": rep / "index.html",
             "report_results.png": next(rep.glob("*/10_results.html"), None)}
    missing = [k for k, v in pages.items() if v is None or not v.exists()]
    if missing:
        sys.exit(f"screenshots: {rep} lacks the pages for {', '.join(missing)}; run make report")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), headless=True,
                                     args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, path in pages.items():
            page.goto(path.as_uri())
            page.wait_for_load_state("networkidle")
            if name == "report_results.png":   # the table of every method, not the set-up cells
                page.set_viewport_size({"width": 1280, "height": 1500})
                page.locator("h2", has_text="Every method").first.evaluate(
                    "e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 10)")
            page.screenshot(path=str(Path(out) / name), full_page=name == "report_index.png")
            print(f"wrote {Path(out) / name}")
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
