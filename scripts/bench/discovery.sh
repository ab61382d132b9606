#!/usr/bin/env bash
# Benchmark of candidate discovery (issue 3): 50,000 employers over all 38 provinces, then
# GET /Employers with a filter and a sort under wrk (16 connections, 10 s) as the Bali chair and as
# the administrator (national scope), and the CSV export of a whole province and of everything.
# Usage: scripts/bench/discovery.sh   (private PostgreSQL cluster on port 55435; prints Markdown)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh
command -v wrk >/dev/null || { as_root apt-get install -y -qq wrk >/dev/null; }

PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/paritrana-bench-discovery-pg}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55435}
EMPLOYERS=${PARITRANA_BENCH_EMPLOYERS:-50000}
DB=paritrana_bench_discovery
pg_private_start "$PG_DIR" "$PORT_PG"
PSQL=(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -v ON_ERROR_STOP=1 -qtA)
"${PSQL[@]}" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PORT_PG;Username=postgres;Database=$DB;Maximum Pool Size=50"
export ASPNETCORE_ENVIRONMENT=Development Demo__Enabled=true
export Logging__LogLevel__Default=Warning

dotnet build src/Paritrana.Web -c Release -nologo -v quiet >/dev/null
APP="$ROOT/src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll"
(cd src/Paritrana.Web && dotnet "$APP" migrate >/dev/null)

# 50,000 employers in one statement, spread evenly over the 514 regencies and cities (so over all
# 38 provinces), with the branch office of the regency where one exists and latest_* figures as an
# import leaves them. setseed makes the figures the same on every run.
insert_start=$(date +%s.%N)
"${PSQL[@]}" -d "$DB" <<SQL
SELECT setseed(0.2025);
WITH regencies AS (
    SELECT code, province_code, (row_number() OVER (ORDER BY code) - 1)::int AS i FROM regencies_and_cities
), rows AS (
    SELECT s, s % 4 + 1 AS size, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
    FROM generate_series(1, $EMPLOYERS) AS s
), sized AS (
    SELECT rows.*, CASE size WHEN 1 THEN 250 + floor(r1 * 2251) WHEN 2 THEN 50 + floor(r1 * 200) WHEN 3 THEN 10 + floor(r1 * 40) ELSE 1 + floor(r1 * 9) END::int AS workers
    FROM rows
)
INSERT INTO organisations (type, name, province_code, regency_code, npp, branch_office_id, size_class, sector,
    latest_as_of, latest_workers, latest_participants_pu, latest_participants_bpu, latest_programs, latest_arrears_months,
    is_demo, created_at, updated_at)
SELECT 2,
       (ARRAY['PT', 'CV', 'UD'])[1 + s % 3] || ' ' || (ARRAY['Sinar', 'Karya', 'Mitra', 'Cahaya', 'Surya', 'Tirta', 'Mandiri', 'Sentosa'])[1 + s % 8]
           || ' ' || (ARRAY['Abadi', 'Jaya', 'Makmur', 'Lestari', 'Utama', 'Prima', 'Sejahtera'])[1 + s % 7] || ' ' || s,
       g.province_code, g.code, 'BN' || lpad(s::text, 8, '0'), a.branch_office_id, size,
       (ARRAY['Perdagangan besar dan eceran', 'Industri pengolahan', 'Konstruksi', 'Penyediaan akomodasi dan makan minum',
              'Transportasi dan pergudangan', 'Pertanian, kehutanan dan perikanan', 'Jasa lainnya'])[1 + s % 7],
       date '2024-12-31', workers, floor(workers * r2)::int, floor((workers - floor(workers * r2)) * r3 * 0.5)::int,
       1 + floor(r4 * 31)::int, CASE WHEN r5 < 0.75 THEN 0 ELSE floor(r5 * 40)::int - 29 END,
       false, now(), now()
FROM sized
JOIN regencies g ON g.i = (s * 7919) % (SELECT count(*) FROM regencies_and_cities)
LEFT JOIN branch_office_areas a ON a.regency_code = g.code;
ANALYZE organisations;
SQL
insert_end=$(date +%s.%N)
insert_time=$(echo "$insert_end - $insert_start" | bc)
total=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM organisations WHERE type = 2")
bali=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM organisations WHERE type = 2 AND province_code = '51'")
jateng=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM organisations WHERE type = 2 AND province_code = '33'")
provinces=$("${PSQL[@]}" -d "$DB" -c "SELECT count(DISTINCT province_code) FROM organisations WHERE type = 2")

URL=http://127.0.0.1:5135
(cd src/Paritrana.Web && exec dotnet "$APP" --urls "$URL" >/tmp/paritrana-bench-discovery.log 2>&1) &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true' EXIT
until curl -s -o /dev/null -w '%{http_code}' "$URL/Account/Login" | grep -q 200; do sleep 0.1; done

# Signs in as a browser does (the form's antiforgery token and its cookie) and prints the auth cookie.
sign_in() {
  local jar token cookie
  jar=$(mktemp)
  token=$(curl -s -c "$jar" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$URL/Account/Login" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=Demo-Paritrana-2026" \
    --data-urlencode "__RequestVerificationToken=$token"
  cookie=$(awk '$6 == ".Paritrana.Auth" {print $6"="$7}' "$jar")
  rm -f "$jar"
  [ -n "$cookie" ] || { echo "sign-in of $1 failed" >&2; exit 1; }
  echo "$cookie"
}
chair=$(sign_in ketua.bali@paritrana.demo)
admin=$(sign_in admin@paritrana.demo)
[ -n "$chair" ] && [ -n "$admin" ] || exit 1

# A filter and a sort: coverage at least 50 %, at most 3 months of arrears, sorted by coverage, highest first.
LIST="$URL/Employers?cakupanMin=50&tunggakanMaks=3&urut=cakupan&arah=turun"
# The administrator's list: all 38 provinces, medium companies, sorted by workers.
NATIONAL="$URL/Employers?skala=Medium&cakupanMin=50&urut=pekerja&arah=turun"
for check in "$chair $LIST" "$admin $NATIONAL"; do
  set -- $check
  code=$(curl -s -o /tmp/paritrana-bench-discovery.html -w '%{http_code}' -H "Cookie: $1" "$2")
  [ "$code" = 200 ] || { echo "$2 answered $code" >&2; exit 1; }
  grep -q 'data-testid="employer-row"' /tmp/paritrana-bench-discovery.html || { echo "$2 listed no employer" >&2; exit 1; }
done

# Warm up, then measure. The load average says how busy the machine was (other builds share its 2 cores).
load_before=$(cut -d' ' -f1 /proc/loadavg)
wrk -t2 -c16 -d3s -H "Cookie: $chair" "$LIST" >/dev/null
wrk -t2 -c16 -d3s -H "Cookie: $admin" "$NATIONAL" >/dev/null
home=$(wrk -t2 -c16 -d10s --latency -H "Cookie: $chair" "$URL/")
list_chair=$(wrk -t2 -c16 -d10s --latency -H "Cookie: $chair" "$LIST")
list_admin=$(wrk -t2 -c16 -d10s --latency -H "Cookie: $admin" "$NATIONAL")

export_once() { # cookie url -> "time, size, data rows"
  local measured rows
  measured=$(curl -s -H "Cookie: $1" -o /tmp/paritrana-bench-discovery.csv -w '%{time_total} %{size_download}' "$2")
  rows=$(($(wc -l </tmp/paritrana-bench-discovery.csv) - 1))
  echo "$measured" | awk -v rows="$rows" '{printf "%.2f s, %.2f MB, %d rows", $1, $2 / 1000000, rows}'
}
rss() { ps -o rss= -p "$APP_PID" | awk '{printf "%.0f", $1/1024}'; }
rss_before=$(rss)
export_jateng=$(export_once "$admin" "$URL/Employers?handler=Export&provinsi=33")
export_bali=$(export_once "$chair" "$URL/Employers?handler=Export")
export_all=$(export_once "$admin" "$URL/Employers?handler=Export")
rss_after=$(rss)
load_after=$(cut -d' ' -f1 /proc/loadavg)

summ() { echo "$1" | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {printf "%s req/s, p50 %s, p99 %s%s", rps, p50, p99, (bad ? ", NON-2XX " bad : "")}'; }
echo "| measure | result |"
echo "| --- | --- |"
echo "| insert $total employers in $provinces provinces (one INSERT ... generate_series, then ANALYZE) | $(printf '%.1f' "$insert_time") s |"
echo "| baseline: GET / signed in (chair, Bali), as in the foundation benchmark, same conditions | $(summ "$home") |"
echo "| GET /Employers?cakupanMin=50&tunggakanMaks=3&urut=cakupan&arah=turun, chair Bali ($bali employers in scope), wrk 16 conn., 10 s | $(summ "$list_chair") |"
echo "| GET /Employers?skala=Medium&cakupanMin=50&urut=pekerja&arah=turun, administrator (all $total), wrk 16 conn., 10 s | $(summ "$list_admin") |"
echo "| CSV export, Jawa Tengah as administrator ($jateng employers) | $export_jateng |"
echo "| CSV export, Bali as the chair (whole scope) | $export_bali |"
echo "| CSV export, all provinces as administrator | $export_all |"
echo "| web process resident memory before / after the three exports | ${rss_before} MiB / ${rss_after} MiB |"
echo "| machine load average (1 min) before / after the runs | $load_before / $load_after |"

if [ "${PARITRANA_BENCH_KEEP:-}" != 1 ]; then
  kill "$APP_PID" 2>/dev/null || true
  pg_private_stop "$PG_DIR"
fi
