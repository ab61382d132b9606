#!/usr/bin/env bash
# Benchmark of the regional coverage import (issue 16): a national extract of every regency and
# city (514) for 12 monthly periods, 6,168 rows, through the command-line verb `import-regional`
# (the same preview, start and run as the portal's background import), then the same file again
# (which must change nothing); beside it, a bare psql \copy of the same file into a plain table.
# Target: the import in under 2 s. Prints the load average: the machine is shared.
# Usage: scripts/bench/regional.sh   (PERIODS=12 by default; private cluster on port 55565)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh
[ -x /usr/bin/time ] || { as_root apt-get install -y -qq time >/dev/null; }

PERIODS=${PERIODS:-12}
PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/paritrana-bench-regional-pg}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55565}
WORK=${PARITRANA_BENCH_WORK:-/tmp/paritrana-bench-regional}
DB=paritrana_bench_regional
mkdir -p "$WORK"

pg_private_start "$PG_DIR" "$PORT_PG"
psql_db() { psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql_db -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PORT_PG;Username=postgres;Database=$DB"
export ASPNETCORE_ENVIRONMENT=Development Demo__Enabled=false
export Logging__LogLevel__Default=Warning

if [ -n "${PARITRANA_BENCH_APP:-}" ]; then
  APP=$PARITRANA_BENCH_APP
else
  if ! build=$(dotnet build src/Paritrana.Web -c Release -nologo -v quiet 2>&1); then echo "$build" | grep -E "error" >&2; exit 1; fi
  APP="$ROOT/src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll"
fi
(cd src/Paritrana.Web && dotnet "$APP" migrate >/dev/null)

# The file: every regency and city of the reference data (src/Paritrana.Web/Data/Regions), 12
# months of 2024, figures with id-ID thousands dots; PU at most the formal workers and BPU at most
# the informal ones (no warning); desa_sadar empty except in each quarter's last month.
FILE="$WORK/cakupan-nasional-$PERIODS.csv"
python3 - "$FILE" "$PERIODS" <<'PY'
import sys, zlib
idn = lambda n: f"{n:,}".replace(",", ".")
codes = [line.split(",")[0] for line in open("src/Paritrana.Web/Data/Regions/regencies.csv", encoding="utf-8") if line[:1].isdigit()]
out = ["kode_wilayah,periode,pekerja_formal,pekerja_informal,peserta_pu,peserta_bpu,pemberi_kerja_aktif,desa_sadar"]
for code in codes:
    h = zlib.crc32(code.encode())
    for m in range(1, int(sys.argv[2]) + 1):
        f, i = 50_000 + h % 400_000 + m * 100, 80_000 + h % 600_000 + m * 50
        villages = str(h % 5) if m % 3 == 0 else ""
        out.append(f"{code},2024-{m:02d},{idn(f)},{idn(i)},{idn(f * (40 + h % 40) // 100)},{idn(i * (5 + h % 20) // 100)},{idn(f // 40)},{villages}")
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
ROWS=$(($(wc -l <"$FILE") - 1))
[ "$ROWS" -eq $((514 * PERIODS)) ] || { echo "expected $((514 * PERIODS)) rows, got $ROWS" >&2; head -3 "$FILE" >&2; exit 1; }

# idn N: a number with id-ID thousands dots, as the verb prints it.
idn() { echo "$1" | sed -e :a -e 's/\(.*[0-9]\)\([0-9]\{3\}\)/\1.\2/;ta'; }

# run_import FILE LOG: the verb under /usr/bin/time; prints "wall-seconds peak-MiB".
run_import() {
  (cd src/Paritrana.Web && /usr/bin/time -v dotnet "$APP" import-regional "$1") >"$2" 2>"$2.time" || { cat "$2" "$2.time" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s}' "$2.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$2.time")
  echo "$wall $rss"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
read -r first_s first_rss < <(run_import "$FILE" "$WORK/first.log")
read -r again_s again_rss < <(run_import "$FILE" "$WORK/again.log")
grep -q "angka wilayah baru $(idn "$ROWS"), diganti 0, tanpa perubahan 0\." "$WORK/first.log" || { echo "first import did not insert every row:" >&2; cat "$WORK/first.log" >&2; exit 1; }
grep -q "baru 0, diganti 0, tanpa perubahan $(idn "$ROWS")\." "$WORK/again.log" || { echo "re-import changed something:" >&2; cat "$WORK/again.log" >&2; exit 1; }

psql_db -d "$DB" -c "CREATE TABLE bench_raw (kode_wilayah text, periode text, pekerja_formal text, pekerja_informal text, peserta_pu text, peserta_bpu text, pemberi_kerja_aktif text, desa_sadar text)"
start=$(date +%s.%N)
psql_db -d "$DB" -c "\\copy bench_raw FROM '$FILE' WITH (FORMAT csv, HEADER true)"
end=$(date +%s.%N)
raw=$(echo "$end - $start" | bc)

echo "File: $ROWS rows ($(du -h "$FILE" | cut -f1), $FILE); regional_figures after the runs: $(psql_db -d "$DB" -c 'SELECT count(*) FROM regional_figures') rows."
echo "Load average before the runs: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores."
echo
echo "| measure | the verb's own time (reading the file to commit) | wall clock (process start to exit) | peak RSS |"
echo "| --- | --- | --- | --- |"
echo "| \`import-regional\`, $ROWS new rows | $(grep '^Waktu' "$WORK/first.log" | sed 's/^Waktu: //; s/\.$//') | ${first_s} s | ${first_rss} MiB |"
echo "| the same file again (nothing changes) | $(grep '^Waktu' "$WORK/again.log" | sed 's/^Waktu: //; s/\.$//') | ${again_s} s | ${again_rss} MiB |"
echo "| bare \`psql \\copy\` of the same file into a plain text table | | $(printf '%.2f' "$raw") s | |"
