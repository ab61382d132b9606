#!/usr/bin/env bash
# The cluster test (issue 12, "A real load balancer in front"): three portal instances behind
# HAProxy (scripts/cluster.sh) on a private PostgreSQL cluster, and five checks through real HTTP:
#   1. spread     a signed-in user's GETs and form POSTs reach every instance; no sign-in or
#                 antiforgery failure
#   2. transfer   a file uploaded through one instance downloads through another byte for byte
#   3. takeover   an instance killed (SIGKILL) in the middle of a 100,000-row import: the import
#                 finishes on another instance, every row once
#   4. rolling    a rolling restart of every instance under signed-in load: zero failed requests
#   5. limit      the sign-in limit holds across instances
# Every check runs even when an earlier one failed; the figures go to stdout (docs/operations.md
# records a run). Exit status 1 when any check failed. Usage: scripts/cluster-test.sh
# Settings: PARITRANA_CLUSTER_PG_DIR/_PG_PORT (default /tmp/paritrana-cluster-pg, 55518),
# PARITRANA_CLUSTER_TAKEOVER_TIMEOUT (s, default 180), PARITRANA_CLUSTER_TEST_KEEP=1 leaves it running,
# PARITRANA_CLUSTER_NO_BUILD=1 uses the Release build as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source scripts/postgres.sh
source scripts/cluster/lib.sh
source scripts/bench/employers.sh

PG_DIR=${PARITRANA_CLUSTER_PG_DIR:-/tmp/paritrana-cluster-pg}
PG_PORT=${PARITRANA_CLUSTER_PG_PORT:-55518}
WORK=${PARITRANA_CLUSTER_TEST_DIR:-/tmp/paritrana-cluster-test}
TAKEOVER_TIMEOUT=${PARITRANA_CLUSTER_TAKEOVER_TIMEOUT:-180}
ROWS=100000
LIMIT=20                      # sign-in attempts per minute and client address (the portal's default)
DB=paritrana_cluster
CHAIR=ketua.bali@paritrana.demo
export PARITRANA_CLUSTER_DIR=$WORK/cluster PARITRANA_CLUSTER_PORT=${PARITRANA_CLUSTER_PORT:-5380}
export PARITRANA_CLUSTER_BASE_PORT=${PARITRANA_CLUSTER_BASE_PORT:-5380} HAPROXY_SOCKET=$WORK/cluster/haproxy.sock
LB=http://127.0.0.1:$PARITRANA_CLUSTER_PORT
direct() { echo "http://127.0.0.1:$((PARITRANA_CLUSTER_BASE_PORT + ${1#web}))"; }
client() { python3 scripts/cluster/client.py "$@"; }

rm -rf "$WORK"
mkdir -p "$WORK"
pg_private_start "$PG_DIR" "$PG_PORT"
q() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qtA -c "$1"; }
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qtA -c "SET client_min_messages = warning" \
  -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$DB"
export Security__SignInAttemptsPerMinute=$LIMIT Logging__LogLevel__Paritrana=Information

finish() {
  if [ "${PARITRANA_CLUSTER_TEST_KEEP:-}" != 1 ]; then
    scripts/cluster.sh stop >/dev/null 2>&1 || true
    pg_private_stop "$PG_DIR"
  fi
}
trap finish EXIT

if [ "${PARITRANA_CLUSTER_NO_BUILD:-}" != 1 ]; then   # .ci/run: scripts/test.sh has just built it
  echo "==> Building (Release)"
  dotnet build src/Paritrana.Web -c Release -nologo -v quiet >/dev/null
fi
export PARITRANA_CLUSTER_NO_BUILD=1
scripts/cluster.sh start 3
mapfile -t INSTANCES <"$PARITRANA_CLUSTER_DIR/instances"

results=()
failed=0
report() { # name ok|fail text
  results+=("$(printf '%-9s %-4s %s' "$1" "$([ "$2" = ok ] && echo PASS || echo FAIL)" "$3")")
  [ "$2" = ok ] || failed=$((failed + 1))
  echo "${results[-1]}"
}
# every_instance JSON: every instance of the cluster answered GETs and POSTs.
every_instance() {
  python3 -c 'import json, sys; c = json.loads(sys.argv[1])["per_instance"]
sys.exit(0 if all(c.get(i, {}).get("GET") and c.get(i, {}).get("POST") for i in sys.argv[2:]) else 1)' "$1" "${INSTANCES[@]}"
}

# ---- 1. spread ----------------------------------------------------------------------------------
echo "==> 1. spread: 60 GETs and 45 form POSTs of one signed-in user through HAProxy"
if out=$(client spread "$LB" "$CHAIR" 60) && every_instance "$out"; then report spread ok "$out"; else report spread fail "$out"; fi

# ---- 2. transfer --------------------------------------------------------------------------------
echo "==> 2. transfer: a 2 MB PNG uploaded through ${INSTANCES[0]}, downloaded through ${INSTANCES[1]}"
# A regulation of a Bali nomination that still takes evidence (not in a final status).
read -r nomination regulation < <(q "SELECT n.id || ' ' || r.id FROM government_regulations r JOIN nominations n ON n.id = r.nomination_id
  JOIN award_cycles y ON y.id = n.cycle_id WHERE y.is_current AND n.province_code = '51' AND n.status NOT IN (9, 11, 12, 13)
  ORDER BY n.id, r.id LIMIT 1")
if out=$(client transfer "$(direct "${INSTANCES[0]}")" "$(direct "${INSTANCES[1]}")" "$CHAIR" "$nomination" "$regulation" 2000000); then
  report transfer ok "$out"; else report transfer fail "$out"; fi

# ---- 3. takeover (the import as a job with a lease, ADR 018) ----------------------
echo "==> 3. takeover: SIGKILL of the instance running a $ROWS-row import"
add_bench_branches psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q >/dev/null
q "SELECT a.regency_code || ',' || b.name FROM branch_office_areas a JOIN branch_offices b ON b.id = a.branch_office_id ORDER BY 1" >"$WORK/areas.csv"
generate "$ROWS" "$WORK/employers.csv" "$WORK/areas.csv"
takeover() {
  local out batch deadline runner=""
  out=$(client import "$LB" admin@paritrana.demo "$WORK/employers.csv") || { echo "import not started: $out"; return 1; }
  batch=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["batch"])' "$out")
  # The instance running it: the one whose database session has held a transaction open for the
  # import (application_name paritrana-webN, set by cluster.sh), once the rows are being written.
  deadline=$((SECONDS + 120))
  while [ -z "$runner" ]; do
    [ $SECONDS -lt $deadline ] || { echo "batch $batch never seen running: $(q "SELECT status, processed_rows FROM import_batches WHERE id = $batch")"; return 1; }
    if [ "$(q "SELECT status = 2 AND processed_rows >= 20000 FROM import_batches WHERE id = $batch")" = t ]; then
      runner=$(q "SELECT substr(application_name, 11) FROM pg_stat_activity WHERE datname = '$DB' AND application_name LIKE 'paritrana-web%'
        AND xact_start < now() - interval '1 second' ORDER BY xact_start LIMIT 1")
    fi
    [ -n "$runner" ] || sleep 0.1
  done
  local processed pid
  processed=$(q "SELECT processed_rows FROM import_batches WHERE id = $batch")
  pid=$(cat "$PARITRANA_CLUSTER_DIR/$runner.pid")
  kill -KILL "$pid"
  local killed_at=$SECONDS
  echo "    batch $batch: $runner (pid $pid) killed at $processed rows processed; waiting up to ${TAKEOVER_TIMEOUT}s for another instance"  >&2
  deadline=$((SECONDS + TAKEOVER_TIMEOUT))
  until [ "$(q "SELECT status FROM import_batches WHERE id = $batch")" = 3 ]; do
    if [ $SECONDS -ge $deadline ]; then
      echo "batch $batch not completed ${TAKEOVER_TIMEOUT}s after $runner was killed: $(q "SELECT 'status ' || status || ', processed ' || processed_rows FROM import_batches WHERE id = $batch")"
      scripts/cluster.sh start-instance "$runner" >/dev/null
      return 1
    fi
    sleep 0.5
  done
  local took=$((SECONDS - killed_at)) finisher counts
  finisher=$(grep -l "Import batch $batch completed" "$PARITRANA_CLUSTER_DIR"/logs/web*.log | xargs -r -n1 basename | sed 's/\.log$//' | tr '\n' ' ')
  counts=$(q "SELECT count(*) || ' ' || count(DISTINCT o.npp) || ' ' || (SELECT count(*) FROM coverage_figures f JOIN organisations o2 ON o2.id = f.organisation_id
    WHERE o2.npp BETWEEN '10000000' AND '10099999') FROM organisations o WHERE o.npp BETWEEN '10000000' AND '10099999'")
  scripts/cluster.sh start-instance "$runner" >/dev/null
  echo "batch $batch, killed $runner at $processed rows, completed by ${finisher% } ${took}s later; employers, distinct NPPs, coverage rows: $counts"
  [ "$counts" = "$ROWS $ROWS $ROWS" ] && [ -n "$finisher" ] && [ "${finisher% }" != "$runner" ]
}
if out=$(takeover); then report takeover ok "$out"; else report takeover fail "$out"; fi

# ---- 4. rolling restart under load --------------------------------------------------------------
echo "==> 4. rolling: scripts/cluster.sh restart-rolling while 4 signed-in users GET and POST"
client load "$LB" "$CHAIR" "$WORK/load.stop" "$WORK/load.ready" 4 >"$WORK/load.json" &
load_pid=$!
until [ -e "$WORK/load.ready" ]; do kill -0 $load_pid 2>/dev/null || break; sleep 0.1; done
before=$(for i in "${INSTANCES[@]}"; do cat "$PARITRANA_CLUSTER_DIR/$i.pid"; done | tr '\n' ' ')
rolled=ok
scripts/cluster.sh restart-rolling >"$WORK/rolling.log" 2>&1 || rolled=fail
after=$(for i in "${INSTANCES[@]}"; do cat "$PARITRANA_CLUSTER_DIR/$i.pid"; done | tr '\n' ' ')
touch "$WORK/load.stop"
load_ok=ok
wait $load_pid || load_ok=fail
out="pids ${before}→ ${after}; $(cat "$WORK/load.json")"
if [ $rolled = ok ] && [ $load_ok = ok ] && [ -z "$(comm -12 <(tr ' ' '\n' <<<"$before" | sort) <(tr ' ' '\n' <<<"$after" | sort) | grep .)" ]; then
  report rolling ok "$out"; else report rolling fail "$out; restart: $rolled ($(tail -n 3 "$WORK/rolling.log" | tr '\n' ' '))"; fi

# ---- 5. the sign-in limit across instances (the limit counted in PostgreSQL, ADR 018) --
echo "==> 5. limit: $((LIMIT + 1)) failed sign-ins through HAProxy, limit $LIMIT a minute"
if out=$(client signin-limit "$LB" "$LIMIT"); then report limit ok "$out"; else report limit fail "$out"; fi

echo
echo "Cluster test: ${#INSTANCES[@]} instances behind HAProxy 2.6, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s\n' "${results[@]}"
echo "$((5 - failed)) of 5 checks passed"
[ "$failed" = 0 ]
