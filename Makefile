# Everything a fresh machine needs, from Python 3.11 up: `make site`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SYSTEM_DEPS := dot=graphviz "font:Noto Sans CJK=fonts-noto-cjk"
# The browser tests drive Debian's Chromium; they skip when it cannot be installed. The
# catalog tests check triglot's catalogs with GNU gettext's own msgfmt and msgmerge.
TEST_DEPS := chromium=chromium chromedriver=chromium-driver msgfmt=gettext npm=npm
# The browser checks' JavaScript, pinned in package-lock.json: axe-core for the test suite
# (npm ci --omit=dev), Lighthouse too for `make lighthouse` (a dev dependency).
NODE_TEST := node_modules/.installed-test
NODE_ALL := node_modules/.installed-all

BENCH_INSTALLED := $(VENV)/.installed-bench
# The adoption benchmark builds a project that pins its own Sphinx (8.2): a venv of its own.
ADOPT_VENV := .venv-adopt
ADOPT_INSTALLED := $(ADOPT_VENV)/.installed
# The suite on the Sphinx the Python docs pin (8.2): a venv of its own, not in `make test`.
SPHINX8_VENV := .venv-sphinx8
SPHINX8_INSTALLED := $(SPHINX8_VENV)/.installed

.PHONY: site test strict lint coverage screenshots lighthouse node-test system-deps bench \
	bench-align bench-terms bench-site bench-catalog bench-adopt test-sphinx8 clean

site: $(INSTALLED) system-deps
	$(BIN)/triglot site

test: $(INSTALLED) system-deps lint strict
	@tools/system-deps.sh $(TEST_DEPS)
	@$(MAKE) --no-print-directory node-test
	$(BIN)/python -m pytest -q

# axe-core for the accessibility tests; without npm they skip.
node-test:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NODE_TEST); \
	else echo "warning: no npm; the accessibility tests will skip"; fi

$(NODE_TEST): package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

$(NODE_ALL): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@ $(NODE_TEST)

# The site as CI must accept it: each language built alone from a fresh environment with
# -W (a wrong term, a broken translation, a false diagram claim fail it at their file:line),
# and the terminology report as SARIF for code scanning (printed as text when it fails).
STRICT := _build/strict
LANGUAGES := en ja pt_BR
strict: $(INSTALLED) system-deps
	rm -rf $(STRICT)
	@status=0; for language in $(LANGUAGES); do \
	  echo "strict build: $$language"; \
	  $(BIN)/sphinx-build -W --keep-going -q -b html -c . -D language=$$language \
	    -d $(STRICT)/doctrees/$$language docs $(STRICT)/$$language || status=1; \
	done; \
	echo "strict check: $(STRICT)/triglot.sarif"; \
	$(BIN)/triglot check --fail-on warning --format sarif --output $(STRICT)/triglot.sarif \
	  || { $(BIN)/triglot check --fail-on warning; status=1; }; \
	exit $$status

# ruff (rules in pyproject.toml) over the whole tree, and mypy over the package.
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/mypy

# The suite under coverage (the site's child builds included): branch coverage per module.
coverage: $(INSTALLED) system-deps
	@tools/system-deps.sh $(TEST_DEPS)
	rm -f .coverage .coverage.*
	$(BIN)/python -m coverage run -m pytest -q
	$(BIN)/python -m coverage combine -q
	$(BIN)/python -m coverage report

# Full-page PNGs of the article in each language, at 1280 and 390 px, light and dark:
# _build/screenshots/<language>-<width>-<scheme>.png.
screenshots: site
	@tools/system-deps.sh $(TEST_DEPS)
	$(BIN)/triglot screenshots --page iis-aspnet --width 1280 --width 390 --scheme light \
	  --scheme dark

# Lighthouse (pinned in package-lock.json) on the Japanese article, served from the built
# site: the accessibility, SEO and best-practices scores, and what keeps each below 100.
lighthouse: site $(NODE_ALL)
	@tools/system-deps.sh $(TEST_DEPS)
	$(BIN)/python -m triglot.lighthouse --page ja/iis-aspnet.html --require accessibility=98 \
	  --require seo=95 --require best-practices=100

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $@

# Benchmarks print their figures; they read ../shared/bench and run the reference tools
# (NLTK's Gale-Church, translate-toolkit's pofilter) side by side in the same run.
bench: bench-align bench-terms bench-site bench-catalog bench-adopt

# this project's own document pairs, scored beside the benchmark's
SEEDS := ../shared/seeds
ALIGN_PAIRS := --pair ja $(SEEDS)/iis-aspnet.en.txt $(SEEDS)/iis-aspnet.ja.txt \
	$(SEEDS)/iis-aspnet.en-ja.gold --pair pt $(SEEDS)/iis-aspnet.en.txt \
	$(SEEDS)/iis-aspnet.pt-BR.txt $(SEEDS)/iis-aspnet.en-pt-BR.gold

bench-align: $(BENCH_INSTALLED)
	$(BIN)/python -m triglot.bench.align $(ALIGN_PAIRS)

bench-terms: $(BENCH_INSTALLED)
	$(BIN)/python -m triglot.bench.terms

# Builds a copy of the project (nothing in the checkout changes), triglot against plain Sphinx.
bench-site: $(INSTALLED) system-deps
	$(BIN)/python -m triglot.bench.site

# Imports the Python tutorial's real catalogs rendered back into documents (in a copy).
bench-catalog: $(INSTALLED)
	$(BIN)/python -m triglot.bench.catalog

# triglot on CPython's tutorial with its ja and pt_BR catalogs, against plain Sphinx (in a copy).
bench-adopt: $(ADOPT_INSTALLED)
	$(ADOPT_VENV)/bin/python -m triglot.bench.adopt

$(ADOPT_INSTALLED): pyproject.toml constraints-adopt.txt
	test -x $(ADOPT_VENV)/bin/python || $(PYTHON) -m venv $(ADOPT_VENV)
	$(ADOPT_VENV)/bin/python -m pip install -q -c constraints-adopt.txt -e '.[bench-adopt]'
	touch $@

# The suite again on Sphinx 8.2 (the oldest Sphinx triglot supports, and the one the Python
# documentation pins), with the adoption test on the Python tutorial fixture, which needs it.
test-sphinx8: $(SPHINX8_INSTALLED) system-deps
	@tools/system-deps.sh $(TEST_DEPS)
	$(SPHINX8_VENV)/bin/python -m pytest -q

# The development set (constraints.txt), then Sphinx 8.2 and what it needs in its place
# (constraints-adopt.txt, with the fixture's theme and extensions).
$(SPHINX8_INSTALLED): pyproject.toml constraints.txt constraints-adopt.txt
	test -x $(SPHINX8_VENV)/bin/python || $(PYTHON) -m venv $(SPHINX8_VENV)
	$(SPHINX8_VENV)/bin/python -m pip install -q -c constraints.txt -e '.[test]'
	$(SPHINX8_VENV)/bin/python -m pip install -q -c constraints-adopt.txt -e '.[bench-adopt]'
	touch $@

$(BENCH_INSTALLED): $(INSTALLED)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test,bench]'
	touch $@

system-deps:
	@tools/system-deps.sh $(SYSTEM_DEPS)

clean:
	rm -rf _build .coverage .coverage.*
