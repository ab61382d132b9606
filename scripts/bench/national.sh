#!/usr/bin/env bash
# Benchmark at national scale (issue 7): 38 provinces and 514 regencies and cities, 50,000
# employers with coverage figures, 5,000 nominations of the current cycle over every province and
# category, 300 scorers with submitted cards in three rounds per province (scripts/bench/
# national-data.sql). Measures the 100,000-row import (scripts/bench/import.sh on the same cluster),
# the ranking page, the nominations list and the home page ("Tugas saya", issue 14) of a signed-in
# chair (wrk, 1 and 32 connections), the national nominations list, employer search and home page
# (every province's stage, statuses and lateness) of the administrator, the national pool's ranking
# (issue 17: every province's forwarded finalists, two national rounds), a scorecard save, the
# 50-finalist PDF and the web process's peak memory; and beside each page the raw work underneath:
# the very statements the page ran (read back from PostgreSQL's log) replayed with pgbench.
# Self-contained, idempotent (a fresh database on every run) and deterministic (fixed seeds).
# Usage: scripts/bench/national.sh   (private cluster /tmp/pg-bench on port 55443; summary as Markdown)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh
command -v wrk >/dev/null || { as_root apt-get install -y -qq wrk >/dev/null; }

PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/pg-bench}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55443}
URL=${PARITRANA_BENCH_URL:-http://127.0.0.1:5143}
WORK=${PARITRANA_BENCH_WORK:-/tmp/paritrana-bench-national}
SECONDS_RUN=${PARITRANA_BENCH_SECONDS:-10}
SAVES=${PARITRANA_BENCH_SAVES:-100}
WARMUP=${PARITRANA_BENCH_WARMUP:-60}   # seconds of load on each page before it is measured (see steady)
FOCUS=33                                # Jawa Tengah: its demo chair is the signed-in chair measured
CHAIR=ketua.jateng@paritrana.demo
DB=paritrana_bench_national
mkdir -p "$WORK"
rm -f "$WORK"/*.log "$WORK"/*.sql "$WORK"/pgbench*
load() { cut -d' ' -f1-3 /proc/loadavg; }
started=$(date +%s)

pg_private_start "$PG_DIR" "$PORT_PG"
PSQL=(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -v ON_ERROR_STOP=1 -qtA)
PG_LOG="$PG_DIR/server.log"
# The replays and EXPLAINs plan as the portal's sessions do (PortalServices.PlannerOptions, docs/decisions/009).
PORTAL_PGOPTIONS="-c random_page_cost=1.1"
# An interrupted earlier run may have left the statement log on (see capture below).
"${PSQL[@]}" -d postgres -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null

# ---- 1. the 100,000-row import: import.sh on this cluster, in its own database ------------------
echo "==> import (scripts/bench/import.sh), load $(load)" >&2
import_load=$(load)
PARITRANA_BENCH_PG_DIR=$PG_DIR PARITRANA_BENCH_PG_PORT=$PORT_PG PARITRANA_BENCH_WORK="$WORK/import" scripts/bench/import.sh >"$WORK/import.md"
import_load="$import_load → $(load)"
"${PSQL[@]}" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS paritrana_bench_import WITH (FORCE)"

# ---- 2. the national database, the portal, the data ------------------------------------------------
"${PSQL[@]}" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PORT_PG;Username=postgres;Database=$DB;Maximum Pool Size=50"
# The pipeline production runs: not Development, whose framework defaults (the developer exception
# page, the container's scope validation on every resolution) cost some 8 % of a list's CPU; Staging
# is the same pipeline as Production, and the demo that signs the measured people in is refused only
# there. Plain http on the loopback, as behind the balancer.
export ASPNETCORE_ENVIRONMENT=Staging Security__RequireHttps=false Demo__Enabled=true
export Logging__LogLevel__Default=Warning
# No background jobs in the measured portal: the job runner's claims would land in the captured
# statements of a request and be replayed as part of "the SQL alone" (as in hot-pages.sh).
export Jobs__Enabled=false
APP=${PARITRANA_BENCH_APP:-"$ROOT/src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll"}   # built by import.sh
(cd src/Paritrana.Web && dotnet "$APP" migrate >/dev/null)
(cd src/Paritrana.Web && exec dotnet "$APP" --urls "$URL" >"$WORK/portal.log" 2>&1) &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true' EXIT
until curl -s -o /dev/null -w '%{http_code}' "$URL/Account/Login" | grep -q 200; do sleep 0.2; done   # the demo is seeded by now

echo "==> data (scripts/bench/national-data.sql), load $(load)" >&2
gen_load=$(load)
gen_start=$(date +%s.%N)
"${PSQL[@]}" -d "$DB" -v employers=50000 -v nominations=5000 -v scorers=300 -v focus="$FOCUS" -v finalists=50 -f scripts/bench/national-data.sql >/dev/null
gen_s=$(echo "$(date +%s.%N) - $gen_start" | bc)
# A database in steady state: every table vacuumed (visibility map set, so index-only scans are
# possible as they are once autovacuum has passed) and analysed, after the data and the demo.
"${PSQL[@]}" -d "$DB" -c "VACUUM ANALYZE" >/dev/null
gen_load="$gen_load → $(load)"
q() { "${PSQL[@]}" -d "$DB" -c "$1"; }
counts=$(q "SELECT (SELECT count(*) FROM provinces) || ' provinces, ' || (SELECT count(*) FROM regencies_and_cities) || ' regencies and cities, '
  || (SELECT count(*) FROM organisations WHERE type = 2) || ' employers (' || (SELECT count(*) FROM coverage_figures) || ' coverage rows), '
  || (SELECT count(*) FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id WHERE y.is_current) || ' nominations in the current cycle over '
  || (SELECT count(DISTINCT n.province_code) FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id WHERE y.is_current) || ' provinces, '
  || (SELECT count(*) FROM users WHERE email LIKE '%@bench.paritrana') || ' bench scorers, '
  || (SELECT count(*) FROM scorecards) || ' scorecards (' || (SELECT count(*) FROM scorecards WHERE status = 2) || ' submitted), '
  || (SELECT count(*) FROM scores) || ' scores'")
# The ranking measured: the focus province's category with the most ranked nominations.
read -r category category_rows < <(q "SELECT n.category_id || ' ' || count(*) FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id
  WHERE y.is_current AND n.province_code = '$FOCUS' AND n.status IN (6, 7, 8, 9) GROUP BY n.category_id ORDER BY count(*) DESC, n.category_id LIMIT 1" | tr '|' ' ')
focus_noms=$(q "SELECT count(*) FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id WHERE y.is_current AND n.province_code = '$FOCUS'")
national_noms=$(q "SELECT count(*) FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id WHERE y.is_current")

# ---- 3. sign in (the form's antiforgery token plus its cookie) ----------------------------------
sign_in() { # email jar
  local token
  rm -f "$2"
  token=$(curl -s -c "$2" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$2" -c "$2" -o /dev/null -X POST "$URL/Account/Login" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=Demo-Paritrana-2026" --data-urlencode "__RequestVerificationToken=$token"
  grep -q "Paritrana.Auth" "$2" || { echo "sign-in of $1 failed" >&2; exit 1; }
}
sign_in "$CHAIR" "$WORK/chair.jar"
sign_in admin@paritrana.demo "$WORK/admin.jar"
cookie_of() { awk '$6 == ".Paritrana.Auth" {print $6"="$7}' "$1"; }
chair=$(cookie_of "$WORK/chair.jar")
admin=$(cookie_of "$WORK/admin.jar")

RANKING="$URL/Scoring/Ranking?kategori=$category"
# The floor: a signed-in page with nothing but the layout (session, bell, navigation, two small forms).
ABOUT="$URL/About"
NOMINATIONS="$URL/Nominations"
EMPLOYERS="$URL/Employers?skala=Medium&cakupanMin=50&urut=pekerja&arah=turun"
HOME_PAGE="$URL/"
# The national pool's ranking (issue 17): the forwarded finalists of every province but the focus one,
# ranked by the two national rounds (national-data.sql), as the administrator (national secretariat) sees it.
year=$(q "SELECT year FROM award_cycles WHERE is_current")
pool_noms=$(q "SELECT count(*) FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id WHERE y.is_current AND n.status = 10")
NATIONAL_POOL="$URL/National?cycle=$year"
check() { # cookie url testid
  local code
  code=$(curl -s -o "$WORK/page.html" -w '%{http_code}' -H "Cookie: $1" "$2")
  [ "$code" = 200 ] || { echo "$2 answered $code" >&2; exit 1; }
  grep -q "data-testid=\"$3\"" "$WORK/page.html" || { echo "$2 has no $3" >&2; exit 1; }
}
check "$chair" "$ABOUT" bell
check "$chair" "$RANKING" ranking-row
check "$chair" "$NOMINATIONS" nomination-row
check "$admin" "$NOMINATIONS" nomination-row
check "$admin" "$EMPLOYERS" employer-row
check "$chair" "$HOME_PAGE" work
check "$admin" "$HOME_PAGE" provinces
check "$admin" "$NATIONAL_POOL" pool-row

# ---- 4. pages under wrk: one connection (the latency one person sees), then 32 ------------------
cat >"$WORK/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("BENCH %.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
# CPU seconds used so far by the portal, and by the benchmark cluster.
portal_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / hz}' "/proc/$APP_PID/stat"; }
pg_cpu() { pg_private_cpu "$PG_DIR" 3; }   # scripts/postgres.sh
per_request() { # cpu-before cpu-after requests -> ms of CPU per request
  echo "$1 $2 $3" | awk '{printf "%.2f", ($2 - $1) * 1000 / $3}'
}
wait_idle() { # until no statement of the benchmark database has been running for a second (a wrk run's queued requests done)
  local quiet=0
  while [ "$quiet" -lt 4 ]; do
    if [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE datname = '$DB' AND state <> 'idle' AND pid <> pg_backend_pid()")" = 0 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    sleep 0.25
  done
}
measure() { # name cookie url
  local one many
  echo "==> $1, load $(load)" >&2
  steady "$2" "$3"
  # The portal is still serving what the warm-up queued when wrk stops; a one-connection run begun
  # at once would time those queued requests too (its p95 then measured the warm-up, not the page).
  wait_idle
  sleep 2
  one=$(wrk -t1 -c1 -d"${SECONDS_RUN}s" --timeout 10s --latency -s "$WORK/p95.lua" -H "Cookie: $2" "$3" | tee "$WORK/wrk-$1-1.txt" | grep '^BENCH' | sed 's/^BENCH //')
  local c0 p0 c1 p1 n
  c0=$(portal_cpu); p0=$(pg_cpu)
  many=$(wrk -t2 -c32 -d"${SECONDS_RUN}s" --timeout 10s --latency -s "$WORK/p95.lua" -H "Cookie: $2" "$3" | tee "$WORK/wrk-$1-32.txt" | grep '^BENCH' | sed 's/^BENCH //')
  c1=$(portal_cpu); p1=$(pg_cpu)
  n=$(awk '/requests in/ {print $1}' "$WORK/wrk-$1-32.txt")
  many="$many; CPU per request: portal $(per_request "$c0" "$c1" "$n") ms, PostgreSQL $(per_request "$p0" "$p1" "$n") ms"
  printf '%s\t%s\t%s\n' "$one" "$many" "$(load)" >"$WORK/wrk-$1.result"
}
# Warm-up: WARMUP seconds (60) of the page at 32 connections, then the runs measured. A process that
# has served a page for a few seconds is still compiling it: the tiered JIT replaces the framework's
# precompiled code and the first, instrumented code of the hot methods by optimised code over tens
# of seconds on two busy cores. Measured on 2026-12-05 (10-second runs one after the other):
# /Nominations 380, 600, 760, 780 and 815 requests/s, the portal's CPU per request 3.9, 2.1, 1.5,
# 1.4 and 1.35 ms; with tiered compilation off, 3.0 ms from the first run on. The 3-second warm-up
# used before measured that climb, not the portal; a warm-up "until two 5-second runs agree"
# stopped in the middle of it.
steady() { # cookie url
  local rate
  rate=$(wrk -t2 -c32 -d"${WARMUP}s" -H "Cookie: $1" "$2" | awk '/^Requests\/sec/ {printf "%.0f", $2}')
  echo "    warmed up for $WARMUP s ($rate req/s over the warm-up)" >&2
}

# ---- 5. the raw work: the statements of one request, from PostgreSQL's log, replayed -----------
capture() { # name curl-args... : logs every statement of one request and extracts them (retried until the log holds that request alone)
  local name=$1 offset attempt requests
  shift
  for attempt in 1 2 3; do
    wait_idle
    "${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 0.5
    offset=$(as_postgres stat -c %s "$PG_LOG")
    curl -s -o /dev/null "$@"
    sleep 0.5
    "${PSQL[@]}" -d postgres -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
    as_postgres tail -c +$((offset + 1)) "$PG_LOG" >"$WORK/$name.log"
    python3 scripts/bench/pg-statements.py "$WORK/$name.log" "$WORK/$name" >"$WORK/$name.statements"
    requests=$(awk '{print $5}' "$WORK/$name.statements")
    [ "$requests" = 1 ] && break
    echo "    the log of $name held $requests requests; again" >&2
  done
  PGOPTIONS="$PORTAL_PGOPTIONS" "${PSQL[@]}" -d "$DB" -c "EXPLAIN (ANALYZE, BUFFERS) $(cat "$WORK/$name.slowest.sql")" >"$WORK/$name.explain.txt" 2>&1 || true
}
pct() { # pgbench log files -> "p50 X ms, p95 Y ms" (third column: latency in microseconds)
  cat "$@" | awk '{print $3 / 1000}' | sort -n | awk '{a[NR] = $1} END {m = int(NR * 0.5); n = int(NR * 0.95); if (m < 1) m = 1; if (n < 1) n = 1; printf "p50 %.1f ms, p95 %.1f ms", a[m], a[n]}'
}
replay() { # name clients seconds -> "N tx/s, p50, p95"
  local out tps
  rm -f "$WORK"/pgbench_log.*
  out=$( (cd "$WORK" && PGOPTIONS="$PORTAL_PGOPTIONS" pgbench -h 127.0.0.1 -p "$PORT_PG" -U postgres -n -M prepared -f "$WORK/$1.sql" -c "$2" -j 2 -T "$3" -l "$DB") 2>&1) || { echo "$out" >&2; exit 1; }
  tps=$(echo "$out" | awk '/^tps/ {printf "%.1f", $3}')
  echo "$tps tx/s, $(pct "$WORK"/pgbench_log.*)"
}
raw() { # name cookie url
  local one many stats
  capture "$1" -H "Cookie: $2" "$3"
  read -r stats_n stats_ms stats_slow _ <"$WORK/$1.statements"
  echo "==> replay $1, load $(load)" >&2
  one=$(replay "$1" 1 5)
  local p0 p1
  p0=$(pg_cpu)
  many=$(replay "$1" 32 "$SECONDS_RUN")
  p1=$(pg_cpu)
  many="$many; PostgreSQL CPU per transaction $(per_request "$p0" "$p1" "$(cat "$WORK/pgbench_log."* | wc -l)") ms"
  printf '%s statements, %s ms in PostgreSQL (slowest %s ms)\t%s\t%s\n' "$stats_n" "$stats_ms" "$stats_slow" "$one" "$many" >"$WORK/raw-$1.result"
}

# No raw work beside the floor: while the session is held (docs/decisions/048) the page sends no
# statement at all (its bell count comes with the session's), so it is the portal's own work alone.
measure about "$chair" "$ABOUT"
measure ranking "$chair" "$RANKING"
raw ranking "$chair" "$RANKING"
measure nominations "$chair" "$NOMINATIONS"
raw nominations "$chair" "$NOMINATIONS"
measure national-nominations "$admin" "$NOMINATIONS"
raw national-nominations "$admin" "$NOMINATIONS"
measure employers "$admin" "$EMPLOYERS"
raw employers "$admin" "$EMPLOYERS"
measure home-chair "$chair" "$HOME_PAGE"
raw home-chair "$chair" "$HOME_PAGE"
measure home-admin "$admin" "$HOME_PAGE"
raw home-admin "$admin" "$HOME_PAGE"
measure national-pool "$admin" "$NATIONAL_POOL"
raw national-pool "$admin" "$NATIONAL_POOL"

# ---- 6. saving a scorecard: read the form (not timed), post all 25 scores changed (timed) -----
echo "==> scorecard saves, load $(load)" >&2
save_load=$(load)
# The focus chair's draft card (national-data.sql leaves exactly one; the demo has drafts of its own).
draft_card=$(q "SELECT c.id FROM scorecards c JOIN users u ON u.id = c.scorer_id WHERE c.status = 1 AND u.email = '$CHAIR' ORDER BY c.id LIMIT 1")
[ -n "$draft_card" ] || { echo "no draft card of $CHAIR" >&2; exit 1; }
draft=$(q "SELECT round_id || ' ' || nomination_id FROM scorecards WHERE id = $draft_card")
CARD="$URL/Scoring/Card?round=${draft% *}&nomination=${draft#* }"
# The card's indicators: those of its criteria set in the aspects its round covers (any other is refused).
mapfile -t indicators < <(q "SELECT i.id || ' ' || i.scale FROM scorecards c JOIN aspects a ON a.criteria_set_id = c.criteria_set_id
  JOIN round_aspects ra ON ra.round_id = c.round_id AND ra.aspect_code = a.code JOIN indicators i ON i.aspect_id = a.id
  WHERE c.id = $draft_card ORDER BY a.sort_order, i.sort_order")
[ "${#indicators[@]}" -gt 0 ] || { echo "the draft card $draft_card has no indicators" >&2; exit 1; }
save_args() { # n -> fills args for one save of the chair's draft card
  local page form_token version set_id k=0 id scale value
  page=$(curl -s -b "$WORK/chair.jar" -c "$WORK/chair.jar" "$CARD")
  form_token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$page" | tail -n1 | sed 's/.*value="//; s/"$//')
  version=$(grep -o 'name="Input.Version" value="[^"]*"' <<<"$page" | sed 's/.*value="//; s/"$//')
  [ -n "$version" ] || version=$(grep -o 'value="[^"]*" [^>]*name="Input.Version"' <<<"$page" | sed 's/^value="//; s/".*//')
  set_id=$(grep -o 'name="Input.CriteriaSetId" value="[^"]*"' <<<"$page" | sed 's/.*value="//; s/"$//')
  [ -n "$set_id" ] || set_id=$(grep -o 'value="[^"]*" [^>]*name="Input.CriteriaSetId"' <<<"$page" | sed 's/^value="//; s/".*//')
  args=(--data-urlencode "__RequestVerificationToken=$form_token" --data-urlencode "Input.Version=$version" --data-urlencode "Input.CriteriaSetId=$set_id" --data-urlencode "Input.Strengths=Uji $1")
  for entry in "${indicators[@]}"; do
    id=${entry% *}; scale=${entry#* }
    if [ "$scale" = 2 ]; then value=$((1 + ($1 + k) % 5)); else value="$((($1 * 7 + k * 3) % 100)),5"; fi
    args+=(--data-urlencode "Input.Scores[$k].IndicatorId=$id" --data-urlencode "Input.Scores[$k].Value=$value" --data-urlencode "Input.Scores[$k].Comment=Uji $1")   # computed indicators (KIN) ask for a note when changed
    k=$((k + 1))
  done
}
times="$WORK/saves.txt"
: >"$times"
for ((n = 0; n < SAVES; n++)); do
  save_args "$n"
  result=$(curl -s -b "$WORK/chair.jar" -c "$WORK/chair.jar" -o /dev/null -w '%{http_code} %{time_total}' -X POST "$CARD&handler=Save" "${args[@]}")
  [ "${result% *}" = 302 ] || { echo "save $n answered ${result% *}" >&2; exit 1; }
  [ "$n" -ge 10 ] && echo "${result#* }" >>"$times"   # the first 10 warm up
done
saves=$(sort -n "$times" | awk '{a[NR] = $1 * 1000} END {printf "%d saves, p50 %.1f ms, p95 %.1f ms, max %.1f ms", NR, a[int(NR * 0.5)], a[int(NR * 0.95)], a[NR]}')
save_args "$SAVES"
capture save -b "$WORK/chair.jar" -c "$WORK/chair.jar" -X POST "$CARD&handler=Save" "${args[@]}"
read -r save_n save_ms save_slow _ <"$WORK/save.statements"
save_raw=$(replay save 1 5)
save_load="$save_load → $(load)"

# ---- 7. the finalist report PDF of the focus province (50 finalists) ----------------------------
echo "==> PDF, load $(load)" >&2
pdf_load=$(load)
PDF="$URL/Reports/Finalists?handler=Pdf"
pdf_times=()
for i in 1 2 3 4 5 6; do
  t=$(curl -s -o "$WORK/report.pdf" -w '%{http_code} %{time_total}' -b "$WORK/chair.jar" "$PDF")
  [ "${t% *}" = 200 ] || { echo "PDF handler answered ${t% *}" >&2; exit 1; }
  [ "$i" = 1 ] || pdf_times+=("${t#* }")   # the first run warms up the page and Chromium's disk cache
done
pdf_sorted=$(printf '%s\n' "${pdf_times[@]}" | sort -n)
pages=$(pdfinfo "$WORK/report.pdf" | awk '/^Pages:/ {print $2}')
finalists=$(q "SELECT count(*) FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id WHERE y.is_current AND n.province_code = '$FOCUS' AND n.status = 8")
# The raw work underneath: the same page as HTML (data and Razor, no Chromium), and Chromium
# printing that HTML from a file, with the flags of ChromiumPdf (the stylesheets are not loaded).
html_t=$(curl -s -o "$WORK/report.html" -w '%{time_total}' -b "$WORK/chair.jar" "$URL/Reports/Finalists")
rm -rf "$WORK/chromium"
chromium_start=$(date +%s.%N)
chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --disable-extensions --disable-default-apps --mute-audio --hide-scrollbars --user-data-dir="$WORK/chromium" \
  --no-pdf-header-footer --print-to-pdf="$WORK/raw.pdf" "file://$WORK/report.html" >/dev/null 2>&1
chromium_s=$(echo "$(date +%s.%N) - $chromium_start" | bc)
raw_pages=$(pdfinfo "$WORK/raw.pdf" | awk '/^Pages:/ {print $2}')
pdf_load="$pdf_load → $(load)"

hwm=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status")
rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status")
kill "$APP_PID" 2>/dev/null || true

# ---- summary ------------------------------------------------------------------------------------
field() { cut -f"$2" "$WORK/$1.result"; }
imp() { grep -F "$1" "$WORK/import.md" | head -n1 | awk -F'|' '{gsub(/^ +| +$/, "", $3); gsub(/^ +| +$/, "", $4); print $3 ", peak RSS " $4}'; }
raw_copy=$(grep -F 'bare `psql \copy`' "$WORK/import.md" | awk -F'|' '{gsub(/^ +| +$/, "", $3); print $3}')
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), PostgreSQL $("${PSQL[@]}" -d postgres -c 'SHOW server_version' | cut -d' ' -f1), $(dotnet --version | sed 's/^/.NET SDK /'); run $(date -u '+%Y-%m-%d %H:%M UTC'), $(( $(date +%s) - started )) s in all."
echo "Data: $counts; generated in $(printf '%.0f' "$gen_s") s (load $gen_load)."
echo "Focus: the chair of province $FOCUS ($focus_noms nominations; ranking of category $category, $category_rows ranked nominations); the administrator sees $national_noms."
echo
echo "| measure | target | portal | raw work underneath | load average (1, 5, 15 min) |"
echo "| --- | --- | --- | --- | --- |"
echo "| import-employers, 100,000 new employers (import.sh) | < 15 s, flat memory | $(imp 'new employers |' | sed -n 1p) | bare psql \\copy of the file: $raw_copy | $import_load |"
echo "| the same file again (nothing changes) | changes nothing | $(imp 'the same file again') | | |"
for page in "about|GET /About (chair): the floor, a signed-in page with the layout only|(recorded)" \
            "ranking|GET ranking (chair, $category_rows nominations, 25 on the page)|p95 ≤ 150 ms (1 conn.)" \
            "nominations|GET /Nominations (chair, $focus_noms nominations)|(recorded)" \
            "national-nominations|GET /Nominations (administrator, $national_noms nominations)|(recorded)" \
            "employers|GET /Employers national search (administrator, 50,000 employers)|(recorded)" \
            "home-chair|GET / home page \"Tugas saya\" (chair of $FOCUS)|p95 ≤ 50 ms (1 conn.), ≥ 300 req/s (32)" \
            "home-admin|GET / home page (administrator, every province)|(recorded)" \
            "national-pool|GET /National national pool ranking (administrator, $pool_noms forwarded finalists, 2 national rounds)|p95 ≤ 150 ms (1 conn.)"; do
  IFS='|' read -r name label target <<<"$page"
  [ -f "$WORK/raw-$name.result" ] || printf 'no statement\t—\t—\n' >"$WORK/raw-$name.result"
  echo "| $label, wrk 1 connection, ${SECONDS_RUN} s | $target | $(field "wrk-$name" 1) | one request: $(field "raw-$name" 1); pgbench 1 client: $(field "raw-$name" 2) | $(field "wrk-$name" 3) |"
  echo "| $label, wrk 32 connections, ${SECONDS_RUN} s | (recorded) | $(field "wrk-$name" 2) | pgbench 32 clients: $(field "raw-$name" 3) | |"
done
echo "| POST scorecard save (25 scores changed, history + audit), sequential | p95 ≤ 50 ms | $saves | one save: $save_n statements, $save_ms ms in PostgreSQL; pgbench 1 client (in a rolled-back transaction): $save_raw | $save_load |"
echo "| finalist report PDF, $finalists finalists ($pages pages), 5 runs after a warm-up | ≤ 5 s | median $(printf '%.2f' "$(echo "$pdf_sorted" | sed -n 3p)") s, slowest $(printf '%.2f' "$(echo "$pdf_sorted" | tail -n1)") s | HTML page (data + Razor) $(printf '%.2f' "$html_t") s; Chromium printing it from a file $(printf '%.2f' "$chromium_s") s ($raw_pages pages) | $pdf_load |"
echo "| web process peak memory (VmHWM) / resident at the end (VmRSS) | (recorded) | $hwm MiB / $rss MiB | | $(load) |"
echo
echo "Details: $WORK (wrk outputs, each page's statements as a pgbench script and EXPLAIN ANALYZE of its slowest statement, import.md)."

# PARITRANA_BENCH_KEEP=1 leaves the cluster running (the database paritrana_bench_national) for EXPLAIN ANALYZE.
[ "${PARITRANA_BENCH_KEEP:-}" = 1 ] || pg_private_stop "$PG_DIR"
