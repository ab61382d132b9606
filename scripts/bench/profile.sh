#!/usr/bin/env bash
# Where the portal's own CPU goes on one page (issue 12, "Speed"): the chair of Jawa Tengah signed
# in, wrk at 32 connections on the page while dotnet-trace samples the portal's threads for 12 s
# (profile dotnet-sampled-thread-time, saved as Speedscope JSON), then a summary of the samples in
# which a thread ran managed code: the share of that time under each frame of the portal
# (scripts/bench/profile-summary.py). Open the .speedscope.json at https://www.speedscope.app for
# the flame graph. Needs the national database left by `PARITRANA_BENCH_KEEP=1 scripts/bench/national.sh`
# and dotnet-trace (`dotnet tool install -g dotnet-trace`, a measuring tool, not a project tool).
# Usage: scripts/bench/profile.sh "/Scoring/Ranking?kategori=12" [Paritrana.Web.dll]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh
PAGE=$1
APP=${2:-"$ROOT/src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll"}
PG_DIR=${PARITRANA_BENCH_PG_DIR:-/tmp/pg-bench}
PORT_PG=${PARITRANA_BENCH_PG_PORT:-55443}
URL=${PARITRANA_BENCH_URL:-http://127.0.0.1:5143}
WORK=${PARITRANA_BENCH_WORK:-/tmp/paritrana-bench-profile}
TRACE=${DOTNET_TRACE:-$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")}
NAME=$(echo "$PAGE" | tr -c 'A-Za-z0-9' '-' | sed 's/^-*//; s/-*$//')
mkdir -p "$WORK"
[ -x "$TRACE" ] || { echo "dotnet-trace not found: dotnet tool install -g dotnet-trace" >&2; exit 2; }
pg_private_start "$PG_DIR" "$PORT_PG"
export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PORT_PG;Username=postgres;Database=paritrana_bench_national;Maximum Pool Size=50"
# The production pipeline (Staging: as Production, where only the demo is refused; scripts/bench/national.sh).
export ASPNETCORE_ENVIRONMENT=Staging Security__RequireHttps=false Demo__Enabled=true Logging__LogLevel__Default=Warning
(cd src/Paritrana.Web && exec dotnet "$APP" --urls "$URL" >"$WORK/portal.log" 2>&1) &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true' EXIT
until curl -s -o /dev/null -w '%{http_code}' "$URL/Account/Login" 2>/dev/null | grep -q 200; do
  kill -0 "$APP_PID" 2>/dev/null || { echo "the portal did not start: $WORK/portal.log" >&2; exit 1; }
  sleep 0.3
done
jar="$WORK/chair.jar"; rm -f "$jar"
token=$(curl -s -c "$jar" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$URL/Account/Login" --data-urlencode "Input.Email=ketua.jateng@paritrana.demo" \
  --data-urlencode "Input.Password=Demo-Paritrana-2026" --data-urlencode "__RequestVerificationToken=$token"
cookie=$(awk '$6 == ".Paritrana.Auth" {print $6"="$7}' "$jar")
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$URL$PAGE")" = 200 ] || { echo "$PAGE did not answer 200" >&2; exit 1; }
# Warm-up until the tiered JIT has finished (tens of seconds of load; scripts/bench/national.sh, steady).
wrk -t2 -c32 -d"${PARITRANA_BENCH_WARMUP:-60}s" -H "Cookie: $cookie" "$URL$PAGE" >/dev/null
wrk -t2 -c32 -d14s -H "Cookie: $cookie" "$URL$PAGE" >"$WORK/$NAME.wrk" &
WRK=$!
"$TRACE" collect -p "$APP_PID" --profile dotnet-sampled-thread-time --format Speedscope --duration 00:00:00:12 -o "$WORK/$NAME.nettrace" >"$WORK/trace.log" 2>&1
wait "$WRK"
echo "$PAGE: $(awk '/^Requests\/sec/ {print $2}' "$WORK/$NAME.wrk") req/s under the trace, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 scripts/bench/profile-summary.py "$WORK/$NAME.speedscope.json"
