#!/usr/bin/env bash
# Before and after on the same data, interleaved (issue 12, "Speed"): the chair's /Nominations and
# /Scoring/Ranking at 32 connections on one instance, for two builds of the portal taken in turn,
# and beside each build the SQL of one of its requests replayed alone with pgbench at 32 clients
# (the same capture as national.sh). Interleaving the builds round by round makes the comparison
# fair when other work shares the cores; the summary gives the median of the rounds.
# Needs the national database left by `PARITRANA_BENCH_KEEP=1 scripts/bench/national.sh`.
# Usage: scripts/bench/hot-pages.sh BEFORE.dll AFTER.dll   (PARITRANA_BENCH_ROUNDS=3, _SECONDS=10)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh
[ $# = 2 ] || { echo "usage: $0 BEFORE/Paritrana.Web.dll AFTER/Paritrana.Web.dll" >&2; exit 2; }
BUILDS=("$1" "$2")
NAMES=(before after)
PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/pg-bench}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55443}
URL=${PARITRANA_BENCH_URL:-http://127.0.0.1:5143}
WORK=${PARITRANA_BENCH_WORK:-/tmp/paritrana-bench-hot}
ROUNDS=${PARITRANA_BENCH_ROUNDS:-3}
SECONDS_RUN=${PARITRANA_BENCH_SECONDS:-10}
DB=paritrana_bench_national
CHAIR=ketua.jateng@paritrana.demo
FOCUS=33
mkdir -p "$WORK"
load() { cut -d' ' -f1-3 /proc/loadavg; }
PSQL=(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -v ON_ERROR_STOP=1 -qtA)
PG_LOG="$PG_DIR/server.log"
PORTAL_PGOPTIONS="-c random_page_cost=1.1"
q() { "${PSQL[@]}" -d "$DB" -c "$1"; }
export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PORT_PG;Username=postgres;Database=$DB;Maximum Pool Size=50"
# No background jobs in the measured portal: the mail drain's claims every 5 s (issue 14) would land
# in the captured statements of a request and be replayed as part of "the SQL alone".
# The production pipeline (Staging: as Production, where only the demo is refused; scripts/bench/national.sh).
export ASPNETCORE_ENVIRONMENT=Staging Security__RequireHttps=false Demo__Enabled=true Jobs__Enabled=false Logging__LogLevel__Default=Warning
category=$(q "SELECT n.category_id FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id
  WHERE y.is_current AND n.province_code = '$FOCUS' AND n.status IN (6, 7, 8, 9) GROUP BY n.category_id ORDER BY count(*) DESC, n.category_id LIMIT 1")
PAGES=(nominations ranking)
declare -A PATHS=([nominations]="/Nominations" [ranking]="/Scoring/Ranking?kategori=$category")

APP_PID=
start_portal() { # dll
  (cd src/Paritrana.Web && exec dotnet "$1" --urls "$URL" >"$WORK/portal.log" 2>&1) &
  APP_PID=$!
  until curl -s -o /dev/null -w '%{http_code}' "$URL/Account/Login" 2>/dev/null | grep -q 200; do sleep 0.2; done
}
stop_portal() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
trap stop_portal EXIT
sign_in() { # -> cookie
  local token jar="$WORK/chair.jar"
  rm -f "$jar"
  token=$(curl -s -c "$jar" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$URL/Account/Login" \
    --data-urlencode "Input.Email=$CHAIR" --data-urlencode "Input.Password=Demo-Paritrana-2026" --data-urlencode "__RequestVerificationToken=$token"
  awk '$6 == ".Paritrana.Auth" {print $6"="$7}' "$jar"
}
wait_idle() {
  local quiet=0
  while [ "$quiet" -lt 4 ]; do
    if [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE datname = '$DB' AND state <> 'idle' AND pid <> pg_backend_pid()")" = 0 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    sleep 0.25
  done
}
capture() { # build page cookie: the statements of one request as a pgbench script
  local offset
  wait_idle
  "${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
  offset=$(as_postgres stat -c %s "$PG_LOG")
  curl -s -o /dev/null -H "Cookie: $3" "$URL${PATHS[$2]}"
  sleep 0.5
  "${PSQL[@]}" -d postgres -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
  as_postgres tail -c +$((offset + 1)) "$PG_LOG" >"$WORK/$1-$2.log"
  python3 scripts/bench/pg-statements.py "$WORK/$1-$2.log" "$WORK/$1-$2" >"$WORK/$1-$2.statements"
}

: >"$WORK/results.tsv"
TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
for ((round = 1; round <= ROUNDS; round++)); do
  # Before first in odd rounds, after first in even ones, so a drift of the load favours neither.
  order=(0 1)
  [ $((round % 2)) = 0 ] && order=(1 0)
  for b in "${order[@]}"; do
    start_portal "${BUILDS[$b]}"
    cookie=$(sign_in)
    for page in "${PAGES[@]}"; do
      url="$URL${PATHS[$page]}"
      [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url")" = 200 ] || { echo "$url did not answer 200" >&2; exit 1; }
      [ "$round" = 1 ] && capture "${NAMES[$b]}" "$page" "$cookie"
      # Warm-up until the tiered JIT has finished (tens of seconds of load; scripts/bench/national.sh, steady).
      wrk -t2 -c32 -d"${PARITRANA_BENCH_WARMUP:-60}s" -H "Cookie: $cookie" "$url" >/dev/null
      wait_idle
      cpu0=$(cpu_ticks)
      out=$(wrk -t2 -c32 -d"${SECONDS_RUN}s" --timeout 10s -H "Cookie: $cookie" "$url")
      cpu1=$(cpu_ticks)
      rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
      requests=$(awk '/requests in/ {print $1}' <<<"$out")
      # The portal's own CPU per request (user + system time of its process over the run): far
      # less sensitive than req/s to what else runs on the cores.
      cpu_ms=$(echo "scale=2; ($cpu1 - $cpu0) * 1000 / $TICKS / $requests" | bc)
      printf '%s\t%s\tportal\t%s\t%s\t%s\n' "${NAMES[$b]}" "$page" "$rps" "$(load)" "$cpu_ms" | tee -a "$WORK/results.tsv" >&2
    done
    stop_portal
    for page in "${PAGES[@]}"; do
      tps=$( (cd "$WORK" && PGOPTIONS="$PORTAL_PGOPTIONS" pgbench -h 127.0.0.1 -p "$PORT_PG" -U postgres -n -M prepared -f "$WORK/${NAMES[$b]}-$page.sql" -c 32 -j 2 -T "$SECONDS_RUN" "$DB") 2>&1 | awk '/^tps/ {printf "%.1f", $3}')
      printf '%s\t%s\traw\t%s\t%s\n' "${NAMES[$b]}" "$page" "$tps" "$(load)" | tee -a "$WORK/results.tsv" >&2
    done
  done
done

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "| page | build | statements of one request | portal, wrk 32 connections (median of $ROUNDS) | portal CPU per request (median) | its SQL alone, pgbench 32 clients (median of $ROUNDS) | portal / SQL |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for page in "${PAGES[@]}"; do
  for name in "${NAMES[@]}"; do
    p=$(awk -F'\t' -v n="$name" -v g="$page" '$1 == n && $2 == g && $3 == "portal" {print $4}' "$WORK/results.tsv" | median)
    r=$(awk -F'\t' -v n="$name" -v g="$page" '$1 == n && $2 == g && $3 == "raw" {print $4}' "$WORK/results.tsv" | median)
    c=$(awk -F'\t' -v n="$name" -v g="$page" '$1 == n && $2 == g && $3 == "portal" {print $6}' "$WORK/results.tsv" | median)
    echo "| ${PATHS[$page]} | $name | $(cut -d' ' -f1 "$WORK/$name-$page.statements") | $p req/s | $c ms | $r tx/s | $(echo "scale=0; 100 * $p / $r" | bc) % |"
  done
done
echo
echo "Rounds (build, page, portal or raw, per second, load average, portal CPU ms per request): $WORK/results.tsv"
