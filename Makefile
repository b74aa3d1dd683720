# Everyday commands. `make demo` renders the demo workspace; `make test` runs the tests.
# Both install exactly the versions in requirements/*.txt (with their hashes), so a new release of
# a dependency changes nothing until `make upgrade` writes a new lock and the tests pass on it.
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
# uv uses the machine's python3 and never fetches an interpreter of its own.
export UV_PYTHON_DOWNLOADS := never
PIP := $(UV) pip install --quiet --python $(BIN)/python
EDITABLE := $(PIP) --no-deps --no-build-isolation -e .
COMPILE := $(UV) pip compile --quiet --universal --python-version 3.10 --generate-hashes \
	--custom-compile-command "make lock"

.PHONY: demo test lint bench system lock upgrade clean

system:
	@scripts/install-system-packages

# The installer itself comes pinned and hashed, through the pip that venv provides.
$(UV): requirements/bootstrap.txt | system
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/bootstrap.txt
	@touch $@

$(VENV)/.runtime: requirements/runtime.txt pyproject.toml setup.py | $(UV)
	$(PIP) --require-hashes -r requirements/runtime.txt
	$(EDITABLE)
	@touch $@

$(VENV)/.test: requirements/test.txt pyproject.toml setup.py | $(UV)
	$(UV) pip sync --quiet --python $(BIN)/python --require-hashes requirements/test.txt
	$(EDITABLE)
	@touch $@ $(VENV)/.runtime

demo: $(VENV)/.runtime
	$(BIN)/rapport build --notes

test: $(VENV)/.test
	@scripts/install-system-packages --test
	$(BIN)/pytest

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(VENV)/.test
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script; done

# Write the lock again from pyproject.toml's ranges, keeping every version that still fits them.
# The runtime set is constrained by the test set, so both name the same versions.
lock: | $(UV)
	$(COMPILE) $(UPGRADE) pyproject.toml requirements/tools.in --extra test -o requirements/test.txt
	$(COMPILE) $(UPGRADE) pyproject.toml requirements/tools.in -c requirements/test.txt \
		-o requirements/runtime.txt
	echo uv | $(COMPILE) $(UPGRADE) - -c requirements/test.txt -o requirements/bootstrap.txt

# Move every dependency to the newest version its range allows, then run the tests on them.
upgrade:
	$(MAKE) lock UPGRADE=--upgrade
	$(MAKE) test

clean:
	rm -rf $(VENV) output .rapport-cache
