#!/usr/bin/env bash
# The coverage pages at scale (issue 16, "Speed"): 700,000 employers and 60 monthly periods for all 514
# regencies and cities (scripts/bench/coverage-data.sql). Measures the province page of a chair
# (Jawa Tengah, /Participation/Province/33) and the national page of the administrator
# (/Participation/National) with wrk at 1 connection (p95) and 32 connections (req/s), then beside
# each page the SQL alone: the statements of one request read back from PostgreSQL's log and replayed
# with pgbench, once for a request served from the report kept per instance (the usual case) and once
# for the request that computes it (the first after a start, or after CoverageReports.Freshness).
# Self-contained and idempotent (a fresh database every run). Prints the summary as Markdown.
# Usage: scripts/bench/coverage.sh   (private cluster /tmp/pg-bench-coverage on port 55445)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh
command -v wrk >/dev/null || { as_root apt-get install -y -qq wrk >/dev/null; }

PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/pg-bench-coverage}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55445}
URL=${PARITRANA_BENCH_URL:-http://127.0.0.1:5145}
WORK=${PARITRANA_BENCH_WORK:-/tmp/paritrana-bench-coverage}
SECONDS_RUN=${PARITRANA_BENCH_SECONDS:-10}
EMPLOYERS=${PARITRANA_BENCH_EMPLOYERS:-700000}
CHAIR=ketua.jateng@paritrana.demo
DB=paritrana_bench_coverage
mkdir -p "$WORK"
rm -f "$WORK"/*.log "$WORK"/*.sql "$WORK"/pgbench* "$WORK"/*.result
load() { cut -d' ' -f1-3 /proc/loadavg; }

pg_private_start "$PG_DIR" "$PORT_PG"
PSQL=(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -v ON_ERROR_STOP=1 -qtA)
PG_LOG="$PG_DIR/server.log"
PORTAL_PGOPTIONS="-c random_page_cost=1.1"
"${PSQL[@]}" -d postgres -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
"${PSQL[@]}" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
q() { "${PSQL[@]}" -d "$DB" -c "$1"; }

export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PORT_PG;Username=postgres;Database=$DB;Maximum Pool Size=50"
export ASPNETCORE_ENVIRONMENT=Development Demo__Enabled=true Jobs__Enabled=false Logging__LogLevel__Default=Warning
APP=${PARITRANA_BENCH_APP:-"$ROOT/src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll"}
[ -f "$APP" ] || dotnet build src/Paritrana.Web -c Release -v q >/dev/null
(cd src/Paritrana.Web && dotnet "$APP" migrate >/dev/null)
APP_PID=
start_portal() {
  (cd src/Paritrana.Web && exec dotnet "$APP" --urls "$URL" >"$WORK/portal.log" 2>&1) &
  APP_PID=$!
  until curl -s -o /dev/null -w '%{http_code}' "$URL/Account/Login" 2>/dev/null | grep -q 200; do sleep 0.2; done
}
stop_portal() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
trap stop_portal EXIT
start_portal   # seeds the demo

echo "==> data (scripts/bench/coverage-data.sql, $EMPLOYERS employers), load $(load)" >&2
gen_start=$(date +%s.%N)
"${PSQL[@]}" -d "$DB" -v employers="$EMPLOYERS" -f scripts/bench/coverage-data.sql >/dev/null
gen_s=$(echo "$(date +%s.%N) - $gen_start" | bc)
counts=$(q "SELECT (SELECT count(*) FROM organisations WHERE type = 2) || ' employers, ' || (SELECT count(*) FROM regional_figures)
  || ' regional rows (' || (SELECT count(DISTINCT period) FROM regional_figures) || ' periods × ' || (SELECT count(DISTINCT regency_code) FROM regional_figures) || ' regencies and cities)'")
jateng=$(q "SELECT count(*) FROM organisations WHERE type = 2 AND province_code = '33'")

sign_in() { # email jar
  local token
  rm -f "$2"
  token=$(curl -s -c "$2" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$2" -c "$2" -o /dev/null -X POST "$URL/Account/Login" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=Demo-Paritrana-2026" --data-urlencode "__RequestVerificationToken=$token"
  grep -q "Paritrana.Auth" "$2" || { echo "sign-in of $1 failed" >&2; exit 1; }
}
cookie_of() { awk '$6 == ".Paritrana.Auth" {print $6"="$7}' "$1"; }
sign_in "$CHAIR" "$WORK/chair.jar"
sign_in admin@paritrana.demo "$WORK/admin.jar"
chair=$(cookie_of "$WORK/chair.jar")
admin=$(cookie_of "$WORK/admin.jar")
PROVINCE="$URL/Participation/Province/33"
NATIONAL="$URL/Participation/National"

wait_idle() {
  local quiet=0
  while [ "$quiet" -lt 4 ]; do
    if [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE datname = '$DB' AND state <> 'idle' AND pid <> pg_backend_pid()")" = 0 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    sleep 0.25
  done
}
capture() { # name cookie url: every statement of one request, as a pgbench script
  local name=$1 offset
  wait_idle
  "${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
  offset=$(as_postgres stat -c %s "$PG_LOG")
  curl -s -o "$WORK/$name.html" -w '%{http_code} %{time_total}\n' -H "Cookie: $2" "$3" >"$WORK/$name.curl"
  sleep 0.5
  "${PSQL[@]}" -d postgres -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
  as_postgres tail -c +$((offset + 1)) "$PG_LOG" >"$WORK/$name.log"
  python3 scripts/bench/pg-statements.py "$WORK/$name.log" "$WORK/$name" >"$WORK/$name.statements"
  grep -q 'data-testid="ranking-row"' "$WORK/$name.html" || { echo "$3 shows no ranking" >&2; exit 1; }
}
replay() { # name clients seconds -> "N tx/s, p95"
  local out
  rm -f "$WORK"/pgbench_log.*
  out=$( (cd "$WORK" && PGOPTIONS="$PORTAL_PGOPTIONS" pgbench -h 127.0.0.1 -p "$PORT_PG" -U postgres -n -f "$WORK/$1.sql" -c "$2" -j 2 -T "$3" -l "$DB") 2>&1) || { echo "$out" >&2; exit 1; }
  printf '%s tx/s, p95 %s ms' "$(echo "$out" | awk '/^tps/ {printf "%.1f", $3}')" \
    "$(cat "$WORK"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n | awk '{a[NR] = $1} END {n = int(NR * 0.95); if (n < 1) n = 1; printf "%.1f", a[n]}')"
}

# ---- the computing requests: the first of each page after a start (nothing kept yet) -----------
capture province-cold "$chair" "$PROVINCE"
capture national-cold "$admin" "$NATIONAL"

# ---- the pages under wrk -------------------------------------------------------------------------
cat >"$WORK/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("BENCH %.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
measure() { # name cookie url
  local one many
  echo "==> $1, load $(load)" >&2
  wrk -t2 -c32 -d3s -H "Cookie: $2" "$3" >/dev/null
  wait_idle
  sleep 2
  one=$(wrk -t1 -c1 -d"${SECONDS_RUN}s" --timeout 10s -s "$WORK/p95.lua" -H "Cookie: $2" "$3" | grep '^BENCH' | sed 's/^BENCH //')
  many=$(wrk -t2 -c32 -d"${SECONDS_RUN}s" --timeout 10s -s "$WORK/p95.lua" -H "Cookie: $2" "$3" | grep '^BENCH' | sed 's/^BENCH //')
  printf '%s\t%s\t%s\n' "$one" "$many" "$(load)" >"$WORK/wrk-$1.result"
}
measure province "$chair" "$PROVINCE"
measure national "$admin" "$NATIONAL"
capture province-warm "$chair" "$PROVINCE"
capture national-warm "$admin" "$NATIONAL"
stop_portal

for name in province-cold national-cold province-warm national-warm; do
  echo "==> replay $name, load $(load)" >&2
  printf '%s\t%s\t%s\t%s\n' "$(cut -d' ' -f1-2 "$WORK/$name.statements")" "$(cut -d' ' -f2 "$WORK/$name.curl")" \
    "$(replay "$name" 1 5)" "$(replay "$name" 32 "$SECONDS_RUN")" >"$WORK/raw-$name.result"
done

echo "Data: $counts ($jateng employers in Jawa Tengah), generated in ${gen_s%.*} s."
echo
echo "| page | 1 connection | 32 connections | load average after |"
echo "| --- | --- | --- | --- |"
for page in province national; do
  IFS=$'\t' read -r one many l <"$WORK/wrk-$page.result"
  echo "| $page | $one | $many | $l |"
done
echo
echo "| statements of | statements, ms in PostgreSQL | the request alone (curl, s) | pgbench 1 client | pgbench 32 clients |"
echo "| --- | --- | --- | --- | --- |"
for name in province-cold national-cold province-warm national-warm; do
  IFS=$'\t' read -r s t one many <"$WORK/raw-$name.result"
  echo "| $name | $s | $t | $one | $many |"
done
