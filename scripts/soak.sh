#!/usr/bin/env bash
# `make soak`: 50 simulated visitors for 5 minutes (browsing, searching, signing up, submitting
# profiles; scripts/soak/locustfile.py) against production as docs/deploy.md describes it: nginx
# (scripts/soak/nginx.conf) in front of two gunicorn instances with 2 workers each, two
# `db_worker` processes, a mail server (aiosmtpd, scripts/soak/mailsink.py), and a throw-away
# PostgreSQL, OpenSearch node and Redis filled with the demo data and seed_bench (20,000
# businesses). On the way the mail server stops for 60 s, PostgreSQL restarts, one gunicorn
# instance is killed (kill -9) and the search engine is killed. After the run the workers send
# what waits; scripts/soak/report.py then checks the targets (exit 1 if one is missed), counts
# the mails, asks Lighthouse whether the pages come compressed through nginx, and writes
# bench/soak.json. SOAK_USERS and SOAK_SECONDS change the load and the length.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# The wrappers install what is missing (apt-get) and export what a restart and a kill need.
if [ -z "${TEST_PGDATA:-}" ] || [ -z "${TEST_SEARCH_PID:-}" ] || [ -z "${CACHE_URL:-}" ]; then
  apt_install_missing soak nginx
  scripts/ensure-chromium.sh >/dev/null  # Lighthouse drives Debian's Chromium
  exec scripts/with-postgres.sh scripts/with-opensearch.sh scripts/with-redis.sh "$0"
fi

USERS=${SOAK_USERS:-50}
DURATION=${SOAK_SECONDS:-300}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
SMTP_PORT=$(free_port)
production_env soak bench/soak-media bench/soak-static
export EMAIL_URL="smtp://127.0.0.1:$SMTP_PORT" EMAIL_TIMEOUT=5
# Retries sooner than production's (30 s, 2 min, ...), so that mail held up by the 60 s outage
# is sent within the soak: 5 + 10 + 20 + 40 s bridge it.
export TASK_RETRY_DELAYS=5,10,20,40,80,160
# The visitors stand for a load balancer (it sets X-Forwarded-For and -Proto) in front of nginx.
export TRUSTED_PROXY_COUNT=2
SOAK_RUN=$(date +%s)
export SOAK_RUN
mkdir -p bench
rm -rf bench/soak-media bench/soak-requests.jsonl bench/soak-timeline.jsonl bench/soak_*.csv \
  bench/soak-gunicorn*.log bench/soak-worker.log bench/soak-mail.jsonl bench/soak-nginx \
  bench/soak-lighthouse-*.json bench/soak.json

echo "soak: migrating PostgreSQL, loading the demo data, seeding ${SOAK_BUSINESSES:-20000} businesses"
$PY manage.py migrate --noinput -v 0
# ERROR: the search engine logs a warning for every page the demo data replaces.
LOG_LEVEL=ERROR $PY manage.py load_demo_data >/dev/null
$PY manage.py seed_bench --businesses "${SOAK_BUSINESSES:-20000}" --neighbourhoods 60 --programmes 200 --mentors 2000
$PY manage.py collectstatic --noinput -v 0
# Filling the index waits longer than a visitor's search (1 s, search/engine.py): on a busy
# machine the bulk requests take seconds.
SEARCH_TIMEOUT=30 $PY manage.py rebuild_directory_index
$PY scripts/soak/prepare.py 400

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  [ -f bench/soak-nginx/nginx.pid ] && kill "$(cat bench/soak-nginx/nginx.pid)" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
wait_for() {  # host:port path
  python3 - "$1" "$2" <<'PY'
import sys, time, urllib.request
for _ in range(150):
    try:
        urllib.request.urlopen(f"http://{sys.argv[1]}{sys.argv[2]}", timeout=2)
        sys.exit(0)
    except OSError:
        time.sleep(0.2)
sys.exit(f"soak: nothing answers at {sys.argv[1]}{sys.argv[2]}")
PY
}
start_mail() {
  .venv/bin/python scripts/soak/mailsink.py "$SMTP_PORT" bench/soak-mail.jsonl &
  MAIL=$!
  PIDS+=("$MAIL")
  python3 -c "
import socket, sys, time
for _ in range(100):
    try:
        socket.create_connection(('127.0.0.1', $SMTP_PORT), 1).close(); sys.exit(0)
    except OSError: time.sleep(0.1)
sys.exit('soak: the mail server did not start')"
}
# Each instance in a process group of its own, so that a kill takes its master and workers.
APP_PORTS=("$(free_port)" "$(free_port)")
APPS=()
for n in 0 1; do
  setsid .venv/bin/gunicorn portal.wsgi --workers 2 --bind "127.0.0.1:${APP_PORTS[$n]}" \
    >"bench/soak-gunicorn-$n.log" 2>&1 &
  APPS+=("$!")
  PIDS+=("$!")
done
# Two workers, each started again when it exits, as systemd's Restart=always does
# (docs/deploy.md): db_worker stops when it loses the database, e.g. in PostgreSQL's restart.
for n in 1 2; do
  setsid bash -c "while :; do $PY manage.py db_worker --no-reload --interval 0.5 \
    --worker-id soak-$n-\$(date +%s); echo 'soak: worker soak-$n exited; starting again'; sleep 1; done" \
    >>bench/soak-worker.log 2>&1 &
  PIDS+=("$!")
done
start_mail
PORT=$(free_port)
mkdir -p bench/soak-nginx
sed -e "s|@RUN@|$PWD/bench/soak-nginx|g" -e "s|@APP1@|${APP_PORTS[0]}|" -e "s|@APP2@|${APP_PORTS[1]}|" \
  -e "s|@PORT@|$PORT|" -e "s|@MEDIA@|$MEDIA_ROOT|" -e 's|\$scheme|$http_x_forwarded_proto|' \
  scripts/soak/nginx.conf >bench/soak-nginx/nginx.conf
# nginx's workers run as nobody: they buffer large answers in these folders.
mkdir -p bench/soak-nginx/{body,proxy,fastcgi,uwsgi,scgi} && chmod 777 bench/soak-nginx/*/
nginx -c "$PWD/bench/soak-nginx/nginx.conf"
wait_for "127.0.0.1:${APP_PORTS[0]}" /livez
wait_for "127.0.0.1:${APP_PORTS[1]}" /livez
wait_for "127.0.0.1:$PORT" /livez

event() { printf '{"event": "%s", "t": %s}\n' "$1" "$(date +%s.%N)" >>bench/soak-timeline.jsonl; }
as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
at() { sleep "$(python3 -c "import time; print(max(0, $START + $1 - time.time()))")"; }
# The faults one after the other, each with calm before the next. The first fifth of the run
# warms up (visitors arrive, caches fill); then the mail server stops for 60 s at 4/15 of the
# run; PostgreSQL restarts at 17/30 (a fast shutdown ends every session, as a failover would;
# -w waits until it accepts connections again); one app instance is killed at 7/10; the search
# engine at 5/6.
chaos() {
  at $((DURATION * 4 / 15))
  event smtp_stopped
  kill "$MAIL"
  wait "$MAIL" 2>/dev/null || true
  echo "soak: mail server stopped for 60 s"
  sleep 60
  start_mail
  event smtp_started
  echo "soak: mail server back"
  at $((DURATION * 17 / 30))
  event postgres_restart_begin
  as_postgres "$TEST_PGBIN/pg_ctl" -D "$TEST_PGDATA" -l "$(dirname "$TEST_PGDATA")/postgres.log" \
    -m fast -w restart >/dev/null
  event postgres_restart_end
  echo "soak: PostgreSQL restarted"
  at $((DURATION * 7 / 10))
  event app_killed
  kill -9 -- "-${APPS[0]}"
  echo "soak: gunicorn instance on port ${APP_PORTS[0]} killed"
  at $((DURATION * 5 / 6))
  event search_killed
  kill -9 "$TEST_SEARCH_PID"
  echo "soak: OpenSearch killed"
}

echo "soak: $USERS visitors for $DURATION s against nginx on 127.0.0.1:$PORT (logs: bench/soak-*.log)"
START=$(date +%s.%N)
event start
chaos &
CHAOS=$!
# locust exits 1 on any failed request; the report decides what counts.
.venv/bin/locust -f scripts/soak/locustfile.py --headless --users "$USERS" --spawn-rate 10 \
  --run-time "${DURATION}s" --stop-timeout 120 --host "http://127.0.0.1:$PORT" \
  --csv bench/soak --only-summary --loglevel WARNING >bench/soak-locust.txt 2>&1 || true
wait "$CHAOS" || echo "soak: a fault could not be made (see above)"
event end
echo "soak: the workers send what waits (up to 5 minutes)"
$PY scripts/soak/report.py --drain
event drained
echo "soak: Lighthouse on the home page and a neighbourhood page, through nginx"
NEIGHBOURHOOD=$($PY -c 'import json; print(json.load(open("bench/soak-fixture.json"))["neighbourhoods"][0])')
for page in home:/ "neighbourhood:$NEIGHBOURHOOD"; do
  CHROME_PATH=$(command -v chromium) npx --no-install lighthouse "http://127.0.0.1:$PORT${page#*:}" \
    --only-audits=uses-text-compression --output=json --quiet \
    --chrome-flags="--headless=new --no-sandbox" --extra-headers='{"X-Forwarded-Proto": "https"}' \
    >"bench/soak-lighthouse-${page%%:*}.json" || echo "soak: Lighthouse failed on ${page#*:}"
done
$PY scripts/soak/report.py
