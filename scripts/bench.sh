#!/usr/bin/env bash
# `make bench` after the matching benchmark: a throw-away PostgreSQL, OpenSearch node and Redis,
# filled with the demo data and seed_bench (100,000 businesses in 60 neighbourhoods, 200
# programmes, 2,000 mentors); then the directory search service on both engines, and the HTTP
# benchmark (scripts/bench_http.py: gunicorn with the production settings, wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

if [ -z "${DATABASE_URL:-}" ] || [ -z "${TEST_SEARCH_URL:-}" ] || [ -z "${CACHE_URL:-}" ]; then
  apt_install_missing bench wrk
  exec scripts/with-postgres.sh scripts/with-opensearch.sh scripts/with-redis.sh "$0"
fi

mkdir -p bench
production_env bench bench/media bench/static
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
