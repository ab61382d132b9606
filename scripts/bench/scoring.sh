#!/usr/bin/env bash
# Benchmark of scoring (issue 5): the ranking page and saving a scorecard with 2,000 nominations in
# one province (one category, status ReadyForScoring), 7 scorers, a criteria set of 25 indicators
# (5 aspects x 5), three open rounds that each score all 25, every scorer assigned to every
# nomination in every round and every card submitted: 42,000 cards and 1,050,000 scores, generated
# by SQL. Only the chair's card of the first nomination in the first round is left as a draft: it
# is the card the save loop posts.
# Usage: scripts/bench/scoring.sh   (private PostgreSQL cluster on port 55436; results as Markdown)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh
command -v wrk >/dev/null || { as_root apt-get install -y -qq wrk >/dev/null; }

PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/paritrana-bench-scoring-pg}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55436}
DB=paritrana_bench_scoring
SAVES=${PARITRANA_BENCH_SAVES:-300}
URL=http://127.0.0.1:5097
APP_LOG=/tmp/paritrana-bench-scoring.log
NOMINATIONS=2000
source scripts/bench/scoring-data.sh
counts=$("${PSQL[@]}" -d "$DB" -c "SELECT (SELECT count(*) FROM nominations), (SELECT count(*) FROM scorecards), (SELECT count(*) FROM scores)")
category=$("${PSQL[@]}" -d "$DB" -c "SELECT c.id FROM categories c JOIN award_cycles y ON y.id = c.cycle_id WHERE y.year = 2090")
draft=$("${PSQL[@]}" -d "$DB" -c "SELECT round_id || ' ' || nomination_id FROM scorecards WHERE status = 1")
round_id=${draft% *}
nomination_id=${draft#* }

# ---- sign in as the chair of Bali (the form's antiforgery token plus its cookie) ----------------
jar=$(mktemp)
token=$(curl -s -c "$jar" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$URL/Account/Login" \
  --data-urlencode "Input.Email=ketua.bali@paritrana.demo" --data-urlencode "Input.Password=Demo-Paritrana-2026" \
  --data-urlencode "__RequestVerificationToken=$token"
cookie=$(awk '$6 == ".Paritrana.Auth" {print $6"="$7}' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }

RANKING="$URL/Scoring/Ranking?cycle=2090&kategori=$category"
code=$(curl -s -o /tmp/paritrana-bench-ranking.html -w '%{http_code}' -b "$jar" "$RANKING")
[ "$code" = 200 ] || { echo "ranking page answered $code" >&2; exit 1; }
grep -q 'data-testid="ranking-row"' /tmp/paritrana-bench-ranking.html || { echo "ranking page has no rows" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# ---- ranking page: wrk, one connection (the latency one person sees) and four -------------------
cat >/tmp/paritrana-bench-p95.lua <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d requests, %.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
wrk -t1 -c1 -d20s -H "Cookie: $cookie" "$RANKING" >/dev/null   # warm-up (tiered JIT)
rank1=$(wrk -t1 -c1 -d20s -s /tmp/paritrana-bench-p95.lua -H "Cookie: $cookie" "$RANKING" | grep '^BENCH' | sed 's/^BENCH //')
rank4=$(wrk -t2 -c4 -d20s -s /tmp/paritrana-bench-p95.lua -H "Cookie: $cookie" "$RANKING" | grep '^BENCH' | sed 's/^BENCH //')
page9=$(wrk -t1 -c1 -d10s -s /tmp/paritrana-bench-p95.lua -H "Cookie: $cookie" "$RANKING&p=40" | grep '^BENCH' | sed 's/^BENCH //')
# The same with the cycle's optional z-scores shown (every card total turned into its scorer's z-score).
"${PSQL[@]}" -d "$DB" -c "UPDATE scoring_settings SET show_z_scores = true"
wrk -t1 -c1 -d3s -H "Cookie: $cookie" "$RANKING" >/dev/null
rankz=$(wrk -t1 -c1 -d20s -s /tmp/paritrana-bench-p95.lua -H "Cookie: $cookie" "$RANKING" | grep '^BENCH' | sed 's/^BENCH //')
"${PSQL[@]}" -d "$DB" -c "UPDATE scoring_settings SET show_z_scores = false"

# ---- saving the scorecard: read the form (not timed), post all 25 scores changed (timed) -------
CARD="$URL/Scoring/Card?round=$round_id&nomination=$nomination_id"
mapfile -t indicators < <("${PSQL[@]}" -d "$DB" -c "SELECT i.id || ' ' || i.scale FROM indicators i JOIN aspects a ON a.id = i.aspect_id JOIN criteria_sets s ON s.id = a.criteria_set_id JOIN award_cycles y ON y.id = s.cycle_id WHERE y.year = 2090 ORDER BY a.sort_order, i.sort_order")
times=$(mktemp)
for ((n = 0; n < SAVES; n++)); do
  page=$(curl -s -b "$jar" -c "$jar" "$CARD")
  form_token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$page" | tail -n1 | sed 's/.*value="//; s/"$//')
  version=$(grep -o 'name="Input.Version" value="[^"]*"' <<<"$page" | sed 's/.*value="//; s/"$//')
  [ -n "$version" ] || version=$(grep -o 'value="[^"]*" [^>]*name="Input.Version"' <<<"$page" | sed 's/^value="//; s/".*//')
  set_id=$(grep -o 'name="Input.CriteriaSetId" value="[^"]*"' <<<"$page" | sed 's/.*value="//; s/"$//')
  [ -n "$set_id" ] || set_id=$(grep -o 'value="[^"]*" [^>]*name="Input.CriteriaSetId"' <<<"$page" | sed 's/^value="//; s/".*//')
  args=(--data-urlencode "__RequestVerificationToken=$form_token" --data-urlencode "Input.Version=$version" --data-urlencode "Input.CriteriaSetId=$set_id" --data-urlencode "Input.Strengths=Uji $n")
  k=0
  for entry in "${indicators[@]}"; do
    id=${entry% *}; scale=${entry#* }
    if [ "$scale" = 2 ]; then value=$((1 + (n + k) % 5)); else value="$(((n * 7 + k * 3) % 100)),5"; fi
    args+=(--data-urlencode "Input.Scores[$k].IndicatorId=$id" --data-urlencode "Input.Scores[$k].Value=$value" --data-urlencode "Input.Scores[$k].Comment=")
    k=$((k + 1))
  done
  result=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{time_total}' -X POST "$CARD&handler=Save" "${args[@]}")
  [ "${result% *}" = 302 ] || { echo "save $n answered ${result% *}" >&2; exit 1; }
  [ "$n" -ge 20 ] && echo "${result#* }" >>"$times"   # the first 20 warm up
done
saves=$(sort -n "$times" | awk '{a[NR]=$1*1000} END {printf "%d saves, p50 %.1f ms, p95 %.1f ms, max %.1f ms", NR, a[int(NR*0.5)], a[int(NR*0.95)], a[NR]}')
history=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM score_changes")
rss=$(ps -o rss= -p "$(pgrep -f "Paritrana.Web.dll --urls $URL" | head -n1)" | awk '{printf "%.0f", $1/1024}')

echo "load average before the runs: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| measure | target | result |"
echo "| --- | --- | --- |"
echo "| data generated by SQL (nominations, cards, scores) | — | $(tr '|' ' ' <<<"$counts" | awk '{printf "%s, %s, %s", $1, $2, $3}') in $(printf '%.0f' "$(echo "$gen_end - $gen_start" | bc)") s |"
echo "| GET ranking page 1 (25 rows, $(($(wc -c </tmp/paritrana-bench-ranking.html) / 1024)) KiB of HTML), wrk 1 connection, 20 s | p95 ≤ 150 ms | $rank1 |"
echo "| GET ranking page 1, wrk 4 connections, 20 s | (recorded) | $rank4 |"
echo "| GET ranking page 40, wrk 1 connection, 10 s | (recorded) | $page9 |"
echo "| GET ranking page 1 with z-scores shown, wrk 1 connection, 20 s | (recorded) | $rankz |"
echo "| POST scorecard save (25 scores changed, 25 history rows + audit), sequential | p95 ≤ 50 ms | $saves |"
echo "| history rows written by the save loop | — | $history |"
echo "| web process resident memory after the runs | (recorded) | ${rss} MiB |"
