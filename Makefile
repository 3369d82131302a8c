PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test bench clean

$(BIN)/chronos: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,dask]'
	@touch $@

# bytecode written at install, as a wheel install does: no start-up compiles the sources
install: $(BIN)/chronos
	@$(BIN)/python -m compileall -q chronos

run: install
	$(BIN)/chronos check examples/ --fail-on never

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/throughput.py --limit 500
	$(BIN)/python bench/peers.py --limit 100
	$(BIN)/python bench/scaling_length.py
	$(BIN)/python bench/adversarial.py

clean:
	rm -rf $(VENV) rules/kb/.cache
