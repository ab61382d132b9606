#!/usr/bin/env bash
# Runs the whole test suite against a private PostgreSQL cluster that this script starts
# (installing PostgreSQL first when it is missing). Usage: scripts/test.sh [dotnet test options]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh

PG_DIR=${PARITRANA_TEST_PG_DIR:-/tmp/paritrana-test-pg}
PG_TEST_PORT=${PARITRANA_TEST_PG_PORT:-55432}

echo "==> Starting the test PostgreSQL cluster ($PG_DIR, port $PG_TEST_PORT)"
pg_private_start "$PG_DIR" "$PG_TEST_PORT"
export PARITRANA_TEST_DB="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20;Timeout=15"

echo "==> Restoring the pinned dotnet tools (.config/dotnet-tools.json: dotnet-ef, smtp4dev)"
dotnet tool restore

echo "==> Building"
dotnet build Paritrana.sln -c Release -nologo -v quiet

# The mail tests' SMTP server: smtp4dev (the pinned tool) on free loopback ports, in memory,
# started and stopped here like the cluster above (docs/decisions/028).
SMTP4DEV_DIR=$(mktemp -d)
read -r SMTP4DEV_SMTP SMTP4DEV_WEB < <(python3 -c 'import socket
ports = []
for _ in range(2):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); ports.append(s); 
print(*[p.getsockname()[1] for p in ports])')
echo "==> Starting smtp4dev for the mail tests (SMTP 127.0.0.1:$SMTP4DEV_SMTP, API http://127.0.0.1:$SMTP4DEV_WEB)"
setsid dotnet smtp4dev --urls="http://127.0.0.1:$SMTP4DEV_WEB" --smtpport="$SMTP4DEV_SMTP" --imapport=0 --pop3port=0 \
  --db= --nousersettings --messagestokeep=100000 --sessionstokeep=100 --baseappdatapath="$SMTP4DEV_DIR" \
  >"$SMTP4DEV_DIR/log" 2>&1 &
SMTP4DEV_PID=$!
stop_smtp4dev() {
  # Its own process group (setsid): the tool's host and the server it starts go together.
  kill -- "-$SMTP4DEV_PID" 2>/dev/null || true
  wait "$SMTP4DEV_PID" 2>/dev/null || true
  rm -rf "$SMTP4DEV_DIR"
}
trap stop_smtp4dev EXIT
# The tests wait until it answers (Infrastructure/Smtp4dev.cs).
export PARITRANA_TEST_SMTP4DEV="$SMTP4DEV_SMTP http://127.0.0.1:$SMTP4DEV_WEB/"

# Browser tests keep a screenshot and the HTML of every open page when they fail.
default_screenshots=$PWD/tests/Paritrana.BrowserTests/bin/screenshots
export PARITRANA_SCREENSHOTS=${PARITRANA_SCREENSHOTS:-$default_screenshots}
if [ "$PARITRANA_SCREENSHOTS" = "$default_screenshots" ]; then
  rm -rf "$default_screenshots" # only the default folder is emptied, never one given in the environment
fi

# Every test host would watch appsettings.json for changes: one inotify instance each, and the
# kernel allows 128 per user, which parallel test classes (and several suites on one machine) use up.
export DOTNET_hostBuilder__reloadConfigOnChange=false
# The same limit again: every test host's web root would watch its files for asp-append-version
# (one FileSystemWatcher, one inotify instance each); polling uses none.
export DOTNET_USE_POLLING_FILE_WATCHER=true
echo "==> Running the tests"
log=$(mktemp)
set +e
dotnet test Paritrana.sln -c Release --no-build -nologo \
  --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if [ "${PARITRANA_KEEP_TEST_PG:-}" != 1 ]; then
  pg_private_stop "$PG_DIR"
fi
# One closing line for every test project together.
passed=$(awk '/^ +Passed: +[0-9]+$/ {s += $2} END {print s + 0}' "$log")
failed=$(awk '/^ +Failed: +[0-9]+$/ {s += $2} END {print s + 0}' "$log")
skipped=$(awk '/^ +Skipped: +[0-9]+$/ {s += $2} END {print s + 0}' "$log")
rm -f "$log"
if [ -n "$(ls -A "$PARITRANA_SCREENSHOTS" 2>/dev/null)" ]; then
  echo "Browser test screenshots (failed tests): $PARITRANA_SCREENSHOTS"
  find "$PARITRANA_SCREENSHOTS" -type f | sort
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit $status
