# The two commands of the README. Both are idempotent.
#   make demo  - install, import the demo mailbox into the embedded SQLite hub, serve the web inbox
#   make test  - install everything, start the services the tests need, run the whole suite

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

.PHONY: demo test install services clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

demo: install
	$(BIN)/hub demo

services:
	bash scripts/test-services.sh

# pytest exits 5 when it collected no tests: that is a failure here, not a pass.
test: install services
	$(BIN)/python -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

clean:
	bash scripts/dovecot.sh stop || true
	rm -rf $(VENV) var
