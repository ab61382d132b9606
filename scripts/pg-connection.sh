# shellcheck shell=bash
# The portal's database, as PostgreSQL's own tools (pg_dump, pg_restore, psql) reach it.
# Sourced by scripts/backup.sh and scripts/restore.sh. pg_connection_from_portal exports libpq's
# environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGTARGETSESSIONATTRS, PGSSLMODE)
# from the connection string the portal itself reads, so an operator configures one thing:
#   - ConnectionStrings__Paritrana when set (Npgsql's "Key=Value;..." form, multi-host included:
#     Host=a,b;Target Session Attributes=primary reaches whichever of a and b is the primary);
#   - otherwise the local setup of scripts/start.sh (the machine's cluster, role and database
#     "paritrana", password in .local/db-password).
source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

# npgsql_to_libpq "Host=...;Port=...": exports the PG* variables. Keys are matched as Npgsql
# matches them (case-insensitive, with their synonyms); keys libpq has no use for are ignored.
# A value holding a ';' (quoted in the connection string) is not supported.
npgsql_to_libpq() {
  local connection_string=$1 part key value
  local hosts="" port=5432 database="" user="" password="" target="" sslmode=""
  IFS=';' read -r -a parts <<<"$connection_string"
  for part in "${parts[@]}"; do
    [[ $part == *=* ]] || continue
    key=$(echo "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    value=${part#*=}
    value=${value#"${value%%[![:space:]]*}"}   # trim leading blanks
    value=${value%"${value##*[![:space:]]}"}   # trim trailing blanks
    value=${value#\"}; value=${value%\"}; value=${value#\'}; value=${value%\'}
    case $key in
      host | server) hosts=$value ;;
      port) port=$value ;;
      database | db) database=$value ;;
      username | userid | user) user=$value ;;
      password | psw | pwd) password=$value ;;
      targetsessionattributes) target=$(echo "$value" | tr '[:upper:]' '[:lower:]') ;;
      sslmode) sslmode=$(echo "$value" | tr '[:upper:]' '[:lower:]' | sed 's/^verifyca$/verify-ca/; s/^verifyfull$/verify-full/') ;;
    esac
  done
  [ -n "$hosts" ] || { echo "The connection string has no Host." >&2; return 1; }
  [ -n "$database" ] || { echo "The connection string has no Database." >&2; return 1; }

  # Npgsql writes a host's own port after it (Host=a:5432,b:5433); libpq wants two lists.
  local host host_list="" port_list="" h
  IFS=',' read -r -a host_array <<<"$hosts"
  for host in "${host_array[@]}"; do
    h=$(echo "$host" | tr -d ' ')
    if [[ $h == *:* ]]; then
      host_list+="${host_list:+,}${h%%:*}"; port_list+="${port_list:+,}${h##*:}"
    else
      host_list+="${host_list:+,}$h"; port_list+="${port_list:+,}$port"
    fi
  done

  export PGHOST=$host_list PGPORT=$port_list PGDATABASE=$database
  [ -z "$user" ] || export PGUSER=$user
  [ -z "$password" ] || export PGPASSWORD=$password
  [ -z "$sslmode" ] || export PGSSLMODE=$sslmode
  # libpq knows any, read-write, read-only, primary, standby, prefer-standby; Npgsql's
  # prefer-primary has no libpq equivalent, and any server is then acceptable.
  case $target in
    "" ) ;;
    prefer-primary) export PGTARGETSESSIONATTRS=any ;;
    *) export PGTARGETSESSIONATTRS=$target ;;
  esac
}

pg_connection_from_portal() {
  pg_ensure_installed
  if [ -n "${ConnectionStrings__Paritrana:-}" ]; then
    npgsql_to_libpq "$ConnectionStrings__Paritrana"
  else
    local root
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    if [ ! -s "$root/.local/db-password" ]; then
      echo "ConnectionStrings__Paritrana is not set and there is no local setup (.local/db-password): run scripts/start.sh once, or set ConnectionStrings__Paritrana." >&2
      return 1
    fi
    pg_system_start
    export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGDATABASE=paritrana PGUSER=paritrana
    PGPASSWORD=$(cat "$root/.local/db-password")
    export PGPASSWORD
  fi
  # Never wait for a password at a prompt (a backup runs from cron).
  export PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-10}
}
