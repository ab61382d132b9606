#!/usr/bin/env bash
# The country overview at national scale (issue 17, item 5, "Speed": p95 ≤ 150 ms at one connection):
# the data of scripts/bench/national.sh (scripts/bench/national-data.sql: 38 provinces, 514 regencies
# and cities, 5,000 nominations of the current cycle over every province and category). Measures the
# administrator's /National/Country with wrk at 1 connection (p95) and 32 connections (req/s), then
# beside it the SQL alone: the statements of one request read back from PostgreSQL's log and
# replayed with pgbench (1 and 32 clients), and the plan of the overview's statement.
# Self-contained and idempotent (a fresh database every run). Prints the summary as Markdown.
# Usage: scripts/bench/country.sh   (private cluster /tmp/pg-bench-country on port 55446)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh
command -v wrk >/dev/null || { as_root apt-get install -y -qq wrk >/dev/null; }

PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/pg-bench-country}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55446}
URL=${PARITRANA_BENCH_URL:-http://127.0.0.1:5146}
WORK=${PARITRANA_BENCH_WORK:-/tmp/paritrana-bench-country}
SECONDS_RUN=${PARITRANA_BENCH_SECONDS:-10}
DB=paritrana_bench_country
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

echo "==> data (scripts/bench/national-data.sql), load $(load)" >&2
gen_start=$(date +%s.%N)
"${PSQL[@]}" -d "$DB" -v employers=50000 -v nominations=5000 -v scorers=300 -v focus=33 -v finalists=50 -f scripts/bench/national-data.sql >/dev/null
"${PSQL[@]}" -d "$DB" -c "VACUUM ANALYZE" >/dev/null
gen_s=$(echo "$(date +%s.%N) - $gen_start" | bc)
counts=$(q "SELECT (SELECT count(*) FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id WHERE y.is_current) || ' nominations in the current cycle over '
  || (SELECT count(DISTINCT n.province_code) FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id WHERE y.is_current) || ' provinces and '
  || (SELECT count(DISTINCT n.category_id) FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id WHERE y.is_current) || ' categories'")

sign_in() { # email jar
  local token
  rm -f "$2"
  token=$(curl -s -c "$2" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$2" -c "$2" -o /dev/null -X POST "$URL/Account/Login" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=Demo-Paritrana-2026" --data-urlencode "__RequestVerificationToken=$token"
  grep -q "Paritrana.Auth" "$2" || { echo "sign-in of $1 failed" >&2; exit 1; }
}
cookie_of() { awk '$6 == ".Paritrana.Auth" {print $6"="$7}' "$1"; }
sign_in admin@paritrana.demo "$WORK/admin.jar"
admin=$(cookie_of "$WORK/admin.jar")
COUNTRY="$URL/National/Country"

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
  [ "$(grep -c 'data-testid="province"' "$WORK/$name.html")" = 38 ] || { echo "$3 does not show 38 provinces" >&2; exit 1; }
}
replay() { # name clients seconds -> "N tx/s, p95"
  local out
  rm -f "$WORK"/pgbench_log.*
  out=$( (cd "$WORK" && PGOPTIONS="$PORTAL_PGOPTIONS" pgbench -h 127.0.0.1 -p "$PORT_PG" -U postgres -n -f "$WORK/$1.sql" -c "$2" -j 2 -T "$3" -l "$DB") 2>&1) || { echo "$out" >&2; exit 1; }
  printf '%s tx/s, p95 %s ms' "$(echo "$out" | awk '/^tps/ {printf "%.1f", $3}')" \
    "$(cat "$WORK"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n | awk '{a[NR] = $1} END {n = int(NR * 0.95); if (n < 1) n = 1; printf "%.1f", a[n]}')"
}

# ---- the first request (reference data not held yet), then the page under wrk ----------------------
capture country-cold "$admin" "$COUNTRY"
cat >"$WORK/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("BENCH %.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
echo "==> /National/Country, load $(load)" >&2
wrk -t2 -c32 -d3s -H "Cookie: $admin" "$COUNTRY" >/dev/null
wait_idle
sleep 2
one=$(wrk -t1 -c1 -d"${SECONDS_RUN}s" --timeout 10s -s "$WORK/p95.lua" -H "Cookie: $admin" "$COUNTRY" | grep '^BENCH' | sed 's/^BENCH //')
many=$(wrk -t2 -c32 -d"${SECONDS_RUN}s" --timeout 10s -s "$WORK/p95.lua" -H "Cookie: $admin" "$COUNTRY" | grep '^BENCH' | sed 's/^BENCH //')
wrk_load=$(load)
capture country-warm "$admin" "$COUNTRY"
stop_portal

# ---- the overview's statement alone: its plan, then every statement of a request replayed ----------
for name in country-cold country-warm; do
  echo "==> replay $name, load $(load)" >&2
  printf '%s\t%s\t%s\t%s\n' "$(cut -d' ' -f1-2 "$WORK/$name.statements")" "$(cut -d' ' -f2 "$WORK/$name.curl")" \
    "$(replay "$name" 1 5)" "$(replay "$name" 32 "$SECONDS_RUN")" >"$WORK/raw-$name.result"
done

echo "Data: $counts, generated in ${gen_s%.*} s."
echo
echo "| page | 1 connection | 32 connections | load average after |"
echo "| --- | --- | --- | --- |"
echo "| /National/Country | $one | $many | $wrk_load |"
echo
echo "| statements of | statements, ms in PostgreSQL | the request alone (curl, s) | pgbench 1 client | pgbench 32 clients |"
echo "| --- | --- | --- | --- | --- |"
for name in country-cold country-warm; do
  IFS=$'\t' read -r s t r1 r32 <"$WORK/raw-$name.result"
  echo "| $name | $s | $t | $r1 | $r32 |"
done
