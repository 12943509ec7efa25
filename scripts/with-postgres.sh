#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster: made in a temporary folder, listening on
# a free port on 127.0.0.1 only, stopped and removed afterwards. Usage: with-postgres.sh CMD...
# The command sees DATABASE_URL, and TEST_PGDATA and TEST_PGBIN for restarting the cluster
# (`make soak`). PostgreSQL refuses to run as root, so the cluster belongs to the "postgres" user
# that Debian's package creates.
set -euo pipefail

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/postgres" ]; then
  echo "postgres: installing Debian's postgresql package (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
BIN=$(pg_bin)

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

DIR=$(mktemp -d /tmp/portal-postgres.XXXXXX)
[ "$(id -u)" = "0" ] && chown postgres: "$DIR"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT

as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability is pointless for a throw-away test database; speed is not.
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w start -o \
  "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
echo "postgres: $("$BIN/postgres" --version) on 127.0.0.1:$PORT (data in $DIR, removed afterwards)"

"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres portal
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/portal"
export TEST_PGDATA="$DIR/data" TEST_PGBIN="$BIN"
"$@"
