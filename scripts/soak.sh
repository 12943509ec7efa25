#!/usr/bin/env bash
# `make soak`: 50 simulated visitors for 3 minutes (browsing, searching, signing up, submitting
# profiles; scripts/soak/locustfile.py) against gunicorn with the production settings and 2
# workers, on a throw-away PostgreSQL, OpenSearch node and Redis filled with the demo data and
# seed_bench (20,000 businesses). A third of the way PostgreSQL restarts, two thirds of the way
# the search engine is killed. scripts/soak/report.py then checks the targets (exit 1 if one is
# missed) and writes bench/soak.json. SOAK_USERS and SOAK_SECONDS change the load and the length.
set -euo pipefail
cd "$(dirname "$0")/.."

# The wrappers install what is missing (apt-get) and export what a restart and a kill need.
if [ -z "${TEST_PGDATA:-}" ] || [ -z "${TEST_SEARCH_PID:-}" ] || [ -z "${CACHE_URL:-}" ]; then
  exec scripts/with-postgres.sh scripts/with-opensearch.sh scripts/with-redis.sh "$0"
fi

PY=.venv/bin/python
USERS=${SOAK_USERS:-50}
DURATION=${SOAK_SECONDS:-180}
export DJANGO_SETTINGS_MODULE=portal.settings.production
# Production refuses a short or simple key: a random one for this run.
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
export SECRET_KEY ALLOWED_HOSTS=127.0.0.1,localhost
export MEDIA_ROOT="$PWD/bench/soak-media" STATIC_ROOT="$PWD/bench/soak-static"
export SEARCH_URL="$TEST_SEARCH_URL" SEARCH_INDEX=soak-directory SEARCH_INDEX_PREFIX=soak-wagtail
export PORTAL_ADMIN_PASSWORD=soak EMAIL_URL=dummymail:// LOG_LEVEL=WARNING
SOAK_RUN=$(date +%s)
export SOAK_RUN
mkdir -p bench
rm -rf bench/soak-media bench/soak-requests.jsonl bench/soak-timeline.jsonl bench/soak_*.csv \
  bench/soak-gunicorn.log bench/soak.json

echo "soak: migrating PostgreSQL, loading the demo data, seeding 20,000 businesses"
$PY manage.py migrate --noinput -v 0
# ERROR: the search engine logs a warning for every page the demo data replaces.
LOG_LEVEL=ERROR $PY manage.py load_demo_data >/dev/null
$PY manage.py seed_bench --businesses 20000 --neighbourhoods 60 --programmes 200 --mentors 2000
$PY manage.py collectstatic --noinput -v 0
# The engine's 1 s timeout (search/engine.py) can trip while a busy machine fills the index;
# a second run starts a fresh index.
$PY manage.py rebuild_directory_index || $PY manage.py rebuild_directory_index
$PY scripts/soak/prepare.py 400

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.venv/bin/gunicorn portal.wsgi --workers 2 --bind "127.0.0.1:$PORT" >bench/soak-gunicorn.log 2>&1 &
GUNICORN=$!
trap 'kill "$GUNICORN" 2>/dev/null || true; wait "$GUNICORN" 2>/dev/null || true' EXIT
python3 - "$PORT" <<'PY'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/livez", timeout=2)
        break
    except OSError:
        time.sleep(0.2)
else:
    sys.exit("soak: gunicorn did not start, see bench/soak-gunicorn.log")
PY

event() { printf '{"event": "%s", "t": %s}\n' "$1" "$(date +%s.%N)" >>bench/soak-timeline.jsonl; }
as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# Fast shutdown ends every session, as a failover or a minor upgrade would; -w waits until the
# server accepts connections again; pg_ctl keeps the options it was started with.
chaos() {
  sleep $((DURATION / 3))
  event postgres_restart_begin
  as_postgres "$TEST_PGBIN/pg_ctl" -D "$TEST_PGDATA" -l "$(dirname "$TEST_PGDATA")/postgres.log" \
    -m fast -w restart >/dev/null
  event postgres_restart_end
  echo "soak: PostgreSQL restarted"
  sleep $((DURATION / 3))
  event search_killed
  kill -9 "$TEST_SEARCH_PID"
  echo "soak: OpenSearch killed"
}

echo "soak: $USERS visitors for $DURATION s against gunicorn on 127.0.0.1:$PORT (log: bench/soak-gunicorn.log)"
event start
chaos &
CHAOS=$!
# locust exits 1 on any failed request; the report decides what counts.
.venv/bin/locust -f scripts/soak/locustfile.py --headless --users "$USERS" --spawn-rate 10 \
  --run-time "${DURATION}s" --stop-timeout 120 --host "http://127.0.0.1:$PORT" \
  --csv bench/soak --only-summary --loglevel WARNING >bench/soak-locust.txt 2>&1 || true
wait "$CHAOS" || echo "soak: restarting PostgreSQL or killing OpenSearch failed"
event end
$PY scripts/soak/report.py
