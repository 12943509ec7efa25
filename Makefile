# The two commands a newcomer needs: `make run` and `make test`. Both install what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test suites lint bench soak install assets messages catalogues chromium clean

## run: install, build assets, migrate SQLite, load demo data, serve at http://127.0.0.1:8000
run: install assets
	@echo "run: migrating the SQLite database in var/"
	$(BIN)/python manage.py migrate --noinput -v 0
	@mkdir -p var
	@test -s var/admin-password || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(12))" > var/admin-password
	@echo "run: loading demo data"
	@PORTAL_ADMIN_PASSWORD=$${PORTAL_ADMIN_PASSWORD:-$$(cat var/admin-password)} $(BIN)/python manage.py load_demo_data
	@echo ""
	@echo "  Portaal:  http://$(HOST):$(PORT)/        (English: http://$(HOST):$(PORT)/en/)"
	@echo "  Beheer:   http://$(HOST):$(PORT)/admin/  gebruiker: admin  wachtwoord: $${PORTAL_ADMIN_PASSWORD:-$$(cat var/admin-password)}"
	@echo "  Ondernemer: http://$(HOST):$(PORT)/account/login/  e-mail: ondernemer@example.nl  (zelfde wachtwoord)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## test: install, build assets, install Chromium if missing, start a throw-away OpenSearch node,
## and run the whole suite on SQLite and on a throw-away PostgreSQL
test: install assets chromium
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/lint-imports
	scripts/with-opensearch.sh $(MAKE) --no-print-directory suites

# The browser tests walk the journeys once, on PostgreSQL as production runs; everything else runs
# on both databases.
suites:
	@echo "test: the suite on SQLite, without the browser tests"
	$(BIN)/pytest -n 2 -m "not browser"
	@echo "test: the whole suite on PostgreSQL, with the browser tests"
	scripts/with-postgres.sh $(BIN)/pytest -n 2

## bench: benchmarks: the matching engine; search quality (recall@10 and MRR of the query set in
## search/quality/queries.tsv on the demo data) on SQLite, PostgreSQL and OpenSearch; then, on a throw-away PostgreSQL, OpenSearch and Redis
## filled by seed_bench (100,000 businesses), the directory search on both engines and every
## main page through gunicorn and wrk (scripts/bench.sh); figures in bench/results.json
bench: install assets
	$(BIN)/python manage.py bench_matching
	scripts/search-quality.sh
	scripts/bench.sh

## soak: 50 simulated visitors for 5 minutes (browsing, searching, sign-ups, profile submissions)
## through nginx in front of two gunicorn instances, with two task workers and a mail server, on a
## throw-away PostgreSQL, OpenSearch and Redis with 20,000 businesses; the mail server stops for
## 60 s, PostgreSQL restarts, one app instance and OpenSearch are killed (scripts/soak.sh); exits
## 1 when a target is missed (5xx, lost or half-saved records, a mail lost or sent twice, no
## fallback, uncompressed text); figures in bench/soak.json
soak: install assets
	scripts/soak.sh

## lint: ruff, and import-linter's contracts (the layers of docs/architecture.md)
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	@echo "install: Python packages into $(VENV) (pinned by constraints.txt)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	@echo "install: npm packages (NL Design System CSS, axe-core)"
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## assets: NL Design System CSS into static files, compiled translations
assets: node_modules/.installed messages
	npm run --silent build

messages: install
	@command -v msgfmt >/dev/null || { echo "install: gettext (msgfmt) with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; }
	$(BIN)/python manage.py compilemessages -v 0 --ignore=.venv --ignore=node_modules

## catalogues: read the interface strings from the source into locale/{en,tr,ar}/; then
## translate the empty msgstr entries (tests/home/test_translations.py fails on any left)
catalogues: install
	$(BIN)/python manage.py makemessages -l en -l tr -l ar --no-obsolete --ignore=tests \
		--ignore=test-artefacts --ignore=node_modules --ignore=var --ignore=bench --ignore=static_collected

chromium:
	scripts/ensure-chromium.sh

clean:
	rm -rf var static_collected portal/static/vendor node_modules/.installed
