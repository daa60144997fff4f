# Warta LKKS — every target bootstraps .venv from the pins on first use.
# Paths may be overridden: make publish INPUTDIR=/abs/content OUTPUTDIR=/abs/out

PYTHON      ?= python3
VENV        := $(CURDIR)/.venv
BIN         := $(VENV)/bin
STAMP       := $(VENV)/.installed
PELICAN     := $(BIN)/pelican

INPUTDIR    ?= $(CURDIR)/content
OUTPUTDIR   ?= $(CURDIR)/output
CONFFILE    := $(CURDIR)/pelicanconf.py
PUBLISHCONF := $(CURDIR)/publishconf.py
PORT        ?= 8000
BIND        ?= 127.0.0.1
# Plain log lines: editor messages stay readable in narrow terminals and CI logs.
PELICANOPTS ?= --log-handler plain

.PHONY: help html regenerate serve devserver publish clean test lint format lock venv

help:
	@echo 'make html        build the site into $(OUTPUTDIR) (development settings)'
	@echo 'make regenerate  rebuild on every change'
	@echo 'make serve       serve $(OUTPUTDIR) at http://$(BIND):$(PORT)/'
	@echo 'make devserver   rebuild on change and serve'
	@echo 'make publish     build with publishconf.py (absolute URLs from SITEURL)'
	@echo 'make clean       remove $(OUTPUTDIR)'
	@echo 'make test        run the test suite'
	@echo 'make lint        ruff check and format check'

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

html: $(STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

regenerate: $(STAMP)
	$(PELICAN) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(STAMP)
	$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS)

devserver: $(STAMP)
	$(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS)

publish: $(STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS)

clean:
	rm -rf "$(OUTPUTDIR)"

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTESTOPTS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-resolve the pins after editing pyproject.toml (needs the network).
lock:
	rm -rf $(CURDIR)/.lockvenv && $(PYTHON) -m venv $(CURDIR)/.lockvenv
	$(PYTHON) -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; print('\n'.join(p['dependencies'] + p['optional-dependencies']['dev']))" > $(CURDIR)/.lockvenv/direct.txt
	$(CURDIR)/.lockvenv/bin/pip install --quiet -r $(CURDIR)/.lockvenv/direct.txt
	{ sed -n '1,2p' requirements.lock; $(CURDIR)/.lockvenv/bin/pip freeze; } > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf $(CURDIR)/.lockvenv
