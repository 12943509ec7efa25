#!/usr/bin/env bash
# Part of `make bench`: the search-quality figures of the embedded default (SQLite and Wagtail's
# database backend with the FTS5 trigram vocabulary) on the demo data, in a throw-away database.
# PostgreSQL (pg_trgm) and OpenSearch are scored in scripts/bench.sh. Figures in bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$(mktemp -d /tmp/portal-quality.XXXXXX)
trap 'rm -rf "$DIR"' EXIT
mkdir -p bench
export DATABASE_URL="sqlite:///$DIR/db.sqlite3" MEDIA_ROOT="$DIR/media" SEARCH_URL=""
echo "bench: search quality on SQLite (the demo data)"
.venv/bin/python manage.py migrate --noinput -v 0
.venv/bin/python manage.py load_demo_data >/dev/null
.venv/bin/python manage.py search_quality --engine database --json bench/search-quality-sqlite.json
