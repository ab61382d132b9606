#!/usr/bin/env bash
# Restores a backup of scripts/backup.sh into a new database, then checks it.
# Usage: scripts/restore.sh FILE [TARGET_DATABASE]
#   TARGET_DATABASE defaults to paritrana_restored_<UTC date and time>. It must not exist: a
#   restore never writes over a database (point the portal at the restored one once it is checked).
# The server is the one of ConnectionStrings__Paritrana, else scripts/start.sh's local setup; the
# role used must be allowed to create databases. RESTORE_OWNER=role makes that role the owner of
# the database and of everything restored in it (pg_restore --role; the connecting role must be a
# member of it), otherwise the connecting role owns them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-connection.sh

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ ! -f "$1" ]; then
  echo "Usage: scripts/restore.sh FILE [TARGET_DATABASE] (FILE: a dump of scripts/backup.sh)" >&2
  exit 2
fi
file=$1
target=${2:-paritrana_restored_$(date -u +%Y%m%d%H%M%S)}
pg_connection_from_portal
psql_admin() { "$PG_BIN/psql" -X -q -t -A -v ON_ERROR_STOP=1 --no-password -d postgres "$@"; }
psql_target() { "$PG_BIN/psql" -X -q -t -A -v ON_ERROR_STOP=1 --no-password -d "$target" "$@"; }

# The file must be a dump pg_restore can read before anything is created.
toc=$("$PG_BIN/pg_restore" --list "$file")
dumped_tables=$(echo "$toc" | awk '$4 == "TABLE" && $5 == "DATA" {print $6 "." $7}' | sort)

if [ "$(psql_admin -v db="$target" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db'")" != 0 ]; then
  echo "Database $target exists already; a restore goes into a new database." >&2
  exit 1
fi

echo "==> Creating database $target on $PGHOST:$PGPORT"
owner=${RESTORE_OWNER:-}
psql_admin -v db="$target" -v owner="${owner:-$PGUSER}" \
  <<<"CREATE DATABASE :\"db\" OWNER :\"owner\" ENCODING 'UTF8' TEMPLATE template0"
# A failed restore leaves no half database behind.
trap 'echo "Restore failed; dropping $target." >&2; psql_admin -v db="$target" <<<"DROP DATABASE IF EXISTS :\"db\" WITH (FORCE)"' ERR

echo "==> pg_restore $file"
# --single-transaction with --exit-on-error: all of it or nothing.
# --no-owner and --no-privileges: the roles of the original server need not exist here; the
# restored objects belong to the connecting role, or to RESTORE_OWNER.
"$PG_BIN/pg_restore" --dbname="$target" --no-password --single-transaction --exit-on-error \
  --no-owner --no-privileges ${owner:+--role="$owner"} "$file"

echo "==> Checking"
# Every table whose data is in the dump is in the new database ...
restored_tables=$(psql_target <<<"
  SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
  ORDER BY 1" | sort)
missing=$(comm -23 <(echo "$dumped_tables") <(echo "$restored_tables"))
if [ -n "$missing" ]; then
  echo "Tables of the dump missing after the restore: $missing" >&2
  false
fi
# ... the schema is one the portal knows (its migration history came with it) ...
migration=$(psql_target <<<'SELECT max("MigrationId") FROM "__EFMigrationsHistory"')
if [ -z "$migration" ]; then
  echo "The restored database has no migration history: not a dump of the portal's database." >&2
  false
fi
# ... and the planner gets statistics at once (pg_restore does not collect them).
psql_target <<<"ANALYZE"
trap - ERR

echo "==> Restored $target: $(echo "$restored_tables" | grep -c .) tables, schema at $migration"
echo "    Rows per table (counted):"
# query_to_xml runs one count(*) per table found in the catalog, within this one statement.
psql_target <<<"
  SELECT format('      %-40s %s', n.nspname || '.' || c.relname,
    (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
  ORDER BY n.nspname, c.relname"
