#!/usr/bin/env bash
# Backs up the portal's database with pg_dump in its custom format (-Fc): one compressed file
# that pg_restore reads back, table by table, into any PostgreSQL of the same or a later major
# version. Everything the portal keeps is in that one database (records, audit trail, sessions,
# uploaded files and Data Protection keys as they move there), so this file is the whole backup.
# The connection comes from ConnectionStrings__Paritrana, else from scripts/start.sh's local setup
# (scripts/pg-connection.sh). Usage: scripts/backup.sh [DIRECTORY]
#   DIRECTORY defaults to $PARITRANA_BACKUP_DIR, else backups/ in the repository.
# Prints the backup's path as the last line of its output (a scheduler can keep it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-connection.sh
pg_connection_from_portal

directory=${1:-${PARITRANA_BACKUP_DIR:-backups}}
mkdir -p "$directory"
# UTC, sortable, no colon (a colon is awkward in file names on some systems).
file="$directory/$PGDATABASE-$(date -u +%Y-%m-%dT%H%M%SZ).dump"
# Written under another name first: a dump cut short (disk full, server gone) never looks like a backup.
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

echo "==> pg_dump of $PGDATABASE on $PGHOST:$PGPORT to $file" >&2
# pg_dump reads every table inside one snapshot, so the file is consistent while the portal runs.
# --no-password: fail at once rather than wait for a password nobody will type.
"$PG_BIN/pg_dump" --format=custom --no-password --file="$partial"

# A file pg_restore cannot read is not a backup: list its contents before calling it one.
tables=$("$PG_BIN/pg_restore" --list "$partial" | grep -c ' TABLE DATA ' || true)
mv "$partial" "$file"
trap - EXIT
echo "==> $(du -h "$file" | cut -f1) with the data of $tables tables" >&2
echo "$file"
