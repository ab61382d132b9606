#!/usr/bin/env bash
# Fault: PostgreSQL stopped for 10 s while signed-in users work (docs/benchmarks.md, "Faults").
# Builds Release and runs PostgresStopTests alone: it starts a private cluster (scripts/postgres.sh,
# as the postgres user) and the built portal with --urls, stops the cluster with pg_ctl -m fast,
# starts it again, checks the answers and the stored data, and prints its summary. No other
# cluster is touched. Usage: scripts/faults/postgres-stop.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "==> Building (Release)"
dotnet build Paritrana.sln -c Release -nologo -v quiet

echo "==> Running the fault"
log=$(mktemp)
set +e
dotnet test tests/Paritrana.Web.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~Paritrana.Web.Tests.Faults.PostgresStopTests" \
  --logger "console;verbosity=detailed" >"$log" 2>&1
status=$?
set -e
# The test's own summary (printed whether it passed or failed), then the verdict.
sed -n '/== Fault:/,/sessions after recovery/p' "$log" | sed 's/^ *\[xUnit[^]]*\] *//' | awk '!seen[$0]++'
if [ $status -eq 0 ]; then
  echo "RESULT: passed"
else
  sed -n '/Error Message:/,/Stack Trace:/p' "$log" | head -n 20
  echo "RESULT: FAILED (full output: $log)"
  exit $status
fi
rm -f "$log"
