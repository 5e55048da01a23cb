# Two commands on a fresh machine with Python 3.11+:  `make run`  and  `make test`.
# Both create .venv on first use and install from the lock (uv.lock, with hashes) whenever
# uv.lock or pyproject.toml changes: `make run` only what the app needs, `make test` the test
# tools as well. `make lock` refreshes the lock (see scripts/lock.py).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PORT   ?= 8501
# uv installs from the lock; this exact version is installed into the venv by pip.
UV_VERSION = 0.13.9
UV      = $(BIN)/uv
# --frozen: install exactly what uv.lock says (never re-resolve); --inexact: leave anything
# else in the venv alone (`make run` after `make test` keeps the test tools).
SYNC    = UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --inexact --no-dev --quiet

.PHONY: run test lint typecheck lock lock-check bench bench-quick clean

$(UV):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet 'uv==$(UV_VERSION)'

$(VENV)/.run-installed: uv.lock pyproject.toml | $(UV)
	$(SYNC)
	touch $@

$(VENV)/.test-installed: uv.lock pyproject.toml | $(UV)
	$(SYNC) --extra test
	touch $@

run: $(VENV)/.run-installed  ## set up and start the app on http://127.0.0.1:$(PORT)
	$(BIN)/offer-compass --port $(PORT)

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check calculator app.py app_pages tests bench scripts

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

test: lint typecheck  ## set up and run every check: ruff, mypy --strict, pytest (unit, property, AppTest, browser, notebook, wheel)
	$(BIN)/python -m pytest -n 2 --nbmake notebooks tests calculator app_pages

lock: | $(UV)  ## refresh uv.lock to the newest versions and raise pyproject's floors to them
	$(BIN)/python scripts/lock.py --uv $(UV)

lock-check: | $(UV)  ## fail when uv.lock no longer matches pyproject.toml (CI)
	$(UV) lock --check --quiet

bench: $(VENV)/.test-installed  ## full benchmark: medians over repeated runs
	$(BIN)/python -m bench

bench-quick: $(VENV)/.test-installed  ## the same figures, fewer repeats (CI)
	$(BIN)/python -m bench --quick

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
