# Two entry points for a new machine: `make site` (build the archive website)
# and `make test` (run the whole test suite). Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test install install-test lint clean

$(BIN)/hemeroteca: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/hemeroteca

site: install
	$(BIN)/hemeroteca build

test: install
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest

clean:
	rm -rf site docs/articles docs/browse docs/index.md docs/.generated
