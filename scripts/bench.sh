#!/usr/bin/env bash
# `make bench` after the matching benchmark: a throw-away PostgreSQL, OpenSearch node and Redis,
# filled with the demo data and seed_bench (100,000 businesses in 60 neighbourhoods, 200
# programmes, 2,000 mentors); then the directory search service on both engines, and the HTTP
# benchmark (scripts/bench_http.py: gunicorn with the production settings, wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DATABASE_URL:-}" ] || [ -z "${TEST_SEARCH_URL:-}" ] || [ -z "${CACHE_URL:-}" ]; then
  if ! command -v wrk >/dev/null 2>&1; then
    echo "bench: installing Debian's wrk (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends wrk >/dev/null
  fi
  exec scripts/with-postgres.sh scripts/with-opensearch.sh scripts/with-redis.sh "$0"
fi

PY=.venv/bin/python
mkdir -p bench
export DJANGO_SETTINGS_MODULE=portal.settings.production
# Production refuses a short or simple key: a random one for this run.
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
export SECRET_KEY ALLOWED_HOSTS=127.0.0.1,localhost
export MEDIA_ROOT="$PWD/bench/media" STATIC_ROOT="$PWD/bench/static"
export SEARCH_URL="$TEST_SEARCH_URL" SEARCH_INDEX=bench-directory SEARCH_INDEX_PREFIX=bench-wagtail
export PORTAL_ADMIN_PASSWORD=bench LOG_LEVEL=WARNING
rm -rf bench/media bench/gunicorn.log

echo "bench: migrating PostgreSQL, loading the demo data, seeding"
$PY manage.py migrate --noinput -v 0
$PY manage.py load_demo_data >/dev/null
echo "bench: search quality on PostgreSQL and OpenSearch (the demo data, before seeding)"
$PY manage.py rebuild_directory_index -v 0
$PY manage.py search_quality --engine database --engine opensearch --json bench/search-quality-postgresql.json
# BENCH_BUSINESSES makes a quicker trial run; the figures in docs/performance.md use 100,000.
SEED_START=$SECONDS
$PY manage.py seed_bench --businesses "${BENCH_BUSINESSES:-100000}" --neighbourhoods 60 --programmes 200 --mentors 2000
echo "bench: seed_bench took $((SECONDS - SEED_START)) s (target for 100,000 businesses: < 180 s)"
$PY manage.py collectstatic --noinput -v 0
$PY manage.py bench_directory --rebuild
$PY scripts/bench_http.py
