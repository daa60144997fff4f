# Warta LKKS — every target bootstraps .venv from the pins on first use.
# Paths may be overridden: make publish INPUTDIR=/abs/content OUTPUTDIR=/abs/out

PYTHON      ?= python3
# The server's hooks and timer share one environment between checkouts (VENV=…).
VENV        ?= $(CURDIR)/.venv
BIN         := $(VENV)/bin
STAMP       := $(VENV)/.installed
# Pelican's command line, but a plugin it cannot load stops the build
# (newsroom/strict_pelican.py): Pelican itself would build on without it.
PELICAN     := PYTHONPATH="$(CURDIR)" $(BIN)/python -m newsroom.strict_pelican

INPUTDIR    ?= $(CURDIR)/content
OUTPUTDIR   ?= $(CURDIR)/output
# The editor's preview (make html/devserver) never writes the published folder.
PREVIEWDIR  ?= $(CURDIR)/pratinjau
SERVEDIR    ?= $(PREVIEWDIR)
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

.PHONY: help html regenerate serve devserver publish rollback check new import redaksi linkcheck bench docs clean test lint format lock venv server-install

help:
	@echo 'make html        build a preview into $(PREVIEWDIR) (development settings)'
	@echo 'make regenerate  rebuild the preview on every change'
	@echo 'make serve       serve $(SERVEDIR) at http://$(BIND):$(PORT)/'
	@echo 'make devserver   rebuild the preview (with drafts) on change and serve'
	@echo 'make publish     build with publishconf.py into $(OUTPUTDIR), atomically'
	@echo 'make rollback    put the previous publish back (again: undo)'
	@echo 'make check       check every release without writing the site'
	@echo 'make new TITLE="…" REGENCIES="…"   start a new release (draft)'
	@echo 'make import FILE=rilis.txt          import a scraped press release'
	@echo 'make redaksi     the browser admin for editors (REDAKSI_PORT, REDAKSI_COMMIT=1)'
	@echo 'make linkcheck   check every internal link of $(OUTPUTDIR)'
	@echo 'make bench N=5000   benchmark against stock Pelican (REPEATS=3, BENCH_PHOTOS=0)'
	@echo 'make clean       remove $(PREVIEWDIR) and $(OUTPUTDIR)'
	@echo 'make test        run the test suite'
	@echo 'make lint        ruff check and format check'

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

# Every target that writes a site goes through newsroom.publish first: it
# refuses a folder that is not ours or is the other kind (publish/preview).
html: $(STAMP)
	@$(PUBLISHING) --preview --output "$(PREVIEWDIR)"
	$(PELICAN) "$(INPUTDIR)" -o "$(PREVIEWDIR)" -s "$(CONFFILE)" $(PELICANOPTS) $(CACHEOPTS)

regenerate: $(STAMP)
	@$(PUBLISHING) --preview --output "$(PREVIEWDIR)"
	$(PELICAN) -r "$(INPUTDIR)" -o "$(PREVIEWDIR)" -s "$(CONFFILE)" $(PELICANOPTS) $(CACHEOPTS)

# Serves the preview; SERVEDIR=output serves the published site instead.
serve: $(STAMP)
	$(PELICAN) -l "$(INPUTDIR)" -o "$(SERVEDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS)

# Drafts and embargoed releases are shown (marked) at /draf/…; errors do not stop the server.
devserver: $(STAMP)
	@WARTA_PREVIEW=1 $(PUBLISHING) --preview --output "$(PREVIEWDIR)"
	WARTA_PREVIEW=1 WARTA_DEVSERVER=1 $(PELICAN) -lr "$(INPUTDIR)" -o "$(PREVIEWDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS) $(CACHEOPTS)

# One entry point (newsroom/publish.py) for make, git hooks and timers: checks
# the folders, holds OUTPUTDIR.lock, builds beside OUTPUTDIR, checks links,
# swaps atomically, keeps the previous site as OUTPUTDIR.lama.
publish: $(STAMP)
	@$(PUBLISHING) --output "$(OUTPUTDIR)" --settings "$(PUBLISHCONF)" \
		$(if $(PUBLISH_LOCK_TIMEOUT),--lock-timeout "$(PUBLISH_LOCK_TIMEOUT)") -- $(PELICANOPTS)

rollback: $(STAMP)
	@$(PUBLISHING) --rollback --output "$(OUTPUTDIR)"

# With the reader cache, like html and publish: unchanged files are not read again.
check: $(STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -e $(CACHE_OVERRIDES) EDITORIAL_CHECK_ONLY=true

PY_NEWSROOM := PYTHONPATH="$(CURDIR)/plugins:$(CURDIR)" $(BIN)/python
PUBLISHING := $(PY_NEWSROOM) -m newsroom.publish --input "$(INPUTDIR)" --cache "$(CACHEDIR)"
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

# Benchmark against stock Pelican on N synthetic releases (default 5000), one
# in 25 with a phone photo; REPEATS=3 cold builds each side; BENCH_PHOTOS=0
# for the flat PNGs of earlier runs.
bench: $(STAMP)
	@$(PY_NEWSROOM) -m benchmarks.run --n $(N) $(if $(REPEATS),--repeats $(REPEATS)) \
		$(if $(filter 0 no false,$(BENCH_PHOTOS)),--no-photos)

# Every internal link, image, stylesheet and feed link of OUTPUTDIR resolves to a file.
linkcheck: $(STAMP)
	@$(PY_NEWSROOM) -m newsroom.linkcheck "$(OUTPUTDIR)" \
		--siteurl "$${WARTA_SITEURL:-https://warta.lkks-kalsel.or.id}" --siteurl http://127.0.0.1:8000

# Regenerate the generated tables of docs/panduan-editor.md (regencies, messages).
docs: $(STAMP)
	@$(PY_NEWSROOM) -m newsroom.guide

clean: $(STAMP)
	@$(PUBLISHING) --clean --preview --output "$(PREVIEWDIR)"
	@$(PUBLISHING) --clean --output "$(OUTPUTDIR)"

# The newsroom server on this Debian machine (as root): user, bare repository
# with checking and publishing hooks, systemd timer, nginx (docs/operasi.md).
server-install:
	bash deploy/install-server.sh

# Debian packages the tests need, installed once: nginx (server test),
# chromium (browser tests, driven by Playwright with executable_path),
# systemd (systemd-analyze verify of the publishing units) and nodejs (runs
# the admin's format script, tests/test_redaksi_format.py).
TESTDEPS := $(VENV)/.testdeps
DEBIAN_TEST_PACKAGES := nginx-light chromium systemd nodejs
$(TESTDEPS): $(STAMP)
	@missing=""; \
	{ command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx; } || missing="$$missing nginx-light"; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v systemd-analyze >/dev/null 2>&1 || missing="$$missing systemd"; \
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
