#!/usr/bin/env bash
# Starts the portal with demo data at http://localhost:5000 (or $PARITRANA_URL).
# Without ConnectionStrings__Paritrana it installs PostgreSQL if missing, starts the machine's
# cluster, creates the "paritrana" role and database (password generated once into .local/),
# applies the migrations and seeds the demo. With ConnectionStrings__Paritrana it uses that.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
URL=${PARITRANA_URL:-http://localhost:5000}
mkdir -p .local

if [ -z "${ConnectionStrings__Paritrana:-}" ]; then
  source scripts/postgres.sh
  echo "==> Starting PostgreSQL"
  pg_system_start
  if [ ! -s .local/db-password ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > .local/db-password)
  fi
  DB_PASSWORD=$(cat .local/db-password)
  psql_pg() { as_postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
  if [ "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname = 'paritrana'")" != 1 ]; then
    psql_pg -c "CREATE ROLE paritrana LOGIN PASSWORD '$DB_PASSWORD'"
  else
    psql_pg -c "ALTER ROLE paritrana PASSWORD '$DB_PASSWORD'"
  fi
  if [ "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname = 'paritrana'")" != 1 ]; then
    psql_pg -c "CREATE DATABASE paritrana OWNER paritrana ENCODING 'UTF8' TEMPLATE template0"
  fi
  export ConnectionStrings__Paritrana="Host=127.0.0.1;Port=$PG_PORT;Database=paritrana;Username=paritrana;Password=$DB_PASSWORD"
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Demo__Enabled=true
DEMO_PASSWORD=${Demo__Password:-Demo-Paritrana-2026}

echo "==> Restoring the pinned dotnet tools (.config/dotnet-tools.json: dotnet-ef)"
dotnet tool restore

echo "==> Building"
dotnet build src/Paritrana.Web -c Release -nologo -v quiet
APP="$ROOT/src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll"

echo "==> Applying migrations and seeding the demo"
(cd src/Paritrana.Web && dotnet "$APP" migrate)

cat <<INFO

  Paritrana is starting at $URL

  Demo accounts (password: $DEMO_PASSWORD)
    admin@paritrana.demo             Administrator (national secretariat)
    ketua.bali@paritrana.demo        Committee chair, Bali
    anggota.bali@paritrana.demo      Committee member, Bali
    cabang.denpasar@paritrana.demo   Branch officer, Kantor Cabang Denpasar
    cabang.gianyar@paritrana.demo    Branch officer, Kantor Cabang Gianyar
    ketua.jateng@paritrana.demo      Committee chair, Jawa Tengah
    anggota.jateng@paritrana.demo    Committee member, Jawa Tengah

  Stop with Ctrl+C.

INFO
cd src/Paritrana.Web
exec dotnet "$APP" --urls "$URL"
