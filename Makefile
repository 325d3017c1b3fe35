# Everything a fresh machine needs, from Python 3.11 up: `make site`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SYSTEM_DEPS := dot=graphviz "font:Noto Sans CJK=fonts-noto-cjk"

.PHONY: site test system-deps bench bench-align clean

site: $(INSTALLED) system-deps
	$(BIN)/triglot site

test: $(INSTALLED) system-deps
	$(BIN)/python -m pytest -q

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $@

system-deps:
	@tools/system-deps.sh $(SYSTEM_DEPS)

clean:
	rm -rf _build
