# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast lint fmt typecheck bench install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Ingest the seed article as given (dated by its sidecar seeds/*.meta.yaml) into ./timeline.db and list Putin's events.
demo: $(STAMP)
	$(BIN)/timeline --db timeline.db ingest seeds/
	$(BIN)/timeline --db timeline.db query --actor Putin

## Install with the test extra, check lint and types, run the whole test suite.
test: lint typecheck
	$(BIN)/python -m pytest -q

## The tests that need neither the spaCy model nor a database server.
test-fast: $(STAMP)
	TIMELINE_TEST_POSTGRES_URL= $(BIN)/python -m pytest -q -m "not spacy"

## ruff: lint (with the complexity limit) and formatting, checked, not changed.
lint: $(STAMP)
	$(BIN)/ruff check alembic timeline tests benchmarks
	$(BIN)/ruff format --check alembic timeline tests benchmarks

## Rewrite the tree in the project's format and apply safe lint fixes.
fmt: $(STAMP)
	$(BIN)/ruff format alembic timeline tests benchmarks
	$(BIN)/ruff check --fix alembic timeline tests benchmarks

## mypy over the package (configuration and baseline in pyproject.toml).
typecheck: $(STAMP)
	$(BIN)/mypy

## The benchmarks that run on this machine's data (see BENCHMARKS.md for each).
bench: $(STAMP)
	$(BIN)/python benchmarks/seed.py
	$(BIN)/python benchmarks/events.py
	$(BIN)/python benchmarks/tempeval3.py
	$(BIN)/python benchmarks/checklist.py
	$(BIN)/python benchmarks/merging.py
	$(BIN)/python benchmarks/report_dates.py
	$(BIN)/python benchmarks/pubdate.py
	$(BIN)/python benchmarks/boilerplate.py

clean:
	rm -rf $(VENV) timeline.db timeline.db-wal timeline.db-shm .pytest_cache
