#!/usr/bin/env bash
# Writes the deployment SQL script to artifacts/migrate.sql (or $1): the bridge from the
# hand-written migrations, then EF Core's idempotent script of every migration (the same text as
# `dotnet ef migrations script --idempotent`). Opens no database. Apply it with
#   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f artifacts/migrate.sql
# then start the portal with Database__MigrateOnStartup=false (docs/decisions/016, README).
set -euo pipefail
cd "$(dirname "$0")/.."
OUTPUT=${1:-artifacts/migrate.sql}
dotnet build src/Paritrana.Web -c Release -nologo -v quiet
mkdir -p "$(dirname "$OUTPUT")"
dotnet src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll migrations-script > "$OUTPUT"
echo "Wrote $OUTPUT ($(wc -l < "$OUTPUT") lines). Apply it with: psql \"\$DATABASE_URL\" -v ON_ERROR_STOP=1 -f $OUTPUT"
