#!/usr/bin/env bash
# Runs a command against a throw-away Redis on a free port on 127.0.0.1 (Debian's redis-server),
# the shared cache of several gunicorn workers (CACHE_URL). Usage: with-redis.sh CMD...
# Nothing is written to disk; at 256 MB Redis drops the least used entries that expire (stored
# pages and fragments), never the page-cache version, which has no expiry.
set -euo pipefail

if ! command -v redis-server >/dev/null 2>&1; then
  echo "redis: installing Debian's redis-server package (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends redis-server >/dev/null
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --bind 127.0.0.1 --port "$PORT" --save "" --appendonly no --daemonize no \
  --maxmemory 256mb --maxmemory-policy volatile-lru --loglevel warning >/dev/null &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  redis-cli -p "$PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done
echo "redis: $(redis-server --version | cut -d' ' -f3) on 127.0.0.1:$PORT (pid $PID)"
export CACHE_URL="rediscache://127.0.0.1:$PORT/0"
"$@"
