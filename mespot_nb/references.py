"""Every work the kit cites, in full: the two seed papers, the methods, the datasets, the tools.

The notebooks and the code say "seed 000" and "seed 004" for the two papers the kit reproduces;
:data:`SEEDS` resolves them. A method record names its works by key
(:attr:`mespot_nb.methods.Method.references`); the report's references page
(:func:`references_html`) lists them all.

Only entries marked ``checked=True`` were confirmed here against a stored copy of the publication or
of a citation of it (there is no internet); the others are written from the kit's records, and
their page numbers are left out where they were not known.
"""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    """One cited work.

    key : the id methods and notebooks use.
    authors : "Surname, I., Surname, I." as printed.
    year, title, venue : as published; ``venue`` includes volume and pages where known.
    url : a stable address (DOI or arXiv) where known.
    checked : True where the entry was confirmed against a stored copy of the publication or
        of a citation of it; the others are from the kit's records.
    """

    key: str
    authors: str
    year: int
    title: str
    venue: str
    url: str = ""
    checked: bool = False

    def short(self) -> str:
        """"Verburg & Menkovski 2019", "Tran et al. 2021"."""
        names = [a.strip().split(",")[0] for a in self.authors.split(";")]
        if len(names) == 1:
            who = names[0]
        elif len(names) == 2:
            who = f"{names[0]} & {names[1]}"
        else:
            who = f"{names[0]} et al."
        return f"{who} {self.year}"

    def full(self) -> str:
        """The whole citation as one line of text."""
        authors = ", ".join(a.strip() for a in self.authors.split(";"))
        tail = f" {self.url}" if self.url else ""
        flag = "" if self.checked else " [not checked]"
        return f"{authors} ({self.year}). {self.title}. {self.venue}.{tail}{flag}"


_REFS = [
    Reference("tran2021dyngeonet", "Tran, T.-K.; Vo, Q.-N.; Zhao, G.", 2021,
              "DynGeoNet: fusion network for micro-expression spotting",
              "Proceedings of the 2021 International Conference on Multimodal Interaction "
              "(ICMI '21), ACM", checked=False),
    Reference("verburg2019", "Verburg, M.; Menkovski, V.", 2019,
              "Micro-expression detection in long videos using optical flow and recurrent "
              "neural networks",
              "14th IEEE International Conference on Automatic Face & Gesture Recognition "
              "(FG 2019)", "https://arxiv.org/abs/1903.10765", checked=True),
    Reference("wang2017mdmd", "Wang, S.-J.; Wu, S.; Qian, X.; Li, J.; Fu, X.", 2017,
              "A main directional maximal difference analysis for spotting facial movements "
              "from long-term videos", "Neurocomputing 230, 382-389",
              "https://doi.org/10.1016/j.neucom.2016.12.034"),
    Reference("li2020megc", "Li, J.; Wang, S.-J.; Yap, M. H.; See, J.; Hong, X.; Li, X.", 2020,
              "MEGC2020 - the third facial micro-expression grand challenge",
              "15th IEEE International Conference on Automatic Face and Gesture Recognition "
              "(FG 2020), 777-780"),
    Reference("he2020megc", "He, Y.; Wang, S.-J.; Li, J.; Yap, M. H.", 2020,
              "Spotting macro- and micro-expression intervals in long video sequences",
              "15th IEEE International Conference on Automatic Face and Gesture Recognition "
              "(FG 2020)"),
    Reference("moilanen2014", "Moilanen, A.; Zhao, G.; Pietikäinen, M.", 2014,
              "Spotting rapid facial movements from videos using appearance-based feature "
              "difference analysis",
              "22nd International Conference on Pattern Recognition (ICPR 2014), 1722-1727",
              checked=True),
    Reference("liong2021softnet", "Liong, G.-B.; See, J.; Wong, L.-K.", 2021,
              "Shallow optical flow three-stream CNN for macro- and micro-expression spotting "
              "from long videos", "IEEE International Conference on Image Processing (ICIP 2021)",
              checked=False),
    Reference("bilen2016", "Bilen, H.; Fernando, B.; Gavves, E.; Vedaldi, A.; Gould, S.", 2016,
              "Dynamic image networks for action recognition",
              "IEEE Conference on Computer Vision and Pattern Recognition (CVPR 2016), "
              "3034-3042"),
    Reference("simonyan2015", "Simonyan, K.; Zisserman, A.", 2015,
              "Very deep convolutional networks for large-scale image recognition",
              "International Conference on Learning Representations (ICLR 2015)",
              "https://arxiv.org/abs/1409.1556"),
    Reference("chaudhry2009", "Chaudhry, R.; Ravichandran, A.; Hager, G.; Vidal, R.", 2009,
              "Histograms of oriented optical flow and Binet-Cauchy kernels on nonlinear "
              "dynamical systems for the recognition of human actions",
              "IEEE Conference on Computer Vision and Pattern Recognition (CVPR 2009), "
              "1932-1939"),
    Reference("hochreiter1997", "Hochreiter, S.; Schmidhuber, J.", 1997,
              "Long short-term memory", "Neural Computation 9(8), 1735-1780"),
    Reference("farneback2003", "Farnebäck, G.", 2003,
              "Two-frame motion estimation based on polynomial expansion",
              "Scandinavian Conference on Image Analysis (SCIA 2003), LNCS 2749, 363-370"),
    Reference("zhao2022flow", "Zhao, Y.; Tong, X.; Zhu, Z.; Sheng, J.; Dai, L.; Xu, L.; Xia, X.; "
              "Jiang, Y.; Li, J.", 2022,
              "Rethinking optical flow methods for micro-expression spotting",
              "Proceedings of the 30th ACM International Conference on Multimedia (MM '22)",
              checked=False),
    Reference("he2021", "He, Y.", 2021,
              "Research on micro-expression spotting method based on optical flow features",
              "Proceedings of the 29th ACM International Conference on Multimedia (MM '21)",
              checked=False),
    Reference("kazemi2014", "Kazemi, V.; Sullivan, J.", 2014,
              "One millisecond face alignment with an ensemble of regression trees",
              "IEEE Conference on Computer Vision and Pattern Recognition (CVPR 2014), "
              "1867-1874"),
    Reference("king2009", "King, D. E.", 2009, "Dlib-ml: a machine learning toolkit",
              "Journal of Machine Learning Research 10, 1755-1758"),
    Reference("qu2018casme2", "Qu, F.; Wang, S.-J.; Yan, W.-J.; Li, H.; Wu, S.; Fu, X.", 2018,
              "CAS(ME)²: a database for spontaneous macro-expression and micro-expression "
              "spotting and recognition", "IEEE Transactions on Affective Computing 9(4), "
              "424-436"),
    Reference("yap2020sammlv", "Yap, C. H.; Kendrick, C.; Yap, M. H.", 2020,
              "SAMM long videos: a spontaneous facial micro- and macro-expressions dataset",
              "15th IEEE International Conference on Automatic Face and Gesture Recognition "
              "(FG 2020), 771-776"),
    Reference("tran2021smic", "Tran, T.-K.; Vo, Q.-N.; Hong, X.; Li, X.; Zhao, G.", 2021,
              "Micro-expression spotting: a new benchmark", "Neurocomputing 443, 356-368"),
    Reference("efron1993", "Efron, B.; Tibshirani, R. J.", 1993,
              "An introduction to the bootstrap", "Chapman & Hall/CRC"),
]

#: Every cited work by key.
REFERENCES: dict[str, Reference] = {r.key: r for r in _REFS}

#: The two papers the kit reproduces, as the code and notebooks name them.
SEEDS = {"seed 000": "tran2021dyngeonet", "seed 004": "verburg2019"}

#: What the kit uses each non-method work for (the references page's second column).
USES = {
    "tran2021dyngeonet": "seed 000: DynGeoNet, its ablations and the VGG16 baseline; Tables 1-2",
    "verburg2019": "seed 004: HOOF features, HOOF-LSTM, the coverage protocol, Table I",
    "li2020megc": "the MEGC2020 challenge and its protocol (IoU ≥ 0.5)",
    "he2020megc": "MDMD as the MEGC2020 baseline, and its overall F1 on CAS(ME)² and SAMM-LV",
    "bilen2016": "approximate rank pooling (dynamic images)",
    "simonyan2015": "VGG-16",
    "chaudhry2009": "histograms of oriented optical flow",
    "hochreiter1997": "the LSTM",
    "farneback2003": "the kit's dense optical flow (OpenCV)",
    "kazemi2014": "dlib's 68-point landmark model",
    "king2009": "dlib (face detection and landmarks)",
    "qu2018casme2": "the CAS(ME)² dataset",
    "yap2020sammlv": "the SAMM Long Videos dataset",
    "tran2021smic": "the SMIC-E-Long dataset",
    "efron1993": "the subject-level bootstrap intervals",
}


def register_reference(ref: Reference, replace: bool = False) -> Reference:
    """Add a work a plug-in method cites (:attr:`Method.references` names it by ``ref.key``)."""
    if ref.key in REFERENCES and not replace and REFERENCES[ref.key] != ref:
        raise ValueError(f"reference {ref.key!r} exists; pass replace=True to change it")
    REFERENCES[ref.key] = ref
    return ref


def get(key: str) -> Reference:
    """The reference ``key``; a KeyError names the known keys."""
    try:
        return REFERENCES[key]
    except KeyError:
        raise KeyError(f"no reference {key!r}; known: {', '.join(sorted(REFERENCES))}") from None


def seed_citation(seed: str) -> str:
    """``"seed 000"`` → ``"seed 000 (Tran et al. 2021)"``."""
    return f"{seed} ({get(SEEDS[seed]).short()})"


def references_html(method_refs: dict[str, tuple[str, ...]] | None = None) -> str:
    """The report's references page: the seeds first, then every work, each with what cites it.

    method_refs : ``{method title: reference keys}`` (from the registry), so a method registered
        later is listed with its works.
    """
    cited_by: dict[str, list[str]] = {}
    for title, keys in (method_refs or {}).items():
        for k in keys:
            cited_by.setdefault(k, []).append(title)
    order = list(SEEDS.values()) + [k for k in REFERENCES if k not in SEEDS.values()]
    order += [k for k in cited_by if k not in REFERENCES]
    rows = []
    for k in order:
        r = REFERENCES.get(k)
        what = "; ".join(x for x in [USES.get(k, "")] +
                         [f"method {t}" for t in cited_by.get(k, [])] if x)
        text = html.escape(r.full()) if r else f"(unknown reference key {html.escape(k)})"
        if r and r.url:
            text = text.replace(html.escape(r.url),
                                f'<a href="{html.escape(r.url)}">{html.escape(r.url)}</a>')
        seed = [s for s, v in SEEDS.items() if v == k]
        label = f"<b>{html.escape(seed[0])}</b><br>" if seed else ""
        rows.append(f"<tr><td>{label}<code>{html.escape(k)}</code></td><td>{text}</td>"
                    f"<td>{html.escape(what)}</td></tr>")
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>mespot-nb references</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:75em}}td,th{{padding:4px 10px;
border-bottom:1px solid #ddd;vertical-align:top}}</style></head><body>
<h1>References</h1>
<p>The kit reproduces two papers, named in the notebooks by their seed numbers:
{'; '.join(f'<b>{html.escape(s)}</b> is {html.escape(get(k).short())}' for s, k in SEEDS.items())}.
Entries marked "not checked" are from the kit's records; only the others were confirmed
against a stored copy of the publication or of a citation of it (the kit is built offline). <a href="index.html">Back to the report</a>.</p>
<table><tr><th>key</th><th>work</th><th>what the kit takes from it</th></tr>
{''.join(rows)}</table></body></html>
"""
