"""The report's start page (``index.html``) and its references page (``references.html``).

The start page says what the kit is and where to start, then gives each notebook one line (the
first paragraph of its opening cell), a thumbnail (its first figure), pass/fail and wall time,
and ends with the provenance. The headline is the results notebook's generated conclusion, so
it changes with the numbers.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

from ._io import write_bytes, write_text

#: Where a reader starts, by notebook number: the headline table, then the two taught methods.
START_HERE = ("10", "06", "05")
#: How many sentences of the results notebook's conclusion the start page shows.
HEADLINE_SENTENCES = 4


def notebook_blurb(path: str | Path) -> tuple[str, str]:
    """(title, one-line summary) of a notebook: its first heading, and its metadata's
    ``mespot.summary`` (else the first sentence under the heading, Markdown dropped)."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    cell = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    if cell is None:
        return Path(path).stem, ""
    lines = cell.source.strip().splitlines()
    title = lines[0].lstrip("#").strip() if lines and lines[0].startswith("#") else Path(path).stem
    summary = nb.metadata.get("mespot", {}).get("summary")
    if summary:
        return title, summary
    body = " ".join(ln.strip() for ln in lines[1:]).strip()
    para = re.split(r"\s{2,}|\n\n", body)[0] if body else ""
    para = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", para).replace("**", "").replace("`", "")
    para = para.replace("*", "")
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", para)[0]
    return title, first[:300]


def first_figure(ipynb: str | Path) -> bytes | None:
    """The PNG bytes of an executed notebook's first image output, or None."""
    import nbformat

    try:
        nb = nbformat.read(str(ipynb), as_version=4)
    except (OSError, ValueError):
        return None
    for c in nb.cells:
        for o in c.get("outputs", []):
            png = o.get("data", {}).get("image/png")
            if png:
                return base64.b64decode(png)
    return None


def _others() -> str:
    """The registry's other methods, in words: "the learned baselines A, B and the
    training-free spotters C, D"."""
    from .methods import METHODS

    def words(xs):
        return ", ".join(xs[:-1]) + (" and " if len(xs) > 1 else "") + xs[-1] if xs else ""

    rest = [m for m in METHODS.values() if m.name not in ("dyngeonet", "hoof-lstm")]
    learned = words([m.title for m in rest if m.trainable])
    free = words([m.title for m in rest if not m.trainable])
    return " and ".join(x for x in (f"the learned baselines {learned}" if learned else "",
                                     f"the training-free spotters {free}" if free else "") if x)


def _strip_md(text: str) -> str:
    return text.replace("**", "")


def index_html(out: Path, runs: list[dict], prov: dict, results: dict,
               notebooks: dict[str, Path]) -> str:
    """The start page. ``runs`` as the runner records them, ``notebooks`` maps a notebook's
    file name to its source (for the one-line summaries); thumbnails are written under
    ``out/thumbs``."""
    rows = []
    for r in runs:
        ok = r["status"] == "passed"
        src = notebooks.get(r["notebook"])
        title, blurb = notebook_blurb(src) if src else (r["notebook"], "")
        thumb = ""
        if r.get("ipynb"):
            png = first_figure(out / r["ipynb"])
            if png:
                rel = f"thumbs/{r['dataset']}_{Path(r['notebook']).stem}.png"
                write_bytes(out / rel, png)
                thumb = f'<img src="{html.escape(rel)}" alt="first figure of {html.escape(title)}">'
        link = (f'<a href="{html.escape(r["html"])}">{html.escape(title)}</a>' if r.get("html")
                else html.escape(title))
        nbl = f' · <a href="{html.escape(r["ipynb"])}">ipynb</a>' if r.get("ipynb") else ""
        err = f'<br><code>{html.escape(r["error"] or "")}</code>' if not ok else ""
        start = " <b>start here</b>" if r["notebook"][:2] == START_HERE[0] else ""
        rows.append(f'<tr><td class="t">{thumb}</td><td>{link}{start}{nbl}<br>'
                    f'<span class="b">{html.escape(blurb)}</span></td>'
                    f'<td>{html.escape(r["dataset"])}</td>'
                    f'<td class="{"ok" if ok else "bad"}">{r["status"]}{err}</td>'
                    f'<td>{r["wall_s"]:.1f} s</td></tr>')
    headline = ""
    for d, rec in (results.get("10_results") or {}).items():
        text = (rec.get("conclusion") or {}).get("text")
        if text:
            text = _strip_md(text).removeprefix("Conclusion.").strip()
            first = " ".join(re.split(r"(?<=\.)\s+", text)[:HEADLINE_SENTENCES])
            headline += (f"<p><b>{html.escape(d)}:</b> {html.escape(first)} "
                         f"<i>(the whole conclusion ends notebook 10)</i></p>")
    first = {r["notebook"][:2]: r for r in runs}
    where = [f'<a href="{html.escape(first[n]["html"])}">{html.escape(first[n]["notebook"])}</a>'
             for n in START_HERE if n in first and first[n].get("html")]
    p = prov
    pk = p.get("packages") or {}
    versions = ", ".join(f"{k} {v}" for k, v in pk.items() if v and k in
                         ("mespot-nb", "torch", "numpy", "opencv-python-headless", "dlib-bin",
                          "papermill"))
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>mespot-nb report</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:80em}}
td,th{{padding:6px 10px;border-bottom:1px solid #ddd;vertical-align:top;text-align:left}}
td.t img{{width:180px;max-height:130px;object-fit:contain;border:1px solid #ccc}}.b{{color:#444}}.ok{{color:green}}.bad{{color:#b00}}
.head{{background:#f4f6fa;padding:0.5em 1em;border-left:4px solid #4a6fa5}}</style>
</head><body><h1>mespot-nb report</h1>
<p><b>mespot-nb</b> spots facial micro-expressions in long videos. Its notebooks reproduce two
papers — DynGeoNet (seed 000) and HOOF-LSTM (seed 004), see the
<a href="references.html">references</a> — beside {html.escape(_others())}, and score them all with subject-level intervals under the MEGC2020, one-to-one and
coverage protocols. Each notebook below was executed headlessly with papermill; each opens with
the paper's idea and ends with a conclusion written from its own numbers.</p>
<p><b>Where to start:</b> {' → '.join(where) or 'the first notebook'} (every method side by
side, then the taught methods' evaluation and training); notebooks 00–04 build the features
step by step.</p>
{f'<div class="head"><h2>Headline</h2>{headline}</div>' if headline else ''}
<table><tr><th></th><th>notebook</th><th>dataset</th><th>status</th><th>wall time</th></tr>
{''.join(rows)}</table>
<h2>Provenance</h2>
<p>profile <b>{html.escape(str(p['parameters'].get('profile')))}</b>, seed {p.get('seed')},
commit <code>{html.escape(str(p.get('git_commit')))}</code>{' (uncommitted changes)' if p.get('git_dirty') else ''},
created {html.escape(str(p.get('created')))}, total {p.get('wall_s_total', 0):.0f} s,
Python {html.escape(str(p.get('python')))} on {html.escape(str(p.get('platform')))};
{html.escape(versions)}; manifest sha256 <code>{html.escape(str(p.get('manifest_sha256'))[:16])}…</code>.
Everything: <a href="provenance.json">provenance.json</a> · numbers:
<a href="results.json">results.json</a> · <a href="references.html">references</a>.</p>
</body></html>
"""


def write_pages(out: Path, runs: list[dict], prov: dict, results: dict,
                notebooks: dict[str, Path]) -> Path:
    """Write ``index.html`` and ``references.html`` into ``out``; returns the index's path."""
    from .methods import METHODS
    from .references import references_html

    write_text(out / "references.html",
               references_html({m.title: m.references for m in METHODS.values()}))
    write_text(out / "index.html", index_html(out, runs, prov, results, notebooks))
    return out / "index.html"
