#!/usr/bin/env bash
# Makes the test fixture "a database made by main with the demo" (docs/decisions/016): exports
# COMMIT (default: main) with git archive, builds it, lets its own `migrate` verb create and seed a
# database with Demo:Enabled on a private PostgreSQL cluster, and pg_dumps that database (plain SQL)
# to the fixture, which LegacyUpgradeTests restores and starts the current code on.
# Usage: scripts/baseline/main-dump.sh [COMMIT] [OUTPUT]
# Run it after each merge of main that still brings hand-written migrations, with the merged
# main's commit, so that the fixture is the database that main really makes.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/postgres.sh

COMMIT=${1:-main}
OUTPUT=${2:-tests/Paritrana.Web.Tests/Data/Fixtures/main-with-demo.sql}
PG_DIR=${PARITRANA_TEST_PG_DIR:-/tmp/paritrana-test-pg}
PG_TEST_PORT=${PARITRANA_TEST_PG_PORT:-55432}
SHA=$(git rev-parse --verify "$COMMIT^{commit}")
WORK=$(mktemp -d)
DB=main_dump_$$
trap 'rm -rf "$WORK"' EXIT

echo "==> Exporting $COMMIT ($SHA) to $WORK"
git archive "$SHA" | tar -x -C "$WORK"

echo "==> Building it"
dotnet build "$WORK/src/Paritrana.Web" -c Release -nologo -v quiet

echo "==> Starting PostgreSQL ($PG_DIR, port $PG_TEST_PORT)"
pg_private_start "$PG_DIR" "$PG_TEST_PORT"
psql_pg() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_TEST_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql_pg -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

echo "==> Migrating and seeding the demo with that commit's own migrate verb"
(cd "$WORK/src/Paritrana.Web" && \
  ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=postgres;Database=$DB" \
  ASPNETCORE_ENVIRONMENT=Development Demo__Enabled=true \
  dotnet bin/Release/net10.0/Paritrana.Web.dll migrate)

echo "==> Dumping to $OUTPUT"
mkdir -p "$(dirname "$OUTPUT")"
{
  echo "-- A database made by Paritrana $SHA (\`migrate\` with Demo:Enabled=true), dumped by"
  echo "-- scripts/baseline/main-dump.sh on $(date -u +%Y-%m-%d) with pg_dump --no-owner --no-privileges."
  echo "-- Test fixture of LegacyUpgradeTests (docs/decisions/016); restore with psql, do not edit."
  "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PG_TEST_PORT" -U postgres --no-owner --no-privileges "$DB"
} > "$ROOT/$OUTPUT"
psql_pg -d postgres -c "DROP DATABASE $DB"
echo "==> $(wc -c < "$ROOT/$OUTPUT") bytes; history: $(grep -c '^[0-9]\{14\}_[A-Za-z]*\s' "$ROOT/$OUTPUT" || true) rows starting with a migration id"
