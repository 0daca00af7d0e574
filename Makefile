# Set-up lives here: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: run serve test test-fast test-repeat lint fmt bench data clean screenshot

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(STAMP_RUN): requirements.txt pyproject.toml | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps -e .
	touch $@

$(STAMP_DEV): requirements-dev.txt requirements.txt $(STAMP_RUN)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

# Python's bytecode cache goes outside the tree: running the app writes nothing into it.
run serve: export PYTHONPYCACHEPREFIX := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/kursk-claims-map/pycache

# serve.py mounts app.py plus the app's own routes (exports, previews, Leaflet, /ready).
run: $(STAMP_RUN)
	$(PY) -m streamlit run serve.py --server.port $(PORT) --server.address 0.0.0.0

# REPLICAS `streamlit run` processes on loopback ports behind HAProxy on PORT (deploy/).
REPLICAS ?= 2
serve: $(STAMP_RUN)
	$(PY) -m deploy.cluster --replicas $(REPLICAS) --port $(PORT)

lint: $(STAMP_DEV)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

fmt: $(STAMP_DEV)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# pytest exits 5 when it collected no test: that is a failure here, not a pass.
pytest = $(PY) -m pytest -q $(1); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "no tests collected: failing"; exit 1; fi; exit $$rc

# Tests run in parallel workers, one test file per worker at a time (a file's app server
# or cluster is started once): most of a browser test is waiting on a page or a server,
# so three workers keep two cores busy.
WORKERS ?= 3
export PYTEST_ARGS ?= -n $(WORKERS) --dist loadfile

# Every test: unit, app, doctests, browser and cluster (needs chromium and haproxy).
test: lint $(STAMP_DEV)
	$(call pytest,$(PYTEST_ARGS))

# The same without a browser (unit, app and doctests): about a minute.
test-fast: lint $(STAMP_DEV)
	$(call pytest,$(PYTEST_ARGS) --ignore=tests/browser)

# The whole suite N times on a fresh clone of HEAD; lists every test that did not pass
# each time (tests/repeat.py). Commit first: the clone has only what is committed.
N ?= 3
test-repeat: $(STAMP_DEV)
	$(PY) -m tests.repeat --runs $(N)

bench: $(STAMP_DEV)
	$(PY) -m bench.pageload

# Rebuild data/ from the raw inputs (Natural Earth, GeoNames, settlement research), named
# on the command line: nothing outside the repository is assumed. GAZETTEER=RU.zip places
# more settlements. See data/README.md.
data: $(STAMP_RUN)
	@test -n "$(SOURCE_DIR)" -a -n "$(SETTLEMENTS_DIR)" || { \
		echo "make data needs SOURCE_DIR=<raw inputs> SETTLEMENTS_DIR=<settlement tables>"; \
		echo "(see data/README.md)"; exit 2; }
	$(PY) -m geo.build_data $(SOURCE_DIR) --settlements $(SETTLEMENTS_DIR) \
		$(if $(GAZETTEER),--gazetteer $(GAZETTEER))

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

screenshot: $(STAMP_DEV)
	$(PY) -m tests.browser.screenshot docs
