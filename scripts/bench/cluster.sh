#!/usr/bin/env bash
# Benchmark of the portal behind HAProxy (issue 12): the signed-in chair's nominations list and
# ranking at national scale (scripts/bench/national-data.sql, as scripts/bench/national.sh), under
# wrk with 32 connections, three ways: one instance directly, one instance through HAProxy, three
# instances through HAProxy (scripts/cluster.sh). Every answer must be 200: wrk's non-2xx/3xx and
# socket errors are printed beside each figure.
# Usage: scripts/bench/cluster.sh  (private cluster /tmp/pg-cluster-run on port 55518; Markdown on stdout)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh
command -v wrk >/dev/null || { as_root apt-get install -y -qq wrk >/dev/null; }

PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/pg-cluster-run}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55518}
WORK=${PARITRANA_BENCH_WORK:-/tmp/paritrana-bench-cluster}
SECONDS_RUN=${PARITRANA_BENCH_SECONDS:-10}
DB=paritrana_bench_cluster
FOCUS=33                                # Jawa Tengah, whose demo chair is the signed-in chair measured
CHAIR=ketua.jateng@paritrana.demo
export PARITRANA_CLUSTER_DIR=$WORK/cluster PARITRANA_CLUSTER_PORT=5480 PARITRANA_CLUSTER_BASE_PORT=5480
LB=http://127.0.0.1:5480
DIRECT=http://127.0.0.1:5481           # web1
load() { cut -d' ' -f1-3 /proc/loadavg; }
rm -rf "$WORK"
mkdir -p "$WORK"

pg_private_start "$PG_DIR" "$PORT_PG"
q() { psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qtA "$@"; }
psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -d postgres -qtA -c "SET client_min_messages = warning" \
  -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PORT_PG;Username=postgres;Database=$DB;Maximum Pool Size=50"
export Logging__LogLevel__Default=Warning
trap 'scripts/cluster.sh stop >/dev/null 2>&1 || true' EXIT

echo "==> one instance; national data (scripts/bench/national-data.sql)" >&2
scripts/cluster.sh start 1 >/dev/null
export PARITRANA_CLUSTER_NO_BUILD=1
# The demo now seeds Bali's rounds of the current cycle (with cards), which national-data.sql
# creates for every province itself: they give way to the generated ones.
q -c "CREATE TEMP TABLE demo_rounds AS SELECT r.id FROM scoring_rounds r JOIN award_cycles y ON y.id = r.cycle_id WHERE y.is_current" \
  -c "DELETE FROM scorecards WHERE round_id IN (SELECT id FROM demo_rounds)" -c "DELETE FROM assignments WHERE round_id IN (SELECT id FROM demo_rounds)" \
  -c "DELETE FROM scoring_rounds WHERE id IN (SELECT id FROM demo_rounds)" >/dev/null
q -v employers=50000 -v nominations=5000 -v scorers=300 -v focus="$FOCUS" -v finalists=50 -f scripts/bench/national-data.sql >/dev/null
read -r category category_rows < <(q -c "SELECT n.category_id || ' ' || count(*) FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id
  WHERE y.is_current AND n.province_code = '$FOCUS' AND n.status IN (6, 7, 8, 9) GROUP BY n.category_id ORDER BY count(*) DESC, n.category_id LIMIT 1")
focus_noms=$(q -c "SELECT count(*) FROM nominations n JOIN award_cycles y ON y.id = n.cycle_id WHERE y.is_current AND n.province_code = '$FOCUS'")

# The chair's cookie, from the sign-in form through the balancer. Sessions live in PostgreSQL and
# the keys in the cluster's shared folder, so the same cookie serves every instance and both runs.
jar=$WORK/chair.jar
token=$(curl -s -c "$jar" "$LB/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$LB/Account/Login" --data-urlencode "Input.Email=$CHAIR" \
  --data-urlencode "Input.Password=Demo-Paritrana-2026" --data-urlencode "__RequestVerificationToken=$token"
cookie=$(awk '$6 == ".Paritrana.Auth" {print $6"="$7}' "$jar")
[ -n "$cookie" ] || { echo "sign-in of $CHAIR failed" >&2; exit 1; }

cat >"$WORK/summary.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("BENCH %.1f req/s, p50 %.1f ms, p99 %.1f ms, errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
# measure LABEL BASE: both pages, 32 connections, after a warm-up (tiered JIT, caches).
measure() {
  local page url
  for page in nominations ranking; do
    url=$2/Nominations
    [ $page = ranking ] && url="$2/Scoring/Ranking?kategori=$category"
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url")" = 200 ] || { echo "$url did not answer 200" >&2; exit 1; }
    echo "==> $1, $page, load $(load)" >&2
    wrk -t2 -c32 -d3s -H "Cookie: $cookie" "$url" >/dev/null
    printf '%s\t%s\t%s\t%s\n' "$1" "$page" "$(wrk -t2 -c32 -d"${SECONDS_RUN}s" --timeout 10s -s "$WORK/summary.lua" \
      -H "Cookie: $cookie" "$url" | grep '^BENCH' | sed 's/^BENCH //')" "$(load)" >>"$WORK/results.tsv"
  done
}
measure "1 instance, directly" "$DIRECT"
measure "1 instance through HAProxy" "$LB"
scripts/cluster.sh stop >/dev/null
scripts/cluster.sh start 3 >/dev/null
measure "3 instances through HAProxy" "$LB"

echo "Data: national scale (scripts/bench/national-data.sql: 50,000 employers, 5,000 nominations, 300 scorers);"
echo "the chair of Jawa Tengah ($focus_noms nominations in scope), ranking of category $category ($category_rows ranked nominations)."
echo "wrk 2 threads, 32 connections, 3 s warm-up then ${SECONDS_RUN} s; $(nproc) cores."
echo
echo "| setup | page | result | load average after |"
echo "| --- | --- | --- | --- |"
while IFS=$'\t' read -r setup page result after; do echo "| $setup | $page | $result | $after |"; done <"$WORK/results.tsv"
