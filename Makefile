# plangraph: `make build` and `make test` work on a fresh machine with python3 and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: build test lint typecheck unit browser-deps bench docs cog clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

## build: create .venv, install plangraph, build the seed graph into out/
build: $(PY)
	$(PY) -m pip install --quiet .
	$(BIN)/plangraph build

## test: install the test extras and run lint, types and the whole suite
test: $(PY)
	$(PY) -m pip install --quiet ".[test]"
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-virtuoso.sh
	$(MAKE) lint typecheck unit

lint:
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck:
	$(BIN)/mypy

unit:
	$(BIN)/pytest

## bench: default build (wall, CPU, peak of one process and of all), bulk load and query timings for 3, 100, 1,000 and 10,000 plans, growth ratios (BENCH_SIZES=3,100,1000 for fewer; BENCH_SIZES=10000 measures 1,000 too; BENCH_TASKS=25-31 for 16 MB of text per 1,000 plans)
bench: $(PY)
	$(PY) -m pip install --quiet .
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/stages.py

## docs: regenerate the ontology's HTML documentation (docs/ontology/) with pyLODE
docs: $(PY)
	$(PY) -m pip install --quiet ".[test]"
	$(PY) scripts/ontology_docs.py

## cog: regenerate the README's shown output by running the commands it shows (scripts/readme_cog.py)
cog: $(PY)
	$(PY) -m pip install --quiet ".[test]"
	$(PY) scripts/readme_cog.py

clean:
	rm -rf out build dist .pytest_cache .mypy_cache .ruff_cache
