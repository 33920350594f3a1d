# The two commands a newcomer needs: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: run test lint demo clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@if pkg-config --exists gobject-introspection-1.0 cairo 2>/dev/null; then \
		$(BIN)/pip install --quiet -e '.[test,libfprint]'; \
	else \
		echo "Note: USB scanner support (libfprint via PyGObject) is not installed; for it:"; \
		echo "  apt-get install libgirepository1.0-dev libcairo2-dev pkg-config gir1.2-fprint-2.0 libfprint-2-2"; \
		echo "  rm $(STAMP) && make test"; \
	fi
	touch $(STAMP)

run: $(STAMP)
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ -n "$$QT_QPA_PLATFORM" ]; then \
		$(BIN)/zuil kiosk --simulate; \
	else \
		echo "No display found (neither DISPLAY nor WAYLAND_DISPLAY is set): running the scripted headless demo instead."; \
		$(BIN)/zuil demo; \
	fi

demo: $(STAMP)
	$(BIN)/zuil demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
