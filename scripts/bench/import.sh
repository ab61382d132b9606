#!/usr/bin/env bash
# Benchmark of the employer import (issue 3): a realistic 100,000-row BPJamsostek file through the
# command-line verb `import-employers` (the same code as the portal's background import), then the
# same file again (which must change nothing), with peak memory from /usr/bin/time -v; compared
# with the raw work underneath, a bare psql \copy of the same file into a plain table. A 10,000-row
# file is imported too, to show that memory stays flat as the file grows.
# Usage: scripts/bench/import.sh   (ROWS=100000 by default; private cluster on port 55434)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh
[ -x /usr/bin/time ] || { as_root apt-get install -y -qq time >/dev/null; }

ROWS=${ROWS:-100000}
SMALL_ROWS=${SMALL_ROWS:-10000}
PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/paritrana-bench-import-pg}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55434}
WORK=${PARITRANA_BENCH_WORK:-/tmp/paritrana-bench-import}
DB=paritrana_bench_import
mkdir -p "$WORK"
rm -rf "$WORK/store"

pg_private_start "$PG_DIR" "$PORT_PG"
psql_db() { psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql_db -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PORT_PG;Username=postgres;Database=$DB"
export ASPNETCORE_ENVIRONMENT=Development Demo__Enabled=true
# The import's own log lines (time of each phase) are kept; everything else only from warnings up.
export Storage__ImportsDirectory="$WORK/store" Logging__LogLevel__Default=Warning Logging__LogLevel__Paritrana=Information

# PARITRANA_BENCH_APP=/path/Paritrana.Web.dll measures a build made before (a copy of an earlier
# commit's bin/Release, to compare before and after on the same data); otherwise build now.
if [ -n "${PARITRANA_BENCH_APP:-}" ]; then
  APP=$PARITRANA_BENCH_APP
else
  if ! build=$(dotnet build src/Paritrana.Web -c Release -nologo -v quiet 2>&1); then echo "$build" | grep -E "error" >&2; exit 1; fi
  APP="$ROOT/src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll"
fi
(cd src/Paritrana.Web && dotnet "$APP" migrate >/dev/null)

# Branch offices for seven more provinces and the generator of the file (shared with the cluster test).
source scripts/bench/employers.sh
add_bench_branches psql_db -d "$DB"
psql_db -d "$DB" -F, -c "SELECT a.regency_code, b.name FROM branch_office_areas a JOIN branch_offices b ON b.id = a.branch_office_id ORDER BY 1" >"$WORK/areas.csv"

# idn N: a number with id-ID thousands dots, as the verb prints it.
idn() { echo "$1" | sed -e :a -e 's/\(.*[0-9]\)\([0-9]\{3\}\)/\1.\2/;ta'; }

pg_cpu() { pg_private_cpu "$PG_DIR"; }   # scripts/postgres.sh

# run_import FILE LOG: the CLI verb under /usr/bin/time; prints "wall-seconds peak-MiB cli-cpu-seconds db-cpu-seconds".
run_import() {
  local before after
  before=$(pg_cpu)
  (cd src/Paritrana.Web && /usr/bin/time -v dotnet "$APP" import-employers "$1") >"$2" 2>"$2.time" || { cat "$2" "$2.time" >&2; exit 1; }
  after=$(pg_cpu)
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s}' "$2.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$2.time")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$2.time")
  echo "$wall $rss $cpu $(echo "$after - $before" | bc)"
}

generate "$ROWS" "$WORK/employers-$ROWS.csv"
generate "$SMALL_ROWS" "$WORK/employers-$SMALL_ROWS.csv"
sed -i "s/^1000\([0-9]\{4\}\),/2000\1,/" "$WORK/employers-$SMALL_ROWS.csv"   # other NPPs than the large file
size=$(du -h "$WORK/employers-$ROWS.csv" | cut -f1)

read -r first_s first_rss first_cpu first_db < <(run_import "$WORK/employers-$ROWS.csv" "$WORK/first.log")
read -r again_s again_rss again_cpu again_db < <(run_import "$WORK/employers-$ROWS.csv" "$WORK/again.log")
read -r small_s small_rss small_cpu small_db < <(run_import "$WORK/employers-$SMALL_ROWS.csv" "$WORK/small.log")
grep -q "pemberi kerja baru $(idn "$ROWS")," "$WORK/first.log" || { echo "first import did not insert every row:" >&2; cat "$WORK/first.log" >&2; exit 1; }
grep -q "tanpa perubahan $(idn "$ROWS")\." "$WORK/again.log" || { echo "re-import changed something:" >&2; cat "$WORK/again.log" >&2; exit 1; }

psql_db -d "$DB" -c "CREATE TABLE bench_raw (npp text, nama text, kode_wilayah text, kantor_cabang text, skala text, sektor text, jumlah_pekerja text, peserta_pu text, peserta_bpu text, program text, tunggakan_bulan text, per_tanggal text)"
start=$(date +%s.%N)
psql_db -d "$DB" -c "\\copy bench_raw FROM '$WORK/employers-$ROWS.csv' WITH (FORMAT csv, HEADER true)"
end=$(date +%s.%N)
raw=$(echo "$end - $start" | bc)
counts=$(psql_db -d "$DB" -c "SELECT (SELECT count(*) FROM organisations WHERE NOT is_demo) || ' employers, ' || (SELECT count(*) FROM coverage_figures) || ' coverage rows'")

echo "File: $ROWS rows, $size ($WORK/employers-$ROWS.csv); database after the runs: $counts."
echo "Load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores."
echo
echo "| measure | wall clock (process start to exit) | peak RSS | CPU of the CLI | CPU of PostgreSQL |"
echo "| --- | --- | --- | --- | --- |"
echo "| \`import-employers\`, $ROWS new employers | ${first_s} s | ${first_rss} MiB | ${first_cpu} s | ${first_db} s |"
echo "| the same file again (nothing changes) | ${again_s} s | ${again_rss} MiB | ${again_cpu} s | ${again_db} s |"
echo "| \`import-employers\`, $SMALL_ROWS new employers | ${small_s} s | ${small_rss} MiB | ${small_cpu} s | ${small_db} s |"
echo "| bare \`psql \\copy\` of the same $ROWS-row file into a plain text table | $(printf '%.2f' "$raw") s | | | |"
echo
echo "The verb's own timing (from reading the file to commit, without process start):"
echo
for f in first again small; do echo "- $f: $(grep '^Waktu' "$WORK/$f.log")"; done
echo
echo "Phases of the first import (from its log):"
echo
grep -o 'Import batch [0-9]*: .* in [0-9]* ms' "$WORK/first.log" | sed 's/^Import batch [0-9]*: /- /'
