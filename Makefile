# Two commands on a fresh machine with Python 3 and make:
#   make lab    - create .venv, install the pinned requirements and helpers, open JupyterLab
#   make test   - the full check: unit tests, ruff, and strict nbval over every notebook
# Windows users without make: see README.md for the plain pip commands.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
PORT   ?= 8888
NBGRADER_VENV := .venv-nbgrader
NBVAL_FLAGS := --nbval --nbval-current-env --nbval-cell-timeout=120 \
               --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

.PHONY: lab test test-unit test-notebooks test-browser lint format notebooks links check-binder \
        bench student-release autograde clean help

help:
	@echo "make lab           open JupyterLab at notebooks/00_start_here.ipynb (sets up .venv first)"
	@echo "make test          unit tests + ruff + strict nbval over every notebook"
	@echo "make test-browser  run every notebook in headless Chromium and move each explorer's control"
	@echo "make notebooks     re-execute every notebook in a fresh kernel and store its outputs"
	@echo "make links         re-write Binder/Colab/nbgitpuller links from pyproject.toml's URLs"
	@echo "make bench         print the benchmark tables (optimizer steps, explorer redraws, notebooks)"
	@echo "make student-release  nbgrader: notebooks without solutions in nbgrader-course/release/"
	@echo "make autograde SUBMITTED=dir  nbgrader: score submissions, write feedback and grades.csv"

# The venv is (re)built when a requirements file or pyproject.toml changes. binder/overrides.json
# holds JupyterLab's defaults for this suite (no Jupyter-news prompt); Binder's postBuild installs
# the same file.
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings
$(VENV)/.runtime: requirements.txt pyproject.toml binder/overrides.json
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	mkdir -p $(LAB_SETTINGS) && cp binder/overrides.json $(LAB_SETTINGS)/overrides.json
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Loopback only, with Jupyter's token. --allow-root only where we run as root (containers).
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(VENV)/.runtime
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) $(ALLOW_ROOT) \
		--ServerApp.root_dir=$(CURDIR) --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

test: test-unit lint test-notebooks

# tests/test_grading.py autogrades synthetic submissions in the instructor venv (GRADING_REQUIRED:
# fail, do not skip, if it is missing).
test-unit: $(VENV)/.dev $(NBGRADER_VENV)/.installed
	GRADING_REQUIRED=1 $(PY) -m pytest tests --ignore=tests/browser -p no:cacheprovider

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-notebooks: $(VENV)/.dev
	$(PY) -m pytest $(NBVAL_FLAGS) notebooks

# Needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium; never
# `playwright install`). Screenshots land in tests/browser/artifacts/.
test-browser: $(VENV)/.dev
	$(PY) -m pytest tests/browser -p no:cacheprovider --durations=0

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The one way to regenerate stored outputs: every notebook, fresh kernel, top to bottom.
notebooks: $(VENV)/.dev
	$(PY) tools/execute_notebooks.py notebooks/*.ipynb

links: $(VENV)/.runtime
	$(PY) tools/links.py

# Offline check of binder/ (repo2docker renders it without Docker; pins resolve for Python 3.12).
check-binder: $(VENV)/.dev
	$(PY) -m pytest tests/test_binder.py -p no:cacheprovider

# Every speed figure (explorer redraws in the kernel and in the browser, notebook run times and
# memory, optimizer steps vs torch.optim), measured in one run into benchmarks/RESULTS.md.
# BENCH_QUICK=1: one notebook, few repetitions, no browser (tests/test_bench.py runs that).
bench: $(VENV)/.dev
	$(PY) benchmarks/bench.py

# For teachers: nbgrader in its own venv (with the runtime pins and helpers, because autograding
# executes the submissions there). Each notebook is one nbgrader assignment; see tools/grading.py.
COURSE        ?= $(CURDIR)/nbgrader-course
$(NBGRADER_VENV)/.installed: requirements-nbgrader.txt requirements.txt pyproject.toml
	test -x $(NBGRADER_VENV)/bin/python || $(PYTHON) -m venv $(NBGRADER_VENV)
	$(NBGRADER_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(NBGRADER_VENV)/bin/python -m pip install --quiet -r requirements-nbgrader.txt
	$(NBGRADER_VENV)/bin/python -m pip install --quiet --no-deps -e .
	touch $@

# The student release: COURSE/release/NN_name/ (solutions and hidden tests removed, helpers/ beside).
student-release: $(NBGRADER_VENV)/.installed
	$(NBGRADER_VENV)/bin/python tools/grading.py release --course $(COURSE)
	@echo "Student release: $(COURSE)/release/"

# Score a folder of submissions laid out as SUBMITTED/STUDENT/NN_name/NN_name.ipynb: nbgrader
# autograde + generate_feedback + export (COURSE/grades.csv, COURSE/feedback/).
autograde: $(NBGRADER_VENV)/.installed
	@test -n "$(SUBMITTED)" || (echo "usage: make autograde SUBMITTED=path/to/submitted" && exit 2)
	$(NBGRADER_VENV)/bin/python tools/grading.py autograde $(SUBMITTED) --course $(COURSE)

clean:
	rm -rf $(VENV) $(NBGRADER_VENV) nbgrader-course build *.egg-info .pytest_cache .ruff_cache
