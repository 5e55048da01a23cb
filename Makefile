# Two commands on a fresh machine with Python 3.11:  `make run`  and  `make test`.
# Both create .venv on first use and reinstall when pyproject.toml changes.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PORT   ?= 8501

.PHONY: run test lint typecheck bench bench-quick clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/.installed  ## set up and start the app on http://localhost:$(PORT)
	$(BIN)/streamlit run app.py --server.port $(PORT)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check calculator app.py app_pages tests bench scripts

typecheck: $(BIN)/.installed
	$(BIN)/mypy

test: lint typecheck  ## set up and run every check: ruff, mypy --strict, pytest (unit, property, AppTest, browser, notebook)
	$(BIN)/python -m pytest -n 2 --nbmake notebooks tests calculator app_pages

bench: $(BIN)/.installed  ## full benchmark: medians over repeated runs
	$(BIN)/python -m bench

bench-quick: $(BIN)/.installed  ## the same figures, fewer repeats (CI)
	$(BIN)/python -m bench --quick

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
