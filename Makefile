# Everything a fresh machine needs, from Python 3.11 up: `make site`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SYSTEM_DEPS := dot=graphviz "font:Noto Sans CJK=fonts-noto-cjk"
# The browser tests drive Debian's Chromium; they skip when it cannot be installed.
TEST_DEPS := chromium=chromium chromedriver=chromium-driver

BENCH_INSTALLED := $(VENV)/.installed-bench

.PHONY: site test screenshots system-deps bench bench-align bench-terms bench-site clean

site: $(INSTALLED) system-deps
	$(BIN)/triglot site

test: $(INSTALLED) system-deps
	@tools/system-deps.sh $(TEST_DEPS)
	$(BIN)/python -m pytest -q

# A full-page PNG of the article in each language: _build/screenshots/<language>.png.
screenshots: site
	@tools/system-deps.sh $(TEST_DEPS)
	$(BIN)/triglot screenshots

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $@

# Benchmarks print their figures; they read ../shared/bench and run the reference tools
# (NLTK's Gale-Church, translate-toolkit's pofilter) side by side in the same run.
bench: bench-align bench-terms bench-site

bench-align: $(BENCH_INSTALLED)
	$(BIN)/python -m triglot.bench.align

bench-terms: $(BENCH_INSTALLED)
	$(BIN)/python -m triglot.bench.terms

# Builds a copy of the project (nothing in the checkout changes), triglot against plain Sphinx.
bench-site: $(INSTALLED) system-deps
	$(BIN)/python -m triglot.bench.site

$(BENCH_INSTALLED): $(INSTALLED)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test,bench]'
	touch $@

system-deps:
	@tools/system-deps.sh $(SYSTEM_DEPS)

clean:
	rm -rf _build
