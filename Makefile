# Set-up lives here: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: run test lint fmt bench data static clean screenshot

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(STAMP_RUN): requirements.txt | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(STAMP_DEV): requirements-dev.txt requirements.txt $(STAMP_RUN)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

static: $(STAMP_RUN)
	$(PY) -m components.static_assets

run: static
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.address 0.0.0.0

lint: $(STAMP_DEV)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

fmt: $(STAMP_DEV)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# pytest exits 5 when it collected no test: that is a failure here, not a pass.
test: lint static
	$(PY) -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected: failing"; exit 1; fi; exit $$rc

bench: static $(STAMP_DEV)
	$(PY) bench/pageload.py

# Rebuild data/ from the raw inputs (Natural Earth, GeoNames, settlement research);
# GAZETTEER=RU.zip places more settlements. See data/README.md.
data: $(STAMP_RUN)
	$(PY) -m geo.build_data $(or $(SOURCE_DIR),../shared/data) \
		--settlements $(or $(SETTLEMENTS_DIR),../shared/research/settlements) \
		$(if $(GAZETTEER),--gazetteer $(GAZETTEER))

clean:
	rm -rf $(VENV) static/leaflet .pytest_cache .ruff_cache

screenshot: static $(STAMP_DEV)
	$(PY) -m tests.browser.screenshot docs
