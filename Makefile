# Everyday commands. `make demo` renders the demo workspace; `make test` runs the tests.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench system clean

system:
	@scripts/install-system-packages

$(BIN)/python:
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: pyproject.toml setup.py | system $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.test: pyproject.toml setup.py | system $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.runtime

demo: $(VENV)/.runtime
	$(BIN)/rapport build --notes

test: $(VENV)/.test
	$(BIN)/pytest

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(VENV)/.test
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script; done

clean:
	rm -rf $(VENV) output .rapport-cache
