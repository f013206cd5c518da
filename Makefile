# Quick start: `make run` (pipeline on seeds/ into outputs/), `make test`, `make lab`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lab lint format requirements clean

# (Re)build the virtual environment when it is missing or requirements.txt / pyproject.toml changed.
$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m helpers.run --input-dir seeds --output-dir outputs

test: $(STAMP)
	$(PY) -m pytest

lab: $(STAMP)
	$(PY) -m helpers.lab

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests notebooks
	$(VENV)/bin/ruff format --check src tests notebooks

format: $(STAMP)
	$(VENV)/bin/ruff format src tests notebooks

# Re-pin the environment from pyproject.toml (keeps the pins that still fit; add --upgrade to move on).
requirements: $(STAMP)
	CUSTOM_COMPILE_COMMAND="make requirements" $(VENV)/bin/pip-compile --quiet --extra dev --extra lab \
		--extra dask --no-emit-find-links --no-emit-index-url --strip-extras --output-file requirements.txt \
		pyproject.toml

clean:
	rm -rf outputs outputs.staging outputs.failed outputs-lab
