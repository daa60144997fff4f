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
CACHEDIR    ?= $(CURDIR)/cache
N           ?= 5000
PORT        ?= 8000
BIND        ?= 127.0.0.1
# Plain log lines: editor messages stay readable in narrow terminals and CI logs.
PELICANOPTS ?= --log-handler plain
# Pelican's reader cache: unchanged Markdown files are not parsed again.
# (All overrides go after a single -e: a second -e replaces the first.)
CACHE_OVERRIDES := CACHE_CONTENT=true LOAD_CONTENT_CACHE=true 'CONTENT_CACHING_LAYER="reader"' 'CACHE_PATH="$(CACHEDIR)"'
CACHEOPTS   := -e $(CACHE_OVERRIDES)

.PHONY: help html regenerate serve devserver publish check new import redaksi linkcheck bench docs clean test lint format lock venv

help:
	@echo 'make html        build the site into $(OUTPUTDIR) (development settings)'
	@echo 'make regenerate  rebuild on every change'
	@echo 'make serve       serve $(OUTPUTDIR) at http://$(BIND):$(PORT)/'
	@echo 'make devserver   rebuild on change and serve'
	@echo 'make publish     build with publishconf.py (absolute URLs from SITEURL)'
	@echo 'make check       check every release without writing the site'
	@echo 'make new TITLE="…" REGENCIES="…"   start a new release (draft)'
	@echo 'make import FILE=rilis.txt          import a scraped press release'
	@echo 'make redaksi     the browser admin for editors (REDAKSI_PORT, REDAKSI_COMMIT=1)'
	@echo 'make linkcheck   check every internal link of $(OUTPUTDIR)'
	@echo 'make bench N=5000   benchmark against stock Pelican'
	@echo 'make clean       remove $(OUTPUTDIR)'
	@echo 'make test        run the test suite'
	@echo 'make lint        ruff check and format check'

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

html: $(STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) $(CACHEOPTS)

regenerate: $(STAMP)
	$(PELICAN) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) $(CACHEOPTS)

serve: $(STAMP)
	$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS)

# Drafts and embargoed releases are shown (marked) at /draf/…; errors do not stop the server.
devserver: $(STAMP)
	WARTA_PREVIEW=1 WARTA_DEVSERVER=1 $(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS) $(CACHEOPTS)

# Atomic: build into a fresh folder beside OUTPUTDIR, swap it in only on success.
# A failed build leaves the published OUTPUTDIR exactly as it was.
publish: $(STAMP)
	@rm -rf "$(OUTPUTDIR).baru"
	@$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR).baru" -s "$(PUBLISHCONF)" $(PELICANOPTS) \
		-e $(CACHE_OVERRIDES) 'PREVIOUS_OUTPUT_PATH="$(OUTPUTDIR)"' \
		|| { rm -rf "$(OUTPUTDIR).baru"; echo "Situs publik di $(OUTPUTDIR) tidak diubah." >&2; exit 1; }
	@$(PY_NEWSROOM) -m newsroom.swap "$(OUTPUTDIR).baru" "$(OUTPUTDIR)"
	@echo "Diterbitkan: $(OUTPUTDIR)"

check: $(STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -e EDITORIAL_CHECK_ONLY=true

PY_NEWSROOM := PYTHONPATH="$(CURDIR)/plugins:$(CURDIR)" $(BIN)/python
NEWSROOM := $(PY_NEWSROOM) -m newsroom --settings "$(CONFFILE)" --content "$(INPUTDIR)"

new: $(STAMP)
	@$(NEWSROOM) new

import: $(STAMP)
	@$(NEWSROOM) import

# The browser admin (Decap CMS, vendored) and its local server, loopback only.
# REDAKSI_PORT (default 8001) picks the port; REDAKSI_COMMIT=1 commits each
# save (exactly the files it wrote).
redaksi: $(STAMP)
	@$(PY_NEWSROOM) -m newsroom.redaksi --settings "$(CONFFILE)" --content "$(INPUTDIR)" \
		$(if $(REDAKSI_PORT),--port $(REDAKSI_PORT)) \
		$(if $(filter 1 yes true,$(REDAKSI_COMMIT)),--commit)

# Benchmark against stock Pelican on N synthetic releases (default 5000).
bench: $(STAMP)
	@$(PY_NEWSROOM) -m benchmarks.run --n $(N)

# Every internal link, image, stylesheet and feed link of OUTPUTDIR resolves to a file.
linkcheck: $(STAMP)
	@$(PY_NEWSROOM) -m newsroom.linkcheck "$(OUTPUTDIR)" \
		--siteurl "$${WARTA_SITEURL:-https://warta.lkks-kalsel.or.id}" --siteurl http://127.0.0.1:8000

# Regenerate the generated tables of docs/panduan-editor.md (regencies, messages).
docs: $(STAMP)
	@$(PY_NEWSROOM) -m newsroom.guide

clean:
	rm -rf "$(OUTPUTDIR)"

# Debian packages the tests need, installed once: nginx (server test),
# chromium (browser tests, driven by Playwright with executable_path) and
# nodejs (runs the admin's format script, tests/test_redaksi_format.py).
TESTDEPS := $(VENV)/.testdeps
DEBIAN_TEST_PACKAGES := nginx-light chromium nodejs
$(TESTDEPS): $(STAMP)
	@missing=""; \
	{ command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx; } || missing="$$missing nginx-light"; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages for the tests:$$missing"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -qq --no-install-recommends $$missing >/dev/null 2>&1 || \
		{ apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; } || \
		echo "WARNING: could not install$$missing; the tests that need them will be skipped"; \
	fi
	@touch $@

test: $(STAMP) $(TESTDEPS)
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
