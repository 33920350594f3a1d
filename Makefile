# The two commands a newcomer needs: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: run test test-loaded lint demo clean lupdate

# The screens' translations: .ts sources in git (kept current with `make lupdate`), .qm compiled here for Qt.
TS = $(wildcard kiosk/ui/translations/zuil_*.ts)
QM = $(TS:.ts=.qm)

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

# With no usable display (none set, no server behind it, missing Qt libraries) zuil says why and runs the demo.
run: $(STAMP) $(QM)
	$(BIN)/zuil kiosk --simulate

demo: $(STAMP)
	$(BIN)/zuil demo

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# The same tests while two CPU hogs run (stopped afterwards, also on failure): the simulator must keep
# real-module timing under load. E.g. `make test-loaded PYTEST_ARGS=tests/drivers`.
test-loaded: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.cpu_hogs $(PYTEST_ARGS)

%.qm: %.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing a screen's text: add new source strings to every .ts (translators then fill them in).
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete kiosk/ui -ts $(TS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis $(QM)
