# shellcheck shell=bash
# Helpers to install and start PostgreSQL on a Debian machine without Docker.
# Sourced by scripts/start.sh and scripts/test.sh. PostgreSQL refuses to run as root, so the
# server always runs as the "postgres" system user.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@";
  elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@";
  else sudo -u postgres "$@"; fi
}

# Installs the PostgreSQL server from Debian's packages when it is missing.
pg_ensure_installed() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "==> Installing PostgreSQL (apt-get)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  export PG_BIN
}

# pg_private_start DIR PORT: a throwaway cluster in DIR listening on 127.0.0.1:PORT with trust
# authentication for local connections only, tuned for tests (no fsync). Reused if running.
pg_private_start() {
  local dir=$1 port=$2
  pg_ensure_installed
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_root mkdir -p "$dir"
    as_root chown postgres:postgres "$dir"
    as_root chmod 700 "$dir"
    as_postgres "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $port"
      echo "unix_socket_directories = '$dir'"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
      echo "max_connections = 300"
      echo "shared_buffers = 256MB"
    } | as_postgres tee -a "$dir/postgresql.conf" >/dev/null
  fi
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    as_postgres "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null
  fi
}

pg_private_stop() {
  local dir=$1
  as_postgres "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_private_cpu DIR [DECIMALS]: CPU seconds used so far by a private cluster (postmaster, live
# backends, and the backends that have ended, which the postmaster has reaped into its children's
# times); the benchmarks read it before and after a run.
pg_private_cpu() {
  local pm
  pm=$(head -n 1 "$1/postmaster.pid")
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat"
    for c in $(pgrep -P "$pm"); do awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || true; done
  } | awk -v hz="$(getconf CLK_TCK)" -v fmt="%.${2:-2}f" '{s += $1} END {printf fmt, s / hz}'
}

# pg_system_start: the machine's own cluster (Debian's pg_ctlcluster), created if there is none.
pg_system_start() {
  pg_ensure_installed
  local version
  version=$(basename "$(dirname "$PG_BIN")")
  if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
    as_root pg_createcluster "$version" main >/dev/null
  fi
  local cluster
  cluster=$(pg_lsclusters -h | head -n 1)
  local cv cn status
  cv=$(echo "$cluster" | awk '{print $1}')
  cn=$(echo "$cluster" | awk '{print $2}')
  PG_PORT=$(echo "$cluster" | awk '{print $3}')
  status=$(echo "$cluster" | awk '{print $4}')
  export PG_PORT
  if [ "$status" != online ]; then
    as_root pg_ctlcluster "$cv" "$cn" start
  fi
}

# pg_portal_database ROOT: the machine's cluster with the "paritrana" role and database (password
# generated once into ROOT/.local/db-password); exports ConnectionStrings__Paritrana for them.
# Used by scripts/start.sh and scripts/cluster.sh when no connection string is given.
pg_portal_database() {
  local root=$1 password
  pg_system_start
  mkdir -p "$root/.local"
  if [ ! -s "$root/.local/db-password" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$root/.local/db-password")
  fi
  password=$(cat "$root/.local/db-password")
  psql_pg() { as_postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
  if [ "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname = 'paritrana'")" != 1 ]; then
    psql_pg -c "CREATE ROLE paritrana LOGIN PASSWORD '$password'"
  else
    psql_pg -c "ALTER ROLE paritrana PASSWORD '$password'"
  fi
  if [ "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname = 'paritrana'")" != 1 ]; then
    psql_pg -c "CREATE DATABASE paritrana OWNER paritrana ENCODING 'UTF8' TEMPLATE template0"
  fi
  export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PG_PORT;Database=paritrana;Username=paritrana;Password=$password"
}
