# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Ingest the seed article into ./timeline.db and list Putin's events.
demo: $(STAMP)
	$(BIN)/timeline ingest seeds/
	$(BIN)/timeline query --actor Putin

## Install with the test extra and run the whole test suite.
test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) timeline.db timeline.db-wal timeline.db-shm .pytest_cache
