#!/usr/bin/env bash
# Benchmark of the finalist report (issue 6): the PDF of one province with 50 finalists, each with
# three rounds of submitted scorecards by 7 scorers over 25 indicators (the data of
# scripts/bench/scoring.sh, 200 nominations instead of 2,000, the first 50 made finalists), timed
# through the page's PDF handler as the Bali chair signed in.
# Usage: scripts/bench/report.sh   (private PostgreSQL cluster on port 55437; results as Markdown)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh
command -v wrk >/dev/null || { as_root apt-get install -y -qq wrk >/dev/null; }

PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/paritrana-bench-report-pg}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55437}
DB=paritrana_bench_report
URL=http://127.0.0.1:5096
APP_LOG=/tmp/paritrana-bench-report.log
NOMINATIONS=200
source scripts/bench/scoring-data.sh
# The first 50 nominations become finalists (a plenary has decided them).
"${PSQL[@]}" -d "$DB" -c "UPDATE nominations SET status = 8 WHERE id IN (SELECT id FROM nominations n WHERE n.cycle_id = (SELECT id FROM award_cycles WHERE year = 2090) ORDER BY id LIMIT 50)"

# ---- sign in as the chair of Bali (the form's antiforgery token plus its cookie) ----------------
jar=$(mktemp)
token=$(curl -s -c "$jar" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$URL/Account/Login" \
  --data-urlencode "Input.Email=ketua.bali@paritrana.demo" --data-urlencode "Input.Password=Demo-Paritrana-2026" \
  --data-urlencode "__RequestVerificationToken=$token"
grep -q "Paritrana.Auth" "$jar" || { echo "sign-in failed" >&2; exit 1; }

PDF="$URL/Reports/Finalists?cycle=2090&handler=Pdf"
times=()
for i in 1 2 3 4 5 6; do
  t=$(curl -s -o /tmp/paritrana-bench-report.pdf -w '%{http_code} %{time_total}' -b "$jar" "$PDF")
  [ "${t% *}" = 200 ] || { echo "PDF handler answered ${t% *}" >&2; exit 1; }
  [ "$i" = 1 ] || times+=("${t#* }")   # the first run warms up the page and Chromium's disk cache
done
pages=$(pdfinfo /tmp/paritrana-bench-report.pdf | awk '/^Pages:/ {print $2}')
finalists=$(pdftotext /tmp/paritrana-bench-report.pdf - | grep -c "PT Uji Penilaian" || true)
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "| measure | target | result |"
echo "| --- | --- | --- |"
echo "| finalist report PDF, 50 finalists ($pages pages), 5 runs after a warm-up | ≤ 5 s | median $(echo "$sorted" | sed -n 3p) s, slowest $(echo "$sorted" | tail -n1) s |"
echo "| lines of the PDF text naming a finalist (summary row and own section) | 100 | $finalists |"
