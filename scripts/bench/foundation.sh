#!/usr/bin/env bash
# Benchmark of the foundation (issue 2): start-up time to the first served page, and requests/s
# of the sign-in page and a signed-in home page under wrk with 16 connections.
# Usage: scripts/bench/foundation.sh   (uses the private test cluster; results printed as Markdown)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh
command -v wrk >/dev/null || { as_root apt-get install -y -qq wrk >/dev/null; }

PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/paritrana-bench-pg}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55433}
pg_private_start "$PG_DIR" "$PORT_PG"
psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -qtA -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS paritrana_bench WITH (FORCE)" -c "CREATE DATABASE paritrana_bench"

export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PORT_PG;Username=postgres;Database=paritrana_bench;Maximum Pool Size=50"
export ASPNETCORE_ENVIRONMENT=Development Demo__Enabled=true
export Logging__LogLevel__Default=Warning

dotnet build src/Paritrana.Web -c Release -nologo -v quiet >/dev/null
APP="$ROOT/src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll"
(cd src/Paritrana.Web && dotnet "$APP" migrate >/dev/null)

URL=http://127.0.0.1:5099
start=$(date +%s.%N)
(cd src/Paritrana.Web && exec dotnet "$APP" --urls "$URL" >/tmp/paritrana-bench.log 2>&1) &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true' EXIT
until curl -s -o /dev/null -w '%{http_code}' "$URL/Account/Login" | grep -q 200; do sleep 0.05; done
end=$(date +%s.%N)
startup=$(echo "$end - $start" | bc)

# Sign in as a browser does: the form's antiforgery token plus its cookie.
jar=$(mktemp)
token=$(curl -s -c "$jar" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$URL/Account/Login" \
  --data-urlencode "Input.Email=ketua.bali@paritrana.demo" --data-urlencode "Input.Password=Demo-Paritrana-2026" \
  --data-urlencode "__RequestVerificationToken=$token"
cookie=$(awk '$6 == ".Paritrana.Auth" {print $6"="$7}' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$URL/")
[ "$code" = 200 ] || { echo "home page answered $code" >&2; exit 1; }

# Warm up, then measure.
wrk -t2 -c16 -d3s "$URL/Account/Login" >/dev/null
wrk -t2 -c16 -d3s -H "Cookie: $cookie" "$URL/" >/dev/null
login=$(wrk -t2 -c16 -d10s --latency "$URL/Account/Login")
home=$(wrk -t2 -c16 -d10s --latency -H "Cookie: $cookie" "$URL/")
rss=$(ps -o rss= -p "$(pgrep -f "Paritrana.Web.dll --urls $URL" | head -n1)" | awk '{printf "%.0f", $1/1024}')

summ() { echo "$1" | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {printf "%s req/s, p50 %s, p99 %s%s", rps, p50, p99, (bad ? ", NON-2XX " bad : "")}'; }
echo "| measure | result |"
echo "| --- | --- |"
echo "| start-up to first served page (migrations applied) | $(printf '%.2f' "$startup") s |"
echo "| GET /Account/Login, wrk 16 connections, 10 s | $(summ "$login") |"
echo "| GET / signed in (chair, Bali), wrk 16 connections, 10 s | $(summ "$home") |"
echo "| web process resident memory after the runs | ${rss} MiB |"
